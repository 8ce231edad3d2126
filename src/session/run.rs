//! Leaving the loader for the application without the reset lines, for chips that are
//! reached over a line that has none (a TCP bridge, an emulator).

use super::Session;
use crate::error::{Error, Result};
use crate::port::Transport;

/// The block size FLASH_BEGIN names when it announces no data at all.
const EMPTY_BLOCK: u32 = 0x400;

impl Session {
    /// Asks the ROM loader to boot the application in flash, as esptool's `run` does: an
    /// empty FLASH_BEGIN, then FLASH_END with its reboot flag. The port is given back, with
    /// whatever the application prints from then on. A stub cannot do this (neither
    /// espflow's nor esptool's leaves through FLASH_END), so a session whose stub already
    /// runs is refused before anything is sent.
    pub fn run_application(mut self) -> Result<Box<dyn Transport>> {
        if self.loader.is_stub() {
            return Err(Error::Refused {
                reason: "a stub is running on the chip, and only its ROM loader can start the \
                         application without the reset lines; reset the chip"
                    .into(),
            });
        }
        self.loader
            .flash_begin(0, 0, EMPTY_BLOCK, 0, false, false)?;
        self.loader.flash_end(false, true)?;
        self.finish(crate::loader::After::NoReset)
    }
}
