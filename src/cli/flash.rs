//! Commands on raw flash: board-info, read-flash, write-flash, erase-region, erase-flash,
//! checksum-md5.

use std::io::Write as _;
use std::path::Path;

use anyhow::Result;
use espflow::Error;
use espflow::numbers::{human_size, parse_u32};
use espflow::security::{EncryptionMode, SecurityState};
use espflow::session::BoardInfo;
use espflow::write::{Image, Journal, journal};

use super::args::{ConnectArgs, Format, ReadSize};
use super::connect::{connect, finish};
use super::output::{json_event, json_line, progress_naming, report_done};

fn on_off(b: bool) -> &'static str {
    if b { "on" } else { "off" }
}

fn print_board_info(i: &BoardInfo) {
    let rev = i
        .revision
        .map(|(a, b)| format!(" (revision v{a}.{b})"))
        .unwrap_or_default();
    outln!("Chip:         {}{rev}", i.chip);
    if let Some(x) = i.crystal_mhz {
        outln!("Crystal:      {x} MHz");
    }
    const HIDDEN: &str = "not readable in Secure Download Mode";
    outln!("MAC:          {}", i.mac.as_deref().unwrap_or(HIDDEN));
    match i.flash_id {
        Some(id) => outln!(
            "Flash ID:     0x{id:06X} (manufacturer 0x{:02X}, device 0x{:02X}{:02X})",
            id & 0xFF,
            (id >> 8) & 0xFF,
            (id >> 16) & 0xFF
        ),
        None => outln!("Flash ID:     {HIDDEN}"),
    }
    match i.flash_size {
        Some(size) => outln!("Flash size:   {}", human_size(size as u64)),
        None => outln!("Flash size:   {HIDDEN}"),
    }
    match &i.security {
        Some(s) => print_security(s),
        None => outln!("Security:     not reported by this chip's ROM"),
    }
    let loader = match (i.loader, i.stub_protocol) {
        ("espflow-stub", Some(v)) => format!("espflow stub (protocol v{v})"),
        ("foreign-stub", _) => "stub (not espflow's)".to_string(),
        _ => "ROM".to_string(),
    };
    outln!("Loader:       {loader}");
}

fn print_security(s: &SecurityState) {
    let known = |b: Option<bool>| b.map_or("unknown", on_off);
    outln!(
        "Security:     flash encryption {} (crypt count {}), secure boot {}, secure download {}",
        on_off(s.flash_encryption),
        s.flash_crypt_cnt,
        on_off(s.secure_boot),
        on_off(s.secure_download)
    );
    let mode = match s.flash_encryption_mode {
        Some(EncryptionMode::Release) => ", release mode",
        Some(EncryptionMode::Development) => ", development mode",
        None => "",
    };
    outln!(
        "Encryption:   {} (crypt counter {}{mode}), manual encryption in download mode {}",
        on_off(s.flash_encryption),
        s.flash_crypt_cnt,
        match s.dis_download_manual_encrypt {
            Some(true) => "disabled",
            Some(false) => "allowed",
            None => "unknown",
        }
    );
    let sb = match s.secure_boot_version {
        Some(v) if s.secure_boot => format!("on (v{v})"),
        _ => on_off(s.secure_boot).to_string(),
    };
    outln!("Secure boot:  {sb}");
    outln!("Secure download mode: {}", on_off(s.secure_download));
    outln!(
        "JTAG:         hard-disabled {}, soft-disabled {}",
        known(s.jtag_hard_disabled),
        known(s.jtag_soft_disabled)
    );
    for k in &s.key_blocks {
        let mut flags = Vec::new();
        if k.read_protected == Some(true) {
            flags.push("read-protected");
        }
        if k.write_protected == Some(true) {
            flags.push("write-protected");
        }
        if k.revoked == Some(true) {
            flags.push("revoked");
        }
        let flags = if flags.is_empty() {
            String::new()
        } else {
            format!(" ({})", flags.join(", "))
        };
        outln!("Key block:    {} {}{flags}", k.name, k.purpose);
    }
}

pub fn board_info(conn: &ConnectArgs, format: Format) -> Result<()> {
    let mut s = connect(conn)?;
    let info = s.board_info()?;
    match format {
        Format::Json => json_event("board_info", &info),
        Format::Text => print_board_info(&info),
    }
    finish(s, conn)
}

/// The file a read goes to: written next to its final name first and renamed into place
/// once complete, so that a path that cannot be written is reported before a long read, and
/// a failed read neither leaves half a file nor destroys what was there.
pub struct Output<'a> {
    path: &'a Path,
    part: std::path::PathBuf,
    file: std::fs::File,
}

