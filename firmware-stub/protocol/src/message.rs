//! The argument layout of every request and the body of every answer that has one, each
//! written down once for the host, the stub and the virtual chip.
//!
//! A request knows how to put itself into a packet's data field ([`Request::encode`]), how
//! to read itself back from one ([`Request::parse`]), and how long a loader may take to
//! answer it ([`Request::timeout`]), since that follows from the work the request asks for.
//! Parsing checks the layout only (lengths, fixed fields); whether a loader accepts the
//! values is the loader's business.

use core::time::Duration;

use crate::packet::read_u32;
use crate::status::LoaderKind;

/// Why bytes do not form the message they should.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WireError {
    /// Fewer bytes than the message needs.
    Short { need: usize, got: usize },
    /// More bytes than the message can have.
    Long { max: usize, got: usize },
    /// The length is right but a field holds what the message cannot carry.
    Malformed(&'static str),
}

impl core::fmt::Display for WireError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            WireError::Short { need, got } => write!(f, "{got} bytes, at least {need} needed"),
            WireError::Long { max, got } => write!(f, "{got} bytes, at most {max} allowed"),
            WireError::Malformed(what) => f.write_str(what),
        }
    }
}

/// How long loaders take, as esptool budgets it.
pub mod timeout {
    use core::time::Duration;

    /// Any command that does no flash work in proportion to its arguments.
    pub const DEFAULT: Duration = Duration::from_secs(3);
    /// One SYNC attempt; a loader that is there answers at once.
    pub const SYNC: Duration = Duration::from_millis(100);
    /// ERASE_FLASH, whatever the size of the chip.
    pub const ERASE_FLASH: Duration = Duration::from_secs(120);
    /// Hashing flash (MD5, sector digests).
    pub const HASH_MS_PER_MIB: u64 = 8_000;
    /// Erasing and programming flash.
    pub const ERASE_MS_PER_MIB: u64 = 40_000;

    /// A FLASH_DATA or FLASH_DEFL_DATA block that may put `flash_bytes` into the flash
    /// (a compressed block covers more flash than its own size): the erase and program time
    /// of all of it.
    pub fn flash_data(flash_bytes: u64) -> Duration {
        scaled(ERASE_MS_PER_MIB, flash_bytes)
    }

    /// A budget of `ms_per_mib` for every MiB of `bytes`, never below [`DEFAULT`].
    pub fn scaled(ms_per_mib: u64, bytes: u64) -> Duration {
        let us = ms_per_mib.saturating_mul(1000).saturating_mul(bytes) >> 20;
        let t = Duration::from_micros(us);
        if t > DEFAULT { t } else { DEFAULT }
    }
}

/// A request's data field.
pub trait Request: Sized {
    /// The longest data field this request encodes to.
    const MAX_LEN: usize;

    /// Writes the data field into `out` (at least [`Self::MAX_LEN`] bytes) and returns its
    /// length.
    fn encode(&self, out: &mut [u8]) -> usize;

    /// Reads the request from a packet's data field.
    fn parse(data: &[u8]) -> Result<Self, WireError>;

    /// How long `loader` may take to answer.
    fn timeout(&self, _loader: LoaderKind) -> Duration {
        timeout::DEFAULT
    }

    /// The flash range (`addr`, `len`) the request is about, which a v2 answer repeats so
    /// the host can tell it answers this request; (0, 0) when it names none.
    fn range(&self) -> (u32, u32) {
        (0, 0)
    }
}

/// Exactly `N` little-endian words.
pub(crate) fn exact<const N: usize>(p: &[u8]) -> Result<[u32; N], WireError> {
    let need = 4 * N;
    if p.len() < need {
        return Err(WireError::Short { need, got: p.len() });
    }
    if p.len() > need {
        return Err(WireError::Long {
            max: need,
            got: p.len(),
        });
    }
    let mut w = [0u32; N];
    for (i, v) in w.iter_mut().enumerate() {
        *v = read_u32(p, 4 * i);
    }
    Ok(w)
}

/// Writes words little-endian and returns the byte count.
pub(crate) fn put(out: &mut [u8], words: &[u32]) -> usize {
    crate::packet::put_words(out, words)
}

/// A request with no data field.
pub(crate) fn empty(p: &[u8]) -> Result<(), WireError> {
    if p.is_empty() {
        Ok(())
    } else {
        Err(WireError::Long {
            max: 0,
            got: p.len(),
        })
    }
}

/// FLASH_BEGIN and FLASH_DEFL_BEGIN (0x02, 0x10).
///
/// `encrypted` is the fifth word that the stubs and the ROMs after the ESP32 take (asking
/// the chip to encrypt what it writes); the ESP32 ROM takes the 16-byte form only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FlashBegin {
    /// Bytes to write (the ROM erases this much up front; the stub writes exactly this).
    pub size: u32,
    pub blocks: u32,
    pub block_size: u32,
    pub offset: u32,
    pub encrypted: Option<u32>,
}

