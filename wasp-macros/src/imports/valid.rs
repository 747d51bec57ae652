//! The rules of `imports!`: no name twice, and, with `check`, every import of the module
//! provided. Also works out what the module expects of each entry; whether a Rust function
//! has that type is only known to the compiler, so `expand` emits constant assertions.

use std::collections::HashMap;

use super::ast::{Entry, Input};
use super::module_file::{ImportType, ModuleFile};
use crate::wasm_type::WasmType;

/// What the checked module expects of one entry.
pub enum Expected {
    Func {
        params: Vec<WasmType>,
        results: Vec<WasmType>,
        text: String,
    },
    /// A memory, table, global or tag: never a function.
    Other(String),
    /// The module does not import this name; maybe it meant `suggestion`.
    NotImported { suggestion: Option<String> },
}

/// Checks the rules; returns the errors, if any, and what the module expects of every
/// entry, in order (empty without `check`).
pub fn check(input: &Input, module: Option<&ModuleFile>) -> (Option<syn::Error>, Vec<Expected>) {
    let mut errors: Option<syn::Error> = None;
    let mut push = |e: syn::Error| match &mut errors {
        Some(all) => all.combine(e),
        None => errors = Some(e),
    };

    let mut seen: HashMap<(String, String), ()> = HashMap::new();
    for block in &input.modules {
        for entry in &block.entries {
            let key = (block.name.value(), entry.name.value());
            if seen.insert(key.clone(), ()).is_some() {
                push(syn::Error::new(
                    entry.name.span(),
                    format!(
                        "duplicate import: \"{}\" \"{}\" is already provided above; each import \
                         has one definition",
                        key.0, key.1
                    ),
                ));
            }
        }
    }

    let Some(module) = module else {
        return (errors, Vec::new());
    };
    let mut expected = Vec::new();
    for block in &input.modules {
        for entry in &block.entries {
            expected.push(expect(module, &block.name.value(), entry));
        }
    }
    for import in &module.imports {
        // Memories, tables, globals and tags belong to a store, not to a group of host
        // functions: the embedder defines them on the `Linker`, so only functions are owed here.
        let is_func = matches!(import.ty, ImportType::Func { .. });
        if !is_func || seen.contains_key(&(import.module.clone(), import.name.clone())) {
            continue;
        }
        let block = input
            .modules
            .iter()
            .find(|b| b.name.value() == import.module);
        let (span, hint) = match (block, &input.check) {
            (Some(b), _) => (
                b.name.span(),
                format!("add `\"{}\" => ..` to this block", import.name),
            ),
            (None, Some(check)) => (
                check.span(),
                format!(
                    "add `\"{}\" => {{ \"{}\" => .. }}`",
                    import.module, import.name
                ),
            ),
            (None, None) => continue,
        };
        push(syn::Error::new(
            span,
            format!(
                "unknown import: \"{}\" \"{}\" is not defined (the module expects {}); {hint}",
                import.module,
                import.name,
                import.ty.text()
            ),
        ));
    }
    (errors, expected)
}

fn expect(module: &ModuleFile, module_name: &str, entry: &Entry) -> Expected {
    let name = entry.name.value();
    let found = module
        .imports
        .iter()
        .find(|i| i.module == module_name && i.name == name);
    match found.map(|i| &i.ty) {
        Some(ImportType::Func { params, results }) => Expected::Func {
            params: params.clone(),
            results: results.clone(),
            text: crate::wasm_type::func_type_text(params, results),
        },
        Some(other) => Expected::Other(other.text()),
        None => Expected::NotImported {
            suggestion: module
                .imports
                .iter()
                .filter(|i| i.module == module_name)
                .map(|i| (distance(&i.name, &name), &i.name))
                .filter(|(d, n)| *d <= 2.max(n.len() / 4))
                .min()
                .map(|(_, n)| n.clone()),
        },
    }
}

/// Levenshtein distance, for "did you mean".
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}
