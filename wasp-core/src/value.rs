//! Values crossing the boundary between the embedder and WebAssembly.

use std::any::Any;

use crate::error::{Error, UsageError};
use crate::func::Func;
use crate::store::{AsContext, AsContextMut, StoreId, StoreInner};
use crate::types::{HeapType, ValType};

/// A WebAssembly value.
///
/// Floats are held as their IEEE bits so that NaN payloads survive a round trip; use
/// [`Val::from_f32`] / [`Val::f32`] to work with Rust floats.
///
/// ```
/// use wasp_core::{Val, ValType};
/// let v = Val::from_f64(1.5);
/// assert_eq!(v.ty(), ValType::F64);
/// assert_eq!(v.f64(), Some(1.5));
/// ```
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Val {
    /// An `i32`.
    I32(i32),
    /// An `i64`.
    I64(i64),
    /// The bits of an `f32`.
    F32(u32),
    /// The bits of an `f64`.
    F64(u64),
    /// A `v128` (SIMD).
    V128(V128),
    /// A `funcref`: `None` is `ref.null func`.
    FuncRef(Option<Func>),
    /// An `externref`: `None` is `ref.null extern`.
    ExternRef(Option<ExternRef>),
}

impl Val {
    /// An `f32` value.
    pub fn from_f32(x: f32) -> Val {
        Val::F32(x.to_bits())
    }

    /// An `f64` value.
    pub fn from_f64(x: f64) -> Val {
        Val::F64(x.to_bits())
    }

    /// The type of this value.
    pub fn ty(&self) -> ValType {
        match self {
            Val::I32(_) => ValType::I32,
            Val::I64(_) => ValType::I64,
            Val::F32(_) => ValType::F32,
            Val::F64(_) => ValType::F64,
            Val::V128(_) => ValType::V128,
            Val::FuncRef(_) => ValType::FuncRef,
            Val::ExternRef(_) => ValType::ExternRef,
        }
    }

    /// The default (zero or null) value of a type; a null reference for a non-nullable
    /// reference type, which has no default ([`ValType::is_defaultable`]).
    pub fn default_for(ty: ValType) -> Val {
        match ty {
            ValType::I32 => Val::I32(0),
            ValType::I64 => Val::I64(0),
            ValType::F32 => Val::F32(0),
            ValType::F64 => Val::F64(0),
            ValType::V128 => Val::V128(V128(0)),
            ValType::FuncRef => Val::FuncRef(None),
            ValType::ExternRef => Val::ExternRef(None),
            ValType::Ref(r) if r.heap_type() == HeapType::Extern => Val::ExternRef(None),
            ValType::Ref(_) => Val::FuncRef(None),
        }
    }

    /// The `i32`, if this is one.
    pub fn i32(&self) -> Option<i32> {
        match self {
            Val::I32(x) => Some(*x),
            _ => None,
        }
    }

    /// The `i64`, if this is one.
    pub fn i64(&self) -> Option<i64> {
        match self {
            Val::I64(x) => Some(*x),
            _ => None,
        }
    }

    /// The `f32`, if this is one.
    pub fn f32(&self) -> Option<f32> {
        match self {
            Val::F32(x) => Some(f32::from_bits(*x)),
            _ => None,
        }
    }

    /// The `f64`, if this is one.
    pub fn f64(&self) -> Option<f64> {
        match self {
            Val::F64(x) => Some(f64::from_bits(*x)),
            _ => None,
        }
    }

    /// The `v128`, if this is one.
    pub fn v128(&self) -> Option<V128> {
        match self {
            Val::V128(x) => Some(*x),
            _ => None,
        }
    }

    /// The untyped slot encoding of this value (see the IR's conventions); the low half of a
    /// `v128`, whose high half is [`Val::high_slot`].
    pub(crate) fn to_slot(self) -> u64 {
        match self {
            Val::I32(x) => u64::from(x as u32),
            Val::I64(x) => x as u64,
            Val::F32(x) => u64::from(x),
            Val::F64(x) => x,
            Val::V128(x) => x.0 as u64,
            Val::FuncRef(f) => f.map_or(0, |f| u64::from(f.index()) + 1),
            Val::ExternRef(e) => e.map_or(0, |e| u64::from(e.index) + 1),
        }
    }

    /// The second slot of a `v128` (its high half); 0 for the other types, which take one.
    pub(crate) fn high_slot(self) -> u64 {
        match self {
            Val::V128(x) => (x.0 >> 64) as u64,
            _ => 0,
        }
    }

