//! Instantiating one module many times: imports resolved and checked once, then each
//! instantiation only allocates.

use std::sync::Arc;

use crate::engine::Engine;
use crate::error::{Error, LinkError};
use crate::func::HostFunc;
use crate::instance::{instantiate_prechecked, Extern, Instance};
use crate::module::{ImportKind, Module};
use crate::store::Store;

/// A module whose imports a [`Linker`](crate::Linker) has resolved, ready to be instantiated
/// in any number of stores of the linker's engine.
///
/// Made by [`Linker::instantiate_pre`](crate::Linker::instantiate_pre). Host functions are
/// looked up and type-checked once, when it is made; items defined in a particular store
/// (memories, tables, globals, functions of other instances) are checked at each
/// instantiation, since they can only be imported into their own store. Cloning is cheap.
///
/// ```
/// use wasp_core::{Engine, Linker, Module, Store};
/// let engine = Engine::default();
/// let mut linker = Linker::<u32>::new(&engine);
/// linker.func_wrap("env", "seed", |caller: wasp_core::Caller<'_, u32>| *caller.data() as i32)?;
/// let module = Module::new(&engine, r#"(module (import "env" "seed" (func $seed (result i32)))
///     (func (export "roll") (result i32) (i32.add (call $seed) (i32.const 1))))"#)?;
/// let pre = linker.instantiate_pre(&module)?;
/// for seed in 0..3 {
///     let mut store = Store::new(&engine, seed);
///     let instance = pre.instantiate(&mut store)?;
///     let roll = instance.get_typed_func::<(), i32>(&store, "roll")?;
///     assert_eq!(roll.call(&mut store, ())?, seed as i32 + 1);
/// }
/// # Ok::<(), wasp_core::Error>(())
/// ```
pub struct InstancePre<T> {
    engine: Engine,
    module: Module,
    imports: Arc<[PreImport<T>]>,
}

/// One resolved import.
pub(crate) enum PreImport<T> {
    /// An item of a particular store, checked when instantiating.
    Extern(Extern),
    /// A host function, already checked against the import's type (engine type id).
    Host { func: HostFunc<T>, type_id: u32 },
}

impl<T> Clone for InstancePre<T> {
    fn clone(&self) -> Self {
        InstancePre {
            engine: self.engine.clone(),
            module: self.module.clone(),
            imports: self.imports.clone(),
        }
    }
}

impl<T> std::fmt::Debug for InstancePre<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InstancePre")
            .field("imports", &self.imports.len())
            .finish_non_exhaustive()
    }
}

impl<T> InstancePre<T> {
    /// Checks resolved imports (in the module's import order) against the module.
    pub(crate) fn new(
        engine: &Engine,
        module: &Module,
        imports: Vec<(Option<HostFunc<T>>, Option<Extern>)>,
    ) -> Result<InstancePre<T>, Error> {
        let mut resolved = Vec::with_capacity(imports.len());
        for (import, def) in module.inner.imports.iter().zip(imports) {
            match def {
                (Some(func), _) => {
                    let expected = match &import.kind {
                        ImportKind::Func(t) => Some(&module.inner.types[*t as usize]),
                        _ => None,
                    };
                    if expected != Some(&func.ty) {
                        return Err(LinkError::IncompatibleImport {
                            module: import.module.clone(),
                            name: import.name.clone(),
                            expected: import.ty.to_string(),
                            found: func.ty.to_string(),
                        }
                        .into());
                    }
                    let type_id = engine.intern_type(&func.ty);
                    resolved.push(PreImport::Host { func, type_id });
                }
                (None, Some(ext)) => resolved.push(PreImport::Extern(ext)),
                (None, None) => unreachable!("the linker resolves every import or fails"),
            }
        }
        Ok(InstancePre {
            engine: engine.clone(),
            module: module.clone(),
            imports: resolved.into(),
        })
    }

    /// The module this instantiates.
    pub fn module(&self) -> &Module {
        &self.module
    }

    /// Instantiates the module in `store`: adds the host functions to it, allocates the
    /// module's definitions, initialises them and runs the start function.
    ///
    /// # Errors
    ///
    /// Fails if an imported store item belongs to another store or does not match its
    /// import, if the store's limits refuse the instance, or if initialisation or the start
    /// function traps.
    pub fn instantiate(&self, store: &mut Store<T>) -> Result<Instance, Error> {
        let same_engine = Engine::same(&self.engine, store.engine());
        let mut imports = Vec::with_capacity(self.imports.len());
        let mut checked = Vec::with_capacity(self.imports.len());
        for import in self.imports.iter() {
            match import {
                PreImport::Extern(ext) => {
                    imports.push(*ext);
                    checked.push(false);
                }
                PreImport::Host { func, type_id } => {
                    let f = if same_engine {
                        store.add_host_typed(func.clone(), *type_id)
                    } else {
                        store.add_host(func.clone())
                    };
                    imports.push(Extern::Func(f));
                    checked.push(true);
                }
            }
        }
        instantiate_prechecked(store, &self.module, &imports, &checked)
    }
}
