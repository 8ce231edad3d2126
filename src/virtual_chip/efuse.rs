//! The virtual ESP32-C3's eFuses as a whole image: every read register of the eFuse
//! controller, from its base, kept in a file between runs as a chip keeps its eFuses.
//!
//! The file has one of two layouts, told apart by its size, and keeps the one it has:
//! - espefuse's virtual eFuse file (`espefuse --virt --path-efuse-file FILE`, 0x200 bytes):
//!   the controller's registers, written last byte first; new files get this one;
//! - Espressif QEMU's eFuse drive (1 KiB): the blocks' read registers from WR_DIS on, in
//!   little-endian order, the rest of the file kept as it was.
//!
//! So espefuse can prepare an image for the virtual chip, the emulated C3's eFuses can be
//! carried over to it, and either reads back what the virtual chip burnt.
//!
//! The shortcuts burn what a provisioning script would: flash encryption (the XTS key in
//! the first free key block, its purpose, read and write protection, the crypt counter),
//! a secure boot v2 digest, Secure Download Mode. Burning only ever sets bits, as on the
//! chip, and burning what is already there changes nothing.

use std::path::{Path, PathBuf};

use espflow_chip_facts::EfuseField;
use espflow_protocol::SecurityInfo;

use crate::chip::Chip;
use crate::security::fuses::{ESP32C3, PURPOSE_SECURE_BOOT_DIGEST0, PURPOSE_XTS_AES_128_KEY};

use super::soc::{EFUSE_BASE, Efuses};

/// Bytes of the C3's eFuse controller registers, as espefuse counts them.
pub const IMAGE_LEN: usize = 0x200;
/// Bytes of QEMU's eFuse drive for the C3.
pub const QEMU_IMAGE_LEN: usize = 0x400;
/// Where the blocks' read registers start (WR_DIS) and end (past BLOCK10), as offsets from
/// the controller's base: what QEMU's drive holds.
const READ_REGS: std::ops::Range<usize> = 0x2C..0x17C;
const WORDS: usize = IMAGE_LEN / 4;

/// The first register of BLOCK_KEY0; each key block is 8 words.
const KEY_BLOCK0: u32 = EFUSE_BASE + 0x9C;
/// ENABLE_SECURITY_DOWNLOAD.
const SECURE_DOWNLOAD: EfuseField = EfuseField::new(EFUSE_BASE + 0x3C, 5, 1);

/// The eFuse controller's registers of a virtual C3.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EfuseImage {
    words: [u32; WORDS],
}

/// How an image file is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Layout {
    Espefuse,
    Qemu,
}

/// How a virtual chip's eFuses are set up (the `--efuse` file and the shortcuts).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EfuseSetup {
    /// The image file: read if it exists, created otherwise, and written back after the
    /// shortcuts burnt into it.
    pub file: Option<PathBuf>,
    /// An XTS-AES-128 key file (32 bytes) to turn flash encryption on with.
    pub flash_encryption_key: Option<PathBuf>,
    /// A secure boot v2 public-key digest file (32 bytes) to turn secure boot on with.
    pub secure_boot_digest: Option<PathBuf>,
    /// Burn ENABLE_SECURITY_DOWNLOAD.
    pub secure_download: bool,
}

impl EfuseSetup {
    /// Whether anything differs from a chip with the default eFuses.
    pub fn is_empty(&self) -> bool {
        *self == EfuseSetup::default()
    }

    /// `efuses` with the image and shortcuts applied, for `chip`. One line on failure.
    pub fn apply(&self, efuses: Efuses, chip: Chip) -> Result<Efuses, String> {
        if self.is_empty() {
            return Ok(efuses);
        }
        if chip != Chip::Esp32c3 {
            return Err(format!(
                "eFuse images and the security shortcuts are modelled for the ESP32-C3, not \
                 the {chip}"
            ));
        }
        let (mut image, layout) = match &self.file {
            Some(f) if f.exists() => EfuseImage::load(f)?,
            _ => (EfuseImage::from_efuses(&efuses), Layout::Espefuse),
        };
        if let Some(k) = &self.flash_encryption_key {
            let key = read_32(k, "flash encryption key")?;
            image.burn_flash_encryption(&key)?;
        }
        if let Some(d) = &self.secure_boot_digest {
            let digest = read_32(d, "secure boot digest")?;
            image.burn_secure_boot(&digest)?;
        }
        if self.secure_download {
            image.burn(SECURE_DOWNLOAD, 1);
        }
        if let Some(f) = &self.file {
            image.save(f, layout)?;
        }
        Ok(Efuses {
            image: Some(image),
            ..efuses
        })
    }
}

