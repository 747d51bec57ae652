//! One handler per IR instruction, named after it and grouped by family. Each is a small
//! function: decode its operands, do the work, say what comes next; the `op!` macro adds the
//! threaded dispatch around it. Plain unary, binary, comparison, load and store handlers are
//! one line each, written with the family macros below.
//!
//! The lookup from an instruction to its handler is generated from the instruction table
//! (`engine/isa.rs`), so every instruction has exactly one handler.
//!
//! The `unsafe` here rests on the invariants stated in `translator/verify.rs`, which checks
//! them for every function before it can run, and on the frame pointer facts of `regs.rs`.

#![allow(non_snake_case)]

use super::bulk;
use super::dispatch::{Acc, Cx, FAcc, Flow, Handler, Mem, Op, Running, NO_ACC, NO_FACC, OP_BYTES};
use super::regs;
use crate::engine::ir::Instr;
use crate::error::TrapCode;

// ----- slot access ------------------------------------------------------------------------------

/// Reads slot `$reg` of the running frame.
macro_rules! r {
    ($regs:expr, $reg:expr) => {
        // SAFETY: `$regs` is the running frame's pointer (`regs.rs`), and `$reg` is a slot of
        // the running instruction, inside the frame (invariant 1 of `translator/verify.rs`).
        unsafe { regs::read($regs, $reg) }
    };
}
/// Writes slot `$reg` of the running frame.
macro_rules! set {
    ($regs:expr, $reg:expr, $v:expr) => {{
        let v: u64 = $v;
        // SAFETY: as in `r!`.
        unsafe { regs::write($regs, $reg, v) }
    }};
}
macro_rules! u32_ {
    ($regs:expr, $reg:expr) => {
        (r!($regs, $reg) as u32)
    };
}
macro_rules! w32 {
    ($v:expr) => {
        u64::from($v as u32)
    };
}
macro_rules! b {
    ($v:expr) => {
        u64::from($v)
    };
}

// ----- dispatch ---------------------------------------------------------------------------------

/// Continues with the handler of the instruction at `$ip`, in tail position, while the
/// chain's budget lasts; then returns to the trampoline, leaving the gas left in
/// [`Cx::gas`](super::dispatch::Cx::gas).
///
/// Branches and frame changes (calls, returns) dispatch through here: every loop and every
/// recursion spends budget, so the trampoline is reached at least every [`BUDGET`] of them
/// (see `dispatch.rs`). Straight-line steps go through [`dispatch_next!`].
///
/// [`BUDGET`]: super::dispatch::BUDGET
macro_rules! dispatch {
    ($ip:expr, $regs:expr, $cx:expr, $budget:expr, $gas:expr, $acc:expr, $facc:expr, $mem:expr) => {{
        let ip: *const Op = $ip;
        let budget = $budget.wrapping_sub(1);
        if budget == 0 {
            $cx.gas = $gas;
            return ip;
        }
        // SAFETY: `ip` is an instruction of the running function: every successor a handler
        // names is one (invariants 2 and 4 of `translator/verify.rs`).
        let handler = unsafe { (*ip).handler };
        return handler(ip, $regs, $cx, $acc, budget, $gas, $facc, $mem);
    }};
}

/// Continues with the instruction after a straight-line step (the next one, or the one
/// after a data word).
///
/// In optimised builds the tail call is a jump that grows no native stack, and a step
/// spends no budget: only branches and frame changes do, which bounds the chain's length
/// as well, since straight-line code ends within its function. Builds with debug
/// assertions (unoptimised builds, where calls in tail position stay calls) spend one unit
/// per step, so that a chain never holds more than [`BUDGET`] native frames. The
/// single-step handlers (`STEP`, used by the instruction trace) spend one unit per step in
/// every build, so that a budget of one runs exactly one instruction.
///
/// [`BUDGET`]: super::dispatch::BUDGET
macro_rules! dispatch_next {
    ($ip:expr, $regs:expr, $cx:expr, $budget:expr, $gas:expr, $acc:expr, $facc:expr, $mem:expr) => {{
        if cfg!(debug_assertions) || STEP {
            dispatch!($ip, $regs, $cx, $budget, $gas, $acc, $facc, $mem);
        }
        let ip: *const Op = $ip;
        // SAFETY: as in `dispatch!`.
        let handler = unsafe { (*ip).handler };
        return handler(ip, $regs, $cx, $acc, $budget, $gas, $facc, $mem);
    }};
}

