//! What a write shows while it runs: on a terminal, each phase with its file and a bar; in
//! a log, plain lines without escape codes; with `--format json`, one event per line, each
//! one named in `docs/events.schema.json` with the fields it requires there.

use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

use serde_json::Value;

use crate::support::pty::OnPty;
use crate::support::{espflow, random_bytes, run, serve};

const LIMIT: Duration = Duration::from_secs(60);

/// The events the schema names, each with its required fields.
fn schema() -> HashMap<String, Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/events.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    schema["oneOf"]
        .as_array()
        .expect("oneOf")
        .iter()
        .map(|e| {
            let name = e["properties"]["event"]["const"]
                .as_str()
                .unwrap()
                .to_string();
            let required = e["required"].as_array().unwrap();
            let required = required.iter().map(|r| r.as_str().unwrap().to_string());
            (name, required.collect())
        })
        .collect()
}

/// Every stdout line parsed, each checked against the schema.
fn events(stdout: &[u8]) -> Vec<Value> {
    let schema = schema();
    let text = String::from_utf8_lossy(stdout);
    text.lines()
        .map(|line| {
            let v: Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("not a JSON line ({e}): {line:?}"));
            let name = v["event"]
                .as_str()
                .unwrap_or_else(|| panic!("no event: {line}"));
            let required = schema
                .get(name)
                .unwrap_or_else(|| panic!("event {name:?} is not in the schema: {line}"));
            for field in required {
                assert!(v.get(field).is_some(), "{name} lacks {field}: {line}");
            }
            v
        })
        .collect()
}

/// `(stage, file)` of each `begin`.
fn begins(events: &[Value]) -> Vec<(String, Option<String>)> {
    events
        .iter()
        .filter(|e| e["event"] == "begin")
        .map(|e| {
            let file = e["file"].as_str().map(|f| {
                Path::new(f)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            });
            (e["stage"].as_str().unwrap().to_string(), file)
        })
        .collect()
}

fn stages(list: &[(&str, Option<&str>)]) -> Vec<(String, Option<String>)> {
    list.iter()
        .map(|(s, f)| (s.to_string(), f.map(str::to_string)))
        .collect()
}

struct Files {
    dir: tempfile::TempDir,
}

impl Files {
    fn new() -> Files {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.bin"), random_bytes(0x3000, 1)).unwrap();
        std::fs::write(dir.path().join("b.bin"), random_bytes(0x1800, 2)).unwrap();
        Files { dir }
    }

    fn path(&self, name: &str) -> String {
        self.dir.path().join(name).to_string_lossy().into_owned()
    }

    fn espflow(&self, args: &[&str]) -> std::process::Output {
        let mut c = espflow();
        c.env("ESPFLOW_STATE_DIR", self.dir.path().join("state"))
            .arg("--port")
            .arg(format!("virtual:{}", self.path("flash.img")))
            .args(args);
        run(c, LIMIT)
    }
}

#[test]
fn a_write_on_a_terminal_shows_its_phases_file_and_bar() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    let img = dir.path().join("app.bin");
    std::fs::write(&img, random_bytes(0x8000, 7)).unwrap();
    let served = serve(&flash, &["--realtime"]);
    let mut c = espflow();
    c.env("ESPFLOW_STATE_DIR", dir.path().join("state"))
        .args(["--port", &served.port, "write-flash", "0x10000"])
        .arg(&img);
    let mut pty = OnPty::spawn(c);
    let st = pty.wait(LIMIT);
    let out = pty.output();
    assert!(st.success(), "{st:?}; the terminal shows:\n{out}");
    assert!(
        out.contains("connected to ESP32-C3 (MAC "),
        "no banner after connecting:\n{out}"
    );
    let app = img.to_string_lossy();
    for phase in [
        "connect".to_string(),
        "stub-upload".to_string(),
        format!("compare {app} at 0x10000"),
        format!("write {app} at 0x10000"),
        format!("verify {app} at 0x10000"),
    ] {
        assert!(out.contains(&phase), "{phase:?} not shown:\n{out}");
    }
    // The bar itself, filled at the end, with its byte counts.
    assert!(
        out.contains("[=============================="),
        "no bar:\n{out}"
    );
    assert!(
        out.contains("32.00 KiB/32.00 KiB"),
        "no byte counts:\n{out}"
    );
}

