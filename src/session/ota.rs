//! OTA operations. A slot is switched only by rewriting the otadata copy the bootloader
//! will prefer, and a write with activation switches only once the image is completely
//! written and verified, so an interrupted update never leaves the device booting half an
//! image.

use super::Session;
use super::partition::TableSource;
use crate::error::{Error, Result};
use crate::ota::otadata::{BootSelection, OtaData, OtaState};
use crate::partition::{AppSlot, Partition, PartitionTable};
use crate::progress::{Progress, Quiet};
use crate::write::{Image, Journal, WriteOptions, WriteSummary};

/// One OTA slot.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct SlotInfo {
    /// The slot number (`ota_N`).
    pub slot: u8,
    /// The partition's name.
    pub name: String,
    /// Its flash address.
    pub offset: u32,
    /// Its size.
    pub size: u32,
}

/// Which app boots and why.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct OtaStatus {
    /// The app that boots (`factory`, `ota_1`, ...), or `nothing`.
    pub boots: String,
    /// The OTA slots of the table.
    pub slots: Vec<SlotInfo>,
    /// The slot otadata selects, if any.
    pub selected_slot: Option<u8>,
    /// The factory partition's name and address when the factory app boots.
    pub factory: Option<(String, u32)>,
    /// Each otadata copy, described.
    pub copies: [String; 2],
}

/// The result of an OTA write.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OtaWrite {
    /// What the write did.
    pub summary: WriteSummary,
    /// The slot written.
    pub slot: u8,
    /// Whether it was made the one that boots.
    pub activated: bool,
}

fn otadata_partition(t: &PartitionTable) -> Result<&Partition> {
    t.otadata().ok_or_else(|| {
        Error::BadInput(
            "the partition table has no otadata partition, so there are no OTA slots to switch"
                .into(),
        )
    })
}

fn ota_count(t: &PartitionTable) -> Result<usize> {
    match t.bootloader_ota_count() {
        0 => Err(Error::BadInput(
            "the partition table has no OTA app slots (ota_0, ota_1, ...)".into(),
        )),
        n => Ok(n),
    }
}

/// What the bootloader falls back to without otadata.
pub fn fallback(t: &PartitionTable) -> String {
    t.boot_app(None)
        .map_or_else(|| "nothing (no app partition)".into(), |a| a.to_string())
}

/// "ota_N" or "N"; "next" is the slot after the one that boots (ota_0 when the factory app
/// boots, ota_1 when ota_0 boots because otadata is empty).
pub fn parse_slot(text: &str, t: &PartitionTable, sel: Option<BootSelection>) -> Result<u8> {
    let count = ota_count(t)?;
    let n = if text == "next" {
        match sel {
            Some(BootSelection::Slot { slot, .. }) => ((slot as usize + 1) % count) as u8,
            _ => match t.boot_app(None) {
                Some(AppSlot::Ota(0)) if count > 1 => 1,
                _ => 0,
            },
        }
    } else {
        let digits = text.strip_prefix("ota_").unwrap_or(text);
        digits
            .parse::<u8>()
            .map_err(|_| Error::BadInput(format!("'{text}' is not a slot: use ota_N, N or next")))?
    };
    if t.app(AppSlot::Ota(n)).is_none() {
        return Err(Error::BadInput(format!(
            "the partition table has no ota_{n} partition"
        )));
    }
    Ok(n)
}

impl Session {
    fn read_otadata(&mut self, t: &PartitionTable) -> Result<OtaData> {
        let p = otadata_partition(t)?.clone();
        let bytes = self.read_otadata_bytes(&p)?;
        OtaData::parse(&bytes)
            .map_err(|e| Error::Device(format!("otadata at 0x{:X}: {e}", p.offset)))
    }

