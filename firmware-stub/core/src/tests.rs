//! The stub core on the host, over a flash in memory: protocol v2's refusals and the
//! write stream's handling of blocks sent again.

extern crate std;

use std::vec::Vec;

use espflow_protocol::caps::{self, Capabilities, CapabilitiesRequest};
use espflow_protocol::frame::{self, AnswerTag};
use espflow_protocol::message::{ChangeBaudrate, EraseRegion, FlashBegin, ReadReg, SpiFlashMd5};
use espflow_protocol::packet::{DataHeader, RequestHeader, ResponseHeader};
use espflow_protocol::{Command, Request, Status, StubError, checksum};

use crate::Stub;
use crate::hal::{FlashFault, Hal, Hasher, SpiFlash};

const FLASH: usize = 0x4_0000;

struct Mem {
    bytes: Vec<u8>,
    /// Erases and programs, in order.
    changes: usize,
}

impl SpiFlash for Mem {
    fn read(&mut self, addr: u32, buf: &mut [u8]) -> Result<(), FlashFault> {
        let a = addr as usize;
        buf.copy_from_slice(&self.bytes[a..a + buf.len()]);
        Ok(())
    }
    fn erase_sector(&mut self, addr: u32) -> Result<(), FlashFault> {
        self.changes += 1;
        self.bytes[addr as usize..addr as usize + 0x1000].fill(0xFF);
        Ok(())
    }
    fn erase_block(&mut self, addr: u32) -> Result<(), FlashFault> {
        self.changes += 1;
        self.bytes[addr as usize..addr as usize + 0x10000].fill(0xFF);
        Ok(())
    }
    fn erase_chip(&mut self) -> Result<(), FlashFault> {
        self.changes += 1;
        self.bytes.fill(0xFF);
        Ok(())
    }
    fn program(&mut self, addr: u32, data: &[u8]) -> Result<(), FlashFault> {
        self.changes += 1;
        for (i, b) in data.iter().enumerate() {
            self.bytes[addr as usize + i] &= b;
        }
        Ok(())
    }
    /// A stand-in for the encryption engine: each byte mixed with its address.
    fn program_encrypted(&mut self, addr: u32, data: &[u8]) -> Result<(), FlashFault> {
        let cipher: Vec<u8> = data
            .iter()
            .enumerate()
            .map(|(i, b)| toy_cipher(addr + i as u32, *b))
            .collect();
        self.program(addr, &cipher)
    }
    fn attach(&mut self, _config: u32) -> Result<(), FlashFault> {
        Ok(())
    }
    fn set_size(&mut self, _size: u32) -> Result<(), FlashFault> {
        Ok(())
    }
}

/// A digest good enough to tell regions apart in a test.
struct Sum<const N: usize>([u8; N], usize);

impl<const N: usize> Default for Sum<N> {
    fn default() -> Self {
        Sum([0; N], 0)
    }
}

impl<const N: usize> Hasher<N> for Sum<N> {
    fn update(&mut self, data: &[u8]) {
        for b in data {
            self.0[self.1 % N] = self.0[self.1 % N].wrapping_mul(31).wrapping_add(*b);
            self.1 += 1;
        }
    }
    fn finish(self) -> [u8; N] {
        self.0
    }
}

fn toy_cipher(addr: u32, b: u8) -> u8 {
    b ^ 0x5A ^ (addr as u8) ^ ((addr >> 8) as u8)
}

struct Board {
    flash: Mem,
    sent: Vec<Vec<u8>>,
    /// Set to answer as a chip whose other CPU runs.
    flash_blocked: bool,
    /// Set to answer as a chip whose stub encrypts.
    encrypts: bool,
    /// The rates the line was switched to, in order.
    bauds: Vec<u32>,
}

impl Hal for Board {
    type Flash = Mem;
    type Md5 = Sum<16>;
    type Sha256 = Sum<32>;

