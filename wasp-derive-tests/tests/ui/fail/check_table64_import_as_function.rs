use wasp_core::{host, imports, Imports};

#[host]
fn log(v: i64) {
    let _ = v;
}

// The module imports "env" "wide" as a 64-bit table and "env" "narrow" as a 32-bit one: a
// host function cannot stand for either, and the error prints each in Wasm text.
#[host]
fn wide() {}

#[host]
fn narrow() {}

fn main() {
    let _imports: Imports<()> = imports! {
        check = "../modules/table64.wat",
        "env" => { "log" => log, "wide" => wide, "narrow" => narrow },
    };
}
