//! `Continuation::frames` shows a paused call: each frame's function, Wasm offset and locals.

mod common;

use common::{call_out_of_gas, call_to_yield, instantiate_yielding, offsets_of};
use wasp_core::{CallOutcome, Store, Val};

const GUEST: &str = r#"
(module
  (import "host" "ask" (func $ask (param i32) (result i32)))
  (func $spin (param $n i32) (result i32) (local $i i32) (local $acc i64)
    (loop $l
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (local.set $acc (i64.add (local.get $acc) (i64.const 2)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $i))
  (func $outer (export "spin") (param $n i32) (result i32) (local $f f32)
    (local.set $f (f32.const 1.5))
    (call $spin (local.get $n)))
  (func $asker (export "ask") (param $x i32) (result i32)
    (call $ask (i32.add (local.get $x) (i32.const 1)))))
"#;

fn setup() -> (Store<()>, wasp_core::Instance) {
    let (_, store, instance) = instantiate_yielding(GUEST);
    (store, instance)
}

#[test]
fn frames_at_a_gas_pause_show_functions_and_locals() {
    let (mut store, instance) = setup();
    store.set_gas(200).expect("gas");
    let paused = call_out_of_gas(&mut store, &instance, "spin", &[Val::I32(1_000)]);
    let frames = paused.frames(&store);
    assert_eq!(frames.len(), 2);
    let (inner, outer) = (&frames[0], &frames[1]);
    assert_eq!(inner.info().func_name(), Some("spin"));
    assert_eq!(inner.info().func_index(), 1);
    assert_eq!(outer.info().func_name(), Some("outer"));
    // `spin` comes before `outer` in the code section; `outer` waits at its call.
    assert_eq!(outer.info().module_offset(), Some(call_offsets(GUEST)[0]));
    assert!(inner.info().module_offset() < outer.info().module_offset());
    let (Val::I32(n), Val::I32(i), Val::I64(acc)) =
        (inner.locals()[0], inner.locals()[1], inner.locals()[2])
    else {
        panic!("expected (i32, i32, i64) locals, got {:?}", inner.locals());
    };
    assert_eq!(n, 1_000);
    assert!(i > 0 && i < 1_000, "i = {i}");
    // Between two pauses `acc` is twice `i` or catching up with it.
    assert!(
        acc == 2 * i64::from(i) || acc == 2 * i64::from(i) - 2,
        "{i} {acc}"
    );
    assert_eq!(outer.locals().len(), 2);
    assert_eq!(outer.locals()[1], Val::F32(1.5f32.to_bits()));
    // The paused call still resumes to its result.
    store.set_gas(u64::MAX / 2).expect("gas");
    let CallOutcome::Finished { results, .. } = paused.resume(&mut store, &[]).expect("resume")
    else {
        panic!("expected the call to finish");
    };
    assert_eq!(results, vec![Val::I32(1_000)]);
}

#[test]
fn frames_at_a_yield_point_at_the_host_call() {
    let (mut store, instance) = setup();
    store.set_gas(1_000).expect("gas");
    let paused = call_to_yield(&mut store, &instance, "ask", &[Val::I32(41)]);
    assert_eq!(paused.yielded(), Some(&Val::I32(42)));
    let frames = paused.frames(&store);
    assert_eq!(frames.len(), 1);
    assert_eq!(frames[0].info().func_name(), Some("asker"));
    assert_eq!(frames[0].info().func_index(), 3);
    assert_eq!(frames[0].locals(), &[Val::I32(41)]);
    assert_eq!(
        frames[0].info().module_offset(),
        Some(call_offsets(GUEST)[1])
    );
}

/// The offsets of the module's `call` operators, in order.
fn call_offsets(wat: &str) -> Vec<usize> {
    offsets_of(&wat::parse_str(wat).expect("wat"), "Call {")
}
