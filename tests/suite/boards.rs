//! Many boards in one command: `--port` more than once and `--ports-from`, against virtual
//! chips served over TCP. Every board ends up written, a failing one is named and leaves
//! the others alone, JSON lines say which board they are about, and `[board.KEY]`
//! configuration sections reach their board only.

use std::path::Path;
use std::process::Output;
use std::time::Duration;

use crate::support::*;

const ADDR: usize = 0x1_0000;

/// `n` erased virtual chips, each with its flash file in `dir`.
fn chips(dir: &Path, n: usize, extra: &[&str]) -> Vec<(Served, std::path::PathBuf)> {
    (0..n)
        .map(|i| {
            let flash = dir.join(format!("flash{i}.bin"));
            std::fs::write(&flash, erased(FLASH_4M)).unwrap();
            (serve(&flash, extra), flash)
        })
        .collect()
}

fn espflow_many(ports: &[&str], args: &[&str]) -> Output {
    let state = tempfile::tempdir().unwrap();
    let mut c = espflow();
    c.env("ESPFLOW_STATE_DIR", state.path());
    for p in ports {
        c.args(["--port", p]);
    }
    c.args(args);
    run(c, Duration::from_secs(120))
}

fn written(flash: &Path, image: &[u8]) -> bool {
    let disk = std::fs::read(flash).unwrap();
    disk[ADDR..ADDR + image.len()] == image[..]
}

#[test]
fn eight_boards_are_written_byte_identical_with_one_command() {
    let dir = tempfile::tempdir().unwrap();
    let image = random_bytes(300_000, 81);
    let file = dir.path().join("app.bin");
    std::fs::write(&file, &image).unwrap();
    let boards = chips(dir.path(), 8, &[]);
    // Half of them on the command line, the other half from a ports file.
    let listed: String = boards[4..]
        .iter()
        .map(|(s, _)| format!("{}  # rack slot\n", s.port))
        .collect();
    let ports_file = dir.path().join("ports.txt");
    std::fs::write(&ports_file, format!("# the rack\n\n{listed}")).unwrap();
    let ports: Vec<&str> = boards[..4].iter().map(|(s, _)| s.port.as_str()).collect();
    let out = espflow_many(
        &ports,
        &[
            "--ports-from",
            ports_file.to_str().unwrap(),
            "write-flash",
            "0x10000",
            file.to_str().unwrap(),
        ],
    );
    let table = ok(&out);
    for (served, _) in &boards {
        let row = table
            .lines()
            .find(|l| l.starts_with(&served.port))
            .unwrap_or_else(|| panic!("no row for {} in\n{table}", served.port));
        assert!(row.ends_with(" ok"), "{row}");
    }
    assert!(table.contains("8 of 8 boards done, 0 failed"), "{table}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.matches("wrote 300000 bytes").count(),
        8,
        "one summary per board: {stderr}"
    );
    for (served, flash) in boards {
        drop(served);
        assert!(
            written(&flash, &image),
            "{} is not as written",
            flash.display()
        );
    }
}

#[test]
fn a_failing_board_is_named_and_the_others_are_written_fully() {
    let dir = tempfile::tempdir().unwrap();
    let image = random_bytes(200_000, 82);
    let file = dir.path().join("app.bin");
    std::fs::write(&file, &image).unwrap();
    let good = chips(dir.path(), 3, &[]);
    // A flash cell in the middle of the image that no longer programs: verification fails.
    let worn_flash = dir.path().join("worn.bin");
    std::fs::write(&worn_flash, erased(FLASH_4M)).unwrap();
    let worn = serve(&worn_flash, &["--fault", "worn-cell:addr=73728"]);
    // Nothing listens here once the listener is gone.
    let refused = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("socket://{}", l.local_addr().unwrap())
    };
    let mut ports: Vec<&str> = good.iter().map(|(s, _)| s.port.as_str()).collect();
    ports.insert(1, &worn.port);
    ports.push(&refused);
    let out = espflow_many(
        &ports,
        &[
            "--connect-attempts",
            "1",
            "write-flash",
            "0x10000",
            file.to_str().unwrap(),
        ],
    );
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let error = stderr
        .lines()
        .find(|l| l.starts_with("error: "))
        .unwrap_or_else(|| panic!("no error line in {stderr}"));
    assert!(error.contains("2 of 5 boards failed"), "{error}");
    assert!(
        error.contains(&worn.port) && error.contains(&refused),
        "{error}"
    );
    for (served, _) in &good {
        assert!(!error.contains(&served.port), "{error}");
    }
    let table = String::from_utf8_lossy(&out.stdout);
    let row = |port: &str| {
        table
            .lines()
            .find(|l| l.starts_with(port))
            .unwrap_or_else(|| panic!("no row for {port}:\n{table}"))
            .to_string()
    };
    assert!(row(&worn.port).contains("failed"), "{table}");
    assert!(row(&refused).contains("failed: cannot connect"), "{table}");
    assert!(table.contains("3 of 5 boards done, 2 failed"), "{table}");
    for (served, flash) in good {
        assert!(row(&served.port).ends_with(" ok"), "{table}");
        drop(served);
        assert!(
            written(&flash, &image),
            "{} is not as written",
            flash.display()
        );
    }
}

