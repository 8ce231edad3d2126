//! Serves a virtual chip to other programs over TCP or a pseudo-terminal.
//!
//! With `realtime`, the line behaves like a UART at the chip's current baud rate: bytes take
//! ten bit times each in both directions, and the chip's virtual clock (which includes
//! datasheet flash timings) is held to wall-clock time, so throughput matches a real board.

use std::io::{self, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use super::fault::Fault;
use super::{Output, VirtualChip};

/// Where [`serve`] waits for its client.
pub enum Listen {
    /// A TCP address to bind (`HOST:PORT`; port 0 picks a free one); clients take turns.
    Tcp(String),
    /// A new pseudo-terminal, whose device name is printed.
    Pty,
}

enum Incoming {
    Data(Vec<u8>, Instant),
    Closed,
}

/// How the served chip's line behaves.
#[derive(Clone, Debug)]
pub struct LineOptions {
    /// Pace bytes at the baud rate and hold the chip's clock to the wall clock.
    pub realtime: bool,
    /// Virtual seconds per wall-clock second (realtime only): 10 runs ten times faster
    /// than a real board while keeping every ratio between line and flash.
    pub time_scale: f64,
    /// Cut the connection after this many received bytes, once.
    pub drop_after: Option<u64>,
    /// Leave the chip as it is when a client leaves, instead of resetting it into its ROM
    /// loader: a serial bridge without reset lines does not reset anything.
    pub stay_on: bool,
}

/// The line between the server and its client, paced or not.
struct Line {
    epoch: Instant,
    realtime: bool,
    scale: f64,
    rx_free: u64,
    tx_free: u64,
    drop_after: Option<u64>,
    received: u64,
}

impl Line {
    fn ns_since_epoch(&self, t: Instant) -> u64 {
        (t.saturating_duration_since(self.epoch).as_nanos() as f64 * self.scale) as u64
    }

    fn wall(&self, virtual_ns: u64) -> Instant {
        self.epoch + Duration::from_nanos((virtual_ns as f64 / self.scale) as u64)
    }

    fn byte_time(baud: u32) -> u64 {
        10_000_000_000 / baud.max(1) as u64
    }

    /// Virtual time at which `n` bytes that reached us at `arrived` are in the chip.
    fn rx(&mut self, n: usize, arrived: Instant, baud: u32) -> u64 {
        if !self.realtime {
            return 0;
        }
        let start = self.rx_free.max(self.ns_since_epoch(arrived));
        self.rx_free = start + n as u64 * Self::byte_time(baud);
        self.rx_free
    }

    fn send(&mut self, chip_out: Vec<Output>, baud: &mut u32, w: &mut dyn Write) -> io::Result<()> {
        for o in chip_out {
            match o {
                Output::Baud { baud: b, .. } => *baud = b,
                Output::Bytes { at, data } => {
                    if self.realtime {
                        let start = self.tx_free.max(at);
                        self.tx_free = start + data.len() as u64 * Self::byte_time(*baud);
                        let due = self.wall(self.tx_free);
                        let now = Instant::now();
                        if due > now {
                            thread::sleep(due - now);
                        }
                    }
                    w.write_all(&data)?;
                }
            }
        }
        w.flush()
    }
}

/// A line of the chip's log on stderr. Whoever reads it may stop: the chip serves on,
/// so a closed stderr loses the line instead of panicking.
macro_rules! log {
    ($($arg:tt)*) => {{
        let _ = writeln!(io::stderr(), $($arg)*);
    }};
}

/// The first line on stdout, saying where to connect. A client that has read it may close
/// stdout; the chip serves on.
fn announce(line: &str) {
    let mut out = io::stdout().lock();
    let _ = writeln!(out, "{line}");
    let _ = out.flush();
}

/// Runs until killed (or until the listener fails). Prints one line saying where to connect.
pub fn serve(mut chip: VirtualChip, listen: Listen, opts: LineOptions) -> io::Result<()> {
    let mut line = Line {
        epoch: Instant::now(),
        realtime: opts.realtime,
        scale: if opts.time_scale > 0.0 {
            opts.time_scale
        } else {
            1.0
        },
        rx_free: 0,
        tx_free: 0,
        drop_after: opts.drop_after,
        received: 0,
    };
    match listen {
        Listen::Tcp(addr) => {
            let listener = TcpListener::bind(&addr)?;
            announce(&format!("listening on socket://{}", listener.local_addr()?));
            for stream in listener.incoming() {
                let stream = stream?;
                stream.set_nodelay(true)?;
                let (tx, rx) = mpsc::channel();
                let reader = stream.try_clone()?;
                thread::spawn(move || pump(reader, tx));
                let mut writer = stream;
                let _ = session(&mut chip, &mut line, &rx, &mut writer);
                // The reader holds a clone of the socket; only a shutdown closes the line.
                let _ = writer.shutdown(std::net::Shutdown::Both);
                end_session(&mut chip, opts.stay_on);
            }
            Ok(())
        }
        Listen::Pty => {
            let (master, name) = open_pty()?;
            announce(&format!("pty {name}"));
            let reader = std::fs::File::from(master.try_clone()?);
            let (tx, rx) = mpsc::channel();
            thread::spawn(move || pump_pty(reader, tx));
            let mut writer = std::fs::File::from(master);
            loop {
                let _ = session(&mut chip, &mut line, &rx, &mut writer);
                end_session(&mut chip, opts.stay_on);
            }
        }
    }
}

/// Logs what the client did and readies the chip for the next one: back in its ROM
/// loader, as after a reset (unless `stay_on`), and powered again after a cut.
fn end_session(chip: &mut VirtualChip, stay_on: bool) {
    log!("{}", chip.session_summary());
    if chip.is_powered() {
        if !stay_on {
            chip.enter_download_mode(false);
        }
    } else {
        log!("power cut: the line dropped; power restored, ROM loader waiting");
        chip.power_on();
    }
}

/// The faults that concern the line rather than the chip.
pub fn line_drop(faults: &[Fault]) -> Option<u64> {
    faults.iter().find_map(|f| match f {
        Fault::LineDrop { after_bytes } => Some(*after_bytes),
        Fault::PowerCut(_) | Fault::WornCell { .. } => None,
    })
}

fn session(
    chip: &mut VirtualChip,
    line: &mut Line,
    rx: &Receiver<Incoming>,
    w: &mut dyn Write,
) -> io::Result<()> {
    let mut baud = chip.baud();
    loop {
        match rx.recv_timeout(Duration::from_millis(200)) {
            Ok(Incoming::Data(mut bytes, at)) => {
                line.received += bytes.len() as u64;
                let drop_now = line.drop_after.is_some_and(|n| line.received >= n);
                if drop_now {
                    let over = (line.received - line.drop_after.unwrap_or(0)) as usize;
                    bytes.truncate(bytes.len().saturating_sub(over));
                }
                let arrival = line.rx(bytes.len(), at, chip.baud());
                let faults = chip.cache_faults().len();
                chip.receive(&bytes, arrival);
                for f in &chip.cache_faults()[faults..] {
                    log!("cache fault: {f}");
                }
                line.send(chip.take_output(), &mut baud, w)?;
                if drop_now {
                    line.drop_after = None;
                    log!("line drop: cut after {} bytes", line.received);
                    return Ok(());
                }
                if !chip.is_powered() {
                    return Ok(());
                }
            }
            Ok(Incoming::Closed) => return Ok(()),
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        }
    }
}

fn pump(mut s: TcpStream, tx: Sender<Incoming>) {
    let mut buf = vec![0u8; 0x10000];
    loop {
        match s.read(&mut buf) {
            Ok(0) | Err(_) => {
                let _ = tx.send(Incoming::Closed);
                return;
            }
            Ok(n) => {
                if tx
                    .send(Incoming::Data(buf[..n].to_vec(), Instant::now()))
                    .is_err()
                {
                    return;
                }
            }
        }
    }
}

/// A pty master reads EIO while no client holds the slave open; that marks a disconnect,
/// and the pump then waits for the next client.
fn pump_pty(mut f: std::fs::File, tx: Sender<Incoming>) {
    let mut buf = vec![0u8; 0x10000];
    let mut connected = false;
    loop {
        match f.read(&mut buf) {
            Ok(n) if n > 0 => {
                connected = true;
                if tx
                    .send(Incoming::Data(buf[..n].to_vec(), Instant::now()))
                    .is_err()
                {
                    return;
                }
            }
            _ => {
                if connected {
                    connected = false;
                    if tx.send(Incoming::Closed).is_err() {
                        return;
                    }
                }
                thread::sleep(Duration::from_millis(20));
            }
        }
    }
}

fn open_pty() -> io::Result<(OwnedFd, String)> {
    // SAFETY: plain libc calls on a descriptor we own; every result is checked.
    unsafe {
        let fd = libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY);
        if fd < 0 {
            return Err(io::Error::last_os_error());
        }
        let master = OwnedFd::from_raw_fd(fd);
        if libc::grantpt(fd) != 0 || libc::unlockpt(fd) != 0 {
            return Err(io::Error::last_os_error());
        }
        let mut name = [0 as libc::c_char; 128];
        if libc::ptsname_r(fd, name.as_mut_ptr(), name.len()) != 0 {
            return Err(io::Error::last_os_error());
        }
        let name = std::ffi::CStr::from_ptr(name.as_ptr())
            .to_string_lossy()
            .into_owned();
        // Raw mode, so no byte of the binary protocol is ever echoed or translated, even
        // before the client configures the line.
        let slave = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .custom_flags(libc::O_NOCTTY)
            .open(&name)?;
        let mut tio: libc::termios = std::mem::zeroed();
        if libc::tcgetattr(slave.as_raw_fd(), &mut tio) == 0 {
            libc::cfmakeraw(&mut tio);
            libc::tcsetattr(slave.as_raw_fd(), libc::TCSANOW, &tio);
        }
        drop(slave);
        Ok((master, name))
    }
}

use std::os::unix::fs::OpenOptionsExt;
