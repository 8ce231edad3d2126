//! How the command line shows what the library reports: a bar on a terminal, plain lines in
//! a log, JSON lines for scripts; decided here and nowhere else. The JSON lines are the
//! documented schema in README.md ("For scripts"): each is one serde-serialised object with
//! an `event` field.

use std::cell::RefCell;
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use espflow::numbers::human_size;
use espflow::progress::{Event, Progress, Stage};
use espflow::write::WriteSummary;
use espflow::{Error, ErrorCode};
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use super::args::Format;

/// What every JSON line says about where it comes from, once known: the port, and after
/// connecting the chip and its MAC. Kept per thread, so that a command working on several
/// boards at once, one thread each, tags each board's lines with its own port.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context {
    /// The port as given (`/dev/ttyUSB0`, `socket://...`, `virtual:...`).
    pub port: Option<String>,
    /// The chip connected to.
    pub chip: Option<String>,
    /// Its base MAC.
    pub mac: Option<String>,
}

thread_local! {
    static CONTEXT: RefCell<Context> = RefCell::new(Context::default());
    /// The line rate `--baud auto` settled on, for this thread's write summaries.
    static AUTO_BAUD: std::cell::Cell<Option<u32>> = const { std::cell::Cell::new(None) };
}

/// This thread's context.
pub fn context() -> Context {
    CONTEXT.with(|c| c.borrow().clone())
}

/// Replaces this thread's context.
pub fn set_context(ctx: Context) {
    CONTEXT.with(|c| *c.borrow_mut() = ctx);
}

/// Starts a new context for `port` on this thread: chip and MAC are not known yet.
pub fn set_port(port: &str) {
    set_context(Context {
        port: Some(port.to_string()),
        ..Context::default()
    });
}

/// How much is shown: `-q`, nothing but results and errors; `-v`, each stage's time too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

static VERBOSITY: AtomicU8 = AtomicU8::new(1);
static FORMAT_JSON: AtomicU8 = AtomicU8::new(0);

/// Records the output options for the whole process (every thread shows the same way).
pub fn configure(format: Format, verbosity: Verbosity) {
    VERBOSITY.store(verbosity as u8, Ordering::Relaxed);
    FORMAT_JSON.store(u8::from(format == Format::Json), Ordering::Relaxed);
}

/// The `-q`/`-v` setting in force.
pub fn verbosity() -> Verbosity {
    match VERBOSITY.load(Ordering::Relaxed) {
        0 => Verbosity::Quiet,
        1 => Verbosity::Normal,
        _ => Verbosity::Verbose,
    }
}

fn configured_format() -> Format {
    if FORMAT_JSON.load(Ordering::Relaxed) == 1 {
        Format::Json
    } else {
        Format::Text
    }
}

fn unix_millis() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

/// Writes one JSON line on stdout, with `ts` (Unix time in ms) and this thread's
/// [`Context`] added after the value's own fields (which keep their order, `event` first;
/// a field the value has itself is not repeated). A closed stdout is not worth a panic:
/// the line is lost, the work goes on and the exit status still tells.
pub fn json_line(value: &impl Serialize) {
    let Ok(mut text) = serde_json::to_string(value) else {
        return;
    };
    if text.ends_with('}') && text.len() > 2 {
        let own = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&text)
            .unwrap_or_default();
        let mut ctx = context();
        // On one of several boards, its thread's board names the port (see boards.rs).
        if let Some((port, mac)) = super::boards::json_context() {
            ctx.port = Some(port);
            ctx.mac = mac.or(ctx.mac);
        }
        let mut extra = serde_json::Map::new();
        extra.insert("ts".into(), unix_millis().into());
        for (key, v) in [("port", ctx.port), ("chip", ctx.chip), ("mac", ctx.mac)] {
            if let Some(v) = v {
                extra.insert(key.into(), v.into());
            }
        }
        extra.retain(|k, _| !own.contains_key(k));
        if let Ok(more) = serde_json::to_string(&extra)
            && more.len() > 2
        {
            text.pop();
            text.push(',');
            text.push_str(&more[1..]);
        }
    }
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{text}");
    let _ = out.flush();
}

