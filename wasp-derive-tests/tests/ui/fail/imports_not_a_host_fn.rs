use wasp_core::{imports, Imports};

fn double(x: i32) -> i32 {
    x * 2
}

fn main() {
    let _imports: Imports<()> = imports! {
        "env" => { "double" => double },
    };
}
