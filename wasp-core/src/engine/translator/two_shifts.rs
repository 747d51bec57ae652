//! Two shifts or rotations of one value by constants, combined, one instruction.
//!
//! Hash and checksum code mixes a value with shifted or rotated copies of itself:
//! `(x << 5) + (x >> 2)`, `rotl(x, 7) + (x << 3)`, `rotr(x, 2) ^ rotr(x, 13)` (SHA-2), and a
//! rotation written by hand, `(x << k) | (x >> (W - k))`. Translated one operator at a time
//! that is three instructions: two shifts of `x` into temporaries and the operator combining
//! them, each link a dispatch and a reload of a slot just written. When the two shifts are the
//! last two instructions, read the same slot, and write the two temporaries the operator
//! combines (a temporary is popped once, so nothing else reads them), the three become one
//! `..Shifts..` instruction that reads `x` once.
//!
//! Each side is `rotl(x, r) & mask`, the mask one of a table the handlers hold
//! (`executor/handlers/int.rs`), named by a byte: a left shift by `k` is `r = k` with
//! `MAX << k` (mask `64 + k`), an unsigned right shift `r = W - k` with `MAX >> k` (mask
//! `128 + k`), a rotation all ones (mask `0`). A rotation and a table lookup cost less than
//! masks shifted by a count held in the instruction, which x86-64 shifts only through one
//! register. Signed right shifts stay apart. Only the commutative `add`, `xor` and `or`
//! combine, so the sides' order does not matter.
//!
//! No branch may land on the second shift or the operator: the second shift is the last
//! instruction (`Translator::last_result`, which no label, block boundary or gas charge leaves
//! standing) and no label was bound at it. None of the three traps or pauses, and gas is
//! charged per Wasm operator in the block's `ConsumeGas`, so results, gas and pause points are
//! those of the three.

use super::Translator;
use crate::engine::ir::{Instr, Reg};

/// How a side moves its value: the rotation, and the index of its mask (see the module
/// documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Side {
    r: u8,
    mask: u8,
}

impl Translator<'_> {
    /// Emits `combine`, an `add`, `xor` or `or` of two temporaries (`temps` says whether its
    /// operands are), fused with the two shifts of one slot that computed them if they are the
    /// last two instructions; false (nothing emitted) otherwise.
    pub(super) fn fuse_two_shifts(&mut self, combine: Instr, temps: (bool, bool)) -> bool {
        let Some((wide, dst, lhs, rhs)) = combined(combine) else {
            return false;
        };
        let len = self.code.len();
        if temps != (true, true) || len < 2 || self.last_result != Some(len - 1) {
            return false;
        }
        // No branch lands on the second shift (nor after it: `last_result` stands).
        if self.label_at + 1 >= len {
            return false;
        }
        let (Some((x, first, a)), Some((x2, second, b))) = (
            shift(self.code[len - 2], wide),
            shift(self.code[len - 1], wide),
        ) else {
            return false;
        };
        // The second shift must read what the first read, not the first's result.
        let reads_same = x == x2 && first != x;
        let writes_both = (first, second) == (lhs, rhs) || (first, second) == (rhs, lhs);
        if !reads_same || !writes_both || first == second {
            return false;
        }
        let masks = u32::from_le_bytes([a.mask, b.mask, 0, 0]);
        let Some(fused) = fused(combine, dst, x, masks, a.r, b.r) else {
            return false;
        };
        self.code.truncate(len - 2);
        self.fused_away = Some((len - 1, 1));
        self.emit_result(fused);
        true
    }
}

/// Whether `combine` is a 64-bit operator, and its destination and operands, if it is an
/// `add`, `xor` or `or`.
fn combined(combine: Instr) -> Option<(bool, Reg, Reg, Reg)> {
    match combine {
        Instr::I32Add { dst, lhs, rhs }
        | Instr::I32Xor { dst, lhs, rhs }
        | Instr::I32Or { dst, lhs, rhs } => Some((false, dst, lhs, rhs)),
        Instr::I64Add { dst, lhs, rhs }
        | Instr::I64Xor { dst, lhs, rhs }
        | Instr::I64Or { dst, lhs, rhs } => Some((true, dst, lhs, rhs)),
        _ => None,
    }
}

/// The `..Shifts..` instruction combining two sides as `combine` does.
fn fused(combine: Instr, dst: Reg, lhs: Reg, masks: u32, r1: u8, r2: u8) -> Option<Instr> {
    Some(match combine {
        Instr::I32Add { .. } => Instr::I32ShiftsAdd {
            dst,
            lhs,
            masks,
            r1,
            r2,
        },
        Instr::I32Xor { .. } => Instr::I32ShiftsXor {
            dst,
            lhs,
            masks,
            r1,
            r2,
        },
        Instr::I32Or { .. } => Instr::I32ShiftsOr {
            dst,
            lhs,
            masks,
            r1,
            r2,
        },
        Instr::I64Add { .. } => Instr::I64ShiftsAdd {
            dst,
            lhs,
            masks,
            r1,
            r2,
        },
        Instr::I64Xor { .. } => Instr::I64ShiftsXor {
            dst,
            lhs,
            masks,
            r1,
            r2,
        },
        Instr::I64Or { .. } => Instr::I64ShiftsOr {
            dst,
            lhs,
            masks,
            r1,
            r2,
        },
        _ => return None,
    })
}

