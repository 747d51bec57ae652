//! A multiplication by a constant power of two, `2^k` with `k >= 1`, translates into the
//! shift left by `k` (`translator/ops.rs`): the same result at its width, and an index scaled
//! that way feeds the address fusions as an `i32.shl` does. Results must be the
//! multiplication's for every `k`, gas the same as for a multiplication by a constant that is
//! not a power of two, and an indexed access must trap exactly where Wasm traps.

mod common;

use common::{call, each_mode, gas_of, instantiate_with_gas, trap_of, try_call};
use wasp_core::{TrapCode, Val};

/// Exports `m{k}` (`i32.mul` by `2^k`, constant on the right), `l{k}` (on the left) and
/// `w{k}` (`i64.mul` by `2^k`) for every `k` of the width, and `times3`, `wide_times3` by three.
fn multipliers() -> String {
    let mut funcs = String::new();
    for k in 0..32 {
        let c = (1u32 << k) as i32;
        funcs += &format!(
            "(func (export \"m{k}\") (param i32) (result i32)
               (i32.mul (local.get 0) (i32.const {c})))
             (func (export \"l{k}\") (param i32) (result i32)
               (i32.mul (i32.const {c}) (local.get 0)))\n"
        );
    }
    for k in 0..64 {
        let c = (1u64 << k) as i64;
        funcs += &format!(
            "(func (export \"w{k}\") (param i64) (result i64)
               (i64.mul (local.get 0) (i64.const {c})))\n"
        );
    }
    funcs += "(func (export \"times3\") (param i32) (result i32)
                (i32.mul (local.get 0) (i32.const 3)))
              (func (export \"wide_times3\") (param i64) (result i64)
                (i64.mul (local.get 0) (i64.const 3)))";
    format!("(module {funcs})")
}

const I32S: [i32; 7] = [0, 1, -1, 7, 0x1234_5678, i32::MIN, i32::MAX];
const I64S: [i64; 7] = [0, 1, -1, 7, 0x1234_5678_9abc_def0, i64::MIN, i64::MAX];

#[test]
fn a_multiplication_by_a_power_of_two_is_the_multiplication() {
    let wasm = wat::parse_str(multipliers()).expect("wat");
    each_mode(&wasm, |store, instance, mode| {
        for k in 0..32 {
            for x in I32S {
                let want = Val::I32(x.wrapping_mul((1u32 << k) as i32));
                for name in [format!("m{k}"), format!("l{k}")] {
                    let got = call(store, instance, &name, &[Val::I32(x)]);
                    assert_eq!(got, [want], "{name}({x}) {mode:?}");
                }
            }
        }
        for k in 0..64 {
            for x in I64S {
                let want = Val::I64(x.wrapping_mul((1u64 << k) as i64));
                let got = call(store, instance, &format!("w{k}"), &[Val::I64(x)]);
                assert_eq!(got, [want], "w{k}({x}) {mode:?}");
            }
        }
    });
}

#[test]
fn a_multiplication_by_a_power_of_two_costs_what_any_multiplication_costs() {
    let wasm = wat::parse_str(multipliers()).expect("wat");
    let (mut store, instance) = instantiate_with_gas(&common::engine(true), &wasm);
    let by_three = gas_of(&mut store, &instance, "times3", &[Val::I32(5)]);
    let wide_by_three = gas_of(&mut store, &instance, "wide_times3", &[Val::I64(5)]);
    for k in [1, 2, 31] {
        assert_eq!(
            gas_of(&mut store, &instance, &format!("m{k}"), &[Val::I32(5)]),
            by_three
        );
    }
    for k in [1, 3, 63] {
        assert_eq!(
            gas_of(&mut store, &instance, &format!("w{k}"), &[Val::I64(5)]),
            wide_by_three
        );
    }
}

/// `get(i)`: the i32 at `$base + i * 4`; `put(i, v)` stores there; `$base` is 16.
const INDEXED: &str = r#"
(module
  (memory 1)
  (func (export "get") (param $i i32) (result i32)
    (i32.load (i32.add (i32.const 16) (i32.mul (local.get $i) (i32.const 4)))))
  (func (export "put") (param $i i32) (param $v i32)
    (i32.store (i32.add (i32.const 16) (i32.mul (local.get $i) (i32.const 4)))
               (local.get $v))))
"#;

#[test]
fn an_index_scaled_by_a_multiplication_reads_and_traps_where_wasm_does() {
    let wasm = wat::parse_str(INDEXED).expect("wat");
    // The last whole i32 of the page: 16 + 4 * 16379 = 65532.
    let last = 16_379;
    each_mode(&wasm, |store, instance, mode| {
        for (i, v) in [(0, 11), (5, -3), (last, 77)] {
            call(store, instance, "put", &[Val::I32(i), Val::I32(v)]);
            let got = call(store, instance, "get", &[Val::I32(i)]);
            assert_eq!(got, [Val::I32(v)], "{i} {mode:?}");
        }
        // One past the end, and an index whose scaled address wraps to 12 (in bounds).
        let past = try_call(store, instance, "get", &[Val::I32(last + 1)]);
        assert_eq!(trap_of(past), Some(TrapCode::MemoryOutOfBounds), "{mode:?}");
        let put = try_call(store, instance, "put", &[Val::I32(last + 1), Val::I32(1)]);
        assert_eq!(trap_of(put), Some(TrapCode::MemoryOutOfBounds), "{mode:?}");
        let wraps = 0x3fff_ffff; // 16 + 4 * 0x3fff_ffff = 2^32 + 12
        call(store, instance, "put", &[Val::I32(wraps), Val::I32(42)]);
        let got = call(store, instance, "get", &[Val::I32(-1)]);
        assert_eq!(got, [Val::I32(42)], "address 12 {mode:?}");
    });
}
