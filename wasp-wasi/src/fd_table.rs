//! The guest's file descriptors: what each number stands for, its rights and flags, and
//! where it lies beneath a preopened directory (for snapshots).

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::types::{Errno, WasiResult};

/// What a descriptor stands for.
#[derive(Debug)]
pub(crate) enum Kind {
    /// Standard input (0), output (1) or error (2), whatever the number now is.
    Stdio(u32),
    /// A file opened beneath a preopen.
    File(cap_std::fs::File),
    /// A directory: a preopen or one opened beneath one.
    Dir(cap_std::fs::Dir),
}

/// One open descriptor.
#[derive(Debug)]
pub(crate) struct Descriptor {
    pub kind: Kind,
    pub rights_base: u64,
    pub rights_inheriting: u64,
    /// `$fdflags` as the guest set them.
    pub flags: u16,
    /// The preopen it lies beneath (index into the context's preopens) and its path there;
    /// `None` for standard streams.
    pub origin: Option<(usize, PathBuf)>,
    /// Set for a preopen itself: its guest name.
    pub preopen_name: Option<String>,
}

impl Descriptor {
    /// Fails with `notcapable` unless every right in `needed` was granted.
    pub fn require(&self, needed: u64) -> WasiResult<()> {
        if self.rights_base & needed == needed {
            Ok(())
        } else {
            Err(Errno::NotCapable)
        }
    }

    /// The directory handle, or `notdir`.
    pub fn dir(&self) -> WasiResult<&cap_std::fs::Dir> {
        match &self.kind {
            Kind::Dir(d) => Ok(d),
            _ => Err(Errno::NotDir),
        }
    }
}

/// Descriptors by guest number.
#[derive(Debug, Default)]
pub(crate) struct FdTable {
    pub fds: BTreeMap<u32, Descriptor>,
}

impl FdTable {
    pub fn get(&self, fd: u32) -> WasiResult<&Descriptor> {
        self.fds.get(&fd).ok_or(Errno::Badf)
    }

    pub fn get_mut(&mut self, fd: u32) -> WasiResult<&mut Descriptor> {
        self.fds.get_mut(&fd).ok_or(Errno::Badf)
    }

    /// Adds `d` under the lowest free number.
    pub fn push(&mut self, d: Descriptor) -> WasiResult<u32> {
        let mut fd = 0u32;
        for &used in self.fds.keys() {
            if used != fd {
                break;
            }
            fd = fd.checked_add(1).ok_or(Errno::Mfile)?;
        }
        self.fds.insert(fd, d);
        Ok(fd)
    }

    pub fn remove(&mut self, fd: u32) -> WasiResult<Descriptor> {
        self.fds.remove(&fd).ok_or(Errno::Badf)
    }
}
