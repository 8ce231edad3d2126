//! `encrypt-image` and `decrypt-image` through the real binary, against espsecure (esptool
//! 5.6.0's, from the same virtual environment as the interop tests): random keys of every
//! kind, random addresses and lengths on the chip's block boundaries, the same bytes as
//! espsecure's `encrypt-flash-data` and `decrypt-flash-data`; and every refusal as one
//! line with exit status 2 and no output file.

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

use rand::rngs::SmallRng;
use rand::{Rng, RngCore, SeedableRng};

use crate::support::*;

/// espsecure, installed beside esptool (which installs the environment when needed).
/// One comparison: a chip, a key length, and on the ESP32 a FLASH_CRYPT_CONF.
#[derive(Clone, Copy, Debug)]
struct Kind {
    chip: &'static str,
    key_len: usize,
    conf: Option<u8>,
}

const fn xts(chip: &'static str, key_len: usize) -> Kind {
    Kind {
        chip,
        key_len,
        conf: None,
    }
}

const fn esp32(key_len: usize, conf: Option<u8>) -> Kind {
    Kind {
        chip: "esp32",
        key_len,
        conf,
    }
}

/// Several cases of each scheme and key; each seed gives its own key, address and data.
const KINDS: [Kind; 14] = [
    xts("esp32c3", 32),
    xts("esp32c3", 32),
    xts("esp32c6", 32),
    xts("esp32h2", 32),
    xts("esp32c5", 32),
    xts("esp32c2", 16),
    xts("esp32s3", 64),
    xts("esp32s2", 64),
    xts("esp32p4", 64),
    esp32(32, None),
    esp32(32, Some(0x0)),
    esp32(32, Some(0x3)),
    esp32(32, Some(0x9)),
    esp32(24, Some(0xE)),
];

struct Case {
    kind: Kind,
    seed: u64,
    address: u32,
    key: Vec<u8>,
    data: Vec<u8>,
}

impl Case {
    fn new(kind: Kind, seed: u64) -> Case {
        let mut rng = SmallRng::seed_from_u64(seed);
        let block = if kind.chip == "esp32" { 32 } else { 16 };
        // Anywhere in 16 MiB, and anything from one block to a few data units, so that
        // starts and ends fall inside 128-byte units and 32-byte blocks alike.
        let address = rng.random_range(0..0x100_0000 / block) * block;
        let len = rng.random_range(1..=96) * block as usize;
        let mut key = vec![0; kind.key_len];
        rng.fill_bytes(&mut key);
        let mut data = vec![0; len];
        rng.fill_bytes(&mut data);
        Case {
            kind,
            seed,
            address,
            key,
            data,
        }
    }

    fn describe(&self) -> String {
        format!(
            "seed {} {:?}: {} bytes at 0x{:X}",
            self.seed,
            self.kind,
            self.data.len(),
            self.address
        )
    }
}

