//! ESP-IDF partition tables: CSV and binary forms, validation, display.
//!
//! Conversions are byte-for-byte compatible with ESP-IDF's
//! `gen_esp32part.py` (v5.5 to v6.0.x), including its quirks; inputs that
//! make that tool crash are rejected here with an ordinary error instead.

mod binary;
pub mod convert;
mod csv;
mod csv_writer;
mod error;
mod keywords;
mod number;
mod render;
mod text;
mod validate;
mod vars;

#[cfg(test)]
mod prop_tests;
#[cfg(test)]
mod upstream_tests;

pub use binary::{BinOptions, Decoded, Md5Status};
pub use csv::CsvOptions;
pub use csv_writer::CsvStyle;
pub use error::{CsvField, CsvProblem, PartitionError, PartitionProblem, Warning};
pub use keywords::{Keywords, TYPE_KEYWORDS, types};
pub use render::{render_table, render_table_with};
pub use validate::{FlashSize, SecureBoot, ValidateOptions};
pub use vars::VarSource;

/// Default flash address of the partition table.
pub const DEFAULT_TABLE_OFFSET: u32 = 0x8000;
/// The table owns one whole flash sector.
pub const PARTITION_TABLE_SECTOR: u32 = 0x1000;
/// Length of the generated binary; the rest of the sector is left for a
/// secure boot v1 signature.
pub const TABLE_BINARY_LEN: usize = 0xC00;
/// Size of one entry in the binary table.
pub const ENTRY_LEN: usize = 32;
/// First two bytes of every partition entry.
pub const ENTRY_MAGIC: [u8; 2] = [0xAA, 0x50];
/// First two bytes of the MD5 entry.
pub const MD5_MAGIC: [u8; 2] = [0xEB, 0xEB];
/// Longest name that fits in an entry (in UTF-8 bytes); longer names are cut.
pub const NAME_LEN: usize = 16;
/// Required size of the otadata partition.
pub const OTADATA_SIZE: u32 = 0x2000;

/// Well-known subtype values.
pub mod subtypes {
    /// App `factory`: booted when otadata selects nothing.
    pub const APP_FACTORY: u8 = 0x00;
    /// App `ota_0`; `ota_N` is `APP_OTA_0 + N`.
    pub const APP_OTA_0: u8 = 0x10;
    /// App `ota_15`, the last OTA slot.
    pub const APP_OTA_MAX: u8 = 0x1F;
    /// App `test`.
    pub const APP_TEST: u8 = 0x20;
    /// Data `ota`: the otadata partition that selects the OTA app.
    pub const DATA_OTA: u8 = 0x00;
    /// Data `phy`: PHY (radio) initialisation data.
    pub const DATA_PHY: u8 = 0x01;
    /// Data `nvs`: non-volatile key-value storage.
    pub const DATA_NVS: u8 = 0x02;
    /// Data `coredump`: where a crash dump is written.
    pub const DATA_COREDUMP: u8 = 0x03;
    /// Data `nvs_keys`: NVS encryption keys.
    pub const DATA_NVS_KEYS: u8 = 0x04;
    /// Data `undefined`: what an empty data subtype means.
    pub const DATA_UNDEFINED: u8 = 0x06;
    /// Data `tee_ota`: the TEE's own otadata partition.
    pub const DATA_TEE_OTA: u8 = 0x90;
}

/// Offset alignment by type: apps need 64 KiB (MMU pages), everything else
/// one 4 KiB flash sector, including custom types.
pub fn offset_alignment(ptype: u8) -> u32 {
    if ptype == types::APP { 0x10000 } else { 0x1000 }
}

/// One partition entry.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Partition {
    /// Name as text; only the first 16 UTF-8 bytes are stored in binary.
    pub name: String,
    /// Type: 0 app, 1 data, 2 bootloader, 3 partition_table, others custom.
    pub ptype: u8,
    /// Subtype; its meaning depends on the type (see [`subtypes`]).
    pub subtype: u8,
    /// Absolute flash address.
    pub offset: u32,
    /// Size in bytes.
    pub size: u32,
    /// `encrypted` flag: the contents are encrypted when flash encryption is on.
    pub encrypted: bool,
    /// `readonly` flag: ESP-IDF refuses writes to the partition at run time.
    pub readonly: bool,
}

/// An application slot the bootloader can start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AppSlot {
    /// The `factory` app.
    Factory,
    /// `ota_0` .. `ota_15`.
    Ota(u8),
    /// The `test` app.
    Test,
}

