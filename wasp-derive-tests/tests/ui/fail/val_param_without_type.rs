use wasp_core::{host, Val};

#[host]
fn show(v: Val) {
    let _ = v;
}

fn main() {}
