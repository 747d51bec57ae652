//! Counting loops of one instruction: a counter's stepped branch back to itself
//! (`StepBr..`, `StepRegBr..` and their paying forms, branching by 0: `i += step` while
//! `i <op> n` is the whole loop).
//!
//! Run one round per dispatch, such a loop waits every round on its counter's slot: the
//! store of one round forwarded to the load of the next. Linked to [`self_looping`] instead
//! of its own handler ([`handler_for_loop`]), it takes up to [`SELF_ROUNDS`] rounds at a
//! time with the counter in a register, then the branch's own handler takes one round and
//! branches back (spending budget, or gas, as a round does) or falls through. The handlers
//! of every other branch stay as they are. Single steps (the trace) use the branch's own
//! handler, one round at a time.

use super::*;

/// The most rounds [`self_loop`] takes at a time: the chain then goes through the branch's
/// own handler, whose branch spends budget, so that it reaches the trampoline (and sees an
/// interrupt) at least every `BUDGET * (SELF_ROUNDS + 1)` rounds.
const SELF_ROUNDS: u32 = 1024;

/// The handler linked to an instruction: its own, or, for a counting loop of one
/// instruction, [`self_looping`].
pub(crate) fn handler_for_link(instr: &Instr) -> Handler {
    handler_for_loop(instr).unwrap_or_else(|| handler_for(instr))
}

/// The handler linked to a counting loop of one instruction, `None` for any other
/// instruction (the lists are made with the stepped branches' handlers, in `int.rs` and
/// `pay.rs`).
fn handler_for_loop(instr: &Instr) -> Option<Handler> {
    let loops = [
        int::loops_step_i32,
        int::loops_step_i64,
        int::loops_step_reg_i32,
        int::loops_step_reg_i64,
        pay::loops_pay_step_i32,
        pay::loops_pay_step_i64,
        pay::loops_pay_step_reg_i32,
        pay::loops_pay_step_reg_i64,
    ];
    loops
        .iter()
        .any(|loops| loops(instr))
        .then_some(self_looping as Handler)
}

/// The rounds of the counting loop at `at` ([`self_loop`]): where to continue.
fn rounds(cx: &mut Cx<'_>, at: *const Op) -> *const Op {
    let rounds = [
        int::rounds_step_i32,
        int::rounds_step_i64,
        int::rounds_step_reg_i32,
        int::rounds_step_reg_i64,
        pay::rounds_pay_step_i32,
        pay::rounds_pay_step_i64,
        pay::rounds_pay_step_reg_i32,
        pay::rounds_pay_step_reg_i64,
    ];
    rounds
        .iter()
        .find_map(|rounds| rounds(cx, at))
        .unwrap_or(at)
}

/// The handler of a counting loop of one instruction ([`handler_for_loop`]): takes its
/// rounds, then goes on with the branch's own handler (which takes one round and branches
/// back here, or falls through), or with the instruction after the loop when it ended.
#[allow(clippy::too_many_arguments)]
fn self_looping(
    ip: *const Op,
    regs: *mut u64,
    cx: &mut Cx<'_>,
    _acc: Acc,
    budget: u32,
    gas: u64,
    _facc: FAcc,
    mem: Mem,
) -> *const Op {
    cx.gas = gas;
    let to = rounds(cx, ip);
    let gas = cx.gas;
    let handler = if to == ip {
        handler_for(&at_instr(ip))
    } else {
        // SAFETY: `to` is the instruction after the loop, of the running function: a
        // branch that falls through is not the last instruction (invariant 4 of
        // `translator/verify.rs`).
        unsafe { (*to).handler }
    };
    // The branch hands on nothing, nor does the end of its loop.
    handler(to, regs, cx, NO_ACC, budget, gas, NO_FACC, mem)
}

/// The instruction at `at`, an instruction of the running function.
#[inline(always)]
pub(super) fn at_instr(at: *const Op) -> Instr {
    // SAFETY: the callers are handed the address of the instruction that runs.
    unsafe { *at }.instr
}

/// The rounds of a counting loop of one instruction, the stepped branch at `at` back to
/// itself, about to run: its counter `reg` is loaded once, `round` steps it and tests it
/// (the stepped counter, and whether the branch is taken again), and it is stored back
/// when the loop ends or after [`SELF_ROUNDS`] rounds.
///
/// With metering, the round about to run is paid for already (by the loop's `ConsumeGas` or
/// the branch back), and each round taken pays `cost` for the next out of the gas left
/// (the reserve first, then what the chain carries); the rounds stop where that gas would
/// not cover one more, for the branch's own handler to take that round and pay or pause as
/// it does. Without metering
/// `cost` is 0. Returns where to continue: `at` again, or the instruction `next` places on,
/// past the loop.
#[inline(always)]
pub(super) fn self_loop(
    cx: &mut Cx<'_>,
    at: *const Op,
    next: usize,
    reg: crate::engine::ir::Reg,
    cost: u64,
    round: impl Fn(u64) -> (u64, bool),
) -> *const Op {
    let regs = cx.frame_ptr();
    let mut v = r!(regs, reg);
    // The rounds the gas left pays for: each taken round pays `cost` for the next.
    let paid = match cost {
        0 => SELF_ROUNDS,
        _ => u32::try_from(cx.gas_left() / cost).map_or(SELF_ROUNDS, |n| n.min(SELF_ROUNDS)),
    };
    let (mut taken, mut to) = (0, at);
    while taken < paid {
        let (stepped, again) = round(v);
        v = stepped;
        if !again {
            to = at.wrapping_add(next);
            break;
        }
        taken += 1;
    }
    // Paid out of the reserve first: the gas the chain carries only goes down, so that
    // the chain still runs short of it and returns to the trampoline in time.
    let charge = u64::from(taken) * cost;
    let from_reserve = charge.min(cx.reserve);
    cx.reserve -= from_reserve;
    cx.gas -= charge - from_reserve;
    set!(regs, reg, v);
    to
}
