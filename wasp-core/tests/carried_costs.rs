//! Paying branches carry the cost of the block they pay for (`translator/pay.rs`,
//! `settle_costs`), or, when that cost does not fit in the 16 bits they have for it, let the
//! block's `ConsumeGas` pay (a counter step's, with 8 bits, reads it from there instead).
//! Programs with every kind of paying branch (paying when taken, paying first, paying either
//! way, copying at a loop's head, a paying `br_table`, counter steps paying and paying first,
//! returns paying for the block they return from, constants paying for the block they fall
//! into, forms that read the result register) run with every price multiplied by `k`: 1, 28
//! (the counter steps' blocks of 12 units above 255, those of 8 and 9 below), 5,000 (some
//! blocks above 65,535 units, some below) and 70,000 (every block above). The results are the
//! same and every figure is `k` times the one at `k = 1`: the gas used, and each pause of a
//! call started from `k` times a budget and topped up, directly and through snapshots.

mod common;

use common::drive_topped_up;

use wasp_core::{Config, Engine, GasCosts, Val};

/// A loop whose head copies (`BrCopyPay` on the back edge), with an exit test, an `if` with
/// both arms (paying either way, and forward to the end of the `if`).
const COPY_HEAD: &str = r#"(module (func (export "run") (result i32)
    (local $i i32) (local $next i32) (local $acc i32)
    (block $out
      (loop $l
        (local.set $i (local.get $next))
        (br_if $out (i32.ge_u (local.get $i) (i32.const 300)))
        (if (i32.and (local.get $i) (i32.const 1))
          (then (local.set $acc (i32.add (local.get $acc) (local.get $i))))
          (else (local.set $acc (i32.xor (local.get $acc) (i32.const 5)))))
        (local.set $next (i32.add (local.get $i) (i32.const 3)))
        (br $l)))
    (local.get $acc)))"#;

/// A loop starting with its exit test, on a value that is not the counter (a pay-first back
/// edge of its own, not fused with the step).
const EXIT_TEST_FIRST: &str = r#"(module (func (export "run") (result i32)
    (local $i i32) (local $acc i32)
    (block $out
      (loop $l
        (br_if $out (i32.ge_s (local.get $acc) (i32.const 20000)))
        (local.set $acc (i32.add (local.get $acc) (i32.mul (local.get $i) (i32.const 7))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $l)))
    (i32.add (local.get $i) (i32.mul (local.get $acc) (i32.const 10)))))"#;

/// A `br_table` each entry of which enters a block with a cost, in a loop whose back edge
/// tests a value just computed (read from the result register).
const TABLE: &str = r#"(module (func (export "run") (result i32)
    (local $i i32) (local $acc i32)
    (loop $l
      (block $c
        (block $b
          (block $a
            (br_table $a $b $c (i32.rem_u (local.get $i) (i32.const 3))))
          (local.set $acc (i32.add (local.get $acc) (i32.const 1)))
          (br $c))
        (local.set $acc (i32.mul (local.get $acc) (i32.const 3))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (i32.and (local.get $acc) (i32.const 0xffff)) (i32.const 60000)))
      (br_if $l (i32.lt_u (local.get $i) (i32.const 150))))
    (i32.add (local.get $acc) (local.get $i))))"#;

/// Two loops ending in a counter step fused with their test (`StepBrI32..Pay`), the inner
/// one's block costing 8 units a round, the outer one's 12.
const STEPPED: &str = r#"(module (func (export "run") (result i32)
    (local $i i32) (local $j i32) (local $acc i32)
    (loop $outer
      (local.set $acc (i32.xor (local.get $acc) (i32.mul (local.get $i) (i32.const 7))))
      (local.set $acc (i32.rotl (local.get $acc) (i32.const 3)))
      (local.set $j (i32.const 0))
      (loop $inner
        (local.set $j (i32.add (local.get $j) (i32.const 3)))
        (br_if $inner (i32.lt_u (local.get $j) (i32.const 40))))
      (local.set $acc (i32.add (local.get $acc) (i32.mul (local.get $j) (local.get $i))))
      (local.set $i (i32.add (local.get $i) (i32.const -1)))
      (br_if $outer (i32.gt_s (local.get $i) (i32.const -25))))
    (i32.add (local.get $acc) (local.get $i))))"#;

/// Loops starting with their exit test, their counter step fused with the back edge repeating
/// it (`StepBrI32..PayFirst`): the inner one's first block costing 9 units a round, the outer
/// one's 12.
const STEPPED_FIRST: &str = r#"(module (func (export "run") (result i32)
    (local $i i32) (local $j i32) (local $acc i32)
    (block $done
      (loop $outer
        (br_if $done (i32.ge_s (local.get $i) (i32.const 30)))
        (local.set $acc (i32.xor (local.get $acc) (i32.mul (local.get $i) (i32.const 7))))
        (local.set $j (i32.const 0))
        (block $inner_done
          (loop $inner
            (br_if $inner_done (i32.ge_u (local.get $j) (i32.const 50)))
            (local.set $j (i32.add (local.get $j) (i32.const 4)))
            (br $inner)))
        (local.set $acc (i32.add (local.get $acc) (local.get $j)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $outer)))
    (i32.add (local.get $acc) (local.get $i))))"#;

