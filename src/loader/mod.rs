//! The host side of the serial loader protocol: connect (reset, sync, detect), then the
//! individual commands with their timeouts. Higher-level flash operations live in
//! [`crate::write`] and [`crate::region`].

/// A line on stderr that never panics: a closed stderr must not end a write half done.
macro_rules! warn {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

mod connection;
mod detect;
mod fast_upload;
mod rate;

pub use fast_upload::UploadRate;
pub use rate::RateGovernor;
pub mod reset;
#[cfg(test)]
mod tests;

use std::time::Duration;

use espflow_protocol::caps::{
    self, Capabilities, CapabilitiesRequest, SectorDigests, WriteStats, WriteStatsRequest,
};
use espflow_protocol::command::{OHAI, READ_FLASH_PACKET, SYNC_REPLIES};
use espflow_protocol::geometry::RAM_BLOCK;
use espflow_protocol::message::{
    ChangeBaudrate, EraseFlash, EraseRegion, FlashBegin, FlashEnd, MemBegin, MemEnd, ReadFlash,
    ReadFlashAck, ReadFlashSlow, ReadReg, SpiAttach, SpiFlashMd5, SpiSetParams, SyncRequest,
    WriteReg, timeout,
};
use espflow_protocol::packet::DataHeader;
use espflow_protocol::status::LoaderKind;
use espflow_protocol::{Command, Md5Digest, Request, Status, StubError, checksum};

pub use connection::{Connection, LoaderError, Response};
use detect::detect;
/// What GET_SECURITY_INFO reports.
pub use espflow_protocol::SecurityInfo;
pub use reset::{After, Before};

use crate::chip::{Chip, flash_size_from_capacity};
use crate::port::Transport;
use crate::stub::StubImage;

/// A loader command's result.
pub type Result<T> = std::result::Result<T, LoaderError>;

/// The answer timeout of commands that do no flash work.
pub const DEFAULT_TIMEOUT: Duration = timeout::DEFAULT;
/// Times a repeatable request (and a stub upload block) is sent again after a line error.
pub const MAX_RETRIES: u32 = 3;
/// Rounds a write stream may spend in a row on one block (sent again after line errors
/// with no block answered in between) before the error stands.
pub const MAX_WRITE_RETRIES: u32 = 16;

/// How many failed rounds [`Loader::flash_stream`] may spend before it gives up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StreamRetries {
    /// Failed rounds in a row, with no block answered in between.
    pub stalled: u32,
    /// Failed rounds in the whole stream.
    pub total: u32,
}

impl StreamRetries {
    /// A budget per block: a stream that keeps moving is never cut off, one that stands
    /// still on a block for [`MAX_WRITE_RETRIES`] rounds is. Total rounds stay bounded by
    /// blocks × [`MAX_WRITE_RETRIES`].
    pub const PER_BLOCK: StreamRetries = StreamRetries {
        stalled: MAX_WRITE_RETRIES,
        total: u32::MAX,
    };
}
/// Times a stub upload block (and the capabilities question after it) is sent again: a
/// 6 KiB RAM block at 115200 baud arrives damaged about half the time at a byte error rate
/// of 1e-4, and the ROM loader has no retries of its own.
pub const UPLOAD_RETRIES: u32 = 8;
const ROM_BAUD: u32 = 115_200;
/// How long a stub may stay busy after its host went away: the write blocks the host may
/// leave queued (its window, plus the one in progress), each limited to
/// [`FLASH_PER_BLOCK`](crate::write::blocks::FLASH_PER_BLOCK) of flash work, at the
/// slowest erase and program rates.
const BUSY_STUB_WAIT: Duration = Duration::from_micros(
    (timeout::ERASE_MS_PER_MIB * 1000 * (3 * crate::write::blocks::FLASH_PER_BLOCK as u64)) >> 20,
);
/// The capabilities question espflow asks its stub: pipelined writes, protocol v2.
const HELLO: CapabilitiesRequest = CapabilitiesRequest {
    host_flags: caps::HOST_PIPELINES | caps::HOST_PROTOCOL_V2,
};

/// Scales a timeout with the amount of flash involved, never below the default, as each
/// request's own timeout does.
pub fn timeout_for(secs_per_mib: f64, bytes: u64) -> Duration {
    timeout::scaled((secs_per_mib * 1000.0) as u64, bytes)
}

/// Why connecting to a loader failed.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    /// Nothing answered SYNC.
    #[error(
        "no response from a loader on {port} after {attempts} attempts: check the port, and \
         that the chip is in download mode (hold BOOT, tap RESET)"
    )]
    NoResponse {
        /// The port's name.
        port: String,
        /// How many reset-and-sync rounds were tried.
        attempts: usize,
    },
    /// A chip answered, but not the one asked for.
    #[error("this chip is {found}, not {wanted} as --chip says")]
    WrongChip {
        /// The chip that answered.
        found: Chip,
        /// The chip asked for.
        wanted: Chip,
    },
    /// The chip could not be identified.
    #[error("unrecognised chip: {0}")]
    Unknown(String),
    /// A command during connect failed.
    #[error(transparent)]
    Loader(#[from] LoaderError),
}

#[derive(Clone, Debug)]
/// How [`Loader::connect`] gets hold of the loader.
pub struct ConnectOptions {
    /// How to get the chip into its loader.
    pub before: Before,
    /// The chip expected; another one is an error.
    pub chip: Option<Chip>,
    /// Reset-and-sync rounds before giving up.
    pub attempts: usize,
}

/// A connected loader (ROM, or a stub already running).
pub struct Loader {
    conn: Connection,
    chip: Chip,
    security: Option<SecurityInfo>,
    flash_size: Option<u32>,
    baud: u32,
    /// Set when espflow's own stub is running.
    caps: Option<Capabilities>,
    /// The largest write block to send, once the line has shown it damages larger ones.
    block_limit: Option<u32>,
    /// What may change the line rate between the blocks of a write stream.
    governor: Option<Box<dyn RateGovernor>>,
}

