//! Translation of the table operators on 64-bit tables (the memory64 proposal).
//!
//! `table.get`, `table.set`, `call_indirect` and `return_call_indirect` keep the instructions
//! of 32-bit tables, on an index narrowed first by `TableIndex64` (no table holds 2^32
//! elements, so narrowing keeps every out-of-bounds index out of bounds): the hot indirect
//! call of 32-bit tables tests nothing at run time. The bulk instructions and `table.grow`
//! say in their data word's `c` which operands are i64.

use wasmparser::Operator;

use super::Translator;
use crate::engine::ir::Instr;

/// Bits of `TableCopy`'s data word `c`: which operands are i64.
const COPY_DST_64: u32 = 1;
const COPY_SRC_64: u32 = 2;
const COPY_LEN_64: u32 = 4;

impl Translator<'_> {
    /// Translates an operator on a 64-bit table (or a copy with one); false when the operator
    /// is not a table operator or its tables are 32-bit, or when only its index needed
    /// narrowing (`table.get`), which is then left on the stack for the 32-bit translation.
    pub(super) fn table64_op(&mut self, op: &Operator<'_>) -> bool {
        match *op {
            Operator::TableGet { table } if self.env.table64(table) => {
                self.narrow_table_index();
                return false;
            }
            Operator::TableSet { table } if self.env.table64(table) => {
                let val = self.pop_reg();
                self.narrow_table_index();
                let index = self.pop_reg();
                self.emit(Instr::TableSet { index, val, table });
            }
            Operator::TableGrow { table } if self.env.table64(table) => {
                let [init, delta] = self.pop_regs();
                let dst = self.push_temp();
                self.emit(Instr::TableGrow { dst, init, delta });
                self.emit(Instr::Data {
                    a: table,
                    b: 0,
                    c: 1,
                });
            }
            Operator::TableFill { table } if self.env.table64(table) => {
                let [dst, val, len] = self.pop_regs();
                self.emit(Instr::TableFill { dst, val, len });
                self.emit(Instr::Data {
                    a: table,
                    b: 0,
                    c: 1,
                });
            }
            Operator::TableInit { elem_index, table } if self.env.table64(table) => {
                let [dst, src, len] = self.pop_regs();
                self.emit(Instr::TableInit { dst, src, len });
                self.emit(Instr::Data {
                    a: elem_index,
                    b: table,
                    c: 1,
                });
            }
            Operator::TableCopy {
                dst_table,
                src_table,
            } if self.env.table64(dst_table) || self.env.table64(src_table) => {
                let (d64, s64) = (self.env.table64(dst_table), self.env.table64(src_table));
                // The length is i64 only when both tables are 64-bit.
                let bit = |on: bool, bit: u32| if on { bit } else { 0 };
                let wide =
                    bit(d64, COPY_DST_64) | bit(s64, COPY_SRC_64) | bit(d64 && s64, COPY_LEN_64);
                let [dst, src, len] = self.pop_regs();
                self.emit(Instr::TableCopy { dst, src, len });
                self.emit(Instr::Data {
                    a: dst_table,
                    b: src_table,
                    c: wide,
                });
            }
            _ => return false,
        }
        true
    }

    /// Replaces the i64 index on top of the stack by its narrowing to 32 bits
    /// (`Instr::TableIndex64`), in a temporary at the same position.
    pub(super) fn narrow_table_index(&mut self) {
        let src = self.pop_reg();
        let dst = self.push_temp();
        self.emit(Instr::TableIndex64 { dst, src });
    }
}
