//! Which parts of an image go to espflow's stub as fills instead of data: stretches of
//! whole sectors that hold one byte value (0xFF where the image leaves flash erased, zeros
//! for padding). Their bytes never cross the line, and the stub erases (and programs) them
//! while the line carries the data that does need it, so a mostly empty image costs about
//! its flash time rather than the sum of its line and flash time. The final whole-image
//! MD5 checks them like everything else.

use std::ops::Range;

use espflow_protocol::caps::MAX_FILLS;
use espflow_protocol::geometry::SECTOR_SIZE;

use super::plan::ImagePlan;

/// The shortest stretch worth a fill: each one splits the stream around it, which costs a
/// stream's start and end and a drained window.
pub const MIN_FILL_SECTORS: usize = 16;

/// A stretch of whole sectors that holds `value` in every byte.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FillRange {
    /// Flash address of the first sector.
    pub addr: u32,
    /// Its length in bytes (whole sectors).
    pub size: u32,
    /// The byte.
    pub value: u8,
    /// Which of the image's chunks it covers.
    pub chunks: Range<usize>,
}

/// The stretches of unmatched whole-sector chunks that each hold one byte value, at least
/// [`MIN_FILL_SECTORS`] long; the longest [`MAX_FILLS`] of them, in address order.
pub fn plan(ip: &ImagePlan<'_>, matched: &[bool]) -> Vec<FillRange> {
    let img = ip.image;
    let uniform = |i: usize| -> Option<u8> {
        let c = &ip.chunks[i];
        if matched[i] || !c.is_whole_sector() {
            return None;
        }
        let bytes = &img.data[c.offset..c.offset + c.len as usize];
        let v = bytes[0];
        bytes.iter().all(|b| *b == v).then_some(v)
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < ip.chunks.len() {
        let Some(v) = uniform(i) else {
            i += 1;
            continue;
        };
        let start = i;
        while i < ip.chunks.len() && uniform(i) == Some(v) {
            i += 1;
        }
        if i - start >= MIN_FILL_SECTORS {
            found.push(FillRange {
                addr: ip.chunks[start].addr,
                size: ((i - start) as u32) * SECTOR_SIZE,
                value: v,
                chunks: start..i,
            });
        }
    }
    found.sort_by_key(|f| std::cmp::Reverse(f.size));
    found.truncate(MAX_FILLS);
    found.sort_by_key(|f| f.addr);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::plan::{Image, WritePlan};

    #[test]
    fn long_uniform_stretches_of_whole_sectors_become_fills() {
        let s = SECTOR_SIZE as usize;
        let mut data = vec![0x5Au8; 3 * s + 100];
        data[10] = 1; // the first sector is data
        data.extend(vec![0u8; 20 * s]);
        data.extend(vec![0xFFu8; 15 * s]); // too short
        data.extend(vec![0x11u8; 5]);
        data.extend(vec![0xFFu8; 40 * s - 5]);
        let imgs = [Image::new(0x1000, data, "x")];
        let plan = WritePlan::new(&imgs, 0x40_0000).unwrap();
        let ip = &plan.images[0];
        let matched = vec![false; ip.chunks.len()];
        let f = super::plan(ip, &matched);
        // Sectors 1-2 are 0x5A but only two; the zeros start 100 bytes into sector 3, so
        // sectors 4..=22 are whole zero sectors; the 0xFF after them is 14 sectors long.
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(f[0].value, 0);
        assert_eq!(f[0].addr, 0x1000 + 4 * SECTOR_SIZE);
        assert_eq!(f[0].size, 19 * SECTOR_SIZE);
        assert_eq!(f[1].value, 0xFF);
        // The 0x11 bytes make sector 38 data, and the last chunk is partial.
        assert_eq!(f[1].addr, 0x1000 + 39 * SECTOR_SIZE);
        assert_eq!(f[1].size, 39 * SECTOR_SIZE);
        for r in &f {
            for c in &ip.chunks[r.chunks.clone()] {
                assert!(c.is_whole_sector());
            }
        }
        // A matched chunk breaks a stretch (here into two too short to fill).
        let mut m = matched.clone();
        m[f[0].chunks.start + 5] = true;
        assert_eq!(super::plan(ip, &m), [f[1].clone()]);
    }
}
