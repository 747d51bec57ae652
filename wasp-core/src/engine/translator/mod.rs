//! Translation of validated Wasm function bodies into Wasp's register IR.
//!
//! The translator keeps a model of the Wasm operand stack in which each entry is a local, a
//! constant, or a temporary living in the slot fixed for its stack position. Reading a local
//! or a constant therefore emits nothing; instructions name locals and constants directly and
//! only temporaries are written. A `local.set` right after a computation redirects that
//! computation's result into the local. Where control flow merges (block ends, branch
//! targets, calls) values are moved into their canonical slots.

mod add_imm_pair;
mod add_in_memory;
mod add_rotl;
mod and_branch;
mod and_not;
mod control;
mod copy_branch;
mod copy_pair;
mod fuse;
mod fuse_address;
mod global_add;
mod load_branch;
mod load_pair;
mod load_through;
mod loop_params;
mod offsets;
mod ops;
mod pair;
mod pay;
mod ref_map;
mod result_register;
mod return_branch;
mod simd;
mod step;
mod two_shifts;
mod v128;
mod verify;

use std::collections::HashSet;

use wasmparser::{BlockType, FuncValidator, FunctionBody, ValidatorResources};

use super::ir::{Instr, Reg};
use crate::engine::costs::GasCosts;
use crate::error::{Error, ModuleError};
use crate::types::FuncType;
use control::{Control, ControlKind};
pub(crate) use ref_map::{RefKind, RefMap};
pub(crate) use result_register::passes_on;
pub(crate) use simd::{simd_kind, SimdKind};

/// What function validators see of their module: one copy shared by every body, so that a
/// body can be validated again when it is translated after `Module::new` (lazy compilation).
pub(crate) type Resources = std::sync::Arc<ValidatorResources>;

/// A translated function body and the facts the executor needs to call it.
#[derive(Debug)]
pub(crate) struct CompiledFunc {
    /// The verified code, each instruction with its handler, as the interpreter runs it.
    pub(crate) ops: Box<[crate::engine::executor::Op]>,
    pub(crate) num_params: u32,
    /// Parameters plus declared locals, plus the zero slot when the function has one: the
    /// slots from `num_params` up to this one are zeroed on entry ([`zero_first`]).
    pub(crate) num_locals: u32,
    /// Slots the frame needs: locals plus the deepest operand stack, and at least the slots
    /// the entry zeroes two at a time (`num_params..num_locals` rounded up to an even number).
    pub(crate) frame_size: u32,
    /// Which slots hold references wherever the function can pause (for snapshots).
    pub(crate) refs: RefMap,
    /// The Wasm offset each instruction was translated from (for diagnostics only).
    pub(crate) offsets: offsets::OffsetMap,
    /// `Some(i)` for the stand-in of defined function `i` while its body is not translated
    /// (see `module/lazy.rs`): one instruction that translates the body and enters it.
    pub(crate) pending: Option<u32>,
}

/// What translation needs to know of the module around a function.
pub(crate) struct FuncEnv<'a> {
    /// Gas prices when metering is on.
    pub(crate) costs: Option<&'a GasCosts>,
    pub(crate) types: &'a [FuncType],
    /// Engine-wide ids of `types`.
    pub(crate) type_ids: &'a [u32],
    /// Type index of every function in the module's index space.
    pub(crate) funcs: &'a [u32],
    /// Every memory of the module's index space (imported first).
    pub(crate) memories: &'a [crate::types::MemoryType],
    /// Every table of the module's index space (imported first).
    pub(crate) tables: &'a [crate::types::TableType],
}

