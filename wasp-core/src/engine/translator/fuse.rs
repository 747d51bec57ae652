//! Fusing an integer comparison, or an `i32.and` tested for zero, with the conditional
//! branch that consumes it.
//!
//! Which comparison fuses into which branch is generated from the table of comparisons,
//! [`for_each_compare!`](crate::engine::isa::for_each_compare).

use super::{Operand, Translator};
use crate::engine::ir::Instr;

impl Translator<'_> {
    /// If the condition `cond` (just popped from `pos`) was computed by the last instruction
    /// and that instruction is a test that fuses with a branch (a comparison, a test for zero,
    /// an `i32.and`), removes it and returns the branch taken when the condition holds, with
    /// offset 0. An `i32.eqz` of such a test computed right before it goes too: the branch
    /// is then the test's, inverted.
    pub(super) fn take_condition(&mut self, cond: Operand, pos: usize) -> Option<Instr> {
        if cond != Operand::Temp {
            return None;
        }
        let at = self.last_result?;
        let dst = self.temp(pos);
        let test = self.code[at];
        if result_of(test) != Some(dst) {
            return None;
        }
        let branch = branch_if_true(test, 0)?;
        self.last_result = None;
        if let Some(inner) = self.negated_test(at, test) {
            self.code.truncate(at - 1);
            return inverted(inner);
        }
        self.code.truncate(at);
        Some(branch)
    }

    /// When `test`, at `at`, is an `i32.eqz` of a temporary that the instruction before it
    /// computed with a test that fuses, and no branch lands between the two: the branch taken
    /// when that inner test holds. Nothing else reads the temporary (a temporary is popped
    /// once).
    fn negated_test(&self, at: usize, test: Instr) -> Option<Instr> {
        let Instr::I32Eqz { dst, src } = test else {
            return None;
        };
        let before = at.checked_sub(1)?;
        if src != dst || self.label_at > before {
            return None;
        }
        let inner = self.code[before];
        if result_of(inner) != Some(src) {
            return None;
        }
        branch_if_true(inner, 0)
    }
}

/// The slot `instr` writes its result to, if it has one.
fn result_of(instr: Instr) -> Option<crate::engine::ir::Reg> {
    let mut probe = instr;
    probe.result_mut().copied()
}

/// Generates the fusion of comparisons with branches from the table of comparisons.
macro_rules! fusion {
    (
        binary { $($cmp:ident, $cmp_imm:ident => $br:ident, $br_imm:ident;
                   not $not:ident, $not_imm:ident;)* }
        zero { $($eqz:ident => $br_eqz:ident; not $br_nez:ident;)* }
        test { $($and:ident, $and_imm:ident => $nez:ident, $nez_imm:ident;
                 not $zero:ident, $zero_imm:ident;)* }
        masked { $($masked:ident => $mbr:ident; not $mnot:ident;)* }
    ) => {
        /// The branch taken when the test `cmp` holds (a comparison, a test for zero, an
        /// `i32.and` not zero, a masked comparison), `None` if `cmp` is not a test that fuses.
        pub(super) fn branch_if_true(cmp: Instr, offset: i32) -> Option<Instr> {
            Some(match cmp {
                $(
                    Instr::$cmp { lhs, rhs, .. } => Instr::$br { lhs, rhs, offset },
                    Instr::$cmp_imm { lhs, imm, .. } => Instr::$br_imm { lhs, imm, offset },
                )*
                $(Instr::$eqz { src, .. } => Instr::$br_eqz { cond: src, offset },)*
                $(
                    Instr::$and { lhs, rhs, .. } => Instr::$nez { lhs, rhs, offset },
                    Instr::$and_imm { lhs, imm, .. } => Instr::$nez_imm { lhs, imm, offset },
                )*
                $(
                    Instr::$masked { lhs, imm, imm2, .. } =>
                        Instr::$mbr { lhs, imm, imm2, offset },
                )*
                _ => return None,
            })
        }

        /// The conditional branch taken exactly when `branch` is not (same offset), if
        /// `branch` is a fused comparison, a test for zero or a fused load and test
        /// (`load_branch.rs`).
        pub(super) fn inverted(branch: Instr) -> Option<Instr> {
            Some(match branch {
                $(
                    Instr::$br { lhs, rhs, offset } => Instr::$not { lhs, rhs, offset },
                    Instr::$br_imm { lhs, imm, offset } => Instr::$not_imm { lhs, imm, offset },
                )*
                $(
                    Instr::$br_eqz { cond, offset } => Instr::$br_nez { cond, offset },
                    Instr::$br_nez { cond, offset } => Instr::$br_eqz { cond, offset },
                )*
                $(
                    Instr::$nez { lhs, rhs, offset } => Instr::$zero { lhs, rhs, offset },
                    Instr::$nez_imm { lhs, imm, offset } => Instr::$zero_imm { lhs, imm, offset },
                    Instr::$zero { lhs, rhs, offset } => Instr::$nez { lhs, rhs, offset },
                    Instr::$zero_imm { lhs, imm, offset } => Instr::$nez_imm { lhs, imm, offset },
                )*
                $(
                    Instr::$mbr { lhs, imm, imm2, offset } =>
                        Instr::$mnot { lhs, imm, imm2, offset },
                )*
                _ => return super::load_branch::inverted(branch),
            })
        }
    };
}

