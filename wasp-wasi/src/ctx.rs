//! `WasiCtx`, what a WASI guest may reach, and its builder.

use std::path::{Path, PathBuf};

use cap_std::ambient_authority;

use crate::clock::{Clocks, DeterministicClock};
use crate::fd_table::{Descriptor, FdTable, Kind};
use crate::random::{Randomness, SeededRandom};
use crate::stdio::Stdio;
use crate::types::rights;

/// A directory the guest may reach, under its guest name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preopen {
    /// The name the guest sees (`/`, `.`, `data`, ...).
    pub guest: String,
    /// Where it is on the host.
    pub host: PathBuf,
    /// Whether the guest may only read beneath it.
    pub read_only: bool,
}

/// Why a [`WasiCtx`] could not be built or restored.
#[derive(Debug, thiserror::Error)]
pub enum WasiError {
    /// A preopened directory could not be opened.
    #[error("cannot preopen {host} as \"{guest}\": expected a directory, found {source}")]
    Preopen {
        /// The host path.
        host: String,
        /// The guest name.
        guest: String,
        /// The host's error.
        source: std::io::Error,
    },
    /// A snapshot of the context could not be restored.
    #[error("cannot restore the WASI context: {0}")]
    Restore(String),
}

/// The state of a WASI guest: its arguments, environment, standard streams, preopened
/// directories and open descriptors, clocks and randomness, and its exit code once it
/// called `proc_exit`. Build it with [`WasiCtxBuilder`]; put it in the store's data (see
/// [`WasiView`](crate::WasiView)).
#[derive(Debug)]
pub struct WasiCtx {
    pub(crate) args: Vec<String>,
    pub(crate) env: Vec<(String, String)>,
    pub(crate) stdio: [Stdio; 3],
    pub(crate) preopens: Vec<Preopen>,
    pub(crate) fds: FdTable,
    pub(crate) clocks: Clocks,
    pub(crate) random: Randomness,
    pub(crate) exit_code: Option<i32>,
    pub(crate) pending: Option<crate::pause::Pending>,
}

impl WasiCtx {
    /// A builder with no args, no env, null stdio and nothing preopened.
    pub fn builder() -> WasiCtxBuilder {
        WasiCtxBuilder::new()
    }

    /// The code the guest passed to `proc_exit`, once it did.
    pub fn exit_code(&self) -> Option<i32> {
        self.exit_code
    }

    /// The arguments (argv, the program name first).
    pub fn args(&self) -> &[String] {
        &self.args
    }

    /// The environment variables.
    pub fn env(&self) -> &[(String, String)] {
        &self.env
    }

    /// The preopened directories.
    pub fn preopens(&self) -> &[Preopen] {
        &self.preopens
    }

    /// Standard input, output or error (`fd` 0, 1, 2).
    pub fn stdio(&self, fd: usize) -> Option<&Stdio> {
        self.stdio.get(fd)
    }
}

/// Builds a [`WasiCtx`], in the style of wasmtime's `WasiCtxBuilder`: nothing of the host
/// is reachable unless granted here.
///
/// ```
/// use wasp_wasi::{Pipe, Stdio, WasiCtxBuilder};
/// let out = Pipe::new();
/// let wasi = WasiCtxBuilder::new()
///     .args(["bot", "--level", "3"])
///     .env("MODE", "ranked")
///     .stdout(Stdio::Pipe(out.clone()))
///     .deterministic(42)
///     .build()?;
/// assert_eq!(wasi.args(), ["bot", "--level", "3"]);
/// # Ok::<(), wasp_wasi::WasiError>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct WasiCtxBuilder {
    args: Vec<String>,
    env: Vec<(String, String)>,
    stdio: [Stdio; 3],
    preopens: Vec<Preopen>,
    clocks: Option<Clocks>,
    random: Randomness,
}

impl WasiCtxBuilder {
    /// No args, no env, null stdio, nothing preopened, the host's clocks and randomness.
    pub fn new() -> WasiCtxBuilder {
        WasiCtxBuilder::default()
    }

    /// Appends one argument (the first is the program's name, argv[0]).
    pub fn arg(mut self, arg: impl Into<String>) -> Self {
        self.args.push(arg.into());
        self
    }

