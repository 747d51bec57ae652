//! The result register: a value handed from one handler to the next in a machine register.
//!
//! Every instruction writes its result to a frame slot, and the next one that reads it loads
//! it back: a dependent chain pays a store and a load per link. The handlers of the
//! instructions listed by [`hands_on`] also hand their result on in a register (an integer
//! one, or a float one for f64 results: `Handler` in `executor/dispatch.rs`), still writing
//! the slot, and [`convert`] turns an instruction that reads that slot right after them into
//! its form reading the register (the table `isa::for_each_reader!`).
//!
//! The rule, checked by the verifier for every reader ([`check`]): the instruction before it
//! (before its data word, if it has one), or the last one before the stores right before it
//! (a store writes no slot and passes the register on: [`passes_on`]), hands on its result,
//! of the reader's kind, and wrote the slot the reader stands for; and every branch that
//! lands on the reader, or on a store between, hands on that slot too (only the branches that
//! copy do, `copy_branch.rs`), so the register holds it however the reader is reached.
//! Nothing can happen between the two: the instructions that hand on their result never
//! pause or call, and branch only onto the reader, so a chain that reaches the reader came
//! straight from a writer, or starts at the reader or a store before it (the trampoline, the
//! trace's single steps, a resumed or restored call), and then loads the register from the
//! reader's slot first (`executor/handlers/result_register.rs`). The slot always holds the
//! value, so pauses, snapshots and traces see the same state as without the register.

use crate::engine::ir::{Instr, Reg};

/// Which register a result travels in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// The integer register: an integer result (or a comparison's), as the slot holds it.
    Int,
    /// The float register: an f64 result.
    Float,
}

/// Generates [`hands_on`] from the lists of instructions whose handlers hand on their
/// result (`put!` in `executor/handlers`).
macro_rules! producers {
    (int { $($int:ident),* } float { $($float:ident),* }) => {
        /// The slot `instr` writes and the register it hands that result on in, if it does.
        pub(crate) fn hands_on(instr: &Instr) -> Option<(Reg, Kind)> {
            match *instr {
                $(Instr::$int { dst, .. })|* => Some((dst, Kind::Int)),
                $(Instr::$float { dst, .. })|* => Some((dst, Kind::Float)),
                _ => None,
            }
        }
    };
}

