//! The chips espflow knows. Their facts (how to recognise each, where its eFuses and SPI
//! registers live, where its bootloader goes, where a stub may live) are one table per chip
//! in `espflow-chip-facts`, shared with the on-chip stubs.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
/// An Espressif chip family.
pub enum Chip {
    /// ESP32 (Xtensa LX6, dual core).
    Esp32,
    /// ESP32-S2 (Xtensa LX7, single core).
    Esp32s2,
    /// ESP32-S3 (Xtensa LX7, dual core).
    Esp32s3,
    /// ESP32-C2 (RISC-V).
    Esp32c2,
    /// ESP32-C3 (RISC-V).
    Esp32c3,
    /// ESP32-C5 (RISC-V).
    Esp32c5,
    /// ESP32-C6 (RISC-V).
    Esp32c6,
    /// ESP32-H2 (RISC-V).
    Esp32h2,
    /// ESP32-P4 (RISC-V).
    Esp32p4,
}

pub use espflow_chip_facts::{
    Arch, CHIP_DETECT_MAGIC_REG, ChipFacts, EfuseField, MacRegs, Revision, SpiRegs, StubRam,
};

impl Chip {
    /// Every chip espflow knows.
    pub const ALL: [Chip; 9] = [
        Chip::Esp32,
        Chip::Esp32s2,
        Chip::Esp32s3,
        Chip::Esp32c2,
        Chip::Esp32c3,
        Chip::Esp32c5,
        Chip::Esp32c6,
        Chip::Esp32h2,
        Chip::Esp32p4,
    ];

    /// The chip's table in `espflow-chip-facts`, which the stubs read too.
    pub fn facts(self) -> &'static ChipFacts {
        use espflow_chip_facts as t;
        match self {
            Chip::Esp32 => &t::ESP32,
            Chip::Esp32s2 => &t::ESP32S2,
            Chip::Esp32s3 => &t::ESP32S3,
            Chip::Esp32c2 => &t::ESP32C2,
            Chip::Esp32c3 => &t::ESP32C3,
            Chip::Esp32c5 => &t::ESP32C5,
            Chip::Esp32c6 => &t::ESP32C6,
            Chip::Esp32h2 => &t::ESP32H2,
            Chip::Esp32p4 => &t::ESP32P4,
        }
    }

    /// The chip whose GET_SECURITY_INFO chip id is `id` (chips known by their magic word
    /// instead are never matched here).
    pub fn from_chip_id(id: u32) -> Option<Chip> {
        Chip::ALL
            .into_iter()
            .find(|c| c.facts().chip_id == Some(id) && c.facts().magic.is_empty())
    }

    /// The chip whose chip-detect word at [`CHIP_DETECT_MAGIC_REG`] reads `magic`.
    pub fn from_magic(magic: u32) -> Option<Chip> {
        Chip::ALL
            .into_iter()
            .find(|c| c.facts().magic.contains(&magic))
    }

    /// The chip's name as Espressif writes it (`ESP32-C3`).
    pub fn name(self) -> &'static str {
        self.facts().name
    }
}

