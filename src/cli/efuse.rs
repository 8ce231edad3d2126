//! `efuse summary`: every eFuse field of the chip's table, by name and value, laid out as
//! espefuse's `summary` lays them out (`--format json`: one object with every field).

use anyhow::Result;
use clap::Subcommand;
use espflow::security::summary::FieldValue;

use super::args::{ConnectArgs, Format};
use super::connect::{connect, finish};
use super::output::json_event;

/// `efuse` subcommands.
#[derive(Subcommand, Debug)]
pub enum EfuseCommand {
    /// Print every eFuse field by name and value, its block, and whether it can still be
    /// read and burnt (R/W); nothing is burnt
    Summary,
}

pub fn run(conn: &ConnectArgs, format: Format, command: EfuseCommand) -> Result<()> {
    match command {
        EfuseCommand::Summary => summary(conn, format),
    }
}

fn summary(conn: &ConnectArgs, format: Format) -> Result<()> {
    let mut s = connect(conn)?;
    let fields = s.efuse_summary()?;
    match format {
        Format::Json => {
            #[derive(serde::Serialize)]
            struct Summary<'a> {
                chip: String,
                fields: &'a [FieldValue],
            }
            json_event(
                "efuse_summary",
                &Summary {
                    chip: s.chip().to_string(),
                    fields: &fields,
                },
            );
        }
        Format::Text => print(&fields),
    }
    finish(s, conn)
}

/// espefuse's group titles: "spi pad" is "Spi Pad fuses".
fn title(category: &str) -> String {
    let words: Vec<String> = category
        .split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(c.flat_map(|x| x.to_lowercase()))
                    .collect(),
                None => String::new(),
            }
        })
        .collect();
    format!("{} fuses:", words.join(" "))
}

fn print(fields: &[FieldValue]) {
    outln!("EFUSE_NAME (Block) Description  = [Meaningful Value] [Readable/Writeable] (Hex Value)");
    let mut group = "";
    for f in fields {
        if f.category != group {
            if !group.is_empty() {
                outln!();
            }
            group = f.category;
            outln!("{}", title(group));
        }
        let rw = format!(
            "{}/{}",
            if f.readable { "R" } else { "-" },
            if f.writeable { "W" } else { "-" }
        );
        outln!(
            "{:<50} {} = {} {rw} ({})",
            format!("{} (BLOCK{})", f.name, f.block),
            f.description,
            f.value,
            f.raw
        );
    }
}
