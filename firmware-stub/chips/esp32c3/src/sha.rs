//! The C3's SHA accelerator, driven block by block from the CPU: SHA_MODE selects SHA-256,
//! the block's words go into SHA_M_MEM as they lie in memory (the engine takes them
//! little-endian, unlike the ESP32's), SHA_START hashes a message's first block and
//! SHA_CONTINUE each further one, and SHA_H_MEM holds the state, which after the padded
//! last block is the digest in byte order. In software on the C3's core a sector's SHA-256
//! costs more than its flash read; the engine takes about a register write per word.

use espflow_stub_chip::hash::{Sha256Engine, ShaRegs};
use espflow_stub_chip::reg;

const BASE: u32 = 0x6003_B000;
const MODE: u32 = BASE;
const MODE_SHA256: u32 = 2;
const REGS: ShaRegs = ShaRegs {
    text: BASE + 0x80,
    start: BASE + 0x10,
    cont: BASE + 0x14,
    busy: BASE + 0x18,
    state: BASE + 0x40,
    big_endian: false,
};

unsafe extern "C" {
    /// Clocks the SHA engine and takes it (with the blocks whose reset holds it) out of
    /// reset.
    fn ets_sha_enable();
}

pub const ENGINE: Sha256Engine = Sha256Engine {
    enable,
    block,
    digest,
};

fn enable() {
    // SAFETY: ROM call without arguments.
    unsafe { ets_sha_enable() };
    REGS.wait_idle();
    reg::write(MODE, MODE_SHA256);
}

fn block(block: &[u8; 64], first: bool) {
    REGS.block(block, first);
}

fn digest() -> [u8; 32] {
    REGS.digest()
}
