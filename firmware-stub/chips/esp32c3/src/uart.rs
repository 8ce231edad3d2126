//! The line to the host: UART0 or the USB-Serial-JTAG port, whichever the ROM was using.
//!
//! UART0 has a 128-byte FIFO, less than 2 ms at 921600 baud, while a sector erase takes tens
//! of milliseconds; an interrupt handler therefore moves received bytes into a ring in DRAM
//! while the main loop waits on the flash. When idle, the main loop drains the FIFO itself
//! with interrupts masked, which also covers emulators that drop an interrupt edge.
//! USB-Serial-JTAG needs none of this: the USB host is held off until the stub reads.

use core::sync::atomic::{AtomicU32, Ordering};

use espflow_protocol::slip;

use crate::rom;
use crate::{reg_read, reg_write};

const UART0: u32 = 0x6000_0000;
const UART_FIFO: u32 = UART0;
const UART_INT_ENA: u32 = UART0 + 0x0C;
const UART_INT_CLR: u32 = UART0 + 0x10;
const UART_STATUS: u32 = UART0 + 0x1C;
const UART_CONF1: u32 = UART0 + 0x24;
const TX_FIFO_SIZE: u32 = 128;
const INT_RXFIFO_FULL: u32 = 1 << 0;
const INT_RXFIFO_OVF: u32 = 1 << 4;
const INT_RXFIFO_TOUT: u32 = 1 << 8;
/// Interrupt once this many bytes wait: leaves 64 bytes of FIFO for the handler's latency.
const RX_THRESHOLD: u32 = 64;

const USB_EP1: u32 = 0x6004_3000;
const USB_EP1_CONF: u32 = 0x6004_3004;
const USB_WR_DONE: u32 = 1 << 0;
const USB_IN_FREE: u32 = 1 << 1;
const USB_OUT_AVAIL: u32 = 1 << 2;

/// ROM variable recording which port the loader was reached on.
const UARTDEV_BUF_NO: u32 = 0x3FCD_F07C;
const UARTDEV_USB_JTAG_SERIAL: u32 = 3;

const INTC: u32 = 0x600C_2000;
const INTC_UART0_MAP: u32 = INTC + 4 * 21;
const INTC_ENABLE: u32 = INTC + 0x104;
const INTC_TYPE: u32 = INTC + 0x108;
const INTC_THRESHOLD: u32 = INTC + 0x194;
const IRQ_LINE: u32 = 5;

const RING_SIZE: usize = 0xC000;
static mut RING: [u8; RING_SIZE] = [0; RING_SIZE];
static HEAD: AtomicU32 = AtomicU32::new(0);
static TAIL: AtomicU32 = AtomicU32::new(0);

/// Only ever called with interrupts masked or from the handler, so pushes never race.
fn ring_push(b: u8) {
    let head = HEAD.load(Ordering::Relaxed);
    let next = (head + 1) % RING_SIZE as u32;
    if next == TAIL.load(Ordering::Acquire) {
        // Full: the host broke the flow-control window. Dropping the byte corrupts the
        // frame, which the host sees as a failed or missing answer.
        return;
    }
    // SAFETY: the producer owns the slot at `head` until HEAD moves past it.
    unsafe { (*core::ptr::addr_of_mut!(RING))[head as usize] = b };
    HEAD.store(next, Ordering::Release);
}

fn ring_pop() -> Option<u8> {
    let tail = TAIL.load(Ordering::Relaxed);
    if tail == HEAD.load(Ordering::Acquire) {
        return None;
    }
    // SAFETY: the consumer owns the slot at `tail` until TAIL moves past it.
    let b = unsafe { (*core::ptr::addr_of!(RING))[tail as usize] };
    TAIL.store((tail + 1) % RING_SIZE as u32, Ordering::Release);
    Some(b)
}

fn drain_uart_fifo() {
    loop {
        let n = reg_read(UART_STATUS) & 0x3FF;
        if n == 0 {
            return;
        }
        for _ in 0..n {
            ring_push(reg_read(UART_FIFO) as u8);
        }
    }
}

