//! Handlers of the branches that pay for the block they enter (gas metering): the branch and
//! the block's `ConsumeGas` in one dispatch (`translator/pay.rs`).
//!
//! A paying branch lands right after the loop's `ConsumeGas`. When taken it does what that
//! `ConsumeGas` would do: it pays its cost and goes on, or, when the gas left does not cover
//! the cost, pauses standing at the `ConsumeGas` (which pays when the call resumes). A
//! pay-first branch repeats a loop's exit test on the back edge: it pays the same way for the
//! `ConsumeGas` two instructions before its target, then tests. A branch paying either way
//! (an `if` falling into its `then` arm) also pays, when not taken, for the `ConsumeGas` right
//! after it, and continues after that. Results, gas used and every pause are those of the
//! plain branch and the `ConsumeGas` run one after the other.

use super::*;

/// Takes the branch by `offset` from the paying branch at `ip`: pays `cost` for the block that
/// the `ConsumeGas` just before its target starts (what that `ConsumeGas` costs).
#[inline(always)]
fn pay_and_jump(ip: *const Op, offset: i32, cost: u64, gas: &mut u64) -> Result<Flow, TrapCode> {
    match pay_landing(ip, offset, cost, gas) {
        Some(flow) => Ok(flow),
        None => Ok(Flow::PaidJump(offset)),
    }
}

/// Pays, for the paying instruction at `ip` that names by `offset` the instruction right
/// after a block's `ConsumeGas` (a paying branch's target, the block a paying return or
/// constant pays for), that `ConsumeGas`, which costs `cost`; the flow that stops when the gas
/// does not cover it.
#[inline(always)]
fn pay_landing(ip: *const Op, offset: i32, cost: u64, gas: &mut u64) -> Option<Flow> {
    // What a paying instruction names lies inside the function (invariant 2 of
    // `translator/verify.rs`), right after a `ConsumeGas` (invariant 5).
    pay_before::<1>(target(ip, offset), cost, gas)
}

/// Pays, for the pay-first branch at `ip` that branches by `offset`, the `ConsumeGas` two
/// instructions before its target, which costs `cost`; the flow that stops when the gas does
/// not cover it.
#[inline(always)]
fn pay_first(ip: *const Op, offset: i32, cost: u64, gas: &mut u64) -> Option<Flow> {
    // A pay-first branch lands inside the function (invariant 2 of `translator/verify.rs`),
    // two instructions after a `ConsumeGas` (invariant 5).
    pay_before::<2>(target(ip, offset), cost, gas)
}

/// The instruction `offset` bytes after `ip` (before it when negative): the target of the
/// branch at `ip` (linked offsets count bytes: see `Op`). The address is only computed here,
/// never read: the handlers that read it state why it is an instruction.
#[inline(always)]
fn target(ip: *const Op, offset: i32) -> *const Op {
    ip.wrapping_byte_offset(offset as isize)
}

/// Pays, out of the gas left that the chain carries, the cost of the `ConsumeGas` at `pay`
/// (the instruction itself, or the one a paying branch pays for); the flow that pauses
/// standing at `pay` when the gas does not cover it.
///
/// The common path is one subtraction and one test on the register that carries the gas:
/// when the gas does not cover the cost the difference wraps, and [`out_of_gas`] undoes it.
#[inline(always)]
pub(super) fn pay_block(pay: *const Op, gas: &mut u64) -> Option<Flow> {
    pay_before::<0>(pay, cost_at(pay), gas)
}

/// The cost of the `ConsumeGas` `BACK` instructions before the instruction `k` bytes after
/// `base`: what a paying branch at `base` branching by `k` pays, read where the branches that
/// do not carry their cost read it (the `ConsumeGas` itself).
#[inline(always)]
fn listed_cost<const BACK: usize>(base: *const Op, k: i32) -> u64 {
    // SAFETY: every caller names an instruction of the running function that comes `BACK`
    // instructions after a `ConsumeGas` (invariants 2 and 5 of `translator/verify.rs`).
    cost_at(unsafe { base.byte_offset(k as isize).sub(BACK) })
}

/// [`pay_block`] for the `ConsumeGas` `BACK` instructions before `target`, which costs
/// `cost`: a paying branch names it by its own target. A branch that carries its cost hands
/// it over without reading the `ConsumeGas` (invariant 5 of `translator/verify.rs` checks
/// that the two agree): the read's address hangs on the offset, and a metered loop's
/// iteration waited for it.
///
/// The cold path is handed `target` rather than the `ConsumeGas` itself, and finds it on its
/// own ([`out_of_gas`]): the common path then needs no register for the `ConsumeGas`'s
/// address besides the one it hands the next instruction on in, and no move between the two
/// on every payment (which the loops of a counter felt in time: the move lengthened the
/// chain of dependencies from one iteration's instruction pointer to the next's). Handing it
/// the branch and its offset instead kept the offset in a register of its own, for one more
/// instruction on every payment.
#[inline(always)]
fn pay_before<const BACK: usize>(target: *const Op, cost: u64, gas: &mut u64) -> Option<Flow> {
    let (left, short) = gas.overflowing_sub(cost);
    *gas = left;
    if short {
        return Some(Flow::cold(out_of_gas, target, BACK as u32, 0));
    }
    None
}

/// The cost of the `ConsumeGas` at `pay`.
#[inline(always)]
fn cost_at(pay: *const Op) -> u64 {
    // SAFETY: `pay` is an instruction of the running function: the running `ConsumeGas`, or
    // the one a paying branch names (invariants 2 and 5 of `translator/verify.rs`).
    let Instr::ConsumeGas { lo, hi } = (unsafe { *pay }).instr else {
        // SAFETY: invariant 5 of `translator/verify.rs`, and the lookup that gives
        // `ConsumeGas` its handler.
        unsafe { std::hint::unreachable_unchecked() }
    };
    u64::from(lo) | (u64::from(hi) << 32)
}

/// The chain's gas did not cover the cost of the `ConsumeGas` `back` instructions before
/// `target` (see [`pay_before`]): continues at that `ConsumeGas` (through the trampoline)
/// with more of the reserve ([`Cx::refill`]), or pauses standing at it when the gas left does
/// not cover its cost. [`Cx::gas`] holds what [`pay_before`] left in the chain's gas: the gas
/// before it minus the cost, wrapped.
#[cold]
#[inline(never)]
fn out_of_gas(cx: &mut Cx<'_>, target: *const Op, back: u32, _: u32) -> *const Op {
    let pay = target.wrapping_sub(back as usize);
    let cost = cost_at(pay);
    let gas = cx.gas.wrapping_add(cost);
    if let Some(carried) = cx.refill(gas, cost) {
        cx.gas = carried;
        return pay;
    }
    cx.gas = gas;
    let needed = cost - cx.gas_left();
    cx.save_pc(pay);
    cx.stop(super::super::Exit::OutOfGas { needed });
    std::ptr::null()
}

