//! `wasp run --trace`: every executed Wasm operator on stderr, exactly; `--trace-func` and
//! `--trace-limit` narrow it; results and gas are those of an untraced run.

mod common;

use common::{fixture, wasp_in};

use std::process::Output;

fn wasp(args: &[&str]) -> Output {
    wasp_in(&fixture(""), args)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

#[test]
fn the_trace_of_a_small_program_is_exact() {
    let out = wasp(&["run", "--trace", "--invoke", "run", "spin.wat", "2"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "2\n");
    // `f32.const` and the `local.get`s feed the instructions that use them; the counter's
    // `i32.add` runs fused with the comparison and the `br_if` that test it (`i32.lt_u`
    // and `br_if` have no line of their own); the global's step, `global.set` of
    // `global.get` plus a constant, runs as one instruction, shown as its `global.get`.
    assert_eq!(
        text(&out.stderr),
        "\
0x57 run: local.set 1
0x5b run: call 0
  0x35 spin: global.get 0
  0x40 spin: i32.add
  0x35 spin: global.get 0
  0x40 spin: i32.add
  0x4d spin: end
0x5d run: end
"
    );
}

#[test]
fn a_function_and_a_limit_narrow_the_trace() {
    let out = wasp(&[
        "run",
        "--trace-func",
        "spin",
        "--trace-limit",
        "3",
        "--invoke",
        "run",
        "spin.wat",
        "5",
    ]);
    assert_eq!(text(&out.stdout), "5\n");
    assert_eq!(
        text(&out.stderr),
        "  0x35 spin: global.get 0\n  0x40 spin: i32.add\n  0x35 spin: global.get 0\n"
    );
}

/// The last line of stderr: the gas report.
fn gas_line(out: &Output) -> String {
    text(&out.stderr)
        .lines()
        .last()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn gas_and_pauses_are_those_of_an_untraced_run() {
    for gas in ["30", "100000"] {
        let plain = wasp(&["run", "--gas", gas, "--invoke", "run", "spin.wat", "50"]);
        let traced = wasp(&[
            "run", "--trace", "--gas", gas, "--invoke", "run", "spin.wat", "50",
        ]);
        assert_eq!(plain.status.code(), traced.status.code(), "gas {gas}");
        assert_eq!(plain.stdout, traced.stdout, "gas {gas}");
        assert_eq!(gas_line(&plain), gas_line(&traced), "gas {gas}");
        assert!(text(&traced.stderr).lines().count() > 5, "gas {gas}");
    }
}
