//! Mask ROM entry points (addresses in rom.x).

unsafe extern "C" {
    pub fn ets_delay_us(us: u32);
    pub fn uart_div_modify(uart: u32, div: u32);
    pub fn esp_rom_spiflash_erase_chip() -> i32;
    pub fn esp_rom_spiflash_erase_block(block: u32) -> i32;
    pub fn esp_rom_spiflash_erase_sector(sector: u32) -> i32;
    pub fn esp_rom_spiflash_write(addr: u32, src: *const u32, len: i32) -> i32;
    pub fn esp_rom_spiflash_read(addr: u32, dst: *mut u32, len: i32) -> i32;
    pub fn esp_rom_spiflash_config_param(
        id: u32,
        size: u32,
        block: u32,
        sector: u32,
        page: u32,
        status_mask: u32,
    ) -> i32;
    pub fn esp_rom_spiflash_unlock() -> i32;
    pub fn esp_rom_spiflash_attach(config: u32, legacy: bool);
    pub fn ets_efuse_get_spiconfig() -> u32;
    pub fn Cache_Suspend_ICache() -> u32;
    pub fn Cache_Resume_ICache(autoload: u32);
    pub fn MD5Init(ctx: *mut u32);
    pub fn MD5Update(ctx: *mut u32, data: *const u8, len: u32);
    pub fn MD5Final(digest: *mut u8, ctx: *mut u32);
}
