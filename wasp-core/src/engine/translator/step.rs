//! Fusing a counter step with the conditional branch that tests it.
//!
//! `local.set $i (i32.add (local.get $i) (i32.const k))` translates to one `I32AddImm` that
//! writes its local in place (`local.set` redirects the result, `ops.rs`). When the branch
//! emitted right after it tests that slot (`br_if` on `i32.lt_u $i $n`, on `$i` itself, the
//! back edge repeating a loop's exit test, an `if`), the two become one `StepBrI32..`
//! instruction: the step and the branch in one dispatch, the loop counter's pattern.
//!
//! A counter stepped by a slot rather than a constant (`local.set $j (i32.add (local.get $j)
//! (local.get $stride))`, a strided loop's step, the sieve's `j += i`), tested against another
//! slot right after, fuses the same way into a `StepRegBr..` instruction (i32 and i64, every
//! comparison), its step in a data word after it. Metered, they take paying forms as the
//! others do (`StepRegBr..Pay`, `..PayFirst`), which read the cost from the loop's
//! `ConsumeGas`.
//!
//! The fusion is sound when no branch lands between the two instructions, which would skip
//! the step: the translator notes where it last bound a label (`Translator::label_at`), and a
//! step fuses only with a branch placed right after it with no label in between. Neither
//! instruction traps or pauses, and gas is paid per Wasm operator by the block's
//! `ConsumeGas`, so results, gas and pause points are those of the two instructions run one
//! after the other. A fused branch into a loop that starts with a `ConsumeGas` (gas metering)
//! takes its paying form (`StepBrI32..Pay`, `pay.rs`), which carries the cost it pays in
//! 8 bits beside a step of 8 bits (a wider step, or a dearer block, takes the wide form
//! `StepBrI32..PayWide`, which reads the cost from the `ConsumeGas`); the back edge
//! repeating a loop's exit test takes its pay-first form (`StepBrI32..PayFirst`, likewise
//! with a wide form), which steps, pays, then tests.

use super::Translator;
use crate::engine::ir::{Instr, Reg};

impl Translator<'_> {
    /// Emits the conditional branch `branch`, fused with the counter step right before it
    /// when it tests the step's slot, or with the load right before it when it tests the
    /// loaded slot for zero (`load_branch.rs`); returns the index of the instruction that
    /// branches.
    /// Failing that, fuses it with a counter stepped by a slot right before it
    /// ([`Translator::fuse_slot_step`]) or with a copy (`copy_branch.rs`).
    pub(super) fn emit_branch(&mut self, branch: Instr) -> usize {
        match self.fused_step(branch).or_else(|| self.fused_load(branch)) {
            Some(fused) => {
                self.code.pop();
                self.emit(fused)
            }
            None => match self
                .fuse_slot_step(branch)
                .or_else(|| self.fuse_copy_branch(branch))
            {
                Some(at) => at,
                None => self.emit(branch),
            },
        }
    }

    /// Emits the pay-first form of the conditional branch `branch` (`pay.rs`), fused with the
    /// counter step right before it when it tests the step's slot (stepped by a constant or,
    /// failing that, by a slot); returns the index of the instruction that branches, or `None`
    /// (nothing emitted) if `branch` has no pay-first form.
    pub(super) fn emit_paying_first(&mut self, branch: Instr) -> Option<usize> {
        let fused = self.fused_step(branch).and_then(super::pay::paying_first);
        match fused {
            Some(fused) => {
                self.code.pop();
                Some(self.emit(fused))
            }
            None => match self.fuse_slot_step_as(branch, super::pay::paying_first) {
                Some(at) => Some(at),
                None => Some(self.emit(super::pay::paying_first(branch)?)),
            },
        }
    }

    /// The fusion of the last instruction, a counter step, with `branch` about to follow it.
    fn fused_step(&self, branch: Instr) -> Option<Instr> {
        let at = self.code.len().checked_sub(1)?;
        if self.label_at > at {
            return None;
        }
        if let Some((reg, step)) = step_of(self.code[at]) {
            return with_step(branch, reg, step);
        }
        let (reg, step) = step64_of(self.code[at])?;
        with_step64(branch, reg, step)
    }

    /// Makes the last instruction, a counter stepped by a slot, and `branch` about to follow
    /// it one `StepRegBr..` instruction and its data word, if `branch` compares the counter
    /// with another slot; returns the index of the instruction that branches.
    pub(super) fn fuse_slot_step(&mut self, branch: Instr) -> Option<usize> {
        self.fuse_slot_step_as(branch, Some)
    }

    /// [`Translator::fuse_slot_step`], the fused instruction given the form `form` makes of
    /// it (its pay-first form); nothing fuses where `form` gives `None`.
    fn fuse_slot_step_as(
        &mut self,
        branch: Instr,
        form: impl Fn(Instr) -> Option<Instr>,
    ) -> Option<usize> {
        let at = self.code.len().checked_sub(1)?;
        if self.label_at > at {
            return None;
        }
        let (fused, step) = match self.code[at] {
            Instr::I32Add { dst, lhs, rhs } => {
                let (reg, step) = stepped(dst, lhs, rhs)?;
                (form(with_slot_step(branch, reg)?)?, step)
            }
            Instr::I64Add { dst, lhs, rhs } => {
                let (reg, step) = stepped(dst, lhs, rhs)?;
                (form(with_slot_step64(branch, reg)?)?, step)
            }
            _ => return None,
        };
        self.code[at] = fused;
        self.code.push(Instr::Data {
            a: step,
            b: 0,
            c: 0,
        });
        self.last_result = None;
        Some(at)
    }
}

