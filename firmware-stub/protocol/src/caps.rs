//! Capabilities of the espflow stub, negotiated with ESPFLOW_CAPABILITIES (0xF0).
//!
//! esptool's stubs use opcodes up to 0xDE; espflow's extensions live at 0xF0 and above, so
//! a foreign stub answers them with "invalid command" and the host falls back.
//!
//! Request: `u32 host_flags` (bit 0: the host keeps several write blocks in flight; bit 1:
//! the host speaks protocol v2, see [`crate::frame`]). The request itself is always sent
//! in the v1 form, so a stub in either mode (or an older one) understands it.
//! Reply payload: `u32 version, u32 flags, u32 max_block, u32 write_window, u32 read_window`.
//!
//! With the espflow stub, the `value` word of every FLASH_DATA, FLASH_DEFL_DATA and
//! FLASH_*_END answer is the stream's committed address: every byte below it is programmed
//! and read back. esptool ignores `value` there, so the answers stay compatible.
//!
//! ESPFLOW_SECTOR_DIGESTS (0xF1) request: `u32 addr, u32 count` (4 KiB sectors, `addr`
//! sector-aligned, `count` at most [`MAX_DIGESTS`]). Reply payload: `count` SHA-256
//! digests, one per sector, in order.
//!
//! ESPFLOW_WRITE_STATS (0xF2) reply payload: `u32 sectors_erased, u32 sectors_programmed,
//! u32 sectors_skipped` of the last write stream.

use core::time::Duration;

use crate::geometry::SECTOR_SIZE;
use crate::message::{Request, WireError, empty, exact, put, timeout};
use crate::status::LoaderKind;

/// 2: protocol v2 ([`crate::frame`]) when the host asks for it.
pub const VERSION: u32 = 2;
pub const REPLY_LEN: usize = 20;

/// The stub answers each write block only once it is programmed and verified, so the host
/// may send the next block before that answer arrives.
pub const FLAG_PIPELINED_WRITES: u32 = 1 << 0;
/// Writes skip sectors that already hold the data and erase only where bits must be set.
pub const FLAG_SKIP_UNCHANGED: u32 = 1 << 1;
/// ESPFLOW_SECTOR_DIGESTS is available.
pub const FLAG_SECTOR_DIGESTS: u32 = 1 << 2;
/// Every frame after this answer carries the v2 trailer ([`crate::frame`]), in both
/// directions. Set only when the host asked with [`HOST_PROTOCOL_V2`].
pub const FLAG_PROTOCOL_V2: u32 = 1 << 3;
/// FLASH_BEGIN and FLASH_DEFL_BEGIN take the `encrypted` word: the stub erases each sector
/// of such a stream and programs it through the chip's flash-encryption engine. Such a
/// stream starts on a sector and covers whole sectors; the stub neither compares nor reads
/// back (its reads see ciphertext), so the host verifies against the ciphertext.
pub const FLAG_ENCRYPTED_WRITES: u32 = 1 << 4;
/// After CHANGE_BAUDRATE the stub goes back to the rate it came from if
/// [`BAUD_PROBATION_BYTES`] bytes arrive at the new one before a frame that parses whole:
/// a host that finds the new rate dead goes back itself and sends that many `0xC0` (empty
/// SLIP frames, whatever rate the stub hears them at) before it asks anything.
pub const FLAG_BAUD_PROBATION: u32 = 1 << 5;
/// See [`FLAG_BAUD_PROBATION`]. Larger than the small requests a host sends first at a new
/// rate, and well below what a host that went back sends in a few milliseconds.
pub const BAUD_PROBATION_BYTES: u32 = 4096;

/// The stub takes ESPFLOW_FILL and ESPFLOW_FILL_FINISH ([`Fill`]).
pub const FLAG_FILL: u32 = 1 << 6;

