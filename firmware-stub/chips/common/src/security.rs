//! The GET_SECURITY_INFO payload, laid out as the ROM loaders of these chips send it.

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
    pub fn to_bytes(&self) -> [u8; 20] {
        let mut p = [0u8; 20];
        p[..4].copy_from_slice(&u32::from(self.secure_boot).to_le_bytes());
        p[4] = self.crypt_cnt;
        p[5..11].copy_from_slice(&self.key_purposes);
        p[12..16].copy_from_slice(&self.chip_id.to_le_bytes());
        p[16..20].copy_from_slice(&self.eco.to_le_bytes());
        p
    }
}
