//! CSV text in: parsing must never panic, and any table it accepts must
//! survive the trip through the binary format unchanged.
#![no_main]

use espflow_fuzz::partition::{
    BinOptions, CsvOptions, NAME_LEN, PartitionTable, ValidateOptions, VarSource,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = CsvOptions {
        vars: VarSource::Map(Default::default()),
        primary_bootloader_offset: data.first().map(|b| i64::from(*b) << 8),
        recovery_bootloader_offset: Some(0x20_0000),
        ..CsvOptions::default()
    };
    let Ok((table, false)) = PartitionTable::from_bytes(data, &opts, &BinOptions::default()) else {
        return;
    };
    let _ = table.validate(&ValidateOptions::default());
    let _ = table.to_csv();
    let Ok(image) = table.to_binary() else {
        return;
    };
    // Names longer than an entry's label are cut, and names with NUL end early.
    if table
        .partitions
        .iter()
        .all(|p| p.name.len() <= NAME_LEN && !p.name.contains('\0'))
    {
        let back = PartitionTable::from_binary(&image, &BinOptions::default())
            .expect("own output decodes");
        assert_eq!(back, table);
    }
});
