//! Two additions of a constant in a row, one instruction.
//!
//! Compiled loops step several pointers and counters one after the other (`p += 8; q += 16`),
//! and calls take addresses off the stack pointer one after the other (`sp + 2332`,
//! `sp + 2328`): runs of `I32AddImm` that depend on nothing between them. An `I32AddImm`
//! emitted right after an `I32AddImm` becomes the second half of an [`Instr::I32AddImm2`]:
//! both additions, in order, in one dispatch, the second's slot and constants in a data
//! word that takes the second instruction's place.
//!
//! The pairs form on the finished code ([`pair_steps`]), which keeps its length, so every
//! recorded position stays right. No branch may land on the second: then it stays apart.
//! Additions never trap, pause or call, and gas is charged per Wasm operator in the block's
//! `ConsumeGas`, so results, gas and pause points are those of the two. The pair hands on
//! the second's result in the result register, as an `I32AddImm` does.

use crate::engine::ir::Instr;

/// Makes every `I32AddImm` that follows an `I32AddImm` and on which no branch lands the
/// second half of an [`Instr::I32AddImm2`], its data word in the second's place.
///
/// Done on the finished code, after every fusion that looks for a lone `I32AddImm` (an
/// address folded into its access, a counter step into its branch, a global's update), so
/// that none of them loses its chance.
pub(super) fn pair_steps(code: &mut [Instr]) {
    let mut landed = vec![false; code.len()];
    for (_, target) in super::branches(code) {
        landed[target] = true;
    }
    let mut at = 0;
    while at + 1 < code.len() {
        if let (
            Instr::I32AddImm {
                dst: dst0,
                lhs: lhs0,
                imm: imm0,
            },
            Instr::I32AddImm { dst, lhs, imm },
            false,
        ) = (code[at], code[at + 1], landed[at + 1])
        {
            code[at] = Instr::I32AddImm2 { dst0, lhs0, dst };
            code[at + 1] = Instr::Data {
                a: lhs,
                b: imm0 as u32,
                c: imm as u32,
            };
            at += 2;
            continue;
        }
        at += if code[at].has_data_word() { 2 } else { 1 };
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
