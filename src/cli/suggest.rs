//! The hint for a command espflow does not have. clap's own picks any name "similar" by a
//! Jaro score, which answers `reset` with `erase-partition`; here a name is suggested only
//! when it is the same word spelled otherwise (`write_flash`), a prefix of one command, one
//! or two typing slips away (`baord-info`), or what esptool and espflash call an espflow
//! command (`chip-id` is in `board-info`). Anything else gets no guess, and the usage.

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// Other tools' command names, and the espflow command that does the same. A target that
/// does not exist (yet) is never suggested.
const OTHER_NAMES: &[(&str, &str)] = &[
    ("chip-id", "board-info"),
    ("flash-id", "board-info"),
    ("read-mac", "board-info"),
    ("get-security-info", "board-info"),
    ("info", "board-info"),
    ("write", "write-flash"),
    ("write-bin", "write-flash"),
    ("verify-flash", "write-flash"),
    ("read", "read-flash"),
    ("dump", "read-flash"),
    ("erase", "erase-flash"),
    ("erase-parts", "erase-partition"),
    ("erase-otadata", "ota"),
    ("hard-reset", "reset"),
    ("soft-reset", "run"),
    ("term", "monitor"),
    ("terminal", "monitor"),
    ("console", "monitor"),
    ("serial-monitor", "monitor"),
    ("ports", "list-ports"),
    ("list", "list-ports"),
    ("completion", "completions"),
    ("partitions", "partition-table"),
    ("elf2image", "save-image"),
    ("merge-bin", "save-image"),
];

/// Replaces the suggestion of an unknown-subcommand error with [`suggestion`]'s; other
/// errors pass as they are.
pub fn better_hint(e: clap::Error, root: &mut clap::Command) -> clap::Error {
    if e.kind() != ErrorKind::InvalidSubcommand {
        return e;
    }
    let Some(ContextValue::String(typed)) = e.get(ContextKind::InvalidSubcommand).cloned() else {
        return e;
    };
    root.build();
    let parent = parent_of(root, &typed, std::env::args().skip(1));
    let names: Vec<String> = parent
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| c.get_name().to_string())
        .collect();
    let mut better = clap::Error::new(ErrorKind::InvalidSubcommand).with_cmd(parent);
    better.insert(
        ContextKind::InvalidSubcommand,
        ContextValue::String(typed.clone()),
    );
    if let Some(s) = suggestion(&typed, &names) {
        better.insert(
            ContextKind::SuggestedSubcommand,
            ContextValue::String(s.to_string()),
        );
    }
    if let Some(usage) = e.get(ContextKind::Usage).cloned() {
        better.insert(ContextKind::Usage, usage);
    }
    better
}

/// The command whose subcommand `typed` was taken for: the last one named on the line
/// before it.
fn parent_of<'a>(
    root: &'a clap::Command,
    typed: &str,
    args: impl Iterator<Item = String>,
) -> &'a clap::Command {
    let mut cmd = root;
    for a in args {
        if a == typed {
            break;
        }
        if let Some(sub) = cmd.find_subcommand(&a) {
            cmd = sub;
        }
    }
    cmd
}

/// The command `typed` most likely meant, among `names`, or None when no guess is good.
pub fn suggestion<'a>(typed: &str, names: &'a [String]) -> Option<&'a str> {
    let word = typed.to_ascii_lowercase().replace('_', "-");
    let find = |n: &str| names.iter().find(|c| *c == n).map(String::as_str);
    if let Some(same) = find(&word) {
        return Some(same);
    }
    if let Some(other) = OTHER_NAMES
        .iter()
        .find(|(other, _)| *other == word)
        .and_then(|(_, ours)| find(ours))
    {
        return Some(other);
    }
    let prefixed: Vec<&String> = names.iter().filter(|n| n.starts_with(&word)).collect();
    if word.len() >= 3 && prefixed.len() == 1 {
        return Some(prefixed[0]);
    }
    let slips = if word.len() >= 8 { 2 } else { 1 };
    let mut near = names
        .iter()
        .map(|n| (distance(&word, n), n))
        .filter(|(d, _)| *d <= slips);
    match (near.next(), near.next()) {
        (Some((_, n)), None) => Some(n),
        _ => None,
    }
}

/// Edits (insert, delete, substitute, swap two neighbours) from `a` to `b`.
fn distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;
    use crate::cli::Cli;

    fn commands() -> Vec<String> {
        Cli::command()
            .get_subcommands()
            .filter(|c| !c.is_hide_set())
            .map(|c| c.get_name().to_string())
            .collect()
    }

    #[test]
    fn guesses_only_what_is_near() {
        let names = commands();
        let s = |t: &str| suggestion(t, &names);
        assert_eq!(s("write_flash"), Some("write-flash"));
        assert_eq!(s("Board-Info"), Some("board-info"));
        assert_eq!(s("baord-info"), Some("board-info"));
        assert_eq!(s("rest"), Some("reset"));
        assert_eq!(s("monit"), Some("monitor"));
        assert_eq!(s("chip-id"), Some("board-info"));
        assert_eq!(s("read_mac"), Some("board-info"));
        assert_eq!(s("erase-parts"), Some("erase-partition"));
        assert_eq!(s("hard-reset"), Some("reset"));
        assert_eq!(s("erase"), Some("erase-flash"));
        // clap's own score calls these similar to something; they are not.
        assert_eq!(s("frobnicate"), None);
        assert_eq!(s("res"), Some("reset"), "the one command starting so");
        assert_eq!(s("re"), None, "too short to be a prefix worth guessing");
        assert_eq!(s("x"), None);
    }

    #[test]
    fn the_hint_replaces_clap_s() {
        let mut root = Cli::command();
        let e = root
            .clone()
            .try_get_matches_from(["espflow", "chip-id"])
            .unwrap_err();
        let text = better_hint(e, &mut root).to_string();
        assert!(text.contains("unrecognized subcommand 'chip-id'"), "{text}");
        assert!(text.contains("'board-info'"), "{text}");
        let e = root
            .clone()
            .try_get_matches_from(["espflow", "frobnicate"])
            .unwrap_err();
        let text = better_hint(e, &mut root).to_string();
        assert!(!text.contains("similar"), "{text}");
        assert!(text.contains("Usage:"), "{text}");
    }

    #[test]
    fn distances() {
        assert_eq!(distance("reset", "reset"), 0);
        assert_eq!(distance("rset", "reset"), 1);
        assert_eq!(distance("baord", "board"), 1);
        assert!(distance("reset", "erase-partition") > 2);
    }
}
