//! Handlers of integer arithmetic and comparisons, one line per operator.

use super::*;
use crate::engine::numeric as num;

int_binary! {
    I32Add, I32AddImm(u32) = u32::wrapping_add;
    I32Sub, I32SubImm(u32) = u32::wrapping_sub;
    I32Mul, I32MulImm(u32) = u32::wrapping_mul;
    I32DivS, I32DivSImm(i32) = num::i32_div_s, ?;
    I32DivU, I32DivUImm(i32) = num::i32_div_u, ?;
    I32RemS, I32RemSImm(i32) = num::i32_rem_s, ?;
    I32RemU, I32RemUImm(i32) = num::i32_rem_u, ?;
    I32And, I32AndImm(u32) = |a, b| a & b;
    I32Or, I32OrImm(u32) = |a, b| a | b;
    I32Xor, I32XorImm(u32) = |a, b| a ^ b;
    I32Shl, I32ShlImm(u32) = u32::wrapping_shl;
    I32ShrS, I32ShrSImm(i32) = |a, b| a.wrapping_shr(b as u32);
    I32ShrU, I32ShrUImm(u32) = u32::wrapping_shr;
    I32Rotl, I32RotlImm(u32) = u32::rotate_left;
    I32Rotr, I32RotrImm(u32) = u32::rotate_right;
}

int_binary! {
    I64Add, I64AddImm(u64) = u64::wrapping_add;
    I64Sub, I64SubImm(u64) = u64::wrapping_sub;
    I64Mul, I64MulImm(u64) = u64::wrapping_mul;
    I64DivS, I64DivSImm(i64) = num::i64_div_s, ?;
    I64DivU, I64DivUImm(i64) = num::i64_div_u, ?;
    I64RemS, I64RemSImm(i64) = num::i64_rem_s, ?;
    I64RemU, I64RemUImm(i64) = num::i64_rem_u, ?;
    I64And, I64AndImm(u64) = |a, b| a & b;
    I64Or, I64OrImm(u64) = |a, b| a | b;
    I64Xor, I64XorImm(u64) = |a, b| a ^ b;
    I64Shl, I64ShlImm(u64) = |a, b| a.wrapping_shl(b as u32);
    I64ShrS, I64ShrSImm(i64) = |a, b| a.wrapping_shr(b as u32);
    I64ShrU, I64ShrUImm(u64) = |a, b| a.wrapping_shr(b as u32);
    I64Rotl, I64RotlImm(u64) = |a, b| a.rotate_left((b & 63) as u32);
    I64Rotr, I64RotrImm(u64) = |a, b| a.rotate_right((b & 63) as u32);
}

// `lhs & !rhs` and `lhs | !rhs`: a bitwise not fused with the and/or consuming it
// (`translator/and_not.rs`).
binary! {
    I32AndNot(u32) = |a, b| a & !b;
    I32OrNot(u32) = |a, b| a | !b;
    I64AndNot(u64) = |a, b| a & !b;
    I64OrNot(u64) = |a, b| a | !b;
}

/// Two shifts or rotations of one value by constants, combined: a row
/// `Name, NameAcc(T) = |a, b| combined;` gives the handler reading the value from its slot and
/// the one reading it from the result register (`translator/two_shifts.rs`).
macro_rules! two_shifts {
    ($($name:ident, $acc_name:ident($t:ty) = |$a:ident, $b:ident| $combine:expr;)*) => {$(
        op!($name { dst, lhs, masks, r1, r2 } whole, |ip, regs, cx, gas, acc, facc| {
            let x = r!(regs, lhs) as $t;
            put!(regs, dst, two_shifts!(@of $t, x, masks, r1, r2, |$a, $b| $combine), acc, facc);
            Ok(Flow::Next)
        });
        op!($acc_name { dst, lhs, masks, r1, r2 } whole, |ip, regs, cx, gas, acc, facc| {
            let x = from_acc!($t, regs, lhs, acc, facc);
            put!(regs, dst, two_shifts!(@of $t, x, masks, r1, r2, |$a, $b| $combine), acc, facc);
            Ok(Flow::Next)
        });
    )*};
    (@of $t:ty, $x:ident, $masks:ident, $r1:ident, $r2:ident, |$a:ident, $b:ident| $combine:expr) => {{
        // Side `rotl(x, r) & mask(m)`, `m` the low byte of `masks` or the next one.
        let table = <$t as ShiftMasks>::TABLE;
        let side = |r: u8, m: u32| $x.rotate_left(u32::from(r)) & table[(m & 0xff) as usize];
        let ($a, $b) = (side($r1, $masks), side($r2, $masks >> 8));
        $combine
    }};
}

