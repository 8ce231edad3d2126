//! The chip's registers as a host sees them through READ_REG/WRITE_REG: eFuse words, the
//! UART, the chip-detect word, the second core's controls on the dual-core chips and the
//! SPI1 user-command block wired to the flash. Every address comes from the chip's table in
//! `espflow-chip-facts` or from its [`Profile`], so the model, the host and the stubs agree
//! on where things are by construction.

use std::collections::HashMap;

use espflow_chip_facts::{ESP32C3, EfuseField};

use crate::chip::Chip;

use super::flash::{EraseKind, NorFlash};
use super::profile::{Profile, profile};

/// DIS_DOWNLOAD_MANUAL_ENCRYPT on the C3 (eFuse read register 0 bit 20), which only the
/// virtual chip's security answer needs.
const C3_DIS_DOWNLOAD_MANUAL_ENCRYPT: EfuseField =
    EfuseField::new(ESP32C3.efuse_base + 0x30, 20, 1);
/// The C3's UART date register, which esptool reads.
const C3_UART_DATE: u32 = 0x0200_8270;
/// The C3's eFuse controller, where an eFuse image (see [`super::efuse`]) is read.
pub const EFUSE_BASE: u32 = espflow_chip_facts::ESP32C3.efuse_base;
/// UART0's CLKDIV is its fifth register on every chip.
const UART_CLKDIV: u32 = 0x14;
/// UART0, where the chip's table does not say (the chips without an espflow stub).
const UART0_BASE: u32 = 0x6000_0000;

const SPI_CMD: u32 = 0x00;
const SPI_ADDR: u32 = 0x04;
/// The data-length registers count bits minus one in their low ten bits; higher bits do
/// not count, so an all-ones write is 1024 bits (then cut to the 64-byte buffer), not 2^32.
const DLEN_MASK: u32 = 0x3FF;
const SPI_CMD_USR: u32 = 1 << 18;
const USR_ADDR: u32 = 1 << 30;
const USR_MISO: u32 = 1 << 28;
const USR_MOSI: u32 = 1 << 27;

/// Programmable eFuse facts of the virtual chip.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Efuses {
    /// The base MAC address.
    pub mac: [u8; 6],
    /// SPI_BOOT_CRYPT_CNT (3 bits); flash encryption is on when an odd number of bits are set.
    pub crypt_cnt: u8,
    /// SECURE_BOOT_EN.
    pub secure_boot: bool,
    /// DIS_DOWNLOAD_MANUAL_ENCRYPT.
    pub dis_download_manual_encrypt: bool,
    /// KEY_PURPOSE_0..5.
    pub key_purposes: [u8; 6],
    /// Major silicon revision.
    pub major_rev: u8,
    /// Minor silicon revision.
    pub minor_rev: u8,
    /// The whole eFuse image (see [`super::efuse`]), which then decides every eFuse read
    /// of a C3 in place of the fields above.
    pub image: Option<super::efuse::EfuseImage>,
}

impl Default for Efuses {
    fn default() -> Self {
        Efuses {
            mac: [0x60, 0x55, 0xF9, 0x00, 0x00, 0x01],
            crypt_cnt: 0,
            secure_boot: false,
            dis_download_manual_encrypt: false,
            key_purposes: [0; 6],
            major_rev: 0,
            minor_rev: 4,
            image: None,
        }
    }
}

impl Efuses {
    /// Each image file is its own chip: the MAC is derived from the file's path, so two
    /// virtual chips in one test are told apart the way two boards would be.
    pub fn for_image(path: &std::path::Path) -> Efuses {
        use sha2::Digest;
        let canon = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let h = sha2::Sha256::digest(canon.to_string_lossy().as_bytes());
        Efuses {
            mac: [0x60, 0x55, 0xF9, h[0], h[1], h[2]],
            ..Efuses::default()
        }
    }

    /// These eFuses as `chip` would hold them: with the revision its [`Profile`] gives a
    /// new chip (the ESP32's minor revision has two bits, so it is v3.0 there, the
    /// revision Espressif's emulator models).
    pub fn for_chip(self, chip: Chip) -> Efuses {
        match profile(chip) {
            Some(p) => Efuses {
                major_rev: p.revision.0,
                minor_rev: p.revision.1,
                ..self
            },
            None => self,
        }
    }

