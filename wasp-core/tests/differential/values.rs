//! The common language both engines are translated into: values, traps and call outcomes,
//! and how two observations are compared.

use std::fmt;

/// A value as both engines can report it. References are compared by null-ness only: the
/// two engines' function and extern handles cannot be matched up. As an argument, a non-null
/// `funcref` is the function being called (each engine passes its own handle to it) and a
/// non-null `externref` a fresh host object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Value {
    /// An `i32`.
    I32(i32),
    /// An `i64`.
    I64(i64),
    /// The bits of an `f32`.
    F32(u32),
    /// The bits of an `f64`.
    F64(u64),
    /// The bits of a `v128` (compared exactly: `wasm-smith` canonicalises the NaNs of
    /// vector float arithmetic too, and the lane shape is unknown here).
    V128(u128),
    /// A `funcref`; `true` when null.
    FuncRef(bool),
    /// An `externref`; `true` when null.
    ExternRef(bool),
}

/// The kinds of values of exported function parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `i32`.
    I32,
    /// `i64`.
    I64,
    /// `f32`.
    F32,
    /// `f64`.
    F64,
    /// `v128`.
    V128,
    /// `funcref`.
    FuncRef,
    /// `externref`.
    ExternRef,
}

impl Value {
    /// Equality as the specification allows: exact, except that any NaN equals any NaN
    /// (NaN payloads and signs of arithmetic results are non-deterministic).
    pub fn same(self, other: Value) -> bool {
        match (self, other) {
            (Value::F32(a), Value::F32(b)) => a == b || (is_nan32(a) && is_nan32(b)),
            (Value::F64(a), Value::F64(b)) => a == b || (is_nan64(a) && is_nan64(b)),
            (a, b) => a == b,
        }
    }
}

fn is_nan32(bits: u32) -> bool {
    f32::from_bits(bits).is_nan()
}

fn is_nan64(bits: u64) -> bool {
    f64::from_bits(bits).is_nan()
}

/// The argument sets every exported function is called with, in order.
pub const ARG_SETS: usize = 8;

/// Argument `set` (below [`ARG_SETS`]) for a parameter of kind `kind`: zeros, ones, minus
/// ones, two sets of boundary values (extremes, canonical NaNs, infinities, negative zero),
/// then three sets of small values, which reach fewer traps (a division by zero, an address
/// out of bounds, a float too large to convert) and so compare more results. References are
/// null in even sets and non-null in odd ones.
pub fn argument(kind: Kind, set: usize) -> Value {
    let f32s = [
        0.0,
        1.0,
        -1.0,
        f32::NAN,
        f32::NEG_INFINITY,
        0.5,
        100.0,
        -0.0,
    ];
    let f64s = [0.0, 1.0, -1.0, -0.0, f64::NAN, 0.5, 100.0, f64::INFINITY];
    let null = set.is_multiple_of(2);
    match kind {
        Kind::I32 => Value::I32([0, 1, -1, i32::MIN, i32::MAX, 7, 100, 1000][set]),
        Kind::I64 => Value::I64([0, 1, -1, i64::MAX, i64::MIN, 7, 100, 1000][set]),
        Kind::F32 => Value::F32(f32s[set].to_bits()),
        Kind::F64 => Value::F64(f64s[set].to_bits()),
        Kind::V128 => Value::V128(V128S[set]),
        Kind::FuncRef => Value::FuncRef(null),
        Kind::ExternRef => Value::ExternRef(null),
    }
}

/// The `v128` arguments: zero, ones in every `i32` lane, all bits set, integer lane
/// extremes, `f32` lanes (NaN, -infinity, -0, 0.5), `f64` lanes (1, -0), small `i16` lanes,
/// and the bytes 0 to 15 (an identity `i8x16.swizzle` and in-range lane indices).
const V128S: [u128; ARG_SETS] = [
    0,
    0x0000_0001_0000_0001_0000_0001_0000_0001,
    u128::MAX,
    0x8000_0000_0000_0000_7fff_ffff_ff80_7f00,
    0x7fc0_0000_ff80_0000_8000_0000_3f00_0000,
    0x3ff0_0000_0000_0000_8000_0000_0000_0000,
    0x0007_0064_03e8_fff9_0000_0001_ffff_0010,
    0x0f0e_0d0c_0b0a_0908_0706_0504_0302_0100,
];

