//! One test per documented behaviour of ESP-IDF's gen_esp32part.py that a
//! straightforward implementation would get wrong, driven through the same option parsing
//! as `espflow partition-table convert` (several quirks live in the options).

use clap::Parser;
use espflow::partition::convert::{Converted, convert_bytes};
use espflow::partition::*;

use super::partition::ConvertArgs;

#[derive(Parser)]
struct Cmd {
    #[command(flatten)]
    args: ConvertArgs,
}

/// Runs `convert` in memory with command-line style options.
fn convert(input: &[u8], opts: &[&str]) -> Result<Converted, PartitionError> {
    convert_with_warnings(input, opts).0
}

fn convert_with_warnings(
    input: &[u8],
    opts: &[&str],
) -> (Result<Converted, PartitionError>, Vec<Warning>) {
    let mut argv = vec!["convert"];
    argv.extend_from_slice(opts);
    argv.extend_from_slice(&["--", "-", "-"]);
    let cmd = Cmd::try_parse_from(argv).expect("options parse");
    let mut warnings = Vec::new();
    let result = convert_bytes(input, &cmd.args.options(), &mut |w| {
        warnings.push(w.clone())
    });
    (result, warnings)
}

fn bin(csv: &str, opts: &[&str]) -> Vec<u8> {
    let out = convert(csv.as_bytes(), opts).unwrap_or_else(|e| panic!("{e}"));
    assert!(!out.is_csv);
    out.bytes
}

fn csv_of(binary: &[u8], opts: &[&str]) -> String {
    let out = convert(binary, opts).unwrap_or_else(|e| panic!("{e}"));
    assert!(out.is_csv);
    String::from_utf8(out.bytes).unwrap()
}

fn err(input: &str, opts: &[&str]) -> PartitionError {
    match convert(input.as_bytes(), opts) {
        Ok(_) => panic!("accepted: {input:?}"),
        Err(e) => e,
    }
}

