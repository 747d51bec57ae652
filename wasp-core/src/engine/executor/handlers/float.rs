//! Handlers of float arithmetic and comparisons, one line per operator.

use super::*;
use crate::engine::numeric as num;

binary! {
    F32Add(f32) = |a, b| a + b;
    F32Sub(f32) = |a, b| a - b;
    F32Mul(f32) = |a, b| a * b;
    F32Div(f32) = |a, b| a / b;
    F32Min(f32) = num::f32_min;
    F32Max(f32) = num::f32_max;
    F32Copysign(f32) = f32::copysign;
    F32Eq(f32) = |a, b| a == b;
    F32Ne(f32) = |a, b| a != b;
    F32Lt(f32) = |a, b| a < b;
    F32Gt(f32) = |a, b| a > b;
    F32Le(f32) = |a, b| a <= b;
    F32Ge(f32) = |a, b| a >= b;
}

unary! {
    // Sign operations work on the bits, so that NaN payloads stay as they are.
    F32Abs(u32) = |bits| bits & 0x7fff_ffff;
    F32Neg(u32) = |bits| bits ^ 0x8000_0000;
    F32Ceil(f32) = num::f32_ceil;
    F32Floor(f32) = num::f32_floor;
    F32Trunc(f32) = num::f32_trunc;
    F32Nearest(f32) = num::f32_nearest;
    F32Sqrt(f32) = f32::sqrt;
}

binary! {
    F64Add(f64) = |a, b| a + b;
    F64Sub(f64) = |a, b| a - b;
    F64Mul(f64) = |a, b| a * b;
    F64Div(f64) = |a, b| a / b;
    F64Min(f64) = num::f64_min;
    F64Max(f64) = num::f64_max;
    F64Copysign(f64) = f64::copysign;
    F64Eq(f64) = |a, b| a == b;
    F64Ne(f64) = |a, b| a != b;
    F64Lt(f64) = |a, b| a < b;
    F64Gt(f64) = |a, b| a > b;
    F64Le(f64) = |a, b| a <= b;
    F64Ge(f64) = |a, b| a >= b;
}
unary! {
    F64Abs(u64) = |bits| bits & 0x7fff_ffff_ffff_ffff;
    F64Neg(u64) = |bits| bits ^ 0x8000_0000_0000_0000;
    F64Ceil(f64) = num::f64_ceil;
    F64Floor(f64) = num::f64_floor;
    F64Trunc(f64) = num::f64_trunc;
    F64Nearest(f64) = num::f64_nearest;
    F64Sqrt(f64) = f64::sqrt;
}

// The forms reading `lhs` from the f64 result register (`translator/result_register.rs`).
reader_binary! {
    F64AddAcc(f64) = |a, b| a + b;
    F64SubAcc(f64) = |a, b| a - b;
    F64MulAcc(f64) = |a, b| a * b;
    F64DivAcc(f64) = |a, b| a / b;
}

// The f32 forms, reading `lhs` from the integer register (an f32 result travels there as its
// bits: `HandOn for f32`).
reader_binary! {
    F32AddAcc(f32) = |a, b| a + b;
    F32SubAcc(f32) = |a, b| a - b;
    F32MulAcc(f32) = |a, b| a * b;
    F32DivAcc(f32) = |a, b| a / b;
}
