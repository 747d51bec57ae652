//! The snapshot format (described in the module documentation), written and read in one
//! place for both of its readers: restoring into a store (`restore.rs`), which checks every
//! part against the store as soon as it is read, and showing a snapshot without a store
//! (`inspect.rs`).
//!
//! [`read`] walks the bytes in the order [`write`] puts them and hands each part, decoded and
//! with its codes and flags checked, to a [`Parts`]. A count is handed over before the items
//! it counts, so that a reader can refuse a wrong count before reading on. Nothing here
//! knows what a store holds; every read is bounds-checked (`codec.rs`).

use super::codec::{Reader, Writer};
use super::{corrupt, SnapshotError};
use crate::engine::executor::Frame;
use crate::func::{Continuation, HostCall, Suspension};
use crate::store::{FuncEntity, StoreInner};
use crate::types::{HeapType, Mutability, ValType};

const MAGIC: &[u8; 8] = b"WASPSNAP";
const VERSION: u32 = 3;

/// A part of a snapshot made of counted items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    /// The store's function types.
    FuncTypes,
    /// The memories.
    Memories,
    /// The tables.
    Tables,
    /// The globals.
    Globals,
    /// The dropped flags of the data segments.
    DataSegments,
    /// The dropped flags of the element segments.
    ElemSegments,
}

/// A memory as saved.
pub(super) struct SavedMemory<'a> {
    pub(super) is_64: bool,
    /// As saved, not yet checked: 16 or 0 in a snapshot that was not tampered with.
    pub(super) page_size_log2: u8,
    pub(super) max: Option<u64>,
    pub(super) bytes: &'a [u8],
}

/// A table as saved.
pub(super) struct SavedTable {
    pub(super) is_64: bool,
    pub(super) element: ValType,
    pub(super) max: Option<u64>,
    pub(super) elems: Vec<u64>,
}

/// A global as saved: its type, mutability and slots (the high one 0 unless a `v128`).
pub(super) struct SavedGlobal {
    pub(super) ty: ValType,
    pub(super) mutable: bool,
    pub(super) value: u64,
    pub(super) high: u64,
}

/// Why a saved call paused.
pub(super) enum SavedPause {
    OutOfGas {
        needed: u64,
        host: Option<HostCall>,
    },
    Yielded {
        ty: ValType,
        value: u64,
        high: u64,
        host: HostCall,
    },
    Interrupted {
        progress: u64,
    },
}

/// A paused call as saved.
pub(super) struct SavedCall {
    pub(super) pause: SavedPause,
    pub(super) results: Vec<ValType>,
    pub(super) gas_used: u64,
    pub(super) frames: Vec<Frame>,
    pub(super) values: Vec<u64>,
}

/// What a reader does with each part of a snapshot as [`read`] decodes it; any part it
/// refuses stops the reading with that error.
pub(super) trait Parts {
    /// The layout: a flat list of numbers (see [`layout`]).
    fn layout(&mut self, nums: &[u64]) -> Result<(), SnapshotError>;

    /// `n` items of `part` follow.
    fn count(&mut self, _part: Part, _n: usize) -> Result<(), SnapshotError> {
        Ok(())
    }

    /// The type, in text notation, of store function `index`.
    fn func_type(&mut self, _index: usize, _ty: &str) -> Result<(), SnapshotError> {
        Ok(())
    }

