//! One table per chip family the virtual chip can be: what its ROM loader shows a host
//! beyond the chip's own table in `espflow-chip-facts` (detection word, eFuse layout,
//! SPI1 registers, stub RAM), which the model reads from there.
//!
//! What is here is only what that table does not hold because neither the host nor the
//! stubs need it: the RAM the ROM loader lets MEM_BEGIN load into (its internal SRAM, as
//! the chips' memory maps give it), whether the ROM has GET_SECURITY_INFO, the banner, the
//! revision and flash size a new virtual chip gets, and for the dual-core chips the
//! registers that park the second core and switch its cache on. The realtime clock also
//! reads what hashing costs on each chip ([`Hashing`]) from here.

use std::ops::Range;

use crate::chip::Chip;

/// What the virtual chip is as one chip family.
#[derive(Debug)]
pub struct Profile {
    /// The chip.
    pub chip: Chip,
    /// What READ_REG of the chip-detect word returns.
    pub detect_word: DetectWord,
    /// The ROM loader knows GET_SECURITY_INFO (the ESP32's predates it).
    pub security_info: bool,
    /// Where the ROM loader takes MEM_BEGIN uploads: the chip's internal SRAM on its data
    /// bus and on its instruction bus (one range where both buses see it at one address).
    /// An upload that does not lie inside one of the two is refused.
    pub ram: SramWindows,
    /// The revision (major, minor) a new virtual chip reports.
    pub revision: (u8, u8),
    /// The flash size of a new image: the usual part of the chip's modules.
    pub flash_size: u32,
    /// The ROM's banner up to the reset line, and the reset line in download mode.
    pub banner: &'static str,
    /// The clock UART0's divider counts while the ROM runs, in Hz.
    pub uart_clock_hz: u32,
    /// The second CPU, on the dual-core chips.
    pub second_core: Option<SecondCore>,
    /// What MD5 and SHA-256 cost the chip's CPU, charged to the realtime clock.
    pub hashing: Hashing,
}

/// What hashing costs on a chip in download mode, for the realtime clock: the ROM loader,
/// espflow's stub and the foreign stubs all hash on the CPU (MD5: the ROM's MD5Update,
/// which the stubs call too; SHA-256 for espflow's sector digests: in software, or on the
/// chip's SHA accelerator where the chip's table says espflow's stub drives it,
/// `StubFacts::sha256_engine`).
///
/// These are estimates, not measurements. The CPU clock is taken as the crystal, which is
/// what the ROM loader runs from (its UART and APB clock is the 40 MHz crystal on every
/// chip here, 32 MHz on the H2) and no stub here raises it; a foreign stub that does is
/// charged too much. Software rates are cycles per byte estimated from the instruction
/// counts of the algorithms on cores without a rotate instruction (about 40 instructions per
/// SHA-256 round plus the message schedule, about 12 per MD5 step, at 1.2-1.5 cycles per
/// instruction; Xtensa's funnel shift makes a rotate two instructions, RISC-V's RV32IMC
/// needs three). The accelerator rate assumes about 80 clock cycles per 64-byte SHA-256
/// block in the engine (the order of the SHA-256 round count; the figure was not taken
/// from a manual) plus the CPU writing the block's 16 words and polling for the result,
/// about 2 cycles per byte in all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hashing {
    /// The CPU clock in download mode, in MHz.
    pub cpu_mhz: u32,
    /// Software SHA-256, in CPU cycles per byte.
    pub sha256_soft_cycles_per_byte: u32,
    /// SHA-256 on the accelerator fed by the CPU, in CPU cycles per byte.
    pub sha256_engine_cycles_per_byte: u32,
    /// MD5 in software, in CPU cycles per byte.
    pub md5_cycles_per_byte: u32,
}

impl Hashing {
    /// Nanoseconds `bytes` of MD5 take.
    pub fn md5_ns(&self, bytes: u64) -> u64 {
        self.ns(bytes, self.md5_cycles_per_byte)
    }

