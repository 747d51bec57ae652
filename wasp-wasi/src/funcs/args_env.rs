//! `args_get`, `args_sizes_get`, `environ_get`, `environ_sizes_get`.

use wasp_core::{host, Ctx, Error};

use crate::call::{wasi, wasi_call};
use crate::costs;
use crate::types::{Errno, WasiResult};
use crate::WasiView;

/// Writes each string NUL-terminated into `buf` and its address into `ptrs`.
fn write_strings<T>(ctx: &mut Ctx<T>, strings: &[String], ptrs: u32, buf: u32) -> WasiResult<u64> {
    let mut at = buf;
    for (i, s) in strings.iter().enumerate() {
        ctx.write_u32_le(u64::from(ptrs) + 4 * i as u64, at)?;
        ctx.write_bytes(at, s.as_bytes())?;
        ctx.write_u8(u64::from(at) + s.len() as u64, 0)?;
        at = u32::try_from(u64::from(at) + s.len() as u64 + 1).map_err(|_| Errno::Fault)?;
    }
    Ok(u64::from(at - buf))
}

/// Writes the count and the total NUL-terminated size of `strings`.
fn write_sizes<T>(ctx: &mut Ctx<T>, strings: &[String], count: u32, size: u32) -> WasiResult<u64> {
    let total: usize = strings.iter().map(|s| s.len() + 1).sum();
    ctx.write_u32_le(
        count,
        u32::try_from(strings.len()).map_err(|_| Errno::Overflow)?,
    )?;
    ctx.write_u32_le(size, u32::try_from(total).map_err(|_| Errno::Overflow)?)?;
    Ok(0)
}

fn env_strings(env: &[(String, String)]) -> Vec<String> {
    env.iter().map(|(k, v)| format!("{k}={v}")).collect()
}

/// `args_get(argv, argv_buf) -> errno`.
#[host]
pub fn args_get<T: WasiView>(ctx: &mut Ctx<T>, argv: u32, argv_buf: u32) -> Result<Errno, Error> {
    wasi_call(ctx, costs::CONTEXT, |ctx| {
        let args = wasi(ctx).args.clone();
        write_strings(ctx, &args, argv, argv_buf)
    })
}

/// `args_sizes_get() -> (errno, size, size)`, through two result pointers.
#[host]
pub fn args_sizes_get<T: WasiView>(
    ctx: &mut Ctx<T>,
    count: u32,
    size: u32,
) -> Result<Errno, Error> {
    wasi_call(ctx, costs::CONTEXT, |ctx| {
        let args = wasi(ctx).args.clone();
        write_sizes(ctx, &args, count, size)
    })
}

/// `environ_get(environ, environ_buf) -> errno`.
#[host]
pub fn environ_get<T: WasiView>(ctx: &mut Ctx<T>, environ: u32, buf: u32) -> Result<Errno, Error> {
    wasi_call(ctx, costs::CONTEXT, |ctx| {
        let env = env_strings(&wasi(ctx).env);
        write_strings(ctx, &env, environ, buf)
    })
}

/// `environ_sizes_get() -> (errno, size, size)`.
#[host]
pub fn environ_sizes_get<T: WasiView>(
    ctx: &mut Ctx<T>,
    count: u32,
    size: u32,
) -> Result<Errno, Error> {
    wasi_call(ctx, costs::CONTEXT, |ctx| {
        let env = env_strings(&wasi(ctx).env);
        write_sizes(ctx, &env, count, size)
    })
}
