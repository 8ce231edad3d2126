//! `--baud auto` against `--baud 921600`, in the same run: 4 MiB of random data written at
//! 0 to a fresh `--realtime` virtual ESP32-C3 (erased flash, datasheet timings) behind a
//! modelled USB bridge that runs up to 3 Mbaud and damages bytes above 2 Mbaud, the error
//! probability rising linearly to P per byte at 3 Mbaud: P = 2e-6 (about one 16 KiB block
//! in 30 damaged at 3 Mbaud) and 1e-5 (one in 6), each with `--baud auto`, then `--baud
//! 921600` once (the bridge damages nothing at that rate).
//!
//! `cargo bench --bench baud` prints, per client, the wall time of the whole process, the
//! rate the summary names and its retries, then the ratios, and the wrong results: runs
//! that exited 0 with the flash not holding the image. Each client gets its own chip and
//! its own state directory, so nothing is remembered between them.
//!
//! Options: `--errors P[,P...]`, `--time-scale S` (the chip's clock runs S times the wall clock;
//! the host's timeouts do not, so 1 is the honest figure), `--seed N` (the bridge's damage
//! and the image), `--runs N` (runs per client, default 1; the medians are printed).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

#[allow(dead_code)]
mod support;
use support::{Chip, random, serve_with};

const SIZE: usize = 4 << 20;
const BRIDGE_MAX: &str = "3000000";
const KNEE: &str = "2000000";

/// A served realtime chip behind the bridge, killed when dropped.
fn serve(flash: &Path, errors: &str, scale: f64, seed: u64) -> Chip {
    let extra = [
        "--bridge-max-baud",
        BRIDGE_MAX,
        "--bridge-knee",
        KNEE,
        "--bridge-errors",
        &format!("{errors}@{BRIDGE_MAX}"),
        "--seed",
        &seed.to_string(),
    ]
    .map(String::from);
    serve_with(flash, scale, &extra)
}

struct Outcome {
    seconds: f64,
    baud: Option<u64>,
    retries: Option<u64>,
    wrong: bool,
    failed: bool,
}

/// One write of `image` with `--baud baud` to a fresh chip.
fn write(dir: &Path, image: &Path, baud: &str, errors: &str, scale: f64, seed: u64) -> Outcome {
    let flash = dir.join("flash.bin");
    let _ = std::fs::remove_file(&flash);
    let chip = serve(&flash, errors, scale, seed);
    let state = tempfile::tempdir().unwrap();
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_espflow"))
        .env("ESPFLOW_STATE_DIR", state.path())
        .env("ESPFLOW_NO_CONFIG", "1")
        .args(["--port", &chip.port, "--baud", baud, "--format", "json"])
        .args(["write-flash", "0x0"])
        .arg(image)
        .stderr(Stdio::null())
        .output()
        .expect("run espflow");
    let seconds = start.elapsed().as_secs_f64();
    drop(chip);
    let summary = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|v| v["event"] == "summary");
    let disk = std::fs::read(&flash).unwrap_or_default();
    let want = std::fs::read(image).unwrap();
    let in_place = disk.len() >= want.len() && disk[..want.len()] == want[..];
    Outcome {
        seconds,
        baud: summary.as_ref().and_then(|s| s["baud"].as_u64()),
        retries: summary.as_ref().and_then(|s| s["retries"].as_u64()),
        wrong: out.status.success() && !in_place,
        failed: !out.status.success(),
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let mut errors = vec!["2e-6".to_string(), "1e-5".to_string()];
    let mut scale = 1.0;
    let mut seed = 1u64;
    let mut runs = 1usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().expect("a value after the option");
        match a.as_str() {
            "--errors" => errors = value().split(',').map(str::to_string).collect(),
            "--time-scale" => scale = value().parse().expect("a number"),
            "--seed" => seed = value().parse().expect("a number"),
            "--runs" => runs = value().parse().expect("a number"),
            // cargo bench passes --bench.
            _ => {}
        }
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let image = dir.path().join("image.bin");
    std::fs::write(&image, random(SIZE, seed)).unwrap();
    println!(
        "4 MiB random at 0, fresh realtime ESP32-C3 (time scale {scale}); bridge up to \
         {BRIDGE_MAX} baud, byte errors 0 up to {KNEE} rising linearly to P at {BRIDGE_MAX}"
    );
    let mut wrong = 0;
    let mut series = |baud: &str, errors: &str| {
        let mut secs = Vec::new();
        for run in 0..runs {
            let o = write(dir.path(), &image, baud, errors, scale, seed + run as u64);
            wrong += usize::from(o.wrong);
            println!(
                "  P {errors:>5}, --baud {baud:>7}: {:6.2} s{}{}{}{}",
                o.seconds,
                o.baud
                    .map_or(String::new(), |b| format!(", settled at {b} baud")),
                o.retries
                    .map_or(String::new(), |r| format!(", {r} retries")),
                if o.failed { ", FAILED" } else { "" },
                if o.wrong { ", WRONG RESULT" } else { "" },
            );
            secs.push(o.seconds);
        }
        median(secs)
    };
    let autos: Vec<(String, f64)> = errors
        .iter()
        .map(|e| (e.clone(), series("auto", e)))
        .collect();
    // At 921600 the bridge damages nothing, whatever P is.
    let fixed = series("921600", &errors[0]);
    for (e, t) in &autos {
        let ratio = fixed / t;
        println!(
            "P {e}: auto {t:.2} s, 921600 {fixed:.2} s: auto is {ratio:.2}x faster (target >= 2x: {})",
            if ratio >= 2.0 { "met" } else { "NOT met" }
        );
    }
    println!("wrong results: {wrong}");
}
