//! Descriptor calls that move data or positions: read, write, pread, pwrite, seek, tell,
//! readdir.

use std::io::{Read, Write};

use cap_std::fs::MetadataExt;
use wasp_core::{host, Ctx, Error};

use crate::call::{gather, wasi, wasi_call, wasi_call_or_wait};
use crate::costs;
use crate::fd_table::{Descriptor, Kind};
use crate::guest::{iovecs, scatter, Guest};
use crate::pause::Pending;
use crate::stat::file_type;
use crate::stdio::StdinRead;
use crate::types::{filetype, rights, whence, Errno, WasiResult};
use crate::WasiView;

/// Reads into the iovecs and writes the count at `nread`; `None` when standard input is an
/// open, empty pipe (the call must pause).
pub(crate) fn read(
    g: &mut impl Guest,
    fd: u32,
    iovs: u32,
    iovs_len: u32,
    nread: u32,
) -> WasiResult<Option<u64>> {
    let iovs = iovecs(g, iovs, iovs_len)?;
    let max = crate::call::total_len(&iovs);
    let w = g.wasi_mut();
    let d = w.fds.get(fd)?;
    d.require(rights::FD_READ)?;
    let data = match &d.kind {
        Kind::Stdio(0) => match w.stdio[0].read(max)? {
            StdinRead::Bytes(b) => b,
            StdinRead::WouldBlock => return Ok(None),
        },
        Kind::Stdio(_) => return Err(Errno::Badf),
        Kind::Dir(_) => return Err(Errno::IsDir),
        Kind::File(f) => {
            let mut buf = vec![0; max];
            let mut file: &cap_std::fs::File = f;
            let n = file.read(&mut buf)?;
            buf.truncate(n);
            buf
        }
    };
    scatter(g, &iovs, &data)?;
    let n = u32::try_from(data.len()).map_err(|_| Errno::Overflow)?;
    g.mem_write(nread, &n.to_le_bytes())?;
    Ok(Some(u64::from(n)))
}

/// `fd_read(fd, iovs) -> (errno, size)`. On standard input given as an open, empty
/// [`Pipe`](crate::Pipe), the call yields (see [`crate::resume`]) instead of blocking.
#[host]
pub fn fd_read<T: WasiView>(
    ctx: &mut Ctx<T>,
    fd: u32,
    iovs: u32,
    iovs_len: u32,
    nread: u32,
) -> Result<Errno, Error> {
    let pending = Pending::Read {
        fd,
        iovs,
        iovs_len,
        nread,
    };
    wasi_call_or_wait(ctx, costs::IO, pending, |ctx| {
        read(ctx, fd, iovs, iovs_len, nread)
    })
}

/// `fd_write(fd, iovs) -> (errno, size)`.
#[host]
pub fn fd_write<T: WasiView>(
    ctx: &mut Ctx<T>,
    fd: u32,
    iovs: u32,
    iovs_len: u32,
    nwritten: u32,
) -> Result<Errno, Error> {
    wasi_call(ctx, costs::IO, |ctx| {
        let data = gather(ctx, iovs, iovs_len)?;
        let w = wasi(ctx);
        let d = w.fds.get(fd)?;
        d.require(rights::FD_WRITE)?;
        let n = match &d.kind {
            Kind::Stdio(0) => return Err(Errno::Badf),
            Kind::Stdio(i) => {
                w.stdio[*i as usize].write(&data, *i == 2)?;
                data.len()
            }
            Kind::Dir(_) => return Err(Errno::IsDir),
            Kind::File(f) => {
                let mut file: &cap_std::fs::File = f;
                file.write(&data)?
            }
        };
        let n32 = u32::try_from(n).map_err(|_| Errno::Overflow)?;
        ctx.write_u32_le(nwritten, n32)?;
        Ok(n as u64)
    })
}

/// The host file behind `d`, for calls that seek or take offsets: `on_dir` for a
/// directory, `spipe` for a standard stream.
fn file_of(d: &Descriptor, on_dir: Errno) -> WasiResult<&cap_std::fs::File> {
    match &d.kind {
        Kind::File(f) => Ok(f),
        Kind::Dir(_) => Err(on_dir),
        Kind::Stdio(_) => Err(Errno::Spipe),
    }
}

/// `fd_pread(fd, iovs, offset) -> (errno, size)`: reads at `offset`, the position unchanged.
#[host]
pub fn fd_pread<T: WasiView>(
    ctx: &mut Ctx<T>,
    fd: u32,
    iovs: u32,
    iovs_len: u32,
    offset: u64,
    nread: u32,
) -> Result<Errno, Error> {
    wasi_call(ctx, costs::IO, |ctx| {
        let iovs = iovecs(ctx, iovs, iovs_len)?;
        let d = wasi(ctx).fds.get(fd)?;
        let f = file_of(d, Errno::IsDir)?;
        d.require(rights::FD_READ | rights::FD_SEEK)?;
        let mut buf = vec![0; crate::call::total_len(&iovs)];
        let n = rustix::io::pread(f, &mut buf, offset)?;
        buf.truncate(n);
        scatter(ctx, &iovs, &buf)?;
        ctx.write_u32_le(nread, n as u32)?;
        Ok(n as u64)
    })
}

