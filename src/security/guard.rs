//! The guard against bricking a secured device, consulted before anything is erased:
//!
//! - a chip with flash encryption on decrypts everything it boots, so plaintext written
//!   to it is garbage to the chip; espflow cannot write through the chip's encryption yet
//!   (there is no `--encrypt`), so every write there is refused;
//! - the bootloader and the partition table (flash below [`BOOT_REGION_END`]) are what a
//!   secure-boot or encrypted device needs to start at all: erasing or overwriting them is
//!   refused.
//!
//! `force` turns each refusal into a warning the caller shows; the operation proceeds.

use crate::chip::Chip;
use crate::error::Error;

use super::SecurityState;

/// ESP-IDF's default partition table offset (0x8000) plus the table's sector: everything
/// below holds the bootloader and the table.
pub const BOOT_REGION_END: u32 = 0x9000;

/// What is about to happen to the flash.
#[derive(Clone, Copy, Debug)]
pub enum Operation<'a> {
    /// Plaintext images written, as (address, length).
    Write(&'a [(u32, u32)]),
    /// An erase of (address, length).
    Erase(u32, u32),
}

/// Checks `op` against the chip's security state. Returns the warnings to show when
/// `force` let a refused operation through, or the refusal.
pub fn check(
    chip: Chip,
    state: Option<&SecurityState>,
    op: Operation<'_>,
    force: bool,
) -> Result<Vec<String>, Error> {
    let Some(s) = state else {
        return Ok(Vec::new());
    };
    let mut problems = Vec::new();
    let touches_boot = |addr: u32, len: u32| len > 0 && addr < BOOT_REGION_END;
    match op {
        Operation::Write(ranges) => {
            if s.flash_encryption && !ranges.is_empty() {
                problems.push(format!(
                    "the {chip} has flash encryption on (crypt counter {}), so it would \
                     decrypt a plaintext image into garbage: write it with --encrypt or \
                     --encrypt-files (the chip encrypts it), or write ciphertext made with \
                     `espflow encrypt-image` as it is",
                    s.flash_crypt_cnt
                ));
            }
            if s.secure_boot && ranges.iter().any(|(a, l)| touches_boot(*a, *l)) {
                problems.push(format!(
                    "the {chip} has secure boot on and this write overwrites flash below \
                     0x{BOOT_REGION_END:X} (bootloader and partition table), which an image \
                     not signed for this device would leave unbootable"
                ));
            }
        }
        Operation::Erase(addr, len) => {
            if (s.secure_boot || s.flash_encryption) && touches_boot(addr, len) {
                let what = if s.secure_boot {
                    "secure boot"
                } else {
                    "flash encryption"
                };
                problems.push(format!(
                    "the {chip} has {what} on and this erases flash below \
                     0x{BOOT_REGION_END:X} (bootloader and partition table), which it needs \
                     to boot and which espflow cannot write back in a form it accepts"
                ));
            }
        }
    }
    match (problems.is_empty(), force) {
        (true, _) => Ok(Vec::new()),
        (false, true) => Ok(problems
            .into_iter()
            .map(|p| format!("--force: going ahead although {p}"))
            .collect()),
        (false, false) => {
            let verb = match op {
                Operation::Write(_) => "write",
                Operation::Erase(..) => "erase",
            };
            Err(Error::Refused {
                reason: format!(
                    "refused: {}; pass --force to {verb} anyway",
                    problems.join("; and ")
                ),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(enc: bool, sb: bool) -> SecurityState {
        SecurityState {
            flash_encryption: enc,
            flash_crypt_cnt: u8::from(enc),
            flash_encryption_mode: None,
            secure_boot: sb,
            secure_boot_version: sb.then_some(2),
            secure_download: false,
            dis_download_manual_encrypt: None,
            jtag_hard_disabled: None,
            jtag_soft_disabled: None,
            usb_jtag_disabled: None,
            key_blocks: Vec::new(),
            source: "efuse",
        }
    }

    #[test]
    fn plaintext_to_an_encrypted_chip_is_refused_unless_forced() {
        let s = state(true, false);
        let w = Operation::Write(&[(0x10000, 0x1000)]);
        let e = check(Chip::Esp32c3, Some(&s), w, false).unwrap_err();
        assert_eq!(e.code(), crate::ErrorCode::Refused);
        let msg = e.to_string();
        assert!(
            msg.contains("flash encryption on") && msg.contains("--force"),
            "{msg}"
        );
        assert!(!msg.contains('\n'));
        let warn = check(Chip::Esp32c3, Some(&s), w, true).unwrap();
        assert_eq!(warn.len(), 1);
        assert!(check(Chip::Esp32c3, Some(&state(false, false)), w, false).is_ok());
    }

    #[test]
    fn secure_boot_protects_only_the_boot_region() {
        let s = state(false, true);
        let app = Operation::Write(&[(0x10000, 0x1000)]);
        assert!(
            check(Chip::Esp32c3, Some(&s), app, false)
                .unwrap()
                .is_empty()
        );
        let boot = Operation::Write(&[(0x0, 0x5000)]);
        assert!(check(Chip::Esp32c3, Some(&s), boot, false).is_err());
        assert!(
            check(
                Chip::Esp32c3,
                Some(&s),
                Operation::Erase(0x8000, 0x1000),
                false
            )
            .is_err()
        );
        assert!(
            check(
                Chip::Esp32c3,
                Some(&s),
                Operation::Erase(0x9000, 0x1000),
                false
            )
            .is_ok()
        );
        assert!(
            check(Chip::Esp32c3, None, boot, false).is_ok(),
            "nothing known"
        );
    }
}
