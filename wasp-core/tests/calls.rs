//! Deep recursion on the heap, tail calls, stack exhaustion, host calls and traps.

use wasp_core::{Config, Engine, Error, Linker, Module, Store, TrapCode, Val};

fn instance(engine: &Engine, wat: &str) -> (Store<()>, wasp_core::Instance) {
    let module = Module::new(engine, wat).expect("valid module");
    let mut store = Store::new(engine, ());
    let instance = Linker::new(engine)
        .instantiate(&mut store, &module)
        .expect("instantiates");
    (store, instance)
}

const COUNT_DOWN: &str = r#"(module
  (func $down (export "down") (param i64) (result i64)
    (if (result i64) (i64.eqz (local.get 0))
      (then (i64.const 0))
      (else (i64.add (i64.const 1) (call $down (i64.sub (local.get 0) (i64.const 1))))))))"#;

#[test]
fn a_million_frames_deep_with_the_default_config() {
    let (mut store, instance) = instance(&Engine::default(), COUNT_DOWN);
    let down = instance
        .get_typed_func::<i64, i64>(&store, "down")
        .expect("exported");
    assert_eq!(
        down.call(&mut store, 1_000_000).expect("no overflow"),
        1_000_000
    );
}

#[test]
fn exceeding_the_depth_limit_is_a_clean_trap() {
    let mut config = Config::default();
    config.max_call_depth(1000);
    let (mut store, instance) = instance(&Engine::new(&config), COUNT_DOWN);
    let down = instance
        .get_typed_func::<i64, i64>(&store, "down")
        .expect("exported");
    assert_eq!(down.call(&mut store, 999).expect("fits"), 999);
    let err = down.call(&mut store, 5000).unwrap_err();
    assert_eq!(err.trap_code(), Some(TrapCode::StackOverflow));
    // The store stays usable after a trap.
    assert_eq!(down.call(&mut store, 10).expect("usable"), 10);
}

#[test]
fn infinite_recursion_traps_instead_of_crashing() {
    let (mut store, instance) = instance(
        &Engine::default(),
        r#"(module (func $f (export "f") (call $f)))"#,
    );
    let f = instance.get_func(&store, "f").expect("exported");
    let err = f.call(&mut store, &[], &mut []).unwrap_err();
    assert_eq!(err.trap_code(), Some(TrapCode::StackOverflow));
}

#[test]
fn tail_calls_run_in_constant_frames() {
    let mut config = Config::default();
    config.max_call_depth(10);
    let wat = r#"(module
      (func $loop (export "loop") (param i64 i64) (result i64)
        (if (result i64) (i64.eqz (local.get 0))
          (then (local.get 1))
          (else (return_call $loop (i64.sub (local.get 0) (i64.const 1))
                                   (i64.add (local.get 1) (i64.const 2)))))))"#;
    let (mut store, instance) = instance(&Engine::new(&config), wat);
    let f = instance
        .get_typed_func::<(i64, i64), i64>(&store, "loop")
        .expect("exported");
    assert_eq!(f.call(&mut store, (1_000_000, 0)).expect("runs"), 2_000_000);
}

#[test]
fn host_functions_get_arguments_and_can_trap() {
    let engine = Engine::default();
    let mut linker = Linker::<Vec<i32>>::new(&engine);
    linker
        .func_wrap(
            "env",
            "log",
            |mut caller: wasp_core::Caller<'_, Vec<i32>>, x: i32| {
                caller.data_mut().push(x);
            },
        )
        .expect("defined");
    linker
        .func_wrap("env", "fail", |x: i32| -> Result<i32, Error> {
            if x > 2 {
                Err(Error::host(format!("{x} is too big")))
            } else {
                Ok(x * 10)
            }
        })
        .expect("defined");
    let module = Module::new(
        &engine,
        r#"(module
          (import "env" "log" (func $log (param i32)))
          (import "env" "fail" (func $fail (param i32) (result i32)))
          (func (export "run") (param i32) (result i32)
            (call $log (local.get 0))
            (return_call $fail (local.get 0))))"#,
    )
    .expect("valid");
    let mut store = Store::new(&engine, Vec::new());
    let instance = linker.instantiate(&mut store, &module).expect("links");
    let run = instance
        .get_typed_func::<i32, i32>(&store, "run")
        .expect("exported");
    assert_eq!(run.call(&mut store, 2).expect("ok"), 20);
    let err = run.call(&mut store, 3).unwrap_err();
    assert!(err.to_string().contains("3 is too big"), "{err}");
    assert_eq!(store.data(), &vec![2, 3]);
}

