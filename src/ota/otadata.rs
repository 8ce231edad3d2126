//! The otadata partition: which OTA app slot the bootloader starts.
//!
//! The partition holds two copies of a 32-byte selection entry, one at the
//! start of each of its two 4 KiB sectors, so either can be erased and
//! rewritten while the other still describes a bootable state. Each entry is
//! `ota_seq: u32, seq_label: [u8; 20], ota_state: u32, crc: u32`
//! (little-endian), and the CRC covers `ota_seq` only.

/// Size of one selection entry.
pub const ENTRY_LEN: usize = 32;
/// Each copy lives at the start of its own flash sector.
pub const COPY_STRIDE: usize = 0x1000;
/// Size of the otadata partition.
pub const OTADATA_LEN: usize = 2 * COPY_STRIDE;
/// Sequence value of an erased entry.
pub const SEQ_ERASED: u32 = 0xFFFF_FFFF;

/// `esp_ota_img_states_t`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OtaState {
    /// 0: a new image not yet booted; with rollback on, the bootloader
    /// turns it into `PendingVerify` when it starts it.
    New,
    /// 1: booted once, waiting for the app to confirm itself; with rollback
    /// on, the bootloader aborts it if it is still pending at the next boot.
    PendingVerify,
    /// 2: the app confirmed itself.
    Valid,
    /// 3: the app declared itself broken; the bootloader skips the entry.
    Invalid,
    /// 4: the app never confirmed itself; the bootloader skips the entry.
    Aborted,
    /// 0xFFFFFFFF: never set (erased flash), the state written when rollback is off.
    Undefined,
    /// Any other value, kept as read.
    Other(u32),
}

impl OtaState {
    /// Decodes the stored `ota_state` word.
    pub fn from_u32(v: u32) -> Self {
        match v {
            0 => OtaState::New,
            1 => OtaState::PendingVerify,
            2 => OtaState::Valid,
            3 => OtaState::Invalid,
            4 => OtaState::Aborted,
            0xFFFF_FFFF => OtaState::Undefined,
            other => OtaState::Other(other),
        }
    }

    /// The `ota_state` word to store.
    pub fn to_u32(self) -> u32 {
        match self {
            OtaState::New => 0,
            OtaState::PendingVerify => 1,
            OtaState::Valid => 2,
            OtaState::Invalid => 3,
            OtaState::Aborted => 4,
            OtaState::Undefined => 0xFFFF_FFFF,
            OtaState::Other(v) => v,
        }
    }

    /// States that make the bootloader ignore the entry: the image failed
    /// its self-test or was rolled back.
    pub fn is_rejected(self) -> bool {
        matches!(self, OtaState::Invalid | OtaState::Aborted)
    }
}

/// The CRC the bootloader expects for a sequence number.
///
/// ESP-IDF calls `esp_rom_crc32_le(UINT32_MAX, &seq, 4)`. The ROM routine
/// inverts its seed on entry, so the register starts at 0 rather than at
/// 0xFFFFFFFF as in standard CRC-32; the output is still inverted. In zlib
/// terms this is `crc32(seq_le, 0xFFFFFFFF)`.
pub fn seq_crc(seq: u32) -> u32 {
    let mut hasher = crc32fast::Hasher::new_with_initial(0xFFFF_FFFF);
    hasher.update(&seq.to_le_bytes());
    hasher.finalize()
}

/// One `esp_ota_select_entry_t`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SelectEntry {
    /// `ota_seq`: the higher valid one wins; it selects slot
    /// `(seq - 1) mod count`. [`SEQ_ERASED`] means unused.
    pub seq: u32,
    /// Unused by the boot logic; preserved when an entry is rewritten.
    pub label: [u8; 20],
    /// `ota_state`: where the image stands in rollback's life cycle.
    pub state: OtaState,
    /// CRC of `seq` as stored; see [`seq_crc`].
    pub crc: u32,
}

impl SelectEntry {
    /// An erased entry (all 0xFF).
    pub const ERASED: SelectEntry = SelectEntry {
        seq: SEQ_ERASED,
        label: [0xFF; 20],
        state: OtaState::Undefined,
        crc: 0xFFFF_FFFF,
    };

