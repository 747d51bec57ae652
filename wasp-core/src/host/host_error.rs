//! `HostError`: what a host function returns to make its call trap.

use std::error::Error as StdError;
use std::fmt;

use crate::error::{Error, Trap};

/// An error returned by a host function; the Wasm call that reached the host function traps
/// with its message.
///
/// Any standard error converts into it with `?` (an I/O error, a parse error, a
/// [`AccessError`](crate::AccessError) from [`Ctx`](crate::Ctx), a
/// [`wasp_core::Error`](crate::Error) from a call back into Wasm), and [`HostError::msg`] makes one from a message. A `wasp_core::Error`
/// keeps its identity: a Wasm trap raised in a nested call surfaces with its trap code.
///
/// ```
/// use wasp_core::{Error, HostError};
/// fn parse(s: &str) -> Result<i32, HostError> {
///     Ok(s.parse::<i32>()?)
/// }
/// let err: Error = parse("x").unwrap_err().into();
/// assert_eq!(err.to_string(), "host function failed: invalid digit found in string");
/// let err: Error = HostError::msg("no more moves").into();
/// assert_eq!(err.to_string(), "host function failed: no more moves");
/// ```
///
/// Like `anyhow::Error`, `HostError` does not implement [`std::error::Error`] itself: that is
/// what lets every error type convert into it.
pub struct HostError {
    repr: Repr,
}

enum Repr {
    Message(String),
    Error(Box<dyn StdError + Send + Sync + 'static>),
}

impl HostError {
    /// An error with a message and no cause.
    pub fn msg(message: impl fmt::Display) -> HostError {
        HostError {
            repr: Repr::Message(message.to_string()),
        }
    }

    /// An error wrapping `error`; its message and its chain of sources make the trap message.
    pub fn new(error: impl StdError + Send + Sync + 'static) -> HostError {
        HostError {
            repr: Repr::Error(Box::new(error)),
        }
    }

    /// The wrapped error, if it is an `E`.
    pub fn downcast_ref<E: StdError + 'static>(&self) -> Option<&E> {
        match &self.repr {
            Repr::Error(e) => e.downcast_ref::<E>(),
            Repr::Message(_) => None,
        }
    }
}

impl<E: StdError + Send + Sync + 'static> From<E> for HostError {
    fn from(error: E) -> HostError {
        HostError::new(error)
    }
}

impl fmt::Display for HostError {
    /// The message, followed by the messages of the error's sources, separated by `: `.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.repr {
            Repr::Message(m) => f.write_str(m),
            Repr::Error(e) => {
                write!(f, "{e}")?;
                let mut source = e.source();
                while let Some(s) = source {
                    write!(f, ": {s}")?;
                    source = s.source();
                }
                Ok(())
            }
        }
    }
}

impl fmt::Debug for HostError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.repr {
            Repr::Message(m) => f.debug_tuple("HostError").field(m).finish(),
            Repr::Error(e) => f.debug_tuple("HostError").field(e).finish(),
        }
    }
}

impl From<HostError> for Error {
    /// A trap carrying the error's message; a wrapped `wasp_core::Error` is returned as is.
    fn from(error: HostError) -> Error {
        match error.repr {
            Repr::Error(e) => match e.downcast::<Error>() {
                Ok(inner) => *inner,
                Err(e) => Error::Trap(Trap::host(
                    HostError {
                        repr: Repr::Error(e),
                    }
                    .to_string(),
                )),
            },
            Repr::Message(m) => Error::Trap(Trap::host(m)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::TrapCode;

    #[derive(Debug, thiserror::Error)]
    #[error("outer")]
    struct Outer(#[source] std::io::Error);

    #[test]
    fn message_includes_the_chain_of_sources() {
        let e = HostError::from(Outer(std::io::Error::other("inner")));
        assert_eq!(e.to_string(), "outer: inner");
        assert!(e.downcast_ref::<Outer>().is_some());
        assert_eq!(
            Error::from(e).to_string(),
            "host function failed: outer: inner"
        );
    }

    #[test]
    fn a_wasp_error_keeps_its_trap_code() {
        let e = HostError::from(Error::from(TrapCode::Unreachable));
        assert_eq!(Error::from(e).trap_code(), Some(TrapCode::Unreachable));
    }
}
