//! Driving a call: runs the interpreter and calls host functions when it asks for them.

use super::Caller;
use crate::engine::executor::{execute, execute_traced, Exit, Limits, Stack};
use crate::error::{Error, TrapCode, UsageError};
use crate::store::{FuncEntity, Store};
use crate::value::Val;

/// A host call the interpreter asked for: arguments (then results) at `values[base..]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct HostCall {
    pub(crate) func: u32,
    pub(crate) base: usize,
    /// The call was a `return_call`: the top frame returns once it is done.
    pub(crate) tail: bool,
}

/// Why a run stopped before its outermost frame returned.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Suspension {
    /// Gas ran out; `host` is a host call that has not started yet.
    OutOfGas { needed: u64, host: Option<HostCall> },
    /// A host function yielded `value`; resuming supplies that call's results.
    Yielded { value: Val, host: HostCall },
    /// The store's interrupt flag was raised; the top frame continues at its `pc`, a bulk
    /// operation there having done `progress` items.
    Interrupted { progress: u64 },
}

/// How a run ended.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum RunEnd {
    Done,
    Suspended(Suspension),
}

/// Calls store function `func` with `args` (slot encoding) and returns `num_results` result
/// slots. Types must have been checked by the caller. Pausing is an error here.
pub(crate) fn call_slots<T>(
    store: &mut Store<T>,
    func: u32,
    args: &[u64],
    num_results: usize,
) -> Result<Vec<u64>, Error> {
    let mut stack = store.inner.spare_stack.take().unwrap_or_default();
    let outcome = start(store, func, &mut stack, args, num_results);
    let results = match outcome {
        Ok(RunEnd::Done) => stack.values[..num_results].to_vec(),
        _ => Vec::new(),
    };
    let end = match outcome {
        Ok(RunEnd::Done) => Ok(results),
        Ok(RunEnd::Suspended(Suspension::OutOfGas { .. })) => Err(with_backtrace(
            store,
            &stack,
            TrapCode::OutOfGas.into(),
            true,
        )),
        Ok(RunEnd::Suspended(Suspension::Yielded { .. })) => {
            Err(UsageError::YieldOutsideResumable.into())
        }
        Ok(RunEnd::Suspended(Suspension::Interrupted { .. })) => Err(with_backtrace(
            store,
            &stack,
            TrapCode::Interrupted.into(),
            true,
        )),
        Err(e) => Err(e),
    };
    stack.frames.clear();
    store.inner.spare_stack = Some(stack);
    end
}

/// Adds the Wasm frames of `stack` to the backtrace of `error` when it is a trap. With
/// `top_exact`, the innermost frame's pc is the instruction to run next (a pause), otherwise
/// it is just past the trapping instruction or call. Runs only once a call has failed.
#[cold]
pub(crate) fn with_backtrace<T>(
    store: &Store<T>,
    stack: &Stack,
    mut error: Error,
    top_exact: bool,
) -> Error {
    if let Error::Trap(trap) = &mut error {
        trap.add_frames(crate::debug::capture(
            &store.inner,
            &stack.frames,
            top_exact,
        ));
    }
    error
}

/// Prepares `stack` with `args` and runs store function `func`.
pub(crate) fn start<T>(
    store: &mut Store<T>,
    func: u32,
    stack: &mut Stack,
    args: &[u64],
    num_results: usize,
) -> Result<RunEnd, Error> {
    // Calls nested through host functions use native stack: bound them.
    if store.inner.nested_calls >= store.inner.engine.config().max_nested_calls {
        return Err(TrapCode::StackOverflow.into());
    }
    let outermost = store.inner.nested_calls == 0;
    if outermost {
        store.inner.begin_outermost();
    }
    store.inner.nested_calls += 1;
    let end = start_nested(store, func, stack, args, num_results);
    store.inner.nested_calls -= 1;
    if outermost {
        store.inner.end_outermost();
    }
    end
}

fn start_nested<T>(
    store: &mut Store<T>,
    func: u32,
    stack: &mut Stack,
    args: &[u64],
    num_results: usize,
) -> Result<RunEnd, Error> {
    stack.frames.clear();
    let width = args.len().max(num_results);
    if stack.values.len() < width {
        stack.values.resize(width, 0);
    }
    stack.values[..args.len()].copy_from_slice(args);
    match store.inner.funcs[func as usize] {
        FuncEntity::Wasm { .. } => {
            let limits = limits(store);
            stack.push_frame(&store.inner, func, 0, limits)?;
            run(store, stack)
        }
        FuncEntity::Host { .. } => {
            let host = HostCall {
                func,
                base: 0,
                tail: false,
            };
            host_step(store, stack, host)
        }
    }
}