/// Sectors one ESPFLOW_SECTOR_DIGESTS request may cover.
pub const MAX_DIGESTS: u32 = 64;
pub const WRITE_STATS_LEN: usize = 12;
/// What the write blocks queued behind the one a stub is working on may occupy on the
/// line, SLIP-encoded: the chip crates' receive ring (48 KiB) less room for frame headers
/// and slack. A host whose blocks escape heavily (uncompressed runs of 0xC0 and 0xDB)
/// keeps fewer of them in flight than `write_window`.
pub const QUEUED_WIRE_BYTES: usize = 0xA000;

/// Host flag: the host will keep up to `write_window` blocks unanswered.
pub const HOST_PIPELINES: u32 = 1 << 0;
/// Host flag: the host speaks protocol v2. A stub that does too seals its answer to this
/// request and every frame after it; the host's frames are sealed from the next one on.
pub const HOST_PROTOCOL_V2: u32 = 1 << 1;

/// ESPFLOW_CAPABILITIES (0xF0): what the host will do; answered with [`Capabilities`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CapabilitiesRequest {
    pub host_flags: u32,
}

impl Request for CapabilitiesRequest {
    const MAX_LEN: usize = 4;

    fn encode(&self, out: &mut [u8]) -> usize {
        put(out, &[self.host_flags])
    }

    fn parse(p: &[u8]) -> Result<Self, WireError> {
        let [host_flags] = exact(p)?;
        Ok(CapabilitiesRequest { host_flags })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Capabilities {
    pub version: u32,
    pub flags: u32,
    pub max_block: u32,
    pub write_window: u32,
    pub read_window: u32,
}

impl Capabilities {
    pub fn to_bytes(self) -> [u8; REPLY_LEN] {
        let mut b = [0u8; REPLY_LEN];
        put(
            &mut b,
            &[
                self.version,
                self.flags,
                self.max_block,
                self.write_window,
                self.read_window,
            ],
        );
        b
    }

    pub fn parse(p: &[u8]) -> Result<Capabilities, WireError> {
        let [version, flags, max_block, write_window, read_window] = exact(p)?;
        Ok(Capabilities {
            version,
            flags,
            max_block,
            write_window,
            read_window,
        })
    }
}

/// ESPFLOW_SECTOR_DIGESTS (0xF1): SHA-256 of `count` sectors from the sector-aligned
/// `addr`; the answer is the digests in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SectorDigests {
    pub addr: u32,
    pub count: u32,
}

impl SectorDigests {
    pub const DIGEST_LEN: usize = 32;

    /// Length of the answer body.
    pub fn answer_len(&self) -> usize {
        Self::DIGEST_LEN * self.count as usize
    }

    /// The digests out of an answer body, which must hold exactly `count` of them.
    pub fn digests<'a>(
        &self,
        body: &'a [u8],
    ) -> Result<impl Iterator<Item = [u8; 32]> + 'a, WireError> {
        let need = self.answer_len();
        if body.len() < need {
            return Err(WireError::Short {
                need,
                got: body.len(),
            });
        }
        if body.len() > need {
            return Err(WireError::Long {
                max: need,
                got: body.len(),
            });
        }
        Ok(body
            .chunks_exact(Self::DIGEST_LEN)
            .map(|c| c.try_into().unwrap_or([0; 32])))
    }
}

impl Request for SectorDigests {
    const MAX_LEN: usize = 8;

    fn encode(&self, out: &mut [u8]) -> usize {
        put(out, &[self.addr, self.count])
    }

    fn parse(p: &[u8]) -> Result<Self, WireError> {
        let [addr, count] = exact(p)?;
        if !addr.is_multiple_of(SECTOR_SIZE) {
            return Err(WireError::Malformed("address is not sector aligned"));
        }
        if count == 0 || count > MAX_DIGESTS {
            return Err(WireError::Malformed("sector count out of range"));
        }
        Ok(SectorDigests { addr, count })
    }