/// The masks of the sides of a `..Shifts..` instruction, for its width: entry `k` is all
/// ones, `64 + k` is `MAX << k`, `128 + k` is `MAX >> k` (`k` below the width), and the rest
/// all ones, so that any byte indexes it (no bounds check).
trait ShiftMasks: Sized + 'static {
    const TABLE: &'static [Self; 256];
}

/// Generates [`ShiftMasks`] for an integer type of `$bits` bits.
macro_rules! shift_masks {
    ($($t:ty: $bits:literal),*) => {$(
        impl ShiftMasks for $t {
            const TABLE: &'static [$t; 256] = &{
                let mut table = [<$t>::MAX; 256];
                let mut k = 0;
                while k < $bits {
                    table[64 + k] = <$t>::MAX << k;
                    table[128 + k] = <$t>::MAX >> k;
                    k += 1;
                }
                table
            };
        }
    )*};
}

shift_masks!(u32: 32, u64: 64);

two_shifts! {
    I32ShiftsAdd, I32ShiftsAddAcc(u32) = |a, b| a.wrapping_add(b);
    I32ShiftsXor, I32ShiftsXorAcc(u32) = |a, b| a ^ b;
    I32ShiftsOr, I32ShiftsOrAcc(u32) = |a, b| a | b;
    I64ShiftsAdd, I64ShiftsAddAcc(u64) = |a, b| a.wrapping_add(b);
    I64ShiftsXor, I64ShiftsXorAcc(u64) = |a, b| a ^ b;
    I64ShiftsOr, I64ShiftsOrAcc(u64) = |a, b| a | b;
}

// `rotl(lhs + imm, rot)`: the add of a constant and the rotation of its sum in one dispatch
// (`translator/add_rotl.rs`).
op!(
    I32AddImmRotl { dst, lhs, imm, rot },
    |ip, regs, cx, gas, acc, facc| {
        let v = u32_!(regs, lhs).wrapping_add(imm as u32);
        put!(regs, dst, v.rotate_left(u32::from(rot)), acc, facc);
        Ok(Flow::Next)
    }
);

// The forms of the fused operators above reading an operand from the result register
// (`translator/result_register.rs`): `lhs`, or `rhs` for the `AccRhs` forms.
reader_binary! {
    I32AndNotAcc(u32) = |a, b| a & !b;
    I32OrNotAcc(u32) = |a, b| a | !b;
    I64AndNotAcc(u64) = |a, b| a & !b;
    I64OrNotAcc(u64) = |a, b| a | !b;
}

reader_binary_rhs! {
    I32AndNotAccRhs(u32) = |a, b| a & !b;
    I32OrNotAccRhs(u32) = |a, b| a | !b;
    I64AndNotAccRhs(u64) = |a, b| a & !b;
    I64OrNotAccRhs(u64) = |a, b| a | !b;
}

op!(
    I32AddImmRotlAcc { dst, lhs, imm, rot },
    |ip, regs, cx, gas, acc, facc| {
        let v = from_acc!(u32, regs, lhs, acc, facc).wrapping_add(imm as u32);
        put!(regs, dst, v.rotate_left(u32::from(rot)), acc, facc);
        Ok(Flow::Next)
    }
);

// Hands on the second sum, as `I32AddImm` hands on its own (`translator/add_imm_pair.rs`).
op!(
    I32AddImm2 { dst0, lhs0, dst } whole,
    |ip, regs, cx, gas, acc, facc| {
        let (lhs, imm0, imm) = data(ip);
        set!(
            regs,
            dst0,
            u64::from((r!(regs, lhs0) as u32).wrapping_add(imm0))
        );
        let v = u64::from((r!(regs, lhs) as u32).wrapping_add(imm));
        put!(regs, dst, v, acc, facc);
        Ok(Flow::Skip)
    }
);

