//! `wasp run` for modules that import WASI preview 1, as `wasmtime run` runs them: `_start`
//! with the arguments as argv, or `_initialize` then `--invoke`; the program's exit code
//! becomes wasp's.

use wasp_core::{Engine, Linker, Module, Store, Val};
use wasp_wasi::{WasiCtx, WasiCtxBuilder, WasiOutcome};

use super::{print_lines, Outcome};
use crate::args::{format_val, parse_val};
use crate::cli::RunArgs;
use crate::error::CliError;

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
    for dir in &args.dirs {
        let (host, guest) = dir.split_once("::").unwrap_or((dir, dir));
        builder = builder.preopened_dir(host, guest);
    }
    builder.build().map_err(|e| CliError::Wasi(e.to_string()))
}

/// Runs a WASI module.
pub fn run(args: &RunArgs, engine: &Engine, module: &Module) -> Result<Outcome, CliError> {
    if args.save.is_some() {
        return Err(CliError::Wasi(
            "`--save` is not available for WASI programs yet: run without it".into(),
        ));
    }
    let argv: &[String] = if args.invoke.is_some() {
        &[]
    } else {
        &args.args
    };
    let mut store = Store::new(engine, context(args, argv)?);
    let instantiate = |error| CliError::Instantiate {
        path: args.file.clone(),
        error,
    };
    if let Some(budget) = args.gas {
        store.set_gas(budget).map_err(instantiate)?;
    }
    let mut linker = Linker::new(engine);
    wasp_wasi::add_to_linker(&mut linker).map_err(instantiate)?;
    let instance = linker
        .instantiate(&mut store, module)
        .map_err(instantiate)?;
    let Some(name) = &args.invoke else {
        let outcome = wasp_wasi::run(&mut store, &instance).map_err(|error| CliError::Call {
            name: "_start".into(),
            error,
        })?;
        return finish(&store, "_start", outcome);
    };
    if let Some(init) = instance.get_func(&store, "_initialize") {
        let outcome = init.call_resumable(&mut store, &[]);
        let outcome = wasp_wasi::outcome(&mut store, outcome).map_err(|error| CliError::Call {
            name: "_initialize".into(),
            error,
        })?;
        if !matches!(outcome, WasiOutcome::Finished(_)) {
            return finish(&store, "_initialize", outcome);
        }
    }
    let func = instance
        .get_func(&store, name)
        .ok_or_else(|| CliError::MissingExport {
            name: name.clone(),
            available: Vec::new(),
        })?;
    let ty = func.ty(&store);
    if ty.params().len() != args.args.len() {
        return Err(CliError::ArgCount {
            name: name.clone(),
            ty: ty.to_string(),
            expected: ty.params().len(),
            found: args.args.len(),
        });
    }
    let inputs = ty
        .params()
        .iter()
        .zip(&args.args)
        .enumerate()
        .map(|(index, (param, text))| {
            parse_val(*param, text).map_err(|expected| CliError::BadArg {
                name: name.clone(),
                ty: ty.to_string(),
                position: index + 1,
                expected,
                found: text.clone(),
            })
        })
        .collect::<Result<Vec<Val>, _>>()?;
    let outcome = func.call_resumable(&mut store, &inputs);
    let outcome = wasp_wasi::outcome(&mut store, outcome).map_err(|error| CliError::Call {
        name: name.clone(),
        error,
    })?;
    finish(&store, name, outcome)
}

/// Prints results or the pause, and gives the exit status.
fn finish(store: &Store<WasiCtx>, name: &str, outcome: WasiOutcome) -> Result<Outcome, CliError> {
    match outcome {
        WasiOutcome::Finished(results) => {
            print_lines(results.iter().map(format_val))?;
            if let Ok(left) = store.gas_left() {
                eprintln!("gas left: {left}");
            }
            Ok(Outcome::Done)
        }
        WasiOutcome::Exited(code) => Ok(Outcome::Exited(code)),
        WasiOutcome::OutOfGas(paused) => {
            eprintln!(
                "paused: `{name}` ran out of gas after using {}; saving a paused WASI program is not available yet",
                paused.gas_used()
            );
            Ok(Outcome::Paused)
        }
        WasiOutcome::WaitingForInput(_) | WasiOutcome::Yielded(_) => Err(CliError::Yielded {
            name: name.to_owned(),
        }),
    }
}
