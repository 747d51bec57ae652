//! Decoding a module with `wasmparser`: validate everything, keep what instantiation needs and
//! translate every function body, now or on first need (`lazy.rs`).

use std::sync::Arc;

use wasmparser::{
    DataKind, ElementItems, ElementKind, ExternalKind, FunctionBody, Parser, Payload, TableInit,
    TypeRef, ValidPayload, Validator, WasmFeatures,
};

use super::const_expr::ConstExpr;
use super::lazy::{Bodies, ContentHash};
use super::{
    DataSegment, ElementSegment, Export, ExportKind, Import, ImportKind, ModuleInner, SegmentMode,
};
use crate::engine::Engine;
use crate::error::{Error, ModuleError};
use crate::types::{
    ConcreteFunc, ExternType, FuncType, GlobalType, HeapType, MemoryType, Mutability, RefType,
    TableType, ValType,
};

/// The proposals Wasp runs: Wasm 2.0 (with SIMD), relaxed SIMD, tail calls, extended
/// constants, wide arithmetic, multiple memories, custom page sizes and 64-bit memories;
/// typed function references when asked for.
/// Multiple memories and 64-bit memories can be turned off ([`Config::wasm_multi_memory`],
/// [`Config::wasm_memory64`]), typed function references turned on
/// ([`Config::wasm_function_references`]).
///
/// [`Config::wasm_multi_memory`]: crate::Config::wasm_multi_memory
/// [`Config::wasm_memory64`]: crate::Config::wasm_memory64
/// [`Config::wasm_function_references`]: crate::Config::wasm_function_references
pub(crate) fn features(config: &crate::Config) -> WasmFeatures {
    let features = WasmFeatures::WASM2
        .union(WasmFeatures::RELAXED_SIMD)
        .union(WasmFeatures::TAIL_CALL)
        .union(WasmFeatures::EXTENDED_CONST)
        .union(WasmFeatures::WIDE_ARITHMETIC)
        .union(WasmFeatures::CUSTOM_PAGE_SIZES);
    let switch = |features: WasmFeatures, feature: WasmFeatures, on: bool| {
        if on {
            features.union(feature)
        } else {
            features.difference(feature)
        }
    };
    let features = switch(features, WasmFeatures::MULTI_MEMORY, config.multi_memory);
    let features = switch(features, WasmFeatures::MEMORY64, config.memory64);
    switch(
        features,
        WasmFeatures::FUNCTION_REFERENCES,
        config.function_references,
    )
}

pub(crate) fn parse(engine: &Engine, bytes: &[u8]) -> Result<ModuleInner, Error> {
    let features = features(engine.config());
    let mut validator = Validator::new_with_features(features);
    // One copy of the binary, shared by lazy bodies, diagnostics and the content hash (a
    // serial hash of every byte, a noticeable part of startup, computed when first asked for).
    let binary: Arc<[u8]> = Arc::from(bytes);
    let mut m = ModuleInner {
        engine: engine.clone(),
        hash: ContentHash::new(binary.clone(), fnv1a),
        types: Vec::new(),
        type_ids: Vec::new(),
        imports: Vec::new(),
        funcs: Vec::new(),
        num_imported_funcs: 0,
        tables: Vec::new(),
        table_inits: Vec::new(),
        num_imported_tables: 0,
        memories: Vec::new(),
        num_imported_memories: 0,
        globals: Vec::new(),
        global_inits: Vec::new(),
        num_imported_globals: 0,
        exports: Vec::new(),
        export_index: std::collections::HashMap::new(),
        start: None,
        elements: Vec::new(),
        data: Vec::new(),
        code: Bodies::default(),
        debug: crate::debug::ModuleDebug::default(),
    };
    let mut bodies: Vec<FunctionBody<'_>> = Vec::new();
    let mut resources = None;
    let mut parser = Parser::new(0);
    parser.set_features(features);
    for payload in parser.parse_all(bytes) {
        let payload = payload?;
        if let Payload::CodeSectionStart { count, .. } = payload {
            bodies.reserve_exact(count as usize);
        }
        if let ValidPayload::Func(func, body) = validator.payload(&payload)? {
            // Function bodies are validated after the last section, as they are translated
            // (eager compilation) or on their own (lazy), all sharing one copy of what
            // validation knows of the module.
            resources.get_or_insert_with(|| Arc::new(func.resources));
            bodies.push(body);
        }
        read_payload(&mut m, payload)?;
    }
    m.code = Bodies::new(binary, features, bodies.len());
    if let Some(resources) = resources {
        super::compile::compile_bodies(&mut m, &bodies, resources)?;
    }
    m.exports = m
        .exports
        .iter()
        .map(|e| Export {
            ty: export_type(&m, e.kind, e.index),
            ..e.clone()
        })
        .collect();
    m.export_index = m
        .exports
        .iter()
        .enumerate()
        .map(|(i, e)| (e.name.clone(), i))
        .collect();
    Ok(m)
}

