//! `clock_res_get`, `clock_time_get`, `random_get`, `sched_yield`.

use wasp_core::{host, AsContext, Ctx, Error};

use crate::call::{wasi, wasi_call};
use crate::costs;
use crate::types::{clockid, Errno, WasiResult};
use crate::WasiView;

/// Gas left in the store, when it meters gas.
pub(crate) fn gas_left<T>(ctx: &Ctx<T>) -> Option<u64> {
    ctx.as_context().gas_left().ok()
}

/// Nanoseconds now on clock `id`.
pub(crate) fn now<T: WasiView>(ctx: &mut Ctx<T>, id: u32) -> WasiResult<u64> {
    let realtime = match id {
        clockid::REALTIME => true,
        clockid::MONOTONIC | clockid::PROCESS_CPUTIME | clockid::THREAD_CPUTIME => false,
        _ => return Err(Errno::Inval),
    };
    let gas = gas_left(ctx);
    Ok(wasi(ctx).clocks.now(realtime, gas))
}

/// `clock_res_get(id) -> (errno, timestamp)`.
#[host]
pub fn clock_res_get<T: WasiView>(
    ctx: &mut Ctx<T>,
    id: u32,
    resolution: u32,
) -> Result<Errno, Error> {
    wasi_call(ctx, costs::CONTEXT, |ctx| {
        if id > clockid::THREAD_CPUTIME {
            return Err(Errno::Inval);
        }
        let res = wasi(ctx).clocks.resolution();
        ctx.write_u64_le(resolution, res)?;
        Ok(0)
    })
}

/// `clock_time_get(id, precision) -> (errno, timestamp)`.
#[host]
pub fn clock_time_get<T: WasiView>(
    ctx: &mut Ctx<T>,
    id: u32,
    _precision: u64,
    time: u32,
) -> Result<Errno, Error> {
    wasi_call(ctx, costs::CONTEXT, |ctx| {
        let t = now(ctx, id)?;
        ctx.write_u64_le(time, t)?;
        Ok(0)
    })
}

/// `random_get(buf, buf_len) -> errno`.
#[host]
pub fn random_get<T: WasiView>(ctx: &mut Ctx<T>, buf: u32, len: u32) -> Result<Errno, Error> {
    wasi_call(ctx, costs::IO, |ctx| {
        ctx.read_bytes(buf, len)?; // fault before drawing
        let mut bytes = vec![0; len as usize];
        wasi(ctx).random.fill(&mut bytes)?;
        ctx.write_bytes(buf, &bytes)?;
        Ok(u64::from(len))
    })
}

/// `sched_yield() -> errno`: nothing to give way to in a single-threaded guest.
#[host]
pub fn sched_yield<T: WasiView>(ctx: &mut Ctx<T>) -> Result<Errno, Error> {
    wasi_call(ctx, costs::CONTEXT, |_| Ok(0))
}
