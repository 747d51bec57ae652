use wasp_core::{host, Val};

#[host]
fn zero() -> Val {
    Val::I32(0)
}

fn main() {}