/// Operand `$f` of the `$variant` instruction at `$ip`, as the handler reads it.
///
/// Where the compiler laid the variant out with two 4-byte operands filling the
/// instruction's second 8-byte word, the operand is taken from that word, read whole: a
/// handler that decodes both issues one load for them instead of two (a handler is a
/// handful of loads and little else, and some processors issue only two loads per cycle).
/// Otherwise it is `$f` as matched. The layout is not specified, so it is measured while
/// compiling, on [`Sample`](crate::engine::ir::Sample) instructions.
macro_rules! word_operand {
    ($variant:ident, $ip:ident, $f:ident) => {{
        const AT: (usize, usize) = {
            let instr = crate::engine::ir::Sample::$variant;
            match &instr {
                // SAFETY: `$f` borrows an operand of `instr`.
                Instr::$variant { $f, .. } => unsafe { crate::engine::ir::operand_at(&instr, $f) },
                _ => unreachable!(),
            }
        };
        const OPERANDS: u16 = crate::engine::ir::Sample::$variant.operand_bytes();
        const IN_SECOND: bool = cfg!(target_endian = "little")
            && OPERANDS & 0xff00 == 0xff00
            && AT.1 == 4
            && (AT.0 == 8 || AT.0 == 12);
        if IN_SECOND {
            // SAFETY: the variant's operands fill the word (`OPERANDS`).
            let word = unsafe { second_word($ip) };
            OperandBits::from_bits((word >> ((AT.0 - 8) * 8)) as u32)
        } else {
            $f
        }
    }};
}

/// The second 8-byte word of the instruction at `ip`.
///
/// # Safety
///
/// `ip` points at an instruction whose operands fill bytes 8 to 15 (see
/// [`Instr::operand_bytes`]): integers, all initialised.
#[inline(always)]
unsafe fn second_word(ip: *const Op) -> u64 {
    const {
        assert!(std::mem::offset_of!(Op, instr) % 8 == 0 && std::mem::align_of::<Op>() >= 8);
    }
    // SAFETY: `ip` points at a live `Op` (see `dispatch!`), the word is aligned (above), and
    // its bytes are operands (the caller's contract).
    unsafe {
        ip.byte_add(std::mem::offset_of!(Op, instr) + 8)
            .cast::<u64>()
            .read()
    }
}

/// An operand type made from the 32 bits [`word_operand!`] takes from a word (called only
/// for the 4-byte ones; the others convert for the type check alone).
trait OperandBits {
    fn from_bits(bits: u32) -> Self;
}

macro_rules! operand_bits {
    ($($t:ty),*) => {$(
        impl OperandBits for $t {
            #[inline(always)]
            fn from_bits(bits: u32) -> Self {
                bits as $t
            }
        }
    )*};
}
operand_bits!(u32, i32, u16, i16, u8, i8);

