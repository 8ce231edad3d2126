//! The espflow flasher stub's command handling, independent of any chip.
//!
//! A chip crate (or the virtual chip) decodes SLIP frames from its line and hands each to
//! [`Stub::handle`], which answers through the [`hal::Hal`]. The esptool-compatible commands
//! behave as esptool expects (2-byte status, raw MD5, streamed READ_FLASH); on top of them
//! the stub answers each write block only once the block is programmed and read back, so an
//! error is always reported on the block that caused it, and a host that negotiated it may
//! keep several blocks in flight to overlap the line with the flash.

#![no_std]

pub mod fill;
pub mod hal;
pub mod inflate;
pub mod writer;

#[cfg(test)]
mod tests;

use espflow_protocol::caps::{self, Capabilities, CapabilitiesRequest, SectorDigests};
use espflow_protocol::command::SYNC_REPLIES;
use espflow_protocol::frame::{self, ANSWER_TRAILER, AnswerTag};
use espflow_protocol::message::{
    ChangeBaudrate, EraseRegion, FlashBegin, ReadFlash, ReadFlashAck, ReadReg, SpiAttach,
    SpiFlashMd5, SpiSetParams, SyncRequest, WriteRegs,
};
use espflow_protocol::packet::{DataHeader, RequestHeader, ResponseHeader};
use espflow_protocol::status::LoaderKind;
use espflow_protocol::{Command, Request, SecurityInfo, Status, StubError, WireError, checksum};

use hal::{Hal, Hasher, SpiFlash};
use inflate::{InflateError, Inflater};
use writer::{SECTOR, SectorWriter, WriteError};

/// Largest write block the stub accepts (compressed or not).
pub const MAX_BLOCK: u32 = 0x4000;
/// Largest frame the stub needs to receive: a full block plus its headers.
pub const MAX_FRAME: usize = MAX_BLOCK as usize + 8 + 16;
/// Write blocks a negotiating host may keep unanswered. With three, the line keeps
/// carrying the next two blocks while the stub erases a 64 KiB block and programs the one
/// in hand (about 195 ms at datasheet rates against 179 ms of line per 16 KiB block at
/// 921600 baud); with two it idled for the difference at every 64 KiB. The two queued
/// blocks wait in the chip's receive ring, which holds them as long as their SLIP
/// encoding stays under [`caps::QUEUED_WIRE_BYTES`] between them.
pub const WRITE_WINDOW: u32 = 3;
/// READ_FLASH frames a negotiating host may leave unacknowledged.
pub const READ_WINDOW: u32 = 4;
const BLOCK64: u32 = 0x10000;
const READ_CHUNK: usize = 0x1000;

#[derive(Clone, Copy, PartialEq, Eq)]
enum WriteMode {
    Idle,
    Plain,
    Deflate,
}

struct ReadStream {
    next: u32,
    end: u32,
    packet: u32,
    window: u32,
    sent: u32,
    acked: u32,
}

pub struct Stub<H: Hal> {
    writer: SectorWriter,
    inflater: Inflater,
    mode: WriteMode,
    block_size: u32,
    next_seq: u32,
    read: Option<ReadStream>,
    read_md5: Option<H::Md5>,
    read_buf: [u8; READ_CHUNK],
    flash_size: u32,
    baud: u32,
    /// The host negotiated espflow's extensions.
    espflow_host: bool,
    /// How the answer to the request in hand goes out.
    out: Out,
    /// The current write stream's range, which its answers repeat in v2.
    stream: (u32, u32),
    /// While on probation after a baud change: the rate to go back to (0 otherwise) and
    /// the bytes heard since, none of them a whole frame (see [`Stub::byte_received`]).
    probation_baud: u32,
    probation_bytes: u32,
    /// Sectors to fill in the background of the write streams.
    fills: fill::Queue,
}

/// How an answer is framed: sealed with a v2 trailer or not, and what that trailer says.
#[derive(Clone, Copy, Default)]
struct Out {
    v2: bool,
    tag: AnswerTag,
}

