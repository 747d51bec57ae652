//! Branches that pay for the block they enter (gas metering): into a loop, and forward.
//!
//! With metering on, a loop whose first block costs anything starts with the `ConsumeGas`
//! paying for that block, and every branch back to the loop runs it again: one dispatch for
//! the branch and one for the payment, on every iteration. A branch to such a loop is given
//! its paying form (the table [`for_each_paying_branch!`]), which lands after that
//! `ConsumeGas` and, when taken, pays its cost itself; when the gas left does not cover the
//! cost it pauses standing at the `ConsumeGas`, exactly where the plain branch followed by
//! the `ConsumeGas` pauses. What a program is charged, and where and how it pauses, do not
//! change; the loop's `ConsumeGas` still pays when the loop is entered from before it.
//!
//! A loop that starts with its exit test (`loop (br_if $out cond) ... br $loop`) ends with a
//! back edge that repeats the test, inverted, and continues into the body after it
//! (`thread_back_edge` in `control.rs`). That back edge must pay for the loop's first block
//! before the test, whichever way the test goes: it takes the test's pay-first form, which
//! pays what the loop's `ConsumeGas` (two instructions before its target) costs, or pauses
//! standing at that `ConsumeGas`, and then tests and branches.
//!
//! Forward branches take the same paying forms where they land on a block's `ConsumeGas`
//! ([`pay_on_landing`]): a `br_if` or `br` to the end of a block followed by more code, and
//! the branch of an `if` to its `else` arm.
//!
//! Most paying branches carry the cost they pay ([`settle_costs`]), so that paying needs no
//! read of the `ConsumeGas` at an address computed from the branch's offset.
//!
//! The way into a block by falling through pays the same way where the instruction before it
//! is a constant ([`pay_next`]): a function's entry writes its hoisted constants, then pays for
//! its first block, in one dispatch for the last constant and the payment.
//!
//! [`for_each_paying_branch!`]: crate::engine::isa::for_each_paying_branch

use super::Translator;
use crate::engine::ir::Instr;

impl Translator<'_> {
    /// Gives the branch at `at`, which targets the loop starting at `head`, its paying form
    /// if the loop starts with a `ConsumeGas` (only with metering on).
    pub(super) fn pay_on_entry(&mut self, at: usize, head: usize) {
        if !matches!(self.code.get(head), Some(Instr::ConsumeGas { .. })) {
            return;
        }
        if let Some(mut pay) = paying(self.code[at]) {
            // It lands after the `ConsumeGas`, whose cost it reads just before its target.
            pay.set_branch_offset(head as i32 + 1 - at as i32);
            self.code[at] = pay;
        }
    }
}

/// Gives every plain branch of `code` that lands on a `ConsumeGas` costing something its
/// paying form, landing after that `ConsumeGas`: forward branches too (to the end of a
/// block, to an `if`'s `else` arm). Branches into a loop have it already
/// ([`Translator::pay_on_entry`]). A branch that paid runs the block's `ConsumeGas` in its
/// own dispatch, with the same cost and the same pause, so nothing a program can see
/// changes; the verifier checks the landing (invariant 5 of `verify.rs`).
///
/// A `br_table` every entry of which lands on a `ConsumeGas` becomes a `BrTablePay` with
/// paying entries, whose handler pays for the block the chosen entry enters; any other keeps
/// its plain entries (its handler jumps straight to where they lead: paying there for some
/// entries and not others made it dearer than the `ConsumeGas` it saved).
pub(super) fn pay_on_landing(code: &mut [Instr]) {
    let mut at = 0;
    while at < code.len() {
        let branch = code[at];
        if let Some((len, _)) = super::branch_table(&branch) {
            let entries = at + 1..at + len as usize + 2;
            if code[entries.clone()].iter().enumerate().all(|(k, e)| {
                matches!(e, Instr::Br { offset } if lands_on_pay(code, at + 1 + k, *offset))
            }) {
                code[at] = with_paying_entries(branch, true);
                for entry in entries.clone() {
                    pay_here(code, entry);
                }
            }
            at = entries.end;
            continue;
        }
        if let Some(offset) = branch.branch_offset() {
            if lands_on_pay(code, at, offset) {
                pay_here(code, at);
            }
            if lands_on_pay(code, at, 1) {
                pay_falling_through(code, at);
            }
        }
        at += 1;
    }
}

/// The form of the branch table `table` (a `BrTable` or a load fused with one, as
/// translated: not reading the result register) whose entries pay, or whose entries are
/// plain `Br`s.
fn with_paying_entries(table: Instr, paying: bool) -> Instr {
    use Instr::*;
    /// Each `$plain` or `$pay` table becomes the `$pay` form when paying, the `$plain` one
    /// otherwise, with the same operands; any other instruction stays as it is.
    macro_rules! forms {
        ($($plain:ident / $pay:ident { $($f:ident),* };)*) => {
            match table {
                $(
                    $plain { $($f),* } | $pay { $($f),* } if paying => $pay { $($f),* },
                    $plain { $($f),* } | $pay { $($f),* } => $plain { $($f),* },
                )*
                other => other,
            }
        };
    }
    forms! {
        BrTable / BrTablePay { index, len };
        Load8UBrTable / Load8UBrTablePay { dst, ptr, mem_offset, len };
        Load32UBrTable / Load32UBrTablePay { dst, ptr, mem_offset, len };
    }
}

/// Writes into every paying branch that carries its cost (a `Cost` operand) the cost of the
/// `ConsumeGas` it pays for: its handler then reads the cost from itself rather than from an
/// address it computes from its offset, which lengthened every metered loop's iteration. Done
/// on the finished code, when every block's cost is known.
///
/// A branch whose block costs more than a `Cost` holds (16 bits, with gas costs of the user's
/// choosing) lets the block's `ConsumeGas` pay: a paying branch goes back to its plain form
/// landing on it, a pay-first one (or a `BrCopyPay`) becomes a `Br` to it (to the loop's
/// start, which pays and runs the exit test the pay-first branch repeated), and a
/// `BrTablePay` with such an entry a `BrTable` with plain entries.
pub(super) fn settle_costs(code: &mut [Instr]) {
    for at in 0..code.len() {
        if let Some((len, true)) = super::branch_table(&code[at]) {
            let entries = at + 1..at + len as usize + 2;
            if entries.clone().any(|e| !carries(code, e)) {
                code[at] = with_paying_entries(code[at], false);
                for entry in entries {
                    code[entry] = unpay(code[entry]);
                }
            }
        }
    }
    for at in 0..code.len() {
        if code[at].cost().is_none() {
            continue;
        }
        let settled = match paid_cost(code, at) {
            Some(cost) => code[at].set_cost(cost),
            None => false,
        };
        if !settled {
            code[at] = unpay(code[at]);
        }
    }
}

