//! The instruction trace: a callback told of every Wasm operator a call executes, with its
//! function and offset.
//!
//! Tracing never touches the interpreter's hot loop. A store with a [`Tracer`] runs its calls
//! through a separate loop (`engine/executor/trace.rs`) that runs one IR instruction at a
//! time, with the same handlers, and before each asks the tracer to describe it: the IR
//! position is mapped back to the Wasm operator it was translated from
//! (`translator/offsets.rs`), whose text is decoded from the module's function body. Gas,
//! pauses, traps and results are those of an untraced run.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};

use super::operators::body_texts;
use crate::store::{FuncEntity, StoreId, StoreInner};

/// One traced step: a Wasm operator about to run.
///
/// Operators that Wasp's translation folds into the instruction that uses their value
/// (most `local.get`, constants, `nop`, `block`, `end`) run no code of their own and show
/// no step.
#[derive(Debug, Clone, Copy)]
pub struct TraceStep<'a> {
    func_index: u32,
    func_name: Option<&'a str>,
    offset: Option<usize>,
    operator: &'a str,
    depth: usize,
}

impl<'a> TraceStep<'a> {
    /// The function's index in its module's function index space.
    pub fn func_index(&self) -> u32 {
        self.func_index
    }

    /// The function's name from the module's `name` section, demangled.
    pub fn func_name(&self) -> Option<&'a str> {
        self.func_name
    }

    /// The operator's byte offset in the module binary.
    pub fn offset(&self) -> Option<usize> {
        self.offset
    }

    /// The operator in the Wasm text format, with its immediates: `i32.add`, `local.set 1`,
    /// `call 0`.
    pub fn operator(&self) -> &'a str {
        self.operator
    }

    /// How many Wasm frames the call has: 1 in the called function, 2 in a function it
    /// called, and so on.
    pub fn depth(&self) -> usize {
        self.depth
    }
}

/// `  0x35 spin: i32.add`, indented two spaces per call level below the first.
impl fmt::Display for TraceStep<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let indent = self.depth.saturating_sub(1) * 2;
        write!(f, "{:indent$}", "")?;
        match self.offset {
            Some(offset) => write!(f, "{offset:#x} ")?,
            None => f.write_str("? ")?,
        }
        match self.func_name {
            Some(name) => write!(f, "{name}: {}", self.operator),
            None => write!(f, "<wasm function {}>: {}", self.func_index, self.operator),
        }
    }
}

/// The callback a [`Tracer`] calls for each step.
type Callback = Box<dyn FnMut(&TraceStep<'_>) + Send>;

/// Receives the steps of every call its store makes; see [`Store::set_tracer`].
///
/// Clones share the callback, the step count and the function filter.
///
/// ```
/// use std::sync::{Arc, Mutex};
/// use wasp_core::{Engine, Linker, Module, Store, Tracer};
/// let engine = Engine::default();
/// let module = Module::new(&engine, r#"(module (func $add (export "add") (param i32 i32) (result i32)
///     (i32.add (local.get 0) (local.get 1))))"#)?;
/// let mut store = Store::new(&engine, ());
/// let instance = Linker::new(&engine).instantiate(&mut store, &module)?;
/// let lines = Arc::new(Mutex::new(Vec::new()));
/// let sink = lines.clone();
/// store.set_tracer(Some(Tracer::new(move |step| sink.lock().unwrap().push(step.to_string()))));
/// let add = instance.get_typed_func::<(i32, i32), i32>(&store, "add")?;
/// assert_eq!(add.call(&mut store, (2, 3))?, 5);
/// assert_eq!(lines.lock().unwrap()[0], "0x27 add: i32.add");
/// # Ok::<(), wasp_core::Error>(())
/// ```
///
/// [`Store::set_tracer`]: crate::Store::set_tracer
#[derive(Clone)]
pub struct Tracer {
    state: Arc<Mutex<TraceState>>,
}

impl fmt::Debug for Tracer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Tracer").finish_non_exhaustive()
    }
}