/// Pays first (see [`pay_first`]), then branches by `offset` when `$cond` holds: a branch
/// that has paid, which spends no budget. The cost is `$cost` when given, else read from the
/// `ConsumeGas`.
macro_rules! pay_first_if {
    ($cond:expr, $ip:expr, $offset:expr, $gas:expr) => {
        pay_first_if!($cond, $ip, $offset, $gas, listed_cost::<2>($ip, $offset))
    };
    ($cond:expr, $ip:expr, $offset:expr, $gas:expr, $cost:expr) => {{
        if let Some(flow) = pay_first($ip, $offset, $cost, $gas) {
            return Ok(flow);
        }
        Ok(if $cond {
            Flow::PaidJump($offset)
        } else {
            Flow::Next
        })
    }};
}

/// Pays and branches by `offset` when `$cond` holds. The cost is `$cost` when given, else
/// read from the `ConsumeGas`.
macro_rules! pay_if {
    ($cond:expr, $ip:expr, $offset:expr, $gas:expr) => {
        pay_if!($cond, $ip, $offset, $gas, listed_cost::<1>($ip, $offset))
    };
    ($cond:expr, $ip:expr, $offset:expr, $gas:expr, $cost:expr) => {
        if $cond {
            pay_and_jump($ip, $offset, $cost, $gas)
        } else {
            Ok(Flow::Next)
        }
    };
}

op!(BrPay { offset, cost }, |ip, regs, cx, gas| {
    pay_and_jump(ip, offset, u64::from(cost), gas)
});

// [`BrCopy`](super::branch) paying first for the loop's `ConsumeGas`, two instructions
// before its target (the copy is between them): when it pauses, it has not copied.
op!(
    BrCopyPay {
        offset,
        dst,
        src,
        cost
    },
    |ip, regs, cx, gas, acc, facc| {
        if let Some(flow) = pay_first(ip, offset, u64::from(cost), gas) {
            return Ok(flow);
        }
        put!(regs, dst, r!(regs, src), acc, facc);
        Ok(Flow::PaidJump(offset))
    }
);

// A constant falling into a block's `ConsumeGas` (`translator/pay.rs`): the constant, then
// the payment of the `ConsumeGas` right after it, pausing standing at it.
op!(Const32PayNext { dst, val, cost }, |ip, regs, cx, gas| {
    set!(regs, dst, u64::from(val));
    // A paying constant is followed by a `ConsumeGas` (invariant 5 of `translator/verify.rs`),
    // itself followed by an instruction (invariant 4).
    match pay_landing(ip, 2 * OP_BYTES, u64::from(cost), gas) {
        Some(flow) => Ok(flow),
        None => Ok(Flow::Skip),
    }
});

// A `BrPay` to a block that only returns, and that return (`translator/return_branch.rs`):
// the payment of the branch, pausing standing at the block's `ConsumeGas`, then the return.
op!(Return0Pay { offset, cost }, |ip, regs, cx, gas| {
    if let Some(flow) = pay_landing(ip, offset, u64::from(cost), gas) {
        return Ok(flow);
    }
    Ok(cx.ret())
});

op!(Return1Pay { src, offset, cost }, |ip, regs, cx, gas| {
    if let Some(flow) = pay_landing(ip, offset, u64::from(cost), gas) {
        return Ok(flow);
    }
    set!(regs, 0, r!(regs, src));
    Ok(cx.ret())
});

// The result handed on by the instruction before (`translator/result_register.rs`).
op!(
    Return1PayAcc { src, offset, cost },
    |ip, regs, cx, gas, acc, facc| {
        let value = from_acc!(u64, regs, src, acc, facc);
        if let Some(flow) = pay_landing(ip, offset, u64::from(cost), gas) {
            return Ok(flow);
        }
        set!(regs, 0, value);
        Ok(cx.ret())
    }
);

op!(
    GlobalSetAddI32Return0Pay {
        src,
        global,
        imm,
        offset,
        cost
    },
    |ip, regs, cx, gas| {
        if let Some(flow) = pay_landing(ip, offset, u64::from(cost), gas) {
            return Ok(flow);
        }
        cx.global(u32::from(global)).value = w32!(u32_!(regs, src).wrapping_add(imm as u32));
        Ok(cx.ret())
    }
);

/// The branch of the `BrTablePay` at `ip` with `len + 1` entries for the value `index`,
/// with its payment.
#[inline(always)]
fn paying_table_jump(ip: *const Op, index: u32, len: u32, gas: &mut u64) -> Flow {
    let entry = 1 + index.min(len) as usize;
    // SAFETY: the `len + 1` instructions after a `BrTablePay` are its entries, inside the
    // function (invariant 2 of `translator/verify.rs`).
    let at = unsafe { ip.add(entry) };
    // SAFETY: as just above.
    let Instr::BrPay { offset, cost } = (unsafe { *at }).instr else {
        // SAFETY: every entry of a `BrTablePay` is a `BrPay` (invariant 5).
        unsafe { std::hint::unreachable_unchecked() }
    };
    // The entry's payment, taken by the table in one dispatch: the entry lands inside the
    // function (invariant 2), right after a `ConsumeGas` (invariant 5).
    match pay_landing(at, offset, u64::from(cost), gas) {
        Some(flow) => flow,
        // SAFETY: the entry's target is inside the function (invariant 2); linked offsets
        // count bytes.
        None => Flow::PaidTo(unsafe { at.byte_offset(offset as isize) }),
    }
}

op!(BrTablePay { index, len }, |ip, regs, cx, gas| {
    Ok(paying_table_jump(ip, u32_!(regs, index), len, gas))
});

// A load fused with the branch table switching on the loaded value, the table's entries
// paying (`translator/load_branch.rs`): the load, then the paying table's jump.
op!(
    Load8UBrTablePay {
        dst,
        ptr,
        mem_offset,
        len
    },
    |ip, regs, cx, gas| {
        let [byte] = cx.load::<1>(r!(regs, ptr), u32::from(mem_offset))?;
        set!(regs, dst, u64::from(byte));
        Ok(paying_table_jump(ip, u32::from(byte), len, gas))
    }
);

op!(
    Load32UBrTablePay {
        dst,
        ptr,
        mem_offset,
        len
    },
    |ip, regs, cx, gas| {
        let bytes = cx.load::<4>(r!(regs, ptr), u32::from(mem_offset))?;
        let value = u32::from_le_bytes(bytes);
        set!(regs, dst, u64::from(value));
        Ok(paying_table_jump(ip, value, len, gas))
    }
);

// The index handed on by the instruction before (`translator/result_register.rs`).
op!(
    BrTablePayAcc { index, len },
    |ip, regs, cx, gas, acc, facc| {
        Ok(paying_table_jump(
            ip,
            from_acc!(u32, regs, index, acc, facc),
            len,
            gas,
        ))
    }
);