producers! {
    int {
        Load8S, Load8U, Load16S, Load16U, Load32S, Load32U, Load64, Load8SAdd, Load8UAdd, Load16SAdd,
        Load16UAdd, Load32SAdd, Load32UAdd, Load64Add, Load8SIdx, Load8UIdx, Load16SIdx, Load16UIdx,
        Load32SIdx, Load32UIdx, Load64Idx, Load8SAcc, Load8UAcc, Load16SAcc, Load16UAcc, Load32SAcc,
        Load32UAcc, Load64Acc, Load8SAddAcc, Load8UAddAcc, Load16SAddAcc, Load16UAddAcc, Load32SAddAcc,
        Load32UAddAcc, Load64AddAcc, Copy, CopyAcc, CopyBrIfEqz, CopyBrIfNez, CopyBrIfEqzAcc,
        CopyBrIfNezAcc, CopyBrIfEqzCopy, CopyBrIfNezCopy, CopyBrIfEqzCopyAcc, CopyBrIfNezCopyAcc,
        Copy2, Const32Copy, I32AddImm2, I32AndImmBrEqImm, I32AndImmBrNeImm, I32AddImmThenAdd, I32AddThenAddImm, Load8SIdxAcc, Load8UIdxAcc, Load16SIdxAcc, Load16UIdxAcc, Load32SIdxAcc,
        Load32UIdxAcc, Load64IdxAcc, Load8SThrough, Load8UThrough, Load16SThrough, Load16UThrough,
        Load32SThrough, Load32UThrough, Load64Through, Load8SThroughAcc, Load8UThroughAcc,
        Load16SThroughAcc, Load16UThroughAcc, Load32SThroughAcc, Load32UThroughAcc, Load64ThroughAcc,
        Load8SPair, Load8UPair, Load16SPair, Load16UPair, Load32SPair, Load32UPair, Load64Pair,
        Load8SPairAcc, Load8UPairAcc, Load16SPairAcc, Load16UPairAcc, Load32SPairAcc, Load32UPairAcc, Load64PairAcc,
        GlobalGet, GlobalAddI32, Select, SelectI32Eq, SelectI32EqImm, SelectI32Ne, SelectI32NeImm,
        SelectI32LtS, SelectI32LtSImm, SelectI32LtU, SelectI32LtUImm, SelectI32GtS, SelectI32GtSImm,
        SelectI32GtU, SelectI32GtUImm, SelectI32LeS, SelectI32LeSImm, SelectI32LeU, SelectI32LeUImm,
        SelectI32GeS, SelectI32GeSImm, SelectI32GeU, SelectI32GeUImm, SelectI32AndNez,
        SelectI32AndNezImm,
        I32Add, I32Sub, I32Mul, I32DivS, I32DivU, I32RemS, I32RemU, I32And, I32Or, I32Xor,
        I32Shl, I32ShrS, I32ShrU, I32Rotl, I32Rotr, I32AddImm, I32SubImm, I32MulImm,
        I32DivSImm, I32DivUImm, I32RemSImm, I32RemUImm, I32AndImm, I32OrImm, I32XorImm,
        I32ShlImm, I32ShrSImm, I32ShrUImm, I32RotlImm, I32RotrImm, I32Eq, I32Ne, I32LtS,
        I32LtU, I32GtS, I32GtU, I32LeS, I32LeU, I32GeS, I32GeU, I32EqImm, I32NeImm, I32LtSImm,
        I32LtUImm, I32GtSImm, I32GtUImm, I32LeSImm, I32LeUImm, I32GeSImm, I32GeUImm, I32AddAcc,
        I32SubAcc, I32MulAcc, I32AndAcc, I32OrAcc, I32XorAcc, I32ShlAcc, I32ShrSAcc,
        I32ShrUAcc, I32RotlAcc, I32RotrAcc, I32AddImmAcc, I32SubImmAcc, I32MulImmAcc,
        I32AndImmAcc, I32OrImmAcc, I32XorImmAcc, I32ShlImmAcc, I32ShrSImmAcc, I32ShrUImmAcc,
        I32RotlImmAcc, I32RotrImmAcc, I32AndNot, I32OrNot, I64Add, I64Sub, I64Mul, I64DivS,
        I64DivU, I64RemS, I64RemU, I64And, I64Or, I64Xor, I64Shl, I64ShrS, I64ShrU, I64Rotl,
        I64Rotr, I64AddImm, I64SubImm, I64MulImm, I64DivSImm, I64DivUImm, I64RemSImm,
        I64RemUImm, I64AndImm, I64OrImm, I64XorImm, I64ShlImm, I64ShrSImm, I64ShrUImm,
        I64RotlImm, I64RotrImm, I64Eq, I64Ne, I64LtS, I64LtU, I64GtS, I64GtU, I64LeS, I64LeU,
        I64GeS, I64GeU, I64EqImm, I64NeImm, I64LtSImm, I64LtUImm, I64GtSImm, I64GtUImm,
        I64LeSImm, I64LeUImm, I64GeSImm, I64GeUImm, I64AddAcc, I64SubAcc, I64MulAcc, I64AndAcc,
        I64OrAcc, I64XorAcc, I64ShlAcc, I64ShrSAcc, I64ShrUAcc, I64RotlAcc, I64RotrAcc,
        I64AddImmAcc, I64SubImmAcc, I64MulImmAcc, I64AndImmAcc, I64OrImmAcc, I64XorImmAcc,
        I64ShlImmAcc, I64ShrSImmAcc, I64ShrUImmAcc, I64RotlImmAcc, I64RotrImmAcc, I64AndNot,
        I64OrNot, I32Eqz, I32Clz, I32Ctz, I32Popcnt, I32Extend8S, I32Extend16S, I64Eqz, I64Clz,
        I64Ctz, I64Popcnt, I64Extend8S, I64Extend16S, I64Extend32S, I32AddImmRotl, I32ShiftsAdd, I32ShiftsAddAcc, I32ShiftsXor, I32ShiftsXorAcc, I32ShiftsOr, I32ShiftsOrAcc, I64ShiftsAdd, I64ShiftsAddAcc, I64ShiftsXor, I64ShiftsXorAcc, I64ShiftsOr, I64ShiftsOrAcc, I32AddAdd,
        I32MulAdd, I32AndAdd, I32XorAdd, I64MulAdd, I64AddXor, I32ShlImmXor, I32ShrUImmXor,
        I32ShrUImmAdd, I32AndImmAdd, I64ShlImmAdd, I32AddAddImm, I32MulAddImm,
        I32ShrUImmAndImm, I32AddImmAndImm, I32AndImmAddImm, I32AndImmEqImm, I32AndImmNeImm, I32MulImmAddImm, F32Eq, F32Ne,
        F32Lt, F32Gt, F32Le, F32Ge, F64Eq, F64Ne, F64Lt, F64Gt, F64Le, F64Ge, I32AddAddAcc,
        I32MulAddAcc, I32AndAddAcc, I32XorAddAcc, I64MulAddAcc, I64AddXorAcc, I32ShlImmXorAcc,
        I32ShlImmXorAccOther, I32ShrUImmXorAcc, I32ShrUImmXorAccOther, I32ShrUImmAddAcc,
        I32ShrUImmAddAccOther, I32AndImmAddAcc, I32AndImmAddAccOther, I64ShlImmAddAcc,
        I64ShlImmAddAccOther, I32AddAddImmAcc, I32MulAddImmAcc, I32ShrUImmAndImmAcc,
        I32AddImmAndImmAcc, I32AndImmAddImmAcc, I32MulImmAddImmAcc, I32AddImmRotlAcc,
        I32AndNotAcc, I32AndNotAccRhs, I32OrNotAcc, I32OrNotAccRhs, I64AndNotAcc,
        I64AndNotAccRhs, I64OrNotAcc, I64OrNotAccRhs, F32Add, F32Sub, F32Mul, F32Div, F32Min,
        F32Max, F32Copysign, F32Abs, F32Neg, F32Ceil, F32Floor, F32Trunc, F32Nearest, F32Sqrt,
        F32MulAdd, F32MulSub, F32AddAdd, F32MulAddRev, F32MulSubRev, F32AddAcc, F32SubAcc,
        F32MulAcc, F32DivAcc, F32MulAddAcc, F32MulSubAcc, F32AddAddAcc, F32MulAddRevAcc,
        F32MulSubRevAcc
    }
    float {
        F64Add, F64Sub, F64Mul, F64Div, F64Min, F64Max, F64Copysign, F64Ceil, F64Floor,
        F64Trunc, F64Nearest, F64Sqrt, F64MulAdd, F64MulSub, F64AddAdd, F64MulAddRev,
        F64MulSubRev, F64AddAcc, F64SubAcc, F64MulAcc, F64DivAcc, F64MulAddAcc, F64MulSubAcc,
        F64AddAddAcc, F64MulAddRevAcc, F64MulSubRevAcc
    }
}

