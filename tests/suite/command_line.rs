//! The command line itself: hints for commands espflow does not have, help that keeps the
//! connection options under their own heading and out of commands that open no port, and
//! finding the port when none is given.

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
