//! The traits that `#[host]` implements for the companion of each host function.

use crate::func::HostFunc;
use crate::types::{FuncType, ValType};

/// The Wasm side of a `#[host]` function, known without any store or instance: its import
/// name and its function type.
///
/// `#[host]` implements it for a companion type named after the function (the function
/// itself stays an ordinary Rust function). The same items are also inherent on the
/// companion, so `add::ty()` works without importing this trait.
///
/// ```
/// use wasp_core::{host, HostSignature, ValType};
///
/// #[host]
/// fn add(a: i64, b: i64) -> i64 {
///     a + b
/// }
///
/// assert_eq!(add(2, 3), 5); // still a Rust function
/// assert_eq!(add::WASM_TYPE, "(func (param i64 i64) (result i64))");
/// assert_eq!(add::ty().params(), &[ValType::I64, ValType::I64]);
/// assert_eq!(<add as HostSignature>::NAME, "add");
/// ```
pub trait HostSignature {
    /// The import name: the function's name, or `#[host(name = "...")]`.
    const NAME: &'static str;
    /// The Wasm parameter types (the context, if any, is not one of them).
    const PARAMS: &'static [ValType];
    /// The Wasm result types.
    const RESULTS: &'static [ValType];
    /// The function type in Wasm's notation, e.g. `(func (param i32) (result i32))`.
    const WASM_TYPE: &'static str;
    /// Set by the stand-in `#[host]` emits for a function it rejected, so that `imports!`
    /// reports nothing more about it. Not part of the API.
    #[doc(hidden)]
    const __REJECTED: bool = false;

    /// The function type.
    fn ty() -> FuncType {
        FuncType::new(Self::PARAMS.iter().copied(), Self::RESULTS.iter().copied())
    }
}

/// A `#[host]` function usable in stores whose data is `T`: any `T` for a function without
/// a context, the context's `T` for one that takes `&mut Ctx<T>`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a host function for stores of `{T}`",
    label = "not a `#[host]` function for `Store<{T}>`",
    note = "a function taking `&mut Ctx<D>` only works in stores whose data is `D`; a function without a context works in every store"
)]
pub trait HostFunction<T>: HostSignature {
    /// A host function that calls the Rust function.
    fn host_func() -> HostFunc<T>;
}
