//! Handlers of 64-bit memories (the memory64 proposal): loads and stores with i64 addresses
//! and offsets up to 2^64 - 1, `memory.grow` with an i64 delta, and the bulk instructions
//! with i64 addresses and lengths. 32-bit memories keep their own handlers (`memory.rs`),
//! untouched by any of this.

use super::memory::{memory_addr, memory_n};
use super::*;

/// The static offset of a `..Mem64N` access: its low half in the instruction, its high half
/// in the data word's `b`.
#[inline(always)]
fn wide_offset(offset: u32, hi: u32) -> u64 {
    (u64::from(hi) << 32) | u64::from(offset)
}

macro_rules! load64 {
    ($($variant:ident, $variant_n:ident, $n:literal, |$bytes:ident| $value:expr;)*) => {$(
        op!($variant { dst, ptr, offset }, |ip, regs, cx| {
            let $bytes = bulk::load64::<$n>(cx.memory(), r!(regs, ptr), u64::from(offset))?;
            set!(regs, dst, $value);
            Ok(Flow::Next)
        });
        op!($variant_n { dst, ptr, offset }, |ip, regs, cx| {
            let (mem, hi, _) = data(ip);
            let at = (r!(regs, ptr), wide_offset(offset, hi));
            let $bytes = bulk::load64::<$n>(memory_n(cx, mem), at.0, at.1)?;
            set!(regs, dst, $value);
            Ok(Flow::Skip)
        });
    )*};
}

load64! {
    Load8SMem64, Load8SMem64N, 1, |v| i64::from(v[0] as i8) as u64;
    Load8UMem64, Load8UMem64N, 1, |v| u64::from(v[0]);
    Load16SMem64, Load16SMem64N, 2, |v| i64::from(i16::from_le_bytes(v)) as u64;
    Load16UMem64, Load16UMem64N, 2, |v| u64::from(u16::from_le_bytes(v));
    Load32SMem64, Load32SMem64N, 4, |v| i64::from(i32::from_le_bytes(v)) as u64;
    Load32UMem64, Load32UMem64N, 4, |v| u64::from(u32::from_le_bytes(v));
    Load64Mem64, Load64Mem64N, 8, |v| u64::from_le_bytes(v);
}

macro_rules! store64 {
    ($($variant:ident, $variant_n:ident, |$v:ident| $bytes:expr;)*) => {$(
        op!($variant { ptr, val, offset }, |ip, regs, cx| {
            let $v = r!(regs, val);
            bulk::store64(cx.memory(), r!(regs, ptr), u64::from(offset), $bytes)?;
            Ok(Flow::Next)
        });
        op!($variant_n { ptr, val, offset }, |ip, regs, cx| {
            let (mem, hi, _) = data(ip);
            let $v = r!(regs, val);
            let at = (r!(regs, ptr), wide_offset(offset, hi));
            bulk::store64(memory_n(cx, mem), at.0, at.1, $bytes)?;
            Ok(Flow::Skip)
        });
    )*};
}

store64! {
    Store8Mem64, Store8Mem64N, |v| [v as u8];
    Store16Mem64, Store16Mem64N, |v| (v as u16).to_le_bytes();
    Store32Mem64, Store32Mem64N, |v| (v as u32).to_le_bytes();
    Store64Mem64, Store64Mem64N, |v| v.to_le_bytes();
}

op!(MemoryGrow64 { dst, delta, mem }, |ip, regs, cx, gas| {
    let delta = r!(regs, delta);
    let addr = memory_addr(cx, mem);
    if !crate::limits::memory_may_grow(&cx.s.memories, &cx.s.limits, addr, delta) {
        // Refused by the maximum or the store's limits: only the base price was paid.
        set!(regs, dst, u64::MAX);
        return Ok(Flow::Next);
    }
    let page_size_log2 = cx.s.memories[addr].ty.page_size_log2();
    charge_dynamic!(cx, gas, ip, |c| c.memory_grow(delta, page_size_log2));
    let s = &mut *cx.s;
    let old = crate::limits::grow_memory(&mut s.memories, &s.limits, addr, delta);
    cx.load_memory();
    set!(regs, dst, old.unwrap_or(u64::MAX));
    Ok(Flow::Next)
});

