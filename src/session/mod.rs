//! A connected chip, and everything one does with it: the library's entry point for
//! programs that bring their own [`Transport`].
//!
//! ```no_run
//! use espflow::session::{Session, SessionOptions};
//! use espflow::write::{Image, WriteOptions};
//!
//! # fn main() -> espflow::Result<()> {
//! let port = espflow::port::open("/dev/ttyUSB0", 115_200, &Default::default())?;
//! let mut chip = Session::connect(port, &SessionOptions::default())?;
//! let image = Image::new(0x10000, std::fs::read("app.bin").unwrap(), "app.bin");
//! let summary = chip.write(&[image], WriteOptions::default(), None, &mut espflow::progress::Quiet)?;
//! println!("{} bytes sent", summary.bytes_sent);
//! chip.finish(espflow::loader::After::HardReset)?;
//! # Ok(()) }
//! ```

pub mod baud;
mod encrypted;
mod ota;
mod partition;
mod port_memory;
mod run;
mod write_guard;

use std::ops::RangeInclusive;

pub use ota::{OtaStatus, OtaWrite, SlotInfo};
pub use partition::{PartitionSelection, TableSource, find_partition};

use crate::chip::Chip;
use crate::error::{Error, Result};
use crate::loader::{After, Before, ConnectOptions, Loader, UploadRate};
use crate::numbers::hex;
use crate::port::Transport;
use crate::progress::{self, Event, Progress, Quiet, Stage};
use crate::region;
use crate::security::{self, SecurityState, guard};
use crate::stub::StubImage;
use crate::write::{self, Image, Journal, WriteOptions, WriteSummary};

/// When to use espflow's stub.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StubPolicy {
    /// On chips where it has run against the real ROM; the ROM loader elsewhere.
    #[default]
    Verified,
    /// On every chip espflow has one for.
    Experimental,
    /// Never: the ROM loader only.
    Never,
}

/// The line rates espflow switches to: the chips' UARTs run from 9600 baud up to 5 Mbaud,
/// and USB serial bridges top out around there too. Outside this range a rate is a typo,
/// and the loader would only refuse it after the stub had gone up.
pub const BAUD_RATES: RangeInclusive<u32> = 9_600..=5_000_000;

/// Checks a baud rate against [`BAUD_RATES`]. It takes any width so that a front end
/// can check what was typed before narrowing it.
pub fn check_baud(baud: impl Into<u64>) -> Result<()> {
    let baud = baud.into();
    let (lo, hi) = (*BAUD_RATES.start() as u64, *BAUD_RATES.end() as u64);
    if (lo..=hi).contains(&baud) {
        Ok(())
    } else {
        Err(Error::BadInput(format!(
            "baud rate {baud} is not supported: use {} to {}",
            BAUD_RATES.start(),
            BAUD_RATES.end()
        )))
    }
}

/// How to connect.
#[derive(Clone, Debug)]
pub struct SessionOptions {
    /// How to get the chip into its loader; by default a DTR/RTS reset where the port
    /// has the lines, and just a sync where it does not.
    pub before: Option<Before>,
    /// The chip expected; another one is an error.
    pub chip: Option<Chip>,
    /// Connection attempts before giving up.
    pub attempts: usize,
    /// Line rate once connected (the stub is uploaded at the ROM's 115200 first); within
    /// [`BAUD_RATES`]. With `baud_auto`, the floor the search starts from.
    pub baud: u32,
    /// Look for the fastest rate the line sustains once espflow's stub runs, from `baud`
    /// up (see [`baud`]); the rate chosen is reported as [`Event::Baud`] events. Without
    /// a stub that can fall back from a dead rate, `baud` is the rate.
    pub baud_auto: bool,
    /// When to use espflow's stub.
    pub stub: StubPolicy,
    /// Go ahead with what the security guard refuses ([`crate::security::guard`]),
    /// warning instead (see [`Session::take_warnings`]).
    pub force: bool,
}

