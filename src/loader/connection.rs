//! Commands and responses over SLIP, with timeouts and decoded errors.

use std::time::{Duration, Instant};

use std::ops::RangeInclusive;

use espflow_protocol::frame::{self, REQUEST_TRAILER};
use espflow_protocol::packet::{RequestHeader, ResponseHeader, split_answer};
use espflow_protocol::status::LoaderKind;
use espflow_protocol::{Command, SlipDecoder, Status, StubError, slip};

use crate::port::Transport;

/// A loader command that did not succeed.
#[derive(Debug, thiserror::Error)]
pub enum LoaderError {
    /// No answer came in time.
    #[error("{cmd} got no response within {timeout:?}")]
    Timeout {
        /// The command.
        cmd: &'static str,
        /// How long the host waited.
        timeout: Duration,
    },
    /// The loader answered with an error status.
    #[error("{cmd} failed: {status}")]
    Failed {
        /// The command.
        cmd: &'static str,
        /// The decoded status.
        status: Status,
    },
    /// The answer does not have the shape the command's answers have.
    #[error("{cmd}: malformed response ({reason})")]
    Malformed {
        /// The command.
        cmd: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// Protocol v2: an answer arrived damaged (its CRC fails) or answers another range
    /// than the one asked about.
    #[error("{cmd}: {reason}")]
    Garbled {
        /// The command.
        cmd: &'static str,
        /// What is wrong with the answer.
        reason: String,
    },
    /// The stub was uploaded and started but never said OHAI.
    #[error(
        "the stub was uploaded but never announced itself (no OHAI within {0:?}); the chip may \
         have crashed: reset it and retry, or use --no-stub"
    )]
    StubSilent(Duration),
    /// The port failed.
    #[error("serial line: {0}")]
    Io(#[from] std::io::Error),
}

/// A loader command's result.
pub type Result<T> = std::result::Result<T, LoaderError>;

impl LoaderError {
    /// Whether sending the request again may help: the answer was lost, damaged or not
    /// this request's, or the stub refused a request that arrived damaged or a write block
    /// that came before the ones it still misses.
    pub fn is_line_error(&self) -> bool {
        match self {
            LoaderError::Timeout { .. } | LoaderError::Garbled { .. } => true,
            LoaderError::Failed {
                status: Status::Stub(e),
                ..
            } => matches!(e, StubError::BadCrc | StubError::BlockAhead),
            _ => false,
        }
    }
}

/// A decoded response: the `value` word and the payload before the status bytes.
#[derive(Debug, Clone)]
pub struct Response {
    /// The answer's value word (a register's contents, a committed address, ...).
    pub value: u32,
    /// The payload before the status bytes.
    pub payload: Vec<u8>,
}

/// Responses that belong to some other command are skipped, but only this many.
const MAX_STRAY_FRAMES: usize = 100;

/// Frames over a [`Transport`]: SLIP in both directions, requests out, answers matched to
/// the command that asked.
pub struct Connection {
    port: Box<dyn Transport>,
    decoder: SlipDecoder,
    frame: Vec<u8>,
    rx: Vec<u8>,
    rx_pos: usize,
    /// Who answers, which decides how status bytes are read.
    pub kind: LoaderKind,
    /// With ESPFLOW_TRACE set: when the connection began, so each traced frame says when it
    /// went or came.
    trace: Option<Instant>,
    /// Protocol v2 is in force: frames are sealed and answers checked.
    pub v2: bool,
    /// The number the next v2 request goes out with.
    next_seq: u32,
    /// Requests sent again because of the line, since the connection began.
    pub retries: u64,
}

impl Connection {
    /// Frames over `port`, assuming the ROM answers until told otherwise.
    pub fn new(port: Box<dyn Transport>) -> Connection {
        Connection {
            port,
            decoder: SlipDecoder::new(),
            frame: vec![0; 0x10000],
            rx: Vec::new(),
            rx_pos: 0,
            kind: LoaderKind::Rom,
            trace: std::env::var_os("ESPFLOW_TRACE").map(|_| Instant::now()),
            v2: false,
            next_seq: 1,
            retries: 0,
        }
    }

    /// The port underneath.
    pub fn port(&mut self) -> &mut dyn Transport {
        &mut *self.port
    }

    /// Gives the port back, with what arrived after the last frame read still to be read:
    /// a chip that has just left its loader may already be talking (an application
    /// starting prints at once).
    pub fn into_port(self) -> Box<dyn Transport> {
        let rest = self.rx.get(self.rx_pos..).unwrap_or_default().to_vec();
        if rest.is_empty() {
            self.port
        } else {
            Box::new(Unread {
                rest,
                port: self.port,
            })
        }
    }

