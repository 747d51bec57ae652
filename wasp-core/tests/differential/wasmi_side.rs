//! Running a module on wasmi, the peer, and reporting what it does in the common terms of
//! `values`. wasmi is configured for exactly Wasp's proposals, with stack limits far above
//! what the fuel of generated modules lets them reach.

use std::panic::AssertUnwindSafe;
use wasmi::errors::{ErrorKind, InstantiationError};

use wasmi::{
    CompilationMode, Config, Engine, Error, ExternRef, ExternType, Func, Instance, Linker, Module,
    Mutability, Nullable, Ref, RefType, Store, TrapCode, Val, ValType, F32, F64, V128,
};

use super::values::{func_type_text, limits_text, ExportList, Failure, Outcome, TrapKind, Value};

/// A module compiled by wasmi, with its engine.
pub struct WasmiModule {
    engine: Engine,
    module: Module,
}

/// wasmi's configuration: Wasm 2.0 with SIMD (relaxed SIMD off, as in `generate`), plus
/// tail calls, extended constants, wide arithmetic, multiple memories, 64-bit memories and
/// custom page sizes.
fn config() -> Config {
    let mut config = Config::default();
    config
        .wasm_mutable_global(true)
        .wasm_sign_extension(true)
        .wasm_saturating_float_to_int(true)
        .wasm_multi_value(true)
        .wasm_bulk_memory(true)
        .wasm_reference_types(true)
        .wasm_tail_call(true)
        .wasm_extended_const(true)
        .wasm_multi_memory(true)
        .wasm_memory64(true)
        .wasm_custom_page_sizes(true)
        .wasm_wide_arithmetic(true)
        .wasm_simd(true)
        .wasm_relaxed_simd(false)
        .set_max_recursion_depth(100_000)
        .set_max_stack_height(64 * 1024 * 1024)
        .compilation_mode(CompilationMode::Eager);
    config
}

impl WasmiModule {
    /// Validates and translates `bytes` (eagerly, so that translation panics happen here).
    pub fn compile(bytes: &[u8]) -> Result<WasmiModule, Failure> {
        let engine = Engine::new(&config());
        let module =
            guard(|| Module::new(&engine, bytes))?.map_err(|e| Failure::Other(e.to_string()))?;
        Ok(WasmiModule { engine, module })
    }

    /// The module's exports as [`ExportList`] describes them.
    pub fn export_list(&self) -> ExportList {
        let mut list: ExportList = self
            .module
            .exports()
            .map(|e| (e.name().to_string(), type_text(e.ty())))
            .collect();
        list.sort();
        list
    }

    /// A fresh store with an instance of the module (start function run).
    pub fn instantiate(&self) -> Result<WasmiInstance, Failure> {
        let mut store = Store::new(&self.engine, ());
        let linker = Linker::new(&self.engine);
        let instance =
            guard(|| linker.instantiate_and_start(&mut store, &self.module))?.map_err(failure)?;
        Ok(WasmiInstance { store, instance })
    }
}

/// An instance of a module on wasmi, in a store of its own.
pub struct WasmiInstance {
    store: Store<()>,
    instance: Instance,
}

impl WasmiInstance {
    /// Calls the exported function `name` with `args` (a non-null `funcref` is `name`
    /// itself).
    pub fn call(&mut self, name: &str, args: &[Value]) -> Outcome {
        let func: Func = self
            .instance
            .get_func(&self.store, name)
            .ok_or_else(|| Failure::Other(format!("no function {name}")))?;
        let args: Vec<Val> = args
            .iter()
            .map(|v| match v {
                Value::FuncRef(false) => Val::FuncRef(Nullable::Val(func)),
                Value::ExternRef(false) => {
                    Val::ExternRef(Nullable::Val(ExternRef::new(&mut self.store, 0)))
                }
                v => to_val(*v),
            })
            .collect();
        let ty = func.ty(&self.store);
        let mut results: Vec<Val> = ty
            .results()
            .iter()
            .map(|t| Val::default_for_ty(*t))
            .collect();
        guard(|| func.call(&mut self.store, &args, &mut results))?.map_err(failure)?;
        Ok(results.iter().map(from_val).collect())
    }

    /// The bytes of the exported memory `name`.
    pub fn memory(&self, name: &str) -> Option<&[u8]> {
        let memory = self.instance.get_memory(&self.store, name)?;
        Some(memory.data(&self.store))
    }

    /// The value of the exported global `name`.
    pub fn global(&self, name: &str) -> Option<Value> {
        let global = self.instance.get_global(&self.store, name)?;
        Some(from_val(&global.get(&self.store)))
    }

