//! A load through a pointer that the load right before it loaded, one instruction.
//!
//! Compiled C follows pointers: `list->info->idx` is `(i32.load16_u offset=2 (i32.load
//! offset=4 (local.get $list)))`, two loads where the second's address is the first's
//! result. Translated one operator at a time, that is two dispatches and the pointer passes
//! through a frame slot. When a load of memory 0 reads its address from the temporary the
//! last instruction, an `i32.load` of memory 0 (`Load32U`, also `f32.load` and
//! `i64.load32_u`, which load the same bits), just wrote, the two become one
//! [`Instr::Load16UThrough`] (and so on for every integer width): the first access's
//! address and offset in the instruction, the second's offset in a data word.
//!
//! The pointer is a temporary the second load pops, so nothing else reads it and its slot
//! is no longer written. The data word stands where the second load was translated, so
//! the code keeps its length and every position keeps its Wasm operator: a trap of the
//! first access names the first load, one of the second the second load
//! (`Cx::out_of_bounds_past`). The first instruction is the last one emitted
//! (`Translator::last_result`, which no label, block boundary or gas charge leaves
//! standing), so no branch lands between the two; loads never pause, and gas is charged
//! per Wasm operator in the block's `ConsumeGas`, so results, gas and pause points are
//! those of the two loads.

use super::{Operand, Translator};
use crate::engine::ir::{Instr, Reg};

impl Translator<'_> {
    /// Fuses `second`, a load of memory 0 reading its address from the temporary `ptr`
    /// just popped from `pos` (its destination that temporary's slot, its offset filled
    /// in), with the `Load32U` that wrote that temporary right before it; true when it did,
    /// with the fused load in the first's place and its data word emitted.
    pub(super) fn load_through(&mut self, ptr: Operand, pos: usize, second: Instr) -> bool {
        if ptr != Operand::Temp {
            return false;
        }
        let Some(at) = self
            .last_result
            .filter(|&at| at + 1 == self.code.len() && self.label_at <= at)
        else {
            return false;
        };
        let Instr::Load32U {
            dst,
            ptr: base,
            offset: first,
        } = self.code[at]
        else {
            return false;
        };
        let Some((fused, offset)) = through(second, base, first) else {
            return false;
        };
        if dst != self.temp(pos) {
            return false;
        }
        self.code[at] = fused;
        self.code.push(Instr::Data {
            a: offset,
            b: 0,
            c: 0,
        });
        self.last_result = Some(at);
        true
    }
}

/// `second` loading through the pointer at `base + first`: the fused instruction and the
/// second access's offset. `None` for an instruction that is not a plain load of memory 0.
fn through(second: Instr, base: Reg, first: u32) -> Option<(Instr, u32)> {
    macro_rules! through {
        ($($load:ident => $fused:ident),*) => {
            match second {
                $(Instr::$load { dst, offset, .. } => {
                    Some((Instr::$fused { dst, ptr: base, first }, offset))
                })*
                _ => None,
            }
        };
    }
    through!(
        Load8S => Load8SThrough,
        Load8U => Load8UThrough,
        Load16S => Load16SThrough,
        Load16U => Load16UThrough,
        Load32S => Load32SThrough,
        Load32U => Load32UThrough,
        Load64 => Load64Through
    )
}

#[cfg(test)]
mod tests {
    use crate::engine::ir::Instr;

    fn code(body: &str) -> Vec<Instr> {
        let wat = format!(
            r#"(module (memory 1)
                 (func (param $p i32) (param $q i32) (result i32) (local $t i32) {body}))"#
        );
        crate::engine::translator::test_code(&wat, false)
    }

    #[test]
    fn a_load_through_a_loaded_pointer_is_one_instruction_with_both_offsets() {
        let code = code("(i32.load16_u offset=2 (i32.load offset=4 (local.get $p)))");
        assert!(
            matches!(
                code[..2],
                [
                    Instr::Load16UThrough {
                        ptr: 0,
                        first: 4,
                        ..
                    },
                    Instr::Data { a: 2, b: 0, c: 0 },
                ]
            ),
            "{code:?}"
        );
    }

    #[test]
    fn the_result_goes_straight_to_the_local_it_is_set_to() {
        let code =
            code("(local.set $t (i32.load16_s offset=8 (i32.load (local.get $p)))) (local.get $t)");
        assert!(
            matches!(
                code[0],
                Instr::Load16SThrough {
                    dst: 2,
                    ptr: 0,
                    first: 0
                }
            ),
            "{code:?}"
        );
        assert!(
            !code.iter().any(|i| matches!(i, Instr::Copy { .. })),
            "{code:?}"
        );
    }

    #[test]
    fn a_pointer_computed_right_before_is_read_from_the_result_register() {
        let code =
            code("(i32.load8_s (i32.load offset=4 (i32.and (local.get $p) (local.get $q))))");
        assert!(
            code.iter()
                .any(|i| matches!(i, Instr::Load8SThroughAcc { first: 4, .. })),
            "{code:?}"
        );
    }

    #[test]
    fn a_pointer_kept_in_a_local_or_loaded_from_another_memory_stays_apart() {
        let kept = code("(i32.load8_u (local.tee $t (i32.load (local.get $p))))");
        let through = |code: &[Instr]| {
            code.iter().any(|i| {
                matches!(
                    i,
                    Instr::Load8UThrough { .. } | Instr::Load32UThrough { .. }
                )
            })
        };
        assert!(!through(&kept), "{kept:?}");
        // A label between the two: a branch may land on the second.
        let labelled = code(
            "(i32.load8_u (block (result i32) (i32.load (local.get $p)) (br_if 0 (local.get $q))))",
        );
        assert!(!through(&labelled), "{labelled:?}");
        // A load of a pointer with a 64-bit result is not a pointer of memory 0.
        let wide = code("(i32.load (i32.wrap_i64 (i64.load (local.get $p))))");
        assert!(!through(&wide), "{wide:?}");
    }
}
