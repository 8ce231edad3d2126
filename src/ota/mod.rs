//! OTA update bookkeeping.

pub mod otadata;

pub use otadata::{
    ActivateWrite, BootSelection, OtaData, OtaDataError, OtaState, SelectEntry, seq_crc,
};
