//! `reset`, `hold-in-reset` and `run`: starting and stopping the chip without flashing.
//! The first two drive EN through RTS (the usual auto-reset circuit) and never talk to a
//! loader; `run` asks the ROM loader to boot the application, which also works over a line
//! without reset lines.

use anyhow::Result;
use espflow::Error;
use espflow::loader::reset;
use espflow::port::{SerialPort, Transport, VirtualOptions};

use super::args::ConnectArgs;
use super::connect::connect;
use super::ports;

/// The port, refused in one line when it has no reset lines to drive.
fn port_with_lines(conn: &ConnectArgs, what: &str) -> Result<Box<dyn Transport>, Error> {
    let spec = ports::resolve(conn)?;
    if spec.starts_with("socket://") {
        return Err(Error::BadInput(format!(
            "{spec} has no reset lines, so {what} cannot work there; `espflow run` starts the \
             application through the ROM loader instead"
        )));
    }
    let virt = VirtualOptions {
        chip: (conn.chip)
            .filter(|c| espflow::virtual_chip::models(*c))
            .unwrap_or(espflow::chip::Chip::Esp32c3),
        ..VirtualOptions::default()
    };
    Ok(espflow::port::open(&spec, 115_200, &virt)?)
}

fn lines_failed(port: &dyn Transport, e: std::io::Error) -> Error {
    Error::Device(format!(
        "cannot set DTR/RTS on {} ({e}): it has no modem lines to reset the chip with",
        port.name()
    ))
}

/// `reset`: pulses EN, so the chip boots its application.
pub fn reset(conn: &ConnectArgs) -> Result<()> {
    let mut port = port_with_lines(conn, "reset")?;
    reset::hard_reset(&mut *port).map_err(|e| lines_failed(&*port, e))?;
    errln!("reset the chip on {}", port.name());
    Ok(())
}

/// `hold-in-reset`: EN held low (RTS asserted, DTR not, so IO0 stays high) after espflow
/// exits, until something opens the port again.
pub fn hold_in_reset(conn: &ConnectArgs) -> Result<()> {
    let spec = ports::resolve(conn)?;
    if spec.starts_with("socket://") || spec.starts_with("virtual:") {
        // The virtual chip lives only as long as this process, so nothing could stay held.
        return Err(Error::BadInput(format!(
            "{spec} has no reset lines that stay set after espflow exits: hold-in-reset needs \
             a serial port"
        ))
        .into());
    }
    let mut port = SerialPort::open(&spec, 115_200)?;
    port.keep_lines_on_close()
        .map_err(|e| lines_failed(&port, e))?;
    port.set_lines(Some(false), Some(true))
        .map_err(|e| lines_failed(&port, e))?;
    errln!(
        "holding the chip on {spec} in reset; `espflow reset` (or opening the port) releases it"
    );
    Ok(())
}

/// `run`: the ROM loader boots the application (an empty FLASH_BEGIN, then FLASH_END with
/// its reboot flag, as esptool's `run` does).
pub fn run(conn: &ConnectArgs) -> Result<()> {
    let session = connect(conn)?;
    let port = session.run_application()?;
    errln!("started the application on {}", port.name());
    Ok(())
}