impl Default for SessionOptions {
    fn default() -> Self {
        SessionOptions {
            before: None,
            chip: None,
            attempts: 7,
            baud: 460_800,
            baud_auto: false,
            stub: StubPolicy::Verified,
            force: false,
        }
    }
}

/// What [`Session::ensure_stub`] found or did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StubStart {
    /// espflow's stub was uploaded and runs now.
    Started,
    /// A stub was already running (left by an earlier connection).
    AlreadyRunning,
    /// The chip has a stub that has not run on its real ROM; the ROM loader is used.
    NotVerified,
    /// espflow has no stub for this chip, or the options said not to use one.
    RomLoader,
}

/// What a chip says about itself.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct BoardInfo {
    /// The chip's name.
    pub chip: String,
    /// Silicon revision (major, minor), where the eFuse layout is known.
    pub revision: Option<(u32, u32)>,
    /// Crystal frequency, where the chip has only one.
    pub crystal_mhz: Option<u32>,
    /// Base MAC address, `aa:bb:cc:dd:ee:ff`; `None` in Secure Download Mode, where the
    /// eFuses cannot be read.
    pub mac: Option<String>,
    /// JEDEC id as the flash sends it (manufacturer in bits 0-7); `None` in Secure
    /// Download Mode, where the flash cannot be asked.
    pub flash_id: Option<u32>,
    /// Flash size in bytes, as the flash reports it; `None` where it cannot be asked.
    pub flash_size: Option<u32>,
    /// The security state, from GET_SECURITY_INFO and the eFuses.
    pub security: Option<SecurityState>,
    /// What answers: `rom`, `espflow-stub` or `foreign-stub`.
    pub loader: &'static str,
    /// The protocol version of espflow's stub, when it runs.
    pub stub_protocol: Option<u32>,
}

/// The flash size a loader in Secure Download Mode is told: the flash cannot be asked, and
/// esptool assumes 16 MiB there too; addresses past the real part fail on the chip.
pub const SECURE_DOWNLOAD_FLASH_SIZE: u32 = 16 << 20;

/// Attaches the flash: identified by its JEDEC id, or unidentified in Secure Download Mode.
fn attach(loader: &mut Loader, sdm: bool) -> Result<()> {
    let r = if sdm {
        loader.attach_flash_unidentified(SECURE_DOWNLOAD_FLASH_SIZE)
    } else {
        loader.attach_flash()
    };
    r.map(|_| ())
        .map_err(|e| Error::Loader(e).context("attaching the SPI flash"))
}

/// A chip in its serial loader, with its flash attached.
pub struct Session {
    loader: Loader,
    opts: SessionOptions,
    /// Set once the stub question is settled and the baud switched.
    stub: Option<StubStart>,
    /// The chip's security state, read once at connect time.
    security: Option<SecurityState>,
    /// What `force` let through, for the front end to show.
    warnings: Vec<String>,
    /// The chip's flash-encryption key, when the host was given it: encrypted writes are
    /// then compared and verified against the ciphertext it makes.
    flash_key: Option<crate::encryption::FlashEncryption>,
    /// The base MAC, `aa:bb:cc:dd:ee:ff`, once read.
    mac: Option<String>,
    /// Where the stages the session runs by itself (stub upload, erase, digest) report.
    progress: Box<dyn Progress + Send>,
    /// With `baud_auto`, once the search ran: the rates it may use.
    auto_ladder: Option<Vec<u32>>,
}

fn mac_text(mac: [u8; 6]) -> String {
    mac.iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(":")
}

impl Session {
    /// Resets the chip into its loader (as `opts.before` says), syncs, identifies it and
    /// attaches its flash. Nothing is uploaded yet: an operation that needs the stub starts
    /// it, and a write whose images are all in place never does. Options that cannot work
    /// (a baud rate outside [`BAUD_RATES`]) are refused before the port is touched.
    pub fn connect(port: Box<dyn Transport>, opts: &SessionOptions) -> Result<Session> {
        Session::connect_reporting(port, opts, Box::new(Quiet))
    }

