//! The interpreter: runs IR on a heap-allocated stack of frames and value slots.
//!
//! Wasm-to-Wasm calls push a [`Frame`] and never recurse on the native stack. The whole state
//! of a running call is the [`Stack`] (plain data) plus the store. Host functions are not
//! called from here: [`execute`] returns [`Exit::HostCall`] and the (generic) caller runs the
//! host function, then resumes execution.

mod bulk;
mod regs;

use super::costs::GasCosts;
use super::ir::Instr;
use super::numeric as num;
use crate::error::TrapCode;
use crate::store::{FuncEntity, StoreInner};

/// One activation of a Wasm function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Frame {
    /// Store address of the function.
    pub(crate) func: u32,
    /// Index of the next instruction to run (for frames below the top: after the call).
    pub(crate) pc: u32,
    /// Index of the frame's first slot in `Stack::values`.
    pub(crate) base: u32,
}

/// The execution state of a call: value slots and frames.
#[derive(Debug, Clone, Default)]
pub(crate) struct Stack {
    pub(crate) values: Vec<u64>,
    pub(crate) frames: Vec<Frame>,
}

/// Limits of one call's stack, from the engine's configuration.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    pub(crate) max_frames: usize,
    pub(crate) max_slots: usize,
    /// Gas prices, when metering is on.
    pub(crate) gas: Option<GasCosts>,
}

/// Why [`execute`] returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Exit {
    /// The outermost frame returned; its results are at `values[0..]`.
    Done,
    /// A host function must be called with the arguments at `values[base..]`; its results go
    /// to the same place. With `tail`, the top frame then returns those results.
    HostCall { func: u32, base: usize, tail: bool },
    /// The store's gas does not cover the next step, which needs `needed` more; the top
    /// frame's `pc` points at the instruction to run again on resumption.
    OutOfGas { needed: u64 },
}

impl Stack {
    /// Pushes a frame for the Wasm function `func` whose parameters are already at `base`,
    /// zeroing its other locals.
    pub(crate) fn push_frame(
        &mut self,
        store: &StoreInner,
        func: u32,
        base: usize,
        limits: Limits,
    ) -> Result<(), TrapCode> {
        let FuncEntity::Wasm { body, .. } = &store.funcs[func as usize] else {
            unreachable!("push_frame is only called for Wasm functions");
        };
        self.enter(func, body, base, limits)
    }

    #[inline(always)]
    fn enter(
        &mut self,
        func: u32,
        body: &super::translator::CompiledFunc,
        base: usize,
        limits: Limits,
    ) -> Result<(), TrapCode> {
        if self.frames.len() >= limits.max_frames {
            return Err(TrapCode::StackOverflow);
        }
        let end = base + body.frame_size as usize;
        if end > limits.max_slots {
            return Err(TrapCode::StackOverflow);
        }
        if self.values.len() < end {
            self.values.resize(end.max(self.values.len() * 2), 0);
        }
        let locals = base + body.num_params as usize..base + body.num_locals as usize;
        self.values[locals].fill(0);
        self.frames.push(Frame {
            func,
            pc: 0,
            base: base as u32,
        });
        Ok(())
    }
}

/// The memory-0 bytes of instance `inst`, or an empty slice.
macro_rules! memory0 {
    ($s:expr, $inst:expr) => {
        match $s.instances[$inst as usize].memories.first() {
            Some(&addr) => &mut $s.memories[addr as usize].bytes[..],
            None => &mut [][..],
        }
    };
}

