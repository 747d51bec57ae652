//! Helpers the integration tests share: engines and instances (one with a yielding host
//! function), calls by export name, Wasm's integer comparisons at either width, a call
//! driven through every gas pause (and through a snapshot at each), the pauses the price
//! list predicts, finding operators and snapshot fields in bytes, and a thread that keeps
//! interrupting a store.
//!
//! Each test binary compiles this module and uses only some of it, hence the
//! `#[allow(dead_code)]` on every item.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use wasp_core::{
    CallOutcome, Caller, Config, Continuation, Engine, Error, Extern, Func, Instance,
    InterruptHandle, Linker, Module, Store, TrapCode, Val,
};

/// An engine with gas metering on or off.
#[allow(dead_code)]
pub fn engine(gas: bool) -> Engine {
    let mut config = Config::default();
    config.gas_metering(gas);
    Engine::new(&config)
}

/// A fresh store holding one instance of `wasm` (binary or text), with no imports.
#[allow(dead_code)]
pub fn instantiate(engine: &Engine, wasm: impl AsRef<[u8]>) -> (Store<()>, Instance) {
    let module = Module::new(engine, wasm).expect("valid module");
    let mut store = Store::new(engine, ());
    let instance = Linker::new(engine)
        .instantiate(&mut store, &module)
        .expect("instantiates");
    (store, instance)
}

/// As [`instantiate`], with plenty of gas in the store when the engine meters it.
#[allow(dead_code)]
pub fn instantiate_with_gas(engine: &Engine, wasm: impl AsRef<[u8]>) -> (Store<()>, Instance) {
    let (mut store, instance) = instantiate(engine, wasm);
    // An unmetered store refuses gas; it has no use for it either.
    store.set_gas(u64::MAX / 2).ok();
    (store, instance)
}

/// How [`each_mode`] runs a module: metered or not, traced or not.
#[allow(dead_code)]
#[derive(Debug, Clone, Copy)]
pub struct Mode {
    pub gas: bool,
    pub traced: bool,
}

/// Calls `f` with a fresh store and instance of `wasm` in every [`Mode`]: metered (with
/// plenty of gas) or not, and traced (every step a handler chain of its own) or not.
#[allow(dead_code)]
pub fn each_mode(wasm: impl AsRef<[u8]>, mut f: impl FnMut(&mut Store<()>, &Instance, Mode)) {
    for gas in [false, true] {
        for traced in [false, true] {
            let (mut store, instance) = instantiate_with_gas(&engine(gas), wasm.as_ref());
            if traced {
                store.set_tracer(Some(wasp_core::Tracer::new(|_| {})));
            }
            f(&mut store, &instance, Mode { gas, traced });
        }
    }
}

/// A fresh store holding `wat` and its export `run`.
#[allow(dead_code)]
pub fn instantiate_run(engine: &Engine, wat: &str) -> (Store<()>, Func) {
    let (store, instance) = instantiate(engine, wat);
    let run = instance.get_func(&store, "run").expect("an export `run`");
    (store, run)
}

/// `wat` on a metered engine, instantiated in a fresh store with its import `host.ask`, an
/// `(i32) -> i32` host function that yields its argument to whoever made the call (resuming
/// supplies its result). Returns the module too, for reading snapshots of the store.
#[allow(dead_code)]
pub fn instantiate_yielding(wat: &str) -> (Module, Store<()>, Instance) {
    instantiate_yielding_on(&engine(true), wat)
}

/// [`instantiate_yielding`] on `engine`, metered or not.
#[allow(dead_code)]
pub fn instantiate_yielding_on(engine: &Engine, wat: &str) -> (Module, Store<()>, Instance) {
    let module = Module::new(engine, wat).expect("valid module");
    let mut store = Store::new(engine, ());
    let mut linker = Linker::new(engine);
    linker
        .func_wrap("host", "ask", |mut caller: Caller<'_, ()>, x: i32| -> i32 {
            caller.yield_with(Val::I32(x));
            0
        })
        .expect("define host.ask");
    let instance = linker
        .instantiate(&mut store, &module)
        .expect("instantiates");
    (module, store, instance)
}

