//! Converting between command-line text and Wasm values: parsing the
//! arguments of `wasp run` according to the parameter types, and printing
//! the results the way `wasmtime run --invoke` does.

use wasp_core::{Val, ValType};

/// Parses one command-line argument as a value of type `ty`.
///
/// On failure, returns a description of what `ty` accepts, for the error
/// message.
pub fn parse_val(ty: ValType, text: &str) -> Result<Val, String> {
    match ty {
        ValType::I32 => text
            .parse::<i32>()
            .ok()
            .or_else(|| text.parse::<u32>().ok().map(|v| v as i32))
            .map(Val::I32)
            .ok_or_else(|| format!("i32 (a decimal integer from {} to {})", i32::MIN, u32::MAX)),
        ValType::I64 => text
            .parse::<i64>()
            .ok()
            .or_else(|| text.parse::<u64>().ok().map(|v| v as i64))
            .map(Val::I64)
            .ok_or_else(|| format!("i64 (a decimal integer from {} to {})", i64::MIN, u64::MAX)),
        ValType::F32 => text
            .parse::<f32>()
            .map(|v| Val::F32(v.to_bits()))
            .map_err(|_| "f32 (a decimal number, `inf`, `-inf` or `NaN`)".to_owned()),
        ValType::F64 => text
            .parse::<f64>()
            .map(|v| Val::F64(v.to_bits()))
            .map_err(|_| "f64 (a decimal number, `inf`, `-inf` or `NaN`)".to_owned()),
        ValType::FuncRef if is_null(text) => Ok(Val::FuncRef(None)),
        ValType::ExternRef if is_null(text) => Ok(Val::ExternRef(None)),
        ValType::Ref(r) if r.is_nullable() && is_null(text) => Ok(Val::default_for(ty)),
        ValType::FuncRef | ValType::ExternRef | ValType::Ref(_) => Err(format!(
            "{ty} (only `null` can be passed from the command line)"
        )),
        ValType::V128 => text
            .strip_prefix("0x")
            .map_or_else(|| text.parse::<u128>(), |hex| u128::from_str_radix(hex, 16))
            .map(|v| Val::V128(v.into()))
            .map_err(|_| "v128 (a 128-bit integer, decimal or `0x` hexadecimal)".to_owned()),
    }
}

/// Whether `text` spells a null reference on the command line.
fn is_null(text: &str) -> bool {
    matches!(text, "null" | "ref.null")
}

/// Formats a result value: integers in signed decimal, floats with Rust's
/// `{}` formatting, a `v128` as 32 hexadecimal digits (`0x...`, lane 0 lowest), references as `ref.null func`, `ref.func`,
/// `ref.null extern` or `ref.extern`.
pub fn format_val(val: &Val) -> String {
    match val {
        Val::I32(v) => v.to_string(),
        Val::I64(v) => v.to_string(),
        Val::F32(bits) => f32::from_bits(*bits).to_string(),
        Val::F64(bits) => f64::from_bits(*bits).to_string(),
        Val::V128(v) => format!("{:#034x}", v.as_u128()),
        Val::FuncRef(None) => "ref.null func".to_owned(),
        Val::FuncRef(Some(_)) => "ref.func".to_owned(),
        Val::ExternRef(None) => "ref.null extern".to_owned(),
        Val::ExternRef(Some(_)) => "ref.extern".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Integers accept the signed and the unsigned range of their type.
    #[test]
    fn integers() {
        assert!(matches!(parse_val(ValType::I32, "-5"), Ok(Val::I32(-5))));
        assert!(matches!(
            parse_val(ValType::I32, "4294967295"),
            Ok(Val::I32(-1))
        ));
        assert!(parse_val(ValType::I32, "4294967296").is_err());
        assert!(parse_val(ValType::I32, "1.5").is_err());
        assert!(matches!(
            parse_val(ValType::I64, "18446744073709551615"),
            Ok(Val::I64(-1))
        ));
        assert!(matches!(
            parse_val(ValType::I64, "-9223372036854775808"),
            Ok(Val::I64(i64::MIN))
        ));
    }

    /// Floats accept Rust's syntax, including the special values.
    #[test]
    fn floats() {
        let bits = |text| match parse_val(ValType::F32, text) {
            Ok(Val::F32(bits)) => bits,
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(bits("1.5"), 1.5f32.to_bits());
        assert_eq!(bits("-0"), (-0.0f32).to_bits());
        assert_eq!(bits("inf"), f32::INFINITY.to_bits());
        assert!(f32::from_bits(bits("NaN")).is_nan());
        assert!(
            matches!(parse_val(ValType::F64, "-inf"), Ok(Val::F64(b)) if b == f64::NEG_INFINITY.to_bits())
        );
        let err = parse_val(ValType::F64, "x").unwrap_err();
        assert!(err.starts_with("f64"), "{err}");
    }

    /// Results print in signed decimal and Rust float notation.
    #[test]
    fn formatting() {
        assert_eq!(format_val(&Val::I32(-1)), "-1");
        assert_eq!(format_val(&Val::I64(i64::MIN)), "-9223372036854775808");
        assert_eq!(format_val(&Val::F32(2.5f32.to_bits())), "2.5");
        assert_eq!(format_val(&Val::F64(f64::NAN.to_bits())), "NaN");
        assert_eq!(format_val(&Val::F64((-0.0f64).to_bits())), "-0");
        assert_eq!(format_val(&Val::FuncRef(None)), "ref.null func");
        assert_eq!(format_val(&Val::ExternRef(None)), "ref.null extern");
    }
}
