//! Writing through a ROM loader in Secure Download Mode, which allows FLASH_BEGIN,
//! FLASH_DATA and FLASH_END and nothing that reads: no MD5 to skip what is in place or to
//! verify, no flash reads to keep the bytes that share a sector with an image, no
//! compressed writes, no journal (resuming needs the digests). Each image goes whole, as
//! esptool writes in that mode.
//!
//! The ROM erases whole sectors, so an image must start on a sector boundary, and the rest
//! of its last sector is left erased (the image is padded with 0xFF to the sector's end).

use std::time::Instant;

use espflow_protocol::geometry::SECTOR_SIZE;

use crate::error::{Error, Result};
use crate::loader::Loader;
use crate::progress::{Event, Progress, Stage};
use crate::region::flash_size;

use super::{Image, WriteSummary, execute, plan};

/// Writes `images` uncompressed through the ROM loader, unverified.
pub fn write_images(
    loader: &mut Loader,
    images: &[Image],
    progress: &mut dyn Progress,
) -> Result<WriteSummary> {
    let started = Instant::now();
    plan::check(images, flash_size(loader)?)?;
    if let Some(img) = images.iter().find(|i| i.addr % SECTOR_SIZE != 0) {
        return Err(Error::BadInput(format!(
            "{} at 0x{:X} does not start on a 4 KiB sector: in Secure Download Mode the \
             bytes before it in its sector cannot be read to keep them; write it from a \
             sector boundary",
            img.name, img.addr
        )));
    }
    let mut sum = WriteSummary::default();
    for img in images {
        let mut data = img.data.clone();
        data.resize(data.len().next_multiple_of(SECTOR_SIZE as usize), 0xFF);
        progress.event(Event::begin(
            Stage::Write,
            img.data.len() as u64,
            Some(&img.name),
            Some(img.addr),
        ));
        let len = img.data.len() as u64;
        let stats = execute::write_run_rom(
            loader,
            img.addr,
            &data,
            &[],
            &[],
            execute::RomForm {
                compress: false,
                encrypted: img.encrypted(),
            },
            &mut |_, sent| {
                progress.event(Event::Advance {
                    done: sent.min(len),
                })
            },
        )
        .map_err(|e| e.context(format!("writing {} at 0x{:X}", img.name, img.addr)))?;
        progress.event(Event::End);
        sum.bytes_sent += len;
        sum.wire_bytes += stats.wire;
        sum.sectors_erased += stats.erased;
        sum.sectors_written += stats.written;
    }
    sum.retries = loader.retries();
    sum.seconds = started.elapsed().as_secs_f64();
    Ok(sum)
}
