//! A virtual Espressif chip: the ROM serial loader, a stub-compatible personality and an
//! SPI NOR flash model, close enough to a board that stock esptool cannot tell them apart.
//! It is an ESP32-C3 unless asked to be another family: the ESP32, ESP32-S2, ESP32-S3,
//! ESP32-C2, C5, C6 or H2 ([`models`]). Each is built from its chip's table in
//! `espflow-chip-facts` (detection word, eFuse layout, SPI1 registers, UART, stub RAM) and
//! its [`profile::Profile`] (the RAM its ROM loads into, whether the ROM has
//! GET_SECURITY_INFO, the second core of the dual-core chips). The ESP32's ROM has its own
//! differences (no GET_SECURITY_INFO, how it refuses a command it does not know, FLASH_BEGIN
//! without the encrypted word, FLASH_END leaving the loader).
//!
//! espflow's stub for a chip, uploaded to that chip and recognised by its digest, runs on
//! the real stub core over the chip's registers and flash; a chip espflow has no stub
//! image for stays with its ROM loader (and any other upload gets the generic stub
//! personality).
//!
//! The chip is a byte-stream device: bytes go in with the virtual time they finished arriving,
//! frames come out stamped with the virtual time they were sent. Whoever carries the bytes
//! (the in-process port, or the TCP/pty server) decides whether to honour those times.

mod board;
pub mod bridge;
mod console;
pub mod efuse;
pub mod fault;
pub mod flash;
mod loader;
pub mod profile;
pub mod server;
pub mod soc;

use std::collections::VecDeque;

use espflow_protocol::slip::SlipDecoder;
use espflow_stub_core::Stub;

use board::{Board, CacheModel, HashClock};

pub use flash::{FlashStats, NorFlash, Timing};

use crate::chip::Chip;

/// Whether the virtual chip can model `chip`: every family but the ESP32-P4.
pub fn models(chip: Chip) -> bool {
    profile::profile(chip).is_some()
}

/// The chips the virtual chip models, by name, for messages.
pub fn modelled_names() -> String {
    let names: Vec<&str> = profile::PROFILES.iter().map(|p| p.chip.name()).collect();
    names.join(", ")
}
pub use soc::Efuses;

/// Something the chip puts on its UART, at a virtual time in nanoseconds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Output {
    /// Bytes sent on the line.
    Bytes {
        /// Virtual time the bytes were sent, in nanoseconds.
        at: u64,
        /// The bytes (a whole SLIP frame, or raw text such as the ROM banner).
        data: Vec<u8>,
    },
    /// The UART switches to a new baud rate from this point on.
    Baud {
        /// Virtual time of the switch, in nanoseconds.
        at: u64,
        /// The new rate in bits per second.
        baud: u32,
    },
}

/// What is answering on the UART.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Personality {
    /// The mask ROM's serial download mode.
    Rom,
    /// A stub uploaded by a host and started with MEM_END: esptool-compatible commands.
    GenericStub,
    /// espflow's own stub, recognised by its digest: the real stub core runs it.
    EspflowStub,
    /// The chip left the loader to run the application and ignores the line.
    Application,
}

/// Counters tests use to prove what happened on the chip.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChipStats {
    /// SLIP frames received intact, whoever handled them.
    pub frames: u64,
    /// Uploaded programs started with MEM_END.
    pub stub_uploads: u64,
    /// Bumped by [`VirtualChip::reset`]; the restart that follows clears every counter, so
    /// it reads 0 afterwards.
    pub resets: u64,
    /// Opcodes of the commands handled, in order.
    pub commands: Vec<u8>,
}

/// What a [`VirtualChip`] is built from.
pub struct ChipConfig {
    /// The chip modelled, one that [`models`] accepts.
    pub chip: Chip,
    /// The flash part, with its contents.
    pub flash: NorFlash,
    /// The chip's eFuse values (MAC address, security settings, revision).
    pub efuses: Efuses,
    /// Datasheet flash timings instead of instant operations.
    pub realtime: bool,
    /// Faults to suffer (see [`fault`]); `seed` decides the damage a power cut does.
    pub faults: Vec<fault::Fault>,
    /// Seed for the damage an injected power cut leaves in flash, and for the bridge's
    /// errors.
    pub seed: u64,
    /// The serial bridge between the host and the chip's UART (see [`bridge`]).
    pub bridge: bridge::BridgeSpec,
}

