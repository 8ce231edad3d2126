//! espflow against both peers, in one run, on the same virtual chip: an ESP32-C3 served
//! with `--realtime` (paced UART, datasheet flash timings, hashing at the chip's rates) at
//! 921600 baud, 4 MiB of flash, every image at 0x0.
//!
//! `cargo bench --bench peers [-- --only A,B --rounds N]` times five workloads:
//! - A: 4 MiB of random data over old (random) contents;
//! - B: a mixed 4 MiB image (1.5 MiB random code, 1 MiB zeros, the rest 0xFF) over old contents;
//! - C: B again, unchanged;
//! - D: B with one 4 KiB sector changed;
//! - E: B over old contents again, after a first run was killed half-way (at half the
//!   client's own wall time for B).
//!
//! Each figure is the wall time of the whole client: the `espflow` binary; esptool (from
//! `ESPFLOW_ESPTOOL` or `target/esptool-venv`, with its own stub; also with
//! `--skip-flashed` on C and `--diff-with` on D); and the `espflash` crate's `Flasher`
//! with its own stub, run in this process, where the "process" is connect, write and
//! finish (no program start-up to pay). espflow and esptool reach the chip over TCP,
//! espflash over a pty (its port type is a tty); both are paced by the same server.
//! espflash runs with its command line's defaults: skip an unchanged image (by MD5) and
//! verify.
//!
//! The limit of each workload is the larger of two floors for what must change: the
//! line (the changed sectors' bytes, deflated where that is smaller, at ten bits a byte)
//! and the flash (the virtual chip's own `Timing::rewrite_floor_ns`: reading the region
//! once, erasing and programming what differs). Every run is checked: the flash file
//! must hold the image afterwards. With `--rounds N` each figure is the best of N.

