//! SPI NOR flash model: erase sets bytes to 0xFF, programming can only clear bits, pages wrap,
//! erases come in sectors/blocks/chip, WEL gates every modification and WIP shows a busy part.
//!
//! The contents are backed by a file, written through on every change, so the file always
//! shows exactly what the flash holds.

use std::fs::File;
use std::io;
use std::os::unix::fs::FileExt;
use std::path::Path;

use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};

/// Sector size in bytes: the smallest erase (20h).
pub const SECTOR: u32 = 0x1000;
/// 32 KiB block erase size in bytes (52h).
pub const BLOCK32: u32 = 0x8000;
/// 64 KiB block erase size in bytes (D8h).
pub const BLOCK64: u32 = 0x10000;
/// Page size in bytes: a page program never leaves its page.
pub const PAGE: u32 = 0x100;

/// Status register 1, write in progress: a program or erase is still running.
pub const SR_WIP: u8 = 0x01;
/// Status register 1, write enable latch: set by write enable (06h), cleared by every program, erase or
/// status write.
pub const SR_WEL: u8 = 0x02;

/// Datasheet-style operation times, in nanoseconds of virtual time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timing {
    /// One page program, whatever its length.
    pub page_program_ns: u64,
    /// One 4 KiB sector erase.
    pub sector_erase_ns: u64,
    /// One 32 KiB block erase.
    pub block32_erase_ns: u64,
    /// One 64 KiB block erase.
    pub block64_erase_ns: u64,
    /// Chip erase time per 4 MiB.
    pub chip_erase_per_4mib_ns: u64,
    /// Reading, per byte (SPI clock and mode folded into one figure).
    pub read_per_byte_ns: u64,
}

impl Timing {
    /// Typical figures of a 4 MiB SPI NOR part (W25Q32 class).
    pub const DATASHEET: Timing = Timing {
        page_program_ns: 700_000,
        sector_erase_ns: 45_000_000,
        block32_erase_ns: 120_000_000,
        block64_erase_ns: 150_000_000,
        chip_erase_per_4mib_ns: 20_000_000_000,
        read_per_byte_ns: 100,
    };
    /// Everything completes at once.
    pub const INSTANT: Timing = Timing {
        page_program_ns: 0,
        sector_erase_ns: 0,
        block32_erase_ns: 0,
        block64_erase_ns: 0,
        chip_erase_per_4mib_ns: 0,
        read_per_byte_ns: 0,
    };
}

impl Timing {
    /// The least flash time that turns contents `old` into `new` (same length, starting
    /// on a 64 KiB boundary) on a part with these timings: reading `old` once to find what
    /// differs, then per 64 KiB block the cheaper of a block erase and erasing only the
    /// sectors that need it (those where `new` sets a bit `old` has clear), then
    /// programming every page that is not erased already: in an erased sector the pages of
    /// `new` that are not all 0xFF, elsewhere the pages that differ. Nothing else (the line,
    /// the host, waiting) counts, so no tool can rewrite the flash faster than this.
    pub fn rewrite_floor_ns(&self, old: &[u8], new: &[u8]) -> u64 {
        assert_eq!(
            old.len(),
            new.len(),
            "old and new contents differ in length"
        );
        let page = PAGE as usize;
        let sector = SECTOR as usize;
        let programs = |o: &[u8], n: &[u8], erased: bool| -> u64 {
            o.chunks(page)
                .zip(n.chunks(page))
                .filter(|(o, n)| {
                    if erased {
                        n.iter().any(|b| *b != 0xFF)
                    } else {
                        o != n
                    }
                })
                .count() as u64
                * self.page_program_ns
        };
        let mut total = old.len() as u64 * self.read_per_byte_ns;
        for (o, n) in old
            .chunks(BLOCK64 as usize)
            .zip(new.chunks(BLOCK64 as usize))
        {
            let by_block = self.block64_erase_ns + programs(o, n, true);
            let by_sector: u64 = o
                .chunks(sector)
                .zip(n.chunks(sector))
                .map(|(o, n)| {
                    let erase = o.iter().zip(n).any(|(o, n)| n & !o != 0);
                    erase as u64 * self.sector_erase_ns + programs(o, n, erase)
                })
                .sum();
            total += by_block.min(by_sector);
        }
        total
    }
}