    /// The eFuse read register at `addr` of `chip`: from the image where there is one,
    /// else assembled from the fields.
    pub(super) fn word_of(&self, chip: Chip, addr: u32) -> Option<u32> {
        match &self.image {
            Some(img) if chip == Chip::Esp32c3 && addr >= EFUSE_BASE => {
                img.word(addr).or_else(|| self.fields_word(chip, addr))
            }
            _ => self.fields_word(chip, addr),
        }
    }

    /// The eFuse (or other read-only) register at `addr` of `chip`, assembled from every
    /// field of its table that lies in it: MAC, crypt counter, revision (the ESP32's major
    /// revision as the code of bits its table describes, one of them in APB_CTL_DATE), and
    /// the security fields the C3's security answer is built from.
    fn fields_word(&self, chip: Chip, addr: u32) -> Option<u32> {
        let t = chip.facts();
        let m = &self.mac;
        // The high MAC word carries two bytes; the rest of it is another field's (the
        // ESP32's MAC CRC, left 0; the C2's revision).
        let mut fields = vec![
            (
                EfuseField::new(t.mac.low, 0, 32),
                u32::from_be_bytes([m[2], m[3], m[4], m[5]]),
            ),
            (
                EfuseField::new(t.mac.high, 0, 16),
                u32::from_be_bytes([0, 0, m[0], m[1]]),
            ),
            (t.crypt_cnt, u32::from(self.crypt_cnt)),
        ];
        if let Some(rev) = t.revision {
            let minor = u32::from(self.minor_rev);
            let mut major = u32::from(self.major_rev);
            if let Some(code) = rev.major_code {
                major = code
                    .revisions
                    .iter()
                    .find(|(_, r)| *r == major)
                    .map_or(0, |(c, _)| *c);
                for (i, f) in code.bits.iter().enumerate() {
                    fields.push((*f, (major >> (i + 1)) & 1));
                }
                major &= 1;
            }
            fields.push((rev.major, major));
            fields.push((rev.minor, minor));
            if let Some(hi) = rev.minor_hi {
                fields.push((hi, minor >> rev.minor.width));
            }
        }
        if chip == Chip::Esp32c3 {
            fields.push((
                C3_DIS_DOWNLOAD_MANUAL_ENCRYPT,
                u32::from(self.dis_download_manual_encrypt),
            ));
        }
        if let Some(s) = &t.stub {
            fields.push((s.secure_boot, u32::from(self.secure_boot)));
            if let Some(purposes) = s.key_purposes {
                fields.extend(purposes.into_iter().zip(self.key_purposes.map(u32::from)));
            }
        }
        let mut word = None;
        for (f, value) in fields.into_iter().filter(|(f, _)| f.addr == addr) {
            *word.get_or_insert(0) |= (value << f.shift) & f.mask();
        }
        word
    }

    /// Whether the crypt counter has an odd number of bits set.
    pub fn flash_encryption_enabled(&self) -> bool {
        self.crypt_cnt.count_ones() % 2 == 1
    }
}

/// The chip's registers, eFuses and flash as the loaders see them.
pub struct Soc {
    /// The chip modelled: it decides every register address.
    pub chip: Chip,
    /// What the virtual chip is as that chip.
    pub profile: &'static Profile,
    regs: HashMap<u32, u32>,
    /// The eFuses.
    pub efuses: Efuses,
    /// The SPI flash.
    pub flash: NorFlash,
    /// UART0's current rate.
    pub baud: u32,
    /// SPI1 commands the host ran through the register block, for tests to inspect.
    pub spi_commands: Vec<u8>,
}

impl Soc {
    /// A chip fresh out of reset, in download mode. Panics for a chip the virtual chip
    /// does not model (see [`super::models`]).
    pub fn new(chip: Chip, flash: NorFlash, efuses: Efuses) -> Soc {
        let profile = profile(chip).unwrap_or_else(|| panic!("no virtual {chip}"));
        let mut soc = Soc {
            chip,
            profile,
            regs: HashMap::new(),
            efuses,
            flash,
            baud: 115_200,
            spi_commands: Vec::new(),
        };
        soc.reset();
        soc
    }

    /// Registers keep what was written to them between sessions only until a reset, which
    /// leaves them as download mode does.
    pub fn reset(&mut self) {
        self.regs.clear();
        if let Some(core) = &self.profile.second_core {
            self.regs.extend(core.after_reset.iter().copied());
        }
        self.baud = 115_200;
    }

