//! Cutting a run into the write blocks espflow's stub receives, so that no block commits
//! the stub to more flash work than [`FLASH_PER_BLOCK`].
//!
//! A compressed block can expand enormously: a MiB of zeros deflates to about a KiB, one
//! block, which then takes the stub seconds of erasing and programming. Its answer timeout
//! would have to follow a ratio the host cannot see in the block, and a host killed in
//! the middle would leave the stub busy with it for that long, deaf to the next
//! invocation. So the deflate stream is flushed every [`SEGMENT`] bytes of input (a sync
//! flush keeps the dictionary, so the stream grows by a few bytes each time), and a block
//! never spans more segments than fit in [`FLASH_PER_BLOCK`].

use std::io::Write as _;
use std::ops::Range;

use flate2::Compression;
use flate2::write::ZlibEncoder;

/// Input bytes between two flush points of the deflate stream.
pub const SEGMENT: usize = 0x4000;
/// The most flash one block may put down: 16 sectors, about 2.5 s of erasing and
/// programming at the slowest datasheet rates the timeouts assume.
pub const FLASH_PER_BLOCK: usize = 0x10000;

/// A run cut into blocks.
#[derive(Debug)]
pub struct Blocks {
    /// The bytes that go on the line: the run itself, or its zlib stream.
    pub wire: Vec<u8>,
    /// Each block's range in `wire`.
    pub cuts: Vec<Range<usize>>,
    /// Whether `wire` is compressed.
    pub compressed: bool,
    /// The most flash any one block puts down.
    pub widest: usize,
}

impl Blocks {
    /// The blocks, in order.
    pub fn slices(&self) -> Vec<&[u8]> {
        self.cuts.iter().map(|r| &self.wire[r.clone()]).collect()
    }
}

/// Cuts `data` into blocks of at most `block` bytes on the line, compressed when asked and
/// when that makes it smaller.
pub fn cut(data: &[u8], compress: bool, block: usize) -> Blocks {
    assert!(block > 0);
    if compress && let Some(b) = deflated(data, block) {
        return b;
    }
    let cuts = (0..data.len())
        .step_by(block)
        .map(|s| s..(s + block).min(data.len()))
        .collect();
    Blocks {
        wire: data.to_vec(),
        cuts,
        compressed: false,
        widest: block.min(data.len()),
    }
}

fn deflated(data: &[u8], block: usize) -> Option<Blocks> {
    let mut z = ZlibEncoder::new(Vec::with_capacity(data.len() / 2), Compression::best());
    // (end of the segment's bytes in the stream, input bytes it holds)
    let mut segments = Vec::with_capacity(data.len() / SEGMENT + 2);
    for chunk in data.chunks(SEGMENT) {
        z.write_all(chunk).expect("writing to memory cannot fail");
        z.flush().expect("writing to memory cannot fail");
        segments.push((z.get_ref().len(), chunk.len()));
    }
    let wire = z.finish().expect("writing to memory cannot fail");
    // The stream's trailer (an empty final block and the Adler-32) programs nothing.
    segments.push((wire.len(), 0));
    if wire.len() >= data.len() {
        return None;
    }

    let mut cuts = Vec::new();
    let (mut start, mut pos, mut touched, mut widest) = (0usize, 0usize, 0usize, 0usize);
    for (end, input) in segments {
        while pos < end {
            if pos > start && touched + input > FLASH_PER_BLOCK {
                cuts.push(start..pos);
                start = pos;
                touched = 0;
            }
            pos += (block - (pos - start)).min(end - pos);
            touched += input;
            widest = widest.max(touched);
            if pos - start == block {
                cuts.push(start..pos);
                start = pos;
                touched = 0;
            }
        }
    }
    if start < wire.len() {
        cuts.push(start..wire.len());
    }
    Some(Blocks {
        wire,
        cuts,
        compressed: true,
        widest,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::read::ZlibDecoder;
    use std::io::Read as _;

    /// Inflates the blocks one at a time, as the stub does, and returns the output each one
    /// produced.
    fn expand(b: &Blocks) -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        let mut seen = 0usize;
        let mut so_far = Vec::new();
        for r in &b.cuts {
            so_far.extend_from_slice(&b.wire[r.clone()]);
            // Everything up to a sync flush is decodable; a partial decode of the prefix
            // yields at least what the previous blocks did.
            let mut d = flate2::Decompress::new(true);
            let mut buf = vec![0u8; 8 << 20];
            let _ = d.decompress(&so_far, &mut buf, flate2::FlushDecompress::Sync);
            let n = d.total_out() as usize;
            out.push(buf[seen..n].to_vec());
            seen = n;
        }
        out
    }

    fn random(n: usize, seed: u64) -> Vec<u8> {
        use rand::{RngCore, SeedableRng};
        let mut data = vec![0u8; n];
        rand::rngs::SmallRng::seed_from_u64(seed).fill_bytes(&mut data);
        data
    }

    fn mixed() -> Vec<u8> {
        let mut data = random(0x30000, 1);
        data.extend(std::iter::repeat_n(0u8, 0x100000));
        data.extend(std::iter::repeat_n(0xFFu8, 0x8123));
        data
    }

    #[test]
    fn compressed_blocks_rebuild_the_data_and_none_puts_down_too_much() {
        let data = mixed();
        let b = cut(&data, true, 0x4000);
        assert!(b.compressed);
        let mut whole = Vec::new();
        ZlibDecoder::new(&b.wire[..])
            .read_to_end(&mut whole)
            .unwrap();
        assert_eq!(whole, data);
        // Cuts tile the stream and respect the block size.
        assert_eq!(b.cuts.first().unwrap().start, 0);
        assert_eq!(b.cuts.last().unwrap().end, b.wire.len());
        for w in b.cuts.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
        assert!(b.cuts.iter().all(|r| !r.is_empty() && r.len() <= 0x4000));
        assert!(b.widest <= FLASH_PER_BLOCK);
        // Each block, inflated after the ones before it, yields no more than the bound.
        let outputs = expand(&b);
        assert!(outputs.iter().all(|o| o.len() <= b.widest), "{:?}", {
            outputs.iter().map(Vec::len).max()
        });
        // The MiB of zeros took many blocks, not one.
        assert!(b.cuts.len() > 0x100000 / FLASH_PER_BLOCK);
    }

    #[test]
    fn data_that_does_not_shrink_goes_as_it_is() {
        let data = random(0x9000, 2);
        let b = cut(&data, true, 0x4000);
        assert!(!b.compressed);
        assert_eq!(b.wire, data);
        assert_eq!(b.cuts, [0..0x4000, 0x4000..0x8000, 0x8000..0x9000]);
        assert_eq!(b.widest, 0x4000);
    }

    #[test]
    fn small_blocks_for_a_noisy_line() {
        let data = mixed();
        let b = cut(&data, true, 0x400);
        assert!(b.cuts.iter().all(|r| r.len() <= 0x400));
        let mut whole = Vec::new();
        ZlibDecoder::new(&b.wire[..])
            .read_to_end(&mut whole)
            .unwrap();
        assert_eq!(whole, data);
        assert!(b.widest <= FLASH_PER_BLOCK);
    }
}
