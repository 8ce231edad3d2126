//! CSV to table: line handling, field parsing and automatic placement.
//!
//! Parsing happens in two passes like gen_esp32part.py: every line is read
//! first (so the first bad line wins), then offsets are assigned and
//! negative sizes resolved in file order.

use super::error::{CsvField, CsvProblem, PartitionError};
use super::keywords::{Keywords, types};
use super::number::{IntError, Radix, py_int};
use super::text::{py_strip, split_lines};
use super::vars::{self, VarSource};
use super::{PARTITION_TABLE_SECTOR, Partition, PartitionTable, offset_alignment};

/// Settings that change how CSV text becomes a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvOptions {
    /// Flash address of the partition table (`--offset`); automatic
    /// placement starts one sector after it.
    pub table_offset: i64,
    /// Needed by any `bootloader` row (`--primary-bootloader-offset`).
    pub primary_bootloader_offset: Option<i64>,
    /// Needed by a `bootloader, recovery` row (`--recovery-bootloader-offset`).
    pub recovery_bootloader_offset: Option<i64>,
    /// Keyword tables, including any extra subtypes.
    pub keywords: Keywords,
    /// Where `$VAR` references are resolved.
    pub vars: VarSource,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions {
            table_offset: i64::from(super::DEFAULT_TABLE_OFFSET),
            primary_bootloader_offset: None,
            recovery_bootloader_offset: None,
            keywords: Keywords::default(),
            vars: VarSource::default(),
        }
    }
}

/// Python's recursion limit caps how many `k`/`m` suffixes gen_esp32part.py can
/// peel off one value; beyond this it crashes instead of producing a table.
const MAX_SUFFIXES: usize = 992;

/// One parsed line, before placement. Values are wide because gen_esp32part.py
/// keeps arbitrary integers until it packs the binary.
#[derive(Debug, Clone)]
struct Row {
    line: usize,
    name: String,
    ptype: i128,
    subtype: i128,
    offset: Option<i128>,
    size: i128,
    encrypted: bool,
    readonly: bool,
}

impl Row {
    /// Field-wise comparison used by the reference to decide which overlap
    /// message to print (it compares with the first row by value).
    fn same_as(&self, other: &Row) -> bool {
        self.name == other.name
            && self.ptype == other.ptype
            && self.subtype == other.subtype
            && self.offset == other.offset
            && self.size == other.size
    }
}

pub(crate) fn parse(text: &str, opts: &CsvOptions) -> Result<PartitionTable, PartitionError> {
    let mut rows = Vec::new();
    for (index, raw) in split_lines(text).into_iter().enumerate() {
        let line = index + 1;
        let expanded = vars::expand(raw, &opts.vars);
        if let Some(name) = vars::leading_unknown(&expanded) {
            return Err(csv_err(
                line,
                CsvField::Name,
                CsvProblem::UnknownVariable(name.to_owned()),
            ));
        }
        let content = py_strip(&expanded);
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        rows.push(parse_row(content, line, opts)?);
    }
    place(&mut rows, opts)?;
    rows.into_iter()
        .map(into_partition)
        .collect::<Result<_, _>>()
        .map(|partitions| PartitionTable { partitions })
}

fn csv_err(line: usize, field: CsvField, problem: CsvProblem) -> PartitionError {
    PartitionError::Csv {
        line,
        field,
        problem,
    }
}

