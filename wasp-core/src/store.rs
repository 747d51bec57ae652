//! The store: owner of every runtime object (functions, memories, tables, globals, instances)
//! and of the embedder's data.

use std::any::Any;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crate::aligned_bytes::AlignedBytes;
use crate::engine::executor::Entry;
use crate::engine::translator::CompiledFunc;
use crate::engine::Engine;
use crate::func::HostFunc;
use crate::module::Module;
use crate::types::{GlobalType, MemoryType, TableType};

/// All runtime state of a group of instances, and the embedder's data `T`.
///
/// A store is `Send` when `T` is; many stores may run on many threads at once.
///
/// ```
/// use wasp_core::{Engine, Store};
/// let mut store = Store::new(&Engine::default(), 5_u32);
/// *store.data_mut() += 1;
/// assert_eq!(*store.data(), 6);
/// ```
pub struct Store<T> {
    pub(crate) inner: StoreInner,
    pub(crate) hosts: Vec<HostFunc<T>>,
    data: T,
}

impl<T: fmt::Debug> fmt::Debug for Store<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Store")
            .field("data", &self.data)
            .field("funcs", &self.inner.funcs.len())
            .field("instances", &self.inner.instances.len())
            .finish()
    }
}

/// Cloning a store copies all of its state (memories, tables, globals, instances) and the
/// embedder's data: together with a cloned [`Continuation`](crate::Continuation) it forks a
/// running program. Host functions and extern-ref payloads are shared, not copied.
///
/// The clone holds copies of the same objects at the same places, so it keeps the store's
/// identity: handles taken from the original work on the clone and the other way round.
impl<T: Clone> Clone for Store<T> {
    fn clone(&self) -> Store<T> {
        // The clone runs its own calls: interrupting one store does not stop the other (its
        // interrupt state starts anew), and its deadlines need the timer to watch it too.
        let inner = self.inner.clone();
        if inner.deadline.is_some() {
            if let Some(timer) = inner.engine.timer() {
                timer.register(inner.interrupt.state());
            }
        }
        Store {
            inner,
            hosts: self.hosts.clone(),
            data: self.data.clone(),
        }
    }
}

impl<T> Store<T> {
    /// Creates an empty store holding `data`.
    pub fn new(engine: &Engine, data: T) -> Store<T> {
        Store {
            inner: StoreInner::new(engine.clone(), StoreId::fresh()),
            hosts: Vec::new(),
            data,
        }
    }

    /// Traces every Wasm operator the calls of this store execute (`None`: stop tracing).
    ///
    /// A traced call runs one instruction at a time through a separate, slower loop with
    /// the same instructions, so gas, pauses, traps and results are those of an untraced
    /// call; an untraced store pays nothing for the feature. See [`Tracer`] for an example.
    ///
    /// [`Tracer`]: crate::Tracer
    pub fn set_tracer(&mut self, tracer: Option<crate::Tracer>) {
        self.inner.tracer = tracer;
    }

    /// The engine of this store.
    pub fn engine(&self) -> &Engine {
        &self.inner.engine
    }

    /// The embedder's data.
    pub fn data(&self) -> &T {
        &self.data
    }

    /// The embedder's data, mutably.
    pub fn data_mut(&mut self) -> &mut T {
        &mut self.data
    }

    /// The instance whose Wasm code called the host function now running, if any.
    pub fn caller_instance(&self) -> Option<crate::Instance> {
        let id = self.inner.id;
        self.inner
            .caller_instance
            .map(|i| crate::Instance::from_index(id, i))
    }

    /// Sets caps on memory, tables, instances and call depth for this store's guests.
    pub fn set_limits(&mut self, limits: crate::limits::StoreLimits) {
        self.inner.limits = limits;
    }

    /// The caps set with [`Store::set_limits`].
    pub fn limits(&self) -> &crate::limits::StoreLimits {
        &self.inner.limits
    }

