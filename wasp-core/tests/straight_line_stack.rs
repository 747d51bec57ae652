//! Long straight-line code runs in a small native stack.
//!
//! In optimised builds a straight-line step dispatches the next handler by a tail call that
//! spends no budget (`dispatch_next!` in `executor/handlers/mod.rs`): only if every such
//! call is a jump does the native stack stay flat. A function of well over 100,000
//! straight-line instructions (integer and float arithmetic, loads, stores, `select`,
//! copies) therefore runs here on a thread with a 256 KiB stack, which a native frame per
//! instruction would overflow many times over. Run it optimised
//! (`cargo test --release -p wasp-core --test straight_line_stack`) to check the release
//! dispatch; with debug assertions the budget bounds the chain instead.

use std::fmt::Write as _;

use wasp_core::{Config, Engine, Linker, Module, Store};

/// How many times the straight-line chunk repeats.
const CHUNKS: u32 = 16_000;

/// The module: `run(x)` repeats one chunk of straight-line code [`CHUNKS`] times.
fn module_wat() -> String {
    let mut body = String::new();
    for _ in 0..CHUNKS {
        body.push_str(
            "(local.set 1 (i32.add (local.get 0) (i32.const 7)))
             (local.set 0 (i32.xor (local.get 1) (local.get 0)))
             (i32.store (i32.const 64) (local.get 0))
             (local.set 0 (i32.add (i32.load (i32.const 64)) (local.get 1)))
             (local.set 2 (i64.add (local.get 2) (i64.extend_i32_u (local.get 0))))
             (local.set 3 (f64.add (local.get 3) (f64.const 1.5)))
             (local.set 1 (select (local.get 0) (local.get 1) (local.get 0)))
             (local.set 4 (local.get 1))\n",
        );
    }
    let mut wat =
        String::from("(module (memory 1) (func (export \"run\") (param i32) (result i64)");
    wat.push_str(" (local i32 i64 f64 i32)\n");
    wat.push_str(&body);
    let _ = write!(
        wat,
        "(i64.add (local.get 2) (i64.trunc_f64_u (local.get 3)))))"
    );
    wat
}

/// What `run(x)` returns, computed in Rust.
fn expected(mut x: u32) -> i64 {
    let (mut acc, mut f) = (0u64, 0f64);
    for _ in 0..CHUNKS {
        let y = x.wrapping_add(7);
        x ^= y;
        x = x.wrapping_add(y);
        acc = acc.wrapping_add(u64::from(x));
        f += 1.5;
    }
    acc.wrapping_add(f as u64) as i64
}

/// Runs `run(x)` with or without gas on a thread with a small stack.
fn run_in_small_stack(x: i32, gas: bool) -> i64 {
    let wasm = wat::parse_str(module_wat()).expect("the module is valid text");
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            let mut config = Config::default();
            config.gas_metering(gas);
            let engine = Engine::new(&config);
            let module = Module::new(&engine, &wasm).expect("the module validates");
            let mut store = Store::new(&engine, ());
            if gas {
                store.set_gas(u64::MAX / 2).expect("metering is on");
            }
            let instance = Linker::new(&engine)
                .instantiate(&mut store, &module)
                .expect("no imports");
            let run = instance
                .get_typed_func::<i32, i64>(&store, "run")
                .expect("run is exported");
            run.call(&mut store, x).expect("run does not trap")
        })
        .expect("spawning a thread")
        .join()
        .expect("the thread did not panic")
}

#[test]
fn long_straight_line_code_runs_in_a_small_stack() {
    for x in [0, 1, -5] {
        assert_eq!(run_in_small_stack(x, false), expected(x as u32), "run({x})");
    }
}

#[test]
fn long_straight_line_code_runs_in_a_small_stack_with_gas() {
    assert_eq!(run_in_small_stack(3, true), expected(3));
}
