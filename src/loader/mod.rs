//! The host side of the serial loader protocol: connect (reset, sync, detect), then the
//! individual commands with their timeouts. Higher-level flash operations live in
//! [`crate::flasher`].

mod connection;
pub mod reset;

use std::time::Duration;

use espflow_protocol::caps::{self, Capabilities};
use espflow_protocol::command::{OHAI, SYNC_PAYLOAD, SYNC_REPLIES};
use espflow_protocol::geometry::{BLOCK_SIZE, PAGE_SIZE, RAM_BLOCK, SECTOR_SIZE};
use espflow_protocol::packet::{DataHeader, put_words};
use espflow_protocol::status::LoaderKind;
use espflow_protocol::{Command, RomError, Status, checksum};

pub use connection::{Connection, LoaderError, Response};
pub use reset::{After, Before};

use crate::chip::{CHIP_DETECT_MAGIC_REG, Chip, flash_size_from_capacity};
use crate::port::{PortKind, Transport};
use crate::stub::StubImage;

pub type Result<T> = std::result::Result<T, LoaderError>;

pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(3);
const SYNC_TIMEOUT: Duration = Duration::from_millis(100);
const ROM_BAUD: u32 = 115_200;

/// Scales a timeout with the amount of flash involved, never below the default.
pub fn timeout_for(secs_per_mib: f64, bytes: u64) -> Duration {
    let t = Duration::from_secs_f64(secs_per_mib * bytes as f64 / (1 << 20) as f64);
    t.max(DEFAULT_TIMEOUT)
}

#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error(
        "no response from a loader on {port} after {attempts} attempts: check the port, and \
         that the chip is in download mode (hold BOOT, tap RESET)"
    )]
    NoResponse { port: String, attempts: usize },
    #[error("this chip is {found}, not {wanted} as --chip says")]
    WrongChip { found: Chip, wanted: Chip },
    #[error("unrecognised chip: {0}")]
    Unknown(String),
    #[error(transparent)]
    Loader(#[from] LoaderError),
}

#[derive(Clone, Debug)]
pub struct ConnectOptions {
    pub before: Before,
    pub chip: Option<Chip>,
    pub attempts: usize,
}

/// What GET_SECURITY_INFO reports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SecurityInfo {
    pub flags: u32,
    pub flash_crypt_cnt: u8,
    pub key_purposes: [u8; 7],
    pub chip_id: Option<u32>,
    pub eco_version: Option<u32>,
}

impl SecurityInfo {
    pub fn secure_boot(&self) -> bool {
        self.flags & 1 != 0
    }
    pub fn secure_download(&self) -> bool {
        self.flags & (1 << 2) != 0
    }
    pub fn flash_encryption(&self) -> bool {
        self.flash_crypt_cnt.count_ones() % 2 == 1
    }
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
}