impl Loader {
    /// Resets the chip into its loader (as `opts.before` says), syncs and identifies it.
    pub fn connect(
        port: Box<dyn Transport>,
        opts: &ConnectOptions,
    ) -> std::result::Result<Loader, ConnectError> {
        let mut conn = Connection::new(port);
        if opts.before != Before::NoResetNoSync {
            sync_with_retries(&mut conn, opts)?;
        } else {
            conn.kind = LoaderKind::Stub;
            restart_stub(&mut conn)?;
        }
        let (chip, security) = detect(&mut conn)?;
        if let Some(wanted) = opts.chip.filter(|w| *w != chip) {
            return Err(ConnectError::WrongChip {
                found: chip,
                wanted,
            });
        }
        Ok(Loader {
            conn,
            chip,
            security,
            flash_size: None,
            baud: ROM_BAUD,
            caps: None,
            block_limit: None,
            governor: None,
        })
    }

    /// Capabilities of espflow's stub, when that is what runs.
    pub fn capabilities(&self) -> Option<Capabilities> {
        self.caps
    }

    /// Whether espflow's stub runs here with sector digests computed on the chip's SHA
    /// accelerator (the chip table's `sha256_engine`): they then cost the chip less than an
    /// MD5 of the same bytes, which its stub computes in software.
    pub fn digests_on_engine(&self) -> bool {
        self.caps
            .is_some_and(|c| c.flags & espflow_protocol::caps::FLAG_SECTOR_DIGESTS != 0)
            && (self.chip.facts().stub.as_ref()).is_some_and(|s| s.sha256_engine)
    }

    /// Loads `image` into RAM through the ROM loader and starts it; from then on the stub
    /// answers. Returns once it has said OHAI. A stub that never says so (its start
    /// request or the greeting lost, or the chip still in its ROM after a damaged upload)
    /// is uploaded once more after a new SYNC.
    pub fn upload_stub(&mut self, image: &StubImage) -> Result<()> {
        let first = self.upload_once(image);
        self.again_if_silent(first, image)
    }

    /// What follows a start that went unanswered (`started` is StubSilent): a new SYNC,
    /// then the whole upload once more at the ROM's rate.
    fn again_if_silent(&mut self, started: Result<()>, image: &StubImage) -> Result<()> {
        match started {
            Err(LoaderError::StubSilent(wait)) => {
                self.conn.flush_input()?;
                let mut synced = false;
                for _ in 0..5 {
                    if sync_once(&mut self.conn).is_ok() {
                        synced = true;
                        break;
                    }
                }
                if !synced {
                    return Err(LoaderError::StubSilent(wait));
                }
                self.conn.retries += 1;
                self.upload_once(image)
            }
            r => r,
        }
    }

    fn upload_once(&mut self, image: &StubImage) -> Result<()> {
        self.load_segments(image, UPLOAD_RETRIES, DEFAULT_TIMEOUT)?;
        self.start_loaded(image)
    }

    /// Puts the image's segments into RAM through the ROM loader, each request tried up to
    /// `retries` more times and answered within `timeout`.
    fn load_segments(
        &mut self,
        image: &StubImage,
        retries: u32,
        timeout: std::time::Duration,
    ) -> Result<()> {
        for seg in &image.segments {
            let len = seg.data.len() as u32;
            let begin = MemBegin {
                size: len,
                blocks: len.div_ceil(RAM_BLOCK),
                block_size: RAM_BLOCK,
                addr: seg.addr,
            };
            self.with_rom_retries(retries, |conn| request(conn, Command::MemBegin, &begin, 0))?;
            for (seq, chunk) in seg.data.chunks(RAM_BLOCK as usize).enumerate() {
                // The ROM places a block by its number, so the same block sent again
                // lands where it did the first time.
                let payload = data_payload(seq as u32, chunk);
                self.with_rom_retries(retries, |conn| {
                    conn.command(
                        Command::MemData,
                        &payload,
                        checksum(chunk) as u32,
                        0,
                        timeout,
                    )
                })?;
            }
        }
        Ok(())
    }