    /// [`Session::connect`], reporting the connect stage and then [`Event::Connected`] to
    /// `progress`, which keeps the stages the session runs by itself afterwards (stub
    /// upload, erase, digest).
    pub fn connect_reporting(
        port: Box<dyn Transport>,
        opts: &SessionOptions,
        mut progress: Box<dyn Progress + Send>,
    ) -> Result<Session> {
        check_baud(opts.baud)?;
        let begin = Event::begin(Stage::Connect, 0, None, None);
        let mut session =
            progress::around(&mut *progress, begin, || Session::connect_quiet(port, opts))?;
        let chip = session.chip().to_string();
        let mac = session.mac()?;
        progress.event(Event::Connected { chip: &chip, mac });
        session.progress = progress;
        Ok(session)
    }

    fn connect_quiet(port: Box<dyn Transport>, opts: &SessionOptions) -> Result<Session> {
        let before = opts.before.unwrap_or(if port.has_reset_lines() {
            Before::DefaultReset
        } else {
            Before::NoReset
        });
        let connect = ConnectOptions {
            before,
            chip: opts.chip,
            attempts: opts.attempts.max(1),
        };
        let mut loader = Loader::connect(port, &connect)?;
        if loader.is_stub() {
            loader.negotiate();
        }
        let sdm = loader.security_info().is_some_and(|s| s.secure_download());
        attach(&mut loader, sdm)?;
        // Secure Download Mode allows no register reads: GET_SECURITY_INFO is all there is.
        let chip = loader.chip();
        let info = loader.security_info();
        let security = if sdm {
            security::state::<Error>(chip, info, None)?
        } else {
            let mut read = |addr: u32| loader.read_reg(addr).map_err(Error::from);
            security::state(chip, info, Some(&mut read))
                .map_err(|e| e.context("reading the security eFuses"))?
        };
        Ok(Session {
            loader,
            opts: opts.clone(),
            stub: None,
            security,
            warnings: Vec::new(),
            flash_key: None,
            mac: None,
            progress: Box::new(Quiet),
            auto_ladder: None,
        })
    }

    /// Where the stages the session runs by itself report from now on.
    pub fn set_progress(&mut self, progress: Box<dyn Progress + Send>) {
        self.progress = progress;
    }

    /// The chip's base MAC (`aa:bb:cc:dd:ee:ff`); `None` in Secure Download Mode, where
    /// the eFuses cannot be read.
    pub fn mac(&mut self) -> Result<Option<&str>> {
        if self.mac.is_none() && !self.secure_download() {
            self.mac = Some(mac_text(self.loader.mac()?));
        }
        Ok(self.mac.as_deref())
    }

    /// The chip's security state, read at connect time; `None` where neither
    /// GET_SECURITY_INFO nor an eFuse table tells it.
    pub fn security(&self) -> Option<&SecurityState> {
        self.security.as_ref()
    }

    /// Whether the ROM loader runs in Secure Download Mode: only SYNC, SPI_ATTACH,
    /// SPI_SET_PARAMS, CHANGE_BAUDRATE, FLASH_BEGIN/DATA/END and GET_SECURITY_INFO are
    /// allowed, so no stub, no register reads, no MD5 and no flash reads.
    pub fn secure_download(&self) -> bool {
        self.security.as_ref().is_some_and(|s| s.secure_download)
    }

