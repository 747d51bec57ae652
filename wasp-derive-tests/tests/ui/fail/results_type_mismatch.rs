use wasp_core::{host, Val};

// The first result is an `i32` in Rust, but `results(..)` says `i64`.
#[host(results(i64, f64))]
fn pair(#[wasm(f64)] x: Val) -> (i32, Val) {
    (0, x)
}

fn main() {}
