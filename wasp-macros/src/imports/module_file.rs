//! Reading the imports of the module named by `check = ".."`, while compiling.

use std::path::{Path, PathBuf};

use syn::LitStr;
use wasmparser::{Parser, Payload, TypeRef};

use crate::wasm_type::{func_type_text, WasmType};

/// The imports of a module file.
pub struct ModuleFile {
    /// The path as written, for messages.
    pub written: String,
    /// Where the file was found, for `include_bytes!`.
    pub path: PathBuf,
    pub imports: Vec<Import>,
}

pub struct Import {
    pub module: String,
    pub name: String,
    pub ty: ImportType,
}

pub enum ImportType {
    Func {
        params: Vec<WasmType>,
        results: Vec<WasmType>,
    },
    /// A memory, table, global or tag, in Wasm's notation.
    Other(String),
}

impl ImportType {
    /// The type in Wasm's notation, as `wasp_core::ExternType` displays it.
    pub fn text(&self) -> String {
        match self {
            ImportType::Func { params, results } => func_type_text(params, results),
            ImportType::Other(text) => text.clone(),
        }
    }
}

/// Reads and parses the module at `lit`: relative to the crate's manifest directory, or,
/// when no such file exists, to the directory of the file that invokes the macro.
pub fn read(lit: &LitStr) -> syn::Result<ModuleFile> {
    let written = lit.value();
    let path = locate(lit, &written);
    let bytes = std::fs::read(&path).map_err(|e| {
        syn::Error::new(
            lit.span(),
            format!(
                "cannot read the module `{written}`: {e}; the path is relative to the \
                 directory of the crate's Cargo.toml"
            ),
        )
    })?;
    let wasm = wat::parse_bytes(&bytes).map_err(|mut e| {
        e.set_path(Path::new(&written));
        syn::Error::new(
            lit.span(),
            format!("`{written}` is not a WebAssembly module: {e}"),
        )
    })?;
    let imports = imports(&wasm).map_err(|e| {
        syn::Error::new(
            lit.span(),
            format!("cannot read the imports of `{written}`: {e}"),
        )
    })?;
    Ok(ModuleFile {
        written,
        path,
        imports,
    })
}

fn locate(lit: &LitStr, written: &str) -> PathBuf {
    let manifest_dir = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from);
    let from_manifest = manifest_dir.map(|d| d.join(written));
    if let Some(p) = &from_manifest {
        if p.exists() {
            return p.clone();
        }
    }
    let from_source = lit
        .span()
        .unwrap()
        .local_file()
        .and_then(|f| f.parent().map(|d| d.join(written)))
        .filter(|p| p.exists());
    from_source
        .or(from_manifest)
        .unwrap_or_else(|| Path::new(written).to_path_buf())
}

/// A function type of the module: its value types when a host function can have them, and
/// its text in Wasm's notation.
struct FuncEntry {
    /// `None` when it has a typed function reference (`(ref $t)`, ...), which no host
    /// function type has.
    plain: Option<(Vec<WasmType>, Vec<WasmType>)>,
    text: String,
}

fn imports(wasm: &[u8]) -> Result<Vec<Import>, String> {
    let mut types: Vec<Option<FuncEntry>> = Vec::new();
    let mut imports = Vec::new();
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.map_err(|e| e.to_string())? {
            Payload::TypeSection(reader) => {
                for group in reader {
                    for sub in group.map_err(|e| e.to_string())?.into_types() {
                        types.push(match sub.composite_type.inner {
                            wasmparser::CompositeInnerType::Func(f) => {
                                Some(func_entry(f.params(), f.results(), &types)?)
                            }
                            _ => None,
                        });
                    }
                }
            }
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    let import = import.map_err(|e| e.to_string())?;
                    let ty = match import.ty {
                        TypeRef::Func(i) | TypeRef::FuncExact(i) => {
                            let Some(Some(entry)) = types.get(i as usize) else {
                                return Err(format!("import uses unknown function type {i}"));
                            };
                            match &entry.plain {
                                Some((params, results)) => ImportType::Func {
                                    params: params.clone(),
                                    results: results.clone(),
                                },
                                None => ImportType::Other(entry.text.clone()),
                            }
                        }
                        TypeRef::Memory(m) => ImportType::Other(memory_text(&m)),
                        TypeRef::Table(t) => {
                            let elem = ref_text(t.element_type, &types)?;
                            // `i64` for a 64-bit table, as `wasp_core::TableType` displays it.
                            let index = if t.table64 { "i64 " } else { "" };
                            ImportType::Other(match t.maximum {
                                Some(max) => format!("(table {index}{} {max} {elem})", t.initial),
                                None => format!("(table {index}{} {elem})", t.initial),
                            })
                        }
                        TypeRef::Global(g) => {
                            let content = val_text(g.content_type, &types)?;
                            ImportType::Other(if g.mutable {
                                format!("(global (mut {content}))")
                            } else {
                                format!("(global {content})")
                            })
                        }
                        TypeRef::Tag(_) => ImportType::Other("(tag)".to_string()),
                    };
                    imports.push(Import {
                        module: import.module.to_string(),
                        name: import.name.to_string(),
                        ty,
                    });
                }
            }
            _ => {}
        }
    }
    Ok(imports)
}

