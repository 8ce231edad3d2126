//! The stub's upload at the rate the rest of the session will run at, on ROM loaders whose
//! line rate is one register away.
//!
//! A stub goes up through the ROM loader, which runs at 115200 baud until it is asked to
//! change: espflow's stub is about 29 KiB, so 2.6 s of every connection. The ESP32's ROM
//! has CHANGE_BAUDRATE, but the command first waits for its transmitter to go idle, which
//! on Espressif's emulator never happens, and it sets its divider from a crystal estimate
//! that can be off. Writing UART0's divider with WRITE_REG does the same switch without
//! either: the host computes the divider from the crystal it measured. The ROM answers
//! that WRITE_REG at the new rate, while this end may still listen at the old one, so the
//! answer is not waited for; a READ_REG of the divider at the new rate proves the switch.
//!
//! Chips that run UART0 from one fixed clock have no crystal to get wrong, and their ROM's
//! CHANGE_BAUDRATE sets the divider from it: there the command itself makes the switch,
//! and a register read at the new rate proves it.
//!
//! Before MEM_END the old rate is put back, so the stub starts at the rate it expects (it
//! derives its own clock from the divider it finds, assuming 115200). Whatever goes wrong
//! at the new rate, the upload is made again at the ROM's own rate: the fast path only
//! ever costs a retry. Where the way back itself went unanswered, the chip is looked for
//! at both rates before anything else is sent.

use std::time::Duration;

use espflow_protocol::Command;
use espflow_protocol::message::WriteReg;

use super::{Loader, LoaderError, Result, encode};
use crate::chip::{CHIP_DETECT_MAGIC_REG, Chip};
use crate::stub::StubImage;

/// How long the line is left alone after the divider changed, before this end listens:
/// the ROM's answer at the new rate, and whatever this end made of it, are dropped.
const SETTLE: Duration = Duration::from_millis(20);

/// At the session's rate a block is tried once more, and its answer waited for briefly (a
/// 6 KiB block takes 67 ms at 921600): a rate the chip's loader cannot keep up with fails
/// every block from the first on, and each of those failures would otherwise cost the full
/// retry budget, and a lost answer 3 s, before the upload at the ROM's rate that follows.
const FAST_RETRIES: u32 = 1;
const FAST_TIMEOUT: Duration = Duration::from_millis(500);

/// How a chip's ROM loader is moved to the session's rate for the upload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Switch {
    /// WRITE_REG of UART0's divider at this address, computed from the measured crystal.
    Divider(u32),
    /// The ROM's own CHANGE_BAUDRATE, on a chip whose UART clock is fixed.
    RomCommand,
}

/// The chips whose ROM loader takes the stub at the session's rate, and how. Measured on
/// the mask ROMs under Espressif's QEMU (the ESP32's rev 3, the C3's); the other ROMs keep
/// 115200 until measured.
fn switch_for(chip: Chip) -> Option<Switch> {
    match chip {
        Chip::Esp32 => chip.facts().uart_clkdiv_reg.map(Switch::Divider),
        Chip::Esp32c3 => Some(Switch::RomCommand),
        _ => None,
    }
}

/// How long a probe for the chip's rate waits for its answer (a READ_REG answer is 14
/// bytes, 1.2 ms at 115200).
const PROBE_TIMEOUT: Duration = Duration::from_millis(200);

/// UART0's CLKDIV word for `baud` from a `clock_hz` UART clock: the integer part in the low
/// bits, sixteenths in bits 20-23.
pub(super) fn divider_word(clock_hz: u64, baud: u32) -> u32 {
    let div16 = (clock_hz * 16 + baud as u64 / 2) / baud as u64;
    ((div16 >> 4) as u32 & 0xF_FFFF) | (((div16 & 0xF) as u32) << 20)
}

/// The rate a stub upload ran at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UploadRate {
    /// The session's rate.
    Target,
    /// The ROM's own rate, the only one this chip's ROM is known to take a stub at.
    Rom,
    /// The ROM's own rate, after the upload at the session's rate failed: worth
    /// remembering for this port.
    RomAfterFailure,
}

