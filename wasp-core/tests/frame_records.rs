//! Frame records: a call records only its return address, and a frame's position in its
//! code is derived from it when a pause, a snapshot or a backtrace asks. Deep stacks whose
//! frames stand at different call sites are paused, inspected, forked into a clone of the
//! store (the original then dropped), saved and restored, and must resume exactly.

mod common;

use common::instantiate_yielding_on;
use wasp_core::{CallOutcome, CompilationMode, Config, Continuation, Engine, Store, Val};

/// `down(n)` recurses to depth `n` through two call sites (odd `n` multiplies the result
/// below by 3, even `n` adds 5) and asks the host at the bottom: the host's answer is
/// the base of the result.
const DOWN: &str = r#"(module
  (import "host" "ask" (func $ask (param i32) (result i32)))
  (func $down (export "down") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (call $ask (i32.const 7)))
      (else
        (if (result i32) (i32.and (local.get $n) (i32.const 1))
          (then (i32.mul (i32.const 3)
                  (call $down (i32.sub (local.get $n) (i32.const 1)))))
          (else (i32.add (i32.const 5)
                  (call $down (i32.sub (local.get $n) (i32.const 1))))))))))"#;

/// What `down(n)` returns when the host answers `answer`.
fn reference(n: i32, answer: i32) -> i32 {
    (1..=n).fold(answer, |below, k| {
        if k % 2 == 1 {
            below.wrapping_mul(3)
        } else {
            below.wrapping_add(5)
        }
    })
}

/// Every engine the records must work in: eager and lazy translation, metered or not.
fn engines() -> Vec<Engine> {
    let mut engines = Vec::new();
    for gas in [false, true] {
        for mode in [CompilationMode::Eager, CompilationMode::Lazy] {
            let mut config = Config::default();
            config.gas_metering(gas).compilation_mode(mode);
            engines.push(Engine::new(&config));
        }
    }
    engines
}

/// Calls `down(n)` in a fresh store: the store, paused at the host's question.
fn paused_at_depth(engine: &Engine, n: i32) -> (Store<()>, Continuation) {
    let (_, mut store, instance) = instantiate_yielding_on(engine, DOWN);
    store.set_gas(u64::MAX / 2).ok();
    let down = instance.get_func(&store, "down").unwrap();
    match down.call_resumable(&mut store, &[Val::I32(n)]).unwrap() {
        CallOutcome::Yielded(paused) => {
            assert_eq!(paused.yielded(), Some(&Val::I32(7)));
            (store, paused)
        }
        other => panic!("expected down({n}) to ask the host, got {other:?}"),
    }
}

/// Resumes `paused` with the host's answer `answer`; the call must finish.
fn finish(paused: Continuation, store: &mut Store<()>, answer: i32) -> Vec<Val> {
    match paused.resume(store, &[Val::I32(answer)]).unwrap() {
        CallOutcome::Finished { results, .. } => results,
        other => panic!("expected the call to finish, got {other:?}"),
    }
}

#[test]
fn a_deep_stack_resumes_where_each_frame_called() {
    for engine in engines() {
        for n in [0, 1, 2, 7, 300] {
            let (mut store, paused) = paused_at_depth(&engine, n);
            assert_eq!(finish(paused, &mut store, 11), [Val::I32(reference(n, 11))]);
        }
    }
}

#[test]
fn a_fork_resumes_after_the_original_store_is_gone() {
    for engine in engines() {
        let (store, paused) = paused_at_depth(&engine, 41);
        let mut fork = store.clone();
        let forked = paused.clone();
        drop((store, paused));
        assert_eq!(finish(forked, &mut fork, -4), [Val::I32(reference(41, -4))]);
    }
}

#[test]
fn paused_frames_stand_at_their_call_sites() {
    for engine in engines() {
        let (store, paused) = paused_at_depth(&engine, 6);
        let frames = paused.frames(&store);
        // down(0) to down(6), innermost first; the host function has no frame.
        assert_eq!(frames.len(), 7);
        let offsets: Vec<usize> = frames
            .iter()
            .map(|f| f.info().module_offset().expect("a position in the module"))
            .collect();
        // The frames alternate between the two recursive call sites, below the innermost
        // frame's call of the host.
        let (odd_site, even_site) = (offsets[1], offsets[2]);
        assert_ne!(odd_site, even_site);
        assert!(offsets[0] != odd_site && offsets[0] != even_site);
        for (depth, offset) in offsets.iter().enumerate().skip(1) {
            let want = if depth % 2 == 1 { odd_site } else { even_site };
            assert_eq!(*offset, want, "frame of down({depth})");
        }
    }
}

#[test]
fn a_snapshot_of_a_deep_stack_restores_and_resumes() {
    for engine in engines() {
        let (store, paused) = paused_at_depth(&engine, 25);
        let bytes = store.snapshot(Some(&paused));
        let (_, mut restored, _) = instantiate_yielding_on(&engine, DOWN);
        let paused = restored
            .restore(&bytes)
            .expect("a snapshot of this module restores")
            .expect("it holds the paused call");
        assert_eq!(paused.frames(&restored).len(), 26);
        // Saved again, the restored stack gives the same bytes.
        assert_eq!(restored.snapshot(Some(&paused)), bytes);
        assert_eq!(
            finish(paused, &mut restored, 9),
            [Val::I32(reference(25, 9))]
        );
    }
}
