// `#[host]` on functions inside a function body, with doc comments, other attributes and
// `cfg`s, and `pub` visibility seen from another module.
use wasp_core::{host, imports, Imports};

mod api {
    use wasp_core::host;

    /// Doubles.
    #[host]
    #[inline]
    #[must_use]
    pub fn double(x: i32) -> i32 {
        x * 2
    }

    #[host]
    pub(crate) fn crate_visible() {}
}

#[cfg(any())]
#[host]
fn compiled_out(x: NoSuchType) {}

#[host]
#[cfg(any())]
fn compiled_out_too(x: NoSuchType) {}

fn main() {
    #[host]
    fn local(x: i32) -> i32 {
        x
    }

    let imports: Imports<()> = imports! {
        "env" => {
            "local" => local,
            "double" => api::double,
            "crate_visible" => crate::api::crate_visible,
        },
    };
    assert_eq!(imports.len(), 3);
    assert_eq!(api::double::WASM_TYPE, "(func (param i32) (result i32))");
    assert_eq!(api::double(2), 4);
    assert_eq!(local(3), 3);
}