impl Request for FlashBegin {
    const MAX_LEN: usize = 20;

    fn encode(&self, out: &mut [u8]) -> usize {
        let n = put(out, &[self.size, self.blocks, self.block_size, self.offset]);
        match self.encrypted {
            Some(e) => n + put(&mut out[n..], &[e]),
            None => n,
        }
    }

    fn parse(p: &[u8]) -> Result<Self, WireError> {
        let (head, encrypted) = match p.len() {
            16 => (p, None),
            20 => (&p[..16], Some(read_u32(p, 16))),
            n if n < 16 => return Err(WireError::Short { need: 16, got: n }),
            n if n > 20 => return Err(WireError::Long { max: 20, got: n }),
            _ => return Err(WireError::Malformed("neither the 16- nor the 20-byte form")),
        };
        let [size, blocks, block_size, offset] = exact(head)?;
        Ok(FlashBegin {
            size,
            blocks,
            block_size,
            offset,
            encrypted,
        })
    }

    /// The ROM erases the whole region before it answers; a stub erases as it writes.
    fn timeout(&self, loader: LoaderKind) -> Duration {
        match loader {
            LoaderKind::Rom => timeout::scaled(timeout::ERASE_MS_PER_MIB, self.size as u64),
            LoaderKind::Stub => timeout::DEFAULT,
        }
    }

    fn range(&self) -> (u32, u32) {
        (self.offset, self.size)
    }
}

/// FLASH_END and FLASH_DEFL_END (0x04, 0x12).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FlashEnd {
    /// Leave the loader and boot (wire flag 0) instead of staying in it (flag 1).
    pub reboot: bool,
}

impl Request for FlashEnd {
    const MAX_LEN: usize = 4;

    fn encode(&self, out: &mut [u8]) -> usize {
        put(out, &[if self.reboot { 0 } else { 1 }])
    }

    fn parse(p: &[u8]) -> Result<Self, WireError> {
        let [flag] = exact(p)?;
        Ok(FlashEnd { reboot: flag == 0 })
    }
}

/// MEM_BEGIN (0x05): where the next RAM upload goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MemBegin {
    pub size: u32,
    pub blocks: u32,
    pub block_size: u32,
    pub addr: u32,
}

impl Request for MemBegin {
    const MAX_LEN: usize = 16;

    fn encode(&self, out: &mut [u8]) -> usize {
        put(out, &[self.size, self.blocks, self.block_size, self.addr])
    }

    fn parse(p: &[u8]) -> Result<Self, WireError> {
        let [size, blocks, block_size, addr] = exact(p)?;
        Ok(MemBegin {
            size,
            blocks,
            block_size,
            addr,
        })
    }
}

/// MEM_END (0x06).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MemEnd {
    /// Jump to `entry` (wire flag 0) instead of staying in the loader (flag 1).
    pub jump: bool,
    pub entry: u32,
}

impl Request for MemEnd {
    const MAX_LEN: usize = 8;

    fn encode(&self, out: &mut [u8]) -> usize {
        put(out, &[if self.jump { 0 } else { 1 }, self.entry])
    }

    fn parse(p: &[u8]) -> Result<Self, WireError> {
        let [flag, entry] = exact(p)?;
        Ok(MemEnd {
            jump: flag == 0,
            entry,
        })
    }
    /// A jump is answered by the program jumped to: an uploaded stub greets within this.
    fn timeout(&self, _loader: LoaderKind) -> Duration {
        timeout::DEFAULT
    }
}

/// SYNC (0x08): the fixed 36-byte pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyncRequest;

impl Request for SyncRequest {
    const MAX_LEN: usize = crate::command::SYNC_PAYLOAD.len();

    fn encode(&self, out: &mut [u8]) -> usize {
        out[..Self::MAX_LEN].copy_from_slice(&crate::command::SYNC_PAYLOAD);
        Self::MAX_LEN
    }

    fn parse(p: &[u8]) -> Result<Self, WireError> {
        match p.len() {
            n if n < Self::MAX_LEN => Err(WireError::Short {
                need: Self::MAX_LEN,
                got: n,
            }),
            n if n > Self::MAX_LEN => Err(WireError::Long {
                max: Self::MAX_LEN,
                got: n,
            }),
            _ if p != crate::command::SYNC_PAYLOAD => {
                Err(WireError::Malformed("not the SYNC pattern"))
            }
            _ => Ok(SyncRequest),
        }
    }

    fn timeout(&self, _loader: LoaderKind) -> Duration {
        timeout::SYNC
    }
}

/// One WRITE_REG (0x09) entry. A request may carry several; see [`WriteRegs`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WriteReg {
    pub addr: u32,
    pub value: u32,
    /// Bits of `value` to write; the others keep their old value.
    pub mask: u32,
    /// Wait this long before writing.
    pub delay_us: u32,
}

