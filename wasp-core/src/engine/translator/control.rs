//! Structured control flow: blocks, loops, `if`/`else`, branches and returns.

use wasmparser::{BlockType, BrTable};

use super::fuse::inverted;
use super::{Operand, Translator};
use crate::engine::ir::{Instr, Reg};
use crate::error::Error;

/// The end of a fixup list.
const NO_FIXUP: u32 = u32::MAX;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ControlKind {
    Func,
    Block,
    Loop,
    If,
    Else,
}

/// An open block.
#[derive(Debug)]
pub(super) struct Control {
    pub(super) kind: ControlKind,
    /// Operand stack height below the block's parameters.
    pub(super) height: usize,
    params: usize,
    results: usize,
    /// Forward branches to the block's end, to patch when it is reached: the head of a list
    /// threaded through `Translator::fixups` (`NO_FIXUP` when empty).
    fixups: u32,
    /// Loops: the index of the first instruction of the body.
    pub(super) head: usize,
    /// `if`: the branch taken when the condition is false.
    else_branch: Option<usize>,
}

impl Control {
    pub(super) fn new(kind: ControlKind, height: usize, params: u32, results: u32) -> Control {
        Control {
            kind,
            height,
            params: params as usize,
            results: results as usize,
            fixups: NO_FIXUP,
            head: 0,
            else_branch: None,
        }
    }

    /// How many values a branch to this block carries.
    pub(super) fn branch_arity(&self) -> usize {
        if self.kind == ControlKind::Loop {
            self.params
        } else {
            self.results
        }
    }
}

