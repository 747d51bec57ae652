//! Which references each instance may hold: the confinement rule restore enforces.
//!
//! Instances that share a function, a table or a global (one imports it from the other, or
//! both import the same host-made table or global) can pass references to each other through
//! calls, arguments, results, tables and globals; such a *group* is closed under sharing and
//! has one reach:
//!
//! - `funcref`: null, or a function in the function index space of one of the group's
//!   instances (its own functions and the ones it imports), or one the embedder granted to one
//!   of them with [`Store::grant`](crate::Store::grant);
//! - `externref`: null, or an extern value granted to one of them with `Store::grant`.
//!
//! Every reference the group's code can produce is in this reach, whatever it runs: code
//! creates function references only with `ref.func` (its own index space) and receives
//! references only from the group and from the embedder.

use std::collections::HashMap;

use super::SnapshotError;
use crate::engine::translator::RefKind;
use crate::store::{FuncEntity, StoreInner};

/// References the embedder handed to instances, recorded with [`Store::grant`](crate::Store::grant).
#[derive(Debug, Clone, Default)]
pub(crate) struct Grants {
    /// `(instance, kind, store index)`.
    list: Vec<(u32, RefKind, u32)>,
}

impl Grants {
    pub(crate) fn add(&mut self, instance: u32, kind: RefKind, index: u32) {
        self.list.push((instance, kind, index));
    }
}

impl<T> crate::Store<T> {
    /// Records that the embedder handed `value`, a reference, to `instance`: snapshots
    /// restored into this store may hold it wherever that instance's group can reach
    /// (see the module docs of snapshots for the rule). Numbers and null references are
    /// ignored.
    ///
    /// Call it on the store a snapshot is restored into, for each reference the embedder
    /// gave the instance from outside its group (an extern value, another instance's
    /// function, through a call's arguments, a host function's results, `Table::set` or
    /// `Global::set`): restore refuses a snapshot holding such a reference unless it was
    /// granted, since the bytes alone cannot prove where it came from.
    ///
    /// ```
    /// use wasp_core::{Engine, ExternRef, Linker, Module, Store, Val};
    /// let engine = Engine::default();
    /// let module = Module::new(&engine, r#"(module (global (export "g") (mut externref) (ref.null extern)))"#)?;
    /// let build = || -> Result<_, wasp_core::Error> {
    ///     let mut store = Store::new(&engine, ());
    ///     let instance = Linker::new(&engine).instantiate(&mut store, &module)?;
    ///     let player = ExternRef::new(&mut store, "player one");
    ///     Ok((store, instance, player))
    /// };
    /// let (mut store, instance, player) = build()?;
    /// let g = instance.get_global(&store, "g").unwrap();
    /// g.set(&mut store, Val::ExternRef(Some(player)))?;
    /// let bytes = store.snapshot(None);
    ///
    /// let (mut fresh, instance, player) = build()?;
    /// assert!(fresh.restore(&bytes).is_err()); // nobody vouched for `player`
    /// fresh.grant(instance, Val::ExternRef(Some(player)));
    /// assert!(fresh.restore(&bytes)?.is_none());
    /// # Ok::<(), wasp_core::Error>(())
    /// ```
    pub fn grant(&mut self, instance: crate::Instance, value: crate::Val) {
        let (kind, slot) = match value {
            crate::Val::FuncRef(_) => (RefKind::Func, value.to_slot()),
            crate::Val::ExternRef(_) => (RefKind::Extern, value.to_slot()),
            _ => return,
        };
        if let Some(index) = slot.checked_sub(1) {
            self.inner.grants.add(instance.index(), kind, index as u32);
        }
    }
}

/// The reach of every group of a store, and which group each instance, table and global
/// belongs to.
pub(crate) struct Reach {
    group_of: Vec<usize>,
    /// Per group: the sorted store indices of the functions and extern values it may hold.
    funcs: Vec<Vec<u32>>,
    externs: Vec<Vec<u32>>,
    /// Per group: its instances, for messages.
    members: Vec<Vec<u32>>,
    table_group: HashMap<u32, usize>,
    global_group: HashMap<u32, usize>,
}

