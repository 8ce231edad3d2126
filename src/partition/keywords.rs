//! Type and subtype keywords.
//!
//! Keyword order matters: binary-to-CSV output names a value by the first
//! keyword that maps to it, and error messages list keywords in this order.
//! `--extra-partition-subtypes` can add names or even re-point existing ones,
//! and every rule that refers to a subtype "by name" (primary bootloader,
//! otadata, nvs, ...) follows the current mapping, as gen_esp32part.py does.

use super::error::PartitionError;
use super::number::{IntError, Radix, py_int};
use super::text::py_strip;

/// Partition type values with a keyword.
pub mod types {
    /// `app`: a bootable application.
    pub const APP: u8 = 0x00;
    /// `data`: anything else the application uses (NVS, otadata, file systems...).
    pub const DATA: u8 = 0x01;
    /// `bootloader`: the second-stage bootloader's place in flash.
    pub const BOOTLOADER: u8 = 0x02;
    /// `partition_table`: the partition table's own place in flash.
    pub const PARTITION_TABLE: u8 = 0x03;
}

/// Type keywords in gen_esp32part.py's dictionary order.
pub const TYPE_KEYWORDS: [(&str, u8); 4] = [
    ("bootloader", types::BOOTLOADER),
    ("partition_table", types::PARTITION_TABLE),
    ("app", types::APP),
    ("data", types::DATA),
];

/// The keyword tables in effect for one conversion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keywords {
    /// `TYPE_KEYWORDS` in the form the field parser looks names up in.
    types: Vec<(String, i128)>,
    /// Subtype tables for the four named types, in `TYPE_KEYWORDS` order.
    /// Values are wide because extra subtypes are not range-checked until used.
    subtypes: [Vec<(String, i128)>; 4],
}

impl Default for Keywords {
    fn default() -> Self {
        let owned = |list: &[(&str, i128)]| -> Vec<(String, i128)> {
            list.iter().map(|(n, v)| ((*n).to_owned(), *v)).collect()
        };
        let mut app = owned(&[("factory", 0x00), ("test", 0x20)]);
        app.extend((0..16).map(|i| (format!("ota_{i}"), 0x10 + i)));
        app.extend((0..2).map(|i| (format!("tee_{i}"), 0x30 + i)));
        Keywords {
            types: TYPE_KEYWORDS
                .iter()
                .map(|(n, v)| ((*n).to_owned(), i128::from(*v)))
                .collect(),
            subtypes: [
                owned(&[("primary", 0x00), ("ota", 0x01), ("recovery", 0x02)]),
                owned(&[("primary", 0x00), ("ota", 0x01)]),
                app,
                owned(&[
                    ("ota", 0x00),
                    ("phy", 0x01),
                    ("nvs", 0x02),
                    ("coredump", 0x03),
                    ("nvs_keys", 0x04),
                    ("efuse", 0x05),
                    ("undefined", 0x06),
                    ("esphttpd", 0x80),
                    ("fat", 0x81),
                    ("spiffs", 0x82),
                    ("littlefs", 0x83),
                    ("tee_ota", 0x90),
                ]),
            ],
        }
    }
}

fn type_index(ptype: i128) -> Option<usize> {
    TYPE_KEYWORDS
        .iter()
        .position(|(_, v)| i128::from(*v) == ptype)
}

impl Keywords {
    /// Default tables plus `TYPE,NAME,VALUE` entries as given to
    /// `--extra-partition-subtypes` (VALUE is always hex).
    pub fn with_extra_subtypes<S: AsRef<str>>(extra: &[S]) -> Result<Self, PartitionError> {
        let mut kw = Keywords::default();
        for spec in extra {
            kw.add_extra_subtype(spec.as_ref())?;
        }
        Ok(kw)
    }

