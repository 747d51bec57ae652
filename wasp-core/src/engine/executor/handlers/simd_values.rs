//! Handlers that move `v128` values: copies and globals. The slot access for `v128` pairs (`rv!`,
//! `setv!`) is defined here for every SIMD family.
//!
//! A `v128` is two adjacent slots, low half first (`translator/v128.rs`). Every slot operand
//! of a SIMD instruction names the low slot of its pair; the high slot is the next one,
//! inside the frame because a function with `v128`s has one slot of padding past the slots
//! its code is verified against (invariant 1 of `translator/verify.rs`).

use super::*;

/// A `v128` as the handlers hold it: its 16 bytes in little-endian order, lane 0 first.
///
/// Byte arrays read and written whole let the compiler keep a vector in one machine
/// register and turn the lane-wise loops below into single vector instructions.
pub(super) type V128Bytes = [u8; 16];

/// Reads the pair of slots `reg`, `reg + 1` of the frame at `regs` as a `v128`.
///
/// # Safety
/// As for [`regs::read`], for both slots.
#[inline(always)]
pub(super) unsafe fn read_v128(regs: *mut u64, reg: crate::engine::ir::Reg) -> V128Bytes {
    if cfg!(target_endian = "little") {
        // SAFETY: both slots lie in the frame (the contract); a `[u8; 16]` needs no
        // alignment. On a little-endian host the bytes of the low slot, then those of the
        // high slot, are the value's little-endian bytes.
        unsafe { regs.add(reg as usize).cast::<V128Bytes>().read() }
    } else {
        // SAFETY: as above.
        let (lo, hi) = unsafe { (regs::read(regs, reg), regs::read(regs, reg + 1)) };
        let mut b = [0; 16];
        b[..8].copy_from_slice(&lo.to_le_bytes());
        b[8..].copy_from_slice(&hi.to_le_bytes());
        b
    }
}

/// Writes the `v128` `v` into the slots `reg`, `reg + 1` of the frame at `regs`.
///
/// # Safety
/// As for [`read_v128`].
#[inline(always)]
pub(super) unsafe fn write_v128(regs: *mut u64, reg: crate::engine::ir::Reg, v: V128Bytes) {
    if cfg!(target_endian = "little") {
        // SAFETY: as in `read_v128`.
        unsafe { regs.add(reg as usize).cast::<V128Bytes>().write(v) }
    } else {
        let [lo, hi]: [u64; 2] = lanes(v);
        // SAFETY: as in `read_v128`.
        unsafe {
            regs::write(regs, reg, lo);
            regs::write(regs, reg + 1, hi);
        }
    }
}

/// Reads the `v128` whose low slot is `$reg` (a [`V128Bytes`]).
macro_rules! rv {
    ($regs:expr, $reg:expr) => {
        // SAFETY: `$reg` is a slot of the running instruction, inside the frame (as in `r!`),
        // and so is the high slot `$reg + 1`: `$reg` is below the verified slots and the
        // frame has one more (padding), see this module's documentation.
        unsafe { $crate::engine::executor::handlers::simd_values::read_v128($regs, $reg) }
    };
}

/// Writes the `v128` `$v` (a [`V128Bytes`]) into the pair whose low slot is `$reg`.
macro_rules! setv {
    ($regs:expr, $reg:expr, $v:expr) => {{
        let v: $crate::engine::executor::handlers::simd_values::V128Bytes = $v;
        // SAFETY: as in `rv!`.
        unsafe { $crate::engine::executor::handlers::simd_values::write_v128($regs, $reg, v) }
    }};
}

op!(V128Copy { dst, src }, |ip, regs, cx| {
    setv!(regs, dst, rv!(regs, src));
    Ok(Flow::Next)
});

op!(V128GlobalGet { dst, global }, |ip, regs, cx| {
    let addr = cx.s.instances[cx.inst as usize].globals[global as usize];
    setv!(regs, dst, cx.s.globals[addr as usize].bits().to_le_bytes());
    Ok(Flow::Next)
});

op!(V128GlobalSet { src, global }, |ip, regs, cx| {
    let addr = cx.s.instances[cx.inst as usize].globals[global as usize];
    let v = u128::from_le_bytes(rv!(regs, src));
    let g = &mut cx.s.globals[addr as usize];
    g.value = v as u64;
    g.high = (v >> 64) as u64;
    Ok(Flow::Next)
});

// ----- lanes ------------------------------------------------------------------------------------

/// A lane type of a `v128`: its little-endian bytes.
pub(super) trait Lane: Copy {
    /// The lane's width in bytes.
    const BYTES: usize;
    fn from_bytes(b: &[u8]) -> Self;
    fn to_bytes(self, out: &mut [u8]);
}

macro_rules! lane {
    ($($t:ty),*) => {$(
        impl Lane for $t {
            const BYTES: usize = std::mem::size_of::<$t>();
            #[inline(always)]
            fn from_bytes(b: &[u8]) -> Self {
                let mut a = [0u8; std::mem::size_of::<$t>()];
                a.copy_from_slice(b);
                <$t>::from_le_bytes(a)
            }
            #[inline(always)]
            fn to_bytes(self, out: &mut [u8]) {
                out.copy_from_slice(&self.to_le_bytes());
            }
        }
    )*};
}

