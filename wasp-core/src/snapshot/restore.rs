//! Restoring a snapshot into a store: every part the reader (`format.rs`) decodes is checked
//! against the store as soon as it is read, and nothing in the store changes unless the
//! whole snapshot checks out.

use super::format::{
    self, val_type_code, Part, Parts, SavedCall, SavedGlobal, SavedMemory, SavedPause, SavedTable,
};
use super::reach::Reach;
use super::{check_stack, confine, corrupt, layout_diff, mismatch, SnapshotError};
use crate::aligned_bytes::AlignedBytes;
use crate::engine::executor::Stack;
use crate::engine::translator::RefKind;
use crate::func::{Continuation, Suspension};
use crate::store::{MemoryEntity, StoreInner, TableEntity, MAX_TABLE_ELEMENTS};
use crate::types::{HeapType, Mutability, ValType};
use crate::value::Val;

/// Restores `bytes` into `s` (see [`Store::restore`](crate::Store::restore)).
pub(super) fn restore(
    s: &mut StoreInner,
    bytes: &[u8],
) -> Result<Option<Continuation>, SnapshotError> {
    let reach = Reach::of(s);
    let mut restoring = Restoring {
        s,
        reach: &reach,
        types: Vec::new(),
        state: State::default(),
        call: None,
    };
    let gas = format::read(bytes, &mut restoring)?;
    let (state, call) = (restoring.state, restoring.call);
    if let Some(c) = &call {
        // Functions with frames are translated now if they were not yet (lazy
        // compilation): the check reads their code.
        s.translate_frames(&c.stack);
        check_stack(s, &c.stack, &c.suspension)?;
        confine::check_call_refs(s, &reach, c)?;
    }
    state.apply(s);
    s.gas = gas;
    Ok(call)
}

/// The checks of each part against the store, and what passed them. Items are looked up in
/// the store's own lists by their index: `count` has refused any other number of them first.
struct Restoring<'a> {
    s: &'a StoreInner,
    reach: &'a Reach,
    /// The store's function types, in text notation, once the layout matches.
    types: Vec<String>,
    state: State,
    call: Option<Continuation>,
}

impl Parts for Restoring<'_> {
    fn layout(&mut self, found: &[u64]) -> Result<(), SnapshotError> {
        let (nums, types) = format::layout(self.s);
        check_layout(&nums, found)?;
        self.types = types;
        Ok(())
    }

    fn count(&mut self, part: Part, n: usize) -> Result<(), SnapshotError> {
        let s = self.s;
        let (what, want) = match part {
            Part::FuncTypes => ("the number of functions", self.types.len()),
            Part::Memories => ("the number of memories", s.memories.len()),
            Part::Tables => ("the number of tables", s.tables.len()),
            Part::Globals => ("the number of globals", s.globals.len()),
            Part::DataSegments => ("data segments", s.data_segments.len()),
            Part::ElemSegments => ("element segments", s.elem_segments.len()),
        };
        if n != want {
            return Err(mismatch(what, want, n));
        }
        Ok(())
    }

    fn func_type(&mut self, index: usize, ty: &str) -> Result<(), SnapshotError> {
        let want = &self.types[index];
        if ty != want {
            return Err(mismatch(
                "a function type",
                format!("function {index}: {want}"),
                ty,
            ));
        }
        Ok(())
    }

    fn memory(&mut self, index: usize, saved: SavedMemory<'_>) -> Result<(), SnapshotError> {
        check_memory(&self.s.memories[index], &saved)?;
        let bytes = AlignedBytes::copy_of(saved.bytes).ok_or_else(|| {
            corrupt(
                "a memory's bytes",
                format!(
                    "{} bytes: more than the host can allocate",
                    saved.bytes.len()
                ),
            )
        })?;
        self.state.memories.push(bytes);
        Ok(())
    }

    fn table(&mut self, index: usize, saved: SavedTable) -> Result<(), SnapshotError> {
        check_table(self.s, self.reach, index, &saved)?;
        self.state.tables.push(saved.elems);
        Ok(())
    }

    fn global(&mut self, index: usize, saved: SavedGlobal) -> Result<(), SnapshotError> {
        check_global(self.s, self.reach, index, &saved)?;
        self.state.globals.push((saved.value, saved.high));
        Ok(())
    }

    fn dropped(&mut self, part: Part, index: usize, dropped: bool) -> Result<(), SnapshotError> {
        let s = self.s;
        let (what, dropped_now, out) = match part {
            Part::DataSegments => (
                "data segments",
                s.data_segments[index].is_none(),
                &mut self.state.data_dropped,
            ),
            _ => (
                "element segments",
                s.elem_segments[index].is_empty(),
                &mut self.state.elems_dropped,
            ),
        };
        if dropped_now && !dropped {
            return Err(corrupt(
                what,
                "a segment dropped at instantiation is back".into(),
            ));
        }
        out.push(dropped);
        Ok(())
    }

    fn call(&mut self, saved: SavedCall) -> Result<(), SnapshotError> {
        self.call = Some(continuation(self.s, saved)?);
        Ok(())
    }
}

