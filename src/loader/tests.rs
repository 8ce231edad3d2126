//! The loader against a scripted line: each command the host writes releases the answer
//! frames prepared for it, so every answer shape can be tried without a chip.

use std::collections::VecDeque;
use std::io;
use std::sync::{Arc, Mutex};

use espflow_protocol::packet::{RequestHeader, ResponseHeader};
use espflow_protocol::status::LoaderKind;
use espflow_protocol::{RomError, SlipDecoder, Status, StubError, slip};

use super::*;

#[derive(Default)]
struct Script {
    /// Bytes released by each write, in order.
    answers: VecDeque<Vec<u8>>,
    rx: VecDeque<u8>,
    /// Every frame the host sent, decoded.
    sent: Vec<Vec<u8>>,
    decoder: SlipDecoder,
}

#[derive(Clone, Default)]
struct ScriptedPort(Arc<Mutex<Script>>);

impl ScriptedPort {
    /// Queues the line's reaction to the next write: these frames, back to back.
    fn then(&self, frames: &[Vec<u8>]) -> &Self {
        let mut wire = Vec::new();
        for f in frames {
            slip::encode(f, |b| wire.push(b));
        }
        self.0.lock().unwrap().answers.push_back(wire);
        self
    }

    /// The requests the host sent: opcode and data field.
    fn requests(&self) -> Vec<(u8, Vec<u8>)> {
        self.0
            .lock()
            .unwrap()
            .sent
            .iter()
            .filter_map(|f| RequestHeader::parse(f).map(|(h, d)| (h.op, d.to_vec())))
            .collect()
    }
}

impl Transport for ScriptedPort {
    fn write_all(&mut self, data: &[u8]) -> io::Result<()> {
        let mut s = self.0.lock().unwrap();
        let mut buf = vec![0u8; 0x10000];
        for &b in data {
            if let Ok(Some(n)) = s.decoder.push(b, &mut buf) {
                s.sent.push(buf[..n].to_vec());
            }
        }
        if let Some(a) = s.answers.pop_front() {
            s.rx.extend(a);
        }
        Ok(())
    }

    fn read(&mut self, buf: &mut [u8], _timeout: Duration) -> io::Result<usize> {
        let mut s = self.0.lock().unwrap();
        let n = buf.len().min(s.rx.len());
        for (o, b) in buf.iter_mut().zip(s.rx.drain(..n)) {
            *o = b;
        }
        Ok(n)
    }

    fn discard_input(&mut self) -> io::Result<()> {
        self.0.lock().unwrap().rx.clear();
        Ok(())
    }

    fn set_baud(&mut self, _baud: u32) -> io::Result<()> {
        Ok(())
    }

    fn set_lines(&mut self, _dtr: Option<bool>, _rts: Option<bool>) -> io::Result<()> {
        Ok(())
    }

    fn name(&self) -> String {
        "scripted".into()
    }
}

/// An answer frame to `cmd` with this data field (payload and status bytes).
fn answer(cmd: Command, value: u32, body: &[u8]) -> Vec<u8> {
    let mut f = ResponseHeader {
        op: cmd as u8,
        size: body.len() as u16,
        value,
    }
    .to_bytes()
    .to_vec();
    f.extend_from_slice(body);
    f
}

/// A successful answer with `payload`, followed by the status bytes `kind` sends.
fn ok(kind: LoaderKind, cmd: Command, payload: &[u8]) -> Vec<u8> {
    let mut body = payload.to_vec();
    body.resize(payload.len() + kind.status_len(), 0);
    answer(cmd, 0, &body)
}

fn loader(kind: LoaderKind, chip: Chip) -> (Loader, ScriptedPort) {
    let port = ScriptedPort::default();
    let mut conn = Connection::new(Box::new(port.clone()));
    conn.kind = kind;
    let l = Loader {
        conn,
        chip,
        security: None,
        flash_size: None,
        baud: ROM_BAUD,
        caps: None,
        block_limit: None,
        governor: None,
    };
    (l, port)
}

fn security_payload(chip_id: Option<u32>) -> Vec<u8> {
    let info = SecurityInfo {
        flags: SecurityInfo::SECURE_DOWNLOAD_ENABLE,
        flash_crypt_cnt: 1,
        key_purposes: [1, 2, 3, 4, 5, 6, 0],
        chip_id,
        eco_version: chip_id.map(|_| 4),
    };
    let mut p = [0u8; SecurityInfo::LEN];
    let n = info.encode(&mut p);
    p[..n].to_vec()
}

