//! Handlers of the control instructions: traps, gas, branch tables and returns.

use super::*;

op!(Data {}, |ip, regs, cx| { Err(TrapCode::Unreachable) });

op!(Unreachable {}, |ip, regs, cx| {
    Err(TrapCode::Unreachable)
});

op!(ConsumeGas {}, |ip, regs, cx, gas| {
    match pay_block(ip, gas) {
        Some(flow) => Ok(flow),
        None => Ok(Flow::Next),
    }
});

/// The branch of the `BrTable` at `ip` with `len + 1` entries for the value `index`.
#[inline(always)]
fn table_jump(ip: *const Op, index: u32, len: u32) -> Flow {
    let entry = 1 + index.min(len) as usize;
    // The entry is a `Br` (invariant 5 of `translator/verify.rs`): jump straight to where it
    // leads, one dispatch instead of two (entries cost no gas of their own, and no pause
    // stops at one).
    // SAFETY: the `len + 1` instructions after a `BrTable` are its entries, inside the
    // function (invariant 2).
    Flow::Through(unsafe { ip.add(entry) })
}

op!(BrTable { index, len }, |ip, regs, cx| {
    Ok(table_jump(ip, u32_!(regs, index), len))
});

// The index handed on by the instruction before (`translator/result_register.rs`): the
// table's jump waits on no reload of a slot just written.
op!(BrTableAcc { index, len }, |ip, regs, cx, gas, acc, facc| {
    Ok(table_jump(ip, from_acc!(u32, regs, index, acc, facc), len))
});

// A load fused with the branch table switching on the loaded value
// (`translator/load_branch.rs`): the load, trapping as `Load8U` or `Load32U` does and
// written to its slot, then the table's jump.
op!(
    Load8UBrTable {
        dst,
        ptr,
        mem_offset,
        len
    },
    |ip, regs, cx| {
        let [byte] = cx.load::<1>(r!(regs, ptr), u32::from(mem_offset))?;
        set!(regs, dst, u64::from(byte));
        Ok(table_jump(ip, u32::from(byte), len))
    }
);

op!(
    Load32UBrTable {
        dst,
        ptr,
        mem_offset,
        len
    },
    |ip, regs, cx| {
        let bytes = cx.load::<4>(r!(regs, ptr), u32::from(mem_offset))?;
        let value = u32::from_le_bytes(bytes);
        set!(regs, dst, u64::from(value));
        Ok(table_jump(ip, value, len))
    }
);

op!(Return0 {}, |ip, regs, cx| { Ok(cx.ret()) });

op!(Return1 { src }, |ip, regs, cx| {
    set!(regs, 0, r!(regs, src));
    Ok(cx.ret())
});

// The result handed on by the instruction before (`translator/result_register.rs`).
op!(Return1Acc { src }, |ip, regs, cx, gas, acc, facc| {
    set!(regs, 0, from_acc!(u64, regs, src, acc, facc));
    Ok(cx.ret())
});

// The f64 handed on by the instruction before.
op!(Return1FAcc { src }, |ip, regs, cx, gas, acc, facc| {
    set!(
        regs,
        0,
        SlotValue::write(from_acc!(f64, regs, src, acc, facc))
    );
    Ok(cx.ret())
});

// A function's epilogue: the stack pointer set back, then the return
// (`translator/return_branch.rs`).
op!(
    GlobalSetAddI32Return0 { src, global, imm },
    |ip, regs, cx| {
        cx.global(global).value = w32!(u32_!(regs, src).wrapping_add(imm as u32));
        Ok(cx.ret())
    }
);

op!(
    GlobalSetAddI32Return1 {
        src,
        global,
        imm,
        ret
    },
    |ip, regs, cx| {
        cx.global(u32::from(global)).value = w32!(u32_!(regs, src).wrapping_add(imm as u32));
        set!(regs, 0, r!(regs, ret));
        Ok(cx.ret())
    }
);

op!(ReturnN { src, count }, |ip, regs, cx| {
    // Results returned from the slots of the parameters they are need no copy
    // (`translator/control.rs`).
    if src != 0 {
        // SAFETY: `src..src + count` lies in the frame (invariant 1 of `translator/verify.rs`).
        unsafe { regs::copy_to_base(regs, src, count) };
    }
    Ok(cx.ret())
});
