//! Journal files in: loading a record must never panic, must only believe a record that
//! names the image and lies within it, and a record it believes must survive being saved
//! and loaded again.
//!
//! The journal reads files, so each input is written to the record file of a fixed key in
//! a directory of this process's own, and loaded from there.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use espflow::write::journal::{Entry, Journal, Key};
use libfuzzer_sys::fuzz_target;

/// Two writes: one in the middle of the flash, one whose end is the end of the address
/// space, where `addr + size` overflows for most sizes.
const KEYS: [Key; 2] = [
    Key {
        mac: [0x60, 0x55, 0xF9, 0x12, 0x34, 0x56],
        addr: 0x1_0000,
        image_sha256: [0xA5; 32],
    },
    Key {
        mac: [0x60, 0x55, 0xF9, 0x00, 0x00, 0x01],
        addr: 0xFFFF_F000,
        image_sha256: [0x3C; 32],
    },
];

struct Place {
    journal: Journal,
    /// The record file of each key.
    files: Vec<PathBuf>,
}

/// Finds each key's file by saving a record for it once: the file name is the journal's
/// own business.
fn place() -> &'static Place {
    static PLACE: OnceLock<Place> = OnceLock::new();
    PLACE.get_or_init(|| {
        // Saving syncs the file; in memory that costs nothing, on a disk it caps the rate.
        let shm = std::path::Path::new("/dev/shm");
        let base = if shm.is_dir() {
            shm.to_path_buf()
        } else {
            std::env::temp_dir()
        };
        let dir = base.join(format!("espflow-fuzz-journal-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let journal = Journal::new(&dir);
        let mut files = Vec::new();
        for key in &KEYS {
            let before: Vec<_> = listing(&journal);
            let e = Entry {
                key: key.clone(),
                size: 0,
                committed: key.addr,
                kept: Vec::new(),
            };
            journal.save(&e).expect("the fuzz directory is writable");
            let new: Vec<_> = listing(&journal)
                .into_iter()
                .filter(|p| !before.contains(p))
                .collect();
            assert_eq!(new.len(), 1, "one file per record");
            files.push(new[0].clone());
        }
        Place { journal, files }
    })
}

fn listing(j: &Journal) -> Vec<PathBuf> {
    std::fs::read_dir(j.dir())
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default()
}

fuzz_target!(|data: &[u8]| {
    let Some((&which, text)) = data.split_first() else {
        return;
    };
    let p = place();
    let i = usize::from(which & 1);
    let key = &KEYS[i];
    std::fs::write(&p.files[i], text).expect("the fuzz directory is writable");
    let Some(e) = p.journal.load(key) else {
        return;
    };
    assert_eq!(&e.key, key);
    let end = key
        .addr
        .checked_add(e.size)
        .expect("a believed record fits the address space");
    assert!((key.addr..=end).contains(&e.committed));
    p.journal.save(&e).expect("the fuzz directory is writable");
    assert_eq!(
        p.journal.load(key),
        Some(e.clone()),
        "a saved record loads as saved"
    );
    if which & 2 != 0 {
        p.journal.remove(key);
        assert_eq!(p.journal.load(key), None);
    }
});
