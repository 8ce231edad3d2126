//! The line to the host: UART0 or the USB-Serial-JTAG port, whichever the ROM was using.
//!
//! UART0 has a 128-byte FIFO, less than 2 ms at 921600 baud, while a sector erase takes
//! tens of milliseconds; an interrupt handler therefore moves received bytes into a ring
//! while the main loop waits on the flash. The handler is installed through the ROM's own
//! dispatcher on the CPU line the ROM already routes UART0 to, so the chip's interrupt
//! controller (INTC, PLIC or CLIC) is programmed by the code that knows it. When idle, the
//! main loop drains the FIFO itself with interrupts masked, so a lost edge cannot stall it.
//! USB-Serial-JTAG needs none of this: the USB host is held off until the stub reads.

use core::ffi::c_void;
use core::marker::PhantomData;

use espflow_protocol::slip;

use crate::{reg, ring, rom};

const UART0: u32 = 0x6000_0000;
const UART_FIFO: u32 = UART0;
const UART_INT_ENA: u32 = UART0 + 0x0C;
const UART_INT_CLR: u32 = UART0 + 0x10;
const UART_CLKDIV: u32 = UART0 + 0x14;
const UART_STATUS: u32 = UART0 + 0x1C;
const UART_CONF1: u32 = UART0 + 0x24;
const UART_REG_UPDATE: u32 = UART0 + 0x98;
const INT_RXFIFO_FULL: u32 = 1 << 0;
const INT_RXFIFO_OVF: u32 = 1 << 4;
const INT_RXFIFO_TOUT: u32 = 1 << 8;
/// Interrupt once this many bytes wait: leaves 64 bytes of FIFO for the handler's latency.
const RX_THRESHOLD: u32 = 64;
/// The TX FIFO is 128 bytes; keep two free so a push never lands on a full FIFO.
const TX_LIMIT: u32 = 126;

/// The CPU interrupt line every one of these ROMs routes UART0 to in download mode
/// (esp-flasher-stub attaches its UART handler to line 5 on all of them).
const UART_LINE: u32 = 5;

const USB_WR_DONE: u32 = 1 << 0;
const USB_IN_FREE: u32 = 1 << 1;
const USB_OUT_AVAIL: u32 = 1 << 2;

/// The value of the ROM's `UartDev.buff_uart_no` when the loader answers on
/// USB-Serial-JTAG (esptool's UARTDEV_BUF_NO_USB_JTAG_SERIAL for the C3, C6, H2 and C5).
const BUF_NO_USB_JTAG_SERIAL: u8 = 3;
/// `buff_uart_no` follows six 4-byte enums in the ROM's UartDevice.
const BUF_NO_OFFSET: usize = 24;

/// How a chip's UART0 differs from the others.
pub trait UartSpec {
    /// Width of STATUS.rxfifo_cnt and STATUS.txfifo_cnt.
    const CNT_MASK: u32;
    /// Width of CONF1.rxfifo_full_thrhd.
    const THRHD_MASK: u32;
    /// The UART's configuration lives in its own clock domain and takes effect only
    /// after a write to UART_REG_UPDATE (C6, H2, C5).
    const SYNC_UPDATE: bool;
}

/// True when the ROM loader was talking on USB-Serial-JTAG rather than UART0.
pub fn rom_used_usb_jtag_serial() -> bool {
    // SAFETY: the ROM returns a pointer to its static UartDevice, which outlives us.
    unsafe { *rom::GetUartDevice().add(BUF_NO_OFFSET) == BUF_NO_USB_JTAG_SERIAL }
}

/// The clock behind UART0's divider, from the divider the ROM's autobaud chose for the
/// host's `host_baud`, snapped to the nearest of `candidates` (the chip's crystals).
pub fn measured_uart_clock(host_baud: u32, candidates: &[u32]) -> u32 {
    let div = reg::read(UART_CLKDIV);
    let sixteenths = u64::from(div & 0xFFF) * 16 + u64::from((div >> 20) & 0xF);
    let estimate = sixteenths * u64::from(host_baud) / 16;
    let mut best = candidates[0];
    for &c in candidates {
        if u64::from(c).abs_diff(estimate) < u64::from(best).abs_diff(estimate) {
            best = c;
        }
    }
    best
}

fn drain_uart_fifo<U: UartSpec>() {
    loop {
        let n = reg::read(UART_STATUS) & U::CNT_MASK;
        if n == 0 {
            return;
        }
        for _ in 0..n {
            ring::push(reg::read(UART_FIFO) as u8);
        }
    }
}

