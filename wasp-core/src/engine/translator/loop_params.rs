//! A branch back to a loop that would carry each parameter out of the local the loop's head
//! stores it in skips the round trip.
//!
//! A loop with parameters usually starts by storing them in locals (`loop (param i32 i32)
//! (local.set $acc) (local.set $k) ...`), and its back edge carries the same locals again
//! (`(local.get $k) (local.get $acc) (br_if $loop ...)`). Translated as it reads, every
//! iteration moves each local into its parameter's slot and, at the head, back into the
//! local. When the loop's first instructions are exactly those moves, parameter slot `k` to
//! local `l_k`, and the branch carries local `l_k` as value `k`, taking the branch and then
//! the moves leaves every local as it was, and the parameter slots are read by nothing but
//! those moves: the branch instead lands after the moves and moves nothing. The loop's entry
//! from above still runs them.
//!
//! With metering the loop starts with the `ConsumeGas` paying for its first block, the moves
//! right after it. The first branch that skips the moves puts that `ConsumeGas` behind them
//! (the loop's head becomes the moves, then the `ConsumeGas`), and skipping branches pay for
//! the block themselves and land after it (their paying forms, `pay.rs`). Out of gas, such a
//! branch pauses standing at the `ConsumeGas`, with every local as the moves would leave it:
//! resuming pays and goes on into the body, which reads the locals only. Entered from above,
//! the loop runs the moves and then pays, or pauses at the `ConsumeGas` with the parameters
//! already stored. Either way the charges, their order and the gas at every pause are those
//! of the loop as translated before; a pause at that `ConsumeGas` stands, in the Wasm code,
//! before the first operator after the stores (which are done) that has code of its own
//! (a `local.get` has none: its reader reads the local), and the parameters'
//! slots, dead there, are not among its live references. The `ConsumeGas` moves only while
//! no branch lands relative to it (`Translator::fixed_heads`): one made before into the
//! loop, or into another loop starting at the same place (around it or inside it).
//!
//! Results do not change (only slots nothing reads are left unwritten). Branches landing
//! after the moves make the instruction there a branch target, which the result register's
//! rule accounts for like any other.

use super::{ControlKind, Operand, Translator};
use crate::engine::ir::Instr;

