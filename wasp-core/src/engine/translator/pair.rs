//! Fusing a binary operation with the binary operation that consumes its result.
//!
//! Translated one operator at a time, `d = (a op1 b) op2 c` is two instructions: `op1`
//! writes a temporary, `op2` reads it back. Each link of such a dependency chain pays a
//! dispatch and a store-to-load forwarding through the frame. When `op2` reads a temporary
//! that the last instruction, `op1`, just computed (a temporary is popped once, so nothing
//! else reads it), the two become one instruction whose handler keeps the intermediate in a
//! machine register.
//!
//! Which pairs fuse, and in which shapes, is the table `isa::for_each_pair!`, from which
//! both this fusion and the handlers (`executor/handlers/pair.rs`) are generated:
//!
//! | shape  | computes                | instruction                                   |
//! |--------|-------------------------|-----------------------------------------------|
//! | `rr_r` | `(a op1 b) op2 c`       | `{ dst, lhs: a, rhs: b }` + data word `{ a: c }` |
//! | `r_rr` | `c op2 (a op1 b)`       | as `rr_r`                                      |
//! | `ri_r` | `(a op1 imm) op2 c`     | `{ dst, lhs: a, other: c, imm: i16 }`          |
//! | `rr_i` | `(a op1 b) op2 imm`     | `{ dst, lhs: a, rhs: b, imm: i16 }`            |
//! | `ri_i` | `(a op1 imm) op2 imm2`  | `{ dst, lhs: a, imm: i32, imm2: i16 }`         |
//!
//! When `op2` reads the temporary on its right, an integer operator that commutes takes the
//! `rr_r`/`ri_r` form with its operands swapped; others (`sub`, shifts, every float
//! operator, whose NaN results are kept bit for bit) need an `r_rr` row.
//!
//! The first instruction is the last one emitted (`Translator::last_result`, which no label,
//! block boundary or gas charge leaves standing, and no label bound since), so nothing can
//! branch between the two. Only operators that never trap fuse, and gas is charged per Wasm
//! operator in the block's `ConsumeGas`, so results, gas and pause points are those of the
//! pair.

use super::Translator;
use crate::engine::ir::{Instr, Reg};

impl Translator<'_> {
    /// Emits `second`, a binary operator whose operands are temporaries as `temps` says
    /// (`(lhs, rhs)`), fused with the instruction just computed into one of them when the
    /// table of pairs has the two; false (nothing emitted) otherwise.
    pub(super) fn fuse_pair(&mut self, second: Instr, temps: (bool, bool)) -> bool {
        let Some(at) = self
            .last_result
            .filter(|&at| at + 1 == self.code.len() && self.label_at <= at)
        else {
            return false;
        };
        let first = self.code[at];
        let mut probe = first;
        let Some(temp) = probe.result_mut().copied() else {
            return false;
        };
        let Some((fused, data)) = fused(first, second, temps, temp) else {
            return false;
        };
        self.code.pop();
        self.emit_result(fused);
        if let Some(c) = data {
            self.code.push(Instr::Data { a: c, b: 0, c: 0 });
        }
        true
    }
}

