//! Benchmarks comparing Wasp with [wasmi](https://crates.io/crates/wasmi).
//!
//! The benchmarks live in `benches/vs_wasmi.rs` and run with
//! `cargo bench -p wasp-bench`. For every [`Workload`] they time one call of
//! its export in both engines (module translation and instantiation happen
//! outside the timed part), then they time the translation of modules
//! (`Module::new`) in both engines, and finally print the ratio of Wasp's
//! time to wasmi's time for each of them. Every workload is also timed with
//! metering on (Wasp's gas, wasmi's fuel), and the overhead of metering is
//! printed after the ratios.
//!
//! This library holds what the benchmarks and the tests share: the
//! workloads, which are the modules bundled in `examples/wasm/` and the
//! kernels of `kernels/` (WAT, C and Rust sources with their `.wasm`, rebuilt by
//! `kernels/build.sh`), plain Rust [`reference`](mod@reference)
//! implementations of what the simpler exports compute, and a generator for
//! a large module to benchmark translation with ([`generated_module_wat`]).
//! It has no dependencies.
//!
//! The workloads cover the kinds of guest code interpreters meet: a
//! bytecode interpreter (`br_table` dispatch feeding computed loads), f64
//! numerics, calls (direct non-tail recursion, `call_indirect`, tail
//! calls), random memory access, sorting, straight-line integer code over
//! many locals, counters on a local, a parameter and a global, bulk memory, calls passing
//! and returning eight values, loops carrying their state as parameters,
//! CoreMark, a Rust program (JSON printed and parsed with serde_json), and SIMD (a byte-wise checksum, an f32 matrix multiply and an
//! image filter built with clang `-O3 -msimd128`, and hand-written shuffles
//! and lane ops).

use std::fmt::Write as _;

/// The Wasm type of a workload export's single result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResultType {
    /// `(result i32)`
    I32,
    /// `(result i64)`
    I64,
}

