//! Translation of each Wasm operator.

mod memory64;
mod table64;

use wasmparser::{MemArg, Operator};

use super::control::ControlKind;
use super::{Operand, Translator};
use crate::engine::ir::{Instr, Reg};
use crate::error::{Error, ModuleError};

type Bin = fn(Reg, Reg, Reg) -> Instr;
type BinImm = fn(Reg, Reg, i32) -> Instr;
type Un = fn(Reg, Reg) -> Instr;
/// A load (`dst, ptr, offset`) or a store (`ptr, val, offset`).
type MemOp = fn(Reg, Reg, u32) -> Instr;

/// Makes a `select`: `(dst, a, b)`, its condition (or the comparison's operands) in its data
/// word.
type Sel = fn(Reg, Reg, Reg) -> Instr;

/// The destination of the comparison `compare`, the select on it and its operands (the
/// right one a slot or an immediate), if it has one.
fn select_on(compare: Instr) -> Option<(Reg, (Sel, Reg, u32))> {
    macro_rules! rows {
        ($($cmp:ident, $cmp_imm:ident => $sel:ident, $sel_imm:ident;)*) => {
            match compare {
                $(
                    Instr::$cmp { dst, lhs, rhs } => {
                        let sel: Sel = |dst, a, b| Instr::$sel { dst, a, b };
                        Some((dst, (sel, lhs, rhs)))
                    }
                    Instr::$cmp_imm { dst, lhs, imm } => {
                        let sel: Sel = |dst, a, b| Instr::$sel_imm { dst, a, b };
                        Some((dst, (sel, lhs, imm as u32)))
                    }
                )*
                Instr::I32Eqz { dst, src } => {
                    let sel: Sel = |dst, a, b| Instr::SelectI32EqImm { dst, a, b };
                    Some((dst, (sel, src, 0)))
                }
                _ => None,
            }
        };
    }
    rows! {
        I32Eq, I32EqImm => SelectI32Eq, SelectI32EqImm;
        I32Ne, I32NeImm => SelectI32Ne, SelectI32NeImm;
        I32LtS, I32LtSImm => SelectI32LtS, SelectI32LtSImm;
        I32LtU, I32LtUImm => SelectI32LtU, SelectI32LtUImm;
        I32GtS, I32GtSImm => SelectI32GtS, SelectI32GtSImm;
        I32GtU, I32GtUImm => SelectI32GtU, SelectI32GtUImm;
        I32LeS, I32LeSImm => SelectI32LeS, SelectI32LeSImm;
        I32LeU, I32LeUImm => SelectI32LeU, SelectI32LeUImm;
        I32GeS, I32GeSImm => SelectI32GeS, SelectI32GeSImm;
        I32GeU, I32GeUImm => SelectI32GeU, SelectI32GeUImm;
        I32And, I32AndImm => SelectI32AndNez, SelectI32AndNezImm;
    }
}

/// The forms of one store operator (see [`Translator::store`]).
struct StoreForms {
    /// To memory 0: `(ptr, val, offset)`.
    plain: MemOp,
    /// To the memory named in its data word: `(ptr, val, offset)`.
    mem_n: MemOp,
    /// To memory 0, of a constant: `(ptr, offset, val)`, the value an immediate.
    imm: MemOp,
    /// The store writes 64 bits: its immediate is sign-extended.
    wide: bool,
}

impl StoreForms {
    /// The immediate standing for the constant `c` (in slot encoding) when it fits one: any
    /// constant for a store of 32 bits or fewer (which keeps only its low bits), a
    /// sign-extended 32-bit one for a 64-bit store.
    fn immediate(&self, c: u64) -> Option<u32> {
        let low = c as u32;
        (!self.wide || i64::from(low as i32) == c as i64).then_some(low)
    }
}

macro_rules! bin {
    ($v:ident) => {
        (|dst, lhs, rhs| Instr::$v { dst, lhs, rhs }) as Bin
    };
}
macro_rules! imm {
    ($v:ident) => {
        Some((|dst, lhs, imm| Instr::$v { dst, lhs, imm }) as BinImm)
    };
}
macro_rules! un {
    ($v:ident) => {
        (|dst, src| Instr::$v { dst, src }) as Un
    };
}

/// How an integer binary operator may take a constant operand.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ImmRule {
    /// Only on the right.
    Right,
    /// On either side (the operator commutes).
    Commutes,
}

