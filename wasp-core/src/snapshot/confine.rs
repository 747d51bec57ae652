//! Checking the references of a paused call against the reach of the instances that will read
//! them: every reference slot of every frame (from the translator's reference maps), the
//! arguments of a host call still to be made, and the value a host function yielded.

use super::reach::Reach;
use super::SnapshotError;
use crate::engine::executor::{Frame, Op, Stack};
use crate::engine::ir::Instr;
use crate::engine::translator::{CompiledFunc, RefKind};
use crate::func::{Continuation, HostCall, Suspension};
use crate::store::{FuncEntity, StoreInner};
use crate::value::Val;

/// Checks the references of the paused call `c`, whose stack `check_stack` accepted.
pub(crate) fn check_call_refs(
    s: &StoreInner,
    reach: &Reach,
    c: &Continuation,
) -> Result<(), SnapshotError> {
    let (host, pending_args) = match &c.suspension {
        Suspension::OutOfGas { host, .. } => (*host, true),
        Suspension::Yielded { host, .. } => (Some(*host), false),
        // An interrupt stops the top frame at whatever instruction it reached: its reference
        // slots are known only where that instruction is one of the function's pause points
        // (see `check_frame`).
        Suspension::Interrupted { .. } => (None, false),
    };
    let frames = &c.stack.frames;
    for (k, frame) in frames.iter().enumerate() {
        let top = k + 1 == frames.len();
        check_frame(s, reach, &c.stack, k, frame, if top { host } else { None })?;
    }
    // The group of the code that called the pending host function, if Wasm code did.
    let caller = frames.last().and_then(|f| reach.group_of_func(s, f.func));
    if let (Some(h), true) = (host, pending_args) {
        check_host_args(s, reach, &c.stack, h, caller)?;
    }
    if let Suspension::Yielded { value, .. } = &c.suspension {
        let (kind, slot) = match *value {
            Val::FuncRef(_) => (RefKind::Func, value.to_slot()),
            Val::ExternRef(_) => (RefKind::Extern, value.to_slot()),
            _ => return Ok(()),
        };
        check_in(s, reach, caller, kind, slot, "the yielded value", || {
            "the value the host function yielded to the embedder".to_string()
        })?;
    }
    Ok(())
}

/// Checks a reference against `group`'s reach; without a group (no Wasm code involved) only
/// null passes.
fn check_in(
    s: &StoreInner,
    reach: &Reach,
    group: Option<usize>,
    kind: RefKind,
    slot: u64,
    what: &'static str,
    place: impl FnOnce() -> String,
) -> Result<(), SnapshotError> {
    match group {
        Some(g) => reach.check(s, g, kind, slot, what, place),
        None if slot == 0 => Ok(()),
        None => Err(SnapshotError::Corrupt {
            what,
            detail: format!(
                "{}: expected null (no instance's code made the call, so no instance's reach \
                 vouches for a reference), found {}",
                place(),
                super::reach::describe_func(s, slot - 1)
            ),
        }),
    }
}

