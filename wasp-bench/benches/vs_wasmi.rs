//! Wasp vs wasmi: execution and translation benchmarks.
//!
//! For every workload of [`WORKLOADS`] a criterion group named after it has
//! two functions, `wasp` and `wasmi`, which time one call of the workload's
//! export; the module is translated and instantiated outside the timed part,
//! and both engines are checked to return the same (and the expected) result
//! first. The groups `translate_examples` (all bundled modules) and
//! `translate_generated` (one large generated module) time `Module::new` on
//! the binary encoding in both engines.
//!
//! After criterion, a `cargo bench` run (not `cargo test --benches`) times
//! every pair again itself, in alternating rounds of at least a few
//! milliseconds, and prints one line per workload:
//! `ratio fib: wasp/wasmi = 1.23 (...)`, where the ratio is the median time
//! per call in Wasp divided by that in wasmi (lower is better for Wasp).
//!
//! wasmi is configured to translate eagerly, as Wasp does, so that its
//! `Module::new` does the same work and its first call is not a translation.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::Criterion;
use wasp_bench::{generated_module_wat, ResultType, Workload, GENERATED_FUNCS, WORKLOADS};

/// A workload instantiated in one engine: each call runs the export once
/// with the workload's benchmark argument and returns its result's bits
/// zero-extended to `u64`.
type Runner = Box<dyn FnMut() -> u64>;

/// How many timed rounds of each engine the ratio table takes the median of.
const RATIO_ROUNDS: usize = 15;

/// The least time one round of the ratio table takes: a round repeats a
/// short call (such as translating a small module) to reach it.
const MIN_ROUND: Duration = Duration::from_millis(5);

/// The binary encoding of a module given as text.
fn to_wasm(wat: &str) -> Vec<u8> {
    wat::parse_str(wat).expect("bundled module is valid WebAssembly text")
}

/// A wasmi engine that translates eagerly.
fn wasmi_engine() -> wasmi::Engine {
    let mut config = wasmi::Config::default();
    config.compilation_mode(wasmi::CompilationMode::Eager);
    wasmi::Engine::new(&config)
}

/// Translates and instantiates `workload` in Wasp.
fn wasp_runner(workload: &Workload) -> Runner {
    let engine = wasp_core::Engine::default();
    let module = wasp_core::Module::new(&engine, to_wasm(workload.wat))
        .unwrap_or_else(|e| panic!("wasp: translating {}: {e}", workload.name));
    let mut store = wasp_core::Store::new(&engine, ());
    let instance = wasp_core::Linker::new(&engine)
        .instantiate(&mut store, &module)
        .unwrap_or_else(|e| panic!("wasp: instantiating {}: {e}", workload.name));
    let (name, arg) = (workload.name, workload.bench_arg as i32);
    match workload.result {
        ResultType::I32 => {
            let func = instance
                .get_typed_func::<i32, i32>(&store, workload.export)
                .unwrap_or_else(|e| panic!("wasp: export of {name}: {e}"));
            Box::new(move || {
                let result = func.call(&mut store, black_box(arg));
                u64::from(result.unwrap_or_else(|e| panic!("wasp: {name}: {e}")) as u32)
            })
        }
        ResultType::I64 => {
            let func = instance
                .get_typed_func::<i32, i64>(&store, workload.export)
                .unwrap_or_else(|e| panic!("wasp: export of {name}: {e}"));
            Box::new(move || {
                let result = func.call(&mut store, black_box(arg));
                result.unwrap_or_else(|e| panic!("wasp: {name}: {e}")) as u64
            })
        }
    }
}

