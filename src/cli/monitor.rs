//! `monitor` and `write-flash --monitor`: the application's serial output on stdout, keys
//! typed on the terminal sent to the chip.
//!
//! Ctrl-] leaves; Ctrl-T starts a command: R resets the chip, H lists the commands, Ctrl-T
//! sends a Ctrl-T itself. On a terminal the keyboard is read raw, so that those keys (and
//! Ctrl-C, which goes to the chip) arrive as bytes; it is put back as it was on the way out.
//! The chip's `\r\n` line ends become the terminal's newline; `--timestamps` puts the time
//! before each line; `--elf` adds a line naming every code address a line prints.
//!
//! Resetting means pulsing EN through RTS on a serial port (and on a `virtual:` chip, whose
//! board models the same circuit). A `socket://` line has no reset lines, so there the
//! chip's ROM loader is asked to start the application (as `espflow run` does) when it
//! answers; otherwise the output is shown as it comes.

use std::io::{IsTerminal, Read, Write};
use std::os::fd::AsRawFd;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use anyhow::Result;
use clap::Args;
use espflow::Error;
use espflow::loader::{After, Before, reset};
use espflow::port::{self, Transport, VirtualOptions};
use espflow::session::{Session, SessionOptions, StubPolicy};

use super::args::{ConnectArgs, baud};
use super::backtrace::Symbols;

/// Ctrl-]: leave the monitor.
const EXIT_KEY: u8 = 0x1D;
/// Ctrl-T: the next key is a command.
const MENU_KEY: u8 = 0x14;

/// How the monitor behaves; shared by `monitor` and `write-flash --monitor`.
#[derive(Args, Debug, Clone)]
#[command(next_help_heading = "Monitor")]
pub struct MonitorOptions {
    /// The application's baud rate
    #[arg(long, value_name = "BAUD", default_value_t = 115_200, value_parser = baud)]
    pub monitor_baud: u32,
    /// Name the code addresses the application prints (backtraces), from the ELF it was
    /// built as (for `flash --monitor`, the ELF flashed unless this names another)
    #[arg(long = "elf", id = "monitor_elf", value_name = "FILE")]
    pub elf: Option<PathBuf>,
    /// Put the local time before each line
    #[arg(long)]
    pub timestamps: bool,
    /// What the Enter key sends
    #[arg(long, value_enum, default_value = "crlf")]
    pub eol: Eol,
}

/// `monitor` options.
#[derive(Args, Debug)]
pub struct MonitorArgs {
    /// Attach without resetting the chip first
    #[arg(long)]
    pub no_reset: bool,
    #[command(flatten)]
    pub options: MonitorOptions,
}

/// Line endings for what is typed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Eol {
    /// Carriage return and line feed, as ESP-IDF's console expects
    Crlf,
    /// Carriage return only
    Cr,
    /// Line feed only
    Lf,
}

impl Eol {
    fn bytes(self) -> &'static [u8] {
        match self {
            Eol::Crlf => b"\r\n",
            Eol::Cr => b"\r",
            Eol::Lf => b"\n",
        }
    }
}

/// How a port can reset the chip, told by its spec as [`port::open`] tells them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A serial device: DTR/RTS.
    Serial,
    /// A TCP bridge: no lines; only the ROM loader can start the application.
    Socket,
    /// The in-process virtual chip, whose board models the auto-reset circuit.
    Virtual,
}

fn kind(spec: &str) -> Kind {
    if spec.starts_with("socket://") {
        Kind::Socket
    } else if spec.starts_with("virtual:") {
        Kind::Virtual
    } else {
        Kind::Serial
    }
}

/// `monitor`: opens the port, resets the chip unless told not to, and shows its output.
pub fn monitor(conn: &ConnectArgs, args: &MonitorArgs) -> Result<()> {
    let symbols = load_symbols(&args.options)?;
    let spec = super::ports::resolve(conn)?;
    let mut m = Monitor::new(open(&spec, conn, args.options.monitor_baud)?, spec, conn);
    m.banner(&args.options);
    if !args.no_reset {
        m.reset()?;
    }
    m.run(&args.options, symbols.as_ref())
}

