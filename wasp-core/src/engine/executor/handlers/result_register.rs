//! The result register at the start of a handler chain (see
//! [`Handler`](super::super::dispatch::Handler)).
//!
//! A reader of the result register (`translator/result_register.rs`) relies on the
//! instruction before it having handed its result on. Within a chain it always has; a chain
//! that starts at a reader (the trampoline's next chain after a spent budget, the single
//! steps of the trace, a call resumed after a pause or restored from a snapshot) reloads the
//! register from the slot the reader stands for, which holds the same value; so does one
//! that starts at a store right before a reader, since a store passes the register on.

use super::*;

/// Generates [`resume_acc`] from the table of readers.
macro_rules! resume {
    (
        int { $(
            $plain:ident { $($f:ident),* }
            $(reads $read:ident $(or $other:ident)? => $reader:ident),+;
        )* }
        float { $(
            $fplain:ident { $($ff:ident),* }
            $(reads $fread:ident $(or $fother:ident)? => $freader:ident),+;
        )* }
    ) => {
        /// The result register to enter the instruction `op` with, at the start of a chain:
        /// what its slot holds when `op` reads the register, nothing otherwise. A store
        /// that does not read it passes it on as it came (`translator/result_register.rs`):
        /// a chain starting at one enters it with what the instruction after it needs.
        pub(crate) fn resume_acc(op: &Op, regs: *mut u64) -> (Acc, FAcc) {
            let mut op: *const Op = op;
            loop {
                // SAFETY: `op` is an instruction of the running function: the one given, or
                // one after a store, which falls through and so is not the last instruction
                // (invariant 4 of `translator/verify.rs`).
                match unsafe { (*op).instr } {
                    $($( Instr::$reader { $read, .. } => {
                        return (Acc::new(r!(regs, $read)), NO_FACC)
                    } )+)*
                    $($( Instr::$freader { $fread, .. } => {
                        return (NO_ACC, FAcc::new(f64::from_bits(r!(regs, $fread))))
                    } )+)*
                    ref instr if crate::engine::translator::passes_on(instr) => {
                        // SAFETY: as above.
                        op = unsafe { op.add(1) };
                    }
                    _ => return (NO_ACC, NO_FACC),
                }
            }
        }
    };
}

crate::engine::isa::for_each_reader!(resume);