/// Pays and branches by `offset` when `$cond` holds; otherwise pays for the `ConsumeGas`
/// right after the branch (the block it falls into) and continues after that `ConsumeGas`,
/// or pauses standing at it when the gas does not cover it.
macro_rules! pay_both_if {
    ($cond:expr, $ip:expr, $offset:expr, $gas:expr) => {
        pay_both_if!($cond, $ip, $offset, $gas, listed_cost::<1>($ip, $offset))
    };
    ($cond:expr, $ip:expr, $offset:expr, $gas:expr, $cost:expr) => {
        if $cond {
            pay_and_jump($ip, $offset, $cost, $gas)
        } else {
            // A branch paying either way is followed by a `ConsumeGas` (invariant 5 of
            // `translator/verify.rs`), itself followed by an instruction (invariant 4).
            let next = listed_cost::<1>($ip, 2 * OP_BYTES);
            match pay_landing($ip, 2 * OP_BYTES, next, $gas) {
                Some(flow) => Ok(flow),
                None => Ok(Flow::Skip),
            }
        }
    };
}

/// Paying tests for zero: `cond` read as a `$t`.
macro_rules! pay_on {
    ($($variant:ident, $first:ident, $both:ident($t:ty) = $f:expr;)*) => {$(
        pay_on!(@ $variant($t) = $f; pay_if);
        pay_on!(@ $first($t) = $f; pay_first_if);
        pay_on!(@ $both($t) = $f; pay_both_if);
    )*};
    (@ $variant:ident($t:ty) = $f:expr; $how:ident) => {
        op!($variant { cond, offset, cost }, |ip, regs, cx, gas| {
            let v = SlotValue::read(r!(regs, cond));
            $how!(apply1::<$t, _>($f, v), ip, offset, gas, u64::from(cost))
        });
    };
}

pay_on! {
    BrIfEqzPay, BrIfEqzPayFirst, BrIfEqzPayBoth(u32) = |v| v == 0;
    BrIfNezPay, BrIfNezPayFirst, BrIfNezPayBoth(u32) = |v| v != 0;
    BrI64IfEqzPay, BrI64IfEqzPayFirst, BrI64IfEqzPayBoth(u64) = |v| v == 0;
    BrI64IfNezPay, BrI64IfNezPayFirst, BrI64IfNezPayBoth(u64) = |v| v != 0;
}

/// The operand `$slot` of a paying reader, taken from the result register (which is then
/// left undefined: a branch hands nothing on).
macro_rules! take_acc {
    ($t:ty, $regs:expr, $slot:expr, $acc:expr, $facc:expr) => {{
        let v = from_acc!($t, $regs, $slot, $acc, $facc);
        (*$acc, *$facc) = (NO_ACC, NO_FACC);
        v
    }};
}

/// The paying tests for zero of [`pay_on!`] reading `cond` from the result register.
macro_rules! reader_pay_on {
    ($($variant:ident, $first:ident, $both:ident($t:ty) = $f:expr;)*) => {$(
        reader_pay_on!(@ $variant($t) = $f; pay_if);
        reader_pay_on!(@ $first($t) = $f; pay_first_if);
        reader_pay_on!(@ $both($t) = $f; pay_both_if);
    )*};
    (@ $variant:ident($t:ty) = $f:expr; $how:ident) => {
        op!($variant { cond, offset, cost }, |ip, regs, cx, gas, acc, facc| {
            let v = take_acc!($t, regs, cond, acc, facc);
            $how!(apply1::<$t, _>($f, v), ip, offset, gas, u64::from(cost))
        });
    };
}

reader_pay_on! {
    BrIfEqzPayAcc, BrIfEqzPayFirstAcc, BrIfEqzPayBothAcc(u32) = |v| v == 0;
    BrIfNezPayAcc, BrIfNezPayFirstAcc, BrIfNezPayBothAcc(u32) = |v| v != 0;
    BrI64IfEqzPayAcc, BrI64IfEqzPayFirstAcc, BrI64IfEqzPayBothAcc(u64) = |v| v == 0;
    BrI64IfNezPayAcc, BrI64IfNezPayFirstAcc, BrI64IfNezPayBothAcc(u64) = |v| v != 0;
}

/// Paying, pay-first and paying-either-way compare-and-branch, with the right operand in a
/// slot and as an immediate.
macro_rules! pay_compare {
    ($(
        $br:ident, $br_imm:ident, $first:ident, $first_imm:ident, $both:ident, $both_imm:ident($t:ty)
            = $f:expr;
    )*) => {$(
        pay_compare!(@ $br, $br_imm($t) = $f; pay_if);
        pay_compare!(@ $first, $first_imm($t) = $f; pay_first_if);
        pay_compare!(@ $both, $both_imm($t) = $f; pay_both_if);
    )*};
    (@ $br:ident, $br_imm:ident($t:ty) = $f:expr; $how:ident) => {
        op!($br { lhs, rhs, offset, cost }, |ip, regs, cx, gas| {
            let (a, b) = (SlotValue::read(r!(regs, lhs)), SlotValue::read(r!(regs, rhs)));
            $how!(apply2::<$t, _>($f, a, b), ip, offset, gas, u64::from(cost))
        });
        op!($br_imm { lhs, imm, offset, cost }, |ip, regs, cx, gas| {
            let a = <$t as SlotValue>::read(r!(regs, lhs));
            let b = <$t as FromImm>::from_imm(imm);
            $how!(apply2::<$t, _>($f, a, b), ip, offset, gas, u64::from(cost))
        });
    };
}

pay_compare! {
    BrI32EqPay, BrI32EqImmPay, BrI32EqPayFirst, BrI32EqImmPayFirst,
        BrI32EqPayBoth, BrI32EqImmPayBoth(u32) = |a, b| a == b;
    BrI32NePay, BrI32NeImmPay, BrI32NePayFirst, BrI32NeImmPayFirst,
        BrI32NePayBoth, BrI32NeImmPayBoth(u32) = |a, b| a != b;
    BrI32LtSPay, BrI32LtSImmPay, BrI32LtSPayFirst, BrI32LtSImmPayFirst,
        BrI32LtSPayBoth, BrI32LtSImmPayBoth(i32) = |a, b| a < b;
    BrI32LtUPay, BrI32LtUImmPay, BrI32LtUPayFirst, BrI32LtUImmPayFirst,
        BrI32LtUPayBoth, BrI32LtUImmPayBoth(u32) = |a, b| a < b;
    BrI32GtSPay, BrI32GtSImmPay, BrI32GtSPayFirst, BrI32GtSImmPayFirst,
        BrI32GtSPayBoth, BrI32GtSImmPayBoth(i32) = |a, b| a > b;
    BrI32GtUPay, BrI32GtUImmPay, BrI32GtUPayFirst, BrI32GtUImmPayFirst,
        BrI32GtUPayBoth, BrI32GtUImmPayBoth(u32) = |a, b| a > b;
    BrI32LeSPay, BrI32LeSImmPay, BrI32LeSPayFirst, BrI32LeSImmPayFirst,
        BrI32LeSPayBoth, BrI32LeSImmPayBoth(i32) = |a, b| a <= b;
    BrI32LeUPay, BrI32LeUImmPay, BrI32LeUPayFirst, BrI32LeUImmPayFirst,
        BrI32LeUPayBoth, BrI32LeUImmPayBoth(u32) = |a, b| a <= b;
    BrI32GeSPay, BrI32GeSImmPay, BrI32GeSPayFirst, BrI32GeSImmPayFirst,
        BrI32GeSPayBoth, BrI32GeSImmPayBoth(i32) = |a, b| a >= b;
    BrI32GeUPay, BrI32GeUImmPay, BrI32GeUPayFirst, BrI32GeUImmPayFirst,
        BrI32GeUPayBoth, BrI32GeUImmPayBoth(u32) = |a, b| a >= b;
}