/// Whether the paying branch at `at` carries its cost and that cost fits in it.
fn carries(code: &[Instr], at: usize) -> bool {
    let mut branch = code[at];
    paid_cost(code, at).is_some_and(|cost| branch.set_cost(cost))
}

/// The cost of the `ConsumeGas` that the paying branch at `at` pays for when taken, if the
/// branch carries its cost.
fn paid_cost(code: &[Instr], at: usize) -> Option<u64> {
    let offset = code[at].branch_offset()?;
    code[at].cost()?;
    let back = if pays_first(&code[at]) { 2 } else { 1 };
    let paid = usize::try_from(at as i64 + i64::from(offset) - back).ok()?;
    super::gas_charged(code.get(paid)?)
}

/// Whether `branch` pays for the `ConsumeGas` two instructions before its target.
fn pays_first(branch: &Instr) -> bool {
    is_paying_first(branch) || matches!(branch, Instr::BrCopyPay { .. })
}

/// The branch doing what the paying `branch`, which carries its cost, does with its block's
/// `ConsumeGas` paying instead (see [`settle_costs`]), or, for a counter step, with the cost
/// read from that `ConsumeGas`; `branch` itself if it is not one.
fn unpay(branch: Instr) -> Instr {
    let Some(offset) = branch.branch_offset() else {
        return branch;
    };
    if let Some(wide) = widened(branch) {
        return wide;
    }
    if pays_first(&branch) {
        return Instr::Br { offset: offset - 2 };
    }
    match unpaid(paying_of_both(branch).unwrap_or(branch)) {
        Some(mut plain) => {
            plain.set_branch_offset(offset - 1);
            plain
        }
        None => branch,
    }
}

/// Gives every `Const32` falling into a `ConsumeGas` that costs something the paying form that
/// pays for it in the same dispatch, where the cost fits in the 16 bits it has: the hoisted
/// constants a function's entry writes before its first block, a block's last value before a
/// join. Written, the constant pays what the `ConsumeGas` would, or the call pauses standing
/// at that `ConsumeGas` with the constant written, as the two instructions one after the other
/// do; whatever branches to the `ConsumeGas` still finds it. Done on the finished code, the
/// entry's constants in place.
pub(super) fn pay_next(code: &mut [Instr]) {
    for at in 1..code.len() {
        let (Instr::Const32 { dst, val }, Some(cost)) =
            (code[at - 1], super::gas_charged(&code[at]))
        else {
            continue;
        };
        if let Ok(cost @ 1..) = u16::try_from(cost) {
            code[at - 1] = Instr::Const32PayNext { dst, val, cost };
        }
    }
}

/// Whether `instr` pays for the `ConsumeGas` right after it, having run ([`pay_next`]).
pub(super) fn is_paying_next(instr: &Instr) -> bool {
    matches!(instr, Instr::Const32PayNext { .. })
}

/// Whether the branch at `at` by `offset` lands on a `ConsumeGas` that costs something.
fn lands_on_pay(code: &[Instr], at: usize, offset: i32) -> bool {
    usize::try_from(at as i64 + i64::from(offset))
        .ok()
        .and_then(|t| code.get(t))
        .is_some_and(|i| matches!(i, Instr::ConsumeGas { lo, hi } if (*lo | *hi) != 0))
}

/// Gives the branch at `at`, which lands on a `ConsumeGas`, its paying form if it has one,
/// landing after that `ConsumeGas`.
fn pay_here(code: &mut [Instr], at: usize) {
    if let (Some(offset), Some(mut pay)) = (code[at].branch_offset(), paying(code[at])) {
        pay.set_branch_offset(offset + 1);
        code[at] = pay;
    }
}

/// Gives the branch at `at`, which is followed by a `ConsumeGas` costing something, its form
/// paying either way if it is a conditional branch that pays when taken (the branch of an
/// `if` to its `else` arm, into the `then` arm when not taken): not taken, it pays for that
/// `ConsumeGas`, or pauses standing at it, and continues after it.
fn pay_falling_through(code: &mut [Instr], at: usize) {
    if let Some(both) = paying_both(code[at]) {
        code[at] = both;
    }
}

/// Generates the conversions of paying conditional branches to their forms paying either way
/// from the table.
macro_rules! paying_both_forms {
    ($($pay:ident { $($f:ident),* } => $both:ident;)*) => {
        /// The form of the paying conditional branch `branch` that pays either way (same
        /// operands and offset), `None` if it has none.
        fn paying_both(branch: Instr) -> Option<Instr> {
            Some(match branch {
                $(Instr::$pay { $($f),* } => Instr::$both { $($f),* },)*
                _ => return None,
            })
        }

        /// Whether `instr` pays either way: its target must come right after a `ConsumeGas`,
        /// and so must the instruction after the one after it.
        pub(super) fn is_paying_both(instr: &Instr) -> bool {
            matches!(instr, $(Instr::$both { .. })|*)
        }

        /// The paying branch of which `both` is the form paying either way (same operands
        /// and offset), `None` for any other instruction.
        fn paying_of_both(both: Instr) -> Option<Instr> {
            Some(match both {
                $(Instr::$both { $($f),* } => Instr::$pay { $($f),* },)*
                _ => return None,
            })
        }
    };
}

crate::engine::isa::for_each_paying_both!(paying_both_forms);