// Hand on the second sum too; the second's operands are read after the first sum is
// written, which may alias them for all the compiler knows, so that fewer registers are live.
op!(
    I32AddImmThenAdd { dst0, lhs0, dst } whole,
    |ip, regs, cx, gas, acc, facc| {
        let (_, imm0, _) = data(ip);
        let first = (r!(regs, lhs0) as u32).wrapping_add(imm0);
        set!(regs, dst0, u64::from(first));
        let (lhs, _, rhs) = data(ip);
        let v = (r!(regs, lhs) as u32).wrapping_add(r!(regs, rhs) as u32);
        put!(regs, dst, u64::from(v), acc, facc);
        Ok(Flow::Skip)
    }
);

op!(
    I32AddThenAddImm { dst0, lhs0, dst } whole,
    |ip, regs, cx, gas, acc, facc| {
        let (rhs0, _, _) = data(ip);
        let first = (r!(regs, lhs0) as u32).wrapping_add(r!(regs, rhs0) as u32);
        set!(regs, dst0, u64::from(first));
        let (_, lhs, imm) = data(ip);
        let v = (r!(regs, lhs) as u32).wrapping_add(imm);
        put!(regs, dst, u64::from(v), acc, facc);
        Ok(Flow::Skip)
    }
);

/// A masked value kept in its slot and compared with a constant to branch
/// (`translator/and_branch.rs`): hands on the masked value, falling through or taken.
macro_rules! and_branch {
    ($($variant:ident = $f:expr;)*) => {$(
        op!($variant { dst, lhs, offset } whole, |ip, regs, cx, gas, acc, facc| {
            let (mask, imm, _) = data(ip);
            let v = (r!(regs, lhs) as u32) & mask;
            put!(regs, dst, u64::from(v), acc, facc);
            Ok(if $f(v, imm) { Flow::Jump(offset) } else { Flow::Skip })
        });
    )*};
}

and_branch! {
    I32AndImmBrEqImm = |a, b| a == b;
    I32AndImmBrNeImm = |a, b| a != b;
}

// Each comparison also gives the fused compare-and-branch instructions (`translator/fuse.rs`).
compare! {
    I32Eq, I32EqImm, BrI32Eq, BrI32EqImm(u32) = |a, b| a == b;
    I32Ne, I32NeImm, BrI32Ne, BrI32NeImm(u32) = |a, b| a != b;
    I32LtS, I32LtSImm, BrI32LtS, BrI32LtSImm(i32) = |a, b| a < b;
    I32LtU, I32LtUImm, BrI32LtU, BrI32LtUImm(u32) = |a, b| a < b;
    I32GtS, I32GtSImm, BrI32GtS, BrI32GtSImm(i32) = |a, b| a > b;
    I32GtU, I32GtUImm, BrI32GtU, BrI32GtUImm(u32) = |a, b| a > b;
    I32LeS, I32LeSImm, BrI32LeS, BrI32LeSImm(i32) = |a, b| a <= b;
    I32LeU, I32LeUImm, BrI32LeU, BrI32LeUImm(u32) = |a, b| a <= b;
    I32GeS, I32GeSImm, BrI32GeS, BrI32GeSImm(i32) = |a, b| a >= b;
    I32GeU, I32GeUImm, BrI32GeU, BrI32GeUImm(u32) = |a, b| a >= b;
}

// The bit tests: an `i32.and` fused with the branch testing it for zero (`translator/fuse.rs`).
compare_branch! {
    BrI32AndNez, BrI32AndImmNez(u32) = |a, b| a & b != 0;
    BrI32AndEqz, BrI32AndImmEqz(u32) = |a, b| a & b == 0;
}

// A masked field compared with a constant, fused with the branch on it (`translator/fuse.rs`).
masked_branch! {
    BrI32AndImmEqImm = |a, b| a == b;
    BrI32AndImmNeImm = |a, b| a != b;
}

// A masked field compared with another value, fused with the branch on it
// (`translator/fuse.rs`), reading either operand from the result register or neither.
masked_compare_branch! {
    BrI32AndImmEq, BrI32AndImmEqAcc, BrI32AndImmEqAccRhs = |a: u32, b: u32| a == b;
    BrI32AndImmNe, BrI32AndImmNeAcc, BrI32AndImmNeAccRhs = |a: u32, b: u32| a != b;
}