impl FuncEnv<'_> {
    /// Whether memory `mem` is a 64-bit memory (validation guarantees it exists).
    pub(super) fn memory64(&self, mem: u32) -> bool {
        self.memories.get(mem as usize).is_some_and(|m| m.is_64())
    }

    /// Whether table `table` is a 64-bit table (validation guarantees it exists).
    pub(super) fn table64(&self, table: u32) -> bool {
        self.tables.get(table as usize).is_some_and(|t| t.is_64())
    }

    pub(super) fn func_type(&self, func: u32) -> &FuncType {
        // Validation guarantees the index exists.
        &self.types[self.funcs[func as usize] as usize]
    }

    /// `(params, results)` of a block type, in slots (a `v128` takes two).
    fn block_arity(&self, ty: BlockType) -> (u32, u32) {
        match ty {
            BlockType::Empty => (0, 0),
            BlockType::Type(t) => (0, v128::wasm_slots(t)),
            BlockType::FuncType(idx) => {
                let ty = &self.types[idx as usize];
                (ty.param_slots() as u32, ty.result_slots() as u32)
            }
        }
    }
}

/// One entry of the modelled operand stack.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Operand {
    /// The value is in local `n`, which has not been written since.
    Local(u32),
    /// The value is in the temporary slot of its stack position.
    Temp,
    /// A constant in slot encoding.
    Const(u64),
}

/// Translates one validated function body.
pub(crate) fn translate(
    env: &FuncEnv<'_>,
    ty_index: usize,
    body: &FunctionBody<'_>,
    validator: &mut FuncValidator<Resources>,
) -> Result<CompiledFunc, Error> {
    let ty = &env.types[ty_index];
    let num_params = ty.param_slots() as u32;
    let num_results = ty.result_slots() as u32;
    let mut layout = v128::LocalLayout::new(ty.params());
    let mut refs = ref_map::RefMapBuilder::default();
    refs.params(ty.params());
    let mut locals = body.get_locals_reader()?;
    for _ in 0..locals.get_count() {
        let offset = locals.original_position();
        let (count, ty) = locals.read()?;
        validator.define_locals(offset, count, ty)?;
        if let Ok(first) = u32::try_from(layout.slots()) {
            refs.declared(first, count, ty);
        }
        layout.declare(count, ty);
    }
    let num_locals = u32::try_from(layout.slots())
        .map_err(|_| ModuleError::new("too many locals in a function", None))?;
    if num_locals >= TEMP_MARK {
        return Err(ModuleError::new("too many locals in a function", None).into());
    }
    let mut t = Translator::new(env, num_locals, num_results);
    if layout.has_v128() {
        t.saw_v128();
    }
    t.local_slots = layout.finish();
    t.refs = refs;
    let mut reader = body.get_operators_reader()?;
    t.start_gas_block();
    let mut offsets = offsets::OffsetMapBuilder::default();
    // One pass: each operator is charged for (its `ConsumeGas` typed by the operand stack
    // before it), validated, then translated (its pause points typed by the stack after it).
    while !reader.eof() {
        let (op, offset) = reader.read_with_offset()?;
        offsets.record(t.code.len(), offset as usize);
        t.charge(&op);
        t.refs.resolve(validator, &t.code);
        t.note_v128_operand(&op, validator);
        validator.op(offset, &op)?;
        t.refs.note_operator(&op, env, validator.resources());
        t.operator(op)?;
        if let Some((start, count)) = t.fused_away.take() {
            // Instructions fused into this operator's were removed: the code behind them moved.
            offsets.remove(start, count);
        }
        if let Some((copy, original)) = t.copied.take() {
            // A trap in the repeated test (a fused load's) is the repeated operator's.
            offsets.attribute(copy, original, offset as usize);
        }
        if let Some((head, end)) = t.rotated.take() {
            offsets.rotate(head, end);
        }
        t.refs.resolve(validator, &t.code);
    }
    reader.finish()?;
    let temps_base = num_locals + t.hoisted.len() as Reg;
    // A `v128` instruction names the low slot of its pair: one slot of padding past the
    // verified ones makes every high slot lie inside the frame (`verify.rs`, invariant 1).
    let padding = u32::from(t.has_v128);
    let mut code = t.code;
    let zero_slot = zero_first(&mut code, &mut t.hoisted, num_locals, t.has_v128);
    let zeroed = num_locals + u32::from(zero_slot);
    let frame_size = u64::from(temps_base) + u64::from(t.max_height) + u64::from(padding);
    // The entry zeroes two slots a step (`regs::zero`): an odd number of slots to zero takes
    // one more, which the frame must hold.
    let zeroed_in_pairs = num_params + (zeroed - num_params).next_multiple_of(2);
    let frame_size = u32::try_from(frame_size.max(u64::from(zeroed_in_pairs)))
        .ok()
        .filter(|&size| size < TEMP_MARK)
        .ok_or_else(|| ModuleError::new("function frame too large", None))?;
    // The zero slot is written by the entry's zeroing, not by the prologue.
    let written = &t.hoisted[usize::from(zero_slot)..];
    let offsets = offsets.finish(written.len());
    if env.costs.is_some() {
        pay::pay_on_landing(&mut code);
        pay::settle_costs(&mut code);
    }
    let code = place_temps(code, temps_base);
    let mut code = with_prologue(code, written, num_locals + Reg::from(zero_slot));
    if env.costs.is_some() {
        pay::pay_next(&mut code);
    }
    add_imm_pair::pair_steps(&mut code);
    load_pair::pair_loads(&mut code);
    and_branch::pair_and_branches(&mut code);
    return_branch::thread_returns(&mut code);
    result_register::convert(&mut code);
    verify::verify(&code, frame_size - padding)?;
    let refs = t
        .refs
        .finish(temps_base, num_locals, &t.hoisted, written.len());
    debug_assert!(
        ref_map::covers(&refs, &code),
        "a pause point without a reference map"
    );
    Ok(CompiledFunc {
        ops: crate::engine::executor::link(&code),
        num_params,
        num_locals: zeroed,
        frame_size,
        refs,
        offsets,
        pending: None,
    })
}

