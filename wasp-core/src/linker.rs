//! Resolving a module's imports by name.

use std::collections::HashMap;

use crate::engine::Engine;
use crate::error::{Error, LinkError};
use crate::func::{Caller, HostFunc, IntoFunc};
use crate::instance::{instantiate, Extern, Instance};
use crate::instance_pre::InstancePre;
use crate::module::Module;
use crate::store::{AsContext, Store};
use crate::types::FuncType;
use crate::value::Val;

/// What a name in the linker stands for.
#[derive(Debug)]
enum Definition<T> {
    /// An item of a store.
    Extern(Extern),
    /// A host function, allocated in the store at each instantiation.
    Host(HostFunc<T>),
}

impl<T> Clone for Definition<T> {
    fn clone(&self) -> Self {
        match self {
            Definition::Extern(e) => Definition::Extern(*e),
            Definition::Host(h) => Definition::Host(h.clone()),
        }
    }
}

/// Named definitions (`module` / `name` pairs) used to satisfy the imports of modules.
///
/// ```
/// use wasp_core::{Engine, Linker, Module, Store};
/// let engine = Engine::default();
/// let mut linker = Linker::<u32>::new(&engine);
/// linker.func_wrap("env", "double", |x: i32| x * 2)?;
/// let module = Module::new(&engine, r#"(module
///     (import "env" "double" (func $d (param i32) (result i32)))
///     (func (export "quad") (param i32) (result i32) local.get 0 call $d call $d))"#)?;
/// let mut store = Store::new(&engine, 0);
/// let instance = linker.instantiate(&mut store, &module)?;
/// let quad = instance.get_typed_func::<i32, i32>(&store, "quad")?;
/// assert_eq!(quad.call(&mut store, 5)?, 20);
/// # Ok::<(), wasp_core::Error>(())
/// ```
#[derive(Debug)]
pub struct Linker<T> {
    engine: Engine,
    defs: HashMap<(String, String), Definition<T>>,
}

impl<T> Clone for Linker<T> {
    fn clone(&self) -> Self {
        Linker {
            engine: self.engine.clone(),
            defs: self.defs.clone(),
        }
    }
}

impl<T> Linker<T> {
    /// An empty linker.
    pub fn new(engine: &Engine) -> Linker<T> {
        Linker {
            engine: engine.clone(),
            defs: HashMap::new(),
        }
    }