/// Runs the top frame of `stack` until the outermost frame returns, a host function must be
/// called, or a trap.
#[allow(clippy::cognitive_complexity)]
pub(crate) fn execute(
    s: &mut StoreInner,
    stack: &mut Stack,
    limits: Limits,
) -> Result<Exit, TrapCode> {
    let Some(&top) = stack.frames.last() else {
        return Ok(Exit::Done);
    };
    let mut pc = top.pc as usize;
    let mut base = top.base as usize;
    let (mut code, mut inst, frame_size) = match &s.funcs[top.func as usize] {
        FuncEntity::Wasm { body, instance, .. } => (&body.code[..], *instance, body.frame_size),
        FuncEntity::Host { .. } => unreachable!("host functions have no frames"),
    };
    let mut mem: &mut [u8] = memory0!(s, inst);
    let mut regs: *mut u64 = regs::frame_ptr(&mut stack.values, base, frame_size as usize);

    // SAFETY (both macros): `regs` is the running frame's pointer and every slot named by
    // the running code was verified to lie in the frame; see `regs.rs`.
    macro_rules! r {
        ($reg:expr) => {
            unsafe { regs::read(regs, $reg) }
        };
    }
    macro_rules! set {
        ($reg:expr, $v:expr) => {{
            let v: u64 = $v;
            unsafe { regs::write(regs, $reg, v) }
        }};
    }
    macro_rules! i32_ {
        ($reg:expr) => {
            (r!($reg) as u32 as i32)
        };
    }
    macro_rules! u32_ {
        ($reg:expr) => {
            (r!($reg) as u32)
        };
    }
    macro_rules! f32_ {
        ($reg:expr) => {
            f32::from_bits(r!($reg) as u32)
        };
    }
    macro_rules! f64_ {
        ($reg:expr) => {
            f64::from_bits(r!($reg))
        };
    }
    macro_rules! w32 {
        ($v:expr) => {
            u64::from($v as u32)
        };
    }
    macro_rules! wf32 {
        ($v:expr) => {
            u64::from(($v as f32).to_bits())
        };
    }
    macro_rules! wf64 {
        ($v:expr) => {
            ($v as f64).to_bits()
        };
    }
    macro_rules! b {
        ($v:expr) => {
            u64::from($v)
        };
    }
    /// Jumps by `offset` when `cond` holds, else steps on.
    macro_rules! br_if {
        ($cond:expr, $offset:expr) => {{
            if $cond {
                pc = (pc as isize + $offset as isize) as usize;
            } else {
                pc += 1;
            }
            continue;
        }};
    }
    /// Switches to the frame now on top of the stack, or finishes.
    macro_rules! resume_top {
        () => {{
            let Some(&f) = stack.frames.last() else {
                return Ok(Exit::Done);
            };
            pc = f.pc as usize;
            base = f.base as usize;
            if let FuncEntity::Wasm { body, instance, .. } = &s.funcs[f.func as usize] {
                code = &body.code[..];
                regs = regs::frame_ptr(&mut stack.values, base, body.frame_size as usize);
                if *instance != inst {
                    inst = *instance;
                    mem = memory0!(s, inst);
                }
            }
            continue;
        }};
    }
    /// Calls store function `callee` with arguments at frame slot `args`.
    macro_rules! call {
        ($callee:expr, $args:expr) => {{
            let callee: u32 = $callee;
            let new_base = base + $args as usize;
            if let Some(f) = stack.frames.last_mut() {
                f.pc = (pc + 1) as u32;
            }
            match &s.funcs[callee as usize] {
                FuncEntity::Wasm { body, .. } => {
                    stack.enter(callee, body, new_base, limits)?;
                    resume_top!();
                }
                FuncEntity::Host { .. } => {
                    return Ok(Exit::HostCall {
                        func: callee,
                        base: new_base,
                        tail: false,
                    });
                }
            }
        }};
    }
    /// Replaces the top frame by a call to `callee` with arguments at frame slot `args`.
    macro_rules! tail_call {
        ($callee:expr, $args:expr) => {{
            let callee: u32 = $callee;
            let (num_params, wasm) = match &s.funcs[callee as usize] {
                FuncEntity::Wasm { body, .. } => (body.num_params as usize, true),
                FuncEntity::Host { type_id, .. } => {
                    (s.engine.resolve_type(*type_id).params().len(), false)
                }
            };
            let from = base + $args as usize;
            stack.values.copy_within(from..from + num_params, base);
            if !wasm {
                if let Some(f) = stack.frames.last_mut() {
                    f.pc = pc as u32;
                }
                return Ok(Exit::HostCall {
                    func: callee,
                    base,
                    tail: true,
                });
            }
            stack.frames.pop();
            let FuncEntity::Wasm { body, .. } = &s.funcs[callee as usize] else {
                unreachable!()
            };
            stack.enter(callee, body, base, limits)?;
            resume_top!();
        }};
    }
    /// Resolves the `call_indirect` target: table entry `index` of type `ty`.
    macro_rules! indirect_target {
        ($ty:expr, $index:expr) => {{
            let Instr::Data { a: table, .. } = code[pc + 1] else {
                unreachable!("call_indirect is followed by its data word")
            };
            let taddr = s.instances[inst as usize].tables[table as usize];
            let entry = *s.tables[taddr as usize]
                .elems
                .get(u32_!($index) as usize)
                .ok_or(TrapCode::UndefinedElement)?;
            let callee = entry.checked_sub(1).ok_or(TrapCode::UninitializedElement)? as u32;
            // Table entries come from validated code or from a checked snapshot; a reference
            // to no function is still refused rather than trusted.
            let entity = s
                .funcs
                .get(callee as usize)
                .ok_or(TrapCode::UninitializedElement)?;
            if entity.type_id() != $ty {
                return Err(TrapCode::IndirectCallTypeMismatch);
            }
            callee
        }};
    }
    macro_rules! data_word {
        () => {{
            let Instr::Data { a, b, c } = code[pc + 1] else {
                unreachable!("instruction is followed by its data word")
            };
            (a, b, c)
        }};
    }
    /// Pays `cost` gas, or pauses before the current instruction.
    macro_rules! charge {
        ($cost:expr) => {{
            let cost: u64 = $cost;
            if s.gas < cost {
                if let Some(f) = stack.frames.last_mut() {
                    f.pc = pc as u32;
                }
                return Ok(Exit::OutOfGas {
                    needed: cost - s.gas,
                });
            }
            s.gas -= cost;
        }};
    }
    /// Pays a dynamic cost computed from the gas price list, when metering is on.
    macro_rules! charge_dynamic {
        (|$c:ident| $cost:expr) => {{
            if let Some($c) = &limits.gas {
                charge!($cost);
            }
        }};
    }
    macro_rules! do_return {
        () => {{
            stack.frames.pop();
            resume_top!();
        }};
    }

    loop {
        use Instr::*;
        // SAFETY: `pc` stays on the verified code of the running function; see `regs.rs`.
        match unsafe { regs::fetch(code, pc) } {
            Data { .. } => unreachable!("data words are skipped"),
            Unreachable => return Err(TrapCode::Unreachable),
            ConsumeGas { lo, hi } => charge!(u64::from(lo) | (u64::from(hi) << 32)),
            Br { offset } => br_if!(true, offset),
            BrIfEqz { cond, offset } => br_if!(u32_!(cond) == 0, offset),
            BrIfNez { cond, offset } => br_if!(u32_!(cond) != 0, offset),
            BrI64IfEqz { cond, offset } => br_if!(r!(cond) == 0, offset),
            BrI64IfNez { cond, offset } => br_if!(r!(cond) != 0, offset),
            BrTable { index, len } => {
                pc += 1 + (u32_!(index).min(len) as usize);
                continue;
            }
            Return0 => do_return!(),
            Return1 { src } => {
                set!(0, r!(src));
                do_return!()
            }
            ReturnN { src, count } => {
                // SAFETY: `src..src + count` was verified to lie in the frame.
                unsafe { regs::copy_to_base(regs, src, count) };
                do_return!()
            }
            Call { func, args } => {
                let callee = s.instances[inst as usize].funcs[func as usize];
                call!(callee, args)
            }
            CallIndirect { ty, args, index } => {
                let callee = indirect_target!(ty, index);
                pc += 1;
                call!(callee, args)
            }
            ReturnCall { func, args } => {
                let callee = s.instances[inst as usize].funcs[func as usize];
                tail_call!(callee, args)
            }
            ReturnCallIndirect { ty, args, index } => {
                let callee = indirect_target!(ty, index);
                tail_call!(callee, args)
            }

            BrI32Eq { lhs, rhs, offset } => br_if!(i32_!(lhs) == i32_!(rhs), offset),
            BrI32Ne { lhs, rhs, offset } => br_if!(i32_!(lhs) != i32_!(rhs), offset),
            BrI32LtS { lhs, rhs, offset } => br_if!(i32_!(lhs) < i32_!(rhs), offset),
            BrI32LtU { lhs, rhs, offset } => br_if!(u32_!(lhs) < u32_!(rhs), offset),
            BrI32GtS { lhs, rhs, offset } => br_if!(i32_!(lhs) > i32_!(rhs), offset),
            BrI32GtU { lhs, rhs, offset } => br_if!(u32_!(lhs) > u32_!(rhs), offset),
            BrI32LeS { lhs, rhs, offset } => br_if!(i32_!(lhs) <= i32_!(rhs), offset),
            BrI32LeU { lhs, rhs, offset } => br_if!(u32_!(lhs) <= u32_!(rhs), offset),
            BrI32GeS { lhs, rhs, offset } => br_if!(i32_!(lhs) >= i32_!(rhs), offset),
            BrI32GeU { lhs, rhs, offset } => br_if!(u32_!(lhs) >= u32_!(rhs), offset),
            BrI32EqImm { lhs, imm, offset } => br_if!(i32_!(lhs) == imm, offset),
            BrI32NeImm { lhs, imm, offset } => br_if!(i32_!(lhs) != imm, offset),
            BrI32LtSImm { lhs, imm, offset } => br_if!(i32_!(lhs) < imm, offset),
            BrI32LtUImm { lhs, imm, offset } => br_if!(u32_!(lhs) < imm as u32, offset),
            BrI32GtSImm { lhs, imm, offset } => br_if!(i32_!(lhs) > imm, offset),
            BrI32GtUImm { lhs, imm, offset } => br_if!(u32_!(lhs) > imm as u32, offset),
            BrI32LeSImm { lhs, imm, offset } => br_if!(i32_!(lhs) <= imm, offset),
            BrI32LeUImm { lhs, imm, offset } => br_if!(u32_!(lhs) <= imm as u32, offset),
            BrI32GeSImm { lhs, imm, offset } => br_if!(i32_!(lhs) >= imm, offset),
            BrI32GeUImm { lhs, imm, offset } => br_if!(u32_!(lhs) >= imm as u32, offset),
            BrI64Eq { lhs, rhs, offset } => br_if!(r!(lhs) == r!(rhs), offset),
            BrI64Ne { lhs, rhs, offset } => br_if!(r!(lhs) != r!(rhs), offset),
            BrI64LtS { lhs, rhs, offset } => br_if!((r!(lhs) as i64) < r!(rhs) as i64, offset),
            BrI64LtU { lhs, rhs, offset } => br_if!(r!(lhs) < r!(rhs), offset),
            BrI64GtS { lhs, rhs, offset } => br_if!(r!(lhs) as i64 > r!(rhs) as i64, offset),
            BrI64GtU { lhs, rhs, offset } => br_if!(r!(lhs) > r!(rhs), offset),
            BrI64LeS { lhs, rhs, offset } => br_if!(r!(lhs) as i64 <= r!(rhs) as i64, offset),
            BrI64LeU { lhs, rhs, offset } => br_if!(r!(lhs) <= r!(rhs), offset),
            BrI64GeS { lhs, rhs, offset } => br_if!(r!(lhs) as i64 >= r!(rhs) as i64, offset),
            BrI64GeU { lhs, rhs, offset } => br_if!(r!(lhs) >= r!(rhs), offset),
            BrI64EqImm { lhs, imm, offset } => br_if!(r!(lhs) as i64 == i64::from(imm), offset),
            BrI64NeImm { lhs, imm, offset } => br_if!(r!(lhs) as i64 != i64::from(imm), offset),
            BrI64LtSImm { lhs, imm, offset } => br_if!((r!(lhs) as i64) < i64::from(imm), offset),
            BrI64LtUImm { lhs, imm, offset } => br_if!(r!(lhs) < imm as i64 as u64, offset),
            BrI64GtSImm { lhs, imm, offset } => br_if!(r!(lhs) as i64 > i64::from(imm), offset),
            BrI64GtUImm { lhs, imm, offset } => br_if!(r!(lhs) > imm as i64 as u64, offset),
            BrI64LeSImm { lhs, imm, offset } => br_if!(r!(lhs) as i64 <= i64::from(imm), offset),
            BrI64LeUImm { lhs, imm, offset } => br_if!(r!(lhs) <= imm as i64 as u64, offset),
            BrI64GeSImm { lhs, imm, offset } => br_if!(r!(lhs) as i64 >= i64::from(imm), offset),
            BrI64GeUImm { lhs, imm, offset } => br_if!(r!(lhs) >= imm as i64 as u64, offset),

            Copy { dst, src } => set!(dst, r!(src)),
            Const32 { dst, val } => set!(dst, u64::from(val)),
            Const64 { dst, lo, hi } => set!(dst, u64::from(lo) | (u64::from(hi) << 32)),
            Select { dst, a, b } => {
                let (cond, _, _) = data_word!();
                let v = if u32_!(cond) != 0 { r!(a) } else { r!(b) };
                set!(dst, v);
                pc += 2;
                continue;
            }
            RefFunc { dst, func } => {
                let addr = s.instances[inst as usize].funcs[func as usize];
                set!(dst, u64::from(addr) + 1)
            }
            RefIsNull { dst, src } => set!(dst, b!(r!(src) == 0)),
            GlobalGet { dst, global } => {
                let addr = s.instances[inst as usize].globals[global as usize];
                set!(dst, s.globals[addr as usize].value)
            }
            GlobalSet { src, global } => {
                let addr = s.instances[inst as usize].globals[global as usize];
                s.globals[addr as usize].value = r!(src);
            }

            I32Add { dst, lhs, rhs } => set!(dst, w32!(u32_!(lhs).wrapping_add(u32_!(rhs)))),
            I32Sub { dst, lhs, rhs } => set!(dst, w32!(u32_!(lhs).wrapping_sub(u32_!(rhs)))),
            I32Mul { dst, lhs, rhs } => set!(dst, w32!(u32_!(lhs).wrapping_mul(u32_!(rhs)))),
            I32DivS { dst, lhs, rhs } => set!(dst, w32!(num::i32_div_s(i32_!(lhs), i32_!(rhs))?)),
            I32DivU { dst, lhs, rhs } => set!(dst, w32!(num::i32_div_u(i32_!(lhs), i32_!(rhs))?)),
            I32RemS { dst, lhs, rhs } => set!(dst, w32!(num::i32_rem_s(i32_!(lhs), i32_!(rhs))?)),
            I32RemU { dst, lhs, rhs } => set!(dst, w32!(num::i32_rem_u(i32_!(lhs), i32_!(rhs))?)),
            I32And { dst, lhs, rhs } => set!(dst, w32!(u32_!(lhs) & u32_!(rhs))),
            I32Or { dst, lhs, rhs } => set!(dst, w32!(u32_!(lhs) | u32_!(rhs))),
            I32Xor { dst, lhs, rhs } => set!(dst, w32!(u32_!(lhs) ^ u32_!(rhs))),
            I32Shl { dst, lhs, rhs } => set!(dst, w32!(u32_!(lhs).wrapping_shl(u32_!(rhs)))),
            I32ShrS { dst, lhs, rhs } => set!(dst, w32!(i32_!(lhs).wrapping_shr(u32_!(rhs)))),
            I32ShrU { dst, lhs, rhs } => set!(dst, w32!(u32_!(lhs).wrapping_shr(u32_!(rhs)))),
            I32Rotl { dst, lhs, rhs } => set!(dst, w32!(u32_!(lhs).rotate_left(u32_!(rhs)))),
            I32Rotr { dst, lhs, rhs } => set!(dst, w32!(u32_!(lhs).rotate_right(u32_!(rhs)))),
            I32Eq { dst, lhs, rhs } => set!(dst, b!(u32_!(lhs) == u32_!(rhs))),
            I32Ne { dst, lhs, rhs } => set!(dst, b!(u32_!(lhs) != u32_!(rhs))),
            I32LtS { dst, lhs, rhs } => set!(dst, b!(i32_!(lhs) < i32_!(rhs))),
            I32LtU { dst, lhs, rhs } => set!(dst, b!(u32_!(lhs) < u32_!(rhs))),
            I32GtS { dst, lhs, rhs } => set!(dst, b!(i32_!(lhs) > i32_!(rhs))),
            I32GtU { dst, lhs, rhs } => set!(dst, b!(u32_!(lhs) > u32_!(rhs))),
            I32LeS { dst, lhs, rhs } => set!(dst, b!(i32_!(lhs) <= i32_!(rhs))),
            I32LeU { dst, lhs, rhs } => set!(dst, b!(u32_!(lhs) <= u32_!(rhs))),
            I32GeS { dst, lhs, rhs } => set!(dst, b!(i32_!(lhs) >= i32_!(rhs))),
            I32GeU { dst, lhs, rhs } => set!(dst, b!(u32_!(lhs) >= u32_!(rhs))),
            I32AddImm { dst, lhs, imm } => set!(dst, w32!(i32_!(lhs).wrapping_add(imm))),
            I32SubImm { dst, lhs, imm } => set!(dst, w32!(i32_!(lhs).wrapping_sub(imm))),
            I32MulImm { dst, lhs, imm } => set!(dst, w32!(i32_!(lhs).wrapping_mul(imm))),
            I32DivSImm { dst, lhs, imm } => set!(dst, w32!(num::i32_div_s(i32_!(lhs), imm)?)),
            I32DivUImm { dst, lhs, imm } => set!(dst, w32!(num::i32_div_u(i32_!(lhs), imm)?)),
            I32RemSImm { dst, lhs, imm } => set!(dst, w32!(num::i32_rem_s(i32_!(lhs), imm)?)),
            I32RemUImm { dst, lhs, imm } => set!(dst, w32!(num::i32_rem_u(i32_!(lhs), imm)?)),
            I32AndImm { dst, lhs, imm } => set!(dst, w32!(i32_!(lhs) & imm)),
            I32OrImm { dst, lhs, imm } => set!(dst, w32!(i32_!(lhs) | imm)),
            I32XorImm { dst, lhs, imm } => set!(dst, w32!(i32_!(lhs) ^ imm)),
            I32ShlImm { dst, lhs, imm } => set!(dst, w32!(u32_!(lhs).wrapping_shl(imm as u32))),
            I32ShrSImm { dst, lhs, imm } => set!(dst, w32!(i32_!(lhs).wrapping_shr(imm as u32))),
            I32ShrUImm { dst, lhs, imm } => set!(dst, w32!(u32_!(lhs).wrapping_shr(imm as u32))),
            I32RotlImm { dst, lhs, imm } => set!(dst, w32!(u32_!(lhs).rotate_left(imm as u32))),
            I32RotrImm { dst, lhs, imm } => set!(dst, w32!(u32_!(lhs).rotate_right(imm as u32))),
            I32EqImm { dst, lhs, imm } => set!(dst, b!(i32_!(lhs) == imm)),
            I32NeImm { dst, lhs, imm } => set!(dst, b!(i32_!(lhs) != imm)),
            I32LtSImm { dst, lhs, imm } => set!(dst, b!(i32_!(lhs) < imm)),
            I32LtUImm { dst, lhs, imm } => set!(dst, b!(u32_!(lhs) < imm as u32)),
            I32GtSImm { dst, lhs, imm } => set!(dst, b!(i32_!(lhs) > imm)),
            I32GtUImm { dst, lhs, imm } => set!(dst, b!(u32_!(lhs) > imm as u32)),
            I32LeSImm { dst, lhs, imm } => set!(dst, b!(i32_!(lhs) <= imm)),
            I32LeUImm { dst, lhs, imm } => set!(dst, b!(u32_!(lhs) <= imm as u32)),
            I32GeSImm { dst, lhs, imm } => set!(dst, b!(i32_!(lhs) >= imm)),
            I32GeUImm { dst, lhs, imm } => set!(dst, b!(u32_!(lhs) >= imm as u32)),
            I32Eqz { dst, src } => set!(dst, b!(u32_!(src) == 0)),
            I32Clz { dst, src } => set!(dst, u64::from(u32_!(src).leading_zeros())),
            I32Ctz { dst, src } => set!(dst, u64::from(u32_!(src).trailing_zeros())),
            I32Popcnt { dst, src } => set!(dst, u64::from(u32_!(src).count_ones())),
            I32Extend8S { dst, src } => set!(dst, w32!(i32::from(r!(src) as i8))),
            I32Extend16S { dst, src } => set!(dst, w32!(i32::from(r!(src) as i16))),

            I64Add { dst, lhs, rhs } => set!(dst, r!(lhs).wrapping_add(r!(rhs))),
            I64Sub { dst, lhs, rhs } => set!(dst, r!(lhs).wrapping_sub(r!(rhs))),
            I64Mul { dst, lhs, rhs } => set!(dst, r!(lhs).wrapping_mul(r!(rhs))),
            I64DivS { dst, lhs, rhs } => {
                set!(dst, num::i64_div_s(r!(lhs) as i64, r!(rhs) as i64)? as u64)
            }
            I64DivU { dst, lhs, rhs } => {
                set!(dst, num::i64_div_u(r!(lhs) as i64, r!(rhs) as i64)? as u64)
            }
            I64RemS { dst, lhs, rhs } => {
                set!(dst, num::i64_rem_s(r!(lhs) as i64, r!(rhs) as i64)? as u64)
            }
            I64RemU { dst, lhs, rhs } => {
                set!(dst, num::i64_rem_u(r!(lhs) as i64, r!(rhs) as i64)? as u64)
            }
            I64And { dst, lhs, rhs } => set!(dst, r!(lhs) & r!(rhs)),
            I64Or { dst, lhs, rhs } => set!(dst, r!(lhs) | r!(rhs)),
            I64Xor { dst, lhs, rhs } => set!(dst, r!(lhs) ^ r!(rhs)),
            I64Shl { dst, lhs, rhs } => set!(dst, r!(lhs).wrapping_shl(r!(rhs) as u32)),
            I64ShrS { dst, lhs, rhs } => {
                set!(dst, (r!(lhs) as i64).wrapping_shr(r!(rhs) as u32) as u64)
            }
            I64ShrU { dst, lhs, rhs } => set!(dst, r!(lhs).wrapping_shr(r!(rhs) as u32)),
            I64Rotl { dst, lhs, rhs } => set!(dst, r!(lhs).rotate_left((r!(rhs) & 63) as u32)),
            I64Rotr { dst, lhs, rhs } => set!(dst, r!(lhs).rotate_right((r!(rhs) & 63) as u32)),
            I64Eq { dst, lhs, rhs } => set!(dst, b!(r!(lhs) == r!(rhs))),
            I64Ne { dst, lhs, rhs } => set!(dst, b!(r!(lhs) != r!(rhs))),
            I64LtS { dst, lhs, rhs } => set!(dst, b!((r!(lhs) as i64) < r!(rhs) as i64)),
            I64LtU { dst, lhs, rhs } => set!(dst, b!(r!(lhs) < r!(rhs))),
            I64GtS { dst, lhs, rhs } => set!(dst, b!(r!(lhs) as i64 > r!(rhs) as i64)),
            I64GtU { dst, lhs, rhs } => set!(dst, b!(r!(lhs) > r!(rhs))),
            I64LeS { dst, lhs, rhs } => set!(dst, b!(r!(lhs) as i64 <= r!(rhs) as i64)),
            I64LeU { dst, lhs, rhs } => set!(dst, b!(r!(lhs) <= r!(rhs))),
            I64GeS { dst, lhs, rhs } => set!(dst, b!(r!(lhs) as i64 >= r!(rhs) as i64)),
            I64GeU { dst, lhs, rhs } => set!(dst, b!(r!(lhs) >= r!(rhs))),
            I64AddImm { dst, lhs, imm } => set!(dst, r!(lhs).wrapping_add(imm as i64 as u64)),
            I64SubImm { dst, lhs, imm } => set!(dst, r!(lhs).wrapping_sub(imm as i64 as u64)),
            I64MulImm { dst, lhs, imm } => set!(dst, r!(lhs).wrapping_mul(imm as i64 as u64)),
            I64DivSImm { dst, lhs, imm } => {
                set!(dst, num::i64_div_s(r!(lhs) as i64, i64::from(imm))? as u64)
            }
            I64DivUImm { dst, lhs, imm } => {
                set!(dst, num::i64_div_u(r!(lhs) as i64, i64::from(imm))? as u64)
            }
            I64RemSImm { dst, lhs, imm } => {
                set!(dst, num::i64_rem_s(r!(lhs) as i64, i64::from(imm))? as u64)
            }
            I64RemUImm { dst, lhs, imm } => {
                set!(dst, num::i64_rem_u(r!(lhs) as i64, i64::from(imm))? as u64)
            }
            I64AndImm { dst, lhs, imm } => set!(dst, r!(lhs) & imm as i64 as u64),
            I64OrImm { dst, lhs, imm } => set!(dst, r!(lhs) | imm as i64 as u64),
            I64XorImm { dst, lhs, imm } => set!(dst, r!(lhs) ^ imm as i64 as u64),
            I64ShlImm { dst, lhs, imm } => set!(dst, r!(lhs).wrapping_shl(imm as u32)),
            I64ShrSImm { dst, lhs, imm } => {
                set!(dst, (r!(lhs) as i64).wrapping_shr(imm as u32) as u64)
            }
            I64ShrUImm { dst, lhs, imm } => set!(dst, r!(lhs).wrapping_shr(imm as u32)),
            I64RotlImm { dst, lhs, imm } => set!(dst, r!(lhs).rotate_left((imm & 63) as u32)),
            I64RotrImm { dst, lhs, imm } => set!(dst, r!(lhs).rotate_right((imm & 63) as u32)),
            I64EqImm { dst, lhs, imm } => set!(dst, b!(r!(lhs) as i64 == i64::from(imm))),
            I64NeImm { dst, lhs, imm } => set!(dst, b!(r!(lhs) as i64 != i64::from(imm))),
            I64LtSImm { dst, lhs, imm } => set!(dst, b!((r!(lhs) as i64) < i64::from(imm))),
            I64LtUImm { dst, lhs, imm } => set!(dst, b!(r!(lhs) < imm as i64 as u64)),
            I64GtSImm { dst, lhs, imm } => set!(dst, b!(r!(lhs) as i64 > i64::from(imm))),
            I64GtUImm { dst, lhs, imm } => set!(dst, b!(r!(lhs) > imm as i64 as u64)),
            I64LeSImm { dst, lhs, imm } => set!(dst, b!(r!(lhs) as i64 <= i64::from(imm))),
            I64LeUImm { dst, lhs, imm } => set!(dst, b!(r!(lhs) <= imm as i64 as u64)),
            I64GeSImm { dst, lhs, imm } => set!(dst, b!(r!(lhs) as i64 >= i64::from(imm))),
            I64GeUImm { dst, lhs, imm } => set!(dst, b!(r!(lhs) >= imm as i64 as u64)),
            I64Eqz { dst, src } => set!(dst, b!(r!(src) == 0)),
            I64Clz { dst, src } => set!(dst, u64::from(r!(src).leading_zeros())),
            I64Ctz { dst, src } => set!(dst, u64::from(r!(src).trailing_zeros())),
            I64Popcnt { dst, src } => set!(dst, u64::from(r!(src).count_ones())),
            I64Extend8S { dst, src } => set!(dst, i64::from(r!(src) as i8) as u64),
            I64Extend16S { dst, src } => set!(dst, i64::from(r!(src) as i16) as u64),
            I64Extend32S { dst, src } => set!(dst, i64::from(r!(src) as i32) as u64),

            F32Add { dst, lhs, rhs } => set!(dst, wf32!(f32_!(lhs) + f32_!(rhs))),
            F32Sub { dst, lhs, rhs } => set!(dst, wf32!(f32_!(lhs) - f32_!(rhs))),
            F32Mul { dst, lhs, rhs } => set!(dst, wf32!(f32_!(lhs) * f32_!(rhs))),
            F32Div { dst, lhs, rhs } => set!(dst, wf32!(f32_!(lhs) / f32_!(rhs))),
            F32Min { dst, lhs, rhs } => set!(dst, wf32!(num::f32_min(f32_!(lhs), f32_!(rhs)))),
            F32Max { dst, lhs, rhs } => set!(dst, wf32!(num::f32_max(f32_!(lhs), f32_!(rhs)))),
            F32Copysign { dst, lhs, rhs } => set!(dst, wf32!(f32_!(lhs).copysign(f32_!(rhs)))),
            F32Eq { dst, lhs, rhs } => set!(dst, b!(f32_!(lhs) == f32_!(rhs))),
            F32Ne { dst, lhs, rhs } => set!(dst, b!(f32_!(lhs) != f32_!(rhs))),
            F32Lt { dst, lhs, rhs } => set!(dst, b!(f32_!(lhs) < f32_!(rhs))),
            F32Gt { dst, lhs, rhs } => set!(dst, b!(f32_!(lhs) > f32_!(rhs))),
            F32Le { dst, lhs, rhs } => set!(dst, b!(f32_!(lhs) <= f32_!(rhs))),
            F32Ge { dst, lhs, rhs } => set!(dst, b!(f32_!(lhs) >= f32_!(rhs))),
            F32Abs { dst, src } => set!(dst, u64::from(u32_!(src) & 0x7fff_ffff)),
            F32Neg { dst, src } => set!(dst, u64::from(u32_!(src) ^ 0x8000_0000)),
            F32Ceil { dst, src } => set!(dst, wf32!(num::f32_ceil(f32_!(src)))),
            F32Floor { dst, src } => set!(dst, wf32!(num::f32_floor(f32_!(src)))),
            F32Trunc { dst, src } => set!(dst, wf32!(num::f32_trunc(f32_!(src)))),
            F32Nearest { dst, src } => set!(dst, wf32!(num::f32_nearest(f32_!(src)))),
            F32Sqrt { dst, src } => set!(dst, wf32!(f32_!(src).sqrt())),
            F64Add { dst, lhs, rhs } => set!(dst, wf64!(f64_!(lhs) + f64_!(rhs))),
            F64Sub { dst, lhs, rhs } => set!(dst, wf64!(f64_!(lhs) - f64_!(rhs))),
            F64Mul { dst, lhs, rhs } => set!(dst, wf64!(f64_!(lhs) * f64_!(rhs))),
            F64Div { dst, lhs, rhs } => set!(dst, wf64!(f64_!(lhs) / f64_!(rhs))),
            F64Min { dst, lhs, rhs } => set!(dst, wf64!(num::f64_min(f64_!(lhs), f64_!(rhs)))),
            F64Max { dst, lhs, rhs } => set!(dst, wf64!(num::f64_max(f64_!(lhs), f64_!(rhs)))),
            F64Copysign { dst, lhs, rhs } => set!(dst, wf64!(f64_!(lhs).copysign(f64_!(rhs)))),
            F64Eq { dst, lhs, rhs } => set!(dst, b!(f64_!(lhs) == f64_!(rhs))),
            F64Ne { dst, lhs, rhs } => set!(dst, b!(f64_!(lhs) != f64_!(rhs))),
            F64Lt { dst, lhs, rhs } => set!(dst, b!(f64_!(lhs) < f64_!(rhs))),
            F64Gt { dst, lhs, rhs } => set!(dst, b!(f64_!(lhs) > f64_!(rhs))),
            F64Le { dst, lhs, rhs } => set!(dst, b!(f64_!(lhs) <= f64_!(rhs))),
            F64Ge { dst, lhs, rhs } => set!(dst, b!(f64_!(lhs) >= f64_!(rhs))),
            F64Abs { dst, src } => set!(dst, r!(src) & 0x7fff_ffff_ffff_ffff),
            F64Neg { dst, src } => set!(dst, r!(src) ^ 0x8000_0000_0000_0000),
            F64Ceil { dst, src } => set!(dst, wf64!(num::f64_ceil(f64_!(src)))),
            F64Floor { dst, src } => set!(dst, wf64!(num::f64_floor(f64_!(src)))),
            F64Trunc { dst, src } => set!(dst, wf64!(num::f64_trunc(f64_!(src)))),
            F64Nearest { dst, src } => set!(dst, wf64!(num::f64_nearest(f64_!(src)))),
            F64Sqrt { dst, src } => set!(dst, wf64!(f64_!(src).sqrt())),

            I32WrapI64 { dst, src } => set!(dst, w32!(r!(src))),
            I64ExtendI32S { dst, src } => set!(dst, i64::from(i32_!(src)) as u64),
            I64ExtendI32U { dst, src } => set!(dst, u64::from(u32_!(src))),
            I32TruncF32S { dst, src } => set!(dst, w32!(num::i32_trunc_f32_s(f32_!(src))?)),
            I32TruncF32U { dst, src } => set!(dst, w32!(num::i32_trunc_f32_u(f32_!(src))?)),
            I32TruncF64S { dst, src } => set!(dst, w32!(num::i32_trunc_f64_s(f64_!(src))?)),
            I32TruncF64U { dst, src } => set!(dst, w32!(num::i32_trunc_f64_u(f64_!(src))?)),
            I64TruncF32S { dst, src } => set!(dst, num::i64_trunc_f32_s(f32_!(src))? as u64),
            I64TruncF32U { dst, src } => set!(dst, num::i64_trunc_f32_u(f32_!(src))?),
            I64TruncF64S { dst, src } => set!(dst, num::i64_trunc_f64_s(f64_!(src))? as u64),
            I64TruncF64U { dst, src } => set!(dst, num::i64_trunc_f64_u(f64_!(src))?),
            I32TruncSatF32S { dst, src } => set!(dst, w32!(f32_!(src) as i32)),
            I32TruncSatF32U { dst, src } => set!(dst, w32!(f32_!(src) as u32)),
            I32TruncSatF64S { dst, src } => set!(dst, w32!(f64_!(src) as i32)),
            I32TruncSatF64U { dst, src } => set!(dst, w32!(f64_!(src) as u32)),
            I64TruncSatF32S { dst, src } => set!(dst, f32_!(src) as i64 as u64),
            I64TruncSatF32U { dst, src } => set!(dst, f32_!(src) as u64),
            I64TruncSatF64S { dst, src } => set!(dst, f64_!(src) as i64 as u64),
            I64TruncSatF64U { dst, src } => set!(dst, f64_!(src) as u64),
            F32ConvertI32S { dst, src } => set!(dst, wf32!(i32_!(src) as f32)),
            F32ConvertI32U { dst, src } => set!(dst, wf32!(u32_!(src) as f32)),
            F32ConvertI64S { dst, src } => set!(dst, wf32!(r!(src) as i64 as f32)),
            F32ConvertI64U { dst, src } => set!(dst, wf32!(r!(src) as f32)),
            F64ConvertI32S { dst, src } => set!(dst, wf64!(i32_!(src) as f64)),
            F64ConvertI32U { dst, src } => set!(dst, wf64!(u32_!(src) as f64)),
            F64ConvertI64S { dst, src } => set!(dst, wf64!(r!(src) as i64 as f64)),
            F64ConvertI64U { dst, src } => set!(dst, wf64!(r!(src) as f64)),
            F32DemoteF64 { dst, src } => set!(dst, wf32!(f64_!(src) as f32)),
            F64PromoteF32 { dst, src } => set!(dst, wf64!(f32_!(src) as f64)),

            Load8S { dst, ptr, offset } => {
                let v = bulk::load::<1>(mem, r!(ptr), offset)?;
                set!(dst, i64::from(v[0] as i8) as u64)
            }
            Load8U { dst, ptr, offset } => {
                let v = bulk::load::<1>(mem, r!(ptr), offset)?;
                set!(dst, u64::from(v[0]))
            }
            Load16S { dst, ptr, offset } => {
                let v = bulk::load::<2>(mem, r!(ptr), offset)?;
                set!(dst, i64::from(i16::from_le_bytes(v)) as u64)
            }
            Load16U { dst, ptr, offset } => {
                let v = bulk::load::<2>(mem, r!(ptr), offset)?;
                set!(dst, u64::from(u16::from_le_bytes(v)))
            }
            Load32S { dst, ptr, offset } => {
                let v = bulk::load::<4>(mem, r!(ptr), offset)?;
                set!(dst, i64::from(i32::from_le_bytes(v)) as u64)
            }
            Load32U { dst, ptr, offset } => {
                let v = bulk::load::<4>(mem, r!(ptr), offset)?;
                set!(dst, u64::from(u32::from_le_bytes(v)))
            }
            Load64 { dst, ptr, offset } => {
                let v = bulk::load::<8>(mem, r!(ptr), offset)?;
                set!(dst, u64::from_le_bytes(v))
            }
            Store8 { ptr, val, offset } => bulk::store(mem, r!(ptr), offset, [r!(val) as u8])?,
            Store16 { ptr, val, offset } => {
                bulk::store(mem, r!(ptr), offset, (r!(val) as u16).to_le_bytes())?
            }
            Store32 { ptr, val, offset } => {
                bulk::store(mem, r!(ptr), offset, (r!(val) as u32).to_le_bytes())?
            }
            Store64 { ptr, val, offset } => {
                bulk::store(mem, r!(ptr), offset, r!(val).to_le_bytes())?
            }
            MemorySize { dst, .. } => set!(dst, (mem.len() / crate::store::PAGE_SIZE) as u64),
            MemoryGrow { dst, delta, .. } => {
                charge_dynamic!(
                    |c| u64::from(u32_!(delta)).saturating_mul(u64::from(c.memory_grow_per_page))
                );
                let addr = s.instances[inst as usize].memories[0] as usize;
                let delta = u64::from(u32_!(delta));
                let old = crate::limits::grow_memory(&mut s.memories, &s.limits, addr, delta);
                mem = &mut s.memories[addr].bytes[..];
                set!(dst, w32!(old.map_or(-1, |o| o as i32)))
            }
            MemoryFill { dst, val, len } => {
                charge_dynamic!(|c| c.bulk_memory(b!(u32_!(len))));
                bulk::memory_fill(mem, b!(u32_!(dst)), r!(val) as u8, b!(u32_!(len)))?;
                pc += 2;
                continue;
            }
            MemoryCopy { dst, src, len } => {
                charge_dynamic!(|c| c.bulk_memory(b!(u32_!(len))));
                let (d, sr, n) = (b!(u32_!(dst)), b!(u32_!(src)), b!(u32_!(len)));
                bulk::memory_copy(mem, d, sr, n)?;
                pc += 2;
                continue;
            }
            MemoryInit { dst, src, len } => {
                charge_dynamic!(|c| c.bulk_memory(b!(u32_!(len))));
                let (seg, _, _) = data_word!();
                let addr = s.instances[inst as usize].data[seg as usize];
                let bytes = s.data_segments[addr as usize].as_deref().unwrap_or(&[]);
                let (d, sr, n) = (b!(u32_!(dst)), b!(u32_!(src)), b!(u32_!(len)));
                bulk::init(mem, d, bytes, sr, n, TrapCode::MemoryOutOfBounds)?;
                pc += 2;
                continue;
            }
            DataDrop { segment } => {
                let addr = s.instances[inst as usize].data[segment as usize];
                s.data_segments[addr as usize] = None;
            }

            TableGet { dst, index, table } => {
                let addr = s.instances[inst as usize].tables[table as usize];
                let elems = &s.tables[addr as usize].elems;
                let v = *elems
                    .get(u32_!(index) as usize)
                    .ok_or(TrapCode::TableOutOfBounds)?;
                set!(dst, v)
            }
            TableSet { index, val, table } => {
                let addr = s.instances[inst as usize].tables[table as usize];
                let elems = &mut s.tables[addr as usize].elems;
                let slot = elems
                    .get_mut(u32_!(index) as usize)
                    .ok_or(TrapCode::TableOutOfBounds)?;
                *slot = r!(val);
            }
            TableSize { dst, table } => {
                let addr = s.instances[inst as usize].tables[table as usize];
                set!(dst, s.tables[addr as usize].elems.len() as u64)
            }
            TableGrow { dst, init, delta } => {
                charge_dynamic!(
                    |c| b!(u32_!(delta)).saturating_mul(u64::from(c.table_grow_per_element))
                );
                let (table, _, _) = data_word!();
                let addr = s.instances[inst as usize].tables[table as usize];
                let table = &mut s.tables[addr as usize];
                let wanted = (table.elems.len() as u64).saturating_add(b!(u32_!(delta)));
                let old = if s.limits.table_allows(wanted) {
                    table.grow(b!(u32_!(delta)), r!(init))
                } else {
                    None
                };
                set!(dst, w32!(old.map_or(-1, |o| o as i32)));
                pc += 2;
                continue;
            }
            TableFill { dst, val, len } => {
                charge_dynamic!(|c| c.bulk_table(b!(u32_!(len))));
                let (table, _, _) = data_word!();
                let addr = s.instances[inst as usize].tables[table as usize];
                let elems = &mut s.tables[addr as usize].elems;
                bulk::table_fill(elems, b!(u32_!(dst)), r!(val), b!(u32_!(len)))?;
                pc += 2;
                continue;
            }
            TableCopy { dst, src, len } => {
                charge_dynamic!(|c| c.bulk_table(b!(u32_!(len))));
                let (dt, st, _) = data_word!();
                let instance = &s.instances[inst as usize];
                let (da, sa) = (instance.tables[dt as usize], instance.tables[st as usize]);
                let (d, sr, n) = (b!(u32_!(dst)), b!(u32_!(src)), b!(u32_!(len)));
                if da == sa {
                    bulk::table_copy_within(&mut s.tables[da as usize].elems, d, sr, n)?;
                } else {
                    let (to, from) = bulk::two_mut(&mut s.tables, da as usize, sa as usize);
                    bulk::init(
                        &mut to.elems,
                        d,
                        &from.elems,
                        sr,
                        n,
                        TrapCode::TableOutOfBounds,
                    )?;
                }
                pc += 2;
                continue;
            }
            TableInit { dst, src, len } => {
                charge_dynamic!(|c| c.bulk_table(b!(u32_!(len))));
                let (seg, table, _) = data_word!();
                let instance = &s.instances[inst as usize];
                let taddr = instance.tables[table as usize];
                let eaddr = instance.elems[seg as usize];
                let items = &s.elem_segments[eaddr as usize];
                let elems = &mut s.tables[taddr as usize].elems;
                let (d, sr, n) = (b!(u32_!(dst)), b!(u32_!(src)), b!(u32_!(len)));
                bulk::init(elems, d, items, sr, n, TrapCode::TableOutOfBounds)?;
                pc += 2;
                continue;
            }
            ElemDrop { segment } => {
                let addr = s.instances[inst as usize].elems[segment as usize];
                s.elem_segments[addr as usize] = Vec::new();
            }
        }
        pc += 1;
    }
}