/// Generates the conversions of branches to their paying forms from the table.
macro_rules! paying_forms {
    (
        $br:ident { $($bf:ident),* } => $br_pay:ident;
        conditional { $($plain:ident { $($f:ident),* } => $pay:ident, $first:ident;)* }
        masked { $($masked:ident { $($mf:ident),* } => $masked_pay:ident, $masked_first:ident;)* }
        stepped {
            $(
                $step:ident { $($sf:ident),* } =>
                    $step_pay:ident, $step_wide:ident, $step_first:ident, $step_first_wide:ident;
            )*
        }
        slot_stepped {
            $($slot:ident { $($rf:ident),* } => $slot_pay:ident, $slot_first:ident;)*
        }
        loading { $($load:ident { $($lf:ident),* } => $load_pay:ident, $load_first:ident;)* }
    ) => {
        /// The paying form of `branch` (same operands and offset), `None` if it has none (a
        /// counter step with a step beyond 8 bits takes its wide form). A form that carries
        /// its cost carries 0 until [`settle_costs`] writes it.
        fn paying(branch: Instr) -> Option<Instr> {
            Some(match branch {
                Instr::$br { $($bf),* } => Instr::$br_pay { $($bf,)* cost: 0 },
                $(Instr::$plain { $($f),* } => Instr::$pay { $($f,)* cost: 0 },)*
                $(Instr::$masked { $($mf),* } => Instr::$masked_pay { $($mf),* },)*
                $(Instr::$step { $($sf,)* step } => match i8::try_from(step) {
                    Ok(step) => Instr::$step_pay { $($sf,)* step, cost: 0 },
                    Err(_) => Instr::$step_wide { $($sf,)* step },
                },)*
                $(Instr::$slot { $($rf),* } => Instr::$slot_pay { $($rf),* },)*
                $(Instr::$load { $($lf),* } => Instr::$load_pay { $($lf),* },)*
                _ => return None,
            })
        }

        /// The pay-first form of the conditional branch `branch` (same operands and offset),
        /// `None` if it has none. A form that carries its cost carries 0 until
        /// [`settle_costs`] writes it.
        pub(super) fn paying_first(branch: Instr) -> Option<Instr> {
            Some(match branch {
                $(Instr::$plain { $($f),* } => Instr::$first { $($f,)* cost: 0 },)*
                $(Instr::$masked { $($mf),* } => Instr::$masked_first { $($mf),* },)*
                $(Instr::$step { $($sf,)* step } => match i8::try_from(step) {
                    Ok(step) => Instr::$step_first { $($sf,)* step, cost: 0 },
                    Err(_) => Instr::$step_first_wide { $($sf,)* step },
                },)*
                $(Instr::$slot { $($rf),* } => Instr::$slot_first { $($rf),* },)*
                $(Instr::$load { $($lf),* } => Instr::$load_first { $($lf),* },)*
                _ => return None,
            })
        }

        /// The paying or pay-first form of the counter step `branch`, one carrying its cost in
        /// 8 bits, that reads its cost from the `ConsumeGas` instead (same operands and
        /// offset), `None` for any other instruction.
        fn widened(branch: Instr) -> Option<Instr> {
            Some(match branch {
                $(Instr::$step_pay { $($sf,)* step, .. } => {
                    Instr::$step_wide { $($sf,)* step: i16::from(step) }
                })*
                $(Instr::$step_first { $($sf,)* step, .. } => {
                    Instr::$step_first_wide { $($sf,)* step: i16::from(step) }
                })*
                _ => return None,
            })
        }

        /// The plain branch that the paying branch `branch`, one carrying its cost, stands
        /// for (same operands and offset), `None` for any other instruction.
        fn unpaid(branch: Instr) -> Option<Instr> {
            Some(match branch {
                Instr::$br_pay { $($bf,)* .. } => Instr::$br { $($bf),* },
                $(Instr::$pay { $($f,)* .. } => Instr::$plain { $($f),* },)*
                _ => return None,
            })
        }

        /// Whether `instr` is a paying branch (its target must come right after a `ConsumeGas`).
        pub(super) fn is_paying(instr: &Instr) -> bool {
            matches!(
                instr,
                Instr::$br_pay { .. }
                    $(| Instr::$pay { .. })*
                    $(| Instr::$masked_pay { .. })*
                    $(| Instr::$step_pay { .. } | Instr::$step_wide { .. })*
                    $(| Instr::$slot_pay { .. })*
                    $(| Instr::$load_pay { .. })*
            )
        }

        /// Whether `instr` is a pay-first branch (the instruction two before its target must
        /// be a `ConsumeGas`).
        pub(super) fn is_paying_first(instr: &Instr) -> bool {
            matches!(
                instr,
                $(Instr::$first { .. })|*
                    $(| Instr::$masked_first { .. })*
                    $(| Instr::$step_first { .. } | Instr::$step_first_wide { .. })*
                    $(| Instr::$slot_first { .. })*
                    $(| Instr::$load_first { .. })*
            )
        }
    };
}

crate::engine::isa::for_each_paying_branch!(paying_forms);

#[cfg(test)]
mod tests {
    use super::super::verify;
    use super::*;

    fn code(wat: &str, gas: bool) -> Vec<Instr> {
        crate::engine::translator::test_code(wat, gas)
    }