fn read_32(path: &Path, what: &str) -> Result<[u8; 32], String> {
    let bytes =
        std::fs::read(path).map_err(|e| format!("cannot read {what} {}: {e}", path.display()))?;
    <[u8; 32]>::try_from(bytes.as_slice()).map_err(|_| {
        format!(
            "{what} {} is {} bytes; it must be 32",
            path.display(),
            bytes.len()
        )
    })
}

impl EfuseImage {
    /// All eFuses unburnt.
    pub fn blank() -> EfuseImage {
        EfuseImage { words: [0; WORDS] }
    }

    /// The image of a chip whose eFuses are `efuses` (MAC, revision and the rest).
    pub fn from_efuses(efuses: &Efuses) -> EfuseImage {
        let plain = Efuses {
            image: None,
            ..*efuses
        };
        let mut img = EfuseImage::blank();
        for (i, w) in img.words.iter_mut().enumerate() {
            *w = plain
                .word_of(Chip::Esp32c3, EFUSE_BASE + 4 * i as u32)
                .unwrap_or(0);
        }
        img
    }

    /// Reads an image in either layout, and says which it was.
    fn load(path: &Path) -> Result<(EfuseImage, Layout), String> {
        let bytes = std::fs::read(path)
            .map_err(|e| format!("cannot read eFuse image {}: {e}", path.display()))?;
        let mut img = EfuseImage::blank();
        let layout = match bytes.len() {
            IMAGE_LEN => {
                // espefuse writes its register bit stream from the top: reversed, the
                // bytes are the registers in little-endian order.
                let rev: Vec<u8> = bytes.iter().rev().copied().collect();
                img.set_bytes(0, &rev);
                Layout::Espefuse
            }
            QEMU_IMAGE_LEN => {
                img.set_bytes(READ_REGS.start, &bytes[..READ_REGS.len()]);
                Layout::Qemu
            }
            n => {
                return Err(format!(
                    "eFuse image {} is {n} bytes; an ESP32-C3 image is {IMAGE_LEN} \
                     (espefuse's virtual eFuse file) or {QEMU_IMAGE_LEN} (QEMU's eFuse drive)",
                    path.display()
                ));
            }
        };
        Ok((img, layout))
    }

    /// Sets the registers from little-endian bytes starting `at` bytes above the base.
    fn set_bytes(&mut self, at: usize, bytes: &[u8]) {
        for (i, c) in bytes.chunks_exact(4).enumerate() {
            self.words[at / 4 + i] = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
        }
    }

    fn le_bytes(&self) -> Vec<u8> {
        self.words.iter().flat_map(|w| w.to_le_bytes()).collect()
    }

    /// Writes the image in `layout` (QEMU's keeps the bytes past the blocks as they were).
    fn save(&self, path: &Path, layout: Layout) -> Result<(), String> {
        let bytes = match layout {
            Layout::Espefuse => {
                let mut b = self.le_bytes();
                b.reverse();
                b
            }
            Layout::Qemu => {
                let mut b = std::fs::read(path).unwrap_or_else(|_| vec![0; QEMU_IMAGE_LEN]);
                b.resize(QEMU_IMAGE_LEN, 0);
                b[..READ_REGS.len()].copy_from_slice(&self.le_bytes()[READ_REGS]);
                b
            }
        };
        std::fs::write(path, bytes)
            .map_err(|e| format!("cannot write eFuse image {}: {e}", path.display()))
    }

    fn index(addr: u32) -> Option<usize> {
        let off = addr.checked_sub(EFUSE_BASE)?;
        (off % 4 == 0 && (off as usize) < IMAGE_LEN).then_some(off as usize / 4)
    }

