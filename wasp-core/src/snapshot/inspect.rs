//! Reading a snapshot without a store: what [`SnapshotInfo`] shows of a saved store and its
//! paused call (gas, why it paused, memories, globals, frames), for `wasp inspect`.
//!
//! Nothing is instantiated or run. The bytes are untrusted and read by the reader restoring
//! uses (`format.rs`): every length is checked against the bytes left, every code and flag
//! against the format, every index here is looked up with a bounds check, and anything that
//! does not add up is a [`SnapshotError`], never a panic. The modules, when given, are matched to the
//! snapshot's instances by their content hash; frames of an instance whose module was not
//! given show only their function index.

use std::sync::Arc;

use super::format::{self, Parts, SavedCall, SavedGlobal, SavedMemory, SavedPause, SavedTable};
use super::{corrupt, SnapshotError};
use crate::debug::{module_locals, Describer, FrameInfo, PausedFrame};
use crate::engine::executor::Frame;
use crate::module::{Module, ModuleInner};
use crate::store::StoreId;
use crate::types::ValType;
use crate::value::Val;

/// What a snapshot (the bytes of [`Store::snapshot`](crate::Store::snapshot)) holds, read
/// without a store.
///
/// ```
/// use wasp_core::{CallOutcome, Config, Engine, Linker, Module, PauseReason, SnapshotInfo, Store, Val};
/// let mut config = Config::default();
/// config.gas_metering(true);
/// let engine = Engine::new(&config);
/// let module = Module::new(&engine, r#"(module (memory 1)
///     (func (export "spin") (param $n i32) (local $i i32)
///       (loop $l (local.set $i (i32.add (local.get $i) (i32.const 1)))
///                (br_if $l (i32.lt_u (local.get $i) (local.get $n))))))"#)?;
/// let mut store = Store::new(&engine, ());
/// let instance = Linker::new(&engine).instantiate(&mut store, &module)?;
/// store.set_gas(50)?;
/// let spin = instance.get_func(&store, "spin").unwrap();
/// let CallOutcome::OutOfGas(paused) = spin.call_resumable(&mut store, &[Val::I32(1000)])? else {
///     panic!("expected a pause");
/// };
/// let bytes = store.snapshot(Some(&paused));
///
/// let info = SnapshotInfo::read(&bytes, &[module])?;
/// assert_eq!(info.memories()[0].byte_len(), 65536);
/// let call = info.paused_call().unwrap();
/// assert!(matches!(call.reason(), PauseReason::OutOfGas { .. }));
/// assert_eq!(call.frames()[0].info().func_index(), 0);
/// assert_eq!(call.frames()[0].locals()[0], Val::I32(1000));
/// # Ok::<(), wasp_core::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct SnapshotInfo {
    gas_left: u64,
    modules: Vec<u64>,
    missing: Vec<u64>,
    memories: Vec<MemoryInfo>,
    tables: Vec<TableInfo>,
    globals: Vec<GlobalInfo>,
    call: Option<PausedCallInfo>,
}

/// Where an item of a snapshot sits: its instance (in instantiation order) and its index in
/// that instance's index space. The first instance that has it, when several share it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Owner {
    /// The instance, counting from 0 in instantiation order.
    pub instance: u32,
    /// The index in the instance's index space (memories, tables or globals).
    pub index: u32,
}

/// A linear memory of a snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoryInfo {
    byte_len: u64,
    maximum: Option<u64>,
    page_size: u64,
    is_64: bool,
    owner: Option<Owner>,
}

impl MemoryInfo {
    /// The memory's size in bytes.
    pub fn byte_len(&self) -> u64 {
        self.byte_len
    }

    /// The maximum size in pages, if the memory has one.
    pub fn maximum(&self) -> Option<u64> {
        self.maximum
    }

    /// Whether the memory's addresses are `i64` (memory64).
    pub fn is_64(&self) -> bool {
        self.is_64
    }

    /// The page size in bytes (65536, or 1 for custom page sizes), as the snapshot records it.
    pub fn page_size(&self) -> u64 {
        self.page_size
    }

    /// The size in pages.
    pub fn pages(&self) -> u64 {
        self.byte_len / self.page_size
    }

    /// The instance that has the memory, if any does.
    pub fn owner(&self) -> Option<Owner> {
        self.owner
    }
}

/// A table of a snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableInfo {
    is_64: bool,
    element: ValType,
    len: u64,
    maximum: Option<u64>,
}

impl TableInfo {
    /// Whether the table's indices are `i64` (a 64-bit table of the memory64 proposal).
    pub fn is_64(&self) -> bool {
        self.is_64
    }

    /// The element type.
    pub fn element(&self) -> ValType {
        self.element
    }

