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
                handler: handlers::handler_for(&instr),
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Frame {
    /// The instruction at `pc` in the function's code, so that a return continues in its
    /// caller without looking the caller's code up (see [`Stack::link`]). Null in frames
    /// read from a snapshot until the stack is linked.
    pub(crate) ip: *const Op,
    /// Store address of the function.
    pub(crate) func: u32,
    /// Index of the next instruction to run (for frames below the top: after the call).
    pub(crate) pc: u32,
    /// Index of the frame's first slot in `Stack::values`.
    pub(crate) base: u32,
}

// SAFETY: `ip` is an address the interpreter reads through only while the stack runs in the
// store it was linked in (`Stack::link`, which every resumption from outside runs first):
// moving or sharing a frame between threads moves a number, never what it points at.
unsafe impl Send for Frame {}
// SAFETY: as for `Send`; a shared frame is never read through.
unsafe impl Sync for Frame {}

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
        let FuncEntity::Wasm { body, .. } = &store.funcs[func as usize] else {
            unreachable!("push_frame is only called for Wasm functions");
        };
        self.enter(func, body, base, limits)
    }

    #[inline(always)]
    pub(super) fn enter(
        &mut self,
        func: u32,
        body: &super::translator::CompiledFunc,
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
        self.frames.push(Frame {
            ip: body.ops.as_ptr(),
            func,
            pc: 0,
            base: base as u32,
        });
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
            if let Some(FuncEntity::Wasm { body, .. }) = s.funcs.get(frame.func as usize) {
                frame.ip = body.ops.as_ptr().wrapping_add(frame.pc as usize);
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

/// Records `pc`, at `ip`, as the return address of the top frame of `frames` and pushes
/// `frame` above it, without growing `frames` (a call's frame records, in one pass over the
/// stack's length).
///
/// # Safety
/// `1 <= frames.len() < frames.capacity()`.
#[inline(always)]
pub(super) unsafe fn push_over_top(frames: &mut Vec<Frame>, pc: u32, ip: *const Op, frame: Frame) {
    let len = frames.len();
    debug_assert!(1 <= len && len < frames.capacity());
    let top = frames.as_mut_ptr();
    // SAFETY: by the contract, slot `len - 1` holds the top frame and slot `len` of the
    // allocation is in bounds; it is written before the length covers it.
    unsafe {
        (*top.add(len - 1)).pc = pc;
        (*top.add(len - 1)).ip = ip;
        top.add(len).write(frame);
        frames.set_len(len + 1);
    }
}
