//! espflow's flasher stub for the ESP32-C2.
//!
//! Code, data, stack and the interrupt handler all live in SRAM1; the ICache is suspended
//! around every SPI1 operation in case a caller left it on. The C2 has no USB-Serial-JTAG
//! port, so the host is always on UART0, whose handler runs through the ROM's interrupt
//! dispatcher.

#![no_std]
#![no_main]

mod chip;

use espflow_stub_chip::line::Line;

espflow_stub_chip::stub_entry!(chip::C2, |isr| {
    let usb = None;
    Line::take_over(usb, chip::uart_clock(), isr)
});
