//! A plugin host: every `.wat` or `.wasm` file of a directory is a plugin, each in its own
//! store with memory and call-depth limits, a gas budget and a deadline per call, run tick
//! by tick on a thread pool.
//!
//! A plugin exports `tick(n: i32) -> i32` and may import the plugin API below
//! (module `host`): `input(ptr, cap) -> len` writes the host's message for this tick into
//! the plugin's memory, `log(ptr, len)` logs a string from it, `emit(value: i64)` reports a
//! number. The API is written with `#[host]` and checked by `imports!` against
//! `plugins/greeter.wat` while compiling.
//!
//! What a plugin does wrong stays with it: a trap (its own, or a refused host access)
//! disables that plugin until its file changes; a call stopped by its deadline or gas
//! budget pauses and resumes on the next tick, and a plugin still not done after
//! [`HostConfig::max_running_ticks`] ticks is disabled. The other plugins keep working. A
//! plugin file that changes is reloaded before the next tick, without restarting the host.
//!
//! ```no_run
//! use wasp_examples::plugin_host::{HostConfig, PluginHost};
//! let mut host = PluginHost::new("examples/plugins", HostConfig::default())?;
//! for _ in 0..5 {
//!     for report in host.tick()? {
//!         println!("{report}");
//!     }
//! }
//! # Ok::<(), wasp_core::Error>(())
//! ```

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use rayon::prelude::*;
use wasp_core::{
    host, imports, CallOutcome, Config, Continuation, Ctx, Engine, Error, Func, HostError,
    InstancePre, Linker, Module, Store, StoreLimits, Val,
};

/// What the host gives each plugin.
#[derive(Debug, Clone)]
pub struct HostConfig {
    /// Gas for each call (and each resumption).
    pub gas_per_call: u64,
    /// Wall-clock time for each call (and each resumption).
    pub deadline: Duration,
    /// Memory a plugin may have, in bytes.
    pub memory_bytes: u64,
    /// Wasm call depth a plugin may reach.
    pub call_depth: usize,
    /// Ticks a call may stay paused before the host gives up on the plugin.
    pub max_running_ticks: u32,
    /// Threads that run plugin calls.
    pub threads: usize,
}

impl Default for HostConfig {
    fn default() -> HostConfig {
        HostConfig {
            gas_per_call: 20_000_000,
            deadline: Duration::from_millis(20),
            memory_bytes: 4 << 20,
            call_depth: 10_000,
            max_running_ticks: 8,
            threads: 2,
        }
    }
}

/// A plugin's store data: what the host API reads and writes.
#[derive(Debug, Default)]
pub struct PluginState {
    /// The message `input` hands over on this tick.
    pub message: String,
    /// Lines logged during the current tick.
    pub logs: Vec<String>,
    /// Numbers emitted during the current tick.
    pub emitted: Vec<i64>,
}

/// `input(ptr, cap) -> len`: writes this tick's message (at most `cap` bytes) at `ptr`.
#[host]
fn input(ctx: &mut Ctx<PluginState>, ptr: u32, cap: u32) -> Result<u32, HostError> {
    let message = ctx.data().message.clone();
    let bytes = &message.as_bytes()[..message.len().min(cap as usize)];
    ctx.write_bytes(ptr, bytes)?;
    Ok(bytes.len() as u32)
}

/// `log(ptr, len)`: logs the UTF-8 string at `ptr`.
#[host]
fn log(ctx: &mut Ctx<PluginState>, ptr: u32, len: u32) -> Result<(), HostError> {
    let line = ctx.read_str(ptr, len)?.to_string();
    ctx.data_mut().logs.push(line);
    Ok(())
}

/// `emit(value)`: reports a number.
#[host]
fn emit(ctx: &mut Ctx<PluginState>, value: i64) {
    ctx.data_mut().emitted.push(value);
}