/// After a write: leaves the chip as `--after` says, starts the application where that did
/// not, and monitors it on the same port. For commands that write and then monitor
/// (`write-flash --monitor`).
pub fn after_write(session: Session, conn: &ConnectArgs, options: &MonitorOptions) -> Result<()> {
    let symbols = load_symbols(options)?;
    let spec = conn.single_port().unwrap_or_default().to_string();
    let port = match kind(&spec) {
        // A line without reset lines: the loader that did the write starts the app, if it
        // is the ROM's.
        Kind::Socket => match session.run_application() {
            Ok(port) => port,
            Err(e) => {
                errln!("--- {e}");
                open(&spec, conn, options.monitor_baud)?
            }
        },
        Kind::Serial | Kind::Virtual => {
            let mut port = session.finish(conn.after)?;
            // A serial port's hard reset already started the app; the virtual chip's
            // board is reset here, as the library resets only through real lines.
            if conn.after == After::NoReset || !port.has_reset_lines() {
                pulse(&mut *port);
            }
            port
        }
    };
    let mut m = Monitor::new(port, spec, conn);
    m.port_mut()
        .set_baud(options.monitor_baud)
        .map_err(|e| Error::Device(format!("cannot set {} baud: {e}", options.monitor_baud)))?;
    m.banner(options);
    m.run(options, symbols.as_ref())
}

fn load_symbols(options: &MonitorOptions) -> Result<Option<Symbols>, Error> {
    options.elf.as_deref().map(Symbols::open).transpose()
}

fn open(spec: &str, conn: &ConnectArgs, baud: u32) -> Result<Box<dyn Transport>, Error> {
    let virt = VirtualOptions {
        chip: (conn.chip)
            .filter(|c| espflow::virtual_chip::models(*c))
            .unwrap_or(espflow::chip::Chip::Esp32c3),
        ..VirtualOptions::default()
    };
    Ok(port::open(spec, baud, &virt)?)
}

/// Pulses EN; a port whose lines cannot be set (a pty) gets a warning, not a failure.
fn pulse(port: &mut dyn Transport) {
    if let Err(e) = reset::hard_reset(port) {
        errln!("--- could not reset the chip through RTS ({e}); reset it by hand");
    }
}

struct Monitor<'a> {
    port: Option<Box<dyn Transport>>,
    spec: String,
    conn: &'a ConnectArgs,
    at_line_start: bool,
    line: Vec<u8>,
}

/// What a key asks for.
enum Action {
    Send(Vec<u8>),
    Reset,
    Help,
    Exit,
    Nothing,
}