    fn timeout(&self, _loader: LoaderKind) -> Duration {
        timeout::scaled(
            timeout::HASH_MS_PER_MIB,
            self.count as u64 * SECTOR_SIZE as u64,
        )
    }

    fn range(&self) -> (u32, u32) {
        (self.addr, self.count.wrapping_mul(SECTOR_SIZE))
    }
}

/// ESPFLOW_WRITE_STATS (0xF2); answered with [`WriteStats`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WriteStatsRequest;

impl Request for WriteStatsRequest {
    const MAX_LEN: usize = 0;

    fn encode(&self, _out: &mut [u8]) -> usize {
        0
    }

    fn parse(p: &[u8]) -> Result<Self, WireError> {
        empty(p).map(|_| WriteStatsRequest)
    }
}

/// ESPFLOW_FILL (0xF3): the whole sectors `addr..addr + size` are to hold `value` in every
/// byte. The stub answers at once and does the work in the background of the write
/// stream that follows, a piece after a block whenever the line, not the flash, holds
/// the stream up (a block that took longer on the line than in the flash leaves the flash
/// idle for the difference); what is left is done by ESPFLOW_FILL_FINISH. So a run the
/// image fills with 0xFF (or zeros) costs no line time, and its erases overlap the
/// sending of data that does. Each sector is read first and left alone when it already
/// holds the value; one that is rewritten is read back. Nothing is proven to the host by
/// the answers: it checks the sectors by MD5 afterwards, as it checks what it sent.
///
/// The stub keeps up to [`MAX_FILLS`] ranges; the same range sent again (its answer was
/// lost) is taken once. A range that overlaps a write stream's is refused, and a new
/// session (SYNC, capabilities) forgets the queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fill {
    pub addr: u32,
    pub size: u32,
    /// The byte, in the low eight bits.
    pub value: u32,
}

/// Ranges the stub's fill queue holds.
pub const MAX_FILLS: usize = 4;

impl Request for Fill {
    const MAX_LEN: usize = 12;

    fn encode(&self, out: &mut [u8]) -> usize {
        put(out, &[self.addr, self.size, self.value])
    }

    fn parse(p: &[u8]) -> Result<Self, WireError> {
        let [addr, size, value] = exact(p)?;
        if !addr.is_multiple_of(SECTOR_SIZE) || !size.is_multiple_of(SECTOR_SIZE) || size == 0 {
            return Err(WireError::Malformed("fill range is not whole sectors"));
        }
        if value > 0xFF {
            return Err(WireError::Malformed("fill value is not a byte"));
        }
        Ok(Fill { addr, size, value })
    }

    fn range(&self) -> (u32, u32) {
        (self.addr, self.size)
    }
}

/// ESPFLOW_FILL_FINISH (0xF4): does what is left of the queued fills and answers with
/// their [`WriteStats`], or with the first error any of them met (the rest are dropped).
/// `bytes` is what the host queued, which bounds the work and so the wait.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FillFinish {
    pub bytes: u32,
}

impl Request for FillFinish {
    const MAX_LEN: usize = 4;

    fn encode(&self, out: &mut [u8]) -> usize {
        put(out, &[self.bytes])
    }

    fn parse(p: &[u8]) -> Result<Self, WireError> {
        let [bytes] = exact(p)?;
        Ok(FillFinish { bytes })
    }

    fn timeout(&self, _loader: LoaderKind) -> Duration {
        timeout::flash_data(self.bytes as u64)
    }
}

/// What the last write stream did, sector by sector.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WriteStats {
    pub sectors_erased: u32,
    pub sectors_programmed: u32,
    pub sectors_skipped: u32,
}

impl WriteStats {
    pub fn to_bytes(self) -> [u8; WRITE_STATS_LEN] {
        let mut b = [0u8; WRITE_STATS_LEN];
        put(
            &mut b,
            &[
                self.sectors_erased,
                self.sectors_programmed,
                self.sectors_skipped,
            ],
        );
        b
    }

