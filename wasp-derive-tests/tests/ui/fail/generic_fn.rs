use wasp_core::host;

#[host]
fn echo<T: Copy>(x: T) -> T {
    x
}

fn main() {}
