//! WebAssembly types as the embedder sees them: value, function, memory, table and global
//! types. Each prints in Wasm's text notation, e.g. `(func (param i32) (result i64))`.

use std::fmt;
use std::sync::Arc;

/// The type of a single WebAssembly value.
///
/// `funcref` and `externref` have their own variants; every other reference type (those of
/// the typed function references proposal: `(ref func)`, `(ref null $t)`, `(ref $t)`, ...)
/// is a [`ValType::Ref`]. [`ValType::from`] a [`RefType`] picks the right one.
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
    /// Any other reference type: never `funcref` or `externref` themselves.
    Ref(RefType),
}

impl ValType {
    /// Whether this is a reference type.
    pub fn is_ref(self) -> bool {
        self.as_ref_type().is_some()
    }

    /// The reference type, if this is one.
    pub fn as_ref_type(self) -> Option<RefType> {
        match self {
            ValType::FuncRef => Some(RefType::Func),
            ValType::ExternRef => Some(RefType::Extern),
            ValType::Ref(r) => Some(r),
            _ => None,
        }
    }

    /// Whether a value of this type may be used where `other` is expected: equal types,
    /// or references related by the subtyping of the typed function references proposal
    /// (`(ref $t)` is a `(ref null $t)`, which is a `funcref`).
    pub fn is_subtype_of(self, other: ValType) -> bool {
        match (self.as_ref_type(), other.as_ref_type()) {
            (Some(a), Some(b)) => a.is_subtype_of(&b),
            _ => self == other,
        }
    }

    /// Whether the type has a default value (zero or null): every type but the
    /// non-nullable references.
    pub fn is_defaultable(self) -> bool {
        self.as_ref_type().is_none_or(|r| r.is_nullable())
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
            ValType::Ref(r) => return r.fmt(f),
        })
    }
}

/// What a reference points to: the heap type of a reference type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HeapType {
    /// Any function (`func`).
    Func,
    /// Any host value (`extern`).
    Extern,
    /// A function of one signature (`$t` in `(ref $t)`).
    Concrete(ConcreteFunc),
}

impl HeapType {
    /// Whether every reference to this heap type is also one to `other`.
    pub fn is_subtype_of(self, other: HeapType) -> bool {
        self == other || matches!((self, other), (HeapType::Concrete(_), HeapType::Func))
    }
}

impl fmt::Display for HeapType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            HeapType::Func => f.write_str("func"),
            HeapType::Extern => f.write_str("extern"),
            HeapType::Concrete(c) => c.fmt(f),
        }
    }
}

/// A function signature as the heap type of a typed function reference.
///
/// Signatures are interned for the life of the process, so that this handle is `Copy` and
/// two equal signatures are one handle. It prints as the signature in Wasm's text notation,
/// `(func (param i32))`, since the module's name for it (`$t`) means nothing outside it.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ConcreteFunc(&'static FuncType);

impl ConcreteFunc {
    /// The handle of signature `ty`.
    pub fn new(ty: &FuncType) -> ConcreteFunc {
        use std::collections::HashSet;
        use std::sync::{Mutex, OnceLock, PoisonError};
        static INTERNED: OnceLock<Mutex<HashSet<&'static FuncType>>> = OnceLock::new();
        let mut set = INTERNED
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(&found) = set.get(ty) {
            return ConcreteFunc(found);
        }
        let leaked: &'static FuncType = Box::leak(Box::new(ty.clone()));
        set.insert(leaked);
        ConcreteFunc(leaked)
    }

    /// The signature.
    pub fn func_type(&self) -> &FuncType {
        self.0
    }
}

impl fmt::Debug for ConcreteFunc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.0, f)
    }
}

impl fmt::Display for ConcreteFunc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.0, f)
    }
}

