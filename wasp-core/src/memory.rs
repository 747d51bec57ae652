//! Linear memories as the host sees them.

use crate::error::{Error, UsageError};
use crate::store::{AsContext, AsContextMut, MemoryEntity, MAX_PAGES};
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
    index: u32,
}

impl Memory {
    pub(crate) fn from_index(index: u32) -> Memory {
        Memory { index }
    }

    pub(crate) fn index(self) -> u32 {
        self.index
    }

    /// Creates a memory of type `ty` in the store. Fails if `min` exceeds `max` or 65536.
    ///
    /// # Errors
    ///
    /// [`UsageError::InvalidType`](crate::UsageError) when the type's limits are invalid;
    /// [`Error::Limit`] when the store's limits refuse the memory or it cannot be allocated.
    pub fn new(mut store: impl AsContextMut, ty: MemoryType) -> Result<Memory, Error> {
        let over = ty.min() > MAX_PAGES || ty.max().is_some_and(|m| m > MAX_PAGES || m < ty.min());
        if over {
            return Err(UsageError::InvalidType(format!("memory type {ty}")).into());
        }
        let inner = &mut store.as_context_mut().inner;
        crate::instance::check_memory_limit(inner, ty.min())?;
        let memory = MemoryEntity::new(ty)
            .ok_or(crate::limits::LimitError::Allocation { pages: ty.min() })?;
        inner.memories.push(memory);
        Ok(Memory {
            index: inner.memories.len() as u32 - 1,
        })
    }

    fn entity<'a, S: AsContext + ?Sized>(&self, store: &'a S) -> &'a MemoryEntity {
        // Handles are only created by their store; a foreign one may still be out of range.
        let memories = &store.as_context().inner.memories;
        memories
            .get(self.index as usize)
            .unwrap_or_else(|| panic!("{}", UsageError::ForeignHandle("memory")))
    }

    /// The memory's current type (its `min` is the current size).
    pub fn ty(&self, store: impl AsContext) -> MemoryType {
        self.entity(&store).ty
    }

    /// The current size in pages.
    pub fn size(&self, store: impl AsContext) -> u64 {
        self.entity(&store).pages()
    }

    /// The memory's bytes.
    pub fn data<'a, S: AsContext + ?Sized>(&self, store: &'a S) -> &'a [u8] {
        &self.entity(store).bytes
    }

    /// The memory's bytes, mutably.
    pub fn data_mut<'a, S: AsContextMut + ?Sized>(&self, store: &'a mut S) -> &'a mut [u8] {
        let memories = &mut store.as_context_mut().inner.memories;
        match memories.get_mut(self.index as usize) {
            Some(m) => &mut m.bytes,
            None => &mut [],
        }
    }

    /// Copies `buf.len()` bytes at `offset` into `buf`; fails when out of bounds.
    ///
    /// # Errors
    ///
    /// [`UsageError::ForeignHandle`](crate::UsageError) when the handle belongs to another
    /// store; [`UsageError::OutOfBounds`](crate::UsageError) when `offset..offset + buf.len()`
    /// is not inside the memory.
    pub fn read(&self, store: impl AsContext, offset: usize, buf: &mut [u8]) -> Result<(), Error> {
        let data = self.data(&store);
        let src = bounds(data.len(), offset, buf.len())?;
        buf.copy_from_slice(&data[src]);
        Ok(())
    }

    /// Copies `bytes` to `offset`; fails when out of bounds.
    ///
    /// # Errors
    ///
    /// [`UsageError::ForeignHandle`](crate::UsageError) when the handle belongs to another
    /// store; [`UsageError::OutOfBounds`](crate::UsageError) when `offset..offset +
    /// bytes.len()` is not inside the memory.
    pub fn write(
        &self,
        mut store: impl AsContextMut,
        offset: usize,
        bytes: &[u8],
    ) -> Result<(), Error> {
        let data = self.data_mut(&mut store);
        let dst = bounds(data.len(), offset, bytes.len())?;
        data[dst].copy_from_slice(bytes);
        Ok(())
    }

    /// Grows by `delta` pages and returns the previous size in pages.
    ///
    /// # Errors
    ///
    /// [`UsageError::ForeignHandle`](crate::UsageError) when the handle belongs to another
    /// store; [`UsageError::GrowFailed`](crate::UsageError) when the memory's maximum or the
    /// store's limits refuse the new size.
    pub fn grow(&self, mut store: impl AsContextMut, delta: u64) -> Result<u64, Error> {
        let inner = &mut store.as_context_mut().inner;
        if self.index as usize >= inner.memories.len() {
            return Err(UsageError::ForeignHandle("memory").into());
        }
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
    offset: usize,
    len: usize,
) -> Result<std::ops::Range<usize>, Error> {
    match offset.checked_add(len) {
        Some(end) if end <= size => Ok(offset..end),
        _ => Err(UsageError::OutOfBounds {
            what: "memory",
            offset: offset as u64,
            len: len as u64,
            size: size as u64,
        }
        .into()),
    }
}