/// `(slot, step)` when an addition of `lhs` and `rhs` into `dst` adds a slot to `dst` in
/// place (a counter stepped by a slot), the step being another slot.
fn stepped(dst: Reg, lhs: Reg, rhs: Reg) -> Option<(Reg, Reg)> {
    match (lhs == dst, rhs == dst) {
        (true, false) => Some((dst, rhs)),
        (false, true) => Some((dst, lhs)),
        _ => None,
    }
}

/// `(slot, step)` when `instr` adds a constant that fits in 16 bits to a slot in place.
fn step_of(instr: Instr) -> Option<(Reg, i16)> {
    let (reg, step) = match instr {
        Instr::I32AddImm { dst, lhs, imm } if dst == lhs => (dst, imm),
        Instr::I32SubImm { dst, lhs, imm } if dst == lhs => (dst, imm.checked_neg()?),
        _ => return None,
    };
    Some((reg, i16::try_from(step).ok()?))
}

/// `(slot, step)` when `instr` adds a constant that fits in 16 bits to an i64 slot in place.
fn step64_of(instr: Instr) -> Option<(Reg, i16)> {
    let (reg, step) = match instr {
        Instr::I64AddImm { dst, lhs, imm } if dst == lhs => (dst, imm),
        Instr::I64SubImm { dst, lhs, imm } if dst == lhs => (dst, imm.checked_neg()?),
        _ => return None,
    };
    Some((reg, i16::try_from(step).ok()?))
}

/// Generates [`with_step`] from the table of i32 comparisons below.
macro_rules! step_fusion {
    ($($br:ident, $br_imm:ident => $step:ident, $step_imm:ident; swapped $swap:ident;)*) => {
        /// `branch` preceded by `reg += step` as one instruction, if `branch` tests `reg`
        /// (a comparison with `reg` on either side and the other operand elsewhere, or a
        /// test for zero).
        fn with_step(branch: Instr, reg: Reg, step: i16) -> Option<Instr> {
            Some(match branch {
                $(
                    Instr::$br { lhs, rhs, offset } if lhs == reg && rhs != reg => {
                        Instr::$step { reg, rhs, step, offset }
                    }
                    Instr::$br { lhs, rhs, offset } if rhs == reg && lhs != reg => {
                        Instr::$swap { reg, rhs: lhs, step, offset }
                    }
                    Instr::$br_imm { lhs, imm, offset } if lhs == reg => {
                        Instr::$step_imm { reg, step, imm, offset }
                    }
                )*
                Instr::BrIfNez { cond, offset } if cond == reg => {
                    Instr::StepBrI32NeImm { reg, step, imm: 0, offset }
                }
                Instr::BrIfEqz { cond, offset } if cond == reg => {
                    Instr::StepBrI32EqImm { reg, step, imm: 0, offset }
                }
                _ => return None,
            })
        }
    };
}

