//! Running one module on both engines in lockstep and listing every difference: the exports
//! each engine lists, the outcome of instantiation, of each call, and the exported memories,
//! globals and tables after each.

use std::collections::BTreeMap;

use super::values::{argument, same_outcome, show, Failure, Kind, Value, ARG_SETS};
use super::wasmi_side::{WasmiInstance, WasmiModule};
use super::wasp_side::{Export, WaspInstance, WaspModule};

/// What running a module on both engines found.
#[derive(Debug, Default)]
pub struct Run {
    /// Calls made (on each engine).
    pub calls: usize,
    /// Calls that returned on both engines, with the same results.
    pub returned: usize,
    /// Calls that trapped on both engines with the same kind, by kind.
    pub traps: BTreeMap<String, usize>,
    /// Calls whose results were NaNs with different bits on the two engines (which the
    /// specification allows; counted to show how often it happens).
    pub nan_bit_differences: usize,
    /// Whether instantiation failed on both engines, the same way.
    pub instantiation_failed: bool,
    /// The message of a panic of wasmi, which ends the comparison of the module (the
    /// problems found before it stay).
    pub peer_panic: Option<String>,
    /// Every difference, described.
    pub problems: Vec<String>,
}

/// Runs the module on both engines: each exported function in a fresh pair of instances,
/// called with every argument set in turn, comparing outcomes and exported state. The
/// engines must list the same exports with the same types.
pub fn compare(wasp: &WaspModule, wasmi: &WasmiModule) -> Run {
    let mut run = Run::default();
    let (ours, theirs) = (wasp.export_list(), wasmi.export_list());
    if ours != theirs {
        run.problems
            .push(format!("exports: wasp {ours:?}, wasmi {theirs:?}"));
        return run;
    }
    let exports = wasp.exports();
    let Some((a, b)) = instantiate(wasp, wasmi, &mut run) else {
        return run;
    };
    if let Some(problem) = state_difference(&exports, &a, &b) {
        run.problems.push(format!("after instantiation: {problem}"));
        return run;
    }
    for export in &exports {
        if let Export::Func(name, kinds) = export {
            compare_func(wasp, wasmi, &exports, (name, kinds), &mut run);
        }
        if run.peer_panic.is_some() {
            break;
        }
    }
    run
}

/// Runs every exported function of a module on Wasp alone, as [`compare`] would, for a
/// module the peer cannot run: Wasp must still not panic. Returns the calls made.
pub fn run_alone(wasp: &WaspModule) -> usize {
    let mut calls = 0;
    for export in wasp.exports() {
        let Export::Func(name, kinds) = export else {
            continue;
        };
        for set in 0..ARG_SETS {
            let Ok(mut instance) = wasp.instantiate() else {
                return calls;
            };
            let args: Vec<Value> = kinds.iter().map(|k| argument(*k, set)).collect();
            let _ = instance.call(&name, &args);
            calls += 1;
        }
    }
    calls
}

fn instantiate(
    wasp: &WaspModule,
    wasmi: &WasmiModule,
    run: &mut Run,
) -> Option<(WaspInstance, WasmiInstance)> {
    match (wasp.instantiate(), wasmi.instantiate()) {
        (Ok(a), Ok(b)) => Some((a, b)),
        (_, Err(Failure::PeerPanic(message))) => {
            run.peer_panic = Some(message);
            None
        }
        (Err(a), Err(b)) if a.same(&b) => {
            run.instantiation_failed = true;
            None
        }
        (a, b) => {
            let describe = |failed: Option<Failure>| {
                failed.map_or_else(|| "instantiated".to_string(), |f| format!("{f:?}"))
            };
            run.problems.push(format!(
                "instantiation: wasp {}, wasmi {}",
                describe(a.err()),
                describe(b.err())
            ));
            None
        }
    }
}