/// Writes `value`'s fields as one JSON line with `"event": event`.
pub fn json_event<T: Serialize>(event: &'static str, value: &T) {
    #[derive(Serialize)]
    struct Line<'a, T> {
        event: &'static str,
        #[serde(flatten)]
        value: &'a T,
    }
    json_line(&Line { event, value });
}

fn is_zero(n: &u64) -> bool {
    *n == 0
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
        #[serde(skip_serializing_if = "is_zero")]
        skipped: u64,
        #[serde(skip_serializing_if = "is_zero")]
        resumed: u64,
    },
    Progress {
        stage: Stage,
        done: u64,
        total: u64,
        #[serde(skip_serializing_if = "Option::is_none")]
        file: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        addr: Option<u32>,
    },
    End {
        stage: Stage,
        #[serde(skip_serializing_if = "Option::is_none")]
        file: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        addr: Option<u32>,
        seconds: f64,
    },
    Connected {
        chip: &'a str,
        mac: Option<&'a str>,
    },
    Baud {
        baud: u32,
        #[serde(skip_serializing_if = "Option::is_none")]
        tried: Option<u32>,
        reason: espflow::progress::BaudReason,
    },
}

/// `line at 2000000 baud (probe passed)`, `line back at 2000000 baud: 3000000 dead`.
fn baud_line(baud: u32, tried: Option<u32>, reason: espflow::progress::BaudReason) -> String {
    match tried {
        Some(t) => format!(
            "{}line back at {baud} baud: {t} failed ({})",
            super::boards::prefix(),
            reason.as_str()
        ),
        None => format!(
            "{}line at {baud} baud ({})",
            super::boards::prefix(),
            reason.as_str()
        ),
    }
}

/// A stage under way, as the sinks remember it.
struct Open {
    stage: Stage,
    total: u64,
    name: Option<String>,
    addr: Option<u32>,
    started: Instant,
}

impl Open {
    fn new(stage: Stage, total: u64, name: Option<&str>, addr: Option<u32>) -> Open {
        Open {
            stage,
            total,
            name: name.map(str::to_string),
            addr,
            started: Instant::now(),
        }
    }

    /// `write app.bin at 0x10000`.
    fn title(&self) -> String {
        let mut t = super::boards::prefix();
        t.push_str(self.stage.as_str());
        if let Some(n) = &self.name {
            t.push(' ');
            t.push_str(n);
        }
        if let Some(a) = self.addr {
            t.push_str(&format!(" at 0x{a:X}"));
        }
        t
    }

    fn seconds(&self) -> f64 {
        (self.started.elapsed().as_secs_f64() * 1000.0).round() / 1000.0
    }
}

/// `, 4.0 KiB in place, 8.0 KiB resumed` for a stage that left bytes out.
fn left_out(skipped: u64, resumed: u64) -> String {
    let mut t = String::new();
    if skipped > resumed {
        t.push_str(&format!(", {} in place", human_size(skipped - resumed)));
    }
    if resumed > 0 {
        t.push_str(&format!(", {} resumed", human_size(resumed)));
    }
    t
}

/// The line shown once the chip answered.
fn banner(chip: &str, mac: Option<&str>) -> String {
    let port = context()
        .port
        .map(|p| format!(" on {p}"))
        .unwrap_or_default();
    match mac {
        Some(m) => format!("connected to {chip} (MAC {m}){port}"),
        None => format!("connected to {chip}{port}"),
    }
}

/// Keeps the thread's [`Context`] up to date before the sink shows anything.
fn note_connected(e: &Event<'_>) {
    if let Event::Baud { baud, .. } = e {
        AUTO_BAUD.with(|b| b.set(Some(*baud)));
    }
    if let Event::Connected { chip, mac } = e {
        CONTEXT.with(|c| {
            let mut c = c.borrow_mut();
            c.chip = Some(chip.to_string());
            c.mac = mac.map(str::to_string);
        });
    }
}

