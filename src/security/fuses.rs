//! Where each chip keeps the eFuses that decide its security state: one table per chip.
//! Addresses are those of the eFuse read registers (what READ_REG returns), taken from
//! esptool 5.6's eFuse definitions; the crypt counter comes from the chip's own table in
//! `espflow-chip-facts`, so the two cannot disagree.

use espflow_chip_facts::EfuseField;

use crate::chip::Chip;

/// A key block and the eFuses that say what it is for and who may read or change it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KeyBlockFuses {
    /// The block's name as espefuse prints it (`BLOCK_KEY0`, `BLOCK1`).
    pub name: &'static str,
    /// Its KEY_PURPOSE field, on chips whose key blocks have one.
    pub purpose: Option<EfuseField>,
    /// The fixed purpose of the block on chips without purpose fields (the ESP32).
    pub fixed_purpose: &'static str,
    /// Its bit in RD_DIS: set, the block reads as zeros.
    pub read_protect: EfuseField,
    /// Its bit in WR_DIS: set, the block can no longer be burnt.
    pub write_protect: EfuseField,
    /// The read register of its first word (eight words follow), where espflow reads
    /// the block's contents (a secure boot key digest) on this chip.
    pub data: Option<u32>,
}

/// The security eFuses of one chip.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SecurityFuses {
    /// SPI_BOOT_CRYPT_CNT (FLASH_CRYPT_CNT on the ESP32).
    pub crypt_cnt: EfuseField,
    /// The WR_DIS bit that freezes the crypt counter: set, encryption can no longer be
    /// turned off (one of the conditions of release mode).
    pub crypt_cnt_write_protect: EfuseField,
    /// DIS_DOWNLOAD_MANUAL_ENCRYPT (DISABLE_DL_ENCRYPT on the ESP32): the loader can no
    /// longer write through the encryption hardware.
    pub dis_manual_encrypt: EfuseField,
    /// ABS_DONE_0 on the ESP32: secure boot v1.
    pub secure_boot_v1: Option<EfuseField>,
    /// SECURE_BOOT_EN (ABS_DONE_1 on the ESP32): secure boot v2.
    pub secure_boot_v2: EfuseField,
    /// SECURE_BOOT_AGGRESSIVE_REVOKE.
    pub aggressive_revoke: Option<EfuseField>,
    /// SECURE_BOOT_KEY_REVOKE0..2, one per secure-boot digest slot.
    pub key_revoke: &'static [EfuseField],
    /// ENABLE_SECURITY_DOWNLOAD: the ROM loader runs in Secure Download Mode.
    pub secure_download: Option<EfuseField>,
    /// SOFT_DIS_JTAG: JTAG is off while an odd number of its bits is set (HMAC can
    /// re-enable it).
    pub soft_dis_jtag: Option<EfuseField>,
    /// Bits that turn JTAG off for good (DIS_PAD_JTAG; JTAG_DISABLE on the ESP32).
    pub hard_dis_jtag: EfuseField,
    /// DIS_USB_JTAG, where the chip has USB JTAG.
    pub dis_usb_jtag: Option<EfuseField>,
    /// The key blocks.
    pub key_blocks: &'static [KeyBlockFuses],
    /// The name of each KEY_PURPOSE value.
    pub purposes: &'static [(u32, &'static str)],
}

impl SecurityFuses {
    /// The name of the purpose numbered `value`.
    pub fn purpose_name(&self, value: u32) -> String {
        self.purposes
            .iter()
            .find(|(v, _)| *v == value)
            .map_or_else(|| format!("UNKNOWN ({value})"), |(_, n)| (*n).to_string())
    }
}

/// The security table of `chip`, for the chips whose eFuse layout espflow knows; others
/// report only what GET_SECURITY_INFO says.
pub fn for_chip(chip: Chip) -> Option<&'static SecurityFuses> {
    match chip {
        Chip::Esp32c3 => Some(&ESP32C3),
        Chip::Esp32 => Some(&ESP32),
        _ => None,
    }
}

const C3_BASE: u32 = 0x6000_8800;
/// BLOCK0 word `n` of the C3 (word 0 is WR_DIS).
const fn c3_word(n: u32) -> u32 {
    C3_BASE + 0x2C + 4 * n
}
const fn c3_key(n: u32, name: &'static str, purpose: EfuseField) -> KeyBlockFuses {
    KeyBlockFuses {
        name,
        purpose: Some(purpose),
        fixed_purpose: "",
        read_protect: EfuseField::new(c3_word(1), n, 1),
        write_protect: EfuseField::new(c3_word(0), 23 + n, 1),
        // BLOCK_KEY0's first read register is at 0x9C; each block is 32 bytes.
        data: Some(espflow_chip_facts::ESP32C3.efuse_base + 0x9C + 32 * n),
    }
}

