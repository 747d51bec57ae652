//! Modules: decoded and validated once, translated once (in `Module::new` or function by
//! function on first call), then instantiated any number of times.

mod compile;
pub(crate) mod const_expr;
mod lazy;
mod parse;

pub(crate) use parse::val_type;

use std::sync::Arc;

use crate::engine::Engine;
use crate::error::Error;
use crate::types::{ExternType, FuncType, GlobalType, MemoryType, RefType, TableType};
use const_expr::ConstExpr;

/// A validated WebAssembly module, whose functions are translated into Wasp's IR by
/// [`Module::new`] or on their first call (see [`CompilationMode`](crate::CompilationMode)).
/// Cheap to clone; `Send + Sync`: stores on any thread share its translations.
///
/// ```
/// use wasp_core::{Engine, Module};
/// let engine = Engine::default();
/// let module = Module::new(&engine, r#"(module (func (export "f") (result i32) i32.const 7))"#)?;
/// assert_eq!(module.exports().next().map(|e| e.name().to_string()), Some("f".into()));
/// # Ok::<(), wasp_core::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Module {
    pub(crate) inner: Arc<ModuleInner>,
}

/// The contents of a module, as instantiation needs them.
#[derive(Debug)]
pub(crate) struct ModuleInner {
    pub(crate) engine: Engine,
    /// Content hash of the module's binary (names the module in snapshots).
    pub(crate) hash: lazy::ContentHash,
    pub(crate) types: Vec<FuncType>,
    /// Engine-wide ids of `types`.
    pub(crate) type_ids: Vec<u32>,
    pub(crate) imports: Vec<Import>,
    /// Type index of every function, imported ones first.
    pub(crate) funcs: Vec<u32>,
    pub(crate) num_imported_funcs: usize,
    pub(crate) tables: Vec<TableType>,
    /// Initial value of each defined table (imported tables have none).
    pub(crate) table_inits: Vec<ConstExpr>,
    pub(crate) num_imported_tables: usize,
    pub(crate) memories: Vec<MemoryType>,
    pub(crate) num_imported_memories: usize,
    pub(crate) globals: Vec<GlobalType>,
    pub(crate) global_inits: Vec<ConstExpr>,
    pub(crate) num_imported_globals: usize,
    pub(crate) exports: Vec<Export>,
    /// Position in `exports` of each export name, so that instances need no map of their own.
    pub(crate) export_index: std::collections::HashMap<String, usize>,
    pub(crate) start: Option<u32>,
    pub(crate) elements: Vec<ElementSegment>,
    pub(crate) data: Vec<DataSegment>,
    /// The bodies of the defined functions, translated or to be translated on first need.
    pub(crate) code: lazy::Bodies,
    /// Names and debug info, for diagnostics.
    pub(crate) debug: crate::debug::ModuleDebug,
}

/// What kind of item an import or export is, with its index or type.
#[derive(Debug, Clone)]
pub(crate) enum ImportKind {
    Func(u32),
    Table(TableType),
    Memory(MemoryType),
    Global(GlobalType),
}

#[derive(Debug, Clone)]
pub(crate) struct Import {
    pub(crate) module: String,
    pub(crate) name: String,
    pub(crate) kind: ImportKind,
    /// The type as the embedder sees it.
    pub(crate) ty: ExternType,
}

/// Which index space an export refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ExportKind {
    Func,
    Table,
    Memory,
    Global,
}

#[derive(Debug, Clone)]
pub(crate) struct Export {
    pub(crate) name: String,
    pub(crate) kind: ExportKind,
    pub(crate) index: u32,
    pub(crate) ty: ExternType,
}

#[derive(Debug, Clone)]
pub(crate) enum SegmentMode {
    Passive,
    Active { index: u32, offset: ConstExpr },
    Declared,
}

#[derive(Debug, Clone)]
pub(crate) struct ElementSegment {
    pub(crate) mode: SegmentMode,
    #[allow(dead_code)]
    pub(crate) ty: RefType,
    pub(crate) items: Vec<ConstExpr>,
}

#[derive(Debug, Clone)]
pub(crate) struct DataSegment {
    pub(crate) mode: SegmentMode,
    pub(crate) bytes: Arc<[u8]>,
}

/// An import a module declares: module name, field name and type.
#[derive(Debug, Clone, Copy)]
pub struct ImportType<'a> {
    import: &'a Import,
}

