//! Gas metering, pausing and resuming, host yields, and forking a paused call.

mod common;

use common::{engine, instantiate};
use wasp_core::{
    CallOutcome, Caller, Config, Continuation, Engine, Error, Func, Linker, Module, Store,
    TrapCode, Val,
};

/// Sums 1..=n into memory word 0 and returns the sum.
///
/// Gas (default prices): the loop block costs 4 (local.get + i32.const + i32.add +
/// local.set) + 8 (i32.const + i32.const + i32.load 2 + local.get + i32.add + i32.store 2) +
/// 4 (local.get + local.get + i32.lt_u + br_if) = 16 per iteration; after the loop,
/// i32.const 1 + i32.load 2 = 3. `sum n` costs 16 n + 3.
const SUM: &str = r#"(module
  (memory (export "mem") 1)
  (func (export "sum") (param $n i32) (result i32)
    (local $i i32)
    (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (i32.store (i32.const 0) (i32.add (i32.load (i32.const 0)) (local.get $i)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (i32.load (i32.const 0))))"#;

fn finish(outcome: CallOutcome) -> (Vec<Val>, u64) {
    match outcome {
        CallOutcome::Finished { results, gas_used } => (results, gas_used),
        other => panic!("expected the call to finish, got {other:?}"),
    }
}

#[test]
fn gas_is_deterministic_and_reported() {
    let engine = engine(true);
    let mut used = Vec::new();
    for _ in 0..3 {
        let (mut store, instance) = instantiate(&engine, SUM);
        store.set_gas(1_000_000).unwrap();
        let sum = instance.get_func(&store, "sum").unwrap();
        let (results, gas) = finish(sum.call_resumable(&mut store, &[Val::I32(100)]).unwrap());
        assert_eq!(results, vec![Val::I32(5050)]);
        assert_eq!(store.gas_left().unwrap(), 1_000_000 - gas);
        used.push(gas);
    }
    // 16 * 100 + 3, every time.
    assert_eq!(used, [1603, 1603, 1603]);
}

#[test]
fn a_plain_call_out_of_gas_traps_and_does_not_run_unpaid_code() {
    let engine = engine(true);
    let (mut store, instance) = instantiate(&engine, SUM);
    store.set_gas(50).unwrap();
    let sum = instance.get_typed_func::<i32, i32>(&store, "sum").unwrap();
    let err = sum.call(&mut store, 1_000).unwrap_err();
    assert_eq!(err.trap_code(), Some(TrapCode::OutOfGas));
    // Blocks are paid in full before they run: 50 gas pay for 3 iterations of 16 (48), the
    // fourth cannot start. The memory holds 1 + 2 + 3 and 2 gas are left.
    let mem = instance.get_memory(&store, "mem").unwrap();
    let mut word = [0u8; 4];
    mem.read(&store, 0, &mut word).unwrap();
    assert_eq!(i32::from_le_bytes(word), 6);
    assert_eq!(store.gas_left().unwrap(), 2);
}

#[test]
fn pausing_often_gives_the_same_results_memory_and_gas() {
    let engine = engine(true);
    let (mut store, instance) = instantiate(&engine, SUM);
    store.set_gas(u64::MAX / 2).unwrap();
    let sum = instance.get_func(&store, "sum").unwrap();
    let (want, want_gas) = finish(sum.call_resumable(&mut store, &[Val::I32(300)]).unwrap());
    // 1 + 2 + ... + 300 = 45150, for 16 * 300 + 3 gas.
    assert_eq!((want.clone(), want_gas), (vec![Val::I32(45150)], 4803));

    let (mut store, instance) = instantiate(&engine, SUM);
    let sum = instance.get_func(&store, "sum").unwrap();
    store.set_gas(7).unwrap();
    let mut outcome = sum.call_resumable(&mut store, &[Val::I32(300)]).unwrap();
    let mut pauses = 0;
    let (got, got_gas) = loop {
        match outcome {
            CallOutcome::OutOfGas(paused) => {
                pauses += 1;
                let needed = paused.gas_needed().unwrap();
                assert!(needed > 0);
                store.set_gas(store.gas_left().unwrap() + 7).unwrap();
                outcome = paused.resume(&mut store, &[]).unwrap();
            }
            done => break finish(done),
        }
    };
    // Paying 300 blocks of 16 and one of 3 from top-ups of 7 (starting from 7): 686 pauses.
    assert_eq!(pauses, 686);
    assert_eq!(got, want);
    assert_eq!(got_gas, want_gas);
    let mem = instance.get_memory(&store, "mem").unwrap();
    assert_eq!(&mem.data(&store)[..4], &45150_i32.to_le_bytes());
}

#[test]
fn gas_calls_need_metering() {
    let mut store = Store::new(&Engine::default(), ());
    assert!(matches!(store.set_gas(5), Err(Error::Usage(_))));
    assert!(store.gas_left().is_err());
}

/// A bot that asks the host for the next tick (a yield) and accumulates what it gets.
///
/// Gas (default prices), `run r`: the entry block is the call of `$expensive` (5), which pays
/// the host call (20) and charges 100; the loop block costs global.get + local.get + call 5 +
/// i32.add + global.set (9) + local.get + i32.const + i32.add + local.set (4) + local.get +
/// local.get + i32.lt_u + br_if (4) = 17, and its host call 20; after the loop, global.get 1.
/// `run r` costs 125 + 37 r + 1.
const TICKER: &str = r#"(module
  (import "env" "tick" (func $tick (param i32) (result i32)))
  (import "env" "expensive" (func $expensive))
  (global $total (export "total") (mut i32) (i32.const 0))
  (func (export "run") (param $rounds i32) (result i32)
    (local $i i32)
    (call $expensive)
    (loop $l
      (global.set $total (i32.add (global.get $total) (call $tick (local.get $i))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $rounds))))
    (global.get $total)))"#;