/// [`Instr::result_mut`], and the destination of a fused pair with a data word or of a
/// `select`, which `local.set` redirects into a local as it does other results (`result_mut`
/// leaves instructions with a data word alone).
pub(super) fn result_mut(instr: &mut Instr) -> Option<&mut Reg> {
    if pair_dst(instr).is_some() {
        return pair_dst(instr);
    }
    // A `select` reads its operands before it writes: its result may go to a local it reads.
    // So do the selects on a comparison (`ops.rs`), which read the comparison's operands too.
    if let Instr::Select { dst, .. }
    | Instr::SelectI32Eq { dst, .. }
    | Instr::SelectI32EqImm { dst, .. }
    | Instr::SelectI32Ne { dst, .. }
    | Instr::SelectI32NeImm { dst, .. }
    | Instr::SelectI32LtS { dst, .. }
    | Instr::SelectI32LtSImm { dst, .. }
    | Instr::SelectI32LtU { dst, .. }
    | Instr::SelectI32LtUImm { dst, .. }
    | Instr::SelectI32GtS { dst, .. }
    | Instr::SelectI32GtSImm { dst, .. }
    | Instr::SelectI32GtU { dst, .. }
    | Instr::SelectI32GtUImm { dst, .. }
    | Instr::SelectI32LeS { dst, .. }
    | Instr::SelectI32LeSImm { dst, .. }
    | Instr::SelectI32LeU { dst, .. }
    | Instr::SelectI32LeUImm { dst, .. }
    | Instr::SelectI32GeS { dst, .. }
    | Instr::SelectI32GeSImm { dst, .. }
    | Instr::SelectI32GeU { dst, .. }
    | Instr::SelectI32GeUImm { dst, .. }
    | Instr::SelectI32AndNez { dst, .. }
    | Instr::SelectI32AndNezImm { dst, .. }
    // A load through a loaded pointer reads it before it writes (`load_through.rs`).
    | Instr::Load8SThrough { dst, .. }
    | Instr::Load8UThrough { dst, .. }
    | Instr::Load16SThrough { dst, .. }
    | Instr::Load16UThrough { dst, .. }
    | Instr::Load32SThrough { dst, .. }
    | Instr::Load32UThrough { dst, .. }
    | Instr::Load64Through { dst, .. } = instr
    {
        return Some(dst);
    }
    instr.result_mut()
}

/// Where the second operator of a pair reads the temporary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// On its left.
    Left,
    /// On its right, the other operand on its left.
    Right,
}

/// Which side of the second operator, with operands `lhs` and `rhs` (temporaries as `temps`
/// says), reads the temporary `temp`, when exactly one of them is it.
fn side(lhs: Reg, rhs: Option<Reg>, (lhs_temp, rhs_temp): (bool, bool), temp: Reg) -> Option<Side> {
    let on_right = rhs.is_some_and(|rhs| rhs_temp && rhs == temp);
    match (lhs_temp && lhs == temp, on_right) {
        (true, false) => Some(Side::Left),
        (false, true) => Some(Side::Right),
        _ => None,
    }
}

/// An immediate that fits the 16 bits a fused pair keeps for it.
fn narrow(imm: i32) -> Option<i16> {
    i16::try_from(imm).ok()
}

/// Whether an integer operator gives the same result with its operands swapped.
fn commutes(second: Instr) -> bool {
    matches!(
        second,
        Instr::I32Add { .. }
            | Instr::I32Mul { .. }
            | Instr::I32And { .. }
            | Instr::I32Or { .. }
            | Instr::I32Xor { .. }
            | Instr::I32Eq { .. }
            | Instr::I32Ne { .. }
            | Instr::I64Add { .. }
            | Instr::I64Mul { .. }
            | Instr::I64And { .. }
            | Instr::I64Or { .. }
            | Instr::I64Xor { .. }
    )
}

