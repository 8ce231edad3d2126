//! Each documented exit status, produced by the real binary against a virtual chip, with
//! the JSON `error` event carrying the matching code.

use std::net::TcpListener;
use std::path::Path;
use std::process::Output;

use crate::support::*;

fn status(out: &Output) -> i32 {
    out.status.code().expect("exited, not killed")
}

/// The `code` of the JSON error event on stdout.
fn json_code(out: &Output) -> String {
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|v| v["event"] == "error")
        .unwrap_or_else(|| panic!("no error event in: {stdout}"));
    line["code"].as_str().unwrap().to_string()
}

fn write_file(dir: &Path, name: &str, data: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, data).unwrap();
    p.to_str().unwrap().to_string()
}

#[test]
fn zero_when_done() {
    let dir = tempfile::tempdir().unwrap();
    let port = format!("virtual:{}", dir.path().join("f.bin").display());
    let out = espflow_on(&port, &["board-info"]);
    assert_eq!(status(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn one_when_the_device_does_not_answer() {
    // A socket that accepts and never says a word.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = format!("socket://{}", silent.local_addr().unwrap());
    let out = espflow_on(
        &port,
        &["--connect-attempts", "1", "--format", "json", "board-info"],
    );
    assert_eq!(status(&out), 1, "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(json_code(&out), "timeout");
}

#[test]
fn two_for_bad_input_from_a_file_or_the_device_alike() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    let port = format!("virtual:{}", flash.display());
    let img = write_file(dir.path(), "a.bin", &[1; 0x2000]);
    let out = espflow_on(
        &port,
        &["--format", "json", "write-flash", "0x3FF000", &img],
    );
    assert_eq!(status(&out), 2, "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(json_code(&out), "bad-input");

    // The same broken table, shown from a file and from the device.
    let mut table = std::fs::read(fixture("partition-tables/stock_two_ota.bin")).unwrap();
    table[40] ^= 0xFF;
    let bad = write_file(dir.path(), "bad.bin", &table);
    let from_file = espflow_on(&port, &["partition-table", "show", &bad]);
    assert_eq!(status(&from_file), 2);
    ok(&espflow_on(&port, &["write-flash", "0x8000", &bad]));
    let from_device = espflow_on(&port, &["partition-table", "show"]);
    assert_eq!(
        status(&from_device),
        2,
        "{}",
        String::from_utf8_lossy(&from_device.stderr)
    );
}

#[test]
fn three_when_the_flash_does_not_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    // A worn byte inside the image: the stub's read-back and the ROM path's MD5 both see it.
    let served = serve(&flash, &["--fault", "worn-cell:addr=65600"]);
    let img = write_file(dir.path(), "a.bin", &random_bytes(0x4000, 5));
    for extra in [&[][..], &["--no-stub"][..]] {
        let mut args = extra.to_vec();
        args.extend(["--format", "json", "write-flash", "0x10000", &img]);
        let out = espflow_on(&served.port, &args);
        assert_eq!(
            status(&out),
            3,
            "{extra:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(json_code(&out), "verify-mismatch");
    }
}

#[test]
fn four_when_a_guard_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    let port = format!("virtual:{}", flash.display());
    let table = fixture("partition-tables/stock_two_ota.csv");
    let bin = dir.path().join("table.bin");
    ok(&espflow_on(
        &port,
        &[
            "partition-table",
            "convert",
            table.to_str().unwrap(),
            bin.to_str().unwrap(),
        ],
    ));
    ok(&espflow_on(
        &port,
        &["write-flash", "0x8000", bin.to_str().unwrap()],
    ));
    ok(&espflow_on(&port, &["ota", "activate", "ota_0"]));
    let before = std::fs::read(&flash).unwrap();
    let app = write_file(dir.path(), "app.bin", &random_bytes(0x3000, 6));
    let out = espflow_on(
        &port,
        &[
            "--format", "json", "ota", "write", &app, "--slot", "ota_0", "--force",
        ],
    );
    assert_eq!(status(&out), 4, "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(json_code(&out), "refused");
    assert!(
        std::fs::read(&flash).unwrap() == before,
        "the flash changed"
    );
}

#[test]
fn five_when_a_write_is_cut_off_and_the_rerun_finishes_it() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    let img_bytes = random_bytes(0x40000, 8);
    let img = write_file(dir.path(), "a.bin", &img_bytes);
    let state = dir.path().join("state");
    {
        // The line drops well after the stub upload, in the middle of the data.
        let served = serve(&flash, &["--fault", "line-drop:after-bytes=150000"]);
        let mut c = espflow();
        c.env("ESPFLOW_STATE_DIR", &state).args([
            "--port",
            &served.port,
            "--format",
            "json",
            "write-flash",
            "0x10000",
            &img,
        ]);
        let out = run(c, std::time::Duration::from_secs(60));
        assert_eq!(status(&out), 5, "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(json_code(&out), "resumable");
    }
    let served = serve(&flash, &[]);
    let mut c = espflow();
    c.env("ESPFLOW_STATE_DIR", &state).args([
        "--port",
        &served.port,
        "write-flash",
        "0x10000",
        &img,
    ]);
    ok(&run(c, std::time::Duration::from_secs(60)));
    let got = std::fs::read(&flash).unwrap();
    assert!(
        got[0x10000..0x50000] == img_bytes[..],
        "the rerun finished the image"
    );
}
