//! `wasp validate FILE`: decode and validate a module without running it.

use std::path::Path;

use wasp_core::Engine;

use super::{load_module, print_lines};
use crate::error::CliError;

/// Validates the module in `file` and prints `FILE: valid` if it is.
pub fn validate(file: &Path) -> Result<(), CliError> {
    load_module(&Engine::default(), file)?;
    print_lines([format!("{}: valid", file.display())])
}
