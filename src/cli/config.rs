//! Connection settings from configuration files, below flags and environment variables:
//! a flag wins over `ESPFLOW_*`, which wins over `espflow.toml` in the current directory
//! or the nearest parent that has one, which wins over the user's
//! `$XDG_CONFIG_HOME/espflow/espflow.toml` (`~/.config/espflow/espflow.toml`).
//!
//! A file holds any of `port`, `baud`, `chip`, `before`, `after`, `connect-attempts`,
//! and for `write-flash` and `flash` `flash-mode`, `flash-freq` and `flash-size`, spelled
//! and valued as the flags are. An unknown key or a bad value is an error naming
//! the file, so that a typo never silently leaves a setting at its default. A
//! `[board."SERIAL-OR-PORT"]` section holds the same settings but `port`, for the board
//! with that USB serial number or port name only (a many-boards run applies each board's
//! own).
//! `ESPFLOW_NO_CONFIG=1` reads no file (for scripts and tests that must not depend on
//! where they run).

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::parser::ValueSource;
use clap::{ArgMatches, ValueEnum};
use espflow::Error;
use espflow::chip::Chip;
use espflow::loader::{After, Before};

use super::args::{BaudArg, ConnectArgs, Format, baud_arg};

/// The settings a file may hold: clap's argument id, and the flag's name.
const KEYS: [(&str, &str); 9] = [
    ("port", "port"),
    ("baud", "baud"),
    ("chip", "chip"),
    ("before", "before"),
    ("after", "after"),
    ("connect_attempts", "connect-attempts"),
    ("flash_mode", "flash-mode"),
    ("flash_freq", "flash-freq"),
    ("flash_size", "flash-size"),
];

/// The bootloader header settings a file gives, as written there (checked when read);
/// [`fill_flash`] hands them to `write-flash` and `flash` where no flag gave them.
#[derive(Clone, Debug, Default)]
pub struct FlashKeys {
    mode: Option<String>,
    freq: Option<String>,
    size: Option<String>,
}

/// What [`apply`] found: where each setting came from, and the flash settings.
pub struct Applied {
    pub origins: Origins,
    pub flash: FlashKeys,
}

/// The name of a project's configuration file.
pub const FILE_NAME: &str = "espflow.toml";

/// Where one setting's value came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A flag on the command line.
    Flag,
    /// An environment variable.
    Env(&'static str),
    /// A configuration file.
    File(PathBuf),
    /// A `[board.KEY]` section of a configuration file.
    Board(PathBuf, String),
    /// The built-in default (or unset).
    Default,
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Flag => f.write_str("flag"),
            Source::Env(v) => write!(f, "environment {v}"),
            Source::File(p) => write!(f, "file {}", p.display()),
            Source::Board(p, key) => write!(f, "file {} [board.{key}]", p.display()),
            Source::Default => f.write_str("default"),
        }
    }
}

/// Every setting with its source, after [`apply`].
pub type Origins = Vec<(&'static str, Source)>;

/// The configuration files that apply from `cwd`, the project's first, then the user's.
pub fn files(cwd: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    if std::env::var_os("ESPFLOW_NO_CONFIG").is_some_and(|v| !v.is_empty()) {
        return found;
    }
    if let Some(local) = cwd
        .ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|p| p.is_file())
    {
        found.push(local);
    }
    let user = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| dirs::home_dir().map(|h| h.join(".config")));
    if let Some(user) = user.map(|d| d.join("espflow").join(FILE_NAME))
        && user.is_file()
        && !found.contains(&user)
    {
        found.push(user);
    }
    found
}

/// One file's settings: its top-level ones and its `[board.KEY]` sections, every key
/// checked.
struct FileSettings {
    path: PathBuf,
    top: toml::Table,
    boards: Vec<(String, toml::Table)>,
}

fn read(file: &Path) -> Result<FileSettings> {
    let text = std::fs::read_to_string(file).map_err(|cause| Error::File {
        action: "read",
        path: file.display().to_string(),
        cause,
    })?;
    let mut top: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        bad(file, e.message().replace('\n', " ").trim().to_string())
    })?;
    let known = |table: &toml::Table, within: &str, allowed: &[&str]| -> Result<(), Error> {
        match table.keys().find(|k| !allowed.contains(&k.as_str())) {
            Some(key) => Err(bad(
                file,
                format!(
                    "unknown setting '{within}{key}' (known: {})",
                    allowed.join(", ")
                ),
            )),
            None => Ok(()),
        }
    };
    let mut names: Vec<&str> = KEYS.iter().map(|(_, n)| *n).collect();
    names.push("board");
    known(&top, "", &names)?;
    names.retain(|n| *n != "board" && *n != "port");
    let mut boards = Vec::new();
    if let Some(value) = top.remove("board") {
        let not_table = |what: &str| {
            bad(
                file,
                format!("{what} must be a table, [board.\"SERIAL-OR-PORT\"]"),
            )
        };
        let toml::Value::Table(sections) = value else {
            return Err(not_table("board").into());
        };
        for (key, section) in sections {
            let toml::Value::Table(section) = section else {
                return Err(not_table(&format!("board.{key}")).into());
            };
            known(&section, &format!("board.{key}."), &names)?;
            boards.push((key, section));
        }
    }
    Ok(FileSettings {
        path: file.to_path_buf(),
        top,
        boards,
    })
}

