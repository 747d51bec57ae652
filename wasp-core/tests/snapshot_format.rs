//! The snapshot format is pinned byte for byte: a small store's snapshot is compared with
//! bytes put together by hand from the format the `snapshot` module documents, so that files
//! saved by earlier builds keep loading; restoring and inspecting read those bytes back.

mod common;

use common::{engine, instantiate};
use wasp_core::{Module, SnapshotInfo, Val};

const PROGRAM: &str = r#"(module
  (type $t (func (param i32) (result i32)))
  (table 2 funcref)
  (memory 0 1)
  (global (export "g") (mut i32) (i32.const 7))
  (func $f (type $t) (local.get 0))
  (data "ab"))"#;

/// Appends little-endian integers and length-prefixed lists.
#[derive(Default)]
struct Bytes(Vec<u8>);

impl Bytes {
    fn u8(&mut self, v: u8) -> &mut Self {
        self.0.push(v);
        self
    }

    fn u32(&mut self, v: u32) -> &mut Self {
        self.0.extend(v.to_le_bytes());
        self
    }

    fn u64s(&mut self, vs: &[u64]) -> &mut Self {
        vs.iter().for_each(|v| self.0.extend(v.to_le_bytes()));
        self
    }
}

/// The snapshot of `PROGRAM` with 1234 gas left and the global set to 9, by the format.
fn by_hand(hash: u64) -> Vec<u8> {
    let mut b = Bytes::default();
    b.0.extend(b"WASPSNAP");
    b.u32(3).u64s(&[1234]);
    // Layout: one instance, its hash, its six index spaces (funcs, tables, memories,
    // globals, data, elems), then the store's one function, defined by instance 0.
    let layout = [1, hash, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 0];
    b.u64s(&[layout.len() as u64]).u64s(&layout);
    let ty = b"(func (param i32) (result i32))";
    b.u64s(&[1, ty.len() as u64]);
    b.0.extend(ty);
    // One memory: i32, 64 KiB pages (log2 16), maximum 1, no bytes.
    b.u64s(&[1]).u8(0).u8(16).u8(1).u64s(&[1, 0]);
    // One table: i32, funcref (4), no maximum, two null elements.
    b.u64s(&[1]).u8(0).u8(4).u8(0).u64s(&[2, 0, 0]);
    // One global: i32 (0), mutable, 9.
    b.u64s(&[1]).u8(0).u8(1).u64s(&[9]);
    // One data segment, not dropped; no element segments; no paused call.
    b.u64s(&[1]).u8(0).u64s(&[0]).u8(0);
    b.0
}

#[test]
fn a_snapshot_is_the_bytes_the_format_describes() {
    let engine = engine(true);
    let module = Module::new(&engine, PROGRAM).expect("valid module");
    let (mut store, instance) = instantiate(&engine, PROGRAM);
    store.set_gas(1234).expect("gas");
    let g = instance.get_global(&store, "g").expect("g");
    g.set(&mut store, Val::I32(9)).expect("set");
    assert_eq!(store.snapshot(None), by_hand(module.content_hash()));
}

#[test]
fn bytes_put_together_by_hand_restore_and_inspect() {
    let engine = engine(true);
    let module = Module::new(&engine, PROGRAM).expect("valid module");
    let bytes = by_hand(module.content_hash());
    let (mut store, instance) = instantiate(&engine, PROGRAM);
    assert!(store.restore(&bytes).expect("restores").is_none());
    assert_eq!(store.gas_left().expect("gas"), 1234);
    let g = instance.get_global(&store, "g").expect("g");
    assert_eq!(g.get(&store), Val::I32(9));

    let info = SnapshotInfo::read(&bytes, &[module]).expect("reads");
    assert_eq!(info.gas_left(), 1234);
    assert_eq!(info.globals()[0].value(), &Val::I32(9));
    assert_eq!(info.memories()[0].maximum(), Some(1));
    assert_eq!(info.tables()[0].len(), 2);
    assert!(info.paused_call().is_none());
}
