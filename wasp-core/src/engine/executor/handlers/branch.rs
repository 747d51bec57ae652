//! Handlers of the plain branches; the fused compare-and-branch ones are made with their
//! comparison in `int.rs`.

use super::*;

op!(Br { offset }, |ip, regs, cx| { Ok(Flow::Jump(offset)) });

/// Branches by `offset` when `f(cond)` holds, `cond` read as a `$t`.
macro_rules! branch_on {
    ($($variant:ident($t:ty) = $f:expr;)*) => {$(
        op!($variant { cond, offset }, |ip, regs, cx| {
            branch_if!(apply1::<$t, _>($f, SlotValue::read(r!(regs, cond))), offset)
        });
    )*};
}

branch_on! {
    BrIfEqz(u32) = |v| v == 0;
    BrIfNez(u32) = |v| v != 0;
    BrI64IfEqz(u64) = |v| v == 0;
    BrI64IfNez(u64) = |v| v != 0;
}

/// [`branch_on!`] reading `cond` from the result register (`translator/result_register.rs`).
macro_rules! reader_branch_on {
    ($($variant:ident($t:ty) = $f:expr;)*) => {$(
        op!($variant { cond, offset }, |ip, regs, cx, gas, acc, facc| {
            let v = from_acc!($t, regs, cond, acc, facc);
            (*acc, *facc) = (NO_ACC, NO_FACC);
            branch_if!(apply1::<$t, _>($f, v), offset)
        });
    )*};
}

reader_branch_on! {
    BrIfEqzAcc(u32) = |v| v == 0;
    BrIfNezAcc(u32) = |v| v != 0;
    BrI64IfEqzAcc(u64) = |v| v == 0;
    BrI64IfNezAcc(u64) = |v| v != 0;
}

/// A copy, then [`branch_on!`]: `dst = src` with `src` in the data word, then the branch on
/// `cond` (read after the copy); not taken, on past the data word. The copied value goes on
/// in the result register either way (a loop's head may read its parameter from there).
macro_rules! copy_branch_on {
    ($($variant:ident($t:ty) = $f:expr;)*) => {$(
        op!($variant { cond, offset, dst }, |ip, regs, cx, gas, acc, facc| {
            let (src, _, _) = data(ip);
            put!(regs, dst, r!(regs, src), acc, facc);
            Ok(if apply1::<$t, _>($f, SlotValue::read(r!(regs, cond))) {
                Flow::Jump(offset)
            } else {
                Flow::Skip
            })
        });
    )*};
}

copy_branch_on! {
    CopyBrIfEqz(u32) = |v| v == 0;
    CopyBrIfNez(u32) = |v| v != 0;
}

/// What a copy from slot `$src` copies, in a branch that read its condition `$cond` from the
/// result register as `$v`: `$v` itself when the copy reads the condition's slot, so that the
/// value carried waits on no reload of that slot.
macro_rules! copied {
    ($regs:expr, $src:expr, $cond:expr, $v:expr) => {
        if $src == $cond {
            u64::from($v)
        } else {
            r!($regs, $src)
        }
    };
}

/// [`copy_branch_on!`] reading `cond` from the result register; the copy reads it from there
/// too when its `src` is `cond` (a value tested and carried both, as `local.tee` then `br_if`
/// leave it), so that the next iteration's use of it waits on no slot.
macro_rules! reader_copy_branch_on {
    ($($variant:ident($t:ty) = $f:expr;)*) => {$(
        op!($variant { cond, offset, dst }, |ip, regs, cx, gas, acc, facc| {
            let (src, _, _) = data(ip);
            let v = from_acc!($t, regs, cond, acc, facc);
            let copied = copied!(regs, src, cond, v);
            put!(regs, dst, copied, acc, facc);
            Ok(if apply1::<$t, _>($f, v) {
                Flow::Jump(offset)
            } else {
                Flow::Skip
            })
        });
    )*};
}

reader_copy_branch_on! {
    CopyBrIfEqzAcc(u32) = |v| v == 0;
    CopyBrIfNezAcc(u32) = |v| v != 0;
}