impl Tracer {
    /// A tracer that calls `callback` before each step.
    pub fn new(callback: impl FnMut(&TraceStep<'_>) + Send + 'static) -> Tracer {
        Tracer {
            state: Arc::new(Mutex::new(TraceState {
                callback: Box::new(callback),
                only: None,
                left: None,
                funcs: HashMap::new(),
                last: None,
            })),
        }
    }

    /// Traces only the steps of functions named `name` (in the `name` section, demangled),
    /// or of index `name` when it is a number.
    pub fn only_function(self, name: impl Into<String>) -> Tracer {
        self.lock().only = Some(name.into());
        self
    }

    /// Stops tracing after `steps` steps; the calls then run on at full speed.
    pub fn limit(self, steps: u64) -> Tracer {
        self.lock().left = Some(steps);
        self
    }

    /// The steps still to be traced under [`Tracer::limit`], `None` without a limit.
    pub fn steps_left(&self) -> Option<u64> {
        self.lock().left
    }

    pub(crate) fn lock(&self) -> std::sync::MutexGuard<'_, TraceState> {
        // A callback that panicked leaves nothing half-done here.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// What the tracer knows of a store function it has seen.
struct FuncTrace {
    index: u32,
    name: Option<String>,
    traced: bool,
    /// Operator texts by module offset.
    texts: HashMap<u32, String>,
}

/// The state behind a [`Tracer`].
pub(crate) struct TraceState {
    callback: Callback,
    only: Option<String>,
    left: Option<u64>,
    funcs: HashMap<(StoreId, u32), FuncTrace>,
    /// The function, frame depth and operator of the last step.
    last: Option<(u32, usize, usize)>,
}

impl TraceState {
    /// Whether the step limit is spent.
    pub(crate) fn done(&self) -> bool {
        self.left == Some(0)
    }

    /// Called before the instruction at `pc` of store function `func` runs, with `depth`
    /// frames on the stack: reports it if it starts a Wasm operator (or continues one
    /// reached by a jump, a call or a return).
    pub(crate) fn before(&mut self, store: &StoreInner, func: u32, pc: u32, depth: usize) {
        let Some(FuncEntity::Wasm { body, .. }) = store.funcs.get(func as usize) else {
            return;
        };
        let Some((entry, start, offset)) = body.offsets.entry(pc) else {
            return;
        };
        let here = (func, depth, entry);
        if pc != start && self.last == Some(here) {
            return;
        }
        self.last = Some(here);
        let only = self.only.as_deref();
        let info = self
            .funcs
            .entry((store.id, func))
            .or_insert_with(|| describe(store, func, only));
        if !info.traced {
            return;
        }
        let step = TraceStep {
            func_index: info.index,
            func_name: info.name.as_deref(),
            offset: Some(offset as usize),
            operator: info.texts.get(&offset).map_or("?", String::as_str),
            depth,
        };
        (self.callback)(&step);
        if let Some(left) = &mut self.left {
            *left -= 1;
        }
    }
}

/// What the tracer needs of store function `func`; `only` is the function filter.
fn describe(store: &StoreInner, func: u32, only: Option<&str>) -> FuncTrace {
    let found = match store.funcs.get(func as usize) {
        Some(FuncEntity::Wasm { instance, .. }) => store.instances.get(*instance as usize),
        _ => None,
    };
    let Some(instance) = found else {
        return FuncTrace {
            index: func,
            name: None,
            traced: false,
            texts: HashMap::new(),
        };
    };
    let module = &instance.module.inner;
    let index = instance.funcs.iter().position(|&a| a == func).unwrap_or(0) as u32;
    let name = module.debug.names.func(index);
    let traced = only.is_none_or(|only| name.as_deref() == Some(only) || only == index.to_string());
    let texts = match (index as usize).checked_sub(module.num_imported_funcs) {
        Some(defined) if traced => module
            .code
            .body(defined)
            .map(|body| body_texts(body.as_bytes(), body.range().start))
            .unwrap_or_default(),
        _ => HashMap::new(),
    };
    FuncTrace {
        index,
        name,
        traced,
        texts,
    }
}
