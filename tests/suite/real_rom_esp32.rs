//! espflow `--no-stub` against the ESP32's real mask ROM (rev 3) in Espressif's QEMU: the
//! ROM loader itself answers every command, so each of its differences from the C3's ROM
//! (no GET_SECURITY_INFO, its eFuse words, the four-word FLASH_BEGIN, FLASH_END leaving the
//! loader) is met for real. esptool `--no-stub` writes the same image for comparison.
//!
//! The line stays at 115200 baud: on this emulator the ESP32 ROM's CHANGE_BAUDRATE never
//! completes, at any rate (115200 included). The ROM answers, then waits for its UART
//! transmitter to go idle, and the model never reports it idle (UART_STATUS 0x3FF4001C
//! keeps its transmit state at 0xC); the next request goes unanswered. At 115200 the
//! emulated UART is paced, so the image is compressible (as firmware is) to keep the
//! module within a few minutes.
//!
//! The 1 MiB write is run a second time if the emulated line cut it off (see
//! [`Rig::write`]); every other step must succeed at once.
//!
//! Skipped in one line where QEMU is absent, unless `ESPFLOW_REQUIRE_QEMU=1`.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use md5::{Digest, Md5};

use super::real_rom::{Machine, flash_file, free_port, qemu_or_skip, say, start};
use crate::support::trials::summary_field;

const ADDR: u32 = 0x10000;
const SIZE: usize = 1 << 20;
/// Where the interrupted write goes, away from the main image.
const KILL_ADDR: u32 = 0x20_0000;
const KILL_SIZE: usize = 256 << 10;

/// The emulated chip and where espflow keeps its journals for it.
struct Rig {
    port: u16,
    state: std::path::PathBuf,
}

impl Rig {
    fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_espflow"));
        c.env("ESPFLOW_STATE_DIR", &self.state)
            .arg("--port")
            .arg(format!("socket://127.0.0.1:{}", self.port))
            .args(["--baud", "115200", "--no-stub"])
            .args(args)
            .stdin(Stdio::null());
        c
    }

    /// Runs espflow to completion; fails the test if it fails.
    fn run(&self, args: &[&str]) -> (String, Duration) {
        let start = Instant::now();
        let out: Output = self.command(args).output().expect("espflow runs");
        let took = start.elapsed();
        assert!(
            out.status.success(),
            "espflow {args:?} failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (String::from_utf8_lossy(&out.stdout).into_owned(), took)
    }
}

impl Rig {
    /// A write that the emulated line may cut off: with the machine loaded the model's UART
    /// now and then loses or damages a byte towards the ROM, which then refuses blocks until
    /// espflow gives the stream up (exit status 5). That is the documented recovery's case:
    /// the same command is run once more, must finish verified, and the test says so.
    fn write(&self, args: &[&str]) -> (String, Duration) {
        let start = Instant::now();
        let out = self.command(args).output().expect("espflow runs");
        if out.status.code() == Some(5) {
            let err = String::from_utf8_lossy(&out.stderr);
            say(&format!(
                "real_rom_esp32: write cut off by the emulated line, run again: {}",
                err.lines().last().unwrap_or("")
            ));
            let (said, _) = self.run(args);
            return (said, start.elapsed());
        }
        assert!(
            out.status.success(),
            "espflow {args:?} failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            start.elapsed(),
        )
    }
}

/// 1 MiB that compresses to about 30 %, as firmware does: random bytes from four values.
fn image(seed: u64) -> Vec<u8> {
    let noise = crate::support::random_bytes(SIZE, seed);
    noise
        .iter()
        .map(|b| [0x00, 0x01, 0x80, 0xFF][(b & 3) as usize])
        .collect()
}

