//! Fusing an integer comparison with the conditional branch that consumes it.

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
        if probe.result_mut().copied() != Some(dst) || !is_fusable(&cmp) {
            return None;
        }
        self.code.truncate(at);
        self.last_result = None;
        Some(cmp)
    }
}

fn is_fusable(instr: &Instr) -> bool {
    // Every comparison maps to a branch; probe with the "true" mapping.
    !matches!(branch_if_true(*instr, 0), Instr::Unreachable)
}

macro_rules! fuse_table {
    ($cmp:expr, $offset:expr, $( $reg:ident / $imm:ident => $br:ident / $brimm:ident ),* $(,)?) => {
        match $cmp {
            $(
                Instr::$reg { lhs, rhs, .. } => Instr::$br { lhs, rhs, offset: $offset },
                Instr::$imm { lhs, imm, .. } => Instr::$brimm { lhs, imm, offset: $offset },
            )*
            Instr::I32Eqz { src, .. } => Instr::BrIfEqz { cond: src, offset: $offset },
            Instr::I64Eqz { src, .. } => Instr::BrI64IfEqz { cond: src, offset: $offset },
            _ => Instr::Unreachable,
        }
    };
}

/// The branch taken when comparison `cmp` holds.
pub(super) fn branch_if_true(cmp: Instr, offset: i32) -> Instr {
    fuse_table!(cmp, offset,
        I32Eq / I32EqImm => BrI32Eq / BrI32EqImm,
        I32Ne / I32NeImm => BrI32Ne / BrI32NeImm,
        I32LtS / I32LtSImm => BrI32LtS / BrI32LtSImm,
        I32LtU / I32LtUImm => BrI32LtU / BrI32LtUImm,
        I32GtS / I32GtSImm => BrI32GtS / BrI32GtSImm,
        I32GtU / I32GtUImm => BrI32GtU / BrI32GtUImm,
        I32LeS / I32LeSImm => BrI32LeS / BrI32LeSImm,
        I32LeU / I32LeUImm => BrI32LeU / BrI32LeUImm,
        I32GeS / I32GeSImm => BrI32GeS / BrI32GeSImm,
        I32GeU / I32GeUImm => BrI32GeU / BrI32GeUImm,
        I64Eq / I64EqImm => BrI64Eq / BrI64EqImm,
        I64Ne / I64NeImm => BrI64Ne / BrI64NeImm,
        I64LtS / I64LtSImm => BrI64LtS / BrI64LtSImm,
        I64LtU / I64LtUImm => BrI64LtU / BrI64LtUImm,
        I64GtS / I64GtSImm => BrI64GtS / BrI64GtSImm,
        I64GtU / I64GtUImm => BrI64GtU / BrI64GtUImm,
        I64LeS / I64LeSImm => BrI64LeS / BrI64LeSImm,
        I64LeU / I64LeUImm => BrI64LeU / BrI64LeUImm,
        I64GeS / I64GeSImm => BrI64GeS / BrI64GeSImm,
        I64GeU / I64GeUImm => BrI64GeU / BrI64GeUImm,
    )
}

