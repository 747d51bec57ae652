use wasp_core::{host, imports, Imports};

#[host]
fn log(v: i64) {
    let _ = v;
}

// The module also imports "env" "wide", a 64-bit table, and "env" "narrow", a 32-bit one:
// `check` names both in Wasm text.
fn main() {
    let _imports: Imports<()> = imports! {
        check = "../modules/table64.wat",
        "env" => { "log" => log },
    };
}
