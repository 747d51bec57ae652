//! The instruction trace: each executed Wasm operator with its function and offset; the
//! same gas, pauses and results as an untraced call.

use std::sync::{Arc, Mutex};

use wasp_core::{CallOutcome, Config, Engine, Linker, Module, Store, Tracer, Val};

const GUEST: &str = r#"
(module
  (func $double (param $x i32) (result i32)
    (i32.mul (local.get $x) (i32.const 2)))
  (func $sum (export "sum") (param $n i32) (result i32) (local $acc i32)
    (block $done
      (loop $l
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $acc (i32.add (local.get $acc) (call $double (local.get $n))))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $l)))
    (local.get $acc)))
"#;

/// A store of `GUEST`, metered when `gas` is given, and its `sum`.
fn setup(gas: Option<u64>) -> (Store<()>, wasp_core::Func) {
    let mut config = Config::default();
    config.gas_metering(gas.is_some());
    let engine = Engine::new(&config);
    let module = Module::new(&engine, GUEST).expect("module");
    let mut store = Store::new(&engine, ());
    if let Some(gas) = gas {
        store.set_gas(gas).expect("gas");
    }
    let instance = Linker::new(&engine)
        .instantiate(&mut store, &module)
        .expect("instance");
    let sum = instance.get_func(&store, "sum").expect("sum");
    (store, sum)
}

/// A tracer that collects its steps as lines.
fn collector() -> (Tracer, Arc<Mutex<Vec<String>>>) {
    let lines = Arc::new(Mutex::new(Vec::new()));
    let sink = lines.clone();
    let tracer = Tracer::new(move |step| sink.lock().expect("lock").push(step.to_string()));
    (tracer, lines)
}

fn call(store: &mut Store<()>, sum: &wasp_core::Func, n: i32) -> i32 {
    let mut out = [Val::I32(0)];
    sum.call(store, &[Val::I32(n)], &mut out).expect("call");
    let Val::I32(v) = out[0] else {
        panic!("an i32")
    };
    v
}

#[test]
fn the_trace_of_a_small_call_is_exact() {
    let (mut store, sum) = setup(None);
    let (tracer, lines) = collector();
    store.set_tracer(Some(tracer));
    assert_eq!(call(&mut store, &sum, 1), 2);
    // `br_if $done (i32.eqz ...)` runs as one instruction, at `i32.eqz`; the `br $l` back
    // to the loop carries the loop's test (the translator turns it into a conditional
    // branch back), so the second test shows no line of its own; when it fails, the branch
    // out of the loop lands on the function's `end` and returns itself
    // (`translator/return_branch.rs`): no line for the `end` either.
    let lines = lines.lock().expect("lock").join("\n");
    assert_eq!(
        lines,
        "\
0x33 sum: i32.eqz
0x3a sum: call 0
  0x27 double: i32.mul
  0x28 double: end
0x3c sum: i32.add
0x43 sum: i32.sub
0x46 sum: br 0"
    );
}

#[test]
fn steps_report_function_offset_and_operator() {
    let (mut store, sum) = setup(None);
    let steps = Arc::new(Mutex::new(Vec::new()));
    let sink = steps.clone();
    store.set_tracer(Some(Tracer::new(move |step| {
        sink.lock().expect("lock").push((
            step.func_index(),
            step.func_name().map(str::to_owned),
            step.offset(),
            step.operator().to_owned(),
            step.depth(),
        ))
    })));
    call(&mut store, &sum, 1);
    let steps = steps.lock().expect("lock");
    assert_eq!(
        steps[2],
        (
            0,
            Some("double".to_owned()),
            Some(0x27),
            "i32.mul".to_owned(),
            2
        )
    );
}

#[test]
fn a_function_filter_and_a_limit_narrow_the_trace() {
    let (mut store, sum) = setup(None);
    let (tracer, lines) = collector();
    store.set_tracer(Some(tracer.only_function("double")));
    assert_eq!(call(&mut store, &sum, 3), 12);
    let only = lines.lock().expect("lock").clone();
    assert_eq!(only.len(), 6, "{only:?}");
    assert!(only.iter().all(|l| l.contains("double: ")), "{only:?}");

    let (mut store, sum) = setup(None);
    let (tracer, lines) = collector();
    let tracer = tracer.only_function("1").limit(4);
    store.set_tracer(Some(tracer.clone()));
    assert_eq!(call(&mut store, &sum, 50), 2550);
    let limited = lines.lock().expect("lock").clone();
    assert_eq!(limited.len(), 4);
    assert!(limited.iter().all(|l| l.contains("sum: ")), "{limited:?}");
    assert_eq!(tracer.steps_left(), Some(0));
}

/// Paused for gas again and again, a traced call uses the same gas at every pause, stops
/// at the same frames and returns the same results as an untraced one.
#[test]
fn gas_pauses_and_results_are_those_of_an_untraced_call() {
    let run = |traced: bool| {
        let (mut store, sum) = setup(Some(37));
        let (tracer, lines) = collector();
        if traced {
            store.set_tracer(Some(tracer));
        }
        let mut pauses = Vec::new();
        let mut outcome = sum
            .call_resumable(&mut store, &[Val::I32(20)])
            .expect("call");
        loop {
            match outcome {
                CallOutcome::OutOfGas(paused) => {
                    let frames: Vec<_> = paused
                        .frames(&store)
                        .iter()
                        .map(|f| (f.info().clone(), f.locals().to_vec()))
                        .collect();
                    pauses.push((paused.gas_used(), store.gas_left().expect("gas"), frames));
                    store.set_gas(37).expect("gas");
                    outcome = paused.resume(&mut store, &[]).expect("resume");
                }
                CallOutcome::Finished { results, gas_used } => {
                    let steps = lines.lock().expect("lock").len();
                    return (pauses, results, gas_used, steps);
                }
                other => panic!("unexpected {other:?}"),
            }
        }
    };
    let (plain, traced) = (run(false), run(true));
    assert!(plain.0.len() > 5, "the call pauses several times");
    assert_eq!(plain.0, traced.0);
    assert_eq!(plain.1, traced.1);
    assert_eq!(plain.2, traced.2);
    assert_eq!(plain.3, 0);
    assert!(traced.3 > 100, "{} steps", traced.3);
}
