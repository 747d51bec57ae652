//! Handlers of integer SIMD: lane-wise arithmetic, comparisons, shifts, saturation,
//! min/max/average, extension, narrowing, extended additions and multiplications, dot
//! products and population counts. Plain Rust on lane arrays, which the compiler vectorises.

use super::simd_values::{join, lanes};
use super::*;

v_zip! {
    I8x16Add(u8; 16) = |x, y| x.wrapping_add(y);
    I16x8Add(u16; 8) = |x, y| x.wrapping_add(y);
    I32x4Add(u32; 4) = |x, y| x.wrapping_add(y);
    I64x2Add(u64; 2) = |x, y| x.wrapping_add(y);
    I8x16Sub(u8; 16) = |x, y| x.wrapping_sub(y);
    I16x8Sub(u16; 8) = |x, y| x.wrapping_sub(y);
    I32x4Sub(u32; 4) = |x, y| x.wrapping_sub(y);
    I64x2Sub(u64; 2) = |x, y| x.wrapping_sub(y);
    I16x8Mul(u16; 8) = |x, y| x.wrapping_mul(y);
    I32x4Mul(u32; 4) = |x, y| x.wrapping_mul(y);
    I64x2Mul(u64; 2) = |x, y| x.wrapping_mul(y);
    I8x16AddSatS(i8; 16) = |x, y| x.saturating_add(y);
    I8x16AddSatU(u8; 16) = |x, y| x.saturating_add(y);
    I16x8AddSatS(i16; 8) = |x, y| x.saturating_add(y);
    I16x8AddSatU(u16; 8) = |x, y| x.saturating_add(y);
    I8x16SubSatS(i8; 16) = |x, y| x.saturating_sub(y);
    I8x16SubSatU(u8; 16) = |x, y| x.saturating_sub(y);
    I16x8SubSatS(i16; 8) = |x, y| x.saturating_sub(y);
    I16x8SubSatU(u16; 8) = |x, y| x.saturating_sub(y);
    I8x16MinS(i8; 16) = |x, y| x.min(y);
    I8x16MinU(u8; 16) = |x, y| x.min(y);
    I16x8MinS(i16; 8) = |x, y| x.min(y);
    I16x8MinU(u16; 8) = |x, y| x.min(y);
    I32x4MinS(i32; 4) = |x, y| x.min(y);
    I32x4MinU(u32; 4) = |x, y| x.min(y);
    I8x16MaxS(i8; 16) = |x, y| x.max(y);
    I8x16MaxU(u8; 16) = |x, y| x.max(y);
    I16x8MaxS(i16; 8) = |x, y| x.max(y);
    I16x8MaxU(u16; 8) = |x, y| x.max(y);
    I32x4MaxS(i32; 4) = |x, y| x.max(y);
    I32x4MaxU(u32; 4) = |x, y| x.max(y);
    I8x16AvgrU(u8; 16) = |x, y| ((u16::from(x) + u16::from(y) + 1) >> 1) as u8;
    I16x8AvgrU(u16; 8) = |x, y| ((u32::from(x) + u32::from(y) + 1) >> 1) as u16;
    I16x8Q15MulrSatS(i16; 8) = |x, y| q15mulr(x, y);
    // Relaxed: saturates as `i16x8.q15mulr_sat_s` (see `simd_relaxed.rs`).
    I16x8RelaxedQ15mulrS(i16; 8) = |x, y| q15mulr(x, y);
}

/// `q15mulr_sat_s` of one lane: `(x * y + 0x4000) >> 15`, saturated.
fn q15mulr(x: i16, y: i16) -> i16 {
    let p = (i32::from(x) * i32::from(y) + 0x4000) >> 15;
    p.clamp(i32::from(i16::MIN), i32::from(i16::MAX)) as i16
}

v_map! {
    I8x16Abs(i8; 16) = |x| x.wrapping_abs();
    I16x8Abs(i16; 8) = |x| x.wrapping_abs();
    I32x4Abs(i32; 4) = |x| x.wrapping_abs();
    I64x2Abs(i64; 2) = |x| x.wrapping_abs();
    I8x16Neg(i8; 16) = |x| x.wrapping_neg();
    I16x8Neg(i16; 8) = |x| x.wrapping_neg();
    I32x4Neg(i32; 4) = |x| x.wrapping_neg();
    I64x2Neg(i64; 2) = |x| x.wrapping_neg();
    I8x16Popcnt(u8; 16) = |x| x.count_ones() as u8;
}

