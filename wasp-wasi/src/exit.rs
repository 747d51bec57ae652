//! `proc_exit`'s error: it ends the call; [`crate::outcome`] turns it into an exit code.

/// The guest called `proc_exit` with this code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the WASI program exited with code {0}")]
pub struct Exit(pub i32);
