use wasp_core::{host, imports, Imports};

#[host]
fn add(a: i64, b: i64) -> i64 {
    a + b
}

fn main() {
    let _imports: Imports<()> = imports! {
        check = "../modules/broken.wat",
        "math" => { "add" => add },
    };
}
