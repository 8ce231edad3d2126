//! Long operations report typed events; how they are shown (a bar on a terminal, plain
//! lines in a log, nothing) is decided here and nowhere else.

use std::io::IsTerminal;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};

#[derive(Clone, Debug, PartialEq)]
pub enum Event<'a> {
    /// A stage starts: `total` bytes of work.
    Begin {
        stage: &'a str,
        total: u64,
    },
    /// Bytes of the current stage done so far.
    Advance {
        done: u64,
    },
    End,
}

pub trait Progress {
    fn event(&mut self, e: Event<'_>);
}

/// Shows nothing.
pub struct Quiet;

impl Progress for Quiet {
    fn event(&mut self, _: Event<'_>) {}
}

/// An indicatif bar on stderr.
#[derive(Default)]
pub struct Bar {
    bar: Option<ProgressBar>,
}

impl Progress for Bar {
    fn event(&mut self, e: Event<'_>) {
        match e {
            Event::Begin { stage, total } => {
                let bar = ProgressBar::new(total);
                bar.set_style(
                    ProgressStyle::with_template(
                        "{msg:>10} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
                    )
                    .expect("static template")
                    .progress_chars("=> "),
                );
                bar.set_message(stage.to_string());
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
    stage: String,
    total: u64,
    next_mark: u64,
    started: Instant,
}

impl Default for Lines {
    fn default() -> Self {
        Lines {
            stage: String::new(),
            total: 0,
            next_mark: 0,
            started: Instant::now(),
        }
    }
}

impl Progress for Lines {
    fn event(&mut self, e: Event<'_>) {
        match e {
            Event::Begin { stage, total } => {
                self.stage = stage.to_string();
                self.total = total;
                self.next_mark = total / 4;
                self.started = Instant::now();
                eprintln!("{stage}: {total} bytes");
            }
            Event::Advance { done } => {
                if self.total > 0 && done >= self.next_mark && done < self.total {
                    eprintln!("{}: {}%", self.stage, done * 100 / self.total);
                    self.next_mark = done + self.total / 4;
                }
            }
            Event::End => {
                let secs = self.started.elapsed().as_secs_f64();
                eprintln!("{}: done in {secs:.2} s", self.stage);
            }
        }
    }
}

/// JSON lines on stdout, for scripts: `begin`, `progress` (at most every 1 % and at the
/// end), `end`.
#[derive(Default)]
pub struct Json {
    stage: String,
    total: u64,
    last: Option<u64>,
}

impl Progress for Json {
    fn event(&mut self, e: Event<'_>) {
        use std::io::Write;
        let line = match e {
            Event::Begin { stage, total } => {
                self.stage = stage.to_string();
                self.total = total;
                self.last = None;
                format!("{{\"event\":\"begin\",\"stage\":\"{stage}\",\"total\":{total}}}")
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
                format!(
                    "{{\"event\":\"progress\",\"stage\":\"{}\",\"done\":{done},\"total\":{}}}",
                    self.stage, self.total
                )
            }
            Event::End => format!("{{\"event\":\"end\",\"stage\":\"{}\"}}", self.stage),
        };
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{line}");
        let _ = out.flush();
    }
}

/// A bar when stderr is a terminal, plain lines otherwise.
pub fn auto() -> Box<dyn Progress> {
    if std::io::stderr().is_terminal() {
        Box::new(Bar::default())
    } else {
        Box::new(Lines::default())
    }
}
