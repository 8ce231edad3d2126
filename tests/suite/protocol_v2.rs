//! Protocol v2 against a line that misbehaves once: a relay between espflow and a served
//! virtual chip flips one bit of a chosen frame, drops one, or delivers one twice. Each
//! time the write must finish (exit 0), leave the flash holding the image with nothing
//! around it changed, and say in its JSON summary how many requests it sent again.
//!
//! Only sealed (v2) frames are chosen: what espflow says to the ROM before its stub runs
//! has no CRC, as the ROM protocol has none.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

use espflow_protocol::frame;
use espflow_protocol::{Command, SlipDecoder, slip};

use crate::support::trials::summary_field;
use crate::support::*;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Dir {
    ToChip,
    ToHost,
}

#[derive(Clone, Copy, Debug)]
enum Action {
    /// Flips this bit of the frame (counted from the frame's first byte, before SLIP).
    Flip(usize),
    Drop,
    Duplicate,
}

/// The one thing the relay does wrong: to the `nth` (from 1) sealed frame going `dir`
/// with opcode `op`.
#[derive(Clone, Copy, Debug)]
struct Fault {
    dir: Dir,
    op: Command,
    nth: usize,
    action: Action,
}

struct Relay {
    port: String,
    /// Whether the fault happened.
    done: Arc<Mutex<bool>>,
}

fn sealed_op(dir: Dir, f: &[u8]) -> Option<u8> {
    let ok = match dir {
        Dir::ToChip => frame::open_request(f).is_ok() && f.first() == Some(&0),
        Dir::ToHost => frame::open_answer(f).is_ok() && f.first() == Some(&1),
    };
    ok.then(|| f[1])
}

/// Copies SLIP frames from `from` to `to`, applying `fault` once.
fn pump(
    mut from: TcpStream,
    mut to: TcpStream,
    dir: Dir,
    fault: Fault,
    seen: Arc<Mutex<usize>>,
    done: Arc<Mutex<bool>>,
) {
    let mut dec = SlipDecoder::new();
    let mut frame = vec![0u8; 0x10000];
    let mut buf = [0u8; 0x4000];
    loop {
        let n = match from.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => n,
        };
        let mut out = Vec::new();
        for &b in &buf[..n] {
            let Ok(Some(len)) = dec.push(b, &mut frame) else {
                continue;
            };
            let mut f = frame[..len].to_vec();
            let mut copies = 1;
            if fault.dir == dir && sealed_op(dir, &f) == Some(fault.op as u8) {
                let mut count = seen.lock().unwrap();
                *count += 1;
                if *count == fault.nth {
                    *done.lock().unwrap() = true;
                    match fault.action {
                        Action::Flip(bit) => f[bit / 8] ^= 1 << (bit % 8),
                        Action::Drop => copies = 0,
                        Action::Duplicate => copies = 2,
                    }
                }
            }
            for _ in 0..copies {
                slip::encode(&f, |b| out.push(b));
            }
        }
        if to.write_all(&out).is_err() {
            break;
        }
    }
    let _ = to.shutdown(std::net::Shutdown::Write);
}

/// A relay in front of the chip at `chip` (`socket://HOST:PORT`).
fn relay(chip: &str, fault: Fault) -> Relay {
    let target = chip.strip_prefix("socket://").unwrap().to_string();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = format!("socket://{}", listener.local_addr().unwrap());
    let done = Arc::new(Mutex::new(false));
    let seen = Arc::new(Mutex::new(0));
    let flag = done.clone();
    std::thread::spawn(move || {
        for host in listener.incoming() {
            let Ok(host) = host else { break };
            let chip = TcpStream::connect(&target).unwrap();
            let _ = host.set_nodelay(true);
            let _ = chip.set_nodelay(true);
            for (from, to, dir) in [
                (
                    host.try_clone().unwrap(),
                    chip.try_clone().unwrap(),
                    Dir::ToChip,
                ),
                (chip, host, Dir::ToHost),
            ] {
                let (seen, done) = (seen.clone(), flag.clone());
                std::thread::spawn(move || pump(from, to, dir, fault, seen, done));
            }
        }
    });
    Relay { port, done }
}

const ADDR: usize = 0x10000;

