//! Converting a table between CSV and binary, and describing one readably, with the
//! options of `gen_esp32part.py` as data (the command line maps its flags onto these).

use super::keywords::Keywords;
use super::number::{IntError, Radix, py_int};
use super::{
    AppSlot, BinOptions, CsvOptions, CsvStyle, FlashSize, PartitionError, PartitionTable,
    SecureBoot, ValidateOptions, VarSource, Warning, render_table_with,
};
use crate::ota::otadata::{BootSelection, OtaData};

/// Where the table lives and which extra keywords apply (shared by conversion and
/// display).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutOptions {
    /// Flash address of the partition table.
    pub offset: i64,
    /// Flash address of the primary bootloader; required by `bootloader` rows.
    pub primary_bootloader_offset: Option<i64>,
    /// Flash address of the recovery bootloader; required by `bootloader, recovery` rows.
    pub recovery_bootloader_offset: Option<i64>,
    /// Extra subtype keywords, each `TYPE,NAME,VALUE` with VALUE in hex.
    pub extra_partition_subtypes: Vec<String>,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            offset: i64::from(super::DEFAULT_TABLE_OFFSET),
            primary_bootloader_offset: None,
            recovery_bootloader_offset: None,
            extra_partition_subtypes: Vec::new(),
        }
    }
}

/// How to convert a table between CSV and binary (the generator's options).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConvertOptions {
    /// Where the table lives and which keywords apply.
    pub layout: LayoutOptions,
    /// Fail if the table does not fit a flash chip of this size (checked even without
    /// validation).
    pub flash_size: Option<FlashSize>,
    /// Write no MD5 entry, and read binary input without checking one.
    pub disable_md5sum: bool,
    /// App size alignment for secure boot.
    pub secure: Option<SecureBoot>,
    /// Skip validation.
    pub no_verify: bool,
}

/// How to read a table for display.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShowOptions {
    /// Where the table lives and which keywords apply.
    pub layout: LayoutOptions,
    /// Do not check the MD5 entry of a binary table.
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
    /// The converted table.
    pub bytes: Vec<u8>,
    /// True when the output is CSV text (the input was binary).
    pub is_csv: bool,
}

impl LayoutOptions {
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
    args: &ConvertOptions,
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
    if let Some(flash) = args.flash_size {
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

/// Parses a table file given to `show` (CSV or binary).
pub fn parse_table_file(
    bytes: &[u8],
    args: &ShowOptions,
) -> Result<PartitionTable, PartitionError> {
    args.layout.check()?;
    let keywords = args.layout.keywords()?;
    let bin_opts = BinOptions {
        verify_md5: !args.disable_md5sum,
    };
    PartitionTable::from_bytes(bytes, &args.layout.csv_options(&keywords), &bin_opts)
        .map(|(t, _)| t)
}

/// Parses the bytes read from the device at the table offset (0xC00 or a whole
/// sector). An erased sector gives [`PartitionError::Erased`].
pub fn table_from_device(
    bytes: &[u8],
    args: &ShowOptions,
) -> Result<PartitionTable, PartitionError> {
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
    args: &ShowOptions,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ota::otadata::OtaState;

    fn show_args() -> ShowOptions {
        ShowOptions::default()
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
}
