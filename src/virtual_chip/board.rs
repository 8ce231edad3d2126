//! The virtual chip's hardware as the stub core sees it: the core's HAL implemented over the
//! flash model, the register map and the UART, with a cache model that enforces the
//! cache-safety contract.

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use espflow_protocol::{SecurityInfo, slip};
use espflow_stub_core::hal::{FlashFault, Hal, Hasher, SpiFlash};
use md5::Digest as _;

use super::Output;
use super::flash::{EraseKind, FlashError};
use super::profile::Hashing;
use super::soc::Soc;
use crate::encryption::FlashEncryption;

/// Whether a flash cache could fetch while SPI1 runs an erase or program.
///
/// The chip's cache starts enabled, as if an application had mapped flash. SPI1 operations
/// are only safe while it is disabled or while flash auto-suspend is on; any other SPI1
/// operation is a fault, recorded with the operation that caused it and refused. On a
/// dual-core chip the other CPU has a cache this CPU cannot suspend: an erase or program
/// while that CPU executes with its cache on is a fault too, whoever runs it (the ROM
/// loader or a stub).
#[derive(Debug, Default)]
pub struct CacheModel {
    disabled_depth: u32,
    pub auto_suspend: bool,
    pub faults: Vec<String>,
}

impl CacheModel {
    fn check(&mut self, op: &str) -> Result<(), FlashFault> {
        if self.disabled_depth > 0 || self.auto_suspend {
            return Ok(());
        }
        self.faults.push(format!(
            "{op} ran on SPI1 while the flash cache was enabled"
        ));
        Err(FlashFault)
    }

    /// An erase or program `op` while the other CPU fetches through its cache is a fault.
    pub fn check_other_core(&mut self, soc: &Soc, op: &str) -> Result<(), FlashFault> {
        if !soc.other_core_fetches_from_flash() {
            return Ok(());
        }
        self.faults.push(format!(
            "{op} ran on SPI1 while the other CPU ran with its flash cache enabled"
        ));
        Err(FlashFault)
    }
}

/// The CPU time hashing takes, on the realtime clock only. The stub core's digests are
/// values the board hands out and cannot reach the clock, so they add their time to
/// `pending`, which the board moves onto its clock before anything that shows time (a
/// flash operation, an answer on the line).
#[derive(Debug, Default)]
pub struct HashClock {
    /// The chip's rates; `None` where hashing takes no time (not realtime).
    rates: Option<Hashing>,
    pending: Arc<AtomicU64>,
    /// Nanoseconds charged so far.
    pub charged_ns: u64,
}

impl HashClock {
    pub fn new(rates: Option<Hashing>) -> HashClock {
        HashClock {
            rates,
            ..HashClock::default()
        }
    }
}

pub struct Board {
    pub soc: Soc,
    /// Virtual time in nanoseconds.
    pub now: u64,
    pub out: VecDeque<Output>,
    pub cache: CacheModel,
    /// The serial bridge the chip's UART talks through.
    pub bridge: super::bridge::Bridge,
    pub hashing: HashClock,
}

impl Board {
    /// Moves the hashing time the stub core's digests ran up onto the clock.
    fn settle_hashing(&mut self) {
        let ns = self.hashing.pending.swap(0, Ordering::Relaxed);
        self.now += ns;
        self.hashing.charged_ns += ns;
    }

    /// Charges `bytes` of MD5 on the chip's CPU (the ROM loader's and foreign stubs').
    pub fn charge_md5(&mut self, bytes: usize) {
        if let Some(r) = self.hashing.rates {
            let ns = r.md5_ns(bytes as u64);
            self.now += ns;
            self.hashing.charged_ns += ns;
        }
    }

    pub fn emit_frame(&mut self, packet: &[u8]) {
        let mut wire = Vec::with_capacity(slip::encoded_len(packet));
        slip::encode(packet, |b| wire.push(b));
        self.emit_raw(wire);
    }

