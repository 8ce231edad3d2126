//! What espflow knows about each Espressif chip: one `const` table per chip, read by the
//! host (detection, eFuse and SPI registers, where a stub may live) and by the on-chip stubs
//! (UART, cache, eFuse fields). A fact is written down once, here, so the host and the
//! stub cannot disagree about it.
//!
//! Sources: esptool's chip classes (detection, eFuse fields, registers the host uses),
//! ESP-IDF's soc headers and bootloader memory layouts (stub RAM, UART, cache), and for the
//! ESP32-C3 measurements on its mask ROM. The linker scripts of the stubs (`link.x`) cannot
//! read this crate; they repeat the RAM figures and name the table they follow.

#![no_std]

use core::ops::Range;

/// The chip-detect word every ROM exposes; chips without GET_SECURITY_INFO are told apart
/// by it.
pub const CHIP_DETECT_MAGIC_REG: u32 = 0x4000_1000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arch {
    Xtensa,
    RiscV,
}

/// `width` bits from bit `shift` of the eFuse read register at `addr`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EfuseField {
    pub addr: u32,
    pub shift: u32,
    pub width: u32,
}

impl EfuseField {
    pub const fn new(addr: u32, shift: u32, width: u32) -> EfuseField {
        EfuseField { addr, shift, width }
    }

    /// The mask of the field within its register.
    pub const fn mask(&self) -> u32 {
        (((1u64 << self.width) - 1) as u32) << self.shift
    }

    /// The field's value out of a word read from `addr`.
    pub const fn extract(&self, word: u32) -> u32 {
        (word & self.mask()) >> self.shift
    }
}

/// Where the silicon revision is burnt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Revision {
    pub major: EfuseField,
    /// The minor revision, or its low bits when `minor_hi` holds the rest.
    pub minor: EfuseField,
    pub minor_hi: Option<EfuseField>,
    /// Set where the major revision is not a number but a code of bits spread over several
    /// registers (the ESP32); `major` is then the code's bit 0.
    pub major_code: Option<MajorCode>,
}

/// A major revision given as a code: `major` is bit 0, `bits` are bits 1 upwards, and
/// `revisions` maps each code to the revision it stands for (a code not listed is 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MajorCode {
    pub bits: &'static [EfuseField],
    pub revisions: &'static [(u32, u32)],
}

impl Revision {
    /// (major, minor), reading each eFuse word the fields lie in once through `word` (on
    /// the ROM loader every read is a round trip).
    pub fn read<E>(&self, mut word: impl FnMut(u32) -> Result<u32, E>) -> Result<(u32, u32), E> {
        let major_word = word(self.major.addr)?;
        let mut at = |addr: u32| {
            if addr == self.major.addr {
                Ok(major_word)
            } else {
                word(addr)
            }
        };
        let minor_word = at(self.minor.addr)?;
        let mut minor = self.minor.extract(minor_word);
        if let Some(hi) = self.minor_hi {
            let hi_word = if hi.addr == self.minor.addr {
                minor_word
            } else {
                at(hi.addr)?
            };
            minor |= hi.extract(hi_word) << self.minor.width;
        }
        let mut major = self.major.extract(major_word);
        if let Some(code) = self.major_code {
            for (i, bit) in code.bits.iter().enumerate() {
                let w = if bit.addr == self.minor.addr {
                    minor_word
                } else {
                    at(bit.addr)?
                };
                major |= (bit.extract(w) & 1) << (i + 1);
            }
            major = code
                .revisions
                .iter()
                .find(|(c, _)| *c == major)
                .map_or(0, |(_, rev)| *rev);
        }
        Ok((major, minor))
    }
}

/// The two eFuse words the factory MAC is read from: the host assembles `high` then `low`
/// big-endian and keeps the last six bytes, as esptool does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MacRegs {
    pub low: u32,
    pub high: u32,
}

/// Register offsets of the SPI1 user-command block, relative to its base.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

/// The SPI_MEM layout every chip after the ESP32 shares; only the base moves.
const fn spi_mem(base: u32) -> SpiRegs {
    SpiRegs {
        base,
        usr: 0x18,
        usr1: 0x1C,
        usr2: 0x20,
        mosi_dlen: 0x24,
        miso_dlen: 0x28,
        w0: 0x58,
        addr_msb_aligned: false,
    }
}

/// Where the ROM loader lets a stub live.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StubRam {
    /// Executable RAM as the instruction bus sees it.
    pub iram: Range<u32>,
    /// Data RAM, up to where the ROM's own stack and data begin.
    pub dram: Range<u32>,
    /// IRAM address minus the DRAM address of the same SRAM byte (0 where code and data
    /// share one address space; `None` where the stub's IRAM has no data-bus alias).
    pub iram_to_dram: Option<u32>,
    /// The ROM loader's receive buffer: uploading into it corrupts the upload itself.
    pub rom_rx_buffer: Range<u32>,
}

