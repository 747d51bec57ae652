//! Backtraces: the Wasm frames of a trapped call, innermost first, each with its function,
//! the Wasm offset it was at and, with debug info, its source position.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use crate::engine::executor::Frame;
use crate::engine::translator::CompiledFunc;
use crate::module::ModuleInner;
use crate::store::{FuncEntity, StoreInner};

/// One frame of a [`WasmBacktrace`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameInfo {
    pub(crate) func_index: u32,
    pub(crate) func_name: Option<Arc<str>>,
    pub(crate) module_offset: Option<usize>,
    pub(crate) source: Option<SourceLocation>,
}

impl FrameInfo {
    /// The function's index in its module's function index space.
    pub fn func_index(&self) -> u32 {
        self.func_index
    }

    /// The function's name from the module's `name` section, Rust and C++ names demangled.
    pub fn func_name(&self) -> Option<&str> {
        self.func_name.as_deref()
    }

    /// The byte offset in the module binary of the operator the frame was at: the trapping
    /// operator for the innermost frame, the call for the others.
    pub fn module_offset(&self) -> Option<usize> {
        self.module_offset
    }

    /// The source position, when the module carries DWARF debug info for this code.
    pub fn source(&self) -> Option<&SourceLocation> {
        self.source.as_ref()
    }
}

/// A position in a source file, from DWARF debug info.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceLocation {
    /// The file, as the compiler recorded it.
    pub file: String,
    /// The line, counting from 1.
    pub line: Option<u32>,
    /// The column, counting from 1.
    pub column: Option<u32>,
}

impl fmt::Display for SourceLocation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        Ok(())
    }
}

/// The Wasm frames of a trapped call, innermost first.
///
/// A stack deeper than [`Self::KEPT_INNER`] + [`Self::KEPT_OUTER`] frames (a runaway
/// recursion can be a million frames deep) keeps its innermost and outermost frames and
/// counts the others ([`WasmBacktrace::omitted`]), so that a trap costs the same bounded
/// time and memory however deep the guest went.
///
/// Its `Display` prints the frames in the style of `wasmtime run`:
///
/// ```text
/// wasm backtrace:
///     0:     0x2c - div
///     1:     0x36 - compute
///                     at src/lib.rs:7:5
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WasmBacktrace {
    pub(crate) frames: Vec<FrameInfo>,
    /// Frames left out after the first `KEPT_INNER` of `frames`.
    pub(crate) omitted: usize,
}

impl WasmBacktrace {
    /// How many of the innermost frames a backtrace keeps when the stack is deeper than
    /// `KEPT_INNER + KEPT_OUTER` frames.
    pub const KEPT_INNER: usize = 100;

    /// How many of the outermost frames a backtrace keeps when the stack is deeper than
    /// `KEPT_INNER + KEPT_OUTER` frames.
    pub const KEPT_OUTER: usize = 20;

    /// The frames kept, innermost first: all of them, or, when [`WasmBacktrace::omitted`]
    /// is not zero, the innermost [`Self::KEPT_INNER`] followed by the outermost
    /// [`Self::KEPT_OUTER`].
    pub fn frames(&self) -> &[FrameInfo] {
        &self.frames
    }

    /// How many frames were left out between the innermost and the outermost ones kept.
    ///
    /// ```
    /// # use wasp_core::{Engine, Error, Linker, Module, Store};
    /// let engine = Engine::default();
    /// let module = Module::new(&engine, r#"(module
    ///     (func $down (export "down") (param i32)
    ///         (if (local.get 0)
    ///             (then (call $down (i32.sub (local.get 0) (i32.const 1))))
    ///             (else unreachable))))"#)?;
    /// let mut store = Store::new(&engine, ());
    /// let instance = Linker::new(&engine).instantiate(&mut store, &module)?;
    /// let down = instance.get_typed_func::<i32, ()>(&store, "down")?;
    /// let Err(Error::Trap(trap)) = down.call(&mut store, 999) else { panic!("no trap") };
    /// let backtrace = trap.backtrace().expect("frames");
    /// assert_eq!(backtrace.frames().len(), 120);
    /// assert_eq!(backtrace.omitted(), 1000 - 120);
    /// # Ok::<(), Error>(())
    /// ```
    pub fn omitted(&self) -> usize {
        self.omitted
    }

    /// Appends the frames of `outer` below these, keeping the bound on the frames kept.
    pub(crate) fn extend(&mut self, outer: WasmBacktrace) {
        let total = self.frames.len() + self.omitted + outer.frames.len() + outer.omitted;
        if total <= Self::KEPT_INNER + Self::KEPT_OUTER {
            self.frames.extend(outer.frames);
            return;
        }
        // Innermost first: these frames, then the outer ones. Either side leaves a gap
        // only after its first `KEPT_INNER` frames and before its last `KEPT_OUTER`, so the
        // first and last frames of the whole are frames both sides kept.
        let mut all = std::mem::take(&mut self.frames);
        all.extend(outer.frames);
        all.drain(Self::KEPT_INNER..all.len() - Self::KEPT_OUTER);
        self.frames = all;
        self.omitted = total - Self::KEPT_INNER - Self::KEPT_OUTER;
    }
}