    /// A chip without power sends nothing, whatever its code was about to say.
    pub fn emit_raw(&mut self, mut data: Vec<u8>) {
        self.settle_hashing();
        if self.soc.flash.is_powered() {
            self.bridge.carry(&mut data, self.soc.baud);
            self.out.push_back(Output::Bytes { at: self.now, data });
        }
    }

    pub fn switch_baud(&mut self, baud: u32) {
        self.soc.baud = baud;
        self.out.push_back(Output::Baud { at: self.now, baud });
    }

    /// What GET_SECURITY_INFO reports with these eFuses: the chip id where the chip's
    /// table has one (the S2's ROM sends the short form without it).
    pub fn security_info(&self) -> SecurityInfo {
        if self.soc.chip == crate::chip::Chip::Esp32c3 {
            // The C3's answer is built from its whole eFuse table (or image).
            return self.soc.efuses.security_info(self.soc.chip);
        }
        let e = &self.soc.efuses;
        let k = e.key_purposes;
        let chip_id = self.soc.chip.facts().chip_id;
        SecurityInfo {
            flags: if e.secure_boot {
                SecurityInfo::SECURE_BOOT_EN
            } else {
                0
            },
            flash_crypt_cnt: e.crypt_cnt,
            // Six key blocks; the seventh purpose byte stays 0.
            key_purposes: [k[0], k[1], k[2], k[3], k[4], k[5], 0],
            chip_id,
            eco_version: chip_id.map(|_| e.major_rev as u32 * 100 + e.minor_rev as u32),
        }
    }

    fn flash_op(
        &mut self,
        name: &str,
        addr: u32,
        op: impl FnOnce(&mut super::flash::NorFlash, u64) -> Result<u64, FlashError>,
    ) -> Result<(), FlashFault> {
        self.settle_hashing();
        let what = format!("{name} at 0x{addr:X}");
        self.cache.check_other_core(&self.soc, &what)?;
        self.cache.check(&what)?;
        let f = &mut self.soc.flash;
        let start = self.now.max(f.busy_until());
        f.write_enable(start).map_err(|_| FlashFault)?;
        self.now = op(f, start).map_err(|_| FlashFault)?;
        Ok(())
    }
}

impl SpiFlash for Board {
    fn read(&mut self, addr: u32, buf: &mut [u8]) -> Result<(), FlashFault> {
        self.settle_hashing();
        self.cache.check(&format!("read at 0x{addr:X}"))?;
        let now = self.now.max(self.soc.flash.busy_until());
        self.now = self
            .soc
            .flash
            .read(now, addr, buf)
            .map_err(|_| FlashFault)?;
        Ok(())
    }

    fn erase_sector(&mut self, addr: u32) -> Result<(), FlashFault> {
        self.flash_op("sector erase", addr, |f, t| {
            f.erase(t, EraseKind::Sector, addr)
        })
    }

    fn erase_block(&mut self, addr: u32) -> Result<(), FlashFault> {
        self.flash_op("block erase", addr, |f, t| {
            f.erase(t, EraseKind::Block64, addr)
        })
    }

    fn erase_chip(&mut self) -> Result<(), FlashFault> {
        self.flash_op("chip erase", 0, |f, t| f.erase(t, EraseKind::Chip, 0))
    }

    fn program(&mut self, addr: u32, mut data: &[u8]) -> Result<(), FlashFault> {
        let mut at = addr;
        while !data.is_empty() {
            let n = ((0x100 - (at & 0xFF)) as usize).min(data.len());
            let chunk = &data[..n];
            self.flash_op("page program", at, |f, t| f.page_program(t, at, chunk))?;
            at += n as u32;
            data = &data[n..];
        }
        Ok(())
    }

    /// As the chip's encryption engine does: the eFuse key encrypts each 16-byte block at
    /// its own address, and the ciphertext is programmed. Without a usable key (none
    /// burnt, or manual encryption disabled) the request fails, where a real chip would
    /// encrypt with a key nothing can read back.
    fn program_encrypted(&mut self, addr: u32, data: &[u8]) -> Result<(), FlashFault> {
        let chip = self.soc.chip;
        let key = self
            .soc
            .efuses
            .manual_encryption_key(chip)
            .ok_or(FlashFault)?;
        let cipher = FlashEncryption::new(chip, &key, None).map_err(|_| FlashFault)?;
        let mut block = data.to_vec();
        cipher.encrypt(addr, &mut block).map_err(|_| FlashFault)?;
        self.program(addr, &block)
    }