fn read_payload(m: &mut ModuleInner, payload: Payload<'_>) -> Result<(), Error> {
    match payload {
        Payload::TypeSection(reader) => {
            for rec in reader {
                for sub in rec?.into_types() {
                    let ty = func_type(sub.unwrap_func(), &m.types)?;
                    m.type_ids.push(m.engine.intern_type(&ty));
                    m.types.push(ty);
                }
            }
        }
        Payload::ImportSection(reader) => {
            for import in reader.into_imports() {
                read_import(m, import?)?;
            }
        }
        Payload::FunctionSection(reader) => {
            for ty in reader {
                m.funcs.push(ty?);
            }
        }
        Payload::TableSection(reader) => {
            for table in reader {
                let table = table?;
                m.tables.push(table_type(&table.ty, &m.types)?);
                m.table_inits.push(match table.init {
                    TableInit::RefNull => ConstExpr::value(0),
                    TableInit::Expr(expr) => ConstExpr::parse(&expr)?,
                });
            }
        }
        Payload::MemorySection(reader) => {
            for mem in reader {
                m.memories.push(memory_type(&mem?)?);
            }
        }
        Payload::GlobalSection(reader) => {
            for global in reader {
                let global = global?;
                m.globals.push(global_type(&global.ty, &m.types)?);
                m.global_inits.push(ConstExpr::parse(&global.init_expr)?);
            }
        }
        Payload::ExportSection(reader) => {
            for export in reader {
                let export = export?;
                let kind = match export.kind {
                    ExternalKind::Func | ExternalKind::FuncExact => ExportKind::Func,
                    ExternalKind::Table => ExportKind::Table,
                    ExternalKind::Memory => ExportKind::Memory,
                    ExternalKind::Global => ExportKind::Global,
                    ExternalKind::Tag => return Err(unsupported("exception tags")),
                };
                m.exports.push(Export {
                    name: export.name.to_string(),
                    kind,
                    index: export.index,
                    // Filled in once every index space is known.
                    ty: ExternType::Global(GlobalType::new(ValType::I32, Mutability::Const)),
                });
            }
        }
        Payload::StartSection { func, .. } => m.start = Some(func),
        Payload::ElementSection(reader) => {
            for element in reader {
                m.elements.push(read_element(element?, &m.types)?);
            }
        }
        Payload::DataSection(reader) => {
            for data in reader {
                let data = data?;
                let mode = match data.kind {
                    DataKind::Passive => SegmentMode::Passive,
                    DataKind::Active {
                        memory_index,
                        offset_expr,
                    } => SegmentMode::Active {
                        index: memory_index,
                        offset: ConstExpr::parse(&offset_expr)?,
                    },
                };
                m.data.push(DataSegment {
                    mode,
                    bytes: Arc::from(data.data),
                });
            }
        }
        Payload::TagSection(_) => return Err(unsupported("exception tags")),
        Payload::CustomSection(reader) => m.debug.read_custom(&reader),
        Payload::CodeSectionStart {
            unchecked_range, ..
        } => m.debug.code_start = unchecked_range.start as usize,
        _ => {}
    }
    Ok(())
}

fn read_import(m: &mut ModuleInner, import: wasmparser::Import<'_>) -> Result<(), Error> {
    let (kind, ty) = match import.ty {
        TypeRef::Func(idx) | TypeRef::FuncExact(idx) => {
            m.funcs.push(idx);
            m.num_imported_funcs += 1;
            let ty =
                m.types.get(idx as usize).cloned().ok_or_else(|| {
                    ModuleError::new(format!("unknown type {idx} in import"), None)
                })?;
            (ImportKind::Func(idx), ExternType::Func(ty))
        }
        TypeRef::Table(t) => {
            let t = table_type(&t, &m.types)?;
            m.tables.push(t);
            m.num_imported_tables += 1;
            (ImportKind::Table(t), ExternType::Table(t))
        }
        TypeRef::Memory(t) => {
            let t = memory_type(&t)?;
            m.memories.push(t);
            m.num_imported_memories += 1;
            (ImportKind::Memory(t), ExternType::Memory(t))
        }
        TypeRef::Global(t) => {
            let t = global_type(&t, &m.types)?;
            m.globals.push(t);
            m.num_imported_globals += 1;
            (ImportKind::Global(t), ExternType::Global(t))
        }
        TypeRef::Tag(_) => return Err(unsupported("exception tags")),
    };
    m.imports.push(Import {
        module: import.module.to_string(),
        name: import.name.to_string(),
        kind,
        ty,
    });
    Ok(())
}

