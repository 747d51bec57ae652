//! Saving the Wasm-side state of a store (and a paused call) to bytes, and restoring it.
//!
//! # Format (version 3, all integers little-endian)
//!
//! | part | contents |
//! | --- | --- |
//! | header | magic `WASPSNAP`, `u32` version, `u64` gas left |
//! | layout | per instance: the module's content hash and its index spaces (store addresses of its functions, tables, memories, globals, data and element segments); per function: host or Wasm (with its instance) and its type in text notation |
//! | memories | per memory: index type (`u8`: 0 `i32`, 1 `i64`), page size (`u8`, its log2: 16 or 0), maximum in pages (option), byte length, bytes |
//! | tables | per table: index type (`u8`: 0 `i32`, 1 `i64`), element type, maximum (option), elements |
//! | globals | per global: value type, mutability, value (a `v128`: low half, then high half) |
//! | segments | per data segment, then per element segment: dropped or not |
//! | call | optional paused call: why it paused (0 gas, 1 yield, 2 interrupt with the `u64` items a bulk operation had done), the result types, gas used so far, frames (function, position, base) and value slots |
//!
//! Lengths are `u64`, options are a `u8` tag (0 or 1) followed by the value, value types a
//! `u8` (`i32` 0, `i64` 1, `f32` 2, `f64` 3, `funcref` 4, `externref` 5).
//!
//! Restoring trusts nothing: the bytes are read in full and checked against the store, built
//! anew by the embedder with the same modules and imports in the same order, before anything
//! in the store changes. The embedder's data `T` and extern-ref payloads are not part of a
//! snapshot: the store is created with a fresh `T`.
//!
//! # Confinement: which references may appear where
//!
//! A snapshot can only hand an instance references it could have reached by running. The
//! rule, checked on restore (`reach.rs`, `confine.rs`):
//!
//! - **Groups.** Instances that share a function, a table or a global (one imports it from
//!   another, or both import the same host-made table or global) can pass references to each
//!   other; such a group, closed under sharing, has one *reach*. Instances that share only
//!   memories, or nothing, are separate groups.
//! - **Reach.** A `funcref` in the reach of a group is null, a function in the function index
//!   space of one of its instances (defined or imported, exported or private), or one the
//!   embedder granted to one of its instances with [`Store::grant`]. An `externref` in its
//!   reach is null or an extern value granted to one of its instances. Code creates function
//!   references only with `ref.func` (its own index space) and receives references only from
//!   its group and from the embedder, so everything an honest run produces is in reach.
//! - **Embedder hand-overs.** A reference the embedder gives an instance from outside its group
//!   (call arguments, host functions' results, resume values, `Table::set`, `Global::set`,
//!   any `externref`) cannot be proven by the bytes: the store does not record hand-overs,
//!   and the snapshot does not carry them. Such a snapshot is **refused** unless the store it
//!   is restored into has been told, with `Store::grant(instance, value)`, that the embedder
//!   handed `value` to `instance`; the grant comes from the restoring embedder, never from
//!   the bytes. A table element or global that holds what the store being restored into
//!   already holds in that place needs no grant (that store's embedder put it there, for
//!   instance with `Table::set` while building the store).
//!
//! Each place is checked against the reach of whoever reads it:
//!
//! | place | checked against |
//! | --- | --- |
//! | a frame's slots | the group of the frame's function, for exactly the slots that hold references at the point where the frame stands (the translator's reference map, `engine/translator/ref_map.rs`); other slots are untyped bits; slots of constants hoisted out of loops must hold their constant |
//! | a table's elements | the group whose instances have the table in their index space, unless the element is what the store being restored into holds there already (its own embedder put it there); a table no instance reaches only needs to name existing functions or extern values |
//! | a global's value | likewise, for the group that has the global; an immutable global must hold what the store holds |
//! | the arguments of a host call still to be made | the group of the calling frame |
//! | the value a host function yielded | the group of the calling frame; null if the embedder called the host function directly |
//!
//! The results a yielded host call will return are not in the snapshot: the embedder supplies
//! them to [`Continuation::resume`](crate::Continuation::resume). A refused reference is a
//! [`SnapshotError::Corrupt`] naming the place (frame and slot, table and element, global),
//! the instances whose reach was expected, and the function found (store index, instance and
//! index in its index space).