    /// The number of elements.
    pub fn len(&self) -> u64 {
        self.len
    }

    /// Whether the table has no elements.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The maximum number of elements, if the table has one.
    pub fn maximum(&self) -> Option<u64> {
        self.maximum
    }
}

/// A global of a snapshot.
#[derive(Debug, Clone, PartialEq)]
pub struct GlobalInfo {
    mutable: bool,
    value: Val,
    owner: Option<Owner>,
}

impl GlobalInfo {
    /// Whether the global is mutable.
    pub fn mutable(&self) -> bool {
        self.mutable
    }

    /// Its value. A reference is a handle of no store: it only says null or not null.
    pub fn value(&self) -> &Val {
        &self.value
    }

    /// The instance that has the global, if any does.
    pub fn owner(&self) -> Option<Owner> {
        self.owner
    }
}

/// Why a saved call paused.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum PauseReason {
    /// The gas ran out; the next step needs `needed` more. With `host_call`, that step is a
    /// call of a host function (its store function index), not yet made.
    OutOfGas {
        /// The gas the next step needs beyond what was left.
        needed: u64,
        /// The store function index of a host function about to be called.
        host_call: Option<u32>,
    },
    /// A host function (its store function index) yielded `value`.
    Yielded {
        /// The value the host function yielded.
        value: Val,
        /// The store function index of the host function.
        host_call: u32,
    },
    /// The store was interrupted; a bulk operation there had done `progress` items.
    Interrupted {
        /// Items of a memory or table bulk operation already done.
        progress: u64,
    },
}

/// The paused call of a snapshot.
#[derive(Debug, Clone)]
pub struct PausedCallInfo {
    reason: PauseReason,
    gas_used: u64,
    results: Vec<ValType>,
    frames: Vec<PausedFrame>,
}

impl PausedCallInfo {
    /// Why it paused.
    pub fn reason(&self) -> &PauseReason {
        &self.reason
    }

    /// The gas the call had used when it paused, over all its steps.
    pub fn gas_used(&self) -> u64 {
        self.gas_used
    }

    /// The types of the results the call will return.
    pub fn results(&self) -> &[ValType] {
        &self.results
    }

    /// Its frames, innermost first, as [`Continuation::frames`](crate::Continuation::frames)
    /// shows them. A frame of an instance whose module was not given has only its function
    /// index: no name, offset or locals.
    pub fn frames(&self) -> &[PausedFrame] {
        &self.frames
    }
}

/// The instances and store functions a snapshot's layout describes.
#[derive(Default)]
struct Layout {
    /// Per instance: module content hash and its functions, memories and globals (store
    /// indices).
    instances: Vec<InstanceLayout>,
    /// Per store function: the instance that defines it, `None` for a host function.
    owners: Vec<Option<u32>>,
}

struct InstanceLayout {
    hash: u64,
    funcs: Vec<u64>,
    memories: Vec<u64>,
    globals: Vec<u64>,
}

impl SnapshotInfo {
    /// Reads `bytes`, a snapshot written by [`Store::snapshot`](crate::Store::snapshot).
    /// `modules` are the modules of the snapshot's instances, in any order (matched by
    /// content hash); those missing leave frames without names, offsets and locals, and
    /// memories without page sizes.
    ///
    /// # Errors
    ///
    /// [`SnapshotError`] when the bytes are not a whole, consistent snapshot.
    pub fn read(bytes: &[u8], modules: &[Module]) -> Result<SnapshotInfo, SnapshotError> {
        let mut inspecting = Inspecting {
            modules,
            layout: Layout::default(),
            by_instance: Vec::new(),
            memories: Vec::new(),
            tables: Vec::new(),
            globals: Vec::new(),
            call: None,
        };
        let gas_left = format::read(bytes, &mut inspecting)?;
        let Inspecting {
            layout,
            by_instance,
            memories,
            tables,
            globals,
            call,
            ..
        } = inspecting;
        let mut missing: Vec<u64> = layout
            .instances
            .iter()
            .zip(&by_instance)
            .filter(|(_, m)| m.is_none())
            .map(|(i, _)| i.hash)
            .collect();
        missing.dedup();
        Ok(SnapshotInfo {
            gas_left,
            modules: layout.instances.iter().map(|i| i.hash).collect(),
            missing,
            memories,
            tables,
            globals,
            call,
        })
    }

    /// The gas left in the store when it was saved.
    pub fn gas_left(&self) -> u64 {
        self.gas_left
    }

    /// The content hash ([`Module::content_hash`]) of each instance's module, in
    /// instantiation order.
    pub fn module_hashes(&self) -> &[u64] {
        &self.modules
    }

    /// The content hashes of the instances' modules that were not given to
    /// [`SnapshotInfo::read`].
    pub fn missing_modules(&self) -> &[u64] {
        &self.missing
    }

