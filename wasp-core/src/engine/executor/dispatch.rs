//! Threaded dispatch: every instruction carries a pointer to its handler, and each handler
//! ends by calling the next instruction's handler in tail position, which an optimising
//! compiler turns into a jump.
//!
//! Tail calls are not guaranteed in Rust, so a handler chain never runs unbounded: each
//! branch, call and return spends one unit of a budget and, when it is spent, the chain
//! returns to the trampoline in [`execute`] which starts a new one. Straight-line steps
//! spend nothing in optimised builds, where the tail call is a jump; with debug assertions
//! (unoptimised builds, where it stays a call) they spend one unit each too, so the native
//! stack then holds at most [`BUDGET`] handler frames, whatever the guest does (see
//! `dispatch_next!` in `handlers/mod.rs`).
//!
//! The trampoline is also where a raised interrupt flag is seen: every [`BUDGET`] branches,
//! calls and returns, at the price of one load. (A counting loop of one instruction, a
//! stepped branch back to itself, spends one unit for up to 1025 rounds: `handlers/self_loop.rs`.) With gas metering on, a branch that pays for
//! the block it enters spends gas instead of budget, and the chain carries at most [`SLICE`]
//! of gas: such branches, too, reach the trampoline at least every [`SLICE`] of them.

use super::{Exit, Frame, Limits, Stack};
use crate::engine::ir::Instr;
use crate::error::TrapCode;
use crate::store::{FuncEntity, GlobalEntity, StoreInner};

/// Branches, calls and returns (and, with debug assertions, all instructions) per chain
/// before returning to the trampoline.
pub(super) const BUDGET: u32 = 512;

/// The most gas a handler chain carries (with metering on): the rest waits in
/// [`Cx::reserve`]. A branch that pays for the block it enters (`handlers/pay.rs`) spends
/// gas instead of budget: it pays at least one unit, so a chain runs at most this many of
/// them before the gas it carries runs short and it returns to the trampoline for more.
pub(super) const SLICE: u64 = 4096;

/// The size of an [`Op`]: the unit of branch offsets in linked code.
pub(crate) const OP_BYTES: i32 = std::mem::size_of::<Op>() as i32;

/// An instruction and its handler.
///
/// A branch's offset in an `Op` counts bytes, not instructions: [`super::link`] multiplies it
/// by [`OP_BYTES`], so that a taken branch moves the instruction pointer by a value it
/// loads, with no multiplication between the load and the next dispatch. (The next
/// instruction pointer of a loop depends on its branch's: on some processors the two
/// address computations of a multiplication by 24 took a fifth of a counter loop's time.)
#[derive(Clone, Copy)]
pub(crate) struct Op {
    pub(super) handler: Handler,
    pub(crate) instr: Instr,
}

impl std::fmt::Debug for Op {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.instr.fmt(f)
    }
}

/// A handler: runs the instruction at `ip` on the frame at `regs`, then dispatches on.
/// Returns null when execution stops (the reason is in [`Cx::exit`]), or the instruction to
/// continue with when its chain's budget is spent.
///
/// `gas` is the gas left (with metering on; untouched and meaningless without): it is
/// handed from handler to handler in a register, so that paying for a block is a
/// subtraction and a test with no store and reload through memory. A handler that returns
/// to the trampoline leaves it in [`Cx::gas`] first, which the trampoline hands to the next
/// chain and writes back to the store when execution stops.
///
/// `acc` and `facc` are the result register (`translator/result_register.rs`): a handler that
/// writes an integer result to a slot also hands it on in `acc`, one that writes an f64
/// result in `facc` (in a float register), so that the instruction after it, when it reads
/// that slot, may read the register instead of loading what was just stored. The slot is
/// written all the same: the register only caches it. A handler that hands on no result
/// passes them on uninitialised ([`NO_ACC`], [`NO_FACC`]), which costs no instruction and
/// leaves it the register for its own use. A reader reads them only where the verifier
/// proved that the instruction before it wrote them (invariant 6 of `translator/verify.rs`),
/// and a chain that starts at a reader (after the trampoline, a pause or a snapshot) reloads
/// them from the slot first ([`resume_acc`]).
///
/// `mem` is where memory 0 of the running instance starts, handed on in a float register
/// (see [`Mem`]) so that a load or a store finds it without reading [`Cx`].
///
/// [`resume_acc`]: super::handlers::resume_acc
pub(super) type Handler = fn(
    ip: *const Op,
    regs: *mut u64,
    cx: &mut Cx<'_>,
    acc: Acc,
    budget: u32,
    gas: u64,
    facc: FAcc,
    mem: Mem,
) -> *const Op;

/// Memory 0 of the running instance as handlers hand it on: where its bytes start, as the
/// bits of a float.
///
/// A handler has six integer argument registers, and the chain uses all six (`ip`, `regs`,
/// `cx`, `acc`, `budget`, `gas`); a seventh would travel on the native stack. Float
/// registers are free, and moving a value from one to an integer register does not use
/// the ports that load from memory, which a handler keeps busy (its operands, its slots,
/// the next handler): reading the start from [`Cx`] in every load and store was one load
/// more. (The length stays in [`Cx`]: in a float register too, the bounds check needed one
/// more integer register than a comparison with memory does, and handlers saved and
/// restored one for it.) [`Cx::mem`] stays the memory's description for everything outside
/// the chain; a chain starts from it ([`Mem::of`]), and a handler that changes it hands on
/// the new start ([`Running::load_memory`]).
#[derive(Clone, Copy)]
pub(super) struct Mem {
    base: f64,
}

