//! From the connection options to a [`Session`], and back to the port at the end.

use anyhow::Result;
use espflow::Error;
use espflow::port::{self, VirtualOptions};
use espflow::session::{Session, SessionOptions};

use super::args::ConnectArgs;

/// Opens `--port` and connects to the chip's loader, its flash attached. The stub is
/// started by the first operation that needs it.
pub fn connect(args: &ConnectArgs) -> Result<Session> {
    let spec = super::ports::resolve(args)?;
    let spec = spec.as_str();
    // `--chip` picks what a `virtual:` port models where it models that chip; otherwise
    // it is a C3, and connecting then says it is not the chip asked for.
    let virt = VirtualOptions {
        chip: (args.chip)
            .filter(|c| espflow::virtual_chip::models(*c))
            .unwrap_or(espflow::chip::Chip::Esp32c3),
        ..VirtualOptions::default()
    };
    let port = port::open(spec, 115_200, &virt).map_err(Error::from)?;
    let opts = SessionOptions {
        before: args.before,
        chip: args.chip,
        attempts: args.connect_attempts,
        baud: args.baud.rate(),
        baud_auto: args.baud.is_auto(),
        stub: args.stub_policy(),
        force: args.force,
    };
    super::output::set_port(spec);
    let mut session = Session::connect_reporting(port, &opts, super::output::session_progress())?;
    if super::boards::in_board() {
        // One of several boards: its lines and the summary name it by MAC too.
        if let Ok(Some(mac)) = session.mac() {
            super::boards::set_mac(mac.to_string());
        }
    }
    if session.secure_download() {
        errln!(
            "note: Secure Download Mode: writes go whole through the ROM loader, uncompressed \
             and unverified (the ROM runs no stub and refuses MD5, flash reads and register \
             reads there)"
        );
    } else if let Some(why) = session.stub_refused() {
        errln!("note: not using espflow's stub: {why}; the ROM loader does the work");
    }
    if session.stub_unverified() {
        errln!(
            "note: espflow's {} stub has not been verified on that chip yet; using the ROM \
             loader (--experimental-stub tries the stub)",
            session.chip()
        );
    }
    if session.stub_missing() {
        errln!(
            "note: espflow has no stub for the {} yet; using its ROM loader",
            session.chip()
        );
    }
    Ok(session)
}

/// Leaves the chip as `--after` says.
pub fn finish(mut session: Session, args: &ConnectArgs) -> Result<()> {
    warn(&mut session);
    session.finish(args.after)?;
    Ok(())
}

/// Shows what `--force` let through.
pub fn warn(session: &mut Session) {
    for w in session.take_warnings() {
        errln!("warning: {w}");
    }
}
