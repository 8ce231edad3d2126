//! Interrupted-write trials, shared by the test suite (a few dozen seeds) and the soak
//! bench (as many as asked). Each returns a description of what went wrong, if anything.
//! Both include this file beside `runner.rs`, which it reaches as `super::runner`.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use rand::{Rng, SeedableRng};

use super::runner::{FLASH_4M, espflow, random_bytes, run, serve};

pub const IMAGE_LEN: usize = 2 << 20;
const SECTOR: usize = 0x1000;

/// A summary field of espflow's JSON output.
pub fn summary_field(stdout: &str, key: &str) -> Option<u64> {
    let line = stdout
        .lines()
        .find(|l| l.contains("\"event\":\"summary\""))?;
    let at = line.find(&format!("\"{key}\":"))? + key.len() + 3;
    let rest = &line[at..];
    let end = rest.find([',', '}'])?;
    match &rest[..end] {
        "true" => Some(1),
        "false" => Some(0),
        n => n.parse().ok(),
    }
}

/// Bytes of the image not yet in place, counted sector by sector as the host would.
pub fn remaining(flash: &[u8], addr: usize, image: &[u8]) -> usize {
    let mut left = 0;
    let mut a = addr;
    while a < addr + image.len() {
        let end = ((a / SECTOR) + 1) * SECTOR;
        let end = end.min(addr + image.len());
        if flash[a..end] != image[a - addr..end - addr] {
            left += end - a;
        }
        a = end;
    }
    left
}

/// The flash must hold the image at `addr` and the old contents everywhere else.
pub fn check_flash(flash: &[u8], old: &[u8], addr: usize, image: &[u8]) -> Result<(), String> {
    if flash.len() != old.len() {
        return Err(format!("flash is {} bytes, was {}", flash.len(), old.len()));
    }
    if flash[addr..addr + image.len()] != image[..] {
        return Err("the image is not in place".into());
    }
    if flash[..addr] != old[..addr] || flash[addr + image.len()..] != old[addr + image.len()..] {
        return Err("bytes outside the image changed".into());
    }
    Ok(())
}

fn write_cmd(port: &str, addr: usize, image: &Path, state: &Path, extra: &[&str]) -> Command {
    let mut c = espflow();
    c.env("ESPFLOW_STATE_DIR", state)
        .args(["--port", port, "--format", "json"])
        .args(extra)
        .args(["write-flash", &format!("0x{addr:X}")])
        .arg(image);
    c
}

/// Trials from this seed on write a mixed image (a quarter random, a quarter zeros, the rest
/// 0xFF), which espflow's stub puts down mostly as fills.
pub const MIXED_SEEDS: u64 = 1 << 10;

/// The image a trial writes.
fn trial_image(seed: u64, salt: u64) -> Vec<u8> {
    let mut image = random_bytes(IMAGE_LEN, salt);
    if seed >= MIXED_SEEDS {
        image[IMAGE_LEN / 4..IMAGE_LEN / 2].fill(0);
        image[IMAGE_LEN / 2..].fill(0xFF);
    }
    image
}

/// Power fails in the middle of an erase or a program; running the same write again must
/// finish it, byte for byte, and leave everything else alone.
pub fn power_cut(seed: u64) -> Result<(), String> {
    let mut rng = rand::rngs::SmallRng::seed_from_u64(seed);
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let old = random_bytes(FLASH_4M, seed.wrapping_mul(3) + 1);
    let image = trial_image(seed, seed.wrapping_mul(3) + 2);
    let flash = dir.path().join("flash.bin");
    let img = dir.path().join("image.bin");
    std::fs::write(&flash, &old).map_err(|e| e.to_string())?;
    std::fs::write(&img, &image).map_err(|e| e.to_string())?;
    // Every other image shares its first and last sector with old data: a power cut in the
    // middle of erasing such a sector loses the chip's copy of those bytes, and the rerun
    // must put them back from the journal.
    let addr = if seed % 4 < 2 { 0x10100 } else { 0x10000 };
    let rom = seed % 5 == 4;
    let fault = if seed.is_multiple_of(2) {
        // 2 MiB over old data: 32 block erases with the stub, as many up front on the ROM.
        format!("power-cut:erase={}", rng.random_range(1..=32))
    } else {
        // A mixed image programs only its random and zero halves.
        let pages = if seed >= MIXED_SEEDS {
            IMAGE_LEN / 512
        } else {
            IMAGE_LEN / 256
        };
        format!("power-cut:program={}", rng.random_range(1..=pages))
    };
    let served = serve(&flash, &["--fault", &fault, "--seed", &seed.to_string()]);
    let extra: &[&str] = if rom { &["--no-stub"] } else { &[] };
    let state = dir.path().join("state");
    let first = run(
        write_cmd(&served.port, addr, &img, &state, extra),
        Duration::from_secs(120),
    );
    if first.status.success() {
        return Err(format!("seed {seed}: the write survived {fault}"));
    }
    let second = run(
        write_cmd(&served.port, addr, &img, &state, extra),
        Duration::from_secs(120),
    );
    if !second.status.success() {
        return Err(format!(
            "seed {seed} ({fault}, rom={rom}): the rerun failed: {}",
            String::from_utf8_lossy(&second.stderr)
        ));
    }
    let disk = std::fs::read(&flash).map_err(|e| e.to_string())?;
    check_flash(&disk, &old, addr, &image).map_err(|e| format!("seed {seed} ({fault}): {e}"))?;
    if !served.logs_within("power cut") {
        return Err(format!("seed {seed}: the chip never lost power"));
    }
    Ok(())
}

