//! What the stub core needs from a chip. Each chip crate implements these over its ROM
//! functions and registers; the virtual chip implements them over its flash model.

/// A flash operation failed in the SPI layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FlashFault;

/// SPI1 operations on the attached NOR flash. Every call blocks until the flash is idle
/// again; a chip that must keep receiving meanwhile does so from an interrupt.
pub trait SpiFlash {
    fn read(&mut self, addr: u32, buf: &mut [u8]) -> Result<(), FlashFault>;
    /// Erases the 4 KiB sector at `addr` (sector aligned).
    fn erase_sector(&mut self, addr: u32) -> Result<(), FlashFault>;
    /// Erases the 64 KiB block at `addr` (block aligned).
    fn erase_block(&mut self, addr: u32) -> Result<(), FlashFault>;
    fn erase_chip(&mut self) -> Result<(), FlashFault>;
    /// Programs `data` at `addr`. The range may span pages (at most one sector); every
    /// byte it covers is erased. Drivers split it into page programs as the part needs.
    fn program(&mut self, addr: u32, data: &[u8]) -> Result<(), FlashFault>;
    /// Programs `data` at `addr` through the chip's flash-encryption engine, which encrypts
    /// it with the eFuse key for that address on its way to the flash. `addr` and the
    /// length are 16-byte multiples and every byte is erased. A chip that cannot refuses.
    fn program_encrypted(&mut self, addr: u32, data: &[u8]) -> Result<(), FlashFault> {
        let _ = (addr, data);
        Err(FlashFault)
    }
    /// Attaches the flash on the pins `config` names (0: the default pins).
    fn attach(&mut self, config: u32) -> Result<(), FlashFault>;
    /// Tells the flash driver the chip's size, so it accepts addresses up to it.
    fn set_size(&mut self, size: u32) -> Result<(), FlashFault>;
}

/// A streaming digest.
pub trait Hasher<const N: usize> {
    fn update(&mut self, data: &[u8]);
    fn finish(self) -> [u8; N];
}

pub trait Hal {
    type Flash: SpiFlash;
    type Md5: Hasher<16>;
    type Sha256: Hasher<32>;

    /// The only way to reach SPI1. For the whole of `f` the flash cache is disabled (or the
    /// flash auto-suspends), so nothing can fetch through the cache while the flash is busy.
    fn with_flash<R>(&mut self, f: impl FnOnce(&mut Self::Flash) -> R) -> R;

    fn read_reg(&mut self, addr: u32) -> u32;
    fn write_reg(&mut self, addr: u32, value: u32);
    fn delay_us(&mut self, us: u32);

    /// SLIP-encodes `packet` and queues it for transmission.
    fn send_frame(&mut self, packet: &[u8]);
    /// Switches the line to `baud` once everything queued has been sent.
    fn set_baud(&mut self, baud: u32);

    /// The GET_SECURITY_INFO answer in its 20-byte form, as
    /// [`espflow_protocol::SecurityInfo::to_bytes`] lays it out.
    fn security_info(&mut self) -> [u8; 20];

    /// Whether SPI1 may be used at all. A dual-core chip whose other CPU runs could fetch
    /// through the flash cache while the flash is busy, which no cache suspension on this
    /// CPU prevents; such a chip answers false, and flash commands are refused.
    fn flash_allowed(&mut self) -> bool {
        true
    }

    /// Whether [`SpiFlash::program_encrypted`] works here; the capabilities say so.
    fn encrypted_writes(&self) -> bool {
        false
    }

    fn md5(&mut self) -> Self::Md5;
    fn sha256(&mut self) -> Self::Sha256;
}