/// Whether `instr` hands on the result register as it came: a store, which writes no slot
/// (its handlers in `executor/handlers/memory.rs` leave the register alone). The value a
/// load or a sum handed on then reaches a reader after the store that put something
/// else in memory, as a list walk does (`tmp = list->next; list->next = next; ... tmp`). A
/// chain that starts at a store loads the register for the reader after it
/// (`executor/handlers/result_register.rs`).
pub(crate) fn passes_on(instr: &Instr) -> bool {
    use Instr::*;
    matches!(
        instr,
        Store8 { .. }
            | Store16 { .. }
            | Store32 { .. }
            | Store64 { .. }
            | Store8AccVal { .. }
            | Store16AccVal { .. }
            | Store32AccVal { .. }
            | Store64AccVal { .. }
            | Store8AccPtr { .. }
            | Store16AccPtr { .. }
            | Store32AccPtr { .. }
            | Store64AccPtr { .. }
            | Store8Imm { .. }
            | Store16Imm { .. }
            | Store32Imm { .. }
            | Store64Imm { .. }
            | Store8ImmAcc { .. }
            | Store16ImmAcc { .. }
            | Store32ImmAcc { .. }
            | Store64ImmAcc { .. }
            | Store8Add { .. }
            | Store16Add { .. }
            | Store32Add { .. }
            | Store64Add { .. }
            | Store8AddAccVal { .. }
            | Store16AddAccVal { .. }
            | Store32AddAccVal { .. }
            | Store64AddAccVal { .. }
            | Store8AddAccPtr { .. }
            | Store16AddAccPtr { .. }
            | Store32AddAccPtr { .. }
            | Store64AddAccPtr { .. }
    )
}