/// How UART0's registers differ between chip families.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UartLayout {
    pub base: u32,
    /// Where the stub writes bytes to send. The ESP32 loses back-to-back writes to the FIFO
    /// through its peripheral bus (0x3FF4_0000), so it writes through the AHB alias
    /// (0x6000_0000), as ESP-IDF does; elsewhere this is the FIFO register at `base`.
    pub tx_fifo: u32,
    /// Width of STATUS.rxfifo_cnt and STATUS.txfifo_cnt.
    pub fifo_cnt_mask: u32,
    /// Width of CONF1.rxfifo_full_thrhd.
    pub rx_threshold_mask: u32,
    /// The configuration lives in the UART's own clock domain and takes effect only after a
    /// write to UART_REG_UPDATE.
    pub sync_update: bool,
}

const UART_C3: UartLayout = UartLayout {
    base: 0x6000_0000,
    tx_fifo: 0x6000_0000,
    fifo_cnt_mask: 0x3FF,
    rx_threshold_mask: 0x1FF,
    sync_update: false,
};

const UART_C6: UartLayout = UartLayout {
    base: 0x6000_0000,
    tx_fifo: 0x6000_0000,
    fifo_cnt_mask: 0xFF,
    rx_threshold_mask: 0xFF,
    sync_update: true,
};

/// The registers that say whether the flash cache could fetch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CacheRegs {
    /// Bit 0 enables the cache, on chips that have such a bit.
    pub enable: Option<u32>,
    /// Bits 0 and 1 shut the cache off its two buses, on chips that have them.
    pub bus_shut: Option<u32>,
}

/// A C3-style interrupt matrix: a map register per source at `base + 4 * source`, then the
/// per-line enable, type, priority and threshold registers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IntMatrix {
    pub base: u32,
    pub uart0_source: u32,
}

/// Bit `bit` of the register at `addr`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegBit {
    pub addr: u32,
    pub bit: u32,
}

impl RegBit {
    pub const fn new(addr: u32, bit: u32) -> RegBit {
        RegBit { addr, bit }
    }

    /// Whether the bit is set in `word`, read from `addr`.
    pub const fn is_set(&self, word: u32) -> bool {
        (word >> self.bit) & 1 != 0
    }
}

/// The controls of a dual-core chip's second CPU (the APP CPU, core 1). That CPU shares
/// the flash cache (the ESP32-S3) or has its own, which this CPU cannot suspend (the
/// ESP32); either way it must not run while SPI1 works. Any one of these parks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OtherCpu {
    /// Set while the CPU is held in reset.
    pub reset: RegBit,
    /// Clear while the CPU has no clock.
    pub clock: RegBit,
    /// Set while the CPU is stalled.
    pub run_stall: RegBit,
    /// RTC_CNTL_OPTIONS0, whose bits 0-1 are SW_STALL_APPCPU_C0.
    pub rtc_stall_c0: u32,
    /// RTC_CNTL_SW_CPU_STALL, whose bits 20-25 are SW_STALL_APPCPU_C1. The RTC stalls the
    /// CPU while C1 is 0x21 and C0 is 2.
    pub rtc_stall_c1: u32,
}

impl OtherCpu {
    /// Whether the CPU cannot execute, from the registers as `read` returns them.
    pub fn parked(&self, mut read: impl FnMut(u32) -> u32) -> bool {
        let in_reset = self.reset.is_set(read(self.reset.addr));
        let no_clock = !self.clock.is_set(read(self.clock.addr));
        let stalled = self.run_stall.is_set(read(self.run_stall.addr));
        let rtc_stalled =
            (read(self.rtc_stall_c1) >> 20) & 0x3F == 0x21 && read(self.rtc_stall_c0) & 3 == 2;
        in_reset || no_clock || stalled || rtc_stalled
    }
}

