//! The write journal: a small file per (chip MAC, address, image digest) recording how far
//! a write has provably got, so that running the same command again after an interruption
//! picks up where it stopped.
//!
//! The journal is only a hint. What the flash holds is always checked on the chip before
//! anything is skipped, so a stale, missing or foreign journal costs time, never data.
//! Files are replaced atomically (write, sync, rename), so a crash leaves the old or the
//! new record, never a torn one.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, PartialEq, Eq)]
/// Which write a journal record belongs to.
pub struct Key {
    /// The chip's MAC.
    pub mac: [u8; 6],
    /// The image's flash address.
    pub addr: u32,
    /// The image's SHA-256.
    pub image_sha256: [u8; 32],
}

#[derive(Clone, Debug, PartialEq, Eq)]
/// A journal record.
pub struct Entry {
    /// Which write.
    pub key: Key,
    /// The image's length.
    pub size: u32,
    /// Every image byte below this flash address is programmed and verified.
    pub committed: u32,
}

/// Where journals live: `ESPFLOW_STATE_DIR`, else the platform's state directory.
pub fn default_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("ESPFLOW_STATE_DIR") {
        return Some(PathBuf::from(d));
    }
    dirs::state_dir()
        .or_else(dirs::data_local_dir)
        .map(|d| d.join("espflow"))
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// A directory of journal records.
pub struct Journal {
    dir: PathBuf,
}

impl Journal {
    /// Journals under `dir` (in its `journal` subdirectory).
    pub fn new(dir: impl Into<PathBuf>) -> Journal {
        Journal {
            dir: dir.into().join("journal"),
        }
    }

    fn path(&self, key: &Key) -> PathBuf {
        self.dir.join(format!(
            "{}-{:08x}-{}.journal",
            hex(&key.mac),
            key.addr,
            &hex(&key.image_sha256)[..32]
        ))
    }

    /// The record for `key`, if there is one that parses and names this exact image.
    pub fn load(&self, key: &Key) -> Option<Entry> {
        let text = fs::read_to_string(self.path(key)).ok()?;
        let mut size = None;
        let mut committed = None;
        let mut sha = None;
        for line in text.lines() {
            let (k, v) = line.split_once('=')?;
            match k {
                "size" => size = v.parse().ok(),
                "committed" => committed = v.parse().ok(),
                "image_sha256" => sha = Some(v.to_string()),
                _ => {}
            }
        }
        (sha? == hex(&key.image_sha256)).then_some(())?;
        let (size, committed): (u32, u32) = (size?, committed?);
        let end = key.addr.checked_add(size)?;
        (key.addr..=end).contains(&committed).then(|| Entry {
            key: key.clone(),
            size,
            committed,
        })
    }

    /// Records `e`, replacing any earlier record of the same write atomically.
    pub fn save(&self, e: &Entry) -> std::io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        let path = self.path(&e.key);
        let tmp = path.with_extension("tmp");
        let mut f = fs::File::create(&tmp)?;
        write!(
            f,
            "mac={}\naddr={}\nsize={}\nimage_sha256={}\ncommitted={}\n",
            hex(&e.key.mac),
            e.key.addr,
            e.size,
            hex(&e.key.image_sha256),
            e.committed
        )?;
        f.sync_all()?;
        fs::rename(&tmp, &path)
    }

    /// Forgets `key`, including a temporary file an interrupted save left behind.
    pub fn remove(&self, key: &Key) {
        let path = self.path(key);
        let _ = fs::remove_file(path.with_extension("tmp"));
        let _ = fs::remove_file(path);
    }

    /// Where the records are.
    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> Key {
        Key {
            mac: [1, 2, 3, 4, 5, 6],
            addr: 0x10000,
            image_sha256: [7; 32],
        }
    }

    #[test]
    fn save_load_remove() {
        let d = tempfile::tempdir().unwrap();
        let j = Journal::new(d.path());
        assert_eq!(j.load(&key()), None);
        let e = Entry {
            key: key(),
            size: 0x2000,
            committed: 0x11000,
        };
        j.save(&e).unwrap();
        assert_eq!(j.load(&key()), Some(e));
        std::fs::write(j.path(&key()).with_extension("tmp"), "mac=").unwrap();
        j.remove(&key());
        assert_eq!(j.load(&key()), None);
        assert_eq!(
            std::fs::read_dir(j.dir()).unwrap().count(),
            0,
            "nothing left behind"
        );
    }

    #[test]
    fn torn_or_foreign_records_are_ignored() {
        let d = tempfile::tempdir().unwrap();
        let j = Journal::new(d.path());
        let e = Entry {
            key: key(),
            size: 0x2000,
            committed: 0x11000,
        };
        j.save(&e).unwrap();
        let path = j.path(&key());
        std::fs::write(&path, "mac=01\ncommitted=").unwrap();
        assert_eq!(j.load(&key()), None);
        let mut out_of_range = e.clone();
        out_of_range.committed = 0x20000;
        j.save(&out_of_range).unwrap();
        assert_eq!(
            j.load(&key()),
            None,
            "a committed address past the image is not believed"
        );
    }
}