/// Calls the export `name` with `args` resumably; it must yield: the paused call.
#[allow(dead_code)]
pub fn call_to_yield(
    store: &mut Store<()>,
    instance: &Instance,
    name: &str,
    args: &[Val],
) -> Continuation {
    match call_resumable(store, instance, name, args) {
        CallOutcome::Yielded(paused) => paused,
        other => panic!("expected {name} to yield, got {other:?}"),
    }
}

/// Calls the export `name` with `args` resumably; it must run out of gas: the paused call.
#[allow(dead_code)]
pub fn call_out_of_gas(
    store: &mut Store<()>,
    instance: &Instance,
    name: &str,
    args: &[Val],
) -> Continuation {
    match call_resumable(store, instance, name, args) {
        CallOutcome::OutOfGas(paused) => paused,
        other => panic!("expected a gas pause of {name}, got {other:?}"),
    }
}

/// Calls the export `name` with `args` resumably: how the call ended or paused.
#[allow(dead_code)]
pub fn call_resumable(
    store: &mut Store<()>,
    instance: &Instance,
    name: &str,
    args: &[Val],
) -> CallOutcome {
    let func = instance.get_func(&*store, name).expect("exported function");
    func.call_resumable(store, args).expect("call")
}

/// Calls the export `name` with `args`: its results, or the error it stopped with.
#[allow(dead_code)]
pub fn try_call(
    store: &mut Store<()>,
    instance: &Instance,
    name: &str,
    args: &[Val],
) -> Result<Vec<Val>, Error> {
    let func = instance.get_func(&*store, name).expect("exported function");
    let mut results = vec![Val::I32(0); func.ty(&*store).results().len()];
    func.call(&mut *store, args, &mut results)?;
    Ok(results)
}

/// Calls the export `name` with `args`, which must not trap.
#[allow(dead_code)]
pub fn call(store: &mut Store<()>, instance: &Instance, name: &str, args: &[Val]) -> Vec<Val> {
    try_call(store, instance, name, args).expect("runs")
}

/// The trap a call stopped with, if any.
#[allow(dead_code)]
pub fn trap_of(result: Result<Vec<Val>, Error>) -> Option<TrapCode> {
    result.err().and_then(|e| e.trap_code())
}

/// The gas a call of the export `name` with `args` uses; it must finish.
#[allow(dead_code)]
pub fn gas_of(store: &mut Store<()>, instance: &Instance, name: &str, args: &[Val]) -> u64 {
    let func = instance.get_func(&*store, name).expect("exported function");
    match func.call_resumable(store, args).expect("call") {
        CallOutcome::Finished { gas_used, .. } => gas_used,
        other => panic!("{name} did not finish: {other:?}"),
    }
}

/// Checks that the exports `grow(delta)` and `fill(len)` of `wat(decl, index)` cost the same
/// gas for a 32-bit declaration (`decl` empty, `index` `"i32"`) as for a 64-bit one (`"i64"`,
/// `"i64"`), and that growing by `delta` costs more than growing by 1.
#[allow(dead_code)]
pub fn assert_grow_and_fill_priced_as_32_bit(
    wat: impl Fn(&str, &str) -> String,
    delta: i64,
    len: i64,
) {
    let gas = |decl: &str, index: &str, delta: i64| {
        let arg = |x: i64| match index {
            "i32" => Val::I32(x as i32),
            _ => Val::I64(x),
        };
        let (mut store, instance) = instantiate_with_gas(&engine(true), wat(decl, index));
        (
            gas_of(&mut store, &instance, "grow", &[arg(delta)]),
            gas_of(&mut store, &instance, "fill", &[arg(len)]),
        )
    };
    let (narrow, wide) = (gas("", "i32", delta), gas("i64", "i64", delta));
    assert_eq!(narrow, wide, "(grow, fill) gas, 32-bit and 64-bit");
    assert!(
        wide.0 > gas("i64", "i64", 1).0,
        "growing by {delta} costs more than by 1"
    );
}

/// Instantiates `module` in `store`, its import `env`.`name` defined as `item`: the error
/// it must fail with, as text.
#[allow(dead_code)]
pub fn link_error(
    store: &mut Store<()>,
    (name, item): (&str, impl Into<Extern>),
    module: &Module,
) -> String {
    let mut linker = Linker::new(store.engine());
    linker.define("env", name, item).expect("define");
    match linker.instantiate(store, module) {
        Ok(_) => panic!("env.{name} links where it must not"),
        Err(err) => err.to_string(),
    }
}

