//! Behaviours covered by ESP-IDF's host tests for its table generator
//! (`gen_esp32part_tests.py`), one test per upstream case, named after it.
//! Those tests use the library default table offset of 0, so the helpers
//! here do too unless a case says otherwise.

use super::convert::{ConvertOptions, convert_bytes};
use super::*;

const SIMPLE_CSV: &str = "\n# Name,Type,SubType,Offset,Size,Flags\nfactory,0,2,65536,1048576,\n";

/// Three entries (factory app; data 0x20; custom type 0x10), the MD5 entry
/// and one terminator. The sizes are the ones in the upstream bytes (0x200
/// and 0x1000), not the ones its comments claim.
fn longer_binary_table() -> Vec<u8> {
    let mut t = Vec::new();
    let entry = |t: &mut Vec<u8>, ty: u8, st: u8, off: u32, size: u32, name: &[u8]| {
        t.extend_from_slice(&[0xAA, 0x50, ty, st]);
        t.extend_from_slice(&off.to_le_bytes());
        t.extend_from_slice(&size.to_le_bytes());
        let mut label = [0u8; 16];
        label[..name.len()].copy_from_slice(name);
        t.extend_from_slice(&label);
        t.extend_from_slice(&[0; 4]);
    };
    entry(&mut t, 0x00, 0x00, 0x10000, 0x100000, b"factory");
    entry(&mut t, 0x01, 0x20, 0x110000, 0x200, b"data");
    entry(&mut t, 0x10, 0x00, 0x150000, 0x1000, b"second");
    t.extend_from_slice(&[0xEB, 0xEB]);
    t.extend_from_slice(&[0xFF; 14]);
    t.extend_from_slice(&[
        0xf9, 0xbd, 0x06, 0x1b, 0x45, 0x68, 0x6f, 0x86, 0x57, 0x1a, 0x2c, 0xd5, 0x2a, 0x1d, 0xa6,
        0x5b,
    ]);
    t.extend_from_slice(&[0xFF; 32]);
    t
}

/// Cuts the 0xC00 image down to its entries plus one terminator.
fn strip_trailing_ffs(mut bin: Vec<u8>) -> Vec<u8> {
    while bin.len() >= 64 && bin[bin.len() - 64..].iter().all(|&b| b == 0xFF) {
        bin.truncate(bin.len() - 32);
    }
    bin
}

fn lib_csv_opts() -> CsvOptions {
    CsvOptions {
        table_offset: 0,
        vars: VarSource::Map(Default::default()),
        ..CsvOptions::default()
    }
}

fn lib_validate_opts() -> ValidateOptions {
    ValidateOptions {
        table_offset: 0,
        ..ValidateOptions::default()
    }
}

fn parse(csv: &str) -> Result<PartitionTable, PartitionError> {
    PartitionTable::from_csv(csv, &lib_csv_opts())
}

fn parse_and_verify(csv: &str) -> Result<PartitionTable, PartitionError> {
    let t = parse(csv)?;
    t.validate(&lib_validate_opts())?;
    Ok(t)
}

fn by_name<'a>(t: &'a PartitionTable, name: &str) -> &'a Partition {
    t.find_by_name(name)
        .unwrap_or_else(|| panic!("no partition {name}"))
}

/// Equality as gen_esp32part.py defines it: name, type, subtype, offset, size.
fn same(a: &Partition, b: &Partition) -> bool {
    (&a.name, a.ptype, a.subtype, a.offset, a.size)
        == (&b.name, b.ptype, b.subtype, b.offset, b.size)
}

mod csv_parser_tests {
    use super::*;

    #[test]
    fn test_simple_partition() {
        let t = parse(SIMPLE_CSV).unwrap();
        assert_eq!(t.partitions.len(), 1);
        let p = &t.partitions[0];
        assert_eq!(
            (p.name.as_str(), p.ptype, p.subtype, p.offset, p.size),
            ("factory", 0, 2, 65536, 1048576)
        );
    }

    #[test]
    fn test_require_type() {
        let err = parse("\n# Name,Type, SubType,Offset,Size\nihavenotype,\n").unwrap_err();
        assert!(err.to_string().contains("type"), "{err}");
        assert!(matches!(
            err,
            PartitionError::Csv {
                line: 3,
                field: CsvField::Type,
                problem: CsvProblem::EmptyType
            }
        ));
    }