/// An indicatif bar on stderr per stage, named by the stage and its file; stages of no
/// measurable size get a spinner line.
#[derive(Default)]
pub struct Bar {
    open: Vec<(Open, ProgressBar)>,
}

impl Progress for Bar {
    fn event(&mut self, e: Event<'_>) {
        note_connected(&e);
        match e {
            Event::Begin {
                stage,
                total,
                name,
                addr,
                skipped,
                resumed,
            } => {
                let open = Open::new(stage, total, name, addr);
                let msg = format!("{}{}", open.title(), left_out(skipped, resumed));
                let bar = if total > 0 && matches!(stage, Stage::Write | Stage::Read) {
                    let bar = ProgressBar::new(total);
                    bar.set_style(
                        ProgressStyle::with_template(
                            "{msg} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} eta {eta}",
                        )
                        .expect("static template")
                        .progress_chars("=> "),
                    );
                    bar
                } else {
                    let bar = ProgressBar::new_spinner();
                    bar.set_style(
                        ProgressStyle::with_template("{spinner} {msg}").expect("static template"),
                    );
                    bar.enable_steady_tick(std::time::Duration::from_millis(100));
                    bar
                };
                let bar = super::boards::attach(bar);
                bar.set_message(msg);
                self.open.push((open, bar));
            }
            Event::Advance { done } => {
                if let Some((_, b)) = self.open.last() {
                    b.set_position(done);
                }
            }
            Event::End => {
                if let Some((open, b)) = self.open.pop() {
                    // The bar is replaced by a line of its own, which ends with a newline:
                    // a finished bar leaves the cursor on its line for whatever comes next.
                    if super::boards::in_board() {
                        // Under the boards' MultiProgress, which draws every bar itself.
                        b.finish();
                        return;
                    }
                    let msg = b.message();
                    b.finish_and_clear();
                    let secs = open.seconds();
                    if b.length().is_some_and(|n| n > 0) && open.total > 0 {
                        let size = indicatif::HumanBytes(open.total);
                        errln!("{msg} [{}] {size}/{size} in {secs:.2} s", "=".repeat(30));
                    } else if verbosity() == Verbosity::Verbose {
                        errln!("{}: done in {secs:.2} s", open.title());
                    } else {
                        errln!("{}: done", open.title());
                    }
                }
            }
            Event::Connected { .. } if super::boards::in_board() => {}
            Event::Connected { chip, mac } => errln!("{}", banner(chip, mac)),
            Event::Baud { .. } if super::boards::in_board() => {}
            Event::Baud {
                baud,
                tried,
                reason,
            } => {
                if verbosity() == Verbosity::Verbose {
                    errln!("{}", baud_line(baud, tried, reason));
                }
            }
        }
    }
}

/// One line per write or read start, every 25 %, and at the end, for logs and CI: no
/// escape codes. With `-v`, every stage, every 10 %, and the banner after connecting.
#[derive(Default)]
pub struct Lines {
    open: Vec<(Open, u64)>,
}

impl Progress for Lines {
    fn event(&mut self, e: Event<'_>) {
        note_connected(&e);
        let verbose = verbosity() == Verbosity::Verbose;
        let step = if verbose { 10 } else { 4 };
        // A log shows the long stages; the others, and the banner, with -v. A stage left
        // out still counts, so that its End is matched.
        let shown = |stage: Stage| verbose || matches!(stage, Stage::Write | Stage::Read);
        match e {
            Event::Begin { stage, .. } if !shown(stage) => {
                self.open.push((Open::new(stage, 0, None, None), u64::MAX));
            }
            Event::End if self.open.last().is_some_and(|(o, _)| !shown(o.stage)) => {
                self.open.pop();
            }
            Event::Connected { .. } if !verbose => {}
            Event::Begin {
                stage,
                total,
                name,
                addr,
                skipped,
                resumed,
            } => {
                let open = Open::new(stage, total, name, addr);
                let size = if total > 0 {
                    format!(": {}", plural(total, "byte", "bytes"))
                } else {
                    String::new()
                };
                errln!("{}{size}{}", open.title(), left_out(skipped, resumed));
                self.open.push((open, total / step));
            }
            Event::Advance { done } => {
                if let Some((open, next)) = self.open.last_mut()
                    && open.total > 0
                    && done >= *next
                    && done < open.total
                {
                    errln!("{}: {}%", open.title(), done * 100 / open.total);
                    *next = done + open.total / step;
                }
            }
            Event::End => {
                if let Some((open, _)) = self.open.pop() {
                    errln!("{}: done in {:.2} s", open.title(), open.seconds());
                }
            }
            Event::Connected { chip, mac } => errln!("{}", banner(chip, mac)),
            Event::Baud {
                baud,
                tried,
                reason,
            } => {
                if verbose {
                    errln!("{}", baud_line(baud, tried, reason));
                }
            }
        }
    }
}