/// Runs `cmd` (a `--format json` write) and kills it `after` its first block was written;
/// returns whether that block came within 60 s (it is killed then all the same). The kill
/// is timed from the write, not from the start: connecting, uploading the stub and
/// comparing take longer on a loaded machine, and a kill before the write proves nothing.
/// Its stdout is drained to the end, so it never blocks on it.
pub fn kill_once_writing(mut cmd: Command, after: Duration) -> bool {
    let mut victim = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the command starts");
    let (writing, started) = std::sync::mpsc::channel();
    let stdout = victim.stdout.take().expect("piped");
    std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
        {
            if line.contains("\"event\":\"progress\",\"stage\":\"write\"") {
                let _ = writing.send(());
            }
        }
    });
    let wrote = started.recv_timeout(Duration::from_secs(60)).is_ok();
    std::thread::sleep(after);
    let _ = victim.kill();
    let _ = victim.wait();
    wrote
}

/// The host is killed at a random moment; the rerun must finish the write sending no more
/// than what was left plus two sectors. Some seeds delete the journal first, some run the
/// rerun as another host would (another state directory).
pub fn host_killed(seed: u64) -> Result<usize, String> {
    let mut rng = rand::rngs::SmallRng::seed_from_u64(seed);
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let old = random_bytes(FLASH_4M, seed.wrapping_mul(5) + 1);
    let image = trial_image(seed, seed.wrapping_mul(5) + 2);
    let flash = dir.path().join("flash.bin");
    let img = dir.path().join("image.bin");
    std::fs::write(&flash, &old).map_err(|e| e.to_string())?;
    std::fs::write(&img, &image).map_err(|e| e.to_string())?;
    let addr = 0x10100;
    let served = serve(&flash, &["--realtime", "--time-scale", "20"]);
    let state = dir.path().join("state");
    let baud = ["--baud", "921600"];

    let victim = write_cmd(&served.port, addr, &img, &state, &baud);
    kill_once_writing(victim, Duration::from_millis(rng.random_range(0..1200)));
    // The chip finishes what it already received; wait until the server has let go.
    served.sessions(1);
    let after_kill = std::fs::read(&flash).map_err(|e| e.to_string())?;
    let left = remaining(&after_kill, addr, &image);

    let rerun_state = match seed % 3 {
        0 => state.clone(),
        1 => {
            let _ = std::fs::remove_dir_all(&state);
            state.clone()
        }
        _ => dir.path().join("another-host"),
    };
    let journal_kept = seed.is_multiple_of(3)
        && std::fs::read_dir(state.join("journal"))
            .map(|d| {
                // A kill during the first save leaves only the temporary file.
                d.filter_map(Result::ok)
                    .any(|e| e.path().extension().is_some_and(|x| x == "journal"))
            })
            .unwrap_or(false);
    let out = run(
        write_cmd(&served.port, addr, &img, &rerun_state, &baud),
        Duration::from_secs(120),
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        return Err(format!(
            "seed {seed}: the rerun failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let sent = summary_field(&stdout, "bytes_sent").ok_or("no summary")? as usize;
    if sent > left + 2 * SECTOR {
        return Err(format!(
            "seed {seed}: the rerun sent {sent} bytes with {left} left (allowed {})",
            left + 2 * SECTOR
        ));
    }
    if journal_kept && summary_field(&stdout, "resumed") != Some(1) {
        return Err(format!(
            "seed {seed}: a journal was there but the rerun did not use it"
        ));
    }
    let disk = std::fs::read(&flash).map_err(|e| e.to_string())?;
    check_flash(&disk, &old, addr, &image).map_err(|e| format!("seed {seed}: {e}"))?;
    Ok(left)
}

/// Runs `trial` over `seeds` on a few threads; returns what the trials that passed
/// reported, and the failures.
pub fn run_trials<T: Send + 'static>(
    seeds: std::ops::Range<u64>,
    threads: usize,
    trial: fn(u64) -> Result<T, String>,
) -> (Vec<T>, Vec<String>) {
    let next = std::sync::Arc::new(std::sync::Mutex::new(seeds));
    let failures = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let passed = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let workers: Vec<_> = (0..threads)
        .map(|_| {
            let next = next.clone();
            let failures = failures.clone();
            let passed = passed.clone();
            std::thread::spawn(move || {
                loop {
                    let seed = next.lock().unwrap().next();
                    let Some(seed) = seed else { return };
                    match trial(seed) {
                        Ok(v) => passed.lock().unwrap().push(v),
                        Err(e) => failures.lock().unwrap().push(e),
                    }
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let passed = std::mem::take(&mut *passed.lock().unwrap());
    let failures = std::mem::take(&mut *failures.lock().unwrap());
    (passed, failures)
}