/// The state of translating one function.
struct Translator<'a> {
    env: &'a FuncEnv<'a>,
    code: Vec<Instr>,
    stack: Vec<Operand>,
    /// How many `Operand::Local` entries `stack` holds.
    local_refs: usize,
    ctrl: Vec<Control>,
    num_locals: u32,
    max_height: u32,
    /// Index of the last instruction if its result may be redirected by `local.set`.
    last_result: Option<usize>,
    /// False after an unconditional branch until the enclosing block ends.
    reachable: bool,
    /// Blocks opened inside unreachable code, skipped without translation.
    dead_depth: u32,
    /// The `ConsumeGas` paying for the current straight-line block (metering only).
    gas_at: Option<usize>,
    /// Constants read inside loops, each given a slot right after the locals, written once
    /// on entry; in slot order, in slot encoding.
    hoisted: Vec<u64>,
    /// How many loops are open.
    loops: usize,
    /// Branches waiting for their block's end: `(instruction, next in the block's list)`.
    fixups: Vec<(usize, u32)>,
    /// The reference slots at each pause point, as they are emitted.
    refs: ref_map::RefMapBuilder,
    /// The first slot of each local when a local is a `v128` (two slots), with one more
    /// entry for the end; empty when every local takes one slot (local `i` is slot `i`).
    local_slots: Box<[u32]>,
    /// Whether a `v128` appears in the function: its frame gets one slot of padding.
    has_v128: bool,
    /// Whether the operand that the operator being translated drops, selects or moves
    /// to or from a global is a `v128` (noted from the validator before the operator).
    v128_operand: bool,
    /// Set by a `global.set` of a temporary, for the operator right after it only:
    /// `(global, slot, code length after the set)`. The slot still holds the value stored,
    /// and a `global.get` of the same global pushed at the same height reads it there
    /// (see `ops.rs`).
    global_in_slot: Option<(u32, Reg, usize)>,
    /// Set by an access that absorbed the instructions computing its address
    /// (`fuse_address.rs`): their position and number, removed from the code.
    fused_away: Option<(usize, usize)>,
    /// Set by the operator just translated when it copied an instruction of another
    /// operator's: `(copy, original)`, the copy's position and the original's
    /// (`thread_back_edge` repeating a loop's first test), so that the copy is described
    /// as the operator it repeats.
    copied: Option<(usize, usize)>,
    /// Set by the operator just translated when it moved a loop's `ConsumeGas` behind the
    /// stores of the loop's parameters after it (`loop_params.rs`): `(head, end)`, the
    /// `ConsumeGas` moved from `head` to `end - 1` and the stores one place back.
    rotated: Option<(usize, usize)>,
    /// The heads of the loops a branch was made for as their code stands (paying for the
    /// `ConsumeGas` there, or repeating the instruction after it): that code stays in place
    /// (`loop_params.rs`). Loops starting at the same place share the entry.
    fixed_heads: HashSet<usize>,
    /// Where a branch last landed: the code length when the last label (a loop's head, a
    /// forward branch's target) was bound. Two instructions fuse only if it is not between
    /// them (`step.rs`).
    label_at: usize,
}

