//! The function bodies' part of `Module::new`: every body validated, and translated too in
//! eager compilation (or where translation could fail where validation did not, see
//! [`may_fail_late`]); lazy bodies are left for their first call (`lazy.rs`).
//!
//! Bodies are independent of one another once the module's other sections are known, so a
//! large module's bodies are checked on several threads ([`Config::parallel_compilation`]).
//! The outcome is that of checking them in order on one thread: the same code, and the
//! error of the first body in the module that fails (a thread stops at its first failure;
//! every body before the first failure is checked, since bodies are claimed in order).
//!
//! [`Config::parallel_compilation`]: crate::Config::parallel_compilation

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

use wasmparser::{FuncToValidate, FuncValidatorAllocations, FunctionBody};

use super::lazy::may_fail_late;
use super::ModuleInner;
use crate::engine::translator::{translate, CompiledFunc, Resources};
use crate::engine::CompilationMode;
use crate::error::Error;

/// The least code (bytes of function bodies) worth a thread of its own: checking it takes
/// about a millisecond, far more than starting a thread.
const BYTES_PER_THREAD: usize = 128 * 1024;

/// How many bodies a thread claims at a time.
const CHUNK: usize = 16;

/// Validates every body of `bodies` (the module's defined functions, in order), translates
/// those eager compilation or [`may_fail_late`] asks for, and adds them all to `m.code`.
///
/// # Errors
///
/// The first body's, in the module's order, that fails validation or translation.
pub(super) fn compile_bodies(
    m: &mut ModuleInner,
    bodies: &[FunctionBody<'_>],
    resources: Resources,
) -> Result<(), Error> {
    let eager = m.engine.config().get_compilation_mode() == CompilationMode::Eager;
    let checker = Checker {
        m,
        resources: &resources,
        eager,
        max_slots: m
            .types
            .iter()
            .map(|t| t.param_slots().max(t.result_slots()) as u64)
            .max()
            .unwrap_or(0),
    };
    let threads = threads(m, bodies);
    let translated = if threads > 1 {
        checker.check_parallel(bodies, threads)?
    } else {
        checker.check_range(bodies, 0..bodies.len())?
    };
    if !eager {
        m.code.set_resources(resources);
    }
    let mut translated = translated.into_iter().peekable();
    for (i, body) in bodies.iter().enumerate() {
        let range = in_memory(&body.range());
        match translated.next_if(|(at, _)| *at == i) {
            Some((_, code)) => m.code.push_translated(range, code),
            None => {
                let ty = m.funcs[m.num_imported_funcs + i] as usize;
                m.code.push_lazy(range, m.types[ty].param_slots() as u32);
            }
        }
    }
    Ok(())
}

/// How many threads check `bodies`: one per [`BYTES_PER_THREAD`] of code, at most the
/// machine's parallelism, and one when parallel compilation is off.
fn threads(m: &ModuleInner, bodies: &[FunctionBody<'_>]) -> usize {
    let (Some(first), Some(last)) = (bodies.first(), bodies.last()) else {
        return 1;
    };
    let code = in_memory(&first.range()).start..in_memory(&last.range()).end;
    let wanted = code.len() / BYTES_PER_THREAD;
    if !m.engine.config().parallel_compilation || wanted < 2 {
        return 1;
    }
    std::thread::available_parallelism().map_or(1, |n| n.get().min(wanted))
}

/// What checking a body needs; shared by the threads.
struct Checker<'m> {
    m: &'m ModuleInner,
    resources: &'m Resources,
    /// Whether every body is translated.
    eager: bool,
    /// The most slots of any type's parameters or results (see [`may_fail_late`]).
    max_slots: u64,
}

/// A body's translation, by its position among the defined functions.
type Translated = Vec<(usize, CompiledFunc)>;

impl Checker<'_> {
    /// Checks the bodies at `range` of `bodies` in order, on this thread.
    fn check_range(
        &self,
        bodies: &[FunctionBody<'_>],
        range: Range<usize>,
    ) -> Result<Translated, Error> {
        let mut allocs = FuncValidatorAllocations::default();
        let mut translated = Vec::new();
        for i in range {
            if let Some(code) = self.check(i, &bodies[i], &mut allocs)? {
                translated.push((i, code));
            }
        }
        Ok(translated)
    }

    /// Checks `bodies` on `threads` threads (this one among them), each claiming
    /// [`CHUNK`] bodies at a time in order.
    fn check_parallel(
        &self,
        bodies: &[FunctionBody<'_>],
        threads: usize,
    ) -> Result<Translated, Error> {
        let next = AtomicUsize::new(0);
        // The first chunk known to hold a failing body: no thread claims one after it.
        let failed = AtomicUsize::new(usize::MAX);
        let work = || {
            let mut allocs = FuncValidatorAllocations::default();
            let mut translated = Vec::new();
            loop {
                let chunk = next.fetch_add(1, Ordering::Relaxed);
                let start = chunk.saturating_mul(CHUNK).min(bodies.len());
                let end = start.saturating_add(CHUNK).min(bodies.len());
                if start == end || chunk > failed.load(Ordering::Relaxed) {
                    return (translated, None);
                }
                for (i, body) in (start..end).zip(&bodies[start..end]) {
                    match self.check(i, body, &mut allocs) {
                        Ok(Some(code)) => translated.push((i, code)),
                        Ok(None) => {}
                        Err(e) => {
                            failed.fetch_min(chunk, Ordering::Relaxed);
                            return (translated, Some((i, e)));
                        }
                    }
                }
            }
        };
        let outcomes = std::thread::scope(|scope| {
            // A thread the system cannot start leaves its share to the others.
            let helpers: Vec<_> = (1..threads)
                .filter_map(|_| std::thread::Builder::new().spawn_scoped(scope, work).ok())
                .collect();
            let mut outcomes = vec![work()];
            for helper in helpers {
                match helper.join() {
                    Ok(outcome) => outcomes.push(outcome),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            outcomes
        });
        let mut all = Translated::new();
        let mut first_error: Option<(usize, Error)> = None;
        for (translated, error) in outcomes {
            all.extend(translated);
            if let Some((i, e)) = error {
                if first_error.as_ref().is_none_or(|(first, _)| i < *first) {
                    first_error = Some((i, e));
                }
            }
        }
        if let Some((_, e)) = first_error {
            return Err(e);
        }
        all.sort_unstable_by_key(|(i, _)| *i);
        Ok(all)
    }

    /// Validates defined function `i`'s body, and translates it if it must be translated
    /// now; reuses and gives back the validator's allocations.
    fn check(
        &self,
        i: usize,
        body: &FunctionBody<'_>,
        allocs: &mut FuncValidatorAllocations,
    ) -> Result<Option<CompiledFunc>, Error> {
        let m = self.m;
        let index = m.num_imported_funcs + i;
        let ty = m.funcs[index];
        let func = FuncToValidate {
            resources: self.resources.clone(),
            index: index as u32,
            ty,
            features: m.code.features(),
        };
        let mut validator = func.into_validator(std::mem::take(allocs));
        let translate_now =
            self.eager || may_fail_late(in_memory(&body.range()).len(), self.max_slots);
        let code = if translate_now {
            Some(translate(&m.func_env(), ty as usize, body, &mut validator)?)
        } else {
            validator.validate(body)?;
            None
        };
        *allocs = validator.into_allocations();
        Ok(code)
    }
}

/// A range of the module's bytes, all of which are in memory.
fn in_memory(range: &Range<u64>) -> Range<usize> {
    range.start as usize..range.end as usize
}

#[cfg(test)]
mod tests {
    use crate::{CompilationMode, Config, Engine, Error, Module};

    /// A module of `funcs` functions of about 450 bytes each (enough for several threads
    /// from 600 functions on), those at `invalid` returning an `i64` where an `i32` is due.
    fn wat(funcs: usize, invalid: &[usize]) -> String {
        let mut wat = String::from("(module\n");
        for f in 0..funcs {
            wat.push_str("(func (export \"f");
            wat.push_str(&f.to_string());
            wat.push_str("\") (param i32) (result i32) (local i64)\n");
            wat.push_str(&"(local.set 0 (i32.add (local.get 0) (i32.const 1)))\n".repeat(64));
            wat.push_str(if invalid.contains(&f) {
                "(i64.const 7))\n"
            } else {
                "(local.get 0))\n"
            });
        }
        wat.push(')');
        wat
    }

    fn new(wat: &str, mode: CompilationMode, parallel: bool) -> Result<Module, Error> {
        let mut config = Config::default();
        config.compilation_mode(mode).parallel_compilation(parallel);
        Module::new(&Engine::new(&config), wat)
    }

    #[test]
    fn the_error_is_the_first_invalid_bodys_whatever_the_threads() {
        for invalid in [&[1_100, 1_130][..], &[1_199, 3], &[600, 601, 602]] {
            let wat = wat(1_200, invalid);
            for mode in [CompilationMode::Lazy, CompilationMode::Eager] {
                let serial = new(&wat, mode, false).unwrap_err().to_string();
                let parallel = new(&wat, mode, true).unwrap_err().to_string();
                assert_eq!(parallel, serial, "{mode:?}, bodies {invalid:?} invalid");
                assert!(serial.contains("type mismatch"), "{serial}");
            }
        }
        // The first invalid body's offset, not a later one's.
        let early = new(&wat(1_200, &[3]), CompilationMode::Lazy, true).unwrap_err();
        let both = new(&wat(1_200, &[1_199, 3]), CompilationMode::Lazy, true).unwrap_err();
        assert_eq!(both.to_string(), early.to_string());
    }

    #[test]
    fn parallel_and_serial_compilation_give_the_same_code() {
        let wat = wat(1_200, &[]);
        let serial = new(&wat, CompilationMode::Eager, false).unwrap();
        let parallel = new(&wat, CompilationMode::Eager, true).unwrap();
        let lazy = new(&wat, CompilationMode::Lazy, true).unwrap();
        assert_eq!(parallel.inner.code.translated(), 1_200);
        assert_eq!(lazy.inner.code.translated(), 0);
        for f in [0, 1, 599, 600, 1_199] {
            let code = |m: &Module| {
                let c = m.inner.compiled(f).unwrap();
                (
                    c.ops.iter().map(|op| op.instr).collect::<Vec<_>>(),
                    c.frame_size,
                )
            };
            assert_eq!(code(&parallel), code(&serial), "function {f}");
            assert_eq!(code(&lazy), code(&serial), "function {f}");
        }
    }
}