impl Translator<'_> {
    /// Where a branch to the loop `depth` levels out lands when it can skip the moves that
    /// start the loop (see the module docs): the index after them, and after the loop's
    /// `ConsumeGas` when metered (which this may move behind the moves). `None` otherwise.
    pub(super) fn after_param_moves(&mut self, depth: usize) -> Option<usize> {
        let frame = self.frame(depth);
        let arity = frame.branch_arity();
        if frame.kind != ControlKind::Loop || arity == 0 {
            return None;
        }
        let head = frame.head;
        let pays_first = matches!(self.code.get(head), Some(Instr::ConsumeGas { .. }));
        if pays_first && self.fixed_heads.contains(&head) {
            return None;
        }
        let (moves, end) = self.leading_moves(head + usize::from(pays_first), arity)?;
        let h = self.height();
        let carried_back = (0..arity).all(|k| match self.stack[h - arity + k] {
            Operand::Local(l) => moves.contains(&(self.temp(frame.height + k), l)),
            _ => false,
        });
        if !carried_back {
            return None;
        }
        if pays_first {
            self.pay_after_stores(depth, end);
            return Some(end);
        }
        // Past the `ConsumeGas` that follows the stores, if one does (moved there before).
        let paid = matches!(self.code.get(end), Some(Instr::ConsumeGas { .. }));
        Some(end + usize::from(paid))
    }

    /// Makes the branch at `at` land at `land`, after a loop's parameter moves, paying for the
    /// loop's first block when a `ConsumeGas` comes right before `land`.
    pub(super) fn land_past_moves(&mut self, at: usize, land: usize) {
        self.code[at].set_branch_offset(land as i32 - at as i32);
        if matches!(self.code[land - 1], Instr::ConsumeGas { .. }) {
            self.pay_on_entry(at, land - 1);
        }
    }

    /// Moves the `ConsumeGas` that starts the loop `depth` levels out behind the moves after
    /// it, which end at `end`, with everything describing the code at those places: the
    /// current block's `ConsumeGas`, the last label, the pause point (whose live references
    /// lose the loop's parameters, stored away by then) and, through [`Translator::rotated`],
    /// the Wasm offsets.
    fn pay_after_stores(&mut self, depth: usize, end: usize) {
        let frame = self.frame(depth);
        let (head, height) = (frame.head, frame.height);
        self.code[head..end].rotate_left(1);
        let paid_at = end - 1;
        if self.gas_at == Some(head) {
            self.gas_at = Some(paid_at);
        }
        if self.last_result.is_some_and(|at| (head..end).contains(&at)) {
            self.last_result = None;
        }
        self.label_at = self.label_at.max(end);
        self.move_pause_point(head, paid_at, height);
        self.rotated = Some((head, end));
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
        // Crossed: the back edge moves the values and lands on the stores.
        for gas in [false, true] {
            let crossed = "(local.get $b) (local.get $a) (br_if $l (local.get $n))";
            let code = code(crossed, gas);
            let stores = position(&code, |i| matches!(i, Instr::Copy2 { .. }));
            assert!(landing(&code) < stores + 2, "gas {gas}: {code:?}");
        }
    }

    /// The position of the first instruction of `code` that `is` picks.
    fn position(code: &[Instr], is: impl Fn(&Instr) -> bool) -> usize {
        code.iter()
            .position(is)
            .unwrap_or_else(|| panic!("{code:?}"))
    }

    #[test]
    fn metered_the_loops_consume_gas_moves_behind_the_stores_and_the_back_edge_pays() {
        for back in [
            "(local.get $a) (local.get $b) (br_if $l (local.get $n))",
            "(local.get $a) (local.get $b) (br $l)",
        ] {
            let code = code(back, true);
            let stores = position(&code, |i| matches!(i, Instr::Copy2 { .. }));
            let paid = stores + 2;
            assert!(
                matches!(code[paid], Instr::ConsumeGas { .. }),
                "{back}: {code:?}"
            );
            assert_eq!(landing(&code), paid + 1, "{back}: {code:?}");
            // A paying form, carrying the cost it pays.
            let back_edge = code
                .iter()
                .rev()
                .find(|i| i.branch_offset().is_some_and(|o| o < 0));
            assert!(
                back_edge.and_then(Instr::cost).is_some(),
                "{back}: {code:?}"
            );
        }
    }

    #[test]
    fn metered_a_branch_made_for_the_head_as_it_was_keeps_it() {
        let crossed = "(local.get $b) (local.get $a) (br_if $l (local.get $n))";
        let plain = "(local.get $a) (local.get $b) (br_if $l (local.get $n))";
        // Crossed first: it pays and lands on the stores, so the second cannot skip them.
        let code = code(&format!("{crossed} (drop) (drop) {plain}"), true);
        let stores = position(&code, |i| matches!(i, Instr::Copy2 { .. }));
        assert!(
            matches!(code[stores - 1], Instr::ConsumeGas { .. }),
            "{code:?}"
        );
        assert_eq!(landing(&code), stores, "{code:?}");
        // The skip first: the crossed one lands on the stores, before the `ConsumeGas`.
        let code = self::code(&format!("{plain} (drop) (drop) {crossed}"), true);
        let stores = position(&code, |i| matches!(i, Instr::Copy2 { .. }));
        assert!(
            matches!(code[stores + 2], Instr::ConsumeGas { .. }),
            "{code:?}"
        );
        assert_eq!(landing(&code), stores, "{code:?}");
        // A branch made for the head as it was into a loop starting at the same place, open
        // or ended, keeps it too.
        for (inner, outer) in [
            (
                format!("{crossed} (drop) (drop) {}", plain.replace("$l", "$o")),
                "",
            ),
            (
                crossed.to_string(),
                "(drop) (drop) (local.get $a) (local.get $b) (br_if $o (local.get $n))",
            ),
        ] {
            let wat = format!(
                "(module (func (param $n i32) (result i32 i32) (local $a i32) (local $b i32)
                   (i32.const 1) (i32.const 2)
                   (loop $o (param i32 i32) (result i32 i32)
                     (loop $l (param i32 i32) (result i32 i32)
                       (local.set $b) (local.set $a)
                       (local.set $n (i32.sub (local.get $n) (local.get $a)))
                       {inner})
                     {outer})))"
            );
            let nested = crate::engine::translator::test_code(&wat, true);
            let stores = position(&nested, |i| matches!(i, Instr::Copy2 { .. }));
            let pays_first = matches!(nested[stores - 1], Instr::ConsumeGas { .. });
            assert!(pays_first, "{wat}: {nested:?}");
        }
    }
}