pub(crate) fn limits<T>(store: &Store<T>) -> Limits {
    let config = store.inner.engine.config();
    let store_depth = store.inner.limits.call_depth.unwrap_or(usize::MAX);
    Limits {
        max_frames: config.max_call_depth.min(store_depth),
        max_slots: config.max_stack_slots,
        gas: config.gas().copied(),
    }
}

/// Runs `stack` until its outermost frame returns or the run suspends.
pub(crate) fn run<T>(store: &mut Store<T>, stack: &mut Stack) -> Result<RunEnd, Error> {
    let limits = limits(store);
    loop {
        let exit = match store.inner.tracer.clone() {
            None => execute(&mut store.inner, stack, limits),
            Some(tracer) => execute_traced(&mut store.inner, stack, limits, &mut tracer.lock()),
        };
        let exit = exit.map_err(|code| with_backtrace(store, stack, code.into(), false))?;
        match exit {
            Exit::Done => return Ok(RunEnd::Done),
            Exit::OutOfGas { needed } => {
                return Ok(RunEnd::Suspended(Suspension::OutOfGas {
                    needed,
                    host: None,
                }))
            }
            Exit::Interrupted { progress } => {
                // Interrupted on entering a function not yet translated: pause in the
                // function itself, as eager compilation would.
                crate::engine::executor::settle_stand_in(&mut store.inner, stack, limits)
                    .map_err(|code| with_backtrace(store, stack, code.into(), false))?;
                return Ok(RunEnd::Suspended(Suspension::Interrupted { progress }));
            }
            Exit::HostCall { func, base, tail } => {
                let end = host_step(store, stack, HostCall { func, base, tail })
                    .map_err(|e| with_backtrace(store, stack, e, false))?;
                if end != RunEnd::Done {
                    return Ok(end);
                }
                // A loop of host calls never spends a dispatch budget: look here too.
                if store.inner.interrupt.is_raised() && !stack.frames.is_empty() {
                    let progress = 0;
                    return Ok(RunEnd::Suspended(Suspension::Interrupted { progress }));
                }
            }
        }
    }
}

/// Pays for and makes a host call, then finishes it unless it yielded. `Done` here means
/// only that the host call completed.
pub(crate) fn host_step<T>(
    store: &mut Store<T>,
    stack: &mut Stack,
    host: HostCall,
) -> Result<RunEnd, Error> {
    if let Some(costs) = store.inner.engine.config().gas() {
        let cost = u64::from(costs.host_call);
        if store.inner.gas < cost {
            let needed = cost - store.inner.gas;
            let host = Some(host);
            return Ok(RunEnd::Suspended(Suspension::OutOfGas { needed, host }));
        }
        store.inner.gas -= cost;
    }
    let instance = stack
        .frames
        .last()
        .and_then(|f| match store.inner.funcs[f.func as usize] {
            FuncEntity::Wasm { instance, .. } => Some(instance),
            FuncEntity::Host { .. } => None,
        });
    store.inner.pending_yield = None;
    store.inner.pending_gas_pause = None;
    let result = call_host(store, host.func, stack, host.base, instance);
    if let (Err(_), Some(needed)) = (&result, store.inner.pending_gas_pause.take()) {
        // The host function stopped before any effect for lack of gas: pause, refund the
        // call's price, and make the call again on resume.
        if let Some(costs) = store.inner.engine.config().gas() {
            store.inner.gas += u64::from(costs.host_call);
        }
        let host = Some(host);
        return Ok(RunEnd::Suspended(Suspension::OutOfGas { needed, host }));
    }
    result?;
    if let Some(value) = store.inner.pending_yield.take() {
        return Ok(RunEnd::Suspended(Suspension::Yielded { value, host }));
    }
    finish_host(stack, host);
    Ok(RunEnd::Done)
}

/// After a host call's results are in place: a tail call returns from its frame.
pub(crate) fn finish_host(stack: &mut Stack, host: HostCall) {
    if host.tail {
        stack.frames.pop();
    }
}

/// Calls host function `func` with its arguments at `stack.values[base..]`, writing its
/// results there.
fn call_host<T>(
    store: &mut Store<T>,
    func: u32,
    stack: &mut Stack,
    base: usize,
    instance: Option<u32>,
) -> Result<(), Error> {
    let FuncEntity::Host { host, .. } = store.inner.funcs[func as usize] else {
        unreachable!("call_host is only called for host functions");
    };
    let host = store.hosts[host as usize].clone();
    let width = host.ty.param_slots().max(host.ty.result_slots());
    if stack.values.len() < base + width {
        stack.values.resize(base + width, 0);
    }
    let slots = &mut stack.values[base..base + width];
    let outer = std::mem::replace(&mut store.inner.caller_instance, instance);
    let result = (host.func)(Caller::new(store, instance), slots);
    store.inner.caller_instance = outer;
    result
}
