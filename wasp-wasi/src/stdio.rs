//! Standard input, output and error: inherited from the host, null, or an in-memory pipe
//! that the embedder writes (stdin) or reads (stdout, stderr).

use std::collections::VecDeque;
use std::io::{Read, Write};
use std::sync::{Arc, Mutex, MutexGuard};

/// Where one of the guest's standard streams goes.
#[derive(Debug, Clone, Default)]
pub enum Stdio {
    /// The host process's own stream.
    Inherit,
    /// Reads see end of file, writes are discarded.
    #[default]
    Null,
    /// An in-memory pipe shared with the embedder.
    Pipe(Pipe),
}

/// An in-memory byte pipe: a clone is a handle on the same bytes.
///
/// As stdin, the embedder [`write`](Pipe::write)s input and the guest reads it; a read
/// with nothing waiting pauses the call (see [`crate::resume`]) until more is written or
/// the pipe is [`close`](Pipe::close)d, after which reads see end of file. As stdout or
/// stderr, the guest writes and the embedder [`take`](Pipe::take)s what was written.
#[derive(Debug, Clone, Default)]
pub struct Pipe {
    inner: Arc<Mutex<PipeState>>,
}

#[derive(Debug, Default)]
struct PipeState {
    bytes: VecDeque<u8>,
    closed: bool,
}

impl Pipe {
    /// An empty, open pipe.
    pub fn new() -> Pipe {
        Pipe::default()
    }

    fn state(&self) -> MutexGuard<'_, PipeState> {
        // A panic while the lock was held cannot leave the byte queue inconsistent.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Appends `bytes`.
    pub fn write(&self, bytes: &[u8]) {
        self.state().bytes.extend(bytes);
    }

    /// Takes every byte waiting.
    pub fn take(&self) -> Vec<u8> {
        self.state().bytes.drain(..).collect()
    }

    /// What is waiting, as (lossy) UTF-8, taken.
    pub fn take_string(&self) -> String {
        String::from_utf8_lossy(&self.take()).into_owned()
    }

    /// Marks the end of input: once drained, reads see end of file.
    pub fn close(&self) {
        self.state().closed = true;
    }

    /// Whether [`close`](Pipe::close) was called.
    pub fn is_closed(&self) -> bool {
        self.state().closed
    }

    /// How many bytes are waiting.
    pub fn len(&self) -> usize {
        self.state().bytes.len()
    }

    /// Whether no byte is waiting.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Moves up to `max` bytes out.
    pub(crate) fn read_up_to(&self, max: usize) -> Vec<u8> {
        let mut state = self.state();
        let n = max.min(state.bytes.len());
        state.bytes.drain(..n).collect()
    }
}

impl Pipe {
    /// The waiting bytes and the closed flag, for snapshots.
    pub(crate) fn contents(&self) -> (Vec<u8>, bool) {
        let state = self.state();
        (state.bytes.iter().copied().collect(), state.closed)
    }

    /// Replaces the contents, when restoring a snapshot.
    pub(crate) fn set_contents(&self, bytes: &[u8], closed: bool) {
        let mut state = self.state();
        state.bytes = bytes.iter().copied().collect();
        state.closed = closed;
    }
}

/// What a read of a standard stream found.
pub(crate) enum StdinRead {
    Bytes(Vec<u8>),
    /// An open, empty pipe: the call pauses.
    WouldBlock,
}

impl Stdio {
    /// Reads up to `max` bytes as stdin.
    pub(crate) fn read(&self, max: usize) -> std::io::Result<StdinRead> {
        match self {
            Stdio::Null => Ok(StdinRead::Bytes(Vec::new())),
            Stdio::Inherit => {
                let mut buf = vec![0; max.min(1 << 16)];
                let n = std::io::stdin().read(&mut buf)?;
                buf.truncate(n);
                Ok(StdinRead::Bytes(buf))
            }
            Stdio::Pipe(p) => {
                if p.is_empty() && !p.is_closed() && max > 0 {
                    return Ok(StdinRead::WouldBlock);
                }
                Ok(StdinRead::Bytes(p.read_up_to(max)))
            }
        }
    }

    /// Writes `bytes` as stdout (`err` false) or stderr.
    pub(crate) fn write(&self, bytes: &[u8], err: bool) -> std::io::Result<()> {
        match self {
            Stdio::Null => Ok(()),
            Stdio::Pipe(p) => {
                p.write(bytes);
                Ok(())
            }
            Stdio::Inherit if err => {
                let mut e = std::io::stderr().lock();
                e.write_all(bytes)?;
                e.flush()
            }
            Stdio::Inherit => {
                let mut o = std::io::stdout().lock();
                o.write_all(bytes)?;
                o.flush()
            }
        }
    }

    /// The WASI file type the guest sees: the host stream's own for an inherited one (a
    /// terminal is a character device, a redirected file a regular file), a character
    /// device otherwise.
    pub(crate) fn filetype(&self, fd: u32) -> u8 {
        use std::os::fd::AsFd;
        if !matches!(self, Stdio::Inherit) {
            return crate::types::filetype::CHARACTER_DEVICE;
        }
        let stat = match fd {
            0 => rustix::fs::fstat(std::io::stdin().as_fd()),
            1 => rustix::fs::fstat(std::io::stdout().as_fd()),
            _ => rustix::fs::fstat(std::io::stderr().as_fd()),
        };
        use crate::types::filetype as ft;
        match stat.map(|s| rustix::fs::FileType::from_raw_mode(s.st_mode)) {
            Ok(rustix::fs::FileType::CharacterDevice) => ft::CHARACTER_DEVICE,
            Ok(rustix::fs::FileType::RegularFile) => ft::REGULAR_FILE,
            Ok(rustix::fs::FileType::Directory) => ft::DIRECTORY,
            Ok(rustix::fs::FileType::BlockDevice) => ft::BLOCK_DEVICE,
            Ok(rustix::fs::FileType::Socket) => ft::SOCKET_STREAM,
            _ => ft::UNKNOWN,
        }
    }

    /// Whether a read would pause now (an open, empty pipe).
    pub(crate) fn would_block(&self) -> bool {
        matches!(self, Stdio::Pipe(p) if p.is_empty() && !p.is_closed())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_open_empty_pipe_blocks_and_a_closed_one_ends() {
        let pipe = Pipe::new();
        let stdin = Stdio::Pipe(pipe.clone());
        assert!(matches!(stdin.read(4).unwrap(), StdinRead::WouldBlock));
        pipe.write(b"hello");
        assert!(matches!(stdin.read(4).unwrap(), StdinRead::Bytes(b) if b == b"hell"));
        pipe.close();
        assert!(matches!(stdin.read(4).unwrap(), StdinRead::Bytes(b) if b == b"o"));
        assert!(matches!(stdin.read(4).unwrap(), StdinRead::Bytes(b) if b.is_empty()));
    }
}