    /// Drops buffered input and any half-received frame.
    pub fn flush_input(&mut self) -> std::io::Result<()> {
        self.rx.clear();
        self.rx_pos = 0;
        self.decoder.reset();
        self.port.discard_input()
    }

    /// SLIP-encodes `packet` and sends it.
    pub fn send_frame(&mut self, packet: &[u8]) -> std::io::Result<()> {
        if let Some(t0) = self.trace {
            warn!(
                "TRACE {:9.3} >> {}",
                t0.elapsed().as_secs_f64(),
                hex(packet, 48)
            );
        }
        let mut wire = Vec::with_capacity(slip::encoded_len(packet));
        slip::encode(packet, |b| wire.push(b));
        self.port.write_all(&wire)
    }

    /// Reads one SLIP frame, waiting at most `timeout` in all.
    pub fn read_frame(&mut self, timeout: Duration) -> std::io::Result<Option<Vec<u8>>> {
        let deadline = Instant::now() + timeout;
        loop {
            while self.rx_pos < self.rx.len() {
                let b = self.rx[self.rx_pos];
                self.rx_pos += 1;
                if let Ok(Some(n)) = self.decoder.push(b, &mut self.frame) {
                    if let Some(t0) = self.trace {
                        let at = t0.elapsed().as_secs_f64();
                        warn!("TRACE {at:9.3} << {}", hex(&self.frame[..n], 48));
                    }
                    return Ok(Some(self.frame[..n].to_vec()));
                }
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Ok(None);
            }
            self.rx.resize(0x4000, 0);
            let n = self.port.read(&mut self.rx, left)?;
            self.rx.truncate(n);
            self.rx_pos = 0;
            if n == 0 {
                return Ok(None);
            }
        }
    }

    /// Sends a command and waits for its response. `payload_len` is how many bytes come
    /// before the status bytes; anything after the two meaningful status bytes is ignored.
    pub fn command(
        &mut self,
        cmd: Command,
        data: &[u8],
        checksum: u32,
        payload_len: usize,
        timeout: Duration,
    ) -> Result<Response> {
        let seq = self.send_command(cmd, data, checksum)?;
        if self.v2 {
            return self
                .wait_answer(cmd, payload_len, timeout, seq..=seq, None)
                .map(|(_, r)| r);
        }
        self.wait_response(cmd, payload_len, timeout)
    }

    /// Sends a command without waiting for its answer (for pipelined writes). In v2 the
    /// frame is sealed and the number it went out with is returned (0 otherwise).
    pub fn send_command(&mut self, cmd: Command, data: &[u8], checksum: u32) -> Result<u32> {
        let mut pkt = Vec::with_capacity(8 + data.len() + REQUEST_TRAILER);
        pkt.extend(
            RequestHeader {
                op: cmd as u8,
                size: data.len() as u16,
                checksum,
            }
            .to_bytes(),
        );
        pkt.extend(data);
        let mut seq = 0;
        if self.v2 {
            seq = self.next_seq;
            self.next_seq = self.next_seq.wrapping_add(1);
            let len = pkt.len();
            pkt.resize(len + REQUEST_TRAILER, 0);
            frame::seal_request(&mut pkt, len, seq);
        }
        self.send_frame(&pkt)?;
        Ok(seq)
    }