// And the bit tests.
pay_compare! {
    BrI32AndNezPay, BrI32AndImmNezPay, BrI32AndNezPayFirst, BrI32AndImmNezPayFirst,
        BrI32AndNezPayBoth, BrI32AndImmNezPayBoth(u32) = |a, b| a & b != 0;
    BrI32AndEqzPay, BrI32AndImmEqzPay, BrI32AndEqzPayFirst, BrI32AndImmEqzPayFirst,
        BrI32AndEqzPayBoth, BrI32AndImmEqzPayBoth(u32) = |a, b| a & b == 0;
}

/// The paying, pay-first and paying-either-way compare-and-branch forms of [`pay_compare!`]
/// reading `lhs` from the result register.
macro_rules! reader_pay_compare {
    ($(
        $br:ident, $br_imm:ident, $first:ident, $first_imm:ident, $both:ident, $both_imm:ident($t:ty)
            = $f:expr;
    )*) => {$(
        reader_pay_compare!(@ $br, $br_imm($t) = $f; pay_if);
        reader_pay_compare!(@ $first, $first_imm($t) = $f; pay_first_if);
        reader_pay_compare!(@ $both, $both_imm($t) = $f; pay_both_if);
    )*};
    (@ $br:ident, $br_imm:ident($t:ty) = $f:expr; $how:ident) => {
        op!($br { lhs, rhs, offset, cost }, |ip, regs, cx, gas, acc, facc| {
            let a = take_acc!($t, regs, lhs, acc, facc);
            let b = SlotValue::read(r!(regs, rhs));
            $how!(apply2::<$t, _>($f, a, b), ip, offset, gas, u64::from(cost))
        });
        op!($br_imm { lhs, imm, offset, cost }, |ip, regs, cx, gas, acc, facc| {
            let a = take_acc!($t, regs, lhs, acc, facc);
            let b = <$t as FromImm>::from_imm(imm);
            $how!(apply2::<$t, _>($f, a, b), ip, offset, gas, u64::from(cost))
        });
    };
}

reader_pay_compare! {
    BrI32EqPayAcc, BrI32EqImmPayAcc, BrI32EqPayFirstAcc, BrI32EqImmPayFirstAcc,
        BrI32EqPayBothAcc, BrI32EqImmPayBothAcc(u32) = |a, b| a == b;
    BrI32NePayAcc, BrI32NeImmPayAcc, BrI32NePayFirstAcc, BrI32NeImmPayFirstAcc,
        BrI32NePayBothAcc, BrI32NeImmPayBothAcc(u32) = |a, b| a != b;
    BrI32LtSPayAcc, BrI32LtSImmPayAcc, BrI32LtSPayFirstAcc, BrI32LtSImmPayFirstAcc,
        BrI32LtSPayBothAcc, BrI32LtSImmPayBothAcc(i32) = |a, b| a < b;
    BrI32LtUPayAcc, BrI32LtUImmPayAcc, BrI32LtUPayFirstAcc, BrI32LtUImmPayFirstAcc,
        BrI32LtUPayBothAcc, BrI32LtUImmPayBothAcc(u32) = |a, b| a < b;
    BrI32GtSPayAcc, BrI32GtSImmPayAcc, BrI32GtSPayFirstAcc, BrI32GtSImmPayFirstAcc,
        BrI32GtSPayBothAcc, BrI32GtSImmPayBothAcc(i32) = |a, b| a > b;
    BrI32GtUPayAcc, BrI32GtUImmPayAcc, BrI32GtUPayFirstAcc, BrI32GtUImmPayFirstAcc,
        BrI32GtUPayBothAcc, BrI32GtUImmPayBothAcc(u32) = |a, b| a > b;
    BrI32LeSPayAcc, BrI32LeSImmPayAcc, BrI32LeSPayFirstAcc, BrI32LeSImmPayFirstAcc,
        BrI32LeSPayBothAcc, BrI32LeSImmPayBothAcc(i32) = |a, b| a <= b;
    BrI32LeUPayAcc, BrI32LeUImmPayAcc, BrI32LeUPayFirstAcc, BrI32LeUImmPayFirstAcc,
        BrI32LeUPayBothAcc, BrI32LeUImmPayBothAcc(u32) = |a, b| a <= b;
    BrI32GeSPayAcc, BrI32GeSImmPayAcc, BrI32GeSPayFirstAcc, BrI32GeSImmPayFirstAcc,
        BrI32GeSPayBothAcc, BrI32GeSImmPayBothAcc(i32) = |a, b| a >= b;
    BrI32GeUPayAcc, BrI32GeUImmPayAcc, BrI32GeUPayFirstAcc, BrI32GeUImmPayFirstAcc,
        BrI32GeUPayBothAcc, BrI32GeUImmPayBothAcc(u32) = |a, b| a >= b;
    BrI64EqPayAcc, BrI64EqImmPayAcc, BrI64EqPayFirstAcc, BrI64EqImmPayFirstAcc,
        BrI64EqPayBothAcc, BrI64EqImmPayBothAcc(u64) = |a, b| a == b;
    BrI64NePayAcc, BrI64NeImmPayAcc, BrI64NePayFirstAcc, BrI64NeImmPayFirstAcc,
        BrI64NePayBothAcc, BrI64NeImmPayBothAcc(u64) = |a, b| a != b;
    BrI64LtSPayAcc, BrI64LtSImmPayAcc, BrI64LtSPayFirstAcc, BrI64LtSImmPayFirstAcc,
        BrI64LtSPayBothAcc, BrI64LtSImmPayBothAcc(i64) = |a, b| a < b;
    BrI64LtUPayAcc, BrI64LtUImmPayAcc, BrI64LtUPayFirstAcc, BrI64LtUImmPayFirstAcc,
        BrI64LtUPayBothAcc, BrI64LtUImmPayBothAcc(u64) = |a, b| a < b;
    BrI64GtSPayAcc, BrI64GtSImmPayAcc, BrI64GtSPayFirstAcc, BrI64GtSImmPayFirstAcc,
        BrI64GtSPayBothAcc, BrI64GtSImmPayBothAcc(i64) = |a, b| a > b;
    BrI64GtUPayAcc, BrI64GtUImmPayAcc, BrI64GtUPayFirstAcc, BrI64GtUImmPayFirstAcc,
        BrI64GtUPayBothAcc, BrI64GtUImmPayBothAcc(u64) = |a, b| a > b;
    BrI64LeSPayAcc, BrI64LeSImmPayAcc, BrI64LeSPayFirstAcc, BrI64LeSImmPayFirstAcc,
        BrI64LeSPayBothAcc, BrI64LeSImmPayBothAcc(i64) = |a, b| a <= b;
    BrI64LeUPayAcc, BrI64LeUImmPayAcc, BrI64LeUPayFirstAcc, BrI64LeUImmPayFirstAcc,
        BrI64LeUPayBothAcc, BrI64LeUImmPayBothAcc(u64) = |a, b| a <= b;
    BrI64GeSPayAcc, BrI64GeSImmPayAcc, BrI64GeSPayFirstAcc, BrI64GeSImmPayFirstAcc,
        BrI64GeSPayBothAcc, BrI64GeSImmPayBothAcc(i64) = |a, b| a >= b;
    BrI64GeUPayAcc, BrI64GeUImmPayAcc, BrI64GeUPayFirstAcc, BrI64GeUImmPayFirstAcc,
        BrI64GeUPayBothAcc, BrI64GeUImmPayBothAcc(u64) = |a, b| a >= b;
    BrI32AndNezPayAcc, BrI32AndImmNezPayAcc, BrI32AndNezPayFirstAcc, BrI32AndImmNezPayFirstAcc,
        BrI32AndNezPayBothAcc, BrI32AndImmNezPayBothAcc(u32) = |a, b| a & b != 0;
    BrI32AndEqzPayAcc, BrI32AndImmEqzPayAcc, BrI32AndEqzPayFirstAcc, BrI32AndImmEqzPayFirstAcc,
        BrI32AndEqzPayBothAcc, BrI32AndImmEqzPayBothAcc(u32) = |a, b| a & b == 0;
}

