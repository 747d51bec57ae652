//! Translation of the memory operators on 64-bit memories (the memory64 proposal).
//!
//! They become the `..Mem64` instructions (`engine/isa.rs`, section "memory64"), never the
//! instructions of 32-bit memories, so that those keep reading 32-bit addresses with no test
//! of the memory's index type at run time. Operators on 32-bit memories are left to the
//! memory table of `ops.rs`.

use wasmparser::{MemArg, MemArgTarget, Operator};

use super::{MemOp, Translator};
use crate::engine::ir::Instr;
use crate::error::Error;

/// `loads` and `stores`: the instruction for memory 0 with an offset below 2^32, then the
/// one for any memory and offset (memory and the offset's high half in a data word), with
/// the Wasm operators they translate.
macro_rules! memory64_ops {
    (
        loads { $($load:ident / $load_n:ident: $($load_op:ident)|*;)* }
        stores { $($store:ident / $store_n:ident: $($store_op:ident)|*;)* }
    ) => {
        /// Translates a load or store of a 64-bit memory; false for other operators.
        fn access_table(t: &mut Translator<'_>, op: &Operator<'_>) -> bool {
            use Operator as O;
            match op {
                $($(O::$load_op { memarg })|* if is_memory64(t, memarg) => t.load64(
                    memarg,
                    (
                        |dst, ptr, offset| Instr::$load { dst, ptr, offset },
                        |dst, ptr, offset| Instr::$load_n { dst, ptr, offset },
                    ),
                ),)*
                $($(O::$store_op { memarg })|* if is_memory64(t, memarg) => t.store64(
                    memarg,
                    (
                        |ptr, val, offset| Instr::$store { ptr, val, offset },
                        |ptr, val, offset| Instr::$store_n { ptr, val, offset },
                    ),
                ),)*
                _ => return false,
            }
            true
        }
    };
}

memory64_ops! {
    loads {
        Load8SMem64 / Load8SMem64N: I32Load8S | I64Load8S;
        Load8UMem64 / Load8UMem64N: I32Load8U | I64Load8U;
        Load16SMem64 / Load16SMem64N: I32Load16S | I64Load16S;
        Load16UMem64 / Load16UMem64N: I32Load16U | I64Load16U;
        Load32SMem64 / Load32SMem64N: I64Load32S;
        Load32UMem64 / Load32UMem64N: I32Load | F32Load | I64Load32U;
        Load64Mem64 / Load64Mem64N: I64Load | F64Load;
    }
    stores {
        Store8Mem64 / Store8Mem64N: I32Store8 | I64Store8;
        Store16Mem64 / Store16Mem64N: I32Store16 | I64Store16;
        Store32Mem64 / Store32Mem64N: I32Store | F32Store | I64Store32;
        Store64Mem64 / Store64Mem64N: I64Store | F64Store;
    }
}

/// Bits of `MemoryCopy64`'s data word `c`: which operands are i64.
const COPY_DST_64: u32 = 1;
const COPY_SRC_64: u32 = 2;
const COPY_LEN_64: u32 = 4;

impl Translator<'_> {
    /// Translates an operator on a 64-bit memory (or a copy with one); false when the
    /// operator is not a memory operator or its memories are 32-bit.
    pub(super) fn memory64_op(&mut self, op: &Operator<'_>) -> Result<bool, Error> {
        if access_table(self, op) {
            return Ok(true);
        }
        match *op {
            Operator::MemoryGrow { mem } if self.env.memory64(mem) => {
                let delta = self.pop_reg();
                let dst = self.push_temp();
                self.emit_result(Instr::MemoryGrow64 { dst, delta, mem });
            }
            Operator::MemoryFill { mem } if self.env.memory64(mem) => {
                let [dst, val, len] = self.pop_regs();
                self.emit_with_data(Instr::MemoryFill64 { dst, val, len }, mem, 0);
            }
            Operator::MemoryInit { data_index, mem } if self.env.memory64(mem) => {
                let [dst, src, len] = self.pop_regs();
                self.emit_with_data(Instr::MemoryInit64 { dst, src, len }, data_index, mem);
            }
            Operator::MemoryCopy { dst_mem, src_mem }
                if self.env.memory64(dst_mem) || self.env.memory64(src_mem) =>
            {
                let (d64, s64) = (self.env.memory64(dst_mem), self.env.memory64(src_mem));
                // The length is i64 only when both memories are 64-bit.
                let bit = |on: bool, bit: u32| if on { bit } else { 0 };
                let wide =
                    bit(d64, COPY_DST_64) | bit(s64, COPY_SRC_64) | bit(d64 && s64, COPY_LEN_64);
                let [dst, src, len] = self.pop_regs();
                self.emit(Instr::MemoryCopy64 { dst, src, len });
                self.emit(Instr::Data {
                    a: dst_mem,
                    b: src_mem,
                    c: wide,
                });
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// A load of a 64-bit memory: `make.0` for memory 0 with an offset below 2^32, `make.1`
    /// (memory and the offset's high half in a data word) otherwise.
    fn load64(&mut self, memarg: &MemArg, make: (MemOp, MemOp)) {
        let (mem, lo, hi) = wide_offset(memarg);
        let ptr = self.pop_reg();
        let dst = self.push_temp();
        if mem == 0 && hi == 0 {
            self.emit_result(make.0(dst, ptr, lo));
        } else {
            self.emit_with_data(make.1(dst, ptr, lo), mem, hi);
        }
    }

    /// A store to a 64-bit memory, in the two forms of [`Self::load64`].
    fn store64(&mut self, memarg: &MemArg, make: (MemOp, MemOp)) {
        let (mem, lo, hi) = wide_offset(memarg);
        let val = self.pop_reg();
        let ptr = self.pop_reg();
        if mem == 0 && hi == 0 {
            self.emit(make.0(ptr, val, lo));
        } else {
            self.emit_with_data(make.1(ptr, val, lo), mem, hi);
        }
    }
}

/// Whether an access is to a 64-bit memory (not to a GC array, which `ops.rs` refuses).
fn is_memory64(t: &Translator<'_>, memarg: &MemArg) -> bool {
    matches!(memarg.target, MemArgTarget::Memory(mem) if t.env.memory64(mem))
}

/// The memory of an access to a memory and its static offset, split into low and high
/// 32 bits.
fn wide_offset(memarg: &MemArg) -> (u32, u32, u32) {
    let mem = match memarg.target {
        MemArgTarget::Memory(mem) => mem,
        // `is_memory64` let only memories through.
        MemArgTarget::Array(_) => 0,
    };
    (mem, memarg.offset as u32, (memarg.offset >> 32) as u32)
}
