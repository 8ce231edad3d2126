//! The generator's table checks, in its order, so the first problem
//! reported is the same one ESP-IDF reports.

use super::error::{PartitionError, PartitionProblem, Warning};
use super::keywords::{Keywords, TYPE_KEYWORDS, types};
use super::{OTADATA_SIZE, PARTITION_TABLE_SECTOR, Partition, PartitionTable, offset_alignment};

/// Read/write NVS needs room for at least three pages.
const NVS_RW_MIN_SIZE: u32 = 0x3000;

/// Secure boot scheme (`--secure`), which sets the app size alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum SecureBoot {
    /// App sizes must be multiples of 64 KiB (the signature sits in the last 64 KiB block)
    V1,
    /// App sizes must be multiples of 4 KiB, as without secure boot
    V2,
}

/// Flash chip sizes accepted by `--flash-size`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum FlashSize {
    /// 1 MiB.
    #[cfg_attr(feature = "cli", value(name = "1MB"))]
    Mb1,
    /// 2 MiB.
    #[cfg_attr(feature = "cli", value(name = "2MB"))]
    Mb2,
    /// 4 MiB.
    #[cfg_attr(feature = "cli", value(name = "4MB"))]
    Mb4,
    /// 8 MiB.
    #[cfg_attr(feature = "cli", value(name = "8MB"))]
    Mb8,
    /// 16 MiB.
    #[cfg_attr(feature = "cli", value(name = "16MB"))]
    Mb16,
    /// 32 MiB.
    #[cfg_attr(feature = "cli", value(name = "32MB"))]
    Mb32,
    /// 64 MiB.
    #[cfg_attr(feature = "cli", value(name = "64MB"))]
    Mb64,
    /// 128 MiB.
    #[cfg_attr(feature = "cli", value(name = "128MB"))]
    Mb128,
}

impl FlashSize {
    /// The size in bytes.
    pub fn bytes(self) -> u64 {
        let mb = match self {
            FlashSize::Mb1 => 1,
            FlashSize::Mb2 => 2,
            FlashSize::Mb4 => 4,
            FlashSize::Mb8 => 8,
            FlashSize::Mb16 => 16,
            FlashSize::Mb32 => 32,
            FlashSize::Mb64 => 64,
            FlashSize::Mb128 => 128,
        };
        mb << 20
    }
}

/// Settings that change what counts as valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidateOptions {
    /// Flash address of the table; nothing but the primary bootloader and
    /// the table itself may start below the end of its sector.
    pub table_offset: i64,
    /// Secure boot scheme, which sets the app size alignment (`None`: no secure boot).
    pub secure: Option<SecureBoot>,
    /// Keyword tables; subtype rules follow them, including extra subtypes.
    pub keywords: Keywords,
}

impl Default for ValidateOptions {
    fn default() -> Self {
        ValidateOptions {
            table_offset: i64::from(super::DEFAULT_TABLE_OFFSET),
            secure: None,
            keywords: Keywords::default(),
        }
    }
}

fn app_size_alignment(secure: Option<SecureBoot>) -> u32 {
    match secure {
        Some(SecureBoot::V1) => 0x10000,
        // The smallest erasable unit; v2 asks for nothing more.
        Some(SecureBoot::V2) | None => 0x1000,
    }
}

fn is_primary(p: &Partition, kw: &Keywords) -> bool {
    (p.ptype == types::BOOTLOADER || p.ptype == types::PARTITION_TABLE)
        && kw.is(p.ptype, p.subtype, "primary")
}

pub(crate) fn name_warnings(table: &PartitionTable, kw: &Keywords) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for p in &table.partitions {
        if let Some((_, t)) = TYPE_KEYWORDS.iter().find(|(n, _)| *n == p.name)
            && *t != p.ptype
        {
            warnings.push(Warning::NameIsType {
                name: p.name.clone(),
                ptype: p.ptype,
            });
        }
        if kw.all_subtype_names().any(|n| n == p.name) && !kw.is(p.ptype, p.subtype, &p.name) {
            warnings.push(Warning::NameIsSubtype {
                name: p.name.clone(),
                ptype: p.ptype,
                subtype: p.subtype,
            });
        }
    }
    warnings
}

