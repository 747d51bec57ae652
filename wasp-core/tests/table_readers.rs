//! `br_table` reading its index from the result register when the instruction right before
//! computed it (`BrTableAcc`, and `BrTablePayAcc` with gas metering): a bytecode
//! interpreter loop whose dispatch index is a byte just loaded, against the same program
//! run in Rust, metered or not, traced (every step starts a new handler chain, which reloads
//! the register), with indexes past the table's end (its default), and paused at every
//! budget and resumed through snapshots.

mod common;

use common::{each_mode, run_topped_up, try_call};

use wasp_core::Val;

/// The program the interpreter runs: opcode bytes at 0, one per step, past the end the
/// default (halt).
const PROGRAM: [u8; 12] = [0, 1, 2, 0, 3, 1, 9, 2, 200, 0, 3, 2];

/// A loop over the opcode bytes at `0..len`: `br_table` on the byte just loaded (0: add the
/// step, 1: multiply by 3, 2: xor a constant, 3: subtract the step shifted, anything else:
/// halt), and a second `br_table` on an index computed right before it (`acc & 3`).
fn module() -> String {
    let data: String = PROGRAM.iter().map(|b| format!("\\{b:02x}")).collect();
    format!(
        r#"(module (memory 1) (data (i32.const 0) "{data}")
  (func (export "run") (param $len i32) (param $acc i32) (result i32) (local $pc i32)
    (block $halt
      (loop $next
        (br_if $halt (i32.ge_u (local.get $pc) (local.get $len)))
        (block $e
          (block $d (block $c (block $b (block $a
            (br_table $a $b $c $d $halt (i32.load8_u (local.get $pc))))
            (local.set $acc (i32.add (local.get $acc) (local.get $pc)))
            (br $e))
            (local.set $acc (i32.mul (local.get $acc) (i32.const 3)))
            (br $e))
            (local.set $acc (i32.xor (local.get $acc) (i32.const 0x5a5a)))
            (br $e))
          (block $z (block $y (block $x
            (br_table $x $y $z (i32.and (local.get $acc) (i32.const 3))))
            (local.set $acc (i32.sub (local.get $acc) (i32.shl (local.get $pc) (i32.const 2))))
            (br $z))
            (local.set $acc (i32.sub (local.get $acc) (i32.const 1)))))
        (local.set $pc (i32.add (local.get $pc) (i32.const 1)))
        (br $next)))
    (local.get $acc)))"#
    )
}

/// What `run(len, acc)` returns.
fn reference(len: i32, mut acc: i32) -> i32 {
    for pc in 0..len.max(0) {
        match PROGRAM.get(pc as usize).copied().unwrap_or(0) {
            0 => acc = acc.wrapping_add(pc),
            1 => acc = acc.wrapping_mul(3),
            2 => acc ^= 0x5a5a,
            3 => match acc & 3 {
                0 => acc = acc.wrapping_sub(pc << 2),
                1 => acc = acc.wrapping_sub(1),
                _ => {}
            },
            _ => break,
        }
    }
    acc
}

/// `(len, acc)`: the whole program (which halts at its opcode 9), a part of it, none.
const ARGS: [(i32, i32); 4] = [(12, 7), (6, -1), (4, 0x1234_5678), (0, 5)];

#[test]
fn a_branch_table_reading_the_register_takes_the_branch_wasm_does() {
    each_mode(module(), |store, instance, mode| {
        for (len, acc) in ARGS {
            let got = try_call(store, instance, "run", &[Val::I32(len), Val::I32(acc)]);
            let want = [Val::I32(reference(len, acc))];
            assert_eq!(got.expect("run"), want, "run({len}, {acc}) {mode:?}");
        }
    });
}

#[test]
fn a_loop_dispatching_through_the_register_pauses_at_every_budget_and_resumes_through_snapshots() {
    let args = [Val::I32(12), Val::I32(7)];
    let want = vec![Val::I32(reference(12, 7))];
    let wat = module();
    assert_eq!(run_topped_up(&wat, &args, None, false).results, want);
    let total = run_topped_up(&wat, &args, Some(u64::MAX / 2), false).gas_used;
    for budget in 0..=total {
        for through_snapshot in [false, true] {
            let run = run_topped_up(&wat, &args, Some(budget), through_snapshot);
            assert_eq!(run.results, want, "budget {budget}");
            assert_eq!(run.gas_used, total, "budget {budget}");
        }
    }
}