// Bulk operations pay once, when they start, and resume where an interrupt stopped them,
// as those of 32-bit memories do.

op!(MemoryFill64 { dst, val, len }, |ip, regs, cx, gas| {
    let len = r!(regs, len);
    let done = cx.take_progress();
    let (index, _, _) = data(ip);
    if done == 0 {
        charge_dynamic!(cx, gas, ip, |c| c.bulk_memory(len));
        if index == 0 && len <= bulk::IN_ONE_GO {
            let (d, v) = (r!(regs, dst), r!(regs, val) as u8);
            bulk::fill_in_one_go(cx.memory(), d, v, len)?;
            return Ok(Flow::Skip);
        }
    }
    let addr = memory_addr(cx, index);
    let store = &mut *cx.s;
    let (mem, int) = (&mut store.memories[addr].bytes, &store.interrupt);
    let (d, v) = (r!(regs, dst), r!(regs, val) as u8);
    let stopped = bulk::fill(mem, d, v, len, TrapCode::MemoryOutOfBounds, (done, int))?;
    Ok(cx.bulk_end(ip, stopped))
});

/// Reads slot `reg` as an i64 address when `wide`, else as an i32 one.
#[inline(always)]
fn address(regs: *mut u64, reg: crate::engine::ir::Reg, wide: bool) -> u64 {
    let v = r!(regs, reg);
    if wide {
        v
    } else {
        u64::from(v as u32)
    }
}

op!(MemoryCopy64 { dst, src, len }, |ip, regs, cx, gas| {
    let (dm, sm, wide) = data(ip);
    let len = address(regs, len, wide & 4 != 0);
    let done = cx.take_progress();
    let d = address(regs, dst, wide & 1 != 0);
    let s = address(regs, src, wide & 2 != 0);
    if done == 0 {
        charge_dynamic!(cx, gas, ip, |c| c.bulk_memory(len));
        if (dm | sm) == 0 && len <= bulk::IN_ONE_GO {
            bulk::copy_in_one_go(cx.memory(), d, s, len)?;
            return Ok(Flow::Skip);
        }
    }
    let (da, sa) = (memory_addr(cx, dm), memory_addr(cx, sm));
    let (store, oob) = (&mut *cx.s, TrapCode::MemoryOutOfBounds);
    let int = (done, &store.interrupt);
    let stopped = if da == sa {
        bulk::copy_within(&mut store.memories[da].bytes, d, s, len, oob, int)?
    } else {
        let (to, from) = bulk::two_mut(&mut store.memories, da, sa);
        bulk::init(&mut to.bytes, d, &from.bytes, s, len, oob, int)?
    };
    Ok(cx.bulk_end(ip, stopped))
});

op!(MemoryInit64 { dst, src, len }, |ip, regs, cx, gas| {
    let len = b!(u32_!(regs, len));
    let done = cx.take_progress();
    if done == 0 {
        charge_dynamic!(cx, gas, ip, |c| c.bulk_memory(len));
    }
    let (seg, index, _) = data(ip);
    let addr = cx.s.instances[cx.inst as usize].data[seg as usize];
    let segment = cx.s.data_segments[addr as usize].clone();
    let bytes = segment.as_deref().unwrap_or(&[]);
    let (d, s) = (r!(regs, dst), b!(u32_!(regs, src)));
    let mem_addr = memory_addr(cx, index);
    let store = &mut *cx.s;
    let (mem, int) = (&mut store.memories[mem_addr].bytes, &store.interrupt);
    let oob = TrapCode::MemoryOutOfBounds;
    let stopped = bulk::init(mem, d, bytes, s, len, oob, (done, int))?;
    Ok(cx.bulk_end(ip, stopped))
});
