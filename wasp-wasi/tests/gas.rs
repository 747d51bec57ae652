//! WASI calls pay their prices; one that cannot pay pauses before any effect and is made
//! again, once, on resume, wherever the gas runs out.

mod common;

use common::Shim;
use wasp_core::{CallOutcome, Config, Engine, Val};
use wasp_wasi::{costs, Pipe, Stdio, WasiCtx};

fn metered() -> Engine {
    let mut config = Config::default();
    config.gas_metering(true);
    Engine::new(&config)
}

/// Writes "xyz" to stdout with `budget` gas, refilling and resuming when it pauses.
fn write_with(engine: &Engine, budget: u64) -> (String, u64, bool) {
    let out = Pipe::new();
    let wasi = WasiCtx::builder()
        .stdout(Stdio::Pipe(out.clone()))
        .build()
        .unwrap();
    let mut g = Shim::with_engine(engine, wasi);
    let (p, n) = g.put(200, "xyz");
    let write = g.instance.get_func(&g.store, "write").unwrap();
    g.store.set_gas(budget).unwrap();
    let mut outcome = write
        .call_resumable(&mut g.store, &[Val::I32(1), Val::I32(p), Val::I32(n)])
        .unwrap();
    let mut paused = false;
    loop {
        match outcome {
            CallOutcome::Finished { results, gas_used } => {
                assert_eq!(results, [Val::I32(0)]);
                return (out.take_string(), gas_used, paused);
            }
            CallOutcome::OutOfGas(c) => {
                paused = true;
                g.store.set_gas(1_000_000).unwrap();
                outcome = c.resume(&mut g.store, &[]).unwrap();
            }
            CallOutcome::Yielded(_) | CallOutcome::Interrupted(_) => {
                panic!("only gas pauses expected")
            }
        }
    }
}

#[test]
fn a_write_is_made_once_wherever_the_gas_runs_out() {
    let engine = metered();
    let (text, used, paused) = write_with(&engine, 1_000_000);
    assert_eq!(text, "xyz");
    assert!(!paused);
    assert!(
        used >= costs::IO.base + 3 * costs::IO.per_byte,
        "used {used}"
    );
    for budget in 0..used + 2 {
        let (text, _, _) = write_with(&engine, budget);
        assert_eq!(text, "xyz", "with {budget} gas");
    }
    let (_, _, paused) = write_with(&engine, costs::IO.base / 2);
    assert!(paused, "a budget below the base price pauses");
}
