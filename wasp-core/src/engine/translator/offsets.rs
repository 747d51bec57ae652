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
        let after = self.entries.partition_point(|&(start, _)| start <= pc);
        let index = after.saturating_sub(1);
        self.entries.get(index).map(|&(_, offset)| offset)
    }

    /// The entry that covers IR instruction `pc`: its index, its first IR position and the
    /// Wasm offset of its operator (for the instruction trace).
    pub(crate) fn entry(&self, pc: u32) -> Option<(usize, u32, u32)> {
        let after = self.entries.partition_point(|&(start, _)| start <= pc);
        let index = after.saturating_sub(1);
        let &(start, offset) = self.entries.get(index)?;
        Some((index, start, offset))
    }
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
}
