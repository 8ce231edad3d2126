//! `espflow partition-table` against ESP-IDF's own outputs: every stock
//! table is converted with the exact generator command recorded in
//! COMMANDS.txt and must match the generator's files byte for byte
//! (tests/fixtures/README.md says where they come from).

use std::io::Write;
use std::path::PathBuf;
use std::process::{Output, Stdio};

use crate::support::*;

fn tables_dir() -> PathBuf {
    fixture("partition-tables")
}

fn convert(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = espflow();
    cmd.args(["partition-table", "convert"]).args(args);
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("run espflow");
    if let Some(data) = stdin {
        // The process may exit without reading (e.g. on a usage error), so
        // a broken pipe here is not a failure.
        let _ = child.stdin.take().unwrap().write_all(data);
    }
    child.wait_with_output().unwrap()
}

/// The generator invocations from COMMANDS.txt: options, input, output.
fn reference_commands() -> Vec<(Vec<String>, String, String)> {
    let text = std::fs::read_to_string(tables_dir().join("COMMANDS.txt")).expect("COMMANDS.txt");
    let commands: Vec<_> = text
        .lines()
        .filter_map(|l| l.strip_prefix("$ gen_esp32part.py "))
        .map(|rest| {
            let mut words: Vec<String> = rest.split_whitespace().map(str::to_owned).collect();
            let output = words.pop().unwrap();
            let input = words.pop().unwrap();
            (words, input, output)
        })
        .collect();
    assert!(
        commands.len() >= 24,
        "COMMANDS.txt has {} commands",
        commands.len()
    );
    commands
}

#[test]
fn stock_tables_match_the_reference_byte_for_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut checked = 0;
    for (opts, input, output) in reference_commands() {
        let out_path = dir.join(&output);
        let mut args: Vec<&str> = opts.iter().map(String::as_str).collect();
        let input_path = tables_dir().join(&input);
        args.push(input_path.to_str().unwrap());
        args.push(out_path.to_str().unwrap());
        let run = convert(&args, None);
        assert!(
            run.status.success(),
            "{input} -> {output} failed: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        let want = std::fs::read(tables_dir().join(&output)).unwrap();
        let got = std::fs::read(&out_path).unwrap();
        assert!(got == want, "{output} differs from the generator's output");
        checked += 1;
    }
    assert_eq!(checked, 24);
}

#[test]
fn stdin_and_stdout_work_like_files() {
    let csv = std::fs::read(tables_dir().join("stock_two_ota.csv")).unwrap();
    let bin = std::fs::read(tables_dir().join("stock_two_ota.bin")).unwrap();
    let run = convert(&["--flash-size", "4MB", "-", "-"], Some(&csv));
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(run.stdout, bin);

    // OUTPUT defaults to stdout.
    let run = convert(&["-"], Some(&bin));
    assert!(run.status.success());
    assert_eq!(
        run.stdout,
        std::fs::read(tables_dir().join("stock_two_ota.roundtrip.csv")).unwrap()
    );
}

#[test]
fn output_directories_are_created() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let out = dir.join("a/b/table.bin");
    let input = tables_dir().join("stock_singleapp.csv");
    let run = convert(&[input.to_str().unwrap(), out.to_str().unwrap()], None);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(
        std::fs::read(out).unwrap(),
        std::fs::read(tables_dir().join("stock_singleapp.bin")).unwrap()
    );
}

#[test]
fn roundtrip_csv_converts_back_to_the_same_binary() {
    for (_, input, output) in reference_commands() {
        if !output.ends_with(".roundtrip.csv") {
            continue;
        }
        let csv = std::fs::read(tables_dir().join(&output)).unwrap();
        let run = convert(&["-", "-"], Some(&csv));
        assert!(
            run.status.success(),
            "{output}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert_eq!(
            run.stdout,
            std::fs::read(tables_dir().join(&input)).unwrap(),
            "{output}"
        );
    }
}

#[test]
fn warnings_go_to_stderr_without_failing() {
    let run = convert(&["-", "-"], Some(b"data,app,factory,,1M\n"));
    assert!(run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("WARNING") && stderr.contains("partition type"),
        "{stderr}"
    );
}

fn assert_rejected(name: &str, input: &[u8], opts: &[&str], expect: &str) {
    let mut args = opts.to_vec();
    args.extend_from_slice(&["--", "-", "-"]);
    let run = convert(&args, Some(input));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(
        run.status.code(),
        Some(2),
        "{name}: expected exit 2, stderr: {stderr}"
    );
    assert!(run.stdout.is_empty(), "{name}: wrote output");
    assert!(
        stderr.contains(expect),
        "{name}: stderr {stderr:?} lacks {expect:?}"
    );
}

