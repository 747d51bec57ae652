//! WebAssembly types as the embedder sees them: value, function, memory, table and global
//! types. Each prints in Wasm's text notation, e.g. `(func (param i32) (result i64))`.

use std::fmt;
use std::sync::Arc;

/// The type of a single WebAssembly value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ValType {
    /// 32-bit integer.
    I32,
    /// 64-bit integer.
    I64,
    /// 32-bit IEEE float.
    F32,
    /// 64-bit IEEE float.
    F64,
    /// 128-bit vector (the SIMD proposal): [`V128`](crate::V128) in typed calls.
    V128,
    /// A nullable reference to a function.
    FuncRef,
    /// A nullable reference to a host value.
    ExternRef,
}

impl ValType {
    /// Whether this is a reference type.
    pub fn is_ref(self) -> bool {
        matches!(self, ValType::FuncRef | ValType::ExternRef)
    }

    /// How many 64-bit slots a value of this type takes in a frame: two for a `v128` (low
    /// half first), one for every other type.
    pub(crate) fn slots(self) -> usize {
        if self == ValType::V128 {
            2
        } else {
            1
        }
    }
}

impl fmt::Display for ValType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ValType::I32 => "i32",
            ValType::I64 => "i64",
            ValType::F32 => "f32",
            ValType::F64 => "f64",
            ValType::V128 => "v128",
            ValType::FuncRef => "funcref",
            ValType::ExternRef => "externref",
        })
    }
}

/// The type of a reference: what a table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RefType {
    /// `funcref`
    Func,
    /// `externref`
    Extern,
}

impl From<RefType> for ValType {
    fn from(r: RefType) -> ValType {
        match r {
            RefType::Func => ValType::FuncRef,
            RefType::Extern => ValType::ExternRef,
        }
    }
}

impl fmt::Display for RefType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        ValType::from(*self).fmt(f)
    }
}

/// A function signature: parameter and result types.
///
/// ```
/// use wasp_core::{FuncType, ValType};
/// let ty = FuncType::new([ValType::I32], [ValType::I64]);
/// assert_eq!(ty.to_string(), "(func (param i32) (result i64))");
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct FuncType {
    params_results: Arc<[ValType]>,
    num_params: usize,
    /// Slots the parameters and the results take in a frame (see [`ValType::slots`]).
    param_slots: u32,
    result_slots: u32,
}

impl FuncType {
    /// Creates a function type from its parameter and result types.
    pub fn new(
        params: impl IntoIterator<Item = ValType>,
        results: impl IntoIterator<Item = ValType>,
    ) -> FuncType {
        let mut all: Vec<ValType> = params.into_iter().collect();
        let num_params = all.len();
        all.extend(results);
        let slots = |tys: &[ValType]| tys.iter().map(|t| t.slots() as u32).sum();
        FuncType {
            param_slots: slots(&all[..num_params]),
            result_slots: slots(&all[num_params..]),
            params_results: all.into(),
            num_params,
        }
    }

    /// How many frame slots the parameters take (a `v128` takes two).
    pub(crate) fn param_slots(&self) -> usize {
        self.param_slots as usize
    }

    /// How many frame slots the results take (a `v128` takes two).
    pub(crate) fn result_slots(&self) -> usize {
        self.result_slots as usize
    }

    /// The parameter types.
    pub fn params(&self) -> &[ValType] {
        &self.params_results[..self.num_params]
    }

    /// The result types.
    pub fn results(&self) -> &[ValType] {
        &self.params_results[self.num_params..]
    }
}

impl fmt::Debug for FuncType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for FuncType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("(func")?;
        write_list(f, "param", self.params())?;
        write_list(f, "result", self.results())?;
        f.write_str(")")
    }
}

fn write_list(f: &mut fmt::Formatter<'_>, what: &str, tys: &[ValType]) -> fmt::Result {
    if tys.is_empty() {
        return Ok(());
    }
    write!(f, " ({what}")?;
    for ty in tys {
        write!(f, " {ty}")?;
    }
    f.write_str(")")
}

/// Whether a global can be written after instantiation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mutability {
    /// Immutable.
    Const,
    /// Mutable (`(mut ...)`).
    Var,
}

/// The type of a global: its value type and mutability.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct GlobalType {
    content: ValType,
    mutability: Mutability,
}

impl GlobalType {
    /// Creates a global type.
    pub fn new(content: ValType, mutability: Mutability) -> GlobalType {
        GlobalType {
            content,
            mutability,
        }
    }

    /// The type of the value the global holds.
    pub fn content(&self) -> ValType {
        self.content
    }

    /// Whether the global is mutable.
    pub fn mutability(&self) -> Mutability {
        self.mutability
    }
}

impl fmt::Display for GlobalType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.mutability {
            Mutability::Const => write!(f, "(global {})", self.content),
            Mutability::Var => write!(f, "(global (mut {}))", self.content),
        }
    }
}

