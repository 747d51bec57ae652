//! Wasp vs wasmi: execution, gas metering and translation benchmarks.
//!
//! For every workload of [`WORKLOADS`] a criterion group named after it has
//! four functions, which time one call of the workload's export: `wasp` and
//! `wasmi` without metering, `wasp_gas` with Wasp's gas metering on and
//! `wasmi_fuel` with wasmi's fuel metering on. The module is translated and
//! instantiated outside the timed part, a metered store gets
//! [`GAS_PER_CALL`] gas or fuel before every call, also outside the timed
//! part, and all four are checked to return the same (and the expected)
//! result first. The groups `translate_examples` (all bundled modules) and
//! `translate_generated` (one large generated module) time `Module::new` on
//! the binary encoding in both engines.
//!
//! After criterion, a `cargo bench` run (not `cargo test --benches`) times
//! everything again itself, in alternating rounds of at least a few
//! milliseconds, and prints one line per workload and translation input:
//! `ratio fib: wasp/wasmi = 1.23 (...)`, where the ratio is the median time
//! per call in Wasp divided by that in wasmi (lower is better for Wasp).
//! Then it prints one line per workload on metering,
//! `gas fib: wasp gas on/off = 1.07, wasp gas on / wasmi fuel on = 0.95 (...)`,
//! from the same rounds, and the gas and fuel one call uses. Between the two
//! it prints a Markdown table of the ratios of every workload, with metering
//! off and on and Wasp's gas overhead, their geometric means, and CoreMark's
//! score ratio (wasmi's time / Wasp's: higher is better for Wasp).
//!
//! `VS_WASMI_ONLY=fib,sieve cargo bench -p wasp-bench --bench vs_wasmi` times only
//! the workloads named (their geomean is of those alone): quicker when comparing two
//! designs on the workloads they touch.
//!
//! The engines are instantiated by the `runners` module, which the
//! `run_workload` example shares to run one workload under callgrind
//! (`callgrind.sh`).
//!
//! wasmi is configured to translate eagerly, and so is Wasp in the translation
//! groups, so that `Module::new` does the same work in both and a first call is
//! not a translation. (Lazy compilation, both engines' default, is timed by the
//! `startup` benchmark.)

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::Criterion;
use wasp_bench::{
    generated_module_wat, Workload, COREMARK, GAS_PER_CALL, GENERATED_FUNCS, WORKLOADS,
};

mod runners;
use runners::{to_wasm, wasmi_engine, wasp_engine, Metering, Runner, WasmiRunner, WaspRunner};

/// How many timed rounds of each engine the ratio table takes the median of.
const RATIO_ROUNDS: usize = 15;

/// The least time one round of the ratio table takes: a round repeats a
/// short call (such as translating a small module) to reach it.
const MIN_ROUND: Duration = Duration::from_millis(5);

/// The total time of `calls` calls of `runner`, each after a refill that
/// is not timed.
fn time_calls(runner: &mut dyn Runner, calls: u64) -> Duration {
    let mut total = Duration::ZERO;
    for _ in 0..calls {
        runner.refill();
        let start = Instant::now();
        black_box(runner.call());
        total += start.elapsed();
    }
    total
}

/// The gas or fuel one call of a metered `runner` uses. Panics unless a
/// second call uses as much.
fn gas_per_call(runner: &mut dyn Runner) -> u64 {
    let mut used = || {
        runner.refill();
        black_box(runner.call());
        GAS_PER_CALL - runner.gas_left().expect("the runner meters")
    };
    let (first, second) = (used(), used());
    assert_eq!(first, second, "two calls use different gas");
    first
}

/// A workload instantiated in both engines, with and without metering.
struct Pair {
    workload: &'static Workload,
    wasp: WaspRunner,
    wasmi: WasmiRunner,
    wasp_gas: WaspRunner,
    wasmi_fuel: WasmiRunner,
    /// The gas one call uses in `wasp_gas`.
    gas_used: u64,
    /// The fuel one call uses in `wasmi_fuel`.
    fuel_used: u64,
}

impl Pair {
    /// Instantiates `workload` in both engines, with and without metering,
    /// checks that one call returns the expected result in each, and
    /// measures the gas and fuel a call uses.
    fn new(workload: &'static Workload) -> Self {
        let mut pair = Pair {
            workload,
            wasp: WaspRunner::new(workload, Metering::Off),
            wasmi: WasmiRunner::new(workload, Metering::Off),
            wasp_gas: WaspRunner::new(workload, Metering::On),
            wasmi_fuel: WasmiRunner::new(workload, Metering::On),
            gas_used: 0,
            fuel_used: 0,
        };
        pair.check_results();
        pair.gas_used = gas_per_call(&mut pair.wasp_gas);
        pair.fuel_used = gas_per_call(&mut pair.wasmi_fuel);
        pair
    }

