//! Writes through a noisy line: 1 MiB of random data at 921600 baud to a `--realtime`
//! virtual chip, over old data, through a TCP relay that damages bytes at random.
//!
//! For each series (byte error rate 1e-5 and 1e-4, towards the chip or towards the host,
//! one fault kind: a flipped bit, a dropped byte or an inserted byte) it runs N writes, each
//! a fresh `espflow --port socket://RELAY --baud 921600 --format json write-flash 0x10000
//! img.bin` with its own `ESPFLOW_STATE_DIR`. A write that fails is run again, the same
//! command, with the relay passing bytes unchanged, until it finishes. It prints per series
//! how many writes finished in one invocation, the retries the summaries report, the wrong
//! results (exit 0 with the image not in place, or any byte outside it changed, at any
//! point) and the median time, then whether the targets were met.
//!
//! Retries are those the JSON summaries report, so only invocations that finished count:
//! a failed one prints no summary. Seconds are the first invocation's wall time, which for
//! a failed one is where it stopped.
//!
//! `cargo bench --bench noise -- --writes 3 --time-scale 8` is a quick run: the chip's
//! clock (line and flash timings) runs 8× faster than the wall clock. The host's own
//! timeouts are wall-clock time, so a lost byte costs as much at any scale; the default is
//! 20 writes per series at scale 1, about an hour. `--seed S` picks other noise and contents; `--only 1e-4:chip` runs the series whose
//! name (`ber:to:kind`) has every part given.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};

// The chip and the random contents are the other benches'; it races no esptool.
#[allow(dead_code)]
mod support;
use support::{random, serve_scaled};

const BAUD: u32 = 921_600;
const FLASH: usize = 4 << 20;
const ADDR: usize = 0x10000;
const IMAGE: usize = 1 << 20;
/// Sectors on either side of the image hold a pattern instead of random bytes, so that a
/// write spilling over its edges is told apart from old data at a glance in a dump.
const SENTINEL: usize = 0x2000;
/// A hung invocation is killed after this long and counted as failed. The host's longest
/// wait for one answer is seconds, and it gives up after a bounded number of rounds.
const LIMIT: Duration = Duration::from_secs(300);
/// Runs without noise allowed to finish a write that the noisy run left unfinished.
const FINISH_ATTEMPTS: usize = 3;

#[derive(Clone, Copy, PartialEq, Debug)]
enum Kind {
    Flip,
    Drop,
    Insert,
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Dir {
    ToChip,
    ToHost,
}

#[derive(Clone, Copy)]
struct Noise {
    ber: f64,
    dir: Dir,
    kind: Kind,
    seed: u64,
}

/// What the relay does with the next connection; each invocation makes one.
struct Plan {
    target: String,
    noise: Option<Noise>,
    connection: u64,
}

/// A TCP relay between espflow and the chip that damages bytes in one direction.
struct Relay {
    port: String,
    plan: Arc<Mutex<Plan>>,
    /// Bytes damaged (flipped, dropped or inserted) since the last `take_faults`.
    faults: Arc<AtomicU64>,
}

impl Relay {
    fn start() -> Relay {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind relay");
        let port = format!("socket://{}", listener.local_addr().unwrap());
        let plan = Arc::new(Mutex::new(Plan {
            target: String::new(),
            noise: None,
            connection: 0,
        }));
        let faults = Arc::new(AtomicU64::new(0));
        let (p, f) = (plan.clone(), faults.clone());
        thread::spawn(move || {
            for host in listener.incoming().map_while(Result::ok) {
                let (target, noise, conn) = {
                    let mut p = p.lock().unwrap();
                    p.connection += 1;
                    (p.target.clone(), p.noise, p.connection)
                };
                let Ok(chip) = TcpStream::connect(&target) else {
                    continue;
                };
                let _ = host.set_nodelay(true);
                let _ = chip.set_nodelay(true);
                let closed = Arc::new(AtomicBool::new(false));
                for dir in [Dir::ToChip, Dir::ToHost] {
                    let (src, dst) = match dir {
                        Dir::ToChip => (host.try_clone().unwrap(), chip.try_clone().unwrap()),
                        Dir::ToHost => (chip.try_clone().unwrap(), host.try_clone().unwrap()),
                    };
                    // Each direction of each connection draws from its own stream, so a
                    // series is repeatable however the two directions interleave.
                    let noise = noise.filter(|n| n.dir == dir).map(|n| {
                        let rng = SmallRng::seed_from_u64(mix(n.seed, conn * 2 + dir as u64));
                        (n, rng)
                    });
                    let (f, closed) = (f.clone(), closed.clone());
                    thread::spawn(move || pump(src, dst, noise, &f, &closed));
                }
            }
        });
        Relay { port, plan, faults }
    }

