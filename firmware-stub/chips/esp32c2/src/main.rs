//! espflow's flasher stub for the ESP32-C2.
//!
//! Code, data, stack and the interrupt handler all live in SRAM1; the ICache is suspended
//! around every SPI1 operation in case a caller left it on. The C2 has no USB-Serial-JTAG
//! port, so the host is always on UART0, whose handler runs through the ROM's interrupt
//! dispatcher. Beyond its table, the C2 differs only in its ROM's MD5 API.

#![no_std]
#![no_main]

use espflow_stub_chip::hash::StartHash;
use espflow_stub_chip::run::Chip;
use espflow_stub_core::hal::Hasher;

unsafe extern "C" {
    fn mbedtls_md5_starts_ret(ctx: *mut u32) -> i32;
    fn mbedtls_md5_update_ret(ctx: *mut u32, data: *const u8, len: u32) -> i32;
    fn mbedtls_md5_finish_ret(ctx: *mut u32, digest: *mut u8) -> i32;
}

/// The C2 ROM has no MD5Init family; its mbedtls MD5 keeps the same 88-byte state.
struct MbedtlsMd5([u32; 32]);

impl StartHash for MbedtlsMd5 {
    fn start() -> MbedtlsMd5 {
        let mut ctx = MbedtlsMd5([0; 32]);
        // SAFETY: initialises the context in place.
        unsafe { mbedtls_md5_starts_ret(ctx.0.as_mut_ptr()) };
        ctx
    }
}

impl Hasher<16> for MbedtlsMd5 {
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

struct C2;

impl Chip for C2 {
    const FACTS: &'static espflow_chip_facts::ChipFacts = &espflow_chip_facts::ESP32C2;
    type Md5 = MbedtlsMd5;
}

espflow_stub_chip::stub_entry!(C2);