mod check;
mod codec;
mod confine;
mod inspect;
mod layout_diff;
mod reach;

pub(crate) use check::check_stack;
pub use inspect::{
    GlobalInfo, MemoryInfo, Owner, PauseReason, PausedCallInfo, SnapshotInfo, TableInfo,
};
pub(crate) use reach::Grants;
use reach::Reach;

use codec::{Reader, Writer};

use crate::engine::executor::{Frame, Stack};
use crate::engine::translator::RefKind;
use crate::func::{Continuation, HostCall, Suspension};
use crate::store::{FuncEntity, MemoryEntity, Store, StoreInner, MAX_TABLE_ELEMENTS};
use crate::types::{HeapType, Mutability, ValType};
use crate::value::Val;

const MAGIC: &[u8; 8] = b"WASPSNAP";
const VERSION: u32 = 3;

/// Why a snapshot could not be restored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SnapshotError {
    /// The bytes do not start with `WASPSNAP`.
    #[error("not a Wasp snapshot: expected the magic bytes `WASPSNAP`")]
    BadMagic,
    /// A snapshot of another format version.
    #[error("unsupported snapshot version: expected {expected}, found {found}")]
    Version {
        /// The version this build reads.
        expected: u32,
        /// The version in the bytes.
        found: u32,
    },
    /// The bytes end before the snapshot does.
    #[error("truncated snapshot: the bytes end inside {what}")]
    Truncated {
        /// What was being read.
        what: &'static str,
    },
    /// The snapshot does not belong to this store's modules and imports.
    #[error("snapshot does not match the store in {what}: expected {expected}, found {found}")]
    Mismatch {
        /// Which part differs.
        what: &'static str,
        /// What the store has.
        expected: String,
        /// What the snapshot has.
        found: String,
    },
    /// The snapshot holds a state the modules could never reach.
    #[error("corrupt snapshot in {what}: {detail}")]
    Corrupt {
        /// Which part is wrong.
        what: &'static str,
        /// What is wrong with it.
        detail: String,
    },
}

impl From<SnapshotError> for crate::Error {
    fn from(e: SnapshotError) -> crate::Error {
        crate::Error::Snapshot(e)
    }
}

impl<T> Store<T> {
    /// Writes the Wasm-side state of the store to bytes: memories, tables, globals, segment
    /// state, gas, and the paused call `paused` if one is given.
    ///
    /// ```
    /// use wasp_core::{Engine, Linker, Module, Store, Val};
    /// let engine = Engine::default();
    /// let module = Module::new(&engine, r#"(module (global $g (export "g") (mut i32) (i32.const 1))
    ///     (func (export "bump") (global.set $g (i32.add (global.get $g) (i32.const 1)))))"#)?;
    /// let fresh = |engine: &Engine| -> Result<_, wasp_core::Error> {
    ///     let mut store = Store::new(engine, ());
    ///     let instance = Linker::new(engine).instantiate(&mut store, &module)?;
    ///     Ok((store, instance))
    /// };
    /// let (mut store, instance) = fresh(&engine)?;
    /// instance.get_func(&store, "bump").unwrap().call(&mut store, &[], &mut [])?;
    /// let bytes = store.snapshot(None);
    ///
    /// let (mut restored, instance) = fresh(&engine)?;
    /// assert!(restored.restore(&bytes)?.is_none());
    /// assert_eq!(instance.get_global(&restored, "g").unwrap().get(&restored), Val::I32(2));
    /// # Ok::<(), wasp_core::Error>(())
    /// ```
    pub fn snapshot(&self, paused: Option<&Continuation>) -> Vec<u8> {
        let mut w = Writer::default();
        w.raw(MAGIC);
        w.u32(VERSION);
        w.u64(self.inner.gas);
        write_layout(&mut w, &self.inner);
        write_state(&mut w, &self.inner);
        match paused {
            Some(c) => {
                w.u8(1);
                write_call(&mut w, c);
            }
            None => w.u8(0),
        }
        w.bytes
    }

