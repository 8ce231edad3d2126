//! espflow flashes and provisions Espressif chips over a serial line.
//!
//! The library is usable without the command line: bring a [`port::Transport`] (or open
//! one with [`port::open`]), connect a [`session::Session`], and write, read, erase, hash,
//! or work by partition and OTA slot. Each operation takes its options as data and reports
//! progress to a [`progress::Progress`] sink; each failure is an [`Error`] with a stable
//! [`ErrorCode`].
//!
//! - [`session`]: a connected chip and its operations;
//! - [`mod@write`]: the write pipeline (plan, compare, execute, journal, verify);
//! - [`input`]: image and table files, read only once their type and size allow it;
//! - [`loader`]: the serial loader protocol, command by command;
//! - [`chip`], [`stub`]: per-chip facts and espflow's embedded flasher stubs;
//! - [`partition`], [`ota`]: ESP-IDF partition tables and otadata, as pure values;
//! - [`encryption`]: flash encryption on the host, byte for byte as espsecure does it;
//! - [`security`]: a chip's security state from its eFuses, the guard against bricking a
//!   secured device, and every eFuse field by name;
//! - [`virtual_chip`]: a virtual ESP32-C3 to run all of it against without hardware.
//!
//! Building with `--no-default-features` leaves out the command line (clap, indicatif).

#![warn(missing_docs)]

pub mod chip;
pub mod encryption;
pub mod error;
pub mod image;
pub mod input;
pub mod loader;
pub mod numbers;
pub mod ota;
pub mod partition;
pub mod port;
pub mod progress;
pub mod region;
pub mod security;
pub mod session;
pub mod stub;
pub mod virtual_chip;
pub mod write;

pub use error::{Error, ErrorCode, Result};
