//! What skipping and resuming buy, against the virtual chip with a paced UART and datasheet
//! flash timings at 921600 baud, each figure beside esptool's full write of the same image
//! on the same kind of chip in the same run.
//!
//! `cargo bench --bench reflash` prints seconds and the ratio to esptool for: a full 4 MiB
//! write over old contents, re-flashing the unchanged image, changing one 4 KiB sector, and
//! finishing a write that was interrupted at 50 %. esptool comes from `ESPFLOW_ESPTOOL` or
//! `target/esptool-venv` (the test suite creates it).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

mod support;

use std::time::Instant;
use support::{esptool, random, serve};

const BAUD: &str = "921600";
const SIZE: usize = 4 << 20;

fn espflow(port: &str, state: &Path, image: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_espflow"));
    c.env("ESPFLOW_STATE_DIR", state)
        .args([
            "--port",
            port,
            "--baud",
            BAUD,
            "--format",
            "json",
            "write-flash",
            "0x0",
        ])
        .arg(image)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    c
}

fn timed(mut c: Command) -> (f64, String) {
    let start = Instant::now();
    let out = c.output().expect("run");
    assert!(out.status.success(), "{c:?} failed");
    (
        start.elapsed().as_secs_f64(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn field(json: &str, key: &str) -> String {
    json.lines()
        .find(|l| l.contains("\"summary\""))
        .and_then(|l| l.split(&format!("\"{key}\":")).nth(1))
        .map(|v| v.split([',', '}']).next().unwrap_or("").to_string())
        .unwrap_or_default()
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let old = random(SIZE, 1);
    let image = random(SIZE, 2);
    let img = d.join("image.bin");
    std::fs::write(&img, &image).unwrap();
    let state = d.join("state");

    let esptool_full = esptool().map(|tool| {
        let flash = d.join("esptool.bin");
        std::fs::write(&flash, &old).unwrap();
        let chip = serve(&flash);
        let mut c = Command::new(tool);
        c.args([
            "--port",
            &chip.port,
            "--chip",
            "esp32c3",
            "--baud",
            BAUD,
            "write-flash",
            "0x0",
        ])
        .arg(&img)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
        timed(c).0
    });

    let flash = d.join("flash.bin");
    std::fs::write(&flash, &old).unwrap();
    let chip = serve(&flash);
    let (full, _) = timed(espflow(&chip.port, &state, &img));
    let (same, same_json) = timed(espflow(&chip.port, &state, &img));
    let mut changed = image.clone();
    changed[0x20_0000..0x20_0010].fill(0xA5);
    let img2 = d.join("changed.bin");
    std::fs::write(&img2, &changed).unwrap();
    let (one, one_json) = timed(espflow(&chip.port, &state, &img2));

    // Interrupted at 50 %: the host is killed once its progress passes half the image.
    std::fs::write(&img, random(SIZE, 3)).unwrap();
    let mut victim = espflow(&chip.port, &state, &img).spawn().unwrap();
    let lines = BufReader::new(victim.stdout.take().unwrap()).lines();
    for line in lines.map_while(Result::ok) {
        let done: u64 = line
            .split("\"done\":")
            .nth(1)
            .and_then(|v| v.split(',').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        if done >= SIZE as u64 / 2 {
            break;
        }
    }
    let _ = victim.kill();
    let _ = victim.wait();
    let (resume, resume_json) = timed(espflow(&chip.port, &state, &img));
    drop(chip);

    println!("4 MiB random image, virtual ESP32-C3 --realtime, {BAUD} baud, over old contents");
    println!(
        "  {:<34} {:>8} {:>12} {:>14}",
        "run", "seconds", "bytes sent", "esptool/this"
    );
    let row = |name: &str, t: f64, sent: &str| {
        let ratio = esptool_full.map_or("-".to_string(), |e| format!("{:.1}x", e / t));
        println!("  {name:<34} {t:>8.2} {sent:>12} {ratio:>14}");
    };
    if let Some(e) = esptool_full {
        row("esptool 5.6 full write", e, &SIZE.to_string());
    } else {
        println!("  esptool: not found (run the test suite once, or set ESPFLOW_ESPTOOL)");
    }
    row("espflow full write", full, &SIZE.to_string());
    row(
        "espflow unchanged re-flash",
        same,
        &field(&same_json, "bytes_sent"),
    );
    row(
        "espflow one sector changed",
        one,
        &field(&one_json, "bytes_sent"),
    );
    row(
        "espflow resume from 50 %",
        resume,
        &field(&resume_json, "bytes_sent"),
    );
    println!(
        "  sectors written for the one-sector change: {}",
        field(&one_json, "sectors_written")
    );
}
