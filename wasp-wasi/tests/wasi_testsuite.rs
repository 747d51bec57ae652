//! The official WASI test suite's preview-1 programs (`../shared/wasi-testsuite` beside the
//! repository, or `$WASI_TESTSUITE`): each runs with the args, env and preopened fixture
//! folder (copied to a temporary folder first) its `.json` spec gives, and must end with
//! the expected exit code and output. Prints one line per test and `N passed, N failed`.

use std::path::{Path, PathBuf};

use serde_json::Value;
use wasp_core::{Engine, Linker, Module, Store};
use wasp_wasi::{Pipe, Stdio, WasiCtx, WasiOutcome};

fn suite_dir() -> PathBuf {
    match std::env::var_os("WASI_TESTSUITE") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/wasi-testsuite"),
    }
}

/// Copies `from` into `to`, files made writable (the fixtures are read-only).
fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        let ty = entry.file_type()?;
        if ty.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else if ty.is_symlink() {
            std::os::unix::fs::symlink(std::fs::read_link(entry.path())?, &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
            let mut perm = std::fs::metadata(&target)?.permissions();
            #[allow(clippy::permissions_set_readonly_false)]
            perm.set_readonly(false);
            std::fs::set_permissions(&target, perm)?;
        }
    }
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(to, std::fs::Permissions::from_mode(0o755))
}

/// Runs one test; `Err` says how it failed.
fn run_test(engine: &Engine, wasm: &Path) -> Result<(), String> {
    let spec: Value = match std::fs::read_to_string(wasm.with_extension("json")) {
        Ok(text) => serde_json::from_str(&text).map_err(|e| format!("bad spec: {e}"))?,
        Err(_) => Value::Object(Default::default()),
    };
    let name = wasm
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let mut builder = WasiCtx::builder().arg(name);
    for a in spec["args"].as_array().into_iter().flatten() {
        builder = builder.arg(a.as_str().unwrap_or_default());
    }
    for (k, v) in spec["env"].as_object().into_iter().flatten() {
        builder = builder.env(k, v.as_str().unwrap_or_default());
    }
    let temp = tempfile::tempdir().map_err(|e| e.to_string())?;
    if let Some(root) = spec["root"].as_str() {
        let copy = temp.path().join(root);
        copy_dir(&wasm.with_file_name(root), &copy)
            .map_err(|e| format!("copying the fixture: {e}"))?;
        builder = builder.preopened_dir(&copy, "/");
    }
    let (out, err) = (Pipe::new(), Pipe::new());
    let wasi = builder
        .stdout(Stdio::Pipe(out.clone()))
        .stderr(Stdio::Pipe(err.clone()))
        .build()
        .map_err(|e| e.to_string())?;
    let bytes = std::fs::read(wasm).map_err(|e| e.to_string())?;
    let module = Module::new(engine, &bytes).map_err(|e| e.to_string())?;
    let mut linker = Linker::new(engine);
    wasp_wasi::add_to_linker(&mut linker).map_err(|e| e.to_string())?;
    let mut store = Store::new(engine, wasi);
    let instance = linker
        .instantiate(&mut store, &module)
        .map_err(|e| e.to_string())?;
    let code = match wasp_wasi::run(&mut store, &instance) {
        Ok(WasiOutcome::Exited(code)) => code,
        Ok(WasiOutcome::Finished(_)) => 0,
        Ok(other) => return Err(format!("expected the program to end, found {other:?}")),
        Err(e) => return Err(format!("trapped: {e}; stderr: {}", err.take_string())),
    };
    let expected = spec["exit_code"].as_i64().unwrap_or(0);
    if i64::from(code) != expected {
        return Err(format!(
            "expected exit code {expected}, found {code}; stderr: {}",
            err.take_string()
        ));
    }
    if let Some(want) = spec["stdout"].as_str() {
        let got = out.take_string();
        if got != want {
            return Err(format!("expected stdout {want:?}, found {got:?}"));
        }
    }
    Ok(())
}

fn main() {
    let dir = suite_dir();
    if !dir.join("tests").is_dir() {
        println!("wasi-testsuite not found at {}: 0 tests run", dir.display());
        return;
    }
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let engine = Engine::default();
    let (mut passed, mut failed) = (0, 0);
    for lang in ["assemblyscript", "c", "rust"] {
        let folder = dir.join("tests").join(lang).join("testsuite/wasm32-wasip1");
        let mut wasms: Vec<PathBuf> = std::fs::read_dir(&folder)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "wasm"))
            .collect();
        wasms.sort();
        for wasm in wasms {
            let name = format!(
                "{lang}/{}",
                wasm.file_stem().unwrap_or_default().to_string_lossy()
            );
            if filter.as_ref().is_some_and(|f| !name.contains(f.as_str())) {
                continue;
            }
            match run_test(&engine, &wasm) {
                Ok(()) => {
                    passed += 1;
                    println!("ok     {name}");
                }
                Err(why) => {
                    failed += 1;
                    println!("FAILED {name}: {why}");
                }
            }
        }
    }
    // The libtest line first, which CI's total reads, then the plain closing line.
    let verdict = if failed == 0 { "ok" } else { "FAILED" };
    println!(
        "test result: {verdict}. {passed} passed; {failed} failed; 0 ignored; 0 measured; 0 filtered out"
    );
    println!("wasi-testsuite: {passed} passed, {failed} failed");
    if failed > 0 {
        std::process::exit(1);
    }
}
