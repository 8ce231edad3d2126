//! The C3 stub against the ESP32-C3's real mask ROM, in Espressif's QEMU: the stub the host
//! embeds is uploaded by that ROM's loader and must then write, verify, read back, hash and
//! erase through the ROM's own flash driver. The virtual chip runs the stub core over a
//! model; only this test runs the chip code on the ROM it was written against.
//!
//! QEMU is a test peer kept beside the project (`../shared/tools/qemu-esp`), not part of
//! it. Where it is absent the test says so in one line and passes, unless
//! `ESPFLOW_REQUIRE_QEMU=1` makes absence a failure.

use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use md5::{Digest, Md5};

const ADDR: u32 = 0x10000;
const SIZE: usize = 1 << 20;

/// Kills the emulator however the test ends: one QEMU keeps a core busy even when idle.
pub(super) struct Qemu {
    child: Child,
    monitor: PathBuf,
}

/// One emulator at a time: each keeps a core busy, and the tests share the binary. Every
/// test that starts one holds this for as long as it runs.
pub(super) static ONE_QEMU: std::sync::Mutex<()> = std::sync::Mutex::new(());

impl Drop for Qemu {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Qemu {
    /// Resets the chip into its ROM loader through the QEMU monitor (DTR/RTS do nothing
    /// on a TCP serial line).
    pub(super) fn reset(&self) {
        let mut mon = std::os::unix::net::UnixStream::connect(&self.monitor).expect("QEMU monitor");
        mon.write_all(b"system_reset\n").unwrap();
        std::thread::sleep(Duration::from_millis(1500));
    }
}

pub(super) fn qemu_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/qemu-esp")
}

pub(super) fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free local port")
}

/// `len` bytes of the emulated flash at `addr` as its backing file holds them, once
/// `settled` accepts them or 10 s have passed (then as they are, for the caller's assert).
/// QEMU's SPI flash model writes that file asynchronously, so the chip can answer, and
/// espflow exit, a moment before the file shows what the chip did.
pub(super) fn flash_file(
    flash: &Path,
    addr: u32,
    len: usize,
    settled: impl Fn(&[u8]) -> bool,
) -> Vec<u8> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let all = std::fs::read(flash).expect("the flash file");
        let part = all[addr as usize..][..len].to_vec();
        if settled(&part) || Instant::now() > deadline {
            return part;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The emulated chips, and how each is strapped into UART download mode.
#[derive(Clone, Copy)]
pub(super) enum Machine {
    Esp32c3,
    Esp32,
}

/// The one-emulator lock, held for the caller's test, when `machine`'s QEMU is there;
/// otherwise one line saying `module` is skipped, and `None`. `ESPFLOW_REQUIRE_QEMU=1`
/// (CI) makes absence a failure.
pub(super) fn qemu_or_skip(
    machine: Machine,
    module: &str,
) -> Option<std::sync::MutexGuard<'static, ()>> {
    if !qemu_dir().join("bin").join(machine.binary()).exists() {
        assert!(
            std::env::var("ESPFLOW_REQUIRE_QEMU").as_deref() != Ok("1"),
            "ESPFLOW_REQUIRE_QEMU=1 but ../shared/tools/qemu-esp is not there"
        );
        say(&format!(
            "{module}: skipped (../shared/tools/qemu-esp not found)"
        ));
        return None;
    }
    Some(ONE_QEMU.lock().unwrap_or_else(|e| e.into_inner()))
}

impl Machine {
    fn binary(self) -> &'static str {
        match self {
            Machine::Esp32c3 => "qemu-system-riscv32",
            Machine::Esp32 => "qemu-system-xtensa",
        }
    }
}

/// Starts `machine` in UART download mode on `flash`, serving its UART0 on `port` with
/// Nagle off (otherwise each round trip costs about 40 ms), with a monitor socket in `dir`
/// to reset it.
pub(super) fn start(machine: Machine, dir: &Path, flash: &Path, port: u16) -> Qemu {
    start_with_efuse(machine, dir, flash, None, port)
}

