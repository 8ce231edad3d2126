//! Text handling that must agree with Python's `str` semantics, because the
//! generator's notion of a line, of whitespace and of the input's
//! encoding decides which bytes end up in the table.

use super::error::PartitionError;

/// Python's `str.isspace()`. Rust's `char::is_whitespace` lacks the four
/// ASCII separators U+001C..U+001F, which Python strips from fields.
pub(crate) fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.strip()` with no arguments.
pub(crate) fn py_strip(s: &str) -> &str {
    s.trim_matches(is_py_space)
}

/// Python's `str.splitlines()`: every Unicode line boundary ends a line,
/// `\r\n` counts once, and a trailing boundary does not start a new line.
pub(crate) fn split_lines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !is_line_break(c) {
            continue;
        }
        lines.push(&text[start..i]);
        let mut next = i + c.len_utf8();
        if c == '\r'
            && let Some(&(j, '\n')) = iter.peek()
        {
            iter.next();
            next = j + 1;
        }
        start = next;
    }
    if start < text.len() {
        lines.push(&text[start..]);
    }
    lines
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\x0b'
            | '\x0c'
            | '\r'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// Decodes CSV input the way the generator does: a byte order mark selects
/// UTF-8, UTF-16 or UTF-32 (and is dropped); without one the text must be
/// UTF-8. The UTF-16 little-endian mark is tested before the UTF-32 one, so
/// a UTF-32LE file is read as UTF-16, exactly like gen_esp32part.py.
pub(crate) fn decode_input(bytes: &[u8]) -> Result<String, PartitionError> {
    const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];
    if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        return utf8(rest, UTF8_BOM.len());
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0x00, 0x00, 0xFE, 0xFF]) {
        return utf32_be(rest);
    }
    utf8(bytes, 0)
}

fn utf8(bytes: &[u8], skipped: usize) -> Result<String, PartitionError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            let at = e.valid_up_to();
            let prefix = std::str::from_utf8(&bytes[..at]).unwrap_or("");
            let complete = split_lines(prefix).len();
            let line = match prefix.chars().last() {
                None => 1,
                Some(c) if is_line_break(c) => complete + 1,
                Some(_) => complete,
            };
            Err(PartitionError::Encoding(format!(
                "input is neither a binary partition table (it does not start with AA 50) nor UTF-8 text: \
                 invalid byte 0x{:02x} at offset {} (line {line})",
                bytes[at],
                at + skipped
            )))
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, PartitionError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(PartitionError::Encoding(
            "UTF-16 input (byte order mark found) has an odd number of bytes".into(),
        ));
    }
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units)
        .map(|r| r.map_err(|e| e.unpaired_surrogate()))
        .collect::<Result<String, u16>>()
        .map_err(|s| {
            PartitionError::Encoding(format!("UTF-16 input has an unpaired surrogate 0x{s:04x}"))
        })
}

fn utf32_be(bytes: &[u8]) -> Result<String, PartitionError> {
    if !bytes.len().is_multiple_of(4) {
        return Err(PartitionError::Encoding(
            "UTF-32 input (byte order mark found) is not a whole number of 4-byte units".into(),
        ));
    }
    bytes
        .chunks_exact(4)
        .map(|c| {
            let v = u32::from_be_bytes([c[0], c[1], c[2], c[3]]);
            char::from_u32(v).ok_or_else(|| {
                PartitionError::Encoding(format!("UTF-32 input has an invalid code point 0x{v:x}"))
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitlines_matches_python() {
        assert_eq!(split_lines("a\nb\r\nc\rd"), ["a", "b", "c", "d"]);
        assert_eq!(split_lines("a\n"), ["a"]);
        assert_eq!(split_lines("a\n\nb"), ["a", "", "b"]);
        assert_eq!(split_lines("\n"), [""]);
        assert_eq!(split_lines(""), Vec::<&str>::new());
        assert_eq!(
            split_lines("a\u{2028}b\x0bc\x1cd\u{85}e\x1ff"),
            ["a", "b", "c", "d", "e\x1ff"]
        );
        assert_eq!(split_lines("a\r\r\nb"), ["a", "", "b"]);
    }

    #[test]
    fn strip_includes_ascii_separators() {
        assert_eq!(py_strip("\x1c nvs \u{3000}\x1f"), "nvs");
        assert_eq!(py_strip("\0nvs"), "\0nvs");
    }

    #[test]
    fn boms_are_honoured() {
        assert_eq!(decode_input(b"\xEF\xBB\xBFnvs").unwrap(), "nvs");
        assert_eq!(decode_input(b"\xFF\xFEn\0v\0").unwrap(), "nv");
        assert_eq!(decode_input(b"\xFE\xFF\0n\0v").unwrap(), "nv");
        assert_eq!(decode_input(b"\0\0\xFE\xFF\0\0\0n").unwrap(), "n");
        // UTF-32LE is read as UTF-16LE, so NULs appear between characters.
        assert_eq!(decode_input(b"\xFF\xFE\0\0n\0\0\0").unwrap(), "\0n\0");
        assert!(decode_input(b"\xFF\xFEn").is_err());
        assert!(decode_input(b"nvs\xff").is_err());
        // A second BOM is an ordinary character.
        assert_eq!(
            decode_input(b"\xEF\xBB\xBF\xEF\xBB\xBFa").unwrap(),
            "\u{feff}a"
        );
    }
}
