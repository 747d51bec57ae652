//! The code `#[host]` generates: the function as written, and a companion type of the same
//! name implementing `HostSignature` and `HostFunction<T>`. Types are checked by trait
//! bounds spanned at the user's types, so the compiler's errors land there.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::Type;

use super::ast::{is_val, HostFn};
use super::attr::Results;

pub fn expand(f: &HostFn) -> TokenStream {
    let item = &f.item;
    let name = &item.sig.ident;
    let vis = &item.vis;
    let cfgs: Vec<_> = item
        .attrs
        .iter()
        .filter(|a| a.path().is_ident("cfg"))
        .collect();
    let wasm_name = f
        .options
        .name
        .as_ref()
        .map_or_else(|| name.unraw().to_string(), |n| n.value());

    // The context's data type, or a parameter `__T` for functions without a context.
    let ctx_data = f
        .params
        .first()
        .and_then(|p| p.ctx.as_ref())
        .and_then(|c| c.data.as_ref());
    // A function generic over the store's data (validated: its one type parameter is the
    // context's data type) is a host function for every data type meeting its bounds.
    let sig_generics = &item.sig.generics;
    let (generics, data, where_clause) = match ctx_data {
        Some(_) if !sig_generics.params.is_empty() => {
            let (impl_generics, _, where_clause) = sig_generics.split_for_impl();
            let data = f.context_param().map(|t| quote!(#t));
            (quote!(#impl_generics), quote!(#data), quote!(#where_clause))
        }
        Some(t) => (quote!(), quote!(#t), quote!()),
        None => (quote!(<__T>), quote!(__T), quote!()),
    };
    let ctx_pat = match ctx_data {
        Some(_) => quote!(__ctx),
        None => quote!(_),
    };
    let ctx_arg = ctx_data.map(|_| quote!(__ctx,));

    let mut param_types = Vec::new();
    let mut decode = Vec::new();
    let mut args = Vec::new();
    for (i, p) in f.params.iter().filter(|p| p.ctx.is_none()).enumerate() {
        let arg = format_ident!("__a{}", i);
        let ty = &p.ty;
        match p.wasm.first() {
            Some((wasm, attr)) => {
                let vt = wasm.tokens(attr.span());
                param_types.push(vt.clone());
                decode.push(quote!(let #arg = __slots.get_val(#i, #vt);));
            }
            None => {
                param_types.push(wasm_type_of(ty));
                decode.push(quote_spanned! {ty.span()=>
                    let #arg = <#ty as ::wasp_core::HostType>::from_wasm(__slots.get(#i))
                        .map_err(::wasp_core::__private::trap)?;
                });
            }
        }
        args.push(arg);
    }

    let results = match &f.options.results {
        None => implicit_results(name, &f.ret.ty),
        Some(list) => explicit_results(f, list),
    };
    let ResultCode {
        types: result_types,
        store,
        assertions,
    } = results;

    let struct_doc = format!(
        "The Wasm host function made by `#[host]` from [`{name}()`]: its import name, \
         its Wasm type and its host function."
    );
    let host_func_doc = match ctx_data {
        Some(_) => "The host function, for stores of the context's data type.",
        None => "The host function, for stores of any data type.",
    };

    quote! {
        #item

        #(#cfgs)*
        #[doc = #struct_doc]
        #[allow(non_camel_case_types, dead_code)]
        #vis struct #name {}

        #(#cfgs)*
        impl ::wasp_core::HostSignature for #name {
            const NAME: &'static str = #wasm_name;
            const PARAMS: &'static [::wasp_core::ValType] = &[#(#param_types),*];
            const RESULTS: &'static [::wasp_core::ValType] = #result_types;
            const WASM_TYPE: &'static str = {
                const TEXT: &::wasp_core::__private::ConstText =
                    &::wasp_core::__private::ConstText::func_type(
                        <#name as ::wasp_core::HostSignature>::PARAMS,
                        <#name as ::wasp_core::HostSignature>::RESULTS,
                    );
                TEXT.as_str()
            };
        }

        #(#cfgs)*
        impl #generics ::wasp_core::HostFunction<#data> for #name #where_clause {
            fn host_func() -> ::wasp_core::HostFunc<#data> {
                ::wasp_core::__private::host_func::<#data, _>(
                    <Self as ::wasp_core::HostSignature>::ty(),
                    |#ctx_pat: &mut ::wasp_core::Ctx<#data>,
                     __slots: &mut ::wasp_core::__private::Slots<'_>|
                     -> ::core::result::Result<(), ::wasp_core::Error> {
                        #(#decode)*
                        let __ret = #name(#ctx_arg #(#args),*);
                        #store
                    },
                )
            }
        }

        #(#cfgs)*
        #[allow(dead_code)]
        impl #name {
            /// The import name: the function's name, or `#[host(name = "..")]`.
            #vis const NAME: &'static str = <Self as ::wasp_core::HostSignature>::NAME;
            /// The Wasm type in Wasm's notation, e.g. `(func (param i32) (result i32))`.
            #vis const WASM_TYPE: &'static str =
                <Self as ::wasp_core::HostSignature>::WASM_TYPE;

            /// The Wasm type.
            #vis fn ty() -> ::wasp_core::FuncType {
                <Self as ::wasp_core::HostSignature>::ty()
            }

            #[doc = #host_func_doc]
            #vis fn host_func #generics () -> ::wasp_core::HostFunc<#data> #where_clause {
                <Self as ::wasp_core::HostFunction<#data>>::host_func()
            }
        }

        #(#cfgs)*
        #assertions
    }
}

