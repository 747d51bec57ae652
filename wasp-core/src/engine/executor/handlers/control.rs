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

op!(BrTable { index, len }, |ip, regs, cx, gas| {
    let entry = 1 + u32_!(regs, index).min(len) as i32;
    // The entry is a `Br` or a `BrPay`: jump straight to where it leads, one dispatch
    // instead of two (entries cost no gas of their own, and no pause stops at one); a
    // `BrPay` pays for the block it enters, or pauses standing at that block's `ConsumeGas`.
    // SAFETY: the `len + 1` instructions after a `BrTable` are its entries, inside the
    // function (invariant 2 of `translator/verify.rs`).
    let at = unsafe { ip.offset(entry as isize) };
    // SAFETY: as just above.
    match unsafe { *at }.instr {
        Instr::Br { offset } => Ok(Flow::Jump(entry + offset)),
        Instr::BrPay { offset } => {
            // SAFETY: a paying branch lands inside the function (invariant 2) right after a
            // `ConsumeGas` (invariant 5).
            let pay = unsafe { at.offset(offset as isize).sub(1) };
            match pay_block(pay, gas) {
                Some(flow) => Ok(flow),
                None => Ok(Flow::PaidJump(entry + offset)),
            }
        }
        _ => Ok(Flow::Jump(entry)),
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
