//! Errors and warnings. Texts keep ESP-IDF's wording where it has one, so
//! users can search for them, and add the context ESP-IDF leaves out (line
//! and field for CSV input, entry index for binary input, partition names).

use std::fmt;

use super::number::{alt_hex, c_hex};

/// A CSV column, for error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvField {
    /// First column: the partition name.
    Name,
    /// Second column: the partition type.
    Type,
    /// Third column: the subtype.
    Subtype,
    /// Fourth column: the flash offset.
    Offset,
    /// Fifth column: the size.
    Size,
    /// Sixth column: `encrypted` / `readonly` flags, separated by `:`.
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
    /// The line starts with `$NAME` and that variable is not set (holds the name).
    #[error("unknown variable '{0}'")]
    UnknownVariable(String),
    /// The type column is empty.
    #[error("Field 'type' can't be left empty.")]
    EmptyType,
    /// An app partition has an empty subtype column.
    #[error("App partition cannot have an empty subtype")]
    EmptyAppSubtype,
    /// The size column is empty (and the type does not fix the size).
    #[error("Size field can't be empty")]
    EmptySize,
    /// A field without keywords (offset, size, or the subtype of a custom
    /// type) is not an integer literal (holds the text without its `k`/`m`
    /// suffixes).
    #[error("Invalid field value {0}")]
    InvalidValue(String),
    /// The type or subtype is neither a number nor one of the known keywords.
    #[error("Value '{value}' is not valid. Known keywords: {known}")]
    UnknownKeyword {
        /// The text as written, without `k`/`m` suffixes.
        value: String,
        /// The keywords accepted in this column, comma-separated, in table order.
        known: String,
    },
    /// The value, after `k`/`m` scaling, overflows even a 128-bit integer
    /// (holds the field text).
    #[error("value {0} is too large")]
    TooLarge(String),
    /// The field has so many `k`/`m` suffixes that gen_esp32part.py would
    /// hit Python's recursion limit (holds the field text).
    #[error("'{0}' has more k/m suffixes than gen_esp32part.py can evaluate")]
    TooManySuffixes(String),
    /// The value is negative or too wide for its binary field.
    #[error("value {} does not fit in {bits} bits", alt_hex(*value))]
    OutOfRange {
        /// The value after suffix scaling (and, for sizes, end-address resolution).
        value: i128,
        /// Width of the binary field: 8 for type and subtype, 32 for offset and size.
        bits: u8,
    },
    /// The flags column holds something other than `encrypted` or `readonly`.
    #[error("CSV flag column contains unknown flag '{0}'")]
    UnknownFlag(String),
    /// A bootloader row needs `--primary-bootloader-offset`, which was not given.
    #[error("Primary bootloader offset is not defined. Please use --primary-bootloader-offset")]
    MissingPrimaryBootloaderOffset,
    /// A recovery bootloader row needs `--recovery-bootloader-offset`, which was not given.
    #[error("Recovery bootloader offset is not defined. Please use --recovery-bootloader-offset")]
    MissingRecoveryBootloaderOffset,
    /// The first row (or a row identical to it) starts below the first free
    /// address, which for the first row is the end of the table's sector.
    #[error(
        "Partitions overlap. Partition sets offset {}. But partition table occupies the whole sector {}. \
         Use a free offset {} or higher.",
        c_hex(*offset), c_hex(*table_offset), c_hex(*first_free)
    )]
    OverlapsTable {
        /// The offset the row asks for.
        offset: i128,
        /// Flash address of the partition table.
        table_offset: i128,
        /// Lowest address the row could have used.
        first_free: i128,
    },
    /// A partition starts before the end of the one placed before it.
    #[error(
        "Partitions overlap. Partition sets offset {}. Previous partition ends {}",
        c_hex(*offset), c_hex(*previous_end)
    )]
    OverlapsPrevious {
        /// The offset the row asks for.
        offset: i128,
        /// First address after the previous partition.
        previous_end: i128,
    },
}

