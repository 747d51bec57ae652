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
}

impl ModuleDebug {
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
