//! Line bytes in: the SLIP decoder must never panic, and every frame it yields must come
//! back unchanged when it is encoded again and decoded by a fresh decoder.
#![no_main]

use espflow_protocol::slip::{self, SlipDecoder};
use libfuzzer_sys::fuzz_target;

/// Runs a decoder with a `cap`-byte buffer over `wire`, returning the frames it yields.
fn frames(wire: &[u8], cap: usize) -> (Vec<Vec<u8>>, SlipDecoder) {
    let mut d = SlipDecoder::new();
    let mut buf = vec![0u8; cap];
    let mut out = Vec::new();
    for &b in wire {
        if let Ok(Some(n)) = d.push(b, &mut buf) {
            assert!(n > 0, "empty frames are skipped");
            assert!(n <= cap, "a frame fits the buffer it was decoded into");
            out.push(buf[..n].to_vec());
        }
    }
    (out, d)
}

fuzz_target!(|data: &[u8]| {
    let Some((&cap, wire)) = data.split_first() else {
        return;
    };
    // Small buffers as well as large ones, so that overflows are part of the stream.
    let cap = if cap & 0x80 != 0 {
        0x4400
    } else {
        usize::from(cap) + 1
    };
    let (got, d) = frames(wire, cap);
    assert!(d.skipped <= wire.len());

    let mut again = Vec::new();
    for f in &got {
        let mut one = Vec::new();
        slip::encode(f, |b| one.push(b));
        assert_eq!(one.len(), slip::encoded_len(f));
        // Each frame on its own decodes into exactly itself, with nothing left over.
        let (back, d1) = frames(&one, f.len());
        assert_eq!(back, [f.clone()]);
        assert_eq!(d1.skipped, 0);
        assert!(!d1.in_frame());
        again.extend(one);
    }
    // And all of them back to back decode into the same sequence.
    let (back, _) = frames(&again, cap);
    assert_eq!(back, got);
});
