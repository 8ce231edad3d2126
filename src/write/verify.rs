//! The last step of a write: the flash's MD5 over what was written, computed on the chip,
//! against the data's. On the ROM loader the MD5 is asked twice and the answers must agree
//! ([`checksum_md5`]), so a damaged request that hashes another region, or a damaged
//! answer, fails the line (exit 1) rather than pass for a verified image or fail it.
//! Where espflow's stub digests sectors on the chip's SHA accelerator, the whole sectors
//! are checked by their SHA-256 instead (each answer names its range and carries its
//! CRC), which costs the chip less than its software MD5; a partial sector at either end
//! still goes by MD5.

use espflow_protocol::caps::MAX_DIGESTS;
use espflow_protocol::geometry::SECTOR_SIZE;
use md5::{Digest, Md5};
use sha2::Sha256;

use crate::error::{Error, Result};
use crate::loader::Loader;
use crate::numbers::hex;
use crate::region::checksum_md5;

/// Fails with [`Error::VerifyMismatch`] unless the flash at `addr` holds `data`.
pub fn region(loader: &mut Loader, addr: u32, data: &[u8], name: &str) -> Result<()> {
    let end = addr + data.len() as u32;
    let (first, last) = (addr.next_multiple_of(SECTOR_SIZE), end & !(SECTOR_SIZE - 1));
    if !loader.digests_on_engine() || first >= last {
        return by_md5(loader, addr, data, name);
    }
    let part = |from: u32, to: u32| &data[(from - addr) as usize..(to - addr) as usize];
    if addr < first {
        by_md5(loader, addr, part(addr, first), name)?;
    }
    let mut at = first;
    while at < last {
        let n = ((last - at) / SECTOR_SIZE).min(MAX_DIGESTS);
        let got = loader
            .sector_digests(at, n)
            .map_err(|e| Error::Loader(e).context(format!("verifying {name}")))?;
        for (k, d) in got.iter().enumerate() {
            let sector = at + k as u32 * SECTOR_SIZE;
            let want: [u8; 32] = Sha256::digest(part(sector, sector + SECTOR_SIZE)).into();
            if *d != want {
                return Err(Error::VerifyMismatch {
                    name: name.to_string(),
                    addr: sector,
                    flash: hex(d),
                    data: hex(&want),
                });
            }
        }
        at += n * SECTOR_SIZE;
    }
    if last < end {
        by_md5(loader, last, part(last, end), name)?;
    }
    Ok(())
}

/// [`region`] by one MD5 over all of it.
fn by_md5(loader: &mut Loader, addr: u32, data: &[u8], name: &str) -> Result<()> {
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