/// The erase commands the part understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EraseKind {
    /// Sector erase (20h), 4 KiB.
    Sector,
    /// 32 KiB block erase (52h).
    Block32,
    /// 64 KiB block erase (D8h).
    Block64,
    /// Chip erase (C7h): the whole flash.
    Chip,
}

impl EraseKind {
    /// Bytes this erase clears on a flash of `flash_size` bytes; also the alignment it
    /// requires.
    pub fn size(self, flash_size: u32) -> u32 {
        match self {
            EraseKind::Sector => SECTOR,
            EraseKind::Block32 => BLOCK32,
            EraseKind::Block64 => BLOCK64,
            EraseKind::Chip => flash_size,
        }
    }
}

/// Why the flash refused or failed an operation.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FlashError {
    /// A program or erase is still running (WIP set).
    #[error("flash is busy (WIP set)")]
    Busy,
    /// A program, erase or status write came without a write enable first (WEL clear).
    #[error("write enable latch is not set")]
    NotWriteEnabled,
    /// The operation reaches past the end of the flash.
    #[error("address 0x{addr:X} (+{len}) is outside the {size}-byte flash")]
    OutOfRange {
        /// Start address.
        addr: u32,
        /// Length in bytes.
        len: u32,
        /// Flash size in bytes.
        size: u32,
    },
    /// An erase address is not a multiple of the erase size.
    #[error("{kind:?} erase at 0x{addr:X} is not aligned to its size")]
    Unaligned {
        /// The erase requested.
        kind: EraseKind,
        /// Its address.
        addr: u32,
    },
    /// The image file could not be opened, read or written, or its size is not a usable
    /// flash size.
    #[error("flash image file: {0}")]
    Io(String),
    /// The power is off: a cut struck this operation or an earlier one.
    #[error("power was cut")]
    PowerLost,
    /// Another virtual chip (in this process or another) has the image file open.
    #[error("in use by another virtual chip")]
    InUse,
}

/// When an injected power cut strikes: in the middle of the Nth operation of a kind
/// (counted from 1 since the fault was armed), or of the first operation running at or
/// after a virtual time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CutAt {
    /// Any erase or program.
    Op(u64),
    /// Erases only.
    Erase(u64),
    /// Page programs only.
    Program(u64),
    /// The first erase or program at or after this virtual time, in nanoseconds.
    TimeNs(u64),
}

/// An armed power cut. What the interrupted operation leaves behind is drawn from `seed`:
/// an erase stops part-way, leaving the rest of its range with bits partly set; a program
/// stops part-way through its page, with one byte half done.
#[derive(Clone, Debug)]
pub struct PowerCut {
    /// Which operation it interrupts.
    pub at: CutAt,
    /// Seed of the damage the interrupted operation leaves.
    pub seed: u64,
}

impl From<io::Error> for FlashError {
    fn from(e: io::Error) -> Self {
        FlashError::Io(e.to_string())
    }
}

/// Counters a test or benchmark can read to see what the device really did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FlashStats {
    /// Completed 4 KiB sector erases.
    pub sector_erases: u64,
    /// Completed 32 KiB and 64 KiB block erases.
    pub block_erases: u64,
    /// Completed chip erases.
    pub chip_erases: u64,
    /// Completed page programs.
    pub page_programs: u64,
    /// Bytes latched by completed page programs (at most 256 each).
    pub bytes_programmed: u64,
    /// Bytes returned by reads.
    pub bytes_read: u64,
}

/// One SPI NOR flash part (JEDEC ID EF 40 xx, Winbond-style): its cells, status registers,
/// busy timer and counters, optionally backed by an image file.
pub struct NorFlash {
    data: Vec<u8>,
    file: Option<File>,
    jedec: [u8; 3],
    sr: u8,
    sr2: u8,
    busy_until: u64,
    timing: Timing,
    /// What the part has done since it was created.
    pub stats: FlashStats,
    cut: Option<PowerCut>,
    ops_since_armed: (u64, u64, u64),
    powered: bool,
    /// A worn cell: programming leaves this byte as it is, silently, as a worn or
    /// protected part does.
    worn: Option<u32>,
}

