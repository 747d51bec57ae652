//! What the user wrote under `#[host]`: the function, its parameters sorted into context and
//! Wasm values, and the shape of its return type. Nothing is judged here (see `valid.rs`).

use syn::{Attribute, FnArg, GenericArgument, ItemFn, PathArguments, ReturnType, Type};

use super::attr::{self, Options};
use crate::wasm_type::WasmType;

pub struct HostFn {
    /// The function, with the `#[wasm(..)]` attributes of its parameters removed.
    pub item: ItemFn,
    pub options: Options,
    /// The `self` parameter, if any.
    pub receiver: Option<syn::Receiver>,
    /// Every other parameter, in order.
    pub params: Vec<Param>,
    pub ret: Ret,
}

pub struct Param {
    pub ty: Type,
    /// Set when the type is `Ctx<..>`, `&Ctx<..>` or `&mut Ctx<..>`.
    pub ctx: Option<CtxParam>,
    /// Whether the type is written `Val`.
    pub is_val: bool,
    /// Every `#[wasm(..)]` on the parameter.
    pub wasm: Vec<(WasmType, Attribute)>,
}

pub struct CtxParam {
    pub by: CtxBy,
    /// The `T` of `Ctx<T>`.
    pub data: Option<Type>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CtxBy {
    RefMut,
    Ref,
    Value,
}

pub struct Ret {
    /// The return type; `()` when none is written.
    pub ty: Type,
    /// The return type read syntactically, for functions returning `Val`s.
    pub shape: Shape,
}

/// A return type as `[Result<] value | (value, ..) [, E>]`.
pub struct Shape {
    pub is_result: bool,
    pub is_tuple: bool,
    pub values: Vec<Type>,
}

impl HostFn {
    /// The context's data type when it is a plain identifier (`Ctx<T>`): the only type
    /// parameter a generic host function may have.
    pub fn context_param(&self) -> Option<&syn::Ident> {
        let data = self.params.first()?.ctx.as_ref()?.data.as_ref()?;
        match strip(data) {
            Type::Path(p) if p.qself.is_none() => p.path.get_ident(),
            _ => None,
        }
    }
}

impl Shape {
    pub fn mentions_val(&self) -> bool {
        self.values.iter().any(is_val)
    }
}

pub fn parse(options: Options, mut item: ItemFn) -> syn::Result<HostFn> {
    let mut receiver = None;
    let mut params = Vec::new();
    for input in &mut item.sig.inputs {
        match input {
            FnArg::Receiver(r) => receiver = Some(r.clone()),
            FnArg::Typed(pat) => {
                let mut wasm = Vec::new();
                let mut kept = Vec::new();
                for a in pat.attrs.drain(..) {
                    if attr::is_wasm_attr(&a) {
                        wasm.push((attr::parse_wasm_attr(&a)?, a));
                    } else {
                        kept.push(a);
                    }
                }
                pat.attrs = kept;
                let ty = (*pat.ty).clone();
                params.push(Param {
                    ctx: ctx_param(&ty),
                    is_val: is_val(&ty),
                    ty,
                    wasm,
                });
            }
        }
    }
    let ty = match &item.sig.output {
        ReturnType::Default => syn::parse_quote!(()),
        ReturnType::Type(_, ty) => (**ty).clone(),
    };
    let ret = Ret {
        shape: shape(&ty),
        ty,
    };
    Ok(HostFn {
        item,
        options,
        receiver,
        params,
        ret,
    })
}

fn strip(ty: &Type) -> &Type {
    match ty {
        Type::Paren(p) => strip(&p.elem),
        Type::Group(g) => strip(&g.elem),
        _ => ty,
    }
}

/// The last segment of a plain path type.
fn last_segment(ty: &Type) -> Option<&syn::PathSegment> {
    match strip(ty) {
        Type::Path(p) if p.qself.is_none() => p.path.segments.last(),
        _ => None,
    }
}

/// Whether `ty` is written `Val` (or `path::to::Val`).
pub fn is_val(ty: &Type) -> bool {
    last_segment(ty).is_some_and(|s| s.ident == "Val" && s.arguments.is_none())
}

fn ctx_param(ty: &Type) -> Option<CtxParam> {
    let (by, inner) = match strip(ty) {
        Type::Reference(r) if r.mutability.is_some() => (CtxBy::RefMut, &*r.elem),
        Type::Reference(r) => (CtxBy::Ref, &*r.elem),
        other => (CtxBy::Value, other),
    };
    let seg = last_segment(inner)?;
    if seg.ident != "Ctx" {
        return None;
    }
    let data = match &seg.arguments {
        PathArguments::AngleBracketed(args) if args.args.len() == 1 => match &args.args[0] {
            GenericArgument::Type(t) => Some(t.clone()),
            _ => None,
        },
        _ => None,
    };
    Some(CtxParam { by, data })
}

fn shape(ty: &Type) -> Shape {
    let (is_result, ok) = match last_segment(ty) {
        Some(seg) if seg.ident == "Result" => match &seg.arguments {
            PathArguments::AngleBracketed(args) => match args.args.first() {
                Some(GenericArgument::Type(t)) => (true, t),
                _ => (false, ty),
            },
            _ => (false, ty),
        },
        _ => (false, ty),
    };
    match strip(ok) {
        Type::Tuple(t) => Shape {
            is_result,
            is_tuple: true,
            values: t.elems.iter().cloned().collect(),
        },
        other => Shape {
            is_result,
            is_tuple: false,
            values: vec![other.clone()],
        },
    }
}