fn ran_ok(out: &Output, what: &str) {
    assert!(
        out.status.success(),
        "{what} failed: {:?}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Runs espsecure's `encrypt-flash-data` or `decrypt-flash-data` on `input`.
fn by_espsecure(case: &Case, key: &Path, input: &Path, output: &Path, encrypt: bool) -> Vec<u8> {
    let mut c = espsecure();
    c.arg(if encrypt {
        "encrypt-flash-data"
    } else {
        "decrypt-flash-data"
    })
    .arg("--keyfile")
    .arg(key)
    .args(["--address", &format!("0x{:X}", case.address)])
    .arg("--output")
    .arg(output);
    match case.kind.conf {
        _ if case.kind.chip != "esp32" => {
            c.arg("--aes-xts");
        }
        Some(conf) => {
            c.args(["--flash-crypt-conf", &format!("0x{conf:X}")]);
        }
        None => {}
    }
    c.arg(input);
    ran_ok(&run(c, Duration::from_secs(120)), "espsecure");
    std::fs::read(output).unwrap()
}

/// Runs espflow's `encrypt-image` or `decrypt-image` on `input`.
fn by_espflow(case: &Case, key: &Path, input: &Path, output: &Path, encrypt: bool) -> Vec<u8> {
    let mut c = espflow();
    c.arg(if encrypt {
        "encrypt-image"
    } else {
        "decrypt-image"
    })
    .args(["--chip", case.kind.chip])
    .arg("--key")
    .arg(key)
    .args(["--address", &format!("0x{:X}", case.address)]);
    if let Some(conf) = case.kind.conf {
        c.args(["--flash-crypt-conf", &format!("{conf}")]);
    }
    c.arg(input).arg(output);
    ran_ok(&run(c, Duration::from_secs(60)), "espflow");
    std::fs::read(output).unwrap()
}

fn compare(case: &Case, dir: &Path) {
    let at = |name: &str| dir.join(format!("{}-{name}", case.seed));
    let (key, plain) = (at("key.bin"), at("plain.bin"));
    std::fs::write(&key, &case.key).unwrap();
    std::fs::write(&plain, &case.data).unwrap();

    let theirs = by_espsecure(case, &key, &plain, &at("theirs.bin"), true);
    let ours = by_espflow(case, &key, &plain, &at("ours.bin"), true);
    assert_eq!(ours.len(), case.data.len(), "{}", case.describe());
    assert!(
        ours != case.data,
        "{}: output is the plaintext",
        case.describe()
    );
    assert!(
        ours == theirs,
        "{}: encrypt-image differs from espsecure from byte {:?}",
        case.describe(),
        ours.iter().zip(&theirs).position(|(a, b)| a != b)
    );
    let back = by_espflow(case, &key, &at("ours.bin"), &at("back.bin"), false);
    assert!(
        back == case.data,
        "{}: decrypt-image does not invert it",
        case.describe()
    );

    // Decryption of data that was never encrypted here (the plaintext, read as if from
    // flash) must agree too, so that decrypt-image is not only checked against itself.
    let theirs = by_espsecure(case, &key, &plain, &at("theirs-dec.bin"), false);
    let ours = by_espflow(case, &key, &plain, &at("ours-dec.bin"), false);
    assert!(
        ours == theirs,
        "{}: decrypt-image differs from espsecure",
        case.describe()
    );
}

#[test]
fn encrypt_image_is_espsecure_byte_for_byte_and_decrypt_image_inverts_it() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<Case> = KINDS
        .iter()
        .enumerate()
        .map(|(i, k)| Case::new(*k, 0xE0C0 + i as u64))
        .collect();
    // espsecure starts slowly; two at a time keep the run short on two cores.
    std::thread::scope(|s| {
        for half in cases.chunks(cases.len().div_ceil(2)) {
            let dir = dir.path();
            s.spawn(move || half.iter().for_each(|c| compare(c, dir)));
        }
    });
}

/// A directory with a 32-byte key, 4 KiB of data and an ESP32-sized key beside it.
struct Files {
    dir: tempfile::TempDir,
}

impl Files {
    fn new() -> Files {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("key.bin"), random_bytes(32, 1)).unwrap();
        std::fs::write(dir.path().join("in.bin"), random_bytes(4096, 2)).unwrap();
        Files { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn file(&self, name: &str, data: &[u8]) -> String {
        std::fs::write(self.path(name), data).unwrap();
        self.path(name).display().to_string()
    }

    fn s(&self, name: &str) -> String {
        self.path(name).display().to_string()
    }
}

/// Runs espflow and expects exit status 2 with one line on stderr that contains `says`.
fn refused(args: &[&str], says: &str) -> String {
    let mut c = espflow();
    c.args(args);
    let out = run(c, Duration::from_secs(60));
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert_eq!(
        stderr.lines().count(),
        1,
        "{args:?}: not one line: {stderr}"
    );
    assert!(stderr.starts_with("error: "), "{args:?}: {stderr}");
    assert!(
        stderr.contains(says),
        "{args:?}: {stderr:?} does not say {says:?}"
    );
    stderr
}

fn encrypt_args<'a>(
    chip: &'a str,
    key: &'a str,
    addr: &'a str,
    input: &'a str,
    out: &'a str,
) -> Vec<&'a str> {
    vec![
        "encrypt-image",
        "--chip",
        chip,
        "--key",
        key,
        "--address",
        addr,
        input,
        out,
    ]
}