/// JSON lines on stdout: `connected`, and per stage `begin`, `progress` (at most every
/// 1 % and at the end), `end`.
#[derive(Default)]
pub struct Json {
    open: Vec<(Open, Option<u64>)>,
}

impl Progress for Json {
    fn event(&mut self, e: Event<'_>) {
        note_connected(&e);
        match e {
            Event::Begin {
                stage,
                total,
                name,
                addr,
                skipped,
                resumed,
            } => {
                json_line(&JsonEvent::Begin {
                    stage,
                    total,
                    file: name,
                    addr,
                    skipped,
                    resumed,
                });
                self.open.push((Open::new(stage, total, name, addr), None));
            }
            Event::Advance { done } => {
                let Some((open, last)) = self.open.last_mut() else {
                    return;
                };
                let step = (open.total / 100).max(1);
                if last.is_some_and(|l| done < l + step && done < open.total) {
                    return;
                }
                *last = Some(done);
                json_line(&JsonEvent::Progress {
                    stage: open.stage,
                    done,
                    total: open.total,
                    file: open.name.as_deref(),
                    addr: open.addr,
                });
            }
            Event::End => {
                if let Some((open, _)) = self.open.pop() {
                    json_line(&JsonEvent::End {
                        stage: open.stage,
                        file: open.name.as_deref(),
                        addr: open.addr,
                        seconds: open.seconds(),
                    });
                }
            }
            Event::Connected { chip, mac } => json_line(&JsonEvent::Connected { chip, mac }),
            Event::Baud {
                baud,
                tried,
                reason,
            } => json_line(&JsonEvent::Baud {
                baud,
                tried,
                reason,
            }),
        }
    }
}

/// Shows nothing (`-q`), but still learns the chip and MAC for the result lines.
struct Silent;

impl Progress for Silent {
    fn event(&mut self, e: Event<'_>) {
        note_connected(&e);
    }
}

/// The progress sink for a format: JSON lines, a bar on a terminal, plain lines otherwise;
/// nothing with `-q`.
pub fn progress_for(format: Format) -> Box<dyn Progress + Send> {
    match format {
        _ if verbosity() == Verbosity::Quiet => Box::new(Silent),
        Format::Json => Box::new(Json::default()),
        Format::Text if std::io::stderr().is_terminal() => Box::new(Bar::default()),
        Format::Text => Box::new(Lines::default()),
    }
}

/// Fills in the file of stages that name none: a read's events name the file it goes to.
struct Named {
    inner: Box<dyn Progress + Send>,
    name: String,
}

impl Progress for Named {
    fn event(&mut self, e: Event<'_>) {
        match e {
            Event::Begin {
                stage,
                total,
                name: None,
                addr,
                skipped,
                resumed,
            } => self.inner.event(Event::Begin {
                stage,
                total,
                name: Some(&self.name),
                addr,
                skipped,
                resumed,
            }),
            other => self.inner.event(other),
        }
    }
}

/// [`progress_for`], its stages naming `file` where the library names none.
pub fn progress_naming(format: Format, file: &std::path::Path) -> Box<dyn Progress + Send> {
    Box::new(Named {
        inner: progress_for(format),
        name: file.display().to_string(),
    })
}

