//! Flash operations over a connected loader: write (skipping what already matches, resuming
//! what an interrupted write left, compressing, verifying), read, erase and checksum. Each
//! reports progress as events.
//!
//! A write never disturbs bytes outside the images it was given: espflow's stub keeps the
//! rest of partly written sectors itself; with the ROM loader or a foreign stub, the rest of
//! such a sector is read first and written back with the image.

use std::io::Write as _;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use espflow_protocol::caps::Capabilities;
use espflow_protocol::geometry::{ROM_WRITE_BLOCK, SECTOR_SIZE, STUB_WRITE_BLOCK};
use flate2::Compression;
use flate2::write::ZlibEncoder;
use md5::{Digest, Md5};
use sha2::Sha256;

use crate::journal::{self, Journal};
use crate::loader::{Loader, timeout_for};
use crate::plan::{self, Image};
use crate::progress::{Event, Progress};

#[derive(Clone, Copy, Debug)]
pub struct WriteOptions {
    pub verify: bool,
    pub compress: bool,
    /// Leave sectors that already hold the image alone.
    pub skip_unchanged: bool,
    /// Use a journal left by an interrupted write of the same image as a hint.
    pub resume: bool,
}

/// What a write did. `bytes_sent` counts image bytes that crossed the line (before
/// compression); `bytes_skipped` those proven already in place.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct WriteSummary {
    pub bytes_sent: u64,
    pub bytes_skipped: u64,
    pub wire_bytes: u64,
    pub sectors_erased: u64,
    pub sectors_written: u64,
    pub seconds: f64,
    /// A journal from an interrupted write of the same image was found.
    pub resumed: bool,
    pub verified: bool,
}

