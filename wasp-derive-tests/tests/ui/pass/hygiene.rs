// The generated code names everything by absolute path: it compiles with no prelude and
// with the user's own items shadowing common names.
#![no_implicit_prelude]

mod shadowing {
    #![allow(dead_code, unused_macros, non_snake_case)]
    use ::wasp_core::{host, imports, Ctx, HostError, Imports};

    struct Result;
    struct Option;
    struct Error;
    struct Val;
    struct ValType;
    struct Func;
    fn Ok() {}
    fn Err() {}
    macro_rules! panic {
        () => {};
    }
    macro_rules! assert {
        () => {};
    }

    pub struct Data;

    #[host]
    pub fn plain(x: i32) -> i32 {
        x
    }

    #[host]
    pub fn with_ctx(_ctx: &mut Ctx<Data>, x: i64) -> ::core::result::Result<i64, HostError> {
        ::core::result::Result::Ok(x)
    }

    #[host(results(f64))]
    pub fn dynamic(#[wasm(f64)] x: ::wasp_core::Val) -> ::core::result::Result<::wasp_core::Val, HostError> {
        ::core::result::Result::Ok(x)
    }

    pub fn imports() -> Imports<Data> {
        imports! {
            check = "../modules/game.wat",
            "game" => {
                "get_move_for_player" => plain,
                "draw_board" => super::shadowing::draw_board,
            },
            "math" => { "add" => with_ctx_two },
        }
    }

    #[host]
    pub fn draw_board() {}

    #[host]
    pub fn with_ctx_two(_c: &mut Ctx<Data>, a: i64, b: i64) -> i64 {
        a + b
    }
}

fn main() {
    let imports = shadowing::imports();
    ::std::assert_eq!(imports.len(), 3);
    ::std::assert_eq!(shadowing::dynamic::WASM_TYPE, "(func (param f64) (result f64))");
    ::std::assert_eq!(shadowing::with_ctx::WASM_TYPE, "(func (param i64) (result i64))");
}
