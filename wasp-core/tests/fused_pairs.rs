//! Dependent arithmetic pairs fused into one instruction (`translator/pair.rs`) inside a
//! loop: the results are those of the Wasm semantics, metered or not; the gas is the price
//! list's, per operator; a call pauses where a block cannot be paid for at every budget, and
//! snapshots taken there restore and go on. (Every pair against its unfused form, and where
//! pairs fuse, is tested next to the fusion.)

mod common;

use common::{as_i64 as result, engine, expected_pauses, run_topped_up};

use wasp_core::{Engine, Func, Linker, Module, Store, Val};

/// Before the loop: one operator per line.
const ENTRY: &[&str] = &[
    "local.get $x",
    "local.set $h",
    "local.get $x",
    "i64.extend_i32_u",
    "local.set $w",
    "f64.const 0.5",
    "local.set $f",
];

/// One round of the loop, with the pairs it fuses.
const ROUND: &[&str] = &[
    // h = (h >> 3) ^ h: I32ShrUImmXor
    "local.get $h",
    "i32.const 3",
    "i32.shr_u",
    "local.get $h",
    "i32.xor",
    "local.set $h",
    // h = h * i + 7: I32MulAddImm
    "local.get $h",
    "local.get $i",
    "i32.mul",
    "i32.const 7",
    "i32.add",
    "local.set $h",
    // h = h + i + x: I32AddAdd
    "local.get $h",
    "local.get $i",
    "i32.add",
    "local.get $x",
    "i32.add",
    "local.set $h",
    // h = ((h >> 5) & 1023) ^ h: I32ShrUImmAndImm
    "local.get $h",
    "i32.const 5",
    "i32.shr_u",
    "i32.const 1023",
    "i32.and",
    "local.get $h",
    "i32.xor",
    "local.set $h",
    // w = w * w + w: I64MulAdd
    "local.get $w",
    "local.get $w",
    "i64.mul",
    "local.get $w",
    "i64.add",
    "local.set $w",
    // w = (w << 13) + w: I64ShlImmAdd
    "local.get $w",
    "i64.const 13",
    "i64.shl",
    "local.get $w",
    "i64.add",
    "local.set $w",
    // f = f * 0.75 + 0.125: F64MulAdd (the constants are hoisted into slots)
    "local.get $f",
    "f64.const 0.75",
    "f64.mul",
    "f64.const 0.125",
    "f64.add",
    "local.set $f",
    // f = 1 - f * 0.5: F64MulSubRev
    "f64.const 1",
    "local.get $f",
    "f64.const 0.5",
    "f64.mul",
    "f64.sub",
    "local.set $f",
    // i += 1, go on while i < n
    "local.get $i",
    "i32.const 1",
    "i32.add",
    "local.tee $i",
    "local.get $n",
    "i32.lt_u",
    "br_if $l",
];

/// After the loop.
const EXIT: &[&str] = &[
    "local.get $w",
    "local.get $h",
    "i64.extend_i32_u",
    "i64.xor",
    "local.get $f",
    "f64.const 1000",
    "f64.mul",
    "i64.trunc_sat_f64_s",
    "i64.add",
];

fn wat() -> String {
    format!(
        r#"(module (func (export "run") (param $n i32) (param $x i32) (result i64)
          (local $h i32) (local $w i64) (local $f f64) (local $i i32)
          {}
          loop $l
          {}
          end
          {}))"#,
        ENTRY.join("\n"),
        ROUND.join("\n"),
        EXIT.join("\n")
    )
}

/// Every operator listed costs the base price, 1.
fn gas(ops: &[&str]) -> u64 {
    ops.len() as u64
}

fn reference(n: u32, x: u32) -> i64 {
    let (mut h, mut w, mut f) = (x, u64::from(x), 0.5f64);
    let mut i = 0u32;
    loop {
        h ^= h >> 3;
        h = h.wrapping_mul(i).wrapping_add(7);
        h = h.wrapping_add(i).wrapping_add(x);
        h ^= (h >> 5) & 1023;
        w = w.wrapping_mul(w).wrapping_add(w);
        w = (w << 13).wrapping_add(w);
        f = f * 0.75 + 0.125;
        f = 1.0 - f * 0.5;
        i += 1;
        if i >= n {
            break;
        }
    }
    ((w ^ u64::from(h)) as i64).wrapping_add((f * 1000.0) as i64)
}

fn instantiate(engine: &Engine) -> (Store<()>, Func) {
    let module = Module::new(engine, wat()).unwrap();
    let mut store = Store::new(engine, ());
    let instance = Linker::new(engine)
        .instantiate(&mut store, &module)
        .unwrap();
    let run = instance.get_func(&store, "run").unwrap();
    (store, run)
}

/// Runs `run(n, x)` from `budget`, topping up what each pause needs; when `snapshot`, each
/// pause is saved and restored into a fresh store first. Returns the pauses, the result and
/// the total gas.
fn run_paused(n: u32, x: u32, budget: u64, snapshot: bool) -> (Vec<(u64, u64)>, i64, u64) {
    let args = [Val::I32(n as i32), Val::I32(x as i32)];
    let run = run_topped_up(&wat(), &args, Some(budget), snapshot);
    (run.pauses, result(&run.results[0]), run.gas_used)
}

fn charges(rounds: u32) -> Vec<u64> {
    let mut charges = vec![gas(ENTRY)];
    charges.extend(std::iter::repeat_n(gas(ROUND), rounds as usize));
    charges.push(gas(EXIT));
    charges
}

#[test]
fn results_and_gas_are_those_of_the_wasm_semantics_and_the_price_list() {
    let (mut plain, run) = instantiate(&engine(false));
    for n in [1, 2, 3, 10, 100] {
        for x in [0, 1, 0x8000_0000, u32::MAX, 0x1234_5678] {
            let at = format!("n {n}, x {x:#x}");
            let mut out = [Val::I64(0)];
            run.call(
                &mut plain,
                &[Val::I32(n as i32), Val::I32(x as i32)],
                &mut out,
            )
            .unwrap();
            assert_eq!(result(&out[0]), reference(n, x), "{at} unmetered");
            let (pauses, metered, used) = run_paused(n, x, u64::MAX / 2, false);
            assert_eq!((pauses, metered), (vec![], reference(n, x)), "{at}");
            assert_eq!(used, charges(n).iter().sum::<u64>(), "{at}");
        }
    }
}

#[test]
fn every_budget_pauses_where_a_block_is_not_covered_and_snapshots_resume() {
    let (n, x) = (3, 0x9e37_79b9);
    let charges = charges(n);
    let total: u64 = charges.iter().sum();
    for budget in 0..=total {
        let snapshot = budget % 2 == 0;
        let (pauses, r, used) = run_paused(n, x, budget, snapshot);
        let at = format!("budget {budget}, snapshot {snapshot}");
        assert_eq!(pauses, expected_pauses(&charges, budget), "{at}");
        assert_eq!((r, used), (reference(n, x), total), "{at}");
    }
}
