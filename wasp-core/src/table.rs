//! Tables as the host sees them.

use crate::error::{Error, UsageError};
use crate::limits::LimitError;
use crate::store::{AsContext, AsContextMut, StoreId, TableEntity, MAX_TABLE_ELEMENTS};
use crate::types::TableType;
use crate::value::Val;

/// A table of references in a store. A small `Copy` handle. Indices and sizes are `u64`
/// for tables of either index type; a 32-bit table simply never reaches past 2^32 - 1.
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
    store: StoreId,
    index: u32,
}

impl Table {
    pub(crate) fn from_index(store: StoreId, index: u32) -> Table {
        Table { store, index }
    }

    pub(crate) fn index(self) -> u32 {
        self.index
    }

    pub(crate) fn store_id(self) -> StoreId {
        self.store
    }

    /// Creates a table of type `ty` with every element set to `init`.
    ///
    /// # Errors
    ///
    /// Fails if `init` has the wrong type or is a reference of another store, if the type
    /// is invalid, or with [`LimitError::TableSize`](crate::LimitError) if it has more than
    /// 2^32 - 1 elements, the most any table holds (64-bit tables too).
    pub fn new(mut store: impl AsContextMut, ty: TableType, init: Val) -> Result<Table, Error> {
        if ty.max().is_some_and(|m| m < ty.min()) {
            return Err(UsageError::InvalidType(format!("table type {ty}")).into());
        }
        if ty.min() > MAX_TABLE_ELEMENTS {
            let requested = ty.min();
            let limit = MAX_TABLE_ELEMENTS;
            return Err(LimitError::TableSize { limit, requested }.into());
        }
        let inner = &mut store.as_context_mut().inner;
        crate::value::check_ref_owner(inner.id, &init)?;
        crate::value::check_fits(inner, &init, ty.element().into())?;
        inner.tables.push(TableEntity::new(ty, init.to_slot()));
        Ok(Table {
            store: inner.id,
            index: inner.tables.len() as u32 - 1,
        })
    }

    #[track_caller]
    fn entity<'a, S: AsContext + ?Sized>(&self, store: &'a S) -> &'a TableEntity {
        let inner = &store.as_context().inner;
        inner.assert_owner(self.store, "table");
        // A handle of this store names one of its tables: tables are never removed.
        &inner.tables[self.index as usize]
    }

    /// The table's current type (its `min` is the current size).
    ///
    /// # Panics
    ///
    /// If the table belongs to another store.
    #[track_caller]
    pub fn ty(&self, store: impl AsContext) -> TableType {
        self.entity(&store).ty
    }

    /// The number of elements.
    ///
    /// # Panics
    ///
    /// If the table belongs to another store.
    #[track_caller]
    pub fn size(&self, store: impl AsContext) -> u64 {
        self.entity(&store).elems.len() as u64
    }

    /// The element at `index`, or `None` when out of bounds.
    ///
    /// # Panics
    ///
    /// If the table belongs to another store.
    #[track_caller]
    pub fn get(&self, store: impl AsContext, index: u64) -> Option<Val> {
        let e = self.entity(&store);
        let slot = *e.elems.get(usize::try_from(index).ok()?)?;
        Some(Val::from_slot(self.store, e.ty.element().into(), slot))
    }

    /// Sets the element at `index`.
    ///
    /// # Errors
    ///
    /// Fails if the table or a reference in `value` belongs to another store, if `value` has
    /// the wrong type, or if `index` is out of bounds.
    pub fn set(&self, mut store: impl AsContextMut, index: u64, value: Val) -> Result<(), Error> {
        let inner = &mut store.as_context_mut().inner;
        inner.check_owner(self.store, "table")?;
        crate::value::check_ref_owner(inner.id, &value)?;
        let want = inner.tables[self.index as usize].ty.element().into();
        crate::value::check_fits(inner, &value, want)?;
        let e = &mut inner.tables[self.index as usize];
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
    /// table's maximum, the store's [`StoreLimits`](crate::StoreLimits) or 2^32 - 1 elements
    /// (the most any table holds, 64-bit tables too).
    ///
    /// # Errors
    ///
    /// Fails if the table or a reference in `init` belongs to another store, if `init` has the
    /// wrong type, or if the table cannot grow by `delta`.
    pub fn grow(&self, mut store: impl AsContextMut, delta: u64, init: Val) -> Result<u64, Error> {
        let inner = &mut store.as_context_mut().inner;
        inner.check_owner(self.store, "table")?;
        crate::value::check_ref_owner(inner.id, &init)?;
        let want = inner.tables[self.index as usize].ty.element().into();
        crate::value::check_fits(inner, &init, want)?;
        let e = &mut inner.tables[self.index as usize];
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