type Reply = Result<usize, Status>;

/// The CRC-32 of v2 frames: the ROM's table-driven `esp_rom_crc32_le` where the chip crate
/// says its ROM has one (it is zlib's CRC-32, and costs the stub no code), else the
/// protocol crate's.
#[cfg(feature = "rom-crc32")]
fn crc32(data: &[u8]) -> u32 {
    unsafe extern "C" {
        fn esp_rom_crc32_le(crc: u32, buf: *const u8, len: u32) -> u32;
    }
    // SAFETY: the ROM function only reads `len` bytes from `buf`.
    unsafe { esp_rom_crc32_le(0, data.as_ptr(), data.len() as u32) }
}
#[cfg(not(feature = "rom-crc32"))]
use frame::crc32;

fn stub_err(e: StubError) -> Status {
    Status::Stub(e)
}

/// A request whose data field does not parse has the wrong length for it, whatever the
/// detail.
fn bad_len(_: WireError) -> Status {
    Status::Stub(StubError::BadDataLen)
}

impl<H: Hal> Stub<H> {
    pub fn new(baud: u32) -> Self {
        Stub {
            writer: SectorWriter::default(),
            inflater: Inflater::default(),
            mode: WriteMode::Idle,
            block_size: 0,
            next_seq: 0,
            read: None,
            read_md5: None,
            read_buf: [0; READ_CHUNK],
            flash_size: 0x40_0000,
            baud,
            espflow_host: false,
            out: Out {
                v2: false,
                tag: AnswerTag {
                    seq: 0,
                    addr: 0,
                    len: 0,
                },
            },
            stream: (0, 0),
            probation_baud: 0,
            probation_bytes: 0,
            fills: fill::Queue::default(),
        }
    }

    /// Builds the stub directly in `slot`. A chip's stack is far smaller than the stub's
    /// buffers, so the state must never exist as a temporary.
    pub fn init_in_place(slot: &mut core::mem::MaybeUninit<Self>, baud: u32) -> &mut Self {
        use core::ptr::addr_of_mut;
        let p = slot.as_mut_ptr();
        // SAFETY: every field is written before the reference is handed out; the big
        // arrays are zero-filled in place, which is a valid value for byte arrays.
        unsafe {
            core::ptr::write_bytes(p, 0, 1);
            addr_of_mut!((*p).writer.stats).write(writer::WriteStats::default());
            addr_of_mut!((*p).inflater.state)
                .write(miniz_oxide::inflate::core::DecompressorOxide::new());
            addr_of_mut!((*p).mode).write(WriteMode::Idle);
            addr_of_mut!((*p).read).write(None);
            addr_of_mut!((*p).read_md5).write(None);
            addr_of_mut!((*p).flash_size).write(0x40_0000);
            addr_of_mut!((*p).baud).write(baud);
            addr_of_mut!((*p).espflow_host).write(false);
            addr_of_mut!((*p).fills).write(fill::Queue::default());
            // `out`, `stream` and the probation are plain integers and flags: zero is their
            // start.
            slot.assume_init_mut()
        }
    }

    /// What the stub tells a host that asks, on `hal`'s chip.
    pub fn capabilities(hal: &H) -> Capabilities {
        let encrypts = if hal.encrypted_writes() {
            caps::FLAG_ENCRYPTED_WRITES
        } else {
            0
        };
        Capabilities {
            version: caps::VERSION,
            flags: caps::FLAG_PIPELINED_WRITES
                | caps::FLAG_SKIP_UNCHANGED
                | caps::FLAG_SECTOR_DIGESTS
                | caps::FLAG_PROTOCOL_V2
                | encrypts
                | caps::FLAG_BAUD_PROBATION
                | caps::FLAG_FILL,
            max_block: MAX_BLOCK,
            write_window: WRITE_WINDOW,
            read_window: READ_WINDOW,
        }
    }

    /// The statistics of the current (or last) write stream.
    pub fn write_stats(&self) -> writer::WriteStats {
        self.writer.stats
    }

