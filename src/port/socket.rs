use std::io::{self, Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

use super::{PortError, Transport};

/// A chip reached over TCP (a serial-to-network bridge, an emulator, a served virtual chip).
/// There are no modem lines: reset requests are accepted and do nothing.
pub struct SocketPort {
    stream: TcpStream,
    addr: String,
}

impl SocketPort {
    /// Connects to `HOST:PORT` (the spec without `socket://`), giving up after 5 seconds.
    pub fn connect(addr: &str) -> Result<SocketPort, PortError> {
        let err = |cause| PortError::Socket {
            addr: format!("socket://{addr}"),
            cause,
        };
        let target = addr
            .to_socket_addrs()
            .map_err(err)?
            .next()
            .ok_or_else(|| err(io::Error::new(io::ErrorKind::NotFound, "no address")))?;
        let stream = TcpStream::connect_timeout(&target, Duration::from_secs(5)).map_err(err)?;
        stream.set_nodelay(true).map_err(err)?;
        Ok(SocketPort {
            stream,
            addr: addr.to_string(),
        })
    }
}

impl Transport for SocketPort {
    fn write_all(&mut self, data: &[u8]) -> io::Result<()> {
        self.stream.write_all(data)
    }

    fn read(&mut self, buf: &mut [u8], timeout: Duration) -> io::Result<usize> {
        self.stream
            .set_read_timeout(Some(timeout.max(Duration::from_millis(1))))?;
        match self.stream.read(buf) {
            Ok(0) => Err(io::Error::new(
                io::ErrorKind::ConnectionAborted,
                "the other end closed the connection",
            )),
            Ok(n) => Ok(n),
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                ) =>
            {
                Ok(0)
            }
            Err(e) => Err(e),
        }
    }

    fn discard_input(&mut self) -> io::Result<()> {
        self.stream.set_nonblocking(true)?;
        let mut buf = [0u8; 4096];
        let r = loop {
            match self.stream.read(&mut buf) {
                Ok(0) => break Ok(()),
                Ok(_) => continue,
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => break Ok(()),
                Err(e) => break Err(e),
            }
        };
        self.stream.set_nonblocking(false)?;
        r
    }

    fn set_baud(&mut self, _baud: u32) -> io::Result<()> {
        Ok(())
    }

    fn set_lines(&mut self, _dtr: Option<bool>, _rts: Option<bool>) -> io::Result<()> {
        Ok(())
    }

    fn name(&self) -> String {
        format!("socket://{}", self.addr)
    }
}