/// Fills the connection settings that neither a flag nor the environment gave from the
/// configuration files, and says where each value came from. Within a file a
/// `[board.KEY]` section whose KEY is the port's name or its USB serial number comes
/// before the file's top-level settings; the project's file comes before the user's.
pub fn apply(conn: &mut ConnectArgs, matches: &ArgMatches, cwd: &Path) -> Result<Applied> {
    let mut flash = FlashKeys::default();
    let mut origins: Origins = KEYS
        .iter()
        .map(|&(id, _)| (id, given(matches, id)))
        .collect();
    // A board's own thread in a many-boards run has its port set from --ports-from or
    // --all: that is as good as a flag.
    if !conn.port.is_empty()
        && let Some(slot) = origins
            .iter_mut()
            .find(|(id, s)| *id == "port" && *s == Source::Default)
    {
        slot.1 = Source::Flag;
    }
    let files: Vec<FileSettings> = files(cwd).iter().map(|f| read(f)).collect::<Result<_>>()?;
    // The port first: it picks the board sections.
    for f in &files {
        if let Some(value) = f.top.get("port") {
            fill(
                conn,
                &mut flash,
                &mut origins,
                "port",
                value,
                || Source::File(f.path.clone()),
                &f.path,
            )?;
        }
    }
    let port = conn.single_port().map(str::to_owned);
    let mut serial: Option<Option<String>> = None;
    for f in &files {
        if let Some(port) = &port {
            for (key, section) in &f.boards {
                if key != port
                    && *serial.get_or_insert_with(|| usb_serial(port)) != Some(key.clone())
                {
                    continue;
                }
                for (name, value) in section {
                    let source = || Source::Board(f.path.clone(), key.clone());
                    fill(conn, &mut flash, &mut origins, name, value, source, &f.path)?;
                }
            }
        }
        for (name, value) in &f.top {
            if name != "port" {
                fill(
                    conn,
                    &mut flash,
                    &mut origins,
                    name,
                    value,
                    || Source::File(f.path.clone()),
                    &f.path,
                )?;
            }
        }
    }
    Ok(Applied { origins, flash })
}

/// Sets the setting `name` from `value` unless something earlier set it.
fn fill(
    conn: &mut ConnectArgs,
    flash: &mut FlashKeys,
    origins: &mut Origins,
    name: &str,
    value: &toml::Value,
    source: impl FnOnce() -> Source,
    file: &Path,
) -> Result<(), Error> {
    let &(id, _) = KEYS
        .iter()
        .find(|(_, n)| *n == name)
        .expect("keys are checked when read");
    let slot = origins
        .iter_mut()
        .find(|(i, _)| *i == id)
        .expect("every key has an origin");
    if slot.1 != Source::Default {
        return Ok(());
    }
    set(conn, flash, id, value).map_err(|why| bad(file, format!("{name}: {why}")))?;
    slot.1 = source();
    Ok(())
}

/// The USB serial number of the attached port named `port`, if it has one.
fn usb_serial(port: &str) -> Option<String> {
    espflow::port::discover::list()
        .into_iter()
        .find(|p| p.name == port)
        .and_then(|p| p.usb)
        .and_then(|u| u.serial)
}

fn bad(file: &Path, why: String) -> Error {
    Error::BadInput(format!("{}: {why}", file.display()))
}

/// Whether the command line or the environment set `id`.
fn given(matches: &ArgMatches, id: &str) -> Source {
    // Global options given after the command are recorded in its matches.
    let mut m = Some(matches);
    let mut source = None;
    while let Some(here) = m {
        // The flash settings are arguments of write-flash and flash only.
        let known = here.try_contains_id(id).is_ok();
        if let Some(s) = known
            .then(|| here.value_source(id))
            .flatten()
            .filter(|s| *s != ValueSource::DefaultValue)
        {
            source = Some(s);
        }
        m = here.subcommand().map(|(_, sub)| sub);
    }
    match source {
        Some(ValueSource::CommandLine) => Source::Flag,
        Some(ValueSource::EnvVariable) => Source::Env(env_name(id)),
        _ => Source::Default,
    }
}

