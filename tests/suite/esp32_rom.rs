//! The ESP32 through its ROM loader, on the virtual chip's ESP32 personality: that ROM has
//! no GET_SECURITY_INFO and refuses it under another opcode, takes a four-word FLASH_BEGIN,
//! leaves the loader on FLASH_END and keeps its eFuses elsewhere. Commands with `--no-stub`
//! take the ROM path; without it espflow's ESP32 stub is uploaded and the virtual chip
//! runs the stub core.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use md5::{Digest, Md5};

use crate::support::{espflow, ok, random_bytes, run, trials::summary_field};

const ADDR: u32 = 0x10000;

/// `espflow virtual-chip --chip esp32` on a TCP port, killed when dropped; its stderr
/// (one summary line per client session) is kept.
struct Esp32 {
    child: Child,
    port: String,
    log: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl Drop for Esp32 {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Esp32 {
    fn serve(flash: &Path) -> Esp32 {
        let mut child = espflow()
            .args(["virtual-chip", "--chip", "esp32", "--listen", "127.0.0.1:0"])
            .arg("--flash")
            .arg(flash)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn virtual-chip");
        let log = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = log.clone();
        let stderr = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                sink.lock().unwrap().push(line);
            }
        });
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .to_string();
        Esp32 { child, port, log }
    }

    /// The summaries of the first `n` client sessions, waiting up to 10 s for them.
    fn sessions(&self, n: usize) -> Vec<String> {
        let start = std::time::Instant::now();
        loop {
            let got: Vec<String> = (self.log.lock().unwrap().iter())
                .filter(|l| l.starts_with("session:"))
                .cloned()
                .collect();
            if got.len() >= n || start.elapsed().as_secs() > 10 {
                return got;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
}

fn on(port: &str, args: &[&str]) -> std::process::Output {
    let mut c: Command = espflow();
    c.args(["--port", port]).args(args);
    run(c, std::time::Duration::from_secs(60))
}

fn md5_hex(data: &[u8]) -> String {
    Md5::digest(data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn board_info_finds_the_esp32_with_and_without_chip() {
    let dir = tempfile::tempdir().unwrap();
    let chip = Esp32::serve(&dir.path().join("flash.bin"));

    let auto = on(&chip.port, &["board-info"]);
    let text = ok(&auto);
    assert!(text.contains("ESP32 (revision v3.0)"), "{text}");
    assert!(
        text.contains("40 MHz"),
        "the crystal from the ROM's UART divider: {text}"
    );
    assert!(text.contains("Loader:       espflow stub"), "{text}");
    // No GET_SECURITY_INFO on the ESP32: the state comes from its eFuse words.
    assert!(
        text.contains("Security:     flash encryption off (crypt count 0), secure boot off"),
        "{text}"
    );
    let err = String::from_utf8_lossy(&auto.stderr);
    assert!(
        !err.contains("no stub for the ESP32"),
        "the ESP32 has a stub: {err}"
    );

    let named = on(
        &chip.port,
        &[
            "--chip",
            "esp32",
            "--no-stub",
            "--format",
            "json",
            "board-info",
        ],
    );
    let json = ok(&named);
    assert!(json.contains(r#""chip":"ESP32""#), "{json}");
    assert!(json.contains(r#""revision":[3,0]"#), "{json}");
    assert!(json.contains(r#""loader":"rom""#), "{json}");
    // No GET_SECURITY_INFO on the ESP32: the state comes from its eFuse words alone.
    assert!(
        json.contains(r#""security":{"flash_encryption":false,"#),
        "{json}"
    );
    assert!(json.contains(r#""source":"efuse""#), "{json}");
    assert!(json.contains(r#""mac":"60:55:f9:"#), "{json}");
    assert!(json.contains(r#""flash_size":4194304"#), "{json}");
    assert!(
        String::from_utf8_lossy(&named.stderr).is_empty(),
        "--no-stub asked for the ROM: nothing to announce"
    );

    let wrong = on(&chip.port, &["--chip", "esp32c3", "board-info"]);
    assert_eq!(wrong.status.code(), Some(2));
    let err = String::from_utf8_lossy(&wrong.stderr);
    assert!(err.contains("this chip is ESP32, not ESP32-C3"), "{err}");
}

#[test]
fn write_verify_read_md5_and_erase_through_the_rom() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("flash.bin");
    let port = format!("virtual:{}", flash.display());
    // Half random, half compressible: both FLASH_DATA and FLASH_DEFL_DATA go to the ROM.
    let mut data = random_bytes(128 * 1024, 32);
    data.extend((0..128 * 1024u32).map(|i| (i / 700) as u8));
    let image = dir.path().join("image.bin");
    std::fs::write(&image, &data).unwrap();
    let addr = format!("0x{ADDR:X}");
    fn with<'a>(args: &[&'a str]) -> Vec<&'a str> {
        [&["--chip", "esp32", "--no-stub"][..], args].concat()
    }

    let out = ok(&on(
        &port,
        &with(&[
            "--format",
            "json",
            "write-flash",
            &addr,
            image.to_str().unwrap(),
        ]),
    ));
    assert_eq!(summary_field(&out, "verified"), Some(1), "{out}");
    assert_eq!(summary_field(&out, "sectors_written"), Some(64), "{out}");
    let disk = std::fs::read(&flash).unwrap();
    assert!(
        disk[ADDR as usize..][..data.len()] == data[..],
        "flash differs"
    );

    let back = dir.path().join("back.bin");
    let size = data.len().to_string();
    ok(&on(
        &port,
        &with(&["read-flash", &addr, &size, back.to_str().unwrap()]),
    ));
    assert!(std::fs::read(&back).unwrap() == data, "read-back differs");

    let md5 = ok(&on(&port, &with(&["checksum-md5", &addr, &size])));
    assert!(md5.contains(&md5_hex(&data)), "{md5}");

    let again = ok(&on(
        &port,
        &with(&[
            "--format",
            "json",
            "write-flash",
            &addr,
            image.to_str().unwrap(),
        ]),
    ));
    assert_eq!(summary_field(&again, "bytes_sent"), Some(0), "{again}");

    // One sector of the compressible half changed: a 4 KiB run, which must not go to
    // the ROM compressed (it would program the rest of its 32 KiB buffer after it).
    let mut changed = data.clone();
    changed[200 * 1024 + 5] ^= 0x33;
    std::fs::write(&image, &changed).unwrap();
    let one = ok(&on(
        &port,
        &with(&[
            "--format",
            "json",
            "write-flash",
            &addr,
            image.to_str().unwrap(),
        ]),
    ));
    assert_eq!(summary_field(&one, "sectors_written"), Some(1), "{one}");
    assert_eq!(summary_field(&one, "bytes_sent"), Some(4096), "{one}");
    assert_eq!(summary_field(&one, "verified"), Some(1), "{one}");
    let disk = std::fs::read(&flash).unwrap();
    assert!(
        disk[ADDR as usize..][..data.len()] == changed[..],
        "flash differs"
    );
    let data = changed;

    // 40 KiB of the compressible half changed: one whole 32 KiB unit goes compressed,
    // the 8 KiB after it plain.
    let mut changed = data.clone();
    for b in &mut changed[136 * 1024..176 * 1024] {
        *b = b.wrapping_add(1);
    }
    std::fs::write(&image, &changed).unwrap();
    let run = ok(&on(
        &port,
        &with(&[
            "--format",
            "json",
            "write-flash",
            &addr,
            image.to_str().unwrap(),
        ]),
    ));
    assert_eq!(summary_field(&run, "sectors_written"), Some(10), "{run}");
    assert_eq!(summary_field(&run, "verified"), Some(1), "{run}");
    let wire = summary_field(&run, "wire_bytes").unwrap();
    assert!(wire < 16 * 1024, "the 32 KiB unit went compressed: {run}");
    assert!(wire >= 8 * 1024, "the 8 KiB rest went plain: {run}");
    let disk = std::fs::read(&flash).unwrap();
    assert!(
        disk[ADDR as usize..][..data.len()] == changed[..],
        "flash differs"
    );
    let data = changed;

    ok(&on(&port, &with(&["erase-region", &addr, "0x1000"])));
    let disk = std::fs::read(&flash).unwrap();
    let at = ADDR as usize;
    assert!(
        disk[at..at + 0x1000].iter().all(|&b| b == 0xFF),
        "not erased"
    );
    assert!(
        disk[at + 0x1000..][..data.len() - 0x1000] == data[0x1000..],
        "erased too much"
    );
}

#[test]
fn without_no_stub_the_esp32_gets_espflows_stub() {
    let dir = tempfile::tempdir().unwrap();
    let chip = Esp32::serve(&dir.path().join("flash.bin"));
    let data = random_bytes(64 * 1024, 7);
    let image = dir.path().join("image.bin");
    std::fs::write(&image, &data).unwrap();
    let out = on(
        &chip.port,
        &[
            "--format",
            "json",
            "write-flash",
            "0x20000",
            image.to_str().unwrap(),
        ],
    );
    let said = ok(&out);
    assert_eq!(summary_field(&said, "verified"), Some(1), "{said}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("no stub for the ESP32"), "{err}");
    let session = &chip.sessions(1)[0];
    assert!(session.contains("loader=espflow-stub"), "{session}");
    assert!(
        session.contains("stub_uploads=1"),
        "the stub went up once: {session}"
    );
}

#[test]
fn a_virtual_port_is_a_c3_unless_the_chip_asked_for_is_modelled() {
    let dir = tempfile::tempdir().unwrap();
    let port = format!("virtual:{}", dir.path().join("f.bin").display());
    let out = on(&port, &["--chip", "esp32p4", "board-info"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("this chip is ESP32-C3, not ESP32-P4"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
}