/// What the result register holds after the instruction at `pc`, entered holding `entered`.
fn leaving(code: &[Instr], pc: usize, entered: Option<(Reg, Kind)>) -> Option<(Reg, Kind)> {
    if passes_on(&code[pc]) {
        entered
    } else {
        hands_on(&code[pc])
    }
}

/// One row of the table of readers in [`to_reader`]: returns the reader of `slot`.
macro_rules! convert_row {
    ($slot:ident, $reader:ident { $($f:ident),* } $read:ident []) => {
        if $read == $slot {
            return Some(Instr::$reader { $($f),* });
        }
    };
    ($slot:ident, $reader:ident { $($f:ident),* } $read:ident [$other:ident]) => {
        convert_row!($slot, $reader { $($f),* } $read []);
        if $other == $slot {
            let ($read, $other) = ($other, $read);
            return Some(Instr::$reader { $($f),* });
        }
    };
}

/// The rows of one instruction of the table of readers in [`to_reader`], in order.
macro_rules! convert_rows {
    ($slot:ident, $fields:tt []) => {};
    ($slot:ident, $fields:tt [[$reader:ident $read:ident [$($other:ident)?]] $($rest:tt)*]) => {
        convert_row!($slot, $reader $fields $read [$($other)?]);
        convert_rows!($slot, $fields [$($rest)*]);
    };
}

/// The rows of one instruction of the table of readers in [`plain_form`]: returns `$plain`
/// for any of its readers.
macro_rules! plain_rows {
    ($instr:ident, $plain:ident $fields:tt [$($reader:ident)+]) => {
        $( plain_row!($instr, $plain $fields $reader); )+
    };
}

/// One row of [`plain_rows!`].
macro_rules! plain_row {
    ($instr:ident, $plain:ident { $($f:ident),* } $reader:ident) => {
        if let Instr::$reader { $($f),* } = $instr {
            return Instr::$plain { $($f),* };
        }
    };
}

/// Generates [`reads`], [`to_reader`] and [`plain_form`] from the table of readers.
macro_rules! readers {
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
        /// The slot whose value `instr` reads from the register instead, and which register.
        pub(crate) fn reads(instr: &Instr) -> Option<(Reg, Kind)> {
            match *instr {
                $($( Instr::$reader { $read, .. } => Some(($read, Kind::Int)), )+)*
                $($( Instr::$freader { $fread, .. } => Some(($fread, Kind::Float)), )+)*
                _ => None,
            }
        }

        /// The plain form of the reader `instr` (the instruction it was converted from, its
        /// operands in the order the reader has them), or `instr` itself if it is no reader.
        pub(crate) fn plain_form(instr: Instr) -> Instr {
            $( plain_rows!(instr, $plain { $($f),* } [$($reader)+]); )*
            $( plain_rows!(instr, $fplain { $($ff),* } [$($freader)+]); )*
            instr
        }

        /// The form of `instr` that reads `slot` from the `kind` register, if it has one.
        fn to_reader(instr: Instr, slot: Reg, kind: Kind) -> Option<Instr> {
            match (instr, kind) {
                $( (Instr::$plain { $($f),* }, Kind::Int) => {
                    convert_rows!(slot, { $($f),* } [$([$reader $read [$($other)?]])+]);
                } )*
                $( (Instr::$fplain { $($ff),* }, Kind::Float) => {
                    convert_rows!(slot, { $($ff),* } [$([$freader $fread [$($fother)?]])+]);
                } )*
                _ => {}
            }
            None
        }
    };
}

crate::engine::isa::for_each_reader!(readers);

/// What the branches (and `br_table` entries) landing on an instruction hand on in the
/// result register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Landing {
    /// No branch lands here.
    None,
    /// Every branch landing here hands on this slot in this register ([`hands_on_taken`]).
    HandsOn(Reg, Kind),
    /// Some branch landing here hands on nothing, or another slot than the others.
    Nothing,
}