    /// Nanoseconds `bytes` of SHA-256 take, on the accelerator or in software.
    pub fn sha256_ns(&self, bytes: u64, engine: bool) -> u64 {
        let cycles = if engine {
            self.sha256_engine_cycles_per_byte
        } else {
            self.sha256_soft_cycles_per_byte
        };
        self.ns(bytes, cycles)
    }

    fn ns(&self, bytes: u64, cycles_per_byte: u32) -> u64 {
        bytes * cycles_per_byte as u64 * 1000 / self.cpu_mhz as u64
    }
}

/// Xtensa cores (the ESP32, S2 and S3) at the 40 MHz crystal.
const XTENSA_HASHING: Hashing = Hashing {
    cpu_mhz: 40,
    sha256_soft_cycles_per_byte: 60,
    sha256_engine_cycles_per_byte: 2,
    md5_cycles_per_byte: 13,
};

/// RISC-V cores (the C2, C3, C5, C6, H2) at the 40 MHz crystal.
const RISCV_HASHING: Hashing = Hashing {
    cpu_mhz: 40,
    sha256_soft_cycles_per_byte: 80,
    sha256_engine_cycles_per_byte: 2,
    md5_cycles_per_byte: 16,
};

/// A chip's internal SRAM as its two buses see it.
#[derive(Debug)]
pub struct SramWindows {
    /// On the data bus.
    pub data: Range<u32>,
    /// On the instruction bus.
    pub code: Range<u32>,
}

const fn sram(data: Range<u32>, code: Range<u32>) -> SramWindows {
    SramWindows { data, code }
}

/// SRAM with one address on both buses.
const fn unified(r: Range<u32>) -> SramWindows {
    SramWindows {
        data: Range {
            start: r.start,
            end: r.end,
        },
        code: r,
    }
}

/// The chip-detect word of a ROM.
#[derive(Clone, Copy, Debug)]
pub enum DetectWord {
    /// The chip table's magic value at this index.
    Table(usize),
    /// A value the chip table does not list, because hosts know the chip by its chip id.
    Rom(u32),
}

/// Bits of a register that must read `value` under `mask`.
#[derive(Clone, Copy, Debug)]
pub struct RegBits {
    /// The register.
    pub addr: u32,
    /// The bits that count.
    pub mask: u32,
    /// What they read when the condition holds.
    pub value: u32,
}

impl RegBits {
    const fn new(addr: u32, mask: u32, value: u32) -> RegBits {
        RegBits { addr, mask, value }
    }

    /// Whether `read(addr)` holds the bits.
    pub fn holds(&self, read: impl FnOnce(u32) -> u32) -> bool {
        read(self.addr) & self.mask == self.value
    }
}

/// The second CPU of a dual-core chip (the APP CPU): it executes unless one of the
/// conditions that park it holds, and while it executes with its flash cache enabled it may
/// fetch through that cache at any time, which an SPI1 erase or program corrupts.
#[derive(Debug)]
pub struct SecondCore {
    /// Each entry parks the CPU when all of its conditions hold.
    pub parked_when: &'static [&'static [RegBits]],
    /// The cache the CPU fetches through is on when any of these holds.
    pub cache_on_when: &'static [RegBits],
    /// Registers the ROM leaves in download mode other than 0.
    pub after_reset: &'static [(u32, u32)],
}

/// The ESP32's APP CPU (DPORT and RTC_CNTL, as docs/esp32-stub.md lists them): held in
/// reset by download mode.
const ESP32_APP_CPU: SecondCore = SecondCore {
    parked_when: &[
        // DPORT_APPCPU_CTRL_A: RESETTING.
        &[RegBits::new(0x3FF0_002C, 1, 1)],
        // DPORT_APPCPU_CTRL_B: CLKGATE_EN clear, no clock.
        &[RegBits::new(0x3FF0_0030, 1, 0)],
        // DPORT_APPCPU_CTRL_C: RUNSTALL.
        &[RegBits::new(0x3FF0_0034, 1, 1)],
        // RTC_CNTL's software stall: SW_STALL_APPCPU_C1 (SW_CPU_STALL bits 20-25) = 0x21
        // with SW_STALL_APPCPU_C0 (OPTIONS0 bits 0-1) = 2.
        &[
            RegBits::new(0x3FF4_80AC, 0x3F << 20, 0x21 << 20),
            RegBits::new(0x3FF4_8000, 0x3, 0x2),
        ],
    ],
    // DPORT_APP_CACHE_CTRL: APP_CACHE_ENABLE.
    cache_on_when: &[RegBits::new(0x3FF0_0058, 1 << 3, 1 << 3)],
    after_reset: &[(0x3FF0_002C, 1)],
};

