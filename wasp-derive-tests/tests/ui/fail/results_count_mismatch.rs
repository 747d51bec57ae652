use wasp_core::{host, Val};

#[host(results(i32))]
fn pair() -> (Val, Val) {
    (Val::I32(0), Val::I32(1))
}

fn main() {}
