//! What the virtual chip prints when it boots from flash rather than into its loader: the
//! ROM's boot banner and one line naming the application it found, so that a serial
//! monitor has real output to show and a test can tell what was flashed.
//!
//! The application is found as the bootloader finds it: the partition table at 0x8000 and
//! its otadata choose the app partition (0x10000 without a table), and the ESP image there
//! is described by its header (segments, entry point) and its app descriptor (project name
//! and version), which ESP-IDF and esp-hal place at the start of the first segment.

use crate::chip::Chip;
use crate::ota::otadata::OtaData;
use crate::partition::{BinOptions, PartitionTable};

/// Where the bootloader expects the partition table.
const TABLE_OFFSET: usize = 0x8000;
/// The table's sector.
const TABLE_LEN: usize = 0xC00;
/// Where the app is without a table (ESP-IDF's default factory offset).
const DEFAULT_APP: u32 = 0x1_0000;
/// The first byte of an ESP image.
const IMAGE_MAGIC: u8 = 0xE9;
/// The first word of `esp_app_desc_t`.
const APP_DESC_MAGIC: u32 = 0xABCD_5432;
/// Image header (8 bytes), extended header (16 bytes), first segment header (8 bytes).
const FIRST_SEGMENT_DATA: usize = 8 + 16 + 8;

/// The bytes a chip with this flash prints from reset until its application says hello.
pub(super) fn boot_text(chip: Chip, flash: &[u8]) -> Vec<u8> {
    let banner: &[u8] = match chip {
        Chip::Esp32 => {
            b"ets Jun  8 2016 00:22:57\r\n\r\nrst:0x1 (POWERON_RESET),boot:0x13 \
              (SPI_FAST_FLASH_BOOT)\r\n"
        }
        _ => {
            b"ESP-ROM:esp32c3-api1-20210207\r\nBuild:Feb  7 2021\r\n\
              rst:0x1 (POWERON),boot:0xc (SPI_FAST_FLASH_BOOT)\r\n"
        }
    };
    let mut text = banner.to_vec();
    let offset = boot_partition(flash);
    text.extend_from_slice(format!("{}\r\n", describe_app(flash, offset)).as_bytes());
    text
}

/// The offset of the app partition the bootloader would start.
fn boot_partition(flash: &[u8]) -> u32 {
    let Some(table) = flash
        .get(TABLE_OFFSET..TABLE_OFFSET + TABLE_LEN)
        .and_then(|b| PartitionTable::from_flash(b, &BinOptions::default()).ok())
        .map(|d| d.table)
    else {
        return DEFAULT_APP;
    };
    let selected = table
        .partitions
        .iter()
        .find(|p| p.is_otadata())
        .and_then(|p| flash.get(p.offset as usize..(p.offset + p.size) as usize))
        .and_then(|b| OtaData::parse(b).ok())
        .and_then(|d| d.boot_selection(table.bootloader_ota_count()).slot());
    table
        .boot_app(selected)
        .and_then(|slot| table.app(slot))
        .map_or(DEFAULT_APP, |p| p.offset)
}

/// One line about the image at `offset`, as the virtual application's greeting.
fn describe_app(flash: &[u8], offset: u32) -> String {
    let at = offset as usize;
    let Some(image) = flash.get(at..).filter(|i| i.len() > FIRST_SEGMENT_DATA) else {
        return format!("virtual app: nothing at 0x{offset:x}");
    };
    if image[0] != IMAGE_MAGIC {
        return format!(
            "virtual app: no app image at 0x{offset:x} (first byte 0x{:02x})",
            image[0]
        );
    }
    let word = |i: usize| u32::from_le_bytes([image[i], image[i + 1], image[i + 2], image[i + 3]]);
    let mut line = format!(
        "virtual app: image at 0x{offset:x}, {} segments, entry 0x{:08x}",
        image[1],
        word(4)
    );
    let desc = FIRST_SEGMENT_DATA;
    if image.len() > desc + 80 && word(desc) == APP_DESC_MAGIC {
        let text = |from: usize| {
            let field = &image[desc + from..desc + from + 32];
            let end = field.iter().position(|b| *b == 0).unwrap_or(field.len());
            String::from_utf8_lossy(&field[..end]).into_owned()
        };
        line += &format!(", project {} version {}", text(48), text(16));
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(entry: u32, project: &str) -> Vec<u8> {
        let mut img = vec![IMAGE_MAGIC, 1, 2, 0x20];
        img.extend(entry.to_le_bytes());
        img.extend([0xEE, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        img.extend(0x3C00_0020u32.to_le_bytes());
        img.extend(256u32.to_le_bytes());
        let mut desc = vec![0u8; 256];
        desc[..4].copy_from_slice(&APP_DESC_MAGIC.to_le_bytes());
        desc[16..19].copy_from_slice(b"1.0");
        desc[48..48 + project.len()].copy_from_slice(project.as_bytes());
        img.extend(desc);
        img
    }

    #[test]
    fn names_the_image_without_a_table() {
        let mut flash = vec![0xFF; 0x4_0000];
        let img = image(0x4200_0020, "blink");
        flash[0x1_0000..0x1_0000 + img.len()].copy_from_slice(&img);
        let text = String::from_utf8(boot_text(Chip::Esp32c3, &flash)).unwrap();
        assert!(text.starts_with("ESP-ROM:esp32c3"), "{text}");
        assert!(
            text.ends_with(
                "virtual app: image at 0x10000, 1 segments, entry 0x42000020, project blink \
                 version 1.0\r\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn says_when_there_is_no_image() {
        let flash = vec![0xFF; 0x4_0000];
        let text = String::from_utf8(boot_text(Chip::Esp32, &flash)).unwrap();
        assert!(text.starts_with("ets Jun  8 2016"), "{text}");
        assert!(text.contains("no app image at 0x10000 (first byte 0xff)"));
    }
}
