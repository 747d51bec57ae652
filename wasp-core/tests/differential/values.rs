//! The common language both engines are translated into: values, traps and call outcomes,
//! and how two observations are compared.

use std::fmt;

/// A value as both engines can report it. References are compared by null-ness only: the
/// two engines' function and extern handles cannot be matched up.
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
pub const ARG_SETS: usize = 5;

/// Argument `set` (below [`ARG_SETS`]) for a parameter of kind `kind`: zeros, ones, minus
/// ones, then two sets of boundary values (extremes, canonical NaNs, an infinity, negative
/// zero).
pub fn argument(kind: Kind, set: usize) -> Value {
    let f32s = [0.0, 1.0, -1.0, f32::NAN, f32::NEG_INFINITY];
    let f64s = [0.0, 1.0, -1.0, -0.0, f64::NAN];
    match kind {
        Kind::I32 => Value::I32([0, 1, -1, i32::MIN, i32::MAX][set]),
        Kind::I64 => Value::I64([0, 1, -1, i64::MAX, i64::MIN][set]),
        Kind::F32 => Value::F32(f32s[set].to_bits()),
        Kind::F64 => Value::F64(f64s[set].to_bits()),
        Kind::FuncRef => Value::FuncRef(true),
        Kind::ExternRef => Value::ExternRef(true),
    }
}

/// Why an operation failed, in terms both engines share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// A Wasm trap of a kind both engines name.
    Trap(TrapKind),
    /// Any other error (message kept for the report; never compared).
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
    /// Whether two failures agree: any two failures that are not both traps agree (both
    /// engines refused), traps agree when their kinds do.
    pub fn same(&self, other: &Failure) -> bool {
        match (self, other) {
            (Failure::Trap(a), Failure::Trap(b)) => a == b,
            (Failure::Other(_), Failure::Other(_)) => true,
            (Failure::PeerPanic(_), _) | (_, Failure::PeerPanic(_)) => false,
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
