//! Writes the chip encrypts (`write-flash --encrypt`, `--encrypt-files`, partition writes
//! on an encrypted chip) on virtual ESP32-C3s whose eFuses hold a flash-encryption key:
//! the raw flash must hold exactly espsecure's ciphertext for that key and address, with
//! nothing outside the image's sectors touched; with the key given to the host the write
//! is compared (unchanged sectors skipped) and verified, and a killed write resumes to the
//! same ciphertext; whatever cannot be written safely is refused before the flash changes.

use std::path::PathBuf;
use std::process::Output;
use std::time::Duration;

use crate::support::*;

const SECTOR: usize = 0x1000;

struct Bench {
    dir: tempfile::TempDir,
    key: PathBuf,
    flash: PathBuf,
}

impl Bench {
    /// A 4 MiB flash of old random data, erased over `erased`, and a random key.
    fn new(seed: u64, erased: std::ops::Range<usize>) -> Bench {
        let dir = tempfile::tempdir().unwrap();
        let key = dir.path().join("key.bin");
        std::fs::write(&key, random_bytes(32, seed)).unwrap();
        let mut old = random_bytes(FLASH_4M, seed + 1);
        old[erased].fill(0xFF);
        let flash = dir.path().join("flash.bin");
        std::fs::write(&flash, &old).unwrap();
        Bench { dir, key, flash }
    }

    fn port(&self) -> String {
        format!(
            "virtual:{}?flash-encryption={}",
            self.flash.display(),
            self.key.display()
        )
    }

    fn file(&self, name: &str, bytes: &[u8]) -> String {
        let p = self.dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p.display().to_string()
    }

    fn flash(&self) -> Vec<u8> {
        std::fs::read(&self.flash).unwrap()
    }

    /// espsecure's ciphertext of `data` at `addr` with this bench's key.
    fn espsecure(&self, addr: u32, data: &[u8]) -> Vec<u8> {
        let input = self.file("plain-for-espsecure.bin", data);
        let output = self.dir.path().join("espsecure-out.bin");
        let mut c = espsecure();
        c.args(["encrypt-flash-data", "--aes-xts", "--keyfile"])
            .arg(&self.key)
            .args(["--address", &format!("0x{addr:X}"), "--output"])
            .arg(&output)
            .arg(&input);
        ok(&run(c, Duration::from_secs(120)));
        std::fs::read(&output).unwrap()
    }

    fn write(&self, args: &[&str]) -> Output {
        let port = self.port();
        let mut all = vec!["--format", "json"];
        all.extend_from_slice(args);
        espflow_on(&port, &all)
    }
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The one `error:` line of a failed command.
fn error_line(out: &Output) -> String {
    let err = stderr(out);
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(lines.len(), 1, "one error line: {err}");
    lines[0].to_string()
}

fn summary(out: &Output) -> serde_json::Value {
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|v| v["event"] == "summary")
        .unwrap_or_else(|| panic!("no summary line in {text}"))
}

/// The flash equals `before` everywhere outside `range`.
fn unchanged_outside(after: &[u8], before: &[u8], range: std::ops::Range<usize>) {
    assert_eq!(after.len(), before.len());
    assert!(
        after[..range.start] == before[..range.start],
        "bytes before the image changed"
    );
    assert!(
        after[range.end..] == before[range.end..],
        "bytes after the image changed"
    );
}

#[test]
fn an_encrypted_write_through_the_stub_leaves_espsecures_ciphertext_and_skips_it_with_the_key() {
    encrypted_write_sequence(&[]);
}

#[test]
fn an_encrypted_write_through_the_rom_loader_does_the_same() {
    encrypted_write_sequence(&["--no-stub"]);
}