    /// The engine of this linker.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    fn insert(&mut self, module: &str, name: &str, def: Definition<T>) -> Result<&mut Self, Error> {
        let key = (module.to_string(), name.to_string());
        if self.defs.contains_key(&key) {
            return Err(LinkError::Duplicate {
                module: module.to_string(),
                name: name.to_string(),
            }
            .into());
        }
        self.defs.insert(key, def);
        Ok(self)
    }

    /// Defines `module`/`name` as an item of a store (a function, memory, table or global).
    ///
    /// # Errors
    ///
    /// [`LinkError::Duplicate`](crate::LinkError) when `module`/`name` is already defined.
    pub fn define(
        &mut self,
        module: &str,
        name: &str,
        item: impl Into<Extern>,
    ) -> Result<&mut Self, Error> {
        self.insert(module, name, Definition::Extern(item.into()))
    }

    /// Defines `module`/`name` as a host function made from a typed closure.
    ///
    /// # Errors
    ///
    /// [`LinkError::Duplicate`](crate::LinkError) when `module`/`name` is already defined.
    pub fn func_wrap<Params, Results>(
        &mut self,
        module: &str,
        name: &str,
        f: impl IntoFunc<T, Params, Results>,
    ) -> Result<&mut Self, Error> {
        self.insert(module, name, Definition::Host(f.into_func()))
    }

    /// Defines `module`/`name` as a host function over [`Val`]s with an explicit type.
    ///
    /// # Errors
    ///
    /// [`LinkError::Duplicate`](crate::LinkError) when `module`/`name` is already defined.
    pub fn func_new(
        &mut self,
        module: &str,
        name: &str,
        ty: FuncType,
        f: impl Fn(Caller<'_, T>, &[Val], &mut [Val]) -> Result<(), Error> + Send + Sync + 'static,
    ) -> Result<&mut Self, Error> {
        self.insert(module, name, Definition::Host(HostFunc::new(ty, f)))
    }

    /// Defines `module`/`name` as an existing host function.
    ///
    /// # Errors
    ///
    /// [`LinkError::Duplicate`](crate::LinkError) when `module`/`name` is already defined.
    pub fn define_host_func(
        &mut self,
        module: &str,
        name: &str,
        f: HostFunc<T>,
    ) -> Result<&mut Self, Error> {
        self.insert(module, name, Definition::Host(f))
    }

    /// Defines every export of `instance` under the module name `module`.
    ///
    /// # Errors
    ///
    /// [`LinkError::Duplicate`](crate::LinkError) when `module`/`name` is already defined for
    /// one of the instance's exports.
    pub fn instance(
        &mut self,
        store: impl AsContext<Data = T>,
        module: &str,
        instance: Instance,
    ) -> Result<&mut Self, Error> {
        for (name, ext) in instance.exports(&store) {
            self.define(module, &name, ext)?;
        }
        Ok(self)
    }

    /// Resolves the imports of `module` once, for instantiating it cheaply in many stores
    /// (see [`InstancePre`]).
    ///
    /// # Errors
    ///
    /// Fails if an import has no definition, or a host function's type does not match its
    /// import.
    pub fn instantiate_pre(&self, module: &Module) -> Result<InstancePre<T>, Error> {
        let mut imports = Vec::with_capacity(module.imports().len());
        for import in module.imports() {
            let key = (import.module().to_string(), import.name().to_string());
            imports.push(match self.defs.get(&key) {
                Some(Definition::Extern(e)) => (None, Some(*e)),
                Some(Definition::Host(h)) => (Some(h.clone()), None),
                None => {
                    return Err(LinkError::UnknownImport {
                        module: key.0,
                        name: key.1,
                        expected: import.ty().to_string(),
                    }
                    .into())
                }
            });
        }
        InstancePre::new(&self.engine, module, imports)
    }

    /// Resolves the imports of `module`, instantiates it in `store` and runs its start
    /// function.
    ///
    /// Fails with [`Error::Link`] when an import is missing or has the wrong type (the
    /// message names the import, the expected type and the one found), and with
    /// [`Error::Trap`] when a segment does not fit or the start function traps.
    ///
    /// # Errors
    ///
    /// [`Error::Link`] when an import is missing or has the wrong type; [`Error::Trap`] when a
    /// segment does not fit or the start function traps; [`Error::Limit`] when the store's
    /// limits refuse a memory or table.
    pub fn instantiate(&self, store: &mut Store<T>, module: &Module) -> Result<Instance, Error> {
        let mut imports = Vec::with_capacity(module.imports().len());
        for import in module.imports() {
            let key = (import.module().to_string(), import.name().to_string());
            let ext = match self.defs.get(&key) {
                Some(Definition::Extern(e)) => *e,
                Some(Definition::Host(h)) => Extern::Func(store.add_host(h.clone())),
                None => {
                    return Err(LinkError::UnknownImport {
                        module: key.0,
                        name: key.1,
                        expected: import.ty().to_string(),
                    }
                    .into())
                }
            };
            imports.push(ext);
        }
        instantiate(store, module, &imports)
    }

    /// The definition of `module`/`name` as an item of `store`, if any.
    pub fn get(&self, store: &mut Store<T>, module: &str, name: &str) -> Option<Extern> {
        match self.defs.get(&(module.to_string(), name.to_string()))? {
            Definition::Extern(e) => Some(*e),
            Definition::Host(h) => Some(Extern::Func(store.add_host(h.clone()))),
        }
    }
}

impl Instance {
    /// Instantiates `module` with imports given in the module's import order.
    ///
    /// # Errors
    ///
    /// [`Error::Link`] when `imports` do not match the module's imports in number or types;
    /// [`Error::Trap`] when a segment does not fit or the start function traps.
    pub fn new<T>(
        store: &mut Store<T>,
        module: &Module,
        imports: &[Extern],
    ) -> Result<Instance, Error> {
        instantiate(store, module, imports)
    }
}

impl<T> Linker<T> {
    /// Defines every host function of `imports` (usually built by
    /// [`imports!`](crate::imports)) under its module and name.
    ///
    /// Fails with [`LinkError::Duplicate`] when a name is already defined. A function whose
    /// type differs from what a module imports is reported by [`Linker::instantiate`] as
    /// [`LinkError::IncompatibleImport`]; [`Imports::check`](crate::Imports::check) also
    /// reports names the module does not import.
    ///
    /// # Errors
    ///
    /// [`LinkError::Duplicate`] when a name is already defined.
    pub fn define_imports(&mut self, imports: crate::Imports<T>) -> Result<&mut Self, Error> {
        for (module, name, host) in imports {
            self.insert(&module, &name, Definition::Host(host))?;
        }
        Ok(self)
    }
}
