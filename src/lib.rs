//! espflow: flash and provision Espressif chips over a serial line.
//!
//! The library is what the `espflow` binary is made of: ports, the loader protocol, flash
//! operations, progress reporting and a virtual chip to run all of it without hardware.

pub mod chip;
pub mod cli;
pub mod commands;
pub mod compare;
pub mod flasher;
pub mod journal;
pub mod loader;
pub mod numbers;
pub mod ota;
pub mod ota_ops;
pub mod partition;
pub mod partition_ops;
pub mod plan;
pub mod port;
pub mod progress;
pub mod stub;
pub mod virtual_chip;
