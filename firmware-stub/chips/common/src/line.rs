//! The line to the host: UART0 or the USB-Serial-JTAG port, whichever the ROM was using.
//!
//! UART0 has a 128-byte FIFO, less than 2 ms at 921600 baud, while a sector erase takes
//! tens of milliseconds; an interrupt handler therefore moves received bytes into a ring
//! while the main loop waits on the flash. How the interrupt reaches the handler is the
//! chip's choice ([`UartIrq`]). When idle, the main loop drains the FIFO itself with
//! interrupts masked, so a lost edge (as emulators drop them) cannot stall it.
//! USB-Serial-JTAG needs none of this: the USB host is held off until the stub reads.

use core::ffi::c_void;
use core::marker::PhantomData;

use espflow_protocol::slip;

#[cfg(target_arch = "riscv32")]
use crate::irq;
use crate::run::{Chip, UartIrq};
use crate::{reg, ring, rom};

const UART_FIFO: u32 = 0x00;
const UART_INT_ENA: u32 = 0x0C;
const UART_INT_CLR: u32 = 0x10;
const UART_CLKDIV: u32 = 0x14;
const UART_STATUS: u32 = 0x1C;
const UART_CONF1: u32 = 0x24;
const UART_REG_UPDATE: u32 = 0x98;
const INT_RXFIFO_FULL: u32 = 1 << 0;
const INT_RXFIFO_OVF: u32 = 1 << 4;
const INT_RXFIFO_TOUT: u32 = 1 << 8;
/// Interrupt once this many bytes wait: leaves 64 bytes of FIFO for the handler's latency.
const RX_THRESHOLD: u32 = 64;
const TX_FIFO_SIZE: u32 = 128;

/// The CPU interrupt line every one of these ROMs routes UART0 to in download mode
/// (esp-flasher-stub attaches its UART handler to line 5 on all of them).
pub const UART_LINE: u32 = 5;

const USB_WR_DONE: u32 = 1 << 0;
const USB_IN_FREE: u32 = 1 << 1;
const USB_OUT_AVAIL: u32 = 1 << 2;

/// The value of the ROM's `UartDev.buff_uart_no` when the loader answers on
/// USB-Serial-JTAG (esptool's UARTDEV_BUF_NO_USB_JTAG_SERIAL for the C3, C6, H2 and C5).
pub const BUF_NO_USB_JTAG_SERIAL: u8 = 3;
/// `buff_uart_no` follows six 4-byte enums in the ROM's UartDevice.
const BUF_NO_OFFSET: usize = 24;

fn uart<C: Chip>(reg: u32) -> u32 {
    C::STUB.uart.base + reg
}

fn fifo_count<C: Chip>(status: u32) -> u32 {
    status & C::STUB.uart.fifo_cnt_mask
}

/// True when the ROM loader was talking on USB-Serial-JTAG rather than UART0, as the ROM's
/// GetUartDevice says.
pub fn rom_used_usb_jtag_serial() -> bool {
    // SAFETY: the ROM returns a pointer to its static UartDevice, which outlives us.
    unsafe { *rom::GetUartDevice().add(BUF_NO_OFFSET) == BUF_NO_USB_JTAG_SERIAL }
}

/// The ROM's `UartDev.buff_uart_no`, for chips whose ROM numbers the ports differently.
pub fn rom_buff_uart_no() -> u8 {
    // SAFETY: as in rom_used_usb_jtag_serial.
    unsafe { *rom::GetUartDevice().add(BUF_NO_OFFSET) }
}

/// The clock behind UART0's divider, from the divider the ROM's autobaud chose for the
/// host's `host_baud`, snapped to the nearest of the chip's crystals.
pub fn measured_uart_clock<C: Chip + ?Sized>(host_baud: u32, crystals_mhz: &[u32]) -> u32 {
    let div = reg::read(C::STUB.uart.base + UART_CLKDIV);
    let sixteenths = u64::from(div & 0xFFF) * 16 + u64::from((div >> 20) & 0xF);
    let estimate = sixteenths * u64::from(host_baud) / 16;
    let mut best = crystals_mhz[0] * 1_000_000;
    for &mhz in crystals_mhz {
        let c = mhz * 1_000_000;
        if u64::from(c).abs_diff(estimate) < u64::from(best).abs_diff(estimate) {
            best = c;
        }
    }
    best
}

fn drain_uart_fifo<C: Chip>() {
    loop {
        let n = fifo_count::<C>(reg::read(uart::<C>(UART_STATUS)));
        if n == 0 {
            return;
        }
        for _ in 0..n {
            ring::push(reg::read(uart::<C>(UART_FIFO)) as u8);
        }
    }
}

/// Set once the stub has taken UART0 (not the USB-Serial-JTAG) as its line.
static mut ON_UART0: bool = false;