/// Defines the handler `$variant` for the instruction variant of the same name, in two
/// builds: `STEP = false`, the one instructions are linked to, and `STEP = true`, which
/// returns to its caller after each instruction (the instruction trace's single-step loop;
/// the hot loop never sees it).
///
/// The gas left travels from handler to handler as an argument, in a register (see
/// [`Handler`]). A handler that pays gas names it as a fourth closure parameter,
/// `|ip, regs, cx, gas|`, and gets a `&mut u64` to pay from (`pay_block` in `pay.rs` for a
/// block's `ConsumeGas`, [`Cx::charge`] for a cost computed as it runs); the others pass it
/// on untouched. Whenever the chain returns to the trampoline (a spent budget, a stop, a
/// trap, a cold path) the gas left is written to [`Cx::gas`], where everything outside the
/// chain reads it. A handler whose uncommon path calls a function leaves through
/// [`Flow::Cold`] rather than calling it in its body, so that its common path keeps the
/// gas in its register instead of saving it across the call.
///
/// The result register (`acc`, `facc`: see [`Handler`]) travels the same way. A handler that
/// reads it or hands on its result names it too, `|ip, regs, cx, gas, acc, facc|`, and gets
/// it as `&mut` [`Acc`] and [`FAcc`] holding what the instruction before handed on; what it
/// leaves in them goes on to the next instruction when it falls through (a branch target
/// never reads them). The others hand on nothing: uninitialised registers.
///
/// Operands that fill the instruction's second word are read with one load
/// ([`word_operand!`]); a handler marked `whole` after its operands,
/// `op!(Store32 { ptr, val, offset } whole, ...)`, reads them one by one, where keeping the
/// word in a register would cost it more than the load it saves.
///
/// [`Cx::charge`]: super::dispatch::Cx::charge
/// [`Cx::gas`]: super::dispatch::Cx::gas
/// [`Flow::Cold`]: super::dispatch::Flow::Cold
macro_rules! op {
    (
        $variant:ident { $($f:ident),* } $($whole:ident)?,
        |$ip:ident, $regs:ident, $cx:ident| $body:block
    ) => {
        op!(@handler $variant { $($f),* } [$($whole)?], $ip, $regs, $cx, gas, acc, facc, false, $body);
    };
    (
        $variant:ident { $($f:ident),* } $($whole:ident)?,
        |$ip:ident, $regs:ident, $cx:ident, $gas:ident| $body:block
    ) => {
        op!(@handler $variant { $($f),* } [$($whole)?], $ip, $regs, $cx, $gas, acc, facc, false, $body);
    };
    (
        $variant:ident { $($f:ident),* } $($whole:ident)?,
        |$ip:ident, $regs:ident, $cx:ident, $gas:ident, $acc:ident, $facc:ident| $body:block
    ) => {
        op!(@handler $variant { $($f),* } [$($whole)?], $ip, $regs, $cx, $gas, $acc, $facc, true, $body);
    };
    (
        @handler $variant:ident { $($f:ident),* } $whole:tt, $ip:ident, $regs:ident, $cx:ident,
        $gas:ident, $acc:ident, $facc:ident, $keep:tt, $body:block
    ) => {
        #[allow(
            unused_variables,
            unused_mut,
            unused_unsafe,
            clippy::unnecessary_cast,
            clippy::redundant_closure_call,
            clippy::unneeded_struct_pattern,
            // One argument per register the chain hands on (see `Handler`).
            clippy::too_many_arguments
        )]
        pub(super) fn $variant<const STEP: bool>(
            $ip: *const Op,
            $regs: *mut u64,
            $cx: &mut Cx<'_>,
            mut $acc: Acc,
            budget: u32,
            mut $gas: u64,
            mut $facc: FAcc,
            mem: Mem,
        ) -> *const Op {
            // SAFETY: `$ip` points at an instruction of the running function (see `dispatch!`).
            let instr = unsafe { *$ip }.instr;
            let Instr::$variant { $($f,)* .. } = instr else {
                // SAFETY: `link` gives this handler to `$variant` instructions only (the lookup
                // is generated from the instruction table).
                unsafe { std::hint::unreachable_unchecked() }
            };
            op!(@words $whole $variant, $ip $(, $f)*);
            // The body sees memory 0 as the chain hands it on (`Running::memory`).
            let mut running = Running { cx: $cx, mem };
            let $cx = &mut running;
            let flow: Result<Flow, TrapCode> = op!(@body $keep, $gas, $acc, $facc, $body);
            let Running { cx: $cx, mem } = running;
            // What falls through to the next instruction: the result handed on, or nothing.
            let ($acc, $facc) = op!(@next $keep, $acc, $facc);
            match flow {
                // SAFETY: an instruction that falls through is not the last one (invariant 4
                // of `translator/verify.rs`).
                Ok(Flow::Next) => dispatch_next!(unsafe { $ip.add(1) }, $regs, $cx, budget, $gas, $acc, $facc, mem),
                // SAFETY: the same, past the instruction's data word (invariants 3 and 4).
                Ok(Flow::Skip) => dispatch_next!(unsafe { $ip.add(2) }, $regs, $cx, budget, $gas, $acc, $facc, mem),
                // A branch hands on what the handler left in the result register: the target
                // reads it only where the branch hands on the slot it stands for (`BrCopy`,
                // invariant 6 of `translator/verify.rs`).
                Ok(Flow::Jump(offset)) => {
                    // SAFETY: branches land inside the function (invariant 2), and linked
                    // offsets count bytes (`Op`).
                    dispatch!(unsafe { $ip.byte_offset(offset as isize) }, $regs, $cx, budget, $gas, $acc, $facc, mem)
                }
                // A branch that paid for the block it enters spends gas, not budget: the
                // chain carries at most `SLICE` and the branch paid at least one unit
                // (invariant 5), so the chain still returns to the trampoline in time.
                // SAFETY: branches land inside the function (invariant 2), and linked offsets
                // count bytes (`Op`).
                Ok(Flow::PaidJump(offset)) => {
                    dispatch_next!(unsafe { $ip.byte_offset(offset as isize) }, $regs, $cx, budget, $gas, $acc, $facc, mem)
                }
                // SAFETY: the target of a paying table's entry, inside the function
                // (invariant 2); paid as for `PaidJump`.
                Ok(Flow::PaidTo(target)) => dispatch_next!(target, $regs, $cx, budget, $gas, $acc, $facc, mem),
                Ok(Flow::Through(entry)) => {
                    // SAFETY: `entry` is a `Br` of the running function (`table_jump`), and
                    // its target is inside the function (invariant 2).
                    let Instr::Br { offset } = (unsafe { *entry }).instr else {
                        // SAFETY: `table_jump` hands on `Br` entries only.
                        unsafe { std::hint::unreachable_unchecked() }
                    };
                    // SAFETY: as just above; linked offsets count bytes (`Op`).
                    dispatch!(unsafe { entry.byte_offset(offset as isize) }, $regs, $cx, budget, $gas, $acc, $facc, mem)
                }
                Ok(Flow::Reload) => {
                    let (ip, regs) = ($cx.ip, $cx.frame_ptr());
                    dispatch!(ip, regs, $cx, budget, $gas, NO_ACC, NO_FACC, Mem::of($cx))
                }
                Ok(Flow::Enter(ip, regs)) => dispatch!(ip, regs, $cx, budget, $gas, NO_ACC, NO_FACC, mem),
                Ok(Flow::Stop) => {
                    $cx.gas = $gas;
                    std::ptr::null()
                }
                Ok(Flow::Cold(cold)) => {
                    $cx.gas = $gas;
                    (cold.run)($cx, cold.at, cold.a, cold.b)
                }
                Err(trap) => {
                    $cx.gas = $gas;
                    $cx.exit = Err(trap);
                    // Diagnostics read where it trapped from the frame: the pc just past the
                    // instruction, as for a frame waiting on a call. Calls record it
                    // themselves (`handlers/call.rs`), so that they need not keep `$ip`.
                    if !matches!(
                        instr,
                        Instr::Call { .. }
                            | Instr::CallIndirect { .. }
                            | Instr::CallIndirectAcc { .. }
                            | Instr::ReturnCall { .. }
                            | Instr::ReturnCallIndirect { .. }
                            | Instr::ReturnCallRef { .. }
                    ) {
                        $cx.save_pc($ip.wrapping_add(1));
                    }
                    std::ptr::null()
                }
            }
        }
    };
    // The operands taken from the instruction's second word where they fill it; a handler
    // marked `whole` reads each on its own, as matched (a word kept whole in a register costs
    // it a saved register, or a field it splits further shifts more than it loads).
    (@words [] $variant:ident, $ip:ident $(, $f:ident)*) => {
        $( let $f = word_operand!($variant, $ip, $f); )*
    };
    (@words [whole] $variant:ident, $ip:ident $(, $f:ident)*) => {};
    // The body, given the result register only when it names it; what it hands on.
    (@body true, $gas:ident, $acc:ident, $facc:ident, $body:block) => {
        (|$gas: &mut u64, $acc: &mut Acc, $facc: &mut FAcc| $body)(&mut $gas, &mut $acc, &mut $facc)
    };
    (@body false, $gas:ident, $acc:ident, $facc:ident, $body:block) => {
        (|$gas: &mut u64| $body)(&mut $gas)
    };
    (@next true, $acc:ident, $facc:ident) => {
        ($acc, $facc)
    };
    (@next false, $acc:ident, $facc:ident) => {
        (NO_ACC, NO_FACC)
    };
}

