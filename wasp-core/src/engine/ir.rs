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

/// A frame-relative slot index.
pub type Reg = u32;

/// One instruction of the IR. Kept at 16 bytes (checked by a test).
#[derive(Debug, Clone, Copy, PartialEq)]
#[allow(missing_docs)]
pub enum Instr {
    // ----- extension word -------------------------------------------------------------------
    /// Extra operands for the preceding instruction; never executed.
    Data {
        a: u32,
        b: u32,
        c: u32,
    },

    // ----- control ----------------------------------------------------------------------------
    Unreachable,
    /// Pays for the straight-line block that starts here (gas metering only).
    ConsumeGas {
        lo: u32,
        hi: u32,
    },
    Br {
        offset: i32,
    },
    BrIfEqz {
        cond: Reg,
        offset: i32,
    },
    BrIfNez {
        cond: Reg,
        offset: i32,
    },
    BrI64IfEqz {
        cond: Reg,
        offset: i32,
    },
    BrI64IfNez {
        cond: Reg,
        offset: i32,
    },
    /// Followed by `len + 1` `Br` instructions, the last being the default target.
    BrTable {
        index: Reg,
        len: u32,
    },
    Return0,
    Return1 {
        src: Reg,
    },
    ReturnN {
        src: Reg,
        count: u32,
    },
    Call {
        func: u32,
        args: Reg,
    },
    /// Followed by `Data { a: table }`.
    CallIndirect {
        ty: u32,
        args: Reg,
        index: Reg,
    },
    ReturnCall {
        func: u32,
        args: Reg,
    },
    /// Followed by `Data { a: table }`.
    ReturnCallIndirect {
        ty: u32,
        args: Reg,
        index: Reg,
    },

    // ----- fused compare-and-branch -------------------------------------------------------------
    BrI32Eq {
        lhs: Reg,
        rhs: Reg,
        offset: i32,
    },
    BrI32Ne {
        lhs: Reg,
        rhs: Reg,
        offset: i32,
    },
    BrI32LtS {
        lhs: Reg,
        rhs: Reg,
        offset: i32,
    },
    BrI32LtU {
        lhs: Reg,
        rhs: Reg,
        offset: i32,
    },
    BrI32GtS {
        lhs: Reg,
        rhs: Reg,
        offset: i32,
    },
    BrI32GtU {
        lhs: Reg,
        rhs: Reg,
        offset: i32,
    },
    BrI32LeS {
        lhs: Reg,
        rhs: Reg,
        offset: i32,
    },
    BrI32LeU {
        lhs: Reg,
        rhs: Reg,
        offset: i32,
    },
    BrI32GeS {
        lhs: Reg,
        rhs: Reg,
        offset: i32,
    },
    BrI32GeU {
        lhs: Reg,
        rhs: Reg,
        offset: i32,
    },
    BrI32EqImm {
        lhs: Reg,
        imm: i32,
        offset: i32,
    },
    BrI32NeImm {
        lhs: Reg,
        imm: i32,
        offset: i32,
    },
    BrI32LtSImm {
        lhs: Reg,
        imm: i32,
        offset: i32,
    },
    BrI32LtUImm {
        lhs: Reg,
        imm: i32,
        offset: i32,
    },
    BrI32GtSImm {
        lhs: Reg,
        imm: i32,
        offset: i32,
    },
    BrI32GtUImm {
        lhs: Reg,
        imm: i32,
        offset: i32,
    },
    BrI32LeSImm {
        lhs: Reg,
        imm: i32,
        offset: i32,
    },
    BrI32LeUImm {
        lhs: Reg,
        imm: i32,
        offset: i32,
    },
    BrI32GeSImm {
        lhs: Reg,
        imm: i32,
        offset: i32,
    },
    BrI32GeUImm {
        lhs: Reg,
        imm: i32,
        offset: i32,
    },
    BrI64Eq {
        lhs: Reg,
        rhs: Reg,
        offset: i32,
    },
    BrI64Ne {
        lhs: Reg,
        rhs: Reg,
        offset: i32,
    },
    BrI64LtS {
        lhs: Reg,
        rhs: Reg,
        offset: i32,
    },
    BrI64LtU {
        lhs: Reg,
        rhs: Reg,
        offset: i32,
    },
    BrI64GtS {
        lhs: Reg,
        rhs: Reg,
        offset: i32,
    },
    BrI64GtU {
        lhs: Reg,
        rhs: Reg,
        offset: i32,
    },
    BrI64LeS {
        lhs: Reg,
        rhs: Reg,
        offset: i32,
    },
    BrI64LeU {
        lhs: Reg,
        rhs: Reg,
        offset: i32,
    },
    BrI64GeS {
        lhs: Reg,
        rhs: Reg,
        offset: i32,
    },
    BrI64GeU {
        lhs: Reg,
        rhs: Reg,
        offset: i32,
    },
    BrI64EqImm {
        lhs: Reg,
        imm: i32,
        offset: i32,
    },
    BrI64NeImm {
        lhs: Reg,
        imm: i32,
        offset: i32,
    },
    BrI64LtSImm {
        lhs: Reg,
        imm: i32,
        offset: i32,
    },
    BrI64LtUImm {
        lhs: Reg,
        imm: i32,
        offset: i32,
    },
    BrI64GtSImm {
        lhs: Reg,
        imm: i32,
        offset: i32,
    },
    BrI64GtUImm {
        lhs: Reg,
        imm: i32,
        offset: i32,
    },
    BrI64LeSImm {
        lhs: Reg,
        imm: i32,
        offset: i32,
    },
    BrI64LeUImm {
        lhs: Reg,
        imm: i32,
        offset: i32,
    },
    BrI64GeSImm {
        lhs: Reg,
        imm: i32,
        offset: i32,
    },
    BrI64GeUImm {
        lhs: Reg,
        imm: i32,
        offset: i32,
    },