impl Translator<'_> {
    /// Translates one operator.
    pub(super) fn operator(&mut self, op: Operator<'_>) -> Result<(), Error> {
        let global_in_slot = self.global_in_slot.take();
        if !self.reachable {
            return self.dead_operator(op);
        }
        use Operator as O;
        match op {
            O::Nop => {}
            O::Unreachable => {
                self.emit(Instr::Unreachable);
                self.unreachable_after();
            }
            O::Block { blockty } => self.block(blockty, ControlKind::Block),
            O::Loop { blockty } => self.block(blockty, ControlKind::Loop),
            O::If { blockty } => self.if_(blockty),
            O::Else => self.else_(),
            O::End => self.end(),
            O::Br { relative_depth } => self.br(relative_depth),
            O::BrIf { relative_depth } => self.br_if(relative_depth),
            O::BrTable { targets } => self.br_table(targets)?,
            O::Return => self.return_(),
            O::Call { function_index } => self.call(function_index, false),
            O::ReturnCall { function_index } => self.call(function_index, true),
            O::CallIndirect {
                type_index,
                table_index,
            } => self.call_indirect(type_index, table_index, false),
            O::ReturnCallIndirect {
                type_index,
                table_index,
            } => self.call_indirect(type_index, table_index, true),
            O::CallRef { type_index } => self.call_ref(type_index, false),
            O::ReturnCallRef { type_index } => self.call_ref(type_index, true),
            O::RefAsNonNull => self.unary(un!(RefAsNonNull)),
            O::BrOnNull { relative_depth } => self.br_on_null(relative_depth),
            O::BrOnNonNull { relative_depth } => self.br_on_non_null(relative_depth),
            O::Drop if self.v128_operand => self.v128_drop(),
            O::Drop => {
                self.pop();
            }
            O::Select | O::TypedSelect { .. } if self.v128_operand => self.v128_select(),
            O::Select | O::TypedSelect { .. } => self.select(),
            O::LocalGet { local_index } => match self.local_slot(local_index) {
                (slot, true) => self.v128_local_get(slot),
                (slot, false) => self.push(Operand::Local(slot)),
            },
            O::LocalSet { local_index } | O::LocalTee { local_index } => {
                let tee = matches!(op, O::LocalTee { .. });
                match self.local_slot(local_index) {
                    (slot, true) => self.v128_local_set(slot, tee),
                    (slot, false) => self.local_set(slot, tee),
                }
            }
            O::GlobalGet { global_index } if self.v128_operand => {
                self.v128_global_get(global_index)
            }
            O::GlobalSet { global_index } if self.v128_operand => {
                self.v128_global_set(global_index)
            }
            O::GlobalGet { global_index } => {
                let slot = self.temp(self.height());
                if global_in_slot == Some((global_index, slot, self.code.len())) {
                    self.global_get_forwarded();
                } else {
                    let dst = self.push_temp();
                    self.emit_result(Instr::GlobalGet {
                        dst,
                        global: global_index,
                    });
                }
            }
            O::GlobalSet { global_index } => {
                let (value, pos) = self.pop();
                let src = self.reg_of(value, pos);
                let kept = self.emit_global_set(src, global_index);
                if kept && value == Operand::Temp {
                    self.global_in_slot = Some((global_index, src, self.code.len()));
                }
            }
            O::I32Const { value } => self.push(Operand::Const(u64::from(value as u32))),
            O::I64Const { value } => self.push(Operand::Const(value as u64)),
            O::F32Const { value } => self.push(Operand::Const(u64::from(value.bits()))),
            O::F64Const { value } => self.push(Operand::Const(value.bits())),
            O::RefNull { .. } => self.push(Operand::Const(0)),
            O::RefIsNull => self.unary(un!(RefIsNull)),
            O::RefFunc { function_index } => {
                let dst = self.push_temp();
                self.emit_result(Instr::RefFunc {
                    dst,
                    func: function_index,
                });
            }
            // Reinterpretations keep the bits: nothing to do.
            O::I32ReinterpretF32
            | O::F32ReinterpretI32
            | O::I64ReinterpretF64
            | O::F64ReinterpretI64 => {}
            O::I64Add128 => self.wide_pair(|lo, hi, lhs_lo| Instr::I64Add128 { lo, hi, lhs_lo }),
            O::I64Sub128 => self.wide_pair(|lo, hi, lhs_lo| Instr::I64Sub128 { lo, hi, lhs_lo }),
            O::I64MulWideS => self.mul_wide(|lo, hi, lhs| Instr::I64MulWideS { lo, hi, lhs }),
            O::I64MulWideU => self.mul_wide(|lo, hi, lhs| Instr::I64MulWideU { lo, hi, lhs }),
            op => {
                if !self.memory_op(&op)? && !self.numeric_op(&op) && !self.simd_op(&op)? {
                    return Err(unsupported(&op));
                }
            }
        }
        Ok(())
    }

    /// Skips an operator of unreachable code, tracking only block structure.
    fn dead_operator(&mut self, op: Operator<'_>) -> Result<(), Error> {
        match op {
            Operator::Block { .. } | Operator::Loop { .. } | Operator::If { .. } => {
                self.dead_depth += 1;
            }
            Operator::Else if self.dead_depth == 0 => self.else_(),
            Operator::End if self.dead_depth == 0 => self.end(),
            Operator::End => self.dead_depth -= 1,
            _ => {}
        }
        Ok(())
    }

    /// A `global.get` right after a `global.set` of the same global from a temporary at the
    /// same height: the value is still in the slot the `global.get` pushes, so nothing is
    /// emitted. Nothing ran in between (no operator, not even a gas charge: the code did not
    /// grow), so no branch lands between them, no pause can stop there, and the global
    /// still holds that value. The gas paid is the same (it is charged per operator, not
    /// per instruction).
    fn global_get_forwarded(&mut self) {
        self.push(Operand::Temp);
    }

    fn local_set(&mut self, local: u32, tee: bool) {
        let (value, pos) = self.pop();
        self.preserve_local(local);
        match value {
            Operand::Temp => {
                let temp = self.temp(pos);
                let redirected = match self.last_result {
                    Some(at) => match super::pair::result_mut(&mut self.code[at]) {
                        Some(dst) if *dst == temp => {
                            *dst = local;
                            true
                        }
                        _ => false,
                    },
                    None => false,
                };
                if !redirected {
                    self.emit(Instr::Copy {
                        dst: local,
                        src: temp,
                    });
                }
            }
            other => self.emit_move(local, other, pos),
        }
        self.last_result = None;
        if tee {
            self.push(Operand::Local(local));
        }
    }

    /// A `select`: on a comparison computed right before it into its condition's temporary,
    /// one instruction doing both (see [`Self::take_select_compare`]).
    fn select(&mut self) {
        let (cond, cond_pos) = self.pop();
        let (make, data) = match self.take_select_compare(cond, cond_pos) {
            Some((make, lhs, rhs)) => (
                make,
                Instr::Data {
                    a: lhs,
                    b: rhs,
                    c: 0,
                },
            ),
            None => {
                let cond = self.reg_of(cond, cond_pos);
                let plain: Sel = |dst, a, b| Instr::Select { dst, a, b };
                (
                    plain,
                    Instr::Data {
                        a: cond,
                        b: 0,
                        c: 0,
                    },
                )
            }
        };
        let b = self.pop_reg();
        let (a, pos) = self.pop();
        let a = self.reg_of(a, pos);
        let dst = self.push_temp();
        debug_assert_eq!(dst, self.temp(pos));
        let at = self.emit(make(dst, a, b));
        self.emit(data);
        // A `local.set` right after redirects the result into the local (`pair::result_mut`).
        self.last_result = Some(at);
    }

    /// When the condition `cond` of a `select` (popped from `cond_pos`) is the temporary the
    /// last instruction wrote, an i32 comparison (or `i32.and`, tested for not zero) on
    /// which no branch lands: removes it and returns the fused select's maker and the
    /// comparison's operands (`a`, and `b` a slot or an immediate). The comparison then runs
    /// in the select, after the constants `a` and `b` may need: those write temporaries
    /// below the condition's, which the comparison does not read. Its own result, read by
    /// the select alone, is not written.
    fn take_select_compare(&mut self, cond: Operand, cond_pos: usize) -> Option<(Sel, Reg, u32)> {
        let len = self.code.len();
        let last = len.checked_sub(1)?;
        if cond != Operand::Temp || self.last_result != Some(last) || self.label_at > last {
            return None;
        }
        let (dst, fused) = select_on(self.code[last])?;
        if dst != self.temp(cond_pos) {
            return None;
        }
        self.code.truncate(last);
        self.fused_away = Some((last, 1));
        self.last_result = None;
        Some(fused)
    }

    fn call(&mut self, func: u32, tail: bool) {
        let ty = self.env.func_type(func);
        let (params, results) = (ty.param_slots(), ty.result_slots());
        if params != ty.params().len() || results != ty.results().len() {
            self.saw_v128();
        }
        self.materialize_top(params);
        let first = self.height() - params;
        let args = self.temp(first);
        if tail {
            self.emit(Instr::ReturnCall { func, args });
            self.unreachable_after();
            return;
        }
        self.emit(Instr::Call { func, args });
        self.truncate(first);
        for _ in 0..results {
            self.push(Operand::Temp);
        }
    }

    fn call_indirect(&mut self, type_index: u32, table: u32, tail: bool) {
        if self.env.table64(table) {
            self.narrow_table_index();
        }
        let index = self.pop_reg();
        let func_ty = &self.env.types[type_index as usize];
        let (params, results) = (func_ty.param_slots(), func_ty.result_slots());
        if params != func_ty.params().len() || results != func_ty.results().len() {
            self.saw_v128();
        }
        let ty = self.env.type_ids[type_index as usize];
        self.materialize_top(params);
        let first = self.height() - params;
        let args = self.temp(first);
        let instr = if tail {
            Instr::ReturnCallIndirect { ty, args, index }
        } else {
            Instr::CallIndirect { ty, args, index }
        };
        self.emit(instr);
        self.emit(Instr::Data {
            a: table,
            b: 0,
            c: 0,
        });
        if tail {
            self.unreachable_after();
            return;
        }
        self.truncate(first);
        for _ in 0..results {
            self.push(Operand::Temp);
        }
    }

    /// `call_ref` and `return_call_ref`: the reference on top, the arguments below it. The
    /// reference's slot may lie in the callee's frame; the call reads it before entering.
    fn call_ref(&mut self, type_index: u32, tail: bool) {
        let func = self.pop_reg();
        let func_ty = &self.env.types[type_index as usize];
        let (params, results) = (func_ty.params().len(), func_ty.results().len());
        let ty = self.env.type_ids[type_index as usize];
        self.materialize_top(params);
        let first = self.height() - params;
        let args = self.temp(first);
        if tail {
            self.emit(Instr::ReturnCallRef { ty, args, func });
            self.unreachable_after();
            return;
        }
        self.emit(Instr::CallRef { ty, args, func });
        self.truncate(first);
        for _ in 0..results {
            self.push(Operand::Temp);
        }
    }

    // ----- numeric helpers ----------------------------------------------------------------------

    fn unary(&mut self, make: Un) {
        let (src, pos) = self.pop();
        let src = self.reg_of(src, pos);
        let dst = self.push_temp();
        self.emit_result(make(dst, src));
    }

    fn binary(&mut self, make: Bin) {
        let (rhs_op, rhs_pos) = self.pop();
        let rhs = self.reg_of(rhs_op, rhs_pos);
        let (lhs_op, pos) = self.pop();
        let lhs = self.reg_of(lhs_op, pos);
        let dst = self.push_temp();
        let instr = make(dst, lhs, rhs);
        let temps = (lhs_op == Operand::Temp, rhs_op == Operand::Temp);
        if self.fuse_not(instr, temps)
            || self.fuse_two_shifts(instr, temps)
            || self.fuse_pair(instr, temps)
        {
            return;
        }
        self.emit_result(instr);
    }

    /// An integer binary operator with an immediate form for a small constant operand.
    fn binary_int(&mut self, make: Bin, imm: Option<BinImm>, rule: ImmRule, wide: bool) {
        let Some(make_imm) = imm else {
            return self.binary(make);
        };
        let h = self.height();
        let (lhs, rhs) = (self.stack[h - 2], self.stack[h - 1]);
        let fits = |op: Operand| match op {
            Operand::Const(c) if !wide => Some(c as u32 as i32),
            Operand::Const(c) if (c as i64) == i64::from(c as i64 as i32) => Some(c as i64 as i32),
            _ => None,
        };
        let (reg_side, imm) = if let Some(imm) = fits(rhs) {
            (lhs, imm)
        } else if let (ImmRule::Commutes, Some(imm)) = (rule, fits(lhs)) {
            (rhs, imm)
        } else {
            return self.binary(make);
        };
        self.pop();
        self.pop();
        // Both operands are gone; the register side is read from where it lives.
        let pos = h - 2;
        let src = match reg_side {
            Operand::Local(l) => l,
            Operand::Temp if reg_side == lhs => self.temp(h - 2),
            Operand::Temp => self.temp(h - 1),
            Operand::Const(c) => {
                let dst = self.temp(pos);
                self.emit(super::const_instr(dst, c));
                dst
            }
        };
        let dst = self.push_temp();
        let instr = make_imm(dst, src, imm);
        if reg_side == Operand::Temp
            && (self.fuse_add_rotl(instr) || self.fuse_pair(instr, (true, false)))
        {
            return;
        }
        self.emit_result(instr);
    }

    /// `i64.add128` and `i64.sub128`: four i64 operands (`lhs_lo lhs_hi rhs_lo rhs_hi`), two
    /// results (`lo hi`) in the temporaries of the first two operands' positions.
    fn wide_pair(&mut self, make: Bin) {
        let rhs_hi = self.pop_reg();
        let rhs_lo = self.pop_reg();
        let lhs_hi = self.pop_reg();
        let lhs_lo = self.pop_reg();
        let lo = self.push_temp();
        let hi = self.push_temp();
        self.emit(make(lo, hi, lhs_lo));
        self.emit(Instr::Data {
            a: lhs_hi,
            b: rhs_lo,
            c: rhs_hi,
        });
    }

    /// `i64.mul_wide_s` and `i64.mul_wide_u`: two i64 operands, two results (`lo hi`).
    fn mul_wide(&mut self, make: Bin) {
        let rhs = self.pop_reg();
        let lhs = self.pop_reg();
        let lo = self.push_temp();
        let hi = self.push_temp();
        self.emit(make(lo, hi, lhs));
        self.emit(Instr::Data { a: rhs, b: 0, c: 0 });
    }

    /// Translates a numeric operator through the table below; false for other operators.
    fn numeric_op(&mut self, op: &Operator<'_>) -> bool {
        match self.mul_as_shift(op) {
            Some(shift) => numeric_table(self, &shift),
            None => numeric_table(self, op),
        }
    }

    /// An `i32.mul` or `i64.mul` by a constant power of two, `2^k` with `k >= 1`, as the
    /// shift left by `k` it equals at its width (both wrap): the constant on top of the
    /// operand stack becomes `k`. The address fusions then see the scaled index they fuse
    /// (`(i32.add $base (i32.mul $i (i32.const 4)))` is an indexed access, as with
    /// `i32.shl`), and a shift is cheaper than a multiplication. Gas is charged per Wasm
    /// operator, before this, so it does not change.
    fn mul_as_shift(&mut self, op: &Operator<'_>) -> Option<Operator<'static>> {
        let (shift, mask) = match op {
            Operator::I32Mul => (Operator::I32Shl, u64::from(u32::MAX)),
            Operator::I64Mul => (Operator::I64Shl, u64::MAX),
            _ => return None,
        };
        let top = self.stack.last_mut()?;
        let Operand::Const(c) = *top else {
            return None;
        };
        let c = c & mask;
        if c < 2 || !c.is_power_of_two() {
            return None;
        }
        *top = Operand::Const(u64::from(c.trailing_zeros()));
        Some(shift)
    }

    // ----- memory and tables --------------------------------------------------------------------

    /// A load: `make.0` for memory 0, `make.1` (with the memory in a data word) for others.
    fn load(&mut self, memarg: &MemArg, make: (MemOp, MemOp)) -> Result<(), Error> {
        let (mem, offset) = mem_offset(memarg)?;
        let (ptr, pos) = self.pop();
        if mem == 0 && offset == 0 {
            if let Some(fused) = self.fuse_address(ptr, pos, make.0(self.temp(pos), 0, 0)) {
                self.push_temp();
                self.emit_result(fused);
                return Ok(());
            }
        }
        if mem == 0 && self.load_through(ptr, pos, make.0(self.temp(pos), 0, offset)) {
            self.push_temp();
            return Ok(());
        }
        let ptr = self.reg_of(ptr, pos);
        let dst = self.push_temp();
        if mem == 0 {
            self.emit_result(make.0(dst, ptr, offset));
        } else {
            self.emit_with_data(make.1(dst, ptr, offset), mem, 0);
        }
        Ok(())
    }

    /// A store: as [`Self::load`] does, or in its immediate form (see
    /// [`Self::store_immediate`]).
    fn store(&mut self, memarg: &MemArg, forms: &StoreForms) -> Result<(), Error> {
        let (mem, offset) = mem_offset(memarg)?;
        let (val, val_pos) = self.pop();
        let (ptr, pos) = self.pop();
        if let Some(imm) = self.store_immediate(mem, offset, val, (ptr, pos), forms) {
            let ptr = self.reg_of(ptr, pos);
            self.emit((forms.imm)(ptr, offset, imm));
            return Ok(());
        }
        if mem == 0 && self.add_in_memory((val, val_pos), ptr, offset, (forms.plain)(0, 0, 0)) {
            return Ok(());
        }
        let val = self.reg_of(val, val_pos);
        if mem == 0 && offset == 0 {
            if let Some(fused) = self.fuse_address(ptr, pos, (forms.plain)(0, val, 0)) {
                self.emit(fused);
                return Ok(());
            }
        }
        let ptr = self.reg_of(ptr, pos);
        if mem == 0 {
            self.emit((forms.plain)(ptr, val, offset));
        } else {
            self.emit_with_data((forms.mem_n)(ptr, val, offset), mem, 0);
        }
        Ok(())
    }

    /// The immediate a store of `val` to memory `mem` at address `ptr` (popped from its
    /// stack position) plus `offset` is made with, if any: when `val` is a constant that
    /// fits it and that would otherwise be written to a slot by an instruction of its own
    /// (a hoisted constant costs nothing), and the address is not one
    /// [`Self::fuse_address`] may fuse (which saves as much or more).
    fn store_immediate(
        &self,
        mem: u32,
        offset: u32,
        val: Operand,
        (ptr, pos): (Operand, usize),
        forms: &StoreForms,
    ) -> Option<u32> {
        let Operand::Const(c) = val else { return None };
        let fusable = offset == 0 && self.may_fuse_address(ptr, pos);
        if mem != 0 || self.hoists(c) || fusable {
            return None;
        }
        forms.immediate(c)
    }

    /// Pops `N` operands and returns their slots in push order.
    fn pop_regs<const N: usize>(&mut self) -> [Reg; N] {
        let mut regs = [0; N];
        for reg in regs.iter_mut().rev() {
            *reg = self.pop_reg();
        }
        regs
    }

    fn emit_with_data(&mut self, instr: Instr, a: u32, b: u32) {
        self.emit(instr);
        self.emit(Instr::Data { a, b, c: 0 });
    }

    /// Translates a memory or table operator through the table below; false for other
    /// operators.
    fn memory_op(&mut self, op: &Operator<'_>) -> Result<bool, Error> {
        if self.memory64_op(op)? || self.table64_op(op) {
            return Ok(true);
        }
        memory_table(self, op)
    }
}

