use wasp_core::host;

#[host]
async fn fetch(x: i32) -> i32 {
    x
}

fn main() {}
