//! Runs the plugin host on `examples/plugins` (a copy of it, so that it can show a plugin
//! being changed and reloaded while the host runs), then measures calls per second on one
//! and two threads and how many idle plugins fit in a memory budget.
//!
//! ```text
//! cargo run -p wasp-examples --example plugin_host
//! cargo run -p wasp-examples --example plugin_host -- --ticks 10 --no-bench
//! ```

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use wasp_core::{Config, Engine, Error, Module};
use wasp_examples::plugin_host::{
    calls_per_second, instantiate, plugin_linker, HostConfig, PluginHost,
};

/// The system allocator, counting the bytes allocated and not yet freed.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded unchanged to the system allocator; the counter is a
// statistic only.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's contract for `alloc` is the system allocator's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` was allocated by `alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: as for `alloc`.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size, Ordering::Relaxed);
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: as for `alloc` and `dealloc`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const PLUGINS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/plugins");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let ticks = args
        .iter()
        .position(|a| a == "--ticks")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(10);
    let dir = std::env::temp_dir().join(format!("wasp-plugins-{}", std::process::id()));
    copy_plugins(Path::new(PLUGINS), &dir)?;
    let result = run_host(&dir, ticks);
    let _ = std::fs::remove_dir_all(&dir);
    result?;
    if !args.iter().any(|a| a == "--no-bench") {
        measure()?;
    }
    Ok(())
}

fn copy_plugins(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let path = entry?.path();
        if let Some(name) = path.file_name() {
            std::fs::copy(&path, to.join(name))?;
        }
    }
    Ok(())
}

fn run_host(dir: &Path, ticks: u32) -> Result<(), Box<dyn std::error::Error>> {
    let config = HostConfig::default();
    println!(
        "plugin host: {} plugins from {PLUGINS}, {} threads, per call {} gas and {:?}, \
         {} KiB of memory and {} frames per plugin",
        std::fs::read_dir(dir)?.count(),
        config.threads,
        config.gas_per_call,
        config.deadline,
        config.memory_bytes / 1024,
        config.call_depth
    );
    let mut host = PluginHost::new(dir, config)?;
    for tick in 1..=ticks {
        if tick == ticks / 2 + 1 {
            // Edit a plugin while the host runs: it is reloaded before the next tick.
            let greeter = dir.join("greeter.wat");
            let source = std::fs::read_to_string(&greeter)?.replace("hello, ", "howdy, ");
            std::thread::sleep(Duration::from_millis(20));
            std::fs::write(&greeter, source)?;
            println!("-- greeter.wat changed on disk");
        }
        println!("-- tick {tick}");
        for report in host.tick()? {
            println!("   {report}");
        }
    }
    Ok(())
}

fn measure() -> Result<(), Error> {
    let greeter = std::fs::read_to_string(Path::new(PLUGINS).join("greeter.wat"))
        .map_err(|e| Error::Trap(wasp_core::Trap::host(e.to_string())))?;
    println!("-- throughput: greeter's tick (3 host calls) on 256 plugins, each its own store");
    // Warm up, then take the best of three rounds of each (the machine may be shared).
    calls_per_second(&greeter, 256, 2, Duration::from_millis(500))?;
    let mut best = [0.0f64; 2];
    for _ in 0..3 {
        for (slot, threads) in [1, 2].into_iter().enumerate() {
            let rate = calls_per_second(&greeter, 256, threads, Duration::from_secs(1))?;
            best[slot] = best[slot].max(rate);
        }
    }
    for (slot, threads) in [1, 2].into_iter().enumerate() {
        println!(
            "   {threads} thread(s): {:>9.0} calls/s ({:.2}x one thread)",
            best[slot],
            best[slot] / best[0]
        );
    }
    let budget: usize = 256 << 20;
    let (per_instance, alive) = instances_within(&greeter, budget)?;
    println!(
        "-- memory: an idle greeter (store, instance, 1 page of memory) holds {per_instance} \
         bytes; {alive} were alive at once within {} MiB",
        budget >> 20
    );
    Ok(())
}

/// The heap bytes one idle plugin holds, and how many are created before `budget` bytes
/// are used.
fn instances_within(wat: &str, budget: usize) -> Result<(usize, usize), Error> {
    let mut config = Config::default();
    config.gas_metering(true);
    let engine = Engine::new(&config);
    let pre = plugin_linker(&engine)?.instantiate_pre(&Module::new(&engine, wat)?)?;
    let host_config = HostConfig::default();
    let base = LIVE.load(Ordering::Relaxed);
    let mut alive = Vec::new();
    while LIVE.load(Ordering::Relaxed).saturating_sub(base) < budget {
        alive.push(instantiate(&engine, &pre, &host_config)?);
    }
    let used = LIVE.load(Ordering::Relaxed) - base;
    Ok((used / alive.len(), alive.len()))
}
