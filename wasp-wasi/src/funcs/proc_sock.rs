//! `proc_exit`, `proc_raise` and the socket calls (no socket is ever open).

use wasp_core::{host, Ctx, Error, HostError};

use crate::call::{wasi, wasi_call};
use crate::costs;
use crate::exit::Exit;
use crate::fd_table::Kind;
use crate::types::{Errno, WasiResult};
use crate::WasiView;

/// `proc_exit(rval)`: ends the call; the code is kept in the context, and
/// [`crate::run`], [`crate::outcome`] and [`crate::resume`] report it as
/// [`crate::WasiOutcome::Exited`] (a plain `call` sees a trap).
#[host]
pub fn proc_exit<T: WasiView>(ctx: &mut Ctx<T>, code: u32) -> Result<(), HostError> {
    let code = code as i32;
    wasi(ctx).exit_code = Some(code);
    Err(HostError::new(Exit(code)))
}

/// `proc_raise(sig) -> errno`: signals are not supported.
#[host]
pub fn proc_raise<T: WasiView>(ctx: &mut Ctx<T>, _sig: u32) -> Result<Errno, Error> {
    wasi_call(ctx, costs::CONTEXT, |_| Err(Errno::NotSup))
}

/// `badf` for a closed number, `notsock` for anything else: no socket is ever open.
fn not_a_socket<T: WasiView>(ctx: &mut Ctx<T>, fd: u32) -> WasiResult<u64> {
    match wasi(ctx).fds.get(fd)?.kind {
        Kind::Stdio(_) | Kind::File(_) | Kind::Dir(_) => Err(Errno::NotSock),
    }
}

/// `sock_accept(fd, flags) -> (errno, fd)`.
#[host]
pub fn sock_accept<T: WasiView>(
    ctx: &mut Ctx<T>,
    fd: u32,
    _flags: u32,
    _out: u32,
) -> Result<Errno, Error> {
    wasi_call(ctx, costs::SOCK, |ctx| not_a_socket(ctx, fd))
}

/// `sock_recv(fd, ri_data, ri_flags) -> (errno, size, roflags)`.
#[host]
pub fn sock_recv<T: WasiView>(
    ctx: &mut Ctx<T>,
    fd: u32,
    _ri_data: u32,
    _ri_data_len: u32,
    _ri_flags: u32,
    _ro_datalen: u32,
    _ro_flags: u32,
) -> Result<Errno, Error> {
    wasi_call(ctx, costs::SOCK, |ctx| not_a_socket(ctx, fd))
}

/// `sock_send(fd, si_data, si_flags) -> (errno, size)`.
#[host]
pub fn sock_send<T: WasiView>(
    ctx: &mut Ctx<T>,
    fd: u32,
    _si_data: u32,
    _si_data_len: u32,
    _si_flags: u32,
    _so_datalen: u32,
) -> Result<Errno, Error> {
    wasi_call(ctx, costs::SOCK, |ctx| not_a_socket(ctx, fd))
}

/// `sock_shutdown(fd, how) -> errno`.
#[host]
pub fn sock_shutdown<T: WasiView>(ctx: &mut Ctx<T>, fd: u32, _how: u32) -> Result<Errno, Error> {
    wasi_call(ctx, costs::SOCK, |ctx| not_a_socket(ctx, fd))
}
