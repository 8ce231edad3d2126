//! espsecure's known answers (files in `tests/fixtures/encryption/`, whose README says how
//! each was made), round trips over random keys, addresses and data, and the refusals.

use proptest::prelude::*;

use super::*;

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/encryption/",
            $name
        ))
        .as_slice()
    };
}

const PLAIN: &[u8] = fixture!("plain4k.bin");
const KEY_32: &[u8] = fixture!("key_fixed.bin");

fn encrypted(chip: Chip, key: &[u8], conf: Option<u32>, address: u32, plain: &[u8]) -> Vec<u8> {
    let fe = FlashEncryption::new(chip, key, conf).unwrap();
    let mut data = plain.to_vec();
    fe.encrypt(address, &mut data).unwrap();
    let mut back = data.clone();
    fe.decrypt(address, &mut back).unwrap();
    assert_eq!(
        back, plain,
        "decrypting the known answer gives the plaintext back"
    );
    data
}

#[test]
fn the_fixtures_are_what_their_readme_says() {
    assert_eq!(PLAIN, (0..=255u8).cycle().take(4096).collect::<Vec<_>>());
    assert_eq!(KEY_32, (0..32u8).collect::<Vec<_>>());
}

#[test]
fn xts_aes_128_matches_espsecure() {
    for chip in [Chip::Esp32c3, Chip::Esp32c2, Chip::Esp32s3, Chip::Esp32h2] {
        let out = encrypted(chip, KEY_32, None, 0x10000, PLAIN);
        assert_eq!(out, fixture!("kat_xts.bin"), "{chip}");
    }
}

#[test]
fn xts_aes_256_matches_espsecure_from_inside_a_data_unit() {
    let out = encrypted(
        Chip::Esp32s3,
        fixture!("key_64.bin"),
        None,
        0x20030,
        &PLAIN[..976],
    );
    assert_eq!(out, fixture!("kat_xts256_0x20030.bin"));
}

#[test]
fn the_c2_key_derived_from_128_bits_matches_espsecure() {
    let out = encrypted(
        Chip::Esp32c2,
        fixture!("key_16.bin"),
        None,
        0x8010,
        &PLAIN[..512],
    );
    assert_eq!(out, fixture!("kat_xts_key16_0x8010.bin"));
}

#[test]
fn esp32_matches_espsecure_with_the_default_flash_crypt_conf() {
    let out = encrypted(Chip::Esp32, KEY_32, None, 0x10000, PLAIN);
    assert_eq!(out, fixture!("kat_esp32.bin"));
    let explicit = encrypted(Chip::Esp32, KEY_32, Some(0xF), 0x10000, PLAIN);
    assert_eq!(explicit, out);
}

#[test]
fn esp32_matches_espsecure_with_other_flash_crypt_confs() {
    let kats = [
        (0x0, fixture!("kat_esp32_conf0x0_0x3F020.bin")),
        (0x5, fixture!("kat_esp32_conf0x5_0x3F020.bin")),
        (0xA, fixture!("kat_esp32_conf0xA_0x3F020.bin")),
    ];
    for (conf, kat) in kats {
        let out = encrypted(Chip::Esp32, KEY_32, Some(conf), 0x3F020, &PLAIN[..480]);
        assert_eq!(out, kat, "FLASH_CRYPT_CONF 0x{conf:X}");
    }
}

#[test]
fn esp32_extends_a_3_4_coding_scheme_key_as_espsecure_does() {
    let out = encrypted(
        Chip::Esp32,
        fixture!("key_24.bin"),
        None,
        0x10000,
        &PLAIN[..256],
    );
    assert_eq!(out, fixture!("kat_esp32_key24_0x10000.bin"));
}

#[test]
fn key_lengths_follow_what_each_chip_can_hold() {
    let takes = |chip: Chip, len: usize| FlashKey::for_chip(chip, &vec![7; len]).is_ok();
    for chip in Chip::ALL {
        let xts256 = matches!(chip, Chip::Esp32s2 | Chip::Esp32s3 | Chip::Esp32p4);
        assert!(takes(chip, 32), "{chip}");
        assert_eq!(takes(chip, 64), xts256, "{chip}");
        assert_eq!(takes(chip, 16), chip == Chip::Esp32c2, "{chip}");
        assert_eq!(takes(chip, 24), chip == Chip::Esp32, "{chip}");
        for len in [0, 1, 31, 33, 48, 63, 65, 128] {
            assert!(!takes(chip, len), "{chip} {len}");
        }
    }
    let e = FlashKey::for_chip(Chip::Esp32c3, &[0; 31]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "a 31-byte key does not fit the ESP32-C3, which takes 32 bytes (XTS-AES-128)"
    );
    assert_eq!(
        format!("{:?}", FlashKey::for_chip(Chip::Esp32s2, &[9; 64]).unwrap()),
        "FlashKey(XTS-AES-256)"
    );
}

