//! A load fused with the `br_table` switching on the loaded value
//! (`translator/load_branch.rs`): a bytecode interpreter switching on its opcode byte and a
//! state machine switching on a node's state word. Against Rust, metered or not, traced or
//! not; traps at the load's own offset; the same gas as the code with the fusion kept apart;
//! paused at every budget, directly and through snapshots.

mod common;

use common::{offsets_of, try_call};
use wasp_core::{TrapCode, Val};

/// `vm pc cnt`: runs the bytecode at `16 + pc` with an accumulator `acc` (0) and a counter
/// `cnt`: opcode 0 returns `acc`; `1 x` adds `x`; `2 x` multiplies by `x`; `3 x` xors
/// `x << 8`; `4 t` decrements the counter and jumps to `t` while it is not zero; any other
/// byte rotates `acc` left by one. The opcode is `i32.load8_u offset=16`, switched on at
/// once: `Load8UBrTable`.
///
/// `machine p`: walks the nodes `[state, next]` (two words) from `p` to a `next` of 0,
/// switching on `i32.load` of the state: 0 adds 1, 1 multiplies by 3, 2 xors the node's
/// address, anything else adds 100: `Load32UBrTable`.
///
/// `<` and `>` enclose the loads switched on: nothing (the load itself), or a block holding
/// the load and then an empty loop, whose start (a label) keeps the load apart from the table
/// at no cost in gas.
const MODULE: &str = r#"(module (memory 1)
  (func $vm (export "vm") (param $pc i32) (param $cnt i32) (result i32) (local $acc i32)
    (loop $next
      (block $default (block $jnz (block $xor (block $mul (block $add (block $halt
        (br_table $halt $add $mul $xor $jnz $default
          <(i32.load8_u offset=16 (local.get $pc))>))
        (return (local.get $acc)))
        (local.set $acc (i32.add (local.get $acc) (i32.load8_u offset=17 (local.get $pc))))
        (local.set $pc (i32.add (local.get $pc) (i32.const 2)))
        (br $next))
        (local.set $acc (i32.mul (local.get $acc) (i32.load8_u offset=17 (local.get $pc))))
        (local.set $pc (i32.add (local.get $pc) (i32.const 2)))
        (br $next))
        (local.set $acc
          (i32.xor (local.get $acc) (i32.shl (i32.load8_u offset=17 (local.get $pc)) (i32.const 8))))
        (local.set $pc (i32.add (local.get $pc) (i32.const 2)))
        (br $next))
        (local.set $cnt (i32.sub (local.get $cnt) (i32.const 1)))
        (local.set $pc
          (select (i32.load8_u offset=17 (local.get $pc)) (i32.add (local.get $pc) (i32.const 2))
            (local.get $cnt)))
        (br $next))
      (local.set $acc (i32.rotl (local.get $acc) (i32.const 1)))
      (local.set $pc (i32.add (local.get $pc) (i32.const 1)))
      (br $next))
    (unreachable))
  (func $machine (export "machine") (param $p i32) (result i32) (local $sum i32)
    (loop $node
      (block $other (block $two (block $one (block $zero
        (br_table $zero $one $two $other <(i32.load (local.get $p))>))
        (local.set $sum (i32.add (local.get $sum) (i32.const 1)))
        (br $other))
        (local.set $sum (i32.mul (local.get $sum) (i32.const 3)))
        (br $other))
        (local.set $sum (i32.xor (local.get $sum) (local.get $p))))
      (if (i32.gt_u (i32.load (local.get $p)) (i32.const 2))
        (then (local.set $sum (i32.add (local.get $sum) (i32.const 100)))))
      (br_if $node (local.tee $p (i32.load offset=4 (local.get $p)))))
    (local.get $sum))
  (func $poke (export "poke") (param $at i32) (param $v i32) (i32.store (local.get $at) (local.get $v)))
  (func $nodes (export "nodes") (param $n i32) (result i32) (local $k i32) (local $at i32)
    (block $done (loop $l
      (br_if $done (i32.ge_u (local.get $k) (local.get $n)))
      (local.set $at (i32.add (i32.const 1024) (i32.shl (local.get $k) (i32.const 3))))
      (i32.store (local.get $at) (i32.rem_u (i32.mul (local.get $k) (i32.const 7)) (i32.const 5)))
      (i32.store offset=4 (local.get $at)
        (select (i32.add (local.get $at) (i32.const 8)) (i32.const 0)
          (i32.lt_u (i32.add (local.get $k) (i32.const 1)) (local.get $n))))
      (local.set $k (i32.add (local.get $k) (i32.const 1)))
      (br $l)))
    (i32.const 1024))
  (func (export "run") (result i32)
    (i32.add (call $vm (i32.const 0) (i32.const 6)) (call $machine (call $nodes (i32.const 30)))))
  ;; 0: add 7; 2: mul 3; 4: xor 5; 6: rotl; 7: jnz 2; 9: add 1; 11: halt
  (data (i32.const 16) "\01\07\02\03\03\05\09\04\02\01\01\00"))"#;