/// An integer result as an `i64` (an i32 sign-extended).
#[allow(dead_code)]
pub fn as_i64(v: &Val) -> i64 {
    match *v {
        Val::I32(x) => i64::from(x),
        Val::I64(x) => x,
        ref other => panic!("an integer result, found {other:?}"),
    }
}

/// The ten integer comparisons of Wasm, as named after `i32.` and `i64.`.
#[allow(dead_code)]
pub const COMPARISONS: [&str; 10] = [
    "eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u",
];

/// `"i32"` or `"i64"`, the type `bits` wide.
#[allow(dead_code)]
pub fn width_name(bits: u32) -> &'static str {
    if bits == 32 {
        "i32"
    } else {
        "i64"
    }
}

/// `x` wrapped to `bits` (32 or 64) and sign-extended back to an `i64`.
#[allow(dead_code)]
pub fn wrap_to(bits: u32, x: i64) -> i64 {
    if bits == 32 {
        i64::from(x as i32)
    } else {
        x
    }
}

/// Whether the comparison `op` (one of [`COMPARISONS`]) holds for `a` and `b` read as `bits`
/// (32 or 64) wide, signed or unsigned as `op` says.
#[allow(dead_code)]
pub fn holds(op: &str, bits: u32, a: i64, b: i64) -> bool {
    let (ua, ub) = if bits == 32 {
        (u64::from(a as u32), u64::from(b as u32))
    } else {
        (a as u64, b as u64)
    };
    let (sa, sb) = (wrap_to(bits, a), wrap_to(bits, b));
    match op {
        "eq" => ua == ub,
        "ne" => ua != ub,
        "lt_s" => sa < sb,
        "lt_u" => ua < ub,
        "gt_s" => sa > sb,
        "gt_u" => ua > ub,
        "le_s" => sa <= sb,
        "le_u" => ua <= ub,
        "ge_s" => sa >= sb,
        "ge_u" => ua >= ub,
        _ => unreachable!("not a comparison: {op}"),
    }
}

/// The pauses (gas used, gas needed) of a call that pays `charges` in order, started with
/// `budget` and given exactly what each pause needs.
#[allow(dead_code)]
pub fn expected_pauses(charges: &[u64], budget: u64) -> Vec<(u64, u64)> {
    expected_pauses_given(charges, budget, 0)
}

/// As [`expected_pauses`], each pause given what it needs and `extra` more.
#[allow(dead_code)]
pub fn expected_pauses_given(charges: &[u64], budget: u64, extra: u64) -> Vec<(u64, u64)> {
    let (mut left, mut used, mut pauses) = (budget, 0, Vec::new());
    for &charge in charges {
        if left < charge {
            pauses.push((used, charge - left));
            left = charge + extra;
        }
        left -= charge;
        used += charge;
    }
    pauses
}

/// A call of `run` driven to its end by [`drive_topped_up`], and the store it ended in.
#[allow(dead_code)]
pub struct ToppedUp {
    pub results: Vec<Val>,
    pub gas_used: u64,
    /// Every pause: (gas used, gas needed).
    pub pauses: Vec<(u64, u64)>,
    pub store: Store<()>,
    pub instance: Instance,
}

/// Runs the export `run` of `wat` with `args` from `budget` gas (`None`: unmetered), topping
/// up exactly what each pause needs; when `through_snapshot`, each paused call is first
/// saved and restored into a fresh store of `wat`.
#[allow(dead_code)]
pub fn run_topped_up(
    wat: &str,
    args: &[Val],
    budget: Option<u64>,
    through_snapshot: bool,
) -> ToppedUp {
    let engine = engine(budget.is_some());
    let fresh = || instantiate(&engine, wat);
    let (mut store, instance) = fresh();
    if let Some(budget) = budget {
        store.set_gas(budget).expect("gas");
    }
    let restore_into: Option<&Fresh> = through_snapshot.then_some(&fresh);
    drive_topped_up((store, instance), args, 0, restore_into)
}

