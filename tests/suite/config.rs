//! Settings from espflow.toml files and ESPFLOW_* variables, below flags: which one wins,
//! that a file's setting is really used, and that a bad file is refused in one line.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::support::*;

/// espflow in `cwd` with the user's configuration directory at `home`, files allowed.
fn espflow_in(cwd: &Path, home: &Path) -> Command {
    let mut c = espflow();
    c.current_dir(cwd)
        .env_remove("ESPFLOW_NO_CONFIG")
        .env("XDG_CONFIG_HOME", home);
    c
}

fn settings(out: &str) -> serde_json::Map<String, serde_json::Value> {
    out.lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .map(|v| (v["key"].as_str().unwrap().to_string(), v))
        .collect()
}

#[test]
fn flags_beat_the_environment_beat_the_project_file_beat_the_user_file() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("project");
    let deep = project.join("src").join("deeper");
    std::fs::create_dir_all(&deep).unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir_all(home.join("espflow")).unwrap();
    std::fs::write(
        project.join("espflow.toml"),
        "baud = 921600\nchip = \"esp32c3\"\nafter = \"no-reset\"\n",
    )
    .unwrap();
    std::fs::write(
        home.join("espflow/espflow.toml"),
        "port = \"socket://127.0.0.1:9\"\nbaud = 115200\nchip = \"esp32\"\n\
         before = \"no-reset\"\nconnect-attempts = 3\n",
    )
    .unwrap();
    let mut c = espflow_in(&deep, &home);
    c.env("ESPFLOW_CHIP", "esp32s3").args([
        "--format",
        "json",
        "config",
        "show",
        "--after",
        "hard-reset",
    ]);
    let s = settings(&ok(&run(c, Duration::from_secs(20))));
    let user = home.join("espflow/espflow.toml");
    let local = project.join("espflow.toml");
    let expect = [
        (
            "port",
            serde_json::json!("socket://127.0.0.1:9"),
            format!("file {}", user.display()),
        ),
        (
            "baud",
            serde_json::json!(921600),
            format!("file {}", local.display()),
        ),
        (
            "chip",
            serde_json::json!("esp32s3"),
            "environment ESPFLOW_CHIP".into(),
        ),
        (
            "before",
            serde_json::json!("no-reset"),
            format!("file {}", user.display()),
        ),
        ("after", serde_json::json!("hard-reset"), "flag".into()),
        (
            "connect-attempts",
            serde_json::json!(3),
            format!("file {}", user.display()),
        ),
    ];
    for (key, value, source) in expect {
        assert_eq!(s[key]["value"], value, "{key}: {s:?}");
        assert_eq!(s[key]["source"], source, "{key}: {s:?}");
    }
}

#[test]
fn a_port_from_the_project_file_is_the_one_used() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("flash.bin");
    std::fs::write(
        dir.path().join("espflow.toml"),
        format!("port = \"virtual:{}\"\n", flash.display()),
    )
    .unwrap();
    let mut c = espflow_in(dir.path(), &dir.path().join("no-home"));
    c.arg("board-info");
    let out = ok(&run(c, Duration::from_secs(60)));
    assert!(out.contains("ESP32-C3"), "{out}");
    assert!(
        flash.is_file(),
        "the virtual chip named in the file was not used"
    );
    // Without files, the same command has no port.
    let mut c = espflow();
    c.current_dir(dir.path()).arg("board-info");
    let out = run(c, Duration::from_secs(20));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no port given"));
}

#[test]
fn a_bad_file_is_refused_in_one_line_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("no-home");
    for (text, needle) in [
        ("baudrate = 921600\n", "unknown setting 'baudrate'"),
        ("baud = 12\n", "baud"),
        ("chip = \"esp8266\"\n", "chip"),
        ("connect-attempts = 0\n", "connect-attempts"),
        ("baud = [\n", "espflow.toml"),
    ] {
        std::fs::write(dir.path().join("espflow.toml"), text).unwrap();
        let mut c = espflow_in(dir.path(), &home);
        c.args(["config", "show"]);
        let out = run(c, Duration::from_secs(20));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{text}: {stderr}");
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(lines.len(), 1, "{text}: {stderr}");
        assert!(lines[0].contains("espflow.toml"), "{text}: {stderr}");
        assert!(lines[0].contains(needle), "{text}: {stderr}");
    }
}

#[test]
fn environment_values_are_checked_like_flags() {
    let mut c = espflow();
    c.env("ESPFLOW_BAUD", "12").args(["config", "show"]);
    let out = run(c, Duration::from_secs(20));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("12"));
}
