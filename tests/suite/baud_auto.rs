//! `--baud auto` against a served virtual chip whose serial bridge has a highest rate and
//! byte errors that rise with the rate: the write lands byte-exact at the fastest rate the
//! line sustains, a rate past the bridge is survived on both ends, rising errors make it
//! step back, and the rate found is where the next run on that port starts.

use std::path::Path;
use std::time::Duration;

use serde_json::Value;

use crate::support::{FLASH_4M, espflow, random_bytes, run, serve};

const LIMIT: Duration = Duration::from_secs(120);
const ADDR: usize = 0x10000;

/// The fields `docs/events.schema.json` requires of the event `name`.
fn required(name: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/events.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let entry = schema["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["properties"]["event"]["const"] == name)
        .unwrap_or_else(|| panic!("{name} is not in the schema"));
    let fields = entry["required"].as_array().unwrap();
    fields.iter().map(|f| f.as_str().unwrap().into()).collect()
}

/// Runs `espflow --port PORT --format json ARGS` with its own state directory; returns
/// the exit status's success, every JSON line (the `baud` and `summary` ones checked
/// against the schema) and stderr.
fn json_run(port: &str, state: &Path, args: &[&str]) -> (bool, Vec<Value>, String) {
    let mut c = espflow();
    c.env("ESPFLOW_STATE_DIR", state)
        .args(["--port", port, "--format", "json"])
        .args(args);
    let out = run(c, LIMIT);
    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    for name in ["baud", "summary"] {
        let fields = required(name);
        for v in lines.iter().filter(|v: &&Value| v["event"] == name) {
            for f in &fields {
                assert!(v.get(f).is_some(), "{name} lacks {f}: {v}");
            }
        }
    }
    (out.status.success(), lines, stderr)
}

fn events<'a>(lines: &'a [Value], name: &str) -> Vec<&'a Value> {
    lines.iter().filter(|v| v["event"] == name).collect()
}

fn summary(lines: &[Value]) -> &Value {
    events(lines, "summary")
        .pop()
        .unwrap_or_else(|| panic!("no summary in {lines:?}"))
}

/// A served chip with old random contents behind the bridge its flags describe, and the
/// state directory its clients share.
struct Trial {
    _dir: tempfile::TempDir,
    flash: std::path::PathBuf,
    state: std::path::PathBuf,
    old: Vec<u8>,
    served: crate::support::Served,
    runs: usize,
}

impl Trial {
    fn new(bridge: &[&str]) -> Trial {
        let dir = tempfile::tempdir().unwrap();
        let flash = dir.path().join("flash.bin");
        let old = random_bytes(FLASH_4M, 11);
        std::fs::write(&flash, &old).unwrap();
        let served = serve(&flash, bridge);
        let state = dir.path().join("state");
        Trial {
            flash,
            state,
            old,
            served,
            runs: 0,
            _dir: dir,
        }
    }

    /// Writes `size` random bytes (seeded) at [`ADDR`] with `baud`; returns the lines.
    fn write(&mut self, baud: &str, size: usize, seed: u64) -> Vec<Value> {
        let image = random_bytes(size, seed);
        let path = self.flash.with_file_name(format!("img{seed}.bin"));
        std::fs::write(&path, &image).unwrap();
        let addr = format!("{ADDR:#x}");
        let (ok, lines, stderr) = json_run(
            &self.served.port,
            &self.state,
            &["--baud", baud, "write-flash", &addr, path.to_str().unwrap()],
        );
        assert!(ok, "write failed: {stderr}\n{lines:?}");
        // The chip writes its flash file through; the client has left, so it is settled
        // once the chip logged the session.
        self.runs += 1;
        self.served.sessions(self.runs);
        let now = std::fs::read(&self.flash).unwrap();
        assert!(
            now[ADDR..ADDR + size] == image[..],
            "the image is not in place"
        );
        assert!(now[..ADDR] == self.old[..ADDR], "flash before it changed");
        assert!(
            now[ADDR + size..] == self.old[ADDR + size..],
            "flash after it changed"
        );
        self.old[ADDR..ADDR + size].copy_from_slice(&image);
        assert_eq!(summary(&lines)["verified"], true);
        lines
    }
}

