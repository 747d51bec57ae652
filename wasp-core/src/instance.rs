//! Instances: a module's definitions allocated in a store, and how they are created.

use crate::engine::executor::Entry;
use crate::error::UsageError;
use crate::error::{Error, LinkError, TrapCode};
use crate::func::{Func, TypedFunc, WasmTyList};
use crate::global::Global;
use crate::limits::LimitError;
use crate::memory::Memory;
use crate::module::{ExportKind, ImportKind, Module, SegmentMode};
use crate::store::{
    AsContext, FuncEntity, GlobalEntity, InstanceEntity, MemoryEntity, Store, StoreId, TableEntity,
};
use crate::table::Table;
use crate::types::ExternType;

/// An instantiated module in a store. A small `Copy` handle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Instance {
    store: StoreId,
    index: u32,
}

/// Anything an instance exports or a module imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Extern {
    /// A function.
    Func(Func),
    /// A table.
    Table(Table),
    /// A linear memory.
    Memory(Memory),
    /// A global.
    Global(Global),
}

impl Extern {
    /// The type of the item.
    ///
    /// # Panics
    ///
    /// If the item belongs to another store.
    #[track_caller]
    pub fn ty(&self, store: impl AsContext) -> ExternType {
        match self {
            Extern::Func(f) => ExternType::Func(f.ty(&store)),
            Extern::Table(t) => ExternType::Table(t.ty(&store)),
            Extern::Memory(m) => ExternType::Memory(m.ty(&store)),
            Extern::Global(g) => ExternType::Global(g.ty(&store)),
        }
    }

    /// The function, if this is one.
    pub fn into_func(self) -> Option<Func> {
        match self {
            Extern::Func(f) => Some(f),
            _ => None,
        }
    }

    /// The memory, if this is one.
    pub fn into_memory(self) -> Option<Memory> {
        match self {
            Extern::Memory(m) => Some(m),
            _ => None,
        }
    }

    /// The table, if this is one.
    pub fn into_table(self) -> Option<Table> {
        match self {
            Extern::Table(t) => Some(t),
            _ => None,
        }
    }

    /// The global, if this is one.
    pub fn into_global(self) -> Option<Global> {
        match self {
            Extern::Global(g) => Some(g),
            _ => None,
        }
    }
}

impl From<Func> for Extern {
    fn from(f: Func) -> Extern {
        Extern::Func(f)
    }
}

impl From<Memory> for Extern {
    fn from(m: Memory) -> Extern {
        Extern::Memory(m)
    }
}

impl From<Table> for Extern {
    fn from(t: Table) -> Extern {
        Extern::Table(t)
    }
}

impl From<Global> for Extern {
    fn from(g: Global) -> Extern {
        Extern::Global(g)
    }
}

impl Instance {
    pub(crate) fn from_index(store: StoreId, index: u32) -> Instance {
        Instance { store, index }
    }

    pub(crate) fn index(self) -> u32 {
        self.index
    }

