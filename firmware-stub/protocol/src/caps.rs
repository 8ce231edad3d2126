//! Capabilities of the espflow stub, negotiated with ESPFLOW_CAPABILITIES (0xF0).
//!
//! esptool's stubs use opcodes up to 0xDE; espflow's extensions live at 0xF0 and above, so
//! a foreign stub answers them with "invalid command" and the host falls back.
//!
//! Request: `u32 host_flags` (bit 0: the host keeps several write blocks in flight).
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

pub const VERSION: u32 = 1;
pub const REPLY_LEN: usize = 20;

/// The stub answers each write block only once it is programmed and verified, so the host
/// may send the next block before that answer arrives.
pub const FLAG_PIPELINED_WRITES: u32 = 1 << 0;
/// Writes skip sectors that already hold the data and erase only where bits must be set.
pub const FLAG_SKIP_UNCHANGED: u32 = 1 << 1;
/// ESPFLOW_SECTOR_DIGESTS is available.
pub const FLAG_SECTOR_DIGESTS: u32 = 1 << 2;

/// Sectors one ESPFLOW_SECTOR_DIGESTS request may cover.
pub const MAX_DIGESTS: u32 = 64;
pub const WRITE_STATS_LEN: usize = 12;

/// Host flag: the host will keep up to `write_window` blocks unanswered.
pub const HOST_PIPELINES: u32 = 1 << 0;

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
        crate::packet::put_words(
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

    pub fn parse(p: &[u8]) -> Option<Capabilities> {
        let [version, flags, max_block, write_window, read_window] = crate::packet::words(p)?;
        Some(Capabilities {
            version,
            flags,
            max_block,
            write_window,
            read_window,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip() {
        let c = Capabilities {
            version: VERSION,
            flags: FLAG_PIPELINED_WRITES | FLAG_SKIP_UNCHANGED,
            max_block: 0x4000,
            write_window: 2,
            read_window: 4,
        };
        assert_eq!(Capabilities::parse(&c.to_bytes()), Some(c));
        assert_eq!(Capabilities::parse(&[0; 19]), None);
    }
}
