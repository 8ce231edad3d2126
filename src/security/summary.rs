//! Every eFuse field of a chip's table by name and value, read-only, as espefuse's
//! `summary` shows them (the same names, the same meaning of each value, the same
//! readable/writeable flags), so the two can be compared field for field.
//!
//! The field tables (block, word, bit position, length, write- and read-protection bit,
//! value names) are the facts of esptool 5.6's eFuse definitions for the chip, one table per
//! chip; espflow knows the ESP32-C3's.

use crate::chip::Chip;

/// How a field's bits are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One bit: `true`/`false`, or its name.
    Bool,
    /// An unsigned number, or its name.
    Uint,
    /// Bytes in block order, as hex pairs.
    Bytes,
    /// A MAC address in block order.
    Mac,
    /// A MAC address stored last byte first (the factory MAC).
    MacReversed,
    /// A key purpose, by name.
    KeyPurpose,
    /// The minor wafer version, assembled from its two parts (not a field of its own).
    WaferMinor,
}

/// One eFuse field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// Its name, as espefuse prints it.
    pub name: &'static str,
    /// The block it lies in.
    pub block: u8,
    /// The word of the block it starts in.
    pub word: u8,
    /// Its first bit in that word.
    pub pos: u8,
    /// Its length in bits.
    pub len: u16,
    /// How it is shown.
    pub kind: Kind,
    /// Its bit in WR_DIS, where it can be write-protected.
    pub wr_dis: Option<u8>,
    /// Its bit in RD_DIS, where it can be read-protected.
    pub rd_dis: Option<u8>,
    /// The group espefuse lists it under.
    pub category: &'static str,
    /// What it is.
    pub description: &'static str,
    /// Names of some of its values.
    pub names: &'static [(u32, &'static str)],
}

#[allow(clippy::too_many_arguments)]
const fn field(
    name: &'static str,
    block: u8,
    word: u8,
    pos: u8,
    len: u16,
    kind: Kind,
    wr_dis: Option<u8>,
    rd_dis: Option<u8>,
    category: &'static str,
    description: &'static str,
    names: &'static [(u32, &'static str)],
) -> Field {
    Field {
        name,
        block,
        word,
        pos,
        len,
        kind,
        wr_dis,
        rd_dis,
        category,
        description,
        names,
    }
}

/// A chip's eFuse blocks and fields.
#[derive(Clone, Copy, Debug)]
pub struct Table {
    /// Where each block's read registers start, and how many words it has.
    pub blocks: &'static [(u32, u8)],
    /// Every field, in espefuse's order.
    pub fields: &'static [Field],
    /// KEY_PURPOSE names.
    pub purposes: &'static [(u32, &'static str)],
}

/// The eFuse table of `chip`, where espflow has one.
pub fn table(chip: Chip) -> Option<&'static Table> {
    match chip {
        Chip::Esp32c3 => Some(&ESP32C3),
        _ => None,
    }
}

/// A field's value as espefuse's JSON summary gives it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum Value {
    /// A bit without a name for its value.
    Bool(bool),
    /// A number without a name for its value.
    Int(u64),
    /// A name, bytes or a MAC address.
    Text(String),
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            // espefuse prints Python's spelling.
            Value::Bool(b) => f.write_str(if *b { "True" } else { "False" }),
            Value::Int(n) => write!(f, "{n}"),
            Value::Text(s) => f.write_str(s),
        }
    }
}

/// A field read from the chip.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct FieldValue {
    /// The field's name.
    pub name: &'static str,
    /// Its block.
    pub block: u8,
    /// Its group.
    pub category: &'static str,
    /// What it is.
    pub description: &'static str,
    /// Its value.
    pub value: Value,
    /// Its bits, in hex (`0x...`).
    pub raw: String,
    /// Not read-protected.
    pub readable: bool,
    /// Not write-protected.
    pub writeable: bool,
}

/// Reads every block of `table` through `read` (one READ_REG per word) and returns every
/// field's value.
pub fn read<E>(
    table: &Table,
    read: &mut dyn FnMut(u32) -> Result<u32, E>,
) -> Result<Vec<FieldValue>, E> {
    let mut blocks = Vec::new();
    for &(base, words) in table.blocks {
        let mut b = Vec::with_capacity(words as usize);
        for i in 0..words as u32 {
            b.push(read(base + 4 * i)?);
        }
        blocks.push(b);
    }
    Ok(values(table, &blocks))
}

