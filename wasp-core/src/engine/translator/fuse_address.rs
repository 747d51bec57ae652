//! Fusing the `i32.add` of a constant that computes an address into the load or store that
//! uses it.
//!
//! `(i32.load (i32.add (local.get $p) (i32.const 16)))` translates into one instruction,
//! [`Instr::Load32UAdd`], that reads `$p` and accesses memory 0 at `($p + 16) mod 2^32`: the
//! sum wraps at 32 bits exactly as the `i32.add` did, and the access then adds its static
//! offset (the fusion is made only when that offset is 0, so nothing else changes) and is
//! bounds-checked as before. Folding the constant into the 64-bit static offset instead
//! would not wrap, and would turn a wrapped in-bounds address into a trap.
//!
//! The sum must be a temporary read by the access alone: it is the top of the operand stack
//! computed by the very last instruction (no `local.tee` kept it, no other instruction came
//! between, so no branch lands between them and no pause can stop there). The gas paid is
//! unchanged: it is charged per Wasm operator, in the block's `ConsumeGas`.

use super::{Operand, Translator};
use crate::engine::ir::{Instr, Reg};

impl Translator<'_> {
    /// The fused form of `access` (a memory-0 access with static offset 0, its address not
    /// yet filled in) when its address `ptr`, just popped from `pos`, is an `i32.add` of a
    /// constant computed by the last instruction into that temporary: the `i32.add` is
    /// removed and the caller emits the fused access in its place. `None` otherwise, with
    /// nothing changed.
    pub(super) fn fuse_address(
        &mut self,
        ptr: Operand,
        pos: usize,
        access: Instr,
    ) -> Option<Instr> {
        if ptr != Operand::Temp || added(access, 0, 0).is_none() {
            return None;
        }
        let at = self.last_result?;
        if at + 1 != self.code.len() {
            return None;
        }
        let Instr::I32AddImm { dst, lhs, imm } = self.code[at] else {
            return None;
        };
        if dst != self.temp(pos) {
            return None;
        }
        self.code.truncate(at);
        self.last_result = None;
        self.fused_at = Some(at);
        added(access, lhs, imm as u32)
    }
}

/// Generates [`added`] from the pairs of a memory-0 access and its fused form.
macro_rules! added_forms {
    (
        loads { $($load:ident => $load_add:ident;)* }
        stores { $($store:ident => $store_add:ident;)* }
    ) => {
        /// The fused form of `access`, a memory-0 access with static offset 0, at address
        /// `(ptr + imm) mod 2^32`; `None` if the access has no fused form.
        pub(super) fn added(access: Instr, ptr: Reg, imm: u32) -> Option<Instr> {
            Some(match access {
                $(Instr::$load { dst, .. } => Instr::$load_add { dst, ptr, imm },)*
                $(Instr::$store { val, .. } => Instr::$store_add { ptr, val, imm },)*
                _ => return None,
            })
        }
    };
}

added_forms! {
    loads {
        Load8S => Load8SAdd;
        Load8U => Load8UAdd;
        Load16S => Load16SAdd;
        Load16U => Load16UAdd;
        Load32S => Load32SAdd;
        Load32U => Load32UAdd;
        Load64 => Load64Add;
        V128Load => V128LoadAdd;
    }
    stores {
        Store8 => Store8Add;
        Store16 => Store16Add;
        Store32 => Store32Add;
        Store64 => Store64Add;
        V128Store => V128StoreAdd;
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::ir::Instr;
    use crate::{Config, Engine, Module};

    /// The code of the module's first function, metered or not.
    fn code(wat: &str, gas: bool) -> Vec<Instr> {
        let mut config = Config::default();
        config.gas_metering(gas);
        let module = Module::new(&Engine::new(&config), wat).unwrap();
        let func = module.inner.compiled(0).unwrap();
        func.ops.iter().map(|op| op.instr).collect()
    }

    fn func(body: &str) -> String {
        format!(
            "(module (memory 1) (memory 1)
               (func (param $p i32) (param $v i32) (param $w v128) (result i32) (local $t i32)
                 {body} (local.get $v)))"
        )
    }

    fn fused(code: &[Instr]) -> usize {
        code.iter()
            .filter(|i| format!("{i:?}").split(' ').next().unwrap().ends_with("Add"))
            .filter(|i| !matches!(i, Instr::I32Add { .. } | Instr::I64Add { .. }))
            .count()
    }

    const P16: &str = "(i32.add (local.get $p) (i32.const 16))";

    #[test]
    fn every_load_and_store_of_memory_0_fuses_its_added_address() {
        for gas in [false, true] {
            for (op, result) in [
                ("i32.load8_s", "drop"),
                ("i32.load8_u", "drop"),
                ("i32.load16_s", "drop"),
                ("i64.load16_u", "drop"),
                ("i64.load32_s", "drop"),
                ("f32.load", "drop"),
                ("f64.load", "drop"),
                ("v128.load", "drop"),
            ] {
                let code = code(&func(&format!("({op} {P16}) {result}")), gas);
                assert_eq!(fused(&code), 1, "{op}: {code:?}");
                assert!(
                    !code.iter().any(|i| matches!(i, Instr::I32AddImm { .. })),
                    "{op}"
                );
            }
            for (op, val) in [
                ("i32.store8", "(local.get $v)"),
                ("i32.store16", "(local.get $v)"),
                ("i32.store", "(local.get $v)"),
                ("i64.store", "(i64.const 5)"),
                ("v128.store", "(local.get $w)"),
            ] {
                let wat = func(&format!("(loop ({op} {P16} {val}))"));
                let code = code(&wat, gas);
                assert_eq!(fused(&code), 1, "{op}: {code:?}");
            }
        }
    }

    #[test]
    fn a_sum_used_elsewhere_or_not_right_before_is_not_fused() {
        for body in [
            // A static offset: the fusion would have to fold it.
            format!("(i32.load offset=4 {P16}) drop"),
            // The sum is kept in a local.
            "(i32.load (local.tee $t (i32.add (local.get $p) (i32.const 16)))) drop".into(),
            // Another memory.
            format!("(i32.load 1 {P16}) drop"),
            // The stored value is computed after the address.
            format!("(i32.store {P16} (i32.mul (local.get $v) (local.get $v)))"),
            // A sum of two registers.
            "(i32.load (i32.add (local.get $p) (local.get $v))) drop".into(),
        ] {
            let code = code(&func(&body), false);
            assert_eq!(fused(&code), 0, "{body}: {code:?}");
        }
    }
}
