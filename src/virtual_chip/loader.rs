//! Command handling of the ROM loader and of the stub-compatible personality that takes over
//! after an uploaded stub starts. They share most commands; the differences (status length,
//! MD5 form, lazy erase, stub-only opcodes) are decided by the current personality; the
//! ROMs differ where the chip's table or [`super::profile`] says so (GET_SECURITY_INFO,
//! FLASH_BEGIN's words, the RAM MEM_BEGIN loads into), and the ESP32's ROM also where
//! [`esp32_rom`] says so.

use espflow_protocol::message::{
    ChangeBaudrate, EraseRegion, FlashBegin, FlashEnd, MemBegin, MemEnd, ReadFlash, ReadFlashAck,
    ReadFlashSlow, ReadReg, SpiAttach, SpiFlashMd5, SpiSetParams, SyncRequest, WriteRegs,
};
use espflow_protocol::packet::{DataHeader, RequestHeader, ResponseHeader};
use espflow_protocol::status::LoaderKind;
use espflow_protocol::{
    Command, Md5Digest, Request, RomError, Status, StubError, checksum, command,
};
use flate2::{Decompress, FlushDecompress};
use md5::{Digest, Md5};

use super::flash::{BLOCK64, EraseKind, FlashError, SECTOR};
use super::{Personality, VirtualChip};
use crate::chip::Chip;
use crate::encryption::FlashEncryption;

/// Largest MEM_DATA block the ROMs accept over UART.
const ROM_MAX_MEM_BLOCK: u32 = 0x1800;
/// The largest flash the ROM loader addresses (24-bit addresses).
const ROM_MAX_FLASH_SIZE: u32 = 16 << 20;
/// The ROM's flash geometry until SPI_SET_PARAMS says otherwise.
const ROM_DEFAULT_FLASH_SIZE: u32 = 0x20_0000;

#[derive(Default)]
pub(super) struct Session {
    write: Option<FlashWrite>,
    mem: Option<MemLoad>,
    read: Option<ReadStream>,
    /// Flash size configured with SPI_SET_PARAMS; the ROM refuses flash beyond it.
    flash_size: Option<u32>,
    /// A write error found after a block was acknowledged, reported on the next write command.
    deferred: Option<Status>,
    /// RAM written by MEM_DATA: (address, bytes).
    pub ram: Vec<(u32, Vec<u8>)>,
    /// The ESP32 ROM's last answer: its opcode, value and how many copies went out. A
    /// command that ROM does not know is refused under that header, as often.
    last_answer: Option<(u8, u32, u32)>,
    /// The ESP32 ROM's last error code, which it leaves in the second status byte of the
    /// answers that succeed after it.
    stale_code: u8,
}

impl Session {
    /// Digest of what MEM_DATA put in RAM, in upload order.
    /// Blocks that continue one another count as one segment, as in the image they came from.
    pub fn uploaded_digest(&self) -> [u8; 32] {
        let mut runs: Vec<(u32, Vec<u8>)> = Vec::new();
        for (addr, data) in &self.ram {
            match runs.last_mut() {
                Some((a, d)) if *a as usize + d.len() == *addr as usize => d.extend(data),
                _ => runs.push((*addr, data.clone())),
            }
        }
        crate::stub::digest_of(runs.iter().map(|(a, d)| (*a, d.as_slice())))
    }
}

struct FlashWrite {
    offset: u32,
    /// Bytes the host announced (ROM: erased up front; stub: the exact image size).
    size: u32,
    block_size: u32,
    next_seq: u32,
    written: u32,
    inflate: Option<Box<Decompress>>,
    /// Sectors the stub personality has erased during this write (it erases lazily).
    erased_upto: u32,
    /// Set by the `encrypted` word: what arrives is encrypted with the chip's key on its
    /// way to the flash, as the chip's manual-encryption path does.
    encrypt: Option<Encrypting>,
}

/// An encrypted write in progress: the key and the bytes that wait for the rest of their
/// 16-byte block (the inflater hands out pieces of any length).
struct Encrypting {
    cipher: FlashEncryption,
    pending: Vec<u8>,
}

struct MemLoad {
    addr: u32,
    size: u32,
    block_size: u32,
}