/// The ESP32-C3.
pub const ESP32C3: SecurityFuses = SecurityFuses {
    crypt_cnt: espflow_chip_facts::ESP32C3.crypt_cnt,
    crypt_cnt_write_protect: EfuseField::new(c3_word(0), 4, 1),
    dis_manual_encrypt: EfuseField::new(c3_word(1), 20, 1),
    secure_boot_v1: None,
    secure_boot_v2: EfuseField::new(c3_word(3), 20, 1),
    aggressive_revoke: Some(EfuseField::new(c3_word(3), 21, 1)),
    key_revoke: &[
        EfuseField::new(c3_word(2), 21, 1),
        EfuseField::new(c3_word(2), 22, 1),
        EfuseField::new(c3_word(2), 23, 1),
    ],
    secure_download: Some(EfuseField::new(c3_word(4), 5, 1)),
    soft_dis_jtag: Some(EfuseField::new(c3_word(1), 16, 3)),
    hard_dis_jtag: EfuseField::new(c3_word(1), 19, 1),
    dis_usb_jtag: Some(EfuseField::new(c3_word(1), 9, 1)),
    key_blocks: &[
        c3_key(0, "BLOCK_KEY0", EfuseField::new(c3_word(2), 24, 4)),
        c3_key(1, "BLOCK_KEY1", EfuseField::new(c3_word(2), 28, 4)),
        c3_key(2, "BLOCK_KEY2", EfuseField::new(c3_word(3), 0, 4)),
        c3_key(3, "BLOCK_KEY3", EfuseField::new(c3_word(3), 4, 4)),
        c3_key(4, "BLOCK_KEY4", EfuseField::new(c3_word(3), 8, 4)),
        c3_key(5, "BLOCK_KEY5", EfuseField::new(c3_word(3), 12, 4)),
    ],
    purposes: C3_PURPOSES,
};

/// KEY_PURPOSE values of the C3 (and the chips that share its key scheme).
pub const C3_PURPOSES: &[(u32, &str)] = &[
    (0, "USER"),
    (1, "RESERVED"),
    (4, "XTS_AES_128_KEY"),
    (5, "HMAC_DOWN_ALL"),
    (6, "HMAC_DOWN_JTAG"),
    (7, "HMAC_DOWN_DIGITAL_SIGNATURE"),
    (8, "HMAC_UP"),
    (9, "SECURE_BOOT_DIGEST0"),
    (10, "SECURE_BOOT_DIGEST1"),
    (11, "SECURE_BOOT_DIGEST2"),
];

/// The purpose number of an XTS-AES-128 flash encryption key.
pub const PURPOSE_XTS_AES_128_KEY: u32 = 4;
/// The purpose number of the first secure boot v2 digest slot (the next two follow).
pub const PURPOSE_SECURE_BOOT_DIGEST0: u32 = 9;

const E32: u32 = 0x3FF5_A000;
const fn e32_key(n: u32, name: &'static str, purpose: &'static str) -> KeyBlockFuses {
    KeyBlockFuses {
        name,
        purpose: None,
        fixed_purpose: purpose,
        read_protect: EfuseField::new(E32, 16 + n - 1, 1),
        write_protect: EfuseField::new(E32, 7 + n - 1, 1),
        data: None,
    }
}

/// The ESP32: fixed-purpose key blocks, secure boot v1 or (rev 3) v2, no Secure Download
/// Mode.
pub const ESP32: SecurityFuses = SecurityFuses {
    crypt_cnt: espflow_chip_facts::ESP32.crypt_cnt,
    crypt_cnt_write_protect: EfuseField::new(E32, 2, 1),
    dis_manual_encrypt: EfuseField::new(E32 + 0x18, 7, 1),
    secure_boot_v1: Some(EfuseField::new(E32 + 0x18, 4, 1)),
    secure_boot_v2: EfuseField::new(E32 + 0x18, 5, 1),
    aggressive_revoke: None,
    key_revoke: &[],
    secure_download: None,
    soft_dis_jtag: None,
    hard_dis_jtag: EfuseField::new(E32 + 0x18, 6, 1),
    dis_usb_jtag: None,
    key_blocks: &[
        e32_key(1, "BLOCK1", "FLASH_ENCRYPTION"),
        e32_key(2, "BLOCK2", "SECURE_BOOT"),
        e32_key(3, "BLOCK3", "USER"),
    ],
    purposes: &[],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_c3_table_agrees_with_the_chip_facts() {
        let facts = espflow_chip_facts::ESP32C3.stub.unwrap();
        assert_eq!(ESP32C3.secure_boot_v2, facts.secure_boot);
        let purposes = facts.key_purposes.unwrap();
        for (k, p) in ESP32C3.key_blocks.iter().zip(purposes) {
            assert_eq!(k.purpose, Some(p), "{}", k.name);
        }
        assert_eq!(
            ESP32.secure_boot_v1,
            Some(espflow_chip_facts::ESP32.stub.unwrap().secure_boot)
        );
    }
}