/// Temporaries are numbered from here while translating; once the number of hoisted
/// constants is known they move to just after them (see [`place_temps`]), so that a callee's
/// frame, which starts at an argument temporary, never overlaps the constants.
const TEMP_MARK: Reg = 0x8000_0000;

/// The most constants a function hoists out of its loops.
const MAX_HOISTED: usize = 64;

impl<'a> Translator<'a> {
    fn new(env: &'a FuncEnv<'a>, num_locals: u32, num_results: u32) -> Translator<'a> {
        Translator {
            env,
            code: Vec::new(),
            stack: Vec::new(),
            local_refs: 0,
            ctrl: vec![Control::new(ControlKind::Func, 0, 0, num_results)],
            num_locals,
            max_height: 0,
            last_result: None,
            reachable: true,
            dead_depth: 0,
            gas_at: None,
            hoisted: Vec::new(),
            loops: 0,
            fixups: Vec::new(),
            refs: ref_map::RefMapBuilder::default(),
            global_in_slot: None,
            fused_away: None,
            copied: None,
            rotated: None,
            fixed_heads: HashSet::new(),
            local_slots: Box::default(),
            has_v128: false,
            v128_operand: false,
            label_at: 0,
        }
    }

    // ----- gas --------------------------------------------------------------------------------

    /// Starts a new straight-line block: its cost is paid by a `ConsumeGas` placed here.
    ///
    /// The `ConsumeGas` is placed when the block's first instruction with a cost arrives, so
    /// blocks that cost nothing (`end end`) pay nothing and cost no dispatch.
    fn start_gas_block(&mut self) {
        self.gas_at = None;
    }

    /// Adds the static cost of `op` to the current block.
    fn charge(&mut self, op: &wasmparser::Operator<'_>) {
        let (Some(costs), true) = (self.env.costs, self.reachable) else {
            return;
        };
        let cost = costs.operator(op);
        if cost == 0 {
            return;
        }
        let at = match self.gas_at {
            Some(at) => at,
            None => {
                let pay = Instr::ConsumeGas { lo: 0, hi: 0 };
                self.note_pause(&pay);
                let at = self.emit(pay);
                self.gas_at = Some(at);
                at
            }
        };
        if let Instr::ConsumeGas { lo, hi } = &mut self.code[at] {
            let total = (u64::from(*lo) | (u64::from(*hi) << 32)).saturating_add(cost);
            *lo = total as u32;
            *hi = (total >> 32) as u32;
        }
    }

    // ----- emitting ---------------------------------------------------------------------------

    /// Emits an instruction; returns its index.
    fn emit(&mut self, instr: Instr) -> usize {
        let fused = match instr {
            Instr::Copy { dst, src } => self.fuse_copy(dst, src),
            Instr::Const32 { dst, val } => self.fuse_const(dst, val),
            _ => false,
        };
        if fused {
            return self.code.len() - 2;
        }
        // A `ConsumeGas` is noted where it is placed (`charge`, a loop's back edge).
        if !matches!(instr, Instr::ConsumeGas { .. }) {
            self.note_pause(&instr);
        }
        self.code.push(instr);
        self.last_result = None;
        self.code.len() - 1
    }

    /// Emits an instruction whose result `local.set` may redirect.
    fn emit_result(&mut self, instr: Instr) {
        self.note_pause(&instr);
        self.code.push(instr);
        self.last_result = Some(self.code.len() - 1);
    }

    /// Points the branch at `at` to the current end of the code.
    fn patch_here(&mut self, at: usize) {
        let offset = (self.code.len() - at) as i32;
        self.code[at].set_branch_offset(offset);
        self.label_at = self.code.len();
    }

    // ----- the operand stack ------------------------------------------------------------------

    fn temp(&self, pos: usize) -> Reg {
        TEMP_MARK + pos as u32
    }

    fn height(&self) -> usize {
        self.stack.len()
    }

    fn push(&mut self, op: Operand) {
        if let Operand::Local(_) = op {
            self.local_refs += 1;
        }
        self.stack.push(op);
        self.max_height = self.max_height.max(self.stack.len() as u32);
    }

    /// Pushes a temporary and returns its slot.
    fn push_temp(&mut self) -> Reg {
        self.push(Operand::Temp);
        self.temp(self.stack.len() - 1)
    }

    /// Pops an operand and returns it with its stack position.
    fn pop(&mut self) -> (Operand, usize) {
        // Validation guarantees the operand exists.
        let op = self.stack.pop().unwrap_or(Operand::Temp);
        if let Operand::Local(_) = op {
            self.local_refs -= 1;
        }
        (op, self.stack.len())
    }

    /// Pops an operand and returns a slot holding it, materialising a constant into the
    /// operand's temporary.
    fn pop_reg(&mut self) -> Reg {
        let (op, pos) = self.pop();
        self.reg_of(op, pos)
    }

    fn reg_of(&mut self, op: Operand, pos: usize) -> Reg {
        match op {
            Operand::Local(l) => l,
            Operand::Temp => self.temp(pos),
            Operand::Const(c) => match self.hoist(c) {
                Some(slot) => slot,
                None => {
                    let dst = self.temp(pos);
                    self.emit(const_instr(dst, c));
                    dst
                }
            },
        }
    }

    /// The slot of constant `c` when it may be hoisted: read inside a loop (written once on
    /// entry instead of on every iteration), or 0 anywhere (the zero slot, which the entry
    /// zeroes with the locals: see [`zero_first`]).
    fn hoist(&mut self, c: u64) -> Option<Reg> {
        if !self.hoists(c) {
            return None;
        }
        let index = match self.hoisted.iter().position(|&h| h == c) {
            Some(i) => i,
            None if self.hoisted.len() < MAX_HOISTED => {
                self.hoisted.push(c);
                self.hoisted.len() - 1
            }
            None => return None,
        };
        Some(self.num_locals + index as Reg)
    }

    /// Whether constant `c` is read from a slot written once (see [`Self::hoist`]) rather
    /// than by an instruction of its own where it is used (when the slots for hoisted
    /// constants are not all taken).
    fn hoists(&self, c: u64) -> bool {
        self.loops > 0 || c == 0
    }

    fn truncate(&mut self, height: usize) {
        while self.stack.len() > height {
            self.pop();
        }
    }

    /// Moves `op` (at stack position `pos`) into `dst`, leaving the model unchanged.
    fn emit_move(&mut self, dst: Reg, op: Operand, pos: usize) {
        match op {
            Operand::Local(l) if l != dst => {
                self.emit(Instr::Copy { dst, src: l });
            }
            Operand::Temp if self.temp(pos) != dst => {
                let src = self.temp(pos);
                self.emit(Instr::Copy { dst, src });
            }
            Operand::Const(c) => {
                self.emit(const_instr(dst, c));
            }
            _ => {}
        }
    }

    /// Turns the operand at `pos` into a temporary in its own slot.
    fn materialize_at(&mut self, pos: usize) {
        let op = self.stack[pos];
        if op != Operand::Temp {
            let dst = self.temp(pos);
            self.emit_move(dst, op, pos);
            if let Operand::Local(_) = op {
                self.local_refs -= 1;
            }
            self.stack[pos] = Operand::Temp;
        }
    }

    /// Materialises the top `n` operands.
    fn materialize_top(&mut self, n: usize) {
        let h = self.height();
        for pos in h - n..h {
            self.materialize_at(pos);
        }
    }

    /// Before `local` is written: operands that still read it get their own copies.
    fn preserve_local(&mut self, local: u32) {
        if self.local_refs == 0 {
            return;
        }
        for pos in 0..self.stack.len() {
            if self.stack[pos] == Operand::Local(local) {
                self.materialize_at(pos);
            }
        }
    }

    /// On entering a block: no operand below may refer to a local (a write inside the block
    /// would be seen only on some paths), and the block's parameters sit in their slots.
    fn materialize_for_block(&mut self, params: usize) {
        if self.local_refs > 0 {
            for pos in 0..self.stack.len() {
                if let Operand::Local(_) = self.stack[pos] {
                    self.materialize_at(pos);
                }
            }
        }
        self.materialize_top(params);
    }
}

