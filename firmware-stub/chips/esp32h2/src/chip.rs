//! ESP32-H2 facts: registers from ESP-IDF's soc/esp32h2 headers, eFuse fields from
//! esptool's ESP32H2ROM (which keeps the C6's eFuse block layout).

use espflow_stub_chip::hash::RomMd5;
use espflow_stub_chip::line::UartSpec;
use espflow_stub_chip::reg;
use espflow_stub_chip::run::Chip;
use espflow_stub_chip::security::{SecurityInfo, field};

pub const USB_SERIAL_JTAG: u32 = 0x6000_F000;
/// The UART runs from the 32 MHz crystal in download mode; the H2 has no other crystal.
pub const UART_CLOCK: u32 = 32_000_000;

/// CACHE L1_CACHE_CTRL: bits 0/1 shut the cache off bus 0/1.
const L1_CACHE_CTRL: u32 = 0x600C_8004;
const EFUSE_BASE: u32 = 0x600B_0800;
const CHIP_ID: u32 = 16;

unsafe extern "C" {
    fn Cache_Suspend_ICache() -> u32;
    fn Cache_Resume_ICache(autoload: u32);
}

pub struct Uart;

impl UartSpec for Uart {
    const CNT_MASK: u32 = 0xFF;
    const THRHD_MASK: u32 = 0xFF;
    const SYNC_UPDATE: bool = true;
}

pub struct H2;

impl Chip for H2 {
    type Uart = Uart;
    type Md5 = RomMd5;

    fn cache_suspend() -> Option<u32> {
        // Resuming a cache that was shut would open it, so only touch one that is serving.
        if reg::read(L1_CACHE_CTRL) & 3 == 3 {
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
        let w1 = reg::read(EFUSE_BASE + 0x34);
        let w2 = reg::read(EFUSE_BASE + 0x38);
        let mac_w3 = reg::read(EFUSE_BASE + 0x44 + 12);
        SecurityInfo {
            secure_boot: field(w2, 20, 1) != 0,
            crypt_cnt: field(w1, 18, 3) as u8,
            key_purposes: [
                field(w1, 24, 4) as u8,
                field(w1, 28, 4) as u8,
                field(w2, 0, 4) as u8,
                field(w2, 4, 4) as u8,
                field(w2, 8, 4) as u8,
                field(w2, 12, 4) as u8,
            ],
            chip_id: CHIP_ID,
            eco: field(mac_w3, 21, 2) * 100 + field(mac_w3, 18, 3),
        }
        .to_bytes()
    }

    fn md5() -> RomMd5 {
        RomMd5::new()
    }
}
