//! Fusing an integer comparison, or an `i32.and` tested for zero, with the conditional
//! branch that consumes it.
//!
//! Which comparison fuses into which branch is generated from the table of comparisons,
//! [`for_each_compare!`](crate::engine::isa::for_each_compare). A difference tested for
//! zero is a comparison too: compilers test `a == b` as `(a ^ b) == 0` or `a - b == 0` (an
//! equality of bytes or of masked fields), which branch as `a != b` ([`branch_if_differ`]).

use super::{Operand, Translator, TEMP_MARK};
use crate::engine::ir::Instr;

impl Translator<'_> {
    /// If the condition `cond` (just popped from `pos`) was computed by the last instruction
    /// and that instruction is a test that fuses with a branch (a comparison, a test for zero,
    /// an `i32.and`, a masked comparison), removes it and returns the branch taken when the
    /// condition holds, with offset 0. An `i32.eqz` of such a test computed right before it
    /// goes too: the branch is then the test's, inverted.
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
        let (branch, start) = self.test_at(at, test)?;
        self.last_result = None;
        if let Some((inner, start)) = self.negated_test(at, test) {
            self.code.truncate(start);
            return inverted(inner);
        }
        self.code.truncate(start);
        Some(branch)
    }

    /// The branch taken when `test`, at `at`, holds, and the first instruction it replaces:
    /// `test` itself, or the `i32.and` before it for a masked comparison.
    fn test_at(&self, at: usize, test: Instr) -> Option<(Instr, usize)> {
        if let Some(branch) = self.masked_compare(at, test) {
            return Some((branch, at - 1));
        }
        Some((branch_if_true(test, 0)?, at))
    }

    /// When `test`, at `at`, is an `i32.eqz` (or an `i64.eqz`: of a difference) of a
    /// temporary that the instruction before it computed with a test that fuses, and no
    /// branch lands between the two: the branch taken when that inner test holds, and the
    /// first instruction it replaces. Nothing else reads the temporary (a temporary is
    /// popped once).
    fn negated_test(&self, at: usize, test: Instr) -> Option<(Instr, usize)> {
        let (Instr::I32Eqz { dst, src } | Instr::I64Eqz { dst, src }) = test else {
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
        self.test_at(before, inner)
    }

    /// When `test`, at `at`, compares two values (`i32.eq`, `i32.ne`, or a difference that
    /// is not zero when they differ: `i32.xor`, `i32.sub`), one of them the temporary that
    /// the instruction before it computed as `x & imm` (`imm` of 16 bits), and no branch
    /// lands between the two: the branch taken when the masked comparison holds. Nothing else reads the temporary (a
    /// temporary is popped once); the comparison's other operand was read where it is read.
    fn masked_compare(&self, at: usize, test: Instr) -> Option<Instr> {
        let (Instr::I32Eq { lhs, rhs, .. }
        | Instr::I32Ne { lhs, rhs, .. }
        | Instr::I32Xor { lhs, rhs, .. }
        | Instr::I32Sub { lhs, rhs, .. }) = test
        else {
            return None;
        };
        let before = at.checked_sub(1)?;
        if self.label_at > before {
            return None;
        }
        let Instr::I32AndImm { dst, lhs: x, imm } = self.code[before] else {
            return None;
        };
        let other = match (lhs == dst, rhs == dst) {
            (true, false) => rhs,
            (false, true) => lhs,
            _ => return None,
        };
        // The mask fits the 16 bits the branch keeps for it (it zero-extends them), and the
        // `and`'s result is a temporary.
        let imm = u16::try_from(imm as u32).ok()?;
        if dst < TEMP_MARK {
            return None;
        }
        let (lhs, rhs, offset) = (x, other, 0);
        Some(match test {
            Instr::I32Eq { .. } => Instr::BrI32AndImmEq {
                lhs,
                rhs,
                imm,
                offset,
            },
            _ => Instr::BrI32AndImmNe {
                lhs,
                rhs,
                imm,
                offset,
            },
        })
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
                _ => return branch_if_differ(cmp, offset),
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
                _ => return masked_inverted(branch),
            })
        }
    };
}

