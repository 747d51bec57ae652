use wasp_core::{host, imports, Func, Imports};

// The module imports `apply` as `(func (param (ref null $step)) (result i32))`: a typed
// function reference, which no host function type has (`Option<Func>` is a `funcref`).
#[host]
fn apply(f: Option<Func>) -> i32 {
    i32::from(f.is_some())
}

// A module with typed references elsewhere is still read: this import is checked as usual.
#[host]
fn add(a: i64, b: i64) -> i64 {
    a + b
}

fn main() {
    let _imports: Imports<()> = imports! {
        check = "../modules/typed_refs.wat",
        "env" => { "apply" => apply },
        "math" => { "add" => add },
    };
}