/// Generates the fusion of pairs from the table of pairs.
macro_rules! fusion {
    (
        rr_r { $($rr_r:ident = $rr_r1:ident, $rr_r2:ident;)* }
        r_rr { $($r_rr:ident = $r_rr1:ident, $r_rr2:ident;)* }
        ri_r { $($ri_r:ident = $ri_r1:ident, $ri_r2:ident;)* }
        rr_i { $($rr_i:ident = $rr_i1:ident, $rr_i2:ident;)* }
        ri_i { $($ri_i:ident = $ri_i1:ident, $ri_i2:ident;)* }
    ) => {
        /// The fused instruction, and the slot its data word holds if it has one, for
        /// `first`, which computed the temporary `temp`, followed by `second` reading it
        /// (its operands are temporaries as `temps` says).
        fn fused(
            first: Instr,
            second: Instr,
            temps: (bool, bool),
            temp: Reg,
        ) -> Option<(Instr, Option<Reg>)> {
            // The operand of `second` that is not the temporary, if the pair can be computed
            // as `(a op1 b) op2 other`.
            let other = |lhs: Reg, rhs: Reg| match side(lhs, Some(rhs), temps, temp)? {
                Side::Left => Some(rhs),
                Side::Right if commutes(second) => Some(lhs),
                Side::Right => None,
            };
            $(
                if let (Instr::$rr_r1 { lhs: a, rhs: b, .. }, Instr::$rr_r2 { dst, lhs, rhs })
                    = (first, second)
                {
                    if let Some(c) = other(lhs, rhs) {
                        return Some((Instr::$rr_r { dst, lhs: a, rhs: b }, Some(c)));
                    }
                }
            )*
            $(
                if let (Instr::$r_rr1 { lhs: a, rhs: b, .. }, Instr::$r_rr2 { dst, lhs, rhs })
                    = (first, second)
                {
                    if side(lhs, Some(rhs), temps, temp) == Some(Side::Right) {
                        return Some((Instr::$r_rr { dst, lhs: a, rhs: b }, Some(lhs)));
                    }
                }
            )*
            $(
                if let (Instr::$ri_r1 { lhs: a, imm, .. }, Instr::$ri_r2 { dst, lhs, rhs })
                    = (first, second)
                {
                    if let (Some(other), Some(imm)) = (other(lhs, rhs), narrow(imm)) {
                        return Some((Instr::$ri_r { dst, lhs: a, other, imm }, None));
                    }
                }
            )*
            $(
                if let (Instr::$rr_i1 { lhs: a, rhs: b, .. }, Instr::$rr_i2 { dst, lhs, imm })
                    = (first, second)
                {
                    let left = side(lhs, None, temps, temp) == Some(Side::Left);
                    if let (true, Some(imm)) = (left, narrow(imm)) {
                        return Some((Instr::$rr_i { dst, lhs: a, rhs: b, imm }, None));
                    }
                }
            )*
            $(
                if let (Instr::$ri_i1 { lhs: a, imm, .. }, Instr::$ri_i2 { dst, lhs, imm: imm2 })
                    = (first, second)
                {
                    let left = side(lhs, None, temps, temp) == Some(Side::Left);
                    if let (true, Some(imm2)) = (left, narrow(imm2)) {
                        return Some((Instr::$ri_i { dst, lhs: a, imm, imm2 }, None));
                    }
                }
            )*
            None
        }

        /// The destination of a fused pair with a data word (see [`result_mut`]).
        fn pair_dst(instr: &mut Instr) -> Option<&mut Reg> {
            match instr {
                $(Instr::$rr_r { dst, .. } => Some(dst),)*
                $(Instr::$r_rr { dst, .. } => Some(dst),)*
                _ => None,
            }
        }
    };
}

crate::engine::isa::for_each_pair!(fusion);

#[cfg(test)]
mod tests {
    use crate::engine::ir::Instr;
    use crate::{Config, Engine, Linker, Module, Store, Val};

    /// A row of the table of pairs: the fused instruction, its shape, the two instructions.
    type Row = (&'static str, &'static str, &'static str, &'static str);

    macro_rules! rows {
        ($($shape:ident { $($fused:ident = $first:ident, $second:ident;)* })*) => {
            vec![$($(
                (stringify!($fused), stringify!($shape), stringify!($first), stringify!($second)),
            )*)*]
        };
    }

    fn rows() -> Vec<Row> {
        crate::engine::isa::for_each_pair!(rows)
    }

    /// The Wasm type and operator of an IR instruction's name: `I32ShrUImm` is `i32.shr_u`.
    fn wasm(name: &str) -> (String, String) {
        let (ty, op) = name.split_at(3);
        let op = op.strip_suffix("Imm").unwrap_or(op);
        let op = match op {
            "ShrU" => "shr_u".to_string(),
            "ShrS" => "shr_s".to_string(),
            other => other.to_lowercase(),
        };
        (ty.to_lowercase(), op)
    }

    /// The constants a row's immediates are tested with, as the Wasm text writes them.
    fn immediates(ty: &str, op: &str) -> Vec<String> {
        let ints: &[i64] = match op {
            "shl" | "shr_u" | "shr_s" | "rotl" => &[0, 3, 31, 33, 63, 64, 100],
            _ => &[0, 1, -1, 7, 255, 1023, 32767, -32768],
        };
        match ty {
            "f32" | "f64" => vec!["0.5".into(), "-0".into(), "nan".into()],
            _ => ints.iter().map(|i| i.to_string()).collect(),
        }
    }