impl fmt::Display for WasmBacktrace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "wasm backtrace:")?;
        for (i, frame) in self.frames.iter().enumerate() {
            if i == Self::KEPT_INNER && self.omitted > 0 {
                writeln!(f, "    ... {} frames omitted ...", self.omitted)?;
            }
            let i = if i < Self::KEPT_INNER {
                i
            } else {
                i + self.omitted
            };
            write!(f, "    {i:>2}: ")?;
            match frame.module_offset {
                Some(offset) => write!(f, "{offset:>#8x}")?,
                None => write!(f, "{:>8}", "?")?,
            }
            match &frame.func_name {
                Some(name) => writeln!(f, " - {name}")?,
                None => writeln!(f, " - <wasm function {}>", frame.func_index)?,
            }
            if let Some(source) = &frame.source {
                writeln!(f, "                    at {source}")?;
            }
        }
        Ok(())
    }
}

/// Describes frames of one call; readers of debug info are made once per module, and each
/// function's index and name are looked up once (a recursion repeats a few functions).
#[derive(Default)]
pub(crate) struct Describer<'s> {
    dwarf: Vec<(*const ModuleInner, Option<DwarfContext<'s>>)>,
    /// The module function index of each store function met.
    indices: HashMap<u32, u32>,
    /// The demangled name of each function met, by module and index.
    names: HashMap<(*const ModuleInner, u32), Option<Arc<str>>>,
}

type DwarfContext<'s> = addr2line::Context<super::dwarf::Reader<'s>>;

impl<'s> Describer<'s> {
    /// Describes `frame`; with `exact`, its pc is the instruction it is at, otherwise the one
    /// just after it (a trapped instruction or a call). `None` for a frame of no Wasm function.
    pub(crate) fn describe(
        &mut self,
        store: &'s StoreInner,
        frame: &Frame,
        exact: bool,
    ) -> Option<FrameInfo> {
        let FuncEntity::Wasm { instance, body, .. } = store.funcs.get(frame.func as usize)? else {
            return None;
        };
        let instance = store.instances.get(*instance as usize)?;
        let func_index = match self.indices.get(&frame.func) {
            Some(&index) => index,
            None => {
                let index = instance.funcs.iter().position(|&a| a == frame.func)? as u32;
                self.indices.insert(frame.func, index);
                index
            }
        };
        let module: &Arc<ModuleInner> = &instance.module.inner;
        Some(self.describe_in(module, func_index, body, frame.pc(), exact))
    }

    /// Describes a frame of `module`'s function `func_index` (whose code is `body`) at `pc`;
    /// with `exact`, `pc` is the instruction it is at, otherwise the one just after it.
    pub(crate) fn describe_in(
        &mut self,
        module: &'s Arc<ModuleInner>,
        func_index: u32,
        body: &CompiledFunc,
        pc: u32,
        exact: bool,
    ) -> FrameInfo {
        let pc = if exact { pc } else { pc.saturating_sub(1) };
        let module_offset = body.offsets.wasm_offset(pc).map(|o| o as usize);
        let source = module_offset.and_then(|offset| self.source(module, offset));
        let func_name = self
            .names
            .entry((Arc::as_ptr(module), func_index))
            .or_insert_with(|| module.debug.names.func(func_index).map(Arc::from))
            .clone();
        FrameInfo {
            func_index,
            func_name,
            module_offset,
            source,
        }
    }

    fn source(&mut self, module: &'s Arc<ModuleInner>, offset: usize) -> Option<SourceLocation> {
        let debug = &module.debug;
        if debug.dwarf.is_empty() {
            return None;
        }
        let key = Arc::as_ptr(module);
        let at = match self.dwarf.iter().position(|(m, _)| *m == key) {
            Some(at) => at,
            None => {
                self.dwarf.push((key, debug.dwarf.context()));
                self.dwarf.len() - 1
            }
        };
        let context = self.dwarf[at].1.as_ref()?;
        let address = offset.checked_sub(debug.code_start)? as u64;
        super::dwarf::locate(context, address)
    }
}

/// The backtrace of a call stopped with `frames`: with `top_exact`, the innermost frame's pc
/// is the instruction to run next (a pause), otherwise it is just past the trapping one.
pub(crate) fn capture(store: &StoreInner, frames: &[Frame], top_exact: bool) -> WasmBacktrace {
    let mut describer = Describer::default();
    // `frames` is outermost first; a deep stack keeps its two ends.
    let omitted = frames
        .len()
        .saturating_sub(WasmBacktrace::KEPT_INNER + WasmBacktrace::KEPT_OUTER);
    let (outermost, innermost) = match omitted {
        0 => (&frames[..0], frames),
        _ => (
            &frames[..WasmBacktrace::KEPT_OUTER],
            &frames[WasmBacktrace::KEPT_OUTER + omitted..],
        ),
    };
    let mut kept = Vec::with_capacity(innermost.len() + outermost.len());
    for (i, frame) in innermost.iter().rev().enumerate() {
        kept.extend(describer.describe(store, frame, top_exact && i == 0));
    }
    for frame in outermost.iter().rev() {
        kept.extend(describer.describe(store, frame, false));
    }
    WasmBacktrace {
        frames: kept,
        omitted,
    }
}