    /// The four runners under their criterion function names, in the order
    /// [`median_times`] returns their times.
    fn runners(&mut self) -> [(&'static str, &mut dyn Runner); 4] {
        [
            ("wasp", &mut self.wasp),
            ("wasmi", &mut self.wasmi),
            ("wasp_gas", &mut self.wasp_gas),
            ("wasmi_fuel", &mut self.wasmi_fuel),
        ]
    }

    /// Checks that every runner returns what Wasp without gas returns, and
    /// that this is the reference result.
    fn check_results(&mut self) {
        let Workload {
            export, bench_arg, ..
        } = *self.workload;
        let expected = self
            .workload
            .reference
            .map(|reference| reference(bench_arg));
        let results = self.runners().map(|(name, runner)| {
            runner.refill();
            (name, runner.call())
        });
        let (_, wasp) = results[0];
        for &(name, result) in &results[1..] {
            assert_eq!(
                result, wasp,
                "{export}({bench_arg}): {name} and wasp disagree"
            );
        }
        if let Some(expected) = expected {
            assert_eq!(
                wasp, expected,
                "{export}({bench_arg}): all engines differ from the reference"
            );
        }
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
            modules: WORKLOADS.iter().map(|w| to_wasm(w.source)).collect(),
        },
        TranslationInput {
            name: "translate_generated",
            modules: vec![wat::parse_str(generated_module_wat(GENERATED_FUNCS))
                .expect("the generated module is valid WebAssembly text")],
        },
    ]
}

/// One criterion group per workload, timing a call in each engine with and
/// without metering.
fn bench_execution(c: &mut Criterion, pairs: &mut [Pair]) {
    for pair in pairs {
        let mut group = c.benchmark_group(pair.workload.name);
        for (name, runner) in pair.runners() {
            group.bench_function(name, |b| b.iter_custom(|calls| time_calls(runner, calls)));
        }
        group.finish();
    }
}

/// One criterion group per translation input, timing `Module::new` in each
/// engine.
fn bench_translation(c: &mut Criterion, inputs: &[TranslationInput]) {
    let wasp_engine = wasp_engine(Metering::Off);
    let wasmi_engine = wasmi_engine(Metering::Off);
    for input in inputs {
        let mut group = c.benchmark_group(input.name);
        group.bench_function("wasp", |b| b.iter(|| input.translate_wasp(&wasp_engine)));
        group.bench_function("wasmi", |b| b.iter(|| input.translate_wasmi(&wasmi_engine)));
        group.finish();
    }
}

/// Something the ratio table times: given a number of calls, makes them
/// and returns the time they took.
type Timer<'a> = &'a mut dyn FnMut(u32) -> Duration;

/// A [`Timer`] of `f`, which takes all of each call's time.
fn repeat(f: &mut dyn FnMut()) -> impl FnMut(u32) -> Duration + '_ {
    move |calls| {
        let start = Instant::now();
        for _ in 0..calls {
            f();
        }
        start.elapsed()
    }
}

/// A [`Timer`] of `runner`, which leaves out the refills (see [`time_calls`]).
fn run(runner: &mut dyn Runner) -> impl FnMut(u32) -> Duration + '_ {
    move |calls| time_calls(runner, u64::from(calls))
}

/// The median of `times`, which must not be empty.
fn median(times: &mut [Duration]) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}

/// How many calls make a round of at least [`MIN_ROUND`] with `timer`,
/// judging by one (warm-up) call.
fn calls_per_round(timer: Timer) -> u32 {
    let once = timer(1).max(Duration::from_nanos(1));
    u32::try_from(MIN_ROUND.as_nanos().div_ceil(once.as_nanos()))
        .unwrap_or(u32::MAX)
        .max(1)
}

/// Times each of `timers` in [`RATIO_ROUNDS`] alternating rounds and
/// returns the median time per call of each, in the same order.
fn median_times<const N: usize>(mut timers: [Timer; N]) -> [Duration; N] {
    let calls = timers.each_mut().map(|timer| calls_per_round(*timer));
    let mut times: [Vec<Duration>; N] = std::array::from_fn(|_| Vec::with_capacity(RATIO_ROUNDS));
    for _ in 0..RATIO_ROUNDS {
        for ((timer, &calls), times) in timers.iter_mut().zip(&calls).zip(&mut times) {
            times.push(timer(calls) / calls);
        }
    }
    times.map(|mut times| median(&mut times))
}

/// Prints the ratio line of one workload or translation input.
fn print_ratio(name: &str, [wasp, wasmi]: [Duration; 2]) {
    println!(
        "ratio {name}: wasp/wasmi = {:.2} (median of {RATIO_ROUNDS} rounds: wasp {wasp:.2?}, wasmi {wasmi:.2?})",
        ratio(wasp, wasmi),
    );
}

/// `a / b` as a float.
fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64()
}

