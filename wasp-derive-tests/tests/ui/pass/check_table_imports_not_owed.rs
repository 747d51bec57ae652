use wasp_core::{host, imports, Imports};

#[host]
fn log(v: i64) {
    let _ = v;
}

// The module also imports "env" "wide", a 64-bit table, and "env" "narrow", a 32-bit one.
// Tables belong to a store and are defined on the `Linker`, so `check` owes only the function
// import to this block.
fn main() {
    let imports: Imports<()> = imports! {
        check = "../modules/table64.wat",
        "env" => { "log" => log },
    };
    assert_eq!(imports.len(), 1);
}