/// The text name of a value kind, as in `(param i32)`.
pub fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::I32 => "i32",
        Kind::I64 => "i64",
        Kind::F32 => "f32",
        Kind::F64 => "f64",
        Kind::V128 => "v128",
        Kind::FuncRef => "funcref",
        Kind::ExternRef => "externref",
    }
}

/// A module's exports as both engines describe them: `(name, type)` sorted by name, the type
/// in Wasm's text notation (`func (param i32) (result i64)`, `memory 1 8`, `global (mut
/// f32)`, `table 0 10 funcref`).
pub type ExportList = Vec<(String, String)>;

/// The text of a function type.
pub fn func_type_text(params: &[&str], results: &[&str]) -> String {
    let mut text = String::from("func");
    if !params.is_empty() {
        text.push_str(&format!(" (param {})", params.join(" ")));
    }
    if !results.is_empty() {
        text.push_str(&format!(" (result {})", results.join(" ")));
    }
    text
}

/// The text of limits: `min` or `min max`.
pub fn limits_text(min: u64, max: Option<u64>) -> String {
    match max {
        Some(max) => format!("{min} {max}"),
        None => min.to_string(),
    }
}

/// Why an operation failed, in terms both engines share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// A Wasm trap of a kind both engines name.
    Trap(TrapKind),
    /// Any other error, which agrees with nothing: a kind of failure the comparison does not
    /// name yet is a difference until it is named here (the message is kept for the report).
    Other(String),
    /// The peer panicked (a bug of the peer; the module cannot be compared).
    PeerPanic(String),
}

/// Trap kinds, merged where the engines word the same condition differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrapKind {
    /// `unreachable` executed.
    Unreachable,
    /// Memory access out of bounds.
    MemoryOutOfBounds,
    /// Table access out of bounds, including `call_indirect` past the end of the table
    /// (Wasp: "undefined element", wasmi: "out of bounds table access").
    TableOutOfBounds,
    /// `call_indirect` of a null entry.
    UninitializedElement,
    /// `call_indirect` with the wrong type.
    IndirectCallTypeMismatch,
    /// Integer division or remainder by zero.
    DivisionByZero,
    /// Signed division overflow or float-to-int overflow.
    IntegerOverflow,
    /// Float-to-int conversion of a NaN.
    BadConversionToInteger,
    /// The call stack was exhausted.
    StackOverflow,
    /// Gas (Wasp) or fuel (wasmi) ran out.
    OutOfFuel,
    /// A null reference was used.
    NullReference,
}

impl Failure {
    /// Whether two failures agree: traps of the same kind. Other errors and panics agree
    /// with nothing.
    pub fn same(&self, other: &Failure) -> bool {
        match (self, other) {
            (Failure::Trap(a), Failure::Trap(b)) => a == b,
            _ => false,
        }
    }
}

/// The outcome of a call: its results or why it failed.
pub type Outcome = Result<Vec<Value>, Failure>;

/// Whether two call outcomes agree (results NaN-aware, traps by kind).
pub fn same_outcome(a: &Outcome, b: &Outcome) -> bool {
    match (a, b) {
        (Ok(x), Ok(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| a.same(*b)),
        (Err(x), Err(y)) => x.same(y),
        _ => false,
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::I32(x) => write!(f, "i32:{x}"),
            Value::I64(x) => write!(f, "i64:{x}"),
            Value::F32(b) => write!(f, "f32:{}({b:#x})", f32::from_bits(*b)),
            Value::F64(b) => write!(f, "f64:{}({b:#x})", f64::from_bits(*b)),
            Value::V128(b) => write!(f, "v128:{b:#034x}"),
            Value::FuncRef(null) => write!(f, "funcref:{}", if *null { "null" } else { "func" }),
            Value::ExternRef(null) => {
                write!(f, "externref:{}", if *null { "null" } else { "ref" })
            }
        }
    }
}

/// A short rendering of an outcome for reports.
pub fn show(outcome: &Outcome) -> String {
    match outcome {
        Ok(values) => {
            let parts: Vec<String> = values.iter().map(Value::to_string).collect();
            format!("[{}]", parts.join(", "))
        }
        Err(Failure::Trap(kind)) => format!("trap {kind:?}"),
        Err(Failure::Other(message)) => format!("error {message}"),
        Err(Failure::PeerPanic(message)) => format!("peer panic {message}"),
    }
}
