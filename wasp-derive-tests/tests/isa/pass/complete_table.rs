//! A table whose every operand has a role and every instruction its handler compiles, and
//! the generated lookup and slot visitor work.
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
                /// Adds two slots.
                Add { dst: Dst, lhs: Src, rhs: Src };
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
    use lookup::handler_for;
    let mut add = Instr::Add { dst: 1, lhs: 2, rhs: 3 };
    assert_eq!(handler_for(&add)(), "add");
    assert_eq!(handler_for(&Instr::Nop)(), "nop");
    assert_eq!(lookup::step_handler_for(&add)(), "add");
    let mut slots = Vec::new();
    add.for_each_slot_mut(|r, _| slots.push(*r));
    assert_eq!(slots, [1, 2, 3]);
}