struct ReadStream {
    next: u32,
    end: u32,
    packet: u32,
    sent: u32,
    acked: u32,
    md5: Md5,
}

type Reply = Result<(u32, Vec<u8>), Status>;

fn kind(chip: &VirtualChip) -> LoaderKind {
    if chip.personality == Personality::Rom {
        LoaderKind::Rom
    } else {
        LoaderKind::Stub
    }
}

/// What each personality answers to a request whose data field does not parse.
fn bad_request(chip: &VirtualChip) -> Status {
    err(chip, RomError::InvalidMessage, StubError::BadDataLen)
}

/// The error each personality reports for a given kind of trouble.
fn err(chip: &VirtualChip, rom: RomError, stub: StubError) -> Status {
    match kind(chip) {
        LoaderKind::Rom => Status::Rom(rom),
        LoaderKind::Stub => Status::Stub(stub),
    }
}

fn flash_err(chip: &VirtualChip, e: FlashError) -> Status {
    match e {
        FlashError::OutOfRange { .. } => {
            err(chip, RomError::InvalidParameter, StubError::OutOfRange)
        }
        _ => err(chip, RomError::FlashWrite, StubError::SpiFailed),
    }
}

/// The ESP32's ROM answers, rather than a stub or the C3's ROM.
fn esp32_rom(chip: &VirtualChip) -> bool {
    chip.chip() == Chip::Esp32 && chip.personality == Personality::Rom
}

/// How a loader refuses a command it does not know. The ESP32's ROM sends "invalid
/// command" under the opcode and value of its previous answer, as many times as that
/// answer went out (eight after a SYNC), never under the opcode asked about.
fn refuse_unknown(chip: &mut VirtualChip, op: u8) {
    if esp32_rom(chip) {
        let (last_op, value, copies) = chip.session.last_answer.unwrap_or((op, 0, 1));
        for _ in 0..copies {
            respond_as(
                chip,
                last_op,
                value,
                Err(Status::Rom(RomError::InvalidMessage)),
            );
        }
        return;
    }
    let st = err(chip, RomError::InvalidMessage, StubError::InvalidCommand);
    respond(chip, op, Err(st));
}

fn respond(chip: &mut VirtualChip, op: u8, reply: Reply) {
    let copies = if op == Command::Sync as u8 {
        command::SYNC_REPLIES as u32
    } else {
        1
    };
    let value = reply.as_ref().map_or(0, |(v, _)| *v);
    if esp32_rom(chip) {
        // SYNC's copies are counted once, not as eight answers of their own.
        let same_sync = chip.session.last_answer.is_some_and(|(o, _, _)| o == op) && copies > 1;
        if !same_sync {
            chip.session.last_answer = Some((op, value, copies));
        }
    }
    respond_as(chip, op, value, reply);
}

fn respond_as(chip: &mut VirtualChip, op: u8, value: u32, reply: Reply) {
    let (payload, status) = match reply {
        Ok((_, p)) => (p, Status::Ok),
        Err(st) => (Vec::new(), st),
    };
    let k = kind(chip);
    let mut st = [0u8; 4];
    let n = status.encode(k, &mut st);
    if esp32_rom(chip) {
        match status {
            Status::Ok => st[1] = chip.session.stale_code,
            _ => chip.session.stale_code = st[1],
        }
    }
    let mut pkt = Vec::with_capacity(8 + payload.len() + n);
    pkt.extend(
        ResponseHeader {
            op,
            size: (payload.len() + n) as u16,
            value,
        }
        .to_bytes(),
    );
    pkt.extend(&payload);
    pkt.extend(&st[..n]);
    chip.board.emit_frame(&pkt);
}

