//! The bytes of a linear memory, starting on a 64-byte boundary.
//!
//! A `Vec<u8>` starts wherever the allocator puts it: glibc puts a large block 16 bytes
//! past a page boundary, so a Wasm address that is a multiple of 64 lands 16 bytes into a
//! cache line. `memset` and `memmove` run measurably slower on such a destination (`rep
//! stosb` of 4 KiB: about 7% on the machines measured), as do vector loads and stores that
//! straddle lines. Starting the memory on a cache line makes aligned Wasm addresses aligned
//! in the host as well.

use std::ops::{Deref, DerefMut};

/// Bytes per line: a cache line, and the widest vector store (AVX-512).
const LINE: usize = 64;

/// One line of memory, aligned to its size.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Line([u8; LINE]);

// `Line` is exactly its 64 bytes, with no padding: what `Deref` relies on.
const _: () = assert!(std::mem::size_of::<Line>() == LINE && std::mem::align_of::<Line>() == LINE);

const ZERO_LINE: Line = Line([0; LINE]);

/// A growable byte buffer whose first byte is 64-byte aligned; reads as a `[u8]` of its
/// length. Bytes past the length, up to the end of the last line, are always zero.
#[derive(Clone, Default)]
pub(crate) struct AlignedBytes {
    lines: Vec<Line>,
    /// At most `lines.len() * LINE`.
    len: usize,
}

impl AlignedBytes {
    /// `len` zero bytes; `None` if the host cannot allocate them.
    pub(crate) fn zeroed(len: usize) -> Option<AlignedBytes> {
        let mut bytes = AlignedBytes::default();
        bytes.grow_zeroed(len).then_some(bytes)
    }

    /// A copy of `bytes`; `None` if the host cannot allocate it.
    pub(crate) fn copy_of(bytes: &[u8]) -> Option<AlignedBytes> {
        let mut out = AlignedBytes::zeroed(bytes.len())?;
        out.copy_from_slice(bytes);
        Some(out)
    }

    /// Appends `extra` zero bytes; `false` (and no change) if the host cannot allocate them.
    pub(crate) fn grow_zeroed(&mut self, extra: usize) -> bool {
        let Some(new_len) = self.len.checked_add(extra) else {
            return false;
        };
        let lines = new_len.div_ceil(LINE);
        let more = lines.saturating_sub(self.lines.len());
        if self.lines.try_reserve_exact(more).is_err() {
            return false;
        }
        // The old last line's bytes past `len` are zero already, as are the new lines.
        self.lines.resize(lines, ZERO_LINE);
        self.len = new_len;
        true
    }
}

impl Deref for AlignedBytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        // SAFETY: `Line` is 64 initialised bytes without padding (asserted above), so the
        // vector's buffer is `lines.len() * LINE` contiguous initialised bytes, valid for
        // reads as `u8` (alignment 1) for as long as `self` is borrowed; `len` never exceeds
        // that (the field's invariant, kept by `grow_zeroed`, the only place that changes
        // either). An empty vector's pointer is dangling but non-null and aligned, which an
        // empty slice allows.
        unsafe { std::slice::from_raw_parts(self.lines.as_ptr().cast::<u8>(), self.len) }
    }
}

impl DerefMut for AlignedBytes {
    fn deref_mut(&mut self) -> &mut [u8] {
        // SAFETY: as for `deref`; the exclusive borrow of `self` makes the slice the only
        // access to the buffer while it lives, and any byte pattern is a valid `Line`.
        unsafe { std::slice::from_raw_parts_mut(self.lines.as_mut_ptr().cast::<u8>(), self.len) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_on_a_line_and_reads_as_its_length() {
        for len in [0, 1, 63, 64, 65, 65536, 65536 + 17] {
            let b = AlignedBytes::zeroed(len).unwrap();
            assert_eq!(b.len(), len);
            assert_eq!(b.as_ptr() as usize % LINE, 0, "length {len}");
            assert!(b.iter().all(|&x| x == 0));
        }
    }

    #[test]
    fn growing_keeps_the_bytes_and_adds_zeros() {
        let mut b = AlignedBytes::copy_of(&[7; 70]).unwrap();
        b[69] = 9;
        assert!(b.grow_zeroed(1));
        assert!(b.grow_zeroed(100));
        assert_eq!(b.len(), 171);
        assert!(b[..69].iter().all(|&x| x == 7));
        assert_eq!(b[69], 9);
        assert!(b[70..].iter().all(|&x| x == 0));
        assert_eq!(b.as_ptr() as usize % LINE, 0);
    }

    #[test]
    fn an_impossible_size_is_refused_without_change() {
        let mut b = AlignedBytes::copy_of(&[1, 2, 3]).unwrap();
        assert!(!b.grow_zeroed(usize::MAX));
        assert!(!b.grow_zeroed(usize::MAX / 2));
        assert_eq!(&b[..], &[1, 2, 3]);
        assert!(AlignedBytes::zeroed(usize::MAX - 10).is_none());
    }
}
