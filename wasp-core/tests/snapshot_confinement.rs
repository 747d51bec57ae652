//! Forged snapshots cannot hand an instance a reference it could not have reached: a
//! function of another instance or an extern value the embedder gave someone else, put in a
//! paused frame's slot, a table, a global or the yielded value, is refused with
//! `SnapshotError::Corrupt` naming the place, while the honest snapshot of the same run
//! restores and resumes to the same result.

#[path = "snapshot_confinement/places.rs"]
#[allow(dead_code)] // shared with the `snapshot_restore` fuzz target, which uses all of it
mod places;

mod common;

use common::engine;
use places::{peek, places, poke, Places};
use wasp_core::{
    CallOutcome, Caller, Engine, ExternRef, Func, Linker, Module, SnapshotError, Store, Val,
};

/// A bot: holds its own functions in a local, a table and a global, yields through a host
/// call (handing out the local's function), then calls all three and reads its externref.
const BOT: &str = r#"(module
  (import "env" "pause" (func $pause (param funcref) (result i32)))
  (import "env" "peek" (func $peek (param externref) (result i32)))
  (type $r (func (result i32)))
  (table $t 2 funcref)
  (global $g (mut funcref) (ref.null func))
  (elem declare func $one $two $three)
  (func $one (result i32) (i32.const 1))
  (func $two (result i32) (i32.const 20))
  (func $three (result i32) (i32.const 300))
  (func (export "run") (param $e externref) (result i32)
    (local $f funcref) (local $sum i32)
    (local.set $f (ref.func $one))
    (table.set $t (i32.const 1) (ref.func $two))
    (global.set $g (ref.func $three))
    (drop (call $pause (local.get $f)))
    (table.set $t (i32.const 0) (local.get $f))
    (local.set $sum (call_indirect (type $r) (i32.const 0)))
    (local.set $sum (i32.add (local.get $sum) (call_indirect (type $r) (i32.const 1))))
    (table.set $t (i32.const 0) (global.get $g))
    (local.set $sum (i32.add (local.get $sum) (call_indirect (type $r) (i32.const 0))))
    (i32.add (local.get $sum) (call $peek (local.get $e)))))"#;

/// Another tenant of the store, not linked to the bot, with a private function.
const OTHER: &str = r#"(module
  (func $secret (result i32) (i32.const 1337))
  (func (export "public") (result i32) (i32.const 5)))"#;

/// 1 + 20 + 300 from the bot's own functions, 4000 from the extern value it was given.
const HONEST_RESULT: i32 = 4321;

struct World {
    store: Store<()>,
    run: Func,
    player: ExternRef,
}

/// Builds the store the same way each time: the bot, the other tenant, one extern value
/// handed to each.
fn build(engine: &Engine, gas: bool) -> World {
    let mut linker = Linker::<()>::new(engine);
    linker
        .func_wrap(
            "env",
            "pause",
            |mut caller: Caller<'_, ()>, f: Option<Func>| -> i32 {
                caller.yield_with(Val::FuncRef(f));
                0
            },
        )
        .unwrap();
    linker
        .func_wrap(
            "env",
            "peek",
            |caller: Caller<'_, ()>, e: Option<ExternRef>| -> i32 {
                let data = e.and_then(|e| e.data(&caller)?.downcast_ref::<u32>().copied());
                data.map_or(-1, |d| d as i32)
            },
        )
        .unwrap();
    let mut store = Store::new(engine, ());
    if gas {
        store.set_gas(1_000_000).unwrap();
    }
    let bot = linker
        .instantiate(&mut store, &Module::new(engine, BOT).unwrap())
        .unwrap();
    let other = linker
        .instantiate(&mut store, &Module::new(engine, OTHER).unwrap())
        .unwrap();
    let player = ExternRef::new(&mut store, 4000_u32);
    let others = ExternRef::new(&mut store, 9_u32);
    store.grant(bot, Val::ExternRef(Some(player)));
    store.grant(other, Val::ExternRef(Some(others)));
    let run = bot.get_func(&store, "run").unwrap();
    World { store, run, player }
}

/// The snapshot of the bot paused at its yield, and the value it yielded.
fn paused_snapshot(engine: &Engine, gas: bool) -> (Vec<u8>, Val) {
    let mut w = build(engine, gas);
    let arg = Val::ExternRef(Some(w.player));
    match w.run.call_resumable(&mut w.store, &[arg]).unwrap() {
        CallOutcome::Yielded(c) => {
            let value = *c.yielded().unwrap();
            (w.store.snapshot(Some(&c)), value)
        }
        other => panic!("expected a yield, got {other:?}"),
    }
}

