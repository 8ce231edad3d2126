//! Mask ROM entry points with the same name and signature on every chip served here; each
//! chip's `rom.x` gives the addresses. Chip-specific ones are declared in the chip crates.

use core::ffi::c_void;

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
    pub fn Cache_Suspend_ICache() -> u32;
    pub fn Cache_Resume_ICache(autoload: u32);
    /// The data cache's pair, on chips that have one (the ESP32-S2 and S3).
    pub fn Cache_Suspend_DCache() -> u32;
    pub fn Cache_Resume_DCache(autoload: u32);
    /// Points CPU interrupt line `line` of the ROM's dispatcher at `handler`.
    pub fn ets_isr_attach(line: u32, handler: extern "C" fn(*mut c_void), arg: *mut c_void);
    pub fn ets_isr_unmask(mask: u32);
    /// The ROM's UART state; `buff_uart_no` says which port the loader used.
    pub fn GetUartDevice() -> *const u8;
}