    /// Whether the second CPU of a dual-core chip executes (it is not held in reset,
    /// without clock or stalled).
    pub fn other_core_runs(&self) -> bool {
        let Some(core) = &self.profile.second_core else {
            return false;
        };
        let reg = |a| self.regs.get(&a).copied().unwrap_or(0);
        !core
            .parked_when
            .iter()
            .any(|all| all.iter().all(|b| b.holds(reg)))
    }

    /// Whether the second CPU executes with a flash cache it fetches through enabled:
    /// then any SPI1 erase or program can corrupt what it fetches.
    pub fn other_core_fetches_from_flash(&self) -> bool {
        let reg = |a| self.regs.get(&a).copied().unwrap_or(0);
        self.other_core_runs()
            && self
                .profile
                .second_core
                .as_ref()
                .is_some_and(|c| c.cache_on_when.iter().any(|b| b.holds(reg)))
    }

    fn uart_clkdiv_reg(&self) -> u32 {
        match &self.chip.facts().stub {
            Some(s) => s.uart.base + UART_CLKDIV,
            None => UART0_BASE + UART_CLKDIV,
        }
    }

    /// The rate a divider word written to UART0's CLKDIV at `addr` sets, when `addr` is
    /// that register: the UART runs from the profile's clock in download mode, and a word within
    /// 1 % of a standard rate is taken as that rate.
    pub fn divider_baud(&self, addr: u32) -> Option<u32> {
        if addr != self.uart_clkdiv_reg() {
            return None;
        }
        let word = *self.regs.get(&addr)?;
        let div16 = (word & 0xF_FFFF) as u64 * 16 + ((word >> 20) & 0xF) as u64;
        let exact = (self.profile.uart_clock_hz as u64 * 16).checked_div(div16)? as u32;
        const RATES: [u32; 9] = [
            9_600, 115_200, 230_400, 460_800, 921_600, 1_500_000, 2_000_000, 3_000_000, 5_000_000,
        ];
        Some(
            RATES
                .into_iter()
                .find(|r| r.abs_diff(exact) * 100 <= *r)
                .unwrap_or(exact),
        )
    }

    /// What a READ_REG of `addr` returns (SPI1 registers run their commands on the flash).
    pub fn read_reg(&mut self, addr: u32) -> u32 {
        if let Some(v) = self.efuses.word_of(self.chip, addr) {
            return v;
        }
        // A divider the host wrote reads back as written while it still sets the rate.
        if self.divider_baud(addr) == Some(self.baud) {
            return self.regs[&addr];
        }
        if addr == espflow_chip_facts::CHIP_DETECT_MAGIC_REG {
            return self.profile.detect_word();
        }
        if addr == self.uart_clkdiv_reg() {
            let clock = self.profile.uart_clock_hz as u64;
            if self.chip == Chip::Esp32 {
                // The ESP32's divider is a whole number in the low 20 bits.
                return (clock / self.baud as u64) as u32;
            }
            // The integer part in bits 0-11, sixteenths in bits 20-23.
            let div16 = (clock * 16 / self.baud as u64) as u32;
            return (div16 >> 4) | ((div16 & 0xF) << 20);
        }
        if self.chip == Chip::Esp32c3 && addr == ESP32C3.uart_date_reg {
            return C3_UART_DATE;
        }
        self.regs.get(&addr).copied().unwrap_or(0)
    }

    /// Applies `(value & mask) | (old & !mask)`, running an SPI1 user command when the host
    /// sets the USR bit of the command register.
    pub fn write_reg(&mut self, now: u64, addr: u32, value: u32, mask: u32) {
        let old = self.read_reg(addr);
        let new = (value & mask) | (old & !mask);
        if addr == self.spi_regs().base + SPI_CMD && new & SPI_CMD_USR != 0 {
            self.run_spi_user_command(now);
            self.regs.insert(addr, new & !SPI_CMD_USR);
            return;
        }
        self.regs.insert(addr, new);
    }

    fn spi_regs(&self) -> espflow_chip_facts::SpiRegs {
        self.chip.facts().spi
    }

    fn spi(&self, off: u32) -> u32 {
        self.regs
            .get(&(self.spi_regs().base + off))
            .copied()
            .unwrap_or(0)
    }

