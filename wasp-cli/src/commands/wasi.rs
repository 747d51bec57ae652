//! `wasp run` for modules that import WASI preview 1, as `wasmtime run` runs them: `_start`
//! with the arguments as argv, or `_initialize` then `--invoke`; the program's exit code
//! becomes wasp's.

use std::path::Path;

use wasp_core::{Continuation, Engine, Instance, Linker, Module, Store, Val};
use wasp_wasi::{WasiCtx, WasiCtxBuilder, WasiOutcome};

use super::gas::{self, MeteredCall};
use super::{print_lines, Outcome};
use crate::args::{format_val, parse_val};
use crate::cli::{ResumeArgs, RunArgs};
use crate::error::CliError;
use crate::snapshot_file::SnapshotFile;

/// Adds the `--dir HOST[::GUEST]` preopens.
fn with_dirs(mut builder: WasiCtxBuilder, dirs: &[String]) -> WasiCtxBuilder {
    for dir in dirs {
        let (host, guest) = dir.split_once("::").unwrap_or((dir, dir));
        // Absolute, so that a saved program can be resumed from another directory.
        let host = std::fs::canonicalize(host).unwrap_or_else(|_| host.into());
        builder = builder.preopened_dir(host, guest);
    }
    builder
}

/// The context the options describe: argv, `--env`, `--dir`, wasp's own stdio.
fn context(args: &RunArgs, argv: &[String]) -> Result<WasiCtx, CliError> {
    let argv0 = args
        .argv0
        .clone()
        .unwrap_or_else(|| args.file.display().to_string());
    let mut builder = WasiCtxBuilder::new()
        .arg(argv0)
        .args(argv.iter().cloned())
        .inherit_stdio();
    for env in &args.envs {
        builder = match env.split_once('=') {
            Some((k, v)) => builder.env(k, v),
            None => match std::env::var(env) {
                Ok(v) => builder.env(env, v),
                Err(_) => builder,
            },
        };
    }
    with_dirs(builder, &args.dirs)
        .build()
        .map_err(|e| CliError::Wasi(e.to_string()))
}

/// Runs a WASI module.
pub fn run(args: &RunArgs, engine: &Engine, module: &Module) -> Result<Outcome, CliError> {
    let argv: &[String] = if args.invoke.is_some() {
        &[]
    } else {
        &args.args
    };
    let module_path = match &args.save {
        Some(_) => gas::absolute(&args.file)?,
        None => args.file.clone(),
    };
    let mut store = Store::new(engine, context(args, argv)?);
    let instantiate = |error| CliError::Instantiate {
        path: args.file.clone(),
        error,
    };
    if let Some(budget) = args.gas {
        store.set_gas(budget).map_err(instantiate)?;
    }
    let instance = instantiate_wasi(&mut store, module).map_err(instantiate)?;
    store.set_tracer(super::trace::tracer(args));
    let mut call = MeteredCall {
        function: "_start".into(),
        module_path,
        module_hash: module.content_hash(),
    };
    let save = args.save.as_deref();
    let Some(name) = &args.invoke else {
        let outcome = wasp_wasi::run(&mut store, &instance).map_err(|error| CliError::Call {
            name: "_start".into(),
            error,
        })?;
        return finish(&mut store, &call, outcome, save);
    };
    if let Some(init) = instance.get_func(&store, "_initialize") {
        call.function = "_initialize".into();
        let outcome = init.call_resumable(&mut store, &[]);
        let outcome = wasp_wasi::outcome(&mut store, outcome).map_err(|error| CliError::Call {
            name: "_initialize".into(),
            error,
        })?;
        if !matches!(outcome, WasiOutcome::Finished(_)) {
            return finish(&mut store, &call, outcome, save);
        }
    }
    call.function = name.clone();
    let (func, inputs) = typed_call(&store, &instance, name, &args.args)?;
    let outcome = func.call_resumable(&mut store, &inputs);
    let outcome = wasp_wasi::outcome(&mut store, outcome).map_err(|error| CliError::Call {
        name: name.clone(),
        error,
    })?;
    finish(&mut store, &call, outcome, save)
}

/// Defines WASI in a new linker and instantiates `module`.
fn instantiate_wasi(
    store: &mut Store<WasiCtx>,
    module: &Module,
) -> Result<Instance, wasp_core::Error> {
    let mut linker = Linker::new(store.engine());
    wasp_wasi::add_to_linker(&mut linker)?;
    linker.instantiate(store, module)
}