fn rate(v: &Value) -> u64 {
    v["baud"]
        .as_u64()
        .unwrap_or_else(|| panic!("no baud in {v}"))
}

#[test]
fn auto_writes_above_921600_within_what_the_bridge_makes() {
    let mut t = Trial::new(&[
        "--bridge-max-baud",
        "3000000",
        "--bridge-errors",
        "1e-4@3000000",
        "--seed",
        "5",
    ]);
    let lines = t.write("auto", 256 << 10, 1);
    let chosen = rate(summary(&lines));
    assert!(
        chosen > 921_600 && chosen <= 3_000_000,
        "chose {chosen} baud"
    );
    let bauds = events(&lines, "baud");
    assert_eq!(bauds[0]["reason"], "start", "{bauds:?}");
    assert!(bauds.iter().all(|b| rate(b) <= 3_000_000), "{bauds:?}");
    assert_eq!(rate(bauds.last().unwrap()), chosen);
}

#[test]
fn a_bridge_that_tops_out_at_921600_keeps_auto_there_and_the_write_succeeds() {
    let mut t = Trial::new(&["--bridge-max-baud", "921600"]);
    let lines = t.write("auto", 128 << 10, 2);
    assert_eq!(rate(summary(&lines)), 921_600);
    let bauds = events(&lines, "baud");
    assert!(bauds.iter().all(|b| rate(b) <= 921_600), "{bauds:?}");
    // The rate past the bridge was tried, found dead, and both ends came back.
    let dead = bauds
        .iter()
        .find(|b| b["reason"] == "dead")
        .unwrap_or_else(|| panic!("no dead rate in {bauds:?}"));
    assert_eq!(dead["tried"], 1_500_000);
    assert_eq!(rate(dead), 921_600);
}

#[test]
fn rising_errors_make_auto_step_back_and_the_next_run_starts_where_it_held() {
    // No error up to 2 Mbaud, one byte in 2000 at 2.5 Mbaud: the probe there cannot pass.
    let mut t = Trial::new(&[
        "--bridge-errors",
        "1e-3@3000000",
        "--bridge-knee",
        "2000000",
        "--seed",
        "9",
    ]);
    let lines = t.write("auto", 128 << 10, 3);
    let bauds = events(&lines, "baud");
    let back = bauds
        .iter()
        .find(|b| b["reason"] == "probe_failed")
        .unwrap_or_else(|| panic!("no step back in {bauds:?}"));
    assert_eq!(back["tried"], 2_500_000);
    assert_eq!(rate(back), 2_000_000);
    assert_eq!(rate(summary(&lines)), 2_000_000);
    // Same port, same state: the search starts at 2 Mbaud this time.
    let again = t.write("auto", 64 << 10, 4);
    let first = events(&again, "baud")[0];
    assert_eq!(first["reason"], "start");
    assert_eq!(rate(first), 2_000_000);
    assert_eq!(rate(summary(&again)), 2_000_000);
}

#[test]
fn a_fixed_rate_stays_that_rate() {
    let mut t = Trial::new(&["--bridge-max-baud", "3000000"]);
    let lines = t.write("921600", 64 << 10, 5);
    assert!(events(&lines, "baud").is_empty(), "{lines:?}");
    assert!(summary(&lines).get("baud").is_none());
}

#[test]
fn auto_is_a_baud_value_and_says_so_when_the_value_is_bad() {
    let mut c = espflow();
    c.args([
        "--port",
        "virtual:/nonexistent/x.bin",
        "--baud",
        "fast",
        "board-info",
    ]);
    let out = run(c, LIMIT);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("or auto"), "{err}");
    // The text summary names the rate auto settled on.
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    let image = dir.path().join("i.bin");
    std::fs::write(&image, random_bytes(32 << 10, 6)).unwrap();
    let mut c = espflow();
    c.env("ESPFLOW_STATE_DIR", dir.path().join("state"))
        .arg("--port")
        .arg(format!(
            "virtual:{}?bridge-max-baud=1500000",
            flash.display()
        ))
        .args(["--baud", "AUTO", "write-flash", "0x10000"])
        .arg(&image);
    let out = run(c, LIMIT);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("at 1500000 baud (auto)"), "{err}");
}
