//! A branch back to a loop that would carry each parameter out of the local the loop's head
//! stores it in skips the round trip.
//!
//! A loop with parameters usually starts by storing them in locals (`loop (param i32 i32)
//! (local.set $acc) (local.set $k) ...`), and its back edge carries the same locals again
//! (`(local.get $k) (local.get $acc) (br_if $loop ...)`). Translated as it reads, every
//! iteration moves each local into its parameter's slot and, at the head, back into the
//! local. When the loop's first instructions (no `ConsumeGas`, so without metering) are
//! exactly those moves, parameter slot `k` to local `l_k`, and the branch carries local
//! `l_k` as value `k`, taking the branch and then the moves leaves every local as it was,
//! and the parameter slots are read by nothing but those moves: the branch instead lands
//! after the moves and moves nothing. The loop's entry from above still runs them.
//!
//! Results do not change (only slots nothing reads are left unwritten), nor do gas figures
//! (there is no metering here). Branches landing after the moves make the instruction
//! there a branch target, which the result register's rule accounts for like any other.

use super::{ControlKind, Operand, Translator};
use crate::engine::ir::Instr;

impl Translator<'_> {
    /// Where a branch to the loop `depth` levels out lands when it can skip the moves that
    /// start the loop (see the module docs): the index after them. `None` otherwise.
    pub(super) fn after_param_moves(&self, depth: usize) -> Option<usize> {
        if self.env.costs.is_some() {
            return None;
        }
        let frame = self.frame(depth);
        let arity = frame.branch_arity();
        if frame.kind != ControlKind::Loop || arity == 0 {
            return None;
        }
        let (moves, end) = self.leading_moves(frame.head, arity)?;
        let h = self.height();
        let carried_back = (0..arity).all(|k| match self.stack[h - arity + k] {
            Operand::Local(l) => moves.contains(&(self.temp(frame.height + k), l)),
            _ => false,
        });
        carried_back.then_some(end)
    }

    /// The first `count` moves from `at` on, as `(from, to)`, with the index after them, when
    /// the code there starts with exactly that many moves in `Copy` and `Copy2` instructions.
    fn leading_moves(&self, mut at: usize, count: usize) -> Option<(Vec<(u32, u32)>, usize)> {
        let mut moves = Vec::with_capacity(count);
        while moves.len() < count {
            match *self.code.get(at)? {
                Instr::Copy { dst, src } => {
                    moves.push((src, dst));
                    at += 1;
                }
                Instr::Copy2 { dst0, src0, dst } => {
                    let Instr::Data { a: src, .. } = *self.code.get(at + 1)? else {
                        return None;
                    };
                    moves.push((src0, dst0));
                    moves.push((src, dst));
                    at += 2;
                }
                _ => return None,
            }
        }
        (moves.len() == count).then_some((moves, at))
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::ir::Instr;

    /// The code of a function whose loop stores its two parameters in `$a` and `$b` and
    /// branches back with `back` (the values it carries, then the branch).
    fn code(back: &str, gas: bool) -> Vec<Instr> {
        let wat = format!(
            "(module (func (param $n i32) (result i32 i32) (local $a i32) (local $b i32)
               (i32.const 1) (i32.const 2)
               (loop $l (param i32 i32) (result i32 i32)
                 (local.set $b) (local.set $a)
                 (local.set $n (i32.sub (local.get $n) (local.get $a)))
                 {back})))"
        );
        crate::engine::translator::test_code(&wat, gas)
    }

    /// Where the last back edge of `code` lands.
    fn landing(code: &[Instr]) -> usize {
        let (at, offset) = code
            .iter()
            .enumerate()
            .rev()
            .find_map(|(at, i)| Some((at, i.branch_offset().filter(|o| *o < 0)?)))
            .unwrap_or_else(|| panic!("no back edge: {code:?}"));
        (at as i32 + offset) as usize
    }

    #[test]
    fn a_back_edge_carrying_the_locals_in_order_lands_after_the_stores() {
        let plain = "(local.get $a) (local.get $b) (br_if $l (local.get $n))";
        let code_plain = code(plain, false);
        let head = code_plain
            .iter()
            .position(|i| matches!(i, Instr::Copy2 { .. }))
            .unwrap_or_else(|| panic!("{code_plain:?}"));
        // The head's `Copy2` and its data word are skipped.
        assert_eq!(landing(&code_plain), head + 2, "{code_plain:?}");
        let copies = code_plain
            .iter()
            .filter(|i| matches!(i, Instr::Copy2 { .. }));
        // The entry's materialised constants aside, only the head and the loop's results copy.
        assert!(copies.count() <= 3, "{code_plain:?}");
        let br = "(local.get $a) (local.get $b) (br $l)";
        assert_eq!(landing(&code(br, false)), head + 2);
        // Crossed, or metered: the back edge moves the values and lands on the stores.
        for (back, gas) in [
            (
                "(local.get $b) (local.get $a) (br_if $l (local.get $n))",
                false,
            ),
            (plain, true),
        ] {
            let code = code(back, gas);
            let stores = code
                .iter()
                .position(|i| matches!(i, Instr::Copy2 { .. }))
                .unwrap_or_else(|| panic!("{code:?}"));
            assert!(landing(&code) < stores + 2, "{back}, gas {gas}: {code:?}");
        }
    }
}
