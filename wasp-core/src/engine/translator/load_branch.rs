//! Fusing a load with the conditional branch that tests the loaded value for zero, or with the
//! branch table that switches on it.
//!
//! Compiled code tests what it just loaded all the time: a list walked to its end (`while ((p =
//! p->next))`: `Load32U` of `p` into `p`, then `br_if` on `p`), a string scanned to its
//! terminator (`Load8U`, then `br_if` on `i32.eqz` of the byte). When the branch emitted right
//! after a plain `Load32U` or `Load8U` tests the slot that load wrote, for zero or not, the two
//! become one `Load32UBr..` or `Load8UBr..` instruction: the load, written to its slot as
//! before, and the branch on the value, in one dispatch. The static offset must fit in 16
//! bits (the instruction holds two slots and the branch's offset besides); a field's offset
//! in a structure does.
//!
//! The fusion is sound when no branch lands between the two instructions, which would skip
//! the load: a load fuses only with a branch placed right after it with no label in between
//! (`Translator::label_at`). The load traps as before, before the branch; gas is paid per
//! Wasm operator by the block's `ConsumeGas`; so results, traps, gas and pause points are
//! those of the two instructions run one after the other. A fused branch into a loop that
//! starts with a `ConsumeGas` (gas metering) takes its paying form (`Load32UBrNezPay`,
//! `pay.rs`), which loads, then pays when taken.
//!
//! A `br_table` switching on the slot a plain `Load8U` or `Load32U` right before it wrote
//! (`switch (*p)`: a bytecode interpreter's dispatch, a parser's or a state machine's)
//! becomes `Load8UBrTable` or `Load32UBrTable` the same way: the load, then the table's jump,
//! followed by the table's entries; metered, it takes the paying form when the plain table
//! would (`Load8UBrTablePay`, `pay.rs`).
//!
//! A loop whose first instruction is such a fused load and branch (`loop (br_if $out (i32.eqz
//! (i32.load8_u (local.get $p)))) ...`) gets a back edge that repeats it, inverted
//! (`thread_back_edge` in `control.rs`); with gas metering its pay-first form pays for the
//! loop's first block before it loads, as the loop's `ConsumeGas` and its first instruction
//! do. Only this copy of a loop's first instruction takes the pay-first form: a load ending
//! the loop's body is not fused with the back edge's pay-first test, which would load before
//! paying.

use super::Translator;
use crate::engine::ir::{Instr, Reg};

impl Translator<'_> {
    /// The fusion of the last instruction, a plain 32-bit or 8-bit unsigned load with a static
    /// offset below 2^16, with `branch` about to follow it, when `branch` tests the loaded
    /// slot for zero or not.
    pub(super) fn fused_load(&self, branch: Instr) -> Option<Instr> {
        let at = self.code.len().checked_sub(1)?;
        if self.label_at > at {
            return None;
        }
        let (cond, offset, nez) = match branch {
            Instr::BrIfNez { cond, offset } => (cond, offset, true),
            Instr::BrIfEqz { cond, offset } => (cond, offset, false),
            _ => return None,
        };
        let (wide, dst, ptr, mem_offset) = match self.code[at] {
            Instr::Load32U { dst, ptr, offset } => (true, dst, ptr, offset),
            Instr::Load8U { dst, ptr, offset } => (false, dst, ptr, offset),
            _ => return None,
        };
        // The static offset shares the instruction with two slots and the branch's offset.
        let mem_offset = u16::try_from(mem_offset).ok()?;
        if dst != cond {
            return None;
        }
        Some(match (wide, nez) {
            (true, true) => Instr::Load32UBrNez {
                dst,
                ptr,
                mem_offset,
                offset,
            },
            (true, false) => Instr::Load32UBrEqz {
                dst,
                ptr,
                mem_offset,
                offset,
            },
            (false, true) => Instr::Load8UBrNez {
                dst,
                ptr,
                mem_offset,
                offset,
            },
            (false, false) => Instr::Load8UBrEqz {
                dst,
                ptr,
                mem_offset,
                offset,
            },
        })
    }
}

