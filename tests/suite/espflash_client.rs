//! The `espflash` crate as a client of a served virtual chip on a pty: its `Flasher` with
//! its own stub writes (compressed and not), reads back, erases and hashes; with the ROM
//! loader alone it hashes and writes; the flash file must hold exactly what it wrote. espflash sends
//! the request forms real ROMs and stubs take but espflow does not use (a four-word
//! FLASH_DEFL_BEGIN to a stub, a four-word FLASH_BEGIN for its soft reset), so this is
//! where the chip is held to them.

use espflash::connection::{Connection, Port, ResetAfterOperation, ResetBeforeOperation};
use espflash::flasher::Flasher;
use espflash::target::{Chip, DefaultProgressCallback};
use md5::Digest as _;

use crate::support::*;

/// A connection over the served pty that neither resets nor toggles lines (a pty has
/// none to toggle): the chip is already in its loader.
fn connection(port: &str, after: ResetAfterOperation) -> Connection {
    let serial: Port = serialport::new(port, 115_200)
        .open_native()
        .expect("open the served pty");
    let info = serialport::UsbPortInfo {
        vid: 0,
        pid: 0,
        serial_number: None,
        manufacturer: None,
        product: None,
    };
    Connection::new(serial, info, after, ResetBeforeOperation::NoReset, 115_200)
}

fn flasher(port: &str, stub: bool, after: ResetAfterOperation) -> Flasher {
    Flasher::connect(
        connection(port, after),
        stub,
        true,
        false,
        Some(Chip::Esp32c3),
        Some(921_600),
    )
    .expect("espflash connects")
}

fn md5_of(data: &[u8]) -> u128 {
    u128::from_be_bytes(md5::Md5::digest(data).into())
}

/// Bytes deflate shrinks (so espflash sends them compressed) but that are not one value.
fn compressible(n: usize) -> Vec<u8> {
    (0..n).map(|i| (i / 97 % 7) as u8 * 0x11).collect()
}

#[test]
fn espflash_with_its_stub_writes_reads_erases_and_hashes() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("flash.bin");
    let served = serve(&flash, &["--pty"]);
    let random = random_bytes(0x12000, 13);
    let packed = compressible(0x20000);
    let mut expect = erased(FLASH_4M);

    let mut f = flasher(&served.port, true, ResetAfterOperation::NoResetNoStub);
    let mut progress = DefaultProgressCallback;
    // Random data does not deflate: espflash sends it with FLASH_BEGIN (five words).
    f.write_bin_to_flash(0x10000, &random, &mut progress)
        .expect("uncompressed write");
    expect[0x10000..0x22000].copy_from_slice(&random);
    // FLASH_DEFL_BEGIN with four words, as espflash sends it to a stub.
    f.write_bin_to_flash(0x40000, &packed, &mut progress)
        .expect("compressed write");
    expect[0x40000..0x60000].copy_from_slice(&packed);
    assert!(
        std::fs::read(&flash).unwrap() == expect,
        "the flash file does not hold what espflash wrote"
    );

    let back = dir.path().join("back.bin");
    f.read_flash(0x10000, 0x12000, 0x1000, 64, back.clone())
        .expect("read flash");
    assert!(std::fs::read(&back).unwrap() == random, "read back differs");

    assert_eq!(f.checksum_md5(0x40000, 0x20000).unwrap(), md5_of(&packed));
    f.erase_region(0x11000, 0x2000).expect("erase region");
    expect[0x11000..0x13000].fill(0xFF);
    assert_eq!(
        f.checksum_md5(0x10000, 0x12000).unwrap(),
        md5_of(&expect[0x10000..0x22000]),
        "the chip's MD5 after the erase"
    );
    assert!(std::fs::read(&flash).unwrap() == expect);
    drop(f);

    // Staying in the bootloader after a stub write is a soft reset: a four-word
    // FLASH_BEGIN of nothing and FLASH_END with reboot, back to the ROM loader.
    let mut f = flasher(&served.port, true, ResetAfterOperation::NoReset);
    let small = compressible(0x3000);
    f.write_bin_to_flash(0x80000, &small, &mut DefaultProgressCallback)
        .expect("write with a soft reset after");
    expect[0x80000..0x83000].copy_from_slice(&small);
    drop(f);
    assert!(std::fs::read(&flash).unwrap() == expect);
    // The pty may not see the client go between the two connections: count over every
    // session the chip logged, waiting (under load) for the line of the last one.
    let count = |sessions: &[String]| -> u64 {
        sessions
            .iter()
            .filter_map(|s| field(s, "stub_uploads"))
            .sum()
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let mut sessions = served.sessions(1);
    while count(&sessions) < 2 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(50));
        sessions = served.sessions(1);
    }
    let uploads = count(&sessions);
    assert_eq!(
        uploads, 2,
        "espflash's stub, once per connection: {sessions:?}"
    );
    assert!(
        sessions.last().is_some_and(|s| s.contains("loader=rom")),
        "the soft reset left the stub: {sessions:?}"
    );
}

#[test]
fn espflash_with_the_rom_loader_alone_hashes_and_writes() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("flash.bin");
    let mut expect = erased(FLASH_4M);
    let old = random_bytes(0x3000, 15);
    expect[0x20000..0x23000].copy_from_slice(&old);
    std::fs::write(&flash, &expect).unwrap();
    let served = serve(&flash, &["--pty"]);
    let mut f = flasher(&served.port, false, ResetAfterOperation::NoReset);
    assert_eq!(f.checksum_md5(0x20000, 0x3000).unwrap(), md5_of(&old));
    // The C3's ROM takes FLASH_BEGIN's five words; espflash sends them uncompressed and
    // checks the written region's MD5 before FLASH_END.
    let random = random_bytes(0x3000, 14);
    f.write_bin_to_flash(0x20000, &random, &mut DefaultProgressCallback)
        .expect("ROM write");
    drop(f);
    expect[0x20000..0x23000].copy_from_slice(&random);
    assert!(std::fs::read(&flash).unwrap() == expect);
    let sessions = served.sessions(1);
    assert_eq!(field(&sessions[0], "stub_uploads"), Some(0), "{sessions:?}");
    // espflash ends a ROM write with FLASH_END's reboot flag: the ROM leaves for the
    // application, as on a board.
    assert!(sessions[0].contains("loader=application"), "{sessions:?}");
}
