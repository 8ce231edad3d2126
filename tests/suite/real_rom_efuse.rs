//! Security eFuses on the ESP32-C3's real mask ROM in Espressif's QEMU, with a persistent
//! eFuse file: espefuse (the real peer) burns flash encryption, a key and other fields
//! through the ROM; espflow's `efuse summary` must then match `espefuse summary` field for
//! field, `board-info` must report encryption on, and the guard must refuse a plaintext
//! write there with the flash untouched.
//!
//! Skipped in one line where QEMU is absent (see `real_rom::qemu_or_skip`).

use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::real_rom::{Machine, free_port, qemu_or_skip, say, start_with_efuse};
use crate::security::summaries_match;
use crate::support::*;

fn espefuse_on(port: u16, args: &[&str]) -> String {
    let mut c = espefuse();
    c.args([
        "--chip",
        "esp32c3",
        "--port",
        &format!("socket://127.0.0.1:{port}"),
    ])
    .args(["--before", "no-reset", "--do-not-confirm"])
    .args(args);
    let out = run(c, Duration::from_secs(120));
    assert!(
        out.status.success(),
        "espefuse {args:?}:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn espflow_qemu(port: u16, args: &[&str]) -> Output {
    let mut c = espflow();
    c.args([
        "--chip",
        "esp32c3",
        "--port",
        &format!("socket://127.0.0.1:{port}"),
    ])
    .args(args);
    run(c, Duration::from_secs(120))
}

fn esptool_qemu(port: u16, args: &[&str]) -> Output {
    let mut c = esptool();
    c.args([
        "--chip",
        "esp32c3",
        "--port",
        &format!("socket://127.0.0.1:{port}"),
    ])
    .args(["--before", "no-reset", "--after", "no-reset"])
    .args(args);
    run(c, Duration::from_secs(300))
}

/// espsecure's XTS-AES ciphertext of `data` at `addr` under the key file `key`.
fn espsecure_encrypt(dir: &Path, key: &str, addr: u32, data: &[u8]) -> Vec<u8> {
    let input = write(dir, "espsecure-in.bin", data);
    let output = dir.join("espsecure-out.bin");
    let mut c = espsecure();
    c.args(["encrypt-flash-data", "--aes-xts", "--keyfile", key])
        .args(["--address", &format!("0x{addr:X}"), "--output"])
        .arg(&output)
        .arg(&input);
    ok(&run(c, Duration::from_secs(120)));
    std::fs::read(&output).unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

#[test]
fn efuse_summary_and_the_guard_on_the_emulated_c3() {
    let Some(_one) = qemu_or_skip(Machine::Esp32c3, "real_rom_efuse") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("flash.bin");
    std::fs::write(&flash, erased(FLASH_4M)).unwrap();
    let efuse = dir.path().join("efuse.bin");
    std::fs::write(&efuse, [0u8; 1024]).unwrap();
    let port = free_port();
    let qemu = start_with_efuse(Machine::Esp32c3, dir.path(), &flash, Some(&efuse), port);

    let key = write(dir.path(), "key.bin", &random_bytes(32, 21));
    let usr = write(dir.path(), "usr.bin", &random_bytes(32, 22));
    espefuse_on(port, &["burn-key", "BLOCK_KEY0", &key, "XTS_AES_128_KEY"]);
    espefuse_on(port, &["burn-block-data", "BLOCK_USR_DATA", &usr]);
    espefuse_on(
        port,
        &[
            "burn-efuse",
            "SPI_BOOT_CRYPT_CNT",
            "1",
            "WDT_DELAY_SEL",
            "2",
            "SOFT_DIS_JTAG",
            "1",
        ],
    );

    let mine = espflow_qemu(port, &["--format", "json", "efuse", "summary"]);
    let mine = ok(&mine);
    let theirs = espefuse_on(port, &["summary", "--format", "json"]);
    let n = summaries_match(&mine, &theirs);
    say(&format!(
        "real_rom_efuse: {n} fields match espefuse summary"
    ));

    // The guard refuses before anything is erased; QEMU writes straight into the file.
    let before = std::fs::read(&flash).unwrap();
    let app = write(dir.path(), "app.bin", &random_bytes(0x2000, 23));
    let out = espflow_qemu(port, &["write-flash", "0x10000", &app]);
    assert_eq!(
        out.status.code(),
        Some(4),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert_eq!(
        std::fs::read(&flash).unwrap(),
        before,
        "the flash is unchanged"
    );

    // Written through the chip's encryption by espflow's stub (the default), which takes
    // FLASH_BEGIN's encrypted word and programs each sector through the ROM's
    // manual-encryption functions: the raw flash must hold what espsecure computes for the
    // key, and what esptool's encrypted write of the same image leaves.
    let image = random_bytes(0x2A30, 24);
    let enc_file = write(dir.path(), "enc.bin", &image);
    let encrypted_write = |addr: &str, file: &str, extra: &[&str]| {
        let mut args = vec!["--format", "json"];
        args.extend_from_slice(extra);
        args.extend_from_slice(&[
            "write-flash",
            "--encrypt-key",
            key.as_str(),
            "--encrypt",
            addr,
        ]);
        let args: Vec<String> = args
            .iter()
            .map(|a| a.to_string())
            .chain([file.to_string()])
            .collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let started = Instant::now();
        let out = espflow_qemu(port, &args);
        (ok(&out), started.elapsed().as_secs_f64())
    };
    let (stdout, stub_secs) = encrypted_write("0x20000", &enc_file, &[]);
    assert!(
        stdout.contains(r#""stage":"stub-upload""#),
        "the write went through the stub: {stdout}"
    );
    assert!(
        stdout.contains("\"verified\":true"),
        "verified against the ciphertext: {stdout}"
    );
    let want = espsecure_encrypt(dir.path(), &key, 0x20000, &image);
    let ours = crate::real_rom::flash_file(&flash, 0x20000, image.len(), |b| b == &want[..]);
    assert!(
        ours == want,
        "espflow's encrypted write through its stub is espsecure's ciphertext"
    );
    // Unchanged, the same write is proven in place by the MD5 of the ciphertext.
    let (again, _) = encrypted_write("0x20000", &enc_file, &[]);
    assert!(
        again.contains("\"bytes_sent\":0"),
        "nothing sent again: {again}"
    );
    // One sector changed: the stub's sector digests against the ciphertext the host
    // computes leave the others in place.
    let mut changed = image.clone();
    changed[0x1100] ^= 0xFF;
    let changed_file = write(dir.path(), "changed.bin", &changed);
    let (one, _) = encrypted_write("0x20000", &changed_file, &[]);
    assert!(
        one.contains("\"bytes_sent\":4096"),
        "one sector sent: {one}"
    );
    let want_changed = espsecure_encrypt(dir.path(), &key, 0x20000, &changed);
    let now = crate::real_rom::flash_file(&flash, 0x20000, image.len(), |b| b == &want_changed[..]);
    assert!(
        now == want_changed,
        "the changed sector is espsecure's ciphertext"
    );

    // The ROM loader alone does the same (uncompressed: the C3's ROM refuses a compressed
    // encrypted write). A reset brings the ROM back from the stub.
    qemu.reset();
    let (_, rom_secs) = encrypted_write("0x40000", &enc_file, &["--no-stub", "--baud", "115200"]);
    let want40 = espsecure_encrypt(dir.path(), &key, 0x40000, &image);
    let rom = crate::real_rom::flash_file(&flash, 0x40000, image.len(), |b| b == &want40[..]);
    assert!(
        rom == want40,
        "espflow's encrypted write through the ROM too"
    );

    // esptool writes the first image encrypted where espflow's stub wrote it: the raw flash
    // must come out as espflow's stub left it. Its connection follows espflow's at once;
    // QEMU's socket can still be busy closing the last one, which esptool reports as "No
    // more data": it gets one more try.
    qemu.reset();
    let esptool_args = [
        "--no-stub",
        "write-flash",
        "--encrypt",
        "0x20000",
        enc_file.as_str(),
    ];
    let mut out = esptool_qemu(port, &esptool_args);
    if String::from_utf8_lossy(&out.stderr).contains("No more data") {
        std::thread::sleep(Duration::from_secs(1));
        out = esptool_qemu(port, &esptool_args);
    }
    assert!(
        out.status.success(),
        "esptool: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let by_esptool = crate::real_rom::flash_file(&flash, 0x20000, image.len(), |b| b == &ours[..]);
    assert!(
        by_esptool == ours,
        "esptool's encrypted write leaves the raw flash espflow's stub left"
    );
    say(&format!(
        "real_rom_efuse: encrypted write of {} bytes through espflow's stub {stub_secs:.1} s, \
         through the ROM at 115200 {rom_secs:.1} s; both equal espsecure's ciphertext and \
         esptool's encrypted write",
        image.len()
    ));

    let out = ok(&espflow_qemu(port, &["--format", "json", "board-info"]));
    let info = out.lines().find(|l| l.contains(r#""event":"board_info""#));
    let info: Value = serde_json::from_str(info.expect("a board_info line")).unwrap();
    let s = &info["security"];
    assert_eq!(s["flash_encryption"], true);
    assert_eq!(s["flash_encryption_mode"], "development");
    assert_eq!(s["jtag_soft_disabled"], true);
    assert_eq!(s["key_blocks"][0]["purpose"], "XTS_AES_128_KEY");
    assert_eq!(s["key_blocks"][0]["read_protected"], true);

    // The emulator's eFuse file carries over to the virtual chip, which reads it as the
    // ROM's registers did.
    drop(qemu);
    let virt = format!(
        "virtual:{}?efuse={}",
        dir.path().join("virtual-flash.bin").display(),
        efuse.display()
    );
    let carried = ok(&espflow_on(
        &virt,
        &["--format", "json", "efuse", "summary"],
    ));
    assert_eq!(summaries_match(&carried, &theirs), n);
}