// ----- layout -----------------------------------------------------------------------------------

/// Refuses a layout `found` other than the store's, `nums`, saying where they differ.
fn check_layout(nums: &[u64], found: &[u64]) -> Result<(), SnapshotError> {
    if found.first() != nums.first() {
        return Err(mismatch(
            "the number of instances",
            nums.first().copied().unwrap_or(0),
            found.first().copied().unwrap_or(0),
        ));
    }
    if found != nums {
        let (want, have) = (module_hashes(nums), module_hashes(found));
        if want != have {
            return Err(mismatch("the modules (content hashes)", want, have));
        }
        let (expected, found) = layout_diff::first_difference(nums, found);
        return Err(mismatch(
            "the index spaces (imports or instantiation order differ)",
            expected,
            found,
        ));
    }
    Ok(())
}

/// The module hashes of a layout list, formatted for a message.
fn module_hashes(nums: &[u64]) -> String {
    let mut out = Vec::new();
    let mut at = 1;
    for _ in 0..nums.first().copied().unwrap_or(0).min(1024) {
        let Some(&hash) = nums.get(at) else { break };
        out.push(format!("{hash:016x}"));
        at += 1;
        for _ in 0..6 {
            let len = nums.get(at).copied().unwrap_or(0) as usize;
            at = at.saturating_add(1).saturating_add(len);
        }
    }
    format!("[{}]", out.join(", "))
}

// ----- state ------------------------------------------------------------------------------------

/// The mutable state read from a snapshot, checked, waiting to be applied.
#[derive(Default)]
struct State {
    memories: Vec<AlignedBytes>,
    tables: Vec<Vec<u64>>,
    /// Each global's slot and, for a `v128`, its high half (0 otherwise).
    globals: Vec<(u64, u64)>,
    data_dropped: Vec<bool>,
    elems_dropped: Vec<bool>,
}

impl State {
    fn apply(self, s: &mut StoreInner) {
        for (m, bytes) in s.memories.iter_mut().zip(self.memories) {
            m.bytes = bytes;
            m.sync_type();
        }
        for (t, elems) in s.tables.iter_mut().zip(self.tables) {
            t.elems = elems;
            t.sync_type();
        }
        for (g, (value, high)) in s.globals.iter_mut().zip(self.globals) {
            g.value = value;
            g.high = high;
        }
        for (seg, dropped) in s.data_segments.iter_mut().zip(self.data_dropped) {
            if dropped {
                *seg = None;
            }
        }
        for (seg, dropped) in s.elem_segments.iter_mut().zip(self.elems_dropped) {
            if dropped {
                seg.clear();
            }
        }
    }
}

