//! What `#[host]` emits when the function is rejected: the function as written and a
//! stand-in companion with the same items as the real one, so that uses of the companion
//! (`imports!`, `name::WASM_TYPE`, `name::host_func()`) resolve and the rejection is the
//! only error reported. The stand-in never runs: the crate does not compile.

use proc_macro2::TokenStream;
use quote::quote;
use syn::ext::IdentExt;
use syn::ItemFn;

/// The stand-in for `func`; nothing for a method (`self` receiver), which sits in an `impl`
/// where a companion type cannot go.
pub fn companion(func: &ItemFn) -> TokenStream {
    if func.sig.receiver().is_some() {
        return TokenStream::new();
    }
    let name = &func.sig.ident;
    let vis = &func.vis;
    let wasm_name = name.unraw().to_string();
    let cfgs: Vec<_> = func
        .attrs
        .iter()
        .filter(|a| a.path().is_ident("cfg"))
        .collect();
    quote! {
        #(#cfgs)*
        #[allow(non_camel_case_types, dead_code)]
        #vis struct #name {}

        #(#cfgs)*
        impl ::wasp_core::HostSignature for #name {
            const NAME: &'static str = #wasm_name;
            const PARAMS: &'static [::wasp_core::ValType] = &[];
            const RESULTS: &'static [::wasp_core::ValType] = &[];
            const WASM_TYPE: &'static str = "";
            const __REJECTED: bool = true;
        }

        #(#cfgs)*
        impl<__T> ::wasp_core::HostFunction<__T> for #name {
            fn host_func() -> ::wasp_core::HostFunc<__T> {
                ::core::unreachable!("`#[host]` rejected this function")
            }
        }

        #(#cfgs)*
        #[allow(dead_code)]
        impl #name {
            #vis const NAME: &'static str = #wasm_name;
            #vis const WASM_TYPE: &'static str = "";

            #vis fn ty() -> ::wasp_core::FuncType {
                <Self as ::wasp_core::HostSignature>::ty()
            }

            #vis fn host_func<__T>() -> ::wasp_core::HostFunc<__T> {
                <Self as ::wasp_core::HostFunction<__T>>::host_func()
            }
        }
    }
}