/// The sink for the stages a session runs by itself (connect, stub upload, erase,
/// digest), as [`configure`] set the output.
pub fn session_progress() -> Box<dyn Progress + Send> {
    progress_for(configured_format())
}

/// Tells what a command without a result of its own did: the sentence on stderr, or with
/// `--format json` a `result` event naming the command, with the sentence and `fields`.
pub fn report_done(command: &str, message: &str, fields: serde_json::Value) {
    match configured_format() {
        Format::Text => errln!("{message}"),
        Format::Json => {
            let mut line = serde_json::json!({
                "event": "result",
                "command": command,
                "message": message,
            });
            if let (Some(line), serde_json::Value::Object(extra)) = (line.as_object_mut(), fields) {
                line.extend(extra);
            }
            json_line(&line);
        }
    }
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Prints a write's summary: a JSON line for scripts, a sentence otherwise.
pub fn report_write(format: Format, s: &WriteSummary) {
    // With --baud auto, the rate it settled on.
    let baud = AUTO_BAUD.with(|b| b.get());
    match format {
        Format::Json => {
            #[derive(Serialize)]
            struct Summary<'a> {
                #[serde(flatten)]
                s: &'a WriteSummary,
                #[serde(skip_serializing_if = "Option::is_none")]
                baud: Option<u32>,
            }
            json_event("summary", &Summary { s, baud })
        }
        Format::Text => errln!(
            "{}wrote {} ({} on the wire), skipped {} already in place, {} erased, {} \
             written, in {:.2} s{}{}{}",
            super::boards::prefix(),
            plural(s.bytes_sent, "byte", "bytes"),
            s.wire_bytes,
            s.bytes_skipped,
            plural(s.sectors_erased, "sector", "sectors"),
            s.sectors_written,
            s.seconds,
            if s.resumed { ", resumed" } else { "" },
            if s.verified { ", verified" } else { "" },
            baud.map_or(String::new(), |b| format!(", at {b} baud (auto)"))
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
            exit: u8,
            message: String,
            #[serde(skip_serializing_if = "Option::is_none")]
            hint: Option<&'a str>,
        }
        json_line(&Line {
            event: "error",
            code,
            exit: super::exit::for_error(e),
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
            skipped: 0,
            resumed: 0,
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
            skipped: 4096,
            resumed: 0,
        })
        .unwrap();
        assert!(without.get("file").is_none());
        assert!(with.get("skipped").is_none(), "nothing skipped, no field");
        assert_eq!(without["skipped"], 4096);
    }

    #[test]
    fn bars_say_what_was_in_place_and_what_was_resumed() {
        assert_eq!(left_out(0, 0), "");
        assert_eq!(left_out(0x1000, 0), ", 4 KiB in place");
        assert_eq!(left_out(0x6000, 0x4000), ", 8 KiB in place, 16 KiB resumed");
        assert_eq!(left_out(0x4000, 0x4000), ", 16 KiB resumed");
    }

    #[test]
    fn the_context_is_per_thread() {
        set_port("/dev/ttyUSB0");
        let other = std::thread::spawn(|| {
            set_port("/dev/ttyUSB1");
            context().port
        });
        assert_eq!(other.join().unwrap().as_deref(), Some("/dev/ttyUSB1"));
        assert_eq!(context().port.as_deref(), Some("/dev/ttyUSB0"));
        note_connected(&Event::Connected {
            chip: "ESP32-C3",
            mac: Some("aa:bb:cc:dd:ee:ff"),
        });
        let ctx = context();
        assert_eq!(ctx.chip.as_deref(), Some("ESP32-C3"));
        assert_eq!(ctx.mac.as_deref(), Some("aa:bb:cc:dd:ee:ff"));
    }

    #[test]
    fn plurals() {
        assert_eq!(plural(1, "sector", "sectors"), "1 sector");
        assert_eq!(plural(0, "sector", "sectors"), "0 sectors");
    }
}
