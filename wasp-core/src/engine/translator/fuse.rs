//! Fusing an integer comparison with the conditional branch that consumes it.
//!
//! Which comparison fuses into which branch is generated from the table of comparisons,
//! [`for_each_compare!`](crate::engine::isa::for_each_compare).

use super::{Operand, Translator};
use crate::engine::ir::Instr;

impl Translator<'_> {
    /// If the condition `cond` (just popped from `pos`) was computed by the last instruction
    /// and that instruction is a fusable comparison, removes it and returns it.
    pub(super) fn take_compare(&mut self, cond: Operand, pos: usize) -> Option<Instr> {
        if cond != Operand::Temp {
            return None;
        }
        let at = self.last_result?;
        let cmp = self.code[at];
        let dst = self.temp(pos);
        let mut probe = cmp;
        if probe.result_mut().copied() != Some(dst) || branch_if_true(cmp, 0).is_none() {
            return None;
        }
        self.code.truncate(at);
        self.last_result = None;
        Some(cmp)
    }
}

/// Generates the fusion of comparisons with branches from the table of comparisons.
macro_rules! fusion {
    (
        binary { $($cmp:ident, $cmp_imm:ident => $br:ident, $br_imm:ident;
                   not $not:ident, $not_imm:ident;)* }
        zero { $($eqz:ident => $br_eqz:ident; not $br_nez:ident;)* }
    ) => {
        /// The branch taken when comparison `cmp` holds, `None` if `cmp` is not a comparison
        /// that fuses.
        pub(super) fn branch_if_true(cmp: Instr, offset: i32) -> Option<Instr> {
            Some(match cmp {
                $(
                    Instr::$cmp { lhs, rhs, .. } => Instr::$br { lhs, rhs, offset },
                    Instr::$cmp_imm { lhs, imm, .. } => Instr::$br_imm { lhs, imm, offset },
                )*
                $(Instr::$eqz { src, .. } => Instr::$br_eqz { cond: src, offset },)*
                _ => return None,
            })
        }

        /// The branch taken when comparison `cmp` does not hold, `None` if `cmp` is not a
        /// comparison that fuses.
        pub(super) fn branch_if_false(cmp: Instr, offset: i32) -> Option<Instr> {
            Some(match cmp {
                $(
                    Instr::$cmp { lhs, rhs, .. } => Instr::$not { lhs, rhs, offset },
                    Instr::$cmp_imm { lhs, imm, .. } => Instr::$not_imm { lhs, imm, offset },
                )*
                $(Instr::$eqz { src, .. } => Instr::$br_nez { cond: src, offset },)*
                _ => return None,
            })
        }

        /// The conditional branch taken exactly when `branch` is not (same offset), if
        /// `branch` is a fused comparison or a test for zero.
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
                _ => return None,
            })
        }
    };
}

crate::engine::isa::for_each_compare!(fusion);
