//! A value in memory updated in place by a constant, one instruction
//! (`translator/add_in_memory.rs`): counters in memory stepped up and down at both widths.
//! Against Rust, metered or not, traced or not; traps at the load's offset; the same gas as
//! the code with the three operators kept apart; paused at every budget, directly and
//! through snapshots.

mod common;

use common::{offsets_of, try_call};
use wasp_core::{TrapCode, Val};

/// `count p n`: `n` rounds over the counters at `p`: the i32 at `p` goes up by 1, the one at
/// `p + 4` down by 3 (`i32.sub`), the one at `p + 8` up by -7 (an `i32.add` of a negative
/// constant) when the round is odd, the i64 at `p + 16` up by 1000, the one at `p + 24` down
/// by 1 with a wrap below 0. Returns the i32 sum of all five as i64.
///
/// `<` and `>` enclose each loaded value: nothing (fused), or a block holding the load and
/// then an empty loop, whose start (a label) keeps the three apart at no cost in gas.
const MODULE: &str = r#"(module (memory 1)
  (func $count (export "count") (param $p i32) (param $n i32) (result i64) (local $i i32)
    (loop $round
      (i32.store (local.get $p) (i32.add <(i32.load (local.get $p))> (i32.const 1)))
      (i32.store offset=4 (local.get $p)
        (i32.sub <(i32.load offset=4 (local.get $p))> (i32.const 3)))
      (if (i32.and (local.get $i) (i32.const 1))
        (then (i32.store offset=8 (local.get $p)
          (i32.add <(i32.load offset=8 (local.get $p))> (i32.const -7)))))
      (i64.store offset=16 (local.get $p)
        (i64.add [(i64.load offset=16 (local.get $p))] (i64.const 1000)))
      (i64.store offset=24 (local.get $p)
        (i64.sub [(i64.load offset=24 (local.get $p))] (i64.const 1)))
      (br_if $round (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1)))
        (local.get $n))))
    (i64.add
      (i64.add
        (i64.extend_i32_u (i32.load (local.get $p)))
        (i64.extend_i32_u (i32.load offset=4 (local.get $p))))
      (i64.add
        (i64.extend_i32_u (i32.load offset=8 (local.get $p)))
        (i64.add (i64.load offset=16 (local.get $p)) (i64.load offset=24 (local.get $p))))))
  (func (export "run") (result i64) (call $count (i32.const 64) (i32.const 9))))"#;

/// The module with each update fused, or its load kept apart.
fn module(fused: bool) -> String {
    common::kept_apart(MODULE, fused)
}

/// What `count p n` returns after `calls` calls of `n` rounds each on zeroed counters.
fn count(n: u32, calls: u32) -> i64 {
    let (mut a, mut b, mut c, mut d, mut e) = (0u32, 0u32, 0u32, 0u64, 0u64);
    for _ in 0..calls {
        for i in 0..n.max(1) {
            a = a.wrapping_add(1);
            b = b.wrapping_sub(3);
            if i & 1 == 1 {
                c = c.wrapping_add(-7i32 as u32);
            }
            d = d.wrapping_add(1000);
            e = e.wrapping_sub(1);
        }
    }
    let sum = u64::from(a) + u64::from(b) + u64::from(c);
    sum.wrapping_add(d.wrapping_add(e)) as i64
}

fn i32s(v: &[i32]) -> Vec<Val> {
    v.iter().map(|&x| Val::I32(x)).collect()
}

#[test]
fn counters_updated_in_place_compute_what_rust_does() {
    for fused in [true, false] {
        common::each_mode(module(fused), |store, instance, mode| {
            for (calls, n) in [(1, 1), (2, 5), (3, 40)] {
                let mut got = Vec::new();
                for _ in 0..calls {
                    let p = 64 * n;
                    got = try_call(store, instance, "count", &i32s(&[p, n])).expect("count");
                }
                let want = count(n as u32, calls);
                assert_eq!(got, [Val::I64(want)], "n {n} fused {fused} {mode:?}");
            }
        });
    }
}

#[test]
fn an_update_out_of_bounds_traps_at_its_load() {
    let wasm = wat::parse_str(module(true)).expect("wat");
    let loads = offsets_of(&wasm, "I32Load {");
    let wide_loads = offsets_of(&wasm, "I64Load {");
    common::each_mode(&wasm, |store, instance, mode| {
        let cases = [
            (65536, loads[0]),
            (65534, loads[0]),
            (65530, loads[1]),
            (65513, wide_loads[0]),
            (65512, wide_loads[1]),
        ];
        for (p, at) in cases {
            let err = try_call(store, instance, "count", &i32s(&[p, 1])).expect_err("traps");
            assert_eq!(err.trap_code(), Some(TrapCode::MemoryOutOfBounds));
            let frames = err.as_trap().and_then(|t| t.backtrace()).expect("trace");
            let got = frames.frames()[0].module_offset();
            assert_eq!(got, Some(at), "p {p} {mode:?}");
        }
    });
}

#[test]
fn fused_or_apart_the_gas_is_the_same_and_every_budget_resumes() {
    let want = [Val::I64(count(9, 1))];
    common::assert_same_gas_fused_or_apart(module, &want, 13);
}