v_compare! {
    I8x16Eq(i8 => i8; 16) = |x, y| x == y;
    I8x16Ne(i8 => i8; 16) = |x, y| x != y;
    I8x16LtS(i8 => i8; 16) = |x, y| x < y;
    I8x16LtU(u8 => i8; 16) = |x, y| x < y;
    I8x16GtS(i8 => i8; 16) = |x, y| x > y;
    I8x16GtU(u8 => i8; 16) = |x, y| x > y;
    I8x16LeS(i8 => i8; 16) = |x, y| x <= y;
    I8x16LeU(u8 => i8; 16) = |x, y| x <= y;
    I8x16GeS(i8 => i8; 16) = |x, y| x >= y;
    I8x16GeU(u8 => i8; 16) = |x, y| x >= y;
    I16x8Eq(i16 => i16; 8) = |x, y| x == y;
    I16x8Ne(i16 => i16; 8) = |x, y| x != y;
    I16x8LtS(i16 => i16; 8) = |x, y| x < y;
    I16x8LtU(u16 => i16; 8) = |x, y| x < y;
    I16x8GtS(i16 => i16; 8) = |x, y| x > y;
    I16x8GtU(u16 => i16; 8) = |x, y| x > y;
    I16x8LeS(i16 => i16; 8) = |x, y| x <= y;
    I16x8LeU(u16 => i16; 8) = |x, y| x <= y;
    I16x8GeS(i16 => i16; 8) = |x, y| x >= y;
    I16x8GeU(u16 => i16; 8) = |x, y| x >= y;
    I32x4Eq(i32 => i32; 4) = |x, y| x == y;
    I32x4Ne(i32 => i32; 4) = |x, y| x != y;
    I32x4LtS(i32 => i32; 4) = |x, y| x < y;
    I32x4LtU(u32 => i32; 4) = |x, y| x < y;
    I32x4GtS(i32 => i32; 4) = |x, y| x > y;
    I32x4GtU(u32 => i32; 4) = |x, y| x > y;
    I32x4LeS(i32 => i32; 4) = |x, y| x <= y;
    I32x4LeU(u32 => i32; 4) = |x, y| x <= y;
    I32x4GeS(i32 => i32; 4) = |x, y| x >= y;
    I32x4GeU(u32 => i32; 4) = |x, y| x >= y;
    I64x2Eq(i64 => i64; 2) = |x, y| x == y;
    I64x2Ne(i64 => i64; 2) = |x, y| x != y;
    I64x2LtS(i64 => i64; 2) = |x, y| x < y;
    I64x2GtS(i64 => i64; 2) = |x, y| x > y;
    I64x2LeS(i64 => i64; 2) = |x, y| x <= y;
    I64x2GeS(i64 => i64; 2) = |x, y| x >= y;
}

/// Shifts: every lane by the i32 in `rhs`, modulo the lane width.
macro_rules! shift {
    ($($name:ident($t:ty; $n:literal) = |$x:ident, $s:ident| $e:expr;)*) => {$(
        op!($name { dst, lhs, rhs }, |ip, regs, cx| {
            let $s = r!(regs, rhs) as u32;
            let a: [$t; $n] = lanes(rv!(regs, lhs));
            setv!(regs, dst, join(a.map(|$x: $t| -> $t { $e })));
            Ok(Flow::Next)
        });
    )*};
}

shift! {
    I8x16Shl(u8; 16) = |x, s| x.wrapping_shl(s);
    I8x16ShrS(i8; 16) = |x, s| x.wrapping_shr(s);
    I8x16ShrU(u8; 16) = |x, s| x.wrapping_shr(s);
    I16x8Shl(u16; 8) = |x, s| x.wrapping_shl(s);
    I16x8ShrS(i16; 8) = |x, s| x.wrapping_shr(s);
    I16x8ShrU(u16; 8) = |x, s| x.wrapping_shr(s);
    I32x4Shl(u32; 4) = |x, s| x.wrapping_shl(s);
    I32x4ShrS(i32; 4) = |x, s| x.wrapping_shr(s);
    I32x4ShrU(u32; 4) = |x, s| x.wrapping_shr(s);
    I64x2Shl(u64; 2) = |x, s| x.wrapping_shl(s);
    I64x2ShrS(i64; 2) = |x, s| x.wrapping_shr(s);
    I64x2ShrU(u64; 2) = |x, s| x.wrapping_shr(s);
}

/// Widening of the low (`HIGH = false`) or high half of the lanes of `v`.
fn extend<
    T: super::simd_values::Lane,
    W: super::simd_values::Lane + From<T>,
    const N: usize,
    const M: usize,
    const HIGH: bool,
>(
    v: super::simd_values::V128Bytes,
) -> super::simd_values::V128Bytes {
    let a: [T; N] = lanes(v);
    let base = if HIGH { M } else { 0 };
    join::<W, M>(std::array::from_fn(|i| W::from(a[base + i])))
}

