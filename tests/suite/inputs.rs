//! Inputs that are wrong in ways a check on their contents would come too late for: files
//! that never end or block when opened, journals that are not files, baud rates no UART
//! runs at, output paths that cannot be written, pipes closed under a running write, and
//! two virtual chips on one flash file. Each is refused with one line naming the problem
//! before anything happens, or handled so the result is still right, and the flash file
//! is byte-identical afterwards wherever the command failed.

use std::io::{BufRead, BufReader, Read};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

use crate::support::trials;
use crate::support::*;

const LIMIT: Duration = Duration::from_secs(60);

fn status(out: &Output) -> i32 {
    out.status.code().expect("exited, not killed")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The one `error:` line on stderr, which must mention every needle.
fn error_line(out: &Output, needles: &[&str]) -> String {
    let text = stderr(out);
    let errors: Vec<&str> = text.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 1, "expected one error line, got:\n{text}");
    for n in needles {
        assert!(errors[0].contains(n), "{n:?} not in: {}", errors[0]);
    }
    assert!(!text.contains("panicked"), "{text}");
    errors[0].to_string()
}

/// A flash file full of random bytes, so that any change to it shows.
fn flash_file(dir: &Path, seed: u64) -> (PathBuf, Vec<u8>) {
    let flash = dir.join("flash.bin");
    let bytes = random_bytes(FLASH_4M, seed);
    std::fs::write(&flash, &bytes).unwrap();
    (flash, bytes)
}

fn assert_unchanged(flash: &Path, before: &[u8]) {
    assert!(
        std::fs::read(flash).unwrap() == before,
        "the flash file changed"
    );
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a plain libc call with a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo");
}

/// `socket://` at a port nobody listens on: connecting to it fails, so an error about
/// anything else proves that the check came first.
fn dead_socket() -> String {
    let free = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = free.local_addr().unwrap();
    drop(free);
    format!("socket://{addr}")
}

/// Runs espflow with ARGS on `port`, which must fail with `code` and one error line naming
/// `needles`, leaving `flash` as `before`.
fn refused(port: &str, args: &[&str], code: i32, needles: &[&str], flash: &Path, before: &[u8]) {
    let started = Instant::now();
    let out = espflow_on(port, args);
    assert_eq!(status(&out), code, "{args:?}: {}", stderr(&out));
    error_line(&out, needles);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{args:?} took {:?}",
        started.elapsed()
    );
    assert_unchanged(flash, before);
}

#[test]
fn a_device_as_an_image_is_refused_by_its_type() {
    let dir = tempfile::tempdir().unwrap();
    let (flash, before) = flash_file(dir.path(), 1);
    let port = format!("virtual:{}", flash.display());
    refused(
        &port,
        &["write-flash", "0x10000", "/dev/zero"],
        2,
        &["/dev/zero is a character device, not a regular file"],
        &flash,
        &before,
    );
}

#[test]
fn a_fifo_as_an_image_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let (flash, before) = flash_file(dir.path(), 2);
    let port = format!("virtual:{}", flash.display());
    let fifo = dir.path().join("image.fifo");
    mkfifo(&fifo);
    let f = fifo.to_str().unwrap();
    refused(
        &port,
        &["write-flash", "0x10000", f],
        2,
        &[&format!("{f} is a FIFO, not a regular file")],
        &flash,
        &before,
    );
}

#[test]
fn an_image_larger_than_any_flash_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let (flash, before) = flash_file(dir.path(), 3);
    let port = format!("virtual:{}", flash.display());
    // Sparse: 17 MiB by its metadata, nothing on disk. Reading it whole would work, so only
    // a check of the size refuses it.
    let big = dir.path().join("big.bin");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(0x110_0000)
        .unwrap();
    let b = big.to_str().unwrap();
    refused(
        &port,
        &["write-flash", "0x0", b],
        2,
        &[b, "17825792 bytes", "16 MiB"],
        &flash,
        &before,
    );
}

#[test]
fn partition_and_ota_writes_read_their_images_the_same_way() {
    let dir = tempfile::tempdir().unwrap();
    let (flash, before) = flash_file(dir.path(), 4);
    let fifo = dir.path().join("app.fifo");
    mkfifo(&fifo);
    let f = fifo.to_str().unwrap();
    // A dead port: the image is refused before any connection is tried.
    let port = dead_socket();
    refused(
        &port,
        &["write-partition", "factory", "/dev/zero"],
        2,
        &["/dev/zero is a character device"],
        &flash,
        &before,
    );
    refused(
        &port,
        &["ota", "write", f],
        2,
        &[&format!("{f} is a FIFO")],
        &flash,
        &before,
    );
    refused(
        &port,
        &["ota", "write", dir.path().to_str().unwrap()],
        2,
        &["is a directory"],
        &flash,
        &before,
    );
    // A table file may be a pipe, as for ESP-IDF's generator, but it is read bounded.
    refused(
        &port,
        &["partition-table", "convert", "/dev/zero", "out.bin"],
        2,
        &["/dev/zero holds more than"],
        &flash,
        &before,
    );
}

