//! `wasp run [--gas N [--save FILE]] [--invoke NAME] FILE [ARGS...]`:
//! instantiate a module with no imports and call one of its exported
//! functions, metered and pausable with `--gas`.

use wasp_core::{ExternType, Linker, Store, Val};

use super::gas::{self, MeteredCall};
use super::{load_module, print_lines, Outcome};
use crate::args::{format_val, parse_val};
use crate::cli::RunArgs;
use crate::error::CliError;

/// Instantiates `args.file` with an empty linker, calls `args.invoke` with
/// the parsed arguments and prints each result on its own line.
///
/// With `--gas N`, the store gets N gas (the start function pays from it
/// too) and the call is resumable: see [`gas::report`] for what is printed
/// and saved when it finishes or pauses.
pub fn run(args: &RunArgs) -> Result<Outcome, CliError> {
    let engine = match args.gas {
        Some(_) => gas::metered_engine(),
        None => super::engine(),
    };
    let module = load_module(&engine, &args.file)?;
    if wasp_wasi::imports_wasi(&module) {
        return super::wasi::run(args, &engine, &module);
    }
    let name = args.invoke.as_deref().unwrap_or("_start");

    // Check the export and the arguments before instantiating, so that a
    // typo does not run the start function first.
    let exported_funcs = || -> Vec<String> {
        module
            .exports()
            .filter(|export| matches!(export.ty(), ExternType::Func(_)))
            .map(|export| export.name().to_owned())
            .collect()
    };
    let ty = match module.get_export(name) {
        Some(ExternType::Func(ty)) => ty.clone(),
        Some(other) => {
            return Err(CliError::NotAFunction {
                name: name.to_owned(),
                found: other.to_string(),
                available: exported_funcs(),
            })
        }
        None => {
            return Err(CliError::MissingExport {
                name: name.to_owned(),
                available: exported_funcs(),
            })
        }
    };

    let params = ty.params();
    if params.len() != args.args.len() {
        return Err(CliError::ArgCount {
            name: name.to_owned(),
            ty: ty.to_string(),
            expected: params.len(),
            found: args.args.len(),
        });
    }
    let inputs = params
        .iter()
        .zip(&args.args)
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

    // Resolve the path to record before running, so that a problem with it
    // does not lose the work of a long run.
    let module_path = match &args.save {
        Some(_) => gas::absolute(&args.file)?,
        None => args.file.clone(),
    };

    let mut store = Store::new(&engine, ());
    if let Some(budget) = args.gas {
        store
            .set_gas(budget)
            .map_err(|error| CliError::Instantiate {
                path: args.file.clone(),
                error,
            })?;
    }
    let linker = Linker::<()>::new(&engine);
    let instance =
        linker
            .instantiate(&mut store, &module)
            .map_err(|error| CliError::Instantiate {
                path: args.file.clone(),
                error,
            })?;
    store.set_tracer(super::trace::tracer(args));
    let func = instance
        .get_func(&store, name)
        .ok_or_else(|| CliError::MissingExport {
            name: name.to_owned(),
            available: exported_funcs(),
        })?;

    let call_error = |error| CliError::Call {
        name: name.to_owned(),
        error,
    };
    if args.gas.is_some() {
        let outcome = func
            .call_resumable(&mut store, &inputs)
            .map_err(call_error)?;
        let call = MeteredCall {
            function: name.to_owned(),
            module_path,
            module_hash: module.content_hash(),
        };
        return gas::report(&store, &call, outcome, args.save.as_deref());
    }

    let mut outputs: Vec<Val> = ty
        .results()
        .iter()
        .map(|ty| Val::default_for(*ty))
        .collect();
    func.call(&mut store, &inputs, &mut outputs)
        .map_err(call_error)?;
    print_lines(outputs.iter().map(format_val))?;
    Ok(Outcome::Done)
}
