//! How the command line shows what the library reports: a bar on a terminal, plain lines in
//! a log, JSON lines for scripts; decided here and nowhere else. The JSON lines are the
//! documented schema in README.md ("For scripts"): each is one serde-serialised object with
//! an `event` field.

use std::io::{IsTerminal, Write};
use std::time::Instant;

use espflow::progress::{Event, Progress, Stage};
use espflow::write::WriteSummary;
use espflow::{Error, ErrorCode};
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use super::args::Format;

/// Writes one JSON line on stdout. A closed stdout is not worth a panic: the line is lost,
/// the work goes on and the exit status still tells.
pub fn json_line(value: &impl Serialize) {
    let mut out = std::io::stdout().lock();
    // On one of several boards, every line says which one (see boards.rs).
    let text = match super::boards::json_context() {
        Some((port, mac)) => serde_json::to_value(value).map(|mut v| {
            if let Some(fields) = v.as_object_mut() {
                fields.insert("port".into(), port.into());
                fields.insert("mac".into(), mac.into());
            }
            v.to_string()
        }),
        None => serde_json::to_string(value),
    };
    if let Ok(text) = text {
        let _ = writeln!(out, "{text}");
        let _ = out.flush();
    }
}

/// Writes `value`'s fields as one JSON line with `"event": event` first.
pub fn json_event<T: Serialize>(event: &'static str, value: &T) {
    #[derive(Serialize)]
    struct Line<'a, T> {
        event: &'static str,
        #[serde(flatten)]
        value: &'a T,
    }
    json_line(&Line { event, value });
}

/// The JSON form of a progress event.
#[derive(Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
enum JsonEvent<'a> {
    Begin {
        stage: Stage,
        total: u64,
        #[serde(skip_serializing_if = "Option::is_none")]
        file: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        addr: Option<u32>,
    },
    Progress {
        stage: Stage,
        done: u64,
        total: u64,
    },
    End {
        stage: Stage,
    },
}

/// An indicatif bar on stderr.
#[derive(Default)]
pub struct Bar {
    bar: Option<ProgressBar>,
}

impl Progress for Bar {
    fn event(&mut self, e: Event<'_>) {
        match e {
            Event::Begin {
                stage, total, name, ..
            } => {
                let bar = super::boards::attach(ProgressBar::new(total));
                bar.set_style(
                    ProgressStyle::with_template(
                        "{msg:>10} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
                    )
                    .expect("static template")
                    .progress_chars("=> "),
                );
                bar.set_message(match name {
                    Some(n) => format!("{}{stage} {n}", super::boards::prefix()),
                    None => format!("{}{stage}", super::boards::prefix()),
                });
                self.bar = Some(bar);
            }
            Event::Advance { done } => {
                if let Some(b) = &self.bar {
                    b.set_position(done);
                }
            }
            Event::End => {
                if let Some(b) = self.bar.take() {
                    b.finish();
                }
            }
        }
    }
}

/// One line per stage start, every 25 %, and at the end, for logs and CI.
pub struct Lines {
    stage: Stage,
    total: u64,
    next_mark: u64,
    started: Instant,
}

impl Default for Lines {
    fn default() -> Self {
        Lines {
            stage: Stage::default(),
            total: 0,
            next_mark: 0,
            started: Instant::now(),
        }
    }
}

impl Progress for Lines {
    fn event(&mut self, e: Event<'_>) {
        match e {
            Event::Begin {
                stage,
                total,
                name,
                addr,
            } => {
                self.stage = stage;
                self.total = total;
                self.next_mark = total / 4;
                self.started = Instant::now();
                let what = match (name, addr) {
                    (Some(n), Some(a)) => format!(" {n} at 0x{a:X}"),
                    (None, Some(a)) => format!(" at 0x{a:X}"),
                    _ => String::new(),
                };
                errln!("{}{stage}{what}: {total} bytes", super::boards::prefix());
            }
            Event::Advance { done } => {
                if self.total > 0 && done >= self.next_mark && done < self.total {
                    errln!(
                        "{}{}: {}%",
                        super::boards::prefix(),
                        self.stage,
                        done * 100 / self.total
                    );
                    self.next_mark = done + self.total / 4;
                }
            }
            Event::End => {
                let secs = self.started.elapsed().as_secs_f64();
                errln!(
                    "{}{}: done in {secs:.2} s",
                    super::boards::prefix(),
                    self.stage
                );
            }
        }
    }
}

