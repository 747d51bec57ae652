//! The traced run: the interpreter's loop one instruction at a time, telling a tracer of each
//! instruction before it runs.
//!
//! Each handler is entered with a budget of one dispatch, so it runs its own instruction and
//! returns the next one to this loop instead of jumping to it. The handlers, and so gas,
//! pauses, traps and results, are those of [`execute`](super::execute), which this loop
//! leaves untouched: an untraced call never comes here.

use super::dispatch::{Cx, BUDGET};
use super::{handlers, Exit, Frame, Limits, Stack};
use crate::debug::TraceState;
use crate::error::TrapCode;
use crate::store::StoreInner;

/// Runs as [`execute`](super::execute) does, calling `tracer` before each instruction until
/// its step limit is spent (then at full speed).
pub(crate) fn execute_traced(
    s: &mut StoreInner,
    stack: &mut Stack,
    limits: Limits,
    tracer: &mut TraceState,
) -> Result<Exit, TrapCode> {
    let mut cx = Cx::new(s, stack, limits);
    if !cx.load_top() {
        return Ok(Exit::Done);
    }
    loop {
        let (ip, regs, gas) = (cx.ip, cx.frame_ptr(), cx.gas);
        // SAFETY: `ip` is an instruction of the running function: `load_top` or a handler
        // left it there (invariants 2 and 4 of `translator/verify.rs`).
        let op = unsafe { &*ip };
        // A function translated on first call shows its own first instruction, not its
        // stand-in's (`lazy.rs`).
        let (handler, budget) = if tracer.done() || cx.at_stand_in() {
            (op.handler, BUDGET)
        } else {
            if let Some(frame) = cx.stack.frames.last() {
                let (func, depth) = (frame.func, cx.stack.frames.len());
                let pc = Frame { ip, ..*frame }.pc();
                tracer.before(cx.s, func, pc, depth);
            }
            // The single-step build of the handler: with a budget of one it returns the
            // next instruction here, in every build.
            (handlers::step_handler_for(&op.instr), 1)
        };
        let (acc, facc) = handlers::resume_acc(op, regs);
        let mem = super::dispatch::Mem::of(&cx);
        let next = handler(ip, regs, &mut cx, acc, budget, gas, facc, mem);
        if next.is_null() {
            cx.s.gas = cx.gas_left();
            return cx.exit;
        }
        if cx.s.interrupt.is_raised() {
            cx.save_pc(next);
            cx.s.gas = cx.gas_left();
            return Ok(Exit::Interrupted { progress: 0 });
        }
        cx.ip = next;
    }
}
