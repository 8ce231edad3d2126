//! Finding the serial ports a board may be on: every serial device the system lists (the
//! `serialport` crate's enumeration, from sysfs on Linux), with its USB identity, and which
//! of them are the USB-UART bridges Espressif boards carry or a chip's own USB port.

/// One serial device the system knows.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct PortInfo {
    /// The device path (`/dev/ttyUSB0`).
    pub name: String,
    /// Its USB identity, when it is a USB device.
    pub usb: Option<UsbInfo>,
}

/// What USB says about a port.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct UsbInfo {
    /// Vendor id.
    pub vid: u16,
    /// Product id.
    pub pid: u16,
    /// The device's serial number, when it reports one.
    pub serial: Option<String>,
    /// The manufacturer string.
    pub manufacturer: Option<String>,
    /// The product string.
    pub product: Option<String>,
}

/// Espressif's USB vendor id.
const ESPRESSIF: u16 = 0x303A;

/// The bridges boards are built with, by vendor and product id.
const BRIDGES: &[(u16, u16, &str)] = &[
    (
        ESPRESSIF,
        0x1001,
        "Espressif USB-Serial-JTAG (the chip's own USB)",
    ),
    (ESPRESSIF, 0x0002, "Espressif USB-OTG (ESP32-S2/S3 ROM)"),
    (0x10C4, 0xEA60, "Silicon Labs CP210x"),
    (0x10C4, 0xEA70, "Silicon Labs CP2105"),
    (0x10C4, 0xEA71, "Silicon Labs CP2108"),
    (0x1A86, 0x7523, "WCH CH340"),
    (0x1A86, 0x7522, "WCH CH340K"),
    (0x1A86, 0x55D3, "WCH CH343"),
    (0x1A86, 0x55D4, "WCH CH9102"),
    (0x0403, 0x6001, "FTDI FT232R"),
    (0x0403, 0x6010, "FTDI FT2232"),
    (0x0403, 0x6011, "FTDI FT4232"),
    (0x0403, 0x6014, "FTDI FT232H"),
    (0x0403, 0x6015, "FTDI FT-X"),
];

impl UsbInfo {
    /// The bridge this is, when it is one Espressif boards carry.
    pub fn known_bridge(&self) -> Option<&'static str> {
        BRIDGES
            .iter()
            .find(|(v, p, _)| *v == self.vid && *p == self.pid)
            .map(|(_, _, name)| *name)
            .or((self.vid == ESPRESSIF).then_some("Espressif USB"))
    }
}

impl PortInfo {
    /// The bridge behind this port, when it is a known one.
    pub fn known_bridge(&self) -> Option<&'static str> {
        self.usb.as_ref().and_then(UsbInfo::known_bridge)
    }
}

/// Every serial port the system lists, sorted by name. A system without the sysfs tree
/// (a container) lists none rather than failing.
pub fn list() -> Vec<PortInfo> {
    if cfg!(target_os = "linux") && !std::path::Path::new("/sys/class/tty").is_dir() {
        return Vec::new();
    }
    let mut ports: Vec<PortInfo> = serialport::available_ports()
        .unwrap_or_default()
        .into_iter()
        .map(|p| PortInfo {
            name: p.port_name,
            usb: match p.port_type {
                serialport::SerialPortType::UsbPort(u) => Some(UsbInfo {
                    vid: u.vid,
                    pid: u.pid,
                    serial: u.serial_number,
                    manufacturer: u.manufacturer,
                    product: u.product,
                }),
                _ => None,
            },
        })
        .collect();
    ports.sort_by(|a, b| a.name.cmp(&b.name));
    ports
}

/// Which ports to consider: by USB ids (`303a:1001`) or by USB serial number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PortFilter {
    /// Vendor and product id.
    UsbId(u16, u16),
    /// The USB serial number, exactly.
    Serial(String),
}