/// The numeric operators, as a table: each Wasm operator becomes the IR instruction of the
/// same name. Integer binary operators also have a form with a constant operand (`..Imm`),
/// used when the constant fits in 32 bits: on the right, or on either side if the operator
/// commutes.
macro_rules! numeric_ops {
    (
        int_binary { $($ib:ident, $ib_imm:ident: $width:ident $rule:ident;)* }
        binary { $($b:ident;)* }
        unary { $($u:ident;)* }
    ) => {
        fn numeric_table(t: &mut Translator<'_>, op: &Operator<'_>) -> bool {
            use Operator as O;
            // One call site per shape, so that each is inlined once.
            let (make, imm, rule, wide) = match op {
                $(O::$ib => (bin!($ib), imm!($ib_imm), imm_rule!($rule), wide!($width)),)*
                $(O::$b => (bin!($b), None, ImmRule::Right, false),)*
                _ => {
                    let make = match op {
                        $(O::$u => un!($u),)*
                        _ => return false,
                    };
                    t.unary(make);
                    return true;
                }
            };
            t.binary_int(make, imm, rule, wide);
            true
        }
    };
}

macro_rules! imm_rule {
    (commutes) => {
        ImmRule::Commutes
    };
    (right) => {
        ImmRule::Right
    };
}

