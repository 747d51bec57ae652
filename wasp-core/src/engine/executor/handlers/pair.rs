//! Handlers of fused dependent pairs of arithmetic (`translator/pair.rs`): one instruction
//! computes `(a op1 b) op2 c`, the intermediate kept in a machine register instead of a frame
//! slot. Every handler is one generic evaluation, [`pair`], instantiated for the two
//! operations of its row of `isa::for_each_pair!`.

use super::*;

/// One of the two operations of a fused pair: a binary operator on values of type `T`.
pub(super) trait PairOp {
    /// The operands' and the result's type, as slots hold them.
    type T: HandOn;
    /// The operator's result.
    fn apply(a: Self::T, b: Self::T) -> Self::T;
}

/// `(a A b) B c`, or `c B (a A b)` when `reversed`; the operands as slots hold them.
#[inline(always)]
fn pair<A: PairOp, B: PairOp<T = A::T>>(a: A::T, b: A::T, c: A::T, reversed: bool) -> A::T {
    let t = A::apply(a, b);
    if reversed {
        B::apply(c, t)
    } else {
        B::apply(t, c)
    }
}

/// The immediate `imm` of a fused pair as an operand of type `T`.
#[inline(always)]
fn imm<T: FromImm>(imm: impl Into<i32>) -> T {
    T::from_imm(imm.into())
}

/// The operations fused pairs are made of, one type per Wasm operator, named after its IR
/// instruction (and its immediate form, the same operation). They are types, never values,
/// and not every one is in a pair today.
#[allow(dead_code)]
mod ops {
    use super::{apply2, PairOp};

    macro_rules! pair_ops {
        ($($name:ident, $imm:ident($t:ty) = $f:expr;)*) => {$(
            pub(in super::super) struct $name;
            pub(in super::super) type $imm = $name;
            impl PairOp for $name {
                type T = $t;
                #[inline(always)]
                fn apply(a: $t, b: $t) -> $t {
                    apply2::<$t, _>($f, a, b)
                }
            }
        )*};
    }

    pair_ops! {
        I32Add, I32AddImm(u32) = u32::wrapping_add;
        I32Sub, I32SubImm(u32) = u32::wrapping_sub;
        I32Eq, I32EqImm(u32) = |a, b| u32::from(a == b);
        I32Ne, I32NeImm(u32) = |a, b| u32::from(a != b);
        I32Mul, I32MulImm(u32) = u32::wrapping_mul;
        I32And, I32AndImm(u32) = |a, b| a & b;
        I32Or, I32OrImm(u32) = |a, b| a | b;
        I32Xor, I32XorImm(u32) = |a, b| a ^ b;
        I32Shl, I32ShlImm(u32) = u32::wrapping_shl;
        I32ShrS, I32ShrSImm(i32) = |a, b| a.wrapping_shr(b as u32);
        I32ShrU, I32ShrUImm(u32) = u32::wrapping_shr;
        I32Rotl, I32RotlImm(u32) = u32::rotate_left;
        I64Add, I64AddImm(u64) = u64::wrapping_add;
        I64Sub, I64SubImm(u64) = u64::wrapping_sub;
        I64Mul, I64MulImm(u64) = u64::wrapping_mul;
        I64And, I64AndImm(u64) = |a, b| a & b;
        I64Or, I64OrImm(u64) = |a, b| a | b;
        I64Xor, I64XorImm(u64) = |a, b| a ^ b;
        I64Shl, I64ShlImm(u64) = |a, b| a.wrapping_shl(b as u32);
        I64ShrS, I64ShrSImm(i64) = |a, b| a.wrapping_shr(b as u32);
        I64ShrU, I64ShrUImm(u64) = |a, b| a.wrapping_shr(b as u32);
        I64Rotl, I64RotlImm(u64) = |a, b| a.rotate_left((b & 63) as u32);
        F64Add, F64AddImm(f64) = |a, b| a + b;
        F64Sub, F64SubImm(f64) = |a, b| a - b;
        F64Mul, F64MulImm(f64) = |a, b| a * b;
        F32Add, F32AddImm(f32) = |a, b| a + b;
        F32Sub, F32SubImm(f32) = |a, b| a - b;
        F32Mul, F32MulImm(f32) = |a, b| a * b;
    }
}

