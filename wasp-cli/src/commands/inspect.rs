//! `wasp inspect FILE`: list a module's imports and exports with their types; for a saved
//! call, see [`super::inspect_snapshot`].

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use wasp_core::Module;

use super::inspect_snapshot::{inspect_snapshot, is_snapshot};
use super::{print_lines, read_file};
use crate::error::CliError;

/// Prints one line per import (`import "env" "f": (func ...)`) and then one
/// line per export (`export "memory": (memory 1)`), in module order; a saved call is
/// described instead (`modules` are then its modules).
pub fn inspect(file: &Path, modules: &[PathBuf]) -> Result<(), CliError> {
    let bytes = read_file(file)?;
    if is_snapshot(&bytes) {
        return inspect_snapshot(file, &bytes, modules);
    }
    let module = Module::new(&super::engine(), &bytes).map_err(|error| CliError::Invalid {
        path: file.to_owned(),
        error,
    })?;
    let imports = module.imports().map(|import| {
        format!(
            "import {} {}: {}",
            quote(import.module()),
            quote(import.name()),
            import.ty()
        )
    });
    let exports = module
        .exports()
        .map(|export| format!("export {}: {}", quote(export.name()), export.ty()));
    print_lines(imports.chain(exports))
}

/// Quotes `name` as a Wasm text-format string: `"` and `\` are escaped, and
/// control characters are written as `\hh` byte escapes.
fn quote(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 2);
    out.push('"');
    for c in name.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let mut buf = [0; 4];
                for byte in c.encode_utf8(&mut buf).bytes() {
                    let _ = write!(out, "\\{byte:02x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::quote;

    /// Plain names are quoted as-is; special characters are escaped.
    #[test]
    fn quoting() {
        assert_eq!(quote("env"), "\"env\"");
        assert_eq!(quote("a\"b\\c\n"), "\"a\\\"b\\\\c\\0a\"");
    }
}
