//! The HAL the stub core runs on, and the command loop.

use core::marker::PhantomData;
use core::mem::MaybeUninit;

use espflow_chip_facts::{ChipFacts, StubFacts};
use espflow_protocol::SlipDecoder;
use espflow_stub_core::Stub;
use espflow_stub_core::hal::{Hal, SpiFlash};

use crate::flash::RomFlash;
use crate::hash::{ChipSha256, Sha256Engine, StartHash};
use crate::line::{self, Line};
use crate::security::SecurityInfo;
use crate::{reg, rom};

/// The host talks to the ROM loader, and so to the freshly started stub, at this rate.
pub const START_BAUD: u32 = 115_200;

/// How UART0's receive interrupt reaches the stub's handler.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum UartIrq {
    /// Through the ROM's dispatcher, on the CPU line the ROM already routes UART0 to, so the
    /// chip's interrupt controller is programmed by the code that knows it.
    Rom,
    /// Through the stub's own vector table and the C3-style interrupt matrix the chip's
    /// table names. On the C3 the ROM's dispatcher costs so much per interrupt that a 1 MiB
    /// write took 21 s through it against 13 s this way.
    Vectored,
}

/// What a chip crate tells the shared code. Everything with a default follows the chip's
/// table; a chip overrides only what its ROM does differently.
pub trait Chip {
    const FACTS: &'static ChipFacts;
    const UART_IRQ: UartIrq = UartIrq::Rom;
    type Md5: StartHash;
    /// The chip's SHA-256 accelerator, where its crate drives one; software otherwise.
    const SHA256_ENGINE: Option<Sha256Engine> = None;

    /// The stub part of the table; a chip crate without one does not build.
    const STUB: &'static StubFacts = match &Self::FACTS.stub {
        Some(s) => s,
        None => panic!("the chip's table has no stub facts"),
    };

    /// Whether the ROM loader was answering on USB-Serial-JTAG rather than UART0.
    fn rom_used_usb_jtag_serial() -> bool {
        line::rom_used_usb_jtag_serial()
    }

    /// The clock behind UART0's baud divider.
    fn uart_clock() -> u32 {
        match Self::FACTS.crystals_mhz {
            [one] => one * 1_000_000,
            // The ROM may assume the wrong crystal for baud changes (esptool corrects for
            // that), so the clock is read off the divider the ROM's autobaud found.
            several => line::measured_uart_clock::<Self>(START_BAUD, several),
        }
    }

    /// The pin configuration SPI_ATTACH passes to the ROM for a request of `config`. These
    /// ROMs mostly export no ets_efuse_get_spiconfig: 0 selects the default SPI pins, which
    /// is also what esp-flasher-stub passes.
    fn spi_config(config: u32) -> u32 {
        config
    }

    /// Programs `len` bytes (a multiple of 32, at a 32-byte aligned `addr`, over erased
    /// flash) from `src` through the ROM's manual-encryption path, where the chip's table
    /// sets `encrypted_writes`; elsewhere it refuses. Returns the ROM's result (0: done).
    ///
    /// # Safety
    /// `src` holds `len` readable bytes, word-aligned.
    unsafe fn rom_write_encrypted(addr: u32, src: *const u32, len: u32) -> i32 {
        let _ = (addr, src, len);
        -1
    }

    /// The ROM's call that suspends the cache, returning what resuming needs.
    ///
    /// # Safety
    /// Must be paired with [`Chip::rom_cache_resume`].
    unsafe fn rom_cache_suspend() -> u32 {
        // SAFETY: the caller pairs it.
        unsafe { rom::Cache_Suspend_ICache() }
    }

    /// # Safety
    /// `saved` comes from the matching [`Chip::rom_cache_suspend`].
    unsafe fn rom_cache_resume(saved: u32) {
        // SAFETY: as the caller promises.
        unsafe { rom::Cache_Resume_ICache(saved) }
    }

    /// Suspends the flash cache if it could fetch, returning what resuming needs. Resuming
    /// a cache that was off, or shut off both buses, would open it, so only a cache that is
    /// serving is touched.
    fn cache_suspend() -> Option<u32> {
        let c = Self::STUB.cache;
        let enabled = c.enable.is_none_or(|r| reg::read(r) & 1 != 0);
        let shut = c.bus_shut.is_some_and(|r| reg::read(r) & 3 == 3);
        if !enabled || shut {
            return None;
        }
        // SAFETY: paired with cache_resume by ChipHal::with_flash.
        Some(unsafe { Self::rom_cache_suspend() })
    }

    /// Whether SPI1 may be used now: false on a dual-core chip whose other CPU could be
    /// fetching through the flash cache, that is, one not parked as its table says.
    fn flash_allowed() -> bool {
        Self::STUB.other_cpu.is_none_or(|o| o.parked(reg::read))
    }

    /// The 20-byte GET_SECURITY_INFO payload, from the eFuse fields in the table.
    fn security_info() -> [u8; 20] {
        let f = Self::FACTS;
        let s = Self::STUB;
        let read = |e: espflow_chip_facts::EfuseField| e.extract(reg::read(e.addr));
        let eco = f.revision.map_or(0, |r| {
            let Ok((major, minor)) =
                r.read(|addr| Ok::<_, core::convert::Infallible>(reg::read(addr)));
            major * 100 + minor
        });
        SecurityInfo {
            secure_boot: read(s.secure_boot) != 0,
            crypt_cnt: read(f.crypt_cnt) as u8,
            key_purposes: s.key_purposes.map_or([0; 6], |k| k.map(|e| read(e) as u8)),
            chip_id: f.chip_id.unwrap_or(0),
            eco,
        }
        .to_bytes()
    }
}

