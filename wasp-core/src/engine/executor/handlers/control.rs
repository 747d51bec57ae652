//! Handlers of the control instructions: traps, gas, branch tables and returns.

use super::*;

op!(Data {}, |ip, regs, cx| { Err(TrapCode::Unreachable) });

op!(Unreachable {}, |ip, regs, cx| {
    Err(TrapCode::Unreachable)
});

op!(ConsumeGas { lo, hi }, |ip, regs, cx| {
    match cx.charge(ip, u64::from(lo) | (u64::from(hi) << 32)) {
        Some(flow) => Ok(flow),
        None => Ok(Flow::Next),
    }
});

op!(BrTable { index, len }, |ip, regs, cx| {
    Ok(Flow::Jump(1 + u32_!(regs, index).min(len) as i32))
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
