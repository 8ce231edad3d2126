//! The stream writer: incoming bytes gather in a sector buffer; each full sector is compared
//! with the flash and then left alone (already there), programmed without an erase (every
//! page that changes is still erased), or erased once and programmed. Then it is read back.
//!
//! Bytes of the first and last sector outside the stream are read from the flash first and
//! written back unchanged, so a write never disturbs its neighbours.

use crate::fill::cost;
use crate::hal::{FlashFault, SpiFlash};

pub const SECTOR: u32 = 0x1000;
pub const BLOCK: u32 = 0x10000;
pub const PAGE: usize = 0x100;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteError {
    Flash,
    /// What was programmed reads back differently.
    Verify,
    TooMuchData,
}

impl From<FlashFault> for WriteError {
    fn from(_: FlashFault) -> Self {
        WriteError::Flash
    }
}

/// Counters of one stream, for the host's summary; they go out as they are.
pub use espflow_protocol::caps::WriteStats;

pub struct SectorWriter {
    buf: [u8; SECTOR as usize],
    scratch: [u8; SECTOR as usize],
    /// Flash address of `buf[0]`.
    base: u32,
    /// Bytes of `buf` filled so far (including a preloaded head).
    fill: usize,
    /// The stream's first byte, the next one expected, and its end.
    start: u32,
    next: u32,
    end: u32,
    /// The stream goes through the flash-encryption engine: whole sectors, erased and
    /// programmed without a compare or read-back, as the flash holds ciphertext.
    encrypted: bool,
    pub stats: WriteStats,
    /// Estimated flash time spent since the last [`SectorWriter::take_flash_us`], which
    /// paces the fills (see [`crate::fill`]).
    flash_us: u32,
}

impl Default for SectorWriter {
    fn default() -> Self {
        SectorWriter {
            buf: [0xFF; SECTOR as usize],
            scratch: [0xFF; SECTOR as usize],
            base: 0,
            fill: 0,
            start: 0,
            next: 0,
            end: 0,
            encrypted: false,
            stats: WriteStats::default(),
            flash_us: 0,
        }
    }
}

impl SectorWriter {
    /// Starts a stream of `size` bytes at `offset`; an `encrypted` one covers whole
    /// sectors (the caller checks).
    pub fn begin(&mut self, offset: u32, size: u32, encrypted: bool) {
        self.encrypted = encrypted;
        self.base = offset & !(SECTOR - 1);
        self.fill = 0;
        self.start = offset;
        self.next = offset;
        self.end = offset + size;
        self.stats = WriteStats::default();
    }

    /// The estimated flash time of what was done since the last call.
    pub fn take_flash_us(&mut self) -> u32 {
        core::mem::take(&mut self.flash_us)
    }

    pub fn remaining(&self) -> u32 {
        self.end - self.next
    }

    /// The address up to which every byte is programmed and verified.
    pub fn committed(&self) -> u32 {
        self.base.clamp(self.start, self.end)
    }

    /// Adds stream bytes, committing each sector as it fills and the last one when the
    /// stream is complete.
    pub fn feed<F: SpiFlash>(&mut self, flash: &mut F, mut data: &[u8]) -> Result<(), WriteError> {
        if data.len() as u32 > self.remaining() {
            return Err(WriteError::TooMuchData);
        }
        while !data.is_empty() {
            if self.fill == 0 && self.next > self.base {
                // The stream starts inside this sector: keep what precedes it.
                let head = (self.next - self.base) as usize;
                flash.read(self.base, &mut self.buf[..head])?;
                self.fill = head;
            }
            let n = data.len().min(SECTOR as usize - self.fill);
            self.buf[self.fill..self.fill + n].copy_from_slice(&data[..n]);
            self.fill += n;
            self.next += n as u32;
            data = &data[n..];
            if self.fill == SECTOR as usize || self.next == self.end {
                self.commit(flash)?;
            }
        }
        Ok(())
    }

    fn page_differs(&self, i: usize) -> bool {
        self.scratch[i * PAGE..(i + 1) * PAGE] != self.buf[i * PAGE..(i + 1) * PAGE]
    }

    fn commit<F: SpiFlash>(&mut self, flash: &mut F) -> Result<(), WriteError> {
        if self.encrypted {
            return self.commit_encrypted(flash);
        }
        let len = SECTOR as usize;
        if self.fill < len {
            // The stream ends inside this sector: keep what follows it.
            let tail_at = self.base + self.fill as u32;
            flash.read(tail_at, &mut self.buf[self.fill..])?;
        }
        flash.read(self.base, &mut self.scratch)?;
        self.flash_us += cost::SECTOR_READ;
        if self.scratch == self.buf {
            self.stats.sectors_skipped += 1;
        } else {
            let needs_erase = self
                .scratch
                .chunks(PAGE)
                .zip(self.buf.chunks(PAGE))
                .any(|(old, new)| old != new && old.iter().any(|b| *b != 0xFF));
            if needs_erase {
                self.erase(flash)?;
                self.scratch.fill(0xFF);
            }
            // Pages that change are programmed in runs: each call to the flash driver has a
            // fixed cost that dwarfs a page's worth of bytes.
            let pages = SECTOR as usize / PAGE;
            let mut i = 0;
            while i < pages {
                if !self.page_differs(i) {
                    i += 1;
                    continue;
                }
                let start = i;
                while i < pages && self.page_differs(i) {
                    i += 1;
                }
                let run = &self.buf[start * PAGE..i * PAGE];
                flash.program(self.base + (start * PAGE) as u32, run)?;
                self.flash_us += (i - start) as u32 * cost::PAGE_PROGRAM;
            }
            self.stats.sectors_programmed += 1;
            flash.read(self.base, &mut self.scratch)?;
            self.flash_us += cost::SECTOR_READ;
            if self.scratch != self.buf {
                return Err(WriteError::Verify);
            }
        }
        self.base += SECTOR;
        self.fill = 0;
        Ok(())
    }

    /// Erases the sector at `base`. A stream that covers this whole 64 KiB block rewrites
    /// all of it: one block erase costs about what three sector erases do, and the sectors
    /// after this one then read as erased and need programming only.
    fn erase<F: SpiFlash>(&mut self, flash: &mut F) -> Result<(), WriteError> {
        if self.base.is_multiple_of(BLOCK) && self.end >= self.base + BLOCK {
            flash.erase_block(self.base)?;
            self.flash_us += cost::BLOCK_ERASE;
            self.stats.sectors_erased += BLOCK / SECTOR;
        } else {
            flash.erase_sector(self.base)?;
            self.flash_us += cost::SECTOR_ERASE;
            self.stats.sectors_erased += 1;
        }
        Ok(())
    }

    /// An encrypted sector: what the flash holds is ciphertext, which says nothing about
    /// the plaintext in hand, so the sector is erased unless it reads erased (the only state
    /// that is the same either way) and then programmed whole. The host, which knows the
    /// ciphertext when it has the key, decides what to skip and verifies by digest.
    fn commit_encrypted<F: SpiFlash>(&mut self, flash: &mut F) -> Result<(), WriteError> {
        flash.read(self.base, &mut self.scratch)?;
        self.flash_us += cost::SECTOR_READ;
        if self.scratch.iter().any(|b| *b != 0xFF) {
            self.erase(flash)?;
        }
        flash.program_encrypted(self.base, &self.buf)?;
        self.flash_us += (SECTOR as usize / PAGE) as u32 * cost::PAGE_PROGRAM;
        self.stats.sectors_programmed += 1;
        self.base += SECTOR;
        self.fill = 0;
        Ok(())
    }
}