fn check_partition(p: &Partition, opts: &ValidateOptions) -> Result<(), PartitionError> {
    let kw = &opts.keywords;
    let invalid = |problem| PartitionError::Invalid {
        name: p.name.clone(),
        problem,
    };
    let align = offset_alignment(p.ptype);
    if !p.offset.is_multiple_of(align) {
        return Err(invalid(PartitionProblem::OffsetNotAligned {
            offset: p.offset,
            align,
        }));
    }
    if p.ptype == types::APP {
        let align = app_size_alignment(opts.secure);
        if !p.size.is_multiple_of(align) {
            return Err(invalid(PartitionProblem::SizeNotAligned {
                size: p.size,
                align,
            }));
        }
    }
    if p.ptype == types::DATA
        && p.readonly
        && (kw.is(p.ptype, p.subtype, "ota") || kw.is(p.ptype, p.subtype, "coredump"))
    {
        return Err(invalid(PartitionProblem::AlwaysReadWrite {
            name: p.name.clone(),
            ptype: p.ptype,
            subtype: p.subtype,
        }));
    }
    if p.ptype == types::DATA
        && kw.is(p.ptype, p.subtype, "nvs")
        && p.size < NVS_RW_MIN_SIZE
        && !p.readonly
    {
        return Err(invalid(PartitionProblem::NvsTooSmall {
            name: p.name.clone(),
            ptype: p.ptype,
            subtype: p.subtype,
            size: p.size,
            min: NVS_RW_MIN_SIZE,
        }));
    }
    Ok(())
}

pub(crate) fn validate(
    table: &PartitionTable,
    opts: &ValidateOptions,
) -> Result<Vec<Warning>, PartitionError> {
    let kw = &opts.keywords;
    for p in &table.partitions {
        check_partition(p, opts)?;
    }

    let mut names: Vec<&str> = table.partitions.iter().map(|p| p.name.as_str()).collect();
    names.sort_unstable();
    let mut repeated: Vec<String> = names
        .windows(2)
        .filter(|w| w[0] == w[1])
        .map(|w| w[0].to_owned())
        .collect();
    repeated.dedup();
    if !repeated.is_empty() {
        return Err(PartitionError::DuplicateNames { names: repeated });
    }

    let min = i128::from(opts.table_offset) + i128::from(PARTITION_TABLE_SECTOR);
    let mut by_offset: Vec<&Partition> = table.partitions.iter().collect();
    by_offset.sort_by_key(|p| p.offset);
    let mut last: Option<&Partition> = None;
    for p in by_offset {
        if i128::from(p.offset) < min && !is_primary(p, kw) {
            return Err(PartitionError::BelowTable {
                name: p.name.clone(),
                offset: p.offset,
                min,
            });
        }
        if let Some(prev) = last
            && u64::from(p.offset) < prev.end()
        {
            return Err(PartitionError::Overlap {
                name: p.name.clone(),
                offset: p.offset,
                prev_name: prev.name.clone(),
                prev_start: prev.offset,
                prev_last: prev.end() - 1,
            });
        }
        last = Some(p);
    }

    for (keyword, tee) in [("ota", false), ("tee_ota", true)] {
        let found: Vec<&Partition> = table
            .partitions
            .iter()
            .filter(|p| p.ptype == types::DATA && kw.is(p.ptype, p.subtype, keyword))
            .collect();
        match found[..] {
            [] => {}
            [p] if p.size != OTADATA_SIZE => {
                return Err(PartitionError::OtadataSize {
                    tee,
                    name: p.name.clone(),
                    size: p.size,
                });
            }
            [_] => {}
            _ => {
                return Err(PartitionError::MultipleOtadata {
                    tee,
                    names: found.iter().map(|p| p.name.clone()).collect(),
                });
            }
        }
    }

    Ok(name_warnings(table, kw))
}

/// End of the partition with the highest offset; among equal offsets the
/// first in table order counts, so a trailing zero-size entry can hide a
/// larger one at the same address (as in gen_esp32part.py).
pub(crate) fn flash_used(table: &PartitionTable) -> u64 {
    let mut best: Option<&Partition> = None;
    for p in &table.partitions {
        if best.is_none_or(|b| p.offset > b.offset) {
            best = Some(p);
        }
    }
    best.map_or(0, Partition::end)
}

pub(crate) fn check_flash_size(
    table: &PartitionTable,
    flash_bytes: u64,
) -> Result<(), PartitionError> {
    let used = flash_used(table);
    if flash_bytes < used {
        return Err(PartitionError::FlashTooSmall {
            used,
            flash: flash_bytes,
        });
    }
    Ok(())
}
