//! Flash encryption as the chips apply it, for images encrypted on the host before they are
//! written to a device whose flash encryption is on (or decrypted after being read from one).
//!
//! The output is byte for byte what espsecure's `encrypt-flash-data` makes (esptool 5.6):
//!
//! - ESP32-S2, S3, C2, C3, C5, C6, H2 and P4 use XTS-AES ([`xts`]): 128-byte data units
//!   at 128-byte-aligned flash addresses, each unit's tweak its address, and the bytes of
//!   each unit reversed before and after the cipher.
//! - The ESP32 uses AES-256 with the key tweaked from the address of each 32-byte block
//!   and the FLASH_CRYPT_CONF eFuse ([`esp32`]), the bytes of each 16-byte block reversed,
//!   and the cipher run backwards (encrypting flash is AES decryption).
//!
//! Key files are checked against what the chip's eFuses can hold ([`key`]). Data must
//! start and end on the boundaries of the blocks the chip encrypts, 16 bytes (32 on the
//! ESP32): a partial block cannot be written encrypted, so an unaligned image is refused
//! rather than padded.

pub mod esp32;
pub mod key;
pub mod xts;

use crate::chip::Chip;

pub use key::FlashKey;

/// How a chip encrypts its flash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    /// XTS-AES over 128-byte data units (every chip but the ESP32).
    Xts,
    /// AES-256 with an address-tweaked key per 32-byte block (the ESP32).
    Esp32,
}

impl Scheme {
    /// The scheme `chip` uses.
    pub fn for_chip(chip: Chip) -> Scheme {
        match chip {
            Chip::Esp32 => Scheme::Esp32,
            _ => Scheme::Xts,
        }
    }

    /// The block the chip encrypts and writes as a whole; addresses and lengths are
    /// multiples of it. esptool pads an image to the same boundary before the chip
    /// encrypts it (`FLASH_ENCRYPTED_WRITE_ALIGN`).
    pub fn block(self) -> u32 {
        match self {
            Scheme::Xts => 16,
            Scheme::Esp32 => 32,
        }
    }

    fn why(self) -> &'static str {
        match self {
            Scheme::Xts => "XTS-AES flash encryption works on 16-byte blocks",
            Scheme::Esp32 => "the ESP32 encrypts flash in 32-byte blocks",
        }
    }

    /// Checks that a region of `len` bytes at `address` can be encrypted as a whole.
    pub fn check_region(self, address: u32, len: usize) -> Result<(), EncryptionError> {
        self.check_address(address)?;
        let block = self.block();
        if len == 0 {
            return Err(EncryptionError::Empty);
        }
        if !(len as u64).is_multiple_of(u64::from(block)) {
            return Err(EncryptionError::UnalignedLength {
                len,
                block,
                why: self.why(),
            });
        }
        if u64::from(address) + len as u64 > 1 << 32 {
            return Err(EncryptionError::PastAddressSpace { address, len });
        }
        Ok(())
    }

    /// Checks the start address alone (known before any file is read).
    pub fn check_address(self, address: u32) -> Result<(), EncryptionError> {
        let block = self.block();
        if !address.is_multiple_of(block) {
            return Err(EncryptionError::UnalignedAddress {
                address,
                block,
                why: self.why(),
            });
        }
        Ok(())
    }
}

/// The FLASH_CRYPT_CONF value espsecure and a factory-fresh ESP32 use: the key is tweaked
/// in all four of its ranges.
pub const DEFAULT_FLASH_CRYPT_CONF: u8 = 0xF;

/// Something that makes encryption impossible, in one line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EncryptionError {
    /// The key file's length is none the chip takes.
    #[error("a {len}-byte key does not fit the {chip}, which takes {takes}")]
    KeyLength {
        /// The chip.
        chip: Chip,
        /// Bytes in the key file.
        len: usize,
        /// The lengths it does take, in words.
        takes: &'static str,
    },
    /// The start address is not on a block boundary.
    #[error("address 0x{address:X} is not a multiple of {block}: {why}")]
    UnalignedAddress {
        /// The address.
        address: u32,
        /// The block size.
        block: u32,
        /// Why the block size matters.
        why: &'static str,
    },
    /// The length is not whole blocks.
    #[error(
        "{len} bytes is not a multiple of {block}: {why}; pad the data to a multiple of {block} bytes"
    )]
    UnalignedLength {
        /// The length.
        len: usize,
        /// The block size.
        block: u32,
        /// Why the block size matters.
        why: &'static str,
    },
    /// There is nothing to encrypt.
    #[error("the data is empty")]
    Empty,
    /// The region does not fit 32-bit flash addresses.
    #[error("{len} bytes at 0x{address:X} reach past the 32-bit flash address space")]
    PastAddressSpace {
        /// The start address.
        address: u32,
        /// The length.
        len: usize,
    },
    /// FLASH_CRYPT_CONF is a 4-bit eFuse.
    #[error("FLASH_CRYPT_CONF 0x{0:X} is not a 4-bit eFuse value (0 to 0xF)")]
    FlashCryptConfRange(u32),
    /// FLASH_CRYPT_CONF given for a chip that has no such eFuse.
    #[error(
        "FLASH_CRYPT_CONF is an ESP32 eFuse; the {0} encrypts flash with XTS-AES, which has none"
    )]
    FlashCryptConfNotApplicable(Chip),
}