step_fusion! {
    BrI32Eq, BrI32EqImm => StepBrI32Eq, StepBrI32EqImm; swapped StepBrI32Eq;
    BrI32Ne, BrI32NeImm => StepBrI32Ne, StepBrI32NeImm; swapped StepBrI32Ne;
    BrI32LtS, BrI32LtSImm => StepBrI32LtS, StepBrI32LtSImm; swapped StepBrI32GtS;
    BrI32LtU, BrI32LtUImm => StepBrI32LtU, StepBrI32LtUImm; swapped StepBrI32GtU;
    BrI32GtS, BrI32GtSImm => StepBrI32GtS, StepBrI32GtSImm; swapped StepBrI32LtS;
    BrI32GtU, BrI32GtUImm => StepBrI32GtU, StepBrI32GtUImm; swapped StepBrI32LtU;
    BrI32LeS, BrI32LeSImm => StepBrI32LeS, StepBrI32LeSImm; swapped StepBrI32GeS;
    BrI32LeU, BrI32LeUImm => StepBrI32LeU, StepBrI32LeUImm; swapped StepBrI32GeU;
    BrI32GeS, BrI32GeSImm => StepBrI32GeS, StepBrI32GeSImm; swapped StepBrI32LeS;
    BrI32GeU, BrI32GeUImm => StepBrI32GeU, StepBrI32GeUImm; swapped StepBrI32LeU;
}

/// Generates [`with_step64`] from the table of i64 comparisons below.
macro_rules! step_fusion64 {
    ($($br:ident, $br_imm:ident => $step:ident, $step_imm:ident; swapped $swap:ident;)*) => {
        /// `branch` preceded by the i64 `reg += step` as one instruction, if `branch` tests
        /// `reg` (as [`with_step`] for i32).
        fn with_step64(branch: Instr, reg: Reg, step: i16) -> Option<Instr> {
            Some(match branch {
                $(
                    Instr::$br { lhs, rhs, offset } if lhs == reg && rhs != reg => {
                        Instr::$step { reg, rhs, step, offset }
                    }
                    Instr::$br { lhs, rhs, offset } if rhs == reg && lhs != reg => {
                        Instr::$swap { reg, rhs: lhs, step, offset }
                    }
                    Instr::$br_imm { lhs, imm, offset } if lhs == reg => {
                        Instr::$step_imm { reg, step, imm, offset }
                    }
                )*
                Instr::BrI64IfNez { cond, offset } if cond == reg => {
                    Instr::StepBrI64NeImm { reg, step, imm: 0, offset }
                }
                Instr::BrI64IfEqz { cond, offset } if cond == reg => {
                    Instr::StepBrI64EqImm { reg, step, imm: 0, offset }
                }
                _ => return None,
            })
        }
    };
}

step_fusion64! {
    BrI64Eq, BrI64EqImm => StepBrI64Eq, StepBrI64EqImm; swapped StepBrI64Eq;
    BrI64Ne, BrI64NeImm => StepBrI64Ne, StepBrI64NeImm; swapped StepBrI64Ne;
    BrI64LtS, BrI64LtSImm => StepBrI64LtS, StepBrI64LtSImm; swapped StepBrI64GtS;
    BrI64LtU, BrI64LtUImm => StepBrI64LtU, StepBrI64LtUImm; swapped StepBrI64GtU;
    BrI64GtS, BrI64GtSImm => StepBrI64GtS, StepBrI64GtSImm; swapped StepBrI64LtS;
    BrI64GtU, BrI64GtUImm => StepBrI64GtU, StepBrI64GtUImm; swapped StepBrI64LtU;
    BrI64LeS, BrI64LeSImm => StepBrI64LeS, StepBrI64LeSImm; swapped StepBrI64GeS;
    BrI64LeU, BrI64LeUImm => StepBrI64LeU, StepBrI64LeUImm; swapped StepBrI64GeU;
    BrI64GeS, BrI64GeSImm => StepBrI64GeS, StepBrI64GeSImm; swapped StepBrI64LeS;
    BrI64GeU, BrI64GeUImm => StepBrI64GeU, StepBrI64GeUImm; swapped StepBrI64LeU;
}

/// Generates [`with_slot_step`] and [`with_slot_step64`] from the tables of comparisons
/// below.
macro_rules! slot_step_fusion {
    ($name:ident, $width:literal; $($br:ident => $step:ident; swapped $swap:ident;)*) => {
        #[doc = concat!("`branch` preceded by the ", $width, " `reg += step` (`step` a slot) as one")]
        /// instruction (its step to go in the data word after it), if `branch` compares `reg`
        /// with another slot.
        fn $name(branch: Instr, reg: Reg) -> Option<Instr> {
            Some(match branch {
                $(
                    Instr::$br { lhs, rhs, offset } if lhs == reg && rhs != reg => {
                        Instr::$step { reg, rhs, offset }
                    }
                    Instr::$br { lhs, rhs, offset } if rhs == reg && lhs != reg => {
                        Instr::$swap { reg, rhs: lhs, offset }
                    }
                )*
                _ => return None,
            })
        }
    };
}

