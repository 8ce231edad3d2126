/// Every opcode of the ROM loaders and the esptool-compatible stubs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Command {
    FlashBegin = 0x02,
    FlashData = 0x03,
    FlashEnd = 0x04,
    MemBegin = 0x05,
    MemEnd = 0x06,
    MemData = 0x07,
    Sync = 0x08,
    WriteReg = 0x09,
    ReadReg = 0x0A,
    SpiSetParams = 0x0B,
    PinRead = 0x0C,
    SpiAttach = 0x0D,
    ReadFlashSlow = 0x0E,
    ChangeBaudrate = 0x0F,
    FlashDeflBegin = 0x10,
    FlashDeflData = 0x11,
    FlashDeflEnd = 0x12,
    SpiFlashMd5 = 0x13,
    GetSecurityInfo = 0x14,
    SdcVerifBegin = 0x19,
    SdcVerifData = 0x1A,
    SdcVerifEnd = 0x1B,
    SdcGenBegin = 0x1C,
    SdcGenData = 0x1D,
    SdcGenEnd = 0x1E,
    EraseFlash = 0xD0,
    EraseRegion = 0xD1,
    ReadFlash = 0xD2,
    RunUserCode = 0xD3,
    FlashEncryptData = 0xD4,
    SpiNandAttach = 0xD5,
    SpiNandReadSpare = 0xD6,
    SpiNandWriteSpare = 0xD7,
    SpiNandReadFlash = 0xD8,
    SpiNandWriteFlashBegin = 0xD9,
    SpiNandWriteFlashData = 0xDA,
    SpiNandEraseFlash = 0xDB,
    SpiNandEraseRegion = 0xDC,
    SpiNandReadPage = 0xDD,
    SpiNandWritePage = 0xDE,
    /// espflow stub: what this stub can do (see [`crate::caps`]).
    EspflowCapabilities = 0xF0,
    /// espflow stub: SHA-256 of each sector in a range, computed on the chip.
    EspflowSectorDigests = 0xF1,
    /// espflow stub: what the last write stream erased, programmed and skipped.
    EspflowWriteStats = 0xF2,
    /// espflow stub: whole sectors to fill with one byte, in the background of the next
    /// write stream (see [`crate::caps::Fill`]).
    EspflowFill = 0xF3,
    /// espflow stub: finish the queued fills, answering what they did.
    EspflowFillFinish = 0xF4,
}

impl Command {
    pub const ALL: [Command; 45] = [
        Command::FlashBegin,
        Command::FlashData,
        Command::FlashEnd,
        Command::MemBegin,
        Command::MemEnd,
        Command::MemData,
        Command::Sync,
        Command::WriteReg,
        Command::ReadReg,
        Command::SpiSetParams,
        Command::PinRead,
        Command::SpiAttach,
        Command::ReadFlashSlow,
        Command::ChangeBaudrate,
        Command::FlashDeflBegin,
        Command::FlashDeflData,
        Command::FlashDeflEnd,
        Command::SpiFlashMd5,
        Command::GetSecurityInfo,
        Command::SdcVerifBegin,
        Command::SdcVerifData,
        Command::SdcVerifEnd,
        Command::SdcGenBegin,
        Command::SdcGenData,
        Command::SdcGenEnd,
        Command::EraseFlash,
        Command::EraseRegion,
        Command::ReadFlash,
        Command::RunUserCode,
        Command::FlashEncryptData,
        Command::SpiNandAttach,
        Command::SpiNandReadSpare,
        Command::SpiNandWriteSpare,
        Command::SpiNandReadFlash,
        Command::SpiNandWriteFlashBegin,
        Command::SpiNandWriteFlashData,
        Command::SpiNandEraseFlash,
        Command::SpiNandEraseRegion,
        Command::SpiNandReadPage,
        Command::SpiNandWritePage,
        Command::EspflowCapabilities,
        Command::EspflowSectorDigests,
        Command::EspflowWriteStats,
        Command::EspflowFill,
        Command::EspflowFillFinish,
    ];

    pub fn from_u8(op: u8) -> Option<Command> {
        Self::ALL.iter().copied().find(|c| *c as u8 == op)
    }

    /// Commands whose payload starts with a [`crate::DataHeader`] and carries a checksum.
    pub fn is_data(self) -> bool {
        matches!(
            self,
            Command::MemData
                | Command::FlashData
                | Command::FlashDeflData
                | Command::FlashEncryptData
                | Command::SdcVerifData
                | Command::SdcGenData
        )
    }

    /// Commands a stub carries out on SPI1: refused while the chip cannot keep the flash
    /// cache from fetching.
    pub fn uses_flash(self) -> bool {
        matches!(
            self,
            Command::SpiAttach
                | Command::SpiSetParams
                | Command::FlashBegin
                | Command::FlashData
                | Command::FlashEnd
                | Command::FlashDeflBegin
                | Command::FlashDeflData
                | Command::FlashDeflEnd
                | Command::SpiFlashMd5
                | Command::EraseFlash
                | Command::EraseRegion
                | Command::ReadFlash
                | Command::EspflowSectorDigests
                | Command::EspflowFill
                | Command::EspflowFillFinish
        )
    }