    #[test]
    fn test_type_subtype_names() {
        let magic = parse_and_verify(
            "\n# Name, Type, SubType, Offset, Size\nmyapp, 0, 0,,  0x100000\nmyota_0, 0, 0x10,, 0x100000\n\
             myota_1, 0, 0x11,, 0x100000\nmyota_15, 0, 0x1f,, 0x100000\nmytest, 0, 0x20,, 0x100000\n\
             myota_status, 1, 0,, 0x2000\n        ",
        )
        .unwrap();
        let nomagic = parse_and_verify(
            "\n# Name, Type, SubType, Offset, Size\nmyapp, app, factory,, 0x100000\nmyota_0, app, ota_0,, 0x100000\n\
             myota_1, app, ota_1,, 0x100000\nmyota_15, app, ota_15,, 0x100000\nmytest, app, test,, 0x100000\n\
             myota_status, data, ota,, 0x2000\n",
        )
        .unwrap();
        assert_eq!(
            (
                by_name(&nomagic, "myapp").ptype,
                by_name(&nomagic, "myapp").subtype
            ),
            (0, 0)
        );
        assert_eq!(
            (
                by_name(&nomagic, "myota_0").ptype,
                by_name(&nomagic, "myota_0").subtype
            ),
            (0, 0x10)
        );
        for name in [
            "myapp",
            "myota_0",
            "myota_1",
            "myota_15",
            "mytest",
            "myota_status",
        ] {
            assert!(
                same(by_name(&nomagic, name), by_name(&magic, name)),
                "{name}"
            );
        }
    }

    #[test]
    fn test_unit_suffixes() {
        let t = parse_and_verify(
            "\n# Name, Type, Subtype, Offset, Size\none_megabyte, app, factory, 64k, 1M\n",
        )
        .unwrap();
        assert_eq!(t.partitions[0].offset, 64 * 1024);
        assert_eq!(t.partitions[0].size, 1024 * 1024);
    }

    #[test]
    fn test_default_offsets() {
        let t = parse(
            "\n# Name, Type, Subtype, Offset, Size\nfirst, app, factory,, 1M\nsecond, data, 0x15,, 1M\n\
             minidata, data, 0x40,, 32K\notherapp, app, factory,, 1M\n        ",
        )
        .unwrap();
        let offsets: Vec<u32> = t.partitions.iter().map(|p| p.offset).collect();
        // Apps round up to 64 KiB, data follows directly.
        assert_eq!(offsets, [0x10000, 0x110000, 0x210000, 0x220000]);
        assert_eq!(t.partitions[0].size, 0x100000);
        assert_eq!(t.partitions[1].size, 0x100000);
    }

    #[test]
    fn test_negative_size_to_offset() {
        let t = parse_and_verify(
            "\n# Name, Type, Subtype, Offset, Size\nfirst, app, factory, 0x10000, -2M\nsecond, data, 0x15,         ,  1M\n",
        )
        .unwrap();
        assert_eq!(t.partitions[0].offset, 0x10000);
        assert_eq!(t.partitions[0].size, 0x200000 - 0x10000);
        assert_eq!(t.partitions[1].offset, 0x200000);
    }

    #[test]
    fn test_overlapping_offsets_fail() {
        let err = parse_and_verify(
            "\nfirst, app, factory, 0x100000, 2M\nsecond, app, ota_0,  0x200000, 1M\n",
        )
        .unwrap_err();
        assert!(err.to_string().contains("overlap"), "{err}");
    }

    #[test]
    fn test_unique_name_fail() {
        let err = parse_and_verify(
            "\nfirst, app, factory, 0x100000, 1M\nfirst, app, ota_0,  0x200000, 1M\n",
        )
        .unwrap_err();
        assert!(
            err.to_string().contains("Partition names must be unique"),
            "{err}"
        );
        assert_eq!(
            err,
            PartitionError::DuplicateNames {
                names: vec!["first".into()]
            }
        );
    }

    #[test]
    fn test_bootloader_and_part_table_partitions_no_sdkconfig() {
        let err = parse("\nbootloader, bootloader, primary, N/A, N/A\n").unwrap_err();
        assert!(
            err.to_string().contains(
                "Primary bootloader offset is not defined. Please use --primary-bootloader-offset"
            ),
            "{err}"
        );
    }