fn read_element(
    element: wasmparser::Element<'_>,
    types: &[FuncType],
) -> Result<ElementSegment, Error> {
    let mode = match element.kind {
        ElementKind::Passive => SegmentMode::Passive,
        ElementKind::Declared => SegmentMode::Declared,
        ElementKind::Active {
            table_index,
            offset_expr,
        } => SegmentMode::Active {
            index: table_index.unwrap_or(0),
            offset: ConstExpr::parse(&offset_expr)?,
        },
    };
    let (ty, items) = match element.items {
        ElementItems::Functions(funcs) => {
            let mut items = Vec::new();
            for f in funcs {
                items.push(ConstExpr::func(f?));
            }
            (RefType::Func, items)
        }
        ElementItems::Expressions(ty, exprs) => {
            let mut items = Vec::new();
            for e in exprs {
                items.push(ConstExpr::parse(&e?)?);
            }
            (ref_type(ty, types)?, items)
        }
    };
    Ok(ElementSegment { mode, ty, items })
}

fn export_type(m: &ModuleInner, kind: ExportKind, index: u32) -> ExternType {
    let i = index as usize;
    // Validation guarantees every exported index exists.
    match kind {
        ExportKind::Func => ExternType::Func(m.types[m.funcs[i] as usize].clone()),
        ExportKind::Table => ExternType::Table(m.tables[i]),
        ExportKind::Memory => ExternType::Memory(m.memories[i]),
        ExportKind::Global => ExternType::Global(m.globals[i]),
    }
}

fn unsupported(what: &str) -> Error {
    Error::Module(ModuleError::new(
        format!("{what} are not supported by Wasp"),
        None,
    ))
}

/// A value type of the module whose (earlier) types are `types`.
pub(crate) fn val_type(ty: wasmparser::ValType, types: &[FuncType]) -> Result<ValType, Error> {
    Ok(match ty {
        wasmparser::ValType::I32 => ValType::I32,
        wasmparser::ValType::I64 => ValType::I64,
        wasmparser::ValType::F32 => ValType::F32,
        wasmparser::ValType::F64 => ValType::F64,
        wasmparser::ValType::V128 => ValType::V128,
        wasmparser::ValType::Ref(r) => ref_type(r, types)?.into(),
    })
}

/// A reference type: `funcref`, `externref` or one of the typed function references
/// proposal, its concrete heap type one of `types`.
fn ref_type(r: wasmparser::RefType, types: &[FuncType]) -> Result<RefType, Error> {
    use wasmparser::{AbstractHeapType as A, HeapType as H, UnpackedIndex};
    let heap = match r.heap_type() {
        H::Abstract {
            shared: false,
            ty: A::Func,
        } => HeapType::Func,
        H::Abstract {
            shared: false,
            ty: A::Extern,
        } => HeapType::Extern,
        H::Concrete(UnpackedIndex::Module(index)) => {
            let ty = types.get(index as usize).ok_or_else(|| {
                ModuleError::new(format!("unknown type {index} in a reference type"), None)
            })?;
            HeapType::Concrete(ConcreteFunc::new(ty))
        }
        _ => return Err(unsupported("GC and other proposals' reference types")),
    };
    Ok(RefType::new(r.is_nullable(), heap))
}

fn func_type(ty: &wasmparser::FuncType, types: &[FuncType]) -> Result<FuncType, Error> {
    let params = ty
        .params()
        .iter()
        .map(|t| val_type(*t, types))
        .collect::<Result<Vec<_>, _>>()?;
    let results = ty
        .results()
        .iter()
        .map(|t| val_type(*t, types))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(FuncType::new(params, results))
}

fn table_type(t: &wasmparser::TableType, types: &[FuncType]) -> Result<TableType, Error> {
    let element = ref_type(t.element_type, types)?;
    if t.table64 {
        return Ok(TableType::new64(element, t.initial, t.maximum));
    }
    // Validation bounds 32-bit table limits by u32::MAX.
    Ok(TableType::new(
        element,
        t.initial as u32,
        t.maximum.map(|m| m as u32),
    ))
}

fn memory_type(t: &wasmparser::MemoryType) -> Result<MemoryType, Error> {
    if t.shared {
        return Err(unsupported("shared memories"));
    }
    // Validation bounds 32-bit memories by 65536 pages of 64 KiB, 2^32 - 1 pages of 1 byte,
    // 64-bit memories by 2^48 pages of 64 KiB, and page sizes to those two.
    let ty = if t.memory64 {
        MemoryType::new64(t.initial, t.maximum)
    } else {
        MemoryType::new(t.initial as u32, t.maximum.map(|m| m as u32))
    };
    let log2 = t.page_size_log2.unwrap_or(16);
    let log2 = u8::try_from(log2)
        .ok()
        .and_then(|l| ty.with_page_size_log2(l));
    log2.ok_or_else(|| unsupported("page sizes other than 1 byte and 64 KiB"))
}

fn global_type(t: &wasmparser::GlobalType, types: &[FuncType]) -> Result<GlobalType, Error> {
    let mutability = if t.mutable {
        Mutability::Var
    } else {
        Mutability::Const
    };
    Ok(GlobalType::new(
        val_type(t.content_type, types)?,
        mutability,
    ))
}

/// FNV-1a, 64 bits: a stable content hash with no dependency.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}
