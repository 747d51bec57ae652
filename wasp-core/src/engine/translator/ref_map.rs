//! Which value slots hold references wherever a call can pause.
//!
//! A paused call is a stack of untyped 64-bit slots. To check a snapshot of one, restore must
//! know which of a frame's slots hold a `funcref` or an `externref` at the point where the
//! frame stands, and only those: a slot that held a reference earlier and an `i64` now is an
//! `i64`. The translator knows, so it writes it down once per function, for every point
//! where a frame can stand while its call is paused:
//!
//! - a `ConsumeGas` (the call ran out of gas before the block it pays for);
//! - a bulk memory or table instruction (out of gas for its dynamic cost);
//! - a `call`, `call_indirect` or `call_ref` (a frame below the top waits on it; the top
//!   frame waits on it when it calls a host function that yields or is still to be called);
//! - a `return_call`, `return_call_indirect` or `return_call_ref` of a host function (nothing
//!   of the frame is live any more: its slots hold the host function's arguments).
//!
//! `ref.as_non_null`, `br_on_null` and `br_on_non_null` move references without pausing: the
//! slots they leave holding one are found from the validator's types at the next point.
//!
//! At each point the live reference slots are the reference-typed locals (always live:
//! a local is only ever written with values of its type), plus the operand-stack temporaries
//! that hold a reference and are still to be read: those below the instruction's own operands
//! and, for `table.grow` and `table.fill`, the reference the instruction itself reads. Slots of
//! hoisted constants hold the constant from the frame's first instruction on; restore checks
//! them for exactly that value. Everything else is untyped bits or dead.
//!
//! The types come from the validator at the moment the point is emitted, so the map costs
//! nothing at run time and little at translation: one entry per pause point plus one per live
//! reference temporary.

use wasmparser::{FuncValidator, ValidatorResources, WasmModuleResources};

use super::{Operand, Translator, TEMP_MARK};
use crate::engine::ir::{Instr, Reg};
use crate::types::ValType;

/// The kind of reference a slot holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RefKind {
    /// A `funcref`: 0 is null, `n + 1` the store's function `n`.
    Func,
    /// An `externref`: 0 is null, `n + 1` the store's extern value `n`.
    Extern,
}

impl RefKind {
    /// The kind of a value type, if it is a reference type.
    pub(crate) fn of(ty: ValType) -> Option<RefKind> {
        match ty.as_ref_type()?.heap_type() {
            crate::types::HeapType::Extern => Some(RefKind::Extern),
            crate::types::HeapType::Func | crate::types::HeapType::Concrete(_) => {
                Some(RefKind::Func)
            }
        }
    }

    /// The kind of a validator type. Wasp enables no proposal with references other than to
    /// functions and extern values, so every reference is one of the two; `ref.func`'s result
    /// is a reference to a concrete function type, not the abstract `funcref`.
    fn of_wasm(ty: wasmparser::ValType) -> Option<RefKind> {
        use wasmparser::{AbstractHeapType as A, HeapType as H};
        match ty {
            wasmparser::ValType::Ref(r) => Some(match r.heap_type() {
                H::Abstract {
                    ty: A::Extern | A::NoExtern,
                    ..
                } => RefKind::Extern,
                _ => RefKind::Func,
            }),
            _ => None,
        }
    }
}

/// A slot and the kind of reference it holds, packed: `slot << 1 | extern`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct RefSlot(u32);

impl RefSlot {
    fn new(slot: Reg, kind: RefKind) -> RefSlot {
        RefSlot(slot << 1 | u32::from(kind == RefKind::Extern))
    }

    fn slot(self) -> u32 {
        self.0 >> 1
    }

    fn kind(self) -> RefKind {
        if self.0 & 1 == 0 {
            RefKind::Func
        } else {
            RefKind::Extern
        }
    }
}

/// One pause point: the instruction at `pc`, its live reference temporaries
/// `temps[start..end]` (`start` is the previous point's `end`), and whether the frame's
/// locals are still live (not after a tail call).
#[derive(Debug, Clone, Copy)]
struct Point {
    pc: u32,
    end: u32,
    locals_live: bool,
}

