//! Flash operations over a connected loader: write (with compression and verification),
//! read, erase and checksum. Each reports progress as events.
//!
//! A write never disturbs bytes outside the image it was given: where an image starts or
//! ends inside a sector, the rest of that sector is read first and written back with it.

use std::io::Write as _;

use anyhow::{Context, Result, bail};
use espflow_protocol::geometry::{ROM_WRITE_BLOCK, SECTOR_SIZE, STUB_WRITE_BLOCK};
use flate2::Compression;
use flate2::write::ZlibEncoder;
use md5::{Digest, Md5};

use crate::loader::Loader;
use crate::plan::{self, Image};
use crate::progress::{Event, Progress};

#[derive(Clone, Copy, Debug)]
pub struct WriteOptions {
    pub verify: bool,
    pub compress: bool,
}

/// What a write did, for summaries and tests.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WriteSummary {
    pub image_bytes: u64,
    pub wire_bytes: u64,
}

fn flash_size(loader: &Loader) -> Result<u32> {
    loader
        .flash_size()
        .context("the flash was not attached before use")
}

fn check_range(loader: &Loader, addr: u32, size: u32) -> Result<()> {
    let fs = flash_size(loader)?;
    if addr as u64 + size as u64 > fs as u64 {
        bail!(
            "0x{addr:X} + 0x{size:X} ends at 0x{:X}, past the end of the {} flash",
            addr as u64 + size as u64,
            plan::human_size(fs as u64)
        );
    }
    Ok(())
}

pub fn write_images(
    loader: &mut Loader,
    images: &[Image],
    opts: WriteOptions,
    progress: &mut dyn Progress,
) -> Result<WriteSummary> {
    let fs = flash_size(loader)?;
    plan::check(images, fs)?;
    let mut summary = WriteSummary::default();
    if let Some(caps) = loader.capabilities() {
        for img in images {
            let sent = write_with_espflow_stub(loader, img, caps, opts.compress, progress)
                .with_context(|| format!("writing {} at 0x{:X}", img.name, img.addr))?;
            summary.image_bytes += img.data.len() as u64;
            summary.wire_bytes += sent;
            if opts.verify {
                verify(loader, img.addr, &img.data, &img.name)?;
            }
        }
        return Ok(summary);
    }
    for img in images {
        let (start, end) = plan::sector_span(img.addr, img.data.len() as u32, fs);
        let head = preserved(loader, start, img.addr - start)
            .with_context(|| format!("reading the start of the sector at 0x{start:X}"))?;
        let tail_at = img.end() as u32;
        let tail = preserved(loader, tail_at, end - tail_at)
            .with_context(|| format!("reading the end of the sector before 0x{end:X}"))?;
        let mut region = head;
        region.extend_from_slice(&img.data);
        region.extend(tail);
        let sent = write_region(loader, start, &region, opts.compress, progress)
            .with_context(|| format!("writing {} at 0x{:X}", img.name, img.addr))?;
        summary.image_bytes += img.data.len() as u64;
        summary.wire_bytes += sent;
        if opts.verify {
            verify(loader, start, &region, &img.name)?;
        }
    }
    Ok(summary)
}

fn verify(loader: &mut Loader, addr: u32, data: &[u8], name: &str) -> Result<()> {
    let want: [u8; 16] = Md5::digest(data).into();
    let got = loader
        .md5(addr, data.len() as u32)
        .with_context(|| format!("verifying {name}"))?;
    if got != want {
        bail!(
            "verification failed for {name} at 0x{addr:X}: flash MD5 {} but the data's is {}",
            hex(&got),
            hex(&want)
        );
    }
    Ok(())
}

/// espflow's stub keeps the rest of partially written sectors itself and answers each block
/// once it is programmed and read back, so blocks are streamed with several in flight.
fn write_with_espflow_stub(
    loader: &mut Loader,
    img: &Image,
    caps: espflow_protocol::caps::Capabilities,
    compress: bool,
    progress: &mut dyn Progress,
) -> Result<u64> {
    let block = caps.max_block.min(STUB_WRITE_BLOCK) as usize;
    let data = &img.data;
    let packed = compress
        .then(|| deflate(data))
        .filter(|z| z.len() < data.len());
    let wire: &[u8] = packed.as_deref().unwrap_or(data);
    let blocks: Vec<&[u8]> = wire.chunks(block).collect();
    let compressed = packed.is_some();
    let ratio = data.len() as f64 / wire.len() as f64;
    loader.flash_begin(
        img.addr,
        data.len() as u32,
        block as u32,
        blocks.len() as u32,
        compressed,
    )?;
    progress.event(Event::Begin {
        stage: "write",
        total: data.len() as u64,
    });
    // A block may expand to far more flash than its own size; allow for the worst sector
    // erase and program time of what it can hold.
    let per_block = crate::loader::timeout_for(40.0, (block as f64 * ratio * 2.0) as u64);
    let n = blocks.len();
    loader
        .flash_blocks(
            &blocks,
            compressed,
            caps.write_window as usize,
            per_block,
            |done| {
                let bytes = (done as f64 * block as f64 * ratio) as u64;
                progress.event(Event::Advance {
                    done: bytes.min(data.len() as u64),
                });
            },
        )
        .map_err(|(i, e)| anyhow::Error::new(e).context(format!("block {} of {n}", i + 1)))?;
    loader.flash_end(compressed, false)?;
    progress.event(Event::End);
    Ok(wire.len() as u64)
}