#[test]
fn json_lines_carry_each_boards_port_and_mac() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("app.bin");
    std::fs::write(&file, random_bytes(50_000, 83)).unwrap();
    let boards = chips(dir.path(), 3, &[]);
    let ports: Vec<&str> = boards.iter().map(|(s, _)| s.port.as_str()).collect();
    let out = espflow_many(
        &ports,
        &[
            "--format",
            "json",
            "write-flash",
            "0x10000",
            file.to_str().unwrap(),
        ],
    );
    let lines: Vec<serde_json::Value> = ok(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    for port in &ports {
        let mine: Vec<&serde_json::Value> = lines.iter().filter(|l| l["port"] == *port).collect();
        let events: Vec<&str> = mine.iter().map(|l| l["event"].as_str().unwrap()).collect();
        for want in ["begin", "progress", "end", "summary", "board"] {
            assert!(events.contains(&want), "{port}: no {want} in {events:?}");
        }
        let macs: Vec<&str> = mine.iter().filter_map(|l| l["mac"].as_str()).collect();
        assert!(
            !macs.is_empty() && macs.iter().all(|m| m.len() == 17),
            "{macs:?}"
        );
        let board = mine.iter().find(|l| l["event"] == "board").unwrap();
        assert_eq!(board["ok"], true);
    }
    assert!(
        lines
            .iter()
            .all(|l| ports.contains(&l["port"].as_str().unwrap())),
        "every line names its board"
    );
}

#[test]
fn commands_that_take_one_port_refuse_several_in_one_line() {
    for args in [
        &["read-flash", "0", "16", "out.bin"][..],
        &["image-info", "app.bin"][..],
        &["write-flash", "--monitor", "0", "app.bin"][..],
    ] {
        let out = espflow_many(&["socket://127.0.0.1:9", "socket://127.0.0.1:10"], args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains("takes one port"), "{stderr}");
    }
}

#[test]
fn a_board_section_of_the_configuration_reaches_its_board_only() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("app.bin");
    let image = random_bytes(40_000, 84);
    std::fs::write(&file, &image).unwrap();
    let boards = chips(dir.path(), 2, &[]);
    let (a, b) = (&boards[0].0.port, &boards[1].0.port);
    // The second board is said to be an ESP32: connecting to its C3 must fail, and only
    // there.
    std::fs::write(
        dir.path().join("espflow.toml"),
        format!("baud = 921600\n[board.\"{b}\"]\nchip = \"esp32\"\nbaud = 230400\n"),
    )
    .unwrap();
    let with_config = |ports: &[&str], args: &[&str]| {
        let mut c = espflow();
        c.current_dir(dir.path())
            .env("ESPFLOW_STATE_DIR", dir.path().join("state"))
            .env_remove("ESPFLOW_NO_CONFIG")
            .env("XDG_CONFIG_HOME", dir.path().join("home"));
        for p in ports {
            c.args(["--port", p]);
        }
        c.args(args);
        run(c, Duration::from_secs(60))
    };
    let shown = |port: &str| -> serde_json::Map<String, serde_json::Value> {
        ok(&with_config(
            &[port],
            &["--format", "json", "config", "show"],
        ))
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|v| (v["key"].as_str().unwrap().to_string(), v))
        .collect()
    };
    let for_b = shown(b);
    assert_eq!(for_b["baud"]["value"], 230400);
    assert_eq!(for_b["chip"]["value"], "esp32");
    assert!(
        for_b["baud"]["source"]
            .as_str()
            .unwrap()
            .ends_with(&format!("[board.{b}]")),
        "{:?}",
        for_b["baud"]
    );
    let for_a = shown(a);
    assert_eq!(for_a["baud"]["value"], 921600);
    assert_eq!(for_a["chip"]["value"], serde_json::Value::Null);

    let out = with_config(&[a, b], &["write-flash", "0x10000", file.to_str().unwrap()]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("1 of 2 boards failed: {b}")),
        "{stderr}"
    );
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.contains("ESP32"),
        "the wrong-chip error is shown: {table}"
    );
    let (served, flash) = boards.into_iter().next().unwrap();
    drop(served);
    assert!(written(&flash, &image), "the other board is written");
}

