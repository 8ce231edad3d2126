//! ESP-IDF build directories: `flasher_args.json` (what `idf.py flash` reads) and
//! `flash_args` (esptool's `@file` form): which file goes where, with which flash
//! settings, for which chip, and which files the chip is to encrypt as it writes them
//! (a build with flash encryption on marks them).

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{FlashFrequency, FlashMode, FlashSizeArg, ImageError};
use super::{parse_flash_freq, parse_flash_mode, parse_flash_size};
use crate::chip::Chip;
use crate::numbers::parse_u32;

/// One file of the build.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdfFile {
    /// Its flash address.
    pub addr: u32,
    /// The file, resolved against the build directory.
    pub path: PathBuf,
    /// Whether the build marks it to be written encrypted.
    pub encrypted: bool,
}

/// What a build directory says to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdfBuild {
    /// The files, in the order given.
    pub files: Vec<IdfFile>,
    /// `--flash_mode`, unless keep.
    pub mode: Option<FlashMode>,
    /// `--flash_freq`, unless keep.
    pub freq: Option<FlashFrequency>,
    /// `--flash_size`.
    pub size: FlashSizeArg,
    /// The chip the build is for, when it says.
    pub chip: Option<Chip>,
}

fn bad(what: &Path, msg: impl std::fmt::Display) -> ImageError {
    ImageError::Idf(format!("{}: {msg}", what.display()))
}

/// The chip an ESP-IDF target name (`esp32c3`) means.
pub fn chip_from_target(name: &str) -> Option<Chip> {
    let n = name.trim().to_ascii_lowercase().replace(['-', '_'], "");
    Chip::ALL
        .into_iter()
        .find(|c| c.name().to_ascii_lowercase().replace('-', "") == n)
}

impl IdfBuild {
    /// Reads a build directory: its `flasher_args.json`, or else its `flash_args`.
    pub fn from_dir(dir: &Path) -> Result<IdfBuild, ImageError> {
        let json = dir.join("flasher_args.json");
        if json.is_file() {
            return IdfBuild::from_flasher_args_json(&json);
        }
        let args = dir.join("flash_args");
        if args.is_file() {
            return IdfBuild::from_flash_args(&args);
        }
        Err(bad(
            dir,
            "no flasher_args.json or flash_args here: is this an ESP-IDF build directory (run `idf.py build` first)?",
        ))
    }

    /// Reads `flasher_args.json`; file paths are relative to its directory.
    pub fn from_flasher_args_json(path: &Path) -> Result<IdfBuild, ImageError> {
        let text =
            crate::input::read_bounded(path, crate::input::MAX_TABLE_FILE, "flasher_args.json")
                .map_err(|e| ImageError::Idf(e.to_string()))?;
        let v: Value = serde_json::from_slice(&text).map_err(|e| bad(path, e))?;
        let dir = path.parent().unwrap_or(Path::new("."));
        let mut build = IdfBuild {
            files: Vec::new(),
            mode: None,
            freq: None,
            size: FlashSizeArg::Keep,
            chip: None,
        };
        let settings = v.get("flash_settings");
        let setting = |key: &str| settings.and_then(|s| s.get(key)).and_then(Value::as_str);
        if let Some(m) = setting("flash_mode") {
            build.mode = parse_flash_mode(m).map_err(|e| bad(path, e))?;
        }
        if let Some(f) = setting("flash_freq") {
            build.freq = parse_flash_freq(f).map_err(|e| bad(path, e))?;
        }
        if let Some(s) = setting("flash_size") {
            build.size = parse_flash_size(s).map_err(|e| bad(path, e))?;
        }
        if let Some(c) = v
            .pointer("/extra_esptool_args/chip")
            .and_then(Value::as_str)
        {
            build.chip =
                Some(chip_from_target(c).ok_or_else(|| bad(path, format!("unknown chip '{c}'")))?);
        }
        let args: Vec<&str> = v
            .get("write_flash_args")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let all_encrypted = args.contains(&"--encrypt");
        // Each named part ("bootloader", "app", ...) says whether it is encrypted.
        let mut encrypted_files = Vec::new();
        if let Some(obj) = v.as_object() {
            for part in obj.values() {
                let enc = part.get("encrypted").and_then(|e| {
                    e.as_bool()
                        .or_else(|| e.as_str().map(|s| s.eq_ignore_ascii_case("true")))
                });
                if let (Some(true), Some(file)) = (enc, part.get("file").and_then(Value::as_str)) {
                    encrypted_files.push(file.to_string());
                }
            }
        }
        let files = v
            .get("flash_files")
            .and_then(Value::as_object)
            .ok_or_else(|| bad(path, "no flash_files object"))?;
        for (addr, file) in files {
            let addr = parse_u32(addr).map_err(|e| bad(path, e))?;
            let file = file
                .as_str()
                .ok_or_else(|| bad(path, format!("the file for 0x{addr:X} is not a string")))?;
            build.files.push(IdfFile {
                addr,
                path: dir.join(file),
                encrypted: all_encrypted || encrypted_files.iter().any(|f| f == file),
            });
        }
        if build.files.is_empty() {
            return Err(bad(path, "flash_files names no file"));
        }
        build.files.sort_by_key(|f| f.addr);
        Ok(build)
    }

