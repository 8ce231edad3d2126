//! ELF files and ESP-IDF builds: `flash` of the committed ESP32-C3 app ELF onto a virtual
//! chip served over TCP writes the bundled bootloader, a partition table and an app image
//! that stock esptool accepts, with every loadable ELF section at its address; `save-image`
//! makes the same images without a chip; `flash --idf-build` and `write-flash @flash_args`
//! write an ESP-IDF build directory with its flash settings patched into the bootloader;
//! files that are not app images are kept out of app partitions, and an ELF out of
//! write-flash, with the flash unchanged.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use object::{Object as _, ObjectSection as _, SectionKind};

use crate::support::trials::summary_field;
use crate::support::*;

const LIMIT: Duration = Duration::from_secs(120);
const APP: usize = 0x10000;

fn app_elf() -> PathBuf {
    fixture("app/app.elf")
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A command against `port` whose journals stay in `state`.
fn on(port: &str, state: &Path, args: &[&str]) -> Command {
    let mut c = espflow();
    c.env("ESPFLOW_STATE_DIR", state)
        .args(["--port", port])
        .args(args);
    c
}

fn failed(out: &Output, status: i32, says: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(status), "stderr: {err}");
    assert!(err.contains(says), "stderr does not say {says:?}: {err}");
    assert_eq!(err.trim().lines().count(), 1, "not one line: {err}");
}

/// `esptool image-info` of `file`, which must succeed.
fn esptool_info(file: &Path) -> String {
    let out = run(
        {
            let mut c = esptool();
            c.args(["--chip", "esp32c3", "image-info"]).arg(file);
            c
        },
        LIMIT,
    );
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "esptool image-info failed: {text}");
    text
}