/// Paying, pay-first and paying-either-way masked comparisons ([`masked`]).
macro_rules! pay_masked {
    ($($br:ident, $first:ident, $both:ident = $f:expr;)*) => {$(
        pay_masked!(@ $br = $f; pay_if);
        pay_masked!(@ $first = $f; pay_first_if);
        pay_masked!(@ $both = $f; pay_both_if);
    )*};
    (@ $br:ident = $f:expr; $how:ident) => {
        op!($br { lhs, imm, imm2, offset }, |ip, regs, cx, gas| {
            $how!(masked(u32_!(regs, lhs), imm, imm2, $f), ip, offset, gas)
        });
    };
}

pay_masked! {
    BrI32AndImmEqImmPay, BrI32AndImmEqImmPayFirst, BrI32AndImmEqImmPayBoth = |a, b| a == b;
    BrI32AndImmNeImmPay, BrI32AndImmNeImmPayFirst, BrI32AndImmNeImmPayBoth = |a, b| a != b;
}

/// The masked comparisons of [`pay_masked!`] reading `lhs` from the result register.
macro_rules! reader_pay_masked {
    ($($br:ident, $first:ident, $both:ident = $f:expr;)*) => {$(
        reader_pay_masked!(@ $br = $f; pay_if);
        reader_pay_masked!(@ $first = $f; pay_first_if);
        reader_pay_masked!(@ $both = $f; pay_both_if);
    )*};
    (@ $br:ident = $f:expr; $how:ident) => {
        op!($br { lhs, imm, imm2, offset }, |ip, regs, cx, gas, acc, facc| {
            let a = take_acc!(u32, regs, lhs, acc, facc);
            $how!(masked(a, imm, imm2, $f), ip, offset, gas)
        });
    };
}

reader_pay_masked! {
    BrI32AndImmEqImmPayAcc, BrI32AndImmEqImmPayFirstAcc, BrI32AndImmEqImmPayBothAcc = |a, b| a == b;
    BrI32AndImmNeImmPayAcc, BrI32AndImmNeImmPayFirstAcc, BrI32AndImmNeImmPayBothAcc = |a, b| a != b;
}

/// Counters stepped by a slot fused with a branch into a loop (`translator/step.rs`), paying
/// the cost they read from the loop's `ConsumeGas` when taken or, repeating the loop's exit
/// test, first: `reg = $step(reg, step)` ([`step_reg_i32`] or [`step_reg_i64`], `step` the
/// slot in the data word), then the test of `$f` on `reg` and `rhs` as `$t` (`rhs` and `step`
/// read before `reg` is written); not taken, on past the data word. A pay-first step steps
/// before it pays, as those of `pay_step!` do.
macro_rules! pay_slot_step {
    ($step:ident, $loops:ident, $rounds:ident; $($pay:ident, $first:ident($t:ty) = $f:expr;)*) => {
        $(
            op!($pay { reg, rhs, offset }, |ip, regs, cx, gas| {
                let (v, b) = slot_step!($step, $t, ip, regs, reg, rhs);
                if apply2::<$t, _>($f, v, b) {
                    pay_and_jump(ip, offset, listed_cost::<1>(ip, offset), gas)
                } else {
                    Ok(Flow::Skip)
                }
            });
            op!($first { reg, rhs, offset }, |ip, regs, cx, gas| {
                let (v, b) = slot_step!($step, $t, ip, regs, reg, rhs);
                if let Some(flow) = pay_first(ip, offset, listed_cost::<2>(ip, offset), gas) {
                    return Ok(flow);
                }
                Ok(if apply2::<$t, _>($f, v, b) {
                    Flow::PaidJump(offset)
                } else {
                    Flow::Skip
                })
            });
        )*

        /// Whether `instr` is one of these paying branches back to itself (not a pay-first
        /// one, which pays before it tests).
        pub(super) fn $loops(instr: &Instr) -> bool {
            matches!(instr, $(Instr::$pay { offset: 0, .. })|*)
        }

        /// The rounds of the paying branch back to itself at `at`, if it is one of these,
        /// each paying the loop's `ConsumeGas`.
        #[inline(never)]
        pub(super) fn $rounds(cx: &mut Cx<'_>, at: *const Op) -> Option<*const Op> {
            Some(match self_loop::at_instr(at) {
                $(
                    Instr::$pay { offset: 0, .. } => {
                        slot_self_loop!($pay, $step, $t, $f, cx, at, listed_cost::<1>(at, 0))
                    }
                )*
                _ => return None,
            })
        }
    };
}

