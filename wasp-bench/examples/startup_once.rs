//! Creates the startup benchmark's module once, for counting instructions with
//! `valgrind --tool=callgrind` (`--collect-atstart=no --toggle-collect=*measured_new*`).
//!
//! `startup_once ENGINE MODE [--instantiate] [--serial]`: ENGINE is `wasp` or `wasmi`,
//! MODE `lazy` or `eager`; `--serial` turns Wasp's parallel compilation off (callgrind
//! counts only the thread that calls `measured_new_*`); `startup_once wasmparser` validates the module with wasmparser alone; `--instantiate` also instantiates the module inside the counted part (its WASI
//! imports given host functions that do nothing: nothing calls them).
//! Prints the wall-clock time of the counted part.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

use wasp_bench::STARTUP_WASM;

/// Creates (and maybe instantiates) the module once in Wasp: the part callgrind counts.
#[inline(never)]
fn measured_new_wasp(engine: &wasp_core::Engine, instantiate: bool) {
    let module = wasp_core::Module::new(engine, black_box(STARTUP_WASM))
        .expect("wasp accepts the startup module");
    if instantiate {
        let mut store = wasp_core::Store::new(engine, ());
        let mut linker = wasp_core::Linker::new(engine);
        for import in module.imports() {
            if let wasp_core::ExternType::Func(ty) = import.ty() {
                linker
                    .func_new(import.module(), import.name(), ty.clone(), |_, _, _| Ok(()))
                    .expect("each import is defined once");
            }
        }
        let instance = linker.instantiate(&mut store, &module);
        black_box(instance.expect("wasp instantiates the startup module"));
    }
    black_box(module);
}

/// As [`measured_new_wasp`], in wasmi.
#[inline(never)]
fn measured_new_wasmi(engine: &wasmi::Engine, instantiate: bool) {
    let module = wasmi::Module::new(engine, black_box(STARTUP_WASM))
        .expect("wasmi accepts the startup module");
    if instantiate {
        let mut store = wasmi::Store::new(engine, ());
        let mut linker = wasmi::Linker::new(engine);
        for import in module.imports() {
            if let wasmi::ExternType::Func(ty) = import.ty() {
                linker
                    .func_new(import.module(), import.name(), ty.clone(), |_, _, _| Ok(()))
                    .expect("each import is defined once");
            }
        }
        let instance = linker.instantiate_and_start(&mut store, &module);
        black_box(instance.expect("wasmi instantiates the startup module"));
    }
    black_box(module);
}

/// wasmparser's validation of the module alone, with the proposals Wasp enables by
/// default: the floor under lazy compilation.
#[inline(never)]
fn measured_new_wasmparser() {
    use wasmparser::WasmFeatures as F;
    let features = F::WASM2
        | F::RELAXED_SIMD
        | F::TAIL_CALL
        | F::EXTENDED_CONST
        | F::WIDE_ARITHMETIC
        | F::CUSTOM_PAGE_SIZES
        | F::MULTI_MEMORY
        | F::MEMORY64;
    let mut validator = wasmparser::Validator::new_with_features(features);
    let types = validator.validate_all(black_box(STARTUP_WASM));
    black_box(types.expect("the startup module is valid"));
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let instantiate = args.iter().any(|a| a == "--instantiate");
    let serial = args.iter().any(|a| a == "--serial");
    let positional: Vec<&str> = args
        .iter()
        .map(String::as_str)
        .filter(|a| !a.starts_with("--"))
        .collect();
    match positional.as_slice() {
        ["wasp", mode @ ("lazy" | "eager")] => {
            let mut config = wasp_core::Config::default();
            config.compilation_mode(if *mode == "lazy" {
                wasp_core::CompilationMode::Lazy
            } else {
                wasp_core::CompilationMode::Eager
            });
            config.parallel_compilation(!serial);
            let engine = wasp_core::Engine::new(&config);
            let start = Instant::now();
            measured_new_wasp(&engine, instantiate);
            eprintln!("{:.2?}", start.elapsed());
        }
        ["wasmi", mode @ ("lazy" | "eager")] => {
            let mut config = wasmi::Config::default();
            config.compilation_mode(if *mode == "lazy" {
                wasmi::CompilationMode::LazyTranslation
            } else {
                wasmi::CompilationMode::Eager
            });
            let engine = wasmi::Engine::new(&config);
            let start = Instant::now();
            measured_new_wasmi(&engine, instantiate);
            eprintln!("{:.2?}", start.elapsed());
        }
        ["wasmparser"] => {
            let start = Instant::now();
            measured_new_wasmparser();
            eprintln!("{:.2?}", start.elapsed());
        }
        _ => {
            eprintln!(
                "usage: startup_once wasp|wasmi lazy|eager [--instantiate] [--serial] | wasmparser"
            );
            return ExitCode::from(2);
        }
    }
    ExitCode::SUCCESS
}
