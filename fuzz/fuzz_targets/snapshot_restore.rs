//! Arbitrary and mutated snapshot bytes into `Store::restore`: never a panic, a snapshot
//! that is accepted resumes safely, bounded by gas, and never into a function outside the
//! instance's reach.
//!
//! A store is built from a fixed module (memory, a table, globals, recursion, an indirect
//! call, a funcref local and global put back into the table, a `v128` local and global live
//! across every pause, and a host function that sometimes yields) and a second, unlinked instance whose private function raises an alarm
//! (a panic) when it runs. A call is paused after an amount of gas chosen by the input, and
//! the store is snapshotted. The rest of the input is either the snapshot itself (raw, or
//! behind a valid header), a list of byte edits applied to the good snapshot, or a list of
//! reference forgeries: the snapshot is decoded, and places that may hold references
//! (table elements, globals, the yielded value, value slots) get another store function
//! (often the private one) or null. The bytes are restored into a store built the same way;
//! if accepted, the paused call is resumed (or a fresh call made) with little gas, through
//! yields.

#![no_main]

#[path = "../../wasp-core/tests/snapshot_confinement/places.rs"]
#[allow(dead_code)]
mod places;

use std::cell::RefCell;
use std::collections::HashMap;

use libfuzzer_sys::fuzz_target;
use wasp_core::{
    CallOutcome, Caller, Config, Continuation, Engine, Func, Linker, Module, Store, Val, ValType,
};

/// Recursion, memory traffic, an indirect call, `v128` values and host calls that may yield.
const GUEST: &str = r#"(module
  (import "env" "tick" (func $tick (param i32) (result i32)))
  (memory (export "mem") 1 2)
  (table 3 funcref)
  (elem (i32.const 0) $mix $tick $mix)
  (type $unary (func (param i32) (result i32)))
  (global $calls (export "calls") (mut i32) (i32.const 0))
  (global $acc (mut i64) (i64.const 7))
  (global $fg (mut funcref) (ref.null func))
  (global $vec (export "vec") (mut v128) (v128.const i64x2 1 2))
  (func $mix (param i32) (result i32)
    (i32.xor (i32.mul (local.get 0) (i32.const 0x9e3779b1)) (i32.const 0x5bd1e995)))
  (func $walk (param $n i32) (param $h i32) (result i32)
    (local $f funcref) (local $v v128)
    (local.set $f (table.get 0 (i32.and (local.get $n) (i32.const 1))))
    (local.set $v (i32x4.add (global.get $vec) (i32x4.splat (local.get $h))))
    (global.set $fg (table.get 0 (i32.const 2)))
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
            (i32.and (local.get $n) (i32.const 1))))))
    (table.set 0 (i32.and (local.get $n) (i32.const 1)) (local.get $f))
    (table.set 0 (i32.const 2) (global.get $fg))
    (global.set $vec (i8x16.shuffle 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 0 (local.get $v) (local.get $v))))
  (func (export "run") (param $rounds i32) (result i32)
    (local $i i32) (local $h i32)
    (loop $l
      (local.set $h (i32.add (local.get $h) (call $walk (i32.const 40) (local.get $i))))
      (local.set $h (call_indirect (type $unary) (local.get $h) (i32.const 2)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $rounds))))
    (local.get $h)))"#;

/// Another tenant of the store, not linked to the guest: its private function has the
/// guest's `$unary` type, so a forged reference to it would pass `call_indirect`'s check.
const SECRET: &str = r#"(module
  (import "env" "alarm" (func $alarm))
  (func $secret (param i32) (result i32) (call $alarm) (local.get 0)))"#;

/// Gas a resumed call may use in all: any accepted snapshot finishes or pauses within it
/// (enough for a few rounds of `walk`, each of which puts the references back and calls
/// through them).
const RESUME_GAS: u64 = 50_000;

/// Good snapshots kept, by the gas they were paused at (each holds a 64 KiB memory).
const CACHED_SNAPSHOTS: usize = 1024;

/// The engine and modules, built once: translation is deterministic.
struct Fixture {
    engine: Engine,
    module: Module,
    secret: Module,
    /// Good snapshots by the gas they were taken at: a pure function of it.
    good: RefCell<HashMap<u64, Vec<u8>>>,
}

thread_local! {
    static FIXTURE: Fixture = {
        let engine = engine();
        let module = Module::new(&engine, GUEST).expect("the guest is valid");
        let secret = Module::new(&engine, SECRET).expect("the other tenant is valid");
        Fixture { engine, module, secret, good: RefCell::new(HashMap::new()) }
    };
}

