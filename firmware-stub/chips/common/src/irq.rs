//! The stub's own vector table, for chips whose UART0 interrupt it routes itself
//! ([`UartIrq::Vectored`](crate::run::UartIrq)). Every interrupt slot calls `uart_isr`,
//! which the chip crate's `stub_entry!` defines: UART0 is the only source the stub enables.
//! Chips that go through the ROM never reference the table, and the linker drops it.

use crate::line::UART_LINE;
use crate::reg;
use crate::run::Chip;

core::arch::global_asm!(
    r#"
    .section .text.vectors, "ax"
    .balign 256
    .global _vectors
_vectors:
    j _exception
    .rept 31
    j _interrupt
    .endr
_interrupt:
    addi sp, sp, -64
    sw ra, 0(sp)
    sw t0, 4(sp)
    sw t1, 8(sp)
    sw t2, 12(sp)
    sw t3, 16(sp)
    sw t4, 20(sp)
    sw t5, 24(sp)
    sw t6, 28(sp)
    sw a0, 32(sp)
    sw a1, 36(sp)
    sw a2, 40(sp)
    sw a3, 44(sp)
    sw a4, 48(sp)
    sw a5, 52(sp)
    sw a6, 56(sp)
    sw a7, 60(sp)
    call uart_isr
    lw ra, 0(sp)
    lw t0, 4(sp)
    lw t1, 8(sp)
    lw t2, 12(sp)
    lw t3, 16(sp)
    lw t4, 20(sp)
    lw t5, 24(sp)
    lw t6, 28(sp)
    lw a0, 32(sp)
    lw a1, 36(sp)
    lw a2, 40(sp)
    lw a3, 44(sp)
    lw a4, 48(sp)
    lw a5, 52(sp)
    lw a6, 56(sp)
    lw a7, 60(sp)
    addi sp, sp, 64
    mret
_exception:
    j _exception
"#
);

unsafe extern "C" {
    static _vectors: u8;
}

/// Registers of the C3-style matrix, relative to its base.
const CPU_INT_ENABLE: u32 = 0x104;
const CPU_INT_TYPE: u32 = 0x108;
const CPU_INT_PRI_0: u32 = 0x114;
const CPU_INT_THRESH: u32 = 0x194;

/// Routes UART0 to [`UART_LINE`] as a level interrupt above the threshold and points the
/// vectored trap table at ours. Runs with interrupts masked.
pub fn route_uart0<C: Chip>() {
    let Some(m) = C::STUB.int_matrix else {
        return;
    };
    reg::write(m.base + 4 * m.uart0_source, UART_LINE);
    reg::write(m.base + CPU_INT_PRI_0 + 4 * UART_LINE, 1);
    reg::write(m.base + CPU_INT_THRESH, 1);
    let ty = m.base + CPU_INT_TYPE;
    reg::write(ty, reg::read(ty) & !(1 << UART_LINE));
    let enable = m.base + CPU_INT_ENABLE;
    reg::write(enable, reg::read(enable) | (1 << UART_LINE));
    // SAFETY: the table lives in IRAM with the rest of the stub; bit 0 selects vectored mode.
    unsafe {
        let table = core::ptr::addr_of!(_vectors) as u32 | 1;
        core::arch::asm!("csrw mtvec, {0}", in(reg) table);
    }
}