/// A workload's module, as WebAssembly text or binary.
#[derive(Clone, Copy, Debug)]
pub enum Source {
    /// WebAssembly text (the modules of `examples/wasm/`).
    Wat(&'static str),
    /// A binary module (the kernels of `kernels/`, built by its `build.sh`).
    Wasm(&'static [u8]),
}

/// One benchmark workload: an export `(func (param i32) (result i32|i64))`
/// of one of the modules in `examples/wasm/` or `kernels/`.
///
/// A module may import `env.clock_ms: (func (result i32))` (CoreMark does);
/// the benchmarks and tests link it to a clock that always reads 0, so that
/// every run of a workload takes the same path and uses the same gas.
#[derive(Clone, Copy, Debug)]
pub struct Workload {
    /// Short name, used for the benchmark group and in the ratio table.
    pub name: &'static str,
    /// The module.
    pub source: Source,
    /// The name of the exported function to call.
    pub export: &'static str,
    /// The type of the export's result.
    pub result: ResultType,
    /// The argument the benchmarks call the export with, chosen so that one
    /// call takes roughly 10 ms in wasmi on a typical machine.
    pub bench_arg: u32,
    /// What the export returns for an argument, its result's bits
    /// zero-extended to `u64`, when a plain Rust reference exists. Without
    /// one, the benchmarks and tests check that Wasp and wasmi agree.
    pub reference: Option<fn(u32) -> u64>,
}

/// `examples/wasm/fib.wat`: naive recursive Fibonacci (calls).
pub const FIB_WAT: &str = include_str!("../../examples/wasm/fib.wat");
/// `examples/wasm/loop.wat`: tight arithmetic loop over locals.
pub const LOOP_WAT: &str = include_str!("../../examples/wasm/loop.wat");
/// `examples/wasm/sieve.wat`: sieve of Eratosthenes (byte loads and stores).
pub const SIEVE_WAT: &str = include_str!("../../examples/wasm/sieve.wat");
/// `examples/wasm/indirect.wat`: `call_indirect` through a table.
pub const INDIRECT_WAT: &str = include_str!("../../examples/wasm/indirect.wat");
/// `examples/wasm/sort.wat`: quicksort of LCG output in memory.
pub const SORT_WAT: &str = include_str!("../../examples/wasm/sort.wat");

/// A kernel of `kernels/` built by `kernels/build.sh`.
macro_rules! kernel {
    ($path:literal) => {
        Source::Wasm(include_bytes!(concat!("../kernels/", $path)))
    };
}

/// Every workload the benchmarks run, in the order they run them.
pub const WORKLOADS: &[Workload] = &[
    Workload {
        name: "fib",
        source: Source::Wat(FIB_WAT),
        export: "fib",
        result: ResultType::I32,
        bench_arg: 27,
        reference: Some(|n| u64::from(reference::fib(n))),
    },
    Workload {
        name: "loop",
        source: Source::Wat(LOOP_WAT),
        export: "sum",
        result: ResultType::I64,
        bench_arg: 1_500_000,
        reference: Some(reference::sum),
    },
    Workload {
        name: "sieve",
        source: Source::Wat(SIEVE_WAT),
        export: "sieve",
        result: ResultType::I32,
        bench_arg: 600_000,
        reference: Some(|n| u64::from(reference::sieve(n))),
    },
    Workload {
        name: "indirect",
        source: Source::Wat(INDIRECT_WAT),
        export: "run",
        result: ResultType::I32,
        bench_arg: 400_000,
        reference: Some(|n| u64::from(reference::run(n))),
    },
    Workload {
        name: "sort",
        source: Source::Wat(SORT_WAT),
        export: "sort",
        result: ResultType::I32,
        bench_arg: 40_000,
        reference: Some(|n| u64::from(reference::sort(n) as u32)),
    },
    Workload {
        name: "interp",
        source: kernel!("interp.wasm"),
        export: "run",
        result: ResultType::I32,
        bench_arg: 40_000,
        reference: None,
    },
    Workload {
        name: "nbody",
        source: kernel!("nbody.wasm"),
        export: "run",
        result: ResultType::I64,
        bench_arg: 20_000,
        reference: None,
    },
    Workload {
        name: "tail_call",
        source: kernel!("tail_call.wasm"),
        export: "run",
        result: ResultType::I32,
        bench_arg: 1_000_000,
        reference: Some(|n| u64::from(reference::tail_call(n))),
    },
    Workload {
        name: "hash_table",
        source: kernel!("hash_table.wasm"),
        export: "run",
        result: ResultType::I32,
        bench_arg: 100_000,
        reference: None,
    },
    Workload {
        name: "md5",
        source: kernel!("md5.wasm"),
        export: "run",
        result: ResultType::I32,
        bench_arg: 10_000,
        reference: None,
    },
    Workload {
        name: "counter_local",
        source: kernel!("counter_local.wasm"),
        export: "run",
        result: ResultType::I32,
        bench_arg: 2_000_000,
        reference: Some(|n| u64::from(n.max(1))),
    },
    Workload {
        name: "counter_param",
        source: kernel!("counter_param.wasm"),
        export: "run",
        result: ResultType::I32,
        bench_arg: 2_000_000,
        reference: Some(|_| 0),
    },
    Workload {
        name: "counter_global",
        source: kernel!("counter_global.wasm"),
        export: "run",
        result: ResultType::I32,
        bench_arg: 2_000_000,
        reference: Some(|n| u64::from(n.max(1))),
    },
    Workload {
        name: "bulk_memory",
        source: kernel!("bulk_memory.wasm"),
        export: "run",
        result: ResultType::I32,
        bench_arg: 10_000,
        reference: Some(|n| u64::from(reference::bulk_memory(n))),
    },
    Workload {
        name: "multi_value",
        source: kernel!("multi_value.wasm"),
        export: "run",
        result: ResultType::I32,
        bench_arg: 500_000,
        reference: Some(|n| u64::from(reference::multi_value(n))),
    },
    Workload {
        name: "loop_params",
        source: kernel!("loop_params.wasm"),
        export: "run",
        result: ResultType::I32,
        bench_arg: 250_000,
        reference: Some(|n| u64::from(reference::loop_params(n))),
    },
    Workload {
        name: "coremark",
        source: kernel!("coremark/coremark.wasm"),
        export: "run",
        result: ResultType::I32,
        bench_arg: 20,
        reference: None,
    },
    Workload {
        // A Rust program (serde_json): allocation, formatting, parsing.
        name: "json",
        source: kernel!("json.wasm"),
        export: "run",
        result: ResultType::I32,
        bench_arg: 12,
        reference: None,
    },
    Workload {
        // `sieve` on a 64-bit memory (memory64), to compare with it.
        name: "sieve64",
        source: Source::Wat(include_str!("../kernels/sieve64.wat")),
        export: "sieve",
        result: ResultType::I32,
        bench_arg: 600_000,
        reference: Some(|n| u64::from(reference::sieve(n))),
    },
    // The SIMD workloads: clang -O3 -msimd128 kernels and hand-written WAT.
    Workload {
        name: "simd_checksum",
        source: kernel!("simd_checksum.wasm"),
        export: "run",
        result: ResultType::I32,
        bench_arg: 80,
        reference: None,
    },
    Workload {
        name: "simd_matmul",
        source: kernel!("simd_matmul.wasm"),
        export: "run",
        result: ResultType::I32,
        bench_arg: 200,
        reference: None,
    },
    Workload {
        name: "simd_blur",
        source: kernel!("simd_blur.wasm"),
        export: "run",
        result: ResultType::I32,
        bench_arg: 50,
        reference: None,
    },
    Workload {
        name: "simd_shuffle",
        source: kernel!("simd_shuffle.wasm"),
        export: "run",
        result: ResultType::I64,
        bench_arg: 120_000,
        reference: None,
    },
];

/// The name of the CoreMark workload, whose ratio the benchmarks also print
/// as a ratio of scores (iterations per second).
pub const COREMARK: &str = "coremark";

/// Plain Rust implementations of what the workload exports compute, to
/// check both engines against. Each comment in `examples/wasm/*.wat` and
/// `kernels/*.wat` states the same computation.
pub mod reference {
    /// `tail_call.wat`'s `run`: a loop of alternating steps.
    pub fn tail_call(n: u32) -> u32 {
        let mut acc: u32 = 1;
        for k in (1..=n).rev() {
            acc = if k % 2 == 0 {
                acc.wrapping_mul(31).wrapping_add(k)
            } else {
                acc ^ (k << 3)
            };
        }
        acc
    }

    /// `multi_value.wat`'s `run`: eight values turned by one place per call.
    pub fn multi_value(n: u32) -> u32 {
        let mut v: [u64; 8] = [1, 2, 3, 4, 5, 6, 7, 8];
        for i in 0..u64::from(n) {
            v = [
                v[1],
                v[2],
                v[3],
                v[4],
                v[5],
                v[6],
                v[7],
                v[0].wrapping_add(i),
            ];
        }
        v.iter().fold(0u64, |a, &b| a.wrapping_add(b)) as u32
    }

    /// `loop_params.wat`'s `run`: nested loops carrying their state as parameters.
    pub fn loop_params(n: u32) -> u32 {
        let mut total: u32 = 0;
        for i in 0..n {
            let (mut k, mut acc) = (8u32, total);
            loop {
                acc = acc.wrapping_mul(3).wrapping_add(k) ^ i;
                k -= 1;
                if k == 0 {
                    break;
                }
            }
            total = acc;
        }
        total
    }

    /// `bulk_memory.wat`'s `run`: fills and copies of 4 KiB blocks.
    pub fn bulk_memory(n: u32) -> u32 {
        let mut mem = vec![0u8; 2 * 65536];
        let mut sum: u32 = 0;
        for i in 0..n {
            let a = (i.wrapping_mul(1024) & 0xFFFF) as usize;
            let b = (i.wrapping_mul(1536).wrapping_add(512) & 0xFFFF) as usize;
            mem[a..a + 4096].fill(i as u8);
            mem.copy_within(a..a + 4096, b);
            let word = u32::from_le_bytes([mem[b + 100], mem[b + 101], mem[b + 102], mem[b + 103]]);
            sum = sum.wrapping_mul(31).wrapping_add(word);
        }
        sum
    }

    /// `fib.wat`'s `fib`: naive Fibonacci, wrapping.
    pub fn fib(n: u32) -> u32 {
        if n < 2 {
            n
        } else {
            fib(n - 1).wrapping_add(fib(n - 2))
        }
    }

    /// `loop.wat`'s `sum`: `n` rounds of integer mixing.
    pub fn sum(n: u32) -> u64 {
        let (mut x, mut acc): (u64, u64) = (0x9E37_79B9_7F4A_7C15, 0);
        let mut h: u32 = 0x811C_9DC5;
        for i in 0..n {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            h = (h ^ i).wrapping_mul(16_777_619);
            acc ^= (x >> 29).wrapping_add(u64::from(h));
            acc = acc.rotate_left(7).wrapping_add(acc << 3);
        }
        acc
    }

    /// `sieve.wat`'s `sieve`: the number of primes below `n`.
    pub fn sieve(n: u32) -> u32 {
        let n = n as usize;
        let mut composite = vec![false; n];
        let mut i = 2;
        while i * i < n {
            if !composite[i] {
                for j in (i * i..n).step_by(i) {
                    composite[j] = true;
                }
            }
            i += 1;
        }
        (2..n).filter(|&k| !composite[k]).count() as u32
    }

    /// `indirect.wat`'s `run`: `n` calls through a table of eight functions.
    pub fn run(n: u32) -> u32 {
        let table: [fn(u32) -> u32; 8] = [
            |x| x.wrapping_add(1),
            |x| x.wrapping_mul(3),
            |x| x ^ 0x5BD1_E995,
            |x| x.rotate_left(5),
            |x| x.wrapping_sub(7),
            |x| x >> 1,
            |x| x.wrapping_mul(x),
            |x| x.wrapping_add(x << 4),
        ];
        let mut acc = 0u32;
        for i in 0..n {
            acc = table[((i ^ (i >> 3)) & 7) as usize](acc.wrapping_add(i));
        }
        acc
    }

    /// `sort.wat`'s `sort`: the checksum of `n` sorted LCG outputs.
    pub fn sort(n: u32) -> i32 {
        let mut s: u32 = 12345;
        let mut values: Vec<i32> = (0..n)
            .map(|_| {
                s = s.wrapping_mul(1_103_515_245).wrapping_add(12345);
                (s >> 8) as i32
            })
            .collect();
        values.sort_unstable();
        values
            .iter()
            .zip(1i32..)
            .fold(0i32, |sum, (&v, k)| sum.wrapping_add(v.wrapping_mul(k)))
    }
}

/// The gas (Wasp) or fuel (wasmi) that the benchmarks and tests give a
/// metered store before every call: far more than any workload uses with
/// its benchmark argument, so metered calls always finish.
pub const GAS_PER_CALL: u64 = 1 << 48;

/// The startup benchmark's module: a Rust program of about 1.5 MB of code (JSON, TOML,
/// regular expressions and a Rust parser), built for `wasm32-wasip1` by
/// `kernels/startup/build.sh` from `kernels/startup/src/main.rs`.
pub const STARTUP_WASM: &[u8] = include_bytes!("../kernels/startup.wasm");

/// The number of functions in the module the translation benchmark
/// generates with [`generated_module_wat`].
pub const GENERATED_FUNCS: usize = 1000;

/// The text of a large, import-free module with `funcs` functions of type
/// `(param i32) (result i32)`, for benchmarking translation.
///
/// Every function mixes loops, branches, `br_table`, i32/i64 arithmetic,
/// memory loads and stores, a direct call and a `call_indirect`, so the
/// translator sees a representative instruction mix. The last function is
/// exported as `"run"`; calling it terminates (each call recurses only with
/// a smaller, nonzero argument), so tests can also check the engines agree
/// on it. The module also exports `memory`.
pub fn generated_module_wat(funcs: usize) -> String {
    assert!(
        funcs > 0,
        "the generated module needs at least one function"
    );
    let mut wat = String::from(
        "(module\n  (type $t (func (param i32) (result i32)))\n  (memory (export \"memory\") 1)\n",
    );
    for k in 0..funcs {
        let callee = k.saturating_sub(1);
        // `write!` to a `String` cannot fail.
        let _ = write!(
            wat,
            r#"  (func $f{k} (type $t) (param $n i32) (result i32)
    (local $i i32) (local $acc i32) (local $wide i64)
    (local.set $acc (i32.const {seed}))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $acc
          (i32.add (local.get $acc) (i32.mul (local.get $i) (i32.const {mul}))))
        (if (i32.and (local.get $i) (i32.const 1))
          (then
            (i32.store
              (i32.and (i32.shl (local.get $i) (i32.const 2)) (i32.const 0xFFFC))
              (local.get $acc)))
          (else
            (local.set $acc
              (i32.xor
                (local.get $acc)
                (i32.load
                  (i32.and (i32.shl (local.get $i) (i32.const 2)) (i32.const 0xFFFC)))))))
        (block $c
          (block $b
            (block $a
              (br_table $a $b $c (i32.rem_u (local.get $i) (i32.const 3))))
            (local.set $wide (i64.add (local.get $wide) (i64.extend_i32_u (local.get $acc))))
            (br $c))
          (local.set $wide (i64.rotl (local.get $wide) (i64.const {rot}))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (if (i32.ne (local.get $n) (i32.const 0))
      (then
        (local.set $acc
          (i32.add
            (local.get $acc)
            (call $f{callee} (i32.shr_u (local.get $n) (i32.const 1)))))
        (local.set $acc
          (i32.xor
            (local.get $acc)
            (call_indirect (type $t)
              (i32.shr_u (local.get $n) (i32.const 2))
              (i32.rem_u
                (i32.add (local.get $n) (i32.const {k}))
                (i32.const {funcs})))))))
    (i32.add (local.get $acc) (i32.wrap_i64 (local.get $wide))))
"#,
            seed = k.wrapping_mul(0x9E37) & 0xFFFF,
            mul = 2 * k + 1,
            rot = k % 63 + 1,
        );
    }
    let _ = writeln!(wat, "  (table {funcs} funcref)");
    wat.push_str("  (elem (i32.const 0)");
    for k in 0..funcs {
        let _ = write!(wat, " $f{k}");
    }
    let _ = writeln!(wat, ")\n  (export \"run\" (func $f{}))\n)", funcs - 1);
    wat
}
