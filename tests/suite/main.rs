//! espflow's integration tests, built as one binary: the `espflow` executable against
//! virtual chips (in-process, served over TCP and on a pseudo-terminal), stock esptool as a
//! client of them, the committed stub images, and ESP-IDF's partition tables. One module per
//! area; `support` holds what they share.

mod support;

mod baud_auto;
mod boards;
mod cli;
mod command_line;
mod config;
mod encrypted_writes;
mod encryption;
mod esp32_rom;
mod espflash_client;
mod exit_status;
mod images;
mod inputs;
mod interop;
mod line_faults;
mod monitor;
mod ota;
mod partitions;
mod personalities;
mod progress;
mod protocol_v2;
mod real_rom;
mod real_rom_efuse;
mod real_rom_esp32;
mod real_rom_esp32_stub;
mod resume;
mod secure_boot;
mod security;
mod stub;
