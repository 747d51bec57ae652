//! Wasp's intermediate representation: a register machine over a function's frame.
//!
//! Every function body is translated once into a flat `[Instr]`. A frame is a window of
//! untyped 64-bit slots on the value stack: slots `0..num_locals` are the locals (parameters
//! first), and each position of the Wasm operand stack has a fixed slot above them, since
//! validation fixes the stack height at every instruction. Instructions name the slots they
//! read and write (`Reg`), so `local.get`, `local.set` and most constants vanish in translation.
//!
//! 32-bit values live in the low half of a slot; the high half is unspecified and every reader
//! truncates. Floats are stored as their IEEE bits. References are `0` for null and
//! `index + 1` of the store's function or extern-ref table otherwise.
//!
//! Branch offsets are relative to the index of the branching instruction. Instructions that
//! need more than three operands are followed by one [`Instr::Data`] word.
//!
//! The instructions and their operands are listed once, in [`isa`](super::isa); this module
//! generates [`Instr`] and its accessors from that table. Outside its tests it names no
//! instruction: `wasp-derive-tests` builds it with small tables of its own, so code about
//! particular instructions lives with the translator or the executor.

/// A frame-relative slot index.
pub type Reg = u32;

/// The bit of a SIMD load's or store's memory word (in its data word) that marks a 64-bit
/// memory: the address is then the whole 64-bit operand plus a 64-bit static offset, whose
/// high half is in the data word too. (Modules have at most 100 memories, so the index
/// fits below [`SIMD_LANE_SHIFT`].)
pub(crate) const SIMD_MEM64: u32 = 1 << 31;

/// Where `v128.loadN_lane` keeps its lane in the memory word of its data word.
pub(crate) const SIMD_LANE_SHIFT: u32 = 16;

/// The role of a slot operand, as the instruction table declares it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    /// A slot the instruction writes.
    Dst,
    /// A slot the instruction reads.
    Src,
    /// The first of a run of slots: a callee's frame (`args`) or the values `ReturnN` returns.
    Range,
}

/// The Rust type of an operand of the given role.
macro_rules! operand_type {
    (Dst) => {
        Reg
    };
    (Src) => {
        Reg
    };
    (Range) => {
        Reg
    };
    (Br) => {
        i32
    };
    (Cost) => {
        u16
    };
    (Cost8) => {
        u8
    };
    (Imm($ty:ty)) => {
        $ty
    };
}

/// The doc comment of an operand of the given role.
macro_rules! operand_doc {
    (Dst) => {
        "Destination: the slot the instruction writes."
    };
    (Src) => {
        "Source: a slot the instruction reads."
    };
    (Range) => {
        "The first of a run of slots (a callee's frame, the values returned)."
    };
    (Br) => {
        "Branch offset, relative to this instruction."
    };
    (Cost) => {
        "The cost of the block the branch pays for: the cost of that block's `ConsumeGas`."
    };
    (Cost8) => {
        "The cost of the block the branch pays for, in 8 bits: the cost of that block's `ConsumeGas`."
    };
    (Imm) => {
        "Immediate: an index, a constant or a static offset."
    };
}

/// Hands a slot operand to the visitor `$f` with its role; other operands are not slots.
macro_rules! visit_slot {
    ($f:ident, $x:ident, Dst) => {
        $f($x, Slot::Dst)
    };
    ($f:ident, $x:ident, Src) => {
        $f($x, Slot::Src)
    };
    ($f:ident, $x:ident, Range) => {
        $f($x, Slot::Range)
    };
    ($f:ident, $x:ident, Br) => {
        let _ = $x;
    };
    ($f:ident, $x:ident, Cost) => {
        let _ = $x;
    };
    ($f:ident, $x:ident, Cost8) => {
        let _ = $x;
    };
    ($f:ident, $x:ident, Imm) => {
        let _ = $x;
    };
}

/// Hands a slot of a data word to the visitor `$f`, read or written; immediates are not
/// slots.
macro_rules! visit_data_slot {
    ($f:ident, $x:ident, Src) => {
        $f($x)
    };
    ($f:ident, $x:ident, Dst) => {
        $f($x)
    };
    ($f:ident, $x:ident, Imm) => {
        let _ = $x;
    };
}

/// Returns the operand if its role is `$want`.
macro_rules! return_if {
    ($x:ident, Br, Br) => {
        return Some($x)
    };
    ($x:ident, Dst, Dst) => {
        return Some($x)
    };
    ($x:ident, $role:ident, $want:ident) => {
        let _ = $x;
    };
}

