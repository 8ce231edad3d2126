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

pub mod blocks;
pub mod compare;
pub mod execute;
pub mod fills;
pub mod journal;
pub mod plan;
pub mod secure_download;
pub mod verify;

#[cfg(test)]
mod pipeline_tests;

use std::time::{Duration, Instant};

use md5::{Digest, Md5};
use sha2::Sha256;

pub use journal::Journal;
pub use plan::{Image, PlanError, WritePlan};

use crate::error::{Error, Result};
use espflow_protocol::caps::{FLAG_ENCRYPTED_WRITES, FLAG_FILL};
use espflow_protocol::{Status, StubError};

use crate::loader::{Loader, LoaderError};
use crate::progress::{Event, Progress, Stage};
use crate::region::{barrier, flash_size, md5_confirmed, md5_matches};
use espflow_protocol::geometry::SECTOR_SIZE;
use plan::sector_span;

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
    let fs = flash_size(loader)?;
    let plan = WritePlan::new(images, fs)?;
    let mac = loader.mac()?;
    let mut sum = WriteSummary {
        verified: opts.verify,
        ..WriteSummary::default()
    };
    for ip in &plan.images {
        let img = ip.image;
        let key = journal_key(mac, img);
        let found = journal.and_then(|j| j.load(&key));
        // `--no-resume` forgets how far the interrupted write got, never the bytes it kept:
        // those may exist nowhere else any more.
        let kept_hint = found.as_ref().map(|h| h.kept.clone()).unwrap_or_default();
        let hint = found.filter(|_| opts.resume);
        if let (Some(j), false) = (journal, opts.resume) {
            j.remove(&key);
        }
        sum.resumed |= hint.is_some();
        // The comparison reads raw flash, so an image the chip encrypts is compared as the
        // ciphertext the host computed, and not at all when the host has no key.
        let raw = img.as_raw();
        let mut matched = match (&raw, opts.skip_unchanged) {
            (Some(raw), true) => {
                let raw_plan = plan::ImagePlan {
                    image: raw,
                    chunks: ip.chunks.clone(),
                };
                let begin = Event::begin(
                    Stage::Compare,
                    img.data.len() as u64,
                    Some(&img.name),
                    Some(img.addr),
                );
                crate::progress::around(progress, begin, || {
                    compare::matching(loader, &raw_plan, hint.as_ref().map(|h| h.committed))
                })
                .map_err(|e| e.context(format!("comparing {} with the flash", img.name)))?
            }
            _ => vec![false; ip.chunks.len()],
        };
        let restore = damaged_kept(loader, img, &kept_hint)
            .map_err(|e| e.context(format!("checking the bytes kept around {}", img.name)))?;
        for at in &restore {
            // The chunk that shares the damaged sector goes again, carrying the kept bytes.
            let i = if *at < img.addr { 0 } else { matched.len() - 1 };
            matched[i] = false;
        }
        // Stretches of one byte value go to espflow's stub as fills, done while the data
        // streams; the runs then leave them out.
        let caps = loader.capabilities();
        let fills = match caps {
            Some(c) if c.flags & FLAG_FILL != 0 && !img.encrypted() => {
                queue_fills(loader, ip, &matched)
                    .map_err(|e| e.context(format!("queueing the fills of {}", img.name)))?
            }
            _ => Vec::new(),
        };
        let mut sent_or_matched = matched.clone();
        for f in &fills {
            sent_or_matched[f.chunks.clone()].fill(true);
        }
        let skipped = ip.matched_bytes(&matched);
        sum.bytes_skipped += skipped;
        let resumed = hint
            .as_ref()
            .map_or(0, |h| h.committed.saturating_sub(img.addr) as u64)
            .min(skipped);
        progress.event(Event::Begin {
            stage: Stage::Write,
            total: img.data.len() as u64 - skipped,
            name: Some(&img.name),
            addr: Some(img.addr),
            skipped,
            resumed,
        });
        // The write stage ends before the verify that follows its last run, so that the
        // stages a front end sees never overlap.
        let last_run = ip.runs(&sent_or_matched).len();
        let mut write_ended = false;
        let mut record = Recorder {
            journal,
            entry: journal::Entry {
                key: key.clone(),
                size: img.data.len() as u32,
                committed: img.addr,
                kept: kept_hint,
            },
            saved_at: None,
        };
        let img_end = img.addr + img.data.len() as u32;
        // Until the fills are finished, the journal claims nothing past the first of them.
        let claim_limit = fills.first().map_or(img_end, |f| f.addr);
        let mut sent_before = 0u64;
        // Set when one run was the whole image: its verify was the whole-image check.
        let mut whole_verified = false;
        for (run_no, run) in ip.runs(&sent_or_matched).into_iter().enumerate() {
            let data = &img.data[run.bytes.clone()];
            let (start, end) = sector_span(run.addr, data.len() as u32, fs);
            let run_end = run.addr + data.len() as u32;
            // Bytes sharing a sector with the run are recorded before anything erases
            // them: the ROM path writes them back itself, and espflow's stub keeps them in
            // its RAM, which a power cut loses; either way the journal has them.
            let needed = |at: u32| caps.is_none() || journal.is_some() || restore.contains(&at);
            let head = kept_for(loader, &mut record, start, run.addr - start, needed(start))?;
            let tail = kept_for(loader, &mut record, run_end, end - run_end, needed(run_end))?;
            let mut on_commit = |committed: u32, sent_in_run: u64| {
                record.update(committed.clamp(img.addr, img_end).min(claim_limit));
                progress.event(Event::Advance {
                    done: sent_before + sent_in_run.min(data.len() as u64),
                });
            };
            let stats = match caps {
                // The session keeps encrypted images on the ROM loader where the stub
                // cannot encrypt; this is the last line against plaintext going out.
                Some(caps) if img.encrypted() && caps.flags & FLAG_ENCRYPTED_WRITES == 0 => {
                    return Err(Error::Refused {
                        reason: format!(
                            "{}: the stub running cannot encrypt a write (reset the chip \
                             to its ROM loader, which can)",
                            img.name
                        ),
                    });
                }
                Some(caps) => {
                    // The stub keeps what the flash holds around the run; where that is
                    // damaged, the run is widened over the kept bytes to put them back.
                    let mut run_addr = run.addr;
                    let mut wide = Vec::new();
                    if restore.contains(&start) && !head.is_empty() {
                        run_addr = start;
                        wide.extend_from_slice(&head);
                    }
                    wide.extend_from_slice(data);
                    if restore.contains(&run_end) && !tail.is_empty() {
                        wide.extend_from_slice(&tail);
                    }
                    execute::write_run_stub(
                        loader,
                        run_addr,
                        &wide,
                        caps,
                        opts.compress,
                        img.encrypted(),
                        &mut on_commit,
                    )
                    .inspect_err(|_| {
                        repair_kept(loader, run.addr, data, &head, &tail, opts.compress);
                    })
                }
                None => execute::write_run_rom(
                    loader,
                    run.addr,
                    data,
                    &head,
                    &tail,
                    execute::RomForm {
                        compress: opts.compress,
                        encrypted: img.encrypted(),
                    },
                    &mut on_commit,
                )
                .inspect_err(|_| {
                    repair_kept(loader, run.addr, data, &head, &tail, opts.compress);
                }),
            }
            .map_err(|e| run_error(e, &img.name, run.addr))?;
            // With fills the whole-image check at the end covers every run.
            if let (true, Some(raw), true) = (opts.verify, &raw, fills.is_empty()) {
                let expect = &raw.data[run.bytes.clone()];
                if run_no + 1 == last_run {
                    progress.event(Event::End);
                    write_ended = true;
                    let begin = Event::begin(
                        Stage::Verify,
                        data.len() as u64,
                        Some(&img.name),
                        Some(run.addr),
                    );
                    crate::progress::around(progress, begin, || {
                        verify::region(loader, run.addr, expect, &img.name)
                    })?;
                } else {
                    verify::region(loader, run.addr, expect, &img.name)?;
                }
                whole_verified = run.bytes == (0..img.data.len());
            }
            sent_before += data.len() as u64;
            sum.bytes_sent += data.len() as u64;
            sum.wire_bytes += stats.wire;
            sum.sectors_erased += stats.erased;
            sum.sectors_written += stats.written;
            sum.retries = loader.retries();
        }
        if !fills.is_empty() {
            let bytes: u32 = fills.iter().map(|f| f.size).sum();
            let (erased, written, kept) = loader
                .fill_finish(bytes)
                .map_err(|e| run_error(Error::Loader(e), &img.name, fills[0].addr))?;
            sent_before += bytes as u64;
            progress.event(Event::Advance { done: sent_before });
            // Sectors the stub found holding their value already were in place.
            let in_place = (kept as u64 * SECTOR_SIZE as u64).min(bytes as u64);
            sum.bytes_sent += bytes as u64 - in_place;
            sum.bytes_skipped += in_place;
            sum.sectors_erased += erased as u64;
            sum.sectors_written += written as u64;
        }
        if !write_ended {
            progress.event(Event::End);
        }
        // The whole image is checked at the end, skipped chunks included: a skip is only
        // as good as the digests that allowed it, and one damaged request can make a
        // digest of another region look like this one's.
        match &raw {
            Some(raw) if opts.verify && !whole_verified => {
                let begin = Event::begin(
                    Stage::Verify,
                    img.data.len() as u64,
                    Some(&img.name),
                    Some(img.addr),
                );
                crate::progress::around(progress, begin, || {
                    verify::region(loader, img.addr, &raw.data, &img.name)
                })?;
            }
            Some(_) => {}
            // What the chip's key made of the image is known to the chip alone.
            None => sum.verified = false,
        }
        if let Some(j) = journal {
            j.remove(&key);
        }
    }
    sum.seconds = started.elapsed().as_secs_f64();
    Ok(sum)
}

