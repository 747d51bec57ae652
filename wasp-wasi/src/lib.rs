//! WASI preview 1 (`wasi_snapshot_preview1`) for Wasp: every function a `#[host]` function,
//! grouped with `imports!`, and sandboxed beneath preopened directories by `cap-std`.
//!
//! Put a [`WasiCtx`] in the store's data (directly, or in your own type implementing
//! [`WasiView`]), add the functions to a linker with [`add_to_linker`], and run `_start`:
//!
//! ```
//! use wasp_core::{Engine, Linker, Module, Store};
//! use wasp_wasi::{Pipe, Stdio, WasiCtx, WasiOutcome};
//!
//! let engine = Engine::default();
//! let module = Module::new(&engine, r#"(module
//!     (import "wasi_snapshot_preview1" "fd_write"
//!         (func $fd_write (param i32 i32 i32 i32) (result i32)))
//!     (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
//!     (memory (export "memory") 1)
//!     (data (i32.const 16) "hi\n")
//!     (func (export "_start")
//!         (i32.store (i32.const 0) (i32.const 16))   ;; iovec: buf
//!         (i32.store (i32.const 4) (i32.const 3))    ;; iovec: len
//!         (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
//!         (call $exit (i32.const 7))))"#)?;
//! let out = Pipe::new();
//! let wasi = WasiCtx::builder().arg("hi").stdout(Stdio::Pipe(out.clone())).build()?;
//! let mut linker = Linker::new(&engine);
//! wasp_wasi::add_to_linker(&mut linker)?;
//! let mut store = Store::new(&engine, wasi);
//! let instance = linker.instantiate(&mut store, &module)?;
//! let outcome = wasp_wasi::run(&mut store, &instance)?;
//! assert!(matches!(outcome, WasiOutcome::Exited(7)));
//! assert_eq!(out.take_string(), "hi\n");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![deny(missing_docs)]

mod call;
mod clock;
pub mod costs;
mod ctx;
mod errno;
mod exit;
mod fd_table;
pub mod funcs;
mod guest;
mod pause;
mod random;
pub mod snapshot;
mod stat;
mod stdio;
pub mod types;

use wasp_core::{imports, Error, Imports, Instance, Linker, Store, Val};

pub use clock::{Clocks, DeterministicClock};
pub use ctx::{Preopen, WasiCtx, WasiCtxBuilder, WasiError};
pub use exit::Exit;
pub use pause::{outcome, resume, WasiOutcome, STDIN_YIELD};
pub use random::{Randomness, SeededRandom};
pub use stdio::{Pipe, Stdio};
pub use types::Errno;

/// The import module name of WASI preview 1.
pub const MODULE: &str = "wasi_snapshot_preview1";

/// Store data that holds a [`WasiCtx`].
pub trait WasiView: 'static {
    /// The WASI context.
    fn wasi(&mut self) -> &mut WasiCtx;
}

impl WasiView for WasiCtx {
    fn wasi(&mut self) -> &mut WasiCtx {
        self
    }
}

/// Every preview-1 function, under `wasi_snapshot_preview1`.
pub fn imports<T: WasiView>() -> Imports<T> {
    use funcs::*;
    imports! {
        "wasi_snapshot_preview1" => {
            "args_get" => args_get,
            "args_sizes_get" => args_sizes_get,
            "environ_get" => environ_get,
            "environ_sizes_get" => environ_sizes_get,
            "clock_res_get" => clock_res_get,
            "clock_time_get" => clock_time_get,
            "fd_advise" => fd_advise,
            "fd_allocate" => fd_allocate,
            "fd_close" => fd_close,
            "fd_datasync" => fd_datasync,
            "fd_fdstat_get" => fd_fdstat_get,
            "fd_fdstat_set_flags" => fd_fdstat_set_flags,
            "fd_fdstat_set_rights" => fd_fdstat_set_rights,
            "fd_filestat_get" => fd_filestat_get,
            "fd_filestat_set_size" => fd_filestat_set_size,
            "fd_filestat_set_times" => fd_filestat_set_times,
            "fd_pread" => fd_pread,
            "fd_prestat_get" => fd_prestat_get,
            "fd_prestat_dir_name" => fd_prestat_dir_name,
            "fd_pwrite" => fd_pwrite,
            "fd_read" => fd_read,
            "fd_readdir" => fd_readdir,
            "fd_renumber" => fd_renumber,
            "fd_seek" => fd_seek,
            "fd_sync" => fd_sync,
            "fd_tell" => fd_tell,
            "fd_write" => fd_write,
            "path_create_directory" => path_create_directory,
            "path_filestat_get" => path_filestat_get,
            "path_filestat_set_times" => path_filestat_set_times,
            "path_link" => path_link,
            "path_open" => path_open,
            "path_readlink" => path_readlink,
            "path_remove_directory" => path_remove_directory,
            "path_rename" => path_rename,
            "path_symlink" => path_symlink,
            "path_unlink_file" => path_unlink_file,
            "poll_oneoff" => poll_oneoff,
            "proc_exit" => proc_exit,
            "proc_raise" => proc_raise,
            "sched_yield" => sched_yield,
            "random_get" => random_get,
            "sock_accept" => sock_accept,
            "sock_recv" => sock_recv,
            "sock_send" => sock_send,
            "sock_shutdown" => sock_shutdown,
        },
    }
}

/// Defines every preview-1 function in `linker`.
///
/// # Errors
///
/// A [`LinkError::Duplicate`](wasp_core::LinkError::Duplicate) when one is defined already.
pub fn add_to_linker<T: WasiView>(linker: &mut Linker<T>) -> Result<(), Error> {
    linker.define_imports(imports::<T>())?;
    Ok(())
}

/// Whether `module` imports anything from WASI preview 1.
pub fn imports_wasi(module: &wasp_core::Module) -> bool {
    module.imports().any(|i| i.module() == MODULE)
}

/// Runs a command's `_start` as a resumable call (a reactor's `_initialize` when there is
/// no `_start`).
///
/// # Errors
///
/// A trap of the program (not `proc_exit`, which is [`WasiOutcome::Exited`]), or a usage
/// error when the instance exports neither function.
pub fn run<T: WasiView>(store: &mut Store<T>, instance: &Instance) -> Result<WasiOutcome, Error> {
    let start = instance
        .get_func(&*store, "_start")
        .or_else(|| instance.get_func(&*store, "_initialize"))
        .ok_or_else(|| Error::host("the module exports neither \"_start\" nor \"_initialize\""))?;
    let params: [Val; 0] = [];
    let result = start.call_resumable(&mut *store, &params);
    outcome(store, result)
}
