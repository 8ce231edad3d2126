//! Writes that are interrupted (the host killed, the chip's power cut mid-erase or
//! mid-program) and run again: the result is byte-identical to an uninterrupted write, and
//! nothing outside the image changes. The soak bench runs the same trials by the thousand.

mod common;

use common::trials;

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