/// Restores `bytes` into a fresh store and resumes the call to its end.
fn restore_and_finish(engine: &Engine, gas: bool, bytes: &[u8]) -> Result<Vec<Val>, SnapshotError> {
    let mut w = build(engine, gas);
    let paused = w.store.restore(bytes)?.expect("a paused call");
    match paused.resume(&mut w.store, &[Val::I32(0)]).unwrap() {
        CallOutcome::Finished { results, .. } => Ok(results),
        other => panic!("expected the call to finish, got {other:?}"),
    }
}

/// The store index + 1 (slot encoding) of the bot's `$one` and the other tenant's `$secret`.
fn own_and_secret(p: &Places) -> (u64, u64) {
    (p.instance_funcs[0][2] + 1, p.instance_funcs[1][0] + 1)
}

fn expect_refused(engine: &Engine, gas: bool, bytes: &[u8], what: &str, mentions: &[&str]) {
    match restore_and_finish(engine, gas, bytes) {
        Err(SnapshotError::Corrupt { what: w, detail }) => {
            assert_eq!(w, what, "{detail}");
            for m in mentions {
                assert!(detail.contains(m), "`{detail}` does not mention `{m}`");
            }
        }
        other => panic!("expected a corrupt snapshot in {what}, got {other:?}"),
    }
}

#[test]
fn the_honest_snapshot_restores_and_resumes_exactly() {
    for gas in [false, true] {
        let engine = engine(gas);
        let (bytes, yielded) = paused_snapshot(&engine, gas);
        assert!(matches!(yielded, Val::FuncRef(Some(_))));
        let results = restore_and_finish(&engine, gas, &bytes).unwrap();
        assert_eq!(results, vec![Val::I32(HONEST_RESULT)]);
    }
}

#[test]
fn another_instances_function_in_a_frame_slot_is_refused() {
    for gas in [false, true] {
        let engine = engine(gas);
        let (mut bytes, _) = paused_snapshot(&engine, gas);
        let p = places(&bytes).unwrap();
        let (own, secret) = own_and_secret(&p);
        let base = p.frames[0].2 as usize;
        let local_f = p.values[base + 1];
        assert_eq!(peek(&bytes, local_f), own, "the local holds the bot's $one");
        poke(&mut bytes, local_f, secret);
        expect_refused(
            &engine,
            gas,
            &bytes,
            "a frame's reference slot",
            &[
                "frame 0",
                "slot 1",
                "that instance 0 can reach",
                "function 0 of instance 1",
            ],
        );
    }
}

#[test]
fn another_instances_function_in_a_table_is_refused() {
    let engine = engine(true);
    let (mut bytes, _) = paused_snapshot(&engine, true);
    let p = places(&bytes).unwrap();
    let (_, secret) = own_and_secret(&p);
    poke(&mut bytes, p.tables[0].1[1], secret);
    expect_refused(
        &engine,
        true,
        &bytes,
        "a table element",
        &["element 1 of store table 0", "function 0 of instance 1"],
    );
}

#[test]
fn another_instances_function_in_a_global_is_refused() {
    let engine = engine(false);
    let (mut bytes, _) = paused_snapshot(&engine, false);
    let p = places(&bytes).unwrap();
    let (_, secret) = own_and_secret(&p);
    poke(&mut bytes, p.globals[0].1, secret);
    expect_refused(
        &engine,
        false,
        &bytes,
        "a global",
        &["store global 0", "function 0 of instance 1"],
    );
}

#[test]
fn an_extern_value_handed_to_someone_else_is_refused() {
    let engine = engine(true);
    let (mut bytes, _) = paused_snapshot(&engine, true);
    let p = places(&bytes).unwrap();
    let param_e = p.values[p.frames[0].2 as usize];
    assert_eq!(peek(&bytes, param_e), 1, "the bot holds extern value 0");
    poke(&mut bytes, param_e, 2);
    expect_refused(
        &engine,
        true,
        &bytes,
        "a frame's reference slot",
        &["slot 0", "externref", "extern value 1"],
    );
}

#[test]
fn another_instances_function_as_the_yielded_value_is_refused() {
    let engine = engine(true);
    let (mut bytes, _) = paused_snapshot(&engine, true);
    let p = places(&bytes).unwrap();
    let (own, secret) = own_and_secret(&p);
    let (ty, at) = p.yielded.unwrap();
    assert_eq!((ty, peek(&bytes, at)), (places::FUNCREF, own));
    poke(&mut bytes, at, secret);
    expect_refused(
        &engine,
        true,
        &bytes,
        "the yielded value",
        &["yielded", "function 0 of instance 1"],
    );
}

