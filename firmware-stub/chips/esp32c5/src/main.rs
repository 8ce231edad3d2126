//! espflow's flasher stub for the ESP32-C5.
//!
//! Code, data, stack and the interrupt handler all live in HP SRAM; the flash cache is
//! suspended around every SPI1 operation in case a caller left it serving the bus. The UART
//! handler runs through the ROM's interrupt dispatcher, which programs the C5's interrupt
//! matrix and CLIC itself. Beyond its table, the C5 differs only in its ROM's cache calls,
//! which serve its one unified cache.

#![no_std]
#![no_main]

use espflow_stub_chip::hash::RomMd5;
use espflow_stub_chip::run::Chip;

unsafe extern "C" {
    fn Cache_Suspend_Cache() -> u32;
    fn Cache_Resume_Cache(autoload: u32);
}

struct C5;

impl Chip for C5 {
    const FACTS: &'static espflow_chip_facts::ChipFacts = &espflow_chip_facts::ESP32C5;
    type Md5 = RomMd5;

    unsafe fn rom_cache_suspend() -> u32 {
        // SAFETY: the caller pairs it with rom_cache_resume.
        unsafe { Cache_Suspend_Cache() }
    }

    unsafe fn rom_cache_resume(saved: u32) {
        // SAFETY: `saved` comes from rom_cache_suspend.
        unsafe { Cache_Resume_Cache(saved) }
    }
}

espflow_stub_chip::stub_entry!(C5);
