//! Every chip family the virtual chip models, served by `espflow virtual-chip --chip CHIP`
//! and driven by the espflow binary over TCP: without `--chip`, detection names the chip
//! from what its ROM reports; the ROM path (`--no-stub`) writes and verifies; and espflow's
//! stub for the chip, where espflow has one, is uploaded, recognised by the chip and run on
//! the stub core (board-info says so; write, verify, read back and MD5 go through it, with
//! no cache fault). A chip espflow has no stub image for keeps its ROM loader. The same
//! family is also what `--chip` makes of a `virtual:` port; esptool 5.6 `--no-stub` names
//! each chip, its revision and MAC as espflow does, and writes through its own stub.

use espflow::chip::Chip;
use espflow::stub::elf_for;
use espflow::virtual_chip::profile::profile;
use md5::{Digest, Md5};

use crate::support::trials::summary_field;
use crate::support::*;

/// The chip's `--chip` value: its name in lower case without the dash.
fn arg(chip: Chip) -> String {
    chip.name().to_lowercase().replace('-', "")
}

fn json_str<'a>(json: &'a str, key: &str) -> Option<&'a str> {
    let at = json.find(&format!("\"{key}\":\""))? + key.len() + 4;
    json[at..].split('"').next()
}

fn check(chip: Chip) {
    let p = profile(chip).expect("a modelled chip");
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("flash.bin");
    let served = serve_chip(&arg(chip), &flash, &[]);
    let port = served.port.as_str();

    // Detection, on the ROM: nothing but what the chip reports names it.
    let info = ok(&espflow_on(
        port,
        &["--no-stub", "--format", "json", "board-info"],
    ));
    assert_eq!(json_str(&info, "chip"), Some(chip.name()), "{info}");
    assert_eq!(json_str(&info, "loader"), Some("rom"), "{info}");
    assert!(
        info.contains(&format!("\"flash_size\":{}", p.flash_size)),
        "{info}"
    );
    let revision = match chip.facts().revision {
        Some(_) => format!("\"revision\":[{},{}]", p.revision.0, p.revision.1),
        None => "\"revision\":null".to_string(),
    };
    assert!(info.contains(&revision), "{info}");
    let mac = espflow::virtual_chip::Efuses::for_image(&flash).mac;
    let mac: Vec<String> = mac.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(
        json_str(&info, "mac"),
        Some(mac.join(":").as_str()),
        "{info}"
    );

    // The ROM path.
    let rom_image = random_bytes(64 * 1024, 1 + chip as u64);
    let path = dir.path().join("rom.bin");
    std::fs::write(&path, &rom_image).unwrap();
    let out = ok(&espflow_on(
        port,
        &[
            "--no-stub",
            "--format",
            "json",
            "write-flash",
            "0x10000",
            path.to_str().unwrap(),
        ],
    ));
    assert_eq!(summary_field(&out, "verified"), Some(1), "{out}");
    let disk = std::fs::read(&flash).unwrap();
    assert!(disk[0x10000..0x20000] == rom_image[..], "ROM write differs");

    // espflow's stub, where there is one for the chip.
    let has_stub = elf_for(chip).is_some();
    let stub = ["--experimental-stub"];
    let text = espflow_on(port, &[&stub[..], &["board-info"]].concat());
    let said = ok(&text);
    if has_stub {
        assert!(said.contains("Loader:       espflow stub"), "{said}");
    } else {
        assert!(said.contains("Loader:       ROM"), "{said}");
        let err = String::from_utf8_lossy(&text.stderr);
        assert!(err.contains("no stub for the"), "{err}");
    }

    let image = random_bytes(64 * 1024, 100 + chip as u64);
    std::fs::write(&path, &image).unwrap();
    let addr = "0x30000";
    let out = ok(&espflow_on(
        port,
        &[
            &stub[..],
            &[
                "--format",
                "json",
                "write-flash",
                addr,
                path.to_str().unwrap(),
            ],
        ]
        .concat(),
    ));
    assert_eq!(summary_field(&out, "verified"), Some(1), "{out}");
    let back = dir.path().join("back.bin");
    ok(&espflow_on(
        port,
        &[
            &stub[..],
            &["read-flash", addr, "65536", back.to_str().unwrap()],
        ]
        .concat(),
    ));
    assert!(std::fs::read(&back).unwrap() == image, "read-back differs");
    let sum = ok(&espflow_on(
        port,
        &[&stub[..], &["checksum-md5", addr, "65536"]].concat(),
    ));
    let want: String = Md5::digest(&image)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(sum.trim(), want);
    let disk = std::fs::read(&flash).unwrap();
    assert!(
        disk[0x10000..0x20000] == rom_image[..],
        "the first image changed"
    );

    // Sessions: detection, ROM write, then board-info, write, read and MD5 on the stub.
    let sessions = served.sessions(6);
    assert_eq!(sessions.len(), 6, "{sessions:?}");
    for s in &sessions[2..] {
        let loader = if has_stub { "espflow-stub" } else { "rom" };
        assert!(s.contains(&format!("loader={loader}")), "{chip}: {s}");
        assert_eq!(field(s, "cache_faults"), Some(0), "{chip}: {s}");
    }
    if has_stub {
        assert_eq!(
            field(&sessions[3], "stub_uploads"),
            Some(1),
            "{}",
            sessions[3]
        );
    }

    // The same family in this process, by `--chip` on a `virtual:` port, its new flash
    // the family's usual size.
    let own = dir.path().join("in-process.bin");
    let info = ok(&espflow_on(
        &format!("virtual:{}", own.display()),
        &["--chip", &arg(chip), "--format", "json", "board-info"],
    ));
    assert_eq!(json_str(&info, "chip"), Some(chip.name()), "{info}");
    let len = std::fs::metadata(&own).unwrap().len();
    assert_eq!(len, u64::from(p.flash_size), "{chip}");

    // esptool 5.6, the reference host, finds the same chip, revision and MAC on its own
    // ROM path.
    let mut c = esptool();
    c.current_dir(dir.path())
        .args(["--port", port, "--no-stub", "read-mac"]);
    let said = ok(&run(c, std::time::Duration::from_secs(120)));
    let named = format!("Detecting chip type... {}", chip.name());
    assert!(said.contains(&named), "{said}");
    if chip.facts().revision.is_some() {
        let rev = format!("(revision v{}.{})", p.revision.0, p.revision.1);
        assert!(said.contains(&rev), "{said}");
    }
    assert!(said.contains(&mac.join(":")), "{said}");

    // And with its own stub, which the virtual chip runs as a stub it does not know.
    let theirs = random_bytes(64 * 1024, 200 + chip as u64);
    std::fs::write(dir.path().join("theirs.bin"), &theirs).unwrap();
    let mut c = esptool();
    c.current_dir(dir.path())
        .args(["--port", port, "write-flash", "0x50000", "theirs.bin"]);
    let said = ok(&run(c, std::time::Duration::from_secs(120)));
    assert!(said.contains("Hash of data verified"), "{said}");
    let disk = std::fs::read(&flash).unwrap();
    assert!(
        disk[0x50000..0x60000] == theirs[..],
        "esptool's write differs"
    );
    let last = served.sessions(8).pop().unwrap_or_default();
    assert!(last.contains("loader=generic-stub"), "{chip}: {last}");
}

