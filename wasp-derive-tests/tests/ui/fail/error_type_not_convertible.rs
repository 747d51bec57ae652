use wasp_core::host;

#[host]
fn parse(x: i32) -> Result<i32, String> {
    if x < 0 {
        Err(format!("negative: {x}"))
    } else {
        Ok(x)
    }
}

fn main() {}
