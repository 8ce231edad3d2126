//! Options shared by several commands: how to reach the chip, how to show results, how a
//! write behaves, where a partition table comes from. Each command family's own options
//! live beside its handler; the commands themselves are listed in the parent module.

use std::path::PathBuf;

use clap::Args;
use espflow::chip::Chip;
use espflow::loader::{After, Before};
use espflow::numbers::parse_u32;
use espflow::port::discover::PortFilter;
use espflow::session::{StubPolicy, TableSource as TableSourceData, check_baud};
use espflow::write::WriteOptions;

/// How to reach the chip; shared by every command that talks to one.
#[derive(Args, Debug, Clone)]
#[command(next_help_heading = "Connection")]
pub struct ConnectArgs {
    /// Serial device, socket://HOST:PORT, or virtual:IMAGE; given more than once,
    /// write-flash, flash, erase-* and ota write run on every board at once
    #[arg(short, long, global = true, env = "ESPFLOW_PORT")]
    pub port: Vec<String>,
    /// Also use the ports listed in FILE, one a line (`#` starts a comment)
    #[arg(long, global = true, value_name = "FILE")]
    pub ports_from: Option<PathBuf>,
    /// Use every attached known board (or every port passing --port-filter)
    #[arg(long, global = true)]
    pub all: bool,
    /// Expected chip; connecting to another one is an error
    #[arg(short, long, global = true, value_enum, env = "ESPFLOW_CHIP")]
    pub chip: Option<Chip>,
    /// Baud rate to switch to after connecting (9600 to 5000000), or auto: from 460800 up
    /// to the fastest rate the line sustains once espflow's stub runs
    #[arg(short, long, global = true, default_value_t = BaudArg::Rate(460_800), value_parser = baud_arg, env = "ESPFLOW_BAUD")]
    pub baud: BaudArg,
    /// How to get the chip into its loader [default: default-reset, no-reset on socket:// and virtual:]
    #[arg(long, global = true, value_enum, env = "ESPFLOW_BEFORE")]
    pub before: Option<Before>,
    /// What to do with the chip when done
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "hard-reset",
        env = "ESPFLOW_AFTER"
    )]
    pub after: After,
    /// Use the ROM loader only, without uploading a stub
    #[arg(long, global = true)]
    pub no_stub: bool,
    /// Use espflow's stub on chips where it has not yet been verified (ESP32-C2, C5, C6,
    /// H2); without this they use the ROM loader
    #[arg(long, global = true, conflicts_with = "no_stub")]
    pub experimental_stub: bool,
    /// Go ahead with what is refused as unsafe (a plaintext write to a chip with flash
    /// encryption on, erasing or overwriting the bootloader and partition table of a
    /// secure-boot chip, a file that is not an app image for the chip into an app
    /// partition), with a warning
    #[arg(long, global = true)]
    pub force: bool,
    /// Connection attempts before giving up
    #[arg(
        long,
        global = true,
        default_value_t = 7,
        env = "ESPFLOW_CONNECT_ATTEMPTS"
    )]
    pub connect_attempts: usize,
    /// Without --port: use the attached port with this USB VID:PID (303a:1001) or serial
    /// number (may be given more than once)
    #[arg(long, global = true, value_name = "VID:PID|SERIAL", value_parser = PortFilter::parse)]
    pub port_filter: Vec<PortFilter>,
    /// Never ask which port to use: with several boards attached and no --port, fail
    #[arg(long, global = true)]
    pub non_interactive: bool,
}

/// How results and progress are shown.
#[derive(Args, Debug, Clone)]
#[command(next_help_heading = "Output")]
pub struct OutputArgs {
    /// How to report progress and results: text on the terminal, or JSON lines on stdout
    #[arg(long, global = true, value_enum, default_value = "text")]
    pub format: Format,
    /// Show no progress: only results and errors
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Show more: each stage's time
    #[arg(short, long, global = true)]
    pub verbose: bool,
}

