//! otadata contents in: selection must never panic, and activating a slot
//! must make exactly that slot boot.
#![no_main]

use espflow_fuzz::ota::{OtaData, OtaState};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&control, rest)) = data.split_first() else {
        return;
    };
    // Short inputs fill the two entries directly; 8 KiB inputs are taken as-is.
    let image = if rest.len() >= 0x2000 {
        rest.to_vec()
    } else {
        let mut image = vec![0xFF; 0x2000];
        for (copy, chunk) in rest.chunks(32).take(2).enumerate() {
            image[copy * 0x1000..copy * 0x1000 + chunk.len()].copy_from_slice(chunk);
        }
        image
    };
    let otadata = OtaData::parse(&image).expect("image is large enough");
    let count = usize::from(control % 17);
    let slot = (control >> 4) % 16;
    let _ = otadata.boot_selection(count);
    let state = if control & 1 == 0 {
        OtaState::Undefined
    } else {
        OtaState::New
    };
    if let Ok(write) = otadata.activate(slot, count, state) {
        let after = write.apply(&otadata);
        assert_eq!(after.boot_selection(count).slot(), Some(slot));
        assert_eq!(OtaData::parse(&after.to_image()).unwrap(), after);
    }
});
