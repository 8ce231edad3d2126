//! App images on the command line: `flash` (an ELF, or an ESP-IDF build directory, to
//! bootloader, partition table and app), `save-image`, `image-info`, the flash settings
//! every write takes, and the check that keeps what is not an app image out of app
//! partitions.

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Args;
use espflow::Error;
use espflow::chip::Chip;
use espflow::image::{
    self, ElfOptions, FlashFrequency, FlashMode, FlashParams, FlashSizeArg, IdfBuild, ImageInfo,
};
use espflow::input::{MAX_TABLE_FILE, read_bounded, read_image};
use espflow::partition::convert::{LayoutOptions, ShowOptions, parse_table_file};
use espflow::session::Session;
use espflow::write::Image;
use espflow::write::plan::Encryption;

use super::args::{ConnectArgs, EncryptArgs, Format, WriteFlags, num};
use super::connect::{connect, finish};
use super::flash::{Output, journal};
use super::monitor::MonitorOptions;
use super::output::{json_event, progress_for, report_write};

/// A setting as typed: a value, or `keep` (`None`). A type of its own because clap reads
/// `Option<Option<T>>` as an option whose value may be left out.
#[derive(Clone, Copy, Debug)]
pub struct Setting<T>(Option<T>);

pub(super) fn mode_arg(s: &str) -> Result<Setting<FlashMode>, String> {
    image::parse_flash_mode(s).map(Setting)
}

pub(super) fn freq_arg(s: &str) -> Result<Setting<FlashFrequency>, String> {
    image::parse_flash_freq(s).map(Setting)
}

pub(super) fn size_arg(s: &str) -> Result<FlashSizeArg, String> {
    image::parse_flash_size(s)
}

/// The bootloader header's flash settings (PROTOCOL.md §11), as esptool takes them.
#[derive(Args, Debug, Clone, Default)]
pub struct FlashParamArgs {
    /// SPI flash mode written into the bootloader's header: qio, qout, dio, dout, keep
    #[arg(long, value_name = "MODE", value_parser = mode_arg)]
    pub flash_mode: Option<Setting<FlashMode>>,
    /// SPI flash clock written into the bootloader's header (80m, 40m, 26m, 20m, ... keep)
    #[arg(long, value_name = "FREQ", value_parser = freq_arg)]
    pub flash_freq: Option<Setting<FlashFrequency>>,
    /// Flash size written into the bootloader's header (1MB .. 128MB, detect, keep)
    #[arg(long, value_name = "SIZE", value_parser = size_arg)]
    pub flash_size: Option<FlashSizeArg>,
}

/// Settings as given (a field left out keeps what an earlier source said).
#[derive(Clone, Copy, Debug, Default)]
struct Settings {
    mode: Option<Option<FlashMode>>,
    freq: Option<Option<FlashFrequency>>,
    size: Option<FlashSizeArg>,
}

impl Settings {
    fn from_args(a: &FlashParamArgs) -> Settings {
        Settings {
            mode: a.flash_mode.map(|m| m.0),
            freq: a.flash_freq.map(|f| f.0),
            size: a.flash_size,
        }
    }

    fn from_build(b: &IdfBuild) -> Settings {
        Settings {
            mode: Some(b.mode),
            freq: Some(b.freq),
            size: Some(b.size),
        }
    }

    /// These, each replaced by `over`'s where `over` gives one.
    fn overridden_by(self, over: Settings) -> Settings {
        Settings {
            mode: over.mode.or(self.mode),
            freq: over.freq.or(self.freq),
            size: over.size.or(self.size),
        }
    }

    fn is_keep(&self) -> bool {
        self.mode.flatten().is_none()
            && self.freq.flatten().is_none()
            && matches!(self.size, None | Some(FlashSizeArg::Keep))
    }

    /// The header fields, `detect` being the flash's own size.
    fn resolve(&self, detected: u32) -> Result<FlashParams, Error> {
        let size = match self.size {
            None | Some(FlashSizeArg::Keep) => None,
            Some(FlashSizeArg::Size(s)) => Some(s),
            Some(FlashSizeArg::Detect) => Some(detected_size(detected)?),
        };
        Ok(FlashParams {
            mode: self.mode.flatten(),
            freq: self.freq.flatten(),
            size,
        })
    }
}

