//! `monitor --elf FILE`: the code addresses in what the chip prints (a panic's backtrace,
//! an exception's PC), named from the ELF that was flashed: the function from its symbol
//! table, the source line from its DWARF line tables (through `addr2line`). An ELF without
//! debug information still names functions.

use std::borrow::Cow;
use std::path::Path;

use addr2line::gimli;
use espflow::Error;
use object::{Object, ObjectSection, ObjectSymbol, SymbolKind};

type Reader = gimli::EndianSlice<'static, gimli::RunTimeEndian>;

/// No ELF a chip runs is larger than this: an image file is at most 16 MiB, and debug
/// information rarely takes more than a few times that.
const MAX_ELF: u64 = 512 << 20;

/// What an ELF says about its code addresses.
pub struct Symbols {
    /// Function symbols: start, size, demangled name; sorted by start.
    functions: Vec<(u64, u64, String)>,
    lines: Option<addr2line::Context<Reader>>,
}

impl Symbols {
    /// Reads the ELF at `path`; a file that is not one is refused in one line.
    pub fn open(path: &Path) -> Result<Symbols, Error> {
        let bad = |why: String| Error::BadInput(format!("--elf {}: {why}", path.display()));
        let meta = std::fs::metadata(path).map_err(|e| Error::File {
            action: "read",
            path: path.display().to_string(),
            cause: e,
        })?;
        if !meta.is_file() || meta.len() > MAX_ELF {
            return Err(bad("not a regular file of at most 512 MiB".into()));
        }
        let data = std::fs::read(path).map_err(|e| Error::File {
            action: "read",
            path: path.display().to_string(),
            cause: e,
        })?;
        // The line tables borrow the file's bytes, and the symbols are needed for as long
        // as the monitor runs, which is as long as the process: the bytes stay.
        let data: &'static [u8] = Box::leak(data.into_boxed_slice());
        let file = object::File::parse(data).map_err(|e| bad(format!("not an ELF ({e})")))?;
        let mut functions: Vec<(u64, u64, String)> = file
            .symbols()
            .filter(|s| s.kind() == SymbolKind::Text && s.size() > 0)
            .filter_map(|s| {
                let name = s.name().ok()?;
                let name = addr2line::demangle_auto(Cow::from(name), None).into_owned();
                Some((s.address(), s.size(), name))
            })
            .collect();
        functions.sort();
        Ok(Symbols {
            functions,
            lines: line_tables(&file),
        })
    }

    /// "function+0xOFF at file:line" for a code address, or None when the ELF has nothing
    /// there.
    pub fn describe(&self, addr: u64) -> Option<String> {
        let i = self
            .functions
            .partition_point(|(start, _, _)| *start <= addr);
        let function = i
            .checked_sub(1)
            .map(|i| &self.functions[i])
            .filter(|(start, size, _)| addr < start + size)
            .map(|(start, _, name)| match addr - start {
                0 => name.clone(),
                off => format!("{name}+0x{off:x}"),
            });
        let location = self
            .lines
            .as_ref()
            .and_then(|c| c.find_location(addr).ok().flatten())
            .and_then(|l| match (l.file, l.line) {
                (Some(f), Some(n)) => Some(format!("{f}:{n}")),
                (Some(f), None) => Some(f.to_string()),
                _ => None,
            });
        match (function, location) {
            (Some(f), Some(l)) => Some(format!("{f} at {l}")),
            (Some(f), None) => Some(f),
            // Line tables also cover code the linker dropped, moved to address 0: an address
            // no function holds is only believed where the ELF names no functions at all.
            (None, Some(l)) if self.functions.is_empty() => Some(format!("?? at {l}")),
            (None, _) => None,
        }
    }

    /// One note per distinct address in `line` that the ELF knows: "0xADDR: description".
    /// Addresses are what ESP-IDF and esp-hal print them as: `0x` and eight hex digits.
    pub fn annotate(&self, line: &str) -> Vec<String> {
        let mut seen = Vec::new();
        let bytes = line.as_bytes();
        let mut i = 0;
        while i + 10 <= bytes.len() {
            let digits = &bytes[i + 2..i + 10];
            let starts = (bytes[i] == b'0' && (bytes[i + 1] | 0x20) == b'x')
                && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric());
            let ends = bytes.get(i + 10).is_none_or(|b| !b.is_ascii_hexdigit());
            if starts && ends && digits.iter().all(u8::is_ascii_hexdigit) {
                let text = std::str::from_utf8(digits).unwrap_or_default();
                if let Ok(addr) = u64::from_str_radix(text, 16)
                    && !seen.contains(&addr)
                {
                    seen.push(addr);
                }
                i += 10;
            } else {
                i += 1;
            }
        }
        seen.into_iter()
            .filter_map(|a| self.describe(a).map(|d| format!("0x{a:08x}: {d}")))
            .collect()
    }
}

/// The DWARF line tables, when the ELF has any.
fn line_tables(file: &object::File<'static>) -> Option<addr2line::Context<Reader>> {
    file.section_by_name(".debug_line")?;
    let endian = if file.is_little_endian() {
        gimli::RunTimeEndian::Little
    } else {
        gimli::RunTimeEndian::Big
    };
    let load = |id: gimli::SectionId| -> Result<Reader, gimli::Error> {
        let data = file
            .section_by_name(id.name())
            .and_then(|s| s.data().ok())
            .unwrap_or(&[]);
        Ok(gimli::EndianSlice::new(data, endian))
    };
    let dwarf = gimli::Dwarf::load(load).ok()?;
    addr2line::Context::from_dwarf(dwarf).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// This test program: an ELF with symbols and DWARF line tables.
    fn this_program() -> Symbols {
        Symbols::open(&std::env::current_exe().unwrap()).unwrap()
    }

    /// The symbol of the function this file's tests are in, by a part of its name.
    fn function(s: &Symbols, part: &str) -> (u64, u64, String) {
        s.functions
            .iter()
            .find(|(_, _, n)| n.contains(part))
            .cloned()
            .unwrap_or_else(|| panic!("no function named like {part}"))
    }

    #[test]
    fn names_the_function_and_line_an_address_falls_in() {
        let s = this_program();
        let (start, size, name) = function(&s, "backtrace::tests::this_program");
        let d = s.describe(start).unwrap();
        assert!(d.starts_with(&format!("{name} at ")), "{d}");
        assert!(d.contains("src/cli/backtrace.rs:"), "the DWARF line: {d}");
        assert!(size > 2);
        let inside = s.describe(start + 2).unwrap();
        assert!(inside.starts_with(&format!("{name}+0x2")), "{inside}");
        assert_eq!(s.describe(0x10), None);
    }

    #[test]
    fn finds_addresses_in_a_backtrace_line() {
        let s = this_program();
        let (start, _, name) = function(&s, "backtrace::tests::this_program");
        assert!(
            start <= u32::MAX as u64,
            "a non-PIE-sized address: {start:#x}"
        );
        let line =
            format!("Backtrace: 0x{start:08x}:0x00000010 0x{start:08X} 0x1234 x0x{start:08x}");
        let notes = s.annotate(&line);
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(
            notes[0].starts_with(&format!("0x{start:08x}: {name}")),
            "{notes:?}"
        );
    }

    #[test]
    fn a_file_that_is_not_an_elf_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("app.bin");
        std::fs::write(&p, [0xE9u8; 64]).unwrap();
        let e = Symbols::open(&p).err().unwrap();
        assert!(e.to_string().contains("not an ELF"), "{e}");
    }
}
