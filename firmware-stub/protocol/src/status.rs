//! Status bytes at the end of every response, decoded into typed errors.

/// Error codes of the ROM loaders (second status byte when the first is 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RomError {
    Undefined,
    InvalidParameter,
    MallocFailed,
    SendFailed,
    ReceiveFailed,
    InvalidMessage,
    WrongResult,
    Checksum,
    FlashWrite,
    FlashRead,
    FlashReadLength,
    Deflate,
    DeflateAdler32,
    DeflateParameter,
    InvalidRamSize,
    InvalidRamAddress,
    InvalidParameter2,
    InvalidFormat,
    DescriptionTooLong,
    BadEncoding,
    InsufficientStorage,
    Other(u8),
}

impl RomError {
    pub fn from_code(code: u8) -> RomError {
        use RomError::*;
        match code {
            0x00 => Undefined,
            0x01 => InvalidParameter,
            0x02 => MallocFailed,
            0x03 => SendFailed,
            0x04 => ReceiveFailed,
            0x05 => InvalidMessage,
            0x06 => WrongResult,
            0x07 => Checksum,
            0x08 => FlashWrite,
            0x09 => FlashRead,
            0x0A => FlashReadLength,
            0x0B => Deflate,
            0x0C => DeflateAdler32,
            0x0D => DeflateParameter,
            0x0E => InvalidRamSize,
            0x0F => InvalidRamAddress,
            0x64 => InvalidParameter2,
            0x65 => InvalidFormat,
            0x66 => DescriptionTooLong,
            0x67 => BadEncoding,
            0x69 => InsufficientStorage,
            other => Other(other),
        }
    }

    pub fn code(self) -> u8 {
        use RomError::*;
        match self {
            Undefined => 0x00,
            InvalidParameter => 0x01,
            MallocFailed => 0x02,
            SendFailed => 0x03,
            ReceiveFailed => 0x04,
            InvalidMessage => 0x05,
            WrongResult => 0x06,
            Checksum => 0x07,
            FlashWrite => 0x08,
            FlashRead => 0x09,
            FlashReadLength => 0x0A,
            Deflate => 0x0B,
            DeflateAdler32 => 0x0C,
            DeflateParameter => 0x0D,
            InvalidRamSize => 0x0E,
            InvalidRamAddress => 0x0F,
            InvalidParameter2 => 0x64,
            InvalidFormat => 0x65,
            DescriptionTooLong => 0x66,
            BadEncoding => 0x67,
            InsufficientStorage => 0x69,
            Other(c) => c,
        }
    }

    pub fn describe(self) -> &'static str {
        use RomError::*;
        match self {
            Undefined => "undefined error",
            InvalidParameter | InvalidParameter2 => "invalid input parameter",
            MallocFailed => "out of memory",
            SendFailed => "send failed",
            ReceiveFailed => "receive failed",
            InvalidMessage => "invalid message or command not supported by this loader",
            WrongResult => "message accepted but the result was wrong",
            Checksum => "data checksum mismatch",
            FlashWrite => "flash write failed (read-back mismatch)",
            FlashRead => "flash read failed",
            FlashReadLength => "flash read length error",
            Deflate => "inflate failed",
            DeflateAdler32 => "compressed data failed its Adler-32 check",
            DeflateParameter => "inflate parameter error",
            InvalidRamSize => "invalid RAM image size",
            InvalidRamAddress => "invalid RAM image address",
            InvalidFormat => "invalid format",
            DescriptionTooLong => "description too long",
            BadEncoding => "bad encoding description",
            InsufficientStorage => "insufficient storage",
            Other(_) => "unknown ROM error",
        }
    }
}

/// Error codes of stub loaders (big-endian u16 on the wire; the low byte is normally 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StubError {
    BadDataLen,
    BadDataChecksum,
    BadBlockSize,
    InvalidCommand,
    SpiFailed,
    SpiUnlockFailed,
    NotInFlashMode,
    Inflate,
    NotEnoughData,
    TooMuchData,
    NandProgram,
    NandErase,
    /// espflow stub: programmed bytes read back differently.
    Verify,
    /// espflow stub: the address range leaves the flash.
    OutOfRange,
    /// espflow stub, protocol v2: the request's CRC does not match; it was not acted on.
    BadCrc,
    /// espflow stub, protocol v2: a write block ahead of the one the stream expects; it
    /// was not consumed.
    BlockAhead,
    /// espflow stub: the chip's other CPU is not held in reset or stalled, so it could
    /// fetch through the flash cache while SPI1 works; no flash command runs.
    OtherCpuRunning,
    NotImplemented,
    Other(u8),
}

impl StubError {
    pub fn from_code(code: u8) -> StubError {
        use StubError::*;
        match code {
            0xC0 => BadDataLen,
            0xC1 => BadDataChecksum,
            0xC2 => BadBlockSize,
            0xC3 => InvalidCommand,
            0xC4 => SpiFailed,
            0xC5 => SpiUnlockFailed,
            0xC6 => NotInFlashMode,
            0xC7 => Inflate,
            0xC8 => NotEnoughData,
            0xC9 => TooMuchData,
            0xCA => NandProgram,
            0xCB => NandErase,
            0xE0 => Verify,
            0xE1 => OutOfRange,
            0xE2 => BadCrc,
            0xE3 => BlockAhead,
            0xE4 => OtherCpuRunning,
            0xFF => NotImplemented,
            other => Other(other),
        }
    }

