//! `path_*` calls: every path is resolved by `cap-std` beneath the directory descriptor it
//! is relative to (`openat2` with `RESOLVE_BENEATH` on Linux, or a careful component walk),
//! so `..`, absolute paths and symbolic links cannot lead out of a preopen.

// The parameters are those of the preview-1 functions, one per Wasm parameter.
#![allow(clippy::too_many_arguments)]

use std::path::{Path, PathBuf};

use cap_fs_ext::{DirExt, FollowSymlinks, OpenOptionsFollowExt, OpenOptionsMaybeDirExt};
use cap_std::fs::{Dir, OpenOptions};
use wasp_core::{host, Ctx, Error};

use crate::call::{path, wasi, wasi_call};
use crate::costs;
use crate::fd_table::{Descriptor, Kind};
use crate::stat::Filestat;
use crate::types::{fdflags, lookupflags, oflags, rights, Errno, WasiResult};
use crate::WasiView;

/// The directory `fd`, checked for `needed`, with its origin for the new descriptor.
fn dir_of<T: WasiView>(ctx: &mut Ctx<T>, fd: u32, needed: u64) -> WasiResult<&Descriptor> {
    let d = wasi(ctx).fds.get(fd)?;
    d.dir()?;
    d.require(needed)?;
    Ok(d)
}

/// Refuses the empty path (`noent`).
fn non_empty(p: &str) -> WasiResult<&Path> {
    if p.is_empty() {
        return Err(Errno::NoEnt);
    }
    Ok(Path::new(p))
}

/// The path at `ptr` (`len` bytes) and the directory `fd` it is resolved beneath, checked
/// for `needed`; an empty path is `noent`.
fn beneath<T: WasiView>(
    ctx: &mut Ctx<T>,
    fd: u32,
    needed: u64,
    (ptr, len): (u32, u32),
) -> WasiResult<(&Dir, String)> {
    let p = path(ctx, ptr, len)?;
    let dir = dir_of(ctx, fd, needed)?.dir()?;
    non_empty(&p)?;
    Ok((dir, p))
}

/// The paths of a call with two ends (`path_link`, `path_rename`), read from memory:
/// `(old, new)`.
fn two_paths<T>(
    ctx: &Ctx<T>,
    (old_p, old_len): (u32, u32),
    (new_p, new_len): (u32, u32),
) -> WasiResult<(String, String)> {
    Ok((path(ctx, old_p, old_len)?, path(ctx, new_p, new_len)?))
}

/// The descriptors of a call with two ends, each checked for its right: `(source, target)`.
fn two_dirs<T: WasiView>(
    ctx: &mut Ctx<T>,
    (src, src_needs): (u32, u64),
    (dst, dst_needs): (u32, u64),
) -> WasiResult<(&Descriptor, &Descriptor)> {
    let fds = &wasi(ctx).fds;
    let src = fds.get(src)?;
    src.require(src_needs)?;
    let dst = fds.get(dst)?;
    dst.require(dst_needs)?;
    Ok((src, dst))
}

/// `path_create_directory(fd, path) -> errno`.
#[host]
pub fn path_create_directory<T: WasiView>(
    ctx: &mut Ctx<T>,
    fd: u32,
    p: u32,
    len: u32,
) -> Result<Errno, Error> {
    wasi_call(ctx, costs::PATH, |ctx| {
        let (dir, p) = beneath(ctx, fd, rights::PATH_CREATE_DIRECTORY, (p, len))?;
        dir.create_dir(&p)?;
        Ok(p.len() as u64)
    })
}

/// `path_filestat_get(fd, flags, path) -> (errno, filestat)`.
#[host]
pub fn path_filestat_get<T: WasiView>(
    ctx: &mut Ctx<T>,
    fd: u32,
    flags: u32,
    p: u32,
    len: u32,
    out: u32,
) -> Result<Errno, Error> {
    wasi_call(ctx, costs::PATH, |ctx| {
        let (dir, p) = beneath(ctx, fd, rights::PATH_FILESTAT_GET, (p, len))?;
        let m = if flags & lookupflags::SYMLINK_FOLLOW != 0 {
            dir.metadata(&p)?
        } else {
            dir.symlink_metadata(&p)?
        };
        Filestat::from_metadata(&m).write(ctx, out)?;
        Ok(p.len() as u64)
    })
}