/// Returns the cost a paying branch carries, if `$role` is a cost.
macro_rules! return_cost {
    ($x:ident, Cost) => {
        return Some(u64::from(*$x))
    };
    ($x:ident, Cost8) => {
        return Some(u64::from(*$x))
    };
    ($x:ident, $role:ident) => {
        let _ = $x;
    };
}

/// Writes `$cost` into the cost operand `$x` and returns whether it fits, if `$role` is a cost.
macro_rules! set_cost {
    ($x:ident, Cost, $cost:ident) => {
        return u16::try_from($cost).map(|c| *$x = c).is_ok()
    };
    ($x:ident, Cost8, $cost:ident) => {
        return u8::try_from($cost).map(|c| *$x = c).is_ok()
    };
    ($x:ident, $role:ident, $cost:ident) => {
        let _ = $x;
    };
}

/// Generates [`Instr`] and its accessors from the instruction table.
macro_rules! define_instr {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident $({ $($field:ident : $role:ident $(($ty:ty))?),* })?
        $(+ Data { $($dfield:ident : $drole:ident),* })?;
    )*) => {
        /// One instruction of the IR. Kept at 16 bytes (checked by a test).
        #[derive(Debug, Clone, Copy, PartialEq)]
        pub enum Instr {
            $(
                $(#[doc = $doc])*
                $name $({ $(
                    #[doc = operand_doc!($role)]
                    $field: operand_type!($role $(($ty))?)
                ),* })?,
            )*
        }

        impl Instr {
            /// Calls `f` with every slot operand of the instruction and its role (not the slots
            /// of a following data word: see [`Instr::for_each_data_slot_mut`]).
            pub(crate) fn for_each_slot_mut(&mut self, mut f: impl FnMut(&mut Reg, Slot)) {
                match self {
                    $(
                        Instr::$name $({ $($field),* })? => {
                            $($( visit_slot!(f, $field, $role); )*)?
                        }
                    )*
                }
            }

            /// The branch offset of a branching instruction, mutably.
            #[allow(unreachable_code, unused_variables)]
            fn branch_offset_mut(&mut self) -> Option<&mut i32> {
                match self {
                    $(
                        Instr::$name $({ $($field),* })? => {
                            $($( return_if!($field, $role, Br); )*)?
                        }
                    )*
                }
                None
            }

            /// The cost a paying branch carries (its `Cost` or `Cost8` operand); `None` for an
            /// instruction without one.
            #[allow(unreachable_code, unused_variables)]
            pub(crate) fn cost(&self) -> Option<u64> {
                match self {
                    $(
                        Instr::$name $({ $($field),* })? => {
                            $($( return_cost!($field, $role); )*)?
                        }
                    )*
                }
                None
            }

            /// Writes `cost` into the cost operand of a paying branch that carries one;
            /// whether it has one and `cost` fits in it (it is left as it was otherwise).
            #[allow(unreachable_code, unused_variables)]
            pub(crate) fn set_cost(&mut self, cost: u64) -> bool {
                match self {
                    $(
                        Instr::$name $({ $($field),* })? => {
                            $($( set_cost!($field, $role, cost); )*)?
                        }
                    )*
                }
                false
            }

            /// The destination slot of a plain computation whose result may be redirected
            /// into a local (`local.set` right after it), with a mutable reference to change
            /// it. Instructions with a data word keep theirs (`select` reads its condition
            /// from it: keep it simple).
            #[allow(unreachable_code, unused_variables)]
            pub(crate) fn result_mut(&mut self) -> Option<&mut Reg> {
                match self {
                    $(
                        Instr::$name $({ $($field),* })? => {
                            $( return_none!($($dfield)*); )?
                            $($( return_if!($field, $role, Dst); )*)?
                        }
                    )*
                }
                None
            }

            /// The bytes of the instruction that its operands occupy, one bit per byte (bit
            /// `n` for byte `n`); the others hold the discriminant or padding. Evaluated at
            /// compile time on [`Sample`] instructions: a handler reads two operands with one
            /// load only where both fill the word it loads (`executor/handlers/mod.rs`).
            pub(crate) const fn operand_bytes(&self) -> u16 {
                match self {
                    $(
                        Instr::$name $({ $($field),* })? => {
                            0 $($(
                                // SAFETY: `$field` borrows an operand of `self`.
                                | unsafe { operand_bytes_of(self, $field) }
                            )*)?
                        }
                    )*
                }
            }

            /// Whether a data word follows the instruction.
            #[inline]
            pub(crate) fn has_data_word(&self) -> bool {
                // Only the instructions with a data word are listed, so that this compiles to a
                // few comparisons of the discriminant.
                match self {
                    $($( Instr::$name { .. } => data_word!($($dfield)*), )?)*
                    _ => false,
                }
            }

            /// Calls `f` with every slot that the data word `data` following this instruction
            /// holds for it.
            pub(crate) fn for_each_data_slot_mut(
                &self,
                data: &mut Instr,
                mut f: impl FnMut(&mut Reg),
            ) {
                match self {
                    $(
                        Instr::$name { .. } => {
                            $(
                                if let Instr::Data { $($dfield,)* .. } = data {
                                    $( visit_data_slot!(f, $dfield, $drole); )*
                                }
                            )?
                        }
                    )*
                }
            }
        }

        /// Every instruction with its operands zero, as associated constants named after
        /// their variants, for measuring at compile time where a variant keeps its operands
        /// ([`operand_at`], [`Instr::operand_bytes`]).
        pub(crate) struct Sample;

        // (Handlers that read no operand, or read them otherwise, use none.)
        #[allow(non_upper_case_globals, dead_code)]
        impl Sample {
            $(
                #[doc = concat!("`", stringify!($name), "` with its operands zero.")]
                pub(crate) const $name: Instr = Instr::$name $({ $($field: 0 as _),* })?;
            )*
        }
    };
    // Any other shape: a row is malformed, most likely an operand without its role.
    ($($row:tt)*) => {
        compile_error!(
            "every row of the instruction table is `Name { operand: Role, .. } + Data { .. };` \
             and every operand has a role: `Dst`, `Src`, `Range`, `Br`, `Cost`, `Cost8` or `Imm(type)`"
        );
    };
}

