//! A value in memory updated in place by a constant, one instruction.
//!
//! Counters live in memory: `count[state]++`, `node->refs -= 1`, `stats.calls += 1`
//! compile to `(i32.store offset=o (local.get $p) (i32.add (i32.load offset=o (local.get
//! $p)) (i32.const 1)))`: a load, an addition and a store, three dispatches, the value
//! passing through two temporaries. When a store of memory 0 stores the temporary an
//! `i32.add` (or `i32.sub`) of a constant just computed from the temporary the load of the
//! same width right before it wrote, at the same address (the same local, not written
//! since, and the same static offset), the three become one [`Instr::I32AddImmStore`] (or
//! [`Instr::I64AddImmStore`]) at the load's place.
//!
//! The temporaries are popped once, by the addition and the store, so nothing else reads
//! them and their slots are no longer written. A store of the same width to the address
//! the load just read never traps, so the fused instruction traps only where the load
//! would, and stands where the load stood: a trap names the load. The two instructions
//! are the last ones emitted, with no label between them or after them
//! (`Translator::last_result`, `Translator::label_at`), so no branch lands inside; loads,
//! additions and stores never pause, and gas is charged per Wasm operator in the block's
//! `ConsumeGas`, so results, gas and pause points are those of the three.

use super::{Operand, Translator};
use crate::engine::ir::Instr;

impl Translator<'_> {
    /// Emits `store` (a store of memory 0 with static offset `offset`, its slots not filled
    /// in) of `val`, popped from `val_pos`, to `ptr` fused with the load and the addition
    /// that computed `val` when they update the same address (see the module docs); false
    /// (nothing changed) otherwise.
    pub(super) fn add_in_memory(
        &mut self,
        (val, val_pos): (Operand, usize),
        ptr: Operand,
        offset: u32,
        store: Instr,
    ) -> bool {
        let (Operand::Temp, Operand::Local(base)) = (val, ptr) else {
            return false;
        };
        let n = self.code.len();
        if n < 2 || self.last_result != Some(n - 1) || self.label_at > n - 2 {
            return false;
        }
        let temp = self.temp(val_pos);
        let Some(fused) = updated(store, self.code[n - 2], self.code[n - 1])
            .filter(|&(ptr, o, reg, _)| ptr == base && o == offset && reg == temp)
            .map(|(_, _, _, make)| make)
        else {
            return false;
        };
        self.code.truncate(n - 2);
        self.emit(fused);
        self.last_result = None;
        // The addition is gone, and the store emitted nothing of its own: the fused
        // instruction stands where the load did and is described as the load.
        self.fused_away = Some((n - 1, 1));
        true
    }
}

/// The fused update when `load`, then `add` (of a constant, to the load's result, into that
/// slot), then `store` (of the same width) make one: the load's address slot, its offset,
/// the slot the load and the addition write (which must be the store's value's), and the
/// fused instruction.
fn updated(store: Instr, load: Instr, add: Instr) -> Option<(u32, u32, u32, Instr)> {
    use Instr::*;
    let (ptr, offset, loaded, lhs, dst, imm, wide) = match (store, load, add) {
        (Store32 { .. }, Load32U { dst, ptr, offset }, I32AddImm { dst: d, lhs, imm }) => {
            (ptr, offset, dst, lhs, d, imm, false)
        }
        (Store32 { .. }, Load32U { dst, ptr, offset }, I32SubImm { dst: d, lhs, imm }) => {
            (ptr, offset, dst, lhs, d, imm.wrapping_neg(), false)
        }
        (Store64 { .. }, Load64 { dst, ptr, offset }, I64AddImm { dst: d, lhs, imm }) => {
            (ptr, offset, dst, lhs, d, imm, true)
        }
        (Store64 { .. }, Load64 { dst, ptr, offset }, I64SubImm { dst: d, lhs, imm }) => {
            (ptr, offset, dst, lhs, d, imm.checked_neg()?, true)
        }
        _ => return None,
    };
    if lhs != loaded || dst != loaded {
        return None;
    }
    let fused = if wide {
        I64AddImmStore { ptr, offset, imm }
    } else {
        I32AddImmStore { ptr, offset, imm }
    };
    Some((ptr, offset, loaded, fused))
}

#[cfg(test)]
mod tests {
    use crate::engine::ir::Instr;

    fn code(body: &str) -> Vec<Instr> {
        let wat = format!(
            r#"(module (memory 1)
                 (func (param $p i32) (param $q i32) (local $a i32) {body}))"#
        );
        crate::engine::translator::test_code(&wat, false)
    }

    #[test]
    fn a_counter_in_memory_stepped_by_a_constant_is_one_instruction() {
        let code = code(
            "(i32.store offset=8 (local.get $p) (i32.add (i32.load offset=8 (local.get $p)) (i32.const 3)))
             (i64.store (local.get $q) (i64.sub (i64.load (local.get $q)) (i64.const 5)))
             (i32.store (local.get $q) (i32.sub (i32.load (local.get $q)) (i32.const 1)))",
        );
        assert!(
            matches!(
                code[..3],
                [
                    Instr::I32AddImmStore {
                        ptr: 0,
                        offset: 8,
                        imm: 3
                    },
                    Instr::I64AddImmStore {
                        ptr: 1,
                        offset: 0,
                        imm: -5
                    },
                    Instr::I32AddImmStore {
                        ptr: 1,
                        offset: 0,
                        imm: -1
                    },
                ]
            ),
            "{code:?}"
        );
    }

    #[test]
    fn another_address_width_or_a_written_pointer_stays_apart() {
        let fused = |code: &[Instr]| {
            code.iter().any(|i| {
                matches!(
                    i,
                    Instr::I32AddImmStore { .. } | Instr::I64AddImmStore { .. }
                )
            })
        };
        for body in [
            // Another offset, another local.
            "(i32.store offset=4 (local.get $p) (i32.add (i32.load (local.get $p)) (i32.const 1)))",
            "(i32.store (local.get $q) (i32.add (i32.load (local.get $p)) (i32.const 1)))",
            // Another width.
            "(i32.store16 (local.get $p) (i32.add (i32.load (local.get $p)) (i32.const 1)))",
            // The pointer written between the load and the store.
            "(i32.store (local.get $p)
               (i32.add (i32.load (local.tee $p (local.get $q))) (i32.const 1)))",
            // The loaded value kept in a local.
            "(i32.store (local.get $p) (i32.add (local.tee $a (i32.load (local.get $p))) (i32.const 1)))",
            // The sum of two loaded values.
            "(i32.store (local.get $p) (i32.add (i32.load (local.get $p)) (i32.load (local.get $q))))",
        ] {
            let code = code(body);
            assert!(!fused(&code), "{body}: {code:?}");
        }
    }
}