fn md5_hex(data: &[u8]) -> String {
    Md5::digest(data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn esp32_rom_without_a_stub() {
    let Some(_one) = qemu_or_skip(Machine::Esp32, "real_rom_esp32") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("flash.bin");
    std::fs::write(&flash, vec![0u8; 4 << 20]).unwrap();
    let data = image(0xE532);
    let img = dir.path().join("image.bin");
    std::fs::write(&img, &data).unwrap();
    let port = free_port();
    let _qemu = start(Machine::Esp32, dir.path(), &flash, port);
    let rig = Rig {
        port,
        state: dir.path().join("state"),
    };
    let path = |p: &Path| p.to_str().unwrap().to_string();
    let addr = format!("0x{ADDR:X}");
    let size = SIZE.to_string();

    let (info, t_info) = rig.run(&["--chip", "esp32", "board-info"]);
    assert!(info.contains("Chip:         ESP32"), "{info}");
    assert!(info.contains("Loader:       ROM"), "{info}");
    assert!(info.contains("Flash size:   4 MiB"), "{info}");
    assert!(info.contains("40 MHz"), "{info}");
    let (auto, _) = rig.run(&["--format", "json", "board-info"]);
    assert!(
        auto.contains(r#""chip":"ESP32""#),
        "detected without --chip: {auto}"
    );
    assert!(auto.contains(r#""loader":"rom""#), "{auto}");

    let (said, t_write) = rig.write(&["--format", "json", "write-flash", &addr, &path(&img)]);
    let field = |s: &str, k| summary_field(s, k).unwrap_or_else(|| panic!("no {k} in {s}"));
    assert_eq!(field(&said, "verified"), 1, "{said}");
    assert!(
        field(&said, "wire_bytes") < SIZE as u64 / 2,
        "compressed: {said}"
    );

    let back = dir.path().join("back.bin");
    let (_, t_read) = rig.run(&["read-flash", &addr, &size, &path(&back)]);
    assert!(std::fs::read(&back).unwrap() == data, "read-back differs");

    let (md5, t_md5) = rig.run(&["checksum-md5", &addr, &size]);
    assert!(md5.contains(&md5_hex(&data)), "chip's MD5 {md5}");

    let (same, t_same) = rig.run(&["--format", "json", "write-flash", &addr, &path(&img)]);
    assert_eq!(field(&same, "bytes_sent"), 0, "{same}");
    assert_eq!(field(&same, "wire_bytes"), 0, "{same}");
    assert_eq!(field(&same, "sectors_written"), 0, "{same}");

    let mut changed = data.clone();
    changed[100 * 4096 + 17] ^= 0x5A;
    let img2 = dir.path().join("changed.bin");
    std::fs::write(&img2, &changed).unwrap();
    let (one, t_one) = rig.run(&["--format", "json", "write-flash", &addr, &path(&img2)]);
    assert_eq!(field(&one, "sectors_written"), 1, "{one}");
    assert_eq!(field(&one, "bytes_sent"), 4096, "{one}");
    assert_eq!(field(&one, "verified"), 1, "{one}");

    // A write killed half way, then run again: it continues and ends byte-identical.
    let victim_data = crate::support::random_bytes(KILL_SIZE, 0xDEAD);
    let victim = dir.path().join("victim.bin");
    std::fs::write(&victim, &victim_data).unwrap();
    let kill_addr = format!("0x{KILL_ADDR:X}");
    let mut child = rig
        .command(&["write-flash", &kill_addr, &path(&victim)])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // A full write of it takes about 25 s at this rate.
    std::thread::sleep(Duration::from_secs(12));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the write ended before the kill"
    );
    child.kill().unwrap();
    child.wait().unwrap();
    let (resumed, t_resume) = rig.run(&[
        "--format",
        "json",
        "write-flash",
        &kill_addr,
        &path(&victim),
    ]);
    assert_eq!(field(&resumed, "resumed"), 1, "{resumed}");
    assert!(
        field(&resumed, "bytes_sent") < KILL_SIZE as u64,
        "{resumed}"
    );
    assert_eq!(field(&resumed, "verified"), 1, "{resumed}");
    let k = KILL_ADDR as usize;
    let disk = flash_file(&flash, 0, k + KILL_SIZE, |f| {
        f[k..] == victim_data[..] && f[ADDR as usize..][..SIZE] == changed[..]
    });
    assert!(
        disk[k..k + KILL_SIZE] == victim_data[..],
        "resumed image differs"
    );
    assert!(
        disk[ADDR as usize..][..SIZE] == changed[..],
        "the first image moved"
    );

    let (_, t_erase) = rig.run(&["erase-region", &kill_addr, "0x1000"]);
    let disk = flash_file(&flash, 0, k + KILL_SIZE, |f| {
        f[k..k + 0x1000].iter().all(|&b| b == 0xFF)
    });
    assert!(disk[k..k + 0x1000].iter().all(|&b| b == 0xFF), "not erased");
    assert!(
        disk[k + 0x1000..k + KILL_SIZE] == victim_data[0x1000..],
        "erased too much"
    );

    // esptool 5.6, also without its stub, writes the same 1 MiB over the same line.
    let start = Instant::now();
    let out = crate::support::esptool()
        .args(["--chip", "esp32", "--port"])
        .arg(format!("socket://127.0.0.1:{port}"))
        .args(["--before", "no-reset", "--after", "no-reset", "--no-stub"])
        .args(["--baud", "115200", "write-flash", &addr])
        .arg(&img)
        .stdin(Stdio::null())
        .output()
        .expect("esptool runs");
    let t_esptool = start.elapsed();
    assert!(
        out.status.success(),
        "esptool failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let (md5, _) = rig.run(&["checksum-md5", &addr, &size]);
    assert!(md5.contains(&md5_hex(&data)), "after esptool: {md5}");

    say(&format!(
        "real_rom_esp32 (115200 baud, 1 MiB compressible to {} bytes): board-info {:.1} s, \
         write+verify {:.1} s ({} retries), read {:.1} s, md5 {:.1} s, unchanged re-flash {:.1} s, \
         one sector {:.1} s, resume after kill {:.1} s, erase {:.1} s; \
         esptool 5.6 --no-stub write {:.1} s",
        field(&said, "wire_bytes"),
        t_info.as_secs_f64(),
        t_write.as_secs_f64(),
        field(&said, "retries"),
        t_read.as_secs_f64(),
        t_md5.as_secs_f64(),
        t_same.as_secs_f64(),
        t_one.as_secs_f64(),
        t_resume.as_secs_f64(),
        t_erase.as_secs_f64(),
        t_esptool.as_secs_f64(),
    ));
}
