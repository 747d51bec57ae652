use wasp_core::host;

#[host(nmae = "wasm_add")]
fn add(a: i64, b: i64) -> i64 {
    a + b
}

fn main() {}
