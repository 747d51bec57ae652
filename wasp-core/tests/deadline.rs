//! Deadlines: a per-call wall-clock budget served by the engine's timer thread.

mod common;

use common::instantiate;
use std::time::{Duration, Instant};

use wasp_core::{CallOutcome, Config, Engine, TrapCode};

const WAT: &str = r#"(module
  (func (export "spin") (loop $l (br $l)))
  (func (export "count") (param $n i64) (result i64) (local $i i64)
    (loop $l
      (local.set $i (i64.add (local.get $i) (i64.const 1)))
      (br_if $l (i64.lt_u (local.get $i) (local.get $n))))
    (local.get $i)))"#;

#[test]
fn a_runaway_call_is_interrupted_after_its_budget_and_each_resumption_gets_a_new_one() {
    for gas in [false, true] {
        let mut config = Config::default();
        config.gas_metering(gas);
        let engine = Engine::new(&config);
        let (mut store, instance) = instantiate(&engine, WAT);
        if gas {
            store.set_gas(u64::MAX).unwrap();
        }
        let spin = instance.get_func(&store, "spin").unwrap();
        let budget = Duration::from_millis(20);
        store.set_deadline(Some(budget)).unwrap();
        let started = Instant::now();
        let mut outcome = spin.call_resumable(&mut store, &[]).unwrap();
        for step in 1..=3 {
            let CallOutcome::Interrupted(paused) = outcome else {
                panic!("expected an interrupt, got {outcome:?}")
            };
            let elapsed = started.elapsed();
            assert!(elapsed >= budget * step, "{elapsed:?} after {step} budgets");
            outcome = paused.resume(&mut store, &[]).unwrap();
        }
        assert!(matches!(outcome, CallOutcome::Interrupted(_)));
    }
}

#[test]
fn calls_within_their_budget_are_never_interrupted() {
    let engine = Engine::default();
    let (mut store, instance) = instantiate(&engine, WAT);
    let count = instance
        .get_typed_func::<i64, i64>(&store, "count")
        .unwrap();
    store.set_deadline(Some(Duration::from_secs(30))).unwrap();
    for n in 1..3_000 {
        assert_eq!(count.call(&mut store, n).unwrap(), n);
    }
}

#[test]
fn a_call_that_cannot_pause_traps_at_its_deadline() {
    let engine = Engine::default();
    let (mut store, instance) = instantiate(&engine, WAT);
    let spin = instance.get_typed_func::<(), ()>(&store, "spin").unwrap();
    store.set_deadline(Some(Duration::from_millis(10))).unwrap();
    let err = spin.call(&mut store, ()).unwrap_err();
    assert_eq!(err.trap_code(), Some(TrapCode::Interrupted));
    store.set_deadline(None).unwrap();
    assert_eq!(store.deadline(), None);
    let count = instance
        .get_typed_func::<i64, i64>(&store, "count")
        .unwrap();
    assert_eq!(count.call(&mut store, 1_000).unwrap(), 1_000);
}

#[test]
fn stores_on_many_threads_share_one_timer() {
    let engine = Engine::default();
    let budgets = [5u64, 15, 30, 45];
    let threads: Vec<_> = budgets
        .iter()
        .map(|&ms| {
            let engine = engine.clone();
            std::thread::spawn(move || {
                let (mut store, instance) = instantiate(&engine, WAT);
                let spin = instance.get_func(&store, "spin").unwrap();
                store.set_deadline(Some(Duration::from_millis(ms))).unwrap();
                let started = Instant::now();
                let outcome = spin.call_resumable(&mut store, &[]).unwrap();
                assert!(matches!(outcome, CallOutcome::Interrupted(_)));
                started.elapsed()
            })
        })
        .collect();
    for (t, ms) in threads.into_iter().zip(budgets) {
        let elapsed = t.join().unwrap();
        assert!(
            elapsed >= Duration::from_millis(ms),
            "{elapsed:?} < {ms} ms"
        );
    }
}

#[test]
fn a_cloned_store_keeps_its_deadline() {
    let engine = Engine::default();
    let (mut store, instance) = instantiate(&engine, WAT);
    store.set_deadline(Some(Duration::from_millis(10))).unwrap();
    let mut clone = store.clone();
    let spin = instance.get_func(&clone, "spin").unwrap();
    let outcome = spin.call_resumable(&mut clone, &[]).unwrap();
    assert!(matches!(outcome, CallOutcome::Interrupted(_)));
}
