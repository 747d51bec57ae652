//! A function returning several locals of consecutive slots, in order, returns them from
//! where they are (`translator/control.rs`): the parameters of a function that returns them
//! as they came are already where the caller reads its results. Every other arrangement is
//! copied first. Results must be the values Wasm returns, whatever was written before.

mod common;

use common::{call, each_mode};
use wasp_core::Val;

const MODULE: &str = r#"
(module
  (func $same (export "same") (param i64 i64 i64) (result i64 i64 i64)
    local.get 0 local.get 1 local.get 2)
  (func (export "tail_two") (param i64 i64 i64) (result i64 i64)
    local.get 1 local.get 2)
  (func (export "reversed") (param i64 i64 i64) (result i64 i64 i64)
    local.get 2 local.get 1 local.get 0)
  (func (export "twice") (param i64 i64 i64) (result i64 i64)
    local.get 0 local.get 0)
  (func (export "declared") (param i64 i64 i64) (result i64 i64)
    (local i64 i64)
    (local.set 3 (i64.add (local.get 0) (local.get 1)))
    (local.set 4 (i64.mul (local.get 1) (local.get 2)))
    local.get 3 local.get 4)
  (func (export "written_before") (param i64 i64 i64) (result i64 i64 i64)
    (local.set 0 (i64.const 9))
    local.get 0 local.get 1 local.get 2)
  (func (export "written_after") (param i64 i64 i64) (result i64 i64 i64)
    local.get 0 local.get 1 local.get 2
    (local.set 1 (i64.const 5)))
  (func (export "early") (param i64 i64 i64) (result i64 i64 i64)
    (if (i64.eqz (local.get 0))
      (then local.get 0 local.get 1 local.get 2 return))
    local.get 2 local.get 1 local.get 0)
  (func $sum_pairs (param i64 i64 i64) (result i64 i64 i64)
    ;; (n, a, b) -> (0, a + n, b + 2n), recursing n times and returning its parameters.
    (if (i64.eqz (local.get 0))
      (then local.get 0 local.get 1 local.get 2 return))
    (call $sum_pairs
      (i64.sub (local.get 0) (i64.const 1))
      (i64.add (local.get 1) (i64.const 1))
      (i64.add (local.get 2) (i64.const 2))))
  (func (export "sum_pairs") (param i64 i64 i64) (result i64 i64 i64)
    (call $sum_pairs (local.get 0) (local.get 1) (local.get 2)))
  (func (export "caller") (param i64 i64 i64) (result i64)
    ;; Uses the results after the call, with its own values below them.
    (i64.sub
      (local.get 2)
      (i64.add (i64.const 1000)
        (call $same (local.get 0) (local.get 1) (local.get 2))
        (i64.mul) (i64.mul)))))
"#;

fn i64s(values: &[i64]) -> Vec<Val> {
    values.iter().map(|&v| Val::I64(v)).collect()
}

#[test]
fn locals_returned_in_place_or_copied_are_the_values_wasm_returns() {
    let wasm = wat::parse_str(MODULE).expect("wat");
    let (a, b, c) = (3, -7, 1 << 40);
    let cases: [(&str, &[i64]); 8] = [
        ("same", &[a, b, c]),
        ("tail_two", &[b, c]),
        ("reversed", &[c, b, a]),
        ("twice", &[a, a]),
        ("declared", &[a + b, b * c]),
        ("written_before", &[9, b, c]),
        ("written_after", &[a, b, c]),
        ("early", &[c, b, a]),
    ];
    each_mode(&wasm, |store, instance, mode| {
        for (name, want) in cases {
            let got = call(store, instance, name, &i64s(&[a, b, c]));
            assert_eq!(got, i64s(want), "{name} {mode:?}");
        }
        let got = call(store, instance, "early", &i64s(&[0, b, c]));
        assert_eq!(got, i64s(&[0, b, c]), "early, left early {mode:?}");
        let got = call(store, instance, "sum_pairs", &i64s(&[1000, 1, 2]));
        assert_eq!(got, i64s(&[0, 1001, 2002]), "sum_pairs {mode:?}");
        let got = call(store, instance, "caller", &i64s(&[a, b, c]));
        assert_eq!(got, i64s(&[c - (a * (b * c) + 1000)]), "caller {mode:?}");
    });
}
