//! Conversion of script arguments to [`Val`]s, and matching of results against the expected
//! values of `assert_return` (NaN patterns, references).

use wast::core::{AbstractHeapType, HeapType, NanPattern, V128Pattern, WastArgCore, WastRetCore};
use wast::token::{F32, F64};
use wast::{WastArg, WastRet};

use wasp_core::{ExternRef, Store, Val, V128};

use super::script::{Check, Problem};

/// The quiet bit and exponent of an `f32` NaN, and its canonical bits (without the sign).
const F32_QUIET_NAN: u32 = 0x7fc0_0000;
/// The quiet bit and exponent of an `f64` NaN, and its canonical bits (without the sign).
const F64_QUIET_NAN: u64 = 0x7ff8_0000_0000_0000;

/// Converts an argument of `invoke` to a value; `ref.extern N` becomes a new [`ExternRef`]
/// holding `N` as a `u32`.
pub fn to_val(store: &mut Store<()>, arg: &WastArg<'_>) -> Check<Val> {
    let WastArg::Core(arg) = arg else {
        return Err(Problem::skip("component-model arguments are not core Wasm"));
    };
    Ok(match arg {
        WastArgCore::I32(x) => Val::I32(*x),
        WastArgCore::I64(x) => Val::I64(*x),
        WastArgCore::F32(x) => Val::F32(x.bits),
        WastArgCore::F64(x) => Val::F64(x.bits),
        WastArgCore::RefNull(heap) => null_of(heap)?,
        WastArgCore::RefExtern(n) => Val::ExternRef(Some(ExternRef::new(&mut *store, *n))),
        WastArgCore::V128(v) => Val::V128(V128::from_le_bytes(v.to_le_bytes())),
        WastArgCore::RefHost(_) => return Err(Problem::skip("ref.host arguments (GC)")),
    })
}

/// The null reference of a heap type.
fn null_of(heap: &HeapType<'_>) -> Check<Val> {
    match heap {
        HeapType::Abstract {
            shared: false,
            ty: AbstractHeapType::Func,
        } => Ok(Val::FuncRef(None)),
        HeapType::Abstract {
            shared: false,
            ty: AbstractHeapType::Extern,
        } => Ok(Val::ExternRef(None)),
        other => Err(Problem::skip(format!("ref.null of heap type {other:?}"))),
    }
}

