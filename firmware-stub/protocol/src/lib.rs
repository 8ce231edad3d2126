//! The Espressif serial bootloader protocol, shared byte for byte by the espflow host, the
//! on-chip stub and the virtual chip.
//!
//! Everything here is `no_std` and allocation-free so the stub can use it unchanged.

#![no_std]

pub mod caps;
pub mod checksum;
pub mod command;
pub mod frame;
pub mod message;
pub mod packet;
pub mod slip;
pub mod status;

pub use checksum::checksum;
pub use command::Command;
pub use message::{Md5Digest, Request, SecurityInfo, WireError};
pub use packet::{DataHeader, RequestHeader, ResponseHeader};
pub use slip::{SlipDecoder, SlipError};
pub use status::{RomError, Status, StubError};

/// Flash geometry common to every supported SPI NOR part.
pub mod geometry {
    pub const SECTOR_SIZE: u32 = 0x1000;
    pub const BLOCK_SIZE: u32 = 0x10000;
    pub const PAGE_SIZE: u32 = 0x100;
    /// Largest FLASH_DATA block the ROM loaders accept.
    pub const ROM_WRITE_BLOCK: u32 = 0x400;
    /// Largest FLASH_DATA block a stub accepts.
    pub const STUB_WRITE_BLOCK: u32 = 0x4000;
    /// MEM_DATA block size the ROM accepts for RAM uploads.
    pub const RAM_BLOCK: u32 = 0x1800;
}
