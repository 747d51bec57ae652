//! Startup: `Module::new` of a module of about 1.5 MB of code ([`STARTUP_WASM`], a Rust
//! program), in Wasp and wasmi, each with lazy compilation (both engines' default: bodies
//! are validated by `Module::new`, translated on first call) and eager compilation (every
//! body translated by `Module::new`), side by side in one run; Wasp with its parallel
//! compilation (the default: bodies checked on every core) and on one thread; and wasmparser's validation
//! of the module alone, the floor under lazy compilation.
//!
//! `cargo bench -p wasp-bench --bench startup` prints the median time of each over
//! alternating rounds and the ratios. Run as a test (`cargo test --benches`), it only checks
//! that every engine accepts the module.

use std::hint::black_box;
use std::time::{Duration, Instant};

use wasp_bench::STARTUP_WASM;

/// Timed rounds of each contender: the table takes the median.
const ROUNDS: usize = 15;

/// Loads a module's bytes.
type Load = Box<dyn Fn(&[u8])>;

/// A way of loading the module, under its name in the table.
struct Contender {
    name: &'static str,
    load: Load,
}

fn wasp(mode: wasp_core::CompilationMode, parallel: bool) -> Load {
    let mut config = wasp_core::Config::default();
    config.compilation_mode(mode).parallel_compilation(parallel);
    let engine = wasp_core::Engine::new(&config);
    Box::new(move |wasm| {
        let module = wasp_core::Module::new(&engine, black_box(wasm));
        black_box(module.expect("wasp accepts the startup module"));
    })
}

fn wasmi(mode: wasmi::CompilationMode) -> Load {
    let mut config = wasmi::Config::default();
    config.compilation_mode(mode);
    let engine = wasmi::Engine::new(&config);
    Box::new(move |wasm| {
        let module = wasmi::Module::new(&engine, black_box(wasm));
        black_box(module.expect("wasmi accepts the startup module"));
    })
}

/// wasmparser's validation alone, with the proposals Wasp enables by default.
fn validation_only() -> Load {
    use wasmparser::WasmFeatures as F;
    let features = F::WASM2
        | F::RELAXED_SIMD
        | F::TAIL_CALL
        | F::EXTENDED_CONST
        | F::WIDE_ARITHMETIC
        | F::CUSTOM_PAGE_SIZES
        | F::MULTI_MEMORY
        | F::MEMORY64;
    Box::new(move |wasm| {
        let mut validator = wasmparser::Validator::new_with_features(features);
        black_box(validator.validate_all(black_box(wasm))).expect("the startup module is valid");
    })
}

fn contenders() -> Vec<Contender> {
    vec![
        Contender {
            name: "wasp lazy",
            load: wasp(wasp_core::CompilationMode::Lazy, true),
        },
        Contender {
            name: "wasp lazy, 1 thread",
            load: wasp(wasp_core::CompilationMode::Lazy, false),
        },
        Contender {
            name: "wasp eager",
            load: wasp(wasp_core::CompilationMode::Eager, true),
        },
        Contender {
            name: "wasp eager, 1 thread",
            load: wasp(wasp_core::CompilationMode::Eager, false),
        },
        Contender {
            name: "wasmi lazy",
            load: wasmi(wasmi::CompilationMode::LazyTranslation),
        },
        Contender {
            name: "wasmi eager",
            load: wasmi(wasmi::CompilationMode::Eager),
        },
        Contender {
            name: "wasmparser validation",
            load: validation_only(),
        },
    ]
}

/// The median over [`ROUNDS`] alternating rounds of each contender's time.
fn median_times(contenders: &[Contender]) -> Vec<Duration> {
    let mut times = vec![Vec::with_capacity(ROUNDS); contenders.len()];
    for _ in 0..ROUNDS {
        for (c, times) in contenders.iter().zip(&mut times) {
            let start = Instant::now();
            (c.load)(STARTUP_WASM);
            times.push(start.elapsed());
        }
    }
    times
        .into_iter()
        .map(|mut t| {
            t.sort_unstable();
            t[t.len() / 2]
        })
        .collect()
}

fn main() {
    let contenders = contenders();
    let bench = std::env::args().any(|a| a == "--bench");
    if cfg!(debug_assertions) || !bench {
        for c in &contenders {
            (c.load)(STARTUP_WASM);
        }
        eprintln!("startup: every engine accepts the module (time it with cargo bench)");
        return;
    }
    let times = median_times(&contenders);
    let of = |name: &str| {
        contenders
            .iter()
            .position(|c| c.name == name)
            .map(|i| times[i].as_secs_f64())
            .unwrap_or(f64::NAN)
    };
    println!(
        "\nstartup: Module::new of kernels/startup.wasm ({} bytes), median of {ROUNDS} rounds",
        STARTUP_WASM.len()
    );
    println!("| contender | time | / wasp eager |");
    println!("| --- | --- | --- |");
    for (c, t) in contenders.iter().zip(&times) {
        println!(
            "| {} | {t:.2?} | {:.2} |",
            c.name,
            t.as_secs_f64() / of("wasp eager")
        );
    }
    println!(
        "ratio startup: wasp eager/lazy = {:.2} (1 thread: {:.2}), wasp lazy / wasmi lazy = {:.2} \
         (1 thread: {:.2}), wasp eager / wasmi eager = {:.2} (1 thread: {:.2}), \
         validation share of wasp eager = {:.2}",
        of("wasp eager") / of("wasp lazy"),
        of("wasp eager, 1 thread") / of("wasp lazy, 1 thread"),
        of("wasp lazy") / of("wasmi lazy"),
        of("wasp lazy, 1 thread") / of("wasmi lazy"),
        of("wasp eager") / of("wasmi eager"),
        of("wasp eager, 1 thread") / of("wasmi eager"),
        of("wasmparser validation") / of("wasp eager, 1 thread"),
    );
}
