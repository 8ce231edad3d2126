//! `--baud auto`: the fastest line rate the link sustains.
//!
//! 921600 baud is a habit, not a limit: USB bridges such as the CP2102N and CH343 run 2 to
//! 3 Mbaud and more, and the chips' UARTs up to 5 Mbaud. Once espflow's stub runs at the
//! floor rate (the session's `baud`), the search steps up through [`AUTO_RATES`]. At each
//! rate a few quick READ_REGs prove the line works at all, then a READ_FLASH of about
//! [`PROBE_SECONDS`] of data, checked against the chip's MD5, proves it works cleanly; the
//! first rate that fails ends the search one rate below it.
//!
//! A rate the bridge cannot make leaves the line dead at it. The stub then goes back by
//! itself ([`espflow_protocol::caps::FLAG_BAUD_PROBATION`]): this end goes back too and
//! sends the filler that ends the stub's probation. The search runs only with a stub that
//! says it does this; with any other loader the floor is the rate.
//!
//! During a write, [`Governor`] counts the rounds sent again per window of blocks and steps
//! down one rate when they climb. The rate the line held is remembered per port, and the
//! next search starts there.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::loader::{Loader, LoaderError, RateGovernor, Result};
use crate::progress::BaudReason;

/// The rates tried above the floor, in order. The chips' UARTs go up to 5 Mbaud.
pub const AUTO_RATES: [u32; 7] = [
    921_600, 1_500_000, 2_000_000, 2_500_000, 3_000_000, 4_000_000, 5_000_000,
];

/// How long the integrity probe at a rate keeps the line busy (chip to host): long enough
/// to see a byte error rate that would cost a write more than the rate gains.
pub const PROBE_SECONDS: f64 = 0.15;
/// The smallest probe, in bytes.
const PROBE_MIN: u32 = 0x4000;
/// A READ_REG at a working rate is answered in well under this.
const PING_TIMEOUT: Duration = Duration::from_millis(200);
const PINGS: usize = 3;
/// A READ_FLASH frame of the probe comes within this at any rate tried.
const PROBE_FRAME_WAIT: Duration = Duration::from_millis(500);

/// Blocks per window in which [`Governor`] counts the rounds sent again: enough that a
/// rate just worth keeping does not trip it by chance.
pub const RETRY_WINDOW: u32 = 64;
/// Rounds sent again within one window that make [`Governor`] step down from `hi` to
/// `lo`. A round costs about two blocks (the damaged one and the one in flight behind it),
/// so a share `f` of blocks sent again costs `2f` of the line, and stepping down pays once
/// `2f` exceeds what the lower rate loses, `1 - lo/hi` (a sixth from 3 to 2.5 Mbaud, a
/// fifth from 2.5 to 2). The threshold is half as much again, so that a rate just worth
/// keeping does not trip it by chance within one window. While there is a rate to step
/// down to, the governor also stands in for the stream's own retry budget: a stream that
/// would give up (and go on with smaller blocks, see `crate::write`) goes on, and one block
/// failing once more in a row than the stream allows steps down.
pub fn retries_to_step_down(hi: u32, lo: u32) -> u32 {
    let loss = 1.0 - lo as f64 / hi as f64;
    (1.5 * loss / 2.0 * RETRY_WINDOW as f64).ceil().max(2.0) as u32
}

/// One change of rate, for the session to report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Change {
    /// The rate in force after it.
    pub baud: u32,
    /// The rate tried that failed, when this is a step back.
    pub tried: Option<u32>,
    /// Why.
    pub reason: BaudReason,
}

/// The rates the search may use: the floor, then those of [`AUTO_RATES`] above it.
pub fn ladder(floor: u32) -> Vec<u32> {
    let top = *super::BAUD_RATES.end();
    std::iter::once(floor)
        .chain(AUTO_RATES.into_iter().filter(|&r| r > floor && r <= top))
        .collect()
}

/// What trying a rate found.
enum Tried {
    /// The probe passed: both ends are at the new rate.
    Good,
    /// The line works there but damaged or lost data: both ends are back.
    Noisy,
    /// Nothing got through there: both ends are back.
    Dead,
}

fn lost(baud: u32, tried: u32) -> LoaderError {
    LoaderError::Garbled {
        cmd: "CHANGE_BAUDRATE",
        reason: format!(
            "the line was lost after trying {tried} baud, and the chip no longer answers at \
             {baud} either; reset it and run again with a fixed --baud"
        ),
    }
}

