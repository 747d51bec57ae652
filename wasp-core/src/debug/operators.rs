//! Wasm operators as text (`i32.add`, `local.get 0`, `call 3`), for the instruction trace.
//!
//! The mnemonic comes from wasmparser's list of operators (its `visit_*` names, which follow
//! the text format's names with `_` for `.`); immediates are printed plainly.

use std::collections::HashMap;
use std::fmt::Debug;

use wasmparser::{BinaryReader, FunctionBody, Operator};

/// The text of every operator of a function body, by its offset in the module.
///
/// `bytes` are the body's bytes (locals and operators) and `offset` where they start in the
/// module. A body that does not decode yields the operators before the fault.
pub(crate) fn body_texts(bytes: &[u8], offset: u64) -> HashMap<u32, String> {
    let mut texts = HashMap::new();
    let body = FunctionBody::new(BinaryReader::new(bytes, offset));
    let Ok(mut reader) = body.get_operators_reader() else {
        return texts;
    };
    while !reader.eof() {
        let Ok((op, at)) = reader.read_with_offset() else {
            break;
        };
        texts.insert(at as u32, operator_text(&op));
    }
    texts
}

/// `visit_i32_add` → `i32.add`, `visit_call_indirect` → `call_indirect`.
fn mnemonic(visit: &str) -> String {
    const DOTTED: &[&str] = &[
        "i32", "i64", "f32", "f64", "v128", "i8x16", "i16x8", "i32x4", "i64x2", "f32x4", "f64x2",
        "local", "global", "memory", "table", "ref", "data", "elem", "atomic", "struct", "array",
        "i31", "any", "extern",
    ];
    let name = visit.strip_prefix("visit_").unwrap_or(visit);
    match name.split_once('_') {
        Some((head, rest)) if DOTTED.contains(&head) => format!("{head}.{rest}"),
        _ => name.to_string(),
    }
}

/// An immediate operand, printed by [`Plain`] when its type has a plain form and by
/// [`Debugged`] otherwise (method resolution picks the first that applies).
struct Imm<'a, T>(&'a T);

/// Immediates with a text-format spelling.
trait Plain {
    fn text(&self) -> String;
}

/// Any other immediate, in its debug form.
trait Debugged {
    fn text(&self) -> String;
}

impl<T: Debug> Debugged for &Imm<'_, T> {
    fn text(&self) -> String {
        format!("{:?}", self.0)
    }
}

macro_rules! plain_display {
    ($($t:ty),*) => {$(
        impl Plain for Imm<'_, $t> {
            fn text(&self) -> String {
                self.0.to_string()
            }
        }
    )*};
}
plain_display!(u8, u32, i32, i64, u64);

impl Plain for Imm<'_, wasmparser::Ieee32> {
    fn text(&self) -> String {
        f32::from_bits(self.0.bits()).to_string()
    }
}

impl Plain for Imm<'_, wasmparser::Ieee64> {
    fn text(&self) -> String {
        f64::from_bits(self.0.bits()).to_string()
    }
}

impl Plain for Imm<'_, wasmparser::MemArg> {
    fn text(&self) -> String {
        let m = self.0;
        let mut out = String::new();
        match m.target {
            wasmparser::MemArgTarget::Memory(0) => {}
            wasmparser::MemArgTarget::Memory(memory) => out.push_str(&memory.to_string()),
            wasmparser::MemArgTarget::Array(ty) => out.push_str(&format!("(array {ty})")),
        }
        if m.offset != 0 {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&format!("offset={}", m.offset));
        }
        out
    }
}

impl Plain for Imm<'_, wasmparser::BlockType> {
    fn text(&self) -> String {
        match self.0 {
            wasmparser::BlockType::Empty => String::new(),
            wasmparser::BlockType::Type(t) => format!("(result {t})"),
            wasmparser::BlockType::FuncType(i) => format!("(type {i})"),
        }
    }
}

impl Plain for Imm<'_, wasmparser::BrTable<'_>> {
    fn text(&self) -> String {
        let targets: Vec<String> = self
            .0
            .targets()
            .map_while(Result::ok)
            .map(|t| t.to_string())
            .collect();
        format!("{} {}", targets.join(" "), self.0.default())
    }
}

macro_rules! define_operator_text {
    ($( @$proposal:ident $op:ident $({ $($arg:ident: $argty:ty),* })? => $visit:ident ($($ann:tt)*) )*) => {
        /// The text of `op`: its mnemonic and immediates.
        pub(crate) fn operator_text(op: &Operator<'_>) -> String {
            #[allow(unreachable_patterns)]
            match op {
                $(
                    Operator::$op $({ $($arg),* })? => {
                        #[allow(unused_mut)]
                        let mut text = mnemonic(stringify!($visit));
                        $($(
                            let imm = (&Imm($arg)).text();
                            if !imm.is_empty() {
                                text.push(' ');
                                text.push_str(&imm);
                            }
                        )*)?
                        text
                    }
                )*
                other => format!("{other:?}"),
            }
        }
    };
}
wasmparser::for_each_operator!(define_operator_text);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mnemonics_follow_the_text_format() {
        assert_eq!(mnemonic("visit_i32_add"), "i32.add");
        assert_eq!(mnemonic("visit_i64_trunc_sat_f32_s"), "i64.trunc_sat_f32_s");
        assert_eq!(mnemonic("visit_call_indirect"), "call_indirect");
        assert_eq!(mnemonic("visit_br_if"), "br_if");
        assert_eq!(mnemonic("visit_local_get"), "local.get");
        assert_eq!(mnemonic("visit_ref_is_null"), "ref.is_null");
    }

    #[test]
    fn operators_print_with_immediates() {
        assert_eq!(operator_text(&Operator::I32Add), "i32.add");
        assert_eq!(
            operator_text(&Operator::LocalGet { local_index: 2 }),
            "local.get 2"
        );
        assert_eq!(
            operator_text(&Operator::I32Const { value: -5 }),
            "i32.const -5"
        );
        assert_eq!(
            operator_text(&Operator::Call { function_index: 3 }),
            "call 3"
        );
        assert_eq!(
            operator_text(&Operator::Block {
                blockty: wasmparser::BlockType::Empty
            }),
            "block"
        );
    }
}