#[test]
fn a_two_file_write_in_json_reports_each_phase_with_its_file() {
    let f = Files::new();
    let out = f.espflow(&[
        "--format",
        "json",
        "write-flash",
        "0x1000",
        &f.path("a.bin"),
        "0x10000",
        &f.path("b.bin"),
    ]);
    assert!(out.status.success(), "{out:?}");
    let ev = events(&out.stdout);
    assert_eq!(
        begins(&ev),
        stages(&[
            ("connect", None),
            ("digest", None),
            ("stub-upload", None),
            ("compare", Some("a.bin")),
            ("write", Some("a.bin")),
            ("verify", Some("a.bin")),
            ("compare", Some("b.bin")),
            ("write", Some("b.bin")),
            ("verify", Some("b.bin")),
        ])
    );
    let connected = ev.iter().position(|e| e["event"] == "connected").unwrap();
    assert_eq!(ev[connected]["chip"], "ESP32-C3");
    let mac = ev[connected]["mac"].as_str().unwrap().to_string();
    assert_eq!(mac.len(), 17, "{mac}");
    let port = format!("virtual:{}", f.path("flash.img"));
    let mut last_ts = 0;
    for (i, e) in ev.iter().enumerate() {
        assert_eq!(e["port"], port.as_str(), "{e}");
        let ts = e["ts"].as_u64().unwrap();
        assert!(ts >= last_ts && ts > 1_600_000_000_000, "{e}");
        last_ts = ts;
        if i >= connected {
            assert_eq!(e["chip"], "ESP32-C3", "{e}");
            assert_eq!(e["mac"], mac.as_str(), "{e}");
        }
    }
    // Each stage that begins ends, with the same file and address.
    let ends = ev.iter().filter(|e| e["event"] == "end").count();
    assert_eq!(ends, begins(&ev).len());
    let write_b = ev
        .iter()
        .find(|e| e["event"] == "end" && e["stage"] == "write" && e["addr"] == 0x10000)
        .expect("the end of b.bin's write");
    assert!(write_b["file"].as_str().unwrap().ends_with("b.bin"));
    let last = ev.last().unwrap();
    assert_eq!(last["event"], "summary");
    assert_eq!(last["bytes_sent"], 0x3000 + 0x1800);

    // Again with one sector of b.bin changed: a.bin is proven in place and b.bin's write
    // says how much of it was skipped.
    let mut b = random_bytes(0x1800, 2);
    b[0x1000] ^= 0xFF;
    std::fs::write(f.path("b.bin"), &b).unwrap();
    let out = f.espflow(&[
        "--format",
        "json",
        "write-flash",
        "0x1000",
        &f.path("a.bin"),
        "0x10000",
        &f.path("b.bin"),
    ]);
    assert!(out.status.success(), "{out:?}");
    let ev = events(&out.stdout);
    let write_b = ev
        .iter()
        .find(|e| e["event"] == "begin" && e["stage"] == "write" && e["addr"] == 0x10000)
        .expect("b.bin's write");
    assert_eq!(write_b["skipped"], 0x1000, "{write_b}");
    assert_eq!(write_b["total"], 0x800, "{write_b}");
    let write_a = ev
        .iter()
        .find(|e| e["event"] == "begin" && e["stage"] == "write" && e["addr"] == 0x1000)
        .expect("a.bin's write");
    assert_eq!(write_a["skipped"], 0x3000, "{write_a}");
}