impl From<EncryptionError> for crate::Error {
    fn from(e: EncryptionError) -> crate::Error {
        crate::Error::BadInput(e.to_string())
    }
}

/// The FLASH_CRYPT_CONF `chip` encrypts with, given the value asked for (if any): the
/// ESP32 takes a 4-bit value and defaults to [`DEFAULT_FLASH_CRYPT_CONF`]; other chips
/// have no such eFuse and refuse one.
pub fn flash_crypt_conf_for(chip: Chip, asked: Option<u32>) -> Result<u8, EncryptionError> {
    match (Scheme::for_chip(chip), asked) {
        (Scheme::Xts, Some(_)) => Err(EncryptionError::FlashCryptConfNotApplicable(chip)),
        (_, None) => Ok(DEFAULT_FLASH_CRYPT_CONF),
        (Scheme::Esp32, Some(c)) => u8::try_from(c)
            .ok()
            .filter(|c| *c <= 0xF)
            .ok_or(EncryptionError::FlashCryptConfRange(c)),
    }
}

/// Which way data goes through the flash encryption.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Plaintext to what the chip keeps in flash.
    Encrypt,
    /// What was read from encrypted flash back to plaintext.
    Decrypt,
}

/// A chip's flash encryption with one key: everything needed to turn an image into what
/// that chip's flash holds at an address, and back.
#[derive(Clone)]
pub struct FlashEncryption {
    chip: Chip,
    key: FlashKey,
    flash_crypt_conf: u8,
}

impl std::fmt::Debug for FlashEncryption {
    // The key stays out of logs and panic messages.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FlashEncryption")
            .field("chip", &self.chip)
            .field("algorithm", &self.algorithm())
            .field("flash_crypt_conf", &self.flash_crypt_conf)
            .finish_non_exhaustive()
    }
}

impl FlashEncryption {
    /// The encryption of `chip` with the key in `key_file` (its bytes as espsecure reads
    /// them). `flash_crypt_conf` is the ESP32's FLASH_CRYPT_CONF eFuse, 0xF when not
    /// given; other chips have none and refuse one.
    pub fn new(
        chip: Chip,
        key_file: &[u8],
        flash_crypt_conf: Option<u32>,
    ) -> Result<FlashEncryption, EncryptionError> {
        let flash_crypt_conf = flash_crypt_conf_for(chip, flash_crypt_conf)?;
        let key = FlashKey::for_chip(chip, key_file)?;
        Ok(FlashEncryption {
            chip,
            key,
            flash_crypt_conf,
        })
    }

    /// The chip.
    pub fn chip(&self) -> Chip {
        self.chip
    }

    /// The scheme the chip uses.
    pub fn scheme(&self) -> Scheme {
        Scheme::for_chip(self.chip)
    }

    /// The FLASH_CRYPT_CONF in use (meaningful on the ESP32 only).
    pub fn flash_crypt_conf(&self) -> u8 {
        self.flash_crypt_conf
    }

    /// The algorithm's name, for messages: `XTS-AES-128`, `XTS-AES-256`, `AES-256`.
    pub fn algorithm(&self) -> &'static str {
        self.key.algorithm()
    }

    /// Encrypts `data`, to be written at flash address `address`, in place.
    pub fn encrypt(&self, address: u32, data: &mut [u8]) -> Result<(), EncryptionError> {
        self.apply(address, data, Direction::Encrypt)
    }

    /// Decrypts `data`, read from flash address `address`, in place.
    pub fn decrypt(&self, address: u32, data: &mut [u8]) -> Result<(), EncryptionError> {
        self.apply(address, data, Direction::Decrypt)
    }

    /// Encrypts or decrypts `data` at `address` in place; the region is checked first and
    /// `data` is untouched when it is refused.
    pub fn apply(
        &self,
        address: u32,
        data: &mut [u8],
        direction: Direction,
    ) -> Result<(), EncryptionError> {
        self.scheme().check_region(address, data.len())?;
        match &self.key {
            FlashKey::Xts128(k) => xts::apply_128(k, address, data, direction),
            FlashKey::Xts256(k) => xts::apply_256(k, address, data, direction),
            FlashKey::Esp32(k) => esp32::apply(k, self.flash_crypt_conf, address, data, direction),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
