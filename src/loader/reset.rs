//! Ways of getting a chip into its ROM serial loader through DTR/RTS, and out of it again.
//!
//! On the usual two-transistor circuit, asserting DTR pulls IO0 low and asserting RTS pulls
//! EN low; asserting both leaves both high, which is why the tight sequence passes through
//! (asserted, asserted).

use std::thread::sleep;
use std::time::Duration;

use crate::port::Transport;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
/// How to get the chip into its loader before connecting.
pub enum Before {
    /// Reset into the loader with DTR/RTS (USB-JTAG-Serial sequence when the port is one).
    DefaultReset,
    /// The USB-JTAG-Serial peripheral's reset sequence.
    UsbReset,
    /// Just sync with a loader that is already waiting.
    NoReset,
    /// Neither reset nor sync: a stub is assumed to be running.
    NoResetNoSync,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
/// What to do with the chip when done.
pub enum After {
    /// Pulse EN so the application starts.
    HardReset,
    /// Leave the chip in the loader.
    NoReset,
}

/// One way of pulsing the lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResetStrategy {
    /// Both lines set in one ioctl: immune to the glitch two separate writes cause.
    UnixTight {
        /// How long EN is held low.
        delay: Duration,
    },
    /// One line at a time; works on every driver.
    Classic {
        /// How long EN is held low.
        delay: Duration,
    },
    /// The sequence the USB-Serial-JTAG peripheral understands.
    UsbJtagSerial,
}

const ESPRESSIF_USB_JTAG: (u16, u16) = (0x303A, 0x1001);

/// The strategies to cycle through over connection attempts.
pub fn strategies(before: Before, port: &dyn Transport) -> Vec<ResetStrategy> {
    let short = Duration::from_millis(50);
    let long = Duration::from_millis(550);
    match before {
        Before::NoReset | Before::NoResetNoSync => vec![],
        Before::UsbReset => vec![ResetStrategy::UsbJtagSerial],
        Before::DefaultReset if port.usb_ids() == Some(ESPRESSIF_USB_JTAG) => {
            vec![ResetStrategy::UsbJtagSerial]
        }
        Before::DefaultReset => vec![
            ResetStrategy::UnixTight { delay: short },
            ResetStrategy::UnixTight { delay: long },
            ResetStrategy::Classic { delay: short },
            ResetStrategy::Classic { delay: long },
        ],
    }
}

/// Runs a reset sequence. Ports without modem lines (a pty) refuse the ioctl; that is
/// reported once by the caller and the sync goes ahead.
pub fn run(strategy: ResetStrategy, port: &mut dyn Transport) -> std::io::Result<()> {
    let lines = |p: &mut dyn Transport, dtr, rts| p.set_lines(dtr, rts);
    match strategy {
        ResetStrategy::UnixTight { delay } => {
            lines(port, Some(false), Some(false))?;
            lines(port, Some(true), Some(true))?;
            lines(port, Some(false), Some(true))?;
            sleep(Duration::from_millis(100));
            lines(port, Some(true), Some(false))?;
            sleep(delay);
            lines(port, Some(false), Some(false))?;
            lines(port, Some(false), None)?;
        }
        ResetStrategy::Classic { delay } => {
            lines(port, Some(false), None)?;
            lines(port, None, Some(true))?;
            sleep(Duration::from_millis(100));
            lines(port, Some(true), None)?;
            lines(port, None, Some(false))?;
            sleep(delay);
            lines(port, Some(false), None)?;
        }
        ResetStrategy::UsbJtagSerial => {
            lines(port, Some(false), Some(false))?;
            sleep(Duration::from_millis(100));
            lines(port, Some(true), Some(false))?;
            sleep(Duration::from_millis(100));
            lines(port, Some(false), Some(true))?;
            lines(port, None, Some(true))?;
            sleep(Duration::from_millis(100));
            lines(port, Some(false), Some(false))?;
        }
    }
    Ok(())
}

/// Pulses EN so the chip boots its application.
pub fn hard_reset(port: &mut dyn Transport) -> std::io::Result<()> {
    port.set_lines(Some(false), Some(true))?;
    sleep(Duration::from_millis(100));
    port.set_lines(None, Some(false))
}
