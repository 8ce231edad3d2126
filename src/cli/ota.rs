//! OTA commands: status, write, activate, erase-data.

use std::path::PathBuf;

use anyhow::Result;
use clap::Subcommand;
use espflow::numbers::human_size;
use espflow::session::OtaStatus;

use super::args::{ConnectArgs, Format, TableSource, WriteFlags};
use super::connect::{connect, finish};
use super::flash::journal;
use super::output::{json_event, progress_for, report_done, report_write};

/// OTA subcommands.
#[derive(Subcommand, Debug)]
pub enum OtaCommand {
    /// Show the OTA slots, which one boots, and the otadata copies
    Status {
        #[command(flatten)]
        table: TableSource,
    },
    /// Write an app image into an OTA slot (resumable like any write)
    Write {
        file: PathBuf,
        /// ota_N, N, or next (the slot after the one that boots)
        #[arg(long, default_value = "next")]
        slot: String,
        /// Switch to the slot once the image is written and verified
        #[arg(long)]
        activate: bool,
        #[command(flatten)]
        flags: WriteFlags,
        #[command(flatten)]
        table: TableSource,
    },
    /// Make SLOT (ota_N or N) the one the bootloader picks
    Activate {
        slot: String,
        #[command(flatten)]
        table: TableSource,
    },
    /// Erase otadata, so the bootloader falls back to the factory app (or ota_0)
    EraseData {
        #[command(flatten)]
        table: TableSource,
    },
}

fn print_status(st: &OtaStatus) {
    for slot in &st.slots {
        let mark = if st.boots == format!("ota_{}", slot.slot) {
            "  <- boots"
        } else {
            ""
        };
        outln!(
            "ota_{:<3} {:<16} 0x{:06X} {:>8}{mark}",
            slot.slot,
            slot.name,
            slot.offset,
            human_size(slot.size as u64).to_string()
        );
    }
    if let Some((name, offset)) = &st.factory {
        outln!("factory {name:<16} 0x{offset:06X}  <- boots");
    }
    outln!("boots:   {}", st.boots);
    for (i, c) in st.copies.iter().enumerate() {
        outln!("otadata copy {i}: {c}");
    }
}

pub fn run(conn: &ConnectArgs, format: Format, command: OtaCommand) -> Result<()> {
    match command {
        OtaCommand::Status { table } => {
            let mut s = connect(conn)?;
            table.apply_key(&mut s)?;
            let st = s.ota_status(&table.data())?;
            match format {
                Format::Json => json_event("ota_status", &st),
                Format::Text => print_status(&st),
            }
            finish(s, conn)
        }
        OtaCommand::Write {
            file,
            slot,
            activate,
            flags,
            table,
        } => {
            let data = espflow::input::read_image(&file)?;
            let mut s = connect(conn)?;
            table.apply_key(&mut s)?;
            super::image::check_app(&data, &file, s.chip(), conn.force)?;
            let w = s.ota_write(
                &table.data(),
                data,
                &file.display().to_string(),
                &slot,
                activate,
                flags.options(),
                journal().as_ref(),
                &mut *progress_for(format),
            )?;
            report_write(format, &w.summary);
            if w.activated {
                report_done(
                    "ota write",
                    &format!("ota_{} will boot next", w.slot),
                    serde_json::json!({ "slot": w.slot, "activated": true }),
                );
            }
            finish(s, conn)
        }
        OtaCommand::Activate { slot, table } => {
            let mut s = connect(conn)?;
            table.apply_key(&mut s)?;
            let n = s.ota_activate(&table.data(), &slot)?;
            report_done(
                "ota activate",
                &format!("ota_{n} will boot next"),
                serde_json::json!({ "slot": n }),
            );
            finish(s, conn)
        }
        OtaCommand::EraseData { table } => {
            let mut s = connect(conn)?;
            table.apply_key(&mut s)?;
            let fallback = s.ota_erase_data(&table.data())?;
            report_done(
                "ota erase-data",
                &format!("erased otadata; the bootloader falls back to {fallback}"),
                serde_json::json!({ "fallback": fallback.to_string() }),
            );
            finish(s, conn)
        }
    }
}