macro_rules! wide {
    (i32) => {
        false
    };
    (i64) => {
        true
    };
}

numeric_ops! {
    int_binary {
        I32Add, I32AddImm: i32 commutes;
        I32Sub, I32SubImm: i32 right;
        I32Mul, I32MulImm: i32 commutes;
        I32DivS, I32DivSImm: i32 right;
        I32DivU, I32DivUImm: i32 right;
        I32RemS, I32RemSImm: i32 right;
        I32RemU, I32RemUImm: i32 right;
        I32And, I32AndImm: i32 commutes;
        I32Or, I32OrImm: i32 commutes;
        I32Xor, I32XorImm: i32 commutes;
        I32Shl, I32ShlImm: i32 right;
        I32ShrS, I32ShrSImm: i32 right;
        I32ShrU, I32ShrUImm: i32 right;
        I32Rotl, I32RotlImm: i32 right;
        I32Rotr, I32RotrImm: i32 right;
        I32Eq, I32EqImm: i32 commutes;
        I32Ne, I32NeImm: i32 commutes;
        I32LtS, I32LtSImm: i32 right;
        I32LtU, I32LtUImm: i32 right;
        I32GtS, I32GtSImm: i32 right;
        I32GtU, I32GtUImm: i32 right;
        I32LeS, I32LeSImm: i32 right;
        I32LeU, I32LeUImm: i32 right;
        I32GeS, I32GeSImm: i32 right;
        I32GeU, I32GeUImm: i32 right;
        I64Add, I64AddImm: i64 commutes;
        I64Sub, I64SubImm: i64 right;
        I64Mul, I64MulImm: i64 commutes;
        I64DivS, I64DivSImm: i64 right;
        I64DivU, I64DivUImm: i64 right;
        I64RemS, I64RemSImm: i64 right;
        I64RemU, I64RemUImm: i64 right;
        I64And, I64AndImm: i64 commutes;
        I64Or, I64OrImm: i64 commutes;
        I64Xor, I64XorImm: i64 commutes;
        I64Shl, I64ShlImm: i64 right;
        I64ShrS, I64ShrSImm: i64 right;
        I64ShrU, I64ShrUImm: i64 right;
        I64Rotl, I64RotlImm: i64 right;
        I64Rotr, I64RotrImm: i64 right;
        I64Eq, I64EqImm: i64 commutes;
        I64Ne, I64NeImm: i64 commutes;
        I64LtS, I64LtSImm: i64 right;
        I64LtU, I64LtUImm: i64 right;
        I64GtS, I64GtSImm: i64 right;
        I64GtU, I64GtUImm: i64 right;
        I64LeS, I64LeSImm: i64 right;
        I64LeU, I64LeUImm: i64 right;
        I64GeS, I64GeSImm: i64 right;
        I64GeU, I64GeUImm: i64 right;
    }
    binary {
        F32Add;
        F32Sub;
        F32Mul;
        F32Div;
        F32Min;
        F32Max;
        F32Copysign;
        F32Eq;
        F32Ne;
        F32Lt;
        F32Gt;
        F32Le;
        F32Ge;
        F64Add;
        F64Sub;
        F64Mul;
        F64Div;
        F64Min;
        F64Max;
        F64Copysign;
        F64Eq;
        F64Ne;
        F64Lt;
        F64Gt;
        F64Le;
        F64Ge;
    }
    unary {
        I32Eqz;
        I32Clz;
        I32Ctz;
        I32Popcnt;
        I32Extend8S;
        I32Extend16S;
        I64Eqz;
        I64Clz;
        I64Ctz;
        I64Popcnt;
        I64Extend8S;
        I64Extend16S;
        I64Extend32S;
        F32Abs;
        F32Neg;
        F32Ceil;
        F32Floor;
        F32Trunc;
        F32Nearest;
        F32Sqrt;
        F64Abs;
        F64Neg;
        F64Ceil;
        F64Floor;
        F64Trunc;
        F64Nearest;
        F64Sqrt;
        I32WrapI64;
        I64ExtendI32S;
        I64ExtendI32U;
        I32TruncF32S;
        I32TruncF32U;
        I32TruncF64S;
        I32TruncF64U;
        I64TruncF32S;
        I64TruncF32U;
        I64TruncF64S;
        I64TruncF64U;
        I32TruncSatF32S;
        I32TruncSatF32U;
        I32TruncSatF64S;
        I32TruncSatF64U;
        I64TruncSatF32S;
        I64TruncSatF32U;
        I64TruncSatF64S;
        I64TruncSatF64U;
        F32ConvertI32S;
        F32ConvertI32U;
        F32ConvertI64S;
        F32ConvertI64U;
        F64ConvertI32S;
        F64ConvertI32U;
        F64ConvertI64S;
        F64ConvertI64U;
        F32DemoteF64;
        F64PromoteF32;
    }
}

