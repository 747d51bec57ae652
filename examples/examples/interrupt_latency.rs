//! How long an interrupted call takes to return: the time from `InterruptHandle::interrupt`
//! on one thread to `call_resumable` (or `resume`) returning `Interrupted` on another, over
//! a few hundred interrupts each of a tight loop, a deep recursion and a 1 GiB
//! `memory.fill`, with gas metering off and on.
//!
//! ```text
//! cargo run -p wasp-examples --example interrupt_latency
//! ```

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use wasp_core::{CallOutcome, Config, Engine, Error, Func, Linker, Module, Store, Val};

const WAT: &str = r#"(module
  (memory 16385)
  (func (export "loop") (local $i i32)
    (loop $l (local.set $i (i32.add (local.get $i) (i32.const 1))) (br $l)))
  ;; 100,000 frames deep, then a binary tree of calls that never ends.
  (func $tree (param $n i32)
    (if (local.get $n) (then
      (call $tree (i32.sub (local.get $n) (i32.const 1)))
      (call $tree (i32.sub (local.get $n) (i32.const 1))))))
  (func $down (export "recursion") (param $n i32)
    (if (local.get $n)
      (then (call $down (i32.sub (local.get $n) (i32.const 1))))
      (else (loop $l (call $tree (i32.const 40)) (br $l)))))
  (func (export "fill") (local $v i32)
    (loop $l
      (memory.fill (i32.const 0) (local.get $v) (i32.const 0x40000000))
      (local.set $v (i32.add (local.get $v) (i32.const 1)))
      (br $l))))"#;

const SAMPLES: usize = 300;

fn main() -> Result<(), Error> {
    println!("interrupt() to return, {SAMPLES} interrupts each (microseconds)");
    println!(
        "{:<10} {:>4} {:>8} {:>8} {:>8} {:>8}",
        "workload", "gas", "p50", "p90", "p99", "max"
    );
    for gas in [false, true] {
        let mut config = Config::default();
        config.gas_metering(gas);
        let engine = Engine::new(&config);
        let module = Module::new(&engine, WAT)?;
        let mut store = Store::new(&engine, ());
        if gas {
            store.set_gas(u64::MAX)?;
        }
        let instance = Linker::new(&engine).instantiate(&mut store, &module)?;
        for (name, args) in [
            ("loop", vec![]),
            ("recursion", vec![Val::I32(100_000)]),
            ("fill", vec![]),
        ] {
            let func = instance.get_func(&store, name).expect("exported");
            let mut micros = measure(&mut store, func, &args)?;
            micros.sort_unstable_by(f64::total_cmp);
            let at = |q: f64| micros[((micros.len() - 1) as f64 * q) as usize];
            println!(
                "{name:<10} {:>4} {:>8.1} {:>8.1} {:>8.1} {:>8.1}",
                if gas { "on" } else { "off" },
                at(0.5),
                at(0.9),
                at(0.99),
                at(1.0)
            );
        }
    }
    Ok(())
}

/// Runs `func` forever, interrupted every 1 to 3 ms from another thread; returns the
/// latency of each interrupt in microseconds.
fn measure(store: &mut Store<()>, func: Func, args: &[Val]) -> Result<Vec<f64>, Error> {
    let epoch = Instant::now();
    let raised_at = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let interrupter = {
        let (handle, raised_at, stop) = (store.interrupt_handle(), raised_at.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut n = 0u64;
            while !stop.load(Ordering::Relaxed) {
                n += 1;
                std::thread::sleep(Duration::from_micros(1_000 + (n * 7919) % 2_000));
                raised_at.store(epoch.elapsed().as_nanos() as u64, Ordering::SeqCst);
                handle.interrupt();
            }
        })
    };
    let mut micros = Vec::with_capacity(SAMPLES);
    let mut outcome = func.call_resumable(&mut *store, args)?;
    while micros.len() < SAMPLES {
        let returned = epoch.elapsed().as_nanos() as u64;
        let CallOutcome::Interrupted(paused) = outcome else {
            panic!("the workloads never end")
        };
        let raised = raised_at.load(Ordering::SeqCst);
        micros.push(returned.saturating_sub(raised) as f64 / 1_000.0);
        outcome = paused.resume(&mut *store, &[])?;
    }
    stop.store(true, Ordering::Relaxed);
    interrupter
        .join()
        .expect("the interrupting thread does not panic");
    Ok(micros)
}