use std::io::{BufRead, BufReader, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

// Random contents and esptool are the other benches'; the chip is served here (TCP or pty).
#[allow(dead_code)]
mod support;

use espflow::virtual_chip::Timing;
use support::{esptool, random};

const BAUD: u32 = 921_600;
const SIZE: usize = 4 << 20;
const SECTOR: usize = 0x1000;

/// A `espflow virtual-chip --realtime` process on TCP or a pty, killed when dropped.
struct Served {
    child: Child,
    port: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(flash: &Path, pty: bool) -> Served {
    let mut c = Command::new(env!("CARGO_BIN_EXE_espflow"));
    c.env("ESPFLOW_NO_CONFIG", "1")
        .args(["virtual-chip", "--chip", "esp32c3", "--realtime", "--flash"])
        .arg(flash)
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    if pty {
        c.arg("--pty");
    } else {
        c.args(["--listen", "127.0.0.1:0"]);
    }
    let mut child = c.spawn().expect("start the virtual chip");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .expect("the chip's first line");
    let line = line.trim();
    let port = line
        .strip_prefix("listening on ")
        .or_else(|| line.strip_prefix("pty "))
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_string();
    Served { child, port }
}

/// One workload: what the flash holds before, the image, and whether a first run is
/// killed half-way before the timed one.
struct Workload {
    key: char,
    what: &'static str,
    before: Vec<u8>,
    image: Vec<u8>,
    interrupted: bool,
}

fn workloads() -> Vec<Workload> {
    let old = random(SIZE, 1);
    let mut b = random(SIZE, 3);
    b[0x18_0000..0x28_0000].fill(0);
    b[0x28_0000..].fill(0xFF);
    let mut d = b.clone();
    d[0x8_0000..0x8_0000 + SECTOR].copy_from_slice(&random(SECTOR, 4));
    vec![
        Workload {
            key: 'A',
            what: "4 MiB random over old data",
            before: old.clone(),
            image: random(SIZE, 2),
            interrupted: false,
        },
        Workload {
            key: 'B',
            what: "mixed 4 MiB (1.5 MiB code, 1 MiB zeros, rest 0xFF) over old data",
            before: old.clone(),
            image: b.clone(),
            interrupted: false,
        },
        Workload {
            key: 'C',
            what: "B again, unchanged",
            before: b.clone(),
            image: b.clone(),
            interrupted: false,
        },
        Workload {
            key: 'D',
            what: "B with one 4 KiB sector changed",
            before: b.clone(),
            image: d,
            interrupted: false,
        },
        Workload {
            key: 'E',
            what: "second run after a kill at 50 %",
            before: old,
            image: b,
            interrupted: true,
        },
    ]
}

/// A client as the bench runs it.
#[derive(Clone, Copy, PartialEq)]
enum Client {
    Espflow,
    Esptool(&'static [&'static str]),
    Espflash,
}

/// Where one run happens: a fresh chip whose flash holds the workload's `before`, the
/// image file, the previous image (for `--diff-with`) and espflow's state directory.
struct Bench {
    dir: tempfile::TempDir,
    esptool: Option<PathBuf>,
    /// esptool's time for B, which its kill in E is timed from.
    esptool_b: Option<f64>,
    /// espflow's time for B, likewise.
    espflow_b: Option<f64>,
}

/// What one timed run found: its seconds and what the flash held when it started.
struct Run {
    secs: f64,
    start: Vec<u8>,
}

impl Bench {
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn espflow(&self, port: &str, image: &Path) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_espflow"));
        c.env("ESPFLOW_NO_CONFIG", "1")
            .env("ESPFLOW_STATE_DIR", self.path("state"))
            .args(["--port", port, "--baud", &BAUD.to_string()])
            .args(["--format", "json", "write-flash", "0x0"])
            .arg(image)
            .stdin(Stdio::null())
            .stderr(Stdio::null());
        c
    }

    fn esptool(&self, port: &str, extra: &[&str], image: &Path) -> Command {
        let mut c = Command::new(self.esptool.as_ref().expect("esptool"));
        c.args([
            "--port",
            port,
            "--chip",
            "esp32c3",
            "--baud",
            &BAUD.to_string(),
        ])
        .args(["write-flash", "0x0"])
        .arg(image)
        .args(extra)
        .current_dir(self.dir.path())
        .stdin(Stdio::null())
        .stderr(Stdio::null());
        c
    }

    /// Runs `client` on `w` once on a fresh chip; checks the flash afterwards.
    fn run(&mut self, client: Client, w: &Workload) -> Result<Run, String> {
        let flash = self.path("flash.bin");
        std::fs::write(&flash, &w.before).unwrap();
        let _ = std::fs::remove_dir_all(self.path("state"));
        let image = self.path("image.bin");
        std::fs::write(&image, &w.image).unwrap();
        // What the flash held before B: the previous image for `--diff-with`.
        std::fs::write(self.path("previous.bin"), &w.before).unwrap();
        let chip = serve(&flash, client == Client::Espflash);
        if w.interrupted {
            self.interrupt(client, &chip.port, &image, &w.image)?;
            // A served chip takes a new client in its ROM loader.
            std::thread::sleep(Duration::from_millis(300));
        }
        let start = std::fs::read(&flash).unwrap();
        let t0 = Instant::now();
        match client {
            Client::Espflow => {
                let st = self
                    .espflow(&chip.port, &image)
                    .stdout(Stdio::null())
                    .status()
                    .unwrap();
                if !st.success() {
                    return Err(format!("espflow exited with {st}"));
                }
            }
            Client::Esptool(extra) => {
                let st = self
                    .esptool(&chip.port, extra, &image)
                    .stdout(Stdio::null())
                    .status()
                    .unwrap();
                if !st.success() {
                    return Err(format!("esptool exited with {st}"));
                }
            }
            Client::Espflash => espflash_client::write(&chip.port, &w.image, false)?,
        }
        let secs = t0.elapsed().as_secs_f64();
        drop(chip);
        if std::fs::read(&flash).unwrap() != w.image {
            return Err("the flash does not hold the image afterwards".into());
        }
        Ok(Run { secs, start })
    }

    /// The first, killed run of E.
    fn interrupt(
        &mut self,
        client: Client,
        port: &str,
        image: &Path,
        data: &[u8],
    ) -> Result<(), String> {
        match client {
            Client::Espflow => {
                // Killed at half the wall time of its own run of B, as esptool is: a kill
                // by progress would land after the fills, which the stub finishes early.
                let half = self.espflow_b.ok_or("espflow's B time is needed for E")? / 2.0;
                let mut child = self
                    .espflow(port, image)
                    .stdout(Stdio::null())
                    .spawn()
                    .unwrap();
                std::thread::sleep(Duration::from_secs_f64(half));
                let _ = child.kill();
                let _ = child.wait();
            }
            Client::Esptool(extra) => {
                // esptool is killed at half the wall time of its own run of B.
                let half = self.esptool_b.ok_or("esptool's B time is needed for E")? / 2.0;
                let mut child = self
                    .esptool(port, extra, image)
                    .stdout(Stdio::null())
                    .spawn()
                    .unwrap();
                std::thread::sleep(Duration::from_secs_f64(half));
                let _ = child.kill();
                let _ = child.wait();
            }
            Client::Espflash => {
                // Its progress callback gives up half-way and the flasher is dropped.
                if espflash_client::write(port, data, true).is_ok() {
                    return Err("espflash finished before it was stopped".into());
                }
            }
        }
        Ok(())
    }

    /// The best of `rounds` runs, or the first error.
    fn best(&mut self, client: Client, w: &Workload, rounds: u32) -> Result<Run, String> {
        let mut best: Option<Run> = None;
        for _ in 0..rounds {
            eprint!(".");
            let _ = std::io::stderr().flush();
            let r = self.run(client, w)?;
            if best.as_ref().is_none_or(|b| r.secs < b.secs) {
                best = Some(r);
            }
        }
        Ok(best.expect("at least one round"))
    }
}

