//! Several memories in one instance: every memory instruction on the memory it names, data
//! segments and exports per memory, out-of-bounds traps judged against the memory accessed,
//! gas figures derived by hand from the price list, and a call paused in front of a store to
//! memory 1, saved to a snapshot (with every memory at its own size) and finished in a new
//! store.

mod common;

use common::{call, engine, instantiate_with_gas, try_call};
use wasp_core::{CallOutcome, Instance, Store, TrapCode, Val};

/// Memory 0 (`$zero`) has 1 page, `$one` 1 page, `$two` 2 pages (at most 3).
const PROGRAM: &str = r#"(module
  (memory $zero (export "zero") 1)
  (memory $one (export "one") 1)
  (memory $two (export "two") 2 3)
  (data (memory $zero) (i32.const 0) "\01")
  (data (memory $one) (i32.const 0) "\02")
  (data (memory $two) (i32.const 0) "\03")
  (data $passive "abcdefgh")
  (func (export "load8") (param $mem i32) (param $at i32) (result i32)
    (if (result i32) (i32.eqz (local.get $mem))
      (then (i32.load8_u $zero (local.get $at)))
      (else (if (result i32) (i32.eq (local.get $mem) (i32.const 1))
        (then (i32.load8_u $one (local.get $at)))
        (else (i32.load8_u $two (local.get $at)))))))
  (func (export "store_each") (param $at i32) (param $v i64)
    (i64.store $zero (local.get $at) (local.get $v))
    (i64.store32 $one offset=4 (local.get $at) (i64.add (local.get $v) (i64.const 1)))
    (i64.store16 $two offset=8 (local.get $at) (i64.add (local.get $v) (i64.const 2))))
  (func (export "load_each") (param $at i32) (result i64 i64 i64)
    (i64.load $zero (local.get $at))
    (i64.load32_u $one offset=4 (local.get $at))
    (i64.load16_s $two offset=8 (local.get $at)))
  (func (export "sizes") (result i32 i32 i32)
    (memory.size $zero) (memory.size $one) (memory.size $two))
  (func (export "grow_two") (param i32) (result i32) (memory.grow $two (local.get 0)))
  (func (export "copy_one_to_two") (param $dst i32) (param $src i32) (param $len i32)
    (memory.copy $two $one (local.get $dst) (local.get $src) (local.get $len)))
  (func (export "fill_one") (param $dst i32) (param $v i32) (param $len i32)
    (memory.fill $one (local.get $dst) (local.get $v) (local.get $len)))
  (func (export "init_two") (param $dst i32) (param $src i32) (param $len i32)
    (memory.init $two $passive (local.get $dst) (local.get $src) (local.get $len)))
  ;; Writes i * 3 to byte i of memory $one for i = 0..n, then returns the sum of those bytes.
  (func (export "fill_loop") (param $n i32) (result i32) (local $i i32) (local $sum i32)
    (loop $l
      (i32.store8 $one (local.get $i) (i32.mul (local.get $i) (i32.const 3)))
      (local.set $sum (i32.add (local.get $sum) (i32.load8_u $one (local.get $i))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $sum)))"#;

fn bytes(store: &Store<()>, instance: &Instance, memory: &str, at: usize, len: usize) -> Vec<u8> {
    let memory = instance.get_memory(store, memory).expect("exported memory");
    memory.data(store)[at..at + len].to_vec()
}

#[test]
fn each_instruction_works_on_the_memory_it_names() {
    for metered in [false, true] {
        let (mut store, instance) = instantiate_with_gas(&engine(metered), PROGRAM);
        // Data segments went to their own memories.
        for (mem, want) in [(0, 1), (1, 2), (2, 3)] {
            let got = call(
                &mut store,
                &instance,
                "load8",
                &[Val::I32(mem), Val::I32(0)],
            );
            assert_eq!(got, vec![Val::I32(want)], "memory {mem}");
        }
        let v = -0x1234_5678_9abc_def0_i64;
        call(
            &mut store,
            &instance,
            "store_each",
            &[Val::I32(16), Val::I64(v)],
        );
        let got = call(&mut store, &instance, "load_each", &[Val::I32(16)]);
        let want = [v, i64::from((v + 1) as u32), i64::from((v + 2) as i16)];
        assert_eq!(got, want.map(Val::I64).to_vec());
        // Each store reached its memory only.
        assert_eq!(bytes(&store, &instance, "zero", 16, 8), v.to_le_bytes());
        assert_eq!(bytes(&store, &instance, "one", 16, 4), [0; 4]);
        assert_eq!(
            bytes(&store, &instance, "one", 20, 4),
            (v + 1).to_le_bytes()[..4]
        );
        assert_eq!(
            bytes(&store, &instance, "two", 24, 2),
            (v + 2).to_le_bytes()[..2]
        );

        let sizes = |store: &mut Store<()>| call(store, &instance, "sizes", &[]);
        assert_eq!(sizes(&mut store), [1, 1, 2].map(Val::I32).to_vec());
        let grown = call(&mut store, &instance, "grow_two", &[Val::I32(1)]);
        assert_eq!(grown, vec![Val::I32(2)]);
        let refused = call(&mut store, &instance, "grow_two", &[Val::I32(1)]);
        assert_eq!(refused, vec![Val::I32(-1)], "the maximum of $two is 3");
        assert_eq!(sizes(&mut store), [1, 1, 3].map(Val::I32).to_vec());

        let args = [Val::I32(100), Val::I32(0x5a), Val::I32(40)];
        call(&mut store, &instance, "fill_one", &args);
        assert_eq!(bytes(&store, &instance, "one", 99, 42)[1..41], [0x5a; 40]);
        assert_eq!(bytes(&store, &instance, "zero", 100, 40), [0; 40]);
        let args = [Val::I32(3 * 65536 - 40), Val::I32(100), Val::I32(40)];
        call(&mut store, &instance, "copy_one_to_two", &args);
        let tail = bytes(&store, &instance, "two", 3 * 65536 - 40, 40);
        assert_eq!(tail, [0x5a; 40]);
        let args = [Val::I32(1000), Val::I32(2), Val::I32(5)];
        call(&mut store, &instance, "init_two", &args);
        assert_eq!(bytes(&store, &instance, "two", 1000, 5), b"cdefg");
        assert_eq!(bytes(&store, &instance, "zero", 1000, 5), [0; 5]);
    }
}

#[test]
fn bounds_are_those_of_the_memory_accessed() {
    let (mut store, instance) = instantiate_with_gas(&engine(false), PROGRAM);
    // Address 65536 is inside $two (2 pages) but past the end of $zero and $one.
    let ok = call(
        &mut store,
        &instance,
        "load8",
        &[Val::I32(2), Val::I32(65536)],
    );
    assert_eq!(ok, vec![Val::I32(0)]);
    for mem in [0, 1] {
        let err = try_call(
            &mut store,
            &instance,
            "load8",
            &[Val::I32(mem), Val::I32(65536)],
        );
        assert_eq!(
            err.unwrap_err().trap_code(),
            Some(TrapCode::MemoryOutOfBounds)
        );
    }
    // Bulk instructions too: 65,500 + 100 bytes fit in $two, not in $one.
    let args = [Val::I32(65500), Val::I32(1), Val::I32(100)];
    let err = try_call(&mut store, &instance, "fill_one", &args);
    assert_eq!(
        err.unwrap_err().trap_code(),
        Some(TrapCode::MemoryOutOfBounds)
    );
    call(
        &mut store,
        &instance,
        "init_two",
        &[Val::I32(65533), Val::I32(0), Val::I32(8)],
    );
    assert_eq!(bytes(&store, &instance, "two", 65533, 8), b"abcdefgh");
    // A copy whose source range lies past the end of $one traps, whatever $two's size.
    let args = [Val::I32(0), Val::I32(65500), Val::I32(100)];
    let err = try_call(&mut store, &instance, "copy_one_to_two", &args);
    assert_eq!(
        err.unwrap_err().trap_code(),
        Some(TrapCode::MemoryOutOfBounds)
    );
}

/// Gas of `fill_loop n` (default prices):
/// - the entry block: `loop` 0;
/// - each iteration 20: local.get 1, local.get 1, i32.const 1, i32.mul 1, i32.store8 2,
///   local.get 1, local.get 1, i32.load8_u 2, i32.add 1, local.set 1, local.get 1,
///   i32.const 1, i32.add 1, local.set 1, local.get 1, local.get 1, i32.lt_u 1, br_if 1;
/// - after the loop: local.get 1.
fn fill_loop_gas(n: u64) -> u64 {
    20 * n + 1
}

fn fill_loop_sum(n: u32) -> i32 {
    (0..n).map(|i| (i * 3) as u8 as i32).sum()
}

#[test]
fn gas_figures_follow_the_price_list() {
    let (mut store, instance) = instantiate_with_gas(&engine(true), PROGRAM);
    // (export, args, gas):
    // - store_each: 2 local.get + i64.store 2; local.get + local.get + i64.const + i64.add
    //   + i64.store32 2; the same with i64.store16: 4 + 6 + 6 = 16;
    // - sizes: 3 memory.size = 3;
    // - copy_one_to_two 130 bytes: 3 local.get + memory.copy 1 = 4, then 3 chunks of 64 = 7;
    // - fill_one 64 bytes: 4 + 1 = 5; init_two 0 bytes: 4 + 0 = 4;
    // - grow_two by 1 page: local.get 1 + memory.grow 1 + 1000 per page = 1002;
    // - fill_loop 10: 201.
    let cases: [(&str, Vec<Val>, u64); 7] = [
        ("store_each", vec![Val::I32(0), Val::I64(1)], 16),
        ("sizes", vec![], 3),
        ("copy_one_to_two", [0, 0, 130].map(Val::I32).to_vec(), 7),
        ("fill_one", [0, 0, 64].map(Val::I32).to_vec(), 5),
        ("init_two", [0, 0, 0].map(Val::I32).to_vec(), 4),
        ("grow_two", vec![Val::I32(1)], 1002),
        ("fill_loop", vec![Val::I32(10)], fill_loop_gas(10)),
    ];
    for (name, args, want) in cases {
        let func = instance.get_func(&store, name).unwrap();
        store.set_gas(10_000).unwrap();
        match func.call_resumable(&mut store, &args).unwrap() {
            CallOutcome::Finished { gas_used, .. } => assert_eq!(gas_used, want, "{name}"),
            other => panic!("{name}: expected the call to finish, got {other:?}"),
        }
    }
    assert_eq!(fill_loop_gas(10), 201);
}

/// Paused at the head of iteration `k + 1` (its block starts with `i32.store8 $one`), saved,
/// restored into a new store and finished there: the same result, gas and memory.
#[test]
fn a_call_paused_at_a_store_to_memory_1_resumes_from_a_snapshot() {
    let engine = engine(true);
    let n = 300;
    for k in [0, 1, 150, 299] {
        let (mut first, instance) = instantiate_with_gas(&engine, PROGRAM);
        // Memory $two grows by a page first: the snapshot carries each memory's own size.
        call(&mut first, &instance, "grow_two", &[Val::I32(1)]);
        let func = instance.get_func(&first, "fill_loop").unwrap();
        first.set_gas(20 * k + 5).unwrap();
        let paused = match func.call_resumable(&mut first, &[Val::I32(n)]).unwrap() {
            CallOutcome::OutOfGas(paused) => paused,
            other => panic!("expected a pause, got {other:?}"),
        };
        assert_eq!(paused.gas_needed(), Some(15));
        let written = bytes(&first, &instance, "one", 0, n as usize);
        let want_written: Vec<u8> = (0..n as u32).map(|i| (i * 3) as u8).collect();
        let k = k as usize;
        assert_eq!(written[..k], want_written[..k]);
        assert!(written[k.max(1)..].iter().all(|&b| b == 0));
        let snapshot = first.snapshot(Some(&paused));
        drop(first);

        let (mut second, instance) = instantiate_with_gas(&engine, PROGRAM);
        let paused = second.restore(&snapshot).unwrap().expect("a paused call");
        second.set_gas(u64::MAX / 2).unwrap();
        match paused.resume(&mut second, &[]).unwrap() {
            CallOutcome::Finished { results, gas_used } => {
                assert_eq!(results, vec![Val::I32(fill_loop_sum(n as u32))]);
                assert_eq!(gas_used, fill_loop_gas(u64::from(n as u32)));
            }
            other => panic!("expected the call to finish, got {other:?}"),
        }
        assert_eq!(
            bytes(&second, &instance, "one", 0, n as usize),
            want_written
        );
        let sizes = call(&mut second, &instance, "sizes", &[]);
        assert_eq!(sizes, [1, 1, 3].map(Val::I32).to_vec());
    }
}
