//! Handlers of SIMD loads and stores: whole vectors, extending, splatting and zero-filling
//! loads (memory 0 and, with the memory in a data word, any memory), and single lanes (any
//! memory, named by the data word).

use super::simd_values::{join, lanes, V128Bytes};
use super::*;
use crate::engine::ir::{SIMD_LANE_SHIFT, SIMD_MEM64};

/// The memory index in a memory word (below the lane and the 64-bit flag).
const INDEX_MASK: u32 = (1 << SIMD_LANE_SHIFT) - 1;

/// Reads `N` bytes at `ptr + offset` of the memory of memory word `word` (see
/// [`SIMD_MEM64`]); `high` is the offset's high half on a 64-bit memory.
#[inline(always)]
fn load_at<const N: usize>(
    cx: &mut Cx<'_>,
    word: u32,
    ptr: u64,
    offset: u32,
    high: u32,
) -> Result<[u8; N], TrapCode> {
    let mem = memory_at(cx, word & INDEX_MASK);
    if word & SIMD_MEM64 == 0 {
        bulk::load(mem, ptr, offset)
    } else {
        bulk::load64(mem, ptr, u64::from(offset) | u64::from(high) << 32)
    }
}

/// Writes `bytes` at `ptr + offset`, the memory and offset as in [`load_at`].
#[inline(always)]
fn store_at<const N: usize>(
    cx: &mut Cx<'_>,
    word: u32,
    ptr: u64,
    (offset, high): (u32, u32),
    bytes: [u8; N],
) -> Result<(), TrapCode> {
    let mem = memory_at(cx, word & INDEX_MASK);
    if word & SIMD_MEM64 == 0 {
        bulk::store(mem, ptr, offset, bytes)
    } else {
        bulk::store64(mem, ptr, u64::from(offset) | u64::from(high) << 32, bytes)
    }
}

/// Memory `index` of the running instance (memory 0 through its cached base).
#[inline(always)]
fn memory_at<'a>(cx: &'a mut Cx<'_>, index: u32) -> &'a mut [u8] {
    if index == 0 {
        return cx.memory();
    }
    // Validation guarantees the index exists.
    let addr = cx.s.instances[cx.inst as usize].memories[index as usize] as usize;
    &mut cx.s.memories[addr].bytes
}

/// The `N` bytes at `ptr + offset` of a 32-bit memory, if they lie inside it.
///
/// A reference rather than a copy in a `Result`, which would place the bytes one past a
/// tag byte and cost a byte-by-byte copy on the hot path.
#[inline(always)]
fn at32<const N: usize>(mem: &[u8], ptr: u64, offset: u32) -> Option<&[u8; N]> {
    let ea = (ptr as u32 as usize).checked_add(offset as usize)?;
    mem.get(ea..ea.checked_add(N)?)?.try_into().ok()
}

/// The `N` bytes at `ptr + offset` of a 32-bit memory, writable, if they lie inside it.
#[inline(always)]
fn at32_mut<const N: usize>(mem: &mut [u8], ptr: u64, offset: u32) -> Option<&mut [u8; N]> {
    let ea = (ptr as u32 as usize).checked_add(offset as usize)?;
    mem.get_mut(ea..ea.checked_add(N)?)?.try_into().ok()
}

/// A load of `$n` bytes turned into a `v128` by `$f`, in its memory-0 and any-memory forms.
macro_rules! v_load {
    ($($name:ident / $name_n:ident($n:literal) = $f:expr;)*) => {$(
        op!($name { dst, ptr, offset }, |ip, regs, cx| {
            let f: fn([u8; $n]) -> V128Bytes = $f;
            let bytes = *at32::<$n>(cx.memory(), r!(regs, ptr), offset)
                .ok_or(TrapCode::MemoryOutOfBounds)?;
            setv!(regs, dst, f(bytes));
            Ok(Flow::Next)
        });
        op!($name_n { dst, ptr, offset }, |ip, regs, cx| {
            let (word, high, _) = data(ip);
            let f: fn([u8; $n]) -> V128Bytes = $f;
            let bytes = load_at::<$n>(cx, word, r!(regs, ptr), offset, high)?;
            setv!(regs, dst, f(bytes));
            Ok(Flow::Skip)
        });
    )*};
}

/// The 8 bytes `b` as `M` lanes of `T`, widened to `W`.
fn widen<T: super::simd_values::Lane, W: super::simd_values::Lane + From<T>, const M: usize>(
    b: [u8; 8],
) -> V128Bytes {
    let a: [T; M] = std::array::from_fn(|i| T::from_bytes(&b[i * T::BYTES..(i + 1) * T::BYTES]));
    join::<W, M>(a.map(W::from))
}

