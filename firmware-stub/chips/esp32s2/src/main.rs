//! espflow's flasher stub for the ESP32-S2 (Xtensa LX7, one core).
//!
//! Code and data live in SRAM1, so nothing of the stub is fetched through the flash
//! cache. The S2 has two caches in front of SPI0, one for instructions and one for data;
//! each is suspended around every SPI1 operation while it serves, through the ROM's
//! `Cache_Suspend_*Cache`. UART0's receive interrupt reaches the stub through the ROM's
//! level-1 dispatcher on the CPU line the ROM routes UART0 to. Only UART0 is served: the
//! S2's native USB is OTG, driven by the ROM's own USB stack, which the stub does not use.

#![no_std]
#![no_main]

use espflow_stub_chip::hash::RomMd5;
use espflow_stub_chip::line;
use espflow_stub_chip::run::{Chip, START_BAUD};
use espflow_stub_chip::split_cache;

/// What may drive UART0's divider in download mode: APB at the 40 MHz crystal, or at
/// 80 MHz from the PLL. The divider the ROM's autobaud found for the host says which.
const UART_CLOCKS_MHZ: &[u32] = &[40, 80];

unsafe extern "C" {
    fn ets_efuse_get_spiconfig() -> u32;
}

struct S2;

impl Chip for S2 {
    const FACTS: &'static espflow_chip_facts::ChipFacts = &espflow_chip_facts::ESP32S2;
    type Md5 = RomMd5;

    fn uart_clock() -> u32 {
        line::measured_uart_clock::<Self>(START_BAUD, UART_CLOCKS_MHZ)
    }

    fn spi_config(config: u32) -> u32 {
        if config != 0 {
            return config;
        }
        // SAFETY: ROM call without arguments; it reads the eFuse pin configuration
        // (0 for the default pins).
        unsafe { ets_efuse_get_spiconfig() }
    }

    fn cache_suspend() -> Option<u32> {
        // The S2's ROM waits for each cache to go idle itself.
        split_cache::suspend::<Self>(None)
    }

    unsafe fn rom_cache_resume(saved: u32) {
        // SAFETY: `saved` comes from cache_suspend, as ChipHal::with_flash pairs them.
        unsafe { split_cache::resume(saved) }
    }
}

espflow_stub_chip::stub_entry!(S2);
