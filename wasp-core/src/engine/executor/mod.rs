//! The interpreter: runs IR on a heap-allocated stack of frames and value slots.
//!
//! Wasm-to-Wasm calls push a [`Frame`] and never recurse on the native stack. The whole state
//! of a running call is the [`Stack`] (plain data) plus the store. Host functions are not
//! called from here: [`execute`] returns [`Exit::HostCall`] and the (generic) caller runs the
//! host function, then resumes execution.

mod bulk;
mod dispatch;
mod handlers;
mod lazy;
mod regs;
mod trace;

pub(crate) use dispatch::{execute, Op, OP_BYTES};
pub(crate) use lazy::{settle_stand_in, stand_in};
pub(crate) use trace::execute_traced;

/// Pairs every instruction of verified code with its handler, and turns branch offsets
/// into bytes (see [`Op`]).
///
/// The verifier bounds a function's length so that every offset in bytes fits an `i32`
/// (invariant 2 of `translator/verify.rs`).
pub(crate) fn link(code: &[Instr]) -> Box<[Op]> {
    code.iter()
        .map(|&instr| {
            let mut linked = instr;
            if let Some(offset) = instr.branch_offset() {
                linked.set_branch_offset(offset * OP_BYTES);
            }
            Op {
                handler: handlers::handler_for_link(&instr),
                instr: linked,
            }
        })
        .collect()
}

/// The instructions of linked code with their branch offsets counted in instructions again,
/// as the translator wrote them.
#[cfg(test)]
pub(crate) fn unlink(ops: &[Op]) -> Vec<Instr> {
    ops.iter()
        .map(|op| {
            let mut instr = op.instr;
            if let Some(offset) = instr.branch_offset() {
                instr.set_branch_offset(offset / OP_BYTES);
            }
            instr
        })
        .collect()
}

use super::costs::GasCosts;
use super::ir::Instr;
use crate::error::TrapCode;
use crate::store::{FuncEntity, StoreInner};

/// What calls and returns read of a Wasm function's body, kept in its store entity beside
/// the body (`FuncEntity::Wasm`), so that a call reads it in the entity it reads anyway
/// rather than through the body's `Arc`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Entry {
    /// The body's first instruction.
    pub(crate) code: *const Op,
    pub(crate) frame_size: u32,
    pub(crate) num_params: u32,
    pub(crate) num_locals: u32,
}

impl Entry {
    /// The entry of `body`. It stays valid while `body` lives: its ops are boxed and never
    /// change, so the entity that holds both keeps `code` pointing at them.
    pub(crate) fn of(body: &super::translator::CompiledFunc) -> Entry {
        Entry {
            code: body.ops.as_ptr(),
            frame_size: body.frame_size,
            num_params: body.num_params,
            num_locals: body.num_locals,
        }
    }
}

// SAFETY: `code` points into the ops of the body held beside it in the same entity, which
// nothing mutates once built (`Arc<CompiledFunc>`, itself `Send` and `Sync`); the entry is only
// read through, never written through.
unsafe impl Send for Entry {}
// SAFETY: as for `Send`.
unsafe impl Sync for Entry {}

/// One activation of a Wasm function.
///
/// A frame linked to a store (every frame of a running stack) knows its next instruction
/// by address (`ip`), so that calls and returns compute no positions; its position in the
/// code ([`Frame::pc`]) is derived from it when asked. A frame read from a snapshot knows
/// only its position until the stack is linked ([`Stack::link`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    /// The next instruction to run (for frames below the top: after the call), so that a
    /// return continues in its caller without looking the caller's code up. Null in frames
    /// read from a snapshot until the stack is linked.
    pub(crate) ip: *const Op,
    /// The function's first instruction. Null in frames read from a snapshot until the
    /// stack is linked.
    pub(crate) code: *const Op,
    /// Store address of the function.
    pub(crate) func: u32,
    /// The position of the next instruction in a frame read from a snapshot, until it is
    /// linked; meaningless in a linked frame (see [`Frame::pc`]).
    unlinked_pc: u32,
    /// Index of the frame's first slot in `Stack::values`.
    pub(crate) base: u32,
    /// The function's instance, so that a return to a caller of the running instance reads
    /// everything it needs from the caller's record. [`UNLINKED`] in frames read from a
    /// snapshot until the stack is linked.
    pub(crate) inst: u32,
}

/// [`Frame::inst`] of a frame not linked to a store yet: no instance has it.
pub(crate) const UNLINKED: u32 = u32::MAX;

impl Frame {
    /// The frame of a call to store function `func`, whose code starts at `code`, of
    /// instance `inst`, with its first slot at `base`, at its first instruction.
    #[inline(always)]
    pub(crate) fn entry(func: u32, code: *const Op, inst: u32, base: usize) -> Self {
        Frame {
            ip: code,
            code,
            func,
            unlinked_pc: 0,
            base: base as u32,
            inst,
        }
    }

    /// A frame of store function `func` at position `pc` of its code, with its first slot
    /// at `base`, not linked to a store yet (read from a snapshot).
    pub(crate) fn unlinked(func: u32, pc: u32, base: u32) -> Self {
        Frame {
            ip: std::ptr::null(),
            code: std::ptr::null(),
            func,
            unlinked_pc: pc,
            base,
            inst: UNLINKED,
        }
    }