    /// Starts the image [`Loader::load_segments`] put in RAM and waits for its OHAI.
    fn start_loaded(&mut self, image: &StubImage) -> Result<()> {
        // The ROM may jump before its answer to MEM_END is out; the stub's OHAI is what
        // counts, and anything before it is that answer.
        let end = MemEnd {
            jump: true,
            entry: image.entry,
        };
        self.conn.send_command(Command::MemEnd, &encode(&end), 0)?;
        let wait = end.timeout(self.conn.kind);
        let deadline = std::time::Instant::now() + wait;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.conn.read_frame(left)? {
                Some(f) if f == OHAI => break,
                Some(_) => continue,
                None => return Err(LoaderError::StubSilent(wait)),
            }
        }
        self.conn.kind = LoaderKind::Stub;
        self.negotiate_own()
    }

    /// Negotiates with the stub this host has just started, which is espflow's and speaks
    /// protocol v2: any other outcome is the line's doing, so the question is asked again
    /// rather than settling for protocol v1, which has no retries.
    fn negotiate_own(&mut self) -> Result<()> {
        self.conn.v2 = false;
        self.caps = None;
        let mut unknown = 0;
        for attempt in 0..=UPLOAD_RETRIES {
            if attempt > 0 {
                self.conn.retries += 1;
                self.conn.flush_input()?;
            }
            match self.hello(&HELLO) {
                Ok(Some(found)) if self.conn.v2 => {
                    self.caps = Some(found);
                    return Ok(());
                }
                // The request lost its v2 flag on the way; ask again.
                Ok(Some(_)) => {}
                Ok(None) => unknown += 1,
                Err(LoaderError::Io(e)) => return Err(LoaderError::Io(e)),
                Err(_) => {}
            }
        }
        if unknown > UPLOAD_RETRIES / 2 {
            // What runs answers, but not as espflow's stub: the image in RAM is not the
            // one sent. The ROM loader checks only each block's data, so a damaged block
            // number or load address puts a block elsewhere unnoticed.
            return Err(LoaderError::Malformed {
                cmd: Command::EspflowCapabilities.name(),
                reason: "the stub that started is not the one sent (an upload block landed \
                         elsewhere in RAM, which the ROM loader cannot detect); reset the \
                         chip and run again"
                    .into(),
            });
        }
        Err(LoaderError::Garbled {
            cmd: Command::EspflowCapabilities.name(),
            reason: "espflow's stub never answered it whole".into(),
        })
    }

    /// Sends a ROM request again, after draining the line, when its answer is lost,
    /// damaged (it fails to parse) or a refusal of a damaged request (a checksum error).
    fn with_rom_retries(
        &mut self,
        retries: u32,
        mut f: impl FnMut(&mut Connection) -> Result<Response>,
    ) -> Result<Response> {
        let mut attempt = 0;
        loop {
            match f(&mut self.conn) {
                Err(LoaderError::Io(e)) => return Err(LoaderError::Io(e)),
                Err(_) if attempt < retries => {
                    attempt += 1;
                    self.conn.retries += 1;
                    self.conn.flush_input()?;
                }
                r => return r,
            }
        }
    }

    /// The write block to use, at most `max`: smaller once [`Loader::narrow_write_block`]
    /// was called, for the rest of the connection.
    pub fn write_block(&self, max: u32) -> u32 {
        self.block_limit.map_or(max, |l| l.min(max))
    }

    /// Quarters the write block (down to `min`) after a stream gave up on a noisy line;
    /// returns false when it was already at `min`.
    pub fn narrow_write_block(&mut self, max: u32, min: u32) -> bool {
        let now = self.write_block(max);
        if now <= min {
            return false;
        }
        self.block_limit = Some((now / 4).max(min));
        true
    }

    /// Requests sent again because of the line since the connection began.
    pub fn retries(&self) -> u64 {
        self.conn.retries
    }

    /// Whether protocol v2 (sealed, numbered frames) is in force with the stub.
    pub fn speaks_v2(&self) -> bool {
        self.conn.v2
    }

    /// Asks a running stub whether it is espflow's; a foreign stub says "invalid command".
    /// espflow's stub is asked for protocol v2; its answer is then sealed, and a damaged or
    /// lost answer is asked for again.
    pub fn negotiate(&mut self) -> Option<Capabilities> {
        self.conn.v2 = false;
        self.caps = None;
        for attempt in 0..=MAX_RETRIES {
            if attempt > 0 {
                self.conn.retries += 1;
            }
            match self.hello(&HELLO) {
                Ok(found) => {
                    self.caps = found;
                    return found;
                }
                Err(LoaderError::Io(_)) => return None,
                Err(_) => {
                    let _ = self.conn.flush_input();
                }
            }
        }
        None
    }

    /// One capabilities exchange: `Ok(None)` is a stub that is not espflow's; an error is
    /// an answer that was lost or damaged.
    fn hello(&mut self, hello: &CapabilitiesRequest) -> Result<Option<Capabilities>> {
        let cmd = Command::EspflowCapabilities;
        self.conn.send_command(cmd, &encode(hello), 0)?;
        let v1_len = 8 + caps::REPLY_LEN + 2;
        let deadline = std::time::Instant::now() + DEFAULT_TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            let Some(raw) = self.conn.read_frame(left)? else {
                return Err(LoaderError::Timeout {
                    cmd: cmd.name(),
                    timeout: DEFAULT_TIMEOUT,
                });
            };
            let sealed = espflow_protocol::frame::open_answer(&raw);
            let (f, v2) = match sealed {
                Ok((f, _)) => (f, true),
                Err(_) if raw.len() == v1_len + espflow_protocol::frame::ANSWER_TRAILER => {
                    return Err(LoaderError::Garbled {
                        cmd: cmd.name(),
                        reason: "answer arrived damaged".into(),
                    });
                }
                Err(_) => (&raw[..], false),
            };
            let Some((hdr, body)) = espflow_protocol::ResponseHeader::parse(f) else {
                continue;
            };
            if hdr.op != cmd as u8 {
                continue;
            }
            let Ok((payload, status)) =
                espflow_protocol::packet::split_answer(body, caps::REPLY_LEN, LoaderKind::Stub)
            else {
                continue;
            };
            if !status.is_ok() {
                // A foreign stub does not know the command.
                return Ok(None);
            }
            let found = Capabilities::parse(payload).map_err(|e| malformed(cmd, e))?;
            let says_v2 = found.flags & caps::FLAG_PROTOCOL_V2 != 0;
            if says_v2 != v2 {
                // espflow's stub seals exactly the answers that say v2; one that disagrees
                // was damaged on the way.
                return Err(LoaderError::Garbled {
                    cmd: cmd.name(),
                    reason: "answer arrived damaged".into(),
                });
            }
            self.conn.v2 = v2;
            return Ok(Some(found));
        }
    }

    /// SHA-256 of `count` sectors from `addr`, computed by espflow's stub.
    pub fn sector_digests(&mut self, addr: u32, count: u32) -> Result<Vec<[u8; 32]>> {
        let req = SectorDigests { addr, count };
        let r = self.request(Command::EspflowSectorDigests, &req, req.answer_len())?;
        let digests = req
            .digests(&r.payload)
            .map_err(|e| malformed(Command::EspflowSectorDigests, e))?;
        Ok(digests.collect())
    }

    /// What espflow's stub did in its last write stream: (erased, programmed, skipped).
    pub fn write_stats(&mut self) -> Result<(u32, u32, u32)> {
        let r = self.request(
            Command::EspflowWriteStats,
            &WriteStatsRequest,
            caps::WRITE_STATS_LEN,
        )?;
        let s: WriteStats =
            WriteStats::parse(&r.payload).map_err(|e| malformed(Command::EspflowWriteStats, e))?;
        Ok((s.sectors_erased, s.sectors_programmed, s.sectors_skipped))
    }

    /// Queues espflow's stub's ESPFLOW_FILL: the whole sectors `addr..addr + size` to hold
    /// `value`, done in the background of the write streams that follow.
    pub fn fill(&mut self, addr: u32, size: u32, value: u8) -> Result<()> {
        let req = caps::Fill {
            addr,
            size,
            value: value as u32,
        };
        self.request(Command::EspflowFill, &req, 0).map(|_| ())
    }

    /// Finishes the queued fills (`bytes` of them, which bounds the wait): (erased,
    /// programmed, skipped) sectors.
    pub fn fill_finish(&mut self, bytes: u32) -> Result<(u32, u32, u32)> {
        let r = self.request(
            Command::EspflowFillFinish,
            &caps::FillFinish { bytes },
            caps::WRITE_STATS_LEN,
        )?;
        let s =
            WriteStats::parse(&r.payload).map_err(|e| malformed(Command::EspflowFillFinish, e))?;
        Ok((s.sectors_erased, s.sectors_programmed, s.sectors_skipped))
    }

    /// Sends write blocks keeping up to `window` unanswered, and calls `done` with the count
    /// answered so far and the answer's `value` (espflow's stub puts the committed address
    /// there). An error names the block it belongs to.
    ///
    /// In protocol v2 (see [`Loader::flash_stream`]) a block refused because it arrived
    /// damaged or ahead of the stream, or whose answer is lost or damaged, is sent again
    /// with every block after it; the stub answers a block it already has without applying
    /// it twice. At most [`MAX_WRITE_RETRIES`] such rounds in a row are spent on one block.
    pub fn flash_blocks(
        &mut self,
        blocks: &[&[u8]],
        compressed: bool,
        window: usize,
        block_timeout: Duration,
        done: impl FnMut(usize, u32),
    ) -> std::result::Result<(), (usize, LoaderError)> {
        self.flash_stream(
            blocks,
            compressed,
            window,
            block_timeout,
            None,
            StreamRetries::PER_BLOCK,
            done,
        )
    }

    /// [`Loader::flash_blocks`] for a stream FLASH_BEGIN announced as `stream` (offset,
    /// size): in protocol v2 every answer must repeat that range. `retries` bounds the
    /// rounds sent again; past it the last line error is returned.
    #[allow(clippy::too_many_arguments)]
    pub fn flash_stream(
        &mut self,
        blocks: &[&[u8]],
        compressed: bool,
        window: usize,
        block_timeout: Duration,
        stream: Option<(u32, u32)>,
        retries: StreamRetries,
        mut done: impl FnMut(usize, u32),
    ) -> std::result::Result<(), (usize, LoaderError)> {
        let cmd = if compressed {
            Command::FlashDeflData
        } else {
            Command::FlashData
        };
        let window = window.max(1);
        let v2 = self.conn.v2;
        let (mut stalled, mut failed) = (0u32, 0u32);
        // The request numbers of blocks `answered..sent`, in order.
        let mut in_flight: std::collections::VecDeque<u32> = Default::default();
        let (mut sent, mut answered) = (0usize, 0usize);
        // The rate governor asked for another rate: no more blocks go out until those in
        // flight are answered, then the rate is changed.
        let mut change_wanted = false;
        while answered < blocks.len() {
            if change_wanted && sent == answered {
                change_wanted = false;
                if self.governor_change().map_err(|e| (answered, e))? {
                    // The failures counted were the old rate's; the new one gets its own
                    // budget.
                    (stalled, failed) = (0, 0);
                }
            }
            while !change_wanted && sent < blocks.len() && sent - answered < window {
                let data = blocks[sent];
                let payload = data_payload(sent as u32, data);
                let seq = self
                    .conn
                    .send_command(cmd, &payload, checksum(data) as u32)
                    .map_err(|e| (sent, e))?;
                in_flight.push_back(seq);
                sent += 1;
            }
            let r = if v2 {
                let (first, last) = (in_flight[0], in_flight[in_flight.len() - 1]);
                self.conn
                    .wait_answer(cmd, 0, block_timeout, first..=last, stream)
                    .map(|(seq, r)| (seq.wrapping_sub(first) as usize + 1, r))
            } else {
                self.conn
                    .wait_response(cmd, 0, block_timeout)
                    .map(|r| (1, r))
            };
            match r {
                Ok((n, r)) => {
                    // The stub answers in order: an answer to a later block means the
                    // ones before it are in too, and their answers were lost.
                    answered += n;
                    in_flight.drain(..n);
                    stalled = 0;
                    done(answered, r.value);
                    change_wanted |= v2 && self.governor_observe(false);
                }
                // A governor that can still step down stands in for the stream's budget:
                // it steps down when failures climb, and when one block fails as often in
                // a row as the stream allows, rather than let the stream give up.
                Err(e)
                    if v2
                        && e.is_line_error()
                        && ((stalled < retries.stalled && failed < retries.total)
                            || self.governor_can_step_down()) =>
                {
                    stalled += 1;
                    failed += 1;
                    self.conn.retries += 1;
                    // Whatever is still coming answers requests that are now stale, and
                    // is skipped by its number.
                    in_flight.clear();
                    sent = answered;
                    let stuck = stalled > retries.stalled;
                    change_wanted |=
                        self.governor_observe(true) || (stuck && self.governor_can_step_down());
                }
                // A ROM checks a block's length and checksum before it acts on the
                // block, so one it refused as damaged (a byte lost or changed on the
                // line) was neither written nor fed to its inflater: with one block in
                // flight it may be sent again.
                Err(e)
                    if !v2
                        && window == 1
                        && rom_refused_damaged(&e)
                        && stalled < retries.stalled
                        && failed < retries.total =>
                {
                    stalled += 1;
                    failed += 1;
                    self.conn.retries += 1;
                    in_flight.clear();
                    sent = answered;
                    self.conn.flush_input().map_err(|e| (answered, e.into()))?;
                }
                Err(e) => {
                    if !v2 {
                        // Collect the answers to blocks already sent, so the line is clean
                        // for whatever the caller does next.
                        for _ in answered + 1..sent {
                            let _ = self.conn.wait_response(cmd, 0, block_timeout);
                        }
                    }
                    return Err((answered, e));
                }
            }
        }
        Ok(())
    }

    /// The chip that answered.
    pub fn chip(&self) -> Chip {
        self.chip
    }

    /// The port's name, as the transport gives it.
    pub fn port_name(&mut self) -> String {
        self.conn.port().name()
    }

    /// Whether a stub (espflow's or another) answers rather than the ROM.
    pub fn is_stub(&self) -> bool {
        self.conn.kind == LoaderKind::Stub
    }

    /// What GET_SECURITY_INFO reported at connect time, when the ROM has the command.
    pub fn security_info(&self) -> Option<SecurityInfo> {
        self.security
    }

    /// Sends a raw command and waits for its answer with `payload_len` payload bytes.
    pub fn command(
        &mut self,
        cmd: Command,
        data: &[u8],
        payload_len: usize,
        timeout: Duration,
    ) -> Result<Response> {
        self.conn.command(cmd, data, 0, payload_len, timeout)
    }

    /// Sends `req` as `cmd` and waits as long as the request says it may take.
    fn request<R: Request>(
        &mut self,
        cmd: Command,
        req: &R,
        payload_len: usize,
    ) -> Result<Response> {
        request(&mut self.conn, cmd, req, payload_len)
    }

    /// Reads a 32-bit register.
    pub fn read_reg(&mut self, addr: u32) -> Result<u32> {
        read_reg(&mut self.conn, addr)
    }

    /// Writes a 32-bit register.
    pub fn write_reg(&mut self, addr: u32, value: u32) -> Result<()> {
        let w = WriteReg {
            addr,
            value,
            mask: u32::MAX,
            delay_us: 0,
        };
        self.request(Command::WriteReg, &w, 0).map(|_| ())
    }

    /// Runs one SPI flash command through the SPI1 user-command registers, as every loader
    /// allows, and returns what the flash sent back (up to 32 bits).
    ///
    /// Every step writes a whole register or reads one, so after a line error the command
    /// is run again from the start (running a read command twice is harmless); the user
    /// registers are put back as they were before the first attempt.
    pub fn spi_command(&mut self, opcode: u8, mosi: &[u8], miso_bits: u32) -> Result<u32> {
        let r = self.chip.facts().spi;
        let (usr, usr2) = (r.base + r.usr, r.base + r.usr2);
        let old_usr = self.read_reg(usr)?;
        let old_usr2 = self.read_reg(usr2)?;
        let result = self.again_on_line_error(|l| l.spi_command_once(opcode, mosi, miso_bits));
        self.again_on_line_error(|l| l.write_reg(usr, old_usr))?;
        self.again_on_line_error(|l| l.write_reg(usr2, old_usr2))?;
        result
    }

    /// Runs `f` again, after draining the line, when it fails the way a damaged or lost
    /// frame makes it fail, up to [`MAX_RETRIES`] times. Only for steps that may be
    /// repeated whole.
    fn again_on_line_error<T>(&mut self, mut f: impl FnMut(&mut Self) -> Result<T>) -> Result<T> {
        let mut attempt = 0;
        loop {
            match f(self) {
                Err(e)
                    if attempt < MAX_RETRIES
                        && (e.is_line_error() || (!self.conn.v2 && damaged_v1(&e))) =>
                {
                    attempt += 1;
                    self.conn.retries += 1;
                    self.conn.flush_input()?;
                }
                r => return r,
            }
        }
    }

    fn spi_command_once(&mut self, opcode: u8, mosi: &[u8], miso_bits: u32) -> Result<u32> {
        let r = self.chip.facts().spi;
        let reg = |off: u32| r.base + off;
        if !mosi.is_empty() {
            self.write_reg(reg(r.mosi_dlen), mosi.len() as u32 * 8 - 1)?;
        }
        if miso_bits > 0 {
            self.write_reg(reg(r.miso_dlen), miso_bits - 1)?;
        }
        let mut usr = 1 << 31;
        if miso_bits > 0 {
            usr |= 1 << 28;
        }
        if !mosi.is_empty() {
            usr |= 1 << 27;
        }
        self.write_reg(reg(r.usr), usr)?;
        self.write_reg(reg(r.usr2), (7 << 28) | opcode as u32)?;
        if mosi.is_empty() {
            self.write_reg(reg(r.w0), 0)?;
        } else {
            for (i, chunk) in mosi.chunks(4).enumerate() {
                let mut w = [0u8; 4];
                w[..chunk.len()].copy_from_slice(chunk);
                self.write_reg(reg(r.w0) + 4 * i as u32, u32::from_le_bytes(w))?;
            }
        }
        self.write_reg(reg(0), 1 << 18)?;
        let mut done = false;
        for _ in 0..10 {
            if self.read_reg(reg(0))? & (1 << 18) == 0 {
                done = true;
                break;
            }
        }
        if !done {
            return Err(LoaderError::Malformed {
                cmd: "SPI user command",
                reason: format!("SPI command 0x{opcode:02X} did not complete"),
            });
        }
        self.read_reg(reg(r.w0))
    }

    /// JEDEC id as the flash sends it: manufacturer in bits 0-7, capacity in bits 16-23.
    pub fn flash_id(&mut self) -> Result<u32> {
        self.spi_command(0x9F, &[], 24)
    }

    /// The chip's base MAC address, from its eFuse words.
    pub fn mac(&mut self) -> Result<[u8; 6]> {
        let regs = self.chip.facts().mac;
        let (m0, m1) = (self.read_reg(regs.low)?, self.read_reg(regs.high)?);
        let mut b = [0u8; 8];
        b[..4].copy_from_slice(&m1.to_be_bytes());
        b[4..].copy_from_slice(&m0.to_be_bytes());
        let mut mac = [0u8; 6];
        mac.copy_from_slice(&b[2..]);
        Ok(mac)
    }

    /// (major, minor) silicon revision where the eFuse layout is known.
    pub fn revision(&mut self) -> Result<Option<(u32, u32)>> {
        let Some(rev) = self.chip.facts().revision else {
            return Ok(None);
        };
        rev.read(|addr| self.read_reg(addr)).map(Some)
    }

    /// The crystal in MHz: the chip's only one, or where it takes several, what the UART
    /// divider says under the ROM or espflow's stub, which keeps the ROM's UART clock (a
    /// foreign stub may run the UART from another clock, so not there).
    pub fn crystal_mhz(&mut self) -> Result<Option<u32>> {
        let facts = self.chip.facts();
        if let Some(one) = facts.crystal_mhz() {
            return Ok(Some(one));
        }
        match facts.uart_clkdiv_reg {
            Some(reg) if !self.is_stub() || self.caps.is_some() => {
                let div = self.read_reg(reg)?;
                Ok(Some(facts.crystal_from_clkdiv(div, self.baud)))
            }
            _ => Ok(None),
        }
    }

    /// Attaches the SPI flash, identifies it and tells the loader its size. Returns the size.
    pub fn attach_flash(&mut self) -> Result<u32> {
        // The ROM takes the longer form, a stub only the short one.
        let attach = SpiAttach {
            config: 0,
            legacy: (!self.is_stub()).then_some(0),
        };
        self.request(Command::SpiAttach, &attach, 0)?;
        let id = self.flash_id()?;
        let size = flash_size_from_capacity((id >> 16) as u8).ok_or(LoaderError::Malformed {
            cmd: "flash RDID",
            reason: format!("flash id 0x{id:06X} does not name a known size"),
        })?;
        self.request(Command::SpiSetParams, &SpiSetParams::for_size(size), 0)?;
        self.flash_size = Some(size);
        Ok(size)
    }

    /// Attaches the SPI flash without identifying it, for a loader that allows no register
    /// reads (Secure Download Mode): the flash cannot be asked its size, so the loader is
    /// told `size`, as esptool tells it 16 MiB there. Returns the size.
    pub fn attach_flash_unidentified(&mut self, size: u32) -> Result<u32> {
        let attach = SpiAttach {
            config: 0,
            legacy: (!self.is_stub()).then_some(0),
        };
        self.request(Command::SpiAttach, &attach, 0)?;
        self.request(Command::SpiSetParams, &SpiSetParams::for_size(size), 0)?;
        self.flash_size = Some(size);
        Ok(size)
    }

    /// The flash size found by [`Loader::attach_flash`].
    pub fn flash_size(&self) -> Option<u32> {
        self.flash_size
    }

    /// Switches both ends to `baud`. The chip answers at the old rate, then changes.
    pub fn change_baud(&mut self, baud: u32) -> Result<()> {
        if baud == self.baud {
            return Ok(());
        }
        let old = if self.is_stub() { self.baud } else { 0 };
        let new = match self.chip.facts().rom_clock {
            Some(clock) if !self.is_stub() => {
                let cali = self.read_reg(clock.cali.addr)?;
                let ck8m = self.read_reg(clock.ck8m_freq.addr)?;
                clock.rom_baud(baud, cali, ck8m)
            }
            _ => baud,
        };
        self.request(Command::ChangeBaudrate, &ChangeBaudrate { new, old }, 0)?;
        self.conn.port().set_baud(baud)?;
        std::thread::sleep(Duration::from_millis(50));
        self.conn.flush_input()?;
        self.baud = baud;
        Ok(())
    }

    /// FLASH_BEGIN or FLASH_DEFL_BEGIN. On the ROM this erases the region before answering.
    /// `encrypted` sets the request's `encrypted` word, so the chip encrypts what follows
    /// with its flash-encryption key (a loader whose FLASH_BEGIN has no such word, the
    /// ESP32's ROM, cannot: see [`Loader::can_encrypt`]).
    pub fn flash_begin(
        &mut self,
        offset: u32,
        size: u32,
        block_size: u32,
        blocks: u32,
        compressed: bool,
        encrypted: bool,
    ) -> Result<()> {
        // The session refuses an encrypted write where there is no word to carry it.
        let has_word = self.chip.facts().begin_has_encrypted_word || self.is_stub();
        debug_assert!(has_word || !encrypted);
        let cmd = if compressed {
            Command::FlashDeflBegin
        } else {
            Command::FlashBegin
        };
        let begin = FlashBegin {
            size,
            blocks,
            block_size,
            offset,
            encrypted: has_word.then_some(u32::from(encrypted)),
        };
        self.request(cmd, &begin, 0).map(|_| ())
    }

    /// Whether the loader here encrypts what a FLASH_BEGIN with the `encrypted` word
    /// asks for: a ROM whose FLASH_BEGIN has the word, espflow's stub where it says so in
    /// its capabilities, and another stub (esptool's encrypts).
    pub fn can_encrypt(&self) -> bool {
        if !self.is_stub() {
            return self.chip.facts().begin_has_encrypted_word;
        }
        self.capabilities()
            .is_none_or(|c| c.flags & espflow_protocol::caps::FLAG_ENCRYPTED_WRITES != 0)
    }

    /// Ends a write. `reboot` leaves the loader, so it is only sent when asked for.
    pub fn flash_end(&mut self, compressed: bool, reboot: bool) -> Result<()> {
        let cmd = if compressed {
            Command::FlashDeflEnd
        } else {
            Command::FlashEnd
        };
        self.request(cmd, &FlashEnd { reboot }, 0).map(|_| ())
    }

    /// The MD5 of a flash region, computed by the loader.
    pub fn md5(&mut self, addr: u32, size: u32) -> Result<[u8; 16]> {
        let kind = self.conn.kind;
        let r = self.request(
            Command::SpiFlashMd5,
            &SpiFlashMd5 { addr, size },
            Md5Digest::answer_len(kind),
        )?;
        let digest =
            Md5Digest::parse(kind, &r.payload).map_err(|e| malformed(Command::SpiFlashMd5, e))?;
        Ok(digest.0)
    }

    /// Up to 64 bytes through the ROM's READ_FLASH_SLOW.
    pub fn read_flash_slow(&mut self, addr: u32, len: u32) -> Result<Vec<u8>> {
        let req = ReadFlashSlow { addr, len };
        let r = self.request(Command::ReadFlashSlow, &req, ReadFlashSlow::ANSWER_LEN)?;
        let data = req
            .answer(&r.payload)
            .map_err(|e| malformed(Command::ReadFlashSlow, e))?;
        Ok(data.to_vec())
    }

    /// The stub's streamed READ_FLASH: data frames acknowledged one by one, then an MD5.
    /// In protocol v2 a read that fails on the line (a frame lost, or data that does not
    /// match the digest) is read again as a whole, up to [`MAX_RETRIES`] times.
    pub fn read_flash_stream(
        &mut self,
        addr: u32,
        len: u32,
        mut progress: impl FnMut(u64),
    ) -> Result<Vec<u8>> {
        let mut shown = 0u64;
        let mut attempt = 0;
        loop {
            let mut report = |n: u64| {
                if n > shown {
                    shown = n;
                    progress(n);
                }
            };
            match self.read_flash_once(addr, len, &mut report, DEFAULT_TIMEOUT) {
                Err(e)
                    if self.conn.v2
                        && attempt < MAX_RETRIES
                        && (e.is_line_error() || matches!(e, LoaderError::Malformed { .. })) =>
                {
                    attempt += 1;
                    self.conn.retries += 1;
                }
                r => return r,
            }
        }
    }

    /// One streamed READ_FLASH, each data frame (and the digest) awaited at most `wait`.
    fn read_flash_once(
        &mut self,
        addr: u32,
        len: u32,
        progress: &mut dyn FnMut(u64),
        wait: Duration,
    ) -> Result<Vec<u8>> {
        let req = ReadFlash {
            addr,
            len,
            packet_size: READ_FLASH_PACKET,
            max_in_flight: self.caps.map_or(64, |c| c.read_window),
        };
        self.request(Command::ReadFlash, &req, 0)?;
        let mut data = Vec::with_capacity(len as usize);
        while data.len() < len as usize {
            let frame = self.conn.read_frame(wait)?.ok_or(LoaderError::Timeout {
                cmd: "READ_FLASH data",
                timeout: wait,
            })?;
            data.extend(&frame);
            if data.len() > len as usize {
                return Err(LoaderError::Malformed {
                    cmd: "READ_FLASH",
                    reason: "more data than asked for".into(),
                });
            }
            let ack = ReadFlashAck {
                received: data.len() as u32,
            };
            self.conn.send_frame(&ack.to_bytes())?;
            progress(data.len() as u64);
        }
        let digest = self.conn.read_frame(wait)?.ok_or(LoaderError::Timeout {
            cmd: "READ_FLASH digest",
            timeout: wait,
        })?;
        use md5::Digest;
        let sent = Md5Digest::parse(LoaderKind::Stub, &digest)
            .map_err(|e| malformed(Command::ReadFlash, e))?;
        if sent.0[..] != md5::Md5::digest(&data)[..] {
            return Err(LoaderError::Malformed {
                cmd: "READ_FLASH",
                reason: "data does not match the digest the chip sent".into(),
            });
        }
        Ok(data)
    }

    /// A stub's ERASE_REGION (whole sectors).
    pub fn erase_region_stub(&mut self, addr: u32, size: u32) -> Result<()> {
        self.request(Command::EraseRegion, &EraseRegion { addr, size }, 0)
            .map(|_| ())
    }

    /// A stub's ERASE_FLASH.
    pub fn erase_flash_stub(&mut self) -> Result<()> {
        self.request(Command::EraseFlash, &EraseFlash, 0)
            .map(|_| ())
    }

    /// Leaves the chip as `after` says and gives the port back.
    pub fn finish(mut self, after: After) -> Result<Box<dyn Transport>> {
        // A port without modem lines (a pty, a bridge) cannot reset the chip; the work is
        // done, so that is worth a warning, not a failure.
        if after == After::HardReset
            && self.conn.port().has_reset_lines()
            && let Err(e) = reset::hard_reset(self.conn.port())
        {
            warn!("warning: could not reset the chip through RTS ({e}); reset it by hand");
        }
        Ok(self.conn.into_port())
    }
}