/// The data word after the instruction at `ip`.
#[inline(always)]
fn data(ip: *const Op) -> (u32, u32, u32) {
    // SAFETY: an instruction that reads a data word has one right after it (invariant 3 of
    // `translator/verify.rs`).
    match unsafe { (*ip.add(1)).instr } {
        Instr::Data { a, b, c } => (a, b, c),
        // SAFETY: the instruction after one that reads a data word is a `Data` (invariant 3
        // of `translator/verify.rs`).
        _ => unsafe { std::hint::unreachable_unchecked() },
    }
}

/// Pays a dynamic gas cost computed from the price list, when metering is on; stops the
/// handler when the store's gas does not cover it.
macro_rules! charge_dynamic {
    ($cx:expr, $gas:expr, $ip:expr, |$c:ident| $cost:expr) => {
        if let Some($c) = $cx.limits.gas {
            if let Some(flow) = $cx.charge($gas, $ip, $cost) {
                return Ok(flow);
            }
        }
    };
}

// ----- values as slots hold them ----------------------------------------------------------------

/// A Wasm value as a slot holds it (see `engine/ir.rs`).
trait SlotValue: Sized {
    fn read(slot: u64) -> Self;
    fn write(self) -> u64;
}

macro_rules! slot_value {
    ($($t:ty: |$s:ident| $read:expr, |$v:ident| $write:expr;)*) => {$(
        impl SlotValue for $t {
            #[inline(always)]
            fn read($s: u64) -> Self {
                $read
            }
            #[inline(always)]
            fn write(self) -> u64 {
                let $v = self;
                $write
            }
        }
    )*};
}

slot_value! {
    u32: |s| s as u32, |v| u64::from(v);
    i32: |s| s as u32 as i32, |v| u64::from(v as u32);
    u64: |s| s, |v| v;
    i64: |s| s as i64, |v| v as u64;
    f32: |s| f32::from_bits(s as u32), |v| u64::from(v.to_bits());
    f64: |s| f64::from_bits(s), |v| v.to_bits();
    bool: |s| s != 0, |v| u64::from(v);
}

/// A result handed on in the result register (see [`Handler`]): an integer's slot bits in
/// `acc`, an f64 in `facc`; an f32 is not handed on. The other register is left
/// uninitialised, free for the next handler's own use.
trait HandOn: SlotValue {
    fn hand_on(self, acc: &mut Acc, facc: &mut FAcc);
    /// The operand a reader reads from the register, as the slot it stands for would give it.
    ///
    /// # Safety
    /// The register of `Self`'s kind holds a result handed on (invariant 6 of
    /// `translator/verify.rs`).
    unsafe fn from_acc(acc: Acc, facc: FAcc) -> Self;
}

macro_rules! hand_on_int {
    ($($t:ty),*) => {$(
        impl HandOn for $t {
            #[inline(always)]
            fn hand_on(self, acc: &mut Acc, facc: &mut FAcc) {
                *acc = Acc::new(self.write());
                *facc = NO_FACC;
            }
            #[inline(always)]
            unsafe fn from_acc(acc: Acc, _: FAcc) -> Self {
                // SAFETY: by the contract.
                Self::read(unsafe { acc.assume_init() })
            }
        }
    )*};
}

hand_on_int!(u32, i32, u64, i64, bool);

impl HandOn for f64 {
    #[inline(always)]
    fn hand_on(self, acc: &mut Acc, facc: &mut FAcc) {
        *acc = NO_ACC;
        *facc = FAcc::new(self);
    }
    #[inline(always)]
    unsafe fn from_acc(_: Acc, facc: FAcc) -> Self {
        // SAFETY: by the contract.
        unsafe { facc.assume_init() }
    }
}

