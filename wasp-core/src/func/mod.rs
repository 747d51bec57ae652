//! Functions: handles to Wasm and host functions, calling them, and typed views.

mod arity;
mod call;
mod caller;
mod into_func;
mod resumable;
mod typed_func;

use std::fmt;
use std::sync::Arc;

pub(crate) use arity::for_each_arity;
pub(crate) use call::{HostCall, Suspension};
pub use caller::Caller;
pub use into_func::{IntoFunc, IntoHostResult, WasmTy, WasmTyList};
pub use resumable::{CallOutcome, Continuation};
pub use typed_func::TypedFunc;

use crate::error::{Error, UsageError};
use crate::store::{AsContext, AsContextMut, FuncEntity, Store, StoreId};
use crate::types::FuncType;
use crate::value::Val;

/// A function of a store: defined by a module or by the host. A small `Copy` handle that
/// knows its store: using it with another store is an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Func {
    store: StoreId,
    index: u32,
}

/// The body of a host function over untyped slots: parameters in, results out (in place).
pub(crate) type HostFn<T> =
    dyn Fn(Caller<'_, T>, &mut [u64]) -> Result<(), Error> + Send + Sync + 'static;

/// A host function, not yet tied to a store.
pub struct HostFunc<T> {
    pub(crate) ty: FuncType,
    pub(crate) func: Arc<HostFn<T>>,
}

impl<T> Clone for HostFunc<T> {
    fn clone(&self) -> Self {
        HostFunc {
            ty: self.ty.clone(),
            func: self.func.clone(),
        }
    }
}

impl<T> fmt::Debug for HostFunc<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HostFunc{}", self.ty)
    }
}

impl<T> HostFunc<T> {
    /// A host function from a typed Rust closure.
    pub fn wrap<Params, Results>(f: impl IntoFunc<T, Params, Results>) -> HostFunc<T> {
        f.into_func()
    }

    /// A host function from a closure over [`Val`]s with an explicit type.
    pub fn new(
        ty: FuncType,
        f: impl Fn(Caller<'_, T>, &[Val], &mut [Val]) -> Result<(), Error> + Send + Sync + 'static,
    ) -> HostFunc<T> {
        let sig = ty.clone();
        let func = move |caller: Caller<'_, T>, slots: &mut [u64]| {
            let id = caller.store_id();
            let params = crate::value::vals_from_slots(id, sig.params(), slots);
            let mut results: Vec<Val> =
                sig.results().iter().map(|t| Val::default_for(*t)).collect();
            f(caller, &params, &mut results)?;
            let mut out = Vec::with_capacity(sig.result_slots());
            for (val, want) in results.iter().zip(sig.results()) {
                crate::value::check_ref_owner(id, val)?;
                if !crate::value::fits_kind(val, *want) {
                    return Err(UsageError::ValueMismatch {
                        expected: want.to_string(),
                        found: val.ty().to_string(),
                    }
                    .into());
                }
                val.push_slots(&mut out);
            }
            slots[..out.len()].copy_from_slice(&out);
            Ok(())
        };
        HostFunc {
            ty,
            func: Arc::new(func),
        }
    }

    /// The function's Wasm type.
    pub fn ty(&self) -> &FuncType {
        &self.ty
    }
}

impl Func {
    pub(crate) fn from_index(store: StoreId, index: u32) -> Func {
        Func { store, index }
    }

    pub(crate) fn index(self) -> u32 {
        self.index
    }

    pub(crate) fn store_id(self) -> StoreId {
        self.store
    }

    /// Adds a host function made from a typed Rust closure to the store.
    ///
    /// ```
    /// use wasp_core::{Engine, Func, Store};
    /// let mut store = Store::new(&Engine::default(), ());
    /// let add = Func::wrap(&mut store, |a: i32, b: i32| a + b);
    /// assert_eq!(add.typed::<(i32, i32), i32>(&store)?.call(&mut store, (2, 3))?, 5);
    /// # Ok::<(), wasp_core::Error>(())
    /// ```
    pub fn wrap<T, Params, Results>(
        mut store: impl AsContextMut<Data = T>,
        f: impl IntoFunc<T, Params, Results>,
    ) -> Func {
        store.as_context_mut().add_host(f.into_func())
    }

