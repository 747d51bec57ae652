//! Where each IR instruction came from: a map from positions in a translated function's code
//! to the byte offsets of the Wasm operators they were translated from.
//!
//! Built during translation, one entry per Wasm operator that emitted code, and read only to
//! describe a stopped or trapped call; the interpreter never looks at it.

/// Sorted `(first IR position, Wasm offset)` pairs: the operator at that offset produced the
/// instructions from its position up to the next entry's.
#[derive(Debug, Clone, Default)]
pub(crate) struct OffsetMap {
    entries: Box<[(u32, u32)]>,
}

impl OffsetMap {
    /// The Wasm offset of the operator that produced IR instruction `pc`; `None` for a
    /// function without operators.
    pub(crate) fn wasm_offset(&self, pc: u32) -> Option<u32> {
        covering(&self.entries, pc).map(|(_, _, offset)| offset)
    }

    /// The entry that covers IR instruction `pc`: its index, its first IR position and the
    /// Wasm offset of its operator (for the instruction trace).
    pub(crate) fn entry(&self, pc: u32) -> Option<(usize, u32, u32)> {
        covering(&self.entries, pc)
    }
}

/// The entry of the sorted `entries` that covers IR instruction `pc` (the first one, for a
/// `pc` before every entry): its index, its first IR position and its Wasm offset.
fn covering(entries: &[(u32, u32)], pc: u32) -> Option<(usize, u32, u32)> {
    let index = entries
        .partition_point(|&(start, _)| start <= pc)
        .saturating_sub(1);
    let &(start, offset) = entries.get(index)?;
    Some((index, start, offset))
}

/// Collects the entries of an [`OffsetMap`] while a function is translated.
#[derive(Debug, Default)]
pub(crate) struct OffsetMapBuilder {
    entries: Vec<(u32, u32)>,
}

impl OffsetMapBuilder {
    /// Records that the operator at Wasm offset `offset` starts at IR position `pc`.
    ///
    /// An operator that emitted nothing is replaced by the next one at the same position; a
    /// position behind the last one (a fused instruction taking the place of the one before)
    /// keeps the entries ordered by dropping those it overtakes.
    pub(crate) fn record(&mut self, pc: usize, offset: usize) {
        let (pc, offset) = (pc as u32, offset as u32);
        while self.entries.last().is_some_and(|&(last, _)| last >= pc) {
            self.entries.pop();
        }
        self.entries.push((pc, offset));
    }

    /// Records that the instruction at IR position `copy`, the last but one of the operator at
    /// Wasm offset `own` (the one being translated), repeats the instruction at `original`:
    /// it is described as the operator of `original`, and what follows it as `own`'s again.
    pub(crate) fn attribute(&mut self, copy: usize, original: usize, own: usize) {
        if let Some((_, _, source)) = covering(&self.entries, original as u32) {
            self.record(copy, source as usize);
            self.record(copy + 1, own);
        }
    }

    /// Records that the `count` instructions from IR position `start` on were removed (their
    /// work fused into an instruction emitted after them): the entries behind them move back,
    /// and an operator left with no instruction of its own is dropped.
    pub(crate) fn remove(&mut self, start: usize, count: usize) {
        let (start, count) = (start as u32, count as u32);
        // Entries are strictly ordered by position: only those from `start` on move, and
        // removals happen near the end of the code, so this touches a short tail.
        let from = self.entries.partition_point(|&(pc, _)| pc < start);
        let mut kept = from;
        for read in from..self.entries.len() {
            let (pc, offset) = self.entries[read];
            let pc = start.max(pc.saturating_sub(count));
            // Of the entries now sharing a position, the last one's operator starts there
            // (those before `from` lie below `start`, apart from every moved one).
            if kept > from && self.entries[kept - 1].0 == pc {
                kept -= 1;
            }
            self.entries[kept] = (pc, offset);
            kept += 1;
        }
        self.entries.truncate(kept);
    }

    /// Records that the instruction at IR position `head` moved to `end - 1` and the ones
    /// after it, up to `end`, one place back (`loop_params.rs`): the moved instruction is
    /// described as the operator of the instruction at `end`, which it now runs just before.
    pub(crate) fn rotate(&mut self, head: usize, end: usize) {
        let (head, end) = (head as u32, end as u32);
        let Some((_, _, next)) = covering(&self.entries, end) else {
            return;
        };
        let from = self.entries.partition_point(|&(pc, _)| pc <= head);
        let mut to = self.entries.partition_point(|&(pc, _)| pc < end);
        for entry in &mut self.entries[from..to] {
            entry.0 -= 1;
        }
        // An operator moved onto `head` starts there now, in place of the one that did.
        if from > 0 && from < to && self.entries[from - 1].0 == head && self.entries[from].0 == head
        {
            self.entries.remove(from - 1);
            to -= 1;
        }
        // The operator at `end` now starts one place earlier: its entry moves, in place, unless
        // it started before `end` (then the moved instruction gets an entry of its own).
        match self.entries.get_mut(to) {
            Some(entry) if *entry == (end, next) => entry.0 = end - 1,
            _ => self.entries.insert(to, (end - 1, next)),
        }
    }