    /// The register at `addr` as software reads it: a read-protected key block reads as
    /// zeros. `None` outside the controller.
    pub fn word(&self, addr: u32) -> Option<u32> {
        let i = Self::index(addr)?;
        let rd_dis = self.field(ESP32C3.key_blocks[0].read_protect.addr) & 0x7F;
        let blocks = EFUSE_BASE + 0x9C..EFUSE_BASE + 0x17C;
        if blocks.contains(&addr) && rd_dis & (1 << ((addr - KEY_BLOCK0) / 32)) != 0 {
            return Some(0);
        }
        Some(self.words[i])
    }

    fn field(&self, addr: u32) -> u32 {
        Self::index(addr).map_or(0, |i| self.words[i])
    }

    fn get(&self, f: EfuseField) -> u32 {
        f.extract(self.field(f.addr))
    }

    /// Burns `value` into a field: bits already set stay set.
    pub fn burn(&mut self, f: EfuseField, value: u32) {
        if let Some(i) = Self::index(f.addr) {
            self.words[i] |= (value << f.shift) & f.mask();
        }
    }

    fn key(&self, n: usize) -> [u8; 32] {
        let at = (KEY_BLOCK0 - EFUSE_BASE) as usize / 4 + 8 * n;
        let mut out = [0u8; 32];
        for (o, w) in out.chunks_exact_mut(4).zip(&self.words[at..at + 8]) {
            o.copy_from_slice(&w.to_le_bytes());
        }
        out
    }

    fn set_key(&mut self, n: usize, bytes: &[u8; 32]) {
        let at = (KEY_BLOCK0 - EFUSE_BASE) as usize / 4 + 8 * n;
        for (w, c) in self.words[at..at + 8].iter_mut().zip(bytes.chunks_exact(4)) {
            *w |= u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
        }
    }

    fn purpose(&self, n: usize) -> u32 {
        ESP32C3.key_blocks[n].purpose.map_or(0, |f| self.get(f))
    }

    /// The key block holding `bytes` for `purpose`, or else the first unused one (purpose
    /// USER, all zeros), burnt with them: the block's purpose and write protection, and read
    /// protection where `hide`.
    fn burn_key(&mut self, bytes: &[u8; 32], purpose: u32, hide: bool) -> Result<usize, String> {
        let blocks = ESP32C3.key_blocks;
        if let Some(n) =
            (0..blocks.len()).find(|&n| self.purpose(n) == purpose && self.key(n) == *bytes)
        {
            return Ok(n);
        }
        let n = (0..blocks.len())
            .find(|&n| self.purpose(n) == 0 && self.key(n) == [0; 32])
            .ok_or("every key block of the virtual chip is in use")?;
        let k = blocks[n];
        self.set_key(n, bytes);
        if let Some(p) = k.purpose {
            self.burn(p, purpose);
            // KEY_PURPOSE_n is write-protected by WR_DIS bit 8 + n, as espefuse burns it.
            self.burn(EfuseField::new(EFUSE_BASE + 0x2C, 8 + n as u32, 1), 1);
        }
        self.burn(k.write_protect, 1);
        if hide {
            self.burn(k.read_protect, 1);
        }
        Ok(n)
    }

    /// The XTS-AES-128 key the chip's flash encryption uses, as the key file holds it (the
    /// block stores it last byte first), when a key block has that purpose.
    pub fn flash_encryption_key(&self) -> Option<[u8; 32]> {
        let n =
            (0..ESP32C3.key_blocks.len()).find(|&n| self.purpose(n) == PURPOSE_XTS_AES_128_KEY)?;
        let mut key = self.key(n);
        key.reverse();
        Some(key)
    }

