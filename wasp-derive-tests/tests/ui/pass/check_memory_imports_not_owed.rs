use wasp_core::{host, imports, Imports};

#[host]
fn log(ptr: i64, len: i32) {
    let _ = (ptr, len);
}

// The module also imports "env" "heap", a 64-bit memory, and "env" "bytes", a memory of
// 1-byte pages. Memories belong to a store and are defined on the `Linker`, so `check` owes
// only the function import to this block.
fn main() {
    let imports: Imports<()> = imports! {
        check = "../modules/memory64.wat",
        "env" => { "log" => log },
    };
    assert_eq!(imports.len(), 1);
}