/// `fd_pwrite(fd, iovs, offset) -> (errno, size)`: writes at `offset` (at the end when the
/// descriptor appends, as the host does), the position unchanged.
#[host]
pub fn fd_pwrite<T: WasiView>(
    ctx: &mut Ctx<T>,
    fd: u32,
    iovs: u32,
    iovs_len: u32,
    offset: u64,
    nwritten: u32,
) -> Result<Errno, Error> {
    wasi_call(ctx, costs::IO, |ctx| {
        let data = gather(ctx, iovs, iovs_len)?;
        let d = wasi(ctx).fds.get(fd)?;
        let f = file_of(d, Errno::IsDir)?;
        d.require(rights::FD_WRITE | rights::FD_SEEK)?;
        let n = rustix::io::pwrite(f, &data, offset)?;
        ctx.write_u32_le(nwritten, n as u32)?;
        Ok(n as u64)
    })
}

/// `fd_seek(fd, offset, whence) -> (errno, filesize)`.
#[host]
pub fn fd_seek<T: WasiView>(
    ctx: &mut Ctx<T>,
    fd: u32,
    offset: i64,
    how: u32,
    newoffset: u32,
) -> Result<Errno, Error> {
    wasi_call(ctx, costs::FD, |ctx| {
        let d = wasi(ctx).fds.get(fd)?;
        let f = file_of(d, Errno::Badf)?;
        let needed = if offset == 0 && how == u32::from(whence::CUR) {
            rights::FD_TELL
        } else {
            rights::FD_SEEK
        };
        d.require(needed)?;
        let pos = match u8::try_from(how).map_err(|_| Errno::Inval)? {
            whence::SET => {
                rustix::fs::SeekFrom::Start(u64::try_from(offset).map_err(|_| Errno::Inval)?)
            }
            whence::CUR => rustix::fs::SeekFrom::Current(offset),
            whence::END => rustix::fs::SeekFrom::End(offset),
            _ => return Err(Errno::Inval),
        };
        let at = rustix::fs::seek(f, pos)?;
        ctx.write_u64_le(newoffset, at)?;
        Ok(0)
    })
}

/// `fd_tell(fd) -> (errno, filesize)`.
#[host]
pub fn fd_tell<T: WasiView>(ctx: &mut Ctx<T>, fd: u32, out: u32) -> Result<Errno, Error> {
    wasi_call(ctx, costs::FD, |ctx| {
        let d = wasi(ctx).fds.get(fd)?;
        let f = file_of(d, Errno::Badf)?;
        d.require(rights::FD_TELL)?;
        let at = rustix::fs::seek(f, rustix::fs::SeekFrom::Current(0))?;
        ctx.write_u64_le(out, at)?;
        Ok(0)
    })
}

/// One `$dirent` and its name.
fn dirent(next: u64, ino: u64, kind: u8, name: &str) -> Vec<u8> {
    let mut b = vec![0u8; 24];
    b[0..8].copy_from_slice(&next.to_le_bytes());
    b[8..16].copy_from_slice(&ino.to_le_bytes());
    b[16..20].copy_from_slice(&(name.len() as u32).to_le_bytes());
    b[20] = kind;
    b.extend_from_slice(name.as_bytes());
    b
}

/// `fd_readdir(fd, buf, buf_len, cookie) -> (errno, size)`: `.` and `..`, then the
/// entries in the host's order (as other runtimes list them); the cookie is an index. A
/// full buffer (`size == buf_len`) means there may be more.
#[host]
pub fn fd_readdir<T: WasiView>(
    ctx: &mut Ctx<T>,
    fd: u32,
    buf: u32,
    buf_len: u32,
    cookie: u64,
    bufused: u32,
) -> Result<Errno, Error> {
    wasi_call(ctx, costs::IO, |ctx| {
        let d = wasi(ctx).fds.get(fd)?;
        let dir = d.dir().map_err(|_| Errno::NotDir)?;
        d.require(rights::FD_READDIR)?;
        let me = dir.dir_metadata()?;
        // `..` carries the directory's own inode: its parent may lie outside the preopen.
        let mut entries = vec![
            (".".to_string(), me.ino(), filetype::DIRECTORY),
            ("..".to_string(), me.ino(), filetype::DIRECTORY),
        ];
        for e in dir.entries()? {
            let e = e?;
            let name = e.file_name().into_string().map_err(|_| Errno::Ilseq)?;
            let m = cap_fs_ext::DirEntryExt::full_metadata(&e)?;
            entries.push((name, m.ino(), file_type(m.file_type())));
        }
        let mut out = Vec::new();
        let start = usize::try_from(cookie).unwrap_or(usize::MAX);
        for (i, (name, ino, kind)) in entries.iter().enumerate().skip(start) {
            out.extend(dirent(i as u64 + 1, *ino, *kind, name));
            if out.len() >= buf_len as usize {
                break;
            }
        }
        out.truncate(buf_len as usize);
        ctx.write_bytes(buf, &out)?;
        ctx.write_u32_le(bufused, out.len() as u32)?;
        Ok(out.len() as u64)
    })
}
