//! `wasp run --trace [--trace-func NAME] [--trace-limit N]`: every executed Wasm operator on
//! stderr.

use std::io::Write;

use wasp_core::Tracer;

use crate::cli::RunArgs;

/// The tracer `args` ask for, printing each step as a line on stderr; `None` without
/// `--trace`, `--trace-func` or `--trace-limit`.
pub fn tracer(args: &RunArgs) -> Option<Tracer> {
    if !args.trace && args.trace_func.is_none() && args.trace_limit.is_none() {
        return None;
    }
    let mut tracer = Tracer::new(|step| {
        // A closed stderr loses the trace, not the run.
        let _ = writeln!(std::io::stderr().lock(), "{step}");
    });
    if let Some(name) = &args.trace_func {
        tracer = tracer.only_function(name.clone());
    }
    if let Some(limit) = args.trace_limit {
        tracer = tracer.limit(limit);
    }
    Some(tracer)
}