impl std::fmt::Display for AppSlot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AppSlot::Factory => f.write_str("factory"),
            AppSlot::Ota(n) => write!(f, "ota_{n}"),
            AppSlot::Test => f.write_str("test"),
        }
    }
}

impl Partition {
    /// First address after the partition.
    pub fn end(&self) -> u64 {
        u64::from(self.offset) + u64::from(self.size)
    }

    /// Whether the type is app.
    pub fn is_app(&self) -> bool {
        self.ptype == types::APP
    }

    /// The app slot this partition provides, if it is a bootable app.
    pub fn app_slot(&self) -> Option<AppSlot> {
        if !self.is_app() {
            return None;
        }
        match self.subtype {
            subtypes::APP_FACTORY => Some(AppSlot::Factory),
            s @ subtypes::APP_OTA_0..=subtypes::APP_OTA_MAX => {
                Some(AppSlot::Ota(s - subtypes::APP_OTA_0))
            }
            subtypes::APP_TEST => Some(AppSlot::Test),
            _ => None,
        }
    }

    /// Whether this is the OTA selection partition (data/ota).
    pub fn is_otadata(&self) -> bool {
        self.ptype == types::DATA && self.subtype == subtypes::DATA_OTA
    }

    /// The 32-byte binary entry.
    pub fn to_entry(&self) -> [u8; ENTRY_LEN] {
        binary::entry_bytes(self)
    }

    /// Decodes one 32-byte binary entry; unknown flag bits are dropped.
    pub fn from_entry(entry: &[u8; ENTRY_LEN]) -> Result<Partition, PartitionError> {
        binary::decode_entry(entry, 0).map(|(p, _)| p)
    }
}

/// A partition table: entries in table order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct PartitionTable {
    /// The entries, in the order they appear in the table.
    pub partitions: Vec<Partition>,
}

impl PartitionTable {
    /// Parses CSV text (already decoded; see [`PartitionTable::from_bytes`]
    /// for raw input), assigning offsets the way the generator does.
    pub fn from_csv(text: &str, opts: &CsvOptions) -> Result<Self, PartitionError> {
        csv::parse(text, opts)
    }

    /// Parses a binary table (the generator's output or a flash dump).
    pub fn from_binary(bytes: &[u8], opts: &BinOptions) -> Result<Self, PartitionError> {
        binary::decode(bytes, opts).map(|d| d.table)
    }

    /// Parses a binary table and reports warnings and the MD5 status too.
    pub fn decode_binary(bytes: &[u8], opts: &BinOptions) -> Result<Decoded, PartitionError> {
        binary::decode(bytes, opts)
    }

    /// Parses the bytes read from the table's flash sector on a device.
    /// An erased sector is reported as [`PartitionError::Erased`].
    pub fn from_flash(bytes: &[u8], opts: &BinOptions) -> Result<Decoded, PartitionError> {
        if bytes.len() >= 4 && bytes[..4] == [0xFF; 4] {
            return Err(PartitionError::Erased);
        }
        binary::decode(bytes, opts)
    }

    /// Parses input whose form is unknown: binary if it starts with the
    /// entry magic `AA 50`, CSV text otherwise (with BOM detection). The
    /// flag is true when the input was binary.
    pub fn from_bytes(
        bytes: &[u8],
        csv: &CsvOptions,
        bin: &BinOptions,
    ) -> Result<(Self, bool), PartitionError> {
        if is_binary(bytes) {
            Ok((Self::from_binary(bytes, bin)?, true))
        } else {
            let text = text::decode_input(bytes)?;
            Ok((Self::from_csv(&text, csv)?, false))
        }
    }

    /// The 0xC00-byte binary image with the MD5 entry.
    pub fn to_binary(&self) -> Result<Vec<u8>, PartitionError> {
        binary::encode(self, true)
    }

    /// The binary image, with or without the MD5 entry.
    pub fn to_binary_with(&self, md5: bool) -> Result<Vec<u8>, PartitionError> {
        binary::encode(self, md5)
    }

    /// CSV text as the generator prints it for a binary input.
    pub fn to_csv(&self) -> String {
        csv_writer::write(self, &Keywords::default(), CsvStyle::Smart)
    }

    /// CSV text with custom keywords or the all-numeric style.
    pub fn to_csv_with(&self, keywords: &Keywords, style: CsvStyle) -> String {
        csv_writer::write(self, keywords, style)
    }

    /// Checks every rule the generator enforces; returns the warnings it
    /// would print when the table passes.
    pub fn validate(&self, opts: &ValidateOptions) -> Result<Vec<Warning>, PartitionError> {
        validate::validate(self, opts)
    }

