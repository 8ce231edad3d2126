//! Sending runs of sectors: through espflow's stub (pipelined, committed addresses in the
//! answers, partly covered sectors kept by the stub itself) or through the ROM loader and
//! foreign stubs (the rest of a partly covered sector read first and written back).

use std::io::Write as _;

use espflow_protocol::caps::{Capabilities, FLAG_FILL, QUEUED_WIRE_BYTES};
use espflow_protocol::geometry::{ROM_WRITE_BLOCK, SECTOR_SIZE, STUB_WRITE_BLOCK};
use flate2::Compression;
use flate2::write::ZlibEncoder;
use md5::{Digest, Md5};

use super::blocks;
use super::plan::sector_span;
use crate::error::{Error, Result};
use espflow_protocol::message::timeout;

use crate::loader::{Loader, LoaderError, StreamRetries};
use crate::progress::Quiet;
use crate::region::{flash_size, md5_matches, read_region};

/// What one run cost.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RunStats {
    /// Bytes that crossed the line (after compression).
    pub wire: u64,
    /// Sectors erased.
    pub erased: u64,
    /// Sectors programmed.
    pub written: u64,
}

fn block_error(n: usize) -> impl FnOnce((usize, LoaderError)) -> Error {
    move |(i, e)| Error::Loader(e).context(format!("block {} of {n}", i + 1))
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

/// The smallest block a stream narrows to on a noisy line. A block of `b` bytes arrives
/// whole with probability (1 - p)^b at byte error rate p, and each damaged one also costs
/// the blocks in flight behind it, which the stub refuses as ahead of the stream: at 1e-4
/// a 16 KiB block is damaged four times in five, a 1 KiB block once in ten.
const MIN_STUB_BLOCK: u32 = 0x400;
/// Blocks kept in flight once narrowed: enough to keep the line busy while the stub
/// programs, few enough that a damaged block wastes little behind it.
const NARROW_WINDOW: usize = 4;
/// Before the block is as small as it goes, a stream gives up this early, to start again
/// from the committed address with smaller blocks.
const WIDE_RETRIES: StreamRetries = StreamRetries {
    stalled: 2,
    total: 3,
};

/// espflow's stub keeps the rest of partly written sectors itself and answers each block
/// once it is programmed and read back, with the committed address, so blocks are
/// streamed with several in flight.
///
/// When the line keeps damaging blocks, the stream is begun again at the committed
/// address (sector-aligned, so nothing before it is touched again) with blocks a quarter
/// the size, down to 1 KiB; there each block gets its own retry budget.
pub fn write_run_stub(
    loader: &mut Loader,
    addr: u32,
    data: &[u8],
    caps: Capabilities,
    compress: bool,
    encrypted: bool,
    on_commit: &mut dyn FnMut(u32, u64),
) -> Result<RunStats> {
    let max_block = caps.max_block.min(STUB_WRITE_BLOCK);
    let mut stats = RunStats::default();
    let mut at = addr;
    loop {
        let block = loader.write_block(max_block);
        let rest = &data[(at - addr) as usize..];
        let cut = blocks::cut(rest, compress, block as usize);
        let blocks = cut.slices();
        let compressed = cut.compressed;
        loader.flash_begin(
            at,
            rest.len() as u32,
            block,
            blocks.len() as u32,
            compressed,
            encrypted,
        )?;
        let narrowest = block <= MIN_STUB_BLOCK;
        let (window, retries) = if block == max_block {
            (queued_window(&blocks, caps.write_window), WIDE_RETRIES)
        } else if narrowest {
            (NARROW_WINDOW, StreamRetries::PER_BLOCK)
        } else {
            (NARROW_WINDOW, WIDE_RETRIES)
        };
        // An answer may wait for the blocks queued before its own: allow for the erase
        // and program time of all the flash a full window can put down.
        // A stub with fills queued may spend a piece of them behind any block's answer.
        let fill_piece = if caps.flags & FLAG_FILL != 0 {
            blocks::FLASH_PER_BLOCK
        } else {
            0
        };
        let per_block = timeout::flash_data((cut.widest * (window + 1) + fill_piece) as u64);
        let n = blocks.len();
        let mut committed = at;
        let mut answered = 0;
        let sent = loader.flash_stream(
            &blocks,
            compressed,
            window,
            per_block,
            Some((at, rest.len() as u32)),
            retries,
            |done, c| {
                answered = done;
                committed = committed.max(c);
                on_commit(committed, (committed - addr) as u64);
            },
        );
        stats.wire += blocks[..answered]
            .iter()
            .map(|b| b.len() as u64)
            .sum::<u64>();
        match sent {
            Ok(()) => {}
            Err((_, e)) if e.is_line_error() && !narrowest => {
                // What the abandoned stream erased and programmed still counts; its
                // figures are best effort on a line this noisy.
                if let Ok((erased, written, _)) = loader.write_stats() {
                    stats.erased += erased as u64;
                    stats.written += written as u64;
                }
                loader.narrow_write_block(max_block, MIN_STUB_BLOCK);
                at = committed;
                continue;
            }
            Err(e) => return Err(block_error(n)(e)),
        }
        loader.flash_end(compressed, false)?;
        let (erased, written, _) = loader.write_stats()?;
        stats.erased += erased as u64;
        stats.written += written as u64;
        return Ok(stats);
    }
}

/// The blocks to keep in flight: the stub's window, less where the blocks queued behind
/// the one it works on could overflow its receive ring ([`QUEUED_WIRE_BYTES`]) once SLIP
/// has escaped them. Never below two, which every stub's ring holds.
fn queued_window(blocks: &[&[u8]], stub_window: u32) -> usize {
    let widest = blocks
        .iter()
        .map(|b| espflow_protocol::slip::encoded_len(b) + 64)
        .max()
        .unwrap_or(0);
    let queued = (QUEUED_WIRE_BYTES / widest.max(1)).max(1);
    (stub_window as usize)
        .min(queued + 1)
        .max(2.min(stub_window as usize))
}

/// How a run goes to the ROM loader: compressed where that helps, and whether the chip
/// encrypts it.
#[derive(Clone, Copy, Debug, Default)]
pub struct RomForm {
    /// Send compressed where that makes the data smaller (never when encrypted).
    pub compress: bool,
    /// Set the `encrypted` word of FLASH_BEGIN.
    pub encrypted: bool,
}

/// The ROM loader erases the announced region up front and writes each block before
/// answering, so the rest of the first and last sector goes with the data: `head` and
/// `tail` are the bytes that share those sectors with it, read (and recorded in the
/// journal) by the caller before this erases anything.
pub fn write_run_rom(
    loader: &mut Loader,
    addr: u32,
    data: &[u8],
    head: &[u8],
    tail: &[u8],
    form: RomForm,
    on_commit: &mut dyn FnMut(u32, u64),
) -> Result<RunStats> {
    let RomForm {
        compress,
        encrypted,
    } = form;
    let fs = flash_size(loader)?;
    let (start, end) = sector_span(addr, data.len() as u32, fs);
    debug_assert_eq!(start as usize + head.len(), addr as usize);
    debug_assert_eq!(addr as usize + data.len() + tail.len(), end as usize);
    let mut region = head.to_vec();
    region.extend_from_slice(data);
    region.extend_from_slice(tail);

    let stub = loader.is_stub();
    // A ROM that programs its inflater's output in whole units would program stale bytes
    // past a stream that ends inside one: the whole units go compressed, the rest plain.
    let split = match loader.chip().facts().rom_inflate_unit {
        Some(unit) if !stub => region.len() / unit as usize * unit as usize,
        _ => region.len(),
    };
    let data_end = addr as u64 + data.len() as u64;
    let mut wire = 0;
    for (from, to, packable) in [(0, split, compress), (split, region.len(), false)] {
        if from == to {
            continue;
        }
        let at = start + from as u32;
        let part = &region[from..to];
        wire += stream_rom_loader(loader, at, part, packable, encrypted, &mut |written| {
            // The ROM has programmed everything it was sent once it answers.
            let committed = (at as u64 + written).min(data_end).max(addr as u64);
            on_commit(committed as u32, committed - addr as u64);
        })?;
    }
    let sectors = ((end - start) / SECTOR_SIZE) as u64;
    Ok(RunStats {
        wire,
        erased: sectors,
        written: sectors,
    })
}

/// One FLASH_BEGIN stream of `part` at `at` through the ROM loader (or a foreign stub),
/// compressed when `packable` and that makes it smaller; `progress` gets the bytes of
/// `part` programmed so far. Returns the bytes that went over the line. `encrypted` has
/// the chip encrypt it: `part` is then whole sectors, so no 0xFF padding of the last
/// block is encrypted past it.
fn stream_rom_loader(
    loader: &mut Loader,
    at: u32,
    part: &[u8],
    packable: bool,
    encrypted: bool,
    progress: &mut dyn FnMut(u64),
) -> Result<u64> {
    let stub = loader.is_stub();
    let block = if stub {
        STUB_WRITE_BLOCK
    } else {
        ROM_WRITE_BLOCK
    } as usize;
    // The C3's ROM refuses FLASH_DEFL_BEGIN with the encrypted word (error 0x64, seen on
    // its mask ROM in QEMU): encrypted data goes uncompressed.
    let packed = pack(part, packable && !encrypted);
    let compressed = packed.is_some();
    let wire: &[u8] = packed.as_deref().unwrap_or(part);
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
        (part.len() as u32).next_multiple_of(ROM_WRITE_BLOCK)
    } else {
        part.len() as u32
    };
    loader.flash_begin(
        at,
        size,
        block as u32,
        blocks.len() as u32,
        compressed,
        encrypted,
    )?;
    let ratio = part.len() as f64 / wire.len() as f64;
    let per_block = timeout::flash_data((block as f64 * ratio * 2.0) as u64);
    let refs: Vec<&[u8]> = blocks.iter().map(|b| b.as_slice()).collect();
    let n = refs.len();
    loader
        .flash_blocks(&refs, compressed, 1, per_block, |answered, _| {
            // The last block's share may round past the part; what follows it is not
            // written yet.
            let written = ((answered * block) as f64 * ratio) as u64;
            progress(written.min(part.len() as u64));
        })
        .map_err(block_error(n))?;
    if stub {
        loader.flash_end(compressed, false)?;
    }
    Ok(wire.len() as u64)
}

/// Reads `len` bytes that a write must put back, skipping the read when they are erased.
/// The read is checked against the chip's MD5 ([`read_region`]); "erased" is believed only
/// when two independent requests say so ([`md5_matches`]), since believing it wrongly
/// would put 0xFF where data was.
pub fn preserved(loader: &mut Loader, addr: u32, len: u32) -> Result<Vec<u8>> {
    if len == 0 {
        return Ok(Vec::new());
    }
    let erased = vec![0xFFu8; len as usize];
    let erased_md5: [u8; 16] = Md5::digest(&erased).into();
    if md5_matches(loader, addr, len, &erased_md5)? {
        return Ok(erased);
    }
    read_region(loader, addr, len, &mut Quiet)
}