/// Branches paying for a block that only returns, and that return, in one instruction
/// (`Return1Pay`, `Return0Pay`, `GlobalSetAddI32Return0Pay`: `translator/return_branch.rs`),
/// the epilogue's with 8 bits for its cost (blocks of 4 units: above 255 from prices times
/// 5,000 on).
const RETURNS: &str = r#"(module
  (memory 1)
  (global $sp (mut i32) (i32.const 1024))
  (global $count (mut i32) (i32.const 0))
  (func $arms (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 3))
      (then (i32.mul (local.get $n) (i32.const 7)))
      (else (i32.add (local.get $n) (i32.const 5))))
    (return))
  (func $framed (param $n i32) (local $fp i32)
    (local.set $fp (i32.sub (global.get $sp) (i32.const 16)))
    (global.set $sp (local.get $fp))
    (if (i32.and (local.get $n) (i32.const 2))
      (then (i32.store (local.get $fp) (i32.const 3)))
      (else (i32.store (local.get $fp) (local.get $n))))
    (global.set $sp (i32.add (local.get $fp) (i32.const 16))))
  (func $count_if (param $n i32)
    (if (i32.and (local.get $n) (i32.const 1))
      (then (global.set $count (i32.add (global.get $count) (i32.const 1))))
      (else (global.set $count (i32.add (global.get $count) (i32.const 10)))))
    (return))
  (func (export "run") (result i32) (local $i i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (call $arms (local.get $i))))
      (call $framed (local.get $i))
      (local.set $s (i32.add (local.get $s) (i32.load (i32.const 1008))))
      (call $count_if (local.get $i))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 9))))
    (i32.add (local.get $s) (i32.add (global.get $count) (global.get $sp)))))"#;

/// Constants falling into a block's `ConsumeGas`, which they pay for (`Const32PayNext`,
/// `translator/pay.rs`): a function's hoisted constant, written by its entry before its first
/// block, and an `else` arm's value before the join.
const CONSTANTS: &str = r#"(module
  (func $f (param $n i32) (result i32) (local $acc i32)
    (local.set $acc
      (if (result i32) (i32.and (local.get $n) (i32.const 1))
        (then (local.get $n))
        (else (i32.const 77))))
    (loop $l
      (local.set $acc (i32.sub (i32.const 1000) (local.get $acc)))
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (br_if $l (i32.lt_u (i32.and (local.get $n) (i32.const 7)) (i32.const 5))))
    (local.get $acc))
  (func (export "run") (result i32) (local $i i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (call $f (local.get $i))))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 12))))
    (local.get $s)))"#;

const PROGRAMS: [(&str, &str); 7] = [
    ("copy at the head", COPY_HEAD),
    ("exit test first", EXIT_TEST_FIRST),
    ("br_table", TABLE),
    ("counter steps", STEPPED),
    ("counter steps paying first", STEPPED_FIRST),
    ("paying returns", RETURNS),
    ("constants paying for the next block", CONSTANTS),
];

/// Every price of the default list, times `k`.
fn prices_times(k: u32) -> GasCosts {
    let d = GasCosts::default();
    GasCosts {
        base: d.base * k,
        memory_access: d.memory_access * k,
        division: d.division * k,
        call: d.call * k,
        host_call: d.host_call * k,
        memory_grow_per_page: d.memory_grow_per_page * k,
        table_grow_per_element: d.table_grow_per_element * k,
        bulk_memory_per_64_bytes: d.bulk_memory_per_64_bytes * k,
        bulk_table_per_element: d.bulk_table_per_element * k,
        free: d.free * k,
        simd: d.simd * k,
    }
}

fn engine(k: u32) -> Engine {
    let mut config = Config::default();
    config.gas_metering(true).gas_costs(prices_times(k));
    Engine::new(&config)
}

/// Runs `run` of `wat` at prices times `k` from `budget`, topped up at every pause (through
/// a snapshot at each when `through_snapshot`): results, gas used and pauses.
fn run(wat: &str, k: u32, budget: u64, through_snapshot: bool) -> (Vec<Val>, u64, Vec<(u64, u64)>) {
    let engine = engine(k);
    let make = || common::instantiate(&engine, wat);
    let (mut store, instance) = make();
    store.set_gas(budget).expect("gas");
    let restore_into: Option<&common::Fresh> = through_snapshot.then_some(&make);
    let run = drive_topped_up((store, instance), &[], 0, restore_into);
    (run.results, run.gas_used, run.pauses)
}

#[test]
fn prices_too_large_to_carry_charge_and_pause_exactly_as_carried_ones() {
    for (name, wat) in PROGRAMS {
        let (mut store, instance) = common::instantiate(&common::engine(false), wat);
        let unmetered = common::call(&mut store, &instance, "run", &[]);
        let (results, total, none) = run(wat, 1, u64::MAX / 4, false);
        assert_eq!(results, unmetered, "{name}");
        assert!(none.is_empty(), "{name}");
        let step = (total / 23).max(1) as usize;
        for k in [28, 5_000, 70_000] {
            let (results, used, _) = run(wat, k, u64::MAX / 4, false);
            assert_eq!(results, unmetered, "{name}, prices times {k}");
            assert_eq!(used, total * u64::from(k), "{name}, prices times {k}");
        }
        for budget in (0..total).step_by(step) {
            let (_, _, pauses) = run(wat, 1, budget, false);
            assert!(!pauses.is_empty(), "{name}: no pause from {budget}");
            for k in [28u32, 5_000, 70_000] {
                let k64 = u64::from(k);
                for through_snapshot in [false, true] {
                    let at = format!("{name}, prices times {k}, budget {budget} times {k}, through a snapshot {through_snapshot}");
                    let (results, used, scaled) = run(wat, k, budget * k64, through_snapshot);
                    assert_eq!(results, unmetered, "{at}");
                    assert_eq!(used, total * k64, "{at}");
                    let expected: Vec<_> =
                        pauses.iter().map(|&(u, n)| (u * k64, n * k64)).collect();
                    assert_eq!(scaled, expected, "{at}");
                }
            }
        }
    }
}
