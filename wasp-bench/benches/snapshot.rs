//! Snapshot and restore of a store whose instance has 1 MiB of memory, a table of
//! references and a paused call with funcref locals: `snapshot` times `Store::snapshot`,
//! `restore` times `Store::restore` into a store built the same way (every check, the
//! reference checks of the paused frames included). wasmi has no snapshots, so there is no
//! ratio: the target is under 1 ms each. After criterion, a `cargo bench` run prints
//! `snapshot 1 MiB: snapshot ... µs, restore ... µs (median of N)`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::Criterion;
use wasp_core::{CallOutcome, Config, Continuation, Engine, Func, Linker, Module, Store, Val};

/// 16 pages (1 MiB) written by a loop that holds references in locals, a table and a
/// global, paused for gas in the middle.
const GUEST: &str = r#"(module
  (memory 16 16)
  (type $r (func (result i32)))
  (table 64 funcref)
  (global $g (mut funcref) (ref.null func))
  (elem declare func $a)
  (func $a (result i32) (i32.const 1))
  (func (export "fill") (result i32)
    (local $i i32) (local $f funcref) (local $sum i32)
    (local.set $f (ref.func $a))
    (loop $l
      (i32.store (local.get $i) (i32.mul (local.get $i) (i32.const 0x9e3779b1)))
      (table.set (i32.and (local.get $i) (i32.const 63)) (local.get $f))
      (global.set $g (local.get $f))
      (local.set $sum (i32.add (local.get $sum) (call_indirect (type $r) (i32.const 0))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 0x100000))))
    (local.get $sum)))"#;

/// Builds the store; the call pauses three quarters of the way through the memory.
fn build(engine: &Engine, module: &Module) -> (Store<()>, Func) {
    let mut store = Store::new(engine, ());
    let instance = Linker::new(engine).instantiate(&mut store, module).unwrap();
    let fill = instance.get_func(&store, "fill").unwrap();
    (store, fill)
}

fn paused(engine: &Engine, module: &Module) -> (Store<()>, Continuation) {
    let (mut store, fill) = build(engine, module);
    store.set_gas(3_000_000).unwrap();
    match fill.call_resumable(&mut store, &[]).unwrap() {
        CallOutcome::OutOfGas(c) => (store, c),
        other => panic!("expected a pause, got {other:?}"),
    }
}

fn median_micros(mut times: Vec<Duration>) -> f64 {
    times.sort();
    times[times.len() / 2].as_secs_f64() * 1e6
}

fn main() {
    let mut config = Config::default();
    config.gas_metering(true);
    let engine = Engine::new(&config);
    let module = Module::new(&engine, GUEST).unwrap();
    let (store, c) = paused(&engine, &module);
    let bytes = store.snapshot(Some(&c));
    assert!(bytes.len() > 1 << 20);
    let (mut fresh, _) = build(&engine, &module);
    let restored = fresh.restore(&bytes).unwrap().unwrap();
    fresh.set_gas(u64::MAX / 2).unwrap();
    let CallOutcome::Finished { results, .. } = restored.resume(&mut fresh, &[]).unwrap() else {
        panic!("the restored call finishes");
    };
    assert_eq!(results, vec![Val::I32(0x100000 / 4)]);

    let mut criterion = Criterion::default().configure_from_args();
    let mut group = criterion.benchmark_group("snapshot_1mib");
    group.bench_function("snapshot", |b| {
        b.iter(|| black_box(store.snapshot(Some(&c))))
    });
    let (mut target, _) = build(&engine, &module);
    group.bench_function("restore", |b| {
        b.iter(|| black_box(target.restore(black_box(&bytes)).unwrap()))
    });
    group.finish();
    criterion.final_summary();

    if std::env::args().any(|a| a == "--bench") {
        let rounds = 101;
        let (mut snap, mut rest) = (Vec::new(), Vec::new());
        for _ in 0..rounds {
            let t = Instant::now();
            black_box(store.snapshot(Some(&c)));
            snap.push(t.elapsed());
            let t = Instant::now();
            black_box(target.restore(&bytes).unwrap());
            rest.push(t.elapsed());
        }
        println!(
            "snapshot 1 MiB: snapshot {:.0} µs, restore {:.0} µs (median of {rounds})",
            median_micros(snap),
            median_micros(rest)
        );
    }
}
