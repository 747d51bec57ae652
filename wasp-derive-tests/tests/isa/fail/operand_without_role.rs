//! An operand without a role does not compile: the slot visitor could not see it.
//!
//! The case feeds its own small table to wasp-core's real generators: `engine/ir.rs` (the
//! `Instr` enum and its slot visitor) and `executor/handlers/lookup.rs` (the handler lookup).

#![allow(unused, non_snake_case)]

pub(crate) mod isa {
    macro_rules! for_each_instr {
        ($callback:ident) => {
            $callback! {
                /// Does nothing.
                Nop;
                /// Adds two slots; \`dst\` has no role.
                Add { dst, lhs: Src, rhs: Src };
            }
        };
    }
    pub(crate) use for_each_instr;

    macro_rules! for_each_compare {
        ($callback:ident) => {
            $callback! { binary {} zero {} test {} masked {} }
        };
    }
    pub(crate) use for_each_compare;
}

#[path = "../../../../wasp-core/src/engine/ir.rs"]
mod ir;

use ir::Instr;

pub(crate) type Handler = fn() -> &'static str;

pub(crate) fn Nop<const STEP: bool>() -> &'static str {
    "nop"
}
pub(crate) fn Add<const STEP: bool>() -> &'static str {
    "add"
}

#[path = "../../../../wasp-core/src/engine/executor/handlers/lookup.rs"]
mod lookup;

/// The path the generators name the table by.
mod engine {
    pub(crate) use crate::isa;
}

fn main() {

}
