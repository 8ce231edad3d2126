//! OTA operations on a connected chip. A slot is switched only by rewriting the otadata copy
//! the bootloader will prefer, and `ota write --activate` switches only once the image is
//! completely written and verified, so an interrupted update never leaves the device
//! booting half an image.

use anyhow::{Context, Result, bail};

use crate::cli::{ConnectArgs, Format, OtaCommand, TableSource, WriteFlags};
use crate::commands::{connect, report};
use crate::flasher;
use crate::loader::Loader;
use crate::ota::otadata::{BootSelection, OtaData, OtaState};
use crate::partition::{AppSlot, Partition, PartitionTable};
use crate::partition_ops::{load, write_into};
use crate::plan::human_size;

pub fn run(conn: &ConnectArgs, command: OtaCommand) -> Result<()> {
    match command {
        OtaCommand::Status { table } => status(conn, &table),
        OtaCommand::Write {
            file,
            slot,
            activate,
            flags,
            table,
        } => write(conn, &file, &slot, activate, &flags, &table),
        OtaCommand::Activate { slot, table } => {
            let mut loader = connect(conn)?;
            let t = load(&mut loader, &table)?;
            let n = parse_slot(&slot, &t, None)?;
            activate(&mut loader, &t, n)?;
            eprintln!("ota_{n} will boot next");
            loader.finish(conn.after)?;
            Ok(())
        }
        OtaCommand::EraseData { table } => {
            let mut loader = connect(conn)?;
            let t = load(&mut loader, &table)?;
            let p = otadata_partition(&t)?;
            flasher::erase_region(&mut loader, p.offset, p.size)?;
            eprintln!(
                "erased otadata; the bootloader falls back to {}",
                fallback(&t)
            );
            loader.finish(conn.after)?;
            Ok(())
        }
    }
}

fn otadata_partition(t: &PartitionTable) -> Result<&Partition> {
    t.otadata().context(
        "the partition table has no otadata partition, so there are no OTA slots to switch",
    )
}

fn ota_count(t: &PartitionTable) -> Result<usize> {
    match t.bootloader_ota_count() {
        0 => bail!("the partition table has no OTA app slots (ota_0, ota_1, ...)"),
        n => Ok(n),
    }
}

fn read_otadata(loader: &mut Loader, t: &PartitionTable) -> Result<OtaData> {
    let p = otadata_partition(t)?;
    let bytes = flasher::read_region(loader, p.offset, p.size, &mut crate::progress::Quiet)?;
    OtaData::parse(&bytes).map_err(|e| anyhow::anyhow!("otadata at 0x{:X}: {e}", p.offset))
}

fn fallback(t: &PartitionTable) -> String {
    t.boot_app(None)
        .map_or_else(|| "nothing (no app partition)".into(), |a| a.to_string())
}

/// "ota_N" or "N"; "next" is the slot after the one that boots (ota_0 when the factory app
/// boots, ota_1 when ota_0 boots because otadata is empty).
fn parse_slot(text: &str, t: &PartitionTable, sel: Option<BootSelection>) -> Result<u8> {
    let count = ota_count(t)?;
    let n = if text == "next" {
        match sel {
            Some(BootSelection::Slot { slot, .. }) => ((slot as usize + 1) % count) as u8,
            _ => match t.boot_app(None) {
                Some(AppSlot::Ota(0)) if count > 1 => 1,
                _ => 0,
            },
        }
    } else {
        let digits = text.strip_prefix("ota_").unwrap_or(text);
        digits
            .parse::<u8>()
            .map_err(|_| anyhow::anyhow!("'{text}' is not a slot: use ota_N, N or next"))?
    };
    if t.app(AppSlot::Ota(n)).is_none() {
        bail!("the partition table has no ota_{n} partition");
    }
    Ok(n)
}

/// Rewrites the otadata copy the bootloader will prefer so that `slot` boots.
fn activate(loader: &mut Loader, t: &PartitionTable, slot: u8) -> Result<()> {
    let p = otadata_partition(t)?.clone();
    let data = read_otadata(loader, t)?;
    let w = data
        .activate(slot, ota_count(t)?, OtaState::Undefined)
        .map_err(|e| anyhow::anyhow!("cannot select ota_{slot}: {e}"))?;
    let img = crate::plan::Image {
        addr: p.offset + w.offset() as u32,
        data: w.sector(),
        name: "otadata".into(),
    };
    let opts = flasher::WriteOptions {
        verify: true,
        compress: true,
        skip_unchanged: true,
        resume: false,
    };
    flasher::write_images(loader, &[img], opts, None, &mut crate::progress::Quiet)?;
    let after = read_otadata(loader, t)?;
    if after.boot_selection(ota_count(t)?).slot() != Some(slot) {
        bail!("otadata was written but the bootloader would not select ota_{slot}");
    }
    Ok(())
}

fn write(
    conn: &ConnectArgs,
    file: &std::path::Path,
    slot: &str,
    activate_after: bool,
    flags: &WriteFlags,
    src: &TableSource,
) -> Result<()> {
    let data = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let mut loader = connect(conn)?;
    let t = load(&mut loader, src)?;
    let sel = read_otadata(&mut loader, &t)?.boot_selection(ota_count(&t)?);
    let n = parse_slot(slot, &t, Some(sel))?;
    if sel.slot() == Some(n) {
        bail!("ota_{n} is the slot that boots; write the other one (or name it with --slot)");
    }
    let part = t
        .app(AppSlot::Ota(n))
        .expect("checked by parse_slot")
        .clone();
    let s = write_into(
        conn,
        &mut loader,
        &part,
        data,
        &file.display().to_string(),
        flags,
    )?;
    report(conn, &s);
    if activate_after {
        activate(&mut loader, &t, n)?;
        eprintln!("ota_{n} will boot next");
    }
    loader.finish(conn.after)?;
    Ok(())
}

fn status(conn: &ConnectArgs, src: &TableSource) -> Result<()> {
    let mut loader = connect(conn)?;
    let t = load(&mut loader, src)?;
    let count = ota_count(&t)?;
    let data = read_otadata(&mut loader, &t)?;
    let sel = data.boot_selection(count);
    let boots = t.boot_app(sel.slot());
    let boots_name = boots.map_or_else(|| "nothing".to_string(), |b| b.to_string());
    match conn.format {
        Format::Json => println!(
            "{{\"event\":\"ota_status\",\"boots\":\"{boots_name}\",\"slots\":{count},\
             \"selected_slot\":{}}}",
            sel.slot().map_or("null".into(), |s| s.to_string())
        ),
        Format::Text => {
            for (n, p) in t.ota_slots() {
                let mark = if boots == Some(AppSlot::Ota(n)) {
                    "  <- boots"
                } else {
                    ""
                };
                println!(
                    "ota_{n:<3} {:<16} 0x{:06X} {:>8}{mark}",
                    p.name,
                    p.offset,
                    human_size(p.size as u64).to_string()
                );
            }
            if let Some(f) = t.app(AppSlot::Factory)
                && boots == Some(AppSlot::Factory)
            {
                println!("factory {:<16} 0x{:06X}  <- boots", f.name, f.offset);
            }
            println!("boots:   {boots_name}");
            for (i, c) in data.copies.iter().enumerate() {
                println!("otadata copy {i}: {}", c.describe());
            }
        }
    }
    loader.finish(conn.after)?;
    Ok(())
}
