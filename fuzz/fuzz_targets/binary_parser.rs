//! Binary tables in: decoding must never panic, and re-encoding a decoded
//! table must decode to the same table.
#![no_main]

use espflow_fuzz::partition::{AppSlot, BinOptions, PartitionTable, ValidateOptions, render_table};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let verify_md5 = data.len() % 2 == 0;
    let Ok(decoded) = PartitionTable::decode_binary(data, &BinOptions { verify_md5 }) else {
        return;
    };
    let table = decoded.table;
    let _ = table.validate(&ValidateOptions::default());
    let _ = render_table(&table, Some(AppSlot::Ota(1)));
    let _ = table.check_flash_size(4 << 20);
    let csv = table.to_csv();
    assert!(csv.starts_with("# ESP-IDF Partition Table\n"));
    if let Ok(image) = table.to_binary() {
        let back = PartitionTable::from_binary(&image, &BinOptions::default())
            .expect("own output decodes");
        assert_eq!(back, table);
    }
});
