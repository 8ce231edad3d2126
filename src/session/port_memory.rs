//! What a run learnt about a port that saves the next run time: that the stub upload at
//! the session's rate failed there (a bridge or cable that garbles the ROM's high rates),
//! so the next run goes straight to the ROM's own rate instead of paying the failed
//! attempt again; and the rate `--baud auto` settled on, where the next run's search
//! starts. Files per port under the state directory, named after the port.

use std::path::PathBuf;

use crate::write::journal;

fn marker(port: &str) -> Option<PathBuf> {
    file(port, ".rom-rate-upload")
}

fn file(port: &str, suffix: &str) -> Option<PathBuf> {
    let name: String = port
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'.' | b'-' => (b as char).to_string(),
            b => format!("_{b:02x}"),
        })
        .collect();
    Some(journal::default_dir()?.join("ports").join(name + suffix))
}

/// The rate the line sustained on `port` last time `--baud auto` ran there.
pub fn remembered_rate(port: &str) -> Option<u32> {
    let text = std::fs::read_to_string(file(port, ".auto-baud")?).ok()?;
    text.trim().parse().ok()
}

/// Notes the rate the line sustained on `port`. Best effort, as [`remember_slow_upload`].
pub fn remember_rate(port: &str, baud: u32) {
    if let Some(f) = file(port, ".auto-baud") {
        if let Some(dir) = f.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = std::fs::write(f, format!("{baud}\n"));
    }
}

/// Whether an upload at the session's rate failed on `port` before.
pub fn slow_upload_needed(port: &str) -> bool {
    marker(port).is_some_and(|m| m.exists())
}

/// Notes that the upload at the session's rate failed on `port`. Best effort: a state
/// directory that cannot be written costs only the next run's attempt.
pub fn remember_slow_upload(port: &str) {
    if let Some(m) = marker(port) {
        if let Some(dir) = m.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = std::fs::write(m, b"");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn port_names_become_plain_file_names() {
        let m = marker("socket://127.0.0.1:5555").unwrap();
        let name = m.file_name().unwrap().to_str().unwrap();
        assert_eq!(name, "socket_3a_2f_2f127.0.0.1_3a5555.rom-rate-upload");
        let m = marker("/dev/ttyUSB0").unwrap();
        assert!(!m.file_name().unwrap().to_str().unwrap().contains('/'));
    }
}