fn parse_row(content: &str, line: usize, opts: &CsvOptions) -> Result<Row, PartitionError> {
    let kw = &opts.keywords;
    // Missing trailing columns read as empty; extra columns are ignored.
    let padded = format!("{content},,,,");
    let fields: Vec<&str> = padded.split(',').map(py_strip).collect();
    let err = |field, problem| csv_err(line, field, problem);

    if fields[1].is_empty() {
        return Err(err(CsvField::Type, CsvProblem::EmptyType));
    }
    let ptype = parse_value(fields[1], kw.type_keywords()).map_err(|p| err(CsvField::Type, p))?;
    check_range(ptype, 8).map_err(|p| err(CsvField::Type, p))?;

    let subtype = if fields[2].is_empty() {
        if ptype == i128::from(types::APP) {
            return Err(err(CsvField::Subtype, CsvProblem::EmptyAppSubtype));
        }
        // Empty means "undefined" (whatever that keyword currently maps to), not 0.
        kw.subtype_value(i128::from(types::DATA), "undefined")
            .unwrap_or(0x06)
    } else {
        parse_value(fields[2], kw.subtypes_of(ptype)).map_err(|p| err(CsvField::Subtype, p))?
    };
    check_range(subtype, 8).map_err(|p| err(CsvField::Subtype, p))?;

    let offset =
        parse_offset(fields[3], ptype, subtype, opts).map_err(|p| err(CsvField::Offset, p))?;
    let size = parse_size(fields[4], ptype, opts)
        .map_err(|p| err(CsvField::Size, p))?
        .ok_or_else(|| err(CsvField::Size, CsvProblem::EmptySize))?;

    let (mut encrypted, mut readonly) = (false, false);
    // Pieces are not stripped: "encrypted : readonly" is an unknown flag.
    for flag in fields[5].split(':') {
        match flag {
            "encrypted" => encrypted = true,
            "readonly" => readonly = true,
            "" => {}
            other => {
                return Err(err(
                    CsvField::Flags,
                    CsvProblem::UnknownFlag(other.to_owned()),
                ));
            }
        }
    }

    Ok(Row {
        line,
        name: fields[0].to_owned(),
        ptype,
        subtype,
        offset,
        size,
        encrypted,
        readonly,
    })
}

/// Bootloader and primary-table rows take their place from the options, so
/// their offset column is never read.
fn parse_offset(
    text: &str,
    ptype: i128,
    subtype: i128,
    opts: &CsvOptions,
) -> Result<Option<i128>, CsvProblem> {
    let kw = &opts.keywords;
    if ptype == i128::from(types::BOOTLOADER) {
        if Some(subtype) == kw.subtype_value(ptype, "primary") {
            return opts
                .primary_bootloader_offset
                .map(|o| Some(i128::from(o)))
                .ok_or(CsvProblem::MissingPrimaryBootloaderOffset);
        }
        if Some(subtype) == kw.subtype_value(ptype, "recovery") {
            return opts
                .recovery_bootloader_offset
                .map(|o| Some(i128::from(o)))
                .ok_or(CsvProblem::MissingRecoveryBootloaderOffset);
        }
    }
    if ptype == i128::from(types::PARTITION_TABLE)
        && Some(subtype) == kw.subtype_value(ptype, "primary")
    {
        return Ok(Some(i128::from(opts.table_offset)));
    }
    if text.is_empty() {
        return Ok(None);
    }
    parse_value(text, &[]).map(Some)
}

/// Bootloader and partition-table sizes are fixed by the layout, so their
/// size column is never read either.
fn parse_size(text: &str, ptype: i128, opts: &CsvOptions) -> Result<Option<i128>, CsvProblem> {
    if ptype == i128::from(types::BOOTLOADER) {
        let primary = opts
            .primary_bootloader_offset
            .ok_or(CsvProblem::MissingPrimaryBootloaderOffset)?;
        return Ok(Some(i128::from(opts.table_offset) - i128::from(primary)));
    }
    if ptype == i128::from(types::PARTITION_TABLE) {
        return Ok(Some(i128::from(PARTITION_TABLE_SECTOR)));
    }
    if text.is_empty() {
        return Ok(None);
    }
    parse_value(text, &[]).map(Some)
}