const OHAI_TIMEOUT: Duration = Duration::from_secs(3);

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
        })
    }

    /// Capabilities of espflow's stub, when that is what runs.
    pub fn capabilities(&self) -> Option<Capabilities> {
        self.caps
    }

    /// Loads `image` into RAM through the ROM loader and starts it; from then on the stub
    /// answers. Returns once it has said OHAI.
    pub fn upload_stub(&mut self, image: &StubImage) -> Result<()> {
        for seg in &image.segments {
            let len = seg.data.len() as u32;
            self.simple(
                Command::MemBegin,
                &[len, len.div_ceil(RAM_BLOCK), RAM_BLOCK, seg.addr],
                DEFAULT_TIMEOUT,
            )?;
            for (seq, chunk) in seg.data.chunks(RAM_BLOCK as usize).enumerate() {
                let payload = data_payload(seq as u32, chunk);
                self.conn.command(
                    Command::MemData,
                    &payload,
                    checksum(chunk) as u32,
                    0,
                    DEFAULT_TIMEOUT,
                )?;
            }
        }
        // The ROM may jump before its answer to MEM_END is out; the stub's OHAI is what
        // counts, and anything before it is that answer.
        self.conn
            .send_command(Command::MemEnd, &words_bytes(&[0, image.entry]), 0)?;
        let deadline = std::time::Instant::now() + OHAI_TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.conn.read_frame(left)? {
                Some(f) if f == OHAI => break,
                Some(_) => continue,
                None => return Err(LoaderError::StubSilent(OHAI_TIMEOUT)),
            }
        }
        self.conn.kind = LoaderKind::Stub;
        self.negotiate();
        Ok(())
    }

    /// Asks a running stub whether it is espflow's; a foreign stub says "invalid command".
    pub fn negotiate(&mut self) -> Option<Capabilities> {
        self.caps = self
            .command(
                Command::EspflowCapabilities,
                &caps::HOST_PIPELINES.to_le_bytes(),
                caps::REPLY_LEN,
                DEFAULT_TIMEOUT,
            )
            .ok()
            .and_then(|r| Capabilities::parse(&r.payload));
        self.caps
    }

    /// SHA-256 of `count` sectors from `addr`, computed by espflow's stub.
    pub fn sector_digests(&mut self, addr: u32, count: u32) -> Result<Vec<[u8; 32]>> {
        let timeout = timeout_for(8.0, count as u64 * SECTOR_SIZE as u64);
        let r = self.command(
            Command::EspflowSectorDigests,
            &words_bytes(&[addr, count]),
            32 * count as usize,
            timeout,
        )?;
        Ok(r.payload
            .chunks(32)
            .map(|c| c.try_into().expect("32-byte chunks"))
            .collect())
    }

    /// What espflow's stub did in its last write stream: (erased, programmed, skipped).
    pub fn write_stats(&mut self) -> Result<(u32, u32, u32)> {
        let r = self.command(
            Command::EspflowWriteStats,
            &[],
            caps::WRITE_STATS_LEN,
            DEFAULT_TIMEOUT,
        )?;
        let [e, p, s] = espflow_protocol::packet::words(&r.payload).unwrap_or_default();
        Ok((e, p, s))
    }

    /// Sends write blocks keeping up to `window` unanswered, and calls `done` with the count
    /// answered so far and the answer's `value` (espflow's stub puts the committed address
    /// there). An error names the block it belongs to.
    pub fn flash_blocks(
        &mut self,
        blocks: &[&[u8]],
        compressed: bool,
        window: usize,
        block_timeout: Duration,
        mut done: impl FnMut(usize, u32),
    ) -> std::result::Result<(), (usize, LoaderError)> {
        let cmd = if compressed {
            Command::FlashDeflData
        } else {
            Command::FlashData
        };
        let (mut sent, mut answered) = (0usize, 0usize);
        while answered < blocks.len() {
            while sent < blocks.len() && sent - answered < window.max(1) {
                let data = blocks[sent];
                let payload = data_payload(sent as u32, data);
                self.conn
                    .send_command(cmd, &payload, checksum(data) as u32)
                    .map_err(|e| (sent, e))?;
                sent += 1;
            }
            match self.conn.wait_response(cmd, 0, block_timeout) {
                Ok(r) => {
                    answered += 1;
                    done(answered, r.value);
                }
                Err(e) => {
                    // Collect the answers to blocks already sent, so the line is clean
                    // for whatever the caller does next.
                    for _ in answered + 1..sent {
                        let _ = self.conn.wait_response(cmd, 0, block_timeout);
                    }
                    return Err((answered, e));
                }
            }
        }
        Ok(())
    }

    pub fn chip(&self) -> Chip {
        self.chip
    }

    pub fn is_stub(&self) -> bool {
        self.conn.kind == LoaderKind::Stub
    }

    pub fn security_info(&self) -> Option<SecurityInfo> {
        self.security
    }

    pub fn port_kind(&mut self) -> PortKind {
        self.conn.port().kind()
    }

    pub fn command(
        &mut self,
        cmd: Command,
        data: &[u8],
        payload_len: usize,
        timeout: Duration,
    ) -> Result<Response> {
        self.conn.command(cmd, data, 0, payload_len, timeout)
    }

    fn simple(&mut self, cmd: Command, words: &[u32], timeout: Duration) -> Result<()> {
        let mut data = vec![0u8; 4 * words.len()];
        put_words(&mut data, words);
        self.command(cmd, &data, 0, timeout).map(|_| ())
    }

    pub fn read_reg(&mut self, addr: u32) -> Result<u32> {
        read_reg(&mut self.conn, addr)
    }

    pub fn write_reg(&mut self, addr: u32, value: u32) -> Result<()> {
        self.simple(
            Command::WriteReg,
            &[addr, value, u32::MAX, 0],
            DEFAULT_TIMEOUT,
        )
    }

    /// Runs one SPI flash command through the SPI1 user-command registers, as every loader
    /// allows, and returns what the flash sent back (up to 32 bits).
    pub fn spi_command(&mut self, opcode: u8, mosi: &[u8], miso_bits: u32) -> Result<u32> {
        let r = self.chip.facts().spi;
        let reg = |off: u32| r.base + off;
        let old_usr = self.read_reg(reg(r.usr))?;
        let old_usr2 = self.read_reg(reg(r.usr2))?;
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
        let result = self.read_reg(reg(r.w0))?;
        self.write_reg(reg(r.usr), old_usr)?;
        self.write_reg(reg(r.usr2), old_usr2)?;
        Ok(result)
    }

    /// JEDEC id as the flash sends it: manufacturer in bits 0-7, capacity in bits 16-23.
    pub fn flash_id(&mut self) -> Result<u32> {
        self.spi_command(0x9F, &[], 24)
    }

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

    /// Attaches the SPI flash, identifies it and tells the loader its size. Returns the size.
    pub fn attach_flash(&mut self) -> Result<u32> {
        if self.is_stub() {
            self.simple(Command::SpiAttach, &[0], DEFAULT_TIMEOUT)?;
        } else {
            self.simple(Command::SpiAttach, &[0, 0], DEFAULT_TIMEOUT)?;
        }
        let id = self.flash_id()?;
        let size = flash_size_from_capacity((id >> 16) as u8).ok_or(LoaderError::Malformed {
            cmd: "flash RDID",
            reason: format!("flash id 0x{id:06X} does not name a known size"),
        })?;
        self.simple(
            Command::SpiSetParams,
            &[0, size, BLOCK_SIZE, SECTOR_SIZE, PAGE_SIZE, 0xFFFF],
            DEFAULT_TIMEOUT,
        )?;
        self.flash_size = Some(size);
        Ok(size)
    }

    pub fn flash_size(&self) -> Option<u32> {
        self.flash_size
    }

    /// Switches both ends to `baud`. The chip answers at the old rate, then changes.
    pub fn change_baud(&mut self, baud: u32) -> Result<()> {
        if baud == self.baud {
            return Ok(());
        }
        let old = if self.is_stub() { self.baud } else { 0 };
        self.simple(Command::ChangeBaudrate, &[baud, old], DEFAULT_TIMEOUT)?;
        self.conn.port().set_baud(baud)?;
        std::thread::sleep(Duration::from_millis(50));
        self.conn.flush_input()?;
        self.baud = baud;
        Ok(())
    }

    /// FLASH_BEGIN or FLASH_DEFL_BEGIN. On the ROM this erases the region before answering.
    pub fn flash_begin(
        &mut self,
        offset: u32,
        size: u32,
        block_size: u32,
        blocks: u32,
        compressed: bool,
    ) -> Result<()> {
        let cmd = if compressed {
            Command::FlashDeflBegin
        } else {
            Command::FlashBegin
        };
        let mut words = vec![size, blocks, block_size, offset];
        if self.chip.facts().begin_has_encrypted_word || self.is_stub() {
            words.push(0);
        }
        let timeout = if self.is_stub() {
            DEFAULT_TIMEOUT
        } else {
            timeout_for(40.0, size as u64)
        };
        self.simple(cmd, &words, timeout)
    }

    /// Ends a write. `reboot` leaves the loader, so it is only sent when asked for.
    pub fn flash_end(&mut self, compressed: bool, reboot: bool) -> Result<()> {
        let cmd = if compressed {
            Command::FlashDeflEnd
        } else {
            Command::FlashEnd
        };
        self.simple(cmd, &[if reboot { 0 } else { 1 }], DEFAULT_TIMEOUT)
    }

    pub fn md5(&mut self, addr: u32, size: u32) -> Result<[u8; 16]> {
        let stub = self.is_stub();
        let len = if stub { 16 } else { 32 };
        let timeout = timeout_for(8.0, size as u64);
        let r = self.command(
            Command::SpiFlashMd5,
            &words_bytes(&[addr, size, 0, 0]),
            len,
            timeout,
        )?;
        let mut out = [0u8; 16];
        if stub {
            out.copy_from_slice(&r.payload);
        } else {
            let text = std::str::from_utf8(&r.payload).unwrap_or("");
            for (i, o) in out.iter_mut().enumerate() {
                *o = text
                    .get(2 * i..2 * i + 2)
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or_else(|| LoaderError::Malformed {
                        cmd: "SPI_FLASH_MD5",
                        reason: "digest is not hex".into(),
                    })?;
            }
        }
        Ok(out)
    }

    /// Up to 64 bytes through the ROM's READ_FLASH_SLOW.
    pub fn read_flash_slow(&mut self, addr: u32, len: u32) -> Result<Vec<u8>> {
        let r = self.command(
            Command::ReadFlashSlow,
            &words_bytes(&[addr, len]),
            64,
            DEFAULT_TIMEOUT,
        )?;
        Ok(r.payload[..len as usize].to_vec())
    }

    /// The stub's streamed READ_FLASH: data frames acknowledged one by one, then an MD5.
    pub fn read_flash_stream(
        &mut self,
        addr: u32,
        len: u32,
        mut progress: impl FnMut(u64),
    ) -> Result<Vec<u8>> {
        const PACKET: u32 = 0x1000;
        let in_flight = self.caps.map_or(64, |c| c.read_window);
        self.command(
            Command::ReadFlash,
            &words_bytes(&[addr, len, PACKET, in_flight]),
            0,
            DEFAULT_TIMEOUT,
        )?;
        let mut data = Vec::with_capacity(len as usize);
        while data.len() < len as usize {
            let frame = self
                .conn
                .read_frame(DEFAULT_TIMEOUT)?
                .ok_or(LoaderError::Timeout {
                    cmd: "READ_FLASH data",
                    timeout: DEFAULT_TIMEOUT,
                })?;
            data.extend(&frame);
            if data.len() > len as usize {
                return Err(LoaderError::Malformed {
                    cmd: "READ_FLASH",
                    reason: "more data than asked for".into(),
                });
            }
            self.conn.send_frame(&(data.len() as u32).to_le_bytes())?;
            progress(data.len() as u64);
        }
        let digest = self
            .conn
            .read_frame(DEFAULT_TIMEOUT)?
            .ok_or(LoaderError::Timeout {
                cmd: "READ_FLASH digest",
                timeout: DEFAULT_TIMEOUT,
            })?;
        use md5::Digest;
        if digest.len() != 16 || digest[..] != md5::Md5::digest(&data)[..] {
            return Err(LoaderError::Malformed {
                cmd: "READ_FLASH",
                reason: "data does not match the digest the chip sent".into(),
            });
        }
        Ok(data)
    }

    pub fn erase_region_stub(&mut self, addr: u32, size: u32) -> Result<()> {
        self.simple(
            Command::EraseRegion,
            &[addr, size],
            timeout_for(40.0, size as u64),
        )
    }

    pub fn erase_flash_stub(&mut self) -> Result<()> {
        self.simple(Command::EraseFlash, &[], Duration::from_secs(120))
    }

    /// Leaves the chip as `after` says and gives the port back.
    pub fn finish(mut self, after: After) -> Result<Box<dyn Transport>> {
        // A port without modem lines (a pty, a bridge) cannot reset the chip; the work is
        // done, so that is worth a warning, not a failure.
        if after == After::HardReset
            && self.conn.port().kind() == PortKind::Serial
            && let Err(e) = reset::hard_reset(self.conn.port())
        {
            eprintln!("warning: could not reset the chip through RTS ({e}); reset it by hand");
        }
        Ok(self.conn.into_port())
    }
}

