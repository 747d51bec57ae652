//! Diagnostics: what a module says about itself (function names, DWARF debug info) and the
//! backtraces of trapped calls built from it.
//!
//! Nothing here runs while guest code runs: a module keeps its names and debug sections, and a
//! backtrace is built from the heap frames of a call only once it has trapped.

mod backtrace;
mod dwarf;
mod names;
mod operators;
mod paused;
mod trace;

pub(crate) use backtrace::{capture, Describer};
pub use backtrace::{FrameInfo, SourceLocation, WasmBacktrace};
pub(crate) use dwarf::DebugSections;
pub(crate) use names::Names;
pub use paused::PausedFrame;
pub(crate) use paused::{module_locals, paused_frames};
pub(crate) use trace::TraceState;
pub use trace::{TraceStep, Tracer};

/// A module's diagnostic information, read while it is parsed.
#[derive(Debug, Default)]
pub(crate) struct ModuleDebug {
    /// The `name` custom section.
    pub(crate) names: Names,
    /// The `.debug_*` custom sections.
    pub(crate) dwarf: DebugSections,
    /// Where the code section's contents start in the module: DWARF addresses count from there.
    pub(crate) code_start: usize,
    /// The declared locals of each defined function, as `(count, type)` runs.
    pub(crate) locals: Vec<Box<[(u32, crate::types::ValType)]>>,
    /// Each defined function's body (its offset in the module, its bytes), from which the
    /// instruction trace reads operators.
    pub(crate) bodies: Vec<(u64, std::sync::Arc<[u8]>)>,
}

impl ModuleDebug {
    /// Records the declared locals of the next defined function; a body whose locals do
    /// not decode records none (validation rejects it anyway).
    pub(crate) fn read_locals(
        &mut self,
        body: &wasmparser::FunctionBody<'_>,
        types: &[crate::types::FuncType],
    ) {
        let runs = body.get_locals_reader().into_iter().flatten();
        let runs = runs
            .map_while(Result::ok)
            .filter_map(|(count, ty)| Some((count, crate::module::val_type(ty, types).ok()?)))
            .collect();
        self.locals.push(runs);
        self.bodies
            .push((body.range().start, std::sync::Arc::from(body.as_bytes())));
    }

    /// Keeps what a custom section says about the module; a malformed one is ignored, as the
    /// specification asks of custom sections.
    pub(crate) fn read_custom(&mut self, section: &wasmparser::CustomSectionReader<'_>) {
        if let wasmparser::KnownCustom::Name(reader) = section.as_known() {
            self.names = Names::read(reader);
        } else if section.name().starts_with(".debug_") {
            self.dwarf.insert(section.name(), section.data());
        }
    }
}
