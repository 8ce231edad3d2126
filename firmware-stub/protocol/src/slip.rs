//! SLIP framing: `C0 escaped(packet) C0`, with `C0 → DB DC` and `DB → DB DD`.

pub const END: u8 = 0xC0;
pub const ESC: u8 = 0xDB;
pub const ESC_END: u8 = 0xDC;
pub const ESC_ESC: u8 = 0xDD;

/// Feeds the SLIP encoding of `packet`, delimiters included, to `out`.
pub fn encode(packet: &[u8], mut out: impl FnMut(u8)) {
    out(END);
    for &b in packet {
        match b {
            END => {
                out(ESC);
                out(ESC_END);
            }
            ESC => {
                out(ESC);
                out(ESC_ESC);
            }
            _ => out(b),
        }
    }
    out(END);
}

/// Length of the encoding of `packet`, delimiters included.
pub fn encoded_len(packet: &[u8]) -> usize {
    2 + packet.len() + packet.iter().filter(|b| **b == END || **b == ESC).count()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlipError {
    /// An escape byte followed by something other than `DC`/`DD`; the frame is dropped.
    BadEscape(u8),
    /// The frame did not fit the buffer; it is dropped.
    Overflow,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Between frames: anything but `C0` is line noise or a boot log and is skipped.
    Idle,
    InFrame,
    Escape,
    /// After an error, skip to the next `C0`.
    Discard,
}

/// Streaming decoder that works on a caller-provided buffer, so the same code runs on the chip
/// without an allocator. Garbage between frames is counted and skipped; empty frames (`C0 C0`)
/// are skipped too, so back-to-back frames work.
#[derive(Debug)]
pub struct SlipDecoder {
    state: State,
    len: usize,
    /// Bytes seen outside any frame since the decoder was created.
    pub skipped: usize,
}

impl Default for SlipDecoder {
    fn default() -> Self {
        Self::new()
    }
}

impl SlipDecoder {
    pub const fn new() -> Self {
        SlipDecoder {
            state: State::Idle,
            len: 0,
            skipped: 0,
        }
    }

    /// Forgets any partial frame.
    pub fn reset(&mut self) {
        self.state = State::Idle;
        self.len = 0;
    }

    /// True while a frame has started but not ended.
    pub fn in_frame(&self) -> bool {
        matches!(self.state, State::InFrame | State::Escape)
    }

    /// Feeds one byte. Returns `Ok(Some(n))` when a frame of `n` bytes is complete in
    /// `buf[..n]`; the next call starts a new frame.
    pub fn push(&mut self, byte: u8, buf: &mut [u8]) -> Result<Option<usize>, SlipError> {
        match self.state {
            State::Idle => {
                if byte == END {
                    self.state = State::InFrame;
                    self.len = 0;
                } else {
                    self.skipped += 1;
                }
                Ok(None)
            }
            State::Discard => {
                if byte == END {
                    self.state = State::InFrame;
                    self.len = 0;
                }
                Ok(None)
            }
            State::InFrame => match byte {
                END if self.len == 0 => Ok(None),
                END => {
                    let n = self.len;
                    self.state = State::Idle;
                    self.len = 0;
                    Ok(Some(n))
                }
                ESC => {
                    self.state = State::Escape;
                    Ok(None)
                }
                b => self.store(b, buf),
            },
            State::Escape => match byte {
                ESC_END => {
                    self.state = State::InFrame;
                    self.store(END, buf)
                }
                ESC_ESC => {
                    self.state = State::InFrame;
                    self.store(ESC, buf)
                }
                other => {
                    self.state = if other == END {
                        State::InFrame
                    } else {
                        State::Discard
                    };
                    self.len = 0;
                    Err(SlipError::BadEscape(other))
                }
            },
        }
    }

    fn store(&mut self, b: u8, buf: &mut [u8]) -> Result<Option<usize>, SlipError> {
        if self.len >= buf.len() {
            self.state = State::Discard;
            self.len = 0;
            return Err(SlipError::Overflow);
        }
        buf[self.len] = b;
        self.len += 1;
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use proptest::prelude::*;
    use std::vec::Vec;

    fn enc(p: &[u8]) -> Vec<u8> {
        let mut v = Vec::new();
        encode(p, |b| v.push(b));
        v
    }

    fn dec_all(wire: &[u8], cap: usize) -> (Vec<Vec<u8>>, Vec<SlipError>) {
        let mut d = SlipDecoder::new();
        let mut buf = std::vec![0u8; cap];
        let (mut frames, mut errs) = (Vec::new(), Vec::new());
        for &b in wire {
            match d.push(b, &mut buf) {
                Ok(Some(n)) => frames.push(buf[..n].to_vec()),
                Ok(None) => {}
                Err(e) => errs.push(e),
            }
        }
        (frames, errs)
    }

    #[test]
    fn escapes_both_special_bytes() {
        assert_eq!(
            enc(&[0xC0, 0xDB, 1]),
            [0xC0, 0xDB, 0xDC, 0xDB, 0xDD, 1, 0xC0]
        );
        assert_eq!(encoded_len(&[0xC0, 0xDB, 1]), 7);
    }

    #[test]
    fn skips_garbage_and_empty_frames() {
        let mut wire = b"ESP-ROM boot log\r\n".to_vec();
        wire.extend(enc(&[1, 2]));
        wire.extend([0xC0, 0xC0]);
        wire.extend(enc(&[3]));
        let (frames, errs) = dec_all(&wire, 16);
        assert_eq!(frames, [std::vec![1, 2], std::vec![3]]);
        assert!(errs.is_empty());
    }

    #[test]
    fn bad_escape_drops_frame_and_resyncs() {
        let mut wire = std::vec![0xC0, 1, 0xDB, 0x42, 2, 0xC0];
        wire.extend(enc(&[9]));
        let (frames, errs) = dec_all(&wire, 16);
        assert_eq!(errs, [SlipError::BadEscape(0x42)]);
        assert_eq!(frames, [std::vec![9]]);
    }

    #[test]
    fn overflow_drops_frame_and_resyncs() {
        let mut wire = enc(&[0u8; 20]);
        wire.extend(enc(&[7, 7]));
        let (frames, errs) = dec_all(&wire, 8);
        assert_eq!(errs, [SlipError::Overflow]);
        assert_eq!(frames, [std::vec![7, 7]]);
    }

    proptest! {
        #[test]
        fn round_trip(packets in proptest::collection::vec(
            proptest::collection::vec(any::<u8>(), 1..300), 1..5)) {
            let mut wire = Vec::new();
            for p in &packets {
                wire.extend(enc(p));
                prop_assert_eq!(enc(p).len(), encoded_len(p));
            }
            let (frames, errs) = dec_all(&wire, 1024);
            prop_assert!(errs.is_empty());
            prop_assert_eq!(frames, packets);
        }

        #[test]
        fn round_trip_with_noise_between_frames(
            p in proptest::collection::vec(any::<u8>(), 1..200),
            noise in proptest::collection::vec(any::<u8>().prop_filter("not END", |b| *b != END), 0..50)) {
            let mut wire = noise.clone();
            wire.extend(enc(&p));
            let (frames, _) = dec_all(&wire, 1024);
            prop_assert_eq!(frames, std::vec![p]);
        }

        #[test]
        fn arbitrary_bytes_never_panic(wire in proptest::collection::vec(any::<u8>(), 0..500)) {
            let _ = dec_all(&wire, 64);
        }
    }
}