#[test]
fn answers_to_other_commands_and_stray_frames_are_skipped() {
    let (mut l, port) = loader(LoaderKind::Rom, Chip::Esp32c3);
    let mut not_an_answer = answer(Command::ReadReg, 1, &[0; 4]);
    not_an_answer[0] = 0;
    port.then(&[
        not_an_answer,
        vec![1, 0x0A, 0],
        answer(Command::Sync, 2, &[0; 4]),
        answer(Command::ReadReg, 0x1234_5678, &[0; 4]),
    ]);
    assert_eq!(l.read_reg(0x6000_8844).unwrap(), 0x1234_5678);
    let sent = port.requests();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].0, Command::ReadReg as u8);
    assert_eq!(
        ReadReg::parse(&sent[0].1),
        Ok(ReadReg { addr: 0x6000_8844 })
    );
}

#[test]
fn no_answer_is_a_timeout() {
    let (mut l, port) = loader(LoaderKind::Rom, Chip::Esp32c3);
    port.then(&[answer(Command::Sync, 0, &[0; 4])]);
    assert!(matches!(
        l.read_reg(0),
        Err(LoaderError::Timeout {
            cmd: "READ_REG",
            ..
        })
    ));
}

#[test]
fn rom_status_is_decoded() {
    let (mut l, port) = loader(LoaderKind::Rom, Chip::Esp32c3);
    port.then(&[answer(Command::WriteReg, 0, &[1, 0x07, 0, 0])]);
    match l.write_reg(0x6000_2000, 1) {
        Err(LoaderError::Failed { cmd, status }) => {
            assert_eq!(cmd, "WRITE_REG");
            assert_eq!(status, Status::Rom(RomError::Checksum));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn stub_status_is_decoded_after_the_payload() {
    let (mut l, port) = loader(LoaderKind::Stub, Chip::Esp32c3);
    // A failure with the payload left out, and one with the payload in place.
    port.then(&[answer(Command::SpiFlashMd5, 0, &[0xC4, 0])]);
    let mut body = vec![0xAA; 16];
    body.extend([0xE1, 0]);
    port.then(&[answer(Command::SpiFlashMd5, 0, &body)]);
    for want in [StubError::SpiFailed, StubError::OutOfRange] {
        match l.md5(0, 0x1000) {
            Err(LoaderError::Failed { status, .. }) => assert_eq!(status, Status::Stub(want)),
            other => panic!("{other:?}"),
        }
    }
}

/// A loader that gives `frame` to every request, as many times as a request may be sent.
fn always(kind: LoaderKind, frame: &[u8]) -> (Loader, ScriptedPort) {
    let (l, port) = loader(kind, Chip::Esp32c3);
    for _ in 0..=MAX_RETRIES {
        port.then(&[frame.to_vec()]);
    }
    (l, port)
}

#[test]
fn missing_status_bytes_are_malformed_not_a_status() {
    // Sixteen digest bytes whose last two would read as stub error C1 00.
    let mut digest = vec![0x11; 14];
    digest.extend([0xC1, 0x00]);
    let mut one_status_byte = digest.clone();
    one_status_byte.push(0);
    for body in [digest, one_status_byte] {
        let (mut l, port) = always(LoaderKind::Stub, &answer(Command::SpiFlashMd5, 0, &body));
        assert!(matches!(
            l.md5(0, 0x1000),
            Err(LoaderError::Malformed {
                cmd: "SPI_FLASH_MD5",
                ..
            })
        ));
        // A malformed answer may be the line's doing: asked again, then the error stands.
        assert_eq!(port.requests().len(), MAX_RETRIES as usize + 1);
    }
}

#[test]
fn status_only_success_where_a_payload_belongs_is_malformed() {
    let (mut l, _) = always(
        LoaderKind::Rom,
        &answer(Command::SpiFlashMd5, 0, &[0, 0, 0, 0]),
    );
    assert!(matches!(
        l.md5(0, 0x1000),
        Err(LoaderError::Malformed { .. })
    ));
}

#[test]
fn security_info_in_the_20_byte_form() {
    let port = ScriptedPort::default();
    port.then(&[ok(
        LoaderKind::Rom,
        Command::GetSecurityInfo,
        &security_payload(Some(5)),
    )]);
    let mut conn = Connection::new(Box::new(port.clone()));
    let (chip, sec) = detect(&mut conn).unwrap();
    assert_eq!(chip, Chip::Esp32c3);
    let sec = sec.unwrap();
    assert_eq!((sec.chip_id, sec.eco_version), (Some(5), Some(4)));
    assert_eq!(sec.key_purposes, [1, 2, 3, 4, 5, 6, 0]);
    assert!(sec.secure_download() && sec.flash_encryption() && !sec.secure_boot());
    assert_eq!(port.requests().len(), 1);
}

#[test]
fn security_info_in_the_12_byte_form_falls_back_to_the_magic_word() {
    let port = ScriptedPort::default();
    let short = ok(
        LoaderKind::Rom,
        Command::GetSecurityInfo,
        &security_payload(None),
    );
    port.then(std::slice::from_ref(&short))
        .then(&[short])
        .then(&[answer(Command::ReadReg, 0x0000_07C6, &[0; 4])]);
    let mut conn = Connection::new(Box::new(port.clone()));
    let (chip, sec) = detect(&mut conn).unwrap();
    assert_eq!(chip, Chip::Esp32s2);
    let sec = sec.unwrap();
    assert_eq!((sec.chip_id, sec.eco_version), (None, None));
    assert_eq!(sec.key_purposes, [1, 2, 3, 4, 5, 6, 0]);
    let ops: Vec<u8> = port.requests().iter().map(|r| r.0).collect();
    assert_eq!(
        ops,
        [
            Command::GetSecurityInfo as u8,
            Command::GetSecurityInfo as u8,
            Command::ReadReg as u8
        ]
    );
}

#[test]
fn a_rom_without_security_info_is_told_by_its_magic_word() {
    let port = ScriptedPort::default();
    port.then(&[answer(Command::GetSecurityInfo, 0, &[1, 0x05, 0, 0])])
        .then(&[answer(Command::ReadReg, 0x00F0_1D83, &[0; 4])]);
    let mut conn = Connection::new(Box::new(port.clone()));
    assert_eq!(detect(&mut conn).unwrap(), (Chip::Esp32, None));
}

/// The ESP32's ROM refuses GET_SECURITY_INFO under the opcode of its last answer, once per
/// copy of that answer; the copies are drained, or the next READ_REG would take one for
/// its own failed answer.
#[test]
fn the_esp32_refusal_under_another_opcode_is_taken_and_drained() {
    let refusal = |cmd| answer(cmd, 0x0707_1220, &[1, 0x05, 0, 0]);
    for (last, copies) in [(Command::Sync, 8), (Command::ReadReg, 2)] {
        let port = ScriptedPort::default();
        port.then(&vec![refusal(last); copies]).then(&[answer(
            Command::ReadReg,
            0x00F0_1D83,
            &[0; 4],
        )]);
        let mut conn = Connection::new(Box::new(port.clone()));
        assert_eq!(
            detect(&mut conn).unwrap(),
            (Chip::Esp32, None),
            "after {last:?}"
        );
        let ops: Vec<u8> = port.requests().iter().map(|r| r.0).collect();
        assert_eq!(
            ops,
            [Command::GetSecurityInfo as u8, Command::ReadReg as u8],
            "asked once, then the chip-detect word"
        );
    }
}

/// A frame under another opcode that reports success (the ESP32's ROM leaves a stale
/// error code in the second status byte) is not a refusal: it is skipped.
#[test]
fn a_stale_error_code_under_success_is_no_refusal() {
    let port = ScriptedPort::default();
    port.then(&[
        answer(Command::ReadReg, 0, &[0, 0x05, 0, 0]),
        ok(
            LoaderKind::Rom,
            Command::GetSecurityInfo,
            &security_payload(Some(5)),
        ),
    ]);
    let mut conn = Connection::new(Box::new(port.clone()));
    let (chip, sec) = detect(&mut conn).unwrap();
    assert_eq!(chip, Chip::Esp32c3);
    assert!(sec.is_some());
}

/// A block the ROM refused as damaged (its checksum, or its length) was not written, so
/// it goes again; a flash error ends the stream.
#[test]
fn a_rom_block_refused_as_damaged_is_sent_again() {
    let (mut l, port) = loader(LoaderKind::Rom, Chip::Esp32);
    let bad = answer(Command::FlashData, 0, &[1, 0x07, 0, 0]);
    let short = answer(Command::FlashData, 0, &[1, 0x05, 0, 0]);
    port.then(&[ok(LoaderKind::Rom, Command::FlashData, &[])])
        .then(std::slice::from_ref(&bad))
        .then(std::slice::from_ref(&short))
        .then(&[ok(LoaderKind::Rom, Command::FlashData, &[])]);
    let blocks: [&[u8]; 2] = [&[1; 16], &[2; 16]];
    let mut answered = Vec::new();
    l.flash_blocks(&blocks, false, 1, DEFAULT_TIMEOUT, |n, _| answered.push(n))
        .unwrap();
    assert_eq!(answered, [1, 2]);
    assert_eq!(l.retries(), 2);
    let seqs: Vec<u32> = port
        .requests()
        .iter()
        .map(|(_, d)| u32::from_le_bytes(d[4..8].try_into().unwrap()))
        .collect();
    assert_eq!(seqs, [0, 1, 1, 1], "block 1 sent again, twice");

    let (mut l, port) = loader(LoaderKind::Rom, Chip::Esp32);
    port.then(&[answer(Command::FlashData, 0, &[1, 0x08, 0, 0])]);
    let e = l
        .flash_blocks(&blocks, false, 1, DEFAULT_TIMEOUT, |_, _| {})
        .unwrap_err();
    assert_eq!(e.0, 0);
    assert_eq!(
        port.requests().len(),
        1,
        "a flash write error is not retried"
    );
}

#[test]
fn rom_md5_is_hex_text() {
    let (mut l, port) = loader(LoaderKind::Rom, Chip::Esp32c3);
    let hex = b"00112233445566778899aabbccddeeff";
    port.then(&[ok(LoaderKind::Rom, Command::SpiFlashMd5, hex)]);
    let mut bad = *hex;
    bad[7] = b'x';
    port.then(&[ok(LoaderKind::Rom, Command::SpiFlashMd5, &bad)]);
    assert_eq!(
        l.md5(0x1000, 0x2000).unwrap(),
        [
            0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD,
            0xEE, 0xFF
        ]
    );
    assert!(matches!(
        l.md5(0x1000, 0x2000),
        Err(LoaderError::Malformed { .. })
    ));
    let (op, data) = &port.requests()[0];
    assert_eq!(*op, Command::SpiFlashMd5 as u8);
    assert_eq!(
        SpiFlashMd5::parse(data),
        Ok(SpiFlashMd5 {
            addr: 0x1000,
            size: 0x2000
        })
    );
}

#[test]
fn stub_md5_is_raw() {
    let (mut l, port) = loader(LoaderKind::Stub, Chip::Esp32c3);
    port.then(&[ok(LoaderKind::Stub, Command::SpiFlashMd5, &[7; 16])]);
    assert_eq!(l.md5(0, 16).unwrap(), [7; 16]);
}

#[test]
fn read_flash_slow_takes_what_was_asked_from_64_bytes() {
    let (mut l, port) = loader(LoaderKind::Rom, Chip::Esp32c3);
    let data: Vec<u8> = (0..64).collect();
    port.then(&[ok(LoaderKind::Rom, Command::ReadFlashSlow, &data)]);
    port.then(&[ok(LoaderKind::Rom, Command::ReadFlashSlow, &data[..32])]);
    port.then(&[ok(LoaderKind::Rom, Command::ReadFlashSlow, &data)]);
    assert_eq!(l.read_flash_slow(0x100, 10).unwrap(), &data[..10]);
    // Thirty-two bytes and a status do not make the 64-byte body.
    assert!(matches!(
        l.read_flash_slow(0x100, 10),
        Err(LoaderError::Malformed { .. })
    ));
    // Nothing past the 64 bytes can be asked for.
    assert!(matches!(
        l.read_flash_slow(0x100, 65),
        Err(LoaderError::Malformed { .. })
    ));
    let (_, data) = &port.requests()[0];
    assert_eq!(
        ReadFlashSlow::parse(data),
        Ok(ReadFlashSlow {
            addr: 0x100,
            len: 10
        })
    );
}

#[test]
fn flash_begin_takes_the_form_the_loader_wants() {
    for (kind, chip, encrypted) in [
        (LoaderKind::Rom, Chip::Esp32, None),
        (LoaderKind::Rom, Chip::Esp32c3, Some(0)),
        (LoaderKind::Stub, Chip::Esp32, Some(0)),
    ] {
        let (mut l, port) = loader(kind, chip);
        port.then(&[ok(kind, Command::FlashDeflBegin, &[])]);
        l.flash_begin(0x1_0000, 0x2345, 0x4000, 1, true, false)
            .unwrap();
        let (op, data) = &port.requests()[0];
        assert_eq!(*op, Command::FlashDeflBegin as u8);
        assert_eq!(
            FlashBegin::parse(data),
            Ok(FlashBegin {
                size: 0x2345,
                blocks: 1,
                block_size: 0x4000,
                offset: 0x1_0000,
                encrypted
            })
        );
    }
}

#[test]
fn sector_digests_must_all_be_there() {
    let (mut l, port) = loader(LoaderKind::Stub, Chip::Esp32c3);
    let mut body = vec![1u8; 32];
    body.extend([2u8; 32]);
    port.then(&[ok(LoaderKind::Stub, Command::EspflowSectorDigests, &body)]);
    port.then(&[ok(
        LoaderKind::Stub,
        Command::EspflowSectorDigests,
        &body[..32],
    )]);
    assert_eq!(
        l.sector_digests(0x1000, 2).unwrap(),
        vec![[1u8; 32], [2u8; 32]]
    );
    assert!(matches!(
        l.sector_digests(0x1000, 2),
        Err(LoaderError::Malformed { .. })
    ));
}

#[test]
fn write_stats_and_capabilities_are_typed_answers() {
    let (mut l, port) = loader(LoaderKind::Stub, Chip::Esp32c3);
    let stats = caps::WriteStats {
        sectors_erased: 3,
        sectors_programmed: 5,
        sectors_skipped: 8,
    };
    port.then(&[ok(
        LoaderKind::Stub,
        Command::EspflowWriteStats,
        &stats.to_bytes(),
    )]);
    assert_eq!(l.write_stats().unwrap(), (3, 5, 8));
    let c = Capabilities {
        version: caps::VERSION,
        flags: caps::FLAG_PIPELINED_WRITES,
        max_block: 0x4000,
        write_window: 2,
        read_window: 4,
    };
    port.then(&[ok(
        LoaderKind::Stub,
        Command::EspflowCapabilities,
        &c.to_bytes(),
    )]);
    assert_eq!(l.negotiate(), Some(c));
    // A foreign stub refuses the command; the loader then runs without extensions.
    port.then(&[answer(Command::EspflowCapabilities, 0, &[0xC3, 0])]);
    assert_eq!(l.negotiate(), None);
    let (_, hello) = &port.requests()[1];
    assert_eq!(
        CapabilitiesRequest::parse(hello),
        Ok(CapabilitiesRequest {
            host_flags: caps::HOST_PIPELINES | caps::HOST_PROTOCOL_V2
        })
    );
}

#[test]
fn timeout_for_matches_the_request_timeouts() {
    assert_eq!(timeout_for(40.0, 1 << 20), Duration::from_secs(40));
    assert_eq!(timeout_for(8.0, 100), DEFAULT_TIMEOUT);
    let erase = EraseRegion {
        addr: 0,
        size: 3 << 20,
    };
    assert_eq!(erase.timeout(LoaderKind::Stub), timeout_for(40.0, 3 << 20));
}

#[test]
fn read_flash_stream_acknowledges_each_frame_and_checks_the_digest() {
    use md5::Digest;
    let data: Vec<u8> = (0..0x1800u32).map(|i| i as u8).collect();
    let digest = md5::Md5::digest(&data).to_vec();
    let (mut l, port) = loader(LoaderKind::Stub, Chip::Esp32c3);
    port.then(&[
        ok(LoaderKind::Stub, Command::ReadFlash, &[]),
        data[..0x1000].to_vec(),
    ])
    .then(&[data[0x1000..].to_vec()])
    .then(std::slice::from_ref(&digest));
    let mut seen = Vec::new();
    assert_eq!(
        l.read_flash_stream(0x2000, 0x1800, |n| seen.push(n))
            .unwrap(),
        data
    );
    assert_eq!(seen, [0x1000, 0x1800]);
    let sent = port.requests();
    assert_eq!(
        ReadFlash::parse(&sent[0].1),
        Ok(ReadFlash {
            addr: 0x2000,
            len: 0x1800,
            packet_size: READ_FLASH_PACKET,
            max_in_flight: 64
        })
    );
    let acks: Vec<u32> = port
        .0
        .lock()
        .unwrap()
        .sent
        .iter()
        .skip(1)
        .map(|f| ReadFlashAck::parse(f).unwrap().received)
        .collect();
    assert_eq!(acks, [0x1000, 0x1800]);

    // The same data under a wrong digest is refused.
    let (mut l, port) = loader(LoaderKind::Stub, Chip::Esp32c3);
    port.then(&[
        ok(LoaderKind::Stub, Command::ReadFlash, &[]),
        data[..0x1000].to_vec(),
    ])
    .then(&[vec![0; 16]]);
    assert!(matches!(
        l.read_flash_stream(0, 0x1000, |_| {}),
        Err(LoaderError::Malformed { .. })
    ));
}

// Protocol v2: sealed, numbered frames, and the retries they make safe.

use espflow_protocol::frame::{self, AnswerTag};

/// `f` sealed as the stub seals answers.
fn sealed(f: Vec<u8>, seq: u32, range: (u32, u32)) -> Vec<u8> {
    let len = f.len();
    let mut b = f;
    b.resize(len + frame::ANSWER_TRAILER, 0);
    frame::seal_answer(
        &mut b,
        len,
        AnswerTag {
            seq,
            addr: range.0,
            len: range.1,
        },
    );
    b
}

fn v2_loader() -> (Loader, ScriptedPort) {
    let (mut l, port) = loader(LoaderKind::Stub, Chip::Esp32c3);
    l.conn.v2 = true;
    (l, port)
}

/// What the host sent in v2: each frame must be sealed; opcode, data field and number.
fn sealed_requests(port: &ScriptedPort) -> Vec<(u8, Vec<u8>, u32)> {
    let s = port.0.lock().unwrap();
    s.sent
        .iter()
        .map(|f| {
            let (f, seq) = frame::open_request(f).expect("every v2 request is sealed");
            let (h, d) = RequestHeader::parse(f).unwrap();
            assert_eq!(h.size as usize, d.len());
            (h.op, d.to_vec(), seq)
        })
        .collect()
}

fn md5_answer(seq: u32, range: (u32, u32)) -> Vec<u8> {
    sealed(
        ok(LoaderKind::Stub, Command::SpiFlashMd5, &[0x5A; 16]),
        seq,
        range,
    )
}

#[test]
fn v2_a_corrupt_answer_is_asked_for_again() {
    let (mut l, port) = v2_loader();
    let mut bad = md5_answer(1, (0x1000, 0x2000));
    bad[10] ^= 0x04;
    port.then(&[bad]).then(&[md5_answer(2, (0x1000, 0x2000))]);
    assert_eq!(l.md5(0x1000, 0x2000).unwrap(), [0x5A; 16]);
    assert_eq!(l.retries(), 1);
    let sent = sealed_requests(&port);
    assert_eq!(sent.len(), 2);
    assert_eq!((sent[0].2, sent[1].2), (1, 2));
    assert_eq!(sent[0].1, sent[1].1);
}

#[test]
fn v2_a_duplicated_or_stale_answer_is_ignored() {
    let (mut l, port) = v2_loader();
    let reg = |seq: u32, value: u32| sealed(answer(Command::ReadReg, value, &[0, 0]), seq, (0, 0));
    port.then(&[reg(1, 0xAAAA)]);
    assert_eq!(l.read_reg(0x6000_0000).unwrap(), 0xAAAA);
    // The first answer arrives again, then one from long ago, then the real one: only
    // the number tells them apart, since the opcode is the same.
    port.then(&[reg(1, 0xAAAA), reg(0, 0xDEAD), reg(2, 0xBBBB)]);
    assert_eq!(l.read_reg(0x6000_0000).unwrap(), 0xBBBB);
    assert_eq!(l.retries(), 0);
}

#[test]
fn v2_an_answer_for_another_range_is_rejected_and_asked_for_again() {
    let (mut l, port) = v2_loader();
    port.then(&[md5_answer(1, (0x3000, 0x2000))])
        .then(&[md5_answer(2, (0x1000, 0x2000))]);
    assert_eq!(l.md5(0x1000, 0x2000).unwrap(), [0x5A; 16]);
    assert_eq!(l.retries(), 1);
}

#[test]
fn v2_a_refused_damaged_request_is_sent_again() {
    let (mut l, port) = v2_loader();
    // The stub echoes the number it read from the damaged frame.
    let refusal = sealed(
        answer(Command::SpiFlashMd5, 0, &[StubError::BadCrc.code(), 0]),
        1,
        (0, 0),
    );
    port.then(&[refusal]).then(&[md5_answer(2, (0, 0x1000))]);
    assert_eq!(l.md5(0, 0x1000).unwrap(), [0x5A; 16]);
    assert_eq!(l.retries(), 1);
}

#[test]
fn v2_any_request_refused_as_damaged_is_sent_again() {
    // WRITE_REG is not repeatable in general (its answer may be lost after it acted), but
    // a refusal for a bad CRC says it never acted.
    let (mut l, port) = v2_loader();
    let refusal = sealed(
        answer(Command::WriteReg, 0, &[StubError::BadCrc.code(), 0]),
        1,
        (0, 0),
    );
    let done = sealed(answer(Command::WriteReg, 0, &[0, 0]), 2, (0, 0));
    port.then(&[refusal]).then(&[done]);
    l.write_reg(0x6000_2018, 1).unwrap();
    assert_eq!(l.retries(), 1);
    assert_eq!(sealed_requests(&port).len(), 2);
}

#[test]
fn v2_retries_are_bounded_then_the_error_stands() {
    let (mut l, port) = v2_loader();
    for seq in 1..=MAX_RETRIES + 1 {
        port.then(&[md5_answer(seq, (0x8000, 0x1000))]);
    }
    assert!(matches!(l.md5(0, 0x1000), Err(LoaderError::Garbled { .. })));
    assert_eq!(l.retries(), MAX_RETRIES as u64);
    assert_eq!(sealed_requests(&port).len(), MAX_RETRIES as usize + 1);
    // A request whose effect is not known to repeat safely is never sent twice.
    port.then(&[]);
    assert!(l.erase_flash_stub().is_err());
    assert_eq!(l.retries(), MAX_RETRIES as u64);
}

#[test]
fn v2_write_blocks_resume_from_the_first_unanswered_one() {
    let (mut l, port) = v2_loader();
    let stream = (0x10000, 0x3000);
    let data = |seq: u32, value: u32, status: StubError| {
        let body = if status == StubError::Other(0) {
            vec![0, 0]
        } else {
            vec![status.code(), 0]
        };
        sealed(answer(Command::FlashData, value, &body), seq, stream)
    };
    let ok0 = StubError::Other(0);
    port.then(&[data(1, 0x11000, ok0)])
        // Block 1 arrived damaged; block 2 is then ahead of the stream.
        .then(&[data(2, 0x11000, StubError::BadCrc)])
        .then(&[data(3, 0x11000, StubError::BlockAhead)])
        .then(&[data(4, 0x12000, ok0)])
        // The answer to block 2 is lost; its duplicate of block 1's comes instead, and
        // then a retry of the stream's end has it.
        .then(&[data(4, 0x12000, ok0)])
        .then(&[data(6, 0x13000, ok0)]);
    let blocks: Vec<&[u8]> = vec![&[1; 0x1000], &[2; 0x1000], &[3; 0x1000]];
    let mut commits = Vec::new();
    l.flash_stream(
        &blocks,
        false,
        2,
        Duration::from_millis(50),
        Some(stream),
        StreamRetries::PER_BLOCK,
        |n, c| commits.push((n, c)),
    )
    .unwrap();
    assert_eq!(commits, [(1, 0x11000), (2, 0x12000), (3, 0x13000)]);
    assert_eq!(l.retries(), 2);
    let data_seqs: Vec<u32> = sealed_requests(&port)
        .iter()
        .map(|(_, d, _)| DataHeader::parse(d).unwrap().0.seq)
        .collect();
    assert_eq!(data_seqs, [0, 1, 2, 1, 2, 2]);
}

#[test]
fn v2_write_retries_are_bounded() {
    let (mut l, port) = v2_loader();
    for _ in 0..=MAX_WRITE_RETRIES {
        port.then(&[]);
    }
    let blocks: Vec<&[u8]> = vec![&[1; 16]];
    let r = l.flash_stream(
        &blocks,
        false,
        2,
        Duration::from_millis(1),
        Some((0, 16)),
        StreamRetries::PER_BLOCK,
        |_, _| {},
    );
    assert!(matches!(r, Err((0, LoaderError::Timeout { .. }))));
    assert_eq!(l.retries(), MAX_WRITE_RETRIES as u64);
    assert_eq!(sealed_requests(&port).len(), MAX_WRITE_RETRIES as usize + 1);
}

#[test]
fn v2_is_negotiated_from_a_sealed_answer_only() {
    let (mut l, port) = loader(LoaderKind::Stub, Chip::Esp32c3);
    let c = Capabilities {
        version: caps::VERSION,
        flags: caps::FLAG_PIPELINED_WRITES | caps::FLAG_PROTOCOL_V2,
        max_block: 0x4000,
        write_window: 2,
        read_window: 4,
    };
    let reply = ok(
        LoaderKind::Stub,
        Command::EspflowCapabilities,
        &c.to_bytes(),
    );
    let mut damaged = sealed(reply.clone(), 0, (0, 0));
    damaged[12] ^= 0x80;
    port.then(&[damaged]).then(&[sealed(reply, 0, (0, 0))]);
    assert_eq!(l.negotiate(), Some(c));
    assert!(l.speaks_v2());
    assert_eq!(l.retries(), 1);
    // The request goes out unsealed: the stub does not know yet.
    let sent = port.requests();
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[0].1.len(), 4);
}

/// Scripts `n` 16-byte blocks of `stream`, each refused as damaged once and then taken.
fn each_block_damaged_once(port: &ScriptedPort, n: u32, stream: (u32, u32)) {
    for i in 0..n {
        let refused = answer(Command::FlashData, stream.0, &[StubError::BadCrc.code(), 0]);
        port.then(&[sealed(refused, 2 * i + 1, stream)]);
        let done = answer(Command::FlashData, stream.0 + 16 * (i + 1), &[0, 0]);
        port.then(&[sealed(done, 2 * i + 2, stream)]);
    }
}

#[test]
fn v2_write_retries_are_counted_per_block() {
    // Every block is damaged once: more rounds in all than one block may spend, and the
    // stream still finishes, since each round ends with progress.
    let (mut l, port) = v2_loader();
    let n = MAX_WRITE_RETRIES + 4;
    let stream = (0x10000, n * 16);
    each_block_damaged_once(&port, n, stream);
    let data = vec![7u8; 16];
    let blocks: Vec<&[u8]> = (0..n).map(|_| data.as_slice()).collect();
    let mut answered = 0;
    l.flash_stream(
        &blocks,
        false,
        1,
        Duration::from_millis(50),
        Some(stream),
        StreamRetries::PER_BLOCK,
        |a, _| answered = a,
    )
    .unwrap();
    assert_eq!(answered, n as usize);
    assert_eq!(l.retries(), n as u64);
}

#[test]
fn v2_a_stream_gives_up_within_its_total_budget() {
    let (mut l, port) = v2_loader();
    let stream = (0x10000, 64);
    each_block_damaged_once(&port, 4, stream);
    let data = vec![7u8; 16];
    let blocks: Vec<&[u8]> = (0..4).map(|_| data.as_slice()).collect();
    let limits = StreamRetries {
        stalled: 2,
        total: 2,
    };
    let r = l.flash_stream(
        &blocks,
        false,
        1,
        Duration::from_millis(50),
        Some(stream),
        limits,
        |_, _| {},
    );
    // Two rounds were spent on blocks 0 and 1; block 2's damage ends the stream.
    assert!(matches!(r, Err((2, LoaderError::Failed { .. }))), "{r:?}");
    assert_eq!(l.retries(), 2);
}

#[test]
fn narrowed_write_blocks_stay_narrow_and_stop_at_the_floor() {
    let (mut l, _) = v2_loader();
    assert_eq!(l.write_block(0x4000), 0x4000);
    assert!(l.narrow_write_block(0x4000, 0x400));
    assert_eq!(l.write_block(0x4000), 0x1000);
    assert!(l.narrow_write_block(0x4000, 0x400));
    assert_eq!(l.write_block(0x4000), 0x400);
    assert!(!l.narrow_write_block(0x4000, 0x400));
    assert_eq!(l.write_block(0x4000), 0x400);
}

#[test]
fn rom_reads_whose_answer_is_lost_or_refused_are_asked_again() {
    let (mut l, port) = loader(LoaderKind::Rom, Chip::Esp32c3);
    let refused = answer(Command::ReadReg, 0, &[1, 0x05]);
    let good = answer(Command::ReadReg, 0x1234, &[0, 0]);
    port.then(&[]).then(&[refused]).then(&[good]);
    assert_eq!(l.read_reg(0x6000_8000).unwrap(), 0x1234);
    assert_eq!(l.retries(), 2);
    assert_eq!(port.requests().len(), 3);
}

#[test]
fn rom_register_writes_are_not_sent_twice_alone() {
    // A WRITE_REG whose answer is lost may have acted; on its own it is not repeated.
    let (mut l, port) = loader(LoaderKind::Rom, Chip::Esp32c3);
    port.then(&[]);
    assert!(l.write_reg(0x6000_8000, 1).is_err());
    assert_eq!(port.requests().len(), 1);
    assert_eq!(l.retries(), 0);
}

#[test]
fn an_spi_command_cut_by_the_line_runs_again_and_restores_the_registers() {
    let (mut l, port) = loader(LoaderKind::Rom, Chip::Esp32c3);
    let rr = |v: u32| answer(Command::ReadReg, v, &[0, 0]);
    let wr = || answer(Command::WriteReg, 0, &[0, 0]);
    // The user registers as found.
    port.then(&[rr(0x11)]).then(&[rr(0x22)]);
    // First attempt: the first register write's answer is lost.
    port.then(&[]);
    // Second attempt: miso length, usr, usr2, w0, start, done, result.
    port.then(&[wr()])
        .then(&[wr()])
        .then(&[wr()])
        .then(&[wr()])
        .then(&[wr()]);
    port.then(&[rr(0)]).then(&[rr(0x16_40C8)]);
    // Restoring usr and usr2.
    port.then(&[wr()]).then(&[wr()]);
    assert_eq!(l.flash_id().unwrap() & 0xFF_FFFF, 0x16_40C8);
    assert_eq!(l.retries(), 1);
    let spi = Chip::Esp32c3.facts().spi;
    let writes: Vec<(u32, u32)> = port
        .requests()
        .iter()
        .filter(|(op, _)| *op == Command::WriteReg as u8)
        .map(|(_, d)| {
            let w = |i: usize| u32::from_le_bytes(d[i..i + 4].try_into().unwrap());
            (w(0), w(4))
        })
        .collect();
    let n = writes.len();
    assert_eq!(
        writes[n - 2..],
        [(spi.base + spi.usr, 0x11), (spi.base + spi.usr2, 0x22)]
    );
}

#[test]
fn a_started_stub_that_is_not_ours_is_reported_as_a_damaged_upload() {
    let (mut l, port) = loader(LoaderKind::Stub, Chip::Esp32c3);
    for _ in 0..=UPLOAD_RETRIES {
        port.then(&[answer(Command::EspflowCapabilities, 0, &[1, 0x05])]);
    }
    match l.negotiate_own() {
        Err(LoaderError::Malformed { reason, .. }) => {
            assert!(reason.contains("not the one sent"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(port.requests().len(), UPLOAD_RETRIES as usize + 1);
}

#[test]
fn a_busy_stub_is_waited_for_as_long_as_three_full_blocks_take() {
    assert_eq!(BUSY_STUB_WAIT, Duration::from_millis(7500));
    assert_eq!(
        BUSY_STUB_WAIT,
        timeout::flash_data(3 * crate::write::blocks::FLASH_PER_BLOCK as u64)
    );
}
