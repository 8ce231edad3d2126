//! Partition commands: `partition-table convert` and `show` (options and defaults as
//! `gen_esp32part.py` has them, so build scripts can switch tools without changing their
//! arguments), and write-, read- and erase-partition on a device.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Subcommand;
use espflow::Error;
use espflow::input::{MAX_TABLE_FILE, read_bounded, read_capped};
use espflow::numbers::human_size;
use espflow::partition::convert::{
    ConvertOptions, LayoutOptions, ShowOptions, convert_bytes, describe, parse_address,
    parse_table_file,
};
use espflow::partition::{FlashSize, SecureBoot};
use espflow::session::{PartitionSelection, find_partition};

use super::args::{ConnectArgs, Format, TableSource, WriteFlags};
use super::connect::{connect, finish};
use super::flash::{Output, journal};
use super::output::{json_line, progress_for, progress_naming, report_done, report_write};

/// Where the table lives and which extra keywords apply (shared by
/// `convert` and `show`).
#[derive(Debug, Clone, PartialEq, Eq, clap::Args)]
pub struct LayoutArgs {
    /// Flash address of the partition table (decimal unless prefixed: 0x, 0o, 0b)
    #[arg(
        long,
        short = 'o',
        value_name = "OFF",
        default_value = "0x8000",
        value_parser = parse_address,
        allow_negative_numbers = true,
        overrides_with = "offset",
    )]
    pub offset: i64,

    /// Flash address of the primary bootloader; required by `bootloader` rows
    #[arg(
        long,
        value_name = "OFF",
        value_parser = parse_address,
        allow_negative_numbers = true,
        overrides_with = "primary_bootloader_offset",
    )]
    pub primary_bootloader_offset: Option<i64>,

    /// Flash address of the recovery bootloader; required by `bootloader, recovery` rows
    #[arg(
        long,
        value_name = "OFF",
        value_parser = parse_address,
        allow_negative_numbers = true,
        overrides_with = "recovery_bootloader_offset",
    )]
    pub recovery_bootloader_offset: Option<i64>,

    /// Extra subtype keywords, each ENTRY being TYPE,NAME,VALUE with VALUE in hex
    /// (e.g. app,my_app,40). Takes several values, so put it after INPUT/OUTPUT or end it with `--`
    #[arg(
        long,
        value_name = "ENTRY",
        num_args = 0..,
        overrides_with = "extra_partition_subtypes",
    )]
    pub extra_partition_subtypes: Vec<String>,
}

impl LayoutArgs {
    fn options(&self) -> LayoutOptions {
        LayoutOptions {
            offset: self.offset,
            primary_bootloader_offset: self.primary_bootloader_offset,
            recovery_bootloader_offset: self.recovery_bootloader_offset,
            extra_partition_subtypes: self.extra_partition_subtypes.clone(),
        }
    }
}

/// Convert a partition table between CSV and binary.
#[derive(Debug, Clone, PartialEq, Eq, clap::Args)]
pub struct ConvertArgs {
    /// CSV or binary table ("-" reads stdin); binary if it starts with AA 50
    #[arg(value_name = "INPUT")]
    pub input: PathBuf,

    /// Converted table ("-" writes stdout); missing directories are created
    #[arg(value_name = "OUTPUT", default_value = "-")]
    pub output: PathBuf,

    #[command(flatten)]
    pub layout: LayoutArgs,

    /// Fail if the table does not fit in a flash chip of this size (checked even with --no-verify)
    #[arg(long, value_name = "SIZE", value_enum, overrides_with = "flash_size")]
    pub flash_size: Option<Option<FlashSize>>,

    /// Write no MD5 entry, and read binary input without checking one
    #[arg(long, overrides_with = "disable_md5sum")]
    pub disable_md5sum: bool,

    /// App sizes suitable for secure boot: v1 (the default if no value is given) needs 64 KiB multiples
    #[arg(
        long,
        value_enum,
        num_args = 0..=1,
        default_missing_value = "v1",
        overrides_with = "secure",
    )]
    pub secure: Option<SecureBoot>,

    /// Skip validation (the --flash-size check still runs)
    #[arg(long, overrides_with = "no_verify")]
    pub no_verify: bool,

    /// Accepted for compatibility with gen_esp32part.py; no status lines are printed anyway
    #[arg(long, short = 'q', overrides_with = "quiet")]
    pub quiet: bool,

    #[command(flatten)]
    pub offline: super::offline::Offline,
}

/// Show a partition table in readable form.
#[derive(Debug, Clone, PartialEq, Eq, clap::Args)]
pub struct ShowArgs {
    /// CSV or binary table; without it the table is read from the device
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,

    /// Contents of the otadata partition (0x2000 bytes) to tell which app boots
    #[arg(long, value_name = "FILE", overrides_with = "otadata")]
    pub otadata: Option<PathBuf>,

    #[command(flatten)]
    pub layout: LayoutArgs,

    /// Do not check the MD5 entry of a binary table
    #[arg(long, overrides_with = "disable_md5sum")]
    pub disable_md5sum: bool,

    /// The chip's flash-encryption key file, to read the table and otadata of a chip
    /// whose flash encryption is on
    #[arg(long, value_name = "KEY", conflicts_with = "file")]
    pub encrypt_key: Option<PathBuf>,
}

/// `partition-table` subcommands.
#[derive(Subcommand, Debug)]
pub enum PartitionTableCommand {
    /// Convert between CSV and binary, byte for byte as ESP-IDF's generator does
    Convert(ConvertArgs),
    /// Print a table readably (from FILE, or from the device at --offset)
    Show(ShowArgs),
}

