//! `partition-table convert` and `partition-table show`.
//!
//! Options and defaults follow `gen_esp32part.py` so that build scripts can
//! switch tools without changing their arguments. Functions here return
//! errors rather than exiting; the caller prints them and exits with 2.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use super::keywords::Keywords;
use super::number::{IntError, Radix, py_int};
use super::{
    AppSlot, BinOptions, CsvOptions, CsvStyle, FlashSize, PartitionError, PartitionTable,
    SecureBoot, ValidateOptions, VarSource, Warning, render_table_with,
};
use crate::ota::otadata::{BootSelection, OtaData};

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

impl Default for LayoutArgs {
    fn default() -> Self {
        LayoutArgs {
            offset: i64::from(super::DEFAULT_TABLE_OFFSET),
            primary_bootloader_offset: None,
            recovery_bootloader_offset: None,
            extra_partition_subtypes: Vec::new(),
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
}

/// Parses an address option like Python's `int(text, 0)`.
pub fn parse_address(text: &str) -> Result<i64, String> {
    match py_int(text, Radix::Auto) {
        Ok(v) => i64::try_from(v).map_err(|_| "value out of range".to_owned()),
        Err(IntError::Overflow) => Err("value out of range".to_owned()),
        Err(IntError::Invalid) => Err("expected an integer such as 0x8000 or 32768".to_owned()),
    }
}

/// The result of a conversion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    pub bytes: Vec<u8>,
    /// True when the output is CSV text (the input was binary).
    pub is_csv: bool,
}

impl LayoutArgs {
    fn keywords(&self) -> Result<Keywords, PartitionError> {
        Keywords::with_extra_subtypes(&self.extra_partition_subtypes)
    }

    fn csv_options(&self, keywords: &Keywords) -> CsvOptions {
        CsvOptions {
            table_offset: self.offset,
            primary_bootloader_offset: self.primary_bootloader_offset,
            recovery_bootloader_offset: self.recovery_bootloader_offset,
            keywords: keywords.clone(),
            vars: VarSource::Environment,
        }
    }

    fn check(&self) -> Result<(), PartitionError> {
        match self.primary_bootloader_offset {
            Some(b) if b >= self.offset => Err(PartitionError::BootloaderNotBelowTable {
                bootloader: b,
                table: self.offset,
            }),
            _ => Ok(()),
        }
    }
}

/// Converts in memory. Warnings are handed to `warn` as they arise, even
/// when a later check fails.
pub fn convert_bytes(
    input: &[u8],
    args: &ConvertArgs,
    warn: &mut dyn FnMut(&Warning),
) -> Result<Converted, PartitionError> {
    let layout = &args.layout;
    layout.check()?;
    let keywords = layout.keywords()?;
    let bin_opts = BinOptions {
        verify_md5: !args.disable_md5sum,
    };

    let (table, is_binary) = if super::is_binary(input) {
        let decoded = PartitionTable::decode_binary(input, &bin_opts)?;
        decoded.warnings.iter().for_each(&mut *warn);
        (decoded.table, true)
    } else {
        let (table, _) =
            PartitionTable::from_bytes(input, &layout.csv_options(&keywords), &bin_opts)?;
        (table, false)
    };

    if !args.no_verify {
        table.name_warnings(&keywords).iter().for_each(&mut *warn);
        let opts = ValidateOptions {
            table_offset: layout.offset,
            secure: args.secure,
            keywords: keywords.clone(),
        };
        table.validate(&opts)?;
    }
    if let Some(Some(flash)) = args.flash_size {
        table.check_flash_size(flash.bytes())?;
    }

    if is_binary {
        Ok(Converted {
            bytes: table.to_csv_with(&keywords, CsvStyle::Smart).into_bytes(),
            is_csv: true,
        })
    } else {
        Ok(Converted {
            bytes: table.to_binary_with(!args.disable_md5sum)?,
            is_csv: false,
        })
    }
}

/// `partition-table convert`: reads INPUT, writes OUTPUT, prints warnings
/// on stderr.
pub fn run_convert(args: &ConvertArgs) -> Result<(), PartitionError> {
    let input = read_input(&args.input)?;
    let converted = convert_bytes(&input, args, &mut |w| eprintln!("WARNING: {w}"))?;
    write_output(&args.output, &converted.bytes)
}

/// Parses a table file given to `show` (CSV or binary).
pub fn parse_table_file(bytes: &[u8], args: &ShowArgs) -> Result<PartitionTable, PartitionError> {
    args.layout.check()?;
    let keywords = args.layout.keywords()?;
    let bin_opts = BinOptions {
        verify_md5: !args.disable_md5sum,
    };
    PartitionTable::from_bytes(bytes, &args.layout.csv_options(&keywords), &bin_opts)
        .map(|(t, _)| t)
}

/// Parses the bytes read from the device at `--offset` (0xC00 or a whole
/// sector). An erased sector gives [`PartitionError::Erased`].
pub fn table_from_device(bytes: &[u8], args: &ShowArgs) -> Result<PartitionTable, PartitionError> {
    let bin_opts = BinOptions {
        verify_md5: !args.disable_md5sum,
    };
    PartitionTable::from_flash(bytes, &bin_opts).map(|d| d.table)
}

/// The full `show` output: the table, which app boots (from the otadata
/// contents when given; from the table alone when it has no otadata
/// partition), and any rule the table breaks.
pub fn describe(
    table: &PartitionTable,
    otadata: Option<&[u8]>,
    args: &ShowArgs,
) -> Result<String, PartitionError> {
    let keywords = args.layout.keywords()?;
    let mut notes = Vec::new();
    let boot: Option<AppSlot> = match otadata {
        Some(bytes) => {
            let data = OtaData::parse(bytes).map_err(|e| PartitionError::Otadata(e.to_string()))?;
            let selection = data.boot_selection(table.bootloader_ota_count());
            notes.push(otadata_summary(&data, selection));
            table.boot_app(selection.slot())
        }
        None if table.otadata().is_none() => table.boot_app(None),
        None => None,
    };
    let mut out = render_table_with(table, boot, &keywords);
    let opts = ValidateOptions {
        table_offset: args.layout.offset,
        secure: None,
        keywords: keywords.clone(),
    };
    match table.validate(&opts) {
        Ok(warnings) => notes.extend(warnings.iter().map(|w| format!("warning: {w}"))),
        Err(e) => notes.push(format!("problem: {e}")),
    }
    for note in notes {
        out.push_str(&note);
        out.push('\n');
    }
    Ok(out)
}

fn otadata_summary(data: &OtaData, selection: BootSelection) -> String {
    let result = match selection {
        BootSelection::Default => "no OTA selection".to_owned(),
        BootSelection::Slot { slot, copy, .. } => format!("selects ota_{slot} (copy {copy})"),
    };
    format!(
        "otadata: copy 0 {}, copy 1 {}; {result}",
        data.copies[0].describe(),
        data.copies[1].describe()
    )
}

/// `partition-table show FILE`. Without FILE the caller reads the device
/// and uses [`table_from_device`] and [`describe`] instead.
pub fn run_show(args: &ShowArgs) -> Result<(), PartitionError> {
    let Some(file) = &args.file else {
        return Err(PartitionError::BadOption {
            option: "FILE",
            value: String::new(),
            reason: "a table file is required here".into(),
        });
    };
    let table = parse_table_file(&read_input(file)?, args)?;
    let otadata = args.otadata.as_deref().map(read_input).transpose()?;
    print!("{}", describe(&table, otadata.as_deref(), args)?);
    Ok(())
}

fn io_error(path: &Path, e: &std::io::Error) -> PartitionError {
    PartitionError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    }
}

