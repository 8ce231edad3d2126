//! The C3's SHA accelerator, driven block by block from the CPU: SHA_MODE selects SHA-256,
//! the block's words go into SHA_M_MEM as they lie in memory (the engine takes them
//! little-endian, unlike the ESP32's), SHA_START hashes a message's first block and
//! SHA_CONTINUE each further one, and SHA_H_MEM holds the state, which after the padded
//! last block is the digest in byte order. In software on the C3's core a sector's SHA-256
//! costs more than its flash read; the engine takes about a register write per word.

use espflow_stub_chip::hash::Sha256Engine;
use espflow_stub_chip::reg;

const BASE: u32 = 0x6003_B000;
const MODE: u32 = BASE;
const START: u32 = BASE + 0x10;
const CONTINUE: u32 = BASE + 0x14;
const BUSY: u32 = BASE + 0x18;
const H_MEM: u32 = BASE + 0x40;
const M_MEM: u32 = BASE + 0x80;
const MODE_SHA256: u32 = 2;

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
    wait_idle();
    reg::write(MODE, MODE_SHA256);
}

/// Bounded, so an engine left without a clock cannot hang the stub. What it then gives is
/// a digest that matches nothing: the host rewrites or fails the verify, never believes it.
fn wait_idle() {
    for _ in 0..100_000 {
        if reg::read(BUSY) == 0 {
            return;
        }
    }
}

fn block(block: &[u8; 64], first: bool) {
    for (i, w) in block.chunks_exact(4).enumerate() {
        let w = u32::from_le_bytes(w.try_into().expect("4-byte chunks"));
        reg::write(M_MEM + 4 * i as u32, w);
    }
    reg::write(if first { START } else { CONTINUE }, 1);
    wait_idle();
}

fn digest() -> [u8; 32] {
    wait_idle();
    let mut out = [0u8; 32];
    for (i, d) in out.chunks_exact_mut(4).enumerate() {
        d.copy_from_slice(&reg::read(H_MEM + 4 * i as u32).to_le_bytes());
    }
    out
}
