//! Line bytes in: the virtual chip, in its ROM loader and running espflow's stub, fed any
//! mix of raw bytes and SLIP frames of any command must never panic, must change its flash
//! only while handling a command that writes or erases flash, and must keep SPI1 work of
//! the stub inside the cache-safe window.
//!
//! Every input starts from a fresh chip. Inputs whose first byte is odd first upload and
//! start espflow's ESP32-C3 stub, as a host does, so the rest of the input talks to the
//! stub core; even ones talk to the ROM loader (which may itself be turned into the
//! generic stub by an upload of anything else).
#![no_main]

use std::sync::OnceLock;

use espflow::chip::Chip;
use espflow::stub::StubImage;
use espflow::virtual_chip::{ChipConfig, Efuses, NorFlash, Personality, VirtualChip};
use espflow_fuzz::nor::Input;
use espflow_protocol::geometry::RAM_BLOCK;
use espflow_protocol::message::{MemBegin, MemEnd};
use espflow_protocol::packet::RequestHeader;
use espflow_protocol::slip::{self, SlipDecoder};
use espflow_protocol::{Command, DataHeader, Request, checksum};
use libfuzzer_sys::fuzz_target;

const FLASH_SIZE: u32 = 0x20_0000;
/// The chip's frame buffer, so that the decoder here frames the line as the chip does.
const FRAME_CAPACITY: usize = 0x4400;

/// Commands that may write or erase flash; WRITE_REG can drive SPI1 directly.
const WRITES_FLASH: [Command; 9] = [
    Command::FlashBegin,
    Command::FlashData,
    Command::FlashEnd,
    Command::FlashDeflBegin,
    Command::FlashDeflData,
    Command::FlashDeflEnd,
    Command::EraseFlash,
    Command::EraseRegion,
    Command::WriteReg,
];

/// A request packet with the size and checksum a careful host would put in its header.
fn request(op: u8, data: &[u8]) -> Vec<u8> {
    let hdr = RequestHeader {
        op,
        size: data.len() as u16,
        checksum: checksum(data.get(16..).unwrap_or(&[])) as u32,
    };
    let mut p = hdr.to_bytes().to_vec();
    p.extend_from_slice(data);
    p
}

fn framed(packet: &[u8]) -> Vec<u8> {
    let mut wire = Vec::with_capacity(slip::encoded_len(packet));
    slip::encode(packet, |b| wire.push(b));
    wire
}

fn encoded<R: Request>(r: &R) -> Vec<u8> {
    let mut b = vec![0u8; R::MAX_LEN];
    let n = r.encode(&mut b);
    b.truncate(n);
    b
}

/// The line bytes of uploading espflow's C3 stub to RAM and starting it.
fn stub_upload() -> &'static [u8] {
    static WIRE: OnceLock<Vec<u8>> = OnceLock::new();
    WIRE.get_or_init(|| {
        let img = StubImage::for_chip(Chip::Esp32c3).expect("espflow has a C3 stub");
        let mut wire = Vec::new();
        for seg in &img.segments {
            let begin = MemBegin {
                size: seg.data.len() as u32,
                blocks: seg.data.len().div_ceil(RAM_BLOCK as usize) as u32,
                block_size: RAM_BLOCK,
                addr: seg.addr,
            };
            wire.extend(framed(&request(Command::MemBegin as u8, &encoded(&begin))));
            for (seq, block) in seg.data.chunks(RAM_BLOCK as usize).enumerate() {
                let mut d = DataHeader::for_block(seq as u32, block).to_bytes().to_vec();
                d.extend_from_slice(block);
                wire.extend(framed(&request(Command::MemData as u8, &d)));
            }
        }
        let end = MemEnd {
            jump: true,
            entry: img.entry,
        };
        wire.extend(framed(&request(Command::MemEnd as u8, &encoded(&end))));
        wire
    })
}

/// An opcode: mostly one the loaders know, sometimes any byte at all.
fn opcode(b: u8) -> u8 {
    if b & 0x80 != 0 {
        b
    } else {
        Command::ALL[usize::from(b) % Command::ALL.len()] as u8
    }
}

fuzz_target!(|data: &[u8]| {
    let mut u = Input(data);
    let flags = u.u8().unwrap_or(0);
    let efuses = Efuses {
        crypt_cnt: (flags >> 1) & 7,
        secure_boot: flags & 0x10 != 0,
        ..Efuses::default()
    };
    let mut chip = VirtualChip::new(ChipConfig {
        chip: espflow::chip::Chip::Esp32c3,
        flash: NorFlash::new(FLASH_SIZE),
        efuses,
        realtime: false,
        faults: Vec::new(),
        seed: 0,
        bridge: Default::default(),
    });
    let mut line = SlipDecoder::new();
    let mut frame = vec![0u8; FRAME_CAPACITY];
    if flags & 1 != 0 {
        let wire = stub_upload();
        for &b in wire {
            let _ = line.push(b, &mut frame);
        }
        chip.receive(wire, 0);
        assert_eq!(chip.personality(), Personality::EspflowStub);
    }
    let _ = chip.take_output();

    let mut now = 1_000_000u64;
    let mut flash_touched = false;
    while let Some(tag) = u.u8() {
        let len = usize::from(u.u16().unwrap_or(0));
        let body = u.bytes(len);
        let wire = match tag & 3 {
            0 => body.to_vec(),
            1 => framed(body),
            2 => match body.split_first() {
                Some((&op, rest)) => framed(&request(opcode(op), rest)),
                None => framed(&request(Command::Sync as u8, &[])),
            },
            // A `*_DATA` block: the 16-byte header before the data, numbered by the tag.
            _ => {
                let (op, rest) = body.split_first().map_or((0x03, body), |(&o, r)| (o, r));
                let mut d = DataHeader::for_block(u32::from(tag >> 2), rest)
                    .to_bytes()
                    .to_vec();
                d.extend_from_slice(rest);
                framed(&request(opcode(op), &d))
            }
        };

        // Which commands these bytes complete, framed exactly as the chip frames them.
        let mut writes = false;
        for &b in &wire {
            if let Ok(Some(n)) = line.push(b, &mut frame) {
                let op = RequestHeader::parse(&frame[..n]).map(|(h, _)| h.op);
                writes |= op.is_some_and(|op| WRITES_FLASH.iter().any(|c| *c as u8 == op));
            }
        }
        let before = chip.flash().stats;
        // Bytes take their time on the line: about 87 µs each at 115200 baud.
        now += 87_000 * wire.len() as u64;
        chip.receive(&wire, now);
        let _ = chip.take_output();
        let after = chip.flash().stats;
        if !writes {
            assert_eq!(
                (after.sector_erases, after.block_erases, after.chip_erases),
                (
                    before.sector_erases,
                    before.block_erases,
                    before.chip_erases
                ),
                "flash erased by a command that does not erase"
            );
            assert_eq!(
                (after.page_programs, after.bytes_programmed),
                (before.page_programs, before.bytes_programmed),
                "flash programmed by a command that does not program"
            );
        }
        flash_touched |= writes;
        assert!(
            chip.cache_faults().is_empty(),
            "SPI1 used with the cache on: {:?}",
            chip.cache_faults()
        );
    }
    if !flash_touched {
        assert!(
            chip.flash().contents().iter().all(|&b| b == 0xFF),
            "flash changed without a flash command"
        );
    }
});
