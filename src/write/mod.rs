//! The write pipeline, in the order it runs:
//!
//! 1. [`plan`]: the images checked against each other and the flash size, cut into sector
//!    chunks (a pure value, before anything touches the device);
//! 2. [`compare`]: which chunks the flash already holds, proven on the chip;
//! 3. [`execute`]: the runs of differing chunks sent through espflow's stub or the ROM loader;
//! 4. [`journal`]: the committed address recorded as it moves, so an interrupted write is
//!    resumed by running the same command again;
//! 5. [`verify`]: each written run checked by MD5 on the chip;
//! 6. a [`WriteSummary`] of what it cost.
//!
//! Resume lives in [`write_images`] and nowhere else: the journal's claim is proven by one
//! MD5 in [`compare`], and the per-sector digests find the rest.

pub mod compare;
pub mod execute;
pub mod journal;
pub mod plan;
pub mod verify;

#[cfg(test)]
mod pipeline_tests;

use std::time::{Duration, Instant};

use md5::{Digest, Md5};
use sha2::Sha256;

pub use journal::Journal;
pub use plan::{Image, PlanError, WritePlan};

use crate::error::{Error, Result};
use espflow_protocol::{Status, StubError};

use crate::loader::{Loader, LoaderError};
use crate::progress::{Event, Progress, Stage};
use crate::region::flash_size;

/// How a write behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WriteOptions {
    /// Check each written run's MD5 on the chip.
    pub verify: bool,
    /// Send compressed where that makes the data smaller.
    pub compress: bool,
    /// Leave sectors that already hold the image alone.
    pub skip_unchanged: bool,
    /// Use a journal left by an interrupted write of the same image as a hint.
    pub resume: bool,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            verify: true,
            compress: true,
            skip_unchanged: true,
            resume: true,
        }
    }
}

/// What a write did. `bytes_sent` counts image bytes that crossed the line (before
/// compression); `bytes_skipped` those proven already in place.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize)]
pub struct WriteSummary {
    /// Image bytes sent, before compression.
    pub bytes_sent: u64,
    /// Image bytes proven already in place.
    pub bytes_skipped: u64,
    /// Bytes that crossed the line.
    pub wire_bytes: u64,
    /// Sectors erased.
    pub sectors_erased: u64,
    /// Sectors programmed.
    pub sectors_written: u64,
    /// Wall time of the write.
    #[serde(serialize_with = "millis")]
    pub seconds: f64,
    /// A journal from an interrupted write of the same image was found.
    pub resumed: bool,
    /// Everything written was verified.
    pub verified: bool,
    /// Requests sent again within this invocation because the line lost or damaged a
    /// frame (protocol v2 with espflow's stub, and the stub upload).
    pub retries: u64,
}

/// Seconds with millisecond resolution: more digits would only be noise.
fn millis<S: serde::Serializer>(secs: &f64, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_f64((secs * 1000.0).round() / 1000.0)
}

fn journal_key(mac: [u8; 6], img: &Image) -> journal::Key {
    journal::Key {
        mac,
        addr: img.addr,
        image_sha256: Sha256::digest(&img.data).into(),
    }
}

/// Writes images over a connected loader. `journal` (when given) records progress so that
/// the same call, made again after an interruption, resumes.
pub fn write_images(
    loader: &mut Loader,
    images: &[Image],
    opts: WriteOptions,
    journal: Option<&Journal>,
    progress: &mut dyn Progress,
) -> Result<WriteSummary> {
    let started = Instant::now();
    let plan = WritePlan::new(images, flash_size(loader)?)?;
    let mac = loader.mac()?;
    let mut sum = WriteSummary {
        verified: opts.verify,
        ..WriteSummary::default()
    };
    for ip in &plan.images {
        let img = ip.image;
        let key = journal_key(mac, img);
        let hint = match journal {
            Some(j) if opts.resume => j.load(&key),
            Some(j) => {
                j.remove(&key);
                None
            }
            None => None,
        };
        sum.resumed |= hint.is_some();
        let matched = if opts.skip_unchanged {
            compare::matching(loader, ip, hint.map(|h| h.committed))
                .map_err(|e| e.context(format!("comparing {} with the flash", img.name)))?
        } else {
            vec![false; ip.chunks.len()]
        };
        let skipped = ip.matched_bytes(&matched);
        sum.bytes_skipped += skipped;
        progress.event(Event::Begin {
            stage: Stage::Write,
            total: img.data.len() as u64 - skipped,
            name: Some(&img.name),
            addr: Some(img.addr),
        });
        let mut record = Recorder {
            journal,
            entry: journal::Entry {
                key: key.clone(),
                size: img.data.len() as u32,
                committed: img.addr,
            },
            saved_at: None,
        };
        let mut sent_before = 0u64;
        for run in ip.runs(&matched) {
            let data = &img.data[run.bytes.clone()];
            let mut on_commit = |committed: u32, sent_in_run: u64| {
                record.update(committed);
                progress.event(Event::Advance {
                    done: sent_before + sent_in_run,
                });
            };
            let stats = match loader.capabilities() {
                Some(caps) => execute::write_run_stub(
                    loader,
                    run.addr,
                    data,
                    caps,
                    opts.compress,
                    &mut on_commit,
                ),
                None => {
                    execute::write_run_rom(loader, run.addr, data, opts.compress, &mut on_commit)
                }
            }
            .map_err(|e| run_error(e, &img.name, run.addr))?;
            if opts.verify {
                verify::region(loader, run.addr, data, &img.name)?;
            }
            sent_before += data.len() as u64;
            sum.bytes_sent += data.len() as u64;
            sum.wire_bytes += stats.wire;
            sum.sectors_erased += stats.erased;
            sum.sectors_written += stats.written;
            sum.retries = loader.retries();
        }
        progress.event(Event::End);
        // Skipped chunks were proven in place by their digests and each written run was
        // verified as it finished; only a write that compared nothing checks the whole.
        if opts.verify && !opts.skip_unchanged {
            verify::region(loader, img.addr, &img.data, &img.name)?;
        }
        if let Some(j) = journal {
            j.remove(&key);
        }
    }
    sum.seconds = started.elapsed().as_secs_f64();
    Ok(sum)
}