    /// The inputs the slots hold, as the Wasm values of type `ty`.
    fn inputs(ty: &str) -> Vec<Val> {
        let ints: [i64; 8] = [0, 1, -1, 31, 64, i64::MIN, i64::MAX, 0x1234_5678_9abc_def1];
        match ty {
            "i32" => ints.iter().map(|&v| Val::I32(v as i32)).collect(),
            "i64" => ints.iter().map(|&v| Val::I64(v)).collect(),
            "f32" => [
                0.0f32,
                -0.0,
                1.5,
                -2.25,
                f32::NAN,
                f32::INFINITY,
                -3e38,
                1e-45,
            ]
            .iter()
            .map(|&v| Val::F32(v.to_bits()))
            .collect(),
            _ => [
                0.0,
                -0.0,
                1.5,
                -2.25,
                f64::NAN,
                f64::INFINITY,
                -1e308,
                3e-310,
            ]
            .iter()
            .map(|&v| Val::F64(v.to_bits()))
            .collect(),
        }
    }

    /// The Wasm text of `(a op1 b) op2 c` for a row (`c op2 (a op1 b)` when `reversed`), the
    /// immediates `k1`/`k2` in place of `b`/`c` as its shape says; with `apart`, the
    /// intermediate goes through a local, which keeps the two instructions apart.
    fn expr(row: Row, k1: &str, k2: &str, reversed: bool, apart: bool) -> String {
        let ((ty, op1), (_, op2)) = (wasm(row.2), wasm(row.3));
        let imm1 = matches!(row.1, "ri_r" | "ri_i");
        let imm2 = matches!(row.1, "rr_i" | "ri_i");
        let b = if imm1 {
            format!("({ty}.const {k1})")
        } else {
            "(local.get $b)".into()
        };
        let c = if imm2 {
            format!("({ty}.const {k2})")
        } else {
            "(local.get $c)".into()
        };
        let first = format!("({ty}.{op1} (local.get $a) {b})");
        let (first, set) = if apart {
            (
                "(local.get $t)".to_string(),
                format!("(local.set $t {first})"),
            )
        } else {
            (first, String::new())
        };
        let (l, r) = if reversed { (c, first) } else { (first, c) };
        format!("{set} ({ty}.{op2} {l} {r})")
    }

