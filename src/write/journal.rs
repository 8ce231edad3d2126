//! The write journal: a small file per (chip MAC, address, image digest) recording how far
//! a write has provably got, so that running the same command again after an interruption
//! picks up where it stopped.
//!
//! The journal is only a hint. What the flash holds is always checked on the chip before
//! anything is skipped, so a stale, missing or foreign journal costs time, never data.
//! Files are replaced atomically (write, sync, rename), so a crash leaves the old or the
//! new record, never a torn one.

use std::fs;
use std::io::{Read, Write};
use std::os::unix::fs::OpenOptionsExt;
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
    /// Bytes outside the image that share its first or last sector, `(flash address,
    /// bytes)`, as they were before anything was erased. They are recorded before the
    /// erase, so a write cut off between the erase and their programming (a kill, an
    /// unplugged cable, a power cut mid-erase) puts them back when it is run again.
    pub kept: Vec<(u32, Vec<u8>)>,
}

/// The ranges outside an image of `size` bytes at `addr` that share its first and last
/// sector: the only ones a journal may hold kept bytes for.
pub fn kept_ranges(addr: u32, size: u32) -> [(u32, u32); 2] {
    let sector = espflow_protocol::geometry::SECTOR_SIZE as u64;
    let end = addr as u64 + size as u64;
    let start = addr as u64 / sector * sector;
    let tail_end = end.div_ceil(sector) * sector;
    [
        (start as u32, (addr as u64 - start) as u32),
        (end as u32, (tail_end - end) as u32),
    ]
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if !s.len().is_multiple_of(2) {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
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

/// A record is under 300 bytes plus, in hex, the kept bytes of at most two partly covered
/// sectors (under 16 KiB); a file much larger than that is not one.
pub const MAX_RECORD: u64 = 32 * 1024;

/// The text of the record at `path`, if that is a regular file (not a link to one) of at
/// most [`MAX_RECORD`] bytes. The type is checked before opening, and the open neither
/// follows links nor waits, so even a path swapped in between cannot block the read.
fn read_record(path: &Path) -> Option<String> {
    let meta = fs::symlink_metadata(path).ok()?;
    if !meta.is_file() || meta.len() > MAX_RECORD {
        return None;
    }
    let file = fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW)
        .open(path)
        .ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    let mut text = String::new();
    file.take(MAX_RECORD + 1).read_to_string(&mut text).ok()?;
    (text.len() as u64 <= MAX_RECORD).then_some(text)
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

    /// The file that holds the record for `key` (which need not exist).
    pub fn path_for(&self, key: &Key) -> PathBuf {
        self.path(key)
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
    /// Anything at the record's path other than a small regular file is no record: a
    /// FIFO would block the read and a link to a device would never end, and a hint is
    /// not worth either.
    pub fn load(&self, key: &Key) -> Option<Entry> {
        let text = read_record(&self.path(key))?;
        let mut size = None;
        let mut committed = None;
        let mut sha = None;
        let mut kept = Vec::new();
        for line in text.lines() {
            let (k, v) = line.split_once('=')?;
            match k {
                "size" => size = v.parse().ok(),
                "committed" => committed = v.parse().ok(),
                "image_sha256" => sha = Some(v.to_string()),
                "kept" => {
                    let (at, bytes) = v.split_once(':')?;
                    kept.push((at.parse::<u32>().ok()?, unhex(bytes)?));
                }
                _ => {}
            }
        }
        (sha? == hex(&key.image_sha256)).then_some(())?;
        let (size, committed): (u32, u32) = (size?, committed?);
        let end = key.addr.checked_add(size)?;
        // Kept bytes are believed only for exactly the ranges this image shares sectors
        // with: a record naming anything else would write bytes nobody asked for.
        let ranges = kept_ranges(key.addr, size);
        let fits =
            |(at, b): &(u32, Vec<u8>)| ranges.contains(&(*at, b.len() as u32)) && !b.is_empty();
        (kept.iter().all(fits) && kept.len() <= 2).then_some(())?;
        (key.addr..=end).contains(&committed).then(|| Entry {
            key: key.clone(),
            size,
            committed,
            kept,
        })
    }

    /// Records `e`, replacing any earlier record of the same write atomically.
    pub fn save(&self, e: &Entry) -> std::io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        let path = self.path(&e.key);
        let tmp = path.with_extension("tmp");
        // Whatever is at the temporary path (a leftover, a FIFO, a link) is replaced, never
        // opened: opening a FIFO for writing would wait for a reader.
        let _ = fs::remove_file(&tmp);
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        write!(
            f,
            "mac={}\naddr={}\nsize={}\nimage_sha256={}\ncommitted={}\n",
            hex(&e.key.mac),
            e.key.addr,
            e.size,
            hex(&e.key.image_sha256),
            e.committed
        )?;
        for (at, bytes) in &e.kept {
            writeln!(f, "kept={at}:{}", hex(bytes))?;
        }
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
            kept: Vec::new(),
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
    fn only_small_regular_files_are_records() {
        let d = tempfile::tempdir().unwrap();
        let j = Journal::new(d.path());
        let e = Entry {
            key: key(),
            size: 0x2000,
            committed: 0x11000,
            kept: Vec::new(),
        };
        j.save(&e).unwrap();
        let path = j.path_for(&key());
        let real = d.path().join("real.journal");
        std::fs::rename(&path, &real).unwrap();
        std::os::unix::fs::symlink(&real, &path).unwrap();
        assert_eq!(j.load(&key()), None, "a link, even to a record, is not one");
        std::fs::remove_file(&path).unwrap();
        std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
        assert_eq!(j.load(&key()), None);
        std::fs::remove_file(&path).unwrap();
        let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
        // SAFETY: a plain libc call with a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        assert_eq!(j.load(&key()), None, "a FIFO is not opened");
        j.save(&e).unwrap();
        assert_eq!(j.load(&key()), Some(e.clone()), "saving replaces the FIFO");
        let mut padded = std::fs::read_to_string(&path).unwrap();
        // Lines of an unknown key are ignored, so only the size tells this one apart.
        padded.push_str(&"pad=0\n".repeat(6000));
        std::fs::write(&path, padded).unwrap();
        assert_eq!(j.load(&key()), None, "too large to be a record");
    }

    #[test]
    fn kept_bytes_round_trip_only_for_the_shared_sectors() {
        let d = tempfile::tempdir().unwrap();
        let j = Journal::new(d.path());
        let k = Key {
            addr: 0x10100,
            ..key()
        };
        let [head, tail] = kept_ranges(0x10100, 0x2800);
        assert_eq!(head, (0x10000, 0x100));
        assert_eq!(tail, (0x12900, 0x700));
        let e = Entry {
            key: k.clone(),
            size: 0x2800,
            committed: 0x10100,
            kept: vec![(0x10000, vec![0xA5; 0x100]), (0x12900, vec![0x3C; 0x700])],
        };
        j.save(&e).unwrap();
        assert_eq!(j.load(&k), Some(e.clone()));
        let mut wrong = e.clone();
        wrong.kept[0].0 = 0x20000;
        j.save(&wrong).unwrap();
        assert_eq!(j.load(&k), None, "kept bytes elsewhere are not believed");
    }

    #[test]
    fn torn_or_foreign_records_are_ignored() {
        let d = tempfile::tempdir().unwrap();
        let j = Journal::new(d.path());
        let e = Entry {
            key: key(),
            size: 0x2000,
            committed: 0x11000,
            kept: Vec::new(),
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
