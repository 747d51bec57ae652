//! Running a module on Wasp and reporting what it does in the common terms of `values`.

use wasp_core::{
    Config, Engine, Error, ExternRef, ExternType, Instance, Linker, Module, Mutability, RefType,
    Store, TrapCode, Val, ValType, V128,
};

use super::values::{
    func_type_text, limits_text, ExportList, Failure, Kind, Outcome, TrapKind, Value,
};

/// What a module exports, as the comparison walks it.
#[derive(Debug, Clone)]
pub enum Export {
    /// A function and its parameter kinds.
    Func(String, Vec<Kind>),
    /// A memory.
    Memory(String),
    /// A global.
    Global(String),
    /// A table.
    Table(String),
}

/// A module compiled by Wasp, with the engine it was compiled for.
pub struct WaspModule {
    engine: Engine,
    module: Module,
}

/// Gas given to every store of a metered engine: all there is, so that metering never
/// changes an outcome. (Less would not do: `memory.grow` is charged per page requested
/// before it fails, and `memory.grow -1` asks for 2^32 - 1 pages at 1000 gas each.)
const GAS: u64 = u64::MAX;

impl WaspModule {
    /// Validates and translates `bytes`; `metered` turns gas metering on.
    pub fn compile(bytes: &[u8], metered: bool) -> Result<WaspModule, String> {
        let mut config = Config::default();
        config.gas_metering(metered);
        let engine = Engine::new(&config);
        let module = Module::from_binary(&engine, bytes).map_err(|e| e.to_string())?;
        Ok(WaspModule { engine, module })
    }

    /// The module's exports in order, with function parameter kinds.
    pub fn exports(&self) -> Vec<Export> {
        self.module
            .exports()
            .filter_map(|e| {
                let name = e.name().to_string();
                match e.ty() {
                    ExternType::Func(ty) => {
                        let kinds: Option<Vec<Kind>> =
                            ty.params().iter().map(|t| kind(*t)).collect();
                        Some(Export::Func(name, kinds?))
                    }
                    ExternType::Memory(_) => Some(Export::Memory(name)),
                    ExternType::Global(_) => Some(Export::Global(name)),
                    ExternType::Table(_) => Some(Export::Table(name)),
                }
            })
            .collect()
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

    /// A fresh store with an instance of the module.
    pub fn instantiate(&self) -> Result<WaspInstance, Failure> {
        let mut store = Store::new(&self.engine, ());
        if self.engine.config().gas().is_some() {
            store.set_gas(GAS).map_err(failure)?;
        }
        let instance = Linker::new(&self.engine)
            .instantiate(&mut store, &self.module)
            .map_err(failure)?;
        Ok(WaspInstance { store, instance })
    }
}

fn type_text(ty: &ExternType) -> String {
    match ty {
        ExternType::Func(f) => {
            let names = |types: &[ValType]| types.iter().map(|t| val_type_name(*t)).collect();
            let (params, results): (Vec<_>, Vec<_>) = (names(f.params()), names(f.results()));
            func_type_text(&params, &results)
        }
        ExternType::Memory(m) => format!("memory {}", limits_text(m.min(), m.max())),
        ExternType::Global(g) => match g.mutability() {
            Mutability::Var => format!("global (mut {})", val_type_name(g.content())),
            Mutability::Const => format!("global {}", val_type_name(g.content())),
        },
        ExternType::Table(t) => {
            let element = match t.element() {
                RefType::Func => "funcref",
                RefType::Extern => "externref",
                // Typed function references are off on the differential engine.
                RefType::Typed { .. } => "(typed reference)",
            };
            format!("table {} {element}", limits_text(t.min(), t.max()))
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
        ValType::Ref(_) => "(typed reference)",
    }
}

fn kind(ty: ValType) -> Option<Kind> {
    Some(match ty {
        ValType::I32 => Kind::I32,
        ValType::I64 => Kind::I64,
        ValType::F32 => Kind::F32,
        ValType::F64 => Kind::F64,
        ValType::V128 => Kind::V128,
        ValType::FuncRef => Kind::FuncRef,
        ValType::ExternRef => Kind::ExternRef,
        ValType::Ref(_) => return None,
    })
}

/// An instance of a module on Wasp, in a store of its own.
pub struct WaspInstance {
    store: Store<()>,
    instance: Instance,
}

impl WaspInstance {
    /// Calls the exported function `name` with `args` (a non-null `funcref` is `name`
    /// itself).
    pub fn call(&mut self, name: &str, args: &[Value]) -> Outcome {
        let func = self
            .instance
            .get_func(&self.store, name)
            .ok_or_else(|| Failure::Other(format!("no function {name}")))?;
        let args: Vec<Val> = args
            .iter()
            .map(|v| match v {
                Value::FuncRef(false) => Val::FuncRef(Some(func)),
                Value::ExternRef(false) => Val::ExternRef(Some(ExternRef::new(&mut self.store, 0))),
                v => to_val(*v),
            })
            .collect();
        let ty = func.ty(&self.store);
        let mut results: Vec<Val> = ty.results().iter().map(|t| Val::default_for(*t)).collect();
        func.call(&mut self.store, &args, &mut results)
            .map_err(failure)?;
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
            Some(Val::FuncRef(f)) => f.is_none(),
            Some(Val::ExternRef(e)) => e.is_none(),
            _ => true,
        });
        Some(nulls.collect())
    }
}

fn to_val(v: Value) -> Val {
    match v {
        Value::I32(x) => Val::I32(x),
        Value::I64(x) => Val::I64(x),
        Value::F32(b) => Val::F32(b),
        Value::F64(b) => Val::F64(b),
        Value::V128(b) => Val::V128(V128::from(b)),
        Value::FuncRef(_) => Val::FuncRef(None),
        Value::ExternRef(_) => Val::ExternRef(None),
    }
}

fn from_val(v: &Val) -> Value {
    match v {
        Val::I32(x) => Value::I32(*x),
        Val::I64(x) => Value::I64(*x),
        Val::F32(b) => Value::F32(*b),
        Val::F64(b) => Value::F64(*b),
        Val::V128(b) => Value::V128(b.as_u128()),
        Val::FuncRef(f) => Value::FuncRef(f.is_none()),
        Val::ExternRef(e) => Value::ExternRef(e.is_none()),
    }
}

/// Translates a Wasp error into the common terms.
fn failure(e: Error) -> Failure {
    let Some(code) = e.trap_code() else {
        return Failure::Other(e.to_string());
    };
    Failure::Trap(match code {
        TrapCode::Unreachable => TrapKind::Unreachable,
        TrapCode::MemoryOutOfBounds => TrapKind::MemoryOutOfBounds,
        TrapCode::TableOutOfBounds | TrapCode::UndefinedElement => TrapKind::TableOutOfBounds,
        TrapCode::UninitializedElement => TrapKind::UninitializedElement,
        TrapCode::IndirectCallTypeMismatch => TrapKind::IndirectCallTypeMismatch,
        TrapCode::IntegerDivisionByZero => TrapKind::DivisionByZero,
        TrapCode::IntegerOverflow => TrapKind::IntegerOverflow,
        TrapCode::BadConversionToInteger => TrapKind::BadConversionToInteger,
        TrapCode::StackOverflow => TrapKind::StackOverflow,
        TrapCode::NullReference => TrapKind::NullReference,
        TrapCode::OutOfGas => TrapKind::OutOfFuel,
        other => return Failure::Other(format!("trap {other}")),
    })
}