/// Checks the reference slots and hoisted constants of frame `k`; `host` is the pending host
/// call of the top frame.
fn check_frame(
    s: &StoreInner,
    reach: &Reach,
    stack: &Stack,
    k: usize,
    frame: &Frame,
    host: Option<HostCall>,
) -> Result<(), SnapshotError> {
    let (Some(FuncEntity::Wasm { body, .. }), Some(group)) = (
        s.funcs.get(frame.func as usize),
        reach.group_of_func(s, frame.func),
    ) else {
        return Err(bad(k, frame, "names no Wasm function".into()));
    };
    let tail = host.is_some_and(|h| h.tail);
    // The top frame without a pending host call stands where it paused (a gas charge, a
    // bulk operation, or any instruction when interrupted); the others wait on a call.
    let top_at_pc = host.is_none() && k + 1 == stack.frames.len();
    let point = if tail || top_at_pc {
        Some(frame.pc())
    } else {
        call_pc(&body.ops, frame.pc())
    };
    if top_at_pc && body.refs.ref_free() && point.is_some_and(|pc| body.refs.live_at(pc).is_none())
    {
        // Stopped between pause points in a function none of whose slots ever holds a
        // reference: only its hoisted constants need checking.
        return check_hoisted(stack, k, frame, body);
    }
    let live = point.and_then(|pc| body.refs.live_at(pc)).ok_or_else(|| {
        let why = if top_at_pc {
            "stands at no pause point of a function that handles references (an interrupted \
             call in such a function can be restored only when the interrupt stopped it at a \
             gas charge, a call or a bulk operation; resume it in its own store and save it \
             at its next pause instead)"
        } else {
            "stands at no pause point of its function"
        };
        bad(k, frame, why.into())
    })?;
    let base = frame.base as usize;
    for (slot, kind) in live {
        let value = slot_value(stack, base, slot).ok_or_else(|| {
            bad(
                k,
                frame,
                format!("reference slot {slot} lies past the saved slots"),
            )
        })?;
        reach.check(s, group, kind, value, "a frame's reference slot", || {
            format!("frame {k} ({}), slot {slot}", describe_frame(s, frame))
        })?;
    }
    if !tail {
        check_hoisted(stack, k, frame, body)?;
    }
    Ok(())
}

/// Hoisted constants hold their value from the frame's first instruction on.
fn check_hoisted(
    stack: &Stack,
    k: usize,
    frame: &Frame,
    body: &CompiledFunc,
) -> Result<(), SnapshotError> {
    for (slot, want) in body.refs.hoisted() {
        let found = slot_value(stack, frame.base as usize, slot);
        if found != Some(want) {
            return Err(bad(
                k,
                frame,
                format!(
                    "slot {slot} holds a constant of the code: expected {want:#x}, found {}",
                    found.map_or_else(|| "no slot".to_string(), |v| format!("{v:#x}"))
                ),
            ));
        }
    }
    Ok(())
}

/// The arguments of a host call still to be made are references the caller hands over.
fn check_host_args(
    s: &StoreInner,
    reach: &Reach,
    stack: &Stack,
    host: HostCall,
    caller: Option<usize>,
) -> Result<(), SnapshotError> {
    let Some(entity) = s.funcs.get(host.func as usize) else {
        return Ok(()); // `check_stack` refuses it.
    };
    let ty = s.engine.resolve_type(entity.type_id());
    for (i, &param) in ty.params().iter().enumerate() {
        let Some(kind) = RefKind::of(param) else {
            continue;
        };
        let value = slot_value(stack, host.base, i as u32).unwrap_or(0);
        check_in(
            s,
            reach,
            caller,
            kind,
            value,
            "a pending host call's arguments",
            || format!("argument {i} ({param}) of host function {}", host.func),
        )?;
    }
    Ok(())
}

fn slot_value(stack: &Stack, base: usize, slot: u32) -> Option<u64> {
    stack.values.get(base.checked_add(slot as usize)?).copied()
}

/// The call instruction a frame returning to `pc` waits on.
fn call_pc(code: &[Op], pc: u32) -> Option<u32> {
    let pc = pc as usize;
    match (
        pc.checked_sub(2)
            .and_then(|i| code.get(i))
            .map(|op| op.instr),
        pc.checked_sub(1)
            .and_then(|i| code.get(i))
            .map(|op| op.instr),
    ) {
        (_, Some(Instr::Call { .. } | Instr::CallRef { .. })) => Some(pc as u32 - 1),
        (
            Some(Instr::CallIndirect { .. } | Instr::CallIndirectAcc { .. }),
            Some(Instr::Data { .. }),
        ) => Some(pc as u32 - 2),
        _ => None,
    }
}

fn describe_frame(s: &StoreInner, frame: &Frame) -> String {
    super::reach::describe_func(s, u64::from(frame.func)).replacen(
        "store function",
        "running store function",
        1,
    )
}

fn bad(k: usize, frame: &Frame, detail: String) -> SnapshotError {
    SnapshotError::Corrupt {
        what: "a frame",
        detail: format!(
            "frame {k} (store function {}, position {}): {detail}",
            frame.func,
            frame.pc()
        ),
    }
}
