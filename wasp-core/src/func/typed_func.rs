//! Typed calls into Wasm: `TypedFunc<Params, Results>`.

use std::marker::PhantomData;

use super::into_func::WasmTyList;
use super::{call, Func};
use crate::error::{Error, UsageError};
use crate::store::{AsContextMut, Store};
use crate::types::FuncType;

/// A function whose type was checked once against the Rust types `Params -> Results`, so
/// calls skip the per-call checks and conversions of [`Func::call`].
///
/// ```
/// use wasp_core::{Engine, Linker, Module, Store};
/// let engine = Engine::default();
/// let wat = r#"(module (func (export "add") (param i32 i32) (result i32)
///     local.get 0 local.get 1 i32.add))"#;
/// let module = Module::new(&engine, wat)?;
/// let mut store = Store::new(&engine, ());
/// let instance = Linker::new(&engine).instantiate(&mut store, &module)?;
/// let add = instance.get_typed_func::<(i32, i32), i32>(&store, "add")?;
/// assert_eq!(add.call(&mut store, (2, 40))?, 42);
/// # Ok::<(), wasp_core::Error>(())
/// ```
pub struct TypedFunc<Params, Results> {
    func: Func,
    num_results: usize,
    _types: PhantomData<fn(Params) -> Results>,
}

impl<P, R> Clone for TypedFunc<P, R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<P, R> Copy for TypedFunc<P, R> {}

impl<P, R> std::fmt::Debug for TypedFunc<P, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TypedFunc")
            .field("func", &self.func)
            .finish()
    }
}

impl<Params: WasmTyList, Results: WasmTyList> TypedFunc<Params, Results> {
    pub(crate) fn new(func: Func, ty: FuncType) -> Result<Self, Error> {
        let want = FuncType::new(Params::types(), Results::types());
        // Parameters match exactly; a result may be read as a supertype (a `(ref $t)`
        // result as `Option<Func>`, a `funcref`), which every value of it is.
        let results_fit = want.results().len() == ty.results().len()
            && ty
                .results()
                .iter()
                .zip(want.results())
                .all(|(have, want)| have.is_subtype_of(*want));
        if want.params() != ty.params() || !results_fit {
            return Err(UsageError::TypeMismatch {
                expected: want.to_string(),
                found: ty.to_string(),
            }
            .into());
        }
        Ok(TypedFunc {
            func,
            num_results: ty.result_slots(),
            _types: PhantomData,
        })
    }

    /// The underlying function.
    pub fn func(&self) -> Func {
        self.func
    }

    /// Calls the function.
    ///
    /// # Errors
    ///
    /// Fails if the function or a reference among `params` belongs to another store, or if
    /// execution traps (running out of gas or being interrupted included: use
    /// [`Func::call_resumable`] to pause instead).
    pub fn call<T>(
        &self,
        mut store: impl AsContextMut<Data = T>,
        params: Params,
    ) -> Result<Results, Error> {
        let store: &mut Store<T> = store.as_context_mut();
        store.inner.check_owner(self.func.store_id(), "function")?;
        params.check_owner(store.inner.id)?;
        let mut args = [0u64; 16];
        let n = Params::SLOTS;
        let mut heap;
        let args: &mut [u64] = if n <= args.len() {
            &mut args[..n]
        } else {
            heap = vec![0u64; n];
            &mut heap
        };
        params.into_slots(args);
        let out = call::call_slots(store, self.func.index(), args, self.num_results)?;
        Ok(Results::from_slots_in(&out, store.inner.id))
    }
}