/// The linker every plugin is instantiated with: the plugin API.
pub fn plugin_linker(engine: &Engine) -> Result<Linker<PluginState>, Error> {
    let mut linker = Linker::new(engine);
    linker.define_imports(imports! {
        check = "plugins/greeter.wat",
        "host" => { "input" => input, "log" => log, "emit" => emit },
    })?;
    Ok(linker)
}

/// What happened to one plugin on one tick.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// The call returned `status`.
    Finished {
        /// What `tick` returned.
        status: i32,
    },
    /// The call was paused (`why`: its deadline or its gas) and resumes on the next tick.
    Paused {
        /// `"deadline"` or `"gas"`.
        why: &'static str,
        /// Ticks the call has been running.
        ticks: u32,
    },
    /// The plugin trapped or misused the API: disabled until its file changes.
    Trapped(String),
    /// The plugin ran too long: disabled until its file changes.
    GaveUp(String),
    /// A disabled plugin, not run.
    Disabled,
    /// The plugin's file could not be loaded.
    LoadFailed(String),
}

/// One plugin's report for a tick.
#[derive(Debug, Clone)]
pub struct Report {
    /// The plugin's file name without extension.
    pub plugin: String,
    /// What happened.
    pub event: Event,
    /// Whether the plugin was (re)loaded before this tick.
    pub loaded: bool,
    /// Lines it logged.
    pub logs: Vec<String>,
    /// Numbers it emitted.
    pub emitted: Vec<i64>,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let loaded = if self.loaded { " [loaded]" } else { "" };
        write!(f, "{:<18}{loaded} ", self.plugin)?;
        match &self.event {
            Event::Finished { status } => write!(f, "finished ({status})")?,
            Event::Paused { why, ticks } => write!(
                f,
                "paused by its {why} after {ticks} tick(s), resumes next tick"
            )?,
            Event::Trapped(e) => write!(f, "TRAPPED, disabled: {e}")?,
            Event::GaveUp(e) => write!(f, "GAVE UP, disabled: {e}")?,
            Event::Disabled => write!(f, "disabled")?,
            Event::LoadFailed(e) => write!(f, "LOAD FAILED: {e}")?,
        }
        for v in &self.emitted {
            write!(f, " emit={v}")?;
        }
        for line in &self.logs {
            write!(f, " log={line:?}")?;
        }
        Ok(())
    }
}

/// Where a plugin's `tick` stands.
enum Phase {
    Idle,
    Paused(Continuation, u32),
    Disabled,
}

/// One loaded plugin.
struct Plugin {
    name: String,
    path: PathBuf,
    modified: Option<SystemTime>,
    store: Store<PluginState>,
    tick: Func,
    phase: Phase,
    loaded: bool,
}

/// A plugin that could not be loaded, remembered so that it is retried when it changes.
struct Broken {
    name: String,
    path: PathBuf,
    modified: Option<SystemTime>,
    error: String,
    reported: bool,
}

/// The host: its plugins, their engine and the thread pool that runs them.
pub struct PluginHost {
    engine: Engine,
    linker: Linker<PluginState>,
    dir: PathBuf,
    config: HostConfig,
    plugins: Vec<Plugin>,
    broken: Vec<Broken>,
    pool: rayon::ThreadPool,
    ticks: i32,
}

impl PluginHost {
    /// A host for the plugins in `dir`, loaded on the first tick.
    ///
    /// # Errors
    ///
    /// Fails if the thread pool cannot start.
    pub fn new(dir: impl AsRef<Path>, config: HostConfig) -> Result<PluginHost, Error> {
        let mut engine_config = Config::default();
        engine_config.gas_metering(true);
        let engine = Engine::new(&engine_config);
        let linker = plugin_linker(&engine)?;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(config.threads.max(1))
            .build()
            .map_err(|e| Error::Trap(wasp_core::Trap::host(format!("thread pool: {e}"))))?;
        Ok(PluginHost {
            engine,
            linker,
            dir: dir.as_ref().to_path_buf(),
            config,
            plugins: Vec::new(),
            broken: Vec::new(),
            pool,
            ticks: 0,
        })
    }

