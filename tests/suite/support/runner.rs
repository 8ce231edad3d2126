//! Running espflow: the CLI under a time limit, a virtual chip it serves, and random
//! contents to flash. The soak bench includes this file and `trials.rs` as they are, so
//! everything here is something the trials use.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

pub const FLASH_4M: usize = 0x40_0000;

pub fn espflow() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_espflow"));
    // Whatever the machine running the tests has configured stays out of them.
    for var in [
        "ESPFLOW_PORT",
        "ESPFLOW_BAUD",
        "ESPFLOW_CHIP",
        "ESPFLOW_BEFORE",
        "ESPFLOW_AFTER",
        "ESPFLOW_CONNECT_ATTEMPTS",
    ] {
        c.env_remove(var);
    }
    c.env("ESPFLOW_NO_CONFIG", "1");
    c
}

/// Runs a command to completion, killing it if it takes longer than `limit`. Output is
/// collected while it runs, so a chatty command cannot stall on a full pipe.
pub fn run(mut cmd: Command, limit: Duration) -> Output {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let child = cmd.spawn().expect("spawn");
    let pid = child.id() as i32;
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let timed_out = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let watchdog = {
        let (done, timed_out) = (done.clone(), timed_out.clone());
        std::thread::spawn(move || {
            let start = Instant::now();
            while !done.load(std::sync::atomic::Ordering::Acquire) {
                if start.elapsed() > limit {
                    timed_out.store(true, std::sync::atomic::Ordering::Release);
                    // SAFETY: signals a child this test spawned and has not reaped yet.
                    unsafe { libc::kill(pid, libc::SIGKILL) };
                    return;
                }
                std::thread::sleep(Duration::from_millis(10));
            }
        })
    };
    let out = child.wait_with_output().expect("output");
    done.store(true, std::sync::atomic::Ordering::Release);
    watchdog.join().unwrap();
    assert!(
        !timed_out.load(std::sync::atomic::Ordering::Acquire),
        "{cmd:?} did not finish within {limit:?}\nstdout: {}\nstderr: {}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// A `espflow virtual-chip` process, killed when dropped.
pub struct Served {
    pub child: Child,
    /// `socket://127.0.0.1:P` or `/dev/pts/N`.
    pub port: String,
    log: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl Served {
    /// Waits (up to 10 s) for the chip's log to have `n` session summaries, and returns them.
    pub fn sessions(&self, n: usize) -> Vec<String> {
        let start = Instant::now();
        loop {
            let got: Vec<String> = self
                .log
                .lock()
                .unwrap()
                .iter()
                .filter(|l| l.starts_with("session:"))
                .cloned()
                .collect();
            if got.len() >= n || start.elapsed() > Duration::from_secs(10) {
                return got;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn log(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }

    /// Whether a log line starting with `prefix` arrives within 10 s. The chip writes its
    /// log on its own schedule: a client can exit before the line about it is read.
    pub fn logs_within(&self, prefix: &str) -> bool {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if self.log().iter().any(|l| l.starts_with(prefix)) {
                return true;
            }
            if Instant::now() > deadline {
                return false;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn serve(flash: &Path, extra: &[&str]) -> Served {
    serve_chip("esp32c3", flash, extra)
}

/// `espflow virtual-chip --chip CHIP`, on a TCP port unless `extra` asks for a pty.
pub fn serve_chip(chip: &str, flash: &Path, extra: &[&str]) -> Served {
    let mut c = espflow();
    c.args(["virtual-chip", "--chip", chip, "--flash"])
        .arg(flash)
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if !extra.contains(&"--pty") {
        c.args(["--listen", "127.0.0.1:0"]);
    }
    let mut child = c.spawn().expect("spawn virtual-chip");
    let log = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let stderr = child.stderr.take().unwrap();
    let sink = log.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            sink.lock().unwrap().push(line);
        }
    });
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .expect("first line");
    let line = line.trim();
    let port = if let Some(p) = line.strip_prefix("listening on ") {
        p.to_string()
    } else if let Some(p) = line.strip_prefix("pty ") {
        p.to_string()
    } else {
        panic!("unexpected first line from virtual-chip: {line:?}");
    };
    Served { child, port, log }
}

pub fn random_bytes(n: usize, seed: u64) -> Vec<u8> {
    use rand::{RngCore, SeedableRng};
    let mut v = vec![0u8; n];
    rand::rngs::SmallRng::seed_from_u64(seed).fill_bytes(&mut v);
    v
}