    /// Sets the gas available to calls. Fails if the engine does not meter gas.
    ///
    /// ```
    /// use wasp_core::{Config, Engine, Store};
    /// let mut config = Config::default();
    /// config.gas_metering(true);
    /// let mut store = Store::new(&Engine::new(&config), ());
    /// store.set_gas(1_000)?;
    /// assert_eq!(store.gas_left()?, 1_000);
    /// # Ok::<(), wasp_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`UsageError::GasDisabled`](crate::UsageError) when the engine does not meter gas.
    pub fn set_gas(&mut self, gas: u64) -> Result<(), crate::Error> {
        self.check_metering()?;
        self.inner.gas = gas;
        Ok(())
    }

    /// The gas left. Fails if the engine does not meter gas.
    ///
    /// # Errors
    ///
    /// [`UsageError::GasDisabled`](crate::UsageError) when the engine does not meter gas.
    pub fn gas_left(&self) -> Result<u64, crate::Error> {
        self.check_metering()?;
        Ok(self.inner.gas)
    }

    fn check_metering(&self) -> Result<(), crate::Error> {
        match self.inner.engine.config().gas() {
            Some(_) => Ok(()),
            None => Err(crate::error::UsageError::GasDisabled.into()),
        }
    }

    /// A handle that stops this store's running call from any thread; see
    /// [`InterruptHandle`](crate::InterruptHandle).
    pub fn interrupt_handle(&self) -> crate::InterruptHandle {
        crate::InterruptHandle {
            state: self.inner.interrupt.state().clone(),
        }
    }

    /// Gives every call into this store (each outermost call and each resumption) at most
    /// `budget` of wall-clock time; `None` removes the limit. A call that runs out of time is
    /// interrupted as by [`InterruptHandle::interrupt`](crate::InterruptHandle::interrupt):
    /// [`Func::call_resumable`](crate::Func::call_resumable) returns
    /// [`CallOutcome::Interrupted`](crate::CallOutcome::Interrupted), which resumes with a
    /// new budget; other calls fail with [`TrapCode::Interrupted`](crate::TrapCode).
    ///
    /// All stores of an engine share one timer thread, started by the first deadline.
    ///
    /// ```
    /// use std::time::Duration;
    /// use wasp_core::{CallOutcome, Engine, Linker, Module, Store};
    /// let engine = Engine::default();
    /// let module = Module::new(&engine, r#"(module (func (export "spin") (loop $l (br $l))))"#)?;
    /// let mut store = Store::new(&engine, ());
    /// let spin = Linker::new(&engine).instantiate(&mut store, &module)?
    ///     .get_func(&store, "spin").unwrap();
    /// store.set_deadline(Some(Duration::from_millis(5)))?;
    /// let outcome = spin.call_resumable(&mut store, &[])?;
    /// assert!(matches!(outcome, CallOutcome::Interrupted(_)));
    /// # Ok::<(), wasp_core::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Fails if the engine's timer thread cannot be started.
    pub fn set_deadline(
        &mut self,
        budget: Option<std::time::Duration>,
    ) -> Result<(), crate::Error> {
        if budget.is_some() && self.inner.deadline.is_none() {
            let timer = self
                .inner
                .engine
                .timer()
                .ok_or(crate::error::UsageError::TimerUnavailable)?;
            timer.register(self.inner.interrupt.state());
        }
        self.inner.deadline = budget;
        Ok(())
    }

    /// The budget set with [`Store::set_deadline`].
    pub fn deadline(&self) -> Option<std::time::Duration> {
        self.inner.deadline
    }

    /// Consumes the store and returns the embedder's data.
    pub fn into_data(self) -> T {
        self.data
    }
}

/// The identity of a store, shared by its clones and carried by every handle it gives out.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StoreId(u64);

impl StoreId {
    /// The identity of no store: handles made without one match none.
    pub(crate) const NONE: StoreId = StoreId(0);

