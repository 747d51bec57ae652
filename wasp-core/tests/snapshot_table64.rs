//! Snapshots of 64-bit tables: each table's index type is recorded, shown by
//! `SnapshotInfo`, and restore refuses a table whose index type does not match the module's
//! (the field corrupted in place); a call paused anywhere in a program of table instructions
//! on a 64-bit table (grow, fill, copy, init, set, get and indirect calls with i64 indices)
//! is saved, restored in a new store and finished there exactly as if it had never paused.

mod common;

use common::{engine, find_once, instantiate, resume_through_snapshots, with_byte};
use wasp_core::{Engine, Instance, SnapshotError, SnapshotInfo, Store, Val};

/// Table 0 is 64-bit (2 elements, grown by the program), table 1 is 32-bit.
const PROGRAM: &str = r#"(module
  (type $ret (func (result i64)))
  (table $wide (export "wide") i64 2 funcref)
  (table $narrow (export "narrow") 3 funcref)
  (func $one (type $ret) (i64.const 1))
  (func $ten (type $ret) (i64.const 10))
  (elem $pair func $one $ten)
  (elem (table $wide) (i64.const 0) func $ten $one)
  (func (export "run") (result i64) (local $i i64) (local $sum i64)
    (drop (table.grow $wide (ref.func $one) (i64.const 300)))
    (table.fill $wide (i64.const 100) (ref.func $ten) (i64.const 150))
    (table.init $wide $pair (i64.const 5) (i32.const 0) (i32.const 2))
    (table.copy $wide $wide (i64.const 250) (i64.const 0) (i64.const 40))
    (table.copy $narrow $wide (i32.const 0) (i64.const 5) (i32.const 2))
    (table.set $wide (i64.const 301) (table.get $narrow (i32.const 1)))
    (loop $next
      (local.set $sum (i64.add (local.get $sum)
        (call_indirect $wide (type $ret) (local.get $i))))
      (local.set $i (i64.add (local.get $i) (i64.const 1)))
      (br_if $next (i64.lt_u (local.get $i) (table.size $wide))))
    (local.get $sum)))"#;

fn build(engine: &Engine) -> (Store<()>, Instance) {
    instantiate(engine, PROGRAM)
}

/// What `run` returns: the sum over 302 elements, `$ten` at 0, 150 filled with `$ten` at
/// 100..250, `$one`, `$ten` at 5 and 6, 0..40 copied to 250..290, element 301 `$ten` through
/// the 32-bit table, the rest `$one`.
fn expected() -> i64 {
    let mut t = vec![1i64; 302];
    t[0] = 10;
    t[100..250].fill(10);
    t[5] = 1;
    t[6] = 10;
    let head: Vec<i64> = t[0..40].to_vec();
    t[250..290].copy_from_slice(&head);
    t[301] = 10;
    t.iter().sum()
}

#[test]
fn a_call_paused_anywhere_resumes_exactly_from_a_snapshot() {
    let engine = engine(true);
    let want = [Val::I64(expected())];
    let pauses = resume_through_snapshots(
        || build(&engine),
        &want,
        150,
        |store, instance| {
            let wide = instance.get_table(store, "wide").unwrap();
            assert_eq!(wide.size(store), 302);
            assert!(wide.ty(store).is_64());
        },
    );
    assert!(pauses > 100);
}

fn snapshot_of_a_grown_table() -> Vec<u8> {
    let (mut store, instance) = build(&Engine::default());
    let run = instance.get_typed_func::<(), i64>(&store, "run").unwrap();
    assert_eq!(run.call(&mut store, ()).unwrap(), expected());
    store.snapshot(None)
}

#[test]
fn tables_round_trip_with_their_index_types() {
    let bytes = snapshot_of_a_grown_table();
    let (mut store, instance) = build(&Engine::default());
    store.restore(&bytes).unwrap();
    let wide = instance.get_table(&store, "wide").unwrap();
    assert_eq!(wide.size(&store), 302);
    assert!(wide.ty(&store).is_64());
    assert!(matches!(wide.get(&store, 301), Some(Val::FuncRef(Some(_)))));
    let info = SnapshotInfo::read(&bytes, &[]).expect("read");
    let kinds: Vec<(bool, u64)> = info.tables().iter().map(|t| (t.is_64(), t.len())).collect();
    assert_eq!(kinds, [(true, 302), (false, 3)]);
}

/// Where the tables part starts: the table count (2), then table 0's index type (1, i64),
/// element type (funcref, 4), no maximum and length (302).
fn tables_at(bytes: &[u8]) -> usize {
    let mut pattern = 2u64.to_le_bytes().to_vec();
    pattern.extend([1, 4, 0]);
    pattern.extend(302u64.to_le_bytes());
    find_once(bytes, &pattern, "the tables part")
}

fn restore_with(bytes: &[u8], at: usize, value: u8) -> SnapshotError {
    let (mut store, _) = build(&Engine::default());
    store
        .restore(&with_byte(bytes, at, value))
        .expect_err("refused")
}

#[test]
fn a_wrong_table_index_type_is_refused() {
    let bytes = snapshot_of_a_grown_table();
    let wide = tables_at(&bytes) + 8;
    let err = restore_with(&bytes, wide, 0);
    let mismatch = |err: &SnapshotError| {
        matches!(
            err,
            SnapshotError::Mismatch {
                what: "a table's index type",
                ..
            }
        )
    };
    assert!(mismatch(&err), "{err}");
    assert!(err.to_string().contains("expected i64, found i32"), "{err}");
    // Table 1's index type, past table 0's 302 elements: i32, not i64.
    let narrow = wide + 3 + 8 + 302 * 8;
    assert_eq!(bytes[narrow], 0);
    let err = restore_with(&bytes, narrow, 1);
    assert!(mismatch(&err), "{err}");
    assert!(err.to_string().contains("expected i32, found i64"), "{err}");
    let err = restore_with(&bytes, wide, 7);
    assert!(matches!(err, SnapshotError::Corrupt { .. }), "{err}");
    assert!(err.to_string().contains("found 7"), "{err}");
    assert!(SnapshotInfo::read(&with_byte(&bytes, wide, 7), &[]).is_err());
}
