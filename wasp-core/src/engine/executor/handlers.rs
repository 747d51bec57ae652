//! One handler per IR instruction. Each is a small function: decode its operands, do the
//! work, say what comes next; the `op!` macro adds the threaded dispatch around it.

#![allow(non_snake_case)]

use super::bulk;
use super::dispatch::{Cx, Flow, Handler, Op};
use super::regs;
use crate::engine::ir::Instr;
use crate::engine::numeric as num;
use crate::error::TrapCode;

// ----- slot access ------------------------------------------------------------------------------
// SAFETY (all of them): `regs` is the running frame's pointer and every slot named by the
// running code was verified to lie in the frame; see `regs.rs`.

macro_rules! r {
    ($regs:expr, $reg:expr) => {
        unsafe { regs::read($regs, $reg) }
    };
}
macro_rules! set {
    ($regs:expr, $reg:expr, $v:expr) => {{
        let v: u64 = $v;
        unsafe { regs::write($regs, $reg, v) }
    }};
}
macro_rules! i32_ {
    ($regs:expr, $reg:expr) => {
        (r!($regs, $reg) as u32 as i32)
    };
}
macro_rules! u32_ {
    ($regs:expr, $reg:expr) => {
        (r!($regs, $reg) as u32)
    };
}
macro_rules! f32_ {
    ($regs:expr, $reg:expr) => {
        f32::from_bits(r!($regs, $reg) as u32)
    };
}
macro_rules! f64_ {
    ($regs:expr, $reg:expr) => {
        f64::from_bits(r!($regs, $reg))
    };
}
macro_rules! w32 {
    ($v:expr) => {
        u64::from($v as u32)
    };
}
macro_rules! wf32 {
    ($v:expr) => {
        u64::from(($v as f32).to_bits())
    };
}
macro_rules! wf64 {
    ($v:expr) => {
        ($v as f64).to_bits()
    };
}
macro_rules! b {
    ($v:expr) => {
        u64::from($v)
    };
}

// ----- dispatch ---------------------------------------------------------------------------------

/// Continues with the handler of the instruction at `$ip`, in tail position, while the
/// chain's budget lasts; then returns to the trampoline.
macro_rules! dispatch {
    ($ip:expr, $regs:expr, $cx:expr, $budget:expr) => {{
        let ip: *const Op = $ip;
        let budget = $budget.wrapping_sub(1);
        if budget == 0 {
            $cx.regs = $regs;
            return ip;
        }
        // SAFETY: `ip` is an instruction of the running function (see `regs.rs`).
        let handler = unsafe { (*ip).handler };
        return handler(ip, $regs, $cx, budget);
    }};
}

/// Defines the handler `$variant` for the instruction variant of the same name.
macro_rules! op {
    ($variant:ident { $($f:ident),* }, |$ip:ident, $regs:ident, $cx:ident| $body:block) => {
        #[allow(
            unused_variables,
            unused_unsafe,
            clippy::unnecessary_cast,
            clippy::redundant_closure_call,
            clippy::unneeded_struct_pattern
        )]
        pub(super) fn $variant(
            $ip: *const Op,
            $regs: *mut u64,
            $cx: &mut Cx<'_>,
            budget: u32,
        ) -> *const Op {
            // SAFETY: `link` gives this handler only to `$variant` instructions, and `$ip`
            // points at one (see `regs.rs`).
            let Instr::$variant { $($f,)* .. } = (unsafe { *$ip }).instr else {
                unsafe { std::hint::unreachable_unchecked() }
            };
            let flow: Result<Flow, TrapCode> = (|| $body)();
            // SAFETY (offsets): verified code keeps every successor inside the function.
            match flow {
                Ok(Flow::Next) => dispatch!(unsafe { $ip.add(1) }, $regs, $cx, budget),
                Ok(Flow::Skip) => dispatch!(unsafe { $ip.add(2) }, $regs, $cx, budget),
                Ok(Flow::Jump(offset)) => {
                    dispatch!(unsafe { $ip.offset(offset as isize) }, $regs, $cx, budget)
                }
                Ok(Flow::Reload) => {
                    let (ip, regs) = ($cx.ip, $cx.regs);
                    dispatch!(ip, regs, $cx, budget)
                }
                Ok(Flow::Stop) => std::ptr::null(),
                Err(trap) => {
                    $cx.exit = Err(trap);
                    std::ptr::null()
                }
            }
        }
    };
}

/// The data word after the instruction at `ip`.
#[inline(always)]
fn data(ip: *const Op) -> (u32, u32, u32) {
    // SAFETY: verified code has a data word after every instruction that reads one.
    match unsafe { (*ip.add(1)).instr } {
        Instr::Data { a, b, c } => (a, b, c),
        _ => (0, 0, 0),
    }
}

/// Pays a dynamic gas cost computed from the price list, when metering is on; stops the
/// handler when the store's gas does not cover it.
macro_rules! charge_dynamic {
    ($cx:expr, $ip:expr, |$c:ident| $cost:expr) => {
        if let Some($c) = $cx.limits.gas {
            if let Some(flow) = $cx.charge($ip, $cost) {
                return Ok(flow);
            }
        }
    };
}

// ----- control ----------------------------------------------------------------------------------

op!(Data {}, |ip, regs, cx| { Err(TrapCode::Unreachable) });

op!(Unreachable {}, |ip, regs, cx| {
    Err(TrapCode::Unreachable)
});

op!(ConsumeGas { lo, hi }, |ip, regs, cx| {
    match cx.charge(ip, u64::from(lo) | (u64::from(hi) << 32)) {
        Some(flow) => Ok(flow),
        None => Ok(Flow::Next),
    }
});

op!(BrTable { index, len }, |ip, regs, cx| {
    Ok(Flow::Jump(1 + u32_!(regs, index).min(len) as i32))
});

op!(Return0 {}, |ip, regs, cx| { Ok(cx.ret()) });

op!(Return1 { src }, |ip, regs, cx| {
    set!(regs, 0, r!(regs, src));
    Ok(cx.ret())
});

op!(ReturnN { src, count }, |ip, regs, cx| {
    // SAFETY: `src..src + count` was verified to lie in the frame.
    unsafe { regs::copy_to_base(regs, src, count) };
    Ok(cx.ret())
});

op!(Call { func, args }, |ip, regs, cx| {
    let callee = cx.s.instances[cx.inst as usize].funcs[func as usize];
    cx.call(unsafe { ip.add(1) }, callee, args)
});

op!(CallIndirect { ty, args, index }, |ip, regs, cx| {
    let (table, _, _) = data(ip);
    let callee = cx.indirect_target(table, u32_!(regs, index), ty)?;
    cx.call(unsafe { ip.add(2) }, callee, args)
});

op!(ReturnCall { func, args }, |ip, regs, cx| {
    let callee = cx.s.instances[cx.inst as usize].funcs[func as usize];
    cx.tail_call(ip, callee, args)
});

op!(ReturnCallIndirect { ty, args, index }, |ip, regs, cx| {
    let (table, _, _) = data(ip);
    let callee = cx.indirect_target(table, u32_!(regs, index), ty)?;
    cx.tail_call(ip, callee, args)
});

// ----- values and globals -----------------------------------------------------------------------

op!(Select { dst, a, b }, |ip, regs, cx| {
    let (cond, _, _) = data(ip);
    let v = if u32_!(regs, cond) != 0 {
        r!(regs, a)
    } else {
        r!(regs, b)
    };
    set!(regs, dst, v);
    Ok(Flow::Skip)
});

op!(RefFunc { dst, func }, |ip, regs, cx| {
    let addr = cx.s.instances[cx.inst as usize].funcs[func as usize];
    set!(regs, dst, u64::from(addr) + 1);
    Ok(Flow::Next)
});

op!(GlobalGet { dst, global }, |ip, regs, cx| {
    let addr = cx.s.instances[cx.inst as usize].globals[global as usize];
    set!(regs, dst, cx.s.globals[addr as usize].value);
    Ok(Flow::Next)
});

op!(GlobalSet { src, global }, |ip, regs, cx| {
    let addr = cx.s.instances[cx.inst as usize].globals[global as usize];
    cx.s.globals[addr as usize].value = r!(regs, src);
    Ok(Flow::Next)
});

// ----- linear memory ----------------------------------------------------------------------------

macro_rules! load {
    ($variant:ident, $n:literal, |$bytes:ident| $value:expr) => {
        op!($variant { dst, ptr, offset }, |ip, regs, cx| {
            let $bytes = bulk::load::<$n>(cx.memory(), r!(regs, ptr), offset)?;
            set!(regs, dst, $value);
            Ok(Flow::Next)
        });
    };
}

