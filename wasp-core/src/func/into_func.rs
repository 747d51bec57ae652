//! Typed Rust functions as Wasm functions: the traits that say which Rust types cross the
//! boundary and how a closure becomes a host function.

use std::sync::Arc;

use super::arity::for_each_arity;
use super::{Caller, Func, HostFunc};
use crate::error::{Error, UsageError};
use crate::store::StoreId;
use crate::types::{FuncType, ValType};
use crate::value::{ExternRef, V128};

/// A Rust type that crosses the Wasm boundary as one value.
///
/// Implement it for your own types to use them as parameters and results of host functions
/// and typed calls.
pub trait WasmTy: Sized + 'static {
    /// The Wasm type of the value.
    fn val_type() -> ValType;
    /// Decodes the value from its slot encoding.
    fn from_slot(slot: u64) -> Self;
    /// Encodes the value into its slot encoding.
    fn into_slot(self) -> u64;
    /// Decodes the value from a slot of the store `store`: references become handles of
    /// that store. Implemented by the reference types; others keep the default.
    #[doc(hidden)]
    fn from_slot_in(slot: u64, store: StoreId) -> Self {
        let _ = store;
        Self::from_slot(slot)
    }
    /// The store a reference value belongs to; `None` for values that are not references.
    #[doc(hidden)]
    fn owner(&self) -> Option<StoreId> {
        None
    }
    /// How many 64-bit slots the value takes: 2 for a `v128`, 1 otherwise.
    #[doc(hidden)]
    const SLOTS: usize = 1;
    /// Decodes the value from its first [`WasmTy::SLOTS`] slots (see `from_slot_in`).
    #[doc(hidden)]
    fn read_slots(slots: &[u64], store: StoreId) -> Self {
        Self::from_slot_in(slots[0], store)
    }
    /// Encodes the value into its first [`WasmTy::SLOTS`] slots.
    #[doc(hidden)]
    fn write_slots(self, out: &mut [u64]) {
        out[0] = self.into_slot();
    }
}

/// A `v128`: two slots, low half first; from one slot its high half is zero.
impl WasmTy for V128 {
    fn val_type() -> ValType {
        ValType::V128
    }
    fn from_slot(slot: u64) -> Self {
        V128::from(u128::from(slot))
    }
    fn into_slot(self) -> u64 {
        self.as_u128() as u64
    }
    const SLOTS: usize = 2;
    fn read_slots(slots: &[u64], _: StoreId) -> Self {
        V128::from(u128::from(slots[0]) | u128::from(slots[1]) << 64)
    }
    fn write_slots(self, out: &mut [u64]) {
        out[0] = self.as_u128() as u64;
        out[1] = (self.as_u128() >> 64) as u64;
    }
}

macro_rules! wasm_ty {
    ($t:ty, $vt:ident, |$s:ident| $from:expr, |$v:ident| $into:expr) => {
        impl WasmTy for $t {
            fn val_type() -> ValType {
                ValType::$vt
            }
            fn from_slot($s: u64) -> Self {
                $from
            }
            fn into_slot(self) -> u64 {
                let $v = self;
                $into
            }
        }
    };
}

/// A reference type: decoded without a store, its handles belong to none.
macro_rules! wasm_ref {
    ($t:ident, $vt:ident) => {
        impl WasmTy for Option<$t> {
            fn val_type() -> ValType {
                ValType::$vt
            }
            fn from_slot(slot: u64) -> Self {
                Self::from_slot_in(slot, StoreId::NONE)
            }
            fn into_slot(self) -> u64 {
                self.map_or(0, |r| u64::from(r.index()) + 1)
            }
            fn from_slot_in(slot: u64, store: StoreId) -> Self {
                slot.checked_sub(1).map(|i| $t::from_index(store, i as u32))
            }
            fn owner(&self) -> Option<StoreId> {
                self.map(|r| r.store_id())
            }
        }
    };
}

wasm_ty!(i32, I32, |s| s as u32 as i32, |v| u64::from(v as u32));
wasm_ty!(u32, I32, |s| s as u32, |v| u64::from(v));
wasm_ty!(i64, I64, |s| s as i64, |v| v as u64);
wasm_ty!(u64, I64, |s| s, |v| v);
wasm_ty!(f32, F32, |s| f32::from_bits(s as u32), |v| u64::from(
    v.to_bits()
));
wasm_ty!(f64, F64, |s| f64::from_bits(s), |v| v.to_bits());
wasm_ty!(bool, I32, |s| s as u32 != 0, |v| u64::from(v));
wasm_ref!(Func, FuncRef);
wasm_ref!(ExternRef, ExternRef);

/// A list of Wasm values as a Rust type: `()`, a single [`WasmTy`], or a tuple of them.
/// Used for the parameters and results of typed functions.
pub trait WasmTyList: Sized + 'static {
    /// The Wasm types of the list.
    fn types() -> Vec<ValType>;
    /// How many 64-bit slots the list takes (a `v128` takes two).
    #[doc(hidden)]
    const SLOTS: usize;
    /// Encodes the list into `out` ([`WasmTyList::SLOTS`] long).
    fn into_slots(self, out: &mut [u64]);
    /// Decodes the list from `slots` ([`WasmTyList::SLOTS`] long).
    fn from_slots(slots: &[u64]) -> Self;
    /// Decodes the list from slots of the store `store`.
    #[doc(hidden)]
    fn from_slots_in(slots: &[u64], store: StoreId) -> Self {
        let _ = store;
        Self::from_slots(slots)
    }
    /// Fails if a reference in the list belongs to a store other than `store`.
    #[doc(hidden)]
    fn check_owner(&self, store: StoreId) -> Result<(), Error> {
        let _ = store;
        Ok(())
    }
}

