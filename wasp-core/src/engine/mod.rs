//! The engine: configuration, the shared registry of function types, translation of function
//! bodies into Wasp's IR and the interpreter that runs it.

mod compilation_mode;
pub(crate) mod costs;
pub(crate) mod executor;
pub(crate) mod ir;
pub(crate) mod isa;
pub(crate) mod numeric;
pub(crate) mod timer;
pub(crate) mod translator;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

pub use compilation_mode::CompilationMode;
pub use costs::GasCosts;

use crate::types::FuncType;

/// Settings shared by every module and store of an [`Engine`].
///
/// ```
/// use wasp_core::{Config, Engine};
/// let mut config = Config::default();
/// config.max_call_depth(10_000);
/// let engine = Engine::new(&config);
/// # let _ = engine;
/// ```
#[derive(Debug, Clone)]
pub struct Config {
    pub(crate) max_nested_calls: usize,
    pub(crate) max_call_depth: usize,
    pub(crate) max_stack_slots: usize,
    pub(crate) gas: Option<GasCosts>,
    pub(crate) multi_memory: bool,
    pub(crate) memory64: bool,
    pub(crate) function_references: bool,
    pub(crate) compilation_mode: CompilationMode,
    pub(crate) parallel_compilation: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            max_nested_calls: 64,
            max_call_depth: 2_000_000,
            max_stack_slots: 64 * 1024 * 1024,
            gas: None,
            multi_memory: true,
            memory64: true,
            function_references: false,
            compilation_mode: CompilationMode::Lazy,
            parallel_compilation: true,
        }
    }
}

impl Config {
    /// The deepest a call stack of Wasm frames may grow before the call traps with
    /// `call stack exhausted`. Default: 2,000,000 frames. Frames live on the heap, never on
    /// the native stack.
    pub fn max_call_depth(&mut self, frames: usize) -> &mut Config {
        self.max_call_depth = frames;
        self
    }

    /// How deeply calls may nest through host functions (a host function calling back into
    /// Wasm, which calls a host function that calls back, ...) before the innermost call traps
    /// with `call stack exhausted`. Each such level uses some native stack. Default: 64.
    pub fn max_nested_calls(&mut self, levels: usize) -> &mut Config {
        self.max_nested_calls = levels;
        self
    }

    /// The most 64-bit value slots (locals and operands of all frames) one call may use before
    /// it traps with `call stack exhausted`. Default: 64 Mi slots (512 MiB), allocated only as
    /// needed.
    pub fn max_stack_slots(&mut self, slots: usize) -> &mut Config {
        self.max_stack_slots = slots;
        self
    }

    /// Turns gas metering on or off (default: off). With metering on, every call pays for
    /// the instructions it runs from the store's gas (see [`GasCosts`] for the rule and the
    /// default prices); a plain call that runs out traps with `all gas consumed`, a resumable
    /// call pauses. Modules are translated for the setting of their engine.
    pub fn gas_metering(&mut self, on: bool) -> &mut Config {
        match (on, self.gas) {
            (true, None) => self.gas = Some(GasCosts::default()),
            (false, _) => self.gas = None,
            (true, Some(_)) => {}
        }
        self
    }

    /// Sets the price list of gas metering and turns metering on.
    pub fn gas_costs(&mut self, costs: GasCosts) -> &mut Config {
        self.gas = Some(costs);
        self
    }

    /// The price list when gas metering is on.
    pub fn gas(&self) -> Option<&GasCosts> {
        self.gas.as_ref()
    }

    /// Whether modules may have more than one memory (the multi-memory proposal of Wasm 3.0;
    /// default: on). Off, a module with a second memory is invalid, as in Wasm 2.0.
    pub fn wasm_multi_memory(&mut self, on: bool) -> &mut Config {
        self.multi_memory = on;
        self
    }

    /// Whether modules may declare 64-bit memories (the memory64 proposal of Wasm 3.0:
    /// `(memory i64 ..)`, whose addresses, offsets and sizes are `i64`; default: on, as in
    /// wasmi, since the proposal is part of Wasm 3.0). Off, a 64-bit memory is invalid, as in
    /// Wasm 2.0. 32-bit memories run the same either way.
    pub fn wasm_memory64(&mut self, on: bool) -> &mut Config {
        self.memory64 = on;
        self
    }