/// The module with the loads switched on right before their tables (fused), or kept apart.
fn module(fused: bool) -> String {
    let (open, close) = if fused {
        ("", "")
    } else {
        ("(block (result i32) ", " (loop (param i32) (result i32)))")
    };
    MODULE.replace('<', open).replace('>', close)
}

/// What `vm` computes, over `code` (the bytes from 16 on).
fn vm(code: &[u8], mut pc: usize, mut cnt: u32) -> u32 {
    let mut acc = 0u32;
    loop {
        let arg = || u32::from(code[pc + 1]);
        match code[pc] {
            0 => return acc,
            1 => (acc, pc) = (acc.wrapping_add(arg()), pc + 2),
            2 => (acc, pc) = (acc.wrapping_mul(arg()), pc + 2),
            3 => (acc, pc) = (acc ^ (arg() << 8), pc + 2),
            4 => {
                cnt = cnt.wrapping_sub(1);
                pc = if cnt != 0 { arg() as usize } else { pc + 2 };
            }
            _ => (acc, pc) = (acc.rotate_left(1), pc + 1),
        }
    }
}

/// What `machine (nodes n)` computes.
fn machine(n: u32) -> u32 {
    (0..n).fold(0u32, |sum, k| {
        let at = 1024 + 8 * k;
        match (k * 7) % 5 {
            0 => sum.wrapping_add(1),
            1 => sum.wrapping_mul(3),
            2 => sum ^ at,
            _ => sum.wrapping_add(100),
        }
    })
}

const CODE: [u8; 12] = [1, 7, 2, 3, 3, 5, 9, 4, 2, 1, 1, 0];

fn i32s(v: &[i32]) -> Vec<Val> {
    v.iter().map(|&x| Val::I32(x)).collect()
}

#[test]
fn switches_on_a_loaded_byte_or_word_compute_what_rust_does() {
    for fused in [true, false] {
        common::each_mode(module(fused), |store, instance, mode| {
            for cnt in [1, 2, 6, 40] {
                let got = try_call(store, instance, "vm", &i32s(&[0, cnt])).expect("vm");
                let want = vm(&CODE, 0, cnt as u32) as i32;
                assert_eq!(got, [Val::I32(want)], "vm cnt {cnt} {mode:?}");
            }
            // Entered at the second instruction.
            let got = try_call(store, instance, "vm", &i32s(&[2, 3])).expect("vm");
            assert_eq!(got, [Val::I32(vm(&CODE, 2, 3) as i32)], "{mode:?}");
            for n in [1, 2, 5, 30] {
                let first = try_call(store, instance, "nodes", &i32s(&[n])).expect("nodes");
                let got = try_call(store, instance, "machine", &first).expect("machine");
                assert_eq!(got, [Val::I32(machine(n as u32) as i32)], "n {n} {mode:?}");
            }
        });
    }
}

#[test]
fn a_fused_load_traps_at_its_own_offset() {
    let wasm = wat::parse_str(module(true)).expect("wat");
    let byte_load = offsets_of(&wasm, "I32Load8U")[0];
    let word_load = offsets_of(&wasm, "I32Load {")[0];
    common::each_mode(&wasm, |store, instance, mode| {
        // The opcode at 16 + pc lies past the end of memory.
        let err = try_call(store, instance, "vm", &i32s(&[65536 - 16, 1])).expect_err("traps");
        assert_eq!(err.trap_code(), Some(TrapCode::MemoryOutOfBounds));
        let frames = err.as_trap().and_then(|t| t.backtrace()).expect("trace");
        assert_eq!(
            frames.frames()[0].module_offset(),
            Some(byte_load),
            "{mode:?}"
        );
        // A node whose `next` leads to the last two bytes of memory.
        let first = try_call(store, instance, "nodes", &i32s(&[2])).expect("nodes");
        assert_eq!(first, [Val::I32(1024)]);
        try_call(store, instance, "poke", &i32s(&[1036, 65534])).expect("poke");
        let err = try_call(store, instance, "machine", &first).expect_err("traps");
        assert_eq!(err.trap_code(), Some(TrapCode::MemoryOutOfBounds));
        let frames = err.as_trap().and_then(|t| t.backtrace()).expect("trace");
        assert_eq!(
            frames.frames()[0].module_offset(),
            Some(word_load),
            "{mode:?}"
        );
    });
}

#[test]
fn fused_or_apart_the_gas_is_the_same_and_every_budget_resumes() {
    let want = [Val::I32(vm(&CODE, 0, 6).wrapping_add(machine(30)) as i32)];
    common::assert_same_gas_fused_or_apart(module, &want, 7);
}
