//! Procedural macros for Wasp host functions.
//!
//! Not implemented yet: `#[host]` and `imports!` arrive with the host-bindings work.
//! This crate currently exports nothing.
