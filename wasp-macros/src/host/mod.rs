//! `#[host]`: parse (`ast`, `attr`), check (`valid`), generate (`expand`), or on a rejected
//! function, a stand-in companion (`fallback`).

mod ast;
mod attr;
mod expand;
mod fallback;
mod valid;

use proc_macro2::TokenStream;
use quote::quote;
use syn::ItemFn;

pub fn expand(attr: TokenStream, item: TokenStream) -> TokenStream {
    let func: ItemFn = match syn::parse2(item.clone()) {
        Ok(f) => f,
        Err(_) => {
            let e = syn::Error::new_spanned(
                &item,
                "`#[host]` applies to functions: put it on the `fn` that Wasm should call",
            );
            let e = e.to_compile_error();
            return quote!(#e #item);
        }
    };
    let options = match attr::parse_options(attr) {
        Ok(o) => o,
        Err(e) => return with_item(e, &func),
    };
    let host_fn = match ast::parse(options, func.clone()) {
        Ok(f) => f,
        Err(e) => return with_item(e, &func),
    };
    match valid::check(&host_fn) {
        Ok(()) => expand::expand(&host_fn),
        Err(e) => with_item(e, &host_fn.item),
    }
}

/// The errors, the function without its `#[wasm]` attributes and a stand-in companion, so
/// that uses of both still resolve and no other error follows from these.
fn with_item(e: syn::Error, func: &ItemFn) -> TokenStream {
    let mut func = func.clone();
    for input in &mut func.sig.inputs {
        if let syn::FnArg::Typed(pat) = input {
            pat.attrs.retain(|a| !attr::is_wasm_attr(a));
        }
    }
    let e = e.to_compile_error();
    let companion = fallback::companion(&func);
    quote!(#e #func #companion)
}
