//! A copy joins the move just before it in one instruction.
//!
//! C compilers leave many moves between locals in their Wasm: the values a block or an `if`
//! arm hands to the code after it, the locals a loop carries to its next iteration, a
//! parallel assignment spelt as `local.set $a (local.get $b)` one local at a time. Each is a
//! `Copy` or, for a constant, a `Const32`, and they often come in runs. A `Copy` emitted
//! right after a `Copy` becomes the second half of an [`Instr::Copy2`], right after a
//! `Const32` the second half of an [`Instr::Const32Copy`]: both moves, in order, in one
//! dispatch. A `Const32` right after a `Const32` (the constant arguments of a call, a run of
//! locals set to constants) becomes the second half of an [`Instr::Const32Pair`].
//!
//! The copy takes the place of a data word, so the code keeps its length and every position
//! recorded while translating (branches waiting for their target, loop heads, the gas block,
//! the operators' offsets) stays right. No branch may land between the two: the pair forms
//! only when no label was bound where the copy goes. Moves never trap, pause or call, and
//! gas is charged per Wasm operator, so results, gas figures and pause points are those of
//! the two moves.

use super::Translator;
use crate::engine::ir::{Instr, Reg};

impl Translator<'_> {
    /// Makes `dst = src` the second half of the `Copy` or `Const32` just emitted, if there is
    /// one and no branch lands here; false (nothing emitted) otherwise.
    pub(super) fn fuse_copy(&mut self, dst: Reg, src: Reg) -> bool {
        self.pair_with_last(src, |last| match last {
            Instr::Copy {
                dst: dst0,
                src: src0,
            } => Some(Instr::Copy2 { dst0, src0, dst }),
            Instr::Const32 { dst: dst0, val } => Some(Instr::Const32Copy { dst0, val, dst }),
            _ => None,
        })
    }

    /// Makes `dst = val` the second half of the `Const32` just emitted, if there is one and
    /// no branch lands here; false (nothing emitted) otherwise.
    pub(super) fn fuse_const(&mut self, dst: Reg, val: u32) -> bool {
        self.pair_with_last(val, |last| const_pair(last, dst))
    }

    /// [`push_paired`] onto the code, if no branch lands here; false (nothing changed)
    /// otherwise.
    fn pair_with_last(&mut self, second: u32, pair: impl FnOnce(Instr) -> Option<Instr>) -> bool {
        if self.label_at >= self.code.len() || !push_paired(&mut self.code, second, pair) {
            return false;
        }
        self.last_result = None;
        true
    }
}

/// The `Const32Pair` that writes the constant of `first`, if it is a `Const32`, then a second
/// one into `dst` (the pair's data word holds its value).
pub(super) fn const_pair(first: Instr, dst: Reg) -> Option<Instr> {
    match first {
        Instr::Const32 { dst: dst0, val } => Some(Instr::Const32Pair { dst0, val, dst }),
        _ => None,
    }
}

/// Replaces the last instruction of `code` by the pair `pair` makes of it, followed by the
/// data word whose `a` is `second` (the second half's operand), if `pair` makes one; false
/// (nothing changed) otherwise.
pub(super) fn push_paired(
    code: &mut Vec<Instr>,
    second: u32,
    pair: impl FnOnce(Instr) -> Option<Instr>,
) -> bool {
    let Some(paired) = code.last().copied().and_then(pair) else {
        return false;
    };
    let last = code.len() - 1;
    code[last] = paired;
    code.push(Instr::Data {
        a: second,
        b: 0,
        c: 0,
    });
    true
}

#[cfg(test)]
mod tests {
    use crate::engine::ir::Instr;

