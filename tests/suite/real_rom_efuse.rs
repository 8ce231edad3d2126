//! Security eFuses on the ESP32-C3's real mask ROM in Espressif's QEMU, with a persistent
//! eFuse file: espefuse (the real peer) burns flash encryption, a key and other fields
//! through the ROM; espflow's `efuse summary` must then match `espefuse summary` field for
//! field, `board-info` must report encryption on, and the guard must refuse a plaintext
//! write there with the flash untouched.
//!
//! Skipped in one line where QEMU is absent (see `real_rom::qemu_or_skip`).

use std::path::Path;
use std::process::Output;
use std::time::Duration;

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

    // Written through the chip's encryption: the ROM's FLASH_BEGIN with its encrypted word
    // set must leave what espsecure computes for the key, as esptool's encrypted write does.
    let image = random_bytes(0x2A30, 24);
    let enc_file = write(dir.path(), "enc.bin", &image);
    let encrypted_write = [
        "--format",
        "json",
        "--baud",
        "115200",
        "write-flash",
        "--encrypt-key",
        key.as_str(),
        "--encrypt",
        "0x20000",
        enc_file.as_str(),
    ];
    let out = espflow_qemu(port, &encrypted_write);
    let stdout = ok(&out);
    assert!(
        stdout.contains("\"verified\":true"),
        "verified against the ciphertext: {stdout}"
    );
    let want = espsecure_encrypt(dir.path(), &key, 0x20000, &image);
    let ours = crate::real_rom::flash_file(&flash, 0x20000, image.len(), |b| b == &want[..]);
    assert!(
        ours == want,
        "espflow's encrypted write is espsecure's ciphertext"
    );
    // Unchanged, the same write is proven in place through the ROM's MD5 of the ciphertext.
    let again = ok(&espflow_qemu(port, &encrypted_write));
    assert!(
        again.contains("\"bytes_sent\":0"),
        "nothing sent again: {again}"
    );
    // esptool connects right after espflow let go; QEMU's socket can still be busy closing
    // the last connection, which esptool reports as "No more data": it gets one more try.
    let esptool_args = [
        "--no-stub",
        "write-flash",
        "--encrypt",
        "0x30000",
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
    let want30 = espsecure_encrypt(dir.path(), &key, 0x30000, &image);
    let by_esptool =
        crate::real_rom::flash_file(&flash, 0x30000, image.len(), |b| b == &want30[..]);
    assert!(
        by_esptool == want30,
        "esptool's encrypted write is espsecure's ciphertext too"
    );
    say("real_rom_efuse: an encrypted write through the ROM equals espsecure's and esptool's");

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
