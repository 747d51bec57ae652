//! `$filestat` and `$fdstat` records, from host metadata.

use std::time::{SystemTime, UNIX_EPOCH};

use cap_fs_ext::FileTypeExt;
use cap_std::fs::MetadataExt;
use wasp_core::Ctx;

use crate::types::{filetype, WasiResult};

/// A `$filestat`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Filestat {
    pub dev: u64,
    pub ino: u64,
    pub filetype: u8,
    pub nlink: u64,
    pub size: u64,
    pub atim: u64,
    pub mtim: u64,
    pub ctim: u64,
}

fn nanos(t: std::io::Result<cap_std::time::SystemTime>) -> u64 {
    t.ok()
        .map(cap_std::time::SystemTime::into_std)
        .and_then(|t: SystemTime| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

/// The WASI file type of host metadata.
pub(crate) fn file_type(ft: cap_std::fs::FileType) -> u8 {
    if ft.is_dir() {
        filetype::DIRECTORY
    } else if ft.is_file() {
        filetype::REGULAR_FILE
    } else if ft.is_symlink() {
        filetype::SYMBOLIC_LINK
    } else if ft.is_block_device() {
        filetype::BLOCK_DEVICE
    } else if ft.is_char_device() {
        filetype::CHARACTER_DEVICE
    } else if ft.is_socket() {
        filetype::SOCKET_STREAM
    } else {
        filetype::UNKNOWN
    }
}

impl Filestat {
    pub fn from_metadata(m: &cap_std::fs::Metadata) -> Filestat {
        Filestat {
            dev: m.dev(),
            ino: m.ino(),
            filetype: file_type(m.file_type()),
            nlink: m.nlink(),
            size: m.len(),
            atim: nanos(m.accessed()),
            mtim: nanos(m.modified()),
            ctim: {
                let (s, ns) = (
                    cap_std::fs::MetadataExt::ctime(m),
                    cap_std::fs::MetadataExt::ctime_nsec(m),
                );
                u64::try_from(s)
                    .unwrap_or(0)
                    .saturating_mul(1_000_000_000)
                    .saturating_add(u64::try_from(ns).unwrap_or(0))
            },
        }
    }

    /// Writes the 64-byte record at `ptr`.
    pub fn write<T>(&self, ctx: &mut Ctx<T>, ptr: u32) -> WasiResult<()> {
        let mut b = [0u8; 64];
        b[0..8].copy_from_slice(&self.dev.to_le_bytes());
        b[8..16].copy_from_slice(&self.ino.to_le_bytes());
        b[16] = self.filetype;
        b[24..32].copy_from_slice(&self.nlink.to_le_bytes());
        b[32..40].copy_from_slice(&self.size.to_le_bytes());
        b[40..48].copy_from_slice(&self.atim.to_le_bytes());
        b[48..56].copy_from_slice(&self.mtim.to_le_bytes());
        b[56..64].copy_from_slice(&self.ctim.to_le_bytes());
        ctx.write_bytes(ptr, &b)?;
        Ok(())
    }
}

/// Writes a 24-byte `$fdstat` at `ptr`.
pub(crate) fn write_fdstat<T>(
    ctx: &mut Ctx<T>,
    ptr: u32,
    filetype: u8,
    flags: u16,
    base: u64,
    inheriting: u64,
) -> WasiResult<()> {
    let mut b = [0u8; 24];
    b[0] = filetype;
    b[2..4].copy_from_slice(&flags.to_le_bytes());
    b[8..16].copy_from_slice(&base.to_le_bytes());
    b[16..24].copy_from_slice(&inheriting.to_le_bytes());
    ctx.write_bytes(ptr, &b)?;
    Ok(())
}