    /// What the fills queued since the queue was last empty did.
    pub fn fill_stats(&self) -> writer::WriteStats {
        self.fills.stats
    }

    /// Sends the greeting every esptool-compatible stub sends once it runs.
    pub fn greet(hal: &mut H) {
        hal.send_frame(&espflow_protocol::command::OHAI);
    }

    /// Whether the host and the stub agreed on protocol v2.
    pub fn speaks_v2(&self) -> bool {
        self.out.v2
    }

    /// Counts one byte from the line, before it goes to the SLIP decoder. After a baud
    /// change, [`caps::BAUD_PROBATION_BYTES`] of them without a whole frame mean the host
    /// cannot be heard at the new rate (its bridge cannot make it, or the line garbles
    /// everything there): the stub goes back to the rate it came from, where a host that
    /// found the new rate dead looks for it.
    #[inline]
    pub fn byte_received(&mut self, hal: &mut H) {
        if self.probation_baud == 0 {
            return;
        }
        self.probation_bytes += 1;
        if self.probation_bytes >= caps::BAUD_PROBATION_BYTES {
            let back = self.probation_baud;
            self.probation_baud = 0;
            hal.set_baud(back);
            self.baud = back;
        }
    }

    /// Whether the stub is on probation after a baud change.
    pub fn on_baud_probation(&self) -> bool {
        self.probation_baud != 0
    }

