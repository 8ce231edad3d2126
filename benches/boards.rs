//! Many boards at once: the aggregate write throughput of several `--realtime` virtual chips
//! written by one espflow process (`--port` once per chip), against one chip alone, with the
//! ratio, all measured in the same run at 921600 baud on fresh erased chips.
//!
//! `cargo bench --bench boards -- --rounds N --boards B --size BYTES` (defaults: 3 rounds,
//! 8 boards, 256 KiB of random data). Each round times one chip, then B chips; the figures
//! are the rounds' medians. Perfect scaling is a ratio of B; the flows share nothing but the
//! host, so anything well below that is espflow serialising the boards.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

// Shared with the other benches; this one needs no esptool.
#[allow(dead_code)]
mod support;

use support::{random, serve};

const BAUD: &str = "921600";

struct Options {
    rounds: usize,
    boards: usize,
    size: usize,
}

fn options() -> Options {
    let mut o = Options {
        rounds: 3,
        boards: 8,
        size: 256 << 10,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| -> usize {
            args.next()
                .and_then(|v| v.parse().ok())
                .unwrap_or_else(|| panic!("{name} takes a number"))
        };
        match a.as_str() {
            "--rounds" => o.rounds = value("--rounds").max(1),
            "--boards" => o.boards = value("--boards").max(1),
            "--size" => o.size = value("--size").max(4096),
            // cargo bench passes --bench; anything else is a mistake worth saying.
            "--bench" => {}
            other => {
                panic!("unknown argument {other} (known: --rounds N, --boards B, --size BYTES)")
            }
        }
    }
    o
}

/// Writes `image` at 0 on `n` fresh erased chips with one espflow process; returns seconds.
fn timed(dir: &Path, n: usize, image: &Path, len: usize) -> f64 {
    let chips: Vec<_> = (0..n)
        .map(|i| {
            let flash = dir.join(format!("flash{i}.bin"));
            std::fs::write(&flash, vec![0xFFu8; 4 << 20]).unwrap();
            (serve(&flash), flash)
        })
        .collect();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_espflow"));
    cmd.env("ESPFLOW_NO_CONFIG", "1");
    for (chip, _) in &chips {
        cmd.args(["--port", &chip.port]);
    }
    cmd.args(["--baud", BAUD, "write-flash", "0x0"])
        .arg(image)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let start = Instant::now();
    let status = cmd.status().expect("run espflow");
    let secs = start.elapsed().as_secs_f64();
    assert!(status.success(), "{cmd:?} failed");
    let want = std::fs::read(image).unwrap();
    for (chip, flash) in chips {
        drop(chip);
        let disk = std::fs::read(&flash).unwrap();
        assert!(disk[..len] == want[..], "{} left wrong", flash.display());
    }
    secs
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let o = options();
    let dir = tempfile::tempdir().expect("tempdir");
    let image = dir.path().join("image.bin");
    std::fs::write(&image, random(o.size, 61)).unwrap();
    let (mut one, mut many) = (Vec::new(), Vec::new());
    for round in 1..=o.rounds {
        let t1 = timed(dir.path(), 1, &image, o.size);
        let tn = timed(dir.path(), o.boards, &image, o.size);
        eprintln!(
            "round {round}: 1 board {t1:.2} s, {} boards {tn:.2} s",
            o.boards
        );
        one.push(t1);
        many.push(tn);
    }
    let (t1, tn) = (median(one), median(many));
    let single = o.size as f64 / t1;
    let aggregate = (o.size * o.boards) as f64 / tn;
    println!(
        "{} KiB random to each of {} --realtime virtual chips at {BAUD} baud, one espflow \
         process, median of {} rounds",
        o.size >> 10,
        o.boards,
        o.rounds
    );
    println!("  1 board:  {t1:.2} s, {single:.0} bytes/s");
    println!(
        "  {} boards: {tn:.2} s, {aggregate:.0} bytes/s aggregate",
        o.boards
    );
    println!(
        "  ratio {:.2}x (perfect: {}x)",
        aggregate / single,
        o.boards
    );
}
