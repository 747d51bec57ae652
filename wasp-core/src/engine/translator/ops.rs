//! Translation of each Wasm operator.

use wasmparser::{MemArg, Operator};

use super::control::ControlKind;
use super::{Operand, Translator};
use crate::engine::ir::{Instr, Reg};
use crate::error::{Error, ModuleError};

type Bin = fn(Reg, Reg, Reg) -> Instr;
type BinImm = fn(Reg, Reg, i32) -> Instr;
type Un = fn(Reg, Reg) -> Instr;

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
            O::Drop => {
                self.pop();
            }
            O::Select | O::TypedSelect { .. } => self.select(),
            O::LocalGet { local_index } => self.push(Operand::Local(local_index)),
            O::LocalSet { local_index } => self.local_set(local_index, false),
            O::LocalTee { local_index } => self.local_set(local_index, true),
            O::GlobalGet { global_index } => {
                let dst = self.push_temp();
                self.emit_result(Instr::GlobalGet {
                    dst,
                    global: global_index,
                });
            }
            O::GlobalSet { global_index } => {
                let src = self.pop_reg();
                self.emit(Instr::GlobalSet {
                    src,
                    global: global_index,
                });
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
            op => {
                if !self.memory_op(&op)? && !self.numeric_op(&op) {
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

    fn local_set(&mut self, local: u32, tee: bool) {
        let (value, pos) = self.pop();
        self.preserve_local(local);
        match value {
            Operand::Temp => {
                let temp = self.temp(pos);
                let redirected = match self.last_result {
                    Some(at) => match self.code[at].result_mut() {
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

    fn select(&mut self) {
        let cond = self.pop_reg();
        let b = self.pop_reg();
        let (a, pos) = self.pop();
        let a = self.reg_of(a, pos);
        let dst = self.push_temp();
        debug_assert_eq!(dst, self.temp(pos));
        self.emit(Instr::Select { dst, a, b });
        self.emit(Instr::Data {
            a: cond,
            b: 0,
            c: 0,
        });
    }

    fn call(&mut self, func: u32, tail: bool) {
        let ty = self.env.func_type(func);
        let (params, results) = (ty.params().len(), ty.results().len());
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
        let index = self.pop_reg();
        let func_ty = &self.env.types[type_index as usize];
        let (params, results) = (func_ty.params().len(), func_ty.results().len());
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

    // ----- numeric helpers ----------------------------------------------------------------------

    fn unary(&mut self, make: Un) {
        let (src, pos) = self.pop();
        let src = self.reg_of(src, pos);
        let dst = self.push_temp();
        self.emit_result(make(dst, src));
    }

    fn binary(&mut self, make: Bin) {
        let rhs = self.pop_reg();
        let (lhs, pos) = self.pop();
        let lhs = self.reg_of(lhs, pos);
        let dst = self.push_temp();
        self.emit_result(make(dst, lhs, rhs));
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
        self.emit_result(make_imm(dst, src, imm));
    }

    fn numeric_op(&mut self, op: &Operator<'_>) -> bool {
        self.int_op(op) || self.float_op(op) || self.conversion_op(op)
    }

    fn int_op(&mut self, op: &Operator<'_>) -> bool {
        use ImmRule::{Commutes as C, Right as R};
        use Operator as O;
        let (make, imm, rule, wide) = match op {
            O::I32Add => (bin!(I32Add), imm!(I32AddImm), C, false),
            O::I32Sub => (bin!(I32Sub), imm!(I32SubImm), R, false),
            O::I32Mul => (bin!(I32Mul), imm!(I32MulImm), C, false),
            O::I32DivS => (bin!(I32DivS), imm!(I32DivSImm), R, false),
            O::I32DivU => (bin!(I32DivU), imm!(I32DivUImm), R, false),
            O::I32RemS => (bin!(I32RemS), imm!(I32RemSImm), R, false),
            O::I32RemU => (bin!(I32RemU), imm!(I32RemUImm), R, false),
            O::I32And => (bin!(I32And), imm!(I32AndImm), C, false),
            O::I32Or => (bin!(I32Or), imm!(I32OrImm), C, false),
            O::I32Xor => (bin!(I32Xor), imm!(I32XorImm), C, false),
            O::I32Shl => (bin!(I32Shl), imm!(I32ShlImm), R, false),
            O::I32ShrS => (bin!(I32ShrS), imm!(I32ShrSImm), R, false),
            O::I32ShrU => (bin!(I32ShrU), imm!(I32ShrUImm), R, false),
            O::I32Rotl => (bin!(I32Rotl), imm!(I32RotlImm), R, false),
            O::I32Rotr => (bin!(I32Rotr), imm!(I32RotrImm), R, false),
            O::I32Eq => (bin!(I32Eq), imm!(I32EqImm), C, false),
            O::I32Ne => (bin!(I32Ne), imm!(I32NeImm), C, false),
            O::I32LtS => (bin!(I32LtS), imm!(I32LtSImm), R, false),
            O::I32LtU => (bin!(I32LtU), imm!(I32LtUImm), R, false),
            O::I32GtS => (bin!(I32GtS), imm!(I32GtSImm), R, false),
            O::I32GtU => (bin!(I32GtU), imm!(I32GtUImm), R, false),
            O::I32LeS => (bin!(I32LeS), imm!(I32LeSImm), R, false),
            O::I32LeU => (bin!(I32LeU), imm!(I32LeUImm), R, false),
            O::I32GeS => (bin!(I32GeS), imm!(I32GeSImm), R, false),
            O::I32GeU => (bin!(I32GeU), imm!(I32GeUImm), R, false),
            O::I64Add => (bin!(I64Add), imm!(I64AddImm), C, true),
            O::I64Sub => (bin!(I64Sub), imm!(I64SubImm), R, true),
            O::I64Mul => (bin!(I64Mul), imm!(I64MulImm), C, true),
            O::I64DivS => (bin!(I64DivS), imm!(I64DivSImm), R, true),
            O::I64DivU => (bin!(I64DivU), imm!(I64DivUImm), R, true),
            O::I64RemS => (bin!(I64RemS), imm!(I64RemSImm), R, true),
            O::I64RemU => (bin!(I64RemU), imm!(I64RemUImm), R, true),
            O::I64And => (bin!(I64And), imm!(I64AndImm), C, true),
            O::I64Or => (bin!(I64Or), imm!(I64OrImm), C, true),
            O::I64Xor => (bin!(I64Xor), imm!(I64XorImm), C, true),
            O::I64Shl => (bin!(I64Shl), imm!(I64ShlImm), R, true),
            O::I64ShrS => (bin!(I64ShrS), imm!(I64ShrSImm), R, true),
            O::I64ShrU => (bin!(I64ShrU), imm!(I64ShrUImm), R, true),
            O::I64Rotl => (bin!(I64Rotl), imm!(I64RotlImm), R, true),
            O::I64Rotr => (bin!(I64Rotr), imm!(I64RotrImm), R, true),
            O::I64Eq => (bin!(I64Eq), imm!(I64EqImm), C, true),
            O::I64Ne => (bin!(I64Ne), imm!(I64NeImm), C, true),
            O::I64LtS => (bin!(I64LtS), imm!(I64LtSImm), R, true),
            O::I64LtU => (bin!(I64LtU), imm!(I64LtUImm), R, true),
            O::I64GtS => (bin!(I64GtS), imm!(I64GtSImm), R, true),
            O::I64GtU => (bin!(I64GtU), imm!(I64GtUImm), R, true),
            O::I64LeS => (bin!(I64LeS), imm!(I64LeSImm), R, true),
            O::I64LeU => (bin!(I64LeU), imm!(I64LeUImm), R, true),
            O::I64GeS => (bin!(I64GeS), imm!(I64GeSImm), R, true),
            O::I64GeU => (bin!(I64GeU), imm!(I64GeUImm), R, true),
            _ => return self.int_unary_op(op),
        };
        self.binary_int(make, imm, rule, wide);
        true
    }

    fn int_unary_op(&mut self, op: &Operator<'_>) -> bool {
        use Operator as O;
        let make = match op {
            O::I32Eqz => un!(I32Eqz),
            O::I32Clz => un!(I32Clz),
            O::I32Ctz => un!(I32Ctz),
            O::I32Popcnt => un!(I32Popcnt),
            O::I32Extend8S => un!(I32Extend8S),
            O::I32Extend16S => un!(I32Extend16S),
            O::I64Eqz => un!(I64Eqz),
            O::I64Clz => un!(I64Clz),
            O::I64Ctz => un!(I64Ctz),
            O::I64Popcnt => un!(I64Popcnt),
            O::I64Extend8S => un!(I64Extend8S),
            O::I64Extend16S => un!(I64Extend16S),
            O::I64Extend32S => un!(I64Extend32S),
            _ => return false,
        };
        self.unary(make);
        true
    }

    fn float_op(&mut self, op: &Operator<'_>) -> bool {
        use Operator as O;
        let make = match op {
            O::F32Add => bin!(F32Add),
            O::F32Sub => bin!(F32Sub),
            O::F32Mul => bin!(F32Mul),
            O::F32Div => bin!(F32Div),
            O::F32Min => bin!(F32Min),
            O::F32Max => bin!(F32Max),
            O::F32Copysign => bin!(F32Copysign),
            O::F32Eq => bin!(F32Eq),
            O::F32Ne => bin!(F32Ne),
            O::F32Lt => bin!(F32Lt),
            O::F32Gt => bin!(F32Gt),
            O::F32Le => bin!(F32Le),
            O::F32Ge => bin!(F32Ge),
            O::F64Add => bin!(F64Add),
            O::F64Sub => bin!(F64Sub),
            O::F64Mul => bin!(F64Mul),
            O::F64Div => bin!(F64Div),
            O::F64Min => bin!(F64Min),
            O::F64Max => bin!(F64Max),
            O::F64Copysign => bin!(F64Copysign),
            O::F64Eq => bin!(F64Eq),
            O::F64Ne => bin!(F64Ne),
            O::F64Lt => bin!(F64Lt),
            O::F64Gt => bin!(F64Gt),
            O::F64Le => bin!(F64Le),
            O::F64Ge => bin!(F64Ge),
            _ => return self.float_unary_op(op),
        };
        self.binary(make);
        true
    }

    fn float_unary_op(&mut self, op: &Operator<'_>) -> bool {
        use Operator as O;
        let make = match op {
            O::F32Abs => un!(F32Abs),
            O::F32Neg => un!(F32Neg),
            O::F32Ceil => un!(F32Ceil),
            O::F32Floor => un!(F32Floor),
            O::F32Trunc => un!(F32Trunc),
            O::F32Nearest => un!(F32Nearest),
            O::F32Sqrt => un!(F32Sqrt),
            O::F64Abs => un!(F64Abs),
            O::F64Neg => un!(F64Neg),
            O::F64Ceil => un!(F64Ceil),
            O::F64Floor => un!(F64Floor),
            O::F64Trunc => un!(F64Trunc),
            O::F64Nearest => un!(F64Nearest),
            O::F64Sqrt => un!(F64Sqrt),
            _ => return false,
        };
        self.unary(make);
        true
    }

    fn conversion_op(&mut self, op: &Operator<'_>) -> bool {
        use Operator as O;
        let make = match op {
            O::I32WrapI64 => un!(I32WrapI64),
            O::I64ExtendI32S => un!(I64ExtendI32S),
            O::I64ExtendI32U => un!(I64ExtendI32U),
            O::I32TruncF32S => un!(I32TruncF32S),
            O::I32TruncF32U => un!(I32TruncF32U),
            O::I32TruncF64S => un!(I32TruncF64S),
            O::I32TruncF64U => un!(I32TruncF64U),
            O::I64TruncF32S => un!(I64TruncF32S),
            O::I64TruncF32U => un!(I64TruncF32U),
            O::I64TruncF64S => un!(I64TruncF64S),
            O::I64TruncF64U => un!(I64TruncF64U),
            O::I32TruncSatF32S => un!(I32TruncSatF32S),
            O::I32TruncSatF32U => un!(I32TruncSatF32U),
            O::I32TruncSatF64S => un!(I32TruncSatF64S),
            O::I32TruncSatF64U => un!(I32TruncSatF64U),
            O::I64TruncSatF32S => un!(I64TruncSatF32S),
            O::I64TruncSatF32U => un!(I64TruncSatF32U),
            O::I64TruncSatF64S => un!(I64TruncSatF64S),
            O::I64TruncSatF64U => un!(I64TruncSatF64U),
            O::F32ConvertI32S => un!(F32ConvertI32S),
            O::F32ConvertI32U => un!(F32ConvertI32U),
            O::F32ConvertI64S => un!(F32ConvertI64S),
            O::F32ConvertI64U => un!(F32ConvertI64U),
            O::F64ConvertI32S => un!(F64ConvertI32S),
            O::F64ConvertI32U => un!(F64ConvertI32U),
            O::F64ConvertI64S => un!(F64ConvertI64S),
            O::F64ConvertI64U => un!(F64ConvertI64U),
            O::F32DemoteF64 => un!(F32DemoteF64),
            O::F64PromoteF32 => un!(F64PromoteF32),
            _ => return false,
        };
        self.unary(make);
        true
    }

    // ----- memory and tables --------------------------------------------------------------------

    fn load(&mut self, memarg: &MemArg, make: fn(Reg, Reg, u32) -> Instr) -> Result<(), Error> {
        let offset = mem_offset(memarg)?;
        let ptr = self.pop_reg();
        let dst = self.push_temp();
        self.emit_result(make(dst, ptr, offset));
        Ok(())
    }

    fn store(&mut self, memarg: &MemArg, make: fn(Reg, Reg, u32) -> Instr) -> Result<(), Error> {
        let offset = mem_offset(memarg)?;
        let val = self.pop_reg();
        let ptr = self.pop_reg();
        self.emit(make(ptr, val, offset));
        Ok(())
    }

    /// Pops three operands (`a b c` in push order) and returns their slots.
    fn pop3(&mut self) -> (Reg, Reg, Reg) {
        let c = self.pop_reg();
        let b = self.pop_reg();
        let a = self.pop_reg();
        (a, b, c)
    }

    fn emit_with_data(&mut self, instr: Instr, a: u32, b: u32) {
        self.emit(instr);
        self.emit(Instr::Data { a, b, c: 0 });
    }

    fn memory_op(&mut self, op: &Operator<'_>) -> Result<bool, Error> {
        use Operator as O;
        macro_rules! ld {
            ($v:ident) => {
                |dst, ptr, offset| Instr::$v { dst, ptr, offset }
            };
        }
        macro_rules! st {
            ($v:ident) => {
                |ptr, val, offset| Instr::$v { ptr, val, offset }
            };
        }
        match op {
            O::I32Load { memarg } | O::F32Load { memarg } | O::I64Load32U { memarg } => {
                self.load(memarg, ld!(Load32U))?
            }
            O::I64Load { memarg } | O::F64Load { memarg } => self.load(memarg, ld!(Load64))?,
            O::I32Load8S { memarg } | O::I64Load8S { memarg } => self.load(memarg, ld!(Load8S))?,
            O::I32Load8U { memarg } | O::I64Load8U { memarg } => self.load(memarg, ld!(Load8U))?,
            O::I32Load16S { memarg } | O::I64Load16S { memarg } => {
                self.load(memarg, ld!(Load16S))?
            }
            O::I32Load16U { memarg } | O::I64Load16U { memarg } => {
                self.load(memarg, ld!(Load16U))?
            }
            O::I64Load32S { memarg } => self.load(memarg, ld!(Load32S))?,
            O::I32Store { memarg } | O::F32Store { memarg } | O::I64Store32 { memarg } => {
                self.store(memarg, st!(Store32))?
            }
            O::I64Store { memarg } | O::F64Store { memarg } => self.store(memarg, st!(Store64))?,
            O::I32Store8 { memarg } | O::I64Store8 { memarg } => self.store(memarg, st!(Store8))?,
            O::I32Store16 { memarg } | O::I64Store16 { memarg } => {
                self.store(memarg, st!(Store16))?
            }
            O::MemorySize { mem } => {
                let dst = self.push_temp();
                self.emit_result(Instr::MemorySize { dst, mem: *mem });
            }
            O::MemoryGrow { mem } => {
                let delta = self.pop_reg();
                let dst = self.push_temp();
                self.emit_result(Instr::MemoryGrow {
                    dst,
                    delta,
                    mem: *mem,
                });
            }
            O::MemoryFill { mem } => {
                let (dst, val, len) = self.pop3();
                self.emit_with_data(Instr::MemoryFill { dst, val, len }, *mem, 0);
            }
            O::MemoryCopy { dst_mem, src_mem } => {
                let (dst, src, len) = self.pop3();
                self.emit_with_data(Instr::MemoryCopy { dst, src, len }, *dst_mem, *src_mem);
            }
            O::MemoryInit { data_index, mem } => {
                let (dst, src, len) = self.pop3();
                self.emit_with_data(Instr::MemoryInit { dst, src, len }, *data_index, *mem);
            }
            O::DataDrop { data_index } => {
                self.emit(Instr::DataDrop {
                    segment: *data_index,
                });
            }
            _ => return self.table_op(op),
        }
        Ok(true)
    }

    fn table_op(&mut self, op: &Operator<'_>) -> Result<bool, Error> {
        use Operator as O;
        match op {
            O::TableGet { table } => {
                let index = self.pop_reg();
                let dst = self.push_temp();
                self.emit_result(Instr::TableGet {
                    dst,
                    index,
                    table: *table,
                });
            }
            O::TableSet { table } => {
                let val = self.pop_reg();
                let index = self.pop_reg();
                self.emit(Instr::TableSet {
                    index,
                    val,
                    table: *table,
                });
            }
            O::TableSize { table } => {
                let dst = self.push_temp();
                self.emit_result(Instr::TableSize { dst, table: *table });
            }
            O::TableGrow { table } => {
                let delta = self.pop_reg();
                let init = self.pop_reg();
                let dst = self.push_temp();
                self.emit_with_data(Instr::TableGrow { dst, init, delta }, *table, 0);
            }
            O::TableFill { table } => {
                let (dst, val, len) = self.pop3();
                self.emit_with_data(Instr::TableFill { dst, val, len }, *table, 0);
            }
            O::TableCopy {
                dst_table,
                src_table,
            } => {
                let (dst, src, len) = self.pop3();
                self.emit_with_data(Instr::TableCopy { dst, src, len }, *dst_table, *src_table);
            }
            O::TableInit { elem_index, table } => {
                let (dst, src, len) = self.pop3();
                self.emit_with_data(Instr::TableInit { dst, src, len }, *elem_index, *table);
            }
            O::ElemDrop { elem_index } => {
                self.emit(Instr::ElemDrop {
                    segment: *elem_index,
                });
            }
            _ => return Ok(false),
        }
        Ok(true)
    }
}

fn mem_offset(memarg: &MemArg) -> Result<u32, Error> {
    if memarg.target != wasmparser::MemArgTarget::Memory(0) {
        return Err(ModuleError::new("multiple memories are not supported by Wasp", None).into());
    }
    // Validation bounds offsets of 32-bit memories by u32::MAX.
    u32::try_from(memarg.offset)
        .map_err(|_| ModuleError::new("memory offset exceeds 32 bits", None).into())
}

fn unsupported(op: &Operator<'_>) -> Error {
    ModuleError::new(format!("operator not supported by Wasp: {op:?}"), None).into()
}