/// Prepends the instructions that write the hoisted constants into their slots on entry,
/// two 32-bit ones in a row as a `Const32Pair` (`copy_pair.rs`): a function with loops runs
/// its prologue on every call. Branch offsets are relative, so they stay right, and no branch
/// lands in the prologue.
fn with_prologue(code: Vec<Instr>, hoisted: &[u64], first_slot: Reg) -> Vec<Instr> {
    if hoisted.is_empty() {
        return code;
    }
    let mut prologue: Vec<Instr> = Vec::with_capacity(hoisted.len() + code.len());
    for (i, &c) in hoisted.iter().enumerate() {
        let instr = const_instr(first_slot + i as Reg, c);
        let paired = match instr {
            Instr::Const32 { dst, val } => {
                copy_pair::push_paired(&mut prologue, val, |last| copy_pair::const_pair(last, dst))
            }
            _ => false,
        };
        if !paired {
            prologue.push(instr);
        }
    }
    prologue.extend(code);
    prologue
}

/// Gives the temporaries their final slots, from `temps_base` on.
fn place_temps(mut code: Vec<Instr>, temps_base: Reg) -> Vec<Instr> {
    rename_slots(&mut code, |r| {
        if *r >= TEMP_MARK {
            *r = temps_base + (*r - TEMP_MARK);
        }
    });
    code
}