#[test]
fn misaligned_regions_are_refused_with_the_block_named() {
    let xts = FlashEncryption::new(Chip::Esp32c3, KEY_32, None).unwrap();
    let esp32 = FlashEncryption::new(Chip::Esp32, KEY_32, None).unwrap();
    let refused = |fe: &FlashEncryption, address: u32, len: usize| {
        let mut data = vec![0xA5; len];
        let e = fe.encrypt(address, &mut data).unwrap_err();
        assert!(
            data.iter().all(|b| *b == 0xA5),
            "refused data is left alone"
        );
        let mut again = vec![0xA5; len];
        assert_eq!(fe.decrypt(address, &mut again).unwrap_err(), e);
        e.to_string()
    };
    assert_eq!(
        refused(&xts, 0x10008, 32),
        "address 0x10008 is not a multiple of 16: XTS-AES flash encryption works on 16-byte blocks"
    );
    assert_eq!(
        refused(&xts, 0x10000, 40),
        "40 bytes is not a multiple of 16: XTS-AES flash encryption works on 16-byte blocks; \
         pad the data to a multiple of 16 bytes"
    );
    assert!(refused(&esp32, 0x10010, 32).contains("not a multiple of 32: the ESP32"));
    assert!(refused(&esp32, 0x10000, 48).starts_with("48 bytes is not a multiple of 32"));
    assert_eq!(refused(&xts, 0x10000, 0), "the data is empty");
    assert_eq!(
        refused(&xts, 0xFFFF_FFF0, 32),
        "32 bytes at 0xFFFFFFF0 reach past the 32-bit flash address space"
    );
    // The last block of the address space is still in it.
    let mut last = [0; 16];
    xts.encrypt(0xFFFF_FFF0, &mut last).unwrap();
    esp32.encrypt(0xFFFF_FFE0, &mut [0; 32]).unwrap();
}

#[test]
fn flash_crypt_conf_is_for_the_esp32_and_four_bits() {
    let e = FlashEncryption::new(Chip::Esp32c3, KEY_32, Some(0xF)).unwrap_err();
    assert_eq!(
        e,
        EncryptionError::FlashCryptConfNotApplicable(Chip::Esp32c3)
    );
    for bad in [0x10, 0xFF, u32::MAX] {
        let e = FlashEncryption::new(Chip::Esp32, KEY_32, Some(bad)).unwrap_err();
        assert_eq!(e, EncryptionError::FlashCryptConfRange(bad));
    }
    let fe = FlashEncryption::new(Chip::Esp32, KEY_32, Some(0)).unwrap();
    assert_eq!((fe.flash_crypt_conf(), fe.algorithm()), (0, "AES-256"));
    let e: crate::Error = EncryptionError::Empty.into();
    assert_eq!(e.code(), crate::ErrorCode::BadInput);
    assert!(!format!("{fe:?}").contains("0x"), "no key bytes in {fe:?}");
}

#[test]
fn the_address_changes_the_output() {
    // The tweak is per 128-byte unit on XTS, per 32-byte block on the ESP32.
    for (chip, next) in [(Chip::Esp32c3, 0x80), (Chip::Esp32, 0x20)] {
        let a = encrypted(chip, KEY_32, None, 0x10000, &PLAIN[..256]);
        let b = encrypted(chip, KEY_32, None, 0x10000 + next, &PLAIN[..256]);
        assert_ne!(a[..16], b[..16], "{chip}");
    }
}

/// A chip, a key it takes, and (on the ESP32) a FLASH_CRYPT_CONF.
fn chip_and_key() -> impl Strategy<Value = (Chip, Vec<u8>, Option<u32>)> {
    (
        0..Chip::ALL.len(),
        any::<[u8; 64]>(),
        0u32..=0xF,
        any::<bool>(),
    )
        .prop_map(|(i, bytes, conf, alt)| {
            let chip = Chip::ALL[i];
            let len = match (chip, alt) {
                (Chip::Esp32, true) => 24,
                (Chip::Esp32s2 | Chip::Esp32s3 | Chip::Esp32p4, true) => 64,
                (Chip::Esp32c2, true) => 16,
                _ => 32,
            };
            let conf = (chip == Chip::Esp32).then_some(conf);
            (chip, bytes[..len].to_vec(), conf)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn decrypting_undoes_encrypting(
        (chip, key, conf) in chip_and_key(),
        block_address in 0u32..0x4_0000,
        blocks in 1usize..40,
        seed in any::<u64>(),
    ) {
        let fe = FlashEncryption::new(chip, &key, conf).unwrap();
        let block = fe.scheme().block() as usize;
        let address = block_address * block as u32;
        let plain: Vec<u8> = (0..blocks * block)
            .map(|i| (seed.wrapping_mul(i as u64 + 1) >> 29) as u8)
            .collect();
        let mut data = plain.clone();
        fe.encrypt(address, &mut data).unwrap();
        prop_assert_ne!(&data, &plain);
        fe.decrypt(address, &mut data).unwrap();
        prop_assert_eq!(data, plain);
    }

    #[test]
    fn a_region_encrypts_the_same_whole_or_in_pieces(
        (chip, key, conf) in chip_and_key(),
        block_address in 0u32..0x4_0000,
        blocks in 2usize..40,
        cut in any::<prop::sample::Index>(),
        seed in any::<u8>(),
    ) {
        // What the chip holds depends only on each byte's address, not on how the data
        // was split into files or writes.
        let fe = FlashEncryption::new(chip, &key, conf).unwrap();
        let block = fe.scheme().block() as usize;
        let address = block_address * block as u32;
        let plain: Vec<u8> = (0..blocks * block).map(|i| (i as u8) ^ seed).collect();
        let mut whole = plain.clone();
        fe.encrypt(address, &mut whole).unwrap();
        let split = block * (1 + cut.index(blocks - 1));
        let (mut a, mut b) = (plain[..split].to_vec(), plain[split..].to_vec());
        fe.encrypt(address, &mut a).unwrap();
        fe.encrypt(address + split as u32, &mut b).unwrap();
        a.extend(b);
        prop_assert_eq!(whole, a);
    }
}
