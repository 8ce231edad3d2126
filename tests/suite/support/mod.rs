//! What the test modules share: espflow and a served virtual chip (`runner`, with the
//! interrupted-write `trials`, both also built into the soak bench), esptool from PyPI in a
//! private virtual environment, and the committed fixtures.

pub mod proxy;
pub mod pty;
pub mod runner;
pub mod trials;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::time::Duration;

pub use runner::*;

pub const ESPTOOL_VERSION: &str = "5.6.0";

/// A file or folder under `tests/fixtures` (its README says where each comes from).
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// `espflow --port PORT ARGS...`, run to completion within a minute.
pub fn espflow_on(port: &str, args: &[&str]) -> Output {
    let mut c = espflow();
    c.args(["--port", port]).args(args);
    run(c, Duration::from_secs(60))
}

pub fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "command failed: {:?}\nstdout: {}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Field `key=value` of a session summary line.
pub fn field(summary: &str, key: &str) -> Option<u64> {
    summary
        .split_whitespace()
        .find_map(|w| w.strip_prefix(&format!("{key}=")))
        .and_then(|v| v.parse().ok())
}

pub fn erased(n: usize) -> Vec<u8> {
    vec![0xFF; n]
}

/// esptool from PyPI, installed once into `target/esptool-venv` unless `ESPFLOW_ESPTOOL`
/// names one.
pub fn esptool() -> Command {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    let path = PATH.get_or_init(|| {
        if let Some(p) = std::env::var_os("ESPFLOW_ESPTOOL") {
            return PathBuf::from(p);
        }
        let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/esptool-venv");
        let bin = venv.join("bin/esptool");
        if !bin.exists() {
            let st = Command::new("python3")
                .args(["-m", "venv"])
                .arg(&venv)
                .status()
                .expect("python3 is needed for the esptool interop tests");
            assert!(st.success(), "creating the esptool venv failed");
            let st = Command::new(venv.join("bin/pip"))
                .args(["install", "-q", &format!("esptool=={ESPTOOL_VERSION}")])
                .status()
                .expect("pip");
            assert!(st.success(), "installing esptool {ESPTOOL_VERSION} failed");
        }
        bin
    });
    Command::new(path)
}

/// espefuse from the same esptool installation as [`esptool`].
pub fn espefuse() -> Command {
    let esptool = esptool();
    let dir = Path::new(esptool.get_program())
        .parent()
        .expect("esptool lives in a bin directory")
        .to_path_buf();
    Command::new(dir.join("espefuse"))
}

/// espsecure from the same esptool installation as [`esptool`].
pub fn espsecure() -> Command {
    let esptool = esptool();
    Command::new(Path::new(esptool.get_program()).with_file_name("espsecure"))
}
