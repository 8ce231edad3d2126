//! espflow's ESP32 (Xtensa) stub against the ESP32's real mask ROM, in Espressif's QEMU:
//! the ROM's loader takes the embedded image, the stub enters and then writes, verifies,
//! reads back, hashes and erases through the ROM's own flash driver, skips an unchanged
//! image entirely, and finishes a write whose host was killed. The flash file QEMU writes
//! through is read directly as well, so nothing rests on espflow's word alone.
//!
//! Also printed, not asserted (the emulator's speed moves with the machine's load): the
//! 1 MiB write with the stub, with `--no-stub`, and with esptool 5.6's legacy stub.
//!
//! QEMU is a test peer kept beside the project (`../shared/tools/qemu-esp`); where it is
//! absent the test says so in one line and passes, unless `ESPFLOW_REQUIRE_QEMU=1`.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use md5::{Digest, Md5};

use super::real_rom::{
    Machine, check_resumed, flash_file, free_port, kill_write_midway, qemu_or_skip, say, start,
};
use crate::support::trials::summary_field;

const ADDR: u32 = 0x10000;
const SIZE: usize = 1 << 20;
/// The stub's rate. The ROM path is timed at 115200, the highest it survives here: the
/// emulated ESP32 ROM never completes CHANGE_BAUDRATE.
const BAUD: &str = "921600";
const ROM_BAUD: &str = "115200";

fn espflow_cmd(port: u16, state: &Path, baud: &str, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_espflow"));
    cmd.args(["--chip", "esp32", "--port"])
        .arg(format!("socket://127.0.0.1:{port}"))
        .args(["--baud", baud])
        .args(args)
        .env("ESPFLOW_STATE_DIR", state)
        .stdin(Stdio::null());
    cmd
}

/// Runs espflow to completion, returning its output and how long it took.
fn espflow_at(port: u16, state: &Path, baud: &str, args: &[&str]) -> (Output, Duration) {
    let start = Instant::now();
    let out = espflow_cmd(port, state, baud, args)
        .output()
        .expect("espflow runs");
    (out, start.elapsed())
}

