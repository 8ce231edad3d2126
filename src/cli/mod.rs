//! The command line: argument definitions, one handler file per command family, and how
//! results are shown. Handlers parse and check everything they can before connecting, call
//! the library, and print; they never choose the exit status (see [`exit`]).

pub mod args;
mod connect;
pub mod exit;
mod flash;
mod ota;
pub mod output;
mod partition;
#[cfg(test)]
mod partition_quirks;
mod virtual_chip;

use anyhow::Result;
use clap::CommandFactory;

use args::{Cli, Commands};

/// Runs one command.
pub fn run(cli: Cli) -> Result<()> {
    let (conn, format) = (&cli.conn, cli.output.format);
    match cli.command {
        Commands::BoardInfo => flash::board_info(conn, format),
        Commands::ReadFlash { addr, size, file } => flash::read(conn, format, addr, size, &file),
        Commands::WriteFlash(args) => flash::write(conn, format, &args),
        Commands::EraseRegion { addr, size } => flash::erase_region(conn, addr, size),
        Commands::EraseFlash => flash::erase_flash(conn),
        Commands::ChecksumMd5 { addr, size } => flash::checksum_md5(conn, addr, size),
        Commands::PartitionTable { command } => partition::table(conn, command),
        Commands::WritePartition {
            name,
            file,
            flags,
            table,
        } => partition::write(conn, format, &name, &file, &flags, &table),
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
        Commands::VirtualChip(args) => virtual_chip::serve(&args),
        Commands::Completions { shell } => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "espflow",
                &mut std::io::stdout(),
            );
            Ok(())
        }
    }
}