    const COUNTER: &str = r#"(module (func (param $n i32) (result i32) (local $i i32)
        (loop $l
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
        (local.get $i)))"#;

    #[test]
    fn a_metered_back_edge_pays_and_lands_after_the_loops_consume_gas() {
        let code = code(COUNTER, true);
        let (at, offset) = code
            .iter()
            .enumerate()
            .find_map(|(pc, i)| match i {
                // The counter's step fuses into it (`step.rs`).
                Instr::BrI32LtUPay { offset, .. } | Instr::StepBrI32LtUPay { offset, .. } => {
                    Some((pc, *offset))
                }
                _ => None,
            })
            .expect("a paying back edge");
        let target = (at as i32 + offset) as usize;
        assert!(matches!(
            code[target - 1],
            Instr::ConsumeGas { lo: 8, hi: 0 }
        ));
        assert!(
            target - 1 < at,
            "the loop's ConsumeGas is behind the back edge"
        );
    }

    #[test]
    fn a_back_edge_repeating_the_exit_test_pays_first_instead_of_a_copy() {
        let code = code(
            r#"(module (func (param $n i32) (result i32) (local $i i32)
              (block $out
                (loop $l
                  (br_if $out (i32.ge_u (local.get $i) (local.get $n)))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br $l)))
              (local.get $i)))"#,
            true,
        );
        // The counter step fuses into it (`step.rs`).
        let (at, offset) = code
            .iter()
            .enumerate()
            .find_map(|(pc, i)| match i {
                // It carries the cost it pays first (`settle_costs`).
                Instr::StepBrI32LtUPayFirst {
                    reg: 1,
                    rhs: 0,
                    step: 1,
                    cost: 9,
                    offset,
                } => Some((pc, *offset)),
                _ => None,
            })
            .expect("a pay-first back edge");
        let target = (at as i32 + offset) as usize;
        assert!(matches!(
            code[target - 2],
            Instr::ConsumeGas { lo: 9, hi: 0 }
        ));
        // The exit test, which pays for the block after the loop (`pay_on_landing`).
        assert!(matches!(code[target - 1], Instr::BrI32GeUPay { .. }));
        // The loop's and the one after it: no copy on the back edge.
        let pays = code
            .iter()
            .filter(|i| matches!(i, Instr::ConsumeGas { .. }));
        assert_eq!(pays.count(), 2);
    }

    #[test]
    fn a_pay_first_back_edge_fuses_the_step_whichever_side_the_counter_is() {
        for (test, swapped) in [
            ("(i32.ge_s (local.get $i) (local.get $n))", false),
            ("(i32.ge_s (local.get $n) (local.get $i))", true),
            ("(i32.eq (local.get $i) (i32.const 9))", false),
        ] {
            let code = code(
                &format!(
                    r#"(module (func (param $n i32) (result i32) (local $i i32)
                      (block $out
                        (loop $l
                          (br_if $out {test})
                          (local.set $i (i32.sub (local.get $i) (i32.const 3)))
                          (br $l)))
                      (local.get $i)))"#
                ),
                true,
            );
            let fused = code
                .iter()
                .find(|i| is_paying_first(i))
                .expect("a pay-first back edge");
            let expected = match (swapped, fused) {
                (
                    _,
                    Instr::StepBrI32LtSPayFirst {
                        reg: 1,
                        rhs: 0,
                        step: -3,
                        ..
                    },
                ) => !swapped,
                (
                    _,
                    Instr::StepBrI32GtSPayFirst {
                        reg: 1,
                        rhs: 0,
                        step: -3,
                        ..
                    },
                ) => swapped,
                (
                    _,
                    Instr::StepBrI32NeImmPayFirst {
                        reg: 1,
                        step: -3,
                        imm: 9,
                        ..
                    },
                ) => true,
                _ => false,
            };
            assert!(expected, "{test}: {code:?}");
            assert!(
                !code
                    .iter()
                    .any(|i| matches!(i, Instr::I32AddImm { .. } | Instr::I32SubImm { .. })),
                "{code:?}"
            );
        }
    }

    #[test]
    fn an_i64_counter_fuses_its_step_into_the_pay_first_back_edge() {
        let code = code(
            r#"(module (func (param $n i64) (result i64) (local $i i64)
              (block $out
                (loop $l
                  (br_if $out (i64.ge_u (local.get $i) (local.get $n)))
                  (local.set $i (i64.add (local.get $i) (i64.const 2)))
                  (br $l)))
              (local.get $i)))"#,
            true,
        );
        assert!(
            code.iter().any(|i| matches!(
                i,
                Instr::StepBrI64LtUPayFirst {
                    reg: 1,
                    rhs: 0,
                    step: 2,
                    ..
                }
            )),
            "{code:?}"
        );
        assert!(
            !code.iter().any(|i| matches!(i, Instr::I64AddImm { .. })),
            "{code:?}"
        );
    }

    #[test]
    fn a_branch_to_an_else_arm_pays_for_it_and_lands_after_its_consume_gas() {
        let code = code(
            r#"(module (func (param $n i32) (result i32)
              (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
                (then (local.get $n))
                (else (i32.add (local.get $n) (i32.const 7))))))"#,
            true,
        );
        // local.get, i32.const, i32.add; the `then` arm's `local.get` is paid for too.
        assert_pays_forward(&code, 3, |i| match i {
            Instr::BrI32GeUImmPayBoth { offset, .. } => Some(*offset),
            _ => None,
        });
    }

    #[test]
    fn an_if_pays_for_the_then_arm_it_falls_into_in_the_same_dispatch() {
        let code = code(
            r#"(module (func (param $n i32) (result i32)
              (if (result i32) (local.get $n)
                (then (i32.mul (local.get $n) (i32.const 3)))
                (else (i32.const 7)))))"#,
            true,
        );
        let at = code
            .iter()
            .position(|i| matches!(i, Instr::BrIfEqzPayBoth { cond: 0, .. }))
            .unwrap_or_else(|| panic!("an if paying either way: {code:?}"));
        // The `then` arm: local.get, i32.const, i32.mul.
        assert!(
            matches!(code[at + 1], Instr::ConsumeGas { lo: 3, hi: 0 }),
            "{code:?}"
        );
    }

    /// A loop with a paying `br_table`, a pay-first back edge and an `if` paying either way.
    const EVERY_PAYING_KIND: &str = r#"(module (func (param $n i32) (result i32)
        (local $i i32) (local $acc i32)
        (block $out
          (loop $l
            (br_if $out (i32.ge_s (local.get $acc) (local.get $n)))
            (block $b
              (block $a
                (br_table $a $b (i32.and (local.get $i) (i32.const 1))))
              (local.set $acc (i32.add (local.get $acc) (i32.const 1))))
            (if (i32.and (local.get $i) (i32.const 2))
              (then (local.set $acc (i32.add (local.get $acc) (i32.const 2)))))
            (local.set $acc (i32.add (local.get $acc) (i32.mul (local.get $i) (i32.const 7))))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $l)))
        (local.get $i)))"#;

    #[test]
    fn paying_branches_carry_the_cost_of_the_consume_gas_they_pay_for() {
        let code = crate::engine::translator::test_code_priced(EVERY_PAYING_KIND, 1);
        let carried: Vec<_> = code.iter().filter_map(Instr::cost).collect();
        // Three `br_table` entries and its `br` to the end of the table's block, the
        // exit test, the `if` (paying either way), the back edge (paying first).
        assert!(carried.len() >= 6, "{code:?}");
        assert!(carried.iter().all(|&c| c > 0), "{code:?}");
        assert!(code
            .iter()
            .any(|i| matches!(i, Instr::BrTablePay { .. } | Instr::BrTablePayAcc { .. })));
        assert!(code.iter().any(is_paying_both), "{code:?}");
        assert!(code.iter().any(is_paying_first), "{code:?}");
        verify::verify(&code, 16).expect("verified");
    }

    #[test]
    fn a_block_costing_more_than_a_branch_carries_is_paid_by_its_consume_gas() {
        let code = crate::engine::translator::test_code_priced(EVERY_PAYING_KIND, 70_000);
        assert!(code.iter().all(|i| i.cost().is_none()), "{code:?}");
        // The table's entries, its `if` and its exit test land on the blocks' `ConsumeGas`.
        assert!(code
            .iter()
            .any(|i| matches!(i, Instr::BrTable { .. } | Instr::BrTableAcc { .. })));
        let lands_on_pay = |(at, i): (usize, &Instr)| {
            i.branch_offset()
                .is_some_and(|o| matches!(code[(at as i32 + o) as usize], Instr::ConsumeGas { .. }))
        };
        assert!(
            code.iter().enumerate().filter(|&e| lands_on_pay(e)).count() >= 6,
            "{code:?}"
        );
        // The back edge goes back to the loop's head: its `ConsumeGas`, then the exit test.
        let back = code
            .iter()
            .enumerate()
            .rev()
            .find_map(|(at, i)| match i {
                Instr::Br { offset } if *offset < 0 => Some((at as i32 + offset) as usize),
                _ => None,
            })
            .expect("a branch back");
        assert!(
            matches!(code[back], Instr::ConsumeGas { lo, hi: 0 } if lo > 65_535),
            "{code:?}"
        );
        assert!(code
            .iter()
            .all(|i| !is_paying(i) && !is_paying_first(i) && !is_paying_both(i)));
        verify::verify(&code, 16).expect("verified");
    }

    /// A counter loop stepping by `step`, its test at its end, priced `k` times the default.
    fn stepped_loop(step: i32, k: u32) -> Vec<Instr> {
        let wat = format!(
            r#"(module (func (param $n i32) (result i32) (local $i i32)
              (loop $l
                (local.set $i (i32.add (local.get $i) (i32.const {step})))
                (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
              (local.get $i)))"#
        );
        crate::engine::translator::test_code_priced(&wat, k)
    }

    #[test]
    fn a_counter_steps_paying_branch_carries_its_cost_in_8_bits_or_reads_it() {
        // The loop costs 8 units a round: 255 at most fits, from 32 times the prices on it
        // does not and the wide form reads it from the `ConsumeGas`.
        for (step, k, carried) in [(1, 1, Some(8)), (-128, 31, Some(248)), (127, 32, None)] {
            let code = stepped_loop(step, k);
            let at = code.iter().position(|i| i.branch_offset().is_some());
            let at = at.expect("a back edge");
            let target = (at as i32 + code[at].branch_offset().unwrap()) as usize;
            let paid = super::super::gas_charged(&code[target - 1]);
            match carried {
                Some(cost) => {
                    assert!(
                        matches!(code[at], Instr::StepBrI32LtUPay { step: s, cost: c, .. }
                            if i32::from(s) == step && u64::from(c) == cost),
                        "{code:?}"
                    );
                    assert_eq!(paid, Some(cost), "{code:?}");
                }
                None => {
                    assert!(
                        matches!(code[at], Instr::StepBrI32LtUPayWide { step: s, .. }
                            if i32::from(s) == step),
                        "{code:?}"
                    );
                    assert_eq!(paid, Some(8 * 32), "{code:?}");
                }
            }
            assert!(is_paying(&code[at]), "{code:?}");
            verify::verify(&code, 16).expect("verified");
        }
    }

    #[test]
    fn a_counter_step_beyond_8_bits_takes_the_wide_form_reading_its_cost() {
        for step in [128, -129, 32_767] {
            let code = stepped_loop(step, 1);
            let at = code.iter().position(|i| i.branch_offset().is_some());
            let at = at.expect("a back edge");
            assert!(
                matches!(code[at], Instr::StepBrI32LtUPayWide { step: s, .. } if i32::from(s) == step),
                "{code:?}"
            );
            assert_eq!(code[at].cost(), None, "{code:?}");
            let target = (at as i32 + code[at].branch_offset().unwrap()) as usize;
            assert!(
                matches!(code[target - 1], Instr::ConsumeGas { .. }),
                "{code:?}"
            );
            verify::verify(&code, 16).expect("verified");
        }
    }

    #[test]
    fn a_counter_steps_pay_first_branch_carries_its_cost_in_8_bits_or_reads_it() {
        // The loop's first block costs 9 units: 28 times that fits in 8 bits, 29 times not.
        for (step, k, carried) in [
            (1, 1, Some(9)),
            (-7, 28, Some(252)),
            (1, 29, None),
            (200, 1, None),
        ] {
            let wat = format!(
                r#"(module (func (param $n i32) (result i32) (local $i i32)
                  (block $out
                    (loop $l
                      (br_if $out (i32.ge_u (local.get $i) (local.get $n)))
                      (local.set $i (i32.add (local.get $i) (i32.const {step})))
                      (br $l)))
                  (local.get $i)))"#
            );
            let code = crate::engine::translator::test_code_priced(&wat, k);
            let at = code.iter().position(is_paying_first);
            let at = at.expect("a pay-first back edge");
            let target = (at as i32 + code[at].branch_offset().unwrap()) as usize;
            let paid = super::super::gas_charged(&code[target - 2]);
            match carried {
                Some(cost) => {
                    assert!(
                        matches!(code[at], Instr::StepBrI32LtUPayFirst { step: s, cost: c, .. }
                            if i32::from(s) == step && u64::from(c) == cost),
                        "{code:?}"
                    );
                    assert_eq!(paid, Some(cost), "{code:?}");
                }
                None => {
                    assert!(
                        matches!(code[at], Instr::StepBrI32LtUPayFirstWide { step: s, .. }
                            if i32::from(s) == step),
                        "{code:?}"
                    );
                    assert_eq!(code[at].cost(), None, "{code:?}");
                    assert_eq!(paid, Some(9 * u64::from(k)), "{code:?}");
                }
            }
            verify::verify(&code, 16).expect("verified");
        }
    }

    #[test]
    fn settling_a_cost_that_does_not_fit_gives_the_branch_the_consume_gas_paying_it() {
        let dear = Instr::ConsumeGas { lo: 65_536, hi: 0 };
        let cheap = Instr::ConsumeGas { lo: 65_535, hi: 0 };
        let mut code = [
            dear,
            Instr::Copy { dst: 1, src: 0 },
            cheap,
            Instr::Return0,
            Instr::BrI32LtUPayBoth {
                lhs: 0,
                rhs: 1,
                offset: -1,
                cost: 0,
            },
            Instr::BrI32LtUPay {
                lhs: 0,
                rhs: 1,
                offset: -4,
                cost: 0,
            },
            Instr::BrIfNezPayFirst {
                cond: 0,
                offset: -4,
                cost: 0,
            },
            Instr::BrCopyPay {
                offset: -5,
                dst: 1,
                src: 0,
                cost: 0,
            },
            Instr::BrI32LtUPay {
                lhs: 0,
                rhs: 1,
                offset: -5,
                cost: 0,
            },
            Instr::Return0,
        ];
        settle_costs(&mut code);
        // Paying for the cheap block: the cost carried.
        let carried = |offset| Instr::BrI32LtUPay {
            lhs: 0,
            rhs: 1,
            offset,
            cost: 65_535,
        };
        assert_eq!(code[8], carried(-5));
        assert_eq!(paying_both(carried(-1)), Some(code[4]));
        // Paying for the dear one: landing on its `ConsumeGas`.
        let plain = Instr::BrI32LtU {
            lhs: 0,
            rhs: 1,
            offset: -5,
        };
        assert_eq!(code[5], plain);
        assert_eq!(code[6], Instr::Br { offset: -6 });
        assert_eq!(code[7], Instr::Br { offset: -7 });
        let mut table = [
            Instr::BrTablePay { index: 0, len: 1 },
            Instr::BrPay { offset: 3, cost: 0 },
            Instr::BrPay { offset: 4, cost: 0 },
            cheap,
            Instr::Return0,
            dear,
            Instr::Return0,
        ];
        settle_costs(&mut table);
        assert_eq!(
            table[..3],
            [
                Instr::BrTable { index: 0, len: 1 },
                Instr::Br { offset: 2 },
                Instr::Br { offset: 3 },
            ]
        );
    }

    #[test]
    fn a_branch_paying_either_way_without_a_consume_gas_after_it_is_rejected() {
        let code = [
            Instr::BrIfEqzPayBoth {
                cond: 0,
                offset: 3,
                cost: 2,
            },
            Instr::Const32 { dst: 1, val: 1 },
            Instr::ConsumeGas { lo: 2, hi: 0 },
            Instr::Return1 { src: 0 },
        ];
        let error = verify::verify(&code, 2).expect_err("rejected");
        assert!(
            error.to_string().contains("not followed by a ConsumeGas"),
            "{error}"
        );
        let landing_wrong = [
            Instr::BrIfEqzPayBoth {
                cond: 0,
                offset: 3,
                cost: 2,
            },
            Instr::ConsumeGas { lo: 1, hi: 0 },
            Instr::Const32 { dst: 1, val: 1 },
            Instr::Return1 { src: 0 },
        ];
        let error = verify::verify(&landing_wrong, 2).expect_err("rejected");
        assert!(error.to_string().contains("does not land after"), "{error}");
        let right = [
            Instr::BrIfEqzPayBoth {
                cond: 0,
                offset: 3,
                cost: 2,
            },
            Instr::ConsumeGas { lo: 1, hi: 0 },
            Instr::ConsumeGas { lo: 2, hi: 0 },
            Instr::Return1 { src: 0 },
        ];
        assert!(verify::verify(&right, 2).is_ok());
    }

    #[test]
    fn a_paying_back_edge_reads_a_value_just_computed_from_the_register() {
        let code = code(
            r#"(module (global $g (mut i32) (i32.const 0))
              (func (param $n i32) (result i32)
                (loop $l
                  (global.set $g (i32.add (global.get $g) (i32.const 1)))
                  (br_if $l (i32.lt_u (global.get $g) (local.get $n))))
                (global.get $g)))"#,
            true,
        );
        let at = code
            .iter()
            .position(|i| matches!(i, Instr::BrI32LtUPayBothAcc { rhs: 0, .. }))
            .unwrap_or_else(|| panic!("a paying reader: {code:?}"));
        assert!(
            matches!(code[at - 1], Instr::GlobalAddI32 { .. }),
            "{code:?}"
        );
    }

    /// The functions of `tests/fixtures/paying_readers.txt`: `(case, shape, module text)`.
    fn paying_reader_functions() -> Vec<(String, String, String)> {
        let text = include_str!("../../../tests/fixtures/paying_readers.txt");
        let rows = |kind: &str| -> Vec<Vec<&str>> {
            text.lines()
                .filter_map(|l| l.strip_prefix(kind))
                .map(|rest| rest.splitn(3, ' ').collect())
                .collect()
        };
        let mut out = Vec::new();
        for case in rows("case ") {
            let [name, ty, cond] = case[..] else {
                panic!("{case:?}")
            };
            for shape in rows("shape ") {
                let func = format!("{} {}", shape[1], shape[2])
                    .replace("{name}", name)
                    .replace("{ty}", ty)
                    .replace("{cond}", cond);
                out.push((name.into(), shape[0].into(), format!("(module {func})")));
            }
        }
        out
    }

    /// Every paying branch reader of the table of readers (but the branch table's, which
    /// `result_register.rs` tests, and the paying return's, which `return_branch.rs` tests).
    macro_rules! paying_reader_names {
        (
            int { $($plain:ident { $($f:ident),* } $(reads $r:ident $(or $o:ident)? => $reader:ident),+;)* }
            float { $($rest:tt)* }
        ) => {
            [$($(stringify!($reader)),+),*]
                .into_iter()
                .filter(|n| ["PayAcc", "PayFirstAcc", "PayBothAcc"].iter().any(|k| n.ends_with(k)))
                .filter(|n| !["BrTablePayAcc", "Return1PayAcc"].contains(n))
                .collect::<std::collections::BTreeSet<&str>>()
        };
    }

    #[test]
    fn every_paying_reader_is_formed_by_the_paying_readers_fixture() {
        let functions = paying_reader_functions();
        assert_eq!(functions.len(), 54 * 3);
        let mut formed = std::collections::BTreeSet::new();
        for (case, shape, wat) in functions {
            let code = code(&wat, true);
            let readers: Vec<String> = code
                .iter()
                .map(|i| format!("{i:?}").split(' ').next().unwrap_or("").to_string())
                .filter(|n| n.contains("Pay") && n.ends_with("Acc"))
                .filter(|n| !["BrTablePayAcc", "Return1PayAcc"].contains(&n.as_str()))
                .collect();
            assert!(
                !readers.is_empty(),
                "{case} {shape}: no paying reader in {code:?}"
            );
            verify::verify(&code, 16).unwrap_or_else(|e| panic!("{case} {shape}: {e}"));
            formed.extend(readers);
        }
        let all = crate::engine::isa::for_each_reader!(paying_reader_names);
        assert_eq!(all.len(), 150);
        let missing: Vec<_> = all.iter().filter(|n| !formed.contains(**n)).collect();
        assert!(missing.is_empty(), "never formed: {missing:?}");
    }

    #[test]
    fn the_verifier_checks_a_paying_reader_as_the_branch_it_stands_for() {
        let with = |branch: Instr, then: Instr| {
            [
                Instr::ConsumeGas { lo: 2, hi: 0 },
                Instr::I32AddImm {
                    dst: 1,
                    lhs: 1,
                    imm: 1,
                },
                branch,
                then,
                Instr::Return1 { src: 1 },
            ]
        };
        let pay_both = Instr::BrI32LtUPayBothAcc {
            lhs: 1,
            rhs: 0,
            offset: -1,
            cost: 2,
        };
        let right = with(pay_both, Instr::ConsumeGas { lo: 1, hi: 0 });
        assert!(verify::verify(&right, 2).is_ok());
        let no_consume_gas_after = with(pay_both, Instr::Const32 { dst: 1, val: 0 });
        let error = verify::verify(&no_consume_gas_after, 2).expect_err("rejected");
        assert!(
            error.to_string().contains("not followed by a ConsumeGas"),
            "{error}"
        );
        let pay = Instr::BrI32LtUPayAcc {
            lhs: 1,
            rhs: 0,
            offset: -1,
            cost: 2,
        };
        let landing_wrong = [
            Instr::ConsumeGas { lo: 2, hi: 0 },
            Instr::Const32 { dst: 1, val: 0 },
            Instr::I32AddImm {
                dst: 1,
                lhs: 1,
                imm: 1,
            },
            pay,
            Instr::Return1 { src: 1 },
        ];
        let error = verify::verify(&landing_wrong, 2).expect_err("rejected");
        assert!(error.to_string().contains("does not land after"), "{error}");
        let first = Instr::BrIfNezPayFirstAcc {
            cond: 1,
            offset: -1,
            cost: 2,
        };
        let error =
            verify::verify(&with(first, Instr::Return1 { src: 1 }), 2).expect_err("rejected");
        assert!(error.to_string().contains("pay-first"), "{error}");
    }

    #[test]
    fn an_if_whose_then_arm_costs_nothing_keeps_the_paying_form() {
        let code = code(
            r#"(module (global $g (mut i32) (i32.const 0))
              (func (param $n i32)
                (if (local.get $n)
                  (then)
                  (else (global.set $g (i32.const 7))))))"#,
            true,
        );
        assert!(
            code.iter()
                .any(|i| matches!(i, Instr::BrIfNezPay { .. })
                    || matches!(i, Instr::BrIfEqzPay { .. })),
            "{code:?}"
        );
        assert!(!code.iter().any(is_paying_both), "{code:?}");
    }

    /// A loop reading a constant (hoisted: written by the function's entry before its first
    /// block), after an `if` whose `else` arm ends in a constant falling into the join.
    const CONSTANTS: &str = r#"(module (func (param $n i32) (result i32) (local $acc i32)
        (local.set $acc
          (if (result i32) (local.get $n) (then (local.get $n)) (else (i32.const 77))))
        (loop $l
          (local.set $acc (i32.sub (i32.const 1000) (local.get $acc)))
          (local.set $n (i32.add (local.get $n) (i32.const 1)))
          (br_if $l (i32.lt_u (local.get $n) (i32.const 5))))
        (local.get $acc)))"#;

    #[test]
    fn a_constant_falling_into_a_block_pays_for_it_in_the_same_dispatch() {
        let code = code(CONSTANTS, true);
        let paying: Vec<usize> = (0..code.len())
            .filter(|&at| is_paying_next(&code[at]))
            .collect();
        // The entry's hoisted constant, and the `else` arm's value.
        assert_eq!(paying.len(), 2, "{code:?}");
        assert_eq!(paying[0], 0, "{code:?}");
        for at in paying {
            let cost = code[at].cost().expect("a carried cost");
            assert_eq!(
                super::super::gas_charged(&code[at + 1]),
                Some(cost),
                "{code:?}"
            );
        }
        verify::verify(&code, 8).expect("verified");
        // Unmetered, the constants stay as they are.
        let plain = crate::engine::translator::test_code(CONSTANTS, false);
        assert!(!plain.iter().any(is_paying_next), "{plain:?}");
        // A block dearer than 16 bits lets its `ConsumeGas` pay.
        let dear = crate::engine::translator::test_code_priced(CONSTANTS, 70_000);
        assert!(!dear.iter().any(is_paying_next), "{dear:?}");
        assert!(
            dear.iter().any(|i| matches!(i, Instr::Const32 { .. })),
            "{dear:?}"
        );
    }

    #[test]
    fn the_verifier_rejects_a_paying_constant_without_its_consume_gas() {
        let with = |after: Instr| {
            [
                Instr::Const32PayNext {
                    dst: 1,
                    val: 7,
                    cost: 2,
                },
                after,
                Instr::Return1 { src: 1 },
            ]
        };
        assert!(verify::verify(&with(Instr::ConsumeGas { lo: 2, hi: 0 }), 2).is_ok());
        for wrong in [
            Instr::ConsumeGas { lo: 3, hi: 0 },
            Instr::Const32 { dst: 1, val: 0 },
        ] {
            let error = verify::verify(&with(wrong), 2).expect_err("rejected");
            assert!(
                error.to_string().contains("not followed by its ConsumeGas"),
                "{error}"
            );
        }
    }

    #[test]
    fn a_br_if_out_of_a_block_pays_for_the_code_after_it() {
        let code = code(
            r#"(module (func (param $n i32) (result i32)
              (block $out
                (br_if $out (local.get $n))
                (local.set $n (i32.const 5)))
              (i32.add (local.get $n) (i32.const 1))))"#,
            true,
        );
        assert_pays_forward(&code, 3, |i| match i {
            Instr::BrIfNezPay { offset, .. } => Some(*offset),
            _ => None,
        });
    }

    /// Asserts that `code` holds a branch `offset_of` names, which lands forward right after a
    /// `ConsumeGas` costing `cost`.
    fn assert_pays_forward(code: &[Instr], cost: u32, offset_of: impl Fn(&Instr) -> Option<i32>) {
        let (at, offset) = code
            .iter()
            .enumerate()
            .find_map(|(pc, i)| offset_of(i).map(|offset| (pc, offset)))
            .unwrap_or_else(|| panic!("a paying forward branch: {code:?}"));
        let target = (at as i32 + offset) as usize;
        assert!(target - 1 > at, "forward");
        assert!(matches!(
            code[target - 1],
            Instr::ConsumeGas { lo, hi: 0 } if lo == cost
        ));
    }

    #[test]
    fn a_branch_table_whose_entries_all_land_on_blocks_pays_for_them() {
        let code = code(
            r#"(module (func (param $n i32) (result i32)
              (block $c (block $b (block $a
                (br_table $a $b $c (local.get $n)))
                (return (i32.const 1)))
                (return (i32.const 2)))
              (i32.const 3)))"#,
            true,
        );
        let at = code
            .iter()
            .position(|i| matches!(i, Instr::BrTablePay { len: 2, .. }))
            .unwrap_or_else(|| panic!("a paying br_table: {code:?}"));
        for entry in at + 1..at + 4 {
            let Instr::BrPay { offset, cost } = code[entry] else {
                panic!("a paying entry at {entry}: {code:?}");
            };
            let target = (entry as i32 + offset) as usize;
            let Instr::ConsumeGas { lo, hi: 0 } = code[target - 1] else {
                panic!("a ConsumeGas before the target of {entry}: {code:?}");
            };
            assert_eq!(u32::from(cost), lo, "the entry at {entry} carries its cost");
        }
    }

    #[test]
    fn a_branch_table_with_an_entry_that_returns_keeps_plain_entries() {
        let code = code(
            r#"(module (global $g (mut i32) (i32.const 0))
              (func (param $n i32)
                (block $a (br_table $a 1 (local.get $n)))
                (global.set $g (i32.const 2))))"#,
            true,
        );
        let at = code
            .iter()
            .position(|i| matches!(i, Instr::BrTable { .. }))
            .expect("a br_table");
        assert!(matches!(code[at + 1], Instr::Br { .. }), "{code:?}");
        assert!(matches!(code[at + 2], Instr::Br { .. }), "{code:?}");
    }

    #[test]
    fn an_unmetered_forward_branch_stays_plain() {
        let code = code(
            r#"(module (func (param $n i32) (result i32)
              (if (result i32) (local.get $n)
                (then (i32.const 1))
                (else (i32.const 2)))))"#,
            false,
        );
        assert!(!code.iter().any(is_paying), "{code:?}");
    }

    #[test]
    fn an_unmetered_back_edge_stays_plain() {
        let code = code(COUNTER, false);
        assert!(code
            .iter()
            .any(|i| matches!(i, Instr::BrI32LtU { .. } | Instr::StepBrI32LtU { .. })));
        assert!(!code.iter().any(is_paying));
    }

    #[test]
    fn every_paying_form_is_a_paying_branch_with_the_same_operands() {
        let plain = [
            Instr::Br { offset: 3 },
            Instr::BrIfNez { cond: 1, offset: 3 },
            Instr::BrI64IfEqz { cond: 1, offset: 3 },
            Instr::BrI32GeS {
                lhs: 1,
                rhs: 2,
                offset: 3,
            },
            Instr::BrI64LtUImm {
                lhs: 1,
                imm: -5,
                offset: 3,
            },
            Instr::StepBrI32GeSImm {
                reg: 1,
                step: -2,
                imm: 9,
                offset: 3,
            },
        ];
        for branch in plain {
            let pay = paying(branch).expect("a paying form");
            assert!(is_paying(&pay) && !is_paying(&branch), "{branch:?}");
            if let Some(first) = paying_first(branch) {
                assert!(is_paying_first(&first) && !is_paying(&first), "{branch:?}");
                assert_eq!(first.branch_offset(), Some(3));
            }
            assert_eq!(pay.branch_offset(), Some(3));
            let (mut a, mut b) = (Vec::new(), Vec::new());
            branch.for_each_reg(|r| a.push(r));
            pay.for_each_reg(|r| b.push(r));
            assert_eq!(a, b, "{branch:?}");
        }
        assert_eq!(paying(Instr::Return0), None);
    }

    #[test]
    fn every_form_paying_either_way_keeps_the_operands_of_its_paying_branch() {
        let plain = [
            Instr::BrIfEqz { cond: 1, offset: 3 },
            Instr::BrI64IfNez { cond: 1, offset: 3 },
            Instr::BrI32LtU {
                lhs: 1,
                rhs: 2,
                offset: 3,
            },
            Instr::BrI64GeSImm {
                lhs: 1,
                imm: -5,
                offset: 3,
            },
        ];
        for branch in plain {
            let pay = paying(branch).expect("a paying form");
            let both = paying_both(pay).expect("a form paying either way");
            assert!(is_paying_both(&both) && !is_paying_both(&pay), "{branch:?}");
            assert!(!is_paying(&both) && !is_paying_first(&both), "{branch:?}");
            assert_eq!(both.branch_offset(), Some(3));
            let (mut a, mut b) = (Vec::new(), Vec::new());
            pay.for_each_reg(|r| a.push(r));
            both.for_each_reg(|r| b.push(r));
            assert_eq!(a, b, "{branch:?}");
        }
        // Neither an unconditional branch, a plain one nor a pay-first one.
        assert_eq!(paying_both(Instr::BrPay { offset: 3, cost: 1 }), None);
        assert_eq!(paying_both(Instr::BrIfEqz { cond: 1, offset: 3 }), None);
        let first = paying_first(Instr::BrIfEqz { cond: 1, offset: 3 });
        assert_eq!(first.and_then(paying_both), None);
    }
}
