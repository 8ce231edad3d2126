//! The flash caches of the ESP32-S2 and S3: an instruction cache and a data cache, each
//! able to fetch from flash through SPI0 while SPI1 works. Both are suspended around every
//! SPI1 operation with the ROM's `Cache_Suspend_ICache`/`Cache_Suspend_DCache`, each only
//! while it is serving; resuming hands each its autoload state back.

use espflow_chip_facts::CacheRegs;

use crate::run::Chip;
use crate::{reg, rom};

/// Where a cache's state machine says it is idle (the field reads 1), for a ROM whose
/// suspend calls return before the cache is (the S3's; ESP-IDF waits the same way).
#[derive(Clone, Copy)]
pub struct IdleState {
    pub reg: u32,
    /// Shifts of the 12-bit ICACHE_STATE and DCACHE_STATE fields.
    pub icache_shift: u32,
    pub dcache_shift: u32,
}

/// What [`resume`] needs: which caches were suspended and their autoload states, which
/// the ROM returns as a small mask (its autoload-enable bit).
const ICACHE_SUSPENDED: u32 = 1 << 15;
const DCACHE_SUSPENDED: u32 = 1 << 31;
const AUTOLOAD: u32 = 0x7FFF;

/// Enabled and not shut off both buses, as the chip's registers say.
fn serving(c: &CacheRegs) -> bool {
    let enabled = c.enable.is_none_or(|r| reg::read(r) & 1 != 0);
    let shut = c.bus_shut.is_some_and(|r| reg::read(r) & 3 == 3);
    enabled && !shut
}

fn wait_idle(idle: Option<IdleState>, shift: impl Fn(&IdleState) -> u32) {
    let Some(i) = idle else { return };
    // Bounded: a cache that never reports idle must not hang the stub.
    for _ in 0..100_000 {
        if (reg::read(i.reg) >> shift(&i)) & 0xFFF == 1 {
            return;
        }
    }
}

/// Suspends whichever of the two caches is serving; `None` when neither was.
pub fn suspend<C: Chip>(idle: Option<IdleState>) -> Option<u32> {
    let mut saved = 0;
    if serving(&C::STUB.cache) {
        // SAFETY: paired with resume by ChipHal::with_flash.
        saved |= ICACHE_SUSPENDED | (unsafe { rom::Cache_Suspend_ICache() } & AUTOLOAD);
        wait_idle(idle, |i| i.icache_shift);
    }
    if let Some(d) = &C::STUB.dcache
        && serving(d)
    {
        // SAFETY: as above.
        let autoload = unsafe { rom::Cache_Suspend_DCache() } & AUTOLOAD;
        saved |= DCACHE_SUSPENDED | autoload << 16;
        wait_idle(idle, |i| i.dcache_shift);
    }
    (saved != 0).then_some(saved)
}

/// Resumes what [`suspend`] suspended, the data cache first, as it was suspended last.
///
/// # Safety
/// `saved` comes from [`suspend`], and SPI1 is idle.
pub unsafe fn resume(saved: u32) {
    // SAFETY: each cache is resumed only if it was suspended, with its own state.
    unsafe {
        if saved & DCACHE_SUSPENDED != 0 {
            rom::Cache_Resume_DCache((saved >> 16) & AUTOLOAD);
        }
        if saved & ICACHE_SUSPENDED != 0 {
            rom::Cache_Resume_ICache(saved & AUTOLOAD);
        }
    }
}
