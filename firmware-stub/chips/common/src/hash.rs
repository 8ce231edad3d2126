//! Digests: MD5 from the ROM (the C3, C6, H2 and C5 export MD5Init/Update/Final);
//! SHA-256 from the chip's accelerator where its crate drives one ([`Sha256Engine`]), in
//! software elsewhere. Sector digests hash every byte a compare or a verify covers, so on a
//! slow core the engine is what makes them cheaper than sending the bytes.

use espflow_stub_core::hal::Hasher;

unsafe extern "C" {
    fn MD5Init(ctx: *mut u32);
    fn MD5Update(ctx: *mut u32, data: *const u8, len: u32);
    fn MD5Final(digest: *mut u8, ctx: *mut u32);
}

/// A digest the HAL can start afresh for each request.
pub trait StartHash: Hasher<16> {
    fn start() -> Self;
}

/// The ROM's MD5 context is 88 bytes; this leaves room to spare.
pub struct RomMd5([u32; 32]);

impl StartHash for RomMd5 {
    #[inline]
    fn start() -> RomMd5 {
        let mut ctx = RomMd5([0; 32]);
        // SAFETY: initialises the context in place.
        unsafe { MD5Init(ctx.0.as_mut_ptr()) };
        ctx
    }
}

impl Hasher<16> for RomMd5 {
    #[inline]
    fn update(&mut self, data: &[u8]) {
        // SAFETY: the context was initialised by MD5Init.
        unsafe { MD5Update(self.0.as_mut_ptr(), data.as_ptr(), data.len() as u32) }
    }

    #[inline]
    fn finish(mut self) -> [u8; 16] {
        let mut out = [0u8; 16];
        // SAFETY: as above; `out` has room for the digest.
        unsafe { MD5Final(out.as_mut_ptr(), self.0.as_mut_ptr()) };
        out
    }
}

pub struct SoftSha256(sha2::Sha256);

impl SoftSha256 {
    pub fn new() -> SoftSha256 {
        SoftSha256(<sha2::Sha256 as sha2::Digest>::new())
    }
}

impl Hasher<32> for SoftSha256 {
    fn update(&mut self, data: &[u8]) {
        sha2::Digest::update(&mut self.0, data);
    }

    fn finish(self) -> [u8; 32] {
        sha2::Digest::finalize(self.0).into()
    }
}

/// A SHA-256 accelerator fed 64-byte blocks by the CPU. The message is padded here, so an
/// engine only has to hash whole blocks and give back its state. There is one engine per
/// chip: the stub core keeps at most one SHA-256 digest open at a time.
#[derive(Clone, Copy)]
pub struct Sha256Engine {
    /// Clocks the engine and takes it out of reset; called before every digest.
    pub enable: fn(),
    /// Hashes one block; `first` starts a new message.
    pub block: fn(&[u8; 64], bool),
    /// The digest, once the padded message's last block went through [`Self::block`].
    pub digest: fn() -> [u8; 32],
}

/// The registers a block-fed SHA engine is driven through: a message block's sixteen words
/// at `text`, a register that hashes it as a message's first block and one that continues
/// a message, a busy flag, and where the state (the digest, after the padded last block)
/// is read back. The ESP32 takes and gives words big-endian, the later chips as the bytes
/// lie in memory.
pub struct ShaRegs {
    pub text: u32,
    pub start: u32,
    pub cont: u32,
    pub busy: u32,
    pub state: u32,
    pub big_endian: bool,
}

impl ShaRegs {
    /// Bounded, so an engine left without a clock cannot hang the stub. What it then
    /// gives is a digest that matches nothing: the host rewrites or fails the verify, never
    /// believes it.
    pub fn wait_idle(&self) {
        for _ in 0..100_000 {
            if crate::reg::read(self.busy) == 0 {
                return;
            }
        }
    }

    pub fn block(&self, block: &[u8; 64], first: bool) {
        for (i, w) in block.chunks_exact(4).enumerate() {
            let w: [u8; 4] = w.try_into().expect("4-byte chunks");
            let w = if self.big_endian {
                u32::from_be_bytes(w)
            } else {
                u32::from_le_bytes(w)
            };
            crate::reg::write(self.text + 4 * i as u32, w);
        }
        crate::reg::write(if first { self.start } else { self.cont }, 1);
        self.wait_idle();
    }

    /// The eight state words, once the engine is idle.
    pub fn digest(&self) -> [u8; 32] {
        self.wait_idle();
        let mut out = [0u8; 32];
        for (i, d) in out.chunks_exact_mut(4).enumerate() {
            let w = crate::reg::read(self.state + 4 * i as u32);
            d.copy_from_slice(&if self.big_endian {
                w.to_be_bytes()
            } else {
                w.to_le_bytes()
            });
        }
        out
    }
}

/// SHA-256 through a chip's engine.
pub struct EngineSha256 {
    engine: Sha256Engine,
    buf: [u8; 64],
    fill: usize,
    bytes: u64,
    first: bool,
}

impl EngineSha256 {
    pub fn new(engine: Sha256Engine) -> EngineSha256 {
        (engine.enable)();
        EngineSha256 {
            engine,
            buf: [0; 64],
            fill: 0,
            bytes: 0,
            first: true,
        }
    }

    fn block(&mut self, block: &[u8; 64]) {
        (self.engine.block)(block, self.first);
        self.first = false;
    }
}

impl Hasher<32> for EngineSha256 {
    fn update(&mut self, mut data: &[u8]) {
        self.bytes += data.len() as u64;
        if self.fill > 0 {
            let n = data.len().min(64 - self.fill);
            self.buf[self.fill..self.fill + n].copy_from_slice(&data[..n]);
            self.fill += n;
            data = &data[n..];
            if self.fill < 64 {
                return;
            }
            let buf = self.buf;
            self.block(&buf);
            self.fill = 0;
        }
        let mut blocks = data.chunks_exact(64);
        for b in &mut blocks {
            self.block(b.try_into().expect("64-byte chunks"));
        }
        let rest = blocks.remainder();
        self.buf[..rest.len()].copy_from_slice(rest);
        self.fill = rest.len();
    }

    fn finish(mut self) -> [u8; 32] {
        // FIPS 180-4 padding: 0x80, zeros, then the message length in bits, big-endian.
        let bits = self.bytes * 8;
        let mut buf = self.buf;
        buf[self.fill] = 0x80;
        buf[self.fill + 1..].fill(0);
        if self.fill >= 56 {
            self.block(&buf);
            buf = [0; 64];
        }
        buf[56..].copy_from_slice(&bits.to_be_bytes());
        self.block(&buf);
        (self.engine.digest)()
    }
}

/// The SHA-256 a chip's HAL hands out: its engine's where it has one.
pub enum ChipSha256 {
    Soft(SoftSha256),
    Engine(EngineSha256),
}

impl ChipSha256 {
    pub fn start(engine: Option<Sha256Engine>) -> ChipSha256 {
        match engine {
            Some(e) => ChipSha256::Engine(EngineSha256::new(e)),
            None => ChipSha256::Soft(SoftSha256::new()),
        }
    }
}

impl Hasher<32> for ChipSha256 {
    fn update(&mut self, data: &[u8]) {
        match self {
            ChipSha256::Soft(h) => h.update(data),
            ChipSha256::Engine(h) => h.update(data),
        }
    }

    fn finish(self) -> [u8; 32] {
        match self {
            ChipSha256::Soft(h) => h.finish(),
            ChipSha256::Engine(h) => h.finish(),
        }
    }
}