    fn with_flash<R>(&mut self, f: impl FnOnce(&mut Mem) -> R) -> R {
        f(&mut self.flash)
    }
    fn read_reg(&mut self, _addr: u32) -> u32 {
        0
    }
    fn write_reg(&mut self, _addr: u32, _value: u32) {}
    fn delay_us(&mut self, _us: u32) {}
    fn send_frame(&mut self, packet: &[u8]) {
        self.sent.push(packet.to_vec());
    }
    fn set_baud(&mut self, baud: u32) {
        self.bauds.push(baud);
    }
    fn security_info(&mut self) -> [u8; 20] {
        [0; 20]
    }
    fn flash_allowed(&mut self) -> bool {
        !self.flash_blocked
    }
    fn encrypted_writes(&self) -> bool {
        self.encrypts
    }
    fn md5(&mut self) -> Sum<16> {
        Sum::default()
    }
    fn sha256(&mut self) -> Sum<32> {
        Sum::default()
    }
}

fn request(cmd: Command, data: &[u8], check: u32) -> Vec<u8> {
    let mut f = RequestHeader {
        op: cmd as u8,
        size: data.len() as u16,
        checksum: check,
    }
    .to_bytes()
    .to_vec();
    f.extend_from_slice(data);
    f
}

fn encode<R: Request>(r: &R) -> Vec<u8> {
    let mut b = std::vec![0u8; R::MAX_LEN];
    let n = r.encode(&mut b);
    b.truncate(n);
    b
}

fn seal(mut f: Vec<u8>, seq: u32) -> Vec<u8> {
    let len = f.len();
    f.resize(len + frame::REQUEST_TRAILER, 0);
    frame::seal_request(&mut f, len, seq);
    f
}

fn block(seq: u32, data: &[u8]) -> Vec<u8> {
    let mut p = DataHeader::for_block(seq, data).to_bytes().to_vec();
    p.extend_from_slice(data);
    request(Command::FlashData, &p, checksum(data) as u32)
}

/// A stub over erased flash with v2 negotiated.
fn v2_stub() -> (std::boxed::Box<Stub<Board>>, Board) {
    let mut hal = Board {
        flash: Mem {
            bytes: std::vec![0xFF; FLASH],
            changes: 0,
        },
        sent: Vec::new(),
        flash_blocked: false,
        encrypts: false,
        bauds: Vec::new(),
    };
    let mut stub = std::boxed::Box::new(Stub::new(115_200));
    let hello = CapabilitiesRequest {
        host_flags: caps::HOST_PIPELINES | caps::HOST_PROTOCOL_V2,
    };
    stub.handle(
        &mut hal,
        &request(Command::EspflowCapabilities, &encode(&hello), 0),
    );
    let answer = hal.sent.pop().unwrap();
    let (f, tag) = frame::open_answer(&answer).expect("the answer to a v2 hello is sealed");
    assert_eq!(tag, AnswerTag::default());
    let c = Capabilities::parse(&f[8..8 + caps::REPLY_LEN]).unwrap();
    assert_ne!(c.flags & caps::FLAG_PROTOCOL_V2, 0);
    assert!(stub.speaks_v2());
    (stub, hal)
}

/// The stub's answer to `frame`: its header, status and trailer.
fn ask(
    stub: &mut Stub<Board>,
    hal: &mut Board,
    frame: &[u8],
) -> (ResponseHeader, Status, AnswerTag) {
    stub.handle(hal, frame);
    let answer = hal.sent.pop().expect("an answer");
    let (f, tag) = frame::open_answer(&answer).expect("v2 answers are sealed");
    let (h, body) = ResponseHeader::parse(f).unwrap();
    let st = &body[body.len() - 2..];
    (
        h,
        Status::decode(espflow_protocol::status::LoaderKind::Stub, st[0], st[1]),
        tag,
    )
}

const BAD_CRC: Status = Status::Stub(StubError::BadCrc);

