//! espflow's flasher stub for the ESP32-C3.
//!
//! Everything runs from IRAM/DRAM: nothing is fetched through the flash cache, and the
//! cache is also suspended around every SPI1 operation in case a caller left it on. Bytes
//! from the host keep arriving during long erases: on UART0 an interrupt handler moves them
//! into a ring; the USB-Serial-JTAG endpoint holds the host off by itself while the stub is
//! busy. Beyond its table the C3 differs from its siblings in five ways: UART0's interrupt
//! comes through the stub's own vector table, the ROM's UART state is read at its measured
//! address, the SPI pins come from the ROM's eFuse call, sector digests run on its SHA
//! engine, and encrypted writes go through the ROM's manual-encryption functions.

#![no_std]
#![no_main]

mod sha;

use espflow_stub_chip::hash::{RomMd5, Sha256Engine};
use espflow_stub_chip::line::BUF_NO_USB_JTAG_SERIAL;
use espflow_stub_chip::reg;
use espflow_stub_chip::run::{Chip, UartIrq};

/// The ROM's `UartDev.buff_uart_no`, which says the port the loader was reached on.
const UARTDEV_BUF_NO: u32 = 0x3FCD_F07C;

unsafe extern "C" {
    fn ets_efuse_get_spiconfig() -> u32;
    fn esp_rom_spiflash_write_encrypted_enable();
    fn esp_rom_spiflash_write_encrypted(addr: u32, src: *const u32, len: u32) -> i32;
    fn esp_rom_spiflash_write_encrypted_disable();
}

struct C3;

impl Chip for C3 {
    const FACTS: &'static espflow_chip_facts::ChipFacts = &espflow_chip_facts::ESP32C3;
    const UART_IRQ: UartIrq = UartIrq::Vectored;
    type Md5 = RomMd5;
    const SHA256_ENGINE: Option<Sha256Engine> = Some(sha::ENGINE);

    fn rom_used_usb_jtag_serial() -> bool {
        reg::read(UARTDEV_BUF_NO) == u32::from(BUF_NO_USB_JTAG_SERIAL)
    }

    unsafe fn rom_write_encrypted(addr: u32, src: *const u32, len: u32) -> i32 {
        // The engine is switched on around each call only: while it is on, SPI1 writes
        // go through it, and nothing else of the stub's may.
        // SAFETY: ROM calls; the caller vouches for `src` and `len`.
        unsafe {
            esp_rom_spiflash_write_encrypted_enable();
            let r = esp_rom_spiflash_write_encrypted(addr, src, len);
            esp_rom_spiflash_write_encrypted_disable();
            r
        }
    }

    fn spi_config(config: u32) -> u32 {
        if config != 0 {
            return config;
        }
        // SAFETY: ROM call without arguments; it reads the eFuse pin configuration.
        unsafe { ets_efuse_get_spiconfig() }
    }
}

espflow_stub_chip::stub_entry!(C3);
