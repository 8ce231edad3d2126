//! The write plan: "these images at these addresses" turned into checked flash regions and
//! sector chunks before anything is erased, and the runs of chunks that must be sent once
//! the comparison has said which chunks the flash already holds. Everything here is a pure
//! value, so it is tested without a device.

use std::ops::Range;

use espflow_protocol::geometry::SECTOR_SIZE;

use crate::numbers::human_size;

/// Bytes to place at a flash address.
#[derive(Clone, Debug, Default)]
pub struct Image {
    /// Flash address of the first byte.
    pub addr: u32,
    /// The bytes (the plaintext, for an image the chip encrypts).
    pub data: Vec<u8>,
    /// Where the bytes came from, for messages.
    pub name: String,
    /// Whether the chip encrypts the bytes as it writes them.
    pub encryption: Encryption,
}

/// How an image reaches the flash.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Encryption {
    /// As it is.
    #[default]
    Plain,
    /// Sent as plaintext with the `encrypted` word of FLASH_BEGIN set, so the chip encrypts
    /// it with its own key. `ciphertext` is what the raw flash then holds, when the host
    /// has the key too: comparing and verifying use it. Without it the raw flash cannot be
    /// predicted, so nothing is skipped and nothing is verified.
    ByChip {
        /// The raw flash the chip's encryption leaves, as the host computed it.
        ciphertext: Option<Vec<u8>>,
    },
}

impl Image {
    /// An image written as it is.
    pub fn new(addr: u32, data: Vec<u8>, name: impl Into<String>) -> Image {
        Image {
            addr,
            data,
            name: name.into(),
            encryption: Encryption::Plain,
        }
    }

    /// The flash address just past the image.
    pub fn end(&self) -> u64 {
        self.addr as u64 + self.data.len() as u64
    }

    /// Whether the chip encrypts it.
    pub fn encrypted(&self) -> bool {
        matches!(self.encryption, Encryption::ByChip { .. })
    }

    /// The bytes the raw flash holds once the image is written, where the host knows them.
    pub fn raw(&self) -> Option<&[u8]> {
        match &self.encryption {
            Encryption::Plain => Some(&self.data),
            Encryption::ByChip { ciphertext } => ciphertext.as_deref(),
        }
    }

    /// The image as the raw flash holds it, for the comparisons that read raw flash: the
    /// image itself when it goes as it is, a copy holding the ciphertext when the chip
    /// encrypts it and the host knows the key.
    pub fn as_raw(&self) -> Option<std::borrow::Cow<'_, Image>> {
        match &self.encryption {
            Encryption::Plain => Some(std::borrow::Cow::Borrowed(self)),
            Encryption::ByChip { ciphertext } => Some(std::borrow::Cow::Owned(Image::new(
                self.addr,
                ciphertext.clone()?,
                self.name.clone(),
            ))),
        }
    }
}

/// Why a set of images cannot be written.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PlanError {
    /// An image with no bytes.
    #[error("{file} is empty; nothing to write at 0x{addr:X}")]
    Empty {
        /// The image's name.
        file: String,
        /// Its address.
        addr: u32,
    },
    /// An image that runs past the end of the flash.
    #[error(
        "{file} ({len} bytes at 0x{addr:X}) ends at 0x{end:X}, past the end of the {} flash",
        human_size(*flash_size as u64)
    )]
    PastEnd {
        /// The image's name.
        file: String,
        /// Its address.
        addr: u32,
        /// Its length.
        len: usize,
        /// Where it would end.
        end: u64,
        /// The flash size.
        flash_size: u32,
    },
    /// Two images that share bytes.
    #[error("{a} (0x{a_start:X}..0x{a_end:X}) and {b} (0x{b_start:X}..0x{b_end:X}) overlap")]
    Overlap {
        /// The lower image.
        a: String,
        /// Its start.
        a_start: u32,
        /// Its end.
        a_end: u64,
        /// The higher image.
        b: String,
        /// Its start.
        b_start: u32,
        /// Its end.
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
    /// Flash address of the chunk.
    pub addr: u32,
    /// Its length: a whole sector except at an image's ends.
    pub len: u32,
    /// Where the chunk's bytes start in the image.
    pub offset: usize,
}

impl Chunk {
    /// Whether the chunk covers its whole sector (only those have sector digests).
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

/// One image's share of a [`WritePlan`]: the image and its sector chunks.
#[derive(Clone, Debug)]
pub struct ImagePlan<'a> {
    /// The image.
    pub image: &'a Image,
    /// Its chunks, in address order.
    pub chunks: Vec<Chunk>,
}

/// A run of neighbouring chunks to send as one stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    /// Flash address of the run's first byte.
    pub addr: u32,
    /// Which bytes of the image the run carries.
    pub bytes: Range<usize>,
    /// Which of the image's chunks it covers.
    pub chunks: Range<usize>,
}

