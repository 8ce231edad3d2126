//! espflow's flasher stub for the ESP32-H2: the C6's stub with the H2's table (its RAM
//! ends lower, its crystal is 32 MHz, its revision field is narrower).

#![no_std]
#![no_main]

espflow_stub_chip::table_chip!(H2, espflow_chip_facts::ESP32H2);