    /// Restores a snapshot taken with [`Store::snapshot`] into this store, which must have
    /// been built the same way (same modules instantiated with the same imports in the same
    /// order). Returns the paused call, if the snapshot holds one.
    ///
    /// Nothing changes unless the whole snapshot checks out; every problem is a
    /// [`SnapshotError`] saying what was expected and what was found. Every reference in the
    /// snapshot must be one the instance holding it could have reached (see the module
    /// documentation's confinement rule); references the embedder handed over from outside
    /// an instance's group must be vouched for first with [`Store::grant`].
    ///
    /// # Errors
    ///
    /// [`SnapshotError`] when the bytes are not a snapshot of a store built this way, or hold
    /// a state the modules could not reach (including a reference outside an instance's
    /// reach: [`SnapshotError::Corrupt`] naming the place).
    pub fn restore(&mut self, bytes: &[u8]) -> Result<Option<Continuation>, SnapshotError> {
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
        check_layout(&mut r, &self.inner)?;
        let reach = Reach::of(&self.inner);
        let state = read_state(&mut r, &self.inner, &reach)?;
        let call = match r.u8("the call tag")? {
            0 => None,
            1 => Some(read_call(&mut r, &self.inner)?),
            found => {
                return Err(corrupt(
                    "the call tag",
                    format!("expected 0 or 1, found {found}"),
                ))
            }
        };
        r.finish()?;
        if let Some(c) = &call {
            // Functions with frames are translated now if they were not yet (lazy
            // compilation): the check reads their code.
            self.inner.translate_frames(&c.stack);
            check_stack(&self.inner, &c.stack, &c.suspension)?;
            confine::check_call_refs(&self.inner, &reach, c)?;
        }
        state.apply(&mut self.inner);
        self.inner.gas = gas;
        Ok(call)
    }
}

fn corrupt(what: &'static str, detail: String) -> SnapshotError {
    SnapshotError::Corrupt { what, detail }
}

fn mismatch(what: &'static str, expected: impl ToString, found: impl ToString) -> SnapshotError {
    SnapshotError::Mismatch {
        what,
        expected: expected.to_string(),
        found: found.to_string(),
    }
}

// ----- layout -----------------------------------------------------------------------------------

