use wasp_core::{host, imports, Imports};

#[host]
fn log(ptr: i64, len: i32) {
    let _ = (ptr, len);
}

// The module imports "env" "heap" as a 64-bit memory and "env" "bytes" as a memory of 1-byte
// pages: a host function cannot stand for either.
#[host]
fn heap() {}

#[host]
fn bytes() {}

fn main() {
    let _imports: Imports<()> = imports! {
        check = "../modules/memory64.wat",
        "env" => { "log" => log, "heap" => heap, "bytes" => bytes },
    };
}
