//! Fusing a binary operation with the binary operation that consumes its result.
//!
//! Translated one operator at a time, `d = (a op1 b) op2 c` is two instructions: `op1`
//! writes a temporary, `op2` reads it back. Each link of such a dependency chain pays a
//! dispatch and a store-to-load forwarding through the frame. When `op2` reads a temporary
//! that the last instruction, `op1`, just computed (a temporary is popped once, so nothing
//! else reads it), the two become one instruction whose handler keeps the intermediate in a
//! machine register.
//!
//! Which pairs fuse, and in which shapes, is the table `isa::for_each_pair!`, from which
//! both this fusion and the handlers (`executor/handlers/pair.rs`) are generated:
//!
//! | shape  | computes                | instruction                                   |
//! |--------|-------------------------|-----------------------------------------------|
//! | `rr_r` | `(a op1 b) op2 c`       | `{ dst, lhs: a, rhs: b }` + data word `{ a: c }` |
//! | `r_rr` | `c op2 (a op1 b)`       | as `rr_r`                                      |
//! | `ri_r` | `(a op1 imm) op2 c`     | `{ dst, lhs: a, other: c, imm: i16 }`          |
//! | `rr_i` | `(a op1 b) op2 imm`     | `{ dst, lhs: a, rhs: b, imm: i16 }`            |
//! | `ri_i` | `(a op1 imm) op2 imm2`  | `{ dst, lhs: a, imm: i32, imm2: i16 }`         |
//!
//! When `op2` reads the temporary on its right, an integer operator that commutes takes the
//! `rr_r`/`ri_r` form with its operands swapped; others (`sub`, shifts, every float
//! operator, whose NaN results are kept bit for bit) need an `r_rr` row.
//!
//! The first instruction is the last one emitted (`Translator::last_result`, which no label,
//! block boundary or gas charge leaves standing, and no label bound since), so nothing can
//! branch between the two. Only operators that never trap fuse, and gas is charged per Wasm
//! operator in the block's `ConsumeGas`, so results, gas and pause points are those of the
//! pair.

use super::Translator;
use crate::engine::ir::{Instr, Reg};

impl Translator<'_> {
    /// Emits `second`, a binary operator whose operands are temporaries as `temps` says
    /// (`(lhs, rhs)`), fused with the instruction just computed into one of them when the
    /// table of pairs has the two; false (nothing emitted) otherwise.
    pub(super) fn fuse_pair(&mut self, second: Instr, temps: (bool, bool)) -> bool {
        let Some(at) = self
            .last_result
            .filter(|&at| at + 1 == self.code.len() && self.label_at <= at)
        else {
            return false;
        };
        let first = self.code[at];
        let mut probe = first;
        let Some(temp) = probe.result_mut().copied() else {
            return false;
        };
        let Some((fused, data)) = fused(first, second, temps, temp) else {
            return false;
        };
        self.code.pop();
        self.emit_result(fused);
        if let Some(c) = data {
            self.code.push(Instr::Data { a: c, b: 0, c: 0 });
        }
        true
    }
}

/// [`Instr::result_mut`], and the destination of a fused pair with a data word, which
/// `local.set` redirects into a local as it does other results (`result_mut` leaves
/// instructions with a data word alone).
pub(super) fn result_mut(instr: &mut Instr) -> Option<&mut Reg> {
    if pair_dst(instr).is_some() {
        return pair_dst(instr);
    }
    instr.result_mut()
}

/// Where the second operator of a pair reads the temporary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// On its left.
    Left,
    /// On its right, the other operand on its left.
    Right,
}

/// Which side of the second operator, with operands `lhs` and `rhs` (temporaries as `temps`
/// says), reads the temporary `temp`, when exactly one of them is it.
fn side(lhs: Reg, rhs: Option<Reg>, (lhs_temp, rhs_temp): (bool, bool), temp: Reg) -> Option<Side> {
    let on_right = rhs.is_some_and(|rhs| rhs_temp && rhs == temp);
    match (lhs_temp && lhs == temp, on_right) {
        (true, false) => Some(Side::Left),
        (false, true) => Some(Side::Right),
        _ => None,
    }
}

/// An immediate that fits the 16 bits a fused pair keeps for it.
fn narrow(imm: i32) -> Option<i16> {
    i16::try_from(imm).ok()
}