    #[test]
    fn test_bootloader_and_part_table_partitions() {
        let csv = "\nbootloader,       bootloader,       primary, N/A, N/A\n\
                   partition_table,  partition_table,  primary, N/A, N/A\n\
                   FactoryApp,       app,              factory, ,    1M\n\
                   OtaBTLDR,         bootloader,       ota,     ,    N/A\n\
                   OtaPrtTable,      partition_table,  ota,     ,    N/A\n\
                   RecoveryBTLDR,    bootloader,       recovery, N/A, N/A\n";
        let opts = CsvOptions {
            table_offset: 0x9000,
            primary_bootloader_offset: Some(0x1000),
            recovery_bootloader_offset: Some(0x200000),
            ..lib_csv_opts()
        };
        let t = PartitionTable::from_csv(csv, &opts).unwrap();
        t.validate(&ValidateOptions {
            table_offset: 0x9000,
            ..ValidateOptions::default()
        })
        .unwrap();
        let bootloader_size = 0x9000 - 0x1000;
        let got: Vec<(u32, u32)> = t.partitions.iter().map(|p| (p.offset, p.size)).collect();
        assert_eq!(
            got,
            [
                (0x1000, bootloader_size),
                (0x9000, 0x1000),
                (0x10000, 0x100000),
                (0x110000, bootloader_size),
                (0x118000, 0x1000),
                (0x200000, bootloader_size),
            ]
        );
    }
}

mod binary_output_tests {
    use super::*;

    #[test]
    fn test_binary_entry() {
        let t = parse("\nfirst, 0x30, 0xEE, 0x100400, 0x300000\n").unwrap();
        let tb = strip_trailing_ffs(t.to_binary().unwrap());
        assert_eq!(tb.len(), 64 + 32);
        assert_eq!(tb[0..2], [0xAA, 0x50]);
        assert_eq!(tb[2..4], [0x30, 0xEE]);
        assert_eq!(tb[4..8], 0x100400u32.to_le_bytes());
        assert_eq!(tb[8..12], 0x300000u32.to_le_bytes());
        let mut md5_head = vec![0xEB, 0xEB];
        md5_head.extend([0xFF; 14]);
        assert_eq!(tb[32..48], md5_head[..]);
        assert_eq!(
            tb[48..64],
            [
                0x43, 0x03, 0x3f, 0x33, 0x40, 0x87, 0x57, 0x51, 0x69, 0x83, 0x9b, 0x40, 0x61, 0xb1,
                0x27, 0x26
            ]
        );
    }

    #[test]
    fn test_multiple_entries() {
        let t = parse(
            "\nfirst, 0x30, 0xEE, 0x100400, 0x300000\nsecond,0x31, 0xEF,         , 0x100000\n",
        )
        .unwrap();
        let tb = strip_trailing_ffs(t.to_binary().unwrap());
        assert_eq!(tb.len(), 96 + 32);
        assert_eq!(tb[0..2], [0xAA, 0x50]);
        assert_eq!(tb[32..34], [0xAA, 0x50]);
    }

    #[test]
    fn test_encrypted_flag() {
        let t = parse(
            "\n# Name, Type, Subtype, Offset, Size, Flags\nfirst, app, factory,, 1M, encrypted\n",
        )
        .unwrap();
        assert!(t.partitions[0].encrypted);
        let tb = strip_trailing_ffs(t.to_binary().unwrap());
        let back = PartitionTable::from_binary(&tb, &BinOptions::default()).unwrap();
        assert!(back.partitions[0].encrypted);
    }

    #[test]
    fn test_only_empty_subtype_is_not_0() {
        let t = parse_and_verify(
            "\n# Name,Type, SubType,Offset,Size\nnvs,            data,    nvs,          , 0x4000,\n\
             otadata,        data,    ota,          , 0x2000,\nphy_init,       data,    phy,          , 0x1000,\n\
             factory,        app, factory,          , 1M\nota_0,             0,  ota_0,          , 1M,\n\
             ota_1,             0,  ota_1,          , 1M,\nstorage,        data,       ,          , 512k,\n\
             storage2,       data, undefined,       , 12k,\n",
        )
        .unwrap();
        let p = &t.partitions;
        assert_eq!(
            (p[1].name.as_str(), p[1].ptype, p[1].subtype),
            ("otadata", 1, 0)
        );
        assert_eq!(
            (p[6].name.as_str(), p[6].ptype, p[6].subtype),
            ("storage", 1, 0x06)
        );
        assert_eq!(
            (p[7].name.as_str(), p[7].ptype, p[7].subtype),
            ("storage2", 1, 0x06)
        );
    }
}