impl ConnectArgs {
    /// The one port given, if any (several go through the many-boards path first).
    pub fn single_port(&self) -> Option<&str> {
        self.port.first().map(String::as_str)
    }

    /// When to use espflow's stub, from the two flags.
    pub fn stub_policy(&self) -> StubPolicy {
        match (self.no_stub, self.experimental_stub) {
            (true, _) => StubPolicy::Never,
            (false, true) => StubPolicy::Experimental,
            (false, false) => StubPolicy::Verified,
        }
    }
}

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Sentences and a progress bar (plain lines when stderr is not a terminal).
    Text,
    /// JSON lines on stdout.
    Json,
}

/// How much `read-flash` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadSize {
    /// This many bytes.
    Bytes(u32),
    /// From the address to the end of the flash.
    ToEnd,
}

/// A read size: a number as [`num`] takes it, or `all`.
pub fn size_or_all(s: &str) -> Result<ReadSize, String> {
    if s.trim().eq_ignore_ascii_case("all") {
        Ok(ReadSize::ToEnd)
    } else {
        parse_u32(s).map(ReadSize::Bytes)
    }
}

/// `--baud`: a rate, or `auto`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BaudArg {
    /// Exactly this rate.
    Rate(u32),
    /// The fastest rate the line sustains, from [`AUTO_FLOOR`] up.
    Auto,
}

/// Where `--baud auto` starts: the default rate, which every bridge espflow has met runs.
pub const AUTO_FLOOR: u32 = 460_800;

impl BaudArg {
    /// The rate to switch to first: the rate itself, or where `auto` starts.
    pub fn rate(self) -> u32 {
        match self {
            BaudArg::Rate(n) => n,
            BaudArg::Auto => AUTO_FLOOR,
        }
    }

    /// Whether it is `auto`.
    pub fn is_auto(self) -> bool {
        self == BaudArg::Auto
    }
}

impl std::fmt::Display for BaudArg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BaudArg::Rate(n) => write!(f, "{n}"),
            BaudArg::Auto => f.write_str("auto"),
        }
    }
}

/// A `--baud` value: `auto`, or a rate as [`baud`] takes it.
pub fn baud_arg(s: &str) -> Result<BaudArg, String> {
    if s.trim().eq_ignore_ascii_case("auto") {
        return Ok(BaudArg::Auto);
    }
    baud(s)
        .map(BaudArg::Rate)
        .map_err(|e| format!("{e}, or auto"))
}

/// A `--baud` value: a number within the rates the library accepts, so that a typo is
/// caught before the port is opened.
pub fn baud(s: &str) -> Result<u32, String> {
    let n: u64 = s
        .trim()
        .parse()
        .map_err(|_| format!("'{s}' is not a baud rate (a whole number, such as 921600)"))?;
    check_baud(n).map_err(|e| e.to_string())?;
    Ok(n as u32)
}

/// An address or size argument.
pub fn num(s: &str) -> Result<u32, String> {
    parse_u32(s)
}

/// How a write behaves; shared by every command that writes flash.
#[derive(Args, Debug, Clone)]
pub struct WriteFlags {
    /// Skip the MD5 comparison after writing
    #[arg(long)]
    pub no_verify: bool,
    /// Send data uncompressed
    #[arg(long)]
    pub no_compress: bool,
    /// Write every sector, even those that already hold the image
    #[arg(long)]
    pub no_skip: bool,
    /// Resume an interrupted write of the same image (the default when a journal matches)
    #[arg(long, overrides_with = "no_resume")]
    pub resume: bool,
    /// Ignore and discard the journal of an interrupted write; every sector is still
    /// compared with the image
    #[arg(long)]
    pub no_resume: bool,
}

impl WriteFlags {
    /// The write options these flags describe.
    pub fn options(&self) -> WriteOptions {
        WriteOptions {
            verify: !self.no_verify,
            compress: !self.no_compress,
            skip_unchanged: !self.no_skip,
            resume: !self.no_resume,
        }
    }
}

