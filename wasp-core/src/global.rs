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

    /// Creates a global of type `ty` holding `value`: the way to make a global of a typed
    /// function reference type (`(global (ref $t))`, `(global (mut (ref null $t)))`), which
    /// [`Global::new`] cannot tell from the value alone.
    ///
    /// ```
    /// use wasp_core::{
    ///     ConcreteFunc, Config, Engine, Func, FuncType, Global, GlobalType, HeapType, Linker,
    ///     Module, Mutability, RefType, Store, Val, ValType,
    /// };
    /// let mut config = Config::default();
    /// config.wasm_function_references(true);
    /// let engine = Engine::new(&config);
    /// let mut store = Store::new(&engine, ());
    /// let answer = Func::wrap(&mut store, || 42_i32);
    /// let sig = ConcreteFunc::new(&FuncType::new([], [ValType::I32]));
    /// let ty = RefType::new(false, HeapType::Concrete(sig));
    /// let g = Global::new_typed(
    ///     &mut store,
    ///     GlobalType::new(ty.into(), Mutability::Const),
    ///     Val::FuncRef(Some(answer)),
    /// )?;
    /// let module = Module::new(&engine, r#"(module (type $t (func (result i32)))
    ///     (import "env" "f" (global $f (ref $t)))
    ///     (func (export "run") (result i32) (call_ref $t (global.get $f))))"#)?;
    /// let mut linker = Linker::new(&engine);
    /// linker.define("env", "f", g)?;
    /// let instance = linker.instantiate(&mut store, &module)?;
    /// let run = instance.get_typed_func::<(), i32>(&store, "run")?;
    /// assert_eq!(run.call(&mut store, ())?, 42);
    /// # Ok::<(), wasp_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Fails if `value` does not fit `ty` (a null in a non-nullable reference type, a
    /// function of another signature) or is a reference to an object of another store.
    pub fn new_typed(
        mut store: impl AsContextMut,
        ty: GlobalType,
        value: Val,
    ) -> Result<Global, Error> {
        let inner = &mut store.as_context_mut().inner;
        crate::value::check_ref_owner(inner.id, &value)?;
        crate::value::check_fits(inner, &value, ty.content())?;
        inner.globals.push(GlobalEntity {
            value: value.to_slot(),
            high: value.high_slot(),
            ty,
        });
        Ok(Global {
            store: inner.id,
            index: inner.globals.len() as u32 - 1,
        })
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