/// The memory and table operators, as a table.
///
/// `loads` and `stores`: each IR instruction, then its twin for memories other than memory 0
/// (the memory index in a data word), with the Wasm operators they translate (their width
/// in memory is the same; the value's type is the slot's business).
///
/// `access`: `Wasm { immediates } => Ir(operands) { immediate fields } -> result + Data(a, b)`,
/// where the operands are popped (named in push order), the immediate fields take the
/// operator's immediates, `-> dst` pushes the result, and `+ Data(..)` puts immediates in the
/// data word that follows.
macro_rules! memory_ops {
    (
        loads { $($load:ident / $load_n:ident: $($load_op:ident)|*;)* }
        stores { $($store:ident / $store_n:ident / $store_imm:ident $wide:literal:
            $($store_op:ident)|*;)* }
        access { $(
            $op:ident { $($imm:ident),* } => $ir:ident ($($pop:ident),*)
                $({ $($field:ident: $value:ident),* })?
                $(-> $dst:ident)?
                $(+ Data($($data:ident),*))?;
        )* }
    ) => {
        fn memory_table(t: &mut Translator<'_>, op: &Operator<'_>) -> Result<bool, Error> {
            use Operator as O;
            match op {
                $($(O::$load_op { memarg })|* => t.load(
                    memarg,
                    (
                        |dst, ptr, offset| Instr::$load { dst, ptr, offset },
                        |dst, ptr, offset| Instr::$load_n { dst, ptr, offset },
                    ),
                )?,)*
                $($(O::$store_op { memarg })|* => t.store(
                    memarg,
                    &StoreForms {
                        plain: |ptr, val, offset| Instr::$store { ptr, val, offset },
                        mem_n: |ptr, val, offset| Instr::$store_n { ptr, val, offset },
                        imm: |ptr, offset, val| Instr::$store_imm { ptr, offset, val },
                        wide: $wide,
                    },
                )?,)*
                $(O::$op { $($imm),* } => {
                    let [$($pop),*] = t.pop_regs();
                    $(let $dst = t.push_temp();)?
                    let instr = Instr::$ir { $($pop,)* $($dst,)? $($($field: *$value),*)? };
                    emit_access!(t, instr, [$($dst)?], [$($($data),*)?]);
                })*
                _ => return Ok(false),
            }
            Ok(true)
        }
    };
}

