//! Typed host functions written with `#[host]` and grouped with `imports!`: the context they
//! receive ([`Ctx`]), the types that cross the boundary ([`HostType`], [`HostResults`],
//! [`HostReturn`]), the errors that become traps ([`HostError`], [`AccessError`]), and the
//! traits the macros implement ([`HostSignature`], [`HostFunction`]).

mod access_error;
mod ctx;
mod host_error;
mod host_type;
mod imports;
mod memory_view;
#[doc(hidden)]
pub mod private;
mod signature;
mod text;

pub use access_error::AccessError;
pub use ctx::Ctx;
pub use host_error::HostError;
pub use host_type::{HostResults, HostReturn, HostType, WasmPrimitive};
pub use imports::Imports;
pub use memory_view::{GuestAddr, MemoryView, MemoryViewMut};
pub use signature::{HostFunction, HostSignature};
