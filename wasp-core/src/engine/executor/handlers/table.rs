//! Handlers of tables: element access, size, growth and the bulk instructions.

use super::*;

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
    charge_dynamic!(cx, ip, |c| c.table_grow(delta));
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