/// Encrypted writes through the loader `loader` chooses (nothing: espflow's stub, which
/// encrypts on the C3): the raw flash is espsecure's ciphertext, with nothing outside the
/// image's sectors touched; with the key, an unchanged write sends nothing and a changed
/// sector goes alone.
fn encrypted_write_sequence(loader: &[&str]) {
    let addr = 0x2_0000;
    let b = Bench::new(11, addr..addr + 3 * SECTOR);
    let image = random_bytes(0x2A30, 12);
    let file = b.file("app.bin", &image);
    let before = b.flash();

    let first = ["write-flash", "--encrypt", &format!("0x{addr:X}"), &file];
    let out = b.write(&[loader, &first[..]].concat());
    ok(&out);
    let stub_started = String::from_utf8_lossy(&out.stdout).contains(r#""stage":"stub-upload""#);
    assert_eq!(
        stub_started,
        loader.is_empty(),
        "the stub is used where it encrypts"
    );
    let s = summary(&out);
    assert_eq!(
        s["verified"], false,
        "without the key nothing can be verified"
    );
    assert!(
        stderr(&out).contains("--encrypt-key"),
        "says why: {}",
        stderr(&out)
    );
    let after = b.flash();
    let want = b.espsecure(addr as u32, &image);
    assert!(
        after[addr..addr + image.len()] == want[..],
        "raw flash is espsecure's ciphertext"
    );
    assert_ne!(
        &after[addr..addr + 16],
        &image[..16],
        "not written as plaintext"
    );
    // The rest of the last sector is encrypted 0xFF; nothing else moved.
    let end = addr + image.len();
    let sector_end = end.next_multiple_of(SECTOR);
    let pad = b.espsecure(end as u32, &vec![0xFF; sector_end - end]);
    assert!(
        after[end..sector_end] == pad[..],
        "the sector's rest reads back as 0xFF"
    );
    unchanged_outside(&after, &before, addr..sector_end);

    // With the key the same write is proven in place: nothing is sent, and it is verified.
    let key = b.key.display().to_string();
    let args = [loader, &["write-flash", "--encrypt-key", &key, "--encrypt"]].concat();
    let out = b.write(&[&args[..], &[&format!("0x{addr:X}"), &file]].concat());
    let s = summary(&out);
    assert_eq!(s["bytes_sent"], 0, "{s}");
    assert_eq!(s["verified"], true);
    assert_eq!(b.flash(), after);

    // One changed sector is the only one sent.
    let mut changed = image.clone();
    changed[SECTOR + 5] ^= 0x5A;
    let file2 = b.file("app2.bin", &changed);
    let out = b.write(&[&args[..], &[&format!("0x{addr:X}"), &file2]].concat());
    let s = summary(&out);
    assert_eq!(s["bytes_sent"], SECTOR as u64, "{s}");
    assert_eq!(s["verified"], true);
    let again = b.flash();
    assert!(again[addr..end] == b.espsecure(addr as u32, &changed)[..]);
    unchanged_outside(&again, &before, addr..sector_end);
}

#[test]
fn encrypted_and_plain_files_go_in_one_write() {
    let (enc_at, plain_at) = (0x3_0000usize, 0x5_0000usize);
    let b = Bench::new(21, enc_at..enc_at + 2 * SECTOR);
    let enc = random_bytes(2 * SECTOR, 22);
    let plain = random_bytes(SECTOR, 23);
    let (enc_file, plain_file) = (b.file("enc.bin", &enc), b.file("plain.bin", &plain));
    let before = b.flash();
    // The plain file on an encrypted chip is what the guard is for: --force lets it through.
    let out = b.write(&[
        "--force",
        "write-flash",
        &format!("0x{plain_at:X}"),
        &plain_file,
        "--encrypt-files",
        &format!("0x{enc_at:X}"),
        &enc_file,
    ]);
    ok(&out);
    let after = b.flash();
    assert!(after[enc_at..enc_at + enc.len()] == b.espsecure(enc_at as u32, &enc)[..]);
    assert!(after[plain_at..plain_at + plain.len()] == plain[..]);
    let mut expect = before.clone();
    expect[enc_at..enc_at + enc.len()].copy_from_slice(&after[enc_at..enc_at + enc.len()]);
    expect[plain_at..plain_at + plain.len()].copy_from_slice(&plain);
    assert!(after == expect, "nothing else changed");
}

#[test]
fn what_cannot_be_encrypted_safely_is_refused_before_the_flash_changes() {
    let addr = 0x2_0000usize;
    let b = Bench::new(31, addr..addr + 4 * SECTOR);
    let before = b.flash();
    let cases: [(&str, usize, usize, i32, &str); 3] = [
        ("length not a multiple of 16", addr, 0x1001, 2, "16-byte"),
        (
            "start inside a sector",
            addr + 0x10,
            0x100,
            2,
            "4 KiB sector",
        ),
        (
            "sector's rest holds data",
            addr + 4 * SECTOR,
            0x100,
            2,
            "--force",
        ),
    ];
    for (what, at, len, code, needle) in cases {
        let file = b.file("x.bin", &random_bytes(len, len as u64));
        let out = b.write(&["write-flash", "--encrypt", &format!("0x{at:X}"), &file]);
        assert_eq!(out.status.code(), Some(code), "{what}: {}", stderr(&out));
        let line = error_line(&out);
        assert!(line.contains(needle), "{what}: {line}");
        assert!(b.flash() == before, "{what}: the flash is unchanged");
    }

    // A chip whose encryption is off would boot an encrypted image as garbage.
    let dir = tempfile::tempdir().unwrap();
    let open = dir.path().join("open.bin");
    let file = b.file("app.bin", &random_bytes(SECTOR, 32));
    let port = format!("virtual:{}", open.display());
    let out = espflow_on(&port, &["write-flash", "--encrypt", "0x10000", &file]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    let line = error_line(&out);
    assert!(
        line.contains("encryption off") && line.contains("--force"),
        "{line}"
    );
    assert!(std::fs::read(&open).unwrap().iter().all(|b| *b == 0xFF));

    // The ESP32's ROM loader has no encrypted word to set.
    let esp32 = dir.path().join("esp32.bin");
    let port = format!("virtual:{}", esp32.display());
    let out = espflow_on(
        &port,
        &[
            "--chip",
            "esp32",
            "--no-stub",
            "--force",
            "write-flash",
            "--encrypt",
            "0x10000",
            &file,
        ],
    );
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(
        error_line(&out).contains("no encrypted word"),
        "{}",
        stderr(&out)
    );
    assert!(std::fs::read(&esp32).unwrap().iter().all(|b| *b == 0xFF));
}

#[test]
fn a_partition_that_esp_idf_encrypts_is_written_encrypted_and_nvs_stays_plain() {
    let b = Bench::new(41, 0x9000..0x20000);
    let csv = b.file(
        "table.csv",
        b"nvs, data, nvs, 0x9000, 0x4000\nsecret, data, 0x99, 0xD000, 0x2000, encrypted\n",
    );
    let data = random_bytes(0x1800, 42);
    let file = b.file("secret.bin", &data);
    let before = b.flash();
    let table = ["--partition-table", csv.as_str()];
    let out = b.write(&[&["write-partition", "secret", &file][..], &table[..]].concat());
    ok(&out);
    let after = b.flash();
    assert!(after[0xD000..0xD000 + data.len()] == b.espsecure(0xD000, &data)[..]);
    unchanged_outside(&after, &before, 0xD000..0xF000);

    // nvs is one ESP-IDF keeps plaintext: written as it is, without --force.
    let nvs = random_bytes(0x1000, 43);
    let nvs_file = b.file("nvs.bin", &nvs);
    let out = b.write(&[&["write-partition", "nvs", &nvs_file][..], &table[..]].concat());
    ok(&out);
    assert!(b.flash()[0x9000..0xA000] == nvs[..]);
}

#[test]
fn a_killed_encrypted_write_resumes_to_the_same_ciphertext() {
    let addr = 0x4_0000usize;
    let len = 0x4_0000usize;
    let b = Bench::new(51, addr..addr + len);
    let image = random_bytes(len, 52);
    let file = b.file("big.bin", &image);
    let before = b.flash();
    let key = b.key.display().to_string();
    let served = serve(
        &b.flash,
        &[
            "--realtime",
            "--time-scale",
            "4",
            "--flash-encryption",
            &key,
        ],
    );
    let state = b.dir.path().join("state");
    let cmd = || {
        let mut c = espflow();
        c.env("ESPFLOW_STATE_DIR", &state)
            .args([
                "--port",
                &served.port,
                "--baud",
                "921600",
                "--format",
                "json",
            ])
            .args(["write-flash", "--encrypt-key", &key, "--encrypt"])
            .args([&format!("0x{addr:X}"), &file]);
        c
    };
    assert!(
        trials::kill_once_writing(cmd(), Duration::from_millis(300)),
        "the write started"
    );
    served.sessions(1);
    let mid = b.flash();
    let want = b.espsecure(addr as u32, &image);
    assert!(
        mid[addr..addr + len] != want[..],
        "the kill came before the end"
    );

    let out = run(cmd(), Duration::from_secs(120));
    let s = summary(&ok_output(out));
    assert_eq!(s["verified"], true);
    assert!(
        s["bytes_sent"].as_u64().unwrap() < len as u64,
        "the rerun resumed: {s}"
    );
    let after = b.flash();
    assert!(after[addr..addr + len] == want[..]);
    unchanged_outside(&after, &before, addr..addr + len);
}

fn ok_output(out: Output) -> Output {
    ok(&out);
    out
}

/// On a chip with flash encryption on, ESP-IDF keeps the partition table and otadata
/// encrypted: `ota` and `partition-table show` read them through the key, refuse in one
/// line without it, and `ota activate` writes otadata encrypted.
#[test]
fn ota_on_an_encrypted_chip_reads_and_writes_through_the_key() {
    let b = Bench::new(61, 0x8000..0x10000);
    let csv = fixture("partition-tables/stock_two_ota.csv");
    let table = b.dir.path().join("table.bin");
    let mut c = espflow();
    c.args(["partition-table", "convert"]).arg(&csv).arg(&table);
    ok(&run(c, Duration::from_secs(60)));
    let key = b.key.display().to_string();
    let table = table.display().to_string();
    ok(&b.write(&[
        "write-flash",
        "--encrypt-key",
        &key,
        "--encrypt",
        "0x8000",
        &table,
    ]));
    let before = b.flash();

    let out = b.write(&["ota", "status"]);
    assert!(!out.status.success());
    let line = error_line(&out);
    assert!(
        line.contains("stored encrypted") && line.contains("--encrypt-key"),
        "{line}"
    );
    let status = |out: &Output| -> serde_json::Value {
        let text = ok(out);
        let line = text
            .lines()
            .find(|l| l.contains(r#""event":"ota_status""#))
            .unwrap_or_else(|| panic!("no ota_status in {text}"));
        serde_json::from_str(line).unwrap()
    };
    let s = status(&b.write(&["ota", "status", "--encrypt-key", &key]));
    assert_eq!(s["selected_slot"], serde_json::Value::Null, "{s}");
    assert_eq!(b.flash(), before, "reading changed nothing");

    ok(&b.write(&["ota", "activate", "ota_1", "--encrypt-key", &key]));
    let s = status(&b.write(&["ota", "status", "--encrypt-key", &key]));
    assert_eq!(s["selected_slot"], 1, "{s}");
    let shown = ok(&b.write(&["partition-table", "show", "--encrypt-key", &key]));
    assert!(shown.contains("ota_1"), "{shown}");
    // Read raw, as by a chip that does not decrypt, the otadata holds no valid copy: it
    // went to the flash encrypted. Only its sectors changed.
    let after = b.flash();
    unchanged_outside(&after, &before, 0xD000..0xF000);
    let plain_chip = format!("virtual:{}", b.flash.display());
    let raw = status(&espflow_on(
        &plain_chip,
        &[
            "--format",
            "json",
            "ota",
            "status",
            "--partition-table",
            csv.to_str().unwrap(),
        ],
    ));
    assert_eq!(raw["selected_slot"], serde_json::Value::Null, "{raw}");
}
