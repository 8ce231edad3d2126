//! Errors and warnings. Texts keep ESP-IDF's wording where it has one, so
//! users can search for them, and add the context ESP-IDF leaves out (line
//! and field for CSV input, entry index for binary input, partition names).

use std::fmt;

use super::number::{alt_hex, c_hex};

/// A CSV column, for error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvField {
    Name,
    Type,
    Subtype,
    Offset,
    Size,
    Flags,
}

impl fmt::Display for CsvField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CsvField::Name => "name",
            CsvField::Type => "type",
            CsvField::Subtype => "subtype",
            CsvField::Offset => "offset",
            CsvField::Size => "size",
            CsvField::Flags => "flags",
        })
    }
}

/// What is wrong with one CSV line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CsvProblem {
    #[error("unknown variable '{0}'")]
    UnknownVariable(String),
    #[error("Field 'type' can't be left empty.")]
    EmptyType,
    #[error("App partition cannot have an empty subtype")]
    EmptyAppSubtype,
    #[error("Size field can't be empty")]
    EmptySize,
    #[error("Invalid field value {0}")]
    InvalidValue(String),
    #[error("Value '{value}' is not valid. Known keywords: {known}")]
    UnknownKeyword { value: String, known: String },
    #[error("value {0} is too large")]
    TooLarge(String),
    #[error("'{0}' has more k/m suffixes than gen_esp32part.py can evaluate")]
    TooManySuffixes(String),
    #[error("value {} does not fit in {bits} bits", alt_hex(*value))]
    OutOfRange { value: i128, bits: u8 },
    #[error("CSV flag column contains unknown flag '{0}'")]
    UnknownFlag(String),
    #[error("Primary bootloader offset is not defined. Please use --primary-bootloader-offset")]
    MissingPrimaryBootloaderOffset,
    #[error("Recovery bootloader offset is not defined. Please use --recovery-bootloader-offset")]
    MissingRecoveryBootloaderOffset,
    #[error(
        "Partitions overlap. Partition sets offset {}. But partition table occupies the whole sector {}. \
         Use a free offset {} or higher.",
        c_hex(*offset), c_hex(*table_offset), c_hex(*first_free)
    )]
    OverlapsTable {
        offset: i128,
        table_offset: i128,
        first_free: i128,
    },
    #[error(
        "Partitions overlap. Partition sets offset {}. Previous partition ends {}",
        c_hex(*offset), c_hex(*previous_end)
    )]
    OverlapsPrevious { offset: i128, previous_end: i128 },
}

/// What is wrong with one partition on its own.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PartitionProblem {
    #[error("Offset 0x{offset:x} is not aligned to 0x{align:x}")]
    OffsetNotAligned { offset: u32, align: u32 },
    #[error("Size 0x{size:x} is not aligned to 0x{align:x}")]
    SizeNotAligned { size: u32, align: u32 },
    #[error(
        "'{name}' partition of type {ptype} and subtype {subtype} is always read-write and cannot be read-only"
    )]
    AlwaysReadWrite {
        name: String,
        ptype: u8,
        subtype: u8,
    },
    #[error(
        "'{name}' partition of type {ptype} and subtype {subtype} of this size (0x{size:x}) must be flagged as \
         'readonly' (the size of read/write NVS has to be at least 0x{min:x})"
    )]
    NvsTooSmall {
        name: String,
        ptype: u8,
        subtype: u8,
        size: u32,
        min: u32,
    },
}

/// Every way reading, checking or writing a partition table can fail.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PartitionError {
    #[error("{0}")]
    Encoding(String),
    #[error("Error at line {line}, field {field}: {problem}")]
    Csv {
        line: usize,
        field: CsvField,
        problem: CsvProblem,
    },
    #[error("Error parsing custom subtypes '{spec}': {reason}")]
    ExtraSubtype { spec: String, reason: String },
    #[error(
        "Unsupported configuration. Primary bootloader must be below partition table. \
         Check --primary-bootloader-offset={} and --offset={}",
        alt_hex(i128::from(*bootloader)), alt_hex(i128::from(*table))
    )]
    BootloaderNotBelowTable { bootloader: i64, table: i64 },
    #[error("invalid value '{value}' for {option}: {reason}")]
    BadOption {
        option: &'static str,
        value: String,
        reason: String,
    },

    #[error("Partition table length must be a multiple of 32 bytes (input is {len} bytes)")]
    BinaryLength { len: usize },
    #[error("MD5 checksums don't match! (computed: 0x{computed}, parsed: 0xb'{parsed}')")]
    Md5Mismatch { computed: String, parsed: String },
    #[error(
        "Invalid magic bytes ({}) for partition definition (entry {entry})",
        py_bytes_repr(magic)
    )]
    InvalidMagic { entry: usize, magic: [u8; 2] },
    #[error("{}", label_not_utf8(*entry, *md5_like))]
    LabelNotUtf8 { entry: usize, md5_like: bool },
    #[error("Partition table is missing an end-of-table marker")]
    MissingEndMarker,
    #[error("no partition table: the first entry is erased (all 0xFF)")]
    Erased,
    #[error(
        "Binary partition table length ({len}) longer than max (at most 94 entries with the MD5 entry, 95 without)"
    )]
    TooLong { len: usize },

    #[error("Partition {name} invalid: {problem}")]
    Invalid {
        name: String,
        problem: PartitionProblem,
    },
    #[error("Partition names must be unique (repeated: {})", quoted(names))]
    DuplicateNames { names: Vec<String> },
    #[error("Partition offset 0x{offset:x} is below {} (partition '{name}')", c_hex(*min))]
    BelowTable {
        name: String,
        offset: u32,
        min: i128,
    },
    #[error(
        "Partition at 0x{offset:x} overlaps 0x{prev_start:x}-0x{prev_last:x} ('{name}' overlaps '{prev_name}')"
    )]
    Overlap {
        name: String,
        offset: u32,
        prev_name: String,
        prev_start: u32,
        prev_last: u64,
    },
    #[error("{} ({})", multiple_otadata(*tee), quoted(names))]
    MultipleOtadata { tee: bool, names: Vec<String> },
    #[error("{}otadata partition must have size = 0x2000 ('{name}' is 0x{size:x})", if *tee { "TEE " } else { "" })]
    OtadataSize { tee: bool, name: String, size: u32 },
    #[error(
        "Partitions tables occupies {:.1}MB of flash ({used} bytes) which does not fit in configured flash size \
         {}MB. Change the flash size in menuconfig under the 'Serial Flasher Config' menu.",
        *used as f64 / 1048576.0, flash / 1048576
    )]
    FlashTooSmall { used: u64, flash: u64 },

    #[error("{0}")]
    Otadata(String),
    #[error("{path}: {message}")]
    Io { path: String, message: String },
}

