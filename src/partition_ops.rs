//! Partition-aware operations on a connected chip: find partitions by name in the table on
//! the device (or a given file), and write, read or erase them with the same machinery as
//! `write-flash`, so writes are checked, resumable and skip what is already in place.

use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::cli::{ConnectArgs, TableSource, WriteFlags};
use crate::commands::{connect, progress_for, report, write_options};
use crate::flasher;
use crate::journal::{Journal, default_dir};
use crate::loader::Loader;
use crate::partition::cli::{LayoutArgs, ShowArgs, describe, parse_table_file, table_from_device};
use crate::partition::{Keywords, Partition, PartitionError, PartitionTable};
use crate::plan::{Image, human_size};

/// The table's own size on flash: what the generator emits.
const TABLE_LEN: u32 = 0xC00;

fn show_args(src: &TableSource, file: Option<&Path>) -> ShowArgs {
    ShowArgs {
        file: file.map(Path::to_path_buf),
        otadata: None,
        layout: LayoutArgs {
            offset: src.table_offset as i64,
            ..LayoutArgs::default()
        },
        disable_md5sum: false,
    }
}

/// The partition table from `--partition-table FILE`, or from the device.
pub fn load(loader: &mut Loader, src: &TableSource) -> Result<PartitionTable> {
    if let Some(file) = &src.partition_table {
        let bytes =
            std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
        return parse_table_file(&bytes, &show_args(src, Some(file)))
            .with_context(|| format!("partition table {}", file.display()));
    }
    let bytes = flasher::read_region(
        loader,
        src.table_offset,
        TABLE_LEN,
        &mut crate::progress::Quiet,
    )?;
    table_from_device(&bytes, &show_args(src, None)).map_err(|e| match e {
        PartitionError::Erased => anyhow::anyhow!(
            "no partition table on the device at 0x{:X} (the sector is erased): flash one, \
             or name one with --partition-table FILE",
            src.table_offset
        ),
        e => anyhow::Error::new(e).context(format!(
            "the partition table on the device at 0x{:X}",
            src.table_offset
        )),
    })
}

pub fn find<'a>(table: &'a PartitionTable, name: &str) -> Result<&'a Partition> {
    table.find_by_name(name).ok_or_else(|| {
        let names: Vec<&str> = table.partitions.iter().map(|p| p.name.as_str()).collect();
        anyhow::anyhow!(
            "no partition named '{name}' (the table has: {})",
            names.join(", ")
        )
    })
}

/// Writes `data` into `part`, refusing what does not fit before anything is touched.
pub fn write_into(
    conn: &ConnectArgs,
    loader: &mut Loader,
    part: &Partition,
    data: Vec<u8>,
    source: &str,
    flags: &WriteFlags,
) -> Result<flasher::WriteSummary> {
    if data.len() as u64 > part.size as u64 {
        bail!(
            "{source} is {} bytes, larger than partition '{}' ({} at 0x{:X})",
            data.len(),
            part.name,
            human_size(part.size as u64),
            part.offset
        );
    }
    let journal = default_dir().map(Journal::new);
    let img = Image {
        addr: part.offset,
        data,
        name: source.to_string(),
    };
    flasher::write_images(
        loader,
        &[img],
        write_options(flags),
        journal.as_ref(),
        &mut *progress_for(conn),
    )
}

pub fn write(
    conn: &ConnectArgs,
    name: &str,
    file: &Path,
    flags: &WriteFlags,
    src: &TableSource,
) -> Result<()> {
    let data = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let mut loader = connect(conn)?;
    let table = load(&mut loader, src)?;
    let part = find(&table, name)?.clone();
    let s = write_into(
        conn,
        &mut loader,
        &part,
        data,
        &file.display().to_string(),
        flags,
    )?;
    report(conn, &s);
    loader.finish(conn.after)?;
    Ok(())
}

pub fn read(conn: &ConnectArgs, name: &str, file: &Path, src: &TableSource) -> Result<()> {
    let mut loader = connect(conn)?;
    let table = load(&mut loader, src)?;
    let part = find(&table, name)?;
    let data = flasher::read_region(
        &mut loader,
        part.offset,
        part.size,
        &mut *progress_for(conn),
    )?;
    std::fs::write(file, &data).with_context(|| format!("cannot write {}", file.display()))?;
    eprintln!(
        "read partition '{name}' ({} bytes) into {}",
        data.len(),
        file.display()
    );
    loader.finish(conn.after)?;
    Ok(())
}

fn parse_code(text: &str, name_of: impl Fn(u8) -> Option<String>) -> Result<u8> {
    if let Ok(n) = crate::numbers::parse_u32(text) {
        return u8::try_from(n).map_err(|_| anyhow::anyhow!("'{text}' does not fit a byte"));
    }
    (0..=255u8)
        .find(|c| name_of(*c).is_some_and(|n| n.eq_ignore_ascii_case(text)))
        .ok_or_else(|| anyhow::anyhow!("unknown type or subtype '{text}'"))
}

pub fn erase(
    conn: &ConnectArgs,
    names: &[String],
    data_parts: bool,
    ptype: Option<&str>,
    subtype: Option<&str>,
    src: &TableSource,
) -> Result<()> {
    if names.is_empty() && !data_parts && ptype.is_none() {
        bail!("name the partitions to erase, or use --data-parts or --type");
    }
    let kw = Keywords::default();
    let want_type = ptype
        .map(|t| parse_code(t, |c| kw.type_name(c).map(str::to_string)))
        .transpose()?;
    let want_sub = match (want_type, subtype) {
        (Some(t), Some(s)) => Some(parse_code(s, |c| {
            kw.subtype_name(t, c).map(str::to_string)
        })?),
        _ => None,
    };
    let mut loader = connect(conn)?;
    let table = load(&mut loader, src)?;
    let mut chosen: Vec<Partition> = Vec::new();
    for n in names {
        chosen.push(find(&table, n)?.clone());
    }
    for p in &table.partitions {
        let by_type =
            want_type.is_some_and(|t| p.ptype == t && want_sub.is_none_or(|s| p.subtype == s));
        let by_data = data_parts && p.ptype == crate::partition::types::DATA;
        if (by_type || by_data) && !chosen.iter().any(|c| c.name == p.name) {
            chosen.push(p.clone());
        }
    }
    if chosen.is_empty() {
        bail!("no partition in the table matches");
    }
    for p in &chosen {
        flasher::erase_region(&mut loader, p.offset, p.size)
            .with_context(|| format!("erasing partition '{}'", p.name))?;
        eprintln!(
            "erased partition '{}' ({} at 0x{:X})",
            p.name,
            human_size(p.size as u64),
            p.offset
        );
    }
    loader.finish(conn.after)?;
    Ok(())
}

/// `partition-table show` without a file: the table on the device, with the app that the
/// device's otadata selects.
pub fn show(conn: &ConnectArgs, args: &ShowArgs) -> Result<()> {
    let mut loader = connect(conn)?;
    let offset = u32::try_from(args.layout.offset).context("--offset must be a flash address")?;
    let bytes = flasher::read_region(&mut loader, offset, TABLE_LEN, &mut crate::progress::Quiet)?;
    let table = table_from_device(&bytes, args)
        .with_context(|| format!("the partition table on the device at 0x{offset:X}"))?;
    let otadata = match table.otadata() {
        Some(p) => Some(flasher::read_region(
            &mut loader,
            p.offset,
            p.size,
            &mut crate::progress::Quiet,
        )?),
        None => None,
    };
    print!("{}", describe(&table, otadata.as_deref(), args)?);
    loader.finish(conn.after)?;
    Ok(())
}