    /// Decodes a 32-byte entry; never fails, since validity is a separate
    /// question ([`SelectEntry::is_valid`]).
    pub fn parse(bytes: &[u8; ENTRY_LEN]) -> Self {
        let word = |at: usize| {
            u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
        };
        let mut label = [0u8; 20];
        label.copy_from_slice(&bytes[4..24]);
        SelectEntry {
            seq: word(0),
            label,
            state: OtaState::from_u32(word(24)),
            crc: word(28),
        }
    }

    /// The 32-byte little-endian encoding.
    pub fn to_bytes(&self) -> [u8; ENTRY_LEN] {
        let mut out = [0u8; ENTRY_LEN];
        out[0..4].copy_from_slice(&self.seq.to_le_bytes());
        out[4..24].copy_from_slice(&self.label);
        out[24..28].copy_from_slice(&self.state.to_u32().to_le_bytes());
        out[28..32].copy_from_slice(&self.crc.to_le_bytes());
        out
    }

    /// Whether the stored CRC matches the sequence number.
    pub fn crc_ok(&self) -> bool {
        self.crc == seq_crc(self.seq)
    }

    /// The bootloader's test: a used sequence number, a state that was not
    /// rejected, and a matching CRC.
    pub fn is_valid(&self) -> bool {
        self.seq != SEQ_ERASED && !self.state.is_rejected() && self.crc_ok()
    }

    /// One line for people: the sequence number, the state, and what the bootloader makes
    /// of the copy.
    pub fn describe(&self) -> String {
        if *self == SelectEntry::ERASED {
            return "erased".into();
        }
        let verdict = if self.is_valid() {
            "valid"
        } else if !self.crc_ok() {
            "bad CRC, ignored"
        } else {
            "ignored by the bootloader"
        };
        format!("seq {} state {:?} ({verdict})", self.seq, self.state)
    }
}

/// Problems with otadata contents or requests.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OtaDataError {
    /// The contents end before the second copy's entry.
    #[error("otadata is too short: {len} bytes, need at least {need} (two copies 0x1000 apart)")]
    TooShort {
        /// Bytes given.
        len: usize,
        /// Bytes needed: one sector plus one entry.
        need: usize,
    },
    /// A slot was to be selected but the partition table has no OTA app.
    #[error("the table has no OTA app slots")]
    NoOtaSlots,
    /// The slot number is not below the bootloader's OTA slot count, so no
    /// sequence number selects it.
    #[error(
        "OTA slot {slot} cannot be selected: the bootloader counts {count} OTA slots and picks slot (seq - 1) mod {count}"
    )]
    NoSuchSlot {
        /// The requested slot.
        slot: u8,
        /// OTA app entries in the table, gaps included.
        count: usize,
    },
    /// The next sequence number would not fit in 32 bits (or would be the
    /// erased value).
    #[error("the sequence number is exhausted; erase otadata to start over")]
    SequenceExhausted,
}

/// What otadata tells the bootloader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BootSelection {
    /// No usable entry (erased otadata, both copies rejected or corrupt, or
    /// no OTA slots): the factory app boots, or the first OTA slot if there
    /// is no factory app.
    Default,
    /// The entry in `copy` selects OTA slot `slot`.
    Slot {
        /// The OTA slot number (`ota_N`).
        slot: u8,
        /// The copy (0 or 1) that decides.
        copy: usize,
        /// Its sequence number.
        seq: u32,
    },
}

impl BootSelection {
    /// The selected OTA slot, if any.
    pub fn slot(self) -> Option<u8> {
        match self {
            BootSelection::Slot { slot, .. } => Some(slot),
            BootSelection::Default => None,
        }
    }
}

/// Both copies of the selection entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OtaData {
    /// The entries at offsets 0 and 0x1000.
    pub copies: [SelectEntry; 2],
}

impl OtaData {
    /// A factory-fresh (erased) otadata.
    pub const ERASED: OtaData = OtaData {
        copies: [SelectEntry::ERASED; 2],
    };

    /// Reads both copies from the partition's contents (normally 0x2000
    /// bytes; only the first 32 bytes of each sector matter).
    pub fn parse(bytes: &[u8]) -> Result<Self, OtaDataError> {
        let need = COPY_STRIDE + ENTRY_LEN;
        if bytes.len() < need {
            return Err(OtaDataError::TooShort {
                len: bytes.len(),
                need,
            });
        }
        let copy = |at: usize| {
            let mut e = [0u8; ENTRY_LEN];
            e.copy_from_slice(&bytes[at..at + ENTRY_LEN]);
            SelectEntry::parse(&e)
        };
        Ok(OtaData {
            copies: [copy(0), copy(COPY_STRIDE)],
        })
    }

