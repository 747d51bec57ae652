//! Runs the directives of one `.wast` script against Wasp and records each outcome.

use std::collections::HashMap;
use std::panic::{self, AssertUnwindSafe};

use wast::core::Module as WatModule;
use wast::lexer::Lexer;
use wast::parser::{self, ParseBuffer};
use wast::token::Id;
use wast::{QuoteWat, Wast, WastDirective, WastExecute, WastInvoke, WastRet, Wat};

use wasp_core::{
    CompilationMode, Config, Engine, Error, Instance, LinkError, Linker, Module, Store, TrapCode,
    Val,
};

use super::{host, values};

/// Why a directive did not pass: it failed, or it is outside what this runner covers.
#[derive(Debug)]
pub enum Problem {
    /// The engine did not behave as the script expects.
    Fail(String),
    /// The directive (or a value in it) is not applicable to Wasp, with the reason.
    Skip(String),
}

impl Problem {
    /// A failure with its explanation.
    pub fn fail(message: impl Into<String>) -> Problem {
        Problem::Fail(message.into())
    }

    /// A skip with its reason.
    pub fn skip(reason: impl Into<String>) -> Problem {
        Problem::Skip(reason.into())
    }
}

/// The result of running (part of) a directive: `Ok` when it passed.
pub type Check<T> = Result<T, Problem>;

/// What running one script produced.
#[derive(Debug, Default)]
pub struct FileReport {
    /// Directives that passed.
    pub passed: usize,
    /// One message per failed directive, `file:line: kind: explanation`.
    pub failures: Vec<String>,
    /// One message per skipped directive, `file:line: kind: reason`.
    pub skips: Vec<String>,
}

/// Parses and runs the script `text`, named `path` in messages.
pub fn run_file(path: &str, text: &str, metered: bool) -> FileReport {
    let mut report = FileReport::default();
    let mut lexer = Lexer::new(text);
    lexer.allow_confusing_unicode(true);
    let buffer = match ParseBuffer::new_with_lexer(lexer) {
        Ok(buffer) => buffer,
        Err(e) => return report.with_failure(format!("{path}: cannot lex the script: {e}")),
    };
    let wast = match parser::parse::<Wast<'_>>(&buffer) {
        Ok(wast) => wast,
        Err(e) => return report.with_failure(format!("{path}: cannot parse the script: {e}")),
    };
    // The Wasm 2.0 suite asserts that a second memory is invalid: it runs as Wasm 2.0. So
    // does the memory64 proposal's suite, written before multiple memories were standard
    // (`memory64.wast` asserts that two 64-bit memories are invalid), and the function
    // references suite, whose `binary.wast` wants memory indices of one zero byte.
    // 64-bit memories are off for the Wasm 2.0 suite, whose memory flags reject them.
    // Typed function references are off by default: on for their own group only.
    let wasm2 = path.starts_with("wasm-v2/");
    let function_references = path.starts_with("function-references/");
    let multi_memory = !wasm2 && !path.starts_with("memory64/") && !function_references;
    let features = Features {
        multi_memory,
        memory64: !wasm2,
        function_references,
    };
    let mut runner = match Runner::new(metered, features) {
        Ok(runner) => runner,
        Err(e) => return report.with_failure(format!("{path}: cannot set up spectest: {e}")),
    };
    for directive in wast.directives {
        let (line, _) = directive.span().linecol_in(text);
        let kind = kind_of(&directive);
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| runner.run(directive)));
        let place = format!("{path}:{}: {kind}", line + 1);
        match outcome {
            Ok(Ok(())) => report.passed += 1,
            Ok(Err(Problem::Fail(why))) => report.failures.push(format!("{place}: {why}")),
            Ok(Err(Problem::Skip(why))) => report.skips.push(format!("{place}: {why}")),
            Err(payload) => {
                let message = panic_message(payload.as_ref());
                let text = format!("{place}: PANIC in the engine (a bug): {message}");
                eprintln!("!!! {text}");
                report.failures.push(text);
            }
        }
    }
    report
}

impl FileReport {
    fn with_failure(mut self, message: String) -> FileReport {
        self.failures.push(message);
        self
    }
}

/// The text of a panic's payload.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "(a panic without a message)".to_string()
    }
}