/// Translates and instantiates `workload` in wasmi.
fn wasmi_runner(workload: &Workload) -> Runner {
    let engine = wasmi_engine();
    let module = wasmi::Module::new(&engine, to_wasm(workload.wat))
        .unwrap_or_else(|e| panic!("wasmi: translating {}: {e}", workload.name));
    let mut store = wasmi::Store::new(&engine, ());
    let instance = wasmi::Linker::new(&engine)
        .instantiate_and_start(&mut store, &module)
        .unwrap_or_else(|e| panic!("wasmi: instantiating {}: {e}", workload.name));
    let (name, arg) = (workload.name, workload.bench_arg as i32);
    match workload.result {
        ResultType::I32 => {
            let func = instance
                .get_typed_func::<i32, i32>(&store, workload.export)
                .unwrap_or_else(|e| panic!("wasmi: export of {name}: {e}"));
            Box::new(move || {
                let result = func.call(&mut store, black_box(arg));
                u64::from(result.unwrap_or_else(|e| panic!("wasmi: {name}: {e}")) as u32)
            })
        }
        ResultType::I64 => {
            let func = instance
                .get_typed_func::<i32, i64>(&store, workload.export)
                .unwrap_or_else(|e| panic!("wasmi: export of {name}: {e}"));
            Box::new(move || {
                let result = func.call(&mut store, black_box(arg));
                result.unwrap_or_else(|e| panic!("wasmi: {name}: {e}")) as u64
            })
        }
    }
}

/// A workload instantiated in both engines.
struct Pair {
    workload: &'static Workload,
    wasp: Runner,
    wasmi: Runner,
}

impl Pair {
    /// Instantiates `workload` in both engines and checks that one call
    /// returns the expected result in each.
    fn new(workload: &'static Workload) -> Self {
        let mut pair = Pair {
            workload,
            wasp: wasp_runner(workload),
            wasmi: wasmi_runner(workload),
        };
        let expected = (workload.reference)(workload.bench_arg);
        let (wasp, wasmi) = ((pair.wasp)(), (pair.wasmi)());
        assert_eq!(
            wasp, wasmi,
            "{}({}): wasp and wasmi disagree",
            workload.export, workload.bench_arg
        );
        assert_eq!(
            wasp, expected,
            "{}({}): both engines differ from the reference",
            workload.export, workload.bench_arg
        );
        pair
    }
}

/// Module binaries to translate, under a name for the groups and table.
struct TranslationInput {
    name: &'static str,
    modules: Vec<Vec<u8>>,
}

impl TranslationInput {
    /// Translates every module once in Wasp.
    fn translate_wasp(&self, engine: &wasp_core::Engine) {
        for wasm in &self.modules {
            let module = wasp_core::Module::new(engine, black_box(wasm.as_slice()));
            black_box(module.expect("wasp translates the module"));
        }
    }

    /// Translates every module once in wasmi.
    fn translate_wasmi(&self, engine: &wasmi::Engine) {
        for wasm in &self.modules {
            let module = wasmi::Module::new(engine, black_box(wasm.as_slice()));
            black_box(module.expect("wasmi translates the module"));
        }
    }
}

/// The translation benchmarks' inputs: all bundled modules together, and
/// one large generated module.
fn translation_inputs() -> Vec<TranslationInput> {
    vec![
        TranslationInput {
            name: "translate_examples",
            modules: WORKLOADS.iter().map(|w| to_wasm(w.wat)).collect(),
        },
        TranslationInput {
            name: "translate_generated",
            modules: vec![to_wasm(&generated_module_wat(GENERATED_FUNCS))],
        },
    ]
}

/// One criterion group per workload, timing a call in each engine.
fn bench_execution(c: &mut Criterion, pairs: &mut [Pair]) {
    for pair in pairs {
        let mut group = c.benchmark_group(pair.workload.name);
        group.bench_function("wasp", |b| b.iter(&mut pair.wasp));
        group.bench_function("wasmi", |b| b.iter(&mut pair.wasmi));
        group.finish();
    }
}

/// One criterion group per translation input, timing `Module::new` in each
/// engine.
fn bench_translation(c: &mut Criterion, inputs: &[TranslationInput]) {
    let wasp_engine = wasp_core::Engine::default();
    let wasmi_engine = wasmi_engine();
    for input in inputs {
        let mut group = c.benchmark_group(input.name);
        group.bench_function("wasp", |b| b.iter(|| input.translate_wasp(&wasp_engine)));
        group.bench_function("wasmi", |b| b.iter(|| input.translate_wasmi(&wasmi_engine)));
        group.finish();
    }
}