// An f32 travels in the integer register, as its bits: as a load hands it on, and as the
// handler has it already to write the slot.
impl HandOn for f32 {
    #[inline(always)]
    fn hand_on(self, acc: &mut Acc, facc: &mut FAcc) {
        *acc = Acc::new(self.write());
        *facc = NO_FACC;
    }
    #[inline(always)]
    unsafe fn from_acc(acc: Acc, _: FAcc) -> Self {
        // SAFETY: by the contract.
        Self::read(unsafe { acc.assume_init() })
    }
}

/// Writes `$v` (a [`HandOn`] value) to slot `$dst` and hands it on in the result register.
macro_rules! put {
    ($regs:expr, $dst:expr, $v:expr, $acc:expr, $facc:expr) => {{
        let v = $v;
        set!($regs, $dst, SlotValue::write(v));
        HandOn::hand_on(v, $acc, $facc);
    }};
}

/// The operand a reader of the result register reads instead of slot `$slot`, as a `$t`.
/// Builds with debug assertions check that the register holds what the slot holds (the
/// rule of `translator/result_register.rs`, which the verifier checks).
macro_rules! from_acc {
    ($t:ty, $regs:expr, $slot:expr, $acc:expr, $facc:expr) => {{
        // SAFETY: the instruction before this reader handed on the value of `$slot` in the
        // register of its kind, and nothing ran in between (invariant 6 of
        // `translator/verify.rs`), or the chain started here and reloaded the register from
        // the slot (`resume_acc`).
        let v = unsafe { <$t as HandOn>::from_acc(*$acc, *$facc) };
        debug_assert_eq!(
            SlotValue::write(v),
            SlotValue::write(<$t as SlotValue>::read(r!($regs, $slot))),
            "a reader of the result register after an instruction that did not hand on its slot"
        );
        v
    }};
}

/// An integer type built from the 32-bit immediate of an `...Imm` instruction.
trait FromImm {
    fn from_imm(imm: i32) -> Self;
}

macro_rules! from_imm {
    ($($t:ty: |$i:ident| $e:expr;)*) => {$(
        impl FromImm for $t {
            #[inline(always)]
            fn from_imm($i: i32) -> Self {
                $e
            }
        }
    )*};
}

from_imm! {
    i32: |i| i;
    u32: |i| i as u32;
    i64: |i| i64::from(i);
    u64: |i| i as i64 as u64;
}

/// Applies `f` to operands of type `T` (gives closures their parameter types).
#[inline(always)]
fn apply1<T, R>(f: impl FnOnce(T) -> R, a: T) -> R {
    f(a)
}

/// Applies `f` to operands of type `T` (gives closures their parameter types).
#[inline(always)]
fn apply2<T, R>(f: impl FnOnce(T, T) -> R, a: T, b: T) -> R {
    f(a, b)
}

// ----- one-line handlers ------------------------------------------------------------------------

/// `dst = f(src)`, the operand read as a `$t`; with `?`, `f` may trap.
macro_rules! unary {
    ($($variant:ident($t:ty) = $f:expr $(, $trap:tt)?;)*) => {$(
        op!($variant { dst, src }, |ip, regs, cx, gas, acc, facc| {
            let v = apply1::<$t, _>($f, SlotValue::read(r!(regs, src)))$($trap)?;
            put!(regs, dst, v, acc, facc);
            Ok(Flow::Next)
        });
    )*};
}

/// `dst = f(lhs, rhs)`, the operands read as `$t`; with `?`, `f` may trap.
macro_rules! binary {
    ($($variant:ident($t:ty) = $f:expr $(, $trap:tt)?;)*) => {$(
        op!($variant { dst, lhs, rhs }, |ip, regs, cx, gas, acc, facc| {
            let (a, b) = (r!(regs, lhs), r!(regs, rhs));
            let v = apply2::<$t, _>($f, SlotValue::read(a), SlotValue::read(b))$($trap)?;
            put!(regs, dst, v, acc, facc);
            Ok(Flow::Next)
        });
    )*};
}

/// `dst = f(lhs, imm)`, the operands as `$t`; with `?`, `f` may trap.
macro_rules! binary_imm {
    ($($variant:ident($t:ty) = $f:expr $(, $trap:tt)?;)*) => {$(
        op!($variant { dst, lhs, imm }, |ip, regs, cx, gas, acc, facc| {
            let a = <$t as SlotValue>::read(r!(regs, lhs));
            let v = apply2::<$t, _>($f, a, <$t as FromImm>::from_imm(imm))$($trap)?;
            put!(regs, dst, v, acc, facc);
            Ok(Flow::Next)
        });
    )*};
}

/// Integer operators with a slot and an immediate form: `I32Sub, I32SubImm(u32) = f;`.
macro_rules! int_binary {
    ($($variant:ident, $imm:ident($t:ty) = $f:expr $(, $trap:tt)?;)*) => {$(
        binary! { $variant($t) = $f $(, $trap)?; }
        binary_imm! { $imm($t) = $f $(, $trap)?; }
    )*};
}

