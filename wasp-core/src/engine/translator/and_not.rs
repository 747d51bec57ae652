//! Fusing a bitwise not with the `and` or `or` consuming it.
//!
//! Wasm has no bitwise not: `~x` is `(i32.xor x (i32.const -1))`, an `I32XorImm` into a
//! temporary, which an `i32.and` or `i32.or` then reads (`(b & c) | (~b & d)`, the choice
//! and parity functions of MD5, SHA-1, SHA-2 and many bit tricks). When an operand of the
//! `and`/`or` is that temporary, just computed and so read by nothing else (a temporary is
//! popped once), the two become one `I32AndNot`/`I32OrNot` (and the i64 forms).
//!
//! The not is the last instruction's result (`Translator::last_result`, which no label, block
//! boundary or gas charge leaves standing), so nothing can branch between the two. Neither
//! traps or pauses, and gas is charged per Wasm operator, so results, gas and pause points
//! are those of the pair.

use super::Translator;
use crate::engine::ir::{Instr, Reg};

impl Translator<'_> {
    /// Emits `instr`, a binary operator whose operands are temporaries as `temps` says
    /// (`(lhs, rhs)`), fused with the bitwise not just computed into one of them when it is
    /// an `and` or an `or`; false (nothing emitted) otherwise.
    pub(super) fn fuse_not(&mut self, instr: Instr, temps: (bool, bool)) -> bool {
        let Some(at) = self.last_result.filter(|&at| at + 1 == self.code.len()) else {
            return false;
        };
        let Some(negated) = not_of(self.code[at]) else {
            return false;
        };
        let Some(fused) = with_not(instr, temps, negated) else {
            return false;
        };
        self.code.pop();
        self.emit_result(fused);
        true
    }
}

/// `(dst, src, wide)` when `instr` is `dst = ~src` (a xor with all ones).
fn not_of(instr: Instr) -> Option<(Reg, Reg, bool)> {
    match instr {
        Instr::I32XorImm { dst, lhs, imm: -1 } => Some((dst, lhs, false)),
        Instr::I64XorImm { dst, lhs, imm: -1 } => Some((dst, lhs, true)),
        _ => None,
    }
}

/// `instr` reading `~src` from `not` instead of the not's temporary, if it is an `and` or an
/// `or` of the not's width and one of its temporary operands is that temporary.
fn with_not(
    instr: Instr,
    (lhs_temp, rhs_temp): (bool, bool),
    not: (Reg, Reg, bool),
) -> Option<Instr> {
    let (temp, src, wide) = not;
    // Both operators commute: the other operand goes on the left.
    let (dst, other, is_or) = match (instr, wide) {
        (Instr::I32And { dst, lhs, rhs }, false) | (Instr::I64And { dst, lhs, rhs }, true) => {
            (dst, pick(lhs, rhs, lhs_temp, rhs_temp, temp)?, false)
        }
        (Instr::I32Or { dst, lhs, rhs }, false) | (Instr::I64Or { dst, lhs, rhs }, true) => {
            (dst, pick(lhs, rhs, lhs_temp, rhs_temp, temp)?, true)
        }
        _ => return None,
    };
    let (lhs, rhs) = (other, src);
    Some(match (wide, is_or) {
        (false, false) => Instr::I32AndNot { dst, lhs, rhs },
        (false, true) => Instr::I32OrNot { dst, lhs, rhs },
        (true, false) => Instr::I64AndNot { dst, lhs, rhs },
        (true, true) => Instr::I64OrNot { dst, lhs, rhs },
    })
}

/// The operand other than the temporary `temp`, when exactly one operand is it.
fn pick(lhs: Reg, rhs: Reg, lhs_temp: bool, rhs_temp: bool, temp: Reg) -> Option<Reg> {
    match (lhs_temp && lhs == temp, rhs_temp && rhs == temp) {
        (false, true) => Some(lhs),
        (true, false) => Some(rhs),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::ir::Instr;

    fn code(wat: &str) -> Vec<Instr> {
        crate::engine::translator::test_code(wat, false)
    }

    #[test]
    fn a_not_feeding_an_and_or_an_or_is_one_instruction_on_either_side() {
        let code = code(
            r#"(module (func (param $b i32) (param $d i32) (param $x i64) (result i32)
              (drop (i32.and (local.get $d) (i32.xor (local.get $b) (i32.const -1))))
              (drop (i32.or (i32.xor (local.get $b) (i32.const -1)) (local.get $d)))
              (drop (i64.and (local.get $x) (i64.xor (local.get $x) (i64.const -1))))
              (i32.const 0)))"#,
        );
        assert!(
            matches!(code[0], Instr::I32AndNot { lhs: 1, rhs: 0, .. }),
            "{code:?}"
        );
        assert!(
            matches!(code[1], Instr::I32OrNot { lhs: 1, rhs: 0, .. }),
            "{code:?}"
        );
        assert!(
            matches!(code[2], Instr::I64AndNot { lhs: 2, rhs: 2, .. }),
            "{code:?}"
        );
    }

    #[test]
    fn a_not_kept_in_a_local_or_of_another_constant_stays_apart() {
        for body in [
            "(local.set $b (i32.xor (local.get $b) (i32.const -1)))
             (i32.and (local.get $d) (local.get $b))",
            "(i32.and (local.get $d) (i32.xor (local.get $b) (i32.const -2)))",
            "(i32.xor (local.get $d) (i32.xor (local.get $b) (i32.const -1)))",
        ] {
            let code = code(&format!(
                r#"(module (func (param $b i32) (param $d i32) (result i32) {body}))"#
            ));
            assert!(
                !code
                    .iter()
                    .any(|i| matches!(i, Instr::I32AndNot { .. } | Instr::I32OrNot { .. })),
                "{body}: {code:?}"
            );
        }
    }
}
