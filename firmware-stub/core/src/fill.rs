//! Fills: whole sectors the host wants to hold one byte value (0xFF for a run the image
//! leaves erased, zeros for padding), done without the data crossing the line.
//!
//! The work is done in pieces after write blocks, paced by what each block leaves idle:
//! a block that took longer to arrive than the flash took to store it leaves the flash
//! idle for the difference, and that time is spent on the queue instead. The line time of
//! a block follows from its length and the baud rate; the flash time from what the writer
//! did, at datasheet typical rates ([`cost`]). No clock is needed, and an estimate that is
//! off only moves flash work earlier or later: the same erases happen either way.

use espflow_protocol::caps::{Fill, MAX_FILLS, WriteStats};

use crate::hal::SpiFlash;
use crate::writer::{BLOCK, PAGE, SECTOR, WriteError};

/// Datasheet typical times (Winbond W25Q32JV, as the virtual chip models them) in
/// microseconds, for pacing only.
pub mod cost {
    pub const PAGE_PROGRAM: u32 = 700;
    pub const SECTOR_ERASE: u32 = 45_000;
    pub const BLOCK_ERASE: u32 = 150_000;
    /// Reading a sector over SPI (about 10 MB/s).
    pub const SECTOR_READ: u32 = 400;
}

/// Credit the pacing may bank, so that a long pause on the line (the host busy) does not
/// turn into one long burst of flash work behind a single block's answer.
const MAX_CREDIT_US: i32 = 400_000;

#[derive(Clone, Copy, Default)]
struct Entry {
    /// The next sector to look at, and the end of the range.
    next: u32,
    end: u32,
    /// Sectors below this (from `next`) are erased and wait only for programming.
    erased_to: u32,
    /// Whether those sectors were erased here (and so skip nothing when they read as
    /// the value).
    erased: bool,
    value: u8,
}

#[derive(Default)]
pub struct Queue {
    entries: [Entry; MAX_FILLS],
    len: usize,
    /// What the queued fills did since the queue was last empty and finished.
    pub stats: WriteStats,
    error: Option<WriteError>,
    credit_us: i32,
}

impl Queue {
    /// Forgets everything: a new host starts with an empty queue.
    pub fn clear(&mut self) {
        *self = Queue::default();
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn live(&self) -> &[Entry] {
        &self.entries[..self.len]
    }

    /// Whether any queued sector lies in `addr..addr + size`.
    pub fn overlaps(&self, addr: u32, size: u32) -> bool {
        // Both ranges lie inside the flash (checked on the way in), so nothing wraps.
        self.live()
            .iter()
            .any(|e| e.next < addr + size && addr < e.end)
    }

    /// Queues `f`; the same range again is taken once. False when the queue is full.
    pub fn push(&mut self, f: Fill) -> bool {
        let dup = self
            .live()
            .iter()
            .any(|e| e.end == f.addr + f.size && e.value == f.value as u8);
        if dup {
            return true;
        }
        if self.len == MAX_FILLS {
            return false;
        }
        if self.len == 0 {
            self.stats = WriteStats::default();
            self.error = None;
        }
        self.entries[self.len] = Entry {
            next: f.addr,
            end: f.addr + f.size,
            erased_to: f.addr,
            erased: false,
            value: f.value as u8,
        };
        self.len += 1;
        true
    }

    /// Drops the queued ranges that overlap `addr..addr + size` (a write stream about to
    /// write there), which the finish then reports.
    pub fn drop_overlapping(&mut self, addr: u32, size: u32) {
        if self.overlaps(addr, size) {
            self.error = Some(WriteError::TooMuchData);
            self.len = 0;
        }
    }

    /// After a write block that spent `line_us` on the line and `flash_us` in the flash:
    /// spends the difference, banked, on queued work.
    pub fn after_block<F: SpiFlash>(
        &mut self,
        flash: &mut F,
        buf: &mut [u8; SECTOR as usize],
        line_us: u32,
        flash_us: u32,
    ) {
        self.credit_us = (self.credit_us + line_us as i32 - flash_us as i32).min(MAX_CREDIT_US);
        while self.credit_us > 0 && !self.is_empty() && self.error.is_none() {
            match self.step(flash, buf) {
                Ok(us) => self.credit_us -= us as i32,
                Err(e) => {
                    self.error = Some(e);
                    self.len = 0;
                }
            }
        }
    }

    /// Does everything left; the first error any fill met, if one did.
    pub fn finish<F: SpiFlash>(
        &mut self,
        flash: &mut F,
        buf: &mut [u8; SECTOR as usize],
    ) -> Result<WriteStats, WriteError> {
        while !self.is_empty() && self.error.is_none() {
            if let Err(e) = self.step(flash, buf) {
                self.error = Some(e);
                self.len = 0;
            }
        }
        self.credit_us = 0;
        match self.error.take() {
            Some(e) => Err(e),
            None => Ok(self.stats),
        }
    }

    /// One piece of work on the last range queued (the order does not matter): a sector programmed (or found to hold the
    /// value already), or a 64 KiB block (a sector where no whole block is left) looked
    /// at and erased if any of it holds other data. Returns its estimated cost.
    #[inline(never)]
    fn step<F: SpiFlash>(
        &mut self,
        flash: &mut F,
        buf: &mut [u8; SECTOR as usize],
    ) -> Result<u32, WriteError> {
        let e = &mut self.entries[self.len - 1];
        let v = e.value;
        let mut us = cost::SECTOR_READ;
        if e.next < e.erased_to {
            // Erased or holding the value already: programmed only in the first case.
            flash.read(e.next, buf)?;
            if buf.iter().all(|b| *b == v) {
                self.stats.sectors_skipped += !e.erased as u32;
            } else {
                buf.fill(v);
                flash.program(e.next, &buf[..])?;
                flash.read(e.next, buf)?;
                if buf.iter().any(|b| *b != v) {
                    return Err(WriteError::Verify);
                }
                self.stats.sectors_programmed += 1;
                us += (SECTOR as usize / PAGE) as u32 * cost::PAGE_PROGRAM + cost::SECTOR_READ;
            }
            e.next += SECTOR;
        } else {
            // A block erase costs about what three sector erases do.
            let span = if e.next.is_multiple_of(BLOCK) && e.end - e.next >= BLOCK {
                BLOCK
            } else {
                SECTOR
            };
            let mut dirty = false;
            let mut at = e.next;
            while at < e.next + span && !dirty {
                flash.read(at, buf)?;
                us += cost::SECTOR_READ;
                dirty = !(buf.iter().all(|b| *b == 0xFF) || buf.iter().all(|b| *b == v));
                at += SECTOR;
            }
            if dirty {
                if span == BLOCK {
                    flash.erase_block(e.next)?;
                    us += cost::BLOCK_ERASE;
                } else {
                    flash.erase_sector(e.next)?;
                    us += cost::SECTOR_ERASE;
                }
                self.stats.sectors_erased += span / SECTOR;
            }
            e.erased_to = e.next + span;
            e.erased = dirty;
        }
        if e.next >= e.end {
            self.len -= 1;
        }
        Ok(us)
    }
}