/// The payload of MEM_DATA, FLASH_DATA and FLASH_DEFL_DATA: the 16-byte header, then
/// the block.
fn data_payload(seq: u32, data: &[u8]) -> Vec<u8> {
    let mut payload = Vec::with_capacity(16 + data.len());
    payload.extend(
        DataHeader {
            data_len: data.len() as u32,
            seq,
        }
        .to_bytes(),
    );
    payload.extend(data);
    payload
}

fn words_bytes(words: &[u32]) -> Vec<u8> {
    let mut v = vec![0u8; 4 * words.len()];
    put_words(&mut v, words);
    v
}

fn read_reg(conn: &mut Connection, addr: u32) -> Result<u32> {
    conn.command(Command::ReadReg, &addr.to_le_bytes(), 0, 0, DEFAULT_TIMEOUT)
        .map(|r| r.value)
}

fn sync_once(conn: &mut Connection) -> Result<bool> {
    let r = conn.command(Command::Sync, &SYNC_PAYLOAD, 0, 0, SYNC_TIMEOUT)?;
    // The loader answers SYNC eight times; the rest are read now so they cannot be taken
    // for the answer to a later command.
    for _ in 1..SYNC_REPLIES {
        if conn.read_frame(SYNC_TIMEOUT)?.is_none() {
            break;
        }
    }
    Ok(r.value == 0)
}

