//! Chip bytes in: every parser the host runs on what a chip sends must refuse what it cannot
//! read without panicking, and whatever it accepts must encode back to the bytes it came
//! from (or, where the wire has several spellings, to a form that parses the same).
#![no_main]

use espflow_protocol::caps::{Capabilities, MAX_DIGESTS, SectorDigests, WriteStats};
use espflow_protocol::message::ReadFlashSlow;
use espflow_protocol::packet::{DATA_HEADER_LEN, HEADER_LEN, split_answer};
use espflow_protocol::status::LoaderKind;
use espflow_protocol::{DataHeader, Md5Digest, ResponseHeader, SecurityInfo, Status};
use libfuzzer_sys::fuzz_target;

const KINDS: [LoaderKind; 2] = [LoaderKind::Rom, LoaderKind::Stub];

fn response_header(frame: &[u8]) {
    let Some((hdr, body)) = ResponseHeader::parse(frame) else {
        assert!(frame.len() < HEADER_LEN || frame[0] != 1);
        return;
    };
    assert_eq!(hdr.to_bytes(), frame[..HEADER_LEN]);
    assert_eq!(body, &frame[HEADER_LEN..]);
}

fn answer(body: &[u8], payload_len: usize) {
    for kind in KINDS {
        match split_answer(body, payload_len, kind) {
            Ok((payload, st)) if payload.len() == payload_len => {
                assert_eq!(payload, &body[..payload_len]);
                let (a, b) = (body[payload_len], body[payload_len + 1]);
                assert_eq!(st, Status::decode(kind, a, b));
                status_round_trip(kind, st);
            }
            Ok((payload, st)) => {
                // Only a failure may leave out the payload, and then it sends a status alone.
                assert!(payload.is_empty() && !st.is_ok());
                assert_eq!(body.len(), kind.status_len());
                status_round_trip(kind, st);
            }
            Err(_) => assert!(body.len() < payload_len + 2),
        }
    }
}

/// A decoded status, sent again by the same kind of loader, reads the same.
fn status_round_trip(kind: LoaderKind, st: Status) {
    let mut b = [0u8; 4];
    let n = st.encode(kind, &mut b);
    assert_eq!(n, kind.status_len());
    assert_eq!(Status::decode(kind, b[0], b[1]), st);
    let _ = st.to_string();
}

fn security_info(p: &[u8]) {
    let Ok(s) = SecurityInfo::parse(p) else {
        assert!(p.len() != SecurityInfo::LEN && p.len() != SecurityInfo::SHORT_LEN);
        return;
    };
    let mut b = [0u8; SecurityInfo::LEN];
    let n = s.encode(&mut b);
    assert_eq!(&b[..n], p);
    let _ = (s.secure_boot(), s.secure_download(), s.flash_encryption());
    if s.chip_id.is_some() {
        assert_eq!(s.to_bytes(), p);
    }
}

fn md5(p: &[u8]) {
    for kind in KINDS {
        let Ok(d) = Md5Digest::parse(kind, p) else {
            continue;
        };
        let mut b = [0u8; 32];
        let n = d.encode(kind, &mut b);
        assert_eq!(n, Md5Digest::answer_len(kind));
        // The ROM's hex may arrive in either case; it is sent back in lower case.
        match kind {
            LoaderKind::Rom => assert_eq!(&b[..n], p.to_ascii_lowercase()),
            LoaderKind::Stub => assert_eq!(&b[..n], p),
        }
        assert_eq!(Md5Digest::parse(kind, &b[..n]), Ok(d));
    }
}

fn capabilities(p: &[u8]) {
    if let Ok(c) = Capabilities::parse(p) {
        assert_eq!(c.to_bytes(), p);
    }
}

fn write_stats(p: &[u8]) {
    if let Ok(s) = WriteStats::parse(p) {
        assert_eq!(s.to_bytes(), p);
    }
}

fn sector_digests(p: &[u8], count: u32) {
    let req = SectorDigests { addr: 0, count };
    let Ok(digests) = req.digests(p) else {
        assert_ne!(p.len(), req.answer_len());
        return;
    };
    let all: Vec<u8> = digests.flatten().collect();
    assert_eq!(all, p);
}

fn data_header(p: &[u8]) {
    let Ok((hdr, data)) = DataHeader::parse(p) else {
        return;
    };
    assert_eq!(hdr, DataHeader::for_block(hdr.seq, data));
    let mut again = hdr.to_bytes().to_vec();
    again.extend_from_slice(data);
    // The header's last eight bytes are padding: zero when sent, ignored when read.
    assert_eq!(again[..8], p[..8]);
    assert_eq!(again[DATA_HEADER_LEN..], p[DATA_HEADER_LEN..]);
    assert_eq!(DataHeader::parse(&again), Ok((hdr, data)));
}

fn read_flash_slow(p: &[u8], len: u32) {
    let req = ReadFlashSlow { addr: 0, len };
    if let Ok(got) = req.answer(p) {
        assert_eq!(got, &p[..len as usize]);
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&sel, rest)) = data.split_first() else {
        return;
    };
    response_header(rest);
    // The host reads the answer body after the header; the rest of the checks use both.
    let body = ResponseHeader::parse(rest).map_or(rest, |(_, b)| b);
    for p in [rest, body] {
        answer(p, usize::from(sel));
        answer(p, usize::from(sel % 34));
        security_info(p);
        md5(p);
        capabilities(p);
        write_stats(p);
        sector_digests(p, u32::from(sel) % (MAX_DIGESTS + 2));
        sector_digests(p, (p.len() / SectorDigests::DIGEST_LEN) as u32);
        data_header(p);
        read_flash_slow(p, u32::from(sel) % 80);
    }
});