/// The payload of MEM_DATA, FLASH_DATA and FLASH_DEFL_DATA: the 16-byte header, then
/// the block.
fn data_payload(seq: u32, data: &[u8]) -> Vec<u8> {
    let mut payload = Vec::with_capacity(16 + data.len());
    payload.extend(DataHeader::for_block(seq, data).to_bytes());
    payload.extend(data);
    payload
}

/// The data field of `req`.
fn encode<R: Request>(req: &R) -> Vec<u8> {
    let mut data = vec![0u8; R::MAX_LEN];
    let n = req.encode(&mut data);
    data.truncate(n);
    data
}

fn malformed(cmd: Command, e: espflow_protocol::WireError) -> LoaderError {
    LoaderError::Malformed {
        cmd: cmd.name(),
        reason: e.to_string(),
    }
}

/// Sends `req` as `cmd` on a bare connection, waiting as long as the request says. In
/// protocol v2 the line is drained first, the answer must repeat the request's number and
/// range, and a repeatable request is sent again after a line error, up to
/// [`MAX_RETRIES`] times.
fn request<R: Request>(
    conn: &mut Connection,
    cmd: Command,
    req: &R,
    payload_len: usize,
) -> Result<Response> {
    let timeout = req.timeout(conn.kind);
    let data = encode(req);
    if !conn.v2 {
        // The ROM loader's frames carry no sequence or CRC: a request it reads damaged is
        // answered with an error status, and an answer may arrive damaged or not at all.
        // Requests that only read are sent again after draining the line.
        let mut attempt = 0;
        loop {
            match conn.command(cmd, &data, 0, payload_len, timeout) {
                Err(e) if rom_repeatable(cmd) && attempt < MAX_RETRIES && damaged_v1(&e) => {
                    attempt += 1;
                    conn.retries += 1;
                    conn.flush_input()?;
                }
                r => return r,
            }
        }
    }
    let attempts = if repeatable(cmd) { MAX_RETRIES + 1 } else { 1 };
    let mut attempt = 0;
    loop {
        conn.flush_input()?;
        let seq = conn.send_command(cmd, &data, 0)?;
        match conn.wait_answer(cmd, payload_len, timeout, seq..=seq, Some(req.range())) {
            // A request the stub refused as damaged was never acted on, so any request
            // may be sent again after that refusal, repeatable or not.
            Err(e) if refused_as_damaged(&e) && attempt < MAX_RETRIES => {
                attempt += 1;
                conn.retries += 1;
            }
            Err(e) if e.is_line_error() && attempt + 1 < attempts => {
                attempt += 1;
                conn.retries += 1;
            }
            r => return r.map(|(_, r)| r),
        }
    }
}