v_load! {
    V128Load / V128LoadMemN(16) = |b| b;
    V128Load8x8S / V128Load8x8SMemN(8) = widen::<i8, i16, 8>;
    V128Load8x8U / V128Load8x8UMemN(8) = widen::<u8, u16, 8>;
    V128Load16x4S / V128Load16x4SMemN(8) = widen::<i16, i32, 4>;
    V128Load16x4U / V128Load16x4UMemN(8) = widen::<u16, u32, 4>;
    V128Load32x2S / V128Load32x2SMemN(8) = widen::<i32, i64, 2>;
    V128Load32x2U / V128Load32x2UMemN(8) = widen::<u32, u64, 2>;
    V128Load8Splat / V128Load8SplatMemN(1) = |b| join([b[0]; 16]);
    V128Load16Splat / V128Load16SplatMemN(2) = |b| join([u16::from_le_bytes(b); 8]);
    V128Load32Splat / V128Load32SplatMemN(4) = |b| join([u32::from_le_bytes(b); 4]);
    V128Load64Splat / V128Load64SplatMemN(8) = |b| join([u64::from_le_bytes(b); 2]);
    V128Load32Zero / V128Load32ZeroMemN(4) = |b| join([u32::from_le_bytes(b), 0, 0, 0]);
    V128Load64Zero / V128Load64ZeroMemN(8) = |b| join([u64::from_le_bytes(b), 0]);
}

op!(V128Store { ptr, val, offset } whole, |ip, regs, cx| {
    let bytes = rv!(regs, val);
    *at32_mut::<16>(cx.memory(), r!(regs, ptr), offset).ok_or(TrapCode::MemoryOutOfBounds)? = bytes;
    Ok(Flow::Next)
});

op!(V128LoadAdd { dst, ptr, imm }, |ip, regs, cx| {
    let ptr = super::memory::added(r!(regs, ptr), imm);
    let bytes = *at32::<16>(cx.memory(), ptr, 0).ok_or(TrapCode::MemoryOutOfBounds)?;
    setv!(regs, dst, bytes);
    Ok(Flow::Next)
});

op!(V128StoreAdd { ptr, val, imm }, |ip, regs, cx| {
    let bytes = rv!(regs, val);
    let ptr = super::memory::added(r!(regs, ptr), imm);
    *at32_mut::<16>(cx.memory(), ptr, 0).ok_or(TrapCode::MemoryOutOfBounds)? = bytes;
    Ok(Flow::Next)
});

op!(V128StoreMemN { ptr, val, offset }, |ip, regs, cx| {
    let (word, high, _) = data(ip);
    let bytes = rv!(regs, val);
    store_at(cx, word, r!(regs, ptr), (offset, high), bytes)?;
    Ok(Flow::Skip)
});

/// `v128.loadN_lane`: data word `a` the vector, `b` the offset's high half, `c` the memory
/// word with the lane.
macro_rules! load_lane {
    ($($name:ident($t:ty; $n:literal)),*) => {$(
        op!($name { dst, ptr, offset }, |ip, regs, cx| {
            let (vec, high, word) = data(ip);
            let lane = (word & !SIMD_MEM64) >> SIMD_LANE_SHIFT;
            let bytes = load_at::<{ std::mem::size_of::<$t>() }>(
                cx,
                word,
                r!(regs, ptr),
                offset,
                high,
            )?;
            let mut a: [$t; $n] = lanes(rv!(regs, vec));
            // Validation bounds the lane index by the lane count.
            a[lane as usize % $n] = <$t>::from_le_bytes(bytes);
            setv!(regs, dst, join(a));
            Ok(Flow::Skip)
        });
    )*};
}

load_lane!(V128Load8Lane(u8; 16), V128Load16Lane(u16; 8), V128Load32Lane(u32; 4), V128Load64Lane(u64; 2));

/// `v128.storeN_lane`: data word `a` the lane, `b` the memory word, `c` the offset's high
/// half.
macro_rules! store_lane {
    ($($name:ident($t:ty; $n:literal)),*) => {$(
        op!($name { ptr, val, offset }, |ip, regs, cx| {
            let (lane, word, high) = data(ip);
            let a: [$t; $n] = lanes(rv!(regs, val));
            // Validation bounds the lane index by the lane count.
            let bytes = a[lane as usize % $n].to_le_bytes();
            store_at(cx, word, r!(regs, ptr), (offset, high), bytes)?;
            Ok(Flow::Skip)
        });
    )*};
}

store_lane!(V128Store8Lane(u8; 16), V128Store16Lane(u16; 8), V128Store32Lane(u32; 4), V128Store64Lane(u64; 2));
