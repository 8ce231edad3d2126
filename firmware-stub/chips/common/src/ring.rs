//! Bytes received from UART0 and not yet decoded: one producer (the interrupt handler, or
//! the main loop with interrupts masked) and one consumer (the main loop).

use core::sync::atomic::{AtomicU32, Ordering};

/// Enough for the host's write window of 16 KiB blocks several times over.
const SIZE: usize = 0xC000;
static mut RING: [u8; SIZE] = [0; SIZE];
static HEAD: AtomicU32 = AtomicU32::new(0);
static TAIL: AtomicU32 = AtomicU32::new(0);

/// Only ever called from the handler or with interrupts masked, so pushes never race.
pub fn push(b: u8) {
    let head = HEAD.load(Ordering::Relaxed);
    let next = (head + 1) % SIZE as u32;
    if next == TAIL.load(Ordering::Acquire) {
        // Full: the host broke the flow-control window. Dropping the byte corrupts the
        // frame, which the host sees as a failed or missing answer.
        return;
    }
    // SAFETY: the producer owns the slot at `head` until HEAD moves past it.
    unsafe { (*core::ptr::addr_of_mut!(RING))[head as usize] = b };
    HEAD.store(next, Ordering::Release);
}

pub fn pop() -> Option<u8> {
    let tail = TAIL.load(Ordering::Relaxed);
    if tail == HEAD.load(Ordering::Acquire) {
        return None;
    }
    // SAFETY: the consumer owns the slot at `tail` until TAIL moves past it.
    let b = unsafe { (*core::ptr::addr_of!(RING))[tail as usize] };
    TAIL.store((tail + 1) % SIZE as u32, Ordering::Release);
    Some(b)
}
