//! Linear memories as the host sees them.

use crate::error::{Error, UsageError};
use crate::host::GuestAddr;
use crate::store::{AsContext, AsContextMut, MemoryEntity, StoreId};
use crate::types::MemoryType;

/// A linear memory of a store. A small `Copy` handle.
///
/// ```
/// use wasp_core::{Engine, Memory, MemoryType, Store};
/// let mut store = Store::new(&Engine::default(), ());
/// let mem = Memory::new(&mut store, MemoryType::new(1, Some(2)))?;
/// mem.write(&mut store, 8, b"wasp")?;
/// let mut buf = [0u8; 4];
/// mem.read(&store, 8, &mut buf)?;
/// assert_eq!(&buf, b"wasp");
/// assert!(mem.write(&mut store, 65535, b"xy").is_err());
/// # Ok::<(), wasp_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Memory {
    store: StoreId,
    index: u32,
}

impl Memory {
    pub(crate) fn from_index(store: StoreId, index: u32) -> Memory {
        Memory { store, index }
    }

    pub(crate) fn index(self) -> u32 {
        self.index
    }

    pub(crate) fn store_id(self) -> StoreId {
        self.store
    }

    /// Creates a memory of type `ty` in the store. Fails if `min` exceeds `max` or the most
    /// pages a memory of its index type may have (65536 pages of 64 KiB or 2^32 - 1 of
    /// 1 byte for a 32-bit memory; 2^48 of 64 KiB or 2^64 - 1 of 1 byte for a 64-bit one).
    ///
    /// # Errors
    ///
    /// [`UsageError::InvalidType`](crate::UsageError) when the type's limits are invalid;
    /// [`Error::Limit`] when the store's limits refuse the memory or it cannot be allocated.
    pub fn new(mut store: impl AsContextMut, ty: MemoryType) -> Result<Memory, Error> {
        let limit = ty.page_limit();
        let over = ty.min() > limit || ty.max().is_some_and(|m| m > limit || m < ty.min());
        if over {
            return Err(UsageError::InvalidType(format!("memory type {ty}")).into());
        }
        let inner = &mut store.as_context_mut().inner;
        crate::instance::check_memory_limit(inner, ty.min().saturating_mul(ty.page_size()))?;
        let memory = MemoryEntity::new(ty)
            .ok_or(crate::limits::LimitError::Allocation { pages: ty.min() })?;
        inner.memories.push(memory);
        Ok(Memory {
            store: inner.id,
            index: inner.memories.len() as u32 - 1,
        })
    }

    #[track_caller]
    fn entity<'a, S: AsContext + ?Sized>(&self, store: &'a S) -> &'a MemoryEntity {
        let inner = &store.as_context().inner;
        inner.assert_owner(self.store, "memory");
        // A handle of this store names one of its memories: memories are never removed.
        &inner.memories[self.index as usize]
    }

    fn check<S: AsContext + ?Sized>(&self, store: &S) -> Result<(), Error> {
        Ok(store.as_context().inner.check_owner(self.store, "memory")?)
    }

    /// The memory's current type (its `min` is the current size).
    ///
    /// # Panics
    ///
    /// If the memory belongs to another store.
    #[track_caller]
    pub fn ty(&self, store: impl AsContext) -> MemoryType {
        self.entity(&store).ty
    }

    /// The current size in pages.
    ///
    /// # Panics
    ///
    /// If the memory belongs to another store.
    #[track_caller]
    pub fn size(&self, store: impl AsContext) -> u64 {
        self.entity(&store).pages()
    }

    /// The memory's bytes.
    ///
    /// # Panics
    ///
    /// If the memory belongs to another store.
    #[track_caller]
    pub fn data<'a, S: AsContext + ?Sized>(&self, store: &'a S) -> &'a [u8] {
        &self.entity(store).bytes
    }

    /// The memory's bytes, mutably.
    ///
    /// # Panics
    ///
    /// If the memory belongs to another store.
    #[track_caller]
    pub fn data_mut<'a, S: AsContextMut + ?Sized>(&self, store: &'a mut S) -> &'a mut [u8] {
        let inner = &mut store.as_context_mut().inner;
        inner.assert_owner(self.store, "memory");
        &mut inner.memories[self.index as usize].bytes
    }

    /// Copies `buf.len()` bytes at `offset` into `buf`; fails when out of bounds. The offset
    /// is any [`GuestAddr`]: a `u64` reaches every byte of a 64-bit memory.
    ///
    /// # Errors
    ///
    /// Fails if the memory belongs to another store or the range is out of bounds.
    pub fn read(
        &self,
        store: impl AsContext,
        offset: impl GuestAddr,
        buf: &mut [u8],
    ) -> Result<(), Error> {
        self.check(&store)?;
        let data = self.data(&store);
        let src = bounds(data.len(), offset.to_u64(), buf.len())?;
        buf.copy_from_slice(&data[src]);
        Ok(())
    }

    /// Copies `bytes` to `offset`; fails when out of bounds. The offset is any
    /// [`GuestAddr`], as for [`Memory::read`].
    ///
    /// # Errors
    ///
    /// Fails if the memory belongs to another store or the range is out of bounds.
    pub fn write(
        &self,
        mut store: impl AsContextMut,
        offset: impl GuestAddr,
        bytes: &[u8],
    ) -> Result<(), Error> {
        self.check(&store)?;
        let data = self.data_mut(&mut store);
        let dst = bounds(data.len(), offset.to_u64(), bytes.len())?;
        data[dst].copy_from_slice(bytes);
        Ok(())
    }

    /// Grows by `delta` pages and returns the previous size in pages.
    ///
    /// # Errors
    ///
    /// Fails if the memory belongs to another store or cannot grow by `delta` pages.
    pub fn grow(&self, mut store: impl AsContextMut, delta: u64) -> Result<u64, Error> {
        let inner = &mut store.as_context_mut().inner;
        inner.check_owner(self.store, "memory")?;
        let index = self.index as usize;
        crate::limits::grow_memory(&mut inner.memories, &inner.limits, index, delta).ok_or_else(
            || {
                UsageError::GrowFailed {
                    what: "memory",
                    delta,
                }
                .into()
            },
        )
    }
}

/// The range `offset..offset + len` if it fits in `size`.
pub(crate) fn bounds(
    size: usize,
    offset: u64,
    len: usize,
) -> Result<std::ops::Range<usize>, Error> {
    let start = usize::try_from(offset).ok();
    match start.and_then(|start| Some((start, start.checked_add(len)?))) {
        Some((start, end)) if end <= size => Ok(start..end),
        _ => Err(UsageError::OutOfBounds {
            what: "memory",
            offset,
            len: len as u64,
            size: size as u64,
        }
        .into()),
    }
}
