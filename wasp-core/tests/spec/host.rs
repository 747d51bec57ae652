//! The `spectest` host module that the official test scripts import from.

use wasp_core::{
    Error, Global, Linker, Memory, MemoryType, Mutability, RefType, Store, Table, TableType, Val,
};

/// The module name the scripts import the host items from.
const MODULE: &str = "spectest";

/// Defines every item of the `spectest` module in `linker`: the `print*` functions (which do
/// nothing), the immutable globals, a funcref table of 10..20 elements and a memory of 1..2
/// pages.
pub fn define_spectest(store: &mut Store<()>, linker: &mut Linker<()>) -> Result<(), Error> {
    define_prints(linker)?;
    define_globals(store, linker)?;
    let table_ty = TableType::new(RefType::Func, 10, Some(20));
    let table = Table::new(&mut *store, table_ty, Val::FuncRef(None))?;
    linker.define(MODULE, "table", table)?;
    let memory = Memory::new(&mut *store, MemoryType::new(1, Some(2)))?;
    linker.define(MODULE, "memory", memory)?;
    Ok(())
}

fn define_prints(linker: &mut Linker<()>) -> Result<(), Error> {
    linker.func_wrap(MODULE, "print", || {})?;
    linker.func_wrap(MODULE, "print_i32", |_: i32| {})?;
    linker.func_wrap(MODULE, "print_i64", |_: i64| {})?;
    linker.func_wrap(MODULE, "print_f32", |_: f32| {})?;
    linker.func_wrap(MODULE, "print_f64", |_: f64| {})?;
    linker.func_wrap(MODULE, "print_i32_f32", |_: i32, _: f32| {})?;
    linker.func_wrap(MODULE, "print_f64_f64", |_: f64, _: f64| {})?;
    Ok(())
}

fn define_globals(store: &mut Store<()>, linker: &mut Linker<()>) -> Result<(), Error> {
    let globals = [
        ("global_i32", Val::I32(666)),
        ("global_i64", Val::I64(666)),
        ("global_f32", Val::from_f32(666.6)),
        ("global_f64", Val::from_f64(666.6)),
    ];
    for (name, value) in globals {
        let global = Global::new(&mut *store, value, Mutability::Const);
        linker.define(MODULE, name, global)?;
    }
    Ok(())
}
