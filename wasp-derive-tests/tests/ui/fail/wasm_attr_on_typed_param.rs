use wasp_core::host;

#[host]
fn square(#[wasm(i64)] x: i32) -> i32 {
    x * x
}

fn main() {}