/// esptool's segment table: (load address, length, offset of the data in the file).
fn esptool_segments(info: &str) -> Vec<(u32, u32, u32)> {
    let hex = |w: &str| u32::from_str_radix(w.trim_start_matches("0x"), 16).unwrap();
    info.lines()
        .skip_while(|l| !l.starts_with("-------"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .map(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            // esptool's file offset is that of the segment's 8-byte header.
            (hex(w[2]), hex(w[1]), hex(w[3]) + 8)
        })
        .collect()
}

/// Checks that esptool calls `image` valid, and that each loadable section of the ELF is
/// in one of its segments at the section's address, with the section's bytes (the app
/// descriptor's ELF hash excepted: the converter fills it in).
fn check_app_image(image: &[u8], dir: &Path) {
    let file = dir.join("app-image.bin");
    std::fs::write(&file, image).unwrap();
    let info = esptool_info(&file);
    assert!(info.contains("Chip ID: 5 (ESP32-C3)"), "{info}");
    assert!(
        info.contains("(valid)") && !info.contains("invalid"),
        "{info}"
    );
    assert!(info.contains("Project name: espflow-test-app"), "{info}");
    let segments = esptool_segments(&info);
    assert!(segments.len() >= 4, "{info}");
    let elf_bytes = std::fs::read(app_elf()).unwrap();
    let elf = object::File::parse(&*elf_bytes).unwrap();
    let mut checked = 0;
    for sec in elf.sections() {
        let kind = sec.kind();
        let loadable = matches!(
            kind,
            SectionKind::Text | SectionKind::Data | SectionKind::ReadOnlyData
        );
        if !loadable || sec.size() == 0 || sec.address() == 0 {
            continue;
        }
        let (addr, data) = (sec.address() as u32, sec.data().unwrap());
        let name = sec.name().unwrap();
        let (seg_addr, _, off) = *segments
            .iter()
            .find(|(a, len, _)| *a <= addr && addr + data.len() as u32 <= a + len)
            .unwrap_or_else(|| panic!("no segment holds {name} at 0x{addr:08X}: {info}"));
        let at = (off + addr - seg_addr) as usize;
        let got = &image[at..at + data.len()];
        if name == ".flash.appdesc" {
            // Everything but the 32-byte ELF hash at 0x90.
            assert_eq!(&got[..0x90], &data[..0x90], "{name}");
            assert_eq!(&got[0xB0..], &data[0xB0..], "{name}");
        } else {
            assert_eq!(got, data, "{name} at 0x{addr:08X}");
        }
        checked += 1;
    }
    assert_eq!(checked, 5, "the ELF's loadable sections");
}

#[test]
fn flash_of_an_elf_writes_bootloader_table_and_an_app_esptool_accepts() {
    let dir = tempfile::tempdir().unwrap();
    let (flash, state) = (dir.path().join("f.bin"), dir.path().join("state"));
    let served = serve(&flash, &[]);
    let port = served.port.clone();
    let elf = app_elf();
    let args = [
        "--format",
        "json",
        "flash",
        s(&elf),
        "--flash-mode",
        "qio",
        "--flash-freq",
        "80m",
        "--flash-size",
        "2MB",
    ];
    let out = ok(&run(on(&port, &state, &args), LIMIT));
    assert_eq!(summary_field(&out, "verified"), Some(1), "{out}");
    let disk = std::fs::read(&flash).unwrap();

    // The bootloader: the header says what was asked, and its hash still holds.
    let boot_end = disk[..0x8000].iter().rposition(|b| *b != 0xFF).unwrap() + 1;
    let boot = dir.path().join("boot.bin");
    std::fs::write(&boot, &disk[..boot_end]).unwrap();
    let info = esptool_info(&boot);
    assert!(info.contains("Flash size: 2MB"), "{info}");
    assert!(info.contains("Flash freq: 80m"), "{info}");
    // The bundled QIO bootloader: the ROM boots it in dual mode, so its own header says
    // DIO (as ESP-IDF's does); the app's says QIO.
    assert!(info.contains("Flash mode: DIO"), "{info}");
    assert!(
        info.contains("Validation hash:") && info.contains("(valid)"),
        "{info}"
    );
    assert!(!info.contains("invalid"), "{info}");

    // The default table: a factory app at 0x10000, which espflow itself reads back.
    assert_eq!(&disk[0x8000..0x8002], &[0xAA, 0x50]);
    let table = ok(&run(on(&port, &state, &["partition-table", "show"]), LIMIT));
    assert!(table.contains("factory"), "{table}");

    // The app: same flash settings as the bootloader, every section in place.
    let app_len = disk[APP..].iter().rposition(|b| *b != 0xFF).unwrap() + 1;
    let app = &disk[APP..APP + app_len + 32];
    check_app_image(app, dir.path());
    assert_eq!(
        (app[2], app[3]),
        (0, 0x1F),
        "the app's header follows the bootloader's"
    );

    // A second run finds everything in place and sends nothing.
    let again = ok(&run(on(&port, &state, &args), LIMIT));
    assert_eq!(summary_field(&again, "bytes_sent"), Some(0), "{again}");
    assert_eq!(std::fs::read(&flash).unwrap(), disk);
}

#[test]
fn save_image_makes_the_flashed_images_without_a_chip() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    let port = format!("virtual:{}", flash.display());
    let state = dir.path().join("state");
    ok(&run(on(&port, &state, &["flash", s(&app_elf())]), LIMIT));
    let disk = std::fs::read(&flash).unwrap();

    let (app, merged) = (dir.path().join("app.bin"), dir.path().join("merged.bin"));
    let save = |args: &[&str]| {
        let mut c = espflow();
        c.args(["save-image", "--chip", "esp32c3", "--flash-size", "4MB"])
            .args(args);
        ok(&run(c, LIMIT))
    };
    save(&[s(&app_elf()), s(&app)]);
    save(&["--merge", s(&app_elf()), s(&merged)]);
    let app = std::fs::read(&app).unwrap();
    let merged = std::fs::read(&merged).unwrap();
    check_app_image(&app, dir.path());
    // The virtual chip's flash is 4 MiB, which `flash` wrote into the header too.
    assert_eq!(&disk[APP..APP + app.len()], &app[..]);
    assert_eq!(merged.len(), APP + app.len());
    assert_eq!(&disk[..merged.len()], &merged[..]);

    // espflow's own image-info agrees with esptool, in text and JSON.
    let info = ok(&run(
        {
            let mut c = espflow();
            c.args(["--format", "json", "image-info"])
                .arg(dir.path().join("app.bin"));
            c
        },
        LIMIT,
    ));
    let v: serde_json::Value = serde_json::from_str(info.trim()).unwrap();
    assert_eq!(v["event"], "image_info");
    assert_eq!(v["chip"], "ESP32-C3");
    assert_eq!(v["entry"], 0x4038_0000u32);
    assert_eq!(v["app"]["project_name"], "espflow-test-app");
    assert_eq!(v["checksum"], v["checksum_computed"]);
    assert_eq!(v["sha256"], v["sha256_computed"]);
    let esptool_says = esptool_info(&dir.path().join("app.bin"));
    assert_eq!(
        esptool_segments(&esptool_says).len(),
        v["segments"].as_array().unwrap().len()
    );
    // Without --chip there is nothing to build for.
    let mut c = espflow();
    c.args(["save-image", s(&app_elf()), s(&dir.path().join("x.bin"))]);
    failed(&run(c, LIMIT), 2, "give --chip");
}

