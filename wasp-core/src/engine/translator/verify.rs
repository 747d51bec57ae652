//! A check of every translated function before it can run. The interpreter reads slots and
//! instructions without bounds checks (the `unsafe` of `executor/regs.rs`, `executor/dispatch.rs`
//! and `executor/handlers`); these are the invariants it relies on, stated here, where they are
//! established:
//!
//! 1. **Slots.** Every slot an instruction or its data word names lies inside the frame
//!    (`< frame_size`), and so does the range `ReturnN` returns. The slots are found through
//!    the instruction table (`engine/isa.rs`), where an operand cannot be declared without its
//!    role, so none escapes this check. A function with `v128`s is checked against one slot
//!    fewer than its frame has, so that the high slot of a pair (`slot + 1`, which SIMD
//!    instructions read and write beside the low slot they name) is in the frame too.
//! 2. **Branches.** Every branch, including every `br_table` entry, lands on an instruction of
//!    the same function that is not a data word. A function is short enough that the distance
//!    between any two of its instructions in bytes fits an `i32` (linked code counts branch
//!    offsets in bytes: `executor::link`).
//! 3. **Data words.** Every instruction that needs a data word has one right after it.
//! 4. **No running off the end.** The last instruction is a terminator, so every other
//!    instruction (and its data word) is followed by one more.
//! 5. **Paying branches.** Every branch that pays for the block it enters (`pay.rs`: into a
//!    loop, forward to a block's end or an `else` arm) lands right after a `ConsumeGas`, and
//!    every pay-first branch (and `BrCopyPay`, which copies between the two) two
//!    instructions after one; that `ConsumeGas` costs something (a
//!    paying branch, which spends gas instead of the chain's budget, pays at least one unit:
//!    `executor/dispatch.rs`). A paying branch that carries its cost (a `Cost` operand)
//!    carries that `ConsumeGas`'s cost. A `BrTable`'s entries are `Br`s, a `BrTablePay`'s `BrPay`s.
//!    A conditional branch paying either way (`..PayBoth`, an `if` falling into its `then`
//!    arm) is also followed right away by such a `ConsumeGas`, which it pays for when not
//!    taken, and so is a constant paying for the block it falls into (`Const32PayNext`),
//!    which carries that `ConsumeGas`'s cost. A return paying for the block a `BrPay` entered, that return (`Return1Pay`,
//!    `return_branch.rs`), names that block the same way and lands right after its
//!    `ConsumeGas` too.
//! 6. **The result register.** Every instruction that reads the result register comes right
//!    after one that hands on the slot it stands for (or after stores right after one: a
//!    store passes the register on), and every branch that lands on it, or on such a store,
//!    hands on that slot too (`result_register.rs`), so the register it reads holds that slot's
//!    value however it is reached; and a copy joined with a branch that reads its condition
//!    from the register, before the copy, does not copy into the condition's slot (where its
//!    plain form, testing after the copy, would test the value copied).

use crate::engine::executor::OP_BYTES;
use crate::engine::ir::Instr;
use crate::error::ModuleError;

