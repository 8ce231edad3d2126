use super::*;
use sha2::Digest as _;

const APP_ELF: &[u8] = include_bytes!("../../tests/fixtures/app/app.elf");

fn build(flash: FlashParams) -> ElfBuild {
    build_from_elf(
        APP_ELF,
        "app.elf",
        &ElfOptions {
            chip: Chip::Esp32c3,
            flash,
            crystal_mhz: None,
            table: None,
            table_offset: 0x8000,
            bootloader: None,
            app_partition: None,
        },
    )
    .unwrap()
}

#[test]
fn an_elf_becomes_a_bootloader_table_and_app_that_check() {
    let b = build(FlashParams::default());
    assert_eq!(
        (b.bootloader.addr, b.table.addr, b.app.addr),
        (0, 0x8000, 0x10000)
    );
    let boot = check_app_image(&b.bootloader.data, Chip::Esp32c3).unwrap();
    assert!(boot.app.is_none());
    let app = check_app_image(&b.app.data, Chip::Esp32c3).unwrap();
    assert_eq!(app.entry, 0x4038_0000);
    let desc = app.app.expect("the app descriptor");
    assert_eq!(desc.project_name, "espflow-test-app");
    assert_eq!(desc.version, "1.0.0");
    // The converter fills in the ELF's own hash.
    assert_eq!(
        desc.elf_sha256,
        crate::numbers::hex(&sha2::Sha256::digest(APP_ELF))
    );
    assert_eq!(app.image_len as usize, b.app.data.len());
    let e = check_app_image(&b.app.data, Chip::Esp32c6).unwrap_err();
    assert!(
        e.to_string().contains("for the ESP32-C3, not the ESP32-C6"),
        "{e}"
    );
}

#[test]
fn damaged_images_are_refused_for_what_is_wrong() {
    let good = build(FlashParams::default()).app.data;
    let info = parse(&good).unwrap();
    let mut bad = good.clone();
    bad[info.segments[1].file_offset as usize] ^= 1;
    assert!(matches!(
        check_app_image(&bad, Chip::Esp32c3),
        Err(ImageError::Checksum { .. })
    ));
    let mut bad = good.clone();
    let last = bad.len() - 1;
    bad[last] ^= 1;
    assert!(matches!(
        check_app_image(&bad, Chip::Esp32c3),
        Err(ImageError::Sha256)
    ));
    assert!(matches!(
        check_app_image(&good[..good.len() - 40], Chip::Esp32c3),
        Err(ImageError::Truncated(_))
    ));
    let e = check_app_image(&[0x55; 4096], Chip::Esp32c3).unwrap_err();
    assert!(e.to_string().contains("starts with 0x55"), "{e}");
}

#[test]
fn flash_settings_patch_the_header_and_its_hash() {
    let plain = build(FlashParams::default()).bootloader.data;
    let mut patched = plain.clone();
    let params = FlashParams {
        mode: Some(FlashMode::Qio),
        freq: Some(FlashFrequency::_80Mhz),
        size: Some(FlashSize::_16Mb),
    };
    assert!(patch_flash_params(&mut patched, Chip::Esp32c3, &params).unwrap());
    assert_eq!(patched[2], 0);
    assert_eq!(patched[3], 0x4F);
    let info = check_app_image(&patched, Chip::Esp32c3).unwrap();
    assert_eq!(info.flash_size(), Some(16 << 20));
    assert_ne!(info.sha256, parse(&plain).unwrap().sha256);
    // The same settings through the crate's converter give the same bootloader (in dual
    // mode: for QIO the crate picks another bootloader, whose own header stays DIO).
    let dio = FlashParams {
        mode: Some(FlashMode::Dio),
        ..params
    };
    let mut patched_dio = plain.clone();
    assert!(patch_flash_params(&mut patched_dio, Chip::Esp32c3, &dio).unwrap());
    assert!(
        build(dio).bootloader.data == patched_dio,
        "the converter's differs"
    );
    let quad = build(params);
    assert_eq!((quad.bootloader.data[2], quad.app.data[2]), (2, 0));
    assert!(quad.bootloader.data != plain, "no QIO bootloader");
    // Data that is not an image is left as it is.
    let mut other = vec![0x12; 64];
    assert!(!patch_flash_params(&mut other, Chip::Esp32c3, &params).unwrap());
    // Settings the chip does not have are refused.
    let c2_only = FlashParams {
        freq: Some(FlashFrequency::_30Mhz),
        ..FlashParams::default()
    };
    let e = patch_flash_params(&mut patched, Chip::Esp32c3, &c2_only).unwrap_err();
    assert!(e.to_string().contains("does not run at"), "{e}");
}

