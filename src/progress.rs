//! Long operations report typed events to a [`Progress`] sink. How they are shown (a bar on
//! a terminal, plain lines in a log, JSON for scripts, nothing) is the front end's business,
//! not the library's.

use std::fmt;

/// A phase of work that reports progress.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// Sending image bytes to the flash.
    #[default]
    Write,
    /// Reading flash back to the host.
    Read,
}

impl Stage {
    /// The stage's name as front ends show it.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Write => "write",
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
    },
    /// Bytes of the current stage done so far.
    Advance {
        /// Bytes done.
        done: u64,
    },
    /// The current stage is finished.
    End,
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
