//! A load or store whose address is an `i32.add` of a constant, or of a base and an index
//! shifted by the access's width, with static offset 0, runs as one instruction
//! (`translator/fuse_address.rs`), a store's also when its value is computed after its
//! address. It must access exactly the address Wasm does, `(p + c) mod 2^32`, trap exactly
//! where Wasm traps, and charge and pause exactly as the same operators kept apart (a twin
//! that moves one byte of the constant into the static offset, which stops the fusion and
//! costs the same).

mod common;

use common::offsets_of;
use wasp_core::{
    CallOutcome, Config, Engine, Instance, Linker, Module, Store, TrapCode, Val, V128,
};

const PAGE: u64 = 65536;

/// Every access width: (name, load operator, store operator, bytes, sign-extended).
const SCALARS: [(&str, &str, &str, u64, bool); 7] = [
    ("8s", "i64.load8_s", "i64.store8", 1, true),
    ("8u", "i64.load8_u", "i64.store8", 1, false),
    ("16s", "i64.load16_s", "i64.store16", 2, true),
    ("16u", "i64.load16_u", "i64.store16", 2, false),
    ("32s", "i64.load32_s", "i64.store32", 4, true),
    ("32u", "i64.load32_u", "i64.store32", 4, false),
    ("64", "i64.load", "i64.store", 8, false),
];