    /// The finished map, for code that got `prologue` instructions placed in front of it.
    pub(crate) fn finish(self, prologue: usize) -> OffsetMap {
        let shift = prologue as u32;
        let entries = self
            .entries
            .into_iter()
            .map(|(pc, offset)| (pc + shift, offset))
            .collect();
        OffsetMap { entries }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds the entries by hand, bypassing `record`'s ordering rules.
    fn builder(entries: &[(u32, u32)]) -> OffsetMapBuilder {
        OffsetMapBuilder {
            entries: entries.to_vec(),
        }
    }

    #[test]
    fn a_rotated_instruction_is_described_as_the_operator_it_now_runs_before() {
        // 5: the `ConsumeGas` with the first store (operator 20), 7: the second store (30),
        // 8: the body (40). Rotated: the stores at 5 and 6, the `ConsumeGas` at 7.
        let mut b = builder(&[(0, 10), (5, 20), (7, 30), (8, 40)]);
        b.rotate(5, 8);
        assert_eq!(b.entries, [(0, 10), (5, 20), (6, 30), (7, 40)]);
        // A `ConsumeGas` alone in its operator's entry: the store after it takes its place.
        let mut b = builder(&[(0, 10), (5, 20), (6, 25), (8, 40), (9, 50)]);
        b.rotate(5, 8);
        assert_eq!(b.entries, [(0, 10), (5, 25), (7, 40), (9, 50)]);
    }

    /// [`OffsetMapBuilder::remove`] as a rebuild of the whole list: what the tail-only
    /// version must agree with.
    fn remove_by_rebuilding(entries: &[(u32, u32)], start: u32, count: u32) -> Vec<(u32, u32)> {
        let mut kept: Vec<(u32, u32)> = Vec::new();
        for &(pc, offset) in entries {
            let pc = if pc >= start {
                start.max(pc.saturating_sub(count))
            } else {
                pc
            };
            if kept.last().is_some_and(|last| last.0 == pc) {
                kept.pop();
            }
            kept.push((pc, offset));
        }
        kept
    }

    #[test]
    fn removing_instructions_moves_only_the_entries_behind_them() {
        // A deterministic walk of records and removals, checked against the rebuild.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for _ in 0..200 {
            let mut b = OffsetMapBuilder::default();
            let mut pc = 0usize;
            for op in 0..60 {
                pc += next(3) as usize;
                b.record(pc, op * 4);
                if next(4) == 0 && pc > 0 {
                    let start = next(pc as u64 + 1) as usize;
                    let count = 1 + next(4) as usize;
                    let want = remove_by_rebuilding(&b.entries, start as u32, count as u32);
                    b.remove(start, count);
                    assert_eq!(b.entries, want, "remove({start}, {count})");
                    pc = pc.saturating_sub(count).max(start);
                }
                assert!(
                    b.entries.windows(2).all(|w| w[0].0 < w[1].0),
                    "{:?}",
                    b.entries
                );
            }
        }
    }

    #[test]
    fn positions_map_to_the_operator_that_produced_them() {
        let mut b = OffsetMapBuilder::default();
        b.record(0, 10);
        b.record(0, 11); // emitted nothing
        b.record(3, 14);
        let map = b.finish(2);
        assert_eq!(map.wasm_offset(0), Some(11)); // the prologue
        assert_eq!(map.wasm_offset(2), Some(11));
        assert_eq!(map.wasm_offset(4), Some(11));
        assert_eq!(map.wasm_offset(5), Some(14));
        assert_eq!(map.wasm_offset(99), Some(14));
        assert_eq!(OffsetMap::default().wasm_offset(0), None);
    }

    #[test]
    fn removed_instructions_take_their_operators_with_them() {
        let mut b = OffsetMapBuilder::default();
        // shl at 5, add at 6, two value instructions at 7 and 8, the store at 9.
        for (pc, offset) in [(0, 1), (5, 10), (6, 12), (7, 13), (8, 14), (9, 15)] {
            b.record(pc, offset);
        }
        b.remove(5, 2);
        let map = b.finish(0);
        assert_eq!(map.entries[..], [(0, 1), (5, 13), (6, 14), (7, 15)]);
        let mut b = OffsetMapBuilder::default();
        // The access right after its address: it takes the address's place.
        for (pc, offset) in [(0, 1), (3, 10), (4, 12)] {
            b.record(pc, offset);
        }
        b.remove(3, 1);
        assert_eq!(b.finish(0).entries[..], [(0, 1), (3, 12)]);
    }
}
