//! `wasp validate FILE`: decode and validate a module without running it.

use std::path::Path;

use wasp_core::Module;

use super::{print_lines, read_file};
use crate::error::CliError;

/// Validates the module (binary or text) in `file` and prints `FILE: valid`
/// if it is.
pub fn validate(file: &Path) -> Result<(), CliError> {
    let bytes = read_file(file)?;
    Module::validate(&super::engine(), &bytes).map_err(|error| CliError::Invalid {
        path: file.to_owned(),
        error,
    })?;
    print_lines([format!("{}: valid", file.display())])
}