// Each i32 comparison also gives a branch fused with the counter step before it
// (`translator/step.rs`).
step_compare! {
    step_i32, loops_step_i32, rounds_step_i32;
    StepBrI32Eq, StepBrI32EqImm(u32) = |a, b| a == b;
    StepBrI32Ne, StepBrI32NeImm(u32) = |a, b| a != b;
    StepBrI32LtS, StepBrI32LtSImm(i32) = |a, b| a < b;
    StepBrI32LtU, StepBrI32LtUImm(u32) = |a, b| a < b;
    StepBrI32GtS, StepBrI32GtSImm(i32) = |a, b| a > b;
    StepBrI32GtU, StepBrI32GtUImm(u32) = |a, b| a > b;
    StepBrI32LeS, StepBrI32LeSImm(i32) = |a, b| a <= b;
    StepBrI32LeU, StepBrI32LeUImm(u32) = |a, b| a <= b;
    StepBrI32GeS, StepBrI32GeSImm(i32) = |a, b| a >= b;
    StepBrI32GeU, StepBrI32GeUImm(u32) = |a, b| a >= b;
}

// And for an i64 counter (`translator/step.rs`).
step_compare! {
    step_i64, loops_step_i64, rounds_step_i64;
    StepBrI64Eq, StepBrI64EqImm(u64) = |a, b| a == b;
    StepBrI64Ne, StepBrI64NeImm(u64) = |a, b| a != b;
    StepBrI64LtS, StepBrI64LtSImm(i64) = |a, b| a < b;
    StepBrI64LtU, StepBrI64LtUImm(u64) = |a, b| a < b;
    StepBrI64GtS, StepBrI64GtSImm(i64) = |a, b| a > b;
    StepBrI64GtU, StepBrI64GtUImm(u64) = |a, b| a > b;
    StepBrI64LeS, StepBrI64LeSImm(i64) = |a, b| a <= b;
    StepBrI64LeU, StepBrI64LeUImm(u64) = |a, b| a <= b;
    StepBrI64GeS, StepBrI64GeSImm(i64) = |a, b| a >= b;
    StepBrI64GeU, StepBrI64GeUImm(u64) = |a, b| a >= b;
}

// And for a counter stepped by a slot (`translator/step.rs`).
step_reg_compare! {
    step_reg_i32, loops_step_reg_i32, rounds_step_reg_i32;
    StepRegBrI32Eq(u32) = |a, b| a == b;
    StepRegBrI32Ne(u32) = |a, b| a != b;
    StepRegBrI32LtS(i32) = |a, b| a < b;
    StepRegBrI32LtU(u32) = |a, b| a < b;
    StepRegBrI32GtS(i32) = |a, b| a > b;
    StepRegBrI32GtU(u32) = |a, b| a > b;
    StepRegBrI32LeS(i32) = |a, b| a <= b;
    StepRegBrI32LeU(u32) = |a, b| a <= b;
    StepRegBrI32GeS(i32) = |a, b| a >= b;
    StepRegBrI32GeU(u32) = |a, b| a >= b;
}

step_reg_compare! {
    step_reg_i64, loops_step_reg_i64, rounds_step_reg_i64;
    StepRegBrI64Eq(u64) = |a, b| a == b;
    StepRegBrI64Ne(u64) = |a, b| a != b;
    StepRegBrI64LtS(i64) = |a, b| a < b;
    StepRegBrI64LtU(u64) = |a, b| a < b;
    StepRegBrI64GtS(i64) = |a, b| a > b;
    StepRegBrI64GtU(u64) = |a, b| a > b;
    StepRegBrI64LeS(i64) = |a, b| a <= b;
    StepRegBrI64LeU(u64) = |a, b| a <= b;
    StepRegBrI64GeS(i64) = |a, b| a >= b;
    StepRegBrI64GeU(u64) = |a, b| a >= b;
}

