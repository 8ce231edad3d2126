use std::collections::VecDeque;
use std::io;
use std::path::Path;
use std::time::Duration;

use super::{PortError, Transport, VirtualOptions};
use crate::virtual_chip::{ChipConfig, Efuses, NorFlash, Output, VirtualChip};

/// A virtual chip (an ESP32-C3 unless asked otherwise) in this process, its flash backed
/// by an image file (a new one is the chip family's usual flash size). The chip answers synchronously, so a read that finds nothing pending
/// means nothing is coming.
pub struct VirtualPort {
    chip: VirtualChip,
    pending: VecDeque<u8>,
    path: String,
    dtr: bool,
    rts: bool,
}

impl VirtualPort {
    /// Starts a chip whose flash is the image at `path` (created erased if missing; see
    /// [`NorFlash::open`]), with eFuses derived from the path.
    pub fn open(path: &Path, opts: &VirtualOptions) -> Result<VirtualPort, PortError> {
        let Some(profile) = crate::virtual_chip::profile::profile(opts.chip) else {
            return Err(PortError::Virtual {
                path: path.display().to_string(),
                reason: format!(
                    "the virtual chip models the {}, not the {}",
                    crate::virtual_chip::modelled_names(),
                    opts.chip
                ),
            });
        };
        let flash =
            NorFlash::open_or_new(path, opts.flash_size, profile.flash_size).map_err(|e| {
                PortError::Virtual {
                    path: path.display().to_string(),
                    reason: e.to_string(),
                }
            })?;
        let efuses = opts
            .efuse
            .apply(Efuses::for_image(path).for_chip(opts.chip), opts.chip)
            .map_err(|reason| PortError::Virtual {
                path: path.display().to_string(),
                reason,
            })?;
        let chip = VirtualChip::new(ChipConfig {
            chip: opts.chip,
            flash,
            efuses,
            realtime: opts.realtime,
            faults: Vec::new(),
            seed: opts.seed,
            bridge: opts.bridge,
        });
        Ok(VirtualPort {
            chip,
            pending: VecDeque::new(),
            path: path.display().to_string(),
            dtr: false,
            rts: false,
        })
    }

    /// The chip, for inspecting its flash and counters.
    pub fn chip(&self) -> &VirtualChip {
        &self.chip
    }

    fn collect(&mut self) {
        for o in self.chip.take_output() {
            if let Output::Bytes { data, .. } = o {
                self.pending.extend(data);
            }
        }
    }
}

impl Transport for VirtualPort {
    fn write_all(&mut self, data: &[u8]) -> io::Result<()> {
        let now = self.chip.now();
        self.chip.receive(data, now);
        self.collect();
        Ok(())
    }

    fn read(&mut self, buf: &mut [u8], _timeout: Duration) -> io::Result<usize> {
        let n = buf.len().min(self.pending.len());
        for (d, s) in buf.iter_mut().zip(self.pending.drain(..n)) {
            *d = s;
        }
        Ok(n)
    }

    fn discard_input(&mut self) -> io::Result<()> {
        self.pending.clear();
        Ok(())
    }

    fn set_baud(&mut self, _baud: u32) -> io::Result<()> {
        Ok(())
    }

    /// Models the usual two-transistor auto-reset circuit: EN is low while RTS alone is
    /// asserted, IO0 is low while DTR alone is asserted, and the chip boots when EN rises.
    fn set_lines(&mut self, dtr: Option<bool>, rts: Option<bool>) -> io::Result<()> {
        let en_low_before = self.rts && !self.dtr;
        self.dtr = dtr.unwrap_or(self.dtr);
        self.rts = rts.unwrap_or(self.rts);
        let en_low = self.rts && !self.dtr;
        let io0_low = self.dtr && !self.rts;
        if en_low_before && !en_low {
            self.chip.reset(io0_low);
            self.collect();
        }
        Ok(())
    }

    fn name(&self) -> String {
        format!("virtual:{}", self.path)
    }
}