fn read_input(path: &Path) -> Result<Vec<u8>, PartitionError> {
    if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| io_error(path, &e))?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| io_error(path, &e))
    }
}

fn write_output(path: &Path, bytes: &[u8]) -> Result<(), PartitionError> {
    if path == Path::new("-") {
        let mut out = std::io::stdout().lock();
        return out
            .write_all(bytes)
            .and_then(|()| out.flush())
            .map_err(|e| io_error(path, &e));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| io_error(dir, &e))?;
    }
    std::fs::write(path, bytes).map_err(|e| io_error(path, &e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ota::otadata::OtaState;

    fn show_args() -> ShowArgs {
        ShowArgs {
            file: None,
            otadata: None,
            layout: LayoutArgs::default(),
            disable_md5sum: false,
        }
    }

    const TWO_OTA: &str = "nvs,data,nvs,,0x4000\notadata,data,ota,,0x2000\nphy_init,data,phy,,0x1000\n\
                           factory,app,factory,,1M\nota_0,app,ota_0,,1M\nota_1,app,ota_1,,1M\n";

    fn booting_line(text: &str) -> Option<&str> {
        text.lines().find(|l| l.ends_with("<- boots"))
    }

    #[test]
    fn describe_marks_the_app_otadata_selects() {
        let table = parse_table_file(TWO_OTA.as_bytes(), &show_args()).unwrap();
        let otadata = OtaData::ERASED
            .activate(1, 2, OtaState::Undefined)
            .unwrap()
            .apply(&OtaData::ERASED);
        let text = describe(&table, Some(&otadata.to_image()), &show_args()).unwrap();
        assert!(booting_line(&text).unwrap().starts_with("ota_1 "), "{text}");
        assert!(text.contains("selects ota_1 (copy 0)"), "{text}");

        let text = describe(&table, Some(&OtaData::ERASED.to_image()), &show_args()).unwrap();
        assert!(
            booting_line(&text).unwrap().starts_with("factory "),
            "{text}"
        );
        assert!(
            text.contains("copy 0 erased, copy 1 erased; no OTA selection"),
            "{text}"
        );

        // Without otadata contents nothing is claimed.
        let text = describe(&table, None, &show_args()).unwrap();
        assert_eq!(booting_line(&text), None);
    }

    #[test]
    fn describe_without_otadata_partition_boots_factory_and_reports_problems() {
        let table = parse_table_file(
            b"nvs,data,nvs,,0x2000\nfactory,app,factory,,1M\n",
            &show_args(),
        )
        .unwrap();
        let text = describe(&table, None, &show_args()).unwrap();
        assert!(
            booting_line(&text).unwrap().starts_with("factory "),
            "{text}"
        );
        assert!(text.contains("problem: Partition nvs invalid"), "{text}");
    }

    #[test]
    fn device_bytes() {
        let image = PartitionTable::from_csv(TWO_OTA, &CsvOptions::default())
            .unwrap()
            .to_binary()
            .unwrap();
        let mut sector = image.clone();
        sector.resize(0x1000, 0xFF);
        let table = table_from_device(&sector, &show_args()).unwrap();
        assert_eq!(table.partitions.len(), 6);
        assert_eq!(
            table_from_device(&[0xFF; 0x1000], &show_args()),
            Err(PartitionError::Erased)
        );
    }

    #[test]
    fn show_requires_a_file_here() {
        assert!(matches!(
            run_show(&show_args()),
            Err(PartitionError::BadOption { .. })
        ));
    }
}