impl Loader {
    /// Uploads `image` and starts it, at `baud` where the chip's ROM allows and `try_fast`
    /// (see the module documentation), else at the ROM's own rate.
    pub fn upload_stub_at(
        &mut self,
        image: &StubImage,
        baud: u32,
        try_fast: bool,
    ) -> Result<UploadRate> {
        let rom_baud = self.baud;
        let switch = match switch_for(self.chip) {
            Some(switch) if try_fast && baud > rom_baud && !self.is_stub() => switch,
            _ => {
                self.upload_stub(image)?;
                return Ok(UploadRate::Rom);
            }
        };
        let (loaded, restored) = match switch {
            Switch::Divider(reg) => {
                let old = self.read_reg(reg)?;
                let clock = self.chip.facts().crystal_from_clkdiv(old, rom_baud) as u64 * 1_000_000;
                let fast = divider_word(clock, baud);
                let loaded = self
                    .set_divider(reg, fast, baud)
                    .and_then(|()| self.load_segments(image, FAST_RETRIES, FAST_TIMEOUT));
                // Back to the ROM's rate either way; if the chip never switched, this finds
                // it there.
                (loaded, self.set_divider(reg, old, rom_baud))
            }
            Switch::RomCommand => {
                let loaded = self
                    .change_baud(baud)
                    .and_then(|()| self.read_reg(CHIP_DETECT_MAGIC_REG))
                    .and_then(|_| self.load_segments(image, FAST_RETRIES, FAST_TIMEOUT));
                (loaded, self.rom_rate_back(rom_baud, baud))
            }
        };
        match (loaded, restored) {
            (Ok(()), Ok(())) => {
                let started = self.start_loaded(image);
                self.again_if_silent(started, image)?;
                Ok(UploadRate::Target)
            }
            (_, Ok(())) => {
                self.conn.retries += 1;
                self.upload_stub(image)?;
                Ok(UploadRate::RomAfterFailure)
            }
            (_, Err(e)) => Err(e),
        }
    }

    /// Brings the ROM loader back to `rom` baud with CHANGE_BAUDRATE after the upload at
    /// `fast`. A request or answer lost on the way leaves the chip at either rate, so it is
    /// then looked for at both (and asked again from `fast`), and nothing more is sent until
    /// it answers at `rom`.
    fn rom_rate_back(&mut self, rom: u32, fast: u32) -> Result<()> {
        for _ in 0..3 {
            if self.baud != rom {
                // An error here is answered by the probes below.
                let _ = self.change_baud(rom);
            }
            for rate in [rom, fast] {
                if self.answers_at(rate)? {
                    if rate == rom {
                        return Ok(());
                    }
                    break;
                }
            }
        }
        Err(LoaderError::Malformed {
            cmd: Command::ChangeBaudrate.name(),
            reason: format!("the ROM loader no longer answers at {rom} or {fast} baud"),
        })
    }

    /// Whether the chip answers a register read at `rate` (one of two [`Loader::ping`]s),
    /// where this end then stays.
    fn answers_at(&mut self, rate: u32) -> Result<bool> {
        self.conn.port().set_baud(rate)?;
        self.baud = rate;
        Ok(self.ping(PROBE_TIMEOUT) || self.ping(PROBE_TIMEOUT))
    }

    /// Writes `word` to the UART divider at `reg`, which moves the chip's line to `baud`,
    /// follows it there and proves the switch by reading the divider back.
    fn set_divider(&mut self, reg: u32, word: u32, baud: u32) -> Result<()> {
        let w = WriteReg {
            addr: reg,
            value: word,
            mask: u32::MAX,
            delay_us: 0,
        };
        self.conn.send_command(Command::WriteReg, &encode(&w), 0)?;
        self.conn.port().set_baud(baud)?;
        self.baud = baud;
        std::thread::sleep(SETTLE);
        self.conn.flush_input()?;
        let mut last = None;
        for _ in 0..3 {
            match self.read_reg(reg) {
                Ok(v) if v == word => return Ok(()),
                Ok(v) => last = Some(v),
                Err(LoaderError::Io(e)) => return Err(LoaderError::Io(e)),
                Err(_) => self.conn.flush_input()?,
            }
        }
        Err(LoaderError::Malformed {
            cmd: Command::WriteReg.name(),
            reason: match last {
                Some(v) => format!("the UART divider reads {v:#x} after writing {word:#x}"),
                None => format!("no answer at {baud} baud after setting the UART divider"),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::divider_word;

    #[test]
    fn dividers_carry_sixteenths_in_the_fraction_field() {
        // 40 MHz at 115200: 347.2 → 347 + 4/16 rounded to sixteenths (5555.6 → 5556).
        assert_eq!(divider_word(40_000_000, 115_200), (4 << 20) | 347);
        // 40 MHz at 921600: 43.4 → 694/16 = 43 + 6/16.
        assert_eq!(divider_word(40_000_000, 921_600), (6 << 20) | 43);
        // An exact divider has no fraction.
        assert_eq!(divider_word(26_000_000, 1_000_000), 26);
    }
}
