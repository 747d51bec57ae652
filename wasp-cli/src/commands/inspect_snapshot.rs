//! `wasp inspect FILE.snap [--module M]...`: show a saved store and its paused call (gas,
//! why it paused, memories, tables, globals, frames with their locals) without instantiating
//! or running anything.
//!
//! Two kinds of files are read: the run files of `wasp run --save` (magic `WASPRUN1` or
//! `WASPRUN2`), which name their module, and the core snapshots of `Store::snapshot`
//! (magic `WASPSNAP`), which do not: their modules are given with `--module`. A given
//! module is matched to the snapshot's instances by content hash; without it, frames show
//! only their function index.
//!
//! The module is compiled as `wasp run --gas` compiles it (gas metering on, default
//! costs): the saved positions are positions in that translation.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use wasp_core::{Module, PauseReason, SnapshotInfo, Val};

use super::{gas, print_lines, read_file};
use crate::args::format_val;
use crate::error::CliError;
use crate::snapshot_file::SnapshotFile;

/// The magic bytes of a core snapshot.
const CORE_MAGIC: &[u8; 8] = b"WASPSNAP";

/// Whether `bytes` look like a snapshot (a run file or a core snapshot) rather than a module.
pub fn is_snapshot(bytes: &[u8]) -> bool {
    bytes.starts_with(b"WASPRUN") || bytes.starts_with(CORE_MAGIC)
}

/// Prints what the snapshot in `bytes` (read from `path`) holds.
pub fn inspect_snapshot(path: &Path, bytes: &[u8], modules: &[PathBuf]) -> Result<(), CliError> {
    let mut lines = Vec::new();
    let mut given = modules
        .iter()
        .map(|m| load(m))
        .collect::<Result<Vec<_>, _>>()?;
    let core = if bytes.starts_with(CORE_MAGIC) {
        lines.push(format!("store snapshot `{}`", path.display()));
        bytes.to_vec()
    } else {
        let file = SnapshotFile::decode(bytes).map_err(|error| CliError::SnapshotFormat {
            path: path.to_owned(),
            error,
        })?;
        lines.push(format!(
            "paused call of `{}` in `{}`",
            file.function,
            file.module_path.display()
        ));
        if given.is_empty() {
            given.extend(named_module(path, &file, &mut lines));
        }
        file.store
    };
    let info = SnapshotInfo::read(&core, &given).map_err(|error| CliError::InspectSnapshot {
        path: path.to_owned(),
        error,
    })?;
    describe(&info, &mut lines);
    print_lines(lines)
}

/// Compiles module file `path` as `wasp run --gas` does.
fn load(path: &Path) -> Result<Module, CliError> {
    let bytes = read_file(path)?;
    Module::new(&gas::metered_engine(), &bytes).map_err(|error| CliError::Invalid {
        path: path.to_owned(),
        error,
    })
}

/// The module a run file names, if it can still be read unchanged; otherwise a note says
/// why the frames will show less.
fn named_module(snapshot: &Path, file: &SnapshotFile, lines: &mut Vec<String>) -> Option<Module> {
    let path = snapshot
        .parent()
        .unwrap_or(Path::new(""))
        .join(&file.module_path);
    let why = match load(&path) {
        Ok(module) if module.content_hash() == file.module_hash => return Some(module),
        Ok(module) => format!(
            "it changed since the call was saved (content hash {:016x}, expected {:016x})",
            module.content_hash(),
            file.module_hash
        ),
        Err(err) => crate::error::one_line(&err),
    };
    lines.push(format!(
        "note: without its module ({why}), frames show only function indices; give it with --module"
    ));
    None
}

/// Appends the lines that describe `info`.
fn describe(info: &SnapshotInfo, lines: &mut Vec<String>) {
    for hash in info.missing_modules() {
        lines.push(format!(
            "note: module with content hash {hash:016x} not given (--module)"
        ));
    }
    match info.paused_call() {
        Some(call) => {
            lines.push(format!("gas used: {}", call.gas_used()));
            lines.push(format!("gas left: {}", info.gas_left()));
            lines.push(format!(
                "paused: {}",
                reason(call.reason(), info.gas_left())
            ));
        }
        None => {
            lines.push(format!("gas left: {}", info.gas_left()));
            lines.push("no paused call".to_owned());
        }
    }
    for (i, m) in info.memories().iter().enumerate() {
        let pages = m.pages();
        let size = format!(
            "{pages} page{} of {} bytes ({} bytes)",
            plural(pages),
            m.page_size(),
            m.byte_len()
        );
        let max = m.maximum().map_or_else(
            || "no maximum".to_owned(),
            |max| format!("maximum {max} page{}", plural(max)),
        );
        let index = if m.is_64() { " (i64)" } else { "" };
        lines.push(format!("memory {i}{index}: {size}, {max}"));
    }
    for (i, t) in info.tables().iter().enumerate() {
        let index = if t.is_64() { " (i64)" } else { "" };
        lines.push(format!("table {i}{index}: {} {}", t.len(), t.element()));
    }
    for (i, g) in info.globals().iter().enumerate() {
        let ty = g.value().ty().to_string();
        let ty = if g.mutable() {
            format!("(mut {ty})")
        } else {
            ty
        };
        lines.push(format!("global {i}: {ty} {}", format_val(g.value())));
    }
    if let Some(call) = info.paused_call() {
        lines.push("frames (innermost first):".to_owned());
        for (i, frame) in call.frames().iter().enumerate() {
            lines.extend(frame_lines(i, frame));
        }
    }
}

/// Why the call paused, in words.
fn reason(reason: &PauseReason, gas_left: u64) -> String {
    match reason {
        PauseReason::OutOfGas { needed, host_call } => {
            let step = match host_call {
                Some(f) => format!("a call of host function {f}"),
                None => "the next step".to_owned(),
            };
            let total = gas_left.saturating_add(*needed);
            format!("out of gas: {step} needs {total} gas, {needed} more than is left")
        }
        PauseReason::Yielded {
            value: v,
            host_call,
        } => {
            format!("host function {host_call} yielded {}", value(v))
        }
        PauseReason::Interrupted { progress: 0 } => "interrupted".to_owned(),
        PauseReason::Interrupted { progress } => {
            format!("interrupted ({progress} items of a bulk operation done)")
        }
        other => format!("{other:?}"),
    }
}

/// A value with its type, as in the Wasm text format: `i32 5`, `f32 1.5`, `ref.null func`.
fn value(v: &Val) -> String {
    match v {
        Val::FuncRef(_) | Val::ExternRef(_) => format_val(v),
        _ => format!("{} {}", v.ty(), format_val(v)),
    }
}

/// The lines of frame `i`, in the style of a backtrace, then its locals.
fn frame_lines(i: usize, frame: &wasp_core::PausedFrame) -> Vec<String> {
    let info = frame.info();
    let mut line = format!("    {i:>2}: ");
    match info.module_offset() {
        Some(offset) => {
            let _ = write!(line, "{offset:>#8x}");
        }
        None => {
            let _ = write!(line, "{:>8}", "?");
        }
    }
    match info.func_name() {
        Some(name) => {
            let _ = write!(line, " - {name}");
        }
        None => {
            let _ = write!(line, " - <wasm function {}>", info.func_index());
        }
    }
    let mut out = vec![line];
    if let Some(source) = info.source() {
        out.push(format!("                    at {source}"));
    }
    if !frame.locals().is_empty() {
        let locals: Vec<String> = frame.locals().iter().map(value).collect();
        out.push(format!("          locals: {}", locals.join(", ")));
    }
    out
}

/// `"s"` unless `n` is 1.
fn plural(n: u64) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