    /// The copy the bootloader follows: the valid one with the higher
    /// sequence number, copy 0 on a tie.
    pub fn active_copy(&self) -> Option<usize> {
        self.active_copy_with(false)
    }

    /// With app rollback enabled the bootloader first marks any entry still
    /// pending verification as aborted: that image never confirmed itself.
    fn active_copy_with(&self, rollback: bool) -> Option<usize> {
        let usable =
            |e: &SelectEntry| e.is_valid() && !(rollback && e.state == OtaState::PendingVerify);
        match (usable(&self.copies[0]), usable(&self.copies[1])) {
            (true, true) if self.copies[1].seq > self.copies[0].seq => Some(1),
            (true, _) => Some(0),
            (false, true) => Some(1),
            (false, false) => None,
        }
    }

    /// Which slot boots, given the bootloader's OTA slot count (every app
    /// partition with an ota_N subtype, gaps included). The sequence number
    /// wraps around that count: slot = (seq - 1) mod count.
    pub fn boot_selection(&self, ota_app_count: usize) -> BootSelection {
        self.boot_selection_with(ota_app_count, false)
    }

    /// Like [`OtaData::boot_selection`] for a bootloader built with
    /// `CONFIG_BOOTLOADER_APP_ROLLBACK_ENABLE`.
    pub fn boot_selection_with(&self, ota_app_count: usize, rollback: bool) -> BootSelection {
        let Some(copy) = self.active_copy_with(rollback) else {
            return BootSelection::Default;
        };
        if ota_app_count == 0 {
            return BootSelection::Default;
        }
        let seq = self.copies[copy].seq;
        // The bootloader computes this in unsigned 32-bit arithmetic, so a
        // valid seq of 0 wraps to 0xFFFFFFFF before the modulo.
        let slot = seq.wrapping_sub(1) as usize % ota_app_count;
        BootSelection::Slot {
            slot: slot as u8,
            copy,
            seq,
        }
    }

    /// The partition image with both copies, the rest erased.
    pub fn to_image(&self) -> Vec<u8> {
        let mut image = vec![0xFF; OTADATA_LEN];
        for (i, entry) in self.copies.iter().enumerate() {
            image[i * COPY_STRIDE..i * COPY_STRIDE + ENTRY_LEN].copy_from_slice(&entry.to_bytes());
        }
        image
    }

    /// Plans the write that makes OTA slot `slot` boot next.
    ///
    /// The new entry goes into the copy that is not active, so the current
    /// selection survives intact if the write is interrupted. Its sequence
    /// number is the smallest one above the active entry's that maps to
    /// `slot`, which makes the bootloader prefer it. With no active entry it
    /// goes to copy 0 with `seq = slot + 1`. The label bytes of the
    /// overwritten copy are kept, as ESP-IDF does. `state` is what the
    /// firmware would write: [`OtaState::Undefined`] without rollback,
    /// [`OtaState::New`] with it.
    pub fn activate(
        &self,
        slot: u8,
        ota_app_count: usize,
        state: OtaState,
    ) -> Result<ActivateWrite, OtaDataError> {
        if ota_app_count == 0 {
            return Err(OtaDataError::NoOtaSlots);
        }
        if usize::from(slot) >= ota_app_count {
            return Err(OtaDataError::NoSuchSlot {
                slot,
                count: ota_app_count,
            });
        }
        let n = ota_app_count as u64;
        let target = u64::from(slot) + 1;
        let (copy, seq) = match self.active_copy() {
            None => (0, target),
            Some(active) => {
                let current = u64::from(self.copies[active].seq);
                // Smallest seq > current with seq ≡ slot + 1 (mod n).
                let next = current + 1;
                let rem = (next + n - target % n) % n;
                let seq = if rem == 0 { next } else { next + (n - rem) };
                (1 - active, seq)
            }
        };
        let seq = u32::try_from(seq)
            .ok()
            .filter(|s| *s != SEQ_ERASED)
            .ok_or(OtaDataError::SequenceExhausted)?;
        let entry = SelectEntry {
            seq,
            label: self.copies[copy].label,
            state,
            crc: seq_crc(seq),
        };
        Ok(ActivateWrite { copy, entry })
    }
}