/// Renames every slot `code` names, data words' included, with `rename`.
fn rename_slots(code: &mut [Instr], rename: impl Fn(&mut Reg)) {
    for pc in 0..code.len() {
        code[pc].for_each_slot_mut(|r, _| rename(r));
        if code[pc].has_data_word() {
            let instr = code[pc];
            if let Some(data) = code.get_mut(pc + 1) {
                instr.for_each_data_slot_mut(data, &rename);
            }
        }
    }
}

/// Makes the first hoisted slot, `first`, the zero slot when the function hoisted a 0:
/// moves the 0 there (swapping it with the constant that was there, in `hoisted` and in the
/// code), and says whether it did. The entry then zeroes that slot with the locals, and the
/// prologue need not write it: a 0 read anywhere (a static's address, `i32.const 0` as the
/// base of a load with the static's address in its offset, the way compilers for wasm32
/// address statics; a 0 stored) costs no instruction of its own, in a function without loops
/// too. A function with `v128` constants keeps its 0 where it is unless it is first already:
/// moving a slot could split a constant's pair of slots.
fn zero_first(code: &mut [Instr], hoisted: &mut [u64], first: Reg, has_v128: bool) -> bool {
    let Some(k) = hoisted.iter().position(|&c| c == 0) else {
        return false;
    };
    if k != 0 {
        if has_v128 {
            return false;
        }
        let other = first + k as Reg;
        rename_slots(code, |r| {
            if *r == first {
                *r = other;
            } else if *r == other {
                *r = first;
            }
        });
        hoisted.swap(0, k);
    }
    true
}

