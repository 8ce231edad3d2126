//! What the shell and the manual see of the command line: completion scripts for bash, zsh,
//! fish, elvish and PowerShell (committed in `completions/`), the man page (committed as
//! `docs/espflow.1`), and the values the zsh and fish scripts ask espflow for while
//! completing: the serial ports attached, and the partition names of the table in use.
//!
//! The scripts are clap_complete's; for zsh and fish, `--port` and the partition-name
//! arguments are then pointed at `espflow complete-values`, since what they can be is only
//! known at the moment of completing.

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, CommandFactory};
use clap_complete::Shell;
use espflow::partition::{BinOptions, CsvOptions, PartitionTable};

use super::Cli;
use super::offline::{NoConnection, NoPortFilter, Offline};

/// `completions` options.
#[derive(Args, Debug)]
pub struct CompletionArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: Shell,
    #[command(flatten)]
    offline: Offline,
}

/// `man` options.
#[derive(Args, Debug)]
pub struct ManArgs {
    #[command(flatten)]
    offline: Offline,
}

/// `list-ports` options (`--port-filter` applies).
#[derive(Args, Debug)]
pub struct ListPortsArgs {
    #[command(flatten)]
    no_connection: NoConnection,
    #[command(flatten)]
    no_chip: super::offline::NoChip,
}

/// What a completion script asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ValueKind {
    /// The serial ports attached.
    Ports,
    /// The partitions of `--partition-table FILE` among the words, else of
    /// `partitions.csv` in the current directory.
    Partitions,
}

/// `complete-values` options.
#[derive(Args, Debug)]
pub struct CompleteValuesArgs {
    #[arg(value_enum)]
    kind: ValueKind,
    /// The command line being completed
    #[arg(last = true)]
    words: Vec<String>,
    #[command(flatten)]
    no_connection: NoConnection,
    #[command(flatten)]
    no_port_filter: NoPortFilter,
}

/// The script for `shell`, as committed in `completions/`.
pub fn script(shell: Shell) -> String {
    // Generated into memory: the generator panics when its writer fails.
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "espflow", &mut out);
    let text = String::from_utf8_lossy(&out).into_owned();
    match shell {
        Shell::Zsh => zsh_values(&text),
        Shell::Fish => fish_values(&text),
        _ => text,
    }
}

/// zsh: `--port` and partition names completed by `espflow complete-values`.
fn zsh_values(script: &str) -> String {
    let mut text = script
        .replace(":PORT:_default'", ":PORT:_espflow_ports'")
        .replace("':name:_default'", "':name:_espflow_partitions'")
        .replace("'*::names:_default'", "'*::names:_espflow_partitions'");
    let helpers = r#"_espflow_ports() {
    local -a ports
    ports=(${(f)"$(espflow complete-values ports 2>/dev/null)"})
    compadd -a ports
}

_espflow_partitions() {
    local -a names
    names=(${(f)"$(espflow complete-values partitions -- ${words[@]} 2>/dev/null)"})
    compadd -a names
}

"#;
    let at = text
        .find("if [ \"$funcstack[1]\" = \"_espflow\" ]")
        .unwrap_or(text.len());
    text.insert_str(at, helpers);
    text
}

/// The connection options' long names: where a command takes their places with hidden
/// options of its own (see [`super::offline`]), fish would still offer them, with file names
/// as their values.
const CONNECTION_LONGS: &[&str] = &[
    "port",
    "chip",
    "baud",
    "before",
    "after",
    "no-stub",
    "experimental-stub",
    "connect-attempts",
    "port-filter",
    "non-interactive",
];

/// How clap_complete's fish script gives up when the words before the cursor do not parse,
/// and what it should do instead: `espflow --chip <TAB>` fails the parse (the option has
/// no value yet), which made fish offer file names for the chip.
const FISH_PARSE_FAILED: (&str, &str) = (
    "    argparse -s (__fish_espflow_global_optspecs) -- $cmd 2>/dev/null\n    or return\n",
    "    argparse -s (__fish_espflow_global_optspecs) -- $cmd 2>/dev/null\n    \
     # An option before the command still waiting for its value (the word being\n    \
     # completed) fails the parse: there is no command yet.\n    or return 0\n",
);