/// The ESP32-S3's second core (SYSTEM_CORE_1_CONTROL_0 and RTC_CNTL): held in reset with
/// its clock gated until software releases it. Both cores share one instruction and one
/// data cache, so either being on counts.
const ESP32S3_CORE1: SecondCore = SecondCore {
    parked_when: &[
        // SYSTEM_CORE_1_CONTROL_0: RESETING (bit 2), CLKGATE_EN clear (bit 1), RUNSTALL (bit 0).
        &[RegBits::new(0x600C_0000, 1 << 2, 1 << 2)],
        &[RegBits::new(0x600C_0000, 1 << 1, 0)],
        &[RegBits::new(0x600C_0000, 1, 1)],
        &[
            RegBits::new(0x6000_80BC, 0x3F << 20, 0x21 << 20),
            RegBits::new(0x6000_8000, 0x3, 0x2),
        ],
    ],
    // EXTMEM_ICACHE_CTRL and EXTMEM_DCACHE_CTRL: bit 0 enables each.
    cache_on_when: &[
        RegBits::new(0x600C_4060, 1, 1),
        RegBits::new(0x600C_4000, 1, 1),
    ],
    after_reset: &[(0x600C_0000, 1 << 2)],
};

const MIB: u32 = 0x10_0000;

/// Every chip family the virtual chip can be.
pub static PROFILES: [Profile; 8] = [
    Profile {
        chip: Chip::Esp32,
        detect_word: DetectWord::Table(0),
        security_info: false,
        // SRAM2 and SRAM1 on the data bus; SRAM0 and SRAM1 on the instruction bus.
        ram: sram(0x3FFA_E000..0x4000_0000, 0x4007_0000..0x400C_0000),
        // v3.0, the last revision, which Espressif's emulator models.
        revision: (3, 0),
        flash_size: 4 * MIB,
        banner: "ets Jun  8 2016 00:22:57\r\n\r\n\
                 rst:0x1 (POWERON_RESET),boot:0x3 (DOWNLOAD_BOOT(UART0/UART1/SDIO_REI_REO_V2))\r\n",
        uart_clock_hz: 40_000_000,
        second_core: Some(ESP32_APP_CPU),
        hashing: XTENSA_HASHING,
    },
    Profile {
        chip: Chip::Esp32s2,
        detect_word: DetectWord::Table(0),
        security_info: true,
        ram: sram(0x3FFB_0000..0x4000_0000, 0x4002_0000..0x4007_0000),
        revision: (0, 0),
        flash_size: 4 * MIB,
        banner: "ESP-ROM:esp32s2-rc4-20191025\r\nBuild:Oct 25 2019\r\n\
                 rst:0x1 (POWERON),boot:0x0 (DOWNLOAD(USB/UART0/1))\r\n",
        uart_clock_hz: 40_000_000,
        second_core: None,
        hashing: XTENSA_HASHING,
    },
    Profile {
        chip: Chip::Esp32s3,
        detect_word: DetectWord::Table(0),
        security_info: true,
        ram: sram(0x3FC8_8000..0x3FD0_0000, 0x4037_0000..0x403E_0000),
        revision: (0, 2),
        flash_size: 8 * MIB,
        banner: "ESP-ROM:esp32s3-20210327\r\nBuild:Mar 27 2021\r\n\
                 rst:0x1 (POWERON),boot:0x0 (DOWNLOAD(USB/UART0))\r\n",
        uart_clock_hz: 40_000_000,
        second_core: Some(ESP32S3_CORE1),
        hashing: XTENSA_HASHING,
    },
    Profile {
        chip: Chip::Esp32c2,
        detect_word: DetectWord::Table(0),
        security_info: true,
        ram: sram(0x3FCA_0000..0x3FCE_0000, 0x4037_C000..0x403C_0000),
        revision: (1, 0),
        flash_size: 2 * MIB,
        banner: "ESP-ROM:esp32c2-20220117\r\nBuild:Jan 17 2022\r\n\
                 rst:0x1 (POWERON),boot:0x4 (DOWNLOAD(UART0))\r\n",
        uart_clock_hz: 40_000_000,
        second_core: None,
        hashing: RISCV_HASHING,
    },
    Profile {
        chip: Chip::Esp32c3,
        // What esptool up to 4.x expects from a C3 eco3.
        detect_word: DetectWord::Table(1),
        security_info: true,
        ram: sram(0x3FC8_0000..0x3FCE_0000, 0x4037_C000..0x403E_0000),
        revision: (0, 4),
        flash_size: 4 * MIB,
        banner: "ESP-ROM:esp32c3-api1-20210207\r\nBuild:Feb  7 2021\r\n\
                 rst:0x1 (POWERON),boot:0x7 (DOWNLOAD(USB/UART0/1))\r\n",
        uart_clock_hz: 40_000_000,
        second_core: None,
        hashing: RISCV_HASHING,
    },
    Profile {
        chip: Chip::Esp32c5,
        // esptool 4.8's C5 magic; later hosts know the C5 by its chip id only.
        detect_word: DetectWord::Rom(0x1101_406F),
        security_info: true,
        ram: unified(0x4080_0000..0x4086_0000),
        revision: (1, 0),
        flash_size: 8 * MIB,
        banner: "ESP-ROM:esp32c5-eco2-20250121\r\nBuild:Jan 21 2025\r\n\
                 rst:0x1 (POWERON),boot:0x4 (DOWNLOAD(UART0))\r\n",
        uart_clock_hz: 40_000_000,
        second_core: None,
        hashing: RISCV_HASHING,
    },
    Profile {
        chip: Chip::Esp32c6,
        detect_word: DetectWord::Table(0),
        security_info: true,
        ram: unified(0x4080_0000..0x4088_0000),
        revision: (0, 1),
        flash_size: 8 * MIB,
        banner: "ESP-ROM:esp32c6-20220919\r\nBuild:Sep 19 2022\r\n\
                 rst:0x1 (POWERON),boot:0x4 (DOWNLOAD(UART0))\r\n",
        uart_clock_hz: 40_000_000,
        second_core: None,
        hashing: RISCV_HASHING,
    },
    Profile {
        chip: Chip::Esp32h2,
        detect_word: DetectWord::Table(0),
        security_info: true,
        ram: unified(0x4080_0000..0x4085_0000),
        revision: (0, 1),
        flash_size: 4 * MIB,
        banner: "ESP-ROM:esp32h2-20221101\r\nBuild:Nov  1 2022\r\n\
                 rst:0x1 (POWERON),boot:0x4 (DOWNLOAD(UART0))\r\n",
        uart_clock_hz: 32_000_000,
        second_core: None,
        // The H2 runs from its 32 MHz crystal.
        hashing: Hashing {
            cpu_mhz: 32,
            ..RISCV_HASHING
        },
    },
];