/// `path_filestat_set_times(fd, flags, path, atim, mtim, fst_flags) -> errno`.
#[host]
pub fn path_filestat_set_times<T: WasiView>(
    ctx: &mut Ctx<T>,
    fd: u32,
    flags: u32,
    p: u32,
    len: u32,
    atim: u64,
    mtim: u64,
    fst_flags: u32,
) -> Result<Errno, Error> {
    wasi_call(ctx, costs::PATH, |ctx| {
        let (a, m) = super::fd::times(atim, mtim, fst_flags)?;
        let (dir, p) = beneath(ctx, fd, rights::PATH_FILESTAT_SET_TIMES, (p, len))?;
        if flags & lookupflags::SYMLINK_FOLLOW != 0 {
            dir.set_times(&p, a, m)?;
        } else {
            dir.set_symlink_times(&p, a, m)?;
        }
        Ok(p.len() as u64)
    })
}

/// `path_link(old_fd, old_flags, old_path, new_fd, new_path) -> errno`: a hard link; both
/// ends are resolved beneath their own directories.
#[host]
pub fn path_link<T: WasiView>(
    ctx: &mut Ctx<T>,
    old_fd: u32,
    old_flags: u32,
    old_p: u32,
    old_len: u32,
    new_fd: u32,
    new_p: u32,
    new_len: u32,
) -> Result<Errno, Error> {
    wasi_call(ctx, costs::PATH, |ctx| {
        let (old, new) = two_paths(ctx, (old_p, old_len), (new_p, new_len))?;
        if old_flags & lookupflags::SYMLINK_FOLLOW != 0 {
            return Err(Errno::Inval);
        }
        let (src, dst) = two_dirs(
            ctx,
            (old_fd, rights::PATH_LINK_SOURCE),
            (new_fd, rights::PATH_LINK_TARGET),
        )?;
        let (old_path, new_path) = (non_empty(&old)?, non_empty(&new)?);
        if new.ends_with('/') {
            return Err(if src.dir()?.symlink_metadata(old_path)?.is_dir() {
                Errno::Exist
            } else {
                Errno::NoEnt
            });
        }
        src.dir()?.hard_link(old_path, dst.dir()?, new_path)?;
        Ok((old.len() + new.len()) as u64)
    })
}

/// What `path_open` asks for.
struct OpenRequest {
    oflags: u16,
    base: u64,
    inheriting: u64,
    fdflags: u16,
    follow: bool,
}

/// Opens `p` beneath `dir` as the request says; a directory comes back as a `Dir`.
fn open_beneath(dir: &Dir, p: &Path, req: &OpenRequest) -> WasiResult<Kind> {
    let want_dir = req.oflags & oflags::DIRECTORY != 0;
    let write = req.base & (rights::FD_WRITE | rights::FD_ALLOCATE | rights::FD_FILESTAT_SET_SIZE)
        != 0
        || req.fdflags & fdflags::APPEND != 0
        || req.oflags & (oflags::TRUNC | oflags::CREAT) != 0;
    let mut opts = OpenOptions::new();
    opts.read(true);
    if write && !want_dir {
        opts.write(true);
    }
    if req.fdflags & fdflags::APPEND != 0 {
        opts.append(true);
    }
    if req.oflags & oflags::CREAT != 0 {
        if req.oflags & oflags::EXCL != 0 {
            opts.create_new(true);
        } else {
            opts.create(true);
        }
    }
    // The standard options refuse append with truncate: truncate after opening then.
    let append_trunc = req.fdflags & fdflags::APPEND != 0 && req.oflags & oflags::TRUNC != 0;
    if req.oflags & oflags::TRUNC != 0 && !append_trunc {
        opts.truncate(true);
    }
    opts.follow(if req.follow {
        FollowSymlinks::Yes
    } else {
        FollowSymlinks::No
    });
    opts.maybe_dir((!write && req.oflags & oflags::CREAT == 0) || want_dir);
    if want_dir {
        if req.oflags & (oflags::CREAT | oflags::TRUNC) != 0 {
            return Err(Errno::Inval);
        }
        if req.base & rights::FD_WRITE != 0 {
            return Err(Errno::IsDir);
        }
        let m = if req.follow {
            dir.metadata(p)?
        } else {
            dir.symlink_metadata(p)?
        };
        if !m.is_dir() {
            return Err(Errno::NotDir);
        }
    }
    let file = dir.open_with(p, &opts)?;
    if file.metadata()?.is_dir() {
        Ok(Kind::Dir(Dir::from_std_file(file.into_std())))
    } else if want_dir {
        Err(Errno::NotDir)
    } else {
        if append_trunc {
            file.set_len(0)?;
        }
        Ok(Kind::File(file))
    }
}