    // ----- moves and constants ----------------------------------------------------------------
    Copy {
        dst: Reg,
        src: Reg,
    },
    Const32 {
        dst: Reg,
        val: u32,
    },
    Const64 {
        dst: Reg,
        lo: u32,
        hi: u32,
    },
    /// `dst = if cond != 0 { a } else { b }`; followed by `Data { a: cond }`.
    Select {
        dst: Reg,
        a: Reg,
        b: Reg,
    },
    RefFunc {
        dst: Reg,
        func: u32,
    },
    RefIsNull {
        dst: Reg,
        src: Reg,
    },
    GlobalGet {
        dst: Reg,
        global: u32,
    },
    GlobalSet {
        src: Reg,
        global: u32,
    },

    // ----- i32 arithmetic ---------------------------------------------------------------------
    I32Add {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I32Sub {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I32Mul {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I32DivS {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I32DivU {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I32RemS {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I32RemU {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I32And {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I32Or {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I32Xor {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I32Shl {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I32ShrS {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I32ShrU {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I32Rotl {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I32Rotr {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I32Eq {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I32Ne {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I32LtS {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I32LtU {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I32GtS {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I32GtU {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I32LeS {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I32LeU {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I32GeS {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I32GeU {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I32AddImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I32SubImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I32MulImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I32DivSImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I32DivUImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I32RemSImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I32RemUImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I32AndImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I32OrImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I32XorImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I32ShlImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I32ShrSImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I32ShrUImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I32RotlImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I32RotrImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I32EqImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I32NeImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I32LtSImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I32LtUImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I32GtSImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I32GtUImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I32LeSImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I32LeUImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I32GeSImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I32GeUImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I32Eqz {
        dst: Reg,
        src: Reg,
    },
    I32Clz {
        dst: Reg,
        src: Reg,
    },
    I32Ctz {
        dst: Reg,
        src: Reg,
    },
    I32Popcnt {
        dst: Reg,
        src: Reg,
    },
    I32Extend8S {
        dst: Reg,
        src: Reg,
    },
    I32Extend16S {
        dst: Reg,
        src: Reg,
    },

    // ----- i64 arithmetic ---------------------------------------------------------------------
    I64Add {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I64Sub {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I64Mul {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I64DivS {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I64DivU {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I64RemS {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I64RemU {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I64And {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I64Or {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I64Xor {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I64Shl {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I64ShrS {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I64ShrU {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I64Rotl {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I64Rotr {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I64Eq {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I64Ne {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I64LtS {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I64LtU {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I64GtS {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I64GtU {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I64LeS {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I64LeU {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I64GeS {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I64GeU {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    I64AddImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I64SubImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I64MulImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I64DivSImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I64DivUImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I64RemSImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I64RemUImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I64AndImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I64OrImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I64XorImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I64ShlImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I64ShrSImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I64ShrUImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I64RotlImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I64RotrImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I64EqImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I64NeImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I64LtSImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I64LtUImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I64GtSImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I64GtUImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I64LeSImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I64LeUImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I64GeSImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I64GeUImm {
        dst: Reg,
        lhs: Reg,
        imm: i32,
    },
    I64Eqz {
        dst: Reg,
        src: Reg,
    },
    I64Clz {
        dst: Reg,
        src: Reg,
    },
    I64Ctz {
        dst: Reg,
        src: Reg,
    },
    I64Popcnt {
        dst: Reg,
        src: Reg,
    },
    I64Extend8S {
        dst: Reg,
        src: Reg,
    },
    I64Extend16S {
        dst: Reg,
        src: Reg,
    },
    I64Extend32S {
        dst: Reg,
        src: Reg,
    },

    // ----- floats -----------------------------------------------------------------------------
    F32Add {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    F32Sub {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    F32Mul {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    F32Div {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    F32Min {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    F32Max {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    F32Copysign {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    F32Eq {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    F32Ne {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    F32Lt {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    F32Gt {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    F32Le {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    F32Ge {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    F32Abs {
        dst: Reg,
        src: Reg,
    },
    F32Neg {
        dst: Reg,
        src: Reg,
    },
    F32Ceil {
        dst: Reg,
        src: Reg,
    },
    F32Floor {
        dst: Reg,
        src: Reg,
    },
    F32Trunc {
        dst: Reg,
        src: Reg,
    },
    F32Nearest {
        dst: Reg,
        src: Reg,
    },
    F32Sqrt {
        dst: Reg,
        src: Reg,
    },
    F64Add {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    F64Sub {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    F64Mul {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    F64Div {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    F64Min {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    F64Max {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    F64Copysign {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    F64Eq {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    F64Ne {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    F64Lt {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    F64Gt {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    F64Le {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    F64Ge {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    F64Abs {
        dst: Reg,
        src: Reg,
    },
    F64Neg {
        dst: Reg,
        src: Reg,
    },
    F64Ceil {
        dst: Reg,
        src: Reg,
    },
    F64Floor {
        dst: Reg,
        src: Reg,
    },
    F64Trunc {
        dst: Reg,
        src: Reg,
    },
    F64Nearest {
        dst: Reg,
        src: Reg,
    },
    F64Sqrt {
        dst: Reg,
        src: Reg,
    },

    // ----- conversions ------------------------------------------------------------------------
    I32WrapI64 {
        dst: Reg,
        src: Reg,
    },
    I64ExtendI32S {
        dst: Reg,
        src: Reg,
    },
    I64ExtendI32U {
        dst: Reg,
        src: Reg,
    },
    I32TruncF32S {
        dst: Reg,
        src: Reg,
    },
    I32TruncF32U {
        dst: Reg,
        src: Reg,
    },
    I32TruncF64S {
        dst: Reg,
        src: Reg,
    },
    I32TruncF64U {
        dst: Reg,
        src: Reg,
    },
    I64TruncF32S {
        dst: Reg,
        src: Reg,
    },
    I64TruncF32U {
        dst: Reg,
        src: Reg,
    },
    I64TruncF64S {
        dst: Reg,
        src: Reg,
    },
    I64TruncF64U {
        dst: Reg,
        src: Reg,
    },
    I32TruncSatF32S {
        dst: Reg,
        src: Reg,
    },
    I32TruncSatF32U {
        dst: Reg,
        src: Reg,
    },
    I32TruncSatF64S {
        dst: Reg,
        src: Reg,
    },
    I32TruncSatF64U {
        dst: Reg,
        src: Reg,
    },
    I64TruncSatF32S {
        dst: Reg,
        src: Reg,
    },
    I64TruncSatF32U {
        dst: Reg,
        src: Reg,
    },
    I64TruncSatF64S {
        dst: Reg,
        src: Reg,
    },
    I64TruncSatF64U {
        dst: Reg,
        src: Reg,
    },
    F32ConvertI32S {
        dst: Reg,
        src: Reg,
    },
    F32ConvertI32U {
        dst: Reg,
        src: Reg,
    },
    F32ConvertI64S {
        dst: Reg,
        src: Reg,
    },
    F32ConvertI64U {
        dst: Reg,
        src: Reg,
    },
    F64ConvertI32S {
        dst: Reg,
        src: Reg,
    },
    F64ConvertI32U {
        dst: Reg,
        src: Reg,
    },
    F64ConvertI64S {
        dst: Reg,
        src: Reg,
    },
    F64ConvertI64U {
        dst: Reg,
        src: Reg,
    },
    F32DemoteF64 {
        dst: Reg,
        src: Reg,
    },
    F64PromoteF32 {
        dst: Reg,
        src: Reg,
    },

    // ----- linear memory (memory 0) -------------------------------------------------------------
    Load8S {
        dst: Reg,
        ptr: Reg,
        offset: u32,
    },
    Load8U {
        dst: Reg,
        ptr: Reg,
        offset: u32,
    },
    Load16S {
        dst: Reg,
        ptr: Reg,
        offset: u32,
    },
    Load16U {
        dst: Reg,
        ptr: Reg,
        offset: u32,
    },
    Load32S {
        dst: Reg,
        ptr: Reg,
        offset: u32,
    },
    Load32U {
        dst: Reg,
        ptr: Reg,
        offset: u32,
    },
    Load64 {
        dst: Reg,
        ptr: Reg,
        offset: u32,
    },
    Store8 {
        ptr: Reg,
        val: Reg,
        offset: u32,
    },
    Store16 {
        ptr: Reg,
        val: Reg,
        offset: u32,
    },
    Store32 {
        ptr: Reg,
        val: Reg,
        offset: u32,
    },
    Store64 {
        ptr: Reg,
        val: Reg,
        offset: u32,
    },
    MemorySize {
        dst: Reg,
        mem: u32,
    },
    MemoryGrow {
        dst: Reg,
        delta: Reg,
        mem: u32,
    },
    /// Followed by `Data { a: mem }`.
    MemoryFill {
        dst: Reg,
        val: Reg,
        len: Reg,
    },
    /// Followed by `Data { a: dst_mem, b: src_mem }`.
    MemoryCopy {
        dst: Reg,
        src: Reg,
        len: Reg,
    },
    /// Followed by `Data { a: segment, b: mem }`.
    MemoryInit {
        dst: Reg,
        src: Reg,
        len: Reg,
    },
    DataDrop {
        segment: u32,
    },

    // ----- tables -----------------------------------------------------------------------------
    TableGet {
        dst: Reg,
        index: Reg,
        table: u32,
    },
    TableSet {
        index: Reg,
        val: Reg,
        table: u32,
    },
    TableSize {
        dst: Reg,
        table: u32,
    },
    /// Followed by `Data { a: table }`.
    TableGrow {
        dst: Reg,
        init: Reg,
        delta: Reg,
    },
    /// Followed by `Data { a: table }`.
    TableFill {
        dst: Reg,
        val: Reg,
        len: Reg,
    },
    /// Followed by `Data { a: dst_table, b: src_table }`.
    TableCopy {
        dst: Reg,
        src: Reg,
        len: Reg,
    },
    /// Followed by `Data { a: segment, b: table }`.
    TableInit {
        dst: Reg,
        src: Reg,
        len: Reg,
    },
    ElemDrop {
        segment: u32,
    },
}

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

    /// The branch offset of a branching instruction, mutably.
    fn branch_offset_mut(&mut self) -> Option<&mut i32> {
        use Instr::*;
        match self {
            Br { offset }
            | BrIfEqz { offset, .. }
            | BrIfNez { offset, .. }
            | BrI64IfEqz { offset, .. }
            | BrI64IfNez { offset, .. }
            | BrI32Eq { offset, .. }
            | BrI32Ne { offset, .. }
            | BrI32LtS { offset, .. }
            | BrI32LtU { offset, .. }
            | BrI32GtS { offset, .. }
            | BrI32GtU { offset, .. }
            | BrI32LeS { offset, .. }
            | BrI32LeU { offset, .. }
            | BrI32GeS { offset, .. }
            | BrI32GeU { offset, .. }
            | BrI32EqImm { offset, .. }
            | BrI32NeImm { offset, .. }
            | BrI32LtSImm { offset, .. }
            | BrI32LtUImm { offset, .. }
            | BrI32GtSImm { offset, .. }
            | BrI32GtUImm { offset, .. }
            | BrI32LeSImm { offset, .. }
            | BrI32LeUImm { offset, .. }
            | BrI32GeSImm { offset, .. }
            | BrI32GeUImm { offset, .. }
            | BrI64Eq { offset, .. }
            | BrI64Ne { offset, .. }
            | BrI64LtS { offset, .. }
            | BrI64LtU { offset, .. }
            | BrI64GtS { offset, .. }
            | BrI64GtU { offset, .. }
            | BrI64LeS { offset, .. }
            | BrI64LeU { offset, .. }
            | BrI64GeS { offset, .. }
            | BrI64GeU { offset, .. }
            | BrI64EqImm { offset, .. }
            | BrI64NeImm { offset, .. }
            | BrI64LtSImm { offset, .. }
            | BrI64LtUImm { offset, .. }
            | BrI64GtSImm { offset, .. }
            | BrI64GtUImm { offset, .. }
            | BrI64LeSImm { offset, .. }
            | BrI64LeUImm { offset, .. }
            | BrI64GeSImm { offset, .. }
            | BrI64GeUImm { offset, .. } => Some(offset),
            _ => None,
        }
    }

    /// The destination slot of a plain computation whose result may be redirected into a
    /// local (`local.set` right after it), with a mutable reference to change it.
    pub(crate) fn result_mut(&mut self) -> Option<&mut Reg> {
        use Instr::*;
        match self {
            Data { .. }
            | Unreachable
            | ConsumeGas { .. }
            | Br { .. }
            | BrIfEqz { .. }
            | BrIfNez { .. } => None,
            BrI64IfEqz { .. } | BrI64IfNez { .. } | BrTable { .. } => None,
            Return0 | Return1 { .. } | ReturnN { .. } | Call { .. } | CallIndirect { .. } => None,
            ReturnCall { .. } | ReturnCallIndirect { .. } => None,
            Store8 { .. } | Store16 { .. } | Store32 { .. } | Store64 { .. } => None,
            MemoryFill { .. } | MemoryCopy { .. } | MemoryInit { .. } | DataDrop { .. } => None,
            TableSet { .. } | TableFill { .. } | TableCopy { .. } | TableInit { .. } => None,
            ElemDrop { .. } | GlobalSet { .. } => None,
            // Select reads its condition from a trailing data word: keep it simple.
            Select { .. } | TableGrow { .. } => None,
            Copy { dst, .. }
            | Const32 { dst, .. }
            | Const64 { dst, .. }
            | RefFunc { dst, .. }
            | RefIsNull { dst, .. }
            | GlobalGet { dst, .. }
            | MemorySize { dst, .. }
            | MemoryGrow { dst, .. }
            | TableGet { dst, .. }
            | TableSize { dst, .. } => Some(dst),
            Load8S { dst, .. }
            | Load8U { dst, .. }
            | Load16S { dst, .. }
            | Load16U { dst, .. }
            | Load32S { dst, .. }
            | Load32U { dst, .. }
            | Load64 { dst, .. } => Some(dst),
            other => other.arith_result_mut(),
        }
    }
    /// The destination slot of an arithmetic or conversion instruction.
    fn arith_result_mut(&mut self) -> Option<&mut Reg> {
        use Instr::*;
        match self {
            I32Add { dst, .. }
            | I32Sub { dst, .. }
            | I32Mul { dst, .. }
            | I32DivS { dst, .. }
            | I32DivU { dst, .. }
            | I32RemS { dst, .. }
            | I32RemU { dst, .. }
            | I32And { dst, .. }
            | I32Or { dst, .. }
            | I32Xor { dst, .. }
            | I32Shl { dst, .. }
            | I32ShrS { dst, .. }
            | I32ShrU { dst, .. }
            | I32Rotl { dst, .. }
            | I32Rotr { dst, .. }
            | I32Eq { dst, .. }
            | I32Ne { dst, .. }
            | I32LtS { dst, .. }
            | I32LtU { dst, .. }
            | I32GtS { dst, .. }
            | I32GtU { dst, .. }
            | I32LeS { dst, .. }
            | I32LeU { dst, .. }
            | I32GeS { dst, .. }
            | I32GeU { dst, .. }
            | I32AddImm { dst, .. }
            | I32SubImm { dst, .. }
            | I32MulImm { dst, .. }
            | I32DivSImm { dst, .. }
            | I32DivUImm { dst, .. }
            | I32RemSImm { dst, .. }
            | I32RemUImm { dst, .. }
            | I32AndImm { dst, .. }
            | I32OrImm { dst, .. }
            | I32XorImm { dst, .. }
            | I32ShlImm { dst, .. }
            | I32ShrSImm { dst, .. }
            | I32ShrUImm { dst, .. }
            | I32RotlImm { dst, .. }
            | I32RotrImm { dst, .. }
            | I32EqImm { dst, .. }
            | I32NeImm { dst, .. }
            | I32LtSImm { dst, .. }
            | I32LtUImm { dst, .. }
            | I32GtSImm { dst, .. }
            | I32GtUImm { dst, .. }
            | I32LeSImm { dst, .. }
            | I32LeUImm { dst, .. }
            | I32GeSImm { dst, .. }
            | I32GeUImm { dst, .. }
            | I32Eqz { dst, .. }
            | I32Clz { dst, .. }
            | I32Ctz { dst, .. }
            | I32Popcnt { dst, .. }
            | I32Extend8S { dst, .. }
            | I32Extend16S { dst, .. }
            | I64Add { dst, .. }
            | I64Sub { dst, .. }
            | I64Mul { dst, .. }
            | I64DivS { dst, .. }
            | I64DivU { dst, .. }
            | I64RemS { dst, .. }
            | I64RemU { dst, .. }
            | I64And { dst, .. }
            | I64Or { dst, .. }
            | I64Xor { dst, .. }
            | I64Shl { dst, .. }
            | I64ShrS { dst, .. }
            | I64ShrU { dst, .. }
            | I64Rotl { dst, .. }
            | I64Rotr { dst, .. }
            | I64Eq { dst, .. }
            | I64Ne { dst, .. }
            | I64LtS { dst, .. }
            | I64LtU { dst, .. }
            | I64GtS { dst, .. }
            | I64GtU { dst, .. }
            | I64LeS { dst, .. }
            | I64LeU { dst, .. }
            | I64GeS { dst, .. }
            | I64GeU { dst, .. }
            | I64AddImm { dst, .. }
            | I64SubImm { dst, .. }
            | I64MulImm { dst, .. }
            | I64DivSImm { dst, .. }
            | I64DivUImm { dst, .. }
            | I64RemSImm { dst, .. }
            | I64RemUImm { dst, .. }
            | I64AndImm { dst, .. }
            | I64OrImm { dst, .. }
            | I64XorImm { dst, .. }
            | I64ShlImm { dst, .. }
            | I64ShrSImm { dst, .. }
            | I64ShrUImm { dst, .. }
            | I64RotlImm { dst, .. }
            | I64RotrImm { dst, .. }
            | I64EqImm { dst, .. }
            | I64NeImm { dst, .. }
            | I64LtSImm { dst, .. }
            | I64LtUImm { dst, .. }
            | I64GtSImm { dst, .. }
            | I64GtUImm { dst, .. }
            | I64LeSImm { dst, .. }
            | I64LeUImm { dst, .. }
            | I64GeSImm { dst, .. }
            | I64GeUImm { dst, .. }
            | I64Eqz { dst, .. }
            | I64Clz { dst, .. }
            | I64Ctz { dst, .. }
            | I64Popcnt { dst, .. }
            | I64Extend8S { dst, .. }
            | I64Extend16S { dst, .. }
            | I64Extend32S { dst, .. }
            | F32Add { dst, .. }
            | F32Sub { dst, .. }
            | F32Mul { dst, .. }
            | F32Div { dst, .. }
            | F32Min { dst, .. }
            | F32Max { dst, .. }
            | F32Copysign { dst, .. }
            | F32Eq { dst, .. }
            | F32Ne { dst, .. }
            | F32Lt { dst, .. }
            | F32Gt { dst, .. }
            | F32Le { dst, .. }
            | F32Ge { dst, .. }
            | F32Abs { dst, .. }
            | F32Neg { dst, .. }
            | F32Ceil { dst, .. }
            | F32Floor { dst, .. }
            | F32Trunc { dst, .. }
            | F32Nearest { dst, .. }
            | F32Sqrt { dst, .. }
            | F64Add { dst, .. }
            | F64Sub { dst, .. }
            | F64Mul { dst, .. }
            | F64Div { dst, .. }
            | F64Min { dst, .. }
            | F64Max { dst, .. }
            | F64Copysign { dst, .. }
            | F64Eq { dst, .. }
            | F64Ne { dst, .. }
            | F64Lt { dst, .. }
            | F64Gt { dst, .. }
            | F64Le { dst, .. }
            | F64Ge { dst, .. }
            | F64Abs { dst, .. }
            | F64Neg { dst, .. }
            | F64Ceil { dst, .. }
            | F64Floor { dst, .. }
            | F64Trunc { dst, .. }
            | F64Nearest { dst, .. }
            | F64Sqrt { dst, .. }
            | I32WrapI64 { dst, .. }
            | I64ExtendI32S { dst, .. }
            | I64ExtendI32U { dst, .. }
            | I32TruncF32S { dst, .. }
            | I32TruncF32U { dst, .. }
            | I32TruncF64S { dst, .. }
            | I32TruncF64U { dst, .. }
            | I64TruncF32S { dst, .. }
            | I64TruncF32U { dst, .. }
            | I64TruncF64S { dst, .. }
            | I64TruncF64U { dst, .. }
            | I32TruncSatF32S { dst, .. }
            | I32TruncSatF32U { dst, .. }
            | I32TruncSatF64S { dst, .. }
            | I32TruncSatF64U { dst, .. }
            | I64TruncSatF32S { dst, .. }
            | I64TruncSatF32U { dst, .. }
            | I64TruncSatF64S { dst, .. }
            | I64TruncSatF64U { dst, .. }
            | F32ConvertI32S { dst, .. }
            | F32ConvertI32U { dst, .. }
            | F32ConvertI64S { dst, .. }
            | F32ConvertI64U { dst, .. }
            | F64ConvertI32S { dst, .. }
            | F64ConvertI32U { dst, .. }
            | F64ConvertI64S { dst, .. }
            | F64ConvertI64U { dst, .. }
            | F32DemoteF64 { dst, .. }
            | F64PromoteF32 { dst, .. } => Some(dst),
            _ => None,
        }
    }

    /// Calls `f` with every slot the instruction reads or writes (not the range of
    /// `ReturnN`, the callee frame of calls, or registers held in a following data word).
    pub(crate) fn for_each_reg(&self, mut f: impl FnMut(Reg)) {
        let mut copy = *self;
        copy.for_each_reg_mut(|r| f(*r));
    }

    /// Like [`Instr::for_each_reg`], with mutable access to each slot index.
    pub(crate) fn for_each_reg_mut(&mut self, mut f: impl FnMut(&mut Reg)) {
        use Instr::*;
        match self {
            BrIfEqz { cond, .. } => {
                f(cond);
            }
            BrIfNez { cond, .. } => {
                f(cond);
            }
            BrI64IfEqz { cond, .. } => {
                f(cond);
            }
            BrI64IfNez { cond, .. } => {
                f(cond);
            }
            BrTable { index, .. } => {
                f(index);
            }
            Return1 { src, .. } => {
                f(src);
            }
            CallIndirect { index, .. } => {
                f(index);
            }
            ReturnCallIndirect { index, .. } => {
                f(index);
            }
            BrI32Eq { lhs, rhs, .. } => {
                f(lhs);
                f(rhs);
            }
            BrI32Ne { lhs, rhs, .. } => {
                f(lhs);
                f(rhs);
            }
            BrI32LtS { lhs, rhs, .. } => {
                f(lhs);
                f(rhs);
            }
            BrI32LtU { lhs, rhs, .. } => {
                f(lhs);
                f(rhs);
            }
            BrI32GtS { lhs, rhs, .. } => {
                f(lhs);
                f(rhs);
            }
            BrI32GtU { lhs, rhs, .. } => {
                f(lhs);
                f(rhs);
            }
            BrI32LeS { lhs, rhs, .. } => {
                f(lhs);
                f(rhs);
            }
            BrI32LeU { lhs, rhs, .. } => {
                f(lhs);
                f(rhs);
            }
            BrI32GeS { lhs, rhs, .. } => {
                f(lhs);
                f(rhs);
            }
            BrI32GeU { lhs, rhs, .. } => {
                f(lhs);
                f(rhs);
            }
            BrI32EqImm { lhs, .. } => {
                f(lhs);
            }
            BrI32NeImm { lhs, .. } => {
                f(lhs);
            }
            BrI32LtSImm { lhs, .. } => {
                f(lhs);
            }
            BrI32LtUImm { lhs, .. } => {
                f(lhs);
            }
            BrI32GtSImm { lhs, .. } => {
                f(lhs);
            }
            BrI32GtUImm { lhs, .. } => {
                f(lhs);
            }
            BrI32LeSImm { lhs, .. } => {
                f(lhs);
            }
            BrI32LeUImm { lhs, .. } => {
                f(lhs);
            }
            BrI32GeSImm { lhs, .. } => {
                f(lhs);
            }
            BrI32GeUImm { lhs, .. } => {
                f(lhs);
            }
            BrI64Eq { lhs, rhs, .. } => {
                f(lhs);
                f(rhs);
            }
            BrI64Ne { lhs, rhs, .. } => {
                f(lhs);
                f(rhs);
            }
            BrI64LtS { lhs, rhs, .. } => {
                f(lhs);
                f(rhs);
            }
            BrI64LtU { lhs, rhs, .. } => {
                f(lhs);
                f(rhs);
            }
            BrI64GtS { lhs, rhs, .. } => {
                f(lhs);
                f(rhs);
            }
            BrI64GtU { lhs, rhs, .. } => {
                f(lhs);
                f(rhs);
            }
            BrI64LeS { lhs, rhs, .. } => {
                f(lhs);
                f(rhs);
            }
            BrI64LeU { lhs, rhs, .. } => {
                f(lhs);
                f(rhs);
            }
            BrI64GeS { lhs, rhs, .. } => {
                f(lhs);
                f(rhs);
            }
            BrI64GeU { lhs, rhs, .. } => {
                f(lhs);
                f(rhs);
            }
            BrI64EqImm { lhs, .. } => {
                f(lhs);
            }
            BrI64NeImm { lhs, .. } => {
                f(lhs);
            }
            BrI64LtSImm { lhs, .. } => {
                f(lhs);
            }
            BrI64LtUImm { lhs, .. } => {
                f(lhs);
            }
            BrI64GtSImm { lhs, .. } => {
                f(lhs);
            }
            BrI64GtUImm { lhs, .. } => {
                f(lhs);
            }
            BrI64LeSImm { lhs, .. } => {
                f(lhs);
            }
            BrI64LeUImm { lhs, .. } => {
                f(lhs);
            }
            BrI64GeSImm { lhs, .. } => {
                f(lhs);
            }
            BrI64GeUImm { lhs, .. } => {
                f(lhs);
            }
            Copy { dst, src, .. } => {
                f(dst);
                f(src);
            }
            Const32 { dst, .. } => {
                f(dst);
            }
            Const64 { dst, .. } => {
                f(dst);
            }
            Select { dst, a, b, .. } => {
                f(dst);
                f(a);
                f(b);
            }
            RefFunc { dst, .. } => {
                f(dst);
            }
            RefIsNull { dst, src, .. } => {
                f(dst);
                f(src);
            }
            GlobalGet { dst, .. } => {
                f(dst);
            }
            GlobalSet { src, .. } => {
                f(src);
            }
            I32Add { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I32Sub { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I32Mul { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I32DivS { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I32DivU { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I32RemS { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I32RemU { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I32And { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I32Or { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I32Xor { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I32Shl { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I32ShrS { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I32ShrU { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I32Rotl { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I32Rotr { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I32Eq { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I32Ne { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I32LtS { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I32LtU { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I32GtS { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I32GtU { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I32LeS { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I32LeU { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I32GeS { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I32GeU { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I32AddImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I32SubImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I32MulImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I32DivSImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I32DivUImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I32RemSImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I32RemUImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I32AndImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I32OrImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I32XorImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I32ShlImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I32ShrSImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I32ShrUImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I32RotlImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I32RotrImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I32EqImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I32NeImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I32LtSImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I32LtUImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I32GtSImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I32GtUImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I32LeSImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I32LeUImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I32GeSImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I32GeUImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I32Eqz { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I32Clz { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I32Ctz { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I32Popcnt { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I32Extend8S { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I32Extend16S { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I64Add { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I64Sub { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I64Mul { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I64DivS { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I64DivU { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I64RemS { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I64RemU { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I64And { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I64Or { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I64Xor { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I64Shl { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I64ShrS { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I64ShrU { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I64Rotl { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I64Rotr { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I64Eq { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I64Ne { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I64LtS { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I64LtU { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I64GtS { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I64GtU { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I64LeS { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I64LeU { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I64GeS { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I64GeU { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            I64AddImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I64SubImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I64MulImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I64DivSImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I64DivUImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I64RemSImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I64RemUImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I64AndImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I64OrImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I64XorImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I64ShlImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I64ShrSImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I64ShrUImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I64RotlImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I64RotrImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I64EqImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I64NeImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I64LtSImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I64LtUImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I64GtSImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I64GtUImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I64LeSImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I64LeUImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I64GeSImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I64GeUImm { dst, lhs, .. } => {
                f(dst);
                f(lhs);
            }
            I64Eqz { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I64Clz { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I64Ctz { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I64Popcnt { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I64Extend8S { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I64Extend16S { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I64Extend32S { dst, src, .. } => {
                f(dst);
                f(src);
            }
            F32Add { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            F32Sub { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            F32Mul { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            F32Div { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            F32Min { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            F32Max { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            F32Copysign { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            F32Eq { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            F32Ne { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            F32Lt { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            F32Gt { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            F32Le { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            F32Ge { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            F32Abs { dst, src, .. } => {
                f(dst);
                f(src);
            }
            F32Neg { dst, src, .. } => {
                f(dst);
                f(src);
            }
            F32Ceil { dst, src, .. } => {
                f(dst);
                f(src);
            }
            F32Floor { dst, src, .. } => {
                f(dst);
                f(src);
            }
            F32Trunc { dst, src, .. } => {
                f(dst);
                f(src);
            }
            F32Nearest { dst, src, .. } => {
                f(dst);
                f(src);
            }
            F32Sqrt { dst, src, .. } => {
                f(dst);
                f(src);
            }
            F64Add { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            F64Sub { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            F64Mul { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            F64Div { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            F64Min { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            F64Max { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            F64Copysign { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            F64Eq { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            F64Ne { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            F64Lt { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            F64Gt { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            F64Le { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            F64Ge { dst, lhs, rhs, .. } => {
                f(dst);
                f(lhs);
                f(rhs);
            }
            F64Abs { dst, src, .. } => {
                f(dst);
                f(src);
            }
            F64Neg { dst, src, .. } => {
                f(dst);
                f(src);
            }
            F64Ceil { dst, src, .. } => {
                f(dst);
                f(src);
            }
            F64Floor { dst, src, .. } => {
                f(dst);
                f(src);
            }
            F64Trunc { dst, src, .. } => {
                f(dst);
                f(src);
            }
            F64Nearest { dst, src, .. } => {
                f(dst);
                f(src);
            }
            F64Sqrt { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I32WrapI64 { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I64ExtendI32S { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I64ExtendI32U { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I32TruncF32S { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I32TruncF32U { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I32TruncF64S { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I32TruncF64U { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I64TruncF32S { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I64TruncF32U { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I64TruncF64S { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I64TruncF64U { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I32TruncSatF32S { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I32TruncSatF32U { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I32TruncSatF64S { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I32TruncSatF64U { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I64TruncSatF32S { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I64TruncSatF32U { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I64TruncSatF64S { dst, src, .. } => {
                f(dst);
                f(src);
            }
            I64TruncSatF64U { dst, src, .. } => {
                f(dst);
                f(src);
            }
            F32ConvertI32S { dst, src, .. } => {
                f(dst);
                f(src);
            }
            F32ConvertI32U { dst, src, .. } => {
                f(dst);
                f(src);
            }
            F32ConvertI64S { dst, src, .. } => {
                f(dst);
                f(src);
            }
            F32ConvertI64U { dst, src, .. } => {
                f(dst);
                f(src);
            }
            F64ConvertI32S { dst, src, .. } => {
                f(dst);
                f(src);
            }
            F64ConvertI32U { dst, src, .. } => {
                f(dst);
                f(src);
            }
            F64ConvertI64S { dst, src, .. } => {
                f(dst);
                f(src);
            }
            F64ConvertI64U { dst, src, .. } => {
                f(dst);
                f(src);
            }
            F32DemoteF64 { dst, src, .. } => {
                f(dst);
                f(src);
            }
            F64PromoteF32 { dst, src, .. } => {
                f(dst);
                f(src);
            }
            Load8S { dst, ptr, .. } => {
                f(dst);
                f(ptr);
            }
            Load8U { dst, ptr, .. } => {
                f(dst);
                f(ptr);
            }
            Load16S { dst, ptr, .. } => {
                f(dst);
                f(ptr);
            }
            Load16U { dst, ptr, .. } => {
                f(dst);
                f(ptr);
            }
            Load32S { dst, ptr, .. } => {
                f(dst);
                f(ptr);
            }
            Load32U { dst, ptr, .. } => {
                f(dst);
                f(ptr);
            }
            Load64 { dst, ptr, .. } => {
                f(dst);
                f(ptr);
            }
            Store8 { ptr, val, .. } => {
                f(ptr);
                f(val);
            }
            Store16 { ptr, val, .. } => {
                f(ptr);
                f(val);
            }
            Store32 { ptr, val, .. } => {
                f(ptr);
                f(val);
            }
            Store64 { ptr, val, .. } => {
                f(ptr);
                f(val);
            }
            MemorySize { dst, .. } => {
                f(dst);
            }
            MemoryGrow { dst, delta, .. } => {
                f(dst);
                f(delta);
            }
            MemoryFill { dst, val, len, .. } => {
                f(dst);
                f(val);
                f(len);
            }
            MemoryCopy { dst, src, len, .. } => {
                f(dst);
                f(src);
                f(len);
            }
            MemoryInit { dst, src, len, .. } => {
                f(dst);
                f(src);
                f(len);
            }
            TableGet { dst, index, .. } => {
                f(dst);
                f(index);
            }
            TableSet { index, val, .. } => {
                f(index);
                f(val);
            }
            TableSize { dst, .. } => {
                f(dst);
            }
            TableGrow {
                dst, init, delta, ..
            } => {
                f(dst);
                f(init);
                f(delta);
            }
            TableFill { dst, val, len, .. } => {
                f(dst);
                f(val);
                f(len);
            }
            TableCopy { dst, src, len, .. } => {
                f(dst);
                f(src);
                f(len);
            }
            TableInit { dst, src, len, .. } => {
                f(dst);
                f(src);
                f(len);
            }
            _ => {}
        }
    }
}
