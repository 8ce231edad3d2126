//! Integer literals exactly as ESP-IDF's table generator reads them.
//!
//! The generator hands every numeric field to Python's `int(text, 0)` after
//! peeling `k`/`m` suffixes, so the accepted syntax is Python's: `0x`/`0o`/`0b`
//! prefixes, `_` separators, a sign, surrounding whitespace, Unicode decimal
//! digits, and no leading zeros on decimals. Values are kept in `i128` so that
//! anything the generator would accept as an intermediate value is
//! representable; values beyond that would fail at binary packing anyway.

use super::text::is_py_space;

/// Why a literal did not produce a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IntError {
    /// Not a literal at all (Python raises `ValueError`).
    Invalid,
    /// A well-formed literal too large to be of any use in a partition table.
    Overflow,
}

/// The radix argument given to Python's `int()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Radix {
    /// `int(text, 0)`: the prefix decides, leading-zero decimals are rejected.
    Auto,
    /// `int(text, 16)`: hex with an optional `0x` prefix.
    Hex,
}

/// Python refuses decimal strings longer than this (`sys.int_info.default_max_str_digits`).
const MAX_DECIMAL_DIGITS: usize = 4300;

/// Parses `text` the way Python's `int(text, radix)` does.
pub(crate) fn py_int(text: &str, radix: Radix) -> Result<i128, IntError> {
    let ascii = to_ascii_form(text).ok_or(IntError::Invalid)?;
    let s = ascii.trim_matches(|c: char| matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r'));
    let bytes = s.as_bytes();

    let (negative, rest) = match bytes.first() {
        Some(b'-') => (true, &bytes[1..]),
        Some(b'+') => (false, &bytes[1..]),
        _ => (false, bytes),
    };

    let prefix_base = |b: u8| match b {
        b'x' | b'X' => Some(16),
        b'o' | b'O' => Some(8),
        b'b' | b'B' => Some(2),
        _ => None,
    };

    let (base, digits, prefixed, zero_only) = match radix {
        Radix::Auto => match (rest, rest.get(1).copied().and_then(prefix_base)) {
            ([b'0', ..], Some(base)) => (base, &rest[2..], true, false),
            // A decimal that starts with 0 must be all zeros ("00", "0_0").
            ([b'0', ..], None) => (10, rest, false, true),
            _ => (10, rest, false, false),
        },
        Radix::Hex => match rest {
            [b'0', b'x' | b'X', tail @ ..] => (16, tail, true, false),
            _ => (16, rest, false, false),
        },
    };

    let value = digits_value(digits, base, prefixed)?;
    if base == 10 && digits.iter().filter(|b| b.is_ascii_digit()).count() > MAX_DECIMAL_DIGITS {
        return Err(IntError::Invalid);
    }
    let value = value?;
    if zero_only && value != 0 {
        return Err(IntError::Invalid);
    }
    Ok(if negative { -value } else { value })
}

/// Reads the digit run after any prefix. The outer `Result` is syntax, the
/// inner one is magnitude, so a malformed literal is reported as such even
/// when it is also huge.
fn digits_value(
    digits: &[u8],
    base: u32,
    prefixed: bool,
) -> Result<Result<i128, IntError>, IntError> {
    // Python allows one underscore right after a base prefix ("0x_ff").
    let digits = match digits {
        [b'_', tail @ ..] if prefixed => tail,
        _ => digits,
    };
    let mut value: Option<i128> = Some(0);
    let mut seen_digit = false;
    let mut after_underscore = false;
    for &b in digits {
        if b == b'_' {
            if !seen_digit || after_underscore {
                return Err(IntError::Invalid);
            }
            after_underscore = true;
            continue;
        }
        let d = (b as char).to_digit(base).ok_or(IntError::Invalid)?;
        value = value
            .and_then(|v| v.checked_mul(i128::from(base)))
            .and_then(|v| v.checked_add(i128::from(d)));
        seen_digit = true;
        after_underscore = false;
    }
    if !seen_digit || after_underscore {
        return Err(IntError::Invalid);
    }
    Ok(value.ok_or(IntError::Overflow))
}

/// Mirrors CPython's first step in `int()`: whitespace becomes a space,
/// decimal digits of any script become ASCII digits, and any other non-ASCII
/// character makes the literal invalid.
fn to_ascii_form(text: &str) -> Option<String> {
    text.chars()
        .map(|c| {
            if (c as u32) < 127 {
                Some(c)
            } else if is_py_space(c) {
                Some(' ')
            } else {
                unicode_decimal(c).map(|d| char::from(b'0' + d))
            }
        })
        .collect()
}

/// First code point of every run of ten Unicode decimal digits (category Nd,
/// Unicode 14, as in Python 3.11).
const DECIMAL_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
    0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

fn unicode_decimal(c: char) -> Option<u8> {
    let cp = c as u32;
    let idx = DECIMAL_ZEROS.partition_point(|&z| z <= cp).checked_sub(1)?;
    let offset = cp - DECIMAL_ZEROS[idx];
    u8::try_from(offset).ok().filter(|d| *d < 10)
}

/// Formats like Python's `'0x%x' % v`, which puts the sign after the prefix.
pub(crate) fn c_hex(v: i128) -> String {
    if v < 0 {
        format!("0x-{:x}", v.unsigned_abs())
    } else {
        format!("0x{v:x}")
    }
}

/// Formats like Python's `f'{v:#x}'`, which puts the sign first.
pub(crate) fn alt_hex(v: i128) -> String {
    if v < 0 {
        format!("-0x{:x}", v.unsigned_abs())
    } else {
        format!("0x{v:x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auto(s: &str) -> Result<i128, IntError> {
        py_int(s, Radix::Auto)
    }

    #[test]
    fn accepts_python_literals() {
        for (s, v) in [
            ("0", 0),
            ("00", 0),
            ("0_0", 0),
            ("65536", 65536),
            ("0x10000", 0x10000),
            ("0X1F", 0x1f),
            ("0x_1f", 0x1f),
            ("0o17", 15),
            ("0b_101", 5),
            ("1_048_576", 1_048_576),
            ("-0x10", -16),
            ("+5", 5),
            (" 5\t", 5),
            ("\u{3000}5\u{a0}", 5),
            ("\u{ff11}\u{ff12}", 12),
            ("\u{660}x\u{661}\u{660}", 16),
        ] {
            assert_eq!(auto(s), Ok(v), "{s:?}");
        }
    }

    #[test]
    fn rejects_what_python_rejects() {
        for s in [
            "", "01", "024576", "0_7", "1__0", "_1", "1_", "0x", "0x-1", "- 1", "--1", "0b102",
            "0o8", "\x1c5", "5\x1f", "1.0", "0x1g", "\u{660}1",
        ] {
            assert_eq!(auto(s), Err(IntError::Invalid), "{s:?}");
        }
    }

    #[test]
    fn hex_radix_rules() {
        let hex = |s| py_int(s, Radix::Hex);
        assert_eq!(hex("99"), Ok(0x99));
        assert_eq!(hex("0x99"), Ok(0x99));
        assert_eq!(hex("0b1"), Ok(0xb1));
        assert_eq!(hex("ff_ff"), Ok(0xffff));
        assert_eq!(hex("-1"), Ok(-1));
        assert_eq!(hex("0X_f"), Ok(15));
        assert_eq!(hex("g"), Err(IntError::Invalid));
    }

    #[test]
    fn huge_literals_overflow_but_bad_ones_stay_invalid() {
        assert_eq!(auto(&"9".repeat(60)), Err(IntError::Overflow));
        assert_eq!(
            auto(&format!("{}_", "9".repeat(60))),
            Err(IntError::Invalid)
        );
        assert_eq!(auto(&"1".repeat(4301)), Err(IntError::Invalid));
    }

    #[test]
    fn hex_formatting_matches_python() {
        assert_eq!(c_hex(0x9000), "0x9000");
        assert_eq!(c_hex(-16), "0x-10");
        assert_eq!(alt_hex(-16), "-0x10");
        assert_eq!(alt_hex(0x8000), "0x8000");
    }
}