    /// Reads an esptool arguments file (`flash_args`): options, then ADDR FILE pairs,
    /// whitespace-separated over any number of lines; paths are relative to its directory.
    pub fn from_flash_args(path: &Path) -> Result<IdfBuild, ImageError> {
        let text =
            crate::input::read_bounded(path, crate::input::MAX_TABLE_FILE, "an arguments file")
                .map_err(|e| ImageError::Idf(e.to_string()))?;
        let text = String::from_utf8(text).map_err(|_| bad(path, "not UTF-8 text"))?;
        let dir = path.parent().unwrap_or(Path::new("."));
        let mut build = IdfBuild {
            files: Vec::new(),
            mode: None,
            freq: None,
            size: FlashSizeArg::Keep,
            chip: None,
        };
        let (mut encrypt_all, mut encrypt_next) = (false, false);
        let mut words = text.split_whitespace();
        while let Some(w) = words.next() {
            if let Some(opt) = w.strip_prefix("--") {
                let opt = opt.replace('_', "-");
                let (name, inline) = match opt.split_once('=') {
                    Some((n, v)) => (n.to_string(), Some(v.to_string())),
                    None => (opt, None),
                };
                // esptool's forms: --encrypt for every file, --encrypt-files before the
                // pairs that are encrypted.
                match name.as_str() {
                    "encrypt" => {
                        encrypt_all = true;
                        continue;
                    }
                    "encrypt-files" => {
                        encrypt_next = true;
                        continue;
                    }
                    _ => {}
                }
                let mut value = || {
                    inline
                        .clone()
                        .or_else(|| words.next().map(str::to_string))
                        .ok_or_else(|| bad(path, format!("--{name} has no value")))
                };
                match name.as_str() {
                    "flash-mode" => {
                        build.mode = parse_flash_mode(&value()?).map_err(|e| bad(path, e))?
                    }
                    "flash-freq" => {
                        build.freq = parse_flash_freq(&value()?).map_err(|e| bad(path, e))?
                    }
                    "flash-size" => {
                        build.size = parse_flash_size(&value()?).map_err(|e| bad(path, e))?
                    }
                    _ => {
                        return Err(bad(
                            path,
                            format!("--{name} is not an option espflow takes here"),
                        ));
                    }
                }
                continue;
            }
            let addr = parse_u32(w).map_err(|e| bad(path, e))?;
            let file = words
                .next()
                .ok_or_else(|| bad(path, format!("0x{addr:X} has no file")))?;
            build.files.push(IdfFile {
                addr,
                path: dir.join(file),
                encrypted: encrypt_next,
            });
        }
        if build.files.is_empty() {
            return Err(bad(path, "names no ADDR FILE pair"));
        }
        if encrypt_all {
            build.files.iter_mut().for_each(|f| f.encrypted = true);
        }
        Ok(build)
    }
}
