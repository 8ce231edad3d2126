//! Writes an image through a `Transport` of the program's own, using espflow as a library.
//!
//! The transport here wraps another one and counts the bytes each way, which is all a
//! program needs to do to put espflow on any byte pipe it has (a USB stack, a network
//! bridge, a test harness). It runs against the virtual chip, so no board is needed:
//!
//! ```sh
//! cargo run --example write_image [FLASH_IMAGE]
//! ```

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use espflow::loader::After;
use espflow::port::{self, Transport, VirtualOptions};
use espflow::progress::{Event, Progress};
use espflow::session::{Session, SessionOptions};
use espflow::write::{Image, WriteOptions};

/// Bytes each way, shared with whoever wants to look while the session owns the port.
#[derive(Default)]
struct Counts {
    sent: AtomicU64,
    received: AtomicU64,
}

/// Passes everything through to `inner`, counting bytes.
struct Counting {
    inner: Box<dyn Transport>,
    counts: Arc<Counts>,
}

impl Transport for Counting {
    fn write_all(&mut self, data: &[u8]) -> io::Result<()> {
        self.counts
            .sent
            .fetch_add(data.len() as u64, Ordering::Relaxed);
        self.inner.write_all(data)
    }

    fn read(&mut self, buf: &mut [u8], timeout: Duration) -> io::Result<usize> {
        let n = self.inner.read(buf, timeout)?;
        self.counts.received.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }

    fn discard_input(&mut self) -> io::Result<()> {
        self.inner.discard_input()
    }

    fn set_baud(&mut self, baud: u32) -> io::Result<()> {
        self.inner.set_baud(baud)
    }

    fn set_lines(&mut self, dtr: Option<bool>, rts: Option<bool>) -> io::Result<()> {
        self.inner.set_lines(dtr, rts)
    }

    fn name(&self) -> String {
        format!("counting {}", self.inner.name())
    }
}

/// Prints the start and end of each stage.
struct Stages;

impl Progress for Stages {
    fn event(&mut self, e: Event<'_>) {
        match e {
            Event::Begin { stage, total, .. } => println!("{stage}: {total} bytes"),
            Event::End => println!("done"),
            Event::Connected { chip, .. } => println!("connected to {chip}"),
            Event::Baud { baud, .. } => println!("line at {baud} baud"),
            Event::Advance { .. } => {}
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let flash = std::env::args().nth(1).unwrap_or_else(|| {
        std::env::temp_dir()
            .join(format!("espflow-example-{}.bin", std::process::id()))
            .display()
            .to_string()
    });
    let inner = port::open(
        &format!("virtual:{flash}"),
        115_200,
        &VirtualOptions::default(),
    )?;
    let counts = Arc::new(Counts::default());
    let counting = Counting {
        inner,
        counts: counts.clone(),
    };

    let mut chip = Session::connect(Box::new(counting), &SessionOptions::default())?;
    let info = chip.board_info()?;
    // Both are unknown only in Secure Download Mode, which the virtual chip is not in.
    println!(
        "connected to {} ({}), {} flash",
        info.chip,
        info.mac.as_deref().unwrap_or("MAC unknown"),
        info.flash_size.unwrap_or(0)
    );

    // 64 KiB that compress poorly, so the write has something to do.
    let mut x = 0x2545_F491u32;
    let data: Vec<u8> = (0..0x10000)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect();
    let image = Image::new(0x10000, data.clone(), "example");
    let summary = chip.write(&[image], WriteOptions::default(), None, &mut Stages)?;
    println!(
        "wrote {} bytes, skipped {}, verified: {}",
        summary.bytes_sent, summary.bytes_skipped, summary.verified
    );
    let back = chip.read(0x10000, data.len() as u32, &mut espflow::progress::Quiet)?;
    if back != data {
        return Err("the flash does not read back as written".into());
    }
    println!("read back {} bytes, identical", back.len());
    chip.finish(After::NoReset)?;
    println!(
        "the transport carried {} bytes to the chip and {} back",
        counts.sent.load(Ordering::Relaxed),
        counts.received.load(Ordering::Relaxed)
    );
    if !std::env::args().any(|a| a == flash) {
        let _ = std::fs::remove_file(&flash);
    }
    Ok(())
}