pay_slot_step! {
    step_reg_i32, loops_pay_step_reg_i32, rounds_pay_step_reg_i32;
    StepRegBrI32EqPay, StepRegBrI32EqPayFirst(u32) = |a, b| a == b;
    StepRegBrI32NePay, StepRegBrI32NePayFirst(u32) = |a, b| a != b;
    StepRegBrI32LtSPay, StepRegBrI32LtSPayFirst(i32) = |a, b| a < b;
    StepRegBrI32LtUPay, StepRegBrI32LtUPayFirst(u32) = |a, b| a < b;
    StepRegBrI32GtSPay, StepRegBrI32GtSPayFirst(i32) = |a, b| a > b;
    StepRegBrI32GtUPay, StepRegBrI32GtUPayFirst(u32) = |a, b| a > b;
    StepRegBrI32LeSPay, StepRegBrI32LeSPayFirst(i32) = |a, b| a <= b;
    StepRegBrI32LeUPay, StepRegBrI32LeUPayFirst(u32) = |a, b| a <= b;
    StepRegBrI32GeSPay, StepRegBrI32GeSPayFirst(i32) = |a, b| a >= b;
    StepRegBrI32GeUPay, StepRegBrI32GeUPayFirst(u32) = |a, b| a >= b;
}

pay_slot_step! {
    step_reg_i64, loops_pay_step_reg_i64, rounds_pay_step_reg_i64;
    StepRegBrI64EqPay, StepRegBrI64EqPayFirst(u64) = |a, b| a == b;
    StepRegBrI64NePay, StepRegBrI64NePayFirst(u64) = |a, b| a != b;
    StepRegBrI64LtSPay, StepRegBrI64LtSPayFirst(i64) = |a, b| a < b;
    StepRegBrI64LtUPay, StepRegBrI64LtUPayFirst(u64) = |a, b| a < b;
    StepRegBrI64GtSPay, StepRegBrI64GtSPayFirst(i64) = |a, b| a > b;
    StepRegBrI64GtUPay, StepRegBrI64GtUPayFirst(u64) = |a, b| a > b;
    StepRegBrI64LeSPay, StepRegBrI64LeSPayFirst(i64) = |a, b| a <= b;
    StepRegBrI64LeUPay, StepRegBrI64LeUPayFirst(u64) = |a, b| a <= b;
    StepRegBrI64GeSPay, StepRegBrI64GeSPayFirst(i64) = |a, b| a >= b;
    StepRegBrI64GeUPay, StepRegBrI64GeUPayFirst(u64) = |a, b| a >= b;
}

/// Counter steps fused with a branch into a loop (`translator/step.rs`), paying when taken
/// or, repeating the loop's exit test, paying first, the cost they carry (or, for a wide step,
/// the cost read from the `ConsumeGas`): `reg = $step(reg, step)` (`step_i32` or `step_i64`),
/// then the test of `$f` on `reg` and `rhs` (read before `reg` is written: the two differ) or
/// the immediate, as `$t`. A pay-first step steps before it pays, as the step and the
/// pay-first branch run one after the other do: a pause stands at the loop's `ConsumeGas`
/// with the step done. Each invocation also makes `$loops` and `$rounds`, as `step_compare!`
/// does, for its paying forms (not the pay-first ones).
macro_rules! pay_step {
    ($step:ident, $loops:ident, $rounds:ident; $(
        $br:ident, $br_imm:ident, $wide:ident, $wide_imm:ident,
            $first:ident, $first_imm:ident, $first_wide:ident, $first_wide_imm:ident($t:ty)
            = $f:expr;
    )*) => {
        $(
            pay_step!(@carried $step, $br, $br_imm($t) = $f; pay_if);
            pay_step!(@carried $step, $first, $first_imm($t) = $f; pay_first_if);
            pay_step!(@ $step, $wide, $wide_imm($t) = $f; pay_if);
            pay_step!(@ $step, $first_wide, $first_wide_imm($t) = $f; pay_first_if);
        )*

        /// Whether `instr` is one of these paying branches back to itself (not a pay-first
        /// one, which pays before it tests).
        pub(super) fn $loops(instr: &Instr) -> bool {
            matches!(
                instr,
                $(
                    Instr::$br { offset: 0, .. }
                        | Instr::$br_imm { offset: 0, .. }
                        | Instr::$wide { offset: 0, .. }
                        | Instr::$wide_imm { offset: 0, .. }
                )|*
            )
        }

        /// The rounds of the paying branch back to itself at `at`, if it is one of these,
        /// each paying the cost it carries or its loop's `ConsumeGas`'s.
        #[inline(never)]
        pub(super) fn $rounds(cx: &mut Cx<'_>, at: *const Op) -> Option<*const Op> {
            Some(match self_loop::at_instr(at) {
                $(
                    Instr::$br { reg, rhs, step, cost, offset: 0 } => {
                        let b = <$t as SlotValue>::read(r!(cx.frame_ptr(), rhs));
                        self_loop::self_loop(cx, at, 1, reg, u64::from(cost), |v| {
                            let v = $step(v, i16::from(step));
                            (v, apply2::<$t, _>($f, SlotValue::read(v), b))
                        })
                    }
                    Instr::$br_imm { reg, step, imm, cost, offset: 0 } => {
                        let b = <$t as FromImm>::from_imm(imm);
                        self_loop::self_loop(cx, at, 1, reg, u64::from(cost), |v| {
                            let v = $step(v, i16::from(step));
                            (v, apply2::<$t, _>($f, SlotValue::read(v), b))
                        })
                    }
                    Instr::$wide { reg, rhs, step, offset: 0 } => {
                        let b = <$t as SlotValue>::read(r!(cx.frame_ptr(), rhs));
                        self_loop::self_loop(cx, at, 1, reg, listed_cost::<1>(at, 0), |v| {
                            let v = $step(v, step);
                            (v, apply2::<$t, _>($f, SlotValue::read(v), b))
                        })
                    }
                    Instr::$wide_imm { reg, step, imm, offset: 0 } => {
                        let b = <$t as FromImm>::from_imm(imm);
                        self_loop::self_loop(cx, at, 1, reg, listed_cost::<1>(at, 0), |v| {
                            let v = $step(v, step);
                            (v, apply2::<$t, _>($f, SlotValue::read(v), b))
                        })
                    }
                )*
                _ => return None,
            })
        }
    };
    // The forms carrying their cost.
    (@carried $step:ident, $br:ident, $br_imm:ident($t:ty) = $f:expr; $how:ident) => {
        op!($br { reg, rhs, step, cost, offset }, |ip, regs, cx, gas| {
            let b = <$t as SlotValue>::read(r!(regs, rhs));
            let v = $step(r!(regs, reg), i16::from(step));
            set!(regs, reg, v);
            $how!(apply2::<$t, _>($f, SlotValue::read(v), b), ip, offset, gas, u64::from(cost))
        });
        op!($br_imm { reg, step, imm, cost, offset }, |ip, regs, cx, gas| {
            let v = $step(r!(regs, reg), i16::from(step));
            set!(regs, reg, v);
            let b = <$t as FromImm>::from_imm(imm);
            $how!(apply2::<$t, _>($f, SlotValue::read(v), b), ip, offset, gas, u64::from(cost))
        });
    };
    // The forms reading their cost from the `ConsumeGas`.
    (@ $step:ident, $br:ident, $br_imm:ident($t:ty) = $f:expr; $how:ident) => {
        op!($br { reg, rhs, step, offset }, |ip, regs, cx, gas| {
            let b = <$t as SlotValue>::read(r!(regs, rhs));
            let v = $step(r!(regs, reg), step);
            set!(regs, reg, v);
            $how!(apply2::<$t, _>($f, SlotValue::read(v), b), ip, offset, gas)
        });
        op!($br_imm { reg, step, imm, offset }, |ip, regs, cx, gas| {
            let v = $step(r!(regs, reg), step);
            set!(regs, reg, v);
            let b = <$t as FromImm>::from_imm(imm);
            $how!(apply2::<$t, _>($f, SlotValue::read(v), b), ip, offset, gas)
        });
    };
}