/// The script's name of a directive kind.
fn kind_of(directive: &WastDirective<'_>) -> &'static str {
    match directive {
        WastDirective::Module(_) => "module",
        WastDirective::ModuleDefinition(_) => "module definition",
        WastDirective::ModuleInstance { .. } => "module instance",
        WastDirective::AssertMalformed { .. } => "assert_malformed",
        WastDirective::AssertInvalid { .. } => "assert_invalid",
        WastDirective::AssertInvalidCustom { .. } => "assert_invalid_custom",
        WastDirective::Register { .. } => "register",
        WastDirective::Invoke(_) => "invoke",
        WastDirective::AssertTrap { .. } => "assert_trap",
        WastDirective::AssertReturn { .. } => "assert_return",
        WastDirective::AssertExhaustion { .. } => "assert_exhaustion",
        WastDirective::AssertUnlinkable { .. } => "assert_unlinkable",
        WastDirective::AssertException { .. } => "assert_exception",
        WastDirective::AssertSuspension { .. } => "assert_suspension",
        WastDirective::Thread(_) => "thread",
        WastDirective::Wait { .. } => "wait",
        WastDirective::AssertMalformedCustom { .. } => "assert_malformed_custom",
    }
}

/// The proposals a script runs with, beyond those always on.
#[derive(Clone, Copy)]
struct Features {
    multi_memory: bool,
    memory64: bool,
    function_references: bool,
}

/// The state of one script: a store and a linker shared by all its modules, and the
/// instances the directives refer to.
struct Runner {
    engine: Engine,
    store: Store<()>,
    linker: Linker<()>,
    /// The last instantiated module, which unnamed directives refer to.
    current: Option<Instance>,
    /// Instances by their `$id`.
    named: HashMap<String, Instance>,
}

impl Runner {
    /// A runner for one script; with `metered`, on an engine that meters gas (and a store
    /// with all the gas it could want) and translates every function in `Module::new` (eager
    /// compilation), neither of which may change any result; without, on the default lazy
    /// compilation, which translates each function on its first call; multiple memories
    /// allowed or not, 64-bit memories allowed or not, typed function references allowed or
    /// not.
    fn new(metered: bool, features: Features) -> Result<Runner, Error> {
        let mut config = Config::default();
        let mode = if metered {
            CompilationMode::Eager
        } else {
            CompilationMode::Lazy
        };
        config
            .gas_metering(metered)
            .compilation_mode(mode)
            .wasm_multi_memory(features.multi_memory)
            .wasm_memory64(features.memory64)
            .wasm_function_references(features.function_references);
        let engine = Engine::new(&config);
        let mut store = Store::new(&engine, ());
        if metered {
            store.set_gas(u64::MAX)?;
        }
        let mut linker = Linker::new(&engine);
        host::define_spectest(&mut store, &mut linker)?;
        Ok(Runner {
            engine,
            store,
            linker,
            current: None,
            named: HashMap::new(),
        })
    }

    fn run(&mut self, directive: WastDirective<'_>) -> Check<()> {
        match directive {
            WastDirective::Module(module) => self.module(module),
            WastDirective::ModuleDefinition(module) => self.module_definition(module),
            WastDirective::Register { name, module, .. } => self.register(name, module),
            WastDirective::Invoke(call) => match self.invoke(&call)? {
                Ok(_) => Ok(()),
                Err(e) => Err(Problem::fail(format!("the invocation failed: {e}"))),
            },
            WastDirective::AssertReturn { exec, results, .. } => self.assert_return(exec, &results),
            WastDirective::AssertTrap { exec, message, .. } => self.assert_trap(exec, message),
            WastDirective::AssertExhaustion { call, message, .. } => {
                self.assert_exhaustion(&call, message)
            }
            WastDirective::AssertInvalid {
                module, message, ..
            }
            | WastDirective::AssertMalformed {
                module, message, ..
            } => self.assert_rejected(module, message),
            WastDirective::AssertUnlinkable {
                module, message, ..
            } => self.assert_unlinkable(module, message),
            other => Err(Problem::skip(not_applicable(&other))),
        }
    }

    /// `(module ...)`: compiles and instantiates, and makes the instance the current one.
    fn module(&mut self, mut module: QuoteWat<'_>) -> Check<()> {
        if matches!(
            module,
            QuoteWat::QuoteComponent(..) | QuoteWat::Wat(Wat::Component(_))
        ) {
            return Err(Problem::skip("components are not core Wasm"));
        }
        // A module that fails leaves no current module: later directives then say so
        // instead of running against an unrelated earlier module.
        self.current = None;
        let name = module.name().map(|id| id.name().to_string());
        let bytes = module
            .encode()
            .map_err(|e| Problem::fail(format!("the module does not encode: {e}")))?;
        let module = self
            .compile(&bytes)
            .map_err(|e| Problem::fail(format!("expected a valid module, but {e}")))?;
        let instance = self
            .linker
            .instantiate(&mut self.store, &module)
            .map_err(|e| Problem::fail(format!("expected instantiation to succeed: {e}")))?;
        if let Some(name) = name {
            self.named.insert(name, instance);
        }
        self.current = Some(instance);
        Ok(())
    }

    /// `(module definition ...)`: must compile; it is not instantiated (the scripts use it for
    /// modules with unresolvable imports or memories too large to allocate).
    fn module_definition(&mut self, mut module: QuoteWat<'_>) -> Check<()> {
        let bytes = module
            .encode()
            .map_err(|e| Problem::fail(format!("the module does not encode: {e}")))?;
        self.compile(&bytes)
            .map(drop)
            .map_err(|e| Problem::fail(format!("expected a valid module, but {e}")))
    }

    /// Compiles binary module bytes (never read as text).
    fn compile(&self, bytes: &[u8]) -> Result<Module, String> {
        Module::from_binary(&self.engine, bytes)
            .map_err(|e| format!("Module::from_binary failed: {e}"))
    }

    /// `(register "name" $id?)`: makes an instance's exports importable under `name`.
    fn register(&mut self, name: &str, module: Option<Id<'_>>) -> Check<()> {
        let instance = self.instance(module)?;
        self.linker
            .instance(&self.store, name, instance)
            .map_err(|e| Problem::fail(format!("cannot register {name:?}: {e}")))?;
        Ok(())
    }

    /// The instance named `id`, or the current one.
    fn instance(&self, id: Option<Id<'_>>) -> Check<Instance> {
        match id {
            Some(id) => self.named.get(id.name()).copied().ok_or_else(|| {
                Problem::fail(format!("no module named ${} was instantiated", id.name()))
            }),
            None => self
                .current
                .ok_or_else(|| Problem::fail("no current module (did the last one fail?)")),
        }
    }

    /// Calls an export; the outer result is the runner's, the inner one the engine's.
    fn invoke(&mut self, call: &WastInvoke<'_>) -> Check<Result<Vec<Val>, Error>> {
        let instance = self.instance(call.module)?;
        let func = instance
            .get_func(&self.store, call.name)
            .ok_or_else(|| Problem::fail(format!("no exported function {:?}", call.name)))?;
        let mut args = Vec::with_capacity(call.args.len());
        for arg in &call.args {
            args.push(values::to_val(&mut self.store, arg)?);
        }
        let ty = func.ty(&self.store);
        let mut results: Vec<Val> = ty.results().iter().map(|&t| Val::default_for(t)).collect();
        Ok(func
            .call(&mut self.store, &args, &mut results)
            .map(|()| results))
    }

    /// Runs what an assertion checks: an invocation, a global read or an instantiation.
    fn execute(&mut self, exec: WastExecute<'_>) -> Check<Result<Vec<Val>, Error>> {
        match exec {
            WastExecute::Invoke(call) => self.invoke(&call),
            WastExecute::Get { module, global, .. } => {
                let instance = self.instance(module)?;
                let global = instance
                    .get_global(&self.store, global)
                    .ok_or_else(|| Problem::fail(format!("no exported global {global:?}")))?;
                Ok(Ok(vec![global.get(&self.store)]))
            }
            WastExecute::Wat(Wat::Module(module)) => self.instantiate_only(module),
            WastExecute::Wat(Wat::Component(_)) => {
                Err(Problem::skip("components are not core Wasm"))
            }
        }
    }

    /// Compiles and instantiates a module of an assertion (it becomes no current module).
    fn instantiate_only(&mut self, mut module: WatModule<'_>) -> Check<Result<Vec<Val>, Error>> {
        let bytes = module
            .encode()
            .map_err(|e| Problem::fail(format!("the module does not encode: {e}")))?;
        let module = self
            .compile(&bytes)
            .map_err(|e| Problem::fail(format!("expected a valid module, but {e}")))?;
        Ok(self
            .linker
            .instantiate(&mut self.store, &module)
            .map(|_| Vec::new()))
    }

    fn assert_return(&mut self, exec: WastExecute<'_>, results: &[WastRet<'_>]) -> Check<()> {
        match self.execute(exec)? {
            Ok(values) => values::check_results(&self.store, &values, results),
            Err(e) => Err(Problem::fail(format!(
                "expected a return, got the error: {e}"
            ))),
        }
    }

    fn assert_trap(&mut self, exec: WastExecute<'_>, expected: &str) -> Check<()> {
        match self.execute(exec)? {
            Ok(values) => Err(Problem::fail(format!(
                "expected the trap {expected:?}, but it returned {}",
                values::describe_vals(&self.store, &values)
            ))),
            Err(e) => check_trap(&e, expected),
        }
    }

    fn assert_exhaustion(&mut self, call: &WastInvoke<'_>, expected: &str) -> Check<()> {
        match self.invoke(call)? {
            Ok(values) => Err(Problem::fail(format!(
                "expected exhaustion {expected:?}, but it returned {}",
                values::describe_vals(&self.store, &values)
            ))),
            Err(e) if e.trap_code() != Some(TrapCode::StackOverflow) => Err(Problem::fail(
                format!("expected a StackOverflow trap ({expected:?}), found: {e}"),
            )),
            Err(e) => check_trap(&e, expected),
        }
    }

    /// `assert_invalid` / `assert_malformed`: the module must not encode or not compile.
    fn assert_rejected(&mut self, mut module: QuoteWat<'_>, expected: &str) -> Check<()> {
        let Ok(bytes) = module.encode() else {
            return Ok(());
        };
        match self.compile(&bytes) {
            Err(_) => Ok(()),
            Ok(_) => Err(Problem::fail(format!(
                "expected the module to be rejected ({expected:?}), but Module::new accepted it"
            ))),
        }
    }

    /// `assert_unlinkable`: the module compiles, but instantiation fails with a link error.
    fn assert_unlinkable(&mut self, mut module: Wat<'_>, expected: &str) -> Check<()> {
        let bytes = module
            .encode()
            .map_err(|e| Problem::fail(format!("the module does not encode: {e}")))?;
        let module = self
            .compile(&bytes)
            .map_err(|e| Problem::fail(format!("expected a valid module, but {e}")))?;
        match self.linker.instantiate(&mut self.store, &module) {
            Err(Error::Link(e)) => check_link_error(&e, expected),
            Err(e) => Err(Problem::fail(format!(
                "expected a link error ({expected:?}), found another error: {e}"
            ))),
            Ok(_) => Err(Problem::fail(format!(
                "expected a link error ({expected:?}), but instantiation succeeded"
            ))),
        }
    }
}