/// A virtual chip with its flash, talking through bytes in and [`Output`] out.
pub struct VirtualChip {
    board: Board,
    personality: Personality,
    decoder: SlipDecoder,
    frame: Vec<u8>,
    session: loader::Session,
    stub: Option<Box<Stub<Board>>>,
    /// Counters since the last restart (reset, power-on or return to download mode).
    pub stats: ChipStats,
}

/// Big enough for a 16 KiB stub block plus headers, with room to spare for escapes.
const FRAME_CAPACITY: usize = 0x4000 + 0x400;

impl VirtualChip {
    /// A powered chip in its ROM loader, with nothing sent yet. `realtime` switches the
    /// flash to datasheet timings; the first power-cut fault, if any, is armed. Panics for a
    /// chip that [`models`] refuses.
    pub fn new(mut config: ChipConfig) -> VirtualChip {
        if config.realtime {
            config.flash.set_timing(Timing::DATASHEET);
        }
        if let Some(cut) = config.faults.iter().find_map(|f| f.power_cut(config.seed)) {
            config.flash.arm_power_cut(cut);
        }
        for f in &config.faults {
            if let fault::Fault::WornCell { addr } = f {
                config.flash.wear_out(*addr);
            }
        }
        // Hashing takes CPU time on the realtime clock only, at the chip's rates.
        let hashing = profile::profile(config.chip)
            .map(|p| p.hashing)
            .filter(|_| config.realtime);
        VirtualChip {
            board: Board {
                soc: soc::Soc::new(config.chip, config.flash, config.efuses),
                now: 0,
                out: VecDeque::new(),
                cache: CacheModel::default(),
                bridge: bridge::Bridge::new(config.bridge, config.seed),
                hashing: HashClock::new(hashing),
            },
            personality: Personality::Rom,
            decoder: SlipDecoder::new(),
            frame: vec![0; FRAME_CAPACITY],
            session: loader::Session::default(),
            stub: None,
            stats: ChipStats::default(),
        }
    }

    /// The chip modelled.
    pub fn chip(&self) -> Chip {
        self.board.soc.chip
    }

    /// What is answering on the UART now.
    pub fn personality(&self) -> Personality {
        self.personality
    }

    /// The flash part.
    pub fn flash(&self) -> &NorFlash {
        &self.board.soc.flash
    }

    /// The UART's current baud rate.
    pub fn baud(&self) -> u32 {
        self.board.soc.baud
    }

    /// The chip's virtual clock, in nanoseconds.
    pub fn now(&self) -> u64 {
        self.board.now
    }

    /// Virtual nanoseconds the chip's CPU has spent hashing (MD5 and SHA-256) since the
    /// last restart; always 0 off the realtime clock.
    pub fn hash_time_ns(&self) -> u64 {
        self.board.hashing.charged_ns
    }

    /// False from a power cut until [`VirtualChip::power_on`].
    pub fn is_powered(&self) -> bool {
        self.board.soc.flash.is_powered()
    }

    /// Power returns: RAM is blank, so the ROM loader answers again.
    pub fn power_on(&mut self) {
        self.board.soc.flash.power_on();
        self.restart(true, false);
    }

