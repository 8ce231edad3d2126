//! `$VAR` / `${VAR}` substitution in CSV lines.
//!
//! The reference runs each raw line through POSIX `os.path.expandvars`:
//! known variables are replaced, unknown ones are left as written, and
//! substituted text is never expanded again.

use std::collections::BTreeMap;

/// Where CSV `$VAR` references are looked up.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum VarSource {
    /// The process environment (what gen_esp32part.py uses).
    #[default]
    Environment,
    /// A fixed set of variables; anything else counts as unset.
    Map(BTreeMap<String, String>),
}

impl VarSource {
    fn lookup(&self, name: &str) -> Option<String> {
        match self {
            // The platform rejects these names outright; to Python they are
            // just missing keys.
            VarSource::Environment if name.is_empty() || name.contains(['=', '\0']) => None,
            VarSource::Environment => {
                std::env::var_os(name).map(|v| v.to_string_lossy().into_owned())
            }
            VarSource::Map(map) => map.get(name).cloned(),
        }
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Finds the next `$name` or `${anything}` at or after `from`; returns the
/// match span and the variable name.
fn next_reference(s: &str, from: usize) -> Option<(usize, usize, &str)> {
    let bytes = s.as_bytes();
    let mut pos = from;
    while let Some(rel) = s.get(pos..)?.find('$') {
        let dollar = pos + rel;
        let after = dollar + 1;
        match bytes.get(after) {
            Some(&b) if is_word_byte(b) => {
                let end = bytes[after..]
                    .iter()
                    .position(|&b| !is_word_byte(b))
                    .map_or(bytes.len(), |n| after + n);
                return Some((dollar, end, &s[after..end]));
            }
            Some(b'{') => {
                if let Some(close) = s[after + 1..].find('}') {
                    let end = after + 1 + close + 1;
                    return Some((dollar, end, &s[after + 1..end - 1]));
                }
            }
            _ => {}
        }
        pos = after;
    }
    None
}

/// Expands variable references in one line.
pub(crate) fn expand(line: &str, vars: &VarSource) -> String {
    if !line.contains('$') {
        return line.to_owned();
    }
    let mut out = line.to_owned();
    let mut from = 0;
    while let Some((start, end, name)) = next_reference(&out, from) {
        match vars.lookup(name) {
            Some(value) => {
                out.replace_range(start..end, &value);
                from = start + value.len();
            }
            None => from = end,
        }
    }
    out
}

/// After expansion, a line that still begins with `$NAME` names a variable
/// that is not set; gen_esp32part.py treats that (and only that position) as an
/// error.
pub(crate) fn leading_unknown(line: &str) -> Option<&str> {
    let rest = line.strip_prefix('$')?;
    let first = *rest.as_bytes().first()?;
    if !(first.is_ascii_alphabetic() || first == b'_') {
        return None;
    }
    let end = rest
        .bytes()
        .position(|b| !is_word_byte(b))
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vars() -> VarSource {
        VarSource::Map(BTreeMap::from([
            ("A".to_owned(), "x".to_owned()),
            ("SELF".to_owned(), "$A".to_owned()),
        ]))
    }

    #[test]
    fn expands_like_posix_expandvars() {
        let v = vars();
        for (input, want) in [
            ("$A", "x"),
            ("${A}", "x"),
            ("$A$A", "xx"),
            ("$$A", "$x"),
            ("${}", "${}"),
            ("$", "$"),
            ("${A", "${A"),
            ("$1", "$1"),
            ("$A_b", "$A_b"),
            ("\\$A", "\\x"),
            ("${A}}", "x}"),
            ("$SELF", "$A"),
            ("nvs,data,nvs,,${A}", "nvs,data,nvs,,x"),
        ] {
            assert_eq!(expand(input, &v), want, "{input}");
        }
    }

    #[test]
    fn only_a_leading_reference_is_an_error() {
        assert_eq!(leading_unknown("$FOO,data"), Some("FOO"));
        assert_eq!(leading_unknown("$_x1,data"), Some("_x1"));
        assert_eq!(leading_unknown(" $FOO"), None);
        assert_eq!(leading_unknown("${FOO}"), None);
        assert_eq!(leading_unknown("$1"), None);
        assert_eq!(leading_unknown("a,$FOO"), None);
    }
}