/// Checks the results of an invocation against the expected ones.
pub fn check_results(store: &Store<()>, actual: &[Val], expected: &[WastRet<'_>]) -> Check<()> {
    if actual.len() != expected.len() {
        return Err(Problem::fail(format!(
            "expected {} results, found {}: {}",
            expected.len(),
            actual.len(),
            describe_vals(store, actual)
        )));
    }
    for (i, (val, ret)) in actual.iter().zip(expected).enumerate() {
        let WastRet::Core(ret) = ret else {
            return Err(Problem::skip("component-model results are not core Wasm"));
        };
        if !matches(store, val, ret)? {
            return Err(Problem::fail(format!(
                "result {i}: expected {}, found {} (all results: {})",
                describe_ret(ret),
                describe_val(store, val),
                describe_vals(store, actual)
            )));
        }
    }
    Ok(())
}

/// Whether `val` matches the expected `ret`; an error for patterns this runner does not
/// support (SIMD, GC).
fn matches(store: &Store<()>, val: &Val, ret: &WastRetCore<'_>) -> Check<bool> {
    Ok(match (ret, val) {
        (WastRetCore::I32(e), Val::I32(a)) => e == a,
        (WastRetCore::I64(e), Val::I64(a)) => e == a,
        (WastRetCore::F32(pattern), Val::F32(bits)) => f32_matches(*pattern, *bits),
        (WastRetCore::F64(pattern), Val::F64(bits)) => f64_matches(*pattern, *bits),
        (WastRetCore::RefNull(None), Val::FuncRef(r)) => r.is_none(),
        (WastRetCore::RefNull(None), Val::ExternRef(r)) => r.is_none(),
        (WastRetCore::RefNull(Some(heap)), _) => null_of(heap)? == *val,
        (WastRetCore::RefFunc(_), Val::FuncRef(r)) => r.is_some(),
        (WastRetCore::RefExtern(None), Val::ExternRef(r)) => r.is_some(),
        (WastRetCore::RefExtern(Some(n)), Val::ExternRef(Some(r))) => {
            extern_u32(store, *r) == Some(*n)
        }
        (WastRetCore::Either(cases), _) => {
            for case in cases {
                if matches(store, val, case)? {
                    return Ok(true);
                }
            }
            false
        }
        (WastRetCore::V128(pattern), Val::V128(v)) => v128_matches(pattern, *v),
        (
            WastRetCore::RefHost(_)
            | WastRetCore::RefAny
            | WastRetCore::RefEq
            | WastRetCore::RefArray
            | WastRetCore::RefStruct
            | WastRetCore::RefI31
            | WastRetCore::RefI31Shared,
            _,
        ) => return Err(Problem::skip("GC reference results")),
        _ => false,
    })
}

/// Whether a `v128` matches the expected lanes, float lanes by their NaN patterns.
fn v128_matches(pattern: &V128Pattern, v: V128) -> bool {
    let b = v.to_le_bytes();
    let chunk = |i: usize, n: usize| -> u64 {
        (0..n).fold(0, |acc, k| acc | u64::from(b[i * n + k]) << (8 * k))
    };
    match pattern {
        V128Pattern::I8x16(l) => (0..16).all(|i| chunk(i, 1) as u8 == l[i] as u8),
        V128Pattern::I16x8(l) => (0..8).all(|i| chunk(i, 2) as u16 == l[i] as u16),
        V128Pattern::I32x4(l) => (0..4).all(|i| chunk(i, 4) as u32 == l[i] as u32),
        V128Pattern::I64x2(l) => (0..2).all(|i| chunk(i, 8) == l[i] as u64),
        V128Pattern::F32x4(l) => (0..4).all(|i| f32_matches(l[i], chunk(i, 4) as u32)),
        V128Pattern::F64x2(l) => (0..2).all(|i| f64_matches(l[i], chunk(i, 8))),
    }
}

fn f32_matches(pattern: NanPattern<F32>, bits: u32) -> bool {
    match pattern {
        NanPattern::Value(expected) => expected.bits == bits,
        NanPattern::CanonicalNan => bits & 0x7fff_ffff == F32_QUIET_NAN,
        NanPattern::ArithmeticNan => bits & F32_QUIET_NAN == F32_QUIET_NAN,
    }
}

fn f64_matches(pattern: NanPattern<F64>, bits: u64) -> bool {
    match pattern {
        NanPattern::Value(expected) => expected.bits == bits,
        NanPattern::CanonicalNan => bits & 0x7fff_ffff_ffff_ffff == F64_QUIET_NAN,
        NanPattern::ArithmeticNan => bits & F64_QUIET_NAN == F64_QUIET_NAN,
    }
}

/// The `u32` an extern reference of the script holds.
fn extern_u32(store: &Store<()>, r: ExternRef) -> Option<u32> {
    r.data(store)?.downcast_ref::<u32>().copied()
}

/// Describes values for a failure message.
pub fn describe_vals(store: &Store<()>, vals: &[Val]) -> String {
    let parts: Vec<String> = vals.iter().map(|v| describe_val(store, v)).collect();
    format!("[{}]", parts.join(", "))
}

/// Describes a value in the script's notation (floats with their bits).
fn describe_val(store: &Store<()>, val: &Val) -> String {
    match val {
        Val::I32(x) => format!("i32 {x}"),
        Val::I64(x) => format!("i64 {x}"),
        Val::F32(bits) => format!("f32 {} ({bits:#010x})", f32::from_bits(*bits)),
        Val::F64(bits) => format!("f64 {} ({bits:#018x})", f64::from_bits(*bits)),
        Val::V128(v) => format!("v128 {:#034x}", v.as_u128()),
        Val::FuncRef(None) => "ref.null func".to_string(),
        Val::FuncRef(Some(_)) => "ref.func".to_string(),
        Val::ExternRef(None) => "ref.null extern".to_string(),
        Val::ExternRef(Some(r)) => match extern_u32(store, *r) {
            Some(n) => format!("ref.extern {n}"),
            None => "ref.extern (foreign)".to_string(),
        },
    }
}

/// Describes an expected result in the script's notation.
fn describe_ret(ret: &WastRetCore<'_>) -> String {
    match ret {
        WastRetCore::I32(x) => format!("i32 {x}"),
        WastRetCore::I64(x) => format!("i64 {x}"),
        WastRetCore::F32(NanPattern::Value(x)) => {
            format!("f32 {} ({:#010x})", f32::from_bits(x.bits), x.bits)
        }
        WastRetCore::F64(NanPattern::Value(x)) => {
            format!("f64 {} ({:#018x})", f64::from_bits(x.bits), x.bits)
        }
        WastRetCore::F32(NanPattern::CanonicalNan) => "f32 nan:canonical".to_string(),
        WastRetCore::F32(NanPattern::ArithmeticNan) => "f32 nan:arithmetic".to_string(),
        WastRetCore::F64(NanPattern::CanonicalNan) => "f64 nan:canonical".to_string(),
        WastRetCore::F64(NanPattern::ArithmeticNan) => "f64 nan:arithmetic".to_string(),
        WastRetCore::RefNull(None) => "ref.null".to_string(),
        WastRetCore::RefNull(Some(heap)) => format!("ref.null {heap:?}"),
        WastRetCore::RefFunc(_) => "ref.func (non-null)".to_string(),
        WastRetCore::RefExtern(None) => "ref.extern (non-null)".to_string(),
        WastRetCore::RefExtern(Some(n)) => format!("ref.extern {n}"),
        other => format!("{other:?}"),
    }
}