/// What the on-chip stub needs beyond the host's facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StubFacts {
    pub ram: StubRam,
    pub uart: UartLayout,
    /// The USB-Serial-JTAG port's FIFO register (its CONF register follows), where the chip
    /// has one.
    pub usb_serial_jtag: Option<u32>,
    pub cache: CacheRegs,
    /// Set where the stub programs the interrupt matrix itself; elsewhere it goes through
    /// the ROM's interrupt API.
    pub int_matrix: Option<IntMatrix>,
    /// A data cache beside the instruction cache in `cache`, on chips whose flash has both
    /// (the ESP32-S2 and S3): the stub suspends both around SPI1.
    pub dcache: Option<CacheRegs>,
    /// The second CPU, on dual-core chips: SPI1 is used only while it is parked.
    pub other_cpu: Option<OtherCpu>,
    /// The bit GET_SECURITY_INFO reports as secure boot.
    pub secure_boot: EfuseField,
    /// KEY_PURPOSE_0..5, where the chip has purpose fields.
    pub key_purposes: Option<[EfuseField; 6]>,
    /// The stub encrypts what a FLASH_BEGIN with the `encrypted` word asks for, through the
    /// ROM's manual-encryption path (`esp_rom_spiflash_write_encrypted`). Set only where
    /// that path was proven on the chip's ROM: a stub that wrote plaintext instead would
    /// leave an unbootable device.
    pub encrypted_writes: bool,
    /// The stub computes sector digests on the chip's SHA accelerator (its crate drives
    /// it) rather than in software: what a digest costs on the chip depends on it.
    pub sha256_engine: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChipFacts {
    pub name: &'static str,
    /// Chip id in GET_SECURITY_INFO and image headers; `None` where the ROM lacks the command.
    pub chip_id: Option<u32>,
    /// Values of the chip-detect word at [`CHIP_DETECT_MAGIC_REG`] that identify it.
    pub magic: &'static [u32],
    /// The CPU family, which decides how the stub is built and entered.
    pub arch: Arch,
    pub efuse_base: u32,
    pub mac: MacRegs,
    /// SPI_BOOT_CRYPT_CNT (FLASH_CRYPT_CNT on the ESP32): encryption is on when an odd
    /// number of its bits is set.
    pub crypt_cnt: EfuseField,
    /// Where the revision is burnt, for chips whose layout espflow knows.
    pub revision: Option<Revision>,
    pub spi: SpiRegs,
    pub bootloader_offset: u32,
    pub uart_date_reg: u32,
    /// FLASH_BEGIN takes the fifth `encrypted` word.
    pub begin_has_encrypted_word: bool,
    /// The crystals the chip can run from; one entry where it takes only one.
    pub crystals_mhz: &'static [u32],
    /// Where it takes several and its ROM runs UART0 from the crystal: UART0's CLKDIV,
    /// whose integer divider times the line's rate is the crystal frequency.
    pub uart_clkdiv_reg: Option<u32>,
    /// Where the ROM sets its UART divider from a crystal estimate that may be off.
    pub rom_clock: Option<RomClock>,
    /// Where the ROM's FLASH_DEFL_DATA programs its inflated output in whole units of this
    /// many bytes, counted from the stream's offset: when the stream ends inside a unit it
    /// programs the rest of its output buffer too, stale bytes over flash it did not erase.
    /// A compressed stream to that ROM must be a whole number of units long.
    pub rom_inflate_unit: Option<u32>,
    /// Set for the chips espflow builds a stub for.
    pub stub: Option<StubFacts>,
}

/// The ESP32's ROM sets its UART divider for CHANGE_BAUDRATE from the crystal frequency it
/// estimated at boot by timing the crystal against the 8 MHz RC oscillator, whose rate it
/// takes from an eFuse; the estimate can be far enough off to miss the rate. The host asks
/// for the rate scaled by estimate over true crystal, so the divider comes out right
/// (esptool's workaround). The estimate is `cali * 15625 * ck8m / 40` Hz.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RomClock {
    /// The calibration value the ROM left (RTCCALICFG1).
    pub cali: EfuseField,
    /// The 8 MHz oscillator's rate as burnt (EFUSE_RD_CK8M_FREQ); 0 where never burnt.
    pub ck8m_freq: EfuseField,
}

impl RomClock {
    /// The rate to ask the ROM for so that the line runs at `baud`, from the two words
    /// read at `cali.addr` and `ck8m_freq.addr`. `baud` itself when the estimate is not a
    /// crystal frequency at all (0 where the eFuse was never burnt, as on an emulator):
    /// scaling by it would ask for a rate near 0.
    pub fn rom_baud(&self, baud: u32, cali_word: u32, ck8m_word: u32) -> u32 {
        let est =
            self.cali.extract(cali_word) as u64 * 15625 * self.ck8m_freq.extract(ck8m_word) as u64
                / 40;
        if !(10_000_000..=60_000_000).contains(&est) {
            return baud;
        }
        let xtal = if est > 33_000_000 {
            40_000_000
        } else {
            26_000_000
        };
        (baud as u64 * est / xtal) as u32
    }
}

impl ChipFacts {
    /// The crystal in MHz from UART0's CLKDIV word read at `baud`: 40 or 26, the ESP32's
    /// two, as esptool rounds it.
    pub fn crystal_from_clkdiv(&self, clkdiv: u32, baud: u32) -> u32 {
        let est = (clkdiv & 0xF_FFFF) as u64 * baud as u64;
        if est > 33_000_000 { 40 } else { 26 }
    }

    /// The crystal, when the chip takes only one.
    pub fn crystal_mhz(&self) -> Option<u32> {
        match self.crystals_mhz {
            [one] => Some(*one),
            _ => None,
        }
    }
}

/// The eFuse words at 0x34 and 0x38 above the base on the S2, S3, C3, C6 and H2: crypt count and
/// the first two key purposes in the first, the other four in the second.
const fn purposes_4bit(efuse: u32) -> [EfuseField; 6] {
    let (w1, w2) = (efuse + 0x34, efuse + 0x38);
    [
        EfuseField::new(w1, 24, 4),
        EfuseField::new(w1, 28, 4),
        EfuseField::new(w2, 0, 4),
        EfuseField::new(w2, 4, 4),
        EfuseField::new(w2, 8, 4),
        EfuseField::new(w2, 12, 4),
    ]
}

/// SRAM with one address for code and data from 0x4080_0000 to `end`, the ROM loader's
/// buffers right above it.
const fn unified_sram(end: u32, rx_end: u32) -> StubRam {
    StubRam {
        iram: 0x4080_0000..end,
        dram: 0x4080_0000..end,
        iram_to_dram: Some(0),
        rom_rx_buffer: end..rx_end,
    }
}