impl fmt::Display for Chip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Flash size in bytes from the capacity byte of a JEDEC RDID answer.
pub fn flash_size_from_capacity(code: u8) -> Option<u32> {
    match code {
        0x12..=0x1A => Some(1 << code),
        // Some vendors number 32 MiB and up differently.
        0x39 => Some(32 << 20),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection_tables_are_unambiguous() {
        assert_eq!(Chip::from_chip_id(5), Some(Chip::Esp32c3));
        assert_eq!(Chip::from_chip_id(2), None, "S2 is known by its magic");
        assert_eq!(Chip::from_magic(0x00F0_1D83), Some(Chip::Esp32));
        assert_eq!(Chip::from_magic(0x0000_07C6), Some(Chip::Esp32s2));
        for c in Chip::ALL {
            let f = c.facts();
            assert!(
                f.chip_id.is_some() || !f.magic.is_empty(),
                "{c} is detectable"
            );
        }
    }

    #[test]
    fn every_chip_is_found_by_what_its_rom_reports() {
        for c in Chip::ALL {
            let f = c.facts();
            let by_id = f.chip_id.and_then(Chip::from_chip_id);
            let by_magic = f.magic.iter().map(|&m| Chip::from_magic(m));
            if f.magic.is_empty() {
                assert_eq!(by_id, Some(c), "{c} by chip id");
            }
            for found in by_magic {
                assert_eq!(found, Some(c), "{c} by magic");
            }
        }
    }

    #[test]
    fn host_facts_every_chip_needs() {
        for c in Chip::ALL {
            let f = c.facts();
            assert_eq!(c.name(), f.name);
            assert_ne!(f.efuse_base, 0, "{c}");
            assert_ne!(f.mac.low, f.mac.high, "{c}: two MAC words");
            assert_ne!(f.spi.base, 0, "{c}");
            assert_ne!(f.crypt_cnt.mask(), 0, "{c}");
            assert_eq!(
                f.stub.is_some(),
                crate::stub::elf_for(c).is_some(),
                "{c}: a stub image exactly where the table has stub facts"
            );
            assert_eq!(f.begin_has_encrypted_word, c != Chip::Esp32, "{c}");
        }
        assert_eq!(Chip::Esp32c3.facts().crystal_mhz(), Some(40));
        assert_eq!(Chip::Esp32c5.facts().crystal_mhz(), None, "40 or 48 MHz");
    }

    /// esptool's get_major_chip_version: eFuse word 3 bit 15, word 5 bit 20 and
    /// APB_CTL_DATE bit 31 form a code; 0, 1, 3, 7 are v0 to v3, anything else v0.
    #[test]
    fn esp32_revision_is_a_code_of_three_bits() {
        let rev = Chip::Esp32.facts().revision.unwrap();
        let read = |w3: u32, w5: u32, apb: u32| {
            rev.read(|addr| {
                Ok::<_, ()>(match addr {
                    0x3FF5_A00C => w3,
                    0x3FF5_A014 => w5,
                    0x3FF6_607C => apb,
                    _ => panic!("read of 0x{addr:08X}"),
                })
            })
            .unwrap()
        };
        assert_eq!(read(1 << 15, 1 << 20, 1 << 31), (3, 0));
        assert_eq!(read(1 << 15, (1 << 20) | (1 << 24), 0), (2, 1));
        assert_eq!(read(1 << 15, 0, 0), (1, 0));
        assert_eq!(read(0, 3 << 24, 0), (0, 3));
        // What Espressif's emulator reports: only the APB bit, code 4, which is no revision.
        assert_eq!(read(0, 0, 0x9604_0020), (0, 0));
    }

    /// The ESP32 ROM's divider follows its crystal estimate; the rate asked for is scaled
    /// by estimate over true crystal, and left alone where no estimate exists.
    #[test]
    fn esp32_rom_baud_follows_the_rom_crystal_estimate() {
        let clock = Chip::Esp32.facts().rom_clock.unwrap();
        // cali 0x500 << 7 and CK8M_FREQ 0x52 estimate 41 MHz against a 40 MHz crystal.
        let cali = 0x500 << 7;
        assert_eq!(clock.rom_baud(460_800, cali, 0x52), 472_320);
        assert_eq!(
            clock.rom_baud(921_600, cali, 0),
            921_600,
            "eFuse never burnt"
        );
        assert!(Chip::Esp32c3.facts().rom_clock.is_none());
    }

    #[test]
    fn capacity_codes() {
        assert_eq!(flash_size_from_capacity(0x16), Some(4 << 20));
        assert_eq!(flash_size_from_capacity(0x18), Some(16 << 20));
        assert_eq!(flash_size_from_capacity(0xFF), None);
    }
}
