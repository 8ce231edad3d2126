//! Which parts of an image the flash already holds, proven on the chip.
//!
//! espflow's stub hashes whole sectors with SHA-256 (many sectors per request); partial
//! sectors, the ROM loader and foreign stubs use MD5 over exact ranges, first over a batch
//! of neighbours and then, where a batch differs, chunk by chunk. A journal hint is proven
//! the same way: one MD5 over everything it claims. On the ROM loader every MD5 that says
//! "matches" is confirmed by a second request ([`md5_matches`]): a flipped address bit
//! must not let another region's bytes vouch for these.
//!
//! Hashing is not free (a MiB of digests costs about a second on the emulated ESP32), and
//! on a first write it buys nothing. So once a whole request's worth of sectors
//! ([`MAX_DIGESTS`]) all differ, on a stub that itself leaves a sector holding its bytes
//! untouched ([`FLAG_SKIP_UNCHANGED`]), the rest of the image's whole sectors are sent
//! without asking: a later sector that does match costs its line time, never a program.
//! Once something has matched, each further request's worth of sectors is asked first as
//! one MD5, and sector by sector only where that differs: a re-flash with one sector
//! changed costs about one read of the flash, not 32 bytes of answer per sector.

use espflow_protocol::caps::{FLAG_SECTOR_DIGESTS, FLAG_SKIP_UNCHANGED, MAX_DIGESTS};
use md5::{Digest, Md5};
use sha2::Sha256;

use super::plan::{Chunk, ImagePlan};
use crate::error::{Result, ResultExt};
use crate::loader::Loader;
use crate::region::md5_matches;

/// Chunks compared with one MD5 before falling back to one by one.
const MD5_BATCH: usize = 16;

/// Which of the image's chunks the flash already holds (`result[i]` for `plan.chunks[i]`).
/// `committed_hint` is a journal's claim that everything below it is written; it is
/// believed only once one MD5 over that range proves it.
pub fn matching(
    loader: &mut Loader,
    plan: &ImagePlan<'_>,
    committed_hint: Option<u32>,
) -> Result<Vec<bool>> {
    let (img, chunks) = (plan.image, plan.chunks.as_slice());
    let mut matched = vec![false; chunks.len()];
    let bytes = |c: &Chunk| &img.data[c.offset..c.offset + c.len as usize];

    if let Some(end) = committed_hint.filter(|e| *e > img.addr) {
        let n = plan.chunks_below(end);
        if n > 0 {
            let last = &chunks[n - 1];
            let len = last.offset + last.len as usize;
            let want: [u8; 16] = Md5::digest(&img.data[..len]).into();
            if md5_matches(loader, img.addr, len as u32, &want)? {
                matched[..n].fill(true);
            }
        }
    }

    let flags = loader.capabilities().map_or(0, |c| c.flags);
    let digests = flags & FLAG_SECTOR_DIGESTS != 0;
    let stub_skips = flags & FLAG_SKIP_UNCHANGED != 0;
    // A stub that hashes SHA-256 on the chip's accelerator digests sectors faster than it
    // computes an MD5 in software: there the digests are asked directly.
    let engine = loader.digests_on_engine();
    let mut leave_whole = false;
    let mut found_match = false;
    let mut i = 0;
    while i < chunks.len() {
        if matched[i] || (leave_whole && chunks[i].is_whole_sector()) {
            i += 1;
            continue;
        }
        if digests && chunks[i].is_whole_sector() {
            let mut j = i;
            while j < chunks.len()
                && !matched[j]
                && chunks[j].is_whole_sector()
                && j - i < MAX_DIGESTS as usize
            {
                j += 1;
            }
            // Once something matched, the image is probably mostly in place: a request's
            // worth of sectors is first asked as one MD5 (16 bytes of answer, not 2 KiB),
            // and only a span that differs sector by sector; unless the digests come from
            // the accelerator, which beats the MD5's time on the chip.
            if found_match && !engine && j - i == MAX_DIGESTS as usize {
                let (first, last) = (&chunks[i], &chunks[j - 1]);
                let span = &img.data[first.offset..last.offset + last.len as usize];
                let want: [u8; 16] = Md5::digest(span).into();
                if md5_matches(loader, first.addr, span.len() as u32, &want)? {
                    matched[i..j].fill(true);
                    i = j;
                    continue;
                }
            }
            let got = loader
                .sector_digests(chunks[i].addr, (j - i) as u32)
                .context_with(|| "reading sector digests".into())?;
            for (k, d) in (i..j).zip(got) {
                matched[k] = d == <[u8; 32]>::from(Sha256::digest(bytes(&chunks[k])));
            }
            found_match |= matched[i..j].contains(&true);
            // A first write, most likely: the rest is left to the stub's own check.
            leave_whole |=
                stub_skips && j - i == MAX_DIGESTS as usize && !matched[i..j].contains(&true);
            i = j;
        } else {
            let mut j = i;
            while j < chunks.len()
                && !matched[j]
                && j - i < MD5_BATCH
                && !(digests && chunks[j].is_whole_sector())
            {
                j += 1;
            }
            let (first, last) = (&chunks[i], &chunks[j - 1]);
            let range = &img.data[first.offset..last.offset + last.len as usize];
            let want: [u8; 16] = Md5::digest(range).into();
            if md5_matches(loader, first.addr, range.len() as u32, &want)? {
                matched[i..j].fill(true);
            } else if j - i > 1 {
                for k in i..j {
                    let want: [u8; 16] = Md5::digest(bytes(&chunks[k])).into();
                    matched[k] = md5_matches(loader, chunks[k].addr, chunks[k].len, &want)?;
                }
            }
            i = j;
        }
    }
    Ok(matched)
}
