//! `i8x16.shuffle`: byte `i` of the result is byte `m[i]` of the 32 bytes of `a` then `b`.
//!
//! The portable form gathers the bytes one by one. On x86-64 CPUs with SSSE3 (checked at
//! run time by the standard library's cached detection) two `pshufb` do it whole:
//! `simd_checksum` (clang's byte-widening loops) runs in about 40% of the instructions with
//! it. Both forms give the same result for every mask validation allows (indices below
//! 32). This module holds the interpreter's only `core::arch` code; both forms read and
//! write the frame themselves, so that the handler calls either one with its operands in
//! registers and keeps none of the other's work.

use super::simd_values::{read_v128, write_v128};
use crate::engine::ir::Reg;

/// `dst = i8x16.shuffle(lhs, rhs)` by the lane indices in the pair `mask` (each below 32,
/// as validation guarantees), all four pairs of the frame at `regs`.
///
/// # Safety
/// As for [`read_v128`], for all four pairs.
#[inline(always)]
pub(super) unsafe fn shuffle(regs: *mut u64, dst: Reg, lhs: Reg, rhs: Reg, mask: Reg) {
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("ssse3") {
        // SAFETY: the CPU supports SSSE3, checked just above; the pairs as the caller
        // promises.
        return unsafe { x86::shuffle(regs, dst, lhs, rhs, mask) };
    }
    // SAFETY: as the caller promises.
    unsafe { portable(regs, dst, lhs, rhs, mask) }
}

/// The portable form of [`shuffle`].
///
/// # Safety
/// As for [`shuffle`].
#[cfg_attr(target_arch = "x86_64", inline(never))]
unsafe fn portable(regs: *mut u64, dst: Reg, lhs: Reg, rhs: Reg, mask: Reg) {
    // SAFETY: as the caller promises.
    let (a, b, m) = unsafe {
        (
            read_v128(regs, lhs),
            read_v128(regs, rhs),
            read_v128(regs, mask),
        )
    };
    let mut ab = [0u8; 32];
    ab[..16].copy_from_slice(&a);
    ab[16..].copy_from_slice(&b);
    // SAFETY: as the caller promises.
    unsafe { write_v128(regs, dst, m.map(|j| ab[usize::from(j) % 32])) }
}

#[cfg(target_arch = "x86_64")]
mod x86 {
    use super::{read_v128, write_v128, Reg};
    use std::arch::x86_64::{
        __m128i, _mm_adds_epu8, _mm_loadu_si128, _mm_or_si128, _mm_set1_epi8, _mm_shuffle_epi8,
        _mm_storeu_si128, _mm_sub_epi8,
    };

    /// [`super::shuffle`] with `pshufb`, which zeroes a byte whose index has its top bit set
    /// and otherwise takes the byte its low four bits name. Adding 0x70 with unsigned
    /// saturation keeps indices 0..16 below 0x80 (from `a`) and lifts 16..32 to 0x80 and
    /// above (zero); subtracting 16 maps 16..32 to 0..16 (from `b`) and wraps 0..16 to 0xf0
    /// and above (zero). Each lane comes from one side only, so an `or` joins them.
    ///
    /// # Safety
    /// The CPU supports SSSE3, and as for [`super::shuffle`].
    #[target_feature(enable = "ssse3")]
    pub(super) unsafe fn shuffle(regs: *mut u64, dst: Reg, lhs: Reg, rhs: Reg, mask: Reg) {
        let load = |r: Reg| -> __m128i {
            // SAFETY: the pair `r` lies in the frame (the caller's promise): 16 readable
            // bytes; `loadu` needs no alignment.
            unsafe { _mm_loadu_si128(read_v128(regs, r).as_ptr().cast()) }
        };
        let (a, b, m) = (load(lhs), load(rhs), load(mask));
        let from_a = _mm_shuffle_epi8(a, _mm_adds_epu8(m, _mm_set1_epi8(0x70)));
        let from_b = _mm_shuffle_epi8(b, _mm_sub_epi8(m, _mm_set1_epi8(0x10)));
        let mut out = [0u8; 16];
        // SAFETY: `out` is 16 writable bytes; `storeu` needs no alignment.
        unsafe { _mm_storeu_si128(out.as_mut_ptr().cast(), _mm_or_si128(from_a, from_b)) };
        // SAFETY: the pair `dst` lies in the frame (the caller's promise).
        unsafe { write_v128(regs, dst, out) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Shuffles the pairs 2 (`a`) and 4 (`b`) by the pair 6 into the pair 0 with `f`.
    fn run(f: unsafe fn(*mut u64, Reg, Reg, Reg, Reg), a: u128, b: u128, m: u128) -> u128 {
        let mut slots = [0u64; 8];
        for (at, v) in [(2, a), (4, b), (6, m)] {
            slots[at] = v as u64;
            slots[at + 1] = (v >> 64) as u64;
        }
        // SAFETY: every pair lies in `slots`.
        unsafe { f(slots.as_mut_ptr(), 0, 2, 4, 6) };
        u128::from(slots[0]) | u128::from(slots[1]) << 64
    }

    /// Every index 0..32 in every lane position: both forms take the byte it names.
    #[test]
    fn forms_agree_on_every_index() {
        let a = u128::from_le_bytes(std::array::from_fn(|i| i as u8 + 100));
        let b = u128::from_le_bytes(std::array::from_fn(|i| i as u8 + 200));
        for shift in 0..32u8 {
            let m: [u8; 16] = std::array::from_fn(|i| (i as u8 * 7 + shift) % 32);
            let want = u128::from_le_bytes(m.map(|j| if j < 16 { j + 100 } else { j - 16 + 200 }));
            let m = u128::from_le_bytes(m);
            assert_eq!(run(portable, a, b, m), want);
            assert_eq!(run(shuffle, a, b, m), want);
        }
    }
}