/// The layout as a flat list of numbers and type strings; equal layouts mean the same
/// modules were instantiated with the same imports in the same order.
fn layout(s: &StoreInner) -> (Vec<u64>, Vec<String>) {
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

fn check_layout(r: &mut Reader<'_>, s: &StoreInner) -> Result<(), SnapshotError> {
    let (nums, types) = layout(s);
    let n = r.len(8, "the layout")?;
    let mut found = Vec::with_capacity(n);
    for _ in 0..n {
        found.push(r.u64("the layout")?);
    }
    if found.first() != nums.first() {
        return Err(mismatch(
            "the number of instances",
            nums.first().copied().unwrap_or(0),
            found.first().copied().unwrap_or(0),
        ));
    }
    if found != nums {
        let hashes = |v: &[u64]| module_hashes(v);
        let (want, have) = (hashes(&nums), hashes(&found));
        if want != have {
            return Err(mismatch("the modules (content hashes)", want, have));
        }
        let (expected, found) = layout_diff::first_difference(&nums, &found);
        return Err(mismatch(
            "the index spaces (imports or instantiation order differ)",
            expected,
            found,
        ));
    }
    let n = r.len(8, "the function types")?;
    if n != types.len() {
        return Err(mismatch("the number of functions", types.len(), n));
    }
    for (i, want) in types.iter().enumerate() {
        let len = r.len(1, "a function type")?;
        let have = String::from_utf8_lossy(r.raw(len, "a function type")?).into_owned();
        if &have != want {
            return Err(mismatch(
                "a function type",
                format!("function {i}: {want}"),
                have,
            ));
        }
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
struct State {
    memories: Vec<Vec<u8>>,
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

fn val_type_code(t: ValType) -> u8 {
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

fn read_state(r: &mut Reader<'_>, s: &StoreInner, reach: &Reach) -> Result<State, SnapshotError> {
    Ok(State {
        memories: read_memories(r, s)?,
        tables: read_tables(r, s, reach)?,
        globals: read_globals(r, s, reach)?,
        data_dropped: read_dropped(
            r,
            s.data_segments.iter().map(Option::is_none),
            "data segments",
        )?,
        elems_dropped: read_dropped(
            r,
            s.elem_segments.iter().map(Vec::is_empty),
            "element segments",
        )?,
    })
}

fn read_memories(r: &mut Reader<'_>, s: &StoreInner) -> Result<Vec<Vec<u8>>, SnapshotError> {
    let n = r.len(11, "the memories")?;
    if n != s.memories.len() {
        return Err(mismatch("the number of memories", s.memories.len(), n));
    }
    let mut out = Vec::with_capacity(n);
    for m in &s.memories {
        check_memory_type(r, m)?;
        let max = r.opt_u64("a memory's maximum")?;
        if max != m.ty.max() {
            return Err(mismatch(
                "a memory's maximum",
                fmt_opt(m.ty.max()),
                fmt_opt(max),
            ));
        }
        // Sizes are checked in the memory's own pages (64 KiB or 1 byte).
        let len = r.len(1, "a memory's bytes")?;
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
        out.push(r.raw(len, "a memory's bytes")?.to_vec());
    }
    Ok(out)
}

/// Reads a memory's index type and page size and refuses them unless they are the memory's.
fn check_memory_type(r: &mut Reader<'_>, m: &MemoryEntity) -> Result<(), SnapshotError> {
    let found = index_type_from(r.u8("a memory's index type")?, "a memory's index type")?;
    if found != m.ty.is_64() {
        let (want, got) = (index_type_name(m.ty.is_64()), index_type_name(found));
        return Err(mismatch("a memory's index type", want, got));
    }
    let log2 = r.u8("a memory's page size")?;
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
    Ok(())
}

/// Whether the index type code `code` of `what` is `i64` (1) rather than `i32` (0).
pub(super) fn index_type_from(code: u8, what: &'static str) -> Result<bool, SnapshotError> {
    match code {
        0 => Ok(false),
        1 => Ok(true),
        code => Err(corrupt(
            what,
            format!("expected 0 (i32) or 1 (i64), found {code}"),
        )),
    }
}

/// An index type in Wasm's notation.
fn index_type_name(is_64: bool) -> &'static str {
    if is_64 {
        "i64"
    } else {
        "i32"
    }
}

fn read_tables(
    r: &mut Reader<'_>,
    s: &StoreInner,
    reach: &Reach,
) -> Result<Vec<Vec<u64>>, SnapshotError> {
    let n = r.len(11, "the tables")?;
    if n != s.tables.len() {
        return Err(mismatch("the number of tables", s.tables.len(), n));
    }
    let mut out = Vec::with_capacity(n);
    for (index, t) in s.tables.iter().enumerate() {
        let is_64 = index_type_from(r.u8("a table's index type")?, "a table's index type")?;
        if is_64 != t.ty.is_64() {
            let (want, got) = (index_type_name(t.ty.is_64()), index_type_name(is_64));
            return Err(mismatch("a table's index type", want, got));
        }
        let ty = val_type_from(r.u8("a table's element type")?)?;
        let want: ValType = t.ty.element().into();
        if val_type_code(ty) != val_type_code(want) {
            return Err(mismatch("a table's element type", want, ty));
        }
        let max = r.opt_u64("a table's maximum")?;
        if max != t.ty.max() {
            return Err(mismatch(
                "a table's maximum",
                fmt_opt(t.ty.max()),
                fmt_opt(max),
            ));
        }
        let len = r.len(8, "a table's elements")?;
        let limit = max.map_or(MAX_TABLE_ELEMENTS, |m| m.min(MAX_TABLE_ELEMENTS));
        if (len as u64) < t.min_size || len as u64 > limit {
            return Err(corrupt(
                "a table's size",
                format!("{len} elements, outside {}..={limit}", t.min_size),
            ));
        }
        let mut elems = Vec::with_capacity(len);
        let group = reach.group_of_table(index as u32);
        for k in 0..len {
            let e = r.u64("a table element")?;
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
            elems.push(e);
        }
        out.push(elems);
    }
    Ok(out)
}

fn read_globals(
    r: &mut Reader<'_>,
    s: &StoreInner,
    reach: &Reach,
) -> Result<Vec<(u64, u64)>, SnapshotError> {
    let n = r.len(10, "the globals")?;
    if n != s.globals.len() {
        return Err(mismatch("the number of globals", s.globals.len(), n));
    }
    let mut out = Vec::with_capacity(n);
    for (index, g) in s.globals.iter().enumerate() {
        let ty = val_type_from(r.u8("a global's type")?)?;
        let mutable = r.u8("a global's mutability")? == 1;
        let want_mut = g.ty.mutability() == Mutability::Var;
        if val_type_code(ty) != val_type_code(g.ty.content()) || mutable != want_mut {
            return Err(mismatch(
                "a global's type",
                g.ty,
                format!("{ty} (mutable: {mutable})"),
            ));
        }
        let value = r.u64("a global's value")?;
        let high = match ty {
            ValType::V128 => r.u64("the high half of a v128 global")?,
            _ => 0,
        };
        if !mutable && (value, high) != (g.value, g.high) {
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
        out.push((value, high));
    }
    Ok(out)
}

fn read_dropped(
    r: &mut Reader<'_>,
    now: impl ExactSizeIterator<Item = bool>,
    what: &'static str,
) -> Result<Vec<bool>, SnapshotError> {
    let n = r.len(1, what)?;
    if n != now.len() {
        return Err(mismatch(what, now.len(), n));
    }
    let mut out = Vec::with_capacity(n);
    for dropped_now in now {
        let dropped = match r.u8(what)? {
            0 => false,
            1 => true,
            x => return Err(corrupt(what, format!("expected a flag 0 or 1, found {x}"))),
        };
        if dropped_now && !dropped {
            return Err(corrupt(
                what,
                "a segment dropped at instantiation is back".into(),
            ));
        }
        out.push(dropped);
    }
    Ok(out)
}

fn fmt_opt(v: Option<u64>) -> String {
    v.map_or_else(|| "none".to_string(), |v| v.to_string())
}

// ----- the paused call ----------------------------------------------------------------------------

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
        w.u32(f.pc);
        w.u32(f.base);
    }
    w.len(c.stack.values.len());
    c.stack.values.iter().for_each(|&v| w.u64(v));
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

fn read_call(r: &mut Reader<'_>, s: &StoreInner) -> Result<Continuation, SnapshotError> {
    let suspension = match r.u8("the pause reason")? {
        0 => {
            let needed = r.u64("the gas needed")?;
            let host = match r.u8("the pending host call tag")? {
                0 => None,
                1 => Some(read_host(r)?),
                x => return Err(corrupt("the pending host call tag", format!("found {x}"))),
            };
            Suspension::OutOfGas { needed, host }
        }
        1 => {
            let ty = val_type_from(r.u8("the yielded value")?)?;
            let slot = r.u64("the yielded value")?;
            let high = match ty {
                ValType::V128 => r.u64("the high half of the yielded v128")?,
                _ => 0,
            };
            check_ref(s, ty, slot, "the yielded value")?;
            let host = read_host(r)?;
            Suspension::Yielded {
                value: Val::from_slots(s.id, ty, slot, high),
                host,
            }
        }
        2 => Suspension::Interrupted {
            progress: r.u64("the bulk operation's progress")?,
        },
        x => {
            return Err(corrupt(
                "the pause reason",
                format!("expected 0, 1 or 2, found {x}"),
            ))
        }
    };
    let n = r.len(1, "the result types")?;
    let mut results = Vec::with_capacity(n);
    for _ in 0..n {
        results.push(val_type_from(r.u8("a result type")?)?);
    }
    let gas_used = r.u64("the gas used")?;
    let n = r.len(12, "the frames")?;
    let mut frames = Vec::with_capacity(n);
    for _ in 0..n {
        frames.push(Frame {
            func: r.u32("a frame")?,
            pc: r.u32("a frame")?,
            base: r.u32("a frame")?,
        });
    }
    let n = r.len(8, "the value slots")?;
    let mut values = Vec::with_capacity(n);
    for _ in 0..n {
        values.push(r.u64("a value slot")?);
    }
    Ok(Continuation {
        stack: Stack { values, frames },
        suspension,
        results,
        gas_used,
        store: s.id,
    })
}
