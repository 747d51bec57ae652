use wasp_core::{host, imports, Imports};

#[host]
fn log(ptr: i64, len: i32) {
    let _ = (ptr, len);
}

// The module also imports "env" "heap", a 64-bit memory, and "env" "bytes", a memory of
// 1-byte pages: `check` names both in Wasm text.
fn main() {
    let _imports: Imports<()> = imports! {
        check = "../modules/memory64.wat",
        "env" => { "log" => log },
    };
}
