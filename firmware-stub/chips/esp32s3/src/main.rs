//! espflow's flasher stub for the ESP32-S3 (Xtensa LX7, two cores).
//!
//! Code and data live in SRAM1, so nothing of the stub is fetched through the flash
//! cache. The S3 has two caches in front of SPI0, one for instructions and one for data,
//! shared by both cores; each is suspended around every SPI1 operation while it serves.
//! The other core (the APP CPU) must not run meanwhile: download mode holds it in reset,
//! and the stub refuses every flash command unless it still is (or is stalled, or has no
//! clock), as the table's `other_cpu` says. UART0's receive interrupt reaches the stub
//! through the ROM's level-1 dispatcher on the CPU line the ROM routes UART0 to; when the
//! ROM was answering on USB-Serial-JTAG, the stub answers there. USB-OTG (the ROM's own
//! USB stack) is not served.

#![no_std]
#![no_main]

use espflow_stub_chip::hash::RomMd5;
use espflow_stub_chip::line;
use espflow_stub_chip::run::{Chip, START_BAUD};
use espflow_stub_chip::split_cache::{self, IdleState};

/// The ROM's `UartDev.buff_uart_no` when the loader answers on USB-Serial-JTAG (3 is
/// USB-OTG on the S3; esptool's UARTDEV_BUF_NO_USB_JTAG_SERIAL).
const BUF_NO_USB_JTAG_SERIAL: u8 = 4;

/// What may drive UART0's divider in download mode: the 40 MHz crystal or 80 MHz APB,
/// each possibly halved by the UART's own clock divider. The divider the ROM's autobaud
/// found for the host says which.
const UART_CLOCKS_MHZ: &[u32] = &[20, 40, 80];

/// EXTMEM_CACHE_STATE: the ICACHE_STATE and DCACHE_STATE fields read 1 when idle. The S3's
/// ROM returns from its suspend calls before that (ESP-IDF's
/// ESP_ROM_HAS_CACHE_SUSPEND_WAITI_BUG).
const CACHE_STATE: IdleState = IdleState {
    reg: 0x600C_4130,
    icache_shift: 0,
    dcache_shift: 12,
};

unsafe extern "C" {
    fn ets_efuse_get_spiconfig() -> u32;
}

struct S3;

impl Chip for S3 {
    const FACTS: &'static espflow_chip_facts::ChipFacts = &espflow_chip_facts::ESP32S3;
    type Md5 = RomMd5;

    fn rom_used_usb_jtag_serial() -> bool {
        line::rom_buff_uart_no() == BUF_NO_USB_JTAG_SERIAL
    }

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
        split_cache::suspend::<Self>(Some(CACHE_STATE))
    }

    unsafe fn rom_cache_resume(saved: u32) {
        // SAFETY: `saved` comes from cache_suspend, as ChipHal::with_flash pairs them.
        unsafe { split_cache::resume(saved) }
    }
}

espflow_stub_chip::stub_entry!(S3);
