//! Turns "these images at these addresses" into checked flash regions before anything is
//! erased: every image inside the flash, none overlapping another, none empty.

use std::fmt;

use espflow_protocol::geometry::SECTOR_SIZE;

#[derive(Clone, Debug)]
pub struct Image {
    pub addr: u32,
    pub data: Vec<u8>,
    /// Where the bytes came from, for messages.
    pub name: String,
}

impl Image {
    pub fn end(&self) -> u64 {
        self.addr as u64 + self.data.len() as u64
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PlanError {
    #[error("{file} is empty; nothing to write at 0x{addr:X}")]
    Empty { file: String, addr: u32 },
    #[error(
        "{file} ({len} bytes at 0x{addr:X}) ends at 0x{end:X}, past the end of the {} flash",
        human_size(*flash_size as u64)
    )]
    PastEnd {
        file: String,
        addr: u32,
        len: usize,
        end: u64,
        flash_size: u32,
    },
    #[error("{a} (0x{a_start:X}..0x{a_end:X}) and {b} (0x{b_start:X}..0x{b_end:X}) overlap")]
    Overlap {
        a: String,
        a_start: u32,
        a_end: u64,
        b: String,
        b_start: u32,
        b_end: u64,
    },
}

/// Checks a set of images against each other and the flash size.
pub fn check(images: &[Image], flash_size: u32) -> Result<(), PlanError> {
    for img in images {
        if img.data.is_empty() {
            return Err(PlanError::Empty {
                file: img.name.clone(),
                addr: img.addr,
            });
        }
        if img.end() > flash_size as u64 {
            return Err(PlanError::PastEnd {
                file: img.name.clone(),
                addr: img.addr,
                len: img.data.len(),
                end: img.end(),
                flash_size,
            });
        }
    }
    let mut sorted: Vec<&Image> = images.iter().collect();
    sorted.sort_by_key(|i| i.addr);
    for pair in sorted.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a.end() > b.addr as u64 {
            return Err(PlanError::Overlap {
                a: a.name.clone(),
                a_start: a.addr,
                a_end: a.end(),
                b: b.name.clone(),
                b_start: b.addr,
                b_end: b.end(),
            });
        }
    }
    Ok(())
}

/// An image's share of one sector: the unit that is compared with the flash and skipped
/// when it already matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chunk {
    pub addr: u32,
    pub len: u32,
    /// Where the chunk's bytes start in the image.
    pub offset: usize,
}

impl Chunk {
    pub fn is_whole_sector(&self) -> bool {
        self.len == SECTOR_SIZE
    }
}

/// Cuts an image at sector boundaries.
pub fn chunks(img: &Image) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut addr = img.addr as u64;
    while addr < img.end() {
        let next = ((addr / SECTOR_SIZE as u64) + 1) * SECTOR_SIZE as u64;
        let end = next.min(img.end());
        out.push(Chunk {
            addr: addr as u32,
            len: (end - addr) as u32,
            offset: (addr - img.addr as u64) as usize,
        });
        addr = end;
    }
    out
}

/// Groups the chunks that must be written into runs of neighbours, each written as one
/// stream. Returns index ranges into `chunks`.
pub fn runs(done: &[bool]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < done.len() {
        if done[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < done.len() && !done[i] {
            i += 1;
        }
        out.push(start..i);
    }
    out
}

/// The whole sectors a write of `len` bytes at `addr` has to erase.
pub fn sector_span(addr: u32, len: u32, flash_size: u32) -> (u32, u32) {
    let start = addr & !(SECTOR_SIZE - 1);
    let end = (addr as u64 + len as u64).next_multiple_of(SECTOR_SIZE as u64);
    (start, end.min(flash_size as u64) as u32)
}

pub fn human_size(bytes: u64) -> HumanSize {
    HumanSize(bytes)
}

pub struct HumanSize(u64);

impl fmt::Display for HumanSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let b = self.0;
        if b >= 1 << 20 && b.is_multiple_of(1 << 20) {
            write!(f, "{} MiB", b >> 20)
        } else if b >= 1 << 10 && b.is_multiple_of(1 << 10) {
            write!(f, "{} KiB", b >> 10)
        } else {
            write!(f, "{b} bytes")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn img(addr: u32, len: usize, name: &str) -> Image {
        Image {
            addr,
            data: vec![0; len],
            name: name.into(),
        }
    }

    #[test]
    fn accepts_adjacent_images() {
        let imgs = [img(0x1000, 0x1000, "a"), img(0x2000, 10, "b")];
        assert_eq!(check(&imgs, 0x40_0000), Ok(()));
    }

    #[test]
    fn rejects_overlap_naming_both() {
        let imgs = [img(0x2000, 0x100, "b.bin"), img(0x1000, 0x1001, "a.bin")];
        let e = check(&imgs, 0x40_0000).unwrap_err().to_string();
        assert!(
            e.contains("a.bin") && e.contains("b.bin") && e.contains("overlap"),
            "{e}"
        );
    }

    #[test]
    fn rejects_past_end_and_empty() {
        let e = check(&[img(0x3F_F000, 0x1001, "x")], 0x40_0000).unwrap_err();
        assert!(
            e.to_string().contains("past the end of the 4 MiB flash"),
            "{e}"
        );
        assert!(matches!(
            check(&[img(0, 0, "e")], 0x40_0000),
            Err(PlanError::Empty { .. })
        ));
    }

    #[test]
    fn chunks_follow_sector_boundaries() {
        let i = img(0x1F00, 0x1200, "x");
        let c = chunks(&i);
        assert_eq!(
            c,
            [
                Chunk {
                    addr: 0x1F00,
                    len: 0x100,
                    offset: 0
                },
                Chunk {
                    addr: 0x2000,
                    len: 0x1000,
                    offset: 0x100
                },
                Chunk {
                    addr: 0x3000,
                    len: 0x100,
                    offset: 0x1100
                },
            ]
        );
        assert!(c[1].is_whole_sector() && !c[0].is_whole_sector());
    }

    #[test]
    fn runs_group_neighbours() {
        assert_eq!(runs(&[true, false, false, true, false]), [1..3, 4..5]);
        assert!(runs(&[true, true]).is_empty());
        assert_eq!(runs(&[false, false]), vec![0..2]);
    }

    #[test]
    fn spans_round_out_to_sectors() {
        assert_eq!(sector_span(0x1010, 0x10, 0x40_0000), (0x1000, 0x2000));
        assert_eq!(sector_span(0x1000, 0x1000, 0x40_0000), (0x1000, 0x2000));
        assert_eq!(sector_span(0x1000, 0x1001, 0x40_0000), (0x1000, 0x3000));
    }
}
