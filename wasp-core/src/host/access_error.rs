//! `AccessError`: why host code could not reach the caller's memory or exports.

use crate::error::{Error, Trap};

/// Why host code could not read or write the calling instance's memory, or find one of its
/// exports. Returned by [`Ctx`](crate::Ctx) and the memory views; with `?` in a host
/// function it becomes a trap carrying the message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AccessError {
    /// The host function was called from the host (e.g. directly from Rust, or through
    /// `Func::call`), so there is no calling instance.
    #[error("no calling instance: expected a call from Wasm code, found a call from the host")]
    NotCalledFromWasm,
    /// The calling instance has no linear memory.
    #[error("no default memory: expected the calling instance to have a memory, found none")]
    NoMemory,
    /// The calling instance has no memory of this index.
    #[error(
        "no memory {index}: expected a memory index below {count} (the calling instance's \
         memories), found {index}"
    )]
    NoMemoryAt {
        /// The index asked for.
        index: u32,
        /// How many memories the instance has.
        count: u32,
    },
    /// The calling instance exports nothing under this name.
    #[error("no export named \"{name}\": expected an exported {expected}, found nothing")]
    MissingExport {
        /// The name asked for.
        name: String,
        /// The kind of item asked for (`memory`, `func`).
        expected: &'static str,
    },
    /// The export exists but is not of the kind asked for.
    #[error("export \"{name}\" has the wrong kind: expected a {expected}, found {found}")]
    WrongKind {
        /// The name asked for.
        name: String,
        /// The kind of item asked for (`memory`, `func`).
        expected: &'static str,
        /// The export's type in Wasm's notation, e.g. `(func (param i32))`.
        found: String,
    },
    /// An access past the end of the memory.
    #[error(
        "out of bounds memory access: expected offset + length <= {size} (the memory size), \
         found {offset} + {len}"
    )]
    OutOfBounds {
        /// Where the access started.
        offset: u64,
        /// How many bytes it spanned.
        len: u64,
        /// The memory's size in bytes.
        size: u64,
    },
    /// The bytes asked for as a string are not UTF-8.
    #[error(
        "invalid UTF-8 in memory: expected a UTF-8 string of {len} bytes at {offset}, \
         found an invalid sequence at {}",
        offset + valid_up_to
    )]
    InvalidUtf8 {
        /// Where the string starts.
        offset: u64,
        /// Its length in bytes.
        len: u64,
        /// How many bytes from the start are valid UTF-8.
        valid_up_to: u64,
    },
}

impl From<AccessError> for Error {
    /// A trap carrying the message.
    fn from(e: AccessError) -> Error {
        Error::Trap(Trap::host(e.to_string()))
    }
}