#[test]
fn bad_keys_addresses_lengths_and_chips_are_one_line_and_status_two() {
    let f = Files::new();
    let (key, input, out) = (f.s("key.bin"), f.s("in.bin"), f.s("out.bin"));
    let short_key = f.file("short.bin", &[7; 31]);
    let key64 = f.file("key64.bin", &[7; 64]);
    let key16 = f.file("key16.bin", &[7; 16]);
    let odd = f.file("odd.bin", &[1; 40]);
    let half_block = f.file("half.bin", &[1; 48]);
    let empty = f.file("empty.bin", &[]);

    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            encrypt_args("esp32c3", &short_key, "0x10000", &input, &out),
            "a 31-byte key does not fit the ESP32-C3, which takes 32 bytes",
        ),
        (
            encrypt_args("esp32c3", &key64, "0x10000", &input, &out),
            "a 64-byte key does not fit the ESP32-C3",
        ),
        (
            encrypt_args("esp32", &key16, "0x10000", &input, &out),
            "a 16-byte key does not fit the ESP32, which takes 32 bytes (AES-256), or 24",
        ),
        (
            encrypt_args("esp32c3", "/dev/zero", "0x10000", &input, &out),
            "/dev/zero is a character device",
        ),
        (
            encrypt_args("esp32c3", &key, "0x10008", &input, &out),
            "address 0x10008 is not a multiple of 16",
        ),
        (
            encrypt_args("esp32", &key, "0x10010", &input, &out),
            "address 0x10010 is not a multiple of 32: the ESP32 encrypts flash in 32-byte blocks",
        ),
        (
            encrypt_args("esp32c6", &key, "0x10000", &odd, &out),
            "40 bytes is not a multiple of 16",
        ),
        (
            encrypt_args("esp32", &key, "0x10000", &half_block, &out),
            "48 bytes is not a multiple of 32",
        ),
        (
            encrypt_args("esp32c3", &key, "0x10000", &empty, &out),
            "the data is empty",
        ),
        (
            encrypt_args("esp32c3", &key, "0xFFFFFF00", &input, &out),
            "reach past the 32-bit flash address space",
        ),
        (
            encrypt_args("esp8266", &key, "0x10000", &input, &out),
            "unknown chip 'esp8266'",
        ),
        (
            [
                encrypt_args("esp32", &key, "0x10000", &input, &out),
                vec!["--aes-xts"],
            ]
            .concat(),
            "--aes-xts does not apply to the ESP32",
        ),
        (
            [
                encrypt_args("esp32c3", &key, "0x10000", &input, &out),
                vec!["--flash-crypt-conf", "0xF"],
            ]
            .concat(),
            "FLASH_CRYPT_CONF is an ESP32 eFuse",
        ),
        (
            [
                encrypt_args("esp32", &key, "0x10000", &input, &out),
                vec!["--flash-crypt-conf", "0x10"],
            ]
            .concat(),
            "FLASH_CRYPT_CONF 0x10 is not a 4-bit eFuse value",
        ),
        (
            [
                encrypt_args("esp32c3", &key, "0x10000", &input, &out),
                vec!["--port", "/dev/ttyUSB0"],
            ]
            .concat(),
            "-image works on files and opens no port: --port does not apply",
        ),
        (
            [
                encrypt_args("esp32c3", &key, "0x10000", &input, &out),
                vec!["--no-stub"],
            ]
            .concat(),
            "opens no port: --no-stub does not apply",
        ),
    ];
    for (args, says) in &cases {
        refused(args, says);
        // The same through decrypt-image, which checks alike.
        let mut dec = args.clone();
        dec[0] = "decrypt-image";
        refused(&dec, says);
        assert!(!f.path("out.bin").exists(), "{args:?} left an output file");
    }
    let leftovers: Vec<_> = std::fs::read_dir(f.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".part"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "part files left behind: {leftovers:?}"
    );
}

#[test]
fn the_output_is_checked_before_anything_is_read_and_replaced_only_when_complete() {
    let f = Files::new();
    let (key, input) = (f.s("key.bin"), f.s("in.bin"));
    // Neither the key nor the input exists: the output's problem is the one reported.
    let missing_dir = f.s("no/such/dir/out.bin");
    refused(
        &encrypt_args(
            "esp32c3",
            &f.s("none.key"),
            "0x10000",
            &f.s("none.bin"),
            &missing_dir,
        ),
        &format!("cannot write {missing_dir}"),
    );
    // Writing over the input or the key would destroy it.
    refused(
        &encrypt_args("esp32c3", &key, "0x10000", &input, &input),
        "is the input; write the result to another file",
    );
    refused(
        &encrypt_args("esp32c3", &key, "0x10000", &input, &key),
        "is the key file",
    );
    assert_eq!(std::fs::read(&key).unwrap(), random_bytes(32, 1));
    assert_eq!(std::fs::read(&input).unwrap(), random_bytes(4096, 2));

    // A failed run leaves an existing output as it was.
    let out = f.file("out.bin", b"previous");
    let short_key = f.file("short.bin", &[7; 31]);
    refused(
        &encrypt_args("esp32c3", &short_key, "0x10000", &input, &out),
        "31-byte key",
    );
    assert_eq!(std::fs::read(&out).unwrap(), b"previous");

    // espsecure's spelling of the options works too, and a successful run replaces it; a
    // port in the environment is no business of a command that opens none.
    let mut c = espflow();
    c.env("ESPFLOW_PORT", "/dev/ttyUSB0");
    c.args([
        "encrypt-image",
        "-c",
        "esp32c3",
        "--keyfile",
        &key,
        "-a",
        "0x10000",
        "-o",
        &out,
        &input,
    ]);
    let done = run(c, Duration::from_secs(60));
    ran_ok(&done, "encrypt-image with espsecure's option names");
    let stderr = String::from_utf8_lossy(&done.stderr);
    assert!(
        stderr.contains("encrypted 4096 bytes") && stderr.contains("XTS-AES-128"),
        "{stderr}"
    );
    let encrypted = std::fs::read(&out).unwrap();
    assert_eq!(encrypted.len(), 4096);
    assert_ne!(encrypted, random_bytes(4096, 2));
}