/// The reference slots of one translated function at each of its pause points.
#[derive(Debug, Default)]
pub(crate) struct RefMap {
    locals: Box<[RefSlot]>,
    /// Hoisted constants: slot `first_hoisted + i` holds `hoisted[i]`.
    hoisted: Box<[u64]>,
    first_hoisted: u32,
    /// Sorted by `pc`.
    points: Box<[Point]>,
    temps: Box<[RefSlot]>,
    /// No slot of the function ever holds a reference: no reference-typed local, and no
    /// operator that puts a reference on the operand stack.
    ref_free: bool,
}

impl RefMap {
    /// The slots holding references while the frame stands at `pc`, each with its kind;
    /// `None` if `pc` is no pause point. `pc` is the pausing instruction itself: the
    /// `call` or `call_indirect` for a frame waiting on one.
    pub(crate) fn live_at(&self, pc: u32) -> Option<impl Iterator<Item = (u32, RefKind)> + '_> {
        let i = self.points.binary_search_by_key(&pc, |p| p.pc).ok()?;
        let point = self.points[i];
        let start = if i == 0 { 0 } else { self.points[i - 1].end };
        let locals: &[RefSlot] = if point.locals_live { &self.locals } else { &[] };
        let temps = &self.temps[start as usize..point.end as usize];
        Some(locals.iter().chain(temps).map(|r| (r.slot(), r.kind())))
    }

    /// Whether no slot of the function ever holds a reference, wherever the frame stands
    /// (an interrupt can stop a frame at any instruction, not only at a pause point).
    pub(crate) fn ref_free(&self) -> bool {
        self.ref_free
    }

    /// The hoisted constants: `(slot, value)`, written by the function's first instructions.
    pub(crate) fn hoisted(&self) -> impl Iterator<Item = (u32, u64)> + '_ {
        (self.first_hoisted..).zip(self.hoisted.iter().copied())
    }

    /// How many pause points the function has.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.points.len()
    }
}

/// A pause point noted while emitting, waiting for the validator's types.
#[derive(Debug)]
struct Pending {
    pc: usize,
    /// Operand-stack positions holding temporaries still to be read after the point:
    /// `positions[..end]` of the builder, from the previous pending point's `end`.
    end: usize,
    /// The instruction's own reference operand (`table.grow`, `table.fill`); its kind is the
    /// element type of the table named by the data word that follows the instruction.
    own: Option<Reg>,
    locals_live: bool,
}

/// Collects the map while a function is translated.
#[derive(Debug, Default)]
pub(super) struct RefMapBuilder {
    locals: Vec<RefSlot>,
    /// Whether an operator of the body puts a reference on the operand stack.
    produces_refs: bool,
    pending: Vec<Pending>,
    positions: Vec<u32>,
    points: Vec<Resolved>,
    /// Whether a `v128` appears in the function: its two slots take two positions of the
    /// modelled operand stack and one of the validator's (see `translator/v128.rs`).
    v128: bool,
}

/// A pause point with its types.
#[derive(Debug, Clone)]
struct Resolved {
    pc: usize,
    /// Live reference slots, temporaries numbered as while translating.
    live: Vec<(Reg, RefKind)>,
    locals_live: bool,
}

impl RefMapBuilder {
    /// Notes `count` locals of type `ty` starting at local `first`.
    pub(super) fn locals(&mut self, first: u32, count: u32, ty: Option<RefKind>) {
        if let Some(kind) = ty {
            self.locals
                .extend((first..first + count).map(|l| RefSlot::new(l, kind)));
        }
    }

    /// Notes whether `op` puts a reference on the operand stack. References enter a frame
    /// only through reference-typed locals and these operators; every other operator moves
    /// or consumes them.
    pub(super) fn note_operator(
        &mut self,
        op: &wasmparser::Operator<'_>,
        env: &super::FuncEnv<'_>,
        resources: &ValidatorResources,
    ) {
        use wasmparser::Operator as O;
        let any_ref = |tys: &[ValType]| tys.iter().any(|&t| RefKind::of(t).is_some());
        self.produces_refs |= match op {
            O::RefNull { .. } | O::RefFunc { .. } | O::TableGet { .. } => true,
            O::GlobalGet { global_index } => resources
                .global_at(*global_index)
                .is_none_or(|g| RefKind::of_wasm(g.content_type).is_some()),
            O::Call { function_index } => any_ref(env.func_type(*function_index).results()),
            O::CallIndirect { type_index, .. } | O::CallRef { type_index } => env
                .types
                .get(*type_index as usize)
                .is_none_or(|ty| any_ref(ty.results())),
            _ => false,
        };
    }