/// Checks the invariants above for `code` with a frame of `frame_size` slots.
pub(super) fn verify(code: &[Instr], frame_size: u32) -> Result<(), ModuleError> {
    let fail = |pc: usize, what: &str| {
        Err(ModuleError::new(
            format!("internal translation error at instruction {pc}: {what}"),
            None,
        ))
    };
    if code.len() > (i32::MAX / OP_BYTES) as usize {
        return fail(code.len(), "a function too long for its branch offsets");
    }
    let mut pc = 0;
    while pc < code.len() {
        let instr = code[pc];
        let mut bad_reg = false;
        instr.for_each_reg(|r| bad_reg |= r >= frame_size);
        if let Instr::ReturnN { src, count } = instr {
            bad_reg |= u64::from(src) + u64::from(count) > u64::from(frame_size);
        }
        if bad_reg {
            return fail(
                pc,
                &format!("a slot outside the frame of {frame_size} in {instr:?}"),
            );
        }
        if let Some(offset) = instr.branch_offset() {
            if !is_target(code, pc as i64 + i64::from(offset)) {
                return fail(pc, "a branch outside the function");
            }
            let target = pc as i64 + i64::from(offset);
            // A reader of the result register pays as the branch it was converted from.
            let instr = super::result_register::plain_form(instr);
            let paying = super::pay::is_paying(&instr)
                || super::pay::is_paying_both(&instr)
                || super::return_branch::is_paying_return(&instr);
            if paying && !pays_at(code, target - 1) {
                return fail(pc, "a paying branch that does not land after a ConsumeGas");
            }
            if paying && !carries_cost_of(instr, code, target - 1) {
                return fail(
                    pc,
                    "a paying branch carrying another cost than its ConsumeGas",
                );
            }
            if super::pay::is_paying_both(&instr) && !pays_at(code, pc as i64 + 1) {
                return fail(
                    pc,
                    "a branch paying either way not followed by a ConsumeGas",
                );
            }
            let pays_first =
                super::pay::is_paying_first(&instr) || matches!(instr, Instr::BrCopyPay { .. });
            if pays_first && !pays_at(code, target - 2) {
                return fail(
                    pc,
                    "a pay-first branch without a ConsumeGas before its target",
                );
            }
            if pays_first && !carries_cost_of(instr, code, target - 2) {
                return fail(
                    pc,
                    "a pay-first branch carrying another cost than its ConsumeGas",
                );
            }
        }
        if super::pay::is_paying_next(&instr)
            && !(pays_at(code, pc as i64 + 1) && carries_cost_of(instr, code, pc as i64 + 1))
        {
            return fail(
                pc,
                "a constant paying for the next block not followed by its ConsumeGas",
            );
        }
        match (instr, super::branch_table(&instr)) {
            (Instr::Data { .. }, _) => return fail(pc, "a data word without its instruction"),
            (_, Some((len, paying))) => {
                let entries = len as usize + 1;
                if pc + entries >= code.len() {
                    return fail(pc, "a branch table past the end");
                }
                let all_br = code[pc + 1..=pc + entries].iter().all(|e| match e {
                    Instr::Br { .. } => !paying,
                    Instr::BrPay { .. } => paying,
                    _ => false,
                });
                if !all_br {
                    return fail(pc, "a branch table entry that is not a branch of its kind");
                }
                // The entries are checked as branches by the loop itself.
            }
            _ if instr.has_data_word() => {
                let Some(mut data @ Instr::Data { .. }) = code.get(pc + 1).copied() else {
                    return fail(pc, "a missing data word");
                };
                let mut bad_reg = false;
                instr.for_each_data_slot_mut(&mut data, |r| bad_reg |= *r >= frame_size);
                if bad_reg {
                    return fail(pc, "a data word slot outside the frame");
                }
                pc += 1;
            }
            _ => {}
        }
        pc += 1;
    }
    match last_instruction(code) {
        Some(last) if is_terminator(&last) => {}
        _ => return fail(code.len(), "code that can run past its end"),
    }
    super::result_register::check(code).or_else(|(pc, what)| fail(pc, what))
}

/// Whether `target` is the index of an executable instruction.
fn is_target(code: &[Instr], target: i64) -> bool {
    usize::try_from(target)
        .ok()
        .and_then(|t| code.get(t))
        .is_some_and(|i| !matches!(i, Instr::Data { .. }))
}

/// Whether `branch` carries no cost, or the cost of the `ConsumeGas` at `pc`.
fn carries_cost_of(branch: Instr, code: &[Instr], pc: i64) -> bool {
    let listed = usize::try_from(pc)
        .ok()
        .and_then(|pc| super::gas_charged(code.get(pc)?));
    branch.cost().is_none_or(|cost| listed == Some(cost))
}

/// Whether the instruction at `pc` is a `ConsumeGas` that costs something.
fn pays_at(code: &[Instr], pc: i64) -> bool {
    usize::try_from(pc)
        .ok()
        .and_then(|pc| code.get(pc))
        .is_some_and(|i| matches!(i, Instr::ConsumeGas { lo, hi } if (*lo | *hi) != 0))
}

/// The last instruction, skipping the data word of a final `return_call_indirect`.
fn last_instruction(code: &[Instr]) -> Option<Instr> {
    match code {
        [.., before, Instr::Data { .. }] => Some(*before),
        [.., last] => Some(*last),
        [] => None,
    }
}

fn is_terminator(instr: &Instr) -> bool {
    matches!(
        instr,
        Instr::Br { .. }
            | Instr::Return0
            | Instr::Return1 { .. }
            | Instr::Return1Acc { .. }
            | Instr::Return1FAcc { .. }
            | Instr::ReturnN { .. }
            | Instr::Return0Pay { .. }
            | Instr::Return1Pay { .. }
            | Instr::Return1PayAcc { .. }
            | Instr::GlobalSetAddI32Return0Pay { .. }
            | Instr::Unreachable
            | Instr::ReturnCall { .. }
            | Instr::ReturnCallIndirect { .. }
            | Instr::ReturnCallRef { .. }
    )
}
