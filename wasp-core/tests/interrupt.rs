//! Interrupting a running call from another thread: it pauses at a safe point and resumes
//! to exactly the result an uninterrupted run gives.

mod common;

use std::time::Duration;

use common::Hammer;

use wasp_core::{
    CallOutcome, Caller, Config, Continuation, Engine, Func, InterruptHandle, Linker, Module,
    Store, TrapCode, Val,
};

const WAT: &str = r#"(module
  (import "host" "poke" (func $poke))
  (memory (export "mem") 1024)
  ;; Counts to n; the result depends on every iteration.
  (func (export "count") (param $n i64) (result i64) (local $i i64) (local $acc i64)
    (loop $l
      (local.set $acc (i64.add (i64.mul (local.get $acc) (i64.const 31)) (local.get $i)))
      (local.set $i (i64.add (local.get $i) (i64.const 1)))
      (br_if $l (i64.lt_u (local.get $i) (local.get $n))))
    (local.get $acc))
  ;; Recursion n deep, summing on the way back.
  (func $deep (export "deep") (param $n i32) (result i64)
    (if (result i64) (i32.eqz (local.get $n))
      (then (i64.const 0))
      (else (i64.add (i64.extend_i32_u (local.get $n))
                     (call $deep (i32.sub (local.get $n) (i32.const 1)))))))
  (func (export "fill") (param $dst i32) (param $val i32) (param $len i32)
    (memory.fill (local.get $dst) (local.get $val) (local.get $len)))
  (func (export "copy") (param $dst i32) (param $src i32) (param $len i32)
    (memory.copy (local.get $dst) (local.get $src) (local.get $len)))
  ;; Calls the host n times.
  (func (export "pokes") (param $n i32) (result i32) (local $i i32)
    (loop $l
      (call $poke)
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $i)))"#;

/// The store's data: how many times `poke` ran, and a handle it may interrupt with.
#[derive(Default)]
struct Data {
    pokes: u32,
    interrupt_on_poke: Option<(u32, InterruptHandle)>,
}

fn setup(gas: bool) -> (Store<Data>, wasp_core::Instance) {
    let mut config = Config::default();
    config.gas_metering(gas);
    let engine = Engine::new(&config);
    let module = Module::new(&engine, WAT).unwrap();
    let mut linker = Linker::new(&engine);
    linker
        .func_wrap("host", "poke", |mut caller: Caller<'_, Data>| {
            let data = caller.data_mut();
            data.pokes += 1;
            if let Some((at, handle)) = &data.interrupt_on_poke {
                if *at == data.pokes {
                    handle.interrupt();
                }
            }
        })
        .unwrap();
    let mut store = Store::new(&engine, Data::default());
    if gas {
        store.set_gas(u64::MAX).unwrap();
    }
    let instance = linker.instantiate(&mut store, &module).unwrap();
    (store, instance)
}

fn func(store: &Store<Data>, instance: wasp_core::Instance, name: &str) -> Func {
    instance.get_func(store, name).unwrap()
}

/// Resumes until the call finishes; returns its results and how many interrupts it took.
fn run_through(store: &mut Store<Data>, mut outcome: CallOutcome) -> (Vec<Val>, u32) {
    let mut interrupts = 0;
    loop {
        match outcome {
            CallOutcome::Finished { results, .. } => return (results, interrupts),
            CallOutcome::Interrupted(paused) => {
                interrupts += 1;
                outcome = paused.resume(&mut *store, &[]).unwrap();
            }
            other => panic!("expected an interrupt or the end, got {other:?}"),
        }
    }
}

fn expected_count(n: i64) -> i64 {
    (0..n).fold(0i64, |acc, i| acc.wrapping_mul(31).wrapping_add(i))
}

fn interrupted_loop_resumes_exactly(gas: bool) {
    let (mut store, instance) = setup(gas);
    let count = func(&store, instance, "count");
    let n = 10_000_000;
    let hammer = Hammer::new(store.interrupt_handle(), Duration::from_millis(2));
    let outcome = count.call_resumable(&mut store, &[Val::I64(n)]).unwrap();
    let (results, interrupts) = run_through(&mut store, outcome);
    drop(hammer);
    assert_eq!(results, vec![Val::I64(expected_count(n))]);
    assert!(interrupts >= 2, "only {interrupts} interrupts");
}

#[test]
fn an_interrupted_loop_resumes_exactly_without_gas() {
    interrupted_loop_resumes_exactly(false);
}

#[test]
fn an_interrupted_loop_resumes_exactly_with_gas() {
    interrupted_loop_resumes_exactly(true);
}

