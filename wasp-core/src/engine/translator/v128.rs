//! `v128` values in the translator's model: how a 128-bit value lives in 64-bit slots.
//!
//! A `v128` takes two adjacent slots, its low half first, and two adjacent entries of the
//! modelled operand stack: each half is an ordinary [`Operand`] (a local's slot, a
//! temporary, a constant half), so moves, materialisation, block parameters and results,
//! calls and returns carry a `v128` as two slots without knowing it. Arities are counted in
//! slots (`FuncType::param_slots`, [`wasm_slots`]). A local of type `v128` takes two
//! consecutive slots as well, so the slot of local `i` is the sum of the widths before it.
//!
//! Instructions on `v128` name the low slot of a pair and read or write it and the next
//! slot. [`Translator::pop_v128`] returns such a low slot: a local's, the temporary pair's,
//! or the operand's temporaries after moving its halves there (a constant is never hoisted
//! half by half, which would break the pair: inside loops both halves are hoisted together,
//! into adjacent slots, by [`Translator::hoist_pair`]). Scalar code is translated exactly as before.

use wasmparser::{FuncValidator, Operator, WasmModuleResources};

use super::{Operand, Translator};
use crate::engine::ir::{Instr, Reg};
use crate::types::ValType;

/// How many slots a value of the validator's type takes.
pub(super) fn wasm_slots(ty: wasmparser::ValType) -> u32 {
    if ty == wasmparser::ValType::V128 {
        2
    } else {
        1
    }
}

/// The slots of a function's locals, as they are declared.
pub(super) struct LocalLayout {
    /// The first slot of every local, once a `v128` local has been seen; empty before.
    starts: Vec<u32>,
    /// Whether a `v128` local has been seen.
    wide: bool,
    /// How many locals have been declared.
    count: u64,
    /// How many slots they take.
    slots: u64,
}

impl LocalLayout {
    /// The layout of the parameters.
    pub(super) fn new(params: &[ValType]) -> LocalLayout {
        let mut layout = LocalLayout {
            starts: Vec::new(),
            wide: false,
            count: 0,
            slots: 0,
        };
        for &ty in params {
            layout.push(1, ty.slots() as u32);
        }
        layout
    }

    /// Declares `count` locals of type `ty`.
    pub(super) fn declare(&mut self, count: u32, ty: wasmparser::ValType) {
        self.push(count, wasm_slots(ty));
    }

    fn push(&mut self, count: u32, width: u32) {
        if width == 2 && !self.wide {
            // Until now local `i` was slot `i`. Validation bounds the number of locals.
            self.starts = (0..self.count as u32).collect();
            self.wide = true;
        }
        if self.wide {
            let first = self.slots as u32;
            self.starts
                .extend((0..count).map(|k| first.wrapping_add(k.wrapping_mul(width))));
        }
        self.count += u64::from(count);
        self.slots += u64::from(count) * u64::from(width);
    }

    /// How many slots the locals declared so far take.
    pub(super) fn slots(&self) -> u64 {
        self.slots
    }

    /// Whether a local is a `v128`.
    pub(super) fn has_v128(&self) -> bool {
        self.wide
    }

    /// The first slot of every local and the end, or nothing when local `i` is slot `i`.
    pub(super) fn finish(mut self) -> Box<[u32]> {
        if self.wide {
            self.starts.push(self.slots as u32);
        }
        self.starts.into()
    }
}

