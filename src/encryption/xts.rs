//! XTS-AES flash encryption (every chip but the ESP32), as espsecure's
//! `_flash_encryption_operation_aes_xts` does it:
//!
//! - flash is cut into 128-byte data units at 128-byte-aligned addresses;
//! - a unit's tweak is its address as a 32-bit little-endian word followed by 12 zero bytes;
//! - the unit's 128 bytes are reversed, put through standard XTS-AES (IEEE 1619, the key's
//!   first half for the data and second half for the tweak), and reversed again.
//!
//! Data that starts or ends inside a unit is processed as if the rest of the unit were
//! zeros, and only its own bytes are kept. XTS treats each 16-byte block of a unit on its
//! own (no ciphertext stealing is needed for whole blocks), so the filling never changes
//! the bytes kept; it is there to put each block at its place in the unit.

use aes::cipher::{BlockCipherDecrypt, BlockCipherEncrypt, BlockSizeUser, KeyInit, consts::U16};
use aes::{Aes128, Aes256};
use xts_mode::{Array, Xts128};

use super::Direction;

/// Bytes in one XTS data unit of the flash encryption.
pub const UNIT: usize = 128;

/// XTS-AES-128 of `data` at flash address `address`, in place: `key[..16]` encrypts the
/// data, `key[16..]` the tweak. The caller has checked that address and length are
/// multiples of 16 and that the region ends within 32 bits.
pub fn apply_128(key: &[u8; 32], address: u32, data: &mut [u8], direction: Direction) {
    let (k1, k2) = key.split_at(16);
    let xts = Xts128::new(
        Aes128::new_from_slice(k1).expect("16 bytes"),
        Aes128::new_from_slice(k2).expect("16 bytes"),
    );
    apply(&xts, address, data, direction);
}

/// XTS-AES-256, as [`apply_128`]: `key[..32]` encrypts the data, `key[32..]` the tweak.
pub fn apply_256(key: &[u8; 64], address: u32, data: &mut [u8], direction: Direction) {
    let (k1, k2) = key.split_at(32);
    let xts = Xts128::new(
        Aes256::new_from_slice(k1).expect("32 bytes"),
        Aes256::new_from_slice(k2).expect("32 bytes"),
    );
    apply(&xts, address, data, direction);
}

/// The tweak of the data unit at `unit_address`.
pub fn tweak(unit_address: u32) -> [u8; 16] {
    let mut t = [0; 16];
    t[..4].copy_from_slice(&unit_address.to_le_bytes());
    t
}

fn apply<C>(xts: &Xts128<C>, address: u32, data: &mut [u8], direction: Direction)
where
    C: BlockSizeUser<BlockSize = U16> + BlockCipherEncrypt + BlockCipherDecrypt,
{
    let start = u64::from(address);
    let end = start + data.len() as u64;
    let mut unit_start = start & !(UNIT as u64 - 1);
    while unit_start < end {
        let unit_end = unit_start + UNIT as u64;
        let (lo, hi) = (start.max(unit_start), end.min(unit_end));
        let in_unit = (lo - unit_start) as usize..(hi - unit_start) as usize;
        let in_data = (lo - start) as usize..(hi - start) as usize;

        let mut unit = [0u8; UNIT];
        unit[in_unit.clone()].copy_from_slice(&data[in_data.clone()]);
        unit.reverse();
        let t = Array::from(tweak(unit_start as u32));
        match direction {
            Direction::Encrypt => xts.encrypt_sector(&mut unit, t),
            Direction::Decrypt => xts.decrypt_sector(&mut unit, t),
        }
        unit.reverse();
        data[in_data].copy_from_slice(&unit[in_unit]);
        unit_start = unit_end;
    }
}