/// [`binary!`] and [`binary_imm!`] forms reading `lhs` from the result register
/// (`translator/result_register.rs`): `I32AddAcc, I32AddImmAcc(u32) = f;`.
macro_rules! reader_int_binary {
    ($($variant:ident, $imm:ident($t:ty) = $f:expr;)*) => {
        reader_binary! { $($variant($t) = $f;)* }
        $(
            op!($imm { dst, lhs, imm }, |ip, regs, cx, gas, acc, facc| {
                let a = from_acc!($t, regs, lhs, acc, facc);
                let v = apply2::<$t, _>($f, a, <$t as FromImm>::from_imm(imm));
                put!(regs, dst, v, acc, facc);
                Ok(Flow::Next)
            });
        )*
    };
}

/// [`binary!`] reading `lhs` from the result register.
macro_rules! reader_binary {
    ($($variant:ident($t:ty) = $f:expr;)*) => {$(
        op!($variant { dst, lhs, rhs }, |ip, regs, cx, gas, acc, facc| {
            let a = from_acc!($t, regs, lhs, acc, facc);
            let v = apply2::<$t, _>($f, a, <$t as SlotValue>::read(r!(regs, rhs)));
            put!(regs, dst, v, acc, facc);
            Ok(Flow::Next)
        });
    )*};
}

/// [`binary!`] reading `rhs` from the result register.
macro_rules! reader_binary_rhs {
    ($($variant:ident($t:ty) = $f:expr;)*) => {$(
        op!($variant { dst, lhs, rhs }, |ip, regs, cx, gas, acc, facc| {
            let b = from_acc!($t, regs, rhs, acc, facc);
            let v = apply2::<$t, _>($f, <$t as SlotValue>::read(r!(regs, lhs)), b);
            put!(regs, dst, v, acc, facc);
            Ok(Flow::Next)
        });
    )*};
}

/// Branches by `offset` (in bytes: see `Op`) when `cond` holds.
macro_rules! branch_if {
    ($cond:expr, $offset:expr) => {
        Ok(if $cond {
            Flow::Jump($offset)
        } else {
            Flow::Next
        })
    };
}

/// Integer comparisons in their four forms: the result into a slot or a branch, each with the
/// right operand in a slot or an immediate. A row compiles only for a comparison listed in
/// the table of fused comparisons (`isa::for_each_compare!`), which the translator's
/// fusion is generated from.
macro_rules! compare {
    ($($variant:ident, $imm:ident, $br:ident, $br_imm:ident($t:ty) = $f:expr;)*) => {$(
        const _: () = crate::engine::ir::fusable::$variant;
        binary! { $variant($t) = $f; }
        binary_imm! { $imm($t) = $f; }
        compare_branch! { $br, $br_imm($t) = $f; }
    )*};
}

/// The compare-and-branch forms of [`compare!`] alone: a branch by `offset` when
/// `$f(lhs, rhs)` holds, the right operand in a slot or the immediate, both read as `$t`.
/// The bit tests (`lhs & rhs` tested for zero) have these forms and no others.
macro_rules! compare_branch {
    ($($br:ident, $br_imm:ident($t:ty) = $f:expr;)*) => {$(
        op!($br { lhs, rhs, offset }, |ip, regs, cx| {
            let (a, b) = (r!(regs, lhs), r!(regs, rhs));
            branch_if!(apply2::<$t, _>($f, SlotValue::read(a), SlotValue::read(b)), offset)
        });
        op!($br_imm { lhs, imm, offset }, |ip, regs, cx| {
            let a = <$t as SlotValue>::read(r!(regs, lhs));
            branch_if!(apply2::<$t, _>($f, a, <$t as FromImm>::from_imm(imm)), offset)
        });
    )*};
}

/// Whether `f(a & mask, k)` holds: a masked comparison's test.
#[inline(always)]
fn masked(a: u32, mask: i32, k: i16, f: impl Fn(u32, u32) -> bool) -> bool {
    f(a & mask as u32, k as i32 as u32)
}

/// Masked comparisons fused with a branch: by `offset` when `f(lhs & imm, imm2)` holds
/// ([`masked`]).
macro_rules! masked_branch {
    ($($br:ident = $f:expr;)*) => {$(
        op!($br { lhs, imm, imm2, offset }, |ip, regs, cx| {
            branch_if!(masked(u32_!(regs, lhs), imm, imm2, $f), offset)
        });
    )*};
}

/// The masked comparisons of [`masked_branch!`] reading `lhs` from the result register.
macro_rules! reader_masked {
    ($($br:ident = $f:expr;)*) => {$(
        op!($br { lhs, imm, imm2, offset }, |ip, regs, cx, gas, acc, facc| {
            let a = from_acc!(u32, regs, lhs, acc, facc);
            (*acc, *facc) = (NO_ACC, NO_FACC);
            branch_if!(masked(a, imm, imm2, $f), offset)
        });
    )*};
}

