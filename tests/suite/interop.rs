//! Stock esptool from PyPI, as a client of a served virtual chip: it must not be able to
//! tell the chip from a board, with its own stub and with the ROM loader alone.

use std::time::Duration;

use crate::support::*;

fn esptool_ok(port: &str, stub: bool, args: &[&str], cwd: &std::path::Path) -> String {
    let mut c = esptool();
    c.current_dir(cwd)
        .args(["--port", port, "--chip", "esp32c3"]);
    if !stub {
        c.arg("--no-stub");
    }
    c.args(args);
    ok(&run(c, Duration::from_secs(120)))
}

fn interop(stub: bool) {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("flash.bin");
    let served = serve(&flash, &[]);
    let r = random_bytes(256 * 1024, if stub { 1 } else { 2 });
    std::fs::write(dir.path().join("R.bin"), &r).unwrap();
    let p = served.port.as_str();
    let d = dir.path();

    let mac = esptool_ok(p, stub, &["read-mac"], d);
    assert!(mac.contains("MAC:") && mac.contains("60:55:f9"), "{mac}");
    let id = esptool_ok(p, stub, &["chip-id"], d);
    assert!(id.contains("ESP32-C3"), "{id}");
    let fid = esptool_ok(p, stub, &["flash-id"], d);
    assert!(fid.contains("Detected flash size: 4MB"), "{fid}");
    assert!(fid.contains("Manufacturer: ef"), "{fid}");

    let w = esptool_ok(p, stub, &["write-flash", "0x10000", "R.bin"], d);
    assert!(w.contains("Hash of data verified"), "{w}");
    let v = esptool_ok(p, stub, &["verify-flash", "0x10000", "R.bin"], d);
    assert!(v.contains("Verification successful"), "{v}");
    esptool_ok(p, stub, &["read-flash", "0x10000", "0x40000", "OUT.bin"], d);
    assert_eq!(
        std::fs::read(d.join("OUT.bin")).unwrap(),
        r,
        "read back differs"
    );

    let mut expect = erased(FLASH_4M);
    expect[0x10000..0x50000].copy_from_slice(&r);
    if stub {
        let e = esptool_ok(p, stub, &["erase-region", "0x20000", "0x1000"], d);
        assert!(e.contains("erased successfully"), "{e}");
        expect[0x20000..0x21000].fill(0xFF);
    }
    let disk = std::fs::read(&flash).unwrap();
    assert_eq!(disk.len(), FLASH_4M);
    assert!(
        disk == expect,
        "the flash file does not hold exactly what esptool wrote"
    );

    // The next client finds the ROM loader again, whatever the last one left running.
    let out = ok(&run(
        {
            let mut c = espflow();
            c.args(["--port", p, "--no-stub", "board-info"]);
            c
        },
        Duration::from_secs(30),
    ));
    assert!(out.contains("Loader:       ROM"), "{out}");
}

#[test]
fn esptool_with_its_stub() {
    interop(true);
}

#[test]
fn esptool_rom_only() {
    interop(false);
}
