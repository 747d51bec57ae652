//! Arbitrary bytes into `Module::new` and `Module::from_binary`, on a plain and on a
//! gas-metered engine (translation differs): never a panic, only `Ok` or `Err`.
//!
//! A module that validates is also instantiated on the metered engine, in a store with
//! small memory and table caps and a little gas, so that segment initialisation and start
//! functions of odd but valid modules run too, always bounded.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use wasp_core::{Config, Engine, Linker, Module, Store, StoreLimits};

/// Gas for the start function of an accepted module.
const GAS: u64 = 100_000;

fn engines() -> &'static (Engine, Engine) {
    static ENGINES: OnceLock<(Engine, Engine)> = OnceLock::new();
    ENGINES.get_or_init(|| {
        let mut metered = Config::default();
        metered.gas_metering(true);
        (Engine::default(), Engine::new(&metered))
    })
}

/// Instantiates an accepted module with caps on everything it could allocate.
fn instantiate(engine: &Engine, module: &Module) {
    let mut store = Store::new(engine, ());
    store.set_limits(
        StoreLimits::default()
            .memory_bytes(16 << 20)
            .table_elements(10_000)
            .call_depth(10_000),
    );
    let _ = store.set_gas(GAS);
    let _ = Linker::new(engine).instantiate(&mut store, module);
}

fuzz_target!(|data: &[u8]| {
    let (plain, metered) = engines();
    let _ = Module::new(plain, data);
    let _ = Module::from_binary(plain, data);
    if let Ok(module) = Module::from_binary(metered, data) {
        instantiate(metered, &module);
    }
});