impl<'a> Output<'a> {
    /// Makes sure the file can be written, before any device work.
    pub fn create(path: &'a Path) -> Result<Output<'a>, Error> {
        let mut part = path.as_os_str().to_owned();
        part.push(".part");
        let part = std::path::PathBuf::from(part);
        let file = std::fs::File::create(&part).map_err(|e| Error::write_file(path, e))?;
        Ok(Output { path, part, file })
    }

    /// Writes the data and puts the file in place.
    pub fn commit(mut self, data: &[u8]) -> Result<(), Error> {
        self.file
            .write_all(data)
            .and_then(|()| self.file.sync_all())
            .and_then(|()| std::fs::rename(&self.part, self.path))
            .map_err(|e| Error::write_file(self.path, e))
    }
}

impl Drop for Output<'_> {
    fn drop(&mut self) {
        // After a successful commit the part file is already gone.
        let _ = std::fs::remove_file(&self.part);
    }
}

pub fn read(
    conn: &ConnectArgs,
    format: Format,
    addr: u32,
    size: ReadSize,
    file: &Path,
) -> Result<()> {
    let out = Output::create(file)?;
    let mut s = connect(conn)?;
    let size = match size {
        ReadSize::Bytes(n) => n,
        ReadSize::ToEnd => match s.flash_size().checked_sub(addr).filter(|n| *n > 0) {
            Some(n) => n,
            None => {
                return Err(Error::BadInput(format!(
                    "0x{addr:X} is past the end of the {} flash: nothing to read",
                    espflow::numbers::human_size(s.flash_size().into())
                ))
                .into());
            }
        },
    };
    let data = s.read(addr, size, &mut *progress_naming(format, file))?;
    out.commit(&data)?;
    let unit = if size == 1 { "byte" } else { "bytes" };
    report_done(
        "read-flash",
        &format!("read {size} {unit} at 0x{addr:X} into {}", file.display()),
        serde_json::json!({ "addr": addr, "size": size, "file": file }),
    );
    finish(s, conn)
}

/// The ADDR FILE pairs of write-flash, every file read and every address parsed before
/// the chip is touched.
pub fn images_from_pairs(pairs: &[String]) -> Result<Vec<Image>, Error> {
    if !pairs.len().is_multiple_of(2) {
        return Err(Error::BadInput(format!(
            "write-flash takes ADDR FILE pairs; '{}' has no file",
            pairs.last().map_or("", String::as_str)
        )));
    }
    pairs
        .chunks(2)
        .map(|pair| {
            let addr = parse_u32(&pair[0]).map_err(Error::BadInput)?;
            Image::from_file(addr, Path::new(&pair[1]))
        })
        .collect()
}

/// The journal directory, when there is one to use.
pub fn journal() -> Option<Journal> {
    journal::default_dir().map(Journal::new)
}

pub fn erase_region(conn: &ConnectArgs, addr: u32, size: u32) -> Result<()> {
    let mut s = connect(conn)?;
    s.erase_region(addr, size)?;
    report_done(
        "erase-region",
        &format!("erased 0x{size:X} bytes at 0x{addr:X}"),
        serde_json::json!({ "addr": addr, "size": size }),
    );
    finish(s, conn)
}

pub fn erase_flash(conn: &ConnectArgs) -> Result<()> {
    let mut s = connect(conn)?;
    s.erase_flash()?;
    report_done(
        "erase-flash",
        "erased the whole flash",
        serde_json::json!({ "size": s.flash_size() }),
    );
    finish(s, conn)
}

pub fn checksum_md5(conn: &ConnectArgs, format: Format, addr: u32, size: u32) -> Result<()> {
    let mut s = connect(conn)?;
    let md5 = s.checksum_md5(addr, size)?;
    match format {
        Format::Json => json_line(&serde_json::json!({
            "event": "checksum",
            "addr": addr,
            "size": size,
            "md5": md5,
        })),
        Format::Text => outln!("{md5}"),
    }
    finish(s, conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_are_checked_before_anything_else() {
        let e = images_from_pairs(&["0x1000".into()]).unwrap_err();
        assert!(e.to_string().contains("has no file"), "{e}");
        let e = images_from_pairs(&["ten".into(), "Cargo.toml".into()]).unwrap_err();
        assert_eq!(e.code(), espflow::ErrorCode::BadInput);
        let e = images_from_pairs(&["0x1000".into(), "/nonexistent/x.bin".into()]).unwrap_err();
        assert!(e.to_string().contains("/nonexistent/x.bin"), "{e}");
    }
}