/// BLK1 on the C3 and S3: the minor revision is split between words 3 and 5.
const fn revision_blk1_split(efuse: u32) -> Revision {
    let blk1 = efuse + 0x44;
    Revision {
        major: EfuseField::new(blk1 + 20, 24, 2),
        minor: EfuseField::new(blk1 + 12, 18, 3),
        minor_hi: Some(EfuseField::new(blk1 + 20, 23, 1)),
        major_code: None,
    }
}

const fn mac_blk1(efuse: u32) -> MacRegs {
    MacRegs {
        low: efuse + 0x44,
        high: efuse + 0x48,
    }
}

pub const ESP32: ChipFacts = ChipFacts {
    name: "ESP32",
    chip_id: None,
    magic: &[0x00F0_1D83],
    arch: Arch::Xtensa,
    efuse_base: 0x3FF5_A000,
    mac: MacRegs {
        low: 0x3FF5_A004,
        high: 0x3FF5_A008,
    },
    crypt_cnt: EfuseField::new(0x3FF5_A000, 20, 7),
    // Bit 0 of the major code is CHIP_VER_REV1 (word 3 bit 15), bit 1 CHIP_VER_REV2 (word 5
    // bit 20), bit 2 APB_CTL_DATE bit 31; codes 0, 1, 3, 7 are v0 to v3. The minor
    // revision is WAFER_VERSION_MINOR (word 5 bits 24-25).
    revision: Some(Revision {
        major: EfuseField::new(0x3FF5_A00C, 15, 1),
        minor: EfuseField::new(0x3FF5_A014, 24, 2),
        minor_hi: None,
        major_code: Some(MajorCode {
            bits: &[
                EfuseField::new(0x3FF5_A014, 20, 1),
                EfuseField::new(0x3FF6_607C, 31, 1),
            ],
            revisions: &[(0, 0), (1, 1), (3, 2), (7, 3)],
        }),
    }),
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
    begin_has_encrypted_word: false,
    crystals_mhz: &[26, 40],
    // UART0 at 0x3FF40000; the ROM's APB clock is the crystal.
    uart_clkdiv_reg: Some(0x3FF4_0014),
    rom_clock: Some(RomClock {
        cali: EfuseField::new(0x3FF5_F06C, 7, 25),
        ck8m_freq: EfuseField::new(0x3FF5_A010, 0, 8),
    }),
    // Measured on its ROM (rev 3, under Espressif's QEMU): a 4 KiB stream programmed
    // 32 KiB, a 40 KiB stream 64 KiB; 1 MiB came out exact. The unit is its inflater's
    // 32 KiB dictionary, which doubles as the output buffer.
    rom_inflate_unit: Some(0x8000),
    stub: Some(StubFacts {
        // Code in SRAM0's instruction window, which download mode leaves alone and which
        // has no data-bus alias; data, buffers and stack in SRAM2 above the ROM's own data
        // (0x3FFA_E000..) and below the ROM loader's data, receive buffer and stacks
        // (0x3FFE_0000..0x3FFE_8000; its PRO CPU stack runs down from 0x3FFE_3F20).
        ram: StubRam {
            iram: 0x4008_0000..0x400A_0000,
            dram: 0x3FFB_0000..0x3FFE_0000,
            iram_to_dram: None,
            rom_rx_buffer: 0x3FFE_0000..0x3FFE_8000,
        },
        uart: UartLayout {
            base: 0x3FF4_0000,
            tx_fifo: 0x6000_0000,
            fifo_cnt_mask: 0xFF,
            rx_threshold_mask: 0x7F,
            sync_update: false,
        },
        usb_serial_jtag: None,
        // DPORT_PRO_CACHE_CTRL: the PRO CPU's flash cache is on when bit 3 is set (the
        // ESP32 crate reads it itself; the bit-0 rule of the later chips does not apply).
        cache: CacheRegs {
            enable: None,
            bus_shut: None,
        },
        int_matrix: None,
        dcache: None,
        other_cpu: Some(OtherCpu {
            reset: RegBit::new(0x3FF0_002C, 0),
            clock: RegBit::new(0x3FF0_0030, 0),
            run_stall: RegBit::new(0x3FF0_0034, 0),
            rtc_stall_c0: 0x3FF4_8000,
            rtc_stall_c1: 0x3FF4_80AC,
        }),
        // EFUSE_BLK0_RDATA6.ABS_DONE_0: secure boot v1 enabled.
        secure_boot: EfuseField::new(0x3FF5_A018, 4, 1),
        key_purposes: None,
        encrypted_writes: false,
        sha256_engine: true,
    }),
};