    #[track_caller]
    fn entity<'a, T>(&self, store: &'a Store<T>) -> &'a InstanceEntity {
        store.inner.assert_owner(self.store, "instance");
        // A handle of this store names one of its instances: instances are never removed.
        &store.inner.instances[self.index as usize]
    }

    /// The export named `name`.
    ///
    /// # Panics
    ///
    /// If the instance belongs to another store.
    #[track_caller]
    pub fn get_export(&self, store: impl AsContext, name: &str) -> Option<Extern> {
        let entity = self.entity(store.as_context());
        let m = &entity.module.inner;
        let export = &m.exports[*m.export_index.get(name)?];
        Some(export_of(self.store, entity, export.kind, export.index))
    }

    /// The exported function named `name`.
    ///
    /// # Panics
    ///
    /// If the instance belongs to another store.
    #[track_caller]
    pub fn get_func(&self, store: impl AsContext, name: &str) -> Option<Func> {
        self.get_export(store, name)?.into_func()
    }

    /// The exported memory named `name`.
    ///
    /// # Panics
    ///
    /// If the instance belongs to another store.
    #[track_caller]
    pub fn get_memory(&self, store: impl AsContext, name: &str) -> Option<Memory> {
        self.get_export(store, name)?.into_memory()
    }

    /// The exported table named `name`.
    ///
    /// # Panics
    ///
    /// If the instance belongs to another store.
    #[track_caller]
    pub fn get_table(&self, store: impl AsContext, name: &str) -> Option<Table> {
        self.get_export(store, name)?.into_table()
    }

    /// The exported global named `name`.
    ///
    /// # Panics
    ///
    /// If the instance belongs to another store.
    #[track_caller]
    pub fn get_global(&self, store: impl AsContext, name: &str) -> Option<Global> {
        self.get_export(store, name)?.into_global()
    }

    /// The exported function named `name` as a [`TypedFunc`].
    ///
    /// # Errors
    ///
    /// Fails if the instance belongs to another store, or the function is missing or its type
    /// is not `Params -> Results`.
    pub fn get_typed_func<Params: WasmTyList, Results: WasmTyList>(
        &self,
        store: impl AsContext,
        name: &str,
    ) -> Result<TypedFunc<Params, Results>, Error> {
        store
            .as_context()
            .inner
            .check_owner(self.store, "instance")?;
        let func = self
            .get_func(&store, name)
            .ok_or_else(|| UsageError::MissingExport {
                kind: "function",
                name: name.to_string(),
            })?;
        func.typed(&store)
    }

    /// All exports, sorted by name.
    ///
    /// # Panics
    ///
    /// If the instance belongs to another store.
    #[track_caller]
    pub fn exports(&self, store: impl AsContext) -> Vec<(String, Extern)> {
        let entity = self.entity(store.as_context());
        let mut all: Vec<(String, Extern)> = entity
            .module
            .inner
            .exports
            .iter()
            .map(|e| {
                (
                    e.name.clone(),
                    export_of(self.store, entity, e.kind, e.index),
                )
            })
            .collect();
        all.sort_by(|a, b| a.0.cmp(&b.0));
        all
    }

    /// The module this instance was created from.
    ///
    /// # Panics
    ///
    /// If the instance belongs to another store.
    #[track_caller]
    pub fn module<'a, T>(&self, store: &'a Store<T>) -> Option<&'a Module> {
        Some(&self.entity(store).module)
    }
}

/// Creates an instance of `module` in `store` with `imports` given in the module's import
/// order: checks their types, allocates the definitions, applies active segments and runs
/// the start function.
pub(crate) fn instantiate<T>(
    store: &mut Store<T>,
    module: &Module,
    imports: &[Extern],
) -> Result<Instance, Error> {
    instantiate_prechecked(store, module, imports, &[])
}

/// Instantiates `module` with `imports`; those whose entry in `checked` is true were checked
/// against their import already.
pub(crate) fn instantiate_prechecked<T>(
    store: &mut Store<T>,
    module: &Module,
    imports: &[Extern],
    checked: &[bool],
) -> Result<Instance, Error> {
    check_imports(store, module, imports, checked)?;
    check_limits(&store.inner, module)?;
    let memories = new_memories(module)?;
    let m = &module.inner;
    let index = store.inner.instances.len() as u32;
    let id = store.inner.id;
    let mut entity = InstanceEntity {
        module: module.clone(),
        funcs: Vec::with_capacity(m.funcs.len()),
        tables: Vec::new(),
        memories: Vec::new(),
        globals: Vec::new(),
        data: Vec::new(),
        elems: Vec::new(),
    };
    for import in imports {
        match *import {
            Extern::Func(f) => entity.funcs.push(f.index()),
            Extern::Table(t) => entity.tables.push(t.index()),
            Extern::Memory(mem) => entity.memories.push(mem.index()),
            Extern::Global(g) => entity.globals.push(g.index()),
        }
    }
    allocate_funcs(store, module, index, &mut entity);
    allocate_globals(store, module, &mut entity);
    allocate_tables_and_memories(store, module, &mut entity, memories);
    allocate_segments(store, module, &mut entity);
    store.inner.instances.push(entity);
    initialize(store, module, index)?;
    if let Some(start) = m.start {
        let func = store.inner.instances[index as usize].funcs[start as usize];
        Func::from_index(id, func).call(&mut *store, &[], &mut [])?;
    }
    Ok(Instance { store: id, index })
}

/// Refuses an instantiation that would exceed the store's limits, before anything is
/// allocated.
/// The item an instance exports as `kind` number `index`.
fn export_of(store: StoreId, e: &InstanceEntity, kind: ExportKind, index: u32) -> Extern {
    // Validation guarantees that every export names an item of its index space.
    let i = index as usize;
    match kind {
        ExportKind::Func => Extern::Func(Func::from_index(store, e.funcs[i])),
        ExportKind::Table => Extern::Table(Table::from_index(store, e.tables[i])),
        ExportKind::Memory => Extern::Memory(Memory::from_index(store, e.memories[i])),
        ExportKind::Global => Extern::Global(Global::from_index(store, e.globals[i])),
    }
}