/// The body of the UART0 interrupt handler.
pub fn on_uart_interrupt<U: UartSpec>() {
    drain_uart_fifo::<U>();
    reg::write(
        UART_INT_CLR,
        INT_RXFIFO_FULL | INT_RXFIFO_OVF | INT_RXFIFO_TOUT,
    );
    // Bytes that arrived while clearing would otherwise wait for the next edge.
    drain_uart_fifo::<U>();
}

fn latch_config<U: UartSpec>() {
    if !U::SYNC_UPDATE {
        return;
    }
    reg::write(UART_REG_UPDATE, 1);
    // The bit clears once the UART's clock domain has taken the values; bounded so a
    // stopped UART clock cannot hang the stub.
    for _ in 0..10_000 {
        if reg::read(UART_REG_UPDATE) & 1 == 0 {
            return;
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Port {
    Uart0,
    UsbJtagSerial { base: u32 },
}

pub struct Line<U: UartSpec> {
    port: Port,
    uart_clock: u32,
    _uart: PhantomData<U>,
}

impl<U: UartSpec> Line<U> {
    /// Takes the port the ROM loader was answering on. `usb_jtag` is the USB-Serial-JTAG
    /// base when the ROM used that port; `uart_clock` feeds UART0's baud divider; `isr`
    /// must call [`on_uart_interrupt`].
    pub fn take_over(
        usb_jtag: Option<u32>,
        uart_clock: u32,
        isr: extern "C" fn(*mut c_void),
    ) -> Line<U> {
        if let Some(base) = usb_jtag {
            return Line {
                port: Port::UsbJtagSerial { base },
                uart_clock,
                _uart: PhantomData,
            };
        }
        // The ROM's last answer may still be leaving the FIFO.
        wait_tx_idle::<U>();
        reg::interrupts_off();
        let conf1 = reg::read(UART_CONF1);
        reg::write(UART_CONF1, (conf1 & !U::THRHD_MASK) | RX_THRESHOLD);
        reg::write(UART_INT_CLR, u32::MAX);
        reg::write(UART_INT_ENA, INT_RXFIFO_FULL);
        // SAFETY: replaces the ROM's own UART handler on its line; `isr` lives in RAM and
        // only touches UART0 and the ring.
        unsafe {
            rom::ets_isr_attach(UART_LINE, isr, core::ptr::null_mut());
            rom::ets_isr_unmask(1 << UART_LINE);
        }
        reg::interrupts_on();
        Line {
            port: Port::Uart0,
            uart_clock,
            _uart: PhantomData,
        }
    }

    pub fn next_byte(&mut self) -> Option<u8> {
        if let Some(b) = ring::pop() {
            return Some(b);
        }
        match self.port {
            Port::Uart0 => {
                reg::interrupts_off();
                drain_uart_fifo::<U>();
                reg::interrupts_on();
                ring::pop()
            }
            Port::UsbJtagSerial { base } => {
                (reg::read(base + 4) & USB_OUT_AVAIL != 0).then(|| reg::read(base) as u8)
            }
        }
    }

    pub fn send_frame(&mut self, packet: &[u8]) {
        match self.port {
            Port::Uart0 => slip::encode(packet, |b| {
                while (reg::read(UART_STATUS) >> 16) & U::CNT_MASK >= TX_LIMIT {}
                reg::write(UART_FIFO, b as u32);
            }),
            Port::UsbJtagSerial { base } => {
                let conf = base + 4;
                slip::encode(packet, |b| {
                    while reg::read(conf) & USB_IN_FREE == 0 {
                        reg::write(conf, USB_WR_DONE);
                    }
                    reg::write(base, b as u32);
                });
                reg::write(conf, USB_WR_DONE);
            }
        }
    }

    pub fn set_baud(&mut self, baud: u32) {
        if self.port != Port::Uart0 {
            return;
        }
        wait_tx_idle::<U>();
        // SAFETY: ROM call; the divider is in sixteenths of the UART clock.
        unsafe { rom::uart_div_modify(0, (self.uart_clock << 4) / baud) };
        latch_config::<U>();
    }
}

fn wait_tx_idle<U: UartSpec>() {
    while (reg::read(UART_STATUS) >> 16) & U::CNT_MASK != 0 {}
    // An empty FIFO still leaves the last byte in the shifter: two byte times at the
    // slowest rate the ROM runs.
    // SAFETY: ROM busy-wait.
    unsafe { rom::ets_delay_us(200) };
}