impl WriteReg {
    pub const LEN: usize = 16;
}

impl Request for WriteReg {
    const MAX_LEN: usize = Self::LEN;

    fn encode(&self, out: &mut [u8]) -> usize {
        put(out, &[self.addr, self.value, self.mask, self.delay_us])
    }

    fn parse(p: &[u8]) -> Result<Self, WireError> {
        let [addr, value, mask, delay_us] = exact(p)?;
        Ok(WriteReg {
            addr,
            value,
            mask,
            delay_us,
        })
    }
}

/// The entries of one WRITE_REG request, in order.
#[derive(Clone, Debug)]
pub struct WriteRegs<'a> {
    rest: &'a [u8],
}

impl<'a> WriteRegs<'a> {
    /// Checks that `p` is one or more whole entries.
    pub fn parse(p: &'a [u8]) -> Result<WriteRegs<'a>, WireError> {
        if p.len() < WriteReg::LEN {
            return Err(WireError::Short {
                need: WriteReg::LEN,
                got: p.len(),
            });
        }
        if !p.len().is_multiple_of(WriteReg::LEN) {
            return Err(WireError::Malformed(
                "not a whole number of 16-byte entries",
            ));
        }
        Ok(WriteRegs { rest: p })
    }
}

impl Iterator for WriteRegs<'_> {
    type Item = WriteReg;

    fn next(&mut self) -> Option<WriteReg> {
        let (entry, rest) = self.rest.split_at_checked(WriteReg::LEN)?;
        self.rest = rest;
        WriteReg::parse(entry).ok()
    }
}

/// READ_REG (0x0A); the answer's `value` is the register.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadReg {
    pub addr: u32,
}

impl Request for ReadReg {
    const MAX_LEN: usize = 4;

    fn encode(&self, out: &mut [u8]) -> usize {
        put(out, &[self.addr])
    }

    fn parse(p: &[u8]) -> Result<Self, WireError> {
        let [addr] = exact(p)?;
        Ok(ReadReg { addr })
    }
}

/// SPI_SET_PARAMS (0x0B): the flash geometry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpiSetParams {
    pub id: u32,
    pub total_size: u32,
    pub block_size: u32,
    pub sector_size: u32,
    pub page_size: u32,
    pub status_mask: u32,
}

impl SpiSetParams {
    /// What esptool sends for a flash of `total_size` bytes.
    pub fn for_size(total_size: u32) -> SpiSetParams {
        use crate::geometry::{BLOCK_SIZE, PAGE_SIZE, SECTOR_SIZE};
        SpiSetParams {
            id: 0,
            total_size,
            block_size: BLOCK_SIZE,
            sector_size: SECTOR_SIZE,
            page_size: PAGE_SIZE,
            status_mask: 0xFFFF,
        }
    }
}

impl Request for SpiSetParams {
    const MAX_LEN: usize = 24;

    fn encode(&self, out: &mut [u8]) -> usize {
        put(
            out,
            &[
                self.id,
                self.total_size,
                self.block_size,
                self.sector_size,
                self.page_size,
                self.status_mask,
            ],
        )
    }

    fn parse(p: &[u8]) -> Result<Self, WireError> {
        let [
            id,
            total_size,
            block_size,
            sector_size,
            page_size,
            status_mask,
        ] = exact(p)?;
        Ok(SpiSetParams {
            id,
            total_size,
            block_size,
            sector_size,
            page_size,
            status_mask,
        })
    }
}

/// SPI_ATTACH (0x0D).
///
/// The ROMs of the ESP32 family take `cfg` and a byte `is_legacy` padded to a word (8
/// bytes); the stubs take `cfg` alone (4 bytes) and refuse the longer form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpiAttach {
    /// 0: the default pins; 1: HSPI (ESP32); otherwise packed 6-bit GPIO numbers.
    pub config: u32,
    /// The ROM form's `is_legacy` byte; `None` for the stub form.
    pub legacy: Option<u8>,
}

impl Request for SpiAttach {
    const MAX_LEN: usize = 8;

    fn encode(&self, out: &mut [u8]) -> usize {
        let n = put(out, &[self.config]);
        match self.legacy {
            Some(l) => n + put(&mut out[n..], &[l as u32]),
            None => n,
        }
    }

    fn parse(p: &[u8]) -> Result<Self, WireError> {
        match p.len() {
            4 => Ok(SpiAttach {
                config: read_u32(p, 0),
                legacy: None,
            }),
            8 => Ok(SpiAttach {
                config: read_u32(p, 0),
                legacy: Some(p[4]),
            }),
            n if n < 4 => Err(WireError::Short { need: 4, got: n }),
            n if n > 8 => Err(WireError::Long { max: 8, got: n }),
            _ => Err(WireError::Malformed("neither the 4- nor the 8-byte form")),
        }
    }
}