fn table(csv: &str) -> PartitionTable {
    PartitionTable::from_csv(
        csv,
        &CsvOptions {
            vars: VarSource::Map(Default::default()),
            ..Default::default()
        },
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

fn csv_problem(e: &PartitionError) -> (usize, CsvField, &CsvProblem) {
    match e {
        PartitionError::Csv {
            line,
            field,
            problem,
        } => (*line, *field, problem),
        other => panic!("not a CSV error: {other}"),
    }
}

fn entry_at(image: &[u8], index: usize) -> &[u8] {
    &image[index * 32..index * 32 + 32]
}

// ---- binary layout -------------------------------------------------------

#[test]
fn long_names_are_cut_at_16_bytes_without_nul() {
    let image = bin(
        "abcdefghijklmnopq,data,nvs,,0x3000\nabcdefghijklmnop,data,nvs,,0x3000\n",
        &[],
    );
    assert_eq!(&entry_at(&image, 0)[12..28], b"abcdefghijklmnop");
    assert_eq!(&entry_at(&image, 1)[12..28], b"abcdefghijklmnop");
    // Read back, the two names collide.
    assert!(matches!(
        convert(&image, &[]),
        Err(PartitionError::DuplicateNames { .. })
    ));
}

#[test]
fn a_name_cut_inside_a_utf8_character_cannot_be_read_back() {
    let image = bin("ééééééééé,data,nvs,,0x3000\n", &[]);
    assert_eq!(&entry_at(&image, 0)[12..28], "éééééééé".as_bytes());
    let image = bin("aééééééééé,data,nvs,,0x3000\n", &[]);
    assert!(matches!(
        convert(&image, &[]),
        Err(PartitionError::LabelNotUtf8 {
            entry: 0,
            md5_like: false
        })
    ));
}

#[test]
fn md5_covers_only_the_entries() {
    let image = bin("nvs,data,nvs,0x9000,0x4000\n", &[]);
    let digest: [u8; 16] = <md5::Md5 as md5::Digest>::digest(&image[..32]).into();
    let md5 = entry_at(&image, 1);
    assert_eq!(md5[..2], MD5_MAGIC);
    assert!(md5[2..16].iter().all(|&b| b == 0xFF));
    assert_eq!(md5[16..], digest);
    assert_eq!(image.len(), 0xC00);
    assert!(image[64..].iter().all(|&b| b == 0xFF));
}

#[test]
fn disable_md5sum_leaves_the_entry_out() {
    let image = bin("nvs,data,nvs,0x9000,0x4000\n", &["--disable-md5sum"]);
    assert!(entry_at(&image, 1).iter().all(|&b| b == 0xFF));
}

fn many_entries(n: usize) -> String {
    (0..n).map(|i| format!("p{i},data,0x40,,4K\n")).collect()
}

#[test]
fn entry_limit_is_94_with_md5_and_95_without() {
    assert_eq!(bin(&many_entries(94), &[]).len(), 0xC00);
    assert_eq!(
        err(&many_entries(95), &[]),
        PartitionError::TooLong { len: 96 * 32 }
    );
    assert_eq!(bin(&many_entries(95), &["--disable-md5sum"]).len(), 0xC00);
    assert_eq!(
        err(&many_entries(96), &["--disable-md5sum"]),
        PartitionError::TooLong { len: 96 * 32 }
    );
}

// ---- binary parsing ------------------------------------------------------

fn two_ota_image() -> Vec<u8> {
    bin(
        "nvs,data,nvs,,0x4000\notadata,data,ota,,0x2000\nphy_init,data,phy,,0x1000\n\
         ota_0,app,ota_0,,1M\nota_1,app,ota_1,,1M\n",
        &[],
    )
}

#[test]
fn binary_length_must_be_a_multiple_of_32_until_the_end_marker() {
    let image = two_ota_image();
    let e = convert(&image[..100], &[]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Partition table length must be a multiple of 32 bytes (input is 100 bytes)"
    );
    // After the end marker nothing is read, not even a partial record.
    let mut longer = image.clone();
    longer.extend_from_slice(&[0x12; 7]);
    assert_eq!(csv_of(&longer, &[]), csv_of(&image, &[]));
}

#[test]
fn missing_end_marker() {
    let image = two_ota_image();
    assert_eq!(
        convert(&image[..6 * 32], &[]).unwrap_err(),
        PartitionError::MissingEndMarker
    );
}

#[test]
fn md5_mismatch_message_keeps_the_bytes_repr() {
    let mut image = two_ota_image();
    image[5 * 32 + 16] ^= 0xFF;
    let e = convert(&image, &[]).unwrap_err().to_string();
    assert!(
        e.starts_with("MD5 checksums don't match! (computed: 0x"),
        "{e}"
    );
    assert!(e.contains(", parsed: 0xb'") && e.ends_with("')"), "{e}");
}

#[test]
fn md5_entry_filler_bytes_are_not_checked() {
    let mut image = two_ota_image();
    image[5 * 32 + 2..5 * 32 + 16].fill(0);
    assert_eq!(csv_of(&image, &[]), csv_of(&two_ota_image(), &[]));
}

#[test]
fn md5_entry_under_disable_md5sum_is_a_bad_name() {
    let e = convert(&two_ota_image(), &["--disable-md5sum"]).unwrap_err();
    assert_eq!(
        e,
        PartitionError::LabelNotUtf8 {
            entry: 5,
            md5_like: true
        }
    );
}

#[test]
fn entries_after_the_md5_entry_are_still_read() {
    let mut image = bin("nvs,data,nvs,0x9000,0x4000\n", &[]);
    let extra = Partition {
        name: "late".into(),
        ptype: 1,
        subtype: 0x40,
        offset: 0xd000,
        size: 0x1000,
        encrypted: false,
        readonly: false,
    };
    image[64..96].copy_from_slice(&extra.to_entry());
    assert!(csv_of(&image, &[]).ends_with("late,data,64,0xd000,4K,\n"));
}

#[test]
fn bad_magic_is_shown_as_python_bytes() {
    let mut image = two_ota_image();
    image[32 + 1] = 0x51;
    let e = convert(&image, &[]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Invalid magic bytes (b'\\xaaQ') for partition definition (entry 1)"
    );
}

#[test]
fn a_bad_name_is_reported_before_bad_magic() {
    let mut image = two_ota_image();
    image[32] = 0;
    image[32 + 12] = 0xFF;
    assert_eq!(
        convert(&image, &[]).unwrap_err(),
        PartitionError::LabelNotUtf8 {
            entry: 1,
            md5_like: false
        }
    );
}

#[test]
fn unknown_flag_bits_warn_and_are_dropped() {
    let mut image = bin("nvs,data,nvs,0x9000,0x4000\n", &["--disable-md5sum"]);
    image[28] = 0x05;
    let (out, warnings) = convert_with_warnings(&image, &["--disable-md5sum"]);
    let text = String::from_utf8(out.unwrap().bytes).unwrap();
    assert!(text.ends_with("nvs,data,nvs,0x9000,16K,encrypted\n"));
    assert_eq!(warnings, [Warning::UnknownFlags { entry: 0, flags: 4 }]);
    assert!(
        warnings[0]
            .to_string()
            .starts_with("Partition definition had unknown flag(s) 0x00000004.")
    );
}

#[test]
fn erased_input_is_not_binary_and_not_text() {
    assert!(matches!(
        convert(&[0xFF; 0xC00], &[]),
        Err(PartitionError::Encoding(_))
    ));
    assert_eq!(
        PartitionTable::from_flash(&[0xFF; 0x1000], &BinOptions::default()),
        Err(PartitionError::Erased)
    );
}

#[test]
fn binary_input_is_checked_against_the_current_offset() {
    let image = bin("nvs,data,nvs,,0x4000\n", &["--offset", "0x10000"]);
    assert_eq!(
        csv_of(&image, &["--offset", "0x10000"]).lines().nth(2),
        Some("nvs,data,nvs,0x11000,16K,")
    );
    let image = bin("nvs,data,nvs,,0x4000\n", &[]);
    let e = convert(&image, &["--offset", "0x10000"]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Partition offset 0x9000 is below 0x11000 (partition 'nvs')"
    );
}

#[test]
fn binary_overlaps_are_caught_by_validation() {
    let mut t = table("a,data,nvs,0x9000,0x4000\nb,data,nvs,0xd000,0x4000\n");
    t.partitions[1].offset = 0xc000;
    let e = convert(&t.to_binary().unwrap(), &[]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "Partition at 0xc000 overlaps 0x9000-0xcfff ('b' overlaps 'a')"
    );
}

// ---- CSV text ------------------------------------------------------------

#[test]
fn every_python_line_break_counts_and_numbers_are_physical_lines() {
    let e = err(
        "# c\r\n\rnvs,data,nvs,,0x4000\u{2028}bad,data,nvs,,zz\n",
        &[],
    );
    let (line, field, problem) = csv_problem(&e);
    assert_eq!((line, field), (4, CsvField::Size));
    assert_eq!(problem, &CsvProblem::InvalidValue("zz".into()));
    assert_eq!(
        e.to_string(),
        "Error at line 4, field size: Invalid field value zz"
    );
}

#[test]
fn utf8_bom_is_dropped_and_utf16_is_decoded() {
    let plain = bin("nvs,data,nvs,,0x4000\n", &[]);
    let mut with_bom = vec![0xEF, 0xBB, 0xBF];
    with_bom.extend_from_slice(b"nvs,data,nvs,,0x4000\n");
    assert_eq!(bin_bytes(&with_bom), plain);
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "nvs,data,nvs,,0x4000\n".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    assert_eq!(bin_bytes(&utf16), plain);
}

fn bin_bytes(input: &[u8]) -> Vec<u8> {
    convert(input, &[]).unwrap().bytes
}

#[test]
fn non_utf8_text_is_a_clean_error() {
    let e = convert(b"nvs,data,nvs,,0x4000\nph\xffy,data,phy,,4K\n", &[]).unwrap_err();
    assert!(e.to_string().contains("offset 23 (line 2)"), "{e}");
}

#[test]
fn comments_only_at_line_start_and_hash_inside_a_field_is_text() {
    let t = table("  # indented comment\n\nn#1,data,nvs,,0x4000\n");
    assert_eq!(t.partitions[0].name, "n#1");
    let e = err("nvs,data,nvs,,0x4000 # size\n", &[]);
    assert_eq!(
        csv_problem(&e).2,
        &CsvProblem::InvalidValue("0x4000 # size".into())
    );
}

#[test]
fn missing_columns_are_empty_and_extra_columns_are_ignored() {
    let t = table("nvs,data,nvs,,0x4000,,whatever,more\n");
    assert_eq!(t.partitions[0].size, 0x4000);
    assert_eq!(csv_problem(&err("x,data\n", &[])).2, &CsvProblem::EmptySize);
    assert_eq!(csv_problem(&err("x\n", &[])).2, &CsvProblem::EmptyType);
}

#[test]
fn names_may_be_empty_or_contain_spaces() {
    let t = table(",data,0x40,,4K\nmy data,data,0x40,,4K\n");
    assert_eq!(t.partitions[0].name, "");
    assert_eq!(t.partitions[1].name, "my data");
    // Empty names count for the uniqueness rule.
    assert!(matches!(
        err(",data,0x40,,4K\n,data,0x41,,4K\n", &[]),
        PartitionError::DuplicateNames { .. }
    ));
}

#[test]
fn variables_are_expanded_from_the_environment() {
    let vars = VarSource::Map(
        [
            ("SIZE", "0x4000"),
            ("T", "data"),
            ("ROW", "nvs,data,nvs,,0x4000"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect(),
    );
    let opts = CsvOptions {
        vars,
        ..Default::default()
    };
    let t = PartitionTable::from_csv("n1,$T,nvs,,$SIZE\n$ROW\n", &opts).unwrap();
    assert_eq!(t.partitions[1].name, "nvs");
    assert_eq!(t.partitions[0].size, 0x4000);
    // An unset variable at the very start of a line is an error ...
    let e = PartitionTable::from_csv("n1,data,nvs,,0x4000\n$NOPE,data,nvs,,0x4000\n", &opts)
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "Error at line 2, field name: unknown variable 'NOPE'"
    );
    // ... elsewhere it stays as text.
    let e = PartitionTable::from_csv("n1,data,nvs,,${NOPE}\n", &opts).unwrap_err();
    assert_eq!(
        csv_problem(&e).2,
        &CsvProblem::InvalidValue("${NOPE}".into())
    );
    let t = PartitionTable::from_csv(" $NOPE,data,nvs,,0x4000\n", &opts).unwrap();
    assert_eq!(t.partitions[0].name, "$NOPE");
}

#[test]
fn empty_subtype_means_undefined_except_for_apps() {
    let t = table("a,data,,,4K\nb,0x40,,,4K\n");
    assert_eq!(
        (t.partitions[0].subtype, t.partitions[1].subtype),
        (0x06, 0x06)
    );
    assert_eq!(
        csv_problem(&err("f,app,,,1M\n", &[])).2,
        &CsvProblem::EmptyAppSubtype
    );
}

#[test]
fn flags_are_split_on_colons_without_trimming() {
    let t = table("a,data,0x40,,4K,readonly:encrypted:readonly\n");
    assert!(t.partitions[0].encrypted && t.partitions[0].readonly);
    let e = err("a,data,0x40,,4K,encrypted : readonly\n", &[]);
    assert_eq!(
        e.to_string(),
        "Error at line 1, field flags: CSV flag column contains unknown flag 'encrypted '"
    );
    assert_eq!(
        csv_problem(&err("a,data,0x40,,4K,ENCRYPTED\n", &[])).1,
        CsvField::Flags
    );
}

// ---- numbers -------------------------------------------------------------

#[test]
fn suffixes_are_case_insensitive_and_recursive() {
    let t = table(
        "a,data,0x40,,1kk\nb,data,0x40,,0x10K\nc,data,0x40,,2m\nd,data,0x40,,1 k\ne,data,0x40,,1\u{212A}\n",
    );
    let sizes: Vec<u32> = t.partitions.iter().map(|p| p.size).collect();
    assert_eq!(sizes, [1 << 20, 16 << 10, 2 << 20, 1024, 1024]);
}

#[test]
fn python_integer_syntax() {
    let t = table(
        "a,data,0x40,36864,0o10000\nb,data,0x40,,0b1_0000_0000_0000\nc,data,0x40,,1_048_576\n",
    );
    assert_eq!(
        (t.partitions[0].offset, t.partitions[0].size),
        (0x9000, 0x1000)
    );
    assert_eq!(t.partitions[1].size, 0x1000);
    assert_eq!(t.partitions[2].size, 0x100000);
    let e = err("a,data,0x40,024576,4K\n", &[]);
    assert_eq!(
        e.to_string(),
        "Error at line 1, field offset: Invalid field value 024576"
    );
    assert_eq!(
        csv_problem(&err("a,data,0x40,,1.5M\n", &[])).2,
        &CsvProblem::InvalidValue("1.5".into())
    );
}

#[test]
fn keywords_are_case_insensitive_and_named_in_order() {
    let t = table("f,APP,Factory,,1M\no,App,OTA_3,,1M\nd,DATA,NVS,,0x4000\n");
    let got: Vec<(u8, u8)> = t.partitions.iter().map(|p| (p.ptype, p.subtype)).collect();
    assert_eq!(got, [(0, 0), (0, 0x13), (1, 2)]);
    let e = err("x,apps,factory,,1M\n", &[]);
    assert_eq!(
        e.to_string(),
        "Error at line 1, field type: Value 'apps' is not valid. Known keywords: bootloader, partition_table, app, data"
    );
    let e = err("x,app,ota_16,,1M\n", &[]);
    let known = "factory, test, ota_0, ota_1, ota_2, ota_3, ota_4, ota_5, ota_6, ota_7, ota_8, ota_9, ota_10, \
                 ota_11, ota_12, ota_13, ota_14, ota_15, tee_0, tee_1";
    assert_eq!(
        csv_problem(&e).2,
        &CsvProblem::UnknownKeyword {
            value: "ota_16".into(),
            known: known.into()
        }
    );
    // Types without keywords only take numbers.
    assert_eq!(
        csv_problem(&err("x,0x40,nvs,,4K\n", &[])).2,
        &CsvProblem::InvalidValue("nvs".into())
    );
}

#[test]
fn suffix_is_peeled_before_keyword_lookup() {
    let opts = ["--extra-partition-subtypes", "data,foo_m,50"];
    let e = err("x,data,foo_m,,4K\n", &opts);
    assert!(e.to_string().contains("Value 'foo_' is not valid"), "{e}");
    // And a keyword followed by a suffix is scaled: "datak" is type 1 * 1024.
    let e = err("x,datak,nvs,,4K\n", &[]);
    assert_eq!(
        csv_problem(&e).2,
        &CsvProblem::OutOfRange {
            value: 1024,
            bits: 8
        }
    );
}

#[test]
fn out_of_range_values_are_errors_not_crashes() {
    for (csv, field) in [
        ("x,0x100,0,,4K\n", CsvField::Type),
        ("x,-1,0,,4K\n", CsvField::Type),
        ("x,data,300,,4K\n", CsvField::Subtype),
        ("x,data,nvs,0x100000000,4K\n", CsvField::Offset),
        ("x,data,nvs,,0x100000000\n", CsvField::Size),
        ("x,data,nvs,0x10000,-0x1000\n", CsvField::Size),
        (
            "x,data,nvs,,99999999999999999999999999999999999999999999\n",
            CsvField::Size,
        ),
        (
            "x,data,nvs,,1kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n",
            CsvField::Size,
        ),
    ] {
        let e = err(csv, &[]);
        assert_eq!(csv_problem(&e).1, field, "{csv}: {e}");
    }
}

#[test]
fn zero_survives_any_number_of_suffixes_up_to_the_generator_limit() {
    let ok = format!(
        "x,data,nvs,,0x3000,readonly\ny,data,0x40,,0{}\n",
        "k".repeat(992)
    );
    assert_eq!(table(&ok).partitions[1].size, 0);
    let too_many = format!("x,data,0x40,,0{}\n", "k".repeat(993));
    assert!(matches!(
        csv_problem(&err(&too_many, &[])).2,
        CsvProblem::TooManySuffixes(_)
    ));
}

// ---- keywords and extra subtypes ----------------------------------------

#[test]
fn extra_subtypes_are_hex_and_used_for_output() {
    let opts = [
        "--extra-partition-subtypes",
        "app,my_app,40",
        "data,blob,99",
    ];
    let image = bin("a,app,my_app,,1M\nb,data,blob,,4K\n", &opts);
    assert_eq!(entry_at(&image, 0)[3], 0x40);
    assert_eq!(entry_at(&image, 1)[3], 0x99);
    let text = csv_of(&image, &opts);
    assert!(
        text.contains("a,app,my_app,0x10000,1M,\nb,data,blob,0x110000,4K,\n"),
        "{text}"
    );
    // Without them, unknown subtypes are printed in decimal.
    let text = csv_of(&image, &[]);
    assert!(
        text.contains("a,app,64,0x10000,1M,\nb,data,153,0x110000,4K,\n"),
        "{text}"
    );
}

#[test]
fn extra_subtype_errors_are_clean() {
    for spec in [
        "app,dup,10",
        "app,short",
        "data,x,zz",
        "bogus,x,77",
        "bogus,x,1",
    ] {
        let e = err(
            "a,data,nvs,,0x4000\n",
            &["--extra-partition-subtypes", spec],
        );
        assert!(
            matches!(e, PartitionError::ExtraSubtype { .. }),
            "{spec}: {e}"
        );
    }
}

#[test]
fn extra_subtype_can_redefine_rule_keywords() {
    // Re-pointing "ota" moves the otadata rules to the new value.
    let opts = ["--extra-partition-subtypes", "data,ota,77"];
    assert!(matches!(
        err("o,data,ota,,0x3000\n", &opts),
        PartitionError::OtadataSize { .. }
    ));
    assert_eq!(bin("o,data,ota,,0x2000\n", &opts)[3], 0x77);
    assert_eq!(bin("o,data,0,,0x3000\n", &opts)[3], 0);
}

#[test]
fn custom_types_print_as_decimal() {
    let text = csv_of(&bin("c,0x40,0x20,,4K\n", &[]), &[]);
    assert!(text.ends_with("c,64,32,0x9000,4K,\n"), "{text}");
}

#[test]
fn first_matching_keyword_names_a_value() {
    let opts = ["--extra-partition-subtypes", "data,alias_nvs,2"];
    assert!(matches!(
        err("a,data,nvs,,0x4000\n", &opts),
        PartitionError::ExtraSubtype { .. }
    ));
    let opts = ["--extra-partition-subtypes", "app,zzz,21"];
    let text = csv_of(&bin("a,app,0x21,,1M\n", &opts), &opts);
    assert!(text.contains("a,app,zzz,"), "{text}");
}

// ---- options -------------------------------------------------------------

#[test]
fn offset_option_is_decimal_without_prefix() {
    let image = bin("nvs,data,nvs,,0x4000\n", &["--offset", "8000"]);
    // 8000 decimal = 0x1f40; the first free address is 0x2f40 rounded up to 0x3000.
    assert_eq!(entry_at(&image, 0)[4..8], 0x3000u32.to_le_bytes());
}

#[test]
fn primary_bootloader_must_sit_below_the_table() {
    let e = err(
        "nvs,data,nvs,,0x4000\n",
        &["--primary-bootloader-offset", "0x8000"],
    );
    assert_eq!(
        e.to_string(),
        "Unsupported configuration. Primary bootloader must be below partition table. \
         Check --primary-bootloader-offset=0x8000 and --offset=0x8000"
    );
}

#[test]
fn bootloader_rows_need_their_offsets() {
    let e = err("b,bootloader,ota,,N/A\n", &[]);
    assert_eq!(
        csv_problem(&e).2,
        &CsvProblem::MissingPrimaryBootloaderOffset
    );
    let e = err(
        "r,bootloader,recovery,,N/A\n",
        &["--primary-bootloader-offset", "0x1000"],
    );
    assert_eq!(
        csv_problem(&e).2,
        &CsvProblem::MissingRecoveryBootloaderOffset
    );
    // Offset and size columns of these rows are never read.
    let image = bin(
        "bootloader,bootloader,primary,garbage,garbage\npt,partition_table,primary,x,y\nnvs,data,nvs,,0x4000\n",
        &["--primary-bootloader-offset", "0x1000"],
    );
    assert_eq!(
        entry_at(&image, 0)[4..12],
        [0x00, 0x10, 0, 0, 0x00, 0x70, 0, 0]
    );
    assert_eq!(
        entry_at(&image, 1)[4..12],
        [0x00, 0x80, 0, 0, 0x00, 0x10, 0, 0]
    );
    assert_eq!(entry_at(&image, 2)[4..8], 0x9000u32.to_le_bytes());
}

#[test]
fn bare_secure_means_v1() {
    let csv = "a,app,factory,,0x11000\n";
    let e = err(csv, &["--secure"]);
    assert_eq!(
        e.to_string(),
        "Partition a invalid: Size 0x11000 is not aligned to 0x10000"
    );
    assert!(convert(csv.as_bytes(), &["--secure", "v2"]).is_ok());
}

#[test]
fn flash_size_runs_even_without_verification_and_for_binary_input() {
    let csv = "f,app,factory,,0x400000\n";
    let e = err(csv, &["--no-verify", "--flash-size", "4MB"]);
    assert_eq!(
        e.to_string(),
        "Partitions tables occupies 4.1MB of flash (4259840 bytes) which does not fit in configured flash size 4MB. \
         Change the flash size in menuconfig under the 'Serial Flasher Config' menu."
    );
    let image = bin(csv, &[]);
    assert!(matches!(
        convert(&image, &["--flash-size", "4MB"]),
        Err(PartitionError::FlashTooSmall { .. })
    ));
    // A bare --flash-size checks nothing.
    assert!(convert(csv.as_bytes(), &["--flash-size"]).is_ok());
}

#[test]
fn flash_size_uses_the_partition_with_the_highest_offset() {
    // Ending exactly at the end of flash is fine.
    assert!(
        convert(
            b"f,app,factory,0x10000,0x3f0000\n",
            &["--flash-size", "4MB"]
        )
        .is_ok()
    );
    // A zero-size entry listed first at the highest offset hides the larger one.
    let t = table("a,data,0x40,0x9000,0\nb,data,0x41,0x9000,0x1000\n");
    assert_eq!(t.flash_used(), 0x9000);
    let mut t = table("a,data,0x40,0x9000,0x1000\nb,data,0x41,0xa000,0x1000\n");
    t.partitions[0].size = 0x800000;
    assert_eq!(t.flash_used(), 0xb000);
}

#[test]
fn no_verify_skips_validation() {
    let csv = "nvs,data,nvs,0x9000,0x2000\n";
    assert!(matches!(
        err(csv, &[]),
        PartitionError::Invalid {
            problem: PartitionProblem::NvsTooSmall { .. },
            ..
        }
    ));
    assert!(convert(csv.as_bytes(), &["--no-verify"]).is_ok());
}

// ---- automatic placement --------------------------------------------------

#[test]
fn explicit_offsets_must_rise_in_file_order() {
    let e = err("b,data,0x40,0x20000,4K\na,data,0x41,0x10000,4K\n", &[]);
    assert_eq!(
        e.to_string(),
        "Error at line 2, field offset: Partitions overlap. Partition sets offset 0x10000. Previous partition ends 0x21000"
    );
}

#[test]
fn first_partition_below_the_table_sector() {
    let e = err("a,data,0x40,0x1000,4K\n", &[]);
    assert_eq!(
        e.to_string(),
        "Error at line 1, field offset: Partitions overlap. Partition sets offset 0x1000. \
         But partition table occupies the whole sector 0x8000. Use a free offset 0x9000 or higher."
    );
}

#[test]
fn auto_offsets_align_by_type_and_allow_odd_sizes() {
    let t = table(
        "small,data,0x40,,0x123\nc,0x40,0,,4K\nz,data,0x41,,0\nzz,data,0x42,,4K\na,app,factory,,1M\n",
    );
    let offsets: Vec<u32> = t.partitions.iter().map(|p| p.offset).collect();
    assert_eq!(offsets, [0x9000, 0xa000, 0xb000, 0xb000, 0x10000]);
}

#[test]
fn negative_size_is_an_end_address() {
    let t = table("a,data,0x40,,-0x10000\nb,data,0x41,,4K\n");
    assert_eq!(
        (t.partitions[0].offset, t.partitions[0].size),
        (0x9000, 0x7000)
    );
    assert_eq!(t.partitions[1].offset, 0x10000);
}

// ---- validation ------------------------------------------------------------

#[test]
fn readonly_rules() {
    let e = err("o,data,ota,,0x2000,readonly\n", &[]);
    assert_eq!(
        e.to_string(),
        "Partition o invalid: 'o' partition of type 1 and subtype 0 is always read-write and cannot be read-only"
    );
    assert!(matches!(
        err("c,data,coredump,,64K,readonly\n", &[]),
        PartitionError::Invalid { .. }
    ));
    // Read-only apps are accepted.
    assert!(convert(b"f,app,factory,,1M,readonly\n", &[]).is_ok());
    let e = err("n,data,nvs,,0x2000\n", &[]);
    assert_eq!(
        e.to_string(),
        "Partition n invalid: 'n' partition of type 1 and subtype 2 of this size (0x2000) must be flagged as \
         'readonly' (the size of read/write NVS has to be at least 0x3000)"
    );
    assert!(convert(b"n,data,nvs,,0x2000,readonly\n", &[]).is_ok());
}

#[test]
fn tee_otadata_follows_the_otadata_rules() {
    let e = err("a,data,tee_ota,,8K\nb,data,tee_ota,,8K\n", &[]);
    assert!(
        e.to_string()
            .starts_with("Found multiple TEE otadata partitions."),
        "{e}"
    );
    let e = err("a,data,tee_ota,,12K\n", &[]);
    assert!(
        e.to_string()
            .starts_with("TEE otadata partition must have size = 0x2000"),
        "{e}"
    );
}

#[test]
fn no_rules_about_ota_slot_numbering() {
    assert!(convert(b"o,data,ota,,8K\na,app,ota_3,,1M\nb,app,ota_7,,1M\n", &[]).is_ok());
    assert!(convert(b"nvs,data,nvs,,0x4000\n", &[]).is_ok());
}

#[test]
fn warnings_do_not_fail_the_conversion() {
    let (out, warnings) =
        convert_with_warnings(b"data,app,factory,,1M\nfactory,app,ota_0,,1M\n", &[]);
    assert!(out.is_ok());
    assert_eq!(
        warnings,
        [
            Warning::NameIsType {
                name: "data".into(),
                ptype: 0
            },
            Warning::NameIsSubtype {
                name: "factory".into(),
                ptype: 0,
                subtype: 0x10
            },
        ]
    );
}

#[test]
fn validation_happens_in_the_generator_order() {
    // Per-partition rules come before duplicate names, which come before overlaps.
    let e = err("a,data,0x40,0x9000,4K\na,app,factory,0x10000,0x1800\n", &[]);
    assert!(matches!(e, PartitionError::Invalid { .. }), "{e}");
    let mut t = table("a,data,0x40,0x9000,4K\nb,data,0x41,0xa000,4K\n");
    t.partitions[1].name = "a".into();
    t.partitions[1].offset = 0x9000;
    assert!(matches!(
        convert(&t.to_binary().unwrap(), &[]),
        Err(PartitionError::DuplicateNames { .. })
    ));
}

// ---- CSV output ------------------------------------------------------------

#[test]
fn csv_output_format() {
    let image = bin(
        "z,data,0x40,,0\nk,data,0x41,,3K\nh,data,0x42,,0x123,encrypted:readonly\n",
        &[],
    );
    let text = csv_of(&image, &[]);
    assert_eq!(
        text,
        "# ESP-IDF Partition Table\n# Name, Type, SubType, Offset, Size, Flags\n\
         z,data,64,0x9000,0M,\nk,data,65,0x9000,3K,\nh,data,66,0xa000,0x123,encrypted:readonly\n"
    );
}

#[test]
fn empty_csv_makes_a_table_with_only_the_md5_entry() {
    let image = bin("", &[]);
    assert_eq!(image[..2], MD5_MAGIC);
    // It does not start with the entry magic, so it cannot be read back.
    assert!(matches!(
        convert(&image, &[]),
        Err(PartitionError::Encoding(_))
    ));
    let decoded = PartitionTable::from_binary(&image, &BinOptions::default()).unwrap();
    assert!(decoded.partitions.is_empty());
    assert_eq!(
        decoded.to_csv(),
        "# ESP-IDF Partition Table\n# Name, Type, SubType, Offset, Size, Flags\n"
    );
}

#[test]
fn repeated_options_keep_the_last_value() {
    let csv = "nvs,data,nvs,,0x4000\n";
    let image = bin(
        csv,
        &[
            "--offset",
            "0x20000",
            "--offset",
            "0x8000",
            "--no-verify",
            "--no-verify",
        ],
    );
    assert_eq!(entry_at(&image, 0)[4..8], 0x9000u32.to_le_bytes());
    // A repeated --extra-partition-subtypes replaces the earlier list.
    let opts = [
        "--extra-partition-subtypes",
        "app,a,40",
        "--extra-partition-subtypes",
        "app,b,41",
    ];
    assert!(convert(b"x,app,b,,1M\n", &opts).is_ok());
    assert!(matches!(
        convert(b"x,app,a,,1M\n", &opts),
        Err(PartitionError::Csv { .. })
    ));
}

#[test]
fn negative_decimal_option_values_are_values() {
    // Like argparse, "-1" is a value, "-0x1000" would be taken for an option.
    assert!(
        convert(
            b"nvs,data,nvs,,0x4000\n",
            &["--primary-bootloader-offset", "-1"]
        )
        .is_ok()
    );
    let e = err(
        "b,bootloader,primary,,\n",
        &["--primary-bootloader-offset", "-1"],
    );
    assert_eq!(csv_problem(&e).1, CsvField::Offset);
    assert!(Cmd::try_parse_from(["convert", "--offset", "-0x1000", "in", "out"]).is_err());
    assert!(Cmd::try_parse_from(["convert", "--offset=-0x1000", "in", "out"]).is_ok());
}
