//! A module's function bodies, translated by `Module::new` (eager compilation) or on first
//! need (lazy compilation, the default; see [`CompilationMode`](crate::CompilationMode)).
//!
//! A lazy body keeps its bytes and a stand-in: a [`CompiledFunc`] of one instruction whose
//! handler translates the body (once per module, whichever store or thread gets there
//! first), puts the translation in the store's function entity in place of the stand-in and
//! enters it. Calls to translated functions pay nothing for laziness: the store's entity
//! points at the translated code as it would in eager mode.
//!
//! Translation must not fail once `Module::new` has validated a body: the errors only
//! translation can report are ruled out in advance ([`may_fail_late`]), and a body that could
//! meet one is translated by `Module::new`, so that the error comes from there as in eager
//! mode.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use wasmparser::{BinaryReader, FuncToValidate, FunctionBody, WasmFeatures};

use super::ModuleInner;
use crate::engine::translator::{translate, CompiledFunc, FuncEnv, Resources};
use crate::error::{Error, ModuleError};

/// The defined functions' bodies, in one copy of the module's binary shared with the
/// content hash and diagnostics.
#[derive(Debug, Default)]
pub(crate) struct Bodies {
    bodies: Vec<Body>,
    /// The module's binary.
    binary: Arc<[u8]>,
    /// What validation knows of the module, to validate lazy bodies again as they are
    /// translated (the translator is driven by the validator's operand types).
    resources: Option<Resources>,
    features: WasmFeatures,
}

#[derive(Debug)]
struct Body {
    /// The body's bytes in [`Bodies::binary`].
    range: Range<usize>,
    code: Code,
}

#[derive(Debug)]
enum Code {
    /// Translated by `Module::new`.
    Translated(Arc<CompiledFunc>),
    /// Validated by `Module::new`, translated on first need.
    Lazy {
        /// Parameter slots, the stand-in's frame.
        num_params: u32,
        /// Made by the first instantiation, not by `Module::new`.
        stand_in: OnceLock<Arc<CompiledFunc>>,
        translated: OnceLock<Result<Arc<CompiledFunc>, ModuleError>>,
    },
}

impl Bodies {
    /// The bodies of the module whose binary is `binary`: none yet, room for `capacity`.
    pub(crate) fn new(binary: Arc<[u8]>, features: WasmFeatures, capacity: usize) -> Bodies {
        Bodies {
            bodies: Vec::with_capacity(capacity),
            binary,
            resources: None,
            features,
        }
    }

    /// What lazy bodies are validated with again when they are translated.
    pub(crate) fn set_resources(&mut self, resources: Resources) {
        self.resources = Some(resources);
    }

    /// Adds a body translated by `Module::new`, at `range` of the module's binary.
    pub(crate) fn push_translated(&mut self, range: Range<usize>, body: CompiledFunc) {
        self.bodies.push(Body {
            range,
            code: Code::Translated(Arc::new(body)),
        });
    }

    /// Adds a validated body to be translated on first need, with `num_params` parameter
    /// slots, at `range` of the module's binary.
    pub(crate) fn push_lazy(&mut self, range: Range<usize>, num_params: u32) {
        self.bodies.push(Body {
            range,
            code: Code::Lazy {
                num_params,
                stand_in: OnceLock::new(),
                translated: OnceLock::new(),
            },
        });
    }

    /// How many bodies there are.
    pub(crate) fn len(&self) -> usize {
        self.bodies.len()
    }

    /// The body of defined function `defined`, as it is in the module's binary.
    pub(crate) fn body(&self, defined: usize) -> Option<FunctionBody<'_>> {
        let range = self.bodies.get(defined)?.range.clone();
        let bytes = self.binary.get(range.clone())?;
        let reader = BinaryReader::new_features(bytes, range.start as u64, self.features);
        Some(FunctionBody::new(reader))
    }

    /// The module's binary.
    pub(crate) fn binary(&self) -> &Arc<[u8]> {
        &self.binary
    }

    /// The proposals the module is validated with.
    pub(crate) fn features(&self) -> WasmFeatures {
        self.features
    }

    /// How many bodies have been translated (by `Module::new` or since).
    #[cfg(test)]
    pub(crate) fn translated(&self) -> usize {
        self.bodies
            .iter()
            .filter(|b| match &b.code {
                Code::Translated(_) => true,
                Code::Lazy { translated, .. } => matches!(translated.get(), Some(Ok(_))),
            })
            .count()
    }

    /// What a new function entity of defined function `defined` runs: its translation if
    /// there is one, else its stand-in; `None` past the end.
    pub(crate) fn entry(&self, defined: usize) -> Option<Arc<CompiledFunc>> {
        Some(match &self.bodies.get(defined)?.code {
            Code::Translated(code) => code.clone(),
            Code::Lazy {
                num_params,
                stand_in,
                translated,
            } => match translated.get() {
                Some(Ok(code)) => code.clone(),
                _ => stand_in
                    .get_or_init(|| {
                        let stand_in =
                            crate::engine::executor::stand_in(defined as u32, *num_params);
                        Arc::new(stand_in)
                    })
                    .clone(),
            },
        })
    }
}

