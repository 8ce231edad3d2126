//! Flash encryption key files, as espsecure reads them, checked against the keys each chip's
//! eFuses can hold.
//!
//! A key file is the raw key in the order espsecure uses (espefuse reverses it when it burns
//! it, for the hardware; that is no concern of a host that encrypts). Which lengths a chip
//! takes follows the key purposes espefuse offers for it:
//!
//! | chip | bytes | key |
//! |---|---|---|
//! | ESP32 | 32 | AES-256 |
//! | ESP32 | 24 | a 3/4-coding-scheme key, extended to 32 bytes as `key ‖ key[8..16]` |
//! | every other chip | 32 | XTS-AES-128: bytes 0..16 encrypt the data, 16..32 the tweak |
//! | ESP32-S2, S3, P4 | 64 | XTS-AES-256 (`XTS_AES_256_KEY_1`/`_2`): 0..32 data, 32..64 tweak |
//! | ESP32-C2 | 16 | `XTS_AES_128_KEY_DERIVED_FROM_128_EFUSE_BITS`: the XTS-AES-128 key is its SHA-256 |
//!
//! espsecure itself accepts a 16-byte file for any XTS chip and a 64-byte one for any; only
//! the chips named above can hold such keys, so the others refuse them here.

use sha2::{Digest, Sha256};

use super::EncryptionError;
use crate::chip::Chip;

/// A key ready for its chip's scheme.
#[derive(Clone, PartialEq, Eq)]
pub enum FlashKey {
    /// XTS-AES-128: data key then tweak key.
    Xts128([u8; 32]),
    /// XTS-AES-256: data key then tweak key.
    Xts256([u8; 64]),
    /// The ESP32's AES-256 key, before the per-block tweak.
    Esp32([u8; 32]),
}

impl std::fmt::Debug for FlashKey {
    // Never print key bytes.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "FlashKey({})", self.algorithm())
    }
}

impl FlashKey {
    /// The key in `file` (a key file's bytes) for `chip`.
    pub fn for_chip(chip: Chip, file: &[u8]) -> Result<FlashKey, EncryptionError> {
        let refuse = || EncryptionError::KeyLength {
            chip,
            len: file.len(),
            takes: takes(chip),
        };
        let key = match (chip, file.len()) {
            (Chip::Esp32, 32) => FlashKey::Esp32(array(file)),
            (Chip::Esp32, 24) => {
                // What the ESP32 does with a 192-bit key under the 3/4 coding scheme.
                let mut k = [0; 32];
                k[..24].copy_from_slice(file);
                k[24..].copy_from_slice(&file[8..16]);
                FlashKey::Esp32(k)
            }
            (Chip::Esp32, _) => return Err(refuse()),
            (_, 32) => FlashKey::Xts128(array(file)),
            (Chip::Esp32s2 | Chip::Esp32s3 | Chip::Esp32p4, 64) => FlashKey::Xts256(array(file)),
            (Chip::Esp32c2, 16) => FlashKey::Xts128(Sha256::digest(file).into()),
            _ => return Err(refuse()),
        };
        Ok(key)
    }

    /// The algorithm's name.
    pub fn algorithm(&self) -> &'static str {
        match self {
            FlashKey::Xts128(_) => "XTS-AES-128",
            FlashKey::Xts256(_) => "XTS-AES-256",
            FlashKey::Esp32(_) => "AES-256",
        }
    }
}

/// The key lengths `chip` takes, in words for an error message.
fn takes(chip: Chip) -> &'static str {
    match chip {
        Chip::Esp32 => "32 bytes (AES-256), or 24 (a 3/4 coding scheme key)",
        Chip::Esp32s2 | Chip::Esp32s3 | Chip::Esp32p4 => {
            "32 bytes (XTS-AES-128) or 64 (XTS-AES-256)"
        }
        Chip::Esp32c2 => {
            "32 bytes (XTS-AES-128) or 16 (the 128-bit eFuse key the chip extends with SHA-256)"
        }
        Chip::Esp32c3 | Chip::Esp32c5 | Chip::Esp32c6 | Chip::Esp32h2 => "32 bytes (XTS-AES-128)",
    }
}

fn array<const N: usize>(b: &[u8]) -> [u8; N] {
    b.try_into().expect("length matched above")
}
