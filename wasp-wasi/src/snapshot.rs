//! Snapshots of a [`WasiCtx`]: what a paused WASI program has open and pending, saved as
//! bytes, and restored beneath the same-named preopens (never anywhere else).
//!
//! A snapshot holds the args and env, the preopens (guest name, host path when saved,
//! read-only), the standard streams (the bytes waiting in pipes), every descriptor (its
//! number, its rights and flags, the preopen it lies beneath and its path there, and a
//! file's offset), the deterministic clock and generator states, the exit code and a read
//! waiting for input. Restoring opens each file again beneath the preopen of the same guest
//! name, with `cap-std`, and seeks to the saved offset.

use std::path::PathBuf;

use cap_std::fs::{Dir, OpenOptions};

use crate::clock::{Clocks, DeterministicClock};
use crate::ctx::{open_preopen, Preopen, WasiCtx, WasiCtxBuilder, WasiError};
use crate::fd_table::{Descriptor, FdTable, Kind};
use crate::pause::Pending;
use crate::random::{Randomness, SeededRandom};
use crate::stdio::Stdio;
use crate::types::{fdflags, rights};

/// The magic bytes (and version) at the start of a WASI snapshot.
pub const MAGIC: &[u8; 8] = b"WASPWAS1";

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u16(&mut self, v: u16) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn bytes(&mut self, b: &[u8]) {
        self.u64(b.len() as u64);
        self.0.extend_from_slice(b);
    }
    fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
    fn opt_u64(&mut self, v: Option<u64>) {
        match v {
            Some(v) => {
                self.u8(1);
                self.u64(v);
            }
            None => self.u8(0),
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

fn bad(what: &str) -> WasiError {
    WasiError::Restore(format!(
        "the snapshot is damaged: expected {what}, found the end or a bad value"
    ))
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], WasiError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| bad(what))?;
        let out = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(out)
    }
    fn u8(&mut self, what: &str) -> Result<u8, WasiError> {
        Ok(self.take(1, what)?[0])
    }
    fn u16(&mut self, what: &str) -> Result<u16, WasiError> {
        let b = self.take(2, what)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self, what: &str) -> Result<u32, WasiError> {
        let mut a = [0; 4];
        a.copy_from_slice(self.take(4, what)?);
        Ok(u32::from_le_bytes(a))
    }
    fn u64(&mut self, what: &str) -> Result<u64, WasiError> {
        let mut a = [0; 8];
        a.copy_from_slice(self.take(8, what)?);
        Ok(u64::from_le_bytes(a))
    }
    fn bytes(&mut self, what: &str) -> Result<&'a [u8], WasiError> {
        let n = usize::try_from(self.u64(what)?).map_err(|_| bad(what))?;
        self.take(n, what)
    }
    fn str(&mut self, what: &str) -> Result<String, WasiError> {
        String::from_utf8(self.bytes(what)?.to_vec()).map_err(|_| bad(what))
    }
    fn opt_u64(&mut self, what: &str) -> Result<Option<u64>, WasiError> {
        match self.u8(what)? {
            0 => Ok(None),
            1 => Ok(Some(self.u64(what)?)),
            _ => Err(bad(what)),
        }
    }
}

impl WasiCtx {
    /// The context as bytes, to be restored with [`WasiCtxBuilder::restore`].
    ///
    /// # Errors
    ///
    /// [`WasiError::Restore`] when a file's offset cannot be read from the host.
    pub fn snapshot(&self) -> Result<Vec<u8>, WasiError> {
        let mut w = Writer(MAGIC.to_vec());
        w.u32(self.args.len() as u32);
        self.args.iter().for_each(|a| w.str(a));
        w.u32(self.env.len() as u32);
        for (k, v) in &self.env {
            w.str(k);
            w.str(v);
        }
        w.u32(self.preopens.len() as u32);
        for p in &self.preopens {
            w.str(&p.guest);
            w.str(&p.host.to_string_lossy());
            w.u8(u8::from(p.read_only));
        }
        for s in &self.stdio {
            match s {
                Stdio::Inherit => w.u8(0),
                Stdio::Null => w.u8(1),
                Stdio::Pipe(p) => {
                    let (bytes, closed) = p.contents();
                    w.u8(2);
                    w.bytes(&bytes);
                    w.u8(u8::from(closed));
                }
            }
        }
        w.u32(self.fds.fds.len() as u32);
        for (&fd, d) in &self.fds.fds {
            w.u32(fd);
            match &d.kind {
                Kind::Stdio(i) => {
                    w.u8(0);
                    w.u32(*i);
                }
                Kind::File(f) => {
                    w.u8(1);
                    let at =
                        rustix::fs::seek(f, rustix::fs::SeekFrom::Current(0)).map_err(|e| {
                            WasiError::Restore(format!("cannot read the offset of fd {fd}: {e}"))
                        })?;
                    w.u64(at);
                }
                Kind::Dir(_) => w.u8(2),
            }
            w.u64(d.rights_base);
            w.u64(d.rights_inheriting);
            w.u16(d.flags);
            match &d.origin {
                Some((i, path)) => {
                    w.u8(1);
                    w.u32(*i as u32);
                    w.str(&path.to_string_lossy());
                }
                None => w.u8(0),
            }
            match &d.preopen_name {
                Some(name) => {
                    w.u8(1);
                    w.str(name);
                }
                None => w.u8(0),
            }
        }
        match &self.clocks {
            Clocks::Host { .. } => w.u8(0),
            Clocks::Deterministic(c) => {
                w.u8(1);
                w.u64(c.epoch_ns);
                w.u64(c.ns_per_gas);
                w.u64(c.elapsed_ns);
                w.opt_u64(c.last_gas_left);
            }
        }
        match &self.random {
            Randomness::Host => w.u8(0),
            Randomness::Seeded(r) => {
                w.u8(1);
                w.u64(r.state);
            }
        }
        w.opt_u64(self.exit_code.map(|c| u64::from(c as u32)));
        match self.pending {
            None => w.u8(0),
            Some(Pending::Read {
                fd,
                iovs,
                iovs_len,
                nread,
            }) => {
                w.u8(1);
                [fd, iovs, iovs_len, nread]
                    .into_iter()
                    .for_each(|v| w.u32(v));
            }
            Some(Pending::Poll {
                input,
                out,
                nsubs,
                nevents,
            }) => {
                w.u8(2);
                [input, out, nsubs, nevents]
                    .into_iter()
                    .for_each(|v| w.u32(v));
            }
        }
        Ok(w.0)
    }