impl Fixture {
    fn good_snapshot(&self, gas: u64) -> Vec<u8> {
        if let Some(bytes) = self.good.borrow().get(&gas) {
            return bytes.clone();
        }
        let bytes = good_snapshot(&self.engine, &self.module, &self.secret, gas);
        let mut cache = self.good.borrow_mut();
        if cache.len() >= CACHED_SNAPSHOTS {
            cache.clear();
        }
        cache.insert(gas, bytes.clone());
        bytes
    }
}

/// Steps (resumptions after yields) a resumed call may take.
const MAX_STEPS: usize = 32;

fn engine() -> Engine {
    let mut config = Config::default();
    config.gas_metering(true).max_call_depth(1_000);
    Engine::new(&config)
}

/// Builds the store the same way each time, as a new process would.
fn build(engine: &Engine, module: &Module, secret: &Module) -> (Store<u32>, Func) {
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
    linker
        .func_wrap("env", "alarm", || -> () {
            panic!("an accepted snapshot ran a function outside the instance's reach")
        })
        .expect("one definition");
    let mut store = Store::new(engine, 0);
    let instance = linker
        .instantiate(&mut store, module)
        .expect("the guest instantiates");
    linker
        .instantiate(&mut store, secret)
        .expect("the other tenant instantiates");
    let run = instance.get_func(&store, "run").expect("run is exported");
    (store, run)
}

/// A snapshot of a store whose call to `run` paused after `gas` (or finished).
fn good_snapshot(engine: &Engine, module: &Module, secret: &Module, gas: u64) -> Vec<u8> {
    let (mut store, run) = build(engine, module, secret);
    store.set_gas(gas).expect("metered");
    match run.call_resumable(&mut store, &[Val::I32(3)]) {
        Ok(CallOutcome::OutOfGas(c) | CallOutcome::Yielded(c)) => store.snapshot(Some(&c)),
        _ => store.snapshot(None),
    }
}

/// The bytes to restore: the input raw, behind a valid header, as edits of `good`, or as
/// reference forgeries in `good` (half the time).
fn candidate(good: &[u8], mode: u8, rest: &[u8]) -> Vec<u8> {
    match mode % 8 {
        0 => rest.to_vec(),
        1 => {
            let mut bytes = good[..12.min(good.len())].to_vec();
            bytes.extend_from_slice(rest);
            bytes
        }
        2 | 3 => edited(good, rest),
        _ => forged(good, rest),
    }
}

/// `good` with references forged as `rest` says, three bytes each: which place (two bytes)
/// and which value: null, the other tenant's private function, or any store function.
fn forged(good: &[u8], rest: &[u8]) -> Vec<u8> {
    let mut bytes = good.to_vec();
    let Some(p) = places::places(good) else {
        return bytes;
    };
    let targets = p.all();
    let funcs = p.instance_funcs.iter().flatten().max().map_or(0, |&m| m + 1);
    let secret = p.instance_funcs.get(1).and_then(|f| f.get(1)).copied();
    if targets.is_empty() {
        return bytes;
    }
    for edit in rest.chunks_exact(3) {
        let (_, at) = targets[usize::from(u16::from_le_bytes([edit[0], edit[1]])) % targets.len()];
        let value = match (edit[2] % 4, secret) {
            (0, _) => 0,
            (1 | 2, Some(secret)) => secret + 1,
            _ => u64::from(edit[2]) % (funcs + 1),
        };
        places::poke(&mut bytes, at, value);
    }
    bytes
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
        ValType::V128 => Val::V128(0.into()),
        ValType::FuncRef => Val::FuncRef(None),
        ValType::ExternRef => Val::ExternRef(None),
        _ => Val::I32(0),
    }
}

fuzz_target!(|data: &[u8]| {
    let [mode, gas_hi, gas_lo, rest @ ..] = data else {
        return;
    };
    FIXTURE.with(|f| run_one(f, *mode, *gas_hi, *gas_lo, rest));
});

fn run_one(f: &Fixture, mode: u8, gas_hi: u8, gas_lo: u8, rest: &[u8]) {
    let gas = 1 + u64::from(u16::from_le_bytes([gas_lo, gas_hi]));
    let good = f.good_snapshot(gas);
    let bytes = candidate(&good, mode, rest);
    let (mut store, run) = build(&f.engine, &f.module, &f.secret);
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
}
