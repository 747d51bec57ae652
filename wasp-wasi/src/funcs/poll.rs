//! `poll_oneoff`: descriptors are ready at once, except standard input given as an open,
//! empty pipe; clocks sleep (host) or jump (deterministic) to the earliest timeout; a poll
//! on nothing but such a stdin pauses the call.

use wasp_core::{host, Ctx, Error};

use crate::call::wasi_call_or_wait;
use crate::clock::Clocks;
use crate::costs;
use crate::fd_table::Kind;
use crate::guest::Guest;
use crate::pause::Pending;
use crate::types::{eventtype, rights, size, Errno, WasiResult, SUBSCRIPTION_CLOCK_ABSTIME};
use crate::WasiView;

enum Sub {
    Clock {
        userdata: u64,
        clock: u32,
        timeout: u64,
        abstime: bool,
    },
    Fd {
        userdata: u64,
        fd: u32,
        kind: u8,
    },
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(a)
}

fn parse(b: &[u8]) -> WasiResult<Sub> {
    let userdata = u64_at(b, 0);
    let u32_at = |at: usize| u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]);
    match b[8] {
        eventtype::CLOCK => Ok(Sub::Clock {
            userdata,
            clock: u32_at(16),
            timeout: u64_at(b, 24),
            abstime: u16::from_le_bytes([b[40], b[41]]) & SUBSCRIPTION_CLOCK_ABSTIME != 0,
        }),
        kind @ (eventtype::FD_READ | eventtype::FD_WRITE) => Ok(Sub::Fd {
            userdata,
            fd: u32_at(16),
            kind,
        }),
        _ => Err(Errno::Inval),
    }
}

fn event(userdata: u64, error: Errno, kind: u8, nbytes: u64) -> [u8; 32] {
    let mut e = [0u8; 32];
    e[0..8].copy_from_slice(&userdata.to_le_bytes());
    e[8..10].copy_from_slice(&(error as u16).to_le_bytes());
    e[10] = kind;
    e[16..24].copy_from_slice(&nbytes.to_le_bytes());
    e
}

/// Polls; `None` when the call must pause (only a blocked stdin to wait for).
pub(crate) fn poll(
    g: &mut impl Guest,
    gas_left: Option<u64>,
    input: u32,
    out: u32,
    nsubs: u32,
    nevents: u32,
) -> WasiResult<Option<u64>> {
    if nsubs == 0 {
        return Err(Errno::Inval);
    }
    let bytes = g.mem_read(
        input,
        nsubs.checked_mul(size::SUBSCRIPTION).ok_or(Errno::Fault)?,
    )?;
    let subs = bytes
        .chunks_exact(48)
        .map(parse)
        .collect::<WasiResult<Vec<_>>>()?;
    let w = g.wasi_mut();
    let mut events = Vec::new();
    let mut deadlines = Vec::new();
    for sub in &subs {
        match *sub {
            Sub::Fd { userdata, fd, kind } => match w.fds.get(fd) {
                Err(e) => events.push(event(userdata, e, kind, 0)),
                Ok(d) if d.require(rights::POLL_FD_READWRITE).is_err() => {
                    events.push(event(userdata, Errno::NotCapable, kind, 0))
                }
                Ok(d) => match &d.kind {
                    Kind::Stdio(0) if kind == eventtype::FD_READ && w.stdio[0].would_block() => {}
                    Kind::File(f) if kind == eventtype::FD_READ => {
                        let len = f.metadata().map_or(0, |m| m.len());
                        let pos =
                            rustix::fs::seek(f, rustix::fs::SeekFrom::Current(0)).unwrap_or(0);
                        events.push(event(
                            userdata,
                            Errno::Success,
                            kind,
                            len.saturating_sub(pos),
                        ));
                    }
                    _ => events.push(event(userdata, Errno::Success, kind, 0)),
                },
            },
            Sub::Clock {
                userdata,
                clock,
                timeout,
                abstime,
            } => {
                let realtime = match clock {
                    0 => true,
                    1..=3 => false,
                    _ => {
                        events.push(event(userdata, Errno::Inval, eventtype::CLOCK, 0));
                        continue;
                    }
                };
                let now = w.clocks.now(realtime, gas_left);
                let wait = if abstime {
                    timeout.saturating_sub(now)
                } else {
                    timeout
                };
                deadlines.push((wait, userdata));
            }
        }
    }
    if events.is_empty() {
        let Some(&(wait, _)) = deadlines.iter().min() else {
            return Ok(None);
        };
        match &mut w.clocks {
            Clocks::Host { .. } => std::thread::sleep(std::time::Duration::from_nanos(wait)),
            Clocks::Deterministic(c) => c.elapsed_ns = c.elapsed_ns.saturating_add(wait),
        }
        for &(w2, userdata) in &deadlines {
            if w2 <= wait {
                events.push(event(userdata, Errno::Success, eventtype::CLOCK, 0));
            }
        }
    }
    let flat: Vec<u8> = events.iter().flatten().copied().collect();
    g.mem_write(out, &flat)?;
    g.mem_write(nevents, &(events.len() as u32).to_le_bytes())?;
    Ok(Some(subs.len() as u64))
}

/// `poll_oneoff(in, out, nsubscriptions) -> (errno, size)`.
#[host]
pub fn poll_oneoff<T: WasiView>(
    ctx: &mut Ctx<T>,
    input: u32,
    out: u32,
    nsubs: u32,
    nevents: u32,
) -> Result<Errno, Error> {
    let gas = super::clock_random::gas_left(ctx);
    let pending = Pending::Poll {
        input,
        out,
        nsubs,
        nevents,
    };
    wasi_call_or_wait(ctx, costs::POLL, pending, |ctx| {
        poll(ctx, gas, input, out, nsubs, nevents)
    })
}