impl<'a> Monitor<'a> {
    fn new(port: Box<dyn Transport>, spec: String, conn: &'a ConnectArgs) -> Monitor<'a> {
        Monitor {
            port: Some(port),
            spec,
            conn,
            at_line_start: true,
            line: Vec::new(),
        }
    }

    fn port_mut(&mut self) -> &mut dyn Transport {
        &mut **self
            .port
            .as_mut()
            .expect("the port is back after every reset")
    }

    fn banner(&self, options: &MonitorOptions) {
        errln!(
            "--- monitor on {} at {} baud; Ctrl-] exits, Ctrl-T R resets, Ctrl-T H helps",
            self.spec,
            options.monitor_baud
        );
    }

    /// Restarts the application: EN on a serial or virtual port, the ROM loader on a
    /// socket.
    fn reset(&mut self) -> Result<(), Error> {
        match kind(&self.spec) {
            Kind::Serial | Kind::Virtual => {
                pulse(self.port_mut());
                Ok(())
            }
            Kind::Socket => {
                let port = self.port.take().expect("the port is here");
                let baud = self.conn.baud.rate();
                let opts = SessionOptions {
                    before: Some(Before::NoReset),
                    chip: self.conn.chip,
                    attempts: 1,
                    baud,
                    baud_auto: false,
                    stub: StubPolicy::Never,
                    // Starting the application changes no flash.
                    force: false,
                };
                let started = Session::connect(port, &opts).and_then(Session::run_application);
                match started {
                    Ok(port) => self.port = Some(port),
                    Err(e) => {
                        errln!(
                            "--- {} has no reset lines and its ROM loader did not start the \
                             application ({e}); showing what comes",
                            self.spec
                        );
                        self.port = Some(open(&self.spec, self.conn, baud)?);
                    }
                }
                Ok(())
            }
        }
    }

    fn run(&mut self, options: &MonitorOptions, symbols: Option<&Symbols>) -> Result<()> {
        let _raw = RawMode::enter();
        let keys = read_keys();
        let mut menu = false;
        let mut buf = [0u8; 4096];
        loop {
            while let Ok(key) = keys.try_recv() {
                match action(key, &mut menu, options.eol) {
                    Action::Exit => {
                        self.finish_line(symbols);
                        errln!("--- exit");
                        return Ok(());
                    }
                    Action::Reset => {
                        self.finish_line(symbols);
                        errln!("--- reset");
                        self.reset()?;
                    }
                    Action::Help => errln!(
                        "--- Ctrl-] exit, Ctrl-T R reset, Ctrl-T Ctrl-T send Ctrl-T, Ctrl-T H \
                         this help"
                    ),
                    Action::Send(bytes) => self
                        .port_mut()
                        .write_all(&bytes)
                        .map_err(|e| Error::Device(format!("writing to the chip: {e}")))?,
                    Action::Nothing => {}
                }
            }
            let started = Instant::now();
            match self.port_mut().read(&mut buf, Duration::from_millis(20)) {
                Ok(0) => {
                    // Ports that answer at once when nothing is pending (the virtual chip)
                    // would otherwise spin.
                    if started.elapsed() < Duration::from_millis(5) {
                        std::thread::sleep(Duration::from_millis(10));
                    }
                }
                Ok(n) => self.show(&buf[..n], options, symbols),
                Err(e) if e.kind() == std::io::ErrorKind::ConnectionAborted => {
                    self.finish_line(symbols);
                    errln!("--- {} closed the connection", self.spec);
                    return Ok(());
                }
                Err(e) => return Err(Error::Device(format!("reading {}: {e}", self.spec)).into()),
            }
        }
    }

    /// Prints what the chip sent, a line end as a newline, a `\r` dropped.
    fn show(&mut self, bytes: &[u8], options: &MonitorOptions, symbols: Option<&Symbols>) {
        let mut out = std::io::stdout().lock();
        for &b in bytes {
            match b {
                b'\r' => {}
                b'\n' => {
                    if self.at_line_start && options.timestamps {
                        let _ = out.write_all(timestamp().as_bytes());
                    }
                    let _ = out.write_all(b"\n");
                    self.at_line_start = true;
                    self.annotate(&mut out, symbols);
                }
                _ => {
                    if self.at_line_start && options.timestamps {
                        let _ = out.write_all(timestamp().as_bytes());
                    }
                    self.at_line_start = false;
                    let _ = out.write_all(&[b]);
                    self.line.push(b);
                }
            }
        }
        let _ = out.flush();
    }

    /// The notes `--elf` has for the line just ended.
    fn annotate(&mut self, out: &mut dyn Write, symbols: Option<&Symbols>) {
        let line = std::mem::take(&mut self.line);
        if let Some(s) = symbols {
            for note in s.annotate(&String::from_utf8_lossy(&line)) {
                let _ = writeln!(out, "--- {note}");
            }
        }
    }

    /// Ends a line left open, so that what the monitor says starts on its own.
    fn finish_line(&mut self, symbols: Option<&Symbols>) {
        if !self.at_line_start {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(b"\n");
            self.at_line_start = true;
            self.annotate(&mut out, symbols);
            let _ = out.flush();
        }
    }
}

/// What a key means, with `menu` set while a Ctrl-T waits for its command.
fn action(key: u8, menu: &mut bool, eol: Eol) -> Action {
    if std::mem::take(menu) {
        return match key {
            b'r' | b'R' | 0x12 => Action::Reset,
            b'h' | b'H' | b'?' | 0x08 => Action::Help,
            MENU_KEY => Action::Send(vec![MENU_KEY]),
            EXIT_KEY | b'x' | b'X' | b'q' | b'Q' => Action::Exit,
            _ => Action::Help,
        };
    }
    match key {
        EXIT_KEY => Action::Exit,
        MENU_KEY => {
            *menu = true;
            Action::Nothing
        }
        b'\r' | b'\n' => Action::Send(eol.bytes().to_vec()),
        other => Action::Send(vec![other]),
    }
}

/// The keys typed, one byte at a time, from a thread that blocks on stdin. The thread ends
/// with stdin; the process does not wait for it.
fn read_keys() -> Receiver<u8> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut stdin = std::io::stdin().lock();
        let mut buf = [0u8; 64];
        while let Ok(n) = stdin.read(&mut buf) {
            if n == 0 || buf[..n].iter().any(|b| tx.send(*b).is_err()) {
                return;
            }
        }
    });
    rx
}

