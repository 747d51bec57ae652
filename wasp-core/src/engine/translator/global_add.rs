//! A global set to a sum with a constant, in one instruction.
//!
//! Compiled C and Rust move the shadow stack pointer, a mutable i32 global, in every
//! function that keeps something in memory: the prologue
//! `global.set $sp (local.tee $fp (i32.sub (global.get $sp) (i32.const N)))` and the epilogue
//! `global.set $sp (i32.add (local.get $fp) (i32.const N))`; a counter in a global steps the
//! same way. The first translates to `GlobalGet`, `I32SubImm` (or `I32AddImm`) and
//! `GlobalSet` of one global, which become one `GlobalAddI32` (the sum is still written to
//! the slot the `i32.add` wrote: the local of a `local.tee`, or the temporary a following
//! `global.get` reads); the second to `I32AddImm` and `GlobalSet`, which become one
//! `GlobalSetAddI32` when nothing else reads the sum.
//!
//! The fusion is sound when no branch lands between the instructions it replaces (the
//! translator notes where it last bound a label, `Translator::label_at`) and the value a
//! dropped instruction wrote is dead: a temporary above the operand stack once `global.set`
//! has popped its operand. None of the instructions traps or pauses, and gas is paid per
//! Wasm operator by the block's `ConsumeGas`, so results, gas and pause points are those of
//! the instructions run one after the other.

use super::Translator;
use crate::engine::ir::{Instr, Reg};

impl Translator<'_> {
    /// Emits `global.set` of `global` from slot `src`, fused with the instructions computing
    /// `src` when they add a constant; returns whether `src` still holds the value stored.
    pub(super) fn emit_global_set(&mut self, src: Reg, global: u32) -> bool {
        let Some((dst, lhs, imm)) = self.last_add_imm(src) else {
            self.emit(Instr::GlobalSet { src, global });
            return true;
        };
        let add_at = self.code.len() - 1;
        let stepped = add_at
            .checked_sub(1)
            .filter(|&get_at| self.label_at <= get_at)
            .is_some_and(|get_at| {
                matches!(self.code[get_at], Instr::GlobalGet { dst: t, global: g }
                    if g == global && t == lhs && (t == dst || self.is_dead_temp(t)))
            });
        if stepped {
            self.code.truncate(add_at - 1);
            self.emit(Instr::GlobalAddI32 { dst, global, imm });
            true
        } else if self.is_dead_temp(dst) {
            self.code.truncate(add_at);
            self.emit(Instr::GlobalSetAddI32 {
                src: lhs,
                global,
                imm,
            });
            false
        } else {
            self.emit(Instr::GlobalSet { src, global });
            true
        }
    }

    /// `(dst, lhs, imm)` when the last instruction, with no label before it, is the i32
    /// `dst = lhs + imm` (or `- imm`) writing `src`.
    fn last_add_imm(&self, src: Reg) -> Option<(Reg, Reg, i32)> {
        let at = self.code.len().checked_sub(1)?;
        if self.label_at > at {
            return None;
        }
        let (dst, lhs, imm) = match self.code[at] {
            Instr::I32AddImm { dst, lhs, imm } => (dst, lhs, imm),
            Instr::I32SubImm { dst, lhs, imm } => (dst, lhs, imm.wrapping_neg()),
            _ => return None,
        };
        (dst == src).then_some((dst, lhs, imm))
    }

    /// Whether `slot` is a temporary above the operand stack: nothing reads what it holds
    /// before it is written again.
    fn is_dead_temp(&self, slot: Reg) -> bool {
        slot >= self.temp(self.height())
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::ir::Instr;

    fn code(wat: &str) -> Vec<Instr> {
        crate::engine::translator::test_code(wat, false)
    }

    fn has(code: &[Instr], f: impl Fn(&Instr) -> bool) -> bool {
        code.iter().any(f)
    }

    #[test]
    fn a_prologue_moving_the_stack_pointer_is_one_instruction() {
        let code = code(
            r#"(module (global $sp (mut i32) (i32.const 1024))
              (func (result i32) (local $fp i32)
                (global.set $sp (local.tee $fp (i32.sub (global.get $sp) (i32.const 32))))
                (local.get $fp)))"#,
        );
        assert!(
            matches!(
                code[0],
                Instr::GlobalAddI32 {
                    dst: 0,
                    global: 0,
                    imm: -32
                }
            ),
            "{code:?}"
        );
        assert!(!has(&code, |i| matches!(i, Instr::GlobalGet { .. })));
    }

    #[test]
    fn an_epilogue_restoring_the_stack_pointer_is_one_instruction() {
        let code = code(
            r#"(module (global $sp (mut i32) (i32.const 1024))
              (func (param $fp i32)
                (global.set $sp (i32.add (local.get $fp) (i32.const 32)))))"#,
        );
        // The return after it joins it (`return_branch.rs`).
        assert!(
            matches!(
                code[0],
                Instr::GlobalSetAddI32Return0 {
                    src: 0,
                    global: 0,
                    imm: 32
                }
            ),
            "{code:?}"
        );
        assert!(!has(&code, |i| matches!(i, Instr::GlobalSet { .. })));
    }

    #[test]
    fn a_counter_in_a_global_steps_in_one_instruction_that_hands_it_to_the_branch() {
        let code = code(
            r#"(module (global $c (mut i32) (i32.const 0))
              (func (param $n i32) (result i32)
                (loop $l
                  (global.set $c (i32.add (global.get $c) (i32.const 1)))
                  (br_if $l (i32.lt_u (global.get $c) (local.get $n))))
                (global.get $c)))"#,
        );
        assert!(
            matches!(code[0], Instr::GlobalAddI32 { imm: 1, .. }),
            "{code:?}"
        );
        // The step hands the new count on in the result register, and the branch reads it there.
        assert!(matches!(code[1], Instr::BrI32LtUAcc { .. }), "{code:?}");
    }

    #[test]
    fn no_fusion_of_another_global_a_kept_value_or_across_a_label() {
        // Each still sets a global to a sum (`GlobalSetAddI32`) unless a label intervenes.
        for (body, set_add) in [
            // Another global.
            (
                "(global.set $b (i32.add (global.get $a) (i32.const 1)))",
                true,
            ),
            // The value read is kept in a local.
            (
                "(global.set $a (i32.add (local.tee $x (global.get $a)) (i32.const 1)))",
                true,
            ),
            // A branch lands between the add and the set.
            (
                "(global.set $a (block (result i32)
                  (drop (br_if 0 (i32.const 7) (local.get $x)))
                  (i32.add (local.get $x) (i32.const 1))))",
                false,
            ),
        ] {
            let code = code(&format!(
                r#"(module (global $a (mut i32) (i32.const 0)) (global $b (mut i32) (i32.const 0))
                  (func (local $x i32) {body} (drop (local.get $x))))"#
            ));
            assert!(
                !has(&code, |i| matches!(i, Instr::GlobalAddI32 { .. })),
                "{body}: {code:?}"
            );
            let sets_a_sum = |i: &Instr| {
                matches!(
                    i,
                    Instr::GlobalSetAddI32 { .. } | Instr::GlobalSetAddI32Return0 { .. }
                )
            };
            assert_eq!(has(&code, sets_a_sum), set_add, "{body}: {code:?}");
        }
    }
}