/// Emits an instruction of the `access` rows: with its data word, or as a result
/// `local.set` may redirect, or plainly.
macro_rules! emit_access {
    ($t:ident, $instr:ident, [$($dst:ident)?], [$a:ident]) => {
        $t.emit_with_data($instr, *$a, 0)
    };
    ($t:ident, $instr:ident, [$($dst:ident)?], [$a:ident, $b:ident]) => {
        $t.emit_with_data($instr, *$a, *$b)
    };
    ($t:ident, $instr:ident, [$dst:ident], []) => {
        $t.emit_result($instr)
    };
    ($t:ident, $instr:ident, [], []) => {
        $t.emit($instr)
    };
}

memory_ops! {
    loads {
        Load8S / Load8SMemN: I32Load8S | I64Load8S;
        Load8U / Load8UMemN: I32Load8U | I64Load8U;
        Load16S / Load16SMemN: I32Load16S | I64Load16S;
        Load16U / Load16UMemN: I32Load16U | I64Load16U;
        Load32S / Load32SMemN: I64Load32S;
        Load32U / Load32UMemN: I32Load | F32Load | I64Load32U;
        Load64 / Load64MemN: I64Load | F64Load;
    }
    stores {
        Store8 / Store8MemN / Store8Imm false: I32Store8 | I64Store8;
        Store16 / Store16MemN / Store16Imm false: I32Store16 | I64Store16;
        Store32 / Store32MemN / Store32Imm false: I32Store | F32Store | I64Store32;
        Store64 / Store64MemN / Store64Imm true: I64Store | F64Store;
    }
    access {
        MemorySize { mem } => MemorySize() { mem: mem } -> dst;
        MemoryGrow { mem } => MemoryGrow(delta) { mem: mem } -> dst;
        MemoryFill { mem } => MemoryFill(dst, val, len) + Data(mem);
        MemoryCopy { dst_mem, src_mem } => MemoryCopy(dst, src, len) + Data(dst_mem, src_mem);
        MemoryInit { data_index, mem } => MemoryInit(dst, src, len) + Data(data_index, mem);
        DataDrop { data_index } => DataDrop() { segment: data_index };
        TableGet { table } => TableGet(index) { table: table } -> dst;
        TableSet { table } => TableSet(index, val) { table: table };
        TableSize { table } => TableSize() { table: table } -> dst;
        TableGrow { table } => TableGrow(init, delta) -> dst + Data(table);
        TableFill { table } => TableFill(dst, val, len) + Data(table);
        TableCopy { dst_table, src_table } => TableCopy(dst, src, len) + Data(dst_table, src_table);
        TableInit { elem_index, table } => TableInit(dst, src, len) + Data(elem_index, table);
        ElemDrop { elem_index } => ElemDrop() { segment: elem_index };
    }
}