/// The branch taken when comparison `cmp` does not hold.
pub(super) fn branch_if_false(cmp: Instr, offset: i32) -> Instr {
    match cmp {
        Instr::I32Eqz { src, .. } => Instr::BrIfNez { cond: src, offset },
        Instr::I64Eqz { src, .. } => Instr::BrI64IfNez { cond: src, offset },
        _ => fuse_table!(cmp, offset,
            I32Eq / I32EqImm => BrI32Ne / BrI32NeImm,
            I32Ne / I32NeImm => BrI32Eq / BrI32EqImm,
            I32LtS / I32LtSImm => BrI32GeS / BrI32GeSImm,
            I32LtU / I32LtUImm => BrI32GeU / BrI32GeUImm,
            I32GtS / I32GtSImm => BrI32LeS / BrI32LeSImm,
            I32GtU / I32GtUImm => BrI32LeU / BrI32LeUImm,
            I32LeS / I32LeSImm => BrI32GtS / BrI32GtSImm,
            I32LeU / I32LeUImm => BrI32GtU / BrI32GtUImm,
            I32GeS / I32GeSImm => BrI32LtS / BrI32LtSImm,
            I32GeU / I32GeUImm => BrI32LtU / BrI32LtUImm,
            I64Eq / I64EqImm => BrI64Ne / BrI64NeImm,
            I64Ne / I64NeImm => BrI64Eq / BrI64EqImm,
            I64LtS / I64LtSImm => BrI64GeS / BrI64GeSImm,
            I64LtU / I64LtUImm => BrI64GeU / BrI64GeUImm,
            I64GtS / I64GtSImm => BrI64LeS / BrI64LeSImm,
            I64GtU / I64GtUImm => BrI64LeU / BrI64LeUImm,
            I64LeS / I64LeSImm => BrI64GtS / BrI64GtSImm,
            I64LeU / I64LeUImm => BrI64GtU / BrI64GtUImm,
            I64GeS / I64GeSImm => BrI64LtS / BrI64LtSImm,
            I64GeU / I64GeUImm => BrI64LtU / BrI64LtUImm,
        ),
    }
}

macro_rules! inverse_pairs {
    ($branch:expr, $( $a:ident <=> $b:ident ),* $(,)?) => {
        match $branch {
            $(
                Instr::$a { lhs, rhs, offset } => Some(Instr::$b { lhs, rhs, offset }),
                Instr::$b { lhs, rhs, offset } => Some(Instr::$a { lhs, rhs, offset }),
            )*
            _ => None,
        }
    };
}

macro_rules! inverse_imm_pairs {
    ($branch:expr, $( $a:ident <=> $b:ident ),* $(,)?) => {
        match $branch {
            $(
                Instr::$a { lhs, imm, offset } => Some(Instr::$b { lhs, imm, offset }),
                Instr::$b { lhs, imm, offset } => Some(Instr::$a { lhs, imm, offset }),
            )*
            _ => None,
        }
    };
}

/// The conditional branch taken exactly when `branch` is not (same offset), if `branch` is
/// a conditional branch on one or two slots.
pub(super) fn inverted(branch: Instr) -> Option<Instr> {
    match branch {
        Instr::BrIfEqz { cond, offset } => return Some(Instr::BrIfNez { cond, offset }),
        Instr::BrIfNez { cond, offset } => return Some(Instr::BrIfEqz { cond, offset }),
        Instr::BrI64IfEqz { cond, offset } => return Some(Instr::BrI64IfNez { cond, offset }),
        Instr::BrI64IfNez { cond, offset } => return Some(Instr::BrI64IfEqz { cond, offset }),
        _ => {}
    }
    inverse_pairs!(branch,
        BrI32Eq <=> BrI32Ne, BrI32LtS <=> BrI32GeS, BrI32LtU <=> BrI32GeU,
        BrI32GtS <=> BrI32LeS, BrI32GtU <=> BrI32LeU,
        BrI64Eq <=> BrI64Ne, BrI64LtS <=> BrI64GeS, BrI64LtU <=> BrI64GeU,
        BrI64GtS <=> BrI64LeS, BrI64GtU <=> BrI64LeU,
    )
    .or_else(|| {
        inverse_imm_pairs!(branch,
            BrI32EqImm <=> BrI32NeImm, BrI32LtSImm <=> BrI32GeSImm, BrI32LtUImm <=> BrI32GeUImm,
            BrI32GtSImm <=> BrI32LeSImm, BrI32GtUImm <=> BrI32LeUImm,
            BrI64EqImm <=> BrI64NeImm, BrI64LtSImm <=> BrI64GeSImm, BrI64LtUImm <=> BrI64GeUImm,
            BrI64GtSImm <=> BrI64LeSImm, BrI64GtUImm <=> BrI64LeUImm,
        )
    })
}