mod utf_coding_tests {
    use super::*;

    const CSV_UTF8: &str = "nvs,      data, nvs,      0x9000,  24K,\n\
                            phy_инит_, data, phy,      0xf000,  0x1000,\n\
                            factory,  app,  factory,  0x10000,  1M,\n";

    /// The generator's output for `CSV_UTF8`, entries plus MD5 entry.
    fn expected_binary(first_label: &[u8]) -> Vec<u8> {
        let mut t = Vec::new();
        for (ty, st, off, size, label) in [
            (1u8, 2u8, 0x9000u32, 0x6000u32, first_label),
            (1, 1, 0xf000, 0x1000, "phy_инит_".as_bytes()),
            (0, 0, 0x10000, 0x100000, b"factory"),
        ] {
            t.extend_from_slice(&[0xAA, 0x50, ty, st]);
            t.extend_from_slice(&off.to_le_bytes());
            t.extend_from_slice(&size.to_le_bytes());
            let mut l = [0u8; 16];
            l[..label.len()].copy_from_slice(label);
            t.extend_from_slice(&l);
            t.extend_from_slice(&[0; 4]);
        }
        t
    }

    fn with_md5(mut entries: Vec<u8>, digest: [u8; 16]) -> Vec<u8> {
        entries.extend_from_slice(&[0xEB, 0xEB]);
        entries.extend_from_slice(&[0xFF; 14]);
        entries.extend_from_slice(&digest);
        entries.resize(TABLE_BINARY_LEN, 0xFF);
        entries
    }

    /// `partitions.bin` from the upstream test directory.
    fn partitions_bin() -> Vec<u8> {
        with_md5(
            expected_binary(b"nvs"),
            [
                0xe0, 0x25, 0xc9, 0x47, 0xa4, 0xf3, 0x3a, 0x81, 0x33, 0xb2, 0xff, 0x06, 0xba, 0x48,
                0x9c, 0xb7,
            ],
        )
    }

    fn check_names(t: &PartitionTable, first: &str) {
        let names: Vec<&str> = t.partitions.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, [first, "phy_инит_", "factory"]);
    }

    fn from_file_bytes(bytes: &[u8]) -> PartitionTable {
        let (t, _) =
            PartitionTable::from_bytes(bytes, &lib_csv_opts(), &BinOptions::default()).unwrap();
        t.validate(&lib_validate_opts()).unwrap();
        t
    }

    #[test]
    fn test_utf8_bom_csv_file() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(CSV_UTF8.as_bytes());
        let t = from_file_bytes(&bytes);
        check_names(&t, "nvs");
        assert_eq!(t.to_binary().unwrap(), partitions_bin());
    }

    #[test]
    fn test_utf8_without_bom_csv_file() {
        let t = from_file_bytes(CSV_UTF8.as_bytes());
        check_names(&t, "nvs");
        assert_eq!(t.to_binary().unwrap(), partitions_bin());
    }

    #[test]
    fn test_utf8_bin_file() {
        let t = from_file_bytes(&partitions_bin());
        check_names(&t, "nvs");
        let csv = t.to_csv();
        for start in ["\nnvs,", "\nphy_инит_,", "\nfactory,"] {
            assert!(csv.contains(start), "{csv}");
        }
    }

    #[test]
    fn test_utf8_without_bom_bin_file() {
        // Written by an old generator that kept the BOM in the first label;
        // the name is read back as-is.
        let entries = expected_binary("\u{feff}nvs".as_bytes());
        let digest: [u8; 16] = md5::Md5::digest(&entries).into();
        let t = from_file_bytes(&with_md5(entries, digest));
        check_names(&t, "\u{feff}nvs");
        let csv = t.to_csv();
        for part in ["\u{feff}nvs,", "\nphy_инит_,", "\nfactory,"] {
            assert!(csv.contains(part), "{csv}");
        }
    }

    use md5::Digest;
}

mod binary_parser_tests {
    use super::*;

