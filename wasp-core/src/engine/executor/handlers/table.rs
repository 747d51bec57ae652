//! Handlers of tables: element access, size, growth and the bulk instructions.
//!
//! A 64-bit table (the memory64 proposal) reaches `table.get`, `table.set` and the indirect
//! calls through [`Instr::TableIndex64`](crate::engine::ir::Instr), which narrows its i64
//! index; its bulk instructions read i64 operands where their data word's `c` says so.

use super::*;
use crate::store::MAX_TABLE_ELEMENTS;

/// The store address of table `table` of the running instance.
fn table_addr(cx: &Cx<'_>, table: u32) -> usize {
    cx.s.instances[cx.inst as usize].tables[table as usize] as usize
}

op!(TableGet { dst, index, table } whole, |ip, regs, cx| {
    let elems = &cx.s.tables[table_addr(cx, table)].elems;
    let v = *elems
        .get(u32_!(regs, index) as usize)
        .ok_or(TrapCode::TableOutOfBounds)?;
    set!(regs, dst, v);
    Ok(Flow::Next)
});

op!(TableSet { index, val, table } whole, |ip, regs, cx| {
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

op!(TableIndex64 { dst, src }, |ip, regs, cx| {
    set!(regs, dst, r!(regs, src).min(MAX_TABLE_ELEMENTS));
    Ok(Flow::Next)
});

/// Reads slot `reg` as an i64 index or size when `wide`, else as an i32 one.
#[inline(always)]
fn index(regs: *mut u64, reg: crate::engine::ir::Reg, wide: bool) -> u64 {
    let v = r!(regs, reg);
    if wide {
        v
    } else {
        u64::from(v as u32)
    }
}

op!(TableGrow { dst, init, delta }, |ip, regs, cx, gas| {
    let (table, _, wide) = data(ip);
    let delta = index(regs, delta, wide != 0);
    // `-1` of the table's index type.
    let refused = if wide != 0 { u64::MAX } else { w32!(u32::MAX) };
    let addr = table_addr(cx, table);
    let t = &cx.s.tables[addr];
    let wanted = (t.elems.len() as u64).saturating_add(delta);
    let max =
        t.ty.max()
            .map_or(MAX_TABLE_ELEMENTS, |m| m.min(MAX_TABLE_ELEMENTS));
    if wanted > max || !cx.s.limits.table_allows(wanted) {
        // Refused by the maximum or the store's limits: only the base price was paid.
        set!(regs, dst, refused);
        return Ok(Flow::Skip);
    }
    charge_dynamic!(cx, gas, ip, |c| c.table_grow(delta));
    let old = cx.s.tables[addr].grow(delta, r!(regs, init));
    // Growing may have moved the elements of the table indirect calls read through.
    cx.load_table0();
    set!(regs, dst, old.unwrap_or(refused));
    Ok(Flow::Skip)
});

op!(TableFill { dst, val, len }, |ip, regs, cx, gas| {
    let (table, _, wide) = data(ip);
    let len = index(regs, len, wide != 0);
    let done = cx.take_progress();
    if done == 0 {
        charge_dynamic!(cx, gas, ip, |c| c.bulk_table(len));
    }
    let addr = table_addr(cx, table);
    let (d, v) = (index(regs, dst, wide != 0), r!(regs, val));
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

op!(TableCopy { dst, src, len }, |ip, regs, cx, gas| {
    let (dt, st, wide) = data(ip);
    let len = index(regs, len, wide & 4 != 0);
    let done = cx.take_progress();
    if done == 0 {
        charge_dynamic!(cx, gas, ip, |c| c.bulk_table(len));
    }
    let (da, sa) = (table_addr(cx, dt), table_addr(cx, st));
    let d = index(regs, dst, wide & 1 != 0);
    let s = index(regs, src, wide & 2 != 0);
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

op!(TableInit { dst, src, len }, |ip, regs, cx, gas| {
    let len = b!(u32_!(regs, len));
    let done = cx.take_progress();
    if done == 0 {
        charge_dynamic!(cx, gas, ip, |c| c.bulk_table(len));
    }
    let (seg, table, wide) = data(ip);
    let taddr = table_addr(cx, table);
    let eaddr = cx.s.instances[cx.inst as usize].elems[seg as usize] as usize;
    let s = &mut *cx.s;
    let (d, sr) = (index(regs, dst, wide != 0), b!(u32_!(regs, src)));
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
