use wasp_core::{host, imports, Imports};

#[host]
fn add(a: i64, b: i64) -> i64 {
    a + b
}

#[host]
fn sub(a: i64, b: i64) -> i64 {
    a - b
}

fn main() {
    let _imports: Imports<()> = imports! {
        "math" => {
            "add" => add,
            "add" => sub,
        },
    };
}
