//! Calls that can pause: when gas runs out or a host function yields, the call hands back a
//! [`Continuation`] that resumes it exactly where it stopped, any number of times.

use super::call::{self, finish_host, HostCall, RunEnd, Suspension};
use super::Func;
use crate::engine::executor::Stack;
use crate::error::{Error, UsageError};
use crate::store::{AsContextMut, FuncEntity, Store, StoreId};
use crate::types::{FuncType, ValType};
use crate::value::Val;

/// How a resumable call (or one step of it) ended.
#[derive(Debug, Clone)]
pub enum CallOutcome {
    /// The call returned.
    Finished {
        /// The function's results.
        results: Vec<Val>,
        /// Gas used by the whole call, over all its steps (0 without metering).
        gas_used: u64,
    },
    /// The store's gas ran out; [`Continuation::gas_needed`] says how much the next step needs.
    OutOfGas(Continuation),
    /// A host function yielded a value ([`Continuation::yielded`]); resuming supplies that
    /// host function's results.
    Yielded(Continuation),
    /// The call was stopped through the store's [`InterruptHandle`](crate::InterruptHandle)
    /// or its deadline passed; resume with no inputs.
    Interrupted(Continuation),
}

/// A paused call: its whole execution state (value slots, frames, positions) as plain data.
///
/// Cloning a continuation (together with the store, for stores whose data is `Clone`) forks
/// the running program: each copy resumes independently.
#[derive(Debug, Clone)]
pub struct Continuation {
    pub(crate) stack: Stack,
    pub(crate) suspension: Suspension,
    /// Result types of the function originally called.
    pub(crate) results: Vec<ValType>,
    /// Gas used by the steps so far.
    pub(crate) gas_used: u64,
    /// The store the call runs in (or any clone of it).
    pub(crate) store: StoreId,
}

impl Continuation {
    /// How much gas the next step needs beyond what the store had, when paused for gas.
    pub fn gas_needed(&self) -> Option<u64> {
        match self.suspension {
            Suspension::OutOfGas { needed, .. } => Some(needed),
            Suspension::Yielded { .. } | Suspension::Interrupted { .. } => None,
        }
    }

    /// The value a host function yielded, when paused by a yield.
    pub fn yielded(&self) -> Option<&Val> {
        match &self.suspension {
            Suspension::Yielded { value, .. } => Some(value),
            Suspension::OutOfGas { .. } | Suspension::Interrupted { .. } => None,
        }
    }

    /// Gas used by the call so far.
    pub fn gas_used(&self) -> u64 {
        self.gas_used
    }

    /// The frames of the paused call, innermost first: each one's function (index, name),
    /// Wasm offset, source position when the module has debug info, and locals.
    ///
    /// # Panics
    ///
    /// If the call was paused in another store (not this one or a clone of it).
    #[track_caller]
    pub fn frames<T>(&self, store: &Store<T>) -> Vec<crate::PausedFrame> {
        store.inner.assert_owner(self.store, "continuation");
        // Paused before an instruction, the top frame's pc is that instruction; paused at a
        // host call, it is just past the call.
        let top_exact = matches!(
            self.suspension,
            Suspension::Interrupted { .. } | Suspension::OutOfGas { host: None, .. }
        );
        crate::debug::paused_frames(&store.inner, &self.stack, top_exact)
    }

    /// The result types the yielding host function must be resumed with (empty when paused
    /// for another reason).
    ///
    /// # Panics
    ///
    /// If the call was paused in another store (not this one or a clone of it).
    #[track_caller]
    pub fn expected_inputs<T>(&self, store: &Store<T>) -> Vec<ValType> {
        store.inner.assert_owner(self.store, "continuation");
        match &self.suspension {
            Suspension::Yielded { host, .. } => host_type(store, host.func)
                .map(|ty| ty.results().to_vec())
                .unwrap_or_default(),
            Suspension::OutOfGas { .. } | Suspension::Interrupted { .. } => Vec::new(),
        }
    }

    /// Continues the call exactly as if it had never stopped.
    ///
    /// After a yield, `inputs` are the results of the host function that yielded and must
    /// match its result types; after running out of gas, `inputs` must be empty (give the
    /// store more gas first); after an interrupt, `inputs` must be empty. The store must be the one the call paused in, or a clone of
    /// it; the continuation is checked against it before anything runs.
    ///
    /// # Errors
    ///
    /// Fails if the call paused in another store, if `inputs` do not match what the call
    /// expects (or hold a reference of another store), or if the resumed execution traps.
    pub fn resume<T>(
        mut self,
        mut store: impl AsContextMut<Data = T>,
        inputs: &[Val],
    ) -> Result<CallOutcome, Error> {
        let store = store.as_context_mut();
        store.inner.check_owner(self.store, "continuation")?;
        crate::value::checked_slots(&store.inner, inputs)?;
        store.inner.translate_frames(&self.stack);
        crate::snapshot::check_stack(&store.inner, &self.stack, &self.suspension)?;
        self.stack.link(&store.inner);
        let gas_before = store.inner.gas;
        let outermost = store.inner.nested_calls == 0;
        if outermost {
            store.inner.begin_outermost();
        }
        let end = match self.suspension.clone() {
            Suspension::Interrupted { progress } => {
                expect_inputs(&[], inputs)?;
                store.inner.bulk_progress = progress;
                call::run(store, &mut self.stack)
            }
            Suspension::OutOfGas { host: None, .. } => {
                expect_inputs(&[], inputs)?;
                call::run(store, &mut self.stack)
            }
            Suspension::OutOfGas {
                host: Some(host), ..
            } => {
                expect_inputs(&[], inputs)?;
                resume_host(store, &mut self.stack, host, None)
            }
            Suspension::Yielded { host, .. } => {
                let ty = host_type(store, host.func).unwrap_or_else(|| FuncType::new([], []));
                expect_inputs(ty.results(), inputs)?;
                resume_host(store, &mut self.stack, host, Some(inputs))
            }
        };
        if outermost {
            store.inner.end_outermost();
        }
        let used = gas_before.saturating_sub(store.inner.gas);
        finish(store, self.stack, self.results, self.gas_used + used, end)
    }
}

