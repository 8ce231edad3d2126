//! Writes the chip encrypts: the checks that come before anything is sent.
//!
//! An encrypted image goes with the `encrypted` word of FLASH_BEGIN set, to espflow's stub
//! where it can encrypt (the C3's, through its ROM's manual-encryption functions) and to
//! the ROM loader otherwise; the chip encrypts each block with its own key as it programs
//! it. Either erases and programs whole sectors, and could put back the bytes that share
//! a sector with the image only by encrypting them too, which would destroy them. So an
//! encrypted image starts on a sector boundary and runs to the end of its last sector:
//! the rest of that sector must be erased and is written as encrypted 0xFF (which reads
//! back as 0xFF through the chip's decryption). Anything else is refused before the first
//! erase.

use espflow_protocol::geometry::SECTOR_SIZE;

use super::Session;
use crate::encryption::{FlashEncryption, Scheme};
use crate::error::{Error, Result};
use crate::write::{Image, execute, plan::Encryption};

impl Session {
    /// Gives the session the chip's flash-encryption key (the key file as espsecure reads
    /// it), so that encrypted writes skip sectors that already hold the ciphertext and are
    /// verified against it. Refused when it is not a key for this chip.
    pub fn set_flash_key(&mut self, key_file: &[u8], flash_crypt_conf: Option<u32>) -> Result<()> {
        let chip = self.chip();
        let key = FlashEncryption::new(chip, key_file, flash_crypt_conf)
            .map_err(|e| Error::BadInput(format!("the flash-encryption key: {e}")))?;
        self.flash_key = Some(key);
        Ok(())
    }

    /// `size` bytes at `addr` of a region ESP-IDF keeps encrypted on a chip with flash
    /// encryption on (the partition table, otadata), as plaintext: decrypted with the key
    /// the host was given, or as read where the chip's encryption is off or `plain` says
    /// the raw bytes already are plaintext. Without the key such a region cannot be read,
    /// which is said in one line naming `--encrypt-key`.
    pub(super) fn read_decrypted(
        &mut self,
        addr: u32,
        size: u32,
        what: &str,
        plain: impl Fn(&[u8]) -> bool,
    ) -> Result<Vec<u8>> {
        let mut bytes = self.read(addr, size, &mut crate::progress::Quiet)?;
        let encrypted = self.security().is_some_and(|s| s.flash_encryption);
        if !encrypted || plain(&bytes) {
            return Ok(bytes);
        }
        match &self.flash_key {
            Some(key) => {
                key.decrypt(addr, &mut bytes)
                    .map_err(|e| Error::BadInput(format!("{what} at 0x{addr:X}: {e}")))?;
                Ok(bytes)
            }
            None => Err(Error::BadInput(format!(
                "{what} at 0x{addr:X} is stored encrypted (the chip's flash encryption is \
                 on): give the chip's key with --encrypt-key KEY to read it"
            ))),
        }
    }

    /// The images as they will be sent when some of them are encrypted (checked, padded
    /// to their last sector's end, with the ciphertext when the key is known), or `None`
    /// when none is.
    pub(super) fn prepare_encrypted(&mut self, images: &[Image]) -> Result<Option<Vec<Image>>> {
        if !images.iter().any(Image::encrypted) {
            return Ok(None);
        }
        let chip = self.chip();
        if !self.loader.can_encrypt() && !self.stub_encrypts() {
            let why = if self.loader.is_stub() {
                "the stub already running cannot encrypt"
            } else {
                "its ROM loader's FLASH_BEGIN has no encrypted word, and espflow's stub \
                 for it cannot encrypt either"
            };
            return Err(Error::Refused {
                reason: format!(
                    "cannot write encrypted to the {chip}: {why}; write ciphertext made with \
                     `espflow encrypt-image` instead"
                ),
            });
        }
        let scheme = Scheme::for_chip(chip);
        let sdm = self.secure_download();
        let mut out = Vec::with_capacity(images.len());
        for img in images {
            if !img.encrypted() {
                out.push(img.clone());
                continue;
            }
            let bad =
                |why: String| Error::BadInput(format!("{} at 0x{:X}: {why}", img.name, img.addr));
            scheme
                .check_region(img.addr, img.data.len())
                .map_err(|e| bad(e.to_string()))?;
            if img.addr % SECTOR_SIZE != 0 {
                return Err(bad(
                    "an encrypted image must start on a 4 KiB sector (the chip would rewrite \
                     the bytes before it in that sector encrypted, destroying them)"
                        .into(),
                ));
            }
            let end = img.addr + img.data.len() as u32;
            let tail = end.next_multiple_of(SECTOR_SIZE) - end;
            // In Secure Download Mode nothing can be read: the sector's rest is erased
            // with the image, as every write there does.
            if tail > 0 && !sdm {
                let kept = execute::preserved(&mut self.loader, end, tail).map_err(|e| {
                    e.context(format!("reading the rest of {}'s last sector", img.name))
                })?;
                // An earlier encrypted write of an image ending here left encrypted 0xFF,
                // which the key shows for what it is.
                let mut seen = kept.clone();
                let decrypted = match &self.flash_key {
                    Some(key) => key.decrypt(end, &mut seen).is_ok(),
                    None => false,
                };
                let erased = |b: &[u8]| b.iter().all(|b| *b == 0xFF);
                let in_place = erased(&kept) || (decrypted && erased(&seen));
                if !in_place {
                    let why = format!(
                        "the {tail} bytes after it in its last sector hold data, which the \
                         chip could only rewrite encrypted (as 0xFF)"
                    );
                    if !self.opts.force {
                        return Err(bad(format!(
                            "{why}; pad the image to the sector's end, give the key with \
                             --encrypt-key if an encrypted write left them, or pass --force \
                             to overwrite them"
                        )));
                    }
                    self.warnings
                        .push(format!("{}: {why}; overwritten (--force)", img.name));
                }
            }
            let mut data = img.data.clone();
            data.resize(img.data.len() + tail as usize, 0xFF);
            let ciphertext = match &self.flash_key {
                Some(key) => {
                    let mut c = data.clone();
                    key.encrypt(img.addr, &mut c)
                        .map_err(|e| bad(e.to_string()))?;
                    Some(c)
                }
                None => {
                    self.warnings.push(format!(
                        "{}: encrypted by the chip with its own key, so neither compared with \
                         nor verified against the flash (give the key with --encrypt-key)",
                        img.name
                    ));
                    None
                }
            };
            out.push(Image {
                data,
                encryption: Encryption::ByChip { ciphertext },
                ..img.clone()
            });
        }
        Ok(Some(out))
    }
}
