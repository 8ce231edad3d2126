//! Many boards at once: `--port` given more than once, `--ports-from FILE` or `--all` run
//! `write-flash`, `flash`, `erase-*`, `write-partition` and `ota write` on every board in
//! parallel, a thread each running the very code a single board runs. Each board gets its
//! own progress bar (under one `MultiProgress` on a terminal), its JSON lines carry its
//! `port` and `mac`, and a table at the end says how each one went. One board failing
//! leaves the others to finish; the exit status is then the first failed board's.

use std::cell::RefCell;
use std::path::Path;
use std::time::Instant;

use anyhow::Result;
use clap::FromArgMatches as _;
use espflow::Error;
use espflow::port::discover;
use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget};
use serde::Serialize;

use super::args::{ConnectArgs, Format};
use super::ota::OtaCommand;
use super::output::json_event;
use super::{Cli, Commands};

/// The board a thread works on, for what output.rs shows about it.
struct Board {
    port: String,
    mac: Option<String>,
    bars: Option<MultiProgress>,
}

thread_local! {
    static BOARD: RefCell<Option<Board>> = const { RefCell::new(None) };
}

/// The ports to work on when there are several (or `--ports-from`/`--all` asked for the
/// many-boards form): `None` for the ordinary single-board run.
pub fn several(conn: &ConnectArgs) -> Result<Option<Vec<String>>> {
    if conn.port.len() < 2 && conn.ports_from.is_none() && !conn.all {
        return Ok(None);
    }
    let mut ports = conn.port.clone();
    if let Some(file) = &conn.ports_from {
        ports.extend(read_ports(file)?);
    }
    if conn.all {
        let found = discover::candidates(&discover::list(), &conn.port_filter);
        if found.is_empty() {
            return Err(Error::BadInput(
                "--all: no known board attached (espflow list-ports shows what is)".into(),
            )
            .into());
        }
        ports.extend(found.into_iter().map(|p| p.name));
    }
    for (i, p) in ports.iter().enumerate() {
        if ports[..i].contains(p) {
            return Err(Error::BadInput(format!("port {p} is given twice")).into());
        }
    }
    if ports.is_empty() {
        return Err(Error::BadInput("no ports given (the ports file lists none)".into()).into());
    }
    Ok(Some(ports))
}

/// The ports a `--ports-from` file lists: one a line, blank lines and `#` comments left out.
pub fn parse_ports(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

fn read_ports(file: &Path) -> Result<Vec<String>, Error> {
    let text = std::fs::read_to_string(file).map_err(|cause| Error::File {
        action: "read",
        path: file.display().to_string(),
        cause,
    })?;
    Ok(parse_ports(&text))
}

/// Whether the command may run on several boards: those that change the flash and write
/// nothing but progress and a summary. Reads into one file, offline commands and the
/// interactive ones make no sense on several.
fn fans_out(command: &Commands) -> Result<(), String> {
    let name = match command {
        Commands::WriteFlash(a) if a.monitor => "write-flash --monitor",
        Commands::Flash(a) if a.monitor => "flash --monitor",
        Commands::WriteFlash(_)
        | Commands::Flash(_)
        | Commands::EraseRegion { .. }
        | Commands::EraseFlash
        | Commands::ErasePartition { .. }
        | Commands::WritePartition { .. }
        | Commands::Ota {
            command: OtaCommand::Write { .. },
        } => return Ok(()),
        Commands::ReadFlash { .. } => "read-flash (it writes one file)",
        Commands::ReadPartition { .. } => "read-partition (it writes one file)",
        Commands::SaveImage(_)
        | Commands::ImageInfo { .. }
        | Commands::EncryptImage(_)
        | Commands::DecryptImage(_)
        | Commands::PartitionTable { .. } => "this command (it uses no port)",
        _ => "this command",
    };
    Err(format!(
        "{name} takes one port; several boards work with write-flash, flash, erase-region, \
         erase-flash, erase-partition, write-partition and ota write"
    ))
}

/// How one board went.
struct Outcome {
    port: String,
    mac: Option<String>,
    seconds: f64,
    result: Result<()>,
}

/// A board's line in the JSON summary.
#[derive(Serialize)]
struct BoardLine<'a> {
    port: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    mac: Option<&'a str>,
    ok: bool,
    seconds: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<espflow::ErrorCode>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<String>,
}

