//! The pipeline against the virtual chip in this process: the real loader protocol, the
//! real stub core and the NOR model, no process or socket in between.

use md5::{Digest, Md5};

use super::plan::WritePlan;
use super::*;
use crate::port::{self, VirtualOptions};
use crate::session::{Session, SessionOptions, StubPolicy};

fn session(dir: &std::path::Path, stub: StubPolicy) -> Session {
    let path = dir.join("flash.bin");
    let port = port::open(
        &format!("virtual:{}", path.display()),
        115_200,
        &VirtualOptions::default(),
    )
    .unwrap();
    let opts = SessionOptions {
        stub,
        ..SessionOptions::default()
    };
    Session::connect(port, &opts).unwrap()
}

fn noise(len: usize, seed: u32) -> Vec<u8> {
    let mut x = seed | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect()
}

fn image(addr: u32, data: Vec<u8>) -> Image {
    Image::new(addr, data, "img")
}

fn flash_md5(s: &mut Session, addr: u32, len: u32) -> [u8; 16] {
    s.loader().md5(addr, len).unwrap()
}

#[test]
fn compare_finds_exactly_the_changed_sectors_on_both_loaders() {
    for stub in [StubPolicy::Verified, StubPolicy::Never] {
        let dir = tempfile::tempdir().unwrap();
        let mut s = session(dir.path(), stub);
        let mut data = noise(0x4800, 7);
        let img = image(0x20000, data.clone());
        s.write(
            &[img],
            WriteOptions::default(),
            None,
            &mut crate::progress::Quiet,
        )
        .unwrap();
        // Change one byte in the third sector and one in the partial last chunk.
        data[0x2345] ^= 0xFF;
        data[0x4700] ^= 0x01;
        let changed = [image(0x20000, data)];
        let plan = WritePlan::new(&changed, 0x40_0000).unwrap();
        s.ensure_stub().unwrap();
        let matched = compare::matching(s.loader(), &plan.images[0], None).unwrap();
        assert_eq!(matched, [true, true, false, true, false], "{stub:?}");
    }
}

#[test]
fn a_journal_claim_is_believed_only_when_proven() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path(), StubPolicy::Never);
    let data = noise(0x3000, 9);
    let imgs = [image(0x30000, data)];
    let plan = WritePlan::new(&imgs, 0x40_0000).unwrap();
    // Nothing is written yet: a claim that two sectors are committed is false.
    let matched = compare::matching(s.loader(), &plan.images[0], Some(0x32000)).unwrap();
    assert_eq!(matched, [false, false, false]);
}

#[test]
fn the_rom_path_keeps_bytes_that_share_a_sector_with_the_image() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path(), StubPolicy::Never);
    let around = noise(0x3000, 11);
    s.write(
        &[image(0x40000, around.clone())],
        WriteOptions::default(),
        None,
        &mut crate::progress::Quiet,
    )
    .unwrap();
    let inner = noise(0x100, 13);
    let summary = s
        .write(
            &[image(0x40F80, inner.clone())],
            WriteOptions::default(),
            None,
            &mut crate::progress::Quiet,
        )
        .unwrap();
    assert!(summary.verified);
    assert_eq!(summary.sectors_erased, 2, "the image straddles two sectors");
    let mut want = around;
    want[0xF80..0x1080].copy_from_slice(&inner);
    let got: [u8; 16] = Md5::digest(&want).into();
    assert_eq!(flash_md5(&mut s, 0x40000, 0x3000), got);
}

#[test]
fn an_unchanged_image_is_proven_in_place_without_the_stub() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path(), StubPolicy::Verified);
    let imgs = [image(0x10000, noise(0x2000, 15))];
    let first = s
        .write(
            &imgs,
            WriteOptions::default(),
            None,
            &mut crate::progress::Quiet,
        )
        .unwrap();
    assert_eq!(first.bytes_sent, 0x2000);
    // A new connection to the same flash, as a second run would make; the first chip lets
    // go of the file first.
    drop(s);
    let mut again = session(dir.path(), StubPolicy::Verified);
    let second = already_in_place(
        again.loader(),
        &imgs,
        WriteOptions::default(),
        None,
        &mut crate::progress::Quiet,
    )
    .unwrap()
    .expect("in place");
    assert_eq!(second.bytes_skipped, 0x2000);
    assert!(!again.loader().is_stub(), "no stub was needed");
}

#[test]
fn images_past_the_end_are_refused_before_anything_is_sent() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path(), StubPolicy::Verified);
    let e = s
        .write(
            &[image(0x3F_F000, vec![1; 0x2000])],
            WriteOptions::default(),
            None,
            &mut crate::progress::Quiet,
        )
        .unwrap_err();
    assert_eq!(e.code(), crate::ErrorCode::BadInput, "{e}");
    assert!(!s.loader().is_stub());
}