    #[test]
    fn test_parse_one_entry() {
        let mut entry = vec![0xAA, 0x50, 0x30, 0xEE];
        entry.extend_from_slice(&0x100000u32.to_le_bytes());
        entry.extend_from_slice(&0x200000u32.to_le_bytes());
        entry.extend_from_slice(b"0123456789abc\0\0\0");
        entry.extend_from_slice(&[0; 4]);
        entry.extend_from_slice(&[0xFF; 32]);
        let t = PartitionTable::from_binary(&entry, &BinOptions::default()).unwrap();
        assert_eq!(t.partitions.len(), 1);
        // Parsing the entry on its own gives the same partition.
        let single = Partition::from_entry(entry[..32].try_into().unwrap()).unwrap();
        assert_eq!(single, t.partitions[0]);
        let p = &t.partitions[0];
        assert_eq!(
            (p.ptype, p.subtype, p.offset, p.size),
            (0x30, 0xEE, 0x100000, 0x200000)
        );
        assert_eq!(p.name, "0123456789abc");
        t.validate(&lib_validate_opts()).unwrap();
    }

    #[test]
    fn test_multiple_entries() {
        let bin = longer_binary_table();
        let t = PartitionTable::from_binary(&bin, &BinOptions::default()).unwrap();
        t.validate(&lib_validate_opts()).unwrap();
        let got: Vec<(u8, &str)> = t
            .partitions
            .iter()
            .map(|p| (p.ptype, p.name.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (types::APP, "factory"),
                (types::DATA, "data"),
                (0x10, "second")
            ]
        );
        assert_eq!(strip_trailing_ffs(t.to_binary().unwrap()), bin);
    }

    #[test]
    fn test_bad_magic() {
        let mut bad = b"OHAI".to_vec();
        bad.extend_from_slice(&[0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x20, 0x00]);
        bad.extend_from_slice(b"0123456789abc\0\0\0");
        bad.extend_from_slice(&[0; 4]);
        let err = PartitionTable::from_binary(&bad, &BinOptions::default()).unwrap_err();
        assert!(
            err.to_string().contains("Invalid magic bytes (b'OH')"),
            "{err}"
        );
    }

    #[test]
    fn test_bad_length() {
        let mut bad = b"OHAI".to_vec();
        bad.extend_from_slice(&[0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x20, 0x00]);
        bad.extend_from_slice(b"0123456789");
        assert_eq!(bad.len(), 22);
        let err = PartitionTable::from_binary(&bad, &BinOptions::default()).unwrap_err();
        assert!(err.to_string().contains("32 bytes"), "{err}");
    }
}

mod csv_output_tests {
    use super::*;

    fn rows(csv: &str) -> Vec<Vec<&str>> {
        csv.split('\n').map(|l| l.split(',').collect()).collect()
    }

    #[test]
    fn test_output_simple_formatting() {
        let table = parse(SIMPLE_CSV).unwrap();
        let csv = table.to_csv_with(&Keywords::default(), CsvStyle::Simple);
        let c = rows(&csv);
        assert!(c[0][0].starts_with('#') && c[1][0].starts_with('#'));
        assert_eq!(c[2][..5], ["factory", "0", "2", "0x10000", "0x100000"]);
        assert_eq!(parse(&csv).unwrap(), table);
    }

    #[test]
    fn test_output_smart_formatting() {
        let table = parse(SIMPLE_CSV).unwrap();
        let csv = table.to_csv();
        let c = rows(&csv);
        assert!(c[0][0].starts_with('#') && c[1][0].starts_with('#'));
        assert_eq!(c[2][..5], ["factory", "app", "2", "0x10000", "1M"]);
        assert_eq!(parse(&csv).unwrap(), table);
    }
}

mod command_line_tests {
    use super::*;

    fn args() -> ConvertOptions {
        ConvertOptions::default()
    }

    #[test]
    fn test_basic_cmdline() {
        let mut warnings = Vec::new();
        let bin = longer_binary_table();
        let csv = convert_bytes(&bin, &args(), &mut |w| warnings.push(w.clone())).unwrap();
        assert!(csv.is_csv);
        let text = String::from_utf8(csv.bytes.clone()).unwrap();
        let from_csv = PartitionTable::from_csv(&text, &CsvOptions::default()).unwrap();
        assert_eq!(strip_trailing_ffs(from_csv.to_binary().unwrap()), bin);

        let back = convert_bytes(&csv.bytes, &args(), &mut |w| warnings.push(w.clone())).unwrap();
        assert!(!back.is_csv);
        assert_eq!(strip_trailing_ffs(back.bytes), bin);
        assert!(warnings.is_empty(), "{warnings:?}");
    }
}

