//! Pausing on input: a read of standard input given as an open, empty pipe yields, and the
//! embedder, once it has written input, completes the read and resumes with [`resume`].

use wasp_core::{CallOutcome, Continuation, Error, Instance, Store, Val};

use crate::guest::StoreGuest;
use crate::types::Errno;
use crate::WasiView;

/// The value a WASI call yields with when it waits for input on standard input.
pub const STDIN_YIELD: i32 = 0x5741_5349; // "WASI"

/// A call waiting for input, with its arguments, completed by [`resume`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pending {
    Read {
        fd: u32,
        iovs: u32,
        iovs_len: u32,
        nread: u32,
    },
    Poll {
        input: u32,
        out: u32,
        nsubs: u32,
        nevents: u32,
    },
}

/// How a call into a WASI program ended (or paused).
#[derive(Debug)]
pub enum WasiOutcome {
    /// The function returned these results.
    Finished(Vec<Val>),
    /// The program called `proc_exit` with this code.
    Exited(i32),
    /// The store's gas ran out: give it more and [`resume`].
    OutOfGas(Continuation),
    /// The program reads standard input (an in-memory [`Pipe`](crate::Pipe)) and none is
    /// waiting: write some (or close the pipe) and [`resume`].
    WaitingForInput(Continuation),
    /// Another host function yielded: resume the continuation yourself.
    Yielded(Continuation),
    /// The call was interrupted (an [`InterruptHandle`](wasp_core::InterruptHandle) or a
    /// deadline): [`resume`] it when the program may run again.
    Interrupted(Continuation),
}

/// Turns the end of a resumable call into a [`WasiOutcome`]: `proc_exit` becomes
/// [`WasiOutcome::Exited`], a yield of a blocked read [`WasiOutcome::WaitingForInput`].
///
/// # Errors
///
/// The call's error, when it trapped otherwise.
pub fn outcome<T: WasiView>(
    store: &mut Store<T>,
    result: Result<CallOutcome, Error>,
) -> Result<WasiOutcome, Error> {
    let exit = store.data_mut().wasi().exit_code.take();
    match result {
        Ok(CallOutcome::Finished { results, .. }) => Ok(WasiOutcome::Finished(results)),
        Ok(CallOutcome::OutOfGas(c)) => Ok(WasiOutcome::OutOfGas(c)),
        Ok(CallOutcome::Yielded(c)) if store.data_mut().wasi().pending.is_some() => {
            Ok(WasiOutcome::WaitingForInput(c))
        }
        Ok(CallOutcome::Yielded(c)) => Ok(WasiOutcome::Yielded(c)),
        Ok(CallOutcome::Interrupted(c)) => Ok(WasiOutcome::Interrupted(c)),
        Err(e) => match exit {
            Some(code) => Ok(WasiOutcome::Exited(code)),
            None => Err(e),
        },
    }
}

/// Resumes a paused WASI call: a read or poll waiting for input is completed first (if
/// input is still missing, the same continuation comes back as
/// [`WasiOutcome::WaitingForInput`]); a call paused for gas just goes on (give the store
/// gas first). `instance` is the instance the call runs in (its memory `memory` receives
/// the input).
///
/// # Errors
///
/// The call's error, when it traps; a usage error when the continuation does not belong
/// to this store, or when the instance exports no memory named `memory`.
pub fn resume<T: WasiView>(
    store: &mut Store<T>,
    instance: &Instance,
    paused: Continuation,
) -> Result<WasiOutcome, Error> {
    let Some(pending) = store.data_mut().wasi().pending.take() else {
        let result = paused.resume(&mut *store, &[]);
        return outcome(store, result);
    };
    let memory = instance
        .get_memory(&*store, "memory")
        .ok_or_else(|| Error::host("the WASI program exports no memory named \"memory\""))?;
    let gas = store.gas_left().ok();
    let mut guest = StoreGuest {
        store: &mut *store,
        memory,
    };
    let done = match pending {
        Pending::Read {
            fd,
            iovs,
            iovs_len,
            nread,
        } => crate::funcs::read(&mut guest, fd, iovs, iovs_len, nread),
        Pending::Poll {
            input,
            out,
            nsubs,
            nevents,
        } => crate::funcs::poll(&mut guest, gas, input, out, nsubs, nevents),
    };
    let errno = match done {
        Ok(None) => {
            store.data_mut().wasi().pending = Some(pending);
            return Ok(WasiOutcome::WaitingForInput(paused));
        }
        Ok(Some(_)) => Errno::Success,
        Err(e) => e,
    };
    let result = paused.resume(&mut *store, &[Val::I32(i32::from(errno as u16))]);
    outcome(store, result)
}