impl ModuleInner {
    /// The translation of defined function `defined`, translating it now if it was not yet
    /// (once for the module: a thread that finds the translation under way waits for it).
    ///
    /// # Errors
    ///
    /// Past the last function, or if translation fails, which validation should have ruled
    /// out (see the module documentation).
    pub(crate) fn compiled(&self, defined: usize) -> Result<Arc<CompiledFunc>, ModuleError> {
        let body = self.code.bodies.get(defined).ok_or_else(|| {
            ModuleError::new(format!("no function body {defined} in the module"), None)
        })?;
        match &body.code {
            Code::Translated(code) => Ok(code.clone()),
            Code::Lazy { translated, .. } => translated
                .get_or_init(|| self.translate_late(defined).map(Arc::new))
                .clone(),
        }
    }

    /// Translates a body validated by `Module::new`, validating it again on the way, exactly
    /// as eager compilation does (the same translator on the same bytes and validator: the
    /// same code, pc for pc).
    fn translate_late(&self, defined: usize) -> Result<CompiledFunc, ModuleError> {
        let func = self.num_imported_funcs + defined;
        let (Some(resources), Some(body), Some(&ty)) = (
            &self.code.resources,
            self.code.body(defined),
            self.funcs.get(func),
        ) else {
            return Err(ModuleError::new("a function body is missing", None));
        };
        let func = FuncToValidate {
            resources: resources.clone(),
            index: func as u32,
            ty,
            features: self.code.features,
        };
        let mut validator = func.into_validator(Default::default());
        let env = self.func_env();
        translate(&env, ty as usize, &body, &mut validator).map_err(|e| match e {
            Error::Module(e) => e,
            other => ModuleError::new(other.to_string(), None),
        })
    }

    /// What translation needs to know of this module.
    pub(crate) fn func_env(&self) -> FuncEnv<'_> {
        FuncEnv {
            costs: self.engine.config().gas(),
            types: &self.types,
            type_ids: &self.type_ids,
            funcs: &self.funcs,
            memories: &self.memories,
            tables: &self.tables,
        }
    }
}

/// The content hash of a module's binary, computed when first asked for (a serial hash of
/// every byte, a noticeable part of startup) from the binary the module keeps anyway.
#[derive(Debug)]
pub(crate) struct ContentHash {
    binary: Arc<[u8]>,
    hash: fn(&[u8]) -> u64,
    value: OnceLock<u64>,
}

impl ContentHash {
    pub(crate) fn new(binary: Arc<[u8]>, hash: fn(&[u8]) -> u64) -> ContentHash {
        ContentHash {
            binary,
            hash,
            value: OnceLock::new(),
        }
    }

    /// The hash.
    pub(crate) fn get(&self) -> u64 {
        *self.value.get_or_init(|| (self.hash)(&self.binary))
    }
}