mod verification_tests {
    use super::*;

    fn run(csv: &str, secure: Option<SecureBoot>) -> Result<(), PartitionError> {
        let t = PartitionTable::from_csv(csv, &CsvOptions::default())?;
        t.validate(&ValidateOptions {
            secure,
            ..ValidateOptions::default()
        })
        .map(drop)
    }

    #[test]
    fn test_check_secure_app_size() {
        let csv = "\nota_0,  app, ota_0, ,  0x101000\nota_1,  app, ota_1, ,  0x100800\n        ";
        let msg = |s| run(csv, s).unwrap_err().to_string();
        assert_eq!(
            msg(None),
            "Partition ota_1 invalid: Size 0x100800 is not aligned to 0x1000"
        );
        assert_eq!(
            msg(Some(SecureBoot::V1)),
            "Partition ota_0 invalid: Size 0x101000 is not aligned to 0x10000"
        );
        assert_eq!(
            msg(Some(SecureBoot::V2)),
            "Partition ota_1 invalid: Size 0x100800 is not aligned to 0x1000"
        );
    }

    #[test]
    fn test_bad_alignment() {
        let err =
            parse_and_verify("\n# Name,Type, SubType,Offset,Size\napp,app, factory, 32K, 1M\n")
                .unwrap_err();
        assert!(matches!(
            err,
            PartitionError::Invalid {
                problem: PartitionProblem::OffsetNotAligned { .. },
                ..
            }
        ));
        let err = parse_and_verify(
            "\n# Name,   Type, SubType, Offset,  Size, Flags\nnvs,      data, nvs,     0x9420,  0x6000,\n\
             phy_init, data, phy,     ,        0x1000,\nfactory,  app,  factory, ,        1M,\n\n",
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "Partition nvs invalid: Offset 0x9420 is not aligned to 0x1000"
        );
    }

    #[test]
    fn test_overlap_part_table() {
        let err = parse(
            "\n# Name,Type, SubType,Offset,Size\nnvs,      data, nvs,     0x0000,  0x6000,\n\
             phy_init, data, phy,     ,        0x1000,\nfactory,  app,  factory, ,        1M,\n",
        )
        .unwrap_err();
        assert!(
            matches!(
                err,
                PartitionError::Csv {
                    line: 3,
                    field: CsvField::Offset,
                    ..
                }
            ),
            "{err}"
        );
        assert!(
            err.to_string()
                .contains("Partitions overlap. Partition sets offset 0x0."),
            "{err}"
        );
    }

    #[test]
    fn test_only_one_otadata() {
        let err = parse_and_verify(
            "\n# Name,Type, SubType,Offset,Size\nnvs,            data,    nvs,          , 0x4000,\n\
             otadata,        data,    ota,          , 0x2000,\notadata2,       data,    ota,          , 0x2000,\n\
             factory,        app, factory,          , 1M\nota_0,             0,  ota_0,          , 1M,\n\
             ota_1,             0,  ota_1,          , 1M,\n",
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("Found multiple otadata partitions"),
            "{err}"
        );
    }

    #[test]
    fn test_otadata_must_have_fixed_size() {
        let err = parse_and_verify(
            "\n# Name,Type, SubType,Offset,Size\nnvs,            data,    nvs,          , 0x4000,\n\
             otadata,        data,    ota,          , 0x3000,\nfactory,        app, factory,          , 1M\n\
             ota_0,             0,  ota_0,          , 1M,\nota_1,             0,  ota_1,          , 1M,\n",
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("otadata partition must have size = 0x2000"),
            "{err}"
        );
    }

    #[test]
    fn test_app_cannot_have_empty_subtype() {
        let err = parse_and_verify(
            "\n# Name,Type, SubType,Offset,Size\nnvs,            data,    nvs,          , 0x4000,\n\
             otadata,        data,    ota,          , 0x2000,\nfactory,        app,        ,          , 1M\n\
             ota_0,             0,  ota_0,          , 1M,\nota_1,             0,  ota_1,          , 1M,\n",
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .contains("App partition cannot have an empty subtype"),
            "{err}"
        );
    }

