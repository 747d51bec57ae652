//! The instruction set, written once.
//!
//! [`for_each_instr!`] lists every instruction of Wasp's IR with its doc comment and its
//! operands, each tagged with its role:
//!
//! | role       | type    | meaning                                                          |
//! |------------|---------|------------------------------------------------------------------|
//! | `Dst`      | [`Reg`] | a slot the instruction writes                                    |
//! | `Src`      | [`Reg`] | a slot the instruction reads                                     |
//! | `Range`    | [`Reg`] | the first of a run of slots (a callee frame, returned values)    |
//! | `Br`       | `i32`   | a branch offset, relative to the instruction                     |
//! | `Cost`     | `u16`   | the cost of the block a paying branch enters (`pay.rs`)          |
//! | `Cost8`    | `u8`    | the same, in a branch whose other operands leave one byte for it |
//! | `Imm(T)`   | `T`     | an immediate: an index, a constant, a static offset              |
//!
//! An instruction that needs more than three operands is followed by one data word
//! (`Instr::Data`); its entry ends in `+ Data { .. }` naming the data word's fields it uses,
//! with the role `Src` or `Dst` (a slot read or written) or `Imm`.
//!
//! Everything that depends on an instruction's shape is generated from this table: the
//! [`Instr`] enum and its slot, branch-offset, result and data-word accessors (`ir.rs`), and
//! the instruction-to-handler lookup (`executor/handlers`). The slot visitor is exhaustive:
//! an operand must have a role, and an instruction added here gets its visitor arm, so the
//! verifier sees every slot of every instruction. Handlers are written by hand, one per
//! instruction, named after it.
//!
//! # Where each instruction lives
//!
//! Every instruction is found by its name, one hop each:
//!
//! - its definition: a row of [`for_each_instr!`] here;
//! - its handler: the function of the same name in `executor/handlers/<family>.rs`, most of
//!   them one line (an `int_binary!` row of `int.rs` reads `Name, NameImm(u32) = function;`);
//! - its translation: a row of the tables in `translator/ops.rs` (`numeric_ops!`,
//!   `memory_ops!`), or the arm of `Translator::operator` for control and calls;
//! - its price: `GasCosts::operator` in `costs.rs`, keyed by the Wasm operator.
//!
//! # How to add an instruction
//!
//! 1. Add its row to [`for_each_instr!`], with a doc comment and every operand tagged with
//!    its role; more than three operands go in a data word (`+ Data { .. }`).
//! 2. Write its handler, named after it, in the family file under `executor/handlers/`
//!    (a line in `unary!`, `binary!`, `int_binary!` or `compare!` when it is plain, an
//!    `op!` otherwise). Until it exists the handler lookup does not compile.
//! 3. Add its translation row in `translator/ops.rs`, and its price in `costs.rs` if it is
//!    not the base price.
//! 4. A comparison with fused branches also gets a row in [`for_each_compare!`], which its
//!    `compare!` handler row requires.
//!
//! The verifier, relocation and branch patching need nothing: they are generated.
//!
//! [`Reg`]: super::ir::Reg
//! [`Instr`]: super::ir::Instr

