//! What a chip's security eFuses say: flash encryption (and whether it can still be turned
//! off), secure boot, Secure Download Mode, JTAG and the key blocks; the guard that keeps a
//! write from bricking a secured device; and the chip's eFuse fields by name.
//!
//! The state comes from GET_SECURITY_INFO where the ROM has it, and from reading the eFuse
//! registers where the chip's table is known ([`fuses`]) and the loader allows reads (not in
//! Secure Download Mode, where only what GET_SECURITY_INFO reports is known).

pub mod fuses;
pub mod guard;
pub mod summary;

use espflow_protocol::SecurityInfo;

use crate::chip::Chip;
use fuses::SecurityFuses;

/// How flash encryption is set up, as ESP-IDF names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EncryptionMode {
    /// The counter can still be burnt (encryption turned off again) or the loader may
    /// still write through the encryption hardware.
    Development,
    /// The counter is frozen (write-protected or all bits burnt) and the loader's manual
    /// encryption is disabled: encryption stays on for good.
    Release,
}

/// A key block and what it is for.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct KeyBlock {
    /// The block as espefuse names it (`BLOCK_KEY0`).
    pub name: String,
    /// Its purpose (`XTS_AES_128_KEY`, `SECURE_BOOT_DIGEST0`, `USER`).
    pub purpose: String,
    /// Reads as zeros (RD_DIS); `None` where the eFuses cannot be read.
    pub read_protected: Option<bool>,
    /// Can no longer be burnt (WR_DIS); `None` where the eFuses cannot be read.
    pub write_protected: Option<bool>,
    /// For a secure boot digest: revoked (SECURE_BOOT_KEY_REVOKEn).
    pub revoked: Option<bool>,
    /// For a secure boot digest that could be read: the SHA-256 of the public key the
    /// bootloader accepts, in hex.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
}

/// A chip's security state.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct SecurityState {
    /// An odd number of bits is set in the crypt counter.
    pub flash_encryption: bool,
    /// The crypt counter (SPI_BOOT_CRYPT_CNT, FLASH_CRYPT_CNT on the ESP32).
    pub flash_crypt_cnt: u8,
    /// Development or release, while encryption is on and the eFuses could be read.
    pub flash_encryption_mode: Option<EncryptionMode>,
    /// Secure boot is enabled.
    pub secure_boot: bool,
    /// Which secure boot: 1 (ESP32 only, the key in eFuse) or 2 (signed images).
    pub secure_boot_version: Option<u8>,
    /// The ROM loader is in Secure Download Mode (only a few commands allowed).
    pub secure_download: bool,
    /// DIS_DOWNLOAD_MANUAL_ENCRYPT: the loader cannot write through the encryption
    /// hardware; `None` where unknown.
    pub dis_download_manual_encrypt: Option<bool>,
    /// JTAG is disabled for good (pad JTAG burnt off).
    pub jtag_hard_disabled: Option<bool>,
    /// JTAG is disabled in the soft way (re-enabled through HMAC).
    pub jtag_soft_disabled: Option<bool>,
    /// USB JTAG is disabled, on chips that have it.
    pub usb_jtag_disabled: Option<bool>,
    /// The key blocks and their purposes.
    pub key_blocks: Vec<KeyBlock>,
    /// Where this came from: `efuse` (the registers were read), `security-info` (only
    /// GET_SECURITY_INFO) or `efuse+security-info`.
    pub source: &'static str,
}

impl SecurityState {
    /// Whether a secure-boot digest slot is present and not revoked.
    pub fn active_digests(&self) -> usize {
        self.key_blocks
            .iter()
            .filter(|k| k.purpose.starts_with("SECURE_BOOT_DIGEST") && k.revoked != Some(true))
            .count()
    }
}

/// Works out the state of `chip` from what GET_SECURITY_INFO said (`info`) and, where
/// `read` is given, the chip's eFuse registers read through it. Returns `None` when there
/// is nothing to go on (a chip without GET_SECURITY_INFO whose eFuses cannot be read).
pub fn state<E>(
    chip: Chip,
    info: Option<SecurityInfo>,
    read: Option<&mut dyn FnMut(u32) -> Result<u32, E>>,
) -> Result<Option<SecurityState>, E> {
    let table = fuses::for_chip(chip);
    match (table, read) {
        (Some(t), Some(read)) => from_efuses(t, info, read).map(Some),
        _ => Ok(info.map(|i| from_info(chip, &i))),
    }
}

fn odd(v: u32) -> bool {
    v.count_ones() % 2 == 1
}

