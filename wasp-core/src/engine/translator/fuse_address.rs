//! Fusing the `i32.add` of a constant that computes an address into the load or store that
//! uses it.
//!
//! `(i32.load (i32.add (local.get $p) (i32.const 16)))` translates into one instruction,
//! [`Instr::Load32UAdd`], that reads `$p` and accesses memory 0 at `($p + 16) mod 2^32`: the
//! sum wraps at 32 bits exactly as the `i32.add` did, and the access then adds its static
//! offset (the fusion is made only when that offset is 0, so nothing else changes) and is
//! bounds-checked as before. Folding the constant into the 64-bit static offset instead
//! would not wrap, and would turn a wrapped in-bounds address into a trap.
//!
//! The sum must be a temporary read by the access alone: the last instruction that wrote
//! the address's slot, followed only by the computation of a store's value (Wasm computes
//! a store's address first): plain instructions writing temporaries above the address,
//! with no branch, no pause point and no label among them, none of them writing a slot the
//! fused access reads. The instructions computing the address are then removed and the
//! access emitted after the value's: the address is computed later than Wasm computes it,
//! from the same slots, which hold the same values then; nothing in between can stop the
//! call where the difference shows. The gas paid is unchanged: it is charged per Wasm
//! operator, in the block's `ConsumeGas`.

use super::ref_map::is_pause_point;
use super::{Operand, Translator};
use crate::engine::ir::{Instr, Reg};

/// How many instructions of a store's value may stand between its address and the store.
const MAX_BETWEEN: usize = 16;

impl Translator<'_> {
    /// The fused form of `access` (a memory-0 access with static offset 0, its address not
    /// yet filled in) when its address `ptr`, just popped from `pos`, was computed into that
    /// temporary by the last instructions before the value's (see the module docs): an
    /// `i32.add` of a constant, or an `i32.add` of an `i32.shl` by the access's scale (see
    /// [`indexed`]). Those instructions are removed and the caller emits the fused access
    /// at the end of the code. `None` otherwise, with nothing changed.
    pub(super) fn fuse_address(
        &mut self,
        ptr: Operand,
        pos: usize,
        access: Instr,
    ) -> Option<Instr> {
        if ptr != Operand::Temp {
            return None;
        }
        let at = self.address_at(pos)?;
        let (fused, start) = match self.indexed_address(at, access) {
            Some(found) => found,
            None => match self.code[at] {
                Instr::I32AddImm { lhs, imm, .. } if self.removable(at, at, &[lhs]) => {
                    (added(access, lhs, imm as u32)?, at)
                }
                _ => return None,
            },
        };
        self.code.drain(start..=at);
        self.last_result = None;
        self.global_in_slot = None;
        self.fused_away = Some((start, at + 1 - start));
        Some(fused)
    }

    /// Whether [`Self::fuse_address`] may fuse the address `ptr` at `pos`, by a first look
    /// that it confirms: the temporary was written by an `i32.add` after which only a
    /// store's value was computed.
    pub(super) fn may_fuse_address(&self, ptr: Operand, pos: usize) -> bool {
        ptr == Operand::Temp
            && self.address_at(pos).is_some_and(|at| {
                matches!(
                    self.code[at],
                    Instr::I32Add { .. } | Instr::I32AddImm { .. }
                )
            })
    }

    /// The position of the last instruction that wrote the temporary at `pos`, when every
    /// instruction after it computed a value into a temporary above it: no branch, no pause
    /// point, no write to a local or a lower temporary.
    fn address_at(&self, pos: usize) -> Option<usize> {
        let temp = self.temp(pos);
        let from = self.code.len().saturating_sub(MAX_BETWEEN + 1);
        for at in (from..self.code.len()).rev() {
            let mut instr = self.code[at];
            let dst = *instr.result_mut()?;
            if dst == temp {
                return Some(at);
            }
            if dst < temp || instr.branch_offset().is_some() || is_pause_point(&instr) {
                return None;
            }
        }
        None
    }

    /// Whether the instructions from `start` to `at` may be removed and their work done
    /// by an access at the end of the code that reads `regs`: no branch lands after
    /// `start`, and no instruction after `at` writes one of `regs` (a `v128` result
    /// writes two slots).
    fn removable(&self, start: usize, at: usize, regs: &[Reg]) -> bool {
        self.label_at <= start
            && self.code[at + 1..].iter().all(|instr| {
                let mut instr = *instr;
                instr
                    .result_mut()
                    .is_none_or(|d| !regs.iter().any(|&r| r == *d || r == d.wrapping_add(1)))
            })
    }

    /// `access` in its indexed form when the `i32.add` at `at` adds a base and an index
    /// shifted left by the access's scale: by an `i32.shl` right before it or, for bytes,
    /// the index itself. A constant base is read from its hoisted slot (inside loops only).
    /// Returns the fused access and the position of the first instruction it replaces.
    fn indexed_address(&mut self, at: usize, access: Instr) -> Option<(Instr, usize)> {
        let (_, scale) = indexed(access, 0, 0)?;
        let (lhs, rhs) = match self.code[at] {
            Instr::I32Add { lhs, rhs, .. } if scale == 0 => {
                if !self.removable(at, at, &[lhs, rhs]) {
                    return None;
                }
                return Some((indexed(access, lhs, rhs)?.0, at));
            }
            Instr::I32Add { lhs, rhs, .. } => (lhs, Some(rhs)),
            Instr::I32AddImm { lhs, .. } => (lhs, None),
            _ => return None,
        };
        let Instr::I32ShlImm {
            dst,
            lhs: index,
            imm,
        } = *self.code.get(at.checked_sub(1)?)?
        else {
            return None;
        };
        let own_temp = dst >= super::TEMP_MARK;
        if !own_temp || imm as u32 & 31 != scale {
            return None;
        }
        let base = match (self.code[at], rhs) {
            (_, Some(rhs)) if lhs == dst && rhs != dst => rhs,
            (_, Some(rhs)) if rhs == dst && lhs != dst => lhs,
            (Instr::I32AddImm { imm, .. }, None) if lhs == dst => {
                if !self.removable(at - 1, at, &[index]) {
                    return None;
                }
                self.hoist(u64::from(imm as u32))?
            }
            _ => return None,
        };
        if !self.removable(at - 1, at, &[base, index]) {
            return None;
        }
        Some((indexed(access, base, index)?.0, at - 1))
    }
}

