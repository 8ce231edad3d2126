//! The committed stub images: each ELF keeps every allocated section where the chip's ROM
//! loader lets a stub live, and what the host uploads is exactly the ELF's loadable bytes.

use espflow::chip::Chip;
use espflow::stub::{StubImage, allocated_sections, check_placement, elf_for};

#[test]
fn every_stub_elf_is_placed_in_ram() {
    let mut checked = 0;
    for chip in Chip::ALL {
        let Some(elf) = elf_for(chip) else { continue };
        let sections = allocated_sections(elf).unwrap();
        assert!(sections.iter().any(|s| s.exec), "{chip}: no code section");
        check_placement(chip, &sections).unwrap_or_else(|e| panic!("{e}"));
        let img = StubImage::for_chip(chip).unwrap();
        let text = sections.iter().find(|s| s.exec).unwrap();
        assert!(
            (text.addr..text.addr + text.size).contains(&img.entry),
            "{chip}: entry 0x{:X} is not in the code",
            img.entry
        );
        let uploaded: u32 = sections.iter().filter(|s| s.uploaded).map(|s| s.size).sum();
        let segs: usize = img.segments.iter().map(|s| s.data.len()).sum();
        assert_eq!(
            uploaded as usize, segs,
            "{chip}: segments and sections disagree"
        );
        checked += 1;
    }
    assert_eq!(checked, 5, "every RISC-V chip has a stub image");
}
