//! Example programs embedding Wasp. The bundled Wasm modules live in `examples/wasm/`.
//!
//! - [`tic_tac_toe`]: a game whose rules run in Wasm and whose players are host functions
//!   written with `#[host]` (run it with `cargo run --example tic_tac_toe`).
//! - [`tank`]: a tank bot in Wasm that runs tick by tick on a gas budget, and can be paused,
//!   forked, saved and continued in another process (`cargo run --example tank_bot`).
//! - [`wasi_bot`]: a bot written as an ordinary WASI program reading boards from stdin, run
//!   one paused read at a time (`cargo run --example wasi_bot`).
//! - [`plugin_host`]: many sandboxed plugins on a thread pool, each with limits, a gas budget
//!   and a deadline per call, hostile ones contained, hot reload
//!   (`cargo run --example plugin_host`).

pub mod plugin_host;
pub mod tank;
pub mod tic_tac_toe;
pub mod wasi_bot;

/// The Rust examples of the workspace's `README.md`, compiled and run as doctests (from this
/// crate, so that the `check = "wasm/..."` paths they show resolve as they do here).
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
