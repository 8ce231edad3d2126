//! espflow's own flasher stubs, embedded in the binary as the ELF images that
//! `firmware-stub/build.sh` produces, and what it takes to start one on a chip.

use object::Endianness;
use object::elf::PT_LOAD;
use object::read::elf::{ElfFile32, FileHeader, ProgramHeader};
use sha2::{Digest, Sha256};

use crate::chip::{Chip, StubRam};

/// A segment to place in the chip's RAM.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Where it goes.
    pub addr: u32,
    /// What goes there.
    pub data: Vec<u8>,
}

/// A stub as the ROM loader takes it: segments to load, then an entry point to jump to.
#[derive(Clone, Debug)]
pub struct StubImage {
    /// The chip it is built for.
    pub chip: Chip,
    /// The address MEM_END jumps to.
    pub entry: u32,
    /// The loadable segments, in file order.
    pub segments: Vec<Segment>,
}

/// ELF headers are read in place, which needs their natural alignment.
#[repr(C, align(8))]
struct Aligned<T: ?Sized>(T);

macro_rules! stub_elf {
    ($name:literal) => {
        &Aligned(*include_bytes!(concat!(
            "../firmware-stub/images/",
            $name,
            ".elf"
        )))
    };
}

static ESP32_ELF: &Aligned<[u8]> = stub_elf!("esp32");
static ESP32C2_ELF: &Aligned<[u8]> = stub_elf!("esp32c2");
static ESP32C3_ELF: &Aligned<[u8]> = stub_elf!("esp32c3");
static ESP32C5_ELF: &Aligned<[u8]> = stub_elf!("esp32c5");
static ESP32C6_ELF: &Aligned<[u8]> = stub_elf!("esp32c6");
static ESP32H2_ELF: &Aligned<[u8]> = stub_elf!("esp32h2");
static ESP32S2_ELF: &Aligned<[u8]> = stub_elf!("esp32s2");
static ESP32S3_ELF: &Aligned<[u8]> = stub_elf!("esp32s3");

/// The built ELF of a chip's stub, when espflow has one.
pub fn elf_for(chip: Chip) -> Option<&'static [u8]> {
    let elf = match chip {
        Chip::Esp32 => ESP32_ELF,
        Chip::Esp32c2 => ESP32C2_ELF,
        Chip::Esp32c3 => ESP32C3_ELF,
        Chip::Esp32c5 => ESP32C5_ELF,
        Chip::Esp32c6 => ESP32C6_ELF,
        Chip::Esp32h2 => ESP32H2_ELF,
        Chip::Esp32s2 => ESP32S2_ELF,
        Chip::Esp32s3 => ESP32S3_ELF,
        _ => return None,
    };
    Some(&elf.0)
}

/// Whether a chip's stub has run against that chip's real ROM (on silicon or on an
/// emulator running the mask ROM). The others are built from the chips' documented ROM
/// interfaces and are used only when asked for.
pub fn verified(chip: Chip) -> bool {
    matches!(chip, Chip::Esp32c3 | Chip::Esp32)
}

impl StubImage {
    /// The embedded stub for `chip`, when espflow has one.
    pub fn for_chip(chip: Chip) -> Option<StubImage> {
        let elf = elf_for(chip)?;
        Some(StubImage::parse(chip, elf).expect("embedded stub images are valid ELF"))
    }

