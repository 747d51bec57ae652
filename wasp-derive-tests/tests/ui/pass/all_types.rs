// Every type that crosses the boundary, as a parameter and as a result.
use wasp_core::{host, ExternRef, Func, HostError, HostType, Val};

#[derive(Debug, Clone, Copy, PartialEq)]
struct Meters(f64);

impl HostType for Meters {
    type Wasm = f64;
    fn from_wasm(v: f64) -> Result<Meters, HostError> {
        Ok(Meters(v))
    }
    fn into_wasm(self) -> Result<f64, HostError> {
        Ok(self.0)
    }
}

#[host]
fn integers(a: i32, b: u32, c: i64, d: u64, e: bool) -> i32 {
    a + b as i32 + c as i32 + d as i32 + i32::from(e)
}

#[host]
fn floats(x: f32, y: f64) -> f64 {
    f64::from(x) + y
}

#[host]
fn references(f: Option<Func>, g: Func, e: Option<ExternRef>, x: ExternRef) -> Option<Func> {
    let _ = (e, x);
    f.or(Some(g))
}

#[host]
fn extern_result(x: ExternRef) -> ExternRef {
    x
}

#[host]
fn custom(m: Meters) -> Meters {
    Meters(m.0 * 2.0)
}

#[host]
fn vals(#[wasm(i32)] a: Val, #[wasm(f64)] b: Val, #[wasm(funcref)] c: Val, #[wasm(externref)] d: Val) {
    let _ = (a, b, c, d);
}

#[host(results(i64))]
fn val_result(#[wasm(i64)] a: Val) -> Val {
    a
}

#[host]
fn nothing() {}

#[host]
fn unsigned_results() -> u64 {
    u64::MAX
}

#[host]
fn boolean() -> bool {
    true
}

fn main() {
    assert_eq!(integers::WASM_TYPE, "(func (param i32 i32 i64 i64 i32) (result i32))");
    assert_eq!(floats::WASM_TYPE, "(func (param f32 f64) (result f64))");
    assert_eq!(
        references::WASM_TYPE,
        "(func (param funcref funcref externref externref) (result funcref))"
    );
    assert_eq!(extern_result::WASM_TYPE, "(func (param externref) (result externref))");
    assert_eq!(custom::WASM_TYPE, "(func (param f64) (result f64))");
    assert_eq!(vals::WASM_TYPE, "(func (param i32 f64 funcref externref))");
    assert_eq!(val_result::WASM_TYPE, "(func (param i64) (result i64))");
    assert_eq!(nothing::WASM_TYPE, "(func)");
    assert_eq!(unsigned_results::WASM_TYPE, "(func (result i64))");
    assert_eq!(boolean::WASM_TYPE, "(func (result i32))");
    assert_eq!(integers::ty().to_string(), integers::WASM_TYPE);

    // The functions are still ordinary Rust functions.
    assert_eq!(integers(1, 2, 3, 4, true), 11);
    assert_eq!(floats(0.5, 1.0), 1.5);
    assert_eq!(custom(Meters(2.0)), Meters(4.0));
    assert_eq!(val_result(Val::I64(7)), Val::I64(7));
}