    /// Commands only a stub understands; a ROM loader answers them with "invalid message".
    pub fn is_stub_only(self) -> bool {
        (self as u8) >= 0xD0
    }

    pub fn name(self) -> &'static str {
        match self {
            Command::FlashBegin => "FLASH_BEGIN",
            Command::FlashData => "FLASH_DATA",
            Command::FlashEnd => "FLASH_END",
            Command::MemBegin => "MEM_BEGIN",
            Command::MemEnd => "MEM_END",
            Command::MemData => "MEM_DATA",
            Command::Sync => "SYNC",
            Command::WriteReg => "WRITE_REG",
            Command::ReadReg => "READ_REG",
            Command::SpiSetParams => "SPI_SET_PARAMS",
            Command::PinRead => "PIN_READ",
            Command::SpiAttach => "SPI_ATTACH",
            Command::ReadFlashSlow => "READ_FLASH_SLOW",
            Command::ChangeBaudrate => "CHANGE_BAUDRATE",
            Command::FlashDeflBegin => "FLASH_DEFL_BEGIN",
            Command::FlashDeflData => "FLASH_DEFL_DATA",
            Command::FlashDeflEnd => "FLASH_DEFL_END",
            Command::SpiFlashMd5 => "SPI_FLASH_MD5",
            Command::GetSecurityInfo => "GET_SECURITY_INFO",
            Command::SdcVerifBegin => "SDC_VERIF_BEGIN",
            Command::SdcVerifData => "SDC_VERIF_DATA",
            Command::SdcVerifEnd => "SDC_VERIF_END",
            Command::SdcGenBegin => "SDC_GEN_BEGIN",
            Command::SdcGenData => "SDC_GEN_DATA",
            Command::SdcGenEnd => "SDC_GEN_END",
            Command::EraseFlash => "ERASE_FLASH",
            Command::EraseRegion => "ERASE_REGION",
            Command::ReadFlash => "READ_FLASH",
            Command::RunUserCode => "RUN_USER_CODE",
            Command::FlashEncryptData => "FLASH_ENCRYPT_DATA",
            Command::SpiNandAttach => "SPI_NAND_ATTACH",
            Command::SpiNandReadSpare => "SPI_NAND_READ_SPARE",
            Command::SpiNandWriteSpare => "SPI_NAND_WRITE_SPARE",
            Command::SpiNandReadFlash => "SPI_NAND_READ_FLASH",
            Command::SpiNandWriteFlashBegin => "SPI_NAND_WRITE_FLASH_BEGIN",
            Command::SpiNandWriteFlashData => "SPI_NAND_WRITE_FLASH_DATA",
            Command::SpiNandEraseFlash => "SPI_NAND_ERASE_FLASH",
            Command::SpiNandEraseRegion => "SPI_NAND_ERASE_REGION",
            Command::SpiNandReadPage => "SPI_NAND_READ_PAGE",
            Command::SpiNandWritePage => "SPI_NAND_WRITE_PAGE",
            Command::EspflowCapabilities => "ESPFLOW_CAPABILITIES",
            Command::EspflowSectorDigests => "ESPFLOW_SECTOR_DIGESTS",
            Command::EspflowWriteStats => "ESPFLOW_WRITE_STATS",
            Command::EspflowFill => "ESPFLOW_FILL",
            Command::EspflowFillFinish => "ESPFLOW_FILL_FINISH",
        }
    }
}

impl core::fmt::Display for Command {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.name())
    }
}

/// The 36-byte SYNC payload.
pub const SYNC_PAYLOAD: [u8; 36] = {
    let mut p = [0x55u8; 36];
    p[0] = 0x07;
    p[1] = 0x07;
    p[2] = 0x12;
    p[3] = 0x20;
    p
};

/// SYNC is answered this many times.
pub const SYNC_REPLIES: usize = 8;

/// The one unsolicited frame a stub sends when it starts.
pub const OHAI: [u8; 4] = *b"OHAI";

/// READ_FLASH streams data frames of this size (esptool rejects shorter non-final frames).
pub const READ_FLASH_PACKET: u32 = 0x1000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opcodes_round_trip_and_are_unique() {
        for c in Command::ALL {
            assert_eq!(Command::from_u8(c as u8), Some(c));
        }
        for (i, a) in Command::ALL.iter().enumerate() {
            for b in &Command::ALL[i + 1..] {
                assert_ne!(*a as u8, *b as u8);
            }
        }
        assert_eq!(Command::from_u8(0x01), None);
        assert_eq!(Command::from_u8(0xFF), None);
    }

    #[test]
    fn sync_payload_layout() {
        assert_eq!(&SYNC_PAYLOAD[..4], &[7, 7, 0x12, 0x20]);
        assert!(SYNC_PAYLOAD[4..].iter().all(|b| *b == 0x55));
    }

    #[test]
    fn classification() {
        assert!(Command::FlashDeflData.is_data());
        assert!(!Command::FlashBegin.is_data());
        assert!(Command::ReadFlash.is_stub_only());
        assert!(!Command::SpiFlashMd5.is_stub_only());
    }
}
