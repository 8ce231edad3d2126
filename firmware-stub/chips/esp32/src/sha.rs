//! The ESP32's SHA accelerator, driven block by block: the message words go into SHA_TEXT
//! big-endian, SHA_256_START hashes a message's first block and SHA_256_CONTINUE each
//! further one, and SHA_256_LOAD puts the digest back into SHA_TEXT. In software on the
//! LX6 a sector's SHA-256 cost more than sending the sector; the engine takes a few
//! register writes per 64 bytes. Unlike later chips this engine has no mode register and
//! pads nothing itself.

use espflow_stub_chip::hash::Sha256Engine;
use espflow_stub_chip::reg;

/// SHA_TEXT_0..15: a block in; SHA_TEXT_0..7: the digest out.
const TEXT: u32 = 0x3FF0_3000;
const START: u32 = 0x3FF0_3090;
const CONTINUE: u32 = 0x3FF0_3094;
const LOAD: u32 = 0x3FF0_3098;
const BUSY: u32 = 0x3FF0_309C;
/// DPORT_PERI_CLK_EN / DPORT_PERI_RST_EN: the crypto peripherals' clock and reset.
const PERI_CLK_EN: u32 = 0x3FF0_001C;
const PERI_RST_EN: u32 = 0x3FF0_0020;
const PERI_SHA: u32 = 1 << 1;
/// The secure-boot digest block's reset holds the SHA engine in reset too.
const PERI_SECURE_BOOT: u32 = 1 << 3;

pub const ENGINE: Sha256Engine = Sha256Engine {
    enable,
    block,
    digest,
};

fn enable() {
    reg::write(PERI_CLK_EN, reg::read(PERI_CLK_EN) | PERI_SHA);
    reg::write(
        PERI_RST_EN,
        reg::read(PERI_RST_EN) & !(PERI_SHA | PERI_SECURE_BOOT),
    );
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
        let w = u32::from_be_bytes(w.try_into().expect("4-byte chunks"));
        reg::write(TEXT + 4 * i as u32, w);
    }
    reg::write(if first { START } else { CONTINUE }, 1);
    wait_idle();
}

fn digest() -> [u8; 32] {
    reg::write(LOAD, 1);
    wait_idle();
    let mut out = [0u8; 32];
    for (i, d) in out.chunks_exact_mut(4).enumerate() {
        d.copy_from_slice(&reg::read(TEXT + 4 * i as u32).to_be_bytes());
    }
    out
}
