//! Globals as the host sees them.

use crate::error::{Error, UsageError};
use crate::store::{AsContext, AsContextMut, GlobalEntity, StoreId};
use crate::types::{GlobalType, Mutability};
use crate::value::Val;

/// A global variable of a store. A small `Copy` handle.
///
/// ```
/// use wasp_core::{Engine, Global, Mutability, Store, Val};
/// let mut store = Store::new(&Engine::default(), ());
/// let g = Global::new(&mut store, Val::I32(1), Mutability::Var);
/// g.set(&mut store, Val::I32(2))?;
/// assert_eq!(g.get(&store), Val::I32(2));
/// # Ok::<(), wasp_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Global {
    store: StoreId,
    index: u32,
}

impl Global {
    pub(crate) fn from_index(store: StoreId, index: u32) -> Global {
        Global { store, index }
    }

    pub(crate) fn index(self) -> u32 {
        self.index
    }

    pub(crate) fn store_id(self) -> StoreId {
        self.store
    }

    /// Creates a global holding `value`.
    ///
    /// # Panics
    ///
    /// If `value` is a reference to an object of another store.
    #[track_caller]
    pub fn new(mut store: impl AsContextMut, value: Val, mutability: Mutability) -> Global {
        let inner = &mut store.as_context_mut().inner;
        if let Err(e) = crate::value::check_ref_owner(inner.id, &value) {
            panic!("{e}");
        }
        inner.globals.push(GlobalEntity {
            value: value.to_slot(),
            high: value.high_slot(),
            ty: GlobalType::new(value.ty(), mutability),
        });
        Global {
            store: inner.id,
            index: inner.globals.len() as u32 - 1,
        }
    }

    #[track_caller]
    fn entity<'a, S: AsContext + ?Sized>(&self, store: &'a S) -> &'a GlobalEntity {
        let inner = &store.as_context().inner;
        inner.assert_owner(self.store, "global");
        // A handle of this store names one of its globals: globals are never removed.
        &inner.globals[self.index as usize]
    }

    /// The global's type.
    ///
    /// # Panics
    ///
    /// If the global belongs to another store.
    #[track_caller]
    pub fn ty(&self, store: impl AsContext) -> GlobalType {
        self.entity(&store).ty
    }

    /// The global's value.
    ///
    /// # Panics
    ///
    /// If the global belongs to another store.
    #[track_caller]
    pub fn get(&self, store: impl AsContext) -> Val {
        let e = self.entity(&store);
        Val::from_slots(self.store, e.ty.content(), e.value, e.high)
    }

    /// Sets the global's value; fails if it is immutable or `value` has the wrong type.
    ///
    /// # Errors
    ///
    /// Fails if the global or a reference in `value` belongs to another store, if the global
    /// is immutable, or if `value` has the wrong type.
    pub fn set(&self, mut store: impl AsContextMut, value: Val) -> Result<(), Error> {
        let inner = &mut store.as_context_mut().inner;
        inner.check_owner(self.store, "global")?;
        crate::value::check_ref_owner(inner.id, &value)?;
        let e = &inner.globals[self.index as usize];
        if e.ty.mutability() == Mutability::Const {
            return Err(UsageError::ImmutableGlobal.into());
        }
        let content = e.ty.content();
        crate::value::check_fits(inner, &value, content)?;
        let e = &mut inner.globals[self.index as usize];
        e.value = value.to_slot();
        e.high = value.high_slot();
        Ok(())
    }
}
