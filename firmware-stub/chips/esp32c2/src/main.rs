//! espflow's flasher stub for the ESP32-C2.
//!
//! Code, data, stack and the interrupt handler all live in SRAM1; the ICache is suspended
//! around every SPI1 operation in case a caller left it on. The C2 has no USB-Serial-JTAG
//! port, so the host is always on UART0, whose handler runs through the ROM's interrupt
//! dispatcher.

#![no_std]
#![no_main]

mod chip;

use core::ffi::c_void;
use core::mem::MaybeUninit;

use espflow_stub_chip::line::{self, Line};
use espflow_stub_chip::run::{self, ChipHal};
use espflow_stub_core::{MAX_FRAME, Stub};

use chip::C2;

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

static mut STUB: MaybeUninit<Stub<ChipHal<C2>>> = MaybeUninit::uninit();
static mut FRAME: [u8; MAX_FRAME + 64] = [0; MAX_FRAME + 64];

#[unsafe(no_mangle)]
extern "C" fn stub_main() -> ! {
    let line = Line::take_over(None, chip::uart_clock(), uart_isr);
    // SAFETY: single-threaded start-up; these statics are only ever used from here.
    let (slot, frame) = unsafe {
        (
            &mut *core::ptr::addr_of_mut!(STUB),
            &mut *core::ptr::addr_of_mut!(FRAME),
        )
    };
    run::run(ChipHal::new(line), slot, frame)
}