const S2_EFUSE: u32 = 0x3F41_A000;
pub const ESP32S2: ChipFacts = ChipFacts {
    name: "ESP32-S2",
    chip_id: None,
    magic: &[0x0000_07C6],
    arch: Arch::Xtensa,
    efuse_base: S2_EFUSE,
    mac: mac_blk1(S2_EFUSE),
    crypt_cnt: EfuseField::new(S2_EFUSE + 0x34, 18, 3),
    // BLK1 word 3 bits 18-19 are the major revision; the minor is word 4 bits 4-6 with
    // its top bit in word 3 bit 20.
    revision: Some(Revision {
        major: EfuseField::new(S2_EFUSE + 0x44 + 12, 18, 2),
        minor: EfuseField::new(S2_EFUSE + 0x44 + 16, 4, 3),
        minor_hi: Some(EfuseField::new(S2_EFUSE + 0x44 + 12, 20, 1)),
        major_code: None,
    }),
    spi: spi_mem(0x3F40_2000),
    bootloader_offset: 0x1000,
    uart_date_reg: 0x6000_0078,
    begin_has_encrypted_word: true,
    crystals_mhz: &[40],
    uart_clkdiv_reg: None,
    rom_clock: None,
    rom_inflate_unit: None,
    stub: Some(StubFacts {
        // SRAM1 (0x4002_8000.. on the instruction bus, 0x3FFB_8000.. on the data bus, one
        // SRAM 0x7_0000 apart): code in its first 32 KiB, data above that code's data-bus
        // alias and below the ROM loader's buffers (0x3FFE_AB00..0x3FFF_C410), its stack
        // (..0x3FFF_E710) and its data. SRAM0 below 0x4002_8000 can be cache memory and
        // is left alone.
        ram: StubRam {
            iram: 0x4002_8000..0x4003_0000,
            dram: 0x3FFC_0000..0x3FFE_AB00,
            iram_to_dram: Some(0x4002_0000 - 0x3FFB_0000),
            rom_rx_buffer: 0x3FFE_AB00..0x3FFF_C410,
        },
        // UART0 through the peripheral bus at 0x6000_0000 rather than the CPU's 0x3F40_0000
        // window, whose reads may be speculative (a FIFO read would lose a byte).
        uart: UartLayout {
            base: 0x6000_0000,
            tx_fifo: 0x6000_0000,
            fifo_cnt_mask: 0x3FF,
            rx_threshold_mask: 0x1FF,
            sync_update: false,
        },
        // The S2's native USB is OTG through the ROM's CDC-ACM stack, which the stub does
        // not drive.
        usb_serial_jtag: None,
        // EXTMEM_PRO_ICACHE_CTRL and PRO_DCACHE_CTRL: bit 0 enables each cache. Their bus
        // masks (CTRL1) have other meanings than the later chips' shut bits.
        cache: CacheRegs {
            enable: Some(0x6180_0040),
            bus_shut: None,
        },
        int_matrix: None,
        dcache: Some(CacheRegs {
            enable: Some(0x6180_0000),
            bus_shut: None,
        }),
        other_cpu: None,
        secure_boot: EfuseField::new(S2_EFUSE + 0x38, 20, 1),
        key_purposes: Some(purposes_4bit(S2_EFUSE)),
        encrypted_writes: false,
        sha256_engine: false,
    }),
};

const S3_EFUSE: u32 = 0x6000_7000;
pub const ESP32S3: ChipFacts = ChipFacts {
    name: "ESP32-S3",
    chip_id: Some(9),
    magic: &[0x0000_0009],
    arch: Arch::Xtensa,
    efuse_base: S3_EFUSE,
    mac: mac_blk1(S3_EFUSE),
    crypt_cnt: EfuseField::new(S3_EFUSE + 0x34, 18, 3),
    revision: Some(revision_blk1_split(S3_EFUSE)),
    spi: spi_mem(0x6000_2000),
    bootloader_offset: 0,
    uart_date_reg: 0x6000_0080,
    begin_has_encrypted_word: true,
    crystals_mhz: &[40],
    uart_clkdiv_reg: None,
    rom_clock: None,
    rom_inflate_unit: None,
    stub: Some(StubFacts {
        // SRAM1 (0x4037_8000.. on the instruction bus, 0x3FC8_8000.. on the data bus,
        // 0x6F_0000 apart): code in its first 64 KiB, data above that code's data-bus
        // alias and below the ROM loader's buffers (0x3FCD_7E00..0x3FCE_9710), then its
        // two CPU stacks and data up to 0x3FCF_0000. SRAM0 (0x4037_0000..) and SRAM2
        // (0x3FCF_0000..) can be cache memory and are left alone.
        ram: StubRam {
            iram: 0x4037_8000..0x4038_8000,
            dram: 0x3FC9_8000..0x3FCD_7E00,
            iram_to_dram: Some(0x4037_8000 - 0x3FC8_8000),
            rom_rx_buffer: 0x3FCD_7E00..0x3FCE_9710,
        },
        uart: UartLayout {
            base: 0x6000_0000,
            tx_fifo: 0x6000_0000,
            fifo_cnt_mask: 0x3FF,
            rx_threshold_mask: 0x3FF,
            sync_update: false,
        },
        usb_serial_jtag: Some(0x6003_8000),
        // EXTMEM_ICACHE_CTRL/CTRL1 and DCACHE_CTRL/CTRL1: bit 0 enables each cache, bits
        // 0 and 1 of CTRL1 shut it off core 0's and core 1's bus.
        cache: CacheRegs {
            enable: Some(0x600C_4060),
            bus_shut: Some(0x600C_4064),
        },
        int_matrix: None,
        dcache: Some(CacheRegs {
            enable: Some(0x600C_4000),
            bus_shut: Some(0x600C_4004),
        }),
        // SYSTEM_CORE_1_CONTROL_0: bit 0 RUNSTALL, bit 1 CLKGATE_EN, bit 2 RESETING.
        other_cpu: Some(OtherCpu {
            reset: RegBit::new(0x600C_0000, 2),
            clock: RegBit::new(0x600C_0000, 1),
            run_stall: RegBit::new(0x600C_0000, 0),
            rtc_stall_c0: 0x6000_8000,
            rtc_stall_c1: 0x6000_80BC,
        }),
        secure_boot: EfuseField::new(S3_EFUSE + 0x38, 20, 1),
        key_purposes: Some(purposes_4bit(S3_EFUSE)),
        encrypted_writes: false,
        sha256_engine: false,
    }),
};