/// [`start`], with the C3's eFuses kept in `efuse` (a 1 KiB file; what is burnt persists).
pub(super) fn start_with_efuse(
    machine: Machine,
    dir: &Path,
    flash: &Path,
    efuse: Option<&Path>,
    port: u16,
) -> Qemu {
    let q = qemu_dir();
    let (name, strap) = match machine {
        Machine::Esp32c3 => ("esp32c3", "0x02"),
        Machine::Esp32 => ("esp32", "0x0f"),
    };
    let monitor = dir.join("monitor.sock");
    let child = Command::new(q.join("bin").join(machine.binary()))
        .arg("-L")
        .arg(q.join("share"))
        .args(["-nographic", "-machine", name, "-drive"])
        .arg(format!("file={},if=mtd,format=raw", flash.display()))
        .args(efuse.map_or_else(Vec::new, |e| {
            vec![
                "-drive".to_string(),
                format!("file={},if=none,format=raw,id=efuse", e.display()),
                "-global".to_string(),
                format!("driver=nvram.{name}.efuse,property=drive,value=efuse"),
            ]
        }))
        .arg("-global")
        .arg(format!(
            "driver={name}.gpio,property=strap_mode,value={strap}"
        ))
        .arg("-serial")
        .arg(format!(
            "tcp:127.0.0.1:{port},server=on,wait=off,nodelay=on"
        ))
        .arg("-monitor")
        .arg(format!("unix:{},server=on,wait=off", monitor.display()))
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("QEMU starts");
    let mut qemu = Qemu { child, monitor };
    let deadline = Instant::now() + Duration::from_secs(20);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(status)) = qemu.child.try_wait() {
            panic!("QEMU exited ({status}); `ldd` on it shows missing libraries, if any");
        }
        assert!(Instant::now() < deadline, "QEMU never listened on {port}");
        std::thread::sleep(Duration::from_millis(100));
    }
    // The ROM prints its boot banner and then waits for SYNC.
    std::thread::sleep(Duration::from_millis(500));
    qemu
}

/// Runs the espflow binary against the emulated chip, returning its output and how long it
/// took; fails the test if it fails.
/// espflow on the emulated C3 at 921600, its journal in a directory of this port's own.
fn espflow_cmd(port: u16, args: &[&str]) -> Command {
    espflow_cmd_at(port, "921600", args)
}

/// [`espflow_cmd`] at `baud`.
fn espflow_cmd_at(port: u16, baud: &str, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_espflow"));
    cmd.args(["--chip", "esp32c3", "--port"])
        .arg(format!("socket://127.0.0.1:{port}"))
        .args(["--baud", baud])
        .args(args)
        .env(
            "ESPFLOW_STATE_DIR",
            std::env::temp_dir().join(format!("espflow-real-rom-{port}")),
        )
        .stdin(Stdio::null());
    cmd
}

