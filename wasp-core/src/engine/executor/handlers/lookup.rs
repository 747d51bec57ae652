//! The lookup from an instruction to its handler, generated from the instruction table: every
//! instruction's handler is the function named after it, so an instruction without its
//! handler does not compile.

use super::*;

/// Generates [`handler_for`] from the instruction table: every instruction's handler is the
/// function named after it.
macro_rules! handler_lookup {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident $({ $($field:ident : $role:ident $(($ty:ty))?),* })?
        $(+ Data { $($dfield:ident : $drole:ident),* })?;
    )*) => {
        /// The handler of an instruction.
        pub(crate) fn handler_for(instr: &Instr) -> Handler {
            match instr {
                $( Instr::$name { .. } => $name::<false>, )*
            }
        }

        /// The single-step handler of an instruction: it runs the instruction and, given a
        /// budget of one, returns the next instead of continuing with it.
        pub(crate) fn step_handler_for(instr: &Instr) -> Handler {
            match instr {
                $( Instr::$name { .. } => $name::<true>, )*
            }
        }
    };
}

crate::engine::isa::for_each_instr!(handler_lookup);