#[test]
fn an_ungranted_extern_value_is_refused_and_a_granted_one_restores() {
    let engine = engine(false);
    let (bytes, _) = paused_snapshot(&engine, false);
    // A store built the same way but without the grant: the bot's externref is refused.
    let mut bare = Linker::<()>::new(&engine);
    bare.func_wrap("env", "pause", |_: Option<Func>| -> i32 { 0 })
        .unwrap();
    bare.func_wrap("env", "peek", |_: Option<ExternRef>| -> i32 { 0 })
        .unwrap();
    let mut store = Store::new(&engine, ());
    let bot = bare
        .instantiate(&mut store, &Module::new(&engine, BOT).unwrap())
        .unwrap();
    bare.instantiate(&mut store, &Module::new(&engine, OTHER).unwrap())
        .unwrap();
    let player = ExternRef::new(&mut store, 4000_u32);
    assert!(matches!(
        store.restore(&bytes),
        Err(SnapshotError::Corrupt {
            what: "a frame's reference slot",
            ..
        })
    ));
    store.grant(bot, Val::ExternRef(Some(player)));
    assert!(store.restore(&bytes).unwrap().is_some());
}

/// References everywhere a frame can pause: in locals, in operand-stack temporaries live
/// across calls, as arguments, in a loop's parameter, and as the operands of `table.grow`
/// and `table.fill`.
const BUSY: &str = r#"(module
  (import "env" "touch" (func $touch (param externref funcref) (result i32)))
  (type $r (func (result i32)))
  (table $t 2 funcref)
  (global $g (mut funcref) (ref.null func))
  (elem declare func $a $b)
  (func $a (result i32) (i32.const 3))
  (func $b (result i32) (i32.const 5))
  (func $pick (param $i i32) (param $f funcref) (param $h funcref) (result funcref)
    (select (result funcref) (local.get $f) (local.get $h) (i32.and (local.get $i) (i32.const 1))))
  (func (export "run") (param $n i32) (param $e externref) (result i32)
    (local $i i32) (local $sum i32) (local $f funcref)
    (loop $l
      (ref.func $b)
      (call $pick (local.get $i) (ref.func $a) (ref.func $b))
      (local.set $f)
      (table.set $t (i32.const 0) (local.get $f))
      (global.set $g)
      (drop (table.grow $t (ref.func $b) (i32.const 1)))
      (table.fill $t (i32.const 1) (global.get $g) (i32.const 1))
      (global.get $g)
      (block $inner (param funcref)
        (local.set $sum (i32.add (local.get $sum) (call $touch (local.get $e) (local.get $f))))
        (global.set $g))
      (local.set $sum (i32.add (local.get $sum) (call_indirect (type $r) (i32.const 0))))
      (local.set $sum (i32.add (local.get $sum) (call_indirect (type $r) (i32.const 1))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $sum)))"#;

/// A private function that must never run: it raises the alarm.
const SECRET: &str = r#"(module
  (import "env" "alarm" (func $alarm))
  (func $secret (result i32) (call $alarm) (i32.const 1337)))"#;

fn busy_store(engine: &Engine) -> (Store<()>, Func, ExternRef) {
    let mut linker = Linker::<()>::new(engine);
    linker
        .func_wrap(
            "env",
            "touch",
            |caller: Caller<'_, ()>, e: Option<ExternRef>, f: Option<Func>| -> i32 {
                let data = e.and_then(|e| e.data(&caller)?.downcast_ref::<u32>().copied());
                data.map_or(-1, |d| d as i32) + i32::from(f.is_some())
            },
        )
        .unwrap();
    let mut store = Store::new(engine, ());
    let instance = linker
        .instantiate(&mut store, &Module::new(engine, BUSY).unwrap())
        .unwrap();
    linker
        .func_wrap("env", "alarm", || -> () {
            panic!("a forged snapshot ran another instance's private function")
        })
        .unwrap();
    linker
        .instantiate(&mut store, &Module::new(engine, SECRET).unwrap())
        .unwrap();
    let token = ExternRef::new(&mut store, 100_u32);
    store.grant(instance, Val::ExternRef(Some(token)));
    let run = instance.get_func(&store, "run").unwrap();
    (store, run, token)
}

fn finish(store: &mut Store<()>, mut outcome: CallOutcome) -> Vec<Val> {
    loop {
        match outcome {
            CallOutcome::Finished { results, .. } => return results,
            CallOutcome::OutOfGas(c) => {
                store.set_gas(1_000_000).unwrap();
                outcome = c.resume(&mut *store, &[]).unwrap();
            }
            CallOutcome::Yielded(_) | CallOutcome::Interrupted(_) => panic!("only gas pauses here"),
        }
    }
}