    /// Notes the parameter locals (a `v128` takes two slots).
    pub(super) fn params(&mut self, params: &[ValType]) {
        let mut slot = 0;
        for &ty in params {
            self.locals(slot, 1, RefKind::of(ty));
            slot += ty.slots() as u32;
        }
    }

    /// Notes that a `v128` appears in the function.
    pub(super) fn saw_v128(&mut self) {
        self.v128 = true;
    }

    /// Notes the declared locals `first..first + count` of Wasm type `ty`.
    pub(super) fn declared(&mut self, first: u32, count: u32, ty: wasmparser::ValType) {
        self.locals(first, count, RefKind::of_wasm(ty));
    }

    /// Gives the noted points their types from the validator's operand stack, which must be
    /// in the state the points were noted for (see [`Translator::note_pause`]).
    #[inline]
    pub(super) fn resolve(&mut self, v: &FuncValidator<super::Resources>, code: &[Instr]) {
        if !self.pending.is_empty() {
            self.resolve_pending(v, code);
        }
    }

    fn resolve_pending(&mut self, v: &FuncValidator<super::Resources>, code: &[Instr]) {
        let mut start = 0;
        let height = v.operand_stack_height() as usize;
        // With `v128`s, a position of the model is found on the validator's stack by walking
        // it from the bottom; `None` for the high half of a `v128`.
        let to_validator: Option<Vec<Option<usize>>> = self.v128.then(|| {
            let mut map = Vec::with_capacity(height);
            for index in 0..height {
                map.push(Some(index));
                let ty = v.get_operand_type(height - 1 - index).flatten();
                if ty == Some(wasmparser::ValType::V128) {
                    map.push(None);
                }
            }
            map
        });
        for p in self.pending.drain(..) {
            let mut live = Vec::new();
            for &pos in &self.positions[start..p.end] {
                let index = match &to_validator {
                    Some(map) => match map.get(pos as usize) {
                        Some(Some(index)) => *index,
                        _ => continue,
                    },
                    None => pos as usize,
                };
                let Some(depth) = height.checked_sub(index + 1) else {
                    continue;
                };
                if let Some(Some(ty)) = v.get_operand_type(depth) {
                    if let Some(kind) = RefKind::of_wasm(ty) {
                        live.push((TEMP_MARK + pos, kind));
                    }
                }
            }
            if let (Some(reg), Some(Instr::Data { a: table, .. })) = (p.own, code.get(p.pc + 1)) {
                let elem = v.resources().table_at(*table).map(|t| t.element_type);
                if let Some(kind) = elem.and_then(|r| RefKind::of_wasm(r.into())) {
                    live.push((reg, kind));
                }
            }
            self.points.push(Resolved {
                pc: p.pc,
                live,
                locals_live: p.locals_live,
            });
            start = p.end;
        }
        self.positions.clear();
    }

    /// The finished map: temporaries moved to their final slots from `temps_base`, points
    /// shifted past the `prologue` instructions that write `hoisted` from slot `num_locals`
    /// on (all but a first 0, which the entry writes: the zero slot).
    pub(super) fn finish(
        mut self,
        temps_base: Reg,
        num_locals: u32,
        hoisted: &[u64],
        prologue: usize,
    ) -> RefMap {
        let shift = prologue as u32;
        self.points.sort_by_key(|p| p.pc);
        let mut temps = Vec::new();
        let mut points = Vec::with_capacity(self.points.len());
        for point in self.points {
            for (reg, kind) in point.live {
                // Locals and hoisted constants are checked on their own.
                if reg >= TEMP_MARK {
                    temps.push(RefSlot::new(temps_base + (reg - TEMP_MARK), kind));
                }
            }
            points.push(Point {
                pc: point.pc as u32 + shift,
                end: temps.len() as u32,
                locals_live: point.locals_live,
            });
        }
        RefMap {
            ref_free: self.locals.is_empty() && !self.produces_refs,
            locals: self.locals.into(),
            hoisted: hoisted.into(),
            first_hoisted: num_locals,
            points: points.into(),
            temps: temps.into(),
        }
    }
}

