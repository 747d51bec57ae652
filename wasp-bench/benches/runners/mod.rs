//! The workloads instantiated in each engine, with and without metering:
//! shared by the `vs_wasmi` benchmark and the `run_workload` example (which
//! runs one workload once, for `valgrind --tool=callgrind`).

use std::hint::black_box;

use wasp_bench::{ResultType, Source, Workload, GAS_PER_CALL};

/// Whether an engine meters the calls it runs: gas in Wasp, fuel in wasmi.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Metering {
    Off,
    On,
}

/// The binary encoding of a workload's module.
pub fn to_wasm(source: Source) -> Vec<u8> {
    match source {
        Source::Wat(wat) => wat::parse_str(wat).expect("bundled module is valid WebAssembly text"),
        Source::Wasm(wasm) => wasm.to_vec(),
    }
}

/// A wasmi engine that translates eagerly and meters fuel if asked to.
pub fn wasmi_engine(metering: Metering) -> wasmi::Engine {
    let mut config = wasmi::Config::default();
    config.compilation_mode(wasmi::CompilationMode::Eager);
    config.consume_fuel(metering == Metering::On);
    config.wasm_tail_call(true);
    wasmi::Engine::new(&config)
}

/// A Wasp engine that translates every function in `Module::new`, as wasmi's
/// [`wasmi_engine`] does, and meters gas if asked to: a measured call times execution
/// alone (with the default lazy compilation a single call would include translating the
/// functions it reaches), and the translation benchmarks compare like with like.
pub fn wasp_engine(metering: Metering) -> wasp_core::Engine {
    let mut config = wasp_core::Config::default();
    config.compilation_mode(wasp_core::CompilationMode::Eager);
    config.gas_metering(metering == Metering::On);
    wasp_core::Engine::new(&config)
}

/// A workload instantiated in one engine, with or without metering.
pub trait Runner {
    /// With metering on, gives the store [`GAS_PER_CALL`] gas or fuel; does
    /// nothing otherwise. The benchmarks run it before every call, outside
    /// the timed part.
    fn refill(&mut self);

    /// Runs the export once with the workload's benchmark argument and
    /// returns its result's bits zero-extended to `u64`.
    fn call(&mut self) -> u64;

    /// The gas or fuel left in the store, with metering on.
    fn gas_left(&self) -> Option<u64>;
}

/// A workload's export in Wasp, typed by its result.
enum WaspExport {
    I32(wasp_core::TypedFunc<i32, i32>),
    I64(wasp_core::TypedFunc<i32, i64>),
}

/// A workload instantiated in Wasp.
pub struct WaspRunner {
    pub workload: &'static Workload,
    metering: Metering,
    store: wasp_core::Store<()>,
    export: WaspExport,
}

impl WaspRunner {
    /// Translates and instantiates `workload` in Wasp.
    pub fn new(workload: &'static Workload, metering: Metering) -> Self {
        let name = workload.name;
        let engine = wasp_engine(metering);
        let module = wasp_core::Module::new(&engine, to_wasm(workload.source))
            .unwrap_or_else(|e| panic!("wasp: translating {name}: {e}"));
        let mut store = wasp_core::Store::new(&engine, ());
        let mut linker = wasp_core::Linker::new(&engine);
        linker
            .func_wrap("env", "clock_ms", || 0i32)
            .expect("wasp: defining env.clock_ms");
        let instance = linker
            .instantiate(&mut store, &module)
            .unwrap_or_else(|e| panic!("wasp: instantiating {name}: {e}"));
        let export = match workload.result {
            ResultType::I32 => instance
                .get_typed_func(&store, workload.export)
                .map(WaspExport::I32),
            ResultType::I64 => instance
                .get_typed_func(&store, workload.export)
                .map(WaspExport::I64),
        };
        let export = export.unwrap_or_else(|e| panic!("wasp: export of {name}: {e}"));
        WaspRunner {
            workload,
            metering,
            store,
            export,
        }
    }
}

impl Runner for WaspRunner {
    fn refill(&mut self) {
        if self.metering == Metering::On {
            self.store
                .set_gas(GAS_PER_CALL)
                .expect("wasp: the engine meters gas");
        }
    }

    fn call(&mut self) -> u64 {
        let arg = black_box(self.workload.bench_arg as i32);
        let result = match self.export {
            WaspExport::I32(func) => func.call(&mut self.store, arg).map(|r| u64::from(r as u32)),
            WaspExport::I64(func) => func.call(&mut self.store, arg).map(|r| r as u64),
        };
        result.unwrap_or_else(|e| panic!("wasp: {}: {e}", self.workload.name))
    }

    fn gas_left(&self) -> Option<u64> {
        self.store.gas_left().ok()
    }
}

/// A workload's export in wasmi, typed by its result.
enum WasmiExport {
    I32(wasmi::TypedFunc<i32, i32>),
    I64(wasmi::TypedFunc<i32, i64>),
}

/// A workload instantiated in wasmi.
pub struct WasmiRunner {
    pub workload: &'static Workload,
    metering: Metering,
    store: wasmi::Store<()>,
    export: WasmiExport,
}

impl WasmiRunner {
    /// Translates and instantiates `workload` in wasmi.
    pub fn new(workload: &'static Workload, metering: Metering) -> Self {
        let name = workload.name;
        let engine = wasmi_engine(metering);
        let module = wasmi::Module::new(&engine, to_wasm(workload.source))
            .unwrap_or_else(|e| panic!("wasmi: translating {name}: {e}"));
        let mut store = wasmi::Store::new(&engine, ());
        let mut linker = wasmi::Linker::new(&engine);
        linker
            .func_wrap("env", "clock_ms", || 0i32)
            .expect("wasmi: defining env.clock_ms");
        let instance = linker
            .instantiate_and_start(&mut store, &module)
            .unwrap_or_else(|e| panic!("wasmi: instantiating {name}: {e}"));
        let export = match workload.result {
            ResultType::I32 => instance
                .get_typed_func(&store, workload.export)
                .map(WasmiExport::I32),
            ResultType::I64 => instance
                .get_typed_func(&store, workload.export)
                .map(WasmiExport::I64),
        };
        let export = export.unwrap_or_else(|e| panic!("wasmi: export of {name}: {e}"));
        WasmiRunner {
            workload,
            metering,
            store,
            export,
        }
    }
}

impl Runner for WasmiRunner {
    fn refill(&mut self) {
        if self.metering == Metering::On {
            self.store
                .set_fuel(GAS_PER_CALL)
                .expect("wasmi: the engine meters fuel");
        }
    }

    fn call(&mut self) -> u64 {
        let arg = black_box(self.workload.bench_arg as i32);
        let result = match self.export {
            WasmiExport::I32(func) => func.call(&mut self.store, arg).map(|r| u64::from(r as u32)),
            WasmiExport::I64(func) => func.call(&mut self.store, arg).map(|r| r as u64),
        };
        result.unwrap_or_else(|e| panic!("wasmi: {}: {e}", self.workload.name))
    }

    fn gas_left(&self) -> Option<u64> {
        self.store.get_fuel().ok()
    }
}
