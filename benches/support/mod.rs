//! What the benches share: a served virtual chip with realtime pacing, random images, and
//! where to find esptool.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// A `espflow virtual-chip --realtime` process, killed when dropped.
pub struct Chip {
    child: Child,
    pub port: String,
}

impl Drop for Chip {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn serve(flash: &Path) -> Chip {
    serve_scaled(flash, 1.0)
}

/// [`serve`] with the chip's clock running `scale` times the wall clock.
pub fn serve_scaled(flash: &Path, scale: f64) -> Chip {
    serve_with(flash, scale, &[])
}

/// [`serve_scaled`] with more `virtual-chip` options (a modelled bridge, a seed).
pub fn serve_with(flash: &Path, scale: f64, extra: &[String]) -> Chip {
    let mut child = Command::new(env!("CARGO_BIN_EXE_espflow"))
        .args(["virtual-chip", "--realtime", "--time-scale"])
        .arg(scale.to_string())
        .args(extra)
        .args(["--listen", "127.0.0.1:0", "--flash"])
        .arg(flash)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start virtual chip");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let port = line.trim().trim_start_matches("listening on ").to_string();
    Chip { child, port }
}

pub fn random(n: usize, seed: u64) -> Vec<u8> {
    use rand::{RngCore, SeedableRng};
    let mut v = vec![0u8; n];
    rand::rngs::SmallRng::seed_from_u64(seed).fill_bytes(&mut v);
    v
}

/// esptool from `ESPFLOW_ESPTOOL` or `target/esptool-venv` (the test suite creates it).
pub fn esptool() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("ESPFLOW_ESPTOOL") {
        return Some(PathBuf::from(p));
    }
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/esptool-venv/bin/esptool");
    p.exists().then_some(p)
}
