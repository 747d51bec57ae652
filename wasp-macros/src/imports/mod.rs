//! `imports!`: parse (`ast`), read the checked module (`module_file`), check (`valid`),
//! generate (`expand`).

mod ast;
mod expand;
mod module_file;
mod valid;

use proc_macro2::TokenStream;
use quote::quote;

pub fn expand(tokens: TokenStream) -> TokenStream {
    let input: ast::Input = match syn::parse2(tokens) {
        Ok(i) => i,
        Err(e) => return e.to_compile_error(),
    };
    let module = match input.check.as_ref().map(module_file::read).transpose() {
        Ok(m) => m,
        Err(e) => return e.to_compile_error(),
    };
    let (errors, expected) = valid::check(&input, module.as_ref());
    let code = expand::expand(&input, module.as_ref(), &expected);
    match errors {
        // The errors, and the value as well so that its uses raise no further errors.
        Some(e) => {
            let e = e.to_compile_error();
            quote!({ #e #code })
        }
        None => code,
    }
}
