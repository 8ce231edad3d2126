//! The chip's registers as a host sees them through READ_REG/WRITE_REG: eFuse words, the
//! UART, the chip-detect word and the SPI1 user-command block wired to the flash. The
//! ESP32-C3 is modelled in full; the ESP32 has its own addresses for all of these, each
//! taken from its table.

use std::collections::HashMap;

use espflow_chip_facts::{ChipFacts, ESP32, ESP32C3, EfuseField, Revision, StubFacts};

use crate::chip::Chip;

use super::flash::{EraseKind, NorFlash};

/// The virtual chip is a C3: every address it answers at comes from the C3's table, so it
/// and the host (and the stub) agree on where things are by construction.
const C3: &ChipFacts = &ESP32C3;
const C3_STUB: &StubFacts = match &C3.stub {
    Some(s) => s,
    None => panic!("the C3's table has stub facts"),
};
const C3_REVISION: Revision = match C3.revision {
    Some(r) => r,
    None => panic!("the C3's table has a revision field"),
};

/// The eFuse controller.
pub const EFUSE_BASE: u32 = C3.efuse_base;
/// Where the eFuse read registers start.
pub const EFUSE_RD_BASE: u32 = EFUSE_BASE + 0x30;
/// DIS_DOWNLOAD_MANUAL_ENCRYPT, which only the virtual chip's security answer needs.
const DIS_DOWNLOAD_MANUAL_ENCRYPT: EfuseField = EfuseField::new(EFUSE_RD_BASE, 20, 1);
/// The word holding SPI_BOOT_CRYPT_CNT.
pub const EFUSE_CRYPT_CNT_REG: u32 = C3.crypt_cnt.addr;
/// The word holding SECURE_BOOT_EN.
pub const EFUSE_SECURE_BOOT_REG: u32 = C3_STUB.secure_boot.addr;
/// The low MAC word.
pub const MAC0_REG: u32 = C3.mac.low;
/// The high MAC word.
pub const MAC1_REG: u32 = C3.mac.high;
/// Block 1 word 3 carries the package version and the low bits of the minor revision.
pub const BLK1_WORD3: u32 = C3_REVISION.minor.addr;
/// Block 1 word 5 carries the major revision and the high bit of the minor revision.
pub const BLK1_WORD5: u32 = C3_REVISION.major.addr;
/// The chip-detect word's address.
pub const CHIP_DETECT_MAGIC_REG: u32 = espflow_chip_facts::CHIP_DETECT_MAGIC_REG;
/// What esptool ≤4.x expects from a C3 eco3 at the chip-detect word.
pub const C3_MAGIC: u32 = 0x1B31_506F;
/// UART0's clock divider, which sets the baud rate.
pub const UART_CLKDIV_REG: u32 = C3_STUB.uart.base + 0x14;
/// UART0's date register, which esptool reads.
pub const UART_DATE_REG: u32 = C3.uart_date_reg;
/// The SPI1 register block.
pub const SPI1_BASE: u32 = C3.spi.base;
/// UART0's clock divider on the ESP32 (UART0 at 0x3FF40000).
const ESP32_UART_CLKDIV_REG: u32 = 0x3FF4_0014;
/// The ESP32's APB clock, from which its UART divider is set.
const ESP32_APB_HZ: u64 = 40_000_000;

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

    /// These eFuses as `chip` would hold them: the ESP32's minor revision has two bits,
    /// so its default is v3.0, the last revision (the one Espressif's emulator models).
    pub fn for_chip(self, chip: Chip) -> Efuses {
        match chip {
            Chip::Esp32 if self.minor_rev > 3 => Efuses {
                major_rev: 3,
                minor_rev: 0,
                ..self
            },
            _ => self,
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

    /// The eFuse read register at `addr` of `chip`, assembled from every field of its
    /// table that lies in it.
    fn fields_word(&self, chip: Chip, addr: u32) -> Option<u32> {
        if chip == Chip::Esp32 {
            return self.esp32_word(addr);
        }
        let m = &self.mac;
        match addr {
            MAC0_REG => return Some(u32::from_be_bytes([m[2], m[3], m[4], m[5]])),
            MAC1_REG => return Some(u32::from_be_bytes([0, 0, m[0], m[1]])),
            _ => {}
        }
        let rev = C3_REVISION;
        let minor = u32::from(self.minor_rev);
        let mut fields = vec![
            (
                DIS_DOWNLOAD_MANUAL_ENCRYPT,
                u32::from(self.dis_download_manual_encrypt),
            ),
            (C3.crypt_cnt, u32::from(self.crypt_cnt)),
            (C3_STUB.secure_boot, u32::from(self.secure_boot)),
            (rev.major, u32::from(self.major_rev)),
            (rev.minor, minor),
        ];
        if let Some(hi) = rev.minor_hi {
            fields.push((hi, minor >> rev.minor.width));
        }
        if let Some(purposes) = C3_STUB.key_purposes {
            fields.extend(purposes.into_iter().zip(self.key_purposes.map(u32::from)));
        }
        let mut word = None;
        for (f, value) in fields.into_iter().filter(|(f, _)| f.addr == addr) {
            *word.get_or_insert(0) |= (value << f.shift) & f.mask();
        }
        word
    }

    /// The ESP32's words: the MAC in words 1 and 2 (the top half of word 2 is the MAC's
    /// CRC, which esptool drops and the model leaves 0), FLASH_CRYPT_CNT in word 0, and the
    /// revision as the code of bits its table describes (one of them in APB_CTL_DATE).
    fn esp32_word(&self, addr: u32) -> Option<u32> {
        let t = &ESP32;
        let m = &self.mac;
        if addr == t.mac.low {
            return Some(u32::from_be_bytes([m[2], m[3], m[4], m[5]]));
        }
        if addr == t.mac.high {
            return Some(u32::from_be_bytes([0, 0, m[0], m[1]]));
        }
        let rev = t.revision.expect("the ESP32's table has a revision");
        let code = rev
            .major_code
            .expect("the ESP32's major revision is a code");
        let major = u32::from(self.major_rev);
        let bits = code
            .revisions
            .iter()
            .find(|(_, r)| *r == major)
            .map_or(0, |(c, _)| *c);
        let mut fields = vec![
            (t.crypt_cnt, u32::from(self.crypt_cnt)),
            (rev.major, bits & 1),
            (rev.minor, u32::from(self.minor_rev)),
        ];
        for (i, f) in code.bits.iter().enumerate() {
            fields.push((*f, (bits >> (i + 1)) & 1));
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
    /// A chip fresh out of reset.
    pub fn new(chip: Chip, flash: NorFlash, efuses: Efuses) -> Soc {
        Soc {
            chip,
            regs: HashMap::new(),
            efuses,
            flash,
            baud: 115_200,
            spi_commands: Vec::new(),
        }
    }

    /// Registers keep what was written to them between sessions only until a reset.
    pub fn reset(&mut self) {
        self.regs.clear();
        self.baud = 115_200;
    }

    /// What a READ_REG of `addr` returns (SPI1 registers run their commands on the flash).
    pub fn read_reg(&mut self, addr: u32) -> u32 {
        if let Some(v) = self.efuses.word_of(self.chip, addr) {
            return v;
        }
        if self.chip == Chip::Esp32 {
            return match addr {
                CHIP_DETECT_MAGIC_REG => ESP32.magic[0],
                ESP32_UART_CLKDIV_REG => (ESP32_APB_HZ / self.baud as u64) as u32,
                _ => self.regs.get(&addr).copied().unwrap_or(0),
            };
        }
        match addr {
            CHIP_DETECT_MAGIC_REG => C3_MAGIC,
            UART_CLKDIV_REG => {
                let div16 = (40_000_000u64 * 16 / self.baud as u64) as u32;
                (div16 >> 4) | ((div16 & 0xF) << 20)
            }
            UART_DATE_REG => 0x0200_8270,
            _ => self.regs.get(&addr).copied().unwrap_or(0),
        }
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

    const SPI_USER: u32 = C3.spi.usr;
    const SPI_USER2: u32 = C3.spi.usr2;
    const SPI_MISO_DLEN: u32 = C3.spi.miso_dlen;
    const SPI_W0: u32 = C3.spi.w0;

    fn spi_cmd(soc: &mut Soc, opcode: u8, miso_bits: u32) -> u32 {
        let w = |soc: &mut Soc, off, v| soc.write_reg(0, SPI1_BASE + off, v, u32::MAX);
        w(soc, SPI_MISO_DLEN, miso_bits.saturating_sub(1));
        let miso = if miso_bits > 0 { USR_MISO } else { 0 };
        w(soc, SPI_USER, (1 << 31) | miso);
        w(soc, SPI_USER2, (7 << 28) | opcode as u32);
        w(soc, SPI_W0, 0);
        w(soc, SPI_CMD, SPI_CMD_USR);
        assert_eq!(
            soc.read_reg(SPI1_BASE + SPI_CMD) & SPI_CMD_USR,
            0,
            "USR self-clears"
        );
        soc.read_reg(SPI1_BASE + SPI_W0)
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

    #[test]
    fn mac_words_assemble_like_esptool() {
        let mut soc = Soc::new(Chip::Esp32c3, NorFlash::new(0x20_0000), Efuses::default());
        let (m0, m1) = (soc.read_reg(MAC0_REG), soc.read_reg(MAC1_REG));
        let mut b = Vec::new();
        b.extend(m1.to_be_bytes());
        b.extend(m0.to_be_bytes());
        assert_eq!(&b[2..], &Efuses::default().mac);
    }

    #[test]
    fn masked_write() {
        let mut soc = Soc::new(Chip::Esp32c3, NorFlash::new(0x20_0000), Efuses::default());
        soc.write_reg(0, 0x6000_1000, 0xFFFF_FFFF, 0x0000_FF00);
        soc.write_reg(0, 0x6000_1000, 0x0000_0012, 0x0000_00FF);
        assert_eq!(soc.read_reg(0x6000_1000), 0x0000_FF12);
    }
}