/// `len` bits from bit `at` of a block's words, for fields of up to 64 bits.
fn bits(words: &[u32], at: u32, len: u32) -> u64 {
    let mut v = 0u64;
    for i in 0..len {
        let b = at + i;
        let w = words.get((b / 32) as usize).copied().unwrap_or(0);
        v |= u64::from((w >> (b % 32)) & 1) << i;
    }
    v
}

fn block_bytes(words: &[u32]) -> Vec<u8> {
    words.iter().flat_map(|w| w.to_le_bytes()).collect()
}

fn hex_bytes(b: &[u8], sep: &str) -> String {
    b.iter()
        .map(|x| format!("{x:02x}"))
        .collect::<Vec<_>>()
        .join(sep)
}

/// Every field's value from the blocks' words.
pub fn values(table: &Table, blocks: &[Vec<u32>]) -> Vec<FieldValue> {
    let block = |n: u8| blocks.get(n as usize).map_or(&[][..], |b| b.as_slice());
    let find = |name: &str| table.fields.iter().find(|f| f.name == name);
    let get = |f: &Field| {
        bits(
            block(f.block),
            f.word as u32 * 32 + f.pos as u32,
            f.len as u32,
        )
    };
    let wr_dis = find("WR_DIS").map_or(0, get);
    let rd_dis = find("RD_DIS").map_or(0, get);
    table
        .fields
        .iter()
        .map(|f| {
            let readable = f.rd_dis.is_none_or(|b| rd_dis & (1 << b) == 0);
            let writeable = f.wr_dis.is_none_or(|b| wr_dis & (1 << b) == 0);
            let named = |v: u64| {
                f.names
                    .iter()
                    .find(|(k, _)| u64::from(*k) == v)
                    .map(|(_, n)| Value::Text((*n).to_string()))
            };
            let (value, raw) = match f.kind {
                Kind::Bytes | Kind::Mac | Kind::MacReversed => {
                    let all = block_bytes(block(f.block));
                    let start = f.word as usize * 4 + f.pos as usize / 8;
                    let n = f.len as usize / 8;
                    let mut b = all.get(start..start + n).unwrap_or(&[]).to_vec();
                    // The raw form is the field as one number, most significant byte first.
                    let raw = format!(
                        "0x{}",
                        hex_bytes(&b.iter().rev().copied().collect::<Vec<_>>(), "")
                    );
                    let text = match f.kind {
                        Kind::Bytes if !readable => vec!["??"; n].join(" "),
                        Kind::Bytes => hex_bytes(&b, " "),
                        Kind::MacReversed => {
                            b.reverse();
                            format!("{} (OK)", hex_bytes(&b, ":"))
                        }
                        _ => format!("{} (OK)", hex_bytes(&b, ":")),
                    };
                    (Value::Text(text), raw)
                }
                Kind::WaferMinor => {
                    let part = |n: &str| find(n).map_or(0, get);
                    let v = (part("WAFER_VERSION_MINOR_HI") << 3) + part("WAFER_VERSION_MINOR_LO");
                    (Value::Int(v), format!("0x{v:x}"))
                }
                Kind::KeyPurpose => {
                    let v = get(f);
                    let name = table
                        .purposes
                        .iter()
                        .find(|(k, _)| u64::from(*k) == v)
                        .map_or_else(|| v.to_string(), |(_, n)| (*n).to_string());
                    (Value::Text(name), format!("0x{v:x}"))
                }
                Kind::Bool => {
                    let v = get(f);
                    (named(v).unwrap_or(Value::Bool(v == 1)), format!("0x{v:x}"))
                }
                Kind::Uint => {
                    let v = get(f);
                    (named(v).unwrap_or(Value::Int(v)), format!("0x{v:x}"))
                }
            };
            FieldValue {
                name: f.name,
                block: f.block,
                category: f.category,
                description: f.description,
                value,
                raw,
                readable,
                writeable,
            }
        })
        .collect()
}

