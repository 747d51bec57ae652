//! Every rule a `#[host]` function must follow, each failure pointing at the offending
//! tokens. Types are not judged here: the trait bounds of the generated code do that, so
//! that the compiler's error lands on the user's type.

use syn::Type;

use super::ast::{CtxBy, HostFn};
use crate::wasm_type::ACCEPTED;

pub fn check(f: &HostFn) -> syn::Result<()> {
    let mut errors = Errors::default();
    check_signature(f, &mut errors);
    check_context(f, &mut errors);
    check_vals(f, &mut errors);
    check_results(f, &mut errors);
    errors.finish()
}

#[derive(Default)]
struct Errors(Option<syn::Error>);

impl Errors {
    fn push(&mut self, e: syn::Error) {
        match &mut self.0 {
            Some(all) => all.combine(e),
            None => self.0 = Some(e),
        }
    }

    fn finish(self) -> syn::Result<()> {
        self.0.map_or(Ok(()), Err)
    }
}

fn check_signature(f: &HostFn, errors: &mut Errors) {
    let sig = &f.item.sig;
    if let Some(receiver) = &f.receiver {
        errors.push(syn::Error::new_spanned(
            receiver,
            "`#[host]` functions cannot take `self`: a Wasm import is a free function; \
             write a free function (it may call this method)",
        ));
    }
    if !generics_are_the_context(f) {
        errors.push(syn::Error::new_spanned(
            &sig.generics,
            "`#[host]` functions cannot be generic (lifetimes included), except over the \
             store's data: a Wasm import has one fixed type; name concrete types, and write \
             the context as `&mut Ctx<MyData>` or `fn f<T: MyTrait>(ctx: &mut Ctx<T>, ..)`",
        ));
    }
    if let Some(token) = &sig.asyncness {
        errors.push(syn::Error::new_spanned(
            token,
            "`#[host]` functions cannot be `async`: a host call runs to completion while the \
             Wasm code waits (yielding from host code is not supported yet)",
        ));
    }
    if let Some(token) = &sig.unsafety {
        errors.push(syn::Error::new_spanned(
            token,
            "`#[host]` functions cannot be `unsafe`: Wasm code may call them with any \
             arguments, so they must be safe to call with all of them",
        ));
    }
    if let Some(variadic) = &sig.variadic {
        errors.push(syn::Error::new_spanned(
            variadic,
            "`#[host]` functions cannot be variadic: a Wasm import has a fixed number of \
             parameters",
        ));
    }
    for param in &f.params {
        if let Type::ImplTrait(t) = &param.ty {
            errors.push(syn::Error::new_spanned(
                t,
                "`impl Trait` parameters make a function generic, and a Wasm import has one \
                 fixed type: name a concrete type",
            ));
        }
    }
}

/// No generics, or one type parameter that is the context's data type (`Ctx<T>`): such a
/// function is one host function per store data type, each of one fixed Wasm type.
fn generics_are_the_context(f: &HostFn) -> bool {
    let generics = &f.item.sig.generics;
    if generics.params.is_empty() && generics.where_clause.is_none() {
        return true;
    }
    let mut params = generics.params.iter();
    let (Some(syn::GenericParam::Type(t)), None) = (params.next(), params.next()) else {
        return false;
    };
    f.context_param() == Some(&t.ident)
}

fn check_context(f: &HostFn, errors: &mut Errors) {
    let mut seen = false;
    for (i, param) in f.params.iter().enumerate() {
        let Some(ctx) = &param.ctx else { continue };
        let ty = &param.ty;
        if seen {
            errors.push(syn::Error::new_spanned(
                ty,
                "a host function takes at most one context: this is a second `Ctx` parameter",
            ));
            continue;
        }
        seen = true;
        if ctx.by != CtxBy::RefMut {
            errors.push(syn::Error::new_spanned(
                ty,
                "the context must be taken by mutable reference: write `&mut Ctx<..>`",
            ));
        } else if i != 0 {
            errors.push(syn::Error::new_spanned(
                ty,
                "the context `&mut Ctx<..>` must be the first parameter: it is not part of the \
                 Wasm signature, the parameters after it are",
            ));
        }
        if ctx.data.is_none() {
            errors.push(syn::Error::new_spanned(
                ty,
                "`Ctx` needs the type of the store's data: write `&mut Ctx<MyData>` \
                 (`Ctx<()>` for a store of `()`)",
            ));
        }
    }
}

fn check_vals(f: &HostFn, errors: &mut Errors) {
    for param in &f.params {
        if param.ctx.is_some() && param.wasm.is_empty() {
            continue;
        }
        match (param.is_val, param.wasm.as_slice()) {
            (true, []) => errors.push(syn::Error::new_spanned(
                &param.ty,
                format!(
                    "a `Val` parameter needs its Wasm type: write `#[wasm(i32)] x: Val` with one \
                     of {ACCEPTED}"
                ),
            )),
            (false, [(_, attr), ..]) => errors.push(syn::Error::new_spanned(
                attr,
                "`#[wasm(..)]` is only for `Val` parameters: the Rust type of this parameter \
                 already gives its Wasm type",
            )),
            (true, [_, (_, again), ..]) => errors.push(syn::Error::new_spanned(
                again,
                "`#[wasm(..)]` is given twice",
            )),
            _ => {}
        }
    }
}

fn check_results(f: &HostFn, errors: &mut Errors) {
    let shape = &f.ret.shape;
    match &f.options.results {
        Some(results) if !shape.mentions_val() => errors.push(syn::Error::new(
            results.span,
            "`results(..)` is only for functions that return a `Val`: the Wasm types of these \
             results come from their Rust types",
        )),
        Some(results) if results.types.len() != shape.values.len() => errors.push(syn::Error::new(
            results.span,
            format!(
                "`results(..)` lists {} type(s), but the function returns {} value(s): \
                     list the Wasm type of every result",
                results.types.len(),
                shape.values.len()
            ),
        )),
        None => {
            if let Some(val) = shape.values.iter().find(|t| super::ast::is_val(t)) {
                errors.push(syn::Error::new_spanned(
                    val,
                    format!(
                        "a `Val` result needs its Wasm type: add `#[host(results(..))]` listing \
                         the type of every result, each one of {ACCEPTED}"
                    ),
                ));
            }
        }
        Some(_) => {}
    }
}
