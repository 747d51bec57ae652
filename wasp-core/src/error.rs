//! The one error type of Wasp and its parts: module errors, link errors, traps and limits.

use std::fmt;

use crate::debug::WasmBacktrace;

/// Every way an operation of Wasp can fail.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The module bytes could not be decoded or did not validate.
    #[error("invalid module: {0}")]
    Module(#[from] ModuleError),
    /// An import could not be resolved or had the wrong type.
    #[error(transparent)]
    Link(#[from] LinkError),
    /// Execution trapped (a Wasm trap, a trap raised by a host function, or an exhausted limit).
    #[error(transparent)]
    Trap(#[from] Trap),
    /// A call or an operation of the embedder API was used with values of the wrong kind.
    #[error(transparent)]
    Usage(#[from] UsageError),
    /// An instantiation or allocation would exceed a limit of the store.
    #[error(transparent)]
    Limit(#[from] crate::limits::LimitError),
    /// A snapshot or continuation could not be restored.
    #[error(transparent)]
    Snapshot(crate::snapshot::SnapshotError),
}

impl Error {
    /// The trap code when this error is a Wasm trap.
    pub fn trap_code(&self) -> Option<TrapCode> {
        match self {
            Error::Trap(trap) => trap.code(),
            _ => None,
        }
    }

    /// The trap when this error is one.
    pub fn as_trap(&self) -> Option<&Trap> {
        match self {
            Error::Trap(trap) => Some(trap),
            _ => None,
        }
    }

    /// Creates an error that a host function returns to trap with a message.
    pub fn host(message: impl Into<String>) -> Error {
        Error::Trap(Trap::host(message))
    }
}

/// The module could not be decoded, validated or translated.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}{}", offset.map(|o| format!(" (at offset {o:#x})")).unwrap_or_default())]
pub struct ModuleError {
    message: String,
    offset: Option<usize>,
}

impl ModuleError {
    pub(crate) fn new(message: impl Into<String>, offset: Option<usize>) -> ModuleError {
        ModuleError {
            message: message.into(),
            offset,
        }
    }

    /// The message without the offset.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl From<wasmparser::BinaryReaderError> for ModuleError {
    fn from(e: wasmparser::BinaryReaderError) -> ModuleError {
        ModuleError::new(e.message().to_string(), Some(e.offset() as usize))
    }
}

impl From<wasmparser::BinaryReaderError> for Error {
    fn from(e: wasmparser::BinaryReaderError) -> Error {
        Error::Module(e.into())
    }
}

/// An import that the linker could not satisfy.
#[derive(Debug, Clone, thiserror::Error)]
pub enum LinkError {
    /// Nothing is defined under the imported name.
    #[error(
        "unknown import: \"{module}\" \"{name}\" is not defined (the module expects {expected})"
    )]
    UnknownImport {
        /// Import module name.
        module: String,
        /// Import field name.
        name: String,
        /// The type the module expects.
        expected: String,
    },
    /// Something is defined under the name, but not of the type the module imports.
    #[error(
        "incompatible import type for \"{module}\" \"{name}\": expected {expected}, found {found}"
    )]
    IncompatibleImport {
        /// Import module name.
        module: String,
        /// Import field name.
        name: String,
        /// The type the module expects.
        expected: String,
        /// The type of what is defined.
        found: String,
    },
    /// A definition under this name exists already.
    #[error("duplicate definition: \"{module}\" \"{name}\" is already defined")]
    Duplicate {
        /// Module name.
        module: String,
        /// Field name.
        name: String,
    },
}