/// Gives `write-flash` and `flash` the flash settings of the files where no flag did.
pub fn fill_flash(command: &mut super::Commands, keys: &FlashKeys) -> Result<(), Error> {
    use super::Commands;
    use super::image::{freq_arg, mode_arg, size_arg};
    let params = match command {
        Commands::WriteFlash(a) => &mut a.params,
        Commands::Flash(a) => &mut a.params,
        _ => return Ok(()),
    };
    // Checked when read, so these parse.
    let bad = Error::BadInput;
    if let (None, Some(m)) = (&params.flash_mode, &keys.mode) {
        params.flash_mode = Some(mode_arg(m).map_err(bad)?);
    }
    if let (None, Some(f)) = (&params.flash_freq, &keys.freq) {
        params.flash_freq = Some(freq_arg(f).map_err(bad)?);
    }
    if let (None, Some(z)) = (&params.flash_size, &keys.size) {
        params.flash_size = Some(size_arg(z).map_err(bad)?);
    }
    Ok(())
}

fn env_name(id: &str) -> &'static str {
    match id {
        "port" => "ESPFLOW_PORT",
        "baud" => "ESPFLOW_BAUD",
        "chip" => "ESPFLOW_CHIP",
        "before" => "ESPFLOW_BEFORE",
        "after" => "ESPFLOW_AFTER",
        _ => "ESPFLOW_CONNECT_ATTEMPTS",
    }
}

fn set(
    conn: &mut ConnectArgs,
    flash: &mut FlashKeys,
    id: &str,
    value: &toml::Value,
) -> Result<(), String> {
    let text = || {
        value
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("expected a string, found {}", value.type_str()))
    };
    let number = || match value {
        toml::Value::Integer(n) => Ok(n.to_string()),
        toml::Value::String(s) => Ok(s.clone()),
        other => Err(format!("expected a number, found {}", other.type_str())),
    };
    match id {
        "port" => conn.port = vec![text()?],
        "baud" => conn.baud = baud_arg(&number()?)?,
        "chip" => conn.chip = Some(Chip::from_str(&text()?, true)?),
        "before" => conn.before = Some(Before::from_str(&text()?, true)?),
        "after" => conn.after = After::from_str(&text()?, true)?,
        "flash_mode" => {
            let t = text()?;
            espflow::image::parse_flash_mode(&t)?;
            flash.mode = Some(t);
        }
        "flash_freq" => {
            let t = text()?;
            espflow::image::parse_flash_freq(&t)?;
            flash.freq = Some(t);
        }
        "flash_size" => {
            let t = text()?;
            espflow::image::parse_flash_size(&t)?;
            flash.size = Some(t);
        }
        _ => {
            let n = number()?;
            conn.connect_attempts = n
                .parse()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| format!("'{n}' is not a positive number"))?
        }
    }
    Ok(())
}

/// `config show`: each setting, its value and where it came from.
pub fn show(conn: &ConnectArgs, applied: &Applied, format: Format) -> Result<()> {
    let origins = &applied.origins;
    let flash = &applied.flash;
    let value = |id: &str| -> serde_json::Value {
        let name = |v: Option<clap::builder::PossibleValue>| {
            v.map_or(serde_json::Value::Null, |p| p.get_name().into())
        };
        match id {
            "port" => conn.single_port().into(),
            "baud" => match conn.baud {
                BaudArg::Rate(n) => n.into(),
                BaudArg::Auto => "auto".into(),
            },
            "chip" => name(conn.chip.and_then(|c| c.to_possible_value())),
            "before" => name(conn.before.and_then(|b| b.to_possible_value())),
            "after" => name(conn.after.to_possible_value()),
            "flash_mode" => flash.mode.clone().into(),
            "flash_freq" => flash.freq.clone().into(),
            "flash_size" => flash.size.clone().into(),
            _ => conn.connect_attempts.into(),
        }
    };
    for (id, source) in origins {
        let key = KEYS.iter().find(|(i, _)| i == id).map_or(*id, |(_, n)| n);
        let v = value(id);
        match format {
            Format::Json => super::output::json_line(&serde_json::json!({
                "event": "setting",
                "key": key,
                "value": v,
                "source": source.to_string(),
            })),
            Format::Text => {
                let shown = match &v {
                    serde_json::Value::Null => "(unset)".to_string(),
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                outln!("{key:<17} {shown:<24} {source}");
            }
        }
    }
    Ok(())
}
