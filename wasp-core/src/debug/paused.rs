//! The frames of a paused call, as [`Continuation::frames`](crate::Continuation::frames)
//! shows them: where each is and the values of its locals.

use super::backtrace::Describer;
use super::FrameInfo;
use crate::engine::executor::{Frame, Stack};
use crate::module::ModuleInner;
use crate::store::{FuncEntity, StoreId, StoreInner};
use crate::types::ValType;
use crate::value::Val;

/// One frame of a paused call: its function and position, and its locals.
#[derive(Debug, Clone)]
pub struct PausedFrame {
    info: FrameInfo,
    locals: Vec<Val>,
}

impl PausedFrame {
    pub(crate) fn new(info: FrameInfo, locals: Vec<Val>) -> PausedFrame {
        PausedFrame { info, locals }
    }

    /// The function, its Wasm offset and, with debug info, its source position. The
    /// innermost frame's offset is the operator that runs next (or the call of the host
    /// function that paused), the others' the call they wait on.
    pub fn info(&self) -> &FrameInfo {
        &self.info
    }

    /// The frame's locals, parameters first, as typed values.
    pub fn locals(&self) -> &[Val] {
        &self.locals
    }
}

/// The frames of a call paused with `stack`, innermost first; with `top_exact`, the
/// innermost frame's pc is the instruction to run next.
pub(crate) fn paused_frames(
    store: &StoreInner,
    stack: &Stack,
    top_exact: bool,
) -> Vec<PausedFrame> {
    let mut describer = Describer::default();
    stack
        .frames
        .iter()
        .rev()
        .enumerate()
        .filter_map(|(i, frame)| {
            let info = describer.describe(store, frame, top_exact && i == 0)?;
            let locals = locals(store, stack, frame, info.func_index)?;
            Some(PausedFrame { info, locals })
        })
        .collect()
}

/// The typed values of the locals of `frame`, a frame of module function `index`.
fn locals(store: &StoreInner, stack: &Stack, frame: &Frame, index: u32) -> Option<Vec<Val>> {
    let FuncEntity::Wasm { instance, .. } = store.funcs.get(frame.func as usize)? else {
        return None;
    };
    let module = &store.instances.get(*instance as usize)?.module.inner;
    module_locals(module, index, &stack.values, frame.base, store.id)
}

/// The typed values of the locals of a frame of `module`'s function `index` whose slots
/// start at `values[base]`; `None` when the function or a slot does not exist. References
/// become handles of store `store`.
pub(crate) fn module_locals(
    module: &ModuleInner,
    index: u32,
    values: &[u64],
    base: u32,
    store: StoreId,
) -> Option<Vec<Val>> {
    let ty = module
        .types
        .get(*module.funcs.get(index as usize)? as usize)?;
    let defined = (index as usize).checked_sub(module.num_imported_funcs)?;
    let declared = declared_locals(module, defined)?;
    let types = ty.params().iter().copied().chain(
        declared
            .iter()
            .flat_map(|&(count, ty)| std::iter::repeat_n(ty, count as usize)),
    );
    let mut at = base as usize;
    types
        .map(|ty: ValType| {
            let slot = *values.get(at)?;
            let high = values.get(at.checked_add(1)?).copied().unwrap_or(0);
            at = at.checked_add(ty.slots())?;
            Some(Val::from_slots(store, ty, slot, high))
        })
        .collect()
}

/// The declared locals of `module`'s defined function `defined`, as `(count, type)` runs,
/// decoded from its body (validated by `Module::new`).
fn declared_locals(module: &ModuleInner, defined: usize) -> Option<Vec<(u32, ValType)>> {
    let body = module.code.body(defined)?;
    body.get_locals_reader()
        .ok()?
        .into_iter()
        .map(|run| {
            let (count, ty) = run.ok()?;
            Some((count, crate::module::val_type(ty, &module.types).ok()?))
        })
        .collect()
}
