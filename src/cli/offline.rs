//! The global connection options, taken out of the commands that open no port
//! (`partition-table convert`, `encrypt-image`, `completions`, ...): flattened into such a
//! command, these hidden options take the global ones' places, so the connection options
//! stay out of its help and completions, and one given after the command is refused in
//! one line rather than silently ignored. Each has the global option's id and value type,
//! because clap copies values between a command and its subcommands by id. (An option
//! given before the command, or in the environment, is left alone: it may be meant for
//! other commands.)

use std::ffi::OsStr;
use std::marker::PhantomData;

use clap::builder::TypedValueParser;
use espflow::chip::Chip;
use espflow::loader::{After, Before};
use espflow::port::discover::PortFilter;

/// Every connection option but `--chip` and `--port-filter`, which some offline commands
/// have (or use) themselves.
#[derive(clap::Args, Debug, Clone, PartialEq, Eq)]
#[allow(dead_code, reason = "present only to take the global options' places")]
pub struct NoConnection {
    #[arg(short, long, hide = true, value_parser = Refuse::<String>::new("--port"))]
    port: Option<String>,
    #[arg(long, hide = true, value_parser = Refuse::<std::path::PathBuf>::new("--ports-from"))]
    ports_from: Option<std::path::PathBuf>,
    #[arg(long, hide = true, value_parser = RefuseFlag("--all"))]
    all: bool,
    #[arg(short, long, hide = true, value_parser = Refuse::<super::args::BaudArg>::new("--baud"))]
    baud: Option<super::args::BaudArg>,
    #[arg(long, hide = true, value_parser = Refuse::<Before>::new("--before"))]
    before: Option<Before>,
    #[arg(long, hide = true, value_parser = Refuse::<After>::new("--after"))]
    after: Option<After>,
    #[arg(long, hide = true, value_parser = RefuseFlag("--no-stub"))]
    no_stub: bool,
    #[arg(long, hide = true, value_parser = RefuseFlag("--experimental-stub"))]
    experimental_stub: bool,
    #[arg(long, hide = true, value_parser = Refuse::<usize>::new("--connect-attempts"))]
    connect_attempts: Option<usize>,
    #[arg(long, hide = true, value_parser = RefuseFlag("--non-interactive"))]
    non_interactive: bool,
    #[arg(long, hide = true, value_parser = RefuseFlag("--force"))]
    force: bool,
}

/// `--chip`, for offline commands that have none of their own.
#[derive(clap::Args, Debug, Clone, PartialEq, Eq)]
#[allow(dead_code, reason = "present only to take the global option's place")]
pub struct NoChip {
    #[arg(short, long, hide = true, value_parser = Refuse::<Chip>::new("--chip"))]
    chip: Option<Chip>,
}

/// `--port-filter`, for offline commands that do not list ports.
#[derive(clap::Args, Debug, Clone, PartialEq, Eq)]
#[allow(dead_code, reason = "present only to take the global option's place")]
pub struct NoPortFilter {
    #[arg(long, hide = true, value_parser = Refuse::<PortFilter>::new("--port-filter"))]
    port_filter: Vec<PortFilter>,
}

/// All of them: for a command that has nothing to do with a chip.
#[derive(clap::Args, Debug, Clone, PartialEq, Eq)]
pub struct Offline {
    #[command(flatten)]
    conn: NoConnection,
    #[command(flatten)]
    chip: NoChip,
    #[command(flatten)]
    filter: NoPortFilter,
}

/// A value parser that refuses every value: the option does not apply to the command.
struct Refuse<T>(&'static str, PhantomData<fn() -> T>);

impl<T> Refuse<T> {
    fn new(option: &'static str) -> Refuse<T> {
        Refuse(option, PhantomData)
    }
}

impl<T> Clone for Refuse<T> {
    fn clone(&self) -> Refuse<T> {
        Refuse::new(self.0)
    }
}

fn does_not_apply(cmd: &clap::Command, option: &str) -> clap::Error {
    clap::Error::raw(
        clap::error::ErrorKind::ArgumentConflict,
        format!(
            "{} works on files and opens no port: {option} does not apply\n",
            cmd.get_name()
        ),
    )
}

impl<T: Clone + Send + Sync + 'static> TypedValueParser for Refuse<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        _value: &OsStr,
    ) -> Result<T, clap::Error> {
        Err(does_not_apply(cmd, self.0))
    }
}

/// [`Refuse`] for a flag: clap passes a flag's implicit default, "false", through its
/// parser too, and only the flag itself ("true") is refused.
#[derive(Clone)]
struct RefuseFlag(&'static str);

impl TypedValueParser for RefuseFlag {
    type Value = bool;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<bool, clap::Error> {
        match value.to_str() {
            Some("false") => Ok(false),
            _ => Err(does_not_apply(cmd, self.0)),
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use crate::cli::Cli;

    /// The commands that open no port, by path.
    const OFFLINE: &[&[&str]] = &[
        &["partition-table", "convert"],
        &["encrypt-image"],
        &["decrypt-image"],
        &["completions"],
        &["man"],
        &["list-ports"],
        &["virtual-chip"],
    ];

    fn find<'a>(root: &'a clap::Command, path: &[&str]) -> &'a clap::Command {
        path.iter().fold(root, |c, name| {
            c.find_subcommand(name)
                .unwrap_or_else(|| panic!("no command {path:?}"))
        })
    }

    /// Every connection option (a global one under the Connection heading) is hidden in
    /// every offline command, whoever adds one later; `list-ports` keeps `--port-filter`.
    #[test]
    fn offline_commands_hide_every_connection_option() {
        let mut root = Cli::command();
        root.build();
        let conn: Vec<String> = root
            .get_arguments()
            .filter(|a| a.is_global_set() && a.get_help_heading() == Some("Connection"))
            .map(|a| a.get_id().to_string())
            .collect();
        assert!(conn.contains(&"port".to_string()), "{conn:?}");
        for path in OFFLINE {
            let cmd = find(&root, path);
            for id in &conn {
                if path == &["list-ports"] && id == "port_filter" {
                    continue;
                }
                // The global option itself, not a command's own option of that name
                // (virtual-chip's --chip).
                let shown = cmd
                    .get_arguments()
                    .find(|a| a.get_id() == id.as_str())
                    .is_some_and(|a| a.is_global_set() && !a.is_hide_set());
                assert!(!shown, "{path:?} shows the connection option {id}");
            }
        }
        let board_info = find(&root, &["board-info"]);
        assert!(
            board_info
                .get_arguments()
                .any(|a| a.get_id() == "port" && !a.is_hide_set()),
            "commands that connect keep them"
        );
    }

    #[test]
    fn a_connection_option_after_an_offline_command_is_refused() {
        let e = Cli::command()
            .try_get_matches_from(["espflow", "partition-table", "convert", "--port", "x", "a"])
            .unwrap_err();
        assert!(e.to_string().contains("--port does not apply"), "{e}");
        let ok = Cli::command().try_get_matches_from([
            "espflow",
            "--port",
            "x",
            "partition-table",
            "convert",
            "a",
        ]);
        assert!(ok.is_ok(), "before the command it is left alone");
    }
}