    fn attach(&mut self, _config: u32) -> Result<(), FlashFault> {
        self.cache.check("attach")
    }

    fn set_size(&mut self, size: u32) -> Result<(), FlashFault> {
        if size > self.soc.flash.size() {
            return Err(FlashFault);
        }
        Ok(())
    }
}

/// Where a digest of the stub core adds the time it takes: the board's pending hashing
/// time and the nanoseconds per byte it costs (nothing, off the realtime clock).
struct Charge {
    pending: Arc<AtomicU64>,
    /// What 1000 bytes cost, in nanoseconds (rates are a few cycles a byte, so a
    /// per-byte figure would round away).
    ns_per_1000: u64,
}

impl Charge {
    fn add(&self, bytes: usize) {
        self.pending
            .fetch_add(bytes as u64 * self.ns_per_1000 / 1000, Ordering::Relaxed);
    }
}

pub struct Md5(md5::Md5, Charge);

impl Hasher<16> for Md5 {
    fn update(&mut self, data: &[u8]) {
        self.1.add(data.len());
        self.0.update(data);
    }
    fn finish(self) -> [u8; 16] {
        self.0.finalize().into()
    }
}

pub struct Sha256(sha2::Sha256, Charge);

impl Hasher<32> for Sha256 {
    fn update(&mut self, data: &[u8]) {
        self.1.add(data.len());
        sha2::Digest::update(&mut self.0, data);
    }
    fn finish(self) -> [u8; 32] {
        sha2::Digest::finalize(self.0).into()
    }
}

impl Board {
    /// A digest's charge, from what 1000 bytes cost at the chip's rates; none off the
    /// realtime clock.
    fn charge(&self, ns_per_1000: impl FnOnce(&Hashing) -> u64) -> Charge {
        Charge {
            pending: self.hashing.pending.clone(),
            ns_per_1000: self.hashing.rates.as_ref().map_or(0, ns_per_1000),
        }
    }

    /// Whether espflow's stub for this chip hashes sector digests on the accelerator, as
    /// the chip's table says.
    fn stub_sha256_engine(&self) -> bool {
        self.soc
            .chip
            .facts()
            .stub
            .as_ref()
            .is_some_and(|s| s.sha256_engine)
    }
}

impl Hal for Board {
    type Flash = Board;
    type Md5 = Md5;
    type Sha256 = Sha256;

    fn with_flash<R>(&mut self, f: impl FnOnce(&mut Board) -> R) -> R {
        self.cache.disabled_depth += 1;
        let r = f(self);
        self.cache.disabled_depth -= 1;
        r
    }

    fn read_reg(&mut self, addr: u32) -> u32 {
        self.soc.read_reg(addr)
    }

    fn write_reg(&mut self, addr: u32, value: u32) {
        self.soc.write_reg(self.now, addr, value, u32::MAX);
    }

    fn delay_us(&mut self, us: u32) {
        self.now += us as u64 * 1000;
    }

    fn send_frame(&mut self, packet: &[u8]) {
        self.emit_frame(packet);
    }

    fn set_baud(&mut self, baud: u32) {
        self.switch_baud(baud);
    }

    fn security_info(&mut self) -> [u8; 20] {
        Board::security_info(self).to_bytes()
    }

    /// As the dual-core chips' stubs decide it: SPI1 only while the other CPU is parked.
    fn flash_allowed(&mut self) -> bool {
        !self.soc.other_core_runs()
    }

    /// As the chip's own stub says: only stubs that drive the ROM's manual-encryption path.
    fn encrypted_writes(&self) -> bool {
        self.soc
            .chip
            .facts()
            .stub
            .as_ref()
            .is_some_and(|s| s.encrypted_writes)
    }

