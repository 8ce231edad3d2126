//! SPI1 through the ROM's flash driver. The driver polls the flash until each operation
//! finishes, so every call blocks; received bytes meanwhile go to the ring by interrupt,
//! and a program is split so that UART0 is also drained between its parts.

use core::marker::PhantomData;

use espflow_stub_core::hal::{FlashFault, SpiFlash};

use crate::rom;
use crate::run::Chip;

pub struct RomFlash<C>(PhantomData<C>);

impl<C: Chip> RomFlash<C> {
    pub fn new() -> Self {
        RomFlash(PhantomData)
    }
}

/// The most one call to the ROM's program function is given.
const PROGRAM_CHUNK: u32 = 0x40;

/// One sector plus the word a misaligned start needs.
const BOUNCE_WORDS: usize = 0x1000 / 4 + 1;

fn words_as_bytes(w: &mut [u32; BOUNCE_WORDS]) -> &mut [u8; BOUNCE_WORDS * 4] {
    // SAFETY: u32 words reinterpreted as their bytes; same size, weaker alignment.
    unsafe { &mut *(w.as_mut_ptr() as *mut [u8; BOUNCE_WORDS * 4]) }
}

fn ok(r: i32) -> Result<(), FlashFault> {
    if r == 0 { Ok(()) } else { Err(FlashFault) }
}

impl<C: Chip> SpiFlash for RomFlash<C> {
    fn read(&mut self, addr: u32, buf: &mut [u8]) -> Result<(), FlashFault> {
        // The ROM wants word-aligned addresses, lengths and buffers, and each call costs far
        // more than the bytes it moves, so reads go through one sector-sized bounce buffer.
        let mut bounce = [0u32; BOUNCE_WORDS];
        let mut done = 0usize;
        while done < buf.len() {
            let at = addr + done as u32;
            let lead = (at & 3) as usize;
            let n = (BOUNCE_WORDS * 4 - lead).min(buf.len() - done);
            let words = (lead + n).div_ceil(4);
            // SAFETY: `bounce` holds BOUNCE_WORDS words and `words` is at most that.
            ok(unsafe {
                rom::esp_rom_spiflash_read(at & !3, bounce.as_mut_ptr(), words as i32 * 4)
            })?;
            let bytes = words_as_bytes(&mut bounce);
            buf[done..done + n].copy_from_slice(&bytes[lead..lead + n]);
            done += n;
        }
        Ok(())
    }

    fn erase_sector(&mut self, addr: u32) -> Result<(), FlashFault> {
        // SAFETY: ROM call with a plain integer argument.
        ok(unsafe { rom::esp_rom_spiflash_erase_sector(addr / 0x1000) })
    }

    fn erase_block(&mut self, addr: u32) -> Result<(), FlashFault> {
        // SAFETY: as above.
        ok(unsafe { rom::esp_rom_spiflash_erase_block(addr / 0x10000) })
    }

    fn erase_chip(&mut self) -> Result<(), FlashFault> {
        // SAFETY: as above.
        ok(unsafe { rom::esp_rom_spiflash_erase_chip() })
    }

    fn program(&mut self, addr: u32, data: &[u8]) -> Result<(), FlashFault> {
        let mut words = [0xFFFF_FFFFu32; BOUNCE_WORDS];
        let lead = (addr & 3) as usize;
        if lead + data.len() > BOUNCE_WORDS * 4 {
            return Err(FlashFault);
        }
        words_as_bytes(&mut words)[lead..lead + data.len()].copy_from_slice(data);
        let len = (lead + data.len()).div_ceil(4) * 4;
        let base = addr & !3;
        let mut done = 0usize;
        while done < len {
            // At most what one page program takes (the SPI controller's 64-byte buffer),
            // so the UART's 128-byte FIFO is drained well before it fills at 921600.
            let at = base + done as u32;
            let n = ((PROGRAM_CHUNK - (at % PROGRAM_CHUNK)) as usize).min(len - done);
            // SAFETY: the buffer is word-aligned and holds `len` bytes; `done` and `n` are
            // word multiples within it; the 0xFF padding programs nothing.
            ok(unsafe {
                rom::esp_rom_spiflash_write(at, words.as_ptr().add(done / 4), n as i32)
            })?;
            crate::line::drain_now::<C>();
            done += n;
        }
        Ok(())
    }

    fn program_encrypted(&mut self, addr: u32, data: &[u8]) -> Result<(), FlashFault> {
        // The engine works on aligned 32-byte units; the writer hands whole sectors.
        if !C::STUB.encrypted_writes
            || !addr.is_multiple_of(32)
            || !data.len().is_multiple_of(32)
            || data.len() > BOUNCE_WORDS * 4
        {
            return Err(FlashFault);
        }
        let mut words = [0u32; BOUNCE_WORDS];
        words_as_bytes(&mut words)[..data.len()].copy_from_slice(data);
        let mut done = 0usize;
        while done < data.len() {
            // In page-program sized parts, draining UART0 between them as `program` does.
            let n = (PROGRAM_CHUNK as usize).min(data.len() - done);
            // SAFETY: the buffer is word-aligned and holds `data.len()` bytes; `done` and
            // `n` are 32-byte multiples within it.
            ok(unsafe {
                C::rom_write_encrypted(addr + done as u32, words.as_ptr().add(done / 4), n as u32)
            })?;
            crate::line::drain_now::<C>();
            done += n;
        }
        Ok(())
    }

    fn attach(&mut self, config: u32) -> Result<(), FlashFault> {
        let config = C::spi_config(config);
        // SAFETY: ROM calls with integer arguments.
        unsafe {
            rom::esp_rom_spiflash_attach(config, false);
            ok(rom::esp_rom_spiflash_unlock())
        }
    }

    fn set_size(&mut self, size: u32) -> Result<(), FlashFault> {
        // SAFETY: ROM call with integer arguments.
        ok(unsafe { rom::esp_rom_spiflash_config_param(0, size, 0x10000, 0x1000, 0x100, 0xFFFF) })
    }
}