/// The slot the branch at `pc` hands on in the result register to the instruction it lands
/// on, and which register: a branch that copies (`copy_branch.rs`).
fn hands_on_taken(code: &[Instr], pc: usize) -> Option<(Reg, Kind)> {
    match code[pc] {
        Instr::BrCopy { dst, .. }
        | Instr::BrCopyPay { dst, .. }
        | Instr::BrIfEqzCopy { dst, .. }
        | Instr::BrIfNezCopy { dst, .. }
        | Instr::BrIfEqzCopyAcc { dst, .. }
        | Instr::BrIfNezCopyAcc { dst, .. }
        | Instr::CopyBrIfEqz { dst, .. }
        | Instr::CopyBrIfNez { dst, .. }
        | Instr::CopyBrIfEqzAcc { dst, .. }
        | Instr::CopyBrIfNezAcc { dst, .. } => Some((dst, Kind::Int)),
        // Taken, they do the loop's copy too, whose destination is in the data word.
        Instr::CopyBrIfEqzCopy { .. }
        | Instr::CopyBrIfNezCopy { .. }
        | Instr::CopyBrIfEqzCopyAcc { .. }
        | Instr::CopyBrIfNezCopyAcc { .. } => match code.get(pc + 1) {
            Some(Instr::Data { b, .. }) => Some((*b, Kind::Int)),
            _ => None,
        },
        _ => None,
    }
}

/// What lands on each instruction of `code`.
fn landings(code: &[Instr]) -> Vec<Landing> {
    let mut landings = vec![Landing::None; code.len()];
    for (pc, target) in super::branches(code) {
        let this =
            hands_on_taken(code, pc).map_or(Landing::Nothing, |(r, k)| Landing::HandsOn(r, k));
        landings[target] = match landings[target] {
            Landing::None => this,
            same if same == this => same,
            _ => Landing::Nothing,
        };
    }
    landings
}

/// The slot whose value the result register holds on entering an instruction, reached by
/// falling through from one that hands on `before` and by the branches `landing` on it.
fn entering(before: Option<(Reg, Kind)>, landing: Landing) -> Option<(Reg, Kind)> {
    match landing {
        Landing::None => before,
        Landing::HandsOn(slot, kind) if before == Some((slot, kind)) => before,
        Landing::HandsOn(..) | Landing::Nothing => None,
    }
}

/// Turns every instruction that the rule (see the module documentation) lets read the
/// result register into its reading form.
pub(super) fn convert(code: &mut [Instr]) {
    let landings = landings(code);
    let mut before = None;
    let mut pc = 0;
    while pc < code.len() {
        let entered = entering(before, landings[pc]);
        if let Some((slot, kind)) = entered {
            if let Some(reader) = to_reader(code[pc], slot, kind) {
                code[pc] = reader;
            }
        }
        before = leaving(code, pc, entered);
        pc += if code[pc].has_data_word() { 2 } else { 1 };
    }
}