/// Whether a frame can stand at `instr` while its call is paused.
pub(crate) fn is_pause_point(instr: &Instr) -> bool {
    matches!(
        instr,
        Instr::ConsumeGas { .. }
            | Instr::Call { .. }
            | Instr::CallIndirect { .. }
            | Instr::CallIndirectAcc { .. }
            | Instr::ReturnCall { .. }
            | Instr::ReturnCallIndirect { .. }
            | Instr::CallRef { .. }
            | Instr::ReturnCallRef { .. }
            | Instr::MemoryGrow { .. }
            | Instr::MemoryFill { .. }
            | Instr::MemoryCopy { .. }
            | Instr::MemoryInit { .. }
            | Instr::MemoryGrow64 { .. }
            | Instr::MemoryFill64 { .. }
            | Instr::MemoryCopy64 { .. }
            | Instr::MemoryInit64 { .. }
            | Instr::TableGrow { .. }
            | Instr::TableFill { .. }
            | Instr::TableCopy { .. }
            | Instr::TableInit { .. }
    )
}

impl Translator<'_> {
    /// Notes a pause point if `instr`, about to be emitted at the end of the code, is one.
    ///
    /// The operand model must describe the slots as the instruction finds them. A
    /// `ConsumeGas` is resolved against the validator before its operator is validated, every
    /// other point after: the positions noted for those lie below the operator's operands,
    /// which the operator leaves as they are.
    #[inline]
    pub(super) fn note_pause(&mut self, instr: &Instr) {
        if is_pause_point(instr) {
            self.note_pause_point(instr);
        }
    }

    fn note_pause_point(&mut self, instr: &Instr) {
        let height = self.height() as u32;
        let (floor, own, locals_live) = match *instr {
            Instr::ConsumeGas { .. } => (height, None, true),
            Instr::Call { args, .. }
            | Instr::CallIndirect { args, .. }
            | Instr::CallIndirectAcc { args, .. }
            | Instr::CallRef { args, .. } => (args.wrapping_sub(TEMP_MARK).min(height), None, true),
            Instr::ReturnCall { .. }
            | Instr::ReturnCallIndirect { .. }
            | Instr::ReturnCallRef { .. } => (0, None, false),
            // Emitted with their result already pushed.
            Instr::MemoryGrow { .. } | Instr::MemoryGrow64 { .. } => {
                (height.saturating_sub(1), None, true)
            }
            Instr::TableGrow { init, .. } => (height.saturating_sub(1), Some(init), true),
            Instr::TableFill { val, .. } => (height, Some(val), true),
            Instr::MemoryFill { .. }
            | Instr::MemoryCopy { .. }
            | Instr::MemoryInit { .. }
            | Instr::MemoryFill64 { .. }
            | Instr::MemoryCopy64 { .. }
            | Instr::MemoryInit64 { .. }
            | Instr::TableCopy { .. }
            | Instr::TableInit { .. } => (height, None, true),
            _ => return,
        };
        let temps = (0..floor).filter(|&pos| self.stack[pos as usize] == Operand::Temp);
        self.refs.positions.extend(temps);
        self.refs.pending.push(Pending {
            pc: self.code.len(),
            end: self.refs.positions.len(),
            own,
            locals_live,
        });
    }

    /// Notes that the `ConsumeGas` about to be emitted at the end of the code stands where
    /// the one at `head` stands (a loop's back edge paying for the loop's first block again).
    pub(super) fn note_pause_as(&mut self, head: usize) {
        let pc = self.code.len();
        if let Some(point) = self.refs.points.iter().rev().find(|p| p.pc == head) {
            let copy = Resolved {
                pc,
                ..point.clone()
            };
            self.refs.points.push(copy);
        }
    }

    /// Notes that the pause point at `from` (a loop's `ConsumeGas`) now stands at `to`, after
    /// the loop's parameters at operand positions `params..` were stored in locals: they are
    /// no longer live there (`loop_params.rs`).
    pub(super) fn move_pause_point(&mut self, from: usize, to: usize, params: usize) {
        // Temporaries are numbered by position from `TEMP_MARK` on (see `resolve_pending`).
        let first_dead = TEMP_MARK + params as Reg;
        if let Some(point) = self.refs.points.iter_mut().rev().find(|p| p.pc == from) {
            point.pc = to;
            point.live.retain(|&(reg, _)| reg < first_dead);
        }
    }
}

/// Checks that every pause point of `code` has an entry in `map` (a translator invariant).
pub(super) fn covers(map: &RefMap, code: &[Instr]) -> bool {
    code.iter()
        .enumerate()
        .filter(|(_, instr)| is_pause_point(instr))
        .all(|(pc, _)| map.live_at(pc as u32).is_some())
}