#[test]
fn esp32() {
    check(Chip::Esp32);
}

#[test]
fn esp32s2() {
    check(Chip::Esp32s2);
}

#[test]
fn esp32s3() {
    check(Chip::Esp32s3);
}

#[test]
fn esp32c2() {
    check(Chip::Esp32c2);
}

#[test]
fn esp32c3() {
    check(Chip::Esp32c3);
}

#[test]
fn esp32c5() {
    check(Chip::Esp32c5);
}

#[test]
fn esp32c6() {
    check(Chip::Esp32c6);
}

#[test]
fn esp32h2() {
    check(Chip::Esp32h2);
}

/// A chip the virtual chip does not model is refused in one line naming the ones it
/// does, before the flash file is created.
#[test]
fn an_unmodelled_chip_is_refused_before_anything_is_made() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("flash.bin");
    let mut c = espflow();
    c.args(["virtual-chip", "--chip", "esp32p4", "--flash"])
        .arg(&flash);
    let out = run(c, std::time::Duration::from_secs(30));
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("not the ESP32-P4"), "{err}");
    assert!(
        err.contains("ESP32-S3") && err.contains("ESP32-H2"),
        "{err}"
    );
    assert!(!flash.exists(), "the flash file was created");
}

/// Every chip but the P4 is modelled, each by its own profile.
#[test]
fn every_modelled_chip_is_checked_here() {
    let modelled: Vec<Chip> = Chip::ALL
        .into_iter()
        .filter(|c| espflow::virtual_chip::models(*c))
        .collect();
    assert_eq!(modelled.len(), 8);
    assert!(!espflow::virtual_chip::models(Chip::Esp32p4));
}
