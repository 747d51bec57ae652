//! Support for the code that `#[host]` and `imports!` generate, re-exported as
//! `wasp_core::__private`. Not a public API: names and signatures change without notice.

use std::sync::Arc;

use super::ctx::Ctx;
use super::host_error::HostError;
use super::host_type::{HostResults, HostReturn};
use crate::error::{Error, UsageError};
use crate::func::{Caller, HostFunc, WasmTy};
use crate::store::AsContextMut;
use crate::types::{FuncType, ValType};
use crate::value::Val;

pub use super::text::{same_types, ConstText};
pub use crate::store::StoreId;

/// The parameter and result slots of one host call, as the engine hands them over: the
/// parameters first, then overwritten by the results.
///
/// Generated code reads every parameter before it writes any result, and indexes both by
/// the positions of the function type it declared, which the engine sized the slots for.
pub struct Slots<'a> {
    slots: &'a mut [u64],
    /// Where each parameter and each result starts when the type has a `v128` (two slots);
    /// empty when value `i` is slot `i`.
    params_at: &'a [usize],
    results_at: &'a [usize],
    /// The store the call runs in: references read are its handles.
    store: StoreId,
    /// Set when a result written was a reference of another store; fails the call.
    foreign: bool,
}

impl Slots<'_> {
    /// Parameter `i` as its carrier type.
    pub fn get<W: WasmTy>(&self, i: usize) -> W {
        let at = self.params_at.get(i).copied().unwrap_or(i);
        W::read_slots(&self.slots[at..], self.store)
    }

    /// Parameter `i`, declared of type `ty`, as a [`Val`].
    pub fn get_val(&self, i: usize, ty: ValType) -> Val {
        let at = self.params_at.get(i).copied().unwrap_or(i);
        let high = self.slots.get(at + 1).copied().unwrap_or(0);
        Val::from_slots(self.store, ty, self.slots[at], high)
    }

    /// Writes result `i` from its carrier type; a reference of another store fails the call
    /// once the function returns.
    pub fn set<W: WasmTy>(&mut self, i: usize, value: W) {
        if value.owner().is_some_and(|owner| owner != self.store) {
            self.foreign = true;
        }
        let at = self.results_at.get(i).copied().unwrap_or(i);
        value.write_slots(&mut self.slots[at..]);
    }

    /// Writes result `i`, declared of type `ty`; a value of another type or a reference of
    /// another store fails the call.
    pub fn set_val(&mut self, i: usize, ty: ValType, value: Val) -> Result<(), Error> {
        crate::value::check_ref_owner(self.store, &value)?;
        if !crate::value::fits_kind(&value, ty) {
            return Err(UsageError::ValueMismatch {
                expected: ty.to_string(),
                found: value.ty().to_string(),
            }
            .into());
        }
        let at = self.results_at.get(i).copied().unwrap_or(i);
        self.slots[at] = value.to_slot();
        if ty == ValType::V128 {
            self.slots[at + 1] = value.high_slot();
        }
        Ok(())
    }
}

/// The return type of the `#[host]` function whose companion implements it.
///
/// The bound is checked once, where the companion implements this trait, and the functions
/// below rely on it: a return type that cannot cross is one error, at the user's type.
pub trait Returns {
    /// The function's return type.
    type Return: HostReturn;
}

/// The Wasm result types of `F`'s function.
pub const fn result_types<F: Returns>() -> &'static [ValType] {
    <<F::Return as HostReturn>::Ok as HostResults>::TYPES
}

/// Writes the results of `F`'s function into the slots, or returns the error it carries.
pub fn store_return<F: Returns>(ret: F::Return, slots: &mut Slots<'_>) -> Result<(), Error> {
    ret.into_results()?.__store(slots)
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
    let starts = |tys: &[ValType]| -> Vec<usize> {
        if tys.contains(&ValType::V128) {
            tys.iter()
                .scan(0, |at, ty| Some(std::mem::replace(at, *at + ty.slots())))
                .collect()
        } else {
            Vec::new()
        }
    };
    let (params_at, results_at) = (starts(ty.params()), starts(ty.results()));
    let func = move |mut caller: Caller<'_, T>, slots: &mut [u64]| {
        let store = caller.store_id();
        let ctx = Ctx::from_store(caller.as_context_mut());
        let mut slots = Slots {
            slots,
            params_at: &params_at,
            results_at: &results_at,
            store,
            foreign: false,
        };
        body(ctx, &mut slots)?;
        if slots.foreign {
            return Err(UsageError::ForeignHandle("reference").into());
        }
        Ok(())
    };
    HostFunc {
        ty,
        func: Arc::new(func),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_val_refuses_a_value_of_another_type() {
        let mut raw = [0u64; 1];
        let mut slots = Slots {
            slots: &mut raw,
            params_at: &[],
            results_at: &[],
            store: StoreId::NONE,
            foreign: false,
        };
        let err = slots.set_val(0, ValType::I64, Val::I32(1)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "value type mismatch: expected i64, found i32"
        );
        slots.set_val(0, ValType::I32, Val::I32(-1)).unwrap();
        assert_eq!(raw[0], u64::from(u32::MAX));
    }

    #[test]
    fn a_failed_conversion_is_an_error_not_a_panic() {
        let mut raw = [0u64; 1];
        let slots = Slots {
            slots: &mut raw,
            params_at: &[],
            results_at: &[],
            store: StoreId::NONE,
            foreign: false,
        };
        let err = trap(<crate::Func as crate::HostType>::from_wasm(slots.get(0)).unwrap_err());
        assert_eq!(
            err.to_string(),
            "host function failed: expected a function reference, found ref.null func"
        );
    }
}