#[test]
fn a_v1_host_gets_v1_answers() {
    let mut hal = Board {
        flash: Mem {
            bytes: std::vec![0xFF; FLASH],
            changes: 0,
        },
        sent: Vec::new(),
        flash_blocked: false,
        encrypts: false,
        bauds: Vec::new(),
    };
    let mut stub = Stub::new(115_200);
    let hello = CapabilitiesRequest {
        host_flags: caps::HOST_PIPELINES,
    };
    stub.handle(
        &mut hal,
        &request(Command::EspflowCapabilities, &encode(&hello), 0),
    );
    let answer = hal.sent.pop().unwrap();
    assert_eq!(answer.len(), 8 + caps::REPLY_LEN + 2);
    let c = Capabilities::parse(&answer[8..8 + caps::REPLY_LEN]).unwrap();
    assert_eq!(c.flags & caps::FLAG_PROTOCOL_V2, 0);
    assert!(!stub.speaks_v2());
}

#[test]
fn a_flash_begin_with_any_bit_flipped_is_refused_and_nothing_changes() {
    let (mut stub, mut hal) = v2_stub();
    let begin = FlashBegin {
        size: 0x1000,
        blocks: 1,
        block_size: 0x1000,
        offset: 0x8000,
        encrypted: Some(0),
    };
    let good = seal(request(Command::FlashBegin, &encode(&begin), 0), 7);
    for bit in 0..good.len() * 8 {
        let mut f = good.clone();
        f[bit / 8] ^= 1 << (bit % 8);
        let (_, st, _) = ask(&mut stub, &mut hal, &f);
        assert_eq!(st, BAD_CRC, "bit {bit}");
        // No stream was begun: a block finds the stub out of flash mode.
        let (_, st, _) = ask(&mut stub, &mut hal, &seal(block(0, &[0; 0x1000]), 8));
        assert_eq!(st, Status::Stub(StubError::NotInFlashMode), "bit {bit}");
    }
    assert_eq!(hal.flash.changes, 0);
    assert!(hal.flash.bytes.iter().all(|b| *b == 0xFF));
    let (h, st, tag) = ask(&mut stub, &mut hal, &good);
    assert_eq!((h.op, st), (Command::FlashBegin as u8, Status::Ok));
    assert_eq!(
        tag,
        AnswerTag {
            seq: 7,
            addr: 0x8000,
            len: 0x1000
        }
    );
}

#[test]
fn a_damaged_md5_request_is_refused_and_a_good_one_names_its_range() {
    let (mut stub, mut hal) = v2_stub();
    let md5 = seal(
        request(
            Command::SpiFlashMd5,
            &encode(&SpiFlashMd5 {
                addr: 0x2000,
                size: 0x3000,
            }),
            0,
        ),
        3,
    );
    let mut bad = md5.clone();
    bad[9] ^= 0x10; // the address
    assert_eq!(ask(&mut stub, &mut hal, &bad).1, BAD_CRC);
    let (_, st, tag) = ask(&mut stub, &mut hal, &md5);
    assert_eq!(st, Status::Ok);
    assert_eq!(
        tag,
        AnswerTag {
            seq: 3,
            addr: 0x2000,
            len: 0x3000
        }
    );
}