pub(super) fn handle_frame(chip: &mut VirtualChip, frame: &[u8]) {
    if chip.session.read.is_some() {
        read_flash_ack(chip, frame);
        return;
    }
    let Some((hdr, data)) = RequestHeader::parse(frame) else {
        return;
    };
    chip.stats.commands.push(hdr.op);
    let stub = chip.personality == Personality::GenericStub;
    // The ESP32's ROM predates GET_SECURITY_INFO.
    let rom_security = chip.board.soc.profile.security_info;
    let known = |c: &Command| {
        (stub || !c.is_stub_only()) && (stub || rom_security || *c != Command::GetSecurityInfo)
    };
    let Some(cmd) = Command::from_u8(hdr.op).filter(known) else {
        refuse_unknown(chip, hdr.op);
        return;
    };
    // In Secure Download Mode the ROM refuses the rest as messages it does not accept.
    if chip.personality == Personality::Rom
        && chip.board.soc.efuses.secure_download(chip.chip())
        && !super::efuse::allowed_in_secure_download(cmd)
    {
        refuse_unknown(chip, hdr.op);
        return;
    }
    if hdr.size as usize != data.len() {
        let st = err(chip, RomError::InvalidMessage, StubError::BadDataLen);
        respond(chip, hdr.op, Err(st));
        return;
    }
    if cmd.is_data() && hdr.checksum != checksum(data.get(16..).unwrap_or(&[])) as u32 {
        let st = err(chip, RomError::Checksum, StubError::BadDataChecksum);
        respond(chip, hdr.op, Err(st));
        return;
    }
    let reply = match cmd {
        Command::Sync => {
            if SyncRequest::parse(data).is_err() {
                Err(bad_request(chip))
            } else {
                let value = if stub { 0 } else { 0x2012_0707 };
                for _ in 1..command::SYNC_REPLIES {
                    respond(chip, hdr.op, Ok((value, Vec::new())));
                }
                Ok((value, Vec::new()))
            }
        }
        Command::ReadReg => match ReadReg::parse(data) {
            Ok(r) => Ok((chip.board.soc.read_reg(r.addr), Vec::new())),
            Err(_) => Err(bad_request(chip)),
        },
        Command::WriteReg => write_reg(chip, data),
        Command::GetSecurityInfo => {
            // The 12-byte form where the chip has no chip id (the S2).
            let mut out = [0u8; espflow_protocol::SecurityInfo::LEN];
            let n = chip.board.security_info().encode(&mut out);
            Ok((0, out[..n].to_vec()))
        }
        Command::SpiAttach => match SpiAttach::parse(data) {
            // The ROM takes `cfg, is_legacy`; stubs take the 4-byte form only.
            Ok(a) if a.legacy.is_some() != stub => Ok((0, Vec::new())),
            _ => Err(bad_request(chip)),
        },
        Command::SpiSetParams => match SpiSetParams::parse(data) {
            // The ROM takes any geometry up to what it can address; accesses past the
            // real part are what fail (a host in Secure Download Mode cannot ask the size).
            Ok(p) if p.total_size <= ROM_MAX_FLASH_SIZE => {
                chip.session.flash_size = Some(p.total_size);
                Ok((0, Vec::new()))
            }
            _ => Err(err(chip, RomError::InvalidParameter, StubError::BadDataLen)),
        },
        Command::ChangeBaudrate => match ChangeBaudrate::parse(data) {
            Ok(b) if (9600..=5_000_000).contains(&b.new) => {
                respond(chip, hdr.op, Ok((0, Vec::new())));
                chip.board.switch_baud(b.new);
                return;
            }
            _ => Err(err(chip, RomError::InvalidParameter, StubError::BadDataLen)),
        },
        Command::MemBegin => mem_begin(chip, data),
        Command::MemData => {
            // A ROM that overwrote its own receive buffer has crashed and says nothing.
            if let Some(r) = mem_data(chip, data) {
                respond(chip, hdr.op, r);
            }
            return;
        }
        Command::MemEnd => {
            mem_end(chip, hdr.op, data);
            return;
        }
        Command::FlashBegin | Command::FlashDeflBegin => {
            flash_begin(chip, data, cmd == Command::FlashDeflBegin)
        }
        Command::FlashData | Command::FlashDeflData => {
            flash_data(chip, hdr.op, data, cmd == Command::FlashDeflData);
            return;
        }
        Command::FlashEnd | Command::FlashDeflEnd => {
            flash_end(chip, hdr.op, data);
            return;
        }
        Command::SpiFlashMd5 => md5_region(chip, data),
        Command::ReadFlashSlow => read_flash_slow(chip, data),
        Command::EraseFlash => {
            let size = chip.board.soc.flash.size();
            erase(chip, 0, size).map(|_| (0, Vec::new()))
        }
        Command::EraseRegion => match EraseRegion::parse(data) {
            Ok(r) if r.addr % SECTOR == 0 && r.size % SECTOR == 0 => {
                erase(chip, r.addr, r.size).map(|_| (0, Vec::new()))
            }
            _ => Err(Status::Stub(StubError::BadDataLen)),
        },
        Command::ReadFlash => {
            read_flash_start(chip, hdr.op, data);
            return;
        }
        Command::RunUserCode => {
            chip.personality = Personality::Application;
            return;
        }
        _ => {
            refuse_unknown(chip, hdr.op);
            return;
        }
    };
    respond(chip, hdr.op, reply);
}