/// The memory index and static offset of a load or store.
pub(super) fn mem_offset(memarg: &MemArg) -> Result<(u32, u32), Error> {
    let wasmparser::MemArgTarget::Memory(mem) = memarg.target else {
        return Err(ModuleError::new("array accesses are not supported by Wasp", None).into());
    };
    // Validation bounds offsets of 32-bit memories by u32::MAX.
    let offset = u32::try_from(memarg.offset)
        .map_err(|_| ModuleError::new("memory offset exceeds 32 bits", None))?;
    Ok((mem, offset))
}

fn unsupported(op: &Operator<'_>) -> Error {
    ModuleError::new(format!("operator not supported by Wasp: {op:?}"), None).into()
}

#[cfg(test)]
mod tests {
    use crate::engine::ir::Instr;

    fn code(body: &str, gas: bool) -> Vec<Instr> {
        // Two memories, for the stores to memory 1.
        let wat = format!(
            r#"(module (memory 1) (memory 1) (func (param $p i32) (param $q i32) {body}))"#
        );
        crate::engine::translator::test_code(&wat, gas)
    }

    fn has_const(code: &[Instr]) -> bool {
        code.iter().any(|i| {
            matches!(
                i,
                Instr::Const32 { .. } | Instr::Const64 { .. } | Instr::Const32Pair { .. }
            )
        })
    }