/// READ_FLASH_SLOW (0x0E, ROM only): up to 64 bytes, answered as a 64-byte body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadFlashSlow {
    pub addr: u32,
    pub len: u32,
}

impl ReadFlashSlow {
    /// The answer body is always this long; the bytes past `len` mean nothing.
    pub const ANSWER_LEN: usize = 64;

    /// The bytes asked for, out of an answer body.
    pub fn answer<'a>(&self, body: &'a [u8]) -> Result<&'a [u8], WireError> {
        if self.len as usize > Self::ANSWER_LEN {
            return Err(WireError::Malformed("more than 64 bytes asked for"));
        }
        match body.len() {
            n if n < Self::ANSWER_LEN => Err(WireError::Short {
                need: Self::ANSWER_LEN,
                got: n,
            }),
            n if n > Self::ANSWER_LEN => Err(WireError::Long {
                max: Self::ANSWER_LEN,
                got: n,
            }),
            _ => Ok(&body[..self.len as usize]),
        }
    }
}

impl Request for ReadFlashSlow {
    const MAX_LEN: usize = 8;

    fn encode(&self, out: &mut [u8]) -> usize {
        put(out, &[self.addr, self.len])
    }

    fn parse(p: &[u8]) -> Result<Self, WireError> {
        let [addr, len] = exact(p)?;
        Ok(ReadFlashSlow { addr, len })
    }
}

/// CHANGE_BAUDRATE (0x0F). The loader answers at the old rate, then switches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChangeBaudrate {
    pub new: u32,
    /// The current rate for a stub; 0 for the ROM.
    pub old: u32,
}

impl Request for ChangeBaudrate {
    const MAX_LEN: usize = 8;

    fn encode(&self, out: &mut [u8]) -> usize {
        put(out, &[self.new, self.old])
    }

    fn parse(p: &[u8]) -> Result<Self, WireError> {
        let [new, old] = exact(p)?;
        Ok(ChangeBaudrate { new, old })
    }
}

/// SPI_FLASH_MD5 (0x13): `addr, size, 0, 0`; answered with an [`Md5Digest`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpiFlashMd5 {
    pub addr: u32,
    pub size: u32,
}

impl Request for SpiFlashMd5 {
    const MAX_LEN: usize = 16;

    fn encode(&self, out: &mut [u8]) -> usize {
        put(out, &[self.addr, self.size, 0, 0])
    }

    /// The two trailing words are unused; loaders ignore them, and so does this.
    fn parse(p: &[u8]) -> Result<Self, WireError> {
        let [addr, size, _, _] = exact(p)?;
        Ok(SpiFlashMd5 { addr, size })
    }

    fn timeout(&self, _loader: LoaderKind) -> Duration {
        timeout::scaled(timeout::HASH_MS_PER_MIB, self.size as u64)
    }

    fn range(&self) -> (u32, u32) {
        (self.addr, self.size)
    }
}

/// Requests without a data field.
macro_rules! empty_request {
    ($(#[$doc:meta])* $name:ident, $timeout:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct $name;

        impl Request for $name {
            const MAX_LEN: usize = 0;

            fn encode(&self, _out: &mut [u8]) -> usize {
                0
            }

            fn parse(p: &[u8]) -> Result<Self, WireError> {
                empty(p).map(|_| $name)
            }

            fn timeout(&self, _loader: LoaderKind) -> Duration {
                $timeout
            }
        }
    };
}

empty_request!(
    /// GET_SECURITY_INFO (0x14); answered with a [`SecurityInfo`].
    GetSecurityInfo,
    timeout::DEFAULT
);
empty_request!(
    /// ERASE_FLASH (0xD0, stub only).
    EraseFlash,
    timeout::ERASE_FLASH
);
empty_request!(
    /// RUN_USER_CODE (0xD3, stub only); never answered.
    RunUserCode,
    timeout::DEFAULT
);

/// ERASE_REGION (0xD1, stub only); both values sector multiples.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EraseRegion {
    pub addr: u32,
    pub size: u32,
}

impl Request for EraseRegion {
    const MAX_LEN: usize = 8;

    fn encode(&self, out: &mut [u8]) -> usize {
        put(out, &[self.addr, self.size])
    }

    fn parse(p: &[u8]) -> Result<Self, WireError> {
        let [addr, size] = exact(p)?;
        Ok(EraseRegion { addr, size })
    }

    fn timeout(&self, _loader: LoaderKind) -> Duration {
        timeout::scaled(timeout::ERASE_MS_PER_MIB, self.size as u64)
    }

    fn range(&self) -> (u32, u32) {
        (self.addr, self.size)
    }
}

/// READ_FLASH (0xD2, stub only): starts a stream of `packet_size` data frames, each
/// acknowledged with a [`ReadFlashAck`], ending with the raw 16-byte MD5 of the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadFlash {
    pub addr: u32,
    pub len: u32,
    pub packet_size: u32,
    /// Data frames the stub may send ahead of the acknowledgements.
    pub max_in_flight: u32,
}