fn write_reg(chip: &mut VirtualChip, data: &[u8]) -> Reply {
    let Ok(entries) = WriteRegs::parse(data) else {
        return Err(bad_request(chip));
    };
    for w in entries {
        chip.board.now += w.delay_us as u64 * 1000;
        chip.board
            .soc
            .write_reg(chip.board.now, w.addr, w.value, w.mask);
        // Writing UART0's divider moves the line at once; the answer goes out at the new rate.
        if let Some(baud) = chip.board.soc.divider_baud(w.addr) {
            chip.board.switch_baud(baud);
        }
    }
    Ok((0, Vec::new()))
}

fn mem_begin(chip: &mut VirtualChip, data: &[u8]) -> Reply {
    let Ok(MemBegin {
        size,
        block_size,
        addr,
        ..
    }) = MemBegin::parse(data)
    else {
        return Err(bad_request(chip));
    };
    if chip.personality == Personality::Rom {
        if block_size > ROM_MAX_MEM_BLOCK {
            return Err(Status::Rom(RomError::InvalidMessage));
        }
        // The ROM loads into the chip's SRAM only.
        if !chip.board.soc.profile.takes_upload(addr, size) {
            return Err(Status::Rom(RomError::InvalidRamAddress));
        }
    }
    chip.session.mem = Some(MemLoad {
        addr,
        size,
        block_size,
    });
    Ok((0, Vec::new()))
}

fn mem_data(chip: &mut VirtualChip, data: &[u8]) -> Option<Reply> {
    let Ok((hdr, bytes)) = DataHeader::parse(data) else {
        return Some(Err(bad_request(chip)));
    };
    let Some(m) = &chip.session.mem else {
        return Some(Err(err(
            chip,
            RomError::InvalidMessage,
            StubError::NotInFlashMode,
        )));
    };
    let at = m.addr.wrapping_add(hdr.seq.wrapping_mul(m.block_size));
    if at as u64 + bytes.len() as u64 > m.addr as u64 + m.size as u64 {
        return Some(Err(err(
            chip,
            RomError::InvalidRamSize,
            StubError::TooMuchData,
        )));
    }
    // Measured on the C3's ROM. The other chips' tables give a wider range for a stub to
    // keep out of, not where an upload crashes the ROM: esptool's own stubs put their
    // data inside it on the C5 and the H2, and run there.
    let clobbers_rx = chip.chip() == Chip::Esp32c3
        && chip.chip().facts().stub.as_ref().is_some_and(|s| {
            let rx = &s.ram.rom_rx_buffer;
            (at as u64) < rx.end as u64 && at as u64 + bytes.len() as u64 > rx.start as u64
        });
    // RAM holds what was written last: a block sent again (a retry after a lost answer)
    // lands where the first copy did, as on the chip, and replaces it.
    match chip.session.ram.iter_mut().find(|(a, _)| *a == at) {
        Some((_, old)) => *old = bytes.to_vec(),
        None => chip.session.ram.push((at, bytes.to_vec())),
    }
    if chip.personality == Personality::Rom && clobbers_rx {
        chip.personality = Personality::Application;
        return None;
    }
    Some(Ok((0, Vec::new())))
}

fn mem_end(chip: &mut VirtualChip, op: u8, data: &[u8]) {
    let Ok(end) = MemEnd::parse(data) else {
        let st = bad_request(chip);
        respond(chip, op, Err(st));
        return;
    };
    respond(chip, op, Ok((0, Vec::new())));
    chip.session.mem = None;
    if end.jump {
        chip.session.write = None;
        chip.start_stub();
    }
}

