//! Checks the bundled example modules: each parses with `wat`, and Wasp and
//! wasmi both return what the plain Rust reference computes, for small
//! arguments and for sizes that grow memory (the benchmarks check their own,
//! larger arguments), with metering (Wasp's gas, wasmi's fuel) off and on.
//! Also checks the generated translation-benchmark module.

use wasp_bench::{generated_module_wat, ResultType, Source, Workload, GAS_PER_CALL, WORKLOADS};

/// The binary encoding of a workload's module.
fn to_wasm(source: Source) -> Vec<u8> {
    match source {
        Source::Wat(wat) => wat::parse_str(wat).unwrap(),
        Source::Wasm(wasm) => wasm.to_vec(),
    }
}

/// Small arguments to call every workload with, including edge cases.
const ARGS: &[u32] = &[0, 1, 2, 3, 10, 17, 100, 1000];

/// The arguments of [`ARGS`] that `workload` finishes quickly with (naive
/// Fibonacci is exponential in its argument; a SIMD kernel's step is a
/// whole pass over its data, a JSON round a whole document).
fn small_args(workload: &Workload) -> Vec<u32> {
    let limit = match workload.name {
        "fib" => 20,
        "coremark" => 2,
        "json" => 17,
        "simd_checksum" | "simd_matmul" | "simd_blur" => 100,
        _ => u32::MAX,
    };
    ARGS.iter().copied().filter(|&n| n <= limit).collect()
}

/// Calls `workload`'s export with each argument in Wasp, with gas metering
/// on if `metered` (and [`GAS_PER_CALL`] gas before each call).
fn wasp_results(workload: &Workload, args: &[u32], metered: bool) -> Vec<u64> {
    let mut config = wasp_core::Config::default();
    config.gas_metering(metered);
    let engine = wasp_core::Engine::new(&config);
    let module = wasp_core::Module::new(&engine, to_wasm(workload.source)).unwrap();
    let mut store = wasp_core::Store::new(&engine, ());
    let mut linker = wasp_core::Linker::new(&engine);
    linker.func_wrap("env", "clock_ms", || 0i32).unwrap();
    let instance = linker.instantiate(&mut store, &module).unwrap();
    let refill = |store: &mut wasp_core::Store<()>| {
        if metered {
            store.set_gas(GAS_PER_CALL).unwrap();
        }
    };
    match workload.result {
        ResultType::I32 => {
            let func = instance
                .get_typed_func::<i32, i32>(&store, workload.export)
                .unwrap();
            args.iter()
                .map(|&n| {
                    refill(&mut store);
                    u64::from(func.call(&mut store, n as i32).unwrap() as u32)
                })
                .collect()
        }
        ResultType::I64 => {
            let func = instance
                .get_typed_func::<i32, i64>(&store, workload.export)
                .unwrap();
            args.iter()
                .map(|&n| {
                    refill(&mut store);
                    func.call(&mut store, n as i32).unwrap() as u64
                })
                .collect()
        }
    }
}

/// Calls `workload`'s export with each argument in wasmi, with fuel
/// metering on if `metered` (and [`GAS_PER_CALL`] fuel before each call).
fn wasmi_results(workload: &Workload, args: &[u32], metered: bool) -> Vec<u64> {
    let mut config = wasmi::Config::default();
    config.consume_fuel(metered);
    let engine = wasmi::Engine::new(&config);
    let module = wasmi::Module::new(&engine, to_wasm(workload.source)).unwrap();
    let mut store = wasmi::Store::new(&engine, ());
    let mut linker = wasmi::Linker::new(&engine);
    linker.func_wrap("env", "clock_ms", || 0i32).unwrap();
    let instance = linker.instantiate_and_start(&mut store, &module).unwrap();
    let refill = |store: &mut wasmi::Store<()>| {
        if metered {
            store.set_fuel(GAS_PER_CALL).unwrap();
        }
    };
    match workload.result {
        ResultType::I32 => {
            let func = instance
                .get_typed_func::<i32, i32>(&store, workload.export)
                .unwrap();
            args.iter()
                .map(|&n| {
                    refill(&mut store);
                    u64::from(func.call(&mut store, n as i32).unwrap() as u32)
                })
                .collect()
        }
        ResultType::I64 => {
            let func = instance
                .get_typed_func::<i32, i64>(&store, workload.export)
                .unwrap();
            args.iter()
                .map(|&n| {
                    refill(&mut store);
                    func.call(&mut store, n as i32).unwrap() as u64
                })
                .collect()
        }
    }
}

/// The reference results for each argument: the plain Rust reference's,
/// or, for a kernel without one, wasmi's without metering (so that Wasp is
/// checked against wasmi, and wasmi with fuel against itself without).
fn expected(workload: &Workload, args: &[u32]) -> Vec<u64> {
    match workload.reference {
        Some(reference) => args.iter().map(|&n| reference(n)).collect(),
        None => wasmi_results(workload, args, false),
    }
}

