//! The differential comparison of `wasp-core/tests/differential.rs`, driven by libFuzzer:
//! the input is the raw material `wasm-smith` builds a module from, and any disagreement
//! between Wasp and wasmi (beyond the known peer bugs of `peer_bugs.rs`) is a crash.
//!
//! The comparison code is shared with the test: it is included from `wasp-core/tests`.

#![no_main]

#[path = "../../wasp-core/tests/differential/mod.rs"]
mod differential;

use differential::{check_module, generate, wasmi_side, Tally};
use libfuzzer_sys::fuzz_target;

fuzz_target!(
    init: {
        // Panics inside wasmi are caught and skipped; every other panic still aborts.
        wasmi_side::quiet_peer_panics();
    },
    |data: &[u8]| {
        // Modules wasm-smith gave up on, or with a 64-bit table (not run by Wasp yet), are
        // not compared.
        let generate::Generated::Module(bytes) = generate::generate(data) else {
            return;
        };
        let metered = data.first().is_some_and(|b| b & 1 == 1);
        let mut tally = Tally::default();
        check_module(&bytes, metered, "fuzz input", &mut tally);
        if let Some(d) = tally.disagreements.first() {
            panic!("Wasp and wasmi disagree: {:#?}", d.problems);
        }
    }
);
