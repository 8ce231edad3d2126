//! The committed completion scripts must match what the binary generates today.

mod common;

use std::time::Duration;

#[test]
fn completions_are_fresh() {
    for shell in ["bash", "zsh", "fish"] {
        let mut c = common::espflow();
        c.args(["completions", shell]);
        let out = common::ok(&common::run(c, Duration::from_secs(20)));
        let path = format!("{}/completions/espflow.{shell}", env!("CARGO_MANIFEST_DIR"));
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == out,
            "{path} is stale: regenerate with `cargo run -q -- completions {shell} > {path}`"
        );
    }
}
