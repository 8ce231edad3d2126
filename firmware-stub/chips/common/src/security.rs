//! The GET_SECURITY_INFO answer of these chips, from their eFuse fields.

pub struct SecurityInfo {
    pub secure_boot: bool,
    /// SPI_BOOT_CRYPT_CNT: flash encryption is on when an odd number of bits is set.
    pub crypt_cnt: u8,
    /// KEY_PURPOSE_0..5; chips without purpose fields leave them 0.
    pub key_purposes: [u8; 6],
    pub chip_id: u32,
    /// major * 100 + minor, as esptool computes the chip revision.
    pub eco: u32,
}

impl SecurityInfo {
    /// The answer as the protocol defines it; these chips have no seventh key purpose.
    pub fn to_bytes(&self) -> [u8; 20] {
        let k = self.key_purposes;
        espflow_protocol::SecurityInfo {
            flags: if self.secure_boot {
                espflow_protocol::SecurityInfo::SECURE_BOOT_EN
            } else {
                0
            },
            flash_crypt_cnt: self.crypt_cnt,
            key_purposes: [k[0], k[1], k[2], k[3], k[4], k[5], 0],
            chip_id: Some(self.chip_id),
            eco_version: Some(self.eco),
        }
        .to_bytes()
    }
}