fn detected_size(bytes: u32) -> Result<image::FlashSize, Error> {
    image::flash_size_of(bytes).ok_or_else(|| {
        Error::BadInput(format!(
            "the flash reports {} bytes, a size no image header can name; give --flash-size",
            bytes
        ))
    })
}

/// A one-line refusal for an ELF given where a flash image is expected.
pub fn refuse_elf(data: &[u8], file: &Path) -> Result<(), Error> {
    if image::is_elf(data) {
        return Err(Error::BadInput(format!(
            "{} is an ELF file, not a flash image; write it with `espflow flash {}` (bootloader, \
             partition table and app), or make an app image with `espflow save-image`",
            file.display(),
            file.display()
        )));
    }
    Ok(())
}

/// Refuses `data` for an app partition unless it is an app image for `chip` (or `force`).
pub fn check_app(data: &[u8], file: &Path, chip: Chip, force: bool) -> Result<(), Error> {
    if force {
        return Ok(());
    }
    refuse_elf(data, file)?;
    image::check_app_image(data, chip).map(drop).map_err(|e| {
        Error::BadInput(format!(
            "{} is {e}; pass --force to write it anyway",
            file.display()
        ))
    })
}

/// Applies flash settings to the image at the chip's bootloader offset, as esptool's
/// write-flash does, once the chip (and so that offset and `detect`) is known.
fn patch_bootloader(s: &Session, images: &mut [Image], settings: Settings) -> Result<(), Error> {
    if settings.is_keep() {
        return Ok(());
    }
    let chip = s.chip();
    let params = settings.resolve(s.flash_size())?;
    let offset = chip.facts().bootloader_offset;
    for img in images.iter_mut().filter(|i| i.addr == offset) {
        if image::patch_flash_params(&mut img.data, chip, &params)? {
            errln!("{}: flash settings set in the bootloader header", img.name);
        }
    }
    Ok(())
}

/// Connects, patches the bootloader's settings and writes `images` through the pipeline.
fn write_images(
    conn: &ConnectArgs,
    format: Format,
    mut images: Vec<Image>,
    settings: Settings,
    flags: &WriteFlags,
    monitor: Option<&MonitorOptions>,
    flash_key: Option<&[u8]>,
) -> Result<()> {
    let mut s = connect(conn)?;
    if let Some(key) = flash_key {
        s.set_flash_key(key, None)?;
    }
    patch_bootloader(&s, &mut images, settings)?;
    let summary = s.write(
        &images,
        flags.options(),
        journal().as_ref(),
        &mut *progress_for(format),
    )?;
    report_write(format, &summary);
    if let Some(options) = monitor {
        return super::monitor::after_write(s, conn, options);
    }
    finish(s, conn)
}

/// `write-flash`: ADDR FILE pairs or `@flash_args`, ELF files refused.
pub fn write_flash(
    conn: &ConnectArgs,
    format: Format,
    pairs: &[String],
    encryption: &EncryptArgs,
    params: &FlashParamArgs,
    flags: &WriteFlags,
    monitor: Option<&MonitorOptions>,
) -> Result<()> {
    let (mut images, from_file) = match pairs {
        [] => (Vec::new(), Settings::default()),
        [one] if one.starts_with('@') => {
            let build = IdfBuild::from_flash_args(Path::new(&one[1..])).map_err(Error::from)?;
            (build_images(&build)?, Settings::from_build(&build))
        }
        _ => (super::flash::images_from_pairs(pairs)?, Settings::default()),
    };
    let by_chip = || Encryption::ByChip { ciphertext: None };
    if encryption.encrypt {
        images.iter_mut().for_each(|i| i.encryption = by_chip());
    }
    if !encryption.encrypt_files.is_empty() {
        for mut img in super::flash::images_from_pairs(&encryption.encrypt_files)? {
            img.encryption = by_chip();
            images.push(img);
        }
    }
    for img in &images {
        refuse_elf(&img.data, Path::new(&img.name))?;
    }
    let key = super::args::read_key_file(encryption.encrypt_key.as_deref())?;
    let settings = from_file.overridden_by(Settings::from_args(params));
    write_images(
        conn,
        format,
        images,
        settings,
        flags,
        monitor,
        key.as_deref(),
    )
}