pub struct ChipHal<C: Chip> {
    line: Line<C>,
    flash: RomFlash<C>,
    _chip: PhantomData<C>,
}

impl<C: Chip> ChipHal<C> {
    pub fn new(line: Line<C>) -> Self {
        ChipHal {
            line,
            flash: RomFlash::new(),
            _chip: PhantomData,
        }
    }
}

impl<C: Chip> Hal for ChipHal<C> {
    type Flash = RomFlash<C>;
    type Md5 = C::Md5;
    type Sha256 = ChipSha256;

    fn with_flash<R>(&mut self, f: impl FnOnce(&mut RomFlash<C>) -> R) -> R {
        // The stub runs from RAM only, so nothing of ours fetches through the cache; it is
        // suspended anyway in case a caller left it serving the bus.
        let saved = C::cache_suspend();
        let r = f(&mut self.flash);
        if let Some(saved) = saved {
            // SAFETY: resumes exactly what cache_suspend suspended.
            unsafe { C::rom_cache_resume(saved) };
        }
        r
    }

    fn read_reg(&mut self, addr: u32) -> u32 {
        reg::read(addr)
    }

    fn write_reg(&mut self, addr: u32, value: u32) {
        reg::write(addr, value)
    }

    fn delay_us(&mut self, us: u32) {
        // SAFETY: ROM busy-wait.
        unsafe { rom::ets_delay_us(us) }
    }

    fn send_frame(&mut self, packet: &[u8]) {
        self.line.send_frame(packet);
    }

    fn set_baud(&mut self, baud: u32) {
        self.line.set_baud(baud);
    }

    fn security_info(&mut self) -> [u8; 20] {
        C::security_info()
    }

    fn flash_allowed(&mut self) -> bool {
        C::flash_allowed()
    }

    fn encrypted_writes(&self) -> bool {
        C::STUB.encrypted_writes
    }

    fn md5(&mut self) -> C::Md5 {
        C::Md5::start()
    }

    fn sha256(&mut self) -> ChipSha256 {
        ChipSha256::start(C::SHA256_ENGINE)
    }
}

/// Attaches the flash, greets the host and serves it forever. `slot` and `frame` are the
/// chip crate's statics: the stub state is far larger than the stack.
pub fn run<C: Chip>(
    mut hal: ChipHal<C>,
    slot: &'static mut MaybeUninit<Stub<ChipHal<C>>>,
    frame: &'static mut [u8],
) -> ! {
    // The table says which stubs hash on an engine (the virtual chip charges digests by
    // it); the crate that drives one must agree.
    const { assert!(C::SHA256_ENGINE.is_some() == C::STUB.sha256_engine) };
    // The pins and the write protection are set up once; SPI_ATTACH repeats it on request.
    // Not even that while another CPU could fetch through the cache.
    if C::flash_allowed() {
        let _ = hal.with_flash(|f| f.attach(0));
    }
    let stub = Stub::init_in_place(slot, START_BAUD);
    Stub::greet(&mut hal);
    let mut decoder = SlipDecoder::new();
    loop {
        let Some(b) = hal.line.next_byte() else {
            continue;
        };
        stub.byte_received(&mut hal);
        if let Ok(Some(n)) = decoder.push(b, frame) {
            stub.handle(&mut hal, &frame[..n]);
        }
    }
}
