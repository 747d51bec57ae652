//! Text built at compile time: a function type in Wasm's notation, and messages that
//! include it. `const fn` code, so that signature checks happen while compiling.

use crate::types::ValType;

/// The most bytes a [`ConstText`] holds: a function type of 100 values fits.
const CAPACITY: usize = 1200;

/// A string built by `const fn`s in a fixed buffer. Longer text is cut (with `...`).
#[derive(Clone, Copy)]
pub struct ConstText {
    bytes: [u8; CAPACITY],
    len: usize,
    /// Set once the text was cut.
    full: bool,
}

impl ConstText {
    const fn empty() -> ConstText {
        ConstText {
            bytes: [0; CAPACITY],
            len: 0,
            full: false,
        }
    }

    /// The function type with these parameters and results, as
    /// [`FuncType`](crate::FuncType)'s `Display` writes it: `(func (param i32) (result i64))`.
    pub const fn func_type(params: &[ValType], results: &[ValType]) -> ConstText {
        let mut t = ConstText::empty();
        t.push("(func");
        t.push_list("param", params);
        t.push_list("result", results);
        t.push(")");
        t
    }

    /// The concatenation of `parts`.
    pub const fn concat(parts: &[&str]) -> ConstText {
        let mut t = ConstText::empty();
        let mut i = 0;
        while i < parts.len() {
            t.push(parts[i]);
            i += 1;
        }
        t
    }

    /// The text.
    pub const fn as_str(&self) -> &str {
        match std::str::from_utf8(self.bytes.split_at(self.len).0) {
            Ok(s) => s,
            // Whole `&str`s are pushed, and `cut` keeps whole characters only.
            Err(_) => "",
        }
    }

    const fn push_list(&mut self, what: &str, tys: &[ValType]) {
        if tys.is_empty() {
            return;
        }
        self.push(" (");
        self.push(what);
        let mut i = 0;
        while i < tys.len() {
            self.push(" ");
            self.push(val_type_name(tys[i]));
            i += 1;
        }
        self.push(")");
    }

    const fn push(&mut self, s: &str) {
        let s = s.as_bytes();
        let mut i = 0;
        while i < s.len() && !self.full {
            if self.len + 3 >= CAPACITY {
                self.cut();
                return;
            }
            self.bytes[self.len] = s[i];
            self.len += 1;
            i += 1;
        }
    }

    /// Ends the text with `...`, after its last whole character; later pushes are ignored.
    const fn cut(&mut self) {
        if let Err(e) = std::str::from_utf8(self.bytes.split_at(self.len).0) {
            self.len = e.valid_up_to();
        }
        let mut k = 0;
        while k < 3 {
            self.bytes[self.len] = b'.';
            self.len += 1;
            k += 1;
        }
        self.full = true;
    }
}

/// Wasm's name of a value type.
const fn val_type_name(ty: ValType) -> &'static str {
    match ty {
        ValType::I32 => "i32",
        ValType::I64 => "i64",
        ValType::F32 => "f32",
        ValType::F64 => "f64",
        ValType::V128 => "v128",
        ValType::FuncRef => "funcref",
        ValType::ExternRef => "externref",
        // A host function's types come from `HostType`, which has no typed references; the
        // full type prints through `ValType`'s `Display`.
        ValType::Ref(_) => "(ref ..)",
    }
}

/// Whether two lists of value types are equal (`==` is not usable in `const fn`). Typed
/// references (`(ref $t)`, ...) are never equal here: no host function type has them, so a
/// host function never matches an import that has them.
pub const fn same_types(a: &[ValType], b: &[ValType]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if !matches!(
            (a[i], b[i]),
            (ValType::I32, ValType::I32)
                | (ValType::I64, ValType::I64)
                | (ValType::F32, ValType::F32)
                | (ValType::F64, ValType::F64)
                | (ValType::V128, ValType::V128)
                | (ValType::FuncRef, ValType::FuncRef)
                | (ValType::ExternRef, ValType::ExternRef)
        ) {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::FuncType;

    #[test]
    fn func_type_text_matches_the_display_of_func_type() {
        let cases: &[(&[ValType], &[ValType])] = &[
            (&[], &[]),
            (&[ValType::I32], &[ValType::I32]),
            (&[ValType::I64, ValType::F64], &[]),
            (&[], &[ValType::FuncRef, ValType::ExternRef, ValType::F32]),
        ];
        for (p, r) in cases {
            let want = FuncType::new(p.iter().copied(), r.iter().copied()).to_string();
            assert_eq!(ConstText::func_type(p, r).as_str(), want);
        }
    }

    #[test]
    fn works_in_constants() {
        const TY: &ConstText = &ConstText::func_type(&[ValType::I32], &[]);
        const MSG: &ConstText = &ConstText::concat(&["found ", TY.as_str()]);
        assert_eq!(MSG.as_str(), "found (func (param i32))");
    }

    #[test]
    fn long_text_is_cut_not_overflowed() {
        let many = [ValType::ExternRef; 500];
        let text = ConstText::func_type(&many, &[]);
        assert!(text.as_str().ends_with("..."));
        assert!(text.as_str().len() <= CAPACITY);
        let long = "é".repeat(CAPACITY);
        let text = ConstText::concat(&["x", &long, "tail"]);
        assert!(text.as_str().ends_with("é..."));
    }

    #[test]
    fn same_types_compares_lists() {
        assert!(same_types(&[ValType::I32], &[ValType::I32]));
        assert!(!same_types(&[ValType::I32], &[ValType::I64]));
        assert!(!same_types(&[ValType::I32], &[]));
    }
}
