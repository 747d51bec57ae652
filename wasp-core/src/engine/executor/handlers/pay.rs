//! Handlers of the branches into a loop that pay for the loop's first block (gas metering):
//! the branch and the loop's `ConsumeGas` in one dispatch.
//!
//! A paying branch lands right after the loop's `ConsumeGas`. When taken it does what that
//! `ConsumeGas` would do: it pays its cost and goes on, or, when the gas left does not cover
//! the cost, pauses standing at the `ConsumeGas` (which pays when the call resumes). Results, gas used
//! and every pause are those of the plain branch followed by the `ConsumeGas`.

use super::*;

/// Takes the branch by `offset` from the paying branch at `ip`: pays for the block that the
/// `ConsumeGas` just before its target starts.
#[inline(always)]
fn pay_and_jump(ip: *const Op, offset: i32, cx: &mut Cx<'_>) -> Result<Flow, TrapCode> {
    // SAFETY: a paying branch lands inside the function (invariant 2 of
    // `translator/verify.rs`), right after a `ConsumeGas` (invariant 5).
    let pay = unsafe { ip.offset(offset as isize).sub(1) };
    // SAFETY: `pay` is an instruction of the function, as just said.
    let Instr::ConsumeGas { lo, hi } = (unsafe { *pay }).instr else {
        // SAFETY: invariant 5 of `translator/verify.rs`.
        unsafe { std::hint::unreachable_unchecked() }
    };
    match cx.charge(pay, u64::from(lo) | (u64::from(hi) << 32)) {
        Some(flow) => Ok(flow),
        None => Ok(Flow::Jump(offset)),
    }
}

/// Pays and branches by `offset` when `$cond` holds.
macro_rules! pay_if {
    ($cond:expr, $ip:expr, $offset:expr, $cx:expr) => {
        if $cond {
            pay_and_jump($ip, $offset, $cx)
        } else {
            Ok(Flow::Next)
        }
    };
}

op!(BrPay { offset }, |ip, regs, cx| {
    pay_and_jump(ip, offset, cx)
});

/// Paying tests for zero: `cond` read as a `$t`.
macro_rules! pay_on {
    ($($variant:ident($t:ty) = $f:expr;)*) => {$(
        op!($variant { cond, offset }, |ip, regs, cx| {
            pay_if!(apply1::<$t, _>($f, SlotValue::read(r!(regs, cond))), ip, offset, cx)
        });
    )*};
}

pay_on! {
    BrIfEqzPay(u32) = |v| v == 0;
    BrIfNezPay(u32) = |v| v != 0;
    BrI64IfEqzPay(u64) = |v| v == 0;
    BrI64IfNezPay(u64) = |v| v != 0;
}

/// Paying compare-and-branch, with the right operand in a slot and as an immediate.
macro_rules! pay_compare {
    ($($br:ident, $br_imm:ident($t:ty) = $f:expr;)*) => {$(
        op!($br { lhs, rhs, offset }, |ip, regs, cx| {
            let (a, b) = (r!(regs, lhs), r!(regs, rhs));
            pay_if!(apply2::<$t, _>($f, SlotValue::read(a), SlotValue::read(b)), ip, offset, cx)
        });
        op!($br_imm { lhs, imm, offset }, |ip, regs, cx| {
            let a = <$t as SlotValue>::read(r!(regs, lhs));
            pay_if!(apply2::<$t, _>($f, a, <$t as FromImm>::from_imm(imm)), ip, offset, cx)
        });
    )*};
}

pay_compare! {
    BrI32EqPay, BrI32EqImmPay(u32) = |a, b| a == b;
    BrI32NePay, BrI32NeImmPay(u32) = |a, b| a != b;
    BrI32LtSPay, BrI32LtSImmPay(i32) = |a, b| a < b;
    BrI32LtUPay, BrI32LtUImmPay(u32) = |a, b| a < b;
    BrI32GtSPay, BrI32GtSImmPay(i32) = |a, b| a > b;
    BrI32GtUPay, BrI32GtUImmPay(u32) = |a, b| a > b;
    BrI32LeSPay, BrI32LeSImmPay(i32) = |a, b| a <= b;
    BrI32LeUPay, BrI32LeUImmPay(u32) = |a, b| a <= b;
    BrI32GeSPay, BrI32GeSImmPay(i32) = |a, b| a >= b;
    BrI32GeUPay, BrI32GeUImmPay(u32) = |a, b| a >= b;
}

pay_compare! {
    BrI64EqPay, BrI64EqImmPay(u64) = |a, b| a == b;
    BrI64NePay, BrI64NeImmPay(u64) = |a, b| a != b;
    BrI64LtSPay, BrI64LtSImmPay(i64) = |a, b| a < b;
    BrI64LtUPay, BrI64LtUImmPay(u64) = |a, b| a < b;
    BrI64GtSPay, BrI64GtSImmPay(i64) = |a, b| a > b;
    BrI64GtUPay, BrI64GtUImmPay(u64) = |a, b| a > b;
    BrI64LeSPay, BrI64LeSImmPay(i64) = |a, b| a <= b;
    BrI64LeUPay, BrI64LeUImmPay(u64) = |a, b| a <= b;
    BrI64GeSPay, BrI64GeSImmPay(i64) = |a, b| a >= b;
    BrI64GeUPay, BrI64GeUImmPay(u64) = |a, b| a >= b;
}
