//! Descriptor calls that do not move data: stat, flags, rights, sizes, times, sync, close,
//! renumber, preopen names.

use cap_fs_ext::SystemTimeSpec;
use rustix::fs::{Timespec, Timestamps};
use wasp_core::{host, Ctx, Error};

use crate::call::{wasi, wasi_call};
use crate::costs;
use crate::fd_table::Kind;
use crate::stat::{write_fdstat, Filestat};
use crate::types::{fdflags, filetype, fstflags, rights, Errno, WasiResult, PREOPENTYPE_DIR};
use crate::WasiView;

/// `fd_advise(fd, offset, len, advice) -> errno`: advice is checked, then ignored.
#[host]
pub fn fd_advise<T: WasiView>(
    ctx: &mut Ctx<T>,
    fd: u32,
    _offset: u64,
    _len: u64,
    advice: u32,
) -> Result<Errno, Error> {
    wasi_call(ctx, costs::FD, |ctx| {
        let d = wasi(ctx).fds.get(fd)?;
        if advice > 5 {
            return Err(Errno::Inval);
        }
        match d.kind {
            Kind::File(_) => d.require(rights::FD_ADVISE).map(|()| 0),
            Kind::Dir(_) => Err(Errno::Badf),
            Kind::Stdio(_) => Err(Errno::Badf),
        }
    })
}

/// `fd_allocate(fd, offset, len) -> errno`: makes sure the file holds `offset + len` bytes.
#[host]
pub fn fd_allocate<T: WasiView>(
    ctx: &mut Ctx<T>,
    fd: u32,
    offset: u64,
    len: u64,
) -> Result<Errno, Error> {
    wasi_call(ctx, costs::FD, |ctx| {
        let d = wasi(ctx).fds.get(fd)?;
        let Kind::File(file) = &d.kind else {
            return Err(Errno::Badf);
        };
        d.require(rights::FD_ALLOCATE)?;
        let end = offset.checked_add(len).ok_or(Errno::Fbig)?;
        if file.metadata()?.len() < end {
            file.set_len(end)?;
        }
        Ok(0)
    })
}

/// `fd_close(fd) -> errno`.
#[host]
pub fn fd_close<T: WasiView>(ctx: &mut Ctx<T>, fd: u32) -> Result<Errno, Error> {
    wasi_call(ctx, costs::CONTEXT, |ctx| {
        wasi(ctx).fds.remove(fd).map(|_| 0)
    })
}

/// `fd_datasync(fd) -> errno`.
#[host]
pub fn fd_datasync<T: WasiView>(ctx: &mut Ctx<T>, fd: u32) -> Result<Errno, Error> {
    wasi_call(ctx, costs::FD, |ctx| {
        let d = wasi(ctx).fds.get(fd)?;
        match &d.kind {
            Kind::File(f) => {
                d.require(rights::FD_DATASYNC)?;
                f.sync_data()?;
            }
            Kind::Dir(_) | Kind::Stdio(_) => return Err(Errno::Badf),
        }
        Ok(0)
    })
}

/// `fd_sync(fd) -> errno`.
#[host]
pub fn fd_sync<T: WasiView>(ctx: &mut Ctx<T>, fd: u32) -> Result<Errno, Error> {
    wasi_call(ctx, costs::FD, |ctx| {
        let d = wasi(ctx).fds.get(fd)?;
        match &d.kind {
            Kind::File(f) => {
                d.require(rights::FD_SYNC)?;
                f.sync_all()?;
            }
            Kind::Dir(_) => {}
            Kind::Stdio(_) => return Err(Errno::Badf),
        }
        Ok(0)
    })
}

/// `fd_fdstat_get(fd) -> (errno, fdstat)`.
#[host]
pub fn fd_fdstat_get<T: WasiView>(ctx: &mut Ctx<T>, fd: u32, out: u32) -> Result<Errno, Error> {
    wasi_call(ctx, costs::CONTEXT, |ctx| {
        let w = wasi(ctx);
        let d = w.fds.get(fd)?;
        let ft = match &d.kind {
            Kind::Stdio(i) => w.stdio[*i as usize].filetype(*i),
            Kind::File(f) => crate::stat::file_type(f.metadata()?.file_type()),
            Kind::Dir(_) => filetype::DIRECTORY,
        };
        let (flags, base, inheriting) = (d.flags, d.rights_base, d.rights_inheriting);
        write_fdstat(ctx, out, ft, flags, base, inheriting)?;
        Ok(0)
    })
}

