//! The USB serial bridge between the host and the chip's UART, as far as the line rate
//! goes: the highest rate it can run at, and how often it damages a byte at a rate.
//!
//! Real bridges differ here: a CP2102N or CH343 runs 3 Mbaud and more, older parts top out
//! lower, and cables and layouts add errors that rise with the rate. The virtual chip
//! cannot see the host's side of the line (a TCP client or a pty has no rate), so the
//! bridge is taken to follow whatever rate the chip's UART is set to, as long as it can:
//!
//! - above `max_baud` the bridge cannot make the rate, and every byte in either direction
//!   arrives as garbage, as on a bridge left at another rate than the chip's;
//! - at or below it, each byte is damaged (one bit flipped) with a probability that is 0 up
//!   to `knee` and rises linearly to `rate` at `at_baud` (and on above it, up to 1/2).
//!
//! The damage is drawn from the chip's seed, so a run can be repeated.

use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};

/// How the byte error probability rises with the rate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ErrorCurve {
    /// The probability that a byte is damaged at `at_baud`.
    pub rate: f64,
    /// The rate at which the probability is `rate`.
    pub at_baud: u32,
    /// Up to this rate no byte is damaged.
    pub knee: u32,
}

/// The rate below which a bridge's errors start unless told otherwise.
pub const DEFAULT_KNEE: u32 = 2_000_000;

impl ErrorCurve {
    /// Parses `P@BAUD` (such as `1e-4@3000000`): probability `P` at `BAUD`, rising from 0 at
    /// `knee`. `knee` must be below `BAUD`.
    pub fn parse(spec: &str, knee: u32) -> Result<ErrorCurve, String> {
        let bad = || {
            format!(
                "bad bridge error spec '{spec}': expected P@BAUD, such as 1e-4@3000000 \
                 (a probability from 0 to 1 per byte at that baud rate)"
            )
        };
        let (p, baud) = spec.split_once('@').ok_or_else(bad)?;
        let rate: f64 = p.trim().parse().map_err(|_| bad())?;
        let at_baud: u32 = baud.trim().parse().map_err(|_| bad())?;
        if !(0.0..=1.0).contains(&rate) {
            return Err(bad());
        }
        if at_baud <= knee {
            return Err(format!(
                "bad bridge error spec '{spec}': the errors rise from {knee} baud (the knee), \
                 so the rate named must be above it"
            ));
        }
        Ok(ErrorCurve {
            rate,
            at_baud,
            knee,
        })
    }

    /// The probability that one byte is damaged at `baud`.
    pub fn at(&self, baud: u32) -> f64 {
        if baud <= self.knee {
            return 0.0;
        }
        let over = (baud - self.knee) as f64 / (self.at_baud - self.knee) as f64;
        (self.rate * over).min(0.5)
    }
}

/// What the bridge is like; the default is a perfect one at any rate.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct BridgeSpec {
    /// The highest rate the bridge can run at.
    pub max_baud: Option<u32>,
    /// How its byte errors rise with the rate.
    pub errors: Option<ErrorCurve>,
}

impl BridgeSpec {
    /// Whether the bridge does anything to the bytes at all.
    pub fn is_perfect(&self) -> bool {
        self.max_baud.is_none() && self.errors.is_none_or(|e| e.rate == 0.0)
    }
}

/// A bridge carrying bytes, with its own random numbers.
pub struct Bridge {
    spec: BridgeSpec,
    rng: SmallRng,
    /// Bytes damaged (or made garbage) so far, both directions.
    pub damaged: u64,
}

impl Bridge {
    /// A bridge as `spec` says, its damage drawn from `seed`.
    pub fn new(spec: BridgeSpec, seed: u64) -> Bridge {
        Bridge {
            spec,
            // Another stream than the power cut's, which draws from the same seed.
            rng: SmallRng::seed_from_u64(seed ^ 0xB41D_B41D),
            damaged: 0,
        }
    }

    /// Whether `baud` is beyond what the bridge can run at.
    pub fn dead_at(&self, baud: u32) -> bool {
        self.spec.max_baud.is_some_and(|m| baud > m)
    }

    /// Carries bytes one way at `baud`, damaging them as the bridge does.
    pub fn carry(&mut self, bytes: &mut [u8], baud: u32) {
        if self.spec.is_perfect() {
            return;
        }
        if self.dead_at(baud) {
            self.rng.fill(bytes);
            self.damaged += bytes.len() as u64;
            return;
        }
        let p = self.spec.errors.map_or(0.0, |e| e.at(baud));
        if p <= 0.0 {
            return;
        }
        for b in bytes {
            if self.rng.random_bool(p) {
                *b ^= 1 << self.rng.random_range(0..8);
                self.damaged += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_and_the_curve() {
        let c = ErrorCurve::parse("1e-4@3000000", DEFAULT_KNEE).unwrap();
        assert_eq!(c.at(2_000_000), 0.0);
        assert_eq!(c.at(921_600), 0.0);
        assert!((c.at(2_500_000) - 5e-5).abs() < 1e-12);
        assert!((c.at(3_000_000) - 1e-4).abs() < 1e-12);
        assert!(c.at(5_000_000) > c.at(3_000_000));
        for bad in ["1e-4", "x@3000000", "2@3000000", "1e-4@y", "1e-4@1000000"] {
            assert!(ErrorCurve::parse(bad, DEFAULT_KNEE).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_rate_past_the_bridge_is_garbage_and_errors_follow_the_seed() {
        let spec = BridgeSpec {
            max_baud: Some(921_600),
            errors: Some(ErrorCurve::parse("0.01@921600", 460_800).unwrap()),
        };
        let mut b = Bridge::new(spec, 1);
        let mut clean = vec![0x55u8; 4096];
        b.carry(&mut clean, 460_800);
        assert!(clean.iter().all(|&x| x == 0x55), "no errors at the knee");
        let mut dead = vec![0x55u8; 4096];
        b.carry(&mut dead, 1_500_000);
        assert!(dead.iter().filter(|&&x| x == 0x55).count() < 100);
        let run = |seed| {
            let mut b = Bridge::new(spec, seed);
            let mut v = vec![0u8; 10_000];
            b.carry(&mut v, 921_600);
            v
        };
        let damaged = run(7).iter().filter(|&&x| x != 0).count();
        assert!((50..200).contains(&damaged), "{damaged}");
        assert_eq!(run(7), run(7));
        assert_ne!(run(7), run(8));
    }
}