/// The median of `times`, which must not be empty.
fn median(times: &mut [Duration]) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}

/// The average time of one call of `f` over `calls` calls.
fn time_per_call(f: &mut dyn FnMut(), calls: u32) -> Duration {
    let start = Instant::now();
    for _ in 0..calls {
        f();
    }
    start.elapsed() / calls
}

/// How many calls of `f` make a round of at least [`MIN_ROUND`], judging by
/// one (warm-up) call.
fn calls_per_round(f: &mut dyn FnMut()) -> u32 {
    let once = time_per_call(f, 1).max(Duration::from_nanos(1));
    u32::try_from(MIN_ROUND.as_nanos().div_ceil(once.as_nanos()))
        .unwrap_or(u32::MAX)
        .max(1)
}

/// Times `wasp` and `wasmi` in [`RATIO_ROUNDS`] alternating rounds each,
/// and prints the median times per call and their ratio.
fn print_ratio(name: &str, wasp: &mut dyn FnMut(), wasmi: &mut dyn FnMut()) {
    let (wasp_calls, wasmi_calls) = (calls_per_round(wasp), calls_per_round(wasmi));
    let mut wasp_times = Vec::with_capacity(RATIO_ROUNDS);
    let mut wasmi_times = Vec::with_capacity(RATIO_ROUNDS);
    for _ in 0..RATIO_ROUNDS {
        wasp_times.push(time_per_call(wasp, wasp_calls));
        wasmi_times.push(time_per_call(wasmi, wasmi_calls));
    }
    let (wasp, wasmi) = (median(&mut wasp_times), median(&mut wasmi_times));
    println!(
        "ratio {name}: wasp/wasmi = {:.2} (median of {RATIO_ROUNDS} rounds: wasp {wasp:.2?}, wasmi {wasmi:.2?})",
        wasp.as_secs_f64() / wasmi.as_secs_f64(),
    );
}

/// Prints the ratio line of every workload and translation input.
fn print_ratios(pairs: &mut [Pair], inputs: &[TranslationInput]) {
    println!("\nWasp time / wasmi time (lower is better for Wasp):");
    for pair in pairs {
        let (wasp, wasmi) = (&mut pair.wasp, &mut pair.wasmi);
        print_ratio(
            pair.workload.name,
            &mut || {
                black_box(wasp());
            },
            &mut || {
                black_box(wasmi());
            },
        );
    }
    let wasp_engine = wasp_core::Engine::default();
    let wasmi_engine = wasmi_engine();
    for input in inputs {
        print_ratio(
            input.name,
            &mut || input.translate_wasp(&wasp_engine),
            &mut || input.translate_wasmi(&wasmi_engine),
        );
    }
}

/// Whether this is a real benchmark run: cargo passes `--bench` to
/// `cargo bench` targets, but not when `cargo test` runs them once as tests.
/// `--list` only lists the benchmarks.
fn is_bench_run() -> bool {
    let args: Vec<String> = std::env::args().collect();
    args.iter().any(|a| a == "--bench") && !args.iter().any(|a| a == "--list")
}

fn main() {
    if cfg!(debug_assertions) {
        // E.g. `cargo test --all-targets`: timings would be meaningless, and
        // wasmi's dispatch overflows the native stack with debug assertions.
        eprintln!("vs_wasmi: skipped: run the benchmarks in an optimised build (cargo bench)");
        return;
    }
    let mut c = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();

    let mut pairs: Vec<Pair> = WORKLOADS.iter().map(Pair::new).collect();
    let inputs = translation_inputs();

    bench_execution(&mut c, &mut pairs);
    bench_translation(&mut c, &inputs);
    c.final_summary();

    if is_bench_run() {
        print_ratios(&mut pairs, &inputs);
    }
}
