//! The code `imports!` generates: an `Imports<T>` value, and with `check`, a constant
//! assertion per entry comparing the function's Wasm type with what the module imports.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use super::ast::{Entry, Input};
use super::module_file::ModuleFile;
use super::valid::Expected;

pub fn expand(input: &Input, module: Option<&ModuleFile>, expected: &[Expected]) -> TokenStream {
    // Hygienic: invisible to the user's code, and named plainly in type errors.
    let imports = syn::Ident::new("imports", Span::mixed_site());
    let mut pushes = Vec::new();
    let mut checks = Vec::new();
    let mut expected = expected.iter();
    for block in &input.modules {
        let module_name = &block.name;
        for entry in &block.entries {
            let name = &entry.name;
            let path = &entry.path;
            pushes.push(quote_spanned! {path.span()=>
                #imports.push(
                    #module_name,
                    #name,
                    <#path as ::wasp_core::HostFunction<_>>::host_func(),
                );
            });
            if let (Some(module), Some(exp)) = (module, expected.next()) {
                checks.push(check_entry(module, &module_name.value(), entry, exp));
            }
        }
    }
    let rebuild = module.map(|m| {
        let path = m.path.to_string_lossy().into_owned();
        quote!(
            const _: &[u8] = ::core::include_bytes!(#path);
        )
    });
    quote! {
        {
            #rebuild
            #(#checks)*
            let mut #imports = ::wasp_core::Imports::new();
            #(#pushes)*
            #imports
        }
    }
}

/// A constant that fails to evaluate, with the link error's wording, when the function's
/// type is not what the module imports under this name.
fn check_entry(
    module: &ModuleFile,
    module_name: &str,
    entry: &Entry,
    exp: &Expected,
) -> TokenStream {
    let name = entry.name.value();
    let path = &entry.path;
    let sig = quote!(<#path as ::wasp_core::HostSignature>);
    let prefix = format!("incompatible import type for \"{module_name}\" \"{name}\": expected ");
    let (expected_text, matches, suffix) = match exp {
        Expected::Func {
            params,
            results,
            text,
        } => {
            let params = params.iter().map(|t| t.tokens(Span::call_site()));
            let results = results.iter().map(|t| t.tokens(Span::call_site()));
            let matches = quote! {
                ::wasp_core::__private::same_types(#sig::PARAMS, &[#(#params),*])
                    && ::wasp_core::__private::same_types(#sig::RESULTS, &[#(#results),*])
            };
            (text.clone(), matches, String::new())
        }
        Expected::Other(text) => (text.clone(), quote!(false), String::new()),
        Expected::NotImported { suggestion } => (
            "nothing (the module does not import it)".to_string(),
            quote!(false),
            match suggestion {
                Some(s) => format!(
                    " (`{}` imports \"{module_name}\" \"{s}\": a typo?)",
                    module.written
                ),
                None => format!(" (see the imports of `{}`)", module.written),
            },
        ),
    };
    let head = format!("{prefix}{expected_text}, found ");
    // The failing expression starts at the entry's name and ends at its path, so the
    // compiler underlines the whole entry.
    let start = entry.name.span();
    let end = path.segments.last().map_or(start, |s| s.ident.span());
    let message = quote_spanned!(end=> MESSAGE.as_str());
    let panic = quote_spanned!(start=> ::core::panic!("{}", #message));
    quote! {
        const _: () = {
            const MESSAGE: &::wasp_core::__private::ConstText =
                &::wasp_core::__private::ConstText::concat(&[#head, #sig::WASM_TYPE, #suffix]);
            if !(#sig::__REJECTED || #matches) {
                #panic
            }
        };
    }
}