compare! {
    I64Eq, I64EqImm, BrI64Eq, BrI64EqImm(u64) = |a, b| a == b;
    I64Ne, I64NeImm, BrI64Ne, BrI64NeImm(u64) = |a, b| a != b;
    I64LtS, I64LtSImm, BrI64LtS, BrI64LtSImm(i64) = |a, b| a < b;
    I64LtU, I64LtUImm, BrI64LtU, BrI64LtUImm(u64) = |a, b| a < b;
    I64GtS, I64GtSImm, BrI64GtS, BrI64GtSImm(i64) = |a, b| a > b;
    I64GtU, I64GtUImm, BrI64GtU, BrI64GtUImm(u64) = |a, b| a > b;
    I64LeS, I64LeSImm, BrI64LeS, BrI64LeSImm(i64) = |a, b| a <= b;
    I64LeU, I64LeUImm, BrI64LeU, BrI64LeUImm(u64) = |a, b| a <= b;
    I64GeS, I64GeSImm, BrI64GeS, BrI64GeSImm(i64) = |a, b| a >= b;
    I64GeU, I64GeUImm, BrI64GeU, BrI64GeUImm(u64) = |a, b| a >= b;
}

// The forms reading `lhs` from the result register (`translator/result_register.rs`).
reader_int_binary! {
    I32AddAcc, I32AddImmAcc(u32) = u32::wrapping_add;
    I32SubAcc, I32SubImmAcc(u32) = u32::wrapping_sub;
    I32MulAcc, I32MulImmAcc(u32) = u32::wrapping_mul;
    I32AndAcc, I32AndImmAcc(u32) = |a, b| a & b;
    I32OrAcc, I32OrImmAcc(u32) = |a, b| a | b;
    I32XorAcc, I32XorImmAcc(u32) = |a, b| a ^ b;
    I32ShlAcc, I32ShlImmAcc(u32) = u32::wrapping_shl;
    I32ShrSAcc, I32ShrSImmAcc(i32) = |a, b| a.wrapping_shr(b as u32);
    I32ShrUAcc, I32ShrUImmAcc(u32) = u32::wrapping_shr;
    I32RotlAcc, I32RotlImmAcc(u32) = u32::rotate_left;
    I32RotrAcc, I32RotrImmAcc(u32) = u32::rotate_right;
}

reader_int_binary! {
    I64AddAcc, I64AddImmAcc(u64) = u64::wrapping_add;
    I64SubAcc, I64SubImmAcc(u64) = u64::wrapping_sub;
    I64MulAcc, I64MulImmAcc(u64) = u64::wrapping_mul;
    I64AndAcc, I64AndImmAcc(u64) = |a, b| a & b;
    I64OrAcc, I64OrImmAcc(u64) = |a, b| a | b;
    I64XorAcc, I64XorImmAcc(u64) = |a, b| a ^ b;
    I64ShlAcc, I64ShlImmAcc(u64) = |a, b| a.wrapping_shl(b as u32);
    I64ShrSAcc, I64ShrSImmAcc(i64) = |a, b| a.wrapping_shr(b as u32);
    I64ShrUAcc, I64ShrUImmAcc(u64) = |a, b| a.wrapping_shr(b as u32);
    I64RotlAcc, I64RotlImmAcc(u64) = |a, b| a.rotate_left((b & 63) as u32);
    I64RotrAcc, I64RotrImmAcc(u64) = |a, b| a.rotate_right((b & 63) as u32);
}

reader_compare! {
    BrI32EqAcc, BrI32EqImmAcc(u32) = |a, b| a == b;
    BrI32NeAcc, BrI32NeImmAcc(u32) = |a, b| a != b;
    BrI32LtSAcc, BrI32LtSImmAcc(i32) = |a, b| a < b;
    BrI32LtUAcc, BrI32LtUImmAcc(u32) = |a, b| a < b;
    BrI32GtSAcc, BrI32GtSImmAcc(i32) = |a, b| a > b;
    BrI32GtUAcc, BrI32GtUImmAcc(u32) = |a, b| a > b;
    BrI32LeSAcc, BrI32LeSImmAcc(i32) = |a, b| a <= b;
    BrI32LeUAcc, BrI32LeUImmAcc(u32) = |a, b| a <= b;
    BrI32GeSAcc, BrI32GeSImmAcc(i32) = |a, b| a >= b;
    BrI32GeUAcc, BrI32GeUImmAcc(u32) = |a, b| a >= b;
}