impl Translator<'_> {
    /// The fusion of the last instruction, a plain 32-bit or 8-bit unsigned load with a static
    /// offset below 2^16, with the `br_table` on `index` with `len + 1` entries about to follow
    /// it, when `index` is the loaded slot: `switch (*p)`, in one dispatch.
    pub(super) fn fused_load_table(&self, index: Reg, len: u32) -> Option<Instr> {
        let at = self.code.len().checked_sub(1)?;
        if self.label_at > at {
            return None;
        }
        let (wide, dst, ptr, mem_offset) = match self.code[at] {
            Instr::Load32U { dst, ptr, offset } => (true, dst, ptr, offset),
            Instr::Load8U { dst, ptr, offset } => (false, dst, ptr, offset),
            _ => return None,
        };
        let mem_offset = u16::try_from(mem_offset).ok()?;
        if dst != index {
            return None;
        }
        Some(if wide {
            Instr::Load32UBrTable {
                dst,
                ptr,
                mem_offset,
                len,
            }
        } else {
            Instr::Load8UBrTable {
                dst,
                ptr,
                mem_offset,
                len,
            }
        })
    }
}

/// The fused load and branch taken exactly when `branch`, one, is not (same load, same
/// offset).
pub(super) fn inverted(branch: Instr) -> Option<Instr> {
    Some(match branch {
        Instr::Load32UBrNez {
            dst,
            ptr,
            mem_offset,
            offset,
        } => Instr::Load32UBrEqz {
            dst,
            ptr,
            mem_offset,
            offset,
        },
        Instr::Load32UBrEqz {
            dst,
            ptr,
            mem_offset,
            offset,
        } => Instr::Load32UBrNez {
            dst,
            ptr,
            mem_offset,
            offset,
        },
        Instr::Load8UBrNez {
            dst,
            ptr,
            mem_offset,
            offset,
        } => Instr::Load8UBrEqz {
            dst,
            ptr,
            mem_offset,
            offset,
        },
        Instr::Load8UBrEqz {
            dst,
            ptr,
            mem_offset,
            offset,
        } => Instr::Load8UBrNez {
            dst,
            ptr,
            mem_offset,
            offset,
        },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_code;
    use crate::engine::ir::Instr;

    fn func(body: &str) -> String {
        format!("(module (memory 1) (func (param $p i32) (result i32) (local $c i32) {body}))")
    }

    fn count(code: &[Instr], f: impl Fn(&Instr) -> bool) -> usize {
        code.iter().filter(|i| f(i)).count()
    }

    #[test]
    fn a_load_tested_by_the_branch_after_it_fuses() {
        let walk = func(
            "(loop $l (br_if $l (local.tee $p (i32.load offset=8 (local.get $p))))) (local.get $p)",
        );
        let code = test_code(&walk, false);
        assert!(code.contains(&Instr::Load32UBrNez {
            dst: 0,
            ptr: 0,
            mem_offset: 8,
            offset: 0
        }));
        assert_eq!(count(&code, |i| matches!(i, Instr::Load32U { .. })), 0);
        let code = test_code(&walk, true);
        // Into the loop it pays when taken; the code after the loop is a block of its own.
        let paying = |i: &Instr| {
            matches!(
                i,
                Instr::Load32UBrNezPay { .. } | Instr::Load32UBrNezPayBoth { .. }
            )
        };
        assert_eq!(count(&code, paying), 1);
        // An `if` on a byte, and on `i32.eqz` of a byte.
        let ifs = func(
            "(if (i32.load8_u (local.get $p)) (then (local.set $c (i32.const 1))))
             (if (i32.eqz (i32.load8_u offset=3 (local.get $p))) (then (local.set $c (i32.const 2))))
             (local.get $c)",
        );
        let code = test_code(&ifs, false);
        assert_eq!(
            count(&code, |i| matches!(
                i,
                Instr::Load8UBrEqz { mem_offset: 0, .. }
            )),
            1
        );
        assert_eq!(
            count(&code, |i| matches!(
                i,
                Instr::Load8UBrNez { mem_offset: 3, .. }
            )),
            1
        );
        // Metered, each `if` pays for the arm it falls into or the block it lands on.
        let code = test_code(&ifs, true);
        assert_eq!(
            count(&code, |i| matches!(i, Instr::Load8UBrEqzPayBoth { .. })),
            1
        );
        assert_eq!(
            count(&code, |i| matches!(i, Instr::Load8UBrNezPayBoth { .. })),
            1
        );
    }

    #[test]
    fn a_loop_starting_with_one_repeats_it_on_its_back_edge_paying_first() {
        let strlen = func(
            "(block $out (loop $l
               (br_if $out (i32.eqz (local.tee $c (i32.load8_u (local.get $p)))))
               (local.set $p (i32.add (local.get $p) (i32.const 1)))
               (br $l)))
             (local.get $p)",
        );
        let code = test_code(&strlen, false);
        assert_eq!(
            count(&code, |i| matches!(i, Instr::Load8UBrEqz { dst: 1, .. })),
            1
        );
        assert_eq!(
            count(&code, |i| matches!(i, Instr::Load8UBrNez { dst: 1, .. })),
            1
        );
        let code = test_code(&strlen, true);
        assert_eq!(
            count(&code, |i| matches!(i, Instr::Load8UBrNezPayFirst { .. })),
            1
        );
    }

    #[test]
    fn loads_stay_apart_where_fusing_would_change_them() {
        let cases = [
            // A label between the load and the branch (a loop's head): a branch may land past
            // the load.
            "(block $x (local.set $c (i32.load (local.get $p)))
               (loop $l (br_if $x (local.get $c)))) (local.get $c)",
            // A static offset past 16 bits.
            "(block $x (br_if $x (local.tee $c (i32.load offset=65536 (local.get $p)))))
             (local.get $c)",
            // The branch tests another slot than the one loaded.
            "(block $x (local.set $c (i32.load (local.get $p))) (br_if $x (local.get $p)))
             (local.get $c)",
            // A signed or 16-bit load.
            "(block $x (br_if $x (local.tee $c (i32.load8_s (local.get $p))))) (local.get $c)",
            "(block $x (br_if $x (local.tee $c (i32.load16_u (local.get $p))))) (local.get $c)",
        ];
        for body in cases {
            let code = test_code(&func(body), false);
            let fused = |i: &Instr| {
                matches!(
                    i,
                    Instr::Load32UBrNez { .. }
                        | Instr::Load32UBrEqz { .. }
                        | Instr::Load8UBrNez { .. }
                        | Instr::Load8UBrEqz { .. }
                )
            };
            assert_eq!(count(&code, fused), 0, "{body}: {code:?}");
        }
    }

    #[test]
    fn a_load_switched_on_by_the_table_after_it_fuses() {
        let table = |load: &str| {
            func(&format!(
                "(block $b (block $a (br_table $a $b $a {load})) (return (i32.const 1)))
                 (i32.const 2)"
            ))
        };
        let code = test_code(&table("(i32.load8_u offset=5 (local.get $p))"), false);
        let fused = |i: &Instr| {
            matches!(
                i,
                Instr::Load8UBrTable {
                    ptr: 0,
                    mem_offset: 5,
                    len: 2,
                    ..
                }
            )
        };
        assert_eq!(count(&code, fused), 1, "{code:?}");
        assert_eq!(count(&code, |i| matches!(i, Instr::Load8U { .. })), 0);
        let code = test_code(&table("(i32.load (local.get $p))"), false);
        assert_eq!(
            count(&code, |i| matches!(i, Instr::Load32UBrTable { len: 2, .. })),
            1
        );
        // Metered, entries landing on blocks that pay make it the paying form.
        let code = test_code(&table("(i32.load8_u (local.get $p))"), true);
        assert_eq!(
            count(&code, |i| matches!(i, Instr::Load8UBrTablePay { .. })),
            1,
            "{code:?}"
        );
        // Apart: a label between, a static offset past 16 bits, another slot, a signed load.
        for load in [
            "(block (result i32) (i32.load8_u (local.get $p)) (loop (param i32) (result i32)))",
            "(i32.load8_u offset=65536 (local.get $p))",
            "(i32.load8_s (local.get $p))",
            "(i32.load16_u (local.get $p))",
        ] {
            let code = test_code(&table(load), false);
            let any = |i: &Instr| {
                matches!(
                    i,
                    Instr::Load8UBrTable { .. } | Instr::Load32UBrTable { .. }
                )
            };
            assert_eq!(count(&code, any), 0, "{load}: {code:?}");
        }
        let other = func(
            "(local.set $c (i32.load8_u (local.get $p)))
             (block $a (br_table $a (local.get $p))) (local.get $c)",
        );
        let code = test_code(&other, false);
        assert_eq!(count(&code, |i| matches!(i, Instr::BrTable { .. })), 1);
    }
}