impl PortFilter {
    /// `VID:PID` in hex (as `lsusb` prints them), or else a serial number.
    pub fn parse(text: &str) -> Result<PortFilter, String> {
        let text = text.trim();
        if text.is_empty() {
            return Err("an empty port filter: give VID:PID (303a:1001) or a serial number".into());
        }
        if let Some((v, p)) = text.split_once(':') {
            let hex = |s: &str| u16::from_str_radix(s.trim_start_matches("0x"), 16).ok();
            return match (hex(v), hex(p)) {
                (Some(v), Some(p)) => Ok(PortFilter::UsbId(v, p)),
                _ => Err(format!(
                    "'{text}' is not VID:PID in hex (such as 303a:1001)"
                )),
            };
        }
        Ok(PortFilter::Serial(text.to_string()))
    }

    /// Whether `port` passes.
    pub fn matches(&self, port: &PortInfo) -> bool {
        match (self, &port.usb) {
            (PortFilter::UsbId(v, p), Some(u)) => u.vid == *v && u.pid == *p,
            (PortFilter::Serial(s), Some(u)) => u.serial.as_deref() == Some(s.as_str()),
            (_, None) => false,
        }
    }
}

/// The ports a board may be on: with filters, the ports any of them passes (known bridge
/// or not: a filter says what the board is); without, the known bridges.
pub fn candidates(ports: &[PortInfo], filters: &[PortFilter]) -> Vec<PortInfo> {
    ports
        .iter()
        .filter(|p| {
            if filters.is_empty() {
                p.known_bridge().is_some()
            } else {
                filters.iter().any(|f| f.matches(p))
            }
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usb(name: &str, vid: u16, pid: u16, serial: &str) -> PortInfo {
        PortInfo {
            name: name.into(),
            usb: Some(UsbInfo {
                vid,
                pid,
                serial: Some(serial.into()),
                manufacturer: None,
                product: None,
            }),
        }
    }

    fn ports() -> Vec<PortInfo> {
        vec![
            PortInfo {
                name: "/dev/ttyS0".into(),
                usb: None,
            },
            usb("/dev/ttyACM0", 0x303A, 0x1001, "F4:12:FA:00:11:22"),
            usb("/dev/ttyUSB0", 0x10C4, 0xEA60, "0001"),
            usb("/dev/ttyUSB1", 0x2341, 0x0043, "arduino"),
        ]
    }

    #[test]
    fn known_bridges_are_marked() {
        let p = ports();
        assert_eq!(p[0].known_bridge(), None);
        assert!(p[1].known_bridge().unwrap().contains("USB-Serial-JTAG"));
        assert_eq!(p[2].known_bridge(), Some("Silicon Labs CP210x"));
        assert_eq!(p[3].known_bridge(), None);
        assert_eq!(
            usb("x", 0x303A, 0x4001, "").known_bridge(),
            Some("Espressif USB")
        );
    }

    #[test]
    fn without_filters_the_known_bridges_are_candidates() {
        let names: Vec<String> = candidates(&ports(), &[])
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(names, ["/dev/ttyACM0", "/dev/ttyUSB0"]);
    }

    #[test]
    fn filters_pick_by_ids_or_serial_number() {
        let by_id = PortFilter::parse("303a:1001").unwrap();
        assert_eq!(by_id, PortFilter::UsbId(0x303A, 0x1001));
        let c = candidates(&ports(), &[by_id]);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].name, "/dev/ttyACM0");
        // A filter may name a device no list of bridges knows.
        let c = candidates(&ports(), &[PortFilter::parse("arduino").unwrap()]);
        assert_eq!(c[0].name, "/dev/ttyUSB1");
        assert_eq!(
            PortFilter::parse("0x10c4:0xea60").unwrap(),
            PortFilter::UsbId(0x10C4, 0xEA60)
        );
        assert!(PortFilter::parse("12:xyz").unwrap_err().contains("VID:PID"));
        assert!(PortFilter::parse(" ").is_err());
    }
}