/// The slot `instr` reads, the slot it writes and its side, if it is a left shift, unsigned
/// right shift or rotation by a constant of the width (`wide`: 64 bits).
fn shift(instr: Instr, wide: bool) -> Option<(Reg, Reg, Side)> {
    let bits: i32 = if wide { 64 } else { 32 };
    // Wasm shifts and rotates by the count modulo the width.
    let k = |imm: i32| (imm & (bits - 1)) as u8;
    let back = |imm: i32| ((bits - (imm & (bits - 1))) & (bits - 1)) as u8;
    let (lhs, dst, side) = match (instr, wide) {
        (Instr::I32ShlImm { dst, lhs, imm }, false)
        | (Instr::I64ShlImm { dst, lhs, imm }, true) => (
            lhs,
            dst,
            Side {
                r: k(imm),
                mask: 64 + k(imm),
            },
        ),
        (Instr::I32ShrUImm { dst, lhs, imm }, false)
        | (Instr::I64ShrUImm { dst, lhs, imm }, true) => (
            lhs,
            dst,
            Side {
                r: back(imm),
                mask: 128 + k(imm),
            },
        ),
        (Instr::I32RotlImm { dst, lhs, imm }, false)
        | (Instr::I64RotlImm { dst, lhs, imm }, true) => (lhs, dst, Side { r: k(imm), mask: 0 }),
        (Instr::I32RotrImm { dst, lhs, imm }, false)
        | (Instr::I64RotrImm { dst, lhs, imm }, true) => (
            lhs,
            dst,
            Side {
                r: back(imm),
                mask: 0,
            },
        ),
        _ => return None,
    };
    Some((lhs, dst, side))
}

#[cfg(test)]
mod tests {
    use crate::engine::ir::Instr;

    fn code(body: &str) -> Vec<Instr> {
        let wat = format!(
            r#"(module (func (param $x i32) (param $w i64) (result i64) (local $y i32)
              {body}))"#
        );
        crate::engine::translator::test_code(&wat, false)
    }

    #[test]
    fn a_rotation_plus_a_shift_of_one_value_is_one_instruction_into_the_local_set() {
        let code = code(
            "(local.set $w (i64.add (i64.rotl (local.get $w) (i64.const 7))
                                    (i64.shl (local.get $w) (i64.const 67))))
             (local.get $w)",
        );
        // Side 1: rotl 7, all ones; side 2: shl 3 (67 mod 64), mask `MAX << 3`.
        assert!(
            matches!(
                code[0],
                Instr::I64ShiftsAdd {
                    dst: 1,
                    lhs: 1,
                    masks: 0x43_00,
                    r1: 7,
                    r2: 3
                }
            ),
            "{code:?}"
        );
    }

    #[test]
    fn a_rotation_written_by_hand_is_one_instruction_reading_the_value_just_computed() {
        let code = code(
            "(local.set $y (i32.xor (local.get $x) (i32.const 9)))
             (local.set $y (i32.or (i32.shl (local.get $y) (i32.const 5))
                                   (i32.shr_u (local.get $y) (i32.const 27))))
             (i64.extend_i32_u (local.get $y))",
        );
        // Side 2: shr_u 27 is a rotation by 5 with mask `MAX >> 27`.
        assert!(
            matches!(
                code[1],
                Instr::I32ShiftsOrAcc {
                    dst: 2,
                    lhs: 2,
                    masks: 0x9b_45,
                    r1: 5,
                    r2: 5
                }
            ),
            "{code:?}"
        );
    }

    #[test]
    fn signed_shifts_shifts_of_two_values_and_a_shift_of_a_shift_stay_apart() {
        for body in [
            "(i64.add (i64.shr_s (local.get $w) (i64.const 3)) (i64.shl (local.get $w) (i64.const 2)))",
            "(i64.xor (i64.shl (local.get $w) (i64.const 3))
                      (i64.shl (i64.extend_i32_u (local.get $x)) (i64.const 2)))",
            "(i64.extend_i32_u (i32.xor (i32.shl (local.get $x) (i32.const 3))
                      (i32.shl (i32.shl (local.get $x) (i32.const 3)) (i32.const 2))))",
            "(i64.sub (i64.shl (local.get $w) (i64.const 3)) (i64.shr_u (local.get $w) (i64.const 2)))",
        ] {
            let code = code(body);
            let fused = code.iter().any(|i| {
                matches!(
                    i,
                    Instr::I64ShiftsAdd { .. }
                        | Instr::I64ShiftsXor { .. }
                        | Instr::I64ShiftsOr { .. }
                        | Instr::I32ShiftsXor { .. }
                )
            });
            assert!(!fused, "{body}: {code:?}");
        }
    }
}