#[unsafe(no_mangle)]
extern "C" fn uart_isr() {
    drain_uart_fifo();
    reg_write(
        UART_INT_CLR,
        INT_RXFIFO_FULL | INT_RXFIFO_OVF | INT_RXFIFO_TOUT,
    );
    // Bytes that arrived while clearing would otherwise wait for the next edge.
    drain_uart_fifo();
}

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

fn interrupts_off() {
    // SAFETY: clears MIE; nothing else in mstatus changes.
    unsafe { core::arch::asm!("csrci mstatus, 8") }
}

fn interrupts_on() {
    // SAFETY: sets MIE.
    unsafe { core::arch::asm!("csrsi mstatus, 8") }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Port {
    Uart0,
    UsbJtagSerial,
}

pub struct Line {
    port: Port,
}

impl Line {
    /// Takes the port the ROM loader was answering on.
    pub fn take_over() -> Line {
        if reg_read(UARTDEV_BUF_NO) == UARTDEV_USB_JTAG_SERIAL {
            return Line {
                port: Port::UsbJtagSerial,
            };
        }
        // The ROM's last answer may still be leaving the FIFO.
        wait_tx_idle();
        interrupts_off();
        let conf1 = reg_read(UART_CONF1);
        reg_write(UART_CONF1, (conf1 & !0x1FF) | RX_THRESHOLD);
        reg_write(UART_INT_CLR, u32::MAX);
        reg_write(UART_INT_ENA, INT_RXFIFO_FULL);
        reg_write(INTC_UART0_MAP, IRQ_LINE);
        reg_write(INTC + 0x114 + 4 * IRQ_LINE, 1);
        reg_write(INTC_THRESHOLD, 1);
        reg_write(INTC_TYPE, reg_read(INTC_TYPE) & !(1 << IRQ_LINE));
        reg_write(INTC_ENABLE, reg_read(INTC_ENABLE) | (1 << IRQ_LINE));
        // SAFETY: points the vectored trap table at ours, which lives in IRAM.
        unsafe {
            let table = core::ptr::addr_of!(_vectors) as u32 | 1;
            core::arch::asm!("csrw mtvec, {0}", in(reg) table);
        }
        interrupts_on();
        Line { port: Port::Uart0 }
    }

    pub fn next_byte(&mut self) -> Option<u8> {
        if let Some(b) = ring_pop() {
            return Some(b);
        }
        match self.port {
            Port::Uart0 => {
                interrupts_off();
                drain_uart_fifo();
                interrupts_on();
                ring_pop()
            }
            Port::UsbJtagSerial => {
                (reg_read(USB_EP1_CONF) & USB_OUT_AVAIL != 0).then(|| reg_read(USB_EP1) as u8)
            }
        }
    }

    pub fn send_frame(&mut self, packet: &[u8]) {
        match self.port {
            Port::Uart0 => {
                // Room in the FIFO is asked for once per batch, not once per byte: each
                // register read is slow next to a FIFO write.
                let mut room = 0u32;
                slip::encode(packet, |b| {
                    while room == 0 {
                        room = TX_FIFO_SIZE - ((reg_read(UART_STATUS) >> 16) & 0x3FF);
                    }
                    reg_write(UART_FIFO, b as u32);
                    room -= 1;
                })
            }
            Port::UsbJtagSerial => {
                slip::encode(packet, |b| {
                    while reg_read(USB_EP1_CONF) & USB_IN_FREE == 0 {
                        reg_write(USB_EP1_CONF, USB_WR_DONE);
                    }
                    reg_write(USB_EP1, b as u32);
                });
                reg_write(USB_EP1_CONF, USB_WR_DONE);
            }
        }
    }

    pub fn set_baud(&mut self, baud: u32) {
        if self.port != Port::Uart0 {
            return;
        }
        wait_tx_idle();
        // SAFETY: ROM call; the UART runs from the 40 MHz crystal in download mode.
        unsafe { rom::uart_div_modify(0, (40_000_000u32 << 4) / baud) };
    }
}

fn wait_tx_idle() {
    while (reg_read(UART_STATUS) >> 16) & 0x3FF != 0 {}
    // The FIFO being empty leaves the last byte in the shifter: two byte times at the
    // slowest rate the ROM runs.
    // SAFETY: ROM busy-wait.
    unsafe { rom::ets_delay_us(200) };
}