    /// The preopens recorded in a snapshot (with the host paths they had when it was
    /// taken), e.g. to offer the same ones again.
    ///
    /// # Errors
    ///
    /// [`WasiError::Restore`] when the bytes are not a WASI snapshot.
    pub fn snapshot_preopens(bytes: &[u8]) -> Result<Vec<Preopen>, WasiError> {
        let mut r = header(bytes)?;
        skip_strings(&mut r)?;
        let n = r.u32("the env count")?;
        for _ in 0..n {
            r.str("an env key")?;
            r.str("an env value")?;
        }
        read_preopens(&mut r)
    }
}

fn header(bytes: &[u8]) -> Result<Reader<'_>, WasiError> {
    if bytes.get(..MAGIC.len()) != Some(MAGIC.as_slice()) {
        return Err(WasiError::Restore(
            "expected a WASI snapshot (magic `WASPWAS1`), found other bytes".into(),
        ));
    }
    Ok(Reader {
        bytes,
        pos: MAGIC.len(),
    })
}

fn skip_strings(r: &mut Reader<'_>) -> Result<Vec<String>, WasiError> {
    let n = r.u32("the arg count")?;
    (0..n).map(|_| r.str("an arg")).collect()
}

fn read_preopens(r: &mut Reader<'_>) -> Result<Vec<Preopen>, WasiError> {
    let n = r.u32("the preopen count")?;
    (0..n)
        .map(|_| {
            Ok(Preopen {
                guest: r.str("a preopen name")?,
                host: PathBuf::from(r.str("a preopen path")?),
                read_only: r.u8("a read-only flag")? != 0,
            })
        })
        .collect()
}

/// The four `u32` arguments of a pending call.
fn four(r: &mut Reader<'_>) -> Result<[u32; 4], WasiError> {
    let mut out = [0; 4];
    for v in &mut out {
        *v = r.u32("a pending call")?;
    }
    Ok(out)
}

/// Opens again what descriptor `fd` had open beneath `dir`.
fn reopen(
    dir: &Dir,
    fd: u32,
    path: &std::path::Path,
    is_file: bool,
    d: &Descriptor,
) -> Result<Kind, WasiError> {
    let gone = |e: std::io::Error| {
        WasiError::Restore(format!(
            "cannot reopen fd {fd} at \"{}\" beneath its preopen: {e}",
            path.display()
        ))
    };
    if !is_file {
        let sub = if path.as_os_str().is_empty() {
            dir.try_clone()
        } else {
            dir.open_dir(path)
        };
        return sub.map(Kind::Dir).map_err(gone);
    }
    let mut opts = OpenOptions::new();
    opts.read(true);
    if d.rights_base & (rights::FD_WRITE | rights::FD_ALLOCATE | rights::FD_FILESTAT_SET_SIZE) != 0
    {
        opts.write(true);
    }
    if d.flags & fdflags::APPEND != 0 {
        opts.append(true);
    }
    dir.open_with(path, &opts).map(Kind::File).map_err(gone)
}