/// Queues the image's fills on espflow's stub, as many as it takes; the rest of the image
/// goes as data.
fn queue_fills(
    loader: &mut Loader,
    ip: &plan::ImagePlan<'_>,
    matched: &[bool],
) -> Result<Vec<fills::FillRange>> {
    let mut queued = Vec::new();
    for f in fills::plan(ip, matched) {
        match loader.fill(f.addr, f.size, f.value) {
            Ok(()) => queued.push(f),
            Err(LoaderError::Failed {
                status: Status::Stub(StubError::TooMuchData),
                ..
            }) => break,
            Err(e) => return Err(Error::Loader(e)),
        }
    }
    Ok(queued)
}

/// After a run failed, puts the bytes that share its first and last sector back at once
/// (those sectors rewritten whole, with the image's part of them), so a failure that left
/// the line usable changes nothing outside the image. The ROM erased the whole run up
/// front, and the stub may have erased a shared sector and lost its copy with the stream;
/// without this they would stay lost until the same command runs again and takes them from
/// the journal. Best effort: if this fails too, the journal still has them.
fn repair_kept(loader: &mut Loader, addr: u32, data: &[u8], head: &[u8], tail: &[u8], z: bool) {
    let sector = espflow_protocol::geometry::SECTOR_SIZE as usize;
    let start = addr as usize - head.len();
    let mut whole = head.to_vec();
    whole.extend_from_slice(data);
    whole.extend_from_slice(tail);
    if head.is_empty() && tail.is_empty() || !whole.len().is_multiple_of(sector) {
        return;
    }
    let mut sectors = Vec::new();
    if !head.is_empty() {
        sectors.push(0);
    }
    if !tail.is_empty() {
        sectors.push(whole.len() - sector);
    }
    sectors.dedup();
    // Answers the failed run left on the line are drained by an unrelated command first.
    if barrier(loader).is_err() {
        return;
    }
    let mut quiet = |_: u32, _: u64| {};
    for off in sectors {
        let at = (start + off) as u32;
        let bytes = &whole[off..off + sector];
        let _ = match loader.capabilities() {
            Some(caps) => execute::write_run_stub(loader, at, bytes, caps, z, false, &mut quiet),
            None => {
                let form = execute::RomForm {
                    compress: z,
                    encrypted: false,
                };
                execute::write_run_rom(loader, at, bytes, &[], &[], form, &mut quiet)
            }
        };
    }
}