/// Whether an integer operator gives the same result with its operands swapped.
fn commutes(second: Instr) -> bool {
    matches!(
        second,
        Instr::I32Add { .. }
            | Instr::I32Mul { .. }
            | Instr::I32And { .. }
            | Instr::I32Or { .. }
            | Instr::I32Xor { .. }
            | Instr::I64Add { .. }
            | Instr::I64Mul { .. }
            | Instr::I64And { .. }
            | Instr::I64Or { .. }
            | Instr::I64Xor { .. }
    )
}

/// Generates the fusion of pairs from the table of pairs.
macro_rules! fusion {
    (
        rr_r { $($rr_r:ident = $rr_r1:ident, $rr_r2:ident;)* }
        r_rr { $($r_rr:ident = $r_rr1:ident, $r_rr2:ident;)* }
        ri_r { $($ri_r:ident = $ri_r1:ident, $ri_r2:ident;)* }
        rr_i { $($rr_i:ident = $rr_i1:ident, $rr_i2:ident;)* }
        ri_i { $($ri_i:ident = $ri_i1:ident, $ri_i2:ident;)* }
    ) => {
        /// The fused instruction, and the slot its data word holds if it has one, for
        /// `first`, which computed the temporary `temp`, followed by `second` reading it
        /// (its operands are temporaries as `temps` says).
        fn fused(
            first: Instr,
            second: Instr,
            temps: (bool, bool),
            temp: Reg,
        ) -> Option<(Instr, Option<Reg>)> {
            // The operand of `second` that is not the temporary, if the pair can be computed
            // as `(a op1 b) op2 other`.
            let other = |lhs: Reg, rhs: Reg| match side(lhs, Some(rhs), temps, temp)? {
                Side::Left => Some(rhs),
                Side::Right if commutes(second) => Some(lhs),
                Side::Right => None,
            };
            $(
                if let (Instr::$rr_r1 { lhs: a, rhs: b, .. }, Instr::$rr_r2 { dst, lhs, rhs })
                    = (first, second)
                {
                    if let Some(c) = other(lhs, rhs) {
                        return Some((Instr::$rr_r { dst, lhs: a, rhs: b }, Some(c)));
                    }
                }
            )*
            $(
                if let (Instr::$r_rr1 { lhs: a, rhs: b, .. }, Instr::$r_rr2 { dst, lhs, rhs })
                    = (first, second)
                {
                    if side(lhs, Some(rhs), temps, temp) == Some(Side::Right) {
                        return Some((Instr::$r_rr { dst, lhs: a, rhs: b }, Some(lhs)));
                    }
                }
            )*
            $(
                if let (Instr::$ri_r1 { lhs: a, imm, .. }, Instr::$ri_r2 { dst, lhs, rhs })
                    = (first, second)
                {
                    if let (Some(other), Some(imm)) = (other(lhs, rhs), narrow(imm)) {
                        return Some((Instr::$ri_r { dst, lhs: a, other, imm }, None));
                    }
                }
            )*
            $(
                if let (Instr::$rr_i1 { lhs: a, rhs: b, .. }, Instr::$rr_i2 { dst, lhs, imm })
                    = (first, second)
                {
                    let left = side(lhs, None, temps, temp) == Some(Side::Left);
                    if let (true, Some(imm)) = (left, narrow(imm)) {
                        return Some((Instr::$rr_i { dst, lhs: a, rhs: b, imm }, None));
                    }
                }
            )*
            $(
                if let (Instr::$ri_i1 { lhs: a, imm, .. }, Instr::$ri_i2 { dst, lhs, imm: imm2 })
                    = (first, second)
                {
                    let left = side(lhs, None, temps, temp) == Some(Side::Left);
                    if let (true, Some(imm2)) = (left, narrow(imm2)) {
                        return Some((Instr::$ri_i { dst, lhs: a, imm, imm2 }, None));
                    }
                }
            )*
            None
        }

        /// The destination of a fused pair with a data word (see [`result_mut`]).
        fn pair_dst(instr: &mut Instr) -> Option<&mut Reg> {
            match instr {
                $(Instr::$rr_r { dst, .. } => Some(dst),)*
                $(Instr::$r_rr { dst, .. } => Some(dst),)*
                _ => None,
            }
        }
    };
}

crate::engine::isa::for_each_pair!(fusion);