reader_compare! {
    BrI32AndNezAcc, BrI32AndImmNezAcc(u32) = |a, b| a & b != 0;
    BrI32AndEqzAcc, BrI32AndImmEqzAcc(u32) = |a, b| a & b == 0;
}

// And reading the masked value from the result register.
reader_masked! {
    BrI32AndImmEqImmAcc = |a, b| a == b;
    BrI32AndImmNeImmAcc = |a, b| a != b;
}

reader_compare! {
    BrI64EqAcc, BrI64EqImmAcc(u64) = |a, b| a == b;
    BrI64NeAcc, BrI64NeImmAcc(u64) = |a, b| a != b;
    BrI64LtSAcc, BrI64LtSImmAcc(i64) = |a, b| a < b;
    BrI64LtUAcc, BrI64LtUImmAcc(u64) = |a, b| a < b;
    BrI64GtSAcc, BrI64GtSImmAcc(i64) = |a, b| a > b;
    BrI64GtUAcc, BrI64GtUImmAcc(u64) = |a, b| a > b;
    BrI64LeSAcc, BrI64LeSImmAcc(i64) = |a, b| a <= b;
    BrI64LeUAcc, BrI64LeUImmAcc(u64) = |a, b| a <= b;
    BrI64GeSAcc, BrI64GeSImmAcc(i64) = |a, b| a >= b;
    BrI64GeUAcc, BrI64GeUImmAcc(u64) = |a, b| a >= b;
}

unary! {
    I32Eqz(u32) = |v| v == 0;
    I32Clz(u32) = u32::leading_zeros;
    I32Ctz(u32) = u32::trailing_zeros;
    I32Popcnt(u32) = u32::count_ones;
    I32Extend8S(i32) = |v| i32::from(v as i8);
    I32Extend16S(i32) = |v| i32::from(v as i16);
}

unary! {
    I64Eqz(u64) = |v| v == 0;
    I64Clz(u64) = u64::leading_zeros;
    I64Ctz(u64) = u64::trailing_zeros;
    I64Popcnt(u64) = u64::count_ones;
    I64Extend8S(i64) = |v| i64::from(v as i8);
    I64Extend16S(i64) = |v| i64::from(v as i16);
    I64Extend32S(i64) = |v| i64::from(v as i32);
}

// ----- wide arithmetic: 128-bit results in two slots ---------------------------------------------

/// `(hi:lo) = f(lhs, rhs)` over 128-bit integers given as two i64 halves each; every operand
/// is read before either result is written (the results may reuse the operands' slots).
macro_rules! wide_pair {
    ($($variant:ident = $f:expr;)*) => {$(
        op!($variant { lo, hi, lhs_lo }, |ip, regs, cx| {
            let (lhs_hi, rhs_lo, rhs_hi) = data(ip);
            let lhs = u128::from(r!(regs, lhs_lo)) | u128::from(r!(regs, lhs_hi)) << 64;
            let rhs = u128::from(r!(regs, rhs_lo)) | u128::from(r!(regs, rhs_hi)) << 64;
            let v: u128 = $f(lhs, rhs);
            set!(regs, lo, v as u64);
            set!(regs, hi, (v >> 64) as u64);
            Ok(Flow::Skip)
        });
    )*};
}

wide_pair! {
    I64Add128 = u128::wrapping_add;
    I64Sub128 = u128::wrapping_sub;
}

/// `(hi:lo) = lhs * rhs`, the full 128-bit product of two i64 widened by `$widen`.
macro_rules! mul_wide {
    ($($variant:ident = $widen:expr;)*) => {$(
        op!($variant { lo, hi, lhs }, |ip, regs, cx| {
            let (rhs, _, _) = data(ip);
            let widen: fn(u64) -> u128 = $widen;
            let v = widen(r!(regs, lhs)).wrapping_mul(widen(r!(regs, rhs)));
            set!(regs, lo, v as u64);
            set!(regs, hi, (v >> 64) as u64);
            Ok(Flow::Skip)
        });
    )*};
}

mul_wide! {
    I64MulWideS = |v| i128::from(v as i64) as u128;
    I64MulWideU = u128::from;
}