#[test]
fn missing_import_names_it_and_its_type() {
    let engine = Engine::default();
    let module = Module::new(
        &engine,
        r#"(module (import "game" "tick" (func (param i64) (result i32))))"#,
    )
    .expect("valid");
    let mut store = Store::new(&engine, ());
    let err = Linker::new(&engine)
        .instantiate(&mut store, &module)
        .unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, Error::Link(_)));
    assert!(msg.contains("\"game\" \"tick\""), "{msg}");
    assert!(msg.contains("(func (param i64) (result i32))"), "{msg}");
}

#[test]
fn wrong_argument_types_are_reported() {
    let (mut store, instance) = instance(&Engine::default(), COUNT_DOWN);
    let f = instance.get_func(&store, "down").expect("exported");
    let mut out = [Val::I64(0)];
    let err = f.call(&mut store, &[Val::I32(1)], &mut out).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("expected (func (param i64) (result i64))"),
        "{msg}"
    );
    assert!(msg.contains("found (func (param i32)"), "{msg}");
    let typed = instance.get_typed_func::<i32, i32>(&store, "down");
    assert!(typed.is_err());
}

/// Constants used in loops live in frame slots; a callee's frame must never overlap them
/// (found by the differential test).
#[test]
fn loop_constants_survive_calls() {
    let wat = r#"(module
      (func $clobber (result i64) (local i64 i64 i64 i64)
        (local.set 0 (i64.const 99)) (local.set 1 (i64.const 98))
        (local.set 2 (i64.const 97)) (local.set 3 (i64.const 96))
        (i64.const 5))
      (func (export "f") (result i64) (local $i i32) (local $acc i64)
        (loop $l
          (local.set $acc
            (i64.xor (local.get $acc) (i64.xor (i64.const 0x123456789abc) (call $clobber))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $l (i32.lt_u (local.get $i) (i32.const 3))))
        (local.get $acc)))"#;
    let (mut store, instance) = instance(&Engine::default(), wat);
    let f = instance.get_typed_func::<(), i64>(&store, "f").unwrap();
    assert_eq!(f.call(&mut store, ()).unwrap(), 0x1234_5678_9abc ^ 5);
}

/// A guest bouncing through a host function that calls back into it is bounded: the native
/// stack never overflows.
#[test]
fn recursion_through_host_functions_is_bounded() {
    let engine = Engine::default();
    let mut linker = Linker::<Option<wasp_core::Func>>::new(&engine);
    linker
        .func_wrap(
            "env",
            "again",
            |mut caller: wasp_core::Caller<'_, Option<wasp_core::Func>>,
             n: i32|
             -> Result<i32, Error> {
                let f = caller.data().expect("set before the call");
                let mut out = [Val::I32(0)];
                f.call(&mut caller, &[Val::I32(n + 1)], &mut out)?;
                Ok(out[0].i32().unwrap_or(0))
            },
        )
        .unwrap();
    let module = Module::new(
        &engine,
        r#"(module (import "env" "again" (func $again (param i32) (result i32)))
          (func (export "f") (param i32) (result i32) (call $again (local.get 0))))"#,
    )
    .unwrap();
    let mut store = Store::new(&engine, None);
    let instance = linker.instantiate(&mut store, &module).unwrap();
    let f = instance.get_func(&store, "f").unwrap();
    *store.data_mut() = Some(f);
    let err = f
        .call(&mut store, &[Val::I32(0)], &mut [Val::I32(0)])
        .unwrap_err();
    assert_eq!(err.trap_code(), Some(TrapCode::StackOverflow), "{err}");
}

