//! The espflow binary against virtual chips: in-process (`virtual:`), served over TCP
//! (`socket://`) and served on a pseudo-terminal (a serial device path); and the committed
//! completion scripts and man page, which must match what the binary generates today.

use std::path::Path;
use std::time::Duration;

use crate::support::*;

const LIMIT: Duration = Duration::from_secs(60);

/// board-info, write, read back, checksum and erase through one port; `flash` is the
/// image file behind it, checked byte for byte after each step.
fn round_trip(port: &str, flash: &Path, dir: &Path) {
    let info = ok(&espflow_on(port, &["board-info"]));
    assert!(
        info.contains("Chip:         ESP32-C3 (revision v0.4)"),
        "{info}"
    );
    assert!(info.contains("Flash size:   4 MiB"), "{info}");
    assert!(info.contains("MAC:          60:55:f9:"), "{info}");
    assert!(info.contains("flash encryption off"), "{info}");

    // Unaligned start and end: the rest of both sectors must survive.
    let mut expect = std::fs::read(flash).unwrap();
    expect[0x30000..0x31000].copy_from_slice(&random_bytes(0x1000, 7));
    std::fs::write(dir.join("pre.bin"), &expect[0x30000..0x31000]).unwrap();
    ok(&espflow_on(
        port,
        &[
            "write-flash",
            "0x30000",
            dir.join("pre.bin").to_str().unwrap(),
        ],
    ));
    let img = random_bytes(100_000, 3);
    let img_path = dir.join("img.bin");
    std::fs::write(&img_path, &img).unwrap();
    let w = espflow_on(
        port,
        &["write-flash", "0x30100", img_path.to_str().unwrap()],
    );
    ok(&w);
    assert!(String::from_utf8_lossy(&w.stderr).contains("verified"));
    expect[0x30100..0x30100 + img.len()].copy_from_slice(&img);
    assert!(
        std::fs::read(flash).unwrap() == expect,
        "write touched bytes outside the image"
    );

    let out = dir.join("out.bin");
    ok(&espflow_on(
        port,
        &["read-flash", "0x30100", "100000", out.to_str().unwrap()],
    ));
    assert_eq!(std::fs::read(&out).unwrap(), img);

    let sum = ok(&espflow_on(port, &["checksum-md5", "0x30100", "100000"]));
    use md5::Digest;
    let want: String = md5::Md5::digest(&img)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(sum.trim(), want);

    ok(&espflow_on(port, &["erase-region", "0x31000", "0x2000"]));
    expect[0x31000..0x33000].fill(0xFF);
    assert!(
        std::fs::read(flash).unwrap() == expect,
        "erase-region erased the wrong bytes"
    );
}

#[test]
fn virtual_port_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    let port = format!("virtual:{}", flash.display());
    round_trip(&port, &flash, dir.path());
}

#[test]
fn socket_port_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    let served = serve(&flash, &[]);
    round_trip(&served.port, &flash, dir.path());
}

#[test]
fn pty_port_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    let served = serve(&flash, &["--pty"]);
    assert!(served.port.starts_with("/dev/"), "{}", served.port);
    round_trip(&served.port, &flash, dir.path());
}

#[test]
fn port_from_environment() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    let mut c = espflow();
    c.env("ESPFLOW_PORT", format!("virtual:{}", flash.display()))
        .arg("board-info");
    assert!(ok(&run(c, LIMIT)).contains("ESP32-C3"));
}

#[test]
fn erase_flash_and_sizes() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    std::fs::write(&flash, vec![0u8; 0x80_0000]).unwrap();
    let port = format!("virtual:{}", flash.display());
    let info = ok(&espflow_on(&port, &["board-info"]));
    assert!(info.contains("Flash size:   8 MiB"), "{info}");
    ok(&espflow_on(&port, &["erase-flash"]));
    assert!(std::fs::read(&flash).unwrap().iter().all(|b| *b == 0xFF));
}