#[test]
fn kept_bytes_in_the_journal_are_put_back_after_their_sectors_were_erased() {
    // A write of `inner` was cut off after it recorded the bytes around it and erased both
    // sectors it shares with them. The rerun finds them in the journal and writes them back,
    // even where the image's own bytes (erased, like these) already match.
    for (stub, inner) in [
        (StubPolicy::Never, noise(0x100, 17)),
        (StubPolicy::Never, vec![0xFF; 0x100]),
        (StubPolicy::Verified, noise(0x100, 19)),
        (StubPolicy::Verified, vec![0xFF; 0x100]),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::new(dir.path().join("state"));
        let mut s = session(dir.path(), stub);
        let around = noise(0x3000, 11);
        let q = &mut crate::progress::Quiet;
        s.write(
            &[image(0x40000, around.clone())],
            WriteOptions::default(),
            None,
            q,
        )
        .unwrap();
        let img = image(0x40F80, inner.clone());
        let mac = s.loader().mac().unwrap();
        let kept = journal::kept_ranges(img.addr, 0x100)
            .iter()
            .map(|&(at, len)| {
                let off = (at - 0x40000) as usize;
                (at, around[off..off + len as usize].to_vec())
            })
            .collect();
        journal
            .save(&journal::Entry {
                key: journal_key(mac, &img),
                size: 0x100,
                committed: img.addr,
                kept,
            })
            .unwrap();
        crate::region::erase_region(s.loader(), 0x40000, 0x2000).unwrap();
        let summary = s
            .write(&[img], WriteOptions::default(), Some(&journal), q)
            .unwrap();
        assert!(summary.resumed && summary.verified, "{stub:?}");
        let mut want = around;
        want[0xF80..0x1080].copy_from_slice(&inner);
        let got: [u8; 16] = Md5::digest(&want).into();
        assert_eq!(flash_md5(&mut s, 0x40000, 0x3000), got, "{stub:?}");
        assert_eq!(std::fs::read_dir(journal.dir()).unwrap().count(), 0);
    }
}

#[test]
fn a_first_batch_that_all_differs_leaves_the_rest_to_the_stub() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path(), StubPolicy::Verified);
    let sectors = espflow_protocol::caps::MAX_DIGESTS as usize + 16;
    let old = noise(sectors * 0x1000, 11);
    let opts = WriteOptions::default();
    s.write(
        &[image(0x40000, old.clone())],
        opts,
        None,
        &mut crate::progress::Quiet,
    )
    .unwrap();
    // Every sector of the first request's worth changes; the last 16 stay as they are.
    let mut new = old.clone();
    for k in 0..sectors - 16 {
        new[k * 0x1000] ^= 0xFF;
    }
    let imgs = [image(0x40000, new.clone())];
    let plan = WritePlan::new(&imgs, 0x40_0000).unwrap();
    s.ensure_stub().unwrap();
    let matched = compare::matching(s.loader(), &plan.images[0], None).unwrap();
    assert!(
        !matched.contains(&true),
        "nothing hashed after the first batch"
    );
    // Sent, but the stub finds the unchanged sectors in place and leaves them be.
    let sum = s
        .write(&imgs, opts, None, &mut crate::progress::Quiet)
        .unwrap();
    assert_eq!(sum.sectors_written, (sectors - 16) as u64, "{sum:?}");
    assert_eq!(
        flash_md5(&mut s, 0x40000, new.len() as u32),
        <[u8; 16]>::from(Md5::digest(&new))
    );
}

#[test]
fn verify_by_sector_digests_names_the_sector_that_differs() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(dir.path(), StubPolicy::Verified);
    // A partial sector at both ends around three whole ones.
    let data = noise(0x3A00 + 0x800, 9);
    let addr = 0x20800;
    s.write(
        &[image(addr, data.clone())],
        WriteOptions::default(),
        None,
        &mut crate::progress::Quiet,
    )
    .unwrap();
    s.ensure_stub().unwrap();
    assert!(
        s.loader().digests_on_engine(),
        "the C3's stub digests on its engine"
    );
    verify::region(s.loader(), addr, &data, "img").unwrap();
    for (at, sector) in [(0x1900, 0x22000), (0x10, 0x20800), (0x4100, 0x24000)] {
        let mut other = data.clone();
        other[at] ^= 0x40;
        match verify::region(s.loader(), addr, &other, "img") {
            Err(crate::Error::VerifyMismatch { addr, .. }) => assert_eq!(addr, sector, "{at:#x}"),
            r => panic!("a change at {at:#x} was not seen: {r:?}"),
        }
    }
}