    /// One line describing what the last client did, for the served chip's log.
    pub fn session_summary(&self) -> String {
        let who = match self.personality {
            Personality::Rom => "rom",
            Personality::GenericStub => "generic-stub",
            Personality::EspflowStub => "espflow-stub",
            Personality::Application => "application",
        };
        let mut line = format!(
            "session: loader={who} frames={} stub_uploads={} cache_faults={} hash_us={}",
            self.stats.frames,
            self.stats.stub_uploads,
            self.board.cache.faults.len(),
            self.board.hashing.charged_ns / 1000
        );
        if let Some(stub) = &self.stub {
            // Fills are part of the write they belong to.
            let (w, f) = (stub.write_stats(), stub.fill_stats());
            let w = espflow_protocol::caps::WriteStats {
                sectors_erased: w.sectors_erased + f.sectors_erased,
                sectors_programmed: w.sectors_programmed + f.sectors_programmed,
                sectors_skipped: w.sectors_skipped + f.sectors_skipped,
            };
            line += &format!(
                " sectors_erased={} sectors_programmed={} sectors_skipped={}",
                w.sectors_erased, w.sectors_programmed, w.sectors_skipped
            );
        }
        line
    }

    /// Cache-safety violations seen so far, each naming the SPI1 operation.
    pub fn cache_faults(&self) -> &[String] {
        &self.board.cache.faults
    }

    /// Reset through the EN pin. With `download` (IO0 held low) the ROM enters its serial
    /// loader and prints its banner; otherwise the application runs: it prints its boot
    /// lines and then ignores the line.
    pub fn reset(&mut self, download: bool) {
        self.stats.resets += 1;
        self.restart(download, true);
    }

    /// Back to the ROM loader without a banner: what a new client of a served chip finds,
    /// since nobody could have read a banner sent while no one was connected.
    pub fn enter_download_mode(&mut self, banner: bool) {
        self.restart(true, banner);
    }

    fn restart(&mut self, download: bool, banner: bool) {
        self.board.soc.reset();
        self.decoder.reset();
        self.session = loader::Session::default();
        self.stub = None;
        self.stats = ChipStats::default();
        self.board.hashing.charged_ns = 0;
        let b = &mut self.board;
        b.out.retain(|o| matches!(o, Output::Baud { .. }));
        b.out.push_back(Output::Baud {
            at: b.now,
            baud: b.soc.baud,
        });
        if download {
            self.personality = Personality::Rom;
        } else {
            self.boot_application();
        }
        if download && banner {
            let text = format!("{}waiting for download\r\n", self.board.soc.profile.banner);
            self.board.emit_raw(text.into_bytes());
        }
    }

    /// Leaves the loader for the application in flash, which greets the line (the ROM's
    /// boot banner and a line naming the app, see [`console`]) and then ignores it.
    pub(super) fn boot_application(&mut self) {
        self.personality = Personality::Application;
        let text = console::boot_text(self.chip(), self.board.soc.flash.contents());
        self.board.emit_raw(text);
    }

    /// Feeds bytes that finished arriving at virtual time `arrival`.
    pub fn receive(&mut self, bytes: &[u8], arrival: u64) {
        let mut bytes = bytes.to_vec();
        for i in 0..bytes.len() {
            if !self.is_powered() {
                return;
            }
            // Byte by byte: a baud change takes effect from the byte after the request.
            self.board
                .bridge
                .carry(&mut bytes[i..i + 1], self.board.soc.baud);
            let b = bytes[i];
            if let (Personality::EspflowStub, Some(stub)) = (self.personality, self.stub.as_mut()) {
                stub.byte_received(&mut self.board);
            }
            match self.decoder.push(b, &mut self.frame) {
                Ok(Some(n)) => {
                    self.board.now = self.board.now.max(arrival);
                    self.stats.frames += 1;
                    let frame = self.frame[..n].to_vec();
                    match (self.personality, self.stub.as_mut()) {
                        (Personality::Application, _) => {}
                        (Personality::EspflowStub, Some(stub)) => {
                            if let Some(&op) = frame.get(1) {
                                self.stats.commands.push(op);
                            }
                            stub.handle(&mut self.board, &frame);
                        }
                        _ => loader::handle_frame(self, &frame),
                    }
                }
                Ok(None) => {}
                // A damaged frame is dropped, as the ROM does; the host times out and retries.
                Err(_) => {}
            }
        }
    }

    /// Everything the chip has sent since the last call, in order.
    pub fn take_output(&mut self) -> Vec<Output> {
        self.board.out.drain(..).collect()
    }