/// Whether the line works both ways at the current rate.
fn alive(loader: &mut Loader) -> bool {
    (0..PINGS).any(|_| loader.ping(PING_TIMEOUT))
}

/// Brings both ends to `baud` when the stub may be at `other` instead: this end is moved
/// there first; a stub on probation at `other` is brought back by the filler; one that
/// heard a whole frame at `other` stayed there, and is asked to come back from there.
fn regain(loader: &mut Loader, baud: u32, other: u32) -> Result<()> {
    loader.follow_baud(baud)?;
    if alive(loader) {
        return Ok(());
    }
    loader.send_probation_filler()?;
    if alive(loader) {
        return Ok(());
    }
    loader.follow_baud(other)?;
    if alive(loader) {
        match loader.change_baud(baud) {
            Err(LoaderError::Io(e)) => return Err(LoaderError::Io(e)),
            _ => loader.follow_baud(baud)?,
        }
        if alive(loader) {
            return Ok(());
        }
    }
    loader.follow_baud(baud)?;
    Err(lost(baud, other))
}

/// Moves both ends from the current rate `from` to `to`, making sure of where they are.
/// Returns whether the line works at `to`; if not, both are back at `from`.
fn switch(loader: &mut Loader, from: u32, to: u32) -> Result<bool> {
    match loader.change_baud(to) {
        Ok(()) => {}
        Err(LoaderError::Io(e)) => return Err(LoaderError::Io(e)),
        // The request or its answer was lost at `from`: the stub may have gone or not.
        Err(_) => {
            loader.follow_baud(to)?;
            if alive(loader) {
                return Ok(true);
            }
            regain(loader, from, to)?;
            return Ok(false);
        }
    }
    if alive(loader) {
        return Ok(true);
    }
    regain(loader, from, to)?;
    Ok(false)
}

/// The probe's size at `baud`: [`PROBE_SECONDS`] of the line, in whole sectors, within
/// the flash.
fn probe_len(baud: u32, flash_size: u32) -> u32 {
    let bytes = (baud as f64 / 10.0 * PROBE_SECONDS) as u32;
    bytes
        .max(PROBE_MIN)
        .next_multiple_of(0x1000)
        .min(flash_size)
}

fn try_rate(loader: &mut Loader, from: u32, to: u32) -> Result<Tried> {
    if !switch(loader, from, to)? {
        return Ok(Tried::Dead);
    }
    let len = probe_len(to, loader.flash_size().unwrap_or(PROBE_MIN));
    if loader.probe_read(0, len, PROBE_FRAME_WAIT) {
        return Ok(Tried::Good);
    }
    // Back at a rate that works; the way there may itself be damaged.
    if !switch(loader, to, from)? {
        // `to` still answers, but the step back did not take: the stub is at `to`.
        regain(loader, from, to)?;
    }
    Ok(Tried::Noisy)
}

/// Steps up from `ladder[0]`, where both ends are, and returns the rate it settled on.
/// `start` (a rate that held on this port before) is tried first; a rate that fails is
/// never exceeded. Each change goes to `report`.
pub fn climb(
    loader: &mut Loader,
    ladder: &[u32],
    start: Option<u32>,
    report: &mut dyn FnMut(Change),
) -> Result<u32> {
    let mut at = 0;
    let mut limit = ladder.len();
    match start.and_then(|r| ladder.iter().position(|&x| x == r)) {
        Some(pos) if pos > 0 => match try_rate(loader, ladder[0], ladder[pos])? {
            Tried::Good => {
                at = pos;
                report(Change {
                    baud: ladder[pos],
                    tried: None,
                    reason: BaudReason::Start,
                });
            }
            failed => {
                limit = pos;
                report(step_back(ladder[0], ladder[pos], failed));
            }
        },
        _ => report(Change {
            baud: ladder[0],
            tried: None,
            reason: BaudReason::Start,
        }),
    }
    while at + 1 < limit {
        let next = ladder[at + 1];
        match try_rate(loader, ladder[at], next)? {
            Tried::Good => {
                at += 1;
                report(Change {
                    baud: next,
                    tried: None,
                    reason: BaudReason::Probed,
                });
            }
            failed => {
                report(step_back(ladder[at], next, failed));
                break;
            }
        }
    }
    Ok(ladder[at])
}