/// JSON lines on stdout: `begin`, `progress` (at most every 1 % and at the end), `end`.
#[derive(Default)]
pub struct Json {
    stage: Stage,
    total: u64,
    last: Option<u64>,
}

impl Progress for Json {
    fn event(&mut self, e: Event<'_>) {
        match e {
            Event::Begin {
                stage,
                total,
                name,
                addr,
            } => {
                self.stage = stage;
                self.total = total;
                self.last = None;
                json_line(&JsonEvent::Begin {
                    stage,
                    total,
                    file: name,
                    addr,
                });
            }
            Event::Advance { done } => {
                let step = (self.total / 100).max(1);
                if self
                    .last
                    .is_some_and(|l| done < l + step && done < self.total)
                {
                    return;
                }
                self.last = Some(done);
                json_line(&JsonEvent::Progress {
                    stage: self.stage,
                    done,
                    total: self.total,
                });
            }
            Event::End => json_line(&JsonEvent::End { stage: self.stage }),
        }
    }
}

/// The progress sink for a format: JSON lines, a bar on a terminal, plain lines otherwise.
pub fn progress_for(format: Format) -> Box<dyn Progress> {
    match format {
        Format::Json => Box::new(Json::default()),
        Format::Text if std::io::stderr().is_terminal() => Box::new(Bar::default()),
        Format::Text => Box::new(Lines::default()),
    }
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Prints a write's summary: a JSON line for scripts, a sentence otherwise.
pub fn report_write(format: Format, s: &WriteSummary) {
    match format {
        Format::Json => json_event("summary", s),
        Format::Text => errln!(
            "{}wrote {} ({} on the wire), skipped {} already in place, {} erased, {} \
             written, in {:.2} s{}{}",
            super::boards::prefix(),
            plural(s.bytes_sent, "byte", "bytes"),
            s.wire_bytes,
            s.bytes_skipped,
            plural(s.sectors_erased, "sector", "sectors"),
            s.sectors_written,
            s.seconds,
            if s.resumed { ", resumed" } else { "" },
            if s.verified { ", verified" } else { "" }
        ),
    }
}

/// The library error inside an error chain, if the failure came from the library.
pub fn library_error(e: &anyhow::Error) -> Option<&Error> {
    e.chain().find_map(|c| c.downcast_ref::<Error>())
}

/// Prints a failure: one line on stderr (`error: ...`, with the hint after a semicolon when
/// there is one), and with `--format json` also an `error` event on stdout carrying the
/// stable code.
pub fn report_error(format: Format, e: &anyhow::Error) {
    let lib = library_error(e);
    let code = lib.map_or(ErrorCode::Device, Error::code);
    let hint = lib.and_then(Error::hint);
    // A library error's message is complete in itself; anything else may carry context
    // that only the alternate form shows.
    let message = if e.downcast_ref::<Error>().is_some() {
        e.to_string()
    } else {
        format!("{e:#}")
    };
    match hint {
        Some(h) => errln!("error: {message}; {h}"),
        None => errln!("error: {message}"),
    }
    if format == Format::Json {
        #[derive(Serialize)]
        struct Line<'a> {
            event: &'static str,
            code: ErrorCode,
            message: String,
            #[serde(skip_serializing_if = "Option::is_none")]
            hint: Option<&'a str>,
        }
        json_line(&Line {
            event: "error",
            code,
            message,
            hint,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn begin_events_carry_the_file_only_when_there_is_one() {
        let with = serde_json::to_value(JsonEvent::Begin {
            stage: Stage::Write,
            total: 10,
            file: Some("a.bin"),
            addr: Some(0x1000),
        })
        .unwrap();
        assert_eq!(with["event"], "begin");
        assert_eq!(with["stage"], "write");
        assert_eq!(with["file"], "a.bin");
        assert_eq!(with["addr"], 0x1000);
        let without = serde_json::to_value(JsonEvent::Begin {
            stage: Stage::Read,
            total: 10,
            file: None,
            addr: None,
        })
        .unwrap();
        assert!(without.get("file").is_none());
    }

    #[test]
    fn plurals() {
        assert_eq!(plural(1, "sector", "sectors"), "1 sector");
        assert_eq!(plural(0, "sector", "sectors"), "0 sectors");
    }
}