/// A numeric field: `k`/`m` suffixes (case-insensitive, repeatable) scale
/// the rest, which is a Python integer literal or, failing that, a keyword.
/// The suffix test comes first, so a keyword ending in k or m is unusable.
fn parse_value(text: &str, keywords: &[(String, i128)]) -> Result<i128, CsvProblem> {
    let mut core = text;
    let mut shifts = 0u32;
    let mut suffixes = 0usize;
    while let Some(last) = core.chars().next_back() {
        let shift = match last {
            // U+212A KELVIN SIGN lower-cases to 'k', so Python treats it as one.
            'k' | 'K' | '\u{212A}' => 10,
            'm' | 'M' => 20,
            _ => break,
        };
        core = &core[..core.len() - last.len_utf8()];
        shifts += shift;
        suffixes += 1;
    }
    if suffixes > MAX_SUFFIXES {
        return Err(CsvProblem::TooManySuffixes(text.to_owned()));
    }
    let base = match py_int(core, Radix::Auto) {
        Ok(v) => v,
        Err(IntError::Overflow) => return Err(CsvProblem::TooLarge(text.to_owned())),
        Err(IntError::Invalid) if keywords.is_empty() => {
            return Err(CsvProblem::InvalidValue(core.to_owned()));
        }
        Err(IntError::Invalid) => {
            let wanted = core.to_lowercase();
            match keywords.iter().find(|(n, _)| *n == wanted) {
                Some((_, v)) => *v,
                None => {
                    let known = keywords
                        .iter()
                        .map(|(n, _)| n.as_str())
                        .collect::<Vec<_>>()
                        .join(", ");
                    return Err(CsvProblem::UnknownKeyword {
                        value: core.to_owned(),
                        known,
                    });
                }
            }
        }
    };
    if base == 0 {
        return Ok(0);
    }
    if shifts >= 127 {
        return Err(CsvProblem::TooLarge(text.to_owned()));
    }
    base.checked_mul(1i128 << shifts)
        .ok_or_else(|| CsvProblem::TooLarge(text.to_owned()))
}

/// Whatever the generator cannot pack into the binary entry is rejected
/// here, with the line number, instead of crashing later.
fn check_range(value: i128, bits: u8) -> Result<(), CsvProblem> {
    if (0..(1i128 << bits)).contains(&value) {
        Ok(())
    } else {
        Err(CsvProblem::OutOfRange { value, bits })
    }
}

/// Assigns missing offsets and resolves negative sizes, in file order.
fn place(rows: &mut [Row], opts: &CsvOptions) -> Result<(), PartitionError> {
    let kw = &opts.keywords;
    let table_offset = i128::from(opts.table_offset);
    let mut last_end = table_offset + i128::from(PARTITION_TABLE_SECTOR);
    for i in 0..rows.len() {
        let row = &rows[i];
        let is_primary = |ptype: u8| {
            row.ptype == i128::from(ptype)
                && Some(row.subtype) == kw.subtype_value(row.ptype, "primary")
        };
        // The primary bootloader and table sit below the table's sector and
        // neither move the placement cursor nor get checked against it.
        if is_primary(types::BOOTLOADER) || is_primary(types::PARTITION_TABLE) {
            continue;
        }
        if let Some(offset) = row.offset
            && offset < last_end
        {
            let problem = if row.same_as(&rows[0]) {
                CsvProblem::OverlapsTable {
                    offset,
                    table_offset,
                    first_free: last_end,
                }
            } else {
                CsvProblem::OverlapsPrevious {
                    offset,
                    previous_end: last_end,
                }
            };
            return Err(csv_err(row.line, CsvField::Offset, problem));
        }
        let row = &mut rows[i];
        let offset = match row.offset {
            Some(offset) => offset,
            None => {
                let align = i128::from(offset_alignment(u8::try_from(row.ptype).unwrap_or(0xff)));
                let rem = last_end.rem_euclid(align);
                if rem != 0 {
                    last_end = last_end.saturating_add(align - rem);
                }
                row.offset = Some(last_end);
                last_end
            }
        };
        // Saturation only touches values that are far outside the 32-bit
        // fields and are rejected when the rows become partitions.
        if row.size < 0 {
            // A negative size names the end address.
            row.size = row.size.saturating_neg().saturating_sub(offset);
        }
        last_end = offset.saturating_add(row.size);
    }
    Ok(())
}

fn into_partition(row: Row) -> Result<Partition, PartitionError> {
    let offset = row.offset.unwrap_or(0);
    check_range(offset, 32).map_err(|p| csv_err(row.line, CsvField::Offset, p))?;
    check_range(row.size, 32).map_err(|p| csv_err(row.line, CsvField::Size, p))?;
    // The range checks above make these conversions lossless.
    Ok(Partition {
        name: row.name,
        ptype: row.ptype as u8,
        subtype: row.subtype as u8,
        offset: offset as u32,
        size: row.size as u32,
        encrypted: row.encrypted,
        readonly: row.readonly,
    })
}