/// Runs the command on every port at once and reports each board's outcome.
pub fn run(
    matches: &clap::ArgMatches,
    command: &Commands,
    format: Format,
    ports: Vec<String>,
) -> Result<()> {
    fans_out(command).map_err(Error::BadInput)?;
    let bars = (format == Format::Text && std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .then(|| MultiProgress::with_draw_target(ProgressDrawTarget::stderr()));
    let outcomes: Vec<Outcome> = std::thread::scope(|scope| {
        let handles: Vec<_> = ports
            .iter()
            .map(|port| {
                let bars = bars.clone();
                let handle = std::thread::Builder::new()
                    .name(port.clone())
                    .spawn_scoped(scope, move || one(matches, port, bars, format))
                    .expect("spawn a board's thread");
                (port, handle)
            })
            .collect();
        handles
            .into_iter()
            .map(|(port, h)| {
                h.join().unwrap_or_else(|_| Outcome {
                    port: port.clone(),
                    mac: None,
                    seconds: 0.0,
                    result: Err(anyhow::anyhow!("espflow failed on this board (a bug)")),
                })
            })
            .collect()
    });
    if let Some(b) = &bars {
        let _ = b.clear();
    }
    summarise(format, &outcomes);
    let failed: Vec<&Outcome> = outcomes.iter().filter(|o| o.result.is_err()).collect();
    if failed.is_empty() {
        return Ok(());
    }
    let names: Vec<String> = failed.iter().map(|o| o.port.clone()).collect();
    let first_error = outcomes
        .into_iter()
        .find_map(|o| o.result.err())
        .expect("a failed board has an error");
    Err(BoardsFailed {
        message: format!(
            "{} of {} boards failed: {}",
            names.len(),
            ports.len(),
            names.join(", ")
        ),
        first: first_error,
    }
    .into())
}

/// One board's run, in its own thread: the command as the command line gave it, on `port`.
fn one(
    matches: &clap::ArgMatches,
    port: &str,
    bars: Option<MultiProgress>,
    format: Format,
) -> Outcome {
    let started = Instant::now();
    BOARD.with(|b| {
        *b.borrow_mut() = Some(Board {
            port: port.to_string(),
            mac: None,
            bars,
        })
    });
    let result = Cli::from_arg_matches(matches)
        .map_err(anyhow::Error::from)
        .and_then(|mut cli| {
            cli.conn.port = vec![port.to_string()];
            cli.conn.ports_from = None;
            cli.conn.all = false;
            super::run_one(cli, matches)
        });
    if let (Err(e), Format::Json) = (&result, format) {
        // The error event carries the port, as every line of this thread does.
        super::output::report_error(format, e);
    }
    let board = BOARD.with(|b| b.borrow_mut().take());
    Outcome {
        port: port.to_string(),
        mac: board.and_then(|b| b.mac),
        seconds: started.elapsed().as_secs_f64(),
        result,
    }
}

/// The table at the end (a `board` JSON line each with `--format json`).
fn summarise(format: Format, outcomes: &[Outcome]) {
    let lib = |e: &anyhow::Error| super::output::library_error(e).map(Error::code);
    match format {
        Format::Json => {
            for o in outcomes {
                json_event(
                    "board",
                    &BoardLine {
                        port: &o.port,
                        mac: o.mac.as_deref(),
                        ok: o.result.is_ok(),
                        seconds: (o.seconds * 100.0).round() / 100.0,
                        code: o
                            .result
                            .as_ref()
                            .err()
                            .map(|e| lib(e).unwrap_or(espflow::ErrorCode::Device)),
                        message: o.result.as_ref().err().map(|e| format!("{e:#}")),
                    },
                );
            }
        }
        Format::Text => {
            let width = outcomes
                .iter()
                .map(|o| o.port.len())
                .max()
                .unwrap_or(4)
                .max(4);
            outln!(
                "{:<width$}  {:<17}  {:>7}  RESULT",
                "PORT",
                "MAC",
                "SECONDS"
            );
            for o in outcomes {
                let result = match &o.result {
                    Ok(()) => "ok".to_string(),
                    Err(e) => format!("failed: {e:#}"),
                };
                outln!(
                    "{:<width$}  {:<17}  {:>7.2}  {result}",
                    o.port,
                    o.mac.as_deref().unwrap_or("-"),
                    o.seconds
                );
            }
            let failed = outcomes.iter().filter(|o| o.result.is_err()).count();
            outln!(
                "{} of {} boards done, {failed} failed",
                outcomes.len() - failed,
                outcomes.len()
            );
        }
    }
}

/// The failure of a many-boards run: which boards failed, and the first one's error, which
/// decides the exit status.
#[derive(Debug)]
struct BoardsFailed {
    message: String,
    first: anyhow::Error,
}

impl std::fmt::Display for BoardsFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for BoardsFailed {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(self.first.as_ref())
    }
}

/// Whether this thread works on one of several boards.
pub fn in_board() -> bool {
    BOARD.with(|b| b.borrow().is_some())
}

/// Notes the MAC of this thread's board, once connected.
pub fn set_mac(mac: String) {
    BOARD.with(|b| {
        if let Some(board) = b.borrow_mut().as_mut() {
            board.mac = Some(mac);
        }
    });
}

/// This thread's board's `port` and `mac`, for its JSON lines.
pub fn json_context() -> Option<(String, Option<String>)> {
    BOARD.with(|b| b.borrow().as_ref().map(|b| (b.port.clone(), b.mac.clone())))
}

/// `"PORT: "` in a board's thread, to start its lines with; empty otherwise.
pub fn prefix() -> String {
    BOARD.with(|b| {
        b.borrow()
            .as_ref()
            .map_or_else(String::new, |b| format!("{}: ", b.port))
    })
}

/// A new bar, drawn with the other boards' bars in a board's thread.
pub fn attach(bar: ProgressBar) -> ProgressBar {
    BOARD.with(
        |b| match b.borrow().as_ref().and_then(|b| b.bars.as_ref()) {
            Some(multi) => multi.add(bar),
            None => bar,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ports_files_skip_comments_and_blank_lines() {
        let text = "# the rack\n/dev/ttyUSB0\n\n  socket://h:1  # left\n#/dev/ttyUSB9\n";
        assert_eq!(parse_ports(text), ["/dev/ttyUSB0", "socket://h:1"]);
    }

    #[test]
    fn the_same_port_twice_is_refused() {
        use clap::Parser as _;
        let cli = Cli::try_parse_from(["espflow", "-p", "a", "-p", "a", "erase-flash"]).unwrap();
        let e = several(&cli.conn).unwrap_err();
        assert!(e.to_string().contains("given twice"), "{e}");
        let cli = Cli::try_parse_from(["espflow", "-p", "a", "erase-flash"]).unwrap();
        assert!(several(&cli.conn).unwrap().is_none());
    }
}