impl Mem {
    /// Memory 0 as `cx` describes it.
    #[inline(always)]
    pub(super) fn of(cx: &Cx<'_>) -> Mem {
        Mem {
            base: f64::from_bits(cx.mem.expose_provenance() as u64),
        }
    }
}

/// The index of an access of `n` bytes in [`Cx::mem_ends`].
const fn access_size_log2(n: usize) -> usize {
    assert!(
        n.is_power_of_two() && n <= 16,
        "accesses are of 1, 2, 4, 8 or 16 bytes"
    );
    n.trailing_zeros() as usize
}

/// The interpreter's state as a handler's body sees it: [`Cx`], and memory 0 as the chain
/// hands it on ([`Mem`]).
pub(super) struct Running<'c, 'a> {
    pub(super) cx: &'c mut Cx<'a>,
    pub(super) mem: Mem,
}

impl<'a> std::ops::Deref for Running<'_, 'a> {
    type Target = Cx<'a>;

    fn deref(&self) -> &Cx<'a> {
        self.cx
    }
}

impl<'a> std::ops::DerefMut for Running<'_, 'a> {
    fn deref_mut(&mut self) -> &mut Cx<'a> {
        self.cx
    }
}

impl Running<'_, '_> {
    /// Where memory 0's bytes start.
    ///
    /// `mem` was made from [`Cx::mem`] (`Mem::of`), whose pointer it exposed, and `Cx::mem`
    /// and [`Cx::mem_len`] still describe the memory's buffer: they change when the instance
    /// changes, which leaves the chain or hands on a new `Mem` (`Flow::Reload`), or when the
    /// memory grows, which hands on a new one too ([`Running::load_memory`]).
    #[inline(always)]
    fn start(&self) -> *mut u8 {
        std::ptr::with_exposed_provenance_mut::<u8>(self.mem.base.to_bits() as usize)
    }

    /// Memory 0 of the running instance.
    #[inline(always)]
    pub(super) fn memory(&mut self) -> &mut [u8] {
        // SAFETY: the memory's buffer is `mem_len` bytes from `start` (see `start`).
        unsafe { std::slice::from_raw_parts_mut(self.start(), self.cx.mem_len) }
    }

    /// Where the `N` bytes at `ptr + offset` of memory 0 start (`ptr` an i32 address), or a
    /// trap when they run past its end.
    ///
    /// One comparison with the end for accesses of `N` bytes ([`Cx::mem_ends`]): no sum of
    /// the address and `N`, and no slice built.
    #[inline(always)]
    fn fits<const N: usize>(&self, ptr: u64, offset: u32) -> Result<usize, TrapCode> {
        let at = (ptr as u32 as usize).checked_add(offset as usize);
        let end = self.cx.mem_ends[const { access_size_log2(N) }];
        match at {
            Some(at) if at < end => Ok(at),
            _ => Err(TrapCode::MemoryOutOfBounds),
        }
    }

    /// Reads the `N` bytes at `ptr + offset` of memory 0 (`ptr` an i32 address).
    ///
    /// # Errors
    /// [`TrapCode::MemoryOutOfBounds`] when they run past its end.
    #[inline(always)]
    pub(super) fn load<const N: usize>(&self, ptr: u64, offset: u32) -> Result<[u8; N], TrapCode> {
        let at = self.fits::<N>(ptr, offset)?;
        // SAFETY: `at + N` is at most the memory's length (`fits`, `Cx::mem_ends`), and the
        // buffer is that long from `start`.
        Ok(unsafe { self.start().add(at).cast::<[u8; N]>().read_unaligned() })
    }

    /// Writes `bytes` at `ptr + offset` of memory 0 (`ptr` an i32 address).
    ///
    /// # Errors
    /// [`TrapCode::MemoryOutOfBounds`] when they run past its end.
    #[inline(always)]
    pub(super) fn store<const N: usize>(
        &mut self,
        ptr: u64,
        offset: u32,
        bytes: [u8; N],
    ) -> Result<(), TrapCode> {
        let at = self.fits::<N>(ptr, offset)?;
        // SAFETY: as in `load`; the buffer is the store's, borrowed mutably through `Cx::s`
        // for as long as handlers run.
        unsafe {
            self.start()
                .add(at)
                .cast::<[u8; N]>()
                .write_unaligned(bytes)
        };
        Ok(())
    }

    /// Caches memory 0 of the running instance afresh, after it grew (see
    /// [`Cx::load_memory`]), and hands it on.
    pub(super) fn load_memory(&mut self) {
        self.cx.load_memory();
        self.mem = Mem::of(self.cx);
    }
}

/// The integer result register of [`Handler`].
pub(super) type Acc = std::mem::MaybeUninit<u64>;

/// The f64 result register of [`Handler`].
pub(super) type FAcc = std::mem::MaybeUninit<f64>;