    /// Starts the uploaded code: espflow's stub runs on the real stub core, anything else
    /// gets the generic stub personality.
    fn start_stub(&mut self) {
        self.stats.stub_uploads += 1;
        let ours = crate::stub::StubImage::for_chip(self.chip())
            .is_some_and(|img| img.digest() == self.session.uploaded_digest());
        if ours {
            let mut slot = Box::<Stub<Board>>::new_uninit();
            Stub::init_in_place(&mut slot, self.board.soc.baud);
            // SAFETY: init_in_place wrote every field.
            self.stub = Some(unsafe { slot.assume_init() });
            self.personality = Personality::EspflowStub;
            Stub::<Board>::greet(&mut self.board);
        } else {
            self.personality = Personality::GenericStub;
            self.board.emit_frame(&espflow_protocol::command::OHAI);
        }
    }
}

#[cfg(test)]
mod tests {
    use espflow_protocol::message::{MemBegin, MemEnd};
    use espflow_protocol::packet::{DataHeader, RequestHeader};
    use espflow_protocol::{Command, Request, RomError, checksum, slip};

    use super::*;
    use crate::stub::StubImage;

    fn send(chip: &mut VirtualChip, op: Command, body: &[u8], check: u32) {
        let mut pkt = RequestHeader {
            op: op as u8,
            size: body.len() as u16,
            checksum: check,
        }
        .to_bytes()
        .to_vec();
        pkt.extend_from_slice(body);
        let mut wire = Vec::new();
        slip::encode(&pkt, |b| wire.push(b));
        let now = chip.now();
        chip.receive(&wire, now);
        chip.take_output();
    }

    /// Sends a request and returns the answer frames, decoded from SLIP.
    fn exchange(chip: &mut VirtualChip, op: Command, body: &[u8]) -> Vec<Vec<u8>> {
        let mut pkt = RequestHeader {
            op: op as u8,
            size: body.len() as u16,
            checksum: 0,
        }
        .to_bytes()
        .to_vec();
        pkt.extend_from_slice(body);
        let mut wire = Vec::new();
        slip::encode(&pkt, |b| wire.push(b));
        let now = chip.now();
        chip.receive(&wire, now);
        let mut dec = espflow_protocol::SlipDecoder::new();
        let mut buf = vec![0u8; 0x1000];
        let mut frames = Vec::new();
        for o in chip.take_output() {
            if let Output::Bytes { data, .. } = o {
                for b in data {
                    if let Ok(Some(n)) = dec.push(b, &mut buf) {
                        frames.push(buf[..n].to_vec());
                    }
                }
            }
        }
        frames
    }

    fn esp32() -> VirtualChip {
        VirtualChip::new(ChipConfig {
            chip: Chip::Esp32,
            flash: NorFlash::new(0x40_0000),
            efuses: Efuses::default().for_chip(Chip::Esp32),
            realtime: false,
            faults: Vec::new(),
            seed: 0,
            bridge: Default::default(),
        })
    }

    /// As the ESP32's ROM does: an unknown command is refused under the previous answer's
    /// opcode and value, once per copy of it, and a later success keeps the stale code.
    #[test]
    fn the_esp32_rom_refuses_under_its_last_answer() {
        let mut chip = esp32();
        let sync = encoded(&espflow_protocol::message::SyncRequest);
        assert_eq!(exchange(&mut chip, Command::Sync, &sync).len(), 8);
        let refusals = exchange(&mut chip, Command::GetSecurityInfo, &[]);
        assert_eq!(refusals.len(), 8, "one per SYNC answer");
        for f in &refusals {
            assert_eq!(f[1], Command::Sync as u8);
            assert_eq!(&f[4..8], &0x2012_0707u32.to_le_bytes());
            assert_eq!(&f[8..], &[1, 0x05, 0, 0]);
        }
        let magic = encoded(&espflow_protocol::message::ReadReg { addr: 0x4000_1000 });
        let r = exchange(&mut chip, Command::ReadReg, &magic);
        assert_eq!(r.len(), 1);
        assert_eq!(&r[0][4..8], &0x00F0_1D83u32.to_le_bytes());
        assert_eq!(&r[0][8..], &[0, 0x05, 0, 0], "success, the stale code kept");
        let again = exchange(&mut chip, Command::GetSecurityInfo, &[]);
        assert_eq!(again.len(), 1);
        assert_eq!(again[0][1], Command::ReadReg as u8);
    }

