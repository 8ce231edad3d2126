//! An ELF made into what the chip boots, by the `espflash` crate: its ESP-IDF app image
//! format (segments merged, padded to the MMU page, the app descriptor first and its ELF
//! hash filled in, checksum and SHA-256 appended) and its bundled second-stage bootloader,
//! whose header it sets to the flash settings. espflow adds the partition table (its own
//! conversion, byte for byte as ESP-IDF's) and writes the three through its own pipeline.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use espflash::flasher::{FlashData, FlashSettings};
use espflash::image_format::idf::IdfBootloaderFormat;
use espflash::target::XtalFrequency;

use super::{FlashParams, FlashSize, ImageError, espflash_chip};
use crate::chip::Chip;
use crate::write::Image;

/// What goes into the build besides the ELF.
#[derive(Clone, Debug)]
pub struct ElfOptions<'a> {
    /// The chip it is for.
    pub chip: Chip,
    /// Flash settings for the bootloader's header (and so the app's); a size of `None`
    /// means 4 MiB, a frequency of `None` the chip's usual one, a mode of `None` the
    /// bootloader's own.
    pub flash: FlashParams,
    /// The chip's crystal, where it matters for the bootloader (ESP32, ESP32-C2).
    pub crystal_mhz: Option<u32>,
    /// A binary partition table, or `None` for the `espflash` crate's default (nvs,
    /// phy_init, and a factory app at 0x10000).
    pub table: Option<&'a [u8]>,
    /// Where the table goes.
    pub table_offset: u32,
    /// A bootloader file to use instead of the bundled one.
    pub bootloader: Option<&'a Path>,
    /// The app partition to build for, instead of `factory` (or the first app).
    pub app_partition: Option<&'a str>,
}

/// The three images `flash` writes.
#[derive(Clone, Debug)]
pub struct ElfBuild {
    /// The second-stage bootloader, at the chip's bootloader offset.
    pub bootloader: Image,
    /// The partition table.
    pub table: Image,
    /// The app image, at its partition's offset.
    pub app: Image,
    /// The size of the partition the app goes into.
    pub app_partition_size: u32,
}

impl ElfBuild {
    /// The images in flash order.
    pub fn images(&self) -> Vec<Image> {
        let mut v = vec![
            self.bootloader.clone(),
            self.table.clone(),
            self.app.clone(),
        ];
        v.sort_by_key(|i| i.addr);
        v
    }
}

/// True when `data` is an ELF file.
pub fn is_elf(data: &[u8]) -> bool {
    data.starts_with(b"\x7fELF")
}

fn xtal(chip: espflash::target::Chip, mhz: Option<u32>) -> XtalFrequency {
    match mhz {
        Some(26) => XtalFrequency::_26Mhz,
        Some(32) => XtalFrequency::_32Mhz,
        Some(40) => XtalFrequency::_40Mhz,
        Some(48) => XtalFrequency::_48Mhz,
        _ => chip.default_xtal_frequency(),
    }
}

/// A file in the temporary directory, removed when dropped: the `espflash` crate reads a
/// partition table only from a path.
struct TempFile(PathBuf);

impl TempFile {
    fn with(data: &[u8]) -> Result<TempFile, ImageError> {
        use std::sync::atomic::{AtomicU32, Ordering};
        static N: AtomicU32 = AtomicU32::new(0);
        let path = std::env::temp_dir().join(format!(
            "espflow-table-{}-{}.bin",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| ImageError::Elf(format!("cannot write {}: {e}", path.display())))?;
        let file = TempFile(path);
        f.write_all(data)
            .map_err(|e| ImageError::Elf(format!("cannot write {}: {e}", file.0.display())))?;
        Ok(file)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// An app descriptor outside the chip's flash means the ELF was linked for another chip;
/// the converter cannot place it, so this says so first.
fn check_app_descriptor(
    elf: &[u8],
    name: &str,
    chip: Chip,
    target: espflash::target::Chip,
) -> Result<(), ImageError> {
    use object::{Object as _, ObjectSection as _};
    let file = object::File::parse(elf)
        .map_err(|e| ImageError::Elf(format!("{name} is not a usable ELF file: {e}")))?;
    if let Some(desc) = file.section_by_name(".flash.appdesc") {
        let addr = desc.address() as u32;
        if !target.addr_is_flash(addr) {
            return Err(ImageError::Elf(format!(
                "{name} has its app descriptor at 0x{addr:08X}, which is not flash on the {chip}: it was built for another chip"
            )));
        }
    }
    Ok(())
}

/// Makes the bootloader, partition table and app image for `elf` (named `name` in
/// messages and progress). Fails, before anything is written anywhere, on an ELF that is
/// not one, an app that does not fit its partition, or settings the chip does not take.
pub fn build_from_elf(elf: &[u8], name: &str, opts: &ElfOptions) -> Result<ElfBuild, ImageError> {
    // ELF headers are read in place, which needs their natural alignment; bytes from
    // `include_bytes!` or a slice of a larger buffer may lack it, a fresh allocation has it.
    let copy;
    let elf = if (elf.as_ptr() as usize).is_multiple_of(8) {
        elf
    } else {
        copy = elf.to_vec();
        copy.as_slice()
    };
    if !is_elf(elf) {
        return Err(ImageError::Elf(format!("{name} is not an ELF file")));
    }
    let target = espflash_chip(opts.chip)?;
    check_app_descriptor(elf, name, opts.chip, target)?;
    // Checked here so that the message names the setting, not the crate's enum.
    if let Some(f) = opts.flash.freq {
        super::header::freq_code(f, opts.chip)?;
    }
    let size = opts.flash.size.unwrap_or(FlashSize::_4Mb);
    super::header::size_code(size)?;
    let settings = FlashSettings::new(opts.flash.mode, Some(size), opts.flash.freq);
    let data = FlashData::new(settings, 0, None, target, xtal(target, opts.crystal_mhz));
    let table_file = opts.table.map(TempFile::with).transpose()?;
    let format = IdfBootloaderFormat::new(
        elf,
        &data,
        table_file.as_ref().map(|t| t.0.as_path()),
        opts.bootloader,
        Some(opts.table_offset),
        opts.app_partition,
    )
    .map_err(|e| ImageError::Elf(format!("{name}: {e}")))?;
    let app_partition_size = format
        .metadata()
        .get("part_size")
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut segments = format.flash_segments();
    let mut next = |what: &str| {
        segments
            .next()
            .ok_or_else(|| ImageError::Elf(format!("{name}: the image format gave no {what}")))
    };
    let (boot, table, app) = (next("bootloader")?, next("partition table")?, next("app")?);
    let table_data = match opts.table {
        Some(t) => t.to_vec(),
        None => table.data.into_owned(),
    };
    Ok(ElfBuild {
        bootloader: Image::new(boot.addr, boot.data.into_owned(), "bootloader"),
        table: Image::new(table.addr, table_data, "partition table"),
        app: Image::new(app.addr, app.data.into_owned(), name.to_string()),
        app_partition_size,
    })
}

/// One file holding every image at its flash address, from address 0, the gaps filled
/// with 0xFF (erased flash), as esptool's merge-bin makes it.
pub fn merge(images: &[Image]) -> Vec<u8> {
    let end = images
        .iter()
        .map(|i| i.addr as usize + i.data.len())
        .max()
        .unwrap_or(0);
    let mut out = vec![0xFF; end];
    for i in images {
        out[i.addr as usize..i.addr as usize + i.data.len()].copy_from_slice(&i.data);
    }
    out
}
