//! Checking that a paused call's stack is one this store's code could have produced: every
//! frame is a real function stopped at a real resumption point, frame positions follow from
//! the call instructions, and every slot a frame may touch exists.

use super::SnapshotError;
use crate::engine::executor::{Frame, Op, Stack};
use crate::engine::ir::Instr;
use crate::engine::translator::CompiledFunc;
use crate::func::{HostCall, Suspension};
use crate::store::{FuncEntity, StoreInner};

/// The call instruction a frame below the top is waiting on.
pub(super) enum CallSite {
    /// `call` of the module's function `func`, arguments at slot `args`.
    Direct { func: u32, args: u32 },
    /// `call_indirect` or `call_ref` of engine type `ty`, arguments at slot `args`.
    Indirect { ty: u32, args: u32 },
}

/// Checks `stack` (paused as `suspension`) against the store.
pub(crate) fn check_stack(
    s: &StoreInner,
    stack: &Stack,
    suspension: &Suspension,
) -> Result<(), SnapshotError> {
    let (host, interrupted) = match suspension {
        Suspension::OutOfGas { host, .. } => (*host, None),
        Suspension::Yielded { host, .. } => (Some(*host), None),
        Suspension::Interrupted { progress } => (None, Some(*progress)),
    };
    let config = s.engine.config();
    if stack.frames.len() > config.max_call_depth {
        return Err(bad("frames", "more frames than the configured call depth"));
    }
    if stack.values.len() > config.max_stack_slots {
        return Err(bad("values", "more value slots than the configured limit"));
    }
    if let Some(host) = host {
        check_host(s, stack, host)?;
    }
    let Some((top, below)) = stack.frames.split_last() else {
        return match host {
            // A host function called directly by the embedder yielded.
            Some(h) if h.base == 0 && !h.tail => Ok(()),
            _ => Err(bad("frames", "a paused Wasm call has no frames")),
        };
    };
    let mut expected_base = 0u64;
    let mut caller: Option<(&Frame, CallSite)> = None;
    for frame in below.iter().chain(std::iter::once(top)) {
        let body = wasm_body(s, frame.func)?;
        if let Some((parent, site)) = caller.take() {
            check_callee(s, parent, &site, frame.func)?;
        }
        if u64::from(frame.base) != expected_base {
            return Err(bad(
                "frames",
                "a frame does not start where its caller put its arguments",
            ));
        }
        let end = u64::from(frame.base) + u64::from(body.frame_size);
        if end > stack.values.len() as u64 {
            return Err(bad("values", "a frame reaches past the saved value slots"));
        }
        let pc = frame.pc() as usize;
        if pc >= body.ops.len() {
            return Err(bad("frames", "a position lies outside its function's code"));
        }
        if std::ptr::eq(frame, top) {
            match interrupted {
                Some(progress) => check_interrupted(body, pc, progress)?,
                None => check_top(body, pc, host, frame)?,
            }
            if let Some(h) = host {
                check_host_target(s, frame, &body.ops[pc].instr, pc, &body.ops, h)?;
            }
        } else {
            let site = call_site(&body.ops, pc)
                .ok_or_else(|| bad("frames", "a caller is not stopped right after a call"))?;
            let args = match site {
                CallSite::Direct { args, .. } | CallSite::Indirect { args, .. } => args,
            };
            expected_base = u64::from(frame.base) + u64::from(args);
            caller = Some((frame, site));
        }
    }
    Ok(())
}

fn bad(what: &'static str, detail: &str) -> SnapshotError {
    SnapshotError::Corrupt {
        what,
        detail: detail.to_string(),
    }
}

fn wasm_body(s: &StoreInner, func: u32) -> Result<&CompiledFunc, SnapshotError> {
    match s.funcs.get(func as usize) {
        Some(FuncEntity::Wasm { body, .. }) => Ok(body),
        Some(FuncEntity::Host { .. }) => Err(bad("frames", "a frame names a host function")),
        None => Err(SnapshotError::Mismatch {
            what: "frames",
            expected: format!("a function index below {}", s.funcs.len()),
            found: format!("function {func}"),
        }),
    }
}

/// The call instruction just before `pc`, if `pc` is the return point of one.
pub(super) fn call_site(code: &[Op], pc: usize) -> Option<CallSite> {
    match (
        pc.checked_sub(2).map(|i| code[i].instr),
        pc.checked_sub(1).map(|i| code[i].instr),
    ) {
        (_, Some(Instr::Call { func, args })) => Some(CallSite::Direct { func, args }),
        (_, Some(Instr::CallRef { ty, args, .. })) => Some(CallSite::Indirect { ty, args }),
        (
            Some(Instr::CallIndirect { ty, args, .. } | Instr::CallIndirectAcc { ty, args, .. }),
            Some(Instr::Data { .. }),
        ) => Some(CallSite::Indirect { ty, args }),
        _ => None,
    }
}