/// `fd_fdstat_set_flags(fd, flags) -> errno`: `append` and `nonblock` may change.
#[host]
pub fn fd_fdstat_set_flags<T: WasiView>(
    ctx: &mut Ctx<T>,
    fd: u32,
    flags: u32,
) -> Result<Errno, Error> {
    wasi_call(ctx, costs::FD, |ctx| {
        let flags = u16::try_from(flags).map_err(|_| Errno::Inval)?;
        let d = wasi(ctx).fds.get_mut(fd)?;
        d.require(rights::FD_FDSTAT_SET_FLAGS)?;
        if flags & (fdflags::DSYNC | fdflags::RSYNC | fdflags::SYNC) != 0 {
            return Err(Errno::NotSup);
        }
        if let Kind::File(f) = &d.kind {
            let mut os = rustix::fs::fcntl_getfl(f)?;
            os.set(rustix::fs::OFlags::APPEND, flags & fdflags::APPEND != 0);
            os.set(rustix::fs::OFlags::NONBLOCK, flags & fdflags::NONBLOCK != 0);
            rustix::fs::fcntl_setfl(f, os)?;
        }
        d.flags = flags;
        Ok(0)
    })
}

/// `fd_fdstat_set_rights(fd, base, inheriting) -> errno`: rights may only shrink.
#[host]
pub fn fd_fdstat_set_rights<T: WasiView>(
    ctx: &mut Ctx<T>,
    fd: u32,
    base: u64,
    inheriting: u64,
) -> Result<Errno, Error> {
    wasi_call(ctx, costs::CONTEXT, |ctx| {
        let d = wasi(ctx).fds.get_mut(fd)?;
        if base & !d.rights_base != 0 || inheriting & !d.rights_inheriting != 0 {
            return Err(Errno::NotCapable);
        }
        d.rights_base = base;
        d.rights_inheriting = inheriting;
        Ok(0)
    })
}

/// `fd_filestat_get(fd) -> (errno, filestat)`.
#[host]
pub fn fd_filestat_get<T: WasiView>(ctx: &mut Ctx<T>, fd: u32, out: u32) -> Result<Errno, Error> {
    wasi_call(ctx, costs::FD, |ctx| {
        let d = wasi(ctx).fds.get(fd)?;
        let stat = match &d.kind {
            Kind::Stdio(_) => Filestat {
                filetype: filetype::CHARACTER_DEVICE,
                ..Filestat::default()
            },
            Kind::File(f) => Filestat::from_metadata(&f.metadata()?),
            Kind::Dir(dir) => Filestat::from_metadata(&dir.dir_metadata()?),
        };
        stat.write(ctx, out)?;
        Ok(0)
    })
}

/// `fd_filestat_set_size(fd, size) -> errno`.
#[host]
pub fn fd_filestat_set_size<T: WasiView>(
    ctx: &mut Ctx<T>,
    fd: u32,
    size: u64,
) -> Result<Errno, Error> {
    wasi_call(ctx, costs::FD, |ctx| {
        let d = wasi(ctx).fds.get(fd)?;
        let Kind::File(f) = &d.kind else {
            return Err(Errno::Badf);
        };
        d.require(rights::FD_FILESTAT_SET_SIZE)?;
        f.set_len(size)?;
        Ok(0)
    })
}

/// The access and modification times `fst_flags` asks for; `inval` when a time is given
/// both as a value and as "now".
pub(crate) fn times(
    atim: u64,
    mtim: u64,
    flags: u32,
) -> WasiResult<(Option<SystemTimeSpec>, Option<SystemTimeSpec>)> {
    let flags = u16::try_from(flags).map_err(|_| Errno::Inval)?;
    if flags & !(fstflags::ATIM | fstflags::ATIM_NOW | fstflags::MTIM | fstflags::MTIM_NOW) != 0 {
        return Err(Errno::Inval);
    }
    let one = |t: u64, set: u16, now: u16| -> WasiResult<Option<SystemTimeSpec>> {
        match (flags & set != 0, flags & now != 0) {
            (true, true) => Err(Errno::Inval),
            (true, false) => Ok(Some(SystemTimeSpec::Absolute(
                cap_std::time::SystemTime::from_std(
                    std::time::UNIX_EPOCH + std::time::Duration::from_nanos(t),
                ),
            ))),
            (false, true) => Ok(Some(SystemTimeSpec::SymbolicNow)),
            (false, false) => Ok(None),
        }
    };
    Ok((
        one(atim, fstflags::ATIM, fstflags::ATIM_NOW)?,
        one(mtim, fstflags::MTIM, fstflags::MTIM_NOW)?,
    ))
}

