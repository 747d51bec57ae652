//! Example programs embedding Wasp. The bundled Wasm modules live in `examples/wasm/`.
//!
//! - [`tic_tac_toe`]: a game whose rules run in Wasm and whose players are host functions
//!   written with `#[host]` (run it with `cargo run --example tic_tac_toe`).

pub mod tic_tac_toe;
