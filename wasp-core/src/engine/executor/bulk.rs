//! Bulk memory and table operations, segment initialisation, and memory accesses.

use crate::error::TrapCode;

/// Reads `N` bytes at `ptr + offset`.
#[inline(always)]
pub(super) fn load<const N: usize>(mem: &[u8], ptr: u64, offset: u32) -> Result<[u8; N], TrapCode> {
    let ea = (ptr as u32 as usize).wrapping_add(offset as usize);
    let bytes = ea
        .checked_add(N)
        .and_then(|end| mem.get(ea..end))
        .ok_or(TrapCode::MemoryOutOfBounds)?;
    let mut out = [0u8; N];
    out.copy_from_slice(bytes);
    Ok(out)
}

/// Writes `bytes` at `ptr + offset`.
#[inline(always)]
pub(super) fn store<const N: usize>(
    mem: &mut [u8],
    ptr: u64,
    offset: u32,
    bytes: [u8; N],
) -> Result<(), TrapCode> {
    let ea = (ptr as u32 as usize).wrapping_add(offset as usize);
    let slot = ea
        .checked_add(N)
        .and_then(|end| mem.get_mut(ea..end))
        .ok_or(TrapCode::MemoryOutOfBounds)?;
    slot.copy_from_slice(&bytes);
    Ok(())
}

/// The range `start..start + len` if it lies within `size`.
fn range(start: u64, len: u64, size: usize) -> Option<std::ops::Range<usize>> {
    let end = start.checked_add(len)?;
    if end > size as u64 {
        return None;
    }
    Some(start as usize..end as usize)
}

pub(super) fn memory_fill(mem: &mut [u8], dst: u64, val: u8, len: u64) -> Result<(), TrapCode> {
    let r = range(dst, len, mem.len()).ok_or(TrapCode::MemoryOutOfBounds)?;
    mem[r].fill(val);
    Ok(())
}

pub(super) fn memory_copy(mem: &mut [u8], dst: u64, src: u64, len: u64) -> Result<(), TrapCode> {
    let size = mem.len();
    let s = range(src, len, size).ok_or(TrapCode::MemoryOutOfBounds)?;
    let d = range(dst, len, size).ok_or(TrapCode::MemoryOutOfBounds)?;
    mem.copy_within(s, d.start);
    Ok(())
}

/// Copies `len` items of `src[s..]` to `dst[d..]`, trapping with `trap` when out of bounds.
pub(super) fn init<T: Copy>(
    dst: &mut [T],
    d: u64,
    src: &[T],
    s: u64,
    len: u64,
    trap: TrapCode,
) -> Result<(), TrapCode> {
    let s = range(s, len, src.len()).ok_or(trap)?;
    let d = range(d, len, dst.len()).ok_or(trap)?;
    dst[d].copy_from_slice(&src[s]);
    Ok(())
}

pub(super) fn table_fill(elems: &mut [u64], dst: u64, val: u64, len: u64) -> Result<(), TrapCode> {
    let r = range(dst, len, elems.len()).ok_or(TrapCode::TableOutOfBounds)?;
    elems[r].fill(val);
    Ok(())
}

/// `table.copy` within one table.
pub(super) fn table_copy_within(
    elems: &mut [u64],
    dst: u64,
    src: u64,
    len: u64,
) -> Result<(), TrapCode> {
    let size = elems.len();
    let s = range(src, len, size).ok_or(TrapCode::TableOutOfBounds)?;
    let d = range(dst, len, size).ok_or(TrapCode::TableOutOfBounds)?;
    elems.copy_within(s, d.start);
    Ok(())
}

/// Two distinct elements of a slice, mutably.
pub(super) fn two_mut<T>(items: &mut [T], a: usize, b: usize) -> (&mut T, &mut T) {
    debug_assert_ne!(a, b);
    if a < b {
        let (lo, hi) = items.split_at_mut(b);
        (&mut lo[a], &mut hi[0])
    } else {
        let (lo, hi) = items.split_at_mut(a);
        (&mut hi[0], &mut lo[b])
    }
}
