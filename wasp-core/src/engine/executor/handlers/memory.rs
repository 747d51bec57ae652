//! Handlers of linear memory: loads, stores, size, growth and the bulk instructions.

use super::*;

macro_rules! load {
    ($variant:ident, $n:literal, |$bytes:ident| $value:expr) => {
        op!($variant { dst, ptr, offset }, |ip, regs, cx| {
            let $bytes = bulk::load::<$n>(cx.memory(), r!(regs, ptr), offset)?;
            set!(regs, dst, $value);
            Ok(Flow::Next)
        });
    };
}

load!(Load8S, 1, |v| i64::from(v[0] as i8) as u64);
load!(Load8U, 1, |v| u64::from(v[0]));
load!(Load16S, 2, |v| i64::from(i16::from_le_bytes(v)) as u64);
load!(Load16U, 2, |v| u64::from(u16::from_le_bytes(v)));
load!(Load32S, 4, |v| i64::from(i32::from_le_bytes(v)) as u64);
load!(Load32U, 4, |v| u64::from(u32::from_le_bytes(v)));
load!(Load64, 8, |v| u64::from_le_bytes(v));

macro_rules! store {
    ($variant:ident, |$v:ident| $bytes:expr) => {
        op!($variant { ptr, val, offset }, |ip, regs, cx| {
            let $v = r!(regs, val);
            bulk::store(cx.memory(), r!(regs, ptr), offset, $bytes)?;
            Ok(Flow::Next)
        });
    };
}

store!(Store8, |v| [v as u8]);
store!(Store16, |v| (v as u16).to_le_bytes());
store!(Store32, |v| (v as u32).to_le_bytes());
store!(Store64, |v| v.to_le_bytes());

op!(MemorySize { dst }, |ip, regs, cx| {
    set!(regs, dst, (cx.mem_len / crate::store::PAGE_SIZE) as u64);
    Ok(Flow::Next)
});

op!(MemoryGrow { dst, delta }, |ip, regs, cx| {
    let delta = u64::from(u32_!(regs, delta));
    let addr = cx.s.instances[cx.inst as usize].memories[0] as usize;
    if !crate::limits::memory_may_grow(&cx.s.memories, &cx.s.limits, addr, delta) {
        // Refused by the maximum or the store's limits: only the base price was paid.
        set!(regs, dst, u64::from(u32::MAX));
        return Ok(Flow::Next);
    }
    charge_dynamic!(cx, ip, |c| c.memory_grow(delta));
    let s = &mut *cx.s;
    let old = crate::limits::grow_memory(&mut s.memories, &s.limits, addr, delta);
    cx.load_memory();
    set!(regs, dst, w32!(old.map_or(-1, |o| o as i32)));
    Ok(Flow::Next)
});

// Bulk operations pay once, when they start, and resume where an interrupt stopped them.

op!(MemoryFill { dst, val, len }, |ip, regs, cx| {
    let len = b!(u32_!(regs, len));
    let done = cx.take_progress();
    if done == 0 {
        charge_dynamic!(cx, ip, |c| c.bulk_memory(len));
    }
    let (mem, int) = cx.memory_and_interrupt();
    let (d, v) = (b!(u32_!(regs, dst)), r!(regs, val) as u8);
    let stopped = bulk::fill(mem, d, v, len, TrapCode::MemoryOutOfBounds, (done, int))?;
    Ok(cx.bulk_end(ip, stopped))
});

op!(MemoryCopy { dst, src, len }, |ip, regs, cx| {
    let len = b!(u32_!(regs, len));
    let done = cx.take_progress();
    if done == 0 {
        charge_dynamic!(cx, ip, |c| c.bulk_memory(len));
    }
    let (mem, int) = cx.memory_and_interrupt();
    let (d, s) = (b!(u32_!(regs, dst)), b!(u32_!(regs, src)));
    let stopped = bulk::copy_within(mem, d, s, len, TrapCode::MemoryOutOfBounds, (done, int))?;
    Ok(cx.bulk_end(ip, stopped))
});

op!(MemoryInit { dst, src, len }, |ip, regs, cx| {
    let len = b!(u32_!(regs, len));
    let done = cx.take_progress();
    if done == 0 {
        charge_dynamic!(cx, ip, |c| c.bulk_memory(len));
    }
    let (seg, _, _) = data(ip);
    let addr = cx.s.instances[cx.inst as usize].data[seg as usize];
    let segment = cx.s.data_segments[addr as usize].clone();
    let bytes = segment.as_deref().unwrap_or(&[]);
    let (d, s) = (b!(u32_!(regs, dst)), b!(u32_!(regs, src)));
    let (mem, int) = cx.memory_and_interrupt();
    let oob = TrapCode::MemoryOutOfBounds;
    let stopped = bulk::init(mem, d, bytes, s, len, oob, (done, int))?;
    Ok(cx.bulk_end(ip, stopped))
});

op!(DataDrop { segment }, |ip, regs, cx| {
    let addr = cx.s.instances[cx.inst as usize].data[segment as usize];
    cx.s.data_segments[addr as usize] = None;
    Ok(Flow::Next)
});