pay_step! {
    step_i32, loops_pay_step_i32, rounds_pay_step_i32;
    StepBrI32EqPay, StepBrI32EqImmPay, StepBrI32EqPayWide, StepBrI32EqImmPayWide,
        StepBrI32EqPayFirst, StepBrI32EqImmPayFirst,
        StepBrI32EqPayFirstWide, StepBrI32EqImmPayFirstWide(u32) =
        |a, b| a == b;
    StepBrI32NePay, StepBrI32NeImmPay, StepBrI32NePayWide, StepBrI32NeImmPayWide,
        StepBrI32NePayFirst, StepBrI32NeImmPayFirst,
        StepBrI32NePayFirstWide, StepBrI32NeImmPayFirstWide(u32) =
        |a, b| a != b;
    StepBrI32LtSPay, StepBrI32LtSImmPay, StepBrI32LtSPayWide, StepBrI32LtSImmPayWide,
        StepBrI32LtSPayFirst, StepBrI32LtSImmPayFirst,
        StepBrI32LtSPayFirstWide, StepBrI32LtSImmPayFirstWide(i32) =
        |a, b| a < b;
    StepBrI32LtUPay, StepBrI32LtUImmPay, StepBrI32LtUPayWide, StepBrI32LtUImmPayWide,
        StepBrI32LtUPayFirst, StepBrI32LtUImmPayFirst,
        StepBrI32LtUPayFirstWide, StepBrI32LtUImmPayFirstWide(u32) =
        |a, b| a < b;
    StepBrI32GtSPay, StepBrI32GtSImmPay, StepBrI32GtSPayWide, StepBrI32GtSImmPayWide,
        StepBrI32GtSPayFirst, StepBrI32GtSImmPayFirst,
        StepBrI32GtSPayFirstWide, StepBrI32GtSImmPayFirstWide(i32) =
        |a, b| a > b;
    StepBrI32GtUPay, StepBrI32GtUImmPay, StepBrI32GtUPayWide, StepBrI32GtUImmPayWide,
        StepBrI32GtUPayFirst, StepBrI32GtUImmPayFirst,
        StepBrI32GtUPayFirstWide, StepBrI32GtUImmPayFirstWide(u32) =
        |a, b| a > b;
    StepBrI32LeSPay, StepBrI32LeSImmPay, StepBrI32LeSPayWide, StepBrI32LeSImmPayWide,
        StepBrI32LeSPayFirst, StepBrI32LeSImmPayFirst,
        StepBrI32LeSPayFirstWide, StepBrI32LeSImmPayFirstWide(i32) =
        |a, b| a <= b;
    StepBrI32LeUPay, StepBrI32LeUImmPay, StepBrI32LeUPayWide, StepBrI32LeUImmPayWide,
        StepBrI32LeUPayFirst, StepBrI32LeUImmPayFirst,
        StepBrI32LeUPayFirstWide, StepBrI32LeUImmPayFirstWide(u32) =
        |a, b| a <= b;
    StepBrI32GeSPay, StepBrI32GeSImmPay, StepBrI32GeSPayWide, StepBrI32GeSImmPayWide,
        StepBrI32GeSPayFirst, StepBrI32GeSImmPayFirst,
        StepBrI32GeSPayFirstWide, StepBrI32GeSImmPayFirstWide(i32) =
        |a, b| a >= b;
    StepBrI32GeUPay, StepBrI32GeUImmPay, StepBrI32GeUPayWide, StepBrI32GeUImmPayWide,
        StepBrI32GeUPayFirst, StepBrI32GeUImmPayFirst,
        StepBrI32GeUPayFirstWide, StepBrI32GeUImmPayFirstWide(u32) =
        |a, b| a >= b;
}

// And for an i64 counter.
pay_step! {
    step_i64, loops_pay_step_i64, rounds_pay_step_i64;
    StepBrI64EqPay, StepBrI64EqImmPay, StepBrI64EqPayWide, StepBrI64EqImmPayWide,
        StepBrI64EqPayFirst, StepBrI64EqImmPayFirst,
        StepBrI64EqPayFirstWide, StepBrI64EqImmPayFirstWide(u64) =
        |a, b| a == b;
    StepBrI64NePay, StepBrI64NeImmPay, StepBrI64NePayWide, StepBrI64NeImmPayWide,
        StepBrI64NePayFirst, StepBrI64NeImmPayFirst,
        StepBrI64NePayFirstWide, StepBrI64NeImmPayFirstWide(u64) =
        |a, b| a != b;
    StepBrI64LtSPay, StepBrI64LtSImmPay, StepBrI64LtSPayWide, StepBrI64LtSImmPayWide,
        StepBrI64LtSPayFirst, StepBrI64LtSImmPayFirst,
        StepBrI64LtSPayFirstWide, StepBrI64LtSImmPayFirstWide(i64) =
        |a, b| a < b;
    StepBrI64LtUPay, StepBrI64LtUImmPay, StepBrI64LtUPayWide, StepBrI64LtUImmPayWide,
        StepBrI64LtUPayFirst, StepBrI64LtUImmPayFirst,
        StepBrI64LtUPayFirstWide, StepBrI64LtUImmPayFirstWide(u64) =
        |a, b| a < b;
    StepBrI64GtSPay, StepBrI64GtSImmPay, StepBrI64GtSPayWide, StepBrI64GtSImmPayWide,
        StepBrI64GtSPayFirst, StepBrI64GtSImmPayFirst,
        StepBrI64GtSPayFirstWide, StepBrI64GtSImmPayFirstWide(i64) =
        |a, b| a > b;
    StepBrI64GtUPay, StepBrI64GtUImmPay, StepBrI64GtUPayWide, StepBrI64GtUImmPayWide,
        StepBrI64GtUPayFirst, StepBrI64GtUImmPayFirst,
        StepBrI64GtUPayFirstWide, StepBrI64GtUImmPayFirstWide(u64) =
        |a, b| a > b;
    StepBrI64LeSPay, StepBrI64LeSImmPay, StepBrI64LeSPayWide, StepBrI64LeSImmPayWide,
        StepBrI64LeSPayFirst, StepBrI64LeSImmPayFirst,
        StepBrI64LeSPayFirstWide, StepBrI64LeSImmPayFirstWide(i64) =
        |a, b| a <= b;
    StepBrI64LeUPay, StepBrI64LeUImmPay, StepBrI64LeUPayWide, StepBrI64LeUImmPayWide,
        StepBrI64LeUPayFirst, StepBrI64LeUImmPayFirst,
        StepBrI64LeUPayFirstWide, StepBrI64LeUImmPayFirstWide(u64) =
        |a, b| a <= b;
    StepBrI64GeSPay, StepBrI64GeSImmPay, StepBrI64GeSPayWide, StepBrI64GeSImmPayWide,
        StepBrI64GeSPayFirst, StepBrI64GeSImmPayFirst,
        StepBrI64GeSPayFirstWide, StepBrI64GeSImmPayFirstWide(i64) =
        |a, b| a >= b;
    StepBrI64GeUPay, StepBrI64GeUImmPay, StepBrI64GeUPayWide, StepBrI64GeUImmPayWide,
        StepBrI64GeUPayFirst, StepBrI64GeUImmPayFirst,
        StepBrI64GeUPayFirstWide, StepBrI64GeUImmPayFirstWide(u64) =
        |a, b| a >= b;
}