/// Runs the export `run` of `wat` (no arguments) metered from every `step`-th budget below
/// the gas it uses, topped up at each pause, directly and through snapshots: asserts that
/// each run pauses, gives `want` and uses the same gas in all.
#[allow(dead_code)]
pub fn assert_resumes_from_every_budget(wat: &str, want: &[Val], step: usize) {
    let total = run_topped_up(wat, &[], Some(u64::MAX / 2), false).gas_used;
    for budget in (0..total).step_by(step) {
        for through_snapshot in [false, true] {
            let run = run_topped_up(wat, &[], Some(budget), through_snapshot);
            let at = format!("budget {budget}, through a snapshot {through_snapshot}");
            assert_eq!(run.results, want, "{at}");
            assert_eq!(run.gas_used, total, "{at}");
            assert!(!run.pauses.is_empty(), "{at}: no pause");
        }
    }
}

/// Makes a fresh store and instance of a program.
#[allow(dead_code)]
pub type Fresh<'a> = dyn Fn() -> (Store<()>, Instance) + 'a;

/// Runs the export `run` of `instance` with `args` from the gas its `store` holds, topping
/// up what each pause needs and `extra` more; with `restore_into`, each paused call is first
/// saved and restored into the fresh store and instance that it makes.
#[allow(dead_code)]
pub fn drive_topped_up(
    (mut store, mut instance): (Store<()>, Instance),
    args: &[Val],
    extra: u64,
    restore_into: Option<&Fresh>,
) -> ToppedUp {
    let run = instance.get_func(&store, "run").expect("an export `run`");
    let mut outcome = run.call_resumable(&mut store, args).expect("call");
    let mut pauses = Vec::new();
    loop {
        match outcome {
            CallOutcome::OutOfGas(mut paused) => {
                let needed = paused.gas_needed().expect("needed");
                pauses.push((paused.gas_used(), needed));
                assert!(pauses.len() < 1000, "pauses never end");
                if let Some(fresh) = restore_into {
                    let bytes = store.snapshot(Some(&paused));
                    (store, instance) = fresh();
                    paused = store
                        .restore(&bytes)
                        .expect("restore")
                        .expect("the snapshot holds a call");
                }
                let left = store.gas_left().expect("gas left");
                store.set_gas(left + needed + extra).expect("gas");
                outcome = paused.resume(&mut store, &[]).expect("resume");
            }
            CallOutcome::Finished { results, gas_used } => {
                return ToppedUp {
                    results,
                    gas_used,
                    pauses,
                    store,
                    instance,
                };
            }
            other => panic!("only gas pauses here, found {other:?}"),
        }
    }
}

/// Runs the export `run` (no arguments) of a `fresh` metered instance to its end, then
/// again from `samples` budgets spread below its total; each pause is saved, restored into
/// another fresh instance and finished there, with `want` and the same total gas. `check`
/// looks at that instance afterwards. Returns how many pauses were resumed.
#[allow(dead_code)]
pub fn resume_through_snapshots(
    fresh: impl Fn() -> (Store<()>, Instance),
    want: &[Val],
    samples: u64,
    check: impl Fn(&Store<()>, &Instance),
) -> usize {
    let (mut store, instance) = fresh();
    store.set_gas(u64::MAX / 2).expect("gas");
    let run = instance.get_func(&store, "run").expect("an export `run`");
    let total = match run.call_resumable(&mut store, &[]).expect("call") {
        CallOutcome::Finished { results, gas_used } => {
            assert_eq!(results, want, "not paused");
            gas_used
        }
        other => panic!("expected the call to finish, got {other:?}"),
    };
    let mut pauses = 0;
    for gas in (0..total).step_by((total / samples).max(1) as usize) {
        let (mut first, instance) = fresh();
        first.set_gas(gas).expect("gas");
        let run = instance.get_func(&first, "run").expect("an export `run`");
        let paused = match run.call_resumable(&mut first, &[]).expect("call") {
            CallOutcome::OutOfGas(paused) => paused,
            other => panic!("expected a pause with {gas} gas, got {other:?}"),
        };
        pauses += 1;
        let snapshot = first.snapshot(Some(&paused));
        let (mut second, instance) = fresh();
        let paused = second
            .restore(&snapshot)
            .expect("restore")
            .expect("a paused call");
        second.set_gas(u64::MAX / 2).expect("gas");
        match paused.resume(&mut second, &[]).expect("resume") {
            CallOutcome::Finished { results, gas_used } => {
                assert_eq!(results, want, "paused with {gas} gas");
                assert_eq!(gas_used, total, "paused with {gas} gas");
            }
            other => panic!("expected the call to finish, got {other:?}"),
        }
        check(&second, &instance);
    }
    pauses
}