/// Runs a command that must fail: non-zero exit, one error line naming `needle`, and the
/// flash image unchanged.
fn refused(port: &str, flash: &Path, args: &[&str], needle: &str) {
    let before = std::fs::read(flash).ok();
    let out = espflow_on(port, args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{args:?} should fail");
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| !l.starts_with("warning:"))
        .collect();
    assert_eq!(
        lines.len(),
        1,
        "{args:?}: expected one error line, got:\n{stderr}"
    );
    assert!(lines[0].starts_with("error: "), "{stderr}");
    assert!(
        lines[0].to_lowercase().contains(&needle.to_lowercase()),
        "{args:?}: error does not mention {needle:?}: {stderr}"
    );
    assert!(
        std::fs::read(flash).ok() == before,
        "{args:?} changed the flash image"
    );
}

fn bad_input_on(port: &str, flash: &Path, dir: &Path) {
    let small = dir.join("small.bin");
    std::fs::write(&small, random_bytes(0x2000, 9)).unwrap();
    let s = small.to_str().unwrap();
    refused(port, flash, &["write-flash", "0x3FF000", s], "past the end");
    refused(port, flash, &["write-flash", "0x400000", s], "past the end");
    refused(
        port,
        flash,
        &["read-flash", "0x3FFFFF", "2", "x.bin"],
        "past the end",
    );
    refused(
        port,
        flash,
        &["checksum-md5", "0x3FF000", "0x2000"],
        "past the end",
    );
    refused(
        port,
        flash,
        &["erase-region", "0x3FF000", "0x2000"],
        "past the end",
    );
    refused(
        port,
        flash,
        &["erase-region", "0x1000", "0x800"],
        "size 0x800",
    );
    refused(
        port,
        flash,
        &["erase-region", "0x1800", "0x1000"],
        "address 0x1800",
    );
    refused(
        port,
        flash,
        &["write-flash", "0x1000", s, "0x2000", s],
        "overlap",
    );
    refused(
        port,
        flash,
        &[
            "write-flash",
            "0x1000",
            dir.join("missing.bin").to_str().unwrap(),
        ],
        "missing.bin",
    );
    refused(
        port,
        flash,
        &["--chip", "esp32p4", "write-flash", "0x1000", s],
        "not ESP32-P4",
    );
    // One value may be an @FILE, so a lone address is caught once it is read as a pair.
    refused(
        port,
        flash,
        &["write-flash", "0x1000"],
        "'0x1000' has no file",
    );
    usage_error(port, flash, &["read-flash", "zero", "2", "x.bin"], "'zero'");
}

/// Mistakes on the command line are caught by the parser: exit 2, the problem on the first
/// line, usage after it.
fn usage_error(port: &str, flash: &Path, args: &[&str], needle: &str) {
    let before = std::fs::read(flash).ok();
    let out = espflow_on(port, args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let first = stderr.lines().next().unwrap_or("");
    assert!(
        first.starts_with("error: ") && first.contains(needle),
        "{stderr}"
    );
    assert!(
        std::fs::read(flash).ok() == before,
        "{args:?} changed the flash image"
    );
}

#[test]
fn bad_input_changes_nothing_virtual() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    std::fs::write(&flash, random_bytes(FLASH_4M, 11)).unwrap();
    let port = format!("virtual:{}", flash.display());
    bad_input_on(&port, &flash, dir.path());
}

#[test]
fn bad_input_changes_nothing_socket() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    std::fs::write(&flash, random_bytes(FLASH_4M, 12)).unwrap();
    let served = serve(&flash, &[]);
    bad_input_on(&served.port, &flash, dir.path());
}

#[test]
fn unreachable_ports() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    // A port nobody listens on: the listener is bound, then dropped.
    let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = free.local_addr().unwrap();
    drop(free);
    refused(
        &format!("socket://{addr}"),
        &flash,
        &["board-info"],
        "cannot connect",
    );
    refused(
        "/dev/does-not-exist",
        &flash,
        &["board-info"],
        "/dev/does-not-exist",
    );
    refused(
        &format!("virtual:{}", dir.path().join("no/such/dir/f.bin").display()),
        &flash,
        &["board-info"],
        "no/such/dir",
    );
    let mut c = espflow();
    c.arg("board-info");
    let out = run(c, LIMIT);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no port given"));
}