impl Translator<'_> {
    /// Notes that a `v128` appears in the function.
    pub(super) fn saw_v128(&mut self) {
        self.has_v128 = true;
        self.refs.saw_v128();
    }

    /// Notes, before the validator consumes `op`, whether the operand it drops or selects,
    /// or the global it reads or writes, is a `v128`.
    pub(super) fn note_v128_operand(
        &mut self,
        op: &Operator<'_>,
        v: &FuncValidator<super::Resources>,
    ) {
        let is_v128 =
            |t: Option<Option<wasmparser::ValType>>| t == Some(Some(wasmparser::ValType::V128));
        let global = |g: u32| {
            v.resources()
                .global_at(g)
                .is_some_and(|g| g.content_type == wasmparser::ValType::V128)
        };
        self.v128_operand = match op {
            Operator::Drop => is_v128(v.get_operand_type(0)),
            Operator::Select => is_v128(v.get_operand_type(1)),
            Operator::TypedSelect { ty } => *ty == wasmparser::ValType::V128,
            Operator::GlobalGet { global_index } | Operator::GlobalSet { global_index } => {
                global(*global_index)
            }
            _ => false,
        };
        if self.v128_operand {
            self.saw_v128();
        }
    }

    /// The slot of local `local`, and whether it is a `v128`.
    pub(super) fn local_slot(&self, local: u32) -> (Reg, bool) {
        match self.local_slots.get(local as usize..local as usize + 2) {
            Some(&[first, next]) => (first, next - first == 2),
            _ => (local, false),
        }
    }

    /// Pushes a new `v128` temporary pair; returns its low slot.
    pub(super) fn push_v128_temp(&mut self) -> Reg {
        self.push(Operand::Temp);
        self.push(Operand::Temp);
        self.temp(self.height() - 2)
    }

    /// Pops a `v128` and returns the low slot of an adjacent pair holding it.
    pub(super) fn pop_v128(&mut self) -> Reg {
        let (hi, hi_pos) = self.pop();
        let (lo, lo_pos) = self.pop();
        match (lo, hi) {
            (Operand::Local(l), Operand::Local(h)) if h == l.wrapping_add(1) => l,
            (Operand::Temp, Operand::Temp) => self.temp(lo_pos),
            _ => {
                if let (Operand::Const(l), Operand::Const(h)) = (lo, hi) {
                    if let Some(slot) = self.hoist_pair(l, h) {
                        return slot;
                    }
                }
                let dst = self.temp(lo_pos);
                self.emit_move(dst, lo, lo_pos);
                self.emit_move(dst + 1, hi, hi_pos);
                dst
            }
        }
    }

    /// The low slot of a pair of hoisted slots holding the `v128` constant of halves `lo`,
    /// `hi`, when it is read inside a loop and may be hoisted (see `hoist`): the
    /// constant is then written once on entry instead of on every iteration.
    pub(super) fn hoist_pair(&mut self, lo: u64, hi: u64) -> Option<Reg> {
        if self.loops == 0 {
            return None;
        }
        let found = self.hoisted.windows(2).position(|w| w == [lo, hi]);
        let index = match found {
            Some(i) => i,
            None if self.hoisted.len() + 2 <= super::MAX_HOISTED => {
                self.hoisted.extend([lo, hi]);
                self.hoisted.len() - 2
            }
            None => return None,
        };
        Some(self.num_locals + index as Reg)
    }

    /// `local.get` of a `v128` local whose first slot is `slot`.
    pub(super) fn v128_local_get(&mut self, slot: Reg) {
        self.push(Operand::Local(slot));
        self.push(Operand::Local(slot + 1));
    }

    /// `local.set` or `local.tee` of a `v128` local whose first slot is `slot`.
    pub(super) fn v128_local_set(&mut self, slot: Reg, tee: bool) {
        let (hi, _) = self.pop();
        let (lo, pos) = self.pop();
        // Operands still reading the local get their copies first (which ends redirection).
        self.preserve_local(slot);
        self.preserve_local(slot + 1);
        let temp = self.temp(pos);
        // Redirect the computation of a temporary pair into the local.
        let redirected = (lo, hi) == (Operand::Temp, Operand::Temp)
            && self
                .last_result
                .is_some_and(|at| match self.code[at].result_mut() {
                    Some(dst) if *dst == temp => {
                        *dst = slot;
                        true
                    }
                    _ => false,
                });
        if !redirected {
            self.emit_move_v128(slot, (lo, hi), pos);
        }
        self.last_result = None;
        if tee {
            self.v128_local_get(slot);
        }
    }

    /// Moves the `v128` of halves `lo`, `hi` (at stack positions `pos` and `pos + 1`) into
    /// the pair `dst`, leaving the model unchanged: one `V128Copy` when both halves sit in a
    /// pair already (a local's, a temporary pair, constants hoisted together), else half by
    /// half.
    fn emit_move_v128(&mut self, dst: Reg, (lo, hi): (Operand, Operand), pos: usize) {
        let src = match (lo, hi) {
            (Operand::Local(l), Operand::Local(h)) if h == l.wrapping_add(1) => Some(l),
            (Operand::Temp, Operand::Temp) => Some(self.temp(pos)),
            (Operand::Const(l), Operand::Const(h)) => self.hoist_pair(l, h),
            _ => None,
        };
        match src {
            Some(src) if src == dst => {}
            Some(src) => {
                self.emit(Instr::V128Copy { dst, src });
            }
            None => {
                self.emit_move(dst, lo, pos);
                self.emit_move(dst + 1, hi, pos + 1);
            }
        }
    }

    /// `drop` of a `v128`.
    pub(super) fn v128_drop(&mut self) {
        self.pop();
        self.pop();
    }

    /// `select` of two `v128`s: one `select` per half.
    pub(super) fn v128_select(&mut self) {
        let cond = self.pop_reg();
        let b = self.pop_v128();
        let a = self.pop_v128();
        let dst = self.push_v128_temp();
        for half in 0..2 {
            self.emit(Instr::Select {
                dst: dst + half,
                a: a + half,
                b: b + half,
            });
            self.emit(Instr::Data {
                a: cond,
                b: 0,
                c: 0,
            });
        }
    }

    /// `global.get` of a `v128` global.
    pub(super) fn v128_global_get(&mut self, global: u32) {
        let dst = self.push_v128_temp();
        self.emit_result(Instr::V128GlobalGet { dst, global });
    }

    /// `global.set` of a `v128` global.
    pub(super) fn v128_global_set(&mut self, global: u32) {
        let src = self.pop_v128();
        self.emit(Instr::V128GlobalSet { src, global });
    }
}