/// What GET_SECURITY_INFO alone says.
fn from_info(chip: Chip, i: &SecurityInfo) -> SecurityState {
    let table = fuses::for_chip(chip);
    let flag = |bit: u32| i.flags & bit != 0;
    let key_blocks = table
        .map(|t| {
            t.key_blocks
                .iter()
                .zip(i.key_purposes)
                .map(|(k, p)| {
                    key_block(t, k, p as u32, None, None, &|slot| {
                        [
                            SecurityInfo::SECURE_BOOT_KEY_REVOKE0,
                            SecurityInfo::SECURE_BOOT_KEY_REVOKE1,
                            SecurityInfo::SECURE_BOOT_KEY_REVOKE2,
                        ]
                        .get(slot)
                        .map(|b| flag(*b))
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    SecurityState {
        flash_encryption: i.flash_encryption(),
        flash_crypt_cnt: i.flash_crypt_cnt,
        flash_encryption_mode: None,
        secure_boot: i.secure_boot(),
        secure_boot_version: i.secure_boot().then_some(2),
        secure_download: i.secure_download(),
        dis_download_manual_encrypt: None,
        jtag_hard_disabled: Some(flag(SecurityInfo::HARD_DIS_JTAG)),
        jtag_soft_disabled: Some(flag(SecurityInfo::SOFT_DIS_JTAG)),
        usb_jtag_disabled: None,
        key_blocks,
        source: "security-info",
    }
}

fn key_block(
    t: &SecurityFuses,
    k: &fuses::KeyBlockFuses,
    purpose: u32,
    read_protected: Option<bool>,
    write_protected: Option<bool>,
    revoked: &dyn Fn(usize) -> Option<bool>,
) -> KeyBlock {
    let name = match k.purpose {
        Some(_) => t.purpose_name(purpose),
        None => k.fixed_purpose.to_string(),
    };
    let digest_slot = purpose.checked_sub(fuses::PURPOSE_SECURE_BOOT_DIGEST0);
    let revoked = match (k.purpose, digest_slot) {
        (Some(_), Some(slot)) if slot < 3 => revoked(slot as usize),
        _ => None,
    };
    KeyBlock {
        name: k.name.to_string(),
        purpose: name,
        read_protected,
        write_protected,
        revoked,
        digest: None,
    }
}

fn from_efuses<E>(
    t: &SecurityFuses,
    info: Option<SecurityInfo>,
    read: &mut dyn FnMut(u32) -> Result<u32, E>,
) -> Result<SecurityState, E> {
    // Each word once: on the ROM loader every read is a round trip.
    let mut words: Vec<(u32, u32)> = Vec::new();
    let mut get = |f: espflow_chip_facts::EfuseField| -> Result<u32, E> {
        if let Some((_, w)) = words.iter().find(|(a, _)| *a == f.addr) {
            return Ok(f.extract(*w));
        }
        let w = read(f.addr)?;
        words.push((f.addr, w));
        Ok(f.extract(w))
    };
    let cnt = get(t.crypt_cnt)?;
    let enc = odd(cnt);
    let frozen =
        get(t.crypt_cnt_write_protect)? == 1 || cnt == t.crypt_cnt.mask() >> t.crypt_cnt.shift;
    let manual_off = get(t.dis_manual_encrypt)? == 1;
    let v1 = match t.secure_boot_v1 {
        Some(f) => get(f)? == 1,
        None => false,
    };
    let v2 = get(t.secure_boot_v2)? == 1;
    let sdm = match t.secure_download {
        Some(f) => get(f)? == 1,
        None => false,
    };
    let soft_jtag = match t.soft_dis_jtag {
        Some(f) => Some(odd(get(f)?)),
        None => None,
    };
    let hard_jtag = get(t.hard_dis_jtag)? == 1;
    let usb_jtag = match t.dis_usb_jtag {
        Some(f) => Some(get(f)? == 1),
        None => None,
    };
    let mut revoked = Vec::new();
    for f in t.key_revoke {
        revoked.push(get(*f)? == 1);
    }
    let mut key_blocks = Vec::new();
    for k in t.key_blocks {
        let purpose = match k.purpose {
            Some(f) => get(f)?,
            None => 0,
        };
        let rp = get(k.read_protect)? == 1;
        let wp = get(k.write_protect)? == 1;
        let mut block = key_block(t, k, purpose, Some(rp), Some(wp), &|slot| {
            revoked.get(slot).copied()
        });
        let is_digest = (fuses::PURPOSE_SECURE_BOOT_DIGEST0
            ..fuses::PURPOSE_SECURE_BOOT_DIGEST0 + 3)
            .contains(&purpose);
        if let (true, false, Some(at)) = (is_digest && k.purpose.is_some(), rp, k.data) {
            let mut bytes = Vec::with_capacity(32);
            for i in 0..8 {
                let word = espflow_chip_facts::EfuseField::new(at + 4 * i, 0, 32);
                bytes.extend_from_slice(&get(word)?.to_le_bytes());
            }
            block.digest = Some(crate::numbers::hex(&bytes));
        }
        key_blocks.push(block);
    }
    Ok(SecurityState {
        flash_encryption: enc,
        flash_crypt_cnt: cnt as u8,
        flash_encryption_mode: enc.then_some(if frozen && manual_off {
            EncryptionMode::Release
        } else {
            EncryptionMode::Development
        }),
        secure_boot: v1 || v2,
        secure_boot_version: if v2 {
            Some(2)
        } else if v1 {
            Some(1)
        } else {
            None
        },
        // The ROM's own word wins where it has one: it is what the loader enforces.
        secure_download: info.map_or(sdm, |i| i.secure_download() || sdm),
        dis_download_manual_encrypt: Some(manual_off),
        jtag_hard_disabled: Some(hard_jtag),
        jtag_soft_disabled: soft_jtag,
        usb_jtag_disabled: usb_jtag,
        key_blocks,
        source: if info.is_some() {
            "efuse+security-info"
        } else {
            "efuse"
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c3(words: &[(u32, u32)]) -> SecurityState {
        let mut read = |a: u32| -> Result<u32, ()> {
            Ok(words.iter().find(|(w, _)| *w == a).map_or(0, |(_, v)| *v))
        };
        state(Chip::Esp32c3, None, Some(&mut read))
            .unwrap()
            .unwrap()
    }

    #[test]
    fn a_blank_c3_is_open() {
        let s = c3(&[]);
        assert!(!s.flash_encryption && !s.secure_boot && !s.secure_download);
        assert_eq!(s.flash_encryption_mode, None);
        assert_eq!(s.key_blocks.len(), 6);
        assert!(s.key_blocks.iter().all(|k| k.purpose == "USER"));
    }

    #[test]
    fn c3_encryption_is_development_until_the_counter_is_frozen() {
        // SPI_BOOT_CRYPT_CNT = 1, KEY_PURPOSE_0 = XTS_AES_128_KEY, BLOCK_KEY0 read-protected.
        let base = 0x6000_8800;
        let dev = c3(&[(base + 0x34, (1 << 18) | (4 << 24)), (base + 0x30, 1)]);
        assert!(dev.flash_encryption);
        assert_eq!(dev.flash_encryption_mode, Some(EncryptionMode::Development));
        assert_eq!(dev.key_blocks[0].purpose, "XTS_AES_128_KEY");
        assert_eq!(dev.key_blocks[0].read_protected, Some(true));
        // Counter write-protected (WR_DIS bit 4) and DIS_DOWNLOAD_MANUAL_ENCRYPT burnt.
        let rel = c3(&[
            (base + 0x34, 1 << 18),
            (base + 0x2C, 1 << 4),
            (base + 0x30, 1 << 20),
        ]);
        assert_eq!(rel.flash_encryption_mode, Some(EncryptionMode::Release));
        // Two bits set: encryption was turned off again.
        let off = c3(&[(base + 0x34, 3 << 18)]);
        assert!(!off.flash_encryption);
    }

    #[test]
    fn c3_secure_boot_digests_and_revocation() {
        let base = 0x6000_8800;
        // KEY_PURPOSE_1 = SECURE_BOOT_DIGEST0 (9) with REVOKE0, KEY_PURPOSE_2 = DIGEST1.
        let s = c3(&[
            (base + 0x34, (9 << 28) | (1 << 21)),
            (base + 0x38, (1 << 20) | 10),
        ]);
        assert!(s.secure_boot);
        assert_eq!(s.secure_boot_version, Some(2));
        assert_eq!(s.key_blocks[1].revoked, Some(true));
        assert_eq!(s.key_blocks[2].revoked, Some(false));
        assert_eq!(s.active_digests(), 1);
    }

    #[test]
    fn in_secure_download_mode_only_the_rom_answer_counts() {
        let info = SecurityInfo {
            flags: SecurityInfo::SECURE_DOWNLOAD_ENABLE | SecurityInfo::SECURE_BOOT_EN,
            flash_crypt_cnt: 1,
            key_purposes: [4, 0, 0, 0, 0, 0, 0],
            chip_id: Some(5),
            eco_version: Some(3),
        };
        let s = state::<()>(Chip::Esp32c3, Some(info), None)
            .unwrap()
            .unwrap();
        assert!(s.secure_download && s.flash_encryption && s.secure_boot);
        assert_eq!(s.key_blocks[0].purpose, "XTS_AES_128_KEY");
        assert_eq!(s.key_blocks[0].read_protected, None);
        assert_eq!(s.source, "security-info");
    }

    #[test]
    fn esp32_secure_boot_v1_and_fixed_key_blocks() {
        let mut read = |a: u32| -> Result<u32, ()> {
            Ok(match a {
                0x3FF5_A000 => (1 << 20) | (1 << 16),
                0x3FF5_A018 => 1 << 4,
                _ => 0,
            })
        };
        let s = state(Chip::Esp32, None, Some(&mut read)).unwrap().unwrap();
        assert!(s.flash_encryption && s.secure_boot);
        assert_eq!(s.secure_boot_version, Some(1));
        assert_eq!(s.key_blocks[0].name, "BLOCK1");
        assert_eq!(s.key_blocks[0].read_protected, Some(true));
    }
}
