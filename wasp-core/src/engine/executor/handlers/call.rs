//! Handlers of calls: direct, indirect, through a function reference, and their tail-call
//! forms.

use super::*;

op!(Call { func, args }, |ip, regs, cx| {
    let callee = cx.func_addr(func);
    // SAFETY: a call is not the last instruction, so the one to return to exists
    // (invariant 4 of `translator/verify.rs`).
    cx.call(unsafe { ip.add(1) }, callee, args)
});

op!(CallIndirect { ty, args, index }, |ip, regs, cx| {
    let (table, _, _) = data(ip);
    call_indirect(cx, ip, table, u32_!(regs, index), ty, args)
});

// The element index handed on by the instruction before (`translator/result_register.rs`):
// the lookup of the callee waits on no reload of a slot just written.
op!(
    CallIndirectAcc { ty, args, index },
    |ip, regs, cx, gas, acc, facc| {
        let (table, _, _) = data(ip);
        let index = from_acc!(u32, regs, index, acc, facc);
        call_indirect(cx, ip, table, index, ty, args)
    }
);

/// Calls entry `index` of table `table`, of type `ty`, with its arguments at frame slot
/// `args`, for the indirect call at `ip`. When there is no such function the call leaves
/// through a cold path that works out and records the trap, so that the common path tests
/// each condition with one branch and builds no `Result`.
#[inline(always)]
fn call_indirect(
    cx: &mut Cx<'_>,
    ip: *const Op,
    table: u32,
    index: u32,
    ty: u32,
    args: u32,
) -> Result<Flow, TrapCode> {
    let Some(callee) = cx.indirect_callee(table, index, ty) else {
        return Ok(Flow::cold(
            |cx, at, table, index| cx.indirect_trapped(at, table, index),
            ip,
            table,
            index,
        ));
    };
    // SAFETY: as for `Call`, past the data word (invariants 3 and 4).
    cx.call(unsafe { ip.add(2) }, callee, args)
}

op!(ReturnCall { func, args }, |ip, regs, cx| {
    let callee = cx.func_addr(func);
    cx.tail_call(ip, callee, args)
});

op!(ReturnCallIndirect { ty, args, index }, |ip, regs, cx| {
    let (table, _, _) = data(ip);
    let callee = target(cx, ip, table, u32_!(regs, index), ty)?;
    cx.tail_call(ip, callee, args)
});

/// The target of the indirect call at `ip`; when there is none, the frame records where it
/// trapped (the pc just past the call, as `Cx::call` records it when entering the callee
/// fails).
#[inline(always)]
fn target(
    cx: &mut Cx<'_>,
    ip: *const Op,
    table: u32,
    index: u32,
    ty: u32,
) -> Result<u32, TrapCode> {
    cx.indirect_target(table, index, ty)
        .inspect_err(|_| cx.save_pc(ip.wrapping_add(1)))
}

op!(CallRef { ty, args, func }, |ip, regs, cx| {
    // A trap here leaves the frame at the pc past the call, as `op!` records it.
    let callee = ref_target(cx, r!(regs, func), ty)?;
    // SAFETY: as for `Call` (invariant 4).
    cx.call(unsafe { ip.add(1) }, callee, args)
});

op!(ReturnCallRef { ty, args, func }, |ip, regs, cx| {
    let callee =
        ref_target(cx, r!(regs, func), ty).inspect_err(|_| cx.save_pc(ip.wrapping_add(1)))?;
    cx.tail_call(ip, callee, args)
});

/// The function a `call_ref` calls: the one `reference` refers to, of engine type `ty`.
///
/// Validation gives the reference the right type; the check is kept, for one comparison,
/// because a reference may also come from the embedder or a restored snapshot, and calling a
/// function of another signature would read and write the wrong frame slots.
#[inline(always)]
fn ref_target(cx: &Cx<'_>, reference: u64, ty: u32) -> Result<u32, TrapCode> {
    let callee = reference
        .checked_sub(1)
        .ok_or(TrapCode::NullFunctionReference)?;
    let callee = u32::try_from(callee).map_err(|_| TrapCode::NullFunctionReference)?;
    match cx.s.funcs.get(callee as usize) {
        Some(f) if f.type_id() == ty => Ok(callee),
        Some(_) => Err(TrapCode::IndirectCallTypeMismatch),
        None => Err(TrapCode::NullFunctionReference),
    }
}
