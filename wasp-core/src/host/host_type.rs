//! Which Rust types cross the Wasm boundary in a `#[host]` function: [`HostType`] for one
//! value, [`HostResults`] for what a call returns on success, [`HostReturn`] for the
//! function's return type (values, or a `Result` of them).

use super::host_error::HostError;
use super::private::Slots;
use crate::error::Error;
use crate::func::for_each_arity;
use crate::func::{Func, WasmTy};
use crate::types::ValType;
use crate::value::{ExternRef, V128};

mod sealed {
    pub trait Sealed {}
}

/// The built-in types that Wasm values are made of: `i32`, `u32`, `i64`, `u64`, `f32`, `f64`,
/// `bool` (an `i32` that is 0 or not), [`V128`] (a `v128`), `Option<Func>` (a `funcref`) and
/// `Option<ExternRef>` (an `externref`). Sealed: make your own types cross through [`HostType`].
pub trait WasmPrimitive: WasmTy + sealed::Sealed {
    /// The Wasm type of the value.
    const VAL_TYPE: ValType;
}

macro_rules! primitive {
    ($($t:ty => $vt:ident),* $(,)?) => {$(
        impl sealed::Sealed for $t {}
        impl WasmPrimitive for $t {
            const VAL_TYPE: ValType = ValType::$vt;
        }
        impl HostType for $t {
            type Wasm = $t;
            fn from_wasm(value: $t) -> Result<$t, HostError> {
                Ok(value)
            }
            fn into_wasm(self) -> Result<$t, HostError> {
                Ok(self)
            }
        }
    )*};
}

/// A Rust type that a `#[host]` function takes or returns as one Wasm value.
///
/// Implemented for the [`WasmPrimitive`]s, and for [`Func`] and [`ExternRef`] (non-null
/// references: a null one traps the call). Implement it to let your own types cross: say
/// which primitive carries the value and how to convert; a failed conversion traps the call
/// with the error's message.
///
/// ```
/// use wasp_core::{HostError, HostType};
///
/// #[derive(Debug, PartialEq)]
/// enum Mark { X, O }
///
/// impl HostType for Mark {
///     type Wasm = i32;
///     fn from_wasm(v: i32) -> Result<Mark, HostError> {
///         match v {
///             1 => Ok(Mark::X),
///             2 => Ok(Mark::O),
///             _ => Err(HostError::msg(format!("expected a player (1 or 2), found {v}"))),
///         }
///     }
///     fn into_wasm(self) -> Result<i32, HostError> {
///         Ok(match self { Mark::X => 1, Mark::O => 2 })
///     }
/// }
/// assert_eq!(Mark::from_wasm(2)?, Mark::O);
/// # Ok::<(), HostError>(())
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot cross the Wasm boundary",
    label = "not a Wasm value type",
    note = "host functions take and return i32, u32, i64, u64, f32, f64, bool, `V128`, `Func`, `ExternRef`, their `Option`s, `Val` (written `#[wasm(i32)] x: Val`), and types that implement `wasp_core::HostType`"
)]
pub trait HostType: Sized + 'static {
    /// The built-in type that carries the value.
    type Wasm: WasmPrimitive;
    /// Converts a value received from Wasm; an `Err` traps the call.
    ///
    /// # Errors
    ///
    /// A [`HostError`] when the value is not a valid `Self` (for example an out-of-range
    /// `char`); it traps the call.
    fn from_wasm(value: Self::Wasm) -> Result<Self, HostError>;
    /// Converts a value to hand to Wasm; an `Err` traps the call.
    ///
    /// # Errors
    ///
    /// A [`HostError`] when the value cannot be represented in Wasm; it traps the call.
    fn into_wasm(self) -> Result<Self::Wasm, HostError>;
}

primitive! {
    i32 => I32,
    u32 => I32,
    i64 => I64,
    u64 => I64,
    f32 => F32,
    f64 => F64,
    bool => I32,
    Option<Func> => FuncRef,
    Option<ExternRef> => ExternRef,
    V128 => V128,
}

impl HostType for Func {
    type Wasm = Option<Func>;
    fn from_wasm(value: Option<Func>) -> Result<Func, HostError> {
        value.ok_or_else(|| HostError::msg("expected a function reference, found ref.null func"))
    }
    fn into_wasm(self) -> Result<Option<Func>, HostError> {
        Ok(Some(self))
    }
}

impl HostType for ExternRef {
    type Wasm = Option<ExternRef>;
    fn from_wasm(value: Option<ExternRef>) -> Result<ExternRef, HostError> {
        value.ok_or_else(|| HostError::msg("expected an extern reference, found ref.null extern"))
    }
    fn into_wasm(self) -> Result<Option<ExternRef>, HostError> {
        Ok(Some(self))
    }
}

/// The Wasm type of a [`HostType`].
const fn val_type_of<A: HostType>() -> ValType {
    <A::Wasm as WasmPrimitive>::VAL_TYPE
}

/// What a host function hands back to Wasm on success: `()`, one [`HostType`], or a tuple
/// of up to 12 of them (multi-value). Implemented by this crate only.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be returned to Wasm",
    label = "not a Wasm result type",
    note = "host functions return (), one value, a tuple of values, or a `Result` of those; values are i32, u32, i64, u64, f32, f64, bool, `V128`, `Func`, `ExternRef`, their `Option`s, or types that implement `wasp_core::HostType`"
)]
pub trait HostResults: Sized + 'static {
    /// The Wasm types of the results.
    const TYPES: &'static [ValType];
    #[doc(hidden)]
    fn __store(self, slots: &mut Slots<'_>) -> Result<(), Error>;
}

impl<A: HostType> HostResults for A {
    const TYPES: &'static [ValType] = &[val_type_of::<A>()];
    fn __store(self, slots: &mut Slots<'_>) -> Result<(), Error> {
        slots.set(0, self.into_wasm()?);
        Ok(())
    }
}

macro_rules! tuple_results {
    ($($a:ident $i:tt),*) => {
        impl<$($a: HostType),*> HostResults for ($($a,)*) {
            const TYPES: &'static [ValType] = &[$(val_type_of::<$a>()),*];
            #[allow(unused_variables)]
            fn __store(self, slots: &mut Slots<'_>) -> Result<(), Error> {
                $(slots.set($i, self.$i.into_wasm()?);)*
                Ok(())
            }
        }
    };
}

for_each_arity!(tuple_results);

/// The return type of a `#[host]` function: [`HostResults`], or `Result<R, E>` whose `Err`
/// traps the call with the error's message (`E` is [`HostError`],
/// [`wasp_core::Error`](crate::Error), or any standard error).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be returned to Wasm",
    label = "not a Wasm result type",
    note = "host functions return (), one value, a tuple of values, or `Result<_, E>` where `E` converts into `wasp_core::HostError`: any `std::error::Error`, `wasp_core::Error`, or `HostError` itself (`HostError::msg(..)` makes one from a message)"
)]
pub trait HostReturn: 'static {
    /// The values handed back on success.
    type Ok: HostResults;
    /// The values, or the error that traps the call.
    ///
    /// # Errors
    ///
    /// The error the host function returned, which traps the call.
    fn into_results(self) -> Result<Self::Ok, Error>;
}

impl<R: HostResults> HostReturn for R {
    type Ok = R;
    fn into_results(self) -> Result<R, Error> {
        Ok(self)
    }
}

impl<R: HostResults, E: Into<HostError> + 'static> HostReturn for Result<R, E> {
    type Ok = R;
    fn into_results(self) -> Result<R, Error> {
        self.map_err(|e| Error::from(e.into()))
    }
}
