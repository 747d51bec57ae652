//! Backtraces: the Wasm frames of a trapped call, innermost first, each with its function,
//! the Wasm offset it was at and, with debug info, its source position.

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
    pub(crate) func_name: Option<String>,
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
}

impl WasmBacktrace {
    /// The frames, innermost first.
    pub fn frames(&self) -> &[FrameInfo] {
        &self.frames
    }
}

impl fmt::Display for WasmBacktrace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "wasm backtrace:")?;
        for (i, frame) in self.frames.iter().enumerate() {
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

/// Describes frames of one call; readers of debug info are made once per module.
#[derive(Default)]
pub(crate) struct Describer<'s> {
    dwarf: Vec<(*const ModuleInner, Option<DwarfContext<'s>>)>,
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
        let func_index = instance.funcs.iter().position(|&a| a == frame.func)? as u32;
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
        FrameInfo {
            func_index,
            func_name: module.debug.names.func(func_index),
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
    let frames = frames
        .iter()
        .rev()
        .enumerate()
        .filter_map(|(i, frame)| describer.describe(store, frame, top_exact && i == 0))
        .collect();
    WasmBacktrace { frames }
}