/// The type of a linear memory: limits in pages, of 64 KiB unless the memory declares 1-byte
/// pages (the custom-page-sizes proposal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MemoryType {
    min: u64,
    max: Option<u64>,
    page_size_log2: u8,
}

/// The default page size, 64 KiB, as a power of two.
const DEFAULT_PAGE_SIZE_LOG2: u8 = 16;

impl MemoryType {
    /// Creates a memory type with `min` initial 64 KiB pages and an optional maximum.
    pub fn new(min: u32, max: Option<u32>) -> MemoryType {
        MemoryType {
            min: u64::from(min),
            max: max.map(u64::from),
            page_size_log2: DEFAULT_PAGE_SIZE_LOG2,
        }
    }

    /// The same limits counted in pages of `2^log2` bytes: 1-byte pages (`0`) or the default
    /// 64 KiB (`16`); `None` for any other page size.
    pub fn with_page_size_log2(self, log2: u8) -> Option<MemoryType> {
        matches!(log2, 0 | DEFAULT_PAGE_SIZE_LOG2).then_some(MemoryType {
            page_size_log2: log2,
            ..self
        })
    }

    /// Initial size in pages.
    pub fn min(&self) -> u64 {
        self.min
    }

    /// Maximum size in pages, if any.
    pub fn max(&self) -> Option<u64> {
        self.max
    }

    /// The page size in bytes: 65536, or 1.
    pub fn page_size(&self) -> u64 {
        1 << self.page_size_log2
    }

    /// The page size as a power of two: 16, or 0.
    pub fn page_size_log2(&self) -> u8 {
        self.page_size_log2
    }

    /// The most pages a 32-bit memory of this page size can have: 65536 pages of 64 KiB,
    /// 2^32 - 1 pages of 1 byte (so that `memory.grow`'s `-1` stays unambiguous).
    pub(crate) fn page_limit(&self) -> u64 {
        ((1u64 << 32) >> self.page_size_log2).min(u64::from(u32::MAX))
    }

    /// The same type with `min` pages.
    pub(crate) fn with_min(self, min: u64) -> MemoryType {
        MemoryType { min, ..self }
    }

    /// Whether a memory of this type may be used where `other` is expected (import subtyping):
    /// the same page size and limits that fit.
    pub fn is_subtype_of(&self, other: &MemoryType) -> bool {
        self.page_size_log2 == other.page_size_log2
            && limits_match(self.min, self.max, other.min, other.max)
    }
}

impl fmt::Display for MemoryType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "(memory {}", self.min)?;
        if let Some(max) = self.max {
            write!(f, " {max}")?;
        }
        if self.page_size_log2 != DEFAULT_PAGE_SIZE_LOG2 {
            write!(f, " (pagesize {})", self.page_size())?;
        }
        f.write_str(")")
    }
}

/// The type of a table: element type and limits in elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TableType {
    element: RefType,
    min: u64,
    max: Option<u64>,
}

impl TableType {
    /// Creates a table type.
    pub fn new(element: RefType, min: u32, max: Option<u32>) -> TableType {
        TableType {
            element,
            min: u64::from(min),
            max: max.map(u64::from),
        }
    }

    /// The type of the references the table holds.
    pub fn element(&self) -> RefType {
        self.element
    }

    /// Initial size in elements.
    pub fn min(&self) -> u64 {
        self.min
    }

    /// Maximum size in elements, if any.
    pub fn max(&self) -> Option<u64> {
        self.max
    }

    /// Whether a table of this type may be used where `other` is expected (import subtyping).
    pub fn is_subtype_of(&self, other: &TableType) -> bool {
        self.element == other.element && limits_match(self.min, self.max, other.min, other.max)
    }
}

impl fmt::Display for TableType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "(table {}", self.min)?;
        if let Some(max) = self.max {
            write!(f, " {max}")?;
        }
        write!(f, " {})", self.element)
    }
}

fn limits_match(min: u64, max: Option<u64>, want_min: u64, want_max: Option<u64>) -> bool {
    if min < want_min {
        return false;
    }
    match (max, want_max) {
        (_, None) => true,
        (Some(max), Some(want_max)) => max <= want_max,
        (None, Some(_)) => false,
    }
}

/// The type of anything a module imports or exports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExternType {
    /// A function.
    Func(FuncType),
    /// A table.
    Table(TableType),
    /// A linear memory.
    Memory(MemoryType),
    /// A global.
    Global(GlobalType),
}

impl ExternType {
    /// The kind of item, as Wasm's text format names it (`func`, `table`, `memory`, `global`).
    pub fn kind(&self) -> &'static str {
        match self {
            ExternType::Func(_) => "func",
            ExternType::Table(_) => "table",
            ExternType::Memory(_) => "memory",
            ExternType::Global(_) => "global",
        }
    }
}

impl fmt::Display for ExternType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExternType::Func(t) => t.fmt(f),
            ExternType::Table(t) => t.fmt(f),
            ExternType::Memory(t) => t.fmt(f),
            ExternType::Global(t) => t.fmt(f),
        }
    }
}
