//! Handlers that move values: copies, constants, `select`, references and globals.

use super::*;

op!(Copy { dst, src }, |ip, regs, cx, gas, acc, facc| {
    put!(regs, dst, r!(regs, src), acc, facc);
    Ok(Flow::Next)
});

// The copy of the result the instruction before handed on (`translator/result_register.rs`).
op!(CopyAcc { dst, src }, |ip, regs, cx, gas, acc, facc| {
    put!(regs, dst, from_acc!(u64, regs, src, acc, facc), acc, facc);
    Ok(Flow::Next)
});

// Hands on the second copy's value, as `Copy` hands on its own.
op!(Copy2 { dst0, src0, dst }, |ip, regs, cx, gas, acc, facc| {
    let (src, _, _) = data(ip);
    set!(regs, dst0, r!(regs, src0));
    put!(regs, dst, r!(regs, src), acc, facc);
    Ok(Flow::Skip)
});

// Hands on the copy's value, as `Copy` does.
op!(
    Const32Copy { dst0, val, dst },
    |ip, regs, cx, gas, acc, facc| {
        let (src, _, _) = data(ip);
        set!(regs, dst0, u64::from(val));
        put!(regs, dst, r!(regs, src), acc, facc);
        Ok(Flow::Skip)
    }
);

// Two constants (`translator/copy_pair.rs`); hands on nothing, as `Const32` does.
op!(Const32Pair { dst0, val, dst }, |ip, regs, cx| {
    let (second, _, _) = data(ip);
    set!(regs, dst0, u64::from(val));
    set!(regs, dst, u64::from(second));
    Ok(Flow::Skip)
});

op!(Const32 { dst, val }, |ip, regs, cx| {
    set!(regs, dst, u64::from(val));
    Ok(Flow::Next)
});

op!(Const64 { dst, lo, hi }, |ip, regs, cx| {
    set!(regs, dst, u64::from(lo) | (u64::from(hi) << 32));
    Ok(Flow::Next)
});

/// `a` when `holds`, else `b`, with no branch and no load waiting on `holds`: the caller
/// loads both, so that a select waits on its condition and its values at once (as a load of
/// the slot the condition chooses, the two waits come one after the other). A select's
/// condition often follows the data, as in a bitwise CRC, where a branch would be
/// mispredicted half the time.
#[inline(always)]
fn pick(holds: bool, a: u64, b: u64) -> u64 {
    std::hint::select_unpredictable(holds, opaque(a), b)
}

/// `v`, which the compiler can no longer trace to where it came from: two loaded values
/// picked by a condition then stay two loads, which the compiler would otherwise turn into
/// one load from the slot the condition picks.
#[inline(always)]
fn opaque(mut v: u64) -> u64 {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: the block is empty: it only declares that it reads and writes `v`'s register,
    // touching no memory, no other register, no flag and not the stack.
    unsafe {
        std::arch::asm!("/* {v} */", v = inout(reg) v, options(pure, nomem, nostack, preserves_flags));
    }
    v
}

// Every select hands its result on as the slot holds it, an f64 too, in the integer
// register: an f64 operator never reads it from there (it reads the float register), only
// the readers that move bits, such as a store, a copy or a return
// (`translator/result_register.rs`).
op!(Select { dst, a, b }, |ip, regs, cx, gas, acc, facc| {
    let (cond, _, _) = data(ip);
    let v = pick(u32_!(regs, cond) != 0, r!(regs, a), r!(regs, b));
    put!(regs, dst, v, acc, facc);
    Ok(Flow::Skip)
});

/// [`Select`] on a comparison of two slots (`$variant`) or of a slot and an immediate
/// (`$imm`), both read as `$t`, named in the data word.
macro_rules! select_compare {
    ($($variant:ident, $imm:ident($t:ty) = $f:expr;)*) => {$(
        op!($variant { dst, a, b } whole, |ip, regs, cx, gas, acc, facc| {
            let (lhs, rhs, _) = data(ip);
            let holds = apply2::<$t, _>(
                $f,
                SlotValue::read(r!(regs, lhs)),
                SlotValue::read(r!(regs, rhs)),
            );
            put!(regs, dst, pick(holds, r!(regs, a), r!(regs, b)), acc, facc);
            Ok(Flow::Skip)
        });
        op!($imm { dst, a, b } whole, |ip, regs, cx, gas, acc, facc| {
            let (lhs, imm, _) = data(ip);
            let holds = apply2::<$t, _>(
                $f,
                SlotValue::read(r!(regs, lhs)),
                <$t as FromImm>::from_imm(imm as i32),
            );
            put!(regs, dst, pick(holds, r!(regs, a), r!(regs, b)), acc, facc);
            Ok(Flow::Skip)
        });
    )*};
}

select_compare! {
    SelectI32Eq, SelectI32EqImm(u32) = |a, b| a == b;
    SelectI32Ne, SelectI32NeImm(u32) = |a, b| a != b;
    SelectI32LtS, SelectI32LtSImm(i32) = |a, b| a < b;
    SelectI32LtU, SelectI32LtUImm(u32) = |a, b| a < b;
    SelectI32GtS, SelectI32GtSImm(i32) = |a, b| a > b;
    SelectI32GtU, SelectI32GtUImm(u32) = |a, b| a > b;
    SelectI32LeS, SelectI32LeSImm(i32) = |a, b| a <= b;
    SelectI32LeU, SelectI32LeUImm(u32) = |a, b| a <= b;
    SelectI32GeS, SelectI32GeSImm(i32) = |a, b| a >= b;
    SelectI32GeU, SelectI32GeUImm(u32) = |a, b| a >= b;
    SelectI32AndNez, SelectI32AndNezImm(u32) = |a, b| a & b != 0;
}

op!(RefFunc { dst, func }, |ip, regs, cx| {
    let addr = cx.s.instances[cx.inst as usize].funcs[func as usize];
    set!(regs, dst, u64::from(addr) + 1);
    Ok(Flow::Next)
});

unary! {
    RefIsNull(u64) = |v| v == 0;
}

op!(RefAsNonNull { dst, src }, |ip, regs, cx| {
    let v = r!(regs, src);
    if v == 0 {
        return Err(TrapCode::NullReference);
    }
    set!(regs, dst, v);
    Ok(Flow::Next)
});

op!(GlobalGet { dst, global }, |ip, regs, cx, gas, acc, facc| {
    put!(regs, dst, cx.global(global).value, acc, facc);
    Ok(Flow::Next)
});

op!(GlobalSet { src, global }, |ip, regs, cx| {
    cx.global(global).value = r!(regs, src);
    Ok(Flow::Next)
});

// A global stepped by a constant, and a global set to a slot plus a constant
// (`translator/global_add.rs`).
op!(
    GlobalAddI32 { dst, global, imm },
    |ip, regs, cx, gas, acc, facc| {
        let g = cx.global(global);
        let v = w32!((g.value as u32).wrapping_add(imm as u32));
        g.value = v;
        put!(regs, dst, v, acc, facc);
        Ok(Flow::Next)
    }
);

op!(GlobalSetAddI32 { src, global, imm }, |ip, regs, cx| {
    cx.global(global).value = w32!(u32_!(regs, src).wrapping_add(imm as u32));
    Ok(Flow::Next)
});