    fn code(body: &str) -> Vec<Instr> {
        let wat = format!(
            r#"(module (func (param $x i32) (param $y i32) (result i32)
              (local $a i32) (local $b i32) {body}))"#
        );
        crate::engine::translator::test_code(&wat, false)
    }

    #[test]
    fn two_copies_in_a_row_are_one_instruction_and_the_next_reads_the_register() {
        let code = code(
            "(local.set $a (local.get $y)) (local.set $b (local.get $x))
             (i32.add (local.get $b) (i32.const 3))",
        );
        assert!(
            matches!(
                code[..],
                [
                    Instr::Copy2 {
                        dst0: 2,
                        src0: 1,
                        dst: 3
                    },
                    Instr::Data { a: 0, .. },
                    Instr::I32AddImmAcc { lhs: 3, imm: 3, .. },
                    ..
                ]
            ),
            "{code:?}"
        );
    }

    #[test]
    fn a_constant_then_a_copy_are_one_instruction() {
        let code =
            code("(local.set $a (i32.const -5)) (local.set $b (local.get $x)) (local.get $b)");
        assert!(
            matches!(
                code[..],
                [
                    Instr::Const32Copy {
                        dst0: 2,
                        val: 0xffff_fffb,
                        dst: 3
                    },
                    Instr::Data { a: 0, .. },
                    ..
                ]
            ),
            "{code:?}"
        );
    }

    #[test]
    fn a_copy_that_a_branch_lands_on_stays_apart() {
        let code = code(
            "(local.set $a (local.get $y))
             (loop $l (local.set $b (local.get $a)) (nop) (local.set $b (local.get $a)))
             (local.get $b)",
        );
        assert!(
            matches!(
                code[..2],
                [
                    Instr::Copy { dst: 2, src: 1 },
                    Instr::Copy2 {
                        dst0: 3,
                        src0: 2,
                        dst: 3
                    },
                ]
            ),
            "{code:?}"
        );
    }

    #[test]
    fn a_select_writes_the_local_its_tee_names() {
        let code = code(
            "(local.tee $a (select (local.get $a) (local.get $x) (local.get $y)))
             (i32.add (local.get $a))",
        );
        assert!(
            matches!(
                code[..],
                [
                    Instr::Select { dst: 2, a: 2, b: 0 },
                    Instr::Data { a: 1, .. },
                    // The select hands its result on in the result register.
                    Instr::I32AddAcc { lhs: 2, rhs: 2, .. },
                    ..
                ]
            ),
            "{code:?}"
        );
        assert!(
            !code.iter().any(|i| matches!(i, Instr::Copy { .. })),
            "{code:?}"
        );
    }

    #[test]
    fn two_constants_in_a_row_are_one_instruction_unless_a_branch_lands_between() {
        let code = code(
            "(local.set $a (i32.const 5)) (local.set $b (i32.const -7))
             (local.set $x (i32.const 9))
             (loop (local.set $y (i32.const 11)) (br_if 0 (local.get $y)))
             (local.get $a)",
        );
        assert!(
            matches!(
                code[..],
                [
                    Instr::Const32Pair {
                        dst0: 2,
                        val: 5,
                        dst: 3
                    },
                    Instr::Data { a: 0xFFFF_FFF9, .. },
                    Instr::Const32 { dst: 0, val: 9 },
                    Instr::Const32 { dst: 1, val: 11 },
                    ..
                ]
            ),
            "{code:?}"
        );
    }

    #[test]
    fn the_prologue_writes_hoisted_constants_in_pairs() {
        let code = code(
            "(loop (local.set $a (select (i32.const 3) (i32.const 4) (local.get $x)))
                   (local.set $b (select (i32.const 5) (local.get $y) (local.get $x)))
                   (br_if 0 (local.get $a)))
             (local.get $b)",
        );
        assert!(
            matches!(
                code[..],
                [
                    Instr::Const32Pair {
                        dst0: 4,
                        val: 4,
                        dst: 5
                    },
                    Instr::Data { a: 3, .. },
                    Instr::Const32 { dst: 6, val: 5 },
                    ..
                ]
            ),
            "{code:?}"
        );
    }
}
