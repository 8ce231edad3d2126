//! The ESP32's flash encryption, as espsecure's `_flash_encryption_operation_esp32` does it.
//!
//! Each 32-byte block of flash has its own AES-256 key: the eFuse key, read as a 256-bit
//! big-endian number, XORed with a tweak made from the block's number (its address over
//! 32) and limited to the key ranges the FLASH_CRYPT_CONF eFuse selects:
//!
//! ```text
//! n      = address >> 5
//! tweak  = ((MUL1 * n) | ((MUL2 * n) & MUL2_MASK)) & range(FLASH_CRYPT_CONF)
//! key'   = key ^ tweak            (products taken mod 2^256)
//! ```
//!
//! Each 16-byte block is reversed, put through AES-256 with `key'`, and reversed again.
//! The ESP32 runs AES backwards for flash: encrypting for flash is the AES *decryption*
//! primitive, and reading flash back is AES encryption.

use aes::Aes256;
use aes::cipher::{Array, BlockCipherDecrypt, BlockCipherEncrypt, KeyInit};

use super::Direction;

/// A 256-bit number, least significant 64-bit limb first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct U256([u64; 4]);

impl U256 {
    fn from_be_bytes(b: &[u8; 32]) -> U256 {
        let mut limbs = [0; 4];
        for (i, l) in limbs.iter_mut().enumerate() {
            let at = 32 - 8 * (i + 1);
            *l = u64::from_be_bytes(b[at..at + 8].try_into().expect("8 bytes"));
        }
        U256(limbs)
    }

    fn to_be_bytes(self) -> [u8; 32] {
        let mut b = [0; 32];
        for (i, l) in self.0.iter().enumerate() {
            let at = 32 - 8 * (i + 1);
            b[at..at + 8].copy_from_slice(&l.to_be_bytes());
        }
        b
    }

    /// `self * m` mod 2^256.
    fn wrapping_mul(self, m: u64) -> U256 {
        let mut out = [0; 4];
        let mut carry = 0u128;
        for (o, l) in out.iter_mut().zip(self.0) {
            let p = u128::from(l) * u128::from(m) + carry;
            *o = p as u64;
            carry = p >> 64;
        }
        U256(out)
    }

    fn zip(self, other: U256, f: impl Fn(u64, u64) -> u64) -> U256 {
        let mut out = self.0;
        for (o, b) in out.iter_mut().zip(other.0) {
            *o = f(*o, b);
        }
        U256(out)
    }
}

// espsecure's constants (`mul1`, `mul2`, `mul2_mask`), least significant limb first.
const MUL1: U256 = U256([
    0x0000_0400_0080_0010,
    0x0000_0200_0040_0008,
    0x0000_0400_0080_0010,
    0x0000_2000_0400_0080,
]);
const MUL2: U256 = U256([
    0x2000_0000_0000_0001,
    0x1000_0000_0000_0000,
    0x2000_0000_0000_0000,
    0x0000_0000_0000_0000,
]);
const MUL2_MASK: U256 = U256([
    0xE000_0000_0000_000F,
    0xF000_0000_0000_0007,
    0xE000_0000_0000_000F,
    0x0000_0000_0000_007F,
]);

/// The key bits each FLASH_CRYPT_CONF bit (0 to 3) lets the tweak change; together they
/// cover the whole key.
const RANGES: [U256; 4] = [
    U256([0, 0, 0xE000_0000_0000_0000, 0xFFFF_FFFF_FFFF_FFFF]),
    U256([0, 0xF000_0000_0000_0000, 0x1FFF_FFFF_FFFF_FFFF, 0]),
    U256([0xE000_0000_0000_0000, 0x0FFF_FFFF_FFFF_FFFF, 0, 0]),
    U256([0x1FFF_FFFF_FFFF_FFFF, 0, 0, 0]),
];

fn tweak_range(flash_crypt_conf: u8) -> U256 {
    RANGES
        .iter()
        .enumerate()
        .filter(|(bit, _)| flash_crypt_conf & (1 << bit) != 0)
        .fold(U256([0; 4]), |acc, (_, r)| acc.zip(*r, |a, b| a | b))
}

/// The AES-256 key of the 32-byte block that holds flash address `address`.
pub fn block_key(key: &[u8; 32], flash_crypt_conf: u8, address: u32) -> [u8; 32] {
    let n = u64::from(address >> 5);
    let low = MUL2.wrapping_mul(n).zip(MUL2_MASK, |a, b| a & b);
    let tweak = MUL1
        .wrapping_mul(n)
        .zip(low, |a, b| a | b)
        .zip(tweak_range(flash_crypt_conf), |a, b| a & b);
    U256::from_be_bytes(key)
        .zip(tweak, |a, b| a ^ b)
        .to_be_bytes()
}

/// Encrypts or decrypts `data` at flash address `address` in place. The caller has checked
/// that both are multiples of 16 and that the region ends within 32 bits.
pub fn apply(key: &[u8; 32], flash_crypt_conf: u8, address: u32, data: &mut [u8], d: Direction) {
    let mut current: Option<(u32, Aes256)> = None;
    for (i, block) in data.chunks_exact_mut(16).enumerate() {
        let at = address + 16 * i as u32;
        let number = at >> 5;
        let aes = match &current {
            Some((n, aes)) if *n == number => aes,
            _ => {
                let k = block_key(key, flash_crypt_conf, at);
                &current
                    .insert((number, Aes256::new_from_slice(&k).expect("32 bytes")))
                    .1
            }
        };
        block.reverse();
        let b = Array::slice_as_mut_array(block).expect("16 bytes");
        match d {
            Direction::Encrypt => aes.decrypt_block(b),
            Direction::Decrypt => aes.encrypt_block(b),
        }
        block.reverse();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_through_big_endian_bytes() {
        let b: [u8; 32] = std::array::from_fn(|i| i as u8);
        let n = U256::from_be_bytes(&b);
        assert_eq!(n.0[0], 0x18191A1B_1C1D1E1F);
        assert_eq!(n.0[3], 0x00010203_04050607);
        assert_eq!(n.to_be_bytes(), b);
    }

    #[test]
    fn products_carry_across_limbs_and_wrap_at_256_bits() {
        let n = U256([u64::MAX, 0, 0, 1 << 63]);
        // (2^64 - 1) * 2 = 2^65 - 2; the top bit times two leaves the number.
        assert_eq!(n.wrapping_mul(2).0, [u64::MAX - 1, 1, 0, 0]);
        assert_eq!(MUL1.wrapping_mul(0), U256([0; 4]));
        assert_eq!(MUL1.wrapping_mul(1), MUL1);
    }

    #[test]
    fn the_four_ranges_cover_the_key_once_each() {
        assert_eq!(tweak_range(0xF), U256([u64::MAX; 4]));
        assert_eq!(tweak_range(0), U256([0; 4]));
        for (i, a) in RANGES.iter().enumerate() {
            for b in &RANGES[i + 1..] {
                assert_eq!(a.zip(*b, |x, y| x & y), U256([0; 4]));
            }
        }
    }

    #[test]
    fn the_key_is_the_same_within_a_32_byte_block_and_not_across() {
        let key = [0x5A; 32];
        assert_eq!(block_key(&key, 0xF, 0x1000), block_key(&key, 0xF, 0x1010));
        assert_ne!(block_key(&key, 0xF, 0x1000), block_key(&key, 0xF, 0x1020));
        // Block 0 is never tweaked, nor is any block with FLASH_CRYPT_CONF 0.
        assert_eq!(block_key(&key, 0xF, 0x10), key);
        assert_eq!(block_key(&key, 0, 0x12340), key);
    }
}