/// The integer result register when no result is handed on.
pub(super) const NO_ACC: Acc = std::mem::MaybeUninit::uninit();

/// The f64 result register when no result is handed on.
pub(super) const NO_FACC: FAcc = std::mem::MaybeUninit::uninit();

/// What a handler does next.
pub(super) enum Flow {
    /// The next instruction.
    Next,
    /// The instruction after the next (skipping a data word).
    Skip,
    /// A branch, by a number of bytes from this instruction (see [`Op`]).
    Jump(i32),
    /// A branch, by a number of bytes from this instruction, that has paid for the block it
    /// enters: it spends gas rather than budget (see [`SLICE`]).
    PaidJump(i32),
    /// A branch through a table's entry (`Br`), to where the entry leads: the entry's
    /// offset counts from the entry, so the target is found without the entry's distance
    /// from the table in between.
    Through(*const Op),
    /// A branch to the instruction given that has paid for the block it enters (a paying
    /// table's entry, `BrPay`): as [`Flow::PaidJump`].
    PaidTo(*const Op),
    /// The frame changed (a call or a return): continue at `Cx::ip` in the running frame
    /// ([`Cx::frame_ptr`]).
    Reload,
    /// The frame changed on a common path of a call or a return: continue at the
    /// instruction given, with the frame pointer given (which `Cx::ip` need not hold).
    Enter(*const Op, *mut u64),
    /// Execution stops: `Cx::exit` says why.
    Stop,
    /// The handler leaves its chain through this cold path, which returns what the
    /// handler returns to the trampoline. The uncommon paths of calls and returns end this
    /// way: the handler hands the gas left to [`Cx::gas`] and jumps to the cold path, so
    /// that the common paths need no registers saved across a call.
    Cold(Cold),
}

/// A cold path out of a handler chain (see [`Flow::Cold`]): `run(cx, at, a, b)` does the
/// work and returns the instruction to continue with (in the running frame, at
/// [`Cx::base`]), or null when execution
/// stops (`Cx::exit` says why).
pub(super) struct Cold {
    pub(super) run: ColdPath,
    pub(super) at: *const Op,
    pub(super) a: u32,
    pub(super) b: u32,
}

/// The function of a [`Cold`] path.
pub(super) type ColdPath = fn(cx: &mut Cx<'_>, at: *const Op, a: u32, b: u32) -> *const Op;

impl Flow {
    /// Leaves the chain through `run(cx, at, a, b)` (see [`Flow::Cold`]).
    #[inline(always)]
    pub(super) fn cold(run: ColdPath, at: *const Op, a: u32, b: u32) -> Flow {
        Flow::Cold(Cold { run, at, a, b })
    }
}

/// The interpreter's state while handlers run.
pub(super) struct Cx<'a> {
    pub(super) s: &'a mut StoreInner,
    pub(super) stack: &'a mut Stack,
    pub(super) limits: Limits,
    /// The store's functions, and how many there are (see [`Cx::set_funcs`]).
    funcs: *const FuncEntity,
    funcs_len: usize,
    /// The type of each of the store's functions (`StoreInner::func_types`, as long).
    func_types: *const u32,
    /// Frames the frame stack holds without growing, within the limit: the smaller of its
    /// capacity and `Limits::max_frames`. Slots a frame may reach without the value stack
    /// growing, within the limit: the smaller of its length and `Limits::max_slots`. Both
    /// only grow while handlers run (the stacks never shrink their allocation), so a stale
    /// figure is a safe one: it sends a call down the general path, which renews them (see
    /// [`Cx::call`]).
    frames_room: usize,
    slots_room: usize,
    /// The running function's instance.
    pub(super) inst: u32,
    /// Base of the running frame in `stack.values`.
    pub(super) base: usize,
    /// Memory 0 of the running instance: start and length in bytes. Handler chains carry
    /// the start in a register ([`Mem`]).
    pub(super) mem: *mut u8,
    pub(super) mem_len: usize,
    /// For accesses of 1, 2, 4, 8 and 16 bytes (by the log2 of their size): the first
    /// address at which one does not fit in memory 0, `mem_len + 1 - size`, or 0 when none
    /// does (see [`Running::load`]).
    mem_ends: [usize; 5],
    /// The running instance's function and global addresses, and the store's globals (see
    /// [`Cx::load_instance`]).
    pub(super) inst_funcs: *const u32,
    pub(super) inst_globals: *const u32,
    /// The running instance's table addresses (see [`Cx::load_instance`]).
    inst_tables: *const u32,
    /// The elements of table 0 of the running instance, and how many there are: an
    /// indirect call through it waits on no lookup of the table (see [`Cx::load_table0`]).
    table0: *const u64,
    table0_len: usize,
    pub(super) globals: *mut GlobalEntity,
    /// Where to continue after `Flow::Reload` or a spent budget. The frame pointer is
    /// not kept: handlers hand it on from one to the next, and a chain that starts here
    /// derives it from [`Cx::base`] ([`Cx::frame_ptr`]).
    pub(super) ip: *const Op,
    pub(super) exit: Result<Exit, TrapCode>,
    /// The store's gas while handlers run (written back when they stop). A handler chain
    /// carries the gas left in a register (see [`Handler`]) and leaves it here when it
    /// returns to the trampoline.
    pub(super) gas: u64,
    /// The store's gas that the chain does not carry: at most [`SLICE`] travels in the
    /// chain, the rest waits here (see [`Cx::refill`]). The gas left is `gas + reserve`.
    pub(super) reserve: u64,
}