#[cfg(test)]
mod tests {
    use super::RefKind;
    use crate::engine::executor::Op;
    use crate::engine::ir::Instr;
    use crate::{Config, Engine, Module};

    /// The translated functions of `wat`, translated with gas metering `gas`.
    fn compile(wat: &str, gas: bool) -> Module {
        let mut config = Config::default();
        config.gas_metering(gas);
        Module::new(&Engine::new(&config), wat).unwrap()
    }

    fn first_pc(ops: &[Op], want: fn(&Instr) -> bool) -> u32 {
        ops.iter().position(|op| want(&op.instr)).unwrap() as u32
    }

    #[test]
    fn a_reference_below_a_calls_arguments_is_live_at_the_call() {
        let module = compile(
            r#"(module
              (elem declare func $f)
              (func $id (param funcref) (result funcref) (local.get 0))
              (func $f (param $e externref) (result funcref) (local $n i64)
                (ref.func $f)
                (call $id (ref.null func))
                (drop)))"#,
            false,
        );
        let f = module.inner.compiled(1).unwrap();
        assert_eq!(f.refs.len(), 1, "one call, no gas: one pause point");
        let call = first_pc(&f.ops, |i| matches!(i, Instr::Call { .. }));
        let live: Vec<_> = f.refs.live_at(call).unwrap().collect();
        // The externref parameter, then the `ref.func` temporary right after the locals.
        assert_eq!(live, vec![(0, RefKind::Extern), (2, RefKind::Func)]);
        assert!(f.refs.live_at(call + 1).is_none());
    }

    #[test]
    fn a_number_in_a_slot_that_once_held_a_reference_is_not_a_reference() {
        let module = compile(
            r#"(module
              (elem declare func $f)
              (func $g (result i32) (i32.const 0))
              (func $f (result i32)
                (drop (ref.func $f))
                (i64.const 1)
                (drop (call $g))
                (drop)
                (i32.const 0)))"#,
            true,
        );
        let f = module.inner.compiled(1).unwrap();
        let call = first_pc(&f.ops, |i| matches!(i, Instr::Call { .. }));
        assert_eq!(f.refs.live_at(call).unwrap().count(), 0);
        let pay = first_pc(&f.ops, |i| matches!(i, Instr::ConsumeGas { .. }));
        assert!(f.refs.live_at(pay).is_some());
    }

    #[test]
    fn the_reference_br_on_non_null_passes_on_is_live_at_the_next_pause() {
        let mut config = Config::default();
        config.gas_metering(true).wasm_function_references(true);
        let module = Module::new(
            &Engine::new(&config),
            r#"(module
              (type $t (func))
              (elem declare func $f)
              (func $f (type $t))
              (func (param $r (ref null $t))
                (block $nn (result (ref $t))
                  (br_on_non_null $nn (local.get $r))
                  (ref.func $f))
                (call_ref $t)))"#,
        )
        .unwrap();
        let f = module.inner.compiled(1).unwrap();
        let call = first_pc(&f.ops, |i| matches!(i, Instr::CallRef { .. }));
        // The block after `$nn` pays for `call_ref`, standing with the reference on the stack
        // (its temporary is slot 1, after the parameter).
        let pay = (0..call)
            .rev()
            .find(|&pc| matches!(f.ops[pc as usize].instr, Instr::ConsumeGas { .. }))
            .unwrap();
        let live: Vec<_> = f.refs.live_at(pay).unwrap().collect();
        assert_eq!(live, vec![(0, RefKind::Func), (1, RefKind::Func)]);
        // At the call the reference is consumed: only the parameter is left.
        let live: Vec<_> = f.refs.live_at(call).unwrap().collect();
        assert_eq!(live, vec![(0, RefKind::Func)]);
    }

    #[test]
    fn the_reference_table_grow_reads_is_live_at_it() {
        let module = compile(
            r#"(module (table 1 funcref) (elem declare func $f)
              (func $f (result i32) (table.grow (ref.func $f) (i32.const 1))))"#,
            true,
        );
        let f = module.inner.compiled(0).unwrap();
        let grow = first_pc(&f.ops, |i| matches!(i, Instr::TableGrow { .. }));
        let live: Vec<_> = f.refs.live_at(grow).unwrap().collect();
        assert_eq!(live, vec![(0, RefKind::Func)]);
    }
}