/// Fails if `value` is a reference of a store other than `store`.
fn check_value_owner<W: WasmTy>(value: &W, store: StoreId) -> Result<(), Error> {
    match value.owner() {
        Some(owner) if owner != store => Err(UsageError::ForeignHandle("reference").into()),
        _ => Ok(()),
    }
}

impl<A: WasmTy> WasmTyList for A {
    fn types() -> Vec<ValType> {
        vec![A::val_type()]
    }
    const SLOTS: usize = A::SLOTS;
    fn into_slots(self, out: &mut [u64]) {
        self.write_slots(out);
    }
    fn from_slots(slots: &[u64]) -> Self {
        A::read_slots(slots, StoreId::NONE)
    }
    fn from_slots_in(slots: &[u64], store: StoreId) -> Self {
        A::read_slots(slots, store)
    }
    fn check_owner(&self, store: StoreId) -> Result<(), Error> {
        check_value_owner(self, store)
    }
}

macro_rules! tuple_list {
    ($($t:ident $i:tt),*) => {
        impl<$($t: WasmTy),*> WasmTyList for ($($t,)*) {
            fn types() -> Vec<ValType> {
                vec![$($t::val_type()),*]
            }
            const SLOTS: usize = 0 $(+ $t::SLOTS)*;
            #[allow(unused_variables, unused_mut, unused_assignments)]
            fn into_slots(self, out: &mut [u64]) {
                let mut at = 0;
                $(
                    self.$i.write_slots(&mut out[at..]);
                    at += $t::SLOTS;
                )*
            }
            fn from_slots(slots: &[u64]) -> Self {
                Self::from_slots_in(slots, StoreId::NONE)
            }
            #[allow(unused_variables, unused_mut, unused_assignments, clippy::unused_unit)]
            fn from_slots_in(slots: &[u64], store: StoreId) -> Self {
                let mut at = 0;
                ($({
                    let value = $t::read_slots(&slots[at..], store);
                    at += $t::SLOTS;
                    value
                },)*)
            }
            #[allow(unused_variables)]
            fn check_owner(&self, store: StoreId) -> Result<(), Error> {
                $(check_value_owner(&self.$i, store)?;)*
                Ok(())
            }
        }
    };
}

for_each_arity!(tuple_list);

/// What a host function may return: a [`WasmTyList`], or a `Result` of one whose error
/// becomes a trap.
pub trait IntoHostResult: 'static {
    /// The values returned on success.
    type Results: WasmTyList;
    /// Splits into success values or a trap.
    ///
    /// # Errors
    ///
    /// The error a host function returned, which traps the call.
    fn into_host_result(self) -> Result<Self::Results, Error>;
}

impl<R: WasmTyList> IntoHostResult for R {
    type Results = R;
    fn into_host_result(self) -> Result<R, Error> {
        Ok(self)
    }
}

impl<R: WasmTyList, E: Into<Error> + 'static> IntoHostResult for Result<R, E> {
    type Results = R;
    fn into_host_result(self) -> Result<R, Error> {
        self.map_err(Into::into)
    }
}

/// A Rust closure that can become a host function. Implemented for `Fn(A1, .., An) -> R`
/// and `Fn(Caller<'_, T>, A1, .., An) -> R` where each `Ai` is a [`WasmTy`] and `R` an
/// [`IntoHostResult`], up to 12 parameters.
pub trait IntoFunc<T, Params, Results>: Send + Sync + 'static {
    /// Converts the closure.
    fn into_func(self) -> HostFunc<T>;
}

/// The host function whose body decodes its parameters `P` from the slots, hands them to
/// `call` with the caller, checks that the references it returns belong to the caller's
/// store, and encodes them as its results.
fn host_func<T, P, R>(call: impl Fn(Caller<'_, T>, P) -> R + Send + Sync + 'static) -> HostFunc<T>
where
    P: WasmTyList,
    R: IntoHostResult,
{
    let ty = FuncType::new(P::types(), R::Results::types());
    let func = move |caller: Caller<'_, T>, slots: &mut [u64]| {
        let id = caller.store_id();
        let params = P::from_slots_in(slots, id);
        let results = call(caller, params).into_host_result()?;
        results.check_owner(id)?;
        results.into_slots(slots);
        Ok(())
    };
    HostFunc {
        ty,
        func: Arc::new(func),
    }
}

macro_rules! into_func {
    ($($a:ident $i:tt),*) => {
        impl<T, F, R, $($a: WasmTy),*> IntoFunc<T, ($($a,)*), R> for F
        where
            F: Fn($($a),*) -> R + Send + Sync + 'static,
            R: IntoHostResult,
        {
            #[allow(non_snake_case)]
            fn into_func(self) -> HostFunc<T> {
                host_func(move |_, ($($a,)*): ($($a,)*)| (self)($($a),*))
            }
        }

        impl<T, F, R, $($a: WasmTy),*> IntoFunc<T, (Caller<'static, T>, $($a,)*), R> for F
        where
            F: Fn(Caller<'_, T>, $($a),*) -> R + Send + Sync + 'static,
            R: IntoHostResult,
        {
            #[allow(non_snake_case)]
            fn into_func(self) -> HostFunc<T> {
                host_func(move |caller, ($($a,)*): ($($a,)*)| (self)(caller, $($a),*))
            }
        }
    };
}

for_each_arity!(into_func);