/// The export `name` and the parsed arguments of `--invoke`.
fn typed_call(
    store: &Store<WasiCtx>,
    instance: &Instance,
    name: &str,
    texts: &[String],
) -> Result<(wasp_core::Func, Vec<Val>), CliError> {
    let func = instance
        .get_func(store, name)
        .ok_or_else(|| CliError::MissingExport {
            name: name.to_owned(),
            available: Vec::new(),
        })?;
    let ty = func.ty(store);
    if ty.params().len() != texts.len() {
        return Err(CliError::ArgCount {
            name: name.to_owned(),
            ty: ty.to_string(),
            expected: ty.params().len(),
            found: texts.len(),
        });
    }
    let inputs = ty
        .params()
        .iter()
        .zip(texts)
        .enumerate()
        .map(|(index, (param, text))| {
            parse_val(*param, text).map_err(|expected| CliError::BadArg {
                name: name.to_owned(),
                ty: ty.to_string(),
                position: index + 1,
                expected,
                found: text.clone(),
            })
        })
        .collect::<Result<Vec<Val>, _>>()?;
    Ok((func, inputs))
}

/// Continues a WASI program saved by `wasp run --gas N --save FILE`: the context is restored
/// beneath the `--dir` preopens (by default the directories it had), the module instantiated
/// with WASI again, the store's state restored, and the call resumed with `--gas`.
pub fn resume(
    args: &ResumeArgs,
    engine: &Engine,
    module: &Module,
    core: &[u8],
    wasi: &[u8],
    call: &MeteredCall,
) -> Result<Outcome, CliError> {
    let wasi_error = |e: wasp_wasi::WasiError| CliError::Wasi(e.to_string());
    let mut builder = WasiCtxBuilder::new().inherit_stdio();
    if args.dirs.is_empty() {
        for p in WasiCtx::snapshot_preopens(wasi).map_err(wasi_error)? {
            builder = builder.preopened_dir(&p.host, &p.guest);
        }
    } else {
        builder = with_dirs(builder, &args.dirs);
    }
    let ctx = builder.restore(wasi).map_err(wasi_error)?;
    let call_error = |error| CliError::Call {
        name: call.function.clone(),
        error,
    };
    let mut store = Store::new(engine, ctx);
    // As for other programs, the start function runs again unmetered and is overwritten.
    store.set_gas(u64::MAX).map_err(call_error)?;
    instantiate_wasi(&mut store, module).map_err(|error| CliError::Instantiate {
        path: call.module_path.clone(),
        error,
    })?;
    let paused = store
        .restore(core)
        .map_err(|error| CliError::Restore {
            path: args.snapshot.clone(),
            error,
        })?
        .ok_or_else(|| CliError::NoPausedCall {
            path: args.snapshot.clone(),
        })?;
    store.set_gas(args.gas).map_err(call_error)?;
    let outcome = paused.resume(&mut store, &[]);
    let outcome = wasp_wasi::outcome(&mut store, outcome).map_err(call_error)?;
    finish(&mut store, call, outcome, args.save.as_deref())
}

/// Saves a paused program: the store, the paused call and the WASI context.
fn save_to(
    store: &Store<WasiCtx>,
    call: &MeteredCall,
    paused: &Continuation,
    path: &Path,
) -> Result<(), CliError> {
    let file = SnapshotFile {
        module_path: call.module_path.clone(),
        module_hash: call.module_hash,
        function: call.function.clone(),
        store: store.snapshot(Some(paused)),
        wasi: Some(
            store
                .data()
                .snapshot()
                .map_err(|e| CliError::Wasi(e.to_string()))?,
        ),
    };
    let bytes = file
        .encode()
        .map_err(|path| CliError::PathNotUtf8 { path })?;
    std::fs::write(path, bytes).map_err(|source| CliError::WriteSnapshot {
        path: path.to_owned(),
        source,
    })
}

/// Prints results or the pause (saving it with `save`), and gives the exit status.
fn finish(
    store: &mut Store<WasiCtx>,
    call: &MeteredCall,
    outcome: WasiOutcome,
    save: Option<&Path>,
) -> Result<Outcome, CliError> {
    match outcome {
        WasiOutcome::Finished(results) => {
            print_lines(results.iter().map(format_val))?;
            Ok(Outcome::Done)
        }
        WasiOutcome::Exited(code) => Ok(Outcome::Exited(code)),
        WasiOutcome::OutOfGas(paused) => {
            let left = store.gas_left().unwrap_or(0);
            let next = paused.gas_needed().unwrap_or(0).saturating_add(left);
            let saved = match save {
                Some(path) => {
                    save_to(store, call, &paused, path)?;
                    format!(
                        "saved to `{0}`: continue with `wasp resume {0} --gas N`",
                        path.display()
                    )
                }
                None => "not saved (pass --save FILE to be able to resume it)".to_owned(),
            };
            eprintln!(
                "paused: `{}` ran out of gas after using {} gas; its next step needs {next} gas; {saved}",
                call.function,
                paused.gas_used()
            );
            Ok(Outcome::Paused)
        }
        // The command line sets no interrupt handle or deadline: an interruption cannot occur.
        WasiOutcome::WaitingForInput(_) | WasiOutcome::Yielded(_) | WasiOutcome::Interrupted(_) => {
            Err(CliError::Yielded {
                name: call.function.clone(),
            })
        }
    }
}
