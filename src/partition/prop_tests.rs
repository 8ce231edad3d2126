//! Property checks over generated tables, using a small deterministic
//! generator so failures reproduce exactly.

use super::*;

/// xorshift64*: plenty for test-case generation.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const NAME_CHARS: &[char] = &['a', 'z', '0', '_', '-', 'é', 'ж', '名', ' '];

/// A table that passes validation: rising, aligned, non-overlapping
/// entries with unique names of at most 16 bytes.
fn random_table(rng: &mut Rng) -> PartitionTable {
    let mut partitions = Vec::new();
    let mut next: u64 = 0x9000;
    let count = rng.below(12);
    for i in 0..count {
        let (ptype, subtype) = *rng.pick(&[
            (0u8, 0u8),
            (0, 0x10),
            (0, 0x20),
            (1, 0x40),
            (1, 0x81),
            (0x40, 3),
            (0x41, 0xff),
        ]);
        let align = u64::from(offset_alignment(ptype));
        let offset = (next + rng.below(3) * 0x1000).div_ceil(align) * align;
        let size = if ptype == 0 {
            (1 + rng.below(32)) * 0x10000
        } else {
            rng.below(64) * 0x1000 + rng.below(2) * 0x123
        };
        let mut name = format!("p{i}");
        while name.len() < rng.below(17) as usize {
            let c = *rng.pick(NAME_CHARS);
            if name.len() + c.len_utf8() > NAME_LEN {
                break;
            }
            name.push(c);
        }
        // CSV fields are trimmed, so a trailing space would not survive.
        name.truncate(name.trim_end().len());
        partitions.push(Partition {
            name,
            ptype,
            subtype,
            offset: offset as u32,
            size: size as u32,
            encrypted: rng.below(4) == 0,
            readonly: rng.below(4) == 0,
        });
        next = offset + size;
    }
    PartitionTable { partitions }
}

#[test]
fn binary_round_trip() {
    let mut rng = Rng(0x5eed);
    for _ in 0..500 {
        let t = random_table(&mut rng);
        t.validate(&ValidateOptions::default()).unwrap();
        for md5 in [true, false] {
            let image = t.to_binary_with(md5).unwrap();
            assert_eq!(image.len(), TABLE_BINARY_LEN);
            let back =
                PartitionTable::from_binary(&image, &BinOptions { verify_md5: md5 }).unwrap();
            assert_eq!(back, t);
        }
    }
}

#[test]
fn csv_round_trip_reproduces_the_binary() {
    let mut rng = Rng(0xc5f);
    for _ in 0..500 {
        let t = random_table(&mut rng);
        for style in [CsvStyle::Smart, CsvStyle::Simple] {
            let text = t.to_csv_with(&Keywords::default(), style);
            let back = PartitionTable::from_csv(&text, &CsvOptions::default()).unwrap();
            assert_eq!(back, t, "{text}");
            assert_eq!(back.to_binary().unwrap(), t.to_binary().unwrap());
        }
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(0xfeed);
    let seeds: Vec<Vec<u8>> = vec![
        random_table(&mut rng).to_binary().unwrap(),
        b"nvs,data,nvs,,0x4000\nota_0,app,ota_0,,1M\n".to_vec(),
    ];
    for _ in 0..3000 {
        let mut bytes = rng.pick(&seeds).clone();
        for _ in 0..1 + rng.below(8) {
            match rng.below(4) {
                0 if !bytes.is_empty() => {
                    let i = rng.below(bytes.len() as u64) as usize;
                    bytes[i] = rng.next() as u8;
                }
                1 => bytes.truncate(rng.below(bytes.len() as u64 + 1) as usize),
                2 => bytes.push(*rng.pick(b",:-kKmM0x9_ \n#$\xff\xaa\x50")),
                _ => {
                    let i = rng.below(bytes.len() as u64 + 1) as usize;
                    bytes.insert(i, rng.next() as u8);
                }
            }
        }
        if let Ok((t, _)) =
            PartitionTable::from_bytes(&bytes, &CsvOptions::default(), &BinOptions::default())
        {
            let _ = t.validate(&ValidateOptions::default());
            let _ = t.to_binary();
            let _ = t.to_csv();
            let _ = render_table(&t, Some(AppSlot::Ota(0)));
        }
        let _ = crate::ota::OtaData::parse(&bytes);
    }
}

#[test]
fn conversion_is_a_fixed_point() {
    let mut rng = Rng(0xabc);
    for _ in 0..200 {
        let t = random_table(&mut rng);
        let image = t.to_binary().unwrap();
        let csv = PartitionTable::from_binary(&image, &BinOptions::default())
            .unwrap()
            .to_csv();
        let again = PartitionTable::from_csv(&csv, &CsvOptions::default()).unwrap();
        assert_eq!(again.to_binary().unwrap(), image);
        assert_eq!(again.to_csv(), csv);
    }
}
