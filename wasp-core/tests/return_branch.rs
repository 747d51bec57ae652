//! Branches that land on a return return themselves (`translator/return_branch.rs`): naive
//! recursion's base case (`if (n < 2) return n`, a copy and a branch to the function's end),
//! an arm that branches out of nested blocks to the end, and a `br_table` some of whose
//! entries land on the end; with gas metering, a branch paying for a block that only returns
//! (its `ConsumeGas`, then the return: a value, nothing, or a function's epilogue) pays and
//! returns in one instruction. Against Rust, in every mode, and paused at every budget and
//! resumed directly and through snapshots.

mod common;

use common::try_call;
use wasp_core::Val;

const PROGRAM: &str = r#"(module
  (func $fib (export "fib") (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1)))
                     (call $fib (i32.sub (local.get $n) (i32.const 2)))))))
  (func $pick (export "pick") (param $n i32) (result i64) (local $r i64)
    (local.set $r (i64.const 100))
    (block $out
      (block $two
        (block $one
          (br_table $one $two $out $one (local.get $n)))
        (local.set $r (i64.add (local.get $r) (i64.const 1)))
        (br $out))
      (local.set $r (i64.mul (local.get $r) (i64.const 3)))
      (br_if $out (i32.gt_u (local.get $n) (i32.const 0)))
      (local.set $r (i64.const -1)))
    (local.get $r))
  (memory 1)
  (global $sp (mut i32) (i32.const 1024))
  (global $count (mut i32) (i32.const 0))
  (func $arms (export "arms") (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (local.get $n) (i32.const 5))))
    (return))
  (func $framed (export "framed") (param $n i32) (local $fp i32)
    (local.set $fp (i32.sub (global.get $sp) (i32.const 16)))
    (global.set $sp (local.get $fp))
    (if (i32.and (local.get $n) (i32.const 2))
      (then (i32.store (local.get $fp) (i32.const 3)))
      (else (i32.store (local.get $fp) (local.get $n))))
    (global.set $sp (i32.add (local.get $fp) (i32.const 16))))
  (func $count_if (export "count_if") (param $n i32)
    (if (i32.and (local.get $n) (i32.const 1))
      (then (global.set $count (i32.add (global.get $count) (i32.const 1))))
      (else (global.set $count (i32.add (global.get $count) (i32.const 10)))))
    (return))
  (func (export "run") (result i32) (local $i i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (call $fib (local.get $i))))
      (local.set $s (i32.add (local.get $s) (i32.wrap_i64 (call $pick (local.get $i)))))
      (local.set $s (i32.add (local.get $s) (call $arms (local.get $i))))
      (call $framed (local.get $i))
      (local.set $s (i32.add (local.get $s) (i32.load (i32.const 1008))))
      (call $count_if (local.get $i))
      (br_if $l (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 7))))
    (i32.add (local.get $s) (i32.add (global.get $count) (global.get $sp)))))"#;

fn fib(n: i32) -> i32 {
    if n < 2 {
        n
    } else {
        fib(n - 1) + fib(n - 2)
    }
}

fn pick(n: i32) -> i64 {
    match n {
        0 => 101,
        1 => 300,
        2 => 100,
        _ => 101,
    }
}

fn arms(n: i32) -> i32 {
    if (n as u32) < 2 {
        n
    } else {
        n.wrapping_add(5)
    }
}

/// What `framed(n)` leaves in its frame.
fn framed(n: i32) -> i32 {
    if n & 2 != 0 {
        3
    } else {
        n
    }
}

fn count_if(n: i32) -> i32 {
    if n & 1 != 0 {
        1
    } else {
        10
    }
}

/// What `run` returns.
fn run() -> i32 {
    let rounds: i32 = (0..7)
        .map(|i| fib(i) + pick(i) as i32 + arms(i) + framed(i))
        .sum();
    // The stack pointer is back where it started.
    rounds + (0..7).map(count_if).sum::<i32>() + 1024
}

#[test]
fn branches_to_the_end_return_what_the_function_returns_in_every_mode() {
    let wasm = wat::parse_str(PROGRAM).expect("wat");
    common::each_mode(&wasm, |store, instance, mode| {
        for n in 0..15 {
            let got = try_call(store, instance, "fib", &[Val::I32(n)]).expect("fib");
            assert_eq!(got, [Val::I32(fib(n))], "fib({n}), {mode:?}");
        }
        for n in [-1, 0, 1, 2, 3, 4, 1000] {
            let got = try_call(store, instance, "pick", &[Val::I32(n)]).expect("pick");
            assert_eq!(got, [Val::I64(pick(n))], "pick({n}), {mode:?}");
            let got = try_call(store, instance, "arms", &[Val::I32(n)]).expect("arms");
            assert_eq!(got, [Val::I32(arms(n))], "arms({n}), {mode:?}");
        }
        let got = try_call(store, instance, "run", &[]).expect("run");
        assert_eq!(got, [Val::I32(run())], "run, {mode:?}");
    });
}

#[test]
fn a_program_returning_through_branches_pauses_at_every_budget_and_resumes() {
    common::assert_resumes_from_every_budget(PROGRAM, &[Val::I32(run())], 13);
}