    /// Why the stub is not used on this chip whatever the options say, if it is not: a
    /// ROM in Secure Download Mode runs no uploaded code, and on an ESP32-C3 with secure
    /// boot on esptool disables its stub too, the ROM path being the one known to work.
    pub fn stub_refused(&self) -> Option<&'static str> {
        if self.loader.is_stub() {
            return None;
        }
        let s = self.security.as_ref()?;
        if s.secure_download {
            Some("the ROM is in Secure Download Mode, which runs no uploaded code")
        } else if s.secure_boot && self.loader.chip() == Chip::Esp32c3 {
            Some(
                "on an ESP32-C3 with secure boot on only the ROM loader is known to work (esptool disables its stub there too)",
            )
        } else {
            None
        }
    }

    /// Every eFuse field of the chip's table, by name and value (read-only: nothing is
    /// burnt). Refused in Secure Download Mode, whose ROM reads no registers, and on chips
    /// whose table espflow does not have.
    pub fn efuse_summary(&mut self) -> Result<Vec<security::summary::FieldValue>> {
        self.refuse_in_sdm("read the eFuses", "READ_REG")?;
        let chip = self.chip();
        let table = security::summary::table(chip).ok_or_else(|| {
            Error::BadInput(format!(
                "espflow has no eFuse table for the {chip}; it knows the ESP32-C3's"
            ))
        })?;
        let mut read = |addr: u32| self.loader.read_reg(addr).map_err(Error::from);
        security::summary::read(table, &mut read).map_err(|e| e.context("reading the eFuses"))
    }

    /// The warnings of operations `force` let through since the last call.
    pub fn take_warnings(&mut self) -> Vec<String> {
        std::mem::take(&mut self.warnings)
    }

    /// Runs the security guard on `op`: a refusal unless forced, a warning kept otherwise.
    fn guard(&mut self, op: guard::Operation<'_>) -> Result<()> {
        let w = guard::check(self.chip(), self.security.as_ref(), op, self.opts.force)?;
        self.warnings.extend(w);
        Ok(())
    }

    /// Refuses what Secure Download Mode does not allow, saying why, before the ROM does.
    fn refuse_in_sdm(&self, what: &str, command: &str) -> Result<()> {
        if self.secure_download() {
            return Err(Error::Refused {
                reason: format!(
                    "cannot {what}: the chip is in Secure Download Mode, whose ROM loader \
                     refuses {command} (only writes are allowed there)"
                ),
            });
        }
        Ok(())
    }

    /// Uploads espflow's stub where the options allow and switches to the chosen baud. The
    /// stub goes up at the chosen rate where that was proven on the chip's ROM (the ESP32
    /// by its divider, the C3 by CHANGE_BAUDRATE: [`Loader::upload_stub_at`]), else at the loader's own
    /// rate, as esptool does: ROM loaders are less dependable at high rates than a stub
    /// that drains its FIFO itself. Does nothing the second time.
    pub fn ensure_stub(&mut self) -> Result<StubStart> {
        self.settle_loader(true)
    }

    /// [`Session::ensure_stub`], with `stub_wanted` false for work that must stay on the
    /// ROM loader (the baud is switched all the same).
    fn settle_loader(&mut self, stub_wanted: bool) -> Result<StubStart> {
        if let Some(done) = self.stub {
            return Ok(done);
        }
        let chip = self.loader.chip();
        let refused = self.stub_refused().is_some() || !stub_wanted;
        let outcome = if self.loader.is_stub() {
            StubStart::AlreadyRunning
        } else if refused {
            StubStart::RomLoader
        } else {
            match StubImage::for_chip(chip) {
                Some(image) if self.uses_stub() => {
                    let baud = self.opts.baud;
                    let port = self.loader.port_name();
                    let fast = !port_memory::slow_upload_needed(&port);
                    let size: usize = image.segments.iter().map(|s| s.data.len()).sum();
                    let begin = Event::begin(Stage::StubUpload, size as u64, None, None);
                    let loader = &mut self.loader;
                    let rate = progress::around(&mut *self.progress, begin, || {
                        loader.upload_stub_at(&image, baud, fast)
                    })
                    .map_err(|e| {
                        // A chip lost at the fast rate (no answer at either rate after it)
                        // needs a reset; the next run goes up at the ROM's rate.
                        if fast {
                            port_memory::remember_slow_upload(&port);
                        }
                        Error::Loader(e).context(format!("starting the {chip} stub"))
                    })?;
                    if rate == UploadRate::RomAfterFailure {
                        port_memory::remember_slow_upload(&port);
                    }
                    StubStart::Started
                }
                Some(_) if self.opts.stub == StubPolicy::Verified => StubStart::NotVerified,
                _ => StubStart::RomLoader,
            }
        };
        let baud = self.opts.baud;
        self.loader
            .change_baud(baud)
            .map_err(|e| Error::Loader(e).context(format!("switching to {baud} baud")))?;
        // A freshly started stub knows nothing of the flash yet.
        let sdm = self.secure_download();
        attach(&mut self.loader, sdm)?;
        self.stub = Some(outcome);
        if self.opts.baud_auto {
            self.find_rate()?;
        }
        Ok(outcome)
    }

    /// Whether the session would start a stub that encrypts writes (a chip whose stub
    /// drives the ROM's manual-encryption path, with the options and the chip allowing the
    /// stub). A stub already running says so itself ([`Loader::can_encrypt`]).
    pub(crate) fn stub_encrypts(&self) -> bool {
        let chip = self.loader.chip();
        !self.loader.is_stub()
            && self.stub.is_none()
            && self.stub_refused().is_none()
            && self.uses_stub()
            && StubImage::for_chip(chip).is_some()
            && chip
                .facts()
                .stub
                .as_ref()
                .is_some_and(|s| s.encrypted_writes)
    }

    /// `baud_auto`: steps up from the floor while the line holds (see [`baud`]), starting
    /// at the rate that held on this port last time, and remembers where it settled.
    fn find_rate(&mut self) -> Result<()> {
        let floor = self.loader.baud();
        let ladder = baud::ladder(floor);
        let port = self.loader.port_name();
        let progress = &mut self.progress;
        let mut report = |c: baud::Change| {
            progress.event(Event::Baud {
                baud: c.baud,
                tried: c.tried,
                reason: c.reason,
            })
        };
        if !self.loader.stub_has_baud_probation() {
            // No way back from a dead rate: the floor it is.
            report(baud::Change {
                baud: floor,
                tried: None,
                reason: crate::progress::BaudReason::Start,
            });
            return Ok(());
        }
        let start = port_memory::remembered_rate(&port);
        let chosen = baud::climb(&mut self.loader, &ladder, start, &mut report)
            .map_err(|e| Error::Loader(e).context("looking for the fastest line rate"))?;
        port_memory::remember_rate(&port, chosen);
        self.auto_ladder = Some(ladder);
        Ok(())
    }

    /// The line rate both ends are at now.
    pub fn baud(&self) -> u32 {
        self.loader.baud()
    }

    /// Whether the options let this chip's stub be used.
    fn uses_stub(&self) -> bool {
        match self.opts.stub {
            StubPolicy::Never => false,
            StubPolicy::Experimental => true,
            StubPolicy::Verified => crate::stub::verified(self.loader.chip()),
        }
    }

    /// True when the chip has an espflow stub that the options leave unused only because it
    /// has not yet run on that chip's real ROM: worth telling the user once.
    pub fn stub_unverified(&self) -> bool {
        self.opts.stub == StubPolicy::Verified
            && !self.loader.is_stub()
            && StubImage::for_chip(self.loader.chip()).is_some()
            && !crate::stub::verified(self.loader.chip())
    }

    /// True when the options would have the stub used but espflow has none for this chip
    /// (the P4 so far), so the ROM loader does the work: worth telling the
    /// user once.
    pub fn stub_missing(&self) -> bool {
        self.opts.stub != StubPolicy::Never
            && !self.loader.is_stub()
            && StubImage::for_chip(self.loader.chip()).is_none()
    }

    /// The loader underneath, for commands the session does not wrap.
    pub fn loader(&mut self) -> &mut Loader {
        &mut self.loader
    }

    /// The chip connected to.
    pub fn chip(&self) -> Chip {
        self.loader.chip()
    }

    /// What the chip says about itself.
    pub fn board_info(&mut self) -> Result<BoardInfo> {
        self.ensure_stub()?;
        let sdm = self.secure_download();
        let security = self.security.clone();
        let l = &mut self.loader;
        let chip = l.chip();
        let caps = l.capabilities();
        let (mac, revision, crystal_mhz, flash_id, flash_size) = if sdm {
            // Nothing but GET_SECURITY_INFO answers; the crystal is known where the chip
            // takes only one.
            (None, None, chip.facts().crystal_mhz(), None, None)
        } else {
            let mac = mac_text(l.mac()?);
            (
                Some(mac),
                l.revision()?,
                l.crystal_mhz()?,
                Some(l.flash_id()?),
                Some(region::flash_size(l)?),
            )
        };
        Ok(BoardInfo {
            chip: chip.to_string(),
            revision,
            crystal_mhz,
            mac,
            flash_id,
            flash_size,
            security,
            loader: match (l.is_stub(), caps) {
                (false, _) => "rom",
                (true, Some(_)) => "espflow-stub",
                (true, None) => "foreign-stub",
            },
            stub_protocol: caps.map(|c| c.version),
        })
    }

    /// Writes images: checks them against each other and the flash, proves with one MD5
    /// each whether they are already in place (then nothing is uploaded or sent), and
    /// otherwise starts the stub and writes what differs. `journal` makes the write
    /// resumable across invocations.
    pub fn write(
        &mut self,
        images: &[Image],
        opts: WriteOptions,
        journal: Option<&Journal>,
        progress: &mut dyn Progress,
    ) -> Result<WriteSummary> {
        self.write_guarded(images, opts, journal, progress, false)
    }

    /// [`Session::write`], with `plaintext_ok` set where the images are meant to stay
    /// plaintext on an encrypted chip (data partitions ESP-IDF does not encrypt).
    pub(crate) fn write_guarded(
        &mut self,
        images: &[Image],
        opts: WriteOptions,
        journal: Option<&Journal>,
        progress: &mut dyn Progress,
        plaintext_ok: bool,
    ) -> Result<WriteSummary> {
        self.guard_write(images, plaintext_ok)?;
        let prepared = self.prepare_encrypted(images)?;
        let images = prepared.as_deref().unwrap_or(images);
        if self.secure_download() {
            self.ensure_stub()?;
            return write::secure_download::write_images(&mut self.loader, images, progress);
        }
        if let Some(s) = write::already_in_place(&mut self.loader, images, opts, journal, progress)?
        {
            return Ok(s);
        }
        // An encrypted write stays on the ROM loader unless the stub can encrypt.
        self.settle_loader(prepared.is_none() || self.stub_encrypts())?;
        let Some(ladder) = self.auto_ladder.clone() else {
            return write::write_images(&mut self.loader, images, opts, journal, progress);
        };
        // With --baud auto, the write steps down a rate when its retries climb.
        let changes = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let governor = baud::Governor::new(ladder, self.loader.baud(), changes.clone());
        self.loader.set_rate_governor(Some(Box::new(governor)));
        let r = write::write_images(&mut self.loader, images, opts, journal, progress);
        self.loader.set_rate_governor(None);
        let changes = changes.lock().map(|c| c.clone()).unwrap_or_default();
        for c in &changes {
            self.progress.event(Event::Baud {
                baud: c.baud,
                tried: c.tried,
                reason: c.reason,
            });
        }
        if let Some(last) = changes.last() {
            let port = self.loader.port_name();
            port_memory::remember_rate(&port, last.baud);
        }
        r
    }

    /// Reads `size` bytes of flash at `addr`.
    pub fn read(&mut self, addr: u32, size: u32, progress: &mut dyn Progress) -> Result<Vec<u8>> {
        self.refuse_in_sdm("read the flash", "every flash read")?;
        region::check_range(&self.loader, addr, size)?;
        self.ensure_stub()?;
        region::read_region(&mut self.loader, addr, size, progress)
    }

    /// The size of the attached flash, as its JEDEC id says.
    pub fn flash_size(&self) -> u32 {
        self.loader
            .flash_size()
            .expect("a session attaches the flash when it connects")
    }

    /// Erases whole sectors; sizes that are not whole sectors are refused, not rounded.
    pub fn erase_region(&mut self, addr: u32, size: u32) -> Result<()> {
        region::check_erase(&self.loader, addr, size)?;
        self.refuse_in_sdm("erase", "the stub's erase commands")?;
        self.guard(guard::Operation::Erase(addr, size))?;
        self.ensure_stub()?;
        let begin = Event::begin(Stage::Erase, size as u64, None, Some(addr));
        let loader = &mut self.loader;
        progress::around(&mut *self.progress, begin, || {
            region::erase_region(loader, addr, size)
        })
    }

    /// Erases the whole flash.
    pub fn erase_flash(&mut self) -> Result<()> {
        self.refuse_in_sdm("erase", "the stub's erase commands")?;
        let size = self.flash_size();
        self.guard(guard::Operation::Erase(0, size))?;
        self.ensure_stub()?;
        let begin = Event::begin(Stage::Erase, size as u64, None, Some(0));
        let loader = &mut self.loader;
        progress::around(&mut *self.progress, begin, || region::erase_flash(loader))
    }

    /// The MD5 of a region, computed on the chip, in hex.
    pub fn checksum_md5(&mut self, addr: u32, size: u32) -> Result<String> {
        self.refuse_in_sdm("compute an MD5", "SPI_FLASH_MD5")?;
        region::check_range(&self.loader, addr, size)?;
        self.ensure_stub()?;
        let begin = Event::begin(Stage::Digest, size as u64, None, Some(addr));
        let loader = &mut self.loader;
        progress::around(&mut *self.progress, begin, || {
            region::checksum_md5(loader, addr, size)
        })
        .map(|d| hex(&d))
    }

    /// Leaves the chip as `after` says and gives the port back.
    pub fn finish(self, after: After) -> Result<Box<dyn Transport>> {
        Ok(self.loader.finish(after)?)
    }
}