/// The size the current loader may touch: the ROM is limited to what SPI_SET_PARAMS set.
fn usable_size(chip: &VirtualChip) -> u32 {
    let real = chip.board.soc.flash.size();
    match chip.personality {
        Personality::Rom => chip
            .session
            .flash_size
            .unwrap_or(ROM_DEFAULT_FLASH_SIZE)
            .min(real),
        _ => real,
    }
}

fn check_range(chip: &VirtualChip, off: u32, len: u32) -> Result<(), Status> {
    if off as u64 + len as u64 > usable_size(chip) as u64 {
        return Err(err(chip, RomError::InvalidParameter, StubError::OutOfRange));
    }
    Ok(())
}

/// Erases `[off, off+len)` rounded out to sectors, with 64 KiB block erases where aligned,
/// as the ROM's erase-area routine does.
fn erase(chip: &mut VirtualChip, off: u32, len: u32) -> Result<(), Status> {
    // Refused before any arithmetic on the end, which could pass 4 GiB.
    check_range(chip, off, len)?;
    let start = off & !(SECTOR - 1);
    let end = (off as u64 + len as u64).next_multiple_of(SECTOR as u64) as u32;
    check_range(chip, start, end - start)?;
    if start == 0 && end == chip.board.soc.flash.size() {
        return run_erase(chip, EraseKind::Chip, 0);
    }
    let mut a = start;
    while a < end {
        let kind = if a.is_multiple_of(BLOCK64) && end - a >= BLOCK64 {
            EraseKind::Block64
        } else {
            EraseKind::Sector
        };
        run_erase(chip, kind, a)?;
        a += kind.size(0);
    }
    Ok(())
}

fn run_erase(chip: &mut VirtualChip, kind: EraseKind, addr: u32) -> Result<(), Status> {
    other_core_check(chip, &format!("{kind:?} erase at 0x{addr:X}"))?;
    let f = &mut chip.board.soc.flash;
    let now = chip.board.now.max(f.busy_until());
    let r = f.write_enable(now).and_then(|_| f.erase(now, kind, addr));
    match r {
        Ok(done) => {
            chip.board.now = done;
            Ok(())
        }
        Err(e) => Err(flash_err(chip, e)),
    }
}

/// An erase or program while the other CPU of a dual-core chip fetches through its cache
/// is a cache fault, recorded and refused as a failed flash write.
fn other_core_check(chip: &mut VirtualChip, op: &str) -> Result<(), Status> {
    let b = &mut chip.board;
    b.cache
        .check_other_core(&b.soc, op)
        .map_err(|_| err(chip, RomError::FlashWrite, StubError::SpiFailed))
}

/// Programs `data` at `addr` page by page, waiting for each page like the ROM driver does.
fn program(chip: &mut VirtualChip, mut addr: u32, mut data: &[u8]) -> Result<(), Status> {
    check_range(chip, addr, data.len() as u32)?;
    while !data.is_empty() {
        let room = (0x100 - (addr & 0xFF)) as usize;
        let n = room.min(data.len());
        other_core_check(chip, &format!("page program at 0x{addr:X}"))?;
        let f = &mut chip.board.soc.flash;
        let now = chip.board.now.max(f.busy_until());
        let r = f
            .write_enable(now)
            .and_then(|_| f.page_program(now, addr, &data[..n]));
        match r {
            Ok(done) => chip.board.now = done,
            Err(e) => return Err(flash_err(chip, e)),
        }
        addr += n as u32;
        data = &data[n..];
    }
    Ok(())
}

