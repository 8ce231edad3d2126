//! What the flasher stubs for the ESP32-C2, C6, H2 and C5 share.
//!
//! Their mask ROMs export the same loader API under the same names, so everything that
//! only calls the ROM lives here and each chip crate supplies the addresses (its `rom.x`),
//! its memory layout (`link.x`) and the facts that differ: the cache, the eFuse fields,
//! the UART clock and which port the ROM loader was talking on.

#![no_std]

pub use espflow_stub_core;

mod entry;
pub mod flash;
pub mod hash;
pub mod line;
pub mod reg;
pub mod ring;
pub mod rom;
pub mod run;
pub mod security;
