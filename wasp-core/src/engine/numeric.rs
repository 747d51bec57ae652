//! The numeric operations whose Wasm semantics differ from Rust's operators: division and
//! remainder traps, float `min`/`max`/`nearest`, and trapping float-to-int truncation.
//!
//! Everything else (wrapping arithmetic, shifts modulo the bit width, saturating truncation
//! via `as`, IEEE arithmetic) maps directly onto Rust and is written inline in the executor.

use crate::error::TrapCode;

macro_rules! int_div_rem {
    ($div_s:ident, $div_u:ident, $rem_s:ident, $rem_u:ident, $s:ty, $u:ty) => {
        /// Signed division; traps on zero and on `MIN / -1`.
        #[inline]
        pub fn $div_s(a: $s, b: $s) -> Result<$s, TrapCode> {
            if b == 0 {
                return Err(TrapCode::IntegerDivisionByZero);
            }
            a.checked_div(b).ok_or(TrapCode::IntegerOverflow)
        }

        /// Unsigned division; traps on zero.
        #[inline]
        pub fn $div_u(a: $s, b: $s) -> Result<$s, TrapCode> {
            (a as $u)
                .checked_div(b as $u)
                .map(|r| r as $s)
                .ok_or(TrapCode::IntegerDivisionByZero)
        }

        /// Signed remainder; traps on zero, and `MIN % -1` is `0`.
        #[inline]
        pub fn $rem_s(a: $s, b: $s) -> Result<$s, TrapCode> {
            if b == 0 {
                return Err(TrapCode::IntegerDivisionByZero);
            }
            Ok(a.wrapping_rem(b))
        }

        /// Unsigned remainder; traps on zero.
        #[inline]
        pub fn $rem_u(a: $s, b: $s) -> Result<$s, TrapCode> {
            (a as $u)
                .checked_rem(b as $u)
                .map(|r| r as $s)
                .ok_or(TrapCode::IntegerDivisionByZero)
        }
    };
}

int_div_rem!(i32_div_s, i32_div_u, i32_rem_s, i32_rem_u, i32, u32);
int_div_rem!(i64_div_s, i64_div_u, i64_rem_s, i64_rem_u, i64, u64);

macro_rules! float_ops {
    ($min:ident, $max:ident, $nearest:ident, $ceil:ident, $floor:ident, $trunc:ident, $quiet:ident, $f:ty, $bit:expr) => {
        /// Makes a NaN quiet (Wasm requires arithmetic NaNs where Rust's rounding functions
        /// would pass a signalling NaN through).
        #[inline(always)]
        fn $quiet(x: $f) -> $f {
            if x.is_nan() {
                <$f>::from_bits(x.to_bits() | $bit)
            } else {
                x
            }
        }

        /// Wasm `ceil`.
        #[inline]
        pub fn $ceil(a: $f) -> $f {
            $quiet(a.ceil())
        }

        /// Wasm `floor`.
        #[inline]
        pub fn $floor(a: $f) -> $f {
            $quiet(a.floor())
        }

        /// Wasm `trunc`.
        #[inline]
        pub fn $trunc(a: $f) -> $f {
            $quiet(a.trunc())
        }

        /// Wasm `min`: NaN if either operand is NaN, and `-0 < +0`.
        #[inline]
        pub fn $min(a: $f, b: $f) -> $f {
            if a.is_nan() || b.is_nan() {
                return a + b;
            }
            if a == b {
                // Equal values differ at most in the sign of zero: prefer the negative one.
                return if a.is_sign_negative() { a } else { b };
            }
            if a < b {
                a
            } else {
                b
            }
        }

        /// Wasm `max`: NaN if either operand is NaN, and `+0 > -0`.
        #[inline]
        pub fn $max(a: $f, b: $f) -> $f {
            if a.is_nan() || b.is_nan() {
                return a + b;
            }
            if a == b {
                return if a.is_sign_positive() { a } else { b };
            }
            if a > b {
                a
            } else {
                b
            }
        }

        /// Wasm `nearest`: round to the nearest integer, ties to even.
        #[inline]
        pub fn $nearest(a: $f) -> $f {
            $quiet(a.round_ties_even())
        }
    };
}