impl ConvertArgs {
    /// The library's conversion options.
    pub fn options(&self) -> ConvertOptions {
        ConvertOptions {
            layout: self.layout.options(),
            flash_size: self.flash_size.flatten(),
            disable_md5sum: self.disable_md5sum,
            secure: self.secure,
            no_verify: self.no_verify,
        }
    }
}

impl ShowArgs {
    fn options(&self) -> ShowOptions {
        ShowOptions {
            layout: self.layout.options(),
            disable_md5sum: self.disable_md5sum,
        }
    }
}

/// A table (or otadata) file, or stdin for "-". Pipes are allowed, as the generator
/// allows them, but the read is bounded so that `/dev/zero` is an error, not a hang.
fn read_input(path: &Path) -> Result<Vec<u8>, Error> {
    let (limit, what) = (MAX_TABLE_FILE, "a table or otadata file");
    if path == Path::new("-") {
        read_capped(std::io::stdin().lock(), path, limit, what)
    } else {
        read_bounded(path, limit, what)
    }
}

fn write_output(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    if path == Path::new("-") {
        let mut out = std::io::stdout().lock();
        return out
            .write_all(bytes)
            .and_then(|()| out.flush())
            .map_err(|e| Error::write_file(path, e));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::write_file(dir, e))?;
    }
    std::fs::write(path, bytes).map_err(|e| Error::write_file(path, e))
}

/// `partition-table convert` and `show`. A table that does not parse is bad input, from a
/// file or from the device alike.
pub fn table(conn: &ConnectArgs, format: Format, command: PartitionTableCommand) -> Result<()> {
    match command {
        PartitionTableCommand::Convert(args) => {
            let input = read_input(&args.input)?;
            let converted = convert_bytes(&input, &args.options(), &mut |w| errln!("WARNING: {w}"))
                .map_err(Error::from)?;
            write_output(&args.output, &converted.bytes)?;
            Ok(())
        }
        PartitionTableCommand::Show(args) => {
            let (text, table) = match &args.file {
                Some(file) => {
                    let table = parse_table_file(&read_input(file)?, &args.options())
                        .map_err(Error::from)?;
                    let otadata = args.otadata.as_deref().map(read_input).transpose()?;
                    let text = describe(&table, otadata.as_deref(), &args.options())
                        .map_err(Error::from)?;
                    (text, Some(table))
                }
                None => {
                    let mut s = connect(conn)?;
                    super::args::apply_key_file(&mut s, args.encrypt_key.as_deref())?;
                    let text = s.describe_partition_table(&args.options())?;
                    // The entries themselves only for scripts, who cannot use the text.
                    let table = match format {
                        Format::Json => {
                            let offset = u32::try_from(args.options().layout.offset).ok();
                            let src = espflow::session::TableSource {
                                file: None,
                                offset: offset.unwrap_or(0x8000),
                            };
                            Some(s.partition_table(&src)?)
                        }
                        Format::Text => None,
                    };
                    finish(s, conn)?;
                    (text, table)
                }
            };
            match format {
                Format::Json => {
                    let parts: Vec<serde_json::Value> = (table.iter())
                        .flat_map(|t| &t.partitions)
                        .map(|p| {
                            serde_json::json!({
                                "name": p.name,
                                "type": p.ptype,
                                "subtype": p.subtype,
                                "offset": p.offset,
                                "size": p.size,
                                "encrypted": p.encrypted,
                                "readonly": p.readonly,
                            })
                        })
                        .collect();
                    json_line(&serde_json::json!({
                        "event": "partition_table",
                        "partitions": parts,
                        "text": text,
                    }));
                }
                Format::Text => {
                    let _ = std::io::stdout().write_all(text.as_bytes());
                }
            }
            Ok(())
        }
    }
}

pub fn write(
    conn: &ConnectArgs,
    format: Format,
    name: &str,
    file: &Path,
    flags: &WriteFlags,
    src: &TableSource,
    force: bool,
) -> Result<()> {
    let data = espflow::input::read_image(file)?;
    let mut s = connect(conn)?;
    src.apply_key(&mut s)?;
    let table = s.partition_table(&src.data())?;
    let part = find_partition(&table, name)?.clone();
    if part.is_app() {
        super::image::check_app(&data, file, s.chip(), force)?;
    }
    let summary = s.write_partition(
        &part,
        data,
        &file.display().to_string(),
        flags.options(),
        journal().as_ref(),
        &mut *progress_for(format),
    )?;
    report_write(format, &summary);
    finish(s, conn)
}

pub fn read(
    conn: &ConnectArgs,
    format: Format,
    name: &str,
    file: &Path,
    src: &TableSource,
) -> Result<()> {
    let out = Output::create(file)?;
    let mut s = connect(conn)?;
    src.apply_key(&mut s)?;
    let table = s.partition_table(&src.data())?;
    let part = find_partition(&table, name)?.clone();
    let data = s.read(part.offset, part.size, &mut *progress_naming(format, file))?;
    out.commit(&data)?;
    report_done(
        "read-partition",
        &format!(
            "read partition '{name}' ({} bytes) into {}",
            data.len(),
            file.display()
        ),
        serde_json::json!({ "name": name, "size": data.len(), "file": file }),
    );
    finish(s, conn)
}

pub fn erase(conn: &ConnectArgs, selection: PartitionSelection, src: &TableSource) -> Result<()> {
    selection.check()?;
    let mut s = connect(conn)?;
    src.apply_key(&mut s)?;
    for p in s.erase_partitions(&selection, &src.data())? {
        report_done(
            "erase-partition",
            &format!(
                "erased partition '{}' ({} at 0x{:X})",
                p.name,
                human_size(p.size as u64),
                p.offset
            ),
            serde_json::json!({ "name": p.name, "offset": p.offset, "size": p.size }),
        );
    }
    finish(s, conn)
}
