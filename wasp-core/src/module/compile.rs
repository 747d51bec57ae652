//! The function bodies' part of `Module::new`: every body validated, and translated too in
//! eager compilation (or where translation could fail where validation did not, see
//! [`may_fail_late`]); lazy bodies are left for their first call (`lazy.rs`).
//!
//! Bodies are independent of one another once the module's other sections are known, so a
//! large module's bodies are checked on several threads ([`Config::parallel_compilation`]):
//! helper threads and the calling thread claim chunks of bodies in order. The outcome is
//! that of checking them in order on one thread: the same code, and the error of the first
//! body in the module that fails. The calling thread never waits for a helper: once every
//! chunk is claimed it checks again itself any chunk a helper has not finished (checking
//! is deterministic), so a helper the system does not run in time costs nothing but its
//! own work. Helpers own what they need (the module's binary, what validation and
//! translation know of the module), so one left with a chunk may finish it after
//! `Module::new` has returned, its result unused.
//!
//! [`Config::parallel_compilation`]: crate::Config::parallel_compilation

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use wasmparser::{
    BinaryReader, FuncToValidate, FuncValidatorAllocations, FunctionBody, WasmFeatures,
};

use super::lazy::may_fail_late;
use super::ModuleInner;
use crate::engine::translator::{translate, CompiledFunc, FuncEnv, Resources};
use crate::engine::{CompilationMode, Engine};
use crate::error::Error;
use crate::types::{FuncType, MemoryType, TableType};

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
    let rules = Rules {
        resources,
        features: m.code.features(),
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
        Job::new(m, bodies, &rules).run(threads)?
    } else {
        let mut allocs = FuncValidatorAllocations::default();
        let env = m.func_env();
        let mut translated = Vec::new();
        for (i, body) in bodies.iter().enumerate() {
            let index = m.num_imported_funcs + i;
            if let Some(code) = rules.check(&env, index, body, &mut allocs)? {
                translated.push((i, code));
            }
        }
        translated
    };
    if !eager {
        m.code.set_resources(rules.resources);
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

/// How a body is checked.
struct Rules {
    resources: Resources,
    features: WasmFeatures,
    /// Whether every body is translated.
    eager: bool,
    /// The most slots of any type's parameters or results (see [`may_fail_late`]).
    max_slots: u64,
}

/// Bodies' translations, by their position among the defined functions.
type Translated = Vec<(usize, CompiledFunc)>;

impl Rules {
    /// Validates the body of function `index` (in the module's index space), and translates
    /// it if it must be translated now; reuses and gives back the validator's allocations.
    fn check(
        &self,
        env: &FuncEnv<'_>,
        index: usize,
        body: &FunctionBody<'_>,
        allocs: &mut FuncValidatorAllocations,
    ) -> Result<Option<CompiledFunc>, Error> {
        let ty = env.funcs[index];
        let func = FuncToValidate {
            resources: self.resources.clone(),
            index: index as u32,
            ty,
            features: self.features,
        };
        let mut validator = func.into_validator(std::mem::take(allocs));
        let translate_now =
            self.eager || may_fail_late(in_memory(&body.range()).len(), self.max_slots);
        let code = if translate_now {
            Some(translate(env, ty as usize, body, &mut validator)?)
        } else {
            validator.validate(body)?;
            None
        };
        *allocs = validator.into_allocations();
        Ok(code)
    }
}

/// The bodies of a module checked by several threads, with everything checking needs.
struct Job {
    binary: Arc<[u8]>,
    /// Each body's bytes in `binary`.
    ranges: Vec<Range<usize>>,
    rules: Rules,
    engine: Engine,
    num_imported_funcs: usize,
    types: Vec<FuncType>,
    type_ids: Vec<u32>,
    funcs: Vec<u32>,
    memories: Vec<MemoryType>,
    tables: Vec<TableType>,
    /// The next chunk to claim.
    next: AtomicUsize,
    /// The outcome of each chunk a helper has checked: its translations, or the error of
    /// its first failing body.
    outcomes: Vec<Mutex<Option<Result<Translated, Error>>>>,
}

impl Job {
    fn new(m: &ModuleInner, bodies: &[FunctionBody<'_>], rules: &Rules) -> Job {
        Job {
            binary: m.code.binary().clone(),
            ranges: bodies.iter().map(|b| in_memory(&b.range())).collect(),
            rules: Rules {
                resources: rules.resources.clone(),
                ..*rules
            },
            engine: m.engine.clone(),
            num_imported_funcs: m.num_imported_funcs,
            types: m.types.clone(),
            type_ids: m.type_ids.clone(),
            funcs: m.funcs.clone(),
            memories: m.memories.clone(),
            tables: m.tables.clone(),
            next: AtomicUsize::new(0),
            outcomes: (0..bodies.len().div_ceil(CHUNK))
                .map(|_| Mutex::new(None))
                .collect(),
        }
    }

    /// Checks every body on `threads` threads, this one among them.
    fn run(self, threads: usize) -> Result<Translated, Error> {
        let job = Arc::new(self);
        for _ in 1..threads {
            let helper = job.clone();
            // A thread the system cannot start leaves its share to the others.
            let _ = std::thread::Builder::new().spawn(move || helper.help());
        }
        let mut mine = Vec::new();
        let mut allocs = FuncValidatorAllocations::default();
        while let Some(chunk) = job.claim() {
            let outcome = job.check_chunk(chunk, &mut allocs);
            let failed = outcome.is_err();
            mine.push((chunk, outcome));
            if failed {
                break;
            }
        }
        // Every chunk before this thread's first failure, in order: its own outcome, a
        // helper's, or checked now.
        let last = match mine.last() {
            Some((chunk, Err(_))) => chunk + 1,
            _ => job.outcomes.len(),
        };
        let mut mine = mine.into_iter().peekable();
        let mut all = Translated::new();
        for chunk in 0..last {
            let outcome = match mine.next_if(|(c, _)| *c == chunk) {
                Some((_, outcome)) => outcome,
                None => job.outcome_of(chunk, &mut allocs),
            };
            all.extend(outcome?);
        }
        Ok(all)
    }

    /// A helper thread's work: claims and checks chunks until none is left or one fails.
    fn help(&self) {
        let mut allocs = FuncValidatorAllocations::default();
        while let Some(chunk) = self.claim() {
            let outcome = self.check_chunk(chunk, &mut allocs);
            let failed = outcome.is_err();
            if let Ok(mut slot) = self.outcomes[chunk].lock() {
                *slot = Some(outcome);
            }
            if failed {
                return;
            }
        }
    }

    /// The next unclaimed chunk, if any.
    fn claim(&self) -> Option<usize> {
        let chunk = self.next.fetch_add(1, Ordering::Relaxed);
        (chunk < self.outcomes.len()).then_some(chunk)
    }

    /// A helper's outcome for `chunk`, or, if it has none yet, the chunk checked now.
    fn outcome_of(
        &self,
        chunk: usize,
        allocs: &mut FuncValidatorAllocations,
    ) -> Result<Translated, Error> {
        let done = match self.outcomes[chunk].lock() {
            Ok(mut slot) => slot.take(),
            Err(_) => None,
        };
        done.unwrap_or_else(|| self.check_chunk(chunk, allocs))
    }

    /// Checks the bodies of `chunk` in order, stopping at the first failure.
    fn check_chunk(
        &self,
        chunk: usize,
        allocs: &mut FuncValidatorAllocations,
    ) -> Result<Translated, Error> {
        let env = FuncEnv {
            costs: self.engine.config().gas(),
            types: &self.types,
            type_ids: &self.type_ids,
            funcs: &self.funcs,
            memories: &self.memories,
            tables: &self.tables,
        };
        let start = chunk * CHUNK;
        let end = (start + CHUNK).min(self.ranges.len());
        let mut translated = Translated::new();
        for (i, range) in (start..end).zip(&self.ranges[start..end]) {
            let bytes = self.binary.get(range.clone()).unwrap_or_default();
            let reader = BinaryReader::new_features(bytes, range.start as u64, self.rules.features);
            let body = FunctionBody::new(reader);
            let index = self.num_imported_funcs + i;
            if let Some(code) = self.rules.check(&env, index, &body, allocs)? {
                translated.push((i, code));
            }
        }
        Ok(translated)
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
