//! Interrupted-write trials by the thousand: `cargo bench --bench soak -- --trials 1000`
//! runs that many power cuts (mid-erase and mid-program, on the stub and the ROM path) and
//! as many host kills, each followed by a rerun that must finish the write byte for byte
//! without touching anything else. The test suite runs the same trials with 50 seeds.

// The same files the test suite's support module declares; `trials` finds the runner as
// `super::runner`, which here is this crate's root.
#[path = "../tests/suite/support/runner.rs"]
mod runner;
#[path = "../tests/suite/support/trials.rs"]
mod trials;

fn main() {
    let mut trials_n = 1000u64;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--trials" {
            trials_n = args
                .next()
                .and_then(|v| v.parse().ok())
                .expect("--trials takes a number");
        }
    }
    let start = std::time::Instant::now();
    let (_, cut_failures) = trials::run_trials(0..trials_n, 4, trials::power_cut);
    println!(
        "power cuts: {trials_n} trials, {} failed ({:.0} s)",
        cut_failures.len(),
        start.elapsed().as_secs_f64()
    );
    let start = std::time::Instant::now();
    let (left, kill_failures) = trials::run_trials(0..trials_n, 4, trials::host_killed);
    let mid = left
        .iter()
        .filter(|l| **l > 0 && **l < trials::IMAGE_LEN)
        .count();
    println!(
        "host kills: {trials_n} trials, {} failed, {mid} killed mid-write ({:.0} s)",
        kill_failures.len(),
        start.elapsed().as_secs_f64()
    );
    for f in cut_failures.iter().chain(&kill_failures) {
        println!("  {f}");
    }
    if !cut_failures.is_empty() || !kill_failures.is_empty() {
        std::process::exit(1);
    }
}
