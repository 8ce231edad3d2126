//! The entry point every chip crate needs: stack and .bss set up in assembly, the panic
//! handler, the UART interrupt handler, the stub's state as statics (a chip's stack is far
//! smaller than the stub's buffers), and the call into the command loop.

/// `_start`: the stack and .bss set up, then `stub_main`, which never returns.
#[cfg(target_arch = "riscv32")]
#[doc(hidden)]
#[macro_export]
macro_rules! start_asm {
    () => {
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
    };
}

/// On Xtensa `_start` is in `xtensa.s`: Rust has no assembly for it there.
#[cfg(target_arch = "xtensa")]
#[doc(hidden)]
#[macro_export]
macro_rules! start_asm {
    () => {};
}

/// `stub_entry!(ChipType)` defines `_start`, `uart_isr` and `stub_main` for a chip crate.
#[macro_export]
macro_rules! stub_entry {
    ($chip:ty) => {
        $crate::start_asm!();

        #[panic_handler]
        fn panic(_: &core::panic::PanicInfo) -> ! {
            loop {}
        }

        /// Called by the ROM's dispatcher with its argument, or by the stub's own vector
        /// table by name with none; it reads nothing but UART0.
        #[unsafe(no_mangle)]
        extern "C" fn uart_isr(_: *mut core::ffi::c_void) {
            $crate::line::on_uart_interrupt::<$chip>();
        }

        static mut STUB: core::mem::MaybeUninit<
            $crate::espflow_stub_core::Stub<$crate::run::ChipHal<$chip>>,
        > = core::mem::MaybeUninit::uninit();
        static mut FRAME: [u8; $crate::espflow_stub_core::MAX_FRAME + 64] =
            [0; $crate::espflow_stub_core::MAX_FRAME + 64];

        #[unsafe(no_mangle)]
        extern "C" fn stub_main() -> ! {
            let line = $crate::line::Line::<$chip>::take_over(uart_isr);
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

/// A chip that needs nothing beyond its table and the ROM's MD5Init family:
/// `table_chip!(Name, espflow_chip_facts::TABLE)` defines the chip type and its entry.
#[macro_export]
macro_rules! table_chip {
    ($name:ident, $facts:path) => {
        struct $name;

        impl $crate::run::Chip for $name {
            const FACTS: &'static $crate::espflow_chip_facts::ChipFacts = &$facts;
            type Md5 = $crate::hash::RomMd5;
        }

        $crate::stub_entry!($name);
    };
}
