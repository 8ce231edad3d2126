//! Partition tables and OTA on a virtual chip: flash a table and an app into ota_0, write a
//! second app into ota_1, interrupt that write, resume it, activate ota_1, and check that
//! the status says so and otadata holds exactly the bytes the bootloader expects.

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::Duration;

use crate::support::trials::summary_field;
use crate::support::*;

const LIMIT: Duration = Duration::from_secs(120);
const OTADATA: usize = 0xD000;
const OTA_0: usize = 0x11_0000;
const OTA_1: usize = 0x21_0000;

#[test]
fn interrupted_ota_write_resumes_and_activates() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    let state = dir.path().join("state");
    let served = serve(&flash, &["--realtime", "--time-scale", "50"]);
    let port = served.port.clone();
    let cmd = |args: &[&str]| {
        let mut c = espflow();
        c.env("ESPFLOW_STATE_DIR", &state)
            .args(["--port", &port, "--baud", "921600"])
            .args(args);
        c
    };
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_string();

    let table = path("table.bin");
    let csv = fixture("partition-tables/stock_two_ota.csv");
    ok(&run(
        cmd(&["partition-table", "convert", csv.to_str().unwrap(), &table]),
        LIMIT,
    ));
    ok(&run(cmd(&["write-flash", "0x8000", &table]), LIMIT));
    // Random bytes stand in for apps (their size is what matters here), so every write
    // into an app slot takes --force past the app-image check.
    let app0 = random_bytes(200_000, 1);
    let app1 = random_bytes(600_000, 2);
    std::fs::write(path("app0.bin"), &app0).unwrap();
    std::fs::write(path("app1.bin"), &app1).unwrap();
    ok(&run(
        cmd(&["write-partition", "ota_0", &path("app0.bin"), "--force"]),
        LIMIT,
    ));

    // Interrupt the OTA write once it is under way.
    let mut victim = cmd(&[
        "--format",
        "json",
        "ota",
        "write",
        &path("app1.bin"),
        "--slot",
        "ota_1",
        "--activate",
        "--force",
    ])
    .stdout(Stdio::piped())
    .stderr(Stdio::null())
    .spawn()
    .unwrap();
    let lines = BufReader::new(victim.stdout.take().unwrap()).lines();
    for line in lines.map_while(Result::ok) {
        if line.contains("\"event\":\"progress\"") && !line.contains("\"done\":0,") {
            break;
        }
    }
    victim.kill().unwrap();
    victim.wait().unwrap();
    served.sessions(3);

    // Half an image never boots: the device still boots what it booted before.
    let status = ok(&run(cmd(&["ota", "status"]), LIMIT));
    assert!(status.contains("boots:   factory"), "{status}");
    let disk = std::fs::read(&flash).unwrap();
    assert_ne!(
        &disk[OTA_1..OTA_1 + app1.len()],
        &app1[..],
        "the write was not interrupted"
    );
    assert!(disk[OTADATA..OTADATA + 0x2000].iter().all(|b| *b == 0xFF));

    let out = ok(&run(
        cmd(&[
            "--format",
            "json",
            "ota",
            "write",
            &path("app1.bin"),
            "--slot",
            "ota_1",
            "--activate",
            "--force",
        ]),
        LIMIT,
    ));
    let sent = summary_field(&out, "bytes_sent").unwrap();
    assert!(
        sent < app1.len() as u64,
        "the resumed write sent {sent} of {} bytes",
        app1.len()
    );
    assert_eq!(summary_field(&out, "resumed"), Some(1), "{out}");

    let status = ok(&run(cmd(&["ota", "status"]), LIMIT));
    assert!(status.contains("boots:   ota_1"), "{status}");
    assert!(status.contains("otadata copy 0: seq 2"), "{status}");

    // OTADATA.md's worked example: ota_1 of two slots from erased otadata.
    let disk = std::fs::read(&flash).unwrap();
    let mut entry = vec![0x02, 0, 0, 0];
    entry.extend([0xFF; 24]);
    entry.extend([0x74, 0x37, 0xF6, 0x55]);
    assert_eq!(&disk[OTADATA..OTADATA + 32], &entry[..]);
    assert!(
        disk[OTADATA + 32..OTADATA + 0x2000]
            .iter()
            .all(|b| *b == 0xFF)
    );
    assert_eq!(&disk[OTA_0..OTA_0 + app0.len()], &app0[..]);
    assert_eq!(&disk[OTA_1..OTA_1 + app1.len()], &app1[..]);

    // And back to ota_0: the other copy gets the next sequence number.
    ok(&run(cmd(&["ota", "activate", "ota_0"]), LIMIT));
    let status = ok(&run(cmd(&["ota", "status"]), LIMIT));
    assert!(status.contains("boots:   ota_0"), "{status}");
    assert!(status.contains("otadata copy 1: seq 3"), "{status}");

    // The table as the device holds it, with the app otadata selects.
    let shown = ok(&run(cmd(&["partition-table", "show"]), LIMIT));
    assert!(
        shown.contains("ota_0") && shown.contains("ota_1") && shown.contains("1M"),
        "{shown}"
    );
    assert!(shown.contains("selects ota_0"), "{shown}");

    ok(&run(cmd(&["ota", "erase-data"]), LIMIT));
    let status = ok(&run(cmd(&["ota", "status"]), LIMIT));
    assert!(status.contains("boots:   factory"), "{status}");
    let disk = std::fs::read(&flash).unwrap();
    assert!(disk[OTADATA..OTADATA + 0x2000].iter().all(|b| *b == 0xFF));
}

#[test]
fn partition_commands_check_before_touching_flash() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    let port = format!("virtual:{}", flash.display());
    let csv = fixture("partition-tables/stock_two_ota.csv");
    let run_ok = |args: &[&str]| {
        let mut c = espflow();
        c.args(["--port", &port]).args(args);
        run(c, LIMIT)
    };
    // No table on the device yet.
    let out = run_ok(&["read-partition", "nvs", "x.bin"]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no partition table on the device at 0x8000")
    );

    let big = dir.path().join("big.bin");
    std::fs::write(&big, vec![0u8; 0x4001]).unwrap();
    let before = std::fs::read(&flash).unwrap();
    let t = ["--partition-table", csv.to_str().unwrap()];
    let out = run_ok(&[&["write-partition", "nvs", big.to_str().unwrap()][..], &t].concat());
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("larger than partition 'nvs'"), "{err}");
    let out = run_ok(&[&["write-partition", "nope", big.to_str().unwrap()][..], &t].concat());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no partition named 'nope'"));
    assert!(
        std::fs::read(&flash).unwrap() == before,
        "a refused command changed the flash"
    );

    // Erasing by kind: every data partition, nothing else.
    let mut filled = random_bytes(FLASH_4M, 3);
    std::fs::write(&flash, &filled).unwrap();
    ok(&run_ok(
        &[&["erase-partition", "--data-parts"][..], &t].concat(),
    ));
    for (off, len) in [(0x9000, 0x4000), (0xD000, 0x2000), (0xF000, 0x1000)] {
        filled[off..off + len].fill(0xFF);
    }
    assert!(
        std::fs::read(&flash).unwrap() == filled,
        "erase-partition --data-parts"
    );
    ok(&run_ok(
        &[
            &["erase-partition", "--type", "app", "--subtype", "ota_1"][..],
            &t,
        ]
        .concat(),
    ));
    filled[OTA_1..OTA_1 + 0x10_0000].fill(0xFF);
    assert!(
        std::fs::read(&flash).unwrap() == filled,
        "erase-partition --type app --subtype ota_1"
    );
}
