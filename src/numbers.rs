//! Addresses and sizes as people type them: `65536`, `0x10000`, `64K`, `4M`, `0x1000k`.

pub fn parse_u32(s: &str) -> Result<u32, String> {
    let t = s.trim();
    let (body, mult) = match t.chars().last() {
        Some('k' | 'K') => (&t[..t.len() - 1], 1024u64),
        Some('m' | 'M') => (&t[..t.len() - 1], 1024 * 1024),
        _ => (t, 1),
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

#[cfg(test)]
mod tests {
    use super::parse_u32;

    #[test]
    fn forms() {
        assert_eq!(parse_u32("65536"), Ok(65536));
        assert_eq!(parse_u32("0x10000"), Ok(65536));
        assert_eq!(parse_u32("64K"), Ok(65536));
        assert_eq!(parse_u32("64k"), Ok(65536));
        assert_eq!(parse_u32("4M"), Ok(4 << 20));
        assert_eq!(parse_u32("0x10K"), Ok(16 * 1024));
    }

    #[test]
    fn errors_name_the_input() {
        assert!(parse_u32("ten").unwrap_err().contains("'ten'"));
        assert!(parse_u32("").is_err());
        assert!(parse_u32("8192M").unwrap_err().contains("too large"));
        assert!(parse_u32("0xZZ").is_err());
    }
}
