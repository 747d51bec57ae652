//! `wasp run [--invoke NAME] FILE [ARGS...]`: instantiate a module with no
//! imports and call one of its exported functions.

use wasp_core::{Engine, ExternType, Linker, Store, Val};

use super::{load_module, print_lines};
use crate::args::{format_val, parse_val};
use crate::cli::RunArgs;
use crate::error::CliError;

/// Instantiates `args.file` with an empty linker, calls `args.invoke` with
/// the parsed arguments and prints each result on its own line.
pub fn run(args: &RunArgs) -> Result<(), CliError> {
    let engine = Engine::default();
    let module = load_module(&engine, &args.file)?;
    let name = args.invoke.as_str();

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

    let mut store = Store::new(&engine, ());
    let linker = Linker::<()>::new(&engine);
    let instance =
        linker
            .instantiate(&mut store, &module)
            .map_err(|error| CliError::Instantiate {
                path: args.file.clone(),
                error,
            })?;
    let func = instance
        .get_func(&store, name)
        .ok_or_else(|| CliError::MissingExport {
            name: name.to_owned(),
            available: exported_funcs(),
        })?;

    let mut outputs: Vec<Val> = ty
        .results()
        .iter()
        .map(|ty| Val::default_for(*ty))
        .collect();
    func.call(&mut store, &inputs, &mut outputs)
        .map_err(|error| CliError::Call {
            name: name.to_owned(),
            error,
        })?;
    print_lines(outputs.iter().map(format_val))
}
