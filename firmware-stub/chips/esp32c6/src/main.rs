//! espflow's flasher stub for the ESP32-C6.
//!
//! Code, data, stack and the interrupt handler all live in HP SRAM; the flash cache is
//! suspended around every SPI1 operation in case a caller left it serving the bus. The UART
//! handler runs through the ROM's interrupt dispatcher, which programs the C6's interrupt
//! matrix and PLIC itself.

#![no_std]
#![no_main]

mod chip;

use espflow_stub_chip::line::{self, Line};

espflow_stub_chip::stub_entry!(chip::C6, |isr| {
    let usb = line::rom_used_usb_jtag_serial().then_some(chip::USB_SERIAL_JTAG);
    Line::take_over(usb, chip::UART_CLOCK, isr)
});
