//! Globals as the host sees them.

use crate::error::{Error, UsageError};
use crate::store::{AsContext, AsContextMut, GlobalEntity};
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
    index: u32,
}

impl Global {
    pub(crate) fn from_index(index: u32) -> Global {
        Global { index }
    }

    pub(crate) fn index(self) -> u32 {
        self.index
    }

    /// Creates a global holding `value`.
    pub fn new(mut store: impl AsContextMut, value: Val, mutability: Mutability) -> Global {
        let inner = &mut store.as_context_mut().inner;
        inner.globals.push(GlobalEntity {
            value: value.to_slot(),
            ty: GlobalType::new(value.ty(), mutability),
        });
        Global {
            index: inner.globals.len() as u32 - 1,
        }
    }

    fn entity<'a, S: AsContext + ?Sized>(&self, store: &'a S) -> &'a GlobalEntity {
        let globals = &store.as_context().inner.globals;
        globals
            .get(self.index as usize)
            .unwrap_or_else(|| panic!("{}", UsageError::ForeignHandle("global")))
    }

    /// The global's type.
    pub fn ty(&self, store: impl AsContext) -> GlobalType {
        self.entity(&store).ty
    }

    /// The global's value.
    pub fn get(&self, store: impl AsContext) -> Val {
        let e = self.entity(&store);
        Val::from_slot(e.ty.content(), e.value)
    }

    /// Sets the global's value; fails if it is immutable or `value` has the wrong type.
    ///
    /// # Errors
    ///
    /// [`UsageError::ForeignHandle`](crate::UsageError) when the handle belongs to another
    /// store; [`UsageError::ImmutableGlobal`](crate::UsageError) when the global is immutable;
    /// [`UsageError::ValueMismatch`](crate::UsageError) when `value`'s type is not the
    /// global's.
    pub fn set(&self, mut store: impl AsContextMut, value: Val) -> Result<(), Error> {
        let globals = &mut store.as_context_mut().inner.globals;
        let e = globals
            .get_mut(self.index as usize)
            .ok_or(UsageError::ForeignHandle("global"))?;
        if e.ty.mutability() == Mutability::Const {
            return Err(UsageError::ImmutableGlobal.into());
        }
        if e.ty.content() != value.ty() {
            return Err(UsageError::ValueMismatch {
                expected: e.ty.content().to_string(),
                found: value.ty().to_string(),
            }
            .into());
        }
        e.value = value.to_slot();
        Ok(())
    }
}