    /// Flash encryption on: the XTS-AES-128 key (stored last byte first, as espefuse burns
    /// it) in a read-protected key block with its purpose, and an odd crypt counter.
    pub fn burn_flash_encryption(&mut self, key: &[u8; 32]) -> Result<(), String> {
        let mut stored = *key;
        stored.reverse();
        self.burn_key(&stored, PURPOSE_XTS_AES_128_KEY, true)?;
        if self.get(ESP32C3.crypt_cnt).count_ones().is_multiple_of(2) {
            let cnt = self.get(ESP32C3.crypt_cnt);
            let next = (0..ESP32C3.crypt_cnt.width)
                .map(|b| 1 << b)
                .find(|b| cnt & b == 0)
                .ok_or("the crypt counter is used up: flash encryption cannot be turned on")?;
            self.burn(ESP32C3.crypt_cnt, next);
        }
        Ok(())
    }

    /// Secure boot v2 on: the digest in the next SECURE_BOOT_DIGESTn slot, and
    /// SECURE_BOOT_EN.
    pub fn burn_secure_boot(&mut self, digest: &[u8; 32]) -> Result<(), String> {
        let used = (0..ESP32C3.key_blocks.len())
            .filter(|&n| {
                let p = self.purpose(n);
                (PURPOSE_SECURE_BOOT_DIGEST0..PURPOSE_SECURE_BOOT_DIGEST0 + 3).contains(&p)
                    && self.key(n) != *digest
            })
            .count() as u32;
        if used >= 3 {
            return Err("all three secure boot digest slots are in use".into());
        }
        self.burn_key(digest, PURPOSE_SECURE_BOOT_DIGEST0 + used, false)?;
        self.burn(ESP32C3.secure_boot_v2, 1);
        Ok(())
    }
}

impl Efuses {
    /// The key an encrypted write through the loader uses: none without an eFuse image
    /// holding one, or with DIS_DOWNLOAD_MANUAL_ENCRYPT burnt.
    pub fn manual_encryption_key(&self, chip: Chip) -> Option<[u8; 32]> {
        let f = ESP32C3.dis_manual_encrypt;
        let disabled = self
            .word_of(chip, f.addr)
            .is_some_and(|w| f.extract(w) == 1);
        match &self.image {
            Some(img) if chip == Chip::Esp32c3 && !disabled => img.flash_encryption_key(),
            _ => None,
        }
    }

    /// Whether the ROM loader runs in Secure Download Mode.
    pub fn secure_download(&self, chip: Chip) -> bool {
        chip == Chip::Esp32c3
            && self
                .word_of(chip, SECURE_DOWNLOAD.addr)
                .is_some_and(|w| SECURE_DOWNLOAD.extract(w) == 1)
    }

    /// What GET_SECURITY_INFO reports on a C3 with these eFuses, from the same words
    /// READ_REG returns.
    pub fn security_info(&self, chip: Chip) -> SecurityInfo {
        let t = &ESP32C3;
        let get = |f: EfuseField| self.word_of(chip, f.addr).map_or(0, |w| f.extract(w));
        let mut flags = 0;
        let mut set = |on: bool, bit: u32| {
            if on {
                flags |= bit;
            }
        };
        set(get(t.secure_boot_v2) == 1, SecurityInfo::SECURE_BOOT_EN);
        if let Some(f) = t.aggressive_revoke {
            set(get(f) == 1, SecurityInfo::SECURE_BOOT_AGGRESSIVE_REVOKE);
        }
        set(
            get(SECURE_DOWNLOAD) == 1,
            SecurityInfo::SECURE_DOWNLOAD_ENABLE,
        );
        let revoke = [
            SecurityInfo::SECURE_BOOT_KEY_REVOKE0,
            SecurityInfo::SECURE_BOOT_KEY_REVOKE1,
            SecurityInfo::SECURE_BOOT_KEY_REVOKE2,
        ];
        for (f, bit) in t.key_revoke.iter().zip(revoke) {
            set(get(*f) == 1, bit);
        }
        if let Some(f) = t.soft_dis_jtag {
            set(get(f).count_ones() % 2 == 1, SecurityInfo::SOFT_DIS_JTAG);
        }
        set(get(t.hard_dis_jtag) == 1, SecurityInfo::HARD_DIS_JTAG);
        // DIS_USB_SERIAL_JTAG and DIS_DOWNLOAD_ICACHE, as the C3's ROM reports them.
        set(
            get(EfuseField::new(EFUSE_BASE + 0x30, 11, 1)) == 1,
            SecurityInfo::DIS_USB,
        );
        set(
            get(EfuseField::new(EFUSE_BASE + 0x30, 10, 1)) == 1,
            SecurityInfo::DIS_DOWNLOAD_ICACHE,
        );
        let mut key_purposes = [0u8; 7];
        for (p, k) in key_purposes.iter_mut().zip(t.key_blocks) {
            *p = k.purpose.map_or(0, |f| get(f) as u8);
        }
        SecurityInfo {
            flags,
            flash_crypt_cnt: get(t.crypt_cnt) as u8,
            key_purposes,
            chip_id: Some(5),
            eco_version: Some(self.major_rev as u32 * 100 + self.minor_rev as u32),
        }
    }
}