    /// A new identity, never given out before in this process.
    pub(crate) fn fresh() -> StoreId {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        StoreId(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

/// The part of a store that does not depend on the embedder's type: everything the
/// interpreter touches.
#[derive(Clone)]
pub(crate) struct StoreInner {
    pub(crate) engine: Engine,
    /// Which store this is (clones share it).
    pub(crate) id: StoreId,
    /// The functions, added only through [`StoreInner::push_func`].
    pub(crate) funcs: Vec<FuncEntity>,
    /// The type of each function of `funcs`, at the same index: an indirect call checks a
    /// callee's type with one load, whatever its kind.
    pub(crate) func_types: Vec<u32>,
    pub(crate) instances: Vec<InstanceEntity>,
    pub(crate) memories: Vec<MemoryEntity>,
    pub(crate) tables: Vec<TableEntity>,
    pub(crate) globals: Vec<GlobalEntity>,
    /// Data segments of all instances; `None` once dropped.
    pub(crate) data_segments: Vec<Option<Arc<[u8]>>>,
    /// Element segments of all instances as reference slots; empty once dropped.
    pub(crate) elem_segments: Vec<Vec<u64>>,
    pub(crate) externs: Vec<Arc<dyn Any + Send + Sync>>,
    /// A reusable value stack, taken by the outermost call.
    pub(crate) spare_stack: Option<crate::engine::executor::Stack>,
    /// The instance whose code called the running host function, if any.
    pub(crate) caller_instance: Option<u32>,
    /// Gas left (only consumed when the engine meters gas).
    pub(crate) gas: u64,
    /// A value a host function asked to yield with, taken by the call driver.
    pub(crate) pending_yield: Option<crate::value::Val>,
    /// Set by `Caller::charge_gas_or_pause`: the running host call asks to be paused for
    /// this much more gas and made again on resume.
    pub(crate) pending_gas_pause: Option<u64>,
    /// Caps on what the guests of this store may allocate.
    pub(crate) limits: crate::limits::StoreLimits,
    /// Calls running now, nested through host functions.
    pub(crate) nested_calls: usize,
    /// Raised to stop the running call (see [`crate::InterruptHandle`]).
    pub(crate) interrupt: crate::interrupt::Interrupt,
    /// Items an interrupted bulk operation had done, handed to it when it resumes.
    pub(crate) bulk_progress: u64,
    /// The wall-clock budget of every outermost call and resumption.
    pub(crate) deadline: Option<std::time::Duration>,
    /// References the embedder vouches it handed to instances (see `Store::grant`).
    pub(crate) grants: crate::snapshot::Grants,
    /// Receives every executed operator, when set (see [`Store::set_tracer`]).
    pub(crate) tracer: Option<crate::debug::Tracer>,
}

impl StoreInner {
    /// Adds `func` to the store's functions; returns its address.
    pub(crate) fn push_func(&mut self, func: FuncEntity) -> u32 {
        let addr = self.funcs.len() as u32;
        self.func_types.push(func.type_id());
        self.funcs.push(func);
        addr
    }

    fn new(engine: Engine, id: StoreId) -> StoreInner {
        StoreInner {
            engine,
            id,
            funcs: Vec::new(),
            func_types: Vec::new(),
            instances: Vec::new(),
            memories: Vec::new(),
            tables: Vec::new(),
            globals: Vec::new(),
            data_segments: Vec::new(),
            elem_segments: Vec::new(),
            externs: Vec::new(),
            spare_stack: None,
            caller_instance: None,
            gas: 0,
            pending_yield: None,
            pending_gas_pause: None,
            limits: crate::limits::StoreLimits::default(),
            nested_calls: 0,
            grants: crate::snapshot::Grants::default(),
            interrupt: crate::interrupt::Interrupt::default(),
            bulk_progress: 0,
            deadline: None,
            tracer: None,
        }
    }
}

impl StoreInner {
    /// An outermost call (or a resumption) starts: interrupts raised before it do not
    /// concern it.
    /// It gets the store's deadline, if one is set.
    pub(crate) fn begin_outermost(&mut self) {
        self.bulk_progress = 0;
        let timer = self.deadline.and_then(|budget| {
            let timer = self.engine.timer()?;
            Some((timer, timer.deadline_after(budget)))
        });
        match timer {
            Some((timer, at)) => {
                self.interrupt.begin(at);
                timer.armed(at);
            }
            None => self.interrupt.begin(0),
        }
    }

    /// An outermost call (or a resumption step) ended, however it ended.
    pub(crate) fn end_outermost(&mut self) {
        self.bulk_progress = 0;
        self.interrupt.end();
    }

    /// Fails unless a handle of kind `what` made by store `owner` belongs to this store.
    pub(crate) fn check_owner(
        &self,
        owner: StoreId,
        what: &'static str,
    ) -> Result<(), crate::error::UsageError> {
        if owner == self.id {
            Ok(())
        } else {
            Err(crate::error::UsageError::ForeignHandle(what))
        }
    }

    /// Panics unless a handle of kind `what` made by store `owner` belongs to this store; for
    /// the methods whose signature cannot report an error.
    #[track_caller]
    pub(crate) fn assert_owner(&self, owner: StoreId, what: &'static str) {
        if let Err(e) = self.check_owner(owner, what) {
            panic!("{e}");
        }
    }
}

/// A function in the store.
#[derive(Clone)]
pub(crate) enum FuncEntity {
    /// A function defined by a module, with its instance.
    Wasm {
        instance: u32,
        body: Arc<CompiledFunc>,
        type_id: u32,
        /// What calls and returns read of `body`, kept here so that they read it without
        /// going through the `Arc` (set with `body`, see [`Entry::of`]).
        entry: Entry,
    },
    /// A host function: index into `Store::hosts`.
    Host { host: u32, type_id: u32 },
}

impl FuncEntity {
    pub(crate) fn type_id(&self) -> u32 {
        match self {
            FuncEntity::Wasm { type_id, .. } | FuncEntity::Host { type_id, .. } => *type_id,
        }
    }
}

/// An instance's index spaces, resolved to store addresses.
#[derive(Clone)]
pub(crate) struct InstanceEntity {
    pub(crate) module: Module,
    pub(crate) funcs: Vec<u32>,
    pub(crate) tables: Vec<u32>,
    pub(crate) memories: Vec<u32>,
    pub(crate) globals: Vec<u32>,
    pub(crate) data: Vec<u32>,
    pub(crate) elems: Vec<u32>,
}

/// A linear memory.
#[derive(Clone)]
pub(crate) struct MemoryEntity {
    pub(crate) bytes: AlignedBytes,
    pub(crate) ty: MemoryType,
    /// The size the memory was created with: it can never be smaller.
    pub(crate) min_pages: u64,
}

impl MemoryEntity {
    /// A zeroed memory of `ty.min()` pages; `None` if the host cannot allocate it.
    pub(crate) fn new(ty: MemoryType) -> Option<MemoryEntity> {
        let len = usize::try_from(ty.min().checked_mul(ty.page_size())?).ok()?;
        Some(MemoryEntity {
            bytes: AlignedBytes::zeroed(len)?,
            ty,
            min_pages: ty.min(),
        })
    }

    /// Makes the type's minimum the current size again, after the bytes were replaced.
    pub(crate) fn sync_type(&mut self) {
        self.ty = self.ty.with_min(self.pages());
    }

    /// The size in the memory's own pages.
    pub(crate) fn pages(&self) -> u64 {
        self.bytes.len() as u64 >> self.ty.page_size_log2()
    }

    /// The most pages the memory may have: its maximum, within what a 32-bit memory allows.
    pub(crate) fn page_limit(&self) -> u64 {
        let limit = self.ty.page_limit();
        self.ty.max().unwrap_or(limit).min(limit)
    }

    /// Grows by `delta` pages; returns the old size in pages, or `None` if the maximum (or
    /// the host's allocator) does not allow it.
    pub(crate) fn grow(&mut self, delta: u64) -> Option<u64> {
        let old = self.pages();
        let new = old.checked_add(delta)?;
        if new > self.page_limit() {
            return None;
        }
        let new_len = usize::try_from(new.checked_mul(self.ty.page_size())?).ok()?;
        if !self.bytes.grow_zeroed(new_len - self.bytes.len()) {
            return None;
        }
        self.ty = self.ty.with_min(new);
        Some(old)
    }
}

/// The most elements a table holds, whatever its index type: 2^32 - 1 (32 GiB of slots).
/// A 64-bit table may declare more; growing past this fails as any growth may, and a table
/// created larger is refused. Indices of 64-bit tables are narrowed to 32 bits relying on it
/// (`Instr::TableIndex64`): a narrowed index of 2^32 - 1 is out of bounds.
pub(crate) const MAX_TABLE_ELEMENTS: u64 = u32::MAX as u64;

/// A table of references (slot encoding).
#[derive(Clone)]
pub(crate) struct TableEntity {
    pub(crate) elems: Vec<u64>,
    pub(crate) ty: TableType,
    /// The size the table was created with: it can never be smaller.
    pub(crate) min_size: u64,
}

impl TableEntity {
    pub(crate) fn new(ty: TableType, init: u64) -> TableEntity {
        TableEntity {
            elems: vec![init; ty.min() as usize],
            ty,
            min_size: ty.min(),
        }
    }

    /// Makes the type's minimum the current size again, after the elements were replaced.
    pub(crate) fn sync_type(&mut self) {
        self.ty = self.ty.with_min(self.elems.len() as u64);
    }

    /// Grows by `delta` elements set to `init`; returns the old size or `None`.
    pub(crate) fn grow(&mut self, delta: u64, init: u64) -> Option<u64> {
        let old = self.elems.len() as u64;
        let new = old.checked_add(delta)?;
        let max = self.ty.max().unwrap_or(u64::MAX);
        if new > max.min(MAX_TABLE_ELEMENTS) {
            return None;
        }
        let new_len = usize::try_from(new).ok()?;
        if self
            .elems
            .try_reserve_exact(new_len - self.elems.len())
            .is_err()
        {
            return None;
        }
        self.elems.resize(new_len, init);
        self.ty = self.ty.with_min(new);
        Some(old)
    }
}

/// A global variable (slot encoding).
#[derive(Clone)]
pub(crate) struct GlobalEntity {
    pub(crate) value: u64,
    /// The high half of a `v128` global; 0 for the other types.
    pub(crate) high: u64,
    pub(crate) ty: GlobalType,
}

impl GlobalEntity {
    /// Both slots of the value, the high one (a `v128`'s high half) in the high bits.
    pub(crate) fn bits(&self) -> u128 {
        u128::from(self.value) | u128::from(self.high) << 64
    }
}

/// Anything that gives shared access to a store: `&Store<T>`, `&mut Store<T>`, a `Caller`.
pub trait AsContext {
    /// The embedder's data type.
    type Data;
    /// The store.
    fn as_context(&self) -> &Store<Self::Data>;
}

/// Anything that gives exclusive access to a store: `&mut Store<T>`, a `Caller`.
pub trait AsContextMut: AsContext {
    /// The store, mutably.
    fn as_context_mut(&mut self) -> &mut Store<Self::Data>;
}

impl<T> AsContext for Store<T> {
    type Data = T;
    fn as_context(&self) -> &Store<T> {
        self
    }
}

impl<T> AsContextMut for Store<T> {
    fn as_context_mut(&mut self) -> &mut Store<T> {
        self
    }
}

impl<S: AsContext + ?Sized> AsContext for &S {
    type Data = S::Data;
    fn as_context(&self) -> &Store<S::Data> {
        (**self).as_context()
    }
}

impl<S: AsContext + ?Sized> AsContext for &mut S {
    type Data = S::Data;
    fn as_context(&self) -> &Store<S::Data> {
        (**self).as_context()
    }
}

impl<S: AsContextMut + ?Sized> AsContextMut for &mut S {
    fn as_context_mut(&mut self) -> &mut Store<S::Data> {
        (**self).as_context_mut()
    }
}