    /// The OTA slots, which one boots, and the otadata copies.
    pub fn ota_status(&mut self, src: &TableSource) -> Result<OtaStatus> {
        let t = self.partition_table(src)?;
        let count = ota_count(&t)?;
        let data = self.read_otadata(&t)?;
        let sel = data.boot_selection(count);
        let boots = t.boot_app(sel.slot());
        Ok(OtaStatus {
            boots: boots.map_or_else(|| "nothing".to_string(), |b| b.to_string()),
            slots: t
                .ota_slots()
                .into_iter()
                .map(|(slot, p)| SlotInfo {
                    slot,
                    name: p.name.clone(),
                    offset: p.offset,
                    size: p.size,
                })
                .collect(),
            selected_slot: sel.slot(),
            factory: t
                .app(AppSlot::Factory)
                .filter(|_| boots == Some(AppSlot::Factory))
                .map(|f| (f.name.clone(), f.offset)),
            copies: [data.copies[0].describe(), data.copies[1].describe()],
        })
    }

    /// Rewrites the otadata copy the bootloader will prefer so that `slot` (`ota_N`, `N`)
    /// boots, and reads it back to prove the bootloader would pick it.
    pub fn ota_activate(&mut self, src: &TableSource, slot: &str) -> Result<u8> {
        let t = self.partition_table(src)?;
        let n = parse_slot(slot, &t, None)?;
        self.activate(&t, n)?;
        Ok(n)
    }

    fn activate(&mut self, t: &PartitionTable, slot: u8) -> Result<()> {
        let p = otadata_partition(t)?.clone();
        let data = self.read_otadata(t)?;
        let w = data
            .activate(slot, ota_count(t)?, OtaState::Undefined)
            .map_err(|e| Error::Device(format!("cannot select ota_{slot}: {e}")))?;
        let mut img = Image::new(p.offset + w.offset() as u32, w.sector(), "otadata");
        let opts = WriteOptions {
            resume: false,
            ..WriteOptions::default()
        };
        // Where the chip encrypts otadata the sector goes encrypted, as ESP-IDF writes it
        // (and compared and verified against its ciphertext, as the key was needed to
        // read it).
        let encrypted = self.security().is_some_and(|s| s.flash_encryption)
            && !super::partition::stays_plaintext(&p);
        if encrypted {
            img.encryption = crate::write::plan::Encryption::ByChip { ciphertext: None };
        }
        self.write_guarded(&[img], opts, None, &mut Quiet, !encrypted)?;
        let after = self.read_otadata(t)?;
        if after.boot_selection(ota_count(t)?).slot() != Some(slot) {
            return Err(Error::Device(format!(
                "otadata was written but the bootloader would not select ota_{slot}"
            )));
        }
        Ok(())
    }

    /// Writes an app image into an OTA slot (`next` is the one after the slot that boots);
    /// refuses the slot that boots. With `activate`, switches to it once it is verified.
    #[allow(clippy::too_many_arguments)]
    pub fn ota_write(
        &mut self,
        src: &TableSource,
        data: Vec<u8>,
        source: &str,
        slot: &str,
        activate: bool,
        opts: WriteOptions,
        journal: Option<&Journal>,
        progress: &mut dyn Progress,
    ) -> Result<OtaWrite> {
        let t = self.partition_table(src)?;
        let sel = self.read_otadata(&t)?.boot_selection(ota_count(&t)?);
        let n = parse_slot(slot, &t, Some(sel))?;
        if sel.slot() == Some(n) {
            return Err(Error::Refused {
                reason: format!(
                    "ota_{n} is the slot that boots; write the other one (or name it with --slot)"
                ),
            });
        }
        let part = t
            .app(AppSlot::Ota(n))
            .expect("checked by parse_slot")
            .clone();
        let summary = self.write_partition(&part, data, source, opts, journal, progress)?;
        if activate {
            self.activate(&t, n)?;
        }
        Ok(OtaWrite {
            summary,
            slot: n,
            activated: activate,
        })
    }

    /// Erases otadata, so the bootloader falls back to the factory app (or ota_0); returns
    /// what it falls back to.
    pub fn ota_erase_data(&mut self, src: &TableSource) -> Result<String> {
        let t = self.partition_table(src)?;
        let p = otadata_partition(&t)?.clone();
        self.erase_region(p.offset, p.size)?;
        Ok(fallback(&t))
    }
}
