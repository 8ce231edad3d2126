//! A table for people: aligned columns, keyword names, sizes in K/M.

use super::csv_writer::size_text;
use super::keywords::Keywords;
use super::{AppSlot, Partition, PartitionTable};

/// Renders the table; `boot_slot` marks the app that will boot.
pub fn render_table(table: &PartitionTable, boot_slot: Option<AppSlot>) -> String {
    render_table_with(table, boot_slot, &Keywords::default())
}

/// Like [`render_table`], naming subtypes with custom keywords.
pub fn render_table_with(
    table: &PartitionTable,
    boot_slot: Option<AppSlot>,
    kw: &Keywords,
) -> String {
    let booting: Option<&Partition> = boot_slot.and_then(|s| table.app(s));
    let header = [
        "Name", "Type", "SubType", "Offset", "Size", "End", "Flags", "",
    ];
    let mut rows: Vec<[String; 8]> = vec![header.map(str::to_owned)];
    for p in &table.partitions {
        let ptype = kw
            .type_name(p.ptype)
            .map_or_else(|| format!("0x{:02x}", p.ptype), str::to_owned);
        let subtype = kw
            .subtype_name(p.ptype, p.subtype)
            .map_or_else(|| format!("0x{:02x}", p.subtype), str::to_owned);
        let flags: Vec<&str> = [(p.encrypted, "encrypted"), (p.readonly, "readonly")]
            .into_iter()
            .filter_map(|(on, name)| on.then_some(name))
            .collect();
        let boots = booting.is_some_and(|b| std::ptr::eq(b, p));
        rows.push([
            p.name.clone(),
            ptype,
            subtype,
            format!("0x{:x}", p.offset),
            size_text(p.size),
            format!("0x{:x}", p.end()),
            flags.join(","),
            if boots {
                "<- boots".to_owned()
            } else {
                String::new()
            },
        ]);
    }

    let mut widths = [0usize; 8];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in &rows {
        let mut line = String::new();
        for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            // Numbers read better right-aligned.
            if matches!(i, 3..=5) {
                line.push_str(&format!("{cell:>w$}"));
            } else {
                line.push_str(&format!("{cell:<w$}"));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    match (boot_slot, booting) {
        (Some(slot), None) => out.push_str(&format!(
            "boot selection: {slot}, which is not in this table\n"
        )),
        (None, _) if table.app_slots().is_empty() => out.push_str("no bootable app partition\n"),
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::partition::CsvOptions;

    #[test]
    fn marks_the_booting_app_and_aligns_columns() {
        let csv = "nvs,data,nvs,,24K\notadata,data,ota,,8K\nota_0,app,ota_0,,1M\nota_1,app,ota_1,,1M,readonly\n\
                   blob,0x40,0x20,,0x123,encrypted\n";
        let table = PartitionTable::from_csv(csv, &CsvOptions::default()).unwrap();
        let text = render_table(&table, Some(AppSlot::Ota(1)));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "Name     Type  SubType    Offset   Size       End  Flags"
        );
        assert_eq!(
            lines[1],
            "nvs      data  nvs        0x9000    24K    0xf000"
        );
        assert_eq!(
            lines[4],
            "ota_1    app   ota_1    0x120000     1M  0x220000  readonly   <- boots"
        );
        assert_eq!(
            lines[5],
            "blob     0x40  0x20     0x220000  0x123  0x220123  encrypted"
        );
        assert!(!text.contains("not in this table"));
    }

    #[test]
    fn reports_a_selection_missing_from_the_table() {
        let table =
            PartitionTable::from_csv("factory,app,factory,,1M\n", &CsvOptions::default()).unwrap();
        assert!(
            render_table(&table, Some(AppSlot::Ota(3)))
                .contains("ota_3, which is not in this table")
        );
        assert!(render_table(&table, Some(AppSlot::Factory)).contains("<- boots"));
    }
}