fn step_back(baud: u32, tried: u32, how: Tried) -> Change {
    Change {
        baud,
        tried: Some(tried),
        reason: match how {
            Tried::Dead => BaudReason::Dead,
            _ => BaudReason::ProbeFailed,
        },
    }
}

/// Watches a write's line errors at the rate the search chose and steps down one rate of
/// its ladder when they climb: [`retries_to_step_down`] rounds sent again within
/// [`RETRY_WINDOW`] blocks.
pub struct Governor {
    ladder: Vec<u32>,
    at: usize,
    blocks: u32,
    retried: u32,
    changes: Arc<Mutex<Vec<Change>>>,
}

impl Governor {
    /// A governor at `baud` of `ladder`, recording its changes in `changes`.
    pub fn new(ladder: Vec<u32>, baud: u32, changes: Arc<Mutex<Vec<Change>>>) -> Governor {
        let at = ladder.iter().position(|&b| b == baud).unwrap_or(0);
        Governor {
            ladder,
            at,
            blocks: 0,
            retried: 0,
            changes,
        }
    }
}

impl RateGovernor for Governor {
    fn observe(&mut self, retried: bool) -> bool {
        if retried {
            self.retried += 1;
        } else {
            self.blocks += 1;
        }
        if self.at > 0
            && self.retried >= retries_to_step_down(self.ladder[self.at], self.ladder[self.at - 1])
        {
            self.blocks = 0;
            self.retried = 0;
            return true;
        }
        if self.blocks >= RETRY_WINDOW {
            self.blocks = 0;
            self.retried = 0;
        }
        false
    }

    fn can_step_down(&self) -> bool {
        self.at > 0
    }

    fn change(&mut self, loader: &mut Loader) -> Result<()> {
        if self.at == 0 {
            return Ok(());
        }
        let (from, to) = (self.ladder[self.at], self.ladder[self.at - 1]);
        self.blocks = 0;
        self.retried = 0;
        if !switch(loader, from, to)? {
            // The rate below did not take; `from` still works, if badly.
            return Ok(());
        }
        self.at -= 1;
        if let Ok(mut c) = self.changes.lock() {
            c.push(Change {
                baud: to,
                tried: Some(from),
                reason: BaudReason::Retries,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ladder_starts_at_the_floor_and_stays_within_the_rates() {
        assert_eq!(
            ladder(460_800),
            [
                460_800, 921_600, 1_500_000, 2_000_000, 2_500_000, 3_000_000, 4_000_000, 5_000_000
            ]
        );
        assert_eq!(ladder(2_000_000)[..2], [2_000_000, 2_500_000]);
        assert_eq!(ladder(5_000_000), [5_000_000]);
    }

    #[test]
    fn probes_last_about_the_same_time_at_any_rate() {
        assert_eq!(probe_len(115_200, 4 << 20), PROBE_MIN);
        let at3m = probe_len(3_000_000, 4 << 20);
        assert!((45_000..50_000).contains(&at3m), "{at3m}");
        assert_eq!(at3m % 0x1000, 0);
        assert_eq!(probe_len(3_000_000, 0x8000), 0x8000);
    }

    #[test]
    fn the_governor_steps_down_when_retries_climb_within_a_window() {
        let changes = Arc::new(Mutex::new(Vec::new()));
        let mut g = Governor::new(ladder(460_800), 3_000_000, changes);
        // Spread out: one retry per window never adds up.
        for _ in 0..10 {
            assert!(!g.observe(true));
            for _ in 0..RETRY_WINDOW {
                assert!(!g.observe(false));
            }
        }
        let n = retries_to_step_down(3_000_000, 2_500_000);
        for _ in 1..n {
            assert!(!g.observe(true));
        }
        assert!(g.observe(true), "the last within a window");
        // The more a step down loses, the more retries it takes.
        assert_eq!(n, 8);
        assert_eq!(retries_to_step_down(2_500_000, 2_000_000), 10);
        assert!(retries_to_step_down(1_500_000, 921_600) > 10);
        // At the floor there is nowhere to go.
        let mut floor = Governor::new(ladder(460_800), 460_800, Default::default());
        assert!(!(0..10).any(|_| floor.observe(true)));
    }
}
