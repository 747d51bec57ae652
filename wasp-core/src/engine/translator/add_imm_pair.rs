//! Two additions in a row, at least one of a constant, one instruction.
//!
//! Compiled loops step several pointers and counters one after the other (`p += 8; q += 16`,
//! or `p += 2; q += stride` walking a row and a column), and calls take addresses off the
//! stack pointer one after the other (`sp + 2332`, `sp + 2328`): runs of `I32AddImm` and
//! `I32Add` that depend on nothing between them. An `I32AddImm` emitted right after an
//! `I32AddImm` becomes the second half of an [`Instr::I32AddImm2`]: both additions, in order,
//! in one dispatch, the second's slot and constants in a data word that takes the second
//! instruction's place. An `I32Add` after an `I32AddImm` makes an
//! [`Instr::I32AddImmThenAdd`], an `I32AddImm` after an `I32Add` an
//! [`Instr::I32AddThenAddImm`], the same way.
//!
//! The pairs form on the finished code ([`pair_steps`]), which keeps its length, so every
//! recorded position stays right. No branch may land on the second: then it stays apart. A
//! mixed pair whose second reads the first's result stays apart too: the result register
//! already serves it. Additions never trap, pause or call, and gas is charged per Wasm
//! operator in the block's `ConsumeGas`, so results, gas and pause points are those of the
//! two. The pair hands on the second's result in the result register, as the second does.

use crate::engine::ir::Instr;

/// Makes every `I32AddImm` that follows an `I32AddImm` and on which no branch lands the
/// second half of an [`Instr::I32AddImm2`], its data word in the second's place.
///
/// Done on the finished code, after every fusion that looks for a lone `I32AddImm` (an
/// address folded into its access, a counter step into its branch, a global's update), so
/// that none of them loses its chance.
pub(super) fn pair_steps(code: &mut [Instr]) {
    super::pair_in_place(code, paired);
}

/// The pair `first` and `second` make, and its data word, when both are additions, one at
/// least of a constant, and a mixed pair's second does not read the first's result.
fn paired(first: Instr, second: Instr) -> Option<(Instr, Instr)> {
    use Instr::*;
    let data = |a, b, c| Data { a, b, c };
    match (first, second) {
        (
            I32AddImm {
                dst: dst0,
                lhs: lhs0,
                imm: imm0,
            },
            I32AddImm { dst, lhs, imm },
        ) => Some((
            I32AddImm2 { dst0, lhs0, dst },
            data(lhs, imm0 as u32, imm as u32),
        )),
        (
            I32AddImm {
                dst: dst0,
                lhs: lhs0,
                imm: imm0,
            },
            I32Add { dst, lhs, rhs },
        ) if lhs != dst0 && rhs != dst0 => Some((
            I32AddImmThenAdd { dst0, lhs0, dst },
            data(lhs, imm0 as u32, rhs),
        )),
        (
            I32Add {
                dst: dst0,
                lhs: lhs0,
                rhs: rhs0,
            },
            I32AddImm { dst, lhs, imm },
        ) if lhs != dst0 => Some((
            I32AddThenAddImm { dst0, lhs0, dst },
            data(rhs0, lhs, imm as u32),
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::ir::Instr;

    fn code(body: &str) -> Vec<Instr> {
        let wat = format!(r#"(module (func (param $p i32) (param $q i32) (result i32) {body}))"#);
        crate::engine::translator::test_code(&wat, false)
    }

    #[test]
    fn two_steps_in_a_row_are_one_instruction_writing_both_locals() {
        let code = code(
            "(local.set $p (i32.add (local.get $p) (i32.const 8)))
             (local.set $q (i32.add (local.get $q) (i32.const -16)))
             (i32.add (local.get $p) (local.get $q))",
        );
        assert!(
            matches!(
                code[..2],
                [
                    Instr::I32AddImm2 {
                        dst0: 0,
                        lhs0: 0,
                        dst: 1
                    },
                    Instr::Data {
                        a: 1,
                        b: 8,
                        c: 0xffff_fff0
                    },
                ]
            ),
            "{code:?}"
        );
    }

    #[test]
    fn a_step_and_a_sum_in_a_row_are_one_instruction_either_way() {
        let dependent = code(
            "(local.set $p (i32.add (local.get $p) (i32.const 2)))
             (local.set $q (i32.add (local.get $q) (local.get $p)))
             (local.set $p (i32.add (local.get $p) (local.get $q)))
             (local.set $q (i32.add (local.get $q) (i32.const 7)))
             (i32.add (local.get $p) (local.get $q))",
        );
        assert!(
            matches!(
                dependent[..2],
                [
                    Instr::I32AddImm { .. },
                    Instr::I32AddAcc { .. } | Instr::I32Add { .. }
                ]
            ),
            "the second reads the first's result: {dependent:?}"
        );
        let apart = code(
            "(local.set $p (i32.add (local.get $p) (i32.const 2)))
             (local.set $q (i32.add (local.get $q) (local.get $q)))
             (local.set $p (i32.add (local.get $p) (local.get $p)))
             (local.set $q (i32.add (local.get $q) (i32.const 7)))
             (i32.add (local.get $p) (local.get $q))",
        );
        assert!(
            matches!(
                apart[..4],
                [
                    Instr::I32AddImmThenAdd {
                        dst0: 0,
                        lhs0: 0,
                        dst: 1
                    },
                    Instr::Data { a: 1, b: 2, c: 1 },
                    Instr::I32AddThenAddImm {
                        dst0: 0,
                        lhs0: 0,
                        dst: 1
                    },
                    Instr::Data { a: 0, b: 1, c: 7 },
                ]
            ),
            "{apart:?}"
        );
    }

    #[test]
    fn a_step_where_a_branch_lands_stays_apart() {
        let code = code(
            "(local.set $p (i32.add (local.get $p) (i32.const 8)))
             (block $b (br_if $b (local.get $q)))
             (local.set $q (i32.add (local.get $q) (i32.const 16)))
             (local.get $q)",
        );
        assert!(
            !code.iter().any(|i| matches!(i, Instr::I32AddImm2 { .. })),
            "{code:?}"
        );
    }
}