#[test]
fn flash_settings_come_from_the_configuration_per_board() {
    let dir = tempfile::tempdir().unwrap();
    let boards = chips(dir.path(), 2, &[]);
    let (a, b) = (&boards[0].0.port, &boards[1].0.port);
    std::fs::write(
        dir.path().join("espflow.toml"),
        format!("flash-freq = \"40m\"\n[board.\"{b}\"]\nflash-size = \"2MB\"\n"),
    )
    .unwrap();
    let mut c = espflow();
    c.current_dir(dir.path())
        .env("ESPFLOW_STATE_DIR", dir.path().join("state"))
        .env_remove("ESPFLOW_NO_CONFIG")
        .env("XDG_CONFIG_HOME", dir.path().join("home"))
        .args(["--port", a, "--port", b, "flash"])
        .arg(fixture("app/app.elf"));
    ok(&run(c, Duration::from_secs(120)));
    // The bootloader's header at 0: byte 3 is the size code above the frequency code.
    let header = |flash: &Path| std::fs::read(flash).unwrap()[..4].to_vec();
    let mut flashes = Vec::new();
    for (served, flash) in boards {
        drop(served);
        flashes.push(header(&flash));
    }
    let (ha, hb) = (&flashes[0], &flashes[1]);
    assert_eq!((ha[0], hb[0]), (0xE9, 0xE9), "{ha:02x?} {hb:02x?}");
    // 40m is code 0 for both; 2MB is size code 1 on the second board only, the first
    // keeps its detected 4MB (code 2).
    assert_eq!((ha[3] & 0xF, hb[3] & 0xF), (0, 0), "{ha:02x?} {hb:02x?}");
    assert_eq!((ha[3] >> 4, hb[3] >> 4), (2, 1), "{ha:02x?} {hb:02x?}");
}

#[test]
fn erase_region_runs_on_every_board_of_a_ports_file() {
    let dir = tempfile::tempdir().unwrap();
    let old = random_bytes(FLASH_4M, 85);
    let boards: Vec<_> = (0..3)
        .map(|i| {
            let flash = dir.path().join(format!("old{i}.bin"));
            std::fs::write(&flash, &old).unwrap();
            (serve(&flash, &[]), flash)
        })
        .collect();
    let list: String = boards
        .iter()
        .map(|(s, _)| format!("{}\n", s.port))
        .collect();
    let ports_file = dir.path().join("ports.txt");
    std::fs::write(&ports_file, list).unwrap();
    let out = espflow_many(
        &[],
        &[
            "--ports-from",
            ports_file.to_str().unwrap(),
            "erase-region",
            "0x20000",
            "0x3000",
        ],
    );
    assert!(ok(&out).contains("3 of 3 boards done, 0 failed"));
    for (served, flash) in boards {
        drop(served);
        let disk = std::fs::read(&flash).unwrap();
        assert!(disk[0x20000..0x23000].iter().all(|b| *b == 0xFF));
        assert_eq!(disk[..0x20000], old[..0x20000], "before the region");
        assert_eq!(disk[0x23000..], old[0x23000..], "after the region");
    }
}