/// Where `operand` lies in `instr`: its offset and its size in bytes. Const, for measuring
/// the layout the compiler chose (it is not specified) while compiling.
///
/// # Safety
///
/// `operand` must borrow an operand of `instr` (bound by matching on `instr`), so that both
/// lie in one allocation.
pub(crate) const unsafe fn operand_at<T>(instr: &Instr, operand: &T) -> (usize, usize) {
    // SAFETY: both pointers lie in `instr`'s allocation (the caller's contract), the operand
    // at or after the instruction's first byte.
    let at = unsafe {
        std::ptr::from_ref(operand)
            .cast::<u8>()
            .offset_from(std::ptr::from_ref(instr).cast::<u8>())
    };
    (at as usize, std::mem::size_of::<T>())
}

/// The bytes `operand` of `instr` occupies, one bit per byte (see [`Instr::operand_bytes`]).
///
/// # Safety
///
/// As for [`operand_at`].
const unsafe fn operand_bytes_of<T>(instr: &Instr, operand: &T) -> u16 {
    // SAFETY: the caller's contract.
    let (at, size) = unsafe { operand_at(instr, operand) };
    (((1u32 << size) - 1) << at) as u16
}

/// `return None`: the instruction has a data word.
macro_rules! return_none {
    ($($t:tt)*) => {
        return None
    };
}

/// `true`: the instruction declares a data word.
macro_rules! data_word {
    ($($t:tt)*) => {
        true
    };
}

super::isa::for_each_instr!(define_instr);

/// Generates one marker per comparison of the table of fused comparisons.
macro_rules! define_fusable {
    (
        binary { $($cmp:ident, $cmp_imm:ident => $br:ident, $br_imm:ident;
                   not $not:ident, $not_imm:ident;)* }
        zero { $($zero:tt)* }
        test { $($test:tt)* }
        masked { $($masked:tt)* }
    ) => {
        /// One marker per comparison of [`for_each_compare!`](super::isa::for_each_compare):
        /// a `compare!` handler row names its comparison's marker, so that it compiles only
        /// for a comparison whose fusion with branches is generated.
        #[allow(non_upper_case_globals)]
        pub(crate) mod fusable {
            $(
                #[doc = concat!("`", stringify!($cmp), "` fuses into `", stringify!($br), "`.")]
                pub(crate) const $cmp: () = ();
            )*
        }
    };
}

super::isa::for_each_compare!(define_fusable);

// An instruction is 16 bytes, its operands 14 of them at most: with its handler, an `Op`
// is 24 (`executor/dispatch.rs`), and every branch and every fetch of the next handler
// steps by that. An instruction whose operands need more takes a data word.
const _: () = assert!(std::mem::size_of::<Instr>() == 16);