    /// Handles one decoded frame from the host.
    pub fn handle(&mut self, hal: &mut H, frame: &[u8]) {
        if self.read.is_some() && self.read_ack(hal, frame) {
            return;
        }
        self.out.tag = AnswerTag::default();
        let frame = if self.out.v2 {
            match frame::open_request_with(frame, crc32) {
                Ok((f, seq)) => {
                    self.out.tag.seq = seq;
                    // A frame that arrived whole: the host is heard at this rate.
                    self.probation_baud = 0;
                    f
                }
                // A host that starts over (a new connection to a stub left running) syncs
                // or negotiates in the v1 form; nothing else is taken unsealed. A corrupted
                // v2 frame cannot pass for either: both must parse exactly.
                Err(_) if is_restart(frame) => {
                    self.out.v2 = false;
                    frame
                }
                Err(_) => {
                    // Nothing in a corrupted frame can be trusted, its opcode and number
                    // included; they are echoed only so that the host sees a refusal at
                    // once instead of waiting out a timeout. The host retries what it
                    // sent last, which is safe because only repeatable requests and
                    // write blocks (which the stream recognises) are retried.
                    let op = frame.get(1).copied().unwrap_or(0);
                    self.out.tag.seq = frame
                        .len()
                        .checked_sub(8)
                        .map_or(0, |at| espflow_protocol::packet::read_u32(frame, at));
                    respond(hal, self.out, op, 0, &[], stub_err(StubError::BadCrc));
                    return;
                }
            }
        } else {
            frame
        };
        let Some((hdr, data)) = RequestHeader::parse(frame) else {
            return;
        };
        if !self.out.v2 && hdr.size as usize == data.len() {
            self.probation_baud = 0;
        }
        let mut payload = [0u8; 24];
        let reply = match Command::from_u8(hdr.op) {
            _ if hdr.size as usize != data.len() => Err(stub_err(StubError::BadDataLen)),
            Some(cmd)
                if cmd.is_data()
                    && hdr.checksum != checksum(data.get(16..).unwrap_or(&[])) as u32 =>
            {
                Err(stub_err(StubError::BadDataChecksum))
            }
            Some(cmd) if cmd.uses_flash() && !hal.flash_allowed() => {
                Err(stub_err(StubError::OtherCpuRunning))
            }
            Some(Command::Sync) if SyncRequest::parse(data).is_ok() => {
                for _ in 1..SYNC_REPLIES {
                    respond(hal, self.out, hdr.op, 0, &[], Status::Ok);
                }
                Ok(0)
            }
            Some(Command::ReadReg) => match ReadReg::parse(data) {
                Ok(r) => {
                    let v = hal.read_reg(r.addr);
                    respond(hal, self.out, hdr.op, v, &[], Status::Ok);
                    return;
                }
                Err(e) => Err(bad_len(e)),
            },
            Some(Command::WriteReg) => self.write_reg(hal, data),
            Some(Command::GetSecurityInfo) => {
                payload[..SecurityInfo::LEN].copy_from_slice(&hal.security_info());
                Ok(SecurityInfo::LEN)
            }
            // Stubs take only the 4-byte form; the ROM's longer one is refused.
            Some(Command::SpiAttach) => match SpiAttach::parse(data) {
                Ok(SpiAttach {
                    config,
                    legacy: None,
                }) => hal
                    .with_flash(|f| f.attach(config))
                    .map(|_| 0)
                    .map_err(|_| stub_err(StubError::SpiFailed)),
                _ => Err(stub_err(StubError::BadDataLen)),
            },
            Some(Command::SpiSetParams) => match SpiSetParams::parse(data) {
                Ok(p) => {
                    self.flash_size = p.total_size;
                    hal.with_flash(|f| f.set_size(p.total_size))
                        .map(|_| 0)
                        .map_err(|_| stub_err(StubError::SpiFailed))
                }
                Err(e) => Err(bad_len(e)),
            },
            Some(Command::ChangeBaudrate) => match ChangeBaudrate::parse(data) {
                Ok(b) if b.new > 0 => {
                    respond(hal, self.out, hdr.op, 0, &[], Status::Ok);
                    if b.new != self.baud {
                        self.probation_baud = self.baud;
                        self.probation_bytes = 0;
                    }
                    hal.set_baud(b.new);
                    self.baud = b.new;
                    return;
                }
                _ => Err(stub_err(StubError::BadDataLen)),
            },
            Some(Command::EspflowCapabilities) => {
                // A host that says nothing asks for nothing beyond esptool's behaviour.
                let flags = CapabilitiesRequest::parse(data).map_or(0, |r| r.host_flags);
                self.espflow_host = flags & caps::HOST_PIPELINES != 0;
                // Fills queued by a host that went away are not this host's.
                self.fills.clear();
                // v2 starts with this answer, so the host learns the outcome from a sealed
                // frame; a host that did not ask gets v1 and the flag cleared.
                let v2 = flags & caps::HOST_PROTOCOL_V2 != 0;
                self.out.v2 = v2;
                let mut c = Self::capabilities(hal);
                if !v2 {
                    c.flags &= !caps::FLAG_PROTOCOL_V2;
                }
                payload[..caps::REPLY_LEN].copy_from_slice(&c.to_bytes());
                Ok(caps::REPLY_LEN)
            }
            Some(Command::FlashBegin) => self.begin(hal, data, WriteMode::Plain),
            Some(Command::FlashDeflBegin) => self.begin(hal, data, WriteMode::Deflate),
            Some(cmd @ (Command::FlashData | Command::FlashDeflData)) => {
                let mode = if cmd == Command::FlashData {
                    WriteMode::Plain
                } else {
                    WriteMode::Deflate
                };
                let r = self.data(hal, data, mode);
                // A block's answer names the stream it belongs to.
                self.ranged(self.stream);
                self.respond_committed(hal, hdr.op, r);
                return;
            }
            Some(Command::FlashEnd) | Some(Command::FlashDeflEnd) => {
                let r = self.end();
                self.respond_committed(hal, hdr.op, r);
                return;
            }
            Some(Command::EspflowSectorDigests) => {
                self.sector_digests(hal, hdr.op, data);
                return;
            }
            Some(Command::EspflowFill) => match caps::Fill::parse(data) {
                Ok(f) => self.queue_fill(f),
                Err(e) => Err(bad_len(e)),
            },
            Some(Command::EspflowFillFinish) => match caps::FillFinish::parse(data) {
                Ok(_) => {
                    let (fills, buf) = (&mut self.fills, &mut self.read_buf);
                    match hal.with_flash(|f| fills.finish(f, buf)) {
                        Ok(stats) => {
                            payload[..caps::WRITE_STATS_LEN].copy_from_slice(&stats.to_bytes());
                            Ok(caps::WRITE_STATS_LEN)
                        }
                        Err(e) => Err(stub_err(write_error(e))),
                    }
                }
                Err(e) => Err(bad_len(e)),
            },
            Some(Command::EspflowWriteStats) => {
                payload[..caps::WRITE_STATS_LEN].copy_from_slice(&self.writer.stats.to_bytes());
                Ok(caps::WRITE_STATS_LEN)
            }
            Some(Command::SpiFlashMd5) => match SpiFlashMd5::parse(data) {
                Ok(r) => self
                    .ranged(r.range())
                    .md5(hal, r.addr, r.size)
                    .map(|d| espflow_protocol::Md5Digest(d).encode(LoaderKind::Stub, &mut payload)),
                Err(e) => Err(bad_len(e)),
            },
            Some(Command::EraseFlash) => hal
                .with_flash(|f| f.erase_chip())
                .map(|_| 0)
                .map_err(|_| stub_err(StubError::SpiFailed)),
            Some(Command::EraseRegion) => match EraseRegion::parse(data) {
                Ok(r) => self.ranged(r.range()).erase_region(hal, r.addr, r.size),
                Err(e) => Err(bad_len(e)),
            },
            Some(Command::ReadFlash) => {
                self.read_start(hal, hdr.op, data);
                return;
            }
            Some(Command::RunUserCode) => return,
            _ => Err(stub_err(StubError::InvalidCommand)),
        };
        match reply {
            Ok(n) => respond(hal, self.out, hdr.op, 0, &payload[..n], Status::Ok),
            Err(st) => respond(hal, self.out, hdr.op, 0, &[], st),
        }
    }