/// Writes `img` with a line that drops part way, so that a journal is left behind, and
/// returns the journal's path.
fn interrupted_write(flash: &Path, img: &str, state: &Path) -> PathBuf {
    let served = serve(flash, &["--fault", "line-drop:after-bytes=150000"]);
    let mut c = espflow();
    c.env("ESPFLOW_STATE_DIR", state)
        .args(["--port", &served.port, "write-flash", "0x10000", img]);
    let out = run(c, LIMIT);
    assert_eq!(status(&out), 5, "{}", stderr(&out));
    let journals: Vec<PathBuf> = std::fs::read_dir(state.join("journal"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "journal"))
        .collect();
    assert_eq!(journals.len(), 1, "{journals:?}");
    journals[0].clone()
}

/// The journal of an interrupted write is replaced by `replace` (given its path and the
/// record it held); running the write again must finish it correctly and promptly, the
/// replacement counting as no journal at all.
fn journal_replaced_by(replace: impl FnOnce(&Path, &str)) {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    let state = dir.path().join("state");
    let img_bytes = random_bytes(0x40000, 21);
    let img = dir.path().join("a.bin");
    std::fs::write(&img, &img_bytes).unwrap();
    let img = img.to_str().unwrap();
    let journal = interrupted_write(&flash, img, &state);
    let record = std::fs::read_to_string(&journal).unwrap();
    std::fs::remove_file(&journal).unwrap();
    replace(&journal, &record);

    let served = serve(&flash, &[]);
    let mut c = espflow();
    c.env("ESPFLOW_STATE_DIR", &state).args([
        "--port",
        &served.port,
        "--format",
        "json",
        "write-flash",
        "0x10000",
        img,
    ]);
    let started = Instant::now();
    let stdout = ok(&run(c, LIMIT));
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(
        trials::summary_field(&stdout, "resumed"),
        Some(0),
        "what stands at the journal's path is not a journal: {stdout}"
    );
    let got = std::fs::read(&flash).unwrap();
    assert!(
        got[0x10000..0x50000] == img_bytes[..],
        "the image is in place"
    );
}

#[test]
fn a_journal_that_is_a_fifo_is_no_journal() {
    journal_replaced_by(|p, _| mkfifo(p));
}

#[test]
fn a_journal_that_links_to_dev_zero_is_no_journal() {
    journal_replaced_by(|p, _| std::os::unix::fs::symlink("/dev/zero", p).unwrap());
}

#[test]
fn a_journal_too_large_to_be_one_is_no_journal() {
    // The real record, with lines of a key the reader ignores: only the size gives it away.
    journal_replaced_by(|p, record| {
        std::fs::write(p, format!("{record}{}", "pad=0\n".repeat(6000))).unwrap()
    });
}

#[test]
fn a_bad_baud_is_refused_before_connecting() {
    let dir = tempfile::tempdir().unwrap();
    let (flash, before) = flash_file(dir.path(), 5);
    let virt = format!("virtual:{}", flash.display());
    let dead = dead_socket();
    for port in [&virt, &dead] {
        for baud in ["0", "9599", "5000001", "99999999999"] {
            refused(
                port,
                &["--baud", baud, "write-flash", "0x10000", "Cargo.toml"],
                2,
                &[&format!(
                    "baud rate {baud} is not supported: use 9600 to 5000000"
                )],
                &flash,
                &before,
            );
        }
    }
    refused(
        &virt,
        &["--baud", "fast", "board-info"],
        2,
        &["'fast' is not a baud rate"],
        &flash,
        &before,
    );
    // The ends of the range work.
    for baud in ["9600", "5000000"] {
        ok(&espflow_on(&virt, &["--baud", baud, "board-info"]));
    }
}