fn check_limits(s: &crate::store::StoreInner, module: &Module) -> Result<(), Error> {
    let m = &module.inner;
    let limits = &s.limits;
    if let Some(limit) = limits.instances {
        if s.instances.len() >= limit {
            return Err(LimitError::Instances { limit }.into());
        }
    }
    let bytes: u64 = m.memories[m.num_imported_memories..]
        .iter()
        .map(|t| t.min().saturating_mul(t.page_size()))
        .fold(0, u64::saturating_add);
    check_memory_limit(s, bytes)?;
    for t in &m.tables[m.num_imported_tables..] {
        if t.min() > crate::store::MAX_TABLE_ELEMENTS {
            return Err(LimitError::TableSize {
                limit: crate::store::MAX_TABLE_ELEMENTS,
                requested: t.min(),
            }
            .into());
        }
        if !limits.table_allows(t.min()) {
            let limit = limits.table_elements.unwrap_or(0);
            return Err(LimitError::Table {
                limit,
                requested: t.min(),
            }
            .into());
        }
    }
    Ok(())
}

/// Refuses `extra` more bytes of memory when the store's byte cap does not allow them.
pub(crate) fn check_memory_limit(s: &crate::store::StoreInner, extra: u64) -> Result<(), Error> {
    if s.limits.memory_allows(&s.memories, extra) {
        return Ok(());
    }
    let used: u64 = s.memories.iter().map(|m| m.bytes.len() as u64).sum();
    Err(LimitError::Memory {
        limit: s.limits.memory_bytes.unwrap_or(0),
        requested: used.saturating_add(extra),
    }
    .into())
}

fn check_imports<T>(
    store: &Store<T>,
    module: &Module,
    imports: &[Extern],
    checked: &[bool],
) -> Result<(), Error> {
    let m = &module.inner;
    if imports.len() != m.imports.len() {
        return Err(UsageError::ArgumentMismatch {
            expected: format!("{} imports", m.imports.len()),
            found: format!("{}", imports.len()),
        }
        .into());
    }
    for (i, (import, ext)) in m.imports.iter().zip(imports).enumerate() {
        if !ext.belongs_to(store) {
            return Err(UsageError::ForeignHandle(import.ty.kind()).into());
        }
        if checked.get(i).copied().unwrap_or(false) {
            continue;
        }
        let found = ext.ty(store);
        let ok = match (&import.kind, &found) {
            (ImportKind::Func(t), ExternType::Func(f)) => m.types[*t as usize] == *f,
            (ImportKind::Table(want), ExternType::Table(have)) => have.is_subtype_of(want),
            (ImportKind::Memory(want), ExternType::Memory(have)) => have.is_subtype_of(want),
            (ImportKind::Global(want), ExternType::Global(have)) => have.is_subtype_of(want),
            _ => false,
        };
        if !ok {
            return Err(LinkError::IncompatibleImport {
                module: import.module.clone(),
                name: import.name.clone(),
                expected: import.ty.to_string(),
                found: found.to_string(),
            }
            .into());
        }
    }
    Ok(())
}

impl Extern {
    fn belongs_to<T>(&self, store: &Store<T>) -> bool {
        let owner = match self {
            Extern::Func(f) => f.store_id(),
            Extern::Table(t) => t.store_id(),
            Extern::Memory(m) => m.store_id(),
            Extern::Global(g) => g.store_id(),
        };
        owner == store.inner.id
    }
}

fn allocate_funcs<T>(store: &mut Store<T>, module: &Module, index: u32, e: &mut InstanceEntity) {
    let m = &module.inner;
    for i in 0..m.code.len() {
        let ty = m.funcs[m.num_imported_funcs + i];
        // `i` is below the number of bodies.
        let Some(body) = m.code.entry(i) else { break };
        let addr = store.inner.push_func(FuncEntity::Wasm {
            instance: index,
            entry: Entry::of(&body),
            body,
            type_id: m.type_ids[ty as usize],
        });
        e.funcs.push(addr);
    }
}

/// Evaluates a constant expression in the context of a partly built instance.
fn eval<T>(
    store: &Store<T>,
    e: &InstanceEntity,
    expr: &crate::module::const_expr::ConstExpr,
) -> u128 {
    // Validation guarantees that referenced globals and functions exist.
    expr.eval(
        |g| store.inner.globals[e.globals[g as usize] as usize].bits(),
        |f| u64::from(e.funcs[f as usize]) + 1,
    )
}