/// What a failed run means: flash that does not read back is a verification failure (a
/// rerun would only fail the same way); anything else leaves a write the journal and the
/// sector digests let the same command continue.
fn run_error(e: Error, name: &str, addr: u32) -> Error {
    let read_back = matches!(
        e.loader_error(),
        Some(LoaderError::Failed {
            status: Status::Stub(StubError::Verify),
            ..
        })
    );
    if read_back {
        return Error::ReadBack {
            name: name.to_string(),
            addr,
            detail: StubError::Verify.describe().to_string(),
        };
    }
    Error::Interrupted {
        what: format!("writing {name} at 0x{addr:X}"),
        inner: Box::new(e),
    }
}

/// Checks each image with one MD5 on the chip. When all of them are already in place the
/// write is done (and any journal of theirs is finished); `None` means something must be
/// written. The images are checked against the flash size first, as a write would.
pub fn already_in_place(
    loader: &mut Loader,
    images: &[Image],
    opts: WriteOptions,
    journal: Option<&Journal>,
) -> Result<Option<WriteSummary>> {
    let started = Instant::now();
    WritePlan::new(images, flash_size(loader)?)?;
    if !opts.skip_unchanged {
        return Ok(None);
    }
    for img in images {
        let want: [u8; 16] = Md5::digest(&img.data).into();
        if loader.md5(img.addr, img.data.len() as u32)? != want {
            return Ok(None);
        }
    }
    // A write interrupted after its last block but before it cleared its journal is
    // finished now; the journal still counts as found.
    let mut resumed = false;
    if let Some(j) = journal {
        let mac = loader.mac()?;
        for img in images {
            let key = journal_key(mac, img);
            resumed |= opts.resume && j.load(&key).is_some();
            j.remove(&key);
        }
    }
    Ok(Some(WriteSummary {
        bytes_skipped: images.iter().map(|i| i.data.len() as u64).sum(),
        resumed,
        verified: true,
        seconds: started.elapsed().as_secs_f64(),
        ..WriteSummary::default()
    }))
}

/// Saves the journal as the committed address moves, at most a few times a second.
struct Recorder<'a> {
    journal: Option<&'a Journal>,
    entry: journal::Entry,
    saved_at: Option<Instant>,
}

impl Recorder<'_> {
    fn update(&mut self, committed: u32) {
        if committed <= self.entry.committed {
            return;
        }
        self.entry.committed = committed;
        let due = self
            .saved_at
            .is_none_or(|t| t.elapsed() >= Duration::from_millis(200));
        if let (Some(j), true) = (self.journal, due) {
            // A journal that cannot be written only costs a slower resume.
            let _ = j.save(&self.entry);
            self.saved_at = Some(Instant::now());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_serialises_as_the_documented_line() {
        let s = WriteSummary {
            bytes_sent: 4096,
            bytes_skipped: 8192,
            wire_bytes: 4100,
            sectors_erased: 1,
            sectors_written: 1,
            seconds: 1.23456,
            resumed: false,
            verified: true,
            retries: 0,
        };
        let v: serde_json::Value = serde_json::to_value(s).unwrap();
        assert_eq!(v["bytes_sent"], 4096);
        assert_eq!(v["seconds"], 1.235);
        assert_eq!(v["verified"], true);
    }

    #[test]
    fn the_recorder_saves_only_forward_progress() {
        let d = tempfile::tempdir().unwrap();
        let j = Journal::new(d.path());
        let key = journal::Key {
            mac: [1; 6],
            addr: 0x1000,
            image_sha256: [2; 32],
        };
        let mut r = Recorder {
            journal: Some(&j),
            entry: journal::Entry {
                key: key.clone(),
                size: 0x4000,
                committed: 0x1000,
            },
            saved_at: None,
        };
        r.update(0x1000);
        assert_eq!(j.load(&key), None, "no progress, nothing saved");
        r.update(0x3000);
        assert_eq!(j.load(&key).unwrap().committed, 0x3000);
        r.update(0x2000);
        assert_eq!(r.entry.committed, 0x3000, "never moves back");
    }
}