/// What is wrong with one partition on its own.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PartitionProblem {
    /// The offset is not a multiple of the type's alignment (64 KiB for
    /// apps, 4 KiB otherwise).
    #[error("Offset 0x{offset:x} is not aligned to 0x{align:x}")]
    OffsetNotAligned {
        /// Flash address of the partition.
        offset: u32,
        /// Required alignment in bytes.
        align: u32,
    },
    /// An app's size is not a multiple of the alignment the secure boot
    /// scheme requires (64 KiB for v1, 4 KiB otherwise).
    #[error("Size 0x{size:x} is not aligned to 0x{align:x}")]
    SizeNotAligned {
        /// Partition size in bytes.
        size: u32,
        /// Required alignment in bytes.
        align: u32,
    },
    /// An otadata or coredump partition is flagged `readonly`; the
    /// bootloader and the core dump writer must be able to write them.
    #[error(
        "'{name}' partition of type {ptype} and subtype {subtype} is always read-write and cannot be read-only"
    )]
    AlwaysReadWrite {
        /// Partition name.
        name: String,
        /// Partition type.
        ptype: u8,
        /// Partition subtype.
        subtype: u8,
    },
    /// A read/write NVS partition is smaller than NVS needs (three pages,
    /// 0x3000 bytes); only a `readonly` one may be smaller.
    #[error(
        "'{name}' partition of type {ptype} and subtype {subtype} of this size (0x{size:x}) must be flagged as \
         'readonly' (the size of read/write NVS has to be at least 0x{min:x})"
    )]
    NvsTooSmall {
        /// Partition name.
        name: String,
        /// Partition type.
        ptype: u8,
        /// Partition subtype.
        subtype: u8,
        /// Partition size in bytes.
        size: u32,
        /// Smallest read/write NVS size in bytes.
        min: u32,
    },
}