#[test]
fn honest_snapshots_at_every_pause_point_restore_and_resume_exactly() {
    let engine = engine(true);
    let args = |token| [Val::I32(6), Val::ExternRef(Some(token))];
    let (mut store, run, token) = busy_store(&engine);
    store.set_gas(1_000_000).unwrap();
    let outcome = run.call_resumable(&mut store, &args(token)).unwrap();
    let expected = finish(&mut store, outcome);
    // Three calls of `$a` or `$b` and one of `touch` (101) per round.
    assert_eq!(expected, vec![Val::I32(6 * 101 + 3 * 5 + 3 * 3 + 6 * 5)]);
    let mut pauses = 0;
    for gas in 0.. {
        let (mut store, run, token) = busy_store(&engine);
        store.set_gas(gas).unwrap();
        let paused = match run.call_resumable(&mut store, &args(token)).unwrap() {
            CallOutcome::OutOfGas(c) => c,
            CallOutcome::Finished { .. } => break,
            CallOutcome::Yielded(_) | CallOutcome::Interrupted(_) => panic!("only gas pauses here"),
        };
        pauses += 1;
        let bytes = store.snapshot(Some(&paused));
        let (mut fresh, _, _) = busy_store(&engine);
        let restored = fresh
            .restore(&bytes)
            .unwrap_or_else(|e| panic!("the honest snapshot after {gas} gas is refused: {e}"))
            .expect("a paused call");
        let results = finish(&mut fresh, CallOutcome::OutOfGas(restored));
        assert_eq!(results, expected, "after {gas} gas");
    }
    assert!(pauses > 100, "only {pauses} pause points");
}

#[test]
fn no_forged_slot_at_any_pause_point_runs_another_instances_function() {
    let engine = engine(true);
    let mut refused = 0;
    for gas in 0.. {
        let (mut store, run, token) = busy_store(&engine);
        store.set_gas(gas).unwrap();
        let arg = [Val::I32(2), Val::ExternRef(Some(token))];
        let paused = match run.call_resumable(&mut store, &arg).unwrap() {
            CallOutcome::OutOfGas(c) => c,
            _ => break,
        };
        let bytes = store.snapshot(Some(&paused));
        let p = places(&bytes).unwrap();
        let secret = p.instance_funcs[1][1] + 1;
        for (_, at) in p.all() {
            let mut forged = bytes.clone();
            poke(&mut forged, at, secret);
            let (mut fresh, _, _) = busy_store(&engine);
            match fresh.restore(&forged) {
                Ok(Some(c)) => {
                    fresh.set_gas(100_000).unwrap();
                    // Traps are fine (a number where a reference was); the alarm is not.
                    let _ = c.resume(&mut fresh, &[]);
                }
                Ok(None) => panic!("the call vanished"),
                Err(SnapshotError::Corrupt { .. }) => refused += 1,
                Err(e) => panic!("unexpected refusal: {e}"),
            }
        }
    }
    assert!(refused > 100, "only {refused} forgeries refused");
}

/// A table the embedder fills at setup, and two more elements the bot fills itself.
const HOSTED: &str = r#"(module
  (table (export "t") 3 funcref)
  (elem declare func $own)
  (func $own (result i32) (i32.const 1))
  (func (export "fill") (table.set (i32.const 1) (ref.func $own))))"#;

/// Builds the store: the embedder puts the other tenant's exported function in element 0.
fn hosted_store(engine: &Engine) -> Store<()> {
    let linker = Linker::<()>::new(engine);
    let mut store = Store::new(engine, ());
    let bot = linker
        .instantiate(&mut store, &Module::new(engine, HOSTED).unwrap())
        .unwrap();
    let other = linker
        .instantiate(&mut store, &Module::new(engine, OTHER).unwrap())
        .unwrap();
    let public = other.get_func(&store, "public").unwrap();
    let table = bot.get_table(&store, "t").unwrap();
    table
        .set(&mut store, 0, Val::FuncRef(Some(public)))
        .unwrap();
    store
}

#[test]
fn what_the_restoring_embedder_put_in_a_table_may_stay_but_not_move() {
    let engine = engine(false);
    let bytes = hosted_store(&engine).snapshot(None);
    let p = places(&bytes).unwrap();
    let public = peek(&bytes, p.tables[0].1[0]);
    assert_ne!(public, 0);
    // Unchanged: restores without a grant.
    assert!(hosted_store(&engine).restore(&bytes).unwrap().is_none());
    // The same foreign function in another element was never put there by anyone.
    let mut moved = bytes.clone();
    poke(&mut moved, p.tables[0].1[2], public);
    match hosted_store(&engine).restore(&moved) {
        Err(SnapshotError::Corrupt { what, detail }) => {
            assert_eq!(what, "a table element");
            assert!(detail.contains("element 2 of store table 0"), "{detail}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}
