//! Unchecked access to the running frame's slots.
//!
//! The interpreter's `unsafe` (here, in `dispatch.rs` and in the handlers' `op!`, `r!` and
//! `set!` macros) is sound because of four facts:
//!
//! 1. The running code was verified: its slots lie in its frame, its branches, fallthroughs
//!    and `br_table` entries stay on its instructions, and its data words are where they are
//!    read. The invariants are stated in `translator/verify.rs`, which checks them for every
//!    function before it can run; `link` pairs each instruction with its own handler.
//! 2. [`stacked_frame_ptr`] gives the pointer to a frame on the stack, which covers the
//!    whole frame by fact 4.
//! 3. The pointer is derived again after anything that can move the value stack (entering
//!    a frame grows it; host calls and pauses leave the interpreter loop).
//! 4. Every frame on the stack fits in the value stack: entering a frame grows the value
//!    stack to cover it, the value stack never shrinks while frames are on it, and frames
//!    restored from a snapshot are checked to fit. So a frame on the stack needs no bounds
//!    check when it becomes the running one again ([`stacked_frame_ptr`]).

use crate::engine::ir::Reg;

/// A pointer to slot 0 of a frame of `frame_size` slots at `values[base]` that is on the
/// stack (fact 4 above); debug builds check that it fits.
///
/// # Safety
/// `base + frame_size <= values.len()`.
#[inline(always)]
pub(super) unsafe fn stacked_frame_ptr(
    values: &mut [u64],
    base: usize,
    frame_size: u32,
) -> *mut u64 {
    debug_assert!(base + frame_size as usize <= values.len());
    // SAFETY: by the contract, `base` is in bounds (or one past the end for an empty frame).
    unsafe { values.as_mut_ptr().add(base) }
}

/// Reads slot `r` of the frame at `regs`.
///
/// # Safety
/// `regs` comes from [`stacked_frame_ptr`] for the running function, the value stack has not moved
/// since, and `r` is a slot of one of that function's instructions.
#[inline(always)]
pub(super) unsafe fn read(regs: *mut u64, r: Reg) -> u64 {
    // SAFETY: by the contract, `r < frame_size` (verified translation) and the frame's
    // `frame_size` slots are in bounds (fact 4).
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

/// Zeroes slots `from..to` of the frame at `regs` (a function's declared locals on entry),
/// and one more when their number is odd.
///
/// A plain loop rather than `write_bytes`: a function has a few locals, and a call to
/// `memset` would make every call handler save and restore registers around it. It zeroes
/// two slots a step (one 16-byte store): functions compiled from Rust or C often have eight
/// locals or more, and a step costs the same for one slot or two. The slot past an odd number
/// of locals is an operand-stack slot or a hoisted constant's, which nothing reads before the
/// function writes it (the prologue writes the constants).
///
/// # Safety
/// `regs` comes from [`stacked_frame_ptr`], and `from..to` rounded up to an even number of
/// slots lies in its frame (the translator sizes frames so: `CompiledFunc::frame_size`).
#[inline(always)]
pub(super) unsafe fn zero(regs: *mut u64, from: u32, to: u32) {
    if from >= to {
        return;
    }
    // SAFETY: by the contract, both ends lie in the frame (or one past it).
    let (mut slot, end) = unsafe { (regs.add(from as usize), regs.add(to as usize)) };
    loop {
        // SAFETY: by the contract, the two slots from `slot` lie in the frame: `slot` is
        // below `end`, and the pair past an odd number of slots too.
        unsafe {
            zero_pair(slot);
            slot = slot.add(2);
        }
        if slot >= end {
            break;
        }
    }
}

/// Zeroes the two slots from `slot` in one 16-byte store.
///
/// On x86-64 the store is an `asm!` block: the compiler sees no store it could turn the
/// loop around it into a `memset` call with, nor does it need a volatile write, whose
/// 16-byte form would ask for an alignment slots do not have.
///
/// # Safety
/// Both slots lie in a frame.
#[inline(always)]
unsafe fn zero_pair(slot: *mut u64) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: `movups` stores 16 bytes at any alignment (SSE, part of x86-64), here the two
    // slots from `slot`, which lie in a frame (by the contract); it touches no other memory,
    // no register but its operands and no flag, and does not use the stack.
    unsafe {
        std::arch::asm!(
            "movups xmmword ptr [{slot}], {zero}",
            slot = in(reg) slot,
            zero = in(xmm_reg) std::arch::x86_64::_mm_setzero_ps(),
            options(nostack, preserves_flags),
        );
    }
    #[cfg(not(target_arch = "x86_64"))]
    // SAFETY: by the contract. The writes are volatile only to keep the compiler from turning
    // the loop of `zero` into a `memset` call.
    unsafe {
        std::ptr::write_volatile(slot, 0);
        std::ptr::write_volatile(slot.add(1), 0);
    }
}

/// Moves `count` slots from `src` down to slot 0 of the frame at `regs` (a tail call's
/// arguments becoming the callee's parameters; the ranges may overlap).
///
/// A plain loop of one slot a step ([`move_slot`]), for the same reason as [`zero`]: a tail
/// call moves few arguments, and the compiler would unroll a loop of plain copies into more
/// code than it runs, with registers saved around it. Not two slots a step: the arguments
/// were just written one slot at a time, and on some processors a 16-byte load of two slots
/// written by two 8-byte stores waits for both stores to reach the cache (a tail-call loop
/// took 5% longer than one slot a step).
///
/// # Safety
/// `regs` comes from [`stacked_frame_ptr`], `0..count` lies in its frame and
/// `src..src + count` in the value stack.
#[inline(always)]
pub(super) unsafe fn move_down(regs: *mut u64, src: Reg, count: u32) {
    let distance = src as usize * 8;
    for i in 0..count as usize {
        // SAFETY: by the contract. Slot `i` is read before slot `i` is written, and
        // `src + i >= i`, so a forward copy reads every source slot before it is overwritten.
        unsafe { move_slot(regs.add(i), distance) };
    }
}

/// Copies the slot `distance` bytes past `to` to the slot at `to`.
///
/// On x86-64 an `asm!` block (a load and a store), so that the compiler sees no copy it
/// could unroll the loop of [`move_down`] around.
///
/// # Safety
/// Both slots lie in the value stack.
#[inline(always)]
unsafe fn move_slot(to: *mut u64, distance: usize) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: the block loads the 8 bytes `distance` bytes past `to` and stores them at
    // `to`, both slots of the value stack (by the contract); it touches no other memory, no
    // register but its operands and no flag, and does not use the stack.
    unsafe {
        std::arch::asm!(
            "mov {slot}, qword ptr [{to} + {distance}]",
            "mov qword ptr [{to}], {slot}",
            to = in(reg) to,
            distance = in(reg) distance,
            slot = out(reg) _,
            options(nostack, preserves_flags),
        );
    }
    #[cfg(not(target_arch = "x86_64"))]
    // SAFETY: by the contract. The write is volatile for the same reason as in `zero_pair`.
    unsafe {
        std::ptr::write_volatile(to, to.byte_add(distance).read());
    }
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