/// Refuses a saved memory unless its type is `m`'s and its size one `m` can have.
fn check_memory(m: &MemoryEntity, saved: &SavedMemory<'_>) -> Result<(), SnapshotError> {
    if saved.is_64 != m.ty.is_64() {
        let (want, got) = (index_type_name(m.ty.is_64()), index_type_name(saved.is_64));
        return Err(mismatch("a memory's index type", want, got));
    }
    let log2 = saved.page_size_log2;
    if log2 != m.ty.page_size_log2() {
        let page = |log2: u8| match 1u64.checked_shl(u32::from(log2)) {
            Some(bytes) => format!("(pagesize {bytes})"),
            None => format!("(pagesize 2^{log2})"),
        };
        return Err(mismatch(
            "a memory's page size",
            page(m.ty.page_size_log2()),
            page(log2),
        ));
    }
    if saved.max != m.ty.max() {
        return Err(mismatch(
            "a memory's maximum",
            fmt_opt(m.ty.max()),
            fmt_opt(saved.max),
        ));
    }
    // Sizes are checked in the memory's own pages (64 KiB or 1 byte).
    let len = saved.bytes.len();
    let page_size = m.ty.page_size() as usize;
    let pages = (len / page_size) as u64;
    let limit = m.page_limit();
    if !len.is_multiple_of(page_size) || pages < m.min_pages || pages > limit {
        return Err(corrupt(
            "a memory's size",
            format!(
                "{len} bytes is not a whole number of {page_size}-byte pages from {} to {limit}",
                m.min_pages
            ),
        ));
    }
    Ok(())
}

/// An index type in Wasm's notation.
fn index_type_name(is_64: bool) -> &'static str {
    if is_64 {
        "i64"
    } else {
        "i32"
    }
}

/// Refuses a saved table unless its type is store table `index`'s, its size one the table
/// can have, and each element one the table's readers could have reached.
fn check_table(
    s: &StoreInner,
    reach: &Reach,
    index: usize,
    saved: &SavedTable,
) -> Result<(), SnapshotError> {
    let t = &s.tables[index];
    check_table_type(t, saved)?;
    let len = saved.elems.len();
    let limit = saved
        .max
        .map_or(MAX_TABLE_ELEMENTS, |m| m.min(MAX_TABLE_ELEMENTS));
    if (len as u64) < t.min_size || len as u64 > limit {
        return Err(corrupt(
            "a table's size",
            format!("{len} elements, outside {}..={limit}", t.min_size),
        ));
    }
    let want: ValType = t.ty.element().into();
    let group = reach.group_of_table(index as u32);
    for (k, &e) in saved.elems.iter().enumerate() {
        // What this store already holds there, its embedder put there.
        let unchanged = t.elems.get(k) == Some(&e);
        match (group, RefKind::of(want)) {
            _ if unchanged => {}
            (Some(g), Some(kind)) => reach.check(s, g, kind, e, "a table element", || {
                format!("element {k} of store table {index}")
            })?,
            _ => check_ref(s, want, e, "a table element")?,
        }
        if !unchanged {
            check_typed_ref(s, want, e, "a table element")?;
        }
    }
    Ok(())
}

/// Refuses a saved table whose index type, element type or maximum is not `t`'s.
fn check_table_type(t: &TableEntity, saved: &SavedTable) -> Result<(), SnapshotError> {
    if saved.is_64 != t.ty.is_64() {
        let (want, got) = (index_type_name(t.ty.is_64()), index_type_name(saved.is_64));
        return Err(mismatch("a table's index type", want, got));
    }
    let want: ValType = t.ty.element().into();
    if val_type_code(saved.element) != val_type_code(want) {
        return Err(mismatch("a table's element type", want, saved.element));
    }
    if saved.max != t.ty.max() {
        return Err(mismatch(
            "a table's maximum",
            fmt_opt(t.ty.max()),
            fmt_opt(saved.max),
        ));
    }
    Ok(())
}

