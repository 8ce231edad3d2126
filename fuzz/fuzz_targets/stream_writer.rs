//! Write streams in: the stub core's sector writer, fed streams of any offset, size and
//! block lengths over a flash of varied contents, must program without setting bits, erase
//! only aligned sectors and blocks, touch nothing outside the stream's sectors, leave every
//! byte outside the stream as it was, and hold exactly the stream once it completes. The
//! address it reports as committed must hold the stream at every step.
#![no_main]

use espflow_fuzz::nor::{Input, Rng, StrictNor};
use espflow_stub_core::writer::{SECTOR, SectorWriter, WriteError};
use libfuzzer_sys::fuzz_target;

/// Two 64 KiB blocks: room for streams that cover a whole block, straddle both, or neither.
const FLASH: u32 = 0x2_0000;

/// Contents for `len` bytes in one of a few shapes, some made from what `old` holds so
/// that skipped sectors and programs without an erase come up often.
fn fill(shape: u8, old: &[u8], rng: &mut Rng) -> Vec<u8> {
    match shape % 6 {
        0 => old.to_vec(),
        1 => old.iter().map(|b| b & rng.byte()).collect(),
        2 => vec![0xFF; old.len()],
        3 => vec![0x00; old.len()],
        4 => {
            let mut v = old.to_vec();
            if !v.is_empty() {
                let i = rng.next() as usize % v.len();
                v[i] ^= 1 << (rng.next() % 8);
            }
            v
        }
        _ => (0..old.len()).map(|_| rng.byte()).collect(),
    }
}

fuzz_target!(|data: &[u8]| {
    let mut u = Input(data);
    let mut rng = Rng(u.u32().unwrap_or(1) as u64);
    let erased = vec![0xFF; SECTOR as usize];
    let mut cells = Vec::with_capacity(FLASH as usize);
    for _ in 0..FLASH / SECTOR {
        cells.extend(fill(u.u8().unwrap_or(2) % 6 + 1, &erased, &mut rng));
    }
    let mut nor = StrictNor::new(cells);
    let faults = u.u8().unwrap_or(0);
    if faults & 1 != 0 {
        nor.fail_at = Some(u64::from(u.u8().unwrap_or(0)));
    }
    if faults & 2 != 0 {
        nor.worn = Some(u.u32().unwrap_or(0) % FLASH);
    }

    let mut w = SectorWriter::default();
    let streams = 1 + faults as usize / 64;
    for _ in 0..streams {
        let mut offset = u.u32().unwrap_or(0) % FLASH;
        let shape = u.u8().unwrap_or(0);
        if shape & 0x80 != 0 {
            offset &= !(SECTOR - 1);
        }
        let mut size = u.u32().unwrap_or(0) % (FLASH - offset + 1);
        if shape & 0x40 != 0 {
            size &= !(SECTOR - 1);
        }
        let end = offset + size;
        let sectors = offset & !(SECTOR - 1)..end.next_multiple_of(SECTOR);
        nor.allowed = if size == 0 { 0..0 } else { sectors.clone() };

        let mut stream = Vec::with_capacity(size as usize);
        let mut at = offset;
        while at < end {
            let upto = ((at & !(SECTOR - 1)) + SECTOR).min(end);
            let old = &nor.cells[at as usize..upto as usize];
            stream.extend(fill(u.u8().unwrap_or(shape), old, &mut rng));
            at = upto;
        }
        let before = nor.cells.clone();
        let faulted_before = nor.faulted;

        w.begin(offset, size, false);
        assert_eq!((w.committed(), w.remaining()), (offset, size));
        let mut fed = 0usize;
        let mut result = Ok(());
        let mut abandoned = false;
        while fed < stream.len() {
            let len = match u.u16() {
                // The host goes away in the middle of the stream.
                Some(0xFFFF) => {
                    abandoned = true;
                    break;
                }
                Some(n) => usize::from(n) % 0x4001,
                None => stream.len() - fed,
            };
            let len = len.min(stream.len() - fed);
            result = w.feed(&mut nor, &stream[fed..fed + len]);
            let committed = w.committed();
            assert!((offset..=end).contains(&committed));
            assert!(
                nor.cells[offset as usize..committed as usize]
                    == stream[..(committed - offset) as usize],
                "the committed address 0x{committed:X} claims bytes the flash does not hold"
            );
            if result.is_err() {
                break;
            }
            fed += len;
        }
        let outside_sectors_kept = nor.cells[..sectors.start as usize]
            == before[..sectors.start as usize]
            && nor.cells[sectors.end as usize..] == before[sectors.end as usize..];
        assert!(
            outside_sectors_kept,
            "bytes outside the stream's sectors changed"
        );

        match result {
            Ok(()) if !abandoned => {
                assert_eq!((w.committed(), w.remaining()), (end, 0));
                assert!(
                    nor.cells[offset as usize..end as usize] == stream[..],
                    "a completed stream is not what the flash holds"
                );
                assert!(
                    nor.cells[sectors.start as usize..offset as usize]
                        == before[sectors.start as usize..offset as usize]
                        && nor.cells[end as usize..sectors.end as usize]
                            == before[end as usize..sectors.end as usize],
                    "the neighbours of the stream in its first or last sector changed"
                );
                if size > 0 {
                    let s = w.stats;
                    assert_eq!(
                        s.sectors_skipped + s.sectors_programmed,
                        (sectors.end - sectors.start) / SECTOR,
                        "every sector of the stream is either skipped or programmed"
                    );
                }
                // A byte past the announced size is refused and changes nothing.
                if shape & 0x20 != 0 {
                    let now = nor.cells.clone();
                    assert_eq!(w.feed(&mut nor, &[0]), Err(WriteError::TooMuchData));
                    assert!(nor.cells == now);
                }
            }
            Ok(()) => {}
            Err(WriteError::Flash) => assert!(nor.faulted && !faulted_before),
            Err(WriteError::Verify) => assert!(nor.worn.is_some(), "verify failed on sound flash"),
            Err(WriteError::TooMuchData) => panic!("refused a stream that fits its size"),
        }
    }
});