    #[test]
    fn a_constant_stored_outside_loops_is_the_stores_immediate() {
        for gas in [false, true] {
            for (body, want) in [
                (
                    "(i32.store offset=8 (local.get $p) (i32.const 7))",
                    Instr::Store32Imm {
                        ptr: 0,
                        offset: 8,
                        val: 7,
                    },
                ),
                (
                    "(i32.store8 (local.get $q) (i32.const 0x1ff))",
                    Instr::Store8Imm {
                        ptr: 1,
                        offset: 0,
                        val: 0x1ff,
                    },
                ),
                (
                    "(i64.store16 offset=2 (local.get $p) (i64.const 0x1_0000_0005))",
                    Instr::Store16Imm {
                        ptr: 0,
                        offset: 2,
                        val: 5,
                    },
                ),
                (
                    "(i64.store (local.get $p) (i64.const -5))",
                    Instr::Store64Imm {
                        ptr: 0,
                        offset: 0,
                        val: -5i32 as u32,
                    },
                ),
                (
                    "(f32.store (local.get $p) (f32.const -1.5))",
                    Instr::Store32Imm {
                        ptr: 0,
                        offset: 0,
                        val: (-1.5f32).to_bits(),
                    },
                ),
            ] {
                let code = code(body, gas);
                assert!(code.contains(&want), "{body}: {code:?}");
                assert!(!has_const(&code), "{body}: {code:?}");
            }
        }
    }

    #[test]
    fn an_address_computed_right_before_is_read_from_the_result_register() {
        let code = code(
            "(i32.store (i32.mul (local.get $p) (local.get $q)) (i32.const 7))",
            false,
        );
        assert!(
            code.iter().any(|i| matches!(
                i,
                Instr::Store32ImmAcc {
                    offset: 0,
                    val: 7,
                    ..
                }
            )),
            "{code:?}"
        );
    }

    fn selects(code: &[Instr]) -> (usize, usize) {
        let plain = code
            .iter()
            .filter(|i| matches!(i, Instr::Select { .. }))
            .count();
        let fused = code
            .iter()
            .filter(|i| {
                matches!(
                    i,
                    Instr::SelectI32LtS { .. }
                        | Instr::SelectI32GeUImm { .. }
                        | Instr::SelectI32EqImm { .. }
                        | Instr::SelectI32AndNezImm { .. }
                )
            })
            .count();
        (plain, fused)
    }

    #[test]
    fn a_select_on_a_comparison_right_before_is_one_instruction() {
        for gas in [false, true] {
            for (body, want) in [
                (
                    "(drop (select (local.get $p) (local.get $q) (i32.lt_s (local.get $p) (local.get $q))))",
                    Instr::Data { a: 0, b: 1, c: 0 },
                ),
                (
                    "(drop (select (local.get $p) (local.get $q) (i32.ge_u (local.get $q) (i32.const 9))))",
                    Instr::Data { a: 1, b: 9, c: 0 },
                ),
                (
                    "(drop (select (local.get $p) (local.get $q) (i32.eqz (local.get $q))))",
                    Instr::Data { a: 1, b: 0, c: 0 },
                ),
                (
                    "(drop (select (i32.const 3) (i32.const 4) (i32.and (local.get $p) (i32.const 1))))",
                    Instr::Data { a: 0, b: 1, c: 0 },
                ),
            ] {
                let code = code(body, gas);
                assert_eq!(selects(&code), (0, 1), "{body}: {code:?}");
                assert!(code.contains(&want), "{body}: {code:?}");
            }
        }
    }

    #[test]
    fn a_select_on_a_local_or_past_a_label_tests_its_slot() {
        for body in [
            // The condition is a local.
            "(drop (select (local.get $p) (local.get $q) (local.tee $p (i32.lt_s (local.get $p) (local.get $q)))))",
            // A branch carries another condition to the block's end, after the comparison.
            "(drop (select (local.get $p) (local.get $q)
               (block (result i32) (drop (br_if 0 (i32.const 1) (local.get $q)))
                 (i32.lt_s (local.get $p) (local.get $q)))))",
            // An i64 comparison.
            "(drop (select (local.get $p) (local.get $q)
               (i64.lt_s (i64.extend_i32_s (local.get $p)) (i64.const 5))))",
        ] {
            let code = code(body, false);
            assert_eq!(selects(&code), (1, 0), "{body}: {code:?}");
        }
    }

    #[test]
    fn a_constant_that_does_not_fit_or_is_hoisted_is_stored_from_a_slot() {
        for body in [
            // Not a sign-extended 32-bit value.
            "(i64.store (local.get $p) (i64.const 0x1_0000_0001))",
            // Inside a loop, the constant's slot is written once, on entry.
            "(loop (i32.store (local.get $p) (i32.const 7)) (br_if 0 (local.get $q)))",
            // Zero is read from the zero slot.
            "(i32.store (local.get $p) (i32.const 0))",
            // Another memory has no immediate form.
            "(i32.store 1 (local.get $p) (i32.const 7))",
        ] {
            let code = code(body, false);
            let imm = code.iter().any(|i| {
                matches!(
                    i,
                    Instr::Store8Imm { .. }
                        | Instr::Store16Imm { .. }
                        | Instr::Store32Imm { .. }
                        | Instr::Store64Imm { .. }
                )
            });
            assert!(!imm, "{body}: {code:?}");
        }
    }
}
