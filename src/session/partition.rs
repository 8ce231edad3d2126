//! Partition-aware operations: partitions found by name in the table on the device (or a
//! given file), and written, read or erased with the same machinery as any write, so writes
//! are checked, resumable and skip what is already in place.

use std::path::PathBuf;

use super::Session;
use crate::error::{Error, Result};
use crate::numbers::{human_size, parse_u32};
use crate::partition::convert::{
    LayoutOptions, ShowOptions, describe, parse_table_file, table_from_device,
};
use crate::partition::{Keywords, Partition, PartitionError, PartitionTable, types};
use crate::progress::Progress;
use crate::write::plan::Encryption;
use crate::write::{Image, Journal, WriteOptions, WriteSummary};

/// The table's own size on flash: what the generator emits.
const TABLE_LEN: u32 = 0xC00;

/// Where the partition table comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableSource {
    /// A CSV or binary table file to use instead of the device's.
    pub file: Option<PathBuf>,
    /// Flash address of the table on the device.
    pub offset: u32,
}

impl Default for TableSource {
    fn default() -> Self {
        TableSource {
            file: None,
            offset: crate::partition::DEFAULT_TABLE_OFFSET,
        }
    }
}

impl TableSource {
    fn show_options(&self) -> ShowOptions {
        ShowOptions {
            layout: LayoutOptions {
                offset: self.offset as i64,
                ..LayoutOptions::default()
            },
            disable_md5sum: false,
        }
    }
}

/// The partition called `name`; the error lists the names the table has.
pub fn find_partition<'a>(table: &'a PartitionTable, name: &str) -> Result<&'a Partition> {
    table.find_by_name(name).ok_or_else(|| {
        let names: Vec<&str> = table.partitions.iter().map(|p| p.name.as_str()).collect();
        Error::BadInput(format!(
            "no partition named '{name}' (the table has: {})",
            names.join(", ")
        ))
    })
}

/// Which partitions an erase is about: by name, every data partition, or by type and
/// subtype (names or numbers).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PartitionSelection {
    /// Partitions by name.
    pub names: Vec<String>,
    /// Every partition of type data.
    pub data_parts: bool,
    /// Partitions of this type (`app`, `data` or a number).
    pub ptype: Option<String>,
    /// With `ptype`: only this subtype.
    pub subtype: Option<String>,
}

fn parse_code(text: &str, name_of: impl Fn(u8) -> Option<String>) -> Result<u8> {
    if let Ok(n) = parse_u32(text) {
        return u8::try_from(n)
            .map_err(|_| Error::BadInput(format!("'{text}' does not fit a byte")));
    }
    (0..=255u8)
        .find(|c| name_of(*c).is_some_and(|n| n.eq_ignore_ascii_case(text)))
        .ok_or_else(|| Error::BadInput(format!("unknown type or subtype '{text}'")))
}

/// A type and subtype filter, resolved to codes.
#[derive(Clone, Copy, Debug)]
struct Codes {
    ptype: Option<u8>,
    subtype: Option<u8>,
}

impl PartitionSelection {
    /// Checks the selection itself before any device work.
    fn codes(&self) -> Result<Codes> {
        if self.names.is_empty() && !self.data_parts && self.ptype.is_none() {
            return Err(Error::BadInput(
                "name the partitions to erase, or use --data-parts or --type".into(),
            ));
        }
        let kw = Keywords::default();
        let ptype = self
            .ptype
            .as_deref()
            .map(|t| parse_code(t, |c| kw.type_name(c).map(str::to_string)))
            .transpose()?;
        let subtype = match (ptype, self.subtype.as_deref()) {
            (Some(t), Some(s)) => Some(parse_code(s, |c| {
                kw.subtype_name(t, c).map(str::to_string)
            })?),
            _ => None,
        };
        Ok(Codes { ptype, subtype })
    }

    /// Checks the selection itself (something named; types and subtypes known), so that
    /// a bad one is reported before connecting.
    pub fn check(&self) -> Result<()> {
        self.codes().map(|_| ())
    }