/// `path_open(fd, dirflags, path, oflags, base, inheriting, fdflags) -> (errno, fd)`.
#[host]
pub fn path_open<T: WasiView>(
    ctx: &mut Ctx<T>,
    fd: u32,
    dirflags: u32,
    p: u32,
    len: u32,
    oflags: u32,
    base: u64,
    inheriting: u64,
    fdflags: u32,
    opened: u32,
) -> Result<Errno, Error> {
    wasi_call(ctx, costs::PATH, |ctx| {
        let p = path(ctx, p, len)?;
        let oflags = u16::try_from(oflags).map_err(|_| Errno::Inval)?;
        let fdflags = u16::try_from(fdflags).map_err(|_| Errno::Inval)?;
        let w = wasi(ctx);
        let parent = w.fds.get(fd)?;
        let dir = parent.dir()?;
        let mut needed = rights::PATH_OPEN;
        if oflags & oflags::CREAT != 0 {
            needed |= rights::PATH_CREATE_FILE;
        }
        if oflags & oflags::TRUNC != 0 {
            needed |= rights::PATH_FILESTAT_SET_SIZE;
        }
        parent.require(needed)?;
        let req = OpenRequest {
            oflags,
            base: base & parent.rights_inheriting,
            inheriting: inheriting & parent.rights_inheriting,
            fdflags,
            follow: dirflags & lookupflags::SYMLINK_FOLLOW != 0,
        };
        if base & (rights::FD_WRITE) & !parent.rights_inheriting != 0 {
            return Err(Errno::NotCapable);
        }
        let kind = open_beneath(dir, non_empty(&p)?, &req)?;
        let origin = parent.origin.as_ref().map(|(i, at)| (*i, at.join(&p)));
        let (rights_base, rights_inheriting) = match kind {
            Kind::Dir(_) => (req.base & rights::DIRECTORY, req.inheriting),
            _ => (req.base & rights::FILE, 0),
        };
        let new = w.fds.push(Descriptor {
            kind,
            rights_base,
            rights_inheriting,
            flags: fdflags,
            origin,
            preopen_name: None,
        })?;
        ctx.write_u32_le(opened, new)?;
        Ok(p.len() as u64)
    })
}

/// `path_readlink(fd, path, buf, buf_len) -> (errno, size)`: the link's contents, cut to
/// the buffer.
#[host]
pub fn path_readlink<T: WasiView>(
    ctx: &mut Ctx<T>,
    fd: u32,
    p: u32,
    len: u32,
    buf: u32,
    buf_len: u32,
    bufused: u32,
) -> Result<Errno, Error> {
    wasi_call(ctx, costs::PATH, |ctx| {
        let (dir, p) = beneath(ctx, fd, rights::PATH_READLINK, (p, len))?;
        let target: PathBuf = dir.read_link_contents(&p)?;
        let bytes = target.to_string_lossy().into_owned().into_bytes();
        let n = bytes.len().min(buf_len as usize);
        ctx.write_bytes(buf, &bytes[..n])?;
        ctx.write_u32_le(bufused, n as u32)?;
        Ok((p.len() + n) as u64)
    })
}

