//! A masked value kept in a local and compared with a constant to branch, one instruction.
//!
//! A scanner reads a byte and keeps it (`ch = *p & 0xff`), then tests it before anything
//! else (`if (ch == ',') break;`): `(br_if $out (i32.eq (local.tee $ch (i32.and ..
//! (i32.const 255))) (i32.const 44)))`. The `and` writes the local and the compare-and-branch
//! right after it reads it back. When the masked value is a temporary the two fuse at
//! translation into `BrI32AndImmEqImm` (`fuse.rs`); kept in a local, it must still be
//! written: an `I32AndImm` followed by a `BrI32EqImm` (or `BrI32NeImm`) testing its result
//! becomes an [`Instr::I32AndImmBrEqImm`] (or [`Instr::I32AndImmBrNeImm`]) that writes the
//! local and branches, the mask and the constant in a data word that takes the branch's
//! place.
//!
//! The pairs form on the finished code ([`pair_and_branches`]), which keeps its length, so
//! every recorded position stays right; the branch's offset grows by one, as it now counts
//! from the `and`. No branch may land on the compare-and-branch: then it stays apart.
//! Neither instruction traps, and a branch that pays for the block it enters (gas metering,
//! `pay.rs`) has another form, which stays apart, so results, gas and pause points are
//! those of the two.

use crate::engine::ir::Instr;

/// Makes every `BrI32EqImm` or `BrI32NeImm` testing the result of the `I32AndImm` right
/// before it, on which no branch lands, one instruction with it (see the module docs).
pub(super) fn pair_and_branches(code: &mut [Instr]) {
    super::pair_in_place(code, fused);
}

/// The instruction `and` and `branch` make, and its data word.
fn fused(and: Instr, branch: Instr) -> Option<(Instr, Instr)> {
    let Instr::I32AndImm {
        dst,
        lhs,
        imm: mask,
    } = and
    else {
        return None;
    };
    let (tested, imm, offset, equal) = match branch {
        Instr::BrI32EqImm { lhs, imm, offset } => (lhs, imm, offset, true),
        Instr::BrI32NeImm { lhs, imm, offset } => (lhs, imm, offset, false),
        _ => return None,
    };
    if tested != dst {
        return None;
    }
    let offset = offset.checked_add(1)?;
    let fused = if equal {
        Instr::I32AndImmBrEqImm { dst, lhs, offset }
    } else {
        Instr::I32AndImmBrNeImm { dst, lhs, offset }
    };
    let data = Instr::Data {
        a: mask as u32,
        b: imm as u32,
        c: 0,
    };
    Some((fused, data))
}

#[cfg(test)]
mod tests {
    use crate::engine::ir::Instr;

    fn code(body: &str, gas: bool) -> Vec<Instr> {
        let wat = format!(r#"(module (func (param $p i32) (result i32) (local $ch i32) {body}))"#);
        crate::engine::translator::test_code(&wat, gas)
    }

    #[test]
    fn a_kept_mask_tested_against_a_constant_is_one_instruction() {
        let code = code(
            "(block $out
               (br_if $out (i32.eq (local.tee $ch (i32.and (local.get $p) (i32.const 255)))
                                   (i32.const 44)))
               (local.set $p (i32.add (local.get $p) (i32.const 1))))
             (local.get $ch)",
            false,
        );
        assert!(
            matches!(
                code[..2],
                [
                    Instr::I32AndImmBrEqImm {
                        dst: 1,
                        lhs: 0,
                        offset: 3
                    },
                    Instr::Data {
                        a: 255,
                        b: 44,
                        c: 0
                    },
                ]
            ),
            "{code:?}"
        );
    }
}
