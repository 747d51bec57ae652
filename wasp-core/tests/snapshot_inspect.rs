//! `SnapshotInfo` reads a saved store and paused call without a store: gas, why it paused,
//! memories, globals and frames; damaged bytes give an error, never a panic.

mod common;

use common::{call_out_of_gas, call_to_yield, instantiate_yielding};
use wasp_core::{
    CallOutcome, Caller, Engine, Linker, Module, PauseReason, SnapshotError, SnapshotInfo, Store,
    Val, ValType,
};

const GUEST: &str = r#"
(module
  (import "host" "ask" (func $ask (param i32) (result i32)))
  (memory 2 5)
  (global $g (mut i64) (i64.const 7))
  (func $spin (param $n i32) (result i32) (local $i i32)
    (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $i))
  (func $outer (export "spin") (param $n i32) (result i32) (local $f f32)
    (local.set $f (f32.const 1.5))
    (call $spin (local.get $n)))
  (func (export "ask") (param $x i32) (result i32)
    (call $ask (i32.add (local.get $x) (i32.const 1)))))
"#;

fn setup() -> (Module, Store<()>, wasp_core::Instance) {
    instantiate_yielding(GUEST)
}

/// A snapshot of `spin(1000)` paused for gas.
fn gas_paused() -> (Module, Vec<u8>, Vec<wasp_core::PausedFrame>) {
    let (module, mut store, instance) = setup();
    store.set_gas(200).expect("gas");
    let paused = call_out_of_gas(&mut store, &instance, "spin", &[Val::I32(1_000)]);
    let live = paused.frames(&store);
    (module, store.snapshot(Some(&paused)), live)
}

#[test]
fn a_gas_pause_reads_as_the_live_call_shows_it() {
    let (module, bytes, live) = gas_paused();
    let info = SnapshotInfo::read(&bytes, std::slice::from_ref(&module)).expect("read");
    assert_eq!(info.module_hashes(), [module.content_hash()]);
    assert!(info.missing_modules().is_empty());
    assert_eq!(info.memories().len(), 1);
    let memory = &info.memories()[0];
    assert_eq!(
        (memory.byte_len(), memory.pages(), memory.maximum()),
        (131_072, 2, Some(5))
    );
    assert_eq!(info.globals()[0].value(), &Val::I64(7));
    assert!(info.globals()[0].mutable());
    let call = info.paused_call().expect("a paused call");
    assert!(matches!(
        call.reason(),
        PauseReason::OutOfGas {
            host_call: None,
            ..
        }
    ));
    assert!(call.gas_used() > 0 && call.gas_used() <= 200);
    assert_eq!(call.results(), [ValType::I32]);
    let frames = call.frames();
    assert_eq!(frames.len(), live.len());
    for (saved, live) in frames.iter().zip(&live) {
        assert_eq!(saved.info(), live.info());
        assert_eq!(saved.locals(), live.locals());
    }
    assert_eq!(frames[0].info().func_name(), Some("spin"));
    assert_eq!(frames[1].info().func_name(), Some("outer"));
}

#[test]
fn without_the_module_frames_have_only_their_index() {
    let (module, bytes, _) = gas_paused();
    let info = SnapshotInfo::read(&bytes, &[]).expect("read");
    assert_eq!(info.missing_modules(), [module.content_hash()]);
    // The snapshot records each memory's page size: pages are known without the module.
    assert_eq!(info.memories()[0].pages(), 2);
    let frames = info.paused_call().expect("call").frames();
    assert_eq!(frames[0].info().func_index(), 1);
    assert_eq!(frames[0].info().module_offset(), None);
    assert!(frames[0].locals().is_empty());
}

#[test]
fn a_yield_names_the_host_function_and_its_value() {
    let (module, mut store, instance) = setup();
    store.set_gas(1_000).expect("gas");
    let paused = call_to_yield(&mut store, &instance, "ask", &[Val::I32(41)]);
    let bytes = store.snapshot(Some(&paused));
    let info = SnapshotInfo::read(&bytes, &[module]).expect("read");
    let call = info.paused_call().expect("call");
    assert_eq!(
        call.reason(),
        &PauseReason::Yielded {
            value: Val::I32(42),
            host_call: 0
        }
    );
    assert_eq!(call.frames()[0].locals(), [Val::I32(41)]);
}

