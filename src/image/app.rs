//! Reading an app or bootloader image (PROTOCOL.md §11): its header, segments, checksum,
//! SHA-256 and app descriptor, each checked against what the bytes say, so that a file
//! that is not an image for the chip is told apart before it reaches the flash.

use sha2::{Digest, Sha256};

use super::ImageError;
use crate::chip::Chip;
use crate::numbers::hex;

/// The first byte of every image.
pub const IMAGE_MAGIC: u8 = 0xE9;
/// The checksum's seed.
const CHECKSUM_SEED: u8 = 0xEF;
/// The common header (8 bytes) and the extended one (16).
const HEADER_LEN: usize = 24;
const SEGMENT_HEADER_LEN: usize = 8;
/// The bootloader refuses more.
const MAX_SEGMENTS: usize = 16;
/// `esp_app_desc_t` opens the first segment of an ESP-IDF app.
const APP_DESC_MAGIC: u32 = 0xABCD_5432;
const APP_DESC_LEN: usize = 256;

/// One segment: where it loads and where its bytes are in the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct SegmentInfo {
    /// Load address.
    pub addr: u32,
    /// Length in bytes.
    pub len: u32,
    /// Offset of its data in the file.
    pub file_offset: u32,
}

/// An ESP-IDF app descriptor (`esp_app_desc_t`).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct AppDescriptor {
    /// Secure version (anti-rollback).
    pub secure_version: u32,
    /// The app's version string.
    pub version: String,
    /// The project's name.
    pub project_name: String,
    /// Build time and date as the build recorded them.
    pub time: String,
    /// Build date.
    pub date: String,
    /// The ESP-IDF version it was built with.
    pub idf_ver: String,
    /// SHA-256 of the ELF the image was made from, in hex.
    pub elf_sha256: String,
    /// Supported eFuse block revisions, major*100+minor.
    pub min_efuse_blk_rev_full: u16,
    /// Highest supported eFuse block revision.
    pub max_efuse_blk_rev_full: u16,
    /// MMU page size in bytes (0: not recorded).
    pub mmu_page_size: u32,
}

/// What an image file holds, as read from it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ImageInfo {
    /// The chip the header names, when espflow knows it.
    pub chip: Option<String>,
    /// The header's chip id.
    pub chip_id: u16,
    /// Entry point.
    pub entry: u32,
    /// Flash mode byte (0 qio, 1 qout, 2 dio, 3 dout).
    pub flash_mode: u8,
    /// Flash size code (high nibble of byte 3).
    pub flash_size_code: u8,
    /// Flash frequency code (low nibble of byte 3).
    pub flash_freq_code: u8,
    /// Write-protect pin (0xEE: disabled).
    pub wp_pin: u8,
    /// Minimum chip revision, major*100+minor.
    pub min_rev_full: u16,
    /// Maximum chip revision, major*100+minor.
    pub max_rev_full: u16,
    /// The segments, in file order.
    pub segments: Vec<SegmentInfo>,
    /// The checksum byte stored in the file.
    pub checksum: u8,
    /// The checksum the segments give.
    pub checksum_computed: u8,
    /// Whether a SHA-256 follows the checksum.
    pub hash_appended: bool,
    /// The stored SHA-256, in hex.
    pub sha256: Option<String>,
    /// The SHA-256 of the image as it is, in hex.
    pub sha256_computed: Option<String>,
    /// The image's length (through the SHA-256 when there is one); a merged file goes on.
    pub image_len: u32,
    /// The app descriptor, when the first segment opens with one.
    pub app: Option<AppDescriptor>,
    /// Secure Boot v2 signature blocks after the image, when it is signed.
    pub signatures: Vec<super::signature::SignatureBlock>,
}

impl ImageInfo {
    /// Whether the stored checksum is the one the data gives.
    pub fn checksum_ok(&self) -> bool {
        self.checksum == self.checksum_computed
    }

    /// Whether the stored SHA-256 (when there is one) is the image's.
    pub fn sha256_ok(&self) -> bool {
        self.sha256 == self.sha256_computed
    }

    /// The mode byte's name.
    pub fn flash_mode_name(&self) -> &'static str {
        match self.flash_mode {
            0 => "qio",
            1 => "qout",
            2 => "dio",
            3 => "dout",
            _ => "unknown",
        }
    }

    /// The flash size the header names, in bytes (1 MiB << code).
    pub fn flash_size(&self) -> Option<u32> {
        (self.flash_size_code <= 8).then(|| 0x10_0000u32 << self.flash_size_code)
    }
}