/// Writes an image on a realtime chip with stdout and stderr piped, the end named by
/// `closed` closed by its reader after the first line; the other is collected whole.
/// Returns the exit status and what the other stream carried.
fn write_with_a_closed_pipe(format: &str, closed: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    let img_bytes = random_bytes(0x10000, 31);
    let img = dir.path().join("a.bin");
    std::fs::write(&img, &img_bytes).unwrap();
    let served = serve(&flash, &["--realtime"]);
    let mut c = espflow();
    c.env("ESPFLOW_STATE_DIR", dir.path().join("state"))
        .args(["--port", &served.port, "--format", format, "write-flash"])
        .arg("0x10000")
        .arg(&img)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    let (short, mut long): (Box<dyn Read + Send>, Box<dyn Read + Send>) = match closed {
        "stdout" => (
            Box::new(child.stdout.take().unwrap()),
            Box::new(child.stderr.take().unwrap()),
        ),
        _ => (
            Box::new(child.stderr.take().unwrap()),
            Box::new(child.stdout.take().unwrap()),
        ),
    };
    let first = std::thread::spawn(move || {
        let mut line = String::new();
        BufReader::new(short).read_line(&mut line).unwrap();
        // Dropping the reader closes the pipe while the write goes on.
        line
    });
    let rest = std::thread::spawn(move || {
        let mut s = String::new();
        long.read_to_string(&mut s).unwrap();
        s
    });
    let started = Instant::now();
    let st = loop {
        if let Some(st) = child.try_wait().unwrap() {
            break st;
        }
        if started.elapsed() > LIMIT {
            let _ = child.kill();
            panic!("the write did not finish within {LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let first = first.join().unwrap();
    assert!(!first.is_empty(), "no first line on {closed}");
    assert!(!first.contains("panicked"), "{first}");
    let rest = rest.join().unwrap();
    let got = std::fs::read(&flash).unwrap();
    assert!(
        got[0x10000..0x20000] == img_bytes[..],
        "the write carried on to the end"
    );
    (st.code(), rest)
}

#[test]
fn a_closed_stderr_ends_nothing() {
    let (code, stdout) = write_with_a_closed_pipe("text", "stderr");
    assert_ne!(code, Some(101), "panicked: {stdout}");
    assert_eq!(code, Some(0));
    assert!(!stdout.contains("panicked"), "{stdout}");
}

#[test]
fn a_closed_stdout_ends_nothing() {
    let (code, stderr) = write_with_a_closed_pipe("json", "stdout");
    assert_ne!(code, Some(101), "panicked: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(code, Some(0), "{stderr}");
}

#[test]
fn a_served_chip_and_a_virtual_port_cannot_share_a_flash_file() {
    let dir = tempfile::tempdir().unwrap();
    let (flash, before) = flash_file(dir.path(), 6);
    let served = serve(&flash, &[]);
    let img = dir.path().join("a.bin");
    std::fs::write(&img, random_bytes(0x2000, 7)).unwrap();
    refused(
        &format!("virtual:{}", flash.display()),
        &["write-flash", "0x10000", img.to_str().unwrap()],
        1,
        &[&format!(
            "virtual chip flash image {}: in use by another virtual chip",
            flash.display()
        )],
        &flash,
        &before,
    );
    drop(served);
    // Once the server is gone the file is free again.
    ok(&espflow_on(
        &format!("virtual:{}", flash.display()),
        &["board-info"],
    ));
}

#[test]
fn two_served_chips_cannot_share_a_flash_file() {
    let dir = tempfile::tempdir().unwrap();
    let (flash, before) = flash_file(dir.path(), 8);
    let first = serve(&flash, &[]);
    let mut c = espflow();
    c.args(["virtual-chip", "--listen", "127.0.0.1:0", "--flash"])
        .arg(&flash);
    let out = run(c, Duration::from_secs(20));
    assert_eq!(status(&out), 1, "{}", stderr(&out));
    error_line(
        &out,
        &[&format!(
            "virtual chip flash image {}: in use by another virtual chip",
            flash.display()
        )],
    );
    assert!(out.stdout.is_empty(), "the second chip never listened");
    // The first one still serves, and its file is as it was.
    ok(&espflow_on(&first.port, &["board-info"]));
    assert_unchanged(&flash, &before);
}

#[test]
fn an_unwritable_output_is_refused_before_connecting() {
    let dir = tempfile::tempdir().unwrap();
    let (flash, before) = flash_file(dir.path(), 9);
    let port = dead_socket();
    let a_file = dir.path().join("a-file");
    std::fs::write(&a_file, b"x").unwrap();
    let mut outputs = vec![
        dir.path().join("no/such/dir/out.bin"),
        a_file.join("out.bin"),
    ];
    // Permissions do not stop root, so a read-only directory only proves something to
    // anyone else.
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        use std::os::unix::fs::PermissionsExt;
        let ro = dir.path().join("read-only");
        std::fs::create_dir(&ro).unwrap();
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
        outputs.push(ro.join("out.bin"));
    }
    for out in &outputs {
        let o = out.to_str().unwrap();
        let needle = format!("cannot write {o}");
        refused(
            &port,
            &["read-flash", "0x0", "0x1000", o],
            2,
            &[&needle],
            &flash,
            &before,
        );
        refused(
            &port,
            &["read-partition", "nvs", o],
            2,
            &[&needle],
            &flash,
            &before,
        );
    }
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n.to_string_lossy().ends_with(".part"))
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}