/// `write-flash` options.
#[derive(Args, Debug)]
pub struct WriteFlashArgs {
    #[command(flatten)]
    pub flags: WriteFlags,
    #[command(flatten)]
    pub params: super::image::FlashParamArgs,
    /// ADDR FILE pairs, or @FILE: an esptool arguments file such as ESP-IDF's flash_args
    #[arg(
        required_unless_present = "encrypt_files",
        num_args = 1..,
        value_names = ["ADDR", "FILE"]
    )]
    pub images: Vec<String>,
    #[command(flatten)]
    pub encryption: EncryptArgs,
    /// Then start the application and show its serial output (as `espflow monitor`)
    #[arg(long)]
    pub monitor: bool,
    #[command(flatten)]
    pub monitor_options: super::monitor::MonitorOptions,
}

/// How `write-flash` has the chip encrypt what it writes.
#[derive(Args, Debug, Default)]
pub struct EncryptArgs {
    /// Have the chip encrypt every file with its flash-encryption key as it writes it
    #[arg(long)]
    pub encrypt: bool,
    /// ADDR FILE pairs the chip encrypts as it writes them (the other files go as they are)
    #[arg(long, num_args = 2.., value_names = ["ADDR", "FILE"])]
    pub encrypt_files: Vec<String>,
    /// The chip's flash-encryption key file (as espsecure reads it): sectors already
    /// holding the ciphertext are skipped, and the write is verified against it. Without
    /// it an encrypted write is neither compared nor verified
    #[arg(long, value_name = "KEY")]
    pub encrypt_key: Option<PathBuf>,
}

/// The contents of an `--encrypt-key` file, if one was named.
pub fn read_key_file(path: Option<&std::path::Path>) -> Result<Option<Vec<u8>>, espflow::Error> {
    path.map(|p| {
        std::fs::read(p).map_err(|e| {
            espflow::Error::BadInput(format!("cannot read the key file {}: {e}", p.display()))
        })
    })
    .transpose()
}

/// Gives `s` the flash-encryption key in the file at `path`, if one was named.
pub fn apply_key_file(
    s: &mut espflow::session::Session,
    path: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    if let Some(key) = read_key_file(path)? {
        s.set_flash_key(&key, None)?;
    }
    Ok(())
}

/// Where the partition table comes from for commands that work by partition name.
#[derive(Args, Debug, Clone)]
pub struct TableSource {
    /// Use this table (CSV or binary) instead of the one on the device
    #[arg(long, value_name = "FILE")]
    pub partition_table: Option<PathBuf>,
    /// Flash address of the table on the device
    #[arg(long, value_name = "OFF", value_parser = num, default_value = "0x8000")]
    pub table_offset: u32,
    /// The chip's flash-encryption key file (as espsecure reads it), for a chip whose
    /// flash encryption is on: the table and otadata are read through it, and what is
    /// written encrypted is compared and verified against its ciphertext
    #[arg(long, value_name = "KEY")]
    pub encrypt_key: Option<PathBuf>,
}

impl TableSource {
    /// Gives the session the key of `--encrypt-key`, if any.
    pub fn apply_key(&self, s: &mut espflow::session::Session) -> anyhow::Result<()> {
        apply_key_file(s, self.encrypt_key.as_deref())
    }

    /// The library's description of the same choice.
    pub fn data(&self) -> TableSourceData {
        TableSourceData {
            file: self.partition_table.clone(),
            offset: self.table_offset,
        }
    }
}

impl OutputArgs {
    /// What `-q` and `-v` ask for.
    pub fn verbosity(&self) -> super::output::Verbosity {
        use super::output::Verbosity;
        match (self.quiet, self.verbose) {
            (true, _) => Verbosity::Quiet,
            (false, true) => Verbosity::Verbose,
            (false, false) => Verbosity::Normal,
        }
    }
}