v_unary! {
    I16x8ExtendLowI8x16S = extend::<i8, i16, 16, 8, false>;
    I16x8ExtendHighI8x16S = extend::<i8, i16, 16, 8, true>;
    I16x8ExtendLowI8x16U = extend::<u8, u16, 16, 8, false>;
    I16x8ExtendHighI8x16U = extend::<u8, u16, 16, 8, true>;
    I32x4ExtendLowI16x8S = extend::<i16, i32, 8, 4, false>;
    I32x4ExtendHighI16x8S = extend::<i16, i32, 8, 4, true>;
    I32x4ExtendLowI16x8U = extend::<u16, u32, 8, 4, false>;
    I32x4ExtendHighI16x8U = extend::<u16, u32, 8, 4, true>;
    I64x2ExtendLowI32x4S = extend::<i32, i64, 4, 2, false>;
    I64x2ExtendHighI32x4S = extend::<i32, i64, 4, 2, true>;
    I64x2ExtendLowI32x4U = extend::<u32, u64, 4, 2, false>;
    I64x2ExtendHighI32x4U = extend::<u32, u64, 4, 2, true>;
    I16x8ExtAddPairwiseI8x16S = |v| {
        let a: [i8; 16] = lanes(v);
        join::<i16, 8>(std::array::from_fn(|i| i16::from(a[2 * i]) + i16::from(a[2 * i + 1])))
    };
    I16x8ExtAddPairwiseI8x16U = |v| {
        let a: [u8; 16] = lanes(v);
        join::<u16, 8>(std::array::from_fn(|i| u16::from(a[2 * i]) + u16::from(a[2 * i + 1])))
    };
    I32x4ExtAddPairwiseI16x8S = |v| {
        let a: [i16; 8] = lanes(v);
        join::<i32, 4>(std::array::from_fn(|i| i32::from(a[2 * i]) + i32::from(a[2 * i + 1])))
    };
    I32x4ExtAddPairwiseI16x8U = |v| {
        let a: [u16; 8] = lanes(v);
        join::<u32, 4>(std::array::from_fn(|i| u32::from(a[2 * i]) + u32::from(a[2 * i + 1])))
    };
}

/// Narrowing with saturation: the lanes of `a` then those of `b`, each clamped to `T`.
macro_rules! narrow {
    ($($name:ident($w:ty; $n:literal => $t:ty) = $lo:expr, $hi:expr;)*) => {$(
        v_binary! { $name = |l, r| {
            let (a, b): ([$w; $n], [$w; $n]) = (lanes(l), lanes(r));
            join::<$t, { 2 * $n }>(std::array::from_fn(|i| {
                let x = if i < $n { a[i] } else { b[i - $n] };
                x.clamp($lo, $hi) as $t
            }))
        }; }
    )*};
}

narrow! {
    I8x16NarrowI16x8S(i16; 8 => i8) = -128, 127;
    I8x16NarrowI16x8U(i16; 8 => u8) = 0, 255;
    I16x8NarrowI32x4S(i32; 4 => i16) = -32768, 32767;
    I16x8NarrowI32x4U(i32; 4 => u16) = 0, 65535;
}

/// Extended multiplication of the low or high halves: `$t` lanes widened to `$w`.
macro_rules! extmul {
    ($($name:ident($t:ty; $n:literal => $w:ty) = $base:expr;)*) => {$(
        v_binary! { $name = |l, r| {
            let (a, b): ([$t; $n], [$t; $n]) = (lanes(l), lanes(r));
            join::<$w, { $n / 2 }>(std::array::from_fn(|i| {
                <$w>::from(a[$base + i]).wrapping_mul(<$w>::from(b[$base + i]))
            }))
        }; }
    )*};
}

extmul! {
    I16x8ExtMulLowI8x16S(i8; 16 => i16) = 0;
    I16x8ExtMulHighI8x16S(i8; 16 => i16) = 8;
    I16x8ExtMulLowI8x16U(u8; 16 => u16) = 0;
    I16x8ExtMulHighI8x16U(u8; 16 => u16) = 8;
    I32x4ExtMulLowI16x8S(i16; 8 => i32) = 0;
    I32x4ExtMulHighI16x8S(i16; 8 => i32) = 4;
    I32x4ExtMulLowI16x8U(u16; 8 => u32) = 0;
    I32x4ExtMulHighI16x8U(u16; 8 => u32) = 4;
    I64x2ExtMulLowI32x4S(i32; 4 => i64) = 0;
    I64x2ExtMulHighI32x4S(i32; 4 => i64) = 2;
    I64x2ExtMulLowI32x4U(u32; 4 => u64) = 0;
    I64x2ExtMulHighI32x4U(u32; 4 => u64) = 2;
}

v_binary! {
    I32x4DotI16x8S = |l, r| {
        let (a, b): ([i16; 8], [i16; 8]) = (lanes(l), lanes(r));
        join::<i32, 4>(std::array::from_fn(|i| {
            let p = |k: usize| i32::from(a[k]) * i32::from(b[k]);
            p(2 * i).wrapping_add(p(2 * i + 1))
        }))
    };
}