/// As [`espflow_at`] at the stub's rate, failing the test if espflow fails.
fn espflow(port: u16, state: &Path, args: &[&str]) -> (Output, Duration) {
    let (out, took) = espflow_at(port, state, BAUD, args);
    assert!(
        out.status.success(),
        "espflow {args:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out, took)
}

fn md5_hex(data: &[u8]) -> String {
    Md5::digest(data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn esp32_stub_on_the_real_rom() {
    let Some(_one) = qemu_or_skip(Machine::Esp32, "real_rom_esp32_stub") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let flash = dir.path().join("flash.bin");
    std::fs::write(&flash, vec![0xFFu8; 4 << 20]).unwrap();
    let path = |p: &Path| p.to_str().unwrap().to_string();
    let image = dir.path().join("random1MiB.bin");
    let data = crate::support::random_bytes(SIZE, 0xE532);
    std::fs::write(&image, &data).unwrap();
    let port = free_port();
    let qemu = start(Machine::Esp32, dir.path(), &flash, port);
    let addr = format!("0x{ADDR:X}");

    // Upload and entry: the ROM loader takes the image, the stub greets and takes over.
    let (out, t_info) = espflow(port, &state, &["board-info"]);
    let info = String::from_utf8_lossy(&out.stdout);
    assert!(info.contains("ESP32"), "{info}");
    assert!(
        info.contains("espflow stub (protocol v2)"),
        "the stub did not take over:\n{info}"
    );

    let write = ["--format", "json", "write-flash", &addr, &path(&image)];
    let (out, t_write) = espflow(port, &state, &write);
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    assert_eq!(summary_field(&said, "verified"), Some(1), "{said}");
    assert!(
        flash_file(&flash, ADDR, SIZE, |f| f == data) == data,
        "the flash file does not hold the image"
    );

    let back = dir.path().join("back.bin");
    let (_, t_read) = espflow(
        port,
        &state,
        &["read-flash", &addr, &SIZE.to_string(), &path(&back)],
    );
    assert!(
        std::fs::read(&back).unwrap() == data,
        "read-back differs from what was written"
    );

    let (out, t_md5) = espflow(port, &state, &["checksum-md5", &addr, &SIZE.to_string()]);
    let got = String::from_utf8_lossy(&out.stdout);
    assert!(got.contains(&md5_hex(&data)), "chip's MD5 {got} is wrong");

    // Unchanged: proven in place, nothing sent.
    let (out, t_same) = espflow(port, &state, &write);
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    assert_eq!(summary_field(&said, "bytes_sent"), Some(0), "{said}");
    assert_eq!(summary_field(&said, "verified"), Some(1), "{said}");

    // One sector changed: that sector alone is sent.
    let mut one = data.clone();
    one[9 * 0x1000 + 3] ^= 0x3C;
    let one_file = dir.path().join("one-sector.bin");
    std::fs::write(&one_file, &one).unwrap();
    let (out, t_one) = espflow(
        port,
        &state,
        &["--format", "json", "write-flash", &addr, &path(&one_file)],
    );
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    assert_eq!(summary_field(&said, "bytes_sent"), Some(0x1000), "{said}");
    assert_eq!(summary_field(&said, "verified"), Some(1), "{said}");

    let (_, t_erase) = espflow(port, &state, &["erase-region", &addr, "0x1000"]);
    // Through the chip first, then in the emulator's flash file with the neighbours.
    let sector = dir.path().join("sector.bin");
    espflow(port, &state, &["read-flash", &addr, "4096", &path(&sector)]);
    assert!(
        std::fs::read(&sector).unwrap().iter().all(|&b| b == 0xFF),
        "erase-region left data behind (read through the chip)"
    );
    let file = flash_file(&flash, ADDR - 0x1000, 0x3000, |f| {
        f[0x1000..0x2000].iter().all(|&b| b == 0xFF)
    });
    assert!(
        file[0x1000..0x2000].iter().all(|&b| b == 0xFF),
        "erase-region left data behind"
    );
    assert!(
        file[0x2000..] == data[0x1000..0x2000] && file[..0x1000].iter().all(|&b| b == 0xFF),
        "erase-region touched a neighbouring sector"
    );

    // A write whose host is killed midway is finished by the same command.
    let second = dir.path().join("second.bin");
    let data2 = crate::support::random_bytes(SIZE, 0xE533);
    std::fs::write(&second, &data2).unwrap();
    let write2 = ["--format", "json", "write-flash", &addr, &path(&second)];
    let reached = kill_write_midway(espflow_cmd(port, &state, BAUD, &write2), 0.4);
    assert!(reached > 0, "the killed write never made progress");
    let (out, _) = espflow(port, &state, &write2);
    check_resumed(&out, reached, &flash, ADDR, &data2);

    say(&format!(
        "real_rom_esp32_stub: board-info (upload+entry) {:.1} s, write+verify 1 MiB {:.1} s at {BAUD}, read 1 MiB {:.1} s, md5 {:.1} s, unchanged re-flash {:.1} s, one sector {:.1} s, erase {:.1} s",
        t_info.as_secs_f64(),
        t_write.as_secs_f64(),
        t_read.as_secs_f64(),
        t_md5.as_secs_f64(),
        t_same.as_secs_f64(),
        t_one.as_secs_f64(),
        t_erase.as_secs_f64()
    ));

    // For comparison, from a fresh ROM each time: the ROM loader alone, then esptool's
    // legacy stub, each writing a third image (the ROM path skips sectors already in place).
    let third = dir.path().join("third.bin");
    std::fs::write(&third, crate::support::random_bytes(SIZE, 0xE534)).unwrap();
    qemu.reset();
    let (out, t_rom) = espflow_at(
        port,
        &state,
        ROM_BAUD,
        &["--no-stub", "write-flash", &addr, &path(&third)],
    );
    say(&format!(
        "real_rom_esp32_stub: --no-stub write+verify 1 MiB at {ROM_BAUD}: {}",
        if out.status.success() {
            format!("{:.1} s", t_rom.as_secs_f64())
        } else {
            format!("failed ({})", String::from_utf8_lossy(&out.stderr).trim())
        }
    ));
    let fourth = dir.path().join("fourth.bin");
    std::fs::write(&fourth, crate::support::random_bytes(SIZE, 0xE535)).unwrap();
    qemu.reset();
    let start = Instant::now();
    let out = crate::support::esptool()
        .args(["--chip", "esp32", "--port"])
        .arg(format!("socket://127.0.0.1:{port}"))
        .args([
            "--baud", BAUD, "--before", "no-reset", "--after", "no-reset",
        ])
        .args(["--stub-version", "1", "write-flash"])
        .arg(&addr)
        .arg(&fourth)
        .stdin(Stdio::null())
        .output()
        .expect("esptool runs");
    say(&format!(
        "real_rom_esp32_stub: esptool 5.6 --stub-version 1 write+verify 1 MiB at {BAUD}: {}",
        if out.status.success() {
            format!("{:.1} s", start.elapsed().as_secs_f64())
        } else {
            "failed".to_string()
        }
    ));
}
