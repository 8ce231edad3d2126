//! Reading, erasing and hashing flash regions over a connected loader, each checked against
//! the flash size first.

use espflow_protocol::geometry::{ROM_WRITE_BLOCK, SECTOR_SIZE};

use md5::{Digest, Md5};

use crate::chip::CHIP_DETECT_MAGIC_REG;
use crate::error::{Error, Result};
use crate::loader::Loader;
use crate::numbers::{hex, human_size};
use crate::progress::{Event, Progress, Stage};

/// The attached flash's size.
pub fn flash_size(loader: &Loader) -> Result<u32> {
    loader
        .flash_size()
        .ok_or_else(|| Error::Device("the flash was not attached before use".into()))
}

/// Refuses a range that runs past the end of the flash.
pub fn check_range(loader: &Loader, addr: u32, size: u32) -> Result<()> {
    let fs = flash_size(loader)?;
    if addr as u64 + size as u64 > fs as u64 {
        return Err(Error::BadInput(format!(
            "0x{addr:X} + 0x{size:X} ends at 0x{:X}, past the end of the {} flash",
            addr as u64 + size as u64,
            human_size(fs as u64)
        )));
    }
    Ok(())
}

/// How much the ROM path reads before checking it against the chip's MD5.
const CHECKED_PIECE: u32 = 0x1000;
/// READ_FLASH_SLOW's largest answer.
const SLOW: u32 = 64;
/// Attempts at a piece whose read does not match its MD5 before the read fails.
const READ_ATTEMPTS: usize = 3;

/// Reads `size` bytes at `addr`. On the ROM loader, whose answers carry no checksum, each
/// 4 KiB is read and then hashed on the chip; a piece whose bytes do not match the chip's
/// MD5 is read again (at most three times), and then the read fails rather than return
/// data the line may have changed.
pub fn read_region(
    loader: &mut Loader,
    addr: u32,
    size: u32,
    progress: &mut dyn Progress,
) -> Result<Vec<u8>> {
    check_range(loader, addr, size)?;
    progress.event(Event::begin(Stage::Read, size as u64, None, Some(addr)));
    let data = if loader.is_stub() {
        loader.read_flash_stream(addr, size, |done| {
            progress.event(Event::Advance { done });
        })?
    } else {
        let mut out = Vec::with_capacity(size as usize);
        while (out.len() as u32) < size {
            let at = addr + out.len() as u32;
            let n = CHECKED_PIECE.min(size - out.len() as u32);
            out.extend(read_piece_rom(loader, at, n)?);
            progress.event(Event::Advance {
                done: out.len() as u64,
            });
        }
        out
    };
    progress.event(Event::End);
    Ok(data)
}

/// Refuses an erase that is not whole sectors inside the flash: rounding would erase bytes
/// the caller did not name.
pub fn check_erase(loader: &Loader, addr: u32, size: u32) -> Result<()> {
    if !addr.is_multiple_of(SECTOR_SIZE) {
        return Err(Error::BadInput(format!(
            "erase address 0x{addr:X} is not a multiple of the 4 KiB sector size"
        )));
    }
    if size == 0 || !size.is_multiple_of(SECTOR_SIZE) {
        return Err(Error::BadInput(format!(
            "erase size 0x{size:X} is not a non-zero multiple of the 4 KiB sector size"
        )));
    }
    check_range(loader, addr, size)
}

/// Erases whole sectors. Sizes that are not whole sectors are refused rather than rounded,
/// because rounding would erase bytes the caller did not name.
pub fn erase_region(loader: &mut Loader, addr: u32, size: u32) -> Result<()> {
    check_erase(loader, addr, size)?;
    if loader.is_stub() {
        loader.erase_region_stub(addr, size)?;
    } else {
        // The ROM has no erase command, but FLASH_BEGIN erases the region it announces.
        loader.flash_begin(addr, size, ROM_WRITE_BLOCK, 0, false, false)?;
    }
    Ok(())
}