/// Writes a 48 KiB + 100 B image over old data through a relay doing `fault`, and checks
/// the outcome. Returns the summary's `retries`.
fn write_through(fault: Fault) -> u64 {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("flash.bin");
    let mut old = erased(FLASH_4M);
    old[..0x40000].copy_from_slice(&random_bytes(0x40000, 5));
    std::fs::write(&flash, &old).unwrap();
    let image = random_bytes(0xC000 + 100, 6);
    let path = dir.path().join("app.bin");
    std::fs::write(&path, &image).unwrap();

    let served = serve(&flash, &[]);
    let relay = relay(&served.port, fault);
    let out = espflow_on(
        &relay.port,
        &[
            "--format",
            "json",
            "write-flash",
            "--no-compress",
            &format!("0x{ADDR:X}"),
            path.to_str().unwrap(),
        ],
    );
    let stdout = ok(&out);
    assert!(*relay.done.lock().unwrap(), "{fault:?} never happened");
    drop(served);
    let now = std::fs::read(&flash).unwrap();
    assert_eq!(&now[ADDR..ADDR + image.len()], &image[..], "{fault:?}");
    assert!(
        now[..ADDR] == old[..ADDR],
        "{fault:?}: bytes before the image changed"
    );
    assert!(
        now[ADDR + image.len()..] == old[ADDR + image.len()..],
        "{fault:?}: bytes after the image changed"
    );
    assert_eq!(summary_field(&stdout, "verified"), Some(1), "{stdout}");
    summary_field(&stdout, "retries").unwrap_or_else(|| panic!("no retries in {stdout}"))
}

fn flip(dir: Dir, op: Command, nth: usize, bit: usize) -> u64 {
    write_through(Fault {
        dir,
        op,
        nth,
        action: Action::Flip(bit),
    })
}

/// Bit `bit` of the data field's byte `byte` (after the 8-byte header).
fn field_bit(byte: usize, bit: usize) -> usize {
    (8 + byte) * 8 + bit
}

#[test]
fn a_flipped_bit_in_an_md5_requests_address_is_refused_and_sent_again() {
    // The verification of the run: with its address off by 64 KiB it would hash other
    // flash.
    let r = flip(Dir::ToChip, Command::SpiFlashMd5, 1, field_bit(2, 0));
    assert!(r >= 1, "retries {r}");
}

#[test]
fn a_flipped_bit_in_a_sector_digest_request_is_refused_and_sent_again() {
    let r = flip(
        Dir::ToChip,
        Command::EspflowSectorDigests,
        1,
        field_bit(1, 4),
    );
    assert!(r >= 1, "retries {r}");
}

#[test]
fn a_flipped_bit_in_flash_begins_offset_is_refused_before_anything_is_erased() {
    // FLASH_BEGIN's offset is its fourth word.
    let r = flip(Dir::ToChip, Command::FlashBegin, 1, field_bit(12 + 2, 1));
    assert!(r >= 1, "retries {r}");
}

#[test]
fn a_flipped_bit_in_a_write_block_is_refused_and_the_stream_goes_on() {
    // Inside the second block's data, past its 16-byte header.
    let r = flip(Dir::ToChip, Command::FlashData, 2, field_bit(16 + 5000, 3));
    assert!(r >= 1, "retries {r}");
}

#[test]
fn a_flipped_bit_in_an_answers_payload_is_caught_and_asked_for_again() {
    // The first sector digest of the answer.
    let r = flip(
        Dir::ToHost,
        Command::EspflowSectorDigests,
        1,
        field_bit(3, 7),
    );
    assert!(r >= 1, "retries {r}");
}

#[test]
fn a_duplicated_answer_is_not_taken_for_the_next_one() {
    // Matched by opcode alone, the copy of block 0's answer would pass for block 1's.
    // Its number gives it away, so it is skipped and nothing needs sending again.
    let r = write_through(Fault {
        dir: Dir::ToHost,
        op: Command::FlashData,
        nth: 1,
        action: Action::Duplicate,
    });
    assert_eq!(r, 0);
}

#[test]
fn a_dropped_answer_is_waited_out_and_the_block_sent_again() {
    // The image is four 16 KiB blocks; the last one's answer never arrives, so the host
    // sends that block again and the stub answers it without applying it twice.
    let r = write_through(Fault {
        dir: Dir::ToHost,
        op: Command::FlashData,
        nth: 4,
        action: Action::Drop,
    });
    assert!(r >= 1, "retries {r}");
}

/// A stub left running in protocol v2 (the chip not reset when its client left) takes a
/// new host that neither resets nor syncs: its unsealed requests are not refused as
/// damaged, and it negotiates v2 again.
#[test]
fn a_stub_left_in_v2_is_reused_without_a_reset_or_sync() {
    let dir = tempfile::tempdir().unwrap();
    let flash = dir.path().join("f.bin");
    let served = serve(&flash, &["--stay-on"]);
    let info = |extra: &[&str]| {
        let mut c = espflow();
        c.args(["--port", &served.port])
            .args(extra)
            .arg("board-info");
        ok(&run(c, std::time::Duration::from_secs(60)))
    };
    assert!(info(&[]).contains("espflow stub (protocol v2)"));
    let again = info(&["--before", "no-reset-no-sync"]);
    assert!(again.contains("espflow stub (protocol v2)"), "{again}");
    let sessions = served.sessions(2);
    assert!(
        sessions[1].contains("stub_uploads=1"),
        "the second host uploaded the stub again: {sessions:?}"
    );
}
