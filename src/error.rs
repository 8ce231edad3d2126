//! The library's one error type. Every failure carries a stable [`ErrorCode`] that scripts
//! and front ends can act on (retry, fix the input, run again to resume) without parsing
//! English, and many carry a hint saying what to do next.
//!
//! Each message is complete in itself (what was being done, then why), so wrapped causes
//! are part of the text rather than a `source()` chain that printers would repeat.

use std::fmt;

use crate::loader::{ConnectError, LoaderError};
use crate::partition::PartitionError;
use crate::port::PortError;
use crate::write::plan::PlanError;

/// What kind of failure an [`Error`] is; stable across releases, so scripts may match on
/// [`ErrorCode::as_str`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    /// The input is wrong (a file, an address, a table, an option); nothing on the device
    /// was changed because of it.
    BadInput,
    /// The device or the line misbehaved: an error status, a malformed answer, a port that
    /// cannot be opened or that broke.
    Device,
    /// The device did not answer in time.
    Timeout,
    /// What was written does not read back as the data.
    VerifyMismatch,
    /// A guard refused the operation because it would do harm.
    Refused,
    /// A write stopped part way; running the same command again continues it.
    Resumable,
}

impl ErrorCode {
    /// The code as scripts see it (`bad-input`, `device`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::BadInput => "bad-input",
            ErrorCode::Device => "device",
            ErrorCode::Timeout => "timeout",
            ErrorCode::VerifyMismatch => "verify-mismatch",
            ErrorCode::Refused => "refused",
            ErrorCode::Resumable => "resumable",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A failure of a library operation.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input that cannot be used, described in one line.
    #[error("{0}")]
    BadInput(String),
    /// A local file could not be read or written.
    #[error("cannot {action} {path}: {cause}")]
    File {
        /// "read" or "write".
        action: &'static str,
        /// The file, as given.
        path: String,
        /// What the operating system said.
        cause: std::io::Error,
    },
    /// Images that do not fit the flash or each other.
    #[error(transparent)]
    Plan(#[from] PlanError),
    /// A partition table that does not parse or breaks a rule.
    #[error(transparent)]
    Partition(#[from] PartitionError),
    /// An app image that cannot be made, read or used.
    #[error(transparent)]
    Image(#[from] crate::image::ImageError),
    /// The port could not be opened.
    #[error(transparent)]
    Port(#[from] PortError),
    /// Connecting to the chip's loader failed.
    #[error(transparent)]
    Connect(#[from] ConnectError),
    /// A loader command failed.
    #[error(transparent)]
    Loader(#[from] LoaderError),
    /// The device answered, but not in a way that makes sense.
    #[error("{0}")]
    Device(String),
    /// The flash does not hold what was written.
    #[error(
        "verification failed for {name} at 0x{addr:X}: flash MD5 {flash} but the data's is {data}"
    )]
    VerifyMismatch {
        /// The image, for the message.
        name: String,
        /// Its flash address.
        addr: u32,
        /// MD5 of the flash, in hex.
        flash: String,
        /// MD5 of the data, in hex.
        data: String,
    },
    /// The stub read a sector back after programming it and found other bytes.
    #[error("{name}: the flash at 0x{addr:X} does not read back as written ({detail})")]
    ReadBack {
        /// The image, for the message.
        name: String,
        /// Where the run that failed starts.
        addr: u32,
        /// The stub's own words.
        detail: String,
    },
    /// A guard refused the operation.
    #[error("{reason}")]
    Refused {
        /// Why, in one line.
        reason: String,
    },
    /// A write stopped after part of it was committed; the journal (when there is one) and
    /// the sector digests let the same command continue.
    #[error("{what}: {inner}")]
    Interrupted {
        /// What was being written, and where.
        what: String,
        /// Why it stopped.
        inner: Box<Error>,
    },
    /// Context for another error: what was being done.
    #[error("{context}: {inner}")]
    Context {
        /// What was being done.
        context: String,
        /// The failure.
        inner: Box<Error>,
    },
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// The stable code of this failure.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::BadInput(_)
            | Error::File { .. }
            | Error::Plan(_)
            | Error::Partition(_)
            | Error::Image(_) => ErrorCode::BadInput,
            Error::Port(_) | Error::Device(_) => ErrorCode::Device,
            Error::Connect(ConnectError::WrongChip { .. }) => ErrorCode::BadInput,
            Error::Connect(ConnectError::NoResponse { .. }) => ErrorCode::Timeout,
            Error::Connect(ConnectError::Loader(e)) | Error::Loader(e) => loader_code(e),
            Error::Connect(_) => ErrorCode::Device,
            Error::VerifyMismatch { .. } | Error::ReadBack { .. } => ErrorCode::VerifyMismatch,
            Error::Refused { .. } => ErrorCode::Refused,
            Error::Interrupted { .. } => ErrorCode::Resumable,
            Error::Context { inner, .. } => inner.code(),
        }
    }

    /// What to do about it, when there is something better to say than the message.
    pub fn hint(&self) -> Option<&'static str> {
        match self {
            Error::Interrupted { .. } => Some("run the same command again to resume"),
            Error::Context { inner, .. } => inner.hint(),
            Error::VerifyMismatch { .. } | Error::ReadBack { .. } => {
                Some("run the write again; if it keeps failing, the flash may be worn or protected")
            }
            _ => None,
        }
    }

    /// The loader failure under any context, if that is what this is.
    pub fn loader_error(&self) -> Option<&LoaderError> {
        match self {
            Error::Loader(e) | Error::Connect(ConnectError::Loader(e)) => Some(e),
            Error::Context { inner, .. } | Error::Interrupted { inner, .. } => inner.loader_error(),
            _ => None,
        }
    }

    /// Wraps the error with what was being done.
    pub fn context(self, context: impl Into<String>) -> Error {
        Error::Context {
            context: context.into(),
            inner: Box::new(self),
        }
    }

    /// A local file that could not be read.
    pub fn read_file(path: &std::path::Path, cause: std::io::Error) -> Error {
        Error::File {
            action: "read",
            path: path.display().to_string(),
            cause,
        }
    }

    /// A local file that could not be written.
    pub fn write_file(path: &std::path::Path, cause: std::io::Error) -> Error {
        Error::File {
            action: "write",
            path: path.display().to_string(),
            cause,
        }
    }
}

fn loader_code(e: &LoaderError) -> ErrorCode {
    match e {
        LoaderError::Timeout { .. } | LoaderError::StubSilent(_) => ErrorCode::Timeout,
        _ => ErrorCode::Device,
    }
}

/// Adds context to a fallible result, as `anyhow` would, but keeping the typed error.
pub trait ResultExt<T> {
    /// Wraps the error, if any, with what was being done.
    fn context_with(self, f: impl FnOnce() -> String) -> Result<T>;
}

impl<T, E: Into<Error>> ResultExt<T> for std::result::Result<T, E> {
    fn context_with(self, f: impl FnOnce() -> String) -> Result<T> {
        self.map_err(|e| e.into().context(f()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_keeps_the_code_and_hint() {
        let inner = Error::Interrupted {
            what: "writing a.bin at 0x10000".into(),
            inner: Box::new(Error::Device("line dropped".into())),
        };
        let e = inner.context("ota write");
        assert_eq!(e.code(), ErrorCode::Resumable);
        assert_eq!(e.hint(), Some("run the same command again to resume"));
        assert_eq!(
            e.to_string(),
            "ota write: writing a.bin at 0x10000: line dropped"
        );
    }

    #[test]
    fn codes_are_kebab_case_in_json() {
        let s = serde_json::to_string(&ErrorCode::VerifyMismatch).unwrap();
        assert_eq!(s, "\"verify-mismatch\"");
        assert_eq!(ErrorCode::BadInput.as_str(), "bad-input");
    }

    #[test]
    fn a_wrong_chip_is_bad_input_and_silence_is_a_timeout() {
        use crate::chip::Chip;
        let wrong = Error::Connect(ConnectError::WrongChip {
            found: Chip::Esp32c3,
            wanted: Chip::Esp32,
        });
        assert_eq!(wrong.code(), ErrorCode::BadInput);
        let silent = Error::Loader(LoaderError::Timeout {
            cmd: "SYNC",
            timeout: std::time::Duration::from_secs(1),
        });
        assert_eq!(silent.code(), ErrorCode::Timeout);
    }
}
