//! The frame of every WASI host function: pay, run the body, turn its outcome into an errno.

use wasp_core::{Ctx, Error, Val};

use crate::costs::Price;
use crate::pause::Pending;
use crate::types::{Errno, WasiResult};
use crate::{WasiCtx, WasiView};

/// Pays `price.base` (pausing for gas before any effect), runs `body`, which returns the
/// number of bytes it moved, and pays for them.
pub(crate) fn wasi_call<T: WasiView>(
    ctx: &mut Ctx<T>,
    price: Price,
    body: impl FnOnce(&mut Ctx<T>) -> WasiResult<u64>,
) -> Result<Errno, Error> {
    ctx.charge_gas_or_pause(price.base)?;
    Ok(match body(ctx) {
        Ok(bytes) => {
            // Never cut short: an overdraw empties the store and the next instruction pauses.
            let _ = ctx.charge_gas(price.per_byte.saturating_mul(bytes));
            Errno::Success
        }
        Err(e) => e,
    })
}

/// As [`wasi_call`] for a call that may have to wait for input: when `body` finds none yet
/// (`None`), the call pays its base price only, is recorded as `pending` and yields
/// [`STDIN_YIELD`](crate::STDIN_YIELD), to be completed by [`crate::resume`].
pub(crate) fn wasi_call_or_wait<T: WasiView>(
    ctx: &mut Ctx<T>,
    price: Price,
    pending: Pending,
    body: impl FnOnce(&mut Ctx<T>) -> WasiResult<Option<u64>>,
) -> Result<Errno, Error> {
    let mut blocked = false;
    let errno = wasi_call(ctx, price, |ctx| {
        let moved = body(ctx)?;
        blocked = moved.is_none();
        Ok(moved.unwrap_or(0))
    })?;
    if blocked {
        wasi(ctx).pending = Some(pending);
        ctx.yield_with(Val::I32(crate::pause::STDIN_YIELD));
    }
    Ok(errno)
}

/// The WASI context in the store's data.
pub(crate) fn wasi<T: WasiView>(ctx: &mut Ctx<T>) -> &mut WasiCtx {
    ctx.data_mut().wasi()
}

/// The most bytes one read or write moves: a call may move fewer than asked, as POSIX
/// allows, so that iovecs naming the same memory many times cannot make the host allocate
/// more than this.
pub(crate) const MAX_IO: usize = 16 << 20;

/// The bytes of a ciovec array, gathered (at most [`MAX_IO`]).
pub(crate) fn gather<T: WasiView>(ctx: &Ctx<T>, ptr: u32, count: u32) -> WasiResult<Vec<u8>> {
    let mut out = Vec::new();
    for (buf, len) in crate::guest::iovecs(ctx, ptr, count)? {
        let bytes = ctx.read_bytes(buf, len)?;
        let room = MAX_IO - out.len();
        out.extend_from_slice(&bytes[..bytes.len().min(room)]);
        if out.len() == MAX_IO {
            break;
        }
    }
    Ok(out)
}

/// The total length of an iovec array, at most [`MAX_IO`].
pub(crate) fn total_len(iovs: &[(u32, u32)]) -> usize {
    iovs.iter()
        .map(|&(_, len)| len as usize)
        .fold(0usize, usize::saturating_add)
        .min(MAX_IO)
}

/// A guest path: UTF-8 bytes at `ptr`.
pub(crate) fn path<T>(ctx: &Ctx<T>, ptr: u32, len: u32) -> WasiResult<String> {
    let bytes = ctx.read_bytes(ptr, len)?;
    let s = std::str::from_utf8(bytes).map_err(|_| Errno::Ilseq)?;
    if s.contains('\0') {
        return Err(Errno::Inval);
    }
    Ok(s.to_string())
}
