//! Addresses and sizes as people type them (`65536`, `0x10000`, `64K`, `4M`, `0x1000k`) and
//! as people like to read them (`4 MiB`).

use std::fmt;

/// Parses an address or size: decimal, `0x` hex, with an optional `K` or `M` suffix (also
/// written `KB`/`KiB`, `MB`/`MiB`).
pub fn parse_u32(s: &str) -> Result<u32, String> {
    let t = s.trim();
    // `4M`, `4MB` and `4MiB` all mean 4 MiB, as flash sizes are written on datasheets
    // and in esptool's options. A lone `B` is a hex digit, never a unit.
    let lower = t.to_ascii_lowercase();
    let unit = [
        ("kib", 1024u64),
        ("mib", 1 << 20),
        ("kb", 1024),
        ("mb", 1 << 20),
        ("k", 1024),
        ("m", 1 << 20),
    ]
    .into_iter()
    .find(|(u, _)| lower.ends_with(u));
    let (body, mult) = match unit {
        Some((u, m)) => (&t[..t.len() - u.len()], m),
        None => (t, 1),
    };
    let v = if let Some(hex) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
        u64::from_str_radix(hex, 16)
    } else {
        body.parse::<u64>()
    }
    .map_err(|_| format!("'{s}' is not a number (use decimal, 0x hex, or a K/M suffix)"))?;
    v.checked_mul(mult)
        .and_then(|v| u32::try_from(v).ok())
        .ok_or_else(|| format!("'{s}' is too large (the limit is 4 GiB - 1)"))
}

/// A byte count for messages: `4 MiB`, `64 KiB`, or `1234 bytes`.
pub fn human_size(bytes: u64) -> HumanSize {
    HumanSize(bytes)
}

/// See [`human_size`].
pub struct HumanSize(u64);

impl fmt::Display for HumanSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let b = self.0;
        if b >= 1 << 20 && b.is_multiple_of(1 << 20) {
            write!(f, "{} MiB", b >> 20)
        } else if b >= 1 << 10 && b.is_multiple_of(1 << 10) {
            write!(f, "{} KiB", b >> 10)
        } else if b == 1 {
            f.write_str("1 byte")
        } else {
            write!(f, "{b} bytes")
        }
    }
}

/// Lower-case hex of a digest or any bytes.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|x| format!("{x:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::{hex, human_size, parse_u32};

    #[test]
    fn forms() {
        assert_eq!(parse_u32("65536"), Ok(65536));
        assert_eq!(parse_u32("0x10000"), Ok(65536));
        assert_eq!(parse_u32("8MB"), Ok(8 << 20));
        assert_eq!(parse_u32("4MiB"), Ok(4 << 20));
        assert_eq!(parse_u32("64kB"), Ok(64 << 10));
        assert_eq!(parse_u32("0x1B"), Ok(0x1B));
        assert_eq!(parse_u32("64K"), Ok(65536));
        assert_eq!(parse_u32("64k"), Ok(65536));
        assert_eq!(parse_u32("4M"), Ok(4 << 20));
        assert_eq!(parse_u32("0x10K"), Ok(16 * 1024));
    }

    #[test]
    fn sizes_read_well() {
        assert_eq!(human_size(4 << 20).to_string(), "4 MiB");
        assert_eq!(human_size(0x3000).to_string(), "12 KiB");
        assert_eq!(human_size(1).to_string(), "1 byte");
        assert_eq!(human_size(1000).to_string(), "1000 bytes");
        assert_eq!(hex(&[0xAB, 0x01]), "ab01");
    }

    #[test]
    fn errors_name_the_input() {
        assert!(parse_u32("ten").unwrap_err().contains("'ten'"));
        assert!(parse_u32("").is_err());
        assert!(parse_u32("8192M").unwrap_err().contains("too large"));
        assert!(parse_u32("0xZZ").is_err());
    }
}