#[test]
fn invalid_inputs_exit_2_with_a_message() {
    let stock_bin = std::fs::read(tables_dir().join("stock_two_ota.bin")).unwrap();
    let mut bad_md5 = stock_bin.clone();
    bad_md5[5 * 32 + 20] ^= 1;
    let mut bad_magic = stock_bin.clone();
    bad_magic[33] = 0x51;
    let mut bad_name = stock_bin.clone();
    bad_name[12] = 0xC3;
    bad_name[13] = 0x28;
    let too_many: String = (0..95).map(|i| format!("p{i},data,0x40,,4K\n")).collect();

    let cases: &[(&str, &[u8], &[&str], &str)] = &[
        (
            "overlap",
            b"a,data,nvs,0x10000,0x4000\nb,data,nvs,0xc000,0x4000\n",
            &[],
            "line 2",
        ),
        (
            "below table",
            b"a,data,nvs,0x1000,0x4000\n",
            &[],
            "Partitions overlap",
        ),
        ("empty type", b"a,,nvs,,0x4000\n", &[], "line 1"),
        (
            "bad keyword",
            b"a,data,nvsx,,0x4000\n",
            &[],
            "Known keywords",
        ),
        (
            "bad number",
            b"a,data,nvs,,0x4g00\n",
            &[],
            "Invalid field value 0x4g00",
        ),
        (
            "leading zero",
            b"a,data,nvs,024576,0x4000\n",
            &[],
            "Invalid field value 024576",
        ),
        (
            "unknown flag",
            b"a,data,nvs,,0x4000,encrypted : readonly\n",
            &[],
            "unknown flag",
        ),
        (
            "empty size",
            b"a,data,nvs,,\n",
            &[],
            "Size field can't be empty",
        ),
        ("app without subtype", b"a,app,,,1M\n", &[], "empty subtype"),
        ("type out of range", b"a,0x100,0,,4K\n", &[], "line 1"),
        (
            "size out of range",
            b"a,data,nvs,,0x100000000\n",
            &[],
            "line 1",
        ),
        (
            "unaligned app",
            b"a,app,factory,0x18000,1M\n",
            &[],
            "not aligned",
        ),
        ("small nvs", b"a,data,nvs,,0x2000\n", &[], "readonly"),
        (
            "duplicate names",
            b"a,data,nvs,,0x4000\na,data,phy,,4K\n",
            &[],
            "unique",
        ),
        (
            "two otadata",
            b"a,data,ota,,8K\nb,data,ota,,8K\n",
            &[],
            "multiple otadata",
        ),
        ("otadata size", b"a,data,ota,,12K\n", &[], "0x2000"),
        (
            "too many entries",
            too_many.as_bytes(),
            &[],
            "longer than max",
        ),
        (
            "flash too small",
            b"f,app,factory,,4M\n",
            &["--flash-size", "4MB"],
            "does not fit",
        ),
        (
            "bootloader without offset",
            b"b,bootloader,primary,,\n",
            &[],
            "--primary-bootloader-offset",
        ),
        (
            "bad extra subtype",
            b"a,data,nvs,,0x4000\n",
            &["--extra-partition-subtypes", "app,x,10"],
            "duplicate",
        ),
        (
            "unknown variable",
            b"$ESPFLOW_SURELY_UNSET,data,nvs,,0x4000\n",
            &[],
            "unknown variable",
        ),
        ("not utf-8", b"a,data,nvs,,0x4000\xff\n", &[], "UTF-8"),
        ("erased flash", &[0xFF; 0xC00], &[], "UTF-8"),
        ("md5 mismatch", &bad_md5, &[], "MD5 checksums don't match"),
        ("bad magic", &bad_magic, &[], "Invalid magic bytes"),
        ("bad name", &bad_name, &[], "UTF-8"),
        (
            "md5 entry without md5 checks",
            &stock_bin,
            &["--disable-md5sum"],
            "UTF-8",
        ),
        (
            "truncated binary",
            &stock_bin[..100],
            &[],
            "multiple of 32 bytes",
        ),
        (
            "no end marker",
            &stock_bin[..5 * 32],
            &[],
            "end-of-table marker",
        ),
        (
            "bad offset option",
            b"a,data,nvs,,0x4000\n",
            &["--offset", "32K"],
            "offset",
        ),
        (
            "bad flash size option",
            b"a,data,nvs,,0x4000\n",
            &["--flash-size", "3MB"],
            "3MB",
        ),
    ];
    for (name, input, opts, expect) in cases {
        assert_rejected(name, input, opts, expect);
    }
}

#[test]
fn missing_input_file_exits_2() {
    let run = convert(&["/nonexistent/espflow/table.csv", "-"], None);
    assert_eq!(run.status.code(), Some(2));
    assert!(!run.stderr.is_empty());
}

#[test]
fn show_prints_a_readable_table() {
    let path = tables_dir().join("stock_two_ota.bin");
    let run = espflow()
        .args(["partition-table", "show", path.to_str().unwrap()])
        .output()
        .expect("run espflow");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let text = String::from_utf8(run.stdout).unwrap();
    for needle in ["Name", "otadata", "ota_0", "0x110000", "1M", "16K"] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
}
