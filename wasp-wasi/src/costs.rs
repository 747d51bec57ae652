//! Gas prices of WASI calls, beside the engine's prices for Wasm operators.
//!
//! The rule users rely on: every WASI call first pays its `base` price (on top of the
//! engine's price for any host call); when the store has less gas, the call pauses before
//! doing anything, and resuming makes it again. Calls that move bytes (reads, writes,
//! random bytes, directory listings, paths) then pay `per_byte` for each byte moved, as far
//! as the gas left covers it: a transfer is never cut short, and a call that overdraws
//! leaves the store empty so that the next instruction pauses.

/// The price of one WASI call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Price {
    /// Paid before the call does anything.
    pub base: u64,
    /// Paid for each byte moved, after the transfer.
    pub per_byte: u64,
}

const fn price(base: u64, per_byte: u64) -> Price {
    Price { base, per_byte }
}

/// Calls that only read or change the context: args, environ, clocks, `sched_yield`,
/// descriptor flags and numbers.
pub const CONTEXT: Price = price(20, 1);
/// Reading and writing descriptors (`fd_read`, `fd_write`, `fd_pread`, `fd_pwrite`),
/// `fd_readdir` and `random_get`.
pub const IO: Price = price(100, 1);
/// Calls on an open descriptor that ask the host's file system (`fd_filestat_*`, `fd_seek`,
/// `fd_sync`, `fd_allocate`, ...).
pub const FD: Price = price(200, 0);
/// Calls that resolve paths beneath a preopen (`path_*`): a path costs its bytes too.
pub const PATH: Price = price(1_000, 1);
/// `poll_oneoff`, per subscription as its "bytes".
pub const POLL: Price = price(200, 50);
/// Socket calls (always refused: no socket is ever open).
pub const SOCK: Price = price(20, 0);
