//! Per-chip facts: how to recognise each chip, where its eFuses and SPI registers live, where
//! its bootloader goes, and whether espflow has a stub for it.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Chip {
    Esp32,
    Esp32s2,
    Esp32s3,
    Esp32c2,
    Esp32c3,
    Esp32c5,
    Esp32c6,
    Esp32h2,
    Esp32p4,
}

/// Register offsets of the SPI1 user-command block, relative to its base.
#[derive(Clone, Copy, Debug)]
pub struct SpiRegs {
    pub base: u32,
    pub usr: u32,
    pub usr1: u32,
    pub usr2: u32,
    pub mosi_dlen: u32,
    pub miso_dlen: u32,
    pub w0: u32,
    /// ESP32 expects the address left-aligned in the 32-bit register.
    pub addr_msb_aligned: bool,
}

const SPI_NEWER: SpiRegs = SpiRegs {
    base: 0,
    usr: 0x18,
    usr1: 0x1C,
    usr2: 0x20,
    mosi_dlen: 0x24,
    miso_dlen: 0x28,
    w0: 0x58,
    addr_msb_aligned: false,
};

pub struct ChipFacts {
    pub name: &'static str,
    /// Chip id in GET_SECURITY_INFO and image headers; `None` where the ROM lacks the command.
    pub chip_id: Option<u32>,
    /// Values of the chip-detect word at 0x40001000 that identify it.
    pub magic: &'static [u32],
    pub efuse_base: u32,
    pub mac_reg: u32,
    /// (register, mask) of the flash-encryption counter.
    pub crypt_cnt: (u32, u32),
    pub spi: SpiRegs,
    pub bootloader_offset: u32,
    pub uart_date_reg: u32,
    /// Xtensa chips cannot be built for here; they use the ROM loader.
    pub riscv: bool,
    /// FLASH_BEGIN takes the fifth `encrypted` word.
    pub begin_has_encrypted_word: bool,
    pub crystal_mhz: Option<u32>,
}

pub const CHIP_DETECT_MAGIC_REG: u32 = 0x4000_1000;

impl Chip {
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

    pub fn facts(self) -> ChipFacts {
        let newer =
            |name, chip_id, efuse_base: u32, spi_base, boot, date, cnt_shift: u32| ChipFacts {
                name,
                chip_id: Some(chip_id),
                magic: &[],
                efuse_base,
                mac_reg: efuse_base + 0x44,
                crypt_cnt: (efuse_base + 0x34, 0x7 << cnt_shift),
                spi: SpiRegs {
                    base: spi_base,
                    ..SPI_NEWER
                },
                bootloader_offset: boot,
                uart_date_reg: date,
                riscv: true,
                begin_has_encrypted_word: true,
                crystal_mhz: None,
            };
        match self {
            Chip::Esp32 => ChipFacts {
                name: "ESP32",
                chip_id: None,
                magic: &[0x00F0_1D83],
                efuse_base: 0x3FF5_A000,
                mac_reg: 0x3FF5_A004,
                crypt_cnt: (0x3FF5_A000, 0x7F << 20),
                spi: SpiRegs {
                    base: 0x3FF4_2000,
                    usr: 0x1C,
                    usr1: 0x20,
                    usr2: 0x24,
                    mosi_dlen: 0x28,
                    miso_dlen: 0x2C,
                    w0: 0x80,
                    addr_msb_aligned: true,
                },
                bootloader_offset: 0x1000,
                uart_date_reg: 0x6000_0078,
                riscv: false,
                begin_has_encrypted_word: false,
                crystal_mhz: None,
            },
            Chip::Esp32s2 => ChipFacts {
                chip_id: None,
                magic: &[0x0000_07C6],
                riscv: false,
                ..newer(
                    "ESP32-S2",
                    2,
                    0x3F41_A000,
                    0x3F40_2000,
                    0x1000,
                    0x6000_0078,
                    18,
                )
            },
            Chip::Esp32s3 => ChipFacts {
                riscv: false,
                ..newer("ESP32-S3", 9, 0x6000_7000, 0x6000_2000, 0, 0x6000_0080, 18)
            },
            Chip::Esp32c2 => ChipFacts {
                mac_reg: 0x6000_8840,
                crypt_cnt: (0x6000_8830, 0x7 << 7),
                ..newer("ESP32-C2", 12, 0x6000_8800, 0x6000_2000, 0, 0x6000_007C, 18)
            },
            Chip::Esp32c3 => ChipFacts {
                crystal_mhz: Some(40),
                ..newer("ESP32-C3", 5, 0x6000_8800, 0x6000_2000, 0, 0x6000_007C, 18)
            },
            Chip::Esp32c5 => newer(
                "ESP32-C5",
                23,
                0x600B_4800,
                0x6000_3000,
                0x2000,
                0x6000_007C,
                16,
            ),
            Chip::Esp32c6 => ChipFacts {
                crystal_mhz: Some(40),
                ..newer("ESP32-C6", 13, 0x600B_0800, 0x6000_3000, 0, 0x6000_007C, 18)
            },
            Chip::Esp32h2 => ChipFacts {
                crystal_mhz: Some(32),
                ..newer("ESP32-H2", 16, 0x600B_0800, 0x6000_3000, 0, 0x6000_007C, 18)
            },
            Chip::Esp32p4 => newer(
                "ESP32-P4",
                18,
                0x5012_D000,
                0x5008_D000,
                0x2000,
                0x500C_A08C,
                18,
            ),
        }
    }

    pub fn from_chip_id(id: u32) -> Option<Chip> {
        Chip::ALL
            .into_iter()
            .find(|c| c.facts().chip_id == Some(id) && c.facts().magic.is_empty())
    }

    pub fn from_magic(magic: u32) -> Option<Chip> {
        Chip::ALL
            .into_iter()
            .find(|c| c.facts().magic.contains(&magic))
    }

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
    fn capacity_codes() {
        assert_eq!(flash_size_from_capacity(0x16), Some(4 << 20));
        assert_eq!(flash_size_from_capacity(0x18), Some(16 << 20));
        assert_eq!(flash_size_from_capacity(0xFF), None);
    }
}