    fn run_spi_user_command(&mut self, now: u64) {
        let r = self.spi_regs();
        let user = self.spi(r.usr);
        let opcode = (self.spi(r.usr2) & 0xFF) as u8;
        self.spi_commands.push(opcode);
        let addr_bits = ((self.spi(r.usr1) >> 26) & 0x3F) + 1;
        let addr = if user & USR_ADDR == 0 {
            0
        } else if r.addr_msb_aligned {
            // The ESP32 takes the address from the register's top bits.
            self.spi(SPI_ADDR) >> (32 - addr_bits.min(32))
        } else {
            self.spi(SPI_ADDR) & (u32::MAX >> (32 - addr_bits.min(32)))
        };
        let mosi: Vec<u8> = if user & USR_MOSI != 0 {
            let n = ((self.spi(r.mosi_dlen) & DLEN_MASK) + 1)
                .div_ceil(8)
                .min(64) as usize;
            (0..16)
                .flat_map(|i| self.spi(r.w0 + 4 * i).to_le_bytes())
                .take(n)
                .collect()
        } else {
            Vec::new()
        };
        let miso_len = if user & USR_MISO != 0 {
            ((self.spi(r.miso_dlen) & DLEN_MASK) + 1)
                .div_ceil(8)
                .min(64) as usize
        } else {
            0
        };
        let f = &mut self.flash;
        // A failed flash operation is what a real part does silently: nothing happens.
        let mut out = vec![0u8; miso_len];
        match opcode {
            0x9F => out.iter_mut().zip(f.jedec_id()).for_each(|(o, b)| *o = b),
            0x5A => {
                for (i, o) in out.iter_mut().enumerate() {
                    *o = f.sfdp(addr + i as u32);
                }
            }
            0x05 => out.iter_mut().for_each(|o| *o = f.status(now)),
            0x35 => out.iter_mut().for_each(|o| *o = f.status2()),
            0x06 => {
                let _ = f.write_enable(now);
            }
            0x04 | 0x66 | 0x99 => f.write_disable(),
            0x01 => {
                if let Some(&sr) = mosi.first() {
                    let _ = f.write_status(now, sr, mosi.get(1).copied());
                }
            }
            0x03 | 0x0B => {
                let _ = f.read(now, addr, &mut out);
            }
            0x02 => {
                let _ = f.page_program(now, addr, &mosi);
            }
            0x20 => {
                let _ = f.erase(now, EraseKind::Sector, addr);
            }
            0x52 => {
                let _ = f.erase(now, EraseKind::Block32, addr);
            }
            0xD8 => {
                let _ = f.erase(now, EraseKind::Block64, addr);
            }
            0xC7 | 0x60 => {
                let _ = f.erase(now, EraseKind::Chip, 0);
            }
            _ => {}
        }
        for (i, chunk) in out.chunks(4).enumerate() {
            let mut w = [0u8; 4];
            w[..chunk.len()].copy_from_slice(chunk);
            self.regs
                .insert(r.base + r.w0 + 4 * i as u32, u32::from_le_bytes(w));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::virtual_chip::profile::PROFILES;

    const C3_SPI: espflow_chip_facts::SpiRegs = ESP32C3.spi;
    const SPI1_BASE: u32 = C3_SPI.base;

    fn spi_cmd(soc: &mut Soc, opcode: u8, miso_bits: u32) -> u32 {
        let w = |soc: &mut Soc, off, v| soc.write_reg(0, SPI1_BASE + off, v, u32::MAX);
        w(soc, C3_SPI.miso_dlen, miso_bits.saturating_sub(1));
        let miso = if miso_bits > 0 { USR_MISO } else { 0 };
        w(soc, C3_SPI.usr, (1 << 31) | miso);
        w(soc, C3_SPI.usr2, (7 << 28) | opcode as u32);
        w(soc, C3_SPI.w0, 0);
        w(soc, SPI_CMD, SPI_CMD_USR);
        assert_eq!(
            soc.read_reg(SPI1_BASE + SPI_CMD) & SPI_CMD_USR,
            0,
            "USR self-clears"
        );
        soc.read_reg(SPI1_BASE + C3_SPI.w0)
    }

    #[test]
    fn rdid_and_status_through_registers() {
        let mut soc = Soc::new(Chip::Esp32c3, NorFlash::new(0x40_0000), Efuses::default());
        assert_eq!(spi_cmd(&mut soc, 0x9F, 24), 0x1640EF);
        spi_cmd(&mut soc, 0x06, 0);
        assert_eq!(spi_cmd(&mut soc, 0x05, 8) & 2, 2, "WEL set after WREN");
        spi_cmd(&mut soc, 0x04, 0);
        assert_eq!(spi_cmd(&mut soc, 0x05, 8) & 2, 0);
    }

    /// On every chip the MAC and revision read back through the chip's table as the host
    /// reads them, whatever else shares their words (the C2 keeps its revision in the
    /// high MAC word, the ESP32 its major revision as a code over three registers).
    #[test]
    fn mac_and_revision_read_back_through_each_table() {
        for p in &PROFILES {
            let efuses = Efuses {
                mac: [0x60, 0x55, 0xF9, 0xAB, 0xCD, 0xEF],
                ..Efuses::default()
            }
            .for_chip(p.chip);
            let mut soc = Soc::new(p.chip, NorFlash::new(0x20_0000), efuses);
            let t = p.chip.facts();
            let (m0, m1) = (soc.read_reg(t.mac.low), soc.read_reg(t.mac.high));
            let mut b = Vec::new();
            b.extend(m1.to_be_bytes());
            b.extend(m0.to_be_bytes());
            assert_eq!(&b[2..], &efuses.mac, "{}", p.chip);
            if let Some(rev) = t.revision {
                let got = rev.read(|a| Ok::<_, ()>(soc.read_reg(a))).unwrap();
                let want = (u32::from(p.revision.0), u32::from(p.revision.1));
                assert_eq!(got, want, "{}", p.chip);
            }
        }
    }

    #[test]
    fn the_esp32s_app_cpu_is_parked_until_released_and_its_cache_counts_only_then() {
        let mut soc = Soc::new(Chip::Esp32, NorFlash::new(0x40_0000), Efuses::default());
        assert!(!soc.other_core_runs(), "download mode holds it in reset");
        soc.write_reg(0, 0x3FF0_0058, 1 << 3, u32::MAX);
        assert!(
            !soc.other_core_fetches_from_flash(),
            "parked: its cache is harmless"
        );
        soc.write_reg(0, 0x3FF0_002C, 0, u32::MAX);
        assert!(!soc.other_core_runs(), "out of reset but without a clock");
        soc.write_reg(0, 0x3FF0_0030, 1, u32::MAX);
        assert!(soc.other_core_runs() && soc.other_core_fetches_from_flash());
        soc.write_reg(0, 0x3FF4_80AC, 0x21 << 20, u32::MAX);
        assert!(
            soc.other_core_runs(),
            "half of the RTC stall does not stall"
        );
        soc.write_reg(0, 0x3FF4_8000, 2, u32::MAX);
        assert!(!soc.other_core_runs(), "the RTC's software stall");
        soc.reset();
        assert!(!soc.other_core_runs(), "a reset parks it again");
        let c3 = Soc::new(Chip::Esp32c3, NorFlash::new(0x40_0000), Efuses::default());
        assert!(!c3.other_core_runs(), "a single-core chip");
    }

    #[test]
    fn the_s3s_second_core_is_held_in_reset_and_shares_the_cache() {
        let mut soc = Soc::new(Chip::Esp32s3, NorFlash::new(0x80_0000), Efuses::default());
        assert!(
            !soc.other_core_runs(),
            "download mode holds core 1 in reset"
        );
        // SYSTEM_CORE_1_CONTROL_0: clock on, out of reset, as ESP-IDF starts it.
        soc.write_reg(0, 0x600C_0000, 1 << 1, u32::MAX);
        assert!(soc.other_core_runs());
        assert!(!soc.other_core_fetches_from_flash(), "both caches off");
        soc.write_reg(0, 0x600C_4000, 1, u32::MAX);
        assert!(
            soc.other_core_fetches_from_flash(),
            "the data cache both cores share"
        );
        soc.write_reg(0, 0x600C_0000, 1, 1);
        assert!(!soc.other_core_runs(), "RUNSTALL");
    }

    #[test]
    fn masked_write() {
        let mut soc = Soc::new(Chip::Esp32c3, NorFlash::new(0x20_0000), Efuses::default());
        soc.write_reg(0, 0x6000_1000, 0xFFFF_FFFF, 0x0000_FF00);
        soc.write_reg(0, 0x6000_1000, 0x0000_0012, 0x0000_00FF);
        assert_eq!(soc.read_reg(0x6000_1000), 0x0000_FF12);
    }
}
