//! Handlers of floating-point SIMD: lane-wise arithmetic, comparisons and conversions, with
//! the scalar instructions' NaN rules (`engine/numeric.rs`). Lanes are read as IEEE bits
//! where the bits must survive (`abs`, `neg`, the pseudo-minimum and maximum).

use super::simd_values::{join, lanes};
use super::*;
use crate::engine::numeric as n;

v_zip! {
    F32x4Add(f32; 4) = |x, y| x + y;
    F32x4Sub(f32; 4) = |x, y| x - y;
    F32x4Mul(f32; 4) = |x, y| x * y;
    F32x4Div(f32; 4) = |x, y| x / y;
    F32x4Min(f32; 4) = |x, y| n::f32_min(x, y);
    F32x4Max(f32; 4) = |x, y| n::f32_max(x, y);
    F32x4PMin(f32; 4) = |x, y| if y < x { y } else { x };
    F32x4PMax(f32; 4) = |x, y| if x < y { y } else { x };
    F64x2Add(f64; 2) = |x, y| x + y;
    F64x2Sub(f64; 2) = |x, y| x - y;
    F64x2Mul(f64; 2) = |x, y| x * y;
    F64x2Div(f64; 2) = |x, y| x / y;
    F64x2Min(f64; 2) = |x, y| n::f64_min(x, y);
    F64x2Max(f64; 2) = |x, y| n::f64_max(x, y);
    F64x2PMin(f64; 2) = |x, y| if y < x { y } else { x };
    F64x2PMax(f64; 2) = |x, y| if x < y { y } else { x };
    // Relaxed: the deterministic choice is the non-relaxed `min`/`max` (`simd_relaxed.rs`).
    F32x4RelaxedMin(f32; 4) = |x, y| n::f32_min(x, y);
    F32x4RelaxedMax(f32; 4) = |x, y| n::f32_max(x, y);
    F64x2RelaxedMin(f64; 2) = |x, y| n::f64_min(x, y);
    F64x2RelaxedMax(f64; 2) = |x, y| n::f64_max(x, y);
}

v_map! {
    F32x4Abs(u32; 4) = |x| x & 0x7fff_ffff;
    F32x4Neg(u32; 4) = |x| x ^ 0x8000_0000;
    F64x2Abs(u64; 2) = |x| x & 0x7fff_ffff_ffff_ffff;
    F64x2Neg(u64; 2) = |x| x ^ 0x8000_0000_0000_0000;
    F32x4Sqrt(f32; 4) = |x| x.sqrt();
    F32x4Ceil(f32; 4) = |x| n::f32_ceil(x);
    F32x4Floor(f32; 4) = |x| n::f32_floor(x);
    F32x4Trunc(f32; 4) = |x| n::f32_trunc(x);
    F32x4Nearest(f32; 4) = |x| n::f32_nearest(x);
    F64x2Sqrt(f64; 2) = |x| x.sqrt();
    F64x2Ceil(f64; 2) = |x| n::f64_ceil(x);
    F64x2Floor(f64; 2) = |x| n::f64_floor(x);
    F64x2Trunc(f64; 2) = |x| n::f64_trunc(x);
    F64x2Nearest(f64; 2) = |x| n::f64_nearest(x);
}

v_compare! {
    F32x4Eq(f32 => i32; 4) = |x, y| x == y;
    F32x4Ne(f32 => i32; 4) = |x, y| x != y;
    F32x4Lt(f32 => i32; 4) = |x, y| x < y;
    F32x4Gt(f32 => i32; 4) = |x, y| x > y;
    F32x4Le(f32 => i32; 4) = |x, y| x <= y;
    F32x4Ge(f32 => i32; 4) = |x, y| x >= y;
    F64x2Eq(f64 => i64; 2) = |x, y| x == y;
    F64x2Ne(f64 => i64; 2) = |x, y| x != y;
    F64x2Lt(f64 => i64; 2) = |x, y| x < y;
    F64x2Gt(f64 => i64; 2) = |x, y| x > y;
    F64x2Le(f64 => i64; 2) = |x, y| x <= y;
    F64x2Ge(f64 => i64; 2) = |x, y| x >= y;
}

/// Lane-wise conversions from `$n` lanes of `$t` (the first `$m` of them) to `$m` lanes of
/// `$r`, the rest of the result zero. Rust's `as` saturates and maps NaN to 0, as
/// `trunc_sat` does.
macro_rules! convert {
    ($($name:ident($t:ty; $n:literal => $r:ty; $m:literal) = |$x:ident| $e:expr;)*) => {$(
        v_unary! { $name = |v| {
            let a: [$t; $n] = lanes(v);
            join::<$r, 4>(std::array::from_fn(|i| if i < $m {
                let $x = a[i];
                $e
            } else {
                <$r>::default()
            }))
        }; }
    )*};
}

convert! {
    I32x4TruncSatF32x4S(f32; 4 => i32; 4) = |x| x as i32;
    I32x4TruncSatF32x4U(f32; 4 => u32; 4) = |x| x as u32;
    F32x4ConvertI32x4S(i32; 4 => f32; 4) = |x| x as f32;
    F32x4ConvertI32x4U(u32; 4 => f32; 4) = |x| x as f32;
    I32x4TruncSatF64x2SZero(f64; 2 => i32; 2) = |x| x as i32;
    I32x4TruncSatF64x2UZero(f64; 2 => u32; 2) = |x| x as u32;
    F32x4DemoteF64x2Zero(f64; 2 => f32; 2) = |x| x as f32;
    // Relaxed: saturating, NaN to 0, as `trunc_sat` (`simd_relaxed.rs`).
    I32x4RelaxedTruncF32x4S(f32; 4 => i32; 4) = |x| x as i32;
    I32x4RelaxedTruncF32x4U(f32; 4 => u32; 4) = |x| x as u32;
    I32x4RelaxedTruncF64x2SZero(f64; 2 => i32; 2) = |x| x as i32;
    I32x4RelaxedTruncF64x2UZero(f64; 2 => u32; 2) = |x| x as u32;
}

v_unary! {
    F64x2ConvertLowI32x4S = |v| {
        let a: [i32; 4] = lanes(v);
        join::<f64, 2>([f64::from(a[0]), f64::from(a[1])])
    };
    F64x2ConvertLowI32x4U = |v| {
        let a: [u32; 4] = lanes(v);
        join::<f64, 2>([f64::from(a[0]), f64::from(a[1])])
    };
    F64x2PromoteLowF32x4 = |v| {
        let a: [f32; 4] = lanes(v);
        join::<f64, 2>([f64::from(a[0]), f64::from(a[1])])
    };
}