/// Refuses a saved global unless its type is store global `index`'s and its value one the
/// global's readers could have reached (an immutable one: the value the store holds).
fn check_global(
    s: &StoreInner,
    reach: &Reach,
    index: usize,
    saved: &SavedGlobal,
) -> Result<(), SnapshotError> {
    let g = &s.globals[index];
    let (ty, mutable, value) = (saved.ty, saved.mutable, saved.value);
    let want_mut = g.ty.mutability() == Mutability::Var;
    if val_type_code(ty) != val_type_code(g.ty.content()) || mutable != want_mut {
        return Err(mismatch(
            "a global's type",
            g.ty,
            format!("{ty} (mutable: {mutable})"),
        ));
    }
    if !mutable && (value, saved.high) != (g.value, g.high) {
        return Err(corrupt(
            "an immutable global",
            "its value differs from the module's".into(),
        ));
    }
    match (reach.group_of_global(index as u32), RefKind::of(ty)) {
        // What this store already holds there, its embedder put there.
        _ if value == g.value => {}
        (Some(group), Some(kind)) => reach.check(s, group, kind, value, "a global", || {
            format!("store global {index}")
        })?,
        _ => check_ref(s, ty, value, "a global")?,
    }
    if value != g.value {
        check_typed_ref(s, g.ty.content(), value, "a global")?;
    }
    Ok(())
}

fn fmt_opt(v: Option<u64>) -> String {
    v.map_or_else(|| "none".to_string(), |v| v.to_string())
}

/// Checks a reference slot against a typed reference type (`(ref $t)`, `(ref func)`, ...):
/// not null where the type forbids it, and a function of the type's signature. (Saved
/// types say only function or extern value; the store's own type says the rest.)
fn check_typed_ref(
    s: &StoreInner,
    ty: ValType,
    slot: u64,
    what: &'static str,
) -> Result<(), SnapshotError> {
    let ValType::Ref(r) = ty else {
        return Ok(());
    };
    if slot == 0 && !r.is_nullable() {
        return Err(corrupt(
            what,
            format!("a null reference where {ty} allows none"),
        ));
    }
    if let (HeapType::Concrete(sig), Some(f)) = (r.heap_type(), slot.checked_sub(1)) {
        let fits = s
            .funcs
            .get(f as usize)
            .is_some_and(|e| s.engine.resolve_type(e.type_id()) == *sig.func_type());
        if !fits {
            return Err(corrupt(
                what,
                format!("function {f} where {ty} wants another signature"),
            ));
        }
    }
    Ok(())
}

/// Checks that a reference slot of type `ty` names an existing function or extern value.
fn check_ref(
    s: &StoreInner,
    ty: ValType,
    slot: u64,
    what: &'static str,
) -> Result<(), SnapshotError> {
    let limit = match ty.as_ref_type().map(|r| r.heap_type()) {
        Some(HeapType::Extern) => s.externs.len(),
        Some(HeapType::Func | HeapType::Concrete(_)) => s.funcs.len(),
        None => return Ok(()),
    } as u64;
    if slot > limit {
        return Err(corrupt(
            what,
            format!("a {ty} refers to entry {} of {limit}", slot - 1),
        ));
    }
    Ok(())
}

// ----- the paused call ----------------------------------------------------------------------------

/// The paused call of a snapshot, as a continuation of store `s`; its stack is checked
/// later, once the whole snapshot is read.
fn continuation(s: &StoreInner, saved: SavedCall) -> Result<Continuation, SnapshotError> {
    let suspension = match saved.pause {
        SavedPause::OutOfGas { needed, host } => Suspension::OutOfGas { needed, host },
        SavedPause::Yielded {
            ty,
            value,
            high,
            host,
        } => {
            check_ref(s, ty, value, "the yielded value")?;
            Suspension::Yielded {
                value: Val::from_slots(s.id, ty, value, high),
                host,
            }
        }
        SavedPause::Interrupted { progress } => Suspension::Interrupted { progress },
    };
    Ok(Continuation {
        stack: Stack {
            values: saved.values,
            frames: saved.frames,
        },
        suspension,
        results: saved.results,
        gas_used: saved.gas_used,
        store: s.id,
    })
}