    /// Appends the slots of this value: one, or two for a `v128` (low half first).
    pub(crate) fn push_slots(self, out: &mut Vec<u64>) {
        out.push(self.to_slot());
        if let Val::V128(_) = self {
            out.push(self.high_slot());
        }
    }

    /// Decodes the slots of a value of type `ty`: `slot`, and `high` for a `v128`; references
    /// are handles of store `store`.
    pub(crate) fn from_slots(store: StoreId, ty: ValType, slot: u64, high: u64) -> Val {
        match ty {
            ValType::V128 => Val::V128(V128(u128::from(slot) | u128::from(high) << 64)),
            _ => Val::from_slot(store, ty, slot),
        }
    }

    /// Decodes a slot of type `ty`; references are handles of store `store`. A `v128` needs
    /// both of its slots: [`Val::from_slots`]; from one slot it gets a zero high half.
    pub(crate) fn from_slot(store: StoreId, ty: ValType, slot: u64) -> Val {
        match ty {
            ValType::I32 => Val::I32(slot as u32 as i32),
            ValType::I64 => Val::I64(slot as i64),
            ValType::V128 => Val::V128(V128(u128::from(slot))),
            ValType::F32 => Val::F32(slot as u32),
            ValType::F64 => Val::F64(slot),
            ValType::ExternRef => {
                Val::ExternRef(ref_index(slot).map(|index| ExternRef { store, index }))
            }
            ValType::Ref(r) if r.heap_type() == HeapType::Extern => {
                Val::ExternRef(ref_index(slot).map(|index| ExternRef { store, index }))
            }
            ValType::FuncRef | ValType::Ref(_) => {
                Val::FuncRef(ref_index(slot).map(|index| Func::from_index(store, index)))
            }
        }
    }
}

fn ref_index(slot: u64) -> Option<u32> {
    slot.checked_sub(1).map(|i| i as u32)
}

/// Whether `val` is a value of type `ty`, as far as can be told without its store: the same
/// number type, or a reference of the right kind that is not null where `ty` forbids null.
/// [`fits`] also checks a function's signature against a concrete heap type.
pub(crate) fn fits_kind(val: &Val, ty: ValType) -> bool {
    let Some(want) = ty.as_ref_type() else {
        return val.ty() == ty;
    };
    let (null, extern_) = match val {
        Val::FuncRef(f) => (f.is_none(), false),
        Val::ExternRef(e) => (e.is_none(), true),
        _ => return false,
    };
    (want.heap_type() == HeapType::Extern) == extern_ && (!null || want.is_nullable())
}

/// Whether `val`, of store `s`, is a value of type `ty` (subtyping included: a function
/// reference fits `(ref $t)` when the function's signature is `$t`'s).
pub(crate) fn fits(s: &StoreInner, val: &Val, ty: ValType) -> bool {
    if !fits_kind(val, ty) {
        return false;
    }
    match (val, ty.as_ref_type().map(|r| r.heap_type())) {
        (Val::FuncRef(Some(f)), Some(HeapType::Concrete(sig))) => s
            .funcs
            .get(f.index() as usize)
            .is_some_and(|e| s.engine.resolve_type(e.type_id()) == *sig.func_type()),
        _ => true,
    }
}

/// Fails if `val`, of store `s`, is not a value of type `ty` ([`fits`]).
pub(crate) fn check_fits(s: &StoreInner, val: &Val, ty: ValType) -> Result<(), UsageError> {
    if fits(s, val, ty) {
        Ok(())
    } else {
        Err(UsageError::ValueMismatch {
            expected: ty.to_string(),
            found: describe(s, val),
        })
    }
}

/// A value's type for an error message: a function reference with its signature.
fn describe(s: &StoreInner, val: &Val) -> String {
    match val {
        Val::FuncRef(Some(f)) => match s.funcs.get(f.index() as usize) {
            Some(e) => format!("(ref {})", s.engine.resolve_type(e.type_id())),
            None => val.ty().to_string(),
        },
        Val::FuncRef(None) | Val::ExternRef(None) => format!("(ref.null) of {}", val.ty()),
        _ => val.ty().to_string(),
    }
}

/// Fails if `val` is a reference to an object of a store other than `store`.
pub(crate) fn check_ref_owner(store: StoreId, val: &Val) -> Result<(), UsageError> {
    let (owner, what) = match val {
        Val::FuncRef(Some(f)) => (f.store_id(), "function"),
        Val::ExternRef(Some(e)) => (e.store, "extern-ref"),
        _ => return Ok(()),
    };
    if owner == store {
        Ok(())
    } else {
        Err(UsageError::ForeignHandle(what))
    }
}

