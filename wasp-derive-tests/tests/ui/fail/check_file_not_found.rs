use wasp_core::{host, imports, Imports};

#[host]
fn add(a: i64, b: i64) -> i64 {
    a + b
}

fn main() {
    let _imports: Imports<()> = imports! {
        check = "../modules/no_such_module.wat",
        "math" => { "add" => add },
    };
}