fn build_images(build: &IdfBuild) -> Result<Vec<Image>, Error> {
    build
        .files
        .iter()
        .map(|f| {
            let mut img = Image::from_file(f.addr, &f.path)?;
            if f.encrypted {
                img.encryption = Encryption::ByChip { ciphertext: None };
            }
            Ok(img)
        })
        .collect()
}

/// `flash` options.
#[derive(Args, Debug)]
pub struct FlashArgs {
    /// The app's ELF file
    #[arg(required_unless_present = "idf_build", conflicts_with = "idf_build")]
    pub elf: Option<PathBuf>,
    /// An ESP-IDF build directory: write what its flasher_args.json (or flash_args) lists
    #[arg(long, value_name = "DIR")]
    pub idf_build: Option<PathBuf>,
    #[command(flatten)]
    pub layout: ElfLayoutArgs,
    #[command(flatten)]
    pub params: FlashParamArgs,
    #[command(flatten)]
    pub flags: WriteFlags,
    /// Then start the application and show its serial output (as `espflow monitor`)
    #[arg(long)]
    pub monitor: bool,
    #[command(flatten)]
    pub monitor_options: MonitorOptions,
}

/// Where an ELF's images go, and with which bootloader.
#[derive(Args, Debug, Clone)]
pub struct ElfLayoutArgs {
    /// Partition table (CSV or binary) instead of the default one (nvs, phy_init, factory
    /// app at 0x10000)
    #[arg(long, value_name = "FILE")]
    pub partition_table: Option<PathBuf>,
    /// Flash address of the partition table
    #[arg(long, value_name = "OFF", value_parser = num, default_value = "0x8000")]
    pub table_offset: u32,
    /// Second-stage bootloader to use instead of the bundled ESP-IDF one
    #[arg(long, value_name = "FILE")]
    pub bootloader: Option<PathBuf>,
    /// App partition to build for, instead of factory (or the first app partition)
    #[arg(long, value_name = "NAME")]
    pub target_app_partition: Option<String>,
}

/// The ELF file and the binary partition table, read and checked before any connection.
struct ElfInput {
    elf: Vec<u8>,
    name: String,
    table: Option<Vec<u8>>,
}

fn read_elf_input(elf: &Path, layout: &ElfLayoutArgs) -> Result<ElfInput, Error> {
    let data = read_image(elf)?;
    if !image::is_elf(&data) {
        return Err(Error::BadInput(format!(
            "{} is not an ELF file; write a binary image with `espflow write-flash ADDR FILE`",
            elf.display()
        )));
    }
    let table = match &layout.partition_table {
        None => None,
        Some(file) => {
            let bytes = read_bounded(file, MAX_TABLE_FILE, "a partition table")?;
            let opts = ShowOptions {
                layout: LayoutOptions {
                    offset: layout.table_offset as i64,
                    ..LayoutOptions::default()
                },
                disable_md5sum: false,
            };
            let t = parse_table_file(&bytes, &opts).map_err(|e| {
                Error::Partition(e).context(format!("partition table {}", file.display()))
            })?;
            Some(t.to_binary().map_err(Error::Partition)?)
        }
    };
    Ok(ElfInput {
        elf: data,
        name: elf.display().to_string(),
        table,
    })
}

fn elf_options<'a>(
    input: &'a ElfInput,
    layout: &'a ElfLayoutArgs,
    chip: Chip,
    flash: FlashParams,
    crystal_mhz: Option<u32>,
) -> ElfOptions<'a> {
    ElfOptions {
        chip,
        flash,
        crystal_mhz,
        table: input.table.as_deref(),
        table_offset: layout.table_offset,
        bootloader: layout.bootloader.as_deref(),
        app_partition: layout.target_app_partition.as_deref(),
    }
}

