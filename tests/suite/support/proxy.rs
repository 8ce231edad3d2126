//! A fault-injection relay: a TCP proxy between espflow and a served virtual chip that
//! decodes the SLIP frames going each way and damages exactly one of them, chosen by
//! direction, command opcode and occurrence. Everything else passes through unchanged, so
//! whatever goes wrong is that one fault's doing.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use espflow_protocol::slip::{self, SlipDecoder};

/// Which way a frame travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dir {
    /// A request, from espflow to the chip.
    ToChip,
    /// An answer, from the chip to espflow.
    ToHost,
}

/// What is done to the chosen frame. Offsets index the decoded packet; a negative offset
/// counts from its end, and offsets past either end are clamped to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// One bit flipped.
    FlipBit { offset: isize, bit: u8 },
    /// One byte left out.
    DropByte { offset: isize },
    /// One byte added before `offset`.
    InsertByte { offset: isize, byte: u8 },
    /// The frame sent twice.
    Duplicate,
    /// The frame held back this long (longer than the loader's timeout).
    Delay(Duration),
    /// Only the first `keep` bytes of the packet sent, then the frame's end.
    Truncate { keep: usize },
}

/// The frame to damage: the `occurrence`-th (from 0) frame going `dir` whose opcode (the
/// packet's second byte) is `opcode`, counted over every connection through the proxy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Target {
    pub dir: Dir,
    pub opcode: u8,
    pub occurrence: usize,
}

/// A running proxy; it stops accepting when dropped (open relays end with their peers).
pub struct Proxy {
    /// `socket://127.0.0.1:P`, for `--port`.
    pub port: String,
    counts: Arc<Mutex<HashMap<(Dir, u8), usize>>>,
    fired: Arc<AtomicBool>,
    stop: Arc<AtomicBool>,
}

impl Proxy {
    /// Relays to `upstream` (a `socket://HOST:PORT` or `HOST:PORT`), damaging the frame
    /// `fault` names, if any.
    pub fn start(upstream: &str, fault: Option<(Target, Fault)>) -> Proxy {
        let upstream = upstream
            .strip_prefix("socket://")
            .unwrap_or(upstream)
            .to_string();
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind proxy");
        let port = format!("socket://{}", listener.local_addr().unwrap());
        listener.set_nonblocking(true).unwrap();
        let counts = Arc::new(Mutex::new(HashMap::new()));
        let fired = Arc::new(AtomicBool::new(false));
        let stop = Arc::new(AtomicBool::new(false));
        let shared = Shared {
            counts: counts.clone(),
            fired: fired.clone(),
            fault,
        };
        let stop_accepting = stop.clone();
        std::thread::spawn(move || {
            while !stop_accepting.load(Ordering::Acquire) {
                match listener.accept() {
                    Ok((host, _)) => {
                        host.set_nonblocking(false).unwrap();
                        let Ok(chip) = TcpStream::connect(&upstream) else {
                            continue;
                        };
                        let _ = host.set_nodelay(true);
                        let _ = chip.set_nodelay(true);
                        let (h2, c2) = (host.try_clone().unwrap(), chip.try_clone().unwrap());
                        let s2 = shared.clone();
                        let s1 = shared.clone();
                        std::thread::spawn(move || relay(host, chip, Dir::ToChip, s1));
                        std::thread::spawn(move || relay(c2, h2, Dir::ToHost, s2));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(5)),
                }
            }
        });
        Proxy {
            port,
            counts,
            fired,
            stop,
        }
    }

    /// How many frames of each (direction, opcode) have passed.
    pub fn counts(&self) -> HashMap<(Dir, u8), usize> {
        self.counts.lock().unwrap().clone()
    }

    /// Whether the fault was applied.
    pub fn fired(&self) -> bool {
        self.fired.load(Ordering::Acquire)
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Release);
    }
}

#[derive(Clone)]
struct Shared {
    counts: Arc<Mutex<HashMap<(Dir, u8), usize>>>,
    fired: Arc<AtomicBool>,
    fault: Option<(Target, Fault)>,
}

fn index(len: usize, offset: isize) -> usize {
    let i = if offset < 0 {
        len as isize + offset
    } else {
        offset
    };
    i.clamp(0, len.saturating_sub(1) as isize) as usize
}

fn encode(packet: &[u8], out: &mut Vec<u8>) {
    slip::encode(packet, |b| out.push(b));
}

/// The bytes that go on the line for `packet`, with `fault` applied.
fn damage(packet: &[u8], fault: Fault) -> Vec<u8> {
    let mut out = Vec::new();
    let mut p = packet.to_vec();
    match fault {
        Fault::FlipBit { offset, bit } => {
            let i = index(p.len(), offset);
            p[i] ^= 1 << bit;
            encode(&p, &mut out);
        }
        Fault::DropByte { offset } => {
            p.remove(index(p.len(), offset));
            encode(&p, &mut out);
        }
        Fault::InsertByte { offset, byte } => {
            p.insert(index(p.len(), offset), byte);
            encode(&p, &mut out);
        }
        Fault::Duplicate => {
            encode(&p, &mut out);
            encode(&p, &mut out);
        }
        Fault::Delay(d) => {
            std::thread::sleep(d);
            encode(&p, &mut out);
        }
        Fault::Truncate { keep } => {
            p.truncate(keep.min(p.len()));
            encode(&p, &mut out);
        }
    }
    out
}

fn relay(mut from: TcpStream, mut to: TcpStream, dir: Dir, shared: Shared) {
    let mut dec = SlipDecoder::new();
    let mut frame = vec![0u8; 1 << 17];
    let mut buf = [0u8; 4096];
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        let mut out = Vec::with_capacity(n + 16);
        for &b in &buf[..n] {
            let skipped = dec.skipped;
            match dec.push(b, &mut frame) {
                Ok(Some(len)) => out.extend(frame_out(&frame[..len], dir, &shared)),
                Ok(None) if dec.skipped != skipped => out.push(b),
                _ => {}
            }
        }
        if !out.is_empty() && to.write_all(&out).is_err() {
            break;
        }
    }
    let _ = to.shutdown(Shutdown::Both);
    let _ = from.shutdown(Shutdown::Both);
}

fn frame_out(packet: &[u8], dir: Dir, shared: &Shared) -> Vec<u8> {
    let opcode = packet.get(1).copied().unwrap_or(0);
    let seen = {
        let mut c = shared.counts.lock().unwrap();
        let n = c.entry((dir, opcode)).or_insert(0);
        *n += 1;
        *n - 1
    };
    if let Some((t, fault)) = shared.fault
        && t.dir == dir
        && t.opcode == opcode
        && t.occurrence == seen
        && !shared.fired.swap(true, Ordering::AcqRel)
    {
        return damage(packet, fault);
    }
    let mut out = Vec::new();
    encode(packet, &mut out);
    out
}