const C2_EFUSE: u32 = 0x6000_8800;
pub const ESP32C2: ChipFacts = ChipFacts {
    name: "ESP32-C2",
    chip_id: Some(12),
    magic: &[0x6F51_306F, 0x7C41_A06F],
    arch: Arch::RiscV,
    efuse_base: C2_EFUSE,
    // The C2 keeps the MAC in BLK2, whose second word also carries the revision.
    mac: MacRegs {
        low: C2_EFUSE + 0x40,
        high: C2_EFUSE + 0x44,
    },
    crypt_cnt: EfuseField::new(C2_EFUSE + 0x30, 7, 3),
    revision: Some(Revision {
        major: EfuseField::new(C2_EFUSE + 0x44, 20, 2),
        minor: EfuseField::new(C2_EFUSE + 0x44, 16, 4),
        minor_hi: None,
        major_code: None,
    }),
    spi: spi_mem(0x6000_2000),
    bootloader_offset: 0,
    uart_date_reg: 0x6000_007C,
    begin_has_encrypted_word: true,
    crystals_mhz: &[26, 40],
    uart_clkdiv_reg: None,
    rom_clock: None,
    rom_inflate_unit: None,
    stub: Some(StubFacts {
        ram: StubRam {
            iram: 0x4038_0000..0x403C_0000,
            dram: 0x3FCA_0000..0x3FCC_B264,
            iram_to_dram: Some(0x4038_0000 - 0x3FCA_0000),
            rom_rx_buffer: 0x3FCC_B264..0x3FCD_CB70,
        },
        uart: UART_C3,
        usb_serial_jtag: None,
        cache: CacheRegs {
            enable: Some(0x600C_4000),
            bus_shut: Some(0x600C_4004),
        },
        // The C2's matrix is C3-style, but its register offsets were never checked on its
        // ROM, so the stub leaves it to the ROM's interrupt API.
        int_matrix: None,
        dcache: None,
        other_cpu: None,
        secure_boot: EfuseField::new(C2_EFUSE + 0x30, 21, 1),
        key_purposes: None,
        encrypted_writes: false,
        sha256_engine: false,
    }),
};

const C3_EFUSE: u32 = 0x6000_8800;
pub const ESP32C3: ChipFacts = ChipFacts {
    name: "ESP32-C3",
    chip_id: Some(5),
    magic: &[0x6921_506F, 0x1B31_506F, 0x4881_606F, 0x4361_606F],
    arch: Arch::RiscV,
    efuse_base: C3_EFUSE,
    mac: mac_blk1(C3_EFUSE),
    crypt_cnt: EfuseField::new(C3_EFUSE + 0x34, 18, 3),
    revision: Some(revision_blk1_split(C3_EFUSE)),
    spi: spi_mem(0x6000_2000),
    bootloader_offset: 0,
    uart_date_reg: 0x6000_007C,
    begin_has_encrypted_word: true,
    crystals_mhz: &[40],
    uart_clkdiv_reg: None,
    rom_clock: None,
    rom_inflate_unit: None,
    stub: Some(StubFacts {
        // Measured on the C3's ROM: the loader's receive buffer and the RAM it leaves alone.
        ram: StubRam {
            iram: 0x4038_0000..0x403C_A000,
            dram: 0x3FC8_0000..0x3FCD_C000,
            iram_to_dram: Some(0x4038_0000 - 0x3FC8_0000),
            rom_rx_buffer: 0x3FCC_AE00..0x3FCC_C700,
        },
        uart: UART_C3,
        usb_serial_jtag: Some(0x6004_3000),
        cache: CacheRegs {
            enable: Some(0x600C_4000),
            bus_shut: None,
        },
        int_matrix: Some(IntMatrix {
            base: 0x600C_2000,
            uart0_source: 21,
        }),
        dcache: None,
        other_cpu: None,
        secure_boot: EfuseField::new(C3_EFUSE + 0x38, 20, 1),
        key_purposes: Some(purposes_4bit(C3_EFUSE)),
        encrypted_writes: true,
        sha256_engine: true,
    }),
};

