//! Fusing the add of a constant with the rotation by a constant of its sum.
//!
//! `(i32.rotl (i32.add x (i32.const k)) (i32.const s))` is the step of the MD5, SHA-1 and
//! RIPEMD families of hash functions (`a = b + rotl(a + f + m + k, s)`). Translated one
//! operator at a time it is an `I32AddImm` into a temporary and an `I32RotlImm` of that
//! temporary; when the rotation's operand is the sum just computed, and so read by nothing
//! else (a temporary is popped once), the two become one `I32AddImmRotl`.
//!
//! The sum is the last instruction's result (`Translator::last_result`, which no label, block
//! boundary or gas charge leaves standing), so nothing can branch between the two. Neither
//! traps or pauses, and gas is charged per Wasm operator, so results, gas and pause points
//! are those of the pair.

use super::Translator;
use crate::engine::ir::Instr;

impl Translator<'_> {
    /// Emits `rotl`, an `I32RotlImm` of a temporary that nothing else reads, fused with the
    /// `I32AddImm` that computed that temporary if it is the last instruction; false (nothing
    /// emitted) otherwise.
    pub(super) fn fuse_add_rotl(&mut self, rotl: Instr) -> bool {
        let Instr::I32RotlImm {
            dst,
            lhs: sum,
            imm: rot,
        } = rotl
        else {
            return false;
        };
        let Some(at) = self.last_result.filter(|&at| at + 1 == self.code.len()) else {
            return false;
        };
        let Instr::I32AddImm {
            dst: added,
            lhs,
            imm,
        } = self.code[at]
        else {
            return false;
        };
        if added != sum {
            return false;
        }
        self.code.pop();
        // `i32.rotl` rotates by its count modulo 32.
        let rot = (rot & 31) as u8;
        self.emit_result(Instr::I32AddImmRotl { dst, lhs, imm, rot });
        true
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::ir::Instr;

    fn code(wat: &str) -> Vec<Instr> {
        crate::engine::translator::test_code(wat, false)
    }

    #[test]
    fn a_rotation_of_a_sum_with_a_constant_is_one_instruction_into_the_local_set() {
        let code = code(
            r#"(module (func (param $a i32) (param $b i32) (result i32)
              (local.set $a (i32.add (local.get $b)
                (i32.rotl (i32.add (local.get $a) (i32.const -680876936)) (i32.const 39))))
              (local.get $a)))"#,
        );
        assert!(
            matches!(
                code[0],
                Instr::I32AddImmRotl {
                    lhs: 0,
                    imm: -680876936,
                    rot: 7,
                    ..
                }
            ),
            "{code:?}"
        );
        // The add reads the rotation from the result register (`result_register.rs`).
        assert!(
            matches!(code[1], Instr::I32AddAcc { dst: 0, .. }),
            "{code:?}"
        );
    }

    #[test]
    fn a_sum_kept_in_a_local_or_rotated_by_a_slot_stays_apart() {
        for body in [
            "(local.set $a (i32.add (local.get $a) (i32.const 5)))
             (i32.rotl (local.get $a) (i32.const 3))",
            "(i32.rotl (i32.add (local.get $a) (i32.const 5)) (local.get $b))",
            "(i32.rotl (i32.add (local.get $a) (local.get $b)) (i32.const 3))",
        ] {
            let code = code(&format!(
                r#"(module (func (param $a i32) (param $b i32) (result i32) {body}))"#
            ));
            assert!(
                !code
                    .iter()
                    .any(|i| matches!(i, Instr::I32AddImmRotl { .. })),
                "{body}: {code:?}"
            );
        }
    }
}