    /// The partitions of `table` the selection names, named ones first, each once.
    pub fn resolve(&self, table: &PartitionTable) -> Result<Vec<Partition>> {
        let codes = self.codes()?;
        let mut chosen: Vec<Partition> = Vec::new();
        for n in &self.names {
            chosen.push(find_partition(table, n)?.clone());
        }
        for p in &table.partitions {
            let by_type = codes
                .ptype
                .is_some_and(|t| p.ptype == t && codes.subtype.is_none_or(|s| p.subtype == s));
            let by_data = self.data_parts && p.ptype == types::DATA;
            if (by_type || by_data) && !chosen.iter().any(|c| c.name == p.name) {
                chosen.push(p.clone());
            }
        }
        if chosen.is_empty() {
            return Err(Error::BadInput("no partition in the table matches".into()));
        }
        Ok(chosen)
    }
}

impl Session {
    /// The partition table from `src.file`, or from the device at `src.offset`.
    pub fn partition_table(&mut self, src: &TableSource) -> Result<PartitionTable> {
        if let Some(file) = &src.file {
            let bytes = crate::input::read_bounded(
                file,
                crate::input::MAX_TABLE_FILE,
                "a partition table",
            )?;
            return parse_table_file(&bytes, &src.show_options()).map_err(|e| {
                Error::Partition(e).context(format!("partition table {}", file.display()))
            });
        }
        let bytes = self.read_table(src.offset)?;
        table_from_device(&bytes, &src.show_options()).map_err(|e| match e {
            PartitionError::Erased => Error::BadInput(format!(
                "no partition table on the device at 0x{:X} (the sector is erased): flash \
                 one, or name one with --partition-table FILE",
                src.offset
            )),
            e => Error::Partition(e).context(format!(
                "the partition table on the device at 0x{:X}",
                src.offset
            )),
        })
    }

    /// Writes `data` into `part`, refusing what does not fit before anything is touched.
    pub fn write_partition(
        &mut self,
        part: &Partition,
        data: Vec<u8>,
        source: &str,
        opts: WriteOptions,
        journal: Option<&Journal>,
        progress: &mut dyn Progress,
    ) -> Result<WriteSummary> {
        if data.len() as u64 > part.size as u64 {
            return Err(Error::BadInput(format!(
                "{source} is {} bytes, larger than partition '{}' ({} at 0x{:X})",
                data.len(),
                part.name,
                human_size(part.size as u64),
                part.offset
            )));
        }
        let mut img = Image::new(part.offset, data, source.to_string());
        // ESP-IDF's rule: on a chip that encrypts its flash, what it reads decrypted
        // (apps, nvs_keys, flagged partitions) is written encrypted, the rest plaintext.
        let plaintext = stays_plaintext(part);
        if !plaintext && self.security().is_some_and(|s| s.flash_encryption) {
            // The rest of the last sector is the partition's own: it goes as encrypted 0xFF.
            let sector = espflow_protocol::geometry::SECTOR_SIZE as usize;
            let padded = img
                .data
                .len()
                .next_multiple_of(sector)
                .min(part.size as usize);
            img.data.resize(padded.max(img.data.len()), 0xFF);
            img.encryption = Encryption::ByChip { ciphertext: None };
        }
        self.write_guarded(&[img], opts, journal, progress, plaintext)
    }

    /// Erases each partition the selection names; returns them. The selection is checked
    /// before the device is touched.
    pub fn erase_partitions(
        &mut self,
        selection: &PartitionSelection,
        src: &TableSource,
    ) -> Result<Vec<Partition>> {
        selection.codes()?;
        let table = self.partition_table(src)?;
        let chosen = selection.resolve(&table)?;
        for p in &chosen {
            self.erase_region(p.offset, p.size)
                .map_err(|e| e.context(format!("erasing partition '{}'", p.name)))?;
        }
        Ok(chosen)
    }