/// A ROM loader's refusal of a data block that arrived damaged: its checksum failed, or
/// its length does not match its header ("invalid message").
fn rom_refused_damaged(e: &LoaderError) -> bool {
    use espflow_protocol::RomError;
    matches!(
        e,
        LoaderError::Failed {
            status: Status::Rom(RomError::Checksum | RomError::InvalidMessage),
            ..
        }
    )
}

fn refused_as_damaged(e: &LoaderError) -> bool {
    matches!(
        e,
        LoaderError::Failed {
            status: Status::Stub(StubError::BadCrc),
            ..
        }
    )
}

/// Requests the stub may receive twice with the same outcome: they read, or set what a
/// second time sets again (a write stream that has not started yet is simply begun again;
/// an END repeats its verdict; an erase erases the same sectors).
fn repeatable(cmd: Command) -> bool {
    matches!(
        cmd,
        Command::ReadReg
            | Command::GetSecurityInfo
            | Command::SpiAttach
            | Command::SpiSetParams
            | Command::SpiFlashMd5
            | Command::EspflowCapabilities
            | Command::EspflowSectorDigests
            | Command::EspflowWriteStats
            | Command::EspflowFill
            | Command::EspflowFillFinish
            | Command::FlashBegin
            | Command::FlashDeflBegin
            | Command::FlashEnd
            | Command::FlashDeflEnd
            | Command::EraseRegion
            | Command::ReadFlash
    )
}