    /// The store's memories, in store order.
    pub fn memories(&self) -> &[MemoryInfo] {
        &self.memories
    }

    /// The store's tables, in store order.
    pub fn tables(&self) -> &[TableInfo] {
        &self.tables
    }

    /// The store's globals, in store order.
    pub fn globals(&self) -> &[GlobalInfo] {
        &self.globals
    }

    /// The paused call, if the snapshot holds one.
    pub fn paused_call(&self) -> Option<&PausedCallInfo> {
        self.call.as_ref()
    }
}

/// What [`SnapshotInfo::read`] gathers from each part of a snapshot as it is read.
struct Inspecting<'m> {
    modules: &'m [Module],
    layout: Layout,
    /// Per instance of the layout: its module, when it was given.
    by_instance: Vec<Option<&'m Arc<ModuleInner>>>,
    memories: Vec<MemoryInfo>,
    tables: Vec<TableInfo>,
    globals: Vec<GlobalInfo>,
    call: Option<PausedCallInfo>,
}

impl Parts for Inspecting<'_> {
    fn layout(&mut self, nums: &[u64]) -> Result<(), SnapshotError> {
        self.layout = parse_layout(nums)?;
        let modules = self.modules;
        self.by_instance = self
            .layout
            .instances
            .iter()
            .map(|i| {
                modules
                    .iter()
                    .map(|m| &m.inner)
                    .find(|m| m.hash.get() == i.hash)
            })
            .collect();
        Ok(())
    }

    fn memory(&mut self, addr: usize, saved: SavedMemory<'_>) -> Result<(), SnapshotError> {
        let page_size = match saved.page_size_log2 {
            log2 @ (0 | 16) => 1u64 << log2,
            log2 => {
                return Err(corrupt(
                    "a memory's page size",
                    format!("expected log2 0 or 16, found {log2}"),
                ))
            }
        };
        let owner = owner_of(&self.layout, addr, |i| &i.memories);
        if let Some(declared) = owner.and_then(|o| {
            let module = self
                .by_instance
                .get(o.instance as usize)
                .copied()
                .flatten()?;
            Some(module.memories.get(o.index as usize)?.page_size())
        }) {
            if declared != page_size {
                return Err(super::mismatch("a memory's page size", declared, page_size));
            }
        }
        self.memories.push(MemoryInfo {
            byte_len: saved.bytes.len() as u64,
            maximum: saved.max,
            page_size,
            is_64: saved.is_64,
            owner,
        });
        Ok(())
    }

    fn table(&mut self, _index: usize, saved: SavedTable) -> Result<(), SnapshotError> {
        self.tables.push(TableInfo {
            is_64: saved.is_64,
            element: saved.element,
            len: saved.elems.len() as u64,
            maximum: saved.max,
        });
        Ok(())
    }

    fn global(&mut self, addr: usize, saved: SavedGlobal) -> Result<(), SnapshotError> {
        self.globals.push(GlobalInfo {
            mutable: saved.mutable,
            value: Val::from_slots(StoreId::NONE, saved.ty, saved.value, saved.high),
            owner: owner_of(&self.layout, addr, |i| &i.globals),
        });
        Ok(())
    }

    fn call(&mut self, saved: SavedCall) -> Result<(), SnapshotError> {
        self.call = Some(paused_call(&self.layout, &self.by_instance, saved)?);
        Ok(())
    }
}

// ----- layout -----------------------------------------------------------------------------------

/// Takes the next number of a layout list.
fn next(nums: &mut std::slice::Iter<'_, u64>) -> Result<u64, SnapshotError> {
    nums.next()
        .copied()
        .ok_or_else(|| corrupt("the layout", "it ends too early".into()))
}

/// Takes a length-prefixed list of store indices.
fn list(nums: &mut std::slice::Iter<'_, u64>) -> Result<Vec<u64>, SnapshotError> {
    let len = next(nums)?;
    if len > nums.len() as u64 {
        return Err(corrupt("the layout", "an index space is too long".into()));
    }
    (0..len).map(|_| next(nums)).collect()
}

/// The instances and store functions of a layout list (see `format::layout`).
fn parse_layout(nums: &[u64]) -> Result<Layout, SnapshotError> {
    let mut it = nums.iter();
    let count = next(&mut it)?;
    if count > it.len() as u64 {
        return Err(corrupt("the layout", "too many instances".into()));
    }
    let mut instances = Vec::new();
    for _ in 0..count {
        let hash = next(&mut it)?;
        let funcs = list(&mut it)?;
        let _tables = list(&mut it)?;
        let memories = list(&mut it)?;
        let globals = list(&mut it)?;
        let _data = list(&mut it)?;
        let _elems = list(&mut it)?;
        instances.push(InstanceLayout {
            hash,
            funcs,
            memories,
            globals,
        });
    }
    let owners = list(&mut it)?
        .into_iter()
        .map(|i| (i < count).then_some(i as u32))
        .collect();
    if it.len() != 0 {
        return Err(corrupt("the layout", "numbers follow its end".into()));
    }
    Ok(Layout { instances, owners })
}