/// A memory type as `wasp_core::MemoryType` displays it: `(memory i64 1 2 (pagesize 1))`,
/// with `i64` for a 64-bit memory and the page size only when it is not 64 KiB.
fn memory_text(m: &wasmparser::MemoryType) -> String {
    let mut text = String::from("(memory ");
    if m.memory64 {
        text.push_str("i64 ");
    }
    text.push_str(&m.initial.to_string());
    if let Some(max) = m.maximum {
        text.push_str(&format!(" {max}"));
    }
    match m.page_size_log2 {
        Some(log2) if log2 != 16 => {
            let size = 1u128
                .checked_shl(log2)
                .map_or(format!("2^{log2}"), |s| s.to_string());
            text.push_str(&format!(" (pagesize {size})"));
        }
        _ => {}
    }
    text.push(')');
    text
}

fn func_entry(
    params: &[wasmparser::ValType],
    results: &[wasmparser::ValType],
    types: &[Option<FuncEntry>],
) -> Result<FuncEntry, String> {
    let plain = |tys: &[wasmparser::ValType]| -> Option<Vec<WasmType>> {
        tys.iter().map(|t| val_type(*t)).collect()
    };
    let plain = plain(params).zip(plain(results));
    let text = match &plain {
        Some((p, r)) => func_type_text(p, r),
        None => {
            let mut text = String::from("(func");
            for (what, tys) in [("param", params), ("result", results)] {
                if !tys.is_empty() {
                    let list: Result<Vec<_>, _> = tys.iter().map(|t| val_text(*t, types)).collect();
                    text.push_str(&format!(" ({what} {})", list?.join(" ")));
                }
            }
            text + ")"
        }
    };
    Ok(FuncEntry { plain, text })
}

/// A value type a host function can have; `None` for typed function references.
fn val_type(ty: wasmparser::ValType) -> Option<WasmType> {
    Some(match ty {
        wasmparser::ValType::I32 => WasmType::I32,
        wasmparser::ValType::I64 => WasmType::I64,
        wasmparser::ValType::F32 => WasmType::F32,
        wasmparser::ValType::F64 => WasmType::F64,
        wasmparser::ValType::V128 => WasmType::V128,
        wasmparser::ValType::Ref(r) if r == wasmparser::RefType::FUNCREF => WasmType::FuncRef,
        wasmparser::ValType::Ref(r) if r == wasmparser::RefType::EXTERNREF => WasmType::ExternRef,
        wasmparser::ValType::Ref(_) => return None,
    })
}

/// A value type in Wasm's notation, as `wasp_core::ValType` displays it.
fn val_text(ty: wasmparser::ValType, types: &[Option<FuncEntry>]) -> Result<String, String> {
    match (val_type(ty), ty) {
        (Some(plain), _) => Ok(plain.name().to_string()),
        (None, wasmparser::ValType::Ref(r)) => ref_text(r, types),
        (None, _) => Err(format!(
            "it uses the value type {ty}, which Wasp does not support"
        )),
    }
}

/// A reference type in Wasm's notation, a concrete function type written out as its
/// signature, as `wasp_core::RefType` displays it.
fn ref_text(r: wasmparser::RefType, types: &[Option<FuncEntry>]) -> Result<String, String> {
    use wasmparser::{AbstractHeapType as A, HeapType as H, UnpackedIndex};
    if let Some(plain) = val_type(wasmparser::ValType::Ref(r)) {
        return Ok(plain.name().to_string());
    }
    let heap = match r.heap_type() {
        H::Abstract {
            shared: false,
            ty: A::Func,
        } => "func".to_string(),
        H::Abstract {
            shared: false,
            ty: A::Extern,
        } => "extern".to_string(),
        H::Concrete(UnpackedIndex::Module(i)) => match types.get(i as usize) {
            Some(Some(entry)) => entry.text.clone(),
            _ => return Err(format!("it refers to unknown function type {i}")),
        },
        _ => {
            return Err(format!(
                "it uses the reference type {r}, which Wasp does not support"
            ))
        }
    };
    let null = if r.is_nullable() { "null " } else { "" };
    Ok(format!("(ref {null}{heap})"))
}
