//! ESP32-C2 facts: registers from ESP-IDF's soc/esp32c2 headers, eFuse fields from
//! esptool's ESP32C2ROM.

use espflow_stub_chip::line::{self, UartSpec};
use espflow_stub_chip::reg;
use espflow_stub_chip::run::{Chip, START_BAUD};
use espflow_stub_chip::security::{SecurityInfo, field};
use espflow_stub_core::hal::Hasher;

/// EXTMEM ICACHE_CTRL bit 0 enables the ICache; ICACHE_CTRL1 bits 0/1 shut it off the
/// instruction/data bus.
const ICACHE_CTRL: u32 = 0x600C_4000;
const ICACHE_CTRL1: u32 = 0x600C_4004;
const EFUSE_BASE: u32 = 0x6000_8800;
const CHIP_ID: u32 = 12;

unsafe extern "C" {
    fn Cache_Suspend_ICache() -> u32;
    fn Cache_Resume_ICache(autoload: u32);
    fn mbedtls_md5_starts_ret(ctx: *mut u32) -> i32;
    fn mbedtls_md5_update_ret(ctx: *mut u32, data: *const u8, len: u32) -> i32;
    fn mbedtls_md5_finish_ret(ctx: *mut u32, digest: *mut u8) -> i32;
}

/// The C2 takes a 26 or a 40 MHz crystal and its ROM assumes 40 MHz for baud changes
/// (esptool scales the ROM's CHANGE_BAUDRATE for that), so the UART clock is read off
/// the divider the ROM's autobaud found rather than taken from the ROM.
pub fn uart_clock() -> u32 {
    line::measured_uart_clock(START_BAUD, &[26_000_000, 40_000_000])
}

pub struct Uart;

impl UartSpec for Uart {
    const CNT_MASK: u32 = 0x3FF;
    const THRHD_MASK: u32 = 0x1FF;
    const SYNC_UPDATE: bool = false;
}

/// The C2 ROM has no MD5Init family; its mbedtls MD5 keeps the same 88-byte state.
pub struct RomMd5([u32; 32]);

impl Hasher<16> for RomMd5 {
    fn update(&mut self, data: &[u8]) {
        // SAFETY: the context was initialised by mbedtls_md5_starts_ret.
        unsafe { mbedtls_md5_update_ret(self.0.as_mut_ptr(), data.as_ptr(), data.len() as u32) };
    }

    fn finish(mut self) -> [u8; 16] {
        let mut out = [0u8; 16];
        // SAFETY: as above; `out` has room for the digest.
        unsafe { mbedtls_md5_finish_ret(self.0.as_mut_ptr(), out.as_mut_ptr()) };
        out
    }
}

pub struct C2;

impl Chip for C2 {
    type Uart = Uart;
    type Md5 = RomMd5;

    fn cache_suspend() -> Option<u32> {
        // Resuming a cache that was off would turn it on, so only touch one that is on
        // and still reachable from a bus.
        let enabled = reg::read(ICACHE_CTRL) & 1 != 0;
        let shut = reg::read(ICACHE_CTRL1) & 3 == 3;
        if !enabled || shut {
            return None;
        }
        // SAFETY: ROM cache call, paired with cache_resume.
        Some(unsafe { Cache_Suspend_ICache() })
    }

    fn cache_resume(saved: u32) {
        // SAFETY: resumes exactly what cache_suspend suspended.
        unsafe { Cache_Resume_ICache(saved) }
    }

    fn security_info() -> [u8; 20] {
        let w0 = reg::read(EFUSE_BASE + 0x30);
        let blk2_w1 = reg::read(EFUSE_BASE + 0x40 + 4);
        SecurityInfo {
            secure_boot: field(w0, 21, 1) != 0,
            crypt_cnt: field(w0, 7, 3) as u8,
            // The C2 has one key block and no purpose fields.
            key_purposes: [0; 6],
            chip_id: CHIP_ID,
            eco: field(blk2_w1, 20, 2) * 100 + field(blk2_w1, 16, 4),
        }
        .to_bytes()
    }

    fn md5() -> RomMd5 {
        let mut ctx = RomMd5([0; 32]);
        // SAFETY: initialises the context in place.
        unsafe { mbedtls_md5_starts_ret(ctx.0.as_mut_ptr()) };
        ctx
    }
}
