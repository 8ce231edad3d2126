//! Where the bytes go: a serial device, a TCP socket (`socket://HOST:PORT`) or a virtual chip
//! running in this process (`virtual:PATH`). Everything above this module sees only
//! [`Transport`], so a third party can bring its own.

pub mod discover;
mod serial;
mod socket;
mod virtual_port;

use std::io;
use std::time::Duration;

pub use serial::SerialPort;
pub use socket::SocketPort;
pub use virtual_port::VirtualPort;

/// A byte pipe to a chip's loader, plus the two modem lines used to reset it.
///
/// Anything that carries bytes can be one: implement the five required methods, and
/// [`Transport::has_reset_lines`] when DTR/RTS really reach the chip.
pub trait Transport: Send {
    /// Sends all of `data`.
    fn write_all(&mut self, data: &[u8]) -> io::Result<()>;
    /// Waits up to `timeout` for bytes and returns how many were read; 0 means none came
    /// (and, for a port that can tell, none will come without another write).
    fn read(&mut self, buf: &mut [u8], timeout: Duration) -> io::Result<usize>;
    /// Drops whatever has been received and not read.
    fn discard_input(&mut self) -> io::Result<()>;
    /// Changes the line rate (a port without one, such as TCP, ignores it).
    fn set_baud(&mut self, baud: u32) -> io::Result<()>;
    /// Sets DTR and/or RTS (true = asserted), both in one operation where the port allows,
    /// which the tight reset sequence relies on.
    fn set_lines(&mut self, dtr: Option<bool>, rts: Option<bool>) -> io::Result<()>;
    /// Whether DTR/RTS reach the chip's EN and IO0, so that pulsing them resets it into its
    /// loader or out of it. Ports without (a TCP bridge, an emulator, a virtual chip) are
    /// synced with as they are and left as they are.
    fn has_reset_lines(&self) -> bool {
        false
    }
    /// USB vendor and product id, when the port is a USB device.
    fn usb_ids(&self) -> Option<(u16, u16)> {
        None
    }
    /// How to name the port in messages.
    fn name(&self) -> String;
}

/// A port that could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum PortError {
    /// A serial device.
    #[error("cannot open serial port {port}: {cause}")]
    Serial {
        /// The device.
        port: String,
        /// Why.
        cause: serialport::Error,
    },
    /// A `socket://` address.
    #[error("cannot connect to {addr}: {cause}")]
    Socket {
        /// The address.
        addr: String,
        /// Why.
        cause: io::Error,
    },
    /// A `virtual:` flash image.
    #[error("virtual chip flash image {path}: {reason}")]
    Virtual {
        /// The image file.
        path: String,
        /// Why.
        reason: String,
    },
}

/// Options for the in-process virtual chip.
#[derive(Clone, Debug)]
pub struct VirtualOptions {
    /// The chip the virtual chip models (see [`crate::virtual_chip::models`]).
    pub chip: crate::chip::Chip,
    /// Flash size for a new image file.
    pub flash_size: Option<u32>,
    /// Pace the UART and the flash as the real chip would.
    pub realtime: bool,
    /// The chip's eFuse image and security shortcuts.
    pub efuse: crate::virtual_chip::efuse::EfuseSetup,
    /// The serial bridge in front of the chip: its highest rate and its errors.
    pub bridge: crate::virtual_chip::bridge::BridgeSpec,
    /// Seed for the bridge's errors.
    pub seed: u64,
}

impl Default for VirtualOptions {
    /// A C3, with its flash as fast as memory.
    fn default() -> Self {
        VirtualOptions {
            chip: crate::chip::Chip::Esp32c3,
            flash_size: None,
            realtime: false,
            efuse: Default::default(),
            bridge: Default::default(),
            seed: 0,
        }
    }
}

/// Opens a port from its spec: `socket://HOST:PORT`, `virtual:PATH`, or a device path.
pub fn open(spec: &str, baud: u32, virt: &VirtualOptions) -> Result<Box<dyn Transport>, PortError> {
    if let Some(addr) = spec.strip_prefix("socket://") {
        return Ok(Box::new(SocketPort::connect(addr)?));
    }
    if let Some(rest) = spec.strip_prefix("virtual:") {
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let mut virt = virt.clone();
        virtual_query(path, query, &mut virt)?;
        return Ok(Box::new(VirtualPort::open(path.as_ref(), &virt)?));
    }
    Ok(Box::new(SerialPort::open(spec, baud)?))
}

/// The settings after `?` in `virtual:IMAGE?efuse=FILE&flash-encryption=KEY&secure-boot=DIGEST&secure-download-mode`,
/// which set up the virtual chip's eFuses as `virtual-chip`'s flags of the same names do,
/// and `bridge-max-baud=N`, `bridge-errors=P@BAUD`, `bridge-knee=N` and `seed=N`, which
/// model its serial bridge as those flags do.
fn virtual_query(path: &str, query: &str, virt: &mut VirtualOptions) -> Result<(), PortError> {
    let bad = |reason: String| PortError::Virtual {
        path: path.to_string(),
        reason,
    };
    let mut errors = None;
    let mut knee = crate::virtual_chip::bridge::DEFAULT_KNEE;
    let setup = &mut virt.efuse;
    for item in query.split('&').filter(|s| !s.is_empty()) {
        let (key, value) = item.split_once('=').unwrap_or((item, ""));
        let file = || {
            if value.is_empty() {
                Err(bad(format!("'{key}' needs a file: {key}=FILE")))
            } else {
                Ok(Some(std::path::PathBuf::from(value)))
            }
        };
        match key {
            "efuse" => setup.file = file()?,
            "flash-encryption" => setup.flash_encryption_key = file()?,
            "secure-boot" => setup.secure_boot_digest = file()?,
            "secure-download-mode" if value.is_empty() || value == "1" => {
                setup.secure_download = true
            }
            "bridge-max-baud" => {
                virt.bridge.max_baud = Some(
                    value
                        .parse()
                        .map_err(|_| bad(format!("'{item}': bridge-max-baud takes a baud rate")))?,
                )
            }
            "bridge-knee" => {
                knee = value
                    .parse()
                    .map_err(|_| bad(format!("'{item}': bridge-knee takes a baud rate")))?
            }
            "bridge-errors" => errors = Some(value.to_string()),
            "seed" => {
                virt.seed = value
                    .parse()
                    .map_err(|_| bad(format!("'{item}': seed takes a number")))?
            }
            _ => {
                return Err(bad(format!(
                    "unknown setting '{item}' after '?': use efuse=FILE, \
                     flash-encryption=KEY, secure-boot=DIGEST, secure-download-mode, \
                     bridge-max-baud=N, bridge-errors=P@BAUD, bridge-knee=N or seed=N"
                )));
            }
        }
    }
    if let Some(spec) = errors {
        virt.bridge.errors =
            Some(crate::virtual_chip::bridge::ErrorCurve::parse(&spec, knee).map_err(bad)?);
    }
    Ok(())
}