/// Generates [`added`] from the pairs of a memory-0 access and its fused form.
macro_rules! added_forms {
    (
        loads { $($load:ident => $load_add:ident;)* }
        stores { $($store:ident => $store_add:ident;)* }
    ) => {
        /// The fused form of `access`, a memory-0 access with static offset 0, at address
        /// `(ptr + imm) mod 2^32`; `None` if the access has no fused form.
        pub(super) fn added(access: Instr, ptr: Reg, imm: u32) -> Option<Instr> {
            Some(match access {
                $(Instr::$load { dst, .. } => Instr::$load_add { dst, ptr, imm },)*
                $(Instr::$store { val, .. } => Instr::$store_add { ptr, val, imm },)*
                _ => return None,
            })
        }
    };
}

added_forms! {
    loads {
        Load8S => Load8SAdd;
        Load8U => Load8UAdd;
        Load16S => Load16SAdd;
        Load16U => Load16UAdd;
        Load32S => Load32SAdd;
        Load32U => Load32UAdd;
        Load64 => Load64Add;
        V128Load => V128LoadAdd;
    }
    stores {
        Store8 => Store8Add;
        Store16 => Store16Add;
        Store32 => Store32Add;
        Store64 => Store64Add;
        V128Store => V128StoreAdd;
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::ir::Instr;

    /// The code of the module's first function, metered or not.
    fn code(wat: &str, gas: bool) -> Vec<Instr> {
        crate::engine::translator::test_code(wat, gas)
    }

    fn func(body: &str) -> String {
        format!(
            "(module (memory 1) (memory 1)
               (func (param $p i32) (param $v i32) (param $w v128) (result i32) (local $t i32)
                 {body} (local.get $v))
               (func (param i32) (result i32) (local.get 0)))"
        )
    }

    /// How many fused accesses `code` holds: `(added, indexed)`.
    fn fused(code: &[Instr]) -> (usize, usize) {
        // A form reading the result register (`result_register.rs`) counts as its plain form.
        let names: Vec<String> = code
            .iter()
            .map(|i| format!("{i:?}").split(' ').next().unwrap().to_string())
            .map(|n| {
                let plain = n.trim_end_matches("AccVal").trim_end_matches("AccPtr");
                plain.trim_end_matches("Acc").to_string()
            })
            .filter(|n| n != "I32Add" && n != "I64Add")
            .collect();
        let count = |suffix| names.iter().filter(|n| n.ends_with(suffix)).count();
        (count("Add"), count("Idx"))
    }

    const P16: &str = "(i32.add (local.get $p) (i32.const 16))";

    #[test]
    fn every_load_and_store_of_memory_0_fuses_its_added_address() {
        for gas in [false, true] {
            for (op, result) in [
                ("i32.load8_s", "drop"),
                ("i32.load8_u", "drop"),
                ("i32.load16_s", "drop"),
                ("i64.load16_u", "drop"),
                ("i64.load32_s", "drop"),
                ("f32.load", "drop"),
                ("f64.load", "drop"),
                ("v128.load", "drop"),
            ] {
                let code = code(&func(&format!("({op} {P16}) {result}")), gas);
                assert_eq!(fused(&code), (1, 0), "{op}: {code:?}");
                assert!(
                    !code.iter().any(|i| matches!(i, Instr::I32AddImm { .. })),
                    "{op}"
                );
            }
            for (op, val) in [
                ("i32.store8", "(local.get $v)"),
                ("i32.store16", "(local.get $v)"),
                ("i32.store", "(local.get $v)"),
                ("i64.store", "(i64.const 5)"),
                ("v128.store", "(local.get $w)"),
            ] {
                let wat = func(&format!("(loop ({op} {P16} {val}))"));
                let code = code(&wat, gas);
                assert_eq!(fused(&code), (1, 0), "{op}: {code:?}");
            }
        }
    }

    #[test]
    fn a_sum_used_elsewhere_or_not_right_before_is_not_fused() {
        for body in [
            // A static offset: the fusion would have to fold it.
            format!("(i32.load offset=4 {P16}) drop"),
            // The sum is kept in a local.
            "(i32.load (local.tee $t (i32.add (local.get $p) (i32.const 16)))) drop".into(),
            // Another memory.
            format!("(i32.load 1 {P16}) drop"),
            // The stored value's computation branches, calls, or writes a local.
            format!("(i32.store {P16} (if (result i32) (local.get $v) (then (i32.const 1)) (else (i32.const 2))))"),
            format!("(i32.store {P16} (call 1 (local.get $v)))"),
            format!("(i32.store {P16} (local.tee $t (i32.mul (local.get $v) (local.get $v))))"),
            // A sum of two registers.
            "(i32.load (i32.add (local.get $p) (local.get $v))) drop".into(),
        ] {
            let code = code(&func(&body), false);
            assert_eq!(fused(&code), (0, 0), "{body}: {code:?}");
        }
    }

    #[test]
    fn a_store_fuses_the_address_computed_before_its_value() {
        let shl = "(i32.shl (local.get $v) (i32.const 2))";
        for gas in [false, true] {
            for (body, want) in [
                (format!("(i32.store {P16} (i32.mul (local.get $v) (local.get $v)))"), (1, 0)),
                // A constant value is materialised between them outside loops.
                (format!("(i32.store {P16} (i32.const 7))"), (1, 0)),
                (format!("(f64.store {P16} (f64.mul (f64.load (local.get $v)) (f64.const 2)))"), (1, 0)),
                (
                    format!("(loop (i32.store (i32.add {shl} (i32.const 1184))
                       (i32.xor (i32.load (local.get $p)) (i32.load (local.get $v)))))"),
                    (0, 1),
                ),
                (
                    format!("(i32.store (i32.add (local.get $p) {shl}) (i32.add (local.get $v) (i32.const 1)))"),
                    (0, 1),
                ),
            ] {
                let code = code(&func(&body), gas);
                assert_eq!(fused(&code), want, "{body}: {code:?}");
                assert!(
                    !code.iter().any(|i| matches!(i, Instr::I32AddImm { imm: 16 | 1184, .. })),
                    "{body}: {code:?}"
                );
            }
        }
    }

    #[test]
    fn an_index_multiplied_by_the_access_width_fuses_as_a_shifted_one() {
        for gas in [false, true] {
            for (body, want) in [
                ("(drop (i32.load (i32.add (local.get $p) (i32.mul (local.get $v) (i32.const 4)))))", (0, 1)),
                ("(i64.store (i32.add (local.get $p) (i32.mul (local.get $v) (i32.const 8))) (i64.const 1))", (0, 1)),
                // Not the access's width, or not a power of two: no indexed access.
                ("(drop (i32.load (i32.add (local.get $p) (i32.mul (local.get $v) (i32.const 8)))))", (0, 0)),
                ("(drop (i32.load (i32.add (local.get $p) (i32.mul (local.get $v) (i32.const 3)))))", (0, 0)),
            ] {
                let code = code(&func(body), gas);
                assert_eq!(fused(&code), want, "{body}: {code:?}");
            }
        }
    }

    #[test]
    fn a_value_that_overwrites_the_index_keeps_the_address_apart() {
        // The shifted index is computed in the slot the value is computed in next.
        let body =
            "(i32.store (i32.add (local.get $p) (i32.shl (i32.load (local.get $v)) (i32.const 2)))
                      (i32.load (local.get $p)))";
        let code = code(&func(body), false);
        assert_eq!(fused(&code), (0, 0), "{code:?}");
    }

    #[test]
    fn a_branch_landing_between_shift_and_add_keeps_the_shift() {
        // `br_if` carries 100 to the block's end, where the `i32.add` stands.
        let body = "(i32.load (i32.add (local.get $p)
                      (block (result i32) (drop (br_if 0 (i32.const 100) (local.get $v)))
                        (i32.shl (local.get $v) (i32.const 2))))) drop";
        let code = code(&func(body), false);
        assert_eq!(fused(&code), (0, 0), "{code:?}");
        assert!(code.iter().any(|i| matches!(i, Instr::I32ShlImm { .. })));
    }

    #[test]
    fn an_index_shifted_by_the_width_and_added_to_a_base_fuses() {
        let shl = |k: u32| format!("(i32.shl (local.get $v) (i32.const {k}))");
        for gas in [false, true] {
            for body in [
                format!("(i32.load (i32.add (local.get $p) {})) drop", shl(2)),
                format!("(f64.load (i32.add {} (local.get $p))) drop", shl(3)),
                format!("(i64.load32_s (i32.add (local.get $p) {})) drop", shl(2)),
                format!("(i32.load16_s (i32.add (local.get $p) {})) drop", shl(1)),
                "(i32.load8_u (i32.add (local.get $p) (local.get $v))) drop".into(),
                format!(
                    "(i32.store (i32.add (local.get $p) {}) (local.get $v))",
                    shl(2)
                ),
                format!(
                    "(i64.store16 (i32.add (local.get $p) {}) (i64.const 1))",
                    shl(1)
                ),
                // A constant base, hoisted inside a loop.
                format!(
                    "(loop (i32.load (i32.add {} (i32.const 1184))) drop)",
                    shl(2)
                ),
            ] {
                let code = code(&func(&format!("(loop {body})")), gas);
                assert_eq!(fused(&code), (0, 1), "{body}: {code:?}");
                assert!(
                    !code.iter().any(|i| matches!(i, Instr::I32ShlImm { .. })),
                    "{body}"
                );
            }
        }
    }

    #[test]
    fn a_shift_by_another_scale_or_across_a_loop_head_fuses_the_add_alone() {
        for body in [
            "(i32.load (i32.add (i32.shl (local.get $v) (i32.const 3)) (i32.const 8))) drop",
            // Outside loops a constant base has no slot.
            "(i32.load (i32.add (i32.shl (local.get $v) (i32.const 2)) (i32.const 8))) drop",
            // A branch back to the loop lands on the `i32.add`, after the `i32.shl`.
            "local.get $v i32.const 2 i32.shl
             (loop (param i32) (result i32) i32.const 8 i32.add i32.load) drop",
        ] {
            let code = code(&func(body), false);
            assert_eq!(fused(&code), (1, 0), "{body}: {code:?}");
            assert!(
                code.iter().any(|i| matches!(i, Instr::I32ShlImm { .. })),
                "{body}"
            );
        }
    }
}

