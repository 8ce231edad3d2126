//! The ESP32's SHA accelerator, driven block by block: the message words go into SHA_TEXT
//! big-endian, SHA_256_START hashes a message's first block and SHA_256_CONTINUE each
//! further one, and SHA_256_LOAD puts the digest back into SHA_TEXT. In software on the
//! LX6 a sector's SHA-256 cost more than sending the sector; the engine takes a few
//! register writes per 64 bytes. Unlike later chips this engine has no mode register and
//! pads nothing itself.

use espflow_stub_chip::hash::{Sha256Engine, ShaRegs};
use espflow_stub_chip::reg;

/// SHA_TEXT_0..15: a block in; SHA_TEXT_0..7: the digest out, once SHA_256_LOAD put it
/// there.
const REGS: ShaRegs = ShaRegs {
    text: 0x3FF0_3000,
    start: 0x3FF0_3090,
    cont: 0x3FF0_3094,
    busy: 0x3FF0_309C,
    state: 0x3FF0_3000,
    big_endian: true,
};
const LOAD: u32 = 0x3FF0_3098;
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

fn block(block: &[u8; 64], first: bool) {
    REGS.block(block, first);
}

fn digest() -> [u8; 32] {
    reg::write(LOAD, 1);
    REGS.digest()
}
