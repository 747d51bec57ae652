//! Entering functions translated on first need (lazy compilation, `module/lazy.rs`).
//!
//! Until a function is translated, its entity in the store holds a stand-in: a body of one
//! instruction whose handler, [`enter_translation`], translates the function (once for its
//! module), puts the translation in the entity and replaces the stand-in's frame with the
//! function's own frame at its first instruction. The stand-in charges no gas and is never
//! a pause point, so gas figures, pause points and snapshots are those of eager compilation.
//!
//! The stand-in's frame holds only the parameters. It exists between a call and the stand-in's
//! instruction, and the trampoline may see an interrupt there: [`settle_stand_in`] then
//! enters the translation before the call pauses, so that no paused or saved stack ever
//! holds a stand-in.

use std::sync::Arc;

use super::dispatch::{Acc, Cx, FAcc, Mem, Op};
use super::{Limits, Stack};
use crate::engine::ir::Instr;
use crate::engine::translator::CompiledFunc;
use crate::error::TrapCode;
use crate::store::{FuncEntity, StoreInner};

/// The stand-in for defined function `defined` of a module, which takes `num_params`
/// parameter slots.
pub(crate) fn stand_in(defined: u32, num_params: u32) -> CompiledFunc {
    CompiledFunc {
        // The instruction is never run for itself: the handler is the stand-in's.
        ops: Box::new([Op {
            handler: enter_translation,
            instr: Instr::Unreachable,
        }]),
        num_params,
        num_locals: num_params,
        frame_size: num_params,
        refs: Default::default(),
        offsets: Default::default(),
        pending: Some(defined),
    }
}

/// The stand-in's handler: enters the translated function, or traps if it cannot be
/// translated. Either way it returns to the trampoline, so it leaves the gas left in
/// [`Cx::gas`] (see [`Handler`](super::dispatch::Handler)).
#[allow(clippy::too_many_arguments)] // the registers a handler chain hands on
fn enter_translation(
    _ip: *const Op,
    _regs: *mut u64,
    cx: &mut Cx<'_>,
    _acc: Acc,
    _budget: u32,
    gas: u64,
    _facc: FAcc,
    _mem: Mem,
) -> *const Op {
    cx.gas = gas;
    match enter_translated(cx.s, cx.stack, cx.limits) {
        Ok(()) => {
            // Translation put the body in the function's entity, and entering it may have
            // grown the stacks.
            cx.set_funcs();
            cx.measure_room();
            cx.load_top();
            // Back to the trampoline, which continues at the function's first instruction.
            cx.ip
        }
        Err(trap) => {
            cx.exit = Err(trap);
            std::ptr::null()
        }
    }
}

/// Replaces the stand-in frame on top of `stack` by the translated function's frame. On
/// failure the stand-in's frame is gone, as a failed call leaves the stack.
fn enter_translated(s: &mut StoreInner, stack: &mut Stack, limits: Limits) -> Result<(), TrapCode> {
    let frame = stack.frames.pop().ok_or(TrapCode::Untranslatable)?;
    let body = s.translate_func(frame.func)?;
    stack.enter(frame.func, &body, frame.inst, frame.base as usize, limits)
}

/// Before a call pauses on an interrupt: if the top frame is a stand-in's, enters the
/// translated function instead (at its first instruction, where the stand-in stood).
///
/// # Errors
///
/// The trap of entering the function: its frame exceeds the stack's limits, or it cannot be
/// translated.
pub(crate) fn settle_stand_in(
    s: &mut StoreInner,
    stack: &mut Stack,
    limits: Limits,
) -> Result<(), TrapCode> {
    let Some(frame) = stack.frames.last() else {
        return Ok(());
    };
    if is_stand_in(s, frame.func) {
        enter_translated(s, stack, limits)?;
    }
    Ok(())
}

/// Whether store function `func` still runs a stand-in.
fn is_stand_in(s: &StoreInner, func: u32) -> bool {
    matches!(s.funcs.get(func as usize), Some(FuncEntity::Wasm { body, .. }) if body.pending.is_some())
}

impl Cx<'_> {
    /// Whether the running frame is a stand-in's (for the instruction trace, which does not
    /// show it).
    pub(super) fn at_stand_in(&self) -> bool {
        self.stack
            .frames
            .last()
            .is_some_and(|f| is_stand_in(self.s, f.func))
    }
}

impl StoreInner {
    /// The translation of store function `func`, translating it if needed and putting it in
    /// place of its stand-in.
    ///
    /// # Errors
    ///
    /// [`TrapCode::Untranslatable`] if `func` is not a Wasm function or cannot be translated.
    pub(crate) fn translate_func(&mut self, func: u32) -> Result<Arc<CompiledFunc>, TrapCode> {
        let (instance, defined) = match self.funcs.get(func as usize) {
            Some(FuncEntity::Wasm { instance, body, .. }) => match body.pending {
                None => return Ok(body.clone()),
                Some(defined) => (*instance, defined),
            },
            _ => return Err(TrapCode::Untranslatable),
        };
        let module = self
            .instances
            .get(instance as usize)
            .map(|i| i.module.clone())
            .ok_or(TrapCode::Untranslatable)?;
        let code = module
            .inner
            .compiled(defined as usize)
            .map_err(|_| TrapCode::Untranslatable)?;
        if let Some(FuncEntity::Wasm { body, entry, .. }) = self.funcs.get_mut(func as usize) {
            *entry = super::Entry::of(&code);
            *body = code.clone();
        }
        Ok(code)
    }

    /// Translates the functions of `stack`'s frames that still run stand-ins (a stack
    /// restored from a snapshot, or resumed in a clone of the store made before they were
    /// translated). A function that cannot be translated keeps its stand-in, which the
    /// stack's check then rejects.
    pub(crate) fn translate_frames(&mut self, stack: &Stack) {
        for frame in &stack.frames {
            if is_stand_in(self, frame.func) {
                let _ = self.translate_func(frame.func);
            }
        }
    }
}
