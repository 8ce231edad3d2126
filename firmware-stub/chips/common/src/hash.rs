//! Digests: MD5 from the ROM (the C3, C6, H2 and C5 export MD5Init/Update/Final),
//! SHA-256 in software so no chip's SHA peripheral quirks matter.

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
