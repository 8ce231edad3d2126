//! Faults a virtual chip can be told to suffer, as written on the command line:
//!
//! - `power-cut:after-ops=N`: power fails in the middle of the Nth flash erase or program;
//! - `power-cut:erase=N` / `power-cut:program=N`: the same, counting only that kind;
//! - `power-cut:at-ms=T`: the first erase or program at or after T ms of virtual time;
//! - `line-drop:after-bytes=N`: the connection is cut once N bytes have been received;
//! - `worn-cell:addr=A`: programming silently leaves the flash byte at A as it was.
//!
//! Each strikes once. A power cut loses RAM (a running stub is gone), keeps the flash as
//! the interrupted operation left it, and drops the line; the chip then comes back in its
//! ROM loader. The damage is drawn from the chip's seed, so a run can be repeated.

use super::flash::{CutAt, PowerCut};

/// One fault to inject.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// Power fails in the middle of the flash operation `CutAt` names.
    PowerCut(CutAt),
    /// The connection is cut once this many bytes have been received.
    LineDrop {
        /// Bytes received before the cut (the rest of the chunk that crosses it is lost).
        after_bytes: u64,
    },
    /// Programming silently leaves the flash byte at `addr` as it was.
    WornCell {
        /// The worn byte's flash address.
        addr: u32,
    },
}

impl Fault {
    /// Parses one spec in the forms listed above; the error message names the bad spec
    /// and the accepted forms. Power-cut counts must be at least 1.
    pub fn parse(spec: &str) -> Result<Fault, String> {
        let bad = || {
            format!(
                "bad fault '{spec}': expected power-cut:after-ops=N, power-cut:erase=N, \
                 power-cut:program=N, power-cut:at-ms=T, line-drop:after-bytes=N or \
                 worn-cell:addr=A"
            )
        };
        let (kind, arg) = spec.split_once(':').ok_or_else(bad)?;
        let (key, value) = arg.split_once('=').ok_or_else(bad)?;
        let n: u64 = value.parse().map_err(|_| bad())?;
        match (kind, key) {
            ("power-cut", "after-ops") if n > 0 => Ok(Fault::PowerCut(CutAt::Op(n))),
            ("power-cut", "erase") if n > 0 => Ok(Fault::PowerCut(CutAt::Erase(n))),
            ("power-cut", "program") if n > 0 => Ok(Fault::PowerCut(CutAt::Program(n))),
            ("power-cut", "at-ms") => Ok(Fault::PowerCut(CutAt::TimeNs(n * 1_000_000))),
            ("line-drop", "after-bytes") => Ok(Fault::LineDrop { after_bytes: n }),
            ("worn-cell", "addr") => u32::try_from(n)
                .map(|addr| Fault::WornCell { addr })
                .map_err(|_| bad()),
            _ => Err(bad()),
        }
    }

    /// The power cut to arm in the flash, with the damage drawn from `seed`; `None` for
    /// faults of the line.
    pub fn power_cut(&self, seed: u64) -> Option<PowerCut> {
        match self {
            Fault::PowerCut(at) => Some(PowerCut { at: *at, seed }),
            Fault::LineDrop { .. } | Fault::WornCell { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs() {
        assert_eq!(
            Fault::parse("power-cut:after-ops=12"),
            Ok(Fault::PowerCut(CutAt::Op(12)))
        );
        assert_eq!(
            Fault::parse("power-cut:at-ms=5"),
            Ok(Fault::PowerCut(CutAt::TimeNs(5_000_000)))
        );
        assert_eq!(
            Fault::parse("line-drop:after-bytes=100"),
            Ok(Fault::LineDrop { after_bytes: 100 })
        );
        assert_eq!(
            Fault::parse("worn-cell:addr=65536"),
            Ok(Fault::WornCell { addr: 0x10000 })
        );
        for bad in [
            "power-cut",
            "power-cut:after-ops=x",
            "power-cut:after-ops=0",
            "noise:x=1",
        ] {
            assert!(Fault::parse(bad).unwrap_err().contains(bad), "{bad}");
        }
    }
}
