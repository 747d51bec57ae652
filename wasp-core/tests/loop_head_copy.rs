//! A `br` back to a loop that starts with a copy does the copy itself and lands after it
//! (`translator/copy_branch.rs`: `BrCopy`, and `BrCopyPay` with gas metering), handing the
//! copied value on in the result register to the instruction there. The loop is a bytecode
//! interpreter's (`pc = next` at its head, `next = pc + 8` right after): its results and
//! step counts are the Rust reference's, metered or not, traced or not (every step a handler
//! chain of its own), and a call paused at every budget resumes to the same result and gas,
//! directly and through snapshots.

mod common;

use common::{run_topped_up, try_call};

use wasp_core::Val;

/// One instruction of the interpreted program: opcode, three register numbers, immediate.
type Op = (u8, u8, u8, u8, i32);

const SET: u8 = 0;
const ADD: u8 = 1;
const JNZ: u8 = 2;
const HALT: u8 = 3;

/// `r0 = 0; r1 = 40; r2 = 3; loop { r0 += r2; r2 += r0; if r1 != 0 { r1 -= 1; goto loop } }`.
const PROGRAM: &[Op] = &[
    (SET, 0, 0, 0, 0),
    (SET, 1, 0, 0, 40),
    (SET, 2, 0, 0, 3),
    (ADD, 0, 0, 2, 0),
    (ADD, 2, 2, 0, 0),
    (JNZ, 1, 0, 0, 24),
    (HALT, 0, 0, 0, 0),
];

/// The interpreter: the program at address 0, eight bytes per instruction, its registers at
/// 1024. `run` returns `r0 + r2 * 7 + steps * 1000`.
fn interpreter() -> String {
    let bytes: String = PROGRAM
        .iter()
        .flat_map(|&(op, a, b, c, imm)| [op, a, b, c].into_iter().chain(imm.to_le_bytes()))
        .map(|byte| format!("\\{byte:02x}"))
        .collect();
    format!(
        r#"(module
  (memory 1)
  (data (i32.const 0) "{bytes}")
  (func (export "run") (result i32)
    (local $pc i32) (local $next i32) (local $steps i32) (local $r i32)
    (block $halt
      (loop $dispatch
        (local.set $pc (local.get $next))
        (local.set $next (i32.add (local.get $pc) (i32.const 8)))
        (local.set $steps (i32.add (local.get $steps) (i32.const 1)))
        (block $jnz
          (block $add
            (block $set
              (br_table $set $add $jnz $halt (i32.load8_u (local.get $pc))))
            (i32.store offset=1024
              (i32.shl (i32.load8_u offset=1 (local.get $pc)) (i32.const 2))
              (i32.load offset=4 (local.get $pc)))
            (br $dispatch))
          (i32.store offset=1024
            (i32.shl (i32.load8_u offset=1 (local.get $pc)) (i32.const 2))
            (i32.add
              (i32.load offset=1024 (i32.shl (i32.load8_u offset=2 (local.get $pc)) (i32.const 2)))
              (i32.load offset=1024 (i32.shl (i32.load8_u offset=3 (local.get $pc)) (i32.const 2)))))
          (br $dispatch))
        (if (i32.load offset=1024
              (local.tee $r (i32.shl (i32.load8_u offset=1 (local.get $pc)) (i32.const 2))))
          (then
            (i32.store offset=1024 (local.get $r)
              (i32.sub (i32.load offset=1024 (local.get $r)) (i32.const 1)))
            (local.set $next (i32.load offset=4 (local.get $pc)))))
        (br $dispatch)))
    (i32.add
      (i32.add (i32.load offset=1024 (i32.const 0))
               (i32.mul (i32.load offset=1032 (i32.const 0)) (i32.const 7)))
      (i32.mul (local.get $steps) (i32.const 1000)))))"#
    )
}

/// What [`interpreter`] returns, computed here.
fn reference() -> i32 {
    let (mut regs, mut pc, mut steps) = ([0i32; 4], 0usize, 0i32);
    loop {
        let (op, a, b, c, imm) = PROGRAM[pc / 8];
        let (a, b, c) = (usize::from(a), usize::from(b), usize::from(c));
        steps += 1;
        pc += 8;
        match op {
            SET => regs[a] = imm,
            ADD => regs[a] = regs[b].wrapping_add(regs[c]),
            JNZ if regs[a] != 0 => {
                regs[a] -= 1;
                pc = imm as usize;
            }
            JNZ => {}
            _ => break,
        }
    }
    regs[0]
        .wrapping_add(regs[2].wrapping_mul(7))
        .wrapping_add(steps.wrapping_mul(1000))
}

#[test]
fn the_interpreter_matches_rust_metered_or_not_traced_or_not() {
    let want = vec![Val::I32(reference())];
    common::each_mode(interpreter(), |store, instance, mode| {
        let got = try_call(store, instance, "run", &[]).expect("runs");
        assert_eq!(got, want, "{mode:?}");
    });
}

#[test]
fn the_interpreter_resumes_from_every_budget_directly_and_through_snapshots() {
    let want = vec![Val::I32(reference())];
    assert_eq!(
        run_topped_up(&interpreter(), &[], None, false).results,
        want
    );
    common::assert_resumes_from_every_budget(&interpreter(), &want, 29);
}
