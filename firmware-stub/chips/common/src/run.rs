//! The HAL the stub core runs on, and the command loop.

use core::marker::PhantomData;
use core::mem::MaybeUninit;

use espflow_protocol::SlipDecoder;
use espflow_stub_core::Stub;
use espflow_stub_core::hal::{Hal, Hasher, SpiFlash};

use crate::flash::RomFlash;
use crate::hash::SoftSha256;
use crate::line::{Line, UartSpec};
use crate::{reg, rom};

/// The host talks to the ROM loader, and so to the freshly started stub, at this rate.
pub const START_BAUD: u32 = 115_200;

/// What differs between chips beyond the ROM addresses.
pub trait Chip {
    type Uart: UartSpec;
    type Md5: Hasher<16>;

    /// Suspends the flash cache if it could fetch, returning what resuming needs.
    fn cache_suspend() -> Option<u32>;
    fn cache_resume(saved: u32);
    /// The 20-byte GET_SECURITY_INFO payload, from the eFuse read registers.
    fn security_info() -> [u8; 20];
    fn md5() -> Self::Md5;
}

pub struct ChipHal<C: Chip> {
    line: Line<C::Uart>,
    flash: RomFlash,
    _chip: PhantomData<C>,
}

impl<C: Chip> ChipHal<C> {
    pub fn new(line: Line<C::Uart>) -> Self {
        ChipHal {
            line,
            flash: RomFlash,
            _chip: PhantomData,
        }
    }
}

impl<C: Chip> Hal for ChipHal<C> {
    type Flash = RomFlash;
    type Md5 = C::Md5;
    type Sha256 = SoftSha256;

    fn with_flash<R>(&mut self, f: impl FnOnce(&mut RomFlash) -> R) -> R {
        // The stub runs from RAM only, so nothing of ours fetches through the cache; it is
        // suspended anyway in case a caller left it serving the bus.
        let saved = C::cache_suspend();
        let r = f(&mut self.flash);
        if let Some(saved) = saved {
            C::cache_resume(saved);
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

    fn md5(&mut self) -> C::Md5 {
        C::md5()
    }

    fn sha256(&mut self) -> SoftSha256 {
        SoftSha256::new()
    }
}

/// Attaches the flash, greets the host and serves it forever. `slot` and `frame` are the
/// chip crate's statics: the stub state is far larger than the stack.
pub fn run<C: Chip>(
    mut hal: ChipHal<C>,
    slot: &'static mut MaybeUninit<Stub<ChipHal<C>>>,
    frame: &'static mut [u8],
) -> ! {
    // The pins and the write protection are set up once; SPI_ATTACH repeats it on request.
    let _ = hal.with_flash(|f| f.attach(0));
    let stub = Stub::init_in_place(slot, START_BAUD);
    Stub::greet(&mut hal);
    let mut decoder = SlipDecoder::new();
    loop {
        let Some(b) = hal.line.next_byte() else {
            continue;
        };
        if let Ok(Some(n)) = decoder.push(b, frame) {
            stub.handle(&mut hal, &frame[..n]);
        }
    }
}
