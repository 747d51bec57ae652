//! Tail calls on their common path (a callee of the running instance whose frame fits: the
//! record is rewritten in place and the arguments move down) and on the general one (a
//! callee of another instance), with their results, frames, gas and pauses.

mod common;

use common::{drive_topped_up, engine, instantiate_run};
use wasp_core::{Config, Engine, Instance, Linker, Module, Store, Val};

/// Owns a table and `$a`, which tail-calls entry 0 of the table: `$b` of the instance that
/// fills it. Each step reads its own instance's memory and global.
const OWNER: &str = r#"(module
  (type $step (func (param i32 i32) (result i32)))
  (table (export "t") 1 funcref)
  (memory 1)
  (data (i32.const 0) "\07")
  (global $g i32 (i32.const 1000))
  (func $a (export "a") (param $n i32) (param $acc i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (local.get $acc))
      (else (return_call_indirect (type $step)
        (i32.sub (local.get $n) (i32.const 1))
        (i32.add (i32.mul (local.get $acc) (i32.const 3))
                 (i32.add (i32.load8_u (i32.const 0)) (global.get $g)))
        (i32.const 0))))))"#;

/// Puts `$b` in the owner's table; `$b` tail-calls the owner's `$a`, and `run` starts the
/// ping-pong.
const USER: &str = r#"(module
  (import "owner" "t" (table 1 funcref))
  (import "owner" "a" (func $a (param i32 i32) (result i32)))
  (memory 1)
  (data (i32.const 0) "\03")
  (global $g i32 (i32.const 1))
  (elem (i32.const 0) $b)
  (func $b (param $n i32) (param $acc i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (local.get $acc))
      (else (return_call $a
        (i32.sub (local.get $n) (i32.const 1))
        (i32.xor (local.get $acc)
                 (i32.add (i32.add (i32.load8_u (i32.const 0)) (global.get $g))
                          (local.get $n)))))))
  (func (export "run") (param $n i32) (result i32)
    (return_call $b (local.get $n) (i32.const 5))))"#;

/// What `run(n)` returns, computed in Rust.
fn ping_pong(n: u32) -> i32 {
    let mut acc = 5u32;
    for (step, k) in (1..=n).rev().enumerate() {
        acc = if step % 2 == 0 {
            acc ^ (3 + 1 + k)
        } else {
            acc.wrapping_mul(3).wrapping_add(7 + 1000)
        };
    }
    acc as i32
}

/// The owner and the user instantiated in one store; the user's instance is returned.
fn owner_and_user(engine: &Engine) -> (Store<()>, Instance) {
    let owner = Module::new(engine, OWNER).expect("valid module");
    let user = Module::new(engine, USER).expect("valid module");
    let mut store = Store::new(engine, ());
    let mut linker = Linker::new(engine);
    let owner = linker
        .instantiate(&mut store, &owner)
        .expect("instantiates");
    linker
        .instance(&mut store, "owner", owner)
        .expect("defines the exports");
    let user = linker.instantiate(&mut store, &user).expect("instantiates");
    (store, user)
}

fn run(store: &mut Store<()>, user: &Instance, n: i32) -> Result<i32, wasp_core::Error> {
    let run = user
        .get_typed_func::<i32, i32>(&*store, "run")
        .expect("exported");
    run.call(store, n)
}

#[test]
fn tail_calls_between_instances_run_in_the_callee_instance() {
    for gas in [false, true] {
        let (mut store, user) = owner_and_user(&engine(gas));
        if gas {
            store.set_gas(u64::MAX / 2).unwrap();
        }
        for n in [0, 1, 2, 3, 10, 1001] {
            let got = run(&mut store, &user, n).expect("no trap");
            assert_eq!(got, ping_pong(n as u32), "run({n}), gas {gas}");
        }
    }
}

#[test]
fn tail_calls_between_instances_keep_one_frame() {
    let mut config = Config::default();
    config.max_call_depth(4);
    let (mut store, user) = owner_and_user(&Engine::new(&config));
    assert_eq!(
        run(&mut store, &user, 100_000).expect("no overflow"),
        ping_pong(100_000)
    );
}

