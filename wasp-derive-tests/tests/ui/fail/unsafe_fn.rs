use wasp_core::host;

#[host]
unsafe fn peek(ptr: u32) -> i32 {
    ptr as i32
}

fn main() {}
