//! Secure Boot v2 signature blocks, as espsecure's `sign-data --version 2` appends them:
//! the image padded with 0xFF to a 4 KiB boundary, then one sector holding up to three
//! 1216-byte blocks (the rest 0xFF). Each block starts with the magic 0xE7 and a version
//! (0x02 RSA-3072 with PSS, 0x03 ECDSA), carries the SHA-256 (SHA-384 for P-384) of
//! everything before the signature sector, the public key, the signature, and a CRC-32
//! of its first 1196 bytes. The eFuse key digest the bootloader compares with is the
//! SHA-256 of the key as the block stores it.
//!
//! What is checked here: the block's form and CRC, the image digest, and the key's digest
//! against the device's. The signature itself is checked by the chip's bootloader; a
//! block that passes these checks but carries a bad signature is not caught here.

use sha2::{Digest, Sha256, Sha384};

/// One 4 KiB sector.
const SECTOR: usize = 4096;
/// Bytes in a signature block.
pub const BLOCK_LEN: usize = 1216;
/// Bytes of a block the CRC covers.
const CRC_LEN: usize = 1196;
const MAGIC: u8 = 0xE7;
const VERSION_RSA: u8 = 0x02;
const VERSION_ECDSA: u8 = 0x03;

/// The key scheme of a block.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scheme {
    /// RSA-3072, RSA-PSS with SHA-256.
    Rsa3072,
    /// ECDSA on P-192 with SHA-256.
    EcdsaP192,
    /// ECDSA on P-256 with SHA-256.
    EcdsaP256,
    /// ECDSA on P-384 with SHA-384.
    EcdsaP384,
}

impl Scheme {
    /// The scheme's name as espsecure's options spell it.
    pub fn name(self) -> &'static str {
        match self {
            Scheme::Rsa3072 => "RSA-3072",
            Scheme::EcdsaP192 => "ECDSA-P192",
            Scheme::EcdsaP256 => "ECDSA-P256",
            Scheme::EcdsaP384 => "ECDSA-P384",
        }
    }
}

/// One valid signature block of an image.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct SignatureBlock {
    /// Its place in the signature sector (0 to 2).
    pub index: usize,
    /// Its key scheme.
    pub scheme: Scheme,
    /// SHA-256 of its public key, as the eFuse digest holds it, in hex.
    pub key_digest: String,
    /// Whether the image digest in the block is that of the image before the sector.
    pub image_digest_ok: bool,
}

/// The signature blocks of `image` whose form and CRC are valid, in order; empty when
/// the image is not signed (its length is not a whole number of sectors, or its last
/// sector holds no valid block).
pub fn blocks(image: &[u8]) -> Vec<SignatureBlock> {
    if image.len() < 2 * SECTOR || !image.len().is_multiple_of(SECTOR) {
        return Vec::new();
    }
    let (signed, sector) = image.split_at(image.len() - SECTOR);
    let mut out = Vec::new();
    for index in 0..3 {
        let b = &sector[index * BLOCK_LEN..(index + 1) * BLOCK_LEN];
        let crc = u32::from_le_bytes([b[CRC_LEN], b[CRC_LEN + 1], b[CRC_LEN + 2], b[CRC_LEN + 3]]);
        if b[0] != MAGIC || crc32fast::hash(&b[..CRC_LEN]) != crc {
            // espsecure fills the blocks in order: the first invalid one ends the list.
            break;
        }
        let parsed = match b[1] {
            VERSION_RSA => Some((Scheme::Rsa3072, 4..36, 36..812)),
            VERSION_ECDSA => match (b[2], b[36], b[52]) {
                // SHA-256 schemes put the 32-byte digest at 4 and the curve at 36.
                (0, 1, _) => Some((Scheme::EcdsaP192, 4..36, 36..101)),
                (0, 2, _) => Some((Scheme::EcdsaP256, 4..36, 36..101)),
                // P-384 has a 48-byte digest, so its curve id sits at 52.
                (1, _, 3) => Some((Scheme::EcdsaP384, 4..52, 52..149)),
                _ => None,
            },
            _ => None,
        };
        let Some((scheme, digest_at, key_at)) = parsed else {
            break;
        };
        let image_digest: Vec<u8> = match scheme {
            Scheme::EcdsaP384 => Sha384::digest(signed).to_vec(),
            _ => Sha256::digest(signed).to_vec(),
        };
        out.push(SignatureBlock {
            index,
            scheme,
            key_digest: crate::numbers::hex(&Sha256::digest(&b[key_at])),
            image_digest_ok: b[digest_at] == image_digest[..],
        });
    }
    out
}

/// Whether `image` carries a block, with a correct image digest, whose key is one of
/// `digests` (hex, as [`SignatureBlock::key_digest`]).
pub fn signed_for(image: &[u8], digests: &[&str]) -> bool {
    blocks(image).iter().any(|b| {
        b.image_digest_ok
            && digests
                .iter()
                .any(|d| d.eq_ignore_ascii_case(&b.key_digest))
    })
}