/// Runs the top frame of `stack` until the outermost frame returns, a host function must be
/// called, gas runs out, or a trap.
pub(crate) fn execute(
    s: &mut StoreInner,
    stack: &mut Stack,
    limits: Limits,
) -> Result<Exit, TrapCode> {
    let mut cx = Cx::new(s, stack, limits);
    if !cx.load_top() {
        return Ok(Exit::Done);
    }
    loop {
        let (ip, regs, gas) = (cx.ip, cx.frame_ptr(), cx.gas);
        // SAFETY: `ip` is an instruction of the running function: `load_top` or a handler
        // chain left it there (invariants 2 and 4 of `translator/verify.rs`).
        let op = unsafe { &*ip };
        let (acc, facc) = super::handlers::resume_acc(op, regs);
        let mem = Mem::of(&cx);
        let next = (op.handler)(ip, regs, &mut cx, acc, BUDGET, gas, facc, mem);
        if next.is_null() {
            cx.s.gas = cx.gas_left();
            return cx.exit;
        }
        if cx.s.interrupt.is_raised() {
            cx.save_pc(next);
            cx.s.gas = cx.gas_left();
            return Ok(Exit::Interrupted { progress: 0 });
        }
        cx.ip = next;
    }
}

impl<'a> Cx<'a> {
    /// The state for running the top frame of `stack`, before any frame is loaded (see
    /// [`Cx::load_top`]); the store's gas is taken into [`Cx::gas`], at most [`SLICE`] of
    /// it, and [`Cx::reserve`].
    pub(super) fn new(s: &'a mut StoreInner, stack: &'a mut Stack, limits: Limits) -> Cx<'a> {
        let gas = s.gas.min(SLICE);
        let reserve = s.gas - gas;
        let mut cx = Cx {
            s,
            stack,
            limits,
            funcs: std::ptr::null(),
            funcs_len: 0,
            func_types: std::ptr::null(),
            frames_room: 0,
            slots_room: 0,
            inst: u32::MAX,
            base: 0,
            mem: std::ptr::null_mut(),
            mem_len: 0,
            mem_ends: [0; 5],
            inst_funcs: std::ptr::null(),
            inst_globals: std::ptr::null(),
            inst_tables: std::ptr::null(),
            table0: std::ptr::null(),
            table0_len: 0,
            globals: std::ptr::null_mut(),
            ip: std::ptr::null(),
            exit: Ok(Exit::Done),
            gas,
            reserve,
        };
        cx.set_funcs();
        cx.measure_room();
        cx
    }

    /// Caches where the store keeps its functions. The list does not change while handlers
    /// run (functions are added by instantiation and by the embedder, with the store outside
    /// of execution); lazy translation replaces a body in place, and calls this again after.
    pub(super) fn set_funcs(&mut self) {
        self.funcs = self.s.funcs.as_ptr();
        self.funcs_len = self.s.funcs.len();
        debug_assert_eq!(self.s.func_types.len(), self.funcs_len);
        self.func_types = self.s.func_types.as_ptr();
    }

    /// Renews [`Cx::frames_room`] and [`Cx::slots_room`] after the stacks may have grown.
    pub(super) fn measure_room(&mut self) {
        self.frames_room = self.stack.frames.capacity().min(self.limits.max_frames);
        self.slots_room = self.stack.values.len().min(self.limits.max_slots);
    }
}

