//! Procedural macros for Wasp host functions: `#[host]` turns a Rust function into a typed
//! Wasm host function, `imports!` groups host functions under import names and can check
//! them against a module while compiling.
//!
//! Use them through `wasp_core` (`use wasp_core::{host, imports};`), whose documentation
//! has runnable examples; the generated code names everything by `::wasp_core::` paths.

mod host;
mod imports;
mod wasm_type;

use proc_macro::TokenStream;

/// Makes a Rust function a Wasm host function.
///
/// The function stays as written, callable from Rust. Next to it, `#[host]` adds a
/// companion type of the same name (types and functions live in different namespaces)
/// that implements `wasp_core::HostSignature` and `wasp_core::HostFunction<T>`: its import
/// name (`add::NAME`), its Wasm type (`add::ty()`, `add::WASM_TYPE`), and its host function
/// (`add::host_func()`), ready for `imports!` and `Linker`.
///
/// - An optional first parameter `&mut Ctx<T>`, under any name, is the context; it is not
///   part of the Wasm type, and makes the function usable with stores of data `T` only.
/// - Other parameters and the results cross the boundary through `wasp_core::HostType`:
///   `i32`, `u32`, `i64`, `u64`, `f32`, `f64`, `bool`, `Func`, `ExternRef`, their
///   `Option`s, your own types implementing it, and `Val` with its Wasm type given by
///   `#[wasm(f64)] x: Val`. Results are `()`, one value, a tuple, or `Result<_, E>` whose
///   `Err` traps the call; a `Val` result needs `#[host(results(f64))]`.
/// - The function may be generic over the store's data through the context only
///   (`fn f<T: Bound>(ctx: &mut Ctx<T>, ..)`): it is then a host function for every store
///   whose data meets the bounds, of the one Wasm type its other parameters give.
/// - `#[host(name = "wasm_name")]` sets the import name.
///
/// ```text
/// #[host]
/// fn get_move_for_player(ctx: &mut Ctx<Game>, player: i32) -> i32 { .. }
/// // (func (param i32) (result i32))
/// ```
#[proc_macro_attribute]
pub fn host(attr: TokenStream, item: TokenStream) -> TokenStream {
    host::expand(attr.into(), item.into()).into()
}

/// Groups `#[host]` functions under module and field names, as a `wasp_core::Imports<T>`
/// for `Linker::define_imports`.
///
/// With `check = "path/to/module.wat"` first (relative to the crate's manifest directory,
/// `.wat` or `.wasm`), the module's import section is read while compiling, and a function
/// of the wrong type, a name the module does not import, and a function import nobody
/// provides are compile errors. The module's memory, table and global imports are not owed
/// here (they belong to a store: define them with `Linker::define`), but naming one in the
/// block is an error that prints its type, e.g. `(memory i64 1 4)`. Editing the module
/// triggers a rebuild.
///
/// ```text
/// let imports = imports! {
///     check = "wasm/tic_tac_toe.wat",
///     "game" => {
///         "get_move_for_player" => get_move_for_player,
///         "draw_board" => draw_board,
///     },
/// };
/// linker.define_imports(imports)?;
/// ```
#[proc_macro]
pub fn imports(input: TokenStream) -> TokenStream {
    imports::expand(input.into()).into()
}