impl<'a> ImportType<'a> {
    /// The module name of the import.
    pub fn module(&self) -> &'a str {
        &self.import.module
    }

    /// The field name of the import.
    pub fn name(&self) -> &'a str {
        &self.import.name
    }

    /// The type the module expects.
    pub fn ty(&self) -> &'a ExternType {
        &self.import.ty
    }
}

/// An export a module declares: name and type.
#[derive(Debug, Clone, Copy)]
pub struct ExportType<'a> {
    export: &'a Export,
}

impl<'a> ExportType<'a> {
    /// The export's name.
    pub fn name(&self) -> &'a str {
        &self.export.name
    }

    /// The export's type.
    pub fn ty(&self) -> &'a ExternType {
        &self.export.ty
    }
}

impl Module {
    /// Decodes and validates a module, and translates its functions now or, with the default
    /// [`CompilationMode::Lazy`](crate::CompilationMode::Lazy), each on its first call.
    /// Accepts the binary format, and the text format when the `wat` feature (default) is on.
    ///
    /// Fails with [`Error::Module`] when the bytes are malformed or the module is invalid, or
    /// uses a feature Wasp does not run (SIMD, threads, 64-bit memories, exceptions, GC), or
    /// more than one memory when [`Config::wasm_multi_memory`](crate::Config::wasm_multi_memory)
    /// is off.
    ///
    /// # Errors
    ///
    /// [`Error::Module`] when the bytes are malformed, the module is invalid or uses a proposal
    /// Wasp does not support.
    pub fn new(engine: &Engine, bytes: impl AsRef<[u8]>) -> Result<Module, Error> {
        let bytes = bytes.as_ref();
        let binary = to_binary(bytes)?;
        let inner = parse::parse(engine, &binary)?;
        Ok(Module {
            inner: Arc::new(inner),
        })
    }

    /// As [`Module::new`], for the binary format only.
    ///
    /// ```
    /// use wasp_core::{Engine, Module};
    /// let engine = Engine::default();
    /// assert!(Module::from_binary(&engine, b"\0asm\x01\0\0\0").is_ok());
    /// assert!(Module::from_binary(&engine, b"(module)").is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Module`] when the bytes are malformed, the module is invalid or uses a proposal
    /// Wasp does not support.
    pub fn from_binary(engine: &Engine, bytes: &[u8]) -> Result<Module, Error> {
        let inner = parse::parse(engine, bytes)?;
        Ok(Module {
            inner: Arc::new(inner),
        })
    }

    /// Checks that `bytes` hold a valid module (every function body included, in either
    /// compilation mode), without keeping the result.
    ///
    /// # Errors
    ///
    /// As [`Module::new`].
    pub fn validate(engine: &Engine, bytes: impl AsRef<[u8]>) -> Result<(), Error> {
        Module::new(engine, bytes).map(|_| ())
    }

    /// The engine this module was created for.
    pub fn engine(&self) -> &Engine {
        &self.inner.engine
    }

    /// A 64-bit FNV-1a hash of the module's binary encoding: snapshots name their modules
    /// by it.
    pub fn content_hash(&self) -> u64 {
        self.inner.hash.get()
    }

    /// The module's imports, in order.
    pub fn imports(&self) -> impl ExactSizeIterator<Item = ImportType<'_>> + '_ {
        self.inner
            .imports
            .iter()
            .map(|import| ImportType { import })
    }

    /// The module's exports, in order.
    pub fn exports(&self) -> impl ExactSizeIterator<Item = ExportType<'_>> + '_ {
        self.inner
            .exports
            .iter()
            .map(|export| ExportType { export })
    }

    /// The type of the export named `name`, if any.
    pub fn get_export(&self, name: &str) -> Option<&ExternType> {
        self.inner
            .exports
            .iter()
            .find(|e| e.name == name)
            .map(|e| &e.ty)
    }
}

fn to_binary(bytes: &[u8]) -> Result<std::borrow::Cow<'_, [u8]>, Error> {
    if bytes.starts_with(b"\0asm") {
        return Ok(bytes.into());
    }
    #[cfg(feature = "wat")]
    {
        wat::parse_bytes(bytes).map_err(|e| {
            Error::Module(crate::error::ModuleError::new(
                format!("not a valid text module: {e}"),
                None,
            ))
        })
    }
    #[cfg(not(feature = "wat"))]
    {
        Err(Error::Module(crate::error::ModuleError::new(
            "expected the binary magic `\\0asm` (text modules need the `wat` feature)",
            Some(0),
        )))
    }
}
