/// Seed of the `*_DATA` checksum.
pub const CHECKSUM_SEED: u8 = 0xEF;

/// The XOR checksum carried by MEM_DATA, FLASH_DATA and FLASH_DEFL_DATA over their payload.
pub fn checksum(data: &[u8]) -> u8 {
    data.iter().fold(CHECKSUM_SEED, |acc, b| acc ^ b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_payload_is_the_seed() {
        assert_eq!(checksum(&[]), 0xEF);
    }

    #[test]
    fn xors_every_byte() {
        assert_eq!(checksum(&[0xEF]), 0);
        assert_eq!(checksum(&[1, 2, 4]), 0xEF ^ 7);
    }
}
