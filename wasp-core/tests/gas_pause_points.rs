//! A short program paused at every point where it can pause, with every amount of gas left
//! over: each pause is where the price list says it must be, needs what it says, and the call
//! resumed from there ends with the known result, memory and total gas, having run every host
//! call exactly once.

mod common;

use wasp_core::{CallOutcome, Caller, Config, Engine, Func, Linker, Memory, Module, Store, Val};

/// `run 2`: grows memory by a page, then twice asks the host to increment a counter, storing
/// it; returns the counter plus the memory size in pages: 2 + 2 = 4.
const PROGRAM: &str = r#"(module
  (import "env" "inc" (func $inc (param i32) (result i32)))
  (memory (export "mem") 1 2)
  (func (export "run") (param $n i32) (result i32) (local $i i32)
    (drop (memory.grow (i32.const 1)))
    (loop $l
      (local.set $i (call $inc (local.get $i)))
      (i32.store (i32.const 0) (local.get $i))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (i32.add (local.get $i) (memory.size))))"#;

/// Every charge `run 2` pays, in order (default prices):
/// - the entry block: i32.const 1 + memory.grow 1 + drop 0 + loop 0 = 2;
/// - the page granted: 1000;
/// - the loop block: local.get 1 + call 5 + local.set 1 + i32.const 1 + local.get 1 +
///   i32.store 2 + local.get 1 + local.get 1 + i32.lt_u 1 + br_if 1 = 15;
/// - the host call: 20;
/// - the loop block and the host call again (the counter reaches 2);
/// - after the loop: local.get 1 + memory.size 1 + i32.add 1 = 3.
const CHARGES: [u64; 7] = [2, 1000, 15, 20, 15, 20, 3];

/// The total: 1075.
const TOTAL: u64 = 1075;

/// Where a call paused: gas used so far, gas the next step needs beyond what was left.
type Pause = (u64, u64);

/// The pauses a call started with `budget` gas must make (`common::expected_pauses`).
fn expected_pauses(budget: u64) -> Vec<Pause> {
    common::expected_pauses(&CHARGES, budget)
}

fn setup(engine: &Engine) -> (Store<u32>, Func, Memory) {
    let mut linker = Linker::<u32>::new(engine);
    linker
        .func_wrap("env", "inc", |mut caller: Caller<'_, u32>, x: i32| {
            *caller.data_mut() += 1;
            x + 1
        })
        .unwrap();
    let module = Module::new(engine, PROGRAM).unwrap();
    let mut store = Store::new(engine, 0);
    let instance = linker.instantiate(&mut store, &module).unwrap();
    let run = instance.get_func(&store, "run").unwrap();
    let mem = instance.get_memory(&store, "mem").unwrap();
    (store, run, mem)
}

/// Runs `run 2` from `budget` gas, topping up exactly what each pause needs; returns the
/// pauses, the results and the total gas used.
fn run_with_budget(
    engine: &Engine,
    budget: u64,
) -> (Vec<Pause>, Vec<Val>, u64, Store<u32>, Memory) {
    let (mut store, run, mem) = setup(engine);
    store.set_gas(budget).unwrap();
    let mut outcome = run.call_resumable(&mut store, &[Val::I32(2)]).unwrap();
    let mut pauses = Vec::new();
    loop {
        match outcome {
            CallOutcome::OutOfGas(paused) => {
                let needed = paused.gas_needed().unwrap();
                pauses.push((paused.gas_used(), needed));
                assert!(pauses.len() <= CHARGES.len(), "budget {budget}: {pauses:?}");
                let left = store.gas_left().unwrap();
                store.set_gas(left + needed).unwrap();
                outcome = paused.resume(&mut store, &[]).unwrap();
            }
            CallOutcome::Finished { results, gas_used } => {
                return (pauses, results, gas_used, store, mem)
            }
            CallOutcome::Yielded(_) | CallOutcome::Interrupted(_) => panic!("only gas pauses here"),
        }
    }
}

#[test]
fn the_charges_add_up_to_the_total() {
    assert_eq!(CHARGES.iter().sum::<u64>(), TOTAL);
    let mut config = Config::default();
    config.gas_metering(true);
    let (pauses, results, gas, store, mem) = run_with_budget(&Engine::new(&config), TOTAL);
    assert_eq!(pauses, []);
    assert_eq!((results, gas), (vec![Val::I32(4)], TOTAL));
    assert_eq!(store.gas_left().unwrap(), 0);
    assert_eq!(mem.size(&store), 2);
}

#[test]
fn every_budget_pauses_where_the_price_list_says() {
    let mut config = Config::default();
    config.gas_metering(true);
    let engine = Engine::new(&config);
    for budget in 0..=TOTAL {
        let (pauses, results, gas, store, mem) = run_with_budget(&engine, budget);
        assert_eq!(pauses, expected_pauses(budget), "budget {budget}");
        assert_eq!(results, vec![Val::I32(4)], "budget {budget}");
        assert_eq!(gas, TOTAL, "budget {budget}");
        assert_eq!(*store.data(), 2, "budget {budget}: each host call ran once");
        assert_eq!(mem.size(&store), 2, "budget {budget}");
        assert_eq!(
            &mem.data(&store)[..4],
            &2_i32.to_le_bytes(),
            "budget {budget}"
        );
    }
}

#[test]
fn the_expected_pauses_are_the_ones_worked_out_by_hand() {
    // Spot checks of the rule above, so that it is not only checked against itself.
    assert_eq!(
        expected_pauses(0),
        [
            (0, 2),
            (2, 1000),
            (1002, 15),
            (1017, 20),
            (1037, 15),
            (1052, 20),
            (1072, 3)
        ]
    );
    assert_eq!(
        expected_pauses(1),
        [
            (0, 1),
            (2, 1000),
            (1002, 15),
            (1017, 20),
            (1037, 15),
            (1052, 20),
            (1072, 3)
        ]
    );
    // 2 paid, 500 of the page's 1000 there.
    assert_eq!(
        expected_pauses(502),
        [
            (2, 500),
            (1002, 15),
            (1017, 20),
            (1037, 15),
            (1052, 20),
            (1072, 3)
        ]
    );
    // Everything but the last block: 3 needed at 1072.
    assert_eq!(expected_pauses(1072), [(1072, 3)]);
    assert_eq!(expected_pauses(1074), [(1072, 1)]);
    assert_eq!(expected_pauses(TOTAL), []);
}
