use wasp_core::host;

#[host]
fn board() -> Vec<u8> {
    vec![0; 9]
}

fn main() {}