    /// The ESP32's ROM takes FLASH_BEGIN's four words only, and FLASH_END leaves it
    /// whatever the flag says.
    #[test]
    fn the_esp32_rom_begins_with_four_words_and_ends_by_leaving() {
        let mut chip = esp32();
        let five = [0x1000u32, 1, 0x400, 0x1_0000, 0];
        let bytes = |w: &[u32]| w.iter().flat_map(|x| x.to_le_bytes()).collect::<Vec<u8>>();
        let r = exchange(&mut chip, Command::FlashBegin, &bytes(&five));
        assert_eq!(&r[0][8..10], &[1, 0x05], "a fifth word is refused");
        let r = exchange(&mut chip, Command::FlashBegin, &bytes(&five[..4]));
        assert_eq!(r[0][8], 0);
        let stay = encoded(&espflow_protocol::message::FlashEnd { reboot: false });
        exchange(&mut chip, Command::FlashEnd, &stay);
        assert_eq!(chip.personality(), Personality::Application);
    }

    fn encoded<R: Request>(r: &R) -> Vec<u8> {
        let mut out = vec![0u8; R::MAX_LEN];
        let n = r.encode(&mut out);
        out.truncate(n);
        out
    }

    /// An ESP32-C3 with 4 MiB of blank flash, no faults, on the fast clock.
    fn plain_c3() -> VirtualChip {
        VirtualChip::new(ChipConfig {
            chip: Chip::Esp32c3,
            flash: NorFlash::new(0x40_0000),
            efuses: Efuses::default(),
            realtime: false,
            faults: Vec::new(),
            seed: 0,
            bridge: Default::default(),
        })
    }

    /// A host that sends a RAM block again, because its answer was lost, must still start
    /// espflow's stub: the repeat lands where the first copy did.
    #[test]
    fn a_ram_block_sent_twice_still_starts_the_stub() {
        let mut chip = plain_c3();
        upload_espflow_stub(&mut chip, 2);
    }

    /// A stub other than espflow's (esptool's, espflash's) takes FLASH_BEGIN and
    /// FLASH_DEFL_BEGIN with four words or five, as the real ones do: espflash 4.7 sends
    /// four to a stub.
    #[test]
    fn a_foreign_stub_begins_with_four_words_or_five() {
        let mut chip = plain_c3();
        // espflow's own image with one byte changed is someone else's program.
        let image = StubImage::for_chip(Chip::Esp32c3).unwrap();
        let seg = &image.segments[0];
        let mut data = seg.data[..0x100].to_vec();
        data[0] ^= 1;
        let begin = MemBegin {
            size: data.len() as u32,
            blocks: 1,
            block_size: 0x1800,
            addr: seg.addr,
        };
        send(&mut chip, Command::MemBegin, &encoded(&begin), 0);
        let mut body = DataHeader {
            data_len: data.len() as u32,
            seq: 0,
        }
        .to_bytes()
        .to_vec();
        body.extend_from_slice(&data);
        send(&mut chip, Command::MemData, &body, checksum(&data) as u32);
        let end = MemEnd {
            jump: true,
            entry: image.entry,
        };
        send(&mut chip, Command::MemEnd, &encoded(&end), 0);
        assert_eq!(chip.personality(), Personality::GenericStub);
        let bytes = |w: &[u32]| w.iter().flat_map(|x| x.to_le_bytes()).collect::<Vec<u8>>();
        let five = [0x1000u32, 1, 0x400, 0x1_0000, 0];
        for op in [Command::FlashBegin, Command::FlashDeflBegin] {
            for words in [&five[..4], &five[..]] {
                let r = exchange(&mut chip, op, &bytes(words));
                assert_eq!(r.len(), 1);
                assert_eq!(r[0][8], 0, "{op:?} with {} words refused", words.len());
            }
        }
    }