/// The slots of `vals` (two for a `v128`), checking that every reference among them belongs
/// to the store.
pub(crate) fn checked_slots(s: &StoreInner, vals: &[Val]) -> Result<Vec<u64>, Error> {
    let mut slots = Vec::with_capacity(vals.len());
    for v in vals {
        check_ref_owner(s.id, v)?;
        v.push_slots(&mut slots);
    }
    Ok(slots)
}

/// Decodes values of types `tys` from consecutive slots (two for a `v128`); missing slots
/// read as zero.
pub(crate) fn vals_from_slots(store: StoreId, tys: &[ValType], slots: &[u64]) -> Vec<Val> {
    let mut at = 0;
    tys.iter()
        .map(|&ty| {
            let slot = |i: usize| slots.get(i).copied().unwrap_or(0);
            let val = Val::from_slots(store, ty, slot(at), slot(at + 1));
            at += ty.slots();
            val
        })
        .collect()
}

/// A 128-bit SIMD vector, the value of a `v128`: its 16 bytes in little-endian order, as
/// linear memory holds them (lane 0 in the lowest bits).
///
/// It converts from and to `u128`, as wasmtime's and wasmi's `V128` do, and is the carrier
/// of `v128` in typed calls and host functions.
///
/// ```
/// use wasp_core::{Val, ValType, V128};
/// let v = V128::from(0x0102_0304_u128);
/// assert_eq!(Val::V128(v).ty(), ValType::V128);
/// assert_eq!(v.as_u128(), 0x0102_0304);
/// assert_eq!(v.to_le_bytes()[0], 0x04);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct V128(u128);

impl V128 {
    /// The vector's bits as a `u128` (lane 0 in the lowest bits).
    pub fn as_u128(self) -> u128 {
        self.0
    }

    /// The vector's 16 bytes, lane 0 of `i8x16` first.
    pub fn to_le_bytes(self) -> [u8; 16] {
        self.0.to_le_bytes()
    }

    /// The vector with these 16 bytes, lane 0 of `i8x16` first.
    pub fn from_le_bytes(bytes: [u8; 16]) -> V128 {
        V128(u128::from_le_bytes(bytes))
    }
}

impl From<u128> for V128 {
    fn from(x: u128) -> V128 {
        V128(x)
    }
}

impl From<V128> for u128 {
    fn from(x: V128) -> u128 {
        x.0
    }
}

impl From<V128> for Val {
    fn from(x: V128) -> Val {
        Val::V128(x)
    }
}

impl From<i32> for Val {
    fn from(x: i32) -> Val {
        Val::I32(x)
    }
}

impl From<i64> for Val {
    fn from(x: i64) -> Val {
        Val::I64(x)
    }
}

impl From<f32> for Val {
    fn from(x: f32) -> Val {
        Val::from_f32(x)
    }
}

impl From<f64> for Val {
    fn from(x: f64) -> Val {
        Val::from_f64(x)
    }
}

impl From<Func> for Val {
    fn from(f: Func) -> Val {
        Val::FuncRef(Some(f))
    }
}

/// A reference to a host value, owned by a store, that Wasm code can hold but not inspect.
///
/// ```
/// use wasp_core::{Engine, ExternRef, Store};
/// let mut store = Store::new(&Engine::default(), ());
/// let r = ExternRef::new(&mut store, 42_u32);
/// assert_eq!(r.data(&store).and_then(|d| d.downcast_ref::<u32>()), Some(&42));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ExternRef {
    store: StoreId,
    index: u32,
}

impl ExternRef {
    pub(crate) fn from_index(store: StoreId, index: u32) -> ExternRef {
        ExternRef { store, index }
    }

    pub(crate) fn store_id(self) -> StoreId {
        self.store
    }

    pub(crate) fn index(self) -> u32 {
        self.index
    }

    /// Stores `value` in the store and returns a reference to it.
    pub fn new(mut store: impl AsContextMut, value: impl Any + Send + Sync) -> ExternRef {
        let inner = &mut store.as_context_mut().inner;
        let index = inner.externs.len() as u32;
        inner.externs.push(std::sync::Arc::new(value));
        ExternRef {
            store: inner.id,
            index,
        }
    }

    /// The host value behind this reference.
    ///
    /// # Panics
    ///
    /// If the reference belongs to another store.
    #[track_caller]
    pub fn data<'a, S: AsContext + 'a>(&self, store: &'a S) -> Option<&'a (dyn Any + Send + Sync)> {
        let inner = &store.as_context().inner;
        inner.assert_owner(self.store, "extern-ref");
        inner.externs.get(self.index as usize).map(|b| b.as_ref())
    }
}