    fn module(row: Row, body: &str) -> String {
        let ty = wasm(row.2).0;
        format!(
            r#"(module (func (export "run") (param $a {ty}) (param $b {ty}) (param $c {ty})
              (result {ty}) (local $t {ty}) {body}))"#
        )
    }

    fn code(wat: &str) -> Vec<Instr> {
        crate::engine::translator::test_code(wat, false)
    }

    fn name(instr: &Instr) -> String {
        let text = format!("{instr:?}");
        text.split([' ', '{'])
            .next()
            .unwrap_or_default()
            .to_string()
    }

    /// Whether the row's operands may be read in the order `reversed` and still fuse: `r_rr`
    /// rows only reversed, the others in their order, or reversed when the second commutes
    /// (a constant on the left of an operator that commutes becomes its immediate).
    fn fuses(row: Row, reversed: bool) -> bool {
        let commutes = super::commutes(row_second(row));
        match row.1 {
            "r_rr" => reversed,
            _ => !reversed || commutes,
        }
    }

    /// The second instruction of a row, with any operands (for `commutes`).
    fn row_second(row: Row) -> Instr {
        let instr = format!("{}.{}", wasm(row.3).0, wasm(row.3).1);
        let t = wasm(row.3).0;
        let body = format!("({instr} (local.get $a) (local.get $b))");
        let code = code(&format!(
            r#"(module (func (param $a {t}) (param $b {t}) (result {t}) {body}))"#
        ));
        code[0]
    }

    /// The exported `run` of `wat`, instantiated once, as a function of its arguments.
    fn runner(wat: &str) -> impl FnMut(&[Val]) -> Val {
        let engine = Engine::new(&Config::default());
        let module = Module::new(&engine, wat).unwrap();
        let mut store = Store::new(&engine, ());
        let instance = Linker::new(&engine)
            .instantiate(&mut store, &module)
            .unwrap();
        let run = instance.get_func(&store, "run").unwrap();
        move |args| {
            let mut out = [args[0]];
            run.call(&mut store, args, &mut out).unwrap();
            out[0]
        }
    }

    /// The value's bits; every NaN as one: Wasm leaves the sign and payload of a NaN computed
    /// from NaNs open, and the compiler orders the operands of a float add or multiply as it
    /// likes, fused or not.
    fn bits(v: Val) -> u64 {
        match v {
            Val::I32(x) => u64::from(x as u32),
            Val::I64(x) => x as u64,
            Val::F64(x) if f64::from_bits(x).is_nan() => f64::NAN.to_bits(),
            Val::F64(x) => x,
            Val::F32(x) if f32::from_bits(x).is_nan() => u64::from(f32::NAN.to_bits()),
            Val::F32(x) => u64::from(x),
            other => panic!("a number, found {other:?}"),
        }
    }

    #[test]
    fn every_pair_fuses_in_its_shape_and_only_where_the_order_allows() {
        for row in rows() {
            for reversed in [false, true] {
                let wat = module(row, &expr(row, "5", "9", reversed, false));
                let together = code(&wat);
                let fused = together.iter().any(|i| name(i) == row.0);
                assert_eq!(
                    fused,
                    fuses(row, reversed),
                    "{row:?} reversed {reversed}: {together:?}"
                );
                let apart = code(&module(row, &expr(row, "5", "9", reversed, true)));
                assert!(
                    !apart.iter().any(|i| name(i) == row.0),
                    "{row:?}: {apart:?}"
                );
            }
        }
    }

    #[test]
    fn every_pair_computes_what_the_two_operators_do() {
        for row in rows() {
            let ty = wasm(row.2).0;
            let (op1, op2) = (wasm(row.2).1, wasm(row.3).1);
            let values = inputs(&ty);
            // One immediate for a shape without it: it is not in the text.
            let k1s = match row.1 {
                "ri_r" | "ri_i" => immediates(&ty, &op1),
                _ => vec!["0".into()],
            };
            let k2s = match row.1 {
                "rr_i" | "ri_i" => immediates(&ty, &op2),
                _ => vec!["0".into()],
            };
            for reversed in [false, true] {
                for k1 in &k1s {
                    for k2 in &k2s {
                        let mut fused = runner(&module(row, &expr(row, k1, k2, reversed, false)));
                        let mut apart = runner(&module(row, &expr(row, k1, k2, reversed, true)));
                        for a in &values {
                            for b in &values {
                                for c in &values {
                                    let args = [*a, *b, *c];
                                    assert_eq!(
                                        bits(fused(&args)),
                                        bits(apart(&args)),
                                        "{row:?} {k1} {k2} reversed {reversed} {args:?}"
                                    );
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_pair_split_by_a_label_or_a_temporary_read_twice_stays_apart() {
        for body in [
            // The loop's head is a label between the two.
            "(i32.mul (local.get $a) (local.get $b))
             (loop (param i32) (result i32) (local.get $c) (i32.add))",
            // The product is kept in a local and read twice.
            "(i32.add (local.tee $t (i32.mul (local.get $a) (local.get $b))) (local.get $t))",
            // A product not read by the add.
            "(drop (i32.mul (local.get $a) (local.get $b)))
             (i32.add (local.get $a) (local.get $c))",
        ] {
            let wat = format!(
                r#"(module (func (param $a i32) (param $b i32) (param $c i32) (result i32)
                  (local $t i32) {body}))"#
            );
            let code = code(&wat);
            assert!(
                !code.iter().any(|i| matches!(i, Instr::I32MulAdd { .. })),
                "{body}: {code:?}"
            );
        }
    }

    #[test]
    fn a_pair_fuses_with_gas_metering_and_its_result_goes_straight_into_a_local() {
        let wat = r#"(module (func (param $a i32) (param $b i32) (param $c i32) (result i32)
            (local.set $c (i32.add (i32.mul (local.get $a) (local.get $b)) (local.get $c)))
            (local.get $c)))"#;
        let code = crate::engine::translator::test_code(wat, true);
        let at = code
            .iter()
            .position(|i| {
                matches!(
                    i,
                    Instr::I32MulAdd {
                        dst: 2,
                        lhs: 0,
                        rhs: 1
                    }
                )
            })
            .unwrap_or_else(|| panic!("{code:?}"));
        assert!(matches!(code[at + 1], Instr::Data { a: 2, .. }), "{code:?}");
        assert!(
            !code.iter().any(|i| matches!(i, Instr::Copy { .. })),
            "{code:?}"
        );
    }
}