    /// A realtime ESP32-C3 with 4 MiB of blank flash.
    fn realtime_c3() -> VirtualChip {
        VirtualChip::new(ChipConfig {
            chip: Chip::Esp32c3,
            flash: NorFlash::new(0x40_0000),
            efuses: Efuses::default(),
            realtime: true,
            faults: Vec::new(),
            seed: 0,
            bridge: Default::default(),
        })
    }

    /// Uploads espflow's stub for the chip and starts it.
    fn start_espflow_stub(chip: &mut VirtualChip) {
        upload_espflow_stub(chip, 1);
    }

    /// [`start_espflow_stub`], with each segment's first RAM block sent `first_sent` times
    /// (a host that repeats a block whose answer was lost).
    fn upload_espflow_stub(chip: &mut VirtualChip, first_sent: usize) {
        let image = StubImage::for_chip(chip.chip()).unwrap();
        const BLOCK: usize = 0x1800;
        for seg in &image.segments {
            let len = seg.data.len() as u32;
            let begin = MemBegin {
                size: len,
                blocks: len.div_ceil(BLOCK as u32),
                block_size: BLOCK as u32,
                addr: seg.addr,
            };
            send(chip, Command::MemBegin, &encoded(&begin), 0);
            for (seq, block) in seg.data.chunks(BLOCK).enumerate() {
                let mut body = DataHeader {
                    data_len: block.len() as u32,
                    seq: seq as u32,
                }
                .to_bytes()
                .to_vec();
                body.extend_from_slice(block);
                let repeats = if seq == 0 { first_sent } else { 1 };
                for _ in 0..repeats {
                    send(chip, Command::MemData, &body, checksum(block) as u32);
                }
            }
        }
        let end = MemEnd {
            jump: true,
            entry: image.entry,
        };
        send(chip, Command::MemEnd, &encoded(&end), 0);
        assert_eq!(chip.personality(), Personality::EspflowStub);
    }

    /// On the realtime clock the ROM's MD5 takes the chip's MD5 rate per byte, on the
    /// chip's own clock and in its log; off it, hashing is free.
    #[test]
    fn realtime_md5_is_charged_at_the_chips_rate() {
        let md5 = espflow_protocol::message::SpiFlashMd5 {
            addr: 0,
            size: 0x10_0000,
        };
        let rate = profile::profile(Chip::Esp32c3).unwrap().hashing;
        let mut chip = realtime_c3();
        let before = chip.now();
        let r = exchange(&mut chip, Command::SpiFlashMd5, &encoded(&md5));
        assert_eq!(r.len(), 1);
        assert_eq!(chip.hash_time_ns(), rate.md5_ns(0x10_0000));
        assert!(chip.now() - before >= rate.md5_ns(0x10_0000));
        let summary = chip.session_summary();
        let us = rate.md5_ns(0x10_0000) / 1000;
        assert!(summary.contains(&format!(" hash_us={us}")), "{summary}");

        let mut fast = plain_c3();
        exchange(&mut fast, Command::SpiFlashMd5, &encoded(&md5));
        assert_eq!(fast.hash_time_ns(), 0);
    }