fn le16(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

fn le32(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"))
}

fn c_string(b: &[u8]) -> String {
    let end = b.iter().position(|&c| c == 0).unwrap_or(b.len());
    String::from_utf8_lossy(&b[..end]).into_owned()
}

fn app_descriptor(seg: &[u8]) -> Option<AppDescriptor> {
    if seg.len() < APP_DESC_LEN || le32(seg, 0) != APP_DESC_MAGIC {
        return None;
    }
    let page_log2 = seg[0xB0 + 4];
    Some(AppDescriptor {
        secure_version: le32(seg, 4),
        version: c_string(&seg[0x10..0x30]),
        project_name: c_string(&seg[0x30..0x50]),
        time: c_string(&seg[0x50..0x60]),
        date: c_string(&seg[0x60..0x70]),
        idf_ver: c_string(&seg[0x70..0x90]),
        elf_sha256: hex(&seg[0x90..0xB0]),
        min_efuse_blk_rev_full: le16(seg, 0xB0),
        max_efuse_blk_rev_full: le16(seg, 0xB2),
        mmu_page_size: if page_log2 == 0 || page_log2 > 31 {
            0
        } else {
            1 << page_log2
        },
    })
}

/// Reads the image at the start of `data`. Only what makes the layout unreadable is an
/// error (no magic, a segment past the end); a wrong checksum or hash is reported in the
/// result, for [`check_app_image`] or a display to judge.
pub fn parse(data: &[u8]) -> Result<ImageInfo, ImageError> {
    if data.len() < HEADER_LEN || data[0] != IMAGE_MAGIC {
        return Err(ImageError::NotAnImage(match data.first() {
            Some(&b) if data.len() >= HEADER_LEN => format!("it starts with 0x{b:02X}, not 0xE9"),
            _ => format!("it is {} bytes, shorter than an image header", data.len()),
        }));
    }
    let count = data[1] as usize;
    if count == 0 || count > MAX_SEGMENTS {
        return Err(ImageError::NotAnImage(format!(
            "its header claims {count} segments (1 to {MAX_SEGMENTS} are possible)"
        )));
    }
    let hash_appended = match data[23] {
        0 => false,
        1 => true,
        b => {
            return Err(ImageError::NotAnImage(format!(
                "its hash-appended byte is {b}, neither 0 nor 1"
            )));
        }
    };
    let mut at = HEADER_LEN;
    let mut segments = Vec::with_capacity(count);
    let mut checksum = CHECKSUM_SEED;
    for i in 0..count {
        if at + SEGMENT_HEADER_LEN > data.len() {
            return Err(ImageError::Truncated(format!(
                "segment {i}'s header is past the end of the file"
            )));
        }
        let (addr, len) = (le32(data, at), le32(data, at + 4));
        let start = at + SEGMENT_HEADER_LEN;
        let end = start
            .checked_add(len as usize)
            .filter(|&e| e <= data.len())
            .ok_or_else(|| {
                ImageError::Truncated(format!(
                    "segment {i} ({len} bytes at 0x{addr:08X}) runs past the end of the file"
                ))
            })?;
        checksum = data[start..end].iter().fold(checksum, |c, b| c ^ b);
        segments.push(SegmentInfo {
            addr,
            len,
            file_offset: start as u32,
        });
        at = end;
    }
    // Zero padding puts the checksum in the last byte of a 16-byte line.
    let checksum_at = at | 15;
    let stored = *data.get(checksum_at).ok_or_else(|| {
        ImageError::Truncated("the checksum byte is past the end of the file".into())
    })?;
    let mut image_len = checksum_at + 1;
    let (sha256, sha256_computed) = if hash_appended {
        let digest = data.get(image_len..image_len + 32).ok_or_else(|| {
            ImageError::Truncated("the appended SHA-256 is past the end of the file".into())
        })?;
        let computed = Sha256::digest(&data[..image_len]);
        image_len += 32;
        (Some(hex(digest)), Some(hex(&computed)))
    } else {
        (None, None)
    };
    let chip_id = le16(data, 12);
    let app = segments.first().and_then(|s| {
        let start = s.file_offset as usize;
        app_descriptor(&data[start..start + s.len as usize])
    });
    Ok(ImageInfo {
        chip: super::chip_for_image_id(chip_id).map(|c| c.to_string()),
        chip_id,
        entry: le32(data, 4),
        flash_mode: data[2],
        flash_size_code: data[3] >> 4,
        flash_freq_code: data[3] & 0xF,
        wp_pin: data[8],
        min_rev_full: le16(data, 15),
        max_rev_full: le16(data, 17),
        segments,
        checksum: stored,
        checksum_computed: checksum,
        hash_appended,
        sha256,
        sha256_computed,
        image_len: image_len as u32,
        app,
        signatures: super::signature::blocks(data),
    })
}

/// Checks that `data` is an app image for `chip`: the magic, a layout that fits the file,
/// the chip id, the checksum and (when appended) the SHA-256. This is what the bootloader
/// checks before it boots an app, so an image that fails here would never run.
pub fn check_app_image(data: &[u8], chip: Chip) -> Result<ImageInfo, ImageError> {
    let info = parse(data)?;
    let want = super::image_chip_id(chip);
    if info.chip_id != want {
        return Err(ImageError::WrongChip {
            chip,
            found: info
                .chip
                .clone()
                .unwrap_or_else(|| format!("chip id {}", info.chip_id)),
        });
    }
    if !info.checksum_ok() {
        return Err(ImageError::Checksum {
            stored: info.checksum,
            computed: info.checksum_computed,
        });
    }
    if !info.sha256_ok() {
        return Err(ImageError::Sha256);
    }
    Ok(info)
}