/// espflash's `Flasher`, in this process, over the served pty.
mod espflash_client {
    use espflash::connection::{Connection, Port, ResetAfterOperation, ResetBeforeOperation};
    use espflash::flasher::Flasher;
    use espflash::target::{Chip, ProgressCallbacks};

    /// Gives up (by unwinding out of the write) once half the blocks went out.
    struct StopHalfway {
        stop: bool,
        total: usize,
    }

    struct Stopped;

    impl ProgressCallbacks for StopHalfway {
        fn init(&mut self, _addr: u32, total: usize) {
            self.total = total;
        }
        fn update(&mut self, current: usize) {
            if self.stop && current * 2 >= self.total {
                std::panic::resume_unwind(Box::new(Stopped));
            }
        }
        fn verifying(&mut self) {}
        fn finish(&mut self, _skipped: bool) {}
    }

    /// Connects (no reset: the chip waits in its loader), uploads espflash's stub, moves
    /// to the bench's baud, writes `image` at 0 and leaves the chip in its ROM loader.
    /// With `stop`, the write is abandoned half-way and the flasher dropped mid-stream.
    pub fn write(port: &str, image: &[u8], stop: bool) -> Result<(), String> {
        let serial: Port = serialport::new(port, 115_200)
            .open_native()
            .map_err(|e| e.to_string())?;
        let info = serialport::UsbPortInfo {
            vid: 0,
            pid: 0,
            serial_number: None,
            manufacturer: None,
            product: None,
        };
        let conn = Connection::new(
            serial,
            info,
            ResetAfterOperation::NoReset,
            ResetBeforeOperation::NoReset,
            115_200,
        );
        let mut f = Flasher::connect(
            conn,
            true,
            true,
            true,
            Some(Chip::Esp32c3),
            Some(super::BAUD),
        )
        .map_err(|e| e.to_string())?;
        let mut progress = StopHalfway { stop, total: 0 };
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            f.write_bin_to_flash(0, image, &mut progress)
        }));
        drop(f);
        match r {
            Ok(r) => r.map_err(|e| e.to_string()),
            Err(p) if p.is::<Stopped>() => Err("stopped half-way".into()),
            Err(p) => std::panic::resume_unwind(p),
        }
    }
}

/// The limit for turning `start` into `image`: the line or the flash, whichever is slower.
fn limit(start: &[u8], image: &[u8]) -> (f64, &'static str) {
    let changed: Vec<u8> = start
        .chunks(SECTOR)
        .zip(image.chunks(SECTOR))
        .filter(|(o, n)| o != n)
        .flat_map(|(_, n)| n.iter().copied())
        .collect();
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(&changed).unwrap();
    let wire = z.finish().unwrap().len().min(changed.len());
    let line = wire as f64 / (BAUD as f64 / 10.0);
    let flash = Timing::DATASHEET.rewrite_floor_ns(start, image) as f64 / 1e9;
    if line >= flash {
        (line, "line")
    } else {
        (flash, "flash")
    }
}