/// fish: `--port` completed by the ports attached (and nothing else), partition names
/// offered where a command takes one, the hidden stand-ins of the connection options left
/// out (clap_complete writes hidden options too; only visible ones have a description),
/// and option values before the command completed at all.
fn fish_values(script: &str) -> String {
    let script = script.replacen(FISH_PARSE_FAILED.0, FISH_PARSE_FAILED.1, 1);
    let mut out = String::with_capacity(script.len() + 1024);
    for line in script.lines() {
        let hidden_stand_in = line.starts_with("complete -c espflow")
            && !line.contains(" -d '")
            && CONNECTION_LONGS.iter().any(|l| {
                line.contains(&format!(" -l {l} ")) || line.ends_with(&format!(" -l {l}"))
            });
        if hidden_stand_in {
            continue;
        }
        out.push_str(line);
        if line.starts_with("complete -c espflow") && line.contains(" -l port ") {
            out.push_str(" -f -a \"(espflow complete-values ports)\"");
        }
        out.push('\n');
    }
    for cmd in ["write-partition", "read-partition", "erase-partition"] {
        out.push_str(&format!(
            "complete -c espflow -n \"__fish_espflow_using_subcommand {cmd}\" -a \
             \"(espflow complete-values partitions -- (commandline -opc))\"\n"
        ));
    }
    out
}

/// `completions SHELL`.
pub fn completions(args: &CompletionArgs) -> Result<()> {
    use std::io::Write as _;
    let _ = std::io::stdout().write_all(script(args.shell).as_bytes());
    Ok(())
}

/// The man page, as committed in `docs/espflow.1`.
pub fn man_page() -> Vec<u8> {
    let mut out = Vec::new();
    // Into memory, so that a write error cannot happen here.
    let _ = clap_mangen::Man::new(Cli::command()).render(&mut out);
    out
}

/// `man`.
pub fn man() -> Result<()> {
    use std::io::Write as _;
    let _ = std::io::stdout().write_all(&man_page());
    Ok(())
}

/// `complete-values KIND -- WORDS`: one value a line; nothing (and success) when there is
/// nothing to offer, so that completing never prints an error into the command line.
pub fn complete_values(args: &CompleteValuesArgs) -> Result<()> {
    match args.kind {
        ValueKind::Ports => {
            for p in espflow::port::discover::list() {
                outln!("{}", p.name);
            }
        }
        ValueKind::Partitions => {
            for name in partition_names(&args.words) {
                outln!("{name}");
            }
        }
    }
    Ok(())
}

/// The partition names of the table the words name with `--partition-table FILE` (or
/// `--partition-table=FILE`), else of `partitions.csv` here.
fn partition_names(words: &[String]) -> Vec<String> {
    let named = words.iter().enumerate().find_map(|(i, w)| {
        w.strip_prefix("--partition-table=")
            .map(str::to_owned)
            .or_else(|| (w == "--partition-table").then(|| words.get(i + 1).cloned())?)
    });
    let path = named.map_or_else(|| PathBuf::from("partitions.csv"), PathBuf::from);
    let Ok(bytes) = espflow::input::read_bounded(&path, espflow::input::MAX_TABLE_FILE, "table")
    else {
        return Vec::new();
    };
    PartitionTable::from_bytes(&bytes, &CsvOptions::default(), &BinOptions::default())
        .map(|(t, _)| t.partitions.into_iter().map(|p| p.name).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zsh_and_fish_complete_ports_and_partitions_from_espflow() {
        let zsh = script(Shell::Zsh);
        assert!(zsh.contains(":PORT:_espflow_ports'"));
        assert!(!zsh.contains(":PORT:_default'"), "every --port is covered");
        assert!(zsh.contains("':name:_espflow_partitions'"));
        assert!(zsh.contains("'*::names:_espflow_partitions'"));
        assert!(zsh.contains("_espflow_ports() {"));
        let fish = script(Shell::Fish);
        for line in fish.lines().filter(|l| l.contains(" -l port ")) {
            assert!(
                line.ends_with("-r -f -a \"(espflow complete-values ports)\""),
                "{line}"
            );
        }
        for line in fish.lines().filter(|l| l.contains(" -l chip ")) {
            assert!(
                line.contains(" -f "),
                "--chip offers chips, not files: {line}"
            );
        }
        assert!(fish.contains("__fish_espflow_using_subcommand write-partition\" -a"));
        assert!(
            fish.contains(FISH_PARSE_FAILED.1),
            "the needs-command check is fixed"
        );
    }

    #[test]
    fn partition_names_come_from_the_table_named_on_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("t.csv");
        std::fs::write(
            &csv,
            "nvs, data, nvs, 0x9000, 0x6000\nfactory, app, factory, 0x10000, 1M\n",
        )
        .unwrap();
        let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let p = csv.to_str().unwrap();
        let got = partition_names(&words(&[
            "espflow",
            "write-partition",
            "--partition-table",
            p,
        ]));
        assert_eq!(got, ["nvs", "factory"]);
        let eq = format!("--partition-table={p}");
        assert_eq!(
            partition_names(&words(&["espflow", &eq])),
            ["nvs", "factory"]
        );
        let missing = partition_names(&words(&["--partition-table", "/nonexistent.csv"]));
        assert!(missing.is_empty());
    }
}