#[test]
fn what_is_not_an_app_image_stays_out_of_app_partitions() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    let port = format!("virtual:{}", flash.display());
    let state = dir.path().join("state");
    let table = fixture("partition-tables/stock_two_ota.csv");
    ok(&run(
        on(
            &port,
            &state,
            &["flash", s(&app_elf()), "--partition-table", s(&table)],
        ),
        LIMIT,
    ));
    let before = std::fs::read(&flash).unwrap();
    let random = dir.path().join("random.bin");
    std::fs::write(&random, random_bytes(300_000, 12)).unwrap();
    let out = run(
        on(&port, &state, &["ota", "write", s(&random), "--activate"]),
        LIMIT,
    );
    failed(&out, 2, "random.bin is not an app image");
    assert!(
        std::fs::read(&flash).unwrap() == before,
        "the flash changed"
    );
    let out = run(
        on(&port, &state, &["write-partition", "ota_1", s(&random)]),
        LIMIT,
    );
    failed(&out, 2, "--force");
    let out = run(on(&port, &state, &["ota", "write", s(&app_elf())]), LIMIT);
    failed(&out, 2, "is an ELF file");
    // An image for another chip is refused for that. (The C2 maps flash where the C3
    // does; the C6 does not, so the app cannot be made for it at all.)
    let mut other = espflow();
    let c2 = dir.path().join("c2.bin");
    other.args(["save-image", "--chip", "esp32c2", s(&app_elf()), s(&c2)]);
    ok(&run(other, LIMIT));
    let out = run(on(&port, &state, &["ota", "write", s(&c2)]), LIMIT);
    failed(&out, 2, "for the ESP32-C2, not the ESP32-C3");
    let mut c6 = espflow();
    c6.args([
        "save-image",
        "--chip",
        "esp32c6",
        s(&app_elf()),
        s(&dir.path().join("c6.bin")),
    ]);
    failed(&run(c6, LIMIT), 2, "not flash on the ESP32-C6");
    assert!(
        std::fs::read(&flash).unwrap() == before,
        "the flash changed"
    );

    // An ELF to write-flash is refused before the port is opened.
    let out = run(
        on(
            "socket://127.0.0.1:1",
            &state,
            &["write-flash", "0x10000", s(&app_elf())],
        ),
        LIMIT,
    );
    failed(&out, 2, "espflow flash");

    // A real app image goes in, and becomes the slot that boots.
    let app = dir.path().join("app.bin");
    let mut c = espflow();
    c.args(["save-image", "--chip", "esp32c3", s(&app_elf()), s(&app)]);
    ok(&run(c, LIMIT));
    ok(&run(
        on(&port, &state, &["ota", "write", s(&app), "--activate"]),
        LIMIT,
    ));
    let status = ok(&run(on(&port, &state, &["ota", "status"]), LIMIT));
    assert!(status.contains("boots:   ota_0"), "{status}");
    let disk = std::fs::read(&flash).unwrap();
    let app = std::fs::read(&app).unwrap();
    assert_eq!(&disk[0x11_0000..0x11_0000 + app.len()], &app[..]);
}