pay_compare! {
    BrI64EqPay, BrI64EqImmPay, BrI64EqPayFirst, BrI64EqImmPayFirst,
        BrI64EqPayBoth, BrI64EqImmPayBoth(u64) = |a, b| a == b;
    BrI64NePay, BrI64NeImmPay, BrI64NePayFirst, BrI64NeImmPayFirst,
        BrI64NePayBoth, BrI64NeImmPayBoth(u64) = |a, b| a != b;
    BrI64LtSPay, BrI64LtSImmPay, BrI64LtSPayFirst, BrI64LtSImmPayFirst,
        BrI64LtSPayBoth, BrI64LtSImmPayBoth(i64) = |a, b| a < b;
    BrI64LtUPay, BrI64LtUImmPay, BrI64LtUPayFirst, BrI64LtUImmPayFirst,
        BrI64LtUPayBoth, BrI64LtUImmPayBoth(u64) = |a, b| a < b;
    BrI64GtSPay, BrI64GtSImmPay, BrI64GtSPayFirst, BrI64GtSImmPayFirst,
        BrI64GtSPayBoth, BrI64GtSImmPayBoth(i64) = |a, b| a > b;
    BrI64GtUPay, BrI64GtUImmPay, BrI64GtUPayFirst, BrI64GtUImmPayFirst,
        BrI64GtUPayBoth, BrI64GtUImmPayBoth(u64) = |a, b| a > b;
    BrI64LeSPay, BrI64LeSImmPay, BrI64LeSPayFirst, BrI64LeSImmPayFirst,
        BrI64LeSPayBoth, BrI64LeSImmPayBoth(i64) = |a, b| a <= b;
    BrI64LeUPay, BrI64LeUImmPay, BrI64LeUPayFirst, BrI64LeUImmPayFirst,
        BrI64LeUPayBoth, BrI64LeUImmPayBoth(u64) = |a, b| a <= b;
    BrI64GeSPay, BrI64GeSImmPay, BrI64GeSPayFirst, BrI64GeSImmPayFirst,
        BrI64GeSPayBoth, BrI64GeSImmPayBoth(i64) = |a, b| a >= b;
    BrI64GeUPay, BrI64GeUImmPay, BrI64GeUPayFirst, BrI64GeUImmPayFirst,
        BrI64GeUPayBoth, BrI64GeUImmPayBoth(u64) = |a, b| a >= b;
}

/// Loads fused with a branch into a loop (`translator/load_branch.rs`), paying when taken (or
/// either way, for an `if` falling into its `then` arm), and with the back edge repeating a
/// loop's exit test, paying first. A paying one loads, then pays as [`pay_if!`] (or
/// [`pay_both_if!`]) does: a pause stands at the `ConsumeGas` with the load done, as the load
/// and the paying branch run one after the other leave it. A pay-first one repeats the loop's
/// first instruction after the `ConsumeGas` it pays for, so it pays before it loads, as that
/// `ConsumeGas` and that instruction run one after the other do: a pause stands at the
/// `ConsumeGas` with nothing loaded, and the load, which may overwrite its own `ptr`, runs
/// once whether or not the call pauses there.
macro_rules! pay_load_branch {
    ($($pay:ident, $first:ident, $both:ident, $n:literal, |$bytes:ident| $value:expr, |$v:ident| $cond:expr;)*) => {$(
        pay_load_branch!(@ $pay, $n, |$bytes| $value, |$v| $cond; pay_if);
        pay_load_branch!(@ $first, $n, |$bytes| $value, |$v| $cond; pay_first_if);
        pay_load_branch!(@ $both, $n, |$bytes| $value, |$v| $cond; pay_both_if);
    )*};
    // The load is the test `$how` evaluates: before paying for `pay_if!` and `pay_both_if!`,
    // after paying for `pay_first_if!`.
    (@ $variant:ident, $n:literal, |$bytes:ident| $value:expr, |$v:ident| $cond:expr; $how:ident) => {
        op!($variant { dst, ptr, mem_offset, offset }, |ip, regs, cx, gas| {
            $how!(
                {
                    let $bytes =
                        cx.load::<$n>(r!(regs, ptr), u32::from(mem_offset))?;
                    let $v: u64 = $value;
                    set!(regs, dst, $v);
                    $cond
                },
                ip,
                offset,
                gas
            )
        });
    };
}

pay_load_branch! {
    Load32UBrNezPay, Load32UBrNezPayFirst, Load32UBrNezPayBoth, 4, |b| u64::from(u32::from_le_bytes(b)), |v| v != 0;
    Load32UBrEqzPay, Load32UBrEqzPayFirst, Load32UBrEqzPayBoth, 4, |b| u64::from(u32::from_le_bytes(b)), |v| v == 0;
    Load8UBrNezPay, Load8UBrNezPayFirst, Load8UBrNezPayBoth, 1, |b| u64::from(b[0]), |v| v != 0;
    Load8UBrEqzPay, Load8UBrEqzPayFirst, Load8UBrEqzPayBoth, 1, |b| u64::from(b[0]), |v| v == 0;
}
