//! Moves joined in one instruction (`translator/copy_pair.rs`: `Copy2`, `Const32Copy`) and a
//! `select` written straight into the local a `local.tee` names, inside a loop carrying its
//! locals round as C compilers write them: the results are those of the Wasm semantics,
//! metered or not, and of the same program with every move apart; the gas is the price
//! list's, per operator; a call pauses where a block is not covered at every budget, and
//! snapshots taken there restore and go on; a trap right after a pair is reported as before.

mod common;

use common::{as_i64 as result, engine, expected_pauses, instantiate_run, run_topped_up, trap_of};

use wasp_core::{Engine, Func, Linker, Module, Store, TrapCode, Val};

/// Before the loop: one operator per line.
const ENTRY: &[&str] = &[
    "local.get $x",
    "local.set $a",
    "i32.const 1",
    "local.set $b",
    // Const32Copy: k = 7, c = x.
    "i32.const 7",
    "local.set $k",
    "local.get $x",
    "local.set $c",
];

/// One round of the loop.
const ROUND: &[&str] = &[
    // (a, b, c) = (b, c, a + b): the last two copies are a Copy2.
    "local.get $a",
    "local.get $b",
    "i32.add",
    "local.set $t",
    "local.get $b",
    "local.set $a",
    "local.get $c",
    "local.set $b",
    "local.get $t",
    "local.set $c",
    // A reader of the result register right after a copy.
    "local.get $c",
    "i32.const 3",
    "i32.rotl",
    "local.get $k",
    "i32.add",
    "local.set $c",
    // Const32Copy (k = 5, t = b), then a reader of the copy's value.
    "i32.const 5",
    "local.set $k",
    "local.get $b",
    "local.set $t",
    "local.get $t",
    "i32.const 1",
    "i32.xor",
    "local.set $b",
    // a = i & 1 ? b : a, written by the select itself; k += a.
    "local.get $b",
    "local.get $a",
    "local.get $i",
    "i32.const 1",
    "i32.and",
    "select",
    "local.tee $a",
    "local.get $k",
    "i32.add",
    "local.set $k",
    // Next round while i + 1 < n.
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
    "local.get $a",
    "i64.extend_i32_u",
    "i64.const 32",
    "i64.shl",
    "local.get $b",
    "local.get $c",
    "i32.xor",
    "local.get $k",
    "i32.add",
    "i64.extend_i32_u",
    "i64.or",
];

/// The program; `apart` puts every `local.set` in a `loop` of its own, where a label keeps
/// each move on its own and the price stays the same (`loop` and `end` are free).
fn wat(apart: bool) -> String {
    let lines = |ops: &[&str]| -> String {
        ops.iter()
            .map(|op| match (apart, op.starts_with("local.set")) {
                (true, true) => format!("loop (param i32) {op} end"),
                _ => op.to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    format!(
        r#"(module (func (export "run") (param $n i32) (param $x i32) (result i64)
          (local $a i32) (local $b i32) (local $c i32) (local $t i32) (local $k i32)
          (local $i i32)
          {}
          loop $l
          {}
          end
          {}))"#,
        lines(ENTRY),
        lines(ROUND),
        lines(EXIT)
    )
}

/// Every operator listed costs the base price, 1.
fn gas(ops: &[&str]) -> u64 {
    ops.len() as u64
}

fn reference(n: u32, x: u32) -> i64 {
    let (mut a, mut b, mut c, mut k) = (x, 1u32, x, 7u32);
    let mut i = 0u32;
    loop {
        let t = a.wrapping_add(b);
        (a, b, c) = (b, c, t);
        c = c.rotate_left(3).wrapping_add(k);
        k = 5;
        let t = b;
        b = t ^ 1;
        if i & 1 != 0 {
            a = b;
        }
        k = a.wrapping_add(k);
        i += 1;
        if i >= n {
            break;
        }
    }
    ((u64::from(a) << 32) | u64::from((b ^ c).wrapping_add(k))) as i64
}

fn instantiate(engine: &Engine) -> (Store<()>, Func) {
    let module = Module::new(engine, wat(false)).unwrap();
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
    let run = run_topped_up(&wat(false), &args, Some(budget), snapshot);
    (run.pauses, result(&run.results[0]), run.gas_used)
}

fn charges(rounds: u32) -> Vec<u64> {
    let mut charges = vec![gas(ENTRY)];
    charges.extend(std::iter::repeat_n(gas(ROUND), rounds as usize));
    charges.push(gas(EXIT));
    charges
}

fn call(store: &mut Store<()>, run: Func, n: u32, x: u32) -> i64 {
    let mut out = [Val::I64(0)];
    let args = [Val::I32(n as i32), Val::I32(x as i32)];
    run.call(store, &args, &mut out).unwrap();
    result(&out[0])
}

#[test]
fn results_and_gas_are_those_of_the_wasm_semantics_and_of_the_moves_apart() {
    let (mut joined, run) = instantiate(&engine(false));
    let (mut apart, run_apart) = instantiate_run(&engine(false), &wat(true));
    for n in [1, 2, 3, 10, 100] {
        for x in [0, 1, 0x8000_0000, u32::MAX, 0x1234_5678] {
            let at = format!("n {n}, x {x:#x}");
            let got = call(&mut joined, run, n, x);
            assert_eq!(got, reference(n, x), "{at} unmetered");
            assert_eq!(got, call(&mut apart, run_apart, n, x), "{at} apart");
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

#[test]
fn a_division_by_a_value_just_moved_in_a_pair_traps_there() {
    let wat = r#"(module (func (export "run") (param $n i32) (param $x i32) (result i64)
      (local $a i32) (local $b i32)
      (local.set $a (local.get $x))
      (local.set $b (local.get $n))
      (i64.extend_i32_u (i32.div_u (local.get $a) (local.get $b)))))"#;
    for gas in [false, true] {
        let (mut store, run) = instantiate_run(&engine(gas), wat);
        if gas {
            store.set_gas(1_000).unwrap();
        }
        let mut out = [Val::I64(0)];
        let ok = run.call(&mut store, &[Val::I32(4), Val::I32(9)], &mut out);
        assert!(ok.is_ok() && result(&out[0]) == 2, "gas {gas}: {out:?}");
        let err = run.call(&mut store, &[Val::I32(0), Val::I32(9)], &mut out);
        let trap = trap_of(err.map(|()| Vec::new()));
        assert_eq!(trap, Some(TrapCode::IntegerDivisionByZero), "gas {gas}");
    }
}