struct Options {
    only: Vec<char>,
    rounds: u32,
}

fn options() -> Options {
    let mut o = Options {
        only: "ABCDE".chars().collect(),
        rounds: 1,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--only" => {
                let v = args.next().expect("--only takes a list such as A,B");
                o.only = v
                    .split(',')
                    .filter_map(|s| s.trim().chars().next())
                    .map(|c| c.to_ascii_uppercase())
                    .collect();
            }
            "--rounds" => {
                o.rounds = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .filter(|n| *n > 0)
                    .expect("--rounds takes a positive number");
            }
            // What cargo bench passes to every harness-less bench.
            _ => {}
        }
    }
    o
}

fn cell(r: &Result<Run, String>, ours: Option<f64>) -> String {
    match (r, ours) {
        (Ok(r), Some(e)) => format!("{:.2} s ({:.2}×)", r.secs, r.secs / e),
        (Ok(r), None) => format!("{:.2} s", r.secs),
        (Err(e), _) => format!("failed: {e}"),
    }
}

fn main() {
    let opts = options();
    let mut bench = Bench {
        dir: tempfile::tempdir().expect("tempdir"),
        esptool: esptool(),
        esptool_b: None,
        espflow_b: None,
    };
    let all = workloads();
    let selected: Vec<&Workload> = all.iter().filter(|w| opts.only.contains(&w.key)).collect();
    let b = all.iter().find(|w| w.key == 'B').expect("workload B");
    let mut rows = Vec::new();
    for w in &selected {
        eprint!("{} ", w.key);
        if w.key == 'E' && bench.espflow_b.is_none() {
            bench.espflow_b = bench.run(Client::Espflow, b).ok().map(|r| r.secs);
        }
        let ours = bench.best(Client::Espflow, w, opts.rounds);
        if w.key == 'B' {
            bench.espflow_b = ours.as_ref().ok().map(|r| r.secs);
        }
        let t = ours.as_ref().ok().map(|r| r.secs);
        let (lim, kind) = match &ours {
            Ok(r) => limit(&r.start, &w.image),
            Err(_) => limit(&w.before, &w.image),
        };
        let mut tool = "no esptool (run the test suite once, or set ESPFLOW_ESPTOOL)".to_string();
        if bench.esptool.is_some() {
            if w.key == 'E' && bench.esptool_b.is_none() {
                bench.esptool_b = bench.run(Client::Esptool(&[]), b).ok().map(|r| r.secs);
            }
            let plain = bench.best(Client::Esptool(&[]), w, opts.rounds);
            if w.key == 'B' {
                bench.esptool_b = plain.as_ref().ok().map(|r| r.secs);
            }
            tool = cell(&plain, t);
            let extra: Option<(&'static [&'static str], &str)> = match w.key {
                'C' => Some((&["--skip-flashed"], "--skip-flashed")),
                'D' => Some((&["--diff-with", "previous.bin"], "--diff-with")),
                _ => None,
            };
            if let Some((args, name)) = extra {
                let r = bench.best(Client::Esptool(args), w, opts.rounds);
                tool += &format!("; {} with `{name}`", cell(&r, t));
            }
        }
        let flash = cell(&bench.best(Client::Espflash, w, opts.rounds), t);
        let ours_cell = match (&ours, t) {
            (Ok(_), Some(s)) => format!("{s:.2} s ({:.2}× limit)", s / lim),
            _ => cell(&ours, None),
        };
        rows.push(format!(
            "| {} {} | {ours_cell} | {tool} | {flash} | {lim:.2} s {kind} |",
            w.key, w.what
        ));
    }
    eprintln!();
    println!(
        "Virtual ESP32-C3 --realtime, {BAUD} baud, 4 MiB flash, images at 0x0; wall time of the \
         whole client; best of {} (peer×: the peer's time over espflow's)",
        opts.rounds
    );
    println!();
    println!("| workload | espflow | esptool 5.6 | espflash 4.7 (library) | limit |");
    println!("|---|---|---|---|---|");
    for r in rows {
        println!("{r}");
    }
}
