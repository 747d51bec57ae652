//! Constant expressions: global initialisers and segment offsets, evaluated at instantiation.

use wasmparser::Operator;

use crate::error::ModuleError;

/// One operation of a constant expression (Wasm 2.0 plus the extended-const proposal).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum ConstOp {
    /// Push a slot value (numbers, or a null reference as 0).
    Value(u64),
    /// Push a `v128` constant.
    V128(u128),
    /// Push the value of global `n` (module index space).
    GlobalGet(u32),
    /// Push a reference to function `n` (module index space).
    RefFunc(u32),
    I32Add,
    I32Sub,
    I32Mul,
    I64Add,
    I64Sub,
    I64Mul,
}

/// A validated constant expression.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ConstExpr {
    ops: Vec<ConstOp>,
}

impl ConstExpr {
    /// A constant expression holding one value.
    pub(crate) fn value(slot: u64) -> ConstExpr {
        ConstExpr {
            ops: vec![ConstOp::Value(slot)],
        }
    }

    /// A constant expression referring to function `index`.
    pub(crate) fn func(index: u32) -> ConstExpr {
        ConstExpr {
            ops: vec![ConstOp::RefFunc(index)],
        }
    }

    /// Reads a constant expression that the validator has accepted.
    pub(crate) fn parse(expr: &wasmparser::ConstExpr<'_>) -> Result<ConstExpr, ModuleError> {
        let mut ops = Vec::new();
        let mut reader = expr.get_operators_reader();
        while !reader.eof() {
            let (op, offset) = reader.read_with_offset()?;
            let op = match op {
                Operator::I32Const { value } => ConstOp::Value(u64::from(value as u32)),
                Operator::I64Const { value } => ConstOp::Value(value as u64),
                Operator::F32Const { value } => ConstOp::Value(u64::from(value.bits())),
                Operator::F64Const { value } => ConstOp::Value(value.bits()),
                Operator::V128Const { value } => ConstOp::V128(value.i128() as u128),
                Operator::RefNull { .. } => ConstOp::Value(0),
                Operator::RefFunc { function_index } => ConstOp::RefFunc(function_index),
                Operator::GlobalGet { global_index } => ConstOp::GlobalGet(global_index),
                Operator::I32Add => ConstOp::I32Add,
                Operator::I32Sub => ConstOp::I32Sub,
                Operator::I32Mul => ConstOp::I32Mul,
                Operator::I64Add => ConstOp::I64Add,
                Operator::I64Sub => ConstOp::I64Sub,
                Operator::I64Mul => ConstOp::I64Mul,
                Operator::End => continue,
                other => {
                    return Err(ModuleError::new(
                        format!("unsupported operator in constant expression: {other:?}"),
                        Some(offset as usize),
                    ))
                }
            };
            ops.push(op);
        }
        Ok(ConstExpr { ops })
    }

    /// Evaluates the expression; `global` and `func_ref` resolve module indices to slots.
    /// The result is the value's slot, or both slots of a `v128` (high half in the high
    /// bits); `global` answers likewise.
    pub(crate) fn eval(&self, global: impl Fn(u32) -> u128, func_ref: impl Fn(u32) -> u64) -> u128 {
        let mut stack: Vec<u128> = Vec::with_capacity(4);
        for op in &self.ops {
            let value = match *op {
                ConstOp::Value(v) => u128::from(v),
                ConstOp::V128(v) => v,
                ConstOp::GlobalGet(g) => global(g),
                ConstOp::RefFunc(f) => u128::from(func_ref(f)),
                binary => {
                    // Validation guarantees two operands of the right type.
                    let b = stack.pop().unwrap_or(0) as u64;
                    let a = stack.pop().unwrap_or(0) as u64;
                    u128::from(eval_binary(binary, a, b))
                }
            };
            stack.push(value);
        }
        stack.pop().unwrap_or(0)
    }
}

fn eval_binary(op: ConstOp, a: u64, b: u64) -> u64 {
    let (a32, b32) = (a as u32, b as u32);
    match op {
        ConstOp::I32Add => u64::from(a32.wrapping_add(b32)),
        ConstOp::I32Sub => u64::from(a32.wrapping_sub(b32)),
        ConstOp::I32Mul => u64::from(a32.wrapping_mul(b32)),
        ConstOp::I64Add => a.wrapping_add(b),
        ConstOp::I64Sub => a.wrapping_sub(b),
        ConstOp::I64Mul => a.wrapping_mul(b),
        ConstOp::Value(_) | ConstOp::V128(_) | ConstOp::GlobalGet(_) | ConstOp::RefFunc(_) => b,
    }
}