/// Generates the handler of every fused pair from the table of pairs.
macro_rules! pair_handlers {
    (
        rr_r { $($rr_r:ident = $rr_r1:ident, $rr_r2:ident;)* }
        r_rr { $($r_rr:ident = $r_rr1:ident, $r_rr2:ident;)* }
        ri_r { $($ri_r:ident = $ri_r1:ident, $ri_r2:ident;)* }
        rr_i { $($rr_i:ident = $rr_i1:ident, $rr_i2:ident;)* }
        ri_i { $($ri_i:ident = $ri_i1:ident, $ri_i2:ident;)* }
    ) => {
        $(
            op!($rr_r { dst, lhs, rhs }, |ip, regs, cx, gas, acc, facc| {
                let (c, _, _) = data(ip);
                let (a, b, c) = (r!(regs, lhs), r!(regs, rhs), r!(regs, c));
                let v = pair::<ops::$rr_r1, ops::$rr_r2>(
                    SlotValue::read(a), SlotValue::read(b), SlotValue::read(c), false);
                put!(regs, dst, v, acc, facc);
                Ok(Flow::Skip)
            });
        )*
        $(
            op!($r_rr { dst, lhs, rhs }, |ip, regs, cx, gas, acc, facc| {
                let (c, _, _) = data(ip);
                let (a, b, c) = (r!(regs, lhs), r!(regs, rhs), r!(regs, c));
                let v = pair::<ops::$r_rr1, ops::$r_rr2>(
                    SlotValue::read(a), SlotValue::read(b), SlotValue::read(c), true);
                put!(regs, dst, v, acc, facc);
                Ok(Flow::Skip)
            });
        )*
        $(
            op!($ri_r { dst, lhs, other, imm }, |ip, regs, cx, gas, acc, facc| {
                let (a, c) = (r!(regs, lhs), r!(regs, other));
                let v = pair::<ops::$ri_r1, ops::$ri_r2>(
                    SlotValue::read(a), self::imm(imm), SlotValue::read(c), false);
                put!(regs, dst, v, acc, facc);
                Ok(Flow::Next)
            });
        )*
        $(
            op!($rr_i { dst, lhs, rhs, imm }, |ip, regs, cx, gas, acc, facc| {
                let (a, b) = (r!(regs, lhs), r!(regs, rhs));
                let v = pair::<ops::$rr_i1, ops::$rr_i2>(
                    SlotValue::read(a), SlotValue::read(b), self::imm(imm), false);
                put!(regs, dst, v, acc, facc);
                Ok(Flow::Next)
            });
        )*
        $(
            op!($ri_i { dst, lhs, imm, imm2 }, |ip, regs, cx, gas, acc, facc| {
                let a = r!(regs, lhs);
                let v = pair::<ops::$ri_i1, ops::$ri_i2>(
                    SlotValue::read(a), self::imm(imm), self::imm(imm2), false);
                put!(regs, dst, v, acc, facc);
                Ok(Flow::Next)
            });
        )*
    };
}

crate::engine::isa::for_each_pair!(pair_handlers);

