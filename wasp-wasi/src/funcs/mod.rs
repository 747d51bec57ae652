//! Every function of `wasi_snapshot_preview1`, each a `#[host]` function generic over the
//! store's data (any [`WasiView`](crate::WasiView)).

mod args_env;
mod clock_random;
mod fd;
mod fd_io;
mod path;
mod poll;
mod proc_sock;

pub use args_env::*;
pub use clock_random::*;
pub use fd::*;
pub use fd_io::*;
pub use path::*;
pub use poll::*;
pub use proc_sock::*;

pub(crate) use fd_io::read;
pub(crate) use poll::poll;