#[test]
fn blocks_sent_again_are_answered_once_applied_and_blocks_ahead_wait() {
    let (mut stub, mut hal) = v2_stub();
    let begin = FlashBegin {
        size: 0x2000,
        blocks: 2,
        block_size: 0x1000,
        offset: 0x10000,
        encrypted: Some(0),
    };
    let (_, st, _) = ask(
        &mut stub,
        &mut hal,
        &seal(request(Command::FlashBegin, &encode(&begin), 0), 1),
    );
    assert_eq!(st, Status::Ok);
    let b0 = [0x11u8; 0x1000];
    let b1 = [0x22u8; 0x1000];
    // Block 0 damaged: refused, nothing written.
    let mut bad = seal(block(0, &b0), 2);
    bad[100] ^= 1;
    assert_eq!(ask(&mut stub, &mut hal, &bad).1, BAD_CRC);
    assert_eq!(hal.flash.changes, 0);
    // Block 1 is then ahead: refused without being consumed.
    let (_, st, _) = ask(&mut stub, &mut hal, &seal(block(1, &b1), 3));
    assert_eq!(st, Status::Stub(StubError::BlockAhead));
    assert_eq!(hal.flash.changes, 0);
    // Sent again in order, both land.
    let (h, st, tag) = ask(&mut stub, &mut hal, &seal(block(0, &b0), 4));
    assert_eq!(
        (st, h.value, tag),
        (
            Status::Ok,
            0x11000,
            AnswerTag {
                seq: 4,
                addr: 0x10000,
                len: 0x2000
            }
        )
    );
    let changes = hal.flash.changes;
    // Block 0 once more (its answer was lost): answered, not applied again.
    let (h, st, _) = ask(&mut stub, &mut hal, &seal(block(0, &b0), 5));
    assert_eq!((st, h.value), (Status::Ok, 0x11000));
    assert_eq!(hal.flash.changes, changes);
    let (h, st, _) = ask(&mut stub, &mut hal, &seal(block(1, &b1), 6));
    assert_eq!((st, h.value), (Status::Ok, 0x12000));
    assert!(hal.flash.bytes[0x10000..0x11000].iter().all(|b| *b == 0x11));
    assert!(hal.flash.bytes[0x11000..0x12000].iter().all(|b| *b == 0x22));
    assert!(hal.flash.bytes[..0x10000].iter().all(|b| *b == 0xFF));
    assert!(hal.flash.bytes[0x12000..].iter().all(|b| *b == 0xFF));
    // END twice (the first answer lost) says the same.
    let end = seal(request(Command::FlashEnd, &[0, 0, 0, 0], 0), 7);
    assert_eq!(ask(&mut stub, &mut hal, &end).1, Status::Ok);
    assert_eq!(
        ask(
            &mut stub,
            &mut hal,
            &seal(request(Command::FlashEnd, &[0, 0, 0, 0], 0), 8)
        )
        .1,
        Status::Ok
    );
}

#[test]
fn a_new_host_may_start_over_in_v1() {
    let (mut stub, mut hal) = v2_stub();
    let sync = request(
        Command::Sync,
        &encode(&espflow_protocol::message::SyncRequest),
        0,
    );
    stub.handle(&mut hal, &sync);
    assert!(!stub.speaks_v2());
    let answer = hal.sent.pop().unwrap();
    assert!(frame::open_answer(&answer).is_err());
    assert_eq!(answer.len(), 10);
}

#[test]
fn flash_commands_are_refused_while_the_other_cpu_could_fetch() {
    let (mut stub, mut hal) = v2_stub();
    hal.flash.bytes[0x1000] = 0x12;
    hal.flash_blocked = true;
    let erase = seal(
        request(
            Command::EraseRegion,
            &encode(&EraseRegion {
                addr: 0x1000,
                size: 0x1000,
            }),
            0,
        ),
        1,
    );
    let refused = Status::Stub(StubError::OtherCpuRunning);
    assert_eq!(ask(&mut stub, &mut hal, &erase).1, refused);
    let md5 = seal(
        request(
            Command::SpiFlashMd5,
            &encode(&SpiFlashMd5 {
                addr: 0,
                size: 0x1000,
            }),
            0,
        ),
        2,
    );
    assert_eq!(ask(&mut stub, &mut hal, &md5).1, refused);
    assert_eq!(hal.flash.changes, 0, "nothing reached the flash");
    assert_eq!(hal.flash.bytes[0x1000], 0x12);
    // Registers still answer, so the host can park the CPU again.
    let reg = seal(
        request(Command::ReadReg, &encode(&ReadReg { addr: 0x3FF0_002C }), 0),
        3,
    );
    assert_eq!(ask(&mut stub, &mut hal, &reg).1, Status::Ok);
    hal.flash_blocked = false;
    let erase = seal(
        request(
            Command::EraseRegion,
            &encode(&EraseRegion {
                addr: 0x1000,
                size: 0x1000,
            }),
            0,
        ),
        4,
    );
    assert_eq!(ask(&mut stub, &mut hal, &erase).1, Status::Ok);
    assert_eq!(hal.flash.bytes[0x1000], 0xFF);
}

