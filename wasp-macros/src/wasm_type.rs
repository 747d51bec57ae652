//! Wasm value types as the macros see them: written by users in `#[wasm(..)]` and
//! `#[host(results(..))]`, read from modules by `imports! { check = .. }`, and turned into
//! `::wasp_core::ValType` tokens.

use proc_macro2::{Span, TokenStream};
use quote::quote_spanned;
use syn::Ident;

/// A Wasm value type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WasmType {
    I32,
    I64,
    F32,
    F64,
    V128,
    FuncRef,
    ExternRef,
}

/// What users may write, for messages.
pub const ACCEPTED: &str = "i32, i64, f32, f64, v128, funcref or externref";

impl WasmType {
    /// The type named by `ident` as Wasm's text format names it.
    pub fn from_ident(ident: &Ident) -> syn::Result<WasmType> {
        Ok(match ident.to_string().as_str() {
            "i32" => WasmType::I32,
            "i64" => WasmType::I64,
            "f32" => WasmType::F32,
            "f64" => WasmType::F64,
            "v128" => WasmType::V128,
            "funcref" => WasmType::FuncRef,
            "externref" => WasmType::ExternRef,
            other => {
                return Err(syn::Error::new(
                    ident.span(),
                    format!("unknown Wasm value type `{other}`: expected {ACCEPTED}"),
                ))
            }
        })
    }

    /// Wasm's name of the type.
    pub fn name(self) -> &'static str {
        match self {
            WasmType::I32 => "i32",
            WasmType::I64 => "i64",
            WasmType::F32 => "f32",
            WasmType::F64 => "f64",
            WasmType::V128 => "v128",
            WasmType::FuncRef => "funcref",
            WasmType::ExternRef => "externref",
        }
    }

    /// `::wasp_core::ValType::..` with `span`.
    pub fn tokens(self, span: Span) -> TokenStream {
        let variant = Ident::new(
            match self {
                WasmType::I32 => "I32",
                WasmType::I64 => "I64",
                WasmType::F32 => "F32",
                WasmType::F64 => "F64",
                WasmType::V128 => "V128",
                WasmType::FuncRef => "FuncRef",
                WasmType::ExternRef => "ExternRef",
            },
            span,
        );
        quote_spanned!(span=> ::wasp_core::ValType::#variant)
    }
}

/// A function type in Wasm's notation, as `wasp_core::FuncType` displays it.
pub fn func_type_text(params: &[WasmType], results: &[WasmType]) -> String {
    let mut s = String::from("(func");
    for (what, tys) in [("param", params), ("result", results)] {
        if !tys.is_empty() {
            s.push_str(" (");
            s.push_str(what);
            for t in tys {
                s.push(' ');
                s.push_str(t.name());
            }
            s.push(')');
        }
    }
    s.push(')');
    s
}
