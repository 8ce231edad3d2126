//! Reading, erasing and hashing flash regions over a connected loader, each checked against
//! the flash size first.

use espflow_protocol::geometry::{ROM_WRITE_BLOCK, SECTOR_SIZE};

use crate::error::{Error, Result};
use crate::loader::Loader;
use crate::numbers::human_size;
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

/// Reads `size` bytes at `addr`.
pub fn read_region(
    loader: &mut Loader,
    addr: u32,
    size: u32,
    progress: &mut dyn Progress,
) -> Result<Vec<u8>> {
    check_range(loader, addr, size)?;
    progress.event(Event::Begin {
        stage: Stage::Read,
        total: size as u64,
        name: None,
        addr: Some(addr),
    });
    let data = if loader.is_stub() {
        loader.read_flash_stream(addr, size, |done| {
            progress.event(Event::Advance { done });
        })?
    } else {
        const SLOW: u32 = 64;
        let mut out = Vec::with_capacity(size as usize);
        while (out.len() as u32) < size {
            let at = addr + out.len() as u32;
            let n = SLOW.min(size - out.len() as u32);
            out.extend(loader.read_flash_slow(at, n)?);
            if out.len().is_multiple_of(0x1000) || out.len() as u32 == size {
                progress.event(Event::Advance {
                    done: out.len() as u64,
                });
            }
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
        loader.flash_begin(addr, size, ROM_WRITE_BLOCK, 0, false)?;
    }
    Ok(())
}

/// Erases the whole flash.
pub fn erase_flash(loader: &mut Loader) -> Result<()> {
    let fs = flash_size(loader)?;
    if loader.is_stub() {
        loader.erase_flash_stub()?;
    } else {
        loader.flash_begin(0, fs, ROM_WRITE_BLOCK, 0, false)?;
    }
    Ok(())
}

/// The MD5 of a region, computed on the chip.
pub fn checksum_md5(loader: &mut Loader, addr: u32, size: u32) -> Result<[u8; 16]> {
    check_range(loader, addr, size)?;
    Ok(loader.md5(addr, size)?)
}