    /// The position of the next instruction to run in the function's code (for frames
    /// below the top: the instruction after the call).
    pub(crate) fn pc(&self) -> u32 {
        if self.code.is_null() {
            return self.unlinked_pc;
        }
        // Addresses, not pointer arithmetic: the code of a frame cloned out of a store may
        // be gone by the time the clone is linked to another one.
        let bytes = (self.ip as usize).wrapping_sub(self.code as usize);
        (bytes / std::mem::size_of::<Op>()) as u32
    }
}

// SAFETY: `ip` is an address the interpreter reads through only while the stack runs in the
// store it was linked in (`Stack::link`, which every resumption from outside runs first):
// moving or sharing a frame between threads moves a number, never what it points at.
unsafe impl Send for Frame {}
// SAFETY: as for `Send`; a shared frame is never read through.
unsafe impl Sync for Frame {}

/// The value slots an outermost frame starts with at the least, whatever its size: a frame
/// that needs none (a function without parameters, locals or results) still runs over an
/// allocation rather than over the empty vector's dangling address. Over that address, calls
/// of such a function from the host took four times as long (0.13 against 0.03 µs) with the
/// same instructions executed (callgrind); most likely the processor's reads ahead of
/// branches, thrown away but each walking the page tables for a page that is not mapped.
const MIN_SLOTS: usize = 64;

/// The execution state of a call: value slots and frames.
#[derive(Debug, Clone, Default)]
pub(crate) struct Stack {
    pub(crate) values: Vec<u64>,
    pub(crate) frames: Vec<Frame>,
}

/// Limits of one call's stack, from the engine's configuration.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    pub(crate) max_frames: usize,
    pub(crate) max_slots: usize,
    /// Gas prices, when metering is on.
    pub(crate) gas: Option<GasCosts>,
}

/// Why [`execute`] returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Exit {
    /// The outermost frame returned; its results are at `values[0..]`.
    Done,
    /// A host function must be called with the arguments at `values[base..]`; its results go
    /// to the same place. With `tail`, the top frame then returns those results.
    HostCall { func: u32, base: usize, tail: bool },
    /// The store's gas does not cover the next step, which needs `needed` more; the top
    /// frame's `pc` points at the instruction to run again on resumption.
    OutOfGas { needed: u64 },
    /// The store's interrupt flag was raised; the top frame's `pc` points at the instruction
    /// to run next, a bulk operation that had done `progress` items of its work.
    Interrupted { progress: u64 },
}

impl Stack {
    /// Pushes a frame for the Wasm function `func` whose parameters are already at `base`,
    /// zeroing its other locals.
    pub(crate) fn push_frame(
        &mut self,
        store: &StoreInner,
        func: u32,
        base: usize,
        limits: Limits,
    ) -> Result<(), TrapCode> {
        let FuncEntity::Wasm { body, instance, .. } = &store.funcs[func as usize] else {
            unreachable!("push_frame is only called for Wasm functions");
        };
        if self.values.len() < MIN_SLOTS {
            self.grow_values(MIN_SLOTS);
        }
        self.enter(func, body, *instance, base, limits)
    }

    #[inline(always)]
    pub(super) fn enter(
        &mut self,
        func: u32,
        body: &super::translator::CompiledFunc,
        inst: u32,
        base: usize,
        limits: Limits,
    ) -> Result<(), TrapCode> {
        if self.frames.len() >= limits.max_frames {
            return Err(TrapCode::StackOverflow);
        }
        let end = base + body.frame_size as usize;
        if end > limits.max_slots {
            return Err(TrapCode::StackOverflow);
        }
        if self.values.len() < end {
            self.grow_values(end);
        }
        self.values[base + body.num_params as usize..base + body.num_locals as usize].fill(0);
        self.frames
            .push(Frame::entry(func, body.ops.as_ptr(), inst, base));
        Ok(())
    }

    /// Points every frame's `ip` at its `pc` in the code `s` runs for its function, before
    /// the stack runs in `s` after being outside of it (paused, restored, or resumed in a
    /// clone of the store whose functions were translated apart).
    ///
    /// The frames were checked against `s` first ([`check_stack`](crate::snapshot::check_stack)):
    /// each names a Wasm function and a `pc` inside its code.
    pub(crate) fn link(&mut self, s: &StoreInner) {
        for frame in &mut self.frames {
            if let Some(FuncEntity::Wasm { body, instance, .. }) = s.funcs.get(frame.func as usize)
            {
                let pc = frame.pc();
                frame.code = body.ops.as_ptr();
                frame.ip = frame.code.wrapping_add(pc as usize);
                frame.inst = *instance;
            }
        }
    }

    /// Grows the value stack to at least `end` slots (doubling, so that deep recursion
    /// grows it a logarithmic number of times).
    #[cold]
    #[inline(never)]
    fn grow_values(&mut self, end: usize) {
        self.values.resize(end.max(self.values.len() * 2), 0);
    }
}

/// Records `ip` as the return address of the top frame of `frames` and pushes `frame`
/// above it, without growing `frames` (a call's frame records, in one pass over the
/// stack's length).
///
/// # Safety
/// `1 <= frames.len() < frames.capacity()`.
#[inline(always)]
pub(super) unsafe fn push_over_top(frames: &mut Vec<Frame>, ip: *const Op, frame: Frame) {
    let len = frames.len();
    debug_assert!(1 <= len && len < frames.capacity());
    let top = frames.as_mut_ptr();
    // SAFETY: by the contract, slot `len - 1` holds the top frame and slot `len` of the
    // allocation is in bounds; it is written before the length covers it.
    unsafe {
        (*top.add(len - 1)).ip = ip;
        top.add(len).write(frame);
        frames.set_len(len + 1);
    }
}