    pub fn code(self) -> u8 {
        use StubError::*;
        match self {
            BadDataLen => 0xC0,
            BadDataChecksum => 0xC1,
            BadBlockSize => 0xC2,
            InvalidCommand => 0xC3,
            SpiFailed => 0xC4,
            SpiUnlockFailed => 0xC5,
            NotInFlashMode => 0xC6,
            Inflate => 0xC7,
            NotEnoughData => 0xC8,
            TooMuchData => 0xC9,
            NandProgram => 0xCA,
            NandErase => 0xCB,
            Verify => 0xE0,
            OutOfRange => 0xE1,
            BadCrc => 0xE2,
            BlockAhead => 0xE3,
            OtherCpuRunning => 0xE4,
            NotImplemented => 0xFF,
            Other(c) => c,
        }
    }

    pub fn describe(self) -> &'static str {
        use StubError::*;
        match self {
            BadDataLen => "bad data length",
            BadDataChecksum => "data checksum mismatch",
            BadBlockSize => "bad block size",
            InvalidCommand => "invalid command",
            SpiFailed => "SPI flash operation failed",
            SpiUnlockFailed => "SPI flash unlock failed",
            NotInFlashMode => "data sent without a preceding BEGIN",
            Inflate => "inflate error in compressed data",
            NotEnoughData => "not enough data",
            TooMuchData => "too much data",
            NandProgram => "NAND program failed",
            NandErase => "NAND erase failed",
            Verify => "flash read-back did not match the data written",
            OutOfRange => "address range is outside the flash",
            BadCrc => "request arrived corrupted (CRC mismatch)",
            BlockAhead => "write block ahead of the stream",
            OtherCpuRunning => {
                "the chip's other CPU is running, so the stub refuses to touch the flash"
            }
            NotImplemented => "command not implemented",
            Other(_) => "unknown stub error",
        }
    }
}

/// Which loader produced a response; it decides how the status bytes read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoaderKind {
    /// ROM loaders of the ESP32 family: 4 status bytes, `failed, code, 0, 0`.
    Rom,
    /// Stub loaders: 2 status bytes forming a big-endian code.
    Stub,
}

impl LoaderKind {
    pub fn status_len(self) -> usize {
        match self {
            LoaderKind::Rom => 4,
            LoaderKind::Stub => 2,
        }
    }
}

/// A decoded status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Ok,
    Rom(RomError),
    Stub(StubError),
}

impl Status {
    /// Decodes the two meaningful status bytes. A robust host reads them right after the
    /// expected payload and ignores anything after, as esptool does.
    pub fn decode(kind: LoaderKind, failed: u8, code: u8) -> Status {
        match (kind, failed) {
            (_, 0) => Status::Ok,
            (LoaderKind::Rom, _) => Status::Rom(RomError::from_code(code)),
            (LoaderKind::Stub, 1) => Status::Rom(RomError::from_code(code)),
            (LoaderKind::Stub, c) => Status::Stub(StubError::from_code(c)),
        }
    }

    /// The status bytes as the given loader sends them; returns how many were written.
    pub fn encode(self, kind: LoaderKind, out: &mut [u8]) -> usize {
        let (a, b) = match self {
            Status::Ok => (0, 0),
            Status::Rom(e) => (1, e.code()),
            Status::Stub(e) => (e.code(), 0),
        };
        let n = kind.status_len();
        out[..n].fill(0);
        out[0] = a;
        out[1] = b;
        n
    }

    pub fn is_ok(self) -> bool {
        self == Status::Ok
    }
}

impl core::fmt::Display for Status {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            Status::Ok => f.write_str("ok"),
            Status::Rom(e) => write!(f, "ROM error 0x{:02X}: {}", e.code(), e.describe()),
            Status::Stub(e) => write!(f, "stub error 0x{:02X}00: {}", e.code(), e.describe()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for c in 0..=255u8 {
            assert_eq!(RomError::from_code(c).code(), c);
            assert_eq!(StubError::from_code(c).code(), c);
        }
    }

    #[test]
    fn decode_rom_and_stub() {
        assert_eq!(Status::decode(LoaderKind::Rom, 0, 0), Status::Ok);
        assert_eq!(
            Status::decode(LoaderKind::Rom, 1, 5),
            Status::Rom(RomError::InvalidMessage)
        );
        assert_eq!(
            Status::decode(LoaderKind::Stub, 0xC1, 0),
            Status::Stub(StubError::BadDataChecksum)
        );
    }

    #[test]
    fn encode_then_decode() {
        let mut buf = [0xAAu8; 4];
        for kind in [LoaderKind::Rom, LoaderKind::Stub] {
            for st in [
                Status::Ok,
                Status::Rom(RomError::Checksum),
                Status::Stub(StubError::Inflate),
            ] {
                if kind == LoaderKind::Rom && matches!(st, Status::Stub(_)) {
                    continue;
                }
                let n = st.encode(kind, &mut buf);
                assert_eq!(n, kind.status_len());
                assert_eq!(Status::decode(kind, buf[0], buf[1]), st);
            }
        }
    }
}