fn timespec(t: Option<SystemTimeSpec>) -> Timespec {
    match t {
        None => Timespec {
            tv_sec: 0,
            tv_nsec: rustix::fs::UTIME_OMIT,
        },
        Some(SystemTimeSpec::SymbolicNow) => Timespec {
            tv_sec: 0,
            tv_nsec: rustix::fs::UTIME_NOW,
        },
        Some(SystemTimeSpec::Absolute(t)) => {
            let d = t
                .into_std()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap_or_default();
            Timespec {
                tv_sec: i64::try_from(d.as_secs()).unwrap_or(i64::MAX),
                tv_nsec: d.subsec_nanos().into(),
            }
        }
    }
}

/// `fd_filestat_set_times(fd, atim, mtim, fst_flags) -> errno`.
#[host]
pub fn fd_filestat_set_times<T: WasiView>(
    ctx: &mut Ctx<T>,
    fd: u32,
    atim: u64,
    mtim: u64,
    flags: u32,
) -> Result<Errno, Error> {
    wasi_call(ctx, costs::FD, |ctx| {
        let (a, m) = times(atim, mtim, flags)?;
        let d = wasi(ctx).fds.get(fd)?;
        d.require(rights::FD_FILESTAT_SET_TIMES)?;
        let ts = Timestamps {
            last_access: timespec(a),
            last_modification: timespec(m),
        };
        match &d.kind {
            Kind::File(f) => rustix::fs::futimens(f, &ts)?,
            Kind::Dir(dir) => rustix::fs::futimens(dir, &ts)?,
            Kind::Stdio(_) => return Err(Errno::Badf),
        }
        Ok(0)
    })
}

/// `fd_prestat_get(fd) -> (errno, prestat)`.
#[host]
pub fn fd_prestat_get<T: WasiView>(ctx: &mut Ctx<T>, fd: u32, out: u32) -> Result<Errno, Error> {
    wasi_call(ctx, costs::CONTEXT, |ctx| {
        let d = wasi(ctx).fds.get(fd)?;
        let name = d.preopen_name.as_ref().ok_or(Errno::Badf)?;
        let len = u32::try_from(name.len()).map_err(|_| Errno::NameTooLong)?;
        ctx.write_u32_le(out, u32::from(PREOPENTYPE_DIR))?;
        ctx.write_u32_le(u64::from(out) + 4, len)?;
        Ok(0)
    })
}

/// `fd_prestat_dir_name(fd, path, path_len) -> errno`.
#[host]
pub fn fd_prestat_dir_name<T: WasiView>(
    ctx: &mut Ctx<T>,
    fd: u32,
    path: u32,
    path_len: u32,
) -> Result<Errno, Error> {
    wasi_call(ctx, costs::CONTEXT, |ctx| {
        let d = wasi(ctx).fds.get(fd)?;
        let name = d.preopen_name.clone().ok_or(Errno::Badf)?;
        if name.len() > path_len as usize {
            return Err(Errno::NameTooLong);
        }
        ctx.write_bytes(path, name.as_bytes())?;
        Ok(name.len() as u64)
    })
}

/// `fd_renumber(fd, to) -> errno`: `to` is closed and replaced by `fd`.
#[host]
pub fn fd_renumber<T: WasiView>(ctx: &mut Ctx<T>, fd: u32, to: u32) -> Result<Errno, Error> {
    wasi_call(ctx, costs::CONTEXT, |ctx| {
        let fds = &mut wasi(ctx).fds;
        fds.get(fd)?;
        fds.get(to)?;
        if fd != to {
            let d = fds.remove(fd)?;
            fds.fds.insert(to, d);
        }
        Ok(0)
    })
}