/// Every way reading, checking or writing a partition table can fail.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PartitionError {
    /// The input is not binary and cannot be decoded as text (bad UTF-8,
    /// or malformed UTF-16/UTF-32 after a byte order mark).
    #[error("{0}")]
    Encoding(String),
    /// A CSV line is malformed.
    #[error("Error at line {line}, field {field}: {problem}")]
    Csv {
        /// 1-based line number in the input.
        line: usize,
        /// The column at fault.
        field: CsvField,
        /// What is wrong.
        problem: CsvProblem,
    },
    /// An `--extra-partition-subtypes` entry cannot be used.
    #[error("Error parsing custom subtypes '{spec}': {reason}")]
    ExtraSubtype {
        /// The `TYPE,NAME,VALUE` entry as given.
        spec: String,
        /// Why it was rejected.
        reason: String,
    },
    /// The primary bootloader offset is not below the partition table offset.
    #[error(
        "Unsupported configuration. Primary bootloader must be below partition table. \
         Check --primary-bootloader-offset={} and --offset={}",
        alt_hex(i128::from(*bootloader)), alt_hex(i128::from(*table))
    )]
    BootloaderNotBelowTable {
        /// Primary bootloader flash address.
        bootloader: i64,
        /// Partition table flash address.
        table: i64,
    },
    /// An option has a value that cannot be used.
    #[error("invalid value '{value}' for {option}: {reason}")]
    BadOption {
        /// The option's name.
        option: &'static str,
        /// The value as given.
        value: String,
        /// Why it was rejected.
        reason: String,
    },

    /// Binary input ends in a partial 32-byte entry before any end marker.
    #[error("Partition table length must be a multiple of 32 bytes (input is {len} bytes)")]
    BinaryLength {
        /// Input length in bytes.
        len: usize,
    },
    /// The MD5 entry does not match the entries before it.
    #[error("MD5 checksums don't match! (computed: 0x{computed}, parsed: 0xb'{parsed}')")]
    Md5Mismatch {
        /// Digest of the preceding entries, lowercase hex.
        computed: String,
        /// Digest stored in the MD5 entry, lowercase hex.
        parsed: String,
    },
    /// An entry starts with neither the partition magic `AA 50` nor (when
    /// MD5 checking is on) the MD5 magic `EB EB`.
    #[error(
        "Invalid magic bytes ({}) for partition definition (entry {entry})",
        py_bytes_repr(magic)
    )]
    InvalidMagic {
        /// 0-based entry index.
        entry: usize,
        /// The first two bytes of the entry.
        magic: [u8; 2],
    },
    /// An entry's name field is not valid UTF-8.
    #[error("{}", label_not_utf8(*entry, *md5_like))]
    LabelNotUtf8 {
        /// 0-based entry index.
        entry: usize,
        /// The entry starts with the MD5 magic, so it is probably an MD5
        /// entry read with MD5 checking off.
        md5_like: bool,
    },
    /// Binary input ends without an all-0xFF entry.
    #[error("Partition table is missing an end-of-table marker")]
    MissingEndMarker,
    /// The table's flash sector is erased: there is no partition table.
    #[error("no partition table: the first entry is erased (all 0xFF)")]
    Erased,
    /// The entries (and MD5 entry) leave no room for the end marker in the
    /// 0xC00-byte binary.
    #[error(
        "Binary partition table length ({len}) longer than max (at most 94 entries with the MD5 entry, 95 without)"
    )]
    TooLong {
        /// Bytes the entries would take, MD5 entry included.
        len: usize,
    },

    /// One partition breaks a rule on its own.
    #[error("Partition {name} invalid: {problem}")]
    Invalid {
        /// Partition name.
        name: String,
        /// The rule it breaks.
        problem: PartitionProblem,
    },
    /// Two or more partitions share a name.
    #[error("Partition names must be unique (repeated: {})", quoted(names))]
    DuplicateNames {
        /// Each repeated name once, sorted.
        names: Vec<String>,
    },
    /// A partition other than the primary bootloader or table starts below
    /// the end of the table's sector.
    #[error("Partition offset 0x{offset:x} is below {} (partition '{name}')", c_hex(*min))]
    BelowTable {
        /// Partition name.
        name: String,
        /// Its flash address.
        offset: u32,
        /// Lowest allowed address: table offset plus one sector.
        min: i128,
    },
    /// Two partitions share flash (checked in offset order).
    #[error(
        "Partition at 0x{offset:x} overlaps 0x{prev_start:x}-0x{prev_last:x} ('{name}' overlaps '{prev_name}')"
    )]
    Overlap {
        /// The later partition's name.
        name: String,
        /// The later partition's flash address.
        offset: u32,
        /// The earlier partition's name.
        prev_name: String,
        /// The earlier partition's flash address.
        prev_start: u32,
        /// The earlier partition's last byte address (inclusive).
        prev_last: u64,
    },
    /// More than one otadata (or TEE otadata) partition.
    #[error("{} ({})", multiple_otadata(*tee), quoted(names))]
    MultipleOtadata {
        /// The partitions are TEE otadata (`tee_ota`) rather than `ota`.
        tee: bool,
        /// Their names, in table order.
        names: Vec<String>,
    },
    /// The otadata (or TEE otadata) partition is not 0x2000 bytes.
    #[error("{}otadata partition must have size = 0x2000 ('{name}' is 0x{size:x})", if *tee { "TEE " } else { "" })]
    OtadataSize {
        /// The partition is TEE otadata (`tee_ota`) rather than `ota`.
        tee: bool,
        /// Partition name.
        name: String,
        /// Its size in bytes.
        size: u32,
    },
    /// The table reaches past the end of the flash chip.
    #[error(
        "Partitions tables occupies {:.1}MB of flash ({used} bytes) which does not fit in configured flash size \
         {}MB. Change the flash size in menuconfig under the 'Serial Flasher Config' menu.",
        *used as f64 / 1048576.0, flash / 1048576
    )]
    FlashTooSmall {
        /// End of the partition with the highest offset, in bytes.
        used: u64,
        /// Flash chip size in bytes.
        flash: u64,
    },

    /// The otadata partition's contents cannot be read (the message of the
    /// underlying [`OtaDataError`](crate::ota::OtaDataError)).
    #[error("{0}")]
    Otadata(String),
    /// Reading or writing a file failed.
    #[error("{path}: {message}")]
    Io {
        /// The file.
        path: String,
        /// The I/O error's message.
        message: String,
    },
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
    NameIsType {
        /// Partition name.
        name: String,
        /// The partition's actual type.
        ptype: u8,
    },
    /// The name is a subtype keyword that does not describe this partition.
    NameIsSubtype {
        /// Partition name.
        name: String,
        /// The partition's actual type.
        ptype: u8,
        /// The partition's actual subtype.
        subtype: u8,
    },
    /// A binary entry carried flag bits this format does not know; they are dropped.
    UnknownFlags {
        /// 0-based entry index.
        entry: usize,
        /// The unknown bits.
        flags: u32,
    },
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
