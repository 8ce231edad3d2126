//! espflow's flasher stub for the ESP32 (Xtensa LX6, two cores).
//!
//! Code runs from SRAM0's instruction window and data lives in SRAM2, so nothing of the
//! stub is fetched through the flash cache; the PRO CPU's cache is still switched off
//! before the first SPI1 operation, in case a caller left it on, and left off. The APP CPU has a cache of its
//! own, which this CPU cannot suspend: download mode holds that CPU in reset, and the stub
//! refuses every flash command unless it still is (or is stalled, or has no clock), as
//! the table's `other_cpu` says.
//! UART0's receive interrupt reaches the stub through the ROM's level-1 dispatcher, on
//! the CPU line the ROM routes UART0 to.

#![no_std]
#![no_main]

mod sha;

use espflow_stub_chip::hash::{RomMd5, Sha256Engine};
use espflow_stub_chip::reg;
use espflow_stub_chip::run::Chip;

/// DPORT_PRO_CACHE_CTRL: bit 3 enables the PRO CPU's flash cache.
const PRO_CACHE_CTRL: u32 = 0x3FF0_0040;
const CACHE_ENABLE: u32 = 1 << 3;

unsafe extern "C" {
    fn ets_efuse_get_spiconfig() -> u32;
    fn Cache_Read_Disable(cpu: u32);
    fn Cache_Read_Enable(cpu: u32);
    fn Cache_Flush(cpu: u32);
}

struct Esp32;

impl Chip for Esp32 {
    const FACTS: &'static espflow_chip_facts::ChipFacts = &espflow_chip_facts::ESP32;
    type Md5 = RomMd5;
    const SHA256_ENGINE: Option<Sha256Engine> = Some(sha::ENGINE);

    fn spi_config(config: u32) -> u32 {
        if config != 0 {
            return config;
        }
        // SAFETY: ROM call without arguments; it reads the eFuse pin configuration
        // (0 for the default pins).
        unsafe { ets_efuse_get_spiconfig() }
    }

    fn cache_suspend() -> Option<u32> {
        // The PRO CPU's cache is switched off at the first SPI1 operation and stays off for
        // the rest of the stub's life: nothing of the stub or of the ROM code it calls is
        // fetched through it, and whoever turns it on again (the bootloader, after the
        // reset that ends a session) flushes it first. Turning it back on after every
        // operation, with the flush that must come first, is what cost the emulated ESP32
        // 25 ms a sector: the emulator refills every mapped page from the flash file on a
        // flush.
        if reg::read(PRO_CACHE_CTRL) & CACHE_ENABLE != 0 {
            // SAFETY: the PRO CPU's cache, which this code does not run from.
            unsafe { Self::rom_cache_suspend() };
        }
        None
    }

    unsafe fn rom_cache_suspend() -> u32 {
        // SAFETY: the PRO CPU's cache, which this code does not run from.
        unsafe { Cache_Read_Disable(0) };
        0
    }

    unsafe fn rom_cache_resume(_: u32) {
        // What was programmed may be cached stale; flush before the cache serves again.
        // SAFETY: as above.
        unsafe {
            Cache_Flush(0);
            Cache_Read_Enable(0);
        }
    }
}

espflow_stub_chip::stub_entry!(Esp32);