slot_step_fusion! {
    with_slot_step, "i32";
    BrI32Eq => StepRegBrI32Eq; swapped StepRegBrI32Eq;
    BrI32Ne => StepRegBrI32Ne; swapped StepRegBrI32Ne;
    BrI32LtS => StepRegBrI32LtS; swapped StepRegBrI32GtS;
    BrI32LtU => StepRegBrI32LtU; swapped StepRegBrI32GtU;
    BrI32GtS => StepRegBrI32GtS; swapped StepRegBrI32LtS;
    BrI32GtU => StepRegBrI32GtU; swapped StepRegBrI32LtU;
    BrI32LeS => StepRegBrI32LeS; swapped StepRegBrI32GeS;
    BrI32LeU => StepRegBrI32LeU; swapped StepRegBrI32GeU;
    BrI32GeS => StepRegBrI32GeS; swapped StepRegBrI32LeS;
    BrI32GeU => StepRegBrI32GeU; swapped StepRegBrI32LeU;
}

slot_step_fusion! {
    with_slot_step64, "i64";
    BrI64Eq => StepRegBrI64Eq; swapped StepRegBrI64Eq;
    BrI64Ne => StepRegBrI64Ne; swapped StepRegBrI64Ne;
    BrI64LtS => StepRegBrI64LtS; swapped StepRegBrI64GtS;
    BrI64LtU => StepRegBrI64LtU; swapped StepRegBrI64GtU;
    BrI64GtS => StepRegBrI64GtS; swapped StepRegBrI64LtS;
    BrI64GtU => StepRegBrI64GtU; swapped StepRegBrI64LtU;
    BrI64LeS => StepRegBrI64LeS; swapped StepRegBrI64GeS;
    BrI64LeU => StepRegBrI64LeU; swapped StepRegBrI64GeU;
    BrI64GeS => StepRegBrI64GeS; swapped StepRegBrI64LeS;
    BrI64GeU => StepRegBrI64GeU; swapped StepRegBrI64LeU;
}

#[cfg(test)]
mod tests {
    use super::super::verify;
    use crate::engine::ir::Instr;

    fn code(wat: &str, gas: bool) -> Vec<Instr> {
        crate::engine::translator::test_code(wat, gas)
    }

    fn count(code: &[Instr], f: impl Fn(&Instr) -> bool) -> usize {
        code.iter().filter(|i| f(i)).count()
    }

    fn is_step(instr: &Instr) -> bool {
        format!("{instr:?}").starts_with("StepBr")
    }