    /// The null-ness of every element of the exported table `name`.
    pub fn table(&self, name: &str) -> Option<Vec<bool>> {
        let table = self.instance.get_table(&self.store, name)?;
        let size = table.size(&self.store);
        let nulls = (0..size).map(|i| match table.get(&self.store, i) {
            Some(Ref::Func(f)) => f.is_null(),
            Some(Ref::Extern(e)) => e.is_null(),
            None => true,
        });
        Some(nulls.collect())
    }
}

/// Runs `f`, turning a panic of wasmi into [`Failure::PeerPanic`].
fn guard<R>(f: impl FnOnce() -> R) -> Result<R, Failure> {
    std::panic::catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(no message)".to_string());
        Failure::PeerPanic(message)
    })
}

/// Installs a panic hook that keeps quiet about panics inside wasmi (they are caught and
/// counted) and hands every other panic to the hook installed before.
pub fn quiet_peer_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let in_wasmi = info.location().is_some_and(|l| l.file().contains("/wasmi"));
        if !in_wasmi {
            previous(info);
        }
    }));
}

fn type_text(ty: &ExternType) -> String {
    match ty {
        ExternType::Func(f) => {
            let names = |types: &[ValType]| types.iter().map(|t| val_type_name(*t)).collect();
            let (params, results): (Vec<_>, Vec<_>) = (names(f.params()), names(f.results()));
            func_type_text(&params, &results)
        }
        ExternType::Memory(m) => format!("memory {}", limits_text(m.minimum(), m.maximum())),
        ExternType::Global(g) => match g.mutability() {
            Mutability::Var => format!("global (mut {})", val_type_name(g.content())),
            Mutability::Const => format!("global {}", val_type_name(g.content())),
        },
        ExternType::Table(t) => {
            let element = match t.element() {
                RefType::Func => "funcref",
                RefType::Extern => "externref",
            };
            format!("table {} {element}", limits_text(t.minimum(), t.maximum()))
        }
    }
}

fn val_type_name(ty: ValType) -> &'static str {
    match ty {
        ValType::I32 => "i32",
        ValType::I64 => "i64",
        ValType::F32 => "f32",
        ValType::F64 => "f64",
        ValType::V128 => "v128",
        ValType::FuncRef => "funcref",
        ValType::ExternRef => "externref",
    }
}

fn to_val(v: Value) -> Val {
    match v {
        Value::I32(x) => Val::I32(x),
        Value::I64(x) => Val::I64(x),
        Value::F32(b) => Val::F32(F32::from_bits(b)),
        Value::F64(b) => Val::F64(F64::from_bits(b)),
        Value::V128(b) => Val::V128(V128::from(b)),
        Value::FuncRef(_) => Val::FuncRef(Nullable::<Func>::Null),
        Value::ExternRef(_) => Val::ExternRef(Nullable::<ExternRef>::Null),
    }
}

fn from_val(v: &Val) -> Value {
    match v {
        Val::I32(x) => Value::I32(*x),
        Val::I64(x) => Value::I64(*x),
        Val::F32(x) => Value::F32(x.to_bits()),
        Val::F64(x) => Value::F64(x.to_bits()),
        Val::FuncRef(f) => Value::FuncRef(f.is_null()),
        Val::ExternRef(e) => Value::ExternRef(e.is_null()),
        Val::V128(b) => Value::V128(b.as_u128()),
    }
}

/// Translates a wasmi error into the common terms. wasmi reports an element segment that
/// does not fit its table as an instantiation error rather than a trap; the specification
/// says it traps (out of bounds table access), so that is what it becomes here.
fn failure(e: Error) -> Failure {
    if let ErrorKind::Instantiation(InstantiationError::ElementSegmentDoesNotFit { .. }) = e.kind()
    {
        return Failure::Trap(TrapKind::TableOutOfBounds);
    }
    let Some(code) = e.as_trap_code() else {
        return Failure::Other(e.to_string());
    };
    Failure::Trap(match code {
        TrapCode::UnreachableCodeReached => TrapKind::Unreachable,
        TrapCode::MemoryOutOfBounds => TrapKind::MemoryOutOfBounds,
        TrapCode::TableOutOfBounds => TrapKind::TableOutOfBounds,
        TrapCode::IndirectCallToNull => TrapKind::UninitializedElement,
        TrapCode::BadSignature => TrapKind::IndirectCallTypeMismatch,
        TrapCode::IntegerDivisionByZero => TrapKind::DivisionByZero,
        TrapCode::IntegerOverflow => TrapKind::IntegerOverflow,
        TrapCode::BadConversionToInteger => TrapKind::BadConversionToInteger,
        TrapCode::StackOverflow => TrapKind::StackOverflow,
        TrapCode::OutOfFuel => TrapKind::OutOfFuel,
        other => return Failure::Other(format!("trap {other:?}")),
    })
}