/// Calls `name` with each argument set in turn on one pair of instances, so that state
/// carries over from call to call, except after a trap: then the next call gets fresh
/// instances (a trap is often the fuel running out, which would make every later call
/// trap at once).
fn compare_func(
    wasp: &WaspModule,
    wasmi: &WasmiModule,
    exports: &[Export],
    (name, kinds): (&str, &[Kind]),
    run: &mut Run,
) {
    let mut pair = None;
    for set in 0..ARG_SETS {
        if pair.is_none() {
            pair = instantiate(wasp, wasmi, run);
        }
        let Some((a, b)) = pair.as_mut() else {
            return;
        };
        let args: Vec<Value> = kinds.iter().map(|k| argument(*k, set)).collect();
        let (x, y) = (a.call(name, &args), b.call(name, &args));
        run.calls += 1;
        if let Err(Failure::PeerPanic(message)) = y {
            run.peer_panic = Some(message);
            return;
        }
        let call = || format!("call {name}({})", render(&args));
        if !same_outcome(&x, &y) {
            let (x, y) = (show(&x), show(&y));
            run.problems
                .push(format!("{}: wasp {x}, wasmi {y}", call()));
            return;
        }
        run.nan_bit_differences += usize::from(x != y);
        run.returned += usize::from(x.is_ok());
        if let Some(problem) = state_difference(exports, a, b) {
            run.problems.push(format!("after {}: {problem}", call()));
            return;
        }
        if let Err(Failure::Trap(kind)) = &x {
            *run.traps.entry(format!("{kind:?}")).or_default() += 1;
            pair = None;
        }
    }
}

fn render(args: &[Value]) -> String {
    let parts: Vec<String> = args.iter().map(Value::to_string).collect();
    parts.join(", ")
}

/// The first difference between the exported memories, globals and tables, if any. An
/// export that one instance does not return is a difference.
fn state_difference(exports: &[Export], a: &WaspInstance, b: &WasmiInstance) -> Option<String> {
    exports.iter().find_map(|export| match export {
        Export::Memory(name) => match (a.memory(name), b.memory(name)) {
            (Some(x), Some(y)) => memory_difference(name, x, y),
            (x, y) => Some(missing("memory", name, x.is_some(), y.is_some())),
        },
        Export::Global(name) => match (a.global(name), b.global(name)) {
            (Some(x), Some(y)) => {
                (!x.same(y)).then(|| format!("global {name}: wasp {x}, wasmi {y}"))
            }
            (x, y) => Some(missing("global", name, x.is_some(), y.is_some())),
        },
        Export::Table(name) => match (a.table(name), b.table(name)) {
            (Some(x), Some(y)) => (x != y).then(|| table_difference(name, &x, &y)),
            (x, y) => Some(missing("table", name, x.is_some(), y.is_some())),
        },
        Export::Func(..) => None,
    })
}

fn missing(what: &str, name: &str, on_wasp: bool, on_wasmi: bool) -> String {
    let found = |yes: bool| if yes { "found" } else { "missing" };
    format!(
        "exported {what} {name}: {} on wasp, {} on wasmi",
        found(on_wasp),
        found(on_wasmi)
    )
}

fn memory_difference(name: &str, x: &[u8], y: &[u8]) -> Option<String> {
    if x.len() != y.len() {
        return Some(format!(
            "memory {name} size: wasp {} bytes, wasmi {} bytes",
            x.len(),
            y.len()
        ));
    }
    let at = x.iter().zip(y).position(|(a, b)| a != b)?;
    let end = (at + 8).min(x.len());
    Some(format!(
        "memory {name} at {at:#x}: wasp {:02x?}, wasmi {:02x?}",
        &x[at..end],
        &y[at..end]
    ))
}

fn table_difference(name: &str, x: &[bool], y: &[bool]) -> String {
    if x.len() != y.len() {
        return format!("table {name} size: wasp {}, wasmi {}", x.len(), y.len());
    }
    let at = x.iter().zip(y).position(|(a, b)| a != b).unwrap_or(0);
    format!("table {name}[{at}] null: wasp {}, wasmi {}", x[at], y[at])
}