impl WasiCtxBuilder {
    /// Restores a context saved by [`WasiCtx::snapshot`]: args, env, descriptors, clocks,
    /// randomness and pipe contents come from the snapshot; the preopens come from this
    /// builder, matched by guest name, and every saved descriptor is opened again beneath
    /// its preopen, at its saved offset. The builder's standard streams are used; when one
    /// is a pipe and was a pipe, it receives the bytes that were waiting.
    ///
    /// # Errors
    ///
    /// [`WasiError::Restore`] when the bytes are damaged, when a preopen of the snapshot has
    /// no same-named preopen here, or when a file is gone; [`WasiError::Preopen`] when a
    /// preopen cannot be opened.
    pub fn restore(self, bytes: &[u8]) -> Result<WasiCtx, WasiError> {
        let given = self.build()?;
        let mut r = header(bytes)?;
        let args = skip_strings(&mut r)?;
        let n = r.u32("the env count")?;
        let env = (0..n)
            .map(|_| Ok((r.str("an env key")?, r.str("an env value")?)))
            .collect::<Result<Vec<_>, WasiError>>()?;
        let saved = read_preopens(&mut r)?;
        let mut preopens = Vec::new();
        let mut dirs = Vec::new();
        for p in &saved {
            let here = given.preopens.iter().find(|g| g.guest == p.guest).ok_or_else(|| {
                WasiError::Restore(format!(
                    "the program had \"{}\" preopened (from {}), and no preopen of that name is given now",
                    p.guest,
                    p.host.display()
                ))
            })?;
            dirs.push(open_preopen(here)?);
            preopens.push(here.clone());
        }
        for (i, s) in given.stdio.iter().enumerate() {
            match r.u8("a stream kind")? {
                0 | 1 => {}
                2 => {
                    let bytes = r.bytes("pipe bytes")?;
                    let closed = r.u8("a closed flag")? != 0;
                    if let Stdio::Pipe(p) = s {
                        p.set_contents(bytes, closed);
                    } else if !bytes.is_empty() {
                        return Err(WasiError::Restore(format!(
                            "stream {i} was a pipe with {} bytes waiting; give a pipe to restore them",
                            bytes.len()
                        )));
                    }
                }
                _ => return Err(bad("a stream kind")),
            }
        }
        let mut fds = FdTable::default();
        let n = r.u32("the descriptor count")?;
        for _ in 0..n {
            let fd = r.u32("a descriptor number")?;
            let kind_tag = r.u8("a descriptor kind")?;
            let (stdio, offset) = match kind_tag {
                0 => (Some(r.u32("a stream number")?), 0),
                1 => (None, r.u64("an offset")?),
                2 => (None, 0),
                _ => return Err(bad("a descriptor kind")),
            };
            let mut d = Descriptor {
                kind: Kind::Stdio(stdio.unwrap_or(0)),
                rights_base: r.u64("rights")?,
                rights_inheriting: r.u64("rights")?,
                flags: r.u16("flags")?,
                origin: None,
                preopen_name: None,
            };
            if r.u8("an origin flag")? == 1 {
                let i = r.u32("a preopen index")? as usize;
                let path = PathBuf::from(r.str("a path")?);
                d.origin = Some((i, path));
            }
            if r.u8("a preopen-name flag")? == 1 {
                d.preopen_name = Some(r.str("a preopen name")?);
            }
            if stdio.is_none() {
                let (i, path) = d.origin.clone().ok_or_else(|| bad("an origin"))?;
                let dir = dirs.get(i).ok_or_else(|| bad("a preopen index"))?;
                d.kind = reopen(dir, fd, &path, kind_tag == 1, &d)?;
                if let Kind::File(f) = &d.kind {
                    rustix::fs::seek(f, rustix::fs::SeekFrom::Start(offset))
                        .map_err(|e| WasiError::Restore(format!("cannot seek fd {fd}: {e}")))?;
                }
            }
            fds.fds.insert(fd, d);
        }
        let clocks = match r.u8("a clock kind")? {
            0 => Clocks::default(),
            1 => Clocks::Deterministic(DeterministicClock {
                epoch_ns: r.u64("a clock")?,
                ns_per_gas: r.u64("a clock")?,
                elapsed_ns: r.u64("a clock")?,
                last_gas_left: r.opt_u64("a clock")?,
            }),
            _ => return Err(bad("a clock kind")),
        };
        let random = match r.u8("a generator kind")? {
            0 => Randomness::Host,
            1 => Randomness::Seeded(SeededRandom {
                state: r.u64("a generator")?,
            }),
            _ => return Err(bad("a generator kind")),
        };
        let exit_code = r.opt_u64("an exit code")?.map(|c| c as u32 as i32);
        let pending = match r.u8("a pending kind")? {
            0 => None,
            1 => {
                let [fd, iovs, iovs_len, nread] = four(&mut r)?;
                Some(Pending::Read {
                    fd,
                    iovs,
                    iovs_len,
                    nread,
                })
            }
            2 => {
                let [input, out, nsubs, nevents] = four(&mut r)?;
                Some(Pending::Poll {
                    input,
                    out,
                    nsubs,
                    nevents,
                })
            }
            _ => return Err(bad("a pending kind")),
        };
        if r.pos != bytes.len() {
            return Err(bad("the end of the snapshot"));
        }
        Ok(WasiCtx {
            args,
            env,
            stdio: given.stdio,
            preopens,
            fds,
            clocks,
            random,
            exit_code,
            pending,
        })
    }
}