fn allocate_globals<T>(store: &mut Store<T>, module: &Module, e: &mut InstanceEntity) {
    let m = &module.inner;
    for (i, init) in m.global_inits.iter().enumerate() {
        let bits = eval(store, e, init);
        let ty = m.globals[m.num_imported_globals + i];
        e.globals.push(store.inner.globals.len() as u32);
        store.inner.globals.push(GlobalEntity {
            value: bits as u64,
            high: (bits >> 64) as u64,
            ty,
        });
    }
}

fn allocate_tables_and_memories<T>(
    store: &mut Store<T>,
    module: &Module,
    e: &mut InstanceEntity,
    memories: Vec<MemoryEntity>,
) {
    let m = &module.inner;
    for (i, init) in m.table_inits.iter().enumerate() {
        let ty = m.tables[m.num_imported_tables + i];
        let value = eval(store, e, init) as u64;
        e.tables.push(store.inner.tables.len() as u32);
        store.inner.tables.push(TableEntity::new(ty, value));
    }
    for memory in memories {
        e.memories.push(store.inner.memories.len() as u32);
        store.inner.memories.push(memory);
    }
}

/// The module's own memories, allocated before anything in the store changes.
fn new_memories(module: &Module) -> Result<Vec<MemoryEntity>, Error> {
    let m = &module.inner;
    m.memories[m.num_imported_memories..]
        .iter()
        .map(|ty| {
            MemoryEntity::new(*ty).ok_or_else(|| LimitError::Allocation { pages: ty.min() }.into())
        })
        .collect()
}

fn allocate_segments<T>(store: &mut Store<T>, module: &Module, e: &mut InstanceEntity) {
    let m = &module.inner;
    for seg in &m.elements {
        let items = seg.items.iter().map(|x| eval(store, e, x) as u64).collect();
        e.elems.push(store.inner.elem_segments.len() as u32);
        store.inner.elem_segments.push(items);
    }
    for seg in &m.data {
        e.data.push(store.inner.data_segments.len() as u32);
        store.inner.data_segments.push(Some(seg.bytes.clone()));
    }
}

/// Applies active element and data segments in order, then drops them (and declared ones).
fn initialize<T>(store: &mut Store<T>, module: &Module, index: u32) -> Result<(), Error> {
    let m = &module.inner;
    let s = &mut store.inner;
    let e = &s.instances[index as usize];
    for (i, seg) in m.elements.iter().enumerate() {
        let addr = e.elems[i] as usize;
        match &seg.mode {
            SegmentMode::Active {
                index: table,
                offset,
            } => {
                let offset = offset.eval(
                    |g| s.globals[e.globals[g as usize] as usize].bits(),
                    |f| u64::from(e.funcs[f as usize]) + 1,
                );
                let items = std::mem::take(&mut s.elem_segments[addr]);
                let t = &mut s.tables[e.tables[*table as usize] as usize];
                // The offset is an i64 for a 64-bit table, an i32 otherwise.
                let offset = if t.ty.is_64() {
                    offset as u64
                } else {
                    u64::from(offset as u32)
                };
                copy_into(&mut t.elems, offset, &items, TrapCode::TableOutOfBounds)?;
            }
            SegmentMode::Declared => s.elem_segments[addr] = Vec::new(),
            SegmentMode::Passive => {}
        }
    }
    for (i, seg) in m.data.iter().enumerate() {
        let addr = e.data[i] as usize;
        if let SegmentMode::Active { index: mem, offset } = &seg.mode {
            let offset = offset.eval(
                |g| s.globals[e.globals[g as usize] as usize].bits(),
                |f| u64::from(e.funcs[f as usize]) + 1,
            );
            s.data_segments[addr] = None;
            let memory = &mut s.memories[e.memories[*mem as usize] as usize];
            // The offset is an i64 for a 64-bit memory, an i32 otherwise.
            let offset = if memory.ty.is_64() {
                offset as u64
            } else {
                u64::from(offset as u32)
            };
            copy_into(
                &mut memory.bytes,
                offset,
                &seg.bytes,
                TrapCode::MemoryOutOfBounds,
            )?;
        }
    }
    Ok(())
}

fn copy_into<X: Copy>(dst: &mut [X], offset: u64, src: &[X], trap: TrapCode) -> Result<(), Error> {
    let Ok(start) = usize::try_from(offset) else {
        return Err(trap.into());
    };
    let end = start.checked_add(src.len()).filter(|&end| end <= dst.len());
    match end {
        Some(end) => {
            dst[start..end].copy_from_slice(src);
            Ok(())
        }
        None => Err(trap.into()),
    }
}
