//! The options of `#[host(..)]` and the `#[wasm(..)]` attribute of `Val` parameters.

use proc_macro2::{Span, TokenStream};
use syn::parse::Parser;
use syn::punctuated::Punctuated;
use syn::{Attribute, Ident, LitStr, Token};

use crate::wasm_type::WasmType;

/// `#[host(name = "..", results(..))]`.
#[derive(Default)]
pub struct Options {
    /// `name = ".."`: the import name.
    pub name: Option<LitStr>,
    /// `results(..)`: the Wasm types of the results, needed when one is a `Val`.
    pub results: Option<Results>,
}

/// `results(i32, f64)`.
pub struct Results {
    /// The `results` keyword, where errors about the list point.
    pub span: Span,
    pub types: Vec<(WasmType, Span)>,
}

pub fn parse_options(tokens: TokenStream) -> syn::Result<Options> {
    let mut options = Options::default();
    let parser = syn::meta::parser(|meta| {
        if meta.path.is_ident("name") {
            if options.name.is_some() {
                return Err(meta.error("`name` is given twice"));
            }
            options.name = Some(meta.value()?.parse()?);
            Ok(())
        } else if meta.path.is_ident("results") {
            if options.results.is_some() {
                return Err(meta.error("`results` is given twice"));
            }
            let content;
            syn::parenthesized!(content in meta.input);
            let idents = Punctuated::<Ident, Token![,]>::parse_terminated(&content)?;
            let types = idents
                .iter()
                .map(|i| Ok((WasmType::from_ident(i)?, i.span())))
                .collect::<syn::Result<_>>()?;
            options.results = Some(Results {
                span: meta.path.segments[0].ident.span(),
                types,
            });
            Ok(())
        } else {
            let path = meta.path.get_ident().map(Ident::to_string);
            Err(meta.error(format!(
                "unknown `#[host]` option `{}`: expected `name = \"wasm_name\"` or `results(..)`",
                path.unwrap_or_else(|| "..".to_string())
            )))
        }
    });
    parser.parse2(tokens)?;
    Ok(options)
}

/// Whether `attr` is `#[wasm(..)]`.
pub fn is_wasm_attr(attr: &Attribute) -> bool {
    attr.path().is_ident("wasm")
}

/// The type of `#[wasm(f64)]`.
pub fn parse_wasm_attr(attr: &Attribute) -> syn::Result<WasmType> {
    let ident: Ident = attr.parse_args().map_err(|e| {
        syn::Error::new(
            e.span(),
            format!(
                "expected `#[wasm(type)]` with one of {}",
                crate::wasm_type::ACCEPTED
            ),
        )
    })?;
    WasmType::from_ident(&ident)
}