#[test]
fn modules_parse_and_import_at_most_the_clock() {
    for workload in WORKLOADS {
        let wasm = to_wasm(workload.source);
        let engine = wasmi::Engine::default();
        let module = wasmi::Module::new(&engine, &wasm)
            .unwrap_or_else(|e| panic!("{} does not validate: {e}", workload.name));
        for import in module.imports() {
            assert_eq!(
                (import.module(), import.name()),
                ("env", "clock_ms"),
                "{} imports something other than the clock",
                workload.name
            );
        }
    }
}

#[test]
fn kernels_without_reference_give_distinct_results() {
    // A kernel checked only against wasmi must still compute something:
    // different arguments give different results.
    for workload in WORKLOADS.iter().filter(|w| w.reference.is_none()) {
        let results = wasp_results(workload, &[200, 2000], false);
        assert_ne!(results[0], results[1], "{}", workload.name);
    }
}

#[test]
fn reference_spot_values() {
    use wasp_bench::reference;
    assert_eq!(reference::fib(25), 75025);
    assert_eq!(reference::sieve(1_000_000), 78498);
    assert_eq!(reference::sieve(100), 25);
    assert_eq!(reference::run(2), 6);
    assert_eq!(reference::sort(0), 0);
    assert_eq!(reference::multi_value(0), 36);
    assert_eq!(reference::multi_value(1), 36);
    assert_eq!(reference::multi_value(2), 37);
    assert_eq!(reference::loop_params(0), 0);
    assert_eq!(reference::loop_params(1), 24604);
}

/// The argument lists each engine is checked with: [`small_args`], and for
/// the memory workloads a size that needs memory.grow, then a small size
/// (which must not see stale data), then the large size again.
fn arg_lists(workload: &Workload) -> Vec<Vec<u32>> {
    let mut lists = vec![small_args(workload)];
    // 200_000 flag bytes and 20_000 * 4 value bytes both exceed the single
    // initial page.
    match workload.name {
        "sieve" => lists.push(vec![200_000, 100, 200_000]),
        "sort" => lists.push(vec![20_000, 100, 20_000]),
        _ => {}
    }
    lists
}

/// The arguments the generated module's `run` export is called with.
const GENERATED_ARGS: &[i32] = &[0, 1, 5, 100];

/// What `run` returns for [`GENERATED_ARGS`] in `generated_module_wat(50)`
/// (as computed by wasmi).
const GENERATED_EXPECTED: &[i32] = &[18567, 80734, 27574, 1659733608];

#[test]
fn wasp_matches_reference() {
    for workload in WORKLOADS {
        for args in arg_lists(workload) {
            for metered in [false, true] {
                assert_eq!(
                    wasp_results(workload, &args, metered),
                    expected(workload, &args),
                    "{} (metered: {metered})",
                    workload.name
                );
            }
        }
    }
}

#[test]
fn wasmi_matches_reference() {
    for workload in WORKLOADS {
        for args in arg_lists(workload) {
            for metered in [false, true] {
                assert_eq!(
                    wasmi_results(workload, &args, metered),
                    expected(workload, &args),
                    "{} (metered: {metered})",
                    workload.name
                );
            }
        }
    }
}

/// The generated module's `run` results in Wasp.
fn generated_in_wasp(wasm: &[u8]) -> Vec<i32> {
    let engine = wasp_core::Engine::default();
    let module = wasp_core::Module::new(&engine, wasm).unwrap();
    let mut store = wasp_core::Store::new(&engine, ());
    let instance = wasp_core::Linker::new(&engine)
        .instantiate(&mut store, &module)
        .unwrap();
    let run = instance.get_typed_func::<i32, i32>(&store, "run").unwrap();
    GENERATED_ARGS
        .iter()
        .map(|&n| run.call(&mut store, n).unwrap())
        .collect()
}

/// The generated module's `run` results in wasmi.
fn generated_in_wasmi(wasm: &[u8]) -> Vec<i32> {
    let engine = wasmi::Engine::default();
    let module = wasmi::Module::new(&engine, wasm).unwrap();
    let mut store = wasmi::Store::new(&engine, ());
    let instance = wasmi::Linker::new(&engine)
        .instantiate_and_start(&mut store, &module)
        .unwrap();
    let run = instance.get_typed_func::<i32, i32>(&store, "run").unwrap();
    GENERATED_ARGS
        .iter()
        .map(|&n| run.call(&mut store, n).unwrap())
        .collect()
}

#[test]
fn generated_module_runs_in_wasp() {
    let wasm = wat::parse_str(generated_module_wat(50)).unwrap();
    assert_eq!(generated_in_wasp(&wasm), GENERATED_EXPECTED);
}

#[test]
fn generated_module_runs_in_wasmi() {
    let wasm = wat::parse_str(generated_module_wat(50)).unwrap();
    assert_eq!(generated_in_wasmi(&wasm), GENERATED_EXPECTED);
}
