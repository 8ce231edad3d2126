//! Protocol v2: the trailer that makes every frame to and from espflow's stub
//! self-checking once both ends have agreed on it through ESPFLOW_CAPABILITIES.
//!
//! The ROM protocol checks data payloads only (an 8-bit XOR), carries no checksum on
//! requests and matches answers by opcode alone, so a flipped address bit or an answer
//! delivered twice goes unnoticed. In v2 each frame, before SLIP, ends in a trailer:
//!
//! ```text
//! request: header(8) body(size)                      seq u32  crc u32
//! answer:  header(8) body(size) addr u32  len u32    seq u32  crc u32
//! ```
//!
//! all little-endian. `size` in the header still counts the body alone. `seq` is the
//! host's request number; an answer repeats the number of the request it answers, and
//! `addr`/`len` the flash range the answer covers (MD5, sector digests, reads, erases,
//! write streams; zero for the rest). `crc` is CRC-32 (IEEE 802.3, as zlib and
//! `crc32fast` compute it) over every byte before it.

/// Bytes a request gains in v2.
pub const REQUEST_TRAILER: usize = 8;
/// Bytes an answer gains in v2.
pub const ANSWER_TRAILER: usize = 16;

/// CRC-32 of the nibble values, so the table stays 64 bytes: the stub's size matters more
/// than the few cycles a byte a 256-entry table would save.
const NIBBLE: [u32; 16] = {
    let mut t = [0u32; 16];
    let mut i = 0;
    while i < 16 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 4 {
            c = if c & 1 != 0 {
                (c >> 1) ^ 0xEDB8_8320
            } else {
                c >> 1
            };
            k += 1;
        }
        t[i] = c;
        i += 1;
    }
    t
};

/// Continues a CRC-32 (IEEE) over `data`; start with 0.
pub fn crc32_update(crc: u32, data: &[u8]) -> u32 {
    let mut c = !crc;
    for &b in data {
        c ^= b as u32;
        c = (c >> 4) ^ NIBBLE[(c & 0xF) as usize];
        c = (c >> 4) ^ NIBBLE[(c & 0xF) as usize];
    }
    !c
}

/// CRC-32 (IEEE) of `data`.
pub fn crc32(data: &[u8]) -> u32 {
    crc32_update(0, data)
}

/// What an answer's trailer says beyond its CRC.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AnswerTag {
    /// The number of the request answered.
    pub seq: u32,
    /// First flash address the answer covers (0 when it covers none).
    pub addr: u32,
    /// Bytes of flash the answer covers (0 when it covers none).
    pub len: u32,
}

/// Why a v2 frame was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameError {
    /// Too short to hold a trailer.
    Short,
    /// The CRC does not match: something on the line changed the frame.
    BadCrc,
}

fn put(buf: &mut [u8], at: usize, words: &[u32]) -> usize {
    let mut n = at;
    for w in words {
        buf[n..n + 4].copy_from_slice(&w.to_le_bytes());
        n += 4;
    }
    n
}

/// A CRC-32 (IEEE) implementation: [`crc32`], or a chip ROM's equivalent.
pub type Crc = fn(&[u8]) -> u32;

fn seal(buf: &mut [u8], len: usize, words: &[u32], crc: Crc) -> usize {
    let n = put(buf, len, words);
    let c = crc(&buf[..n]);
    put(buf, n, &[c])
}

fn open<const N: usize>(frame: &[u8], crc: Crc) -> Result<(&[u8], [u32; N]), FrameError> {
    let tail = 4 * N + 4;
    if frame.len() < tail {
        return Err(FrameError::Short);
    }
    let crc_at = frame.len() - 4;
    if crc(&frame[..crc_at]) != crate::packet::read_u32(frame, crc_at) {
        return Err(FrameError::BadCrc);
    }
    let body = frame.len() - tail;
    let mut w = [0u32; N];
    for (i, v) in w.iter_mut().enumerate() {
        *v = crate::packet::read_u32(frame, body + 4 * i);
    }
    Ok((&frame[..body], w))
}

/// Appends the request trailer to the `len` bytes of `buf` (which has room for
/// [`REQUEST_TRAILER`] more) and returns the sealed length.
pub fn seal_request(buf: &mut [u8], len: usize, seq: u32) -> usize {
    seal(buf, len, &[seq], crc32)
}