    fn md5(&mut self) -> Md5 {
        Md5(md5::Md5::new(), self.charge(|r| r.md5_ns(1000)))
    }

    fn sha256(&mut self) -> Sha256 {
        let engine = self.stub_sha256_engine();
        Sha256(
            sha2::Sha256::default(),
            self.charge(|r| r.sha256_ns(1000, engine)),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::virtual_chip::flash::NorFlash;
    use crate::virtual_chip::soc::Efuses;

    fn board() -> Board {
        board_of(crate::chip::Chip::Esp32c3)
    }

    fn board_of(chip: crate::chip::Chip) -> Board {
        Board {
            soc: Soc::new(chip, NorFlash::new(0x20_0000), Efuses::default()),
            now: 0,
            out: VecDeque::new(),
            cache: CacheModel::default(),
            bridge: crate::virtual_chip::bridge::Bridge::new(Default::default(), 0),
            hashing: HashClock::default(),
        }
    }

    #[test]
    fn spi1_with_the_cache_on_is_a_fault_naming_the_operation() {
        let mut b = board();
        assert_eq!(SpiFlash::erase_sector(&mut b, 0x1000), Err(FlashFault));
        assert_eq!(SpiFlash::program(&mut b, 0x2000, &[0]), Err(FlashFault));
        assert_eq!(
            b.cache.faults,
            [
                "sector erase at 0x1000 ran on SPI1 while the flash cache was enabled",
                "page program at 0x2000 ran on SPI1 while the flash cache was enabled"
            ]
        );
        assert_eq!(
            b.soc.flash.stats.page_programs, 0,
            "a refused operation does nothing"
        );
    }

    #[test]
    fn through_the_hal_the_cache_is_off() {
        let mut b = board();
        let r = b.with_flash(|f| {
            f.erase_sector(0x1000)?;
            f.program(0x1000, &[1, 2, 3])
        });
        assert_eq!(r, Ok(()));
        assert!(b.cache.faults.is_empty());
    }

    #[test]
    fn auto_suspend_allows_spi1_with_the_cache_on() {
        let mut b = board();
        b.cache.auto_suspend = true;
        assert_eq!(SpiFlash::erase_sector(&mut b, 0x1000), Ok(()));
        assert!(b.cache.faults.is_empty());
    }

    /// The ESP32's APP CPU released with WRITE_REG and its cache on: an erase or program
    /// is a fault even with this CPU's cache off, and changes nothing; parked again, the
    /// same operation runs.
    #[test]
    fn the_other_cpu_running_from_its_cache_is_a_fault() {
        let mut b = board_of(crate::chip::Chip::Esp32);
        assert!(b.flash_allowed(), "download mode parks the APP CPU");
        let release = |b: &mut Board| {
            b.soc.write_reg(0, 0x3FF0_002C, 0, u32::MAX);
            b.soc.write_reg(0, 0x3FF0_0030, 1, u32::MAX);
        };
        release(&mut b);
        assert!(!b.flash_allowed(), "the stub must refuse flash commands");
        // Running, but its cache off: fetching nothing from flash, nothing to corrupt.
        assert_eq!(b.with_flash(|f| f.erase_sector(0x1000)), Ok(()));
        b.soc.write_reg(0, 0x3FF0_0058, 1 << 3, u32::MAX);
        b.with_flash(|f| f.program(0x2000, &[0x12; 16]))
            .unwrap_err();
        b.with_flash(|f| f.erase_sector(0x3000)).unwrap_err();
        assert_eq!(
            b.cache.faults,
            [
                "page program at 0x2000 ran on SPI1 while the other CPU ran with its flash cache enabled",
                "sector erase at 0x3000 ran on SPI1 while the other CPU ran with its flash cache enabled"
            ]
        );
        assert_eq!(
            b.soc.flash.stats.page_programs, 0,
            "refused: nothing programmed"
        );
        b.soc.write_reg(0, 0x3FF0_002C, 1, u32::MAX);
        assert!(b.flash_allowed());
        assert_eq!(b.with_flash(|f| f.program(0x2000, &[0x12; 16])), Ok(()));
    }
}