/// `flash`: an ELF as bootloader, table and app; or an ESP-IDF build directory.
pub fn flash(conn: &ConnectArgs, format: Format, args: &FlashArgs) -> Result<()> {
    let given = Settings::from_args(&args.params);
    if let Some(dir) = &args.idf_build {
        let build = IdfBuild::from_dir(dir).map_err(Error::from)?;
        let mut conn = conn.clone();
        match (conn.chip, build.chip) {
            (Some(a), Some(b)) if a != b => {
                return Err(Error::BadInput(format!(
                    "{} is a build for the {b}, but --chip says {a}",
                    dir.display()
                ))
                .into());
            }
            (None, b) => conn.chip = b,
            _ => {}
        }
        let images = build_images(&build)?;
        for img in &images {
            refuse_elf(&img.data, Path::new(&img.name))?;
        }
        let settings = Settings::from_build(&build).overridden_by(given);
        let monitor = args.monitor.then_some(&args.monitor_options);
        return write_images(&conn, format, images, settings, &args.flags, monitor, None);
    }
    let elf = args
        .elf
        .as_deref()
        .expect("clap requires ELF or --idf-build");
    let input = read_elf_input(elf, &args.layout)?;
    let mut s = connect(conn)?;
    let chip = s.chip();
    let mut flash = given.resolve(s.flash_size())?;
    // Without a size the header says the flash's own (keep has no header to keep).
    if flash.size.is_none() {
        flash.size = Some(detected_size(s.flash_size())?);
    }
    let crystal = if chip.facts().crystals_mhz.len() > 1 {
        s.loader().crystal_mhz()?
    } else {
        None
    };
    let opts = elf_options(&input, &args.layout, chip, flash, crystal);
    let build = image::build_from_elf(&input.elf, &input.name, &opts).map_err(Error::from)?;
    errln!(
        "{}: bootloader at 0x{:X}, partition table at 0x{:X}, app image of {} bytes at 0x{:X} ({}% of its partition)",
        input.name,
        build.bootloader.addr,
        build.table.addr,
        build.app.data.len(),
        build.app.addr,
        (build.app.data.len() as u64 * 100).div_ceil(build.app_partition_size.max(1) as u64)
    );
    let summary = s.write(
        &build.images(),
        args.flags.options(),
        journal().as_ref(),
        &mut *progress_for(format),
    )?;
    report_write(format, &summary);
    if args.monitor {
        let mut options = args.monitor_options.clone();
        options.elf = options.elf.or_else(|| args.elf.clone());
        return super::monitor::after_write(s, conn, &options);
    }
    finish(s, conn)
}

/// `save-image` options.
#[derive(Args, Debug)]
pub struct SaveImageArgs {
    /// The app's ELF file
    pub elf: PathBuf,
    /// Where to write the image
    pub out: PathBuf,
    /// Write one file for the whole flash from 0x0: bootloader, table and app at their
    /// addresses, 0xFF between them
    #[arg(long)]
    pub merge: bool,
    #[command(flatten)]
    pub layout: ElfLayoutArgs,
    #[command(flatten)]
    pub params: FlashParamArgs,
}

