//! The pure table and otadata modules, compiled on their own so fuzzing does
//! not depend on the rest of espflow.

#[path = "../../src/partition/mod.rs"]
pub mod partition;

#[path = "../../src/ota/mod.rs"]
pub mod ota;

pub mod nor;