crate::engine::isa::for_each_compare!(fusion);

/// The inverse of a masked comparison's branch with another value, or of a fused load and
/// test (`load_branch.rs`).
fn masked_inverted(branch: Instr) -> Option<Instr> {
    Some(match branch {
        Instr::BrI32AndImmEq {
            lhs,
            rhs,
            imm,
            offset,
        } => Instr::BrI32AndImmNe {
            lhs,
            rhs,
            imm,
            offset,
        },
        Instr::BrI32AndImmNe {
            lhs,
            rhs,
            imm,
            offset,
        } => Instr::BrI32AndImmEq {
            lhs,
            rhs,
            imm,
            offset,
        },
        _ => return super::load_branch::inverted(branch),
    })
}

/// The branch taken when the result of `instr` is not zero, for an operator whose result is
/// zero exactly when its operands are equal: `x ^ y`, `x - y` (and their forms with a
/// constant), and `x + c` (zero when `x` is `-c`, in wrapping arithmetic). `None` for any
/// other instruction.
fn branch_if_differ(instr: Instr, offset: i32) -> Option<Instr> {
    Some(match instr {
        Instr::I32Xor { lhs, rhs, .. } | Instr::I32Sub { lhs, rhs, .. } => {
            Instr::BrI32Ne { lhs, rhs, offset }
        }
        Instr::I64Xor { lhs, rhs, .. } | Instr::I64Sub { lhs, rhs, .. } => {
            Instr::BrI64Ne { lhs, rhs, offset }
        }
        Instr::I32XorImm { lhs, imm, .. } | Instr::I32SubImm { lhs, imm, .. } => {
            Instr::BrI32NeImm { lhs, imm, offset }
        }
        Instr::I64XorImm { lhs, imm, .. } | Instr::I64SubImm { lhs, imm, .. } => {
            Instr::BrI64NeImm { lhs, imm, offset }
        }
        Instr::I32AddImm { lhs, imm, .. } => Instr::BrI32NeImm {
            lhs,
            imm: imm.wrapping_neg(),
            offset,
        },
        // The constant is sign-extended: its negation must be too (not so for `i32::MIN`).
        Instr::I64AddImm { lhs, imm, .. } => Instr::BrI64NeImm {
            lhs,
            imm: imm.checked_neg()?,
            offset,
        },
        _ => return None,
    })
}

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
        // A constant wider than 16 bits: the `and`, then a compare-and-branch, which the
        // finished code joins with the mask and the constant in a data word (`and_branch.rs`).
        assert!(
            matches!(
                code[3..5],
                [
                    Instr::I32AndImmBrEqImm { .. },
                    Instr::Data {
                        a: 7,
                        b: 0x10000,
                        c: 0
                    }
                ]
            ),
            "{code:?}"
        );
    }

    #[test]
    fn a_masked_field_compared_with_a_value_branches_in_one_instruction() {
        let code = code(
            "(br_if $out (i32.eq (i32.and (local.get $x) (i32.const 0xffff)) (local.get $m)))
             (if (i32.eq (local.get $m) (i32.and (local.get $x) (i32.const 255)))
               (then (local.set $t (i32.const 1))))
             (br_if $out (i32.eqz (i32.xor (i32.and (local.get $x) (i32.const 3)) (local.get $m))))
             (br_if $out (i32.sub (local.get $m) (i32.and (local.get $x) (i32.const 7))))",
        );
        let masked = |i: &Instr, eq: bool, mask: u16| match *i {
            Instr::BrI32AndImmEq { lhs, rhs, imm, .. } => eq && (lhs, rhs, imm) == (0, 1, mask),
            Instr::BrI32AndImmNe { lhs, rhs, imm, .. } => !eq && (lhs, rhs, imm) == (0, 1, mask),
            _ => false,
        };
        assert!(masked(&code[0], true, 0xffff), "{code:?}");
        // The `if` skips its arm when the two differ.
        assert!(masked(&code[1], false, 255), "{code:?}");
        assert!(masked(&code[3], true, 3), "{code:?}");
        assert!(masked(&code[4], false, 7), "{code:?}");
        assert!(!code.iter().any(|i| matches!(i, Instr::I32AndImm { .. })));
    }

    #[test]
    fn a_mask_wider_than_16_bits_is_compared_apart() {
        let code =
            code("(br_if $out (i32.eq (i32.and (local.get $x) (i32.const -8)) (local.get $m)))");
        assert!(
            matches!(code[0], Instr::I32AndImm { imm: -8, .. }),
            "{code:?}"
        );
        assert!(
            matches!(code[1], Instr::BrI32Eq { .. } | Instr::BrI32EqAcc { .. }),
            "{code:?}"
        );
    }

    #[test]
    fn a_masked_field_a_local_keeps_is_compared_apart() {
        let code = code(
            "(br_if $out (i32.eq (local.tee $t (i32.and (local.get $x) (i32.const 255)))
                                 (local.get $m)))",
        );
        assert!(
            matches!(
                code[0],
                Instr::I32AndImm {
                    dst: 2,
                    imm: 255,
                    ..
                }
            ),
            "{code:?}"
        );
        assert!(
            !code
                .iter()
                .any(|i| matches!(i, Instr::BrI32AndImmEq { .. } | Instr::BrI32AndImmNe { .. })),
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
    fn a_difference_tested_for_zero_branches_on_the_comparison() {
        let code = code(
            "(br_if $out (i32.xor (local.get $x) (local.get $m)))
             (br_if $out (i32.eqz (i32.sub (local.get $x) (local.get $m))))
             (br_if $out (i32.eqz (i32.xor (local.get $x) (i32.const 300))))
             (if (i32.add (local.get $x) (i32.const 7)) (then (local.set $t (i32.const 1))))",
        );
        assert!(
            matches!(code[0], Instr::BrI32Ne { lhs: 0, rhs: 1, .. }),
            "{code:?}"
        );
        assert!(
            matches!(code[1], Instr::BrI32Eq { lhs: 0, rhs: 1, .. }),
            "{code:?}"
        );
        assert!(
            matches!(
                code[2],
                Instr::BrI32EqImm {
                    lhs: 0,
                    imm: 300,
                    ..
                }
            ),
            "{code:?}"
        );
        // The `if` skips its arm when `x + 7` is zero: when `x` is -7.
        assert!(
            matches!(
                code[3],
                Instr::BrI32EqImm {
                    lhs: 0,
                    imm: -7,
                    ..
                }
            ),
            "{code:?}"
        );
    }

    #[test]
    fn an_i64_difference_tested_for_zero_branches_on_the_comparison() {
        let wat = r#"(module (func (param $x i64) (param $y i64) (result i32)
            (block $out
              (br_if $out (i64.eqz (i64.xor (local.get $x) (local.get $y))))
              (br_if $out (i64.eqz (i64.sub (local.get $x) (i64.const 5))))
              (br_if $out (i64.eqz (i64.add (local.get $x) (i64.const -2147483648)))))
            (i32.const 0)))"#;
        let code = crate::engine::translator::test_code(wat, false);
        assert!(
            matches!(code[0], Instr::BrI64Eq { lhs: 0, rhs: 1, .. }),
            "{code:?}"
        );
        assert!(
            matches!(code[1], Instr::BrI64EqImm { lhs: 0, imm: 5, .. }),
            "{code:?}"
        );
        // -(-2^31) does not fit the sign-extended 32-bit constant: the sum stays.
        assert!(
            matches!(code[2], Instr::I64AddImm { imm: i32::MIN, .. }),
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