/// The first and the last sector's worth of an image larger than two of them, with their
/// flash addresses.
fn ends(img: &Image) -> Vec<(u32, &[u8])> {
    let (n, len) = (SECTOR_SIZE as usize, img.data.len());
    if len <= 2 * n {
        return Vec::new();
    }
    vec![
        (img.addr, &img.data[..n]),
        (img.addr + (len - n) as u32, &img.data[len - n..]),
    ]
}

/// The kept ranges of a journal whose bytes the flash no longer holds (an erase was cut
/// off before they were programmed again), by address.
fn damaged_kept(loader: &mut Loader, img: &Image, kept: &[(u32, Vec<u8>)]) -> Result<Vec<u32>> {
    let mut out = Vec::new();
    for (at, bytes) in kept {
        let want: [u8; 16] = Md5::digest(bytes).into();
        if !md5_matches(loader, *at, bytes.len() as u32, &want)? {
            out.push(*at);
        }
    }
    debug_assert!(out.iter().all(|a| *a < img.addr || *a as u64 >= img.end()));
    Ok(out)
}

/// The `len` bytes at `at` that share a sector with a run: the journal's copy when it has
/// one (taken before an interrupted write erased them), else read from the flash (checked)
/// and recorded in the journal before the caller erases anything. Empty unless `needed`.
fn kept_for(
    loader: &mut Loader,
    record: &mut Recorder<'_>,
    at: u32,
    len: u32,
    needed: bool,
) -> Result<Vec<u8>> {
    if len == 0 || !needed {
        return Ok(Vec::new());
    }
    if let Some((_, b)) = record.entry.kept.iter().find(|(a, _)| *a == at) {
        return Ok(b.clone());
    }
    let bytes = execute::preserved(loader, at, len)
        .map_err(|e| e.context(format!("reading the bytes kept at 0x{at:X}")))?;
    record.keep(at, bytes.clone())?;
    Ok(bytes)
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
    progress: &mut dyn Progress,
) -> Result<Option<WriteSummary>> {
    WritePlan::new(images, flash_size(loader)?)?;
    if !opts.skip_unchanged {
        return Ok(None);
    }
    let total = images.iter().map(|i| i.data.len() as u64).sum();
    let name = match images {
        [one] => Some(one.name.as_str()),
        _ => None,
    };
    let begin = Event::begin(Stage::Digest, total, name, images.first().map(|i| i.addr));
    crate::progress::around(progress, begin, || in_place(loader, images, opts, journal))
}

