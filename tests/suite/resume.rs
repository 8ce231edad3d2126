//! Writes that are interrupted (the host killed, the chip's power cut mid-erase or
//! mid-program) and run again: the result is byte-identical to an uninterrupted write, and
//! nothing outside the image changes. The soak bench runs the same trials by the thousand.
//! And re-flashing sends only what changed: proven per sector on the chip, reported in the
//! JSON summary, with espflow's stub and through the ROM loader alike.

use std::path::Path;
use std::time::Duration;

use crate::support::trials::{self, summary_field};
use crate::support::*;

const SEEDS: u64 = 50;

#[test]
fn host_killed_at_random_points_resumes() {
    let (left, failures) = trials::run_trials(0..SEEDS, 4, trials::host_killed);
    assert!(
        failures.is_empty(),
        "{} of {SEEDS} trials failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // The kills must land while writing, not only before or after it.
    let mid = left
        .iter()
        .filter(|l| **l > 0 && **l < trials::IMAGE_LEN)
        .count();
    assert!(
        mid >= SEEDS as usize / 2,
        "only {mid} of {SEEDS} kills landed mid-write: {left:?}"
    );
}

#[test]
fn power_cut_mid_erase_or_program_resumes() {
    let (_, failures) = trials::run_trials(0..SEEDS, 4, trials::power_cut);
    assert!(
        failures.is_empty(),
        "{} of {SEEDS} trials failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The same trials with images the stub writes mostly as fills: the kills and power cuts
/// then land in fill erases and programs too.
#[test]
fn writes_made_mostly_of_fills_resume_after_a_kill_or_a_power_cut() {
    let seeds = trials::MIXED_SEEDS..trials::MIXED_SEEDS + 12;
    let (_, mut failures) = trials::run_trials(seeds.clone(), 4, trials::host_killed);
    failures.extend(trials::run_trials(seeds, 4, trials::power_cut).1);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn write_json(port: &str, state: &Path, extra: &[&str], args: &[&str]) -> String {
    let mut c = espflow();
    c.env("ESPFLOW_STATE_DIR", state)
        .args(["--port", port, "--format", "json"])
        .args(extra)
        .arg("write-flash")
        .args(args);
    ok(&run(c, Duration::from_secs(120)))
}

fn reflash(extra: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    let state = dir.path().join("state");
    let served = serve(&flash, &[]);
    let image = random_bytes(FLASH_4M, 31);
    let path = dir.path().join("img.bin");
    std::fs::write(&path, &image).unwrap();
    let p = path.to_str().unwrap();

    let first = write_json(&served.port, &state, extra, &["0", p]);
    assert_eq!(
        summary_field(&first, "bytes_sent"),
        Some(FLASH_4M as u64),
        "{first}"
    );

    let again = write_json(&served.port, &state, extra, &["0", p]);
    let sent = summary_field(&again, "bytes_sent").unwrap();
    assert!(
        sent < FLASH_4M as u64 / 100,
        "unchanged re-flash sent {sent} bytes: {again}"
    );
    assert_eq!(
        summary_field(&again, "bytes_skipped"),
        Some(FLASH_4M as u64),
        "{again}"
    );
    assert_eq!(summary_field(&again, "sectors_written"), Some(0), "{again}");

    let mut changed = image.clone();
    changed[0x123456..0x123460].fill(0x5A);
    std::fs::write(&path, &changed).unwrap();
    let one = write_json(&served.port, &state, extra, &["0", p]);
    assert_eq!(summary_field(&one, "sectors_written"), Some(1), "{one}");
    assert_eq!(summary_field(&one, "sectors_erased"), Some(1), "{one}");
    assert_eq!(summary_field(&one, "bytes_sent"), Some(4096), "{one}");
    assert!(std::fs::read(&flash).unwrap() == changed);

    let forced = write_json(&served.port, &state, extra, &["--no-skip", "0", p]);
    assert_eq!(
        summary_field(&forced, "bytes_sent"),
        Some(FLASH_4M as u64),
        "{forced}"
    );
    assert!(std::fs::read(&flash).unwrap() == changed);
}

#[test]
fn reflash_with_the_stub_sends_only_changes() {
    reflash(&[]);
}

#[test]
fn reflash_through_the_rom_sends_only_changes() {
    reflash(&["--no-stub"]);
}

#[test]
fn partial_sectors_are_compared_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    let state = dir.path().join("state");
    let old = random_bytes(FLASH_4M, 32);
    std::fs::write(&flash, &old).unwrap();
    let served = serve(&flash, &[]);
    // An image that starts and ends inside sectors, identical to the flash except for its
    // last byte: only the last (partial) sector may be written, and its neighbours kept.
    let mut image = old[0x2100..0x5F00].to_vec();
    *image.last_mut().unwrap() ^= 0xFF;
    let path = dir.path().join("img.bin");
    std::fs::write(&path, &image).unwrap();
    let out = write_json(
        &served.port,
        &state,
        &[],
        &["0x2100", path.to_str().unwrap()],
    );
    assert_eq!(summary_field(&out, "bytes_sent"), Some(0xF00), "{out}");
    assert_eq!(summary_field(&out, "sectors_written"), Some(1), "{out}");
    let mut expect = old.clone();
    expect[0x2100..0x5F00].copy_from_slice(&image);
    assert!(std::fs::read(&flash).unwrap() == expect);
}

/// Plants a journal claiming the whole image is already committed, which is false.
fn lying_journal(state: &Path, flash: &Path, addr: u32, image: &[u8]) {
    use espflow::write::journal::{Entry, Journal, Key};
    use sha2::Digest;
    let mac = espflow::virtual_chip::Efuses::for_image(flash).mac;
    Journal::new(state)
        .save(&Entry {
            key: Key {
                mac,
                addr,
                image_sha256: sha2::Sha256::digest(image).into(),
            },
            size: image.len() as u32,
            committed: addr + image.len() as u32,
            kept: Vec::new(),
        })
        .unwrap();
}

#[test]
fn a_journal_is_a_hint_never_proof() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let flash = dir.path().join("f.bin");
    let port = format!("virtual:{}", flash.display());
    let image = random_bytes(0x3000, 4);
    let path = dir.path().join("img.bin");
    std::fs::write(&path, &image).unwrap();
    let p = path.to_str().unwrap();

    for extra in [&[][..], &["--no-stub"][..]] {
        lying_journal(&state, &flash, 0x10000, &image);
        let out = write_json(&port, &state, extra, &["0x10000", p]);
        assert_eq!(summary_field(&out, "resumed"), Some(1), "{out}");
        assert_eq!(summary_field(&out, "bytes_sent"), Some(0x3000), "{out}");
        assert_eq!(std::fs::read_dir(state.join("journal")).unwrap().count(), 0);
        ok(&run(
            {
                let mut c = espflow();
                c.args(["--port", &port, "erase-region", "0x10000", "0x3000"]);
                c
            },
            Duration::from_secs(30),
        ));
    }

    lying_journal(&state, &flash, 0x10000, &image);
    let out = write_json(&port, &state, &[], &["--no-resume", "0x10000", p]);
    assert_eq!(summary_field(&out, "resumed"), Some(0), "{out}");
    assert_eq!(summary_field(&out, "bytes_sent"), Some(0x3000), "{out}");
    assert_eq!(
        &std::fs::read(&flash).unwrap()[0x10000..0x13000],
        &image[..]
    );
    // Killed after its last block but before clearing its journal: the rerun finds the
    // image complete, says the journal was found, and clears it.
    lying_journal(&state, &flash, 0x10000, &image);
    let out = write_json(&port, &state, &[], &["0x10000", p]);
    assert_eq!(summary_field(&out, "resumed"), Some(1), "{out}");
    assert_eq!(summary_field(&out, "bytes_sent"), Some(0), "{out}");
    assert_eq!(std::fs::read_dir(state.join("journal")).unwrap().count(), 0);
}

/// A power cut in the middle of erasing the sector an image shares with old data (its
/// first erase): the chip's copy of the old bytes is gone, and the rerun puts them back from
/// the journal. Through the ROM loader and through espflow's stub.
#[test]
fn power_cut_mid_erase_of_a_shared_sector_keeps_its_bytes() {
    for (extra, erase) in [
        (&["--no-stub"][..], 1),
        (&[][..], 1),
        (&["--no-stub"][..], 3),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let flash = dir.path().join("f.bin");
        let state = dir.path().join("state");
        let mut old = random_bytes(0x4_0000, 11);
        old.resize(FLASH_4M, 0xFF);
        std::fs::write(&flash, &old).unwrap();
        let image = random_bytes(0x2800, 12);
        let img = dir.path().join("img.bin");
        std::fs::write(&img, &image).unwrap();
        let fault = format!("power-cut:erase={erase}");
        let served = serve(&flash, &["--fault", &fault, "--seed", "5"]);
        let mut c = espflow();
        c.env("ESPFLOW_STATE_DIR", &state)
            .args(["--port", &served.port])
            .args(extra)
            .args(["write-flash", "0x20100"])
            .arg(&img);
        let first = run(c, Duration::from_secs(60));
        assert!(!first.status.success(), "{extra:?}: survived {fault}");
        assert!(
            served.logs_within("power cut"),
            "{extra:?}: no power cut logged"
        );
        let mut c = espflow();
        c.env("ESPFLOW_STATE_DIR", &state)
            .args(["--port", &served.port])
            .args(extra)
            .args(["write-flash", "0x20100"])
            .arg(&img);
        ok(&run(c, Duration::from_secs(60)));
        let disk = std::fs::read(&flash).unwrap();
        trials::check_flash(&disk, &old, 0x20100, &image)
            .unwrap_or_else(|e| panic!("{extra:?} {fault}: {e}"));
    }
}

/// A host killed while the stub works through a block of zeros that expands to much flash
/// leaves the chip busy, with no reset line on `socket://` to stop it (`--stay-on`: the
/// chip is not reset when its client leaves). The next invocation starts at once, finds
/// the stub, waits for it, reuses it, and finishes the write.
#[test]
fn a_write_started_while_the_chip_is_still_busy_succeeds() {
    use std::io::BufRead as _;
    use std::process::Stdio;

    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    let old = random_bytes(runner::FLASH_4M, 91);
    std::fs::write(&flash, &old).unwrap();
    let mut image = random_bytes(0x40000, 92);
    image.extend(std::iter::repeat_n(0u8, 0x100000));
    image.extend(std::iter::repeat_n(0x55u8, 0x40000));
    let img = dir.path().join("mixed.bin");
    std::fs::write(&img, &image).unwrap();
    let served = serve(&flash, &["--realtime", "--time-scale", "2", "--stay-on"]);
    let state = dir.path().join("state");
    let args = |c: &mut std::process::Command| {
        c.env("ESPFLOW_STATE_DIR", &state)
            .args([
                "--port",
                &served.port,
                "--baud",
                "921600",
                "--format",
                "json",
            ])
            .args(["write-flash", "0x10000"])
            .arg(&img);
    };

    let mut victim = espflow();
    args(&mut victim);
    let mut victim = victim
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Killed while the zeros are being written: most of the random part is committed,
    // and the blocks after it are on their way or being worked through.
    let lines = std::io::BufReader::new(victim.stdout.take().unwrap());
    for line in lines.lines().map_while(Result::ok) {
        let done = serde_json::from_str::<serde_json::Value>(&line)
            .ok()
            .and_then(|v| v["done"].as_u64());
        if done.is_some_and(|d| d >= 0x30000) {
            break;
        }
    }
    std::thread::sleep(Duration::from_millis(600));
    victim.kill().unwrap();
    victim.wait().unwrap();

    let mut rerun = espflow();
    args(&mut rerun);
    let out = run(rerun, Duration::from_secs(120));
    let stdout = ok(&out);
    assert_eq!(summary_field(&stdout, "resumed"), Some(1), "{stdout}");
    // The stub the killed invocation started is the one that finished the job.
    let sessions = served.sessions(2);
    assert!(
        sessions.iter().all(|s| s.contains("stub_uploads=1")),
        "{sessions:?}"
    );
    drop(served);
    let disk = std::fs::read(&flash).unwrap();
    trials::check_flash(&disk, &old, 0x10000, &image).unwrap();
}

/// A 4 MiB image (1.5 MiB random, 1 MiB of zeros, the rest erased) over old data, at the
/// chip's real speed: the compressed blocks of the zeros and the erased run expand to
/// seconds of erasing and programming, and their answers are waited for as long as that
/// work takes, not as long as their few bytes on the line would suggest.
#[test]
fn a_4_mib_mixed_image_over_old_data_writes_in_one_invocation_at_real_speed() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    let old = random_bytes(8 << 20, 93);
    std::fs::write(&flash, &old).unwrap();
    let mut image = random_bytes(0x180000, 94);
    image.extend(std::iter::repeat_n(0u8, 0x100000));
    image.resize(4 << 20, 0xFF);
    let img = dir.path().join("mixed.bin");
    std::fs::write(&img, &image).unwrap();
    let served = serve(&flash, &["--realtime"]);
    let stdout = write_json(
        &served.port,
        &dir.path().join("state"),
        &["--baud", "921600"],
        &["0x10000", img.to_str().unwrap()],
    );
    assert_eq!(summary_field(&stdout, "verified"), Some(1), "{stdout}");
    drop(served);
    let disk = std::fs::read(&flash).unwrap();
    trials::check_flash(&disk, &old, 0x10000, &image).unwrap();
}