/// Checks that `callee` is what the call site of `parent` can call.
fn check_callee(
    s: &StoreInner,
    parent: &Frame,
    site: &CallSite,
    callee: u32,
) -> Result<(), SnapshotError> {
    let ok = match *site {
        CallSite::Direct { func, .. } => {
            let instance = match s.funcs.get(parent.func as usize) {
                Some(FuncEntity::Wasm { instance, .. }) => *instance,
                _ => return Err(bad("frames", "a caller is not a Wasm function")),
            };
            s.instances
                .get(instance as usize)
                .and_then(|i| i.funcs.get(func as usize))
                == Some(&callee)
        }
        CallSite::Indirect { ty, .. } => {
            s.funcs.get(callee as usize).map(FuncEntity::type_id) == Some(ty)
        }
    };
    if ok {
        Ok(())
    } else {
        Err(bad(
            "frames",
            "a frame's function is not what its caller's call instruction calls",
        ))
    }
}

/// The top frame must stand where execution can pause.
fn check_top(
    body: &CompiledFunc,
    pc: usize,
    host: Option<HostCall>,
    frame: &Frame,
) -> Result<(), SnapshotError> {
    let ok = match host {
        None => matches!(
            body.ops[pc].instr,
            Instr::ConsumeGas { .. }
                | Instr::MemoryGrow { .. }
                | Instr::MemoryFill { .. }
                | Instr::MemoryCopy { .. }
                | Instr::MemoryInit { .. }
                | Instr::MemoryGrow64 { .. }
                | Instr::MemoryFill64 { .. }
                | Instr::MemoryCopy64 { .. }
                | Instr::MemoryInit64 { .. }
                | Instr::TableGrow { .. }
                | Instr::TableFill { .. }
                | Instr::TableCopy { .. }
                | Instr::TableInit { .. }
        ),
        Some(h) if h.tail => {
            matches!(
                body.ops[pc].instr,
                Instr::ReturnCall { .. }
                    | Instr::ReturnCallIndirect { .. }
                    | Instr::ReturnCallRef { .. }
            ) && h.base == frame.base as usize
        }
        Some(h) => match call_site(&body.ops, pc) {
            Some(CallSite::Direct { args, .. }) | Some(CallSite::Indirect { args, .. }) => {
                h.base == frame.base as usize + args as usize
            }
            None => false,
        },
    };
    if ok {
        Ok(())
    } else {
        Err(bad(
            "frames",
            "the paused frame does not stand at a point where a call can pause",
        ))
    }
}

/// An interrupted frame stands at any instruction (never inside one's data word); only a
/// bulk operation can have made progress.
fn check_interrupted(body: &CompiledFunc, pc: usize, progress: u64) -> Result<(), SnapshotError> {
    let instr = &body.ops[pc].instr;
    let bulk = matches!(
        instr,
        Instr::MemoryFill { .. }
            | Instr::MemoryCopy { .. }
            | Instr::MemoryInit { .. }
            | Instr::MemoryFill64 { .. }
            | Instr::MemoryCopy64 { .. }
            | Instr::MemoryInit64 { .. }
            | Instr::TableFill { .. }
            | Instr::TableCopy { .. }
            | Instr::TableInit { .. }
    );
    let at_data = matches!(instr, Instr::Data { .. });
    if at_data || (progress > 0 && !bulk) {
        return Err(bad(
            "frames",
            "the interrupted frame does not stand at a point where a call can pause",
        ));
    }
    Ok(())
}

/// The pending host call must be what the top frame's call instruction calls.
fn check_host_target(
    s: &StoreInner,
    frame: &Frame,
    at: &Instr,
    pc: usize,
    code: &[Op],
    host: HostCall,
) -> Result<(), SnapshotError> {
    let site = if host.tail {
        match *at {
            Instr::ReturnCall { func, args } => CallSite::Direct { func, args },
            Instr::ReturnCallIndirect { ty, args, .. } | Instr::ReturnCallRef { ty, args, .. } => {
                CallSite::Indirect { ty, args }
            }
            _ => return Err(bad("frames", "a pending tail call does not stand at one")),
        }
    } else {
        call_site(code, pc).ok_or_else(|| bad("frames", "a pending call does not follow one"))?
    };
    check_callee(s, frame, &site, host.func)
}

/// A pending host call must name a host function and have its argument slots.
fn check_host(s: &StoreInner, stack: &Stack, host: HostCall) -> Result<(), SnapshotError> {
    let FuncEntity::Host { type_id, .. } = s
        .funcs
        .get(host.func as usize)
        .ok_or_else(|| bad("pending host call", "names no function"))?
    else {
        return Err(bad("pending host call", "names a Wasm function"));
    };
    let ty = s.engine.resolve_type(*type_id);
    let width = ty.param_slots().max(ty.result_slots());
    if host.base.saturating_add(width) > stack.values.len() {
        return Err(bad(
            "pending host call",
            "its arguments lie past the saved slots",
        ));
    }
    Ok(())
}