/// A yielded `v128` is saved as two halves; both are read back.
#[test]
fn a_yielded_v128_reads_back_whole() {
    let wat = r#"(module
      (import "host" "ask" (func $ask (result v128)))
      (func (export "ask") (result v128) (call $ask)))"#;
    let engine = Engine::default();
    let module = Module::new(&engine, wat).expect("module");
    let mut store = Store::new(&engine, ());
    let mut linker = Linker::new(&engine);
    let wide = Val::V128(0x0123_4567_89ab_cdef_fedc_ba98_7654_3210_u128.into());
    linker
        .func_wrap("host", "ask", move |mut caller: Caller<'_, ()>| {
            caller.yield_with(wide);
            wasp_core::V128::from(0_u128)
        })
        .expect("define");
    let instance = linker.instantiate(&mut store, &module).expect("instance");
    let ask = instance.get_func(&store, "ask").expect("ask");
    let outcome = ask.call_resumable(&mut store, &[]).expect("call");
    let CallOutcome::Yielded(paused) = outcome else {
        panic!("expected a yield, got {outcome:?}");
    };
    let bytes = store.snapshot(Some(&paused));
    let info = SnapshotInfo::read(&bytes, &[module]).expect("read");
    let call = info.paused_call().expect("call");
    let expected = PauseReason::Yielded {
        value: wide,
        host_call: 0,
    };
    assert_eq!(call.reason(), &expected);
}

#[test]
fn a_store_without_a_call_has_no_paused_call() {
    let (module, store, _) = setup();
    let info = SnapshotInfo::read(&store.snapshot(None), &[module]).expect("read");
    assert!(info.paused_call().is_none());
}

#[test]
fn every_truncation_is_an_error() {
    let (module, bytes, _) = gas_paused();
    for len in 0..bytes.len() {
        let err = SnapshotInfo::read(&bytes[..len], std::slice::from_ref(&module));
        assert!(err.is_err(), "a snapshot cut to {len} bytes was accepted");
    }
    assert_eq!(
        SnapshotInfo::read(b"WASPSNA", &[]).unwrap_err(),
        SnapshotError::Truncated {
            what: "the magic bytes"
        }
    );
}

/// Every bit of every byte flipped in turn: the reader answers each with a result, and a
/// changed magic or version is named.
#[test]
fn flipped_bits_never_panic() {
    let (module, bytes, _) = gas_paused();
    // Memory bytes are opaque: flip everything but the bulk of the memory.
    let mut checked = 0;
    for i in (0..bytes.len()).filter(|&i| i < 600 || i + 600 > bytes.len()) {
        for bit in 0..8 {
            let mut damaged = bytes.clone();
            damaged[i] ^= 1 << bit;
            let _ = SnapshotInfo::read(&damaged, std::slice::from_ref(&module));
            checked += 1;
        }
    }
    assert!(checked > 8_000);
    let mut damaged = bytes.clone();
    damaged[0] ^= 1;
    assert_eq!(
        SnapshotInfo::read(&damaged, &[]).unwrap_err(),
        SnapshotError::BadMagic
    );
}

/// Frames that point outside their function or their slots are refused.
#[test]
fn hostile_frames_are_refused() {
    let (module, bytes, _) = gas_paused();
    // The frames sit just before the value slots at the end: find the last frame's pc by
    // rewriting every u32 that equals it would be fragile, so grow the frame count instead.
    let info = SnapshotInfo::read(&bytes, std::slice::from_ref(&module)).expect("read");
    let frames = info.paused_call().expect("call").frames().len();
    assert_eq!(frames, 2);
    // A value-slot count larger than the bytes left is a truncation, not an allocation.
    let mut huge = bytes.clone();
    let at = huge.len() - 8 * slot_count(&bytes) - 8;
    huge[at..at + 8].copy_from_slice(&u64::MAX.to_le_bytes());
    assert!(matches!(
        SnapshotInfo::read(&huge, std::slice::from_ref(&module)),
        Err(SnapshotError::Truncated { .. })
    ));
    // No value slots: the frames' locals are missing.
    let mut none = bytes[..at].to_vec();
    none.extend_from_slice(&0u64.to_le_bytes());
    let err = SnapshotInfo::read(&none, &[module]).unwrap_err();
    assert!(err.to_string().contains("locals"), "{err}");
}

/// The number of value slots, the snapshot's last field: found by trying each count, where
/// the two frames (12 bytes each, after their count) come just before it.
fn slot_count(bytes: &[u8]) -> usize {
    (0..bytes.len() / 8 - 8)
        .find(|&n| {
            let at = bytes.len() - 8 * n - 8;
            let frames = at - 2 * 12 - 8;
            bytes[at..at + 8] == (n as u64).to_le_bytes()
                && bytes[frames..frames + 8] == 2u64.to_le_bytes()
        })
        .expect("a slot count")
}

/// Saved positions are positions in a translation: a module compiled without gas metering
/// does not fit a snapshot taken with it, and the reader says so instead of guessing.
#[test]
fn a_module_translated_otherwise_is_refused() {
    let (_, bytes, _) = gas_paused();
    let unmetered = Module::new(&Engine::default(), GUEST).expect("module");
    let err = SnapshotInfo::read(&bytes, &[unmetered]).unwrap_err();
    assert!(err.to_string().contains("gas metering"), "{err}");
}