#[derive(Clone, Default)]
struct Log {
    ticks: Vec<i32>,
}

fn ticker(engine: &Engine) -> (Store<Log>, Func) {
    let mut linker = Linker::<Log>::new(engine);
    linker
        .func_wrap(
            "env",
            "tick",
            |mut caller: Caller<'_, Log>, i: i32| -> i32 {
                caller.data_mut().ticks.push(i);
                caller.yield_with(i);
                0
            },
        )
        .unwrap();
    linker
        .func_wrap("env", "expensive", |mut caller: Caller<'_, Log>| {
            caller.charge_gas(100)
        })
        .unwrap();
    let module = Module::new(engine, TICKER).unwrap();
    let mut store = Store::new(engine, Log::default());
    let instance = linker.instantiate(&mut store, &module).unwrap();
    let run = instance.get_func(&store, "run").unwrap();
    (store, run)
}

fn yielded(outcome: CallOutcome) -> Continuation {
    match outcome {
        CallOutcome::Yielded(c) => c,
        other => panic!("expected a yield, got {other:?}"),
    }
}

#[test]
fn host_yields_and_resume_supplies_its_results() {
    let engine = engine(true);
    let (mut store, run) = ticker(&engine);
    store.set_gas(10_000).unwrap();
    let mut paused = yielded(run.call_resumable(&mut store, &[Val::I32(3)]).unwrap());
    for round in 0..3 {
        assert_eq!(paused.yielded(), Some(&Val::I32(round)));
        assert_eq!(
            paused.expected_inputs(&store),
            vec![wasp_core::ValType::I32]
        );
        let outcome = paused
            .resume(&mut store, &[Val::I32(10 * (round + 1))])
            .unwrap();
        if round == 2 {
            let (results, gas) = finish(outcome);
            assert_eq!(results, vec![Val::I32(60)]);
            // 125 + 37 * 3 + 1, the host's own charge included.
            assert_eq!(gas, 237);
            break;
        }
        paused = yielded(outcome);
    }
    assert_eq!(store.data().ticks, vec![0, 1, 2]);
}

#[test]
fn resuming_with_the_wrong_inputs_is_an_error() {
    let engine = engine(true);
    let (mut store, run) = ticker(&engine);
    store.set_gas(10_000).unwrap();
    let paused = yielded(run.call_resumable(&mut store, &[Val::I32(1)]).unwrap());
    let err = paused.resume(&mut store, &[Val::I64(1)]).unwrap_err();
    assert!(err.to_string().contains("expected 1 value(s)"), "{err}");
}