    /// Records the range the answer in hand covers.
    fn ranged(&mut self, (addr, len): (u32, u32)) -> &mut Self {
        self.out.tag.addr = addr;
        self.out.tag.len = len;
        self
    }

    /// Write answers carry the committed address in `value`, so a host can record how far
    /// a write has provably got.
    fn respond_committed(&mut self, hal: &mut H, op: u8, r: Reply) {
        let committed = self.writer.committed();
        match r {
            Ok(_) => respond(hal, self.out, op, committed, &[], Status::Ok),
            Err(st) => respond(hal, self.out, op, committed, &[], st),
        }
    }

    fn sector_digests(&mut self, hal: &mut H, op: u8, data: &[u8]) {
        let r = SectorDigests::parse(data)
            .map_err(bad_len)
            .and_then(|r| self.in_flash(r.addr, r.count * SECTOR).map(|_| r));
        let req = match r {
            Ok(v) => v,
            Err(st) => return respond(hal, self.out, op, 0, &[], st),
        };
        self.ranged(req.range());
        let (addr, count) = (req.addr, req.count);
        // The answer is built in place: header, `count` digests, status, trailer.
        let mut pkt = [0u8; 8 + 32 * caps::MAX_DIGESTS as usize + 2 + ANSWER_TRAILER];
        let body = req.answer_len();
        let sector = &mut self.read_buf;
        let mut failed = false;
        for i in 0..count {
            let at = addr + i * SECTOR;
            if hal.with_flash(|f| f.read(at, &mut sector[..])).is_err() {
                failed = true;
                break;
            }
            let mut h = hal.sha256();
            h.update(&sector[..]);
            let d = h.finish();
            pkt[8 + 32 * i as usize..8 + 32 * (i as usize + 1)].copy_from_slice(&d);
        }
        if failed {
            return respond(hal, self.out, op, 0, &[], stub_err(StubError::SpiFailed));
        }
        pkt[..8].copy_from_slice(
            &ResponseHeader {
                op,
                size: (body + 2) as u16,
                value: 0,
            }
            .to_bytes(),
        );
        Status::Ok.encode(LoaderKind::Stub, &mut pkt[8 + body..]);
        send(hal, self.out, &mut pkt, 8 + body + 2);
    }

