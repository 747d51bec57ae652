//! `Imports<T>`: named host functions, as `imports!` builds them, to define in a linker.

use std::fmt;

use super::signature::HostFunction;
use crate::error::{Error, LinkError};
use crate::func::HostFunc;
use crate::module::Module;
use crate::types::ExternType;

/// Host functions under `module` / `name` pairs, ready for
/// [`Linker::define_imports`](crate::Linker::define_imports). Usually built by
/// [`imports!`](crate::imports).
///
/// ```
/// use wasp_core::{host, imports, Engine, Imports, Linker, Module, Store};
///
/// #[host]
/// fn add(a: i64, b: i64) -> i64 {
///     a + b
/// }
///
/// let engine = Engine::default();
/// let module = Module::new(&engine, r#"(module
///     (import "math" "add" (func $add (param i64 i64) (result i64)))
///     (func (export "twice") (param i64) (result i64) (call $add (local.get 0) (local.get 0))))"#)?;
///
/// let imports: Imports<()> = imports! { "math" => { "add" => add } };
/// imports.check(&module)?; // every import provided, with the right type, nothing extra
///
/// let mut linker = Linker::new(&engine);
/// linker.define_imports(imports)?;
/// let mut store = Store::new(&engine, ());
/// let instance = linker.instantiate(&mut store, &module)?;
/// assert_eq!(instance.get_typed_func::<i64, i64>(&store, "twice")?.call(&mut store, 21)?, 42);
/// # Ok::<(), wasp_core::Error>(())
/// ```
pub struct Imports<T> {
    pub(crate) defs: Vec<(String, String, HostFunc<T>)>,
}

impl<T> Default for Imports<T> {
    fn default() -> Self {
        Imports { defs: Vec::new() }
    }
}

impl<T> Clone for Imports<T> {
    fn clone(&self) -> Self {
        Imports {
            defs: self.defs.clone(),
        }
    }
}

impl<T> fmt::Debug for Imports<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(
                self.iter()
                    .map(|(m, n, h)| format!("\"{m}\" \"{n}\" {}", h.ty())),
            )
            .finish()
    }
}

impl<T> Imports<T> {
    /// No imports.
    pub fn new() -> Imports<T> {
        Imports::default()
    }

    /// Adds `host` under `module` / `name`.
    pub fn push(&mut self, module: &str, name: &str, host: HostFunc<T>) -> &mut Self {
        self.defs.push((module.to_string(), name.to_string(), host));
        self
    }

    /// Adds the `#[host]` function `F` under `module` and its own name
    /// (`#[host(name = "...")]`, or the Rust name).
    pub fn push_host<F: HostFunction<T>>(&mut self, module: &str) -> &mut Self {
        self.push(module, F::NAME, F::host_func())
    }

    /// The imports, in the order they were added.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &str, &HostFunc<T>)> + '_ {
        self.defs
            .iter()
            .map(|(m, n, h)| (m.as_str(), n.as_str(), h))
    }

    /// How many imports there are.
    pub fn len(&self) -> usize {
        self.defs.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.defs.is_empty()
    }

    /// Checks these imports against what `module` imports, as `imports! { check = ... }` does
    /// at compile time. Fails with the first [`LinkError`] found:
    ///
    /// - a function whose type differs from the import's: `IncompatibleImport`
    ///   (`expected (func (param i32)), found (func)`);
    /// - a name the module does not import: `IncompatibleImport` whose expected type is
    ///   `nothing (the module does not import it)`;
    /// - an import of the module that is not provided: `UnknownImport`.
    ///
    /// # Errors
    ///
    /// [`Error::Link`] with the first mismatch found, as listed above.
    pub fn check(&self, module: &Module) -> Result<(), Error> {
        for (m, n, host) in self.iter() {
            let wanted = module.imports().find(|i| i.module() == m && i.name() == n);
            let ok = match wanted.map(|i| i.ty()) {
                Some(ExternType::Func(ty)) => ty == host.ty(),
                Some(_) => false,
                None => false,
            };
            if !ok {
                let expected = wanted.map_or_else(
                    || "nothing (the module does not import it)".to_string(),
                    |i| i.ty().to_string(),
                );
                return Err(LinkError::IncompatibleImport {
                    module: m.to_string(),
                    name: n.to_string(),
                    expected,
                    found: host.ty().to_string(),
                }
                .into());
            }
        }
        for import in module.imports() {
            if !self
                .iter()
                .any(|(m, n, _)| m == import.module() && n == import.name())
            {
                return Err(LinkError::UnknownImport {
                    module: import.module().to_string(),
                    name: import.name().to_string(),
                    expected: import.ty().to_string(),
                }
                .into());
            }
        }
        Ok(())
    }
}

impl<T> IntoIterator for Imports<T> {
    type Item = (String, String, HostFunc<T>);
    type IntoIter = std::vec::IntoIter<(String, String, HostFunc<T>)>;
    fn into_iter(self) -> Self::IntoIter {
        self.defs.into_iter()
    }
}