impl Translator<'_> {
    pub(super) fn block(&mut self, ty: BlockType, kind: ControlKind) {
        let (params, results) = self.env.block_arity(ty);
        self.materialize_for_block(params as usize);
        let height = self.height() - params as usize;
        let mut control = Control::new(kind, height, params, results);
        control.head = self.code.len();
        self.last_result = None;
        self.ctrl.push(control);
        if kind == ControlKind::Loop {
            self.label_at = self.code.len();
            self.loops += 1;
            self.start_gas_block();
        }
    }

    pub(super) fn if_(&mut self, ty: BlockType) {
        let (cond, pos) = self.pop();
        let fused = self.take_condition(cond, pos);
        let (params, results) = self.env.block_arity(ty);
        self.materialize_for_block(params as usize);
        let branch = match fused.and_then(inverted) {
            Some(branch) => self.emit_branch(branch),
            None => {
                let cond = self.reg_of(cond, pos);
                self.emit_branch(Instr::BrIfEqz { cond, offset: 0 })
            }
        };
        let height = self.height() - params as usize;
        let mut control = Control::new(ControlKind::If, height, params, results);
        control.else_branch = Some(branch);
        self.ctrl.push(control);
        self.start_gas_block();
    }

    pub(super) fn else_(&mut self) {
        if self.reachable {
            let results = self.frame(0).results;
            self.materialize_top(results);
            let br = self.emit(Instr::Br { offset: 0 });
            self.add_fixup(0, br);
        }
        let frame = self.frame_mut(0);
        frame.kind = ControlKind::Else;
        let (height, params) = (frame.height, frame.params);
        if let Some(branch) = frame.else_branch.take() {
            self.patch_here(branch);
        }
        self.truncate(height);
        for _ in 0..params {
            self.push(Operand::Temp);
        }
        self.reachable = true;
        self.last_result = None;
        self.start_gas_block();
    }

    pub(super) fn end(&mut self) {
        let results = self.frame(0).results;
        if self.frame(0).kind == ControlKind::Func {
            // The return reads locals and constants where they are.
            if self.reachable {
                self.emit_return();
            }
            return;
        }
        if self.reachable {
            self.materialize_top(results);
        }
        let Some(frame) = self.ctrl.pop() else {
            return;
        };
        if frame.kind == ControlKind::Loop {
            self.loops -= 1;
        }
        let mut link = frame.fixups;
        while let Some(&(at, next)) = self.fixups.get(link as usize) {
            self.patch_here(at);
            link = next;
        }
        if let Some(branch) = frame.else_branch {
            self.patch_here(branch);
        }
        self.truncate(frame.height);
        for _ in 0..results {
            self.push(Operand::Temp);
        }
        self.reachable = true;
        self.last_result = None;
        self.start_gas_block();
    }

    pub(super) fn unreachable_after(&mut self) {
        let height = self.frame(0).height;
        self.truncate(height);
        self.reachable = false;
    }

    pub(super) fn br(&mut self, depth: u32) {
        self.branch_to(depth as usize);
        self.unreachable_after();
    }

    pub(super) fn br_if(&mut self, depth: u32) {
        let depth = depth as usize;
        let (cond, pos) = self.pop();
        let fused = self.take_condition(cond, pos);
        // Back into a loop that stores the values where they come from: nothing moves.
        let land = self.after_param_moves(depth);
        if land.is_none() && !self.is_function_frame(depth) && self.carried_in_place(depth) {
            // The values go where they already stand: each to its own slot, taken or not.
            let arity = self.frame(depth).branch_arity();
            let h = self.height();
            for pos in h - arity..h {
                self.materialize_at(pos);
            }
        }
        if land.is_none() && (self.is_function_frame(depth) || self.needs_moves(depth)) {
            // Move values and branch only when the condition holds.
            let skip = match fused.and_then(inverted) {
                Some(branch) => self.emit_branch(branch),
                None => {
                    let cond = self.reg_of(cond, pos);
                    self.emit_branch(Instr::BrIfEqz { cond, offset: 0 })
                }
            };
            self.branch_to(depth);
            self.patch_here(skip);
            return;
        }
        let branch = match fused {
            Some(branch) => branch,
            None => {
                let cond = self.reg_of(cond, pos);
                Instr::BrIfNez { cond, offset: 0 }
            }
        };
        let at = self.emit_branch(branch);
        match land {
            Some(land) => self.land_past_moves(at, land),
            // The code after a `br_if` stays in the same gas block: it was paid for up front.
            None => {
                self.link_branch(depth, at);
                if self.frame(depth).kind == ControlKind::Loop {
                    self.thread_copy_if(at, self.frame(depth).head);
                }
            }
        }
    }

    pub(super) fn br_table(&mut self, table: BrTable<'_>) -> Result<(), Error> {
        let index = self.pop_reg();
        let mut depths = Vec::with_capacity(table.len() as usize + 1);
        for depth in table.targets() {
            depths.push(depth? as usize);
        }
        depths.push(table.default() as usize);
        let len = table.len();
        match self.fused_load_table(index, len) {
            Some(fused) => {
                self.code.pop();
                self.emit(fused)
            }
            None => self.emit(Instr::BrTable { index, len }),
        };
        let mut trampolines = Vec::new();
        for &depth in &depths {
            let at = self.emit(Instr::Br { offset: 0 });
            if self.is_function_frame(depth) || self.needs_moves(depth) {
                trampolines.push((at, depth));
            } else {
                // Entries stay plain `Br`s: the `BrTable` handler jumps to where they lead.
                self.link_plain(depth, at);
            }
        }
        for (at, depth) in trampolines {
            self.patch_here(at);
            self.branch_to(depth);
        }
        self.unreachable_after();
        Ok(())
    }

    /// `br_on_null`: branches with the values below the reference when it is null, and
    /// otherwise leaves the reference where it was. A null reference is a 0 slot, so the
    /// test is the i64 zero test.
    pub(super) fn br_on_null(&mut self, depth: u32) {
        let depth = depth as usize;
        let (reference, pos) = self.pop();
        let cond = self.reg_of(reference, pos);
        if self.is_function_frame(depth) || self.needs_moves(depth) {
            let skip = self.emit(Instr::BrI64IfNez { cond, offset: 0 });
            self.branch_to(depth);
            self.patch_here(skip);
        } else {
            let at = self.emit(Instr::BrI64IfEqz { cond, offset: 0 });
            self.link_branch(depth, at);
        }
        self.push(reference);
    }

    /// `br_on_non_null`: branches with the values and the reference on top when the
    /// reference is not null, and otherwise drops it.
    pub(super) fn br_on_non_null(&mut self, depth: u32) {
        let depth = depth as usize;
        let pos = self.height() - 1;
        let cond = self.reg_of(self.stack[pos], pos);
        if self.is_function_frame(depth) || self.needs_moves(depth) {
            let skip = self.emit(Instr::BrI64IfEqz { cond, offset: 0 });
            self.branch_to(depth);
            self.patch_here(skip);
        } else {
            let at = self.emit(Instr::BrI64IfNez { cond, offset: 0 });
            self.link_branch(depth, at);
        }
        self.pop();
    }

    pub(super) fn return_(&mut self) {
        self.emit_return();
        self.unreachable_after();
    }

    /// Emits the return of the function's results from the top of the stack, leaving the
    /// model unchanged.
    pub(super) fn emit_return(&mut self) {
        let n = self.ctrl[0].results;
        let h = self.height();
        match n {
            0 => {
                self.emit(Instr::Return0);
            }
            1 => {
                let (op, pos) = (self.stack[h - 1], h - 1);
                let src = match op {
                    Operand::Local(l) => l,
                    _ => {
                        let dst = self.temp(pos);
                        self.emit_move(dst, op, pos);
                        dst
                    }
                };
                self.emit(Instr::Return1 { src });
            }
            _ => {
                if let Some(src) = self.consecutive_locals(h - n..h) {
                    // Already side by side: returned from where they are (the parameters
                    // of a function returning them in order are already in place).
                    self.emit(Instr::ReturnN {
                        src,
                        count: n as u32,
                    });
                    return;
                }
                for pos in h - n..h {
                    let dst = self.temp(pos);
                    self.emit_move(dst, self.stack[pos], pos);
                }
                self.emit(Instr::ReturnN {
                    src: self.temp(h - n),
                    count: n as u32,
                });
            }
        }
    }

    /// The first slot of the operands at `positions` when they are the locals of
    /// consecutive slots, in order.
    fn consecutive_locals(&self, positions: std::ops::Range<usize>) -> Option<Reg> {
        let Operand::Local(first) = self.stack[positions.start] else {
            return None;
        };
        let in_order = (positions.start..positions.end)
            .zip(first..)
            .all(|(pos, slot)| self.stack[pos] == Operand::Local(slot));
        in_order.then_some(first)
    }

    /// Emits an unconditional branch to the block `depth` levels out, moving the carried
    /// values into place first. Leaves the model unchanged.
    fn branch_to(&mut self, depth: usize) {
        if self.is_function_frame(depth) {
            self.emit_return();
            return;
        }
        if let Some(land) = self.after_param_moves(depth) {
            let at = self.emit(Instr::Br { offset: 0 });
            self.land_past_moves(at, land);
            return;
        }
        let (height, arity) = {
            let frame = self.frame(depth);
            (frame.height, frame.branch_arity())
        };
        let h = self.height();
        for k in 0..arity {
            let pos = h - arity + k;
            let dst = self.temp(height + k);
            self.emit_move(dst, self.stack[pos], pos);
        }
        if self.frame(depth).kind == ControlKind::Loop && self.thread_back_edge(depth) {
            return;
        }
        let at = self.emit(Instr::Br { offset: 0 });
        self.link_branch(depth, at);
        if self.frame(depth).kind == ControlKind::Loop {
            self.thread_copy(at, self.frame(depth).head);
            self.fuse_copy_back_edge(at);
        }
    }

    /// A branch back to a loop whose first instruction is a conditional exit (`loop (br_if
    /// $out cond) ... br $loop`) runs that test itself: it continues into the body when the
    /// exit is not taken, and exits otherwise, saving one dispatch per iteration.
    fn thread_back_edge(&mut self, depth: usize) -> bool {
        let head = self.frame(depth).head;
        self.fixed_heads.insert(head);
        // With gas metering the loop starts by paying for its first block: pay again here.
        let (pay, at_test) = match self.code.get(head).copied() {
            Some(pay @ Instr::ConsumeGas { .. }) => (Some(pay), head + 1),
            _ => (None, head),
        };
        let Some(test) = self.code.get(at_test).copied() else {
            return false;
        };
        let (Some(stay), Some(exit_offset)) = (inverted(test), test.branch_offset()) else {
            return false;
        };
        let pending = self.pending_block_of(at_test);
        let before = self.code.len();
        let at = match pay {
            // The test pays itself where it has a pay-first form (`pay.rs`), fused with the
            // counter step before it where it can be (`step.rs`), else a copy of the
            // `ConsumeGas` pays before it.
            Some(pay) => match self.emit_paying_first(stay) {
                Some(at) => at,
                None => {
                    self.note_pause_as(head);
                    self.emit(pay);
                    self.emit(stay)
                }
            },
            None => self.emit_branch(stay),
        };
        self.code[at].set_branch_offset(at_test as i32 + 1 - at as i32);
        // The repeated test is the loop's first operator's, unless it was fused with the
        // body's last instruction, which then stands for its own operator.
        if at >= before {
            self.copied = Some((at, at_test));
        }
        let at = self.emit(Instr::Br { offset: 0 });
        match pending {
            Some(index) => self.add_fixup_at(index, at),
            None => {
                let target = at_test as i32 + exit_offset;
                self.code[at].set_branch_offset(target - at as i32);
            }
        }
        true
    }

    /// The control frame (index into `ctrl`) whose end the branch at `at` waits for.
    fn pending_block_of(&self, at: usize) -> Option<usize> {
        self.ctrl.iter().position(|frame| {
            let mut link = frame.fixups;
            while let Some(&(branch, next)) = self.fixups.get(link as usize) {
                if branch == at {
                    return true;
                }
                link = next;
            }
            false
        })
    }

    /// Whether a branch to `depth` must move values before jumping.
    /// Whether the values a branch to the block `depth` levels out carries are the operands
    /// right above the block's own: then the slot each goes to is its own operand's slot,
    /// which holds nothing else (an operand that is a local or a constant leaves its slot
    /// unused), so moving it there costs the fall-through nothing but the move.
    fn carried_in_place(&self, depth: usize) -> bool {
        let frame = self.frame(depth);
        self.height() == frame.height + frame.branch_arity()
    }

    fn needs_moves(&self, depth: usize) -> bool {
        let frame = self.frame(depth);
        let arity = frame.branch_arity();
        let h = self.height();
        (0..arity).any(|k| {
            let pos = h - arity + k;
            pos != frame.height + k || self.stack[pos] != Operand::Temp
        })
    }

    /// Records or resolves the target of the branch at `at`; a branch into a loop pays for
    /// the loop's first block itself where it can (`pay.rs`).
    fn link_branch(&mut self, depth: usize, at: usize) {
        self.link_plain(depth, at);
        let frame = self.frame(depth);
        if frame.kind == ControlKind::Loop {
            self.pay_on_entry(at, frame.head);
        }
    }

    /// Records or resolves the target of the branch at `at`, leaving the branch as it is.
    fn link_plain(&mut self, depth: usize, at: usize) {
        let frame = self.frame(depth);
        if frame.kind == ControlKind::Loop {
            let head = frame.head;
            self.fixed_heads.insert(head);
            self.code[at].set_branch_offset(head as i32 - at as i32);
        } else {
            self.add_fixup(depth, at);
        }
    }

    /// Records the branch at `at` as one to patch when block `depth` ends.
    fn add_fixup(&mut self, depth: usize, at: usize) {
        self.add_fixup_at(self.ctrl.len() - 1 - depth, at);
    }

    /// Records the branch at `at` as one to patch when control frame `index` ends.
    fn add_fixup_at(&mut self, index: usize, at: usize) {
        let link = self.fixups.len() as u32;
        let next = std::mem::replace(&mut self.ctrl[index].fixups, link);
        self.fixups.push((at, next));
    }

    fn is_function_frame(&self, depth: usize) -> bool {
        depth + 1 == self.ctrl.len()
    }

    pub(super) fn frame(&self, depth: usize) -> &Control {
        // Validation guarantees branch depths within the control stack.
        &self.ctrl[self.ctrl.len() - 1 - depth]
    }

    fn frame_mut(&mut self, depth: usize) -> &mut Control {
        let len = self.ctrl.len();
        &mut self.ctrl[len - 1 - depth]
    }
}