/// Checks a sealed request and returns the frame without its trailer, and its number.
pub fn open_request(frame: &[u8]) -> Result<(&[u8], u32), FrameError> {
    open_request_with(frame, crc32)
}

/// [`open_request`] computing the CRC with `crc`.
pub fn open_request_with(frame: &[u8], crc: Crc) -> Result<(&[u8], u32), FrameError> {
    open::<1>(frame, crc).map(|(f, [seq])| (f, seq))
}

/// Appends the answer trailer to the `len` bytes of `buf` (which has room for
/// [`ANSWER_TRAILER`] more) and returns the sealed length.
pub fn seal_answer(buf: &mut [u8], len: usize, tag: AnswerTag) -> usize {
    seal_answer_with(buf, len, tag, crc32)
}

/// [`seal_answer`] computing the CRC with `crc`.
pub fn seal_answer_with(buf: &mut [u8], len: usize, tag: AnswerTag, crc: Crc) -> usize {
    seal(buf, len, &[tag.addr, tag.len, tag.seq], crc)
}

/// Checks a sealed answer and returns the frame without its trailer, and what it says.
pub fn open_answer(frame: &[u8]) -> Result<(&[u8], AnswerTag), FrameError> {
    open::<3>(frame, crc32).map(|(f, [addr, len, seq])| (f, AnswerTag { seq, addr, len }))
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use proptest::prelude::*;
    use std::vec::Vec;

    #[test]
    fn crc_matches_the_ieee_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
        assert_eq!(crc32_update(crc32(b"1234"), b"56789"), 0xCBF4_3926);
    }

    fn sealed_request(frame: &[u8], seq: u32) -> Vec<u8> {
        let mut b = frame.to_vec();
        b.resize(frame.len() + REQUEST_TRAILER, 0);
        let n = seal_request(&mut b, frame.len(), seq);
        assert_eq!(n, b.len());
        b
    }

    fn sealed_answer(frame: &[u8], tag: AnswerTag) -> Vec<u8> {
        let mut b = frame.to_vec();
        b.resize(frame.len() + ANSWER_TRAILER, 0);
        let n = seal_answer(&mut b, frame.len(), tag);
        assert_eq!(n, b.len());
        b
    }

    proptest! {
        #[test]
        fn crc_agrees_with_crc32fast(data in proptest::collection::vec(any::<u8>(), 0..300)) {
            prop_assert_eq!(crc32(&data), crc32fast::hash(&data));
        }

        #[test]
        fn request_round_trip(frame in proptest::collection::vec(any::<u8>(), 0..64), seq: u32) {
            let b = sealed_request(&frame, seq);
            prop_assert_eq!(open_request(&b), Ok((&frame[..], seq)));
        }

        #[test]
        fn answer_round_trip(
            frame in proptest::collection::vec(any::<u8>(), 0..64),
            seq: u32, addr: u32, len: u32,
        ) {
            let tag = AnswerTag { seq, addr, len };
            let b = sealed_answer(&frame, tag);
            prop_assert_eq!(open_answer(&b), Ok((&frame[..], tag)));
        }

        #[test]
        fn every_single_bit_flip_is_detected(
            frame in proptest::collection::vec(any::<u8>(), 0..48),
            seq: u32, addr: u32,
        ) {
            let req = sealed_request(&frame, seq);
            let ans = sealed_answer(&frame, AnswerTag { seq, addr, len: 7 });
            for bit in 0..req.len() * 8 {
                let mut f = req.clone();
                f[bit / 8] ^= 1 << (bit % 8);
                prop_assert_eq!(open_request(&f).map(|_| ()), Err(FrameError::BadCrc));
            }
            for bit in 0..ans.len() * 8 {
                let mut f = ans.clone();
                f[bit / 8] ^= 1 << (bit % 8);
                prop_assert_eq!(open_answer(&f).map(|_| ()), Err(FrameError::BadCrc));
            }
        }
    }

    #[test]
    fn short_frames_are_refused() {
        assert_eq!(open_request(&[0; 7]), Err(FrameError::Short));
        assert_eq!(open_answer(&[0; 15]).map(|_| ()), Err(FrameError::Short));
    }
}