fn espflow(port: u16, args: &[&str]) -> (Output, Duration) {
    let start = Instant::now();
    let out = espflow_cmd(port, args).output().expect("espflow runs");
    let took = start.elapsed();
    assert!(
        out.status.success(),
        "espflow {args:?} failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out, took)
}

/// The rerun of a killed write (`out`, after `reached` bytes were done) resumed, sent less
/// than three quarters of the image, and left `data` at `addr` in the emulator's `flash`.
pub(super) fn check_resumed(out: &Output, reached: u64, flash: &Path, addr: u32, data: &[u8]) {
    let said = String::from_utf8_lossy(&out.stdout);
    let summary = |key| crate::support::trials::summary_field(&said, key);
    assert_eq!(summary("resumed"), Some(1), "{said}");
    let sent = summary("bytes_sent").unwrap_or_else(|| panic!("{said}"));
    assert!(
        sent < data.len() as u64 * 3 / 4,
        "the resumed write sent {sent} bytes after {reached} were done"
    );
    assert!(
        flash_file(flash, addr, data.len(), |f| f == data) == data,
        "the resumed write left the wrong bytes"
    );
}

/// Starts `cmd`, a JSON write, kills it once its progress passes `fraction` of the image,
/// and returns how far it had said it got.
pub(super) fn kill_write_midway(mut cmd: Command, fraction: f64) -> u64 {
    use std::io::{BufRead, BufReader};
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("espflow starts");
    let lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut reached = 0;
    for line in lines.map_while(Result::ok) {
        let progress = line.contains("\"event\":\"progress\"") && line.contains("\"write\"");
        let num = |key: &str| {
            let at = line.find(&format!("\"{key}\":"))? + key.len() + 3;
            let rest = &line[at..];
            rest[..rest.find([',', '}'])?].parse::<u64>().ok()
        };
        if let (true, Some(done), Some(total)) = (progress, num("done"), num("total")) {
            reached = done;
            if done as f64 >= total as f64 * fraction {
                break;
            }
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    reached
}

/// One line on the test's own stdout, past the harness's capture, so the skip notice and
/// the timings show in every run.
pub(super) fn say(line: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

#[test]
fn c3_stub_on_the_real_rom() {
    let Some(_one) = qemu_or_skip(Machine::Esp32c3, "real_rom") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("flash.bin");
    std::fs::write(&flash, vec![0u8; 4 << 20]).unwrap();
    let image = dir.path().join("random1MiB.bin");
    let data = crate::support::random_bytes(SIZE, 0x9E37);
    std::fs::write(&image, &data).unwrap();
    let port = free_port();
    let _qemu = start(Machine::Esp32c3, dir.path(), &flash, port);
    let path = |p: &Path| p.to_str().unwrap().to_string();
    let addr = format!("0x{ADDR:X}");

    let (out, t_info) = espflow(port, &["board-info"]);
    let info = String::from_utf8_lossy(&out.stdout);
    assert!(info.contains("ESP32-C3"), "{info}");
    assert!(
        info.contains("espflow stub (protocol v2)"),
        "the stub did not take over:\n{info}"
    );

    let (out, t_write) = espflow(
        port,
        &["--format", "json", "write-flash", &addr, &path(&image)],
    );
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    let summary = |key| crate::support::trials::summary_field(&said, key);
    assert_eq!(summary("verified"), Some(1), "{said}");
    let retries = summary("retries").unwrap_or_else(|| panic!("no retries in {said}"));

    let back = dir.path().join("back.bin");
    let (_, t_read) = espflow(
        port,
        &["read-flash", &addr, &SIZE.to_string(), &path(&back)],
    );
    assert!(
        std::fs::read(&back).unwrap() == data,
        "read-back differs from what was written"
    );

    let (out, t_md5) = espflow(port, &["checksum-md5", &addr, &SIZE.to_string()]);
    let want: String = Md5::digest(&data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let got = String::from_utf8_lossy(&out.stdout);
    assert!(got.contains(&want), "chip's MD5 {got} is not {want}");

    // Unchanged: proven in place, nothing sent.
    let write = ["--format", "json", "write-flash", &addr, &path(&image)];
    let (out, t_same) = espflow(port, &write);
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    let summary = |key| crate::support::trials::summary_field(&said, key);
    assert_eq!(summary("bytes_sent"), Some(0), "{said}");
    assert_eq!(summary("verified"), Some(1), "{said}");

    // One sector changed: that sector alone is sent.
    let mut one = data.clone();
    one[5 * 0x1000 + 17] ^= 0xA5;
    let one_file = dir.path().join("one-sector.bin");
    std::fs::write(&one_file, &one).unwrap();
    let (out, t_one) = espflow(
        port,
        &["--format", "json", "write-flash", &addr, &path(&one_file)],
    );
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    let summary = |key| crate::support::trials::summary_field(&said, key);
    assert_eq!(summary("bytes_sent"), Some(0x1000), "{said}");
    assert_eq!(summary("verified"), Some(1), "{said}");

    // A write whose host is killed midway is finished by the same command.
    let second = dir.path().join("second.bin");
    let data2 = crate::support::random_bytes(SIZE, 0xC3C3);
    std::fs::write(&second, &data2).unwrap();
    let write2 = ["--format", "json", "write-flash", &addr, &path(&second)];
    let reached = kill_write_midway(espflow_cmd(port, &write2), 0.4);
    assert!(reached > 0, "the killed write never made progress");
    let (out, t_resume) = espflow(port, &write2);
    check_resumed(&out, reached, &flash, ADDR, &data2);

    let (_, t_erase) = espflow(port, &["erase-region", &addr, "0x1000"]);
    let sector = dir.path().join("sector.bin");
    espflow(port, &["read-flash", &addr, "4096", &path(&sector)]);
    let erased = std::fs::read(&sector).unwrap();
    assert!(
        erased.iter().all(|&b| b == 0xFF),
        "erase-region left data behind"
    );

    say(&format!(
        "real_rom: board-info {:.1} s, write+verify 1 MiB {:.1} s ({retries} retries), read 1 MiB {:.1} s, md5 {:.1} s, unchanged re-flash {:.1} s, one sector {:.1} s, resume after kill {:.1} s, erase {:.1} s",
        t_info.as_secs_f64(),
        t_write.as_secs_f64(),
        t_read.as_secs_f64(),
        t_md5.as_secs_f64(),
        t_same.as_secs_f64(),
        t_one.as_secs_f64(),
        t_resume.as_secs_f64(),
        t_erase.as_secs_f64()
    ));
}

/// The C3's ROM loader alone (`--no-stub`), at 115200, the rate its emulated UART keeps up
/// with: board-info, a 256 KiB write and its verify, read-back, MD5, an unchanged re-flash
/// and a one-sector change (both proven with the ROM's MD5), and erase-region.
#[test]
fn c3_rom_path_on_the_real_rom() {
    let Some(_one) = qemu_or_skip(Machine::Esp32c3, "real_rom (ROM path)") else {
        return;
    };
    const LEN: usize = 256 << 10;
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("flash.bin");
    std::fs::write(&flash, vec![0u8; 4 << 20]).unwrap();
    let data = crate::support::random_bytes(LEN, 0x5EED);
    let image = dir.path().join("rom-path.bin");
    std::fs::write(&image, &data).unwrap();
    let port = free_port();
    let _qemu = start(Machine::Esp32c3, dir.path(), &flash, port);
    let path = |p: &Path| p.to_str().unwrap().to_string();
    let addr = format!("0x{ADDR:X}");
    let rom = |args: &[&str]| {
        let all = [&["--no-stub"][..], args].concat();
        let start = Instant::now();
        let out = espflow_cmd_at(port, "115200", &all)
            .output()
            .expect("espflow runs");
        assert!(
            out.status.success(),
            "espflow {all:?} failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out, start.elapsed())
    };

    let (out, t_info) = rom(&["board-info"]);
    let info = String::from_utf8_lossy(&out.stdout);
    assert!(info.contains("ESP32-C3") && info.contains("ROM"), "{info}");

    let write = [
        "--format",
        "json",
        "write-flash",
        addr.as_str(),
        &path(&image),
    ];
    let (out, t_write) = rom(&write);
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    assert_eq!(
        crate::support::trials::summary_field(&said, "verified"),
        Some(1),
        "{said}"
    );
    assert!(flash_file(&flash, ADDR, LEN, |f| f == data) == data);

    let back = dir.path().join("back.bin");
    let (_, t_read) = rom(&["read-flash", &addr, &LEN.to_string(), &path(&back)]);
    assert!(std::fs::read(&back).unwrap() == data, "read-back differs");

    let (out, _) = rom(&["checksum-md5", &addr, &LEN.to_string()]);
    let want: String = Md5::digest(&data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert!(String::from_utf8_lossy(&out.stdout).contains(&want));

    let (out, t_same) = rom(&write);
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    assert_eq!(
        crate::support::trials::summary_field(&said, "bytes_sent"),
        Some(0),
        "{said}"
    );

    let mut one = data.clone();
    one[3 * 0x1000 + 1] ^= 0x81;
    let one_file = dir.path().join("one.bin");
    std::fs::write(&one_file, &one).unwrap();
    let (out, t_one) = rom(&["--format", "json", "write-flash", &addr, &path(&one_file)]);
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    assert_eq!(
        crate::support::trials::summary_field(&said, "bytes_sent"),
        Some(0x1000),
        "{said}"
    );
    assert!(flash_file(&flash, ADDR, LEN, |f| f == one) == one);

    let (_, t_erase) = rom(&["erase-region", &addr, "0x1000"]);
    let file = flash_file(&flash, ADDR, 0x2000, |f| {
        f[..0x1000].iter().all(|&b| b == 0xFF)
    });
    assert!(
        file[..0x1000].iter().all(|&b| b == 0xFF),
        "erase-region left data behind"
    );
    assert!(
        file[0x1000..] == one[0x1000..0x2000],
        "erase-region touched the next sector"
    );

    say(&format!(
        "real_rom (ROM path, 115200): board-info {:.1} s, write+verify 256 KiB {:.1} s, read {:.1} s, unchanged re-flash {:.1} s, one sector {:.1} s, erase {:.1} s",
        t_info.as_secs_f64(),
        t_write.as_secs_f64(),
        t_read.as_secs_f64(),
        t_same.as_secs_f64(),
        t_one.as_secs_f64(),
        t_erase.as_secs_f64()
    ));
}
