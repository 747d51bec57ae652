//! Two loads of the same width in a row, one instruction.
//!
//! Compiled code reads several fields or elements at once: a dot product loads `a[i]` and
//! `b[j]` before multiplying them, a comparison loads both sides, a copy of a struct loads
//! its fields one after the other. Each load is a dispatch of its own. A load of memory 0
//! right after a load of the same width (`Load16U` after `Load16U`, and so on) becomes the
//! second half of a [`Instr::Load16UPair`]: both loads, in order, in one dispatch, the
//! second's address slot and both static offsets in a data word that takes the second
//! instruction's place.
//!
//! The pairs form on the finished code ([`pair_loads`]), which keeps its length, so every
//! recorded position stays right: a trap of the first load names the first, one of the
//! second the second (`Cx::out_of_bounds_past`). No branch may land on the second: then it
//! stays apart. A second load whose address is the first's result stays apart too: it
//! would wait on the first, which the result register already serves (and a pointer
//! loaded into a temporary is fused with its load, `load_through.rs`). Loads never pause
//! or call, and gas is charged per Wasm operator in the block's `ConsumeGas`, so results,
//! gas and pause points are those of the two. The pair hands on the second's result in the
//! result register, as the second load does.

use crate::engine::ir::Instr;

/// Makes every load of memory 0 that follows a load of the same width, on which no branch
/// lands and whose address is not the first's result, the second half of a pair (see the
/// module documentation), its data word in the second's place.
pub(super) fn pair_loads(code: &mut [Instr]) {
    super::pair_in_place(code, paired);
}

/// The pair `first` and `second` make, and its data word, when they are loads of memory 0
/// of the same width and `second` does not read `first`'s result.
fn paired(first: Instr, second: Instr) -> Option<(Instr, Instr)> {
    macro_rules! pairs {
        ($($load:ident => $pair:ident),*) => {
            match (first, second) {
                $((
                    Instr::$load { dst: dst0, ptr: ptr0, offset: offset0 },
                    Instr::$load { dst, ptr, offset },
                ) if ptr != dst0 => Some((
                    Instr::$pair { dst0, ptr0, dst },
                    Instr::Data { a: ptr, b: offset0, c: offset },
                )),)*
                _ => None,
            }
        };
    }
    pairs!(
        Load8S => Load8SPair,
        Load8U => Load8UPair,
        Load16S => Load16SPair,
        Load16U => Load16UPair,
        Load32S => Load32SPair,
        Load32U => Load32UPair,
        Load64 => Load64Pair
    )
}

#[cfg(test)]
mod tests {
    use crate::engine::ir::Instr;

    fn code(body: &str) -> Vec<Instr> {
        let wat = format!(
            r#"(module (memory 1)
                 (func (param $p i32) (param $q i32) (result i32) (local $a i32) {body}))"#
        );
        crate::engine::translator::test_code(&wat, false)
    }

    #[test]
    fn two_loads_of_a_width_in_a_row_are_one_instruction() {
        let code = code(
            "(i32.mul (i32.load16_s offset=2 (local.get $p)) (i32.load16_s offset=6 (local.get $q)))",
        );
        assert!(
            matches!(
                code[..2],
                [
                    Instr::Load16SPair { ptr0: 0, .. },
                    Instr::Data { a: 1, b: 2, c: 6 },
                ]
            ),
            "{code:?}"
        );
    }

    #[test]
    fn loads_of_two_widths_a_landed_second_or_a_dependent_one_stay_apart() {
        let pairs = |code: &[Instr]| {
            code.iter().any(|i| {
                matches!(
                    i,
                    Instr::Load8UPair { .. }
                        | Instr::Load16UPair { .. }
                        | Instr::Load32UPair { .. }
                )
            })
        };
        let widths = code("(i32.add (i32.load8_u (local.get $p)) (i32.load16_u (local.get $q)))");
        assert!(!pairs(&widths), "{widths:?}");
        // The second starts a loop its back edge lands on.
        let landed = code(
            "(local.set $a (i32.load (local.get $p)))
             (loop $l
               (local.set $a (i32.add (local.get $a) (i32.load (local.get $q))))
               (br_if $l (local.get $a)))
             (local.get $a)",
        );
        assert!(
            landed
                .iter()
                .filter(|i| matches!(i, Instr::Load32U { .. } | Instr::Load32UAcc { .. }))
                .count()
                == 2,
            "{landed:?}"
        );
        let dependent = code("(local.set $a (i32.load (local.get $p))) (i32.load (local.get $a))");
        assert!(!pairs(&dependent), "{dependent:?}");
    }
}