    /// espflow's stub hashing sector digests on the realtime clock: each 4 KiB sector
    /// costs the C3's SHA-256 rate (on the accelerator, as the chip's table says its stub
    /// hashes), and the answer goes out no earlier than the hashing allows.
    #[test]
    fn realtime_sector_digests_are_charged_per_sector() {
        let mut chip = realtime_c3();
        start_espflow_stub(&mut chip);
        let charged = chip.hash_time_ns();
        let before = chip.now();
        let req = espflow_protocol::caps::SectorDigests { addr: 0, count: 64 };
        let r = exchange(&mut chip, Command::EspflowSectorDigests, &encoded(&req));
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].len(), 8 + 64 * 32 + 2, "digests and status");
        let rate = profile::profile(Chip::Esp32c3).unwrap().hashing;
        let engine = Chip::Esp32c3.facts().stub.as_ref().unwrap().sha256_engine;
        assert!(engine, "the C3's stub hashes on its accelerator");
        let per_sector = rate.sha256_ns(0x1000, engine);
        assert_eq!(chip.hash_time_ns() - charged, 64 * per_sector);
        assert!(chip.now() - before >= 64 * per_sector);
    }

    /// The host library against a virtual chip in this process, its flash in `path`.
    fn session(
        chip: Chip,
        path: &std::path::Path,
        stub: crate::session::StubPolicy,
    ) -> crate::session::Session {
        let opts = crate::port::VirtualOptions {
            chip,
            ..Default::default()
        };
        let port = crate::port::open(&format!("virtual:{}", path.display()), 115_200, &opts)
            .expect("virtual port");
        let opts = crate::session::SessionOptions {
            chip: Some(chip),
            stub,
            ..Default::default()
        };
        crate::session::Session::connect(port, &opts).expect("connects")
    }

    /// Sets the bits of `b` to what they read when its condition holds (`holds`) or to
    /// anything else, leaving the rest of the register alone.
    fn set_bits(s: &mut crate::session::Session, b: &profile::RegBits, holds: bool) {
        let old = s.loader().read_reg(b.addr).unwrap();
        let bits = if holds { b.value } else { b.value ^ b.mask };
        s.loader()
            .write_reg(b.addr, (old & !b.mask) | (bits & b.mask))
            .unwrap();
    }

    /// Undoes every condition that parks the second core, as an application starting it
    /// does (out of reset, clock on, no stall).
    fn release(s: &mut crate::session::Session, core: &profile::SecondCore) {
        for all in core.parked_when {
            set_bits(s, &all[0], false);
        }
    }

    fn image(byte: u8) -> crate::write::Image {
        crate::write::Image::new(0x10000, vec![byte; 0x3000], "image")
    }

    fn write(
        s: &mut crate::session::Session,
        img: crate::write::Image,
    ) -> crate::Result<crate::write::WriteSummary> {
        let opts = crate::write::WriteOptions::default();
        s.write(&[img], opts, None, &mut crate::progress::Quiet)
    }

    /// espflow's stub on each dual-core chip it has a stub for (the ESP32 so far; the S3's
    /// once its image exists): once the second CPU is released with WRITE_REG, every flash
    /// command is answered OtherCpuRunning and the flash is left as it was; with the CPU
    /// parked again the same write goes through.
    #[test]
    fn the_stub_refuses_the_flash_while_the_other_cpu_runs() {
        let mut checked = Vec::new();
        for p in profile::PROFILES.iter() {
            let Some(core) = &p.second_core else { continue };
            if StubImage::for_chip(p.chip).is_none() {
                continue;
            }
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("flash.bin");
            let policy = crate::session::StubPolicy::Experimental;
            let mut s = session(p.chip, &path, policy);
            assert_eq!(s.board_info().unwrap().loader, "espflow-stub", "{}", p.chip);
            let before = std::fs::read(&path).unwrap();
            release(&mut s, core);
            let e = write(&mut s, image(0x5A)).unwrap_err().to_string();
            assert!(e.contains("other CPU is running"), "{}: {e}", p.chip);
            assert!(
                std::fs::read(&path).unwrap() == before,
                "{}: flash changed",
                p.chip
            );
            // The last way to park it (a stall).
            let last = core.parked_when.len() - 1;
            for b in core.parked_when[last] {
                set_bits(&mut s, b, true);
            }
            let done = write(&mut s, image(0x5A)).unwrap();
            assert!(done.verified);
            let after = std::fs::read(&path).unwrap();
            assert!(after[0x10000..0x13000].iter().all(|&b| b == 0x5A));
            checked.push(p.chip);
        }
        assert!(checked.contains(&Chip::Esp32), "{checked:?}");
    }

    /// The ROM loader does not check the second CPU; the cache model does: a ROM-path
    /// write while that CPU runs from its cache is a cache fault, refused, on both dual-core
    /// chips; parked again, the write goes through.
    #[test]
    fn a_rom_write_while_the_other_cpu_runs_from_its_cache_is_a_fault() {
        for p in profile::PROFILES.iter() {
            let Some(core) = &p.second_core else { continue };
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("flash.bin");
            let mut s = session(p.chip, &path, crate::session::StubPolicy::Never);
            let before = std::fs::read(&path).unwrap();
            release(&mut s, core);
            // Running with its cache off fetches nothing from flash: no fault.
            assert!(write(&mut s, image(0x3C)).unwrap().verified, "{}", p.chip);
            set_bits(&mut s, &core.cache_on_when[0], true);
            write(&mut s, image(0xC3)).unwrap_err();
            let now = std::fs::read(&path).unwrap();
            assert!(
                now[0x10000..0x13000].iter().all(|&b| b == 0x3C),
                "{}",
                p.chip
            );
            assert!(now[..0x10000] == before[..0x10000], "{}", p.chip);
            set_bits(&mut s, &core.parked_when[0][0], true);
            assert!(write(&mut s, image(0xC3)).unwrap().verified, "{}", p.chip);
        }
    }

    /// The chip-detect word and the security answer of each family are what its ROM
    /// gives: no GET_SECURITY_INFO on the ESP32, the short form on the S2, the chip id on
    /// the others.
    #[test]
    fn each_rom_answers_detection_as_its_chip() {
        for p in profile::PROFILES.iter() {
            let mut chip = VirtualChip::new(ChipConfig {
                chip: p.chip,
                flash: NorFlash::new(p.flash_size),
                efuses: Efuses::default().for_chip(p.chip),
                realtime: false,
                faults: Vec::new(),
                seed: 0,
                bridge: Default::default(),
            });
            let magic = encoded(&espflow_protocol::message::ReadReg {
                addr: crate::chip::CHIP_DETECT_MAGIC_REG,
            });
            let r = exchange(&mut chip, Command::ReadReg, &magic);
            let word = u32::from_le_bytes(r[0][4..8].try_into().unwrap());
            let sec = exchange(&mut chip, Command::GetSecurityInfo, &[]);
            let answer = &sec[0];
            let f = p.chip.facts();
            if !p.security_info {
                assert_ne!(answer[1], Command::GetSecurityInfo as u8, "{}", p.chip);
                assert_eq!(Chip::from_magic(word), Some(p.chip));
                continue;
            }
            assert_eq!(answer[1], Command::GetSecurityInfo as u8, "{}", p.chip);
            let payload = &answer[8..answer.len() - 4];
            let info = espflow_protocol::SecurityInfo::parse(payload).unwrap();
            assert_eq!(info.chip_id, f.chip_id, "{}", p.chip);
            if f.chip_id.is_none() {
                assert_eq!(payload.len(), espflow_protocol::SecurityInfo::SHORT_LEN);
                assert_eq!(Chip::from_magic(word), Some(p.chip));
            }
        }
    }

    /// The ROM loader takes MEM_BEGIN into the chip's SRAM only.
    #[test]
    fn mem_begin_outside_sram_is_refused() {
        let mut chip = VirtualChip::new(ChipConfig {
            chip: Chip::Esp32s3,
            flash: NorFlash::new(0x80_0000),
            efuses: Efuses::default().for_chip(Chip::Esp32s3),
            realtime: false,
            faults: Vec::new(),
            seed: 0,
            bridge: Default::default(),
        });
        let begin = |addr| {
            encoded(&MemBegin {
                size: 0x1000,
                blocks: 1,
                block_size: 0x1000,
                addr,
            })
        };
        let ok = exchange(&mut chip, Command::MemBegin, &begin(0x4037_8000));
        assert_eq!(&ok[0][8..10], &[0, 0]);
        // The ESP32-C3's IRAM, which is flash-mapped instruction space on the S3.
        let no = exchange(&mut chip, Command::MemBegin, &begin(0x4200_0000));
        assert_eq!(&no[0][8..10], &[1, RomError::InvalidRamAddress.code()]);
    }
}