    /// Adds a host function over [`Val`]s with an explicit type to the store.
    pub fn new<T>(
        mut store: impl AsContextMut<Data = T>,
        ty: FuncType,
        f: impl Fn(Caller<'_, T>, &[Val], &mut [Val]) -> Result<(), Error> + Send + Sync + 'static,
    ) -> Func {
        store.as_context_mut().add_host(HostFunc::new(ty, f))
    }

    /// The function's type.
    ///
    /// # Panics
    ///
    /// If the function belongs to another store.
    #[track_caller]
    pub fn ty(&self, store: impl AsContext) -> FuncType {
        let inner = &store.as_context().inner;
        inner.assert_owner(self.store, "function");
        // A handle of this store names one of its functions: functions are never removed.
        inner
            .engine
            .resolve_type(inner.funcs[self.index as usize].type_id())
    }

    /// Calls the function with `params`, writing its results into `results`.
    ///
    /// # Errors
    ///
    /// Fails when the function or a reference among `params` belongs to another store,
    /// when the argument or result counts or types do not match the function's type, or
    /// when execution traps.
    pub fn call<T>(
        &self,
        mut store: impl AsContextMut<Data = T>,
        params: &[Val],
        results: &mut [Val],
    ) -> Result<(), Error> {
        let store = store.as_context_mut();
        let ty = self.checked_ty(store)?;
        check_args(&store.inner, &ty, params, results.len())?;
        let slots = crate::value::checked_slots(&store.inner, params)?;
        let out = call::call_slots(store, self.index, &slots, ty.result_slots())?;
        let values = crate::value::vals_from_slots(store.inner.id, ty.results(), &out);
        for (dst, val) in results.iter_mut().zip(values) {
            *dst = val;
        }
        Ok(())
    }

    /// A typed view of this function.
    ///
    /// # Errors
    ///
    /// Fails if the function belongs to another store or its type does not match
    /// `Params -> Results`.
    pub fn typed<Params: WasmTyList, Results: WasmTyList>(
        &self,
        store: impl AsContext,
    ) -> Result<TypedFunc<Params, Results>, Error> {
        TypedFunc::new(*self, self.checked_ty(store.as_context())?)
    }

    pub(crate) fn checked_ty<T>(&self, store: &Store<T>) -> Result<FuncType, Error> {
        store.inner.check_owner(self.store, "function")?;
        Ok(self.ty(store))
    }
}

fn check_args(
    s: &crate::store::StoreInner,
    ty: &FuncType,
    params: &[Val],
    num_results: usize,
) -> Result<(), Error> {
    let found: Vec<_> = params.iter().map(Val::ty).collect();
    let fit = params.len() == ty.params().len()
        && params
            .iter()
            .zip(ty.params())
            .all(|(v, t)| crate::value::fits(s, v, *t));
    if !fit {
        return Err(UsageError::ArgumentMismatch {
            expected: ty.to_string(),
            found: format!("{}", FuncType::new(found, ty.results().iter().copied())),
        }
        .into());
    }
    if num_results != ty.results().len() {
        return Err(UsageError::ArgumentMismatch {
            expected: format!("{} result slot(s) for {ty}", ty.results().len()),
            found: format!("{num_results}"),
        }
        .into());
    }
    Ok(())
}

impl<T> Store<T> {
    pub(crate) fn add_host(&mut self, host: HostFunc<T>) -> Func {
        let type_id = self.inner.engine.intern_type(&host.ty);
        self.add_host_typed(host, type_id)
    }

    /// Adds a host function whose type this store's engine interned as `type_id`.
    pub(crate) fn add_host_typed(&mut self, host: HostFunc<T>, type_id: u32) -> Func {
        let index = self.inner.push_func(FuncEntity::Host {
            host: self.hosts.len() as u32,
            type_id,
        });
        self.hosts.push(host);
        Func {
            store: self.inner.id,
            index,
        }
    }
}
