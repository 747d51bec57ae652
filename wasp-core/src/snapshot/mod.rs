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
mod format;
mod inspect;
mod layout_diff;
mod reach;
mod restore;

pub(crate) use check::check_stack;
pub use inspect::{
    GlobalInfo, MemoryInfo, Owner, PauseReason, PausedCallInfo, SnapshotInfo, TableInfo,
};
pub(crate) use reach::Grants;

use crate::func::Continuation;
use crate::store::Store;

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
        format::write(&self.inner, paused)
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
        restore::restore(&mut self.inner, bytes)
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