#[test]
fn an_interrupted_recursion_resumes_exactly() {
    let (mut store, instance) = setup(false);
    let deep = func(&store, instance, "deep");
    let n: i64 = 200_000;
    let mut total_interrupts = 0;
    for _ in 0..5 {
        let hammer = Hammer::new(store.interrupt_handle(), Duration::from_micros(200));
        let outcome = deep
            .call_resumable(&mut store, &[Val::I32(n as i32)])
            .unwrap();
        let (results, interrupts) = run_through(&mut store, outcome);
        drop(hammer);
        assert_eq!(results, vec![Val::I64(n * (n + 1) / 2)]);
        total_interrupts += interrupts;
    }
    assert!(total_interrupts >= 1);
}

#[test]
fn an_interrupted_memory_fill_finishes_exactly() {
    let (mut store, instance) = setup(true);
    let fill = func(&store, instance, "fill");
    let mem = instance.get_memory(&store, "mem").unwrap();
    let len = 60 << 20;
    // A loaded machine may not run the interrupting thread in time: try fills until one is
    // interrupted (each about ten milliseconds; once, ten tries were not enough while both
    // cores compiled).
    // What one uninterrupted fill costs.
    let before = store.gas_left().unwrap();
    fill.call(
        &mut store,
        &[Val::I32(3), Val::I32(0), Val::I32(len)],
        &mut [],
    )
    .unwrap();
    let cost = before - store.gas_left().unwrap();
    let mut interrupts = 0;
    for val in 1..=50 {
        let hammer = Hammer::new(store.interrupt_handle(), Duration::from_micros(50));
        let args = [Val::I32(3), Val::I32(val), Val::I32(len)];
        let before = store.gas_left().unwrap();
        let outcome = fill.call_resumable(&mut store, &args).unwrap();
        let (_, i) = run_through(&mut store, outcome);
        drop(hammer);
        // However often it was interrupted (before its entry paid, or in the middle of the
        // fill), the call paid what an uninterrupted one pays.
        assert_eq!(before - store.gas_left().unwrap(), cost, "fill {val}");
        let data = mem.data(&store);
        assert_eq!(&data[..3], &[0, 0, 0]);
        assert!(data[3..3 + len as usize].iter().all(|&b| b == val as u8));
        assert!(data[3 + len as usize..].iter().all(|&b| b == 0));
        interrupts += i;
        if interrupts > 0 {
            break;
        }
    }
    assert!(interrupts >= 1, "no fill was interrupted");
}

#[test]
fn an_interrupted_overlapping_copy_matches_an_uninterrupted_one() {
    let (mut store, instance) = setup(false);
    let copy = func(&store, instance, "copy");
    let mem = instance.get_memory(&store, "mem").unwrap();
    let size = mem.data(&store).len();
    let pattern: Vec<u8> = (0..size).map(|i| (i % 251) as u8).collect();
    for (dst, src) in [(1_000_003, 17), (17, 1_000_003)] {
        let len = size - 1_000_003;
        mem.data_mut(&mut store).copy_from_slice(&pattern);
        let mut want = pattern.clone();
        want.copy_within(src..src + len, dst);
        let hammer = Hammer::new(store.interrupt_handle(), Duration::from_micros(50));
        let args = [dst, src, len].map(|x| Val::I32(x as i32));
        let outcome = copy.call_resumable(&mut store, &args).unwrap();
        run_through(&mut store, outcome);
        drop(hammer);
        assert!(mem.data(&store) == want.as_slice(), "copy {src} -> {dst}");
    }
}

#[test]
fn an_interrupt_during_a_host_call_pauses_after_it() {
    let (mut store, instance) = setup(false);
    let pokes = func(&store, instance, "pokes");
    store.data_mut().interrupt_on_poke = Some((5, store.interrupt_handle()));
    let outcome = pokes.call_resumable(&mut store, &[Val::I32(10)]).unwrap();
    let CallOutcome::Interrupted(paused) = outcome else {
        panic!("expected an interrupt, got {outcome:?}")
    };
    assert_eq!(store.data().pokes, 5);
    let next = paused.resume(&mut store, &[]).unwrap();
    let (results, _) = run_through(&mut store, next);
    assert_eq!(results, vec![Val::I32(10)]);
    assert_eq!(store.data().pokes, 10);
}

#[test]
fn a_call_that_cannot_pause_traps_when_interrupted() {
    let (mut store, instance) = setup(false);
    let pokes = instance
        .get_typed_func::<i32, i32>(&store, "pokes")
        .unwrap();
    store.data_mut().interrupt_on_poke = Some((3, store.interrupt_handle()));
    let err = pokes.call(&mut store, 10).unwrap_err();
    assert_eq!(err.trap_code(), Some(TrapCode::Interrupted), "{err}");
    // The next call starts with the interrupt forgotten.
    store.data_mut().interrupt_on_poke = None;
    assert_eq!(pokes.call(&mut store, 4).unwrap(), 4);
}

