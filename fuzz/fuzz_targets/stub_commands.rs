//! Request data fields in: every request parser the stub (and the virtual chip) runs must
//! refuse what it cannot read without panicking, and a request it accepts must encode to a
//! data field that parses to the same request and encodes to the same bytes again.
#![no_main]

use core::fmt::Debug;

use espflow_protocol::caps::{CapabilitiesRequest, SectorDigests, WriteStatsRequest};
use espflow_protocol::message::{
    ChangeBaudrate, EraseFlash, EraseRegion, FlashBegin, FlashEnd, GetSecurityInfo, MemBegin,
    MemEnd, ReadFlash, ReadFlashAck, ReadFlashSlow, ReadReg, RunUserCode, SpiAttach, SpiFlashMd5,
    SpiSetParams, SyncRequest, WriteReg, WriteRegs,
};
use espflow_protocol::packet::{HEADER_LEN, RequestHeader};
use espflow_protocol::status::LoaderKind;
use espflow_protocol::{Command, Request};
use libfuzzer_sys::fuzz_target;

/// Longer than any request's data field.
const ROOM: usize = 64;

fn stable<R: Request + PartialEq + Debug>(p: &[u8]) {
    let Ok(r) = R::parse(p) else {
        return;
    };
    assert!(R::MAX_LEN <= ROOM);
    // Exactly MAX_LEN bytes of room: writing past them panics here.
    let mut first = [0u8; ROOM];
    let n = r.encode(&mut first[..R::MAX_LEN]);
    assert!(n <= R::MAX_LEN, "encoded past MAX_LEN");
    let back = R::parse(&first[..n]).expect("own encoding parses");
    assert_eq!(back, r);
    let mut second = [0u8; ROOM];
    let m = back.encode(&mut second[..R::MAX_LEN]);
    assert_eq!(first[..n], second[..m]);
    let _ = (r.timeout(LoaderKind::Rom), r.timeout(LoaderKind::Stub));
}

fn write_regs(p: &[u8]) {
    let Ok(regs) = WriteRegs::parse(p) else {
        return;
    };
    let entries: Vec<WriteReg> = regs.collect();
    assert_eq!(
        entries.len() * WriteReg::LEN,
        p.len(),
        "every entry is read"
    );
    let mut again = Vec::new();
    for e in &entries {
        let mut b = [0u8; WriteReg::LEN];
        assert_eq!(e.encode(&mut b), WriteReg::LEN);
        again.extend_from_slice(&b);
    }
    // Entries carry no spare bits, so the bytes come back exactly.
    assert_eq!(again, p);
}

fn read_flash_ack(p: &[u8]) {
    if let Ok(a) = ReadFlashAck::parse(p) {
        assert_eq!(a.to_bytes(), p);
    }
}

fuzz_target!(|data: &[u8]| {
    // A whole frame: the header, then the data field the opcode's parser gets.
    if let Some((hdr, body)) = RequestHeader::parse(data) {
        assert_eq!(hdr.to_bytes(), data[..HEADER_LEN]);
        assert_eq!(body, &data[HEADER_LEN..]);
        if let Some(cmd) = Command::from_u8(hdr.op) {
            assert_eq!(cmd as u8, hdr.op);
            let _ = (cmd.is_data(), cmd.is_stub_only());
        }
    }
    for p in [data, data.get(HEADER_LEN..).unwrap_or(&[])] {
        stable::<FlashBegin>(p);
        stable::<FlashEnd>(p);
        stable::<MemBegin>(p);
        stable::<MemEnd>(p);
        stable::<SyncRequest>(p);
        stable::<WriteReg>(p);
        stable::<ReadReg>(p);
        stable::<SpiSetParams>(p);
        stable::<SpiAttach>(p);
        stable::<ReadFlashSlow>(p);
        stable::<ChangeBaudrate>(p);
        stable::<SpiFlashMd5>(p);
        stable::<GetSecurityInfo>(p);
        stable::<EraseFlash>(p);
        stable::<RunUserCode>(p);
        stable::<EraseRegion>(p);
        stable::<ReadFlash>(p);
        stable::<CapabilitiesRequest>(p);
        stable::<SectorDigests>(p);
        stable::<WriteStatsRequest>(p);
        write_regs(p);
        read_flash_ack(p);
    }
});