/// Requests a ROM loader (or a foreign stub) may be sent twice: they only read, or set
/// the same state again. An MD5 is among them because its callers cross-check it.
/// GET_SECURITY_INFO is not: chip detection asks it twice itself, and an "invalid message"
/// there usually means a ROM without it.
fn rom_repeatable(cmd: Command) -> bool {
    matches!(
        cmd,
        Command::ReadReg | Command::SpiAttach | Command::SpiSetParams | Command::SpiFlashMd5
    )
}

/// How a frame damaged on the line shows without protocol v2: an answer lost, garbled or
/// of the wrong shape, or the ROM loader's refusal of a request it read damaged (an
/// invalid message, or a data checksum that does not match).
fn damaged_v1(e: &LoaderError) -> bool {
    match e {
        LoaderError::Timeout { .. }
        | LoaderError::Garbled { .. }
        | LoaderError::Malformed { .. } => true,
        e => rom_refused_damaged(e),
    }
}

fn read_reg(conn: &mut Connection, addr: u32) -> Result<u32> {
    request(conn, Command::ReadReg, &ReadReg { addr }, 0).map(|r| r.value)
}

fn sync_once(conn: &mut Connection) -> Result<bool> {
    let r = request(conn, Command::Sync, &SyncRequest, 0)?;
    // The loader answers SYNC eight times; the rest are read now so they cannot be taken
    // for the answer to a later command.
    let wait = SyncRequest.timeout(conn.kind);
    for _ in 1..SYNC_REPLIES {
        if conn.read_frame(wait)?.is_none() {
            break;
        }
    }
    Ok(r.value == 0)
}