fn flash_begin(chip: &mut VirtualChip, data: &[u8], deflate: bool) -> Reply {
    // The later chips' ROMs take a fifth word (encrypted); the ESP32's ROM takes the four
    // words alone and refuses a fifth as an invalid message. Stubs take either form
    // (espflash 4.7 sends four words to a stub, esptool five).
    let rom = chip.personality == Personality::Rom;
    let five_words = chip.chip().facts().begin_has_encrypted_word;
    let Ok(FlashBegin {
        size,
        block_size,
        offset,
        encrypted,
        ..
    }) = FlashBegin::parse(data)
    else {
        return Err(bad_request(chip));
    };
    if rom && encrypted.is_some() != five_words {
        return Err(bad_request(chip));
    }
    chip.session.write = None;
    if block_size == 0 || block_size > 0x4000 {
        return Err(err(
            chip,
            RomError::InvalidParameter,
            StubError::BadBlockSize,
        ));
    }
    check_range(chip, offset, size)?;
    let encrypt = match encrypted {
        // The C3's ROM takes encrypted data only uncompressed, as its mask ROM shows.
        Some(e) if e != 0 && rom && deflate => {
            return Err(Status::Rom(RomError::InvalidParameter));
        }
        Some(e) if e != 0 => Some(encrypting(chip, offset)?),
        _ => None,
    };
    if rom {
        if offset % SECTOR != 0 {
            return Err(Status::Rom(RomError::InvalidParameter));
        }
        erase(chip, offset, size)?;
    }
    chip.session.write = Some(FlashWrite {
        offset,
        size,
        block_size,
        next_seq: 0,
        written: 0,
        inflate: deflate.then(|| Box::new(Decompress::new(true))),
        erased_upto: offset & !(SECTOR - 1),
        encrypt,
    });
    Ok((0, Vec::new()))
}

/// The chip's flash-encryption key for an encrypted write at `offset`. A chip without a
/// key, or with manual encryption in download mode disabled, refuses the request (a real
/// chip would encrypt with an all-zero or unreadable key: nothing a test should rely on).
fn encrypting(chip: &mut VirtualChip, offset: u32) -> Result<Encrypting, Status> {
    let refused = |chip: &mut VirtualChip| {
        Err(err(
            chip,
            RomError::InvalidParameter,
            StubError::NotImplemented,
        ))
    };
    let Some(key) = chip.board.soc.efuses.manual_encryption_key(chip.chip()) else {
        return refused(chip);
    };
    if !offset.is_multiple_of(16) {
        return refused(chip);
    }
    match FlashEncryption::new(chip.chip(), &key, None) {
        Ok(cipher) => Ok(Encrypting {
            cipher,
            pending: Vec::new(),
        }),
        Err(_) => refused(chip),
    }
}

fn flash_data(chip: &mut VirtualChip, op: u8, data: &[u8], deflate: bool) {
    let stub = chip.personality != Personality::Rom;
    if let Some(st) = chip.session.deferred.take() {
        respond(chip, op, Err(st));
        return;
    }
    let result = flash_data_inner(chip, data, deflate, stub);
    match result {
        // A stub answers as soon as the block arrived and writes afterwards; the ROM writes
        // first. Virtual time shows the difference to a paced host.
        Ok(bytes) if stub => {
            respond(chip, op, Ok((0, Vec::new())));
            if let Err(st) = write_stream(chip, &bytes) {
                chip.session.write = None;
                chip.session.deferred = Some(st);
            }
        }
        Ok(bytes) => {
            let r = write_stream(chip, &bytes).map(|_| (0, Vec::new()));
            respond(chip, op, r);
        }
        Err(st) => respond(chip, op, Err(st)),
    }
}

