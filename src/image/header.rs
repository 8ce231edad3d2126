//! Flash mode, frequency and size in an image header (PROTOCOL.md §11): bytes 2 and 3 of
//! the bootloader tell the chip how to read its flash, so a build made for one board can
//! be written to another by patching them, and the SHA-256 that covers them is computed
//! again so the bootloader still accepts the image.

use sha2::{Digest, Sha256};

use super::{FlashFrequency, FlashMode, FlashSize, ImageError, app, espflash_chip};
use crate::chip::Chip;

/// What to put in the header; `None` keeps the field as it is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FlashParams {
    /// SPI mode (byte 2).
    pub mode: Option<FlashMode>,
    /// SPI clock (low nibble of byte 3).
    pub freq: Option<FlashFrequency>,
    /// Flash size (high nibble of byte 3).
    pub size: Option<FlashSize>,
}

impl FlashParams {
    /// True when every field is kept.
    pub fn keeps_all(&self) -> bool {
        self.mode.is_none() && self.freq.is_none() && self.size.is_none()
    }

    /// These settings, each replaced by `other`'s where `other` has one.
    pub fn overridden_by(self, other: FlashParams) -> FlashParams {
        FlashParams {
            mode: other.mode.or(self.mode),
            freq: other.freq.or(self.freq),
            size: other.size.or(self.size),
        }
    }
}

/// The header's mode byte for `mode`.
pub fn mode_code(mode: FlashMode) -> u8 {
    match mode {
        FlashMode::Qio => 0,
        FlashMode::Qout => 1,
        FlashMode::Dio => 2,
        _ => 3,
    }
}

/// The size nibble for `size`; sizes below 1 MiB have none.
pub fn size_code(size: FlashSize) -> Result<u8, ImageError> {
    size.encode_flash_size()
        .map_err(|_| ImageError::Setting(format!("a {size} flash has no image header code")))
}

/// The frequency nibble for `freq` on `chip` (the codes differ between chips).
pub fn freq_code(freq: FlashFrequency, chip: Chip) -> Result<u8, ImageError> {
    let target = espflash_chip(chip)?;
    freq.encode_flash_frequency(target)
        .map_err(|_| ImageError::Setting(format!("{chip} flash does not run at {freq}")))
}

/// Patches `data` in place when it is a valid image (as esptool does, a file that does not
/// parse, or whose checksum is wrong, is written as it is: it is not a bootloader). Returns
/// whether anything changed. Bytes after the image (a merged binary) are left alone.
pub fn patch_flash_params(
    data: &mut [u8],
    chip: Chip,
    params: &FlashParams,
) -> Result<bool, ImageError> {
    if params.keeps_all() {
        return Ok(false);
    }
    let Ok(info) = app::parse(data) else {
        return Ok(false);
    };
    if !info.checksum_ok() {
        return Ok(false);
    }
    let (mut mode, mut config) = (data[2], data[3]);
    if let Some(m) = params.mode {
        mode = mode_code(m);
    }
    if let Some(s) = params.size {
        config = (config & 0x0F) | (size_code(s)? << 4);
    }
    if let Some(f) = params.freq {
        config = (config & 0xF0) | freq_code(f, chip)?;
    }
    if (mode, config) == (data[2], data[3]) {
        return Ok(false);
    }
    data[2] = mode;
    data[3] = config;
    if info.hash_appended {
        // The digest covers everything up to and including the checksum byte.
        let end = info.image_len as usize - 32;
        let digest = Sha256::digest(&data[..end]);
        data[end..end + 32].copy_from_slice(&digest);
    }
    Ok(true)
}