/// Calls `$callback!` with the whole instruction table (see the module documentation).
macro_rules! for_each_instr {
    ($callback:ident) => {
        $callback! {
            // ----- extension word ----------------------------------------------------------------
            /// Extra operands for the preceding instruction; never executed.
            Data { a: Imm(u32), b: Imm(u32), c: Imm(u32) };

            // ----- control -----------------------------------------------------------------------
            /// `unreachable`: traps.
            Unreachable;
            /// Pays for the straight-line block that starts here (gas metering only).
            ConsumeGas { lo: Imm(u32), hi: Imm(u32) };

            // ----- branches into a loop that pay for its first block (gas metering) -------------
            /// [`Instr::Br`] to a loop whose first instruction is a `ConsumeGas`: pays for the
            /// block it starts and continues after it (see `translator/pay.rs`).
            BrPay { offset: Br, cost: Cost };
            /// [`Instr::BrIfEqz`] into a loop, paying as [`Instr::BrPay`] when the i32 `cond` is
            /// zero.
            BrIfEqzPay { cond: Src, offset: Br, cost: Cost };
            /// [`Instr::BrIfNez`] into a loop, paying as [`Instr::BrPay`] when the i32 `cond` is
            /// not zero.
            BrIfNezPay { cond: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64IfEqz`] into a loop, paying as [`Instr::BrPay`] when the i64 `cond` is
            /// zero.
            BrI64IfEqzPay { cond: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64IfNez`] into a loop, paying as [`Instr::BrPay`] when the i64 `cond` is
            /// not zero.
            BrI64IfNezPay { cond: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32Eq`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI32EqPay { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32EqImm`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI32EqImmPay { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32Ne`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI32NePay { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32NeImm`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI32NeImmPay { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32LtS`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI32LtSPay { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32LtSImm`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI32LtSImmPay { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32LtU`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI32LtUPay { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32LtUImm`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI32LtUImmPay { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32GtS`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI32GtSPay { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32GtSImm`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI32GtSImmPay { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32GtU`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI32GtUPay { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32GtUImm`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI32GtUImmPay { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32LeS`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI32LeSPay { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32LeSImm`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI32LeSImmPay { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32LeU`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI32LeUPay { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32LeUImm`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI32LeUImmPay { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32GeS`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI32GeSPay { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32GeSImm`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI32GeSImmPay { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32GeU`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI32GeUPay { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32GeUImm`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI32GeUImmPay { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64Eq`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI64EqPay { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64EqImm`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI64EqImmPay { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64Ne`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI64NePay { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64NeImm`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI64NeImmPay { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64LtS`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI64LtSPay { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64LtSImm`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI64LtSImmPay { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64LtU`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI64LtUPay { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64LtUImm`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI64LtUImmPay { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64GtS`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI64GtSPay { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64GtSImm`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI64GtSImmPay { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64GtU`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI64GtUPay { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64GtUImm`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI64GtUImmPay { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64LeS`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI64LeSPay { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64LeSImm`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI64LeSImmPay { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64LeU`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI64LeUPay { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64LeUImm`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI64LeUImmPay { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64GeS`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI64GeSPay { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64GeSImm`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI64GeSImmPay { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64GeU`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI64GeUPay { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64GeUImm`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI64GeUImmPay { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32AndNez`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI32AndNezPay { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32AndImmNez`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI32AndImmNezPay { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32AndEqz`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI32AndEqzPay { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32AndImmEqz`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI32AndImmEqzPay { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32AndImmEqImm`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI32AndImmEqImmPay { lhs: Src, imm: Imm(i32), imm2: Imm(i16), offset: Br };
            /// [`Instr::BrI32AndImmNeImm`] into a loop, paying as [`Instr::BrPay`] when taken.
            BrI32AndImmNeImmPay { lhs: Src, imm: Imm(i32), imm2: Imm(i16), offset: Br };
            /// Counter steps fused with a branch into a loop (`StepBrI32..`), paying as
            /// [`Instr::BrPay`] when taken.
            StepBrI32EqPay { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI32NePay { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI32LtSPay { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI32LtUPay { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI32GtSPay { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI32GtUPay { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI32LeSPay { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI32LeUPay { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI32GeSPay { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI32GeUPay { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI32EqImmPay { reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br };
            StepBrI32NeImmPay { reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br };
            StepBrI32LtSImmPay { reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br };
            StepBrI32LtUImmPay { reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br };
            StepBrI32GtSImmPay { reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br };
            StepBrI32GtUImmPay { reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br };
            StepBrI32LeSImmPay { reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br };
            StepBrI32LeUImmPay { reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br };
            StepBrI32GeSImmPay { reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br };
            StepBrI32GeUImmPay { reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br };
            /// The i32 counter steps paying as `StepBrI32..Pay` with a step of 16 bits,
            /// reading the cost from the loop's `ConsumeGas`: for a step, or a block's cost,
            /// too large for 8 bits.
            StepBrI32EqPayWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI32NePayWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI32LtSPayWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI32LtUPayWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI32GtSPayWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI32GtUPayWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI32LeSPayWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI32LeUPayWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI32GeSPayWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI32GeUPayWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI32EqImmPayWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI32NeImmPayWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI32LtSImmPayWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI32LtUImmPayWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI32GtSImmPayWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI32GtUImmPayWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI32LeSImmPayWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI32LeUImmPayWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI32GeSImmPayWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI32GeUImmPayWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            /// i64 counter steps fused with a branch into a loop (`StepBrI64..`), paying as
            /// [`Instr::BrPay`] when taken.
            StepBrI64EqPay { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI64NePay { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI64LtSPay { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI64LtUPay { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI64GtSPay { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI64GtUPay { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI64LeSPay { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI64LeUPay { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI64GeSPay { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI64GeUPay { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI64EqImmPay { reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br };
            StepBrI64NeImmPay { reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br };
            StepBrI64LtSImmPay { reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br };
            StepBrI64LtUImmPay { reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br };
            StepBrI64GtSImmPay { reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br };
            StepBrI64GtUImmPay { reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br };
            StepBrI64LeSImmPay { reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br };
            StepBrI64LeUImmPay { reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br };
            StepBrI64GeSImmPay { reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br };
            StepBrI64GeUImmPay { reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br };
            /// The i64 counter steps paying as `StepBrI64..Pay` with a step of 16 bits,
            /// reading the cost from the loop's `ConsumeGas`: for a step, or a block's cost,
            /// too large for 8 bits.
            StepBrI64EqPayWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI64NePayWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI64LtSPayWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI64LtUPayWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI64GtSPayWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI64GtUPayWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI64LeSPayWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI64LeUPayWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI64GeSPayWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI64GeUPayWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI64EqImmPayWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI64NeImmPayWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI64LtSImmPayWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI64LtUImmPayWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI64GtSImmPayWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI64GtUImmPayWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI64LeSImmPayWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI64LeUImmPayWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI64GeSImmPayWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI64GeUImmPayWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            /// Loads fused with a branch into a loop (`Load32UBrNez..`), paying as
            /// [`Instr::BrPay`] when taken (the load done).
            Load32UBrNezPay { dst: Dst, ptr: Src, mem_offset: Imm(u16), offset: Br };
            Load32UBrEqzPay { dst: Dst, ptr: Src, mem_offset: Imm(u16), offset: Br };
            Load8UBrNezPay { dst: Dst, ptr: Src, mem_offset: Imm(u16), offset: Br };
            Load8UBrEqzPay { dst: Dst, ptr: Src, mem_offset: Imm(u16), offset: Br };
            /// i64 counter steps fused with the back edge repeating a loop's exit test, paying
            /// first as the i32 ones (`StepBrI32EqPayFirst`) do.
            StepBrI64EqPayFirst { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI64NePayFirst { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI64LtSPayFirst { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI64LtUPayFirst { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI64GtSPayFirst { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI64GtUPayFirst { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI64LeSPayFirst { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI64LeUPayFirst { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI64GeSPayFirst { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI64GeUPayFirst { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI64EqImmPayFirst {
                reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br
            };
            StepBrI64NeImmPayFirst {
                reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br
            };
            StepBrI64LtSImmPayFirst {
                reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br
            };
            StepBrI64LtUImmPayFirst {
                reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br
            };
            StepBrI64GtSImmPayFirst {
                reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br
            };
            StepBrI64GtUImmPayFirst {
                reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br
            };
            StepBrI64LeSImmPayFirst {
                reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br
            };
            StepBrI64LeUImmPayFirst {
                reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br
            };
            StepBrI64GeSImmPayFirst {
                reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br
            };
            StepBrI64GeUImmPayFirst {
                reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br
            };
            /// The i64 counter steps paying first as `StepBrI64..PayFirst` with a step of 16
            /// bits, reading the cost from the loop's `ConsumeGas`: for a step, or a block's
            /// cost, too large for 8 bits.
            StepBrI64EqPayFirstWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI64NePayFirstWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI64LtSPayFirstWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI64LtUPayFirstWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI64GtSPayFirstWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI64GtUPayFirstWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI64LeSPayFirstWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI64LeUPayFirstWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI64GeSPayFirstWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI64GeUPayFirstWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI64EqImmPayFirstWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI64NeImmPayFirstWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI64LtSImmPayFirstWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI64LtUImmPayFirstWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI64GtSImmPayFirstWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI64GtUImmPayFirstWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI64LeSImmPayFirstWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI64LeUImmPayFirstWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI64GeSImmPayFirstWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI64GeUImmPayFirstWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            /// Counter steps fused with the back edge repeating a loop's exit test
            /// (`StepBrI32..`): the step, then the payment as [`Instr::BrI32EqPayFirst`]
            /// (pausing, the step done, standing at the loop's `ConsumeGas`), then the test.
            StepBrI32EqPayFirst { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI32NePayFirst { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI32LtSPayFirst { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI32LtUPayFirst { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI32GtSPayFirst { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI32GtUPayFirst { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI32LeSPayFirst { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI32LeUPayFirst { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI32GeSPayFirst { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI32GeUPayFirst { reg: Dst, rhs: Src, step: Imm(i8), cost: Cost8, offset: Br };
            StepBrI32EqImmPayFirst {
                reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br
            };
            StepBrI32NeImmPayFirst {
                reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br
            };
            StepBrI32LtSImmPayFirst {
                reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br
            };
            StepBrI32LtUImmPayFirst {
                reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br
            };
            StepBrI32GtSImmPayFirst {
                reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br
            };
            StepBrI32GtUImmPayFirst {
                reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br
            };
            StepBrI32LeSImmPayFirst {
                reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br
            };
            StepBrI32LeUImmPayFirst {
                reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br
            };
            StepBrI32GeSImmPayFirst {
                reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br
            };
            StepBrI32GeUImmPayFirst {
                reg: Dst, step: Imm(i8), cost: Cost8, imm: Imm(i32), offset: Br
            };
            /// The i32 counter steps paying first as `StepBrI32..PayFirst` with a step of 16
            /// bits, reading the cost from the loop's `ConsumeGas`: for a step, or a block's
            /// cost, too large for 8 bits.
            StepBrI32EqPayFirstWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI32NePayFirstWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI32LtSPayFirstWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI32LtUPayFirstWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI32GtSPayFirstWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI32GtUPayFirstWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI32LeSPayFirstWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI32LeUPayFirstWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI32GeSPayFirstWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI32GeUPayFirstWide { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            StepBrI32EqImmPayFirstWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI32NeImmPayFirstWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI32LtSImmPayFirstWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI32LtUImmPayFirstWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI32GtSImmPayFirstWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI32GtUImmPayFirstWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI32LeSImmPayFirstWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI32LeUImmPayFirstWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI32GeSImmPayFirstWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            StepBrI32GeUImmPayFirstWide { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            /// Loads fused with the back edge repeating a loop's exit test
            /// (`Load32UBrNez..`, `translator/load_branch.rs`): the payment first as
            /// [`Instr::BrI32EqPayFirst`] (pausing, nothing loaded, standing at the loop's
            /// `ConsumeGas`), then the load, then the test.
            Load32UBrNezPayFirst { dst: Dst, ptr: Src, mem_offset: Imm(u16), offset: Br };
            Load32UBrEqzPayFirst { dst: Dst, ptr: Src, mem_offset: Imm(u16), offset: Br };
            Load8UBrNezPayFirst { dst: Dst, ptr: Src, mem_offset: Imm(u16), offset: Br };
            Load8UBrEqzPayFirst { dst: Dst, ptr: Src, mem_offset: Imm(u16), offset: Br };

            /// Counters stepped by a slot fused with a branch into a loop (`StepRegBr..`,
            /// `translator/step.rs`), paying the loop's `ConsumeGas` when taken, its cost read
            /// from it (`..Pay`), or, repeating the loop's exit test, paying first, after the
            /// step (`..PayFirst`: a pause stands at the loop's `ConsumeGas`, the step done).
            /// Not taken, on past the data word.
            StepRegBrI32EqPay { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI32EqPayFirst { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI32NePay { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI32NePayFirst { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI32LtSPay { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI32LtSPayFirst { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI32LtUPay { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI32LtUPayFirst { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI32GtSPay { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI32GtSPayFirst { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI32GtUPay { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI32GtUPayFirst { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI32LeSPay { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI32LeSPayFirst { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI32LeUPay { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI32LeUPayFirst { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI32GeSPay { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI32GeSPayFirst { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI32GeUPay { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI32GeUPayFirst { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI64EqPay { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI64EqPayFirst { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI64NePay { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI64NePayFirst { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI64LtSPay { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI64LtSPayFirst { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI64LtUPay { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI64LtUPayFirst { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI64GtSPay { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI64GtSPayFirst { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI64GtUPay { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI64GtUPayFirst { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI64LeSPay { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI64LeSPayFirst { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI64LeUPay { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI64LeUPayFirst { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI64GeSPay { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI64GeSPayFirst { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI64GeUPay { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            StepRegBrI64GeUPayFirst { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };

            // ----- exit tests repeated by a loop's back edge, paying first (gas metering) ------
            /// [`Instr::BrIfEqz`] repeating a loop's exit test: pays first (see `BrI32EqPayFirst`).
            BrIfEqzPayFirst { cond: Src, offset: Br, cost: Cost };
            /// [`Instr::BrIfNez`] repeating a loop's exit test: pays first (see `BrI32EqPayFirst`).
            BrIfNezPayFirst { cond: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64IfEqz`] repeating a loop's exit test: pays first (see
            /// `BrI32EqPayFirst`).
            BrI64IfEqzPayFirst { cond: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64IfNez`] repeating a loop's exit test: pays first (see
            /// `BrI32EqPayFirst`).
            BrI64IfNezPayFirst { cond: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32Eq`] repeating a loop's exit test on its back edge: pays for the
            /// loop's first block, whose `ConsumeGas` stands two instructions before the
            /// target, pausing standing at it when gas is short; then branches when it holds.
            BrI32EqPayFirst { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32EqImm`] repeating a loop's exit test: pays first.
            BrI32EqImmPayFirst { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32Ne`] repeating a loop's exit test: pays first.
            BrI32NePayFirst { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32NeImm`] repeating a loop's exit test: pays first.
            BrI32NeImmPayFirst { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32LtS`] repeating a loop's exit test: pays first.
            BrI32LtSPayFirst { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32LtSImm`] repeating a loop's exit test: pays first.
            BrI32LtSImmPayFirst { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32LtU`] repeating a loop's exit test: pays first.
            BrI32LtUPayFirst { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32LtUImm`] repeating a loop's exit test: pays first.
            BrI32LtUImmPayFirst { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32GtS`] repeating a loop's exit test: pays first.
            BrI32GtSPayFirst { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32GtSImm`] repeating a loop's exit test: pays first.
            BrI32GtSImmPayFirst { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32GtU`] repeating a loop's exit test: pays first.
            BrI32GtUPayFirst { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32GtUImm`] repeating a loop's exit test: pays first.
            BrI32GtUImmPayFirst { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32LeS`] repeating a loop's exit test: pays first.
            BrI32LeSPayFirst { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32LeSImm`] repeating a loop's exit test: pays first.
            BrI32LeSImmPayFirst { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32LeU`] repeating a loop's exit test: pays first.
            BrI32LeUPayFirst { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32LeUImm`] repeating a loop's exit test: pays first.
            BrI32LeUImmPayFirst { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32GeS`] repeating a loop's exit test: pays first.
            BrI32GeSPayFirst { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32GeSImm`] repeating a loop's exit test: pays first.
            BrI32GeSImmPayFirst { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32GeU`] repeating a loop's exit test: pays first.
            BrI32GeUPayFirst { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32GeUImm`] repeating a loop's exit test: pays first.
            BrI32GeUImmPayFirst { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64Eq`] repeating a loop's exit test: pays first.
            BrI64EqPayFirst { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64EqImm`] repeating a loop's exit test: pays first.
            BrI64EqImmPayFirst { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64Ne`] repeating a loop's exit test: pays first.
            BrI64NePayFirst { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64NeImm`] repeating a loop's exit test: pays first.
            BrI64NeImmPayFirst { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64LtS`] repeating a loop's exit test: pays first.
            BrI64LtSPayFirst { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64LtSImm`] repeating a loop's exit test: pays first.
            BrI64LtSImmPayFirst { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64LtU`] repeating a loop's exit test: pays first.
            BrI64LtUPayFirst { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64LtUImm`] repeating a loop's exit test: pays first.
            BrI64LtUImmPayFirst { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64GtS`] repeating a loop's exit test: pays first.
            BrI64GtSPayFirst { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64GtSImm`] repeating a loop's exit test: pays first.
            BrI64GtSImmPayFirst { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64GtU`] repeating a loop's exit test: pays first.
            BrI64GtUPayFirst { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64GtUImm`] repeating a loop's exit test: pays first.
            BrI64GtUImmPayFirst { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64LeS`] repeating a loop's exit test: pays first.
            BrI64LeSPayFirst { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64LeSImm`] repeating a loop's exit test: pays first.
            BrI64LeSImmPayFirst { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64LeU`] repeating a loop's exit test: pays first.
            BrI64LeUPayFirst { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64LeUImm`] repeating a loop's exit test: pays first.
            BrI64LeUImmPayFirst { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64GeS`] repeating a loop's exit test: pays first.
            BrI64GeSPayFirst { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64GeSImm`] repeating a loop's exit test: pays first.
            BrI64GeSImmPayFirst { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64GeU`] repeating a loop's exit test: pays first.
            BrI64GeUPayFirst { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64GeUImm`] repeating a loop's exit test: pays first.
            BrI64GeUImmPayFirst { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32AndNez`] repeating a loop's exit test: pays first.
            BrI32AndNezPayFirst { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32AndImmNez`] repeating a loop's exit test: pays first.
            BrI32AndImmNezPayFirst { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32AndEqz`] repeating a loop's exit test: pays first.
            BrI32AndEqzPayFirst { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32AndImmEqz`] repeating a loop's exit test: pays first.
            BrI32AndImmEqzPayFirst { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32AndImmEqImm`] repeating a loop's exit test: pays first.
            BrI32AndImmEqImmPayFirst { lhs: Src, imm: Imm(i32), imm2: Imm(i16), offset: Br };
            /// [`Instr::BrI32AndImmNeImm`] repeating a loop's exit test: pays first.
            BrI32AndImmNeImmPayFirst { lhs: Src, imm: Imm(i32), imm2: Imm(i16), offset: Br };

            // ----- conditional branches whose both ways pay for the block they enter (gas) ------
            /// [`Instr::BrIfEqzPay`] followed by the `ConsumeGas` of the block it falls into (an
            /// `if`'s `then` arm): pays for the block either way. Taken, it pays as
            /// [`Instr::BrPay`]; not taken, it pays for that `ConsumeGas` (or pauses standing at
            /// it) and continues after it (see `translator/pay.rs`).
            BrIfEqzPayBoth { cond: Src, offset: Br, cost: Cost };
            /// [`Instr::BrIfNezPay`] paying either way (see `BrIfEqzPayBoth`).
            BrIfNezPayBoth { cond: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64IfEqzPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI64IfEqzPayBoth { cond: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64IfNezPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI64IfNezPayBoth { cond: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32EqPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI32EqPayBoth { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32EqImmPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI32EqImmPayBoth { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32NePay`] paying either way (see `BrIfEqzPayBoth`).
            BrI32NePayBoth { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32NeImmPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI32NeImmPayBoth { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32LtSPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI32LtSPayBoth { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32LtSImmPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI32LtSImmPayBoth { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32LtUPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI32LtUPayBoth { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32LtUImmPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI32LtUImmPayBoth { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32GtSPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI32GtSPayBoth { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32GtSImmPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI32GtSImmPayBoth { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32GtUPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI32GtUPayBoth { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32GtUImmPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI32GtUImmPayBoth { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32LeSPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI32LeSPayBoth { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32LeSImmPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI32LeSImmPayBoth { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32LeUPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI32LeUPayBoth { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32LeUImmPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI32LeUImmPayBoth { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32GeSPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI32GeSPayBoth { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32GeSImmPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI32GeSImmPayBoth { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32GeUPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI32GeUPayBoth { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32GeUImmPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI32GeUImmPayBoth { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64EqPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI64EqPayBoth { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64EqImmPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI64EqImmPayBoth { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64NePay`] paying either way (see `BrIfEqzPayBoth`).
            BrI64NePayBoth { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64NeImmPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI64NeImmPayBoth { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64LtSPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI64LtSPayBoth { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64LtSImmPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI64LtSImmPayBoth { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64LtUPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI64LtUPayBoth { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64LtUImmPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI64LtUImmPayBoth { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64GtSPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI64GtSPayBoth { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64GtSImmPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI64GtSImmPayBoth { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64GtUPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI64GtUPayBoth { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64GtUImmPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI64GtUImmPayBoth { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64LeSPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI64LeSPayBoth { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64LeSImmPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI64LeSImmPayBoth { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64LeUPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI64LeUPayBoth { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64LeUImmPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI64LeUImmPayBoth { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64GeSPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI64GeSPayBoth { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64GeSImmPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI64GeSImmPayBoth { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI64GeUPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI64GeUPayBoth { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI64GeUImmPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI64GeUImmPayBoth { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32AndNezPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI32AndNezPayBoth { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32AndImmNezPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI32AndImmNezPayBoth { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32AndEqzPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI32AndEqzPayBoth { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            /// [`Instr::BrI32AndImmEqzPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI32AndImmEqzPayBoth { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            /// [`Instr::BrI32AndImmEqImmPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI32AndImmEqImmPayBoth { lhs: Src, imm: Imm(i32), imm2: Imm(i16), offset: Br };
            /// [`Instr::BrI32AndImmNeImmPay`] paying either way (see `BrIfEqzPayBoth`).
            BrI32AndImmNeImmPayBoth { lhs: Src, imm: Imm(i32), imm2: Imm(i16), offset: Br };
            /// Loads fused with a branch (`Load32UBrNezPay..`) paying either way (see
            /// `BrIfEqzPayBoth`): the `if` on a loaded value falling into its `then` arm.
            Load32UBrNezPayBoth { dst: Dst, ptr: Src, mem_offset: Imm(u16), offset: Br };
            Load32UBrEqzPayBoth { dst: Dst, ptr: Src, mem_offset: Imm(u16), offset: Br };
            Load8UBrNezPayBoth { dst: Dst, ptr: Src, mem_offset: Imm(u16), offset: Br };
            Load8UBrEqzPayBoth { dst: Dst, ptr: Src, mem_offset: Imm(u16), offset: Br };

            // ----- branches, returns and calls ---------------------------------------------------
            /// Branches by `offset`.
            Br { offset: Br };
            /// Branches by `offset` when the i32 `cond` is zero.
            BrIfEqz { cond: Src, offset: Br };
            /// Branches by `offset` when the i32 `cond` is not zero.
            BrIfNez { cond: Src, offset: Br };
            /// A copy and a branch in one dispatch: `dst = src`, with `src` in the data word's
            /// `a`, then [`Instr::BrIfEqz`] (see `translator/copy_branch.rs`).
            CopyBrIfEqz { cond: Src, offset: Br, dst: Dst } + Data { a: Src };
            /// A copy and a branch in one dispatch: `dst = src`, with `src` in the data word's
            /// `a`, then [`Instr::BrIfNez`] (see `translator/copy_branch.rs`).
            CopyBrIfNez { cond: Src, offset: Br, dst: Dst } + Data { a: Src };
            /// A branch into a loop whose first instruction is `Copy { dst, src }`: does that
            /// copy, hands the value on in the result register, and lands after it (see
            /// `translator/copy_branch.rs`).
            BrCopy { offset: Br, dst: Dst, src: Src };
            /// [`Instr::BrIfEqz`] back into a loop whose first instruction is `Copy { dst, src }`,
            /// with `src` in the data word's `a`: taken, does that copy, hands the value on in the
            /// result register, and lands after it (see `translator/copy_branch.rs`).
            BrIfEqzCopy { cond: Src, offset: Br, dst: Dst } + Data { a: Src };
            /// [`Instr::BrIfNez`] back into a loop whose first instruction is a copy, as
            /// [`Instr::BrIfEqzCopy`].
            BrIfNezCopy { cond: Src, offset: Br, dst: Dst } + Data { a: Src };
            /// [`Instr::CopyBrIfEqz`] back into a loop whose first instruction is a copy:
            /// `dst = a`, then, taken, the loop's copy `b = c` (handing on `b` in the result
            /// register, and `dst` when not taken), landing after it (see
            /// `translator/copy_branch.rs`).
            CopyBrIfEqzCopy { cond: Src, offset: Br, dst: Dst } + Data { a: Src, b: Dst, c: Src };
            /// [`Instr::CopyBrIfNez`] back into a loop whose first instruction is a copy, as
            /// [`Instr::CopyBrIfEqzCopy`].
            CopyBrIfNezCopy { cond: Src, offset: Br, dst: Dst } + Data { a: Src, b: Dst, c: Src };
            /// [`Instr::BrCopy`] into a loop that starts with its `ConsumeGas` and then the copy
            /// (gas metering): pays for the loop's first block as a pay-first branch does
            /// (`translator/pay.rs`), or pauses standing at its `ConsumeGas`, then copies and
            /// lands after the copy.
            BrCopyPay { offset: Br, dst: Dst, src: Src, cost: Cost };
            /// Branches by `offset` when the i64 `cond` is zero.
            BrI64IfEqz { cond: Src, offset: Br };
            /// Branches by `offset` when the i64 `cond` is not zero.
            BrI64IfNez { cond: Src, offset: Br };
            /// `br_table` on `index`: followed by `len + 1` `Br` instructions, the last the
            /// default.
            BrTable { index: Src, len: Imm(u32) };
            /// [`Instr::BrTable`] every entry of which lands on a block's `ConsumeGas` (gas
            /// metering): followed by `len + 1` [`Instr::BrPay`] entries, and pays for the
            /// block the chosen one enters (see `translator/pay.rs`).
            BrTablePay { index: Src, len: Imm(u32) };
            /// Returns no value.
            Return0;
            /// Returns the value in `src`.
            Return1 { src: Src };
            /// Returns the `count` values from `src` on.
            ReturnN { src: Range, count: Imm(u32) };
            /// A function's epilogue in one dispatch (`translator/return_branch.rs`): the
            /// stack pointer set back ([`Instr::GlobalSetAddI32`]), then [`Instr::Return0`].
            GlobalSetAddI32Return0 { src: Src, global: Imm(u32), imm: Imm(i32) };
            /// [`Instr::GlobalSetAddI32`] of a global below 2^16, then [`Instr::Return1`] of
            /// `ret`.
            GlobalSetAddI32Return1 { src: Src, global: Imm(u16), imm: Imm(i32), ret: Src };
            /// [`Instr::BrPay`] to a block that only returns (its `ConsumeGas`, then
            /// [`Instr::Return0`]), in one dispatch: pays for the block as the branch does, or
            /// pauses standing at its `ConsumeGas`, then returns (`translator/return_branch.rs`).
            Return0Pay { offset: Br, cost: Cost };
            /// [`Instr::Return0Pay`] for a block that returns `src` ([`Instr::Return1`]).
            Return1Pay { src: Src, offset: Br, cost: Cost };
            /// [`Instr::Return0Pay`] for a block that is a function's epilogue
            /// ([`Instr::GlobalSetAddI32Return0`], of a global below 2^8), costing less than 2^8.
            GlobalSetAddI32Return0Pay {
                src: Src,
                global: Imm(u8),
                imm: Imm(i32),
                offset: Br,
                cost: Cost8
            };
            /// Calls function `func` of the instance; its frame (arguments, then results)
            /// starts at `args`.
            Call { func: Imm(u32), args: Range };
            /// `call_indirect` of type `ty`: element `index` of the table in the data word's `a`.
            CallIndirect { ty: Imm(u32), args: Range, index: Src } + Data { a: Imm };
            /// `return_call` of function `func`, arguments from `args` on.
            ReturnCall { func: Imm(u32), args: Range };
            /// `return_call_indirect`, as [`Instr::CallIndirect`].
            ReturnCallIndirect { ty: Imm(u32), args: Range, index: Src } + Data { a: Imm };

            // ----- fused compare-and-branch ------------------------------------------------------
            /// `br_if` on `i32.eq`: branches by `offset` when it holds.
            BrI32Eq { lhs: Src, rhs: Src, offset: Br };
            /// `br_if` on `i32.ne`: branches by `offset` when it holds.
            BrI32Ne { lhs: Src, rhs: Src, offset: Br };
            /// `br_if` on `i32.lt_s`: branches by `offset` when it holds.
            BrI32LtS { lhs: Src, rhs: Src, offset: Br };
            /// `br_if` on `i32.lt_u`: branches by `offset` when it holds.
            BrI32LtU { lhs: Src, rhs: Src, offset: Br };
            /// `br_if` on `i32.gt_s`: branches by `offset` when it holds.
            BrI32GtS { lhs: Src, rhs: Src, offset: Br };
            /// `br_if` on `i32.gt_u`: branches by `offset` when it holds.
            BrI32GtU { lhs: Src, rhs: Src, offset: Br };
            /// `br_if` on `i32.le_s`: branches by `offset` when it holds.
            BrI32LeS { lhs: Src, rhs: Src, offset: Br };
            /// `br_if` on `i32.le_u`: branches by `offset` when it holds.
            BrI32LeU { lhs: Src, rhs: Src, offset: Br };
            /// `br_if` on `i32.ge_s`: branches by `offset` when it holds.
            BrI32GeS { lhs: Src, rhs: Src, offset: Br };
            /// `br_if` on `i32.ge_u`: branches by `offset` when it holds.
            BrI32GeU { lhs: Src, rhs: Src, offset: Br };
            /// `br_if` on `i32.eq`: branches by `offset` when it holds, `imm` on the right.
            BrI32EqImm { lhs: Src, imm: Imm(i32), offset: Br };
            /// `br_if` on `i32.ne`: branches by `offset` when it holds, `imm` on the right.
            BrI32NeImm { lhs: Src, imm: Imm(i32), offset: Br };
            /// `dst = lhs & a`, then [`Instr::BrI32EqImm`] on `dst` against `b`, with `a` and `b`
            /// in the data word (see `translator/and_branch.rs`).
            I32AndImmBrEqImm { dst: Dst, lhs: Src, offset: Br } + Data { a: Imm, b: Imm };
            /// `dst = lhs & a`, then [`Instr::BrI32NeImm`] on `dst` against `b`, with `a` and `b`
            /// in the data word (see `translator/and_branch.rs`).
            I32AndImmBrNeImm { dst: Dst, lhs: Src, offset: Br } + Data { a: Imm, b: Imm };
            /// `br_if` on `i32.lt_s`: branches by `offset` when it holds, `imm` on the right.
            BrI32LtSImm { lhs: Src, imm: Imm(i32), offset: Br };
            /// `br_if` on `i32.lt_u`: branches by `offset` when it holds, `imm` on the right.
            BrI32LtUImm { lhs: Src, imm: Imm(i32), offset: Br };
            /// `br_if` on `i32.gt_s`: branches by `offset` when it holds, `imm` on the right.
            BrI32GtSImm { lhs: Src, imm: Imm(i32), offset: Br };
            /// `br_if` on `i32.gt_u`: branches by `offset` when it holds, `imm` on the right.
            BrI32GtUImm { lhs: Src, imm: Imm(i32), offset: Br };
            /// `br_if` on `i32.le_s`: branches by `offset` when it holds, `imm` on the right.
            BrI32LeSImm { lhs: Src, imm: Imm(i32), offset: Br };
            /// `br_if` on `i32.le_u`: branches by `offset` when it holds, `imm` on the right.
            BrI32LeUImm { lhs: Src, imm: Imm(i32), offset: Br };
            /// `br_if` on `i32.ge_s`: branches by `offset` when it holds, `imm` on the right.
            BrI32GeSImm { lhs: Src, imm: Imm(i32), offset: Br };
            /// `br_if` on `i32.ge_u`: branches by `offset` when it holds, `imm` on the right.
            BrI32GeUImm { lhs: Src, imm: Imm(i32), offset: Br };
            /// `br_if` on `i64.eq`: branches by `offset` when it holds.
            BrI64Eq { lhs: Src, rhs: Src, offset: Br };
            /// `br_if` on `i64.ne`: branches by `offset` when it holds.
            BrI64Ne { lhs: Src, rhs: Src, offset: Br };
            /// `br_if` on `i64.lt_s`: branches by `offset` when it holds.
            BrI64LtS { lhs: Src, rhs: Src, offset: Br };
            /// `br_if` on `i64.lt_u`: branches by `offset` when it holds.
            BrI64LtU { lhs: Src, rhs: Src, offset: Br };
            /// `br_if` on `i64.gt_s`: branches by `offset` when it holds.
            BrI64GtS { lhs: Src, rhs: Src, offset: Br };
            /// `br_if` on `i64.gt_u`: branches by `offset` when it holds.
            BrI64GtU { lhs: Src, rhs: Src, offset: Br };
            /// `br_if` on `i64.le_s`: branches by `offset` when it holds.
            BrI64LeS { lhs: Src, rhs: Src, offset: Br };
            /// `br_if` on `i64.le_u`: branches by `offset` when it holds.
            BrI64LeU { lhs: Src, rhs: Src, offset: Br };
            /// `br_if` on `i64.ge_s`: branches by `offset` when it holds.
            BrI64GeS { lhs: Src, rhs: Src, offset: Br };
            /// `br_if` on `i64.ge_u`: branches by `offset` when it holds.
            BrI64GeU { lhs: Src, rhs: Src, offset: Br };
            /// `br_if` on `i64.eq`: branches by `offset` when it holds, `imm` on the right.
            BrI64EqImm { lhs: Src, imm: Imm(i32), offset: Br };
            /// `br_if` on `i64.ne`: branches by `offset` when it holds, `imm` on the right.
            BrI64NeImm { lhs: Src, imm: Imm(i32), offset: Br };
            /// `br_if` on `i64.lt_s`: branches by `offset` when it holds, `imm` on the right.
            BrI64LtSImm { lhs: Src, imm: Imm(i32), offset: Br };
            /// `br_if` on `i64.lt_u`: branches by `offset` when it holds, `imm` on the right.
            BrI64LtUImm { lhs: Src, imm: Imm(i32), offset: Br };
            /// `br_if` on `i64.gt_s`: branches by `offset` when it holds, `imm` on the right.
            BrI64GtSImm { lhs: Src, imm: Imm(i32), offset: Br };
            /// `br_if` on `i64.gt_u`: branches by `offset` when it holds, `imm` on the right.
            BrI64GtUImm { lhs: Src, imm: Imm(i32), offset: Br };
            /// `br_if` on `i64.le_s`: branches by `offset` when it holds, `imm` on the right.
            BrI64LeSImm { lhs: Src, imm: Imm(i32), offset: Br };
            /// `br_if` on `i64.le_u`: branches by `offset` when it holds, `imm` on the right.
            BrI64LeUImm { lhs: Src, imm: Imm(i32), offset: Br };
            /// `br_if` on `i64.ge_s`: branches by `offset` when it holds, `imm` on the right.
            BrI64GeSImm { lhs: Src, imm: Imm(i32), offset: Br };
            /// `br_if` on `i64.ge_u`: branches by `offset` when it holds, `imm` on the right.
            BrI64GeUImm { lhs: Src, imm: Imm(i32), offset: Br };
            /// `br_if` on `i32.and`: branches by `offset` when `lhs & rhs` is not zero (a bit
            /// test: `if (flags & mask)`).
            BrI32AndNez { lhs: Src, rhs: Src, offset: Br };
            /// `br_if` on `i32.eqz` of `i32.and`: branches by `offset` when `lhs & rhs` is zero.
            BrI32AndEqz { lhs: Src, rhs: Src, offset: Br };
            /// [`Instr::BrI32AndNez`] with `imm` on the right.
            BrI32AndImmNez { lhs: Src, imm: Imm(i32), offset: Br };
            /// [`Instr::BrI32AndEqz`] with `imm` on the right.
            BrI32AndImmEqz { lhs: Src, imm: Imm(i32), offset: Br };
            /// `br_if` on [`Instr::I32AndImmEqImm`]: branches by `offset` when `lhs & imm` is
            /// `imm2` (a masked byte or field tested for one value).
            BrI32AndImmEqImm { lhs: Src, imm: Imm(i32), imm2: Imm(i16), offset: Br };
            /// `br_if` on [`Instr::I32AndImmNeImm`]: branches by `offset` when `lhs & imm` is
            /// not `imm2`.
            BrI32AndImmNeImm { lhs: Src, imm: Imm(i32), imm2: Imm(i16), offset: Br };
            /// `br_if` on `i32.eq` of `lhs & imm` and `rhs`: branches by `offset` when the masked
            /// field equals the other value (a key's low bits compared with a stored field,
            /// `(key & 0xffff) == node->idx`). The mask is zero-extended from 16 bits.
            BrI32AndImmEq { lhs: Src, rhs: Src, imm: Imm(u16), offset: Br };
            /// `br_if` on `i32.ne` of `lhs & imm` and `rhs`: branches by `offset` when the masked
            /// field differs from the other value.
            BrI32AndImmNe { lhs: Src, rhs: Src, imm: Imm(u16), offset: Br };

            // ----- counter step fused with the compare-and-branch that tests it -----------------
            // `reg = reg + step` (i32, wrapping), then the branch of `BrI32..` on the new value:
            // a loop counter's `local.set $i (i32.add (local.get $i) (i32.const step))` and the
            // `br_if` right after it in one dispatch (`translator/step.rs`). `rhs` is never `reg`.
            /// `reg += step`, then `br_if` on `i32.eq` of `reg` and `rhs`.
            StepBrI32Eq { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            /// `reg += step`, then `br_if` on `i32.ne` of `reg` and `rhs`.
            StepBrI32Ne { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            /// `reg += step`, then `br_if` on `i32.lt_s` of `reg` and `rhs`.
            StepBrI32LtS { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            /// `reg += step`, then `br_if` on `i32.lt_u` of `reg` and `rhs`.
            StepBrI32LtU { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            /// `reg += step`, then `br_if` on `i32.gt_s` of `reg` and `rhs`.
            StepBrI32GtS { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            /// `reg += step`, then `br_if` on `i32.gt_u` of `reg` and `rhs`.
            StepBrI32GtU { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            /// `reg += step`, then `br_if` on `i32.le_s` of `reg` and `rhs`.
            StepBrI32LeS { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            /// `reg += step`, then `br_if` on `i32.le_u` of `reg` and `rhs`.
            StepBrI32LeU { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            /// `reg += step`, then `br_if` on `i32.ge_s` of `reg` and `rhs`.
            StepBrI32GeS { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            /// `reg += step`, then `br_if` on `i32.ge_u` of `reg` and `rhs`.
            StepBrI32GeU { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            /// `reg += step`, then `br_if` on `i32.eq` of `reg` and `imm`.
            StepBrI32EqImm { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            /// `reg += step`, then `br_if` on `i32.ne` of `reg` and `imm`.
            StepBrI32NeImm { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            /// `reg += step`, then `br_if` on `i32.lt_s` of `reg` and `imm`.
            StepBrI32LtSImm { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            /// `reg += step`, then `br_if` on `i32.lt_u` of `reg` and `imm`.
            StepBrI32LtUImm { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            /// `reg += step`, then `br_if` on `i32.gt_s` of `reg` and `imm`.
            StepBrI32GtSImm { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            /// `reg += step`, then `br_if` on `i32.gt_u` of `reg` and `imm`.
            StepBrI32GtUImm { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            /// `reg += step`, then `br_if` on `i32.le_s` of `reg` and `imm`.
            StepBrI32LeSImm { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            /// `reg += step`, then `br_if` on `i32.le_u` of `reg` and `imm`.
            StepBrI32LeUImm { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            /// `reg += step`, then `br_if` on `i32.ge_s` of `reg` and `imm`.
            StepBrI32GeSImm { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            /// `reg += step`, then `br_if` on `i32.ge_u` of `reg` and `imm`.
            StepBrI32GeUImm { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };

            // The same for an i64 counter: `reg = reg + step` (i64, wrapping, `step`
            // sign-extended), then the branch of `BrI64..` on the new value.
            /// i64 `reg += step`, then `br_if` on `i64.eq` of `reg` and `rhs`.
            StepBrI64Eq { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            /// i64 `reg += step`, then `br_if` on `i64.ne` of `reg` and `rhs`.
            StepBrI64Ne { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            /// i64 `reg += step`, then `br_if` on `i64.lt_s` of `reg` and `rhs`.
            StepBrI64LtS { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            /// i64 `reg += step`, then `br_if` on `i64.lt_u` of `reg` and `rhs`.
            StepBrI64LtU { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            /// i64 `reg += step`, then `br_if` on `i64.gt_s` of `reg` and `rhs`.
            StepBrI64GtS { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            /// i64 `reg += step`, then `br_if` on `i64.gt_u` of `reg` and `rhs`.
            StepBrI64GtU { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            /// i64 `reg += step`, then `br_if` on `i64.le_s` of `reg` and `rhs`.
            StepBrI64LeS { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            /// i64 `reg += step`, then `br_if` on `i64.le_u` of `reg` and `rhs`.
            StepBrI64LeU { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            /// i64 `reg += step`, then `br_if` on `i64.ge_s` of `reg` and `rhs`.
            StepBrI64GeS { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            /// i64 `reg += step`, then `br_if` on `i64.ge_u` of `reg` and `rhs`.
            StepBrI64GeU { reg: Dst, rhs: Src, step: Imm(i16), offset: Br };
            /// i64 `reg += step`, then `br_if` on `i64.eq` of `reg` and `imm`.
            StepBrI64EqImm { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            /// i64 `reg += step`, then `br_if` on `i64.ne` of `reg` and `imm`.
            StepBrI64NeImm { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            /// i64 `reg += step`, then `br_if` on `i64.lt_s` of `reg` and `imm`.
            StepBrI64LtSImm { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            /// i64 `reg += step`, then `br_if` on `i64.lt_u` of `reg` and `imm`.
            StepBrI64LtUImm { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            /// i64 `reg += step`, then `br_if` on `i64.gt_s` of `reg` and `imm`.
            StepBrI64GtSImm { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            /// i64 `reg += step`, then `br_if` on `i64.gt_u` of `reg` and `imm`.
            StepBrI64GtUImm { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            /// i64 `reg += step`, then `br_if` on `i64.le_s` of `reg` and `imm`.
            StepBrI64LeSImm { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            /// i64 `reg += step`, then `br_if` on `i64.le_u` of `reg` and `imm`.
            StepBrI64LeUImm { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            /// i64 `reg += step`, then `br_if` on `i64.ge_s` of `reg` and `imm`.
            StepBrI64GeSImm { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };
            /// i64 `reg += step`, then `br_if` on `i64.ge_u` of `reg` and `imm`.
            StepBrI64GeUImm { reg: Dst, step: Imm(i16), imm: Imm(i32), offset: Br };

            // A counter stepped by a slot rather than a constant: `reg = reg + step` (wrapping),
            // `step` the slot in the data word's `a`, then the branch on the new value against
            // the slot `rhs`; not taken, on past the data word (a strided loop's `local.set $j
            // (i32.add (local.get $j) (local.get $stride))` and the `br_if` after it,
            // `translator/step.rs`). `rhs` is never `reg`; `step` is read before `reg` is
            // written. Metered, they take paying forms (`StepRegBr..Pay`, `..PayFirst`).
            /// `i32` `reg += step`, then `br_if` on `i32.eq` of `reg` and `rhs`.
            StepRegBrI32Eq { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            /// `i32` `reg += step`, then `br_if` on `i32.ne` of `reg` and `rhs`.
            StepRegBrI32Ne { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            /// `i32` `reg += step`, then `br_if` on `i32.lt_s` of `reg` and `rhs`.
            StepRegBrI32LtS { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            /// `i32` `reg += step`, then `br_if` on `i32.lt_u` of `reg` and `rhs`.
            StepRegBrI32LtU { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            /// `i32` `reg += step`, then `br_if` on `i32.gt_s` of `reg` and `rhs`.
            StepRegBrI32GtS { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            /// `i32` `reg += step`, then `br_if` on `i32.gt_u` of `reg` and `rhs`.
            StepRegBrI32GtU { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            /// `i32` `reg += step`, then `br_if` on `i32.le_s` of `reg` and `rhs`.
            StepRegBrI32LeS { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            /// `i32` `reg += step`, then `br_if` on `i32.le_u` of `reg` and `rhs`.
            StepRegBrI32LeU { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            /// `i32` `reg += step`, then `br_if` on `i32.ge_s` of `reg` and `rhs`.
            StepRegBrI32GeS { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            /// `i32` `reg += step`, then `br_if` on `i32.ge_u` of `reg` and `rhs`.
            StepRegBrI32GeU { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            /// `i64` `reg += step`, then `br_if` on `i64.eq` of `reg` and `rhs`.
            StepRegBrI64Eq { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            /// `i64` `reg += step`, then `br_if` on `i64.ne` of `reg` and `rhs`.
            StepRegBrI64Ne { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            /// `i64` `reg += step`, then `br_if` on `i64.lt_s` of `reg` and `rhs`.
            StepRegBrI64LtS { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            /// `i64` `reg += step`, then `br_if` on `i64.lt_u` of `reg` and `rhs`.
            StepRegBrI64LtU { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            /// `i64` `reg += step`, then `br_if` on `i64.gt_s` of `reg` and `rhs`.
            StepRegBrI64GtS { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            /// `i64` `reg += step`, then `br_if` on `i64.gt_u` of `reg` and `rhs`.
            StepRegBrI64GtU { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            /// `i64` `reg += step`, then `br_if` on `i64.le_s` of `reg` and `rhs`.
            StepRegBrI64LeS { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            /// `i64` `reg += step`, then `br_if` on `i64.le_u` of `reg` and `rhs`.
            StepRegBrI64LeU { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            /// `i64` `reg += step`, then `br_if` on `i64.ge_s` of `reg` and `rhs`.
            StepRegBrI64GeS { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };
            /// `i64` `reg += step`, then `br_if` on `i64.ge_u` of `reg` and `rhs`.
            StepRegBrI64GeU { reg: Dst, rhs: Src, offset: Br } + Data { a: Src };

            // ----- load fused with the branch testing it ----------------------------------------
            // A plain load and the `br_if` (or `if`) right after it that tests the loaded value
            // for zero, in one dispatch (`translator/load_branch.rs`): the load as `Load32U` or
            // `Load8U` (`ptr + mem_offset`, an offset below 2^16; trapping the same way, the value written to `dst`),
            // then the branch by `offset` on the value.
            /// [`Instr::Load32U`], then branches by `offset` when the value is not zero
            /// (`while ((p = p->next))`).
            Load32UBrNez { dst: Dst, ptr: Src, mem_offset: Imm(u16), offset: Br };
            /// [`Instr::Load32U`], then branches by `offset` when the value is zero.
            Load32UBrEqz { dst: Dst, ptr: Src, mem_offset: Imm(u16), offset: Br };
            /// [`Instr::Load8U`], then branches by `offset` when the byte is not zero.
            Load8UBrNez { dst: Dst, ptr: Src, mem_offset: Imm(u16), offset: Br };
            /// [`Instr::Load8U`], then branches by `offset` when the byte is zero (a string's
            /// terminator).
            Load8UBrEqz { dst: Dst, ptr: Src, mem_offset: Imm(u16), offset: Br };
            /// [`Instr::Load8U`], then `br_table` on the byte (`switch (*p)`: a bytecode
            /// interpreter's or a parser's dispatch): followed by `len + 1` `Br` entries, as
            /// [`Instr::BrTable`] is (`translator/load_branch.rs`).
            Load8UBrTable { dst: Dst, ptr: Src, mem_offset: Imm(u16), len: Imm(u32) };
            /// [`Instr::Load32U`], then `br_table` on the value (`switch (s->state)`).
            Load32UBrTable { dst: Dst, ptr: Src, mem_offset: Imm(u16), len: Imm(u32) };
            /// [`Instr::Load8UBrTable`] whose entries pay, as [`Instr::BrTablePay`]'s do.
            Load8UBrTablePay { dst: Dst, ptr: Src, mem_offset: Imm(u16), len: Imm(u32) };
            /// [`Instr::Load32UBrTable`] whose entries pay, as [`Instr::BrTablePay`]'s do.
            Load32UBrTablePay { dst: Dst, ptr: Src, mem_offset: Imm(u16), len: Imm(u32) };

            // ----- moves and constants -----------------------------------------------------------
            /// `dst = src`.
            Copy { dst: Dst, src: Src };
            /// Two copies in one dispatch: `dst0 = src0`, then `dst = src`, with `src` in the data
            /// word's `a` (see `translator/copy_pair.rs`).
            Copy2 { dst0: Dst, src0: Src, dst: Dst } + Data { a: Src };
            /// A constant and a copy in one dispatch: `dst0 = val`, then `dst = src`, with `src` in
            /// the data word's `a` (see `translator/copy_pair.rs`).
            Const32Copy { dst0: Dst, val: Imm(u32), dst: Dst } + Data { a: Src };
            /// Two constants in one dispatch: `dst0 = val`, then `dst = a`, with the second
            /// constant in the data word's `a` (see `translator/copy_pair.rs`).
            Const32Pair { dst0: Dst, val: Imm(u32), dst: Dst } + Data { a: Imm };
            /// Writes the 32-bit constant `val` into `dst`.
            Const32 { dst: Dst, val: Imm(u32) };
            /// [`Instr::Const32`] falling into a block's `ConsumeGas` (gas metering), which it
            /// pays for in the same dispatch: writes the constant, then pays `cost` or pauses
            /// standing at that `ConsumeGas`, and continues after it (`translator/pay.rs`).
            Const32PayNext { dst: Dst, val: Imm(u32), cost: Cost };
            /// Writes the 64-bit constant `lo | hi << 32` into `dst`.
            Const64 { dst: Dst, lo: Imm(u32), hi: Imm(u32) };
            /// `dst = if cond != 0 { a } else { b }`, with `cond` in the data word's `a`.
            Select { dst: Dst, a: Src, b: Src } + Data { a: Src };
            // A `select` on a comparison computed right before it (`translator/ops.rs`): the
            // comparison's operands in the data word, `a` and `b` (a slot or an immediate).
            /// [`Instr::Select`] on [`Instr::I32Eq`] of the data word's `a` and `b`.
            SelectI32Eq { dst: Dst, a: Src, b: Src } + Data { a: Src, b: Src };
            /// [`Instr::Select`] on [`Instr::I32EqImm`] of the data word's `a` and immediate `b`.
            SelectI32EqImm { dst: Dst, a: Src, b: Src } + Data { a: Src, b: Imm };
            /// [`Instr::Select`] on [`Instr::I32Ne`] of the data word's `a` and `b`.
            SelectI32Ne { dst: Dst, a: Src, b: Src } + Data { a: Src, b: Src };
            /// [`Instr::Select`] on [`Instr::I32NeImm`] of the data word's `a` and immediate `b`.
            SelectI32NeImm { dst: Dst, a: Src, b: Src } + Data { a: Src, b: Imm };
            /// [`Instr::Select`] on [`Instr::I32LtS`] of the data word's `a` and `b`.
            SelectI32LtS { dst: Dst, a: Src, b: Src } + Data { a: Src, b: Src };
            /// [`Instr::Select`] on [`Instr::I32LtSImm`] of the data word's `a` and immediate `b`.
            SelectI32LtSImm { dst: Dst, a: Src, b: Src } + Data { a: Src, b: Imm };
            /// [`Instr::Select`] on [`Instr::I32LtU`] of the data word's `a` and `b`.
            SelectI32LtU { dst: Dst, a: Src, b: Src } + Data { a: Src, b: Src };
            /// [`Instr::Select`] on [`Instr::I32LtUImm`] of the data word's `a` and immediate `b`.
            SelectI32LtUImm { dst: Dst, a: Src, b: Src } + Data { a: Src, b: Imm };
            /// [`Instr::Select`] on [`Instr::I32GtS`] of the data word's `a` and `b`.
            SelectI32GtS { dst: Dst, a: Src, b: Src } + Data { a: Src, b: Src };
            /// [`Instr::Select`] on [`Instr::I32GtSImm`] of the data word's `a` and immediate `b`.
            SelectI32GtSImm { dst: Dst, a: Src, b: Src } + Data { a: Src, b: Imm };
            /// [`Instr::Select`] on [`Instr::I32GtU`] of the data word's `a` and `b`.
            SelectI32GtU { dst: Dst, a: Src, b: Src } + Data { a: Src, b: Src };
            /// [`Instr::Select`] on [`Instr::I32GtUImm`] of the data word's `a` and immediate `b`.
            SelectI32GtUImm { dst: Dst, a: Src, b: Src } + Data { a: Src, b: Imm };
            /// [`Instr::Select`] on [`Instr::I32LeS`] of the data word's `a` and `b`.
            SelectI32LeS { dst: Dst, a: Src, b: Src } + Data { a: Src, b: Src };
            /// [`Instr::Select`] on [`Instr::I32LeSImm`] of the data word's `a` and immediate `b`.
            SelectI32LeSImm { dst: Dst, a: Src, b: Src } + Data { a: Src, b: Imm };
            /// [`Instr::Select`] on [`Instr::I32LeU`] of the data word's `a` and `b`.
            SelectI32LeU { dst: Dst, a: Src, b: Src } + Data { a: Src, b: Src };
            /// [`Instr::Select`] on [`Instr::I32LeUImm`] of the data word's `a` and immediate `b`.
            SelectI32LeUImm { dst: Dst, a: Src, b: Src } + Data { a: Src, b: Imm };
            /// [`Instr::Select`] on [`Instr::I32GeS`] of the data word's `a` and `b`.
            SelectI32GeS { dst: Dst, a: Src, b: Src } + Data { a: Src, b: Src };
            /// [`Instr::Select`] on [`Instr::I32GeSImm`] of the data word's `a` and immediate `b`.
            SelectI32GeSImm { dst: Dst, a: Src, b: Src } + Data { a: Src, b: Imm };
            /// [`Instr::Select`] on [`Instr::I32GeU`] of the data word's `a` and `b`.
            SelectI32GeU { dst: Dst, a: Src, b: Src } + Data { a: Src, b: Src };
            /// [`Instr::Select`] on [`Instr::I32GeUImm`] of the data word's `a` and immediate `b`.
            SelectI32GeUImm { dst: Dst, a: Src, b: Src } + Data { a: Src, b: Imm };
            /// [`Instr::Select`] on `data.a & data.b != 0` (i32).
            SelectI32AndNez { dst: Dst, a: Src, b: Src } + Data { a: Src, b: Src };
            /// [`Instr::Select`] on `data.a & data.b != 0` (i32), `data.b` an immediate.
            SelectI32AndNezImm { dst: Dst, a: Src, b: Src } + Data { a: Src, b: Imm };
            /// `ref.func` of function `func` of the instance.
            RefFunc { dst: Dst, func: Imm(u32) };
            /// `ref.is_null`.
            RefIsNull { dst: Dst, src: Src };
            /// `global.get` of global `global`.
            GlobalGet { dst: Dst, global: Imm(u32) };
            /// `global.set` of global `global`.
            GlobalSet { src: Src, global: Imm(u32) };
            /// `global.set` of global `global` (an i32) to its value plus `imm` (wrapping), the
            /// sum also written to `dst`: `global.get`, `i32.add` of a constant and `global.set`
            /// of the same global, as a counter or a stack-pointer prologue does
            /// (`translator/global_add.rs`).
            GlobalAddI32 { dst: Dst, global: Imm(u32), imm: Imm(i32) };
            /// `global.set` of global `global` (an i32) to `src + imm` (wrapping): `i32.add` of a
            /// constant whose sum only `global.set` reads, as a stack-pointer epilogue does
            /// (`translator/global_add.rs`).
            GlobalSetAddI32 { src: Src, global: Imm(u32), imm: Imm(i32) };

            // ----- i32 arithmetic ----------------------------------------------------------------
            /// `i32.add`.
            I32Add { dst: Dst, lhs: Src, rhs: Src };
            /// `i32.sub`.
            I32Sub { dst: Dst, lhs: Src, rhs: Src };
            /// `i32.mul`.
            I32Mul { dst: Dst, lhs: Src, rhs: Src };
            /// `i32.div_s`.
            I32DivS { dst: Dst, lhs: Src, rhs: Src };
            /// `i32.div_u`.
            I32DivU { dst: Dst, lhs: Src, rhs: Src };
            /// `i32.rem_s`.
            I32RemS { dst: Dst, lhs: Src, rhs: Src };
            /// `i32.rem_u`.
            I32RemU { dst: Dst, lhs: Src, rhs: Src };
            /// `i32.and`.
            I32And { dst: Dst, lhs: Src, rhs: Src };
            /// `i32.or`.
            I32Or { dst: Dst, lhs: Src, rhs: Src };
            /// `i32.xor`.
            I32Xor { dst: Dst, lhs: Src, rhs: Src };
            /// `i32.and` of `lhs` and the bitwise not of `rhs` (`i32.xor` with -1), fused
            /// (`translator/and_not.rs`).
            I32AndNot { dst: Dst, lhs: Src, rhs: Src };
            /// `i32.or` of `lhs` and the bitwise not of `rhs`, fused as [`Instr::I32AndNot`].
            I32OrNot { dst: Dst, lhs: Src, rhs: Src };
            /// `i32.shl`.
            I32Shl { dst: Dst, lhs: Src, rhs: Src };
            /// `i32.shr_s`.
            I32ShrS { dst: Dst, lhs: Src, rhs: Src };
            /// `i32.shr_u`.
            I32ShrU { dst: Dst, lhs: Src, rhs: Src };
            /// `i32.rotl`.
            I32Rotl { dst: Dst, lhs: Src, rhs: Src };
            /// `i32.rotr`.
            I32Rotr { dst: Dst, lhs: Src, rhs: Src };
            /// `i32.eq`.
            I32Eq { dst: Dst, lhs: Src, rhs: Src };
            /// `i32.ne`.
            I32Ne { dst: Dst, lhs: Src, rhs: Src };
            /// `i32.lt_s`.
            I32LtS { dst: Dst, lhs: Src, rhs: Src };
            /// `i32.lt_u`.
            I32LtU { dst: Dst, lhs: Src, rhs: Src };
            /// `i32.gt_s`.
            I32GtS { dst: Dst, lhs: Src, rhs: Src };
            /// `i32.gt_u`.
            I32GtU { dst: Dst, lhs: Src, rhs: Src };
            /// `i32.le_s`.
            I32LeS { dst: Dst, lhs: Src, rhs: Src };
            /// `i32.le_u`.
            I32LeU { dst: Dst, lhs: Src, rhs: Src };
            /// `i32.ge_s`.
            I32GeS { dst: Dst, lhs: Src, rhs: Src };
            /// `i32.ge_u`.
            I32GeU { dst: Dst, lhs: Src, rhs: Src };
            /// `i32.add` with the constant `imm` on the right.
            I32AddImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// Two additions of a constant in one dispatch: `dst0 = lhs0 + b`, then
            /// `dst = a + c`, with `a`, `b` and `c` in the data word (see
            /// `translator/add_imm_pair.rs`).
            I32AddImm2 { dst0: Dst, lhs0: Src, dst: Dst } + Data { a: Src, b: Imm, c: Imm };
            /// An addition of a constant and an addition in one dispatch: `dst0 = lhs0 + b`,
            /// then `dst = a + c`, with `a`, `b` and `c` in the data word (see
            /// `translator/add_imm_pair.rs`).
            I32AddImmThenAdd { dst0: Dst, lhs0: Src, dst: Dst } + Data { a: Src, b: Imm, c: Src };
            /// An addition and an addition of a constant in one dispatch: `dst0 = lhs0 + a`,
            /// then `dst = b + c`, with `a`, `b` and `c` in the data word (see
            /// `translator/add_imm_pair.rs`).
            I32AddThenAddImm { dst0: Dst, lhs0: Src, dst: Dst } + Data { a: Src, b: Src, c: Imm };
            /// `i32.sub` with the constant `imm` on the right.
            I32SubImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i32.mul` with the constant `imm` on the right.
            I32MulImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i32.div_s` with the constant `imm` on the right.
            I32DivSImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i32.div_u` with the constant `imm` on the right.
            I32DivUImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i32.rem_s` with the constant `imm` on the right.
            I32RemSImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i32.rem_u` with the constant `imm` on the right.
            I32RemUImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i32.and` with the constant `imm` on the right.
            I32AndImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i32.or` with the constant `imm` on the right.
            I32OrImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i32.xor` with the constant `imm` on the right.
            I32XorImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i32.shl` with the constant `imm` on the right.
            I32ShlImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i32.shr_s` with the constant `imm` on the right.
            I32ShrSImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i32.shr_u` with the constant `imm` on the right.
            I32ShrUImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i32.rotl` with the constant `imm` on the right.
            I32RotlImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i32.rotr` with the constant `imm` on the right.
            I32RotrImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i32.rotl` by the constant `rot` (below 32) of `i32.add` of `lhs` and the constant
            /// `imm`: the two fused when the sum feeds only the rotation (`translator/add_rotl.rs`).
            I32AddImmRotl { dst: Dst, lhs: Src, imm: Imm(i32), rot: Imm(u8) };
            // Two shifts or rotations by constants of one value, combined by a commutative
            // operator, in one dispatch (`translator/two_shifts.rs`). Side `i` (1 or 2) is
            // `rotl(lhs, ri) & mask(mi)`, `m1` and `m2` the low two bytes of `masks`: mask
            // `k` is all ones, `64 + k` is `MAX << k` (with `ri = k`, a left shift by `k`) and
            // `128 + k` is `MAX >> k` (with `ri = W - k`, an unsigned right shift by `k`).
            /// `i32.add` of the two sides (see above).
            I32ShiftsAdd { dst: Dst, lhs: Src, masks: Imm(u32), r1: Imm(u8), r2: Imm(u8) };
            /// `i32.xor` of the two sides (see above).
            I32ShiftsXor { dst: Dst, lhs: Src, masks: Imm(u32), r1: Imm(u8), r2: Imm(u8) };
            /// `i32.or` of the two sides (see above).
            I32ShiftsOr { dst: Dst, lhs: Src, masks: Imm(u32), r1: Imm(u8), r2: Imm(u8) };
            /// `i64.add` of the two sides (see above).
            I64ShiftsAdd { dst: Dst, lhs: Src, masks: Imm(u32), r1: Imm(u8), r2: Imm(u8) };
            /// `i64.xor` of the two sides (see above).
            I64ShiftsXor { dst: Dst, lhs: Src, masks: Imm(u32), r1: Imm(u8), r2: Imm(u8) };
            /// `i64.or` of the two sides (see above).
            I64ShiftsOr { dst: Dst, lhs: Src, masks: Imm(u32), r1: Imm(u8), r2: Imm(u8) };
            /// Dependent pairs fused into one instruction (`translator/pair.rs`, rows of
            /// [`for_each_pair!`]): `(lhs + rhs) + c`, `c` a slot in the data word.
            I32AddAdd { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            /// `(lhs * rhs) + c`, `c` in the data word.
            I32MulAdd { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            /// `(lhs & rhs) + c`, `c` in the data word.
            I32AndAdd { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            /// `(lhs ^ rhs) + c`, `c` in the data word.
            I32XorAdd { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            /// `(lhs << imm) ^ other`.
            I32ShlImmXor { dst: Dst, lhs: Src, other: Src, imm: Imm(i16) };
            /// `(lhs >>u imm) ^ other`.
            I32ShrUImmXor { dst: Dst, lhs: Src, other: Src, imm: Imm(i16) };
            /// `(lhs >>u imm) + other`.
            I32ShrUImmAdd { dst: Dst, lhs: Src, other: Src, imm: Imm(i16) };
            /// `(lhs & imm) + other`.
            I32AndImmAdd { dst: Dst, lhs: Src, other: Src, imm: Imm(i16) };
            /// `(lhs + rhs) + imm`.
            I32AddAddImm { dst: Dst, lhs: Src, rhs: Src, imm: Imm(i16) };
            /// `(lhs * rhs) + imm`.
            I32MulAddImm { dst: Dst, lhs: Src, rhs: Src, imm: Imm(i16) };
            /// `(lhs >>u imm) & imm2`.
            I32ShrUImmAndImm { dst: Dst, lhs: Src, imm: Imm(i32), imm2: Imm(i16) };
            /// `(lhs + imm) & imm2`.
            I32AddImmAndImm { dst: Dst, lhs: Src, imm: Imm(i32), imm2: Imm(i16) };
            /// `(lhs & imm) + imm2`.
            I32AndImmAddImm { dst: Dst, lhs: Src, imm: Imm(i32), imm2: Imm(i16) };
            /// `(lhs * imm) + imm2`.
            I32MulImmAddImm { dst: Dst, lhs: Src, imm: Imm(i32), imm2: Imm(i16) };
            /// `(lhs & imm) == imm2`: a masked field compared with a constant.
            I32AndImmEqImm { dst: Dst, lhs: Src, imm: Imm(i32), imm2: Imm(i16) };
            /// `(lhs & imm) != imm2`.
            I32AndImmNeImm { dst: Dst, lhs: Src, imm: Imm(i32), imm2: Imm(i16) };
            /// `i32.eq` with the constant `imm` on the right.
            I32EqImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i32.ne` with the constant `imm` on the right.
            I32NeImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i32.lt_s` with the constant `imm` on the right.
            I32LtSImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i32.lt_u` with the constant `imm` on the right.
            I32LtUImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i32.gt_s` with the constant `imm` on the right.
            I32GtSImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i32.gt_u` with the constant `imm` on the right.
            I32GtUImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i32.le_s` with the constant `imm` on the right.
            I32LeSImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i32.le_u` with the constant `imm` on the right.
            I32LeUImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i32.ge_s` with the constant `imm` on the right.
            I32GeSImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i32.ge_u` with the constant `imm` on the right.
            I32GeUImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i32.eqz`.
            I32Eqz { dst: Dst, src: Src };
            /// `i32.clz`.
            I32Clz { dst: Dst, src: Src };
            /// `i32.ctz`.
            I32Ctz { dst: Dst, src: Src };
            /// `i32.popcnt`.
            I32Popcnt { dst: Dst, src: Src };
            /// `i32.extend8_s`.
            I32Extend8S { dst: Dst, src: Src };
            /// `i32.extend16_s`.
            I32Extend16S { dst: Dst, src: Src };

            // ----- i64 arithmetic ----------------------------------------------------------------
            /// `i64.add`.
            I64Add { dst: Dst, lhs: Src, rhs: Src };
            /// `i64.sub`.
            I64Sub { dst: Dst, lhs: Src, rhs: Src };
            /// `i64.mul`.
            I64Mul { dst: Dst, lhs: Src, rhs: Src };
            /// `i64.div_s`.
            I64DivS { dst: Dst, lhs: Src, rhs: Src };
            /// `i64.div_u`.
            I64DivU { dst: Dst, lhs: Src, rhs: Src };
            /// `i64.rem_s`.
            I64RemS { dst: Dst, lhs: Src, rhs: Src };
            /// `i64.rem_u`.
            I64RemU { dst: Dst, lhs: Src, rhs: Src };
            /// `i64.and`.
            I64And { dst: Dst, lhs: Src, rhs: Src };
            /// `i64.or`.
            I64Or { dst: Dst, lhs: Src, rhs: Src };
            /// `i64.xor`.
            I64Xor { dst: Dst, lhs: Src, rhs: Src };
            /// `i64.and` of `lhs` and the bitwise not of `rhs`, fused as [`Instr::I32AndNot`].
            I64AndNot { dst: Dst, lhs: Src, rhs: Src };
            /// `i64.or` of `lhs` and the bitwise not of `rhs`, fused as [`Instr::I32AndNot`].
            I64OrNot { dst: Dst, lhs: Src, rhs: Src };
            /// Dependent pairs fused as [`Instr::I32AddAdd`]: `(lhs * rhs) + c`, `c` in the data word.
            I64MulAdd { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            /// `(lhs + rhs) ^ c`, `c` in the data word.
            I64AddXor { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            /// `(lhs << imm) + other`.
            I64ShlImmAdd { dst: Dst, lhs: Src, other: Src, imm: Imm(i16) };
            /// `i64.shl`.
            I64Shl { dst: Dst, lhs: Src, rhs: Src };
            /// `i64.shr_s`.
            I64ShrS { dst: Dst, lhs: Src, rhs: Src };
            /// `i64.shr_u`.
            I64ShrU { dst: Dst, lhs: Src, rhs: Src };
            /// `i64.rotl`.
            I64Rotl { dst: Dst, lhs: Src, rhs: Src };
            /// `i64.rotr`.
            I64Rotr { dst: Dst, lhs: Src, rhs: Src };
            /// `i64.eq`.
            I64Eq { dst: Dst, lhs: Src, rhs: Src };
            /// `i64.ne`.
            I64Ne { dst: Dst, lhs: Src, rhs: Src };
            /// `i64.lt_s`.
            I64LtS { dst: Dst, lhs: Src, rhs: Src };
            /// `i64.lt_u`.
            I64LtU { dst: Dst, lhs: Src, rhs: Src };
            /// `i64.gt_s`.
            I64GtS { dst: Dst, lhs: Src, rhs: Src };
            /// `i64.gt_u`.
            I64GtU { dst: Dst, lhs: Src, rhs: Src };
            /// `i64.le_s`.
            I64LeS { dst: Dst, lhs: Src, rhs: Src };
            /// `i64.le_u`.
            I64LeU { dst: Dst, lhs: Src, rhs: Src };
            /// `i64.ge_s`.
            I64GeS { dst: Dst, lhs: Src, rhs: Src };
            /// `i64.ge_u`.
            I64GeU { dst: Dst, lhs: Src, rhs: Src };
            /// `i64.add` with the constant `imm` on the right.
            I64AddImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i64.sub` with the constant `imm` on the right.
            I64SubImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i64.mul` with the constant `imm` on the right.
            I64MulImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i64.div_s` with the constant `imm` on the right.
            I64DivSImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i64.div_u` with the constant `imm` on the right.
            I64DivUImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i64.rem_s` with the constant `imm` on the right.
            I64RemSImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i64.rem_u` with the constant `imm` on the right.
            I64RemUImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i64.and` with the constant `imm` on the right.
            I64AndImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i64.or` with the constant `imm` on the right.
            I64OrImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i64.xor` with the constant `imm` on the right.
            I64XorImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i64.shl` with the constant `imm` on the right.
            I64ShlImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i64.shr_s` with the constant `imm` on the right.
            I64ShrSImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i64.shr_u` with the constant `imm` on the right.
            I64ShrUImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i64.rotl` with the constant `imm` on the right.
            I64RotlImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i64.rotr` with the constant `imm` on the right.
            I64RotrImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i64.eq` with the constant `imm` on the right.
            I64EqImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i64.ne` with the constant `imm` on the right.
            I64NeImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i64.lt_s` with the constant `imm` on the right.
            I64LtSImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i64.lt_u` with the constant `imm` on the right.
            I64LtUImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i64.gt_s` with the constant `imm` on the right.
            I64GtSImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i64.gt_u` with the constant `imm` on the right.
            I64GtUImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i64.le_s` with the constant `imm` on the right.
            I64LeSImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i64.le_u` with the constant `imm` on the right.
            I64LeUImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i64.ge_s` with the constant `imm` on the right.
            I64GeSImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i64.ge_u` with the constant `imm` on the right.
            I64GeUImm { dst: Dst, lhs: Src, imm: Imm(i32) };
            /// `i64.eqz`.
            I64Eqz { dst: Dst, src: Src };
            /// `i64.clz`.
            I64Clz { dst: Dst, src: Src };
            /// `i64.ctz`.
            I64Ctz { dst: Dst, src: Src };
            /// `i64.popcnt`.
            I64Popcnt { dst: Dst, src: Src };
            /// `i64.extend8_s`.
            I64Extend8S { dst: Dst, src: Src };
            /// `i64.extend16_s`.
            I64Extend16S { dst: Dst, src: Src };
            /// `i64.extend32_s`.
            I64Extend32S { dst: Dst, src: Src };

            // ----- wide arithmetic (128-bit results in two i64 slots) ----------------------------
            /// `i64.add128`: `(hi:lo) = (lhs_hi:lhs_lo) + (rhs_hi:rhs_lo)`, with `lhs_hi`,
            /// `rhs_lo` and `rhs_hi` in the data word's `a`, `b` and `c`.
            I64Add128 { lo: Dst, hi: Dst, lhs_lo: Src } + Data { a: Src, b: Src, c: Src };
            /// `i64.sub128`, laid out as [`Instr::I64Add128`].
            I64Sub128 { lo: Dst, hi: Dst, lhs_lo: Src } + Data { a: Src, b: Src, c: Src };
            /// `i64.mul_wide_s`: the signed 128-bit product `(hi:lo) = lhs * rhs`, with `rhs`
            /// in the data word's `a`.
            I64MulWideS { lo: Dst, hi: Dst, lhs: Src } + Data { a: Src };
            /// `i64.mul_wide_u`: the unsigned 128-bit product, laid out as
            /// [`Instr::I64MulWideS`].
            I64MulWideU { lo: Dst, hi: Dst, lhs: Src } + Data { a: Src };

            // ----- floats ------------------------------------------------------------------------
            /// `f32.add`.
            F32Add { dst: Dst, lhs: Src, rhs: Src };
            /// `f32.sub`.
            F32Sub { dst: Dst, lhs: Src, rhs: Src };
            /// `f32.mul`.
            F32Mul { dst: Dst, lhs: Src, rhs: Src };
            /// `f32.div`.
            F32Div { dst: Dst, lhs: Src, rhs: Src };
            /// `f32.min`.
            F32Min { dst: Dst, lhs: Src, rhs: Src };
            /// `f32.max`.
            F32Max { dst: Dst, lhs: Src, rhs: Src };
            /// `f32.copysign`.
            F32Copysign { dst: Dst, lhs: Src, rhs: Src };
            /// `f32.eq`.
            F32Eq { dst: Dst, lhs: Src, rhs: Src };
            /// `f32.ne`.
            F32Ne { dst: Dst, lhs: Src, rhs: Src };
            /// `f32.lt`.
            F32Lt { dst: Dst, lhs: Src, rhs: Src };
            /// `f32.gt`.
            F32Gt { dst: Dst, lhs: Src, rhs: Src };
            /// `f32.le`.
            F32Le { dst: Dst, lhs: Src, rhs: Src };
            /// `f32.ge`.
            F32Ge { dst: Dst, lhs: Src, rhs: Src };
            /// `f32.abs`.
            F32Abs { dst: Dst, src: Src };
            /// `f32.neg`.
            F32Neg { dst: Dst, src: Src };
            /// `f32.ceil`.
            F32Ceil { dst: Dst, src: Src };
            /// `f32.floor`.
            F32Floor { dst: Dst, src: Src };
            /// `f32.trunc`.
            F32Trunc { dst: Dst, src: Src };
            /// `f32.nearest`.
            F32Nearest { dst: Dst, src: Src };
            /// `f32.sqrt`.
            F32Sqrt { dst: Dst, src: Src };
            /// Dependent pairs fused as [`Instr::F64MulAdd`], on f32.
            F32MulAdd { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            /// `(lhs * rhs) - c`, `c` in the data word.
            F32MulSub { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            /// `(lhs + rhs) + c`, `c` in the data word.
            F32AddAdd { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            /// `c + (lhs * rhs)`, `c` in the data word.
            F32MulAddRev { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            /// `c - (lhs * rhs)`, `c` in the data word.
            F32MulSubRev { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            /// `f64.add`.
            F64Add { dst: Dst, lhs: Src, rhs: Src };
            /// `f64.sub`.
            F64Sub { dst: Dst, lhs: Src, rhs: Src };
            /// `f64.mul`.
            F64Mul { dst: Dst, lhs: Src, rhs: Src };
            /// Dependent pairs fused as [`Instr::I32AddAdd`]: `(lhs * rhs) + c`, `c` in the data word.
            F64MulAdd { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            /// `(lhs * rhs) - c`, `c` in the data word.
            F64MulSub { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            /// `(lhs + rhs) + c`, `c` in the data word.
            F64AddAdd { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            /// `c + (lhs * rhs)`, `c` in the data word.
            F64MulAddRev { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            /// `c - (lhs * rhs)`, `c` in the data word.
            F64MulSubRev { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            /// `f64.div`.
            F64Div { dst: Dst, lhs: Src, rhs: Src };
            /// `f64.min`.
            F64Min { dst: Dst, lhs: Src, rhs: Src };
            /// `f64.max`.
            F64Max { dst: Dst, lhs: Src, rhs: Src };
            /// `f64.copysign`.
            F64Copysign { dst: Dst, lhs: Src, rhs: Src };
            /// `f64.eq`.
            F64Eq { dst: Dst, lhs: Src, rhs: Src };
            /// `f64.ne`.
            F64Ne { dst: Dst, lhs: Src, rhs: Src };
            /// `f64.lt`.
            F64Lt { dst: Dst, lhs: Src, rhs: Src };
            /// `f64.gt`.
            F64Gt { dst: Dst, lhs: Src, rhs: Src };
            /// `f64.le`.
            F64Le { dst: Dst, lhs: Src, rhs: Src };
            /// `f64.ge`.
            F64Ge { dst: Dst, lhs: Src, rhs: Src };
            /// `f64.abs`.
            F64Abs { dst: Dst, src: Src };
            /// `f64.neg`.
            F64Neg { dst: Dst, src: Src };
            /// `f64.ceil`.
            F64Ceil { dst: Dst, src: Src };
            /// `f64.floor`.
            F64Floor { dst: Dst, src: Src };
            /// `f64.trunc`.
            F64Trunc { dst: Dst, src: Src };
            /// `f64.nearest`.
            F64Nearest { dst: Dst, src: Src };
            /// `f64.sqrt`.
            F64Sqrt { dst: Dst, src: Src };

            // ----- conversions -------------------------------------------------------------------
            /// `i32.wrap_i64`.
            I32WrapI64 { dst: Dst, src: Src };
            /// `i64.extend_i32_s`.
            I64ExtendI32S { dst: Dst, src: Src };
            /// `i64.extend_i32_u`.
            I64ExtendI32U { dst: Dst, src: Src };
            /// `i32.trunc_f32_s`.
            I32TruncF32S { dst: Dst, src: Src };
            /// `i32.trunc_f32_u`.
            I32TruncF32U { dst: Dst, src: Src };
            /// `i32.trunc_f64_s`.
            I32TruncF64S { dst: Dst, src: Src };
            /// `i32.trunc_f64_u`.
            I32TruncF64U { dst: Dst, src: Src };
            /// `i64.trunc_f32_s`.
            I64TruncF32S { dst: Dst, src: Src };
            /// `i64.trunc_f32_u`.
            I64TruncF32U { dst: Dst, src: Src };
            /// `i64.trunc_f64_s`.
            I64TruncF64S { dst: Dst, src: Src };
            /// `i64.trunc_f64_u`.
            I64TruncF64U { dst: Dst, src: Src };
            /// `i32.trunc_sat_f32_s`.
            I32TruncSatF32S { dst: Dst, src: Src };
            /// `i32.trunc_sat_f32_u`.
            I32TruncSatF32U { dst: Dst, src: Src };
            /// `i32.trunc_sat_f64_s`.
            I32TruncSatF64S { dst: Dst, src: Src };
            /// `i32.trunc_sat_f64_u`.
            I32TruncSatF64U { dst: Dst, src: Src };
            /// `i64.trunc_sat_f32_s`.
            I64TruncSatF32S { dst: Dst, src: Src };
            /// `i64.trunc_sat_f32_u`.
            I64TruncSatF32U { dst: Dst, src: Src };
            /// `i64.trunc_sat_f64_s`.
            I64TruncSatF64S { dst: Dst, src: Src };
            /// `i64.trunc_sat_f64_u`.
            I64TruncSatF64U { dst: Dst, src: Src };
            /// `f32.convert_i32_s`.
            F32ConvertI32S { dst: Dst, src: Src };
            /// `f32.convert_i32_u`.
            F32ConvertI32U { dst: Dst, src: Src };
            /// `f32.convert_i64_s`.
            F32ConvertI64S { dst: Dst, src: Src };
            /// `f32.convert_i64_u`.
            F32ConvertI64U { dst: Dst, src: Src };
            /// `f64.convert_i32_s`.
            F64ConvertI32S { dst: Dst, src: Src };
            /// `f64.convert_i32_u`.
            F64ConvertI32U { dst: Dst, src: Src };
            /// `f64.convert_i64_s`.
            F64ConvertI64S { dst: Dst, src: Src };
            /// `f64.convert_i64_u`.
            F64ConvertI64U { dst: Dst, src: Src };
            /// `f32.demote_f64`.
            F32DemoteF64 { dst: Dst, src: Src };
            /// `f64.promote_f32`.
            F64PromoteF32 { dst: Dst, src: Src };

            // ----- linear memory (memory 0) ------------------------------------------------------
            /// Loads 8 bits from memory 0 at `ptr + offset`, sign-extended.
            Load8S { dst: Dst, ptr: Src, offset: Imm(u32) };
            /// Loads 8 bits from memory 0 at `ptr + offset`, zero-extended.
            Load8U { dst: Dst, ptr: Src, offset: Imm(u32) };
            /// Loads 16 bits from memory 0 at `ptr + offset`, sign-extended.
            Load16S { dst: Dst, ptr: Src, offset: Imm(u32) };
            /// Loads 16 bits from memory 0 at `ptr + offset`, zero-extended.
            Load16U { dst: Dst, ptr: Src, offset: Imm(u32) };
            /// Loads 32 bits from memory 0 at `ptr + offset`, sign-extended.
            Load32S { dst: Dst, ptr: Src, offset: Imm(u32) };
            /// Loads 32 bits from memory 0 at `ptr + offset`, zero-extended.
            Load32U { dst: Dst, ptr: Src, offset: Imm(u32) };
            /// Loads 64 bits from memory 0 at `ptr + offset`.
            Load64 { dst: Dst, ptr: Src, offset: Imm(u32) };
            /// Stores the low 8 bits of `val` to memory 0 at `ptr + offset`.
            Store8 { ptr: Src, val: Src, offset: Imm(u32) };
            /// Stores the low 16 bits of `val` to memory 0 at `ptr + offset`.
            Store16 { ptr: Src, val: Src, offset: Imm(u32) };
            /// Stores the low 32 bits of `val` to memory 0 at `ptr + offset`.
            Store32 { ptr: Src, val: Src, offset: Imm(u32) };
            /// Stores the low 64 bits of `val` to memory 0 at `ptr + offset`.
            Store64 { ptr: Src, val: Src, offset: Imm(u32) };
            // A constant stored (`translator/ops.rs`): the value is an immediate, not a slot.
            /// Stores the low 8 bits of the constant `val` to memory 0 at `ptr + offset`.
            Store8Imm { ptr: Src, offset: Imm(u32), val: Imm(u32) };
            /// Stores the low 16 bits of the constant `val` to memory 0 at `ptr + offset`.
            Store16Imm { ptr: Src, offset: Imm(u32), val: Imm(u32) };
            /// Stores the constant `val` to memory 0 at `ptr + offset`.
            Store32Imm { ptr: Src, offset: Imm(u32), val: Imm(u32) };
            /// Stores the constant `val`, sign-extended to 64 bits, to memory 0 at
            /// `ptr + offset`.
            Store64Imm { ptr: Src, offset: Imm(u32), val: Imm(u32) };
            // An `i32.add` of a constant fused into the access it addresses (static offset 0):
            // the address is `(ptr + imm) mod 2^32`, the sum Wasm computes, then bounds-checked
            // (see `translator/fuse_address.rs`).
            /// [`Instr::Load8S`] at `(ptr + imm) mod 2^32`.
            Load8SAdd { dst: Dst, ptr: Src, imm: Imm(u32) };
            /// [`Instr::Load8U`] at `(ptr + imm) mod 2^32`.
            Load8UAdd { dst: Dst, ptr: Src, imm: Imm(u32) };
            /// [`Instr::Load16S`] at `(ptr + imm) mod 2^32`.
            Load16SAdd { dst: Dst, ptr: Src, imm: Imm(u32) };
            /// [`Instr::Load16U`] at `(ptr + imm) mod 2^32`.
            Load16UAdd { dst: Dst, ptr: Src, imm: Imm(u32) };
            /// [`Instr::Load32S`] at `(ptr + imm) mod 2^32`.
            Load32SAdd { dst: Dst, ptr: Src, imm: Imm(u32) };
            /// [`Instr::Load32U`] at `(ptr + imm) mod 2^32`.
            Load32UAdd { dst: Dst, ptr: Src, imm: Imm(u32) };
            /// [`Instr::Load64`] at `(ptr + imm) mod 2^32`.
            Load64Add { dst: Dst, ptr: Src, imm: Imm(u32) };
            /// [`Instr::Store8`] at `(ptr + imm) mod 2^32`.
            Store8Add { ptr: Src, val: Src, imm: Imm(u32) };
            /// [`Instr::Store16`] at `(ptr + imm) mod 2^32`.
            Store16Add { ptr: Src, val: Src, imm: Imm(u32) };
            /// [`Instr::Store32`] at `(ptr + imm) mod 2^32`.
            Store32Add { ptr: Src, val: Src, imm: Imm(u32) };
            /// [`Instr::Store64`] at `(ptr + imm) mod 2^32`.
            Store64Add { ptr: Src, val: Src, imm: Imm(u32) };
            // An `i32.shl` by the access's width in bytes (log2, none for bytes) and an `i32.add`
            // fused into the access they address (static offset 0): the address is
            // `(base + (index << k)) mod 2^32`, `a[i]` of an array of elements of that width.
            /// [`Instr::Load8S`] at `(base + index) mod 2^32`.
            Load8SIdx { dst: Dst, base: Src, index: Src };
            /// [`Instr::Load8U`] at `(base + index) mod 2^32`.
            Load8UIdx { dst: Dst, base: Src, index: Src };
            /// [`Instr::Load16S`] at `(base + (index << 1)) mod 2^32`.
            Load16SIdx { dst: Dst, base: Src, index: Src };
            /// [`Instr::Load16U`] at `(base + (index << 1)) mod 2^32`.
            Load16UIdx { dst: Dst, base: Src, index: Src };
            /// [`Instr::Load32S`] at `(base + (index << 2)) mod 2^32`.
            Load32SIdx { dst: Dst, base: Src, index: Src };
            /// [`Instr::Load32U`] at `(base + (index << 2)) mod 2^32`.
            Load32UIdx { dst: Dst, base: Src, index: Src };
            /// [`Instr::Load64`] at `(base + (index << 3)) mod 2^32`.
            Load64Idx { dst: Dst, base: Src, index: Src };
            /// [`Instr::Store8`] at `(base + index) mod 2^32`.
            Store8Idx { base: Src, index: Src, val: Src };
            /// [`Instr::Store16`] at `(base + (index << 1)) mod 2^32`.
            Store16Idx { base: Src, index: Src, val: Src };
            /// [`Instr::Store32`] at `(base + (index << 2)) mod 2^32`.
            Store32Idx { base: Src, index: Src, val: Src };
            /// [`Instr::Store64`] at `(base + (index << 3)) mod 2^32`.
            Store64Idx { base: Src, index: Src, val: Src };
            // A load whose address is a pointer the `i32.load` right before it loaded from
            // memory 0 (`translator/load_through.rs`): `p = mem32[ptr + first]`, then the access
            // at `p + a`, the static offset in the data word, which stands where the second
            // load was translated. `p` is not written to a slot.
            /// [`Instr::Load8S`] through a pointer loaded from `ptr + first`.
            Load8SThrough { dst: Dst, ptr: Src, first: Imm(u32) } + Data { a: Imm };
            /// [`Instr::Load8U`] through a pointer loaded from `ptr + first`.
            Load8UThrough { dst: Dst, ptr: Src, first: Imm(u32) } + Data { a: Imm };
            /// [`Instr::Load16S`] through a pointer loaded from `ptr + first`.
            Load16SThrough { dst: Dst, ptr: Src, first: Imm(u32) } + Data { a: Imm };
            /// [`Instr::Load16U`] through a pointer loaded from `ptr + first`.
            Load16UThrough { dst: Dst, ptr: Src, first: Imm(u32) } + Data { a: Imm };
            /// [`Instr::Load32S`] through a pointer loaded from `ptr + first`.
            Load32SThrough { dst: Dst, ptr: Src, first: Imm(u32) } + Data { a: Imm };
            /// [`Instr::Load32U`] through a pointer loaded from `ptr + first`.
            Load32UThrough { dst: Dst, ptr: Src, first: Imm(u32) } + Data { a: Imm };
            /// [`Instr::Load64`] through a pointer loaded from `ptr + first`.
            Load64Through { dst: Dst, ptr: Src, first: Imm(u32) } + Data { a: Imm };
            // A value in memory 0 updated in place (`translator/add_in_memory.rs`): the load at
            // `ptr + offset`, the addition of a constant, the store back to the same address.
            /// `i32.store` at `ptr + offset` of the `i32.load` there plus the constant `imm`.
            I32AddImmStore { ptr: Src, offset: Imm(u32), imm: Imm(i32) };
            /// `i64.store` at `ptr + offset` of the `i64.load` there plus the constant `imm`,
            /// sign-extended.
            I64AddImmStore { ptr: Src, offset: Imm(u32), imm: Imm(i32) };
            // Two loads of the same width in a row (`translator/load_pair.rs`): `dst0` from
            // `ptr0 + b`, then `dst` from `a + c`, with `a`, `b` and `c` in the data word, which
            // stands where the second load was translated.
            /// Two [`Instr::Load8S`] in one dispatch.
            Load8SPair { dst0: Dst, ptr0: Src, dst: Dst } + Data { a: Src, b: Imm, c: Imm };
            /// Two [`Instr::Load8U`] in one dispatch.
            Load8UPair { dst0: Dst, ptr0: Src, dst: Dst } + Data { a: Src, b: Imm, c: Imm };
            /// Two [`Instr::Load16S`] in one dispatch.
            Load16SPair { dst0: Dst, ptr0: Src, dst: Dst } + Data { a: Src, b: Imm, c: Imm };
            /// Two [`Instr::Load16U`] in one dispatch.
            Load16UPair { dst0: Dst, ptr0: Src, dst: Dst } + Data { a: Src, b: Imm, c: Imm };
            /// Two [`Instr::Load32S`] in one dispatch.
            Load32SPair { dst0: Dst, ptr0: Src, dst: Dst } + Data { a: Src, b: Imm, c: Imm };
            /// Two [`Instr::Load32U`] in one dispatch.
            Load32UPair { dst0: Dst, ptr0: Src, dst: Dst } + Data { a: Src, b: Imm, c: Imm };
            /// Two [`Instr::Load64`] in one dispatch.
            Load64Pair { dst0: Dst, ptr0: Src, dst: Dst } + Data { a: Src, b: Imm, c: Imm };

            // ----- linear memory (any memory, multi-memory) --------------------------------------
            // The accesses above on the memory whose index is in the data word's `a`; memory 0
            // keeps the forms above, which read its cached base and length.
            /// Loads 8 bits, sign-extended, from memory `a` of the data word at `ptr + offset`.
            Load8SMemN { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Imm };
            /// Loads 8 bits, zero-extended, from memory `a` of the data word at `ptr + offset`.
            Load8UMemN { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Imm };
            /// Loads 16 bits, sign-extended, from memory `a` of the data word at `ptr + offset`.
            Load16SMemN { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Imm };
            /// Loads 16 bits, zero-extended, from memory `a` of the data word at `ptr + offset`.
            Load16UMemN { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Imm };
            /// Loads 32 bits, sign-extended, from memory `a` of the data word at `ptr + offset`.
            Load32SMemN { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Imm };
            /// Loads 32 bits, zero-extended, from memory `a` of the data word at `ptr + offset`.
            Load32UMemN { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Imm };
            /// Loads 64 bits from memory `a` of the data word at `ptr + offset`.
            Load64MemN { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Imm };
            /// Stores the low 8 bits of `val` to memory `a` of the data word at `ptr + offset`.
            Store8MemN { ptr: Src, val: Src, offset: Imm(u32) } + Data { a: Imm };
            /// Stores the low 16 bits of `val` to memory `a` of the data word at `ptr + offset`.
            Store16MemN { ptr: Src, val: Src, offset: Imm(u32) } + Data { a: Imm };
            /// Stores the low 32 bits of `val` to memory `a` of the data word at `ptr + offset`.
            Store32MemN { ptr: Src, val: Src, offset: Imm(u32) } + Data { a: Imm };
            /// Stores the low 64 bits of `val` to memory `a` of the data word at `ptr + offset`.
            Store64MemN { ptr: Src, val: Src, offset: Imm(u32) } + Data { a: Imm };

            // ----- memory size, growth and bulk instructions (any memory) ------------------------
            /// `memory.size` of memory `mem`.
            MemorySize { dst: Dst, mem: Imm(u32) };
            /// `memory.grow` of memory `mem`.
            MemoryGrow { dst: Dst, delta: Src, mem: Imm(u32) };
            /// `memory.fill` of the memory in the data word's `a`; `dst` is an address.
            MemoryFill { dst: Src, val: Src, len: Src } + Data { a: Imm };
            /// `memory.copy`; data word: `a` = destination memory, `b` = source memory.
            MemoryCopy { dst: Src, src: Src, len: Src } + Data { a: Imm, b: Imm };
            /// `memory.init`; data word: `a` = segment, `b` = memory.
            MemoryInit { dst: Src, src: Src, len: Src } + Data { a: Imm, b: Imm };
            /// `data.drop` of data segment `segment`.
            DataDrop { segment: Imm(u32) };

            // ----- memory64: 64-bit memories -------------------------------------------------------
            // Accesses to memories whose addresses are i64 (the memory64 proposal): `ptr` is read
            // whole and `ptr + offset` must not overflow 2^64. The `..Mem64` forms are memory 0
            // with a static offset below 2^32 (its cached base and length); the `..Mem64N` forms
            // any memory, with the memory in the data word's `a` and the offset's high 32 bits
            // in its `b`. 32-bit memories never reach these handlers.
            /// Loads 8 bits, sign-extended from 64-bit memory 0 at `ptr + offset`.
            Load8SMem64 { dst: Dst, ptr: Src, offset: Imm(u32) };
            /// Loads 8 bits, zero-extended from 64-bit memory 0 at `ptr + offset`.
            Load8UMem64 { dst: Dst, ptr: Src, offset: Imm(u32) };
            /// Loads 16 bits, sign-extended from 64-bit memory 0 at `ptr + offset`.
            Load16SMem64 { dst: Dst, ptr: Src, offset: Imm(u32) };
            /// Loads 16 bits, zero-extended from 64-bit memory 0 at `ptr + offset`.
            Load16UMem64 { dst: Dst, ptr: Src, offset: Imm(u32) };
            /// Loads 32 bits, sign-extended from 64-bit memory 0 at `ptr + offset`.
            Load32SMem64 { dst: Dst, ptr: Src, offset: Imm(u32) };
            /// Loads 32 bits, zero-extended from 64-bit memory 0 at `ptr + offset`.
            Load32UMem64 { dst: Dst, ptr: Src, offset: Imm(u32) };
            /// Loads 64 bits from 64-bit memory 0 at `ptr + offset`.
            Load64Mem64 { dst: Dst, ptr: Src, offset: Imm(u32) };
            /// Loads 8 bits, sign-extended from 64-bit memory `a` of the data word at `ptr + (b <<
            /// 32 | offset)`.
            Load8SMem64N { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Imm, b: Imm };
            /// Loads 8 bits, zero-extended from 64-bit memory `a` of the data word at `ptr + (b <<
            /// 32 | offset)`.
            Load8UMem64N { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Imm, b: Imm };
            /// Loads 16 bits, sign-extended from 64-bit memory `a` of the data word at `ptr + (b <<
            /// 32 | offset)`.
            Load16SMem64N { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Imm, b: Imm };
            /// Loads 16 bits, zero-extended from 64-bit memory `a` of the data word at `ptr + (b <<
            /// 32 | offset)`.
            Load16UMem64N { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Imm, b: Imm };
            /// Loads 32 bits, sign-extended from 64-bit memory `a` of the data word at `ptr + (b <<
            /// 32 | offset)`.
            Load32SMem64N { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Imm, b: Imm };
            /// Loads 32 bits, zero-extended from 64-bit memory `a` of the data word at `ptr + (b <<
            /// 32 | offset)`.
            Load32UMem64N { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Imm, b: Imm };
            /// Loads 64 bits from 64-bit memory `a` of the data word at `ptr + (b << 32 | offset)`.
            Load64Mem64N { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Imm, b: Imm };
            /// Stores the low 8 bits of `val` to 64-bit memory 0 at `ptr + offset`.
            Store8Mem64 { ptr: Src, val: Src, offset: Imm(u32) };
            /// Stores the low 16 bits of `val` to 64-bit memory 0 at `ptr + offset`.
            Store16Mem64 { ptr: Src, val: Src, offset: Imm(u32) };
            /// Stores the low 32 bits of `val` to 64-bit memory 0 at `ptr + offset`.
            Store32Mem64 { ptr: Src, val: Src, offset: Imm(u32) };
            /// Stores the low 64 bits of `val` to 64-bit memory 0 at `ptr + offset`.
            Store64Mem64 { ptr: Src, val: Src, offset: Imm(u32) };
            /// Stores the low 8 bits of `val` to 64-bit memory `a` of the data word at
            /// `ptr + (b << 32 | offset)`.
            Store8Mem64N { ptr: Src, val: Src, offset: Imm(u32) } + Data { a: Imm, b: Imm };
            /// Stores the low 16 bits of `val` to 64-bit memory `a` of the data word at
            /// `ptr + (b << 32 | offset)`.
            Store16Mem64N { ptr: Src, val: Src, offset: Imm(u32) } + Data { a: Imm, b: Imm };
            /// Stores the low 32 bits of `val` to 64-bit memory `a` of the data word at
            /// `ptr + (b << 32 | offset)`.
            Store32Mem64N { ptr: Src, val: Src, offset: Imm(u32) } + Data { a: Imm, b: Imm };
            /// Stores the low 64 bits of `val` to 64-bit memory `a` of the data word at
            /// `ptr + (b << 32 | offset)`.
            Store64Mem64N { ptr: Src, val: Src, offset: Imm(u32) } + Data { a: Imm, b: Imm };
            /// `memory.grow` of 64-bit memory `mem`: an i64 `delta`, the old size or `-1` as i64.
            MemoryGrow64 { dst: Dst, delta: Src, mem: Imm(u32) };
            /// `memory.fill` of the 64-bit memory in the data word's `a`: `dst` and `len` are i64.
            MemoryFill64 { dst: Src, val: Src, len: Src } + Data { a: Imm };
            /// `memory.copy` where either memory is 64-bit; data word: `a` = destination memory,
            /// `b` = source memory, `c` = which operands are i64 (bit 0 `dst`, bit 1 `src`,
            /// bit 2 `len`).
            MemoryCopy64 { dst: Src, src: Src, len: Src } + Data { a: Imm, b: Imm, c: Imm };
            /// `memory.init` of a 64-bit memory (`dst` is i64); data word: `a` = segment,
            /// `b` = memory.
            MemoryInit64 { dst: Src, src: Src, len: Src } + Data { a: Imm, b: Imm };

            // ----- typed function references -----------------------------------------------------
            // `br_on_null` and `br_on_non_null` need no rows of their own: a reference slot is
            // 0 when null, so they are `BrI64IfEqz` and `BrI64IfNez` on the reference.
            /// `call_ref` of the function referenced by `func`, of engine-wide type `ty`; its
            /// frame starts at `args`. Traps on a null reference.
            CallRef { ty: Imm(u32), args: Range, func: Src };
            /// `return_call_ref`, as [`Instr::CallRef`].
            ReturnCallRef { ty: Imm(u32), args: Range, func: Src };
            /// `ref.as_non_null`: `dst = src`, trapping when `src` is null.
            RefAsNonNull { dst: Dst, src: Src };

            // ----- tables ------------------------------------------------------------------------
            // A 64-bit table (the memory64 proposal) takes i64 indices, sizes and deltas. Its
            // `call_indirect`, `return_call_indirect`, `table.get` and `table.set` are those of
            // 32-bit tables on an index narrowed by `TableIndex64`, so that 32-bit tables pay
            // nothing for them; its bulk instructions say so in their data word's `c`.
            /// `table.get` of table `table`.
            TableGet { dst: Dst, index: Src, table: Imm(u32) };
            /// `table.set` of table `table`.
            TableSet { index: Src, val: Src, table: Imm(u32) };
            /// `table.size` of table `table`.
            TableSize { dst: Dst, table: Imm(u32) };
            /// Narrows the i64 index `src` of a 64-bit table to 32 bits: `dst = min(src,
            /// 2^32 - 1)`. No table holds more than 2^32 - 1 elements, so the narrowed index is
            /// out of bounds exactly when `src` is.
            TableIndex64 { dst: Dst, src: Src };
            /// `table.grow` of the table in the data word's `a`; `c` is 1 for a 64-bit table
            /// (an i64 `delta` and result).
            TableGrow { dst: Dst, init: Src, delta: Src } + Data { a: Imm, c: Imm };
            /// `table.fill` of the table in the data word's `a`; `dst` is an index; `c` is 1 for
            /// a 64-bit table (i64 `dst` and `len`).
            TableFill { dst: Src, val: Src, len: Src } + Data { a: Imm, c: Imm };
            /// `table.copy`; data word: `a` = destination table, `b` = source table, `c` =
            /// which operands are i64 (bit 0 `dst`, bit 1 `src`, bit 2 `len`).
            TableCopy { dst: Src, src: Src, len: Src } + Data { a: Imm, b: Imm, c: Imm };
            /// `table.init`; data word: `a` = segment, `b` = table, `c` is 1 for a 64-bit table
            /// (an i64 `dst`).
            TableInit { dst: Src, src: Src, len: Src } + Data { a: Imm, b: Imm, c: Imm };
            /// `elem.drop` of element segment `segment`.
            ElemDrop { segment: Imm(u32) };

            // ----- SIMD (v128) -------------------------------------------------------------------
            // A `v128` lives in two adjacent slots, low half first; each slot operand of these
            // rows names the low slot of its pair (`translator/v128.rs`). Handlers are in
            // `executor/handlers/simd_*.rs`, translations in `translator/simd.rs`.
            /// Copies the `v128` in the pair `src` to the pair `dst` (moves of a `v128` whose halves
            /// sit in a pair: a local, a temporary, hoisted constants).
            V128Copy { dst: Dst, src: Src };
            /// `global.get` of the `v128` global `global`.
            V128GlobalGet { dst: Dst, global: Imm(u32) };
            /// `global.set` of the `v128` global `global`.
            V128GlobalSet { src: Src, global: Imm(u32) };
            // `v128.const` needs no instruction: its halves are two 64-bit constants.
            /// `v128.load` on memory 0 at `ptr + offset`.
            V128Load { dst: Dst, ptr: Src, offset: Imm(u32) };
            /// `v128.load` on memory 0 at `(ptr + imm) mod 2^32`: an `i32.add` of a constant fused
            /// into it (static offset 0, see [`Instr::Load32UAdd`]).
            V128LoadAdd { dst: Dst, ptr: Src, imm: Imm(u32) };
            /// `v128.load` on the memory in the data word's `a` (with
            /// [`SIMD_MEM64`](super::ir::SIMD_MEM64) for a 64-bit memory), `b` the offset's high
            /// half.
            V128LoadMemN { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Imm, b: Imm };
            /// `v128.load8x8_s` on memory 0 at `ptr + offset`.
            V128Load8x8S { dst: Dst, ptr: Src, offset: Imm(u32) };
            /// `v128.load8x8_s` on the memory in the data word's `a` (with
            /// [`SIMD_MEM64`](super::ir::SIMD_MEM64) for a 64-bit memory), `b` the offset's high
            /// half.
            V128Load8x8SMemN { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Imm, b: Imm };
            /// `v128.load8x8_u` on memory 0 at `ptr + offset`.
            V128Load8x8U { dst: Dst, ptr: Src, offset: Imm(u32) };
            /// `v128.load8x8_u` on the memory in the data word's `a` (with
            /// [`SIMD_MEM64`](super::ir::SIMD_MEM64) for a 64-bit memory), `b` the offset's high
            /// half.
            V128Load8x8UMemN { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Imm, b: Imm };
            /// `v128.load16x4_s` on memory 0 at `ptr + offset`.
            V128Load16x4S { dst: Dst, ptr: Src, offset: Imm(u32) };
            /// `v128.load16x4_s` on the memory in the data word's `a` (with
            /// [`SIMD_MEM64`](super::ir::SIMD_MEM64) for a 64-bit memory), `b` the offset's high
            /// half.
            V128Load16x4SMemN { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Imm, b: Imm };
            /// `v128.load16x4_u` on memory 0 at `ptr + offset`.
            V128Load16x4U { dst: Dst, ptr: Src, offset: Imm(u32) };
            /// `v128.load16x4_u` on the memory in the data word's `a` (with
            /// [`SIMD_MEM64`](super::ir::SIMD_MEM64) for a 64-bit memory), `b` the offset's high
            /// half.
            V128Load16x4UMemN { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Imm, b: Imm };
            /// `v128.load32x2_s` on memory 0 at `ptr + offset`.
            V128Load32x2S { dst: Dst, ptr: Src, offset: Imm(u32) };
            /// `v128.load32x2_s` on the memory in the data word's `a` (with
            /// [`SIMD_MEM64`](super::ir::SIMD_MEM64) for a 64-bit memory), `b` the offset's high
            /// half.
            V128Load32x2SMemN { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Imm, b: Imm };
            /// `v128.load32x2_u` on memory 0 at `ptr + offset`.
            V128Load32x2U { dst: Dst, ptr: Src, offset: Imm(u32) };
            /// `v128.load32x2_u` on the memory in the data word's `a` (with
            /// [`SIMD_MEM64`](super::ir::SIMD_MEM64) for a 64-bit memory), `b` the offset's high
            /// half.
            V128Load32x2UMemN { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Imm, b: Imm };
            /// `v128.load8_splat` on memory 0 at `ptr + offset`.
            V128Load8Splat { dst: Dst, ptr: Src, offset: Imm(u32) };
            /// `v128.load8_splat` on the memory in the data word's `a` (with
            /// [`SIMD_MEM64`](super::ir::SIMD_MEM64) for a 64-bit memory), `b` the offset's high
            /// half.
            V128Load8SplatMemN { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Imm, b: Imm };
            /// `v128.load16_splat` on memory 0 at `ptr + offset`.
            V128Load16Splat { dst: Dst, ptr: Src, offset: Imm(u32) };
            /// `v128.load16_splat` on the memory in the data word's `a` (with
            /// [`SIMD_MEM64`](super::ir::SIMD_MEM64) for a 64-bit memory), `b` the offset's high
            /// half.
            V128Load16SplatMemN { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Imm, b: Imm };
            /// `v128.load32_splat` on memory 0 at `ptr + offset`.
            V128Load32Splat { dst: Dst, ptr: Src, offset: Imm(u32) };
            /// `v128.load32_splat` on the memory in the data word's `a` (with
            /// [`SIMD_MEM64`](super::ir::SIMD_MEM64) for a 64-bit memory), `b` the offset's high
            /// half.
            V128Load32SplatMemN { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Imm, b: Imm };
            /// `v128.load64_splat` on memory 0 at `ptr + offset`.
            V128Load64Splat { dst: Dst, ptr: Src, offset: Imm(u32) };
            /// `v128.load64_splat` on the memory in the data word's `a` (with
            /// [`SIMD_MEM64`](super::ir::SIMD_MEM64) for a 64-bit memory), `b` the offset's high
            /// half.
            V128Load64SplatMemN { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Imm, b: Imm };
            /// `v128.load32_zero` on memory 0 at `ptr + offset`.
            V128Load32Zero { dst: Dst, ptr: Src, offset: Imm(u32) };
            /// `v128.load32_zero` on the memory in the data word's `a` (with
            /// [`SIMD_MEM64`](super::ir::SIMD_MEM64) for a 64-bit memory), `b` the offset's high
            /// half.
            V128Load32ZeroMemN { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Imm, b: Imm };
            /// `v128.load64_zero` on memory 0 at `ptr + offset`.
            V128Load64Zero { dst: Dst, ptr: Src, offset: Imm(u32) };
            /// `v128.load64_zero` on the memory in the data word's `a` (with
            /// [`SIMD_MEM64`](super::ir::SIMD_MEM64) for a 64-bit memory), `b` the offset's high
            /// half.
            V128Load64ZeroMemN { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Imm, b: Imm };
            /// `v128.store` on memory 0 at `ptr + offset`.
            V128Store { ptr: Src, val: Src, offset: Imm(u32) };
            /// `v128.store` on memory 0 at `(ptr + imm) mod 2^32`: an `i32.add` of a constant fused
            /// into it (static offset 0, see [`Instr::Load32UAdd`]).
            V128StoreAdd { ptr: Src, val: Src, imm: Imm(u32) };
            /// `v128.store` on the memory in the data word's `a` (with
            /// [`SIMD_MEM64`](super::ir::SIMD_MEM64) for a 64-bit memory), `b` the offset's high
            /// half.
            V128StoreMemN { ptr: Src, val: Src, offset: Imm(u32) } + Data { a: Imm, b: Imm };
            /// `v128.load8_lane` at `ptr + offset`; data word: `a` the vector, `b` the offset's
            /// high half, `c` the memory word with the lane.
            V128Load8Lane { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Src, b: Imm, c: Imm };
            /// `v128.load16_lane` at `ptr + offset`; data word: `a` the vector, `b` the offset's
            /// high half, `c` the memory word with the lane.
            V128Load16Lane { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Src, b: Imm, c: Imm };
            /// `v128.load32_lane` at `ptr + offset`; data word: `a` the vector, `b` the offset's
            /// high half, `c` the memory word with the lane.
            V128Load32Lane { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Src, b: Imm, c: Imm };
            /// `v128.load64_lane` at `ptr + offset`; data word: `a` the vector, `b` the offset's
            /// high half, `c` the memory word with the lane.
            V128Load64Lane { dst: Dst, ptr: Src, offset: Imm(u32) } + Data { a: Src, b: Imm, c: Imm };
            /// `v128.store8_lane` at `ptr + offset`; data word: `a` the lane, `b` the memory word,
            /// `c` the offset's high half.
            V128Store8Lane { ptr: Src, val: Src, offset: Imm(u32) } + Data { a: Imm, b: Imm, c: Imm };
            /// `v128.store16_lane` at `ptr + offset`; data word: `a` the lane, `b` the memory word,
            /// `c` the offset's high half.
            V128Store16Lane { ptr: Src, val: Src, offset: Imm(u32) } + Data { a: Imm, b: Imm, c: Imm };
            /// `v128.store32_lane` at `ptr + offset`; data word: `a` the lane, `b` the memory word,
            /// `c` the offset's high half.
            V128Store32Lane { ptr: Src, val: Src, offset: Imm(u32) } + Data { a: Imm, b: Imm, c: Imm };
            /// `v128.store64_lane` at `ptr + offset`; data word: `a` the lane, `b` the memory word,
            /// `c` the offset's high half.
            V128Store64Lane { ptr: Src, val: Src, offset: Imm(u32) } + Data { a: Imm, b: Imm, c: Imm };
            /// `i8x16.shuffle` (the 16 lane indices in the v128 pair named by the data word's `a`).
            I8x16Shuffle { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            /// `i8x16.extract_lane_s` (`dst` is a scalar slot).
            I8x16ExtractLaneS { dst: Dst, src: Src, lane: Imm(u32) };
            /// `i8x16.extract_lane_u` (`dst` is a scalar slot).
            I8x16ExtractLaneU { dst: Dst, src: Src, lane: Imm(u32) };
            /// `i8x16.replace_lane` (`rhs` is a scalar slot, the lane in the data word's `a`).
            I8x16ReplaceLane { dst: Dst, lhs: Src, rhs: Src } + Data { a: Imm };
            /// `i16x8.extract_lane_s` (`dst` is a scalar slot).
            I16x8ExtractLaneS { dst: Dst, src: Src, lane: Imm(u32) };
            /// `i16x8.extract_lane_u` (`dst` is a scalar slot).
            I16x8ExtractLaneU { dst: Dst, src: Src, lane: Imm(u32) };
            /// `i16x8.replace_lane` (`rhs` is a scalar slot, the lane in the data word's `a`).
            I16x8ReplaceLane { dst: Dst, lhs: Src, rhs: Src } + Data { a: Imm };
            /// `i32x4.extract_lane` (`dst` is a scalar slot).
            I32x4ExtractLane { dst: Dst, src: Src, lane: Imm(u32) };
            /// `i32x4.replace_lane` (`rhs` is a scalar slot, the lane in the data word's `a`).
            I32x4ReplaceLane { dst: Dst, lhs: Src, rhs: Src } + Data { a: Imm };
            /// `i64x2.extract_lane` (`dst` is a scalar slot).
            I64x2ExtractLane { dst: Dst, src: Src, lane: Imm(u32) };
            /// `i64x2.replace_lane` (`rhs` is a scalar slot, the lane in the data word's `a`).
            I64x2ReplaceLane { dst: Dst, lhs: Src, rhs: Src } + Data { a: Imm };
            /// `f32x4.extract_lane` (`dst` is a scalar slot).
            F32x4ExtractLane { dst: Dst, src: Src, lane: Imm(u32) };
            /// `f32x4.replace_lane` (`rhs` is a scalar slot, the lane in the data word's `a`).
            F32x4ReplaceLane { dst: Dst, lhs: Src, rhs: Src } + Data { a: Imm };
            /// `f64x2.extract_lane` (`dst` is a scalar slot).
            F64x2ExtractLane { dst: Dst, src: Src, lane: Imm(u32) };
            /// `f64x2.replace_lane` (`rhs` is a scalar slot, the lane in the data word's `a`).
            F64x2ReplaceLane { dst: Dst, lhs: Src, rhs: Src } + Data { a: Imm };
            /// `i8x16.swizzle`.
            I8x16Swizzle { dst: Dst, lhs: Src, rhs: Src };
            /// `i8x16.splat` (`src` is a scalar slot).
            I8x16Splat { dst: Dst, src: Src };
            /// `i16x8.splat` (`src` is a scalar slot).
            I16x8Splat { dst: Dst, src: Src };
            /// `i32x4.splat` (`src` is a scalar slot).
            I32x4Splat { dst: Dst, src: Src };
            /// `i64x2.splat` (`src` is a scalar slot).
            I64x2Splat { dst: Dst, src: Src };
            /// `f32x4.splat` (`src` is a scalar slot).
            F32x4Splat { dst: Dst, src: Src };
            /// `f64x2.splat` (`src` is a scalar slot).
            F64x2Splat { dst: Dst, src: Src };
            /// `i8x16.eq`.
            I8x16Eq { dst: Dst, lhs: Src, rhs: Src };
            /// `i8x16.ne`.
            I8x16Ne { dst: Dst, lhs: Src, rhs: Src };
            /// `i8x16.lt_s`.
            I8x16LtS { dst: Dst, lhs: Src, rhs: Src };
            /// `i8x16.lt_u`.
            I8x16LtU { dst: Dst, lhs: Src, rhs: Src };
            /// `i8x16.gt_s`.
            I8x16GtS { dst: Dst, lhs: Src, rhs: Src };
            /// `i8x16.gt_u`.
            I8x16GtU { dst: Dst, lhs: Src, rhs: Src };
            /// `i8x16.le_s`.
            I8x16LeS { dst: Dst, lhs: Src, rhs: Src };
            /// `i8x16.le_u`.
            I8x16LeU { dst: Dst, lhs: Src, rhs: Src };
            /// `i8x16.ge_s`.
            I8x16GeS { dst: Dst, lhs: Src, rhs: Src };
            /// `i8x16.ge_u`.
            I8x16GeU { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.eq`.
            I16x8Eq { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.ne`.
            I16x8Ne { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.lt_s`.
            I16x8LtS { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.lt_u`.
            I16x8LtU { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.gt_s`.
            I16x8GtS { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.gt_u`.
            I16x8GtU { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.le_s`.
            I16x8LeS { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.le_u`.
            I16x8LeU { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.ge_s`.
            I16x8GeS { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.ge_u`.
            I16x8GeU { dst: Dst, lhs: Src, rhs: Src };
            /// `i32x4.eq`.
            I32x4Eq { dst: Dst, lhs: Src, rhs: Src };
            /// `i32x4.ne`.
            I32x4Ne { dst: Dst, lhs: Src, rhs: Src };
            /// `i32x4.lt_s`.
            I32x4LtS { dst: Dst, lhs: Src, rhs: Src };
            /// `i32x4.lt_u`.
            I32x4LtU { dst: Dst, lhs: Src, rhs: Src };
            /// `i32x4.gt_s`.
            I32x4GtS { dst: Dst, lhs: Src, rhs: Src };
            /// `i32x4.gt_u`.
            I32x4GtU { dst: Dst, lhs: Src, rhs: Src };
            /// `i32x4.le_s`.
            I32x4LeS { dst: Dst, lhs: Src, rhs: Src };
            /// `i32x4.le_u`.
            I32x4LeU { dst: Dst, lhs: Src, rhs: Src };
            /// `i32x4.ge_s`.
            I32x4GeS { dst: Dst, lhs: Src, rhs: Src };
            /// `i32x4.ge_u`.
            I32x4GeU { dst: Dst, lhs: Src, rhs: Src };
            /// `i64x2.eq`.
            I64x2Eq { dst: Dst, lhs: Src, rhs: Src };
            /// `i64x2.ne`.
            I64x2Ne { dst: Dst, lhs: Src, rhs: Src };
            /// `i64x2.lt_s`.
            I64x2LtS { dst: Dst, lhs: Src, rhs: Src };
            /// `i64x2.gt_s`.
            I64x2GtS { dst: Dst, lhs: Src, rhs: Src };
            /// `i64x2.le_s`.
            I64x2LeS { dst: Dst, lhs: Src, rhs: Src };
            /// `i64x2.ge_s`.
            I64x2GeS { dst: Dst, lhs: Src, rhs: Src };
            /// `f32x4.eq`.
            F32x4Eq { dst: Dst, lhs: Src, rhs: Src };
            /// `f32x4.ne`.
            F32x4Ne { dst: Dst, lhs: Src, rhs: Src };
            /// `f32x4.lt`.
            F32x4Lt { dst: Dst, lhs: Src, rhs: Src };
            /// `f32x4.gt`.
            F32x4Gt { dst: Dst, lhs: Src, rhs: Src };
            /// `f32x4.le`.
            F32x4Le { dst: Dst, lhs: Src, rhs: Src };
            /// `f32x4.ge`.
            F32x4Ge { dst: Dst, lhs: Src, rhs: Src };
            /// `f64x2.eq`.
            F64x2Eq { dst: Dst, lhs: Src, rhs: Src };
            /// `f64x2.ne`.
            F64x2Ne { dst: Dst, lhs: Src, rhs: Src };
            /// `f64x2.lt`.
            F64x2Lt { dst: Dst, lhs: Src, rhs: Src };
            /// `f64x2.gt`.
            F64x2Gt { dst: Dst, lhs: Src, rhs: Src };
            /// `f64x2.le`.
            F64x2Le { dst: Dst, lhs: Src, rhs: Src };
            /// `f64x2.ge`.
            F64x2Ge { dst: Dst, lhs: Src, rhs: Src };
            /// `v128.not`.
            V128Not { dst: Dst, src: Src };
            /// `v128.and`.
            V128And { dst: Dst, lhs: Src, rhs: Src };
            /// `v128.andnot`.
            V128AndNot { dst: Dst, lhs: Src, rhs: Src };
            /// `v128.or`.
            V128Or { dst: Dst, lhs: Src, rhs: Src };
            /// `v128.xor`.
            V128Xor { dst: Dst, lhs: Src, rhs: Src };
            /// `v128.bitselect` (third operand in the data word's `a`).
            V128Bitselect { dst: Dst, a: Src, b: Src } + Data { a: Src };
            /// `v128.any_true` (`dst` is an i32 slot).
            V128AnyTrue { dst: Dst, src: Src };
            /// `i8x16.abs`.
            I8x16Abs { dst: Dst, src: Src };
            /// `i8x16.neg`.
            I8x16Neg { dst: Dst, src: Src };
            /// `i8x16.popcnt`.
            I8x16Popcnt { dst: Dst, src: Src };
            /// `i8x16.all_true` (`dst` is an i32 slot).
            I8x16AllTrue { dst: Dst, src: Src };
            /// `i8x16.bitmask` (`dst` is an i32 slot).
            I8x16Bitmask { dst: Dst, src: Src };
            /// `i8x16.narrow_i16x8_s`.
            I8x16NarrowI16x8S { dst: Dst, lhs: Src, rhs: Src };
            /// `i8x16.narrow_i16x8_u`.
            I8x16NarrowI16x8U { dst: Dst, lhs: Src, rhs: Src };
            /// `i8x16.shl` (`rhs` is an i32 slot).
            I8x16Shl { dst: Dst, lhs: Src, rhs: Src };
            /// `i8x16.shr_s` (`rhs` is an i32 slot).
            I8x16ShrS { dst: Dst, lhs: Src, rhs: Src };
            /// `i8x16.shr_u` (`rhs` is an i32 slot).
            I8x16ShrU { dst: Dst, lhs: Src, rhs: Src };
            /// `i8x16.add`.
            I8x16Add { dst: Dst, lhs: Src, rhs: Src };
            /// `i8x16.add_sat_s`.
            I8x16AddSatS { dst: Dst, lhs: Src, rhs: Src };
            /// `i8x16.add_sat_u`.
            I8x16AddSatU { dst: Dst, lhs: Src, rhs: Src };
            /// `i8x16.sub`.
            I8x16Sub { dst: Dst, lhs: Src, rhs: Src };
            /// `i8x16.sub_sat_s`.
            I8x16SubSatS { dst: Dst, lhs: Src, rhs: Src };
            /// `i8x16.sub_sat_u`.
            I8x16SubSatU { dst: Dst, lhs: Src, rhs: Src };
            /// `i8x16.min_s`.
            I8x16MinS { dst: Dst, lhs: Src, rhs: Src };
            /// `i8x16.min_u`.
            I8x16MinU { dst: Dst, lhs: Src, rhs: Src };
            /// `i8x16.max_s`.
            I8x16MaxS { dst: Dst, lhs: Src, rhs: Src };
            /// `i8x16.max_u`.
            I8x16MaxU { dst: Dst, lhs: Src, rhs: Src };
            /// `i8x16.avgr_u`.
            I8x16AvgrU { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.extadd_pairwise_i8x16_s`.
            I16x8ExtAddPairwiseI8x16S { dst: Dst, src: Src };
            /// `i16x8.extadd_pairwise_i8x16_u`.
            I16x8ExtAddPairwiseI8x16U { dst: Dst, src: Src };
            /// `i16x8.abs`.
            I16x8Abs { dst: Dst, src: Src };
            /// `i16x8.neg`.
            I16x8Neg { dst: Dst, src: Src };
            /// `i16x8.q15mulr_sat_s`.
            I16x8Q15MulrSatS { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.all_true` (`dst` is an i32 slot).
            I16x8AllTrue { dst: Dst, src: Src };
            /// `i16x8.bitmask` (`dst` is an i32 slot).
            I16x8Bitmask { dst: Dst, src: Src };
            /// `i16x8.narrow_i32x4_s`.
            I16x8NarrowI32x4S { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.narrow_i32x4_u`.
            I16x8NarrowI32x4U { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.extend_low_i8x16_s`.
            I16x8ExtendLowI8x16S { dst: Dst, src: Src };
            /// `i16x8.extend_high_i8x16_s`.
            I16x8ExtendHighI8x16S { dst: Dst, src: Src };
            /// `i16x8.extend_low_i8x16_u`.
            I16x8ExtendLowI8x16U { dst: Dst, src: Src };
            /// `i16x8.extend_high_i8x16_u`.
            I16x8ExtendHighI8x16U { dst: Dst, src: Src };
            /// `i16x8.shl` (`rhs` is an i32 slot).
            I16x8Shl { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.shr_s` (`rhs` is an i32 slot).
            I16x8ShrS { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.shr_u` (`rhs` is an i32 slot).
            I16x8ShrU { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.add`.
            I16x8Add { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.add_sat_s`.
            I16x8AddSatS { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.add_sat_u`.
            I16x8AddSatU { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.sub`.
            I16x8Sub { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.sub_sat_s`.
            I16x8SubSatS { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.sub_sat_u`.
            I16x8SubSatU { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.mul`.
            I16x8Mul { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.min_s`.
            I16x8MinS { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.min_u`.
            I16x8MinU { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.max_s`.
            I16x8MaxS { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.max_u`.
            I16x8MaxU { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.avgr_u`.
            I16x8AvgrU { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.extmul_low_i8x16_s`.
            I16x8ExtMulLowI8x16S { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.extmul_high_i8x16_s`.
            I16x8ExtMulHighI8x16S { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.extmul_low_i8x16_u`.
            I16x8ExtMulLowI8x16U { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.extmul_high_i8x16_u`.
            I16x8ExtMulHighI8x16U { dst: Dst, lhs: Src, rhs: Src };
            /// `i32x4.extadd_pairwise_i16x8_s`.
            I32x4ExtAddPairwiseI16x8S { dst: Dst, src: Src };
            /// `i32x4.extadd_pairwise_i16x8_u`.
            I32x4ExtAddPairwiseI16x8U { dst: Dst, src: Src };
            /// `i32x4.abs`.
            I32x4Abs { dst: Dst, src: Src };
            /// `i32x4.neg`.
            I32x4Neg { dst: Dst, src: Src };
            /// `i32x4.all_true` (`dst` is an i32 slot).
            I32x4AllTrue { dst: Dst, src: Src };
            /// `i32x4.bitmask` (`dst` is an i32 slot).
            I32x4Bitmask { dst: Dst, src: Src };
            /// `i32x4.extend_low_i16x8_s`.
            I32x4ExtendLowI16x8S { dst: Dst, src: Src };
            /// `i32x4.extend_high_i16x8_s`.
            I32x4ExtendHighI16x8S { dst: Dst, src: Src };
            /// `i32x4.extend_low_i16x8_u`.
            I32x4ExtendLowI16x8U { dst: Dst, src: Src };
            /// `i32x4.extend_high_i16x8_u`.
            I32x4ExtendHighI16x8U { dst: Dst, src: Src };
            /// `i32x4.shl` (`rhs` is an i32 slot).
            I32x4Shl { dst: Dst, lhs: Src, rhs: Src };
            /// `i32x4.shr_s` (`rhs` is an i32 slot).
            I32x4ShrS { dst: Dst, lhs: Src, rhs: Src };
            /// `i32x4.shr_u` (`rhs` is an i32 slot).
            I32x4ShrU { dst: Dst, lhs: Src, rhs: Src };
            /// `i32x4.add`.
            I32x4Add { dst: Dst, lhs: Src, rhs: Src };
            /// `i32x4.sub`.
            I32x4Sub { dst: Dst, lhs: Src, rhs: Src };
            /// `i32x4.mul`.
            I32x4Mul { dst: Dst, lhs: Src, rhs: Src };
            /// `i32x4.min_s`.
            I32x4MinS { dst: Dst, lhs: Src, rhs: Src };
            /// `i32x4.min_u`.
            I32x4MinU { dst: Dst, lhs: Src, rhs: Src };
            /// `i32x4.max_s`.
            I32x4MaxS { dst: Dst, lhs: Src, rhs: Src };
            /// `i32x4.max_u`.
            I32x4MaxU { dst: Dst, lhs: Src, rhs: Src };
            /// `i32x4.dot_i16x8_s`.
            I32x4DotI16x8S { dst: Dst, lhs: Src, rhs: Src };
            /// `i32x4.extmul_low_i16x8_s`.
            I32x4ExtMulLowI16x8S { dst: Dst, lhs: Src, rhs: Src };
            /// `i32x4.extmul_high_i16x8_s`.
            I32x4ExtMulHighI16x8S { dst: Dst, lhs: Src, rhs: Src };
            /// `i32x4.extmul_low_i16x8_u`.
            I32x4ExtMulLowI16x8U { dst: Dst, lhs: Src, rhs: Src };
            /// `i32x4.extmul_high_i16x8_u`.
            I32x4ExtMulHighI16x8U { dst: Dst, lhs: Src, rhs: Src };
            /// `i64x2.abs`.
            I64x2Abs { dst: Dst, src: Src };
            /// `i64x2.neg`.
            I64x2Neg { dst: Dst, src: Src };
            /// `i64x2.all_true` (`dst` is an i32 slot).
            I64x2AllTrue { dst: Dst, src: Src };
            /// `i64x2.bitmask` (`dst` is an i32 slot).
            I64x2Bitmask { dst: Dst, src: Src };
            /// `i64x2.extend_low_i32x4_s`.
            I64x2ExtendLowI32x4S { dst: Dst, src: Src };
            /// `i64x2.extend_high_i32x4_s`.
            I64x2ExtendHighI32x4S { dst: Dst, src: Src };
            /// `i64x2.extend_low_i32x4_u`.
            I64x2ExtendLowI32x4U { dst: Dst, src: Src };
            /// `i64x2.extend_high_i32x4_u`.
            I64x2ExtendHighI32x4U { dst: Dst, src: Src };
            /// `i64x2.shl` (`rhs` is an i32 slot).
            I64x2Shl { dst: Dst, lhs: Src, rhs: Src };
            /// `i64x2.shr_s` (`rhs` is an i32 slot).
            I64x2ShrS { dst: Dst, lhs: Src, rhs: Src };
            /// `i64x2.shr_u` (`rhs` is an i32 slot).
            I64x2ShrU { dst: Dst, lhs: Src, rhs: Src };
            /// `i64x2.add`.
            I64x2Add { dst: Dst, lhs: Src, rhs: Src };
            /// `i64x2.sub`.
            I64x2Sub { dst: Dst, lhs: Src, rhs: Src };
            /// `i64x2.mul`.
            I64x2Mul { dst: Dst, lhs: Src, rhs: Src };
            /// `i64x2.extmul_low_i32x4_s`.
            I64x2ExtMulLowI32x4S { dst: Dst, lhs: Src, rhs: Src };
            /// `i64x2.extmul_high_i32x4_s`.
            I64x2ExtMulHighI32x4S { dst: Dst, lhs: Src, rhs: Src };
            /// `i64x2.extmul_low_i32x4_u`.
            I64x2ExtMulLowI32x4U { dst: Dst, lhs: Src, rhs: Src };
            /// `i64x2.extmul_high_i32x4_u`.
            I64x2ExtMulHighI32x4U { dst: Dst, lhs: Src, rhs: Src };
            /// `f32x4.ceil`.
            F32x4Ceil { dst: Dst, src: Src };
            /// `f32x4.floor`.
            F32x4Floor { dst: Dst, src: Src };
            /// `f32x4.trunc`.
            F32x4Trunc { dst: Dst, src: Src };
            /// `f32x4.nearest`.
            F32x4Nearest { dst: Dst, src: Src };
            /// `f32x4.abs`.
            F32x4Abs { dst: Dst, src: Src };
            /// `f32x4.neg`.
            F32x4Neg { dst: Dst, src: Src };
            /// `f32x4.sqrt`.
            F32x4Sqrt { dst: Dst, src: Src };
            /// `f32x4.add`.
            F32x4Add { dst: Dst, lhs: Src, rhs: Src };
            /// `f32x4.sub`.
            F32x4Sub { dst: Dst, lhs: Src, rhs: Src };
            /// `f32x4.mul`.
            F32x4Mul { dst: Dst, lhs: Src, rhs: Src };
            /// `f32x4.div`.
            F32x4Div { dst: Dst, lhs: Src, rhs: Src };
            /// `f32x4.min`.
            F32x4Min { dst: Dst, lhs: Src, rhs: Src };
            /// `f32x4.max`.
            F32x4Max { dst: Dst, lhs: Src, rhs: Src };
            /// `f32x4.pmin`.
            F32x4PMin { dst: Dst, lhs: Src, rhs: Src };
            /// `f32x4.pmax`.
            F32x4PMax { dst: Dst, lhs: Src, rhs: Src };
            /// `f64x2.ceil`.
            F64x2Ceil { dst: Dst, src: Src };
            /// `f64x2.floor`.
            F64x2Floor { dst: Dst, src: Src };
            /// `f64x2.trunc`.
            F64x2Trunc { dst: Dst, src: Src };
            /// `f64x2.nearest`.
            F64x2Nearest { dst: Dst, src: Src };
            /// `f64x2.abs`.
            F64x2Abs { dst: Dst, src: Src };
            /// `f64x2.neg`.
            F64x2Neg { dst: Dst, src: Src };
            /// `f64x2.sqrt`.
            F64x2Sqrt { dst: Dst, src: Src };
            /// `f64x2.add`.
            F64x2Add { dst: Dst, lhs: Src, rhs: Src };
            /// `f64x2.sub`.
            F64x2Sub { dst: Dst, lhs: Src, rhs: Src };
            /// `f64x2.mul`.
            F64x2Mul { dst: Dst, lhs: Src, rhs: Src };
            /// `f64x2.div`.
            F64x2Div { dst: Dst, lhs: Src, rhs: Src };
            /// `f64x2.min`.
            F64x2Min { dst: Dst, lhs: Src, rhs: Src };
            /// `f64x2.max`.
            F64x2Max { dst: Dst, lhs: Src, rhs: Src };
            /// `f64x2.pmin`.
            F64x2PMin { dst: Dst, lhs: Src, rhs: Src };
            /// `f64x2.pmax`.
            F64x2PMax { dst: Dst, lhs: Src, rhs: Src };
            /// `i32x4.trunc_sat_f32x4_s`.
            I32x4TruncSatF32x4S { dst: Dst, src: Src };
            /// `i32x4.trunc_sat_f32x4_u`.
            I32x4TruncSatF32x4U { dst: Dst, src: Src };
            /// `f32x4.convert_i32x4_s`.
            F32x4ConvertI32x4S { dst: Dst, src: Src };
            /// `f32x4.convert_i32x4_u`.
            F32x4ConvertI32x4U { dst: Dst, src: Src };
            /// `i32x4.trunc_sat_f64x2_s_zero`.
            I32x4TruncSatF64x2SZero { dst: Dst, src: Src };
            /// `i32x4.trunc_sat_f64x2_u_zero`.
            I32x4TruncSatF64x2UZero { dst: Dst, src: Src };
            /// `f64x2.convert_low_i32x4_s`.
            F64x2ConvertLowI32x4S { dst: Dst, src: Src };
            /// `f64x2.convert_low_i32x4_u`.
            F64x2ConvertLowI32x4U { dst: Dst, src: Src };
            /// `f32x4.demote_f64x2_zero`.
            F32x4DemoteF64x2Zero { dst: Dst, src: Src };
            /// `f64x2.promote_low_f32x4`.
            F64x2PromoteLowF32x4 { dst: Dst, src: Src };
            /// `i8x16.relaxed_swizzle`.
            I8x16RelaxedSwizzle { dst: Dst, lhs: Src, rhs: Src };
            /// `i32x4.relaxed_trunc_f32x4_s`.
            I32x4RelaxedTruncF32x4S { dst: Dst, src: Src };
            /// `i32x4.relaxed_trunc_f32x4_u`.
            I32x4RelaxedTruncF32x4U { dst: Dst, src: Src };
            /// `i32x4.relaxed_trunc_f64x2_s_zero`.
            I32x4RelaxedTruncF64x2SZero { dst: Dst, src: Src };
            /// `i32x4.relaxed_trunc_f64x2_u_zero`.
            I32x4RelaxedTruncF64x2UZero { dst: Dst, src: Src };
            /// `f32x4.relaxed_madd` (third operand in the data word's `a`).
            F32x4RelaxedMadd { dst: Dst, a: Src, b: Src } + Data { a: Src };
            /// `f32x4.relaxed_nmadd` (third operand in the data word's `a`).
            F32x4RelaxedNmadd { dst: Dst, a: Src, b: Src } + Data { a: Src };
            /// `f64x2.relaxed_madd` (third operand in the data word's `a`).
            F64x2RelaxedMadd { dst: Dst, a: Src, b: Src } + Data { a: Src };
            /// `f64x2.relaxed_nmadd` (third operand in the data word's `a`).
            F64x2RelaxedNmadd { dst: Dst, a: Src, b: Src } + Data { a: Src };
            /// `i8x16.relaxed_laneselect` (third operand in the data word's `a`).
            I8x16RelaxedLaneselect { dst: Dst, a: Src, b: Src } + Data { a: Src };
            /// `i16x8.relaxed_laneselect` (third operand in the data word's `a`).
            I16x8RelaxedLaneselect { dst: Dst, a: Src, b: Src } + Data { a: Src };
            /// `i32x4.relaxed_laneselect` (third operand in the data word's `a`).
            I32x4RelaxedLaneselect { dst: Dst, a: Src, b: Src } + Data { a: Src };
            /// `i64x2.relaxed_laneselect` (third operand in the data word's `a`).
            I64x2RelaxedLaneselect { dst: Dst, a: Src, b: Src } + Data { a: Src };
            /// `f32x4.relaxed_min`.
            F32x4RelaxedMin { dst: Dst, lhs: Src, rhs: Src };
            /// `f32x4.relaxed_max`.
            F32x4RelaxedMax { dst: Dst, lhs: Src, rhs: Src };
            /// `f64x2.relaxed_min`.
            F64x2RelaxedMin { dst: Dst, lhs: Src, rhs: Src };
            /// `f64x2.relaxed_max`.
            F64x2RelaxedMax { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.relaxed_q15mulr_s`.
            I16x8RelaxedQ15mulrS { dst: Dst, lhs: Src, rhs: Src };
            /// `i16x8.relaxed_dot_i8x16_i7x16_s`.
            I16x8RelaxedDotI8x16I7x16S { dst: Dst, lhs: Src, rhs: Src };
            /// `i32x4.relaxed_dot_i8x16_i7x16_add_s` (third operand in the data word's `a`).
            I32x4RelaxedDotI8x16I7x16AddS { dst: Dst, a: Src, b: Src } + Data { a: Src };

            // ----- readers of the result register (`translator/result_register.rs`) -----------
            /// The instruction named without `Acc`, reading the operand it names first (`lhs`,
            /// `cond`) from the register in which the instruction before it hands on its result
            /// instead of from the slot, which holds the same value.
            I32AddAcc { dst: Dst, lhs: Src, rhs: Src };
            /// [`Instr::BrTable`] reading `index` from the register.
            BrTableAcc { index: Src, len: Imm(u32) };
            /// [`Instr::BrTablePay`] reading `index` from the register.
            BrTablePayAcc { index: Src, len: Imm(u32) };
            /// [`Instr::CallIndirect`] reading `index` (its element index, not its first
            /// operand) from the register.
            CallIndirectAcc { ty: Imm(u32), args: Range, index: Src } + Data { a: Imm };
            I32SubAcc { dst: Dst, lhs: Src, rhs: Src };
            I32MulAcc { dst: Dst, lhs: Src, rhs: Src };
            I32AndAcc { dst: Dst, lhs: Src, rhs: Src };
            I32OrAcc { dst: Dst, lhs: Src, rhs: Src };
            I32XorAcc { dst: Dst, lhs: Src, rhs: Src };
            I32ShlAcc { dst: Dst, lhs: Src, rhs: Src };
            I32ShrSAcc { dst: Dst, lhs: Src, rhs: Src };
            I32ShrUAcc { dst: Dst, lhs: Src, rhs: Src };
            I32RotlAcc { dst: Dst, lhs: Src, rhs: Src };
            I32RotrAcc { dst: Dst, lhs: Src, rhs: Src };
            I32AddImmAcc { dst: Dst, lhs: Src, imm: Imm(i32) };
            I32SubImmAcc { dst: Dst, lhs: Src, imm: Imm(i32) };
            I32MulImmAcc { dst: Dst, lhs: Src, imm: Imm(i32) };
            I32AndImmAcc { dst: Dst, lhs: Src, imm: Imm(i32) };
            I32OrImmAcc { dst: Dst, lhs: Src, imm: Imm(i32) };
            I32XorImmAcc { dst: Dst, lhs: Src, imm: Imm(i32) };
            I32ShlImmAcc { dst: Dst, lhs: Src, imm: Imm(i32) };
            I32ShrSImmAcc { dst: Dst, lhs: Src, imm: Imm(i32) };
            I32ShrUImmAcc { dst: Dst, lhs: Src, imm: Imm(i32) };
            I32RotlImmAcc { dst: Dst, lhs: Src, imm: Imm(i32) };
            I32RotrImmAcc { dst: Dst, lhs: Src, imm: Imm(i32) };
            BrI32EqAcc { lhs: Src, rhs: Src, offset: Br };
            BrI32NeAcc { lhs: Src, rhs: Src, offset: Br };
            BrI32LtSAcc { lhs: Src, rhs: Src, offset: Br };
            BrI32LtUAcc { lhs: Src, rhs: Src, offset: Br };
            BrI32GtSAcc { lhs: Src, rhs: Src, offset: Br };
            BrI32GtUAcc { lhs: Src, rhs: Src, offset: Br };
            BrI32LeSAcc { lhs: Src, rhs: Src, offset: Br };
            BrI32LeUAcc { lhs: Src, rhs: Src, offset: Br };
            BrI32GeSAcc { lhs: Src, rhs: Src, offset: Br };
            BrI32GeUAcc { lhs: Src, rhs: Src, offset: Br };
            BrI32EqImmAcc { lhs: Src, imm: Imm(i32), offset: Br };
            BrI32NeImmAcc { lhs: Src, imm: Imm(i32), offset: Br };
            BrI32LtSImmAcc { lhs: Src, imm: Imm(i32), offset: Br };
            BrI32LtUImmAcc { lhs: Src, imm: Imm(i32), offset: Br };
            BrI32GtSImmAcc { lhs: Src, imm: Imm(i32), offset: Br };
            BrI32GtUImmAcc { lhs: Src, imm: Imm(i32), offset: Br };
            BrI32LeSImmAcc { lhs: Src, imm: Imm(i32), offset: Br };
            BrI32LeUImmAcc { lhs: Src, imm: Imm(i32), offset: Br };
            BrI32GeSImmAcc { lhs: Src, imm: Imm(i32), offset: Br };
            BrI32GeUImmAcc { lhs: Src, imm: Imm(i32), offset: Br };
            I64AddAcc { dst: Dst, lhs: Src, rhs: Src };
            I64SubAcc { dst: Dst, lhs: Src, rhs: Src };
            I64MulAcc { dst: Dst, lhs: Src, rhs: Src };
            I64AndAcc { dst: Dst, lhs: Src, rhs: Src };
            I64OrAcc { dst: Dst, lhs: Src, rhs: Src };
            I64XorAcc { dst: Dst, lhs: Src, rhs: Src };
            I64ShlAcc { dst: Dst, lhs: Src, rhs: Src };
            I64ShrSAcc { dst: Dst, lhs: Src, rhs: Src };
            I64ShrUAcc { dst: Dst, lhs: Src, rhs: Src };
            I64RotlAcc { dst: Dst, lhs: Src, rhs: Src };
            I64RotrAcc { dst: Dst, lhs: Src, rhs: Src };
            I64AddImmAcc { dst: Dst, lhs: Src, imm: Imm(i32) };
            I64SubImmAcc { dst: Dst, lhs: Src, imm: Imm(i32) };
            I64MulImmAcc { dst: Dst, lhs: Src, imm: Imm(i32) };
            I64AndImmAcc { dst: Dst, lhs: Src, imm: Imm(i32) };
            I64OrImmAcc { dst: Dst, lhs: Src, imm: Imm(i32) };
            I64XorImmAcc { dst: Dst, lhs: Src, imm: Imm(i32) };
            I64ShlImmAcc { dst: Dst, lhs: Src, imm: Imm(i32) };
            I64ShrSImmAcc { dst: Dst, lhs: Src, imm: Imm(i32) };
            I64ShrUImmAcc { dst: Dst, lhs: Src, imm: Imm(i32) };
            I64RotlImmAcc { dst: Dst, lhs: Src, imm: Imm(i32) };
            I64RotrImmAcc { dst: Dst, lhs: Src, imm: Imm(i32) };
            BrI64EqAcc { lhs: Src, rhs: Src, offset: Br };
            BrI64NeAcc { lhs: Src, rhs: Src, offset: Br };
            BrI64LtSAcc { lhs: Src, rhs: Src, offset: Br };
            BrI64LtUAcc { lhs: Src, rhs: Src, offset: Br };
            BrI64GtSAcc { lhs: Src, rhs: Src, offset: Br };
            BrI64GtUAcc { lhs: Src, rhs: Src, offset: Br };
            BrI64LeSAcc { lhs: Src, rhs: Src, offset: Br };
            BrI64LeUAcc { lhs: Src, rhs: Src, offset: Br };
            BrI64GeSAcc { lhs: Src, rhs: Src, offset: Br };
            BrI64GeUAcc { lhs: Src, rhs: Src, offset: Br };
            BrI64EqImmAcc { lhs: Src, imm: Imm(i32), offset: Br };
            BrI64NeImmAcc { lhs: Src, imm: Imm(i32), offset: Br };
            BrI64LtSImmAcc { lhs: Src, imm: Imm(i32), offset: Br };
            BrI64LtUImmAcc { lhs: Src, imm: Imm(i32), offset: Br };
            BrI64GtSImmAcc { lhs: Src, imm: Imm(i32), offset: Br };
            BrI64GtUImmAcc { lhs: Src, imm: Imm(i32), offset: Br };
            BrI64LeSImmAcc { lhs: Src, imm: Imm(i32), offset: Br };
            BrI64LeUImmAcc { lhs: Src, imm: Imm(i32), offset: Br };
            BrI64GeSImmAcc { lhs: Src, imm: Imm(i32), offset: Br };
            BrI64GeUImmAcc { lhs: Src, imm: Imm(i32), offset: Br };
            BrIfEqzAcc { cond: Src, offset: Br };
            BrIfNezAcc { cond: Src, offset: Br };
            /// [`Instr::CopyBrIfEqz`] and [`Instr::CopyBrIfNez`] testing `cond` in the integer
            /// register, and copying it from there when the copy's `src` is `cond`.
            CopyBrIfEqzAcc { cond: Src, offset: Br, dst: Dst } + Data { a: Src };
            CopyBrIfNezAcc { cond: Src, offset: Br, dst: Dst } + Data { a: Src };
            /// [`Instr::BrIfEqzCopy`] and [`Instr::BrIfNezCopy`] testing `cond` in the integer
            /// register, and copying it from there when the loop's copy reads `cond`.
            BrIfEqzCopyAcc { cond: Src, offset: Br, dst: Dst } + Data { a: Src };
            BrIfNezCopyAcc { cond: Src, offset: Br, dst: Dst } + Data { a: Src };
            /// [`Instr::CopyBrIfEqzCopy`] and [`Instr::CopyBrIfNezCopy`] testing `cond` in the
            /// integer register, and copying it from there when a copy reads `cond` (a list
            /// walked by its `next` field: the node just loaded is tested and carried both).
            CopyBrIfEqzCopyAcc { cond: Src, offset: Br, dst: Dst } + Data { a: Src, b: Dst, c: Src };
            CopyBrIfNezCopyAcc { cond: Src, offset: Br, dst: Dst } + Data { a: Src, b: Dst, c: Src };
            BrI64IfEqzAcc { cond: Src, offset: Br };
            BrI64IfNezAcc { cond: Src, offset: Br };
            BrI32AndNezAcc { lhs: Src, rhs: Src, offset: Br };
            BrI32AndEqzAcc { lhs: Src, rhs: Src, offset: Br };
            BrI32AndImmNezAcc { lhs: Src, imm: Imm(i32), offset: Br };
            BrI32AndImmEqzAcc { lhs: Src, imm: Imm(i32), offset: Br };
            BrI32AndImmEqImmAcc { lhs: Src, imm: Imm(i32), imm2: Imm(i16), offset: Br };
            BrI32AndImmNeImmAcc { lhs: Src, imm: Imm(i32), imm2: Imm(i16), offset: Br };
            /// [`Instr::BrI32AndImmEq`] and [`Instr::BrI32AndImmNe`] reading the value they mask
            /// (`Acc`) or the value they compare it with (`AccRhs`) from the integer register.
            BrI32AndImmEqAcc { lhs: Src, rhs: Src, imm: Imm(u16), offset: Br };
            BrI32AndImmNeAcc { lhs: Src, rhs: Src, imm: Imm(u16), offset: Br };
            BrI32AndImmEqAccRhs { lhs: Src, rhs: Src, imm: Imm(u16), offset: Br };
            BrI32AndImmNeAccRhs { lhs: Src, rhs: Src, imm: Imm(u16), offset: Br };
            /// The paying, pay-first and paying-either-way branches (`translator/pay.rs`) reading
            /// their left operand (or the value they test) from the integer register.
            BrI32EqPayAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32EqPayFirstAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32EqPayBothAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32NePayAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32NePayFirstAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32NePayBothAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32LtSPayAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32LtSPayFirstAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32LtSPayBothAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32LtUPayAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32LtUPayFirstAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32LtUPayBothAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32GtSPayAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32GtSPayFirstAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32GtSPayBothAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32GtUPayAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32GtUPayFirstAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32GtUPayBothAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32LeSPayAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32LeSPayFirstAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32LeSPayBothAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32LeUPayAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32LeUPayFirstAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32LeUPayBothAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32GeSPayAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32GeSPayFirstAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32GeSPayBothAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32GeUPayAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32GeUPayFirstAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32GeUPayBothAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32EqImmPayAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32EqImmPayFirstAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32EqImmPayBothAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32NeImmPayAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32NeImmPayFirstAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32NeImmPayBothAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32LtSImmPayAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32LtSImmPayFirstAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32LtSImmPayBothAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32LtUImmPayAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32LtUImmPayFirstAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32LtUImmPayBothAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32GtSImmPayAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32GtSImmPayFirstAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32GtSImmPayBothAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32GtUImmPayAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32GtUImmPayFirstAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32GtUImmPayBothAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32LeSImmPayAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32LeSImmPayFirstAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32LeSImmPayBothAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32LeUImmPayAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32LeUImmPayFirstAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32LeUImmPayBothAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32GeSImmPayAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32GeSImmPayFirstAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32GeSImmPayBothAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32GeUImmPayAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32GeUImmPayFirstAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32GeUImmPayBothAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64EqPayAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64EqPayFirstAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64EqPayBothAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64NePayAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64NePayFirstAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64NePayBothAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64LtSPayAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64LtSPayFirstAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64LtSPayBothAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64LtUPayAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64LtUPayFirstAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64LtUPayBothAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64GtSPayAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64GtSPayFirstAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64GtSPayBothAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64GtUPayAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64GtUPayFirstAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64GtUPayBothAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64LeSPayAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64LeSPayFirstAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64LeSPayBothAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64LeUPayAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64LeUPayFirstAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64LeUPayBothAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64GeSPayAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64GeSPayFirstAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64GeSPayBothAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64GeUPayAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64GeUPayFirstAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64GeUPayBothAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI64EqImmPayAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64EqImmPayFirstAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64EqImmPayBothAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64NeImmPayAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64NeImmPayFirstAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64NeImmPayBothAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64LtSImmPayAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64LtSImmPayFirstAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64LtSImmPayBothAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64LtUImmPayAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64LtUImmPayFirstAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64LtUImmPayBothAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64GtSImmPayAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64GtSImmPayFirstAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64GtSImmPayBothAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64GtUImmPayAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64GtUImmPayFirstAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64GtUImmPayBothAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64LeSImmPayAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64LeSImmPayFirstAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64LeSImmPayBothAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64LeUImmPayAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64LeUImmPayFirstAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64LeUImmPayBothAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64GeSImmPayAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64GeSImmPayFirstAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64GeSImmPayBothAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64GeUImmPayAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64GeUImmPayFirstAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI64GeUImmPayBothAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrIfEqzPayAcc { cond: Src, offset: Br, cost: Cost };
            BrIfEqzPayFirstAcc { cond: Src, offset: Br, cost: Cost };
            BrIfEqzPayBothAcc { cond: Src, offset: Br, cost: Cost };
            BrIfNezPayAcc { cond: Src, offset: Br, cost: Cost };
            BrIfNezPayFirstAcc { cond: Src, offset: Br, cost: Cost };
            BrIfNezPayBothAcc { cond: Src, offset: Br, cost: Cost };
            BrI64IfEqzPayAcc { cond: Src, offset: Br, cost: Cost };
            BrI64IfEqzPayFirstAcc { cond: Src, offset: Br, cost: Cost };
            BrI64IfEqzPayBothAcc { cond: Src, offset: Br, cost: Cost };
            BrI64IfNezPayAcc { cond: Src, offset: Br, cost: Cost };
            BrI64IfNezPayFirstAcc { cond: Src, offset: Br, cost: Cost };
            BrI64IfNezPayBothAcc { cond: Src, offset: Br, cost: Cost };
            BrI32AndNezPayAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32AndNezPayFirstAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32AndNezPayBothAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32AndEqzPayAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32AndEqzPayFirstAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32AndEqzPayBothAcc { lhs: Src, rhs: Src, offset: Br, cost: Cost };
            BrI32AndImmNezPayAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32AndImmNezPayFirstAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32AndImmNezPayBothAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32AndImmEqzPayAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32AndImmEqzPayFirstAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32AndImmEqzPayBothAcc { lhs: Src, imm: Imm(i32), offset: Br, cost: Cost };
            BrI32AndImmEqImmPayAcc { lhs: Src, imm: Imm(i32), imm2: Imm(i16), offset: Br };
            BrI32AndImmEqImmPayFirstAcc { lhs: Src, imm: Imm(i32), imm2: Imm(i16), offset: Br };
            BrI32AndImmEqImmPayBothAcc { lhs: Src, imm: Imm(i32), imm2: Imm(i16), offset: Br };
            BrI32AndImmNeImmPayAcc { lhs: Src, imm: Imm(i32), imm2: Imm(i16), offset: Br };
            BrI32AndImmNeImmPayFirstAcc { lhs: Src, imm: Imm(i32), imm2: Imm(i16), offset: Br };
            BrI32AndImmNeImmPayBothAcc { lhs: Src, imm: Imm(i32), imm2: Imm(i16), offset: Br };
            F64AddAcc { dst: Dst, lhs: Src, rhs: Src };
            F64SubAcc { dst: Dst, lhs: Src, rhs: Src };
            F64MulAcc { dst: Dst, lhs: Src, rhs: Src };
            F64DivAcc { dst: Dst, lhs: Src, rhs: Src };
            F64MulAddAcc { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            F64MulSubAcc { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            F64AddAddAcc { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            F64MulAddRevAcc { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            F64MulSubRevAcc { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            /// The f32 forms, reading `lhs` from the integer register, where an f32 travels
            /// as its bits (as loads hand it on).
            F32AddAcc { dst: Dst, lhs: Src, rhs: Src };
            F32SubAcc { dst: Dst, lhs: Src, rhs: Src };
            F32MulAcc { dst: Dst, lhs: Src, rhs: Src };
            F32DivAcc { dst: Dst, lhs: Src, rhs: Src };
            F32MulAddAcc { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            F32MulSubAcc { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            F32AddAddAcc { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            F32MulAddRevAcc { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            F32MulSubRevAcc { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            /// Integer pairs (`translator/pair.rs`) and the fused operators of `add_rotl.rs` and
            /// `and_not.rs` reading the operand they name after `Acc` (`lhs` when they name
            /// none) from the register: a link of a dependency chain that neither stores nor
            /// reloads the value the instruction before it computed.
            I32AddAddAcc { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            I32MulAddAcc { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            I32AndAddAcc { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            I32XorAddAcc { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            I64MulAddAcc { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            I64AddXorAcc { dst: Dst, lhs: Src, rhs: Src } + Data { a: Src };
            I32ShlImmXorAcc { dst: Dst, lhs: Src, other: Src, imm: Imm(i16) };
            I32ShlImmXorAccOther { dst: Dst, lhs: Src, other: Src, imm: Imm(i16) };
            I32ShrUImmXorAcc { dst: Dst, lhs: Src, other: Src, imm: Imm(i16) };
            I32ShrUImmXorAccOther { dst: Dst, lhs: Src, other: Src, imm: Imm(i16) };
            I32ShrUImmAddAcc { dst: Dst, lhs: Src, other: Src, imm: Imm(i16) };
            I32ShrUImmAddAccOther { dst: Dst, lhs: Src, other: Src, imm: Imm(i16) };
            I32AndImmAddAcc { dst: Dst, lhs: Src, other: Src, imm: Imm(i16) };
            I32AndImmAddAccOther { dst: Dst, lhs: Src, other: Src, imm: Imm(i16) };
            I64ShlImmAddAcc { dst: Dst, lhs: Src, other: Src, imm: Imm(i16) };
            I64ShlImmAddAccOther { dst: Dst, lhs: Src, other: Src, imm: Imm(i16) };
            I32AddAddImmAcc { dst: Dst, lhs: Src, rhs: Src, imm: Imm(i16) };
            I32MulAddImmAcc { dst: Dst, lhs: Src, rhs: Src, imm: Imm(i16) };
            I32ShrUImmAndImmAcc { dst: Dst, lhs: Src, imm: Imm(i32), imm2: Imm(i16) };
            I32AddImmAndImmAcc { dst: Dst, lhs: Src, imm: Imm(i32), imm2: Imm(i16) };
            I32AndImmAddImmAcc { dst: Dst, lhs: Src, imm: Imm(i32), imm2: Imm(i16) };
            I32MulImmAddImmAcc { dst: Dst, lhs: Src, imm: Imm(i32), imm2: Imm(i16) };
            I32AddImmRotlAcc { dst: Dst, lhs: Src, imm: Imm(i32), rot: Imm(u8) };
            I32ShiftsAddAcc { dst: Dst, lhs: Src, masks: Imm(u32), r1: Imm(u8), r2: Imm(u8) };
            I32ShiftsXorAcc { dst: Dst, lhs: Src, masks: Imm(u32), r1: Imm(u8), r2: Imm(u8) };
            I32ShiftsOrAcc { dst: Dst, lhs: Src, masks: Imm(u32), r1: Imm(u8), r2: Imm(u8) };
            I64ShiftsAddAcc { dst: Dst, lhs: Src, masks: Imm(u32), r1: Imm(u8), r2: Imm(u8) };
            I64ShiftsXorAcc { dst: Dst, lhs: Src, masks: Imm(u32), r1: Imm(u8), r2: Imm(u8) };
            I64ShiftsOrAcc { dst: Dst, lhs: Src, masks: Imm(u32), r1: Imm(u8), r2: Imm(u8) };
            I32AndNotAcc { dst: Dst, lhs: Src, rhs: Src };
            I32AndNotAccRhs { dst: Dst, lhs: Src, rhs: Src };
            I32OrNotAcc { dst: Dst, lhs: Src, rhs: Src };
            I32OrNotAccRhs { dst: Dst, lhs: Src, rhs: Src };
            I64AndNotAcc { dst: Dst, lhs: Src, rhs: Src };
            I64AndNotAccRhs { dst: Dst, lhs: Src, rhs: Src };
            I64OrNotAcc { dst: Dst, lhs: Src, rhs: Src };
            I64OrNotAccRhs { dst: Dst, lhs: Src, rhs: Src };
            /// Loads reading their address from the integer register, stores their value or
            /// their address (`AccVal`, `AccPtr`), copies their source.
            Load8SAcc { dst: Dst, ptr: Src, offset: Imm(u32) };
            Load8UAcc { dst: Dst, ptr: Src, offset: Imm(u32) };
            Load16SAcc { dst: Dst, ptr: Src, offset: Imm(u32) };
            Load16UAcc { dst: Dst, ptr: Src, offset: Imm(u32) };
            Load32SAcc { dst: Dst, ptr: Src, offset: Imm(u32) };
            Load32UAcc { dst: Dst, ptr: Src, offset: Imm(u32) };
            Load64Acc { dst: Dst, ptr: Src, offset: Imm(u32) };
            Load8SAddAcc { dst: Dst, ptr: Src, imm: Imm(u32) };
            Load8UAddAcc { dst: Dst, ptr: Src, imm: Imm(u32) };
            Load16SAddAcc { dst: Dst, ptr: Src, imm: Imm(u32) };
            Load16UAddAcc { dst: Dst, ptr: Src, imm: Imm(u32) };
            Load32SAddAcc { dst: Dst, ptr: Src, imm: Imm(u32) };
            Load32UAddAcc { dst: Dst, ptr: Src, imm: Imm(u32) };
            Load64AddAcc { dst: Dst, ptr: Src, imm: Imm(u32) };
            Store8AccVal { ptr: Src, val: Src, offset: Imm(u32) };
            Store8AccPtr { ptr: Src, val: Src, offset: Imm(u32) };
            Store16AccVal { ptr: Src, val: Src, offset: Imm(u32) };
            Store16AccPtr { ptr: Src, val: Src, offset: Imm(u32) };
            Store32AccVal { ptr: Src, val: Src, offset: Imm(u32) };
            Store32AccPtr { ptr: Src, val: Src, offset: Imm(u32) };
            Store64AccVal { ptr: Src, val: Src, offset: Imm(u32) };
            Store64AccPtr { ptr: Src, val: Src, offset: Imm(u32) };
            Store8ImmAcc { ptr: Src, offset: Imm(u32), val: Imm(u32) };
            Store16ImmAcc { ptr: Src, offset: Imm(u32), val: Imm(u32) };
            Store32ImmAcc { ptr: Src, offset: Imm(u32), val: Imm(u32) };
            Store64ImmAcc { ptr: Src, offset: Imm(u32), val: Imm(u32) };
            Store8AddAccVal { ptr: Src, val: Src, imm: Imm(u32) };
            Store8AddAccPtr { ptr: Src, val: Src, imm: Imm(u32) };
            Store16AddAccVal { ptr: Src, val: Src, imm: Imm(u32) };
            Store16AddAccPtr { ptr: Src, val: Src, imm: Imm(u32) };
            Store32AddAccVal { ptr: Src, val: Src, imm: Imm(u32) };
            Store32AddAccPtr { ptr: Src, val: Src, imm: Imm(u32) };
            Store64AddAccVal { ptr: Src, val: Src, imm: Imm(u32) };
            Store64AddAccPtr { ptr: Src, val: Src, imm: Imm(u32) };
            /// Loads of an array element reading their index from the integer register, stores
            /// of one their value.
            Load8SIdxAcc { dst: Dst, base: Src, index: Src };
            Load8UIdxAcc { dst: Dst, base: Src, index: Src };
            Load16SIdxAcc { dst: Dst, base: Src, index: Src };
            Load16UIdxAcc { dst: Dst, base: Src, index: Src };
            Load32SIdxAcc { dst: Dst, base: Src, index: Src };
            Load32UIdxAcc { dst: Dst, base: Src, index: Src };
            Load64IdxAcc { dst: Dst, base: Src, index: Src };
            /// Loads through a loaded pointer reading the address of that pointer from the
            /// integer register.
            Load8SThroughAcc { dst: Dst, ptr: Src, first: Imm(u32) } + Data { a: Imm };
            Load8UThroughAcc { dst: Dst, ptr: Src, first: Imm(u32) } + Data { a: Imm };
            Load16SThroughAcc { dst: Dst, ptr: Src, first: Imm(u32) } + Data { a: Imm };
            Load16UThroughAcc { dst: Dst, ptr: Src, first: Imm(u32) } + Data { a: Imm };
            Load32SThroughAcc { dst: Dst, ptr: Src, first: Imm(u32) } + Data { a: Imm };
            Load32UThroughAcc { dst: Dst, ptr: Src, first: Imm(u32) } + Data { a: Imm };
            Load64ThroughAcc { dst: Dst, ptr: Src, first: Imm(u32) } + Data { a: Imm };
            /// Two loads in a row, the first reading its address from the integer register.
            Load8SPairAcc { dst0: Dst, ptr0: Src, dst: Dst } + Data { a: Src, b: Imm, c: Imm };
            Load8UPairAcc { dst0: Dst, ptr0: Src, dst: Dst } + Data { a: Src, b: Imm, c: Imm };
            Load16SPairAcc { dst0: Dst, ptr0: Src, dst: Dst } + Data { a: Src, b: Imm, c: Imm };
            Load16UPairAcc { dst0: Dst, ptr0: Src, dst: Dst } + Data { a: Src, b: Imm, c: Imm };
            Load32SPairAcc { dst0: Dst, ptr0: Src, dst: Dst } + Data { a: Src, b: Imm, c: Imm };
            Load32UPairAcc { dst0: Dst, ptr0: Src, dst: Dst } + Data { a: Src, b: Imm, c: Imm };
            Load64PairAcc { dst0: Dst, ptr0: Src, dst: Dst } + Data { a: Src, b: Imm, c: Imm };
            Store8IdxAccVal { base: Src, index: Src, val: Src };
            Store16IdxAccVal { base: Src, index: Src, val: Src };
            Store32IdxAccVal { base: Src, index: Src, val: Src };
            Store64IdxAccVal { base: Src, index: Src, val: Src };
            CopyAcc { dst: Dst, src: Src };
            /// [`Instr::Return1`] of the integer value the instruction before hands on: the
            /// return waits on no reload of the slot just written.
            Return1Acc { src: Src };
            /// [`Instr::Return1`] of the f64 the instruction before hands on.
            Return1FAcc { src: Src };
            /// [`Instr::Return1Pay`] of the integer value the instruction before hands on.
            Return1PayAcc { src: Src, offset: Br, cost: Cost };
        }
    };
}

pub(crate) use for_each_instr;

/// Calls `$callback!` with the comparisons that fuse with the conditional branch consuming
/// their result (`br_if`, `if`): each comparison, in its slot and immediate forms, with the
/// branches taken when it holds and those taken when it does not. The zero tests compare one
/// slot with zero. The bit tests are an `i32.and` whose result a branch tests for zero
/// (`if (flags & mask)`, and through `i32.eqz`, `if (!(flags & mask))`). The masked
/// comparisons are fused pairs (`(x & mask) == k`, `for_each_pair!`) that fuse in turn.
///
/// The translator's fusion (`translator/fuse.rs`) is generated from these rows, and a
/// `compare!` handler row compiles only for a comparison listed here, so a new comparison
/// with fused branches cannot miss its fusion.
macro_rules! for_each_compare {
    ($callback:ident) => {
        $callback! {
            binary {
                I32Eq, I32EqImm => BrI32Eq, BrI32EqImm; not BrI32Ne, BrI32NeImm;
                I32Ne, I32NeImm => BrI32Ne, BrI32NeImm; not BrI32Eq, BrI32EqImm;
                I32LtS, I32LtSImm => BrI32LtS, BrI32LtSImm; not BrI32GeS, BrI32GeSImm;
                I32LtU, I32LtUImm => BrI32LtU, BrI32LtUImm; not BrI32GeU, BrI32GeUImm;
                I32GtS, I32GtSImm => BrI32GtS, BrI32GtSImm; not BrI32LeS, BrI32LeSImm;
                I32GtU, I32GtUImm => BrI32GtU, BrI32GtUImm; not BrI32LeU, BrI32LeUImm;
                I32LeS, I32LeSImm => BrI32LeS, BrI32LeSImm; not BrI32GtS, BrI32GtSImm;
                I32LeU, I32LeUImm => BrI32LeU, BrI32LeUImm; not BrI32GtU, BrI32GtUImm;
                I32GeS, I32GeSImm => BrI32GeS, BrI32GeSImm; not BrI32LtS, BrI32LtSImm;
                I32GeU, I32GeUImm => BrI32GeU, BrI32GeUImm; not BrI32LtU, BrI32LtUImm;
                I64Eq, I64EqImm => BrI64Eq, BrI64EqImm; not BrI64Ne, BrI64NeImm;
                I64Ne, I64NeImm => BrI64Ne, BrI64NeImm; not BrI64Eq, BrI64EqImm;
                I64LtS, I64LtSImm => BrI64LtS, BrI64LtSImm; not BrI64GeS, BrI64GeSImm;
                I64LtU, I64LtUImm => BrI64LtU, BrI64LtUImm; not BrI64GeU, BrI64GeUImm;
                I64GtS, I64GtSImm => BrI64GtS, BrI64GtSImm; not BrI64LeS, BrI64LeSImm;
                I64GtU, I64GtUImm => BrI64GtU, BrI64GtUImm; not BrI64LeU, BrI64LeUImm;
                I64LeS, I64LeSImm => BrI64LeS, BrI64LeSImm; not BrI64GtS, BrI64GtSImm;
                I64LeU, I64LeUImm => BrI64LeU, BrI64LeUImm; not BrI64GtU, BrI64GtUImm;
                I64GeS, I64GeSImm => BrI64GeS, BrI64GeSImm; not BrI64LtS, BrI64LtSImm;
                I64GeU, I64GeUImm => BrI64GeU, BrI64GeUImm; not BrI64LtU, BrI64LtUImm;
            }
            zero {
                I32Eqz => BrIfEqz; not BrIfNez;
                I64Eqz => BrI64IfEqz; not BrI64IfNez;
            }
            test {
                I32And, I32AndImm => BrI32AndNez, BrI32AndImmNez; not BrI32AndEqz, BrI32AndImmEqz;
            }
            masked {
                I32AndImmEqImm => BrI32AndImmEqImm; not BrI32AndImmNeImm;
                I32AndImmNeImm => BrI32AndImmNeImm; not BrI32AndImmEqImm;
            }
        }
    };
}

pub(crate) use for_each_compare;

/// Calls `$callback!` with the table of fused dependent pairs (`translator/pair.rs`): each
/// row `Fused = First, Second;` makes the instruction `Fused` of `First` followed by
/// `Second` reading `First`'s result, a temporary read by nothing else. The shapes:
/// `rr_r` `(a op1 b) op2 c`, `r_rr` `c op2 (a op1 b)`, `ri_r` `(a op1 imm) op2 c`, `rr_i`
/// `(a op1 b) op2 imm`, `ri_i` `(a op1 imm) op2 imm2`.
///
/// The pairs are those that compiled C and Rust code executes most often (counted in the IR
/// of the benchmark kernels and of compiled programs): sums of products and of bitwise
/// results, hash mixing steps, masked comparisons (`(x & mask) == k`, which fuse with a
/// branch in turn), bit-field extraction, and the f64 multiply-accumulate. Only operators
/// that never trap.
/// The fusion and the handlers (`executor/handlers/pair.rs`) are generated from it.
macro_rules! for_each_pair {
    ($callback:ident) => {
        $callback! {
            rr_r {
                I32AddAdd = I32Add, I32Add;
                I32MulAdd = I32Mul, I32Add;
                I32AndAdd = I32And, I32Add;
                I32XorAdd = I32Xor, I32Add;
                I64MulAdd = I64Mul, I64Add;
                I64AddXor = I64Add, I64Xor;
                F64MulAdd = F64Mul, F64Add;
                F64MulSub = F64Mul, F64Sub;
                F64AddAdd = F64Add, F64Add;
                F32MulAdd = F32Mul, F32Add;
                F32MulSub = F32Mul, F32Sub;
                F32AddAdd = F32Add, F32Add;
            }
            r_rr {
                F64MulAddRev = F64Mul, F64Add;
                F64MulSubRev = F64Mul, F64Sub;
                F32MulAddRev = F32Mul, F32Add;
                F32MulSubRev = F32Mul, F32Sub;
            }
            ri_r {
                I32ShlImmXor = I32ShlImm, I32Xor;
                I32ShrUImmXor = I32ShrUImm, I32Xor;
                I32ShrUImmAdd = I32ShrUImm, I32Add;
                I32AndImmAdd = I32AndImm, I32Add;
                I64ShlImmAdd = I64ShlImm, I64Add;
            }
            rr_i {
                I32AddAddImm = I32Add, I32AddImm;
                I32MulAddImm = I32Mul, I32AddImm;
            }
            ri_i {
                I32ShrUImmAndImm = I32ShrUImm, I32AndImm;
                I32AddImmAndImm = I32AddImm, I32AndImm;
                I32AndImmAddImm = I32AndImm, I32AddImm;
                I32MulImmAddImm = I32MulImm, I32AddImm;
                I32AndImmEqImm = I32AndImm, I32EqImm;
                I32AndImmNeImm = I32AndImm, I32NeImm;
            }
        }
    };
}
pub(crate) use for_each_pair;

/// Calls `$callback!` with the table of branches that pay for a loop's first block (gas
/// metering), `translator/pay.rs`: each branch with its paying form, which a branch to a loop
/// whose first instruction is a `ConsumeGas` takes, and, for a conditional branch, its
/// pay-first form, which the back edge repeating a loop's exit test takes. The counter steps
/// (by a constant or by a slot) and the loads fused with a branch (`translator/step.rs`,
/// `translator/load_branch.rs`) have both too.
///
/// The paying forms of `Br` and of the `conditional` rows carry the cost they pay (a `Cost`
/// operand, the `ConsumeGas`'s cost when it fits in 16 bits), and so do the paying and
/// pay-first forms of the `stepped` rows (a `Cost8`, when it fits in 8 bits: their step
/// shrinks to 8 bits to make room); their wide forms (a step of 16 bits) read it from the
/// `ConsumeGas`, as the `masked`, `slot_stepped` and `loading` forms, whose operands fill the
/// instruction, do (a `slot_stepped` form keeps the step's data word after it).
/// The `stepped` rows list their operands without the step, which the conversions narrow and
/// widen: `Step { .. } => Pay, PayWide, PayFirst, PayFirstWide;`.
macro_rules! for_each_paying_branch {
    ($callback:ident) => {
        $callback! {
            Br { offset } => BrPay;
            conditional {
                BrIfEqz { cond, offset } => BrIfEqzPay, BrIfEqzPayFirst;
                BrIfNez { cond, offset } => BrIfNezPay, BrIfNezPayFirst;
                BrI64IfEqz { cond, offset } => BrI64IfEqzPay, BrI64IfEqzPayFirst;
                BrI64IfNez { cond, offset } => BrI64IfNezPay, BrI64IfNezPayFirst;
                BrI32Eq { lhs, rhs, offset } => BrI32EqPay, BrI32EqPayFirst;
                BrI32EqImm { lhs, imm, offset } => BrI32EqImmPay, BrI32EqImmPayFirst;
                BrI32Ne { lhs, rhs, offset } => BrI32NePay, BrI32NePayFirst;
                BrI32NeImm { lhs, imm, offset } => BrI32NeImmPay, BrI32NeImmPayFirst;
                BrI32LtS { lhs, rhs, offset } => BrI32LtSPay, BrI32LtSPayFirst;
                BrI32LtSImm { lhs, imm, offset } => BrI32LtSImmPay, BrI32LtSImmPayFirst;
                BrI32LtU { lhs, rhs, offset } => BrI32LtUPay, BrI32LtUPayFirst;
                BrI32LtUImm { lhs, imm, offset } => BrI32LtUImmPay, BrI32LtUImmPayFirst;
                BrI32GtS { lhs, rhs, offset } => BrI32GtSPay, BrI32GtSPayFirst;
                BrI32GtSImm { lhs, imm, offset } => BrI32GtSImmPay, BrI32GtSImmPayFirst;
                BrI32GtU { lhs, rhs, offset } => BrI32GtUPay, BrI32GtUPayFirst;
                BrI32GtUImm { lhs, imm, offset } => BrI32GtUImmPay, BrI32GtUImmPayFirst;
                BrI32LeS { lhs, rhs, offset } => BrI32LeSPay, BrI32LeSPayFirst;
                BrI32LeSImm { lhs, imm, offset } => BrI32LeSImmPay, BrI32LeSImmPayFirst;
                BrI32LeU { lhs, rhs, offset } => BrI32LeUPay, BrI32LeUPayFirst;
                BrI32LeUImm { lhs, imm, offset } => BrI32LeUImmPay, BrI32LeUImmPayFirst;
                BrI32GeS { lhs, rhs, offset } => BrI32GeSPay, BrI32GeSPayFirst;
                BrI32GeSImm { lhs, imm, offset } => BrI32GeSImmPay, BrI32GeSImmPayFirst;
                BrI32GeU { lhs, rhs, offset } => BrI32GeUPay, BrI32GeUPayFirst;
                BrI32GeUImm { lhs, imm, offset } => BrI32GeUImmPay, BrI32GeUImmPayFirst;
                BrI64Eq { lhs, rhs, offset } => BrI64EqPay, BrI64EqPayFirst;
                BrI64EqImm { lhs, imm, offset } => BrI64EqImmPay, BrI64EqImmPayFirst;
                BrI64Ne { lhs, rhs, offset } => BrI64NePay, BrI64NePayFirst;
                BrI64NeImm { lhs, imm, offset } => BrI64NeImmPay, BrI64NeImmPayFirst;
                BrI64LtS { lhs, rhs, offset } => BrI64LtSPay, BrI64LtSPayFirst;
                BrI64LtSImm { lhs, imm, offset } => BrI64LtSImmPay, BrI64LtSImmPayFirst;
                BrI64LtU { lhs, rhs, offset } => BrI64LtUPay, BrI64LtUPayFirst;
                BrI64LtUImm { lhs, imm, offset } => BrI64LtUImmPay, BrI64LtUImmPayFirst;
                BrI64GtS { lhs, rhs, offset } => BrI64GtSPay, BrI64GtSPayFirst;
                BrI64GtSImm { lhs, imm, offset } => BrI64GtSImmPay, BrI64GtSImmPayFirst;
                BrI64GtU { lhs, rhs, offset } => BrI64GtUPay, BrI64GtUPayFirst;
                BrI64GtUImm { lhs, imm, offset } => BrI64GtUImmPay, BrI64GtUImmPayFirst;
                BrI64LeS { lhs, rhs, offset } => BrI64LeSPay, BrI64LeSPayFirst;
                BrI64LeSImm { lhs, imm, offset } => BrI64LeSImmPay, BrI64LeSImmPayFirst;
                BrI64LeU { lhs, rhs, offset } => BrI64LeUPay, BrI64LeUPayFirst;
                BrI64LeUImm { lhs, imm, offset } => BrI64LeUImmPay, BrI64LeUImmPayFirst;
                BrI64GeS { lhs, rhs, offset } => BrI64GeSPay, BrI64GeSPayFirst;
                BrI64GeSImm { lhs, imm, offset } => BrI64GeSImmPay, BrI64GeSImmPayFirst;
                BrI64GeU { lhs, rhs, offset } => BrI64GeUPay, BrI64GeUPayFirst;
                BrI64GeUImm { lhs, imm, offset } => BrI64GeUImmPay, BrI64GeUImmPayFirst;
                BrI32AndNez { lhs, rhs, offset } => BrI32AndNezPay, BrI32AndNezPayFirst;
                BrI32AndImmNez { lhs, imm, offset } => BrI32AndImmNezPay, BrI32AndImmNezPayFirst;
                BrI32AndEqz { lhs, rhs, offset } => BrI32AndEqzPay, BrI32AndEqzPayFirst;
                BrI32AndImmEqz { lhs, imm, offset } => BrI32AndImmEqzPay, BrI32AndImmEqzPayFirst;
            }
            masked {
                BrI32AndImmEqImm { lhs, imm, imm2, offset } =>
                    BrI32AndImmEqImmPay, BrI32AndImmEqImmPayFirst;
                BrI32AndImmNeImm { lhs, imm, imm2, offset } =>
                    BrI32AndImmNeImmPay, BrI32AndImmNeImmPayFirst;
            }
            stepped {
                StepBrI64Eq { reg, rhs, offset } =>
                    StepBrI64EqPay, StepBrI64EqPayWide,
                    StepBrI64EqPayFirst, StepBrI64EqPayFirstWide;
                StepBrI64Ne { reg, rhs, offset } =>
                    StepBrI64NePay, StepBrI64NePayWide,
                    StepBrI64NePayFirst, StepBrI64NePayFirstWide;
                StepBrI64LtS { reg, rhs, offset } =>
                    StepBrI64LtSPay, StepBrI64LtSPayWide,
                    StepBrI64LtSPayFirst, StepBrI64LtSPayFirstWide;
                StepBrI64LtU { reg, rhs, offset } =>
                    StepBrI64LtUPay, StepBrI64LtUPayWide,
                    StepBrI64LtUPayFirst, StepBrI64LtUPayFirstWide;
                StepBrI64GtS { reg, rhs, offset } =>
                    StepBrI64GtSPay, StepBrI64GtSPayWide,
                    StepBrI64GtSPayFirst, StepBrI64GtSPayFirstWide;
                StepBrI64GtU { reg, rhs, offset } =>
                    StepBrI64GtUPay, StepBrI64GtUPayWide,
                    StepBrI64GtUPayFirst, StepBrI64GtUPayFirstWide;
                StepBrI64LeS { reg, rhs, offset } =>
                    StepBrI64LeSPay, StepBrI64LeSPayWide,
                    StepBrI64LeSPayFirst, StepBrI64LeSPayFirstWide;
                StepBrI64LeU { reg, rhs, offset } =>
                    StepBrI64LeUPay, StepBrI64LeUPayWide,
                    StepBrI64LeUPayFirst, StepBrI64LeUPayFirstWide;
                StepBrI64GeS { reg, rhs, offset } =>
                    StepBrI64GeSPay, StepBrI64GeSPayWide,
                    StepBrI64GeSPayFirst, StepBrI64GeSPayFirstWide;
                StepBrI64GeU { reg, rhs, offset } =>
                    StepBrI64GeUPay, StepBrI64GeUPayWide,
                    StepBrI64GeUPayFirst, StepBrI64GeUPayFirstWide;
                StepBrI64EqImm { reg, imm, offset } =>
                    StepBrI64EqImmPay, StepBrI64EqImmPayWide,
                    StepBrI64EqImmPayFirst, StepBrI64EqImmPayFirstWide;
                StepBrI64NeImm { reg, imm, offset } =>
                    StepBrI64NeImmPay, StepBrI64NeImmPayWide,
                    StepBrI64NeImmPayFirst, StepBrI64NeImmPayFirstWide;
                StepBrI64LtSImm { reg, imm, offset } =>
                    StepBrI64LtSImmPay, StepBrI64LtSImmPayWide,
                    StepBrI64LtSImmPayFirst, StepBrI64LtSImmPayFirstWide;
                StepBrI64LtUImm { reg, imm, offset } =>
                    StepBrI64LtUImmPay, StepBrI64LtUImmPayWide,
                    StepBrI64LtUImmPayFirst, StepBrI64LtUImmPayFirstWide;
                StepBrI64GtSImm { reg, imm, offset } =>
                    StepBrI64GtSImmPay, StepBrI64GtSImmPayWide,
                    StepBrI64GtSImmPayFirst, StepBrI64GtSImmPayFirstWide;
                StepBrI64GtUImm { reg, imm, offset } =>
                    StepBrI64GtUImmPay, StepBrI64GtUImmPayWide,
                    StepBrI64GtUImmPayFirst, StepBrI64GtUImmPayFirstWide;
                StepBrI64LeSImm { reg, imm, offset } =>
                    StepBrI64LeSImmPay, StepBrI64LeSImmPayWide,
                    StepBrI64LeSImmPayFirst, StepBrI64LeSImmPayFirstWide;
                StepBrI64LeUImm { reg, imm, offset } =>
                    StepBrI64LeUImmPay, StepBrI64LeUImmPayWide,
                    StepBrI64LeUImmPayFirst, StepBrI64LeUImmPayFirstWide;
                StepBrI64GeSImm { reg, imm, offset } =>
                    StepBrI64GeSImmPay, StepBrI64GeSImmPayWide,
                    StepBrI64GeSImmPayFirst, StepBrI64GeSImmPayFirstWide;
                StepBrI64GeUImm { reg, imm, offset } =>
                    StepBrI64GeUImmPay, StepBrI64GeUImmPayWide,
                    StepBrI64GeUImmPayFirst, StepBrI64GeUImmPayFirstWide;
                StepBrI32Eq { reg, rhs, offset } =>
                    StepBrI32EqPay, StepBrI32EqPayWide,
                    StepBrI32EqPayFirst, StepBrI32EqPayFirstWide;
                StepBrI32Ne { reg, rhs, offset } =>
                    StepBrI32NePay, StepBrI32NePayWide,
                    StepBrI32NePayFirst, StepBrI32NePayFirstWide;
                StepBrI32LtS { reg, rhs, offset } =>
                    StepBrI32LtSPay, StepBrI32LtSPayWide,
                    StepBrI32LtSPayFirst, StepBrI32LtSPayFirstWide;
                StepBrI32LtU { reg, rhs, offset } =>
                    StepBrI32LtUPay, StepBrI32LtUPayWide,
                    StepBrI32LtUPayFirst, StepBrI32LtUPayFirstWide;
                StepBrI32GtS { reg, rhs, offset } =>
                    StepBrI32GtSPay, StepBrI32GtSPayWide,
                    StepBrI32GtSPayFirst, StepBrI32GtSPayFirstWide;
                StepBrI32GtU { reg, rhs, offset } =>
                    StepBrI32GtUPay, StepBrI32GtUPayWide,
                    StepBrI32GtUPayFirst, StepBrI32GtUPayFirstWide;
                StepBrI32LeS { reg, rhs, offset } =>
                    StepBrI32LeSPay, StepBrI32LeSPayWide,
                    StepBrI32LeSPayFirst, StepBrI32LeSPayFirstWide;
                StepBrI32LeU { reg, rhs, offset } =>
                    StepBrI32LeUPay, StepBrI32LeUPayWide,
                    StepBrI32LeUPayFirst, StepBrI32LeUPayFirstWide;
                StepBrI32GeS { reg, rhs, offset } =>
                    StepBrI32GeSPay, StepBrI32GeSPayWide,
                    StepBrI32GeSPayFirst, StepBrI32GeSPayFirstWide;
                StepBrI32GeU { reg, rhs, offset } =>
                    StepBrI32GeUPay, StepBrI32GeUPayWide,
                    StepBrI32GeUPayFirst, StepBrI32GeUPayFirstWide;
                StepBrI32EqImm { reg, imm, offset } =>
                    StepBrI32EqImmPay, StepBrI32EqImmPayWide,
                    StepBrI32EqImmPayFirst, StepBrI32EqImmPayFirstWide;
                StepBrI32NeImm { reg, imm, offset } =>
                    StepBrI32NeImmPay, StepBrI32NeImmPayWide,
                    StepBrI32NeImmPayFirst, StepBrI32NeImmPayFirstWide;
                StepBrI32LtSImm { reg, imm, offset } =>
                    StepBrI32LtSImmPay, StepBrI32LtSImmPayWide,
                    StepBrI32LtSImmPayFirst, StepBrI32LtSImmPayFirstWide;
                StepBrI32LtUImm { reg, imm, offset } =>
                    StepBrI32LtUImmPay, StepBrI32LtUImmPayWide,
                    StepBrI32LtUImmPayFirst, StepBrI32LtUImmPayFirstWide;
                StepBrI32GtSImm { reg, imm, offset } =>
                    StepBrI32GtSImmPay, StepBrI32GtSImmPayWide,
                    StepBrI32GtSImmPayFirst, StepBrI32GtSImmPayFirstWide;
                StepBrI32GtUImm { reg, imm, offset } =>
                    StepBrI32GtUImmPay, StepBrI32GtUImmPayWide,
                    StepBrI32GtUImmPayFirst, StepBrI32GtUImmPayFirstWide;
                StepBrI32LeSImm { reg, imm, offset } =>
                    StepBrI32LeSImmPay, StepBrI32LeSImmPayWide,
                    StepBrI32LeSImmPayFirst, StepBrI32LeSImmPayFirstWide;
                StepBrI32LeUImm { reg, imm, offset } =>
                    StepBrI32LeUImmPay, StepBrI32LeUImmPayWide,
                    StepBrI32LeUImmPayFirst, StepBrI32LeUImmPayFirstWide;
                StepBrI32GeSImm { reg, imm, offset } =>
                    StepBrI32GeSImmPay, StepBrI32GeSImmPayWide,
                    StepBrI32GeSImmPayFirst, StepBrI32GeSImmPayFirstWide;
                StepBrI32GeUImm { reg, imm, offset } =>
                    StepBrI32GeUImmPay, StepBrI32GeUImmPayWide,
                    StepBrI32GeUImmPayFirst, StepBrI32GeUImmPayFirstWide;
            }
            slot_stepped {
                StepRegBrI32Eq { reg, rhs, offset } =>
                    StepRegBrI32EqPay, StepRegBrI32EqPayFirst;
                StepRegBrI32Ne { reg, rhs, offset } =>
                    StepRegBrI32NePay, StepRegBrI32NePayFirst;
                StepRegBrI32LtS { reg, rhs, offset } =>
                    StepRegBrI32LtSPay, StepRegBrI32LtSPayFirst;
                StepRegBrI32LtU { reg, rhs, offset } =>
                    StepRegBrI32LtUPay, StepRegBrI32LtUPayFirst;
                StepRegBrI32GtS { reg, rhs, offset } =>
                    StepRegBrI32GtSPay, StepRegBrI32GtSPayFirst;
                StepRegBrI32GtU { reg, rhs, offset } =>
                    StepRegBrI32GtUPay, StepRegBrI32GtUPayFirst;
                StepRegBrI32LeS { reg, rhs, offset } =>
                    StepRegBrI32LeSPay, StepRegBrI32LeSPayFirst;
                StepRegBrI32LeU { reg, rhs, offset } =>
                    StepRegBrI32LeUPay, StepRegBrI32LeUPayFirst;
                StepRegBrI32GeS { reg, rhs, offset } =>
                    StepRegBrI32GeSPay, StepRegBrI32GeSPayFirst;
                StepRegBrI32GeU { reg, rhs, offset } =>
                    StepRegBrI32GeUPay, StepRegBrI32GeUPayFirst;
                StepRegBrI64Eq { reg, rhs, offset } =>
                    StepRegBrI64EqPay, StepRegBrI64EqPayFirst;
                StepRegBrI64Ne { reg, rhs, offset } =>
                    StepRegBrI64NePay, StepRegBrI64NePayFirst;
                StepRegBrI64LtS { reg, rhs, offset } =>
                    StepRegBrI64LtSPay, StepRegBrI64LtSPayFirst;
                StepRegBrI64LtU { reg, rhs, offset } =>
                    StepRegBrI64LtUPay, StepRegBrI64LtUPayFirst;
                StepRegBrI64GtS { reg, rhs, offset } =>
                    StepRegBrI64GtSPay, StepRegBrI64GtSPayFirst;
                StepRegBrI64GtU { reg, rhs, offset } =>
                    StepRegBrI64GtUPay, StepRegBrI64GtUPayFirst;
                StepRegBrI64LeS { reg, rhs, offset } =>
                    StepRegBrI64LeSPay, StepRegBrI64LeSPayFirst;
                StepRegBrI64LeU { reg, rhs, offset } =>
                    StepRegBrI64LeUPay, StepRegBrI64LeUPayFirst;
                StepRegBrI64GeS { reg, rhs, offset } =>
                    StepRegBrI64GeSPay, StepRegBrI64GeSPayFirst;
                StepRegBrI64GeU { reg, rhs, offset } =>
                    StepRegBrI64GeUPay, StepRegBrI64GeUPayFirst;
            }
            loading {
                Load32UBrNez { dst, ptr, mem_offset, offset } =>
                    Load32UBrNezPay, Load32UBrNezPayFirst;
                Load32UBrEqz { dst, ptr, mem_offset, offset } =>
                    Load32UBrEqzPay, Load32UBrEqzPayFirst;
                Load8UBrNez { dst, ptr, mem_offset, offset } => Load8UBrNezPay, Load8UBrNezPayFirst;
                Load8UBrEqz { dst, ptr, mem_offset, offset } => Load8UBrEqzPay, Load8UBrEqzPayFirst;
            }
        }
    };
}

pub(crate) use for_each_paying_branch;

/// Calls `$callback!` with the table of the conditional branches that pay for the block they
/// fall into as well as the one they land on (`translator/pay.rs`, gas metering only):
/// `Pay { fields } => PayBoth;` makes `PayBoth`, of the same fields, the form of the paying
/// branch `Pay` that also pays for the `ConsumeGas` right after it when not taken.
macro_rules! for_each_paying_both {
    ($callback:ident) => {
        $callback! {
            BrIfEqzPay { cond, offset, cost } => BrIfEqzPayBoth;
            BrIfNezPay { cond, offset, cost } => BrIfNezPayBoth;
            BrI64IfEqzPay { cond, offset, cost } => BrI64IfEqzPayBoth;
            BrI64IfNezPay { cond, offset, cost } => BrI64IfNezPayBoth;
            BrI32EqPay { lhs, rhs, offset, cost } => BrI32EqPayBoth;
            BrI32EqImmPay { lhs, imm, offset, cost } => BrI32EqImmPayBoth;
            BrI32NePay { lhs, rhs, offset, cost } => BrI32NePayBoth;
            BrI32NeImmPay { lhs, imm, offset, cost } => BrI32NeImmPayBoth;
            BrI32LtSPay { lhs, rhs, offset, cost } => BrI32LtSPayBoth;
            BrI32LtSImmPay { lhs, imm, offset, cost } => BrI32LtSImmPayBoth;
            BrI32LtUPay { lhs, rhs, offset, cost } => BrI32LtUPayBoth;
            BrI32LtUImmPay { lhs, imm, offset, cost } => BrI32LtUImmPayBoth;
            BrI32GtSPay { lhs, rhs, offset, cost } => BrI32GtSPayBoth;
            BrI32GtSImmPay { lhs, imm, offset, cost } => BrI32GtSImmPayBoth;
            BrI32GtUPay { lhs, rhs, offset, cost } => BrI32GtUPayBoth;
            BrI32GtUImmPay { lhs, imm, offset, cost } => BrI32GtUImmPayBoth;
            BrI32LeSPay { lhs, rhs, offset, cost } => BrI32LeSPayBoth;
            BrI32LeSImmPay { lhs, imm, offset, cost } => BrI32LeSImmPayBoth;
            BrI32LeUPay { lhs, rhs, offset, cost } => BrI32LeUPayBoth;
            BrI32LeUImmPay { lhs, imm, offset, cost } => BrI32LeUImmPayBoth;
            BrI32GeSPay { lhs, rhs, offset, cost } => BrI32GeSPayBoth;
            BrI32GeSImmPay { lhs, imm, offset, cost } => BrI32GeSImmPayBoth;
            BrI32GeUPay { lhs, rhs, offset, cost } => BrI32GeUPayBoth;
            BrI32GeUImmPay { lhs, imm, offset, cost } => BrI32GeUImmPayBoth;
            BrI64EqPay { lhs, rhs, offset, cost } => BrI64EqPayBoth;
            BrI64EqImmPay { lhs, imm, offset, cost } => BrI64EqImmPayBoth;
            BrI64NePay { lhs, rhs, offset, cost } => BrI64NePayBoth;
            BrI64NeImmPay { lhs, imm, offset, cost } => BrI64NeImmPayBoth;
            BrI64LtSPay { lhs, rhs, offset, cost } => BrI64LtSPayBoth;
            BrI64LtSImmPay { lhs, imm, offset, cost } => BrI64LtSImmPayBoth;
            BrI64LtUPay { lhs, rhs, offset, cost } => BrI64LtUPayBoth;
            BrI64LtUImmPay { lhs, imm, offset, cost } => BrI64LtUImmPayBoth;
            BrI64GtSPay { lhs, rhs, offset, cost } => BrI64GtSPayBoth;
            BrI64GtSImmPay { lhs, imm, offset, cost } => BrI64GtSImmPayBoth;
            BrI64GtUPay { lhs, rhs, offset, cost } => BrI64GtUPayBoth;
            BrI64GtUImmPay { lhs, imm, offset, cost } => BrI64GtUImmPayBoth;
            BrI64LeSPay { lhs, rhs, offset, cost } => BrI64LeSPayBoth;
            BrI64LeSImmPay { lhs, imm, offset, cost } => BrI64LeSImmPayBoth;
            BrI64LeUPay { lhs, rhs, offset, cost } => BrI64LeUPayBoth;
            BrI64LeUImmPay { lhs, imm, offset, cost } => BrI64LeUImmPayBoth;
            BrI64GeSPay { lhs, rhs, offset, cost } => BrI64GeSPayBoth;
            BrI64GeSImmPay { lhs, imm, offset, cost } => BrI64GeSImmPayBoth;
            BrI64GeUPay { lhs, rhs, offset, cost } => BrI64GeUPayBoth;
            BrI64GeUImmPay { lhs, imm, offset, cost } => BrI64GeUImmPayBoth;
            BrI32AndNezPay { lhs, rhs, offset, cost } => BrI32AndNezPayBoth;
            BrI32AndImmNezPay { lhs, imm, offset, cost } => BrI32AndImmNezPayBoth;
            BrI32AndEqzPay { lhs, rhs, offset, cost } => BrI32AndEqzPayBoth;
            BrI32AndImmEqzPay { lhs, imm, offset, cost } => BrI32AndImmEqzPayBoth;
            BrI32AndImmEqImmPay { lhs, imm, imm2, offset } => BrI32AndImmEqImmPayBoth;
            BrI32AndImmNeImmPay { lhs, imm, imm2, offset } => BrI32AndImmNeImmPayBoth;
            Load32UBrNezPay { dst, ptr, mem_offset, offset } => Load32UBrNezPayBoth;
            Load32UBrEqzPay { dst, ptr, mem_offset, offset } => Load32UBrEqzPayBoth;
            Load8UBrNezPay { dst, ptr, mem_offset, offset } => Load8UBrNezPayBoth;
            Load8UBrEqzPay { dst, ptr, mem_offset, offset } => Load8UBrEqzPayBoth;
        }
    };
}

pub(crate) use for_each_paying_both;

/// Calls `$callback!` with the table of the instructions that read the result register
/// (`translator/result_register.rs`): `Plain { fields } reads field => Reader;` makes
/// `Reader`, of the same fields, the form of `Plain` that reads `field` from the register in
/// which the instruction before it hands on its result, when that instruction wrote the slot
/// `field` names; `reads a or b` also takes it when `b` names that slot, `a` and `b`
/// swapped (the operation is symmetric in them). A row may list several readers, each
/// reading another field, separated by commas: the first that applies is taken. `int` readers read the integer register,
/// `float` ones the f64 register. The conversion, the verifier's rule and the handlers'
/// reload of the register when a chain starts at a reader are generated from it.
macro_rules! for_each_reader {
    ($callback:ident) => {
        $callback! {
            int {
                I32Add { dst, lhs, rhs } reads lhs or rhs => I32AddAcc;
                I32Sub { dst, lhs, rhs } reads lhs => I32SubAcc;
                I32Mul { dst, lhs, rhs } reads lhs or rhs => I32MulAcc;
                I32And { dst, lhs, rhs } reads lhs or rhs => I32AndAcc;
                I32Or { dst, lhs, rhs } reads lhs or rhs => I32OrAcc;
                I32Xor { dst, lhs, rhs } reads lhs or rhs => I32XorAcc;
                I32Shl { dst, lhs, rhs } reads lhs => I32ShlAcc;
                I32ShrS { dst, lhs, rhs } reads lhs => I32ShrSAcc;
                I32ShrU { dst, lhs, rhs } reads lhs => I32ShrUAcc;
                I32Rotl { dst, lhs, rhs } reads lhs => I32RotlAcc;
                I32Rotr { dst, lhs, rhs } reads lhs => I32RotrAcc;
                I32AddImm { dst, lhs, imm } reads lhs => I32AddImmAcc;
                BrTable { index, len } reads index => BrTableAcc;
                BrTablePay { index, len } reads index => BrTablePayAcc;
                CallIndirect { ty, args, index } reads index => CallIndirectAcc;
                I32SubImm { dst, lhs, imm } reads lhs => I32SubImmAcc;
                I32MulImm { dst, lhs, imm } reads lhs => I32MulImmAcc;
                I32AndImm { dst, lhs, imm } reads lhs => I32AndImmAcc;
                I32OrImm { dst, lhs, imm } reads lhs => I32OrImmAcc;
                I32XorImm { dst, lhs, imm } reads lhs => I32XorImmAcc;
                I32ShlImm { dst, lhs, imm } reads lhs => I32ShlImmAcc;
                I32ShrSImm { dst, lhs, imm } reads lhs => I32ShrSImmAcc;
                I32ShrUImm { dst, lhs, imm } reads lhs => I32ShrUImmAcc;
                I32RotlImm { dst, lhs, imm } reads lhs => I32RotlImmAcc;
                I32RotrImm { dst, lhs, imm } reads lhs => I32RotrImmAcc;
                BrI32Eq { lhs, rhs, offset } reads lhs or rhs => BrI32EqAcc;
                BrI32Ne { lhs, rhs, offset } reads lhs or rhs => BrI32NeAcc;
                BrI32LtS { lhs, rhs, offset } reads lhs => BrI32LtSAcc;
                BrI32LtU { lhs, rhs, offset } reads lhs => BrI32LtUAcc;
                BrI32GtS { lhs, rhs, offset } reads lhs => BrI32GtSAcc;
                BrI32GtU { lhs, rhs, offset } reads lhs => BrI32GtUAcc;
                BrI32LeS { lhs, rhs, offset } reads lhs => BrI32LeSAcc;
                BrI32LeU { lhs, rhs, offset } reads lhs => BrI32LeUAcc;
                BrI32GeS { lhs, rhs, offset } reads lhs => BrI32GeSAcc;
                BrI32GeU { lhs, rhs, offset } reads lhs => BrI32GeUAcc;
                BrI32EqImm { lhs, imm, offset } reads lhs => BrI32EqImmAcc;
                BrI32NeImm { lhs, imm, offset } reads lhs => BrI32NeImmAcc;
                BrI32LtSImm { lhs, imm, offset } reads lhs => BrI32LtSImmAcc;
                BrI32LtUImm { lhs, imm, offset } reads lhs => BrI32LtUImmAcc;
                BrI32GtSImm { lhs, imm, offset } reads lhs => BrI32GtSImmAcc;
                BrI32GtUImm { lhs, imm, offset } reads lhs => BrI32GtUImmAcc;
                BrI32LeSImm { lhs, imm, offset } reads lhs => BrI32LeSImmAcc;
                BrI32LeUImm { lhs, imm, offset } reads lhs => BrI32LeUImmAcc;
                BrI32GeSImm { lhs, imm, offset } reads lhs => BrI32GeSImmAcc;
                BrI32GeUImm { lhs, imm, offset } reads lhs => BrI32GeUImmAcc;
                I64Add { dst, lhs, rhs } reads lhs or rhs => I64AddAcc;
                I64Sub { dst, lhs, rhs } reads lhs => I64SubAcc;
                I64Mul { dst, lhs, rhs } reads lhs or rhs => I64MulAcc;
                I64And { dst, lhs, rhs } reads lhs or rhs => I64AndAcc;
                I64Or { dst, lhs, rhs } reads lhs or rhs => I64OrAcc;
                I64Xor { dst, lhs, rhs } reads lhs or rhs => I64XorAcc;
                I64Shl { dst, lhs, rhs } reads lhs => I64ShlAcc;
                I64ShrS { dst, lhs, rhs } reads lhs => I64ShrSAcc;
                I64ShrU { dst, lhs, rhs } reads lhs => I64ShrUAcc;
                I64Rotl { dst, lhs, rhs } reads lhs => I64RotlAcc;
                I64Rotr { dst, lhs, rhs } reads lhs => I64RotrAcc;
                I64AddImm { dst, lhs, imm } reads lhs => I64AddImmAcc;
                I64SubImm { dst, lhs, imm } reads lhs => I64SubImmAcc;
                I64MulImm { dst, lhs, imm } reads lhs => I64MulImmAcc;
                I64AndImm { dst, lhs, imm } reads lhs => I64AndImmAcc;
                I64OrImm { dst, lhs, imm } reads lhs => I64OrImmAcc;
                I64XorImm { dst, lhs, imm } reads lhs => I64XorImmAcc;
                I64ShlImm { dst, lhs, imm } reads lhs => I64ShlImmAcc;
                I64ShrSImm { dst, lhs, imm } reads lhs => I64ShrSImmAcc;
                I64ShrUImm { dst, lhs, imm } reads lhs => I64ShrUImmAcc;
                I64RotlImm { dst, lhs, imm } reads lhs => I64RotlImmAcc;
                I64RotrImm { dst, lhs, imm } reads lhs => I64RotrImmAcc;
                BrI64Eq { lhs, rhs, offset } reads lhs or rhs => BrI64EqAcc;
                BrI64Ne { lhs, rhs, offset } reads lhs or rhs => BrI64NeAcc;
                BrI64LtS { lhs, rhs, offset } reads lhs => BrI64LtSAcc;
                BrI64LtU { lhs, rhs, offset } reads lhs => BrI64LtUAcc;
                BrI64GtS { lhs, rhs, offset } reads lhs => BrI64GtSAcc;
                BrI64GtU { lhs, rhs, offset } reads lhs => BrI64GtUAcc;
                BrI64LeS { lhs, rhs, offset } reads lhs => BrI64LeSAcc;
                BrI64LeU { lhs, rhs, offset } reads lhs => BrI64LeUAcc;
                BrI64GeS { lhs, rhs, offset } reads lhs => BrI64GeSAcc;
                BrI64GeU { lhs, rhs, offset } reads lhs => BrI64GeUAcc;
                BrI64EqImm { lhs, imm, offset } reads lhs => BrI64EqImmAcc;
                BrI64NeImm { lhs, imm, offset } reads lhs => BrI64NeImmAcc;
                BrI64LtSImm { lhs, imm, offset } reads lhs => BrI64LtSImmAcc;
                BrI64LtUImm { lhs, imm, offset } reads lhs => BrI64LtUImmAcc;
                BrI64GtSImm { lhs, imm, offset } reads lhs => BrI64GtSImmAcc;
                BrI64GtUImm { lhs, imm, offset } reads lhs => BrI64GtUImmAcc;
                BrI64LeSImm { lhs, imm, offset } reads lhs => BrI64LeSImmAcc;
                BrI64LeUImm { lhs, imm, offset } reads lhs => BrI64LeUImmAcc;
                BrI64GeSImm { lhs, imm, offset } reads lhs => BrI64GeSImmAcc;
                BrI64GeUImm { lhs, imm, offset } reads lhs => BrI64GeUImmAcc;
                BrIfEqz { cond, offset } reads cond => BrIfEqzAcc;
                BrIfNez { cond, offset } reads cond => BrIfNezAcc;
                CopyBrIfEqz { cond, offset, dst } reads cond => CopyBrIfEqzAcc;
                CopyBrIfNez { cond, offset, dst } reads cond => CopyBrIfNezAcc;
                BrIfEqzCopy { cond, offset, dst } reads cond => BrIfEqzCopyAcc;
                BrIfNezCopy { cond, offset, dst } reads cond => BrIfNezCopyAcc;
                CopyBrIfEqzCopy { cond, offset, dst } reads cond => CopyBrIfEqzCopyAcc;
                CopyBrIfNezCopy { cond, offset, dst } reads cond => CopyBrIfNezCopyAcc;
                BrI64IfEqz { cond, offset } reads cond => BrI64IfEqzAcc;
                BrI64IfNez { cond, offset } reads cond => BrI64IfNezAcc;
                BrI32AndNez { lhs, rhs, offset } reads lhs or rhs => BrI32AndNezAcc;
                BrI32AndEqz { lhs, rhs, offset } reads lhs or rhs => BrI32AndEqzAcc;
                BrI32AndImmNez { lhs, imm, offset } reads lhs => BrI32AndImmNezAcc;
                BrI32AndImmEqz { lhs, imm, offset } reads lhs => BrI32AndImmEqzAcc;
                BrI32AndImmEqImm { lhs, imm, imm2, offset } reads lhs => BrI32AndImmEqImmAcc;
                BrI32AndImmNeImm { lhs, imm, imm2, offset } reads lhs => BrI32AndImmNeImmAcc;
                BrI32AndImmEq { lhs, rhs, imm, offset } reads lhs => BrI32AndImmEqAcc, reads rhs => BrI32AndImmEqAccRhs;
                BrI32AndImmNe { lhs, rhs, imm, offset } reads lhs => BrI32AndImmNeAcc, reads rhs => BrI32AndImmNeAccRhs;
                BrI32EqPay { lhs, rhs, offset, cost } reads lhs or rhs => BrI32EqPayAcc;
                BrI32EqPayFirst { lhs, rhs, offset, cost } reads lhs or rhs => BrI32EqPayFirstAcc;
                BrI32EqPayBoth { lhs, rhs, offset, cost } reads lhs or rhs => BrI32EqPayBothAcc;
                BrI32NePay { lhs, rhs, offset, cost } reads lhs or rhs => BrI32NePayAcc;
                BrI32NePayFirst { lhs, rhs, offset, cost } reads lhs or rhs => BrI32NePayFirstAcc;
                BrI32NePayBoth { lhs, rhs, offset, cost } reads lhs or rhs => BrI32NePayBothAcc;
                BrI32LtSPay { lhs, rhs, offset, cost } reads lhs => BrI32LtSPayAcc;
                BrI32LtSPayFirst { lhs, rhs, offset, cost } reads lhs => BrI32LtSPayFirstAcc;
                BrI32LtSPayBoth { lhs, rhs, offset, cost } reads lhs => BrI32LtSPayBothAcc;
                BrI32LtUPay { lhs, rhs, offset, cost } reads lhs => BrI32LtUPayAcc;
                BrI32LtUPayFirst { lhs, rhs, offset, cost } reads lhs => BrI32LtUPayFirstAcc;
                BrI32LtUPayBoth { lhs, rhs, offset, cost } reads lhs => BrI32LtUPayBothAcc;
                BrI32GtSPay { lhs, rhs, offset, cost } reads lhs => BrI32GtSPayAcc;
                BrI32GtSPayFirst { lhs, rhs, offset, cost } reads lhs => BrI32GtSPayFirstAcc;
                BrI32GtSPayBoth { lhs, rhs, offset, cost } reads lhs => BrI32GtSPayBothAcc;
                BrI32GtUPay { lhs, rhs, offset, cost } reads lhs => BrI32GtUPayAcc;
                BrI32GtUPayFirst { lhs, rhs, offset, cost } reads lhs => BrI32GtUPayFirstAcc;
                BrI32GtUPayBoth { lhs, rhs, offset, cost } reads lhs => BrI32GtUPayBothAcc;
                BrI32LeSPay { lhs, rhs, offset, cost } reads lhs => BrI32LeSPayAcc;
                BrI32LeSPayFirst { lhs, rhs, offset, cost } reads lhs => BrI32LeSPayFirstAcc;
                BrI32LeSPayBoth { lhs, rhs, offset, cost } reads lhs => BrI32LeSPayBothAcc;
                BrI32LeUPay { lhs, rhs, offset, cost } reads lhs => BrI32LeUPayAcc;
                BrI32LeUPayFirst { lhs, rhs, offset, cost } reads lhs => BrI32LeUPayFirstAcc;
                BrI32LeUPayBoth { lhs, rhs, offset, cost } reads lhs => BrI32LeUPayBothAcc;
                BrI32GeSPay { lhs, rhs, offset, cost } reads lhs => BrI32GeSPayAcc;
                BrI32GeSPayFirst { lhs, rhs, offset, cost } reads lhs => BrI32GeSPayFirstAcc;
                BrI32GeSPayBoth { lhs, rhs, offset, cost } reads lhs => BrI32GeSPayBothAcc;
                BrI32GeUPay { lhs, rhs, offset, cost } reads lhs => BrI32GeUPayAcc;
                BrI32GeUPayFirst { lhs, rhs, offset, cost } reads lhs => BrI32GeUPayFirstAcc;
                BrI32GeUPayBoth { lhs, rhs, offset, cost } reads lhs => BrI32GeUPayBothAcc;
                BrI32EqImmPay { lhs, imm, offset, cost } reads lhs => BrI32EqImmPayAcc;
                BrI32EqImmPayFirst { lhs, imm, offset, cost } reads lhs => BrI32EqImmPayFirstAcc;
                BrI32EqImmPayBoth { lhs, imm, offset, cost } reads lhs => BrI32EqImmPayBothAcc;
                BrI32NeImmPay { lhs, imm, offset, cost } reads lhs => BrI32NeImmPayAcc;
                BrI32NeImmPayFirst { lhs, imm, offset, cost } reads lhs => BrI32NeImmPayFirstAcc;
                BrI32NeImmPayBoth { lhs, imm, offset, cost } reads lhs => BrI32NeImmPayBothAcc;
                BrI32LtSImmPay { lhs, imm, offset, cost } reads lhs => BrI32LtSImmPayAcc;
                BrI32LtSImmPayFirst { lhs, imm, offset, cost } reads lhs => BrI32LtSImmPayFirstAcc;
                BrI32LtSImmPayBoth { lhs, imm, offset, cost } reads lhs => BrI32LtSImmPayBothAcc;
                BrI32LtUImmPay { lhs, imm, offset, cost } reads lhs => BrI32LtUImmPayAcc;
                BrI32LtUImmPayFirst { lhs, imm, offset, cost } reads lhs => BrI32LtUImmPayFirstAcc;
                BrI32LtUImmPayBoth { lhs, imm, offset, cost } reads lhs => BrI32LtUImmPayBothAcc;
                BrI32GtSImmPay { lhs, imm, offset, cost } reads lhs => BrI32GtSImmPayAcc;
                BrI32GtSImmPayFirst { lhs, imm, offset, cost } reads lhs => BrI32GtSImmPayFirstAcc;
                BrI32GtSImmPayBoth { lhs, imm, offset, cost } reads lhs => BrI32GtSImmPayBothAcc;
                BrI32GtUImmPay { lhs, imm, offset, cost } reads lhs => BrI32GtUImmPayAcc;
                BrI32GtUImmPayFirst { lhs, imm, offset, cost } reads lhs => BrI32GtUImmPayFirstAcc;
                BrI32GtUImmPayBoth { lhs, imm, offset, cost } reads lhs => BrI32GtUImmPayBothAcc;
                BrI32LeSImmPay { lhs, imm, offset, cost } reads lhs => BrI32LeSImmPayAcc;
                BrI32LeSImmPayFirst { lhs, imm, offset, cost } reads lhs => BrI32LeSImmPayFirstAcc;
                BrI32LeSImmPayBoth { lhs, imm, offset, cost } reads lhs => BrI32LeSImmPayBothAcc;
                BrI32LeUImmPay { lhs, imm, offset, cost } reads lhs => BrI32LeUImmPayAcc;
                BrI32LeUImmPayFirst { lhs, imm, offset, cost } reads lhs => BrI32LeUImmPayFirstAcc;
                BrI32LeUImmPayBoth { lhs, imm, offset, cost } reads lhs => BrI32LeUImmPayBothAcc;
                BrI32GeSImmPay { lhs, imm, offset, cost } reads lhs => BrI32GeSImmPayAcc;
                BrI32GeSImmPayFirst { lhs, imm, offset, cost } reads lhs => BrI32GeSImmPayFirstAcc;
                BrI32GeSImmPayBoth { lhs, imm, offset, cost } reads lhs => BrI32GeSImmPayBothAcc;
                BrI32GeUImmPay { lhs, imm, offset, cost } reads lhs => BrI32GeUImmPayAcc;
                BrI32GeUImmPayFirst { lhs, imm, offset, cost } reads lhs => BrI32GeUImmPayFirstAcc;
                BrI32GeUImmPayBoth { lhs, imm, offset, cost } reads lhs => BrI32GeUImmPayBothAcc;
                BrI64EqPay { lhs, rhs, offset, cost } reads lhs or rhs => BrI64EqPayAcc;
                BrI64EqPayFirst { lhs, rhs, offset, cost } reads lhs or rhs => BrI64EqPayFirstAcc;
                BrI64EqPayBoth { lhs, rhs, offset, cost } reads lhs or rhs => BrI64EqPayBothAcc;
                BrI64NePay { lhs, rhs, offset, cost } reads lhs or rhs => BrI64NePayAcc;
                BrI64NePayFirst { lhs, rhs, offset, cost } reads lhs or rhs => BrI64NePayFirstAcc;
                BrI64NePayBoth { lhs, rhs, offset, cost } reads lhs or rhs => BrI64NePayBothAcc;
                BrI64LtSPay { lhs, rhs, offset, cost } reads lhs => BrI64LtSPayAcc;
                BrI64LtSPayFirst { lhs, rhs, offset, cost } reads lhs => BrI64LtSPayFirstAcc;
                BrI64LtSPayBoth { lhs, rhs, offset, cost } reads lhs => BrI64LtSPayBothAcc;
                BrI64LtUPay { lhs, rhs, offset, cost } reads lhs => BrI64LtUPayAcc;
                BrI64LtUPayFirst { lhs, rhs, offset, cost } reads lhs => BrI64LtUPayFirstAcc;
                BrI64LtUPayBoth { lhs, rhs, offset, cost } reads lhs => BrI64LtUPayBothAcc;
                BrI64GtSPay { lhs, rhs, offset, cost } reads lhs => BrI64GtSPayAcc;
                BrI64GtSPayFirst { lhs, rhs, offset, cost } reads lhs => BrI64GtSPayFirstAcc;
                BrI64GtSPayBoth { lhs, rhs, offset, cost } reads lhs => BrI64GtSPayBothAcc;
                BrI64GtUPay { lhs, rhs, offset, cost } reads lhs => BrI64GtUPayAcc;
                BrI64GtUPayFirst { lhs, rhs, offset, cost } reads lhs => BrI64GtUPayFirstAcc;
                BrI64GtUPayBoth { lhs, rhs, offset, cost } reads lhs => BrI64GtUPayBothAcc;
                BrI64LeSPay { lhs, rhs, offset, cost } reads lhs => BrI64LeSPayAcc;
                BrI64LeSPayFirst { lhs, rhs, offset, cost } reads lhs => BrI64LeSPayFirstAcc;
                BrI64LeSPayBoth { lhs, rhs, offset, cost } reads lhs => BrI64LeSPayBothAcc;
                BrI64LeUPay { lhs, rhs, offset, cost } reads lhs => BrI64LeUPayAcc;
                BrI64LeUPayFirst { lhs, rhs, offset, cost } reads lhs => BrI64LeUPayFirstAcc;
                BrI64LeUPayBoth { lhs, rhs, offset, cost } reads lhs => BrI64LeUPayBothAcc;
                BrI64GeSPay { lhs, rhs, offset, cost } reads lhs => BrI64GeSPayAcc;
                BrI64GeSPayFirst { lhs, rhs, offset, cost } reads lhs => BrI64GeSPayFirstAcc;
                BrI64GeSPayBoth { lhs, rhs, offset, cost } reads lhs => BrI64GeSPayBothAcc;
                BrI64GeUPay { lhs, rhs, offset, cost } reads lhs => BrI64GeUPayAcc;
                BrI64GeUPayFirst { lhs, rhs, offset, cost } reads lhs => BrI64GeUPayFirstAcc;
                BrI64GeUPayBoth { lhs, rhs, offset, cost } reads lhs => BrI64GeUPayBothAcc;
                BrI64EqImmPay { lhs, imm, offset, cost } reads lhs => BrI64EqImmPayAcc;
                BrI64EqImmPayFirst { lhs, imm, offset, cost } reads lhs => BrI64EqImmPayFirstAcc;
                BrI64EqImmPayBoth { lhs, imm, offset, cost } reads lhs => BrI64EqImmPayBothAcc;
                BrI64NeImmPay { lhs, imm, offset, cost } reads lhs => BrI64NeImmPayAcc;
                BrI64NeImmPayFirst { lhs, imm, offset, cost } reads lhs => BrI64NeImmPayFirstAcc;
                BrI64NeImmPayBoth { lhs, imm, offset, cost } reads lhs => BrI64NeImmPayBothAcc;
                BrI64LtSImmPay { lhs, imm, offset, cost } reads lhs => BrI64LtSImmPayAcc;
                BrI64LtSImmPayFirst { lhs, imm, offset, cost } reads lhs => BrI64LtSImmPayFirstAcc;
                BrI64LtSImmPayBoth { lhs, imm, offset, cost } reads lhs => BrI64LtSImmPayBothAcc;
                BrI64LtUImmPay { lhs, imm, offset, cost } reads lhs => BrI64LtUImmPayAcc;
                BrI64LtUImmPayFirst { lhs, imm, offset, cost } reads lhs => BrI64LtUImmPayFirstAcc;
                BrI64LtUImmPayBoth { lhs, imm, offset, cost } reads lhs => BrI64LtUImmPayBothAcc;
                BrI64GtSImmPay { lhs, imm, offset, cost } reads lhs => BrI64GtSImmPayAcc;
                BrI64GtSImmPayFirst { lhs, imm, offset, cost } reads lhs => BrI64GtSImmPayFirstAcc;
                BrI64GtSImmPayBoth { lhs, imm, offset, cost } reads lhs => BrI64GtSImmPayBothAcc;
                BrI64GtUImmPay { lhs, imm, offset, cost } reads lhs => BrI64GtUImmPayAcc;
                BrI64GtUImmPayFirst { lhs, imm, offset, cost } reads lhs => BrI64GtUImmPayFirstAcc;
                BrI64GtUImmPayBoth { lhs, imm, offset, cost } reads lhs => BrI64GtUImmPayBothAcc;
                BrI64LeSImmPay { lhs, imm, offset, cost } reads lhs => BrI64LeSImmPayAcc;
                BrI64LeSImmPayFirst { lhs, imm, offset, cost } reads lhs => BrI64LeSImmPayFirstAcc;
                BrI64LeSImmPayBoth { lhs, imm, offset, cost } reads lhs => BrI64LeSImmPayBothAcc;
                BrI64LeUImmPay { lhs, imm, offset, cost } reads lhs => BrI64LeUImmPayAcc;
                BrI64LeUImmPayFirst { lhs, imm, offset, cost } reads lhs => BrI64LeUImmPayFirstAcc;
                BrI64LeUImmPayBoth { lhs, imm, offset, cost } reads lhs => BrI64LeUImmPayBothAcc;
                BrI64GeSImmPay { lhs, imm, offset, cost } reads lhs => BrI64GeSImmPayAcc;
                BrI64GeSImmPayFirst { lhs, imm, offset, cost } reads lhs => BrI64GeSImmPayFirstAcc;
                BrI64GeSImmPayBoth { lhs, imm, offset, cost } reads lhs => BrI64GeSImmPayBothAcc;
                BrI64GeUImmPay { lhs, imm, offset, cost } reads lhs => BrI64GeUImmPayAcc;
                BrI64GeUImmPayFirst { lhs, imm, offset, cost } reads lhs => BrI64GeUImmPayFirstAcc;
                BrI64GeUImmPayBoth { lhs, imm, offset, cost } reads lhs => BrI64GeUImmPayBothAcc;
                BrIfEqzPay { cond, offset, cost } reads cond => BrIfEqzPayAcc;
                BrIfEqzPayFirst { cond, offset, cost } reads cond => BrIfEqzPayFirstAcc;
                BrIfEqzPayBoth { cond, offset, cost } reads cond => BrIfEqzPayBothAcc;
                BrIfNezPay { cond, offset, cost } reads cond => BrIfNezPayAcc;
                BrIfNezPayFirst { cond, offset, cost } reads cond => BrIfNezPayFirstAcc;
                BrIfNezPayBoth { cond, offset, cost } reads cond => BrIfNezPayBothAcc;
                BrI64IfEqzPay { cond, offset, cost } reads cond => BrI64IfEqzPayAcc;
                BrI64IfEqzPayFirst { cond, offset, cost } reads cond => BrI64IfEqzPayFirstAcc;
                BrI64IfEqzPayBoth { cond, offset, cost } reads cond => BrI64IfEqzPayBothAcc;
                BrI64IfNezPay { cond, offset, cost } reads cond => BrI64IfNezPayAcc;
                BrI64IfNezPayFirst { cond, offset, cost } reads cond => BrI64IfNezPayFirstAcc;
                BrI64IfNezPayBoth { cond, offset, cost } reads cond => BrI64IfNezPayBothAcc;
                BrI32AndNezPay { lhs, rhs, offset, cost } reads lhs or rhs => BrI32AndNezPayAcc;
                BrI32AndNezPayFirst { lhs, rhs, offset, cost } reads lhs or rhs =>
                    BrI32AndNezPayFirstAcc;
                BrI32AndNezPayBoth { lhs, rhs, offset, cost } reads lhs or rhs =>
                    BrI32AndNezPayBothAcc;
                BrI32AndEqzPay { lhs, rhs, offset, cost } reads lhs or rhs => BrI32AndEqzPayAcc;
                BrI32AndEqzPayFirst { lhs, rhs, offset, cost } reads lhs or rhs =>
                    BrI32AndEqzPayFirstAcc;
                BrI32AndEqzPayBoth { lhs, rhs, offset, cost } reads lhs or rhs =>
                    BrI32AndEqzPayBothAcc;
                BrI32AndImmNezPay { lhs, imm, offset, cost } reads lhs => BrI32AndImmNezPayAcc;
                BrI32AndImmNezPayFirst { lhs, imm, offset, cost } reads lhs =>
                    BrI32AndImmNezPayFirstAcc;
                BrI32AndImmNezPayBoth { lhs, imm, offset, cost } reads lhs =>
                    BrI32AndImmNezPayBothAcc;
                BrI32AndImmEqzPay { lhs, imm, offset, cost } reads lhs => BrI32AndImmEqzPayAcc;
                BrI32AndImmEqzPayFirst { lhs, imm, offset, cost } reads lhs =>
                    BrI32AndImmEqzPayFirstAcc;
                BrI32AndImmEqzPayBoth { lhs, imm, offset, cost } reads lhs =>
                    BrI32AndImmEqzPayBothAcc;
                BrI32AndImmEqImmPay { lhs, imm, imm2, offset } reads lhs => BrI32AndImmEqImmPayAcc;
                BrI32AndImmEqImmPayFirst { lhs, imm, imm2, offset } reads lhs => BrI32AndImmEqImmPayFirstAcc;
                BrI32AndImmEqImmPayBoth { lhs, imm, imm2, offset } reads lhs => BrI32AndImmEqImmPayBothAcc;
                BrI32AndImmNeImmPay { lhs, imm, imm2, offset } reads lhs => BrI32AndImmNeImmPayAcc;
                BrI32AndImmNeImmPayFirst { lhs, imm, imm2, offset } reads lhs => BrI32AndImmNeImmPayFirstAcc;
                BrI32AndImmNeImmPayBoth { lhs, imm, imm2, offset } reads lhs => BrI32AndImmNeImmPayBothAcc;
                Load8S { dst, ptr, offset } reads ptr => Load8SAcc;
                Load8U { dst, ptr, offset } reads ptr => Load8UAcc;
                Load16S { dst, ptr, offset } reads ptr => Load16SAcc;
                Load16U { dst, ptr, offset } reads ptr => Load16UAcc;
                Load32S { dst, ptr, offset } reads ptr => Load32SAcc;
                Load32U { dst, ptr, offset } reads ptr => Load32UAcc;
                Load64 { dst, ptr, offset } reads ptr => Load64Acc;
                Load8SAdd { dst, ptr, imm } reads ptr => Load8SAddAcc;
                Load8UAdd { dst, ptr, imm } reads ptr => Load8UAddAcc;
                Load16SAdd { dst, ptr, imm } reads ptr => Load16SAddAcc;
                Load16UAdd { dst, ptr, imm } reads ptr => Load16UAddAcc;
                Load32SAdd { dst, ptr, imm } reads ptr => Load32SAddAcc;
                Load32UAdd { dst, ptr, imm } reads ptr => Load32UAddAcc;
                Load64Add { dst, ptr, imm } reads ptr => Load64AddAcc;
                Store8 { ptr, val, offset } reads val => Store8AccVal, reads ptr => Store8AccPtr;
                Store16 { ptr, val, offset } reads val => Store16AccVal, reads ptr => Store16AccPtr;
                Store32 { ptr, val, offset } reads val => Store32AccVal, reads ptr => Store32AccPtr;
                Store64 { ptr, val, offset } reads val => Store64AccVal, reads ptr => Store64AccPtr;
                Store8Imm { ptr, offset, val } reads ptr => Store8ImmAcc;
                Store16Imm { ptr, offset, val } reads ptr => Store16ImmAcc;
                Store32Imm { ptr, offset, val } reads ptr => Store32ImmAcc;
                Store64Imm { ptr, offset, val } reads ptr => Store64ImmAcc;
                Store8Add { ptr, val, imm } reads val => Store8AddAccVal,
                    reads ptr => Store8AddAccPtr;
                Store16Add { ptr, val, imm } reads val => Store16AddAccVal,
                    reads ptr => Store16AddAccPtr;
                Store32Add { ptr, val, imm } reads val => Store32AddAccVal,
                    reads ptr => Store32AddAccPtr;
                Store64Add { ptr, val, imm } reads val => Store64AddAccVal,
                    reads ptr => Store64AddAccPtr;
                Load8SIdx { dst, base, index } reads index => Load8SIdxAcc;
                Load8UIdx { dst, base, index } reads index => Load8UIdxAcc;
                Load16SIdx { dst, base, index } reads index => Load16SIdxAcc;
                Load16UIdx { dst, base, index } reads index => Load16UIdxAcc;
                Load32SIdx { dst, base, index } reads index => Load32SIdxAcc;
                Load32UIdx { dst, base, index } reads index => Load32UIdxAcc;
                Load64Idx { dst, base, index } reads index => Load64IdxAcc;
                Load8SThrough { dst, ptr, first } reads ptr => Load8SThroughAcc;
                Load8UThrough { dst, ptr, first } reads ptr => Load8UThroughAcc;
                Load16SThrough { dst, ptr, first } reads ptr => Load16SThroughAcc;
                Load16UThrough { dst, ptr, first } reads ptr => Load16UThroughAcc;
                Load32SThrough { dst, ptr, first } reads ptr => Load32SThroughAcc;
                Load32UThrough { dst, ptr, first } reads ptr => Load32UThroughAcc;
                Load64Through { dst, ptr, first } reads ptr => Load64ThroughAcc;
                Load8SPair { dst0, ptr0, dst } reads ptr0 => Load8SPairAcc;
                Load8UPair { dst0, ptr0, dst } reads ptr0 => Load8UPairAcc;
                Load16SPair { dst0, ptr0, dst } reads ptr0 => Load16SPairAcc;
                Load16UPair { dst0, ptr0, dst } reads ptr0 => Load16UPairAcc;
                Load32SPair { dst0, ptr0, dst } reads ptr0 => Load32SPairAcc;
                Load32UPair { dst0, ptr0, dst } reads ptr0 => Load32UPairAcc;
                Load64Pair { dst0, ptr0, dst } reads ptr0 => Load64PairAcc;
                Store8Idx { base, index, val } reads val => Store8IdxAccVal;
                Store16Idx { base, index, val } reads val => Store16IdxAccVal;
                Store32Idx { base, index, val } reads val => Store32IdxAccVal;
                Store64Idx { base, index, val } reads val => Store64IdxAccVal;
                Copy { dst, src } reads src => CopyAcc;
                Return1 { src } reads src => Return1Acc;
                Return1Pay { src, offset, cost } reads src => Return1PayAcc;
                I32AddAdd { dst, lhs, rhs } reads lhs or rhs => I32AddAddAcc;
                I32MulAdd { dst, lhs, rhs } reads lhs or rhs => I32MulAddAcc;
                I32AndAdd { dst, lhs, rhs } reads lhs or rhs => I32AndAddAcc;
                I32XorAdd { dst, lhs, rhs } reads lhs or rhs => I32XorAddAcc;
                I64MulAdd { dst, lhs, rhs } reads lhs or rhs => I64MulAddAcc;
                I64AddXor { dst, lhs, rhs } reads lhs or rhs => I64AddXorAcc;
                I32ShlImmXor { dst, lhs, other, imm } reads lhs => I32ShlImmXorAcc,
                    reads other => I32ShlImmXorAccOther;
                I32ShrUImmXor { dst, lhs, other, imm } reads lhs => I32ShrUImmXorAcc,
                    reads other => I32ShrUImmXorAccOther;
                I32ShrUImmAdd { dst, lhs, other, imm } reads lhs => I32ShrUImmAddAcc,
                    reads other => I32ShrUImmAddAccOther;
                I32AndImmAdd { dst, lhs, other, imm } reads lhs => I32AndImmAddAcc,
                    reads other => I32AndImmAddAccOther;
                I64ShlImmAdd { dst, lhs, other, imm } reads lhs => I64ShlImmAddAcc,
                    reads other => I64ShlImmAddAccOther;
                I32AddAddImm { dst, lhs, rhs, imm } reads lhs or rhs => I32AddAddImmAcc;
                I32MulAddImm { dst, lhs, rhs, imm } reads lhs or rhs => I32MulAddImmAcc;
                I32ShrUImmAndImm { dst, lhs, imm, imm2 } reads lhs => I32ShrUImmAndImmAcc;
                I32AddImmAndImm { dst, lhs, imm, imm2 } reads lhs => I32AddImmAndImmAcc;
                I32AndImmAddImm { dst, lhs, imm, imm2 } reads lhs => I32AndImmAddImmAcc;
                I32MulImmAddImm { dst, lhs, imm, imm2 } reads lhs => I32MulImmAddImmAcc;
                I32AddImmRotl { dst, lhs, imm, rot } reads lhs => I32AddImmRotlAcc;
                I32ShiftsAdd { dst, lhs, masks, r1, r2 } reads lhs => I32ShiftsAddAcc;
                I32ShiftsXor { dst, lhs, masks, r1, r2 } reads lhs => I32ShiftsXorAcc;
                I32ShiftsOr { dst, lhs, masks, r1, r2 } reads lhs => I32ShiftsOrAcc;
                I64ShiftsAdd { dst, lhs, masks, r1, r2 } reads lhs => I64ShiftsAddAcc;
                I64ShiftsXor { dst, lhs, masks, r1, r2 } reads lhs => I64ShiftsXorAcc;
                I64ShiftsOr { dst, lhs, masks, r1, r2 } reads lhs => I64ShiftsOrAcc;
                I32AndNot { dst, lhs, rhs } reads lhs => I32AndNotAcc, reads rhs => I32AndNotAccRhs;
                I32OrNot { dst, lhs, rhs } reads lhs => I32OrNotAcc, reads rhs => I32OrNotAccRhs;
                I64AndNot { dst, lhs, rhs } reads lhs => I64AndNotAcc, reads rhs => I64AndNotAccRhs;
                I64OrNot { dst, lhs, rhs } reads lhs => I64OrNotAcc, reads rhs => I64OrNotAccRhs;
                F32Add { dst, lhs, rhs } reads lhs or rhs => F32AddAcc;
                F32Sub { dst, lhs, rhs } reads lhs => F32SubAcc;
                F32Mul { dst, lhs, rhs } reads lhs or rhs => F32MulAcc;
                F32Div { dst, lhs, rhs } reads lhs => F32DivAcc;
                F32MulAdd { dst, lhs, rhs } reads lhs or rhs => F32MulAddAcc;
                F32MulSub { dst, lhs, rhs } reads lhs or rhs => F32MulSubAcc;
                F32AddAdd { dst, lhs, rhs } reads lhs or rhs => F32AddAddAcc;
                F32MulAddRev { dst, lhs, rhs } reads lhs or rhs => F32MulAddRevAcc;
                F32MulSubRev { dst, lhs, rhs } reads lhs or rhs => F32MulSubRevAcc;
            }
            float {
                F64Add { dst, lhs, rhs } reads lhs or rhs => F64AddAcc;
                F64Sub { dst, lhs, rhs } reads lhs => F64SubAcc;
                F64Mul { dst, lhs, rhs } reads lhs or rhs => F64MulAcc;
                F64Div { dst, lhs, rhs } reads lhs => F64DivAcc;
                F64MulAdd { dst, lhs, rhs } reads lhs or rhs => F64MulAddAcc;
                F64MulSub { dst, lhs, rhs } reads lhs or rhs => F64MulSubAcc;
                F64AddAdd { dst, lhs, rhs } reads lhs or rhs => F64AddAddAcc;
                F64MulAddRev { dst, lhs, rhs } reads lhs or rhs => F64MulAddRevAcc;
                F64MulSubRev { dst, lhs, rhs } reads lhs or rhs => F64MulSubRevAcc;
                Return1 { src } reads src => Return1FAcc;
            }
        }
    };
}

pub(crate) use for_each_reader;
