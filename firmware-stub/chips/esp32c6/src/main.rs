//! espflow's flasher stub for the ESP32-C6.
//!
//! Code, data, stack and the interrupt handler all live in HP SRAM; the flash cache is
//! suspended around every SPI1 operation in case a caller left it serving the bus. The UART
//! handler runs through the ROM's interrupt dispatcher, which programs the C6's interrupt
//! matrix and PLIC itself. Everything else follows the C6's table in espflow-chip-facts.

#![no_std]
#![no_main]

espflow_stub_chip::table_chip!(C6, espflow_chip_facts::ESP32C6);