/// Loads and stores of every width at `p + c`, static offset `offset` (0 fuses).
fn accessors(c: i32, offset: u32) -> String {
    let mut funcs = String::new();
    let at = |p: &str| format!("(i32.add (local.get {p}) (i32.const {c}))");
    for (name, load, store, _, _) in SCALARS {
        funcs += &format!(
            "(func (export \"load{name}\") (param $p i32) (result i64)
               ({load} offset={offset} {}))
             (func (export \"store{name}\") (param $p i32) (param $v i64)
               ({store} offset={offset} {} (local.get $v)))
             (func (export \"lstore{name}\") (param $p i32) (param $v i64)
               ({store} offset={offset} {} (i64.xor (local.get $v) (i64.const 0))))\n",
            at("$p"),
            at("$p"),
            at("$p"),
        );
    }
    funcs += &format!(
        "(func (export \"i32load\") (param $p i32) (result i32)
           (i32.load offset={offset} {}))
         (func (export \"v128load\") (param $p i32) (result v128)
           (v128.load offset={offset} {}))
         (func (export \"v128store\") (param $p i32) (param $v v128)
           (v128.store offset={offset} {} (local.get $v)))",
        at("$p"),
        at("$p"),
        at("$p"),
    );
    format!("(module (memory (export \"mem\") 1) {funcs})")
}

fn instantiate(wat: &str, gas: bool) -> (Store<()>, Instance) {
    let mut config = Config::default();
    config.gas_metering(gas);
    let engine = Engine::new(&config);
    let module = Module::new(&engine, wat).expect("module");
    let mut store = Store::new(&engine, ());
    let instance = Linker::new(&engine)
        .instantiate(&mut store, &module)
        .expect("instance");
    (store, instance)
}

/// Fills memory with bytes that differ from their neighbours and have both signs.
fn fill(store: &mut Store<()>, instance: &Instance) {
    let mem = instance.get_memory(&*store, "mem").expect("mem");
    for (i, b) in mem.data_mut(store).iter_mut().enumerate() {
        *b = (i as u32).wrapping_mul(0x9E37_79B9).rotate_right(13) as u8;
    }
}

/// The bytes `n` at Wasm's address `(p + c) mod 2^32`, `None` when out of bounds.
fn expected(mem: &[u8], p: i32, c: i32, n: u64) -> Option<&[u8]> {
    let ea = u64::from(p.wrapping_add(c) as u32);
    (ea + n <= PAGE).then(|| &mem[ea as usize..(ea + n) as usize])
}

/// What an `i64` load of `n` bytes (sign-extended when `signed`) reads at Wasm's address
/// `(p + c) mod 2^32`, `None` when out of bounds.
fn loaded(mem: &[u8], p: i32, c: i32, n: u64, signed: bool) -> Option<Val> {
    expected(mem, p, c, n).map(|b| {
        let mut word = [0u8; 8];
        word[..b.len()].copy_from_slice(b);
        let v = u64::from_le_bytes(word);
        let shift = 64 - 8 * n;
        let v = if signed {
            ((v << shift) as i64 >> shift) as u64
        } else {
            v
        };
        Val::I64(v as i64)
    })
}

/// Checks a store of `n` bytes of `bytes` at `(p + c) mod 2^32` that returned `got`:
/// written there and nowhere else, or trapped out of bounds writing nothing.
fn check_store(
    before: &[u8],
    after: &[u8],
    p: i32,
    c: i32,
    bytes: &[u8],
    got: Result<Val, TrapCode>,
    what: &str,
) {
    let n = bytes.len() as u64;
    match expected(before, p, c, n) {
        Some(_) => {
            assert!(got.is_ok(), "{what}");
            let ea = p.wrapping_add(c) as u32 as usize;
            let end = ea + bytes.len();
            assert_eq!(&after[ea..end], bytes, "{what}");
            assert_eq!(after[..ea], before[..ea], "{what}: nothing else written");
            assert_eq!(after[end..], before[end..], "{what}");
        }
        None => {
            assert_eq!(got, Err(TrapCode::MemoryOutOfBounds), "{what}");
            assert!(after == before, "{what}: a trapping store writes nothing");
        }
    }
}

fn call(
    store: &mut Store<()>,
    instance: &Instance,
    name: &str,
    args: &[Val],
) -> Result<Val, TrapCode> {
    let f = instance.get_func(&*store, name).expect(name);
    let mut out = [Val::I32(0)];
    let stores = ["store", "lstore", "v128store", "sidx", "lsidx"];
    let n = usize::from(!stores.iter().any(|s| name.starts_with(s)));
    match f.call(&mut *store, args, &mut out[..n]) {
        Ok(()) => Ok(out[0]),
        Err(e) => Err(e.trap_code().expect("a trap")),
    }
}

/// Constants that wrap and that do not, and addresses `p` around each bound: the last
/// in-bounds access of each width, the first out of bounds, sums that wrap past 2^32.
fn cases() -> Vec<(i32, Vec<i32>)> {
    [16, -16, 65000, i32::MIN, -1]
        .into_iter()
        .map(|c: i32| {
            let mut ps = vec![0, 1, 100, -1, i32::MAX, i32::MIN];
            for n in [1, 2, 4, 8, 16] {
                let last = (PAGE as i32 - n).wrapping_sub(c);
                ps.extend([last, last.wrapping_add(1), last.wrapping_sub(1)]);
            }
            ps.push(0i32.wrapping_sub(c).wrapping_add(8)); // wraps to address 8
            (c, ps)
        })
        .collect()
}

#[test]
fn loads_read_at_the_wrapped_sum_and_trap_past_the_end() {
    for (c, ps) in cases() {
        let (mut store, instance) = instantiate(&accessors(c, 0), false);
        fill(&mut store, &instance);
        let mem = instance
            .get_memory(&store, "mem")
            .expect("mem")
            .data(&store)
            .to_vec();
        for &p in &ps {
            for (name, _, _, n, signed) in SCALARS {
                let want = loaded(&mem, p, c, n, signed);
                let got = call(
                    &mut store,
                    &instance,
                    &format!("load{name}"),
                    &[Val::I32(p)],
                );
                let what = format!("load{name} p={p} c={c}");
                match want {
                    Some(v) => assert_eq!(got, Ok(v), "{what}"),
                    None => assert_eq!(got, Err(TrapCode::MemoryOutOfBounds), "{what}"),
                }
            }
            let want = expected(&mem, p, c, 4)
                .map(|b| Val::I32(i32::from_le_bytes(b.try_into().unwrap())));
            let got = call(&mut store, &instance, "i32load", &[Val::I32(p)]);
            assert_eq!(got.ok(), want, "i32load p={p} c={c}");
            let want = expected(&mem, p, c, 16)
                .map(|b| Val::V128(V128::from(u128::from_le_bytes(b.try_into().unwrap()))));
            let got = call(&mut store, &instance, "v128load", &[Val::I32(p)]);
            assert_eq!(got.ok(), want, "v128load p={p} c={c}");
        }
    }
}

#[test]
fn stores_write_at_the_wrapped_sum_and_trap_past_the_end_writing_nothing() {
    for (c, ps) in cases() {
        let (mut store, instance) = instantiate(&accessors(c, 0), false);
        let memory = instance.get_memory(&store, "mem").expect("mem");
        for &p in &ps {
            let value = 0x0102_0304_0506_0708_i64.wrapping_mul(i64::from(p) | 1);
            let mut accesses: Vec<(String, Val, u64)> = SCALARS
                .iter()
                .step_by(2) // one store of each width
                .chain(SCALARS.iter().skip(6))
                .flat_map(|&(name, _, _, n, _)| {
                    ["store", "lstore"].map(|kind| (format!("{kind}{name}"), Val::I64(value), n))
                })
                .collect();
            let vector = (value as u128) << 64 | (!value as u64) as u128;
            accesses.push(("v128store".into(), Val::V128(V128::from(vector)), 16));
            for (name, val, n) in accesses {
                let before = memory.data(&store).to_vec();
                let got = call(&mut store, &instance, &name, &[Val::I32(p), val]);
                let after = memory.data(&store).to_vec();
                let what = format!("{name} p={p} c={c}");
                let bytes = match n {
                    16 => vector.to_le_bytes().to_vec(),
                    _ => value.to_le_bytes().to_vec(),
                };
                check_store(&before, &after, p, c, &bytes[..n as usize], got, &what);
            }
        }
    }
}

/// Indexed loads and stores of every width: `$b + ($i << k)` for the width's scale `k`
/// (`idx..`), and `c + ($i << k)` inside a loop, where the constant is hoisted (`cidx..`).
fn indexed_accessors(c: i32) -> String {
    let mut funcs = String::new();
    for (name, load, store, n, _) in SCALARS {
        let k = n.trailing_zeros();
        let shifted = match k {
            0 => "(local.get $i)".to_string(),
            k => format!("(i32.shl (local.get $i) (i32.const {k}))"),
        };
        funcs += &format!(
            "(func (export \"idx{name}\") (param $b i32) (param $i i32) (result i64)
               ({load} (i32.add (local.get $b) {shifted})))
             (func (export \"cidx{name}\") (param $i i32) (result i64)
               (loop (result i64) ({load} (i32.add {shifted} (i32.const {c})))))
             (func (export \"sidx{name}\") (param $b i32) (param $i i32) (param $v i64)
               ({store} (i32.add (local.get $b) {shifted}) (local.get $v)))
             (func (export \"lsidx{name}\") (param $b i32) (param $i i32) (param $v i64)
               ({store} (i32.add (local.get $b) {shifted}) (i64.xor (local.get $v) (i64.const 0))))\n"
        );
    }
    format!("(module (memory (export \"mem\") 1) {funcs})")
}

#[test]
fn indexed_accesses_use_the_wrapped_shifted_sum_and_trap_past_the_end() {
    for (c, ps) in cases() {
        let (mut store, instance) = instantiate(&indexed_accessors(c), false);
        fill(&mut store, &instance);
        let memory = instance.get_memory(&store, "mem").expect("mem");
        for &p in &ps {
            for i in [0, 1, 3, -1, 1 << 30, i32::MIN, p] {
                for (name, _, _, n, signed) in SCALARS {
                    let k = n.trailing_zeros();
                    let shifted = (i as u32).wrapping_shl(k) as i32;
                    let mem = memory.data(&store).to_vec();
                    let want = loaded(&mem, p, shifted, n, signed);
                    let what = format!("{name} base={p} i={i} c={c}");
                    let got = call(
                        &mut store,
                        &instance,
                        &format!("idx{name}"),
                        &[Val::I32(p), Val::I32(i)],
                    );
                    assert_eq!(got.ok(), want, "idx{what}");
                    let want = loaded(&mem, c, shifted, n, signed);
                    let got = call(
                        &mut store,
                        &instance,
                        &format!("cidx{name}"),
                        &[Val::I32(i)],
                    );
                    assert_eq!(got.ok(), want, "cidx{what}");
                    let v = 0x0102_0304_0506_0708_i64.wrapping_mul(i64::from(i) | 1);
                    for kind in ["sidx", "lsidx"] {
                        let before = memory.data(&store).to_vec();
                        let args = [Val::I32(p), Val::I32(i), Val::I64(v)];
                        let got = call(&mut store, &instance, &format!("{kind}{name}"), &args);
                        let after = memory.data(&store).to_vec();
                        let bytes = &v.to_le_bytes()[..n as usize];
                        let what = format!("{kind}{what}");
                        check_store(&before, &after, p, shifted, bytes, got, &what);
                    }
                }
            }
        }
    }
}

#[test]
fn a_fused_access_traps_at_the_offset_of_its_load() {
    let wat = r#"(module (memory 1)
      (func (export "run") (param $p i32) (result i32)
        (i32.load (i32.add (local.get $p) (i32.const 65533)))))"#;
    let wasm = wat::parse_str(wat).expect("wat");
    let (mut store, instance) = instantiate(wat, false);
    let run = instance
        .get_typed_func::<i32, i32>(&store, "run")
        .expect("run");
    assert_eq!(run.call(&mut store, -65533).expect("address 0"), 0);
    let err = run
        .call(&mut store, 0)
        .expect_err("address 65533 is out of bounds for 4 bytes");
    assert_eq!(err.trap_code(), Some(TrapCode::MemoryOutOfBounds));
    let frames = err
        .as_trap()
        .and_then(|t| t.backtrace())
        .expect("backtrace");
    let load = offsets_of(&wasm, "I32Load");
    assert_eq!(frames.frames()[0].module_offset(), Some(load[0]));
}

/// `run n` stores `i` at `i + 64` and sums the loads back, for `i` from 0 by 4 below `n`,
/// then does the same through the array at 1024 indexed by `i` (`1024 + (i << 2)`) and
/// through the array at `$b = 2048` (`$b + (i << 2)`), adding `i` to what it reads: each
/// store and load fused with its address (`offset` 0), or kept apart (`offset` 1 and the
/// base one less). The two array stores compute their values after their addresses.
fn summing(offset: u32) -> String {
    let (c, a, b) = (64 - offset, 1024 - offset, 2048 - offset);
    let shl = "(i32.shl (local.get $i) (i32.const 2))";
    format!(
        r#"(module (memory 1)
      (func (export "run") (param $n i32) (result i32) (local $i i32) (local $s i32) (local $b i32)
        (local.set $b (i32.const {b}))
        (loop $l
          (i32.store offset={offset} (i32.add (local.get $i) (i32.const {c})) (local.get $i))
          (local.set $s (i32.add (local.get $s)
            (i32.load offset={offset} (i32.add (local.get $i) (i32.const {c})))))
          (i32.store offset={offset} (i32.add {shl} (i32.const {a}))
            (i32.xor (local.get $s) (i32.const 0)))
          (i32.store offset={offset} (i32.add (local.get $b) {shl})
            (i32.or (local.get $i) (i32.const 0)))
          (local.set $s (i32.add
            (i32.load offset={offset} (i32.add {shl} (i32.const {a})))
            (i32.load offset={offset} (i32.add (local.get $b) {shl}))))
          (local.set $i (i32.add (local.get $i) (i32.const 4)))
          (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
        (local.get $s)))"#
    )
}

/// What `run n` of [`summing`] returns.
fn summed(n: i32) -> i32 {
    let (mut i, mut s) = (0i32, 0i32);
    loop {
        s = s.wrapping_add(i);
        s = s.wrapping_add(i);
        i += 4;
        if i >= n {
            return s;
        }
    }
}

/// Runs `run n` with `budget` gas (or unmetered), topping up exactly what each pause needs
/// and, when `through_snapshot`, moving the paused call to a new store through a snapshot
/// at every pause. Returns the results, the gas used and the pauses (gas used, gas needed).
fn run(
    wat: &str,
    n: i32,
    budget: Option<u64>,
    through_snapshot: bool,
) -> (Vec<Val>, u64, Vec<(u64, u64)>) {
    let (mut store, instance) = instantiate(wat, budget.is_some());
    if let Some(budget) = budget {
        store.set_gas(budget).expect("gas");
    }
    let engine = store.engine().clone();
    let f = instance.get_func(&store, "run").expect("run");
    let mut outcome = f.call_resumable(&mut store, &[Val::I32(n)]).expect("call");
    let mut pauses = Vec::new();
    loop {
        match outcome {
            CallOutcome::OutOfGas(mut paused) => {
                let needed = paused.gas_needed().expect("needed");
                pauses.push((paused.gas_used(), needed));
                assert!(pauses.len() < 1000, "pauses never end");
                if through_snapshot {
                    let bytes = store.snapshot(Some(&paused));
                    let module = Module::new(&engine, wat).expect("module");
                    store = Store::new(&engine, ());
                    Linker::new(&engine)
                        .instantiate(&mut store, &module)
                        .expect("instance");
                    paused = store
                        .restore(&bytes)
                        .expect("restore")
                        .expect("the snapshot holds a call");
                }
                let left = store.gas_left().expect("gas left");
                store.set_gas(left + needed).expect("gas");
                outcome = paused.resume(&mut store, &[]).expect("resume");
            }
            CallOutcome::Finished { results, gas_used } => return (results, gas_used, pauses),
            CallOutcome::Yielded(_) | CallOutcome::Interrupted(_) => panic!("only gas pauses"),
        }
    }
}

#[test]
fn gas_is_that_of_the_operators_kept_apart() {
    for n in [0, 4, 40, 4000] {
        let sum = summed(n);
        let fused = run(&summing(0), n, Some(u64::MAX / 2), false);
        let apart = run(&summing(1), n, Some(u64::MAX / 2), false);
        assert_eq!(fused.0, vec![Val::I32(sum)], "n = {n}");
        assert_eq!(run(&summing(0), n, None, false).0, fused.0, "n = {n}");
        assert_eq!(fused.1, apart.1, "n = {n}");
        assert!(fused.1 > 0);
    }
}

#[test]
fn every_budget_pauses_and_resumes_alike_through_snapshots() {
    let (_, total, _) = run(&summing(0), 12, Some(u64::MAX / 2), false);
    for budget in 0..=total {
        for through_snapshot in [false, true] {
            let fused = run(&summing(0), 12, Some(budget), through_snapshot);
            let apart = run(&summing(1), 12, Some(budget), through_snapshot);
            let what = format!("budget {budget}, snapshots {through_snapshot}");
            assert_eq!(fused, apart, "{what}");
            assert_eq!(fused.0, vec![Val::I32(summed(12))], "{what}");
            assert_eq!(fused.1, total, "{what}");
            assert_eq!(fused.2.is_empty(), budget == total, "{what}");
        }
    }
}

#[test]
fn other_memories_and_64_bit_memories_keep_their_own_forms() {
    let wat = r#"(module
      (memory $a 1) (memory $b 1) (memory $c i64 1)
      (data (memory $b) (i32.const 20) "\2a")
      (data (memory $c) (i64.const 20) "\2b")
      (func (export "b") (param $p i32) (result i32)
        (i32.load8_u $b (i32.add (local.get $p) (i32.const 16))))
      (func (export "c") (param $p i64) (result i32)
        (i32.load8_u $c (i64.add (local.get $p) (i64.const 16)))))"#;
    let (mut store, instance) = instantiate(wat, false);
    let b = instance.get_typed_func::<i32, i32>(&store, "b").expect("b");
    assert_eq!(b.call(&mut store, 4).expect("in bounds"), 0x2a);
    assert_eq!(b.call(&mut store, -12).expect("wraps to 4"), 0);
    let err = b.call(&mut store, 65520).expect_err("address 65536");
    assert_eq!(err.trap_code(), Some(TrapCode::MemoryOutOfBounds));
    let c = instance.get_typed_func::<i64, i32>(&store, "c").expect("c");
    assert_eq!(c.call(&mut store, 4).expect("in bounds"), 0x2b);
    let err = c
        .call(&mut store, (1 << 32) - 12)
        .expect_err("a 64-bit sum does not wrap at 2^32");
    assert_eq!(err.trap_code(), Some(TrapCode::MemoryOutOfBounds));
}

#[test]
fn a_branch_to_the_add_of_an_indexed_address_sees_its_own_value() {
    let wat = r#"(module (memory 1)
      (data (i32.const 100) "\07") (data (i32.const 12) "\09")
      (func (export "run") (param $c i32) (param $b i32) (result i32)
        (i32.load8_u (i32.add (local.get $b)
          (block (result i32)
            (drop (br_if 0 (i32.const 100) (local.get $c)))
            (i32.shl (i32.const 3) (i32.const 2)))))))"#;
    let (mut store, instance) = instantiate(wat, false);
    let run = instance
        .get_typed_func::<(i32, i32), i32>(&store, "run")
        .expect("run");
    assert_eq!(run.call(&mut store, (1, 0)).expect("branch taken"), 7);
    assert_eq!(run.call(&mut store, (0, 0)).expect("falls through"), 9);
}

#[test]
fn a_late_store_traps_at_the_offset_of_the_store() {
    let wat = r#"(module (memory 1)
      (func (export "run") (param $p i32) (param $v i32)
        (i32.store (i32.add (local.get $p) (i32.const 65533))
          (i32.mul (local.get $v) (local.get $v)))))"#;
    let wasm = wat::parse_str(wat).expect("wat");
    let (mut store, instance) = instantiate(wat, false);
    let run = instance
        .get_typed_func::<(i32, i32), ()>(&store, "run")
        .expect("run");
    run.call(&mut store, (-65533, 3)).expect("address 0");
    let err = run.call(&mut store, (0, 3)).expect_err("address 65533");
    assert_eq!(err.trap_code(), Some(TrapCode::MemoryOutOfBounds));
    let frames = err
        .as_trap()
        .and_then(|t| t.backtrace())
        .expect("backtrace");
    let at = offsets_of(&wasm, "I32Store");
    assert_eq!(frames.frames()[0].module_offset(), Some(at[0]));
}
