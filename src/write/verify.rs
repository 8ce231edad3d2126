//! The last step of a write: the flash's MD5 over what was written, computed on the chip,
//! against the data's. On the ROM loader the MD5 is asked twice and the answers must agree
//! ([`checksum_md5`]), so a damaged request that hashes another region, or a damaged
//! answer, fails the line (exit 1) rather than pass for a verified image or fail it.

use md5::{Digest, Md5};

use crate::error::{Error, Result};
use crate::loader::Loader;
use crate::numbers::hex;
use crate::region::checksum_md5;

/// Fails with [`Error::VerifyMismatch`] unless the flash at `addr` holds `data`.
pub fn region(loader: &mut Loader, addr: u32, data: &[u8], name: &str) -> Result<()> {
    let want: [u8; 16] = Md5::digest(data).into();
    let got = checksum_md5(loader, addr, data.len() as u32)
        .map_err(|e| e.context(format!("verifying {name}")))?;
    if got != want {
        return Err(Error::VerifyMismatch {
            name: name.to_string(),
            addr,
            flash: hex(&got),
            data: hex(&want),
        });
    }
    Ok(())
}
