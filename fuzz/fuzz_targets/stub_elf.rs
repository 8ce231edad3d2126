//! ELF files in: reading a stub image, listing its allocated sections and checking where
//! they sit must refuse what is not a stub without panicking, for every chip with a stub.
#![no_main]

use espflow::chip::Chip;
use espflow::stub::{StubImage, allocated_sections, check_placement};
use libfuzzer_sys::fuzz_target;

const CHIPS: [Chip; 6] = [
    Chip::Esp32c2,
    Chip::Esp32c3,
    Chip::Esp32c5,
    Chip::Esp32c6,
    Chip::Esp32h2,
    // No stub and no RAM map: the placement check must say so, not fail.
    Chip::Esp32,
];

fuzz_target!(|data: &[u8]| {
    // ELF headers are read in place and need their natural alignment, which a fuzzer's
    // buffer need not have; an unaligned copy would only test the refusal.
    let mut words = vec![0u64; data.len().div_ceil(8)];
    for (w, chunk) in words.iter_mut().zip(data.chunks(8)) {
        let mut b = [0u8; 8];
        b[..chunk.len()].copy_from_slice(chunk);
        *w = u64::from_ne_bytes(b);
    }
    let bytes = as_bytes(&words, data.len());
    assert_eq!(bytes, data);

    let chip = CHIPS[data.first().map_or(0, |b| usize::from(*b)) % CHIPS.len()];
    if let Ok(img) = StubImage::parse(chip, bytes) {
        let _ = img.digest();
        let (text, data_len) = img.text_and_data_sizes();
        let total: usize = img.segments.iter().map(|s| s.data.len()).sum();
        assert_eq!(text + data_len, total);
        assert!(total <= bytes.len(), "segments come out of the file");
    }
    if let Ok(sections) = allocated_sections(bytes) {
        for chip in CHIPS {
            let _ = check_placement(chip, &sections);
        }
    }
});

/// The first `len` bytes of `words`.
fn as_bytes(words: &[u64], len: usize) -> &[u8] {
    assert!(len <= words.len() * 8);
    // SAFETY: u64 has no padding and every byte of it is initialised; u8 needs no alignment.
    unsafe { std::slice::from_raw_parts(words.as_ptr().cast::<u8>(), len) }
}
