//! espflow's flasher stub for the ESP32-C3.
//!
//! Everything runs from IRAM/DRAM: nothing is fetched through the flash cache, and the cache
//! is also suspended around every SPI1 operation in case a caller left it on. Bytes from the
//! host keep arriving during long erases: on UART0 an interrupt handler moves them into a
//! ring; the USB-Serial-JTAG endpoint holds the host off by itself while the stub is busy.

#![no_std]
#![no_main]

mod rom;
mod uart;

use core::mem::MaybeUninit;

use espflow_protocol::SlipDecoder;
use espflow_stub_core::hal::{FlashFault, Hal, Hasher, SpiFlash};
use espflow_stub_core::{MAX_FRAME, Stub};

use uart::Line;

core::arch::global_asm!(
    r#"
    .section .text.entry, "ax"
    .global _start
_start:
    la sp, _stack_top
    la a0, _sbss
    la a1, _ebss
1:  bgeu a0, a1, 2f
    sw zero, 0(a0)
    addi a0, a0, 4
    j 1b
2:  call stub_main
3:  j 3b
"#
);

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    loop {}
}

fn reg_read(addr: u32) -> u32 {
    // SAFETY: the host names a peripheral or memory word, as with the ROM's READ_REG.
    unsafe { core::ptr::read_volatile(addr as *const u32) }
}

fn reg_write(addr: u32, value: u32) {
    // SAFETY: as for reg_read; the host owns the consequences of a WRITE_REG.
    unsafe { core::ptr::write_volatile(addr as *mut u32, value) }
}

const EXTMEM_ICACHE_CTRL: u32 = 0x600C_4000;
/// One sector plus the word a misaligned start needs.
const BOUNCE_WORDS: usize = 0x1000 / 4 + 1;

fn words_as_bytes(w: &[u32; BOUNCE_WORDS]) -> &[u8; BOUNCE_WORDS * 4] {
    // SAFETY: u32 words reinterpreted as their bytes; same size, weaker alignment.
    unsafe { &*(w.as_ptr() as *const [u8; BOUNCE_WORDS * 4]) }
}

fn words_as_bytes_mut(w: &mut [u32; BOUNCE_WORDS]) -> &mut [u8; BOUNCE_WORDS * 4] {
    // SAFETY: as above.
    unsafe { &mut *(w.as_mut_ptr() as *mut [u8; BOUNCE_WORDS * 4]) }
}
const EFUSE_BASE: u32 = 0x6000_8800;

struct RomFlash;

fn ok(r: i32) -> Result<(), FlashFault> {
    if r == 0 { Ok(()) } else { Err(FlashFault) }
}

impl SpiFlash for RomFlash {
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
            let bytes = words_as_bytes(&bounce);
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
        words_as_bytes_mut(&mut words)[lead..lead + data.len()].copy_from_slice(data);
        let len = (lead + data.len()).div_ceil(4) * 4;
        // SAFETY: the buffer is word-aligned and `len` bytes long; 0xFF padding programs
        // nothing. The ROM splits the range into page programs itself.
        ok(unsafe { rom::esp_rom_spiflash_write(addr & !3, words.as_ptr(), len as i32) })
    }

    fn attach(&mut self, config: u32) -> Result<(), FlashFault> {
        // SAFETY: ROM calls with integer arguments.
        unsafe {
            let cfg = if config == 0 {
                rom::ets_efuse_get_spiconfig()
            } else {
                config
            };
            rom::esp_rom_spiflash_attach(cfg, false);
            ok(rom::esp_rom_spiflash_unlock())
        }
    }

    fn set_size(&mut self, size: u32) -> Result<(), FlashFault> {
        // SAFETY: ROM call with integer arguments.
        ok(unsafe { rom::esp_rom_spiflash_config_param(0, size, 0x10000, 0x1000, 0x100, 0xFFFF) })
    }
}

struct RomMd5([u32; 32]);

impl Hasher<16> for RomMd5 {
    fn update(&mut self, data: &[u8]) {
        // SAFETY: the context is larger than the ROM's 88-byte MD5 context.
        unsafe { rom::MD5Update(self.0.as_mut_ptr(), data.as_ptr(), data.len() as u32) }
    }

    fn finish(mut self) -> [u8; 16] {
        let mut out = [0u8; 16];
        // SAFETY: as above; `out` has room for the digest.
        unsafe { rom::MD5Final(out.as_mut_ptr(), self.0.as_mut_ptr()) };
        out
    }
}

