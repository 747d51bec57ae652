//! Arbitrary and mutated snapshot bytes into `Store::restore`: never a panic, and a
//! snapshot that is accepted resumes safely, bounded by gas.
//!
//! A store is built from a fixed module (memory, a table, globals, recursion, an indirect
//! call and a host function that sometimes yields), a call is paused after an amount of
//! gas chosen by the input, and the store is snapshotted. The rest of the input is either
//! the snapshot itself (raw, or behind a valid header) or a list of edits applied to the
//! good snapshot. The bytes are restored into a store built the same way; if accepted, the
//! paused call is resumed (or a fresh call made) with little gas, through yields.

#![no_main]

use libfuzzer_sys::fuzz_target;
use wasp_core::{
    CallOutcome, Caller, Config, Continuation, Engine, Func, Linker, Module, Store, Val, ValType,
};

/// Recursion, memory traffic, an indirect call and host calls that may yield.
const GUEST: &str = r#"(module
  (import "env" "tick" (func $tick (param i32) (result i32)))
  (memory (export "mem") 1 2)
  (table 2 funcref)
  (elem (i32.const 0) $mix $tick)
  (type $unary (func (param i32) (result i32)))
  (global $calls (export "calls") (mut i32) (i32.const 0))
  (global $acc (mut i64) (i64.const 7))
  (func $mix (param i32) (result i32)
    (i32.xor (i32.mul (local.get 0) (i32.const 0x9e3779b1)) (i32.const 0x5bd1e995)))
  (func $walk (param $n i32) (param $h i32) (result i32)
    (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
    (i32.store (i32.and (i32.shl (local.get $n) (i32.const 2)) (i32.const 0xfffc)) (local.get $h))
    (global.set $acc (i64.add (global.get $acc) (i64.extend_i32_u (local.get $h))))
    (if (result i32) (i32.eqz (local.get $n))
      (then (local.get $h))
      (else
        (call $walk
          (i32.sub (local.get $n) (i32.const 1))
          (call_indirect (type $unary)
            (i32.add (local.get $h) (call $tick (local.get $n)))
            (i32.and (local.get $n) (i32.const 1)))))))
  (func (export "run") (param $rounds i32) (result i32)
    (local $i i32) (local $h i32)
    (loop $l
      (local.set $h (i32.add (local.get $h) (call $walk (i32.const 40) (local.get $i))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $rounds))))
    (local.get $h)))"#;

/// Gas a resumed call may use in all: any accepted snapshot finishes or pauses within it.
const RESUME_GAS: u64 = 200_000;

/// Steps (resumptions after yields) a resumed call may take.
const MAX_STEPS: usize = 32;

fn engine() -> Engine {
    let mut config = Config::default();
    config.gas_metering(true).max_call_depth(1_000);
    Engine::new(&config)
}

/// Builds the store the same way each time, as a new process would.
fn build(engine: &Engine, module: &Module) -> (Store<u32>, Func) {
    let mut linker = Linker::<u32>::new(engine);
    linker
        .func_wrap(
            "env",
            "tick",
            |mut caller: Caller<'_, u32>, n: i32| -> i32 {
                *caller.data_mut() += 1;
                if caller.data().is_multiple_of(17) {
                    caller.yield_with(Val::I32(n));
                }
                n.wrapping_mul(3)
            },
        )
        .expect("one definition");
    let mut store = Store::new(engine, 0);
    let instance = linker
        .instantiate(&mut store, module)
        .expect("the guest instantiates");
    let run = instance.get_func(&store, "run").expect("run is exported");
    (store, run)
}

/// A snapshot of a store whose call to `run` paused after `gas` (or finished).
fn good_snapshot(engine: &Engine, module: &Module, gas: u64) -> Vec<u8> {
    let (mut store, run) = build(engine, module);
    store.set_gas(gas).expect("metered");
    match run.call_resumable(&mut store, &[Val::I32(3)]) {
        Ok(CallOutcome::OutOfGas(c) | CallOutcome::Yielded(c)) => store.snapshot(Some(&c)),
        _ => store.snapshot(None),
    }
}

/// The bytes to restore: the input raw, behind a valid header, or as edits of `good`.
fn candidate(good: &[u8], mode: u8, rest: &[u8]) -> Vec<u8> {
    match mode % 4 {
        0 => rest.to_vec(),
        1 => {
            let mut bytes = good[..12.min(good.len())].to_vec();
            bytes.extend_from_slice(rest);
            bytes
        }
        _ => edited(good, rest),
    }
}

/// `good` with the edits of `rest` applied, four bytes each: what, where (two bytes,
/// counted from the end half the time: the paused call sits after the memory), and a value.
fn edited(good: &[u8], rest: &[u8]) -> Vec<u8> {
    let mut bytes = good.to_vec();
    for edit in rest.chunks_exact(4) {
        if bytes.is_empty() {
            break;
        }
        let distance = usize::from(u16::from_le_bytes([edit[1], edit[2]])) % bytes.len();
        let at = if edit[0] & 0x80 == 0 {
            bytes.len() - 1 - distance
        } else {
            distance
        };
        match edit[0] % 4 {
            0 => bytes[at] = edit[3],
            1 => bytes[at] ^= 1 << (edit[3] % 8),
            2 => bytes.insert(at, edit[3]),
            _ => {
                bytes.remove(at);
            }
        }
    }
    bytes
}

/// Resumes an accepted paused call with little gas, through yields, up to a few steps.
fn resume(store: &mut Store<u32>, mut paused: Continuation) {
    for _ in 0..MAX_STEPS {
        let inputs: Vec<Val> = paused
            .expected_inputs(store)
            .into_iter()
            .map(default_val)
            .collect();
        match paused.resume(&mut *store, &inputs) {
            Ok(CallOutcome::Yielded(next)) => paused = next,
            _ => return,
        }
    }
}

fn default_val(ty: ValType) -> Val {
    match ty {
        ValType::I64 => Val::I64(0),
        ValType::F32 => Val::F32(0),
        ValType::F64 => Val::F64(0),
        ValType::FuncRef => Val::FuncRef(None),
        ValType::ExternRef => Val::ExternRef(None),
        _ => Val::I32(0),
    }
}

fuzz_target!(|data: &[u8]| {
    let [mode, gas_hi, gas_lo, rest @ ..] = data else {
        return;
    };
    let engine = engine();
    let module = Module::new(&engine, GUEST).expect("the guest is valid");
    let gas = 1 + u64::from(u16::from_le_bytes([*gas_lo, *gas_hi]));
    let good = good_snapshot(&engine, &module, gas);
    let bytes = candidate(&good, *mode, rest);
    let (mut store, run) = build(&engine, &module);
    let Ok(paused) = store.restore(&bytes) else {
        return;
    };
    let left = store.gas_left().expect("metered");
    store.set_gas(left.min(RESUME_GAS)).expect("metered");
    match paused {
        Some(paused) => resume(&mut store, paused),
        None => {
            let _ = run.call_resumable(&mut store, &[Val::I32(2)]);
        }
    }
});
