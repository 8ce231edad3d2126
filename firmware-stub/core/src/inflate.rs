//! Streaming zlib inflate over a 32 KiB wrapping window, fed one FLASH_DEFL_DATA block at a
//! time. No allocation: the window and the decompressor live in the stub's state.

use miniz_oxide::inflate::TINFLStatus;
use miniz_oxide::inflate::core::{DecompressorOxide, decompress, inflate_flags};

const WINDOW: usize = 32 * 1024;

pub struct Inflater {
    pub(crate) state: DecompressorOxide,
    pub(crate) window: [u8; WINDOW],
    pub(crate) pos: usize,
    pub(crate) done: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InflateError {
    /// The stream is corrupt or failed its Adler-32 check.
    Corrupt,
    /// Data arrived after the end of the stream.
    TrailingData,
}

impl Default for Inflater {
    fn default() -> Self {
        Inflater {
            state: DecompressorOxide::new(),
            window: [0; WINDOW],
            pos: 0,
            done: false,
        }
    }
}

impl Inflater {
    pub fn reset(&mut self) {
        self.state.init();
        self.pos = 0;
        self.done = false;
    }

    pub fn is_done(&self) -> bool {
        self.done
    }

    /// Inflates `input`, handing each run of output to `sink`. A sink error stops at once.
    pub fn feed<E>(
        &mut self,
        mut input: &[u8],
        mut sink: impl FnMut(&[u8]) -> Result<(), E>,
    ) -> Result<(), Result<InflateError, E>> {
        let flags = inflate_flags::TINFL_FLAG_PARSE_ZLIB_HEADER
            | inflate_flags::TINFL_FLAG_HAS_MORE_INPUT
            | inflate_flags::TINFL_FLAG_COMPUTE_ADLER32;
        loop {
            if self.done {
                return if input.is_empty() {
                    Ok(())
                } else {
                    Err(Ok(InflateError::TrailingData))
                };
            }
            let (status, used, produced) =
                decompress(&mut self.state, input, &mut self.window, self.pos, flags);
            input = &input[used..];
            if produced > 0 {
                sink(&self.window[self.pos..self.pos + produced]).map_err(Err)?;
                self.pos = (self.pos + produced) & (WINDOW - 1);
            }
            match status {
                TINFLStatus::Done => self.done = true,
                TINFLStatus::HasMoreOutput => {}
                TINFLStatus::NeedsMoreInput if input.is_empty() => return Ok(()),
                TINFLStatus::NeedsMoreInput => {}
                _ => return Err(Ok(InflateError::Corrupt)),
            }
        }
    }
}