lane!(i8, u8, i16, u16, i32, u32, i64, u64, f32, f64);

/// The `N` lanes of type `T` of a `v128` (`N * size_of::<T>() == 16`), lane 0 first.
#[inline(always)]
pub(super) fn lanes<T: Lane, const N: usize>(b: V128Bytes) -> [T; N] {
    std::array::from_fn(|i| T::from_bytes(&b[i * T::BYTES..(i + 1) * T::BYTES]))
}

/// The `v128` of `N` lanes of type `T`.
#[inline(always)]
pub(super) fn join<T: Lane, const N: usize>(a: [T; N]) -> V128Bytes {
    let mut b = [0u8; 16];
    for (i, x) in a.iter().enumerate() {
        x.to_bytes(&mut b[i * T::BYTES..(i + 1) * T::BYTES]);
    }
    b
}

/// `dst = f(src)` on `v128`s.
macro_rules! v_unary {
    ($($name:ident = $f:expr;)*) => {$(
        op!($name { dst, src }, |ip, regs, cx| {
            let f: fn(V128Bytes) -> V128Bytes = $f;
            setv!(regs, dst, f(rv!(regs, src)));
            Ok(Flow::Next)
        });
    )*};
}

/// `dst = f(lhs, rhs)` on `v128`s.
macro_rules! v_binary {
    ($($name:ident = $f:expr;)*) => {$(
        op!($name { dst, lhs, rhs }, |ip, regs, cx| {
            let f: fn(V128Bytes, V128Bytes) -> V128Bytes = $f;
            setv!(regs, dst, f(rv!(regs, lhs), rv!(regs, rhs)));
            Ok(Flow::Next)
        });
    )*};
}

/// `dst = f(a, b, c)` on `v128`s, `c` named by the data word.
macro_rules! v_ternary {
    ($($name:ident = $f:expr;)*) => {$(
        op!($name { dst, a, b }, |ip, regs, cx| {
            let (c, _, _) = data(ip);
            let f: fn(V128Bytes, V128Bytes, V128Bytes) -> V128Bytes = $f;
            setv!(regs, dst, f(rv!(regs, a), rv!(regs, b), rv!(regs, c)));
            Ok(Flow::Skip)
        });
    )*};
}

/// Lane-wise `dst[i] = f(src[i])` over `N` lanes of `T`.
macro_rules! v_map {
    ($($name:ident($t:ty; $n:literal) = |$x:ident| $e:expr;)*) => {$(
        v_unary! { $name = |v| {
            let a: [$t; $n] = lanes(v);
            join(a.map(|$x: $t| -> $t { $e }))
        }; }
    )*};
}

/// Lane-wise `dst[i] = f(lhs[i], rhs[i])` over `N` lanes of `T`.
macro_rules! v_zip {
    ($($name:ident($t:ty; $n:literal) = |$x:ident, $y:ident| $e:expr;)*) => {$(
        v_binary! { $name = |l, r| {
            let (a, b): ([$t; $n], [$t; $n]) = (lanes(l), lanes(r));
            join::<$t, $n>(std::array::from_fn(|i| {
                let ($x, $y) = (a[i], b[i]);
                $e
            }))
        }; }
    )*};
}

/// Lane-wise comparisons: all ones in lanes of the mask type `$m` where `f` holds.
macro_rules! v_compare {
    ($($name:ident($t:ty => $m:ty; $n:literal) = |$x:ident, $y:ident| $e:expr;)*) => {$(
        v_binary! { $name = |l, r| {
            let (a, b): ([$t; $n], [$t; $n]) = (lanes(l), lanes(r));
            join::<$m, $n>(std::array::from_fn(|i| {
                let ($x, $y) = (a[i], b[i]);
                if $e { -1 } else { 0 }
            }))
        }; }
    )*};
}

// ----- splat, lanes, shuffles, bitwise, tests ---------------------------------------------------

macro_rules! splat {
    ($($name:ident($t:ty; $n:literal) = |$s:ident| $e:expr;)*) => {$(
        op!($name { dst, src }, |ip, regs, cx| {
            let $s = r!(regs, src);
            let x: $t = $e;
            setv!(regs, dst, join([x; $n]));
            Ok(Flow::Next)
        });
    )*};
}

splat! {
    I8x16Splat(u8; 16) = |s| s as u8;
    I16x8Splat(u16; 8) = |s| s as u16;
    I32x4Splat(u32; 4) = |s| s as u32;
    I64x2Splat(u64; 2) = |s| s;
    F32x4Splat(u32; 4) = |s| s as u32;
    F64x2Splat(u64; 2) = |s| s;
}