/// The type of a reference: what a table holds, and the reference value types.
///
/// `funcref` and `externref` have their own variants; [`RefType::new`] builds any
/// reference type and gives those two their variants.
///
/// ```
/// use wasp_core::{FuncType, HeapType, ConcreteFunc, RefType, ValType};
/// let sig = ConcreteFunc::new(&FuncType::new([ValType::I32], []));
/// let ty = RefType::new(false, HeapType::Concrete(sig));
/// assert_eq!(ty.to_string(), "(ref (func (param i32)))");
/// assert!(ty.is_subtype_of(&RefType::Func));
/// assert_eq!(RefType::new(true, HeapType::Func), RefType::Func);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RefType {
    /// `funcref`, that is `(ref null func)`.
    Func,
    /// `externref`, that is `(ref null extern)`.
    Extern,
    /// Any other reference type (never `funcref` or `externref`).
    Typed {
        /// Whether the reference may be null.
        nullable: bool,
        /// What it refers to.
        heap: HeapType,
    },
}

impl RefType {
    /// The reference type `(ref null? heap)`.
    pub fn new(nullable: bool, heap: HeapType) -> RefType {
        match (nullable, heap) {
            (true, HeapType::Func) => RefType::Func,
            (true, HeapType::Extern) => RefType::Extern,
            _ => RefType::Typed { nullable, heap },
        }
    }

    /// Whether the reference may be null.
    pub fn is_nullable(&self) -> bool {
        match self {
            RefType::Func | RefType::Extern => true,
            RefType::Typed { nullable, .. } => *nullable,
        }
    }

    /// What the reference points to.
    pub fn heap_type(&self) -> HeapType {
        match self {
            RefType::Func => HeapType::Func,
            RefType::Extern => HeapType::Extern,
            RefType::Typed { heap, .. } => *heap,
        }
    }

    /// Whether a reference of this type may be used where `other` is expected.
    pub fn is_subtype_of(&self, other: &RefType) -> bool {
        (other.is_nullable() || !self.is_nullable())
            && self.heap_type().is_subtype_of(other.heap_type())
    }
}

impl From<RefType> for ValType {
    fn from(r: RefType) -> ValType {
        match r {
            RefType::Func => ValType::FuncRef,
            RefType::Extern => ValType::ExternRef,
            typed => ValType::Ref(typed),
        }
    }
}

impl fmt::Display for RefType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RefType::Func => f.write_str("funcref"),
            RefType::Extern => f.write_str("externref"),
            RefType::Typed { nullable, heap } => {
                let null = if *nullable { "null " } else { "" };
                write!(f, "(ref {null}{heap})")
            }
        }
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

impl GlobalType {
    /// Whether a global of this type may be used where `other` is expected (import
    /// subtyping): the same mutability, and a content type that is a subtype of `other`'s
    /// when immutable, the same one when mutable.
    pub fn is_subtype_of(&self, other: &GlobalType) -> bool {
        self.mutability == other.mutability
            && match self.mutability {
                Mutability::Const => self.content.is_subtype_of(other.content),
                Mutability::Var => self.content == other.content,
            }
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

/// The type of a linear memory: its index type (`i32`, or `i64` for a 64-bit memory of the
/// memory64 proposal) and limits in pages, of 64 KiB unless the memory declares 1-byte pages
/// (the custom-page-sizes proposal).
///
/// ```
/// use wasp_core::MemoryType;
/// let ty = MemoryType::new64(1, Some(1 << 20));
/// assert!(ty.is_64());
/// assert_eq!(ty.to_string(), "(memory i64 1 1048576)");
/// let bytes = MemoryType::new(0, None).with_page_size_log2(0).unwrap();
/// assert_eq!(bytes.to_string(), "(memory 0 (pagesize 1))");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MemoryType {
    min: u64,
    max: Option<u64>,
    page_size_log2: u8,
    memory64: bool,
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
            memory64: false,
        }
    }

    /// Creates the type of a 64-bit memory (the memory64 proposal: addresses, offsets, sizes
    /// and `memory.grow` deltas are `i64`) with `min` initial 64 KiB pages and an optional
    /// maximum. [`Memory::new`](crate::Memory::new) refuses more than 2^48 pages of 64 KiB.
    pub fn new64(min: u64, max: Option<u64>) -> MemoryType {
        MemoryType {
            min,
            max,
            page_size_log2: DEFAULT_PAGE_SIZE_LOG2,
            memory64: true,
        }
    }

    /// Whether this is a 64-bit memory (index type `i64`).
    pub fn is_64(&self) -> bool {
        self.memory64
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

    /// The most pages a memory of this index type and page size can have: 65536 pages of
    /// 64 KiB or 2^32 - 1 pages of 1 byte for a 32-bit memory, 2^48 pages of 64 KiB or
    /// 2^64 - 1 pages of 1 byte for a 64-bit one (so that `memory.grow`'s `-1` stays
    /// unambiguous).
    pub(crate) fn page_limit(&self) -> u64 {
        if self.memory64 {
            ((1u128 << 64) >> self.page_size_log2).min(u128::from(u64::MAX)) as u64
        } else {
            ((1u64 << 32) >> self.page_size_log2).min(u64::from(u32::MAX))
        }
    }

    /// The same type with `min` pages.
    pub(crate) fn with_min(self, min: u64) -> MemoryType {
        MemoryType { min, ..self }
    }

    /// Whether a memory of this type may be used where `other` is expected (import subtyping):
    /// the same index type, the same page size and limits that fit.
    pub fn is_subtype_of(&self, other: &MemoryType) -> bool {
        self.memory64 == other.memory64
            && self.page_size_log2 == other.page_size_log2
            && limits_match(self.min, self.max, other.min, other.max)
    }
}

