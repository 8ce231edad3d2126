//! espflow's own flasher stubs, embedded in the binary as the ELF images that
//! `firmware-stub/build.sh` produces, and what it takes to start one on a chip.

use object::Endianness;
use object::elf::PT_LOAD;
use object::read::elf::{ElfFile32, FileHeader, ProgramHeader};
use sha2::{Digest, Sha256};

use crate::chip::Chip;

/// A segment to place in the chip's RAM.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    pub addr: u32,
    pub data: Vec<u8>,
}

#[derive(Clone, Debug)]
pub struct StubImage {
    pub chip: Chip,
    pub entry: u32,
    pub segments: Vec<Segment>,
}

/// ELF headers are read in place, which needs their natural alignment.
#[repr(C, align(8))]
struct Aligned<T: ?Sized>(T);

static ESP32C3_ELF: &Aligned<[u8]> =
    &Aligned(*include_bytes!("../firmware-stub/images/esp32c3.elf"));

/// The built ELF of a chip's stub, when espflow has one.
pub fn elf_for(chip: Chip) -> Option<&'static [u8]> {
    match chip {
        Chip::Esp32c3 => Some(&ESP32C3_ELF.0),
        _ => None,
    }
}

impl StubImage {
    pub fn for_chip(chip: Chip) -> Option<StubImage> {
        let elf = elf_for(chip)?;
        Some(StubImage::parse(chip, elf).expect("embedded stub images are valid ELF"))
    }

    /// Loadable segments with file contents, in file order, and the entry point.
    pub fn parse(chip: Chip, elf: &[u8]) -> Result<StubImage, String> {
        let file = ElfFile32::<Endianness>::parse(elf).map_err(|e| e.to_string())?;
        let endian = file.endian();
        let mut segments = Vec::new();
        for ph in file.elf_program_headers() {
            if ph.p_type(endian) != PT_LOAD || ph.p_filesz(endian) == 0 {
                continue;
            }
            let data = ph
                .data(endian, elf)
                .map_err(|()| "a segment lies outside the file".to_string())?;
            segments.push(Segment {
                addr: ph.p_paddr(endian),
                data: data.to_vec(),
            });
        }
        Ok(StubImage {
            chip,
            entry: file.elf_header().e_entry(endian),
            segments,
        })
    }

    /// Identifies the image by what a chip would hold after loading it.
    pub fn digest(&self) -> [u8; 32] {
        digest_of(self.segments.iter().map(|s| (s.addr, s.data.as_slice())))
    }

    pub fn text_and_data_sizes(&self) -> (usize, usize) {
        let text = self
            .segments
            .iter()
            .filter(|s| s.addr >= 0x4000_0000)
            .map(|s| s.data.len())
            .sum();
        let data = self
            .segments
            .iter()
            .filter(|s| s.addr < 0x4000_0000)
            .map(|s| s.data.len())
            .sum();
        (text, data)
    }
}

/// Digest of RAM contents given as (address, bytes) runs, in upload order.
pub fn digest_of<'a>(runs: impl Iterator<Item = (u32, &'a [u8])>) -> [u8; 32] {
    let mut h = Sha256::new();
    for (addr, data) in runs {
        h.update(addr.to_le_bytes());
        h.update((data.len() as u32).to_le_bytes());
        h.update(data);
    }
    h.finalize().into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c3_image_has_text_and_data() {
        let img = StubImage::for_chip(Chip::Esp32c3).unwrap();
        assert_eq!(img.entry, 0x4038_0000);
        let (text, data) = img.text_and_data_sizes();
        assert!(text > 1000 && data > 0, "text {text} data {data}");
        assert!(StubImage::for_chip(Chip::Esp32).is_none());
    }
}