macro_rules! extract {
    ($($name:ident($t:ty; $n:literal) = |$x:ident| $e:expr;)*) => {$(
        op!($name { dst, src, lane }, |ip, regs, cx| {
            let a: [$t; $n] = lanes(rv!(regs, src));
            // Validation bounds the lane index by the lane count.
            let $x = a[lane as usize % $n];
            set!(regs, dst, $e);
            Ok(Flow::Next)
        });
    )*};
}

extract! {
    I8x16ExtractLaneS(i8; 16) = |x| u64::from(x as i32 as u32);
    I8x16ExtractLaneU(u8; 16) = |x| u64::from(x);
    I16x8ExtractLaneS(i16; 8) = |x| u64::from(x as i32 as u32);
    I16x8ExtractLaneU(u16; 8) = |x| u64::from(x);
    I32x4ExtractLane(u32; 4) = |x| u64::from(x);
    I64x2ExtractLane(u64; 2) = |x| x;
    F32x4ExtractLane(u32; 4) = |x| u64::from(x);
    F64x2ExtractLane(u64; 2) = |x| x;
}

macro_rules! replace {
    ($($name:ident($t:ty; $n:literal) = |$s:ident| $e:expr;)*) => {$(
        op!($name { dst, lhs, rhs }, |ip, regs, cx| {
            let (lane, _, _) = data(ip);
            let mut a: [$t; $n] = lanes(rv!(regs, lhs));
            let $s = r!(regs, rhs);
            // Validation bounds the lane index by the lane count.
            a[lane as usize % $n] = $e;
            setv!(regs, dst, join(a));
            Ok(Flow::Skip)
        });
    )*};
}

replace! {
    I8x16ReplaceLane(u8; 16) = |s| s as u8;
    I16x8ReplaceLane(u16; 8) = |s| s as u16;
    I32x4ReplaceLane(u32; 4) = |s| s as u32;
    I64x2ReplaceLane(u64; 2) = |s| s;
    F32x4ReplaceLane(u32; 4) = |s| s as u32;
    F64x2ReplaceLane(u64; 2) = |s| s;
}

op!(I8x16Shuffle { dst, lhs, rhs }, |ip, regs, cx| {
    let (mask, _, _) = data(ip);
    // SAFETY: the four pairs are operands of the running instruction, in the frame as in
    // `rv!`.
    unsafe { super::simd_shuffle::shuffle(regs, dst, lhs, rhs, mask) };
    Ok(Flow::Skip)
});

/// `i8x16.swizzle`: lane `i` is `a[s[i]]`, or 0 when the index is out of range.
fn swizzle(a: V128Bytes, s: V128Bytes) -> V128Bytes {
    s.map(|j| a.get(j as usize).copied().unwrap_or(0))
}

/// `v128.bitselect`: the bits of `a` where `c` has ones, those of `b` elsewhere.
#[inline(always)]
pub(super) fn bitselect(a: V128Bytes, b: V128Bytes, c: V128Bytes) -> V128Bytes {
    std::array::from_fn(|i| (a[i] & c[i]) | (b[i] & !c[i]))
}

v_binary! {
    I8x16Swizzle = swizzle;
    // Relaxed: out-of-range indices give 0, as `i8x16.swizzle` (see `simd_relaxed.rs`).
    I8x16RelaxedSwizzle = swizzle;
}

v_zip! {
    V128And(u64; 2) = |x, y| x & y;
    V128AndNot(u64; 2) = |x, y| x & !y;
    V128Or(u64; 2) = |x, y| x | y;
    V128Xor(u64; 2) = |x, y| x ^ y;
}

v_map! {
    V128Not(u64; 2) = |x| !x;
}

v_ternary! {
    V128Bitselect = bitselect;
}

macro_rules! test {
    ($($name:ident = $f:expr;)*) => {$(
        op!($name { dst, src }, |ip, regs, cx| {
            let f: fn(V128Bytes) -> u32 = $f;
            set!(regs, dst, u64::from(f(rv!(regs, src))));
            Ok(Flow::Next)
        });
    )*};
}

/// The bitmask of the sign bits of the lanes.
fn bitmask<T: Lane + PartialOrd + Default, const N: usize>(v: V128Bytes) -> u32 {
    let a: [T; N] = lanes(v);
    a.iter()
        .enumerate()
        .fold(0, |m, (i, &x)| m | (u32::from(x < T::default()) << i))
}

/// Whether no lane is zero.
fn all_true<T: Lane + PartialEq + Default, const N: usize>(v: V128Bytes) -> u32 {
    let a: [T; N] = lanes(v);
    u32::from(a.iter().all(|&x| x != T::default()))
}

test! {
    V128AnyTrue = |v| u32::from(u128::from_le_bytes(v) != 0);
    I8x16AllTrue = all_true::<u8, 16>;
    I16x8AllTrue = all_true::<u16, 8>;
    I32x4AllTrue = all_true::<u32, 4>;
    I64x2AllTrue = all_true::<u64, 2>;
    I8x16Bitmask = bitmask::<i8, 16>;
    I16x8Bitmask = bitmask::<i16, 8>;
    I32x4Bitmask = bitmask::<i32, 4>;
    I64x2Bitmask = bitmask::<i64, 2>;
}
