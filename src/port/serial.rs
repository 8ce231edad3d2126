use std::io::{self, Read, Write};
use std::os::fd::AsRawFd;
use std::time::Duration;

use serialport::{ClearBuffer, SerialPort as _, TTYPort};

use super::{PortError, Transport};

/// A serial device (USB-UART bridge, the chip's own USB-Serial-JTAG, or a pty).
pub struct SerialPort {
    port: TTYPort,
    path: String,
    usb: Option<(u16, u16)>,
}

impl SerialPort {
    /// Opens the device at `baud` and looks up its USB ids, if it has any.
    pub fn open(path: &str, baud: u32) -> Result<SerialPort, PortError> {
        let port = serialport::new(path, baud)
            .timeout(Duration::from_millis(100))
            .open_native()
            .map_err(|cause| PortError::Serial {
                port: path.to_string(),
                cause,
            })?;
        let usb = usb_ids_of(path);
        Ok(SerialPort {
            port,
            path: path.to_string(),
            usb,
        })
    }
}

impl SerialPort {
    /// Leaves DTR and RTS as they are when the port is closed: without this the kernel
    /// drops both on the last close (HUPCL), which releases a chip held in reset.
    pub fn keep_lines_on_close(&mut self) -> io::Result<()> {
        let fd = self.port.as_raw_fd();
        // SAFETY: tcgetattr/tcsetattr read and write one termios on an open descriptor.
        unsafe {
            let mut tio: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(fd, &mut tio) != 0 {
                return Err(io::Error::last_os_error());
            }
            tio.c_cflag &= !libc::HUPCL;
            if libc::tcsetattr(fd, libc::TCSANOW, &tio) != 0 {
                return Err(io::Error::last_os_error());
            }
        }
        Ok(())
    }
}

/// Looks the device up in sysfs; without libudev this is the one place the ids live.
fn usb_ids_of(path: &str) -> Option<(u16, u16)> {
    let real = std::fs::canonicalize(path).ok()?;
    let name = real.file_name()?.to_str()?;
    let mut dir = std::fs::canonicalize(format!("/sys/class/tty/{name}/device")).ok()?;
    for _ in 0..4 {
        let vid = std::fs::read_to_string(dir.join("idVendor"));
        let pid = std::fs::read_to_string(dir.join("idProduct"));
        if let (Ok(v), Ok(p)) = (vid, pid) {
            return Some((
                u16::from_str_radix(v.trim(), 16).ok()?,
                u16::from_str_radix(p.trim(), 16).ok()?,
            ));
        }
        dir = dir.parent()?.to_path_buf();
    }
    None
}

impl Transport for SerialPort {
    fn write_all(&mut self, data: &[u8]) -> io::Result<()> {
        self.port.write_all(data)?;
        self.port.flush()
    }

    fn read(&mut self, buf: &mut [u8], timeout: Duration) -> io::Result<usize> {
        self.port
            .set_timeout(timeout.max(Duration::from_millis(1)))
            .map_err(io::Error::other)?;
        match self.port.read(buf) {
            Ok(n) => Ok(n),
            Err(e) if e.kind() == io::ErrorKind::TimedOut => Ok(0),
            Err(e) => Err(e),
        }
    }

    fn discard_input(&mut self) -> io::Result<()> {
        self.port
            .clear(ClearBuffer::Input)
            .map_err(io::Error::other)
    }

    fn set_baud(&mut self, baud: u32) -> io::Result<()> {
        self.port.set_baud_rate(baud).map_err(io::Error::other)
    }

    fn set_lines(&mut self, dtr: Option<bool>, rts: Option<bool>) -> io::Result<()> {
        let fd = self.port.as_raw_fd();
        let mut bits: libc::c_int = 0;
        // SAFETY: TIOCMGET/TIOCMSET read and write one int through a valid pointer on an
        // open descriptor; a pty answers ENOTTY, which the caller reports.
        unsafe {
            if libc::ioctl(fd, libc::TIOCMGET, &mut bits) != 0 {
                return Err(io::Error::last_os_error());
            }
            for (level, bit) in [(dtr, libc::TIOCM_DTR), (rts, libc::TIOCM_RTS)] {
                match level {
                    Some(true) => bits |= bit,
                    Some(false) => bits &= !bit,
                    None => {}
                }
            }
            if libc::ioctl(fd, libc::TIOCMSET, &bits) != 0 {
                return Err(io::Error::last_os_error());
            }
        }
        Ok(())
    }

    fn has_reset_lines(&self) -> bool {
        true
    }

    fn usb_ids(&self) -> Option<(u16, u16)> {
        self.usb
    }

    fn name(&self) -> String {
        self.path.clone()
    }
}