crate::engine::isa::for_each_compare!(fusion);

#[cfg(test)]
mod tests {
    use crate::engine::ir::Instr;

    fn code(body: &str) -> Vec<Instr> {
        let wat = format!(
            r#"(module (func (param $x i32) (param $m i32) (result i32) (local $t i32)
              (block $out {body}) (local.get $t)))"#
        );
        crate::engine::translator::test_code(&wat, false)
    }

    #[test]
    fn a_branch_on_an_and_tests_the_bits_and_through_eqz_their_absence() {
        let code = code(
            "(br_if $out (i32.and (local.get $x) (local.get $m)))
             (br_if $out (i32.eqz (i32.and (local.get $x) (i32.const 4))))
             (if (i32.and (local.get $x) (i32.const 8)) (then (local.set $t (i32.const 1))))",
        );
        assert!(
            matches!(code[0], Instr::BrI32AndNez { lhs: 0, rhs: 1, .. }),
            "{code:?}"
        );
        assert!(
            matches!(code[1], Instr::BrI32AndImmEqz { lhs: 0, imm: 4, .. }),
            "{code:?}"
        );
        // An `if` skips its arm when the bits are clear.
        assert!(
            matches!(code[2], Instr::BrI32AndImmEqz { lhs: 0, imm: 8, .. }),
            "{code:?}"
        );
        assert!(!code
            .iter()
            .any(|i| matches!(i, Instr::I32And { .. } | Instr::I32AndImm { .. })));
    }

    #[test]
    fn a_branch_on_a_masked_comparison_is_one_instruction_when_its_constant_is_narrow() {
        let code = code(
            "(br_if $out (i32.eq (i32.and (local.get $x) (i32.const 255)) (i32.const 108)))
             (if (i32.ne (i32.and (local.get $x) (i32.const 7)) (i32.const -1))
               (then (local.set $t (i32.const 1))))
             (br_if $out (i32.eq (i32.and (local.get $x) (i32.const 7)) (i32.const 0x10000)))",
        );
        assert!(
            matches!(
                code[0],
                Instr::BrI32AndImmEqImm {
                    lhs: 0,
                    imm: 255,
                    imm2: 108,
                    ..
                }
            ),
            "{code:?}"
        );
        // The `if` skips its arm when the field is the constant.
        assert!(
            matches!(
                code[1],
                Instr::BrI32AndImmEqImm {
                    lhs: 0,
                    imm: 7,
                    imm2: -1,
                    ..
                }
            ),
            "{code:?}"
        );
        // A constant wider than 16 bits: the `and`, then a compare-and-branch.
        assert!(
            matches!(code[3], Instr::I32AndImm { imm: 7, .. }),
            "{code:?}"
        );
        assert!(
            matches!(code[4], Instr::BrI32EqImmAcc { imm: 0x10000, .. }),
            "{code:?}"
        );
    }

    #[test]
    fn an_eqz_of_a_comparison_branches_on_the_comparison_inverted() {
        let code = code(
            "(br_if $out (i32.eqz (i32.lt_s (local.get $x) (local.get $m))))
             (br_if $out (i32.eqz (i32.eqz (local.get $x))))",
        );
        assert!(
            matches!(code[0], Instr::BrI32GeS { lhs: 0, rhs: 1, .. }),
            "{code:?}"
        );
        assert!(
            matches!(code[1], Instr::BrIfNez { cond: 0, .. }),
            "{code:?}"
        );
    }

    #[test]
    fn an_and_whose_result_a_local_keeps_stays() {
        let code =
            code("(br_if $out (i32.eqz (local.tee $t (i32.and (local.get $x) (local.get $m)))))");
        assert!(matches!(code[0], Instr::I32And { dst: 2, .. }), "{code:?}");
        assert!(
            matches!(
                code[1],
                Instr::BrIfEqz { cond: 2, .. } | Instr::BrIfEqzAcc { cond: 2, .. }
            ),
            "{code:?}"
        );
    }
}