#[test]
fn silent_device_times_out_with_a_clear_error() {
    // Something that accepts the connection and never answers, like a board not in
    // download mode.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let holder = std::thread::spawn(move || {
        let conn = listener.accept();
        std::thread::sleep(Duration::from_secs(5));
        drop(conn);
    });
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    refused(
        &format!("socket://{addr}"),
        &flash,
        &["--connect-attempts", "1", "board-info"],
        "no response from a loader",
    );
    holder.join().unwrap();
}

/// The committed completion scripts (all five shells) and man page are what the binary
/// generates today.
#[test]
fn completions_and_man_page_are_fresh() {
    let files = [
        (vec!["completions", "bash"], "completions/espflow.bash"),
        (vec!["completions", "zsh"], "completions/espflow.zsh"),
        (vec!["completions", "fish"], "completions/espflow.fish"),
        (vec!["completions", "elvish"], "completions/espflow.elvish"),
        (vec!["completions", "powershell"], "completions/espflow.ps1"),
        (vec!["man"], "docs/espflow.1"),
    ];
    for (args, file) in files {
        let mut c = espflow();
        c.args(&args);
        let out = ok(&run(c, Duration::from_secs(20)));
        assert!(out.len() > 1000, "{args:?} printed almost nothing");
        let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == out,
            "{path} is stale: regenerate with `cargo run -q -- {} > {file}`",
            args.join(" ")
        );
    }
}

/// Every stdout line in JSON mode is one object; a two-file write gives a begin/end pair
/// per file, naming it, then one summary; board-info is one object.
#[test]
fn json_lines_carry_the_documented_events() {
    let dir = tempfile::tempdir().unwrap();
    let port = format!("virtual:{}", dir.path().join("f.bin").display());
    let a = dir.path().join("a.bin");
    let b = dir.path().join("b.bin");
    std::fs::write(&a, random_bytes(0x3000, 1)).unwrap();
    std::fs::write(&b, random_bytes(0x1800, 2)).unwrap();
    let out = ok(&espflow_on(
        &port,
        &[
            "--format",
            "json",
            "write-flash",
            "0x10000",
            a.to_str().unwrap(),
            "0x20000",
            b.to_str().unwrap(),
        ],
    ));
    let events: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let kinds: Vec<&str> = events
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .filter(|k| *k != "progress")
        .collect();
    assert_eq!(kinds.last(), Some(&"summary"), "{out}");
    let begins: Vec<&serde_json::Value> = (events.iter())
        .filter(|e| e["event"] == "begin" && e["stage"] == "write")
        .collect();
    assert_eq!(begins.len(), 2, "{out}");
    assert_eq!(begins[0]["file"], a.to_str().unwrap());
    assert_eq!(begins[0]["addr"], 0x10000);
    assert_eq!(begins[1]["addr"], 0x20000);
    let summary = events.last().unwrap();
    assert_eq!(summary["bytes_sent"], 0x4800);
    assert_eq!(summary["verified"], true);

    let info = ok(&espflow_on(&port, &["--format", "json", "board-info"]));
    let info = info.lines().find(|l| l.contains(r#""event":"board_info""#));
    let info: serde_json::Value = serde_json::from_str(info.unwrap()).unwrap();
    assert_eq!(info["event"], "board_info");
    assert_eq!(info["chip"], "ESP32-C3");
    assert_eq!(info["flash_size"], 4 << 20);
    assert_eq!(info["loader"], "espflow-stub");
    assert_eq!(info["security"]["flash_encryption"], false);
}

#[test]
fn read_flash_all_reads_to_the_end_of_the_flash() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    let content = random_bytes(FLASH_4M, 77);
    std::fs::write(&flash, &content).unwrap();
    let port = format!("virtual:{}", flash.display());
    let out = dir.path().join("tail.bin");
    ok(&espflow_on(
        &port,
        &["read-flash", "0x3F8000", "all", out.to_str().unwrap()],
    ));
    assert_eq!(std::fs::read(&out).unwrap(), &content[0x3F8000..]);
    let out = espflow_on(&port, &["read-flash", "0x400000", "ALL", "x.bin"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("past the end of the 4 MiB flash"));
}