/// One entry to write into otadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActivateWrite {
    /// Which copy (0 or 1) to replace.
    pub copy: usize,
    /// The new entry.
    pub entry: SelectEntry,
}

impl ActivateWrite {
    /// Offset of the copy's sector inside the otadata partition.
    pub fn offset(&self) -> usize {
        self.copy * COPY_STRIDE
    }

    /// The whole 4 KiB sector to write after erasing it: the entry, then 0xFF.
    pub fn sector(&self) -> Vec<u8> {
        let mut sector = vec![0xFF; COPY_STRIDE];
        sector[..ENTRY_LEN].copy_from_slice(&self.entry.to_bytes());
        sector
    }

    /// Applies the write to a copy of the otadata contents.
    pub fn apply(&self, otadata: &OtaData) -> OtaData {
        let mut out = *otadata;
        out.copies[self.copy] = self.entry;
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(seq: u32, state: OtaState) -> SelectEntry {
        SelectEntry {
            seq,
            label: [0xFF; 20],
            state,
            crc: seq_crc(seq),
        }
    }

    fn data(a: SelectEntry, b: SelectEntry) -> OtaData {
        OtaData { copies: [a, b] }
    }

    #[test]
    fn crc_variant_matches_the_rom() {
        assert_eq!(seq_crc(0), 0xFFFF_FFFF);
        assert_eq!(seq_crc(1), 0x4743_989A);
        assert_eq!(seq_crc(2), 0x55F6_3774);
        assert_eq!(seq_crc(3), 0xED4A_5011);
        assert_eq!(seq_crc(4), 0x709D_68A8);
        // Not the standard CRC-32 of the same bytes.
        assert_eq!(crc32fast::hash(&1u32.to_le_bytes()), 0x99F8_B879);
    }

    #[test]
    fn worked_example_select_ota_1_on_erased_otadata() {
        let plan = OtaData::ERASED.activate(1, 2, OtaState::Undefined).unwrap();
        assert_eq!(plan.copy, 0);
        assert_eq!(plan.offset(), 0);
        let mut want = vec![0x02, 0x00, 0x00, 0x00];
        want.extend([0xFF; 20]);
        want.extend([0xFF, 0xFF, 0xFF, 0xFF]);
        want.extend([0x74, 0x37, 0xF6, 0x55]);
        assert_eq!(plan.entry.to_bytes().to_vec(), want);

        let image = plan.apply(&OtaData::ERASED).to_image();
        assert_eq!(image.len(), 0x2000);
        assert_eq!(&image[..32], &want[..]);
        assert!(image[32..].iter().all(|&b| b == 0xFF));

        let after = OtaData::parse(&image).unwrap();
        assert_eq!(
            after.boot_selection(2),
            BootSelection::Slot {
                slot: 1,
                copy: 0,
                seq: 2
            }
        );
        // With rollback enabled the firmware writes NEW; the CRC is unchanged.
        let rollback = OtaData::ERASED.activate(1, 2, OtaState::New).unwrap();
        assert_eq!(
            &rollback.entry.to_bytes()[24..],
            &[0, 0, 0, 0, 0x74, 0x37, 0xF6, 0x55]
        );
        assert_eq!(plan.sector().len(), 0x1000);
    }

    #[test]
    fn sequence_of_switches_like_otatool() {
        // erased -> slot 1 (copy 0, seq 2) -> slot 0 (copy 1, seq 3) -> slot 1 (copy 0, seq 4)
        let mut d = OtaData::ERASED;
        assert_eq!(d.boot_selection(2), BootSelection::Default);
        for (slot, copy, seq, crc) in [
            (1, 0, 2, 0x55F6_3774),
            (0, 1, 3, 0xED4A_5011),
            (1, 0, 4, 0x709D_68A8),
        ] {
            let w = d.activate(slot, 2, OtaState::Undefined).unwrap();
            assert_eq!((w.copy, w.entry.seq, w.entry.crc), (copy, seq, crc));
            d = w.apply(&d);
            assert_eq!(d.boot_selection(2).slot(), Some(slot));
        }
    }

    #[test]
    fn rejected_states_are_ignored() {
        // copy 0 rolled back (INVALID) with the higher seq: copy 1 wins.
        let d = data(entry(3, OtaState::Invalid), entry(2, OtaState::Valid));
        assert_eq!(
            d.boot_selection(2),
            BootSelection::Slot {
                slot: 1,
                copy: 1,
                seq: 2
            }
        );
        let d = data(entry(3, OtaState::Aborted), entry(4, OtaState::Aborted));
        assert_eq!(d.boot_selection(2), BootSelection::Default);
        // Pending verification boots, unless rollback is enabled: then the
        // unconfirmed image is aborted and the older selection wins.
        let d = data(entry(5, OtaState::PendingVerify), entry(3, OtaState::Valid));
        assert_eq!(d.boot_selection(3).slot(), Some(1));
        assert_eq!(
            d.boot_selection_with(3, true),
            BootSelection::Slot {
                slot: 2,
                copy: 1,
                seq: 3
            }
        );
        // Activating over a rejected copy writes a fresh state, so the new
        // selection is honoured (otatool keeps the old state and silently fails).
        let d = data(entry(1, OtaState::Invalid), entry(2, OtaState::Valid));
        let w = d.activate(0, 2, OtaState::Undefined).unwrap();
        assert_eq!(
            (w.copy, w.entry.seq, w.entry.state),
            (0, 3, OtaState::Undefined)
        );
        assert_eq!(w.apply(&d).boot_selection(2).slot(), Some(0));
    }

    #[test]
    fn bad_crc_and_ties() {
        let mut bad = entry(7, OtaState::Valid);
        bad.crc ^= 1;
        let d = data(bad, entry(2, OtaState::Undefined));
        assert_eq!(d.active_copy(), Some(1));
        // Equal seqs: copy 0 is preferred.
        let d = data(entry(2, OtaState::Valid), entry(2, OtaState::Valid));
        assert_eq!(d.active_copy(), Some(0));
    }

    #[test]
    fn seq_wraps_modulo_slot_count() {
        let d = data(entry(7, OtaState::Valid), SelectEntry::ERASED);
        assert_eq!(d.boot_selection(3).slot(), Some(0));
        // seq 0 with its (valid) CRC maps to 0xFFFFFFFF % n.
        let d = data(entry(0, OtaState::Undefined), SelectEntry::ERASED);
        assert_eq!(d.boot_selection(3).slot(), Some((0xFFFF_FFFFu32 % 3) as u8));
        assert_eq!(d.boot_selection(0), BootSelection::Default);
    }

    #[test]
    fn next_seq_is_the_smallest_larger_one_for_the_slot() {
        let d = data(entry(10, OtaState::Valid), SelectEntry::ERASED);
        // 10 selects slot (10-1)%4 = 1.
        for (slot, want) in [(0u8, 13u32), (1, 14), (2, 11), (3, 12)] {
            let w = d.activate(slot, 4, OtaState::Undefined).unwrap();
            assert_eq!((w.copy, w.entry.seq), (1, want), "slot {slot}");
            assert_eq!(w.apply(&d).boot_selection(4).slot(), Some(slot));
        }
    }

    #[test]
    fn activation_errors() {
        assert_eq!(
            OtaData::ERASED.activate(0, 0, OtaState::New),
            Err(OtaDataError::NoOtaSlots)
        );
        assert_eq!(
            OtaData::ERASED.activate(2, 2, OtaState::New),
            Err(OtaDataError::NoSuchSlot { slot: 2, count: 2 })
        );
        let d = data(entry(0xFFFF_FFFE, OtaState::Valid), SelectEntry::ERASED);
        assert_eq!(
            d.activate(0, 1, OtaState::New),
            Err(OtaDataError::SequenceExhausted)
        );
        assert!(matches!(
            OtaData::parse(&[0xFF; 0x1000]),
            Err(OtaDataError::TooShort { .. })
        ));
    }

    #[test]
    fn entries_round_trip() {
        let mut bytes = [0u8; 32];
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = (i * 37 + 5) as u8;
        }
        assert_eq!(SelectEntry::parse(&bytes).to_bytes(), bytes);
        assert_eq!(
            OtaData::parse(&OtaData::ERASED.to_image()).unwrap(),
            OtaData::ERASED
        );
    }
}