impl Cx<'_> {
    /// The running frame's pointer, for a chain that starts at [`Cx::ip`] (see [`Cx::ip`]).
    pub(super) fn frame_ptr(&mut self) -> *mut u64 {
        // SAFETY: `base` is the running frame's, which is on the stack, so it fits in the
        // value stack (fact 4 of `regs.rs`).
        unsafe { super::regs::stacked_frame_ptr(&mut self.stack.values, self.base, 0) }
    }

    /// Switches to the frame on top of the stack; false if there is none.
    #[inline(always)]
    pub(super) fn load_top(&mut self) -> bool {
        let Some(&f) = self.stack.frames.last() else {
            return false;
        };
        let s = &*self.s;
        let FuncEntity::Wasm { body, instance, .. } = &s.funcs[f.func as usize] else {
            unreachable!("host functions have no frames");
        };
        let (code, instance) = (body.ops.as_ptr(), *instance);
        debug_assert_eq!((f.code, f.inst), (code, instance), "a frame is linked");
        self.base = f.base as usize;
        // `ip` is in this function's code: its first instruction on entry, a return address
        // saved by a call (invariant 4 of `translator/verify.rs`), or a position checked
        // against the code when restored from a snapshot and linked (`Stack::link`).
        self.ip = f.ip;
        self.set_instance(instance);
        true
    }

    /// Makes `instance` the running one, reloading what handlers cache of it when it
    /// changed (most calls and returns stay in one instance).
    #[inline(always)]
    fn set_instance(&mut self, instance: u32) {
        if instance != self.inst {
            self.inst = instance;
            self.load_instance();
        }
    }

    /// Caches what handlers read of the running instance: memory 0, the function and global
    /// addresses, and where the store keeps its globals.
    ///
    /// The cached pointers stay valid while handlers run: instances, their address lists and
    /// the store's globals only change when a module is instantiated or a global created,
    /// which needs the store outside of execution (host calls leave the handler chain, and
    /// every [`execute`] loads the instance afresh).
    #[inline(never)]
    fn load_instance(&mut self) {
        self.load_memory();
        let s = &mut *self.s;
        let instance = &s.instances[self.inst as usize];
        self.inst_funcs = instance.funcs.as_ptr();
        self.inst_globals = instance.globals.as_ptr();
        self.inst_tables = instance.tables.as_ptr();
        self.globals = s.globals.as_mut_ptr();
        self.load_table0();
    }

    /// Caches the elements of table 0 of the running instance.
    ///
    /// The cache stays valid while handlers run: only growing a table moves its elements,
    /// and `table.grow` calls this again; an embedder's growth happens with the store outside
    /// of execution, and every [`execute`] loads the instance afresh.
    pub(super) fn load_table0(&mut self) {
        let s = &*self.s;
        match s.instances[self.inst as usize].tables.first() {
            Some(&addr) => {
                let elems = &s.tables[addr as usize].elems;
                self.table0 = elems.as_ptr();
                self.table0_len = elems.len();
            }
            None => {
                self.table0 = std::ptr::NonNull::dangling().as_ptr();
                self.table0_len = 0;
            }
        }
    }

    /// Store function `func`, a Wasm function's address as the running code names it.
    ///
    /// # Safety
    /// `func < funcs_len`: an address from an instance's function list (instantiation
    /// resolves every entry to a store function), a frame's function (frames restored from
    /// snapshots are checked) or a checked reference.
    #[inline(always)]
    unsafe fn func_entity(&self, func: u32) -> &FuncEntity {
        debug_assert!((func as usize) < self.funcs_len);
        // SAFETY: by the contract, and `funcs` is the store's list (`set_funcs`).
        unsafe { &*self.funcs.add(func as usize) }
    }

    /// The store address of function `func` of the running instance.
    #[inline(always)]
    pub(super) fn func_addr(&self, func: u32) -> u32 {
        // SAFETY: `inst_funcs` is the running instance's function list (`load_instance`),
        // and validation guarantees that `func` indexes it: the instance has one entry per
        // function of its module.
        unsafe { *self.inst_funcs.add(func as usize) }
    }

    /// Global `global` of the running instance.
    #[inline(always)]
    pub(super) fn global(&mut self, global: u32) -> &mut GlobalEntity {
        // SAFETY: `inst_globals` is the running instance's global list and `globals` the
        // store's globals (`load_instance`); validation guarantees that `global` indexes the
        // list (one entry per global of the module), and instantiation that its entries are
        // addresses of the store's globals.
        unsafe {
            let addr = *self.inst_globals.add(global as usize);
            &mut *self.globals.add(addr as usize)
        }
    }

    /// Caches memory 0 of the running instance.
    pub(super) fn load_memory(&mut self) {
        let s = &mut *self.s;
        match s.instances[self.inst as usize].memories.first() {
            Some(&addr) => {
                let bytes = &mut s.memories[addr as usize].bytes;
                self.mem = bytes.as_mut_ptr();
                self.mem_len = bytes.len();
            }
            None => {
                self.mem = std::ptr::NonNull::dangling().as_ptr();
                self.mem_len = 0;
            }
        }
        for (log2, end) in self.mem_ends.iter_mut().enumerate() {
            *end = (self.mem_len + 1).saturating_sub(1 << log2);
        }
    }

    /// Memory 0 of the running instance.
    #[inline(always)]
    pub(super) fn memory(&mut self) -> &mut [u8] {
        // SAFETY: `mem`/`mem_len` describe the memory's buffer as of the last
        // `load_memory`, which runs whenever the instance changes or the memory grows; nothing
        // else resizes memories while handlers run.
        unsafe { std::slice::from_raw_parts_mut(self.mem, self.mem_len) }
    }

    /// The items an interrupted bulk operation at the resumption point had done (0 for a
    /// fresh start); taken by the first instruction that runs.
    #[inline(always)]
    pub(super) fn take_progress(&mut self) -> u64 {
        std::mem::take(&mut self.s.bulk_progress)
    }

    /// Ends a bulk operation at `ip`: on to the next instruction when it finished, or
    /// paused at `ip` with the items done so far when it was interrupted.
    #[inline(always)]
    pub(super) fn bulk_end(&mut self, ip: *const Op, stopped_at: Option<u64>) -> Flow {
        match stopped_at {
            None => Flow::Skip,
            Some(progress) => {
                self.save_pc(ip);
                self.stop(Exit::Interrupted { progress })
            }
        }
    }

    /// Records that the running frame continues at `ip`, an instruction of its code.
    pub(super) fn save_pc(&mut self, ip: *const Op) {
        if let Some(f) = self.stack.frames.last_mut() {
            f.ip = ip;
        }
    }

    /// Stops with `exit`.
    pub(super) fn stop(&mut self, exit: Exit) -> Flow {
        self.exit = Ok(exit);
        Flow::Stop
    }

    /// Calls store function `callee` with its arguments at frame slot `args`; the caller
    /// continues at `resume`.
    ///
    /// The usual case, a Wasm callee of the running instance whose frame fits in the value
    /// stack and whose record fits in the frame stack as they are, runs without calling
    /// anything, so that the handler saves no registers; every other case takes
    /// [`Cx::call_general`].
    #[inline(always)]
    pub(super) fn call(
        &mut self,
        resume: *const Op,
        callee: u32,
        args: u32,
    ) -> Result<Flow, TrapCode> {
        let base = self.base + args as usize;
        // SAFETY: every caller passes a store address its code names or a checked one (see
        // `func_entity`).
        if let FuncEntity::Wasm {
            entry, instance, ..
        } = unsafe { self.func_entity(callee) }
        {
            let end = base + entry.frame_size as usize;
            let depth = self.stack.frames.len();
            // Two checks stand for four: `frames_room` is at most the frame stack's capacity
            // and the frame limit, `slots_room` at most the value stack's length and the slot
            // limit.
            if (*instance == self.inst) & (depth < self.frames_room) & (end <= self.slots_room) {
                let (code, size) = (entry.code, entry.frame_size);
                let (params, locals) = (entry.num_params, entry.num_locals);
                let frame = Frame::entry(callee, code, self.inst, base);
                // SAFETY: a call runs in a frame, so `depth >= 1`; `depth < frames_room <=
                // capacity` was checked above.
                unsafe { super::push_over_top(&mut self.stack.frames, resume, frame) };
                // SAFETY: the frame is on the stack and fits in the value stack (checked
                // above; fact 4 of `regs.rs`).
                let regs =
                    unsafe { super::regs::stacked_frame_ptr(&mut self.stack.values, base, size) };
                self.base = base;
                // SAFETY: the locals, rounded up to an even number of slots, lie in the frame
                // (`CompiledFunc::frame_size`).
                unsafe { super::regs::zero(regs, params, locals) };
                return Ok(Flow::Enter(code, regs));
            }
        }
        Ok(Flow::cold(
            |cx, at, f, a| cx.call_general(at, f, a),
            resume,
            callee,
            args,
        ))
    }

    /// [`Cx::call`] in every case; returns where to continue (null to stop, with
    /// `Cx::exit` saying why).
    #[cold]
    #[inline(never)]
    fn call_general(&mut self, resume: *const Op, callee: u32, args: u32) -> *const Op {
        let entered = self.call_any(resume, callee, args);
        self.measure_room();
        match entered {
            Ok(Flow::Reload) => self.ip,
            Ok(_) => std::ptr::null(),
            Err(trap) => {
                // As `op!` records a trap of a call: the frame's pc was saved already.
                self.exit = Err(trap);
                std::ptr::null()
            }
        }
    }

    /// [`Cx::call`] in every case.
    #[inline(always)]
    fn call_any(&mut self, resume: *const Op, callee: u32, args: u32) -> Result<Flow, TrapCode> {
        self.save_pc(resume);
        let base = self.base + args as usize;
        match &self.s.funcs[callee as usize] {
            FuncEntity::Wasm { body, instance, .. } => {
                self.stack
                    .enter(callee, body, *instance, base, self.limits)?;
                let (code, instance) = (body.ops.as_ptr(), *instance);
                self.switch_to(code, instance, base);
                Ok(Flow::Reload)
            }
            FuncEntity::Host { .. } => Ok(self.stop(Exit::HostCall {
                func: callee,
                base,
                tail: false,
            })),
        }
    }

    /// Makes the function whose ops start at `code` (frame at `base`, of `instance`) the
    /// running one, at its first instruction.
    #[inline(always)]
    fn switch_to(&mut self, code: *const Op, instance: u32, base: usize) {
        self.base = base;
        self.ip = code;
        self.set_instance(instance);
    }

    /// Replaces the running frame by a call to `callee` with arguments at frame slot `args`.
    ///
    /// The usual case, a Wasm callee of the running instance whose frame fits in the value
    /// stack as it is, reuses the running frame's record in place: same base, same depth,
    /// same instance, so only the function and where it stands change. It calls nothing, so
    /// that the handler saves no registers (see [`Cx::call`]); every other case takes
    /// [`Cx::tail_call_general`].
    #[inline(always)]
    pub(super) fn tail_call(
        &mut self,
        at: *const Op,
        callee: u32,
        args: u32,
    ) -> Result<Flow, TrapCode> {
        // SAFETY: as in `call`, every caller passes a store address its code names or a
        // checked one.
        let FuncEntity::Wasm {
            entry, instance, ..
        } = (unsafe { self.func_entity(callee) })
        else {
            return Ok(Flow::cold(
                |cx, at, f, a| cx.tail_call_host(at, f, a),
                at,
                callee,
                args,
            ));
        };
        let base = self.base;
        let end = base + entry.frame_size as usize;
        let params = entry.num_params;
        let from = base + args as usize;
        let len = self.stack.values.len();
        let fits = (end <= self.slots_room) & (from + params as usize <= len);
        if !fits | (*instance != self.inst) {
            return Ok(Flow::cold(
                |cx, at, f, a| cx.tail_call_general(at, f, a),
                at,
                callee,
                args,
            ));
        }
        let (code, size, locals) = (entry.code, entry.frame_size, entry.num_locals);
        // SAFETY: the new frame fits in the value stack (checked above; fact 4 of `regs.rs`).
        let regs = unsafe { super::regs::stacked_frame_ptr(&mut self.stack.values, base, size) };
        // SAFETY: the arguments lie in the value stack (checked above), the parameters and
        // the locals (rounded up to an even number of slots) in the new frame
        // (`CompiledFunc::frame_size`). The arguments are moved before the zeroing, which may
        // write the slot past the locals.
        unsafe {
            super::regs::move_down(regs, args, params);
            super::regs::zero(regs, params, locals);
        }
        // The base and the instance stay (a linked frame's `unlinked_pc` means nothing).
        let top = self.stack.frames.last_mut();
        let top = top.expect("a tail call runs in a frame");
        top.func = callee;
        top.code = code;
        top.ip = code;
        Ok(Flow::Enter(code, regs))
    }

    /// A tail call to host function `callee`: its arguments move to the frame's base, and
    /// the running frame returns what it returns. Execution stops for the host call
    /// (returns null).
    #[cold]
    #[inline(never)]
    fn tail_call_host(&mut self, at: *const Op, callee: u32, args: u32) -> *const Op {
        let FuncEntity::Host { type_id, .. } = &self.s.funcs[callee as usize] else {
            unreachable!("called for host functions only");
        };
        let num_params = self.s.engine.resolve_type(*type_id).param_slots();
        let from = self.base + args as usize;
        self.stack
            .values
            .copy_within(from..from + num_params, self.base);
        self.save_pc(at);
        self.stop(Exit::HostCall {
            func: callee,
            base: self.base,
            tail: true,
        });
        std::ptr::null()
    }

    /// A tail call to Wasm function `callee` in every case: of another instance, or whose
    /// frame needs the value stack to grow (or overflows it); returns where to continue
    /// (null on a trap, with `Cx::exit` saying which).
    #[cold]
    #[inline(never)]
    fn tail_call_general(&mut self, _at: *const Op, callee: u32, args: u32) -> *const Op {
        match self.tail_call_grow(callee, args) {
            Ok(()) => self.ip,
            Err(trap) => {
                // As `op!` records a trap of a tail call: the frame's pc is left as it was.
                self.exit = Err(trap);
                std::ptr::null()
            }
        }
    }

    /// [`Cx::tail_call_general`], its trap as a `Result`.
    #[inline(always)]
    fn tail_call_grow(&mut self, callee: u32, args: u32) -> Result<(), TrapCode> {
        let FuncEntity::Wasm { body, instance, .. } = &self.s.funcs[callee as usize] else {
            unreachable!("called for Wasm functions only");
        };
        let from = self.base + args as usize;
        let num_params = body.num_params as usize;
        self.stack
            .values
            .copy_within(from..from + num_params, self.base);
        self.stack.frames.pop();
        let entered = self
            .stack
            .enter(callee, body, *instance, self.base, self.limits);
        self.measure_room();
        entered?;
        self.load_top();
        Ok(())
    }

    /// Returns from the running frame.
    ///
    /// The usual case, a return to a caller of the same instance, calls nothing (see
    /// [`Cx::call`]); every other case takes [`Cx::ret_general`].
    #[inline(always)]
    pub(super) fn ret(&mut self) -> Flow {
        let depth = self.stack.frames.len();
        if depth >= 2 {
            let f = self.stack.frames[depth - 2];
            if f.inst == self.inst {
                // The caller's return address and frame are in its record: the next
                // instruction waits on no lookup of the caller's function.
                self.stack.frames.truncate(depth - 1);
                self.base = f.base as usize;
                // SAFETY: the frame is on the stack, so it fits in the value stack
                // (fact 4 of `regs.rs`).
                let regs =
                    unsafe { super::regs::stacked_frame_ptr(&mut self.stack.values, self.base, 0) };
                // `ip` is the return address a call saved, or a position in the code,
                // checked, when the stack was linked on resumption (`Stack::link`).
                return Flow::Enter(f.ip, regs);
            }
        }
        Flow::cold(|cx, _, _, _| cx.ret_general(), std::ptr::null(), 0, 0)
    }

    /// [`Cx::ret`] in every case; returns where to continue (null when the outermost frame
    /// returned).
    #[cold]
    #[inline(never)]
    fn ret_general(&mut self) -> *const Op {
        self.stack.frames.pop();
        if self.load_top() {
            self.ip
        } else {
            self.stop(Exit::Done);
            std::ptr::null()
        }
    }

    /// Pays `cost` out of `gas`, the gas that the handler chain carries (see [`Handler`]),
    /// or pauses before the instruction at `ip`, leaving `gas` as it was.
    #[inline(always)]
    pub(super) fn charge(&mut self, gas: &mut u64, ip: *const Op, cost: u64) -> Option<Flow> {
        // One subtraction tells whether the chain's gas covers the cost.
        let (left, short) = gas.overflowing_sub(cost);
        if short {
            return self.charge_from_reserve(gas, ip, cost);
        }
        *gas = left;
        None
    }

    /// [`Cx::charge`] when the chain's gas does not cover `cost`: pays it with more of the
    /// reserve, or pauses before the instruction at `ip` when the gas left does not cover it.
    #[cold]
    #[inline(never)]
    fn charge_from_reserve(&mut self, gas: &mut u64, ip: *const Op, cost: u64) -> Option<Flow> {
        match self.refill(*gas, cost) {
            Some(carried) => {
                *gas = carried - cost;
                None
            }
            None => {
                let needed = cost - (*gas + self.reserve);
                self.save_pc(ip);
                Some(self.stop(Exit::OutOfGas { needed }))
            }
        }
    }

    /// The gas the chain carries when it has `gas` and must pay `cost`, topped up from
    /// [`Cx::reserve`] to the larger of [`SLICE`] and `cost` (or to all the gas left);
    /// `None`, moving nothing, when the gas left does not cover `cost`.
    ///
    /// What the chain carries after paying `cost` is never more than [`SLICE`].
    pub(super) fn refill(&mut self, gas: u64, cost: u64) -> Option<u64> {
        // `gas + reserve` is the store's gas, a `u64`: it does not overflow.
        let left = gas + self.reserve;
        if left < cost {
            return None;
        }
        let carried = left.min(SLICE.max(cost));
        self.reserve = left - carried;
        Some(carried)
    }

    /// The gas left: what the chain handed back in [`Cx::gas`] and the [`Cx::reserve`].
    pub(super) fn gas_left(&self) -> u64 {
        self.gas + self.reserve
    }

    /// The `call_indirect` target: entry `index` of table `table`, checked against type `ty`.
    ///
    /// The common path tests each condition with one branch to a single cold path, which
    /// then works out which trap it is.
    #[inline(always)]
    pub(super) fn indirect_target(&self, table: u32, index: u32, ty: u32) -> Result<u32, TrapCode> {
        match self.indirect_callee(table, index, ty) {
            Some(callee) => Ok(callee),
            None => Err(self.indirect_trap(table, index)),
        }
    }

    /// [`Cx::indirect_target`] when there is one: the entry exists, refers to a function of
    /// the store, and the function has type `ty`.
    #[inline(always)]
    pub(super) fn indirect_callee(&self, table: u32, index: u32, ty: u32) -> Option<u32> {
        let callee = self.table_func(table, index)?.checked_sub(1)?;
        // Table entries come from validated code or from a checked snapshot; a reference to
        // no function is still refused rather than trusted.
        if callee >= self.funcs_len as u64 {
            return None;
        }
        let callee = callee as u32;
        // SAFETY: `func_types` is as long as the store's functions (`StoreInner::push_func`),
        // and `callee` is below that (checked just above).
        let type_id = unsafe { *self.func_types.add(callee as usize) };
        (type_id == ty).then_some(callee)
    }

    /// Stops the indirect call at `at`, which found no target, with its trap; the frame
    /// records the pc past the call, as for a call whose callee could not be entered.
    /// Returns null (see [`Cold`]).
    #[cold]
    #[inline(never)]
    pub(super) fn indirect_trapped(&mut self, at: *const Op, table: u32, index: u32) -> *const Op {
        self.exit = Err(self.indirect_trap(table, index));
        self.save_pc(at.wrapping_add(1));
        std::ptr::null()
    }

    /// Records that the instruction whose data word is at `word` trapped out of bounds in
    /// an access that word describes: the frame's pc is past the word, so that diagnostics
    /// name the Wasm operator the word was translated from. Returns null (see [`Cold`]).
    #[cold]
    #[inline(never)]
    pub(super) fn out_of_bounds_past(&mut self, word: *const Op) -> *const Op {
        self.exit = Err(TrapCode::MemoryOutOfBounds);
        self.save_pc(word.wrapping_add(1));
        std::ptr::null()
    }

    /// Why [`Cx::indirect_callee`] found no target.
    #[cold]
    #[inline(never)]
    fn indirect_trap(&self, table: u32, index: u32) -> TrapCode {
        match self.table_func(table, index) {
            None => TrapCode::UndefinedElement,
            Some(entry) if entry == 0 || entry > self.funcs_len as u64 => {
                TrapCode::UninitializedElement
            }
            Some(_) => TrapCode::IndirectCallTypeMismatch,
        }
    }

    /// Element `index` of table `table` of the running instance (a function reference:
    /// 0 for null, else the store address plus one); `None` past the table's end.
    #[inline(always)]
    fn table_func(&self, table: u32, index: u32) -> Option<u64> {
        if table == 0 {
            if index as usize >= self.table0_len {
                return None;
            }
            // SAFETY: `table0` holds `table0_len` elements (`load_table0`), and `index` is
            // below that.
            return Some(unsafe { *self.table0.add(index as usize) });
        }
        // SAFETY: `inst_tables` is the running instance's table list (`load_instance`), and
        // validation guarantees that `table` indexes it (one entry per table of the module).
        let taddr = unsafe { *self.inst_tables.add(table as usize) };
        // SAFETY: instantiation resolves every entry of an instance's table list to a table
        // of the store.
        let elems = &unsafe { self.s.tables.get_unchecked(taddr as usize) }.elems;
        elems.get(index as usize).copied()
    }
}
