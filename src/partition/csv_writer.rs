//! Table to CSV text, formatted exactly like the generator's output so a
//! dumped table diffs cleanly against one produced by ESP-IDF.

use super::keywords::{Keywords, TYPE_KEYWORDS};
use super::{Partition, PartitionTable};

/// How numbers are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvStyle {
    /// Keywords for type and subtype, sizes as `nM`/`nK` where exact. This
    /// is what the command line produces.
    #[default]
    Smart,
    /// Decimal type and subtype, hex size.
    Simple,
}

const HEADER: &str = "# ESP-IDF Partition Table\n# Name, Type, SubType, Offset, Size, Flags\n";

pub(crate) fn write(table: &PartitionTable, kw: &Keywords, style: CsvStyle) -> String {
    let mut out = String::from(HEADER);
    for p in &table.partitions {
        out.push_str(&row(p, kw, style));
        out.push('\n');
    }
    out
}

/// One CSV row without a line terminator.
pub(crate) fn row(p: &Partition, kw: &Keywords, style: CsvStyle) -> String {
    let smart = style == CsvStyle::Smart;
    let ptype = TYPE_KEYWORDS
        .iter()
        .find(|(_, v)| smart && *v == p.ptype)
        .map_or_else(|| p.ptype.to_string(), |(n, _)| (*n).to_owned());
    let subtype = kw
        .subtype_name(p.ptype, p.subtype)
        .filter(|_| smart)
        .map_or_else(|| p.subtype.to_string(), str::to_owned);
    let size = if smart {
        size_text(p.size)
    } else {
        format!("0x{:x}", p.size)
    };
    let flags: Vec<&str> = [(p.encrypted, "encrypted"), (p.readonly, "readonly")]
        .into_iter()
        .filter_map(|(on, name)| on.then_some(name))
        .collect();
    format!(
        "{},{ptype},{subtype},0x{:x},{size},{}",
        p.name,
        p.offset,
        flags.join(":")
    )
}

/// `nM` for whole MiB (including zero), else `nK` for whole KiB, else hex.
pub(crate) fn size_text(size: u32) -> String {
    if size.is_multiple_of(0x10_0000) {
        format!("{}M", size / 0x10_0000)
    } else if size.is_multiple_of(0x400) {
        format!("{}K", size / 0x400)
    } else {
        format!("0x{size:x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_pick_the_largest_exact_unit() {
        assert_eq!(size_text(0), "0M");
        assert_eq!(size_text(0x10_0000), "1M");
        assert_eq!(size_text(0x18_0000), "1536K");
        assert_eq!(size_text(0x1000), "4K");
        assert_eq!(size_text(0x123), "0x123");
    }
}