/// `path_remove_directory(fd, path) -> errno`.
#[host]
pub fn path_remove_directory<T: WasiView>(
    ctx: &mut Ctx<T>,
    fd: u32,
    p: u32,
    len: u32,
) -> Result<Errno, Error> {
    wasi_call(ctx, costs::PATH, |ctx| {
        let (dir, p) = beneath(ctx, fd, rights::PATH_REMOVE_DIRECTORY, (p, len))?;
        dir.remove_dir(&p)?;
        Ok(p.len() as u64)
    })
}

/// `path_rename(fd, old_path, new_fd, new_path) -> errno`: both ends beneath their own
/// directories.
#[host]
pub fn path_rename<T: WasiView>(
    ctx: &mut Ctx<T>,
    fd: u32,
    old_p: u32,
    old_len: u32,
    new_fd: u32,
    new_p: u32,
    new_len: u32,
) -> Result<Errno, Error> {
    wasi_call(ctx, costs::PATH, |ctx| {
        let (old, new) = two_paths(ctx, (old_p, old_len), (new_p, new_len))?;
        let (src, dst) = two_dirs(
            ctx,
            (fd, rights::PATH_RENAME_SOURCE),
            (new_fd, rights::PATH_RENAME_TARGET),
        )?;
        let (src_dir, dst_dir) = (src.dir()?, dst.dir()?);
        let (old_path, new_path) = (non_empty(&old)?, non_empty(&new)?);
        // A trailing slash names a directory: a file under such a name is `notdir`.
        let slash = old.ends_with('/') || new.ends_with('/');
        if slash
            && !src_dir
                .symlink_metadata(old.trim_end_matches('/'))?
                .is_dir()
        {
            return Err(Errno::NotDir);
        }
        src_dir.rename(old_path, dst_dir, new_path)?;
        Ok((old.len() + new.len()) as u64)
    })
}

/// `path_symlink(old_path, fd, new_path) -> errno`: the link is made beneath `fd`; its
/// contents are never followed out of the preopen (an absolute target is refused now).
#[host]
pub fn path_symlink<T: WasiView>(
    ctx: &mut Ctx<T>,
    old_p: u32,
    old_len: u32,
    fd: u32,
    new_p: u32,
    new_len: u32,
) -> Result<Errno, Error> {
    wasi_call(ctx, costs::PATH, |ctx| {
        let (old, new) = two_paths(ctx, (old_p, old_len), (new_p, new_len))?;
        let dir = dir_of(ctx, fd, rights::PATH_SYMLINK)?.dir()?;
        if old.starts_with('/') {
            return Err(Errno::Perm);
        }
        let new_path = non_empty(&new)?;
        if old.is_empty() {
            return Err(Errno::NoEnt);
        }
        if new.ends_with('/') {
            return match dir.symlink_metadata(new.trim_end_matches('/')) {
                Ok(_) => Err(Errno::Exist),
                Err(_) => Err(Errno::NoEnt),
            };
        }
        dir.symlink(&old, new_path)?;
        Ok((old.len() + new.len()) as u64)
    })
}

/// `path_unlink_file(fd, path) -> errno`.
#[host]
pub fn path_unlink_file<T: WasiView>(
    ctx: &mut Ctx<T>,
    fd: u32,
    p: u32,
    len: u32,
) -> Result<Errno, Error> {
    wasi_call(ctx, costs::PATH, |ctx| {
        let (dir, p) = beneath(ctx, fd, rights::PATH_UNLINK_FILE, (p, len))?;
        if p.ends_with('/') {
            let m = dir.symlink_metadata(p.trim_end_matches('/'))?;
            return Err(if m.is_dir() {
                Errno::IsDir
            } else {
                Errno::NotDir
            });
        }
        dir.remove_file_or_symlink(&p)?;
        Ok(p.len() as u64)
    })
}