/// A masked field compared with another value, fused with the branch on it: by `offset`
/// when `f(lhs & imm, rhs)` holds (`imm` zero-extended); the `Acc` form reads `lhs`, the `AccRhs` form `rhs` from
/// the result register.
macro_rules! masked_compare_branch {
    ($($br:ident, $acc:ident, $acc_rhs:ident = $f:expr;)*) => {$(
        op!($br { lhs, rhs, imm, offset }, |ip, regs, cx| {
            branch_if!($f(u32_!(regs, lhs) & u32::from(imm), u32_!(regs, rhs)), offset)
        });
        op!($acc { lhs, rhs, imm, offset }, |ip, regs, cx, gas, acc, facc| {
            let a = from_acc!(u32, regs, lhs, acc, facc);
            (*acc, *facc) = (NO_ACC, NO_FACC);
            branch_if!($f(a & u32::from(imm), u32_!(regs, rhs)), offset)
        });
        op!($acc_rhs { lhs, rhs, imm, offset }, |ip, regs, cx, gas, acc, facc| {
            let b = from_acc!(u32, regs, rhs, acc, facc);
            (*acc, *facc) = (NO_ACC, NO_FACC);
            branch_if!($f(u32_!(regs, lhs) & u32::from(imm), b), offset)
        });
    )*};
}

/// An operand read from slot `$slot` (`slot`) or, for a reader of the result register, from
/// the integer register (`acc`), as a slot holds it.
macro_rules! operand {
    (slot, $regs:expr, $slot:expr, $acc:expr, $facc:expr) => {
        r!($regs, $slot)
    };
    (acc, $regs:expr, $slot:expr, $acc:expr, $facc:expr) => {
        from_acc!(u64, $regs, $slot, $acc, $facc)
    };
}

/// The compare-and-branch forms of [`compare!`] reading `lhs` from the result register.
macro_rules! reader_compare {
    ($($br:ident, $br_imm:ident($t:ty) = $f:expr;)*) => {$(
        op!($br { lhs, rhs, offset }, |ip, regs, cx, gas, acc, facc| {
            let a = from_acc!($t, regs, lhs, acc, facc);
            (*acc, *facc) = (NO_ACC, NO_FACC);
            branch_if!(apply2::<$t, _>($f, a, SlotValue::read(r!(regs, rhs))), offset)
        });
        op!($br_imm { lhs, imm, offset }, |ip, regs, cx, gas, acc, facc| {
            let a = from_acc!($t, regs, lhs, acc, facc);
            (*acc, *facc) = (NO_ACC, NO_FACC);
            branch_if!(apply2::<$t, _>($f, a, <$t as FromImm>::from_imm(imm)), offset)
        });
    )*};
}

/// An i32 counter's step: the low 32 bits of `value` plus `step`, wrapping, as a slot value.
#[inline(always)]
fn step_i32(value: u64, step: i16) -> u64 {
    u64::from((value as u32).wrapping_add(step as i32 as u32))
}

/// An i64 counter's step: `value` plus `step` sign-extended, wrapping.
#[inline(always)]
fn step_i64(value: u64, step: i16) -> u64 {
    value.wrapping_add(step as i64 as u64)
}

/// An i32 counter's step by a slot: `value` plus `step`, both i32, wrapping.
#[inline(always)]
fn step_reg_i32(value: u64, step: u64) -> u64 {
    u64::from((value as u32).wrapping_add(step as u32))
}

/// An i64 counter's step by a slot: `value` plus `step`, wrapping.
#[inline(always)]
fn step_reg_i64(value: u64, step: u64) -> u64 {
    value.wrapping_add(step)
}

/// A counter step fused with the compare-and-branch testing it (`translator/step.rs`):
/// `reg = $step(reg, step)` ([`step_i32`] or [`step_i64`]), then a branch by `offset` when
/// `f(reg, rhs)` holds, the operands read as `$t`, the right one from a slot (read before
/// `reg` is written: the two differ) or the immediate.
///
/// Each invocation also makes `$loops`, whether an instruction is one of its branches back
/// to itself (a counting loop of one instruction), and `$rounds`, the rounds of such a loop
/// ([`self_loop`](self_loop::self_loop)), which the handler linked to them takes first.
macro_rules! step_compare {
    ($step:ident, $loops:ident, $rounds:ident; $($br:ident, $br_imm:ident($t:ty) = $f:expr;)*) => {
        $(
            op!($br { reg, rhs, step, offset }, |ip, regs, cx| {
                let b = <$t as SlotValue>::read(r!(regs, rhs));
                let v = $step(r!(regs, reg), step);
                set!(regs, reg, v);
                branch_if!(apply2::<$t, _>($f, SlotValue::read(v), b), offset)
            });
            op!($br_imm { reg, step, imm, offset }, |ip, regs, cx| {
                let v = $step(r!(regs, reg), step);
                set!(regs, reg, v);
                let b = <$t as FromImm>::from_imm(imm);
                branch_if!(apply2::<$t, _>($f, SlotValue::read(v), b), offset)
            });
        )*

        /// Whether `instr` is one of these stepped branches back to itself.
        pub(super) fn $loops(instr: &Instr) -> bool {
            matches!(instr, $(Instr::$br { offset: 0, .. } | Instr::$br_imm { offset: 0, .. })|*)
        }

        /// The rounds of the stepped branch back to itself at `at`, if it is one of these.
        #[inline(never)]
        pub(super) fn $rounds(cx: &mut Cx<'_>, at: *const Op) -> Option<*const Op> {
            Some(match self_loop::at_instr(at) {
                $(
                    Instr::$br { reg, rhs, step, offset: 0 } => {
                        let b = <$t as SlotValue>::read(r!(cx.frame_ptr(), rhs));
                        self_loop::self_loop(cx, at, 1, reg, 0, |v| {
                            let v = $step(v, step);
                            (v, apply2::<$t, _>($f, SlotValue::read(v), b))
                        })
                    }
                    Instr::$br_imm { reg, step, imm, offset: 0 } => {
                        let b = <$t as FromImm>::from_imm(imm);
                        self_loop::self_loop(cx, at, 1, reg, 0, |v| {
                            let v = $step(v, step);
                            (v, apply2::<$t, _>($f, SlotValue::read(v), b))
                        })
                    }
                )*
                _ => return None,
            })
        }
    };
}

