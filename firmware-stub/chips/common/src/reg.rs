//! Raw register access and the global interrupt switch.

pub fn read(addr: u32) -> u32 {
    // SAFETY: the address names a peripheral or memory word, as with the ROM's READ_REG.
    unsafe { core::ptr::read_volatile(addr as *const u32) }
}

pub fn write(addr: u32, value: u32) {
    // SAFETY: as for `read`; whoever names the register owns the consequences.
    unsafe { core::ptr::write_volatile(addr as *mut u32, value) }
}

#[cfg(target_arch = "riscv32")]
pub fn interrupts_off() {
    // SAFETY: clears mstatus.MIE and nothing else. The CLIC on the C5 honours it too.
    unsafe { core::arch::asm!("csrci mstatus, 8") }
}

#[cfg(target_arch = "riscv32")]
pub fn interrupts_on() {
    // SAFETY: sets mstatus.MIE.
    unsafe { core::arch::asm!("csrsi mstatus, 8") }
}

/// Lets CPU interrupt line `line` through, as the ROM's dispatcher has it routed.
#[cfg(target_arch = "riscv32")]
pub fn unmask_line(line: u32) {
    // SAFETY: ROM call with an integer argument.
    unsafe { crate::rom::ets_isr_unmask(1 << line) }
}

// Rust has no inline assembly for Xtensa, so these few instructions live in `xtensa.s`,
// which firmware-stub/build.sh assembles and links with the chip's code.
#[cfg(target_arch = "xtensa")]
unsafe extern "C" {
    fn espflow_ints_off();
    fn espflow_ints_on();
    fn espflow_unmask_line(mask: u32);
}

/// Raises PS.INTLEVEL above every maskable level the stub or the ROM uses.
#[cfg(target_arch = "xtensa")]
pub fn interrupts_off() {
    // SAFETY: changes PS.INTLEVEL only; window and exception state stay as they are.
    unsafe { espflow_ints_off() }
}

/// Back to PS.INTLEVEL 0, where the ROM loader runs.
#[cfg(target_arch = "xtensa")]
pub fn interrupts_on() {
    // SAFETY: as above.
    unsafe { espflow_ints_on() }
}

/// Sets the line's bit in INTENABLE. The ESP32's ROM exports no ets_isr_unmask (its
/// xtos code does the same on this register).
#[cfg(target_arch = "xtensa")]
pub fn unmask_line(line: u32) {
    // SAFETY: a read-modify-write of INTENABLE, done with interrupts masked.
    unsafe { espflow_unmask_line(1 << line) }
}