/// [`branch_on!`] back into a loop whose first instruction is a copy: taken, does that copy
/// (`dst = src`, `src` in the data word) and hands the value on in the result register to
/// the instruction after it, where it lands (`translator/copy_branch.rs`).
macro_rules! branch_on_copy {
    ($($variant:ident($t:ty) = $f:expr;)*) => {$(
        op!($variant { cond, offset, dst }, |ip, regs, cx, gas, acc, facc| {
            Ok(if apply1::<$t, _>($f, SlotValue::read(r!(regs, cond))) {
                let (src, _, _) = data(ip);
                put!(regs, dst, r!(regs, src), acc, facc);
                Flow::Jump(offset)
            } else {
                Flow::Skip
            })
        });
    )*};
}

branch_on_copy! {
    BrIfEqzCopy(u32) = |v| v == 0;
    BrIfNezCopy(u32) = |v| v != 0;
}

/// [`copy_branch_on!`] back into a loop whose first instruction is a copy: `dst = a`, the
/// test, then, taken, the loop's copy `b = c`, handing on what it copied last (`b` taken,
/// `dst` not), as the instructions one after the other would.
macro_rules! copy_branch_on_copy {
    ($($variant:ident($t:ty) = $f:expr;)*) => {$(
        op!($variant { cond, offset, dst }, |ip, regs, cx, gas, acc, facc| {
            let (src, _, _) = data(ip);
            put!(regs, dst, r!(regs, src), acc, facc);
            Ok(if apply1::<$t, _>($f, SlotValue::read(r!(regs, cond))) {
                // Read here, not with `src`: taken alone, the two take no registers before.
                let (_, head_dst, head_src) = data(ip);
                put!(regs, head_dst, r!(regs, head_src), acc, facc);
                Flow::Jump(offset)
            } else {
                Flow::Skip
            })
        });
    )*};
}

copy_branch_on_copy! {
    CopyBrIfEqzCopy(u32) = |v| v == 0;
    CopyBrIfNezCopy(u32) = |v| v != 0;
}

/// [`branch_on_copy!`] reading `cond` from the result register; the loop's copy reads it
/// from there too when its source is `cond`.
macro_rules! reader_branch_on_copy {
    ($($variant:ident($t:ty) = $f:expr;)*) => {$(
        op!($variant { cond, offset, dst }, |ip, regs, cx, gas, acc, facc| {
            let v = from_acc!($t, regs, cond, acc, facc);
            Ok(if apply1::<$t, _>($f, v) {
                let (src, _, _) = data(ip);
                let copied = copied!(regs, src, cond, v);
                put!(regs, dst, copied, acc, facc);
                Flow::Jump(offset)
            } else {
                (*acc, *facc) = (NO_ACC, NO_FACC);
                Flow::Skip
            })
        });
    )*};
}

reader_branch_on_copy! {
    BrIfEqzCopyAcc(u32) = |v| v == 0;
    BrIfNezCopyAcc(u32) = |v| v != 0;
}

/// [`copy_branch_on_copy!`] reading `cond` from the result register; each copy reads it from
/// there too when its source is `cond`. The first copy does not write `cond` (the verifier
/// checks it), so the loop's copy still finds it there.
macro_rules! reader_copy_branch_on_copy {
    ($($variant:ident($t:ty) = $f:expr;)*) => {$(
        op!($variant { cond, offset, dst }, |ip, regs, cx, gas, acc, facc| {
            let (src, _, _) = data(ip);
            let v = from_acc!($t, regs, cond, acc, facc);
            let copied = copied!(regs, src, cond, v);
            put!(regs, dst, copied, acc, facc);
            Ok(if apply1::<$t, _>($f, v) {
                let (_, head_dst, head_src) = data(ip);
                let copied = copied!(regs, head_src, cond, v);
                put!(regs, head_dst, copied, acc, facc);
                Flow::Jump(offset)
            } else {
                Flow::Skip
            })
        });
    )*};
}

reader_copy_branch_on_copy! {
    CopyBrIfEqzCopyAcc(u32) = |v| v == 0;
    CopyBrIfNezCopyAcc(u32) = |v| v != 0;
}

// A branch into a loop doing the loop's first instruction, a copy (`translator/copy_branch.rs`):
// the copied value goes on in the result register to the instruction after the copy, where
// it lands.
op!(
    BrCopy { offset, dst, src },
    |ip, regs, cx, gas, acc, facc| {
        put!(regs, dst, r!(regs, src), acc, facc);
        Ok(Flow::Jump(offset))
    }
);