struct SoftSha256(sha2::Sha256);

impl Hasher<32> for SoftSha256 {
    fn update(&mut self, data: &[u8]) {
        sha2::Digest::update(&mut self.0, data);
    }

    fn finish(self) -> [u8; 32] {
        sha2::Digest::finalize(self.0).into()
    }
}

struct C3 {
    line: Line,
    flash: RomFlash,
}

impl Hal for C3 {
    type Flash = RomFlash;
    type Md5 = RomMd5;
    type Sha256 = SoftSha256;

    fn with_flash<R>(&mut self, f: impl FnOnce(&mut RomFlash) -> R) -> R {
        // The ROM's download path leaves the ICache off; suspend it only if someone turned
        // it on, because resuming a cache that was off would turn it on.
        let on = reg_read(EXTMEM_ICACHE_CTRL) & 1 != 0;
        // SAFETY: ROM cache calls, paired.
        let autoload = if on {
            unsafe { rom::Cache_Suspend_ICache() }
        } else {
            0
        };
        let r = f(&mut self.flash);
        if on {
            // SAFETY: resumes exactly what was suspended above.
            unsafe { rom::Cache_Resume_ICache(autoload) };
        }
        r
    }

    fn read_reg(&mut self, addr: u32) -> u32 {
        reg_read(addr)
    }

    fn write_reg(&mut self, addr: u32, value: u32) {
        reg_write(addr, value)
    }

    fn delay_us(&mut self, us: u32) {
        // SAFETY: ROM busy-wait.
        unsafe { rom::ets_delay_us(us) }
    }

    fn send_frame(&mut self, packet: &[u8]) {
        self.line.send_frame(packet);
    }

    fn set_baud(&mut self, baud: u32) {
        self.line.set_baud(baud);
    }

    fn security_info(&mut self) -> [u8; 20] {
        let cnt_word = reg_read(EFUSE_BASE + 0x34);
        let sb_word = reg_read(EFUSE_BASE + 0x38);
        let nibble = |w: u32, shift: u32| ((w >> shift) & 0xF) as u8;
        let w5 = reg_read(EFUSE_BASE + 0x44 + 20);
        let w3 = reg_read(EFUSE_BASE + 0x44 + 12);
        let eco = ((w5 >> 24) & 3) * 100 + ((((w5 >> 23) & 1) << 3) | ((w3 >> 18) & 7));
        espflow_protocol::SecurityInfo {
            flags: (sb_word >> 20) & 1,
            flash_crypt_cnt: ((cnt_word >> 18) & 7) as u8,
            key_purposes: [
                nibble(cnt_word, 24),
                nibble(cnt_word, 28),
                nibble(sb_word, 0),
                nibble(sb_word, 4),
                nibble(sb_word, 8),
                nibble(sb_word, 12),
                0,
            ],
            chip_id: Some(5),
            eco_version: Some(eco),
        }
        .to_bytes()
    }

    fn md5(&mut self) -> RomMd5 {
        let mut ctx = RomMd5([0; 32]);
        // SAFETY: initialises the context in place.
        unsafe { rom::MD5Init(ctx.0.as_mut_ptr()) };
        ctx
    }

    fn sha256(&mut self) -> SoftSha256 {
        SoftSha256(<sha2::Sha256 as sha2::Digest>::new())
    }
}

static mut STUB: MaybeUninit<Stub<C3>> = MaybeUninit::uninit();
static mut FRAME: [u8; MAX_FRAME + 64] = [0; MAX_FRAME + 64];

#[unsafe(no_mangle)]
extern "C" fn stub_main() -> ! {
    let line = Line::take_over();
    let mut hal = C3 {
        line,
        flash: RomFlash,
    };
    // The pins and the write protection are set up once; SPI_ATTACH repeats it on request.
    let _ = hal.with_flash(|f| f.attach(0));
    // SAFETY: single-threaded start-up; these statics are only ever used from here.
    let (stub, frame) = unsafe {
        (
            Stub::init_in_place(&mut *core::ptr::addr_of_mut!(STUB), 115_200),
            &mut *core::ptr::addr_of_mut!(FRAME),
        )
    };
    Stub::greet(&mut hal);
    let mut decoder = SlipDecoder::new();
    loop {
        let Some(b) = hal.line.next_byte() else {
            continue;
        };
        if let Ok(Some(n)) = decoder.push(b, frame) {
            stub.handle(&mut hal, &frame[..n]);
        }
    }
}
