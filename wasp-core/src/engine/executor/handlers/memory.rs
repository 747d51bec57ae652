//! Handlers of linear memory: loads, stores, size, growth and the bulk instructions.

use super::*;

macro_rules! load {
    ($variant:ident, $n:literal, |$bytes:ident| $value:expr) => {
        load!(slot $variant, $n, |$bytes| $value);
    };
    // `acc`: the address from the result register (`translator/result_register.rs`).
    ($from:ident $variant:ident, $n:literal, |$bytes:ident| $value:expr) => {
        op!($variant { dst, ptr, offset }, |ip, regs, cx, gas, acc, facc| {
            let at = operand!($from, regs, ptr, acc, facc);
            let $bytes = cx.load::<$n>(at, offset)?;
            put!(regs, dst, $value, acc, facc);
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
load!(acc Load8SAcc, 1, |v| i64::from(v[0] as i8) as u64);
load!(acc Load8UAcc, 1, |v| u64::from(v[0]));
load!(acc Load16SAcc, 2, |v| i64::from(i16::from_le_bytes(v)) as u64);
load!(acc Load16UAcc, 2, |v| u64::from(u16::from_le_bytes(v)));
load!(acc Load32SAcc, 4, |v| i64::from(i32::from_le_bytes(v)) as u64);
load!(acc Load32UAcc, 4, |v| u64::from(u32::from_le_bytes(v)));
load!(acc Load64Acc, 8, |v| u64::from_le_bytes(v));

macro_rules! store {
    ($variant:ident, |$v:ident| $bytes:expr) => {
        store!(slot slot $variant, |$v| $bytes);
    };
    // `acc`: the value or the address from the result register.
    ($val:ident $ptr:ident $variant:ident, |$v:ident| $bytes:expr) => {
        op!($variant { ptr, val, offset } whole, |ip, regs, cx, gas, acc, facc| {
            let $v = operand!($val, regs, val, acc, facc);
            let at = operand!($ptr, regs, ptr, acc, facc);
            // The result register goes on as it came: a store writes no slot
            // (`translator/result_register.rs`).
            cx.store(at, offset, $bytes)?;
            Ok(Flow::Next)
        });
    };
}

store!(Store8, |v| [v as u8]);
store!(Store16, |v| (v as u16).to_le_bytes());
store!(Store32, |v| (v as u32).to_le_bytes());
store!(Store64, |v| v.to_le_bytes());
store!(acc slot Store8AccVal, |v| [v as u8]);
store!(acc slot Store16AccVal, |v| (v as u16).to_le_bytes());
store!(acc slot Store32AccVal, |v| (v as u32).to_le_bytes());
store!(acc slot Store64AccVal, |v| v.to_le_bytes());
store!(slot acc Store8AccPtr, |v| [v as u8]);
store!(slot acc Store16AccPtr, |v| (v as u16).to_le_bytes());
store!(slot acc Store32AccPtr, |v| (v as u32).to_le_bytes());
store!(slot acc Store64AccPtr, |v| v.to_le_bytes());

/// A store of a constant (`translator/ops.rs`): `val` is the value itself, the address is
/// read from its slot or, in the `acc` forms, the result register.
macro_rules! store_imm {
    ($from:ident $variant:ident, |$v:ident| $bytes:expr) => {
        op!(
            $variant { ptr, offset, val } whole,
            |ip, regs, cx, gas, acc, facc| {
                let $v = val;
                let at = operand!($from, regs, ptr, acc, facc);
                // The result register goes on as it came, as after `store!`.
                cx.store(at, offset, $bytes)?;
                Ok(Flow::Next)
            }
        );
    };
}

store_imm!(slot Store8Imm, |v| [v as u8]);
store_imm!(slot Store16Imm, |v| (v as u16).to_le_bytes());
store_imm!(slot Store32Imm, |v| v.to_le_bytes());
store_imm!(slot Store64Imm, |v| i64::from(v as i32).to_le_bytes());
store_imm!(acc Store8ImmAcc, |v| [v as u8]);
store_imm!(acc Store16ImmAcc, |v| (v as u16).to_le_bytes());
store_imm!(acc Store32ImmAcc, |v| v.to_le_bytes());
store_imm!(acc Store64ImmAcc, |v| i64::from(v as i32).to_le_bytes());

/// The address of an access with an `i32.add` of a constant fused into it: `ptr + imm`,
/// wrapping at 32 bits as Wasm's `i32.add` does; the access adds its static offset, 0.
#[inline(always)]
pub(super) fn added(ptr: u64, imm: u32) -> u64 {
    u64::from((ptr as u32).wrapping_add(imm))
}

macro_rules! load_add {
    ($variant:ident, $n:literal, |$bytes:ident| $value:expr) => {
        load_add!(slot $variant, $n, |$bytes| $value);
    };
    ($from:ident $variant:ident, $n:literal, |$bytes:ident| $value:expr) => {
        op!($variant { dst, ptr, imm }, |ip, regs, cx, gas, acc, facc| {
            let at = added(operand!($from, regs, ptr, acc, facc), imm);
            let $bytes = cx.load::<$n>(at, 0)?;
            put!(regs, dst, $value, acc, facc);
            Ok(Flow::Next)
        });
    };
}

load_add!(Load8SAdd, 1, |v| i64::from(v[0] as i8) as u64);
load_add!(Load8UAdd, 1, |v| u64::from(v[0]));
load_add!(Load16SAdd, 2, |v| i64::from(i16::from_le_bytes(v)) as u64);
load_add!(Load16UAdd, 2, |v| u64::from(u16::from_le_bytes(v)));
load_add!(Load32SAdd, 4, |v| i64::from(i32::from_le_bytes(v)) as u64);
load_add!(Load32UAdd, 4, |v| u64::from(u32::from_le_bytes(v)));
load_add!(Load64Add, 8, |v| u64::from_le_bytes(v));
load_add!(acc Load8SAddAcc, 1, |v| i64::from(v[0] as i8) as u64);
load_add!(acc Load8UAddAcc, 1, |v| u64::from(v[0]));
load_add!(acc Load16SAddAcc, 2, |v| i64::from(i16::from_le_bytes(v)) as u64);
load_add!(acc Load16UAddAcc, 2, |v| u64::from(u16::from_le_bytes(v)));
load_add!(acc Load32SAddAcc, 4, |v| i64::from(i32::from_le_bytes(v)) as u64);
load_add!(acc Load32UAddAcc, 4, |v| u64::from(u32::from_le_bytes(v)));
load_add!(acc Load64AddAcc, 8, |v| u64::from_le_bytes(v));

macro_rules! store_add {
    ($variant:ident, |$v:ident| $bytes:expr) => {
        store_add!(slot slot $variant, |$v| $bytes);
    };
    ($val:ident $ptr:ident $variant:ident, |$v:ident| $bytes:expr) => {
        op!($variant { ptr, val, imm } whole, |ip, regs, cx, gas, acc, facc| {
            let $v = operand!($val, regs, val, acc, facc);
            let at = added(operand!($ptr, regs, ptr, acc, facc), imm);
            // The result register goes on as it came, as after `store!`.
            cx.store(at, 0, $bytes)?;
            Ok(Flow::Next)
        });
    };
}

store_add!(Store8Add, |v| [v as u8]);
store_add!(Store16Add, |v| (v as u16).to_le_bytes());
store_add!(Store32Add, |v| (v as u32).to_le_bytes());
store_add!(Store64Add, |v| v.to_le_bytes());
store_add!(acc slot Store8AddAccVal, |v| [v as u8]);
store_add!(acc slot Store16AddAccVal, |v| (v as u16).to_le_bytes());
store_add!(acc slot Store32AddAccVal, |v| (v as u32).to_le_bytes());
store_add!(acc slot Store64AddAccVal, |v| v.to_le_bytes());
store_add!(slot acc Store8AddAccPtr, |v| [v as u8]);
store_add!(slot acc Store16AddAccPtr, |v| (v as u16).to_le_bytes());
store_add!(slot acc Store32AddAccPtr, |v| (v as u32).to_le_bytes());
store_add!(slot acc Store64AddAccPtr, |v| v.to_le_bytes());

/// The address of an access with an `i32.shl` by `K` and an `i32.add` fused into it:
/// `base + (index << K)`, each step wrapping at 32 bits as Wasm's do; static offset 0.
#[inline(always)]
fn indexed<const K: u32>(base: u64, index: u64) -> u64 {
    u64::from((base as u32).wrapping_add((index as u32) << K))
}

macro_rules! load_idx {
    ($variant:ident, $n:literal, $k:literal, |$bytes:ident| $value:expr) => {
        load_idx!(slot $variant, $n, $k, |$bytes| $value);
    };
    // `acc`: the index from the result register (`translator/result_register.rs`).
    ($from:ident $variant:ident, $n:literal, $k:literal, |$bytes:ident| $value:expr) => {
        op!(
            $variant { dst, base, index },
            |ip, regs, cx, gas, acc, facc| {
                let index = operand!($from, regs, index, acc, facc);
                let at = indexed::<$k>(r!(regs, base), index);
                let $bytes = cx.load::<$n>(at, 0)?;
                put!(regs, dst, $value, acc, facc);
                Ok(Flow::Next)
            }
        );
    };
}

load_idx!(Load8SIdx, 1, 0, |v| i64::from(v[0] as i8) as u64);
load_idx!(Load8UIdx, 1, 0, |v| u64::from(v[0]));
load_idx!(Load16SIdx, 2, 1, |v| i64::from(i16::from_le_bytes(v))
    as u64);
load_idx!(Load16UIdx, 2, 1, |v| u64::from(u16::from_le_bytes(v)));
load_idx!(Load32SIdx, 4, 2, |v| i64::from(i32::from_le_bytes(v))
    as u64);
load_idx!(Load32UIdx, 4, 2, |v| u64::from(u32::from_le_bytes(v)));
load_idx!(Load64Idx, 8, 3, |v| u64::from_le_bytes(v));
load_idx!(acc Load8SIdxAcc, 1, 0, |v| i64::from(v[0] as i8) as u64);
load_idx!(acc Load8UIdxAcc, 1, 0, |v| u64::from(v[0]));
load_idx!(acc Load16SIdxAcc, 2, 1, |v| i64::from(i16::from_le_bytes(v))
    as u64);
load_idx!(acc Load16UIdxAcc, 2, 1, |v| u64::from(u16::from_le_bytes(v)));
load_idx!(acc Load32SIdxAcc, 4, 2, |v| i64::from(i32::from_le_bytes(v))
    as u64);
load_idx!(acc Load32UIdxAcc, 4, 2, |v| u64::from(u32::from_le_bytes(v)));
load_idx!(acc Load64IdxAcc, 8, 3, |v| u64::from_le_bytes(v));

/// A load through a pointer the load before it loaded (`translator/load_through.rs`): the
/// pointer from `ptr + first` of memory 0, then the access at the pointer plus the data
/// word's offset. A trap of the first access is the fused instruction's own; one of the
/// second records the pc past the data word, so that diagnostics name the second load.
macro_rules! load_through {
    ($variant:ident, $n:literal, |$bytes:ident| $value:expr) => {
        load_through!(slot $variant, $n, |$bytes| $value);
    };
    // `acc`: the first address from the result register (`translator/result_register.rs`).
    ($from:ident $variant:ident, $n:literal, |$bytes:ident| $value:expr) => {
        op!($variant { dst, ptr, first }, |ip, regs, cx, gas, acc, facc| {
            let at = operand!($from, regs, ptr, acc, facc);
            let pointer = u32::from_le_bytes(cx.load::<4>(at, first)?);
            let (offset, _, _) = data(ip);
            let Ok($bytes) = cx.load::<$n>(u64::from(pointer), offset) else {
                return Ok(Flow::cold(
                    |cx, word, _, _| cx.out_of_bounds_past(word),
                    ip.wrapping_add(1),
                    0,
                    0,
                ));
            };
            put!(regs, dst, $value, acc, facc);
            Ok(Flow::Skip)
        });
    };
}

load_through!(Load8SThrough, 1, |v| i64::from(v[0] as i8) as u64);
load_through!(Load8UThrough, 1, |v| u64::from(v[0]));
load_through!(Load16SThrough, 2, |v| i64::from(i16::from_le_bytes(v))
    as u64);
load_through!(Load16UThrough, 2, |v| u64::from(u16::from_le_bytes(v)));
load_through!(Load32SThrough, 4, |v| i64::from(i32::from_le_bytes(v))
    as u64);
load_through!(Load32UThrough, 4, |v| u64::from(u32::from_le_bytes(v)));
load_through!(Load64Through, 8, |v| u64::from_le_bytes(v));
load_through!(acc Load8SThroughAcc, 1, |v| i64::from(v[0] as i8) as u64);
load_through!(acc Load8UThroughAcc, 1, |v| u64::from(v[0]));
load_through!(acc Load16SThroughAcc, 2, |v| i64::from(i16::from_le_bytes(v)) as u64);
load_through!(acc Load16UThroughAcc, 2, |v| u64::from(u16::from_le_bytes(v)));
load_through!(acc Load32SThroughAcc, 4, |v| i64::from(i32::from_le_bytes(v)) as u64);
load_through!(acc Load32UThroughAcc, 4, |v| u64::from(u32::from_le_bytes(v)));
load_through!(acc Load64ThroughAcc, 8, |v| u64::from_le_bytes(v));

/// A value in memory 0 updated in place (`translator/add_in_memory.rs`): a store of the
/// same width to the address just loaded from never traps, so only the load can.
macro_rules! add_in_memory {
    ($variant:ident, $n:literal, $t:ty) => {
        op!($variant { ptr, offset, imm }, |ip, regs, cx| {
            let at = r!(regs, ptr);
            let value = <$t>::from_le_bytes(cx.load::<$n>(at, offset)?);
            let sum = value.wrapping_add(imm as $t);
            cx.store(at, offset, sum.to_le_bytes())?;
            Ok(Flow::Next)
        });
    };
}

add_in_memory!(I32AddImmStore, 4, u32);
add_in_memory!(I64AddImmStore, 8, u64);

/// Two loads of the same width in a row (`translator/load_pair.rs`): the first from
/// `ptr0` plus the data word's `b`, then the second from its `a` plus its `c`, handed on
/// as the second load alone would. A trap of the second records the pc past the data word,
/// as for [`load_through!`].
macro_rules! load_pair {
    ($variant:ident, $n:literal, |$bytes:ident| $value:expr) => {
        load_pair!(slot $variant, $n, |$bytes| $value);
    };
    // `acc`: the first address from the result register (`translator/result_register.rs`).
    ($from:ident $variant:ident, $n:literal, |$bytes:ident| $value:expr) => {
        op!($variant { dst0, ptr0, dst } whole, |ip, regs, cx, gas, acc, facc| {
            let at = operand!($from, regs, ptr0, acc, facc);
            let $bytes = cx.load::<$n>(at, data(ip).1)?;
            set!(regs, dst0, $value);
            // Read after the first result is written, which may alias them for all the
            // compiler knows: fewer registers live across it.
            let (ptr, _, offset) = data(ip);
            let Ok($bytes) = cx.load::<$n>(r!(regs, ptr), offset) else {
                return Ok(Flow::cold(
                    |cx, at, _, _| cx.out_of_bounds_past(at.wrapping_add(1)),
                    ip,
                    0,
                    0,
                ));
            };
            // SAFETY: as in `op!`, `ip` points at an instruction of this variant.
            let Instr::$variant { dst, .. } = (unsafe { *ip }).instr else {
                unsafe { std::hint::unreachable_unchecked() }
            };
            put!(regs, dst, $value, acc, facc);
            Ok(Flow::Skip)
        });
    };
}

load_pair!(Load8SPair, 1, |v| i64::from(v[0] as i8) as u64);
load_pair!(Load8UPair, 1, |v| u64::from(v[0]));
load_pair!(Load16SPair, 2, |v| i64::from(i16::from_le_bytes(v)) as u64);
load_pair!(Load16UPair, 2, |v| u64::from(u16::from_le_bytes(v)));
load_pair!(Load32SPair, 4, |v| i64::from(i32::from_le_bytes(v)) as u64);
load_pair!(Load32UPair, 4, |v| u64::from(u32::from_le_bytes(v)));
load_pair!(Load64Pair, 8, |v| u64::from_le_bytes(v));
load_pair!(acc Load8SPairAcc, 1, |v| i64::from(v[0] as i8) as u64);
load_pair!(acc Load8UPairAcc, 1, |v| u64::from(v[0]));
load_pair!(acc Load16SPairAcc, 2, |v| i64::from(i16::from_le_bytes(v)) as u64);
load_pair!(acc Load16UPairAcc, 2, |v| u64::from(u16::from_le_bytes(v)));
load_pair!(acc Load32SPairAcc, 4, |v| i64::from(i32::from_le_bytes(v)) as u64);
load_pair!(acc Load32UPairAcc, 4, |v| u64::from(u32::from_le_bytes(v)));
load_pair!(acc Load64PairAcc, 8, |v| u64::from_le_bytes(v));

macro_rules! store_idx {
    ($variant:ident, $k:literal, |$v:ident| $bytes:expr) => {
        op!($variant { base, index, val }, |ip, regs, cx| {
            let $v = r!(regs, val);
            let at = indexed::<$k>(r!(regs, base), r!(regs, index));
            cx.store(at, 0, $bytes)?;
            Ok(Flow::Next)
        });
    };
    // `acc`: the value from the result register (`translator/result_register.rs`).
    (acc $variant:ident, $k:literal, |$v:ident| $bytes:expr) => {
        op!(
            $variant { base, index, val },
            |ip, regs, cx, gas, acc, facc| {
                let $v = from_acc!(u64, regs, val, acc, facc);
                (*acc, *facc) = (NO_ACC, NO_FACC);
                let at = indexed::<$k>(r!(regs, base), r!(regs, index));
                cx.store(at, 0, $bytes)?;
                Ok(Flow::Next)
            }
        );
    };
}

store_idx!(Store8Idx, 0, |v| [v as u8]);
store_idx!(Store16Idx, 1, |v| (v as u16).to_le_bytes());
store_idx!(Store32Idx, 2, |v| (v as u32).to_le_bytes());
store_idx!(Store64Idx, 3, |v| v.to_le_bytes());
store_idx!(acc Store8IdxAccVal, 0, |v| [v as u8]);
store_idx!(acc Store16IdxAccVal, 1, |v| (v as u16).to_le_bytes());
store_idx!(acc Store32IdxAccVal, 2, |v| (v as u32).to_le_bytes());
store_idx!(acc Store64IdxAccVal, 3, |v| v.to_le_bytes());

/// Memory `index` of the running instance, looked up in the store (memory 0 has a cached
/// base: see `Cx::memory`).
#[inline(always)]
pub(super) fn memory_n<'a>(cx: &'a mut Cx<'_>, index: u32) -> &'a mut [u8] {
    let addr = memory_addr(cx, index);
    &mut cx.s.memories[addr].bytes
}

/// The store address of memory `index` of the running instance (validation guarantees the
/// index exists).
#[inline(always)]
pub(super) fn memory_addr(cx: &Cx<'_>, index: u32) -> usize {
    cx.s.instances[cx.inst as usize].memories[index as usize] as usize
}

macro_rules! load_n {
    ($variant:ident, $n:literal, |$bytes:ident| $value:expr) => {
        op!($variant { dst, ptr, offset }, |ip, regs, cx| {
            let (mem, _, _) = data(ip);
            let $bytes = bulk::load::<$n>(memory_n(cx, mem), r!(regs, ptr), offset)?;
            set!(regs, dst, $value);
            Ok(Flow::Skip)
        });
    };
}

load_n!(Load8SMemN, 1, |v| i64::from(v[0] as i8) as u64);
load_n!(Load8UMemN, 1, |v| u64::from(v[0]));
load_n!(Load16SMemN, 2, |v| i64::from(i16::from_le_bytes(v)) as u64);
load_n!(Load16UMemN, 2, |v| u64::from(u16::from_le_bytes(v)));
load_n!(Load32SMemN, 4, |v| i64::from(i32::from_le_bytes(v)) as u64);
load_n!(Load32UMemN, 4, |v| u64::from(u32::from_le_bytes(v)));
load_n!(Load64MemN, 8, |v| u64::from_le_bytes(v));

macro_rules! store_n {
    ($variant:ident, |$v:ident| $bytes:expr) => {
        op!($variant { ptr, val, offset } whole, |ip, regs, cx| {
            let (mem, _, _) = data(ip);
            let $v = r!(regs, val);
            bulk::store(memory_n(cx, mem), r!(regs, ptr), offset, $bytes)?;
            Ok(Flow::Skip)
        });
    };
}

store_n!(Store8MemN, |v| [v as u8]);
store_n!(Store16MemN, |v| (v as u16).to_le_bytes());
store_n!(Store32MemN, |v| (v as u32).to_le_bytes());
store_n!(Store64MemN, |v| v.to_le_bytes());

op!(MemorySize { dst, mem }, |ip, regs, cx| {
    // In the memory's own pages (64 KiB or 1 byte).
    let addr = memory_addr(cx, mem);
    set!(regs, dst, cx.s.memories[addr].pages());
    Ok(Flow::Next)
});

op!(MemoryGrow { dst, delta, mem }, |ip, regs, cx, gas| {
    let delta = u64::from(u32_!(regs, delta));
    let addr = memory_addr(cx, mem);
    if !crate::limits::memory_may_grow(&cx.s.memories, &cx.s.limits, addr, delta) {
        // Refused by the maximum or the store's limits: only the base price was paid.
        set!(regs, dst, u64::from(u32::MAX));
        return Ok(Flow::Next);
    }
    let page_size_log2 = cx.s.memories[addr].ty.page_size_log2();
    charge_dynamic!(cx, gas, ip, |c| c.memory_grow(delta, page_size_log2));
    let s = &mut *cx.s;
    let old = crate::limits::grow_memory(&mut s.memories, &s.limits, addr, delta);
    cx.load_memory();
    set!(regs, dst, w32!(old.map_or(-1, |o| o as i32)));
    Ok(Flow::Next)
});

// Bulk operations pay once, when they start, and resume where an interrupt stopped them.

op!(MemoryFill { dst, val, len }, |ip, regs, cx, gas| {
    let len = b!(u32_!(regs, len));
    let done = cx.take_progress();
    let (index, _, _) = data(ip);
    if done == 0 {
        charge_dynamic!(cx, gas, ip, |c| c.bulk_memory(len));
        if index == 0 && len <= bulk::IN_ONE_GO {
            let (d, v) = (b!(u32_!(regs, dst)), r!(regs, val) as u8);
            bulk::fill_in_one_go(cx.memory(), d, v, len)?;
            return Ok(Flow::Skip);
        }
    }
    let addr = memory_addr(cx, index);
    let store = &mut *cx.s;
    let (mem, int) = (&mut store.memories[addr].bytes, &store.interrupt);
    let (d, v) = (b!(u32_!(regs, dst)), r!(regs, val) as u8);
    let stopped = bulk::fill(mem, d, v, len, TrapCode::MemoryOutOfBounds, (done, int))?;
    Ok(cx.bulk_end(ip, stopped))
});

op!(MemoryCopy { dst, src, len }, |ip, regs, cx, gas| {
    let len = b!(u32_!(regs, len));
    let done = cx.take_progress();
    let (dm, sm, _) = data(ip);
    if done == 0 {
        charge_dynamic!(cx, gas, ip, |c| c.bulk_memory(len));
        if (dm | sm) == 0 && len <= bulk::IN_ONE_GO {
            let (d, s) = (b!(u32_!(regs, dst)), b!(u32_!(regs, src)));
            bulk::copy_in_one_go(cx.memory(), d, s, len)?;
            return Ok(Flow::Skip);
        }
    }
    let (da, sa) = (memory_addr(cx, dm), memory_addr(cx, sm));
    let (d, s) = (b!(u32_!(regs, dst)), b!(u32_!(regs, src)));
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

op!(MemoryInit { dst, src, len }, |ip, regs, cx, gas| {
    let len = b!(u32_!(regs, len));
    let done = cx.take_progress();
    if done == 0 {
        charge_dynamic!(cx, gas, ip, |c| c.bulk_memory(len));
    }
    let (seg, index, _) = data(ip);
    let addr = cx.s.instances[cx.inst as usize].data[seg as usize];
    let segment = cx.s.data_segments[addr as usize].clone();
    let bytes = segment.as_deref().unwrap_or(&[]);
    let (d, s) = (b!(u32_!(regs, dst)), b!(u32_!(regs, src)));
    let mem_addr = memory_addr(cx, index);
    let store = &mut *cx.s;
    let (mem, int) = (&mut store.memories[mem_addr].bytes, &store.interrupt);
    let oob = TrapCode::MemoryOutOfBounds;
    let stopped = bulk::init(mem, d, bytes, s, len, oob, (done, int))?;
    Ok(cx.bulk_end(ip, stopped))
});

op!(DataDrop { segment }, |ip, regs, cx| {
    let addr = cx.s.instances[cx.inst as usize].data[segment as usize];
    cx.s.data_segments[addr as usize] = None;
    Ok(Flow::Next)
});

/// Loads fused with the branch testing the loaded value for zero (`translator/load_branch.rs`):
/// the load as `Load32U` or `Load8U` does it, then the branch.
macro_rules! load_branch {
    ($($variant:ident, $n:literal, |$bytes:ident| $value:expr, |$v:ident| $cond:expr;)*) => {$(
        op!($variant { dst, ptr, mem_offset, offset }, |ip, regs, cx| {
            let $bytes = cx.load::<$n>(r!(regs, ptr), u32::from(mem_offset))?;
            let $v: u64 = $value;
            set!(regs, dst, $v);
            branch_if!($cond, offset)
        });
    )*};
}

load_branch! {
    Load32UBrNez, 4, |b| u64::from(u32::from_le_bytes(b)), |v| v != 0;
    Load32UBrEqz, 4, |b| u64::from(u32::from_le_bytes(b)), |v| v == 0;
    Load8UBrNez, 1, |b| u64::from(b[0]), |v| v != 0;
    Load8UBrEqz, 1, |b| u64::from(b[0]), |v| v == 0;
}
