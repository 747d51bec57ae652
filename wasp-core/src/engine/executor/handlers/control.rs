//! Handlers of the control instructions: traps, gas, branch tables and returns.

use super::*;

op!(Data {}, |ip, regs, cx| { Err(TrapCode::Unreachable) });

op!(Unreachable {}, |ip, regs, cx| {
    Err(TrapCode::Unreachable)
});

op!(ConsumeGas {}, |ip, regs, cx, gas| {
    match pay_block(ip, gas) {
        Some(flow) => Ok(flow),
        None => Ok(Flow::Next),
    }
});

op!(BrTable { index, len }, |ip, regs, cx| {
    let entry = 1 + u32_!(regs, index).min(len) as i32;
    // The entry is a `Br`: jump straight to where it leads, one dispatch instead of two
    // (entries cost no gas of their own, and no pause stops at one).
    // SAFETY: the `len + 1` instructions after a `BrTable` are its entries, inside the
    // function (invariant 2 of `translator/verify.rs`).
    match unsafe { (*ip.offset(entry as isize)).instr } {
        Instr::Br { offset } => Ok(Flow::Jump(entry * OP_BYTES + offset)),
        _ => Ok(Flow::Jump(entry * OP_BYTES)),
    }
});

op!(Return0 {}, |ip, regs, cx| { Ok(cx.ret()) });

op!(Return1 { src }, |ip, regs, cx| {
    set!(regs, 0, r!(regs, src));
    Ok(cx.ret())
});

op!(ReturnN { src, count }, |ip, regs, cx| {
    // SAFETY: `src..src + count` lies in the frame (invariant 1 of `translator/verify.rs`).
    unsafe { regs::copy_to_base(regs, src, count) };
    Ok(cx.ret())
});
