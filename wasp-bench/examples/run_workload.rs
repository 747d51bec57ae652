//! Runs one workload once in one engine, for counting instructions with
//! `valgrind --tool=callgrind` (see `callgrind.sh` beside `Cargo.toml`).
//!
//! `run_workload ENGINE WORKLOAD [--gas] [ARG]`: ENGINE is `wasp` or
//! `wasmi`, WORKLOAD a name from `wasp_bench::WORKLOADS`, `--gas` turns
//! metering on (Wasp's gas, wasmi's fuel), ARG replaces the workload's
//! benchmark argument. The module is translated and instantiated first;
//! only the call happens inside [`measured_call`], which callgrind is told
//! to count alone (`--collect-atstart=no --toggle-collect=*measured_call*`).
//! Prints the result and the wall-clock time of the call.

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

use wasp_bench::{Workload, WORKLOADS};

#[allow(dead_code)]
#[path = "../benches/runners/mod.rs"]
mod runners;
use runners::{Metering, Runner, WasmiRunner, WaspRunner};

/// Calls the workload once: the part callgrind counts.
#[inline(never)]
fn measured_call(runner: &mut dyn Runner) -> u64 {
    black_box(runner.call())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let metering = if args.iter().any(|a| a == "--gas") {
        Metering::On
    } else {
        Metering::Off
    };
    let positional: Vec<&String> = args.iter().filter(|a| *a != "--gas").collect();
    let (Some(engine), Some(name)) = (positional.first(), positional.get(1)) else {
        eprintln!("usage: run_workload wasp|wasmi WORKLOAD [--gas] [ARG]");
        return ExitCode::from(2);
    };
    let Some(base) = WORKLOADS.iter().find(|w| w.name == name.as_str()) else {
        let names: Vec<&str> = WORKLOADS.iter().map(|w| w.name).collect();
        eprintln!(
            "unknown workload {name}; expected one of {}",
            names.join(", ")
        );
        return ExitCode::from(2);
    };
    let mut workload = *base;
    if let Some(arg) = positional.get(2) {
        let Ok(arg) = arg.parse() else {
            eprintln!("ARG must be a u32, found {arg}");
            return ExitCode::from(2);
        };
        workload.bench_arg = arg;
    }
    let workload: &'static Workload = Box::leak(Box::new(workload));
    let mut runner: Box<dyn Runner> = match engine.as_str() {
        "wasp" => Box::new(WaspRunner::new(workload, metering)),
        "wasmi" => Box::new(WasmiRunner::new(workload, metering)),
        other => {
            eprintln!("unknown engine {other}; expected wasp or wasmi");
            return ExitCode::from(2);
        }
    };
    runner.refill();
    let start = Instant::now();
    let result = measured_call(runner.as_mut());
    let elapsed = start.elapsed();
    println!(
        "{engine} {name}({}) = {result} in {elapsed:.2?}",
        workload.bench_arg
    );
    ExitCode::SUCCESS
}