/// The commands a C3 ROM in Secure Download Mode carries out; it refuses every other one
/// as a message it does not accept.
pub fn allowed_in_secure_download(op: espflow_protocol::Command) -> bool {
    use espflow_protocol::Command as C;
    matches!(
        op,
        C::Sync
            | C::SpiAttach
            | C::SpiSetParams
            | C::ChangeBaudrate
            | C::FlashBegin
            | C::FlashData
            | C::FlashEnd
            | C::GetSecurityInfo
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_is_espefuses_layout() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("efuse.bin");
        let mut img = EfuseImage::blank();
        img.burn(ESP32C3.crypt_cnt, 1);
        img.save(&f, Layout::Espefuse).unwrap();
        let bytes = std::fs::read(&f).unwrap();
        assert_eq!(bytes.len(), IMAGE_LEN);
        // SPI_BOOT_CRYPT_CNT bit 0 is bit 18 of the register at +0x34: byte +0x36, bit 2,
        // stored counted from the end of the file.
        assert_eq!(bytes[IMAGE_LEN - 1 - 0x36], 1 << 2);
        assert_eq!(EfuseImage::load(&f).unwrap(), (img, Layout::Espefuse));
    }

    #[test]
    fn qemus_drive_is_the_read_registers_and_the_rest_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("qemu-efuse.bin");
        let mut raw = vec![0u8; QEMU_IMAGE_LEN];
        // The drive starts at WR_DIS (+0x2C): its byte 8 is the low byte of the register at
        // +0x34.
        raw[0x8] = 0x04;
        raw[QEMU_IMAGE_LEN - 1] = 0xA5;
        std::fs::write(&f, &raw).unwrap();
        let (mut img, layout) = EfuseImage::load(&f).unwrap();
        assert_eq!(layout, Layout::Qemu);
        assert_eq!(img.word(EFUSE_BASE + 0x34), Some(4));
        img.burn(SECURE_DOWNLOAD, 1);
        img.save(&f, layout).unwrap();
        let back = std::fs::read(&f).unwrap();
        assert_eq!(back.len(), QEMU_IMAGE_LEN);
        assert_eq!(back[0x3C - 0x2C], 1 << 5, "ENABLE_SECURITY_DOWNLOAD");
        assert_eq!(back[QEMU_IMAGE_LEN - 1], 0xA5, "the rest is kept");
    }

    #[test]
    fn flash_encryption_burns_a_hidden_key_and_an_odd_counter_once() {
        let mut img = EfuseImage::blank();
        let key: [u8; 32] = std::array::from_fn(|i| i as u8);
        img.burn_flash_encryption(&key).unwrap();
        let again = img;
        img.burn_flash_encryption(&key).unwrap();
        assert_eq!(img, again, "burning the same again changes nothing");
        assert_eq!(img.get(ESP32C3.crypt_cnt), 1);
        assert_eq!(img.purpose(0), PURPOSE_XTS_AES_128_KEY);
        assert_eq!(img.word(KEY_BLOCK0), Some(0), "read-protected");
        let mut stored = key;
        stored.reverse();
        assert_eq!(img.key(0), stored);
        img.burn_secure_boot(&[7; 32]).unwrap();
        assert_eq!(img.purpose(1), PURPOSE_SECURE_BOOT_DIGEST0);
        assert_eq!(
            img.word(KEY_BLOCK0 + 32),
            Some(0x0707_0707),
            "a digest stays readable"
        );
    }
}