const C5_EFUSE: u32 = 0x600B_4800;
pub const ESP32C5: ChipFacts = ChipFacts {
    name: "ESP32-C5",
    chip_id: Some(23),
    magic: &[],
    arch: Arch::RiscV,
    efuse_base: C5_EFUSE,
    mac: mac_blk1(C5_EFUSE),
    crypt_cnt: EfuseField::new(C5_EFUSE + 0x34, 16, 3),
    revision: Some(Revision {
        major: EfuseField::new(C5_EFUSE + 0x44 + 8, 4, 2),
        minor: EfuseField::new(C5_EFUSE + 0x44 + 8, 0, 4),
        minor_hi: None,
        major_code: None,
    }),
    spi: spi_mem(0x6000_3000),
    bootloader_offset: 0x2000,
    uart_date_reg: 0x6000_007C,
    begin_has_encrypted_word: true,
    crystals_mhz: &[40, 48],
    uart_clkdiv_reg: None,
    rom_clock: None,
    rom_inflate_unit: None,
    stub: Some(StubFacts {
        ram: unified_sram(0x4084_E5A0, 0x4085_C5A0),
        uart: UART_C6,
        usb_serial_jtag: Some(0x6000_F000),
        cache: CacheRegs {
            enable: None,
            bus_shut: Some(0x600C_8004),
        },
        int_matrix: None,
        dcache: None,
        other_cpu: None,
        secure_boot: EfuseField::new(C5_EFUSE + 0x38, 25, 1),
        // Five-bit purpose fields on the C5.
        key_purposes: Some([
            EfuseField::new(C5_EFUSE + 0x34, 22, 5),
            EfuseField::new(C5_EFUSE + 0x34, 27, 5),
            EfuseField::new(C5_EFUSE + 0x38, 0, 5),
            EfuseField::new(C5_EFUSE + 0x38, 5, 5),
            EfuseField::new(C5_EFUSE + 0x38, 10, 5),
            EfuseField::new(C5_EFUSE + 0x38, 15, 5),
        ]),
        encrypted_writes: false,
        sha256_engine: false,
    }),
};

/// The C6 and H2 share the eFuse block at 0x600B_0800 and its layout.
const C6_EFUSE: u32 = 0x600B_0800;
pub const ESP32C6: ChipFacts = ChipFacts {
    name: "ESP32-C6",
    chip_id: Some(13),
    magic: &[0x2CE0_806F],
    arch: Arch::RiscV,
    efuse_base: C6_EFUSE,
    mac: mac_blk1(C6_EFUSE),
    crypt_cnt: EfuseField::new(C6_EFUSE + 0x34, 18, 3),
    revision: Some(Revision {
        major: EfuseField::new(C6_EFUSE + 0x44 + 12, 22, 2),
        minor: EfuseField::new(C6_EFUSE + 0x44 + 12, 18, 4),
        minor_hi: None,
        major_code: None,
    }),
    spi: spi_mem(0x6000_3000),
    bootloader_offset: 0,
    uart_date_reg: 0x6000_007C,
    begin_has_encrypted_word: true,
    crystals_mhz: &[40],
    uart_clkdiv_reg: None,
    rom_clock: None,
    rom_inflate_unit: None,
    stub: Some(StubFacts {
        ram: unified_sram(0x4086_AD08, 0x4087_C610),
        uart: UART_C6,
        usb_serial_jtag: Some(0x6000_F000),
        cache: CacheRegs {
            enable: None,
            bus_shut: Some(0x600C_8004),
        },
        int_matrix: None,
        dcache: None,
        other_cpu: None,
        secure_boot: EfuseField::new(C6_EFUSE + 0x38, 20, 1),
        key_purposes: Some(purposes_4bit(C6_EFUSE)),
        encrypted_writes: false,
        sha256_engine: false,
    }),
};

pub const ESP32H2: ChipFacts = ChipFacts {
    name: "ESP32-H2",
    chip_id: Some(16),
    magic: &[0xD7B7_3E80],
    revision: Some(Revision {
        major: EfuseField::new(C6_EFUSE + 0x44 + 12, 21, 2),
        minor: EfuseField::new(C6_EFUSE + 0x44 + 12, 18, 3),
        minor_hi: None,
        major_code: None,
    }),
    crystals_mhz: &[32],
    uart_clkdiv_reg: None,
    rom_clock: None,
    rom_inflate_unit: None,
    stub: Some(StubFacts {
        ram: unified_sram(0x4083_BA78, 0x4084_D380),
        ..ESP32C6.stub.unwrap()
    }),
    ..ESP32C6
};