fn sync_with_retries(
    conn: &mut Connection,
    opts: &ConnectOptions,
) -> std::result::Result<(), ConnectError> {
    let strategies = reset::strategies(opts.before, conn.port());
    let mut warned = false;
    for attempt in 0..opts.attempts {
        if !strategies.is_empty() {
            let s = strategies[attempt % strategies.len()];
            if let Err(e) = reset::run(s, conn.port())
                && !warned
            {
                eprintln!(
                    "warning: could not reset the chip through DTR/RTS ({e}); trying to sync anyway"
                );
                warned = true;
            }
        }
        conn.flush_input().map_err(LoaderError::Io)?;
        for _ in 0..5 {
            match sync_once(conn) {
                Ok(stub) => {
                    conn.kind = if stub {
                        LoaderKind::Stub
                    } else {
                        LoaderKind::Rom
                    };
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
        attempts: opts.attempts,
    })
}

fn detect(
    conn: &mut Connection,
) -> std::result::Result<(Chip, Option<SecurityInfo>), ConnectError> {
    let sec = match conn.command(Command::GetSecurityInfo, &[], 0, 20, DEFAULT_TIMEOUT) {
        Ok(r) => Some(parse_security(&r.payload)),
        Err(LoaderError::Malformed { .. }) => conn
            .command(Command::GetSecurityInfo, &[], 0, 12, DEFAULT_TIMEOUT)
            .ok()
            .map(|r| parse_security(&r.payload)),
        Err(LoaderError::Failed {
            status: Status::Rom(RomError::InvalidMessage),
            ..
        }) => None,
        Err(LoaderError::Failed { .. }) => None,
        Err(e) => return Err(e.into()),
    };
    if let Some(chip) = sec.and_then(|s| s.chip_id).and_then(Chip::from_chip_id) {
        return Ok((chip, sec));
    }
    let magic = read_reg(conn, CHIP_DETECT_MAGIC_REG)?;
    Chip::from_magic(magic)
        .map(|c| (c, sec))
        .ok_or_else(|| ConnectError::Unknown(format!("chip-detect word 0x{magic:08X}")))
}

fn parse_security(p: &[u8]) -> SecurityInfo {
    let word = |o: usize| {
        p.get(o..o + 4)
            .map(|b| u32::from_le_bytes(b.try_into().unwrap()))
    };
    let mut key_purposes = [0u8; 7];
    if p.len() >= 12 {
        key_purposes.copy_from_slice(&p[5..12]);
    }
    SecurityInfo {
        flags: word(0).unwrap_or(0),
        flash_crypt_cnt: p.get(4).copied().unwrap_or(0),
        key_purposes,
        chip_id: word(12),
        eco_version: word(16),
    }
}
