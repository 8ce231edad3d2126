//! What the flasher stubs for the ESP32-C3, C2, C6, H2, C5 and the Xtensa ESP32, S2 and S3
//! share.
//!
//! Their mask ROMs export the same loader API under the same names, so everything that
//! only calls the ROM lives here. Each chip crate supplies the ROM addresses (its `rom.x`),
//! its memory layout (`link.x`), its table in `espflow-chip-facts`, and whatever its ROM
//! does differently (the MD5 API, the cache calls, how UART0's interrupt is delivered).

#![no_std]

pub use espflow_chip_facts;
pub use espflow_stub_core;

mod entry;
pub mod flash;
pub mod hash;
#[cfg(target_arch = "riscv32")]
mod irq;
pub mod line;
pub mod reg;
pub mod ring;
pub mod rom;
pub mod run;
pub mod security;
pub mod split_cache;
