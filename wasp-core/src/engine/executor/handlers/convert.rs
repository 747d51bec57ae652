//! Handlers of conversions between value types, one line per operator.

use super::*;
use crate::engine::numeric as num;

unary! {
    I32WrapI64(u64) = |v| v as u32;
    I64ExtendI32S(i32) = i64::from;
    I64ExtendI32U(u32) = u64::from;
    I32TruncF32S(f32) = num::i32_trunc_f32_s, ?;
    I32TruncF32U(f32) = num::i32_trunc_f32_u, ?;
    I32TruncF64S(f64) = num::i32_trunc_f64_s, ?;
    I32TruncF64U(f64) = num::i32_trunc_f64_u, ?;
    I64TruncF32S(f32) = num::i64_trunc_f32_s, ?;
    I64TruncF32U(f32) = num::i64_trunc_f32_u, ?;
    I64TruncF64S(f64) = num::i64_trunc_f64_s, ?;
    I64TruncF64U(f64) = num::i64_trunc_f64_u, ?;
}
// Rust's float-to-int `as` saturates and maps NaN to 0, as the `trunc_sat` operators do.
unary! {
    I32TruncSatF32S(f32) = |v| v as i32;
    I32TruncSatF32U(f32) = |v| v as u32;
    I32TruncSatF64S(f64) = |v| v as i32;
    I32TruncSatF64U(f64) = |v| v as u32;
    I64TruncSatF32S(f32) = |v| v as i64;
    I64TruncSatF32U(f32) = |v| v as u64;
    I64TruncSatF64S(f64) = |v| v as i64;
    I64TruncSatF64U(f64) = |v| v as u64;
    F32ConvertI32S(i32) = |v| v as f32;
    F32ConvertI32U(u32) = |v| v as f32;
    F32ConvertI64S(i64) = |v| v as f32;
    F32ConvertI64U(u64) = |v| v as f32;
    F64ConvertI32S(i32) = f64::from;
    F64ConvertI32U(u32) = f64::from;
    F64ConvertI64S(i64) = |v| v as f64;
    F64ConvertI64U(u64) = |v| v as f64;
    F32DemoteF64(f64) = |v| v as f32;
    F64PromoteF32(f32) = f64::from;
}
