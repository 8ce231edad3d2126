//! ESP32-C5 facts: registers from ESP-IDF's soc/esp32c5 headers, eFuse fields from
//! esptool's ESP32C5ROM.

use espflow_stub_chip::hash::RomMd5;
use espflow_stub_chip::line::{self, UartSpec};
use espflow_stub_chip::reg;
use espflow_stub_chip::run::{Chip, START_BAUD};
use espflow_stub_chip::security::{SecurityInfo, field};

pub const USB_SERIAL_JTAG: u32 = 0x6000_F000;

/// CACHE L1_CACHE_CTRL: bits 0/1 shut the cache off bus 0/1.
const L1_CACHE_CTRL: u32 = 0x600C_8004;
const EFUSE_BASE: u32 = 0x600B_4800;
const CHIP_ID: u32 = 23;

unsafe extern "C" {
    fn Cache_Suspend_Cache() -> u32;
    fn Cache_Resume_Cache(autoload: u32);
}

/// The C5 takes a 40 or a 48 MHz crystal and its ROM may assume the wrong one (esptool
/// corrects ROM baud changes for that), so the clock is read off the divider the ROM's
/// autobaud found rather than taken from the ROM.
pub fn uart_clock() -> u32 {
    line::measured_uart_clock(START_BAUD, &[40_000_000, 48_000_000])
}

pub struct Uart;

impl UartSpec for Uart {
    const CNT_MASK: u32 = 0xFF;
    const THRHD_MASK: u32 = 0xFF;
    const SYNC_UPDATE: bool = true;
}

pub struct C5;

impl Chip for C5 {
    type Uart = Uart;
    type Md5 = RomMd5;

    fn cache_suspend() -> Option<u32> {
        // Resuming a cache that was shut would open it, so only touch one that is serving.
        if reg::read(L1_CACHE_CTRL) & 3 == 3 {
            return None;
        }
        // SAFETY: ROM cache call, paired with cache_resume.
        Some(unsafe { Cache_Suspend_Cache() })
    }

    fn cache_resume(saved: u32) {
        // SAFETY: resumes exactly what cache_suspend suspended.
        unsafe { Cache_Resume_Cache(saved) }
    }

    fn security_info() -> [u8; 20] {
        let w1 = reg::read(EFUSE_BASE + 0x34);
        let w2 = reg::read(EFUSE_BASE + 0x38);
        let mac_w2 = reg::read(EFUSE_BASE + 0x44 + 8);
        SecurityInfo {
            secure_boot: field(w2, 25, 1) != 0,
            crypt_cnt: field(w1, 16, 3) as u8,
            // Five-bit purpose fields on the C5.
            key_purposes: [
                field(w1, 22, 5) as u8,
                field(w1, 27, 5) as u8,
                field(w2, 0, 5) as u8,
                field(w2, 5, 5) as u8,
                field(w2, 10, 5) as u8,
                field(w2, 15, 5) as u8,
            ],
            chip_id: CHIP_ID,
            eco: field(mac_w2, 4, 2) * 100 + field(mac_w2, 0, 4),
        }
        .to_bytes()
    }

    fn md5() -> RomMd5 {
        RomMd5::new()
    }
}
