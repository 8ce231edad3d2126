//! The entry point every chip crate needs: stack and .bss set up in assembly, the panic
//! handler, the UART interrupt handler, the stub's state as statics (a chip's stack is far
//! smaller than the stub's buffers), and the call into the command loop.

/// `stub_entry!(ChipType, |isr| line)` defines `_start` and `stub_main` for a chip crate.
/// The closure takes the UART interrupt handler and returns the line the host talks on.
#[macro_export]
macro_rules! stub_entry {
    ($chip:ty, $take_line:expr) => {
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

        extern "C" fn uart_isr(_: *mut core::ffi::c_void) {
            $crate::line::on_uart_interrupt::<<$chip as $crate::run::Chip>::Uart>();
        }

        static mut STUB: core::mem::MaybeUninit<
            $crate::espflow_stub_core::Stub<$crate::run::ChipHal<$chip>>,
        > = core::mem::MaybeUninit::uninit();
        static mut FRAME: [u8; $crate::espflow_stub_core::MAX_FRAME + 64] =
            [0; $crate::espflow_stub_core::MAX_FRAME + 64];

        #[unsafe(no_mangle)]
        extern "C" fn stub_main() -> ! {
            let take_line: fn(
                extern "C" fn(*mut core::ffi::c_void),
            ) -> $crate::line::Line<<$chip as $crate::run::Chip>::Uart> = $take_line;
            let line = take_line(uart_isr);
            // SAFETY: single-threaded start-up; these statics are only ever used from here.
            let (slot, frame) = unsafe {
                (
                    &mut *core::ptr::addr_of_mut!(STUB),
                    &mut *core::ptr::addr_of_mut!(FRAME),
                )
            };
            $crate::run::run($crate::run::ChipHal::new(line), slot, frame)
        }
    };
}
