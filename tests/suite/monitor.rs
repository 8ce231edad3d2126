//! The monitor and the commands that start and stop the chip, driven as a person would:
//! espflow on a pseudo-terminal, keys typed into it. The virtual chip boots the app it
//! finds in its flash into a console line naming it (the ROM banner, then "virtual app:
//! image at 0x10000, ..."), in process (`virtual:`) and served over TCP (`socket://`).

use std::path::Path;
use std::time::Duration;

use object::{Object, ObjectSymbol};

use crate::support::pty::OnPty;
use crate::support::*;

const LIMIT: Duration = Duration::from_secs(30);
const CTRL_RIGHT_BRACKET: u8 = 0x1D;
const CTRL_T: u8 = 0x14;

/// A small ESP32-C3 app image: one segment holding an app descriptor for `project`, and
/// `entry` as its entry point.
fn app_image(entry: u32, project: &str) -> Vec<u8> {
    let mut img = vec![0xE9, 1, 2, 0x20];
    img.extend(entry.to_le_bytes());
    // Extended header: WP pin disabled, chip id 5 (ESP32-C3), no hash appended.
    img.extend([0xEE, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    let mut desc = vec![0u8; 256];
    desc[..4].copy_from_slice(&0xABCD_5432u32.to_le_bytes());
    desc[16..19].copy_from_slice(b"2.1");
    desc[48..48 + project.len()].copy_from_slice(project.as_bytes());
    img.extend(0x3C00_0020u32.to_le_bytes());
    img.extend((desc.len() as u32).to_le_bytes());
    let checksum = desc.iter().fold(0xEFu8, |c, b| c ^ b);
    img.extend(desc);
    while img.len() % 16 != 15 {
        img.push(0);
    }
    img.push(checksum);
    img
}

/// An address the espflow binary has a function symbol for, and that symbol's name:
/// `main`, which is not mangled.
fn main_symbol() -> u32 {
    let data = std::fs::read(env!("CARGO_BIN_EXE_espflow")).unwrap();
    let file = object::File::parse(&*data).unwrap();
    let main = file
        .symbols()
        .find(|s| s.name() == Ok("main") && s.size() > 0)
        .expect("espflow has a main symbol");
    u32::try_from(main.address()).expect("a 32-bit address")
}

fn write_app(port: &str, dir: &Path, entry: u32, project: &str) {
    let app = dir.join("app.bin");
    std::fs::write(&app, app_image(entry, project)).unwrap();
    ok(&espflow_on(
        port,
        &["write-flash", "0x10000", app.to_str().unwrap()],
    ));
}

#[test]
fn monitor_on_the_virtual_chip_shows_the_app_and_exits_on_ctrl_right_bracket() {
    let dir = tempfile::tempdir().unwrap();
    let port = format!("virtual:{}", dir.path().join("f.bin").display());
    let entry = main_symbol();
    write_app(&port, dir.path(), entry, "pty-demo");

    let mut c = espflow();
    c.args(["--port", &port, "monitor", "--timestamps", "--elf"])
        .arg(env!("CARGO_BIN_EXE_espflow"));
    let mut term = OnPty::spawn(c);
    let line = format!(
        "virtual app: image at 0x10000, 1 segments, entry 0x{entry:08x}, project pty-demo \
         version 2.1"
    );
    let out = term.expect(&line, LIMIT);
    assert!(
        out.contains("ESP-ROM:esp32c3"),
        "the ROM banner first:\n{out}"
    );
    // The timestamp is before the line, and --elf names the entry point.
    let shown = out.lines().find(|l| l.contains(&line)).unwrap();
    let stamp = shown.split(' ').next().unwrap();
    assert!(
        stamp.len() == 12 && stamp.as_bytes()[2] == b':' && stamp.as_bytes()[8] == b'.',
        "no timestamp: {shown:?}"
    );
    let out = term.expect(&format!("--- 0x{entry:08x}: main"), LIMIT);

    // Ctrl-T R boots the app again; Ctrl-] leaves.
    term.type_keys(&[CTRL_T, b'r']);
    term.expect_times(&line, 2, LIMIT);
    term.type_keys(&[CTRL_RIGHT_BRACKET]);
    let st = term.wait(LIMIT);
    assert!(st.success(), "{st:?}\n{}", term.output());
    assert!(term.output().contains("--- exit"), "{out}");
}

#[test]
fn write_flash_then_monitor_boots_what_was_written() {
    let dir = tempfile::tempdir().unwrap();
    let port = format!("virtual:{}", dir.path().join("f.bin").display());
    let app = dir.path().join("app.bin");
    std::fs::write(&app, app_image(0x4200_0100, "fresh")).unwrap();
    let mut c = espflow();
    c.args(["--port", &port, "write-flash", "--monitor", "0x10000"])
        .arg(&app);
    let mut term = OnPty::spawn(c);
    let out = term.expect("project fresh version 2.1", LIMIT);
    assert!(out.contains("verified"), "the write came first:\n{out}");
    term.type_keys(&[CTRL_RIGHT_BRACKET]);
    assert!(term.wait(LIMIT).success(), "{}", term.output());
}

/// Over TCP there are no reset lines: the monitor has the ROM loader start the app.
#[test]
fn monitor_over_a_socket_starts_the_app_through_the_loader() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    write_app(
        &format!("virtual:{}", flash.display()),
        dir.path(),
        0x4200_0200,
        "over-tcp",
    );
    let served = serve(&flash, &[]);
    let mut c = espflow();
    c.args(["--port", &served.port, "monitor"]);
    let mut term = OnPty::spawn(c);
    term.expect("project over-tcp version 2.1", LIMIT);
    term.type_keys(&[CTRL_RIGHT_BRACKET]);
    assert!(term.wait(LIMIT).success(), "{}", term.output());
    let sessions = served.sessions(1);
    assert!(sessions[0].contains("loader=application"), "{sessions:?}");
}

#[test]
fn run_leaves_the_loader_for_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    let served = serve(&flash, &[]);
    let out = espflow_on(&served.port, &["run"]);
    ok(&out);
    assert!(String::from_utf8_lossy(&out.stderr).contains("started the application"));
    let sessions = served.sessions(1);
    assert!(sessions[0].contains("loader=application"), "{sessions:?}");
}

#[test]
fn reset_lines_are_refused_where_there_are_none() {
    let dir = tempfile::tempdir().unwrap();
    let served = serve(&dir.path().join("f.bin"), &[]);
    for cmd in ["reset", "hold-in-reset"] {
        let out = espflow_on(&served.port, &[cmd]);
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("has no reset lines"), "{err}");
    }
    // The virtual chip's board has them (for as long as the process runs).
    let virt = format!("virtual:{}", dir.path().join("g.bin").display());
    ok(&espflow_on(&virt, &["reset"]));
}

#[test]
fn a_bad_elf_is_refused_before_the_port_is_opened() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("app.elf");
    std::fs::write(&junk, b"not an elf at all").unwrap();
    let out = espflow_on(
        "socket://127.0.0.1:1",
        &["monitor", "--elf", junk.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not an ELF"), "{err}");
}