/// Erases the whole flash.
pub fn erase_flash(loader: &mut Loader) -> Result<()> {
    let fs = flash_size(loader)?;
    if loader.is_stub() {
        loader.erase_flash_stub()?;
    } else {
        loader.flash_begin(0, fs, ROM_WRITE_BLOCK, 0, false, false)?;
    }
    Ok(())
}

/// One piece of a ROM read: READ_FLASH_SLOW answers, then the chip's MD5 of the same range.
fn read_piece_rom(loader: &mut Loader, addr: u32, len: u32) -> Result<Vec<u8>> {
    for attempt in 1..=READ_ATTEMPTS {
        if attempt > 1 {
            barrier(loader)?;
        }
        let mut piece = Vec::with_capacity(len as usize);
        while (piece.len() as u32) < len {
            let at = addr + piece.len() as u32;
            let n = SLOW.min(len - piece.len() as u32);
            let got = loader.read_flash_slow(at, n)?;
            if got.len() != n as usize {
                return Err(Error::Device(format!(
                    "READ_FLASH_SLOW at 0x{at:X} answered {} bytes for {n}",
                    got.len()
                )));
            }
            piece.extend(got);
        }
        let want: [u8; 16] = Md5::digest(&piece).into();
        if loader.md5(addr, len)? == want {
            return Ok(piece);
        }
    }
    Err(Error::Device(format!(
        "reading 0x{addr:X}..0x{:X}: the bytes read did not match the chip's MD5 of them \
         in {READ_ATTEMPTS} attempts",
        addr + len
    )))
}

/// A register read between two requests of the same kind. The answer to a request the line
/// duplicated is stale by the time the next request of that kind waits; the loader skips
/// answers to other commands, so waiting for this one drains it.
pub fn barrier(loader: &mut Loader) -> Result<()> {
    loader.read_reg(CHIP_DETECT_MAGIC_REG)?;
    Ok(())
}

/// Whether the flash at `addr` holds bytes whose MD5 is `want`, in a way one damaged
/// request or answer cannot fake on the ROM loader, whose requests carry no checksum: a
/// flipped address bit makes the chip hash another region, and if that region happens to
/// hold the same bytes its digest matches. So a match is believed only when a second,
/// independent request for the same range (after a register read, so it cannot be answered by
/// a stale duplicate of the first) also matches; a single fault can damage one of the two,
/// never both. A mismatch needs no second opinion: it only costs a rewrite. The stub's
/// framing is checked by the stub protocol itself, so there one request is asked.
pub fn md5_matches(loader: &mut Loader, addr: u32, size: u32, want: &[u8; 16]) -> Result<bool> {
    if loader.is_stub() {
        return Ok(loader.md5(addr, size)? == *want);
    }
    md5_confirmed(loader, addr, size, want)
}

/// [`md5_matches`] asked twice whatever the loader, for an answer that ends a write with no
/// other check after it.
pub fn md5_confirmed(loader: &mut Loader, addr: u32, size: u32, want: &[u8; 16]) -> Result<bool> {
    if loader.md5(addr, size)? != *want {
        return Ok(false);
    }
    barrier(loader)?;
    Ok(loader.md5(addr, size)? == *want)
}

/// The MD5 of a region, computed on the chip. On the ROM loader it is asked twice, with a
/// register read between, and the two answers must agree: one damaged request (an address
/// flipped into another region) or answer (a digest bit, a stale duplicate) makes them
/// differ, and then this fails rather than print a digest the line may have changed.
pub fn checksum_md5(loader: &mut Loader, addr: u32, size: u32) -> Result<[u8; 16]> {
    check_range(loader, addr, size)?;
    let first = loader.md5(addr, size)?;
    if loader.is_stub() {
        return Ok(first);
    }
    barrier(loader)?;
    let second = loader.md5(addr, size)?;
    if first != second {
        return Err(Error::Device(format!(
            "the MD5 of 0x{addr:X}..0x{:X} came back as {} and then {}; the line is unreliable",
            addr as u64 + size as u64,
            hex(&first),
            hex(&second)
        )));
    }
    Ok(first)
}