    /// When function bodies are translated: on their first call ([`CompilationMode::Lazy`],
    /// the default, for fast startup) or all by `Module::new` ([`CompilationMode::Eager`]).
    /// `Module::new` validates every body either way; see [`CompilationMode`].
    pub fn compilation_mode(&mut self, mode: CompilationMode) -> &mut Config {
        self.compilation_mode = mode;
        self
    }

    /// The compilation mode set by [`Config::compilation_mode`].
    pub fn get_compilation_mode(&self) -> CompilationMode {
        self.compilation_mode
    }

    /// Whether `Module::new` may check the function bodies of a large module (256 KiB of
    /// code or more) on several threads: each body validated, and translated too in
    /// [`CompilationMode::Eager`]. Default: on. Helper threads are at most one per core and
    /// per 128 KiB of code; `Module::new` never waits for one (it checks again itself what
    /// a helper has not finished), and a helper may finish the bodies it holds after
    /// `Module::new` has returned. Modules, their code and their errors are the same either
    /// way (an invalid module fails with the error of its first invalid body); off,
    /// `Module::new` never starts a thread.
    pub fn parallel_compilation(&mut self, on: bool) -> &mut Config {
        self.parallel_compilation = on;
        self
    }

    /// Whether modules may use typed function references (the function references proposal
    /// of Wasm 3.0: `call_ref`, `return_call_ref`, `ref.as_non_null`, `br_on_null`,
    /// `br_on_non_null`, non-nullable and concrete reference types). Default: off, as in
    /// wasmtime (wasmi does not have them). Off, such modules are invalid, as in Wasm 2.0.
    pub fn wasm_function_references(&mut self, on: bool) -> &mut Config {
        self.function_references = on;
        self
    }
}

/// The shared, immutable context of modules and stores. Cheap to clone; `Send + Sync`.
#[derive(Debug, Clone)]
pub struct Engine {
    inner: Arc<EngineInner>,
}

#[derive(Debug)]
struct EngineInner {
    config: Config,
    types: Mutex<TypeRegistry>,
    /// The deadline timer, started by the first store that sets a deadline.
    timer: OnceLock<Option<timer::Timer>>,
}

impl Default for Engine {
    fn default() -> Engine {
        Engine::new(&Config::default())
    }
}

impl Engine {
    /// Creates an engine with the given configuration.
    pub fn new(config: &Config) -> Engine {
        Engine {
            inner: Arc::new(EngineInner {
                config: config.clone(),
                types: Mutex::new(TypeRegistry::default()),
                timer: OnceLock::new(),
            }),
        }
    }

    /// The configuration this engine was created with.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Whether two handles refer to the same engine.
    pub fn same(a: &Engine, b: &Engine) -> bool {
        Arc::ptr_eq(&a.inner, &b.inner)
    }

    /// The engine's deadline timer, started on first use; `None` if no thread could start.
    pub(crate) fn timer(&self) -> Option<&timer::Timer> {
        self.inner.timer.get_or_init(timer::Timer::start).as_ref()
    }

    /// Interns a function type and returns its engine-wide id: equal types get equal ids, so
    /// `call_indirect` compares types with one integer comparison.
    pub(crate) fn intern_type(&self, ty: &FuncType) -> u32 {
        let mut types = self
            .inner
            .types
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        types.intern(ty)
    }

    /// The function type behind an id returned by [`Engine::intern_type`].
    pub(crate) fn resolve_type(&self, id: u32) -> FuncType {
        let types = self
            .inner
            .types
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        // Ids are only produced by `intern_type` of this engine and entries are never removed.
        types.list[id as usize].clone()
    }
}

#[derive(Debug, Default)]
struct TypeRegistry {
    ids: HashMap<FuncType, u32>,
    list: Vec<FuncType>,
}

impl TypeRegistry {
    fn intern(&mut self, ty: &FuncType) -> u32 {
        if let Some(&id) = self.ids.get(ty) {
            return id;
        }
        let id = self.list.len() as u32;
        self.list.push(ty.clone());
        self.ids.insert(ty.clone(), id);
        id
    }
}