impl Request for ReadFlash {
    const MAX_LEN: usize = 16;

    fn encode(&self, out: &mut [u8]) -> usize {
        put(
            out,
            &[self.addr, self.len, self.packet_size, self.max_in_flight],
        )
    }

    fn parse(p: &[u8]) -> Result<Self, WireError> {
        let [addr, len, packet_size, max_in_flight] = exact(p)?;
        Ok(ReadFlash {
            addr,
            len,
            packet_size,
            max_in_flight,
        })
    }

    fn range(&self) -> (u32, u32) {
        (self.addr, self.len)
    }
}

/// What the host sends after each READ_FLASH data frame: the bytes received so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadFlashAck {
    pub received: u32,
}

impl ReadFlashAck {
    pub const LEN: usize = 4;

    pub fn to_bytes(self) -> [u8; Self::LEN] {
        self.received.to_le_bytes()
    }

    pub fn parse(frame: &[u8]) -> Result<Self, WireError> {
        let [received] = exact(frame)?;
        Ok(ReadFlashAck { received })
    }
}

/// What GET_SECURITY_INFO answers: 20 bytes on the ROMs and stubs of the S3 and later
/// chips, 12 on the ESP32-S2 (no chip id, no ECO version).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SecurityInfo {
    pub flags: u32,
    /// SPI_BOOT_CRYPT_CNT (FLASH_CRYPT_CNT on the ESP32).
    pub flash_crypt_cnt: u8,
    /// KEY_PURPOSE_0.. of the key blocks; chips with fewer keys leave the rest 0.
    pub key_purposes: [u8; 7],
    pub chip_id: Option<u32>,
    pub eco_version: Option<u32>,
}

impl SecurityInfo {
    pub const LEN: usize = 20;
    /// The ESP32-S2 form.
    pub const SHORT_LEN: usize = 12;

    pub const SECURE_BOOT_EN: u32 = 1 << 0;
    pub const SECURE_BOOT_AGGRESSIVE_REVOKE: u32 = 1 << 1;
    pub const SECURE_DOWNLOAD_ENABLE: u32 = 1 << 2;
    pub const SECURE_BOOT_KEY_REVOKE0: u32 = 1 << 3;
    pub const SECURE_BOOT_KEY_REVOKE1: u32 = 1 << 4;
    pub const SECURE_BOOT_KEY_REVOKE2: u32 = 1 << 5;
    pub const SOFT_DIS_JTAG: u32 = 1 << 6;
    pub const HARD_DIS_JTAG: u32 = 1 << 7;
    pub const DIS_USB: u32 = 1 << 8;
    pub const DIS_DOWNLOAD_DCACHE: u32 = 1 << 9;
    pub const DIS_DOWNLOAD_ICACHE: u32 = 1 << 10;

    pub fn secure_boot(&self) -> bool {
        self.flags & Self::SECURE_BOOT_EN != 0
    }

    pub fn secure_download(&self) -> bool {
        self.flags & Self::SECURE_DOWNLOAD_ENABLE != 0
    }

    /// Flash encryption is on while the counter has an odd number of bits set.
    pub fn flash_encryption(&self) -> bool {
        self.flash_crypt_cnt.count_ones() % 2 == 1
    }

    /// The 20-byte form, or the 12-byte one when there is no chip id. Returns the length.
    pub fn encode(&self, out: &mut [u8]) -> usize {
        put(out, &[self.flags]);
        out[4] = self.flash_crypt_cnt;
        out[5..12].copy_from_slice(&self.key_purposes);
        match self.chip_id {
            Some(id) => 12 + put(&mut out[12..], &[id, self.eco_version.unwrap_or(0)]),
            None => Self::SHORT_LEN,
        }
    }

    /// The 20-byte form, as the chips that have a chip id send it.
    pub fn to_bytes(&self) -> [u8; Self::LEN] {
        let mut b = [0u8; Self::LEN];
        SecurityInfo {
            chip_id: Some(self.chip_id.unwrap_or(0)),
            ..*self
        }
        .encode(&mut b);
        b
    }

    pub fn parse(p: &[u8]) -> Result<Self, WireError> {
        let (chip_id, eco_version) = match p.len() {
            Self::LEN => (Some(read_u32(p, 12)), Some(read_u32(p, 16))),
            Self::SHORT_LEN => (None, None),
            n if n < Self::SHORT_LEN => {
                return Err(WireError::Short {
                    need: Self::SHORT_LEN,
                    got: n,
                });
            }
            n if n < Self::LEN => {
                return Err(WireError::Short {
                    need: Self::LEN,
                    got: n,
                });
            }
            n => {
                return Err(WireError::Long {
                    max: Self::LEN,
                    got: n,
                });
            }
        };
        let mut key_purposes = [0u8; 7];
        key_purposes.copy_from_slice(&p[5..12]);
        Ok(SecurityInfo {
            flags: read_u32(p, 0),
            flash_crypt_cnt: p[4],
            key_purposes,
            chip_id,
            eco_version,
        })
    }
}

