//! The command line: argument definitions, one handler file per command family, and how
//! results are shown. Handlers parse and check everything they can before connecting, call
//! the library, and print; they never choose the exit status (see [`exit`]).

/// `println!` that ignores a closed stdout. Rust ignores SIGPIPE, so a reader that goes
/// away (`espflow ... | head -1`) turns the next print into EPIPE, which `println!` makes a
/// panic; a write in progress must rather carry on, so that it finishes or at least leaves
/// its journal for a resume. The exit status still reports the outcome.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// `eprintln!` that ignores a closed stderr, for the same reason as [`outln!`].
macro_rules! errln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

pub mod args;
mod backtrace;
mod boards;
mod config;
mod connect;
mod control;
mod efuse;
mod encryption;
pub mod exit;
mod flash;
mod image;
mod monitor;
mod offline;
mod ota;
pub mod output;
mod partition;
#[cfg(test)]
mod partition_quirks;
mod ports;
mod shell;
mod suggest;
mod virtual_chip;

use std::path::PathBuf;

use anyhow::Result;
use clap::{CommandFactory, Parser, Subcommand};

use args::{
    ConnectArgs, OutputArgs, ReadSize, TableSource, WriteFlags, WriteFlashArgs, num, size_or_all,
};
use ota::OtaCommand;
use partition::PartitionTableCommand;
use virtual_chip::VirtualChipArgs;

const AFTER_HELP: &str = "\
PORT is a serial device (/dev/ttyUSB0), socket://HOST:PORT, or virtual:IMAGE for a virtual \
ESP32-C3 (another chip with --chip, any but the ESP32-P4) in this process whose flash is the \
file IMAGE (created erased if absent, 4 MiB on the C3).

espflow's own stub runs on the ESP32-C3 and the ESP32 by default, on the C2, C5, C6, H2, S2 \
and S3 with --experimental-stub.";

/// The whole command line.
#[derive(Parser, Debug)]
#[command(name = "espflow", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(flatten)]
    pub conn: ConnectArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(subcommand)]
    pub command: Commands,
}

/// The commands.
#[derive(Subcommand, Debug)]
pub enum Commands {
    /// Show the chip, its revision, MAC, flash and security state
    BoardInfo,
    /// Read flash into a file
    ReadFlash {
        #[arg(value_parser = num)]
        addr: u32,
        /// Bytes to read, or `all` for everything from ADDR to the end of the flash
        #[arg(value_parser = size_or_all)]
        size: ReadSize,
        file: PathBuf,
    },
    /// Write files to flash at the given addresses (or as an esptool `@flash_args` file
    /// lists them), then verify them
    WriteFlash(WriteFlashArgs),
    /// Write an app's ELF as bootloader, partition table and app image (or an ESP-IDF build
    /// directory with --idf-build), then verify them
    Flash(image::FlashArgs),
    /// Make the app image of an ELF (or with --merge one file for the whole flash); no port
    /// is used
    SaveImage(image::SaveImageArgs),
    /// Show an app or bootloader image's header, segments, checksum, SHA-256 and app
    /// descriptor; no port is used
    ImageInfo { file: PathBuf },
    /// Erase whole 4 KiB sectors
    EraseRegion {
        #[arg(value_parser = num)]
        addr: u32,
        #[arg(value_parser = num)]
        size: u32,
    },
    /// Erase the whole flash
    EraseFlash,
    /// Print the MD5 of a flash region, computed on the chip
    ChecksumMd5 {
        #[arg(value_parser = num)]
        addr: u32,
        #[arg(value_parser = num)]
        size: u32,
    },
    /// Partition tables: convert and show
    PartitionTable {
        #[command(subcommand)]
        command: PartitionTableCommand,
    },
    /// Write FILE into the partition NAME (refused if it does not fit, or if NAME is an app
    /// partition and FILE is not an app image for the chip)
    WritePartition {
        name: String,
        file: PathBuf,
        #[command(flatten)]
        flags: WriteFlags,
        #[command(flatten)]
        table: TableSource,
    },
    /// Read the partition NAME into FILE
    ReadPartition {
        name: String,
        file: PathBuf,
        #[command(flatten)]
        table: TableSource,
    },
    /// Erase partitions by name, or all data partitions, or by type and subtype
    ErasePartition {
        names: Vec<String>,
        /// Every partition of type data
        #[arg(long)]
        data_parts: bool,
        /// Partitions of this type (app, data, or a number)
        #[arg(long = "type", value_name = "TYPE")]
        ptype: Option<String>,
        /// With --type: only this subtype (name or number)
        #[arg(long, requires = "ptype")]
        subtype: Option<String>,
        #[command(flatten)]
        table: TableSource,
    },
    /// OTA slots: status, write, activate, erase otadata
    Ota {
        #[command(subcommand)]
        command: OtaCommand,
    },
    /// eFuses: every field of the chip's table by name and value (read-only)
    Efuse {
        #[command(subcommand)]
        command: efuse::EfuseCommand,
    },
    /// Serve a virtual chip over TCP or a pty for other programs (esptool included)
    VirtualChip(VirtualChipArgs),
    /// Encrypt an image as the chip's flash encryption would, for writing to an encrypted
    /// device (espsecure's encrypt-flash-data); no port is used
    EncryptImage(encryption::EncryptionArgs),
    /// Decrypt data read from a chip's encrypted flash (espsecure's decrypt-flash-data); no
    /// port is used
    DecryptImage(encryption::EncryptionArgs),
    /// Show the connection settings in force and where each came from (flag, environment,
    /// espflow.toml, default)
    Config {
        #[command(subcommand)]
        command: ConfigCommand,
    },
    /// Print a shell completion script
    Completions(shell::CompletionArgs),
    /// Print the man page (roff)
    Man(shell::ManArgs),
    /// Show the application's serial output, after resetting the chip (Ctrl-] exits,
    /// Ctrl-T R resets)
    Monitor(monitor::MonitorArgs),
    /// List the serial ports, marking the USB bridges Espressif boards carry
    ListPorts(shell::ListPortsArgs),
    /// Reset the chip through EN, so that its application starts
    Reset,
    /// Hold the chip in reset (EN low) after espflow exits, until the port is opened again
    HoldInReset,
    /// Start the application through the ROM loader (works without reset lines)
    Run,
    /// Values for the completion scripts: port names, partition names
    #[command(hide = true)]
    CompleteValues(shell::CompleteValuesArgs),
}