    /// The names of the plugins loaded now.
    pub fn plugins(&self) -> Vec<String> {
        self.plugins.iter().map(|p| p.name.clone()).collect()
    }

    /// Picks up new, changed and removed plugin files, then calls (or resumes) every
    /// plugin once, on the pool; returns one report per plugin, sorted by name.
    ///
    /// # Errors
    ///
    /// Fails if the plugin directory cannot be read.
    pub fn tick(&mut self) -> Result<Vec<Report>, Error> {
        self.reload()?;
        self.ticks += 1;
        let (tick, config) = (self.ticks, &self.config);
        let plugins = &mut self.plugins;
        let mut reports: Vec<Report> = self.pool.install(|| {
            plugins
                .par_iter_mut()
                .map(|p| p.step(tick, config))
                .collect()
        });
        for b in self.broken.iter_mut().filter(|b| !b.reported) {
            b.reported = true;
            reports.push(Report {
                plugin: b.name.clone(),
                event: Event::LoadFailed(b.error.clone()),
                loaded: false,
                logs: Vec::new(),
                emitted: Vec::new(),
            });
        }
        reports.sort_by(|a, b| a.plugin.cmp(&b.plugin));
        Ok(reports)
    }

    /// Loads plugin files that are new or changed since they were loaded, drops plugins
    /// whose file is gone.
    fn reload(&mut self) -> Result<(), Error> {
        let files = plugin_files(&self.dir)?;
        self.plugins
            .retain(|p| files.iter().any(|(path, _)| *path == p.path));
        self.broken
            .retain(|b| files.iter().any(|(path, _)| *path == b.path));
        for (path, modified) in files {
            let known = self
                .plugins
                .iter()
                .any(|p| p.path == path && p.modified == modified)
                || self
                    .broken
                    .iter()
                    .any(|b| b.path == path && b.modified == modified);
            if known {
                continue;
            }
            self.plugins.retain(|p| p.path != path);
            self.broken.retain(|b| b.path != path);
            match self.load(&path, modified) {
                Ok(plugin) => self.plugins.push(plugin),
                Err(error) => self.broken.push(Broken {
                    name: plugin_name(&path),
                    path,
                    modified,
                    error: error.to_string(),
                    reported: false,
                }),
            }
        }
        Ok(())
    }

    fn load(&self, path: &Path, modified: Option<SystemTime>) -> Result<Plugin, Error> {
        let bytes = std::fs::read(path)
            .map_err(|e| Error::Trap(wasp_core::Trap::host(format!("{}: {e}", path.display()))))?;
        let module = Module::new(&self.engine, &bytes)?;
        let pre = self.linker.instantiate_pre(&module)?;
        let (store, tick) = instantiate(&self.engine, &pre, &self.config)?;
        Ok(Plugin {
            name: plugin_name(path),
            path: path.to_path_buf(),
            modified,
            store,
            tick,
            phase: Phase::Idle,
            loaded: true,
        })
    }
}

/// A new store for a plugin, with the host's limits and deadline, and its `tick` export.
pub fn instantiate(
    engine: &Engine,
    pre: &InstancePre<PluginState>,
    config: &HostConfig,
) -> Result<(Store<PluginState>, Func), Error> {
    let mut store = Store::new(engine, PluginState::default());
    store.set_limits(
        StoreLimits::default()
            .memory_bytes(config.memory_bytes)
            .call_depth(config.call_depth)
            .instances(1),
    );
    store.set_deadline(Some(config.deadline))?;
    let instance = pre.instantiate(&mut store)?;
    let tick = instance.get_typed_func::<i32, i32>(&store, "tick")?.func();
    Ok((store, tick))
}

impl Plugin {
    /// Runs (or resumes) this plugin's `tick` once.
    fn step(&mut self, tick: i32, config: &HostConfig) -> Report {
        let loaded = std::mem::take(&mut self.loaded);
        let event = self.run(tick, config);
        let data = self.store.data_mut();
        Report {
            plugin: self.name.clone(),
            event,
            loaded,
            logs: std::mem::take(&mut data.logs),
            emitted: std::mem::take(&mut data.emitted),
        }
    }