/// The SPI_FLASH_MD5 answer. The ROM sends the digest as 32 lowercase hex characters, a
/// stub as 16 raw bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Md5Digest(pub [u8; 16]);

impl Md5Digest {
    /// Length of the answer body from `loader`.
    pub fn answer_len(loader: LoaderKind) -> usize {
        match loader {
            LoaderKind::Rom => 32,
            LoaderKind::Stub => 16,
        }
    }

    pub fn encode(&self, loader: LoaderKind, out: &mut [u8]) -> usize {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        match loader {
            LoaderKind::Rom => {
                for (i, b) in self.0.iter().enumerate() {
                    out[2 * i] = HEX[(b >> 4) as usize];
                    out[2 * i + 1] = HEX[(b & 0xF) as usize];
                }
                32
            }
            LoaderKind::Stub => {
                out[..16].copy_from_slice(&self.0);
                16
            }
        }
    }

    pub fn parse(loader: LoaderKind, p: &[u8]) -> Result<Self, WireError> {
        let need = Self::answer_len(loader);
        if p.len() < need {
            return Err(WireError::Short { need, got: p.len() });
        }
        if p.len() > need {
            return Err(WireError::Long {
                max: need,
                got: p.len(),
            });
        }
        let mut d = [0u8; 16];
        match loader {
            LoaderKind::Stub => d.copy_from_slice(p),
            LoaderKind::Rom => {
                for (o, pair) in d.iter_mut().zip(p.chunks_exact(2)) {
                    *o = (hex_digit(pair[0])? << 4) | hex_digit(pair[1])?;
                }
            }
        }
        Ok(Md5Digest(d))
    }
}

