//! Request, response and `*_DATA` header layouts (all little-endian).

use crate::message::WireError;
use crate::status::{LoaderKind, Status};

/// Direction byte of a request.
pub const DIR_REQUEST: u8 = 0x00;
/// Direction byte of a response.
pub const DIR_RESPONSE: u8 = 0x01;
pub const HEADER_LEN: usize = 8;
pub const DATA_HEADER_LEN: usize = 16;

/// Header of a host → chip packet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequestHeader {
    pub op: u8,
    pub size: u16,
    pub checksum: u32,
}

impl RequestHeader {
    pub fn to_bytes(self) -> [u8; HEADER_LEN] {
        let mut b = [0u8; HEADER_LEN];
        b[0] = DIR_REQUEST;
        b[1] = self.op;
        b[2..4].copy_from_slice(&self.size.to_le_bytes());
        b[4..8].copy_from_slice(&self.checksum.to_le_bytes());
        b
    }

    /// Splits a decoded frame into header and data. The data is whatever follows the header;
    /// a `size` that disagrees with it is reported by the caller, who knows what to answer.
    pub fn parse(frame: &[u8]) -> Option<(RequestHeader, &[u8])> {
        if frame.len() < HEADER_LEN || frame[0] != DIR_REQUEST {
            return None;
        }
        let hdr = RequestHeader {
            op: frame[1],
            size: u16::from_le_bytes([frame[2], frame[3]]),
            checksum: read_u32(frame, 4),
        };
        Some((hdr, &frame[HEADER_LEN..]))
    }
}

/// Header of a chip → host packet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ResponseHeader {
    pub op: u8,
    pub size: u16,
    pub value: u32,
}

impl ResponseHeader {
    pub fn to_bytes(self) -> [u8; HEADER_LEN] {
        let mut b = [0u8; HEADER_LEN];
        b[0] = DIR_RESPONSE;
        b[1] = self.op;
        b[2..4].copy_from_slice(&self.size.to_le_bytes());
        b[4..8].copy_from_slice(&self.value.to_le_bytes());
        b
    }

    /// Hosts skip frames that are too short or not marked as responses, as esptool does.
    pub fn parse(frame: &[u8]) -> Option<(ResponseHeader, &[u8])> {
        if frame.len() < HEADER_LEN || frame[0] != DIR_RESPONSE {
            return None;
        }
        let hdr = ResponseHeader {
            op: frame[1],
            size: u16::from_le_bytes([frame[2], frame[3]]),
            value: read_u32(frame, 4),
        };
        Some((hdr, &frame[HEADER_LEN..]))
    }
}

/// The 16-byte prefix of MEM_DATA, FLASH_DATA and FLASH_DEFL_DATA payloads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DataHeader {
    pub data_len: u32,
    pub seq: u32,
}

impl DataHeader {
    pub fn to_bytes(self) -> [u8; DATA_HEADER_LEN] {
        let mut b = [0u8; DATA_HEADER_LEN];
        b[0..4].copy_from_slice(&self.data_len.to_le_bytes());
        b[4..8].copy_from_slice(&self.seq.to_le_bytes());
        b
    }

    /// The header a block of `data` with sequence number `seq` travels under.
    pub fn for_block(seq: u32, data: &[u8]) -> DataHeader {
        DataHeader {
            data_len: data.len() as u32,
            seq,
        }
    }

    /// Returns the header and the data it announces. The payload must be longer than a
    /// header, and the length field must agree with what arrived.
    pub fn parse(payload: &[u8]) -> Result<(DataHeader, &[u8]), WireError> {
        if payload.len() < DATA_HEADER_LEN {
            return Err(WireError::Short {
                need: DATA_HEADER_LEN,
                got: payload.len(),
            });
        }
        let hdr = DataHeader {
            data_len: read_u32(payload, 0),
            seq: read_u32(payload, 4),
        };
        let data = &payload[DATA_HEADER_LEN..];
        if hdr.data_len as usize != data.len() {
            return Err(WireError::Malformed(
                "data length disagrees with the header",
            ));
        }
        Ok((hdr, data))
    }
}

/// Splits the data field of an answer into the payload a command expects (`payload_len`
/// bytes) and the status that follows it; anything after the two status bytes is ignored,
/// as esptool does.
///
/// A loader that fails a command may leave out the payload and send the status bytes
/// alone; such an answer yields an empty payload with the failed status. An answer too
/// short for both payload and status is an error: its last bytes are not a status, and
/// reading them as one would invent an error code.
pub fn split_answer(
    body: &[u8],
    payload_len: usize,
    loader: LoaderKind,
) -> Result<(&[u8], Status), WireError> {
    if let Some(st) = body.get(payload_len..payload_len + 2) {
        return Ok((&body[..payload_len], Status::decode(loader, st[0], st[1])));
    }
    if body.len() == loader.status_len() {
        let status = Status::decode(loader, body[0], body[1]);
        if !status.is_ok() {
            return Ok((&[], status));
        }
    }
    Err(WireError::Short {
        need: payload_len + 2,
        got: body.len(),
    })
}

