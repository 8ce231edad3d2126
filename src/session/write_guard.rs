//! The guard over a write, before anything is sent: no plaintext on a chip that encrypts
//! its flash, no encrypted image on one that does not, and on a secure-boot device nothing
//! in the boot region and no app image unless it is signed with one of the device's keys
//! (its Secure Boot v2 signature block's key digest among the eFuse digests not revoked,
//! and the block's image digest right).

use super::Session;
use crate::error::{Error, Result};
use crate::image::signature;
use crate::security::{SecurityState, guard};
use crate::write::Image;

impl Session {
    /// Runs the guard over a write: the secure-boot rule over every image, the
    /// flash-encryption rule over the images that would land as plaintext (none where
    /// `plaintext_ok`), and an encrypted image on a chip whose encryption is off.
    pub(super) fn guard_write(&mut self, images: &[Image], plaintext_ok: bool) -> Result<()> {
        let Some(state) = self.security.clone() else {
            return Ok(());
        };
        let digests = boot_digests(&state);
        // Each image's signature is checked once, and only where secure boot can ask.
        let signed: Vec<bool> = images
            .iter()
            .map(|i| state.secure_boot && signature::signed_for(&i.data, &digests))
            .collect();
        let ranges = |encrypted: Option<bool>| -> Vec<(u32, u32)> {
            images
                .iter()
                .filter(|i| encrypted.is_none_or(|e| i.encrypted() == e))
                .map(|i| (i.addr, i.data.len() as u32))
                .collect()
        };
        // The boot region may take an image signed with one of the device's keys.
        let unsigned: Vec<(u32, u32)> = images
            .iter()
            .zip(&signed)
            .filter(|(_, s)| !**s)
            .map(|(i, _)| (i.addr, i.data.len() as u32))
            .collect();
        let force = self.opts.force;
        let boot_rule = SecurityState {
            flash_encryption: false,
            ..state.clone()
        };
        let mut warnings = guard::check(
            self.chip(),
            Some(&boot_rule),
            guard::Operation::Write(&unsigned),
            force,
        )?;
        // An app image the bootloader would refuse to boot: secure boot v2 checks every app
        // against the key digests.
        if state.secure_boot_version == Some(2) {
            let refused = images
                .iter()
                .zip(&signed)
                .filter(|(i, s)| is_app_image(i) && !**s);
            for (img, _) in refused {
                let why = if digests.is_empty() {
                    "no secure boot key digest of the device could be read to check it against"
                        .to_string()
                } else {
                    match signature::blocks(&img.data).as_slice() {
                        [] => "it carries no secure boot v2 signature block".to_string(),
                        blocks => format!(
                            "its signature blocks ({}) match none of the device's key digests \
                             or the image",
                            blocks
                                .iter()
                                .map(|b| format!("{} key {}", b.scheme.name(), &b.key_digest[..16]))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    }
                };
                let what = format!(
                    "the {} has secure boot v2 on and {} at 0x{:X} is not signed for it: {why}",
                    self.chip(),
                    img.name,
                    img.addr
                );
                if !force {
                    return Err(Error::Refused {
                        reason: format!("refusing to write: {what}; --force writes it anyway"),
                    });
                }
                warnings.push(format!("{what}; written anyway (--force)"));
            }
        }
        if state.flash_encryption && !plaintext_ok {
            let plain_rule = SecurityState {
                secure_boot: false,
                ..state.clone()
            };
            warnings.extend(guard::check(
                self.chip(),
                Some(&plain_rule),
                guard::Operation::Write(&ranges(Some(false))),
                force,
            )?);
        }
        let encrypted = ranges(Some(true));
        if !state.flash_encryption && !encrypted.is_empty() {
            let why = format!(
                "the {} has flash encryption off (crypt counter {}), so it would boot the \
                 encrypted image as garbage",
                self.chip(),
                state.flash_crypt_cnt
            );
            if !force {
                return Err(Error::Refused {
                    reason: format!("refusing to write encrypted: {why}; --force writes it anyway"),
                });
            }
            warnings.push(format!("{why}; written anyway (--force)"));
        }
        self.warnings.extend(warnings);
        Ok(())
    }
}

/// The secure boot key digests of the device that are readable and not revoked.
fn boot_digests(state: &SecurityState) -> Vec<&str> {
    state
        .key_blocks
        .iter()
        .filter(|k| k.purpose.starts_with("SECURE_BOOT_DIGEST") && k.revoked != Some(true))
        .filter_map(|k| k.digest.as_deref())
        .collect()
}

/// Whether the image opens as an app or bootloader image (magic 0xE9).
fn is_app_image(img: &Image) -> bool {
    img.data.first() == Some(&crate::image::app::IMAGE_MAGIC)
}