/// Loops whose first instruction is their exit test, exiting to various blocks: the branch
/// back runs the test itself, so every shape must still count right (and, with gas, pay the
/// loop's block on every round as a jump to the loop's head would).
///
/// Gas (default prices):
/// - `count n`: the loop block is local.get + local.get + i32.ge_u + br_if + local.get +
///   i32.const + i32.add + local.set + br = 9, paid n + 1 times; after $out, local.get 1:
///   9 (n + 1) + 1.
/// - `outer n`: the $cols block is local.get + i32.eqz + br_if (3) + local.get + i32.const +
///   i32.sub + local.set (4) + local.get + i32.const + i32.add + local.set (4) + br (1) = 12,
///   paid once per column and once more per row to leave; after $next_row, local.get +
///   local.set (2) + local.get + i32.const + i32.sub + local.set (4) + local.get + i32.const +
///   i32.lt_s + br_if (4) + br (1) = 11 per row; after $done, local.get 1.
/// - `self n`: the loop block is local.get + i32.const + i32.sub + local.set + local.get +
///   i32.const + i32.gt_s + br_if = 8, paid max(n, 1) times; after the loop, local.get 1.
const EXIT_TEST_FIRST: &str = r#"(module
      (func (export "count") (param $n i32) (result i32) (local $i i32)
        (block $out (loop $l
          (br_if $out (i32.ge_u (local.get $i) (local.get $n)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $l)))
        (local.get $i))
      (func (export "outer") (param $n i32) (result i32) (local $i i32) (local $j i32)
        (block $done
          (loop $rows
            (block $next_row
              (loop $cols
                (br_if $next_row (i32.eqz (local.get $j)))
                (local.set $j (i32.sub (local.get $j) (i32.const 1)))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $cols)))
            (local.set $j (local.get $n))
            (local.set $n (i32.sub (local.get $n) (i32.const 1)))
            (br_if $done (i32.lt_s (local.get $n) (i32.const 0)))
            (br $rows)))
        (local.get $i))
      (func (export "self") (param $n i32) (result i32)
        (loop $l
          (local.set $n (i32.sub (local.get $n) (i32.const 1)))
          (br_if $l (i32.gt_s (local.get $n) (i32.const 0))))
        (local.get $n)))"#;

#[test]
fn loops_with_the_exit_test_first() {
    let (mut store, instance) = instance(&Engine::default(), EXIT_TEST_FIRST);
    let count = instance
        .get_typed_func::<i32, i32>(&store, "count")
        .unwrap();
    assert_eq!(count.call(&mut store, 0).unwrap(), 0);
    assert_eq!(count.call(&mut store, 7).unwrap(), 7);
    let outer = instance
        .get_typed_func::<i32, i32>(&store, "outer")
        .unwrap();
    // An empty first row, then rows of 5, 4, 3, 2 and 1 columns.
    assert_eq!(outer.call(&mut store, 5).unwrap(), 15);
    let own = instance.get_typed_func::<i32, i32>(&store, "self").unwrap();
    assert_eq!(own.call(&mut store, 5).unwrap(), 0);
}

#[test]
fn loops_with_the_exit_test_first_pay_for_every_round() {
    let mut config = Config::default();
    config.gas_metering(true);
    let (mut store, instance) = instance(&Engine::new(&config), EXIT_TEST_FIRST);
    store.set_gas(1_000_000).unwrap();
    let mut call = |name: &str, n: i32| {
        let f = instance.get_typed_func::<i32, i32>(&store, name).unwrap();
        let before = store.gas_left().unwrap();
        let result = f.call(&mut store, n).unwrap();
        (result, before - store.gas_left().unwrap())
    };
    // 9 * 1 + 1 and 9 * 8 + 1.
    assert_eq!(call("count", 0), (0, 10));
    assert_eq!(call("count", 7), (7, 73));
    // Rows of 0, 5, 4, 3, 2 and 1 columns: 6 rows, 15 columns, 21 $cols blocks.
    // 21 * 12 + 6 * 11 + 1 = 252 + 66 + 1.
    assert_eq!(call("outer", 5), (15, 319));
    // 5 * 8 + 1.
    assert_eq!(call("self", 5), (0, 41));
}