/// "HH:MM:SS.mmm " in local time.
fn timestamp() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let secs = now.as_secs() as libc::time_t;
    // SAFETY: localtime_r writes one tm through a valid pointer and reads one time_t.
    let tm = unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        libc::localtime_r(&secs, &mut tm);
        tm
    };
    format!(
        "{:02}:{:02}:{:02}.{:03} ",
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        now.subsec_millis()
    )
}

/// The terminal on stdin switched to reading keys one by one, without echo and without
/// turning Ctrl-C into a signal; restored when dropped. Output processing stays on, so a
/// newline still returns the carriage. Nothing happens when stdin is not a terminal.
struct RawMode {
    saved: Option<libc::termios>,
}

impl RawMode {
    fn enter() -> RawMode {
        let stdin = std::io::stdin();
        if !stdin.is_terminal() {
            return RawMode { saved: None };
        }
        let fd = stdin.as_raw_fd();
        // SAFETY: tcgetattr/tcsetattr read and write one termios on an open descriptor.
        unsafe {
            let mut tio: libc::termios = std::mem::zeroed();
            if libc::tcgetattr(fd, &mut tio) != 0 {
                return RawMode { saved: None };
            }
            let saved = tio;
            tio.c_lflag &= !(libc::ICANON | libc::ECHO | libc::ISIG | libc::IEXTEN);
            tio.c_iflag &= !(libc::IXON | libc::ICRNL | libc::INLCR | libc::IGNCR);
            tio.c_cc[libc::VMIN] = 1;
            tio.c_cc[libc::VTIME] = 0;
            if libc::tcsetattr(fd, libc::TCSANOW, &tio) != 0 {
                return RawMode { saved: None };
            }
            RawMode { saved: Some(saved) }
        }
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        if let Some(saved) = &self.saved {
            // SAFETY: as in `enter`, with the settings found there.
            unsafe {
                libc::tcsetattr(std::io::stdin().as_raw_fd(), libc::TCSANOW, saved);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(a: Action) -> Option<Vec<u8>> {
        match a {
            Action::Send(b) => Some(b),
            _ => None,
        }
    }

    #[test]
    fn keys_mean_what_the_help_says() {
        let mut menu = false;
        assert!(matches!(
            action(EXIT_KEY, &mut menu, Eol::Crlf),
            Action::Exit
        ));
        assert!(matches!(
            action(MENU_KEY, &mut menu, Eol::Crlf),
            Action::Nothing
        ));
        assert!(menu);
        assert!(matches!(action(b'R', &mut menu, Eol::Crlf), Action::Reset));
        assert!(!menu, "a command ends the menu");
        action(MENU_KEY, &mut menu, Eol::Crlf);
        assert_eq!(
            sent(action(MENU_KEY, &mut menu, Eol::Crlf)),
            Some(vec![MENU_KEY])
        );
        assert_eq!(
            sent(action(b'\r', &mut menu, Eol::Crlf)),
            Some(b"\r\n".to_vec())
        );
        assert_eq!(
            sent(action(b'\r', &mut menu, Eol::Lf)),
            Some(b"\n".to_vec())
        );
        assert_eq!(sent(action(b'a', &mut menu, Eol::Cr)), Some(b"a".to_vec()));
        assert_eq!(sent(action(0x03, &mut menu, Eol::Cr)), Some(vec![0x03]));
    }

    #[test]
    fn ports_are_told_apart_by_their_spec() {
        assert_eq!(kind("socket://127.0.0.1:1"), Kind::Socket);
        assert_eq!(kind("virtual:f.bin"), Kind::Virtual);
        assert_eq!(kind("/dev/ttyUSB0"), Kind::Serial);
    }

    #[test]
    fn timestamps_have_a_fixed_width() {
        let t = timestamp();
        assert_eq!(t.len(), 13, "{t:?}");
        assert_eq!(&t[2..3], ":");
    }
}