    /// Queues a fill, refused where it leaves the flash or meets the stream being written.
    fn queue_fill(&mut self, f: caps::Fill) -> Reply {
        self.ranged((f.addr, f.size)).in_flash(f.addr, f.size)?;
        // Both ranges lie inside the flash, so nothing wraps.
        let (s, n) = self.stream;
        let meets_stream = f.addr + f.size > s && f.addr < s + n;
        if self.mode != WriteMode::Idle && meets_stream {
            return Err(stub_err(StubError::OutOfRange));
        }
        if !self.fills.push(f) {
            return Err(stub_err(StubError::TooMuchData));
        }
        Ok(0)
    }

    fn in_flash(&self, addr: u32, size: u32) -> Result<(), Status> {
        if addr as u64 + size as u64 > self.flash_size as u64 {
            return Err(stub_err(StubError::OutOfRange));
        }
        Ok(())
    }

    fn write_reg(&mut self, hal: &mut H, data: &[u8]) -> Reply {
        for w in WriteRegs::parse(data).map_err(bad_len)? {
            if w.delay_us > 0 {
                hal.delay_us(w.delay_us);
            }
            let old = if w.mask == u32::MAX {
                0
            } else {
                hal.read_reg(w.addr)
            };
            hal.write_reg(w.addr, (w.value & w.mask) | (old & !w.mask));
        }
        Ok(0)
    }

    fn begin(&mut self, hal: &H, data: &[u8], mode: WriteMode) -> Reply {
        self.mode = WriteMode::Idle;
        let FlashBegin {
            size,
            block_size,
            offset,
            encrypted,
            ..
        } = FlashBegin::parse(data).map_err(bad_len)?;
        let encrypted = encrypted.is_some_and(|e| e != 0);
        // Where the chip cannot encrypt, silently writing plaintext would be worse than
        // refusing.
        if encrypted && !hal.encrypted_writes() {
            return Err(stub_err(StubError::NotImplemented));
        }
        // An encrypted stream covers whole sectors: the stub erases each one it touches
        // and cannot keep neighbouring bytes, which it could only read as ciphertext.
        if encrypted && !(offset.is_multiple_of(SECTOR) && size.is_multiple_of(SECTOR)) {
            return Err(stub_err(StubError::BadDataLen));
        }
        if block_size == 0 || block_size > MAX_BLOCK {
            return Err(stub_err(StubError::BadBlockSize));
        }
        self.ranged((offset, size)).in_flash(offset, size)?;
        self.stream = (offset, size);
        self.fills.drop_overlapping(offset, size);
        self.writer.begin(offset, size, encrypted);
        if mode == WriteMode::Deflate {
            self.inflater.reset();
        }
        self.mode = mode;
        self.block_size = block_size;
        self.next_seq = 0;
        Ok(0)
    }

    fn data(&mut self, hal: &mut H, data: &[u8], mode: WriteMode) -> Reply {
        let (hdr, bytes) = DataHeader::parse(data).map_err(bad_len)?;
        if self.mode != mode {
            return Err(stub_err(StubError::NotInFlashMode));
        }
        // A block sent again (its answer was lost, or a later one was refused) is
        // answered again without being applied twice; one ahead of the stream is refused
        // without being consumed, so the host can send what is missing first.
        if hdr.seq < self.next_seq {
            return Ok(0);
        }
        if hdr.seq > self.next_seq {
            return Err(stub_err(StubError::BlockAhead));
        }
        if bytes.len() as u32 > self.block_size {
            self.mode = WriteMode::Idle;
            return Err(stub_err(StubError::BadDataLen));
        }
        self.next_seq += 1;
        let writer = &mut self.writer;
        let inflater = &mut self.inflater;
        let r = hal.with_flash(|f| match mode {
            WriteMode::Deflate => inflater
                .feed(bytes, |out| writer.feed(f, out))
                .map_err(|e| match e {
                    Ok(InflateError::Corrupt) => StubError::Inflate,
                    Ok(InflateError::TrailingData) => StubError::TooMuchData,
                    Err(w) => write_error(w),
                }),
            _ => {
                // Hosts pad the last block; what lies past the announced size is padding.
                let n = bytes.len().min(writer.remaining() as usize);
                writer.feed(f, &bytes[..n]).map_err(write_error)
            }
        });
        match r {
            Ok(()) => {
                self.fill_in_idle_time(hal, data.len());
                Ok(0)
            }
            Err(e) => {
                self.mode = WriteMode::Idle;
                Err(stub_err(e))
            }
        }
    }