#[test]
fn merged_files_put_each_image_at_its_address() {
    let b = build(FlashParams::default());
    let m = merge(&b.images());
    assert_eq!(m.len(), 0x10000 + b.app.data.len());
    assert_eq!(&m[..b.bootloader.data.len()], &b.bootloader.data[..]);
    assert_eq!(&m[0x8000..0x8000 + b.table.data.len()], &b.table.data[..]);
    assert_eq!(m[0x7FFF], 0xFF);
    assert_eq!(&m[0x10000..], &b.app.data[..]);
}

#[test]
fn settings_parse_as_esptool_writes_them() {
    assert_eq!(parse_flash_mode("DIO").unwrap(), Some(FlashMode::Dio));
    assert_eq!(parse_flash_mode("keep").unwrap(), None);
    assert_eq!(
        parse_flash_freq("80m").unwrap(),
        Some(FlashFrequency::_80Mhz)
    );
    assert_eq!(
        parse_flash_size("2MB").unwrap(),
        FlashSizeArg::Size(FlashSize::_2Mb)
    );
    assert_eq!(
        parse_flash_size("4m").unwrap(),
        FlashSizeArg::Size(FlashSize::_4Mb)
    );
    assert_eq!(parse_flash_size("detect").unwrap(), FlashSizeArg::Detect);
    assert!(parse_flash_size("256KB").is_err());
    assert!(parse_flash_freq("81m").is_err());
    assert!(parse_flash_mode("quad").is_err());
}

#[test]
fn idf_build_descriptions_are_read_with_their_encrypted_files() {
    let d = tempfile::tempdir().unwrap();
    let json = d.path().join("flasher_args.json");
    std::fs::write(
        &json,
        r#"{
        "write_flash_args": ["--flash_mode", "dio", "--flash_size", "2MB", "--flash_freq", "80m"],
        "flash_settings": {"flash_mode": "dio", "flash_size": "2MB", "flash_freq": "80m"},
        "flash_files": {"0x0": "bootloader/bootloader.bin", "0x10000": "app.bin",
                        "0x8000": "partition_table/partition-table.bin"},
        "bootloader": {"offset": "0x0", "file": "bootloader/bootloader.bin", "encrypted": "false"},
        "app": {"offset": "0x10000", "file": "app.bin", "encrypted": "false"},
        "extra_esptool_args": {"after": "hard_reset", "before": "default_reset", "stub": true, "chip": "esp32c3"}
    }"#,
    )
    .unwrap();
    let b = IdfBuild::from_dir(d.path()).unwrap();
    let addrs: Vec<u32> = b.files.iter().map(|f| f.addr).collect();
    assert_eq!(addrs, [0, 0x8000, 0x10000]);
    assert_eq!(b.files[2].path, d.path().join("app.bin"));
    assert_eq!(
        (b.mode, b.freq),
        (Some(FlashMode::Dio), Some(FlashFrequency::_80Mhz))
    );
    assert_eq!(b.size, FlashSizeArg::Size(FlashSize::_2Mb));
    assert_eq!(b.chip, Some(Chip::Esp32c3));
    let text = std::fs::read_to_string(&json).unwrap().replacen(
        r#""app.bin", "encrypted": "false""#,
        r#""app.bin", "encrypted": "true""#,
        1,
    );
    std::fs::write(&json, text).unwrap();
    let b = IdfBuild::from_dir(d.path()).unwrap();
    let enc: Vec<bool> = b.files.iter().map(|f| f.encrypted).collect();
    assert_eq!(enc, [false, false, true], "only the app is marked");

    let args = d.path().join("flash_args");
    std::fs::write(
        &args,
        "--flash_mode dio --flash_freq 80m --flash_size 4MB\n0x0 bootloader/bootloader.bin\n0x10000 app.bin\n",
    )
    .unwrap();
    let b = IdfBuild::from_flash_args(&args).unwrap();
    assert_eq!(b.files.len(), 2);
    assert_eq!(b.size, FlashSizeArg::Size(FlashSize::_4Mb));
    std::fs::write(&args, "--encrypt 0x0 bootloader.bin\n0x8000 table.bin\n").unwrap();
    let b = IdfBuild::from_flash_args(&args).unwrap();
    assert!(
        b.files.iter().all(|f| f.encrypted),
        "--encrypt marks every file"
    );
    std::fs::write(&args, "0x0 boot.bin --encrypt-files 0x10000 app.bin\n").unwrap();
    let b = IdfBuild::from_flash_args(&args).unwrap();
    let enc: Vec<bool> = b.files.iter().map(|f| f.encrypted).collect();
    assert_eq!(
        enc,
        [false, true],
        "--encrypt-files marks the pairs after it"
    );
    std::fs::write(&args, "0x0\n").unwrap();
    let e = IdfBuild::from_flash_args(&args).unwrap_err();
    assert!(e.to_string().contains("0x0 has no file"), "{e}");
}