/// A module whose `run(n)` grows its table 0 by `n` elements at a time while it runs (moving
/// them in memory), points the last new one at `$seven` and calls through it; and whose
/// `call_at(i)` calls element `i`.
const GROWING_TABLE: &str = r#"(module
  (type $r (func (result i32)))
  (table $t (export "t") 1 funcref)
  (func $seven (result i32) (i32.const 7))
  (elem declare func $seven)
  (func (export "run") (param $n i32) (result i32)
    (local $i i32) (local $sum i32) (local $last i32)
    (loop $again
      (local.set $last
        (i32.sub
          (i32.add (table.grow $t (ref.null func) (local.get $n)) (local.get $n))
          (i32.const 1)))
      (table.set $t (local.get $last) (ref.func $seven))
      (local.set $sum
        (i32.add (local.get $sum) (call_indirect $t (type $r) (local.get $last))))
      (br_if $again
        (i32.lt_u (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 20))))
    (local.get $sum))
  (func (export "call_at") (param i32) (result i32)
    (call_indirect $t (type $r) (local.get 0))))"#;

#[test]
fn an_indirect_call_reaches_elements_the_table_grew_while_running() {
    for metered in [false, true] {
        let mut config = Config::default();
        config.gas_metering(metered);
        let (mut store, instance) = instance(&Engine::new(&config), GROWING_TABLE);
        if metered {
            store.set_gas(u64::MAX / 2).expect("metered");
        }
        let run = instance
            .get_typed_func::<i32, i32>(&store, "run")
            .expect("exported");
        // Twenty growths of 1000 elements each, each call landing in the newest part.
        assert_eq!(run.call(&mut store, 1000).expect("no trap"), 20 * 7);
        let call_at = instance
            .get_typed_func::<i32, i32>(&store, "call_at")
            .expect("exported");
        assert_eq!(call_at.call(&mut store, 20 * 1000).expect("set"), 7);
        let past = call_at.call(&mut store, 20 * 1000 + 1).unwrap_err();
        assert_eq!(past.trap_code(), Some(TrapCode::UndefinedElement));
        let unset = call_at.call(&mut store, 0).unwrap_err();
        assert_eq!(unset.trap_code(), Some(TrapCode::UninitializedElement));
    }
}

#[test]
fn an_indirect_call_sees_a_shared_table_another_instance_grew() {
    let engine = Engine::default();
    let owner = Module::new(&engine, GROWING_TABLE).expect("valid module");
    let user = Module::new(
        &engine,
        r#"(module
          (type $r (func (result i32)))
          (import "owner" "t" (table 1 funcref))
          (import "owner" "run" (func $run (param i32) (result i32)))
          (func (export "grow_then_call") (param $n i32) (result i32)
            (i32.add
              (call $run (local.get $n))
              (call_indirect (type $r) (i32.mul (local.get $n) (i32.const 20))))))"#,
    )
    .expect("valid module");
    let mut store = Store::new(&engine, ());
    let mut linker = Linker::new(&engine);
    let owner = linker
        .instantiate(&mut store, &owner)
        .expect("instantiates");
    linker
        .instance(&mut store, "owner", owner)
        .expect("defines the exports");
    let user = linker.instantiate(&mut store, &user).expect("instantiates");
    let grow_then_call = user
        .get_typed_func::<i32, i32>(&store, "grow_then_call")
        .expect("exported");
    // The owner grows the table the user calls through, from inside the user's call.
    assert_eq!(
        grow_then_call.call(&mut store, 500).expect("no trap"),
        20 * 7 + 7
    );
}