impl fmt::Display for MemoryType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("(memory ")?;
        if self.memory64 {
            f.write_str("i64 ")?;
        }
        write!(f, "{}", self.min)?;
        if let Some(max) = self.max {
            write!(f, " {max}")?;
        }
        if self.page_size_log2 != DEFAULT_PAGE_SIZE_LOG2 {
            write!(f, " (pagesize {})", self.page_size())?;
        }
        f.write_str(")")
    }
}

/// The type of a table: its index type (`i32`, or `i64` for a 64-bit table of the memory64
/// proposal), element type and limits in elements.
///
/// ```
/// use wasp_core::{RefType, TableType};
/// let ty = TableType::new64(RefType::Func, 1, Some(1 << 40));
/// assert!(ty.is_64());
/// assert_eq!(ty.to_string(), "(table i64 1 1099511627776 funcref)");
/// assert_eq!(TableType::new(RefType::Func, 2, None).to_string(), "(table 2 funcref)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TableType {
    element: RefType,
    min: u64,
    max: Option<u64>,
    table64: bool,
}

impl TableType {
    /// Creates a table type.
    pub fn new(element: RefType, min: u32, max: Option<u32>) -> TableType {
        TableType {
            element,
            min: u64::from(min),
            max: max.map(u64::from),
            table64: false,
        }
    }

    /// Creates the type of a 64-bit table (the memory64 proposal: indices, sizes and
    /// `table.grow` deltas are `i64`) with `min` initial elements and an optional maximum.
    /// Any maximum is valid, but a table holds at most 2^32 - 1 elements:
    /// [`Table::new`](crate::Table::new) refuses a larger `min`, and growth stops there.
    pub fn new64(element: RefType, min: u64, max: Option<u64>) -> TableType {
        TableType {
            element,
            min,
            max,
            table64: true,
        }
    }

    /// Whether this is a 64-bit table (index type `i64`).
    pub fn is_64(&self) -> bool {
        self.table64
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

    /// The same type with `min` elements.
    pub(crate) fn with_min(self, min: u64) -> TableType {
        TableType { min, ..self }
    }

    /// Whether a table of this type may be used where `other` is expected (import subtyping):
    /// the same index type and element type and limits that fit.
    pub fn is_subtype_of(&self, other: &TableType) -> bool {
        self.table64 == other.table64
            && self.element == other.element
            && limits_match(self.min, self.max, other.min, other.max)
    }
}

impl fmt::Display for TableType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("(table ")?;
        if self.table64 {
            f.write_str("i64 ")?;
        }
        write!(f, "{}", self.min)?;
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