    /// Protocol v2: waits for the answer to one of the requests numbered `seqs`, checking
    /// its CRC and, when given, the flash range it covers. Answers to older requests
    /// (a frame delivered twice, an answer that came late) are skipped. A refusal of a
    /// damaged request counts whatever number it echoes from `seqs.start()` on, since
    /// the number itself may be what was damaged. Returns the number answered.
    pub fn wait_answer(
        &mut self,
        cmd: Command,
        payload_len: usize,
        timeout: Duration,
        seqs: RangeInclusive<u32>,
        range: Option<(u32, u32)>,
    ) -> Result<(u32, Response)> {
        let deadline = Instant::now() + timeout;
        let garbled = |reason: String| LoaderError::Garbled {
            cmd: cmd.name(),
            reason,
        };
        for _ in 0..MAX_STRAY_FRAMES {
            let left = deadline.saturating_duration_since(Instant::now());
            let Some(raw) = self.read_frame(left)? else {
                return Err(LoaderError::Timeout {
                    cmd: cmd.name(),
                    timeout,
                });
            };
            let (f, tag) = frame::open_answer(&raw)
                .map_err(|e| garbled(format!("answer arrived damaged ({e:?})")))?;
            let Some((hdr, body)) = ResponseHeader::parse(f) else {
                continue;
            };
            let (payload, status) = match split_answer(body, payload_len, self.kind) {
                Ok(v) => v,
                Err(_) if !seqs.contains(&tag.seq) => continue,
                Err(e) => {
                    return Err(LoaderError::Malformed {
                        cmd: cmd.name(),
                        reason: format!("expected {payload_len} payload bytes and a status: {e}"),
                    });
                }
            };
            if status == Status::Stub(StubError::BadCrc) && tag.seq >= *seqs.start() {
                return Err(LoaderError::Failed {
                    cmd: cmd.name(),
                    status,
                });
            }
            if !seqs.contains(&tag.seq) || hdr.op != cmd as u8 {
                continue;
            }
            if !status.is_ok() {
                return Err(LoaderError::Failed {
                    cmd: cmd.name(),
                    status,
                });
            }
            if let Some((addr, len)) = range
                && (tag.addr, tag.len) != (addr, len)
            {
                return Err(garbled(format!(
                    "the answer covers 0x{:X}+0x{:X}, not 0x{addr:X}+0x{len:X}",
                    tag.addr, tag.len
                )));
            }
            return Ok((
                tag.seq,
                Response {
                    value: hdr.value,
                    payload: payload.to_vec(),
                },
            ));
        }
        Err(LoaderError::Malformed {
            cmd: cmd.name(),
            reason: "too many unrelated frames".into(),
        })
    }

    /// Waits for the answer to `cmd`, skipping frames that answer something else, and
    /// splits it into value, payload (`payload_len` bytes) and status.
    pub fn wait_response(
        &mut self,
        cmd: Command,
        payload_len: usize,
        timeout: Duration,
    ) -> Result<Response> {
        let deadline = Instant::now() + timeout;
        for _ in 0..MAX_STRAY_FRAMES {
            let left = deadline.saturating_duration_since(Instant::now());
            let Some(frame) = self.read_frame(left)? else {
                return Err(LoaderError::Timeout {
                    cmd: cmd.name(),
                    timeout,
                });
            };
            let Some((hdr, body)) = ResponseHeader::parse(&frame) else {
                continue;
            };
            if hdr.op != cmd as u8 {
                continue;
            }
            let (payload, status) =
                split_answer(body, payload_len, self.kind).map_err(|e| LoaderError::Malformed {
                    cmd: cmd.name(),
                    reason: format!("expected {payload_len} payload bytes and a status: {e}"),
                })?;
            if !status.is_ok() {
                return Err(LoaderError::Failed {
                    cmd: cmd.name(),
                    status,
                });
            }
            return Ok(Response {
                value: hdr.value,
                payload: payload.to_vec(),
            });
        }
        Err(LoaderError::Malformed {
            cmd: cmd.name(),
            reason: "too many unrelated frames".into(),
        })
    }
}

fn hex(b: &[u8], max: usize) -> String {
    let mut s: String = b.iter().take(max).map(|x| format!("{x:02x}")).collect();
    if b.len() > max {
        s.push_str(&format!("… ({} bytes)", b.len()));
    }
    s
}

/// A port with bytes already read from it put back in front.
struct Unread {
    rest: Vec<u8>,
    port: Box<dyn Transport>,
}

impl Transport for Unread {
    fn write_all(&mut self, data: &[u8]) -> std::io::Result<()> {
        self.port.write_all(data)
    }

    fn read(&mut self, buf: &mut [u8], timeout: Duration) -> std::io::Result<usize> {
        if self.rest.is_empty() {
            return self.port.read(buf, timeout);
        }
        let n = buf.len().min(self.rest.len());
        buf[..n].copy_from_slice(&self.rest[..n]);
        self.rest.drain(..n);
        Ok(n)
    }

    fn discard_input(&mut self) -> std::io::Result<()> {
        self.rest.clear();
        self.port.discard_input()
    }

    fn set_baud(&mut self, baud: u32) -> std::io::Result<()> {
        self.port.set_baud(baud)
    }

    fn set_lines(&mut self, dtr: Option<bool>, rts: Option<bool>) -> std::io::Result<()> {
        self.port.set_lines(dtr, rts)
    }

    fn has_reset_lines(&self) -> bool {
        self.port.has_reset_lines()
    }

    fn usb_ids(&self) -> Option<(u16, u16)> {
        self.port.usb_ids()
    }

    fn name(&self) -> String {
        self.port.name()
    }
}