    #[test]
    fn test_warnings() {
        let w = parse("app, 1, 2, 32K, 1M\n")
            .unwrap()
            .validate(&lib_validate_opts())
            .unwrap();
        assert_eq!(w.len(), 1);
        assert!(w[0].to_string().contains("partition type"), "{}", w[0]);
        let w = parse("ota_0, app, ota_1, , 1M\n")
            .unwrap()
            .validate(&lib_validate_opts())
            .unwrap();
        assert_eq!(w.len(), 1);
        assert!(w[0].to_string().contains("partition subtype"), "{}", w[0]);
        assert_eq!(
            w[0].to_string(),
            "Partition has name 'ota_0' which is a partition subtype, but this partition has non-matching type 0x0 \
             and subtype 0x11. Mistake in partition table?"
        );
    }

    #[test]
    fn test_size_error() {
        let t = parse("\nfactory, app, factory, 0x10000, 20M\n        ").unwrap();
        let err = t.check_flash_size(16 << 20).unwrap_err();
        assert!(err.to_string().contains("does not fit"), "{err}");
    }
}

mod part_tool_tests {
    use super::*;

    #[test]
    fn test_find_basic() {
        let t = parse(
            "\nnvs,      data, nvs,      0x9000,   0x4000\notadata,  data, ota,      0xd000,   0x2000\n\
             phy_init, data, phy,      0xf000,   0x1000\nfactory,  app, factory,   0x10000,  1M\n\
             nvs1_user, data, nvs,     0x110000, 0x4000\nnvs2_user, data, nvs,     0x114000, 0x4000\n\
             nvs_key1, data, nvs_keys, 0x118000, 0x1000, encrypted\nnvs_key2, data, nvs_keys, 0x119000, 0x1000, encrypted\n        ",
        )
        .unwrap();
        let nvs = t.first_by_type(types::DATA, subtypes::DATA_NVS).unwrap();
        assert_eq!(
            (nvs.offset, nvs.size, nvs.encrypted),
            (0x9000, 0x4000, false)
        );
        assert_eq!(t.find_by_name("otadata").unwrap().offset, 0xd000);
        assert_eq!(t.otadata().unwrap().offset, 0xd000);
        let boot = t.boot_app(None).and_then(|s| t.app(s)).unwrap();
        assert_eq!(boot.offset, 0x10000);
        let list = |st| {
            t.find_by_type(types::DATA, st)
                .map(|p| (p.name.as_str(), p.offset, p.size, p.encrypted))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            list(subtypes::DATA_NVS),
            [
                ("nvs", 0x9000, 0x4000, false),
                ("nvs1_user", 0x110000, 0x4000, false),
                ("nvs2_user", 0x114000, 0x4000, false)
            ]
        );
        assert_eq!(
            list(subtypes::DATA_NVS_KEYS),
            [
                ("nvs_key1", 0x118000, 0x1000, true),
                ("nvs_key2", 0x119000, 0x1000, true)
            ]
        );
        for (name, encrypted) in [
            ("nvs", false),
            ("nvs1_user", false),
            ("nvs2_user", false),
            ("nvs_key1", true),
            ("nvs_key2", true),
        ] {
            assert_eq!(t.find_by_name(name).unwrap().encrypted, encrypted, "{name}");
        }
    }

    #[test]
    fn test_fallback() {
        let csv = "\nnvs,      data, nvs,     0x9000,  0x4000\notadata,  data, ota,     0xd000,  0x2000\n\
                   phy_init, data, phy,     0xf000,  0x1000\nota_0,  app,    ota_0,   0x30000,  1M\n\
                   ota_1,  app,    ota_1,          ,  1M\n        ";
        let t = parse(csv).unwrap();
        assert_eq!(
            t.first_by_type(types::APP, subtypes::APP_OTA_0 + 1)
                .unwrap()
                .offset,
            0x130000
        );
        let boot = |t: &PartitionTable| t.app(t.boot_app(None).unwrap()).unwrap().offset;
        assert_eq!(boot(&t), 0x30000);
        let t = parse(&csv.replace("ota_0", "ota_2")).unwrap();
        assert_eq!(boot(&t), 0x130000);
    }
}