/// Continues at a host call: either supplies its results (after a yield) or makes it.
fn resume_host<T>(
    store: &mut Store<T>,
    stack: &mut Stack,
    host: HostCall,
    results: Option<&[Val]>,
) -> Result<RunEnd, Error> {
    match results {
        Some(values) => {
            let mut slots = Vec::with_capacity(values.len());
            for v in values {
                v.push_slots(&mut slots);
            }
            let width = host.base + slots.len();
            if stack.values.len() < width {
                stack.values.resize(width, 0);
            }
            stack.values[host.base..width].copy_from_slice(&slots);
            finish_host(stack, host);
        }
        None => {
            let end = call::host_step(store, stack, host)?;
            if end != RunEnd::Done {
                return Ok(end);
            }
        }
    }
    call::run(store, stack)
}

fn host_type<T>(store: &Store<T>, func: u32) -> Option<FuncType> {
    match store.inner.funcs.get(func as usize)? {
        FuncEntity::Host { type_id, .. } => Some(store.inner.engine.resolve_type(*type_id)),
        FuncEntity::Wasm { .. } => None,
    }
}

fn expect_inputs(want: &[ValType], inputs: &[Val]) -> Result<(), Error> {
    let found: Vec<ValType> = inputs.iter().map(Val::ty).collect();
    if found != want {
        return Err(UsageError::ResumeMismatch {
            expected: format!("{} value(s) of type {:?}", want.len(), want),
            found: format!("{} value(s) of type {:?}", found.len(), found),
        }
        .into());
    }
    Ok(())
}

/// Turns the end of a step into an outcome.
fn finish<T>(
    store: &mut Store<T>,
    stack: Stack,
    results: Vec<ValType>,
    gas_used: u64,
    end: Result<RunEnd, Error>,
) -> Result<CallOutcome, Error> {
    match end? {
        RunEnd::Done => {
            let id = store.inner.id;
            let values = crate::value::vals_from_slots(id, &results, &stack.values);
            let mut stack = stack;
            stack.frames.clear();
            store.inner.spare_stack = Some(stack);
            Ok(CallOutcome::Finished {
                results: values,
                gas_used,
            })
        }
        RunEnd::Suspended(suspension) => {
            let kind: fn(Continuation) -> CallOutcome = match suspension {
                Suspension::OutOfGas { .. } => CallOutcome::OutOfGas,
                Suspension::Yielded { .. } => CallOutcome::Yielded,
                Suspension::Interrupted { .. } => CallOutcome::Interrupted,
            };
            let c = Continuation {
                stack,
                suspension,
                results,
                gas_used,
                store: store.inner.id,
            };
            Ok(kind(c))
        }
    }
}

impl Func {
    /// Calls the function so that it can pause: running out of gas or a host function's
    /// yield returns a [`Continuation`] instead of an error.
    ///
    /// ```
    /// use wasp_core::{CallOutcome, Config, Engine, Linker, Module, Store, Val};
    /// let mut config = Config::default();
    /// config.gas_metering(true);
    /// let engine = Engine::new(&config);
    /// let module = Module::new(&engine, r#"(module (func (export "count") (param i32) (result i32)
    ///     (local $i i32)
    ///     (loop $l (local.set $i (i32.add (local.get $i) (i32.const 1)))
    ///              (br_if $l (i32.lt_u (local.get $i) (local.get 0))))
    ///     (local.get $i)))"#)?;
    /// let mut store = Store::new(&engine, ());
    /// let count = Linker::new(&engine).instantiate(&mut store, &module)?
    ///     .get_func(&store, "count").unwrap();
    /// store.set_gas(100)?;
    /// let mut outcome = count.call_resumable(&mut store, &[Val::I32(1000)])?;
    /// let mut pauses = 0;
    /// let results = loop {
    ///     match outcome {
    ///         CallOutcome::Finished { results, .. } => break results,
    ///         CallOutcome::OutOfGas(paused) => {
    ///             pauses += 1;
    ///             store.set_gas(100)?;
    ///             outcome = paused.resume(&mut store, &[])?;
    ///         }
    ///         CallOutcome::Yielded(_) | CallOutcome::Interrupted(_) => unreachable!(),
    ///     }
    /// };
    /// assert_eq!(results, vec![Val::I32(1000)]);
    /// assert!(pauses > 10);
    /// # Ok::<(), wasp_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Fails if the function or a reference among `params` belongs to another store, if the
    /// arguments do not match the function's type, or if execution traps.
    pub fn call_resumable<T>(
        &self,
        mut store: impl AsContextMut<Data = T>,
        params: &[Val],
    ) -> Result<CallOutcome, Error> {
        let store = store.as_context_mut();
        let ty = self.checked_ty(store)?;
        super::check_args(&store.inner, &ty, params, ty.results().len())?;
        let args = crate::value::checked_slots(&store.inner, params)?;
        let mut stack = store.inner.spare_stack.take().unwrap_or_default();
        let gas_before = store.inner.gas;
        let end = call::start(store, self.index(), &mut stack, &args, ty.result_slots());
        let used = gas_before.saturating_sub(store.inner.gas);
        finish(store, stack, ty.results().to_vec(), used, end)
    }
}
