//! Request, response and `*_DATA` header layouts (all little-endian).

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

    /// Returns the header and the data it announces; `None` when the payload is shorter than
    /// a header or its length field disagrees with what arrived.
    pub fn parse(payload: &[u8]) -> Option<(DataHeader, &[u8])> {
        if payload.len() < DATA_HEADER_LEN {
            return None;
        }
        let hdr = DataHeader {
            data_len: read_u32(payload, 0),
            seq: read_u32(payload, 4),
        };
        let data = &payload[DATA_HEADER_LEN..];
        (hdr.data_len as usize == data.len()).then_some((hdr, data))
    }
}

/// Reads a little-endian u32 at `off`; the caller guarantees four bytes are there.
pub fn read_u32(b: &[u8], off: usize) -> u32 {
    u32::from_le_bytes([b[off], b[off + 1], b[off + 2], b[off + 3]])
}

/// Reads `N` consecutive little-endian words, or `None` if the payload is too short.
pub fn words<const N: usize>(payload: &[u8]) -> Option<[u32; N]> {
    if payload.len() < 4 * N {
        return None;
    }
    let mut w = [0u32; N];
    for (i, v) in w.iter_mut().enumerate() {
        *v = read_u32(payload, 4 * i);
    }
    Some(w)
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
        assert!(DataHeader::parse(&p[..19]).is_none());
    }

    #[test]
    fn words_read_and_write() {
        let mut buf = [0u8; 8];
        assert_eq!(put_words(&mut buf, &[1, 0x0403_0201]), 8);
        assert_eq!(words::<2>(&buf), Some([1, 0x0403_0201]));
        assert_eq!(words::<3>(&buf), None);
    }
}
