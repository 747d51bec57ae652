//! Handlers of relaxed SIMD, deterministic: Wasp picks one of the behaviours the proposal
//! allows for each instruction, the same on every machine, so gas figures, replays and
//! snapshots never depend on the host CPU. The choices, in one place:
//!
//! | instruction | Wasp's choice |
//! |---|---|
//! | `i8x16.relaxed_swizzle` | as `i8x16.swizzle`: an index of 16 or more gives 0 |
//! | `i32x4.relaxed_trunc_f32x4_{s,u}`, `.._f64x2_{s,u}_zero` | as `trunc_sat`: saturating, NaN gives 0 |
//! | `f32x4/f64x2.relaxed_madd`, `relaxed_nmadd` | unfused: `a * b + c` and `-(a * b) + c`, each step rounded |
//! | `i8x16/i16x8/i32x4/i64x2.relaxed_laneselect` | as `v128.bitselect`: bit by bit |
//! | `f32x4/f64x2.relaxed_min`, `relaxed_max` | as `min`/`max`: NaN if either is NaN, `-0 < +0` |
//! | `i16x8.relaxed_q15mulr_s` | as `i16x8.q15mulr_sat_s`: saturating |
//! | `i16x8.relaxed_dot_i8x16_i7x16_s` | the second operand's lanes read as signed |
//! | `i32x4.relaxed_dot_i8x16_i7x16_add_s` | the same, the pair sums added without saturation |
//!
//! (The table's choices are implemented where their non-relaxed twins are, in
//! `simd_values.rs`, `simd_int.rs` and `simd_float.rs`, except those below.)

use super::simd_values::{bitselect, join, lanes};
use super::*;

v_ternary! {
    F32x4RelaxedMadd = |a, b, c| {
        let (a, b, c): ([f32; 4], [f32; 4], [f32; 4]) = (lanes(a), lanes(b), lanes(c));
        join::<f32, 4>(std::array::from_fn(|i| a[i] * b[i] + c[i]))
    };
    F32x4RelaxedNmadd = |a, b, c| {
        let (a, b, c): ([f32; 4], [f32; 4], [f32; 4]) = (lanes(a), lanes(b), lanes(c));
        join::<f32, 4>(std::array::from_fn(|i| -(a[i] * b[i]) + c[i]))
    };
    F64x2RelaxedMadd = |a, b, c| {
        let (a, b, c): ([f64; 2], [f64; 2], [f64; 2]) = (lanes(a), lanes(b), lanes(c));
        join::<f64, 2>(std::array::from_fn(|i| a[i] * b[i] + c[i]))
    };
    F64x2RelaxedNmadd = |a, b, c| {
        let (a, b, c): ([f64; 2], [f64; 2], [f64; 2]) = (lanes(a), lanes(b), lanes(c));
        join::<f64, 2>(std::array::from_fn(|i| -(a[i] * b[i]) + c[i]))
    };
    I8x16RelaxedLaneselect = bitselect;
    I16x8RelaxedLaneselect = bitselect;
    I32x4RelaxedLaneselect = bitselect;
    I64x2RelaxedLaneselect = bitselect;
    I32x4RelaxedDotI8x16I7x16AddS = |a, b, c| {
        let (a, b, c): ([i8; 16], [i8; 16], [i32; 4]) = (lanes(a), lanes(b), lanes(c));
        join::<i32, 4>(std::array::from_fn(|i| {
            let p = |k: usize| i32::from(a[k]) * i32::from(b[k]);
            (p(4 * i) + p(4 * i + 1) + p(4 * i + 2) + p(4 * i + 3)).wrapping_add(c[i])
        }))
    };
}

v_binary! {
    I16x8RelaxedDotI8x16I7x16S = |a, b| {
        let (a, b): ([i8; 16], [i8; 16]) = (lanes(a), lanes(b));
        join::<i16, 8>(std::array::from_fn(|i| {
            let p = |k: usize| i16::from(a[k]) * i16::from(b[k]);
            p(2 * i).wrapping_add(p(2 * i + 1))
        }))
    };
}
