//! Support for the code that `#[host]` and `imports!` generate, re-exported as
//! `wasp_core::__private`. Not a public API: names and signatures change without notice.

use std::sync::Arc;

use super::ctx::Ctx;
use super::host_error::HostError;
use super::host_type::{HostReturn, HostType, WasmPrimitive};
use super::signature::HostFunction;
use crate::error::{Error, UsageError};
use crate::func::{Caller, HostFunc, WasmTy};
use crate::store::AsContextMut;
use crate::types::{FuncType, ValType};
use crate::value::Val;

pub use super::host_type::val_type_of;
pub use super::text::{same_types, ConstText};

/// The parameter and result slots of one host call, as the engine hands them over: the
/// parameters first, then overwritten by the results.
///
/// Generated code reads every parameter before it writes any result, and indexes both by
/// the positions of the function type it declared, which the engine sized the slots for.
pub struct Slots<'a> {
    slots: &'a mut [u64],
}

impl Slots<'_> {
    /// Parameter `i` as an `A`; a failed conversion traps.
    pub fn param<A: HostType>(&self, i: usize) -> Result<A, Error> {
        let raw = <A::Wasm as WasmTy>::from_slot(self.slots[i]);
        A::from_wasm(raw).map_err(Error::from)
    }

    /// Parameter `i`, declared of type `ty`, as a [`Val`].
    pub fn param_val(&self, i: usize, ty: ValType) -> Val {
        Val::from_slot(ty, self.slots[i])
    }

    /// Writes result `i`; a failed conversion traps.
    pub fn result<A: HostType>(&mut self, i: usize, value: A) -> Result<(), Error> {
        let raw = value.into_wasm().map_err(Error::from)?;
        self.slots[i] = raw.into_slot();
        Ok(())
    }

    /// Writes result `i`, declared of type `ty`; a value of another type fails the call.
    pub fn result_val(&mut self, i: usize, ty: ValType, value: Val) -> Result<(), Error> {
        if value.ty() != ty {
            return Err(UsageError::ValueMismatch {
                expected: ty.to_string(),
                found: value.ty().to_string(),
            }
            .into());
        }
        self.slots[i] = value.to_slot();
        Ok(())
    }

    /// Writes all results of a return value, or returns the error it carries.
    pub fn results<R: HostReturn>(&mut self, ret: R) -> Result<(), Error> {
        use super::host_type::HostResults;
        ret.into_results()?.__store(self)
    }
}

/// The trap for the `Err` of a host function's `Result`.
pub fn trap(error: impl Into<HostError>) -> Error {
    Error::from(error.into())
}

/// A host function of type `ty` whose body reads its parameters from, and writes its
/// results to, the call's [`Slots`].
pub fn host_func<T, F>(ty: FuncType, body: F) -> HostFunc<T>
where
    F: Fn(&mut Ctx<T>, &mut Slots<'_>) -> Result<(), Error> + Send + Sync + 'static,
{
    let func = move |mut caller: Caller<'_, T>, slots: &mut [u64]| {
        let ctx = Ctx::from_store(caller.as_context_mut());
        body(ctx, &mut Slots { slots })
    };
    HostFunc {
        ty,
        func: Arc::new(func),
    }
}

/// The host function of the `#[host]` companion `F`, for the store data type `T`.
pub fn host_func_of<F: HostFunction<T>, T>() -> HostFunc<T> {
    F::host_func()
}

/// Whether the Wasm type of `A` is `ty`: used to check `#[host(results(..))]`.
pub const fn is_val_type<A: HostType>(ty: ValType) -> bool {
    same_types(&[<A::Wasm as WasmPrimitive>::VAL_TYPE], &[ty])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn result_val_refuses_a_value_of_another_type() {
        let mut raw = [0u64; 1];
        let mut slots = Slots { slots: &mut raw };
        let err = slots
            .result_val(0, ValType::I64, Val::I32(1))
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "value type mismatch: expected i64, found i32"
        );
        slots.result_val(0, ValType::I32, Val::I32(-1)).unwrap();
        assert_eq!(raw[0], u64::from(u32::MAX));
    }

    #[test]
    fn a_failed_conversion_is_an_error_not_a_panic() {
        let raw = [0u64; 1];
        let mut copy = raw;
        let slots = Slots { slots: &mut copy };
        let err = slots.param::<crate::Func>(0).unwrap_err();
        assert_eq!(
            err.to_string(),
            "host function failed: expected a function reference, found ref.null func"
        );
    }
}