/// Reads a little-endian u32 at `off`; the caller guarantees four bytes are there.
pub fn read_u32(b: &[u8], off: usize) -> u32 {
    u32::from_le_bytes([b[off], b[off + 1], b[off + 2], b[off + 3]])
}

/// Writes words as little-endian bytes into `out`, returning the number of bytes written.
pub fn put_words(out: &mut [u8], words: &[u32]) -> usize {
    for (i, w) in words.iter().enumerate() {
        out[4 * i..4 * i + 4].copy_from_slice(&w.to_le_bytes());
    }
    4 * words.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_header_round_trip() {
        let h = RequestHeader {
            op: 0x03,
            size: 0x410,
            checksum: 0xAB,
        };
        let mut frame = [0u8; 12];
        frame[..8].copy_from_slice(&h.to_bytes());
        let (back, data) = RequestHeader::parse(&frame).unwrap();
        assert_eq!(back, h);
        assert_eq!(data.len(), 4);
    }

    #[test]
    fn response_rejects_wrong_direction_and_short_frames() {
        let mut b = ResponseHeader {
            op: 8,
            size: 2,
            value: 0,
        }
        .to_bytes();
        assert!(ResponseHeader::parse(&b).is_some());
        assert!(ResponseHeader::parse(&b[..7]).is_none());
        b[0] = 0;
        assert!(ResponseHeader::parse(&b).is_none());
    }

    #[test]
    fn data_header_checks_length() {
        let mut p = [0u8; 20];
        p[..16].copy_from_slice(
            &DataHeader {
                data_len: 4,
                seq: 9,
            }
            .to_bytes(),
        );
        let (h, d) = DataHeader::parse(&p).unwrap();
        assert_eq!((h.seq, d.len()), (9, 4));
        assert!(DataHeader::parse(&p[..19]).is_err());
        assert!(DataHeader::parse(&p[..15]).is_err());
    }

    proptest::proptest! {
        #[test]
        fn data_header_round_trip(seq: u32, data in proptest::collection::vec(proptest::num::u8::ANY, 0..64)) {
            extern crate std;
            let h = DataHeader::for_block(seq, &data);
            let mut p = std::vec::Vec::from(h.to_bytes());
            p.extend_from_slice(&data);
            let (back, d) = DataHeader::parse(&p).unwrap();
            proptest::prop_assert_eq!(back, h);
            proptest::prop_assert_eq!(d, &data[..]);
            for cut in 0..p.len() {
                proptest::prop_assert!(DataHeader::parse(&p[..cut]).is_err());
            }
        }

        #[test]
        fn split_answer_never_reads_payload_as_status(
            body in proptest::collection::vec(proptest::num::u8::ANY, 0..40),
            payload_len in 0usize..32,
        ) {
            for kind in [LoaderKind::Rom, LoaderKind::Stub] {
                match split_answer(&body, payload_len, kind) {
                    Ok((p, st)) if p.len() == payload_len => {
                        proptest::prop_assert_eq!(
                            st,
                            Status::decode(kind, body[payload_len], body[payload_len + 1])
                        );
                    }
                    Ok((p, st)) => {
                        proptest::prop_assert!(p.is_empty() && !st.is_ok());
                        proptest::prop_assert_eq!(body.len(), kind.status_len());
                    }
                    Err(_) => proptest::prop_assert!(body.len() < payload_len + 2),
                }
            }
        }
    }

    #[test]
    fn split_answer_forms() {
        // Payload, then the ROM's four status bytes.
        let body = [0xAA, 0xBB, 0, 0, 0, 0];
        assert_eq!(
            split_answer(&body, 2, LoaderKind::Rom),
            Ok((&body[..2], Status::Ok))
        );
        // A failure that left out the payload.
        let fail = [1, 5, 0, 0];
        assert_eq!(
            split_answer(&fail, 20, LoaderKind::Rom),
            Ok((&[][..], Status::Rom(crate::RomError::InvalidMessage)))
        );
        // Sixteen digest bytes with no status after them.
        assert!(split_answer(&[0xC1; 16], 16, LoaderKind::Stub).is_err());
        // A status-only success where a payload was expected.
        assert!(split_answer(&[0, 0], 16, LoaderKind::Stub).is_err());
    }

    #[test]
    fn words_write_little_endian() {
        let mut buf = [0u8; 8];
        assert_eq!(put_words(&mut buf, &[1, 0x0403_0201]), 8);
        assert_eq!(buf, [1, 0, 0, 0, 1, 2, 3, 4]);
    }
}