const P4_EFUSE: u32 = 0x5012_D000;
pub const ESP32P4: ChipFacts = ChipFacts {
    name: "ESP32-P4",
    chip_id: Some(18),
    magic: &[],
    arch: Arch::RiscV,
    efuse_base: P4_EFUSE,
    mac: mac_blk1(P4_EFUSE),
    crypt_cnt: EfuseField::new(P4_EFUSE + 0x34, 18, 3),
    revision: None,
    spi: spi_mem(0x5008_D000),
    bootloader_offset: 0x2000,
    uart_date_reg: 0x500C_A08C,
    begin_has_encrypted_word: true,
    crystals_mhz: &[40],
    uart_clkdiv_reg: None,
    rom_clock: None,
    rom_inflate_unit: None,
    stub: None,
};

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [&ChipFacts; 9] = [
        &ESP32, &ESP32S2, &ESP32S3, &ESP32C2, &ESP32C3, &ESP32C5, &ESP32C6, &ESP32H2, &ESP32P4,
    ];

    #[test]
    fn fields_extract_their_bits() {
        let f = EfuseField::new(0, 18, 3);
        assert_eq!(f.mask(), 0x7 << 18);
        assert_eq!(f.extract(0xFFFF_FFFF), 7);
        assert_eq!(EfuseField::new(0, 0, 32).mask(), u32::MAX);
    }

    #[test]
    fn split_minor_revision_joins_its_halves() {
        let rev = revision_blk1_split(C3_EFUSE);
        // v1.9: major 1, minor 0b1001 with its top bit in word 5.
        let words = |addr: u32| -> Result<u32, ()> {
            Ok(if addr == C3_EFUSE + 0x44 + 20 {
                (1 << 24) | (1 << 23)
            } else {
                1 << 18
            })
        };
        let mut reads = 0;
        let counted = |addr| {
            reads += 1;
            words(addr)
        };
        assert_eq!(rev.read(counted), Ok((1, 9)));
        assert_eq!(reads, 2, "each word is read once");
    }

    #[test]
    fn every_stub_chip_has_what_its_stub_reads() {
        for f in ALL {
            let Some(s) = &f.stub else { continue };
            // Both dual-core chips say how their second CPU is parked.
            assert_eq!(
                s.other_cpu.is_some(),
                f.name == "ESP32" || f.name == "ESP32-S3",
                "{}: second CPU",
                f.name
            );
            // A chip found by its magic word has no id; its stub reports 0.
            assert!(
                f.chip_id.is_some() || !f.magic.is_empty(),
                "{}: GET_SECURITY_INFO reports an id",
                f.name
            );
            assert!(
                f.revision.is_some(),
                "{}: the stub reports the revision",
                f.name
            );
            assert!(!f.crystals_mhz.is_empty(), "{}: UART clock unknown", f.name);
            assert!(s.ram.iram.start < s.ram.iram.end && s.ram.dram.start < s.ram.dram.end);
            assert!(s.ram.rom_rx_buffer.start >= s.ram.dram.start, "{}", f.name);
            // The ESP32's cache bit is not bit 0; its chip crate reads DPORT itself.
            assert!(
                s.cache.enable.is_some() || s.cache.bus_shut.is_some() || f.arch == Arch::Xtensa,
                "{}: no way to tell whether the cache is on",
                f.name
            );
            let efuse = f.efuse_base..f.efuse_base + 0x200;
            let mut fields = [f.crypt_cnt, s.secure_boot]
                .into_iter()
                .chain(s.key_purposes.into_iter().flatten());
            assert!(
                fields.all(|e| efuse.contains(&e.addr) && e.width > 0),
                "{}",
                f.name
            );
        }
    }

    #[test]
    fn the_second_cpu_is_parked_by_any_one_control() {
        for f in [&ESP32, &ESP32S3] {
            let o = f.stub.as_ref().unwrap().other_cpu.unwrap();
            // Every register reads 0 except those set here: running means out of reset,
            // clocked, not stalled.
            let with = |set: &[(u32, u32)]| {
                let set = set.to_vec();
                move |addr: u32| {
                    set.iter()
                        .filter(|(a, _)| *a == addr)
                        .fold(0, |w, (_, v)| w | v)
                }
            };
            let clocked = (o.clock.addr, 1 << o.clock.bit);
            assert!(!o.parked(with(&[clocked])), "{}: running", f.name);
            assert!(o.parked(with(&[])), "{}: no clock", f.name);
            let reset = (o.reset.addr, 1 << o.reset.bit);
            assert!(o.parked(with(&[clocked, reset])), "{}: in reset", f.name);
            let stall = (o.run_stall.addr, 1 << o.run_stall.bit);
            assert!(o.parked(with(&[clocked, stall])), "{}: stalled", f.name);
            let c1 = (o.rtc_stall_c1, 0x21 << 20);
            let c0 = (o.rtc_stall_c0, 2);
            assert!(o.parked(with(&[clocked, c1, c0])), "{}: RTC stall", f.name);
            // Half of the RTC's code, or the PRO CPU's field, stalls nothing.
            assert!(!o.parked(with(&[clocked, c1])), "{}: C1 alone", f.name);
            let pro = (o.rtc_stall_c1, 0x21 << 26);
            assert!(
                !o.parked(with(&[clocked, pro, c0])),
                "{}: PRO CPU's field",
                f.name
            );
        }
    }

    #[test]
    fn names_and_ids_are_unique() {
        for (i, a) in ALL.iter().enumerate() {
            for b in &ALL[i + 1..] {
                assert_ne!(a.name, b.name);
                assert!(
                    a.chip_id.is_none() || a.chip_id != b.chip_id,
                    "{} {}",
                    a.name,
                    b.name
                );
                assert!(
                    !a.magic.iter().any(|m| b.magic.contains(m)),
                    "{} {}",
                    a.name,
                    b.name
                );
            }
        }
    }
}