/// `wat` with each operator written between `<` and `>` (one giving an i32) or `[` and `]`
/// (one giving an i64) left in place when `fused`, or else kept apart from the operator
/// before it: in a block holding it and then an empty loop, whose start (a label) keeps
/// the two from fusing at no cost in gas.
#[allow(dead_code)]
pub fn kept_apart(wat: &str, fused: bool) -> String {
    let apart = |ty: &str| {
        (
            format!("(block (result {ty}) "),
            format!(" (loop (param {ty}) (result {ty})))"),
        )
    };
    let ((open, close), (wide_open, wide_close)) = if fused {
        Default::default()
    } else {
        (apart("i32"), apart("i64"))
    };
    wat.replace('<', &open)
        .replace('>', &close)
        .replace('[', &wide_open)
        .replace(']', &wide_close)
}

/// Runs the export `run` of `module(true)` (operators fused) and `module(false)` (the same
/// kept apart, as [`kept_apart`] keeps them) metered with ample gas, and asserts that both
/// give `want` and use the same gas; then that the fused module resumes from every `step`-th
/// budget ([`assert_resumes_from_every_budget`]).
#[allow(dead_code)]
pub fn assert_same_gas_fused_or_apart(module: fn(bool) -> String, want: &[Val], step: usize) {
    let gas = |wat: &str| run_topped_up(wat, &[], Some(u64::MAX / 2), false);
    let (fused, apart) = (gas(&module(true)), gas(&module(false)));
    assert_eq!(fused.results, want, "fused");
    assert_eq!(apart.results, want, "apart");
    assert_eq!(fused.gas_used, apart.gas_used, "gas used, fused and apart");
    assert_resumes_from_every_budget(&module(true), want, step);
}

/// Byte offsets in `wasm` of every operator whose name starts with `name`, in order.
#[allow(dead_code)]
pub fn offsets_of(wasm: &[u8], name: &str) -> Vec<usize> {
    let mut found = Vec::new();
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        if let Ok(wasmparser::Payload::CodeSectionEntry(body)) = payload {
            let mut reader = body.get_operators_reader().expect("operators");
            while !reader.eof() {
                let (op, offset) = reader.read_with_offset().expect("operator");
                if format!("{op:?}").starts_with(name) {
                    found.push(offset as usize);
                }
            }
        }
    }
    found
}

/// Where `pattern` stands in `bytes`; it must stand there exactly once (`what` names it).
#[allow(dead_code)]
pub fn find_once(bytes: &[u8], pattern: &[u8], what: &str) -> usize {
    let found: Vec<usize> = (0..bytes.len() - pattern.len())
        .filter(|&i| bytes[i..].starts_with(pattern))
        .collect();
    assert_eq!(found.len(), 1, "{what} is found once");
    found[0]
}

/// `bytes` with the byte at `at` set to `value`.
#[allow(dead_code)]
pub fn with_byte(bytes: &[u8], at: usize, value: u8) -> Vec<u8> {
    let mut bytes = bytes.to_vec();
    bytes[at] = value;
    bytes
}

/// A small deterministic generator (xorshift), so failures reproduce.
#[allow(dead_code)]
pub struct Rng(pub u64);

#[allow(dead_code)]
impl Rng {
    /// The next number; the seed must not be 0.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Interrupts the store again and again from another thread until dropped.
#[allow(dead_code)]
pub struct Hammer {
    stop: Arc<AtomicBool>,
    thread: Option<thread::JoinHandle<()>>,
}

#[allow(dead_code)]
impl Hammer {
    pub fn new(handle: InterruptHandle, every: Duration) -> Hammer {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let thread = thread::spawn(move || {
            while !flag.load(Ordering::Relaxed) {
                handle.interrupt();
                thread::sleep(every);
            }
        });
        Hammer {
            stop,
            thread: Some(thread),
        }
    }
}

impl Drop for Hammer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            t.join().unwrap();
        }
    }
}
