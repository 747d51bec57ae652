//! Test-only crate for Wasp's procedural macros.
//!
//! The `trybuild` suites arrive with the host-bindings work; for now this crate holds no tests.