/// FLASH_BEGIN with `encrypted` set, at `offset` for `size` bytes in 4 KiB blocks.
fn encrypted_begin(offset: u32, size: u32, seq: u32) -> Vec<u8> {
    let begin = FlashBegin {
        size,
        blocks: size.div_ceil(0x1000),
        block_size: 0x1000,
        offset,
        encrypted: Some(1),
    };
    seal(request(Command::FlashBegin, &encode(&begin), 0), seq)
}

fn capability_flags(stub: &mut Stub<Board>, hal: &mut Board) -> u32 {
    let hello = CapabilitiesRequest {
        host_flags: caps::HOST_PIPELINES | caps::HOST_PROTOCOL_V2,
    };
    stub.handle(
        hal,
        &request(Command::EspflowCapabilities, &encode(&hello), 0),
    );
    let answer = hal.sent.pop().unwrap();
    let (f, _) = frame::open_answer(&answer).unwrap();
    Capabilities::parse(&f[8..8 + caps::REPLY_LEN])
        .unwrap()
        .flags
}

#[test]
fn a_chip_that_cannot_encrypt_refuses_an_encrypted_stream() {
    let (mut stub, mut hal) = v2_stub();
    assert_eq!(
        capability_flags(&mut stub, &mut hal) & caps::FLAG_ENCRYPTED_WRITES,
        0
    );
    let (_, st, _) = ask(&mut stub, &mut hal, &encrypted_begin(0x10000, 0x1000, 1));
    assert_eq!(st, Status::Stub(StubError::NotImplemented));
    let (_, st, _) = ask(&mut stub, &mut hal, &seal(block(0, &[0x11; 0x1000]), 2));
    assert_eq!(st, Status::Stub(StubError::NotInFlashMode));
    assert_eq!(hal.flash.changes, 0);
}

#[test]
fn an_encrypted_stream_programs_whole_sectors_through_the_engine_without_comparing() {
    let (mut stub, mut hal) = v2_stub();
    hal.encrypts = true;
    assert_ne!(
        capability_flags(&mut stub, &mut hal) & caps::FLAG_ENCRYPTED_WRITES,
        0
    );
    // Only whole sectors: the bytes around a partial one could only be read as ciphertext.
    for (offset, size) in [(0x10010, 0x1000), (0x10000, 0x1800), (0x10800, 0x2000)] {
        let (_, st, _) = ask(&mut stub, &mut hal, &encrypted_begin(offset, size, 1));
        assert_eq!(
            st,
            Status::Stub(StubError::BadDataLen),
            "{offset:#x}+{size:#x}"
        );
    }
    assert_eq!(hal.flash.changes, 0);
    // The first sector already holds the plaintext (a plain write would skip it), the
    // second is erased; the sectors around them hold data.
    let plain: Vec<u8> = (0..0x2000u32).map(|i| (i * 7 % 251) as u8).collect();
    hal.flash.bytes[0xF000..0x10000].fill(0x33);
    hal.flash.bytes[0x10000..0x11000].copy_from_slice(&plain[..0x1000]);
    hal.flash.bytes[0x12000..0x13000].fill(0x44);
    let (_, st, _) = ask(&mut stub, &mut hal, &encrypted_begin(0x10000, 0x2000, 2));
    assert_eq!(st, Status::Ok);
    for (i, chunk) in plain.chunks(0x1000).enumerate() {
        let (h, st, _) = ask(
            &mut stub,
            &mut hal,
            &seal(block(i as u32, chunk), 3 + i as u32),
        );
        assert_eq!((st, h.value), (Status::Ok, 0x11000 + 0x1000 * i as u32));
    }
    let want: Vec<u8> = plain
        .iter()
        .enumerate()
        .map(|(i, b)| toy_cipher(0x10000 + i as u32, *b))
        .collect();
    assert!(
        hal.flash.bytes[0x10000..0x12000] == want[..],
        "ciphertext in place"
    );
    assert!(hal.flash.bytes[0xF000..0x10000].iter().all(|b| *b == 0x33));
    assert!(hal.flash.bytes[0x12000..0x13000].iter().all(|b| *b == 0x44));
    let stats = stub.write_stats();
    assert_eq!(
        (
            stats.sectors_skipped,
            stats.sectors_erased,
            stats.sectors_programmed
        ),
        (0, 1, 2),
        "the erased sector is programmed without an erase"
    );
}