impl Instr {
    /// Sets the branch offset of a branching instruction; other instructions are left alone.
    pub(crate) fn set_branch_offset(&mut self, new: i32) {
        if let Some(offset) = self.branch_offset_mut() {
            *offset = new;
        }
    }

    /// The branch offset of a branching instruction, `None` for others.
    pub(crate) fn branch_offset(&self) -> Option<i32> {
        let mut copy = *self;
        copy.branch_offset_mut().map(|o| *o)
    }

    /// Calls `f` with every slot the instruction reads or writes (not a range: the values of
    /// `ReturnN`, the callee frame of calls; nor the slots of a following data word).
    pub(crate) fn for_each_reg(&self, mut f: impl FnMut(Reg)) {
        let mut copy = *self;
        copy.for_each_slot_mut(|r, role| {
            if role != Slot::Range {
                f(*r);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slots(mut instr: Instr) -> Vec<(Reg, Slot)> {
        let mut seen = Vec::new();
        instr.for_each_slot_mut(|r, role| seen.push((*r, role)));
        seen
    }

    #[test]
    fn operand_bytes_cover_each_operand_once() {
        // As many bytes as the operands' sizes add up to: none overlaps another, none lies
        // outside the instruction. Three 4-byte operands; 4, 4, 2 and 4; 2, 4, 4 and 4;
        // 4, 4, 4, 1 and 1; none.
        for (instr, bytes) in [
            (Sample::I32AddImm, 12),
            (Sample::BrI32AndImmEqImm, 4 + 4 + 2 + 4),
            (Sample::StepBrI32NeImm, 2 + 4 + 4 + 4),
            (Sample::I64ShiftsAdd, 4 + 4 + 4 + 1 + 1),
            (Sample::Unreachable, 0),
        ] {
            let covered = instr.operand_bytes();
            assert_eq!(covered.count_ones(), bytes, "{instr:?}: {covered:#018b}");
        }
    }

    #[test]
    fn operands_are_visited_with_their_roles() {
        let sub = Instr::I32Sub {
            dst: 1,
            lhs: 2,
            rhs: 3,
        };
        assert_eq!(slots(sub), [(1, Slot::Dst), (2, Slot::Src), (3, Slot::Src)]);
        let fill = Instr::MemoryFill {
            dst: 4,
            val: 5,
            len: 6,
        };
        assert_eq!(
            slots(fill),
            [(4, Slot::Src), (5, Slot::Src), (6, Slot::Src)]
        );
        let call = Instr::Call { func: 9, args: 7 };
        assert_eq!(slots(call), [(7, Slot::Range)]);
        assert_eq!(slots(Instr::Br { offset: 3 }), []);
    }

    #[test]
    fn results_and_branches_follow_the_roles() {
        let mut sub = Instr::I32SubImm {
            dst: 1,
            lhs: 2,
            imm: 3,
        };
        assert_eq!(sub.result_mut().copied(), Some(1));
        let mut store = Instr::Store32 {
            ptr: 1,
            val: 2,
            offset: 3,
        };
        assert_eq!(store.result_mut(), None);
        let mut select = Instr::Select { dst: 1, a: 2, b: 3 };
        assert_eq!(select.result_mut(), None);
        let mut br = Instr::BrI32LtSImm {
            lhs: 1,
            imm: 2,
            offset: -4,
        };
        assert_eq!(br.branch_offset(), Some(-4));
        br.set_branch_offset(6);
        assert_eq!(br.branch_offset(), Some(6));
        assert_eq!(
            Instr::I32Sub {
                dst: 1,
                lhs: 2,
                rhs: 3
            }
            .branch_offset(),
            None
        );
    }

    #[test]
    fn data_words_declare_their_slots() {
        let select = Instr::Select { dst: 1, a: 2, b: 3 };
        let mut data = Instr::Data { a: 8, b: 9, c: 10 };
        let mut seen = Vec::new();
        select.for_each_data_slot_mut(&mut data, |r| seen.push(*r));
        assert_eq!(seen, [8]);
        let copy = Instr::TableCopy {
            dst: 1,
            src: 2,
            len: 3,
        };
        copy.for_each_data_slot_mut(&mut data, |r| seen.push(*r));
        assert_eq!(seen, [8]);
        assert!(select.has_data_word() && copy.has_data_word());
        assert!(!Instr::Return0.has_data_word());
    }
}