#[cfg(test)]
mod tests {
    use std::io;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    use super::*;

    /// A port that counts every use, to prove it was never touched.
    struct Counting(Arc<AtomicUsize>);

    impl Transport for Counting {
        fn write_all(&mut self, _: &[u8]) -> io::Result<()> {
            self.0.fetch_add(1, Ordering::SeqCst);
            Ok(())
        }
        fn read(&mut self, _: &mut [u8], _: Duration) -> io::Result<usize> {
            self.0.fetch_add(1, Ordering::SeqCst);
            Ok(0)
        }
        fn discard_input(&mut self) -> io::Result<()> {
            self.0.fetch_add(1, Ordering::SeqCst);
            Ok(())
        }
        fn set_baud(&mut self, _: u32) -> io::Result<()> {
            self.0.fetch_add(1, Ordering::SeqCst);
            Ok(())
        }
        fn set_lines(&mut self, _: Option<bool>, _: Option<bool>) -> io::Result<()> {
            self.0.fetch_add(1, Ordering::SeqCst);
            Ok(())
        }
        fn name(&self) -> String {
            "counting".into()
        }
    }

    #[test]
    fn a_bad_baud_is_refused_before_the_port_is_touched() {
        for baud in [0, 300, 5_000_001, u32::MAX] {
            let uses = Arc::new(AtomicUsize::new(0));
            let opts = SessionOptions {
                baud,
                ..SessionOptions::default()
            };
            let e = Session::connect(Box::new(Counting(uses.clone())), &opts)
                .err()
                .expect("refused");
            assert_eq!(e.code(), crate::ErrorCode::BadInput);
            assert_eq!(
                e.to_string(),
                format!("baud rate {baud} is not supported: use 9600 to 5000000")
            );
            assert_eq!(uses.load(Ordering::SeqCst), 0, "the port was used");
        }
        assert!(check_baud(9_600u32).is_ok() && check_baud(5_000_000u32).is_ok());
        assert!(check_baud(u64::MAX).is_err());
    }
}