    #[test]
    fn a_counter_step_and_the_branch_testing_it_are_one_instruction() {
        let code = code(
            r#"(module (func (param $n i32) (result i32) (local $i i32)
              (loop $l
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
              (local.get $i)))"#,
            false,
        );
        assert!(
            matches!(
                code[0],
                Instr::StepBrI32LtU {
                    reg: 1,
                    rhs: 0,
                    step: 1,
                    offset: 0
                }
            ),
            "{code:?}"
        );
        assert_eq!(count(&code, |i| matches!(i, Instr::I32AddImm { .. })), 0);
    }

    #[test]
    fn the_counter_on_the_right_swaps_the_comparison_and_a_decrement_steps_down() {
        let code = code(
            r#"(module (func (param $n i32) (result i32)
              (loop $l
                (local.set $n (i32.sub (local.get $n) (i32.const 3)))
                (br_if $l (i32.gt_s (i32.const 10) (local.get $n))))
              (local.get $n)))"#,
            false,
        );
        // `10 > n` is `n < 10` (the constant, read in a loop, is hoisted into slot 1).
        assert!(
            code.iter().any(|i| matches!(
                i,
                Instr::StepBrI32LtS {
                    reg: 0,
                    rhs: 1,
                    step: -3,
                    ..
                }
            )),
            "{code:?}"
        );
    }

    #[test]
    fn a_branch_on_the_counter_itself_tests_it_against_zero() {
        let code = code(
            r#"(module (func (param $n i32) (result i32)
              (loop $l
                (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                (br_if $l (local.get $n)))
              (local.get $n)))"#,
            false,
        );
        assert!(
            matches!(
                code[0],
                Instr::StepBrI32NeImm {
                    reg: 0,
                    step: -1,
                    imm: 0,
                    offset: 0
                }
            ),
            "{code:?}"
        );
    }

    #[test]
    fn the_back_edge_repeating_the_exit_test_takes_the_step() {
        let code = code(
            r#"(module (func (param $n i32) (result i32) (local $i i32)
              (block $out
                (loop $l
                  (br_if $out (i32.ge_u (local.get $i) (local.get $n)))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br $l)))
              (local.get $i)))"#,
            false,
        );
        assert_eq!(count(&code, |i| matches!(i, Instr::StepBrI32LtU { .. })), 1);
        assert_eq!(count(&code, |i| matches!(i, Instr::I32AddImm { .. })), 0);
    }

    #[test]
    fn an_i64_counter_steps_with_its_test_and_the_back_edge_repeating_it() {
        let code = code(
            r#"(module (func (param $n i64) (result i64) (local $i i64)
              (block $out
                (loop $l
                  (br_if $out (i64.ge_u (local.get $i) (local.get $n)))
                  (local.set $i (i64.add (local.get $i) (i64.const 1)))
                  (br $l)))
              (loop $down
                (local.set $n (i64.sub (local.get $n) (i64.const 2)))
                (br_if $down (i64.gt_s (local.get $n) (i64.const 0))))
              (local.get $i)))"#,
            false,
        );
        assert_eq!(count(&code, |i| matches!(i, Instr::StepBrI64LtU { .. })), 1);
        assert!(
            code.iter().any(|i| matches!(
                i,
                Instr::StepBrI64GtSImm {
                    reg: 0,
                    step: -2,
                    imm: 0,
                    ..
                }
            )),
            "{code:?}"
        );
        assert_eq!(count(&code, |i| matches!(i, Instr::I64AddImm { .. })), 0);
        assert_eq!(count(&code, |i| matches!(i, Instr::I64SubImm { .. })), 0);
    }

    #[test]
    fn a_metered_i64_back_edge_takes_the_paying_form() {
        let code = code(
            r#"(module (func (param $n i64) (result i64)
              (loop $l
                (local.set $n (i64.add (local.get $n) (i64.const -1)))
                (br_if $l (i64.ne (local.get $n) (i64.const 0))))
              (local.get $n)))"#,
            true,
        );
        assert!(
            matches!(
                code[1],
                Instr::StepBrI64NeImmPay {
                    reg: 0,
                    step: -1,
                    imm: 0,
                    cost: 8,
                    offset: 0
                }
            ),
            "{code:?}"
        );
    }

    #[test]
    fn no_fusion_across_a_label() {
        // The block's end is a branch target between the step and the test.
        let code = code(
            r#"(module (func (param $n i32) (result i32) (local $i i32)
              (block $b
                (br_if $b (local.get $n))
                (local.set $i (i32.add (local.get $i) (i32.const 1))))
              (if (i32.eqz (local.get $i)) (then (return (i32.const 7))))
              (local.get $i)))"#,
            false,
        );
        assert_eq!(count(&code, is_step), 0, "{code:?}");
    }

    #[test]
    fn no_fusion_when_the_step_does_not_fit_or_the_test_reads_another_slot() {
        for (step, test) in [
            ("70000", "(i32.lt_u (local.get $i) (local.get $n))"),
            ("1", "(i32.lt_u (local.get $n) (local.get $n))"),
            ("1", "(i32.lt_u (local.get $i) (local.get $i))"),
        ] {
            let code = code(
                &format!(
                    r#"(module (func (param $n i32) (result i32) (local $i i32)
                      (loop $l
                        (local.set $i (i32.add (local.get $i) (i32.const {step})))
                        (br_if $l {test}))
                      (local.get $i)))"#
                ),
                false,
            );
            assert_eq!(count(&code, is_step), 0, "{step} {test}: {code:?}");
        }
    }

    #[test]
    fn a_metered_back_edge_takes_the_paying_form_of_the_fused_branch() {
        let code = code(
            r#"(module (func (param $n i32) (result i32) (local $i i32)
              (loop $l
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
              (local.get $i)))"#,
            true,
        );
        assert!(
            matches!(
                code[1],
                Instr::StepBrI32LtUPay {
                    reg: 1,
                    rhs: 0,
                    step: 1,
                    cost: 8,
                    offset: 0
                }
            ),
            "{code:?}"
        );
        assert!(matches!(code[0], Instr::ConsumeGas { .. }), "{code:?}");
    }

    #[test]
    fn a_metered_back_edge_keeps_its_paying_form_and_a_forward_test_fuses() {
        let code = code(
            r#"(module (func (param $n i32) (result i32) (local $i i32)
              (block $out
                (loop $l
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $out (i32.ge_u (local.get $i) (local.get $n)))
                  (br $l)))
              (local.get $i)))"#,
            true,
        );
        // The forward test pays for the block after the loop (`pay.rs`).
        assert_eq!(
            count(&code, |i| matches!(i, Instr::StepBrI32GeUPay { .. })),
            1
        );
        assert_eq!(count(&code, |i| matches!(i, Instr::BrPay { .. })), 1);
    }

    /// A loop over `$j` stepped by `$s`, the step and the test written as given.
    fn strided(step: &str, test: &str, ty: &str) -> Vec<Instr> {
        code(
            &format!(
                r#"(module (func (param $j {ty}) (param $s {ty}) (param $n {ty}) (result {ty})
                  (loop $l
                    (local.set $j {step})
                    (br_if $l {test}))
                  (local.get $j)))"#
            ),
            false,
        )
    }

    #[test]
    fn a_counter_stepped_by_a_slot_and_the_branch_testing_it_are_one_instruction() {
        let code = strided(
            "(i32.add (local.get $j) (local.get $s))",
            "(i32.lt_u (local.get $j) (local.get $n))",
            "i32",
        );
        assert!(
            matches!(
                code[..2],
                [
                    Instr::StepRegBrI32LtU {
                        reg: 0,
                        rhs: 2,
                        offset: 0
                    },
                    Instr::Data { a: 1, .. }
                ]
            ),
            "{code:?}"
        );
        assert_eq!(count(&code, |i| matches!(i, Instr::I32Add { .. })), 0);
        // The step on either side of the addition, the counter on either side of the test.
        let code = strided(
            "(i64.add (local.get $s) (local.get $j))",
            "(i64.gt_s (local.get $n) (local.get $j))",
            "i64",
        );
        assert!(
            matches!(
                code[..2],
                [
                    Instr::StepRegBrI64LtS { reg: 0, rhs: 2, .. },
                    Instr::Data { a: 1, .. }
                ]
            ),
            "{code:?}"
        );
        // Metered, a branch back into the loop pays for its first block when taken, and the
        // back edge repeating a loop's exit test pays first; both stay one instruction.
        let metered = |body: &str| {
            super::super::test_code(
                &format!(
                    "(module (func (param $j i32) (param $s i32) (param $n i32) (result i32)
                       {body} (local.get $j)))"
                ),
                true,
            )
        };
        let pays = metered(
            "(loop $l
               (local.set $j (i32.add (local.get $j) (local.get $s)))
               (br_if $l (i32.lt_u (local.get $j) (local.get $n))))",
        );
        let first = metered(
            "(block $out
               (loop $l
                 (br_if $out (i32.ge_u (local.get $j) (local.get $n)))
                 (local.set $j (i32.add (local.get $j) (local.get $s)))
                 (br $l)))",
        );
        for (code, name) in [
            (pays, "StepRegBrI32LtUPay {"),
            (first, "StepRegBrI32LtUPayFirst {"),
        ] {
            let named = count(&code, |i| format!("{i:?}").starts_with(name));
            assert_eq!(named, 1, "{code:?}");
            assert_eq!(
                count(&code, |i| matches!(i, Instr::I32Add { .. })),
                0,
                "{code:?}"
            );
            verify::verify(&code, 8).unwrap_or_else(|e| panic!("{e}: {code:?}"));
        }
    }

    #[test]
    fn a_counter_doubled_or_tested_against_itself_or_its_step_alone_is_not_fused() {
        for (step, test) in [
            // `j += j`: the step is the counter.
            (
                "(i32.add (local.get $j) (local.get $j))",
                "(i32.lt_u (local.get $j) (local.get $n))",
            ),
            // The test does not read the counter.
            (
                "(i32.add (local.get $j) (local.get $s))",
                "(i32.lt_u (local.get $s) (local.get $n))",
            ),
            // The counter against itself.
            (
                "(i32.add (local.get $j) (local.get $s))",
                "(i32.lt_u (local.get $j) (local.get $j))",
            ),
        ] {
            let code = strided(step, test, "i32");
            assert_eq!(
                count(&code, |i| format!("{i:?}").starts_with("StepRegBr")),
                0,
                "{step} {test}: {code:?}"
            );
        }
    }
}