/// `config` subcommands.
#[derive(Subcommand, Debug)]
pub enum ConfigCommand {
    /// Print each setting, its value and its source
    Show,
}

/// Parses the command line (exiting on a usage error, as clap does) and keeps its matches,
/// which say which settings the command line or the environment gave.
pub fn parse() -> (Cli, clap::ArgMatches) {
    use clap::FromArgMatches as _;
    let mut command = Cli::command();
    let matches = command
        .try_get_matches_from_mut(std::env::args_os())
        .unwrap_or_else(|e| suggest::better_hint(e, &mut command).exit());
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    (cli, matches)
}

/// Runs one command: on every board at once when several ports are given, else as
/// [`run_one`] does.
pub fn run(cli: Cli, matches: &clap::ArgMatches) -> Result<()> {
    match boards::several(&cli.conn)? {
        Some(ports) => boards::run(matches, &cli.command, cli.output.format, ports),
        None => run_one(cli, matches),
    }
}

/// Runs one command on one board, after filling unset connection settings from the
/// configuration files.
pub fn run_one(mut cli: Cli, matches: &clap::ArgMatches) -> Result<()> {
    let cwd = std::env::current_dir().unwrap_or_default();
    let applied = config::apply(&mut cli.conn, matches, &cwd)?;
    config::fill_flash(&mut cli.command, &applied.flash)?;
    let (conn, format) = (&cli.conn, cli.output.format);
    output::configure(format, cli.output.verbosity());
    match cli.command {
        Commands::Config {
            command: ConfigCommand::Show,
        } => config::show(conn, &applied, format),
        Commands::BoardInfo => flash::board_info(conn, format),
        Commands::ReadFlash { addr, size, file } => flash::read(conn, format, addr, size, &file),
        Commands::WriteFlash(args) => {
            let monitor = args.monitor.then_some(&args.monitor_options);
            image::write_flash(
                conn,
                format,
                &args.images,
                &args.encryption,
                &args.params,
                &args.flags,
                monitor,
            )
        }
        Commands::Flash(args) => image::flash(conn, format, &args),
        Commands::SaveImage(args) => image::save_image(conn.chip, &args),
        Commands::ImageInfo { file } => image::image_info(format, &file),
        Commands::EraseRegion { addr, size } => flash::erase_region(conn, addr, size),
        Commands::EraseFlash => flash::erase_flash(conn),
        Commands::ChecksumMd5 { addr, size } => flash::checksum_md5(conn, format, addr, size),
        Commands::PartitionTable { command } => partition::table(conn, format, command),
        Commands::WritePartition {
            name,
            file,
            flags,
            table,
        } => partition::write(conn, format, &name, &file, &flags, &table, conn.force),
        Commands::ReadPartition { name, file, table } => {
            partition::read(conn, format, &name, &file, &table)
        }
        Commands::ErasePartition {
            names,
            data_parts,
            ptype,
            subtype,
            table,
        } => partition::erase(
            conn,
            espflow::session::PartitionSelection {
                names,
                data_parts,
                ptype,
                subtype,
            },
            &table,
        ),
        Commands::Ota { command } => ota::run(conn, format, command),
        Commands::Efuse { command } => efuse::run(conn, format, command),
        Commands::VirtualChip(args) => virtual_chip::serve(&args),
        Commands::EncryptImage(args) => encryption::encrypt(&args, format),
        Commands::DecryptImage(args) => encryption::decrypt(&args, format),
        Commands::Completions(args) => shell::completions(&args),
        Commands::Man(_) => shell::man(),
        Commands::CompleteValues(args) => shell::complete_values(&args),
        Commands::Monitor(args) => monitor::monitor(conn, &args),
        Commands::ListPorts(_) => ports::list(conn, format),
        Commands::Reset => control::reset(conn),
        Commands::HoldInReset => control::hold_in_reset(conn),
        Commands::Run => control::run(conn),
    }
}