    /// The table on the device at `options.layout.offset`, described readably with the app
    /// the device's otadata selects.
    pub fn describe_partition_table(&mut self, options: &ShowOptions) -> Result<String> {
        let offset = u32::try_from(options.layout.offset)
            .map_err(|_| Error::BadInput("--offset must be a flash address".into()))?;
        let bytes = self.read_table(offset)?;
        let table = table_from_device(&bytes, options).map_err(|e| {
            Error::Partition(e)
                .context(format!("the partition table on the device at 0x{offset:X}"))
        })?;
        let otadata = match table.otadata() {
            Some(p) => Some(self.read_otadata_bytes(p)?),
            None => None,
        };
        Ok(describe(&table, otadata.as_deref(), options)?)
    }

    /// The table's sector at `offset`, decrypted where the chip encrypts it (a table in
    /// plaintext or an erased sector is taken as it is).
    fn read_table(&mut self, offset: u32) -> Result<Vec<u8>> {
        let plain = |b: &[u8]| b.starts_with(&[0xAA, 0x50]) || b.iter().all(|x| *x == 0xFF);
        self.read_decrypted(offset, TABLE_LEN, "the partition table", plain)
    }

    /// Partition `p` (otadata) as the bootloader reads it: decrypted where the chip
    /// encrypts it; erased flash stays erased either way (the bootloader finds no valid
    /// copy in it, decrypted or not).
    pub(super) fn read_otadata_bytes(&mut self, p: &Partition) -> Result<Vec<u8>> {
        let erased = |b: &[u8]| b.iter().all(|x| *x == 0xFF);
        self.read_decrypted(p.offset, p.size, "otadata", erased)
    }
}

/// Whether ESP-IDF keeps a partition plaintext on a chip with flash encryption on: its
/// partition driver (`is_partition_encrypted` in esp_partition) encrypts apps, the
/// bootloader, the partition table, otadata, the TEE's otadata, `nvs_keys` and whatever
/// carries the `encrypted` flag, and nothing else (nvs, phy, coredump stay plaintext).
pub(super) fn stays_plaintext(p: &Partition) -> bool {
    const OTA: u8 = 0x00;
    const NVS_KEYS: u8 = 0x04;
    const TEE_OTA: u8 = 0x90;
    let encrypted = match p.ptype {
        0 | 2 | 3 => true,
        1 => matches!(p.subtype, OTA | NVS_KEYS | TEE_OTA),
        _ => false,
    };
    !(encrypted || p.encrypted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::partition::CsvOptions;

    fn table() -> PartitionTable {
        PartitionTable::from_csv(
            "nvs,data,nvs,,0x4000\notadata,data,ota,,0x2000\nphy_init,data,phy,,0x1000\n\
             factory,app,factory,,1M\nota_0,app,ota_0,,1M\n",
            &CsvOptions::default(),
        )
        .unwrap()
    }

    fn names(parts: &[Partition]) -> Vec<&str> {
        parts.iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn selections_resolve_without_a_device() {
        let t = table();
        let data = PartitionSelection {
            data_parts: true,
            ..Default::default()
        };
        assert_eq!(
            names(&data.resolve(&t).unwrap()),
            ["nvs", "otadata", "phy_init"]
        );
        let by_type = PartitionSelection {
            names: vec!["factory".into()],
            ptype: Some("data".into()),
            subtype: Some("ota".into()),
            ..Default::default()
        };
        assert_eq!(names(&by_type.resolve(&t).unwrap()), ["factory", "otadata"]);
        let numeric = PartitionSelection {
            ptype: Some("0".into()),
            subtype: Some("0x10".into()),
            ..Default::default()
        };
        assert_eq!(names(&numeric.resolve(&t).unwrap()), ["ota_0"]);
    }

    #[test]
    fn bad_selections_are_bad_input() {
        let t = table();
        for sel in [
            PartitionSelection::default(),
            PartitionSelection {
                names: vec!["nope".into()],
                ..Default::default()
            },
            PartitionSelection {
                ptype: Some("bogus".into()),
                ..Default::default()
            },
            PartitionSelection {
                ptype: Some("0x40".into()),
                ..Default::default()
            },
        ] {
            let e = sel.resolve(&t).unwrap_err();
            assert_eq!(e.code(), crate::ErrorCode::BadInput, "{e}");
        }
    }
}
