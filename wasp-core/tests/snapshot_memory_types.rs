//! Snapshots record each memory's index type and page size, and restore refuses a memory
//! count, index type or page size that does not match the module's memories, even where the
//! rest of the snapshot (module hashes, layout) matches: each field is corrupted in turn.

mod common;

use common::{find_once, instantiate, with_byte};
use wasp_core::{Engine, Instance, SnapshotError, Store};

/// Memory 0 is 64-bit (1 page of 64 KiB), memory 1 has 1-byte pages (3 of them).
const PROGRAM: &str = r#"(module
  (memory (export "wide") i64 1)
  (memory (export "bytes") 3 (pagesize 1))
  (data (memory 0) (i64.const 65535) "\2a")
  (data (memory 1) (i32.const 0) "xyz"))"#;

fn build(engine: &Engine) -> (Store<()>, Instance) {
    instantiate(engine, PROGRAM)
}

/// Where the memories part starts: the memory count (2), then memory 0's index type (1,
/// i64), page size (16) and no maximum, then its length (2 pages, grown by the test).
fn memories_at(bytes: &[u8]) -> usize {
    let mut pattern = 2u64.to_le_bytes().to_vec();
    pattern.extend([1, 16, 0]);
    pattern.extend(131_072u64.to_le_bytes());
    find_once(bytes, &pattern, "the memories part")
}

/// Restores `bytes` with one byte at `at` set to `value` into a fresh store of the program.
fn restore_with(bytes: &[u8], at: usize, value: u8) -> SnapshotError {
    let (mut store, _) = build(&Engine::default());
    store
        .restore(&with_byte(bytes, at, value))
        .expect_err("refused")
}

fn snapshot_of_a_changed_store() -> Vec<u8> {
    let (mut store, instance) = build(&Engine::default());
    let wide = instance.get_memory(&store, "wide").unwrap();
    wide.grow(&mut store, 1).unwrap();
    wide.write(&mut store, 70_000_u64, b"wasp").unwrap();
    store.snapshot(None)
}

#[test]
fn memories_round_trip_with_their_types() {
    let bytes = snapshot_of_a_changed_store();
    let (mut store, instance) = build(&Engine::default());
    store.restore(&bytes).unwrap();
    let wide = instance.get_memory(&store, "wide").unwrap();
    assert_eq!(wide.size(&store), 2);
    assert!(wide.ty(&store).is_64());
    let mut buf = [0u8; 4];
    wide.read(&store, 70_000_u64, &mut buf).unwrap();
    assert_eq!(&buf, b"wasp");
    let bytes_mem = instance.get_memory(&store, "bytes").unwrap();
    assert_eq!(bytes_mem.data(&store), b"xyz");
}

#[test]
fn a_wrong_index_type_is_refused() {
    let bytes = snapshot_of_a_changed_store();
    let at = memories_at(&bytes) + 8;
    let err = restore_with(&bytes, at, 0);
    assert!(
        matches!(
            err,
            SnapshotError::Mismatch {
                what: "a memory's index type",
                ..
            }
        ),
        "{err}"
    );
    assert!(
        err.to_string().contains("i64") && err.to_string().contains("i32"),
        "{err}"
    );
    let err = restore_with(&bytes, at, 7);
    assert!(matches!(err, SnapshotError::Corrupt { .. }), "{err}");
    assert!(err.to_string().contains("found 7"), "{err}");
}

#[test]
fn a_wrong_page_size_is_refused() {
    let bytes = snapshot_of_a_changed_store();
    let at = memories_at(&bytes) + 9;
    let err = restore_with(&bytes, at, 0);
    assert!(
        matches!(
            err,
            SnapshotError::Mismatch {
                what: "a memory's page size",
                ..
            }
        ),
        "{err}"
    );
    assert!(err.to_string().contains("(pagesize 65536)"), "{err}");
    // Memory 1's page size, past memory 0's 2 pages: 1 byte, not 64 KiB.
    let second = memories_at(&bytes) + 8 + 11 + 2 * 65536 + 1;
    assert_eq!(bytes[second], 0);
    let err = restore_with(&bytes, second, 16);
    assert!(err.to_string().contains("(pagesize 1)"), "{err}");
    let err = restore_with(&bytes, second, 200);
    assert!(err.to_string().contains("(pagesize 2^200)"), "{err}");
}

#[test]
fn a_wrong_memory_count_is_refused() {
    let bytes = snapshot_of_a_changed_store();
    let at = memories_at(&bytes);
    for count in [1, 3] {
        let err = restore_with(&bytes, at, count);
        assert!(
            matches!(
                err,
                SnapshotError::Mismatch {
                    what: "the number of memories",
                    ..
                }
            ),
            "{err}"
        );
    }
}