/// Generates [`indexed`] from the pairs of a memory-0 access and its indexed form.
macro_rules! indexed_forms {
    (
        loads { $($load:ident => $load_idx:ident << $lk:literal;)* }
        stores { $($store:ident => $store_idx:ident << $sk:literal;)* }
    ) => {
        /// The indexed form of `access`, a memory-0 access with static offset 0, at address
        /// `(base + (index << k)) mod 2^32`, with `k` its scale (log2 of its width in
        /// bytes); `None` if the access has no indexed form.
        pub(super) fn indexed(access: Instr, base: Reg, index: Reg) -> Option<(Instr, u32)> {
            Some(match access {
                $(Instr::$load { dst, .. } => (Instr::$load_idx { dst, base, index }, $lk),)*
                $(Instr::$store { val, .. } => (Instr::$store_idx { base, index, val }, $sk),)*
                _ => return None,
            })
        }
    };
}

indexed_forms! {
    loads {
        Load8S => Load8SIdx << 0;
        Load8U => Load8UIdx << 0;
        Load16S => Load16SIdx << 1;
        Load16U => Load16UIdx << 1;
        Load32S => Load32SIdx << 2;
        Load32U => Load32UIdx << 2;
        Load64 => Load64Idx << 3;
    }
    stores {
        Store8 => Store8Idx << 0;
        Store16 => Store16Idx << 1;
        Store32 => Store32Idx << 2;
        Store64 => Store64Idx << 3;
    }
}