fn hex_digit(c: u8) -> Result<u8, WireError> {
    match c {
        b'0'..=b'9' => Ok(c - b'0'),
        b'a'..=b'f' => Ok(c - b'a' + 10),
        b'A'..=b'F' => Ok(c - b'A' + 10),
        _ => Err(WireError::Malformed("digest is not hex")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    extern crate std;
    use std::vec::Vec;

    const KINDS: [LoaderKind; 2] = [LoaderKind::Rom, LoaderKind::Stub];

    /// Encodes, parses back, and checks that every shorter prefix is refused unless it is
    /// one of `valid_prefixes` (the short forms some messages have).
    fn round_trip<R: Request + PartialEq + core::fmt::Debug>(r: R, valid_prefixes: &[usize]) {
        let mut buf = [0u8; 64];
        let n = r.encode(&mut buf);
        assert!(n <= R::MAX_LEN);
        assert_eq!(R::parse(&buf[..n]), Ok(r));
        for cut in 0..n {
            if !valid_prefixes.contains(&cut) {
                assert!(
                    R::parse(&buf[..cut]).is_err(),
                    "prefix of {cut} bytes parsed"
                );
            }
        }
        let mut long = Vec::from(&buf[..n]);
        long.push(0);
        if !valid_prefixes.contains(&(n + 1)) {
            assert!(R::parse(&long).is_err());
        }
    }

    proptest! {
        #[test]
        fn flash_begin(size: u32, blocks: u32, block_size: u32, offset: u32, encrypted: Option<u32>) {
            let r = FlashBegin { size, blocks, block_size, offset, encrypted };
            round_trip(r, if encrypted.is_some() { &[16] } else { &[] });
        }

        #[test]
        fn flash_end(reboot: bool) {
            round_trip(FlashEnd { reboot }, &[]);
        }

        #[test]
        fn mem_begin(size: u32, blocks: u32, block_size: u32, addr: u32) {
            round_trip(MemBegin { size, blocks, block_size, addr }, &[]);
        }

        #[test]
        fn mem_end(jump: bool, entry: u32) {
            round_trip(MemEnd { jump, entry }, &[]);
        }

        #[test]
        fn write_reg(addr: u32, value: u32, mask: u32, delay_us: u32) {
            round_trip(WriteReg { addr, value, mask, delay_us }, &[]);
        }

        #[test]
        fn write_regs(entries in proptest::collection::vec(any::<(u32, u32, u32, u32)>(), 1..5)) {
            let regs: Vec<WriteReg> = entries
                .iter()
                .map(|&(addr, value, mask, delay_us)| WriteReg { addr, value, mask, delay_us })
                .collect();
            let mut buf = Vec::new();
            for r in &regs {
                let mut b = [0u8; 16];
                r.encode(&mut b);
                buf.extend_from_slice(&b);
            }
            let back: Vec<WriteReg> = WriteRegs::parse(&buf).unwrap().collect();
            prop_assert_eq!(back, regs);
            for cut in 0..buf.len() {
                if cut % 16 != 0 || cut == 0 {
                    prop_assert!(WriteRegs::parse(&buf[..cut]).is_err());
                }
            }
        }

        #[test]
        fn read_reg(addr: u32) {
            round_trip(ReadReg { addr }, &[]);
        }

        #[test]
        fn spi_set_params(w: [u32; 6]) {
            let r = SpiSetParams {
                id: w[0], total_size: w[1], block_size: w[2],
                sector_size: w[3], page_size: w[4], status_mask: w[5],
            };
            round_trip(r, &[]);
        }

        #[test]
        fn spi_attach(config: u32, legacy: Option<u8>) {
            round_trip(SpiAttach { config, legacy }, if legacy.is_some() { &[4] } else { &[] });
        }

        #[test]
        fn read_flash_slow(addr: u32, len in 0u32..=64, body: [u8; 32]) {
            let r = ReadFlashSlow { addr, len };
            round_trip(r, &[]);
            let mut full = [0u8; 64];
            full[..32].copy_from_slice(&body);
            prop_assert_eq!(r.answer(&full).unwrap(), &full[..len as usize]);
            prop_assert!(r.answer(&full[..63]).is_err());
            prop_assert!(r.answer(&[0; 65]).is_err());
        }

        #[test]
        fn change_baudrate(new: u32, old: u32) {
            round_trip(ChangeBaudrate { new, old }, &[]);
        }

        #[test]
        fn spi_flash_md5(addr: u32, size: u32) {
            round_trip(SpiFlashMd5 { addr, size }, &[]);
        }

        #[test]
        fn erase_region(addr: u32, size: u32) {
            round_trip(EraseRegion { addr, size }, &[]);
        }

        #[test]
        fn read_flash(addr: u32, len: u32, packet_size: u32, max_in_flight: u32) {
            round_trip(ReadFlash { addr, len, packet_size, max_in_flight }, &[]);
        }

        #[test]
        fn read_flash_ack(received: u32) {
            let a = ReadFlashAck { received };
            prop_assert_eq!(ReadFlashAck::parse(&a.to_bytes()), Ok(a));
            for cut in 0..4 {
                prop_assert!(ReadFlashAck::parse(&a.to_bytes()[..cut]).is_err());
            }
        }

        #[test]
        fn security_info(
            flags: u32,
            flash_crypt_cnt: u8,
            key_purposes: [u8; 7],
            ids: Option<(u32, u32)>,
        ) {
            let s = SecurityInfo {
                flags,
                flash_crypt_cnt,
                key_purposes,
                chip_id: ids.map(|i| i.0),
                eco_version: ids.map(|i| i.1),
            };
            let mut buf = [0u8; 24];
            let n = s.encode(&mut buf);
            prop_assert_eq!(n, if ids.is_some() { 20 } else { 12 });
            prop_assert_eq!(SecurityInfo::parse(&buf[..n]), Ok(s));
            for cut in 0..n {
                if cut != 12 {
                    prop_assert!(SecurityInfo::parse(&buf[..cut]).is_err());
                }
            }
            prop_assert!(SecurityInfo::parse(&buf[..n + 1]).is_err());
            if ids.is_some() {
                prop_assert_eq!(SecurityInfo::parse(&s.to_bytes()), Ok(s));
            }
        }

        #[test]
        fn md5_digest(d: [u8; 16]) {
            for kind in KINDS {
                let mut buf = [0u8; 33];
                let n = Md5Digest(d).encode(kind, &mut buf);
                prop_assert_eq!(n, Md5Digest::answer_len(kind));
                prop_assert_eq!(Md5Digest::parse(kind, &buf[..n]), Ok(Md5Digest(d)));
                for cut in 0..n {
                    prop_assert!(Md5Digest::parse(kind, &buf[..cut]).is_err());
                }
                prop_assert!(Md5Digest::parse(kind, &buf[..n + 1]).is_err());
            }
        }

        /// No message panics on whatever arrives.
        #[test]
        fn parsers_never_panic(p in proptest::collection::vec(any::<u8>(), 0..48)) {
            let _ = FlashBegin::parse(&p);
            let _ = FlashEnd::parse(&p);
            let _ = MemBegin::parse(&p);
            let _ = MemEnd::parse(&p);
            let _ = SyncRequest::parse(&p);
            let _ = WriteRegs::parse(&p).map(|w| w.count());
            let _ = ReadReg::parse(&p);
            let _ = SpiSetParams::parse(&p);
            let _ = SpiAttach::parse(&p);
            let _ = ReadFlashSlow::parse(&p);
            let _ = ReadFlashSlow { addr: 0, len: 64 }.answer(&p);
            let _ = ChangeBaudrate::parse(&p);
            let _ = SpiFlashMd5::parse(&p);
            let _ = EraseRegion::parse(&p);
            let _ = ReadFlash::parse(&p);
            let _ = ReadFlashAck::parse(&p);
            let _ = GetSecurityInfo::parse(&p);
            let _ = EraseFlash::parse(&p);
            let _ = SecurityInfo::parse(&p);
            for kind in KINDS {
                let _ = Md5Digest::parse(kind, &p);
            }
        }
    }

    #[test]
    fn empty_requests() {
        round_trip(GetSecurityInfo, &[]);
        round_trip(EraseFlash, &[]);
        round_trip(RunUserCode, &[]);
        round_trip(SyncRequest, &[]);
        let mut bad = crate::command::SYNC_PAYLOAD;
        bad[35] = 0;
        assert_eq!(
            SyncRequest::parse(&bad),
            Err(WireError::Malformed("not the SYNC pattern"))
        );
    }

    #[test]
    fn flash_begin_wire_forms() {
        let r = FlashBegin {
            size: 0x1000,
            blocks: 1,
            block_size: 0x400,
            offset: 0x10000,
            encrypted: None,
        };
        let mut b = [0u8; 20];
        assert_eq!(r.encode(&mut b), 16);
        assert_eq!(&b[12..16], &0x10000u32.to_le_bytes());
        assert!(matches!(
            FlashBegin::parse(&b[..18]),
            Err(WireError::Malformed(_))
        ));
        let e = FlashBegin {
            encrypted: Some(1),
            ..r
        };
        assert_eq!(e.encode(&mut b), 20);
        assert_eq!(&b[16..], &1u32.to_le_bytes());
    }

    #[test]
    fn spi_attach_rom_form_pads_the_legacy_byte() {
        let mut b = [0xAAu8; 8];
        let n = SpiAttach {
            config: 0,
            legacy: Some(0),
        }
        .encode(&mut b);
        assert_eq!(&b[..n], &[0; 8]);
    }

    #[test]
    fn security_info_layout() {
        // The 20-byte form esptool unpacks as "<IBBBBBBBBII".
        let mut p = [0u8; 20];
        p[0] = 0b101;
        p[4] = 0b011;
        p[5..12].copy_from_slice(&[1, 2, 3, 4, 5, 6, 7]);
        p[12] = 5;
        p[16] = 4;
        let s = SecurityInfo::parse(&p).unwrap();
        assert!(s.secure_boot() && s.secure_download() && !s.flash_encryption());
        assert_eq!(s.key_purposes, [1, 2, 3, 4, 5, 6, 7]);
        assert_eq!((s.chip_id, s.eco_version), (Some(5), Some(4)));
        let short = SecurityInfo::parse(&p[..12]).unwrap();
        assert_eq!((short.chip_id, short.eco_version), (None, None));
        assert_eq!(short.key_purposes, s.key_purposes);
        assert!(
            SecurityInfo {
                flash_crypt_cnt: 0b111,
                ..s
            }
            .flash_encryption()
        );
    }

    #[test]
    fn md5_rom_form_is_lowercase_hex() {
        let mut b = [0u8; 32];
        let mut d = [0u8; 16];
        d[0] = 0xAB;
        d[15] = 0x09;
        Md5Digest(d).encode(LoaderKind::Rom, &mut b);
        assert_eq!(&b[..2], b"ab");
        assert_eq!(&b[30..], b"09");
        b[0] = b'A';
        assert_eq!(Md5Digest::parse(LoaderKind::Rom, &b), Ok(Md5Digest(d)));
        b[0] = b'g';
        assert!(Md5Digest::parse(LoaderKind::Rom, &b).is_err());
    }

    #[test]
    fn timeouts_follow_the_work() {
        const MIB: u32 = 1 << 20;
        let md5 = SpiFlashMd5 {
            addr: 0,
            size: 4 * MIB,
        };
        assert_eq!(md5.timeout(LoaderKind::Stub), Duration::from_secs(32));
        let small = SpiFlashMd5 { addr: 0, size: 16 };
        assert_eq!(small.timeout(LoaderKind::Rom), timeout::DEFAULT);
        let erase = EraseRegion {
            addr: 0,
            size: 2 * MIB,
        };
        assert_eq!(erase.timeout(LoaderKind::Stub), Duration::from_secs(80));
        let begin = FlashBegin {
            size: MIB,
            blocks: 1024,
            block_size: 0x400,
            offset: 0,
            encrypted: Some(0),
        };
        assert_eq!(begin.timeout(LoaderKind::Rom), Duration::from_secs(40));
        assert_eq!(begin.timeout(LoaderKind::Stub), timeout::DEFAULT);
        assert_eq!(EraseFlash.timeout(LoaderKind::Stub), timeout::ERASE_FLASH);
        assert_eq!(SyncRequest.timeout(LoaderKind::Rom), timeout::SYNC);
        assert_eq!(
            timeout::scaled(timeout::ERASE_MS_PER_MIB, u64::MAX),
            Duration::from_micros(u64::MAX >> 20)
        );
    }
}