/// After a baud change, bytes that never make a whole frame send the stub back to the rate
/// it came from; a frame heard whole at the new rate keeps it there for good.
#[test]
fn a_new_rate_nobody_is_heard_at_is_left_and_one_that_is_heard_is_kept() {
    let (mut stub, mut hal) = v2_stub();
    let change = |new, seq| {
        let req = ChangeBaudrate { new, old: 0 };
        seal(request(Command::ChangeBaudrate, &encode(&req), 0), seq)
    };
    let (_, st, _) = ask(&mut stub, &mut hal, &change(3_000_000, 1));
    assert_eq!(st, Status::Ok);
    assert!(stub.on_baud_probation());
    for _ in 1..caps::BAUD_PROBATION_BYTES {
        stub.byte_received(&mut hal);
    }
    assert_eq!(hal.bauds, [3_000_000]);
    stub.byte_received(&mut hal);
    assert_eq!(hal.bauds, [3_000_000, 115_200], "back where it came from");
    assert!(!stub.on_baud_probation());

    ask(&mut stub, &mut hal, &change(2_000_000, 2));
    for _ in 0..100 {
        stub.byte_received(&mut hal);
    }
    let read = seal(
        request(Command::ReadReg, &encode(&ReadReg { addr: 0 }), 0),
        3,
    );
    let (_, st, _) = ask(&mut stub, &mut hal, &read);
    assert_eq!(st, Status::Ok);
    assert!(!stub.on_baud_probation());
    for _ in 0..2 * caps::BAUD_PROBATION_BYTES {
        stub.byte_received(&mut hal);
    }
    assert_eq!(hal.bauds, [3_000_000, 115_200, 2_000_000], "kept");
    // The capabilities say so.
    assert_ne!(
        Stub::<Board>::capabilities(&hal).flags & caps::FLAG_BAUD_PROBATION,
        0
    );
}

/// The stub's answer to `frame` with its body (the status stripped).
fn ask_body(stub: &mut Stub<Board>, hal: &mut Board, frame: &[u8]) -> (Status, Vec<u8>) {
    stub.handle(hal, frame);
    let answer = hal.sent.pop().expect("an answer");
    let (f, _) = frame::open_answer(&answer).expect("v2 answers are sealed");
    let (_, body) = ResponseHeader::parse(f).unwrap();
    let (payload, st) = body.split_at(body.len() - 2);
    (
        Status::decode(espflow_protocol::status::LoaderKind::Stub, st[0], st[1]),
        payload.to_vec(),
    )
}