/// Whether translating a body that validation accepted might still fail: its frame could
/// exceed the 2^31 slots the IR addresses. Validation bounds the locals (50,000, two slots
/// each at most) and parameters; hoisted constants are at most 64; each byte of a body
/// raises the operand stack by at most `max_slots` (the most slots of any type's results or
/// parameters, and at least 2; a call, the cheapest push of a whole result list, takes two
/// bytes). Only bodies of megabytes reach the bound; `Module::new` translates them, so that
/// the error is reported there, as in eager mode.
pub(crate) fn may_fail_late(body_len: usize, max_slots: u64) -> bool {
    const LOCALS_AND_MORE: u64 = 1 << 20;
    let height = (body_len as u64).saturating_mul(max_slots.max(2));
    height.saturating_add(LOCALS_AND_MORE) >= 1 << 31
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CompilationMode, Config, Engine, Linker, Module, Store};

    const WAT: &str = r#"(module
      (func $used (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
      (func $unused (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2)))
      (func (export "run") (param i32) (result i32) (local i64)
        (loop $l (br_if $l (i32.eqz (call $used (local.get 0)))))
        (call $used (local.get 0))))"#;

    fn module(mode: CompilationMode, gas: bool) -> Module {
        let mut config = Config::default();
        config.compilation_mode(mode).gas_metering(gas);
        Module::new(&Engine::new(&config), WAT).unwrap()
    }

    #[test]
    fn the_content_hash_does_not_depend_on_the_mode() {
        let (lazy, eager) = (
            module(CompilationMode::Lazy, false),
            module(CompilationMode::Eager, false),
        );
        assert_eq!(lazy.content_hash(), eager.content_hash());
        assert_ne!(lazy.content_hash(), 0);
    }

    #[test]
    fn modules_stay_send_and_sync() {
        fn shared<T: Send + Sync>() {}
        shared::<Module>();
    }

    #[test]
    fn functions_never_called_are_never_translated() {
        let module = module(CompilationMode::Lazy, false);
        assert_eq!(
            module.inner.code.translated(),
            0,
            "Module::new translates nothing"
        );
        let engine = module.engine().clone();
        let mut store = Store::new(&engine, ());
        let instance = Linker::new(&engine)
            .instantiate(&mut store, &module)
            .unwrap();
        assert_eq!(module.inner.code.translated(), 0, "nor does instantiation");
        let run = instance.get_typed_func::<i32, i32>(&store, "run").unwrap();
        assert_eq!(run.call(&mut store, 4).unwrap(), 5);
        assert_eq!(
            module.inner.code.translated(),
            2,
            "`run` and `used`, not `unused`"
        );
        // A second store of the same module finds the translations made.
        let mut other = Store::new(&engine, ());
        let instance = Linker::new(&engine)
            .instantiate(&mut other, &module)
            .unwrap();
        let run = instance.get_typed_func::<i32, i32>(&other, "run").unwrap();
        assert_eq!(run.call(&mut other, 6).unwrap(), 7);
        assert_eq!(module.inner.code.translated(), 2);
    }

    #[test]
    fn eager_compilation_translates_everything_in_module_new() {
        let module = module(CompilationMode::Eager, false);
        assert_eq!(module.inner.code.translated(), 3);
    }

    #[test]
    fn lazy_and_eager_translations_are_the_same_code() {
        for gas in [false, true] {
            let (lazy, eager) = (
                module(CompilationMode::Lazy, gas),
                module(CompilationMode::Eager, gas),
            );
            for f in 0..3 {
                let (l, e) = (
                    lazy.inner.compiled(f).unwrap(),
                    eager.inner.compiled(f).unwrap(),
                );
                let instrs = |c: &CompiledFunc| c.ops.iter().map(|op| op.instr).collect::<Vec<_>>();
                assert_eq!(instrs(&l), instrs(&e), "function {f}, gas {gas}");
                assert_eq!(
                    (l.num_params, l.num_locals, l.frame_size),
                    (e.num_params, e.num_locals, e.frame_size)
                );
                assert_eq!(format!("{:?}", l.refs), format!("{:?}", e.refs));
                assert_eq!(format!("{:?}", l.offsets), format!("{:?}", e.offsets));
            }
        }
    }

    #[test]
    fn an_interrupt_at_a_stand_in_leaves_the_function_entered() {
        use crate::engine::executor::{settle_stand_in, Limits, Stack};
        use crate::store::FuncEntity;
        let module = module(CompilationMode::Lazy, false);
        let engine = module.engine().clone();
        let mut store = Store::new(&engine, ());
        let instance = Linker::new(&engine)
            .instantiate(&mut store, &module)
            .unwrap();
        let run = instance.get_func(&store, "run").unwrap().index();
        let limits = Limits {
            max_frames: 100,
            max_slots: 1000,
            gas: None,
        };
        let mut stack = Stack {
            values: vec![41, 0xdead, 0xdead, 0xdead],
            frames: Vec::new(),
        };
        stack.push_frame(&store.inner, run, 0, limits).unwrap();
        settle_stand_in(&mut store.inner, &mut stack, limits).unwrap();
        let FuncEntity::Wasm { body, .. } = &store.inner.funcs[run as usize] else {
            panic!("a Wasm function");
        };
        assert_eq!(body.pending, None, "the entity runs the translation");
        assert_eq!(stack.frames.len(), 1);
        assert_eq!(stack.frames[0].pc(), 0);
        assert!(stack.values.len() >= body.frame_size as usize);
        assert_eq!(
            stack.values[..2],
            [41, 0],
            "the parameter kept, the local zeroed"
        );
    }

    #[test]
    fn only_huge_bodies_may_fail_late() {
        assert!(!may_fail_late(7_654_321, 2));
        assert!(!may_fail_late(100_000, 2_000));
        assert!(may_fail_late(7_654_321, 2_000));
    }
}
