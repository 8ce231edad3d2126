//! Write throughput against the virtual chip with a paced UART and datasheet flash timings.
//!
//! `cargo bench --bench throughput` prints bytes/s for a 1 MiB random image written at
//! 921600 baud and its ratio to the line's ceiling of 92160 bytes/s (10 bits a byte).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Instant;

const BAUD: u32 = 921_600;
const SIZE: usize = 1 << 20;

fn main() {
    let exe = env!("CARGO_BIN_EXE_espflow");
    let dir = tempfile::tempdir().expect("tempdir");
    let flash = dir.path().join("flash.bin");
    let mut server = Command::new(exe)
        .args([
            "virtual-chip",
            "--realtime",
            "--listen",
            "127.0.0.1:0",
            "--flash",
        ])
        .arg(&flash)
        .stdout(Stdio::piped())
        .spawn()
        .expect("start virtual chip");
    let mut line = String::new();
    BufReader::new(server.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let port = line.trim().trim_start_matches("listening on ").to_string();

    let image = {
        use rand::{RngCore, SeedableRng};
        let mut v = vec![0u8; SIZE];
        rand::rngs::SmallRng::seed_from_u64(42).fill_bytes(&mut v);
        v
    };
    let img_path = dir.path().join("image.bin");
    std::fs::write(&img_path, &image).unwrap();

    let start = Instant::now();
    let st = Command::new(exe)
        .args([
            "--port",
            &port,
            "--baud",
            &BAUD.to_string(),
            "write-flash",
            "0x10000",
        ])
        .arg(&img_path)
        .stderr(Stdio::null())
        .status()
        .expect("run espflow");
    let secs = start.elapsed().as_secs_f64();
    let _ = server.kill();
    let _ = server.wait();
    assert!(st.success(), "write-flash failed");

    let line_limit = BAUD as f64 / 10.0;
    let rate = SIZE as f64 / secs;
    println!("write-flash 1 MiB random, virtual ESP32-C3 --realtime, {BAUD} baud, ROM loader");
    println!("  time        {secs:.2} s");
    println!("  throughput  {rate:.0} bytes/s");
    println!(
        "  vs line     {:.3} of {line_limit:.0} bytes/s",
        rate / line_limit
    );
}
