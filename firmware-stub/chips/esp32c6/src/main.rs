//! espflow's flasher stub for the ESP32-C6.
//!
//! Code, data, stack and the interrupt handler all live in HP SRAM; the flash cache is
//! suspended around every SPI1 operation in case a caller left it serving the bus. The UART
//! handler runs through the ROM's interrupt dispatcher, which programs the C6's interrupt
//! matrix and PLIC itself.

#![no_std]
#![no_main]

mod chip;

use core::ffi::c_void;
use core::mem::MaybeUninit;

use espflow_stub_chip::line::{self, Line};
use espflow_stub_chip::run::{self, ChipHal};
use espflow_stub_core::{MAX_FRAME, Stub};

use chip::C6;

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

extern "C" fn uart_isr(_: *mut c_void) {
    line::on_uart_interrupt::<chip::Uart>();
}

static mut STUB: MaybeUninit<Stub<ChipHal<C6>>> = MaybeUninit::uninit();
static mut FRAME: [u8; MAX_FRAME + 64] = [0; MAX_FRAME + 64];

#[unsafe(no_mangle)]
extern "C" fn stub_main() -> ! {
    let usb = line::rom_used_usb_jtag_serial().then_some(chip::USB_SERIAL_JTAG);
    let line = Line::take_over(usb, chip::UART_CLOCK, uart_isr);
    // SAFETY: single-threaded start-up; these statics are only ever used from here.
    let (slot, frame) = unsafe {
        (
            &mut *core::ptr::addr_of_mut!(STUB),
            &mut *core::ptr::addr_of_mut!(FRAME),
        )
    };
    run::run(ChipHal::new(line), slot, frame)
}