/// Reads `len` bytes that a write must put back, skipping the read when they are erased.
fn preserved(loader: &mut Loader, addr: u32, len: u32) -> Result<Vec<u8>> {
    if len == 0 {
        return Ok(Vec::new());
    }
    let erased = vec![0xFFu8; len as usize];
    let erased_md5: [u8; 16] = Md5::digest(&erased).into();
    if loader.md5(addr, len)? == erased_md5 {
        return Ok(erased);
    }
    read_region(loader, addr, len, &mut crate::progress::Quiet)
}

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut z = ZlibEncoder::new(Vec::with_capacity(data.len() / 2), Compression::best());
    z.write_all(data).expect("writing to memory cannot fail");
    z.finish().expect("writing to memory cannot fail")
}

/// Writes a sector-aligned region; returns the bytes that went over the wire.
fn write_region(
    loader: &mut Loader,
    addr: u32,
    data: &[u8],
    compress: bool,
    progress: &mut dyn Progress,
) -> Result<u64> {
    let stub = loader.is_stub();
    let block = if stub {
        STUB_WRITE_BLOCK
    } else {
        ROM_WRITE_BLOCK
    };
    let packed = compress
        .then(|| deflate(data))
        .filter(|z| z.len() < data.len());
    progress.event(Event::Begin {
        stage: "write",
        total: data.len() as u64,
    });
    let sent = match &packed {
        Some(z) => {
            let blocks = z.len().div_ceil(block as usize) as u32;
            // The ROM erases what it is told up front, in whole FLASH_WRITE_SIZE units.
            let size = if stub {
                data.len() as u32
            } else {
                (data.len() as u32).next_multiple_of(ROM_WRITE_BLOCK)
            };
            loader.flash_begin(addr, size, block, blocks, true)?;
            let ratio = data.len() as f64 / z.len() as f64;
            for (seq, chunk) in z.chunks(block as usize).enumerate() {
                let expands_to = (chunk.len() as f64 * ratio * 2.0) as u32;
                loader.flash_block(chunk, seq as u32, true, expands_to)?;
                let done = ((seq + 1) as f64 * block as f64 * ratio) as u64;
                progress.event(Event::Advance {
                    done: done.min(data.len() as u64),
                });
            }
            if stub {
                loader.flash_end(true, false)?;
            }
            z.len() as u64
        }
        None => {
            let blocks = data.len().div_ceil(block as usize) as u32;
            loader.flash_begin(addr, data.len() as u32, block, blocks, false)?;
            let mut buf = vec![0xFFu8; block as usize];
            for (seq, chunk) in data.chunks(block as usize).enumerate() {
                buf.fill(0xFF);
                buf[..chunk.len()].copy_from_slice(chunk);
                loader.flash_block(&buf, seq as u32, false, block)?;
                progress.event(Event::Advance {
                    done: ((seq + 1) * block as usize).min(data.len()) as u64,
                });
            }
            if stub {
                loader.flash_end(false, false)?;
            }
            blocks as u64 * block as u64
        }
    };
    progress.event(Event::End);
    Ok(sent)
}

pub fn read_region(
    loader: &mut Loader,
    addr: u32,
    size: u32,
    progress: &mut dyn Progress,
) -> Result<Vec<u8>> {
    check_range(loader, addr, size)?;
    progress.event(Event::Begin {
        stage: "read",
        total: size as u64,
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
            if out.len() % 0x1000 == 0 || out.len() as u32 == size {
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

/// Erases whole sectors. Sizes that are not whole sectors are refused rather than rounded,
/// because rounding would erase bytes the caller did not name.
pub fn erase_region(loader: &mut Loader, addr: u32, size: u32) -> Result<()> {
    if !addr.is_multiple_of(SECTOR_SIZE) {
        bail!("erase address 0x{addr:X} is not a multiple of the 4 KiB sector size");
    }
    if size == 0 || !size.is_multiple_of(SECTOR_SIZE) {
        bail!("erase size 0x{size:X} is not a non-zero multiple of the 4 KiB sector size");
    }
    check_range(loader, addr, size)?;
    if loader.is_stub() {
        loader.erase_region_stub(addr, size)?;
    } else {
        // The ROM has no erase command, but FLASH_BEGIN erases the region it announces.
        loader.flash_begin(addr, size, ROM_WRITE_BLOCK, 0, false)?;
    }
    Ok(())
}

pub fn erase_flash(loader: &mut Loader) -> Result<()> {
    let fs = flash_size(loader)?;
    if loader.is_stub() {
        loader.erase_flash_stub()?;
    } else {
        loader.flash_begin(0, fs, ROM_WRITE_BLOCK, 0, false)?;
    }
    Ok(())
}

pub fn checksum_md5(loader: &mut Loader, addr: u32, size: u32) -> Result<[u8; 16]> {
    check_range(loader, addr, size)?;
    Ok(loader.md5(addr, size)?)
}

pub fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}