/// [`already_in_place`] once the images are known to fit and skipping is allowed.
fn in_place(
    loader: &mut Loader,
    images: &[Image],
    opts: WriteOptions,
    journal: Option<&Journal>,
) -> Result<Option<WriteSummary>> {
    let started = Instant::now();
    // A first write, or one whose image changed, usually differs in its first or last
    // sector: one small MD5 each rules the whole-image MD5 out for a fraction of its cost
    // (on the ESP32's ROM a MiB costs 0.7 s). A "differs" is believed as it is, since it
    // only leads to the full comparison; a "matches" proves nothing yet.
    // Raw flash is what the MD5s see: an encrypted image's ciphertext, when it is known.
    let Some(raw) = images.iter().map(Image::as_raw).collect::<Option<Vec<_>>>() else {
        return Ok(None);
    };
    for img in &raw {
        for (at, part) in ends(img) {
            let want: [u8; 16] = Md5::digest(part).into();
            if loader.md5(at, part.len() as u32)? != want {
                return Ok(None);
            }
        }
    }
    // This answer ends the write without any other check, so "in place" is asked twice,
    // with a register read between, whatever the loader.
    for img in &raw {
        let want: [u8; 16] = Md5::digest(&img.data).into();
        if !md5_confirmed(loader, img.addr, img.data.len() as u32, &want)? {
            return Ok(None);
        }
    }
    // A write interrupted after its last block but before it cleared its journal is
    // finished now, unless bytes it kept around the image were lost on the way; the
    // journal still counts as found.
    let mut resumed = false;
    if let Some(j) = journal {
        let mac = loader.mac()?;
        for img in images {
            let key = journal_key(mac, img);
            if let Some(e) = j.load(&key) {
                if !damaged_kept(loader, img, &e.kept)?.is_empty() {
                    return Ok(None);
                }
                resumed |= opts.resume;
            }
        }
        for img in images {
            j.remove(&journal_key(mac, img));
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
    /// Records bytes that share a sector with the image, at once: they must be on disk
    /// before the erase that follows. A journal that cannot take them stops the write
    /// before anything is erased, as the promise to keep them could not be kept.
    fn keep(&mut self, at: u32, bytes: Vec<u8>) -> Result<()> {
        self.entry.kept.push((at, bytes));
        if let Some(j) = self.journal {
            j.save(&self.entry).map_err(|e| {
                Error::Device(format!(
                    "cannot record the bytes kept at 0x{at:X} in the journal {}: {e}; \
                     nothing was erased",
                    j.path_for(&self.entry.key).display()
                ))
            })?;
            self.saved_at = Some(Instant::now());
        }
        Ok(())
    }

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
                kept: Vec::new(),
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