/// Misuse of the embedding API: wrong argument count or types, an item of another store, etc.
#[derive(Debug, Clone, thiserror::Error)]
pub enum UsageError {
    /// The values passed do not match the function's parameters.
    #[error("wrong arguments: expected {expected}, found {found}")]
    ArgumentMismatch {
        /// What the function takes.
        expected: String,
        /// What was passed.
        found: String,
    },
    /// The typed view asked for does not match the function's type.
    #[error("function type mismatch: expected {expected}, found {found}")]
    TypeMismatch {
        /// The type asked for.
        expected: String,
        /// The actual type.
        found: String,
    },
    /// No export of that name (or of that kind).
    #[error("no exported {kind} named \"{name}\"")]
    MissingExport {
        /// What kind of item was asked for.
        kind: &'static str,
        /// The name asked for.
        name: String,
    },
    /// A value of the wrong type was given for a global, table or parameter.
    #[error("value type mismatch: expected {expected}, found {found}")]
    ValueMismatch {
        /// The type expected.
        expected: String,
        /// The type found.
        found: String,
    },
    /// A write to an immutable global.
    #[error("cannot set an immutable global")]
    ImmutableGlobal,
    /// A handle made by another store (not this one or a clone of it).
    #[error("expected a {0} handle of this store, found one made by another store")]
    ForeignHandle(&'static str),
    /// An out-of-bounds access through the host API.
    #[error("out of bounds {what}: {offset} + {len} exceeds the size {size}")]
    OutOfBounds {
        /// What was accessed (`memory`, `table`).
        what: &'static str,
        /// Where the access started.
        offset: u64,
        /// How long it was.
        len: u64,
        /// The size of the memory or table.
        size: u64,
    },
    /// A memory or table could not grow by the requested amount.
    #[error("cannot grow {what} by {delta}: the limit would be exceeded")]
    GrowFailed {
        /// `memory` or `table`.
        what: &'static str,
        /// The requested growth.
        delta: u64,
    },
    /// A deadline was set, but the engine's timer thread could not be started.
    #[error("cannot set a deadline: the engine's timer thread could not be started")]
    TimerUnavailable,
    /// Gas was asked for, but the engine's configuration has gas metering off.
    #[error("gas metering is off: turn it on with `Config::gas_metering(true)`")]
    GasDisabled,
    /// A host function yielded during a call that cannot pause.
    #[error("a host function yielded, but the call was not made with `call_resumable`")]
    YieldOutsideResumable,
    /// A continuation was resumed with inputs that do not match what the paused call expects.
    #[error("cannot resume: expected {expected}, found {found}")]
    ResumeMismatch {
        /// What the continuation expects.
        expected: String,
        /// What was given.
        found: String,
    },
    /// A memory or table type that cannot be created (e.g. `min` above `max` or above 4 GiB).
    #[error("invalid {0}")]
    InvalidType(String),
}

/// The reasons for which WebAssembly code traps, worded as the specification words them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TrapCode {
    /// `unreachable` was executed.
    Unreachable,
    /// A memory access out of the bounds of a linear memory.
    MemoryOutOfBounds,
    /// A table access out of the bounds of a table.
    TableOutOfBounds,
    /// `call_indirect` with an index past the end of the table.
    UndefinedElement,
    /// `call_indirect` on a null table entry.
    UninitializedElement,
    /// `call_indirect` on a function of another type.
    IndirectCallTypeMismatch,
    /// Division or remainder by zero.
    IntegerDivisionByZero,
    /// Signed division overflow or float-to-int overflow.
    IntegerOverflow,
    /// Float-to-int conversion of a NaN.
    BadConversionToInteger,
    /// The call stack (frames or value slots) exceeded its configured limit.
    StackOverflow,
    /// A null reference was dereferenced (`ref.as_non_null`).
    NullReference,
    /// `call_ref` or `return_call_ref` of a null function reference.
    NullFunctionReference,
    /// Gas metering is on and the store's gas ran out (in a call that cannot pause).
    OutOfGas,
    /// The call was interrupted through an [`InterruptHandle`](crate::InterruptHandle) or
    /// its deadline passed (in a call that cannot pause).
    Interrupted,
    /// A function body that `Module::new` validated could not be translated on its first
    /// call (lazy compilation). Validation rules this out; it would be a bug in Wasp.
    Untranslatable,
}

impl TrapCode {
    /// The specification's wording of this trap.
    pub fn message(self) -> &'static str {
        match self {
            TrapCode::Unreachable => "unreachable",
            TrapCode::MemoryOutOfBounds => "out of bounds memory access",
            TrapCode::TableOutOfBounds => "out of bounds table access",
            TrapCode::UndefinedElement => "undefined element",
            TrapCode::UninitializedElement => "uninitialized element",
            TrapCode::IndirectCallTypeMismatch => "indirect call type mismatch",
            TrapCode::IntegerDivisionByZero => "integer divide by zero",
            TrapCode::IntegerOverflow => "integer overflow",
            TrapCode::BadConversionToInteger => "invalid conversion to integer",
            TrapCode::StackOverflow => "call stack exhausted",
            TrapCode::NullReference => "null reference",
            TrapCode::NullFunctionReference => "null function reference",
            TrapCode::OutOfGas => "all gas consumed",
            TrapCode::Interrupted => "interrupted",
            TrapCode::Untranslatable => "function body could not be translated",
        }
    }
}

impl fmt::Display for TrapCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

/// A trap: execution stopped because of a Wasm trap or because a host function failed.
///
/// Its `Display` is one line; [`Trap::backtrace`] tells where the guest was.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{kind}")]
pub struct Trap {
    kind: TrapKind,
    backtrace: Option<Box<WasmBacktrace>>,
}

/// What stopped a trapped call.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TrapKind {
    /// A trap of the WebAssembly semantics.
    #[error("wasm trap: {0}")]
    Wasm(TrapCode),
    /// A host function returned an error.
    #[error("host function failed: {0}")]
    Host(String),
}

impl Trap {
    /// A trap raised by a host function.
    pub fn host(message: impl Into<String>) -> Trap {
        TrapKind::Host(message.into()).into()
    }

    /// What stopped the call.
    pub fn kind(&self) -> &TrapKind {
        &self.kind
    }

    /// The Wasm trap code, if this is a Wasm trap.
    pub fn code(&self) -> Option<TrapCode> {
        match self.kind {
            TrapKind::Wasm(code) => Some(code),
            TrapKind::Host(_) => None,
        }
    }

    /// The Wasm frames the call was in when it trapped, innermost first; `None` for a trap
    /// raised before any Wasm frame ran (a host function called directly, for instance).
    pub fn backtrace(&self) -> Option<&WasmBacktrace> {
        self.backtrace.as_deref()
    }

    /// Adds the frames of an outer call below those already recorded (a trap that passed
    /// through a host function called by Wasm).
    pub(crate) fn add_frames(&mut self, outer: WasmBacktrace) {
        match &mut self.backtrace {
            Some(backtrace) => backtrace.extend(outer),
            None => self.backtrace = Some(Box::new(outer)),
        }
    }
}

impl From<TrapKind> for Trap {
    fn from(kind: TrapKind) -> Trap {
        Trap {
            kind,
            backtrace: None,
        }
    }
}

impl From<TrapCode> for Trap {
    fn from(code: TrapCode) -> Trap {
        TrapKind::Wasm(code).into()
    }
}

impl From<TrapCode> for Error {
    fn from(code: TrapCode) -> Error {
        Error::Trap(code.into())
    }
}
