//! Which chip answers: by the chip id in GET_SECURITY_INFO where the ROM has that command,
//! by the chip-detect word otherwise.
//!
//! The ESP32's ROM (and the ESP8266's) has no GET_SECURITY_INFO. It answers any command it
//! does not know with "invalid command" (failed, error 0x05) in a frame that repeats the
//! opcode and value of the last answer it sent, not the opcode asked about, and may send
//! that frame several times (eight after a SYNC, on the ESP32). Matched by opcode alone,
//! none of those frames would ever answer the request, so such a frame is taken as the
//! refusal, as esptool does, and the copies are drained before the next request: after a
//! READ_REG they would carry READ_REG's opcode and pass for its failed answer.

use std::time::{Duration, Instant};

use espflow_protocol::Request;
use espflow_protocol::message::GetSecurityInfo;
use espflow_protocol::packet::{ResponseHeader, split_answer};
use espflow_protocol::{Command, RomError, Status};

use super::{ConnectError, Connection, LoaderError, Response, SecurityInfo, encode, read_reg};
use crate::chip::{CHIP_DETECT_MAGIC_REG, Chip};

/// How long the line must stay quiet before the copies of a refusal count as drained.
const DRAIN_QUIET: Duration = Duration::from_millis(100);
/// The most time spent draining copies of a refusal.
const DRAIN_MAX: Duration = Duration::from_secs(1);

/// Identifies the chip, and returns what GET_SECURITY_INFO said where the ROM has it.
pub(super) fn detect(
    conn: &mut Connection,
) -> std::result::Result<(Chip, Option<SecurityInfo>), ConnectError> {
    let sec = security_info(conn)?;
    if let Some(chip) = sec.and_then(|s| s.chip_id).and_then(Chip::from_chip_id) {
        return Ok((chip, sec));
    }
    let magic = read_reg(conn, CHIP_DETECT_MAGIC_REG)?;
    Chip::from_magic(magic)
        .map(|c| (c, sec))
        .ok_or_else(|| ConnectError::Unknown(format!("chip-detect word 0x{magic:08X}")))
}

/// GET_SECURITY_INFO, or `None` where the loader does not have the command. The S2 sends
/// the 12-byte form; asking for 20 bytes first finds out, as esptool does.
fn security_info(conn: &mut Connection) -> std::result::Result<Option<SecurityInfo>, LoaderError> {
    match ask(conn, SecurityInfo::LEN) {
        Ok(Some(r)) => Ok(SecurityInfo::parse(&r.payload).ok()),
        Ok(None) => Ok(None),
        Err(LoaderError::Malformed { .. }) => Ok(ask(conn, SecurityInfo::SHORT_LEN)
            .ok()
            .flatten()
            .and_then(|r| SecurityInfo::parse(&r.payload).ok())),
        // A loader that knows the command but refuses it has nothing to report.
        Err(LoaderError::Failed { .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

/// One GET_SECURITY_INFO exchange expecting `payload_len` bytes: `Ok(None)` when the
/// loader said it does not know the command.
fn ask(
    conn: &mut Connection,
    payload_len: usize,
) -> std::result::Result<Option<Response>, LoaderError> {
    let cmd = Command::GetSecurityInfo;
    if conn.v2 {
        // A sealed session is espflow's stub, which has the command.
        return super::request(conn, cmd, &GetSecurityInfo, payload_len).map(Some);
    }
    conn.send_command(cmd, &encode(&GetSecurityInfo), 0)?;
    let timeout = GetSecurityInfo.timeout(conn.kind);
    let deadline = Instant::now() + timeout;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let Some(frame) = conn.read_frame(left)? else {
            return Err(LoaderError::Timeout {
                cmd: cmd.name(),
                timeout,
            });
        };
        let Some((hdr, body)) = ResponseHeader::parse(&frame) else {
            continue;
        };
        if hdr.op != cmd as u8 {
            if refuses_as_unknown(body) {
                drain(conn)?;
                return Ok(None);
            }
            continue;
        }
        let (payload, status) =
            split_answer(body, payload_len, conn.kind).map_err(|e| LoaderError::Malformed {
                cmd: cmd.name(),
                reason: format!("expected {payload_len} payload bytes and a status: {e}"),
            })?;
        if status == Status::Rom(RomError::InvalidMessage) {
            // A loader that echoes the opcode but does not know the command either.
            return Ok(None);
        }
        if !status.is_ok() {
            return Err(LoaderError::Failed {
                cmd: cmd.name(),
                status,
            });
        }
        return Ok(Some(Response {
            value: hdr.value,
            payload: payload.to_vec(),
        }));
    }
}

/// An answer under another opcode whose only content is "failed, invalid command": how a
/// ROM without the command refuses it.
fn refuses_as_unknown(body: &[u8]) -> bool {
    matches!(body, [failed, code, ..] if *failed != 0 && *code == RomError::InvalidMessage.code())
}

/// Reads until the line has been quiet for [`DRAIN_QUIET`], then drops what is buffered.
fn drain(conn: &mut Connection) -> std::io::Result<()> {
    let until = Instant::now() + DRAIN_MAX;
    while Instant::now() < until && conn.read_frame(DRAIN_QUIET)?.is_some() {}
    conn.flush_input()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_invalid_command_refusal_counts_as_unknown() {
        // What the ESP32 ROM sends after a READ_REG: READ_REG's header, failed, 0x05.
        assert!(refuses_as_unknown(&[1, 0x05, 0, 0]));
        assert!(
            !refuses_as_unknown(&[0, 0x05, 0, 0]),
            "byte 0 says it succeeded"
        );
        assert!(!refuses_as_unknown(&[1, 0x07, 0, 0]), "another error");
        assert!(!refuses_as_unknown(&[]));
    }
}
