//! A NOR flash that holds the stub core's writer to the rules of the real part: programming
//! only clears bits, erases are aligned, and nothing outside the sectors of the stream being
//! written is touched. Breaking a rule panics, so the fuzzer reports where it happened.

use std::ops::Range;

use espflow_stub_core::hal::{FlashFault, SpiFlash};
use espflow_stub_core::writer::{BLOCK, SECTOR};

pub struct StrictNor {
    pub cells: Vec<u8>,
    /// The flash addresses the current stream may read, erase and program: the sectors its
    /// bytes fall in.
    pub allowed: Range<u32>,
    /// The operation (counted from 0 over the part's life) that fails with a fault.
    pub fail_at: Option<u64>,
    pub ops: u64,
    /// Set once the armed fault has struck.
    pub faulted: bool,
    /// A cell that programming leaves as it is, as a worn part does.
    pub worn: Option<u32>,
}

impl StrictNor {
    pub fn new(cells: Vec<u8>) -> StrictNor {
        StrictNor {
            cells,
            allowed: 0..0,
            fail_at: None,
            ops: 0,
            faulted: false,
            worn: None,
        }
    }

    fn check_in(&self, what: &str, addr: u32, len: usize) {
        let end = addr as u64 + len as u64;
        assert!(
            addr >= self.allowed.start && end <= self.allowed.end as u64,
            "{what} of 0x{addr:X}..0x{end:X} leaves the stream's sectors 0x{:X}..0x{:X}",
            self.allowed.start,
            self.allowed.end
        );
    }

    /// Counts an operation; the armed one fails without doing anything.
    fn op(&mut self) -> Result<(), FlashFault> {
        let n = self.ops;
        self.ops += 1;
        if self.fail_at == Some(n) {
            self.faulted = true;
            return Err(FlashFault);
        }
        Ok(())
    }

    fn erase(&mut self, what: &str, addr: u32, size: u32) -> Result<(), FlashFault> {
        assert!(
            addr.is_multiple_of(size),
            "{what} at misaligned address 0x{addr:X}"
        );
        self.check_in(what, addr, size as usize);
        self.op()?;
        self.cells[addr as usize..(addr + size) as usize].fill(0xFF);
        Ok(())
    }
}

impl SpiFlash for StrictNor {
    fn read(&mut self, addr: u32, buf: &mut [u8]) -> Result<(), FlashFault> {
        self.check_in("read", addr, buf.len());
        self.op()?;
        buf.copy_from_slice(&self.cells[addr as usize..addr as usize + buf.len()]);
        Ok(())
    }

    fn erase_sector(&mut self, addr: u32) -> Result<(), FlashFault> {
        self.erase("sector erase", addr, SECTOR)
    }

    fn erase_block(&mut self, addr: u32) -> Result<(), FlashFault> {
        self.erase("block erase", addr, BLOCK)
    }

    fn erase_chip(&mut self) -> Result<(), FlashFault> {
        panic!("chip erase while writing a stream");
    }

    fn program(&mut self, addr: u32, data: &[u8]) -> Result<(), FlashFault> {
        self.check_in("program", addr, data.len());
        if let Some(last) = data.len().checked_sub(1) {
            assert_eq!(
                addr / SECTOR,
                (addr + last as u32) / SECTOR,
                "program of 0x{addr:X}+0x{:X} spans sectors",
                data.len()
            );
        }
        self.op()?;
        for (i, &new) in data.iter().enumerate() {
            let at = addr + i as u32;
            let old = self.cells[at as usize];
            assert_eq!(
                old & new,
                new,
                "program at 0x{at:X} sets bits without an erase: 0x{old:02X} -> 0x{new:02X}"
            );
            if self.worn != Some(at) {
                self.cells[at as usize] = new;
            }
        }
        Ok(())
    }

    fn attach(&mut self, _config: u32) -> Result<(), FlashFault> {
        Ok(())
    }

    fn set_size(&mut self, _size: u32) -> Result<(), FlashFault> {
        Ok(())
    }
}

/// Reads fuzz input as a sequence of little numbers; an exhausted input reads as `None`.
pub struct Input<'a>(pub &'a [u8]);

impl<'a> Input<'a> {
    pub fn u8(&mut self) -> Option<u8> {
        let (&b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(b)
    }

    pub fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes([self.u8()?, self.u8().unwrap_or(0)]))
    }

    pub fn u32(&mut self) -> Option<u32> {
        let lo = self.u16()?;
        Some(lo as u32 | (self.u16().unwrap_or(0) as u32) << 16)
    }

    pub fn bytes(&mut self, n: usize) -> &'a [u8] {
        let (a, b) = self.0.split_at(n.min(self.0.len()));
        self.0 = b;
        a
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// xorshift64: cheap filler bytes that follow from the input.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        let mut x = self.0 | 1;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    pub fn byte(&mut self) -> u8 {
        (self.next() >> 24) as u8
    }
}