impl Reach {
    /// Computes the groups and their reach.
    pub(crate) fn of(s: &StoreInner) -> Reach {
        let n = s.instances.len();
        let mut parent: Vec<usize> = (0..n).collect();
        let mut owner_of_table = HashMap::new();
        let mut owner_of_global = HashMap::new();
        for (i, inst) in s.instances.iter().enumerate() {
            for &f in &inst.funcs {
                if let Some(FuncEntity::Wasm { instance, .. }) = s.funcs.get(f as usize) {
                    union(&mut parent, i, *instance as usize);
                }
            }
            for &t in &inst.tables {
                let first = *owner_of_table.entry(t).or_insert(i);
                union(&mut parent, i, first);
            }
            for &g in &inst.globals {
                let first = *owner_of_global.entry(g).or_insert(i);
                union(&mut parent, i, first);
            }
        }
        let mut index_of_root = HashMap::new();
        let group_of: Vec<usize> = (0..n)
            .map(|i| {
                let root = find(&mut parent, i);
                let next = index_of_root.len();
                *index_of_root.entry(root).or_insert(next)
            })
            .collect();
        let groups = index_of_root.len();
        let mut reach = Reach {
            funcs: vec![Vec::new(); groups],
            externs: vec![Vec::new(); groups],
            members: vec![Vec::new(); groups],
            table_group: owner_of_table
                .into_iter()
                .map(|(t, i)| (t, group_of[i]))
                .collect(),
            global_group: owner_of_global
                .into_iter()
                .map(|(g, i)| (g, group_of[i]))
                .collect(),
            group_of,
        };
        for (i, inst) in s.instances.iter().enumerate() {
            let g = reach.group_of[i];
            reach.members[g].push(i as u32);
            reach.funcs[g].extend_from_slice(&inst.funcs);
        }
        for &(instance, kind, index) in &s.grants.list {
            if let Some(&g) = reach.group_of.get(instance as usize) {
                match kind {
                    RefKind::Func => reach.funcs[g].push(index),
                    RefKind::Extern => reach.externs[g].push(index),
                }
            }
        }
        for list in reach.funcs.iter_mut().chain(reach.externs.iter_mut()) {
            list.sort_unstable();
            list.dedup();
        }
        reach
    }

    /// The group of the instance whose Wasm function `func` is, if it is one.
    pub(crate) fn group_of_func(&self, s: &StoreInner, func: u32) -> Option<usize> {
        match s.funcs.get(func as usize)? {
            FuncEntity::Wasm { instance, .. } => self.group_of.get(*instance as usize).copied(),
            FuncEntity::Host { .. } => None,
        }
    }

    /// The group that can reach table `t` (a store index), if any instance can.
    pub(crate) fn group_of_table(&self, t: u32) -> Option<usize> {
        self.table_group.get(&t).copied()
    }

    /// The group that can reach global `g` (a store index), if any instance can.
    pub(crate) fn group_of_global(&self, g: u32) -> Option<usize> {
        self.global_group.get(&g).copied()
    }

    /// Checks that `slot`, a reference of `kind`, is null or in the reach of `group`;
    /// `place` names where it was found.
    pub(crate) fn check(
        &self,
        s: &StoreInner,
        group: usize,
        kind: RefKind,
        slot: u64,
        what: &'static str,
        place: impl FnOnce() -> String,
    ) -> Result<(), SnapshotError> {
        let Some(index) = slot.checked_sub(1) else {
            return Ok(());
        };
        let list = match kind {
            RefKind::Func => &self.funcs[group],
            RefKind::Extern => &self.externs[group],
        };
        if u32::try_from(index).is_ok_and(|i| list.binary_search(&i).is_ok()) {
            return Ok(());
        }
        let found = match kind {
            RefKind::Func => describe_func(s, index),
            RefKind::Extern => format!("extern value {index}"),
        };
        let (ty, from) = match kind {
            RefKind::Func => ("funcref", "their function index spaces or granted"),
            RefKind::Extern => ("externref", "the extern values granted"),
        };
        let members = &self.members[group];
        let who = match members.as_slice() {
            [one] => format!("instance {one}"),
            many => format!("instances {many:?}"),
        };
        Err(SnapshotError::Corrupt {
            what,
            detail: format!(
                "{}: expected a {ty} that {who} can reach (null, or one of {from} to them), \
                 found {found}",
                place()
            ),
        })
    }
}

/// A store function for a message: its index and where it lives.
pub(crate) fn describe_func(s: &StoreInner, index: u64) -> String {
    let owner = usize::try_from(index).ok().and_then(|i| s.funcs.get(i));
    match owner {
        Some(FuncEntity::Wasm { instance, .. }) => {
            let local = s
                .instances
                .get(*instance as usize)
                .and_then(|inst| inst.funcs.iter().position(|&f| u64::from(f) == index));
            match local {
                Some(k) => format!("store function {index} (function {k} of instance {instance})"),
                None => format!("store function {index} (of instance {instance})"),
            }
        }
        Some(FuncEntity::Host { .. }) => format!("store function {index} (a host function)"),
        None => format!(
            "store function {index}, past the store's {} functions",
            s.funcs.len()
        ),
    }
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    if b >= parent.len() {
        return;
    }
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}
