//! Unchecked access to the running frame's slots.
//!
//! The interpreter's `unsafe` (here, in `dispatch.rs` and in the handlers' `op!`, `r!` and
//! `set!` macros) is sound because of three facts:
//!
//! 1. The running code was verified: its slots lie in its frame, its branches, fallthroughs
//!    and `br_table` entries stay on its instructions, and its data words are where they are
//!    read. The invariants are stated in `translator/verify.rs`, which checks them for every
//!    function before it can run; `link` pairs each instruction with its own handler.
//! 2. [`frame_ptr`] takes a checked slice of `frame_size` slots at the frame's base, so the
//!    pointer it returns covers the whole frame (frames restored from a snapshot are also
//!    checked to fit before they run).
//! 3. The pointer is derived again after anything that can move the value stack (entering
//!    a frame grows it; host calls and pauses leave the interpreter loop).

use crate::engine::ir::Reg;

/// A pointer to slot 0 of a frame of `frame_size` slots starting at `values[base]`.
///
/// Panics (never expected) if the frame does not fit: the checked slice is the proof of
/// fact 2 above.
#[inline(always)]
pub(super) fn frame_ptr(values: &mut [u64], base: usize, frame_size: usize) -> *mut u64 {
    values[base..base + frame_size].as_mut_ptr()
}

/// Reads slot `r` of the frame at `regs`.
///
/// # Safety
/// `regs` comes from [`frame_ptr`] for the running function, the value stack has not moved
/// since, and `r` is a slot of one of that function's instructions.
#[inline(always)]
pub(super) unsafe fn read(regs: *mut u64, r: Reg) -> u64 {
    // SAFETY: by the contract, `r < frame_size` (verified translation) and the frame's
    // `frame_size` slots are in bounds (checked in `frame_ptr`).
    unsafe { *regs.add(r as usize) }
}

/// Writes slot `r` of the frame at `regs`.
///
/// # Safety
/// As for [`read`].
#[inline(always)]
pub(super) unsafe fn write(regs: *mut u64, r: Reg, value: u64) {
    // SAFETY: as in `read`.
    unsafe { *regs.add(r as usize) = value }
}

/// Copies `count` slots from `src` to slot 0 of the frame (they may overlap).
///
/// # Safety
/// As for [`read`], for every slot of `src..src + count` (verified for `ReturnN`).
#[inline(always)]
pub(super) unsafe fn copy_to_base(regs: *mut u64, src: Reg, count: u32) {
    // SAFETY: both ranges lie in the frame; `copy` allows overlap.
    unsafe { std::ptr::copy(regs.add(src as usize), regs, count as usize) }
}
