//! Raw register access and the global interrupt switch.

pub fn read(addr: u32) -> u32 {
    // SAFETY: the address names a peripheral or memory word, as with the ROM's READ_REG.
    unsafe { core::ptr::read_volatile(addr as *const u32) }
}

pub fn write(addr: u32, value: u32) {
    // SAFETY: as for `read`; whoever names the register owns the consequences.
    unsafe { core::ptr::write_volatile(addr as *mut u32, value) }
}

pub fn interrupts_off() {
    // SAFETY: clears mstatus.MIE and nothing else. The CLIC on the C5 honours it too.
    unsafe { core::arch::asm!("csrci mstatus, 8") }
}

pub fn interrupts_on() {
    // SAFETY: sets mstatus.MIE.
    unsafe { core::arch::asm!("csrsi mstatus, 8") }
}