/// Moves what UART0 has received into the ring now, with interrupts masked as the handler
/// would run. Between the page programs of a longer write: while the ROM's flash driver
/// programs a sector, received bytes were not taken in by the interrupt, so the line stood
/// still for the whole of every sector's program (measured on the emulated ESP32: a 1 MiB
/// write streamed in 17.9 s, in 15.7 s with this). Nothing on the USB-Serial-JTAG.
pub fn drain_now<C: Chip>() {
    // SAFETY: written once by `Line::take_over` before any flash command is served.
    if !unsafe { core::ptr::read_volatile(core::ptr::addr_of!(ON_UART0)) } {
        return;
    }
    reg::interrupts_off();
    drain_uart_fifo::<C>();
    reg::interrupts_on();
}

/// The body of the UART0 interrupt handler.
pub fn on_uart_interrupt<C: Chip>() {
    drain_uart_fifo::<C>();
    reg::write(
        uart::<C>(UART_INT_CLR),
        INT_RXFIFO_FULL | INT_RXFIFO_OVF | INT_RXFIFO_TOUT,
    );
    // Bytes that arrived while clearing would otherwise wait for the next edge.
    drain_uart_fifo::<C>();
}

fn latch_config<C: Chip>() {
    if !C::STUB.uart.sync_update {
        return;
    }
    let update = uart::<C>(UART_REG_UPDATE);
    reg::write(update, 1);
    // The bit clears once the UART's clock domain has taken the values; bounded so a
    // stopped UART clock cannot hang the stub.
    for _ in 0..10_000 {
        if reg::read(update) & 1 == 0 {
            return;
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Port {
    Uart0,
    UsbJtagSerial { base: u32 },
}

pub struct Line<C: Chip> {
    port: Port,
    uart_clock: u32,
    _chip: PhantomData<C>,
}

impl<C: Chip> Line<C> {
    /// Takes the port the ROM loader was answering on. `isr` must call
    /// [`on_uart_interrupt`]; the stub's own vector table calls it by name.
    pub fn take_over(isr: extern "C" fn(*mut c_void)) -> Line<C> {
        let uart_clock = C::uart_clock();
        match C::STUB.usb_serial_jtag {
            Some(base) if C::rom_used_usb_jtag_serial() => {
                return Line {
                    port: Port::UsbJtagSerial { base },
                    uart_clock,
                    _chip: PhantomData,
                };
            }
            _ => {}
        }
        // The ROM's last answer may still be leaving the FIFO.
        wait_tx_idle::<C>();
        reg::interrupts_off();
        let conf1 = reg::read(uart::<C>(UART_CONF1));
        reg::write(
            uart::<C>(UART_CONF1),
            (conf1 & !C::STUB.uart.rx_threshold_mask) | RX_THRESHOLD,
        );
        reg::write(uart::<C>(UART_INT_CLR), u32::MAX);
        reg::write(uart::<C>(UART_INT_ENA), INT_RXFIFO_FULL);
        match C::UART_IRQ {
            // SAFETY: replaces the ROM's own UART handler on its line; `isr` lives in RAM
            // and only touches UART0 and the ring.
            UartIrq::Rom => unsafe {
                rom::ets_isr_attach(UART_LINE, isr, core::ptr::null_mut());
                reg::unmask_line(UART_LINE);
            },
            #[cfg(target_arch = "riscv32")]
            UartIrq::Vectored => irq::route_uart0::<C>(),
            // The Xtensa chips have no such table of the stub's own.
            #[cfg(not(target_arch = "riscv32"))]
            UartIrq::Vectored => {}
        }
        reg::interrupts_on();
        // SAFETY: the stub is single-threaded; nothing reads it before this returns.
        unsafe { core::ptr::write_volatile(core::ptr::addr_of_mut!(ON_UART0), true) };
        Line {
            port: Port::Uart0,
            uart_clock,
            _chip: PhantomData,
        }
    }

    pub fn next_byte(&mut self) -> Option<u8> {
        if let Some(b) = ring::pop() {
            return Some(b);
        }
        match self.port {
            Port::Uart0 => {
                drain_now::<C>();
                ring::pop()
            }
            Port::UsbJtagSerial { base } => {
                (reg::read(base + 4) & USB_OUT_AVAIL != 0).then(|| reg::read(base) as u8)
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
                        let status = reg::read(uart::<C>(UART_STATUS));
                        room = TX_FIFO_SIZE - fifo_count::<C>(status >> 16);
                    }
                    reg::write(C::STUB.uart.tx_fifo, b as u32);
                    room -= 1;
                })
            }
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
        wait_tx_idle::<C>();
        // SAFETY: ROM call; the divider is in sixteenths of the UART clock.
        unsafe { rom::uart_div_modify(0, (self.uart_clock << 4) / baud) };
        latch_config::<C>();
    }
}

fn wait_tx_idle<C: Chip>() {
    while fifo_count::<C>(reg::read(uart::<C>(UART_STATUS)) >> 16) != 0 {}
    // An empty FIFO still leaves the last byte in the shifter: two byte times at the
    // slowest rate the ROM runs.
    // SAFETY: ROM busy-wait.
    unsafe { rom::ets_delay_us(200) };
}