    fn run(&mut self, tick: i32, config: &HostConfig) -> Event {
        if let Err(e) = self.store.set_gas(config.gas_per_call) {
            return Event::Trapped(e.to_string());
        }
        self.store.data_mut().message = format!("tick {tick}");
        let (outcome, ticks) = match std::mem::replace(&mut self.phase, Phase::Disabled) {
            Phase::Disabled => return Event::Disabled,
            Phase::Idle => (
                self.tick.call_resumable(&mut self.store, &[Val::I32(tick)]),
                1,
            ),
            Phase::Paused(paused, ticks) => (paused.resume(&mut self.store, &[]), ticks + 1),
        };
        let (paused, why) = match outcome {
            Ok(CallOutcome::Finished { results, .. }) => {
                self.phase = Phase::Idle;
                let status = results.first().and_then(Val::i32).unwrap_or(0);
                return Event::Finished { status };
            }
            Ok(CallOutcome::Interrupted(c)) => (c, "deadline"),
            Ok(CallOutcome::OutOfGas(c)) => (c, "gas"),
            Ok(CallOutcome::Yielded(_)) => {
                return Event::Trapped("yielded, which the plugin API never asks for".into())
            }
            Err(e) => return Event::Trapped(e.to_string()),
        };
        if ticks >= config.max_running_ticks {
            return Event::GaveUp(format!("still running after {ticks} ticks"));
        }
        self.phase = Phase::Paused(paused, ticks);
        Event::Paused { why, ticks }
    }
}

/// The plugin files of `dir` (`.wat` and `.wasm`) with their modification times, by name.
fn plugin_files(dir: &Path) -> Result<Vec<(PathBuf, Option<SystemTime>)>, Error> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Error::Trap(wasp_core::Trap::host(format!("{}: {e}", dir.display()))))?;
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("wat" | "wasm")))
        .map(|p| {
            let modified = std::fs::metadata(&p).and_then(|m| m.modified()).ok();
            (p, modified)
        })
        .collect();
    files.sort();
    Ok(files)
}

fn plugin_name(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Calls per second of `tick` on `instances` plugins (each in its own store, with the host's
/// limits, gas and deadline) made from the module `wat`, on `threads` threads, over about
/// `duration`.
///
/// # Errors
///
/// Fails if the module does not load or a call fails.
pub fn calls_per_second(
    wat: &str,
    instances: usize,
    threads: usize,
    duration: Duration,
) -> Result<f64, Error> {
    let mut engine_config = Config::default();
    engine_config.gas_metering(true);
    let engine = Engine::new(&engine_config);
    let pre = plugin_linker(&engine)?.instantiate_pre(&Module::new(&engine, wat)?)?;
    let config = HostConfig::default();
    let mut plugins = (0..instances)
        .map(|_| instantiate(&engine, &pre, &config))
        .collect::<Result<Vec<_>, Error>>()?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| Error::Trap(wasp_core::Trap::host(format!("thread pool: {e}"))))?;
    let started = std::time::Instant::now();
    let mut calls = 0u64;
    let mut tick = 0;
    while started.elapsed() < duration {
        tick += 1;
        pool.install(|| {
            plugins.par_iter_mut().try_for_each(|(store, func)| {
                store.set_gas(config.gas_per_call)?;
                store.data_mut().message = "bench".to_string();
                let outcome = func.call_resumable(&mut *store, &[Val::I32(tick)])?;
                store.data_mut().logs.clear();
                store.data_mut().emitted.clear();
                match outcome {
                    CallOutcome::Finished { .. } => Ok(()),
                    _ => Err(Error::Trap(wasp_core::Trap::host(
                        "a benchmark call paused",
                    ))),
                }
            })
        })?;
        calls += instances as u64;
    }
    Ok(calls as f64 / started.elapsed().as_secs_f64())
}