    fn aim(&self, target: &str, noise: Option<Noise>) {
        let mut p = self.plan.lock().unwrap();
        p.target = target.trim_start_matches("socket://").to_string();
        p.noise = noise;
    }

    fn take_faults(&self) -> u64 {
        self.faults.swap(0, Ordering::AcqRel)
    }
}

fn pump(
    mut src: TcpStream,
    mut dst: TcpStream,
    mut noise: Option<(Noise, SmallRng)>,
    faults: &AtomicU64,
    closed: &AtomicBool,
) {
    let mut buf = [0u8; 4096];
    let mut out = Vec::with_capacity(8192);
    loop {
        let n = match src.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        out.clear();
        match &mut noise {
            None => out.extend_from_slice(&buf[..n]),
            Some((noise, rng)) => {
                for &b in &buf[..n] {
                    if rng.random::<f64>() >= noise.ber {
                        out.push(b);
                        continue;
                    }
                    faults.fetch_add(1, Ordering::Relaxed);
                    match noise.kind {
                        Kind::Flip => out.push(b ^ (1 << rng.random_range(0..8))),
                        Kind::Drop => {}
                        Kind::Insert => {
                            out.push(rng.random());
                            out.push(b);
                        }
                    }
                }
            }
        }
        if dst.write_all(&out).is_err() || closed.load(Ordering::Acquire) {
            break;
        }
    }
    // Either side closing ends the connection both ways, as a cable pulled would; the
    // chip then waits in its loader for the next client.
    closed.store(true, Ordering::Release);
    let _ = src.shutdown(Shutdown::Both);
    let _ = dst.shutdown(Shutdown::Both);
}

fn mix(a: u64, b: u64) -> u64 {
    // splitmix64 of the pair: neighbouring inputs give unrelated seeds.
    let mut z = a ^ b.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

struct Invocation {
    status: Option<i32>,
    /// The last line on stderr: the error, when there is one.
    error: String,
    retries: u64,
    seconds: f64,
}

/// One `espflow write-flash` through the relay, killed after `LIMIT`.
fn invoke(relay: &Relay, image: &Path, state: &Path) -> Invocation {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_espflow"))
        .env_remove("ESPFLOW_PORT")
        .env("ESPFLOW_STATE_DIR", state)
        .args(["--port", &relay.port, "--baud", &BAUD.to_string()])
        .args(["--format", "json", "write-flash", "0x10000"])
        .arg(image)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run espflow");
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let errors = thread::spawn(move || {
        BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
            .last()
            .unwrap_or_default()
    });
    let reader = thread::spawn(move || {
        let mut retries = 0;
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
                continue;
            };
            if v["event"] == "summary" {
                retries += v["retries"].as_u64().unwrap_or(0);
            }
        }
        retries
    });
    let status = loop {
        if let Some(st) = child.try_wait().expect("wait") {
            break st.code();
        }
        if start.elapsed() > LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        thread::sleep(Duration::from_millis(20));
    };
    Invocation {
        status,
        retries: reader.join().unwrap(),
        error: errors.join().unwrap(),
        seconds: start.elapsed().as_secs_f64(),
    }
}

/// Bytes outside the image that differ from the old contents.
fn changed_outside(flash: &[u8], old: &[u8]) -> usize {
    let differ = |a: &[u8], b: &[u8]| a.iter().zip(b).filter(|(x, y)| x != y).count();
    differ(&flash[..ADDR], &old[..ADDR]) + differ(&flash[ADDR + IMAGE..], &old[ADDR + IMAGE..])
}

#[derive(Default)]
struct Series {
    writes: usize,
    one_run: usize,
    retries: u64,
    wrong: usize,
    outside_bytes: usize,
    invocations: usize,
    killed: usize,
    unfinished: usize,
    faults: u64,
    first_secs: Vec<f64>,
    notes: Vec<String>,
    /// Why first invocations failed, one line each.
    failures: Vec<String>,
}