/// The first instance whose index space `space` holds store index `addr`, and where.
fn owner_of(layout: &Layout, addr: usize, space: fn(&InstanceLayout) -> &[u64]) -> Option<Owner> {
    layout.instances.iter().enumerate().find_map(|(i, inst)| {
        let index = space(inst).iter().position(|&a| a == addr as u64)?;
        Some(Owner {
            instance: i as u32,
            index: index as u32,
        })
    })
}

// ----- the paused call --------------------------------------------------------------------------

fn reason(pause: SavedPause) -> PauseReason {
    match pause {
        SavedPause::OutOfGas { needed, host } => PauseReason::OutOfGas {
            needed,
            host_call: host.map(|h| h.func),
        },
        SavedPause::Yielded {
            ty,
            value,
            high,
            host,
        } => PauseReason::Yielded {
            value: Val::from_slots(StoreId::NONE, ty, value, high),
            host_call: host.func,
        },
        SavedPause::Interrupted { progress } => PauseReason::Interrupted { progress },
    }
}

fn paused_call(
    layout: &Layout,
    modules: &[Option<&Arc<ModuleInner>>],
    saved: SavedCall,
) -> Result<PausedCallInfo, SnapshotError> {
    let reason = reason(saved.pause);
    // Paused before an instruction, the top frame's pc is that instruction; at a host
    // call, just past the call.
    let top_exact = matches!(
        reason,
        PauseReason::Interrupted { .. }
            | PauseReason::OutOfGas {
                host_call: None,
                ..
            }
    );
    let mut describer = Describer::default();
    let frames = saved
        .frames
        .iter()
        .rev()
        .enumerate()
        .map(|(i, f)| {
            describe(
                &mut describer,
                layout,
                modules,
                &saved.values,
                f,
                i == 0,
                top_exact && i == 0,
            )
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(PausedCallInfo {
        reason,
        gas_used: saved.gas_used,
        results: saved.results,
        frames,
    })
}

/// The likely cause of a frame that does not fit its function's translated code.
const OTHER_TRANSLATION: &str = " (was the module compiled with the same gas metering \
    setting as when the snapshot was taken?)";

/// Describes one saved frame, through its module's translated code when it was given.
fn describe<'m>(
    describer: &mut Describer<'m>,
    layout: &Layout,
    modules: &[Option<&'m Arc<ModuleInner>>],
    values: &[u64],
    frame: &Frame,
    top: bool,
    exact: bool,
) -> Result<PausedFrame, SnapshotError> {
    let bad = |detail: &str| corrupt("frames", format!("function {}: {detail}", frame.func));
    let instance = layout
        .owners
        .get(frame.func as usize)
        .ok_or_else(|| bad("no such store function"))?
        .ok_or_else(|| bad("a host function has no frames"))?;
    let inst = &layout.instances[instance as usize];
    let func_index =
        inst.funcs
            .iter()
            .position(|&a| a == u64::from(frame.func))
            .ok_or_else(|| bad("not in its instance's function index space"))? as u32;
    let Some(module) = modules.get(instance as usize).copied().flatten() else {
        let info = FrameInfo {
            func_index,
            func_name: None,
            module_offset: None,
            source: None,
        };
        return Ok(PausedFrame::new(info, Vec::new()));
    };
    let body = (func_index as usize)
        .checked_sub(module.num_imported_funcs)
        .and_then(|defined| module.compiled(defined).ok())
        .ok_or_else(|| bad("its module does not define it"))?;
    if frame.pc() as usize >= body.ops.len() {
        return Err(bad(&format!(
            "its position lies outside its code{OTHER_TRANSLATION}"
        )));
    }
    // A caller waits right after a call; anywhere else, the module was translated otherwise
    // than when the snapshot was taken (another gas configuration) or the bytes lie.
    if !top && super::check::call_site(&body.ops, frame.pc() as usize).is_none() {
        return Err(bad(&format!(
            "a caller is not stopped right after a call{OTHER_TRANSLATION}"
        )));
    }
    let info = describer.describe_in(module, func_index, &body, frame.pc(), exact);
    let locals = module_locals(module, func_index, values, frame.base, StoreId::NONE)
        .ok_or_else(|| bad("its locals lie past the saved value slots"))?;
    Ok(PausedFrame::new(info, locals))
}
