//! Many independent stores, each on its own thread, running the same module.

use std::thread;

use wasp_core::{Engine, Linker, Module, Store};

const SUM_TO: &str = r#"(module
  (memory (export "mem") 1)
  (func (export "sum_to") (param $n i32) (result i64)
    (local $i i32) (local $acc i64)
    (block $done
      (loop $next
        (br_if $done (i32.gt_s (local.get $i) (local.get $n)))
        (local.set $acc (i64.add (local.get $acc) (i64.extend_i32_s (local.get $i))))
        (i32.store (i32.const 0) (local.get $i))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $acc)))"#;

#[test]
fn one_module_in_eight_threads_with_a_store_each() {
    let engine = Engine::default();
    let module = Module::new(&engine, SUM_TO).expect("valid module");
    let handles: Vec<_> = (0..8)
        .map(|t| {
            let engine = engine.clone();
            let module = module.clone();
            thread::spawn(move || {
                let mut store = Store::new(&engine, t);
                let instance = Linker::new(&engine)
                    .instantiate(&mut store, &module)
                    .expect("instantiates");
                let f = instance
                    .get_typed_func::<i32, i64>(&store, "sum_to")
                    .expect("exported");
                let n = 10_000 + t * 1000;
                let got = f.call(&mut store, n).expect("runs");
                let mem = instance.get_memory(&store, "mem").expect("memory");
                let mut last = [0u8; 4];
                mem.read(&store, 0, &mut last).expect("in bounds");
                (n, got, i32::from_le_bytes(last))
            })
        })
        .collect();
    for h in handles {
        let (n, got, last) = h.join().expect("thread did not panic");
        let n64 = i64::from(n);
        assert_eq!(got, n64 * (n64 + 1) / 2);
        assert_eq!(last, n, "each store has its own memory");
    }
}

#[test]
fn engine_module_and_store_are_thread_safe_types() {
    fn send_sync<T: Send + Sync>() {}
    fn send<T: Send>() {}
    send_sync::<Engine>();
    send_sync::<Module>();
    send::<Store<u32>>();
}