/// The instruction writing constant `c` (slot encoding) into `dst`.
fn const_instr(dst: Reg, c: u64) -> Instr {
    if c <= u64::from(u32::MAX) {
        Instr::Const32 { dst, val: c as u32 }
    } else {
        Instr::Const64 {
            dst,
            lo: c as u32,
            hi: (c >> 32) as u32,
        }
    }
}

/// Joins, in the finished `code`, every two instructions in a row that `pair` makes one
/// of (the joined instruction and the data word that takes the second's place), unless a
/// branch lands on the second. The code keeps its length, so every recorded position stays
/// right (`add_imm_pair.rs`, `load_pair.rs`, `and_branch.rs`).
fn pair_in_place(code: &mut [Instr], pair: fn(Instr, Instr) -> Option<(Instr, Instr)>) {
    let mut landed = vec![false; code.len()];
    for (_, target) in branches(code) {
        landed[target] = true;
    }
    let mut at = 0;
    while at + 1 < code.len() {
        if !landed[at + 1] {
            if let Some((joined, data)) = pair(code[at], code[at + 1]) {
                code[at] = joined;
                code[at + 1] = data;
                at += 2;
                continue;
            }
        }
        at += if code[at].has_data_word() { 2 } else { 1 };
    }
}

/// Each branch of `code` with the position it lands on, `(branch, target)`; a target outside
/// the code is left out (the verifier refuses it).
fn branches(code: &[Instr]) -> impl Iterator<Item = (usize, usize)> + '_ {
    code.iter().enumerate().filter_map(|(pc, instr)| {
        let target = usize::try_from(pc as i64 + i64::from(instr.branch_offset()?)).ok()?;
        (target < code.len()).then_some((pc, target))
    })
}

/// What `instr` charges if it is a `ConsumeGas`, `None` for any other instruction.
fn gas_charged(instr: &Instr) -> Option<u64> {
    match *instr {
        Instr::ConsumeGas { lo, hi } => Some(u64::from(lo) | (u64::from(hi) << 32)),
        _ => None,
    }
}

/// For an instruction followed by a branch table (`BrTable` and its forms): the index of its
/// last entry, the default (`len`: the table has `len + 1` entries), and whether the entries
/// are paying ones (`BrPay`) rather than plain `Br`s. `None` for any other instruction.
fn branch_table(instr: &Instr) -> Option<(u32, bool)> {
    match *instr {
        Instr::BrTable { len, .. }
        | Instr::BrTableAcc { len, .. }
        | Instr::Load8UBrTable { len, .. }
        | Instr::Load32UBrTable { len, .. } => Some((len, false)),
        Instr::BrTablePay { len, .. }
        | Instr::BrTablePayAcc { len, .. }
        | Instr::Load8UBrTablePay { len, .. }
        | Instr::Load32UBrTablePay { len, .. } => Some((len, true)),
        _ => None,
    }
}

/// The code translated for function 0 of `wat`, with gas metering or not, its branch
/// offsets counted in instructions as the translator writes them: what the translator's unit
/// tests look at.
#[cfg(test)]
pub(crate) fn test_code(wat: &str, gas: bool) -> Vec<Instr> {
    let mut config = crate::Config::default();
    config.gas_metering(gas);
    test_code_with(wat, &config)
}

/// [`test_code`] metered, with the `base` price `base` and the other prices as by default.
#[cfg(test)]
pub(crate) fn test_code_priced(wat: &str, base: u32) -> Vec<Instr> {
    let mut config = crate::Config::default();
    let costs = crate::GasCosts {
        base,
        ..crate::GasCosts::default()
    };
    config.gas_metering(true).gas_costs(costs);
    test_code_with(wat, &config)
}