/// Validates a data block and turns it into the bytes to program (inflating if needed).
fn flash_data_inner(
    chip: &mut VirtualChip,
    data: &[u8],
    deflate: bool,
    stub: bool,
) -> Result<Vec<u8>, Status> {
    let Ok((hdr, bytes)) = DataHeader::parse(data) else {
        return Err(bad_request(chip));
    };
    let Some(w) = chip.session.write.as_mut() else {
        return Err(err(
            chip,
            RomError::InvalidMessage,
            StubError::NotInFlashMode,
        ));
    };
    if w.inflate.is_some() != deflate {
        return Err(err(
            chip,
            RomError::InvalidMessage,
            StubError::NotInFlashMode,
        ));
    }
    if hdr.seq != w.next_seq {
        return Err(err(chip, RomError::InvalidParameter, StubError::BadDataLen));
    }
    if !deflate && bytes.len() as u32 > w.block_size {
        return Err(err(
            chip,
            RomError::InvalidParameter,
            StubError::BadBlockSize,
        ));
    }
    w.next_seq += 1;
    let mut ended = false;
    let mut out = match &mut w.inflate {
        Some(z) => {
            let mut out = Vec::with_capacity(bytes.len() * 4 + 0x4000);
            let mut input = bytes;
            loop {
                out.reserve(0x4000);
                let before_in = z.total_in();
                let st = z.decompress_vec(input, &mut out, FlushDecompress::None);
                let used = (z.total_in() - before_in) as usize;
                input = &input[used..];
                match st {
                    Ok(flate2::Status::StreamEnd) => {
                        ended = true;
                        break;
                    }
                    Ok(_) if input.is_empty() && out.len() < out.capacity() => break,
                    Ok(_) => continue,
                    Err(_) => {
                        chip.session.write = None;
                        return Err(err(chip, RomError::Deflate, StubError::Inflate));
                    }
                }
            }
            out
        }
        None => bytes.to_vec(),
    };
    let w = chip.session.write.as_ref().expect("session checked above");
    if let Some(unit) = chip
        .chip()
        .facts()
        .rom_inflate_unit
        .filter(|_| ended && !stub)
    {
        // The ESP32's ROM programs its whole output buffer at the end of a stream, past
        // what the stream holds; the model's stale bytes are zeros, which clear every bit.
        let total = w.written as usize + out.len();
        let rest = total.next_multiple_of(unit as usize) - total;
        out.resize(out.len() + rest, 0);
    }
    if stub {
        // Stubs write no more than announced: the host pads the last block, the stub drops it.
        let room = w.size.saturating_sub(w.written) as usize;
        out.truncate(room);
    }
    Ok(out)
}

fn write_stream(chip: &mut VirtualChip, bytes: &[u8]) -> Result<(), Status> {
    let Some(w) = chip.session.write.as_ref() else {
        return Ok(());
    };
    let addr = w.offset + w.written;
    let erased_upto = w.erased_upto;
    let stub = chip.personality != Personality::Rom;
    if stub {
        // Like esptool's stubs, erase ahead of the data: whole 64 KiB blocks where the
        // announced region covers them, sectors elsewhere.
        let need = (addr as u64 + bytes.len() as u64).next_multiple_of(SECTOR as u64) as u32;
        let region_end = w.offset + w.size;
        let mut upto = erased_upto;
        while upto < need {
            let step = if upto.is_multiple_of(BLOCK64) && region_end >= upto + BLOCK64 {
                BLOCK64
            } else {
                SECTOR
            };
            erase(chip, upto, step)?;
            upto += step;
        }
        if let Some(w) = chip.session.write.as_mut() {
            w.erased_upto = upto;
        }
    }
    match chip.session.write.as_mut().and_then(|w| w.encrypt.as_mut()) {
        Some(enc) => {
            // Whole 16-byte blocks are encrypted at their own address; the rest waits.
            let from = addr - enc.pending.len() as u32;
            enc.pending.extend_from_slice(bytes);
            let whole = enc.pending.len() / 16 * 16;
            let mut block: Vec<u8> = enc.pending.drain(..whole).collect();
            if enc.cipher.encrypt(from, &mut block).is_err() {
                return Err(Status::Rom(RomError::InvalidParameter));
            }
            program(chip, from, &block)?;
        }
        None => program(chip, addr, bytes)?,
    }
    if let Some(w) = chip.session.write.as_mut() {
        w.written += bytes.len() as u32;
    }
    Ok(())
}

fn flash_end(chip: &mut VirtualChip, op: u8, data: &[u8]) {
    // An END without its flag stays in the loader.
    let reboot = FlashEnd::parse(data).is_ok_and(|e| e.reboot);
    let rom = chip.personality == Personality::Rom;
    if let Some(st) = chip.session.deferred.take() {
        chip.session.write = None;
        respond(chip, op, Err(st));
        return;
    }
    let incomplete = chip
        .session
        .write
        .as_ref()
        .is_some_and(|w| !rom && w.inflate.is_none() && w.written < w.size);
    chip.session.write = None;
    if incomplete {
        respond(chip, op, Err(Status::Stub(StubError::NotEnoughData)));
        return;
    }
    respond(chip, op, Ok((0, Vec::new())));
    if esp32_rom(chip) {
        // The ESP32's ROM runs the application after FLASH_END whatever its flag says
        // (on Espressif's emulator it then falls into its BASIC console): a host must not
        // send it unless it means to leave the loader.
        chip.boot_application();
        return;
    }
    if reboot {
        if rom {
            // The ROM leaves the loader to boot the application.
            chip.boot_application();
        } else {
            // A stub told to "reboot" returns to the ROM loader, which is what esptool's
            // `--after no-reset` expects.
            chip.personality = Personality::Rom;
        }
    }
}

