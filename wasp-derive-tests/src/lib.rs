//! Test-only crate for Wasp's procedural macros `#[host]` and `imports!`.
//!
//! - `tests/compile_pass.rs` and `tests/compile_fail.rs` run the trybuild suites in
//!   `tests/ui/pass/` (each case also runs, and asserts what it generated) and `tests/ui/fail/`
//!   (one mistake per file, with the compiler's message checked in next to it as `.stderr`).
//!   Regenerate the messages with `TRYBUILD=overwrite cargo test -p wasp-derive-tests`, then
//!   read every changed `.stderr`: it must tell the user how to fix their code.
//! - `tests/isa_table.rs` feeds small instruction tables to wasp-core's real generators (its
//!   `engine/ir.rs` and handler lookup, included by path) and checks that a complete table
//!   compiles while an operand without a role, or an instruction without its handler, does not
//!   (`tests/isa/pass/`, `tests/isa/fail/`).
//! - `tests/behaviour.rs` calls each kind of host function from Wasm and checks values, traps
//!   and memory effects.
