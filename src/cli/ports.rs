//! `list-ports`, and finding the port when none is given: with no `--port` (nor
//! `ESPFLOW_PORT`, nor a configured one) the attached serial devices are listed, narrowed by
//! `--port-filter` or else to the bridges Espressif boards carry, and exactly one is used.
//! With several, a person at a terminal is asked; a script (stdin not a terminal, or
//! `--non-interactive`) gets an error naming them, never a question.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::Result;
use espflow::Error;
use espflow::port::discover::{self, PortInfo};
use serde::Serialize;

use super::args::{ConnectArgs, Format};
use super::output::json_event;

/// One port as `list-ports` shows it.
#[derive(Serialize)]
struct Listed<'a> {
    port: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    vid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    serial: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    product: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    manufacturer: Option<&'a str>,
    /// The known bridge, when it is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    bridge: Option<&'static str>,
}

fn listed(p: &PortInfo) -> Listed<'_> {
    let usb = p.usb.as_ref();
    Listed {
        port: &p.name,
        vid: usb.map(|u| format!("{:04x}", u.vid)),
        pid: usb.map(|u| format!("{:04x}", u.pid)),
        serial: usb.and_then(|u| u.serial.as_deref()),
        product: usb.and_then(|u| u.product.as_deref()),
        manufacturer: usb.and_then(|u| u.manufacturer.as_deref()),
        bridge: p.known_bridge(),
    }
}

/// One line about a port: its path, USB ids and serial number, and the bridge it is.
fn describe(p: &PortInfo) -> String {
    let Some(u) = &p.usb else {
        return format!("{}  (not USB)", p.name);
    };
    let mut line = format!("{}  {:04x}:{:04x}", p.name, u.vid, u.pid);
    if let Some(s) = &u.serial {
        line += &format!("  serial {s}");
    }
    match (p.known_bridge(), &u.product) {
        (Some(b), _) => line += &format!("  [{b}]"),
        (None, Some(product)) => line += &format!("  {product}"),
        (None, None) => {}
    }
    line
}

/// `list-ports`: every serial port, known bridges marked (`*` in text, `bridge` in JSON).
/// With `--port-filter`, only the ports it passes.
pub fn list(conn: &ConnectArgs, format: Format) -> Result<()> {
    let all = discover::list();
    let ports: Vec<PortInfo> = if conn.port_filter.is_empty() {
        all
    } else {
        discover::candidates(&all, &conn.port_filter)
    };
    match format {
        Format::Json => {
            for p in &ports {
                json_event("port", &listed(p));
            }
        }
        Format::Text if ports.is_empty() => errln!("no serial ports found"),
        Format::Text => {
            for p in &ports {
                let mark = if p.known_bridge().is_some() { '*' } else { ' ' };
                outln!("{mark} {}", describe(p));
            }
        }
    }
    Ok(())
}

/// The port to use: `--port` (or its environment variable or configuration) when given,
/// else the one attached board.
pub fn resolve(conn: &ConnectArgs) -> Result<String, Error> {
    if let Some(p) = conn.single_port() {
        return Ok(p.to_string());
    }
    let all = discover::list();
    let found = discover::candidates(&all, &conn.port_filter);
    let what = if conn.port_filter.is_empty() {
        "known board"
    } else {
        "port passing --port-filter"
    };
    match found.as_slice() {
        [] => {
            let seen = if all.is_empty() {
                "no serial ports at all".to_string()
            } else {
                let names: Vec<&str> = all.iter().map(|p| p.name.as_str()).collect();
                format!("serial ports: {}", names.join(", "))
            };
            Err(Error::BadInput(format!(
                "no port given and no {what} attached ({seen}): use --port PORT or set \
                 ESPFLOW_PORT (espflow list-ports shows what is attached)"
            )))
        }
        [one] => {
            errln!("using {}", describe(one));
            Ok(one.name.clone())
        }
        many if !conn.non_interactive && std::io::stdin().is_terminal() => ask(many),
        many => {
            let names: Vec<&str> = many.iter().map(|p| p.name.as_str()).collect();
            Err(Error::BadInput(format!(
                "no port given and {} {what}s attached ({}): choose one with --port, or \
                 narrow them with --port-filter VID:PID or a serial number",
                many.len(),
                names.join(", ")
            )))
        }
    }
}

/// Asks which of several ports to use, on the terminal.
fn ask(ports: &[PortInfo]) -> Result<String, Error> {
    errln!("several boards are attached:");
    for (i, p) in ports.iter().enumerate() {
        errln!("  {}) {}", i + 1, describe(p));
    }
    let mut err = std::io::stderr();
    let _ = write!(err, "use which one? [1-{}] ", ports.len());
    let _ = err.flush();
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| Error::BadInput(format!("no answer: {e}")))?;
    answer
        .trim()
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| ports.get(i))
        .map(|p| p.name.clone())
        .ok_or_else(|| {
            Error::BadInput(format!(
                "'{}' is not one of 1 to {}",
                answer.trim(),
                ports.len()
            ))
        })
}
