// Results: none, one, several (multi-value), and `Result`s of those.
use wasp_core::{host, HostError, Val};

#[host]
fn unit() {}

#[host]
fn empty_tuple() -> () {}

#[host]
fn pair(a: i32, b: i64) -> (i64, i32) {
    (b, a)
}

#[host]
fn single_tuple() -> (f32,) {
    (1.0,)
}

#[host]
fn twelve() -> (i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i32, i64) {
    (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)
}

#[host]
fn fallible_pair(fail: bool) -> Result<(i32, f64), HostError> {
    if fail {
        Err(HostError::msg("failed"))
    } else {
        Ok((1, 2.0))
    }
}

#[host]
fn std_error(s: i32) -> Result<u32, std::num::TryFromIntError> {
    u32::try_from(s)
}

#[host]
fn wasp_error() -> Result<(), wasp_core::Error> {
    Ok(())
}

#[host(results(i32, f64))]
fn val_pair(#[wasm(f64)] x: Val) -> (i32, Val) {
    (1, x)
}

#[host(results(f32))]
fn fallible_val(#[wasm(f32)] x: Val) -> Result<Val, HostError> {
    Ok(x)
}

fn main() {
    assert_eq!(unit::WASM_TYPE, "(func)");
    assert_eq!(empty_tuple::WASM_TYPE, "(func)");
    assert_eq!(pair::WASM_TYPE, "(func (param i32 i64) (result i64 i32))");
    assert_eq!(single_tuple::WASM_TYPE, "(func (result f32))");
    assert_eq!(
        twelve::WASM_TYPE,
        "(func (result i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i64))"
    );
    assert_eq!(fallible_pair::WASM_TYPE, "(func (param i32) (result i32 f64))");
    assert_eq!(std_error::WASM_TYPE, "(func (param i32) (result i32))");
    assert_eq!(wasp_error::WASM_TYPE, "(func)");
    assert_eq!(val_pair::WASM_TYPE, "(func (param f64) (result i32 f64))");
    assert_eq!(fallible_val::WASM_TYPE, "(func (param f32) (result f32))");
    assert_eq!(pair(1, 2), (2, 1));
}
