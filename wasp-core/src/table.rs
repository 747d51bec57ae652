//! Tables as the host sees them.

use crate::error::{Error, UsageError};
use crate::store::{AsContext, AsContextMut, TableEntity};
use crate::types::{TableType, ValType};
use crate::value::Val;

/// A table of references in a store. A small `Copy` handle.
///
/// ```
/// use wasp_core::{Engine, RefType, Store, Table, TableType, Val};
/// let mut store = Store::new(&Engine::default(), ());
/// let t = Table::new(&mut store, TableType::new(RefType::Func, 2, None), Val::FuncRef(None))?;
/// assert_eq!(t.size(&store), 2);
/// assert_eq!(t.get(&store, 1), Some(Val::FuncRef(None)));
/// # Ok::<(), wasp_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Table {
    index: u32,
}

impl Table {
    pub(crate) fn from_index(index: u32) -> Table {
        Table { index }
    }

    pub(crate) fn index(self) -> u32 {
        self.index
    }

    /// Creates a table of type `ty` with every element set to `init`.
    ///
    /// # Errors
    ///
    /// [`Error::Usage`] when `init` is not of the table's element type or the type's limits are
    /// invalid.
    pub fn new(mut store: impl AsContextMut, ty: TableType, init: Val) -> Result<Table, Error> {
        check_val(ty.element().into(), &init)?;
        if ty.max().is_some_and(|m| m < ty.min()) {
            return Err(UsageError::InvalidType(format!("table type {ty}")).into());
        }
        let inner = &mut store.as_context_mut().inner;
        inner.tables.push(TableEntity::new(ty, init.to_slot()));
        Ok(Table {
            index: inner.tables.len() as u32 - 1,
        })
    }

    fn entity<'a, S: AsContext + ?Sized>(&self, store: &'a S) -> &'a TableEntity {
        let tables = &store.as_context().inner.tables;
        tables
            .get(self.index as usize)
            .unwrap_or_else(|| panic!("{}", UsageError::ForeignHandle("table")))
    }

    /// The table's current type (its `min` is the current size).
    pub fn ty(&self, store: impl AsContext) -> TableType {
        self.entity(&store).ty
    }

    /// The number of elements.
    pub fn size(&self, store: impl AsContext) -> u64 {
        self.entity(&store).elems.len() as u64
    }

    /// The element at `index`, or `None` when out of bounds.
    pub fn get(&self, store: impl AsContext, index: u64) -> Option<Val> {
        let e = self.entity(&store);
        let slot = *e.elems.get(usize::try_from(index).ok()?)?;
        Some(Val::from_slot(e.ty.element().into(), slot))
    }

    /// Sets the element at `index`.
    ///
    /// # Errors
    ///
    /// [`UsageError::ForeignHandle`](crate::UsageError) when the handle belongs to another
    /// store; [`Error::Usage`] when `value` is not of the table's element type or `index` is
    /// out of bounds.
    pub fn set(&self, mut store: impl AsContextMut, index: u64, value: Val) -> Result<(), Error> {
        let tables = &mut store.as_context_mut().inner.tables;
        let e = tables
            .get_mut(self.index as usize)
            .ok_or(UsageError::ForeignHandle("table"))?;
        check_val(e.ty.element().into(), &value)?;
        let size = e.elems.len() as u64;
        let slot = usize::try_from(index)
            .ok()
            .and_then(|i| e.elems.get_mut(i))
            .ok_or(UsageError::OutOfBounds {
                what: "table",
                offset: index,
                len: 1,
                size,
            })?;
        *slot = value.to_slot();
        Ok(())
    }

    /// Grows by `delta` elements set to `init`; returns the previous size. Fails past the
    /// table's maximum or the store's [`StoreLimits`](crate::StoreLimits).
    ///
    /// # Errors
    ///
    /// [`UsageError::ForeignHandle`](crate::UsageError) when the handle belongs to another
    /// store; [`Error::Usage`] when `init` is not of the table's element type or the table's
    /// maximum or the store's limits refuse the new size.
    pub fn grow(&self, mut store: impl AsContextMut, delta: u64, init: Val) -> Result<u64, Error> {
        let inner = &mut store.as_context_mut().inner;
        let e = inner
            .tables
            .get_mut(self.index as usize)
            .ok_or(UsageError::ForeignHandle("table"))?;
        check_val(e.ty.element().into(), &init)?;
        let wanted = (e.elems.len() as u64).saturating_add(delta);
        let grown = if inner.limits.table_allows(wanted) {
            e.grow(delta, init.to_slot())
        } else {
            None
        };
        grown.ok_or_else(|| {
            UsageError::GrowFailed {
                what: "table",
                delta,
            }
            .into()
        })
    }
}

fn check_val(want: ValType, val: &Val) -> Result<(), Error> {
    if val.ty() != want {
        return Err(UsageError::ValueMismatch {
            expected: want.to_string(),
            found: val.ty().to_string(),
        }
        .into());
    }
    Ok(())
}
