//! Resource limits of a store, for guests that are not trusted.

use crate::store::MemoryEntity;

/// Caps on what the Wasm code of one store may allocate. Set with
/// [`Store::set_limits`](crate::Store::set_limits); all are unlimited by default (within
/// Wasm's own limits and the engine's [`Config`](crate::Config)).
///
/// A `memory.grow` or `table.grow` past a cap returns `-1` to the guest, as the
/// specification allows for any failed growth; a module whose initial memories or tables
/// exceed a cap fails to instantiate with [`Error::Limit`](crate::Error::Limit).
///
/// ```
/// use wasp_core::{Engine, Linker, Module, Store, StoreLimits};
/// let engine = Engine::default();
/// let module = Module::new(&engine, r#"(module (memory 1)
///     (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))"#)?;
/// let mut store = Store::new(&engine, ());
/// store.set_limits(StoreLimits::default().memory_bytes(4 * 65536));
/// let instance = Linker::new(&engine).instantiate(&mut store, &module)?;
/// let grow = instance.get_typed_func::<i32, i32>(&store, "grow")?;
/// assert_eq!(grow.call(&mut store, 3)?, 1);   // now 4 pages: at the cap
/// assert_eq!(grow.call(&mut store, 1)?, -1);  // refused
/// # Ok::<(), wasp_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StoreLimits {
    pub(crate) memory_bytes: Option<u64>,
    pub(crate) table_elements: Option<u64>,
    pub(crate) instances: Option<usize>,
    pub(crate) call_depth: Option<usize>,
}

impl StoreLimits {
    /// The most bytes all linear memories of the store may hold together.
    pub fn memory_bytes(mut self, bytes: u64) -> StoreLimits {
        self.memory_bytes = Some(bytes);
        self
    }

    /// The most elements any one table may hold.
    pub fn table_elements(mut self, elements: u64) -> StoreLimits {
        self.table_elements = Some(elements);
        self
    }

    /// The most instances the store may hold.
    pub fn instances(mut self, instances: usize) -> StoreLimits {
        self.instances = Some(instances);
        self
    }

    /// The deepest a call stack may grow in this store (frames), if lower than the engine's
    /// [`Config::max_call_depth`](crate::Config::max_call_depth).
    pub fn call_depth(mut self, frames: usize) -> StoreLimits {
        self.call_depth = Some(frames);
        self
    }

    /// Whether memories may grow by `extra` bytes on top of those of `memories`.
    pub(crate) fn memory_allows(&self, memories: &[MemoryEntity], extra: u64) -> bool {
        let Some(cap) = self.memory_bytes else {
            return true;
        };
        let used: u64 = memories.iter().map(|m| m.bytes.len() as u64).sum();
        used.saturating_add(extra) <= cap
    }

    /// Whether a table may hold `elements`.
    pub(crate) fn table_allows(&self, elements: u64) -> bool {
        self.table_elements.is_none_or(|cap| elements <= cap)
    }
}

/// Whether memory `addr` may grow by `delta` pages: within its maximum, Wasm's 4 GiB and the
/// store's limits (the host's allocator may still refuse).
pub(crate) fn memory_may_grow(
    memories: &[MemoryEntity],
    limits: &StoreLimits,
    addr: usize,
    delta: u64,
) -> bool {
    let Some(memory) = memories.get(addr) else {
        return false;
    };
    let fits = memory
        .pages()
        .checked_add(delta)
        .is_some_and(|pages| pages <= memory.page_limit());
    fits && limits.memory_allows(memories, delta.saturating_mul(memory.ty.page_size()))
}

/// Grows memory `addr` by `delta` pages within the store's limits; the old size in pages,
/// or `None` when refused.
pub(crate) fn grow_memory(
    memories: &mut [MemoryEntity],
    limits: &StoreLimits,
    addr: usize,
    delta: u64,
) -> Option<u64> {
    let page_size = memories.get(addr)?.ty.page_size();
    if !limits.memory_allows(memories, delta.saturating_mul(page_size)) {
        return None;
    }
    memories.get_mut(addr)?.grow(delta)
}

/// A store limit that an instantiation or allocation would exceed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LimitError {
    /// Memories would exceed the store's byte cap.
    #[error("memory limit exceeded: the store allows {limit} bytes of memory, {requested} were requested")]
    Memory {
        /// The cap.
        limit: u64,
        /// The bytes the store would hold.
        requested: u64,
    },
    /// A table would exceed the store's element cap.
    #[error("table limit exceeded: the store allows {limit} elements per table, {requested} were requested")]
    Table {
        /// The cap.
        limit: u64,
        /// The elements requested.
        requested: u64,
    },
    /// A table would hold more elements than any table can: 2^32 - 1, whatever its index
    /// type.
    #[error("table too large: a table holds at most {limit} elements, {requested} were requested")]
    TableSize {
        /// The most elements a table holds.
        limit: u64,
        /// The elements requested.
        requested: u64,
    },
    /// The host could not allocate a memory of the requested size.
    #[error("out of host memory: cannot allocate a linear memory of {pages} pages")]
    Allocation {
        /// The pages requested.
        pages: u64,
    },
    /// The store holds as many instances as it may.
    #[error("instance limit exceeded: the store allows {limit} instances")]
    Instances {
        /// The cap.
        limit: usize,
    },
}