impl WriteSummary {
    pub fn to_json(&self) -> String {
        format!(
            "{{\"event\":\"summary\",\"bytes_sent\":{},\"bytes_skipped\":{},\"wire_bytes\":{},\
             \"sectors_erased\":{},\"sectors_written\":{},\"seconds\":{:.3},\"resumed\":{},\
             \"verified\":{}}}",
            self.bytes_sent,
            self.bytes_skipped,
            self.wire_bytes,
            self.sectors_erased,
            self.sectors_written,
            self.seconds,
            self.resumed,
            self.verified
        )
    }
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

/// Writes images. `journal` (when given) records progress so that the same command, run
/// again after an interruption, resumes.
pub fn write_images(
    loader: &mut Loader,
    images: &[Image],
    opts: WriteOptions,
    journal: Option<&Journal>,
    progress: &mut dyn Progress,
) -> Result<WriteSummary> {
    let started = Instant::now();
    let fs = flash_size(loader)?;
    plan::check(images, fs)?;
    let mac = loader.mac()?;
    let mut sum = WriteSummary {
        verified: opts.verify,
        ..WriteSummary::default()
    };
    for img in images {
        let key = journal::Key {
            mac,
            addr: img.addr,
            image_sha256: Sha256::digest(&img.data).into(),
        };
        let hint = match journal {
            Some(j) if opts.resume => j.load(&key),
            Some(j) => {
                j.remove(&key);
                None
            }
            None => None,
        };
        sum.resumed |= hint.is_some();
        let chunks = plan::chunks(img);
        let matched = if opts.skip_unchanged {
            crate::compare::matching(loader, img, &chunks, hint.map(|h| h.committed))
                .with_context(|| format!("comparing {} with the flash", img.name))?
        } else {
            vec![false; chunks.len()]
        };
        let skipped: u64 = chunks
            .iter()
            .zip(&matched)
            .filter(|(_, m)| **m)
            .map(|(c, _)| c.len as u64)
            .sum();
        sum.bytes_skipped += skipped;
        let to_send = img.data.len() as u64 - skipped;
        progress.event(Event::Begin {
            stage: "write",
            total: to_send,
        });
        let mut record = Recorder {
            journal,
            entry: journal::Entry {
                key: key.clone(),
                size: img.data.len() as u32,
                committed: img.addr,
            },
            saved_at: None,
        };
        let mut sent_before = 0u64;
        for run in plan::runs(&matched) {
            let (first, last) = (chunks[run.start], chunks[run.end - 1]);
            let data = &img.data[first.offset..last.offset + last.len as usize];
            let mut on_commit = |committed: u32, sent_in_run: u64| {
                record.update(committed);
                progress.event(Event::Advance {
                    done: sent_before + sent_in_run,
                });
            };
            let stats = match loader.capabilities() {
                Some(caps) => write_run_stub(
                    loader,
                    first.addr,
                    data,
                    caps,
                    opts.compress,
                    &mut on_commit,
                ),
                None => write_run_rom(loader, first.addr, data, opts.compress, &mut on_commit),
            }
            .with_context(|| {
                format!(
                    "writing {} at 0x{:X} (run again to resume)",
                    img.name, first.addr
                )
            })?;
            if opts.verify {
                verify(loader, first.addr, data, &img.name)?;
            }
            sent_before += data.len() as u64;
            sum.bytes_sent += data.len() as u64;
            sum.wire_bytes += stats.wire;
            sum.sectors_erased += stats.erased;
            sum.sectors_written += stats.written;
        }
        progress.event(Event::End);
        // Skipped chunks were proven in place by their digests and each written run was
        // verified as it finished; only a write that compared nothing checks the whole.
        if opts.verify && !opts.skip_unchanged {
            verify(loader, img.addr, &img.data, &img.name)?;
        }
        if let Some(j) = journal {
            j.remove(&key);
        }
    }
    sum.seconds = started.elapsed().as_secs_f64();
    Ok(sum)
}

/// Checks each image with one MD5 on the chip. When all of them are already in place the
/// write is done (and any journal of theirs is finished); `None` means something must be
/// written. The images are checked against the flash size first, as a write would.
pub fn already_in_place(
    loader: &mut Loader,
    images: &[Image],
    opts: WriteOptions,
    journal: Option<&Journal>,
) -> Result<Option<WriteSummary>> {
    let started = Instant::now();
    plan::check(images, flash_size(loader)?)?;
    if !opts.skip_unchanged {
        return Ok(None);
    }
    for img in images {
        let want: [u8; 16] = Md5::digest(&img.data).into();
        if loader.md5(img.addr, img.data.len() as u32)? != want {
            return Ok(None);
        }
    }
    // A write interrupted after its last block but before it cleared its journal is
    // finished now; the journal still counts as found.
    let mut resumed = false;
    if let Some(j) = journal {
        let mac = loader.mac()?;
        for img in images {
            let key = journal::Key {
                mac,
                addr: img.addr,
                image_sha256: Sha256::digest(&img.data).into(),
            };
            resumed |= opts.resume && j.load(&key).is_some();
            j.remove(&key);
        }
    }
    Ok(Some(WriteSummary {
        bytes_skipped: images.iter().map(|i| i.data.len() as u64).sum(),
        resumed,
        verified: true,
        seconds: started.elapsed().as_secs_f64(),
        ..WriteSummary::default()
    }))
}

/// Saves the journal as the committed address moves, at most a few times a second.
struct Recorder<'a> {
    journal: Option<&'a Journal>,
    entry: journal::Entry,
    saved_at: Option<Instant>,
}

impl Recorder<'_> {
    fn update(&mut self, committed: u32) {
        if committed <= self.entry.committed {
            return;
        }
        self.entry.committed = committed;
        let due = self
            .saved_at
            .is_none_or(|t| t.elapsed() >= Duration::from_millis(200));
        if let (Some(j), true) = (self.journal, due) {
            // A journal that cannot be written only costs a slower resume.
            let _ = j.save(&self.entry);
            self.saved_at = Some(Instant::now());
        }
    }
}