#[test]
fn tail_calls_between_instances_pause_and_resume_at_every_budget() {
    let engine = engine(true);
    let n = 9;
    let fresh = || owner_and_user(&engine);
    let plenty = {
        let (mut store, user) = fresh();
        store.set_gas(u64::MAX / 2).unwrap();
        drive_topped_up((store, user), &[Val::I32(n)], 0, None)
    };
    assert_eq!(plenty.results, [Val::I32(ping_pong(n as u32))]);
    for budget in 0..plenty.gas_used {
        for snapshot in [false, true] {
            let (mut store, user) = fresh();
            store.set_gas(budget).unwrap();
            let restore_into: Option<&common::Fresh> = snapshot.then_some(&fresh);
            let end = drive_topped_up((store, user), &[Val::I32(n)], 0, restore_into);
            assert_eq!(end.results, plenty.results, "budget {budget}");
            assert_eq!(end.gas_used, plenty.gas_used, "budget {budget}");
            assert!(!end.pauses.is_empty(), "budget {budget} must pause");
        }
    }
}

/// `run(n)`: `$narrow` (three parameters and three locals, set) tail-calls `$wide` (seven
/// parameters: its frame reaches past `$narrow`'s locals, and its three locals lie where
/// `$narrow` kept its arguments, and must read 0), which folds its parameters into an
/// accumulator and tail-calls `$narrow` with `n - 1` while `n > 0`.
const WIDE_AND_NARROW: &str = r#"(module
  (func $narrow (param $n i64) (param $acc i64) (param $k i64) (result i64)
    (local $x i64) (local $y i64) (local $z i64)
    (local.set $x (i64.const -1))
    (local.set $y (i64.const -2))
    (local.set $z (i64.const -3))
    (return_call $wide
      (local.get $n)
      (i64.add (local.get $acc) (local.get $k))
      (i64.add (local.get $n) (local.get $x))
      (i64.mul (local.get $n) (local.get $y))
      (local.get $z)
      (i64.const 11)
      (i64.xor (local.get $n) (i64.const 13))))
  (func $wide (param $n i64) (param $acc i64) (param i64 i64 i64 i64 i64) (result i64)
    (local $l0 i64) (local $l1 i64) (local $l2 i64)
    (local.set $l0 (i64.add (local.get $l0)
      (i64.add (i64.add (local.get 2) (local.get 3))
               (i64.add (local.get 4) (i64.add (local.get 5) (local.get 6))))))
    (local.set $l1 (i64.add (local.get $l1) (local.get $l0)))
    (local.set $l2 (i64.add (local.get $l2) (i64.const 1)))
    (local.set $acc (i64.add (i64.mul (local.get $acc) (i64.const 31))
                             (i64.add (local.get $l1) (local.get $l2))))
    (if (result i64) (i64.eqz (local.get $n))
      (then (local.get $acc))
      (else (return_call $narrow (i64.sub (local.get $n) (i64.const 1))
                                 (local.get $acc) (local.get $n)))))
  (func (export "run") (param $n i64) (result i64)
    (return_call $narrow (local.get $n) (i64.const 0) (i64.const 100))))"#;

/// What `run(n)` of [`WIDE_AND_NARROW`] returns, computed in Rust.
fn wide_and_narrow(n: i64) -> i64 {
    let (mut n, mut acc, mut k) = (n, 0i64, 100i64);
    loop {
        acc = acc.wrapping_add(k);
        let sum = (n - 1) + n * -2 + -3 + 11 + (n ^ 13);
        // `$wide`'s locals start at 0: l0 = l1 = sum, l2 = 1.
        acc = acc.wrapping_mul(31).wrapping_add(sum + 1);
        if n == 0 {
            return acc;
        }
        k = n;
        n -= 1;
    }
}

#[test]
fn a_tail_call_moves_the_arguments_and_zeroes_the_callee_locals() {
    for gas in [false, true] {
        let (mut store, run) = instantiate_run(&engine(gas), WIDE_AND_NARROW);
        if gas {
            store.set_gas(u64::MAX / 2).unwrap();
        }
        for n in [0i64, 1, 2, 7, 100] {
            let mut out = [Val::I64(0)];
            run.call(&mut store, &[Val::I64(n)], &mut out).unwrap();
            assert_eq!(out[0], Val::I64(wide_and_narrow(n)), "run({n}), gas {gas}");
        }
    }
}