/// Tells a stub left running that a new host starts over, without a SYNC. espflow's stub
/// may still speak protocol v2, where it refuses unsealed requests as damaged; the
/// capabilities question in its v1 form is what it takes as a restart. Any other stub
/// answers it with "invalid command", which is as good.
fn restart_stub(conn: &mut Connection) -> Result<()> {
    let hello = CapabilitiesRequest { host_flags: 0 };
    conn.send_command(Command::EspflowCapabilities, &encode(&hello), 0)?;
    conn.read_frame(DEFAULT_TIMEOUT)?;
    drain_until_quiet(conn)?;
    Ok(())
}

/// Reads and drops frames until the line has been quiet for a moment (at most a second).
fn drain_until_quiet(conn: &mut Connection) -> std::io::Result<()> {
    let deadline = std::time::Instant::now() + Duration::from_secs(1);
    while std::time::Instant::now() < deadline {
        if conn.read_frame(Duration::from_millis(50))?.is_none() {
            break;
        }
    }
    conn.flush_input()
}

fn sync_with_retries(
    conn: &mut Connection,
    opts: &ConnectOptions,
) -> std::result::Result<(), ConnectError> {
    let strategies = reset::strategies(opts.before, conn.port());
    let mut warned = false;
    // Without a reset, the loader may be espflow's stub still busy with the blocks a
    // killed invocation left queued: the SYNCs wait in its receive buffer until it is
    // done, so keep asking for as long as that can take.
    // One attempt asked for is one attempt.
    let busy_until = (strategies.is_empty() && opts.attempts > 1)
        .then(|| std::time::Instant::now() + BUSY_STUB_WAIT);
    let mut attempt = 0;
    while attempt < opts.attempts || busy_until.is_some_and(|t| std::time::Instant::now() < t) {
        attempt += 1;
        if !strategies.is_empty() {
            let s = strategies[(attempt - 1) % strategies.len()];
            if let Err(e) = reset::run(s, conn.port())
                && !warned
            {
                warn!(
                    "warning: could not reset the chip through DTR/RTS ({e}); trying to sync anyway"
                );
                warned = true;
            }
        }
        conn.flush_input().map_err(LoaderError::Io)?;
        for tried in 0..5 {
            match sync_once(conn) {
                Ok(stub) => {
                    conn.kind = if stub {
                        LoaderKind::Stub
                    } else {
                        LoaderKind::Rom
                    };
                    if attempt > 1 || tried > 0 {
                        // A loader that was busy answers every SYNC it queued meanwhile;
                        // those answers must not be taken for the next requests'.
                        drain_until_quiet(conn).map_err(LoaderError::Io)?;
                    }
                    return Ok(());
                }
                Err(LoaderError::Timeout { .. } | LoaderError::Failed { .. }) => {}
                Err(LoaderError::Malformed { .. }) => {}
                Err(e) => return Err(e.into()),
            }
        }
    }
    Err(ConnectError::NoResponse {
        port: conn.port().name(),
        attempts: attempt,
    })
}
