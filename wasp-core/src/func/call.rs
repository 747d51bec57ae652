//! Driving a call: runs the interpreter and calls host functions when it asks for them.

use super::Caller;
use crate::engine::executor::{execute, Exit, Limits, Stack};
use crate::error::Error;
use crate::store::{FuncEntity, Store};

/// Calls store function `func` with `args` (slot encoding) and returns `num_results` result
/// slots. Types must have been checked by the caller.
pub(crate) fn call_slots<T>(
    store: &mut Store<T>,
    func: u32,
    args: &[u64],
    num_results: usize,
) -> Result<Vec<u64>, Error> {
    let mut stack = store.inner.spare_stack.take().unwrap_or_default();
    stack.frames.clear();
    let width = args.len().max(num_results);
    if stack.values.len() < width {
        stack.values.resize(width, 0);
    }
    stack.values[..args.len()].copy_from_slice(args);
    let outcome = start(store, func, &mut stack);
    let results = stack.values[..num_results].to_vec();
    stack.frames.clear();
    store.inner.spare_stack = Some(stack);
    outcome.map(|()| results)
}

fn start<T>(store: &mut Store<T>, func: u32, stack: &mut Stack) -> Result<(), Error> {
    match store.inner.funcs[func as usize] {
        FuncEntity::Wasm { .. } => {
            let limits = limits(store);
            stack.push_frame(&store.inner, func, 0, limits)?;
            run(store, stack)
        }
        FuncEntity::Host { .. } => call_host(store, func, stack, 0, None),
    }
}

pub(crate) fn limits<T>(store: &Store<T>) -> Limits {
    let config = store.inner.engine.config();
    Limits {
        max_frames: config.max_call_depth,
        max_slots: config.max_stack_slots,
    }
}

/// Runs `stack` until its outermost frame returns.
pub(crate) fn run<T>(store: &mut Store<T>, stack: &mut Stack) -> Result<(), Error> {
    let limits = limits(store);
    loop {
        match execute(&mut store.inner, stack, limits)? {
            Exit::Done => return Ok(()),
            Exit::HostCall { func, base, tail } => {
                let caller = stack.frames.last().map(|f| f.func);
                let instance = caller.and_then(|f| match store.inner.funcs[f as usize] {
                    FuncEntity::Wasm { instance, .. } => Some(instance),
                    FuncEntity::Host { .. } => None,
                });
                call_host(store, func, stack, base, instance)?;
                if tail {
                    stack.frames.pop();
                }
            }
        }
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
    let width = host.ty.params().len().max(host.ty.results().len());
    if stack.values.len() < base + width {
        stack.values.resize(base + width, 0);
    }
    let slots = &mut stack.values[base..base + width];
    let outer = std::mem::replace(&mut store.inner.caller_instance, instance);
    let result = (host.func)(Caller::new(store, instance), slots);
    store.inner.caller_instance = outer;
    result
}
