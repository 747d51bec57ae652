//! What the user wrote in `imports! { check = "..", "module" => { "name" => path, .. }, .. }`.

use syn::parse::{Parse, ParseStream};
use syn::{braced, Ident, LitStr, Path, Token};

pub struct Input {
    /// `check = "path"`: the module to check against.
    pub check: Option<LitStr>,
    pub modules: Vec<ModuleBlock>,
}

/// `"module" => { .. }`.
pub struct ModuleBlock {
    pub name: LitStr,
    pub entries: Vec<Entry>,
}

/// `"name" => path::to::host_fn`.
pub struct Entry {
    pub name: LitStr,
    pub path: Path,
}

impl Parse for Input {
    fn parse(input: ParseStream<'_>) -> syn::Result<Input> {
        let mut check = None;
        if input.peek(Ident) {
            let ident: Ident = input.parse()?;
            if ident != "check" {
                return Err(syn::Error::new(
                    ident.span(),
                    format!(
                        "unknown option `{ident}`: expected `check = \"module.wat\"` or a module \
                         name as a string"
                    ),
                ));
            }
            input.parse::<Token![=]>()?;
            check = Some(input.parse()?);
            if !input.is_empty() {
                input.parse::<Token![,]>()?;
            }
        }
        let mut modules = Vec::new();
        while !input.is_empty() {
            if input.peek(Ident) {
                let ident: Ident = input.parse()?;
                return Err(syn::Error::new(
                    ident.span(),
                    "expected a module name as a string; `check = \"..\"` must come first",
                ));
            }
            let name: LitStr = input.parse().map_err(|e| {
                syn::Error::new(
                    e.span(),
                    "expected a module name as a string: `\"env\" => { \"name\" => host_fn }`",
                )
            })?;
            input.parse::<Token![=>]>()?;
            let content;
            braced!(content in input);
            let mut entries = Vec::new();
            while !content.is_empty() {
                entries.push(content.parse()?);
                if content.is_empty() {
                    break;
                }
                content.parse::<Token![,]>()?;
            }
            modules.push(ModuleBlock { name, entries });
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }
        Ok(Input { check, modules })
    }
}

impl Parse for Entry {
    fn parse(input: ParseStream<'_>) -> syn::Result<Entry> {
        let name: LitStr = input.parse().map_err(|e| {
            syn::Error::new(
                e.span(),
                "expected an import name as a string: `\"name\" => host_fn`",
            )
        })?;
        input.parse::<Token![=>]>()?;
        let path: Path = input.parse().map_err(|e| {
            syn::Error::new(
                e.span(),
                "expected the path of a `#[host]` function, e.g. `draw_board` or \
                 `crate::game::draw_board`",
            )
        })?;
        Ok(Entry { name, path })
    }
}
