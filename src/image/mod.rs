//! App images: made from an ELF by the `espflash` crate (its ESP-IDF image format and
//! bundled bootloaders), read and checked (`image-info`, and before an app partition is
//! written), patched for another board's flash (PROTOCOL.md §11), and laid out as an
//! ESP-IDF build directory says.

pub mod app;
pub mod elf;
pub mod header;
pub mod idf;
pub mod signature;

pub use app::{AppDescriptor, ImageInfo, SegmentInfo, check_app_image, parse};
pub use elf::{ElfBuild, ElfOptions, build_from_elf, is_elf, merge};
pub use espflash::flasher::{FlashFrequency, FlashMode, FlashSize};
pub use header::{FlashParams, patch_flash_params};
pub use idf::{IdfBuild, IdfFile};

use crate::chip::Chip;

/// Why an image could not be made, read or used.
#[derive(Debug, thiserror::Error)]
pub enum ImageError {
    /// The bytes are not an image at all.
    #[error("not an app image: {0}")]
    NotAnImage(String),
    /// The image's layout runs past the end of the file.
    #[error("a truncated app image: {0}")]
    Truncated(String),
    /// An image for another chip.
    #[error("an app image for the {found}, not the {chip}")]
    WrongChip {
        /// The chip it was to be for.
        chip: Chip,
        /// What the header names.
        found: String,
    },
    /// A checksum that does not match the segments.
    #[error(
        "an app image whose checksum is wrong (stored 0x{stored:02X}, the data gives 0x{computed:02X})"
    )]
    Checksum {
        /// In the file.
        stored: u8,
        /// From the segments.
        computed: u8,
    },
    /// An appended SHA-256 that is not the image's.
    #[error("an app image whose appended SHA-256 does not match its contents")]
    Sha256,
    /// A flash setting that does not apply.
    #[error("{0}")]
    Setting(String),
    /// The ELF could not be made into an image.
    #[error("{0}")]
    Elf(String),
    /// An ESP-IDF build description that cannot be used.
    #[error("{0}")]
    Idf(String),
}

/// The `espflash` crate's name for `chip`; chips it does not know have no images here.
pub fn espflash_chip(chip: Chip) -> Result<espflash::target::Chip, ImageError> {
    use espflash::target::Chip as T;
    Ok(match chip {
        Chip::Esp32 => T::Esp32,
        Chip::Esp32s2 => T::Esp32s2,
        Chip::Esp32s3 => T::Esp32s3,
        Chip::Esp32c2 => T::Esp32c2,
        Chip::Esp32c3 => T::Esp32c3,
        Chip::Esp32c5 => T::Esp32c5,
        Chip::Esp32c6 => T::Esp32c6,
        Chip::Esp32h2 => T::Esp32h2,
        Chip::Esp32p4 => T::Esp32p4,
    })
}

/// The chip id an app image header carries for `chip` (the `espflash` crate's table).
pub fn image_chip_id(chip: Chip) -> u16 {
    espflash_chip(chip).map_or(u16::MAX, |c| c.id())
}

/// The chip whose images carry `id`.
pub fn chip_for_image_id(id: u16) -> Option<Chip> {
    Chip::ALL.into_iter().find(|&c| image_chip_id(c) == id)
}

/// A `--flash-mode` value: qio, qout, dio, dout, or keep (`None`).
pub fn parse_flash_mode(s: &str) -> Result<Option<FlashMode>, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "keep" => Ok(None),
        "qio" => Ok(Some(FlashMode::Qio)),
        "qout" => Ok(Some(FlashMode::Qout)),
        "dio" => Ok(Some(FlashMode::Dio)),
        "dout" => Ok(Some(FlashMode::Dout)),
        _ => Err(format!(
            "'{s}' is not a flash mode: use qio, qout, dio, dout or keep"
        )),
    }
}

/// A `--flash-freq` value as esptool writes it (`80m`, `40m`, `26m`, ...), or keep.
pub fn parse_flash_freq(s: &str) -> Result<Option<FlashFrequency>, String> {
    use FlashFrequency as F;
    let t = s.trim().to_ascii_lowercase();
    let mhz = t.trim_end_matches("hz").trim_end_matches('m');
    Ok(Some(match mhz {
        "keep" => return Ok(None),
        "12" => F::_12Mhz,
        "15" => F::_15Mhz,
        "16" => F::_16Mhz,
        "20" => F::_20Mhz,
        "24" => F::_24Mhz,
        "26" => F::_26Mhz,
        "30" => F::_30Mhz,
        "40" => F::_40Mhz,
        "48" => F::_48Mhz,
        "60" => F::_60Mhz,
        "80" => F::_80Mhz,
        _ => {
            return Err(format!(
                "'{s}' is not a flash frequency: use 80m, 60m, 48m, 40m, 30m, 26m, 24m, 20m, \
                 16m, 15m, 12m or keep"
            ));
        }
    }))
}

/// A `--flash-size` value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlashSizeArg {
    /// Leave the header's size.
    Keep,
    /// The size the flash's JEDEC id reports.
    Detect,
    /// This size.
    Size(FlashSize),
}

/// A `--flash-size` value: `1MB` .. `128MB`, `detect` or `keep`.
pub fn parse_flash_size(s: &str) -> Result<FlashSizeArg, String> {
    let t = s.trim().to_ascii_uppercase();
    match t.as_str() {
        "KEEP" => return Ok(FlashSizeArg::Keep),
        "DETECT" => return Ok(FlashSizeArg::Detect),
        _ => {}
    }
    let t = if t.ends_with('M') || t.ends_with('K') {
        format!("{t}B")
    } else {
        t
    };
    t.parse::<FlashSize>()
        .ok()
        .filter(|f| header::size_code(*f).is_ok())
        .map(FlashSizeArg::Size)
        .ok_or_else(|| {
            format!("'{s}' is not a flash size: use 1MB, 2MB, 4MB, 8MB, 16MB, 32MB, 64MB, 128MB, detect or keep")
        })
}

/// The flash size whose byte count is `bytes`, if it is one a header can name.
pub fn flash_size_of(bytes: u32) -> Option<FlashSize> {
    use FlashSize as S;
    [
        S::_1Mb,
        S::_2Mb,
        S::_4Mb,
        S::_8Mb,
        S::_16Mb,
        S::_32Mb,
        S::_64Mb,
        S::_128Mb,
    ]
    .into_iter()
    .find(|s| s.size() == bytes)
}

#[cfg(test)]
mod tests;