float_ops!(
    f32_min,
    f32_max,
    f32_nearest,
    f32_ceil,
    f32_floor,
    f32_trunc,
    quiet_f32,
    f32,
    0x0040_0000
);
float_ops!(
    f64_min,
    f64_max,
    f64_nearest,
    f64_ceil,
    f64_floor,
    f64_trunc,
    quiet_f64,
    f64,
    0x0008_0000_0000_0000
);

macro_rules! trunc {
    ($name:ident, $f:ty, $i:ty, $lo:expr, $hi:expr) => {
        /// Trapping float-to-int truncation: NaN and out-of-range values trap.
        #[inline]
        pub fn $name(x: $f) -> Result<$i, TrapCode> {
            if x.is_nan() {
                return Err(TrapCode::BadConversionToInteger);
            }
            // `$lo` and `$hi` are the exclusive bounds, exactly representable in `$f`.
            if x <= $lo || x >= $hi {
                return Err(TrapCode::IntegerOverflow);
            }
            Ok(x as $i)
        }
    };
}

trunc!(
    i32_trunc_f32_s,
    f32,
    i32,
    -2147483904.0_f32,
    2147483648.0_f32
);
trunc!(i32_trunc_f32_u, f32, u32, -1.0_f32, 4294967296.0_f32);
trunc!(
    i32_trunc_f64_s,
    f64,
    i32,
    -2147483649.0_f64,
    2147483648.0_f64
);
trunc!(i32_trunc_f64_u, f64, u32, -1.0_f64, 4294967296.0_f64);
trunc!(
    i64_trunc_f32_s,
    f32,
    i64,
    -9223373136366403584.0_f32,
    9223372036854775808.0_f32
);
trunc!(
    i64_trunc_f32_u,
    f32,
    u64,
    -1.0_f32,
    18446744073709551616.0_f32
);
trunc!(
    i64_trunc_f64_s,
    f64,
    i64,
    -9223372036854777856.0_f64,
    9223372036854775808.0_f64
);
trunc!(
    i64_trunc_f64_u,
    f64,
    u64,
    -1.0_f64,
    18446744073709551616.0_f64
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn division_traps() {
        assert_eq!(i32_div_s(7, 0), Err(TrapCode::IntegerDivisionByZero));
        assert_eq!(i32_div_s(i32::MIN, -1), Err(TrapCode::IntegerOverflow));
        assert_eq!(i32_rem_s(i32::MIN, -1), Ok(0));
        assert_eq!(i64_div_u(-1, 2), Ok(i64::MAX));
        assert_eq!(i32_rem_u(-1, 0), Err(TrapCode::IntegerDivisionByZero));
    }

    #[test]
    fn min_max_zero_and_nan() {
        assert!(f32_min(0.0, -0.0).is_sign_negative());
        assert!(f64_max(-0.0, 0.0).is_sign_positive());
        assert!(f32_min(f32::NAN, 1.0).is_nan());
        assert_eq!(f64_max(1.0, 2.0), 2.0);
    }

    #[test]
    fn truncation_bounds() {
        assert_eq!(i32_trunc_f32_s(-2147483648.0), Ok(i32::MIN));
        assert_eq!(
            i32_trunc_f32_s(2147483648.0),
            Err(TrapCode::IntegerOverflow)
        );
        assert_eq!(i32_trunc_f64_u(-0.9), Ok(0));
        assert_eq!(i32_trunc_f64_s(-2147483648.9), Ok(i32::MIN));
        assert_eq!(
            i64_trunc_f64_u(f64::NAN),
            Err(TrapCode::BadConversionToInteger)
        );
        assert_eq!(f32_nearest(2.5), 2.0);
        assert_eq!(f64_nearest(-3.5), -4.0);
    }
}