fn md5_region(chip: &mut VirtualChip, data: &[u8]) -> Reply {
    let Ok(SpiFlashMd5 { addr, size }) = SpiFlashMd5::parse(data) else {
        return Err(bad_request(chip));
    };
    check_range(chip, addr, size)?;
    let now = chip.board.now.max(chip.board.soc.flash.busy_until());
    let mut buf = vec![0u8; size as usize];
    match chip.board.soc.flash.read(now, addr, &mut buf) {
        Ok(done) => chip.board.now = done,
        Err(e) => return Err(flash_err(chip, e)),
    }
    chip.board.charge_md5(buf.len());
    let digest = Md5Digest(Md5::digest(&buf).into());
    let mut payload = vec![0u8; 32];
    let n = digest.encode(kind(chip), &mut payload);
    payload.truncate(n);
    Ok((0, payload))
}

fn read_flash_slow(chip: &mut VirtualChip, data: &[u8]) -> Reply {
    let Ok(ReadFlashSlow { addr, len }) = ReadFlashSlow::parse(data) else {
        return Err(bad_request(chip));
    };
    if len as usize > ReadFlashSlow::ANSWER_LEN {
        return Err(Status::Rom(RomError::FlashReadLength));
    }
    check_range(chip, addr, len)?;
    let mut buf = vec![0xFFu8; ReadFlashSlow::ANSWER_LEN];
    let now = chip.board.now.max(chip.board.soc.flash.busy_until());
    if let Err(e) = chip
        .board
        .soc
        .flash
        .read(now, addr, &mut buf[..len as usize])
    {
        return Err(flash_err(chip, e));
    }
    Ok((0, buf))
}

fn read_flash_start(chip: &mut VirtualChip, op: u8, data: &[u8]) {
    let r = match ReadFlash::parse(data) {
        Ok(r) if r.packet_size > 0 && r.packet_size <= 0x4000 => {
            check_range(chip, r.addr, r.len).map(|_| (r.addr, r.len, r.packet_size))
        }
        _ => Err(Status::Stub(StubError::BadDataLen)),
    };
    match r {
        Ok((off, len, packet)) => {
            respond(chip, op, Ok((0, Vec::new())));
            chip.session.read = Some(ReadStream {
                next: off,
                end: off + len,
                packet,
                sent: 0,
                acked: 0,
                md5: Md5::new(),
            });
            read_flash_pump(chip);
        }
        Err(st) => respond(chip, op, Err(st)),
    }
}

/// Sends the next data frame; like esptool's stubs it keeps one frame in flight.
fn read_flash_pump(chip: &mut VirtualChip) {
    let Some(rs) = chip.session.read.as_mut() else {
        return;
    };
    if rs.sent > rs.acked {
        return;
    }
    if rs.next >= rs.end {
        let digest = rs.md5.clone().finalize().to_vec();
        chip.session.read = None;
        chip.board.emit_frame(&digest);
        return;
    }
    let n = rs.packet.min(rs.end - rs.next);
    let mut buf = vec![0u8; n as usize];
    let addr = rs.next;
    let now = chip.board.now.max(chip.board.soc.flash.busy_until());
    // The range was checked at the start, so a read can only fail while busy, which the
    // time above rules out.
    if let Ok(done) = chip.board.soc.flash.read(now, addr, &mut buf) {
        chip.board.now = done;
    }
    chip.board.charge_md5(buf.len());
    let rs = chip.session.read.as_mut().expect("stream is active");
    rs.md5.update(&buf);
    rs.next += n;
    rs.sent += n;
    chip.board.emit_frame(&buf);
}

fn read_flash_ack(chip: &mut VirtualChip, frame: &[u8]) {
    let Ok(ReadFlashAck { received: acked }) = ReadFlashAck::parse(frame) else {
        // Anything but an ACK aborts the stream, as a confused host would want.
        chip.session.read = None;
        return;
    };
    if let Some(rs) = chip.session.read.as_mut() {
        rs.acked = acked;
    }
    read_flash_pump(chip);
}
