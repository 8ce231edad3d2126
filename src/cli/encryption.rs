//! `encrypt-image` and `decrypt-image`: flash encryption on the host, for devices whose flash
//! encryption is on. The options mean what espsecure's `encrypt-flash-data` and
//! `decrypt-flash-data` options mean (`--keyfile`, `--address`, `--flash-crypt-conf`,
//! `--aes-xts`, `--output` are accepted under those names), except that `--chip` decides the
//! scheme and which keys fit. Files only: no port is opened.

use std::ffi::OsStr;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::ValueEnum;
use clap::builder::{PossibleValue, TypedValueParser};
use espflow::Error;
use espflow::chip::Chip;
use espflow::encryption::{Direction, FlashEncryption, Scheme, flash_crypt_conf_for};
use espflow::error::ResultExt;
use espflow::input::{read_image, read_regular};

use super::args::{Format, num};
use super::flash::Output;
use super::offline::{NoConnection, NoPortFilter};

/// No key file is larger; a longer file is refused before it is read whole.
const MAX_KEY_FILE: u64 = 4096;

/// `encrypt-image` and `decrypt-image` options.
#[derive(clap::Args, Debug)]
#[command(group(clap::ArgGroup::new("out").required(true).args(["output", "output_file"])))]
pub struct EncryptionArgs {
    /// The chip whose flash the data is for: esp32 uses AES-256 with a key tweaked per
    /// 32-byte block, every other chip XTS-AES
    #[arg(short, long, value_name = "CHIP", value_parser = ChipName)]
    pub chip: Option<Chip>,
    /// Flash encryption key file: 32 bytes (XTS-AES-128, or AES-256 on esp32), 64 bytes
    /// (XTS-AES-256 on esp32s2, esp32s3, esp32p4), 16 bytes (esp32c2's key extended with
    /// SHA-256) or 24 bytes (esp32 with the 3/4 coding scheme)
    #[arg(short, long, visible_alias = "keyfile", value_name = "KEY")]
    pub key: PathBuf,
    /// Flash address of the data: where it is to be written, or where it was read from (a
    /// multiple of 16; of 32 on esp32)
    #[arg(short, long, value_name = "ADDR", value_parser = num)]
    pub address: u32,
    /// The ESP32's FLASH_CRYPT_CONF eFuse (0 to 0xF); esp32 only [default: 0xF]
    #[arg(long, value_name = "N", value_parser = num)]
    pub flash_crypt_conf: Option<u32>,
    /// Use AES-XTS, as espsecure asks to be told; every chip but esp32 does anyway, and
    /// esp32 refuses it
    #[arg(short = 'x', long)]
    pub aes_xts: bool,
    /// The data (a whole number of 16-byte blocks, 32-byte blocks on esp32)
    #[arg(value_name = "IN")]
    pub input: PathBuf,
    /// Where the result goes (replaced only once it is complete)
    #[arg(value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// OUT given as an option, as espsecure takes it
    #[arg(
        short = 'o',
        long = "output",
        value_name = "OUT",
        hide_short_help = true
    )]
    pub output_file: Option<PathBuf>,
    #[command(flatten)]
    no_connection: NoConnection,
    #[command(flatten)]
    no_port_filter: NoPortFilter,
}

/// `--chip` takes any word, so that one the library does not know is refused in one line
/// by [`chip`] rather than by clap's multi-line usage error; the chips are still offered to
/// help and completion scripts.
#[derive(Clone)]
struct ChipName;

impl TypedValueParser for ChipName {
    type Value = Chip;

    fn parse_ref(
        &self,
        _cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<Chip, clap::Error> {
        chip(&value.to_string_lossy())
            .map_err(|e| clap::Error::raw(clap::error::ErrorKind::InvalidValue, format!("{e}\n")))
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            Chip::value_variants()
                .iter()
                .filter_map(ValueEnum::to_possible_value),
        ))
    }
}

fn chip(name: &str) -> Result<Chip, Error> {
    Chip::from_str(name, true).map_err(|_| {
        let known: Vec<String> = Chip::value_variants()
            .iter()
            .filter_map(|c| c.to_possible_value().map(|v| v.get_name().to_owned()))
            .collect();
        Error::BadInput(format!(
            "unknown chip '{name}': flash encryption is known for {}",
            known.join(", ")
        ))
    })
}

/// True when `a` and `b` name one existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

/// `encrypt-image`.
pub fn encrypt(args: &EncryptionArgs, format: Format) -> Result<()> {
    run(args, format, Direction::Encrypt)
}

/// `decrypt-image`.
pub fn decrypt(args: &EncryptionArgs, format: Format) -> Result<()> {
    run(args, format, Direction::Decrypt)
}

/// Either command. Everything that can be checked is checked before the data is read, and
/// the output is created (as a part file) before the work.
fn run(args: &EncryptionArgs, format: Format, direction: Direction) -> Result<()> {
    // The same id as the global `--chip`, so either place on the command line counts.
    let chip = args.chip.ok_or_else(|| {
        Error::BadInput(
            "no chip given: use --chip CHIP; the chip decides how its flash is encrypted".into(),
        )
    })?;
    let scheme = Scheme::for_chip(chip);
    if args.aes_xts && scheme == Scheme::Esp32 {
        return Err(Error::BadInput(
            "--aes-xts does not apply to the ESP32, which encrypts flash with AES-256 and a key \
             tweaked per 32-byte block; leave it out"
                .into(),
        )
        .into());
    }
    scheme.check_address(args.address).map_err(Error::from)?;
    let conf = flash_crypt_conf_for(chip, args.flash_crypt_conf)
        .context_with(|| "--flash-crypt-conf".into())?;
    if scheme == Scheme::Esp32 && conf == 0 {
        errln!(
            "warning: FLASH_CRYPT_CONF 0 tweaks no key bits, so every block is encrypted with \
             the same key (not recommended)"
        );
    }
    let output = args
        .output
        .as_deref()
        .or(args.output_file.as_deref())
        .expect("clap requires OUT");
    for (what, path) in [("the input", &args.input), ("the key file", &args.key)] {
        if same_file(output, path) {
            return Err(Error::BadInput(format!(
                "{} is {what}; write the result to another file",
                output.display()
            ))
            .into());
        }
    }
    let out = Output::create(output)?;

    let key = &args.key;
    let key_bytes = read_regular(key, MAX_KEY_FILE, "a key file")?;
    let fe = FlashEncryption::new(chip, &key_bytes, args.flash_crypt_conf)
        .context_with(|| format!("key file {}", key.display()))?;

    let mut data = read_image(&args.input)?;
    fe.apply(args.address, &mut data, direction)
        .context_with(|| args.input.display().to_string())?;
    out.commit(&data)?;
    if format == Format::Text {
        errln!(
            "{} {} bytes of {} at 0x{:X} for the {} ({}) into {}",
            match direction {
                Direction::Encrypt => "encrypted",
                Direction::Decrypt => "decrypted",
            },
            data.len(),
            args.input.display(),
            args.address,
            chip,
            fe.algorithm(),
            output.display()
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chips_are_known_by_their_command_line_names_in_any_case() {
        assert_eq!(chip("esp32c3").unwrap(), Chip::Esp32c3);
        assert_eq!(chip("ESP32").unwrap(), Chip::Esp32);
        let e = chip("esp8266").unwrap_err();
        assert_eq!(e.code(), espflow::ErrorCode::BadInput);
        assert!(
            e.to_string().starts_with(
                "unknown chip 'esp8266': flash encryption is known for esp32, esp32s2"
            ),
            "{e}"
        );
    }
}
