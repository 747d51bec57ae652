//! Checks the bundled example modules: each parses with `wat`, and Wasp and
//! wasmi both return what the plain Rust reference computes, for small
//! arguments (the benchmarks check their own, larger arguments).

use wasp_bench::{generated_module_wat, ResultType, Workload, WORKLOADS};

/// Small arguments to call every workload with, including edge cases.
const ARGS: &[u32] = &[0, 1, 2, 3, 10, 17, 100, 1000];

/// Calls `workload`'s export with each argument in Wasp.
fn wasp_results(workload: &Workload, args: &[u32]) -> Vec<u64> {
    let engine = wasp_core::Engine::default();
    let module = wasp_core::Module::new(&engine, wat::parse_str(workload.wat).unwrap()).unwrap();
    let mut store = wasp_core::Store::new(&engine, ());
    let instance = wasp_core::Linker::new(&engine)
        .instantiate(&mut store, &module)
        .unwrap();
    match workload.result {
        ResultType::I32 => {
            let func = instance
                .get_typed_func::<i32, i32>(&store, workload.export)
                .unwrap();
            args.iter()
                .map(|&n| u64::from(func.call(&mut store, n as i32).unwrap() as u32))
                .collect()
        }
        ResultType::I64 => {
            let func = instance
                .get_typed_func::<i32, i64>(&store, workload.export)
                .unwrap();
            args.iter()
                .map(|&n| func.call(&mut store, n as i32).unwrap() as u64)
                .collect()
        }
    }
}

/// Calls `workload`'s export with each argument in wasmi.
fn wasmi_results(workload: &Workload, args: &[u32]) -> Vec<u64> {
    let engine = wasmi::Engine::default();
    let module = wasmi::Module::new(&engine, wat::parse_str(workload.wat).unwrap()).unwrap();
    let mut store = wasmi::Store::new(&engine, ());
    let instance = wasmi::Linker::new(&engine)
        .instantiate_and_start(&mut store, &module)
        .unwrap();
    match workload.result {
        ResultType::I32 => {
            let func = instance
                .get_typed_func::<i32, i32>(&store, workload.export)
                .unwrap();
            args.iter()
                .map(|&n| u64::from(func.call(&mut store, n as i32).unwrap() as u32))
                .collect()
        }
        ResultType::I64 => {
            let func = instance
                .get_typed_func::<i32, i64>(&store, workload.export)
                .unwrap();
            args.iter()
                .map(|&n| func.call(&mut store, n as i32).unwrap() as u64)
                .collect()
        }
    }
}

/// The reference results for each argument.
fn expected(workload: &Workload, args: &[u32]) -> Vec<u64> {
    args.iter().map(|&n| (workload.reference)(n)).collect()
}

#[test]
fn modules_parse_and_have_no_imports() {
    for workload in WORKLOADS {
        let wasm = wat::parse_str(workload.wat)
            .unwrap_or_else(|e| panic!("{}.wat does not parse: {e}", workload.name));
        let engine = wasmi::Engine::default();
        let module = wasmi::Module::new(&engine, &wasm).unwrap();
        assert_eq!(module.imports().count(), 0, "{} has imports", workload.name);
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
}

#[test]
fn wasmi_matches_reference() {
    for workload in WORKLOADS {
        assert_eq!(
            wasmi_results(workload, ARGS),
            expected(workload, ARGS),
            "{}",
            workload.name
        );
    }
}

#[test]
fn wasp_matches_reference() {
    for workload in WORKLOADS {
        assert_eq!(
            wasp_results(workload, ARGS),
            expected(workload, ARGS),
            "{}",
            workload.name
        );
    }
}

#[test]
fn memory_workloads_grow_memory() {
    // 200_000 bytes of flags and 20_000 * 4 bytes of values both need more
    // than the initial single page.
    for (name, arg) in [("sieve", 200_000), ("sort", 20_000)] {
        let workload = WORKLOADS.iter().find(|w| w.name == name).unwrap();
        let args = [arg, 100, arg];
        let expected = expected(workload, &args);
        assert_eq!(wasmi_results(workload, &args), expected, "wasmi {name}");
        assert_eq!(wasp_results(workload, &args), expected, "wasp {name}");
    }
}

#[test]
fn generated_module_runs_the_same_in_both_engines() {
    let wasm = wat::parse_str(generated_module_wat(50)).unwrap();
    let args = [0, 1, 5, 100];

    let engine = wasmi::Engine::default();
    let module = wasmi::Module::new(&engine, &wasm).unwrap();
    let mut store = wasmi::Store::new(&engine, ());
    let instance = wasmi::Linker::new(&engine)
        .instantiate_and_start(&mut store, &module)
        .unwrap();
    let run = instance.get_typed_func::<i32, i32>(&store, "run").unwrap();
    let wasmi: Vec<i32> = args
        .iter()
        .map(|&n| run.call(&mut store, n).unwrap())
        .collect();

    let engine = wasp_core::Engine::default();
    let module = wasp_core::Module::new(&engine, &wasm).unwrap();
    let mut store = wasp_core::Store::new(&engine, ());
    let instance = wasp_core::Linker::new(&engine)
        .instantiate(&mut store, &module)
        .unwrap();
    let run = instance.get_typed_func::<i32, i32>(&store, "run").unwrap();
    let wasp: Vec<i32> = args
        .iter()
        .map(|&n| run.call(&mut store, n).unwrap())
        .collect();

    assert_eq!(wasp, wasmi);
}