fn quoted(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("'{n}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn multiple_otadata(tee: bool) -> &'static str {
    if tee {
        "Found multiple TEE otadata partitions. Only one partition can be defined with type=\"data\"(1) and \
         subtype=\"tee_ota\"(0x90)."
    } else {
        "Found multiple otadata partitions. Only one partition can be defined with type=\"data\"(1) and \
         subtype=\"ota\"(0)."
    }
}

fn label_not_utf8(entry: usize, md5_like: bool) -> String {
    let mut s = format!("the name of partition entry {entry} is not valid UTF-8");
    if md5_like {
        s.push_str(
            " (the entry starts with EB EB, an MD5 entry, which is only recognised when MD5 checking is on)",
        );
    }
    s
}

/// Python's `repr()` of a `bytes` object, as gen_esp32part.py prints bad magic.
pub(crate) fn py_bytes_repr(bytes: &[u8]) -> String {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut s = format!("b{quote}");
    for &b in bytes {
        match b {
            b'\t' => s.push_str("\\t"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            b'\\' => s.push_str("\\\\"),
            b if b == quote as u8 => {
                s.push('\\');
                s.push(quote);
            }
            0x20..=0x7e => s.push(b as char),
            _ => s.push_str(&format!("\\x{b:02x}")),
        }
    }
    s.push(quote);
    s
}

/// Something suspicious that does not stop a conversion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// The name is a type keyword but the partition has another type.
    NameIsType { name: String, ptype: u8 },
    /// The name is a subtype keyword that does not describe this partition.
    NameIsSubtype {
        name: String,
        ptype: u8,
        subtype: u8,
    },
    /// A binary entry carried flag bits this format does not know; they are dropped.
    UnknownFlags { entry: usize, flags: u32 },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::NameIsType { name, ptype } => write!(
                f,
                "Partition has name '{name}' which is a partition type, but does not match this partition's \
                 type (0x{ptype:x}). Mistake in partition table?"
            ),
            Warning::NameIsSubtype {
                name,
                ptype,
                subtype,
            } => write!(
                f,
                "Partition has name '{name}' which is a partition subtype, but this partition has non-matching \
                 type 0x{ptype:x} and subtype 0x{subtype:x}. Mistake in partition table?"
            ),
            Warning::UnknownFlags { entry, flags } => write!(
                f,
                "Partition definition had unknown flag(s) 0x{flags:08x}. Newer binary format? (entry {entry})"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_repr_matches_python() {
        assert_eq!(py_bytes_repr(&[0xaa, 0x51]), "b'\\xaaQ'");
        assert_eq!(py_bytes_repr(b"OH"), "b'OH'");
        assert_eq!(py_bytes_repr(b"'a"), "b\"'a\"");
        assert_eq!(py_bytes_repr(b"'\""), "b'\\'\"'");
        assert_eq!(py_bytes_repr(b"\\\n"), "b'\\\\\\n'");
    }

    #[test]
    fn flash_message_uses_one_decimal() {
        let e = PartitionError::FlashTooSmall {
            used: 0x140_0000,
            flash: 16 << 20,
        };
        assert!(e.to_string().starts_with(
            "Partitions tables occupies 20.0MB of flash (20971520 bytes) which does not fit in configured flash size 16MB."
        ));
        // Exact halves round to even, like Python's %-formatting.
        let e = PartitionError::FlashTooSmall {
            used: 0x4_0000,
            flash: 0,
        };
        assert!(e.to_string().contains("occupies 0.2MB"), "{e}");
    }
}
