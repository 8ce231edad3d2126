//! Secure Boot v2 signature blocks: `image-info` reads the blocks espsecure's
//! `sign-data --version 2` appends (RSA-3072 and ECDSA-P256) and reports the key digest
//! espsecure's `digest-sbv2-public-key` computes; on a virtual ESP32-C3 with that digest
//! burnt, the guard lets an image signed with the key into the app and boot regions and
//! refuses one signed with another key, or not signed, with the flash unchanged.

use std::path::Path;
use std::time::Duration;

use serde_json::Value;

use crate::support::*;

fn espsecure_ok(args: &[&str], dir: &Path) {
    let mut c = espsecure();
    c.current_dir(dir).args(args);
    ok(&run(c, Duration::from_secs(120)));
}

struct Signed {
    dir: tempfile::TempDir,
}

impl Signed {
    /// An app image from the committed ELF, signed once with an RSA-3072 and once with an
    /// ECDSA-P256 key, and the digests of both keys.
    fn new() -> Signed {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let elf = fixture("app/app.elf");
        let mut c = espflow();
        c.args(["save-image", "--chip", "esp32c3"])
            .arg(&elf)
            .arg(d.join("app.bin"));
        ok(&run(c, Duration::from_secs(60)));
        for (key, scheme) in [("rsa.pem", "rsa3072"), ("ec.pem", "ecdsa256")] {
            espsecure_ok(
                &[
                    "generate-signing-key",
                    "--version",
                    "2",
                    "--scheme",
                    scheme,
                    key,
                ],
                d,
            );
            let signed = format!("signed-{key}.bin");
            espsecure_ok(
                &[
                    "sign-data",
                    "--version",
                    "2",
                    "--keyfile",
                    key,
                    "--output",
                    &signed,
                    "app.bin",
                ],
                d,
            );
            let digest = format!("{key}.digest");
            espsecure_ok(
                &[
                    "digest-sbv2-public-key",
                    "--keyfile",
                    key,
                    "--output",
                    &digest,
                ],
                d,
            );
        }
        Signed { dir }
    }

    fn path(&self, name: &str) -> String {
        self.dir.path().join(name).display().to_string()
    }

    fn digest_hex(&self, key: &str) -> String {
        let d = std::fs::read(self.dir.path().join(format!("{key}.digest"))).unwrap();
        d.iter().map(|b| format!("{b:02x}")).collect()
    }
}

fn image_info(file: &str) -> Value {
    let mut c = espflow();
    c.args(["--format", "json", "image-info", file]);
    let out = ok(&run(c, Duration::from_secs(60)));
    serde_json::from_str(out.trim()).expect("one JSON line")
}

#[test]
fn image_info_reads_espsecures_signature_blocks() {
    let s = Signed::new();
    for (key, scheme) in [("rsa.pem", "rsa3072"), ("ec.pem", "ecdsa-p256")] {
        let info = image_info(&s.path(&format!("signed-{key}.bin")));
        let blocks = info["signatures"].as_array().expect("a signature list");
        assert_eq!(blocks.len(), 1, "{info}");
        assert_eq!(blocks[0]["scheme"], scheme);
        assert_eq!(blocks[0]["key_digest"], s.digest_hex(key).as_str());
        assert_eq!(blocks[0]["image_digest_ok"], true);
    }
    let plain = image_info(&s.path("app.bin"));
    assert_eq!(plain["signatures"].as_array().unwrap().len(), 0);

    // One flipped byte of the signed part makes the block's image digest wrong.
    let mut bytes = std::fs::read(s.path("signed-rsa.pem.bin")).unwrap();
    bytes[0x100] ^= 1;
    std::fs::write(s.path("tampered.bin"), &bytes).unwrap();
    let mut c = espflow();
    c.args(["--format", "json", "image-info", &s.path("tampered.bin")]);
    let out = run(c, Duration::from_secs(60));
    let text = String::from_utf8_lossy(&out.stdout);
    let v: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(v["signatures"][0]["image_digest_ok"], false, "{v}");
}

#[test]
fn a_secure_boot_device_takes_only_images_signed_with_its_key() {
    let s = Signed::new();
    let flash = s.dir.path().join("flash.bin");
    let port = format!(
        "virtual:{}?secure-boot={}",
        flash.display(),
        s.path("rsa.pem.digest")
    );
    // The device reports the digest it holds.
    let out = ok(&espflow_on(&port, &["--format", "json", "board-info"]));
    let info = out.lines().find(|l| l.contains(r#""event":"board_info""#));
    let info: Value = serde_json::from_str(info.expect("a board_info line")).unwrap();
    assert_eq!(
        info["security"]["key_blocks"][0]["digest"],
        s.digest_hex("rsa.pem").as_str()
    );

    let signed = s.path("signed-rsa.pem.bin");
    ok(&espflow_on(&port, &["write-flash", "0x10000", &signed]));
    // The boot region takes it too: the bootloader there would verify it the same way.
    ok(&espflow_on(&port, &["write-flash", "0x0", &signed]));
    let before = std::fs::read(&flash).unwrap();
    let image = std::fs::read(&signed).unwrap();
    assert!(before[..image.len()] == image[..]);

    for (file, says) in [
        (
            "signed-ec.pem.bin",
            "match none of the device's key digests",
        ),
        ("app.bin", "no secure boot v2 signature block"),
    ] {
        let out = espflow_on(&port, &["write-flash", "0x20000", &s.path(file)]);
        assert_eq!(out.status.code(), Some(4), "{file}");
        let err = String::from_utf8_lossy(&out.stderr);
        let line = err.lines().find(|l| l.starts_with("error:")).unwrap();
        assert!(
            line.contains(says) && line.contains("--force"),
            "{file}: {line}"
        );
        assert!(
            std::fs::read(&flash).unwrap() == before,
            "{file}: flash unchanged"
        );
    }
    let out = espflow_on(&port, &["write-flash", "0x0", &s.path("app.bin")]);
    assert_eq!(out.status.code(), Some(4));
    assert!(std::fs::read(&flash).unwrap() == before);

    // --force goes ahead and says so.
    let out = espflow_on(
        &port,
        &["--force", "write-flash", "0x20000", &s.path("app.bin")],
    );
    ok(&out);
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning"));
}