    pub fn parse(p: &[u8]) -> Result<WriteStats, WireError> {
        let [sectors_erased, sectors_programmed, sectors_skipped] = exact(p)?;
        Ok(WriteStats {
            sectors_erased,
            sectors_programmed,
            sectors_skipped,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn request_round_trip<R: Request + PartialEq + core::fmt::Debug>(r: R) {
        let mut buf = [0u8; 8];
        let n = r.encode(&mut buf);
        assert_eq!(R::parse(&buf[..n]), Ok(r));
        for cut in 0..n {
            assert!(R::parse(&buf[..cut]).is_err());
        }
        assert!(R::parse(&[0; 9][..n + 1]).is_err());
    }

    proptest! {
        #[test]
        fn capabilities(w: [u32; 5]) {
            let c = Capabilities {
                version: w[0],
                flags: w[1],
                max_block: w[2],
                write_window: w[3],
                read_window: w[4],
            };
            let b = c.to_bytes();
            prop_assert_eq!(Capabilities::parse(&b), Ok(c));
            for cut in 0..b.len() {
                prop_assert!(Capabilities::parse(&b[..cut]).is_err());
            }
        }

        #[test]
        fn capabilities_request(host_flags: u32) {
            request_round_trip(CapabilitiesRequest { host_flags });
        }

        #[test]
        fn sector_digests(sector in 0u32..0x10_0000, count in 1..=MAX_DIGESTS, fill: u8) {
            let r = SectorDigests { addr: sector * SECTOR_SIZE, count };
            request_round_trip(r);
            let body = [fill; 32 * MAX_DIGESTS as usize];
            let n = r.answer_len();
            prop_assert_eq!(r.digests(&body[..n]).unwrap().count(), count as usize);
            prop_assert!(r.digests(&body[..n]).unwrap().all(|d| d == [fill; 32]));
            prop_assert!(r.digests(&body[..n - 1]).is_err());
            prop_assert!(r.digests(&[0; 32 * MAX_DIGESTS as usize + 1][..n + 1]).is_err());
        }

        #[test]
        fn write_stats(w: [u32; 3]) {
            let s = WriteStats {
                sectors_erased: w[0],
                sectors_programmed: w[1],
                sectors_skipped: w[2],
            };
            let b = s.to_bytes();
            prop_assert_eq!(WriteStats::parse(&b), Ok(s));
            for cut in 0..b.len() {
                prop_assert!(WriteStats::parse(&b[..cut]).is_err());
            }
        }

        #[test]
        fn parsers_never_panic(p in proptest::collection::vec(any::<u8>(), 0..32)) {
            let _ = Capabilities::parse(&p);
            let _ = CapabilitiesRequest::parse(&p);
            let _ = SectorDigests::parse(&p);
            let _ = SectorDigests { addr: 0, count: 1 }.digests(&p).map(|d| d.count());
            let _ = WriteStatsRequest::parse(&p);
            let _ = WriteStats::parse(&p);
        }
    }

    #[test]
    fn sector_digests_refuse_what_the_stub_cannot_do() {
        let mut b = [0u8; 8];
        SectorDigests {
            addr: 0x1001,
            count: 1,
        }
        .encode(&mut b);
        assert!(SectorDigests::parse(&b).is_err());
        SectorDigests { addr: 0, count: 0 }.encode(&mut b);
        assert!(SectorDigests::parse(&b).is_err());
        SectorDigests {
            addr: 0,
            count: MAX_DIGESTS + 1,
        }
        .encode(&mut b);
        assert!(SectorDigests::parse(&b).is_err());
        assert_eq!(
            SectorDigests { addr: 0, count: 16 }.timeout(LoaderKind::Stub),
            timeout::DEFAULT
        );
        request_round_trip(WriteStatsRequest);
    }
}