    /// Appends arguments.
    pub fn args<S: Into<String>>(mut self, args: impl IntoIterator<Item = S>) -> Self {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    /// Sets an environment variable.
    pub fn env(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.env.push((key.into(), value.into()));
        self
    }

    /// Adds every environment variable of the host process (nothing is inherited unless
    /// this is called).
    pub fn inherit_env(mut self) -> Self {
        self.env.extend(std::env::vars());
        self
    }

    /// Sets standard input.
    pub fn stdin(mut self, stdio: Stdio) -> Self {
        self.stdio[0] = stdio;
        self
    }

    /// Sets standard output.
    pub fn stdout(mut self, stdio: Stdio) -> Self {
        self.stdio[1] = stdio;
        self
    }

    /// Sets standard error.
    pub fn stderr(mut self, stdio: Stdio) -> Self {
        self.stdio[2] = stdio;
        self
    }

    /// The host's standard input, output and error.
    pub fn inherit_stdio(self) -> Self {
        self.stdin(Stdio::Inherit)
            .stdout(Stdio::Inherit)
            .stderr(Stdio::Inherit)
    }

    /// Lets the guest reach `host` (and only what lies beneath it) under the name `guest`.
    pub fn preopened_dir(mut self, host: impl AsRef<Path>, guest: impl Into<String>) -> Self {
        self.preopens.push(Preopen {
            guest: guest.into(),
            host: host.as_ref().to_path_buf(),
            read_only: false,
        });
        self
    }

    /// As [`preopened_dir`](Self::preopened_dir), but the guest may only read: opening for
    /// writing, creating, renaming, linking and removing are refused (`notcapable`).
    pub fn preopened_dir_read_only(
        mut self,
        host: impl AsRef<Path>,
        guest: impl Into<String>,
    ) -> Self {
        self.preopens.push(Preopen {
            guest: guest.into(),
            host: host.as_ref().to_path_buf(),
            read_only: true,
        });
        self
    }

    /// Clocks and randomness that replay bit for bit: a SplitMix64 generator seeded with
    /// `seed`, and clocks starting at 2000-01-01 advancing by 1 ns per unit of gas (see
    /// [`Clocks::Deterministic`]).
    pub fn deterministic(mut self, seed: u64) -> Self {
        const Y2K_NS: u64 = 946_684_800 * 1_000_000_000;
        self.clocks = Some(Clocks::Deterministic(DeterministicClock::new(Y2K_NS, 1)));
        self.random = Randomness::Seeded(SeededRandom::new(seed));
        self
    }

    /// Sets the clocks.
    pub fn clocks(mut self, clocks: Clocks) -> Self {
        self.clocks = Some(clocks);
        self
    }

    /// Sets the randomness.
    pub fn randomness(mut self, random: Randomness) -> Self {
        self.random = random;
        self
    }

    /// Opens the preopened directories and makes the context: descriptors 0, 1, 2 are the
    /// standard streams, the preopens follow from 3 in the order given.
    ///
    /// # Errors
    ///
    /// [`WasiError::Preopen`] when a preopened directory cannot be opened.
    pub fn build(self) -> Result<WasiCtx, WasiError> {
        let mut fds = FdTable::default();
        for i in 0..3 {
            fds.fds.insert(
                i,
                Descriptor {
                    kind: Kind::Stdio(i),
                    rights_base: rights::STDIO,
                    rights_inheriting: 0,
                    flags: 0,
                    origin: None,
                    preopen_name: None,
                },
            );
        }
        for (index, p) in self.preopens.iter().enumerate() {
            let dir = open_preopen(p)?;
            let (base, inheriting) = preopen_rights(p.read_only);
            let d = Descriptor {
                kind: Kind::Dir(dir),
                rights_base: base,
                rights_inheriting: inheriting,
                flags: 0,
                origin: Some((index, PathBuf::new())),
                preopen_name: Some(p.guest.clone()),
            };
            fds.fds.insert(3 + index as u32, d);
        }
        Ok(WasiCtx {
            args: self.args,
            env: self.env,
            stdio: self.stdio,
            preopens: self.preopens,
            fds,
            clocks: self.clocks.unwrap_or_default(),
            random: self.random,
            exit_code: None,
            pending: None,
        })
    }
}

/// Opens a preopen's host directory.
pub(crate) fn open_preopen(p: &Preopen) -> Result<cap_std::fs::Dir, WasiError> {
    cap_std::fs::Dir::open_ambient_dir(&p.host, ambient_authority()).map_err(|source| {
        WasiError::Preopen {
            host: p.host.display().to_string(),
            guest: p.guest.clone(),
            source,
        }
    })
}

/// The rights of a preopen and of what is opened beneath it.
pub(crate) fn preopen_rights(read_only: bool) -> (u64, u64) {
    let mask = if read_only {
        !rights::MUTATING
    } else {
        u64::MAX
    };
    (
        rights::DIRECTORY & mask,
        (rights::DIRECTORY | rights::FILE) & mask,
    )
}