    /// Names that look like keywords but do not match the partition.
    pub fn name_warnings(&self, keywords: &Keywords) -> Vec<Warning> {
        validate::name_warnings(self, keywords)
    }

    /// Checks that the table fits a flash chip of `flash_bytes`.
    pub fn check_flash_size(&self, flash_bytes: u64) -> Result<(), PartitionError> {
        validate::check_flash_size(self, flash_bytes)
    }

    /// End of the partition with the highest offset (the generator's idea of
    /// how much flash the table needs).
    pub fn flash_used(&self) -> u64 {
        validate::flash_used(self)
    }

    /// The first partition with this exact name.
    pub fn find_by_name(&self, name: &str) -> Option<&Partition> {
        self.partitions.iter().find(|p| p.name == name)
    }

    /// Every partition with this type and subtype, in table order.
    pub fn find_by_type(&self, ptype: u8, subtype: u8) -> impl Iterator<Item = &Partition> {
        self.partitions
            .iter()
            .filter(move |p| p.ptype == ptype && p.subtype == subtype)
    }

    /// The first partition with this type and subtype.
    pub fn first_by_type(&self, ptype: u8, subtype: u8) -> Option<&Partition> {
        self.find_by_type(ptype, subtype).next()
    }

    /// Bootable apps in the order the bootloader considers them: factory,
    /// ota_0..ota_15, test. Duplicated subtypes keep the first entry.
    pub fn app_slots(&self) -> Vec<(AppSlot, &Partition)> {
        let mut slots: Vec<(AppSlot, &Partition)> = Vec::new();
        for p in &self.partitions {
            if let Some(slot) = p.app_slot()
                && !slots.iter().any(|(s, _)| *s == slot)
            {
                slots.push((slot, p));
            }
        }
        slots.sort_by_key(|(s, _)| *s);
        slots
    }

    /// OTA app partitions ordered by slot number (gaps are possible).
    pub fn ota_slots(&self) -> Vec<(u8, &Partition)> {
        self.app_slots()
            .into_iter()
            .filter_map(|(s, p)| match s {
                AppSlot::Ota(n) => Some((n, p)),
                _ => None,
            })
            .collect()
    }

    /// The partition providing an app slot (the first, if repeated).
    pub fn app(&self, slot: AppSlot) -> Option<&Partition> {
        self.app_slots()
            .into_iter()
            .find(|(s, _)| *s == slot)
            .map(|(_, p)| p)
    }

    /// The factory app partition, if any.
    pub fn factory(&self) -> Option<&Partition> {
        self.app(AppSlot::Factory)
    }

    /// The OTA selection partition (data/ota), if any.
    pub fn otadata(&self) -> Option<&Partition> {
        self.partitions.iter().find(|p| p.is_otadata())
    }

    /// The number of OTA slots as the bootloader counts them: every app
    /// entry with an ota_N subtype, gaps included. The sequence number in
    /// otadata is taken modulo this count.
    pub fn bootloader_ota_count(&self) -> usize {
        self.partitions
            .iter()
            .filter(|p| {
                p.is_app() && (subtypes::APP_OTA_0..=subtypes::APP_OTA_MAX).contains(&p.subtype)
            })
            .count()
    }

    /// Which app boots given the slot otadata selects (`None`: otadata is
    /// erased or holds no valid entry). Mirrors the bootloader: no selection
    /// means factory, else the first OTA slot; a selected slot missing from
    /// the table falls back the same way the bootloader's search does
    /// (downwards, then factory, then upwards, then test).
    pub fn boot_app(&self, ota_slot: Option<u8>) -> Option<AppSlot> {
        let has = |s: AppSlot| self.app(s).is_some();
        let Some(start) = ota_slot else {
            if has(AppSlot::Factory) {
                return Some(AppSlot::Factory);
            }
            return self.app_slots().into_iter().map(|(s, _)| s).next();
        };
        let down = (0..=start).rev().map(AppSlot::Ota);
        let up = (start.saturating_add(1)..16).map(AppSlot::Ota);
        down.chain(std::iter::once(AppSlot::Factory))
            .chain(up)
            .chain(std::iter::once(AppSlot::Test))
            .find(|s| has(*s))
    }
}

/// Whether raw input is a binary table (the only test the generator makes).
pub fn is_binary(bytes: &[u8]) -> bool {
    bytes.starts_with(&ENTRY_MAGIC)
}