/// [`test_code`] translated with `config` (gas metering, prices).
#[cfg(test)]
pub(crate) fn test_code_with(wat: &str, config: &crate::Config) -> Vec<Instr> {
    let module = crate::Module::new(&crate::Engine::new(config), wat).unwrap();
    let func = module.inner.compiled(0).unwrap();
    crate::engine::executor::unlink(&func.ops)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consecutive_locals_are_returned_where_they_are() {
        let wat = |body: &str| {
            format!("(module (func (param i64 i64 i64) (result i64 i64) (local i64) {body}))")
        };
        for gas in [false, true] {
            for (body, src) in [
                ("local.get 0 local.get 1", Some(0)),
                ("local.get 2 local.get 3", Some(2)),
                ("local.get 1 local.get 0", None),
                ("local.get 1 local.get 1", None),
                ("local.get 0 i64.const 1", None),
            ] {
                let code = test_code(&wat(body), gas);
                let copies = code.iter().filter(|i| !matches!(i, Instr::ReturnN { .. }));
                let returned = code.iter().find_map(|i| match *i {
                    Instr::ReturnN { src, count: 2 } => Some(src),
                    _ => None,
                });
                match src {
                    Some(src) => {
                        assert_eq!(returned, Some(src), "{body}: {code:?}");
                        let others: Vec<_> = copies
                            .filter(|i| !matches!(i, Instr::ConsumeGas { .. }))
                            .collect();
                        assert!(others.is_empty(), "{body}: {code:?}");
                    }
                    None => assert!(returned.is_some_and(|s| s > 3), "{body}: {code:?}"),
                }
            }
        }
    }

    /// The constants `code` writes, as `(slot, value)`.
    fn consts(code: &[Instr]) -> Vec<(Reg, u32)> {
        code.iter()
            .filter_map(|i| match *i {
                Instr::Const32 { dst, val } => Some((dst, val)),
                _ => None,
            })
            .collect()
    }

    /// Whether `code` loads the static at 1024 with `slot` as the base.
    fn loads_static_through(code: &[Instr], slot: Reg) -> bool {
        code.iter()
            .any(|i| matches!(*i, Instr::Load32U { ptr, offset: 1024, .. } if ptr == slot))
    }

    #[test]
    fn a_zero_outside_loops_is_read_from_the_zero_slot() {
        // One parameter and one local: the zero slot is slot 2.
        let wat = r#"(module (memory 1)
          (func (param i32) (result i32) (local i32)
            (i32.store offset=8 (i32.const 0) (local.get 0))
            (i32.load offset=1024 (i32.const 0))))"#;
        for gas in [false, true] {
            let code = test_code(wat, gas);
            assert_eq!(consts(&code), [], "{code:?}");
            assert!(
                code.iter().any(|i| matches!(
                    i,
                    Instr::Store32 {
                        ptr: 2,
                        val: 0,
                        offset: 8
                    }
                )),
                "{code:?}"
            );
            assert!(loads_static_through(&code, 2), "{code:?}");
        }
    }

    #[test]
    fn the_zero_slot_comes_first_and_the_prologue_writes_the_others() {
        // 7 is hoisted first (in the loop), 0 after it: they swap slots.
        let wat = r#"(module (memory 1)
          (func (param i32 i32) (result i32)
            (loop
              (local.set 1 (select (i32.const 7) (local.get 0) (local.get 1)))
              (br_if 0 (local.get 1)))
            (i32.load offset=1024 (i32.const 0))))"#;
        let code = test_code(wat, false);
        assert_eq!(code[0], Instr::Const32 { dst: 3, val: 7 }, "{code:?}");
        assert_eq!(consts(&code), [(3, 7)], "{code:?}");
        assert!(loads_static_through(&code, 2), "{code:?}");
    }

    #[test]
    fn a_zero_after_a_v128_constant_stays_in_the_prologue() {
        // Moving the 0 first could split the pair of slots of the v128 constant.
        let wat = r#"(module (memory 1)
          (func (param i32) (result i32)
            (loop
              (v128.store (local.get 0) (v128.const i64x2 5 6))
              (br_if 0 (local.get 0)))
            (i32.load offset=1024 (i32.const 0))))"#;
        let code = test_code(wat, false);
        let zero = consts(&code).into_iter().find(|&(_, v)| v == 0);
        let (slot, _) = zero.expect("the 0 written by the prologue");
        assert!(slot > 1, "{code:?}");
        assert!(loads_static_through(&code, slot), "{code:?}");
    }
}