    /// Spends the flash time a block of `len` bytes left idle on the queued fills: its
    /// time on the line (ten bit times a byte, with its headers) less the flash time the
    /// writer spent on it.
    fn fill_in_idle_time(&mut self, hal: &mut H, len: usize) {
        let flash_us = self.writer.take_flash_us();
        if self.fills.is_empty() {
            return;
        }
        // In 32 bits (a block is at most 16 KiB): 64-bit division would cost the stub the
        // code of a software divider.
        let wire = (len + 8 + ANSWER_TRAILER) as u32;
        let line_us = wire * 10_000 / (self.baud / 1000).max(1);
        let (fills, buf) = (&mut self.fills, &mut self.read_buf);
        hal.with_flash(|f| fills.after_block(f, buf, line_us, flash_us));
    }

    fn end(&mut self) -> Reply {
        let mode = core::mem::replace(&mut self.mode, WriteMode::Idle);
        if mode == WriteMode::Idle {
            // Repeating an END (its answer was lost) repeats its verdict.
            return if self.writer.remaining() > 0 {
                Err(stub_err(StubError::NotEnoughData))
            } else {
                Ok(0)
            };
        }
        if self.writer.remaining() > 0 || (mode == WriteMode::Deflate && !self.inflater.is_done()) {
            return Err(stub_err(StubError::NotEnoughData));
        }
        Ok(0)
    }

    fn md5(&mut self, hal: &mut H, addr: u32, size: u32) -> Result<[u8; 16], Status> {
        self.in_flash(addr, size)?;
        let mut h = hal.md5();
        let buf = &mut self.read_buf;
        hal.with_flash(|f| {
            let mut at = addr;
            while at < addr + size {
                let n = (READ_CHUNK as u32).min(addr + size - at) as usize;
                f.read(at, &mut buf[..n])?;
                h.update(&buf[..n]);
                at += n as u32;
            }
            Ok(())
        })
        .map_err(|_: hal::FlashFault| stub_err(StubError::SpiFailed))?;
        Ok(h.finish())
    }

    fn erase_region(&mut self, hal: &mut H, addr: u32, size: u32) -> Reply {
        if !addr.is_multiple_of(SECTOR) || !size.is_multiple_of(SECTOR) {
            return Err(stub_err(StubError::BadDataLen));
        }
        self.in_flash(addr, size)?;
        hal.with_flash(|f| {
            let (mut a, end) = (addr, addr + size);
            while a < end {
                if a.is_multiple_of(BLOCK64) && end - a >= BLOCK64 {
                    f.erase_block(a)?;
                    a += BLOCK64;
                } else {
                    f.erase_sector(a)?;
                    a += SECTOR;
                }
            }
            Ok(())
        })
        .map(|_| 0)
        .map_err(|_: hal::FlashFault| stub_err(StubError::SpiFailed))
    }

    fn read_start(&mut self, hal: &mut H, op: u8, data: &[u8]) {
        let r = match ReadFlash::parse(data) {
            Ok(r) if r.packet_size > 0 && r.packet_size as usize <= READ_CHUNK => self
                .in_flash(r.addr, r.len)
                .map(|_| (r.addr, r.len, r.packet_size, r.max_in_flight)),
            _ => Err(stub_err(StubError::BadDataLen)),
        };
        match r {
            Ok((addr, len, packet, in_flight)) => {
                self.ranged((addr, len));
                respond(hal, self.out, op, 0, &[], Status::Ok);
                // esptool asks for 64 frames in flight but copes with one; only a host that
                // negotiated gets more.
                let window = if self.espflow_host {
                    in_flight.clamp(1, READ_WINDOW)
                } else {
                    1
                };
                self.read = Some(ReadStream {
                    next: addr,
                    end: addr + len,
                    packet,
                    window,
                    sent: 0,
                    acked: 0,
                });
                self.read_md5 = Some(hal.md5());
                self.read_pump(hal);
            }
            Err(st) => respond(hal, self.out, op, 0, &[], st),
        }
    }

