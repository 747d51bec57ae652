//! Wasp: a WebAssembly interpreter in pure Rust, for running untrusted guests.
//!
//! Modules are validated with `wasmparser` and translated once into a compact register IR;
//! calls between Wasm functions never use the native stack, so recursion depth is bounded
//! only by configuration and a guest cannot crash its host.
//!
//! The API follows the nouns users of wasmi and wasmtime know: [`Engine`], [`Module`],
//! [`Store`], [`Linker`], [`Instance`], [`Func`], [`TypedFunc`], [`Memory`], [`Table`],
//! [`Global`], [`Val`].
//!
//! ```
//! use wasp_core::{Engine, Linker, Module, Store};
//!
//! let engine = Engine::default();
//! let module = Module::new(&engine, r#"
//!     (module (func (export "fib") (param i32) (result i32)
//!         (if (result i32) (i32.lt_s (local.get 0) (i32.const 2))
//!             (then (local.get 0))
//!             (else (i32.add
//!                 (call 0 (i32.sub (local.get 0) (i32.const 1)))
//!                 (call 0 (i32.sub (local.get 0) (i32.const 2))))))))
//! "#)?;
//! let mut store = Store::new(&engine, ());
//! let instance = Linker::new(&engine).instantiate(&mut store, &module)?;
//! let fib = instance.get_typed_func::<i32, i32>(&store, "fib")?;
//! assert_eq!(fib.call(&mut store, 20)?, 6765);
//! # Ok::<(), wasp_core::Error>(())
//! ```

#![deny(missing_docs)]

mod engine;
mod error;
mod func;
mod global;
mod instance;
mod linker;
mod memory;
mod module;
mod snapshot;
mod store;
mod table;
mod types;
mod value;

pub use engine::{Config, Engine, GasCosts};
pub use error::{Error, LinkError, ModuleError, Trap, TrapCode, UsageError};
pub use func::{
    CallOutcome, Caller, Continuation, Func, HostFunc, IntoFunc, IntoHostResult, TypedFunc, WasmTy,
    WasmTyList,
};
pub use global::Global;
pub use instance::{Extern, Instance};
pub use linker::Linker;
pub use memory::Memory;
pub use module::{ExportType, ImportType, Module};
pub use snapshot::SnapshotError;
pub use store::{AsContext, AsContextMut, Store};
pub use table::Table;
pub use types::{
    ExternType, FuncType, GlobalType, MemoryType, Mutability, RefType, TableType, ValType,
};
pub use value::{ExternRef, Val};