/// Generates the handlers of the fused pairs that read an operand from the result register
/// (`translator/result_register.rs`): `lhs` (`(acc A b) B c`, or `c B (acc A b)` for `r_rr`
/// rows, and so on for each shape), or for `ri_r_other` rows the operand of the second
/// operation, `(a A imm) B acc`.
macro_rules! reader_pairs {
    (
        rr_r { $($rr_r:ident = $rr_r1:ident, $rr_r2:ident;)* }
        r_rr { $($r_rr:ident = $r_rr1:ident, $r_rr2:ident;)* }
        ri_r { $($ri_r:ident = $ri_r1:ident, $ri_r2:ident;)* }
        ri_r_other { $($ri_o:ident = $ri_o1:ident, $ri_o2:ident;)* }
        rr_i { $($rr_i:ident = $rr_i1:ident, $rr_i2:ident;)* }
        ri_i { $($ri_i:ident = $ri_i1:ident, $ri_i2:ident;)* }
    ) => {
        $(reader_pairs!(@data $rr_r = $rr_r1, $rr_r2, false);)*
        $(reader_pairs!(@data $r_rr = $r_rr1, $r_rr2, true);)*
        $(
            op!($ri_r { dst, lhs, other, imm }, |ip, regs, cx, gas, acc, facc| {
                let a = from_acc!(<ops::$ri_r1 as PairOp>::T, regs, lhs, acc, facc);
                let c = SlotValue::read(r!(regs, other));
                let v = pair::<ops::$ri_r1, ops::$ri_r2>(a, self::imm(imm), c, false);
                put!(regs, dst, v, acc, facc);
                Ok(Flow::Next)
            });
        )*
        $(
            op!($ri_o { dst, lhs, other, imm }, |ip, regs, cx, gas, acc, facc| {
                let c = from_acc!(<ops::$ri_o1 as PairOp>::T, regs, other, acc, facc);
                let a = SlotValue::read(r!(regs, lhs));
                let v = pair::<ops::$ri_o1, ops::$ri_o2>(a, self::imm(imm), c, false);
                put!(regs, dst, v, acc, facc);
                Ok(Flow::Next)
            });
        )*
        $(
            op!($rr_i { dst, lhs, rhs, imm }, |ip, regs, cx, gas, acc, facc| {
                let a = from_acc!(<ops::$rr_i1 as PairOp>::T, regs, lhs, acc, facc);
                let b = SlotValue::read(r!(regs, rhs));
                let v = pair::<ops::$rr_i1, ops::$rr_i2>(a, b, self::imm(imm), false);
                put!(regs, dst, v, acc, facc);
                Ok(Flow::Next)
            });
        )*
        $(
            op!($ri_i { dst, lhs, imm, imm2 }, |ip, regs, cx, gas, acc, facc| {
                let a = from_acc!(<ops::$ri_i1 as PairOp>::T, regs, lhs, acc, facc);
                let v = pair::<ops::$ri_i1, ops::$ri_i2>(
                    a, self::imm(imm), self::imm(imm2), false);
                put!(regs, dst, v, acc, facc);
                Ok(Flow::Next)
            });
        )*
    };
    (@data $name:ident = $first:ident, $second:ident, $reversed:expr) => {
        op!($name { dst, lhs, rhs }, |ip, regs, cx, gas, acc, facc| {
            let (c, _, _) = data(ip);
            type T = <ops::$first as PairOp>::T;
            let a = from_acc!(T, regs, lhs, acc, facc);
            let (b, c) = (r!(regs, rhs), r!(regs, c));
            let v = pair::<ops::$first, ops::$second>(
                a, SlotValue::read(b), SlotValue::read(c), $reversed);
            put!(regs, dst, v, acc, facc);
            Ok(Flow::Skip)
        });
    };
}

reader_pairs! {
    rr_r {
        F64MulAddAcc = F64Mul, F64Add;
        F64MulSubAcc = F64Mul, F64Sub;
        F64AddAddAcc = F64Add, F64Add;
        I32AddAddAcc = I32Add, I32Add;
        I32MulAddAcc = I32Mul, I32Add;
        I32AndAddAcc = I32And, I32Add;
        I32XorAddAcc = I32Xor, I32Add;
        I64MulAddAcc = I64Mul, I64Add;
        I64AddXorAcc = I64Add, I64Xor;
        F32MulAddAcc = F32Mul, F32Add;
        F32MulSubAcc = F32Mul, F32Sub;
        F32AddAddAcc = F32Add, F32Add;
    }
    r_rr {
        F64MulAddRevAcc = F64Mul, F64Add;
        F64MulSubRevAcc = F64Mul, F64Sub;
        F32MulAddRevAcc = F32Mul, F32Add;
        F32MulSubRevAcc = F32Mul, F32Sub;
    }
    ri_r {
        I32ShlImmXorAcc = I32ShlImm, I32Xor;
        I32ShrUImmXorAcc = I32ShrUImm, I32Xor;
        I32ShrUImmAddAcc = I32ShrUImm, I32Add;
        I32AndImmAddAcc = I32AndImm, I32Add;
        I64ShlImmAddAcc = I64ShlImm, I64Add;
    }
    ri_r_other {
        I32ShlImmXorAccOther = I32ShlImm, I32Xor;
        I32ShrUImmXorAccOther = I32ShrUImm, I32Xor;
        I32ShrUImmAddAccOther = I32ShrUImm, I32Add;
        I32AndImmAddAccOther = I32AndImm, I32Add;
        I64ShlImmAddAccOther = I64ShlImm, I64Add;
    }
    rr_i {
        I32AddAddImmAcc = I32Add, I32AddImm;
        I32MulAddImmAcc = I32Mul, I32AddImm;
    }
    ri_i {
        I32ShrUImmAndImmAcc = I32ShrUImm, I32AndImm;
        I32AddImmAndImmAcc = I32AddImm, I32AndImm;
        I32AndImmAddImmAcc = I32AndImm, I32AddImm;
        I32MulImmAddImmAcc = I32MulImm, I32AddImm;
    }
}