load!(Load8S, 1, |v| i64::from(v[0] as i8) as u64);
load!(Load8U, 1, |v| u64::from(v[0]));
load!(Load16S, 2, |v| i64::from(i16::from_le_bytes(v)) as u64);
load!(Load16U, 2, |v| u64::from(u16::from_le_bytes(v)));
load!(Load32S, 4, |v| i64::from(i32::from_le_bytes(v)) as u64);
load!(Load32U, 4, |v| u64::from(u32::from_le_bytes(v)));
load!(Load64, 8, |v| u64::from_le_bytes(v));

macro_rules! store {
    ($variant:ident, |$v:ident| $bytes:expr) => {
        op!($variant { ptr, val, offset }, |ip, regs, cx| {
            let $v = r!(regs, val);
            bulk::store(cx.memory(), r!(regs, ptr), offset, $bytes)?;
            Ok(Flow::Next)
        });
    };
}

store!(Store8, |v| [v as u8]);
store!(Store16, |v| (v as u16).to_le_bytes());
store!(Store32, |v| (v as u32).to_le_bytes());
store!(Store64, |v| v.to_le_bytes());

op!(MemoryGrow { dst, delta }, |ip, regs, cx| {
    let delta = u64::from(u32_!(regs, delta));
    let addr = cx.s.instances[cx.inst as usize].memories[0] as usize;
    if !crate::limits::memory_may_grow(&cx.s.memories, &cx.s.limits, addr, delta) {
        // Refused by the maximum or the store's limits: only the base price was paid.
        set!(regs, dst, u64::from(u32::MAX));
        return Ok(Flow::Next);
    }
    charge_dynamic!(cx, ip, |c| delta
        .saturating_mul(u64::from(c.memory_grow_per_page)));
    let s = &mut *cx.s;
    let old = crate::limits::grow_memory(&mut s.memories, &s.limits, addr, delta);
    cx.load_memory();
    set!(regs, dst, w32!(old.map_or(-1, |o| o as i32)));
    Ok(Flow::Next)
});

// Bulk operations pay once, when they start, and resume where an interrupt stopped them.

op!(MemoryFill { dst, val, len }, |ip, regs, cx| {
    let len = b!(u32_!(regs, len));
    let done = cx.take_progress();
    if done == 0 {
        charge_dynamic!(cx, ip, |c| c.bulk_memory(len));
    }
    let (mem, int) = cx.memory_and_interrupt();
    let (d, v) = (b!(u32_!(regs, dst)), r!(regs, val) as u8);
    let stopped = bulk::fill(mem, d, v, len, TrapCode::MemoryOutOfBounds, (done, int))?;
    Ok(cx.bulk_end(ip, stopped))
});

op!(MemoryCopy { dst, src, len }, |ip, regs, cx| {
    let len = b!(u32_!(regs, len));
    let done = cx.take_progress();
    if done == 0 {
        charge_dynamic!(cx, ip, |c| c.bulk_memory(len));
    }
    let (mem, int) = cx.memory_and_interrupt();
    let (d, s) = (b!(u32_!(regs, dst)), b!(u32_!(regs, src)));
    let stopped = bulk::copy_within(mem, d, s, len, TrapCode::MemoryOutOfBounds, (done, int))?;
    Ok(cx.bulk_end(ip, stopped))
});

op!(MemoryInit { dst, src, len }, |ip, regs, cx| {
    let len = b!(u32_!(regs, len));
    let done = cx.take_progress();
    if done == 0 {
        charge_dynamic!(cx, ip, |c| c.bulk_memory(len));
    }
    let (seg, _, _) = data(ip);
    let addr = cx.s.instances[cx.inst as usize].data[seg as usize];
    let segment = cx.s.data_segments[addr as usize].clone();
    let bytes = segment.as_deref().unwrap_or(&[]);
    let (d, s) = (b!(u32_!(regs, dst)), b!(u32_!(regs, src)));
    let (mem, int) = cx.memory_and_interrupt();
    let oob = TrapCode::MemoryOutOfBounds;
    let stopped = bulk::init(mem, d, bytes, s, len, oob, (done, int))?;
    Ok(cx.bulk_end(ip, stopped))
});

op!(DataDrop { segment }, |ip, regs, cx| {
    let addr = cx.s.instances[cx.inst as usize].data[segment as usize];
    cx.s.data_segments[addr as usize] = None;
    Ok(Flow::Next)
});

// ----- tables -----------------------------------------------------------------------------------

/// The store address of table `table` of the running instance.
fn table_addr(cx: &Cx<'_>, table: u32) -> usize {
    cx.s.instances[cx.inst as usize].tables[table as usize] as usize
}

op!(TableGet { dst, index, table }, |ip, regs, cx| {
    let elems = &cx.s.tables[table_addr(cx, table)].elems;
    let v = *elems
        .get(u32_!(regs, index) as usize)
        .ok_or(TrapCode::TableOutOfBounds)?;
    set!(regs, dst, v);
    Ok(Flow::Next)
});

op!(TableSet { index, val, table }, |ip, regs, cx| {
    let addr = table_addr(cx, table);
    let slot = cx.s.tables[addr]
        .elems
        .get_mut(u32_!(regs, index) as usize)
        .ok_or(TrapCode::TableOutOfBounds)?;
    *slot = r!(regs, val);
    Ok(Flow::Next)
});

op!(TableSize { dst, table }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        cx.s.tables[table_addr(cx, table)].elems.len() as u64
    );
    Ok(Flow::Next)
});

op!(TableGrow { dst, init, delta }, |ip, regs, cx| {
    let delta = b!(u32_!(regs, delta));
    let (table, _, _) = data(ip);
    let addr = table_addr(cx, table);
    let t = &cx.s.tables[addr];
    let wanted = (t.elems.len() as u64).saturating_add(delta);
    let max = t.ty.max().unwrap_or(u64::from(u32::MAX));
    if wanted > max || !cx.s.limits.table_allows(wanted) {
        // Refused by the maximum or the store's limits: only the base price was paid.
        set!(regs, dst, u64::from(u32::MAX));
        return Ok(Flow::Skip);
    }
    charge_dynamic!(cx, ip, |c| delta
        .saturating_mul(u64::from(c.table_grow_per_element)));
    let old = cx.s.tables[addr].grow(delta, r!(regs, init));
    set!(regs, dst, w32!(old.map_or(-1, |o| o as i32)));
    Ok(Flow::Skip)
});

op!(TableFill { dst, val, len }, |ip, regs, cx| {
    let len = b!(u32_!(regs, len));
    let done = cx.take_progress();
    if done == 0 {
        charge_dynamic!(cx, ip, |c| c.bulk_table(len));
    }
    let (table, _, _) = data(ip);
    let addr = table_addr(cx, table);
    let (d, v) = (b!(u32_!(regs, dst)), r!(regs, val));
    let s = &mut *cx.s;
    let int = (done, &s.interrupt);
    let stopped = bulk::fill(
        &mut s.tables[addr].elems,
        d,
        v,
        len,
        TrapCode::TableOutOfBounds,
        int,
    )?;
    Ok(cx.bulk_end(ip, stopped))
});

op!(TableCopy { dst, src, len }, |ip, regs, cx| {
    let len = b!(u32_!(regs, len));
    let done = cx.take_progress();
    if done == 0 {
        charge_dynamic!(cx, ip, |c| c.bulk_table(len));
    }
    let (dt, st, _) = data(ip);
    let (da, sa) = (table_addr(cx, dt), table_addr(cx, st));
    let (d, s) = (b!(u32_!(regs, dst)), b!(u32_!(regs, src)));
    let (store, oob) = (&mut *cx.s, TrapCode::TableOutOfBounds);
    let int = (done, &store.interrupt);
    let stopped = if da == sa {
        bulk::copy_within(&mut store.tables[da].elems, d, s, len, oob, int)?
    } else {
        let (to, from) = bulk::two_mut(&mut store.tables, da, sa);
        bulk::init(&mut to.elems, d, &from.elems, s, len, oob, int)?
    };
    Ok(cx.bulk_end(ip, stopped))
});

op!(TableInit { dst, src, len }, |ip, regs, cx| {
    let len = b!(u32_!(regs, len));
    let done = cx.take_progress();
    if done == 0 {
        charge_dynamic!(cx, ip, |c| c.bulk_table(len));
    }
    let (seg, table, _) = data(ip);
    let taddr = table_addr(cx, table);
    let eaddr = cx.s.instances[cx.inst as usize].elems[seg as usize] as usize;
    let s = &mut *cx.s;
    let (d, sr) = (b!(u32_!(regs, dst)), b!(u32_!(regs, src)));
    let items = &s.elem_segments[eaddr];
    let (oob, int) = (TrapCode::TableOutOfBounds, (done, &s.interrupt));
    let stopped = bulk::init(&mut s.tables[taddr].elems, d, items, sr, len, oob, int)?;
    Ok(cx.bulk_end(ip, stopped))
});