#[test]
fn an_interrupt_while_paused_or_idle_does_not_touch_the_next_run() {
    let (mut store, instance) = setup(true);
    let count = func(&store, instance, "count");
    store.set_gas(1_000).unwrap();
    let outcome = count
        .call_resumable(&mut store, &[Val::I64(10_000)])
        .unwrap();
    let CallOutcome::OutOfGas(paused) = outcome else {
        panic!("expected a pause for gas, got {outcome:?}")
    };
    store.interrupt_handle().interrupt();
    store.set_gas(u64::MAX).unwrap();
    let outcome = paused.resume(&mut store, &[]).unwrap();
    let CallOutcome::Finished { results, .. } = outcome else {
        panic!("expected the end, got {outcome:?}")
    };
    assert_eq!(results, vec![Val::I64(expected_count(10_000))]);
    store.interrupt_handle().interrupt();
    let typed = count.typed::<i64, i64>(&store).unwrap();
    assert_eq!(typed.call(&mut store, 100).unwrap(), expected_count(100));
}

#[test]
fn interrupts_racing_short_calls_never_change_a_result() {
    let (mut store, instance) = setup(false);
    let count = func(&store, instance, "count");
    let hammer = Hammer::new(store.interrupt_handle(), Duration::from_micros(10));
    let mut interrupted = 0;
    for n in 0..2_000i64 {
        let outcome = count
            .call_resumable(&mut store, &[Val::I64(n * 10)])
            .unwrap();
        let (results, i) = run_through(&mut store, outcome);
        interrupted += i;
        assert_eq!(results, vec![Val::I64(expected_count(n * 10))]);
    }
    drop(hammer);
    let _ = interrupted;
}

fn interrupted(store: &mut Store<Data>, count: Func, n: i64) -> Continuation {
    store.data_mut().interrupt_on_poke = None;
    let hammer = Hammer::new(store.interrupt_handle(), Duration::from_millis(1));
    let outcome = count.call_resumable(&mut *store, &[Val::I64(n)]).unwrap();
    drop(hammer);
    match outcome {
        CallOutcome::Interrupted(c) => c,
        other => panic!("expected an interrupt, got {other:?}"),
    }
}

#[test]
fn an_interrupted_call_forks_and_survives_a_snapshot() {
    let (mut store, instance) = setup(false);
    let count = func(&store, instance, "count");
    let n = 20_000_000;
    let paused = interrupted(&mut store, count, n);
    let want = vec![Val::I64(expected_count(n))];

    let bytes = store.snapshot(Some(&paused));
    let (mut fresh, _) = setup(false);
    let restored = fresh.restore(&bytes).unwrap().expect("the paused call");
    let next = restored.resume(&mut fresh, &[]).unwrap();
    let (results, _) = run_through(&mut fresh, next);
    assert_eq!(results, want);

    let next = paused.clone().resume(&mut store, &[]).unwrap();
    let (results, _) = run_through(&mut store, next);
    assert_eq!(results, want);
}

#[test]
fn interrupted_table_fills_and_copies_finish_exactly() {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module
          (table $t (export "t") 4000000 funcref)
          (func $f)
          (elem declare func $f)
          (func (export "run")
            (table.fill $t (i32.const 10) (ref.func $f) (i32.const 3000000))
            ;; An overlapping copy upwards: its chunks run from the high end.
            (table.copy $t $t (i32.const 500000) (i32.const 0) (i32.const 3400000))))"#,
    )
    .unwrap();
    let mut interrupts = 0;
    for _ in 0..10 {
        let mut store = Store::new(&engine, Data::default());
        let instance = Linker::new(&engine)
            .instantiate(&mut store, &module)
            .unwrap();
        let run = func(&store, instance, "run");
        let hammer = Hammer::new(store.interrupt_handle(), Duration::from_micros(50));
        let outcome = run.call_resumable(&mut store, &[]).unwrap();
        interrupts += run_through(&mut store, outcome).1;
        drop(hammer);
        let table = instance.get_table(&store, "t").unwrap();
        let is_f = |i: u64| matches!(table.get(&store, i), Some(Val::FuncRef(Some(_))));
        // Filled: 10..3_000_010; then 0..3_400_000 copied to 500_000..3_900_000.
        let want = |i: u64| (10..500_000).contains(&i) || (500_010..3_500_010).contains(&i);
        let wrong = (0..4_000_000).find(|&i| is_f(i) != want(i));
        assert_eq!(wrong, None, "first element that differs");
        if interrupts > 0 {
            break;
        }
    }
    assert!(interrupts >= 1, "no table operation was interrupted");
}