/// Checks that a link error is of the kind the script expects: `unknown import` or
/// `incompatible import type`, worded as the specification words them.
fn check_link_error(err: &LinkError, expected: &str) -> Check<()> {
    let kind = match err {
        LinkError::UnknownImport { .. } => "unknown import",
        LinkError::IncompatibleImport { .. } => "incompatible import type",
        LinkError::Duplicate { .. } => "duplicate definition",
    };
    let found = err.to_string();
    if kind == expected && found.starts_with(expected) {
        Ok(())
    } else {
        Err(Problem::fail(format!(
            "link error mismatch: expected {expected:?}, found {found:?}"
        )))
    }
}

/// Checks that `err` is a trap whose message contains `expected`.
fn check_trap(err: &Error, expected: &str) -> Check<()> {
    if err.as_trap().is_none() {
        return Err(Problem::fail(format!(
            "expected the trap {expected:?}, found a non-trap error: {err}"
        )));
    }
    let found = err.to_string();
    // The reference interpreter sometimes appends details (e.g. "uninitialized element 2");
    // the specification's wording of the trap itself must match.
    let code_matches = err
        .trap_code()
        .is_some_and(|code| expected.starts_with(code.message()));
    if found.contains(expected) || code_matches {
        Ok(())
    } else {
        Err(Problem::fail(format!(
            "trap message mismatch: expected {expected:?}, found {found:?}"
        )))
    }
}

/// Why a directive kind is not run.
fn not_applicable(directive: &WastDirective<'_>) -> String {
    let reason = match directive {
        WastDirective::ModuleDefinition(_) | WastDirective::ModuleInstance { .. } => {
            "module definitions and instances are not used by the covered suites"
        }
        WastDirective::AssertInvalidCustom { .. } | WastDirective::AssertMalformedCustom { .. } => {
            "custom-section assertions belong to the annotations proposal"
        }
        WastDirective::AssertException { .. } => "exceptions are not supported",
        WastDirective::AssertSuspension { .. } => "stack switching is not supported",
        WastDirective::Thread(_) | WastDirective::Wait { .. } => "threads are not supported",
        _ => "not handled by this runner",
    };
    format!("skipped: {reason}")
}
