use wasp_core::host;

struct Board;

impl Board {
    #[host]
    fn cell(&self, i: i32) -> i32 {
        i
    }
}

fn main() {}
