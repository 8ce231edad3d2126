//! What changing the line rate of a running stub needs beyond CHANGE_BAUDRATE: following
//! the chip from this end alone, a quick question that proves the line works, the filler
//! that brings a stub on probation back (see [`caps::FLAG_BAUD_PROBATION`]), and a hook
//! that may change the rate between the blocks of a write stream.

use std::time::Duration;

use espflow_protocol::caps;
use espflow_protocol::message::ReadReg;
use espflow_protocol::{Command, Request};

use super::{Loader, Result};

/// How long the line is left alone after this end changed its rate: the bytes in flight
/// at the old rate are dropped.
const SETTLE: Duration = Duration::from_millis(20);

/// Watches a write stream's line errors and may change the line rate between its blocks
/// ([`Loader::set_rate_governor`]).
pub trait RateGovernor: Send {
    /// A block was answered (`retried` false), or a round of blocks had to be sent again
    /// because of the line (`retried` true). True asks for [`RateGovernor::change`] as
    /// soon as no block is in flight.
    fn observe(&mut self, retried: bool) -> bool;
    /// Nothing is in flight: change the rate now (down, when asked because the stream's
    /// own retry budget ran out). An error ends the stream.
    fn change(&mut self, loader: &mut Loader) -> Result<()>;
    /// Whether there is a rate to step down to: while there is, a stream whose own retry
    /// budget ran out steps down instead of giving up.
    fn can_step_down(&self) -> bool;
}

impl Loader {
    /// The line rate both ends are at, as far as this end knows.
    pub fn baud(&self) -> u32 {
        self.baud
    }

    /// Whether the running stub falls back to its previous rate by itself when a new one
    /// turns out dead ([`caps::FLAG_BAUD_PROBATION`]), which makes trying a rate safe.
    pub fn stub_has_baud_probation(&self) -> bool {
        self.speaks_v2()
            && self
                .caps
                .is_some_and(|c| c.flags & caps::FLAG_BAUD_PROBATION != 0)
    }

    /// Moves this end alone to `baud` (the chip is not told), drops what arrived before.
    pub fn follow_baud(&mut self, baud: u32) -> Result<()> {
        self.conn.port().set_baud(baud)?;
        self.baud = baud;
        std::thread::sleep(SETTLE);
        self.conn.flush_input()?;
        Ok(())
    }

    /// Sends enough `0xC0` bytes to end a stub's probation at a rate it cannot hear this
    /// end at, waits until they are out at the current rate, and drops what came back.
    /// At a rate the stub does hear, they are empty SLIP frames, which it ignores.
    pub fn send_probation_filler(&mut self) -> Result<()> {
        let n = caps::BAUD_PROBATION_BYTES as usize * 2;
        self.conn.port().write_all(&vec![0xC0; n])?;
        let on_line = Duration::from_secs_f64(n as f64 * 10.0 / self.baud.max(1) as f64);
        std::thread::sleep(on_line + SETTLE);
        self.conn.flush_input()?;
        Ok(())
    }

    /// One READ_REG of the chip-detect word, answered within `timeout`: whether the line
    /// works both ways at the current rate. Nothing is retried.
    pub fn ping(&mut self, timeout: Duration) -> bool {
        let req = ReadReg {
            addr: crate::chip::CHIP_DETECT_MAGIC_REG,
        };
        let mut data = [0u8; ReadReg::MAX_LEN];
        let n = req.encode(&mut data);
        if self.conn.flush_input().is_err() {
            return false;
        }
        self.conn
            .command(Command::ReadReg, &data[..n], 0, 0, timeout)
            .is_ok()
    }

    /// Reads `len` bytes of flash at `addr` once, each frame awaited at most `wait`, as an
    /// integrity probe of the line: true when the data arrived whole (its MD5 matching the
    /// chip's) with nothing sent again. After a failure the line is drained, so that what
    /// the stub still sends of the read is not taken for a later answer.
    pub fn probe_read(&mut self, addr: u32, len: u32, wait: Duration) -> bool {
        let before = self.conn.retries;
        let ok = self.read_flash_once(addr, len, &mut |_| {}, wait).is_ok();
        if !ok {
            let _ = super::drain_until_quiet(&mut self.conn);
        }
        ok && self.conn.retries == before
    }

    /// Installs (or with `None` removes) what watches write streams' line errors and may
    /// change the rate between blocks; returns the one it replaces.
    pub fn set_rate_governor(
        &mut self,
        g: Option<Box<dyn RateGovernor>>,
    ) -> Option<Box<dyn RateGovernor>> {
        std::mem::replace(&mut self.governor, g)
    }

    /// Tells the governor, if any, about a block answered or a round sent again; true
    /// when it wants the rate changed.
    pub(super) fn governor_observe(&mut self, retried: bool) -> bool {
        self.governor.as_mut().is_some_and(|g| g.observe(retried))
    }

    /// Whether a governor is installed that can still step down.
    pub(super) fn governor_can_step_down(&self) -> bool {
        self.governor.as_ref().is_some_and(|g| g.can_step_down())
    }

    /// Lets the governor change the rate, nothing being in flight; true when the rate
    /// changed.
    pub(super) fn governor_change(&mut self) -> Result<bool> {
        let Some(mut g) = self.governor.take() else {
            return Ok(false);
        };
        let before = self.baud;
        let r = g.change(self);
        self.governor = Some(g);
        r.map(|()| self.baud != before)
    }
}