/// A counter stepped by a slot, fused with the compare-and-branch testing it
/// (`translator/step.rs`): `reg = $step(reg, step)` ([`step_reg_i32`] or [`step_reg_i64`],
/// `step` the slot in the data word), then a branch by `offset` when `f(reg, rhs)` holds, the
/// operands read as `$t` (`rhs` and `step` read before `reg` is written; `rhs` is never
/// `reg`); not taken, on past the data word. `$loops` and `$rounds` as for
/// [`step_compare!`] ([`slot_self_loop!`]).
macro_rules! step_reg_compare {
    ($step:ident, $loops:ident, $rounds:ident; $($br:ident($t:ty) = $f:expr;)*) => {
        $(
            op!($br { reg, rhs, offset }, |ip, regs, cx| {
                let (v, b) = slot_step!($step, $t, ip, regs, reg, rhs);
                Ok(if apply2::<$t, _>($f, v, b) {
                    Flow::Jump(offset)
                } else {
                    Flow::Skip
                })
            });
        )*

        /// Whether `instr` is one of these stepped branches back to itself.
        pub(super) fn $loops(instr: &Instr) -> bool {
            matches!(instr, $(Instr::$br { offset: 0, .. })|*)
        }

        /// The rounds of the stepped branch back to itself at `at`, if it is one of these.
        #[inline(never)]
        pub(super) fn $rounds(cx: &mut Cx<'_>, at: *const Op) -> Option<*const Op> {
            Some(match self_loop::at_instr(at) {
                $(Instr::$br { offset: 0, .. } => slot_self_loop!($br, $step, $t, $f, cx, at, 0),)*
                _ => return None,
            })
        }
    };
}

/// [`self_loop`](self_loop::self_loop) for the counter stepped by a slot `StepRegBr..` (or
/// its paying form `$br`) at `$at`, each round paying `$cost`. A step that is the counter
/// itself (which would change every round) takes no rounds here: the branch's own handler
/// takes them one at a time.
macro_rules! slot_self_loop {
    ($br:ident, $step:ident, $t:ty, $f:expr, $cx:expr, $at:expr, $cost:expr) => {{
        let Instr::$br { reg, rhs, .. } = self_loop::at_instr($at) else {
            // SAFETY: the caller matched `$at`'s instruction as a `$br`.
            unsafe { std::hint::unreachable_unchecked() }
        };
        let (step, _, _) = data($at);
        if step == reg {
            $at
        } else {
            let regs = $cx.frame_ptr();
            let (by, b) = (r!(regs, step), <$t as SlotValue>::read(r!(regs, rhs)));
            self_loop::self_loop($cx, $at, 2, reg, $cost, |v| {
                let v = $step(v, by);
                (v, apply2::<$t, _>($f, SlotValue::read(v), b))
            })
        }
    }};
}

/// The step of a counter stepped by a slot, `StepRegBr..` at `$ip` and its paying forms:
/// `reg = $step(reg, step)`, `step` the slot in the data word; gives the new value and the
/// right operand `rhs`, both as `$t` (`rhs` and `step` read before `reg` is written).
macro_rules! slot_step {
    ($step:ident, $t:ty, $ip:expr, $regs:expr, $reg:expr, $rhs:expr) => {{
        let (step, _, _) = data($ip);
        let b = <$t as SlotValue>::read(r!($regs, $rhs));
        let v = $step(r!($regs, $reg), r!($regs, step));
        set!($regs, $reg, v);
        (<$t as SlotValue>::read(v), b)
    }};
}

mod branch;
mod call;
mod control;
mod convert;
mod float;
mod int;
mod lookup;
mod memory;
mod memory64;
mod pair;
mod pay;
mod result_register;
mod self_loop;
#[macro_use]
mod simd_values;
mod simd_float;
mod simd_int;
mod simd_memory;
mod simd_relaxed;
mod simd_shuffle;
mod table;
mod values;

use branch::*;
use call::*;
use control::*;
use convert::*;
use float::*;
use int::*;
use memory::*;
use memory64::*;
use pair::*;
use pay::*;
use simd_float::*;
use simd_int::*;
use simd_memory::*;
use simd_relaxed::*;
use simd_values::*;
use table::*;
use values::*;

pub(crate) use lookup::{handler_for, step_handler_for};
pub(super) use result_register::resume_acc;
pub(crate) use self_loop::handler_for_link;