fn median(v: &[f64]) -> f64 {
    let mut v = v.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

fn run_series(
    relay: &Relay,
    noise: Noise,
    writes: usize,
    scale: f64,
    image_path: &Path,
    image: &[u8],
) -> Series {
    let mut s = Series::default();
    for w in 0..writes {
        let dir = tempfile::tempdir().expect("tempdir");
        let flash_path = dir.path().join("flash.bin");
        let state = dir.path().join("state");
        std::fs::create_dir(&state).unwrap();
        let mut old = random(FLASH, mix(noise.seed, 1000 + w as u64));
        for (i, b) in old[ADDR - SENTINEL..ADDR].iter_mut().enumerate() {
            *b = 0x5A ^ i as u8;
        }
        for (i, b) in old[ADDR + IMAGE..ADDR + IMAGE + SENTINEL]
            .iter_mut()
            .enumerate()
        {
            *b = 0xA5 ^ i as u8;
        }
        std::fs::write(&flash_path, &old).unwrap();
        let chip = serve_scaled(&flash_path, scale);
        let write_noise = Noise {
            seed: mix(noise.seed, w as u64),
            ..noise
        };
        relay.aim(&chip.port, Some(write_noise));
        relay.take_faults();

        let first = invoke(relay, image_path, &state);
        s.faults += relay.take_faults();
        s.writes += 1;
        s.invocations += 1;
        s.retries += first.retries;
        s.first_secs.push(first.seconds);
        if first.status.is_none() {
            s.killed += 1;
        }
        // The chip's flash file is written through on every erase and program, so once
        // espflow has exited it shows what the chip holds.
        let flash = std::fs::read(&flash_path).unwrap();
        let outside = changed_outside(&flash, &old);
        let mut wrong = outside > 0;
        let mut outside_most = outside;
        if first.status == Some(0) {
            s.one_run += 1;
            if flash[ADDR..ADDR + IMAGE] != image[..] {
                wrong = true;
                s.notes
                    .push(format!("write {w}: exit 0 but the image is not in place"));
            }
        } else {
            s.failures.push(format!(
                "exit {}: {}",
                first.status.map_or("killed".to_string(), |c| c.to_string()),
                first.error
            ));
            relay.aim(&chip.port, None);
            let mut done = false;
            for _ in 0..FINISH_ATTEMPTS {
                let again = invoke(relay, image_path, &state);
                s.invocations += 1;
                s.retries += again.retries;
                if again.status == Some(0) {
                    done = true;
                    break;
                }
            }
            let flash = std::fs::read(&flash_path).unwrap();
            let outside_after = changed_outside(&flash, &old);
            if outside_after > 0 {
                wrong = true;
                s.notes.push(format!(
                    "write {w}: {outside_after} bytes outside the image changed after finishing"
                ));
            }
            outside_most = outside_most.max(outside_after);
            if !done {
                s.unfinished += 1;
                s.notes.push(format!(
                    "write {w}: still failing after {FINISH_ATTEMPTS} runs without noise"
                ));
            } else if flash[ADDR..ADDR + IMAGE] != image[..] {
                wrong = true;
                s.notes.push(format!(
                    "write {w}: finished with exit 0 but the image is wrong"
                ));
            }
        }
        if outside > 0 {
            s.notes.push(format!(
                "write {w}: {outside} bytes outside the image changed (exit {:?})",
                first.status
            ));
        }
        // The most bytes outside seen changed at any check of this write.
        s.outside_bytes += outside_most;
        if wrong {
            s.wrong += 1;
        }
        drop(chip);
    }
    s
}

fn main() {
    let mut writes = 20usize;
    let mut scale = 1.0f64;
    let mut seed = 1u64;
    // `--only 1e-4:chip` (or `1e-5`, `host:drop`, ...): run only the series whose
    // "ber:to:kind" name contains every `:`-separated part given.
    let mut only: Vec<String> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--writes" => {
                writes = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .expect("--writes takes a number")
            }
            "--time-scale" | "--seconds-scale" => {
                scale = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .filter(|f: &f64| *f > 0.0)
                    .expect("--time-scale takes a positive number")
            }
            "--seed" => {
                seed = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .expect("--seed takes a number")
            }
            "--only" => {
                only = args
                    .next()
                    .expect("--only takes a filter such as 1e-4:chip")
                    .split(':')
                    .map(str::to_owned)
                    .collect()
            }
            // `cargo bench` passes `--bench` to every bench binary.
            _ => {}
        }
    }

    let dir = tempfile::tempdir().expect("tempdir");
    let image_path = dir.path().join("img.bin");
    let image = random(IMAGE, mix(seed, 42));
    std::fs::write(&image_path, &image).unwrap();
    let relay = Relay::start();

    println!(
        "1 MiB random at 0x10000 over old data, {BAUD} baud, virtual chip --realtime \
         --time-scale {scale} (its clock runs {scale}x the wall clock), {writes} writes per \
         series, seed {seed}"
    );
    println!(
        "{:<6} {:<5} {:<7} {:>6} {:>15} {:>8} {:>6} {:>8} {:>6} {:>7} {:>10}",
        "ber",
        "to",
        "kind",
        "writes",
        "one run",
        "retries",
        "wrong",
        "outside",
        "runs",
        "faults",
        "1st run s"
    );
    let start = Instant::now();
    let mut results = Vec::new();
    for (bi, ber) in [1e-5, 1e-4].into_iter().enumerate() {
        for (di, dir) in [Dir::ToChip, Dir::ToHost].into_iter().enumerate() {
            for (ki, kind) in [Kind::Flip, Kind::Drop, Kind::Insert]
                .into_iter()
                .enumerate()
            {
                let name = format!(
                    "{ber:.0e}:{}:{}",
                    match dir {
                        Dir::ToChip => "chip",
                        Dir::ToHost => "host",
                    },
                    format!("{kind:?}").to_lowercase()
                );
                let wanted = only
                    .iter()
                    .all(|part| name.split(':').any(|field| field == part));
                if !wanted {
                    continue;
                }
                let noise = Noise {
                    ber,
                    dir,
                    kind,
                    seed: mix(seed, (bi * 6 + di * 3 + ki) as u64 + 1),
                };
                let s = run_series(&relay, noise, writes, scale, &image_path, &image);
                let pct = 100.0 * s.one_run as f64 / s.writes.max(1) as f64;
                println!(
                    "{:<6} {:<5} {:<7} {:>6} {:>7} {:>5.0} % {:>8} {:>6} {:>8} {:>6} {:>7} {:>10.2}",
                    format!("{ber:.0e}"),
                    match dir {
                        Dir::ToChip => "chip",
                        Dir::ToHost => "host",
                    },
                    format!("{kind:?}").to_lowercase(),
                    s.writes,
                    s.one_run,
                    pct,
                    s.retries,
                    s.wrong,
                    s.outside_bytes,
                    s.invocations,
                    s.faults,
                    median(&s.first_secs)
                );
                if s.killed > 0 {
                    println!("    {} runs killed after {} s", s.killed, LIMIT.as_secs());
                }
                for n in &s.notes {
                    println!("    {n}");
                }
                let mut why = s.failures.clone();
                why.sort();
                why.dedup();
                for f in why {
                    let n = s.failures.iter().filter(|g| **g == f).count();
                    println!("    {n}x {f}");
                }
                results.push((ber, pct, s));
            }
        }
    }

    let no_wrong = results
        .iter()
        .all(|(_, _, s)| s.wrong == 0 && s.unfinished == 0);
    let no_outside = results.iter().all(|(_, _, s)| s.outside_bytes == 0);
    let min_pct = |b: f64| {
        results
            .iter()
            .filter(|(ber, _, _)| *ber == b)
            .map(|(_, p, _)| *p)
            .fold(f64::INFINITY, f64::min)
    };
    let (low, high) = (min_pct(1e-5), min_pct(1e-4));
    let mark = |ok: bool| if ok { "met" } else { "MISSED" };
    println!(
        "targets: 0 wrong results in every series: {}; 0 bytes changed outside: {}; \
         1e-5 >= 95 % in one run: {} (lowest {low:.0} %); 1e-4 >= 80 % in one run: {} \
         (lowest {high:.0} %); {:.0} s",
        mark(no_wrong),
        mark(no_outside),
        mark(low >= 95.0),
        mark(high >= 80.0),
        start.elapsed().as_secs_f64()
    );
}