    fn read_pump(&mut self, hal: &mut H) {
        loop {
            let Some(rs) = self.read.as_mut() else {
                return;
            };
            if rs.next >= rs.end {
                if rs.acked < rs.sent {
                    return;
                }
                self.read = None;
                if let Some(h) = self.read_md5.take() {
                    hal.send_frame(&h.finish());
                }
                return;
            }
            if rs.sent - rs.acked >= rs.window * rs.packet {
                return;
            }
            let n = rs.packet.min(rs.end - rs.next) as usize;
            let at = rs.next;
            let buf = &mut self.read_buf[..n];
            if hal.with_flash(|f| f.read(at, buf)).is_err() {
                // Nothing sensible can follow a failed read inside the stream; ending it
                // lets the host time out on the data it is missing.
                self.read = None;
                self.read_md5 = None;
                return;
            }
            rs.next += n as u32;
            rs.sent += n as u32;
            if let Some(h) = self.read_md5.as_mut() {
                h.update(buf);
            }
            hal.send_frame(buf);
        }
    }

    /// Takes `frame` as an acknowledgement of the read stream; returns false when it is
    /// not one, which ends the stream: a host that gave up on a read (a frame lost or
    /// damaged) sends its next request, which is then handled as one.
    fn read_ack(&mut self, hal: &mut H, frame: &[u8]) -> bool {
        let ack = ReadFlashAck::parse(frame);
        match (ack, self.read.as_mut()) {
            (Ok(ack), Some(rs)) if ack.received <= rs.sent => rs.acked = ack.received,
            (ack, _) => {
                self.read = None;
                self.read_md5 = None;
                return ack.is_ok();
            }
        }
        self.read_pump(hal);
        true
    }
}

fn write_error(e: WriteError) -> StubError {
    match e {
        WriteError::Flash => StubError::SpiFailed,
        WriteError::Verify => StubError::Verify,
        WriteError::TooMuchData => StubError::TooMuchData,
    }
}

/// A v1 SYNC or capabilities request, with which a new host starts over.
fn is_restart(frame: &[u8]) -> bool {
    RequestHeader::parse(frame).is_some_and(|(h, data)| {
        h.size as usize == data.len()
            && match Command::from_u8(h.op) {
                Some(Command::Sync) => SyncRequest::parse(data).is_ok(),
                Some(Command::EspflowCapabilities) => CapabilitiesRequest::parse(data).is_ok(),
                _ => false,
            }
    })
}

/// Sends the `len` bytes of `pkt`, sealed first in v2 (`pkt` has room for the trailer).
fn send<H: Hal>(hal: &mut H, out: Out, pkt: &mut [u8], len: usize) {
    let n = if out.v2 {
        frame::seal_answer_with(pkt, len, out.tag, crc32)
    } else {
        len
    };
    hal.send_frame(&pkt[..n]);
}

fn respond<H: Hal>(hal: &mut H, out: Out, op: u8, value: u32, payload: &[u8], status: Status) {
    let mut pkt = [0u8; 8 + 24 + 2 + ANSWER_TRAILER];
    let n = payload.len();
    pkt[..8].copy_from_slice(
        &ResponseHeader {
            op,
            size: (n + 2) as u16,
            value,
        }
        .to_bytes(),
    );
    pkt[8..8 + n].copy_from_slice(payload);
    status.encode(LoaderKind::Stub, &mut pkt[8 + n..]);
    send(hal, out, &mut pkt, 8 + n + 2);
}
