//! espflow's own stub. The committed images: each ELF keeps every allocated section where
//! the chip's ROM loader lets a stub live, and what the host uploads is exactly the ELF's
//! loadable bytes. Against a served virtual chip: the chip must recognise the stub and run
//! the real stub core, writes must go compressed and verified, and no SPI1 operation may
//! ever run with the flash cache enabled.

use espflow::chip::Chip;
use espflow::stub::{StubImage, allocated_sections, check_placement, elf_for};

use crate::support::*;

#[test]
fn every_stub_elf_is_placed_in_ram() {
    let mut checked = 0;
    for chip in Chip::ALL {
        let Some(elf) = elf_for(chip) else { continue };
        let sections = allocated_sections(elf).unwrap();
        assert!(sections.iter().any(|s| s.exec), "{chip}: no code section");
        check_placement(chip, &sections).unwrap_or_else(|e| panic!("{e}"));
        let img = StubImage::for_chip(chip).unwrap();
        let text = sections.iter().find(|s| s.exec).unwrap();
        assert!(
            (text.addr..text.addr + text.size).contains(&img.entry),
            "{chip}: entry 0x{:X} is not in the code",
            img.entry
        );
        let uploaded: u32 = sections.iter().filter(|s| s.uploaded).map(|s| s.size).sum();
        let segs: usize = img.segments.iter().map(|s| s.data.len()).sum();
        assert_eq!(
            uploaded as usize, segs,
            "{chip}: segments and sections disagree"
        );
        checked += 1;
    }
    assert_eq!(
        checked, 8,
        "every RISC-V chip and the ESP32, S2 and S3 have a stub image"
    );
}

fn mixed_image() -> Vec<u8> {
    let mut img = random_bytes(512 * 1024, 21);
    img.extend(vec![0u8; 512 * 1024]);
    img
}

#[test]
fn mixed_image_goes_through_the_stub_core_compressed() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    let served = serve(&flash, &[]);
    let img = mixed_image();
    let path = dir.path().join("mixed.bin");
    std::fs::write(&path, &img).unwrap();

    let out = espflow_on(
        &served.port,
        &["write-flash", "0x10000", path.to_str().unwrap()],
    );
    ok(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let wire: u64 = stderr
        .split("bytes (")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no wire figure in: {stderr}"));
    assert!(stderr.contains("verified"), "{stderr}");
    assert!(
        wire < img.len() as u64 * 6 / 10,
        "{wire} bytes on the wire for {} bytes: not compressed",
        img.len()
    );

    let s = served.sessions(1);
    let s = s.last().expect("a session summary");
    assert!(s.contains("loader=espflow-stub"), "{s}");
    assert_eq!(field(s, "stub_uploads"), Some(1), "{s}");
    assert_eq!(field(s, "cache_faults"), Some(0), "{s}");
    // Fresh flash is erased: every sector is programmed, none needs an erase.
    assert_eq!(field(s, "sectors_programmed"), Some(256), "{s}");
    assert_eq!(field(s, "sectors_erased"), Some(0), "{s}");

    let disk = std::fs::read(&flash).unwrap();
    let mut expect = erased(FLASH_4M);
    expect[0x10000..0x10000 + img.len()].copy_from_slice(&img);
    assert!(disk == expect, "flash file differs from the image");
}

#[test]
fn rewrite_erases_only_what_changed_and_keeps_neighbours() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    let mut before = random_bytes(FLASH_4M, 5);
    before[0x20000..0x30000].fill(0xFF);
    std::fs::write(&flash, &before).unwrap();
    let served = serve(&flash, &[]);

    // 9 KiB starting 0x100 into a sector whose head and tail hold data, mostly the old
    // bytes. With --no-skip the host sends all of it, and the stub itself leaves the
    // sectors that already match alone.
    let mut img = before[0x40100..0x40100 + 9 * 1024].to_vec();
    img[5000..6000].fill(0x11);
    let path = dir.path().join("img.bin");
    std::fs::write(&path, &img).unwrap();
    ok(&espflow_on(
        &served.port,
        &[
            "write-flash",
            "--no-skip",
            "0x40100",
            path.to_str().unwrap(),
        ],
    ));
    let s = served.sessions(1).pop().unwrap();
    assert_eq!(field(&s, "sectors_skipped"), Some(2), "{s}");
    assert_eq!(field(&s, "sectors_erased"), Some(1), "{s}");
    assert_eq!(field(&s, "cache_faults"), Some(0), "{s}");
    let mut expect = before.clone();
    expect[0x40100..0x40100 + img.len()].copy_from_slice(&img);
    assert!(
        std::fs::read(&flash).unwrap() == expect,
        "bytes outside the image changed"
    );

    // Into erased flash, a write needs no erase at all.
    ok(&espflow_on(
        &served.port,
        &["write-flash", "0x20000", path.to_str().unwrap()],
    ));
    let s = served.sessions(2).pop().unwrap();
    assert_eq!(field(&s, "sectors_erased"), Some(0), "{s}");
    assert_eq!(field(&s, "sectors_programmed"), Some(3), "{s}");
}

#[test]
fn stub_reads_erases_and_checksums() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    let before = random_bytes(FLASH_4M, 8);
    std::fs::write(&flash, &before).unwrap();
    let served = serve(&flash, &[]);
    let info = ok(&espflow_on(&served.port, &["board-info"]));
    assert!(info.contains("Loader:       espflow stub"), "{info}");

    let out = dir.path().join("out.bin");
    ok(&espflow_on(
        &served.port,
        &["read-flash", "0x1234", "100001", out.to_str().unwrap()],
    ));
    assert_eq!(
        std::fs::read(&out).unwrap(),
        &before[0x1234..0x1234 + 100001]
    );

    let sum = ok(&espflow_on(
        &served.port,
        &["checksum-md5", "0x1234", "100001"],
    ));
    use md5::Digest;
    let want: String = md5::Md5::digest(&before[0x1234..0x1234 + 100001])
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(sum.trim(), want);

    ok(&espflow_on(
        &served.port,
        &["erase-region", "0x8000", "0x18000"],
    ));
    let mut expect = before.clone();
    expect[0x8000..0x20000].fill(0xFF);
    assert!(
        std::fs::read(&flash).unwrap() == expect,
        "erase-region touched other bytes"
    );
    for s in served.sessions(4) {
        assert!(s.contains("loader=espflow-stub"), "{s}");
        assert_eq!(field(&s, "cache_faults"), Some(0), "{s}");
    }
}