    /// Adds one `TYPE,NAME,VALUE` entry. A NAME that already exists is
    /// re-pointed in place; a VALUE already used by TYPE is rejected.
    pub fn add_extra_subtype(&mut self, spec: &str) -> Result<(), PartitionError> {
        let err = |reason: String| PartitionError::ExtraSubtype {
            spec: spec.to_owned(),
            reason,
        };
        let fields: Vec<&str> = spec.split(',').map(py_strip).collect();
        let [ptype, name, value, ..] = fields[..] else {
            return Err(err("expected TYPE,NAME,VALUE".into()));
        };
        let value = match py_int(value, Radix::Hex) {
            Ok(v) => v,
            Err(IntError::Invalid) => return Err(err(format!("'{value}' is not a hex number"))),
            Err(IntError::Overflow) => return Err(err(format!("'{value}' is too large"))),
        };
        let index = TYPE_KEYWORDS.iter().position(|(n, _)| *n == ptype);
        for (ti, table) in self.subtypes.iter().enumerate() {
            // The reference only validates TYPE when VALUE collides with some
            // type's table, but an unknown TYPE fails either way.
            if let Some((existing, _)) = table.iter().find(|(_, v)| *v == value) {
                let Some(i) = index else { break };
                if ti == i {
                    return Err(err(format!(
                        "Found duplicate value in partition subtype (0x{value:x} is already '{existing}')"
                    )));
                }
            }
        }
        let Some(i) = index else {
            return Err(err(format!(
                "Invalid partition type '{ptype}' (expected bootloader, partition_table, app or data)"
            )));
        };
        let table = &mut self.subtypes[i];
        match table.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = value,
            None => table.push((name.to_owned(), value)),
        }
        Ok(())
    }

    /// Type keywords, in order.
    pub(crate) fn type_keywords(&self) -> &[(String, i128)] {
        &self.types
    }

    /// Subtype keywords of a type, in order (empty for unnamed types).
    pub(crate) fn subtypes_of(&self, ptype: i128) -> &[(String, i128)] {
        type_index(ptype).map_or(&[], |i| &self.subtypes[i])
    }

    /// The current value of a subtype keyword.
    pub(crate) fn subtype_value(&self, ptype: i128, name: &str) -> Option<i128> {
        self.subtypes_of(ptype)
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| *v)
    }

    /// Whether `ptype`/`subtype` is what the keyword `name` currently means.
    pub(crate) fn is(&self, ptype: u8, subtype: u8, name: &str) -> bool {
        self.subtype_value(i128::from(ptype), name) == Some(i128::from(subtype))
    }

    /// The type keyword for a value, if any.
    pub fn type_name(&self, ptype: u8) -> Option<&'static str> {
        TYPE_KEYWORDS
            .iter()
            .find(|(_, v)| *v == ptype)
            .map(|(n, _)| *n)
    }

    /// The first subtype keyword that maps to `subtype` under `ptype`.
    pub fn subtype_name(&self, ptype: u8, subtype: u8) -> Option<&str> {
        self.subtypes_of(i128::from(ptype))
            .iter()
            .find(|(_, v)| *v == i128::from(subtype))
            .map(|(n, _)| n.as_str())
    }

    /// Every subtype keyword of every type, in dictionary order.
    pub(crate) fn all_subtype_names(&self) -> impl Iterator<Item = &str> {
        self.subtypes.iter().flatten().map(|(n, _)| n.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_keyword_order_puts_test_before_ota() {
        let kw = Keywords::default();
        let names: Vec<_> = kw.subtypes_of(0).iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(&names[..3], ["factory", "test", "ota_0"]);
        assert_eq!(names.last(), Some(&"tee_1"));
        assert_eq!(names.len(), 20);
    }

    #[test]
    fn extra_subtypes_are_hex_and_appended() {
        let kw = Keywords::with_extra_subtypes(&["app,my_app,40", " data , blob , 0x99 "]).unwrap();
        assert_eq!(kw.subtype_value(0, "my_app"), Some(0x40));
        assert_eq!(kw.subtype_value(1, "blob"), Some(0x99));
        assert_eq!(kw.subtype_name(1, 0x99), Some("blob"));
    }

    #[test]
    fn extra_subtype_errors() {
        for bad in [
            "app,foo",
            "app,foo,zz",
            "app,foo,10",
            "bogus,foo,2",
            "bogus,foo,77",
            "data,x,2",
        ] {
            assert!(Keywords::with_extra_subtypes(&[bad]).is_err(), "{bad}");
        }
        // The same value under another type is fine.
        assert!(Keywords::with_extra_subtypes(&["data,x,10"]).is_ok());
    }

    #[test]
    fn extra_subtype_can_repoint_a_name() {
        let kw = Keywords::with_extra_subtypes(&["data,ota,77"]).unwrap();
        assert_eq!(kw.subtype_value(1, "ota"), Some(0x77));
        assert!(kw.is(1, 0x77, "ota"));
        assert_eq!(kw.subtype_name(1, 0), None);
    }
}
