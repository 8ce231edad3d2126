//! A program run on a pseudo-terminal, as at a person's terminal: its stdin, stdout and
//! stderr are the terminal's slave side; everything it prints is collected from the master
//! side, and keys are typed into it there.

use std::fs::File;
use std::io::{Read, Write};
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::fs::OpenOptionsExt;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct OnPty {
    child: Child,
    master: File,
    seen: Arc<Mutex<Vec<u8>>>,
}

/// A new pseudo-terminal: the master, and the slave's path.
fn open_pty() -> (File, String) {
    // SAFETY: plain libc calls on a descriptor this function owns; each result is checked.
    unsafe {
        let fd = libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY);
        assert!(fd >= 0, "posix_openpt: {}", std::io::Error::last_os_error());
        let master = OwnedFd::from_raw_fd(fd);
        assert_eq!(libc::grantpt(fd), 0);
        assert_eq!(libc::unlockpt(fd), 0);
        let mut name = [0 as libc::c_char; 128];
        assert_eq!(libc::ptsname_r(fd, name.as_mut_ptr(), name.len()), 0);
        let name = std::ffi::CStr::from_ptr(name.as_ptr())
            .to_string_lossy()
            .into_owned();
        (File::from(master), name)
    }
}

impl OnPty {
    pub fn spawn(mut cmd: Command) -> OnPty {
        let (master, slave_path) = open_pty();
        let slave = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .custom_flags(libc::O_NOCTTY)
            .open(&slave_path)
            .expect("open the pty's slave");
        cmd.stdin(Stdio::from(slave.try_clone().unwrap()))
            .stdout(Stdio::from(slave.try_clone().unwrap()))
            .stderr(Stdio::from(slave));
        let child = cmd.spawn().expect("spawn on the pty");
        // `cmd` keeps the slave's descriptors until dropped; the master then reads EIO
        // once the child is gone.
        drop(cmd);
        let seen = Arc::new(Mutex::new(Vec::new()));
        let mut reader = master.try_clone().unwrap();
        let sink = seen.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    return;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        OnPty {
            child,
            master,
            seen,
        }
    }

    /// Everything printed so far.
    pub fn output(&self) -> String {
        String::from_utf8_lossy(&self.seen.lock().unwrap()).into_owned()
    }

    /// Waits until `needle` has been printed `times` times in all, and returns the output.
    pub fn expect_times(&self, needle: &str, times: usize, limit: Duration) -> String {
        let start = Instant::now();
        loop {
            let out = self.output();
            if out.matches(needle).count() >= times {
                return out;
            }
            assert!(
                start.elapsed() < limit,
                "{needle:?} not printed {times} times within {limit:?}; the terminal shows:\n{out}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn expect(&self, needle: &str, limit: Duration) -> String {
        self.expect_times(needle, 1, limit)
    }

    /// Types bytes on the terminal's keyboard.
    pub fn type_keys(&mut self, keys: &[u8]) {
        self.master.write_all(keys).unwrap();
        self.master.flush().unwrap();
    }

    /// Waits for the program to exit (killing it after `limit`, which fails the test).
    pub fn wait(&mut self, limit: Duration) -> ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(st) = self.child.try_wait().unwrap() {
                return st;
            }
            if start.elapsed() > limit {
                let _ = self.child.kill();
                panic!(
                    "still running after {limit:?}; the terminal shows:\n{}",
                    self.output()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for OnPty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
