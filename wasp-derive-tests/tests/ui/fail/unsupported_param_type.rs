use wasp_core::host;

#[host]
fn greet(name: String) -> i32 {
    name.len() as i32
}

fn main() {}
