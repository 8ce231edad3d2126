//! The one place that turns an outcome into the process's exit status. README.md documents
//! these numbers; scripts rely on them.

use espflow::ErrorCode;

use super::output::library_error;

/// Success.
pub const OK: u8 = 0;
/// The device or the line failed, or did not answer in time.
pub const DEVICE: u8 = 1;
/// The input was wrong (also what clap uses for a bad command line).
pub const BAD_INPUT: u8 = 2;
/// The flash does not read back as written.
pub const VERIFY_MISMATCH: u8 = 3;
/// A guard refused the operation.
pub const REFUSED: u8 = 4;
/// A write was interrupted; running the same command again resumes it.
pub const RESUMABLE: u8 = 5;

/// The exit status for a library error code.
pub fn for_code(code: ErrorCode) -> u8 {
    match code {
        ErrorCode::Device | ErrorCode::Timeout => DEVICE,
        ErrorCode::BadInput => BAD_INPUT,
        ErrorCode::VerifyMismatch => VERIFY_MISMATCH,
        ErrorCode::Refused => REFUSED,
        ErrorCode::Resumable => RESUMABLE,
    }
}

/// The exit status for a failure; failures that did not come from the library (none are
/// expected) count as device errors.
pub fn for_error(e: &anyhow::Error) -> u8 {
    library_error(e).map_or(DEVICE, |l| for_code(l.code()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_its_own_status_except_timeouts() {
        let all = [
            ErrorCode::Device,
            ErrorCode::Timeout,
            ErrorCode::BadInput,
            ErrorCode::VerifyMismatch,
            ErrorCode::Refused,
            ErrorCode::Resumable,
        ];
        let statuses: Vec<u8> = all.iter().map(|c| for_code(*c)).collect();
        assert_eq!(statuses, [1, 1, 2, 3, 4, 5]);
        assert!(!statuses.contains(&OK));
    }

    #[test]
    fn library_errors_are_found_under_context() {
        let e = anyhow::Error::new(espflow::Error::Refused {
            reason: "no".into(),
        })
        .context("ota write");
        assert_eq!(for_error(&e), REFUSED);
        assert_eq!(for_error(&anyhow::anyhow!("something else")), DEVICE);
    }
}