/// Checks the rule for every reader of `code`, whose data words are in place (the
/// verifier's invariant 3); the error names the instruction that breaks it.
pub(super) fn check(code: &[Instr]) -> Result<(), (usize, &'static str)> {
    let landings = landings(code);
    let mut before = None;
    let mut pc = 0;
    while pc < code.len() {
        let entered = entering(before, landings[pc]);
        if let Some(read) = reads(&code[pc]) {
            if entered != Some(read) {
                return Err((
                    pc,
                    if landings[pc] == Landing::None {
                        "a reader of the result register after an instruction that did not \
                         hand on that slot"
                    } else {
                        "a reader of the result register at a branch target that does not \
                         hand on that slot"
                    },
                ));
            }
        }
        if let Instr::CopyBrIfEqzAcc { cond, dst, .. }
        | Instr::CopyBrIfNezAcc { cond, dst, .. }
        | Instr::CopyBrIfEqzCopyAcc { cond, dst, .. }
        | Instr::CopyBrIfNezCopyAcc { cond, dst, .. } = code[pc]
        {
            // Its plain form tests `cond` after the copy, and this one the register, read
            // before: the two agree only when the copy does not write `cond`.
            if cond == dst {
                return Err((
                    pc,
                    "a copy-branch reading its condition from the result register that copies \
                     into the condition's slot",
                ));
            }
        }
        before = leaving(code, pc, entered);
        pc += if code[pc].has_data_word() { 2 } else { 1 };
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::verify::verify;
    use crate::engine::ir::Instr;

    fn code(wat: &str, gas: bool) -> Vec<Instr> {
        crate::engine::translator::test_code(wat, gas)
    }

    #[test]
    fn a_value_read_after_a_store_comes_through_it_unless_a_branch_lands_on_the_store() {
        let wat = |between: &str| {
            format!(
                r#"(module (memory 1) (func (param $a i32) (param $b i32) (result i32) (local $t i32)
                  (local.set $t (i32.sub (local.get $a) (local.get $b)))
                  {between}
                  (i32.store (local.get $b) (local.get $a))
                  (i32.store16 offset=16 (local.get $b) (local.get $t))
                  (i32.mul (local.get $t) (i32.const 3))))"#
            )
        };
        let through = code(&wat(""), false);
        let at = through
            .iter()
            .position(|i| matches!(i, Instr::I32Sub { dst: 2, .. }))
            .unwrap_or_else(|| panic!("{through:?}"));
        assert!(
            matches!(
                through[at + 1..at + 4],
                [
                    Instr::Store32 { ptr: 1, val: 0, .. },
                    Instr::Store16AccVal { ptr: 1, val: 2, .. },
                    Instr::I32MulImmAcc { lhs: 2, .. },
                ]
            ),
            "{through:?}"
        );
        verify(&through, 16).expect("verifies");
        // A branch landing on the first store hands on nothing: both read their slots.
        let landed = code(
            &wat("(block $j (br_if $j (local.get $a)) (local.set $b (i32.const 1)))"),
            false,
        );
        assert!(
            landed
                .iter()
                .any(|i| matches!(i, Instr::Store16 { val: 2, .. })),
            "{landed:?}"
        );
        assert!(
            landed
                .iter()
                .any(|i| matches!(i, Instr::I32MulImm { lhs: 2, .. })),
            "{landed:?}"
        );
    }

    #[test]
    fn a_branch_table_on_a_value_just_computed_reads_it_from_the_register_metered_or_not() {
        // (A byte just loaded fuses with the table instead: `load_branch.rs`.)
        let wat = r#"(module (memory 1) (func (param $p i32) (result i32)
            (block $b (block $a
              (br_table $a $b (i32.and (local.get $p) (i32.const 3))))
              (return (i32.const 1)))
            (i32.const 2)))"#;
        for (gas, reader) in [(false, "BrTableAcc"), (true, "BrTablePayAcc")] {
            let code = code(wat, gas);
            let at = code
                .iter()
                .position(|i| matches!(i, Instr::I32AndImm { .. }));
            let at = at.expect("an and");
            let table = format!("{:?}", code[at + 1]);
            assert!(table.starts_with(reader), "gas {gas}: {code:?}");
        }
    }

    #[test]
    fn an_indirect_call_at_an_index_just_computed_reads_it_from_the_register() {
        let wat = r#"(module (type $t (func)) (table 2 funcref) (func (param $i i32)
            (call_indirect (type $t) (i32.and (local.get $i) (i32.const 1)))))"#;
        for gas in [false, true] {
            let code = code(wat, gas);
            let at = code
                .iter()
                .position(|i| matches!(i, Instr::I32AndImm { .. }));
            let at = at.expect("an and");
            assert!(
                matches!(code[at + 1], Instr::CallIndirectAcc { .. }),
                "gas {gas}: {code:?}"
            );
        }
    }

    #[test]
    fn a_dependent_f64_chain_reads_the_float_register_metered_or_not() {
        let wat = r#"(module (func (param $x f64) (param $k f64) (param $c f64) (result f64)
            (local.set $x (f64.add (f64.mul (local.get $x) (local.get $k)) (local.get $c)))
            (local.set $x (f64.add (f64.mul (local.get $x) (local.get $k)) (local.get $c)))
            (local.get $x)))"#;
        for gas in [false, true] {
            let code = code(wat, gas);
            let first = code
                .iter()
                .position(|i| matches!(i, Instr::F64MulAdd { .. }));
            let first = first.expect("a fused multiply-add");
            assert!(
                matches!(
                    code[first + 2],
                    Instr::F64MulAddAcc {
                        lhs: 0,
                        dst: 0,
                        rhs: 1
                    }
                ),
                "{code:?}"
            );
        }
    }

    #[test]
    fn an_f32_chain_reads_its_loads_and_results_from_the_integer_register_metered_or_not() {
        let wat = r#"(module (memory 1)
            (func (param $p i32) (param $k f32) (param $c f32) (result f32) (local $x f32)
            (local.set $x (f32.add (f32.mul (f32.load (local.get $p)) (local.get $k))
                                   (local.get $c)))
            (local.set $x (f32.sub (f32.mul (local.get $x) (local.get $k)) (local.get $c)))
            (f32.store (local.get $p) (f32.div (local.get $x) (local.get $k)))
            (f32.mul (local.get $k) (f32.add (local.get $c) (f32.load (local.get $p))))))"#;
        for gas in [false, true] {
            let code = code(wat, gas);
            let names: Vec<String> = code
                .iter()
                .map(|i| format!("{i:?}").split(' ').next().unwrap_or("").to_string())
                .collect();
            for reader in [
                "F32MulAddAcc",
                "F32MulSubAcc",
                "F32DivAcc",
                "Store32AccVal",
                "F32AddAcc",
                "F32MulAcc",
            ] {
                assert!(
                    names.iter().any(|n| n == reader),
                    "no {reader}, gas {gas}: {code:?}"
                );
            }
            verify(&code, 16).unwrap_or_else(|e| panic!("gas {gas}: {e}"));
        }
    }

    /// Every line of `tests/fixtures/pair_readers.txt`: `(name, type, reader, expression)`.
    fn pair_reader_cases() -> Vec<[&'static str; 4]> {
        include_str!("../../../tests/fixtures/pair_readers.txt")
            .lines()
            .filter(|line| !line.starts_with('#') && !line.is_empty())
            .map(|line| {
                let mut words = line.splitn(4, ' ');
                std::array::from_fn(|_| words.next().expect("four fields"))
            })
            .collect()
    }

    #[test]
    fn fused_pairs_and_operators_read_an_operand_just_computed_from_the_register() {
        let cases = pair_reader_cases();
        assert_eq!(cases.len(), 31);
        for [name, ty, reader, expr] in cases {
            let wat = format!(
                "(module (func (param $a {ty}) (param $b {ty}) (param $c {ty}) (result {ty})
                  (local $t {ty})
                  (local.set $t ({ty}.sub (local.get $a) (local.get $b)))
                  {expr}))"
            );
            for gas in [false, true] {
                let code = code(&wat, gas);
                let found = code
                    .iter()
                    .any(|i| format!("{i:?}").split(' ').next() == Some(reader));
                assert!(found, "{name}, gas {gas}: no {reader} in {code:?}");
                verify(&code, 16).unwrap_or_else(|e| panic!("{name}: {e}"));
            }
        }
    }

    #[test]
    fn an_integer_chain_reads_the_register_on_the_left_and_swaps_a_symmetric_right() {
        let code = code(
            r#"(module (func (param $a i32) (param $b i32) (param $c i32) (result i32)
              (i32.sub (local.get $c) (i32.xor (local.get $c) (i32.sub (local.get $a) (local.get $b))))))"#,
            false,
        );
        let [Instr::I32Sub {
            dst: t,
            lhs: 0,
            rhs: 1,
        }, Instr::I32XorAcc {
            dst: u,
            lhs,
            rhs: 2,
        }, Instr::I32Sub { lhs: 2, rhs, .. }, ..] = code[..]
        else {
            panic!("{code:?}");
        };
        // The xor took its operands swapped; the sub, not symmetric, reads its slot.
        assert_eq!((lhs, rhs), (t, u), "{code:?}");
    }

    #[test]
    fn a_reader_at_a_loop_head_keeps_its_slot_and_the_branch_after_it_reads_the_register() {
        let code = code(
            r#"(module (func (param $a i32) (param $n i32) (result i32)
              (local.set $a (i32.sub (local.get $a) (local.get $n)))
              (loop $l
                (local.set $a (i32.mul (local.get $a) (i32.const 3)))
                (br_if $l (i32.lt_u (local.get $a) (i32.const 1000))))
              (local.get $a)))"#,
            false,
        );
        assert!(
            matches!(
                code[..],
                [
                    Instr::I32Sub { dst: 0, .. },
                    Instr::I32MulImm {
                        dst: 0,
                        lhs: 0,
                        imm: 3
                    },
                    Instr::BrI32LtUImmAcc {
                        lhs: 0,
                        imm: 1000,
                        offset: -1
                    },
                    ..
                ]
            ),
            "{code:?}"
        );
    }

    #[test]
    fn an_array_access_reads_its_index_or_its_stored_value_from_the_register() {
        let wat = r#"(module (memory 1)
            (func (param $b i32) (param $x i32) (param $y i32) (result i32)
              (i32.store (i32.add (local.get $b) (i32.shl (local.get $y) (i32.const 2)))
                (i32.sub (local.get $x) (local.get $y)))
              (i32.load16_u (i32.add (local.get $b)
                (i32.shl (i32.sub (local.get $x) (local.get $y)) (i32.const 1))))))"#;
        for gas in [false, true] {
            let code = code(wat, gas);
            let stores = code.iter().filter(|i| {
                matches!(
                    i,
                    Instr::Store32IdxAccVal {
                        base: 0,
                        index: 2,
                        ..
                    }
                )
            });
            let loads = code
                .iter()
                .filter(|i| matches!(i, Instr::Load16UIdxAcc { base: 0, .. }));
            assert_eq!((stores.count(), loads.count()), (1, 1), "{code:?}");
        }
    }

    #[test]
    fn a_global_read_or_stepped_hands_its_value_to_the_next_instruction() {
        let wat = r#"(module (global $g (mut i32) (i32.const 0))
            (func (param $n i32) (result i32)
              (loop $l
                (global.set $g (i32.add (global.get $g) (i32.const 1)))
                (br_if $l (i32.lt_u (global.get $g) (local.get $n))))
              (i32.mul (global.get $g) (i32.const 3))))"#;
        for gas in [false, true] {
            let code = code(wat, gas);
            let readers = code.windows(2).filter(|w| {
                matches!(
                    w,
                    [Instr::GlobalAddI32 { dst, .. }, Instr::BrI32LtUAcc { lhs, .. }]
                        | [Instr::GlobalGet { dst, .. }, Instr::I32MulImmAcc { lhs, .. }]
                        if dst == lhs
                )
            });
            // Metered, the back edge is a paying branch, which has no reading form.
            let want = if gas { 1 } else { 2 };
            assert_eq!(readers.count(), want, "{code:?}");
        }
    }

    fn add_then(reader: Instr) -> Vec<Instr> {
        vec![
            Instr::I32Add {
                dst: 2,
                lhs: 0,
                rhs: 1,
            },
            reader,
            Instr::Return1 { src: 3 },
        ]
    }

    #[test]
    fn the_verifier_takes_a_reader_right_after_the_writer_of_its_slot() {
        let code = add_then(Instr::I32XorAcc {
            dst: 3,
            lhs: 2,
            rhs: 0,
        });
        assert!(verify(&code, 4).is_ok());
    }

    #[test]
    fn the_verifier_refuses_a_reader_of_another_slot_or_register() {
        let other_slot = add_then(Instr::I32XorAcc {
            dst: 3,
            lhs: 1,
            rhs: 0,
        });
        let float = add_then(Instr::F64AddAcc {
            dst: 3,
            lhs: 2,
            rhs: 0,
        });
        for code in [other_slot, float] {
            let err = verify(&code, 4).unwrap_err().to_string();
            assert!(err.contains("did not hand on that slot"), "{err}");
        }
    }

    #[test]
    fn the_verifier_refuses_a_reading_copy_branch_that_copies_into_its_condition() {
        let copy_branch = |dst| {
            let mut code = add_then(Instr::CopyBrIfNezAcc {
                cond: 2,
                offset: 2,
                dst,
            });
            code.insert(2, Instr::Data { a: 0, b: 0, c: 0 });
            code
        };
        assert!(verify(&copy_branch(3), 4).is_ok());
        let err = verify(&copy_branch(2), 4).unwrap_err().to_string();
        assert!(err.contains("copies into the condition's slot"), "{err}");
    }

    #[test]
    fn the_verifier_refuses_a_reader_after_an_instruction_that_hands_nothing_on() {
        let code = vec![
            Instr::Const32 { dst: 2, val: 5 },
            Instr::I32XorAcc {
                dst: 3,
                lhs: 2,
                rhs: 0,
            },
            Instr::Return1 { src: 3 },
        ];
        let err = verify(&code, 4).unwrap_err().to_string();
        assert!(err.contains("at instruction 1"), "{err}");
    }

    #[test]
    fn the_verifier_refuses_a_reader_that_a_branch_lands_on() {
        let code = vec![
            Instr::I32Add {
                dst: 2,
                lhs: 0,
                rhs: 1,
            },
            Instr::I32XorAcc {
                dst: 3,
                lhs: 2,
                rhs: 0,
            },
            Instr::BrIfNez {
                cond: 3,
                offset: -1,
            },
            Instr::Return1 { src: 3 },
        ];
        let err = verify(&code, 4).unwrap_err().to_string();
        assert!(err.contains("at a branch target"), "{err}");
    }
}