op!(ElemDrop { segment }, |ip, regs, cx| {
    let addr = cx.s.instances[cx.inst as usize].elems[segment as usize];
    cx.s.elem_segments[addr as usize] = Vec::new();
    Ok(Flow::Next)
});

// ----- the rest: arithmetic, comparisons, conversions, fused branches ---------------------------

op!(Br { offset }, |ip, regs, cx| {
    Ok(if true { Flow::Jump(offset) } else { Flow::Next })
});

op!(BrIfEqz { cond, offset }, |ip, regs, cx| {
    Ok(if u32_!(regs, cond) == 0 {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrIfNez { cond, offset }, |ip, regs, cx| {
    Ok(if u32_!(regs, cond) != 0 {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI64IfEqz { cond, offset }, |ip, regs, cx| {
    Ok(if r!(regs, cond) == 0 {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI64IfNez { cond, offset }, |ip, regs, cx| {
    Ok(if r!(regs, cond) != 0 {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI32Eq { lhs, rhs, offset }, |ip, regs, cx| {
    Ok(if i32_!(regs, lhs) == i32_!(regs, rhs) {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI32Ne { lhs, rhs, offset }, |ip, regs, cx| {
    Ok(if i32_!(regs, lhs) != i32_!(regs, rhs) {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI32LtS { lhs, rhs, offset }, |ip, regs, cx| {
    Ok(if i32_!(regs, lhs) < i32_!(regs, rhs) {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI32LtU { lhs, rhs, offset }, |ip, regs, cx| {
    Ok(if u32_!(regs, lhs) < u32_!(regs, rhs) {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI32GtS { lhs, rhs, offset }, |ip, regs, cx| {
    Ok(if i32_!(regs, lhs) > i32_!(regs, rhs) {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI32GtU { lhs, rhs, offset }, |ip, regs, cx| {
    Ok(if u32_!(regs, lhs) > u32_!(regs, rhs) {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI32LeS { lhs, rhs, offset }, |ip, regs, cx| {
    Ok(if i32_!(regs, lhs) <= i32_!(regs, rhs) {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI32LeU { lhs, rhs, offset }, |ip, regs, cx| {
    Ok(if u32_!(regs, lhs) <= u32_!(regs, rhs) {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI32GeS { lhs, rhs, offset }, |ip, regs, cx| {
    Ok(if i32_!(regs, lhs) >= i32_!(regs, rhs) {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI32GeU { lhs, rhs, offset }, |ip, regs, cx| {
    Ok(if u32_!(regs, lhs) >= u32_!(regs, rhs) {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI32EqImm { lhs, imm, offset }, |ip, regs, cx| {
    Ok(if i32_!(regs, lhs) == imm {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI32NeImm { lhs, imm, offset }, |ip, regs, cx| {
    Ok(if i32_!(regs, lhs) != imm {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI32LtSImm { lhs, imm, offset }, |ip, regs, cx| {
    Ok(if i32_!(regs, lhs) < imm {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI32LtUImm { lhs, imm, offset }, |ip, regs, cx| {
    Ok(if u32_!(regs, lhs) < imm as u32 {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI32GtSImm { lhs, imm, offset }, |ip, regs, cx| {
    Ok(if i32_!(regs, lhs) > imm {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI32GtUImm { lhs, imm, offset }, |ip, regs, cx| {
    Ok(if u32_!(regs, lhs) > imm as u32 {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI32LeSImm { lhs, imm, offset }, |ip, regs, cx| {
    Ok(if i32_!(regs, lhs) <= imm {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI32LeUImm { lhs, imm, offset }, |ip, regs, cx| {
    Ok(if u32_!(regs, lhs) <= imm as u32 {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI32GeSImm { lhs, imm, offset }, |ip, regs, cx| {
    Ok(if i32_!(regs, lhs) >= imm {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI32GeUImm { lhs, imm, offset }, |ip, regs, cx| {
    Ok(if u32_!(regs, lhs) >= imm as u32 {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI64Eq { lhs, rhs, offset }, |ip, regs, cx| {
    Ok(if r!(regs, lhs) == r!(regs, rhs) {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI64Ne { lhs, rhs, offset }, |ip, regs, cx| {
    Ok(if r!(regs, lhs) != r!(regs, rhs) {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI64LtS { lhs, rhs, offset }, |ip, regs, cx| {
    Ok(if (r!(regs, lhs) as i64) < r!(regs, rhs) as i64 {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI64LtU { lhs, rhs, offset }, |ip, regs, cx| {
    Ok(if r!(regs, lhs) < r!(regs, rhs) {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI64GtS { lhs, rhs, offset }, |ip, regs, cx| {
    Ok(if r!(regs, lhs) as i64 > r!(regs, rhs) as i64 {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI64GtU { lhs, rhs, offset }, |ip, regs, cx| {
    Ok(if r!(regs, lhs) > r!(regs, rhs) {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI64LeS { lhs, rhs, offset }, |ip, regs, cx| {
    Ok(if r!(regs, lhs) as i64 <= r!(regs, rhs) as i64 {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI64LeU { lhs, rhs, offset }, |ip, regs, cx| {
    Ok(if r!(regs, lhs) <= r!(regs, rhs) {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI64GeS { lhs, rhs, offset }, |ip, regs, cx| {
    Ok(if r!(regs, lhs) as i64 >= r!(regs, rhs) as i64 {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI64GeU { lhs, rhs, offset }, |ip, regs, cx| {
    Ok(if r!(regs, lhs) >= r!(regs, rhs) {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI64EqImm { lhs, imm, offset }, |ip, regs, cx| {
    Ok(if r!(regs, lhs) as i64 == i64::from(imm) {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI64NeImm { lhs, imm, offset }, |ip, regs, cx| {
    Ok(if r!(regs, lhs) as i64 != i64::from(imm) {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI64LtSImm { lhs, imm, offset }, |ip, regs, cx| {
    Ok(if (r!(regs, lhs) as i64) < i64::from(imm) {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI64LtUImm { lhs, imm, offset }, |ip, regs, cx| {
    Ok(if r!(regs, lhs) < imm as i64 as u64 {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI64GtSImm { lhs, imm, offset }, |ip, regs, cx| {
    Ok(if r!(regs, lhs) as i64 > i64::from(imm) {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI64GtUImm { lhs, imm, offset }, |ip, regs, cx| {
    Ok(if r!(regs, lhs) > imm as i64 as u64 {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI64LeSImm { lhs, imm, offset }, |ip, regs, cx| {
    Ok(if r!(regs, lhs) as i64 <= i64::from(imm) {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI64LeUImm { lhs, imm, offset }, |ip, regs, cx| {
    Ok(if r!(regs, lhs) <= imm as i64 as u64 {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI64GeSImm { lhs, imm, offset }, |ip, regs, cx| {
    Ok(if r!(regs, lhs) as i64 >= i64::from(imm) {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(BrI64GeUImm { lhs, imm, offset }, |ip, regs, cx| {
    Ok(if r!(regs, lhs) >= imm as i64 as u64 {
        Flow::Jump(offset)
    } else {
        Flow::Next
    })
});

op!(Copy { dst, src }, |ip, regs, cx| {
    set!(regs, dst, r!(regs, src));
    Ok(Flow::Next)
});

op!(Const32 { dst, val }, |ip, regs, cx| {
    set!(regs, dst, u64::from(val));
    Ok(Flow::Next)
});

op!(Const64 { dst, lo, hi }, |ip, regs, cx| {
    set!(regs, dst, u64::from(lo) | (u64::from(hi) << 32));
    Ok(Flow::Next)
});

op!(RefIsNull { dst, src }, |ip, regs, cx| {
    set!(regs, dst, b!(r!(regs, src) == 0));
    Ok(Flow::Next)
});

op!(I32Add { dst, lhs, rhs }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        w32!(u32_!(regs, lhs).wrapping_add(u32_!(regs, rhs)))
    );
    Ok(Flow::Next)
});

op!(I32Sub { dst, lhs, rhs }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        w32!(u32_!(regs, lhs).wrapping_sub(u32_!(regs, rhs)))
    );
    Ok(Flow::Next)
});

op!(I32Mul { dst, lhs, rhs }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        w32!(u32_!(regs, lhs).wrapping_mul(u32_!(regs, rhs)))
    );
    Ok(Flow::Next)
});

op!(I32DivS { dst, lhs, rhs }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        w32!(num::i32_div_s(i32_!(regs, lhs), i32_!(regs, rhs))?)
    );
    Ok(Flow::Next)
});

op!(I32DivU { dst, lhs, rhs }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        w32!(num::i32_div_u(i32_!(regs, lhs), i32_!(regs, rhs))?)
    );
    Ok(Flow::Next)
});

op!(I32RemS { dst, lhs, rhs }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        w32!(num::i32_rem_s(i32_!(regs, lhs), i32_!(regs, rhs))?)
    );
    Ok(Flow::Next)
});

op!(I32RemU { dst, lhs, rhs }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        w32!(num::i32_rem_u(i32_!(regs, lhs), i32_!(regs, rhs))?)
    );
    Ok(Flow::Next)
});

op!(I32And { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, w32!(u32_!(regs, lhs) & u32_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(I32Or { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, w32!(u32_!(regs, lhs) | u32_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(I32Xor { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, w32!(u32_!(regs, lhs) ^ u32_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(I32Shl { dst, lhs, rhs }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        w32!(u32_!(regs, lhs).wrapping_shl(u32_!(regs, rhs)))
    );
    Ok(Flow::Next)
});

op!(I32ShrS { dst, lhs, rhs }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        w32!(i32_!(regs, lhs).wrapping_shr(u32_!(regs, rhs)))
    );
    Ok(Flow::Next)
});

op!(I32ShrU { dst, lhs, rhs }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        w32!(u32_!(regs, lhs).wrapping_shr(u32_!(regs, rhs)))
    );
    Ok(Flow::Next)
});

op!(I32Rotl { dst, lhs, rhs }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        w32!(u32_!(regs, lhs).rotate_left(u32_!(regs, rhs)))
    );
    Ok(Flow::Next)
});

op!(I32Rotr { dst, lhs, rhs }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        w32!(u32_!(regs, lhs).rotate_right(u32_!(regs, rhs)))
    );
    Ok(Flow::Next)
});

op!(I32Eq { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(u32_!(regs, lhs) == u32_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(I32Ne { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(u32_!(regs, lhs) != u32_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(I32LtS { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(i32_!(regs, lhs) < i32_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(I32LtU { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(u32_!(regs, lhs) < u32_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(I32GtS { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(i32_!(regs, lhs) > i32_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(I32GtU { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(u32_!(regs, lhs) > u32_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(I32LeS { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(i32_!(regs, lhs) <= i32_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(I32LeU { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(u32_!(regs, lhs) <= u32_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(I32GeS { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(i32_!(regs, lhs) >= i32_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(I32GeU { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(u32_!(regs, lhs) >= u32_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(I32AddImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, w32!(i32_!(regs, lhs).wrapping_add(imm)));
    Ok(Flow::Next)
});

op!(I32SubImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, w32!(i32_!(regs, lhs).wrapping_sub(imm)));
    Ok(Flow::Next)
});

op!(I32MulImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, w32!(i32_!(regs, lhs).wrapping_mul(imm)));
    Ok(Flow::Next)
});

op!(I32DivSImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, w32!(num::i32_div_s(i32_!(regs, lhs), imm)?));
    Ok(Flow::Next)
});

op!(I32DivUImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, w32!(num::i32_div_u(i32_!(regs, lhs), imm)?));
    Ok(Flow::Next)
});

op!(I32RemSImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, w32!(num::i32_rem_s(i32_!(regs, lhs), imm)?));
    Ok(Flow::Next)
});

op!(I32RemUImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, w32!(num::i32_rem_u(i32_!(regs, lhs), imm)?));
    Ok(Flow::Next)
});

op!(I32AndImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, w32!(i32_!(regs, lhs) & imm));
    Ok(Flow::Next)
});

op!(I32OrImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, w32!(i32_!(regs, lhs) | imm));
    Ok(Flow::Next)
});

op!(I32XorImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, w32!(i32_!(regs, lhs) ^ imm));
    Ok(Flow::Next)
});

op!(I32ShlImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, w32!(u32_!(regs, lhs).wrapping_shl(imm as u32)));
    Ok(Flow::Next)
});

op!(I32ShrSImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, w32!(i32_!(regs, lhs).wrapping_shr(imm as u32)));
    Ok(Flow::Next)
});

op!(I32ShrUImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, w32!(u32_!(regs, lhs).wrapping_shr(imm as u32)));
    Ok(Flow::Next)
});

op!(I32RotlImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, w32!(u32_!(regs, lhs).rotate_left(imm as u32)));
    Ok(Flow::Next)
});

op!(I32RotrImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, w32!(u32_!(regs, lhs).rotate_right(imm as u32)));
    Ok(Flow::Next)
});

op!(I32EqImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, b!(i32_!(regs, lhs) == imm));
    Ok(Flow::Next)
});

op!(I32NeImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, b!(i32_!(regs, lhs) != imm));
    Ok(Flow::Next)
});

op!(I32LtSImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, b!(i32_!(regs, lhs) < imm));
    Ok(Flow::Next)
});

op!(I32LtUImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, b!(u32_!(regs, lhs) < imm as u32));
    Ok(Flow::Next)
});

op!(I32GtSImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, b!(i32_!(regs, lhs) > imm));
    Ok(Flow::Next)
});

op!(I32GtUImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, b!(u32_!(regs, lhs) > imm as u32));
    Ok(Flow::Next)
});

op!(I32LeSImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, b!(i32_!(regs, lhs) <= imm));
    Ok(Flow::Next)
});

op!(I32LeUImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, b!(u32_!(regs, lhs) <= imm as u32));
    Ok(Flow::Next)
});

op!(I32GeSImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, b!(i32_!(regs, lhs) >= imm));
    Ok(Flow::Next)
});

op!(I32GeUImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, b!(u32_!(regs, lhs) >= imm as u32));
    Ok(Flow::Next)
});

op!(I32Eqz { dst, src }, |ip, regs, cx| {
    set!(regs, dst, b!(u32_!(regs, src) == 0));
    Ok(Flow::Next)
});

op!(I32Clz { dst, src }, |ip, regs, cx| {
    set!(regs, dst, u64::from(u32_!(regs, src).leading_zeros()));
    Ok(Flow::Next)
});

op!(I32Ctz { dst, src }, |ip, regs, cx| {
    set!(regs, dst, u64::from(u32_!(regs, src).trailing_zeros()));
    Ok(Flow::Next)
});

op!(I32Popcnt { dst, src }, |ip, regs, cx| {
    set!(regs, dst, u64::from(u32_!(regs, src).count_ones()));
    Ok(Flow::Next)
});

op!(I32Extend8S { dst, src }, |ip, regs, cx| {
    set!(regs, dst, w32!(i32::from(r!(regs, src) as i8)));
    Ok(Flow::Next)
});

op!(I32Extend16S { dst, src }, |ip, regs, cx| {
    set!(regs, dst, w32!(i32::from(r!(regs, src) as i16)));
    Ok(Flow::Next)
});

op!(I64Add { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, r!(regs, lhs).wrapping_add(r!(regs, rhs)));
    Ok(Flow::Next)
});

op!(I64Sub { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, r!(regs, lhs).wrapping_sub(r!(regs, rhs)));
    Ok(Flow::Next)
});

op!(I64Mul { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, r!(regs, lhs).wrapping_mul(r!(regs, rhs)));
    Ok(Flow::Next)
});

op!(I64DivS { dst, lhs, rhs }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        num::i64_div_s(r!(regs, lhs) as i64, r!(regs, rhs) as i64)? as u64
    );
    Ok(Flow::Next)
});

op!(I64DivU { dst, lhs, rhs }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        num::i64_div_u(r!(regs, lhs) as i64, r!(regs, rhs) as i64)? as u64
    );
    Ok(Flow::Next)
});

op!(I64RemS { dst, lhs, rhs }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        num::i64_rem_s(r!(regs, lhs) as i64, r!(regs, rhs) as i64)? as u64
    );
    Ok(Flow::Next)
});

op!(I64RemU { dst, lhs, rhs }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        num::i64_rem_u(r!(regs, lhs) as i64, r!(regs, rhs) as i64)? as u64
    );
    Ok(Flow::Next)
});

op!(I64And { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, r!(regs, lhs) & r!(regs, rhs));
    Ok(Flow::Next)
});

op!(I64Or { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, r!(regs, lhs) | r!(regs, rhs));
    Ok(Flow::Next)
});

op!(I64Xor { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, r!(regs, lhs) ^ r!(regs, rhs));
    Ok(Flow::Next)
});

op!(I64Shl { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, r!(regs, lhs).wrapping_shl(r!(regs, rhs) as u32));
    Ok(Flow::Next)
});

op!(I64ShrS { dst, lhs, rhs }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        (r!(regs, lhs) as i64).wrapping_shr(r!(regs, rhs) as u32) as u64
    );
    Ok(Flow::Next)
});

op!(I64ShrU { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, r!(regs, lhs).wrapping_shr(r!(regs, rhs) as u32));
    Ok(Flow::Next)
});

op!(I64Rotl { dst, lhs, rhs }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        r!(regs, lhs).rotate_left((r!(regs, rhs) & 63) as u32)
    );
    Ok(Flow::Next)
});

op!(I64Rotr { dst, lhs, rhs }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        r!(regs, lhs).rotate_right((r!(regs, rhs) & 63) as u32)
    );
    Ok(Flow::Next)
});

op!(I64Eq { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(r!(regs, lhs) == r!(regs, rhs)));
    Ok(Flow::Next)
});

op!(I64Ne { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(r!(regs, lhs) != r!(regs, rhs)));
    Ok(Flow::Next)
});

op!(I64LtS { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!((r!(regs, lhs) as i64) < r!(regs, rhs) as i64));
    Ok(Flow::Next)
});

op!(I64LtU { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(r!(regs, lhs) < r!(regs, rhs)));
    Ok(Flow::Next)
});

op!(I64GtS { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(r!(regs, lhs) as i64 > r!(regs, rhs) as i64));
    Ok(Flow::Next)
});

op!(I64GtU { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(r!(regs, lhs) > r!(regs, rhs)));
    Ok(Flow::Next)
});

op!(I64LeS { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(r!(regs, lhs) as i64 <= r!(regs, rhs) as i64));
    Ok(Flow::Next)
});

op!(I64LeU { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(r!(regs, lhs) <= r!(regs, rhs)));
    Ok(Flow::Next)
});

op!(I64GeS { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(r!(regs, lhs) as i64 >= r!(regs, rhs) as i64));
    Ok(Flow::Next)
});

op!(I64GeU { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(r!(regs, lhs) >= r!(regs, rhs)));
    Ok(Flow::Next)
});

op!(I64AddImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, r!(regs, lhs).wrapping_add(imm as i64 as u64));
    Ok(Flow::Next)
});

op!(I64SubImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, r!(regs, lhs).wrapping_sub(imm as i64 as u64));
    Ok(Flow::Next)
});

op!(I64MulImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, r!(regs, lhs).wrapping_mul(imm as i64 as u64));
    Ok(Flow::Next)
});

op!(I64DivSImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        num::i64_div_s(r!(regs, lhs) as i64, i64::from(imm))? as u64
    );
    Ok(Flow::Next)
});

op!(I64DivUImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        num::i64_div_u(r!(regs, lhs) as i64, i64::from(imm))? as u64
    );
    Ok(Flow::Next)
});

op!(I64RemSImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        num::i64_rem_s(r!(regs, lhs) as i64, i64::from(imm))? as u64
    );
    Ok(Flow::Next)
});

op!(I64RemUImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        num::i64_rem_u(r!(regs, lhs) as i64, i64::from(imm))? as u64
    );
    Ok(Flow::Next)
});

op!(I64AndImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, r!(regs, lhs) & imm as i64 as u64);
    Ok(Flow::Next)
});

op!(I64OrImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, r!(regs, lhs) | imm as i64 as u64);
    Ok(Flow::Next)
});

op!(I64XorImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, r!(regs, lhs) ^ imm as i64 as u64);
    Ok(Flow::Next)
});

op!(I64ShlImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, r!(regs, lhs).wrapping_shl(imm as u32));
    Ok(Flow::Next)
});

op!(I64ShrSImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        (r!(regs, lhs) as i64).wrapping_shr(imm as u32) as u64
    );
    Ok(Flow::Next)
});

op!(I64ShrUImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, r!(regs, lhs).wrapping_shr(imm as u32));
    Ok(Flow::Next)
});

op!(I64RotlImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, r!(regs, lhs).rotate_left((imm & 63) as u32));
    Ok(Flow::Next)
});

op!(I64RotrImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, r!(regs, lhs).rotate_right((imm & 63) as u32));
    Ok(Flow::Next)
});

op!(I64EqImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, b!(r!(regs, lhs) as i64 == i64::from(imm)));
    Ok(Flow::Next)
});

op!(I64NeImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, b!(r!(regs, lhs) as i64 != i64::from(imm)));
    Ok(Flow::Next)
});

op!(I64LtSImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, b!((r!(regs, lhs) as i64) < i64::from(imm)));
    Ok(Flow::Next)
});

op!(I64LtUImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, b!(r!(regs, lhs) < imm as i64 as u64));
    Ok(Flow::Next)
});

op!(I64GtSImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, b!(r!(regs, lhs) as i64 > i64::from(imm)));
    Ok(Flow::Next)
});

op!(I64GtUImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, b!(r!(regs, lhs) > imm as i64 as u64));
    Ok(Flow::Next)
});

op!(I64LeSImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, b!(r!(regs, lhs) as i64 <= i64::from(imm)));
    Ok(Flow::Next)
});

op!(I64LeUImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, b!(r!(regs, lhs) <= imm as i64 as u64));
    Ok(Flow::Next)
});

op!(I64GeSImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, b!(r!(regs, lhs) as i64 >= i64::from(imm)));
    Ok(Flow::Next)
});

op!(I64GeUImm { dst, lhs, imm }, |ip, regs, cx| {
    set!(regs, dst, b!(r!(regs, lhs) >= imm as i64 as u64));
    Ok(Flow::Next)
});

op!(I64Eqz { dst, src }, |ip, regs, cx| {
    set!(regs, dst, b!(r!(regs, src) == 0));
    Ok(Flow::Next)
});

op!(I64Clz { dst, src }, |ip, regs, cx| {
    set!(regs, dst, u64::from(r!(regs, src).leading_zeros()));
    Ok(Flow::Next)
});

op!(I64Ctz { dst, src }, |ip, regs, cx| {
    set!(regs, dst, u64::from(r!(regs, src).trailing_zeros()));
    Ok(Flow::Next)
});

op!(I64Popcnt { dst, src }, |ip, regs, cx| {
    set!(regs, dst, u64::from(r!(regs, src).count_ones()));
    Ok(Flow::Next)
});

op!(I64Extend8S { dst, src }, |ip, regs, cx| {
    set!(regs, dst, i64::from(r!(regs, src) as i8) as u64);
    Ok(Flow::Next)
});

op!(I64Extend16S { dst, src }, |ip, regs, cx| {
    set!(regs, dst, i64::from(r!(regs, src) as i16) as u64);
    Ok(Flow::Next)
});

op!(I64Extend32S { dst, src }, |ip, regs, cx| {
    set!(regs, dst, i64::from(r!(regs, src) as i32) as u64);
    Ok(Flow::Next)
});

op!(F32Add { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, wf32!(f32_!(regs, lhs) + f32_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(F32Sub { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, wf32!(f32_!(regs, lhs) - f32_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(F32Mul { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, wf32!(f32_!(regs, lhs) * f32_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(F32Div { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, wf32!(f32_!(regs, lhs) / f32_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(F32Min { dst, lhs, rhs }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        wf32!(num::f32_min(f32_!(regs, lhs), f32_!(regs, rhs)))
    );
    Ok(Flow::Next)
});

op!(F32Max { dst, lhs, rhs }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        wf32!(num::f32_max(f32_!(regs, lhs), f32_!(regs, rhs)))
    );
    Ok(Flow::Next)
});

op!(F32Copysign { dst, lhs, rhs }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        wf32!(f32_!(regs, lhs).copysign(f32_!(regs, rhs)))
    );
    Ok(Flow::Next)
});

op!(F32Eq { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(f32_!(regs, lhs) == f32_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(F32Ne { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(f32_!(regs, lhs) != f32_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(F32Lt { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(f32_!(regs, lhs) < f32_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(F32Gt { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(f32_!(regs, lhs) > f32_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(F32Le { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(f32_!(regs, lhs) <= f32_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(F32Ge { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(f32_!(regs, lhs) >= f32_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(F32Abs { dst, src }, |ip, regs, cx| {
    set!(regs, dst, u64::from(u32_!(regs, src) & 0x7fff_ffff));
    Ok(Flow::Next)
});

op!(F32Neg { dst, src }, |ip, regs, cx| {
    set!(regs, dst, u64::from(u32_!(regs, src) ^ 0x8000_0000));
    Ok(Flow::Next)
});

op!(F32Ceil { dst, src }, |ip, regs, cx| {
    set!(regs, dst, wf32!(num::f32_ceil(f32_!(regs, src))));
    Ok(Flow::Next)
});

op!(F32Floor { dst, src }, |ip, regs, cx| {
    set!(regs, dst, wf32!(num::f32_floor(f32_!(regs, src))));
    Ok(Flow::Next)
});

op!(F32Trunc { dst, src }, |ip, regs, cx| {
    set!(regs, dst, wf32!(num::f32_trunc(f32_!(regs, src))));
    Ok(Flow::Next)
});

op!(F32Nearest { dst, src }, |ip, regs, cx| {
    set!(regs, dst, wf32!(num::f32_nearest(f32_!(regs, src))));
    Ok(Flow::Next)
});

op!(F32Sqrt { dst, src }, |ip, regs, cx| {
    set!(regs, dst, wf32!(f32_!(regs, src).sqrt()));
    Ok(Flow::Next)
});

op!(F64Add { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, wf64!(f64_!(regs, lhs) + f64_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(F64Sub { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, wf64!(f64_!(regs, lhs) - f64_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(F64Mul { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, wf64!(f64_!(regs, lhs) * f64_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(F64Div { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, wf64!(f64_!(regs, lhs) / f64_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(F64Min { dst, lhs, rhs }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        wf64!(num::f64_min(f64_!(regs, lhs), f64_!(regs, rhs)))
    );
    Ok(Flow::Next)
});

op!(F64Max { dst, lhs, rhs }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        wf64!(num::f64_max(f64_!(regs, lhs), f64_!(regs, rhs)))
    );
    Ok(Flow::Next)
});

op!(F64Copysign { dst, lhs, rhs }, |ip, regs, cx| {
    set!(
        regs,
        dst,
        wf64!(f64_!(regs, lhs).copysign(f64_!(regs, rhs)))
    );
    Ok(Flow::Next)
});

op!(F64Eq { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(f64_!(regs, lhs) == f64_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(F64Ne { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(f64_!(regs, lhs) != f64_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(F64Lt { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(f64_!(regs, lhs) < f64_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(F64Gt { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(f64_!(regs, lhs) > f64_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(F64Le { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(f64_!(regs, lhs) <= f64_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(F64Ge { dst, lhs, rhs }, |ip, regs, cx| {
    set!(regs, dst, b!(f64_!(regs, lhs) >= f64_!(regs, rhs)));
    Ok(Flow::Next)
});

op!(F64Abs { dst, src }, |ip, regs, cx| {
    set!(regs, dst, r!(regs, src) & 0x7fff_ffff_ffff_ffff);
    Ok(Flow::Next)
});

op!(F64Neg { dst, src }, |ip, regs, cx| {
    set!(regs, dst, r!(regs, src) ^ 0x8000_0000_0000_0000);
    Ok(Flow::Next)
});

op!(F64Ceil { dst, src }, |ip, regs, cx| {
    set!(regs, dst, wf64!(num::f64_ceil(f64_!(regs, src))));
    Ok(Flow::Next)
});

op!(F64Floor { dst, src }, |ip, regs, cx| {
    set!(regs, dst, wf64!(num::f64_floor(f64_!(regs, src))));
    Ok(Flow::Next)
});

op!(F64Trunc { dst, src }, |ip, regs, cx| {
    set!(regs, dst, wf64!(num::f64_trunc(f64_!(regs, src))));
    Ok(Flow::Next)
});

op!(F64Nearest { dst, src }, |ip, regs, cx| {
    set!(regs, dst, wf64!(num::f64_nearest(f64_!(regs, src))));
    Ok(Flow::Next)
});

op!(F64Sqrt { dst, src }, |ip, regs, cx| {
    set!(regs, dst, wf64!(f64_!(regs, src).sqrt()));
    Ok(Flow::Next)
});

op!(I32WrapI64 { dst, src }, |ip, regs, cx| {
    set!(regs, dst, w32!(r!(regs, src)));
    Ok(Flow::Next)
});

op!(I64ExtendI32S { dst, src }, |ip, regs, cx| {
    set!(regs, dst, i64::from(i32_!(regs, src)) as u64);
    Ok(Flow::Next)
});

op!(I64ExtendI32U { dst, src }, |ip, regs, cx| {
    set!(regs, dst, u64::from(u32_!(regs, src)));
    Ok(Flow::Next)
});

op!(I32TruncF32S { dst, src }, |ip, regs, cx| {
    set!(regs, dst, w32!(num::i32_trunc_f32_s(f32_!(regs, src))?));
    Ok(Flow::Next)
});

op!(I32TruncF32U { dst, src }, |ip, regs, cx| {
    set!(regs, dst, w32!(num::i32_trunc_f32_u(f32_!(regs, src))?));
    Ok(Flow::Next)
});

op!(I32TruncF64S { dst, src }, |ip, regs, cx| {
    set!(regs, dst, w32!(num::i32_trunc_f64_s(f64_!(regs, src))?));
    Ok(Flow::Next)
});

op!(I32TruncF64U { dst, src }, |ip, regs, cx| {
    set!(regs, dst, w32!(num::i32_trunc_f64_u(f64_!(regs, src))?));
    Ok(Flow::Next)
});

op!(I64TruncF32S { dst, src }, |ip, regs, cx| {
    set!(regs, dst, num::i64_trunc_f32_s(f32_!(regs, src))? as u64);
    Ok(Flow::Next)
});

op!(I64TruncF32U { dst, src }, |ip, regs, cx| {
    set!(regs, dst, num::i64_trunc_f32_u(f32_!(regs, src))?);
    Ok(Flow::Next)
});

op!(I64TruncF64S { dst, src }, |ip, regs, cx| {
    set!(regs, dst, num::i64_trunc_f64_s(f64_!(regs, src))? as u64);
    Ok(Flow::Next)
});

op!(I64TruncF64U { dst, src }, |ip, regs, cx| {
    set!(regs, dst, num::i64_trunc_f64_u(f64_!(regs, src))?);
    Ok(Flow::Next)
});

op!(I32TruncSatF32S { dst, src }, |ip, regs, cx| {
    set!(regs, dst, w32!(f32_!(regs, src) as i32));
    Ok(Flow::Next)
});

op!(I32TruncSatF32U { dst, src }, |ip, regs, cx| {
    set!(regs, dst, w32!(f32_!(regs, src) as u32));
    Ok(Flow::Next)
});

op!(I32TruncSatF64S { dst, src }, |ip, regs, cx| {
    set!(regs, dst, w32!(f64_!(regs, src) as i32));
    Ok(Flow::Next)
});

op!(I32TruncSatF64U { dst, src }, |ip, regs, cx| {
    set!(regs, dst, w32!(f64_!(regs, src) as u32));
    Ok(Flow::Next)
});

op!(I64TruncSatF32S { dst, src }, |ip, regs, cx| {
    set!(regs, dst, f32_!(regs, src) as i64 as u64);
    Ok(Flow::Next)
});

op!(I64TruncSatF32U { dst, src }, |ip, regs, cx| {
    set!(regs, dst, f32_!(regs, src) as u64);
    Ok(Flow::Next)
});

op!(I64TruncSatF64S { dst, src }, |ip, regs, cx| {
    set!(regs, dst, f64_!(regs, src) as i64 as u64);
    Ok(Flow::Next)
});

op!(I64TruncSatF64U { dst, src }, |ip, regs, cx| {
    set!(regs, dst, f64_!(regs, src) as u64);
    Ok(Flow::Next)
});

op!(F32ConvertI32S { dst, src }, |ip, regs, cx| {
    set!(regs, dst, wf32!(i32_!(regs, src) as f32));
    Ok(Flow::Next)
});

op!(F32ConvertI32U { dst, src }, |ip, regs, cx| {
    set!(regs, dst, wf32!(u32_!(regs, src) as f32));
    Ok(Flow::Next)
});

op!(F32ConvertI64S { dst, src }, |ip, regs, cx| {
    set!(regs, dst, wf32!(r!(regs, src) as i64 as f32));
    Ok(Flow::Next)
});

op!(F32ConvertI64U { dst, src }, |ip, regs, cx| {
    set!(regs, dst, wf32!(r!(regs, src) as f32));
    Ok(Flow::Next)
});

op!(F64ConvertI32S { dst, src }, |ip, regs, cx| {
    set!(regs, dst, wf64!(i32_!(regs, src) as f64));
    Ok(Flow::Next)
});

op!(F64ConvertI32U { dst, src }, |ip, regs, cx| {
    set!(regs, dst, wf64!(u32_!(regs, src) as f64));
    Ok(Flow::Next)
});

op!(F64ConvertI64S { dst, src }, |ip, regs, cx| {
    set!(regs, dst, wf64!(r!(regs, src) as i64 as f64));
    Ok(Flow::Next)
});

op!(F64ConvertI64U { dst, src }, |ip, regs, cx| {
    set!(regs, dst, wf64!(r!(regs, src) as f64));
    Ok(Flow::Next)
});

op!(F32DemoteF64 { dst, src }, |ip, regs, cx| {
    set!(regs, dst, wf32!(f64_!(regs, src) as f32));
    Ok(Flow::Next)
});

op!(F64PromoteF32 { dst, src }, |ip, regs, cx| {
    set!(regs, dst, wf64!(f32_!(regs, src) as f64));
    Ok(Flow::Next)
});

op!(MemorySize { dst }, |ip, regs, cx| {
    set!(regs, dst, (cx.mem_len / crate::store::PAGE_SIZE) as u64);
    Ok(Flow::Next)
});

/// The handler of an instruction.
pub(crate) fn handler_for(instr: &Instr) -> Handler {
    match instr {
        Instr::Data { .. } => Data,
        Instr::Unreachable => Unreachable,
        Instr::ConsumeGas { .. } => ConsumeGas,
        Instr::Br { .. } => Br,
        Instr::BrIfEqz { .. } => BrIfEqz,
        Instr::BrIfNez { .. } => BrIfNez,
        Instr::BrI64IfEqz { .. } => BrI64IfEqz,
        Instr::BrI64IfNez { .. } => BrI64IfNez,
        Instr::BrTable { .. } => BrTable,
        Instr::Return0 => Return0,
        Instr::Return1 { .. } => Return1,
        Instr::ReturnN { .. } => ReturnN,
        Instr::Call { .. } => Call,
        Instr::CallIndirect { .. } => CallIndirect,
        Instr::ReturnCall { .. } => ReturnCall,
        Instr::ReturnCallIndirect { .. } => ReturnCallIndirect,
        Instr::BrI32Eq { .. } => BrI32Eq,
        Instr::BrI32Ne { .. } => BrI32Ne,
        Instr::BrI32LtS { .. } => BrI32LtS,
        Instr::BrI32LtU { .. } => BrI32LtU,
        Instr::BrI32GtS { .. } => BrI32GtS,
        Instr::BrI32GtU { .. } => BrI32GtU,
        Instr::BrI32LeS { .. } => BrI32LeS,
        Instr::BrI32LeU { .. } => BrI32LeU,
        Instr::BrI32GeS { .. } => BrI32GeS,
        Instr::BrI32GeU { .. } => BrI32GeU,
        Instr::BrI32EqImm { .. } => BrI32EqImm,
        Instr::BrI32NeImm { .. } => BrI32NeImm,
        Instr::BrI32LtSImm { .. } => BrI32LtSImm,
        Instr::BrI32LtUImm { .. } => BrI32LtUImm,
        Instr::BrI32GtSImm { .. } => BrI32GtSImm,
        Instr::BrI32GtUImm { .. } => BrI32GtUImm,
        Instr::BrI32LeSImm { .. } => BrI32LeSImm,
        Instr::BrI32LeUImm { .. } => BrI32LeUImm,
        Instr::BrI32GeSImm { .. } => BrI32GeSImm,
        Instr::BrI32GeUImm { .. } => BrI32GeUImm,
        Instr::BrI64Eq { .. } => BrI64Eq,
        Instr::BrI64Ne { .. } => BrI64Ne,
        Instr::BrI64LtS { .. } => BrI64LtS,
        Instr::BrI64LtU { .. } => BrI64LtU,
        Instr::BrI64GtS { .. } => BrI64GtS,
        Instr::BrI64GtU { .. } => BrI64GtU,
        Instr::BrI64LeS { .. } => BrI64LeS,
        Instr::BrI64LeU { .. } => BrI64LeU,
        Instr::BrI64GeS { .. } => BrI64GeS,
        Instr::BrI64GeU { .. } => BrI64GeU,
        Instr::BrI64EqImm { .. } => BrI64EqImm,
        Instr::BrI64NeImm { .. } => BrI64NeImm,
        Instr::BrI64LtSImm { .. } => BrI64LtSImm,
        Instr::BrI64LtUImm { .. } => BrI64LtUImm,
        Instr::BrI64GtSImm { .. } => BrI64GtSImm,
        Instr::BrI64GtUImm { .. } => BrI64GtUImm,
        Instr::BrI64LeSImm { .. } => BrI64LeSImm,
        Instr::BrI64LeUImm { .. } => BrI64LeUImm,
        Instr::BrI64GeSImm { .. } => BrI64GeSImm,
        Instr::BrI64GeUImm { .. } => BrI64GeUImm,
        Instr::Copy { .. } => Copy,
        Instr::Const32 { .. } => Const32,
        Instr::Const64 { .. } => Const64,
        Instr::Select { .. } => Select,
        Instr::RefFunc { .. } => RefFunc,
        Instr::RefIsNull { .. } => RefIsNull,
        Instr::GlobalGet { .. } => GlobalGet,
        Instr::GlobalSet { .. } => GlobalSet,
        Instr::I32Add { .. } => I32Add,
        Instr::I32Sub { .. } => I32Sub,
        Instr::I32Mul { .. } => I32Mul,
        Instr::I32DivS { .. } => I32DivS,
        Instr::I32DivU { .. } => I32DivU,
        Instr::I32RemS { .. } => I32RemS,
        Instr::I32RemU { .. } => I32RemU,
        Instr::I32And { .. } => I32And,
        Instr::I32Or { .. } => I32Or,
        Instr::I32Xor { .. } => I32Xor,
        Instr::I32Shl { .. } => I32Shl,
        Instr::I32ShrS { .. } => I32ShrS,
        Instr::I32ShrU { .. } => I32ShrU,
        Instr::I32Rotl { .. } => I32Rotl,
        Instr::I32Rotr { .. } => I32Rotr,
        Instr::I32Eq { .. } => I32Eq,
        Instr::I32Ne { .. } => I32Ne,
        Instr::I32LtS { .. } => I32LtS,
        Instr::I32LtU { .. } => I32LtU,
        Instr::I32GtS { .. } => I32GtS,
        Instr::I32GtU { .. } => I32GtU,
        Instr::I32LeS { .. } => I32LeS,
        Instr::I32LeU { .. } => I32LeU,
        Instr::I32GeS { .. } => I32GeS,
        Instr::I32GeU { .. } => I32GeU,
        Instr::I32AddImm { .. } => I32AddImm,
        Instr::I32SubImm { .. } => I32SubImm,
        Instr::I32MulImm { .. } => I32MulImm,
        Instr::I32DivSImm { .. } => I32DivSImm,
        Instr::I32DivUImm { .. } => I32DivUImm,
        Instr::I32RemSImm { .. } => I32RemSImm,
        Instr::I32RemUImm { .. } => I32RemUImm,
        Instr::I32AndImm { .. } => I32AndImm,
        Instr::I32OrImm { .. } => I32OrImm,
        Instr::I32XorImm { .. } => I32XorImm,
        Instr::I32ShlImm { .. } => I32ShlImm,
        Instr::I32ShrSImm { .. } => I32ShrSImm,
        Instr::I32ShrUImm { .. } => I32ShrUImm,
        Instr::I32RotlImm { .. } => I32RotlImm,
        Instr::I32RotrImm { .. } => I32RotrImm,
        Instr::I32EqImm { .. } => I32EqImm,
        Instr::I32NeImm { .. } => I32NeImm,
        Instr::I32LtSImm { .. } => I32LtSImm,
        Instr::I32LtUImm { .. } => I32LtUImm,
        Instr::I32GtSImm { .. } => I32GtSImm,
        Instr::I32GtUImm { .. } => I32GtUImm,
        Instr::I32LeSImm { .. } => I32LeSImm,
        Instr::I32LeUImm { .. } => I32LeUImm,
        Instr::I32GeSImm { .. } => I32GeSImm,
        Instr::I32GeUImm { .. } => I32GeUImm,
        Instr::I32Eqz { .. } => I32Eqz,
        Instr::I32Clz { .. } => I32Clz,
        Instr::I32Ctz { .. } => I32Ctz,
        Instr::I32Popcnt { .. } => I32Popcnt,
        Instr::I32Extend8S { .. } => I32Extend8S,
        Instr::I32Extend16S { .. } => I32Extend16S,
        Instr::I64Add { .. } => I64Add,
        Instr::I64Sub { .. } => I64Sub,
        Instr::I64Mul { .. } => I64Mul,
        Instr::I64DivS { .. } => I64DivS,
        Instr::I64DivU { .. } => I64DivU,
        Instr::I64RemS { .. } => I64RemS,
        Instr::I64RemU { .. } => I64RemU,
        Instr::I64And { .. } => I64And,
        Instr::I64Or { .. } => I64Or,
        Instr::I64Xor { .. } => I64Xor,
        Instr::I64Shl { .. } => I64Shl,
        Instr::I64ShrS { .. } => I64ShrS,
        Instr::I64ShrU { .. } => I64ShrU,
        Instr::I64Rotl { .. } => I64Rotl,
        Instr::I64Rotr { .. } => I64Rotr,
        Instr::I64Eq { .. } => I64Eq,
        Instr::I64Ne { .. } => I64Ne,
        Instr::I64LtS { .. } => I64LtS,
        Instr::I64LtU { .. } => I64LtU,
        Instr::I64GtS { .. } => I64GtS,
        Instr::I64GtU { .. } => I64GtU,
        Instr::I64LeS { .. } => I64LeS,
        Instr::I64LeU { .. } => I64LeU,
        Instr::I64GeS { .. } => I64GeS,
        Instr::I64GeU { .. } => I64GeU,
        Instr::I64AddImm { .. } => I64AddImm,
        Instr::I64SubImm { .. } => I64SubImm,
        Instr::I64MulImm { .. } => I64MulImm,
        Instr::I64DivSImm { .. } => I64DivSImm,
        Instr::I64DivUImm { .. } => I64DivUImm,
        Instr::I64RemSImm { .. } => I64RemSImm,
        Instr::I64RemUImm { .. } => I64RemUImm,
        Instr::I64AndImm { .. } => I64AndImm,
        Instr::I64OrImm { .. } => I64OrImm,
        Instr::I64XorImm { .. } => I64XorImm,
        Instr::I64ShlImm { .. } => I64ShlImm,
        Instr::I64ShrSImm { .. } => I64ShrSImm,
        Instr::I64ShrUImm { .. } => I64ShrUImm,
        Instr::I64RotlImm { .. } => I64RotlImm,
        Instr::I64RotrImm { .. } => I64RotrImm,
        Instr::I64EqImm { .. } => I64EqImm,
        Instr::I64NeImm { .. } => I64NeImm,
        Instr::I64LtSImm { .. } => I64LtSImm,
        Instr::I64LtUImm { .. } => I64LtUImm,
        Instr::I64GtSImm { .. } => I64GtSImm,
        Instr::I64GtUImm { .. } => I64GtUImm,
        Instr::I64LeSImm { .. } => I64LeSImm,
        Instr::I64LeUImm { .. } => I64LeUImm,
        Instr::I64GeSImm { .. } => I64GeSImm,
        Instr::I64GeUImm { .. } => I64GeUImm,
        Instr::I64Eqz { .. } => I64Eqz,
        Instr::I64Clz { .. } => I64Clz,
        Instr::I64Ctz { .. } => I64Ctz,
        Instr::I64Popcnt { .. } => I64Popcnt,
        Instr::I64Extend8S { .. } => I64Extend8S,
        Instr::I64Extend16S { .. } => I64Extend16S,
        Instr::I64Extend32S { .. } => I64Extend32S,
        Instr::F32Add { .. } => F32Add,
        Instr::F32Sub { .. } => F32Sub,
        Instr::F32Mul { .. } => F32Mul,
        Instr::F32Div { .. } => F32Div,
        Instr::F32Min { .. } => F32Min,
        Instr::F32Max { .. } => F32Max,
        Instr::F32Copysign { .. } => F32Copysign,
        Instr::F32Eq { .. } => F32Eq,
        Instr::F32Ne { .. } => F32Ne,
        Instr::F32Lt { .. } => F32Lt,
        Instr::F32Gt { .. } => F32Gt,
        Instr::F32Le { .. } => F32Le,
        Instr::F32Ge { .. } => F32Ge,
        Instr::F32Abs { .. } => F32Abs,
        Instr::F32Neg { .. } => F32Neg,
        Instr::F32Ceil { .. } => F32Ceil,
        Instr::F32Floor { .. } => F32Floor,
        Instr::F32Trunc { .. } => F32Trunc,
        Instr::F32Nearest { .. } => F32Nearest,
        Instr::F32Sqrt { .. } => F32Sqrt,
        Instr::F64Add { .. } => F64Add,
        Instr::F64Sub { .. } => F64Sub,
        Instr::F64Mul { .. } => F64Mul,
        Instr::F64Div { .. } => F64Div,
        Instr::F64Min { .. } => F64Min,
        Instr::F64Max { .. } => F64Max,
        Instr::F64Copysign { .. } => F64Copysign,
        Instr::F64Eq { .. } => F64Eq,
        Instr::F64Ne { .. } => F64Ne,
        Instr::F64Lt { .. } => F64Lt,
        Instr::F64Gt { .. } => F64Gt,
        Instr::F64Le { .. } => F64Le,
        Instr::F64Ge { .. } => F64Ge,
        Instr::F64Abs { .. } => F64Abs,
        Instr::F64Neg { .. } => F64Neg,
        Instr::F64Ceil { .. } => F64Ceil,
        Instr::F64Floor { .. } => F64Floor,
        Instr::F64Trunc { .. } => F64Trunc,
        Instr::F64Nearest { .. } => F64Nearest,
        Instr::F64Sqrt { .. } => F64Sqrt,
        Instr::I32WrapI64 { .. } => I32WrapI64,
        Instr::I64ExtendI32S { .. } => I64ExtendI32S,
        Instr::I64ExtendI32U { .. } => I64ExtendI32U,
        Instr::I32TruncF32S { .. } => I32TruncF32S,
        Instr::I32TruncF32U { .. } => I32TruncF32U,
        Instr::I32TruncF64S { .. } => I32TruncF64S,
        Instr::I32TruncF64U { .. } => I32TruncF64U,
        Instr::I64TruncF32S { .. } => I64TruncF32S,
        Instr::I64TruncF32U { .. } => I64TruncF32U,
        Instr::I64TruncF64S { .. } => I64TruncF64S,
        Instr::I64TruncF64U { .. } => I64TruncF64U,
        Instr::I32TruncSatF32S { .. } => I32TruncSatF32S,
        Instr::I32TruncSatF32U { .. } => I32TruncSatF32U,
        Instr::I32TruncSatF64S { .. } => I32TruncSatF64S,
        Instr::I32TruncSatF64U { .. } => I32TruncSatF64U,
        Instr::I64TruncSatF32S { .. } => I64TruncSatF32S,
        Instr::I64TruncSatF32U { .. } => I64TruncSatF32U,
        Instr::I64TruncSatF64S { .. } => I64TruncSatF64S,
        Instr::I64TruncSatF64U { .. } => I64TruncSatF64U,
        Instr::F32ConvertI32S { .. } => F32ConvertI32S,
        Instr::F32ConvertI32U { .. } => F32ConvertI32U,
        Instr::F32ConvertI64S { .. } => F32ConvertI64S,
        Instr::F32ConvertI64U { .. } => F32ConvertI64U,
        Instr::F64ConvertI32S { .. } => F64ConvertI32S,
        Instr::F64ConvertI32U { .. } => F64ConvertI32U,
        Instr::F64ConvertI64S { .. } => F64ConvertI64S,
        Instr::F64ConvertI64U { .. } => F64ConvertI64U,
        Instr::F32DemoteF64 { .. } => F32DemoteF64,
        Instr::F64PromoteF32 { .. } => F64PromoteF32,
        Instr::Load8S { .. } => Load8S,
        Instr::Load8U { .. } => Load8U,
        Instr::Load16S { .. } => Load16S,
        Instr::Load16U { .. } => Load16U,
        Instr::Load32S { .. } => Load32S,
        Instr::Load32U { .. } => Load32U,
        Instr::Load64 { .. } => Load64,
        Instr::Store8 { .. } => Store8,
        Instr::Store16 { .. } => Store16,
        Instr::Store32 { .. } => Store32,
        Instr::Store64 { .. } => Store64,
        Instr::MemorySize { .. } => MemorySize,
        Instr::MemoryGrow { .. } => MemoryGrow,
        Instr::MemoryFill { .. } => MemoryFill,
        Instr::MemoryCopy { .. } => MemoryCopy,
        Instr::MemoryInit { .. } => MemoryInit,
        Instr::DataDrop { .. } => DataDrop,
        Instr::TableGet { .. } => TableGet,
        Instr::TableSet { .. } => TableSet,
        Instr::TableSize { .. } => TableSize,
        Instr::TableGrow { .. } => TableGrow,
        Instr::TableFill { .. } => TableFill,
        Instr::TableCopy { .. } => TableCopy,
        Instr::TableInit { .. } => TableInit,
        Instr::ElemDrop { .. } => ElemDrop,
    }
}
