//! The plugin host keeps well-behaved plugins working next to hostile ones, resumes paused
//! calls on the next tick and reloads changed plugin files.

use std::path::{Path, PathBuf};
use std::time::Duration;

use wasp_examples::plugin_host::{Event, HostConfig, PluginHost, Report};

const PLUGINS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/plugins");

/// A fresh copy of the bundled plugins, removed when dropped.
struct PluginDir(PathBuf);

impl PluginDir {
    fn new(tag: &str) -> PluginDir {
        let dir =
            std::env::temp_dir().join(format!("wasp-plugin-test-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for entry in std::fs::read_dir(PLUGINS).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
        PluginDir(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for PluginDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Gas bounds every call, so that what happens on each tick does not depend on timing.
fn gas_bound() -> HostConfig {
    HostConfig {
        deadline: Duration::from_secs(30),
        ..HostConfig::default()
    }
}

fn report<'a>(reports: &'a [Report], plugin: &str) -> &'a Report {
    reports.iter().find(|r| r.plugin == plugin).unwrap()
}

fn run(host: &mut PluginHost, ticks: usize) -> Vec<Vec<Report>> {
    (0..ticks).map(|_| host.tick().unwrap()).collect()
}

fn trap_of<'a>(history: &'a [Vec<Report>], plugin: &str) -> &'a str {
    history
        .iter()
        .find_map(|reports| match &report(reports, plugin).event {
            Event::Trapped(e) => Some(e.as_str()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{plugin} never trapped"))
}

#[test]
fn hostile_plugins_are_contained_while_the_others_keep_working() {
    let dir = PluginDir::new("contained");
    let mut host = PluginHost::new(dir.path(), gas_bound()).unwrap();
    let history = run(&mut host, 10);
    for (i, reports) in history.iter().enumerate() {
        let tick = i as i64 + 1;
        let greeter = report(reports, "greeter");
        assert_eq!(greeter.event, Event::Finished { status: 0 });
        assert_eq!(greeter.emitted, vec![2 * tick]);
        assert_eq!(greeter.logs, vec![format!("hello, tick {tick}")]);
        let counter = report(reports, "counter");
        assert_eq!(counter.emitted, vec![tick * (tick + 1) / 2]);
    }
    assert!(trap_of(&history, "runaway_recursion").contains("call stack exhausted"));
    assert!(trap_of(&history, "divide_by_zero").contains("integer divide by zero"));
    assert!(trap_of(&history, "memory_bomb").contains("out of bounds memory access"));
    let oob = trap_of(&history, "out_of_bounds");
    assert!(oob.contains("found 2147483632 + 6"), "{oob}");
    let divide = history
        .iter()
        .position(|r| matches!(report(r, "divide_by_zero").event, Event::Trapped(_)));
    assert_eq!(divide, Some(2), "divide_by_zero traps on its third tick");
    let gave_up = history
        .iter()
        .position(|r| matches!(report(r, "infinite_loop").event, Event::GaveUp(_)));
    assert_eq!(
        gave_up,
        Some(HostConfig::default().max_running_ticks as usize - 1)
    );
}

#[test]
fn a_paused_plugin_resumes_on_the_next_tick_with_the_exact_result() {
    let dir = PluginDir::new("resumes");
    let mut host = PluginHost::new(dir.path(), gas_bound()).unwrap();
    let history = run(&mut host, 6);
    let first = report(&history[0], "slow_worker");
    assert!(
        matches!(
            first.event,
            Event::Paused {
                why: "gas",
                ticks: 1
            }
        ),
        "{first}"
    );
    let emitted: Vec<i64> = history
        .iter()
        .flat_map(|r| report(r, "slow_worker").emitted.clone())
        .collect();
    let want = (0..3_000_000u64).fold(0u64, |s, i| s.wrapping_add(i * i)) as i64;
    assert_eq!(emitted, vec![want]);
}

#[test]
fn a_deadline_pauses_a_plugin_that_gas_would_let_run() {
    let dir = PluginDir::new("deadline");
    let config = HostConfig {
        gas_per_call: u64::MAX / 2,
        deadline: Duration::from_millis(10),
        ..HostConfig::default()
    };
    let mut host = PluginHost::new(dir.path(), config).unwrap();
    let reports = host.tick().unwrap();
    let looping = report(&reports, "infinite_loop");
    assert!(
        matches!(
            looping.event,
            Event::Paused {
                why: "deadline",
                ..
            }
        ),
        "{looping}"
    );
    assert_eq!(
        report(&reports, "greeter").event,
        Event::Finished { status: 0 }
    );
}

#[test]
fn changed_new_broken_and_removed_plugin_files_are_picked_up() {
    let dir = PluginDir::new("reload");
    let mut host = PluginHost::new(dir.path(), gas_bound()).unwrap();
    host.tick().unwrap();
    let greeter = dir.path().join("greeter.wat");
    let source = std::fs::read_to_string(&greeter).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(&greeter, source.replace("hello, ", "howdy, ")).unwrap();
    std::fs::write(
        dir.path().join("broken.wat"),
        "(module (func (export \"tick\")",
    )
    .unwrap();
    std::fs::remove_file(dir.path().join("counter.wat")).unwrap();
    let reports = host.tick().unwrap();
    let g = report(&reports, "greeter");
    assert!(g.loaded);
    assert_eq!(g.logs, vec!["howdy, tick 2".to_string()]);
    assert!(matches!(
        report(&reports, "broken").event,
        Event::LoadFailed(_)
    ));
    assert!(reports.iter().all(|r| r.plugin != "counter"));
    assert!(!host.plugins().contains(&"counter".to_string()));
    let reports = host.tick().unwrap();
    assert!(!report(&reports, "greeter").loaded);
    assert!(
        reports.iter().all(|r| r.plugin != "broken"),
        "a load failure is reported once"
    );
}
