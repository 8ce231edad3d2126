//! The command line itself: hints for commands espflow does not have, help that keeps the
//! connection options under their own heading and out of commands that open no port, and
//! finding the port when none is given.

use std::path::Path;
use std::time::Duration;

use crate::support::*;

const LIMIT: Duration = Duration::from_secs(20);

fn espflow_args(args: &[&str]) -> std::process::Output {
    let mut c = espflow();
    c.args(args);
    run(c, LIMIT)
}

/// What espflow says to an unknown command: a close guess or none, never a far one.
#[test]
fn unknown_commands_get_a_hint_only_when_one_is_close() {
    let cases = [
        ("rset", Some("reset")),
        ("write_flash", Some("write-flash")),
        ("chip-id", Some("board-info")),
        ("erase-parts", Some("erase-partition")),
        ("frobnicate", None),
    ];
    for (typed, hint) in cases {
        let out = espflow_args(&[typed]);
        assert_eq!(out.status.code(), Some(2), "{typed}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.starts_with(&format!("error: unrecognized subcommand '{typed}'")),
            "{err}"
        );
        match hint {
            Some(h) => assert!(
                err.contains(&format!("a similar subcommand exists: '{h}'")),
                "{typed}: {err}"
            ),
            None => assert!(!err.contains("similar"), "{typed}: {err}"),
        }
    }
    // `reset` is a command now, not something like erase-partition.
    let out = espflow_args(&["reset", "--help"]);
    assert!(ok(&out).contains("Reset the chip through EN"));
}

#[test]
fn connection_options_have_their_heading_and_stay_off_offline_commands() {
    let help = ok(&espflow_args(&["board-info", "--help"]));
    let heading = help.find("Connection:").expect("a Connection heading");
    let port = help
        .find("--port <PORT>")
        .expect("--port in board-info's help");
    assert!(port > heading, "--port under the heading:\n{help}");
    for offline in [
        &["partition-table", "convert", "--help"][..],
        &["encrypt-image", "--help"],
        &["completions", "--help"],
        &["list-ports", "--help"],
        &["virtual-chip", "--help"],
    ] {
        let help = ok(&espflow_args(offline));
        for opt in [
            "--port <",
            "--baud",
            "--before",
            "--connect-attempts",
            "--no-stub",
        ] {
            assert!(!help.contains(opt), "{offline:?} shows {opt}:\n{help}");
        }
    }
    let ports_help = ok(&espflow_args(&["list-ports", "--help"]));
    assert!(ports_help.contains("--port-filter"), "{ports_help}");
}

#[test]
fn list_ports_prints_one_object_per_port() {
    let out = ok(&espflow_args(&["list-ports", "--format", "json"]));
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect(line);
        assert_eq!(v["event"], "port");
        assert!(
            v["port"].as_str().is_some_and(|p| p.starts_with('/')),
            "{v}"
        );
    }
}

/// No `--port`, and a filter nothing passes: one line saying so, whatever is attached.
#[test]
fn without_a_port_a_filter_that_matches_nothing_is_an_error() {
    let out = espflow_args(&[
        "--port-filter",
        "ffff:fffe",
        "--non-interactive",
        "board-info",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("no port given and no port passing --port-filter attached"),
        "{err}"
    );
    let bad = espflow_args(&["--port-filter", "12:zz", "board-info"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("VID:PID"));
}

/// The committed fish script, run by fish (when the machine has it): `--chip` offers the
/// chips and no file names, before and after the command; partition names come from the
/// table on the line.
#[test]
fn fish_completes_chips_ports_and_partitions() {
    if std::process::Command::new("fish")
        .arg("--version")
        .output()
        .is_err()
    {
        println!("skipped: fish is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a-file.txt"), "").unwrap();
    std::fs::write(
        dir.path().join("t.csv"),
        "nvs, data, nvs, 0x9000, 0x6000\nmyapp, app, factory, 0x10000, 1M\n",
    )
    .unwrap();
    let script = format!("{}/completions/espflow.fish", env!("CARGO_MANIFEST_DIR"));
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_espflow")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let complete = |line: &str| -> String {
        let out = std::process::Command::new("fish")
            .arg("-c")
            .arg(format!("source {script}; complete -C '{line}'"))
            .current_dir(dir.path())
            .env("PATH", &path)
            .env("ESPFLOW_NO_CONFIG", "1")
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    for line in ["espflow --chip ", "espflow board-info --chip "] {
        let got = complete(line);
        assert!(got.contains("esp32c3\t"), "{line}: {got}");
        assert!(!got.contains("a-file.txt"), "{line} offers files: {got}");
    }
    let got = complete("espflow read-partition --partition-table t.csv ");
    assert!(got.lines().any(|l| l == "myapp"), "{got}");
}