/// The virtual chip's table for `chip`, where it models that chip.
pub fn profile(chip: Chip) -> Option<&'static Profile> {
    PROFILES.iter().find(|p| p.chip == chip)
}

impl Profile {
    /// What READ_REG of the chip-detect word returns.
    pub fn detect_word(&self) -> u32 {
        match self.detect_word {
            DetectWord::Table(i) => self.chip.facts().magic[i],
            DetectWord::Rom(v) => v,
        }
    }

    /// Whether the ROM loader takes an upload of `size` bytes at `addr`.
    pub fn takes_upload(&self, addr: u32, size: u32) -> bool {
        let end = addr as u64 + size as u64;
        [&self.ram.data, &self.ram.code]
            .iter()
            .any(|r| addr >= r.start && end <= r.end as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chip_but_the_p4_has_a_profile() {
        for chip in Chip::ALL {
            assert_eq!(profile(chip).is_some(), chip != Chip::Esp32p4, "{chip}");
        }
        for (i, p) in PROFILES.iter().enumerate() {
            assert!(
                PROFILES[i + 1..].iter().all(|q| q.chip != p.chip),
                "{} twice",
                p.chip
            );
        }
    }

    /// What the ROM shows is what the host's table recognises: by the chip id where the
    /// ROM reports one, by the detect word otherwise.
    #[test]
    fn detection_finds_each_profile_by_what_it_reports() {
        for p in &PROFILES {
            let f = p.chip.facts();
            let id = f.chip_id.filter(|_| p.security_info);
            let found = id
                .and_then(Chip::from_chip_id)
                .or_else(|| Chip::from_magic(p.detect_word()));
            assert_eq!(found, Some(p.chip), "{}", p.chip);
        }
    }

    /// The RAM a stub may use, from the chip's table, is RAM the ROM loader takes uploads
    /// into; so is where esptool's stubs load (text and data starts of its stub images).
    #[test]
    fn stub_ram_lies_in_what_the_rom_loader_takes() {
        for p in &PROFILES {
            if let Some(s) = &p.chip.facts().stub {
                let r = &s.ram;
                assert!(
                    p.takes_upload(r.iram.start, r.iram.end - r.iram.start),
                    "{}",
                    p.chip
                );
                assert!(
                    p.takes_upload(r.dram.start, r.dram.end - r.dram.start),
                    "{}",
                    p.chip
                );
            }
        }
        let esptool = [
            (Chip::Esp32, 0x400B_E000, 0x3FFD_EBAC),
            (Chip::Esp32s2, 0x4002_8000, 0x3FFE_2C00),
            (Chip::Esp32s3, 0x4037_8000, 0x3FCB_2C00),
            (Chip::Esp32c2, 0x4038_0000, 0x3FCB_6BAC),
            (Chip::Esp32c3, 0x4038_0000, 0x3FC9_6BB8),
            (Chip::Esp32c5, 0x4080_0000, 0x4085_2BB8),
            (Chip::Esp32c6, 0x4080_0000, 0x4085_2BB4),
            (Chip::Esp32h2, 0x4080_0000, 0x4084_2BB4),
        ];
        for (chip, text, data) in esptool {
            let p = profile(chip).unwrap();
            assert!(
                p.takes_upload(text, 0x1000) && p.takes_upload(data, 0x100),
                "{chip}"
            );
        }
    }

    #[test]
    fn uploads_outside_sram_or_across_its_end_are_refused() {
        let c3 = profile(Chip::Esp32c3).unwrap();
        assert!(c3.takes_upload(0x4038_0000, 0x100));
        assert!(!c3.takes_upload(0x4200_0000, 0x100), "flash-mapped");
        assert!(!c3.takes_upload(0x403D_FF00, 0x200), "past the end of SRAM");
        assert!(!c3.takes_upload(0xFFFF_FF00, 0x200), "wraps around");
    }

    /// A 4 KiB sector digest in software on the C3 costs what its estimate says (80
    /// cycles per byte at 40 MHz), and on the accelerator far less.
    #[test]
    fn hashing_costs_follow_the_rates() {
        let c3 = profile(Chip::Esp32c3).unwrap().hashing;
        assert_eq!(c3.sha256_ns(4096, false), 4096 * 80 * 1000 / 40);
        assert_eq!(c3.md5_ns(1 << 20), (1 << 20) * 16 * 1000 / 40);
        assert!(c3.sha256_ns(4096, true) * 10 < c3.sha256_ns(4096, false));
    }

    #[test]
    fn only_the_dual_core_chips_have_a_second_core() {
        for p in &PROFILES {
            let dual = matches!(p.chip, Chip::Esp32 | Chip::Esp32s3);
            assert_eq!(p.second_core.is_some(), dual, "{}", p.chip);
        }
    }
}
