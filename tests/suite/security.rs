//! Secured devices on the virtual chip: the security state `board-info` reports, the guard
//! that refuses what would brick a secured chip (and `--force`, which goes ahead and
//! warns), Secure Download Mode (writes through the ROM, everything else refused the way
//! the ROM refuses it), and eFuse images shared with espefuse.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::{Duration, Instant};

use espflow_protocol::{SlipDecoder, slip};
use serde_json::Value;

use crate::support::*;

fn board_info(port: &str) -> Value {
    let out = ok(&espflow_on(port, &["--format", "json", "board-info"]));
    // The result line, among the connect and stub-upload stages' events.
    let line = out.lines().find(|l| l.contains(r#""event":"board_info""#));
    serde_json::from_str(line.expect("a board_info line")).expect("one JSON object")
}

fn write_file(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn board_info_json_reports_a_disabled_and_an_enabled_chip() {
    let dir = tempfile::tempdir().unwrap();
    let open = format!("virtual:{}", dir.path().join("open.bin").display());
    let s = &board_info(&open)["security"];
    assert_eq!(s["flash_encryption"], false);
    assert_eq!(s["secure_boot"], false);
    assert_eq!(s["secure_download"], false);
    assert_eq!(s["flash_encryption_mode"], Value::Null);
    assert_eq!(s["key_blocks"].as_array().unwrap().len(), 6);
    assert_eq!(s["key_blocks"][0]["purpose"], "USER");

    let key = write_file(dir.path(), "key.bin", &random_bytes(32, 1));
    let digest = write_file(dir.path(), "digest.bin", &random_bytes(32, 2));
    let secured = format!(
        "virtual:{}?flash-encryption={key}&secure-boot={digest}",
        dir.path().join("secured.bin").display()
    );
    let info = board_info(&secured);
    let s = &info["security"];
    assert_eq!(s["flash_encryption"], true);
    assert_eq!(s["flash_crypt_cnt"], 1);
    assert_eq!(s["flash_encryption_mode"], "development");
    assert_eq!(s["secure_boot"], true);
    assert_eq!(s["secure_boot_version"], 2);
    assert_eq!(s["dis_download_manual_encrypt"], false);
    let k0 = &s["key_blocks"][0];
    assert_eq!(k0["purpose"], "XTS_AES_128_KEY");
    assert_eq!(k0["read_protected"], true);
    assert_eq!(k0["write_protected"], true);
    let k1 = &s["key_blocks"][1];
    assert_eq!(k1["purpose"], "SECURE_BOOT_DIGEST0");
    assert_eq!(k1["read_protected"], false);
    assert_eq!(k1["revoked"], false);
    // The ROM's own answer says the same as the eFuse registers.
    assert_eq!(s["source"], "efuse+security-info");
    // An ESP32-C3 with secure boot on is served by its ROM loader, not the stub.
    assert_eq!(info["loader"], "rom");
}

#[test]
fn a_plaintext_write_to_an_encrypted_chip_is_refused_and_force_goes_ahead() {
    let dir = tempfile::tempdir().unwrap();
    let key = write_file(dir.path(), "key.bin", &random_bytes(32, 3));
    let flash = dir.path().join("flash.bin");
    let port = format!("virtual:{}?flash-encryption={key}", flash.display());
    // Something in place first, so that "unchanged" means more than "still erased".
    let before_img = random_bytes(0x3000, 4);
    let before_file = write_file(dir.path(), "before.bin", &before_img);
    let forced = espflow_on(&port, &["--force", "write-flash", "0x10000", &before_file]);
    ok(&forced);
    let before = std::fs::read(&flash).unwrap();
    assert_eq!(&before[0x10000..0x13000], &before_img[..]);

    let image = random_bytes(0x2800, 5);
    let file = write_file(dir.path(), "app.bin", &image);
    let out = espflow_on(&port, &["write-flash", "0x10000", &file]);
    assert_eq!(out.status.code(), Some(4), "refused: {}", stderr(&out));
    let err = stderr(&out);
    let line = err.lines().find(|l| l.starts_with("error:")).unwrap();
    assert_eq!(err.lines().filter(|l| l.starts_with("error:")).count(), 1);
    assert!(line.contains("flash encryption on"), "{line}");
    assert!(line.contains("--force"), "{line}");
    assert!(
        line.contains("--encrypt"),
        "says why it cannot encrypt: {line}"
    );
    assert_eq!(
        std::fs::read(&flash).unwrap(),
        before,
        "the flash is unchanged"
    );

    // An erase of the boot region is refused too; one elsewhere is not.
    let out = espflow_on(&port, &["erase-region", "0x8000", "0x1000"]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert_eq!(std::fs::read(&flash).unwrap(), before);

    let out = espflow_on(&port, &["--force", "write-flash", "0x10000", &file]);
    ok(&out);
    let err = stderr(&out);
    assert!(
        err.lines()
            .any(|l| l.starts_with("warning: --force") && l.contains("flash encryption on")),
        "warns: {err}"
    );
    let after = std::fs::read(&flash).unwrap();
    assert_eq!(&after[0x10000..0x12800], &image[..]);
}

#[test]
fn secure_boot_protects_the_bootloader_and_partition_table() {
    let dir = tempfile::tempdir().unwrap();
    let digest = write_file(dir.path(), "digest.bin", &random_bytes(32, 6));
    let flash = dir.path().join("flash.bin");
    let port = format!("virtual:{}?secure-boot={digest}", flash.display());
    let image = random_bytes(0x1000, 7);
    let file = write_file(dir.path(), "boot.bin", &image);
    let out = espflow_on(&port, &["write-flash", "0x0", &file]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(stderr(&out).contains("secure boot on"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&flash).unwrap(), erased(FLASH_4M));
    let out = espflow_on(&port, &["erase-region", "0x8000", "0x1000"]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    // An app write is no danger to the boot chain.
    ok(&espflow_on(&port, &["write-flash", "0x20000", &file]));
    assert_eq!(
        &std::fs::read(&flash).unwrap()[0x20000..0x21000],
        &image[..]
    );
}

/// Sends one request to the served chip and returns its answer frames within `wait`.
fn exchange(s: &mut TcpStream, op: u8, data: &[u8], wait: Duration) -> Vec<Vec<u8>> {
    let mut pkt = vec![0, op];
    pkt.extend((data.len() as u16).to_le_bytes());
    pkt.extend([0u8; 4]);
    pkt.extend(data);
    let mut wire = Vec::new();
    slip::encode(&pkt, |b| wire.push(b));
    s.write_all(&wire).unwrap();
    let mut dec = SlipDecoder::new();
    let mut frame = vec![0u8; 0x1000];
    let mut frames = Vec::new();
    let mut buf = [0u8; 256];
    let start = Instant::now();
    s.set_read_timeout(Some(Duration::from_millis(100)))
        .unwrap();
    while start.elapsed() < wait {
        match s.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                for &b in &buf[..n] {
                    if let Ok(Some(len)) = dec.push(b, &mut frame) {
                        frames.push(frame[..len].to_vec());
                    }
                }
            }
            Err(_) if !frames.is_empty() => break,
            Err(_) => {}
        }
    }
    frames
}

#[test]
fn secure_download_mode_writes_through_the_rom_and_refuses_the_rest_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("flash.bin");
    let port = format!("virtual:{}?secure-download-mode", flash.display());
    let info = board_info(&port);
    assert_eq!(info["security"]["secure_download"], true);
    assert_eq!(info["mac"], Value::Null, "no eFuse reads in SDM");
    assert_eq!(info["loader"], "rom");

    let image = random_bytes(0x1800, 8);
    let file = write_file(dir.path(), "app.bin", &image);
    let out = espflow_on(
        &port,
        &["--format", "json", "write-flash", "0x10000", &file],
    );
    let stdout = ok(&out);
    assert!(
        stderr(&out).contains("Secure Download Mode"),
        "says why: {}",
        stderr(&out)
    );
    let summary: Value = stdout
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .find(|v| v["event"] == "summary")
        .expect("a summary");
    assert_eq!(summary["verified"], false, "no MD5 in SDM");
    let got = std::fs::read(&flash).unwrap();
    assert_eq!(&got[0x10000..0x11800], &image[..]);
    // The rest of the last sector is left erased, as the ROM erased it.
    assert!(got[0x11800..0x12000].iter().all(|b| *b == 0xFF));

    for args in [
        &["checksum-md5", "0x10000", "0x1000"][..],
        &["read-flash", "0x10000", "0x1000", "out.bin"][..],
        &["efuse", "summary"][..],
    ] {
        let started = Instant::now();
        let mut c = espflow();
        c.current_dir(dir.path()).args(["--port", &port]).args(args);
        let out = run(c, Duration::from_secs(30));
        assert_eq!(out.status.code(), Some(4), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("Secure Download Mode"),
            "{}",
            stderr(&out)
        );
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{args:?} fails at once"
        );
    }

    // The chip itself refuses what the mode forbids at once, as the ROM does (failed,
    // "invalid message"), so no client waits for a timeout; SYNC and GET_SECURITY_INFO
    // still answer.
    let served = serve(&dir.path().join("served.bin"), &["--secure-download-mode"]);
    let mut s = TcpStream::connect(served.port.strip_prefix("socket://").unwrap()).unwrap();
    let mut sync = vec![0x07, 0x07, 0x12, 0x20];
    sync.extend([0x55; 32]);
    let answers = exchange(&mut s, 0x08, &sync, Duration::from_secs(2));
    assert_eq!(answers.len(), 8, "SYNC answers");
    let sec = exchange(&mut s, 0x14, &[], Duration::from_secs(2));
    assert_eq!(sec[0][1], 0x14);
    let flags = u32::from_le_bytes(sec[0][8..12].try_into().unwrap());
    assert_ne!(flags & (1 << 2), 0, "SECURE_DOWNLOAD_ENABLE");
    let forbidden: [(u8, Vec<u8>); 3] = [
        (0x0A, 0x6000_8844u32.to_le_bytes().to_vec()),
        (
            0x13,
            [0x1_0000u32, 0x1000, 0, 0]
                .iter()
                .flat_map(|w| w.to_le_bytes())
                .collect(),
        ),
        (
            0x05,
            [0x100u32, 1, 0x100, 0x4038_0000]
                .iter()
                .flat_map(|w| w.to_le_bytes())
                .collect(),
        ),
    ];
    for (op, data) in forbidden {
        let started = Instant::now();
        let r = exchange(&mut s, op, &data, Duration::from_secs(2));
        assert_eq!(r.len(), 1, "op 0x{op:02X}: one answer");
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "op 0x{op:02X} at once"
        );
        assert_eq!(r[0][1], op);
        assert_eq!(
            &r[0][8..10],
            &[1, 0x05],
            "op 0x{op:02X}: refused as invalid"
        );
    }
    drop(s);

    // esptool, a real peer, writes through the same ROM path there.
    let image2 = random_bytes(0x1000, 9);
    let file2 = write_file(dir.path(), "app2.bin", &image2);
    let served_flash = dir.path().join("served.bin");
    let out = esptool()
        .args([
            "--port",
            &served.port,
            "--before",
            "no-reset",
            "--after",
            "no-reset",
        ])
        .args(["write-flash", "0x20000", &file2])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(
        &std::fs::read(&served_flash).unwrap()[0x20000..0x21000],
        &image2[..]
    );
}

/// Compares espflow's `efuse summary` JSON with espefuse's, field for field (value,
/// readable, writeable, block); returns how many fields there were.
pub(super) fn summaries_match(espflow_json: &str, espefuse_out: &str) -> usize {
    let line = (espflow_json.lines()).find(|l| l.contains(r#""event":"efuse_summary""#));
    let mine: Value =
        serde_json::from_str(line.expect("an efuse_summary line")).expect("espflow JSON");
    let start = espefuse_out.find('{').expect("espefuse JSON");
    let end = espefuse_out.rfind('}').unwrap();
    let theirs: Value = serde_json::from_str(&espefuse_out[start..=end]).expect("espefuse JSON");
    let fields = mine["fields"].as_array().unwrap();
    assert_eq!(
        fields.len(),
        theirs.as_object().unwrap().len(),
        "the same fields"
    );
    for f in fields {
        let name = f["name"].as_str().unwrap();
        let t = &theirs[name];
        for k in ["value", "readable", "writeable", "block"] {
            assert_eq!(f[k], t[k], "{name}: {k}");
        }
    }
    fields.len()
}

/// An eFuse image prepared by espefuse (its virtual mode, burning into a file) is what the
/// virtual chip reads, field for field; and what the virtual chip burns, espefuse reads.
#[test]
fn efuse_images_are_shared_with_espefuse() {
    let dir = tempfile::tempdir().unwrap();
    let efuse = dir.path().join("efuse.bin");
    let key = write_file(dir.path(), "key.bin", &random_bytes(32, 10));
    let usr = write_file(dir.path(), "usr.bin", &random_bytes(32, 11));
    let hmac = write_file(dir.path(), "hmac.bin", &random_bytes(32, 12));
    let espefuse_virt = |args: &[&str]| {
        let out = espefuse()
            .args([
                "--virt",
                "--chip",
                "esp32c3",
                "--do-not-confirm",
                "--path-efuse-file",
            ])
            .arg(&efuse)
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "espefuse {args:?}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    espefuse_virt(&["burn-key", "BLOCK_KEY0", &key, "XTS_AES_128_KEY"]);
    espefuse_virt(&[
        "burn-key",
        "BLOCK_KEY2",
        &hmac,
        "HMAC_UP",
        "--no-read-protect",
    ]);
    espefuse_virt(&["burn-block-data", "BLOCK_USR_DATA", &usr]);
    espefuse_virt(&[
        "burn-efuse",
        "SPI_BOOT_CRYPT_CNT",
        "1",
        "WDT_DELAY_SEL",
        "2",
        "SOFT_DIS_JTAG",
        "1",
    ]);

    let port = format!(
        "virtual:{}?efuse={}",
        dir.path().join("f.bin").display(),
        efuse.display()
    );
    let mine = ok(&espflow_on(
        &port,
        &["--format", "json", "efuse", "summary"],
    ));
    let theirs = espefuse_virt(&["summary", "--format", "json"]);
    assert_eq!(summaries_match(&mine, &theirs), 70);
    let s = &board_info(&port)["security"];
    assert_eq!(s["flash_encryption"], true);
    assert_eq!(s["jtag_soft_disabled"], true);
    assert_eq!(s["key_blocks"][2]["purpose"], "HMAC_UP");

    // The virtual chip burns Secure Download Mode into the same file; espefuse sees it.
    let served = serve(
        &dir.path().join("g.bin"),
        &["--efuse", efuse.to_str().unwrap(), "--secure-download-mode"],
    );
    drop(served);
    let theirs = espefuse_virt(&["summary", "--format", "json"]);
    let start = theirs.find('{').unwrap();
    let v: Value = serde_json::from_str(&theirs[start..=theirs.rfind('}').unwrap()]).unwrap();
    assert_eq!(v["ENABLE_SECURITY_DOWNLOAD"]["value"], true);
    assert_eq!(
        v["SPI_BOOT_CRYPT_CNT"]["value"], "Enable",
        "what was there stays"
    );
}

#[test]
fn bad_security_settings_are_one_line_errors() {
    let dir = tempfile::tempdir().unwrap();
    let short = write_file(dir.path(), "short.bin", &[1; 16]);
    let flash = dir.path().join("f.bin");
    for (query, words) in [
        (format!("flash-encryption={short}"), "must be 32"),
        ("colour=blue".to_string(), "unknown setting"),
        (format!("efuse={short}"), "espefuse"),
    ] {
        let port = format!("virtual:{}?{query}", flash.display());
        let out = espflow_on(&port, &["board-info"]);
        assert_eq!(out.status.code(), Some(1), "{query}: {}", stderr(&out));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(words), "{query}: {err}");
    }
    assert!(!flash.exists() || std::fs::read(&flash).unwrap() == erased(FLASH_4M));
}