/// Takes an exclusive lock on the whole file without waiting. It is tied to this open
/// file, so it goes when the flash (and its file) is dropped or the process ends, however.
fn lock_exclusive(file: &File) -> Result<(), FlashError> {
    use std::os::fd::AsRawFd;
    // SAFETY: flock on a descriptor this function borrows for the call's duration.
    if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
        return Ok(());
    }
    let e = io::Error::last_os_error();
    if e.raw_os_error() == Some(libc::EWOULDBLOCK) {
        Err(FlashError::InUse)
    } else {
        Err(e.into())
    }
}

/// Capacity code of RDID's third byte for a power-of-two size.
pub fn capacity_code(size: u32) -> u8 {
    size.trailing_zeros() as u8
}

impl NorFlash {
    /// A flash held only in memory, erased.
    pub fn new(size: u32) -> NorFlash {
        assert!(
            size.is_power_of_two() && (0x20_0000..=0x100_0000).contains(&size),
            "flash size must be a power of two from 2 to 16 MiB"
        );
        NorFlash {
            data: vec![0xFF; size as usize],
            file: None,
            jedec: [0xEF, 0x40, capacity_code(size)],
            sr: 0,
            sr2: 0,
            busy_until: 0,
            timing: Timing::INSTANT,
            stats: FlashStats::default(),
            cut: None,
            ops_since_armed: (0, 0, 0),
            powered: true,
            worn: None,
        }
    }

    /// Arms a power cut. It strikes once; after it the flash refuses everything until
    /// [`NorFlash::power_on`].
    pub fn arm_power_cut(&mut self, cut: PowerCut) {
        self.cut = Some(cut);
        self.ops_since_armed = (0, 0, 0);
    }

    /// Makes the byte at `addr` a worn cell that programming no longer changes.
    pub fn wear_out(&mut self, addr: u32) {
        self.worn = Some(addr);
    }

    /// False from a power cut until [`NorFlash::power_on`].
    pub fn is_powered(&self) -> bool {
        self.powered
    }

    /// Power comes back: volatile state (WEL, WIP) is gone, the cells keep what they hold.
    pub fn power_on(&mut self) {
        self.powered = true;
        self.sr &= !SR_WEL;
        self.busy_until = 0;
    }

    /// Decides whether this operation is the one the power cut interrupts, and if so
    /// returns the generator for its damage.
    fn strikes(&mut self, now: u64, erase: bool) -> Option<SmallRng> {
        let c = &mut self.ops_since_armed;
        c.0 += 1;
        if erase {
            c.1 += 1;
        } else {
            c.2 += 1;
        }
        let cut = self.cut.as_ref()?;
        let hit = match cut.at {
            CutAt::Op(n) => c.0 == n,
            CutAt::Erase(n) => erase && c.1 == n,
            CutAt::Program(n) => !erase && c.2 == n,
            CutAt::TimeNs(t) => now >= t,
        };
        if !hit {
            return None;
        }
        let rng = SmallRng::seed_from_u64(cut.seed);
        self.cut = None;
        self.powered = false;
        Some(rng)
    }

    /// Opens `path` as the flash contents. A missing file is created erased with `size` (4 MiB
    /// when `None`); an existing one keeps its contents, and its length is the flash size
    /// unless `size` asks for another, in which case it is an error rather than a silent resize.
    ///
    /// The file is locked for as long as the flash lives: two chips writing through to
    /// one file would each verify their own image against their own memory while the
    /// file ends up holding neither, so a second opener gets [`FlashError::InUse`].
    pub fn open(path: &Path, size: Option<u32>) -> Result<NorFlash, FlashError> {
        NorFlash::open_or_new(path, size, 0x40_0000)
    }