const C3_BASE: u32 = 0x6000_8800;

/// The ESP32-C3: BLOCK0 (6 words from WR_DIS), BLOCK1 (6), BLOCK2 to BLOCK10 (8 each).
pub const ESP32C3: Table = Table {
    blocks: &[
        (C3_BASE + 0x02C, 6),
        (C3_BASE + 0x044, 6),
        (C3_BASE + 0x05C, 8),
        (C3_BASE + 0x07C, 8),
        (C3_BASE + 0x09C, 8),
        (C3_BASE + 0x0BC, 8),
        (C3_BASE + 0x0DC, 8),
        (C3_BASE + 0x0FC, 8),
        (C3_BASE + 0x11C, 8),
        (C3_BASE + 0x13C, 8),
        (C3_BASE + 0x15C, 8),
    ],
    fields: C3_FIELDS,
    purposes: super::fuses::C3_PURPOSES,
};

/// Every field espefuse's summary shows for the C3, in its order. BLOCK_USR_DATA is the
/// whole of BLOCK3 (its definition says 192 bits; espefuse shows the block).
const C3_FIELDS: &[Field] = &[
    field(
        "WR_DIS",
        0,
        0,
        0,
        32,
        Kind::Uint,
        None,
        None,
        "config",
        "Disable programming of individual eFuses",
        &[],
    ),
    field(
        "RD_DIS",
        0,
        1,
        0,
        7,
        Kind::Uint,
        Some(0),
        None,
        "config",
        "Disable reading from BlOCK4-10",
        &[],
    ),
    field(
        "DIS_ICACHE",
        0,
        1,
        8,
        1,
        Kind::Bool,
        Some(2),
        None,
        "config",
        "Set this bit to disable Icache",
        &[],
    ),
    field(
        "DIS_TWAI",
        0,
        1,
        14,
        1,
        Kind::Bool,
        Some(2),
        None,
        "config",
        "Set this bit to disable CAN function",
        &[],
    ),
    field(
        "DIS_DIRECT_BOOT",
        0,
        4,
        1,
        1,
        Kind::Bool,
        Some(18),
        None,
        "config",
        "Disable direct boot mode",
        &[],
    ),
    field(
        "UART_PRINT_CONTROL",
        0,
        4,
        6,
        2,
        Kind::Uint,
        Some(18),
        None,
        "config",
        "Set the default UARTboot message output mode",
        &[
            (0, "Enable"),
            (1, "Enable when GPIO8 is low at reset"),
            (2, "Enable when GPIO8 is high at reset"),
            (3, "Disable"),
        ],
    ),
    field(
        "ERR_RST_ENABLE",
        0,
        4,
        31,
        1,
        Kind::Bool,
        Some(19),
        None,
        "config",
        "Use BLOCK0 to check error record registers",
        &[(0, "without check"), (1, "with check")],
    ),
    field(
        "BLOCK_USR_DATA",
        3,
        0,
        0,
        256,
        Kind::Bytes,
        Some(22),
        None,
        "config",
        "User data",
        &[],
    ),
    field(
        "BLOCK_SYS_DATA2",
        10,
        0,
        0,
        256,
        Kind::Bytes,
        Some(29),
        Some(6),
        "config",
        "System data part 2 (reserved)",
        &[],
    ),
    field(
        "FLASH_TPUW",
        0,
        3,
        28,
        4,
        Kind::Uint,
        Some(18),
        None,
        "flash",
        "Configures flash waiting time after power-up; in unit of ms. If the value is less than 15; the waiting time is the configurable value; Otherwise; the waiting time is twice the configurable value",
        &[],
    ),
    field(
        "FORCE_SEND_RESUME",
        0,
        4,
        13,
        1,
        Kind::Bool,
        Some(18),
        None,
        "flash",
        "Set this bit to force ROM code to send a resume command during SPI boot",
        &[],
    ),
    field(
        "FLASH_CAP",
        1,
        3,
        27,
        3,
        Kind::Uint,
        Some(20),
        None,
        "flash",
        "Flash capacity",
        &[(0, "None"), (1, "4M"), (2, "2M"), (3, "1M"), (4, "8M")],
    ),
    field(
        "FLASH_TEMP",
        1,
        3,
        30,
        2,
        Kind::Uint,
        Some(20),
        None,
        "flash",
        "Flash temperature",
        &[(0, "None"), (1, "105C"), (2, "85C")],
    ),
    field(
        "FLASH_VENDOR",
        1,
        4,
        0,
        3,
        Kind::Uint,
        Some(20),
        None,
        "flash",
        "Flash vendor",
        &[
            (0, "None"),
            (1, "XMC"),
            (2, "GD"),
            (3, "FM"),
            (4, "TT"),
            (5, "ZBIT"),
        ],
    ),
    field(
        "DISABLE_WAFER_VERSION_MAJOR",
        0,
        5,
        0,
        1,
        Kind::Bool,
        Some(19),
        None,
        "identity",
        "Disables check of wafer version major",
        &[],
    ),
    field(
        "DISABLE_BLK_VERSION_MAJOR",
        0,
        5,
        1,
        1,
        Kind::Bool,
        Some(19),
        None,
        "identity",
        "Disables check of blk version major",
        &[],
    ),
    field(
        "WAFER_VERSION_MINOR_LO",
        1,
        3,
        18,
        3,
        Kind::Uint,
        Some(20),
        None,
        "identity",
        "WAFER_VERSION_MINOR least significant bits",
        &[],
    ),
    field(
        "PKG_VERSION",
        1,
        3,
        21,
        3,
        Kind::Uint,
        Some(20),
        None,
        "identity",
        "Package version",
        &[],
    ),
    field(
        "BLK_VERSION_MINOR",
        1,
        3,
        24,
        3,
        Kind::Uint,
        Some(20),
        None,
        "identity",
        "BLK_VERSION_MINOR",
        &[],
    ),
    field(
        "WAFER_VERSION_MINOR_HI",
        1,
        5,
        23,
        1,
        Kind::Bool,
        Some(20),
        None,
        "identity",
        "WAFER_VERSION_MINOR most significant bit",
        &[],
    ),
    field(
        "WAFER_VERSION_MAJOR",
        1,
        5,
        24,
        2,
        Kind::Uint,
        Some(20),
        None,
        "identity",
        "WAFER_VERSION_MAJOR",
        &[],
    ),
    field(
        "OPTIONAL_UNIQUE_ID",
        2,
        0,
        0,
        128,
        Kind::Bytes,
        Some(21),
        None,
        "identity",
        "Optional unique 128-bit ID",
        &[],
    ),
    field(
        "BLK_VERSION_MAJOR",
        2,
        4,
        0,
        2,
        Kind::Uint,
        Some(21),
        None,
        "identity",
        "BLK_VERSION_MAJOR of BLOCK2",
        &[(0, "No calibration"), (1, "With calibration")],
    ),
    field(
        "WAFER_VERSION_MINOR",
        0,
        0,
        0,
        4,
        Kind::WaferMinor,
        None,
        None,
        "identity",
        "calc WAFER VERSION MINOR = WAFER_VERSION_MINOR_HI << 3 + WAFER_VERSION_MINOR_LO (read only)",
        &[],
    ),
    field(
        "SOFT_DIS_JTAG",
        0,
        1,
        16,
        3,
        Kind::Uint,
        Some(31),
        None,
        "jtag",
        "Set these bits to disable JTAG in the soft way (odd number 1 means disable ). JTAG can be enabled in HMAC module",
        &[],
    ),
    field(
        "DIS_PAD_JTAG",
        0,
        1,
        19,
        1,
        Kind::Bool,
        Some(2),
        None,
        "jtag",
        "Set this bit to disable JTAG in the hard way. JTAG is disabled permanently",
        &[],
    ),
    field(
        "MAC",
        1,
        0,
        0,
        48,
        Kind::MacReversed,
        Some(20),
        None,
        "MAC",
        "MAC address",
        &[],
    ),
    field(
        "CUSTOM_MAC",
        3,
        6,
        8,
        48,
        Kind::Mac,
        Some(22),
        None,
        "MAC",
        "Custom MAC address",
        &[],
    ),
    field(
        "DIS_DOWNLOAD_ICACHE",
        0,
        1,
        10,
        1,
        Kind::Bool,
        Some(2),
        None,
        "security",
        "Set this bit to disable Icache in download mode (boot_mode[3:0] is 0; 1; 2; 3; 6; 7)",
        &[],
    ),
    field(
        "DIS_FORCE_DOWNLOAD",
        0,
        1,
        12,
        1,
        Kind::Bool,
        Some(2),
        None,
        "security",
        "Set this bit to disable the function that forces chip into download mode",
        &[],
    ),
    field(
        "DIS_DOWNLOAD_MANUAL_ENCRYPT",
        0,
        1,
        20,
        1,
        Kind::Bool,
        Some(2),
        None,
        "security",
        "Set this bit to disable flash encryption when in download boot modes",
        &[],
    ),
    field(
        "SPI_BOOT_CRYPT_CNT",
        0,
        2,
        18,
        3,
        Kind::Uint,
        Some(4),
        None,
        "security",
        "Enables flash encryption when 1 or 3 bits are set and disables otherwise",
        &[(0, "Disable"), (1, "Enable"), (3, "Disable"), (7, "Enable")],
    ),
    field(
        "SECURE_BOOT_KEY_REVOKE0",
        0,
        2,
        21,
        1,
        Kind::Bool,
        Some(5),
        None,
        "security",
        "Revoke 1st secure boot key",
        &[],
    ),
    field(
        "SECURE_BOOT_KEY_REVOKE1",
        0,
        2,
        22,
        1,
        Kind::Bool,
        Some(6),
        None,
        "security",
        "Revoke 2nd secure boot key",
        &[],
    ),
    field(
        "SECURE_BOOT_KEY_REVOKE2",
        0,
        2,
        23,
        1,
        Kind::Bool,
        Some(7),
        None,
        "security",
        "Revoke 3rd secure boot key",
        &[],
    ),
    field(
        "KEY_PURPOSE_0",
        0,
        2,
        24,
        4,
        Kind::KeyPurpose,
        Some(8),
        None,
        "security",
        "Purpose of Key0",
        &[],
    ),
    field(
        "KEY_PURPOSE_1",
        0,
        2,
        28,
        4,
        Kind::KeyPurpose,
        Some(9),
        None,
        "security",
        "Purpose of Key1",
        &[],
    ),
    field(
        "KEY_PURPOSE_2",
        0,
        3,
        0,
        4,
        Kind::KeyPurpose,
        Some(10),
        None,
        "security",
        "Purpose of Key2",
        &[],
    ),
    field(
        "KEY_PURPOSE_3",
        0,
        3,
        4,
        4,
        Kind::KeyPurpose,
        Some(11),
        None,
        "security",
        "Purpose of Key3",
        &[],
    ),
    field(
        "KEY_PURPOSE_4",
        0,
        3,
        8,
        4,
        Kind::KeyPurpose,
        Some(12),
        None,
        "security",
        "Purpose of Key4",
        &[],
    ),
    field(
        "KEY_PURPOSE_5",
        0,
        3,
        12,
        4,
        Kind::KeyPurpose,
        Some(13),
        None,
        "security",
        "Purpose of Key5",
        &[],
    ),
    field(
        "SECURE_BOOT_EN",
        0,
        3,
        20,
        1,
        Kind::Bool,
        Some(15),
        None,
        "security",
        "Set this bit to enable secure boot",
        &[],
    ),
    field(
        "SECURE_BOOT_AGGRESSIVE_REVOKE",
        0,
        3,
        21,
        1,
        Kind::Bool,
        Some(16),
        None,
        "security",
        "Set this bit to enable revoking aggressive secure boot",
        &[],
    ),
    field(
        "DIS_DOWNLOAD_MODE",
        0,
        4,
        0,
        1,
        Kind::Bool,
        Some(18),
        None,
        "security",
        "Set this bit to disable download mode (boot_mode[3:0] = 0; 1; 2; 3; 6; 7)",
        &[],
    ),
    field(
        "ENABLE_SECURITY_DOWNLOAD",
        0,
        4,
        5,
        1,
        Kind::Bool,
        Some(18),
        None,
        "security",
        "Set this bit to enable secure UART download mode",
        &[],
    ),
    field(
        "SECURE_VERSION",
        0,
        4,
        14,
        16,
        Kind::Uint,
        Some(18),
        None,
        "security",
        "Secure version (used by ESP-IDF anti-rollback feature)",
        &[],
    ),
    field(
        "BLOCK_KEY0",
        4,
        0,
        0,
        256,
        Kind::Bytes,
        Some(23),
        Some(0),
        "security",
        "Key0 or user data",
        &[],
    ),
    field(
        "BLOCK_KEY1",
        5,
        0,
        0,
        256,
        Kind::Bytes,
        Some(24),
        Some(1),
        "security",
        "Key1 or user data",
        &[],
    ),
    field(
        "BLOCK_KEY2",
        6,
        0,
        0,
        256,
        Kind::Bytes,
        Some(25),
        Some(2),
        "security",
        "Key2 or user data",
        &[],
    ),
    field(
        "BLOCK_KEY3",
        7,
        0,
        0,
        256,
        Kind::Bytes,
        Some(26),
        Some(3),
        "security",
        "Key3 or user data",
        &[],
    ),
    field(
        "BLOCK_KEY4",
        8,
        0,
        0,
        256,
        Kind::Bytes,
        Some(27),
        Some(4),
        "security",
        "Key4 or user data",
        &[],
    ),
    field(
        "BLOCK_KEY5",
        9,
        0,
        0,
        256,
        Kind::Bytes,
        Some(28),
        Some(5),
        "security",
        "Key5 or user data",
        &[],
    ),
    field(
        "SPI_PAD_CONFIG_CLK",
        1,
        1,
        16,
        6,
        Kind::Uint,
        Some(20),
        None,
        "spi pad",
        "SPI PAD CLK",
        &[],
    ),
    field(
        "SPI_PAD_CONFIG_Q",
        1,
        1,
        22,
        6,
        Kind::Uint,
        Some(20),
        None,
        "spi pad",
        "SPI PAD Q(D1)",
        &[],
    ),
    field(
        "SPI_PAD_CONFIG_D",
        1,
        1,
        28,
        6,
        Kind::Uint,
        Some(20),
        None,
        "spi pad",
        "SPI PAD D(D0)",
        &[],
    ),
    field(
        "SPI_PAD_CONFIG_CS",
        1,
        2,
        2,
        6,
        Kind::Uint,
        Some(20),
        None,
        "spi pad",
        "SPI PAD CS",
        &[],
    ),
    field(
        "SPI_PAD_CONFIG_HD",
        1,
        2,
        8,
        6,
        Kind::Uint,
        Some(20),
        None,
        "spi pad",
        "SPI PAD HD(D3)",
        &[],
    ),
    field(
        "SPI_PAD_CONFIG_WP",
        1,
        2,
        14,
        6,
        Kind::Uint,
        Some(20),
        None,
        "spi pad",
        "SPI PAD WP(D2)",
        &[],
    ),
    field(
        "SPI_PAD_CONFIG_DQS",
        1,
        2,
        20,
        6,
        Kind::Uint,
        Some(20),
        None,
        "spi pad",
        "SPI PAD DQS",
        &[],
    ),
    field(
        "SPI_PAD_CONFIG_D4",
        1,
        2,
        26,
        6,
        Kind::Uint,
        Some(20),
        None,
        "spi pad",
        "SPI PAD D4",
        &[],
    ),
    field(
        "SPI_PAD_CONFIG_D5",
        1,
        3,
        0,
        6,
        Kind::Uint,
        Some(20),
        None,
        "spi pad",
        "SPI PAD D5",
        &[],
    ),
    field(
        "SPI_PAD_CONFIG_D6",
        1,
        3,
        6,
        6,
        Kind::Uint,
        Some(20),
        None,
        "spi pad",
        "SPI PAD D6",
        &[],
    ),
    field(
        "SPI_PAD_CONFIG_D7",
        1,
        3,
        12,
        6,
        Kind::Uint,
        Some(20),
        None,
        "spi pad",
        "SPI PAD D7",
        &[],
    ),
    field(
        "DIS_USB_JTAG",
        0,
        1,
        9,
        1,
        Kind::Bool,
        Some(2),
        None,
        "usb",
        "Set this bit to disable function of usb switch to jtag in module of usb device",
        &[],
    ),
    field(
        "DIS_USB_SERIAL_JTAG",
        0,
        1,
        11,
        1,
        Kind::Bool,
        Some(2),
        None,
        "usb",
        "USB-Serial-JTAG",
        &[(0, "Enable"), (1, "Disable")],
    ),
    field(
        "USB_EXCHG_PINS",
        0,
        1,
        25,
        1,
        Kind::Bool,
        Some(30),
        None,
        "usb",
        "Set this bit to exchange USB D+ and D- pins",
        &[],
    ),
    field(
        "DIS_USB_SERIAL_JTAG_ROM_PRINT",
        0,
        4,
        2,
        1,
        Kind::Bool,
        Some(18),
        None,
        "usb",
        "USB printing",
        &[(0, "Enable"), (1, "Disable")],
    ),
    field(
        "DIS_USB_SERIAL_JTAG_DOWNLOAD_MODE",
        0,
        4,
        4,
        1,
        Kind::Bool,
        Some(18),
        None,
        "usb",
        "Disable UART download mode through USB-Serial-JTAG",
        &[],
    ),
    field(
        "VDD_SPI_AS_GPIO",
        0,
        1,
        26,
        1,
        Kind::Bool,
        Some(30),
        None,
        "vdd",
        "Set this bit to vdd spi pin function as gpio",
        &[],
    ),
    field(
        "WDT_DELAY_SEL",
        0,
        2,
        16,
        2,
        Kind::Uint,
        Some(3),
        None,
        "wdt",
        "RTC watchdog timeout threshold; in unit of slow clock cycle",
        &[(0, "40000"), (1, "80000"), (2, "160000"), (3, "320000")],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn find<'a>(v: &'a [FieldValue], name: &str) -> &'a FieldValue {
        v.iter().find(|f| f.name == name).unwrap()
    }

    #[test]
    fn a_blank_c3_reads_as_espefuse_shows_it() {
        let blocks: Vec<Vec<u32>> = ESP32C3
            .blocks
            .iter()
            .map(|(_, n)| vec![0; *n as usize])
            .collect();
        let v = values(&ESP32C3, &blocks);
        assert_eq!(v.len(), 70);
        assert_eq!(
            find(&v, "SPI_BOOT_CRYPT_CNT").value,
            Value::Text("Disable".into())
        );
        assert_eq!(find(&v, "WDT_DELAY_SEL").value, Value::Text("40000".into()));
        assert_eq!(find(&v, "DIS_ICACHE").value, Value::Bool(false));
        assert_eq!(find(&v, "KEY_PURPOSE_0").value, Value::Text("USER".into()));
        assert_eq!(
            find(&v, "MAC").value,
            Value::Text("00:00:00:00:00:00 (OK)".into())
        );
    }

    #[test]
    fn fields_across_words_protection_and_byte_order() {
        let mut blocks: Vec<Vec<u32>> = ESP32C3
            .blocks
            .iter()
            .map(|(_, n)| vec![0; *n as usize])
            .collect();
        // SPI_PAD_CONFIG_D: BLOCK1 word 1 bits 28..33, across two words.
        blocks[1][1] = 0xB << 28;
        blocks[1][2] = 0x2;
        // MAC bytes 11 22 .. 66 in block order are shown last byte first.
        blocks[1][0] = 0x4433_2211;
        blocks[1][1] |= 0x6655;
        // RD_DIS bit 0 hides BLOCK_KEY0; WR_DIS bit 23 write-protects it.
        blocks[0][1] = 1;
        blocks[0][0] = 1 << 23;
        blocks[4][0] = 0x1234_5678;
        let v = values(&ESP32C3, &blocks);
        assert_eq!(find(&v, "SPI_PAD_CONFIG_D").value, Value::Int(0x2B));
        assert_eq!(
            find(&v, "MAC").value,
            Value::Text("66:55:44:33:22:11 (OK)".into())
        );
        let k = find(&v, "BLOCK_KEY0");
        assert!(!k.readable && !k.writeable);
        assert!(matches!(&k.value, Value::Text(t) if t.starts_with("?? ??")));
    }
}
