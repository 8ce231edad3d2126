//! The binary table: 32-byte little-endian entries, an optional MD5 entry,
//! then 0xFF up to 0xC00 bytes.

use md5::{Digest, Md5};

use super::error::{PartitionError, Warning};
use super::{
    ENTRY_LEN, ENTRY_MAGIC, MD5_MAGIC, NAME_LEN, Partition, PartitionTable, TABLE_BINARY_LEN,
};

const FLAG_ENCRYPTED: u32 = 1 << 0;
const FLAG_READONLY: u32 = 1 << 1;

/// Settings for reading a binary table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BinOptions {
    /// Check (and skip) MD5 entries. When off, as with `--disable-md5sum`,
    /// an MD5 entry is read as a partition and fails.
    pub verify_md5: bool,
}

impl Default for BinOptions {
    fn default() -> Self {
        BinOptions { verify_md5: true }
    }
}

/// Whether the table carried an MD5 entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Md5Status {
    /// An MD5 entry was present and matched.
    Verified,
    /// The table ended without an MD5 entry.
    Absent,
    /// MD5 checking was turned off.
    NotChecked,
}

/// A decoded binary table with what was noticed on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The entries read before the end marker.
    pub table: PartitionTable,
    /// Whether an MD5 entry was found and checked.
    pub md5: Md5Status,
    /// Unknown flag bits found in entries.
    pub warnings: Vec<Warning>,
}

pub(crate) fn entry_bytes(p: &Partition) -> [u8; ENTRY_LEN] {
    let mut e = [0u8; ENTRY_LEN];
    e[0..2].copy_from_slice(&ENTRY_MAGIC);
    e[2] = p.ptype;
    e[3] = p.subtype;
    e[4..8].copy_from_slice(&p.offset.to_le_bytes());
    e[8..12].copy_from_slice(&p.size.to_le_bytes());
    // Longer names are cut at 16 bytes with no terminator, even mid-character.
    let name = p.name.as_bytes();
    let n = name.len().min(NAME_LEN);
    e[12..12 + n].copy_from_slice(&name[..n]);
    let flags =
        if p.encrypted { FLAG_ENCRYPTED } else { 0 } | if p.readonly { FLAG_READONLY } else { 0 };
    e[28..32].copy_from_slice(&flags.to_le_bytes());
    e
}

pub(crate) fn encode(table: &PartitionTable, md5: bool) -> Result<Vec<u8>, PartitionError> {
    let mut out: Vec<u8> = table.partitions.iter().flat_map(entry_bytes).collect();
    if md5 {
        let digest = Md5::digest(&out);
        out.extend_from_slice(&MD5_MAGIC);
        out.extend_from_slice(&[0xFF; 14]);
        out.extend_from_slice(&digest);
    }
    // At least one all-0xFF entry must remain to terminate the table.
    if out.len() >= TABLE_BINARY_LEN {
        return Err(PartitionError::TooLong { len: out.len() });
    }
    out.resize(TABLE_BINARY_LEN, 0xFF);
    Ok(out)
}

pub(crate) fn decode(bytes: &[u8], opts: &BinOptions) -> Result<Decoded, PartitionError> {
    let mut md5 = Md5::new();
    let mut partitions = Vec::new();
    let mut warnings = Vec::new();
    let mut status = if opts.verify_md5 {
        Md5Status::Absent
    } else {
        Md5Status::NotChecked
    };
    // Trailing bytes after the end marker are never looked at, so a whole
    // flash sector can be passed in.
    for (index, entry) in bytes.chunks(ENTRY_LEN).enumerate() {
        if entry.len() != ENTRY_LEN {
            return Err(PartitionError::BinaryLength { len: bytes.len() });
        }
        if entry.iter().all(|&b| b == 0xFF) {
            return Ok(Decoded {
                table: PartitionTable { partitions },
                md5: status,
                warnings,
            });
        }
        if opts.verify_md5 && entry[..2] == MD5_MAGIC {
            // Only the two magic bytes are checked, not the 0xFF filler.
            let computed = md5.clone().finalize();
            if entry[16..] != computed[..] {
                return Err(PartitionError::Md5Mismatch {
                    computed: hex(&computed),
                    parsed: hex(&entry[16..]),
                });
            }
            status = Md5Status::Verified;
            continue;
        }
        md5.update(entry);
        let (partition, unknown_flags) = decode_entry(entry, index)?;
        if unknown_flags != 0 {
            warnings.push(Warning::UnknownFlags {
                entry: index,
                flags: unknown_flags,
            });
        }
        partitions.push(partition);
    }
    Err(PartitionError::MissingEndMarker)
}

/// Decodes one entry; also returns flag bits it does not know (dropped).
pub(crate) fn decode_entry(e: &[u8], index: usize) -> Result<(Partition, u32), PartitionError> {
    let word = |at: usize| u32::from_le_bytes([e[at], e[at + 1], e[at + 2], e[at + 3]]);
    let label = &e[12..28];
    let label = &label[..label.iter().position(|&b| b == 0).unwrap_or(NAME_LEN)];
    // The name is decoded before the magic is looked at, so a bad name wins
    // over bad magic, as in gen_esp32part.py.
    let name = std::str::from_utf8(label).map_err(|_| PartitionError::LabelNotUtf8 {
        entry: index,
        md5_like: e[..2] == MD5_MAGIC,
    })?;
    if e[..2] != ENTRY_MAGIC {
        return Err(PartitionError::InvalidMagic {
            entry: index,
            magic: [e[0], e[1]],
        });
    }
    let flags = word(28);
    let partition = Partition {
        name: name.to_owned(),
        ptype: e[2],
        subtype: e[3],
        offset: word(4),
        size: word(8),
        encrypted: flags & FLAG_ENCRYPTED != 0,
        readonly: flags & FLAG_READONLY != 0,
    };
    Ok((partition, flags & !(FLAG_ENCRYPTED | FLAG_READONLY)))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Partition {
        Partition {
            name: "nvs".into(),
            ptype: 1,
            subtype: 2,
            offset: 0x9000,
            size: 0x4000,
            encrypted: false,
            readonly: false,
        }
    }

    #[test]
    fn entry_layout_matches_the_documented_example() {
        let e = entry_bytes(&sample());
        let mut want = vec![
            0xaa, 0x50, 0x01, 0x02, 0x00, 0x90, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, b'n', b'v',
            b's',
        ];
        want.extend([0u8; 13]);
        want.extend([0u8; 4]);
        assert_eq!(e.to_vec(), want);
    }

    #[test]
    fn unknown_flags_are_dropped_with_a_warning() {
        let mut bin = encode(
            &PartitionTable {
                partitions: vec![sample()],
            },
            false,
        )
        .unwrap();
        bin[28] = 0x07;
        bin[31] = 0x80;
        let d = decode(&bin, &BinOptions::default()).unwrap();
        assert!(d.table.partitions[0].encrypted && d.table.partitions[0].readonly);
        assert_eq!(
            d.warnings,
            vec![Warning::UnknownFlags {
                entry: 0,
                flags: 0x8000_0004
            }]
        );
    }

    #[test]
    fn md5_status_is_reported() {
        let t = PartitionTable {
            partitions: vec![sample()],
        };
        let with = decode(&encode(&t, true).unwrap(), &BinOptions::default()).unwrap();
        assert_eq!(with.md5, Md5Status::Verified);
        let without = decode(&encode(&t, false).unwrap(), &BinOptions::default()).unwrap();
        assert_eq!(without.md5, Md5Status::Absent);
    }
}
