//! Write throughput against the virtual chip with a paced UART and datasheet flash timings,
//! at 921600 baud: the line carries at most 92160 bytes/s (ten bits a byte).
//!
//! `cargo bench --bench throughput` prints, from one run:
//! - 1 MiB of random data through the ROM loader, in bytes/s and as a share of the line;
//! - 4 MiB of random data over old contents with espflow's stub, with the ROM loader only,
//!   and with esptool (its own stub), each on a fresh chip, with ratios.
//!
//! esptool comes from `ESPFLOW_ESPTOOL` or `target/esptool-venv` (which the test suite
//! creates); without it that row is left out.

use std::path::Path;
use std::process::{Command, Stdio};

mod support;

use std::time::Instant;
use support::{esptool, random, serve};

const BAUD: u32 = 921_600;
const LINE: f64 = BAUD as f64 / 10.0;

/// Writes `image` at 0 on a fresh chip whose flash holds `old`; returns seconds.
fn timed_write(dir: &Path, old: &[u8], image: &Path, client: &dyn Fn(&str) -> Command) -> f64 {
    let flash = dir.join("flash.bin");
    std::fs::write(&flash, old).unwrap();
    let chip = serve(&flash);
    let mut cmd = client(&chip.port);
    let start = Instant::now();
    let st = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run client");
    let secs = start.elapsed().as_secs_f64();
    assert!(st.success(), "{cmd:?} failed");
    drop(chip);
    let disk = std::fs::read(&flash).unwrap();
    let want = std::fs::read(image).unwrap();
    assert!(
        disk[..want.len()] == want[..],
        "{cmd:?} left the flash wrong"
    );
    secs
}

fn espflow(port: &str, extra: &[&str], image: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_espflow"));
    c.args(["--port", port, "--baud", &BAUD.to_string()])
        .args(extra)
        .args(["write-flash", "0x0"])
        .arg(image);
    c
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let erased = vec![0xFFu8; 4 << 20];
    let old = random(4 << 20, 7);

    let one = dir.path().join("one.bin");
    std::fs::write(&one, random(1 << 20, 42)).unwrap();
    let t = timed_write(dir.path(), &erased, &one, &|p| {
        espflow(p, &["--no-stub"], &one)
    });
    let rate = (1 << 20) as f64 / t;
    println!("1 MiB random, ROM loader, {BAUD} baud, erased flash");
    println!(
        "  {t:.2} s, {rate:.0} bytes/s, {:.3} of the {LINE:.0} bytes/s line\n",
        rate / LINE
    );

    let four = dir.path().join("four.bin");
    std::fs::write(&four, random(4 << 20, 43)).unwrap();
    let ours = timed_write(dir.path(), &old, &four, &|p| espflow(p, &[], &four));
    let rom = timed_write(dir.path(), &old, &four, &|p| {
        espflow(p, &["--no-stub"], &four)
    });
    let theirs = esptool().map(|tool| {
        timed_write(dir.path(), &old, &four, &|p| {
            let mut c = Command::new(&tool);
            c.args([
                "--port",
                p,
                "--chip",
                "esp32c3",
                "--baud",
                &BAUD.to_string(),
            ])
            .args(["write-flash", "0x0"])
            .arg(&four);
            c
        })
    });
    let line_floor = (4 << 20) as f64 / LINE;
    println!("4 MiB random over old contents, {BAUD} baud (line floor {line_floor:.1} s)");
    println!(
        "  {:<24} {:>8} {:>12} {:>10}",
        "client", "seconds", "bytes/s", "vs espflow"
    );
    let row = |name: &str, t: f64| {
        println!(
            "  {name:<24} {t:>8.2} {:>12.0} {:>10.2}",
            (4 << 20) as f64 / t,
            t / ours
        )
    };
    row("espflow (espflow stub)", ours);
    row("espflow --no-stub (ROM)", rom);
    match theirs {
        Some(t) => row("esptool 5.6 (its stub)", t),
        None => println!("  esptool: not found (run the test suite once, or set ESPFLOW_ESPTOOL)"),
    }
}