struct RunStats {
    wire: u64,
    erased: u64,
    written: u64,
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

fn deflate(data: &[u8]) -> Vec<u8> {
    let mut z = ZlibEncoder::new(Vec::with_capacity(data.len() / 2), Compression::best());
    z.write_all(data).expect("writing to memory cannot fail");
    z.finish().expect("writing to memory cannot fail")
}

/// Compressed when that makes the data smaller.
fn pack(data: &[u8], compress: bool) -> Option<Vec<u8>> {
    compress
        .then(|| deflate(data))
        .filter(|z| z.len() < data.len())
}

/// espflow's stub keeps the rest of partly written sectors itself and answers each block
/// once it is programmed and read back, with the committed address, so blocks are
/// streamed with several in flight.
fn write_run_stub(
    loader: &mut Loader,
    addr: u32,
    data: &[u8],
    caps: Capabilities,
    compress: bool,
    on_commit: &mut dyn FnMut(u32, u64),
) -> Result<RunStats> {
    let block = caps.max_block.min(STUB_WRITE_BLOCK) as usize;
    let packed = pack(data, compress);
    let wire: &[u8] = packed.as_deref().unwrap_or(data);
    let blocks: Vec<&[u8]> = wire.chunks(block).collect();
    let compressed = packed.is_some();
    loader.flash_begin(
        addr,
        data.len() as u32,
        block as u32,
        blocks.len() as u32,
        compressed,
    )?;
    // A block may expand to far more flash than its own size; allow for the worst erase
    // and program time of what it can hold.
    let ratio = data.len() as f64 / wire.len() as f64;
    let per_block = timeout_for(40.0, (block as f64 * ratio * 2.0) as u64);
    let n = blocks.len();
    loader
        .flash_blocks(
            &blocks,
            compressed,
            caps.write_window as usize,
            per_block,
            |_, committed| {
                on_commit(committed, committed.saturating_sub(addr) as u64);
            },
        )
        .map_err(|(i, e)| anyhow::Error::new(e).context(format!("block {} of {n}", i + 1)))?;
    loader.flash_end(compressed, false)?;
    let (erased, written, _) = loader.write_stats()?;
    Ok(RunStats {
        wire: wire.len() as u64,
        erased: erased as u64,
        written: written as u64,
    })
}

/// The ROM loader erases the announced region up front and writes each block before
/// answering. The rest of the first and last sector is read first and written back.
fn write_run_rom(
    loader: &mut Loader,
    addr: u32,
    data: &[u8],
    compress: bool,
    on_commit: &mut dyn FnMut(u32, u64),
) -> Result<RunStats> {
    let fs = flash_size(loader)?;
    let (start, end) = plan::sector_span(addr, data.len() as u32, fs);
    let head = preserved(loader, start, addr - start)
        .with_context(|| format!("reading the start of the sector at 0x{start:X}"))?;
    let tail_at = addr + data.len() as u32;
    let tail = preserved(loader, tail_at, end - tail_at)
        .with_context(|| format!("reading the end of the sector before 0x{end:X}"))?;
    let mut region = head;
    region.extend_from_slice(data);
    region.extend(tail);

    let stub = loader.is_stub();
    let block = if stub {
        STUB_WRITE_BLOCK
    } else {
        ROM_WRITE_BLOCK
    } as usize;
    let packed = pack(&region, compress);
    let compressed = packed.is_some();
    let wire: &[u8] = packed.as_deref().unwrap_or(&region);
    let blocks: Vec<Vec<u8>> = wire
        .chunks(block)
        .map(|c| {
            let mut b = c.to_vec();
            if !compressed {
                // Uncompressed blocks are always full; the padding programs nothing.
                b.resize(block, 0xFF);
            }
            b
        })
        .collect();
    // The ROM erases what it is told up front, in whole FLASH_WRITE_SIZE units.
    let size = if compressed && !stub {
        (region.len() as u32).next_multiple_of(ROM_WRITE_BLOCK)
    } else {
        region.len() as u32
    };
    loader.flash_begin(start, size, block as u32, blocks.len() as u32, compressed)?;
    let ratio = region.len() as f64 / wire.len() as f64;
    let per_block = timeout_for(40.0, (block as f64 * ratio * 2.0) as u64);
    let refs: Vec<&[u8]> = blocks.iter().map(|b| b.as_slice()).collect();
    let n = refs.len();
    let data_end = addr as u64 + data.len() as u64;
    loader
        .flash_blocks(&refs, compressed, 1, per_block, |answered, _| {
            // The ROM has programmed everything it was sent once it answers.
            let written = ((answered * block) as f64 * ratio) as u64;
            let committed = (start as u64 + written).min(data_end).max(addr as u64);
            on_commit(committed as u32, committed - addr as u64);
        })
        .map_err(|(i, e)| anyhow::Error::new(e).context(format!("block {} of {n}", i + 1)))?;
    if stub {
        loader.flash_end(compressed, false)?;
    }
    let sectors = ((end - start) / SECTOR_SIZE) as u64;
    Ok(RunStats {
        wire: wire.len() as u64,
        erased: sectors,
        written: sectors,
    })
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
