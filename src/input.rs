//! Files the user names as input, read with their type and size checked first.
//!
//! A path can name a device (`/dev/zero` never ends), a FIFO (opening it waits for a
//! writer, reading it may never end) or a sparse file of any size. Reading such a path
//! whole would hang or exhaust memory long before any check on its contents ran, so
//! images are accepted only as regular files no larger than the largest flash, decided
//! from their metadata before a byte is read.

use std::fs::{File, Metadata};
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

use crate::error::{Error, Result};
use crate::numbers::human_size;
use crate::write::Image;

/// The largest flash any supported chip addresses (16 MiB); no image can be larger.
pub const MAX_FLASH_SIZE: u64 = 0x100_0000;

/// The most a partition table file may hold: a binary table is 3 KiB, and even a CSV
/// full of comments stays far below this.
pub const MAX_TABLE_FILE: u64 = 0x10_0000;

/// What kind of file `meta` describes, for messages.
pub fn kind(meta: &Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_file() {
        "a regular file"
    } else if t.is_dir() {
        "a directory"
    } else if t.is_fifo() {
        "a FIFO"
    } else if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_symlink() {
        "a symbolic link"
    } else {
        "not a regular file"
    }
}

fn not_regular(path: &Path, meta: &Metadata, what: &str) -> Error {
    Error::BadInput(format!(
        "{} is {}, not a regular file; {what} must be a file",
        path.display(),
        kind(meta)
    ))
}

fn too_large(path: &Path, len: u64, limit: u64, what: &str) -> Error {
    Error::BadInput(format!(
        "{} is {len} bytes, larger than {what} can be ({})",
        path.display(),
        human_size(limit)
    ))
}

/// Reads the regular file at `path`, refusing anything else and anything over `limit`
/// bytes; `what` names it in messages ("an image", "a partition table").
///
/// The type and size are judged from the metadata before the file is opened, and again
/// on the open file, so a path swapped for a FIFO in between cannot block: the file is
/// opened without waiting, and the read stops one byte past `limit` whatever the file
/// claims.
pub fn read_regular(path: &Path, limit: u64, what: &str) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::read_file(path, e))?;
    if !meta.is_file() {
        return Err(not_regular(path, &meta, what));
    }
    if meta.len() > limit {
        return Err(too_large(path, meta.len(), limit, what));
    }
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| Error::read_file(path, e))?;
    let meta = file.metadata().map_err(|e| Error::read_file(path, e))?;
    if !meta.is_file() {
        return Err(not_regular(path, &meta, what));
    }
    read_capped(file, path, limit, what)
}

/// Reads `path` whatever its type (a pipe or `/dev/stdin` included), but never more than
/// `limit` bytes: for inputs that are small by nature, where refusing pipes would break
/// the ways people feed them.
pub fn read_bounded(path: &Path, limit: u64, what: &str) -> Result<Vec<u8>> {
    let file = File::open(path).map_err(|e| Error::read_file(path, e))?;
    read_capped(file, path, limit, what)
}

/// Reads `r` (named `path` in messages) up to `limit` bytes; more is an error.
pub fn read_capped(r: impl Read, path: &Path, limit: u64, what: &str) -> Result<Vec<u8>> {
    let mut data = Vec::new();
    r.take(limit.saturating_add(1))
        .read_to_end(&mut data)
        .map_err(|e| Error::read_file(path, e))?;
    if data.len() as u64 > limit {
        return Err(Error::BadInput(format!(
            "{} holds more than {limit} bytes, larger than {what} can be ({})",
            path.display(),
            human_size(limit)
        )));
    }
    Ok(data)
}

/// Reads an image file: a regular file of at most [`MAX_FLASH_SIZE`] bytes.
pub fn read_image(path: &Path) -> Result<Vec<u8>> {
    read_regular(path, MAX_FLASH_SIZE, "an image")
}

impl Image {
    /// The image in the file at `path`, to be written at `addr`; see [`read_image`] for
    /// what is refused before the file is read.
    pub fn from_file(addr: u32, path: &Path) -> Result<Image> {
        Ok(Image::new(
            addr,
            read_image(path)?,
            path.display().to_string(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_and_fifos_are_refused_by_their_type() {
        let e = read_image(Path::new("/dev/zero")).unwrap_err();
        assert_eq!(e.code(), crate::ErrorCode::BadInput);
        assert!(
            e.to_string().contains("/dev/zero is a character device"),
            "{e}"
        );
        let d = tempfile::tempdir().unwrap();
        let fifo = d.path().join("fifo");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a plain libc call with a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let e = read_image(&fifo).unwrap_err();
        assert!(e.to_string().contains("is a FIFO"), "{e}");
        let e = read_image(d.path()).unwrap_err();
        assert!(e.to_string().contains("is a directory"), "{e}");
    }

    #[test]
    fn sizes_are_judged_before_reading() {
        let d = tempfile::tempdir().unwrap();
        let big = d.path().join("big.bin");
        File::create(&big)
            .unwrap()
            .set_len(MAX_FLASH_SIZE + 1)
            .unwrap();
        let e = read_image(&big).unwrap_err();
        assert!(e.to_string().contains("larger than an image can be"), "{e}");
        let small = d.path().join("small.bin");
        std::fs::write(&small, [1, 2, 3]).unwrap();
        let img = Image::from_file(0x1000, &small).unwrap();
        assert_eq!((img.addr, img.data), (0x1000, vec![1, 2, 3]));
        let e = read_bounded(Path::new("/dev/zero"), 16, "a table").unwrap_err();
        assert!(e.to_string().contains("more than 16 bytes"), "{e}");
    }
}