    /// Loadable segments with file contents, in file order, and the entry point.
    pub fn parse(chip: Chip, elf: &[u8]) -> Result<StubImage, String> {
        let file = ElfFile32::<Endianness>::parse(elf).map_err(|e| e.to_string())?;
        let endian = file.endian();
        let mut segments = Vec::new();
        let mut spans = Vec::new();
        for ph in file.elf_program_headers() {
            if ph.p_type(endian) != PT_LOAD || ph.p_filesz(endian) == 0 {
                continue;
            }
            let data = ph
                .data(endian, elf)
                .map_err(|()| "a segment lies outside the file".to_string())?;
            let at = ph.p_offset(endian) as u64;
            spans.push(at..at + data.len() as u64);
            segments.push(Segment {
                addr: ph.p_paddr(endian),
                data: data.to_vec(),
            });
        }
        // A stub's linker gives each segment bytes of its own; two that share bytes of
        // the file are not a stub this host built.
        spans.sort_by_key(|r| r.start);
        if spans.windows(2).any(|w| w[1].start < w[0].end) {
            return Err("two segments share bytes of the file".into());
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

    /// Bytes uploaded into instruction RAM and into data RAM.
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

/// Where a chip's ROM loader lets a stub live.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RamMap {
    /// Executable RAM as the instruction bus sees it.
    pub iram: std::ops::Range<u32>,
    /// Data RAM, up to where the ROM's own stack and data begin.
    pub dram: std::ops::Range<u32>,
    /// Offset from an IRAM address to the DRAM address of the same memory, when the two
    /// buses see one SRAM.
    pub iram_to_dram: Option<u32>,
    /// The ROM loader's receive buffer: uploading into it corrupts the upload itself.
    pub rom_rx_buffer: std::ops::Range<u32>,
}

impl From<&StubRam> for RamMap {
    fn from(r: &StubRam) -> RamMap {
        RamMap {
            iram: r.iram.clone(),
            dram: r.dram.clone(),
            iram_to_dram: r.iram_to_dram,
            rom_rx_buffer: r.rom_rx_buffer.clone(),
        }
    }
}

/// The RAM a chip's stub may use, from the chip's table. The C3's figures were measured on
/// its ROM; for the others the ROM loader's buffers are where ESP-IDF's bootloader memory
/// layout says download mode keeps them, and the stub stays below them entirely.
pub fn ram_map(chip: Chip) -> Option<RamMap> {
    chip.facts().stub.as_ref().map(|s| RamMap::from(&s.ram))
}

/// The limits [`check_placement`] holds the images to. They repeat what the chips' tables
/// say on purpose: a check that read the same table as the linker scripts and the stubs
/// follow would pass whatever that table said, so a wrong figure there would go unnoticed.
/// A unit test compares the two, so a change to either must be made to both knowingly.
fn placement_limits(chip: Chip) -> Option<RamMap> {
    // Chips whose SRAM has one address for code and data.
    let unified = |end: u32, buffers: std::ops::Range<u32>| RamMap {
        iram: 0x4080_0000..end,
        dram: 0x4080_0000..end,
        iram_to_dram: Some(0),
        rom_rx_buffer: buffers,
    };
    match chip {
        // SRAM0's instruction window (no data alias) and SRAM2 below the ROM loader's
        // data, buffers and stacks, which start at 0x3FFE_0000.
        Chip::Esp32 => Some(RamMap {
            iram: 0x4008_0000..0x400A_0000,
            dram: 0x3FFB_0000..0x3FFE_0000,
            iram_to_dram: None,
            rom_rx_buffer: 0x3FFE_0000..0x3FFE_8000,
        }),
        // SRAM1, one memory on both buses (0x7_0000 apart): code in its first 32 KiB,
        // data above that code's data-bus alias and below the ROM loader's buffers.
        Chip::Esp32s2 => Some(RamMap {
            iram: 0x4002_8000..0x4003_0000,
            dram: 0x3FFC_0000..0x3FFE_AB00,
            iram_to_dram: Some(0x7_0000),
            rom_rx_buffer: 0x3FFE_AB00..0x3FFF_C410,
        }),
        // SRAM1 likewise (0x6F_0000 apart): code in its first 64 KiB, data above its alias
        // and below the ROM loader's buffers, stacks and data (0x3FCD_7E00..0x3FCF_0000).
        Chip::Esp32s3 => Some(RamMap {
            iram: 0x4037_8000..0x4038_8000,
            dram: 0x3FC9_8000..0x3FCD_7E00,
            iram_to_dram: Some(0x6F_0000),
            rom_rx_buffer: 0x3FCD_7E00..0x3FCE_9710,
        }),
        Chip::Esp32c3 => Some(RamMap {
            iram: 0x4038_0000..0x403C_A000,
            dram: 0x3FC8_0000..0x3FCD_C000,
            iram_to_dram: Some(0x4038_0000 - 0x3FC8_0000),
            rom_rx_buffer: 0x3FCC_AE00..0x3FCC_C700,
        }),
        Chip::Esp32c2 => Some(RamMap {
            iram: 0x4038_0000..0x403C_0000,
            dram: 0x3FCA_0000..0x3FCC_B264,
            iram_to_dram: Some(0x4038_0000 - 0x3FCA_0000),
            rom_rx_buffer: 0x3FCC_B264..0x3FCD_CB70,
        }),
        Chip::Esp32c6 => Some(unified(0x4086_AD08, 0x4086_AD08..0x4087_C610)),
        Chip::Esp32h2 => Some(unified(0x4083_BA78, 0x4083_BA78..0x4084_D380)),
        Chip::Esp32c5 => Some(unified(0x4084_E5A0, 0x4084_E5A0..0x4085_C5A0)),
        _ => None,
    }
}

/// An allocated section as the placement check sees it.
#[derive(Clone, Debug)]
pub struct Placed {
    /// The section's name.
    pub name: String,
    /// Its load address.
    pub addr: u32,
    /// Its size in memory.
    pub size: u32,
    /// Holds code.
    pub exec: bool,
    /// Has bytes in the file, so the host uploads it.
    pub uploaded: bool,
}

/// The allocated sections of a stub ELF.
pub fn allocated_sections(elf: &[u8]) -> Result<Vec<Placed>, String> {
    use object::{Object, ObjectSection, SectionFlags, SectionKind};
    let file = object::File::parse(elf).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for s in file.sections() {
        let SectionFlags::Elf { sh_flags } = s.flags() else {
            continue;
        };
        if sh_flags & u64::from(object::elf::SHF_ALLOC) == 0 || s.size() == 0 {
            continue;
        }
        out.push(Placed {
            name: s.name().unwrap_or("?").to_string(),
            addr: s.address() as u32,
            size: s.size() as u32,
            exec: sh_flags & u64::from(object::elf::SHF_EXECINSTR) != 0,
            uploaded: s.kind() != SectionKind::UninitializedData,
        });
    }
    Ok(out)
}

/// Checks that every allocated section lies in RAM the ROM loader gives a stub: code in
/// IRAM, everything else in DRAM, nothing uploaded over the loader's receive buffer, and no
/// data on top of the DRAM alias of the code. Nothing may sit in a flash-mapped window.
pub fn check_placement(chip: Chip, sections: &[Placed]) -> Result<(), String> {
    let map = placement_limits(chip).ok_or_else(|| format!("no RAM limits for {chip}"))?;
    let within = |r: &std::ops::Range<u32>, s: &Placed| {
        s.addr >= r.start && s.addr as u64 + s.size as u64 <= r.end as u64
    };
    let overlaps = |a: u32, alen: u32, r: &std::ops::Range<u32>| {
        (a as u64) < r.end as u64 && a as u64 + alen as u64 > r.start as u64
    };
    for s in sections {
        let region = if s.exec { &map.iram } else { &map.dram };
        if !within(region, s) {
            return Err(format!(
                "{chip}: section {} at 0x{:08X}..0x{:08X} is outside {} 0x{:08X}..0x{:08X}",
                s.name,
                s.addr,
                s.addr as u64 + s.size as u64,
                if s.exec { "IRAM" } else { "DRAM" },
                region.start,
                region.end
            ));
        }
        // The ESP32's instruction RAM takes 32-bit accesses only, and the ROM loader
        // writes uploaded code a word at a time.
        if chip.facts().arch == espflow_chip_facts::Arch::Xtensa
            && s.exec
            && (s.addr % 4 != 0 || s.size % 4 != 0)
        {
            return Err(format!(
                "{chip}: code section {} is not whole words at a word boundary",
                s.name
            ));
        }
        if s.uploaded && overlaps(s.addr, s.size, &map.rom_rx_buffer) {
            return Err(format!(
                "{chip}: section {} is uploaded over the ROM loader's receive buffer",
                s.name
            ));
        }
    }
    if let Some(off) = map.iram_to_dram {
        for code in sections.iter().filter(|s| s.exec) {
            let alias = code.addr - off..code.addr - off + code.size;
            for data in sections.iter().filter(|s| !s.exec && s.name != code.name) {
                if overlaps(data.addr, data.size, &alias) {
                    return Err(format!(
                        "{chip}: section {} shares SRAM with the code of {}",
                        data.name, code.name
                    ));
                }
            }
        }
    }
    Ok(())
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
        assert!(StubImage::for_chip(Chip::Esp32p4).is_none());
        assert!(verified(Chip::Esp32c3) && verified(Chip::Esp32) && !verified(Chip::Esp32c6));
        assert!(!verified(Chip::Esp32s2) && !verified(Chip::Esp32s3));
    }

    fn sec(name: &str, addr: u32, size: u32, exec: bool, uploaded: bool) -> Placed {
        Placed {
            name: name.into(),
            addr,
            size,
            exec,
            uploaded,
        }
    }

    #[test]
    fn table_ram_maps_lie_inside_the_independent_limits() {
        for chip in Chip::ALL {
            let (Some(map), Some(limits)) = (ram_map(chip), placement_limits(chip)) else {
                assert!(
                    ram_map(chip).is_none() && placement_limits(chip).is_none(),
                    "{chip}"
                );
                continue;
            };
            let inside = |r: &std::ops::Range<u32>, l: &std::ops::Range<u32>| {
                r.start >= l.start && r.end <= l.end
            };
            assert!(inside(&map.iram, &limits.iram), "{chip}: IRAM");
            assert!(inside(&map.dram, &limits.dram), "{chip}: DRAM");
            assert_eq!(map.iram_to_dram, limits.iram_to_dram, "{chip}: alias");
            assert_eq!(
                map.rom_rx_buffer, limits.rom_rx_buffer,
                "{chip}: receive buffer"
            );
        }
    }

    #[test]
    fn placement_rules_catch_each_mistake() {
        let good = [
            sec(".text", 0x4038_0000, 0x4000, true, true),
            sec(".data", 0x3FC9_0000, 0x100, false, true),
            sec(".bss", 0x3FCC_0000, 0x10000, false, false),
        ];
        assert_eq!(check_placement(Chip::Esp32c3, &good), Ok(()));
        let cases = [
            (sec(".text", 0x4200_0000, 0x100, true, true), "outside IRAM"),
            (
                sec(".rodata", 0x3C00_0000, 0x100, false, true),
                "outside DRAM",
            ),
            (
                sec(".data", 0x3FCD_F000, 0x100, false, true),
                "outside DRAM",
            ),
            (
                sec(".data", 0x3FCC_B000, 0x100, false, true),
                "receive buffer",
            ),
            (sec(".data", 0x3FC8_1000, 0x100, false, true), "shares SRAM"),
        ];
        for (bad, why) in cases {
            let mut set = good.to_vec();
            set.push(bad);
            let e = check_placement(Chip::Esp32c3, &set).unwrap_err();
            assert!(e.contains(why), "{e}");
        }
    }

    #[test]
    fn esp32_placement_keeps_code_in_sram0_and_data_below_the_rom() {
        let good = [
            sec(".text", 0x4008_0000, 0x7000, true, true),
            sec(".data", 0x3FFB_0000, 0x400, false, true),
            sec(".bss", 0x3FFB_0400, 0x2_0000, false, false),
        ];
        assert_eq!(check_placement(Chip::Esp32, &good), Ok(()));
        let cases = [
            (sec(".text", 0x400A_0000, 0x100, true, true), "outside IRAM"),
            (sec(".text", 0x4008_0002, 0x100, true, true), "whole words"),
            (sec(".text", 0x4008_0000, 0x102, true, true), "whole words"),
            (
                sec(".rodata", 0x4009_0000, 0x100, false, true),
                "outside DRAM",
            ),
            (
                sec(".data", 0x3FFE_0000, 0x100, false, true),
                "outside DRAM",
            ),
            (
                sec(".data", 0x3FFA_E000, 0x100, false, true),
                "outside DRAM",
            ),
        ];
        for (bad, why) in cases {
            let mut set = good.to_vec();
            set.push(bad);
            let e = check_placement(Chip::Esp32, &set).unwrap_err();
            assert!(e.contains(why), "{e}");
        }
    }

    #[test]
    fn s2_and_s3_placement_keeps_data_off_the_code_and_the_rom_buffers() {
        // (chip, code start, first data byte past the code's alias, loader buffers)
        let maps = [
            (Chip::Esp32s2, 0x4002_8000, 0x3FFC_0000, 0x3FFE_AB00),
            (Chip::Esp32s3, 0x4037_8000, 0x3FC9_8000, 0x3FCD_7E00),
        ];
        for (chip, code, data, rom) in maps {
            let good = [
                sec(".text", code, 0x7000, true, true),
                sec(".data", data, 0x400, false, true),
                sec(".bss", data + 0x400, 0x2_0000, false, false),
            ];
            assert_eq!(check_placement(chip, &good), Ok(()), "{chip}");
            let alias = code - placement_limits(chip).unwrap().iram_to_dram.unwrap();
            let cases = [
                // SRAM0 below the window may be cache memory.
                (
                    sec(".text", code - 0x100, 0x100, true, true),
                    "outside IRAM",
                ),
                (sec(".text", code + 2, 0x100, true, true), "whole words"),
                // Data on the code's own bytes, through the data bus.
                (sec(".data", alias, 0x100, false, true), "outside DRAM"),
                (
                    sec(".bss", rom - 0x100, 0x200, false, false),
                    "outside DRAM",
                ),
                (sec(".data", rom, 0x100, false, true), "outside DRAM"),
            ];
            for (bad, why) in cases {
                let mut set = good.to_vec();
                set.push(bad);
                let e = check_placement(chip, &set).unwrap_err();
                assert!(e.contains(why), "{chip}: {e}");
            }
        }
    }
}