    /// Store memory `index`.
    fn memory(&mut self, index: usize, memory: SavedMemory<'_>) -> Result<(), SnapshotError>;

    /// Store table `index`.
    fn table(&mut self, index: usize, table: SavedTable) -> Result<(), SnapshotError>;

    /// Store global `index`.
    fn global(&mut self, index: usize, global: SavedGlobal) -> Result<(), SnapshotError>;

    /// Whether segment `index` of `part` (data or element segments) is dropped.
    fn dropped(&mut self, _part: Part, _index: usize, _dropped: bool) -> Result<(), SnapshotError> {
        Ok(())
    }

    /// The paused call, when the snapshot holds one.
    fn call(&mut self, call: SavedCall) -> Result<(), SnapshotError>;
}

// ----- writing ----------------------------------------------------------------------------------

/// The bytes of a snapshot of `s` and of the paused call `paused`.
pub(super) fn write(s: &StoreInner, paused: Option<&Continuation>) -> Vec<u8> {
    let mut w = Writer::default();
    w.raw(MAGIC);
    w.u32(VERSION);
    w.u64(s.gas);
    write_layout(&mut w, s);
    write_state(&mut w, s);
    match paused {
        Some(c) => {
            w.u8(1);
            write_call(&mut w, c);
        }
        None => w.u8(0),
    }
    w.bytes
}

/// The layout as a flat list of numbers and type strings; equal layouts mean the same
/// modules were instantiated with the same imports in the same order. Per instance: its
/// module's content hash, then each index space (functions, tables, memories, globals,
/// data and element segments) as a length and store indices; then per store function the
/// instance defining it (`u64::MAX` for a host function).
pub(super) fn layout(s: &StoreInner) -> (Vec<u64>, Vec<String>) {
    let mut nums = vec![s.instances.len() as u64];
    for inst in &s.instances {
        nums.push(inst.module.content_hash());
        for space in [
            &inst.funcs,
            &inst.tables,
            &inst.memories,
            &inst.globals,
            &inst.data,
            &inst.elems,
        ] {
            nums.push(space.len() as u64);
            nums.extend(space.iter().map(|&a| u64::from(a)));
        }
    }
    nums.push(s.funcs.len() as u64);
    let mut types = Vec::with_capacity(s.funcs.len());
    for f in &s.funcs {
        match f {
            FuncEntity::Wasm { instance, .. } => nums.push(u64::from(*instance)),
            FuncEntity::Host { .. } => nums.push(u64::MAX),
        }
        types.push(s.engine.resolve_type(f.type_id()).to_string());
    }
    (nums, types)
}

fn write_layout(w: &mut Writer, s: &StoreInner) {
    let (nums, types) = layout(s);
    w.len(nums.len());
    nums.iter().for_each(|&n| w.u64(n));
    w.len(types.len());
    for t in types {
        w.len(t.len());
        w.raw(t.as_bytes());
    }
}

fn write_state(w: &mut Writer, s: &StoreInner) {
    w.len(s.memories.len());
    for m in &s.memories {
        w.u8(u8::from(m.ty.is_64()));
        w.u8(m.ty.page_size_log2());
        w.opt_u64(m.ty.max());
        w.len(m.bytes.len());
        w.raw(&m.bytes);
    }
    w.len(s.tables.len());
    for t in &s.tables {
        w.u8(u8::from(t.ty.is_64()));
        w.u8(val_type_code(t.ty.element().into()));
        w.opt_u64(t.ty.max());
        w.len(t.elems.len());
        t.elems.iter().for_each(|&e| w.u64(e));
    }
    w.len(s.globals.len());
    for g in &s.globals {
        w.u8(val_type_code(g.ty.content()));
        w.u8(u8::from(g.ty.mutability() == Mutability::Var));
        w.u64(g.value);
        if g.ty.content() == ValType::V128 {
            w.u64(g.high);
        }
    }
    w.len(s.data_segments.len());
    s.data_segments
        .iter()
        .for_each(|d| w.u8(u8::from(d.is_none())));
    w.len(s.elem_segments.len());
    s.elem_segments
        .iter()
        .for_each(|e| w.u8(u8::from(e.is_empty())));
}

fn write_host(w: &mut Writer, h: &HostCall) {
    w.u32(h.func);
    w.u64(h.base as u64);
    w.u8(u8::from(h.tail));
}

fn write_call(w: &mut Writer, c: &Continuation) {
    match &c.suspension {
        Suspension::OutOfGas { needed, host } => {
            w.u8(0);
            w.u64(*needed);
            match host {
                Some(h) => {
                    w.u8(1);
                    write_host(w, h);
                }
                None => w.u8(0),
            }
        }
        Suspension::Yielded { value, host } => {
            w.u8(1);
            w.u8(val_type_code(value.ty()));
            w.u64(value.to_slot());
            if value.ty() == ValType::V128 {
                w.u64(value.high_slot());
            }
            write_host(w, host);
        }
        Suspension::Interrupted { progress } => {
            w.u8(2);
            w.u64(*progress);
        }
    }
    w.len(c.results.len());
    c.results.iter().for_each(|t| w.u8(val_type_code(*t)));
    w.u64(c.gas_used);
    w.len(c.stack.frames.len());
    for f in &c.stack.frames {
        w.u32(f.func);
        w.u32(f.pc());
        w.u32(f.base);
    }
    w.len(c.stack.values.len());
    c.stack.values.iter().for_each(|&v| w.u64(v));
}

// ----- reading ----------------------------------------------------------------------------------

/// Reads `bytes`, a whole snapshot, handing each part to `parts` as it is decoded. Returns
/// the gas left that the snapshot records.
pub(super) fn read(bytes: &[u8], parts: &mut impl Parts) -> Result<u64, SnapshotError> {
    let mut r = Reader::new(bytes);
    if r.raw(MAGIC.len(), "the magic bytes")? != MAGIC {
        return Err(SnapshotError::BadMagic);
    }
    let version = r.u32("the version")?;
    if version != VERSION {
        return Err(SnapshotError::Version {
            expected: VERSION,
            found: version,
        });
    }
    let gas = r.u64("the gas")?;
    read_layout(&mut r, parts)?;
    read_memories(&mut r, parts)?;
    read_tables(&mut r, parts)?;
    read_globals(&mut r, parts)?;
    read_dropped(&mut r, parts, Part::DataSegments, "data segments")?;
    read_dropped(&mut r, parts, Part::ElemSegments, "element segments")?;
    match r.u8("the call tag")? {
        0 => {}
        1 => parts.call(read_call(&mut r)?)?,
        found => {
            return Err(corrupt(
                "the call tag",
                format!("expected 0 or 1, found {found}"),
            ))
        }
    }
    r.finish()?;
    Ok(gas)
}

fn read_layout(r: &mut Reader<'_>, parts: &mut impl Parts) -> Result<(), SnapshotError> {
    let n = r.len(8, "the layout")?;
    let nums = (0..n)
        .map(|_| r.u64("the layout"))
        .collect::<Result<Vec<u64>, _>>()?;
    parts.layout(&nums)?;
    let n = r.len(8, "the function types")?;
    parts.count(Part::FuncTypes, n)?;
    for index in 0..n {
        let len = r.len(1, "a function type")?;
        let ty = String::from_utf8_lossy(r.raw(len, "a function type")?);
        parts.func_type(index, &ty)?;
    }
    Ok(())
}

fn read_memories(r: &mut Reader<'_>, parts: &mut impl Parts) -> Result<(), SnapshotError> {
    let n = r.len(11, "the memories")?;
    parts.count(Part::Memories, n)?;
    for index in 0..n {
        let is_64 = index_type_from(r.u8("a memory's index type")?, "a memory's index type")?;
        let page_size_log2 = r.u8("a memory's page size")?;
        let max = r.opt_u64("a memory's maximum")?;
        let len = r.len(1, "a memory's bytes")?;
        let bytes = r.raw(len, "a memory's bytes")?;
        let memory = SavedMemory {
            is_64,
            page_size_log2,
            max,
            bytes,
        };
        parts.memory(index, memory)?;
    }
    Ok(())
}

fn read_tables(r: &mut Reader<'_>, parts: &mut impl Parts) -> Result<(), SnapshotError> {
    let n = r.len(11, "the tables")?;
    parts.count(Part::Tables, n)?;
    for index in 0..n {
        let is_64 = index_type_from(r.u8("a table's index type")?, "a table's index type")?;
        let element = val_type_from(r.u8("a table's element type")?)?;
        let max = r.opt_u64("a table's maximum")?;
        let len = r.len(8, "a table's elements")?;
        let elems = (0..len)
            .map(|_| r.u64("a table element"))
            .collect::<Result<Vec<u64>, _>>()?;
        let table = SavedTable {
            is_64,
            element,
            max,
            elems,
        };
        parts.table(index, table)?;
    }
    Ok(())
}

fn read_globals(r: &mut Reader<'_>, parts: &mut impl Parts) -> Result<(), SnapshotError> {
    let n = r.len(10, "the globals")?;
    parts.count(Part::Globals, n)?;
    for index in 0..n {
        let ty = val_type_from(r.u8("a global's type")?)?;
        let mutable = match r.u8("a global's mutability")? {
            0 => false,
            1 => true,
            x => {
                return Err(corrupt(
                    "a global's mutability",
                    format!("expected 0 or 1, found {x}"),
                ))
            }
        };
        let value = r.u64("a global's value")?;
        let high = match ty {
            ValType::V128 => r.u64("the high half of a v128 global")?,
            _ => 0,
        };
        let global = SavedGlobal {
            ty,
            mutable,
            value,
            high,
        };
        parts.global(index, global)?;
    }
    Ok(())
}

fn read_dropped(
    r: &mut Reader<'_>,
    parts: &mut impl Parts,
    part: Part,
    what: &'static str,
) -> Result<(), SnapshotError> {
    let n = r.len(1, what)?;
    parts.count(part, n)?;
    for index in 0..n {
        let dropped = match r.u8(what)? {
            0 => false,
            1 => true,
            x => return Err(corrupt(what, format!("expected a flag 0 or 1, found {x}"))),
        };
        parts.dropped(part, index, dropped)?;
    }
    Ok(())
}

fn read_host(r: &mut Reader<'_>) -> Result<HostCall, SnapshotError> {
    let func = r.u32("a pending host call")?;
    let base = usize::try_from(r.u64("a pending host call")?)
        .map_err(|_| corrupt("a pending host call", "its base does not fit".into()))?;
    let tail = match r.u8("a pending host call")? {
        0 => false,
        1 => true,
        x => {
            return Err(corrupt(
                "a pending host call",
                format!("expected a flag, found {x}"),
            ))
        }
    };
    Ok(HostCall { func, base, tail })
}

fn read_pause(r: &mut Reader<'_>) -> Result<SavedPause, SnapshotError> {
    Ok(match r.u8("the pause reason")? {
        0 => {
            let needed = r.u64("the gas needed")?;
            let host = match r.u8("the pending host call tag")? {
                0 => None,
                1 => Some(read_host(r)?),
                x => return Err(corrupt("the pending host call tag", format!("found {x}"))),
            };
            SavedPause::OutOfGas { needed, host }
        }
        1 => {
            let ty = val_type_from(r.u8("the yielded value")?)?;
            let value = r.u64("the yielded value")?;
            let high = match ty {
                ValType::V128 => r.u64("the high half of the yielded v128")?,
                _ => 0,
            };
            SavedPause::Yielded {
                ty,
                value,
                high,
                host: read_host(r)?,
            }
        }
        2 => SavedPause::Interrupted {
            progress: r.u64("the bulk operation's progress")?,
        },
        x => {
            return Err(corrupt(
                "the pause reason",
                format!("expected 0, 1 or 2, found {x}"),
            ))
        }
    })
}

fn read_call(r: &mut Reader<'_>) -> Result<SavedCall, SnapshotError> {
    let pause = read_pause(r)?;
    let n = r.len(1, "the result types")?;
    let results = (0..n)
        .map(|_| val_type_from(r.u8("a result type")?))
        .collect::<Result<Vec<_>, _>>()?;
    let gas_used = r.u64("the gas used")?;
    let n = r.len(12, "the frames")?;
    let mut frames = Vec::with_capacity(n);
    for _ in 0..n {
        let (func, pc, base) = (r.u32("a frame")?, r.u32("a frame")?, r.u32("a frame")?);
        // Linked when the call resumes (`Stack::link`), after its check.
        frames.push(Frame::unlinked(func, pc, base));
    }
    let n = r.len(8, "the value slots")?;
    let values = (0..n)
        .map(|_| r.u64("a value slot"))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(SavedCall {
        pause,
        results,
        gas_used,
        frames,
        values,
    })
}

// ----- codes ------------------------------------------------------------------------------------

/// The code of a value type.
pub(super) fn val_type_code(t: ValType) -> u8 {
    match t {
        ValType::I32 => 0,
        ValType::I64 => 1,
        ValType::F32 => 2,
        ValType::F64 => 3,
        ValType::FuncRef => 4,
        ValType::ExternRef => 5,
        ValType::V128 => 6,
        // A typed reference is saved as what its slot holds: a function or an extern value.
        ValType::Ref(r) if r.heap_type() == HeapType::Extern => 5,
        ValType::Ref(_) => 4,
    }
}

fn val_type_from(code: u8) -> Result<ValType, SnapshotError> {
    Ok(match code {
        0 => ValType::I32,
        1 => ValType::I64,
        2 => ValType::F32,
        3 => ValType::F64,
        4 => ValType::FuncRef,
        5 => ValType::ExternRef,
        6 => ValType::V128,
        _ => {
            return Err(corrupt(
                "a value type",
                format!("unknown value type code {code}"),
            ))
        }
    })
}

/// Whether the index type code `code` of `what` is `i64` (1) rather than `i32` (0).
fn index_type_from(code: u8, what: &'static str) -> Result<bool, SnapshotError> {
    match code {
        0 => Ok(false),
        1 => Ok(true),
        code => Err(corrupt(
            what,
            format!("expected 0 (i32) or 1 (i64), found {code}"),
        )),
    }
}