struct ResultCode {
    /// The `RESULTS` constant.
    types: TokenStream,
    /// Writes `__ret` into the slots; the closure's tail expression.
    store: TokenStream,
    /// Constant assertions next to the companion.
    assertions: TokenStream,
}

/// Results whose Wasm types come from the return type, through `HostReturn`: the type is
/// named once, in an impl of `Returns` whose bound the compiler checks there only.
fn implicit_results(name: &syn::Ident, ret: &Type) -> ResultCode {
    ResultCode {
        types: quote!(::wasp_core::__private::result_types::<#name>()),
        store: quote!(::wasp_core::__private::store_return::<#name>(__ret, __slots)),
        assertions: quote! {
            impl ::wasp_core::__private::Returns for #name {
                type Return = #ret;
            }
        },
    }
}

/// Results listed by `#[host(results(..))]`, some of them `Val`s: the return type is taken
/// apart as written.
fn explicit_results(f: &HostFn, list: &Results) -> ResultCode {
    let shape = &f.ret.shape;
    let types: Vec<_> = list.types.iter().map(|(t, s)| t.tokens(*s)).collect();
    let unwrap = if shape.is_result {
        quote! {
            let __ok = match __ret {
                ::core::result::Result::Ok(v) => v,
                ::core::result::Result::Err(e) => {
                    return ::core::result::Result::Err(::wasp_core::__private::trap(e))
                }
            };
        }
    } else {
        quote!(let __ok = __ret;)
    };
    let names: Vec<_> = (0..shape.values.len())
        .map(|i| format_ident!("__r{}", i))
        .collect();
    let destructure = if shape.is_tuple {
        quote!(let (#(#names,)*) = __ok;)
    } else {
        quote!(let __r0 = __ok;)
    };
    let mut writes = Vec::new();
    let mut assertions = Vec::new();
    for (i, ((ty, name), (wasm, wasm_span))) in
        shape.values.iter().zip(&names).zip(&list.types).enumerate()
    {
        let vt = wasm.tokens(*wasm_span);
        if is_val(ty) {
            writes.push(quote!(__slots.set_val(#i, #vt, #name)?;));
        } else {
            writes.push(quote_spanned! {ty.span()=>
                __slots.set(
                    #i,
                    <#ty as ::wasp_core::HostType>::into_wasm(#name)
                        .map_err(::wasp_core::__private::trap)?,
                );
            });
            let message = format!(
                "`results(..)` gives result {i} the Wasm type {}, but its Rust type `{}` crosses \
                 as another Wasm type",
                wasm.name(),
                quote!(#ty).to_string().replace(' ', "")
            );
            assertions.push(assert_type(ty, &vt, &message, *wasm_span));
        }
    }
    ResultCode {
        types: quote!(&[#(#types),*]),
        store: quote! {
            #unwrap
            #destructure
            #(#writes)*
            ::core::result::Result::Ok(())
        },
        assertions: quote!(#(#assertions)*),
    }
}

/// `<<ty as HostType>::Wasm as WasmPrimitive>::VAL_TYPE`, spanned at the type. Every use of
/// a user's type goes through the same `<ty as HostType>` so that, when the type does not
/// implement it, the compiler reports one error (identical errors are shown once).
fn wasm_type_of(ty: &Type) -> TokenStream {
    quote_spanned! {ty.span()=>
        <<#ty as ::wasp_core::HostType>::Wasm as ::wasp_core::WasmPrimitive>::VAL_TYPE
    }
}

fn assert_type(ty: &Type, vt: &TokenStream, message: &str, span: Span) -> TokenStream {
    let actual = wasm_type_of(ty);
    quote_spanned! {span=>
        const _: () = ::core::assert!(
            ::wasp_core::__private::same_types(&[#actual], &[#vt]),
            #message
        );
    }
}
