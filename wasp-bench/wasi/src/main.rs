//! Wasp (with wasp-wasi) against wasmi 2.0 (with wasmi_wasi) on two WASI programs, in the
//! same process: the bundled tic-tac-toe bot answering 20,000 boards read from stdin, and a
//! sieve counting the primes below 3,000,000 and writing them to a file in a preopen.
//! Prints the median of 7 runs of each (instantiation included) and the Wasp/wasmi ratio.
//!
//! `cargo run --release --manifest-path wasp-bench/wasi/Cargo.toml`

use std::path::Path;
use std::time::{Duration, Instant};

const BOT: &[u8] = include_bytes!("../../../examples/wasm/wasi_bot.wasm");
const PRIMES: &[u8] = include_bytes!("../programs/primes.wasm");
const RUNS: usize = 7;

/// One program run: its bytes, argv, stdin.
struct Job {
    name: &'static str,
    wasm: &'static [u8],
    args: Vec<String>,
    stdin: Vec<u8>,
}

/// 20,000 boards, every cell `.`, `x` or `o` from the digits of the line number in base 3.
fn boards() -> Vec<u8> {
    let mut out = Vec::new();
    for i in 0..20_000u32 {
        let mut n = i;
        for _ in 0..9 {
            out.push(b".xo"[(n % 3) as usize]);
            n /= 3;
        }
        out.push(b'\n');
    }
    out
}

/// Runs `job` on Wasp: (exit code, stdout).
fn wasp(job: &Job, dir: &Path) -> (i32, Vec<u8>) {
    use wasp_wasi::{Pipe, Stdio, WasiCtx, WasiOutcome};
    let engine = wasp_core::Engine::default();
    let module = wasp_core::Module::new(&engine, job.wasm).expect("module");
    let (stdin, stdout) = (Pipe::new(), Pipe::new());
    stdin.write(&job.stdin);
    stdin.close();
    let wasi = WasiCtx::builder()
        .args(job.args.iter().cloned())
        .stdin(Stdio::Pipe(stdin))
        .stdout(Stdio::Pipe(stdout.clone()))
        .preopened_dir(dir, "/")
        .build()
        .expect("context");
    let mut linker = wasp_core::Linker::new(&engine);
    wasp_wasi::add_to_linker(&mut linker).expect("linker");
    let mut store = wasp_core::Store::new(&engine, wasi);
    let instance = linker.instantiate(&mut store, &module).expect("instance");
    let code = match wasp_wasi::run(&mut store, &instance).expect("no trap") {
        WasiOutcome::Exited(code) => code,
        WasiOutcome::Finished(_) => 0,
        other => panic!("unexpected {other:?}"),
    };
    (code, stdout.take())
}

/// Runs `job` on wasmi: (exit code, stdout).
fn wasmi(job: &Job, dir: &Path) -> (i32, Vec<u8>) {
    use wasmi_wasi::wasi_common::pipe::{ReadPipe, WritePipe};
    let engine = wasmi::Engine::default();
    let module = wasmi::Module::new(&engine, job.wasm).expect("module");
    let mut linker = wasmi::Linker::<wasmi_wasi::WasiCtx>::new(&engine);
    wasmi_wasi::add_to_linker(&mut linker, |ctx| ctx).expect("linker");
    let stdout = WritePipe::new_in_memory();
    let preopen =
        wasmi_wasi::Dir::open_ambient_dir(dir, wasmi_wasi::ambient_authority()).expect("dir");
    let wasi = wasmi_wasi::WasiCtxBuilder::new()
        .args(&job.args)
        .expect("args")
        .stdin(Box::new(ReadPipe::from(job.stdin.clone())))
        .stdout(Box::new(stdout.clone()))
        .preopened_dir(preopen, "/")
        .expect("preopen")
        .build();
    let mut store = wasmi::Store::new(&engine, wasi);
    let instance = linker
        .instantiate_and_start(&mut store, &module)
        .expect("instance");
    let start = instance
        .get_typed_func::<(), ()>(&store, "_start")
        .expect("_start");
    let code = match start.call(&mut store, ()) {
        Ok(()) => 0,
        Err(e) => e.i32_exit_status().unwrap_or_else(|| panic!("trap: {e}")),
    };
    drop(store);
    let out = stdout.try_into_inner().expect("sole owner").into_inner();
    (code, out)
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn time(f: impl Fn() -> (i32, Vec<u8>)) -> (Duration, (i32, Vec<u8>)) {
    let mut times = Vec::new();
    let mut last = (0, Vec::new());
    for _ in 0..RUNS {
        let t = Instant::now();
        last = f();
        times.push(t.elapsed());
    }
    (median(times), last)
}

fn main() {
    let jobs = [
        Job {
            name: "tic-tac-toe bot, 20,000 boards on stdin",
            wasm: BOT,
            args: vec!["wasi_bot".into()],
            stdin: boards(),
        },
        Job {
            name: "primes below 3,000,000, written to a file",
            wasm: PRIMES,
            args: vec!["primes".into(), "3000000".into(), "/primes.txt".into()],
            stdin: Vec::new(),
        },
    ];
    println!("| program | Wasp | wasmi | Wasp / wasmi |");
    println!("| --- | --- | --- | --- |");
    for job in &jobs {
        let dir = tempfile::tempdir().expect("tempdir");
        let (ours, a) = time(|| wasp(job, dir.path()));
        let (theirs, b) = time(|| wasmi(job, dir.path()));
        assert_eq!(
            a, b,
            "{}: both engines give the same exit code and output",
            job.name
        );
        println!(
            "| {} | {:.1} ms | {:.1} ms | {:.2} |",
            job.name,
            ours.as_secs_f64() * 1e3,
            theirs.as_secs_f64() * 1e3,
            ours.as_secs_f64() / theirs.as_secs_f64()
        );
    }
}