#[test]
fn a_yield_outside_a_resumable_call_is_an_error() {
    let engine = engine(true);
    let (mut store, run) = ticker(&engine);
    store.set_gas(10_000).unwrap();
    let err = run
        .call(&mut store, &[Val::I32(1)], &mut [Val::I32(0)])
        .unwrap_err();
    assert!(err.to_string().contains("call_resumable"), "{err}");
}

#[test]
fn host_charges_that_cannot_be_paid_trap() {
    let engine = engine(true);
    let (mut store, run) = ticker(&engine);
    store.set_gas(60).unwrap();
    let err = run.call_resumable(&mut store, &[Val::I32(1)]).unwrap_err();
    assert_eq!(err.trap_code(), Some(TrapCode::OutOfGas));
    // 5 + 20 were paid; the host's charge of 100 found 35 and took them.
    assert_eq!(store.gas_left().unwrap(), 0);
}

#[test]
fn forking_a_paused_call_runs_both_branches_independently() {
    let engine = engine(true);
    let (mut store, run) = ticker(&engine);
    store.set_gas(10_000).unwrap();
    let paused = yielded(run.call_resumable(&mut store, &[Val::I32(2)]).unwrap());
    let mut fork_store = store.clone();
    let fork = paused.clone();

    let a = yielded(paused.resume(&mut store, &[Val::I32(1)]).unwrap());
    let (a, _) = finish(a.resume(&mut store, &[Val::I32(2)]).unwrap());

    let b = yielded(fork.resume(&mut fork_store, &[Val::I32(100)]).unwrap());
    let (b, _) = finish(b.resume(&mut fork_store, &[Val::I32(200)]).unwrap());

    assert_eq!(a, vec![Val::I32(3)]);
    assert_eq!(b, vec![Val::I32(300)]);
    // Each branch pays for the whole call: 125 + 37 * 2 + 1 = 200 of 10,000.
    assert_eq!(store.gas_left().unwrap(), 9800);
    assert_eq!(fork_store.gas_left().unwrap(), 9800);
    // Both asked for ticks 0 and 1: the fork copied the log of the first.
    assert_eq!(store.data().ticks, vec![0, 1]);
    assert_eq!(fork_store.data().ticks, vec![0, 1]);
}

#[test]
fn a_hundred_million_tail_calls_in_constant_memory() {
    let mut config = Config::default();
    config.max_call_depth(4).max_stack_slots(64);
    let engine = Engine::new(&config);
    let wat = r#"(module
      (func $step (export "step") (param i64 i64) (result i64)
        (if (result i64) (i64.eqz (local.get 0))
          (then (local.get 1))
          (else (return_call $step (i64.sub (local.get 0) (i64.const 1))
                                   (i64.add (local.get 1) (i64.const 3)))))))"#;
    let (mut store, instance) = instantiate(&engine, wat);
    let step = instance
        .get_typed_func::<(i64, i64), i64>(&store, "step")
        .unwrap();
    assert_eq!(
        step.call(&mut store, (100_000_000, 0)).unwrap(),
        300_000_000
    );
}

/// A growth the maximum refuses returns -1 for the base price only: a guest cannot be made
/// to run out of gas by asking for memory it cannot get.
#[test]
fn refused_growth_costs_only_its_base_price() {
    let engine = engine(true);
    let wat = r#"(module (memory 1 2)
      (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))"#;
    let (mut store, instance) = instantiate(&engine, wat);
    store.set_gas(100).unwrap();
    let grow = instance.get_typed_func::<i32, i32>(&store, "grow").unwrap();
    // local.get 1 + memory.grow 1 = 2 each.
    assert_eq!(grow.call(&mut store, -1).unwrap(), -1);
    assert_eq!(grow.call(&mut store, 5).unwrap(), -1);
    assert_eq!(store.gas_left().unwrap(), 96);
    // A granted page costs 1000 on top: with 94 left after the block, the call traps and
    // the 94 stay in the store.
    let err = grow.call(&mut store, 1).unwrap_err();
    assert_eq!(err.trap_code(), Some(TrapCode::OutOfGas));
    assert_eq!(store.gas_left().unwrap(), 94);
    store.set_gas(10_000).unwrap();
    assert_eq!(grow.call(&mut store, 1).unwrap(), 1);
    assert_eq!(store.gas_left().unwrap(), 10_000 - 1002);
}