/// The median times per call of a workload's four runners, in the order
/// of [`Pair::runners`].
fn execution_times(pair: &mut Pair) -> [Duration; 4] {
    let [(_, wasp), (_, wasmi), (_, wasp_gas), (_, wasmi_fuel)] = pair.runners();
    median_times([
        &mut run(wasp),
        &mut run(wasmi),
        &mut run(wasp_gas),
        &mut run(wasmi_fuel),
    ])
}

/// Prints the ratio line of every workload and translation input, then the
/// gas lines of every workload.
fn print_ratios(pairs: &mut [Pair], inputs: &[TranslationInput]) {
    println!("\nWasp time / wasmi time (lower is better for Wasp):");
    let mut execution = Vec::with_capacity(pairs.len());
    for pair in pairs.iter_mut() {
        let times = execution_times(pair);
        print_ratio(pair.workload.name, [times[0], times[1]]);
        execution.push(times);
    }
    print_summary(pairs, &execution);
    let wasp_engine = wasp_engine(Metering::Off);
    let wasmi_engine = wasmi_engine(Metering::Off);
    for input in inputs {
        let times = median_times([
            &mut repeat(&mut || input.translate_wasp(&wasp_engine)),
            &mut repeat(&mut || input.translate_wasmi(&wasmi_engine)),
        ]);
        print_ratio(input.name, times);
    }
    print_gas(pairs, &execution);
}

/// The geometric mean of `values`, which must not be empty.
fn geomean(values: impl ExactSizeIterator<Item = f64>) -> f64 {
    let n = values.len() as f64;
    (values.map(f64::ln).sum::<f64>() / n).exp()
}

/// Prints the table of execution ratios (Wasp / wasmi, metering off and
/// on, and Wasp's gas on / off) with their geometric means, and CoreMark's
/// score ratio, from the [`execution_times`] of every workload.
fn print_summary(pairs: &[Pair], times: &[[Duration; 4]]) {
    println!("\n| workload | wasp/wasmi | gas on: wasp/wasmi | wasp gas on/off |");
    println!("| --- | --- | --- | --- |");
    let rows = || pairs.iter().zip(times);
    for (pair, &[wasp, wasmi, wasp_gas, wasmi_fuel]) in rows() {
        println!(
            "| {} | {:.2} | {:.2} | {:.2} |",
            pair.workload.name,
            ratio(wasp, wasmi),
            ratio(wasp_gas, wasmi_fuel),
            ratio(wasp_gas, wasp),
        );
    }
    println!(
        "| geomean | {:.2} | {:.2} | {:.2} |",
        geomean(rows().map(|(_, t)| ratio(t[0], t[1]))),
        geomean(rows().map(|(_, t)| ratio(t[2], t[3]))),
        geomean(rows().map(|(_, t)| ratio(t[2], t[0]))),
    );
    if let Some((_, t)) = rows().find(|(pair, _)| pair.workload.name == COREMARK) {
        println!(
            "CoreMark score (iterations per second) wasp/wasmi = {:.2} (higher is better for Wasp)",
            ratio(t[1], t[0]),
        );
    }
}

/// Prints, for every workload, the gas metering overhead from its
/// [`execution_times`], then the gas and fuel one call uses.
fn print_gas(pairs: &[Pair], times: &[[Duration; 4]]) {
    println!(
        "\nMetering (gas in Wasp, fuel in wasmi): time with it on / off, and Wasp / wasmi with it on:"
    );
    for (pair, &[wasp, wasmi, wasp_gas, wasmi_fuel]) in pairs.iter().zip(times) {
        println!(
            "gas {}: wasp gas on/off = {:.2}, wasp gas on / wasmi fuel on = {:.2} \
             (wasmi fuel on/off = {:.2}; median of {RATIO_ROUNDS} rounds: \
             wasp on {wasp_gas:.2?}, off {wasp:.2?}; wasmi on {wasmi_fuel:.2?}, off {wasmi:.2?})",
            pair.workload.name,
            ratio(wasp_gas, wasp),
            ratio(wasp_gas, wasmi_fuel),
            ratio(wasmi_fuel, wasmi),
        );
    }
    println!("\nGas and fuel one call uses (the same on every run and machine):");
    for pair in pairs {
        println!(
            "gas used {} ({}({})): wasp {} gas, wasmi {} fuel",
            pair.workload.name,
            pair.workload.export,
            pair.workload.bench_arg,
            pair.gas_used,
            pair.fuel_used,
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

    let only = std::env::var("VS_WASMI_ONLY").ok();
    let chosen = |w: &&Workload| {
        only.as_ref()
            .is_none_or(|names| names.split(',').any(|n| n == w.name))
    };
    let mut pairs: Vec<Pair> = WORKLOADS.iter().filter(chosen).map(Pair::new).collect();
    let inputs = translation_inputs();

    bench_execution(&mut c, &mut pairs);
    bench_translation(&mut c, &inputs);
    c.final_summary();

    if is_bench_run() {
        print_ratios(&mut pairs, &inputs);
    }
}
