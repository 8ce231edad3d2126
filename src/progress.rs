//! Long operations report typed events to a [`Progress`] sink. How they are shown (a bar on
//! a terminal, plain lines in a log, JSON for scripts, nothing) is the front end's business,
//! not the library's.

use std::fmt;

/// A phase of work that reports progress.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// Resetting the chip into its loader, syncing and attaching its flash.
    Connect,
    /// Uploading espflow's stub to the chip's RAM and starting it.
    StubUpload,
    /// Hashing a flash region on the chip (a write's "already in place" check, an MD5).
    Digest,
    /// Comparing an image with the flash sector by sector, to skip what is in place.
    Compare,
    /// Erasing flash.
    Erase,
    /// Sending image bytes to the flash.
    #[default]
    Write,
    /// Checking what was written against the image, by the chip's MD5.
    Verify,
    /// Reading flash back to the host.
    Read,
}

impl Stage {
    /// The stage's name as front ends show it.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Connect => "connect",
            Stage::StubUpload => "stub-upload",
            Stage::Digest => "digest",
            Stage::Compare => "compare",
            Stage::Erase => "erase",
            Stage::Write => "write",
            Stage::Verify => "verify",
            Stage::Read => "read",
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Something a long operation has to say.
#[derive(Clone, Debug, PartialEq)]
pub enum Event<'a> {
    /// A stage starts: `total` bytes of work, on the file `name` at flash address `addr`
    /// where there is one.
    Begin {
        /// Which stage.
        stage: Stage,
        /// Bytes of work in it.
        total: u64,
        /// The file (or other source) the work is about.
        name: Option<&'a str>,
        /// The flash address it starts at.
        addr: Option<u32>,
        /// Bytes of the file left out of `total` because the flash already holds them.
        skipped: u64,
        /// Bytes of the file left out of `total` because an interrupted write of the same
        /// image had already put them there (part of `skipped`).
        resumed: u64,
    },
    /// The chip answered and its flash is attached: what it is.
    Connected {
        /// The chip's name.
        chip: &'a str,
        /// Its base MAC address (`aa:bb:cc:dd:ee:ff`), where it can be read.
        mac: Option<&'a str>,
    },
    /// Bytes of the current stage done so far.
    Advance {
        /// Bytes done.
        done: u64,
    },
    /// The current stage is finished.
    End,
    /// The line rate changed while the session looked for the fastest rate the line
    /// sustains (see [`crate::session::SessionOptions::baud_auto`]).
    Baud {
        /// The rate both ends are at now.
        baud: u32,
        /// The rate tried that failed, when this is a step back.
        tried: Option<u32>,
        /// Why the rate is this one.
        reason: BaudReason,
    },
}

/// Why the line is at the rate an [`Event::Baud`] names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BaudReason {
    /// The rate where the search starts: the floor, or the rate that held on this port
    /// last time.
    Start,
    /// The rate passed its integrity probe.
    Probed,
    /// The rate tried lost or damaged data in its probe: back one rate.
    ProbeFailed,
    /// Nothing got through at the rate tried (beyond what the bridge can do): both ends
    /// went back to the last good rate.
    Dead,
    /// A write saw line errors climb at the rate tried: one rate down.
    Retries,
}

impl BaudReason {
    /// The reason in words, for logs.
    pub fn as_str(self) -> &'static str {
        match self {
            BaudReason::Start => "start",
            BaudReason::Probed => "probe passed",
            BaudReason::ProbeFailed => "probe failed",
            BaudReason::Dead => "line dead",
            BaudReason::Retries => "retries climbed",
        }
    }
}

impl<'a> Event<'a> {
    /// A [`Event::Begin`] with nothing skipped or resumed.
    pub fn begin(stage: Stage, total: u64, name: Option<&'a str>, addr: Option<u32>) -> Self {
        Event::Begin {
            stage,
            total,
            name,
            addr,
            skipped: 0,
            resumed: 0,
        }
    }
}

/// Reports a stage of no measurable size around `work`: its Begin, then its End once the
/// work succeeded (a failure ends the command, and its error says what failed).
pub fn around<T, E>(
    progress: &mut dyn Progress,
    begin: Event<'_>,
    work: impl FnOnce() -> Result<T, E>,
) -> Result<T, E> {
    progress.event(begin);
    let out = work()?;
    progress.event(Event::End);
    Ok(out)
}

/// Where events go.
pub trait Progress {
    /// Takes one event.
    fn event(&mut self, e: Event<'_>);
}

/// Shows nothing.
pub struct Quiet;

impl Progress for Quiet {
    fn event(&mut self, _: Event<'_>) {}
}