#[test]
fn a_failure_in_json_ends_with_an_error_event_carrying_its_code() {
    let f = Files::new();
    let out = f.espflow(&[
        "--format",
        "json",
        "write-flash",
        "0x3FF000",
        &f.path("a.bin"),
    ]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let ev = events(&out.stdout);
    let names: Vec<&str> = ev.iter().map(|e| e["event"].as_str().unwrap()).collect();
    assert_eq!(names, ["begin", "end", "connected", "error"], "{ev:?}");
    let err = ev.last().unwrap();
    assert_eq!(err["code"], "bad-input");
    assert_eq!(err["exit"], 2);
    assert_eq!(err["chip"], "ESP32-C3");
    assert!(
        err["message"].as_str().unwrap().contains("past the end"),
        "{err}"
    );
    // A failure before any port is known still says its code.
    let out = f.espflow(&[
        "--format",
        "json",
        "write-flash",
        "0x1000",
        "/nonexistent.bin",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let ev = events(&out.stdout);
    assert_eq!(ev.len(), 1, "{ev:?}");
    assert_eq!(ev[0]["code"], "bad-input");
}

#[test]
fn quiet_shows_only_the_result_and_a_log_has_no_escape_codes() {
    let f = Files::new();
    let a = f.path("a.bin");
    let out = f.espflow(&["-q", "--format", "json", "write-flash", "0x1000", &a]);
    assert!(out.status.success(), "{out:?}");
    let ev = events(&out.stdout);
    let names: Vec<&str> = ev.iter().map(|e| e["event"].as_str().unwrap()).collect();
    assert_eq!(names, ["summary"]);
    assert_eq!(
        ev[0]["chip"], "ESP32-C3",
        "the context is known even when quiet"
    );

    std::fs::write(f.path("a.bin"), random_bytes(0x3000, 9)).unwrap();
    let out = f.espflow(&["-v", "write-flash", "0x1000", &a]);
    assert!(out.status.success(), "{out:?}");
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(!log.contains('\x1b'), "escape codes in a log:\n{log}");
    assert!(log.contains("connected to ESP32-C3 (MAC "), "{log}");
    assert!(
        log.contains(&format!("write {a} at 0x1000: 12288 bytes")),
        "{log}"
    );
    assert!(
        log.contains(&format!("verify {a} at 0x1000: done in")),
        "{log}"
    );

    std::fs::write(f.path("a.bin"), random_bytes(0x3000, 10)).unwrap();
    let out = f.espflow(&["-q", "write-flash", "0x1000", &a]);
    assert!(out.status.success(), "{out:?}");
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(
        !log.contains("connected to") && !log.contains("write "),
        "{log}"
    );
    assert!(log.contains("wrote 12288 bytes"), "{log}");
}

#[test]
fn every_command_answers_in_json_lines_the_schema_names() {
    let f = Files::new();
    let table = f.path("table.csv");
    std::fs::write(
        &table,
        "nvs, data, nvs, 0x9000, 0x6000\nfactory, app, factory, 0x10000, 0x100000\n",
    )
    .unwrap();
    let a = f.path("a.bin");
    let copy = f.path("copy.bin");
    let cases: [(&[&str], &str); 7] = [
        (&["board-info"], "board_info"),
        (&["read-flash", "0x1000", "0x1000", &copy], "result"),
        (&["erase-region", "0x1000", "0x1000"], "result"),
        (&["erase-flash"], "result"),
        (&["write-flash", "0x1000", &a], "summary"),
        (&["checksum-md5", "0x1000", "0x3000"], "checksum"),
        (&["partition-table", "show", &table], "partition_table"),
    ];
    for (args, last) in cases {
        let mut all = vec!["--format", "json"];
        all.extend_from_slice(args);
        let out = f.espflow(&all);
        assert!(out.status.success(), "{args:?}: {out:?}");
        let ev = events(&out.stdout);
        let result = ev.last().unwrap_or_else(|| panic!("{args:?}: no output"));
        assert_eq!(result["event"], last, "{args:?}: {ev:?}");
        if args[0] == "erase-region" {
            assert_eq!(result["command"], "erase-region");
            assert_eq!(result["addr"], 0x1000);
            let erase = ev
                .iter()
                .find(|e| e["event"] == "begin" && e["stage"] == "erase");
            assert!(erase.is_some(), "no erase stage: {ev:?}");
        }
        if args[0] == "read-flash" {
            let read = ev
                .iter()
                .find(|e| e["event"] == "begin" && e["stage"] == "read");
            let read = read.unwrap_or_else(|| panic!("no read stage: {ev:?}"));
            assert_eq!(read["file"], copy.as_str(), "{read}");
            assert_eq!(read["addr"], 0x1000, "{read}");
        }
        if args[0] == "checksum-md5" {
            let md5 = result["md5"].as_str().unwrap();
            assert_eq!(md5.len(), 32, "{result}");
        }
        if args[0] == "partition-table" {
            assert_eq!(result["partitions"][1]["name"], "factory");
            assert_eq!(result["partitions"][1]["offset"], 0x10000);
        }
    }
}

#[test]
fn a_resumed_write_says_how_much_it_resumed_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    let img = dir.path().join("img.bin");
    std::fs::write(&img, random_bytes(0x10000, 21)).unwrap();
    let served = serve(&flash, &["--fault", "power-cut:program=100", "--seed", "5"]);
    let write = |format: &str| {
        let mut c = espflow();
        c.env("ESPFLOW_STATE_DIR", dir.path().join("state"))
            .args(["--port", &served.port, "--format", format])
            .args(["write-flash", "0x20000"])
            .arg(&img);
        run(c, LIMIT)
    };
    let first = write("json");
    assert_eq!(first.status.code(), Some(5), "{first:?}");
    let ev = events(&first.stdout);
    let err = ev.last().unwrap();
    assert_eq!(
        (&err["event"], &err["code"]),
        (&"error".into(), &"resumable".into())
    );
    let again = write("json");
    assert!(again.status.success(), "{again:?}");
    let ev = events(&again.stdout);
    let begin = ev
        .iter()
        .find(|e| e["event"] == "begin" && e["stage"] == "write")
        .expect("a write stage");
    let (skipped, resumed) = (begin["skipped"].as_u64(), begin["resumed"].as_u64());
    assert!(resumed.is_some_and(|r| r > 0), "{begin}");
    assert!(skipped >= resumed, "{begin}");
    assert_eq!(
        begin["total"].as_u64().unwrap() + skipped.unwrap(),
        0x10000,
        "{begin}"
    );
}