impl Run {
    /// The whole sectors the run touches, and how many bytes of them lie before and after
    /// the run: what a loader that erases whole sectors must keep.
    pub fn sectors(&self, flash_size: u32) -> SectorSpan {
        let (start, end) = sector_span(self.addr, self.bytes.len() as u32, flash_size);
        let run_end = self.addr + self.bytes.len() as u32;
        SectorSpan {
            start,
            end,
            head: self.addr - start,
            tail: end.saturating_sub(run_end),
        }
    }
}

/// The sectors a run touches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SectorSpan {
    /// First byte of the first sector.
    pub start: u32,
    /// Just past the last sector.
    pub end: u32,
    /// Bytes of the first sector before the run.
    pub head: u32,
    /// Bytes of the last sector after the run.
    pub tail: u32,
}

/// Images checked against each other and the flash, cut into chunks.
#[derive(Clone, Debug)]
pub struct WritePlan<'a> {
    /// One entry per image, in the order given.
    pub images: Vec<ImagePlan<'a>>,
    /// The flash size the plan was checked against.
    pub flash_size: u32,
}

impl<'a> WritePlan<'a> {
    /// Checks the images and cuts them into chunks.
    pub fn new(images: &'a [Image], flash_size: u32) -> Result<WritePlan<'a>, PlanError> {
        check(images, flash_size)?;
        Ok(WritePlan {
            images: images
                .iter()
                .map(|image| ImagePlan {
                    image,
                    chunks: chunks(image),
                })
                .collect(),
            flash_size,
        })
    }
}

impl ImagePlan<'_> {
    /// The runs to send, given which chunks are already in place (`matched[i]` for
    /// `chunks[i]`).
    pub fn runs(&self, matched: &[bool]) -> Vec<Run> {
        runs(matched)
            .into_iter()
            .map(|r| {
                let (first, last) = (self.chunks[r.start], self.chunks[r.end - 1]);
                Run {
                    addr: first.addr,
                    bytes: first.offset..last.offset + last.len as usize,
                    chunks: r,
                }
            })
            .collect()
    }

    /// Image bytes in chunks marked as matched.
    pub fn matched_bytes(&self, matched: &[bool]) -> u64 {
        self.chunks
            .iter()
            .zip(matched)
            .filter(|(_, m)| **m)
            .map(|(c, _)| c.len as u64)
            .sum()
    }

    /// How many leading chunks lie entirely below `committed` (a journal's claim).
    pub fn chunks_below(&self, committed: u32) -> usize {
        self.chunks
            .iter()
            .take_while(|c| c.addr + c.len <= committed)
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn img(addr: u32, len: usize, name: &str) -> Image {
        Image::new(addr, vec![0; len], name)
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
    fn the_plan_turns_matches_into_runs_with_their_bytes() {
        let imgs = [img(0x1F00, 0x2200, "a"), img(0x8000, 0x1000, "b")];
        let plan = WritePlan::new(&imgs, 0x40_0000).unwrap();
        let a = &plan.images[0];
        assert_eq!(a.chunks.len(), 4);
        let runs = a.runs(&[false, true, false, false]);
        assert_eq!(
            runs,
            [
                Run {
                    addr: 0x1F00,
                    bytes: 0..0x100,
                    chunks: 0..1
                },
                Run {
                    addr: 0x3000,
                    bytes: 0x1100..0x2200,
                    chunks: 2..4
                },
            ]
        );
        assert_eq!(a.matched_bytes(&[false, true, false, false]), 0x1000);
        assert_eq!(
            runs[0].sectors(0x40_0000),
            SectorSpan {
                start: 0x1000,
                end: 0x2000,
                head: 0xF00,
                tail: 0
            }
        );
        assert_eq!(
            runs[1].sectors(0x40_0000),
            SectorSpan {
                start: 0x3000,
                end: 0x5000,
                head: 0,
                tail: 0xF00
            }
        );
        assert_eq!(a.chunks_below(0x3000), 2);
        assert_eq!(a.chunks_below(0x2FFF), 1);
        assert!(plan.images[1].runs(&[true]).is_empty());
    }

    #[test]
    fn the_plan_refuses_before_cutting() {
        let imgs = [img(0x1000, 0x2000, "a"), img(0x2000, 0x10, "b")];
        assert!(matches!(
            WritePlan::new(&imgs, 0x40_0000),
            Err(PlanError::Overlap { .. })
        ));
    }

    #[test]
    fn spans_round_out_to_sectors() {
        assert_eq!(sector_span(0x1010, 0x10, 0x40_0000), (0x1000, 0x2000));
        assert_eq!(sector_span(0x1000, 0x1000, 0x40_0000), (0x1000, 0x2000));
        assert_eq!(sector_span(0x1000, 0x1001, 0x40_0000), (0x1000, 0x3000));
    }
}