#[test]
fn fills_are_done_behind_the_blocks_that_leave_the_flash_idle_and_finished_on_request() {
    let (mut stub, mut hal) = v2_stub();
    hal.flash.bytes[0x20000..].fill(0x5A);
    let fill = |addr, size, value, seq| {
        let f = caps::Fill { addr, size, value };
        seal(request(Command::EspflowFill, &encode(&f), 0), seq)
    };
    // A 64 KiB block to erase, eight sectors to zero; the same range twice is taken once.
    for (i, f) in [
        fill(0x20000, 0x10000, 0xFF, 1),
        fill(0x30000, 0x8000, 0, 2),
        fill(0x30000, 0x8000, 0, 3),
    ]
    .iter()
    .enumerate()
    {
        assert_eq!(ask(&mut stub, &mut hal, f).1, Status::Ok, "fill {i}");
    }
    let begin = FlashBegin {
        size: 0x2000,
        blocks: 2,
        block_size: 0x1000,
        offset: 0x10000,
        encrypted: Some(0),
    };
    let r = ask(
        &mut stub,
        &mut hal,
        &seal(request(Command::FlashBegin, &encode(&begin), 0), 4),
    );
    assert_eq!(r.1, Status::Ok);
    // A fill may not meet the stream being written.
    let (_, st, _) = ask(&mut stub, &mut hal, &fill(0x11000, 0x1000, 0, 5));
    assert_eq!(st, Status::Stub(StubError::OutOfRange));
    // At 115200 baud a 4 KiB block takes 0.36 s on the line and about 12 ms in the flash:
    // part of the fills (the zeros, queued last, go first) is done behind the first
    // block, the rest behind the second.
    assert_eq!(
        ask(&mut stub, &mut hal, &seal(block(0, &[7; 0x1000]), 6)).1,
        Status::Ok
    );
    assert!(hal.flash.bytes[0x30000..0x31000].iter().all(|b| *b == 0));
    assert!(hal.flash.bytes[0x37000..0x38000].iter().all(|b| *b == 0x5A));
    assert!(hal.flash.bytes[0x20000..0x30000].iter().all(|b| *b == 0x5A));
    assert_eq!(
        ask(&mut stub, &mut hal, &seal(block(1, &[8; 0x1000]), 7)).1,
        Status::Ok
    );
    assert!(hal.flash.bytes[0x20000..0x38000].iter().all(|b| *b != 0x5A));
    let finish = seal(
        request(
            Command::EspflowFillFinish,
            &encode(&caps::FillFinish { bytes: 0x18000 }),
            0,
        ),
        8,
    );
    let (st, body) = ask_body(&mut stub, &mut hal, &finish);
    assert_eq!(st, Status::Ok);
    assert_eq!(
        caps::WriteStats::parse(&body).unwrap(),
        caps::WriteStats {
            sectors_erased: 16 + 8,
            sectors_programmed: 8,
            sectors_skipped: 0,
        }
    );
    assert!(hal.flash.bytes[0x30000..0x38000].iter().all(|b| *b == 0));
    assert!(
        hal.flash.bytes[0x38000..].iter().all(|b| *b == 0x5A),
        "neighbours kept"
    );
    assert!(hal.flash.bytes[0x10000..0x11000].iter().all(|b| *b == 7));
    // The finish said the same again (its answer lost) repeats the figures.
    let again = seal(
        request(
            Command::EspflowFillFinish,
            &encode(&caps::FillFinish { bytes: 0x18000 }),
            0,
        ),
        9,
    );
    assert_eq!(ask_body(&mut stub, &mut hal, &again), (Status::Ok, body));
    // A new host forgets what an old one queued.
    assert_eq!(
        ask(&mut stub, &mut hal, &fill(0x38000, 0x1000, 0, 10)).1,
        Status::Ok
    );
    let hello = CapabilitiesRequest {
        host_flags: caps::HOST_PIPELINES | caps::HOST_PROTOCOL_V2,
    };
    stub.handle(
        &mut hal,
        &request(Command::EspflowCapabilities, &encode(&hello), 0),
    );
    hal.sent.pop();
    let _ = ask_body(
        &mut stub,
        &mut hal,
        &seal(
            request(
                Command::EspflowFillFinish,
                &encode(&caps::FillFinish { bytes: 0x1000 }),
                0,
            ),
            11,
        ),
    );
    assert!(hal.flash.bytes[0x38000..].iter().all(|b| *b == 0x5A));
}