/// `save-image`: the app image (or a merged binary) of an ELF, with no port.
pub fn save_image(chip: Option<Chip>, args: &SaveImageArgs) -> Result<()> {
    let chip = chip.ok_or_else(|| {
        Error::BadInput("save-image needs the chip the image is for: give --chip".into())
    })?;
    let input = read_elf_input(&args.elf, &args.layout)?;
    let settings = Settings::from_args(&args.params);
    if settings.size == Some(FlashSizeArg::Detect) {
        return Err(Error::BadInput(
            "--flash-size detect needs a chip to ask; save-image has none: give a size".into(),
        )
        .into());
    }
    let flash = settings.resolve(0)?;
    let out = Output::create(&args.out)?;
    let opts = elf_options(&input, &args.layout, chip, flash, None);
    let build = image::build_from_elf(&input.elf, &input.name, &opts).map_err(Error::from)?;
    let data = if args.merge {
        image::merge(&build.images())
    } else {
        build.app.data.clone()
    };
    out.commit(&data)?;
    errln!(
        "wrote {} ({} bytes{})",
        args.out.display(),
        data.len(),
        if args.merge {
            format!(
                ": bootloader at 0x{:X}, partition table at 0x{:X}, app at 0x{:X}",
                build.bootloader.addr, build.table.addr, build.app.addr
            )
        } else {
            format!(", for partition offset 0x{:X}", build.app.addr)
        }
    );
    Ok(())
}

fn print_info(file: &Path, i: &ImageInfo) {
    let valid = |ok: bool| if ok { "valid" } else { "INVALID" };
    outln!("File:          {}", file.display());
    outln!(
        "Chip:          {} (chip id {})",
        i.chip.as_deref().unwrap_or("unknown"),
        i.chip_id
    );
    outln!("Entry point:   0x{:08X}", i.entry);
    outln!(
        "Flash:         mode {} ({}), size {} (code {}), frequency code 0x{:X}",
        i.flash_mode_name(),
        i.flash_mode,
        i.flash_size()
            .map_or("unknown".to_string(), |b| format!("{}MB", b >> 20)),
        i.flash_size_code,
        i.flash_freq_code
    );
    outln!(
        "Chip revision: v{}.{} to v{}.{}",
        i.min_rev_full / 100,
        i.min_rev_full % 100,
        i.max_rev_full / 100,
        i.max_rev_full % 100
    );
    outln!("Segments:      {}", i.segments.len());
    for (n, s) in i.segments.iter().enumerate() {
        outln!(
            "  {n:>2}  load 0x{:08X}  length 0x{:05X}  file offset 0x{:05X}",
            s.addr,
            s.len,
            s.file_offset
        );
    }
    outln!(
        "Checksum:      0x{:02X} ({})",
        i.checksum,
        valid(i.checksum_ok())
    );
    match &i.sha256 {
        Some(h) => outln!("SHA-256:       {h} ({})", valid(i.sha256_ok())),
        None => outln!("SHA-256:       not appended"),
    }
    outln!("Image length:  {} bytes", i.image_len);
    if i.signatures.is_empty() {
        outln!("Signature:     none (not signed for secure boot v2)");
    }
    for b in &i.signatures {
        let digest = if b.image_digest_ok {
            "image digest valid"
        } else {
            "image digest WRONG"
        };
        outln!(
            "Signature {}:   {}, key digest {}, {digest}",
            b.index,
            b.scheme.name(),
            b.key_digest
        );
    }
    if let Some(a) = &i.app {
        outln!("App:           {} version {}", a.project_name, a.version);
        outln!("  built        {} {}", a.date, a.time);
        outln!("  ESP-IDF      {}", a.idf_ver);
        outln!("  secure ver.  {}", a.secure_version);
        outln!("  ELF SHA-256  {}", a.elf_sha256);
        if a.mmu_page_size != 0 {
            outln!("  MMU page     {} KiB", a.mmu_page_size / 1024);
        }
    }
}

/// `image-info`: what an image file holds; a damaged one is described, then an error.
pub fn image_info(format: Format, file: &Path) -> Result<()> {
    let data = read_image(file)?;
    refuse_elf(&data, file)?;
    let info =
        image::parse(&data).map_err(|e| Error::BadInput(format!("{} is {e}", file.display())))?;
    match format {
        Format::Json => json_event("image_info", &info),
        Format::Text => print_info(file, &info),
    }
    if !info.checksum_ok() {
        return Err(Error::BadInput(format!("{}: the checksum is wrong", file.display())).into());
    }
    if !info.sha256_ok() {
        return Err(Error::BadInput(format!(
            "{}: the appended SHA-256 does not match",
            file.display()
        ))
        .into());
    }
    Ok(())
}
