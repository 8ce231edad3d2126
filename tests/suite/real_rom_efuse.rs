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

    let info: Value =
        serde_json::from_str(ok(&espflow_qemu(port, &["--format", "json", "board-info"])).trim())
            .unwrap();
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