/// The ESP-IDF build fixture, copied so that a test may change it.
fn idf_build(dir: &Path) -> PathBuf {
    let src = fixture("idf-build");
    let dst = dir.join("build");
    for rel in [
        "flasher_args.json",
        "flash_args",
        "bootloader/bootloader.bin",
        "partition_table/partition-table.bin",
        "espflow-test-app.bin",
    ] {
        let to = dst.join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(src.join(rel), &to).unwrap();
    }
    dst
}

#[test]
fn an_esp_idf_build_directory_is_written_with_its_flash_settings() {
    let dir = tempfile::tempdir().unwrap();
    let build = idf_build(dir.path());
    let flash = dir.path().join("f.bin");
    let served = serve(&flash, &[]);
    let state = dir.path().join("state");
    let out = ok(&run(
        on(
            &served.port,
            &state,
            &["--format", "json", "flash", "--idf-build", s(&build)],
        ),
        LIMIT,
    ));
    assert_eq!(summary_field(&out, "verified"), Some(1), "{out}");
    let disk = std::fs::read(&flash).unwrap();
    let boot = std::fs::read(build.join("bootloader/bootloader.bin")).unwrap();
    let table = std::fs::read(build.join("partition_table/partition-table.bin")).unwrap();
    let app = std::fs::read(build.join("espflow-test-app.bin")).unwrap();
    assert_eq!(&disk[0x8000..0x8000 + table.len()], &table[..]);
    assert_eq!(&disk[APP..APP + app.len()], &app[..]);
    // flasher_args.json says dio, 80m, 2MB; the committed bootloader says 4MB, 40m: the
    // header is patched and its hash computed again, the rest is the file.
    assert_ne!(&disk[..4], &boot[..4]);
    assert_eq!(&disk[4..boot.len() - 32], &boot[4..boot.len() - 32]);
    let written = dir.path().join("boot.bin");
    std::fs::write(&written, &disk[..boot.len()]).unwrap();
    let info = esptool_info(&written);
    assert!(
        info.contains("Flash size: 2MB") && info.contains("Flash freq: 80m"),
        "{info}"
    );
    assert!(!info.contains("invalid"), "{info}");

    // The same build through esptool's argument file, onto a fresh flash.
    let flash2 = dir.path().join("g.bin");
    let port2 = format!("virtual:{}", flash2.display());
    let at = format!("@{}", build.join("flash_args").display());
    ok(&run(on(&port2, &state, &["write-flash", &at]), LIMIT));
    let disk2 = std::fs::read(&flash2).unwrap();
    assert_eq!(&disk2[..0x20000], &disk[..0x20000]);

    // A build that wants its files encrypted, onto a chip whose encryption is off, is
    // refused, and nothing is written.
    let json = build.join("flasher_args.json");
    let text = std::fs::read_to_string(&json).unwrap();
    std::fs::write(
        &json,
        text.replace("\"encrypted\" : \"false\"", "\"encrypted\" : \"true\""),
    )
    .unwrap();
    let before = std::fs::read(&flash).unwrap();
    let out = run(
        on(&served.port, &state, &["flash", "--idf-build", s(&build)]),
        LIMIT,
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(4), "stderr: {err}");
    let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("error:")).collect();
    assert_eq!(errors.len(), 1, "one error line: {err}");
    assert!(errors[0].contains("encryption off"), "{err}");
    assert!(
        std::fs::read(&flash).unwrap() == before,
        "the flash changed"
    );
    // A build for another chip is refused by the chip it names.
    std::fs::write(&json, text.replace("\"esp32c3\"", "\"esp32c6\"")).unwrap();
    let out = run(
        on(&served.port, &state, &["flash", "--idf-build", s(&build)]),
        LIMIT,
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::read(&flash).unwrap() == before,
        "the flash changed"
    );
}