    /// As [`NorFlash::open`], with `new_size` the size of a new image when `size` is
    /// `None` (a chip family's usual flash).
    pub fn open_or_new(
        path: &Path,
        size: Option<u32>,
        new_size: u32,
    ) -> Result<NorFlash, FlashError> {
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)?;
        lock_exclusive(&file)?;
        let len = file.metadata()?.len();
        let size = match (len, size) {
            (0, s) => {
                let s = s.unwrap_or(new_size);
                file.write_all_at(&vec![0xFF; s as usize], 0)?;
                s
            }
            (l, None) => u32::try_from(l).unwrap_or(u32::MAX),
            (l, Some(s)) if l == s as u64 => s,
            (l, Some(s)) => {
                return Err(FlashError::Io(format!(
                    "{} holds {l} bytes but the flash size asked for is {s}",
                    path.display()
                )));
            }
        };
        if !(size.is_power_of_two() && (0x20_0000..=0x100_0000).contains(&size)) {
            return Err(FlashError::Io(format!(
                "{} is {size} bytes; a flash image must be 2, 4, 8 or 16 MiB",
                path.display()
            )));
        }
        let mut flash = NorFlash::new(size);
        file.read_exact_at(&mut flash.data, 0)?;
        flash.file = Some(file);
        Ok(flash)
    }

    /// Sets the operation times used from now on.
    pub fn set_timing(&mut self, timing: Timing) {
        self.timing = timing;
    }

    /// Capacity in bytes.
    pub fn size(&self) -> u32 {
        self.data.len() as u32
    }

    /// The RDID (9Fh) answer: manufacturer, memory type, [`capacity_code`].
    pub fn jedec_id(&self) -> [u8; 3] {
        self.jedec
    }

    /// Every byte of the flash as it stands.
    pub fn contents(&self) -> &[u8] {
        &self.data
    }

    /// Whether a program or erase is still running at virtual time `now` (ns).
    pub fn is_busy(&self, now: u64) -> bool {
        now < self.busy_until
    }

    /// When the operation in progress finishes.
    pub fn busy_until(&self) -> u64 {
        self.busy_until
    }

    /// Status register 1 (RDSR, 05h) at virtual time `now`, with WIP as it is then.
    pub fn status(&self, now: u64) -> u8 {
        let wip = if self.is_busy(now) { SR_WIP } else { 0 };
        (self.sr & !SR_WIP) | wip
    }

    /// Status register 2 (35h), as last written.
    pub fn status2(&self) -> u8 {
        self.sr2
    }

    /// Write status register (01h): sets register 1 (its WIP and WEL bits are ignored) and,
    /// when given, register 2. Needs WEL, and clears it.
    pub fn write_status(&mut self, now: u64, sr: u8, sr2: Option<u8>) -> Result<(), FlashError> {
        self.ready_for_write(now)?;
        self.sr = sr & !(SR_WIP | SR_WEL);
        if let Some(s2) = sr2 {
            self.sr2 = s2;
        }
        Ok(())
    }

    /// Write enable (06h): sets WEL, which the next program, erase or status write needs.
    pub fn write_enable(&mut self, now: u64) -> Result<(), FlashError> {
        if !self.powered {
            return Err(FlashError::PowerLost);
        }
        if self.is_busy(now) {
            return Err(FlashError::Busy);
        }
        self.sr |= SR_WEL;
        Ok(())
    }

    /// Write disable (04h): clears WEL.
    pub fn write_disable(&mut self) {
        self.sr &= !SR_WEL;
    }

    fn ready_for_write(&mut self, now: u64) -> Result<(), FlashError> {
        if !self.powered {
            return Err(FlashError::PowerLost);
        }
        if self.is_busy(now) {
            return Err(FlashError::Busy);
        }
        if self.sr & SR_WEL == 0 {
            return Err(FlashError::NotWriteEnabled);
        }
        // Every program or erase clears WEL, whether it succeeds or not.
        self.sr &= !SR_WEL;
        Ok(())
    }

    fn check_range(&self, addr: u32, len: u32) -> Result<(), FlashError> {
        if addr as u64 + len as u64 > self.size() as u64 {
            return Err(FlashError::OutOfRange {
                addr,
                len,
                size: self.size(),
            });
        }
        Ok(())
    }

    /// Reads into `buf`; returns the virtual time at which the read is done.
    pub fn read(&mut self, now: u64, addr: u32, buf: &mut [u8]) -> Result<u64, FlashError> {
        if !self.powered {
            return Err(FlashError::PowerLost);
        }
        if self.is_busy(now) {
            return Err(FlashError::Busy);
        }
        self.check_range(addr, buf.len() as u32)?;
        buf.copy_from_slice(&self.data[addr as usize..addr as usize + buf.len()]);
        self.stats.bytes_read += buf.len() as u64;
        Ok(now + buf.len() as u64 * self.timing.read_per_byte_ns)
    }

    /// Page program (02h). Bytes that run past the end of the page wrap to its start, as on
    /// every NOR part; when more than a page is sent only the last 256 bytes stay latched.
    /// Returns the virtual time at which the program completes.
    pub fn page_program(&mut self, now: u64, addr: u32, data: &[u8]) -> Result<u64, FlashError> {
        self.check_range(addr, 1)?;
        self.ready_for_write(now)?;
        let page_base = addr & !(PAGE - 1);
        let start_in_page = (addr - page_base) as usize;
        let latched = if data.len() > PAGE as usize {
            &data[data.len() - PAGE as usize..]
        } else {
            data
        };
        let skip = data.len() - latched.len();
        let mut touched_lo = PAGE as usize;
        let mut touched_hi = 0usize;
        let mut damage = self.strikes(now, false);
        let stop = damage.as_mut().map(|r| r.random_range(0..latched.len()));
        for (i, b) in latched.iter().enumerate() {
            let col = (start_in_page + skip + i) % PAGE as usize;
            if self.worn == Some(page_base + col as u32) {
                continue;
            }
            let cell = &mut self.data[page_base as usize + col];
            match (stop, damage.as_mut()) {
                (Some(s), _) if i > s => break,
                // The byte being programmed when power went: some of its bits cleared.
                (Some(s), Some(r)) if i == s => *cell &= *b | r.random::<u8>(),
                _ => *cell &= *b,
            }
            touched_lo = touched_lo.min(col);
            touched_hi = touched_hi.max(col + 1);
        }
        if touched_hi > touched_lo {
            self.persist(
                page_base + touched_lo as u32,
                (touched_hi - touched_lo) as u32,
            )?;
        }
        if damage.is_some() {
            return Err(FlashError::PowerLost);
        }
        self.stats.page_programs += 1;
        self.stats.bytes_programmed += latched.len() as u64;
        self.busy_until = now + self.timing.page_program_ns;
        Ok(self.busy_until)
    }

    /// Sector (20h), 32 KiB block (52h), 64 KiB block (D8h) or chip (C7h) erase. The address
    /// must be aligned to the erase size: the model refuses what a careful driver never sends,
    /// so a misaligned request shows up as an error instead of erasing a neighbour.
    pub fn erase(&mut self, now: u64, kind: EraseKind, addr: u32) -> Result<u64, FlashError> {
        let size = kind.size(self.size());
        if !addr.is_multiple_of(size) {
            return Err(FlashError::Unaligned { kind, addr });
        }
        self.check_range(addr, size)?;
        self.ready_for_write(now)?;
        let range = addr as usize..(addr + size) as usize;
        if let Some(mut r) = self.strikes(now, true) {
            // Erased up to a point, then cells with only some bits set.
            let done = r.random_range(0..size as usize);
            let (erased, partial) = self.data[range].split_at_mut(done);
            erased.fill(0xFF);
            for cell in partial {
                *cell |= r.random::<u8>();
            }
            self.persist(addr, size)?;
            return Err(FlashError::PowerLost);
        }
        self.data[range].fill(0xFF);
        self.persist(addr, size)?;
        let t = &self.timing;
        let dur = match kind {
            EraseKind::Sector => {
                self.stats.sector_erases += 1;
                t.sector_erase_ns
            }
            EraseKind::Block32 | EraseKind::Block64 => {
                self.stats.block_erases += 1;
                if kind == EraseKind::Block32 {
                    t.block32_erase_ns
                } else {
                    t.block64_erase_ns
                }
            }
            EraseKind::Chip => {
                self.stats.chip_erases += 1;
                t.chip_erase_per_4mib_ns * (size as u64).div_ceil(0x40_0000)
            }
        };
        self.busy_until = now + dur;
        Ok(self.busy_until)
    }

    fn persist(&mut self, addr: u32, len: u32) -> Result<(), FlashError> {
        if let Some(f) = &self.file {
            f.write_all_at(
                &self.data[addr as usize..(addr + len) as usize],
                addr as u64,
            )?;
        }
        Ok(())
    }

    /// A few bytes of an SFDP table: the header with its signature and one basic parameter
    /// table giving the density, enough for hosts that probe SFDP to see a sane part.
    pub fn sfdp(&self, addr: u32) -> u8 {
        let mut t = [0xFFu8; 0x100];
        t[0..8].copy_from_slice(&[b'S', b'F', b'D', b'P', 0x06, 0x01, 0x00, 0xFF]);
        t[8..16].copy_from_slice(&[0x00, 0x06, 0x01, 0x10, 0x80, 0x00, 0x00, 0xFF]);
        let bits = self.size() as u64 * 8 - 1;
        t[0x80..0x84].copy_from_slice(&[0xE5, 0x20, 0xF1, 0xFF]);
        t[0x84..0x88].copy_from_slice(&(bits as u32).to_le_bytes());
        t[(addr & 0xFF) as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flash() -> NorFlash {
        NorFlash::new(0x20_0000)
    }

    fn program(f: &mut NorFlash, addr: u32, data: &[u8]) -> Result<u64, FlashError> {
        f.write_enable(0)?;
        f.page_program(0, addr, data)
    }

    fn read(f: &mut NorFlash, addr: u32, len: usize) -> Vec<u8> {
        let mut b = vec![0; len];
        f.read(0, addr, &mut b).unwrap();
        b
    }

    #[test]
    fn programming_only_clears_bits() {
        let mut f = flash();
        program(&mut f, 0x1000, &[0x00, 0xF0, 0x5A]).unwrap();
        assert_eq!(read(&mut f, 0x1000, 3), [0x00, 0xF0, 0x5A]);
        // 0xFF over 0x00 changes nothing: a bit can only be set again by erasing.
        program(&mut f, 0x1000, &[0xFF, 0x0F, 0xFF]).unwrap();
        assert_eq!(read(&mut f, 0x1000, 3), [0x00, 0x00, 0x5A]);
        f.write_enable(0).unwrap();
        f.erase(0, EraseKind::Sector, 0x1000).unwrap();
        assert_eq!(read(&mut f, 0x1000, 3), [0xFF; 3]);
    }

    #[test]
    fn page_program_wraps_inside_the_page() {
        let mut f = flash();
        let data: Vec<u8> = (0..8).collect();
        program(&mut f, 0x2FC, &data).unwrap();
        assert_eq!(read(&mut f, 0x2FC, 4), [0, 1, 2, 3]);
        assert_eq!(
            read(&mut f, 0x200, 4),
            [4, 5, 6, 7],
            "tail wrapped to page start"
        );
        assert_eq!(read(&mut f, 0x300, 4), [0xFF; 4], "next page untouched");
    }

    #[test]
    fn oversized_program_keeps_last_page_worth() {
        let mut f = flash();
        let data: Vec<u8> = (0..=255u8).chain([0xAA; 4]).collect();
        program(&mut f, 0x400, &data).unwrap();
        let got = read(&mut f, 0x400, 256);
        assert_eq!(&got[..4], &[0xAA; 4]);
        assert_eq!(got[4], 4);
    }

    #[test]
    fn erase_granularity() {
        let mut f = flash();
        for a in (0..0x20000).step_by(0x1000) {
            program(&mut f, a, &[0]).unwrap();
        }
        f.write_enable(0).unwrap();
        f.erase(0, EraseKind::Sector, 0x3000).unwrap();
        assert_eq!(read(&mut f, 0x2000, 1), [0]);
        assert_eq!(read(&mut f, 0x3000, 1), [0xFF]);
        assert_eq!(read(&mut f, 0x4000, 1), [0]);
        f.write_enable(0).unwrap();
        f.erase(0, EraseKind::Block32, 0x8000).unwrap();
        assert_eq!(read(&mut f, 0x7000, 1), [0]);
        assert!(
            (0x8000..0x10000)
                .step_by(0x1000)
                .all(|a| read(&mut f, a, 1) == [0xFF])
        );
        f.write_enable(0).unwrap();
        f.erase(0, EraseKind::Block64, 0x10000).unwrap();
        assert!(
            (0x10000..0x20000)
                .step_by(0x1000)
                .all(|a| read(&mut f, a, 1) == [0xFF])
        );
        assert_eq!(read(&mut f, 0x0, 1), [0]);
        f.write_enable(0).unwrap();
        f.erase(0, EraseKind::Chip, 0).unwrap();
        assert!(f.contents().iter().all(|b| *b == 0xFF));
        assert_eq!(f.stats.sector_erases, 1);
        assert_eq!(f.stats.block_erases, 2);
        assert_eq!(f.stats.chip_erases, 1);
    }

    #[test]
    fn unaligned_erase_is_rejected_and_changes_nothing() {
        let mut f = flash();
        program(&mut f, 0x1000, &[0]).unwrap();
        for (kind, addr) in [
            (EraseKind::Sector, 0x1800),
            (EraseKind::Block32, 0x1000),
            (EraseKind::Block64, 0x8000),
        ] {
            f.write_enable(0).unwrap();
            assert_eq!(
                f.erase(0, kind, addr),
                Err(FlashError::Unaligned { kind, addr })
            );
        }
        assert_eq!(read(&mut f, 0x1000, 1), [0]);
    }

    #[test]
    fn writes_need_wel_and_it_clears_after_each() {
        let mut f = flash();
        assert_eq!(f.page_program(0, 0, &[0]), Err(FlashError::NotWriteEnabled));
        f.write_enable(0).unwrap();
        assert_eq!(f.status(0) & SR_WEL, SR_WEL);
        f.page_program(0, 0, &[0]).unwrap();
        assert_eq!(f.status(0) & SR_WEL, 0);
        assert_eq!(f.page_program(0, 1, &[0]), Err(FlashError::NotWriteEnabled));
        assert_eq!(read(&mut f, 0, 2), [0, 0xFF]);
    }

    #[test]
    fn wip_follows_the_timing_model() {
        let mut f = flash();
        f.set_timing(Timing::DATASHEET);
        f.write_enable(0).unwrap();
        let done = f.erase(0, EraseKind::Sector, 0).unwrap();
        assert_eq!(done, 45_000_000);
        assert_eq!(f.status(1) & SR_WIP, SR_WIP);
        assert_eq!(f.write_enable(1), Err(FlashError::Busy));
        let mut b = [0u8; 1];
        assert_eq!(f.read(1, 0, &mut b), Err(FlashError::Busy));
        assert_eq!(f.status(done) & SR_WIP, 0);
        f.write_enable(done).unwrap();
        assert_eq!(f.page_program(done, 0, &[1]).unwrap(), done + 700_000);
    }

    #[test]
    fn power_cut_mid_erase_leaves_arbitrary_content_and_a_dead_part() {
        let mut f = flash();
        for a in (0..0x2000).step_by(256) {
            program(&mut f, a, &[0u8; 256]).unwrap();
        }
        f.arm_power_cut(PowerCut {
            at: CutAt::Erase(1),
            seed: 3,
        });
        f.write_enable(0).unwrap();
        assert_eq!(
            f.erase(0, EraseKind::Sector, 0x1000),
            Err(FlashError::PowerLost)
        );
        assert!(!f.is_powered());
        assert_eq!(f.write_enable(0), Err(FlashError::PowerLost));
        f.power_on();
        let s = read(&mut f, 0x1000, 0x1000);
        assert!(
            s.iter().any(|b| *b != 0xFF),
            "an interrupted erase is not complete"
        );
        assert!(
            s.iter().any(|b| *b != 0),
            "an interrupted erase did something"
        );
        assert_eq!(
            read(&mut f, 0, 0x1000),
            vec![0; 0x1000],
            "the neighbour is untouched"
        );
        f.write_enable(0).unwrap();
        f.erase(0, EraseKind::Sector, 0x1000).unwrap();
        assert_eq!(
            read(&mut f, 0x1000, 0x1000),
            vec![0xFF; 0x1000],
            "the cut struck once"
        );
    }

    #[test]
    fn power_cut_mid_program_leaves_the_page_partly_programmed() {
        let mut f = flash();
        f.arm_power_cut(PowerCut {
            at: CutAt::Program(2),
            seed: 9,
        });
        program(&mut f, 0x100, &[0u8; 256]).unwrap();
        assert_eq!(
            program(&mut f, 0x200, &[0u8; 256]),
            Err(FlashError::PowerLost)
        );
        f.power_on();
        let p = read(&mut f, 0x200, 256);
        assert_eq!(p[0], 0, "programming had started");
        assert_eq!(p[255], 0xFF, "programming had not finished");
        assert_eq!(read(&mut f, 0x100, 256), vec![0; 256]);
    }

    #[test]
    fn the_same_seed_does_the_same_damage() {
        let run = || {
            let mut f = flash();
            f.arm_power_cut(PowerCut {
                at: CutAt::Op(1),
                seed: 77,
            });
            f.write_enable(0).unwrap();
            let _ = f.erase(0, EraseKind::Sector, 0);
            f.power_on();
            read(&mut f, 0, 0x1000)
        };
        assert_eq!(run(), run());
    }

    /// Nothing changed costs the read alone; a block wholly rewritten costs one block
    /// erase and its non-blank pages; one changed byte that only clears bits costs one
    /// page program.
    #[test]
    fn the_rewrite_floor_counts_what_must_change() {
        let t = Timing::DATASHEET;
        let n = 0x20000usize;
        let old = vec![0x00u8; n];
        let read = n as u64 * t.read_per_byte_ns;
        assert_eq!(t.rewrite_floor_ns(&old, &old), read);
        let mut one_bit = old.clone();
        one_bit[0x1234] = 0xFF;
        assert_eq!(
            t.rewrite_floor_ns(&old, &one_bit),
            read + t.sector_erase_ns + 16 * t.page_program_ns,
            "a set bit needs its sector erased and all of its pages programmed back"
        );
        let mut cleared = vec![0xFFu8; n];
        cleared[0x100] = 0x0F;
        assert_eq!(
            t.rewrite_floor_ns(&vec![0xFF; n], &cleared),
            read + t.page_program_ns
        );
        let mut fresh = vec![0xFFu8; n];
        fresh[..0x10000].fill(0x5A);
        assert_eq!(
            t.rewrite_floor_ns(&old, &fresh),
            read + 2 * t.block64_erase_ns + 256 * t.page_program_ns
        );
    }

    #[test]
    fn out_of_range_is_rejected() {
        let mut f = flash();
        f.write_enable(0).unwrap();
        assert!(matches!(
            f.erase(0, EraseKind::Sector, 0x20_0000),
            Err(FlashError::OutOfRange { .. })
        ));
        let mut b = [0u8; 2];
        assert!(f.read(0, 0x1F_FFFF, &mut b).is_err());
    }

    #[test]
    fn file_is_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.bin");
        let mut f = NorFlash::open(&path, Some(0x20_0000)).unwrap();
        assert_eq!(std::fs::read(&path).unwrap().len(), 0x20_0000);
        program(&mut f, 0x10, &[1, 2, 3]).unwrap();
        let disk = std::fs::read(&path).unwrap();
        assert_eq!(&disk[0x10..0x13], &[1, 2, 3]);
        assert_eq!(disk[0x13], 0xFF);
        drop(f);
        let mut again = NorFlash::open(&path, None).unwrap();
        assert_eq!(read(&mut again, 0x10, 3), [1, 2, 3]);
        assert_eq!(again.jedec_id(), [0xEF, 0x40, 0x15]);
    }

    #[test]
    fn one_chip_at_a_time_per_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.bin");
        let first = NorFlash::open(&path, None).unwrap();
        assert_eq!(
            NorFlash::open(&path, None).err(),
            Some(FlashError::InUse),
            "a second opener is refused, even in the same process"
        );
        drop(first);
        NorFlash::open(&path, None).expect("free again once the first is gone");
    }

    #[test]
    fn bad_image_sizes_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("odd.bin");
        std::fs::write(&path, vec![0u8; 12345]).unwrap();
        assert!(NorFlash::open(&path, None).is_err());
        assert!(NorFlash::open(&path, Some(0x40_0000)).is_err());
        assert_eq!(std::fs::read(&path).unwrap().len(), 12345);
    }
}
